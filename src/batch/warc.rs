//! WARC and WET input (the archives of Common Crawl): a streaming reader of WARC records,
//! and the documents chaff scores in them.
//!
//! A record is a version line (`WARC/1.0` or `WARC/1.1`), header lines (`Name: value`), an
//! empty line, `Content-Length` bytes of block, then `\r\n\r\n`. A WET file holds one
//! `conversion` record per page, whose block is the page's text; a WARC file holds the
//! crawl's `response` records, whose block is an HTTP response: a `text/plain` payload is a
//! document, HTML and other payloads are skipped and counted. Records that hold no document
//! (`warcinfo`, `request`, `metadata`, `revisit`, …) are skipped too. One record's block is
//! held at a time, and none over the record limit.
//!
//! A record that cannot be read (a bad header, a block cut short by the end of the input)
//! is reported with its number and byte offset (in the decompressed stream); after a bad
//! header the reader goes on from the next line that starts a record.

use std::io::{self, BufRead, Read};

use super::chunk::{Chunk, Item, read_bounded_line};
use super::{BatchOptions, RecordError};

/// The version lines chaff reads.
const VERSIONS: [&[u8]; 2] = [b"WARC/1.0", b"WARC/1.1"];

/// The longest header line read; a longer one makes the record malformed.
const MAX_LINE: usize = 64 << 10;

/// The most header lines a record may have.
const MAX_HEADERS: usize = 1024;

/// The start of the message for a record that does not start with a version line.
const EXPECTED: &str = "expected a WARC record (WARC/1.0 or WARC/1.1)";

/// One line of the input.
enum Line {
    /// The line without its line end (`\r\n` or `\n`).
    Bytes(Vec<u8>),
    /// A line over [`MAX_LINE`], read past: its length.
    TooLong(u64),
    /// The end of the input.
    End,
}

/// Whether `head`, the first bytes of an input, starts a WARC (or WET) file.
pub fn is_warc(head: &[u8]) -> bool {
    VERSIONS.iter().any(|v| head.starts_with(v))
}

/// Whether `line` (without its line end) is a version line that starts a record.
fn is_version(line: &[u8]) -> bool {
    VERSIONS.contains(&line)
}

/// Header fields (of a WARC record or of an HTTP response), in their order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    /// The value of the field `name` (case-insensitive); the first one when repeated.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Adds the header line `line`: `Name: value`, or a continuation of the last value
    /// (a line starting with a space or a tab).
    fn push_line(&mut self, line: &str) -> Result<(), String> {
        if line.starts_with([' ', '\t']) {
            let Some((_, value)) = self.0.last_mut() else { return Err(format!("a continuation line comes first: {line:?}")) };
            value.push(' ');
            value.push_str(line.trim());
            return Ok(());
        }
        let (name, value) = line.split_once(':').ok_or_else(|| format!("a header line has no colon: {:?}", preview(line.as_bytes())))?;
        self.0.push((name.trim().to_string(), value.trim().to_string()));
        Ok(())
    }
}

/// A record's block as read.
#[derive(Debug, PartialEq, Eq)]
pub enum Block {
    /// The block's bytes.
    Bytes(Vec<u8>),
    /// A block over the record limit, read past without being held: its length.
    TooLarge(u64),
}

/// One WARC record.
#[derive(Debug)]
pub struct Record {
    /// 1-based number of the record in its input.
    pub number: u64,
    /// Byte offset of its version line in the (decompressed) input.
    pub offset: u64,
    /// Its header fields.
    pub headers: Headers,
    /// Its block.
    pub block: Block,
}

/// A record that could not be read or used: where it is and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed {
    /// 1-based number of the record in its input.
    pub number: u64,
    /// Byte offset where it starts.
    pub offset: u64,
    /// Its `WARC-Record-ID`, when its header could be read.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Malformed {
    /// The failed record of input `source`.
    pub fn into_error(self, source: &str) -> RecordError {
        RecordError::at_record(source, self.number, self.offset, self.id, self.message)
    }
}

