//! Learning the vocabulary ([`crate::model::vocab`]) from labelled lines.
//!
//! Every token, pair of adjacent tokens and word stem ([`crate::model::vocab::stem_of`]) of
//! a labelled line is a candidate term. A term's weight is the log-odds of finding it on a
//! spam line against finding it on another line, where each document counts once: a
//! document contributes the share of its spam lines that hold the term to the spam side,
//! and the share of its other lines that hold it to the other side, so that one long page
//! cannot make a word. Shares of lines, not presence in the document: a clean article of
//! forty lines holds every common word somewhere, and one injected spam line seldom does,
//! so that counting presence made every function word (`de`, `của`, `yang`) a sign of clean
//! text and every line of fluent prose look clean, promotion included. Each language counts
//! alike: a document weighs one over the number of documents of its language and side, so
//! that a language with more clean than spam documents in the data does not make its every
//! common word look clean:
//!
//! ```text
//! weight = ln((spam_share + PRIOR) / (clean_share + PRIOR))
//! ```
//!
//! where `spam_share` sums, over the languages, the mean share of spam lines holding the
//! term in that language's documents with spam lines (and `clean_share` likewise for the
//! other lines).
//!
//! A term must occur on at least [`VocabParams::min_groups`] sites (the examples' `group`),
//! so that a site's own name or template does not pass for the language of spam, and its
//! weight must reach [`VocabParams::min_weight`] either way. The strongest terms are kept,
//! ranked by weight times the logarithm of the documents holding them (on either side), ties
//! broken by the term's text: the same data gives the same vocabulary.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Example;
use crate::features::line_tokens;
use crate::model::LineClass;
use crate::model::vocab::Vocabulary;

/// How a vocabulary is selected.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VocabParams {
    /// Distinct groups (sites) a term must occur in.
    pub min_groups: usize,
    /// The smallest absolute weight kept.
    pub min_weight: f32,
    /// The most terms kept.
    pub max_terms: usize,
}

impl Default for VocabParams {
    fn default() -> Self {
        VocabParams { min_groups: 3, min_weight: 0.7, max_terms: MAX_TERMS }
    }
}

/// The most terms kept by default. 40,000 rather than 10,000 since the weights count shares
/// of lines: 5-fold cross-validation's document AUC rose from 0.932 to 0.942 and its spam-line
/// F1 from 0.802 to 0.824 (20,000: 0.937, 0.815; 2026-12-07), for about 4% more scoring time
/// and a model file of 2.7 MB instead of 0.7 MB. 45,000 since stems are terms too (about
/// 5,000 of them are kept): without stems 45,000 measured like 40,000 (AUC 0.943, spam-line
/// F1 0.827).
const MAX_TERMS: usize = 45_000;

/// A share every term is granted on both sides, so that a term seen on a few spam lines and
/// no clean one gets a large but finite weight. Shares of lines are smaller than shares of
/// documents (a term holds a fraction of a document's lines), so the prior is smaller than
/// the 0.005 (a document in two hundred) of the earlier counting by presence: 0.001 and
/// 0.003 measured within noise of 0.002 (10,000 terms, 2026-12-07). By presence, a share of
/// one in fifty hid every word seen in fewer than about sixty of the 3,000 promotion comments
/// (`maxwin`, brand names); of the smaller priors tried then, one document of each language
/// the term occurs in flagged an ordinary comment after a promotion comment
/// (`tests/data/multilingual.json`) and lost spam lines written in spaced letters (the
/// perturbation suite).
const PRIOR: f64 = 0.002;

/// Counts of one candidate term on one contrast.
#[derive(Default)]
struct Counts {
    /// Summed shares of lines holding the term (each over the number of documents of its
    /// language and side), on the positive side and on the negative side.
    positive: f64,
    negative: f64,
    /// Documents holding the term, once for each side they hold it on.
    docs: u32,
    groups: FxHashSet<u32>,
}

/// The terms of one document, by the class of the lines they were found in: for each term,
/// the number of lines of that class holding it.
struct DocumentTerms {
    language: String,
    group: u32,
    /// In [`LineClass::ALL`] order.
    sides: [FxHashMap<String, u32>; 3],
    /// Lines of each class.
    lines: [u32; 3],
}

/// A weight and how strongly it ranks.
type Weighted = (f32, f32);

