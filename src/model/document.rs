//! The document model's inputs: aggregates of the line model's outputs and document-wide
//! evidence, turned into one feature row per document.

use super::LineClass;
use super::line::LineProbs;
use crate::features::{DocumentSignals, log1};

/// Stable names of the document features, in column order.
pub const FEATURE_NAMES: &[&str] = &[
    "doc.max_spam_logit",
    "doc.second_spam_logit",
    "doc.mean_spam",
    "doc.spam_lines",
    "doc.spam_frac",
    "doc.max_boilerplate",
    "doc.spamlex",
    "doc.enforcement",
    "doc.styled",
    "doc.links",
    "doc.lines",
    "doc.max_head_run",
];

/// The document feature names.
pub fn feature_names() -> &'static [&'static str] {
    FEATURE_NAMES
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

/// The document feature row from the (smoothed) line probabilities, the line classes and
/// the document signals.
pub fn features(probs: &[Option<LineProbs>], classes: &[Option<LineClass>], signals: &DocumentSignals) -> Vec<f32> {
    let spam = LineClass::Spam.index();
    let mut ps: Vec<f64> = probs.iter().flatten().map(|p| p[spam]).collect();
    ps.sort_by(|a, b| b.total_cmp(a));
    let n = ps.len().max(1) as f64;
    let spam_lines = classes.iter().filter(|c| **c == Some(LineClass::Spam)).count() as u32;
    let max_bp = probs.iter().flatten().map(|p| p[LineClass::Boilerplate.index()]).fold(0.0, f64::max);
    vec![
        logit(ps.first().copied().unwrap_or(0.0)) as f32,
        logit(ps.get(1).copied().unwrap_or(0.0)) as f32,
        (ps.iter().sum::<f64>() / n) as f32,
        log1(spam_lines),
        (spam_lines as f64 / n) as f32,
        max_bp as f32,
        log1(signals.spam_hits),
        log1(signals.enforcement_hits),
        log1(signals.styled),
        log1(signals.links),
        log1(signals.lines),
        log1(signals.max_head_run),
    ]
}
