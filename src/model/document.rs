//! The document model's inputs: aggregates of the line model's outputs and document-wide
//! evidence, turned into one feature row per document.

use super::LineClass;
use super::line::LineProbs;
use crate::features::{DocumentSignals, log1, ratio};

/// Stable names of the document features, in column order.
///
/// The line models' verdicts (the spammiest line, how many lines and what share are spam,
/// the mean spam probability) and what the whole text says: its lexicon and register
/// densities, styled letters, links and learned vocabulary; and its length in lines, so
/// that one-line documents (a comment, a keyword string) and pages get their own baseline.
pub const FEATURE_NAMES: &[&str] = &[
    "doc.max_spam_logit",
    "doc.spam_lines",
    "doc.spamlex",
    "doc.enforcement",
    "doc.styled_promo",
    "doc.links",
    "doc.spam_share",
    "doc.vocab",
    "doc.mean_spam",
    "doc.spam_density",
    "doc.news_density",
    "doc.cta_density",
    "doc.reported",
    "doc.address",
    "doc.mechanics",
    "doc.superlative",
    "doc.lines",
];

/// The document feature names.
pub fn feature_names() -> &'static [&'static str] {
    FEATURE_NAMES
}

/// Log-odds, with `p` clamped to [0.01, 0.99]: beyond that the line model is sure either
/// way, and an unclamped tail (training lines at 0.999999) would make a real page's 0.95
/// look doubtful to the document model.
fn logit(p: f64) -> f64 {
    super::linear::logit(p, 0.01)
}

/// The document feature row from the (smoothed) line probabilities, the line classes and
/// the document signals.
pub fn features(probs: &[Option<LineProbs>], classes: &[Option<LineClass>], signals: &DocumentSignals) -> Vec<f32> {
    let spam = LineClass::Spam.index();
    let max_spam = probs.iter().flatten().map(|p| p[spam]).fold(0.0, f64::max);
    let spam_lines = classes.iter().filter(|c| **c == Some(LineClass::Spam)).count() as u32;
    let classed = classes.iter().flatten().count() as u32;
    let mean_spam = probs.iter().flatten().map(|p| p[spam]).sum::<f64>() / classed.max(1) as f64;
    [
        logit(max_spam) as f32,
        log1(spam_lines),
        log1(signals.spam_hits),
        log1(signals.enforcement_hits),
        log1(signals.styled),
        log1(signals.links),
        ratio(spam_lines, classed),
        signals.vocab_mean,
        mean_spam as f32,
    ]
    .into_iter()
    .chain(signals.densities)
    .chain([log1(classed)])
    .collect()
}
