//! Text normalisation for lexicon matching: NFKC, lower case, look-alike and digit folding,
//! invisible characters dropped, spaced letters joined, and a diacritics-stripped form.
//!
//! Each undoes a trick spammers use to dodge keyword filters. NFKC turns styled letters
//! (`𝐌𝐄𝐆𝐀𝐁𝐄𝐓`, `ＢＥＴ`) into plain ones; look-alike folding turns a Cyrillic `Е` inside a
//! Latin word into `e`; digit folding turns `g4c0r` into `gacor`; zero-width spaces and
//! soft hyphens inside a word are dropped (`sl\u{200b}ot` is `slot`); spaced letters are
//! joined (`s l o t  g a c o r` is `slot gacor`); stripping diacritics turns `nhà cái` into
//! `nha cai`, because spammers drop Vietnamese tones.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::chars::{ASCII_LOWER, CharInfo, Sc, fold_lookalike, is_ignorable, is_latin_lookalike, push_lower, script_of};

/// Appends the normalised form of `line` to `out`: NFKC, lower-cased, with Cyrillic and
/// Greek look-alikes folded to Latin inside words that also hold Latin letters.
pub fn normalize_into(line: &str, out: &mut String) {
    normalize_words_into(line, out, |_| {}, &mut ());
}

/// What [`normalize_words_into`] tells of the characters of the lines it walks.
pub trait CharSink {
    /// The next character of the line, and its facts.
    fn char(&mut self, c: char, info: CharInfo);

    /// The next characters of the line: a run of ASCII lower-case letters.
    fn lower_run(&mut self, run: &str) {
        for c in run.chars() {
            self.char(c, ASCII_LOWER);
        }
    }
}

/// Nothing to tell.
impl CharSink for () {
    fn char(&mut self, _: char, _: CharInfo) {}
    fn lower_run(&mut self, _: &str) {}
}

/// Like [`normalize_into`], and hands every normalised word (a run of word characters) to
/// `on_word` as it is finished, so that callers need not split the text again. Lines that
/// are not ASCII are walked, and each of their characters goes to `sink` (runs of ASCII
/// lower-case letters a run at a time); the function returns `true`. ASCII lines take a
/// fast path (lower-casing only), `sink` hears nothing of them and it returns `false`.
///
/// Lines that are not ASCII are copied character by character while NFKC's quick check
/// allows; only the stretches it does not (a no-break space, an ellipsis, marks out of
/// order) go through the full normalisation, cut at the stable characters around them.
pub fn normalize_words_into(line: &str, out: &mut String, mut on_word: impl FnMut(&str), sink: &mut impl CharSink) -> bool {
    if line.is_ascii() {
        normalize_ascii(line, out, on_word);
        return false;
    }
    let mut word = WordFold::default();
    // Where the last stable character starts, in `line` and in `out`.
    let (mut stable_in, mut stable_out) = (0, out.len());
    let mut last_ccc = 0u8;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_lowercase() {
            // Stable characters that are already lower case: copied as they are.
            let n = bytes[i..].iter().take_while(|b| b.is_ascii_lowercase()).count();
            let run = &line[i..i + n];
            sink.lower_run(run);
            word.open_at(out.len());
            out.push_str(run);
            (stable_in, stable_out, last_ccc) = (i + n - 1, out.len() - 1, 0);
            i += n;
            continue;
        }
        let c = line[i..].chars().next().expect("a character starts here");
        let info = CharInfo::of(c);
        sink.char(c, info);
        if info.is_nfkc_stable() {
            (stable_in, last_ccc) = (i, 0);
            stable_out = word.push(c, info, out, &mut on_word);
            i += c.len_utf8();
            continue;
        }
        if info.is_nfkc_yes() {
            let ccc = canonical_combining_class(c);
            if ccc == 0 || ccc >= last_ccc {
                last_ccc = ccc;
                word.push(c, info, out, &mut on_word);
                i += c.len_utf8();
                continue;
            }
        }
        // Normalise from the last stable character to the next one, replacing what was
        // written of it.
        let mut end = i + c.len_utf8();
        for d in line[end..].chars() {
            let info = CharInfo::of(d);
            if info.is_nfkc_stable() {
                break;
            }
            sink.char(d, info);
            end += d.len_utf8();
        }
        out.truncate(stable_out);
        word.retract(stable_out);
        for n in line[stable_in..end].nfkc() {
            word.push(n, CharInfo::of(n), out, &mut on_word);
        }
        last_ccc = 0;
        i = end;
    }
    word.finish(out, &mut on_word);
    true
}

