//! Glued words: several words or queries written without spaces (`NgaPutinvàChủtịch`),
//! words far longer than the document's norm, brand-like letter+digit words (`sin88`) and
//! digits glued to words (`2023nhận`), spaced-out letters (`A L E X I S`), and a title run
//! into the text after it with promotion before the join (`online pharmaciesPolice in…`),
//! and whether that join sits in the title position.

use super::{Analysis, LineFacts, log1};
use crate::chars::is_word_char;
use crate::resources::Resources;

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "glued.camel",
    "glued.long_tokens",
    "glued.max_token_ratio",
    "glued.brand_tokens",
    "glued.brand_gambling",
    "glued.digit_word",
    "glued.spaced_letters",
    "glued.in_prose",
    "glued.break",
    "glued.break_spam",
    "glued.break_title",
];

/// The glue point of a line (see [`LineScan::glue`](super::scan::LineScan)) when it splits the line into a head of
/// title length and a longer text after it: where a spam title was run into a news title.
pub(crate) fn break_point(l: &LineFacts) -> Option<usize> {
    /// The longest head, in bytes (a long title in a script of three-byte letters).
    const MAX_HEAD: usize = 240;
    /// The shortest text after the glue point, in bytes.
    const MIN_REST: usize = 40;
    let at = l.scan.glue? as usize;
    let len = l.norm.1 - l.norm.0;
    (at <= MAX_HEAD && len.saturating_sub(at) >= MIN_REST).then_some(at)
}

/// Whether line `i` is one of the document's first two lines with text.
fn in_title_position(a: &Analysis, i: usize) -> bool {
    a.facts.second_non_blank.is_none_or(|second| i <= second)
}

/// Words that mix letters and digits and hold a fragment of gambling brand names
/// (`sin88`, `cwin444`, `MEGABET99`), unlike `BN2912`, `500ml` or `iPhone12`.
pub(crate) fn analyze(a: &mut Analysis, r: &Resources) {
    for i in 0..a.lines.len() {
        if a.lines[i].blank || a.lines[i].scan.brand_words == 0 {
            continue;
        }
        let line = a.norm_line(i);
        let hits = line
            .split(|c: char| !is_word_char(c))
            .filter(|w| w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().any(|b| b.is_ascii_alphabetic()))
            .filter(|w| r.domains.host_mask(w) & 1 != 0)
            .count();
        a.lines[i].brand_gambling = hits as u32;
    }
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let s = &a.lines[i].scan;
    // The norm comes from the document itself, so German compounds or agglutinative
    // languages set their own scale. Capped: one 200-letter word is as bad as a 50-letter one.
    let max_ratio = if a.facts.mean_word > 0.0 && s.max_word > 0 {
        (s.max_word as f32 / a.facts.mean_word).min(10.0)
    } else {
        0.0
    };
    let broken = break_point(&a.lines[i]).is_some();
    out.copy_from_slice(&[
        log1(s.camel),
        log1(s.long_words),
        max_ratio,
        log1(s.brand_words),
        log1(a.lines[i].brand_gambling),
        log1(s.digit_words),
        log1(s.spaced_runs),
        // Glued words inside a sentence (a title run into its lead paragraph) are injected
        // queries; glued words on a short line are mostly a menu scraped without spaces.
        if a.lines[i].body { log1(s.long_words + s.camel) } else { 0.0 },
        broken as u32 as f32,
        log1(a.lines[i].lex.before_glue),
        // The same break in the title position (one of the first two lines with text), where
        // a spam title is put in front of the page's own; further down a missing space after
        // a full stop is mostly the scraper's.
        (broken && in_title_position(a, i)) as u32 as f32,
    ]);
}
