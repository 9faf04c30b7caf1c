//! dolma-style attribute files (`chaff score --attributes DIR`): for each input, a JSONL
//! file of the same name in `DIR` with one line per input record, in the same order, giving
//! the character spans of its spam and boilerplate lines and its spam probability:
//!
//! ```json
//! {"id": "p1", "attributes": {"chaff__spam": [[0, 42, 0.97]], "chaff__boilerplate": [[120, 133, 0.88]], "chaff__doc": [[0, 2048, 0.98]]}}
//! ```
//!
//! Offsets count characters (Unicode scalar values, as Python's `str` does), end exclusive,
//! a line without its line end. A record that failed gets `"attributes": {}`, so that the
//! file keeps one line per record; a WARC record skipped for holding no page gets no line.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::classifier::Verdict;
use crate::error::{Error, Result};
use crate::model::LineClass;

/// The attribute values of one scored text.
#[derive(Serialize)]
struct Values {
    #[serde(rename = "chaff__spam")]
    spam: Vec<(usize, usize, f64)>,
    #[serde(rename = "chaff__boilerplate")]
    boilerplate: Vec<(usize, usize, f64)>,
    #[serde(rename = "chaff__doc")]
    doc: [(usize, usize, f64); 1],
}

/// The attribute values of `text` with `verdict`, as JSON.
pub(super) fn values(text: &str, verdict: &Verdict) -> String {
    let spans = super::line_spans(text, verdict);
    let of = |class: LineClass| spans.iter().filter(|s| s.2 == class).map(|s| (s.0, s.1, s.3)).collect();
    let values = Values {
        spam: of(LineClass::Spam),
        boilerplate: of(LineClass::Boilerplate),
        doc: [(0, text.chars().count(), verdict.p_spam())],
    };
    serde_json::to_string(&values).expect("attributes serialise")
}

/// An attribute line: `{"id": id, "attributes": values}`, where `id` is raw JSON and
/// `values` the JSON of [`values`], or `{}` for a failed record.
pub(super) fn line(id: &str, values: Option<&str>) -> Vec<u8> {
    format!("{{\"id\":{id},\"attributes\":{}}}\n", values.unwrap_or("{}")).into_bytes()
}

/// The name of the attribute file of the input at `path`: its file name (`stdin.jsonl` for
/// standard input, `<folder>.jsonl` for a folder of `.txt` files). Two inputs of the same
/// file name have the same attribute file.
pub fn file_name(path: &Path) -> String {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    match path.as_os_str() == "-" {
        true => "stdin.jsonl".to_string(),
        false if path.is_dir() => format!("{name}.jsonl"),
        false => name,
    }
}

/// An attribute file being written, compressed as its name says (`.gz`, `.zst`, `.bz2`,
/// `.xz`; plain otherwise).
pub(super) struct AttributeFile {
    path: PathBuf,
    writer: Encoder,
}

/// The writer of an attribute file.
enum Encoder {
    Plain(BufWriter<File>),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
    Zstd(zstd::stream::write::Encoder<'static, BufWriter<File>>),
    Bzip2(bzip2::write::BzEncoder<BufWriter<File>>),
    Xz(xz2::write::XzEncoder<BufWriter<File>>),
}

impl AttributeFile {
    /// Creates `dir/<file name of the input at input>` (and `dir`).
    ///
    /// # Errors
    /// [`Error::Io`] when the folder or the file cannot be created.
    pub(super) fn create(dir: &Path, input: &Path) -> Result<Self> {
        let path = dir.join(file_name(input));
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let file = BufWriter::new(File::create(&path).map_err(|e| Error::io(&path, e))?);
        let name = path.to_string_lossy();
        let writer = if name.ends_with(".gz") {
            Encoder::Gzip(flate2::write::GzEncoder::new(file, flate2::Compression::default()))
        } else if name.ends_with(".zst") {
            Encoder::Zstd(zstd::stream::write::Encoder::new(file, 3).map_err(|e| Error::io(&path, e))?)
        } else if name.ends_with(".bz2") {
            Encoder::Bzip2(bzip2::write::BzEncoder::new(file, bzip2::Compression::default()))
        } else if name.ends_with(".xz") {
            Encoder::Xz(xz2::write::XzEncoder::new(file, 6))
        } else {
            Encoder::Plain(file)
        };
        Ok(AttributeFile { path, writer })
    }

