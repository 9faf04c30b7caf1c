//! Text normalisation for lexicon matching: NFKC, lower case, look-alike folding, and a
//! diacritics-stripped form.
//!
//! NFKC turns styled letters (`𝐌𝐄𝐆𝐀𝐁𝐄𝐓`, `ＢＥＴ`) into plain ones; look-alike folding turns
//! a Cyrillic `Е` inside a Latin word into `e`; stripping diacritics turns `nhà cái` into
//! `nha cai`, because spammers drop Vietnamese tones to dodge filters.

use unicode_normalization::UnicodeNormalization;

use crate::chars::{CharInfo, Sc, fold_lookalike, is_latin_lookalike, is_nfkc, push_lower, script_of};

/// Appends the normalised form of `line` to `out`: NFKC, lower-cased, with Cyrillic and
/// Greek look-alikes folded to Latin inside words that also hold Latin letters.
pub fn normalize_into(line: &str, out: &mut String) {
    normalize_words_into(line, out, |_| {}, |_, _| {});
}

/// Like [`normalize_into`], and hands every normalised word (a run of word characters) to
/// `on_word` as it is finished, so that callers need not split the text again. Lines that
/// are NFKC already (and not ASCII) are walked character by character: each character and
/// its facts go to `on_char` too, and the function returns `true`; otherwise `on_char` sees
/// nothing and it returns `false`.
///
/// ASCII lines take a fast path (lower-casing only); lines in NFKC skip the NFKC pass.
pub fn normalize_words_into(
    line: &str,
    out: &mut String,
    mut on_word: impl FnMut(&str),
    mut on_char: impl FnMut(char, CharInfo),
) -> bool {
    if line.is_ascii() {
        let start = out.len();
        out.push_str(line);
        out[start..].make_ascii_lowercase();
        let bytes = &out.as_bytes()[start..];
        let mut word_start = None;
        for (i, b) in bytes.iter().enumerate() {
            match (word_start, b.is_ascii_alphanumeric()) {
                (None, true) => word_start = Some(i),
                (Some(w), false) => {
                    on_word(&out[start + w..start + i]);
                    word_start = None;
                }
                _ => {}
            }
        }
        if let Some(w) = word_start {
            on_word(&out[start + w..]);
        }
        return false;
    }
    let mut word = WordFold::default();
    let walked = is_nfkc(line);
    if walked {
        for c in line.chars() {
            let info = CharInfo::of(c);
            on_char(c, info);
            word.push(c, info, out, &mut on_word);
        }
    } else {
        for c in line.nfkc() {
            word.push(c, CharInfo::of(c), out, &mut on_word);
        }
    }
    word.finish(out, &mut on_word);
    walked
}

/// Tracks the word being written so that look-alikes can be folded once the word is known
/// to mix Latin letters with Cyrillic or Greek ones.
#[derive(Default)]
struct WordFold {
    start: usize,
    lookalike: bool,
    open: bool,
}

impl WordFold {
    fn open_at(&mut self, start: usize) {
        if !self.open {
            *self = WordFold { start, open: true, ..WordFold::default() };
        }
    }

    fn push(&mut self, c: char, info: CharInfo, out: &mut String, on_word: &mut impl FnMut(&str)) {
        if !info.is_word() {
            self.finish(out, on_word);
            push_lower(c, out);
            return;
        }
        self.open_at(out.len());
        self.lookalike |= info.is_lookalike();
        push_lower(c, out);
    }

    fn finish(&mut self, out: &mut String, on_word: &mut impl FnMut(&str)) {
        if !self.open {
            return;
        }
        // Look-alikes are rare: only then is the word checked for real Latin letters.
        let mixed = || out[self.start..].chars().any(|c| script_of(c) == Sc::Latin && !is_latin_lookalike(c));
        if self.lookalike && mixed() {
            let folded: String = out[self.start..].chars().map(fold_lookalike).collect();
            out.truncate(self.start);
            out.push_str(&folded);
        }
        on_word(&out[self.start..]);
        self.open = false;
    }
}

/// Appends `text` without Latin diacritics to `out`: `nhà cái` → `nha cai`, `đá` → `da`.
/// Combining marks of other scripts (Devanagari vowel signs) are kept.
pub fn strip_diacritics_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.push_str(text);
        return;
    }
    for c in text.nfd() {
        match c {
            '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' => {}
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'ı' => out.push('i'),
            _ => out.push(c),
        }
    }
}

/// The normalised form of `text` as a new string (see [`normalize_into`]).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// The diacritics-stripped form of `text` as a new string (see [`strip_diacritics_into`]).
pub fn strip_diacritics(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    strip_diacritics_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styled_letters_become_plain() {
        assert_eq!(normalize("Seru main di 𝐌𝐄𝐆𝐀𝐁𝐄𝐓𝟗𝟗"), "seru main di megabet99");
        assert_eq!(normalize("ＢＥＴ８８"), "bet88");
    }

    #[test]
    fn lookalikes_fold_only_inside_latin_words() {
        assert_eq!(normalize("AЕRО slot"), "aero slot");
        assert_eq!(normalize("Россия"), "россия");
    }

    #[test]
    fn vietnamese_keeps_tones_until_stripped() {
        let n = normalize("Nhà Cái Uy Tín");
        assert_eq!(n, "nhà cái uy tín");
        assert_eq!(strip_diacritics(&n), "nha cai uy tin");
        assert_eq!(strip_diacritics("Đề Đá ộ ư"), "De Da o u");
    }

    #[test]
    fn words_are_handed_out() {
        let mut out = String::new();
        let mut words = Vec::new();
        let walked = normalize_words_into("Xin CHÀO, thế giới 2024! AЕRО", &mut out, |w| words.push(w.to_string()), |_, _| {});
        assert!(walked);
        assert_eq!(out, "xin chào, thế giới 2024! aero");
        assert_eq!(words, vec!["xin", "chào", "thế", "giới", "2024", "aero"]);
    }

    #[test]
    fn stripping_keeps_other_scripts() {
        assert_eq!(strip_diacritics("सट्टा"), "सट्टा");
    }
}