/// What the reader found next.
#[derive(Debug)]
pub enum Next {
    /// A whole record.
    Record(Record),
    /// A record that could not be read; reading goes on after it when it can.
    Malformed(Malformed),
    /// The end of the input.
    End,
}

/// Reads WARC records one at a time from a stream.
pub struct Reader<R> {
    reader: R,
    /// Bytes consumed.
    offset: u64,
    /// Records read (whole or not).
    number: u64,
    /// The longest block held; longer ones are read past.
    max_block: usize,
    /// Where the next record starts, when its version line has been read already (when
    /// looking for it after a malformed record); it is counted in `number`.
    pending: Option<u64>,
    /// Where the record being read starts, while it is read.
    start: Option<u64>,
    /// The input ended inside a record.
    ended: bool,
}

impl<R: BufRead> Reader<R> {
    /// A reader of `reader` that holds blocks of at most `max_block` bytes.
    pub fn new(reader: R, max_block: usize) -> Self {
        Reader { reader, offset: 0, number: 0, max_block, pending: None, start: None, ended: false }
    }

    /// Bytes read so far.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The number and byte offset of the record being read, or of the next one between
    /// records: where a read error happened.
    pub fn position(&self) -> (u64, u64) {
        match (self.start, self.pending) {
            (Some(start), _) | (None, Some(start)) => (self.number, start),
            (None, None) => (self.number + 1, self.offset),
        }
    }

    /// The next record.
    ///
    /// # Errors
    /// Only when the stream itself cannot be read (a corrupt compressed file); a record
    /// that is not well formed is a [`Next::Malformed`].
    pub fn next_record(&mut self) -> io::Result<Next> {
        if self.ended {
            return Ok(Next::End);
        }
        let (start, version) = match self.pending.take() {
            Some(start) => {
                self.start = Some(start);
                (start, Ok(()))
            }
            None => {
                if !self.skip_line_ends()? {
                    return Ok(Next::End);
                }
                let start = self.offset;
                self.start = Some(start);
                self.number += 1;
                let version = match self.line()? {
                    Line::Bytes(line) if is_version(&line) => Ok(()),
                    Line::Bytes(line) => Err(format!("{EXPECTED}, found {:?}", preview(&line))),
                    Line::TooLong(n) => Err(format!("{EXPECTED}, found a line of {n} bytes")),
                    Line::End => Err(format!("{EXPECTED}, found the end of the input")),
                };
                (start, version)
            }
        };
        if let Err(message) = version {
            return self.malformed(start, None, message);
        }
        let headers = match self.headers()? {
            Ok(headers) => headers,
            Err(message) => return self.malformed(start, None, message),
        };
        let id = headers.get("WARC-Record-ID").map(str::to_string);
        let length = match content_length(&headers) {
            Ok(length) => length,
            Err(message) => return self.malformed(start, id, message),
        };
        let block = self.block(length)?;
        self.start = None;
        match block {
            Ok(block) => Ok(Next::Record(Record { number: self.number, offset: start, headers, block })),
            Err(message) => {
                self.ended = true;
                Ok(Next::Malformed(Malformed { number: self.number, offset: start, id, message }))
            }
        }
    }

    /// The record at `start` is malformed: the reader moves on to the next version line.
    fn malformed(&mut self, start: u64, id: Option<String>, message: String) -> io::Result<Next> {
        let malformed = Malformed { number: self.number, offset: start, id, message };
        self.resync()?;
        self.start = None;
        Ok(Next::Malformed(malformed))
    }

    /// Reads up to the next version line (which starts the next record), or to the end.
    fn resync(&mut self) -> io::Result<()> {
        loop {
            let start = self.offset;
            match self.line()? {
                Line::End => {
                    self.ended = true;
                    return Ok(());
                }
                Line::Bytes(line) if is_version(&line) => {
                    // The next record has begun.
                    self.pending = Some(start);
                    self.number += 1;
                    return Ok(());
                }
                Line::Bytes(_) | Line::TooLong(_) => {}
            }
        }
    }

