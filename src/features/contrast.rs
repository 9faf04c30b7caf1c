//! Contrast: the line against its document. An injected betting paragraph shares the topic
//! of the raid report it sits in; what gives it away is that it promotes where the report
//! reports: promotion words and no news framing in the line, news framing all around it, a
//! wording the vocabulary finds far more promotional than the page's, and, for a glued title,
//! the first line.

use super::{Analysis, density};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "contrast.promo",
    "contrast.news",
    "contrast.promo_in_news",
    "contrast.vocab",
    "contrast.first_promo",
];

/// Promotion hits of line `i`: spam terms, calls to action, the reader addressed, superlatives.
fn promo_hits(a: &Analysis, i: usize) -> u32 {
    let l = &a.lines[i].lex;
    l.spam_total() + l.cta + l.register[1] + l.register[3]
}

/// News-framing hits of line `i`: enforcement vocabulary and reported speech.
fn news_hits(a: &Analysis, i: usize) -> u32 {
    let l = &a.lines[i].lex;
    l.enforcement + l.register[0]
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let f = &a.facts;
    let units = a.lines[i].scan.word_units();
    let doc_promo = f.spam_hits + f.cta_hits + f.register_hits[1] + f.register_hits[3];
    let doc_news = f.enforcement_hits + f.register_hits[0];
    let (promo, news) = (promo_hits(a, i), news_hits(a, i));
    let promo_in_news = if promo > 0 && news == 0 { density(doc_news - news, f.units) } else { 0.0 };
    let first = f.first_non_blank == Some(i);
    out.copy_from_slice(&[
        density(promo, units) - density(doc_promo, f.units),
        density(news, units) - density(doc_news, f.units),
        promo_in_news,
        a.lines[i].vocab.mean() - f.vocab_mean,
        (first && promo > 0) as u8 as f32 * (1.0 + promo as f32).ln(),
    ]);
}
