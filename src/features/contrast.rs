//! Contrast: the line against its document. An injected betting paragraph shares the topic
//! of the raid report it sits in; what gives it away is that it promotes where the report
//! reports: promotion words and no news framing in the line, news framing all around it, a
//! wording the vocabulary finds far more promotional than the page's, and, for a glued title,
//! the first line.

use super::lexicon::promo_hits;
use super::{Analysis, density};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "contrast.promo",
    "contrast.news",
    "contrast.promo_in_news",
    "contrast.vocab",
    "contrast.first_promo",
];

/// News-framing hits of line `i`: enforcement vocabulary and reported speech.
fn news_hits(a: &Analysis, i: usize) -> u32 {
    let l = &a.lines[i].lex;
    l.enforcement + l.register[0]
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let f = &a.facts;
    let l = &a.lines[i].lex;
    let units = a.lines[i].scan.word_units();
    let (promo, news) = (promo_hits(l.spam_total(), l.cta, &l.register), news_hits(a, i));
    let doc_news = f.enforcement_hits + f.register_hits[0];
    let promo_in_news = if promo > 0 && news == 0 { density(doc_news - news, f.units) } else { 0.0 };
    let first = f.first_non_blank == Some(i);
    out.copy_from_slice(&[
        if promo > 0 { density(promo, units) } else { 0.0 } - f.densities.promo,
        if news > 0 { density(news, units) } else { 0.0 } - f.densities.news,
        promo_in_news,
        a.lines[i].vocab.mean() - f.vocab_mean,
        (first && promo > 0) as u8 as f32 * (1.0 + promo as f32).ln(),
    ]);
}
