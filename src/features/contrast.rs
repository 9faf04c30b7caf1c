//! Contrast: the line against its document. An injected betting paragraph shares the topic
//! of the raid report it sits in; what gives it away is that it promotes where the report
//! reports: more promotion words than the page holds on average, a wording the vocabulary
//! finds far more promotional than the page's, and, for a glued title, promotion on the
//! first line.
//!
//! Only the excess of promotion words counts (`contrast.promo` is never negative), and news
//! words are not compared at all. Most lines of a page hold fewer of either than the page as
//! a whole, so a signed column of the line's density minus the page's reads as the page's
//! own density, negated: "this is a news page" outvoted the betting paragraph injected into
//! a raid report, and "this page addresses its reader" turned an article's last sentence
//! before a block of clickbait into spam (see [`super::context`]).

use super::lexicon::promo_hits;
use super::{Analysis, density};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "contrast.promo",
    "contrast.vocab",
    "contrast.first_promo",
];

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let f = &a.facts;
    let l = &a.lines[i].lex;
    let units = a.lines[i].scan.word_units();
    let promo = promo_hits(l.spam_total(), l.cta, &l.register);
    let first = f.first_non_blank == Some(i);
    out.copy_from_slice(&[
        (if promo > 0 { density(promo, units) } else { 0.0 } - f.densities.promo).max(0.0),
        a.lines[i].vocab.mean() - f.vocab_mean,
        (first && promo > 0) as u8 as f32 * (1.0 + promo as f32).ln(),
    ]);
}
