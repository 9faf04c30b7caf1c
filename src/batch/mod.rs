//! Batch scoring for pipelines: JSONL records in, the same records out with chaff's verdict
//! added, in input order, on all cores, with memory bounded by the chunk size.
//!
//! A reader thread cuts the input into chunks of records; each chunk is scored in parallel
//! (rayon) and written in order before the next but one is read. Every record yields exactly
//! one output line or one [`RecordError`], so `read = scored + failed` always holds; an
//! input that cannot be opened counts as one failed record, and the others are scored.

pub mod input;
pub mod output;
pub mod record;

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;
use serde::Serialize;

use crate::classifier::{Classifier, Label, Verdict};
use crate::document::{Document, decode_text};
use crate::model::LineClass;
pub use input::{Input, open};
pub use output::Output;
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
    /// 1-based line of the record in its input (for folders: 0, the file is the source).
    pub line: u64,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl RecordError {
    /// The error that stands for a whole input which could not be opened (at line 0): it
    /// counts as one failed record.
    pub fn unreadable(path: &Path, error: crate::Error) -> Self {
        let message = match error {
            crate::Error::Io { path: p, error } if p == path => error.to_string(),
            other => other.to_string(),
        };
        RecordError { source: path.display().to_string(), line: 0, id: None, message }
    }
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.source, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.source, self.message)
        }
    }
}

/// Counts of a batch run. `read == scored + failed`.
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
    /// Input bytes read (decompressed).
    pub bytes: u64,
}

impl Summary {
    /// Counts `error` as a record read and failed, and reports it.
    fn fail(&mut self, error: &RecordError, on_error: &mut dyn FnMut(&RecordError)) {
        self.read += 1;
        self.failed += 1;
        on_error(error);
    }
}

/// One unit of input: a JSONL line or a whole `.txt` file.
enum Item {
    Line { line: u64, bytes: Vec<u8> },
    /// A JSONL record over [`BatchOptions::max_record_bytes`], skipped.
    TooLong { line: u64, bytes: u64 },
    File { path: PathBuf },
}

/// A chunk of input: its items, the bytes read, and the error that stopped the reading
/// after them, if one did (with its line).
#[derive(Default)]
struct Chunk {
    items: Vec<Item>,
    bytes: u64,
    failure: Option<(u64, io::Error)>,
}

/// The outcome of one item: an output line, or an error.
type Outcome = Result<(Vec<u8>, bool), RecordError>;

/// Scores batches with one classifier.
pub struct Scorer<'m> {
    classifier: Classifier<'m>,
    options: BatchOptions,
}

/// chaff's verdict as it is added to each record.
#[derive(Serialize)]
struct RecordVerdict<'a> {
    label: &'static str,
    p_spam: f64,
    spam_lines: Vec<usize>,
    boilerplate_lines: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clean: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    spans: Option<Vec<(usize, usize, &'a str, f64)>>,
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
    /// # Errors
    /// Only [`crate::Error::Output`], when writing to `out` fails (a closed pipe included);
    /// it gives the number of records written. Bad records are reported through `on_error`
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
        let name = input.name().to_string();
        let (chunk_tx, chunks) = sync_channel::<Chunk>(2);
        let (scored_tx, scored) = sync_channel::<(Vec<Outcome>, u64, Option<(u64, io::Error)>)>(2);
        let options = &self.options;
        std::thread::scope(|scope| {
            // Three stages run at once: reading the next chunk, scoring this one on the
            // rayon pool, writing the previous one here (the callbacks need not be Send).
            scope.spawn(move || read_chunks(input, options, |chunk| chunk_tx.send(chunk).is_ok()));
            let name = &name;
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
                for outcome in outcomes {
                    match outcome {
                        Ok((line, spam)) => {
                            out.write_record(&line)?;
                            summary.read += 1;
                            summary.scored += 1;
                            summary.spam += spam as u64;
                        }
                        Err(e) => summary.fail(&e, on_error),
                    }
                }
                if let Some((line, e)) = failure {
                    // What could not be read counts as one failed record.
                    let message = format!("the input cannot be read from this line on: {e}");
                    summary.fail(&RecordError { source: name.clone(), line, id: None, message }, on_error);
                }
                on_progress(summary);
            }
            Ok(())
        })
    }

    fn score_item(&self, source: &str, item: &Item) -> Outcome {
        match item {
            Item::Line { line, bytes } => self.score_line(bytes).map_err(|(id, message)| RecordError {
                source: source.to_string(),
                line: *line,
                id,
                message,
            }),
            Item::TooLong { line, bytes } => Err(RecordError {
                source: source.to_string(),
                line: *line,
                id: None,
                message: format!(
                    "the record is too large: {bytes} bytes, more than the limit of {} bytes; it was skipped",
                    self.options.max_record_bytes
                ),
            }),
            Item::File { path } => self.score_file(path).map_err(|message| RecordError {
                source: path.display().to_string(),
                line: 0,
                id: None,
                message,
            }),
        }
    }

    /// Scores one JSONL line; on failure, the record's id (if readable) and the message.
    fn score_line(&self, bytes: &[u8]) -> Result<(Vec<u8>, bool), (Option<String>, String)> {
        let line = std::str::from_utf8(bytes)
            .map_err(|e| (None, format!("invalid UTF-8 at byte {} of the record", e.valid_up_to())))?;
        let fields = Fields::parse(line).map_err(|m| (None, m))?;
        let id = || fields.id(&self.options.id_field);
        let text = fields.text(&self.options.text_field).map_err(|m| (id(), m))?;
        let (verdict, spam) = self.verdict_json(&text).map_err(|e| (id(), e.to_string()))?;
        let mut out = Vec::with_capacity(line.len() + verdict.len() + 16);
        fields.write_with(line, "chaff", &verdict, &mut out);
        out.push(b'\n');
        Ok((out, spam))
    }

    /// Scores one `.txt` document; the output record is `{"id": path, "chaff": …}`.
    fn score_file(&self, path: &std::path::Path) -> Result<(Vec<u8>, bool), String> {
        let bytes = input::read_document(path).map_err(|e| e.to_string())?;
        let text = decode_text(&bytes).map_err(|e| e.to_string())?;
        let (verdict, spam) = self.verdict_json(text).map_err(|e| e.to_string())?;
        let id = serde_json::to_string(&path.display().to_string()).expect("strings serialise");
        let mut out = format!("{{\"{}\":{id},\"chaff\":{verdict}}}\n", self.options.id_field).into_bytes();
        out.shrink_to_fit();
        Ok((out, spam))
    }

    /// The verdict on `text` as the JSON added under `chaff`, and whether it is spam.
    ///
    /// # Errors
    /// [`crate::Error::TooLarge`] when `text` is over the classifier's limits.
    pub fn verdict_json(&self, text: &str) -> crate::Result<(String, bool)> {
        let verdict = self.classifier.classify(text)?;
        let record = RecordVerdict {
            label: verdict.label().as_str(),
            p_spam: verdict.p_spam(),
            spam_lines: verdict.lines_of(LineClass::Spam),
            boilerplate_lines: verdict.lines_of(LineClass::Boilerplate),
            clean: self.options.clean.then(|| clean_text(text, &verdict, self.options.keep_boilerplate)),
            spans: self.options.spans.then(|| spans(text, &verdict)),
        };
        Ok((serde_json::to_string(&record).expect("verdicts serialise"), verdict.label() == Label::Spam))
    }
}

