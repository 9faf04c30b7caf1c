//! The model file: versioned JSON holding both models' feature names, classes, weights,
//! standardisation, thresholds and a training summary.
//!
//! Weights live in our own structs; linfa is used only to fit them (its fitted types have
//! no public constructor). A model whose feature names differ from this binary's
//! extractors is refused by [`Model::validate`].

pub mod document;
pub mod line;
pub mod linear;
pub mod stacked;
pub mod vocab;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::features::{LineKind, line_feature_names};
pub use linear::{LogisticModel, SoftmaxModel, Standardizer};
pub use vocab::Vocabulary;

/// The `format` field of every chaff model file.
pub const MODEL_FORMAT: &str = "chaff-model";

/// The model file version this binary writes.
pub const MODEL_VERSION: u32 = 3;

/// The oldest model file version this binary reads. Version 3 added word stems to the
/// learned vocabulary ([`vocab::stem_of`]); a version 2 file holds none and scores as it did.
pub const OLDEST_MODEL_VERSION: u32 = 2;

/// The class of a non-blank line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineClass {
    /// Article text.
    Content,
    /// Site template that promotes nothing.
    Boilerplate,
    /// Injected promotion or junk.
    Spam,
}

impl LineClass {
    /// All classes, in the order of the line model's outputs.
    pub const ALL: [LineClass; 3] = [LineClass::Content, LineClass::Boilerplate, LineClass::Spam];

    /// Index of the class in the line model's outputs.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The class's name: `content`, `boilerplate` or `spam`.
    pub fn as_str(self) -> &'static str {
        match self {
            LineClass::Content => "content",
            LineClass::Boilerplate => "boilerplate",
            LineClass::Spam => "spam",
        }
    }
}

/// Decision thresholds stored with the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// A document is spam when its probability is at least this.
    pub document: f64,
    /// A line is spam when its spam probability is at least this (the line classes the
    /// document model reads).
    pub line_spam: f64,
    /// In a document the document model calls spam, a line is spam from this probability,
    /// by line kind ([`crate::LineKind::ALL`] order: headline, prose, other).
    pub line_spam_in_spam: [f64; 3],
    /// In a document the document model calls spam, a block of three or more headline-shaped
    /// lines is spam as a whole when its mean spam probability reaches this.
    pub block_spam_in_spam: f64,
}

/// Metrics measured by cross-validation while training.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CvMetrics {
    /// Document precision.
    pub doc_precision: f64,
    /// Document recall.
    pub doc_recall: f64,
    /// Document F1.
    pub doc_f1: f64,
    /// Document false-positive rate.
    pub doc_fpr: f64,
    /// Document ROC AUC.
    pub doc_auc: f64,
    /// The document threshold cross-validation chose (within `--max-fpr`), at which the
    /// document metrics above were measured.
    pub doc_threshold: f64,
    /// Line spam F1.
    pub line_spam_f1: f64,
    /// Line boilerplate F1.
    pub line_boilerplate_f1: f64,
}

/// How a model was trained.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainingSummary {
    /// Documents trained on.
    pub documents: usize,
    /// Spam documents among them.
    pub spam_documents: usize,
    /// Labelled non-blank lines trained on, by class name.
    pub lines: BTreeMap<String, usize>,
    /// Documents by language.
    pub languages: BTreeMap<String, usize>,
    /// Cross-validation folds.
    pub folds: usize,
    /// L2 penalty.
    pub alpha: f64,
    /// Maximum L-BFGS iterations.
    pub max_iterations: u64,
    /// Cross-validated metrics.
    pub cv: CvMetrics,
    /// FNV-1a hash of the training records, to tell data sets apart.
    pub data_fingerprint: String,
    /// Where the document threshold was chosen: `cross-validation`, or the development set
    /// given to `chaff train --calibrate` (its file name) with what it measured there.
    pub threshold_chosen_on: String,
}

/// A complete chaff model: the line model, the document model and their thresholds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Always [`MODEL_FORMAT`].
    pub format: String,
    /// The file format version, [`MODEL_VERSION`].
    pub version: u32,
    /// The learned vocabulary the `vocab.*` features read.
    pub vocabulary: Vocabulary,
    /// The first line models (content / boilerplate / spam) over each line's features, one
    /// per line kind.
    pub line: line::LineModels,
    /// The stacked line model over the first model's outputs for the line, its neighbours
    /// and its page.
    pub stacked: SoftmaxModel,
    /// The document model (spam or not).
    pub document: LogisticModel,
    /// Decision thresholds.
    pub thresholds: Thresholds,
    /// How the model was trained.
    pub training: TrainingSummary,
}

