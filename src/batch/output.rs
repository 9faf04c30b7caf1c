//! The output of a batch run: scored records, buffered, and counted as they reach the
//! writer, so that a failed write (a full disk) can say how many records were written and
//! leave an output file that ends with a whole record.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Bytes buffered before they are written.
const BUFFER: usize = 1 << 20;

/// Where scored records go: a file, standard output or any writer.
///
/// Records are buffered and written in large pieces. The output counts the records that
/// reached its writer whole; when a write fails, [`Error::Output`] names the output and
/// gives that count, and an output file made by [`Output::create`] is cut back to the end
/// of its last whole record. After an error, nothing more should be written to it.
pub struct Output<W: Write = Box<dyn Write>> {
    name: String,
    writer: W,
    /// The output file, when there is one, to cut back after a failed write.
    file: Option<File>,
    buffer: Vec<u8>,
    /// Where each buffered record ends in `buffer`.
    ends: Vec<usize>,
    capacity: usize,
    /// Records that reached the writer whole, and their bytes.
    records: u64,
    bytes: u64,
}

impl Output {
    /// Creates (or truncates) the file at `path`.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be created.
    pub fn create(path: &Path) -> Result<Self> {
        let file = File::create(path).map_err(|e| Error::io(path, e))?;
        let cut = file.try_clone().map_err(|e| Error::io(path, e))?;
        let mut output = Output::new(path.display().to_string(), Box::new(file) as Box<dyn Write>);
        output.file = Some(cut);
        Ok(output)
    }

    /// Standard output, named `standard output` in messages. It is written without the
    /// standard library's line buffer in between (on Unix), so that the count of records
    /// written stays exact; it is never cut back.
    pub fn stdout() -> Self {
        Output::new("standard output", raw_stdout())
    }
}

impl<W: Write> Output<W> {
    /// Records to `writer`, named `name` in messages; never cut back. The count of records
    /// written is exact when `writer` does not buffer (give it a file, not a `BufWriter`).
    pub fn new(name: impl Into<String>, writer: W) -> Self {
        Output {
            name: name.into(),
            writer,
            file: None,
            buffer: Vec::with_capacity(BUFFER),
            ends: Vec::new(),
            capacity: BUFFER,
            records: 0,
            bytes: 0,
        }
    }

    /// The writer.
    pub fn get_ref(&self) -> &W {
        &self.writer
    }

    /// The output's name in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Records that reached the writer whole (not those still buffered).
    pub fn written(&self) -> u64 {
        self.records
    }

    /// Adds one record, a whole line with its `\n`.
    ///
    /// # Errors
    /// [`Error::Output`] when writing the buffer fails.
    pub fn write_record(&mut self, record: &[u8]) -> Result<()> {
        debug_assert!(record.ends_with(b"\n"), "a record is a whole line");
        self.buffer.extend_from_slice(record);
        self.ends.push(self.buffer.len());
        if self.buffer.len() >= self.capacity { self.write_buffer() } else { Ok(()) }
    }

    /// Writes the buffered records and flushes the writer.
    ///
    /// # Errors
    /// [`Error::Output`] when writing or flushing fails.
    pub fn flush(&mut self) -> Result<()> {
        self.write_buffer()?;
        self.writer.flush().map_err(|e| self.failure(e, false))
    }

    /// Writes the buffer and counts the records that went whole. On an error, the records
    /// still buffered are dropped (they are not counted as written).
    fn write_buffer(&mut self) -> Result<()> {
        let (done, result) = write_counted(&mut self.writer, &self.buffer);
        let whole = self.ends.partition_point(|&end| end <= done);
        let whole_bytes = whole.checked_sub(1).map_or(0, |last| self.ends[last]);
        self.records += whole as u64;
        self.bytes += whole_bytes as u64;
        self.buffer.clear();
        self.ends.clear();
        result.map_err(|e| self.failure(e, done > whole_bytes))
    }

    /// The error for a failed write; `partial` when part of a record reached the writer, in
    /// which case an output file is cut back to its last whole record.
    fn failure(&mut self, source: io::Error, partial: bool) -> Error {
        let whole = !partial || self.file.as_ref().is_some_and(|f| f.set_len(self.bytes).is_ok());
        Error::Output { name: self.name.clone(), written: self.records, whole, error: source }
    }
}

