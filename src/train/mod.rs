//! Training: both models fitted with linfa-logistic, with k-fold cross-validation.
//!
//! 1. Features of every document are extracted once.
//! 2. For each fold, a line model fitted on the other folds scores the fold's lines. These
//!    out-of-fold probabilities measure the line model and are what the document model
//!    learns from, as it will see unseen documents' line scores in use.
//! 3. Lines take their likeliest class (spam from probability 0.5). The document model is
//!    cross-validated the same way and its threshold chosen on its out-of-fold scores, within
//!    a bound on the false-positive rate.
//! 4. The final line model is fitted on all lines, the final document model on all
//!    out-of-fold document rows.
//!
//! The learned vocabulary is cross-fitted: the features of each fold's documents are
//! extracted with a vocabulary learned from the other folds, so that the models learn how
//! far to trust the vocabulary on documents it has not seen. The shipped vocabulary is
//! learned from all documents.
//!
//! Folds are assigned by hashing each example's `group`, so variants of one article never
//! straddle a fold. Nothing depends on time or randomness: the same data gives the same
//! model file, byte for byte.

pub mod dataset;
pub mod fit;
pub mod vocab;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::eval::metrics::{Confusion, auc, best_threshold};
use crate::features::{Extractor, LineFeatures, LineKind, line_feature_names};
use crate::model::document::{self as doc_model, FEATURE_NAMES as DOC_FEATURES};
use crate::model::line::{self, LineModels, LineProbs};
use crate::model::stacked;
use crate::model::vocab::Vocabulary;
use crate::model::{
    CvMetrics, LineClass, MODEL_FORMAT, MODEL_VERSION, Model, SoftmaxModel, Thresholds,
    TrainingSummary,
};
pub use dataset::{Example, read_examples};
use fit::{Solver, fit_logistic, fit_softmax};
pub use vocab::VocabParams;

/// Training parameters, unchecked. Turn them into [`ValidTrainParams`] with
/// [`TrainParams::check`].
#[derive(Clone, Debug, PartialEq)]
pub struct TrainParams {
    /// Cross-validation folds (at least 2).
    pub folds: usize,
    /// L2 penalty on the summed log-loss (finite, at least 0).
    pub alpha: f64,
    /// Maximum L-BFGS iterations (at least 1).
    pub max_iterations: u64,
    /// The highest document false-positive rate the threshold may allow on the
    /// out-of-fold scores (0 to 1).
    pub max_fpr: f64,
    /// Feature families left out (their columns are zeroed, so their weights are 0): the
    /// prefixes of the feature names before the dot (`pos`, `head`, `vocab`, ...). For
    /// ablation studies.
    pub without: Vec<String>,
    /// How the learned vocabulary is selected.
    pub vocab: VocabParams,
}

impl Default for TrainParams {
    fn default() -> Self {
        TrainParams {
            folds: 5,
            alpha: 1.0,
            max_iterations: 300,
            max_fpr: 0.03,
            without: Vec::new(),
            vocab: VocabParams::default(),
        }
    }
}

/// Checked training parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidTrainParams(TrainParams);

