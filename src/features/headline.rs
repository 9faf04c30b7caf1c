//! Headline blocks: headline-shaped lines (short, no final full stop), the run of them a
//! line belongs to, whether the run sits after the article's end, and how little the run
//! shares with the article. Eleven unrelated clickbait titles after an article are the
//! textbook case.

use super::{Analysis, log1, shape};

/// Marker categories that head a site's own list of links: read also, navigation, tags
/// ([`crate::resources::MARKER_CATEGORIES`] bits 3, 9 and 7).
const LIST_HEADINGS: u16 = 1 << 3 | 1 << 9 | 1 << 7;

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &["head.shape", "head.run", "head.run_tail", "head.run_lowcoh", "head.run_unannounced"];

/// Whether line `i` looks like a headline: 4 to 20 word units (credit lines and names are
/// shorter), at most 160 characters,
/// mostly letters, no final full stop (a question or exclamation mark or an ellipsis is
/// fine), no link, no boilerplate marker.
fn is_headline(a: &Analysis, i: usize) -> bool {
    let l = &a.lines[i];
    let s = &l.scan;
    let units = s.word_units();
    (4..=20).contains(&units)
        && s.chars <= 160
        && !s.full_stop
        && s.letters * 2 >= s.chars.saturating_sub(units)
        && !l.links.any()
        && !l.bp.any()
}

/// Marks headline-shaped lines. Runs after the links and boilerplate analyses.
pub(crate) fn analyze(a: &mut Analysis) {
    for i in 0..a.lines.len() {
        let head = !a.lines[i].blank && is_headline(a, i);
        a.lines[i].head = head;
    }
}

/// The first and last line of the run of headline-shaped non-blank lines holding `i`.
fn run_bounds(a: &Analysis, i: usize) -> Option<(usize, usize, u32)> {
    if !a.lines[i].head {
        return None;
    }
    let (mut first, mut last, mut len) = (i, i, 1);
    while let Some(k) = a.prev[first].filter(|&k| a.lines[k].head) {
        first = k;
        len += 1;
    }
    while let Some(k) = a.next[last].filter(|&k| a.lines[k].head) {
        last = k;
        len += 1;
    }
    Some((first, last, len))
}

/// For each line, the first line of the run of headline-shaped lines it belongs to.
pub(crate) fn run_starts(a: &Analysis) -> Vec<Option<usize>> {
    (0..a.lines.len()).map(|i| run_bounds(a, i).map(|(first, _, _)| first)).collect()
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let Some((first, last, len)) = run_bounds(a, i) else {
        out.fill(0.0);
        return;
    };
    // The run is in the document's tail: after the last body line, or running to the end.
    let tail = a.facts.last_non_blank == Some(last) || shape::after_body(a, first);
    let overlap = a.lines[i].coh.overlap;
    // A site's own list of links comes under a heading (`Tin liên quan`, `Read more`,
    // `Baca juga`); pasted headlines just follow the article.
    let announced = a.prev[first].is_some_and(|k| a.lines[k].bp.markers & LIST_HEADINGS != 0);
    out.copy_from_slice(&[
        1.0,
        log1(len),
        tail as u8 as f32,
        log1(len) * (1.0 - overlap),
        (len >= 3 && !announced) as u8 as f32 * log1(len),
    ]);
}
