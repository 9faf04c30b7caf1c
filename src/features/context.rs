//! Context: what the neighbouring lines say about a line. A short line between two gambling
//! lines reads differently from the same line between two paragraphs of an article.
//!
//! The whole page's evidence (its lexicon and register densities, its vocabulary) is not a
//! line feature: it would let a page's news framing outvote a promotion paragraph injected
//! into it, the very line to find. The page weighs in later, through the first line models'
//! verdicts on all its lines ([`crate::model::stacked`]) and in the document model.

use super::{Analysis, log1};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "ctx.prev_spamlex",
    "ctx.next_spamlex",
    "ctx.prev_head",
    "ctx.next_head",
    "ctx.prev_bp",
    "ctx.next_bp",
    "ctx.prev_link",
    "ctx.next_link",
    "ctx.after_comment_marker",
];

/// Evidence of one neighbour: spam lexicon hits, headline shape, boilerplate, links.
fn neighbour(a: &Analysis, j: Option<usize>) -> [f32; 4] {
    let Some(j) = j else { return [0.0; 4] };
    let l = &a.lines[j];
    [
        log1(l.lex.spam_total()),
        l.head as u8 as f32,
        l.bp.any() as u8 as f32,
        l.links.any() as u8 as f32,
    ]
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let [p_lex, p_head, p_bp, p_link] = neighbour(a, a.prev[i]);
    let [n_lex, n_head, n_bp, n_link] = neighbour(a, a.next[i]);
    out.copy_from_slice(&[
        p_lex,
        n_lex,
        p_head,
        n_head,
        p_bp,
        n_bp,
        p_link,
        n_link,
        after_comment_marker(a, i) as u8 as f32,
    ]);
}

/// Whether a comment counter or comments marker (`Komentar (3)`, `Bình luận`) precedes line
/// `i` within the last few lines after the article's body: the lines of a comment section are
/// short and unpunctuated like pasted headlines, but they are readers' content.
fn after_comment_marker(a: &Analysis, i: usize) -> bool {
    const COMMENTS: u16 = 1 << 1; // MARKER_CATEGORIES[1]
    let mut j = a.prev[i];
    let mut steps = 0;
    while let Some(k) = j {
        let bp = &a.lines[k].bp;
        if bp.counter || bp.markers & COMMENTS != 0 {
            return true;
        }
        if a.lines[k].body || steps >= 12 {
            return false;
        }
        steps += 1;
        j = a.prev[k];
    }
    false
}
