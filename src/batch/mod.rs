//! Batch scoring for pipelines: JSONL records (or the pages of WET and WARC files) in, the
//! same records out with chaff's verdict added, in input order, on all cores, with memory
//! bounded by the chunk size.
//!
//! A reader thread cuts the input into chunks of records; each chunk is scored in parallel
//! (rayon) and written in order before the next but one is read. Every record yields exactly
//! one output line or one [`RecordError`], or is skipped and counted (the WARC records that
//! hold no text), so `read = scored + failed + skipped` always holds; an input that cannot
//! be opened counts as one failed record, and the others are scored.

pub mod attributes;
mod chunk;
pub mod input;
pub mod output;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod record;
pub mod warc;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;
use serde::Serialize;

use crate::classifier::{Classifier, Label, Verdict};
use crate::document::{Document, decode_text};
use crate::model::LineClass;
pub use input::{Input, open};
pub use output::Output;
use chunk::{Chunk, Item, read_chunks};
use record::Fields;

/// Options of a batch run.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// The field holding the document text.
    pub text_field: String,
    /// The field naming the record in error messages.
    pub id_field: String,
    /// Add the text without spam (and boilerplate) lines as `chaff.clean`.
    pub clean: bool,
    /// With `clean`, keep boilerplate lines.
    pub keep_boilerplate: bool,
    /// Add `chaff.spans`: `[start, end, class, probability]` of every spam and boilerplate
    /// line, in characters (Unicode scalar values) of the text.
    pub spans: bool,
    /// Write dolma attribute files in this folder: for each input, a file of the same name
    /// with a line for each of its records (see [`attributes`]). Inputs of the same file
    /// name would write the same file: give each its own.
    pub attributes: Option<PathBuf>,
    /// Records per chunk (the unit of parallel work and of memory).
    pub chunk_records: usize,
    /// Input bytes per chunk, at most.
    pub chunk_bytes: usize,
    /// The longest JSONL record read: a longer one is skipped to its end and reported, so
    /// that one record without a line break cannot take all memory. Set it from the
    /// classifier's limits with [`BatchOptions::record_limit_for`].
    pub max_record_bytes: usize,
}

impl BatchOptions {
    /// A record limit that never refuses a record whose text is within `max_text_bytes`:
    /// JSON escapes take at most six bytes for one byte of text (`\u0001`).
    pub fn record_limit_for(max_text_bytes: usize) -> usize {
        max_text_bytes.saturating_mul(6).saturating_add(1 << 20)
    }
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            text_field: "text".into(),
            id_field: "id".into(),
            clean: false,
            keep_boilerplate: false,
            spans: false,
            attributes: None,
            chunk_records: 2048,
            chunk_bytes: 8 << 20,
            max_record_bytes: Self::record_limit_for(crate::Limits::DEFAULT_MAX_BYTES),
        }
    }
}

/// A record that could not be scored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordError {
    /// The input's name.
    pub source: String,
    /// 1-based line of the record in its input (for folders: 0, the file is the source; for
    /// WARC inputs: the record's number).
    pub line: u64,
    /// For WARC inputs: the record's byte offset in the (decompressed) input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl RecordError {
    /// The error of the record at `line` of `source`.
    pub fn at_line(source: &str, line: u64, id: Option<String>, message: String) -> Self {
        RecordError { source: source.to_string(), line, offset: None, id, message }
    }

    /// The error of WARC record number `number`, at byte `offset` of `source`.
    pub fn at_record(source: &str, number: u64, offset: u64, id: Option<String>, message: String) -> Self {
        RecordError { source: source.to_string(), line: number, offset: Some(offset), id, message }
    }

    /// The error that stands for a whole input which could not be opened or read (at line
    /// 0): it counts as one failed record. Its message does not repeat the input's name.
    pub fn unreadable(path: &Path, error: crate::Error) -> Self {
        let source = path.display().to_string();
        let message = error.to_string();
        let message = message.strip_prefix(&format!("{source}: ")).map_or(message.clone(), str::to_string);
        RecordError::at_line(&source, 0, None, message)
    }
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.offset) {
            (_, Some(offset)) => write!(f, "{}: record {} at byte {offset}: {}", self.source, self.line, self.message),
            (1.., None) => write!(f, "{}:{}: {}", self.source, self.line, self.message),
            (0, None) => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

/// Counts of a batch run. `read == scored + failed + skipped.total()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Records read.
    pub read: u64,
    /// Records scored and written.
    pub scored: u64,
    /// Scored records labelled spam.
    pub spam: u64,
    /// Records that failed, each reported once.
    pub failed: u64,
    /// WARC records that hold no text to score, by why.
    pub skipped: Skipped,
    /// Input bytes read (decompressed).
    pub bytes: u64,
}