impl TrainParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::Training`] naming the first parameter out of range.
    pub fn check(self) -> Result<ValidTrainParams> {
        if self.folds < 2 {
            return Err(Error::Training(format!("--folds must be at least 2, got {}", self.folds)));
        }
        if !self.alpha.is_finite() || self.alpha < 0.0 {
            return Err(Error::Training(format!("--alpha must be a finite number >= 0, got {}", self.alpha)));
        }
        if self.max_iterations == 0 {
            return Err(Error::Training("--max-iterations must be at least 1".into()));
        }
        if !(0.0..=1.0).contains(&self.max_fpr) {
            return Err(Error::Training(format!("--max-fpr must be between 0 and 1, got {}", self.max_fpr)));
        }
        let families = feature_families();
        if let Some(unknown) = self.without.iter().find(|f| !families.contains(&f.as_str())) {
            return Err(Error::Training(format!(
                "--without: no feature family {unknown:?} (families: {})",
                families.join(", ")
            )));
        }
        Ok(ValidTrainParams(self))
    }
}

/// A trained model and what cross-validation measured.
#[derive(Clone, Debug)]
pub struct Trained {
    /// The model, ready to save.
    pub model: Model,
    /// Cross-validated document confusion at the chosen threshold.
    pub documents: Confusion,
    /// Cross-validated spam-line confusion.
    pub spam_lines: Confusion,
    /// Cross-validated boilerplate-line confusion.
    pub boilerplate_lines: Confusion,
    /// Every example's out-of-fold verdict, in input order: what the models that never saw
    /// the example's fold say of it.
    pub out_of_fold: Vec<OutOfFold>,
}

/// What cross-validation says of one example.
#[derive(Clone, Debug, PartialEq)]
pub struct OutOfFold {
    /// The document's spam probability.
    pub p_spam: f64,
    /// Each line's spam probability (from the stacked line model; `None` for blank lines).
    pub lines: Vec<Option<f64>>,
}

/// One example's extracted features and its fold.
struct Prepared<'a> {
    example: &'a Example,
    features: LineFeatures,
    fold: usize,
    /// The example's position in the input.
    index: usize,
}

/// Trains both models on `examples`. `progress` receives a line of text per step.
///
/// # Errors
/// [`Error::Training`] when the data cannot train a model (no spam documents, a class of
/// lines missing), [`Error::Fit`] when the solver fails.
pub fn train(examples: &[Example], params: &ValidTrainParams, mut progress: impl FnMut(&str)) -> Result<Trained> {
    let p = &params.0;
    let solver = Solver { alpha: p.alpha, max_iterations: p.max_iterations };
    progress(&format!("learning the vocabulary and extracting features of {} documents", examples.len()));
    let vocabulary = vocab::learn(&examples.iter().collect::<Vec<_>>(), p.vocab);
    let mut prepared = prepare(examples, p.folds, p.vocab);
    let dropped = dropped_columns(&p.without);
    for d in &mut prepared {
        d.features.zero_columns(&dropped);
    }
    progress("fitting the line model in each fold");
    let first = out_of_fold(&prepared, p.folds, |keep| fit_lines(&prepared, keep, solver), |model, d| {
        line::score(model, &d.features)
    })?;
    let stacked_rows: Vec<stacked::StackedRows> =
        prepared.iter().zip(&first).map(|(d, probs)| stacked::features(probs, &d.features.head_runs)).collect();
    progress("fitting the stacked line model in each fold");
    let fit_stack = |keep: &dyn Fn(&Prepared) -> bool| fit_stacked(&prepared, &stacked_rows, keep, solver);
    let oof = out_of_fold(&prepared, p.folds, fit_stack, |model, d| {
        stacked::score(model, &stacked_rows[d.index])
    })?;
    // Lines are classed by the likeliest class: a spam threshold tuned on synthetic training
    // data would only learn how clean that data is.
    let line_spam = LINE_SPAM_THRESHOLD;
    let doc_rows = document_rows(&prepared, &oof, line_spam);
    progress("cross-validating the document model");
    let docs = fit_documents(&prepared, &doc_rows, p, solver)?;
    let (doc_oof, document_threshold) = (docs.out_of_fold, docs.threshold);
    progress("fitting the final models on all data");
    let line_model = fit_lines(&prepared, &|_| true, solver)?;
    let stacked_model = fit_stack(&|_| true)?;
    let document_model = docs.model;
    let documents = confusion_at(&doc_oof, document_threshold);
    let spam_documents: Vec<bool> = doc_oof.iter().map(|(p, _)| *p >= document_threshold).collect();
    let thresholds = best_line_thresholds(&prepared, &oof, &spam_documents, document_threshold, line_spam);
    let (spam_lines, boilerplate_lines) = line_confusions(&prepared, &oof, &spam_documents, &thresholds);
    let summary = summarise(&prepared, p, (&documents, document_threshold), &doc_oof, &spam_lines, &boilerplate_lines);
    let model = Model {
        format: MODEL_FORMAT.to_string(),
        version: MODEL_VERSION,
        vocabulary,
        line: line_model,
        stacked: stacked_model,
        document: document_model,
        thresholds,
        training: summary,
    };
    let out_of_fold = out_of_fold_verdicts(&doc_oof, &oof);
    Ok(Trained { model, documents, spam_lines, boilerplate_lines, out_of_fold })
}

/// Trains the document model alone, for data labelled by document only (a folder of
/// `spam/` and `clean/` files, JSONL records without line labels): `base`'s vocabulary,
/// line models and line thresholds are kept, and the document model learns from what they
/// say of each document. The returned line confusions are empty: without line labels they
/// cannot be measured.
///
/// # Errors
/// [`Error::Training`] when the data lacks a label or asks to leave feature families out
/// (the line models are not refitted), [`Error::Fit`] when the solver fails.
pub fn train_documents(
    examples: &[Example],
    base: &Model,
    params: &ValidTrainParams,
    mut progress: impl FnMut(&str),
) -> Result<Trained> {
    let p = &params.0;
    if !p.without.is_empty() {
        return Err(Error::Training("--without needs line labels: the line models are not refitted".into()));
    }
    let solver = Solver { alpha: p.alpha, max_iterations: p.max_iterations };
    progress(&format!("extracting features of {} documents", examples.len()));
    let prepared = prepare_with(examples, p.folds, |_| &base.vocabulary);
    let probs: Vec<Vec<Option<LineProbs>>> = prepared
        .par_iter()
        .map(|d| stacked::score(&base.stacked, &stacked::features(&line::score(&base.line, &d.features), &d.features.head_runs)))
        .collect();
    let doc_rows = document_rows(&prepared, &probs, LINE_SPAM_THRESHOLD);
    progress("cross-validating and fitting the document model");
    let docs = fit_documents(&prepared, &doc_rows, p, solver)?;
    let documents = confusion_at(&docs.out_of_fold, docs.threshold);
    let none = Confusion::default();
    let mut training = summarise(&prepared, p, (&documents, docs.threshold), &docs.out_of_fold, &none, &none);
    training.threshold_chosen_on = "cross-validation (document labels only; line models kept from the base model)".into();
    let model = Model {
        format: MODEL_FORMAT.to_string(),
        version: MODEL_VERSION,
        vocabulary: base.vocabulary.clone(),
        line: base.line.clone(),
        stacked: base.stacked.clone(),
        document: docs.model,
        thresholds: Thresholds { document: docs.threshold, ..base.thresholds.clone() },
        training,
    };
    let out_of_fold = out_of_fold_verdicts(&docs.out_of_fold, &probs);
    Ok(Trained { model, documents, spam_lines: none, boilerplate_lines: none, out_of_fold })
}

/// Each document's feature row from its lines' probabilities, lines classed as spam from
/// `line_spam`.
fn document_rows(prepared: &[Prepared], probs: &[Vec<Option<LineProbs>>], line_spam: f64) -> Vec<Vec<f32>> {
    prepared
        .iter()
        .zip(probs)
        .map(|(d, probs)| doc_model::features(probs, &decide_all(probs, line_spam), &d.features.document))
        .collect()
}

/// The document model fitted on all documents, with its out-of-fold probabilities and the
/// threshold chosen on them.
struct FittedDocuments {
    model: crate::model::LogisticModel,
    out_of_fold: Vec<(f64, bool)>,
    threshold: f64,
}

fn fit_documents(prepared: &[Prepared], doc_rows: &[Vec<f32>], p: &TrainParams, solver: Solver) -> Result<FittedDocuments> {
    let labels: Vec<bool> = prepared.iter().map(|d| d.example.label).collect();
    if !labels.contains(&true) || !labels.contains(&false) {
        return Err(Error::Training("the data needs documents of both labels, spam and clean".into()));
    }
    let out_of_fold = cross_validate_documents(prepared, doc_rows, &labels, p.folds, solver)?;
    let threshold = best_threshold(&out_of_fold, &threshold_grid(), p.max_fpr);
    let all: Vec<usize> = (0..prepared.len()).collect();
    let (rows, y) = weighted_documents(prepared, doc_rows, &labels, &all);
    let model = fit_logistic(&rows, &y, DOC_FEATURES, solver)?;
    Ok(FittedDocuments { model, out_of_fold, threshold })
}

/// Each document's out-of-fold verdict: its probability and its lines' spam probabilities.
fn out_of_fold_verdicts(doc_oof: &[(f64, bool)], lines: &[Vec<Option<LineProbs>>]) -> Vec<OutOfFold> {
    let spam = LineClass::Spam.index();
    doc_oof
        .iter()
        .zip(lines)
        .map(|((p, _), lines)| OutOfFold { p_spam: *p, lines: lines.iter().map(|l| l.map(|l| l[spam])).collect() })
        .collect()
}

/// Chooses `model`'s document threshold on a development set: the threshold with the best
/// document F1 whose false-positive rate there stays within `max_fpr` (among 0.05, 0.10, …
/// 0.95). Records the choice in the model's training summary and returns the confusion at
/// the chosen threshold. The development set is only measured on, never learned from.
///
/// # Errors
/// [`Error::Training`] if `examples` lacks documents of either label.
pub fn calibrate(model: &mut Model, examples: &[Example], name: &str, max_fpr: f64) -> Result<Confusion> {
    if !examples.iter().any(|e| e.label) || examples.iter().all(|e| e.label) {
        return Err(Error::Training(format!("--calibrate: {name} needs documents of both labels")));
    }
    let classifier = crate::Classifier::new(model);
    let scores: Vec<(f64, bool)> = examples.par_iter().map(|e| (classifier.classify_unlimited(&e.text).p_spam(), e.label)).collect();
    let threshold = best_threshold(&scores, &threshold_grid(), max_fpr);
    let c = confusion_at(&scores, threshold);
    model.thresholds.document = threshold;
    model.training.threshold_chosen_on = format!(
        "{name}: {} documents, F1 {:.3}, false-positive rate {:.3} at {threshold:.2} (at most {max_fpr})",
        examples.len(),
        c.f1(),
        c.fpr()
    );
    Ok(c)
}

/// The fold of each example: a hash of its group (its site), so that one site's pages
/// never sit on both sides.
fn folds_of(examples: &[Example], folds: usize) -> Vec<usize> {
    examples.iter().map(|e| (fnv1a(e.group.as_bytes()) % folds as u64) as usize).collect()
}

/// Extracts every example's features, each fold's with a vocabulary learned from the
/// other folds.
fn prepare(examples: &[Example], folds: usize, params: VocabParams) -> Vec<Prepared<'_>> {
    let fold_of = folds_of(examples, folds);
    let vocabularies: Vec<Vocabulary> = (0..folds)
        .into_par_iter()
        .map(|fold| {
            let others: Vec<&Example> = examples.iter().zip(&fold_of).filter(|(_, f)| **f != fold).map(|(e, _)| e).collect();
            vocab::learn(&others, params)
        })
        .collect();
    prepare_with(examples, folds, |fold| &vocabularies[fold])
}

/// Extracts every example's features with the vocabulary `vocabulary_of` gives its fold.
fn prepare_with<'e, 'v>(
    examples: &'e [Example],
    folds: usize,
    vocabulary_of: impl Fn(usize) -> &'v Vocabulary + Sync,
) -> Vec<Prepared<'e>> {
    examples
        .par_iter()
        .zip(folds_of(examples, folds))
        .enumerate()
        .map(|(index, (example, fold))| Prepared {
            example,
            features: Extractor::with_vocabulary(vocabulary_of(fold)).extract(&Document::new(&example.text)),
            fold,
            index,
        })
        .collect()
}

/// The feature families: the prefixes of the line feature names.
pub fn feature_families() -> Vec<&'static str> {
    let mut families: Vec<&str> = Vec::new();
    for name in line_feature_names() {
        let family = name.split('.').next().unwrap_or(name);
        if !families.contains(&family) {
            families.push(family);
        }
    }
    families
}

/// The columns of the families left out.
fn dropped_columns(without: &[String]) -> Vec<usize> {
    line_feature_names()
        .iter()
        .enumerate()
        .filter(|(_, name)| without.iter().any(|f| name.split('.').next() == Some(f.as_str())))
        .map(|(j, _)| j)
        .collect()
}

/// FNV-1a: a small stable hash (std's hashers are not stable across releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// Each document's line probabilities from a model fitted on the other folds: `fit` fits a
/// model on the documents its argument accepts, `score` scores one document with it. The
/// folds are fitted in parallel.
fn out_of_fold<M: Send + Sync>(
    prepared: &[Prepared],
    folds: usize,
    fit: impl Fn(&dyn Fn(&Prepared) -> bool) -> Result<M> + Sync,
    score: impl Fn(&M, &Prepared) -> Vec<Option<LineProbs>> + Sync,
) -> Result<Vec<Vec<Option<LineProbs>>>> {
    let models: Vec<M> = (0..folds).into_par_iter().map(|fold| fit(&|d| d.fold != fold)).collect::<Result<_>>()?;
    Ok(prepared.iter().map(|d| score(&models[d.fold], d)).collect())
}

/// The labelled lines of the documents `keep` accepts: their rows (`row(document, line)`,
/// `None` for lines without one) and classes, each as many times as its document's weight.
fn labelled_rows<'r>(
    prepared: &'r [Prepared],
    keep: &dyn Fn(&Prepared) -> bool,
    row: impl Fn(&'r Prepared, usize) -> Option<&'r [f32]>,
) -> (Vec<f64>, Vec<LineClass>) {
    let mut rows = Vec::new();
    let mut y = Vec::new();
    for d in prepared.iter().filter(|d| keep(d)) {
        let Some(classes) = &d.example.lines else { continue };
        for (i, class) in classes.iter().enumerate() {
            if let (Some(class), Some(values)) = (class, row(d, i)) {
                for _ in 0..d.example.weight {
                    rows.extend(values.iter().map(|v| *v as f64));
                    y.push(*class);
                }
            }
        }
    }
    (rows, y)
}

/// Fits the first line models on the labelled lines of the documents `keep` accepts, one per
/// line kind. A kind whose lines lack a class (small data sets) takes the model of all lines.
fn fit_lines(prepared: &[Prepared], keep: &dyn Fn(&Prepared) -> bool, solver: Solver) -> Result<LineModels> {
    let rows_of = |kind: Option<LineKind>| {
        labelled_rows(prepared, keep, |d, i| {
            let wanted = !d.features.blank[i] && kind.is_none_or(|k| d.features.kinds[i] == k);
            wanted.then(|| d.features.row(i))
        })
    };
    let (rows, y) = rows_of(None);
    let all = fit_softmax(&rows, &y, line_feature_names(), solver)?;
    let per_kind = |kind| {
        let (rows, y) = rows_of(Some(kind));
        if LineClass::ALL.iter().all(|c| y.contains(c)) {
            fit_softmax(&rows, &y, line_feature_names(), solver)
        } else {
            Ok(all.clone())
        }
    };
    Ok(LineModels { headline: per_kind(LineKind::Headline)?, prose: per_kind(LineKind::Prose)?, other: per_kind(LineKind::Other)? })
}

/// Fits the stacked line model on the stacked rows of the documents `keep` accepts.
fn fit_stacked(
    prepared: &[Prepared],
    stacked_rows: &[stacked::StackedRows],
    keep: &dyn Fn(&Prepared) -> bool,
    solver: Solver,
) -> Result<SoftmaxModel> {
    let (rows, y) = labelled_rows(prepared, keep, |d, i| stacked_rows[d.index].row(i));
    fit_softmax(&rows, &y, stacked::FEATURE_NAMES, solver)
}

fn decide_all(probs: &[Option<LineProbs>], spam_threshold: f64) -> Vec<Option<LineClass>> {
    probs.iter().map(|p| p.map(|p| line::decide(&p, spam_threshold))).collect()
}

/// The spam probability from which a line is spam.
pub const LINE_SPAM_THRESHOLD: f64 = 0.5;

/// Candidate thresholds 0.05, 0.10, … 0.95.
fn threshold_grid() -> Vec<f64> {
    (1..20).map(|i| i as f64 / 20.0).collect()
}

/// The document rows and labels of the documents `which`, each as many times as its weight.
fn weighted_documents(prepared: &[Prepared], rows: &[Vec<f32>], labels: &[bool], which: &[usize]) -> (Vec<f64>, Vec<bool>) {
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for &i in which {
        for _ in 0..prepared[i].example.weight {
            x.extend(rows[i].iter().map(|v| *v as f64));
            y.push(labels[i]);
        }
    }
    (x, y)
}

/// Out-of-fold document probabilities, paired with the labels.
fn cross_validate_documents(
    prepared: &[Prepared],
    rows: &[Vec<f32>],
    labels: &[bool],
    folds: usize,
    solver: Solver,
) -> Result<Vec<(f64, bool)>> {
    let mut out = vec![(0.0, false); rows.len()];
    for fold in 0..folds {
        let train: Vec<usize> = (0..rows.len()).filter(|&i| prepared[i].fold != fold).collect();
        let (train_rows, train_labels) = weighted_documents(prepared, rows, labels, &train);
        let model = fit_logistic(&train_rows, &train_labels, DOC_FEATURES, solver)?;
        let mut z = vec![0.0; DOC_FEATURES.len()];
        for i in (0..rows.len()).filter(|&i| prepared[i].fold == fold) {
            model.standardizer.apply(&rows[i], &mut z);
            out[i] = (model.probability(&z), labels[i]);
        }
    }
    Ok(out)
}

fn confusion_at(scores: &[(f64, bool)], threshold: f64) -> Confusion {
    let mut c = Confusion::default();
    scores.iter().for_each(|(s, y)| c.add(*s >= threshold, *y));
    c
}

/// Spam-line and boilerplate-line confusions of the out-of-fold line probabilities, with the
/// lines classed as the classifier classes them once the documents are decided.
fn line_confusions(
    prepared: &[Prepared],
    oof: &[Vec<Option<LineProbs>>],
    spam_documents: &[bool],
    thresholds: &Thresholds,
) -> (Confusion, Confusion) {
    let (mut spam, mut bp) = (Confusion::default(), Confusion::default());
    for ((d, probs), &spam_document) in prepared.iter().zip(oof).zip(spam_documents) {
        let Some(truth) = &d.example.lines else { continue };
        for (actual, predicted) in truth.iter().zip(line::classes(probs, &d.features, spam_document, thresholds)) {
            let (Some(actual), Some(predicted)) = (actual, predicted) else { continue };
            spam.add(predicted == LineClass::Spam, *actual == LineClass::Spam);
            bp.add(predicted == LineClass::Boilerplate, *actual == LineClass::Boilerplate);
        }
    }
    (spam, bp)
}

/// The line thresholds inside spam documents, one per line kind, and the block threshold,
/// with the best cross-validated spam-line F1, among 0.1, 0.15, ... up to `line_spam`: first
/// one for all kinds (blocks at `line_spam`), then each kind's in turn, then the blocks'.
fn best_line_thresholds(
    prepared: &[Prepared],
    oof: &[Vec<Option<LineProbs>>],
    spam_documents: &[bool],
    document: f64,
    line_spam: f64,
) -> Thresholds {
    let candidates: Vec<f64> = (2..=10).map(|i| i as f64 / 20.0).filter(|t| *t <= line_spam).collect();
    let start = Thresholds { document, line_spam, line_spam_in_spam: [line_spam; 3], block_spam_in_spam: line_spam };
    let f1 = |t: &Thresholds| line_confusions(prepared, oof, spam_documents, t).0.f1();
    // The best of `options`; on ties the first (the lowest threshold of the candidates).
    let best = |options: Vec<Thresholds>| {
        let mut best: Option<(Thresholds, f64)> = None;
        for t in options {
            let score = f1(&t);
            if best.as_ref().is_none_or(|(_, b)| score > *b) {
                best = Some((t, score));
            }
        }
        best.map(|(t, _)| t)
    };
    let with = |t: &Thresholds, edit: &dyn Fn(&mut Thresholds, f64)| -> Vec<Thresholds> {
        candidates.iter().map(|&c| {
            let mut next = t.clone();
            edit(&mut next, c);
            next
        }).collect()
    };
    let mut t = best(with(&start, &|t, c| t.line_spam_in_spam = [c; 3])).unwrap_or(start);
    for kind in 0..3 {
        t = best(with(&t, &|t, c| t.line_spam_in_spam[kind] = c)).unwrap_or(t);
    }
    best(with(&t, &|t, c| t.block_spam_in_spam = c)).unwrap_or(t)
}

fn summarise(
    prepared: &[Prepared],
    p: &TrainParams,
    (documents, doc_threshold): (&Confusion, f64),
    doc_oof: &[(f64, bool)],
    spam: &Confusion,
    bp: &Confusion,
) -> TrainingSummary {
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    let mut fingerprint = 0u64;
    for d in prepared {
        for class in d.example.lines.iter().flatten().flatten() {
            *lines.entry(class.as_str().to_string()).or_default() += 1;
        }
        let lang = d.example.lang.clone().or_else(|| d.features.document.language.map(String::from));
        *languages.entry(lang.unwrap_or_else(|| "und".into())).or_default() += 1;
        fingerprint = fnv1a(&[fingerprint.to_le_bytes().as_slice(), d.example.text.as_bytes()].concat());
    }
    TrainingSummary {
        documents: prepared.len(),
        spam_documents: prepared.iter().filter(|d| d.example.label).count(),
        lines,
        languages,
        folds: p.folds,
        alpha: p.alpha,
        max_iterations: p.max_iterations,
        cv: CvMetrics {
            doc_precision: documents.precision(),
            doc_recall: documents.recall(),
            doc_f1: documents.f1(),
            doc_fpr: documents.fpr(),
            doc_auc: auc(doc_oof).unwrap_or(0.5),
            doc_threshold,
            line_spam_f1: spam.f1(),
            line_boilerplate_f1: bp.f1(),
        },
        data_fingerprint: format!("{fingerprint:016x}"),
        threshold_chosen_on: "cross-validation".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_are_checked() {
        let bad = TrainParams { folds: 1, ..TrainParams::default() }.check().unwrap_err();
        assert!(bad.to_string().contains("--folds must be at least 2, got 1"));
        let bad = TrainParams { alpha: f64::NAN, ..TrainParams::default() }.check().unwrap_err();
        assert!(bad.to_string().contains("--alpha"));
        assert!(TrainParams::default().check().is_ok());
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