/// Lower-cases an ASCII line into `out`, folds digits written for letters, and hands out
/// its words.
fn normalize_ascii(line: &str, out: &mut String, mut on_word: impl FnMut(&str)) {
    let start = out.len();
    out.push_str(line);
    out[start..].make_ascii_lowercase();
    if line.bytes().any(|b| b.is_ascii_digit()) {
        fold_digits(out, start);
    }
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
}

/// Tracks the word being written so that look-alikes can be folded once the word is known
/// to mix Latin letters with Cyrillic or Greek ones.
#[derive(Default)]
struct WordFold {
    start: usize,
    lookalike: bool,
    digits: bool,
    open: bool,
}

impl WordFold {
    fn open_at(&mut self, start: usize) {
        if !self.open {
            *self = WordFold { start, open: true, ..WordFold::default() };
        }
    }

    /// Writes `c` lower-cased; returns where its text starts in `out` (a finished word
    /// may have been rewritten before it).
    fn push(&mut self, c: char, info: CharInfo, out: &mut String, on_word: &mut impl FnMut(&str)) -> usize {
        if !info.is_word() {
            if is_ignorable(c) {
                // Invisible inside a word: the word goes on.
                return out.len();
            }
            self.finish(out, on_word);
        } else {
            self.open_at(out.len());
            self.lookalike |= info.is_lookalike();
            self.digits |= c.is_ascii_digit();
        }
        let start = out.len();
        push_lower(c, out);
        start
    }

    /// Forgets the word if it started at or after `len`, where `out` was cut back to.
    fn retract(&mut self, len: usize) {
        if self.open && self.start >= len {
            self.open = false;
        }
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
        if self.digits {
            fold_digits(out, self.start);
        }
        on_word(&out[self.start..]);
        self.open = false;
    }
}

/// The letter an ASCII digit stands for when it is written inside a word: `g4c0r`,
/// `s3x`, `w1n`.
fn digit_letter(b: u8) -> Option<u8> {
    match b {
        b'0' => Some(b'o'),
        b'1' => Some(b'i'),
        b'3' => Some(b'e'),
        b'4' => Some(b'a'),
        b'5' => Some(b's'),
        b'7' => Some(b't'),
        _ => None,
    }
}

/// Folds digits written for letters in `out[from..]`: a run of one or two such digits with
/// an ASCII letter on each side becomes letters (`g4c0r` → `gacor`, `b00k` → `book`).
/// Brands and numbers keep their digits: `sin88`, `kuwin88`, `bet365`, `1xbet`, `covid19`.
fn fold_digits(out: &mut String, from: usize) {
    let bytes = &out.as_bytes()[from..];
    let mut folds = Vec::new();
    let mut i = 1;
    while i < bytes.len() {
        if digit_letter(bytes[i]).is_none() || !bytes[i - 1].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let end = i + bytes[i..].iter().take_while(|b| digit_letter(**b).is_some()).count();
        if end - i <= 2 && bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
            folds.extend(i..end);
        }
        i = end;
    }
    for k in folds {
        let letter = digit_letter(out.as_bytes()[from + k]).expect("a folded digit");
        out.replace_range(from + k..from + k + 1, std::str::from_utf8(&[letter]).expect("ASCII"));
    }
}

