//! The JSONL record reader: arbitrary bytes as the lines of a JSONL input, scored by the
//! batch scorer with options taken from the first byte. Every record must come out as one
//! valid JSON line or one error, in order; `Fields::parse` must never panic.
#![no_main]

use std::io::{BufRead, Cursor};
use std::sync::LazyLock;

use chaff::batch::record::Fields;
use chaff::batch::{BatchOptions, Input, Output, RecordError, Scorer};
use chaff::{Classifier, Model};
use libfuzzer_sys::fuzz_target;

/// Inputs longer than this are skipped, so that every run stays fast.
const MAX_INPUT: usize = 64 << 10;

static MODEL: LazyLock<&'static Model> =
    LazyLock::new(|| Model::builtin().expect("the built-in model loads"));

fuzz_target!(|data: &[u8]| {
    let Some((&flags, jsonl)) = data.split_first() else {
        return;
    };
    if jsonl.len() > MAX_INPUT {
        return;
    }
    parse_each_line(jsonl);
    score(options(flags), jsonl);
});

/// Options from the bits of `flags`: clean, keep boilerplate, spans, and 1–4 records or
/// 64 bytes–8 MB per chunk (small chunks cut the input at many places).
fn options(flags: u8) -> BatchOptions {
    BatchOptions {
        clean: flags & 1 != 0,
        keep_boilerplate: flags & 2 != 0,
        spans: flags & 4 != 0,
        chunk_records: 1 + (flags >> 3 & 3) as usize,
        chunk_bytes: if flags & 0x20 != 0 { 64 } else { 8 << 20 },
        ..BatchOptions::default()
    }
}

/// `Fields::parse`, `text`, `id` and `write_with` on every UTF-8 line.
fn parse_each_line(jsonl: &[u8]) {
    for line in jsonl.split(|&b| b == b'\n') {
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        if let Ok(fields) = Fields::parse(line) {
            let _ = fields.text("text");
            let _ = fields.id("id");
            let mut out = Vec::new();
            fields.write_with(line, "chaff", "{\"label\":\"clean\"}", &mut out);
            check_output(std::str::from_utf8(&out).expect("write_with writes UTF-8"));
        }
    }
}

/// Scores `jsonl` and checks the counts, the output lines and the errors' line numbers.
fn score(options: BatchOptions, jsonl: &[u8]) {
    let scorer = Scorer::new(Classifier::new(*MODEL), options);
    let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(jsonl.to_vec()));
    let input = Input::Jsonl {
        name: "fuzz.jsonl".into(),
        reader,
    };
    let mut out = Output::new("out", Vec::new());
    let mut errors: Vec<RecordError> = Vec::new();
    let summary = scorer
        .run(
            vec![Ok(input)],
            &mut out,
            &mut |e| errors.push(e.clone()),
            &mut |_| {},
        )
        .expect("writing to a Vec");
    assert_eq!(summary.read, summary.scored + summary.failed);
    assert_eq!(summary.failed, errors.len() as u64);
    assert_eq!(summary.bytes, jsonl.len() as u64);
    let records = jsonl
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(summary.read, records as u64);
    let out = std::str::from_utf8(out.get_ref()).expect("the output is UTF-8");
    assert_eq!(out.lines().count() as u64, summary.scored);
    out.lines().for_each(check_output);
    assert!(
        errors.windows(2).all(|w| w[0].line < w[1].line),
        "errors in line order"
    );
}

/// An output record reads again as a JSON object whose last field is chaff's verdict.
/// (Its other fields are the input's, as they were: a lone surrogate escape, which a strict
/// reader such as `serde_json::Value` refuses, stays, so the check reads it like chaff does.)
fn check_output(line: &str) {
    let fields = Fields::parse(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    let (key, verdict) = fields.0.last().expect("the record has a chaff field");
    assert_eq!(key.0, "chaff");
    let verdict: serde_json::Value =
        serde_json::from_str(verdict.get()).expect("the verdict is JSON");
    assert!(verdict["label"].is_string(), "{line}");
    assert_eq!(
        fields.0.iter().filter(|(k, _)| k.0 == "chaff").count(),
        1,
        "{line}"
    );
}
