//! `chaff score` on WET and WARC files, and on inputs it reads compressed or refuses.

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;

use crate::attributes::gunzip_lines;
use crate::score::texts;
use crate::util::{chaff, outcome, temp_dir, write};

/// A WARC record of type `kind` with the header fields `headers` and `block`, CRLF line
/// ends, as Common Crawl writes them.
fn record(kind: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut head = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    [head.as_bytes(), block, b"\r\n\r\n"].concat()
}

/// `bytes` as one gzip member.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// The header fields of the `n`th page: its id, URL and date.
fn page_headers(n: usize) -> Vec<(&'static str, String)> {
    vec![
        ("WARC-Record-ID", format!("<urn:uuid:00000000-0000-0000-0000-{n:012}>")),
        ("WARC-Target-URI", format!("https://example.vn/tin/{n}")),
        ("WARC-Date", format!("2026-11-{:02}T10:00:00Z", n + 1)),
    ]
}

/// A conversion record (a WET page) of `text`, the `n`th.
fn conversion(n: usize, text: &[u8]) -> Vec<u8> {
    let headers = page_headers(n);
    let mut fields: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fields.push(("Content-Type", "text/plain"));
    record("conversion", &fields, text)
}

/// A warcinfo record, as the first of every Common Crawl file.
fn warcinfo() -> Vec<u8> {
    record("warcinfo", &[("Content-Type", "application/warc-fields")], b"software: chaff-test\r\nformat: WARC File Format 1.0\r\n")
}

/// A WET file's records: a warcinfo record, then a conversion record for each text.
fn wet_records(texts: &[String]) -> Vec<Vec<u8>> {
    std::iter::once(warcinfo()).chain(texts.iter().enumerate().map(|(n, t)| conversion(n, t.as_bytes()))).collect()
}