impl<W: Write> Drop for Output<W> {
    /// Writes what is still buffered, like `BufWriter`; errors are ignored here (call
    /// [`Output::flush`] to see them).
    fn drop(&mut self) {
        if !self.buffer.is_empty() {
            let _ = self.write_buffer();
        }
    }
}

/// Writes `bytes` to `writer`: how many it took, and the error that stopped it, if any.
fn write_counted(writer: &mut dyn Write, bytes: &[u8]) -> (usize, io::Result<()>) {
    let mut done = 0;
    while done < bytes.len() {
        match writer.write(&bytes[done..]) {
            Ok(0) => return (done, Err(io::ErrorKind::WriteZero.into())),
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (done, Err(e)),
        }
    }
    (done, Ok(()))
}

/// Standard output as a file of its own descriptor: `io::Stdout`'s line buffer would take
/// bytes that may never reach the output, and spoil the count.
#[cfg(unix)]
fn raw_stdout() -> Box<dyn Write> {
    use std::os::fd::AsFd;
    match io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(File::from(fd)),
        Err(_) => Box::new(io::stdout()),
    }
}

#[cfg(not(unix))]
fn raw_stdout() -> Box<dyn Write> {
    Box::new(io::stdout())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes `room` bytes, then fails like a full disk; with `file`, the bytes go there.
    struct Full {
        room: usize,
        taken: Vec<u8>,
        file: Option<File>,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            // Short writes, as a nearly full disk gives.
            let n = buf.len().min(self.room).min(7);
            if n == 0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "No space left on device"));
            }
            self.room -= n;
            self.taken.extend_from_slice(&buf[..n]);
            if let Some(f) = self.file.as_mut() {
                f.write_all(&buf[..n])?;
            }
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn records(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{{\"id\":{i},\"text\":\"{}\"}}\n", "x".repeat(i % 5))).collect()
    }

    #[test]
    fn a_full_disk_is_reported_with_the_whole_records_written() {
        let path = std::env::temp_dir().join(format!("chaff-output-{}.jsonl", std::process::id()));
        let file = File::create(&path).unwrap();
        let all = records(40);
        let room = all[..23].concat().len() + 5;
        let full = Full { room, taken: Vec::new(), file: Some(file.try_clone().unwrap()) };
        let mut out = Output::new("out.jsonl", full);
        out.file = Some(file);
        out.capacity = 100;
        let err = all.iter().try_for_each(|r| out.write_record(r.as_bytes())).and_then(|()| out.flush()).unwrap_err();
        assert_eq!(out.written(), 23);
        assert_eq!(
            err.to_string(),
            "cannot write out.jsonl: No space left on device; 23 records were written, the last one whole"
        );
        assert_eq!(out.get_ref().taken.len(), room, "part of the 24th record reached the file");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), all[..23].concat(), "then it was cut off");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn an_output_that_cannot_be_cut_says_so() {
        let all = records(10);
        let room = all[..3].concat().len() + 2;
        let mut out = Output::new("standard output", Full { room, taken: Vec::new(), file: None });
        out.capacity = 10;
        let err = all.iter().try_for_each(|r| out.write_record(r.as_bytes())).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot write standard output: No space left on device; 3 records were written whole, then part of one"
        );
        let mut nothing = Output::new("full", Full { room: 0, taken: Vec::new(), file: None });
        nothing.write_record(b"{}\n").unwrap();
        assert_eq!(
            nothing.flush().unwrap_err().to_string(),
            "cannot write full: No space left on device; no records were written"
        );
    }

    #[test]
    fn records_are_written_in_order_and_counted() {
        let mut out = Output::new("out", Vec::new());
        out.capacity = 64;
        let all = records(100);
        for r in &all {
            out.write_record(r.as_bytes()).unwrap();
        }
        out.flush().unwrap();
        assert_eq!(out.written(), 100);
        assert_eq!(out.get_ref(), all.concat().as_bytes());
    }
}
