//! Evaluation: a model's document and line metrics on labelled data, overall and per
//! language. The JSON form of [`Report`] is a stable interface:
//!
//! ```json
//! {"documents": {"precision", "recall", "f1", "fpr", "auc", "count"},
//!  "lines": {"spam": {"precision", "recall", "f1", "support"}, "boilerplate": {...}},
//!  "languages": {"vi": {"documents": {...}, "lines": {...}}, ...}}
//! ```

pub mod metrics;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::classifier::{Classifier, Label, Verdict};
use crate::model::LineClass;
use crate::train::dataset::Example;
use metrics::{ClassScores, Confusion, auc};

/// Document-level metrics.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocumentScores {
    /// Precision of the spam label.
    pub precision: f64,
    /// Recall of the spam label.
    pub recall: f64,
    /// F1 of the spam label.
    pub f1: f64,
    /// False-positive rate: clean documents called spam.
    pub fpr: f64,
    /// ROC AUC of the spam probability (`null` when one class is absent).
    pub auc: Option<f64>,
    /// Documents.
    pub count: usize,
}

/// Line-level metrics of the two non-content classes.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LineScores {
    /// Spam lines.
    pub spam: ClassScores,
    /// Boilerplate lines.
    pub boilerplate: ClassScores,
}

/// Metrics of one group of documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Document metrics.
    pub documents: DocumentScores,
    /// Line metrics (over documents with line labels).
    pub lines: LineScores,
}

/// A full evaluation report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// All documents.
    pub documents: DocumentScores,
    /// All lines.
    pub lines: LineScores,
    /// By language: the record's `lang`, else the language chaff detects.
    pub languages: BTreeMap<String, Scores>,
}

/// Accumulates decisions for one group.
#[derive(Default)]
struct Tally {
    docs: Confusion,
    scores: Vec<(f64, bool)>,
    spam: Confusion,
    boilerplate: Confusion,
}

impl Tally {
    fn add(&mut self, example: &Example, verdict: &Verdict) {
        self.docs.add(verdict.label() == Label::Spam, example.label);
        self.scores.push((verdict.p_spam(), example.label));
        let Some(truth) = &example.lines else { return };
        for (line, actual) in verdict.lines().iter().zip(truth) {
            let Some(actual) = actual else { continue };
            let predicted = line.class.unwrap_or(LineClass::Content);
            self.spam.add(predicted == LineClass::Spam, *actual == LineClass::Spam);
            self.boilerplate.add(predicted == LineClass::Boilerplate, *actual == LineClass::Boilerplate);
        }
    }

    fn scores(&self) -> Scores {
        Scores {
            documents: DocumentScores {
                precision: self.docs.precision(),
                recall: self.docs.recall(),
                f1: self.docs.f1(),
                fpr: self.docs.fpr(),
                auc: auc(&self.scores),
                count: self.docs.total(),
            },
            lines: LineScores { spam: (&self.spam).into(), boilerplate: (&self.boilerplate).into() },
        }
    }
}

/// Classifies every example and measures the results.
pub fn evaluate(classifier: &Classifier, examples: &[Example]) -> Report {
    let verdicts: Vec<Verdict> = examples.par_iter().map(|e| classifier.classify_unlimited(&e.text)).collect();
    let mut all = Tally::default();
    let mut by_lang: BTreeMap<String, Tally> = BTreeMap::new();
    for (example, verdict) in examples.iter().zip(&verdicts) {
        all.add(example, verdict);
        let lang = example
            .lang
            .clone()
            .or_else(|| verdict.language().map(str::to_string))
            .unwrap_or_else(|| "und".to_string());
        by_lang.entry(lang).or_default().add(example, verdict);
    }
    let overall = all.scores();
    Report {
        documents: overall.documents,
        lines: overall.lines,
        languages: by_lang.iter().map(|(k, t)| (k.clone(), t.scores())).collect(),
    }
}
