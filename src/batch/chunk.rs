//! Inputs cut into chunks of items, read ahead of the scoring: the lines of a JSONL input,
//! the files of a folder (the records of a WARC input are read in [`super::warc`]).

use std::io::{self, BufRead};
use std::path::PathBuf;

use super::{BatchOptions, Input, RecordError, warc};

/// One unit of input: a JSONL line, a whole `.txt` file or a WARC record.
pub(super) enum Item {
    /// A JSONL record: its 1-based line and its bytes, without the line end.
    Line { line: u64, bytes: Vec<u8> },
    /// A JSONL record over [`BatchOptions::max_record_bytes`], skipped.
    TooLong { line: u64, bytes: u64 },
    /// A `.txt` document of a folder.
    File { path: PathBuf },
    /// A document in a WARC record.
    Warc(warc::Document),
    /// A record that could not be read, reported as it is.
    Failed(RecordError),
    /// A WARC record without a document.
    Skipped(warc::Skip),
}

/// A chunk of input: its items, the bytes read, and the error that stopped the reading
/// after them, if one did.
#[derive(Default)]
pub(super) struct Chunk {
    /// The items, in input order.
    pub(super) items: Vec<Item>,
    /// The input bytes read for them.
    pub(super) bytes: u64,
    /// What stopped the reading after them.
    pub(super) failure: Option<RecordError>,
}

/// Reads `input` in chunks, handing each to `send` until it returns false.
pub(super) fn read_chunks(input: Input, options: &BatchOptions, mut send: impl FnMut(Chunk) -> bool) {
    match input {
        Input::Jsonl { mut reader, name } => {
            let mut line_no = 0u64;
            loop {
                let (chunk, more) = read_line_chunk(&mut reader, &name, options, &mut line_no);
                if !send(chunk) || !more {
                    return;
                }
            }
        }
        Input::Warc { reader, name } => warc::read_chunks(reader, &name, options, send),
        // Parquet inputs are read in Arrow batches by `super::parquet`, not in chunks.
        #[cfg(feature = "parquet")]
        Input::Parquet { .. } => {}
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
fn read_line_chunk(reader: &mut dyn BufRead, name: &str, options: &BatchOptions, line_no: &mut u64) -> (Chunk, bool) {
    let mut chunk = Chunk::default();
    while chunk.items.len() < options.chunk_records && chunk.bytes < options.chunk_bytes as u64 {
        let mut buf = Vec::new();
        let read = read_bounded_line(reader, options.max_record_bytes, &mut buf);
        let (n, complete) = match read {
            Ok(r) => r,
            Err(e) => {
                let message = format!("the input cannot be read from this line on: {e}");
                chunk.failure = Some(RecordError::at_line(name, *line_no + 1, None, message));
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
pub(super) fn read_bounded_line(reader: &mut dyn BufRead, max: usize, buf: &mut Vec<u8>) -> io::Result<(u64, bool)> {
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