const BUILTIN_JSON: &str = include_str!("../../models/default.json");

static BUILTIN: LazyLock<Result<Model, String>> =
    LazyLock::new(|| Model::from_json(BUILTIN_JSON).map_err(|e| e.to_string()));

impl Model {
    /// The default model shipped inside the binary.
    ///
    /// # Errors
    /// [`Error::BuiltinModel`] if the embedded file does not load (a build from a broken
    /// checkout); the message says why.
    pub fn builtin() -> Result<&'static Model> {
        BUILTIN.as_ref().map_err(|e| Error::BuiltinModel(e.clone()))
    }

    /// Parses and validates a model from JSON text.
    ///
    /// # Errors
    /// [`Error::ModelFormat`] for text that is not a chaff model, [`Error::ModelVersion`]
    /// for a version this binary does not read, [`Error::FeatureMismatch`] for a model whose
    /// features differ from this binary's extractors.
    pub fn from_json(json: &str) -> Result<Model> {
        let header: serde_json::Value =
            serde_json::from_str(json).map_err(|e| Error::ModelFormat(e.to_string()))?;
        if header.get("format").and_then(|f| f.as_str()) != Some(MODEL_FORMAT) {
            return Err(Error::ModelFormat(format!("the \"format\" field is not \"{MODEL_FORMAT}\"")));
        }
        let version = header.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if !(OLDEST_MODEL_VERSION as u64..=MODEL_VERSION as u64).contains(&version) {
            return Err(Error::ModelVersion { oldest: OLDEST_MODEL_VERSION, newest: MODEL_VERSION, got: version });
        }
        let model: Model = serde_json::from_value(header).map_err(|e| Error::ModelFormat(e.to_string()))?;
        model.validate()?;
        Ok(model)
    }

    /// Reads and validates a model file.
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, else as [`Model::from_json`].
    pub fn load(path: &Path) -> Result<Model> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Model::from_json(&text)
    }

    /// The model as pretty JSON, with a trailing newline. Deterministic: the same model
    /// gives the same bytes.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a model always serialises");
        s.push('\n');
        s
    }

    /// Writes the model to `path` atomically: to a temporary file in the same folder, synced
    /// to disk, then renamed over `path`. A kill or a full disk at any moment leaves the old
    /// file or the new one, never a part of one.
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be written; `path` is then as it was.
    pub fn save(&self, path: &Path) -> Result<()> {
        write_atomically(path, self.to_json().as_bytes()).map_err(|e| Error::io(path, e))
    }

    /// Checks that the model's features, classes and array sizes match this binary.
    ///
    /// # Errors
    /// [`Error::FeatureMismatch`] or [`Error::ModelFormat`] saying what differs.
    pub fn validate(&self) -> Result<()> {
        for m in self.line.all() {
            check_features("line", line_feature_names(), &m.features)?;
        }
        check_features("stacked", stacked::feature_names(), &self.stacked.features)?;
        check_features("document", document::feature_names(), &self.document.features)?;
        let classes: Vec<&str> = LineClass::ALL.iter().map(|c| c.as_str()).collect();
        for m in self.line.all().into_iter().chain([&self.stacked]) {
            if m.classes != classes {
                return Err(Error::ModelFormat(format!("line classes are {:?}, expected {:?}", m.classes, classes)));
            }
        }
        let softmax_ok = |m: &SoftmaxModel| {
            let n = m.features.len();
            m.weights.len() == 3
                && m.weights.iter().all(|w| w.len() == n)
                && m.intercept.len() == 3
                && m.standardizer.mean.len() == n
                && m.standardizer.scale.len() == n
        };
        let shapes_ok = self.line.all().into_iter().all(softmax_ok)
            && softmax_ok(&self.stacked)
            && self.document.weights.len() == self.document.features.len()
            && self.document.standardizer.mean.len() == self.document.features.len()
            && self.document.standardizer.scale.len() == self.document.features.len();
        if !shapes_ok {
            return Err(Error::ModelFormat("weight arrays do not match the feature lists".into()));
        }
        self.check_values()
    }

    /// Checks that every number is usable: weights, intercepts and means finite and within
    /// ±[`MAX_PARAMETER`], scales finite and positive, thresholds strictly between 0 and 1,
    /// vocabulary weights finite. A model edited by hand or damaged on disk would otherwise
    /// give NaN probabilities, or spam documents without a spam line.
    fn check_values(&self) -> Result<()> {
        for (kind, m) in LineKind::ALL.iter().zip(self.line.all()) {
            check_softmax(&format!("line.{}", kind.as_str()), m)?;
        }
        check_softmax("stacked", &self.stacked)?;
        let d = &self.document;
        check_standardizer("document", &d.standardizer, &d.features)?;
        check_numbers("document.weights", &d.weights, &d.features)?;
        check_numbers("document.intercept", &[d.intercept], &[])?;
        let t = &self.thresholds;
        let thresholds = [("document", t.document), ("line_spam", t.line_spam), ("block_spam_in_spam", t.block_spam_in_spam)];
        let per_kind = LineKind::ALL.iter().zip(t.line_spam_in_spam).map(|(k, v)| (k.as_str(), v));
        for (name, value) in thresholds.into_iter().chain(per_kind) {
            if !(value > 0.0 && value < 1.0) {
                return Err(Error::ModelFormat(format!("threshold {name} is {value}: thresholds must lie strictly between 0 and 1")));
            }
        }
        if let Some((term, ..)) = self.vocabulary.terms().iter().find(|(_, s, b)| !s.is_finite() || !b.is_finite()) {
            return Err(Error::ModelFormat(format!("the vocabulary weight of `{term}` is not a finite number")));
        }
        Ok(())
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over `path`,
/// then syncs the folder (where the platform allows) so that the rename itself is on disk.
/// The temporary file is removed when anything fails.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let temp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    if let Ok(folder) = std::fs::File::open(dir) {
        // Not every platform can sync a folder; the file itself is already on disk.
        let _ = folder.sync_all();
    }
    Ok(())
}