/// WARC records skipped, by why (see [`warc::Skip`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Responses whose payload is HTML.
    pub html: u64,
    /// Responses whose payload is neither text nor HTML.
    pub not_text: u64,
    /// Records that hold no page (`warcinfo`, `request`, `metadata`, …).
    pub not_a_page: u64,
}

impl Skipped {
    /// All the records skipped.
    pub fn total(&self) -> u64 {
        self.html + self.not_text + self.not_a_page
    }
}

impl Summary {
    /// Counts `error` as a record read and failed, and reports it.
    fn fail(&mut self, error: &RecordError, on_error: &mut dyn FnMut(&RecordError)) {
        self.read += 1;
        self.failed += 1;
        on_error(error);
    }

    /// Counts a record read and skipped.
    fn skip(&mut self, why: warc::Skip) {
        self.read += 1;
        let count = match why {
            warc::Skip::Html => &mut self.skipped.html,
            warc::Skip::NotText => &mut self.skipped.not_text,
            warc::Skip::NotAPage => &mut self.skipped.not_a_page,
        };
        *count += 1;
    }
}

/// The outcome of one item.
enum Outcome {
    /// The output record.
    Scored(Scored),
    Failed(RecordError),
    Skipped(warc::Skip),
}

impl From<Result<Scored, RecordError>> for Outcome {
    fn from(result: Result<Scored, RecordError>) -> Self {
        match result {
            Ok(scored) => Outcome::Scored(scored),
            Err(e) => Outcome::Failed(e),
        }
    }
}

/// A scored record: its output line, whether it is spam, and its attribute values (with
/// [`BatchOptions::attributes`]).
#[derive(Debug)]
struct Scored {
    line: Vec<u8>,
    spam: bool,
    attributes: Option<String>,
}

/// The verdict on a text: the JSON added under `chaff`, whether it is spam, and the
/// attribute values (with [`BatchOptions::attributes`]).
struct Judged {
    verdict: String,
    spam: bool,
    attributes: Option<String>,
}

impl Judged {
    /// The scored record whose output line is `line`.
    fn scored(self, line: Vec<u8>) -> Scored {
        Scored { line, spam: self.spam, attributes: self.attributes }
    }
}

/// Scores batches with one classifier.
pub struct Scorer<'m> {
    classifier: Classifier<'m>,
    options: BatchOptions,
}

/// chaff's verdict as it is added to each record (as JSON under `chaff`, or as a Parquet
/// struct column).
#[derive(Serialize)]
struct RecordVerdict {
    label: &'static str,
    p_spam: f64,
    spam_lines: Vec<usize>,
    boilerplate_lines: Vec<usize>,
    /// With [`BatchOptions::clean`].
    #[serde(skip_serializing_if = "Option::is_none")]
    clean: Option<String>,
    /// With [`BatchOptions::spans`].
    #[serde(skip_serializing_if = "Option::is_none")]
    spans: Option<Vec<(usize, usize, &'static str, f64)>>,
}

impl<'m> Scorer<'m> {
    /// A scorer with `classifier` and `options`.
    pub fn new(classifier: Classifier<'m>, options: BatchOptions) -> Self {
        Scorer { classifier, options }
    }

