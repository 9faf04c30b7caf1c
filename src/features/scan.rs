//! One pass over the characters of a line: the raw counts that the shape, script and
//! glued-word families turn into features.

use crate::chars::{ASCII_LOWER, CharInfo, SCRIPT_COUNT, Sc, is_closing, is_emoji, is_full_stop, is_ignorable, is_styled, is_terminal};
use crate::normalize::CharSink;

/// Raw counts of one line, from [`scan_line`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineScan {
    /// Characters (Unicode scalar values), white space included.
    pub chars: u32,
    /// Letters of any script.
    pub letters: u32,
    /// Upper-case letters.
    pub upper: u32,
    /// Lower-case letters.
    pub lower: u32,
    /// Decimal digits.
    pub digits: u32,
    /// Punctuation and symbols (not letters, digits, marks or white space).
    pub punct: u32,
    /// Letters by script bucket.
    pub scripts: [u32; SCRIPT_COUNT],
    /// Styled letters (mathematical, fullwidth, enclosed).
    pub styled: u32,
    /// Words of two or more styled letters written like a brand: in capitals, or with
    /// digits (`𝐊𝐔𝐒𝐔𝐌𝐀𝐓𝟎𝐓𝟎`, `𝐌𝐎𝐍𝐀𝟒𝐃`).
    pub styled_brands: u32,
    /// Invisible characters and soft hyphens ([`is_ignorable`]).
    pub invisible: u32,
    /// Emoji.
    pub emoji: u32,
    /// Words of spaced scripts (runs of word characters).
    pub words: u32,
    /// Letters of scripts written without spaces (Han, Kana, Thai, ...).
    pub unspaced_letters: u32,
    /// Words whose first letter is cased.
    pub cased_words: u32,
    /// Words whose first letter is upper case.
    pub title_words: u32,
    /// Total length in characters of the words of spaced scripts.
    pub word_chars: u32,
    /// Longest word of a spaced script, in characters.
    pub max_word: u32,
    /// Words of spaced scripts of 16 characters or more.
    pub long_words: u32,
    /// Lower→upper case changes inside words, after two or more lower-case letters, counted
    /// in words with at least two of them (`NgaPutinvàChủtịch`, not `YouTube` or `VinaPhone`).
    pub camel: u32,
    /// Words where a run of two or more digits touches two or more letters that are not
    /// Chinese, Japanese or Korean (`sin88`, `𝐣𝐞𝐫𝐮𝐤𝟖𝟖`, `澳门xpj88`), not numbers on the
    /// units of those languages (`2016年度`, `100억원대`): that is how they write numbers.
    pub brand_words: u32,
    /// Words where digits run straight into three or more lower-case letters (`2023nhận`).
    pub digit_words: u32,
    /// Runs of four or more one-character words (`A L E X I S`).
    pub spaced_runs: u32,
    /// Words mixing letters of two scripts (Han and Kana count as one).
    pub switch_words: u32,
    /// Mostly Latin words with Cyrillic or Greek look-alike letters or letterlike symbols.
    pub lookalike_words: u32,
    /// Breadcrumb and list separators (`| » › >`).
    pub separators: u32,
    /// The byte offset of the first place where two texts were run together without a
    /// space (see [`Scanner`]): a spam title glued onto a news title (`online
    /// pharmaciesPolice in India`, `condiciones.La Dirección`, `Виагра»Борьба`).
    pub glue: Option<u32>,
    /// Words before the first colon, if a colon appears within the first 40 characters.
    pub words_before_colon: Option<u32>,
    /// The first non-space character.
    pub first: Option<char>,
    /// The last non-space character.
    pub last: Option<char>,
    /// Whether the line ends with sentence-final punctuation (closing quotes skipped).
    pub terminal: bool,
    /// Whether the line ends with a question mark.
    pub question: bool,
    /// Whether the line ends with a full stop (not `?`, `!` or an ellipsis), as sentences of
    /// running text do and headlines do not.
    pub full_stop: bool,
    /// Full stops inside the line that end a sentence another one follows (`aku. Tetapi`,
    /// `完成。记者`): the line holds more than one sentence, whatever its end. A `.` counts
    /// before a space only (not `3.2` or `condiciones.La`), after a word of two letters or
    /// more (not `1. Daftar` or `J. K.`) and before a letter; an ellipsis never (`...`,
    /// `. . .`). Abbreviations of two letters or more (`Mr. Smith`) do count.
    pub inner_stops: u32,
}

