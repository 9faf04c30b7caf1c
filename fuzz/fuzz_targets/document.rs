//! The document path: arbitrary bytes → `decode_text` → the built-in classifier
//! (`classify` and `explain`) → `clean_text`, asserting every verdict's invariants, and the
//! same verdict with CRLF line ends.
#![no_main]

use std::sync::LazyLock;

use chaff::batch::clean_text;
use chaff::{Classifier, Document, Verdict, decode_text};
use libfuzzer_sys::fuzz_target;

/// Inputs longer than this are skipped, so that every run stays fast.
const MAX_INPUT: usize = 64 << 10;

static CLASSIFIER: LazyLock<Classifier<'static>> =
    LazyLock::new(|| Classifier::builtin().expect("the built-in model loads"));

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = decode_text(data) else { return };
    // Inputs are capped far below the default limits: every document is classified.
    let verdict = CLASSIFIER.classify(text).expect("within the limits");
    check_verdict(text, &verdict);
    let explained = CLASSIFIER.explain(text).expect("within the limits");
    check_verdict(text, &explained);
    assert_eq!(explained.label(), verdict.label());
    assert_eq!(explained.p_spam().to_bits(), verdict.p_spam().to_bits());
    for (a, b) in explained.lines().iter().zip(verdict.lines()) {
        assert_eq!((a.class, a.probs), (b.class, b.probs), "line {}", a.index);
    }
    for keep_boilerplate in [false, true] {
        check_clean(text, &clean_text(text, &verdict, keep_boilerplate));
    }
    check_crlf(text, &verdict);
});

/// With `\r\n` for every `\n`, the same label, line classes and spam probability (texts
/// that already hold a `\r` are left out: there the two spellings differ in their lines).
fn check_crlf(text: &str, verdict: &Verdict) {
    if text.contains('\r') {
        return;
    }
    let crlf = CLASSIFIER.classify(&text.replace('\n', "\r\n")).expect("within the limits");
    assert_eq!(crlf.label(), verdict.label());
    assert!(
        (crlf.p_spam() - verdict.p_spam()).abs() <= 1e-9,
        "{} != {}",
        crlf.p_spam(),
        verdict.p_spam()
    );
    for (a, b) in crlf.lines().iter().zip(verdict.lines()) {
        assert_eq!(a.class, b.class, "line {}", a.index);
    }
}

/// One line verdict per line of the document, a class exactly for the non-blank lines,
/// and finite probabilities.
fn check_verdict(text: &str, verdict: &Verdict) {
    let doc = Document::new(text);
    assert_eq!(verdict.lines().len(), doc.lines().len());
    let p = verdict.p_spam();
    assert!(p.is_finite() && (0.0..=1.0).contains(&p), "p_spam {p}");
    for (i, (line, v)) in doc.lines().iter().zip(verdict.lines()).enumerate() {
        assert_eq!(v.index, i);
        assert_eq!(
            v.class.is_none(),
            line.is_blank(),
            "line {i}: {:?}",
            line.text
        );
        assert!(
            v.probs
                .iter()
                .all(|p| p.is_finite() && (0.0..=1.0).contains(p)),
            "line {i}: {:?}",
            v.probs
        );
        assert!(
            v.reasons
                .iter()
                .all(|r| r.value.is_finite() && r.contribution.is_finite()),
            "line {i}"
        );
    }
    assert!(
        verdict
            .reasons()
            .iter()
            .all(|r| r.value.is_finite() && r.contribution.is_finite())
    );
}

/// The cleaned text's lines are a subsequence of the document's lines.
fn check_clean(text: &str, cleaned: &str) {
    assert!(cleaned.len() <= text.len());
    if cleaned.is_empty() {
        return;
    }
    let doc = Document::new(text);
    let mut original = doc.lines().iter().map(|l| l.text);
    // A final line break closes the last kept line (see `clean_text`).
    for line in cleaned.strip_suffix('\n').unwrap_or(cleaned).split('\n') {
        assert!(
            original.any(|o| o == line),
            "cleaned line {line:?} is not in the document"
        );
    }
}