/// The largest weight, intercept or mean a model may hold: fitted models stay within a few
/// hundred; beyond this, sums of products can overflow to infinity and give NaN.
pub const MAX_PARAMETER: f64 = 1e6;

/// `v` as a reader wants it in a message: `1e300`, not three hundred digits.
fn short_number(v: f64) -> String {
    if v.is_finite() && v.abs() >= MAX_PARAMETER { format!("{v:e}") } else { v.to_string() }
}

fn check_softmax(name: &str, m: &SoftmaxModel) -> Result<()> {
    check_standardizer(name, &m.standardizer, &m.features)?;
    for (class, w) in m.classes.iter().zip(&m.weights) {
        check_numbers(&format!("{name}.weights[{class}]"), w, &m.features)?;
    }
    check_numbers(&format!("{name}.intercept"), &m.intercept, &m.classes)
}

fn check_standardizer(name: &str, s: &Standardizer, features: &[String]) -> Result<()> {
    check_numbers(&format!("{name}.standardizer.mean"), &s.mean, features)?;
    match s.scale.iter().position(|v| !(v.is_finite() && *v > 0.0)) {
        Some(j) => Err(Error::ModelFormat(format!(
            "{name}.standardizer.scale of `{}` is {}: scales must be positive finite numbers",
            features[j], s.scale[j]
        ))),
        None => Ok(()),
    }
}

/// Checks `values` (named by `labels` where there are labels) are finite and within
/// ±[`MAX_PARAMETER`].
fn check_numbers(name: &str, values: &[f64], labels: &[String]) -> Result<()> {
    match values.iter().position(|v| !(v.is_finite() && v.abs() <= MAX_PARAMETER)) {
        Some(j) => {
            let which = labels.get(j).map_or(String::new(), |l| format!(" of `{l}`"));
            Err(Error::ModelFormat(format!(
                "{name}{which} is {}: parameters must be finite and within ±{MAX_PARAMETER:e}",
                short_number(values[j])
            )))
        }
        None => Ok(()),
    }
}

fn check_features(model: &'static str, expected: &[&str], got: &[String]) -> Result<()> {
    if expected.len() == got.len() && expected.iter().zip(got).all(|(a, b)| a == b) {
        return Ok(());
    }
    let position = expected.iter().zip(got).position(|(a, b)| a != b).unwrap_or(expected.len().min(got.len()));
    Err(Error::FeatureMismatch {
        model,
        expected: expected.len(),
        got: got.len(),
        position,
        expected_name: expected.get(position).map_or("(none)".into(), |s| s.to_string()),
        got_name: got.get(position).cloned().unwrap_or_else(|| "(none)".into()),
    })
}
