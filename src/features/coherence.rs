//! Topical coherence: how much a line shares with the rest of its document. Content words
//! for scripts with spaces, character bigrams for scripts without (Chinese, Japanese,
//! Thai), stop words of the document's language left out. An unrelated headline shares
//! almost nothing with an article about Putin and Xi.

use rustc_hash::FxHashMap;

use super::{Analysis, log1};
use unicode_normalization::char::is_combining_mark;

use crate::chars::{is_alpha, script_of};
use crate::model::vocab::{pair_hash, stem_hash, stem_of};
use crate::resources::{Resources, StopWords, word_hash};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "coh.overlap",
    "coh.rel",
    "coh.tokens",
    "coh.neighbours",
    "coh.pair_overlap",
    "coh.line_repeat",
    "coh.pair_repeat",
    "coh.copies",
];

/// Coherence of one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct CohFacts {
    /// Share of the line's content tokens that occur in another line (its copies are not
    /// other lines: see [`copies_of`]).
    pub overlap: f32,
    /// Share of the line's content tokens that occur in the previous or next line, unless
    /// that line is a copy of it.
    pub neighbours: f32,
    /// Distinct content tokens.
    pub tokens: u32,
    /// Share of the line's adjacent word pairs that occur in another line (not a copy).
    pub pair_overlap: f32,
    /// Share of the line's content tokens that repeat one before them in the line: keyword
    /// strings say the same query words again and again.
    pub line_repeat: f32,
    /// Share of the line's adjacent word pairs found in at least two other lines, copies
    /// not counted: a keyword phrase stuffed into every paragraph. A line pasted three times
    /// is counted by [`CohFacts::copies`] instead.
    pub pair_repeat: f32,
    /// Other lines of the document with the same tokens in the same order (stop words and
    /// numbers included): a query pasted three times over a hacked page, a template line on
    /// every screen of a scrape.
    pub copies: u32,
}

/// One token of the normalised text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub hash: u64,
    /// Characters in the token (a bigram counts 2).
    pub chars: u32,
    /// A bigram of an unspaced script rather than a word.
    pub bigram: bool,
    /// The hash of the word's stem ([`stem_of`]), 0 for none.
    pub stem: u64,
    /// Only digits.
    pub numeric: bool,
    /// The languages (by stop-word list index) in which the token is a stop word, among
    /// the lists of spaced scripts: looked up once for the language vote, the lines'
    /// stop-word shares and coherence.
    pub langs: u128,
}

/// The tokens of every line of a document.
pub(crate) struct Tokens {
    pub tokens: Vec<Token>,
    /// Range of each line's tokens in `tokens`.
    pub lines: Vec<(usize, usize)>,
}

impl Tokens {
    /// Room for `tokens` tokens over `lines` lines.
    pub fn with_capacity(tokens: usize, lines: usize) -> Self {
        Tokens { tokens: Vec::with_capacity(tokens), lines: Vec::with_capacity(lines) }
    }

    /// Looks up every token in the stop-word index (see [`Token::langs`]).
    pub fn tag_stop_words(&mut self, stopwords: &StopWords) {
        for t in &mut self.tokens {
            t.langs = stopwords.languages_of(t.hash);
        }
    }

    /// The tokens of line `i`.
    pub fn line(&self, i: usize) -> &[Token] {
        let (a, b) = self.lines[i];
        &self.tokens[a..b]
    }
}

/// Adds the tokens of one normalised word (see [`for_each_token`]).
pub(crate) fn push_word(run: &str, out: &mut Vec<Token>) {
    for_each_token(run, |text, bigram, numeric| {
        let chars = if bigram {
            2
        } else if text.is_ascii() {
            text.len() as u32
        } else {
            text.chars().count() as u32
        };
        let stem = token_stem(text, bigram, numeric).map_or(0, stem_hash);
        out.push(Token { hash: word_hash(text), chars, bigram, numeric, stem, langs: 0 });
    });
}