impl LineScan {
    /// Word units: words of spaced scripts plus one unit per two letters of unspaced ones.
    pub fn word_units(&self) -> u32 {
        self.words + self.unspaced_letters.div_ceil(2)
    }

    /// The script with most letters, if the line has letters.
    pub fn main_script(&self) -> Option<Sc> {
        main_script(&self.scripts)
    }
}

/// The script bucket with the most letters in `counts`, if any.
pub fn main_script(counts: &[u32; SCRIPT_COUNT]) -> Option<Sc> {
    let (i, n) = counts.iter().enumerate().max_by_key(|(i, n)| (**n, usize::MAX - i))?;
    (*n > 0).then(|| Sc::ALL[i])
}

/// State of the word being scanned.
#[derive(Default)]
struct Word {
    chars: u32,
    letters: u32,
    scripts: u16,
    /// Plain Latin letters: neither look-alikes nor styled.
    latin: u32,
    /// Look-alikes of Latin letters ([`CharInfo::is_lookalike`]).
    lookalike: u32,
    /// Of those, letterlike symbols (`ℯ`).
    letterlike: u32,
    lower_run: u32,
    /// The script of the last letter and the letters of that script in a row.
    last_script: Option<Sc>,
    script_run: u32,
    camel: u32,
    digit_run: u32,
    letter_run: u32,
    prev_digit_run: u32,
    /// Letters of the current run since its last Chinese, Japanese or Korean letter: the
    /// letters that can make a brand with digits.
    brand_tail: u32,
    /// `brand_tail` of the letters just before the current run of digits.
    prev_brand_tail: u32,
    lower_after_digits: bool,
    /// Styled letters, upper-case letters and digits of the word.
    styled: u32,
    upper: u32,
    digits: u32,
    brand: bool,
    digit_word: bool,
    spaced: bool,
    /// The word follows a full stop that closed a lower-case word with no space between
    /// (`com` in `eldroob.com`): perhaps a domain's ending.
    after_dot: bool,
    /// A capital right after the word's first two to six letters, all lower-case, when it
    /// follows a full stop (`eldroob.comPolícia`): the capital's offset in characters and the
    /// number of letters before it. A glue point if those letters are a top-level domain.
    domain_end: Option<(u32, u32)>,
}

impl Word {
    /// Adds `n` letters to the word's current run of letters (starting one after digits):
    /// `lower` when all are lower-case, `brandable` when none is Chinese, Japanese or Korean.
    /// Digits and the letters touching them make a brand (`sin88`) or a digit word (`2023nhận`).
    #[inline]
    fn add_letters(&mut self, n: u32, lower: bool, brandable: bool) {
        if self.letter_run == 0 {
            self.prev_digit_run = self.digit_run;
            self.digit_run = 0;
            self.lower_after_digits = true;
            self.brand_tail = 0;
        }
        self.letter_run += n;
        self.lower_after_digits &= lower;
        self.brand_tail = if brandable { self.brand_tail + n } else { 0 };
        self.brand |= self.prev_digit_run >= 2 && self.brand_tail >= 2 && self.brand_tail == self.letter_run;
        self.digit_word |= self.prev_digit_run >= 1 && self.letter_run >= 3 && self.lower_after_digits;
    }
}

/// Scans `line` once and returns its counts. Runs of ASCII lower-case letters, most of the
/// text of most languages written in Latin letters, are counted a run at a time.
pub fn scan_line(line: &str) -> LineScan {
    let mut scanner = Scanner::default();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase() {
            let run = bytes[i..].iter().take_while(|b| b.is_ascii_lowercase()).count();
            scanner.push_lower_run(run as u32);
            i += run;
        } else if b.is_ascii() {
            scanner.push(b as char, CharInfo::of(b as char));
            i += 1;
        } else {
            let c = line[i..].chars().next().expect("a character starts here");
            scanner.push(c, CharInfo::of(c));
            i += c.len_utf8();
        }
    }
    scanner.finish(line)
}

/// Scans `line` one character at a time, as [`scan_line`] must count it.
#[cfg(test)]
fn scan_line_by_char(line: &str) -> LineScan {
    let mut scanner = Scanner::default();
    for c in line.chars() {
        scanner.push(c, CharInfo::of(c));
    }
    scanner.finish(line)
}