/// Learns a vocabulary from the labelled lines of `examples` (examples without line labels
/// are skipped): each term's spam weight (spam lines against the others) and boilerplate
/// weight (boilerplate lines against content lines).
pub fn learn(examples: &[&Example], params: VocabParams) -> Vocabulary {
    let docs = terms_of(examples);
    let spam = contrast(&docs, LineClass::Spam, &[LineClass::Content, LineClass::Boilerplate], params);
    let boilerplate = contrast(&docs, LineClass::Boilerplate, &[LineClass::Content], params);
    let mut terms: Vec<&str> = spam.keys().chain(boilerplate.keys()).copied().collect();
    terms.sort_unstable();
    terms.dedup();
    let rank = |t: &str| {
        let r = |m: &FxHashMap<&str, Weighted>| m.get(t).map_or(0.0, |w| w.1);
        r(&spam).max(r(&boilerplate))
    };
    let mut kept: Vec<(&str, f32)> = terms.into_iter().map(|t| (t, rank(t))).collect();
    kept.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    kept.truncate(params.max_terms);
    kept.sort_by(|a, b| a.0.cmp(b.0));
    let weight = |m: &FxHashMap<&str, Weighted>, t: &str| m.get(t).map_or(0.0, |w| w.0);
    Vocabulary::new(kept.into_iter().map(|(t, _)| (t.to_string(), weight(&spam, t), weight(&boilerplate, t))).collect())
}

/// The weights of the terms that tell lines of class `positive` from lines of the classes
/// `negative`, with their ranks (weight times the logarithm of the documents holding them).
fn contrast<'d>(
    docs: &'d [DocumentTerms],
    positive: LineClass,
    negative: &[LineClass],
    params: VocabParams,
) -> FxHashMap<&'d str, Weighted> {
    let sides = |d: &'d DocumentTerms| [(line_shares(d, &[positive]), true), (line_shares(d, negative), false)];
    // Documents per language and side.
    let mut sizes: FxHashMap<(&str, bool), f64> = FxHashMap::default();
    for d in docs {
        let has = |c: &LineClass| !d.sides[c.index()].is_empty();
        for (side, present) in [(true, has(&positive)), (false, negative.iter().any(has))] {
            if present {
                *sizes.entry((d.language.as_str(), side)).or_default() += 1.0;
            }
        }
    }
    let mut counts: FxHashMap<&str, Counts> = FxHashMap::default();
    for d in docs {
        for (terms, side) in sides(d) {
            let Some(size) = sizes.get(&(d.language.as_str(), side)) else { continue };
            for (term, rate) in terms {
                let c = counts.entry(term).or_default();
                if side {
                    c.positive += rate / size;
                } else {
                    c.negative += rate / size;
                }
                c.docs += 1;
                c.groups.insert(d.group);
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, c)| c.groups.len() >= params.min_groups)
        .filter_map(|(term, c)| {
            let w = ((c.positive + PRIOR) / (c.negative + PRIOR)).ln() as f32;
            // Two decimals: enough for a weight, and a model file people can read.
            let w = (w * 100.0).round() / 100.0;
            (w.abs() >= params.min_weight).then(|| (term, (w, w.abs() * (c.docs as f32).ln_1p())))
        })
        .collect()
}

/// The terms of `d`'s lines of the classes `classes`, each with the share of those lines
/// holding it.
fn line_shares<'d>(d: &'d DocumentTerms, classes: &[LineClass]) -> FxHashMap<&'d str, f64> {
    let lines: u32 = classes.iter().map(|c| d.lines[c.index()]).sum();
    let mut shares: FxHashMap<&'d str, f64> = FxHashMap::default();
    for c in classes {
        for (term, n) in &d.sides[c.index()] {
            *shares.entry(term.as_str()).or_default() += *n as f64 / lines as f64;
        }
    }
    shares
}

/// The terms of every example with line labels.
fn terms_of(examples: &[&Example]) -> Vec<DocumentTerms> {
    let mut group_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut out = Vec::new();
    for example in examples {
        let Some(classes) = &example.lines else { continue };
        let fresh = group_ids.len() as u32;
        let group = *group_ids.entry(example.group.as_str()).or_insert(fresh);
        let language = example.lang.clone().unwrap_or_default();
        let (sides, lines) = document_terms(&example.text, classes);
        out.push(DocumentTerms { language, group, sides, lines });
    }
    out
}