    /// The next line, read past without being held when it is over [`MAX_LINE`].
    fn line(&mut self) -> io::Result<Line> {
        let mut buf = Vec::new();
        let (n, whole) = read_bounded_line(&mut self.reader, MAX_LINE, &mut buf)?;
        self.offset += n;
        if n == 0 {
            return Ok(Line::End);
        }
        if !whole {
            return Ok(Line::TooLong(n));
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        Ok(Line::Bytes(buf))
    }

    /// Skips the line ends between records (a block is followed by `\r\n\r\n`): whether
    /// there is more to read.
    fn skip_line_ends(&mut self) -> io::Result<bool> {
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                return Ok(false);
            }
            let n = available.iter().take_while(|b| **b == b'\r' || **b == b'\n').count();
            let more = n < available.len();
            self.reader.consume(n);
            self.offset += n as u64;
            if more {
                return Ok(true);
            }
        }
    }

    /// The header lines up to the empty line that ends them.
    fn headers(&mut self) -> io::Result<Result<Headers, String>> {
        let mut headers = Headers::default();
        for _ in 0..MAX_HEADERS {
            let line = match self.line()? {
                Line::Bytes(line) => line,
                Line::End => return Ok(Err("the input ends inside the record's header".into())),
                Line::TooLong(n) => return Ok(Err(format!("a header line is {n} bytes long, more than {MAX_LINE}"))),
            };
            if line.is_empty() {
                return Ok(Ok(headers));
            }
            let Ok(line) = std::str::from_utf8(&line) else {
                return Ok(Err(format!("a header line is not UTF-8: {:?}", preview(&line))));
            };
            if let Err(message) = headers.push_line(line) {
                return Ok(Err(message));
            }
        }
        Ok(Err(format!("the header has more than {MAX_HEADERS} lines")))
    }

    /// Reads a block of `length` bytes: held when it is within the limit, else read past.
    /// An error message when the input ends before it does.
    fn block(&mut self, length: u64) -> io::Result<Result<Block, String>> {
        let mut rest = (&mut self.reader).take(length);
        let (got, block) = if length > self.max_block as u64 {
            (io::copy(&mut rest, &mut io::sink())?, Block::TooLarge(length))
        } else {
            // Not all at once: a bad length must not allocate what the input does not hold.
            let mut bytes = Vec::with_capacity((length as usize).min(1 << 20));
            rest.read_to_end(&mut bytes)?;
            (bytes.len() as u64, Block::Bytes(bytes))
        };
        self.offset += got;
        if got < length {
            return Ok(Err(format!("the record is cut short: its Content-Length is {length} bytes, the input ends after {got}")));
        }
        Ok(Ok(block))
    }
}

/// The record's `Content-Length`.
fn content_length(headers: &Headers) -> Result<u64, String> {
    let value = headers.get("Content-Length").ok_or("the record has no Content-Length")?;
    value.parse().map_err(|_| format!("the Content-Length is not a number of bytes: {value:?}"))
}

/// The start of `bytes` for a message: at most 40 characters, lossily decoded.
fn preview(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(40)]).into_owned()
}

/// Why a record holds no document to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    /// A response whose payload is HTML: chaff reads text, not HTML.
    Html,
    /// A response whose payload is neither text nor HTML (an image, a PDF, …).
    NotText,
    /// A record that holds no page: `warcinfo`, `request`, `metadata`, `revisit`, a DNS
    /// response, ….
    NotAPage,
}

/// A document found in a WARC record: where it is, its metadata and its text's bytes.
#[derive(Debug)]
pub struct Document {
    /// 1-based number of the record in its input.
    pub number: u64,
    /// Byte offset of the record in the (decompressed) input.
    pub offset: u64,
    /// `WARC-Record-ID`.
    pub id: Option<String>,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    block: Vec<u8>,
    /// Where the text starts in `block` (after an HTTP response's header).
    start: usize,
}

impl Document {
    /// The text's bytes, not yet checked to be UTF-8.
    pub fn text(&self) -> &[u8] {
        &self.block[self.start..]
    }
}

/// What a record is to chaff.
#[derive(Debug)]
pub enum Found {
    /// A document to score.
    Document(Document),
    /// A record that holds none.
    Skipped(Skip),
}