/// A line scan fed one character (or one run of ASCII lower-case letters) at a time, for
/// callers that already walk the characters (normalisation does): `push` every character of
/// the line in order, then `finish`.
///
/// A glue point (`LineScan::glue`) is where one text runs into the next with no space: an
/// upper-case letter after four or more lower-case ones inside a word (`pharmaciesPolice`,
/// not `YouTube` or `WordPress`), a switch of script after three or more letters inside a
/// word (`GeneralNEWครม`; Han, Kana and the look-alikes excepted, which mix with Latin
/// letters as a matter of course), a capital straight after sentence punctuation that
/// closed a lower-case word (`condiciones.La`, `Виагра»Борьба`), or a capital right after a
/// top-level domain (`eldroob.comPolícia`, not `this.setState`).
#[derive(Default)]
pub struct Scanner {
    s: LineScan,
    word: Word,
    single_run: u32,
    in_word: bool,
    /// The last character, when it was sentence punctuation right after a lower-case word.
    closed_by: Option<char>,
    /// A full stop was read and no word since: `Some(true)` once it may end a sentence (a
    /// space followed it, or it is not `.`).
    stop: Option<bool>,
    /// The last character was `.`.
    dot: bool,
    /// The first [`Word::domain_end`] of the line.
    domain_end: Option<(u32, u32)>,
}

impl CharSink for Scanner {
    fn char(&mut self, c: char, info: CharInfo) {
        self.push(c, info);
    }

    fn lower_run(&mut self, run: &str) {
        self.push_lower_run(run.len() as u32);
    }
}

impl Scanner {
    /// Takes the next character of the line and its facts.
    #[inline]
    pub fn push(&mut self, c: char, info: CharInfo) {
        // Counted, so that character offsets stay offsets into the line.
        self.s.chars += 1;
        if !c.is_ascii() && !info.is_word() && is_ignorable(c) {
            // Read through: a zero-width space inside a word does not end it.
            self.s.invisible += 1;
            return;
        }
        self.note_stop(c, info);
        if info.is_word() {
            self.open_word(info);
            scan_word_char(&mut self.s, &mut self.word, info);
        } else {
            let closes = self.in_word && self.word.lower_run >= 3 && is_glue_punct(c);
            if self.in_word {
                self.close_word();
            }
            self.closed_by = closes.then_some(c);
            scan_other_char(&mut self.s, c, info);
        }
    }

    /// Follows full stops for [`LineScan::inner_stops`]: a full stop right after a word of
    /// two letters or more (not `1.` or `J.`) that a space (or, after `。`, nothing) and a
    /// word starting with a letter follow counts one.
    fn note_stop(&mut self, c: char, info: CharInfo) {
        if info.is_word() {
            if self.stop == Some(true) && info.is_alpha() {
                self.s.inner_stops += 1;
            }
            self.stop = None;
        } else if is_full_stop(c) {
            // A second dot, spaced or not, makes an ellipsis, which ends no sentence.
            let ends_word = self.in_word && self.word.letters >= 2;
            self.stop = (ends_word && !(c == '.' && self.dot)).then_some(c != '.');
        } else if self.stop.is_some() && info.is_whitespace() {
            self.stop = Some(true);
        }
        self.dot = c == '.' || (self.dot && info.is_whitespace());
    }

    /// Takes `n` ASCII lower-case letters in a row: what `n` pushes of them would count.
    pub fn push_lower_run(&mut self, n: u32) {
        self.note_stop('a', ASCII_LOWER);
        self.s.chars += n;
        self.open_word(ASCII_LOWER);
        self.word.chars += n;
        lower_letters(&mut self.s, &mut self.word, n);
    }

    /// Starts a word at a word character unless one is open.
    fn open_word(&mut self, first: CharInfo) {
        if !self.in_word {
            if self.closed_by.is_some() && first.is_upper() {
                mark_glue(&mut self.s, 1);
            }
            self.word = Word { spaced: true, after_dot: self.closed_by == Some('.'), ..Word::default() };
            self.in_word = true;
            first_letter(&mut self.s, first);
        }
    }

    /// Ends the open word: counts it, and keeps its domain ending if it is the line's first.
    fn close_word(&mut self) {
        end_word(&mut self.s, &self.word, &mut self.single_run);
        self.domain_end = self.domain_end.or(self.word.domain_end);
        self.in_word = false;
    }

