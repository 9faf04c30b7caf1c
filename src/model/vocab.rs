//! The learned vocabulary: words, character bigrams, pairs of them and word stems whose
//! presence tells spam lines from the others, or boilerplate from content, each with
//! weights learned from the training data (log-odds, see [`crate::train::vocab`]). It sits
//! beside the curated lexicons: they name what spam is about, the vocabulary adds how real
//! spam pages are written (calls to action, brand names, the second person) and how news is
//! written (reported speech, police and courts), in every language of the training data.
//!
//! Terms are stored as text in the model file, so that a model can be read: a word or a
//! bigram (`gacor`, `注册`), two of them separated by one space (`link alternatif`,
//! `注册 册送`), or the stem of longer words of a spaced script, ending in `~` (`perju~` for
//! `perjudian` and `perjudiannya`, `슬롯~` for `슬롯들이`; see [`stem_of`]). When the model
//! loads, each term becomes the hash of the tokens the extractor makes
//! ([`crate::features`]), so matching costs a hash lookup per token, pair of tokens and stem,
//! on tokens the extractor makes anyway.

use serde::{Deserialize, Serialize};

use crate::chars::{Sc, script_of};
use crate::resources::{TokenMap, word_hash};

/// The largest weight a term may carry either way: one word must not decide a line alone.
pub const MAX_WEIGHT: f32 = 4.0;

/// The hash of a pair of adjacent tokens, from their hashes.
pub fn pair_hash(first: u64, second: u64) -> u64 {
    first.rotate_left(17) ^ second
}

/// The hash of a word's stem (see [`stem_of`]), apart from the hashes of whole words.
pub fn stem_hash(stem: &str) -> u64 {
    word_hash(stem).rotate_left(29) ^ 0x5157_e3a1_9c2d_0b67
}

/// Letters kept of a long word of an alphabetic script, and the fewest letters a word needs
/// to be cut: `perjudian`, `apostas`, `ставками`, `bettingnya` share their first letters with
/// their other forms. Measured in 5-fold cross-validation against the same vocabulary
/// without stems (45,000 terms both): document AUC 0.943 → 0.944, spam-line F1 0.827 →
/// 0.831, boilerplate 0.727 → 0.730; by language AUC Russian +0.016, Korean +0.015, Turkish
/// +0.012, French and Portuguese +0.005, the unspaced scripts within 0.004 (2026-12-07).
const STEM_LETTERS: usize = 5;
const STEM_MIN_LETTERS: usize = 7;
/// Longer words are not cut: words run together (`gemwinbộphilippinesvới`) are not a
/// word's forms, and their first letters would speak for the whole run.
const STEM_MAX_LETTERS: usize = 16;
/// The same for Hangul, whose syllables are letters of their own: `슬롯들이`, `슬롯사이트`
/// (a word is read as Hangul by its first character, by [`script_of`], conjoining jamo
/// included; the longest cut is the same).
const HANGUL_STEM: usize = 2;
const HANGUL_MIN: usize = 3;
/// The fewest bytes of a Hangul word with a stem: a syllable (three bytes) and
/// [`HANGUL_MIN`] − 1 more characters of a byte or more.
const HANGUL_MIN_BYTES: usize = '가'.len_utf8() + HANGUL_MIN - 1;
/// The fewest bytes of a word with a stem: [`STEM_MIN_LETTERS`] letters of a byte each, or
/// [`HANGUL_MIN_BYTES`].
const STEM_MIN_BYTES: usize = if STEM_MIN_LETTERS < HANGUL_MIN_BYTES { STEM_MIN_LETTERS } else { HANGUL_MIN_BYTES };

/// The stem of a spaced-script word that the vocabulary also learns and looks up: its first
/// few letters, so that a word's inflected and suffixed forms (particles, plurals, `-nya`)
/// share a term. `None` for short words and for runs of words written together. Letters are
/// characters: a combining mark counts as one.
pub fn stem_of(word: &str) -> Option<&str> {
    // Most words are shorter than any word with a stem and leave before their script is read.
    if word.len() < STEM_MIN_BYTES {
        return None;
    }
    let hangul = word.chars().next().is_some_and(|c| script_of(c) == Sc::Hangul);
    let (keep, min) = if hangul { (HANGUL_STEM, HANGUL_MIN) } else { (STEM_LETTERS, STEM_MIN_LETTERS) };
    let mut starts = word.char_indices().map(|(i, _)| i);
    let cut = starts.nth(keep)?;
    if min > keep + 1 {
        starts.nth(min - keep - 2)?;
    }
    if starts.nth(STEM_MAX_LETTERS - min).is_some() {
        return None;
    }
    Some(&word[..cut])
}

/// The hash under which a term is looked up: a token's hash, the pair hash of two
/// space-separated tokens, or the stem hash of a stem written with a trailing `~`.
pub fn term_hash(term: &str) -> u64 {
    if let Some(stem) = term.strip_suffix('~') {
        return stem_hash(stem);
    }
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

    /// The spam and boilerplate weights of the token, pair or stem with hash `hash`, if the
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

    #[test]
    fn stems_of_long_words() {
        assert_eq!(stem_of("perjudian"), Some("perju"));
        assert_eq!(stem_of("bettingnya"), Some("betti"));
        assert_eq!(stem_of("apostas"), Some("apost"), "seven letters are cut");
        assert_eq!(stem_of("casino"), None, "six are not");
        assert_eq!(stem_of("казиношка"), Some("казин"));
        assert_eq!(stem_of("abcdefghijklmnop"), Some("abcde"), "sixteen letters");
        assert_eq!(stem_of("abcdefghijklmnopq"), None, "seventeen");
        assert_eq!(stem_of("gemwinbộphilippines"), None, "a run of words written together");
        // Hangul: two syllables of words of three or more.
        assert_eq!(stem_of("슬롯들이"), Some("슬롯"));
        assert_eq!(stem_of("카지노"), Some("카지"));
        assert_eq!(stem_of("슬롯"), None);
        assert_eq!(stem_of("슬ab"), Some("슬a"), "five bytes: a Hangul syllable and two letters");
        assert_eq!(stem_of(&"슬".repeat(16)), Some("슬슬"));
        assert_eq!(stem_of(&"슬".repeat(17)), None);
        // Read as Hangul by the project's script table: conjoining jamo too (NFKC writes
        // the compatibility letters of `ㅋㅋㅋ` as them).
        assert_eq!(stem_of("\u{110F}\u{110F}\u{110F}"), Some("\u{110F}\u{110F}"));
        // A combining mark counts as a letter (Devanagari vowel signs, the virama).
        assert_eq!(stem_of("सट्टेबाजी"), Some("सट्टे"));
        assert_eq!(term_hash("perju~"), stem_hash("perju"));
        assert_ne!(stem_hash("perju"), word_hash("perju"), "a stem is not the word");
    }
}