/// The output records of a run, parsed.
fn records(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn a_wet_file_of_gzip_members_gives_the_verdicts_of_the_same_texts_as_jsonl() {
    let dir = temp_dir("wet");
    let texts = texts();
    // One gzip member a record: a reader of the first member alone would find no page.
    let members: Vec<Vec<u8>> = wet_records(&texts).iter().map(|r| gzip(r)).collect();
    let wet = write(&dir, "CC-MAIN-test.warc.wet.gz", &members.concat());
    let (code, stdout, stderr) = outcome(&chaff(&["score", &wet], None));
    assert_eq!(code, 0, "{stderr}");
    let scored = records(&stdout);
    assert_eq!(scored.len(), texts.len(), "{stdout}");
    let jsonl: Vec<String> = texts.iter().map(|t| serde_json::json!({ "text": t }).to_string()).collect();
    let (_, as_jsonl, _) = outcome(&chaff(&["score", "-q", "-"], Some((jsonl.join("\n") + "\n").as_bytes())));
    for (n, (record, expected)) in scored.iter().zip(records(&as_jsonl)).enumerate() {
        let headers = page_headers(n);
        assert_eq!(record["id"], headers[0].1.as_str());
        assert_eq!(record["url"], headers[1].1.as_str());
        assert_eq!(record["date"], headers[2].1.as_str());
        assert_eq!(record["text"], texts[n].as_str());
        assert_eq!(record["chaff"], expected["chaff"], "record {n}: the verdict of the same text as JSONL");
    }
    let first = stdout.lines().next().unwrap();
    let start = r#"{"id":"<urn:uuid:00000000-0000-0000-0000-000000000000>","url":"https://example.vn/tin/0","date":"2026-11-01T10:00:00Z","text":"#;
    assert!(first.starts_with(start) && first.contains(r#"","chaff":{"label":"#), "fields in this order: {first}");
    let spam = scored.iter().filter(|r| r["chaff"]["label"] == "spam").count();
    assert!(spam >= 1, "the Vietnamese seed and the sample are spam");
    let summary = format!("chaff score: {} records read, {} scored ({spam} spam), 0 failed, 1 skipped;", texts.len() + 1, texts.len());
    assert!(stderr.starts_with(&summary), "{stderr}");
}

/// A response record of an HTTP response with `content_type` and `body`.
fn response(n: usize, content_type: &str, body: &[u8]) -> Vec<u8> {
    let headers = page_headers(n);
    let mut fields: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fields.push(("Content-Type", "application/http; msgtype=response"));
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len());
    record("response", &fields, &[http.as_bytes(), body].concat())
}

#[test]
fn warc_text_responses_are_scored_and_html_is_skipped_and_counted() {
    let dir = temp_dir("warc");
    let texts = texts();
    let html = b"<html><body><p>Berita hari ini</p></body></html>";
    let parts = [
        warcinfo(),
        record("request", &[("Content-Type", "application/http; msgtype=request")], b"GET / HTTP/1.1\r\n\r\n"),
        response(0, "text/plain; charset=utf-8", texts[0].as_bytes()),
        response(1, "text/html; charset=utf-8", html),
        record("metadata", &[("Content-Type", "application/warc-fields")], b"fetchTimeMs: 12\r\n"),
        response(2, "text/html", html),
        response(3, "image/png", b"\x89PNG\r\n\x1a\n\0\0"),
        response(4, "text/plain", texts[4].as_bytes()),
    ];
    // Not named .warc: told by its first bytes.
    let path = write(&dir, "crawl.bin", &parts.concat());
    let (code, stdout, stderr) = outcome(&chaff(&["score", &path], None));
    assert_eq!(code, 0, "{stderr}");
    let scored = records(&stdout);
    let urls: Vec<&str> = scored.iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(urls, ["https://example.vn/tin/0", "https://example.vn/tin/4"]);
    assert_eq!(scored[1]["text"], texts[4].as_str(), "the payload without the HTTP header");
    let notes: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        notes[0],
        "chaff score: 2 HTML response records skipped: chaff reads text, not HTML; convert them with a WET extractor first; \
         1 response records skipped whose payload is neither text nor HTML"
    );
    assert!(notes[1].starts_with("chaff score: 8 records read, 2 scored"), "{stderr}");
    assert!(notes[1].contains(" 0 failed, 6 skipped;"), "{stderr}");
}

#[test]
fn malformed_and_truncated_records_fail_alone_with_their_number_and_offset() {
    let dir = temp_dir("warc-bad");
    let texts = texts();
    let good = |n: usize| conversion(n, texts[n].as_bytes());
    let no_colon = String::from_utf8(good(1)).unwrap().replacen("WARC-Type: conversion", "WARC-Type conversion", 1);
    let latin1 = conversion(2, b"caf\xe9 au lait");
    let cut = good(3);
    let parts = [warcinfo(), good(0), no_colon.into_bytes(), latin1, good(4), cut[..cut.len() - 100].to_vec()];
    let at = |n: usize| parts[..n].iter().map(Vec::len).sum::<usize>();
    let path = write(&dir, "bad.warc", &parts.concat());
    let (code, stdout, stderr) = outcome(&chaff(&["score", &path], None));
    assert_eq!(code, 2, "{stderr}");
    let urls: Vec<Value> = records(&stdout).iter().map(|r| r["url"].clone()).collect();
    assert_eq!(urls, ["https://example.vn/tin/0", "https://example.vn/tin/4"], "the records around the bad ones");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("chaff: ")).collect();
    let length = texts[3].len();
    assert_eq!(
        errors,
        [
            format!("chaff: {path}: record 3 at byte {}: a header line has no colon: \"WARC-Type conversion\"", at(2)),
            format!("chaff: {path}: record 4 at byte {}: invalid UTF-8 at byte 3 of the record's text", at(3)),
            format!(
                "chaff: {path}: record 6 at byte {}: the record is cut short: its Content-Length is {length} bytes, the input ends after {}",
                at(5),
                length + 4 - 100
            ),
        ]
    );
    assert!(stderr.contains("6 records read, 2 scored"), "{stderr}");
    assert!(stderr.contains("3 failed, 1 skipped"), "{stderr}");
}

#[test]
fn a_wet_file_whose_gzip_stream_breaks_keeps_the_records_before() {
    let dir = temp_dir("wet-cut");
    let texts = texts();
    let records = wet_records(&texts);
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    // Cut inside the member of the fourth page (the fifth record).
    let cut = members[..4].iter().map(Vec::len).sum::<usize>() + 20;
    let path = write(&dir, "cut.warc.wet.gz", &members.concat()[..cut]);
    let (code, stdout, stderr) = outcome(&chaff(&["score", &path], None));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout.lines().count(), 3);
    let offset: usize = records[..4].iter().map(Vec::len).sum();
    let error = format!("chaff: {path}: record 5 at byte {offset}: the input cannot be read from this record on");
    assert!(stderr.contains(&error), "{stderr}");
    assert!(stderr.contains("5 records read, 3 scored"), "{stderr}");
}