/// Tells what `record` holds: a `conversion` record's block is a document's text; a
/// `response` record's payload is one when it is `text/plain`; other records hold none.
///
/// # Errors
/// The record as [`Malformed`] when it should hold a document that chaff cannot read: a
/// block over `max_block` bytes (which was not kept), an HTTP response without the end of
/// its header, or a payload with a content or transfer encoding.
pub fn found(record: Record, max_block: usize) -> Result<Found, Malformed> {
    let kind = record.headers.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
    if kind != "conversion" && kind != "response" {
        return Ok(Found::Skipped(Skip::NotAPage));
    }
    let fail = |message| Malformed {
        number: record.number,
        offset: record.offset,
        id: record.headers.get("WARC-Record-ID").map(str::to_string),
        message,
    };
    let block = match record.block {
        Block::Bytes(bytes) => bytes,
        Block::TooLarge(n) => {
            return Err(fail(format!("the record is too large: {n} bytes, more than the limit of {max_block} bytes; it was skipped")));
        }
    };
    let start = match kind.as_str() {
        "conversion" => 0,
        _ => match payload(&record.headers, &block).map_err(fail)? {
            Ok(start) => start,
            Err(skip) => return Ok(Found::Skipped(skip)),
        },
    };
    let get = |name| record.headers.get(name).map(str::to_string);
    let (id, url, date) = (get("WARC-Record-ID"), get("WARC-Target-URI"), get("WARC-Date"));
    Ok(Found::Document(Document { number: record.number, offset: record.offset, id, url, date, block, start }))
}

/// Where the payload of an HTTP response record starts when it is plain text, or why the
/// record is skipped.
fn payload(warc: &Headers, block: &[u8]) -> Result<Result<usize, Skip>, String> {
    let is_http = warc.get("Content-Type").is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
    if !is_http {
        return Ok(Err(Skip::NotAPage));
    }
    let (http, start) = http_header(block)?;
    // Common Crawl names the payload's type it detected; the server's comes first.
    let media = media_type(http.get("Content-Type").or_else(|| warc.get("WARC-Identified-Payload-Type")));
    match media.as_deref() {
        Some("text/plain") => {}
        Some("text/html" | "application/xhtml+xml") => return Ok(Err(Skip::Html)),
        _ => return Ok(Err(Skip::NotText)),
    }
    for field in ["Content-Encoding", "Transfer-Encoding"] {
        match http.get(field) {
            Some(value) if !value.eq_ignore_ascii_case("identity") => {
                let stored = "chaff reads payloads stored decoded (as Common Crawl stores them)";
                return Err(format!("the payload has {field}: {value}; {stored}"));
            }
            _ => {}
        }
    }
    Ok(Ok(start))
}

/// The header fields of the HTTP response at the start of `block` and where its payload
/// starts.
fn http_header(block: &[u8]) -> Result<(Headers, usize), String> {
    let (end, start) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(end) => (end, end + 4),
        None => memchr::memmem::find(block, b"\n\n").map(|end| (end, end + 2)).ok_or("the HTTP response has no end of its header")?,
    };
    let head = String::from_utf8_lossy(&block[..end]);
    let mut headers = Headers::default();
    // The status line first, then the fields.
    for line in head.lines().skip(1) {
        headers.push_line(line.trim_end_matches('\r')).map_err(|m| format!("in the HTTP response, {m}"))?;
    }
    Ok((headers, start))
}

