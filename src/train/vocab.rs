//! Learning the vocabulary ([`crate::model::vocab`]) from labelled lines.
//!
//! Every token and pair of adjacent tokens of a labelled line is a candidate term. A term's
//! weight is the log-odds of finding it in a spam document's spam lines against a clean
//! document's (or a spam document's other) lines, counted in documents, not lines, so that one
//! long page cannot make a word. Each language counts alike: a document weighs one over the
//! number of documents of its language and side, so that a language with more clean than spam
//! documents in the data does not make its every common word look clean:
//!
//! ```text
//! weight = ln((spam_share + PRIOR) / (clean_share + PRIOR))
//! ```
//!
//! where `spam_share` sums, over the languages, the share of that language's documents whose
//! spam lines hold the term (and `clean_share` likewise for the other lines).
//!
//! A term must occur on at least [`VocabParams::min_groups`] sites (the examples' `group`),
//! so that a site's own name or template does not pass for the language of spam, and its
//! weight must reach [`VocabParams::min_weight`] either way. The strongest terms are kept,
//! ranked by weight times the logarithm of their support, ties broken by the term's text:
//! the same data gives the same vocabulary.

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
        VocabParams { min_groups: 3, min_weight: 0.7, max_terms: 10_000 }
    }
}

/// A share every term is granted on both sides, so that a term seen in a few spam documents
/// and no clean one gets a large but finite weight: about a document in fifty.
const PRIOR: f64 = 0.02;

/// Counts of one candidate term.
#[derive(Default)]
struct Counts {
    /// Summed document weights on the spam side and on the clean side.
    spam: f64,
    clean: f64,
    /// Documents holding the term.
    docs: u32,
    groups: FxHashSet<u32>,
}

/// The terms of one document, by side.
struct DocumentTerms {
    language: String,
    group: u32,
    spam: FxHashSet<String>,
    clean: FxHashSet<String>,
}

/// Learns a vocabulary from the labelled lines of `examples` (examples without line labels
/// are skipped).
pub fn learn(examples: &[&Example], params: VocabParams) -> Vocabulary {
    let docs = terms_of(examples);
    // Documents per language and side.
    let mut sizes: FxHashMap<(&str, bool), f64> = FxHashMap::default();
    for d in &docs {
        for (terms, spam) in [(&d.spam, true), (&d.clean, false)] {
            if !terms.is_empty() {
                *sizes.entry((d.language.as_str(), spam)).or_default() += 1.0;
            }
        }
    }
    let mut counts: FxHashMap<&str, Counts> = FxHashMap::default();
    for d in &docs {
        for (terms, spam) in [(&d.spam, true), (&d.clean, false)] {
            let Some(size) = sizes.get(&(d.language.as_str(), spam)) else { continue };
            for term in terms {
                let c = counts.entry(term.as_str()).or_default();
                if spam {
                    c.spam += 1.0 / size;
                } else {
                    c.clean += 1.0 / size;
                }
                c.docs += 1;
                c.groups.insert(d.group);
            }
        }
    }
    let mut kept: Vec<(&str, f32, f32)> = counts
        .into_iter()
        .filter(|(_, c)| c.groups.len() >= params.min_groups)
        .map(|(term, c)| {
            let w = ((c.spam + PRIOR) / (c.clean + PRIOR)).ln() as f32;
            (term, w, w.abs() * (c.docs as f32).ln_1p())
        })
        .filter(|(_, w, _)| w.abs() >= params.min_weight)
        .collect();
    kept.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(b.0)));
    kept.truncate(params.max_terms);
    kept.sort_by(|a, b| a.0.cmp(b.0));
    // Two decimals: enough for a weight, and a model file people can read.
    Vocabulary::new(kept.into_iter().map(|(t, w, _)| (t.to_string(), (w * 100.0).round() / 100.0)).collect())
}

/// The terms of every example with line labels.
fn terms_of(examples: &[&Example]) -> Vec<DocumentTerms> {
    let mut group_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut out = Vec::new();
    for example in examples {
        let Some(classes) = &example.lines else { continue };
        let fresh = group_ids.len() as u32;
        let group = *group_ids.entry(example.group.as_str()).or_insert(fresh);
        let (spam, clean) = document_terms(&example.text, classes);
        let language = example.lang.clone().unwrap_or_default();
        out.push(DocumentTerms { language, group, spam, clean });
    }
    out
}

/// The distinct terms (tokens and pairs of adjacent tokens) of the document's spam lines
/// and of its other labelled lines.
fn document_terms(text: &str, classes: &[Option<LineClass>]) -> (FxHashSet<String>, FxHashSet<String>) {
    let (mut spam, mut clean) = (FxHashSet::default(), FxHashSet::default());
    for (line, class) in text.split('\n').zip(classes) {
        let Some(class) = class else { continue };
        let set = if *class == LineClass::Spam { &mut spam } else { &mut clean };
        let tokens = line_tokens(line.strip_suffix('\r').unwrap_or(line));
        for pair in tokens.windows(2) {
            set.insert(format!("{} {}", pair[0], pair[1]));
        }
        set.extend(tokens);
    }
    (spam, clean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::term_hash;

    fn example(text: &str, group: &str, spam: &[usize]) -> Example {
        let lines = text.split('\n').enumerate().map(|(i, _)| Some(if spam.contains(&i) { LineClass::Spam } else { LineClass::Content })).collect();
        Example { id: group.into(), lang: None, text: text.into(), label: !spam.is_empty(), lines: Some(lines), group: group.into() }
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
        let weight = |t: &str| v.weight(term_hash(t));
        assert!(weight("gacor").unwrap() > 1.0);
        assert!(weight("slot gacor").unwrap() > 1.0);
        assert!(weight("polisi").unwrap() < -0.7);
        assert_eq!(weight("onlyhere"), None, "one site only");
        assert_eq!(learn(&refs, VocabParams::default()), v, "deterministic");
    }
}
