//! Properties of verdicts, cleaning and batch scoring on generated multilingual text
//! (proptest; the fuzz targets in `fuzz/` check the same invariants on arbitrary bytes).

use std::io::{BufRead, Cursor};
use std::sync::LazyLock;

use chaff::batch::{BatchOptions, Input, Output, RecordError, Scorer, clean_text};
use chaff::{Classifier, Document, Verdict};
use proptest::prelude::*;
use serde_json::Value;

/// Cases per property: enough to mix every kind of piece, few enough for a quick run.
const CASES: u32 = 128;

static CLASSIFIER: LazyLock<Classifier<'static>> = LazyLock::new(|| Classifier::builtin().unwrap());

/// Pieces of lines in many scripts: Latin, Vietnamese, Thai, Chinese, Arabic, Devanagari,
/// Cyrillic, styled letters, emoji, zero-width and bidi characters, links, markers. None
/// holds a line break.
const PIECES: &[&str] = &[
    "the council voted ",
    "Tổng thống ",
    "nhà cái ",
    "soi kèo ",
    "slot gacor ",
    "สล็อต",
    "บาคาร่า",
    "ข่าววันนี้ ",
    "博彩",
    "足球",
    "。",
    "(责任编辑:",
    ")",
    "كازينو ",
    "أخبار اليوم ",
    "सट्टा ",
    "समाचार ",
    "ставки ",
    "𝐌𝐄𝐆𝐀",
    "ＢＥＴ",
    "💞",
    "🎰",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "\u{0301}",
    "https://kuwin88.vip/a?b=1 ",
    "www.",
    "sin88.com",
    "[iklan_2]",
    "Komentar (0)",
    "Sumber: ",
    "|",
    "»",
    " ",
    "\t",
    "\u{3000}",
    "?",
    "2023",
];

/// Lines that are blank: empty or only white space.
const BLANKS: &[&str] = &["", " ", "\t", "  \t ", "\u{3000}", "\u{a0}"];

/// One line without its break: blank, or pieces and now and then any other character.
fn line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(String::from),
        1 => any::<char>().prop_filter("no line breaks", |c| *c != '\n' && *c != '\r').prop_map(String::from),
    ];
    prop_oneof![
        1 => prop::sample::select(BLANKS).prop_map(String::from),
        4 => prop::collection::vec(piece, 1..16).prop_map(|p| p.concat()),
    ]
}

/// The lines of a document.
fn lines() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(line(), 1..24)
}

/// A document whose lines end in `\n` or `\r\n`, chosen line by line.
fn text() -> impl Strategy<Value = String> {
    (lines(), any::<u32>()).prop_map(|(lines, crlf)| {
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                text.push_str(if crlf >> (i % 32) & 1 == 1 {
                    "\r\n"
                } else {
                    "\n"
                });
            }
            text.push_str(line);
        }
        text
    })
}

/// Whether the two verdicts agree: label, line classes, and probabilities within 1e-9.
fn same_verdict(a: &Verdict, b: &Verdict) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9;
    a.label() == b.label()
        && close(a.p_spam(), b.p_spam())
        && a.lines().len() == b.lines().len()
        && a.lines().iter().zip(b.lines()).all(|(x, y)| {
            x.class == y.class && x.probs.iter().zip(&y.probs).all(|(p, q)| close(*p, *q))
        })
}

/// Whether the lines of `cleaned` are a subsequence of the lines of `text`.
fn lines_are_a_subsequence(cleaned: &str, text: &str) -> bool {
    if cleaned.is_empty() {
        return true;
    }
    let doc = Document::new(text);
    let mut original = doc.lines().iter().map(|l| l.text);
    // A final line break closes the last kept line (see `clean_text`).
    cleaned.strip_suffix('\n').unwrap_or(cleaned).split('\n').all(|line| original.any(|o| o == line))
}