/// The media type of a `Content-Type` value, lower-cased, without its parameters.
fn media_type(value: Option<&str>) -> Option<String> {
    Some(value?.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

/// Reads a WARC input in chunks, handing each to `send` until it returns false.
pub(super) fn read_chunks(reader: Box<dyn BufRead + Send>, name: &str, options: &BatchOptions, mut send: impl FnMut(Chunk) -> bool) {
    let mut warc = Reader::new(reader, options.max_record_bytes);
    loop {
        let (chunk, more) = read_chunk(&mut warc, name, options);
        if !send(chunk) || !more {
            return;
        }
    }
}

/// Up to `chunk_records` records or `chunk_bytes` bytes, and whether there may be more. A
/// read error ends the input: it is the chunk's failure, at the record where it happened.
fn read_chunk(warc: &mut Reader<impl BufRead>, name: &str, options: &BatchOptions) -> (Chunk, bool) {
    let mut chunk = Chunk::default();
    while chunk.items.len() < options.chunk_records && chunk.bytes < options.chunk_bytes as u64 {
        let before = warc.offset();
        let next = warc.next_record();
        chunk.bytes += warc.offset() - before;
        let item = match next {
            Ok(Next::End) => return (chunk, false),
            Ok(Next::Malformed(m)) => Item::Failed(m.into_error(name)),
            Ok(Next::Record(record)) => match found(record, options.max_record_bytes) {
                Ok(Found::Document(document)) => Item::Warc(document),
                Ok(Found::Skipped(skip)) => Item::Skipped(skip),
                Err(m) => Item::Failed(m.into_error(name)),
            },
            Err(e) => {
                let (number, offset) = warc.position();
                let message = format!("the input cannot be read from this record on: {e}");
                chunk.failure = Some(RecordError::at_record(name, number, offset, None, message));
                return (chunk, false);
            }
        };
        chunk.items.push(item);
    }
    (chunk, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of type `kind` with the header lines `headers` (`Name: value`) and `block`.
    fn record(kind: &str, headers: &[&str], block: &[u8]) -> Vec<u8> {
        let mut head = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n");
        headers.iter().for_each(|h| head.push_str(&format!("{h}\r\n")));
        head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
        [head.as_bytes(), block, b"\r\n\r\n"].concat()
    }

    /// Everything the reader finds in `bytes`, blocks up to `max_block`.
    fn read_all(bytes: &[u8], max_block: usize) -> Vec<Next> {
        let mut reader = Reader::new(bytes, max_block);
        let mut all = Vec::new();
        loop {
            match reader.next_record().unwrap() {
                Next::End => return all,
                next => all.push(next),
            }
        }
    }

    fn http(content_type: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    #[test]
    fn reads_records_with_their_headers_numbers_and_offsets() {
        let info = record("warcinfo", &["WARC-Record-ID: <urn:uuid:1>"], b"software: test\r\n");
        let headers = ["WARC-Record-ID: <urn:uuid:2>", "WARC-Target-URI: https://a.vn/x"];
        let page = record("conversion", &headers, "Tin tức\n新闻 🎉".as_bytes());
        let all = read_all(&[info.clone(), page].concat(), 1 << 20);
        let [Next::Record(first), Next::Record(second)] = &all[..] else { panic!("{all:?}") };
        assert_eq!((first.number, first.offset), (1, 0));
        assert_eq!((second.number, second.offset), (2, info.len() as u64));
        assert_eq!(second.headers.get("warc-target-uri"), Some("https://a.vn/x"), "names are case-insensitive");
        assert_eq!(second.block, Block::Bytes("Tin tức\n新闻 🎉".as_bytes().to_vec()));
    }

    #[test]
    fn a_bad_header_is_one_malformed_record_and_reading_goes_on() {
        let good = record("conversion", &[], b"text");
        let no_colon = b"WARC/1.0\r\nWARC-Type conversion\r\nContent-Length: 4\r\n\r\ntext\r\n\r\n".to_vec();
        let no_length = String::from_utf8(record("conversion", &[], b"x")).unwrap().replace("Content-Length: 1\r\n", "");
        let garbage = b"some bytes between records\r\n".to_vec();
        let parts = [&good, &no_colon, &good, &garbage, &good, no_length.as_bytes(), &good];
        let all = read_all(&parts.concat(), 1 << 20);
        let summary: Vec<(u64, String)> = all
            .iter()
            .map(|n| match n {
                Next::Record(r) => (r.number, "ok".to_string()),
                Next::Malformed(m) => (m.number, format!("{} at {}", m.message, m.offset)),
                Next::End => unreachable!(),
            })
            .collect();
        let at = |n: usize| parts[..n].iter().map(|r| r.len()).sum::<usize>();
        let ok = || "ok".to_string();
        assert_eq!(
            summary,
            vec![
                (1, ok()),
                (2, format!("a header line has no colon: \"WARC-Type conversion\" at {}", at(1))),
                (3, ok()),
                (4, format!("expected a WARC record (WARC/1.0 or WARC/1.1), found \"some bytes between records\" at {}", at(3))),
                (5, ok()),
                (6, format!("the record has no Content-Length at {}", at(5))),
                (7, ok()),
            ]
        );
    }

    #[test]
    fn a_record_cut_short_ends_the_input() {
        let good = record("conversion", &["WARC-Record-ID: <urn:uuid:1>"], b"first");
        let cut = record("conversion", &["WARC-Record-ID: <urn:uuid:2>"], b"the second page");
        let input = [&good[..], &cut[..cut.len() - 10]].concat();
        let all = read_all(&input, 1 << 20);
        let [Next::Record(_), Next::Malformed(m)] = &all[..] else { panic!("{all:?}") };
        assert_eq!(m.number, 2);
        assert_eq!(m.offset, good.len() as u64);
        assert_eq!(m.id.as_deref(), Some("<urn:uuid:2>"));
        assert_eq!(m.message, "the record is cut short: its Content-Length is 15 bytes, the input ends after 9");
    }

    #[test]
    fn a_block_over_the_limit_is_read_past_not_held() {
        let big = record("conversion", &[], &[b'a'; 100]);
        let small = record("conversion", &[], b"ok");
        let all = read_all(&[big, small].concat(), 50);
        let [Next::Record(first), Next::Record(second)] = &all[..] else { panic!("{all:?}") };
        assert_eq!(first.block, Block::TooLarge(100));
        assert_eq!(second.block, Block::Bytes(b"ok".to_vec()));
        let Next::Record(first) = all.into_iter().next().unwrap() else { unreachable!() };
        let error = found(first, 50).unwrap_err();
        assert_eq!(error.message, "the record is too large: 100 bytes, more than the limit of 50 bytes; it was skipped");
    }

    /// `found` on one record of type `kind` with `headers` and `block`.
    fn found_in(kind: &str, headers: &[&str], block: &[u8]) -> Result<Found, Malformed> {
        let Next::Record(record) = Reader::new(&record(kind, headers, block)[..], 1 << 20).next_record().unwrap() else {
            panic!("a record")
        };
        found(record, 1 << 20)
    }

    #[test]
    fn responses_give_their_text_payloads_and_skip_the_others() {
        let response = ["Content-Type: application/http; msgtype=response", "WARC-Target-URI: https://b.id/"];
        let Ok(Found::Document(doc)) = found_in("response", &response, &http("text/plain; charset=utf-8", "Berita hari ini\n")) else {
            panic!("a text/plain response is a document")
        };
        assert_eq!(doc.text(), b"Berita hari ini\n");
        assert_eq!(doc.url.as_deref(), Some("https://b.id/"));
        let skipped = |block: Vec<u8>| match found_in("response", &response, &block) {
            Ok(Found::Skipped(why)) => why,
            other => panic!("{other:?}"),
        };
        assert_eq!(skipped(http("text/html; charset=utf-8", "<p>x</p>")), Skip::Html);
        assert_eq!(skipped(http("application/xhtml+xml", "<p>x</p>")), Skip::Html);
        assert_eq!(skipped(http("image/jpeg", "\u{0}\u{1}")), Skip::NotText);
        for kind in ["warcinfo", "request", "metadata", "revisit"] {
            assert!(matches!(found_in(kind, &[], b"x"), Ok(Found::Skipped(Skip::NotAPage))), "{kind}");
        }
        let dns = found_in("response", &["Content-Type: text/dns"], b"a.vn. 300 IN A 1.2.3.4");
        assert!(matches!(dns, Ok(Found::Skipped(Skip::NotAPage))), "not an HTTP response");
        let gzipped = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n\u{1f}";
        let error = found_in("response", &response, gzipped.as_bytes()).unwrap_err();
        assert!(error.message.starts_with("the payload has Content-Encoding: gzip; chaff reads payloads stored decoded"));
        let error = found_in("response", &response, b"HTTP/1.1 200 OK\r\nContent-Type: text/plain").unwrap_err();
        assert_eq!(error.message, "the HTTP response has no end of its header");
    }
}
