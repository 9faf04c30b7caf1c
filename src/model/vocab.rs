//! The learned vocabulary: words, character bigrams and pairs of them whose presence tells
//! spam lines from the others, or boilerplate from content, each with weights learned from
//! the training data (log-odds, see [`crate::train::vocab`]). It sits beside the
//! curated lexicons: they name what spam is about, the vocabulary adds how real spam pages
//! are written (calls to action, brand names, the second person) and how news is written
//! (reported speech, police and courts), in every language of the training data.
//!
//! Terms are stored as text in the model file, so that a model can be read: a word or a
//! bigram (`gacor`, `注册`), or two of them separated by one space (`link alternatif`,
//! `注册 册送`). When the model loads, each term becomes the hash of the tokens the
//! extractor makes ([`crate::features`]), so matching costs one hash lookup per token on
//! tokens the extractor makes anyway.

use serde::{Deserialize, Serialize};

use crate::resources::{TokenMap, word_hash};

/// The largest weight a term may carry either way: one word must not decide a line alone.
pub const MAX_WEIGHT: f32 = 4.0;

/// The hash of a pair of adjacent tokens, from their hashes.
pub fn pair_hash(first: u64, second: u64) -> u64 {
    first.rotate_left(17) ^ second
}

/// The hash under which a term is looked up: a token's hash, or the pair hash of two
/// space-separated tokens.
pub fn term_hash(term: &str) -> u64 {
    match term.split_once(' ') {
        Some((a, b)) => pair_hash(word_hash(a), word_hash(b)),
        None => word_hash(term),
    }
}

/// A learned term: its text, its spam weight (positive for spam against the other lines)
/// and its boilerplate weight (positive for boilerplate against content).
pub type Term = (String, f32, f32);

/// A learned vocabulary: terms and their two weights.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(from = "VocabularyFile", into = "VocabularyFile")]
pub struct Vocabulary {
    terms: Vec<Term>,
    weights: TokenMap<[f32; 2]>,
}

/// The stored form: the terms in a stable order.
#[derive(Serialize, Deserialize)]
struct VocabularyFile {
    terms: Vec<Term>,
}

impl From<VocabularyFile> for Vocabulary {
    fn from(file: VocabularyFile) -> Self {
        Vocabulary::new(file.terms)
    }
}

impl From<Vocabulary> for VocabularyFile {
    fn from(v: Vocabulary) -> Self {
        VocabularyFile { terms: v.terms }
    }
}

impl PartialEq for Vocabulary {
    fn eq(&self, other: &Self) -> bool {
        self.terms == other.terms
    }
}

impl Vocabulary {
    /// A vocabulary of `terms` (weights are clamped to ±[`MAX_WEIGHT`]; a term given twice
    /// keeps its first weights).
    pub fn new(terms: Vec<Term>) -> Self {
        let clamp = |w: f32| w.clamp(-MAX_WEIGHT, MAX_WEIGHT);
        let weights = TokenMap::new(terms.iter().map(|(term, s, b)| (term_hash(term), [clamp(*s), clamp(*b)])));
        Vocabulary { terms, weights }
    }

    /// The spam and boilerplate weights of the token or pair with hash `hash`, if the
    /// vocabulary has it.
    pub fn weight(&self, hash: u64) -> Option<[f32; 2]> {
        self.weights.get(hash).copied()
    }

    /// The terms and their weights, as stored.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the vocabulary is empty.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_round_trip_and_look_up() {
        let v = Vocabulary::new(vec![
            ("gacor".into(), 2.5, 0.0),
            ("link alternatif".into(), 9.0, 0.0),
            ("polisi".into(), -1.5, 0.0),
            ("komentar".into(), 0.0, 3.0),
        ]);
        assert_eq!(v.weight(word_hash("gacor")), Some([2.5, 0.0]));
        assert_eq!(v.weight(pair_hash(word_hash("link"), word_hash("alternatif"))), Some([MAX_WEIGHT, 0.0]));
        assert_eq!(v.weight(word_hash("link")), None);
        assert_eq!(v.weight(word_hash("komentar")), Some([0.0, 3.0]));
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, r#"{"terms":[["gacor",2.5,0.0],["link alternatif",9.0,0.0],["polisi",-1.5,0.0],["komentar",0.0,3.0]]}"#);
        let back: Vocabulary = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v);
        assert_eq!(back.weight(word_hash("polisi")), Some([-1.5, 0.0]));
    }
}