/// One JSONL record of a generated batch input.
#[derive(Clone, Debug)]
enum Record {
    /// `{"id": LINE, "text": …}`: scored.
    Valid(String),
    /// Broken JSON, or a line that only looks blank.
    NotJson(&'static str),
    /// JSON that is not an object.
    NotObject(&'static str),
    /// An object without a `text` field.
    NoText,
    /// A `text` that is not a string.
    TextNotString(&'static str),
    /// Bytes that are not UTF-8.
    InvalidUtf8(Vec<u8>),
    /// White space only: not a record.
    Blank(&'static str),
}

impl Record {
    /// The record's bytes on line `line` (1-based), without the line break.
    fn bytes(&self, line: usize) -> Vec<u8> {
        match self {
            Record::Valid(text) => {
                serde_json::to_vec(&serde_json::json!({"id": line, "text": text})).unwrap()
            }
            Record::NotJson(s) | Record::NotObject(s) | Record::Blank(s) => s.as_bytes().to_vec(),
            Record::NoText => format!("{{\"id\": {line}, \"body\": \"x\"}}").into_bytes(),
            Record::TextNotString(value) => {
                format!("{{\"id\": {line}, \"text\": {value}}}").into_bytes()
            }
            Record::InvalidUtf8(bytes) => bytes.clone(),
        }
    }
}

fn record() -> impl Strategy<Value = Record> {
    let not_utf8 = prop_oneof![
        Just(b"{\"text\": \"caf\xe9\"}".to_vec()),
        Just(vec![0xff, 0xfe]),
        prop::collection::vec(
            any::<u8>().prop_filter("no line break", |b| *b != b'\n'),
            1..8
        )
        .prop_map(|mut b| {
            b.insert(0, 0xc3); // a two-byte lead followed by no continuation byte
            b.insert(1, b'x');
            b
        }),
    ];
    prop_oneof![
        6 => text().prop_map(Record::Valid),
        1 => prop::sample::select(&["not json", "{\"text\": \"abc", "{\"id\": 1,}", "\u{3000}", "\u{feff}{}"][..]).prop_map(Record::NotJson),
        1 => prop::sample::select(&["[1, 2]", "\"text\"", "42", "null"][..]).prop_map(Record::NotObject),
        1 => Just(Record::NoText),
        1 => prop::sample::select(&["5", "null", "true", "[\"a\"]", "{\"t\": \"a\"}"][..]).prop_map(Record::TextNotString),
        1 => not_utf8.prop_map(Record::InvalidUtf8),
        1 => prop::sample::select(&["", " ", "\t", " \r"][..]).prop_map(Record::Blank),
    ]
}

/// Runs the batch scorer on `input` with `chunk_records` records per chunk.
fn score(input: Vec<u8>, chunk_records: usize) -> (String, Vec<RecordError>) {
    let options = BatchOptions {
        chunk_records,
        clean: true,
        spans: true,
        ..BatchOptions::default()
    };
    let scorer = Scorer::new(CLASSIFIER.clone(), options);
    let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(input));
    let mut out = Output::new("out", Vec::new());
    let mut errors = Vec::new();
    let inputs = vec![Ok(Input::Jsonl {
        name: "generated.jsonl".into(),
        reader,
    })];
    let summary = scorer
        .run(
            inputs,
            &mut out,
            &mut |e| errors.push(e.clone()),
            &mut |_| {},
        )
        .unwrap();
    assert_eq!(summary.read, summary.scored + summary.failed);
    (String::from_utf8(out.get_ref().clone()).unwrap(), errors)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// One line verdict per line of the document; a class exactly for the non-blank lines.
    #[test]
    fn line_classes_cover_exactly_the_non_blank_lines(text in text()) {
        let verdict = CLASSIFIER.classify(&text).unwrap();
        let doc = Document::new(&text);
        prop_assert_eq!(verdict.lines().len(), doc.lines().len());
        for (line, v) in doc.lines().iter().zip(verdict.lines()) {
            prop_assert_eq!(v.class.is_some(), !line.is_blank(), "line {}: {:?}", v.index, line.text);
        }
    }

    /// The same lines ending in `\r\n` or in `\n` get the same verdict.
    #[test]
    fn crlf_and_lf_give_the_same_verdict(lines in lines()) {
        let lf = CLASSIFIER.classify(&lines.join("\n")).unwrap();
        let crlf = CLASSIFIER.classify(&lines.join("\r\n")).unwrap();
        prop_assert!(same_verdict(&lf, &crlf), "LF {:?}\nCRLF {:?}", lf, crlf);
    }

    /// Cleaning only removes lines: what is left is a subsequence of the lines, no longer
    /// than the text.
    #[test]
    fn cleaning_never_adds_text(text in text()) {
        let verdict = CLASSIFIER.classify(&text).unwrap();
        for keep_boilerplate in [false, true] {
            let cleaned = clean_text(&text, &verdict, keep_boilerplate);
            prop_assert!(cleaned.len() <= text.len());
            prop_assert!(lines_are_a_subsequence(&cleaned, &text), "{:?} from {:?}", cleaned, text);
        }
    }

    /// `score` writes exactly one output line or one error per record, in order, each error
    /// at its record's line.
    #[test]
    fn score_writes_one_output_or_one_error_per_record(
        records in prop::collection::vec(record(), 1..24),
        crlf in any::<bool>(),
        chunk_records in 1usize..5,
    ) {
        let mut input = Vec::new();
        let (mut scored, mut failed) = (Vec::new(), Vec::new());
        for (i, record) in records.iter().enumerate() {
            input.extend(record.bytes(i + 1));
            input.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            match record {
                Record::Valid(_) => scored.push(i as u64 + 1),
                Record::Blank(_) => {}
                _ => failed.push(i as u64 + 1),
            }
        }
        let (out, errors) = score(input, chunk_records);
        let ids: Vec<u64> = out.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].as_u64().unwrap()).collect();
        let error_lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        prop_assert_eq!(ids.len() + errors.len(), scored.len() + failed.len());
        prop_assert_eq!(ids, scored);
        prop_assert_eq!(error_lines, failed, "{:?}", errors);
    }
}