    /// The counts of `line`, whose characters were all pushed.
    pub fn finish(mut self, line: &str) -> LineScan {
        if self.in_word {
            self.close_word();
        }
        let s = &mut self.s;
        // A capital after a top-level domain is where the next text starts, unless the line
        // glued earlier (`this.setState` and `page.php?catId` end in no domain).
        if let Some((at, _)) = self.domain_end.filter(|&(at, len)| ends_in_tld(line, at, len)) {
            s.glue = Some(s.glue.map_or(at, |g| g.min(at)));
        }
        if self.single_run >= 4 {
            s.spaced_runs += 1;
        }
        let trimmed = line.trim();
        s.first = trimmed.chars().next();
        s.last = trimmed.chars().next_back();
        finish_ending(s, line);
        // Glue points were counted in characters; the line's text gives their bytes.
        s.glue = s.glue.and_then(|k| line.char_indices().nth(k as usize)).map(|(b, _)| b as u32);
        self.s
    }
}

fn first_letter(s: &mut LineScan, c: CharInfo) {
    if c.is_upper() || c.is_lower() {
        s.cased_words += 1;
        if c.is_upper() {
            s.title_words += 1;
        }
    }
}

fn scan_word_char(s: &mut LineScan, w: &mut Word, c: CharInfo) {
    w.chars += 1;
    if c == ASCII_LOWER {
        // Fast path for the commonest character class: an ASCII lower-case letter.
        lower_letters(s, w, 1);
        return;
    }
    if c.is_digit() {
        s.digits += 1;
        if w.digit_run == 0 {
            w.prev_brand_tail = w.brand_tail;
            w.letter_run = 0;
        }
        w.digit_run += 1;
        w.digits += 1;
        w.lower_run = 0;
        w.brand |= w.digit_run >= 2 && w.prev_brand_tail >= 2;
        return;
    }
    if !c.is_alpha() {
        return; // a combining mark or joiner: part of the word, not a letter
    }
    let sc = c.script();
    s.letters += 1;
    s.styled += c.is_styled() as u32;
    w.styled += c.is_styled() as u32;
    w.letters += 1;
    if sc.is_letter_script() {
        s.scripts[sc.index()] += 1;
        w.scripts |= 1 << switch_group(sc).index();
        if same_script(w, sc, 1) && !c.is_lookalike() {
            mark_glue(s, 1);
        }
    }
    w.latin += (sc == Sc::Latin && !c.is_lookalike() && !c.is_styled()) as u32;
    w.lookalike += c.is_lookalike() as u32;
    // Letterlike symbols are the look-alikes of script Common (the others are Cyrillic or Greek).
    w.letterlike += (c.is_lookalike() && sc == Sc::Common) as u32;
    w.spaced &= sc.is_spaced();
    if !sc.is_spaced() {
        s.unspaced_letters += 1;
    }
    w.add_letters(1, c.is_lower(), !matches!(sc, Sc::Han | Sc::Kana | Sc::Hangul));
    scan_case(s, w, c);
}

/// Counts `n` ASCII lower-case letters in a row inside the word `w`.
fn lower_letters(s: &mut LineScan, w: &mut Word, n: u32) {
    s.letters += n;
    s.lower += n;
    s.scripts[Sc::Latin.index()] += n;
    w.letters += n;
    w.latin += n;
    w.scripts |= 1 << Sc::Latin.index();
    if same_script(w, Sc::Latin, n) {
        mark_glue(s, n);
    }
    w.add_letters(n, true, true);
    w.lower_run += n;
}

fn scan_case(s: &mut LineScan, w: &mut Word, c: CharInfo) {
    if c.is_upper() {
        s.upper += 1;
        w.upper += 1;
        if w.lower_run >= 2 {
            w.camel += 1;
        }
        if w.lower_run >= 4 {
            mark_glue(s, 1);
        }
        if w.after_dot && w.digits == 0 && w.letters == w.lower_run + 1 && (2..=6).contains(&w.lower_run) {
            w.domain_end = Some((s.chars - 1, w.lower_run));
        }
        w.lower_run = 0;
    } else if c.is_lower() {
        s.lower += 1;
        w.lower_run += 1;
    } else {
        w.lower_run = 0;
    }
}