/// `line` with its runs of four or more single letters or digits, spaced apart, joined
/// (`s l o t  g a c o r` → `slot gacor`: two spaces or more part words), or `None` when it
/// has none.
pub fn join_spaced_letters(line: &str) -> Option<String> {
    let pieces: Vec<&str> = line.split(' ').collect();
    let single = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(char::is_alphanumeric) && chars.next().is_none()
    };
    let mut out = String::with_capacity(line.len());
    let mut joined = false;
    let mut i = 0;
    while i < pieces.len() {
        if i > 0 {
            out.push(' ');
        }
        // The run: single characters, and the empty pieces of wider gaps between them.
        let (mut singles, mut last) = (0, i);
        for (k, p) in pieces.iter().enumerate().skip(i).take_while(|(k, p)| *k > i || single(p)) {
            if single(p) {
                (singles, last) = (singles + 1, k);
            } else if !p.is_empty() {
                break;
            }
        }
        if singles < 4 {
            out.push_str(pieces[i]);
            i += 1;
            continue;
        }
        for k in i..=last {
            match pieces[k] {
                "" if !pieces[k - 1].is_empty() => out.push(' '),
                p => out.push_str(p),
            }
        }
        joined = true;
        i = last + 1;
    }
    joined.then_some(out)
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
    fn evasions_are_undone() {
        assert_eq!(normalize("SL\u{200b}OT gac\u{ad}or d\u{2060}aftar"), "slot gacor daftar");
        assert_eq!(normalize("G4C0R s3x w1n b00k"), "gacor sex win book");
        assert_eq!(normalize("sin88 kuwin88 bet365 1xbet covid19 4g x86 2023nhận"), "sin88 kuwin88 bet365 1xbet covid19 4g x86 2023nhận");
        assert_eq!(normalize("nhà c4i g4c0r"), "nhà cai gacor");
        assert_eq!(join_spaced_letters("s l o t  g a c o r 88").as_deref(), Some("slot gacor 88"));
        assert_eq!(join_spaced_letters("Đ Ă N G  K Ý ngay").as_deref(), Some("ĐĂNG KÝ ngay"));
        assert_eq!(join_spaced_letters("a b c here, and I am x"), None);
        assert_eq!(join_spaced_letters("  x y z w").as_deref(), Some("  xyzw"));
        assert_eq!(join_spaced_letters("plain text"), None);
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
        let walked = normalize_words_into("Xin CHÀO, thế giới 2024! AЕRО", &mut out, |w| words.push(w.to_string()), &mut ());
        assert!(walked);
        assert_eq!(out, "xin chào, thế giới 2024! aero");
        assert_eq!(words, vec!["xin", "chào", "thế", "giới", "2024", "aero"]);
    }

    /// The whole line through NFKC, the way chaff normalised before it learned to
    /// normalise only the stretches that need it.
    fn reference(line: &str) -> (String, Vec<String>) {
        let (mut out, mut words) = (String::new(), Vec::new());
        let mut word = WordFold::default();
        let mut on_word = |w: &str| words.push(w.to_string());
        for c in line.nfkc() {
            word.push(c, CharInfo::of(c), &mut out, &mut on_word);
        }
        word.finish(&mut out, &mut on_word);
        (out, words)
    }

    fn check_against_reference(line: &str) {
        struct Chars(String);
        impl CharSink for Chars {
            fn char(&mut self, c: char, _: CharInfo) {
                self.0.push(c);
            }
        }
        let (mut out, mut words, mut chars) = (String::new(), Vec::new(), Chars(String::new()));
        normalize_words_into(line, &mut out, |w| words.push(w.to_string()), &mut chars);
        let chars = chars.0;
        assert_eq!((out, words), reference(line), "{line:?}");
        if !line.is_ascii() {
            assert_eq!(chars, line, "every character goes to on_char once");
        }
    }

    #[test]
    fn piecewise_nfkc_equals_whole_line_nfkc() {
        for line in [
            "giá\u{a0}vàng…", "\u{0301}abc", " \u{0301}x", "a\u{0302}\u{0323} ok", "Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t",
            "ﬁnance ＢＥＴ８８ ½", "\u{1100}\u{1161}\u{11A8} 한국", "क़ानून हिन्दी", "ภาษาไทย่่", "𝐌𝐄𝐆𝐀𝐁𝐄𝐓 x", "AЕRО\u{a0}slot",
            "ﾃﾞｰﾀ", "㍻", "AЕRО x\u{a0}", "AЕRО \u{a0}", "AЕRО\u{a0}", "a \u{094d}\u{a0}b", "e\u{0301}\u{0301}\u{0323}", "\u{a0}", "…",
        ] {
            check_against_reference(line);
        }
    }

    /// The same on every sentence of the Leipzig corpora (75 languages), when they are
    /// beside the checkout.
    #[test]
    fn piecewise_nfkc_equals_whole_line_nfkc_on_the_leipzig_corpora() {
        let Ok(dir) = std::fs::read_dir("../shared/corpora/leipzig-sentences") else { return };
        for entry in dir.flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                text.lines().for_each(check_against_reference);
            }
        }
    }

    #[test]
    fn stripping_keeps_other_scripts() {
        assert_eq!(strip_diacritics("सट्टा"), "सट्टा");
    }
}
