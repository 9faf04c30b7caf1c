//! The last stage: a [`Classifier`] runs the pipeline and returns a [`Verdict`].

use crate::document::Document;
use crate::error::{Error, Result};
use crate::features::{Extractor, line_feature_names};
use crate::model::document::{self as doc_model, FEATURE_NAMES as DOC_FEATURES};
use crate::model::line::{self, LineProbs};
use crate::model::stacked;
use crate::model::{LineClass, Model, SoftmaxModel};

/// How many reasons an explanation keeps per decision.
pub const REASONS_PER_DECISION: usize = 3;

/// The document-level label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// At least one line was injected (per the model).
    Spam,
    /// No injected spam found.
    Clean,
}

impl Label {
    /// `spam` or `clean`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Spam => "spam",
            Label::Clean => "clean",
        }
    }
}

/// A feature that pushed a decision, with its value and its contribution to the log-odds.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// The feature's stable name (`lex.gambling`, `head.run`, ...).
    pub feature: &'static str,
    /// The feature's value for this line or document (before standardisation).
    pub value: f64,
    /// Its contribution to the decided class against the others.
    pub contribution: f64,
}

/// The verdict on one line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineVerdict {
    /// 0-based line index.
    pub index: usize,
    /// The class, or `None` for a blank line.
    pub class: Option<LineClass>,
    /// Probabilities of content, boilerplate and spam (zero for blank lines).
    pub probs: LineProbs,
    /// The features that pushed the class most (filled by [`Classifier::explain`]).
    pub reasons: Vec<Reason>,
}

impl LineVerdict {
    /// The probability of the decided class (0 for blank lines).
    pub fn probability(&self) -> f64 {
        self.class.map_or(0.0, |c| self.probs[c.index()])
    }
}

/// The verdict on a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    label: Label,
    p_spam: f64,
    lines: Vec<LineVerdict>,
    reasons: Vec<Reason>,
    language: Option<&'static str>,
}

impl Verdict {
    /// `Spam` or `Clean`.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The document's spam probability.
    pub fn p_spam(&self) -> f64 {
        self.p_spam
    }

    /// Every line's verdict, blank lines included.
    pub fn lines(&self) -> &[LineVerdict] {
        &self.lines
    }

    /// 0-based indices of the lines of class `class`.
    pub fn lines_of(&self, class: LineClass) -> Vec<usize> {
        self.lines.iter().filter(|l| l.class == Some(class)).map(|l| l.index).collect()
    }

    /// The features that pushed the document decision most (filled by
    /// [`Classifier::explain`]).
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }

    /// The document's language as chaff detected it (ISO 639-1 where one exists).
    pub fn language(&self) -> Option<&'static str> {
        self.language
    }
}

/// The largest document a [`Classifier`] accepts, which bounds the memory it takes: a
/// document costs about 550 bytes a line and about ten times its size in bytes while it is
/// classified. A document over either limit is refused with [`Error::TooLarge`], never cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes of UTF-8 text.
    pub max_bytes: usize,
    /// Most lines (line breaks plus one, blank lines included; a final line break opens no
    /// line).
    pub max_lines: usize,
}

impl Limits {
    /// Eight times the 1 MiB at which Common Crawl cuts a page's text.
    pub const DEFAULT_MAX_BYTES: usize = 8 << 20;
    /// Forty times the lines of a long article with its comments.
    pub const DEFAULT_MAX_LINES: usize = 100_000;
    /// No limit: for data already held in memory (training and evaluation sets).
    pub const NONE: Limits = Limits { max_bytes: usize::MAX, max_lines: usize::MAX };

    /// Checks `text` against the limits.
    ///
    /// # Errors
    /// [`Error::TooLarge`] naming the limit `text` is over.
    pub fn check(&self, text: &str) -> Result<()> {
        let over = |unit, got, limit| Err(Error::TooLarge { unit, got, limit });
        if text.len() > self.max_bytes {
            return over("bytes", text.len(), self.max_bytes);
        }
        // Counting stops at the limit: the count is only needed to refuse. A final line break
        // opens no line (see `segment::lines`).
        let breaks = || memchr::memchr_iter(b'\n', crate::segment::without_final_newline(text).as_bytes());
        let lines = 1 + breaks().take(self.max_lines).count();
        if lines > self.max_lines {
            let all = 1 + breaks().count();
            return over("lines", all, self.max_lines);
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: Self::DEFAULT_MAX_BYTES, max_lines: Self::DEFAULT_MAX_LINES }
    }
}

