//! Topical coherence: how much a line shares with the rest of its document. Content words
//! for scripts with spaces, character bigrams for scripts without (Chinese, Japanese,
//! Thai), stop words of the document's language left out. An unrelated headline shares
//! almost nothing with an article about Putin and Xi.

use rustc_hash::FxHashMap;

use super::{Analysis, log1};
use crate::chars::{is_alpha, script_of};
use crate::resources::{Resources, word_hash};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &["coh.overlap", "coh.rel", "coh.tokens", "coh.neighbours", "coh.pair_overlap"];

/// Coherence of one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct CohFacts {
    /// Share of the line's content tokens that occur in another line.
    pub overlap: f32,
    /// Share of the line's content tokens that occur in the previous or next line.
    pub neighbours: f32,
    /// Distinct content tokens.
    pub tokens: u32,
    /// Share of the line's adjacent word pairs that occur in another line.
    pub pair_overlap: f32,
}

/// One token of the normalised text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub hash: u64,
    /// Characters in the token (a bigram counts 2).
    pub chars: u32,
    /// A bigram of an unspaced script rather than a word.
    pub bigram: bool,
    /// Only digits.
    pub numeric: bool,
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

    /// The tokens of line `i`.
    pub fn line(&self, i: usize) -> &[Token] {
        let (a, b) = self.lines[i];
        &self.tokens[a..b]
    }
}

/// Adds the tokens of one normalised word: the word itself for scripts with spaces, its
/// character bigrams for scripts without.
pub(crate) fn push_word(run: &str, out: &mut Vec<Token>) {
    let first = run.chars().find(|c| is_alpha(*c));
    let unspaced = first.is_some_and(|c| !script_of(c).is_spaced());
    if !unspaced {
        out.push(Token {
            hash: word_hash(run),
            chars: if run.is_ascii() { run.len() } else { run.chars().count() } as u32,
            bigram: false,
            numeric: first.is_none(),
        });
        return;
    }
    let bounds: Vec<usize> = run.char_indices().map(|(i, _)| i).chain(std::iter::once(run.len())).collect();
    let n = bounds.len() - 1;
    for k in 0..n.saturating_sub(1).max(1) {
        let end = bounds[(k + 2).min(n)];
        out.push(Token { hash: word_hash(&run[bounds[k]..end]), chars: 2, bigram: true, numeric: false });
    }
}

/// Computes every line's overlap with the rest of the document and with its neighbours, for
/// single tokens and for pairs of adjacent words (which tell `Hồ Chí Minh` from a line that
/// merely shares the syllable `Minh`).
pub(crate) fn analyze(a: &mut Analysis, r: &Resources, tokens: &Tokens) {
    let stop = a.facts.language.and_then(|g| g.stop_index).map(|i| &r.stopwords.list(i).words);
    let stops: Vec<bool> = tokens.tokens.iter().map(|t| stop.is_some_and(|s| s.contains(&t.hash))).collect();
    let mut singles = Sets::with_capacity(tokens.tokens.len(), a.lines.len());
    let mut pairs = Sets::with_capacity(tokens.tokens.len(), a.lines.len());
    for i in 0..a.lines.len() {
        let (first, last) = tokens.lines[i];
        let line = &tokens.tokens[first..last];
        let stop = &stops[first..last];
        singles.push(
            line.iter()
                .zip(stop)
                .filter(|(t, s)| !t.numeric && (t.bigram || t.chars >= 2) && !**s)
                .map(|(t, _)| t.hash),
        );
        pairs.push(
            (1..line.len())
                .filter(|&k| !(line[k - 1].bigram || line[k].bigram || (stop[k - 1] && stop[k])))
                .map(|k| line[k - 1].hash.rotate_left(17) ^ line[k].hash),
        );
    }
    let single = overlaps(a, &singles, true);
    let pair = overlaps(a, &pairs, false);
    for i in 0..a.lines.len() {
        a.lines[i].coh = CohFacts {
            overlap: single[i].0,
            neighbours: single[i].1,
            tokens: singles.get(i).len() as u32,
            pair_overlap: pair[i].0,
        };
    }
    a.facts.median_overlap = median_overlap(a);
}

/// One sorted, deduplicated set of hashes per line, stored end to end.
struct Sets {
    items: Vec<u64>,
    ranges: Vec<(usize, usize)>,
}

impl Sets {
    fn with_capacity(items: usize, lines: usize) -> Self {
        Sets { items: Vec::with_capacity(items), ranges: Vec::with_capacity(lines) }
    }

    /// Adds the next line's set.
    fn push(&mut self, hashes: impl Iterator<Item = u64>) {
        let start = self.items.len();
        self.items.extend(hashes);
        self.items[start..].sort_unstable();
        let mut end = start;
        for k in start..self.items.len() {
            if k == start || self.items[k] != self.items[end - 1] {
                self.items[end] = self.items[k];
                end += 1;
            }
        }
        self.items.truncate(end);
        self.ranges.push((start, end));
    }

    fn get(&self, i: usize) -> &[u64] {
        let (a, b) = self.ranges[i];
        &self.items[a..b]
    }
}

/// For each line: the share of its items found in another line, and (when `neighbours`) in
/// its neighbours.
fn overlaps(a: &Analysis, sets: &Sets, neighbours: bool) -> Vec<(f32, f32)> {
    // How many lines hold each item (every line's set is deduplicated), capped at 2.
    let mut lines_with: FxHashMap<u64, u8> = FxHashMap::with_capacity_and_hasher(sets.items.len(), Default::default());
    for h in &sets.items {
        let n = lines_with.entry(*h).or_default();
        *n = (*n + 1).min(2);
    }
    (0..sets.ranges.len())
        .map(|i| {
            let set = sets.get(i);
            let n = set.len() as u32;
            let in_other = set.iter().filter(|h| lines_with[*h] >= 2).count() as u32;
            let near = if neighbours {
                let prev = a.prev[i].map_or(&[][..], |j| sets.get(j));
                let next = a.next[i].map_or(&[][..], |j| sets.get(j));
                count_in_either(set, prev, next)
            } else {
                0
            };
            (super::ratio(in_other, n), super::ratio(near, n))
        })
        .collect()
}

/// How many items of the sorted `set` occur in the sorted `a` or `b`.
fn count_in_either(set: &[u64], a: &[u64], b: &[u64]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    for h in set {
        while i < a.len() && a[i] < *h {
            i += 1;
        }
        while j < b.len() && b[j] < *h {
            j += 1;
        }
        n += ((i < a.len() && a[i] == *h) || (j < b.len() && b[j] == *h)) as u32;
    }
    n
}

/// Median overlap of the lines with at least three content tokens (0.5 when none).
fn median_overlap(a: &Analysis) -> f32 {
    let mut v: Vec<f32> = a
        .lines
        .iter()
        .filter(|l| !l.blank && l.coh.tokens >= 3)
        .map(|l| l.coh.overlap)
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
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenize(line: &str) -> Vec<Token> {
        let mut out = Vec::new();
        crate::normalize::normalize_words_into(line, &mut String::new(), |w| push_word(w, &mut out), |_, _| {});
        out
    }

    #[test]
    fn sets_are_sorted_and_deduplicated() {
        let mut sets = Sets::with_capacity(8, 2);
        sets.push([5, 1, 5, 3].into_iter());
        sets.push(std::iter::empty());
        assert_eq!(sets.get(0), &[1, 3, 5]);
        assert!(sets.get(1).is_empty());
        assert_eq!(count_in_either(&[1, 3, 5, 7], &[3], &[5, 6]), 2);
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
}