    /// Scores every input in turn, writing one line per record to `out` (flushed at the
    /// end) and handing each failed record to `on_error`; `on_progress` sees the running
    /// summary after each chunk. The inputs are taken one at a time, so they can be opened
    /// lazily (see [`RecordError::unreadable`]); an input that could not be opened is
    /// reported in its place and counts as one failed record.
    ///
    /// With [`BatchOptions::attributes`], each input's attribute file is written as its
    /// records are.
    ///
    /// # Errors
    /// [`crate::Error::Output`], when writing to `out` fails (a closed pipe included); it
    /// gives the number of records written. [`crate::Error::Io`] when an attribute file
    /// cannot be created or written. Bad records are reported through `on_error`
    /// and do not stop the run; nor does an input that cannot be read to its end (a
    /// truncated gzip file): its records up to there are scored, the rest of it is reported
    /// as one failed record at the line where reading broke, and the next input follows.
    pub fn run<W: Write>(
        &self,
        inputs: impl IntoIterator<Item = Result<Input, RecordError>>,
        out: &mut Output<W>,
        on_error: &mut dyn FnMut(&RecordError),
        on_progress: &mut dyn FnMut(&Summary),
    ) -> crate::Result<Summary> {
        let mut summary = Summary::default();
        for input in inputs {
            match input {
                Ok(input) => self.run_input(input, out, on_error, on_progress, &mut summary)?,
                Err(e) => summary.fail(&e, on_error),
            }
        }
        out.flush()?;
        Ok(summary)
    }

    fn run_input<W: Write>(
        &self,
        input: Input,
        out: &mut Output<W>,
        on_error: &mut dyn FnMut(&RecordError),
        on_progress: &mut dyn FnMut(&Summary),
        summary: &mut Summary,
    ) -> crate::Result<()> {
        #[cfg(feature = "parquet")]
        if let Input::Parquet { name, path } = &input {
            return self.parquet_to_jsonl(name, path, out, on_error, on_progress, summary);
        }
        let name = input.name().to_string();
        let mut attributes = match &self.options.attributes {
            Some(dir) => Some(attributes::AttributeFile::create(dir, Path::new(&name))?),
            None => None,
        };
        let (chunk_tx, chunks) = sync_channel::<Chunk>(2);
        let (scored_tx, scored) = sync_channel::<(Vec<(Outcome, Option<Vec<u8>>)>, u64, Option<RecordError>)>(2);
        let options = &self.options;
        std::thread::scope(|scope| {
            // Three stages run at once: reading the next chunk, scoring this one on the
            // rayon pool, writing the previous one here (the callbacks need not be Send).
            let name = &name;
            scope.spawn(move || read_chunks(input, options, |chunk| chunk_tx.send(chunk).is_ok()));
            scope.spawn(move || {
                for Chunk { items, bytes, failure } in chunks {
                    let outcomes = items.par_iter().map(|item| self.score_item(name, item)).collect();
                    // The input lines are dropped here, not held while the outcomes are written.
                    drop(items);
                    if scored_tx.send((outcomes, bytes, failure)).is_err() {
                        return;
                    }
                }
            });
            for (outcomes, bytes, failure) in scored {
                summary.bytes += bytes;
                for (outcome, attribute_line) in outcomes {
                    if let (Some(file), Some(line)) = (attributes.as_mut(), attribute_line) {
                        file.write_line(&line)?;
                    }
                    match outcome {
                        Outcome::Scored(scored) => {
                            out.write_record(&scored.line)?;
                            summary.read += 1;
                            summary.scored += 1;
                            summary.spam += scored.spam as u64;
                        }
                        Outcome::Failed(e) => summary.fail(&e, on_error),
                        Outcome::Skipped(why) => summary.skip(why),
                    }
                }
                if let Some(e) = failure {
                    // What could not be read counts as one failed record.
                    summary.fail(&e, on_error);
                }
                on_progress(summary);
            }
            attributes.map_or(Ok(()), attributes::AttributeFile::finish)
        })
    }

