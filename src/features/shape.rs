//! Shape and position: length, words, digits, case, punctuation; where the line sits in
//! the document (first, last, before or after the body of the article).

use super::{Analysis, log1, ratio};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "shape.len_log",
    "shape.words_log",
    "shape.digit_frac",
    "shape.upper_frac",
    "shape.punct_frac",
    "shape.terminal",
    "shape.question",
    "shape.titlecase_frac",
    "shape.bracketed",
    "shape.colon_head",
    "shape.separators",
    "shape.emoji",
    "pos.rel",
    "pos.first",
    "pos.last",
    "pos.tail_rank",
    "pos.after_body",
    "pos.before_body",
];

/// A line is body text (prose) when it is a long sentence or paragraph: at least 12 word
/// units ending in a full stop or holding more than one sentence (a paragraph may end in a
/// quotation, a credit in brackets or a link), or at least 30 word units. Long clickbait
/// titles end in `?`, `!` or `...` and, holding one sentence, stay out of the body.
pub(crate) fn is_body(scan: &super::scan::LineScan) -> bool {
    let units = scan.word_units();
    (units >= 12 && (scan.full_stop || scan.inner_stops > 0)) || units >= 30
}

/// Marks body lines and records where the body starts and ends.
pub(crate) fn analyze(a: &mut Analysis) {
    for l in a.lines.iter_mut() {
        l.body = !l.blank && is_body(&l.scan);
    }
    a.facts.first_body = a.lines.iter().position(|l| l.body);
    a.facts.last_body = a.lines.iter().rposition(|l| l.body);
}

/// Rank of line `i` counted from the end among non-blank lines (0 for the last one).
pub(crate) fn rank_from_end(a: &Analysis, i: usize) -> u32 {
    let mut rank = 0;
    let mut j = a.next[i];
    while let Some(k) = j {
        rank += 1;
        j = a.next[k];
        if rank >= 8 {
            break;
        }
    }
    rank
}

/// Whether line `i` comes after the last body line.
pub(crate) fn after_body(a: &Analysis, i: usize) -> bool {
    a.facts.last_body.is_some_and(|b| i > b)
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let s = &a.lines[i].scan;
    let n = a.doc.lines().len().max(2) - 1;
    let cased = s.upper + s.lower;
    let colon_head = s.words_before_colon.is_some_and(|w| (1..=3).contains(&w));
    let bracketed = matches!(s.first, Some('(' | '[' | '{' | '（' | '【'))
        && matches!(s.last, Some(')' | ']' | '}' | '）' | '】'));
    out.copy_from_slice(&[
        log1(s.chars),
        log1(s.word_units()),
        ratio(s.digits, s.chars),
        ratio(s.upper, cased),
        ratio(s.punct, s.chars),
        s.terminal as u8 as f32,
        s.question as u8 as f32,
        ratio(s.title_words, s.cased_words),
        bracketed as u8 as f32,
        colon_head as u8 as f32,
        log1(s.separators),
        log1(s.emoji),
        i as f32 / n as f32,
        (a.facts.first_non_blank == Some(i)) as u8 as f32,
        (a.facts.last_non_blank == Some(i)) as u8 as f32,
        1.0 / (1.0 + rank_from_end(a, i) as f32),
        after_body(a, i) as u8 as f32,
        a.facts.first_body.is_some_and(|b| i < b) as u8 as f32,
    ]);
}

#[cfg(test)]
mod tests {
    use super::is_body;
    use crate::features::scan::scan_line;

    /// Paragraphs are body whatever their end; one-sentence titles of the same length are not.
    #[test]
    fn body_lines() {
        let body = |line: &str| is_body(&scan_line(line));
        assert!(body("Aku tahu bahwa kalian mencemaskan aku. Tetapi kalian harus percaya, bahwa mereka bukan hantu «Россия»"));
        assert!(!body("Aku tahu bahwa kalian harus percaya, bahwa mereka bukan hantu «Россия»"), "one sentence");
        assert!(body("Police arrested twelve people at the house on Monday, the district office said."));
        assert!(!body("You Won't Believe What This Village Found Under Its Old Football Pitch?"));
        assert!(!body("Wait... You Won't Believe What This Village Found Under Its Old Pitch"));
    }
}
