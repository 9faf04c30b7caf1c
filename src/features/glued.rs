//! Glued words: several words or queries written without spaces (`NgaPutinvàChủtịch`),
//! words far longer than the document's norm, brand-like letter+digit words (`sin88`) and
//! digits glued to words (`2023nhận`), spaced-out letters (`A L E X I S`).

use super::{Analysis, log1};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "glued.camel",
    "glued.long_tokens",
    "glued.max_token_ratio",
    "glued.brand_tokens",
    "glued.digit_word",
    "glued.spaced_letters",
];

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let s = &a.lines[i].scan;
    // The norm comes from the document itself, so German compounds or agglutinative
    // languages set their own scale. Capped: one 200-letter word is as bad as a 50-letter one.
    let max_ratio = if a.facts.mean_word > 0.0 && s.max_word > 0 {
        (s.max_word as f32 / a.facts.mean_word).min(10.0)
    } else {
        0.0
    };
    out.copy_from_slice(&[
        log1(s.camel),
        log1(s.long_words),
        max_ratio,
        log1(s.brand_words),
        log1(s.digit_words),
        log1(s.spaced_runs),
    ]);
}