    /// Scores one item: its outcome, and its attribute line (with
    /// [`BatchOptions::attributes`]; none for a skipped record).
    fn score_item(&self, source: &str, item: &Item) -> (Outcome, Option<Vec<u8>>) {
        let mut raw_id = None;
        let outcome = match item {
            Item::Line { line, bytes } => self
                .score_line(bytes, &mut raw_id)
                .map_err(|(id, message)| RecordError::at_line(source, *line, id, message))
                .into(),
            Item::TooLong { line, bytes } => Outcome::Failed(RecordError::at_line(
                source,
                *line,
                None,
                format!(
                    "the record is too large: {bytes} bytes, more than the limit of {} bytes; it was skipped",
                    self.options.max_record_bytes
                ),
            )),
            Item::File { path } => self
                .score_file(path)
                .map_err(|message| RecordError::at_line(&path.display().to_string(), 0, None, message))
                .into(),
            Item::Warc(doc) => self
                .score_warc(doc)
                .map_err(|message| RecordError::at_record(source, doc.number, doc.offset, doc.id.clone(), message))
                .into(),
            Item::Failed(error) => Outcome::Failed(error.clone()),
            Item::Skipped(why) => Outcome::Skipped(*why),
        };
        let attribute_line = self.options.attributes.as_ref().and_then(|_| attribute_id(item, raw_id)).map(|id| {
            let values = match &outcome {
                Outcome::Scored(scored) => scored.attributes.as_deref(),
                _ => None,
            };
            attributes::line(&id, values)
        });
        (outcome, attribute_line)
    }

    /// Scores one JSONL line; on failure, the record's id (if readable) and the message.
    /// With attributes, `raw_id` is set to the raw JSON of the record's id field when it has
    /// one.
    fn score_line(&self, bytes: &[u8], raw_id: &mut Option<String>) -> Result<Scored, (Option<String>, String)> {
        let line = std::str::from_utf8(bytes)
            .map_err(|e| (None, format!("invalid UTF-8 at byte {} of the record", e.valid_up_to())))?;
        let fields = Fields::parse(line).map_err(|m| (None, m))?;
        if self.options.attributes.is_some() {
            *raw_id = fields.get(&self.options.id_field).map(|raw| raw.get().to_string());
        }
        let id = || fields.id(&self.options.id_field);
        let text = fields.text(&self.options.text_field).map_err(|m| (id(), m))?;
        let judged = self.judge(&text).map_err(|e| (id(), e.to_string()))?;
        let mut out = Vec::with_capacity(line.len() + judged.verdict.len() + 16);
        fields.write_with(line, "chaff", &judged.verdict, &mut out);
        out.push(b'\n');
        Ok(judged.scored(out))
    }

    /// Scores one `.txt` document; the output record is `{"id": path, "chaff": …}`.
    fn score_file(&self, path: &std::path::Path) -> Result<Scored, String> {
        let bytes = input::read_document(path).map_err(|e| e.to_string())?;
        let text = decode_text(&bytes).map_err(|e| e.to_string())?;
        let judged = self.judge(text).map_err(|e| e.to_string())?;
        let path = path.display().to_string();
        let line = new_record(&[(&self.options.id_field, Some(&path))], &judged.verdict);
        Ok(judged.scored(line))
    }

    /// Scores the document of a WARC record; the output record is `{"id": WARC-Record-ID,
    /// "url": WARC-Target-URI, "date": WARC-Date, "text": …, "chaff": …}`.
    fn score_warc(&self, document: &warc::Document) -> Result<Scored, String> {
        let text = std::str::from_utf8(document.text())
            .map_err(|e| format!("invalid UTF-8 at byte {} of the record's text", e.valid_up_to()))?;
        let judged = self.judge(text).map_err(|e| e.to_string())?;
        let fields = [
            ("id", document.id.as_deref()),
            ("url", document.url.as_deref()),
            ("date", document.date.as_deref()),
            ("text", Some(text)),
        ];
        let line = new_record(&fields, &judged.verdict);
        Ok(judged.scored(line))
    }

    /// The verdict on `text` as the JSON added under `chaff`, and whether it is spam.
    ///
    /// # Errors
    /// [`crate::Error::TooLarge`] when `text` is over the classifier's limits.
    pub fn verdict_json(&self, text: &str) -> crate::Result<(String, bool)> {
        self.judge(text).map(|judged| (judged.verdict, judged.spam))
    }