/// Calls `f(token, bigram, numeric)` for the tokens of one normalised word: the word itself
/// for scripts with spaces, its character bigrams for scripts without (a lone character is
/// a token of its own). A character's combining marks belong to it: Thai `ล็อ` is one
/// bigram of `ล็` and `อ`, not three of loose marks.
pub(crate) fn for_each_token(run: &str, mut f: impl FnMut(&str, bool, bool)) {
    let first = run.chars().find(|c| is_alpha(*c));
    let unspaced = first.is_some_and(|c| !script_of(c).is_spaced());
    if !unspaced {
        f(run, false, first.is_none());
        return;
    }
    // Start of each unit (a character and its marks).
    let mut units = run.char_indices().filter(|(_, c)| !is_combining_mark(*c)).map(|(i, _)| i).peekable();
    let Some(mut start) = units.next() else { return };
    if units.peek().is_none() {
        f(&run[start..], true, false);
        return;
    }
    while let Some(second) = units.next() {
        let end = units.peek().copied().unwrap_or(run.len());
        f(&run[start..end], true, false);
        start = second;
    }
}

/// The stem of a word token: not a bigram, not digits alone (`2023nhận` has one).
fn token_stem(text: &str, bigram: bool, numeric: bool) -> Option<&str> {
    if bigram || numeric { None } else { stem_of(text) }
}

/// The tokens of one line as text, in order, and the stems of its words written with a
/// trailing `~` (for learning a vocabulary).
pub(crate) fn line_tokens(line: &str) -> (Vec<String>, Vec<String>) {
    let (mut out, mut stems) = (Vec::new(), Vec::new());
    let mut scratch = String::new();
    crate::normalize::normalize_words_into(
        line,
        &mut scratch,
        |word| {
            for_each_token(word, |t, bigram, numeric| {
                out.push(t.to_string());
                if let Some(stem) = token_stem(t, bigram, numeric) {
                    stems.push(format!("{stem}~"));
                }
            })
        },
        &mut (),
    );
    (out, stems)
}

/// Computes every line's overlap with the rest of the document and with its neighbours, for
/// single tokens and for pairs of adjacent words (which tell `Hồ Chí Minh` from a line that
/// merely shares the syllable `Minh`).
pub(crate) fn analyze(a: &mut Analysis, r: &Resources, tokens: &Tokens) {
    let stops = stop_flags(a, r, tokens);
    let words = |i: usize| {
        let (first, last) = tokens.lines[i];
        (&tokens.tokens[first..last], &stops[first..last])
    };
    let content = |i: usize| {
        let (line, stop) = words(i);
        line.iter()
            .zip(stop)
            .filter(|(t, s)| !t.numeric && (t.bigram || t.chars >= 2) && !**s)
            .map(|(t, _)| t.hash)
    };
    let first = copies_of(tokens);
    let original: Vec<bool> = first.iter().enumerate().map(|(i, f)| f.is_none_or(|k| k == i)).collect();
    let singles = LineSets::build((0..a.lines.len()).map(content), &original, tokens.tokens.len());
    let pairs = LineSets::build((0..a.lines.len()).map(|i| {
        let (line, stop) = words(i);
        (1..line.len())
            .filter(move |&k| !(line[k - 1].bigram || line[k].bigram || (stop[k - 1] && stop[k])))
            .map(move |k| pair_hash(line[k - 1].hash, line[k].hash))
    }), &original, tokens.tokens.len());
    let single = overlaps(a, &singles, Some(&first));
    let pair = overlaps(a, &pairs, None);
    let mut lines_alike = vec![0u32; first.len()];
    for k in first.iter().flatten() {
        lines_alike[*k] += 1;
    }
    for i in 0..a.lines.len() {
        let distinct = singles.get(i).len() as u32;
        let all = content(i).count() as u32;
        let pair_set = pairs.get(i);
        let repeated = pair_set.iter().filter(|id| pairs.lines_with[**id as usize] >= 3).count() as u32;
        a.lines[i].coh = CohFacts {
            overlap: single[i].0,
            neighbours: single[i].1,
            tokens: distinct,
            pair_overlap: pair[i].0,
            line_repeat: super::ratio(all - distinct, all),
            pair_repeat: super::ratio(repeated, pair_set.len() as u32),
            copies: first[i].map_or(0, |k| lines_alike[k] - 1),
        };
    }
    a.facts.median_overlap = median_overlap(a, &original);
}