/// Reads `input` in chunks, handing each to `send` until it returns false.
fn read_chunks(input: Input, options: &BatchOptions, mut send: impl FnMut(Chunk) -> bool) {
    match input {
        Input::Jsonl { mut reader, .. } => {
            let mut line_no = 0u64;
            loop {
                let (chunk, more) = read_line_chunk(&mut reader, options, &mut line_no);
                if !send(chunk) || !more {
                    return;
                }
            }
        }
        Input::Folder { files, .. } => {
            for group in files.chunks(options.chunk_records.max(1)) {
                let items = group.iter().map(|p| Item::File { path: p.clone() }).collect();
                if !send(Chunk { items, ..Chunk::default() }) {
                    return;
                }
            }
        }
    }
}

/// Up to `chunk_records` non-blank lines or `chunk_bytes` bytes of JSONL, and whether there
/// may be more. Blank lines are not records: they are skipped. A line over
/// `max_record_bytes` is read past and becomes an [`Item::TooLong`]. A read error (a
/// truncated or corrupt compressed stream) ends the input: the lines before it are kept, and
/// the error is the chunk's `failure`.
fn read_line_chunk(reader: &mut dyn BufRead, options: &BatchOptions, line_no: &mut u64) -> (Chunk, bool) {
    let mut chunk = Chunk::default();
    while chunk.items.len() < options.chunk_records && chunk.bytes < options.chunk_bytes as u64 {
        let mut buf = Vec::new();
        let read = read_bounded_line(reader, options.max_record_bytes, &mut buf);
        let (n, complete) = match read {
            Ok(r) => r,
            Err(e) => {
                chunk.failure = Some((*line_no + 1, e));
                return (chunk, false);
            }
        };
        if n == 0 {
            return (chunk, false);
        }
        *line_no += 1;
        chunk.bytes += n;
        if !complete {
            chunk.items.push(Item::TooLong { line: *line_no, bytes: n });
            continue;
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        if !buf.iter().all(u8::is_ascii_whitespace) {
            chunk.items.push(Item::Line { line: *line_no, bytes: buf });
        }
    }
    (chunk, true)
}

/// Reads one line into `buf`, keeping at most `max` bytes: returns the bytes the line took
/// in the input (with its `\n`) and whether it was kept whole. A longer line is read to its
/// end and dropped.
fn read_bounded_line(reader: &mut dyn BufRead, max: usize, buf: &mut Vec<u8>) -> io::Result<(u64, bool)> {
    let kept = io::Read::take(&mut *reader, max as u64 + 1).read_until(b'\n', buf)? as u64;
    if buf.len() <= max || buf.last() == Some(&b'\n') {
        return Ok((kept, true));
    }
    buf.clear();
    let mut skipped = kept;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok((skipped, false));
        }
        let (used, end) = match memchr::memchr(b'\n', available) {
            Some(k) => (k + 1, true),
            None => (available.len(), false),
        };
        reader.consume(used);
        skipped += used as u64;
        if end {
            return Ok((skipped, false));
        }
    }
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

/// `[start, end, class, probability]` of every spam and boilerplate line, in characters.
fn spans<'a>(text: &str, verdict: &'a Verdict) -> Vec<(usize, usize, &'a str, f64)> {
    let doc = Document::new(text);
    let mut out = Vec::new();
    let mut chars_before = 0usize;
    let mut byte_pos = 0usize;
    for (line, v) in doc.lines().iter().zip(verdict.lines()) {
        chars_before += text[byte_pos..line.start].chars().count();
        let len = line.text.chars().count();
        if let Some(class @ (LineClass::Spam | LineClass::Boilerplate)) = v.class {
            out.push((chars_before, chars_before + len, class.as_str(), v.probability()));
        }
        chars_before += len;
        byte_pos = line.end();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let err = s.score_line(b"{\"text\":\"caf\xe9\"}").unwrap_err();
        assert_eq!(err.1, "invalid UTF-8 at byte 12 of the record");
    }
}