    /// The verdict on `text` as it is added to a record.
    fn record_verdict(&self, text: &str, verdict: &Verdict) -> RecordVerdict {
        let spans = || line_spans(text, verdict).into_iter().map(|(s, e, class, p)| (s, e, class.as_str(), p)).collect();
        RecordVerdict {
            label: verdict.label().as_str(),
            p_spam: verdict.p_spam(),
            spam_lines: verdict.lines_of(LineClass::Spam),
            boilerplate_lines: verdict.lines_of(LineClass::Boilerplate),
            clean: self.options.clean.then(|| clean_text(text, verdict, self.options.keep_boilerplate)),
            spans: self.options.spans.then(spans),
        }
    }

    /// The verdict on `text`, and its attribute values when they are asked for.
    fn judge(&self, text: &str) -> crate::Result<Judged> {
        let verdict = self.classifier.classify(text)?;
        let record = self.record_verdict(text, &verdict);
        Ok(Judged {
            verdict: serde_json::to_string(&record).expect("verdicts serialise"),
            spam: verdict.label() == Label::Spam,
            attributes: self.options.attributes.is_some().then(|| attributes::values(text, &verdict)),
        })
    }
}

/// The `id` of an item's attribute line, as raw JSON: the record's id (`raw_id` for a JSONL
/// record), else its line (or WARC record) number; none for a skipped record, which gets no
/// attribute line.
fn attribute_id(item: &Item, raw_id: Option<String>) -> Option<String> {
    let json = |s: &str| serde_json::to_string(s).expect("strings serialise");
    match item {
        Item::Line { line, .. } | Item::TooLong { line, .. } => Some(raw_id.unwrap_or_else(|| line.to_string())),
        Item::File { path } => Some(json(&path.display().to_string())),
        Item::Warc(doc) => Some(doc.id.as_deref().map_or_else(|| doc.number.to_string(), json)),
        Item::Failed(error) => Some(error.id.as_deref().map_or_else(|| error.line.to_string(), json)),
        Item::Skipped(_) => None,
    }
}

/// A new output record: the string `fields` that have a value, in their order, then
/// `chaff` with the raw JSON `verdict`; a whole line.
fn new_record(fields: &[(&str, Option<&str>)], verdict: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(fields.iter().map(|(k, v)| k.len() + v.map_or(0, str::len) + 6).sum::<usize>() + verdict.len() + 12);
    out.push(b'{');
    for (key, value) in fields {
        if let Some(value) = value {
            serde_json::to_writer(&mut out, key).expect("strings serialise");
            out.push(b':');
            serde_json::to_writer(&mut out, value).expect("strings serialise");
            out.push(b',');
        }
    }
    out.extend_from_slice(b"\"chaff\":");
    out.extend_from_slice(verdict.as_bytes());
    out.extend_from_slice(b"}\n");
    out
}

/// The text without spam lines, and without boilerplate lines unless `keep_boilerplate`.
/// Lines are joined by `\n`; a text that ends with a line break keeps one after its last
/// kept line, so cleaning a clean file gives it back.
pub fn clean_text(text: &str, verdict: &Verdict, keep_boilerplate: bool) -> String {
    let doc = Document::new(text);
    let kept: Vec<&str> = doc
        .lines()
        .iter()
        .zip(verdict.lines())
        .filter(|(_, v)| match v.class {
            Some(LineClass::Spam) => false,
            Some(LineClass::Boilerplate) => keep_boilerplate,
            _ => true,
        })
        .map(|(l, _)| l.text)
        .collect();
    let mut cleaned = kept.join("\n");
    if !kept.is_empty() && text.ends_with('\n') {
        cleaned.push('\n');
    }
    cleaned
}

/// `(start, end)` of every line of `text` (one per line of [`Document::new`], blank lines
/// included) in characters: Unicode scalar values, as Python's `str` counts them, end
/// exclusive, without the line end (`\n` or `\r\n`).
pub fn line_char_ranges(text: &str) -> Vec<(usize, usize)> {
    let doc = Document::new(text);
    let mut out = Vec::with_capacity(doc.lines().len());
    let mut chars_before = 0usize;
    let mut byte_pos = 0usize;
    for line in doc.lines() {
        chars_before += text[byte_pos..line.start].chars().count();
        let len = line.text.chars().count();
        out.push((chars_before, chars_before + len));
        chars_before += len;
        byte_pos = line.end();
    }
    out
}

/// `(start, end, class, probability)` of every spam and boilerplate line of `text` under
/// `verdict` (the verdict on that text), in characters as [`line_char_ranges`] counts them:
/// what `chaff score --spans` writes.
pub fn line_spans(text: &str, verdict: &Verdict) -> Vec<(usize, usize, LineClass, f64)> {
    spans_of_lines(&line_char_ranges(text), verdict)
}

/// [`line_spans`] from the text's [`line_char_ranges`], for a caller that already has them.
pub fn spans_of_lines(ranges: &[(usize, usize)], verdict: &Verdict) -> Vec<(usize, usize, LineClass, f64)> {
    ranges
        .iter()
        .copied()
        .zip(verdict.lines())
        .filter_map(|((start, end), v)| match v.class {
            Some(class @ (LineClass::Spam | LineClass::Boilerplate)) => Some((start, end, class, v.probability())),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead;
    use crate::model::Model;

    fn scorer(options: BatchOptions) -> Scorer<'static> {
        Scorer::new(Classifier::new(Model::builtin().unwrap()), options)
    }

    /// A JSONL input of `bytes` named `name`.
    fn jsonl(name: &str, bytes: &[u8]) -> Result<Input, RecordError> {
        Ok(Input::Jsonl { name: name.into(), reader: Box::new(std::io::Cursor::new(bytes.to_vec())) })
    }

    /// Runs `scorer` on `inputs`: the output, the errors and the summary.
    fn run_inputs(scorer: &Scorer, inputs: Vec<Result<Input, RecordError>>) -> (String, Vec<RecordError>, Summary) {
        let mut out = Output::new("out", Vec::new());
        let mut errors = Vec::new();
        let summary = scorer.run(inputs, &mut out, &mut |e| errors.push(e.clone()), &mut |_| {}).unwrap();
        (String::from_utf8(out.get_ref().clone()).unwrap(), errors, summary)
    }

    fn run(input: &str, options: BatchOptions) -> (String, Vec<RecordError>, Summary) {
        run_inputs(&scorer(options), vec![jsonl("in.jsonl", input.as_bytes())])
    }

    /// The `id`s of the output records.
    fn ids(out: &str) -> Vec<u64> {
        out.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_u64().unwrap()).collect()
    }

    #[test]
    fn every_record_is_written_or_reported_in_order() {
        let input = "{\"id\":1,\"text\":\"a\"}\n\n{\"id\":2}\nnot json\n{\"id\":3,\"text\":\"b\"}\n{\"id\":4,\"text\":5}\n";
        let small = BatchOptions { chunk_records: 2, ..BatchOptions::default() };
        let (out, errors, summary) = run(input, small);
        assert_eq!(ids(&out), vec![1, 3]);
        let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 6]);
        assert_eq!(errors[0].to_string(), "in.jsonl:3: no \"text\" field");
        assert_eq!(errors[0].id.as_deref(), Some("2"));
        assert_eq!(errors[2].message, "\"text\" must be a string, got a number");
        assert_eq!(summary.read, 5);
        assert_eq!(summary.read, summary.scored + summary.failed);
    }

    #[test]
    fn records_over_the_limits_are_reported_and_the_next_ones_scored() {
        let options = BatchOptions { max_record_bytes: 64, ..BatchOptions::default() };
        let long = format!("{{\"id\":2,\"text\":\"{}\"}}", "a ".repeat(100));
        let input = format!("{{\"id\":1,\"text\":\"short\"}}\n{long}\n{{\"id\":3,\"text\":\"x\"}}\n{long}");
        let (out, errors, summary) = run(&input, options);
        assert_eq!(out.lines().count(), 2, "{out}");
        assert!(out.contains("\"id\":3"), "the record after the long one is read whole: {out}");
        let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 4]);
        assert_eq!(errors[0].message, "the record is too large: 219 bytes, more than the limit of 64 bytes; it was skipped");
        assert_eq!(errors[1].message, "the record is too large: 218 bytes, more than the limit of 64 bytes; it was skipped");
        assert_eq!((summary.read, summary.scored, summary.failed), (4, 2, 2));
        let limited = Scorer::new(
            Classifier::new(Model::builtin().unwrap()).with_limits(crate::Limits { max_bytes: 1 << 20, max_lines: 2 }),
            BatchOptions::default(),
        );
        let (out, errors, _) =
            run_inputs(&limited, vec![jsonl("in.jsonl", b"{\"id\":\"a\",\"text\":\"1\\n2\\n3\"}\n")]);
        assert!(out.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "in.jsonl:1: the document is too large: 3 lines, more than the limit of 2 lines"
        );
    }

    #[test]
    fn clean_text_and_spans_match_the_lines() {
        let text = "Mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu trong sáng nay.\nHà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu.\nBình luận (0)";
        let s = scorer(BatchOptions { clean: true, spans: true, ..BatchOptions::default() });
        let (json, _) = s.verdict_json(text).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let spans = v["spans"].as_array().unwrap();
        assert_eq!(spans.len(), 1, "{v}");
        let (start, end) = (spans[0][0].as_u64().unwrap() as usize, spans[0][1].as_u64().unwrap() as usize);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[start..end].iter().collect::<String>(), "Bình luận (0)");
        assert_eq!(spans[0][2], "boilerplate");
        assert_eq!(v["clean"], "Mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu trong sáng nay.\nHà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu.");
    }

    #[test]
    fn cleaning_keeps_a_final_line_break() {
        let classifier = Classifier::new(Model::builtin().unwrap());
        let clean = "Mưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu trong sáng nay.\nHà Nội mưa lớn suốt đêm qua.\n";
        let verdict = classifier.classify(clean).unwrap();
        assert_eq!(verdict.lines().len(), 2);
        assert_eq!(clean_text(clean, &verdict, false), clean);
        let without = clean.trim_end();
        assert_eq!(clean_text(without, &classifier.classify(without).unwrap(), false), without);
    }

    /// Reads `data`, then fails, like a truncated compressed stream.
    struct Truncated(std::io::Cursor<Vec<u8>>);

    impl std::io::Read for Truncated {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "stream cut short")),
                n => Ok(n),
            }
        }
    }

    #[test]
    fn an_unreadable_rest_of_input_is_one_reported_failure() {
        let data = "{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"b\"}\n{\"id\":3,\"te".as_bytes().to_vec();
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::BufReader::with_capacity(8, Truncated(std::io::Cursor::new(data))));
        let inputs = vec![
            Ok(Input::Jsonl { name: "cut.jsonl.gz".into(), reader }),
            jsonl("next.jsonl", b"{\"id\":4,\"text\":\"c\"}\n"),
        ];
        let (out, errors, summary) = run_inputs(&scorer(BatchOptions::default()), inputs);
        assert_eq!(ids(&out), vec![1, 2, 4], "the records before the break, then the next input");
        assert_eq!(
            errors[0].to_string(),
            "cut.jsonl.gz:3: the input cannot be read from this line on: stream cut short"
        );
        assert_eq!(errors.len(), 1);
        assert_eq!((summary.read, summary.scored, summary.failed), (4, 3, 1));
    }

    #[test]
    fn a_missing_input_is_one_failure_in_its_place() {
        let missing = Path::new("no/such/input.jsonl");
        let inputs = vec![
            jsonl("a.jsonl", b"{\"id\":1,\"text\":\"a\"}\n"),
            open(missing).map_err(|e| RecordError::unreadable(missing, e)),
            jsonl("b.jsonl", b"{\"id\":2,\"text\":\"b\"}\n{\"id\":3}\n"),
        ];
        let (out, errors, summary) = run_inputs(&scorer(BatchOptions::default()), inputs);
        assert_eq!(ids(&out), vec![1, 2], "the inputs after the missing one are scored");
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            errors,
            vec!["no/such/input.jsonl: No such file or directory (os error 2)", "b.jsonl:2: no \"text\" field"]
        );
        assert_eq!((summary.read, summary.scored, summary.failed), (4, 2, 2));
    }

    #[test]
    fn invalid_utf8_is_reported() {
        let s = scorer(BatchOptions::default());
        let err = s.score_line(b"{\"text\":\"caf\xe9\"}", &mut None).unwrap_err();
        assert_eq!(err.1, "invalid UTF-8 at byte 12 of the record");
    }
}