    /// Writes one attribute line.
    ///
    /// # Errors
    /// [`Error::Io`] when writing fails.
    pub(super) fn write_line(&mut self, line: &[u8]) -> Result<()> {
        let writer: &mut dyn Write = match &mut self.writer {
            Encoder::Plain(w) => w,
            Encoder::Gzip(w) => w,
            Encoder::Zstd(w) => w,
            Encoder::Bzip2(w) => w,
            Encoder::Xz(w) => w,
        };
        writer.write_all(line).map_err(|e| Error::io(&self.path, e))
    }

    /// Ends the compressed stream and flushes the file.
    ///
    /// # Errors
    /// [`Error::Io`] when writing fails.
    pub(super) fn finish(self) -> Result<()> {
        let file = match self.writer {
            Encoder::Plain(w) => Ok(w),
            Encoder::Gzip(w) => w.finish(),
            Encoder::Zstd(w) => w.finish(),
            Encoder::Bzip2(w) => w.finish(),
            Encoder::Xz(w) => w.finish(),
        };
        file.and_then(|mut f| f.flush()).map_err(|e| Error::io(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Classifier, Model};

    /// Vietnamese with an injected promotion, a Chinese editor line naming a betting site,
    /// unrelated headlines, emoji and a CRLF line end: byte and character offsets differ.
    fn multilingual() -> String {
        let sample = include_str!("../../tests/data/sample_vi.txt");
        format!("🎉 北京今天下雨，Hà Nội nắng đẹp 🌞\r\n{sample}")
    }

    /// `(start, end)` in characters of every line of `text`, without its line end.
    fn char_lines(text: &str) -> Vec<(usize, usize)> {
        let mut at = 0;
        text.split('\n')
            .map(|piece| {
                let start = at;
                at += piece.chars().count() + 1;
                (start, start + piece.strip_suffix('\r').unwrap_or(piece).chars().count())
            })
            .collect()
    }

    #[test]
    fn spans_are_the_lines_of_their_class_in_characters() {
        let text = multilingual();
        let verdict = Classifier::new(Model::builtin().unwrap()).classify(&text).unwrap();
        let values: serde_json::Value = serde_json::from_str(&values(&text, &verdict)).unwrap();
        let lines = char_lines(&text);
        let chars: Vec<char> = text.chars().collect();
        for (key, class) in [("chaff__spam", LineClass::Spam), ("chaff__boilerplate", LineClass::Boilerplate)] {
            let spans: Vec<(usize, usize)> = values[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize))
                .collect();
            let expected: Vec<(usize, usize)> = verdict.lines_of(class).iter().map(|&i| lines[i]).collect();
            assert_eq!(spans, expected, "{key}");
            assert!(!spans.is_empty(), "{key}: the sample has such lines");
            for (start, end) in spans {
                let piece: String = chars[start..end].iter().collect();
                assert!(text.split('\n').any(|l| l.strip_suffix('\r').unwrap_or(l) == piece), "{key}: {piece:?} is a whole line");
            }
        }
        let editor = lines[11];
        assert_eq!(chars[editor.0..editor.1].iter().collect::<String>(), "(责任编辑:Tỷ Lệ Kèo Nhà Cái)");
        assert!(values["chaff__spam"].as_array().unwrap().iter().any(|s| s[0] == editor.0 && s[1] == editor.1));
        assert_ne!(text.find("(责任编辑").unwrap(), editor.0, "byte and character offsets differ here");
        let doc = &values["chaff__doc"][0];
        assert_eq!((doc[0].as_u64(), doc[1].as_u64()), (Some(0), Some(chars.len() as u64)));
        assert_eq!(doc[2].as_f64(), Some(verdict.p_spam()));
    }

    #[test]
    fn attribute_files_are_named_after_their_inputs() {
        assert_eq!(file_name(Path::new("-")), "stdin.jsonl");
        assert_eq!(file_name(Path::new("crawl/2026/docs.jsonl.gz")), "docs.jsonl.gz");
        assert_eq!(file_name(Path::new("src")), "src.jsonl", "a folder");
        assert_eq!(line("7", None), b"{\"id\":7,\"attributes\":{}}\n");
    }
}