/// Runs the pipeline with one model. Cheap to clone; build one per thread.
#[derive(Clone)]
pub struct Classifier<'m> {
    model: &'m Model,
    extractor: Extractor<'m>,
    threshold: f64,
    limits: Limits,
}

impl Classifier<'static> {
    /// A classifier with the built-in model.
    ///
    /// # Errors
    /// [`crate::Error::BuiltinModel`] if the embedded model does not load.
    pub fn builtin() -> Result<Self> {
        Ok(Classifier::new(Model::builtin()?))
    }
}

impl<'m> Classifier<'m> {
    /// A classifier with `model`, the model's own document threshold and the default
    /// [`Limits`].
    pub fn new(model: &'m Model) -> Self {
        Classifier {
            model,
            extractor: Extractor::with_vocabulary(&model.vocabulary),
            threshold: model.thresholds.document,
            limits: Limits::default(),
        }
    }

    /// Accepts documents up to `limits` instead of the default ones.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The limits in use.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Uses `threshold` instead of the model's document threshold.
    pub fn with_threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }

    /// The model.
    pub fn model(&self) -> &'m Model {
        self.model
    }

    /// The document threshold in use.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// Classifies `text`: the document label and probability, and every line's class.
    ///
    /// # Errors
    /// [`Error::TooLarge`] when `text` is over the classifier's [`Limits`].
    pub fn classify(&self, text: &str) -> Result<Verdict> {
        self.limits.check(text)?;
        Ok(self.run(text, false))
    }

    /// Like [`Classifier::classify`], and also keeps the features that pushed each
    /// decision most.
    ///
    /// # Errors
    /// [`Error::TooLarge`] when `text` is over the classifier's [`Limits`].
    pub fn explain(&self, text: &str) -> Result<Verdict> {
        self.limits.check(text)?;
        Ok(self.run(text, true))
    }

    /// Classifies `text` whatever its size: for training and evaluation sets, which are
    /// already held in memory whole.
    pub(crate) fn classify_unlimited(&self, text: &str) -> Verdict {
        self.run(text, false)
    }

    fn run(&self, text: &str, explain: bool) -> Verdict {
        let doc = Document::new(text);
        // Without explanations the feature rows are scored as they are written and not kept.
        let mut z = vec![0.0; line_feature_names().len()];
        let (features, first) = self.extractor.extract_scored(&doc, explain, |kind, row| {
            self.model.line.get(kind).probabilities_of(row, &mut z)
        });
        let stacked_rows = stacked::features(&first, &features.head_runs);
        let probs = stacked::score(&self.model.stacked, &stacked_rows);
        let classes: Vec<Option<LineClass>> = probs
            .iter()
            .map(|p| p.map(|p| line::decide(&p, self.model.thresholds.line_spam)))
            .collect();
        let doc_row = doc_model::features(&probs, &classes, &features.document);
        let mut z = vec![0.0; doc_row.len()];
        self.model.document.standardizer.apply(&doc_row, &mut z);
        let p_spam = self.model.document.probability(&z);
        let label = if p_spam >= self.threshold { Label::Spam } else { Label::Clean };
        let classes = line::classes(&probs, &features, label == Label::Spam, &self.model.thresholds);
        let lines = probs
            .iter()
            .zip(&classes)
            .enumerate()
            .map(|(index, (p, class))| LineVerdict {
                index,
                class: *class,
                probs: p.unwrap_or_default(),
                reasons: match (explain, class, stacked_rows.row(index)) {
                    (true, Some(c), Some(stacked_row)) => {
                        self.line_reasons(self.model.line.get(features.kinds[index]), features.row(index), stacked_row, *c)
                    }
                    _ => Vec::new(),
                },
            })
            .collect();
        let reasons = if explain { self.document_reasons(&doc_row, &z, label) } else { Vec::new() };
        Verdict { label, p_spam, lines, reasons, language: features.document.language }
    }

    /// The features that pushed a line's class most: the line's own evidence (first model)
    /// and how its neighbours and page weighed in (stacked model), in one list.
    fn line_reasons(&self, first: &SoftmaxModel, row: &[f32], stacked_row: &[f32], class: LineClass) -> Vec<Reason> {
        let contributions = |model: &SoftmaxModel, row: &[f32]| {
            let mut z = vec![0.0; row.len()];
            model.standardizer.apply(row, &mut z);
            model.contributions(&z, class.index())
        };
        let names: Vec<&'static str> = line_feature_names().iter().chain(stacked::FEATURE_NAMES).copied().collect();
        let values: Vec<f32> = row.iter().chain(stacked_row).copied().collect();
        let mut all = contributions(first, row);
        all.extend(contributions(&self.model.stacked, stacked_row));
        top_reasons(&names, &values, &all, 1.0)
    }

    fn document_reasons(&self, row: &[f32], z: &[f64], label: Label) -> Vec<Reason> {
        let sign = if label == Label::Spam { 1.0 } else { -1.0 };
        top_reasons(DOC_FEATURES, row, &self.model.document.contributions(z), sign)
    }
}

