//! Headline blocks: headline-shaped lines (short, no final full stop), the run of them a
//! line belongs to, whether the run sits after the article's end, whether a list heading
//! announces it, and how little the run shares with the article. Eleven unrelated clickbait
//! titles after an article are the textbook case. Runs are measured once each, so a page of
//! a hundred thousand headlines costs no more per line than a page of ten.

use super::{Analysis, log1, shape};

/// Marker categories that head a site's own list of links: read also, navigation, tags
/// ([`crate::resources::MARKER_CATEGORIES`] bits 3, 9 and 7).
const LIST_HEADINGS: u16 = 1 << 3 | 1 << 9 | 1 << 7;

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "head.shape",
    "head.run",
    "head.run_tail",
    "head.run_lowcoh",
    "head.run_unannounced",
    "head.run_overlap",
    "head.run_pair_overlap",
];

/// A run of consecutive headline-shaped non-blank lines (blank lines in between do not
/// break it).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Run {
    pub first: usize,
    pub last: usize,
    pub len: u32,
    /// Mean share of the lines' content words found elsewhere in the document.
    pub overlap: f32,
    /// Mean share of the lines' word pairs found elsewhere in the document.
    pub pair_overlap: f32,
}

/// Whether line `i` looks like a headline: 4 to 20 word units (credit lines and names are
/// shorter), at most 160 characters, mostly letters, one sentence with no final full stop (a
/// question or exclamation mark or an ellipsis is fine), no link, no boilerplate marker. A
/// line of two sentences is prose ([`super::shape::is_body`]) or a short other line.
fn is_headline(a: &Analysis, i: usize) -> bool {
    let l = &a.lines[i];
    let s = &l.scan;
    let units = s.word_units();
    (4..=20).contains(&units)
        && s.chars <= 160
        && !s.full_stop
        && s.inner_stops == 0
        && s.letters * 2 >= s.chars.saturating_sub(units)
        && !l.links.any()
        && !l.bp.any()
}

/// Marks headline-shaped lines and measures their runs. Runs after the links, boilerplate
/// and coherence analyses.
pub(crate) fn analyze(a: &mut Analysis) {
    for i in 0..a.lines.len() {
        let head = !a.lines[i].blank && is_headline(a, i);
        a.lines[i].head = head;
    }
    let mut i = 0;
    while i < a.lines.len() {
        if !a.lines[i].head {
            i += 1;
            continue;
        }
        let mut members = vec![i];
        let mut j = a.next[i];
        while let Some(k) = j.filter(|&k| a.lines[k].head) {
            members.push(k);
            j = a.next[k];
        }
        let n = members.len() as f32;
        let run = Run {
            first: i,
            last: *members.last().expect("a run has a line"),
            len: members.len() as u32,
            overlap: members.iter().map(|&k| a.lines[k].coh.overlap).sum::<f32>() / n,
            pair_overlap: members.iter().map(|&k| a.lines[k].coh.pair_overlap).sum::<f32>() / n,
        };
        for &k in &members {
            a.lines[k].run = Some(run);
        }
        i = run.last + 1;
    }
}

/// For each line, the first line of the run of headline-shaped lines it belongs to.
pub(crate) fn run_starts(a: &Analysis) -> Vec<Option<usize>> {
    a.lines.iter().map(|l| l.run.map(|r| r.first)).collect()
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let Some(run) = a.lines[i].run else {
        out.fill(0.0);
        return;
    };
    // The run is in the document's tail: after the last body line, or running to the end.
    let tail = a.facts.last_non_blank == Some(run.last) || shape::after_body(a, run.first);
    let overlap = a.lines[i].coh.overlap;
    // A site's own list of links comes under a heading (`Tin liên quan`, `Read more`,
    // `Baca juga`); pasted headlines just follow the article.
    let announced = a.prev[run.first].is_some_and(|k| a.lines[k].bp.markers & LIST_HEADINGS != 0);
    let long = log1(run.len);
    out.copy_from_slice(&[
        1.0,
        long,
        tail as u8 as f32,
        long * (1.0 - overlap),
        (run.len >= 3 && !announced) as u8 as f32 * long,
        run.overlap,
        run.pair_overlap,
    ]);
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::features::Extractor;

    #[test]
    fn runs_are_measured_once_and_skip_blank_lines() {
        let text = "Một bài báo dài về thời tiết ở Hà Nội hôm nay, mưa lớn kéo dài suốt đêm qua khiến nhiều tuyến phố ngập sâu và giao thông ùn tắc.\n\
                    Giá vàng hôm nay tăng mạnh trên thị trường\n\n\
                    Đội tuyển bóng đá nữ giành chiến thắng quan trọng\n\
                    Cách phát hiện sớm bệnh ung thư dạ dày";
        let doc = Document::new(text);
        let f = Extractor::new().extract(&doc);
        assert_eq!(f.head_runs, vec![None, Some(1), None, Some(1), Some(1)]);
    }
}