#[test]
fn bzip2_and_xz_are_read_and_parquet_zip_and_binary_refused_once() {
    let dir = temp_dir("formats");
    let data: String = texts().iter().map(|t| serde_json::json!({ "text": t }).to_string() + "\n").collect();
    let (_, plain, _) = outcome(&chaff(&["score", "-q", "-"], Some(data.as_bytes())));
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    bz.write_all(data.as_bytes()).unwrap();
    let bz2 = write(&dir, "docs.jsonl.bz2", &bz.finish().unwrap());
    let mut xz = xz2::write::XzEncoder::new(Vec::new(), 1);
    xz.write_all(data.as_bytes()).unwrap();
    let xz = write(&dir, "docs.jsonl.xz", &xz.finish().unwrap());
    for path in [&bz2, &xz] {
        let (code, out, stderr) = outcome(&chaff(&["score", "-q", path], None));
        assert_eq!((code, out.as_str()), (0, plain.as_str()), "{path}: {stderr}");
    }
    // Many "records" each, one error each.
    let parquet = write(&dir, "x.parquet", &[&b"PAR1"[..], &b"\x15\x04\n\x15\n".repeat(1000)].concat());
    let zip = write(&dir, "x.zip", &[&b"PK\x03\x04"[..], &b"\x14\x00\n".repeat(1000)].concat());
    let binary = write(&dir, "x.jsonl", &b"{\"text\":\"a\"}\n\x00\x01\n".repeat(1000));
    let (code, out, stderr) = outcome(&chaff(&["score", &parquet, &bz2, &zip, &binary], None));
    assert_eq!(code, 2);
    assert_eq!(out, plain, "the readable input is scored");
    let reads = "(chaff reads JSONL, WET/WARC, plain or gzip/zstd/bzip2/xz)";
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("chaff: ")).collect();
    assert_eq!(
        errors,
        [
            parquet_refused(&parquet, &stderr),
            format!("chaff: {zip}: not a JSONL file: looks like a zip archive {reads}"),
            format!("chaff: {binary}: not a JSONL file: looks like binary data (a NUL byte at byte 13) {reads}"),
        ]
    );
    assert!(stderr.contains(&format!("{} records read, {} scored", texts().len() + 3, texts().len())), "{stderr}");
}

/// What chaff says about a damaged Parquet file: that it is built without Parquet support,
/// or (with the `parquet` feature) that the file cannot be read.
fn parquet_refused(path: &str, stderr: &str) -> String {
    match cfg!(feature = "parquet") {
        false => format!("chaff: {path}: looks like Parquet: this chaff was built without Parquet support; build it with `--features parquet` to read it"),
        true => {
            let prefix = format!("chaff: {path}: not a readable Parquet file: ");
            stderr.lines().find(|l| l.starts_with(&prefix)).unwrap_or(&prefix).to_string()
        }
    }
}

#[test]
fn attributes_of_a_wet_file_have_a_line_per_page() {
    let dir = temp_dir("wet-attributes");
    let texts = texts();
    let parts = [warcinfo(), conversion(0, texts[0].as_bytes()), conversion(1, b"caf\xe9"), conversion(2, texts[4].as_bytes())];
    let members: Vec<Vec<u8>> = parts.iter().map(|r| gzip(r)).collect();
    let path = write(&dir, "pages.warc.wet.gz", &members.concat());
    let attributes = dir.join("attributes");
    let (code, stdout, stderr) = outcome(&chaff(&["score", "-q", &path, "--attributes", attributes.to_str().unwrap()], None));
    assert_eq!((code, stdout.lines().count()), (2, 2), "{stderr}");
    let lines = gunzip_lines(&attributes.join("pages.warc.wet.gz"));
    let ids: Vec<String> = (0..3).map(|n| page_headers(n)[0].1.clone()).collect();
    assert_eq!(lines.iter().map(|l| l["id"].as_str().unwrap()).collect::<Vec<_>>(), ids, "no line for the warcinfo record");
    assert_eq!(lines[1]["attributes"], serde_json::json!({}), "the page that is not UTF-8");
    assert!(lines[2]["attributes"]["chaff__spam"].as_array().unwrap().len() >= 2, "the Vietnamese seed's spam lines");
}
