//! The library's one error type.

use std::path::{Path, PathBuf};

/// Everything that can go wrong in chaff's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {error}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error (part of the message, so not a `source`: chains would print
        /// it twice).
        error: std::io::Error,
    },
    /// Input that is not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset} (line {line}); chaff reads UTF-8 text")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// Input that looks binary (has a NUL byte).
    #[error("binary data (NUL byte at offset {offset}); chaff classifies text")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// A document over the classifier's [`crate::Limits`]: it is not classified (never
    /// silently cut).
    #[error("the document is too large: {got} {unit}, more than the limit of {limit} {unit}")]
    TooLarge {
        /// `bytes` or `lines`.
        unit: &'static str,
        /// The document's size in that unit.
        got: usize,
        /// The limit.
        limit: usize,
    },
    /// An input of a kind chaff does not read (Parquet, a zip archive, binary data): it is
    /// refused whole, once.
    #[error("{}: not a JSONL file: looks like {kind} (chaff reads JSONL, WET/WARC, plain or gzip/zstd/bzip2/xz)", path.display())]
    InputFormat {
        /// The input.
        path: PathBuf,
        /// What it looks like.
        kind: String,
    },
    /// A Parquet input to a chaff built without the `parquet` feature.
    #[error("{}: looks like Parquet: this chaff was built without Parquet support; build it with `--features parquet` to read it", path.display())]
    ParquetNotBuilt {
        /// The input.
        path: PathBuf,
    },
    /// A Parquet input that cannot be read (with the `parquet` feature): a damaged file, one
    /// without the text column, Parquet on standard input or inside a compressed stream.
    #[error("{}: {message}", path.display())]
    Parquet {
        /// The input.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Input with no text at all.
    #[error("empty input: no text to classify")]
    Empty,
    /// A model file that is not a chaff model or is damaged.
    #[error("not a valid chaff model: {0}")]
    ModelFormat(String),
    /// A model file of a format version this binary does not read.
    #[error("model file version {got} is not supported: this chaff reads versions {oldest} to {newest}")]
    ModelVersion {
        /// The oldest version this binary reads.
        oldest: u32,
        /// The version this binary writes, the newest it reads.
        newest: u32,
        /// The version in the file.
        got: u64,
    },
    /// A model whose feature list differs from this binary's extractors.
    #[error(
        "the model does not match this chaff's {model} features: expected {expected} features, \
         got {got}; first difference at position {position}: expected `{expected_name}`, got \
         `{got_name}`. Retrain the model with this version (`chaff train`)"
    )]
    FeatureMismatch {
        /// `line`, `stacked` or `document`.
        model: &'static str,
        /// Number of features this binary extracts.
        expected: usize,
        /// Number of features in the model.
        got: usize,
        /// First position where the names differ.
        position: usize,
        /// This binary's name at that position.
        expected_name: String,
        /// The model's name at that position.
        got_name: String,
    },
    /// The model built into the binary does not load.
    #[error("the built-in model does not load ({0}); rebuild it with `chaff train`")]
    BuiltinModel(String),
    /// A record of a training or evaluation data set is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Dataset {
        /// The data file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Training parameters or data that cannot be used.
    #[error("cannot train: {0}")]
    Training(String),
    /// Writing an output failed (a full disk, a closed pipe). `written` records reached it
    /// whole; when `whole`, nothing after them did (an output file is cut back to them).
    /// The message includes the I/O error, which is therefore not given as the `source()`.
    #[error("cannot write {name}: {error}; {}", written_note(*written, *whole))]
    Output {
        /// The output's name (`standard output` or the file).
        name: String,
        /// Records written whole.
        written: u64,
        /// Whether the output ends with the last whole record (no part of the next one).
        whole: bool,
        /// The write error.
        error: std::io::Error,
    },
    /// The solver failed.
    #[error("fitting failed: {0}")]
    Fit(String),
}

impl Error {
    /// An [`Error::Io`] for `path`.
    pub fn io(path: &Path, error: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), error }
    }
}

/// How many records an output holds, for [`Error::Output`].
fn written_note(written: u64, whole: bool) -> String {
    match (written, whole) {
        (0, true) => "no records were written".into(),
        (1, true) => "1 record was written, whole".into(),
        (n, true) => format!("{n} records were written, the last one whole"),
        (0, false) => "no record was written whole, only part of one".into(),
        (1, false) => "1 record was written whole, then part of one".into(),
        (n, false) => format!("{n} records were written whole, then part of one"),
    }
}

/// `Result` with chaff's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