/// The terms (tokens, pairs of adjacent tokens, stems) of the document's lines of each class,
/// each with the number of lines holding it, and the number of lines of each class.
fn document_terms(text: &str, classes: &[Option<LineClass>]) -> ([FxHashMap<String, u32>; 3], [u32; 3]) {
    let mut sides: [FxHashMap<String, u32>; 3] = Default::default();
    let mut lines = [0; 3];
    let mut line_terms = FxHashSet::default();
    for (line, class) in text.split('\n').zip(classes) {
        let Some(class) = class else { continue };
        lines[class.index()] += 1;
        let (tokens, stems) = line_tokens(line.strip_suffix('\r').unwrap_or(line));
        line_terms.clear();
        line_terms.extend(tokens.windows(2).map(|pair| format!("{} {}", pair[0], pair[1])));
        line_terms.extend(tokens);
        line_terms.extend(stems);
        for term in line_terms.drain() {
            *sides[class.index()].entry(term).or_default() += 1;
        }
    }
    (sides, lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::term_hash;

    fn example(text: &str, group: &str, spam: &[usize]) -> Example {
        let lines = text.split('\n').enumerate().map(|(i, _)| Some(if spam.contains(&i) { LineClass::Spam } else { LineClass::Content })).collect();
        Example { id: group.into(), lang: None, text: text.into(), label: !spam.is_empty(), lines: Some(lines), group: group.into(), weight: 1 }
    }

    #[test]
    fn learns_spam_and_news_words_across_sites() {
        let mut data = Vec::new();
        for site in ["a", "b", "c", "d"] {
            data.push(example("Polisi menangkap bandar judi\nDaftar slot gacor sekarang", site, &[1]));
            data.push(example("Polisi menutup jalan raya", &format!("{site}2"), &[]));
        }
        data.push(example("onlyhere onlyhere", "e", &[0]));
        let refs: Vec<&Example> = data.iter().collect();
        let v = learn(&refs, VocabParams::default());
        let weight = |t: &str| v.weight(term_hash(t)).map(|w| w[0]).filter(|w| *w != 0.0);
        assert!(weight("gacor").unwrap() > 1.0);
        assert!(weight("slot gacor").unwrap() > 1.0);
        assert!(weight("polisi").unwrap() < -0.7);
        assert_eq!(weight("onlyhere"), None, "one site only");
        assert_eq!(learn(&refs, VocabParams::default()), v, "deterministic");
    }

    /// Each of four sites writes the word in another form: only the stem is on three sites
    /// or more.
    #[test]
    fn learns_stems_across_forms() {
        let mut data = Vec::new();
        for (site, word) in [("a", "bettingnya"), ("b", "bettingan"), ("c", "bettings"), ("d", "bettingku")] {
            data.push(example(&format!("Polisi menangkap bandar\nDaftar {word} sekarang"), site, &[1]));
            data.push(example("Polisi menutup jalan raya", &format!("{site}2"), &[]));
        }
        let refs: Vec<&Example> = data.iter().collect();
        let v = learn(&refs, VocabParams::default());
        assert!(v.weight(term_hash("betti~")).unwrap()[0] > 1.0);
        assert_eq!(v.weight(term_hash("bettingnya")), None, "one site only");
        assert!(v.terms().iter().any(|(t, _, _)| t == "betti~"), "stored as text with its mark");
    }

    /// A word on every spam line and on one line in ten of clean articles is a spam word:
    /// counted by presence in the document, every clean article would hold it too.
    #[test]
    fn counts_shares_of_lines_not_presence() {
        let mut data = Vec::new();
        let article: Vec<String> = (0..10).map(|i| if i == 0 { "Harga naik sekarang".to_string() } else { format!("Warga kota {i} berkumpul") }).collect();
        for site in ["a", "b", "c", "d"] {
            data.push(example("Polisi menangkap bandar judi\nDaftar slot gacor sekarang", site, &[1]));
            data.push(example(&article.join("\n"), &format!("{site}2"), &[]));
        }
        let refs: Vec<&Example> = data.iter().collect();
        let v = learn(&refs, VocabParams::default());
        let weight = v.weight(term_hash("sekarang")).map(|w| w[0]).unwrap_or(0.0);
        assert!(weight > 2.0, "sekarang {weight}");
    }
}