/// The features with the largest contributions in the direction `sign`.
fn top_reasons(names: &[&'static str], values: &[f32], contributions: &[f64], sign: f64) -> Vec<Reason> {
    let mut order: Vec<usize> = (0..contributions.len()).filter(|&j| contributions[j] * sign > 0.0).collect();
    order.sort_by(|&a, &b| (contributions[b] * sign).total_cmp(&(contributions[a] * sign)));
    order
        .into_iter()
        .take(REASONS_PER_DECISION)
        .map(|j| Reason { feature: names[j], value: values[j] as f64, contribution: contributions[j] })
        .collect()
}

/// Classifies `text` with the built-in model.
///
/// # Errors
/// [`crate::Error::BuiltinModel`] if the embedded model does not load, [`Error::TooLarge`]
/// when `text` is over the default [`Limits`].
pub fn classify(text: &str) -> Result<Verdict> {
    Classifier::builtin()?.classify(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_refuse_documents_over_them_and_accept_the_rest() {
        let limits = Limits { max_bytes: 10, max_lines: 3 };
        assert!(limits.check("a\nb\nc").is_ok(), "exactly at both limits");
        assert!(limits.check("a\nb\nc\n").is_ok(), "a final line break opens no line");
        assert!(limits.check("0123456789").is_ok());
        let lines = limits.check("a\nb\nc\nd\ne").unwrap_err();
        assert_eq!(lines.to_string(), "the document is too large: 5 lines, more than the limit of 3 lines");
        let bytes = limits.check("0123456789a").unwrap_err();
        assert_eq!(bytes.to_string(), "the document is too large: 11 bytes, more than the limit of 10 bytes");
        assert!(Limits::NONE.check(&"a\n".repeat(200_000)).is_ok());
    }

    #[test]
    fn a_document_over_the_limits_is_an_error_and_the_rest_classify_as_before() {
        let classifier = Classifier::builtin().unwrap().with_limits(Limits { max_bytes: 1 << 20, max_lines: 2 });
        let err = classifier.classify("one\ntwo\nthree").unwrap_err();
        assert!(matches!(err, Error::TooLarge { unit: "lines", got: 3, limit: 2 }), "{err}");
        assert!(classifier.explain("one\ntwo\nthree").is_err());
        let text = "Giá vàng hôm nay tăng mạnh.\nSoi kèo nhà cái uy tín, đăng ký nhận thưởng 200% tại kuwin88.vip";
        assert_eq!(classifier.classify(text).unwrap(), Classifier::builtin().unwrap().classify(text).unwrap());
    }

    /// Classifying without keeping the feature rows gives the verdict that explaining does.
    #[test]
    fn scoring_rows_as_they_are_written_changes_nothing() {
        let text = "Giá vàng hôm nay tăng mạnh trên thị trường trong nước.\n\nSoi kèo nhà cái uy tín, đăng ký nhận thưởng 200% tại kuwin88.vip\nBình luận (0)";
        let classifier = Classifier::builtin().unwrap();
        let plain = classifier.classify(text).unwrap();
        let explained = classifier.explain(text).unwrap();
        assert_eq!(plain.label(), explained.label());
        assert_eq!(plain.p_spam(), explained.p_spam());
        let probs = |v: &Verdict| v.lines().iter().map(|l| (l.class, l.probs)).collect::<Vec<_>>();
        assert_eq!(probs(&plain), probs(&explained));
    }
}