/// Counts `n` letters of script `sc` into the word's current run of one script. True when
/// they switch scripts after three or more letters of another (Han and Kana excepted, which
/// mix with Latin letters as a matter of course): a glue point.
fn same_script(w: &mut Word, sc: Sc, n: u32) -> bool {
    if w.last_script == Some(sc) {
        w.script_run += n;
        return false;
    }
    let mixes = |s: Sc| matches!(s, Sc::Han | Sc::Kana);
    let glue = w.last_script.is_some_and(|last| w.script_run >= 3 && !mixes(last) && !mixes(sc));
    w.last_script = Some(sc);
    w.script_run = n;
    glue
}

/// Marks a glue point at the first of the last `n` characters counted, unless the line
/// has one already or it is within the first three characters.
fn mark_glue(s: &mut LineScan, n: u32) {
    let at = s.chars - n;
    if s.glue.is_none() && at >= 3 {
        s.glue = Some(at);
    }
}

/// Top-level domains a keyword title's host name ends in (`bet kings-eldroob.comPolícia`);
/// `in`, `is`, `to`, `it`, `my` and `me` left out, which end words of code (`this.myValue`).
const TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "xyz", "top", "vip", "club", "online", "site", "shop", "live", "io", "co",
    "cc", "tv", "bet", "win", "asia", "pro", "br", "ru", "vn", "uk", "de", "fr", "es", "pt", "nl", "pl", "tr", "th",
    "cn", "jp", "kr", "mx", "cl", "pe", "ph", "sg", "au", "ca", "us", "eu", "ua", "kz", "id", "ro",
];

/// Whether the `len` characters of `line` before character `at` are a top-level domain.
fn ends_in_tld(line: &str, at: u32, len: u32) -> bool {
    let tld: String = line.chars().skip((at - len) as usize).take(len as usize).collect();
    TLDS.contains(&tld.as_str())
}

/// Punctuation that ends a sentence or a quotation, after which a space is expected.
fn is_glue_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '»' | '”' | '"' | ')' | '」' | '』' | '】')
}

/// Han and Kana are written together inside Japanese words; they do not count as a switch.
fn switch_group(sc: Sc) -> Sc {
    if sc == Sc::Kana { Sc::Han } else { sc }
}

fn end_word(s: &mut LineScan, w: &Word, single_run: &mut u32) {
    if w.letters == 0 && w.chars == 0 {
        return;
    }
    if w.spaced {
        s.words += 1;
        s.word_chars += w.chars;
        s.max_word = s.max_word.max(w.chars);
        s.long_words += (w.chars >= 16) as u32;
    }
    if w.camel >= 2 {
        s.camel += w.camel;
    }
    s.brand_words += w.brand as u32;
    s.digit_words += w.digit_word as u32;
    s.styled_brands += (w.styled >= 2 && (w.digits > 0 || w.upper == w.letters)) as u32;
    // A Latin word with a few Cyrillic or Greek look-alikes (`AЕRО`) or letterlike symbols
    // (`thℯ`) is a filter-dodging trick; a Cyrillic word with one Latin `i` (`Мiнска`) is
    // only a typing habit, and a letterlike symbol beside one letter is mathematics (`ⅆx`,
    // `ℝⁿ`, `ℯˣ`).
    let lookalike = w.lookalike > 0 && w.latin >= w.lookalike && (w.letterlike == 0 || w.latin >= 2);
    s.switch_words += (w.scripts.count_ones() >= 2 && !lookalike) as u32;
    s.lookalike_words += lookalike as u32;
    if w.chars == 1 {
        *single_run += 1;
    } else {
        if *single_run >= 4 {
            s.spaced_runs += 1;
        }
        *single_run = 0;
    }
}

/// Counts a character outside words; invisible ones never come here ([`Scanner::push`]
/// reads through them).
fn scan_other_char(s: &mut LineScan, c: char, info: CharInfo) {
    if info.is_whitespace() {
        return;
    }
    if is_emoji(c) {
        s.emoji += 1;
        return;
    }
    if is_styled(c) {
        s.styled += 1;
    }
    s.punct += 1;
    if matches!(c, '|' | '»' | '›' | '>' | '•' | '·') {
        s.separators += 1;
    }
    if (c == ':' || c == '：') && s.words_before_colon.is_none() && s.chars <= 40 {
        s.words_before_colon = Some(s.words + s.unspaced_letters.div_ceil(2));
    }
}