/// For each line with tokens, the first line with the same tokens in the same order (itself
/// when it is the first). A line's copies are not the rest of its document: counted as other
/// lines, a phrase pasted three times coheres with itself the way an article's paragraphs
/// cohere with each other.
fn copies_of(tokens: &Tokens) -> Vec<Option<usize>> {
    let hashes = |i: usize| tokens.line(i).iter().map(|t| t.hash);
    let mut seen: FxHashMap<u64, usize> = FxHashMap::with_capacity_and_hasher(tokens.lines.len(), Default::default());
    (0..tokens.lines.len())
        .map(|i| {
            let line = tokens.line(i);
            if line.is_empty() {
                return None;
            }
            let key = line.iter().fold(line.len() as u64, |h, t| pair_hash(h, t.hash));
            let k = *seen.entry(key).or_insert(i);
            // The key is a hash: a line whose key an unlike line took first stays its own.
            Some(if k == i || hashes(k).eq(hashes(i)) { k } else { i })
        })
        .collect()
}

/// Whether each token is a stop word of the document's language.
fn stop_flags(a: &Analysis, r: &Resources, tokens: &Tokens) -> Vec<bool> {
    let Some(lang) = a.facts.language.and_then(|g| g.stop_index) else { return vec![false; tokens.tokens.len()] };
    let list = r.stopwords.list(lang);
    if list.substrings.is_some() {
        // Lists of unspaced scripts are not in the index.
        tokens.tokens.iter().map(|t| list.words.contains(&t.hash)).collect()
    } else {
        tokens.tokens.iter().map(|t| t.langs >> lang & 1 == 1).collect()
    }
}

/// The distinct items of every line, as dense ids, and how many lines hold each id.
struct LineSets {
    /// Ids, line after line.
    items: Vec<u32>,
    ranges: Vec<(usize, usize)>,
    /// For each id, the number of counted lines (not copies) holding it, capped at 3.
    lines_with: Vec<u8>,
}

impl LineSets {
    /// Numbers the distinct hashes of the document and keeps each line's distinct ids. Lines
    /// that are not `counted` (copies of an earlier line) keep their ids but add nothing to
    /// the lines holding them.
    fn build<L: Iterator<Item = u64>>(lines: impl ExactSizeIterator<Item = L>, counted: &[bool], capacity: usize) -> Self {
        let mut ids: FxHashMap<u64, u32> = FxHashMap::with_capacity_and_hasher(capacity, Default::default());
        let mut sets = LineSets {
            items: Vec::with_capacity(capacity),
            ranges: Vec::with_capacity(lines.len()),
            lines_with: Vec::with_capacity(capacity),
        };
        // For each id, the last line it was seen in.
        let mut last_line: Vec<usize> = Vec::with_capacity(capacity);
        for (i, line) in lines.enumerate() {
            let start = sets.items.len();
            for hash in line {
                let fresh = ids.len() as u32;
                let id = *ids.entry(hash).or_insert(fresh);
                if id == fresh {
                    last_line.push(usize::MAX);
                    sets.lines_with.push(0);
                }
                let k = id as usize;
                if last_line[k] != i {
                    last_line[k] = i;
                    if counted[i] {
                        sets.lines_with[k] = (sets.lines_with[k] + 1).min(3);
                    }
                    sets.items.push(id);
                }
            }
            sets.ranges.push((start, sets.items.len()));
        }
        sets
    }

