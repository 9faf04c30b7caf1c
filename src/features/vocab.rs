//! The learned vocabulary ([`crate::model::vocab`]) over each line's tokens, pairs of
//! adjacent tokens and word stems: how promotional the line's wording is, and its
//! neighbours'. The whole document's wording (its mean weight) goes to the document model
//! and to the `contrast.vocab` feature: a betting paragraph in a police report stands out
//! from it.

use super::coherence::Tokens;
use super::{Analysis, log1};
use crate::model::vocab::{Vocabulary, pair_hash};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "vocab.mean",
    "vocab.sum",
    "vocab.pos",
    "vocab.neg",
    "vocab.ctx",
    "vocab.bp_mean",
    "vocab.bp_sum",
    "vocab.head",
];

/// Tokens at the start of a line that [`VocabFacts::head`] reads: a spam title glued onto a
/// news title is a handful of words.
const HEAD_TOKENS: usize = 8;

/// A term weight from which a hit counts as clearly promotional (or, negated, as clearly
/// not): about seven times likelier in spam lines than in others.
const CLEAR: f32 = 2.0;

/// What the vocabulary says of one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct VocabFacts {
    /// Summed weights of the line's terms.
    pub sum: f32,
    /// Tokens in the line (matched or not).
    pub tokens: u32,
    /// Terms of weight at least [`CLEAR`].
    pub pos: u32,
    /// Terms of weight at most −[`CLEAR`].
    pub neg: u32,
    /// Summed boilerplate weights of the line's terms.
    pub bp_sum: f32,
    /// Summed spam weight per token of the line's first [`HEAD_TOKENS`] tokens.
    pub head: f32,
}

impl VocabFacts {
    /// Summed weight per token.
    pub fn mean(&self) -> f32 {
        if self.tokens == 0 { 0.0 } else { self.sum / self.tokens as f32 }
    }
}

/// Looks every token, every pair of adjacent tokens and every word stem up in `vocab`.
pub(crate) fn analyze(a: &mut Analysis, vocab: Option<&Vocabulary>, tokens: &Tokens) {
    let Some(vocab) = vocab.filter(|v| !v.is_empty()) else { return };
    let (mut sum, mut count) = (0.0, 0u32);
    for i in 0..a.lines.len() {
        if a.lines[i].blank {
            continue;
        }
        let line = tokens.line(i);
        let mut facts = VocabFacts { tokens: line.len() as u32, ..VocabFacts::default() };
        let pairs = line.windows(2).map(|w| pair_hash(w[0].hash, w[1].hash));
        let singles = line.iter().map(|t| t.hash).enumerate();
        let stems = line.iter().enumerate().filter(|(_, t)| t.stem != 0).map(|(k, t)| (k, t.stem));
        let mut head = 0.0;
        for (k, [w, bp]) in singles.chain(pairs.enumerate()).chain(stems).filter_map(|(k, h)| vocab.weight(h).map(|w| (k, w))) {
            facts.sum += w;
            facts.pos += (w >= CLEAR) as u32;
            facts.neg += (w <= -CLEAR) as u32;
            facts.bp_sum += bp;
            if k < HEAD_TOKENS {
                head += w;
            }
        }
        facts.head = head / line.len().clamp(1, HEAD_TOKENS) as f32;
        sum += facts.sum;
        count += facts.tokens;
        a.lines[i].vocab = facts;
    }
    a.facts.vocab_mean = if count == 0 { 0.0 } else { sum / count as f32 };
}

/// `sign(x) · ln(1 + |x|)`: a sum of weights squashed like a count, keeping its sign.
fn signed_log(x: f32) -> f32 {
    x.signum() * x.abs().ln_1p()
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let v = &a.lines[i].vocab;
    let (mut ctx, mut n) = (0.0, 0.0);
    for j in [a.prev[i], a.next[i]].into_iter().flatten() {
        ctx += a.lines[j].vocab.mean();
        n += 1.0;
    }
    let ctx = if n > 0.0 { ctx / n } else { 0.0 };
    out.copy_from_slice(&[
        v.mean(),
        signed_log(v.sum),
        log1(v.pos),
        log1(v.neg),
        ctx,
        if v.tokens == 0 { 0.0 } else { v.bp_sum / v.tokens as f32 },
        signed_log(v.bp_sum),
        v.head,
    ]);
}