fn finish_ending(s: &mut LineScan, line: &str) {
    let tail = line.trim_end().trim_end_matches(is_closing);
    if let Some(c) = tail.chars().next_back() {
        s.terminal = is_terminal(c);
        s.question = matches!(c, '?' | '？' | '؟');
        s.full_stop = is_full_stop(c) && !tail.ends_with("..");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glue points: where a title runs into the next text, and not in brand names.
    #[test]
    fn finds_glue_points() {
        fn at(line: &str) -> Option<&str> {
            scan_line(line).glue.map(|b| &line[b as usize..])
        }
        assert_eq!(at("Reliable online pharmaciesPolice in India"), Some("Police in India"));
        assert_eq!(at("determinadas condiciones.La Dirección"), Some("La Dirección"));
        assert_eq!(at("«Царь – Виагра»Борьба с азартными"), Some("Борьба с азартными"));
        assert_eq!(at("GeneralNEWครม.เห็นชอบ"), Some("NEWครม.เห็นชอบ"));
        assert_eq!(at("số bao nhiêu tiềnTheo quy định"), Some("Theo quy định"));
        assert_eq!(at("bet kings-eldroob.comPolícia apreende"), Some("Polícia apreende"));
        assert_eq!(at("casino-site.onlineBest slots"), Some("Best slots"));
        for clean in ["Watch it on YouTube or WordPress.", "Mr. Smith said. The end.", "使用iPhone手机拍照", "U.S.A", "AЕRО slot", "e.g. Vue.js", "mysite.com/News", "this.setState({})",
            "arr.forEach(f)", "page.php?catId=3", "www.myHeritage.com", "React.useState", "report.docX"] {
            assert_eq!(scan_line(clean).glue, None, "{clean}");
        }
    }

    /// Sentence ends inside a line: a full stop before another word, not a decimal point,
    /// a glue point or an ellipsis.
    #[test]
    fn counts_inner_sentence_ends() {
        let stops = |line: &str| scan_line(line).inner_stops;
        assert_eq!(stops("Aku tahu bahwa kalian mencemaskan aku. Tetapi kalian harus percaya «Россия»"), 1);
        assert_eq!(stops("First one. Second one. Third one."), 2, "the last stop ends the line");
        assert_eq!(stops("完成。记者报道"), 1);
        assert_eq!(stops("नमस्कार दोस्तों। आज हम"), 1);
        assert_eq!(stops("He said \"no.\" Then he left"), 1, "a closing quote after the stop");
        for none in [
            "Harga naik 3.2 juta", "determinadas condiciones.La Dirección", "Wait... what is this", "Wait . . . what",
            "One sentence.", "1. Daftar situs", "J. K. Rowling", ". Next", "Harga 2024. 5 juta",
        ] {
            assert_eq!(stops(none), 0, "{none}");
        }
    }

    /// Runs of lower-case letters counted at once count what the characters one by one do,
    /// on tricky lines and on every sentence of the Leipzig corpora (when beside the
    /// checkout).
    #[test]
    fn run_scan_equals_character_scan() {
        let mut lines: Vec<String> = [
            "TheổngthốngNgaPutinvàChủtịch", "sin88 2023nhận abc12def", "A L E X I S", "x", "", "abc",
            "Sumber: Reuters", "AЕRО slot", "ab1cd2ef33gh", "aaBB", "é", "aku. Tetapi", "Wait... what",
            "a . . b", "word.\" next", "3.2 juta", "澳门新葡京xpj88 abc年88 88ab年 2016年度",
        ]
        .iter()
        .map(|l| l.to_string())
        .collect();
        if let Ok(dir) = std::fs::read_dir("../shared/corpora/leipzig-sentences") {
            for entry in dir.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "txt")) {
                lines.extend(std::fs::read_to_string(entry.path()).unwrap().lines().map(str::to_string));
            }
        }
        for line in &lines {
            assert_eq!(scan_line(line), scan_line_by_char(line), "{line:?}");
        }
    }

    #[test]
    fn counts_glued_title() {
        let s = scan_line("TheổngthốngNgaPutinvàChủtịchTrungQuốcTậpCậnBìnhđiệnđàbxh cúp c2o TASS");
        assert!(s.camel >= 6, "camel {}", s.camel);
        assert!(s.max_word >= 40);
        assert_eq!(s.long_words, 1);
    }

    #[test]
    fn counts_brands_and_digit_glue() {
        let s = scan_line("Main di MEGABET99 dan sin88, mulai 2023nhận 2024");
        assert_eq!(s.brand_words, 3, "MEGABET99, sin88, 2023nhận");
        assert_eq!(s.digit_words, 1);
        let brands = |line: &str| scan_line(line).brand_words;
        assert_eq!(brands("該集團被指自2016年起經營網上博彩業務"), 0, "a year in Chinese");
        assert_eq!(brands("경찰, 100억원대 사설 도박 사이트 운영해온 일당 검거"), 0, "a sum in Korean");
        assert_eq!(brands("平成30年度の宝くじ 2024年度版"), 0, "years in Japanese");
        assert_eq!(brands("ufabet888 สล็อต168เว็บตรง"), 2, "Thai letters make brands with digits");
        assert_eq!(brands("main di 𝐣𝐞𝐫𝐮𝐤𝟖𝟖 dan ρüℓAυ777 ΒΕΤ777"), 3, "styled, Greek and look-alike letters");
        // The letters that touch the digits decide, in either order.
        assert_eq!(brands("澳门新葡京xpj88 访问yh888 88ab年"), 3);
        assert_eq!(brands("abc年88 88年abc"), 0);
    }

    #[test]
    fn counts_spaced_letters_and_styles() {
        let s = scan_line("Asli di 💞 A L E X I S 1 7 💞 sensasi 𝐌𝐄𝐆𝐀");
        assert_eq!(s.spaced_runs, 1);
        assert_eq!(s.emoji, 2);
        assert_eq!(s.styled, 4);
        assert_eq!(s.styled_brands, 1, "a styled word in capitals");
        let brands = |line: &str| scan_line(line).styled_brands;
        assert_eq!(brands("main di 𝐌𝐎𝐍𝐀𝟒𝐃 dan 𝐣𝐞𝐫𝐮𝐤𝟖𝟖"), 2, "styled with digits");
        assert_eq!(brands("The 𝐠𝐫𝐚𝐧𝐝 recipe book, 𝑁𝑒𝑤 edition"), 0, "styled words in their own case");
        assert_eq!(brands("sl\u{200b}ot gac\u{ad}or"), 0);
        assert_eq!(scan_line("sl\u{200b}ot gac\u{ad}or").words, 2, "invisible characters do not split words");
    }

    #[test]
    fn script_switch_inside_words() {
        assert_eq!(scan_line("(责任编辑:Nhận Định Bóng Đá)").switch_words, 0);
        assert_eq!(scan_line("Nhận定 Bóng").switch_words, 1);
        assert_eq!(scan_line("AЕRО").lookalike_words, 1);
        assert_eq!(scan_line("AЕR𝐎").lookalike_words, 1);
        assert_eq!(scan_line("Мiнска").lookalike_words, 0);
        // Letterlike symbols for Latin letters inside words; alone they are mathematics.
        // (`ℴf`, one plain letter beside one, is let go with the mathematics.)
        assert_eq!(scan_line("Trade name ℴf thℯ medicⅈnal product").lookalike_words, 2);
        assert_eq!(scan_line("for every x in ℝ and n in ℕ, 5 ℓ").lookalike_words, 0);
        assert_eq!(scan_line("ℝⁿ ℤₙ ℯˣ ⅆx ℹ️Info").lookalike_words, 0);
        assert_eq!(scan_line("東京タワーに行った").switch_words, 0);
    }

    #[test]
    fn endings_and_words() {
        let s = scan_line("Mức phạt lỗi vượt đèn đỏ ô tô bao nhiêu tiền?");
        assert!(s.question && s.terminal && !s.full_stop);
        assert!(!scan_line("Những đứa trẻ vụt sáng thành sao nhờ...").full_stop);
        assert!(scan_line("Ông nói vậy.").full_stop);
        assert!(scan_line("Ամբողջը միացնում ենք իրար և լավ խառնում ենք։").full_stop, "Armenian full stop");
        assert!(scan_line("ဒီနေ့ မိုးရွာတယ်။").full_stop, "Myanmar full stop");
        assert_eq!(s.words, 11);
        let s = scan_line("“Kami akan terus,” ujar Ibu Zakharova.”");
        assert!(s.terminal);
        let s = scan_line("Sumber: Reuters");
        assert_eq!(s.words_before_colon, Some(1));
        let s = scan_line("कज़ाकिस्तान में");
        assert_eq!(s.words, 2, "marks stay inside Devanagari words");
    }
}