    fn get(&self, i: usize) -> &[u32] {
        let (a, b) = self.ranges[i];
        &self.items[a..b]
    }
}

/// For each line: the share of its items found in another line, and, when `first` (each
/// line's first copy, from [`copies_of`]) is given, in its neighbours that are not copies of
/// it.
fn overlaps(a: &Analysis, sets: &LineSets, first: Option<&[Option<usize>]>) -> Vec<(f32, f32)> {
    // For each id, the last line whose neighbours hold it.
    let mut near_line = vec![usize::MAX; sets.lines_with.len()];
    (0..sets.ranges.len())
        .map(|i| {
            let set = sets.get(i);
            let n = set.len() as u32;
            let in_other = set.iter().filter(|id| sets.lines_with[**id as usize] >= 2).count() as u32;
            let near = if let Some(first) = first {
                let copy = |j: usize| first[j].is_some() && first[j] == first[i];
                for j in [a.prev[i], a.next[i]].into_iter().flatten().filter(|j| !copy(*j)) {
                    for id in sets.get(j) {
                        near_line[*id as usize] = i;
                    }
                }
                set.iter().filter(|id| near_line[**id as usize] == i).count() as u32
            } else {
                0
            };
            (super::ratio(in_other, n), super::ratio(near, n))
        })
        .collect()
}

/// Median overlap of the lines with at least three content tokens, a line's copies left out
/// (0.5 when none).
fn median_overlap(a: &Analysis, original: &[bool]) -> f32 {
    let mut v: Vec<f32> = a
        .lines
        .iter()
        .zip(original)
        .filter(|(l, first)| **first && !l.blank && l.coh.tokens >= 3)
        .map(|(l, _)| l.coh.overlap)
        .collect();
    if v.is_empty() {
        return 0.5;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let c = &a.lines[i].coh;
    out.copy_from_slice(&[
        c.overlap,
        c.overlap - a.facts.median_overlap,
        log1(c.tokens),
        c.neighbours,
        c.pair_overlap,
        c.line_repeat,
        c.pair_repeat,
        log1(c.copies),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenize(line: &str) -> Vec<Token> {
        let mut out = Vec::new();
        crate::normalize::normalize_words_into(line, &mut String::new(), |w| push_word(w, &mut out), &mut ());
        out
    }

    #[test]
    fn line_sets_are_deduplicated_and_counted() {
        let lines: Vec<Vec<u64>> = vec![vec![5, 1, 5, 3], vec![], vec![3, 9]];
        let sets = LineSets::build(lines.iter().map(|l| l.iter().copied()), &[true; 3], 8);
        assert_eq!(sets.get(0).len(), 3);
        assert!(sets.get(1).is_empty());
        assert_eq!(sets.get(2).len(), 2);
        let shared: Vec<u8> = sets.get(2).iter().map(|id| sets.lines_with[*id as usize]).collect();
        assert_eq!(shared, vec![2, 1], "3 is in two lines, 9 in one");
    }

    #[test]
    fn words_and_bigrams() {
        let out = tokenize("Putin và Tập 2024");
        assert_eq!(out.len(), 4);
        assert!(out[3].numeric);
        let out = tokenize("足球博彩");
        assert_eq!(out.len(), 3, "three bigrams of four characters");
        assert!(out.iter().all(|t| t.bigram));
        assert_eq!(tokenize("球").len(), 1);
    }

    #[test]
    fn thai_bigrams_keep_marks_with_their_letters() {
        let mut out = Vec::new();
        for_each_token("สล็อต", |t, bigram, _| out.push((t.to_string(), bigram)));
        let texts: Vec<&str> = out.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["สล็", "ล็อ", "อต"]);
        assert!(out.iter().all(|(_, bigram)| *bigram));
    }
}
