//! Character classes shared by the feature extractors: writing-system buckets, styled and
//! invisible characters, emoji and sentence terminators.
//!
//! Everything here works on single `char`s and has an ASCII fast path, because it runs on
//! every character of every document.

use std::sync::LazyLock;

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};

/// A writing system, coarse enough to compare a line with its document.
///
/// `Common` covers digits, punctuation, symbols and spaces; `Inherited` covers combining
/// marks. Neither counts as a letter of any script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Sc {
    /// Digits, punctuation, symbols, spaces.
    Common = 0,
    /// Combining marks that take the script of their base letter.
    Inherited,
    /// Latin letters (incl. Vietnamese).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Han ideographs (Chinese, Japanese kanji).
    Han,
    /// Hiragana and Katakana.
    Kana,
    /// Hangul.
    Hangul,
    /// Thai.
    Thai,
    /// Arabic.
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Devanagari (Hindi, Marathi, Nepali).
    Devanagari,
    /// Other Brahmic scripts of South and South-East Asia (Bengali, Tamil, Khmer, Lao, ...).
    Brahmic,
    /// Any other script.
    Other,
}

/// Number of [`Sc`] buckets, for fixed-size count arrays.
pub const SCRIPT_COUNT: usize = 14;

impl Sc {
    /// Index into a `[_; SCRIPT_COUNT]` array.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether words in this script are separated by spaces. Chinese, Japanese, Thai (and the
    /// other South-East Asian Brahmic scripts) are written without spaces between words.
    pub fn is_spaced(self) -> bool {
        !matches!(self, Sc::Han | Sc::Kana | Sc::Thai | Sc::Brahmic)
    }

    /// Whether this bucket holds letters of a real script (not `Common`/`Inherited`).
    pub fn is_letter_script(self) -> bool {
        !matches!(self, Sc::Common | Sc::Inherited)
    }

    /// Short stable name, used in explanations.
    pub fn name(self) -> &'static str {
        match self {
            Sc::Common => "common",
            Sc::Inherited => "inherited",
            Sc::Latin => "latin",
            Sc::Cyrillic => "cyrillic",
            Sc::Greek => "greek",
            Sc::Han => "han",
            Sc::Kana => "kana",
            Sc::Hangul => "hangul",
            Sc::Thai => "thai",
            Sc::Arabic => "arabic",
            Sc::Hebrew => "hebrew",
            Sc::Devanagari => "devanagari",
            Sc::Brahmic => "brahmic",
            Sc::Other => "other",
        }
    }

    /// All buckets, in index order.
    pub const ALL: [Sc; SCRIPT_COUNT] = [
        Sc::Common,
        Sc::Inherited,
        Sc::Latin,
        Sc::Cyrillic,
        Sc::Greek,
        Sc::Han,
        Sc::Kana,
        Sc::Hangul,
        Sc::Thai,
        Sc::Arabic,
        Sc::Hebrew,
        Sc::Devanagari,
        Sc::Brahmic,
        Sc::Other,
    ];
}

/// Per-character facts of the Basic Multilingual Plane, computed once: the script bucket
/// (low 4 bits) and flags. `char::is_alphabetic` and `char::script` are table searches,
/// and they run on every character of every document.
static BMP: LazyLock<Box<[u16]>> =
    LazyLock::new(|| (0..=0xFFFFu32).map(|cp| char::from_u32(cp).map_or(0, compute_info)).collect());

/// The facts of `c` as [`CharInfo`] stores them, computed from the Unicode tables.
fn compute_info(c: char) -> u16 {
    let alpha = c.is_alphabetic();
    let yes = nfkc_yes(c);
    // Stable: a starter that NFKC leaves alone and that never composes with a preceding
    // character, so a string of such characters is NFKC already.
    let stable = yes && unicode_normalization::char::canonical_combining_class(c) == 0;
    compute_script(c) as u16
        | (alpha as u16) << 4
        | ((!alpha && c.is_numeric()) as u16) << 5
        | (compute_mark(c) as u16) << 6
        | (c.is_uppercase() as u16) << 7
        | (c.is_lowercase() as u16) << 8
        | (is_styled(c) as u16) << 9
        | (is_latin_lookalike(c) as u16) << 10
        | (stable as u16) << 11
        | (c.is_whitespace() as u16) << 12
        | (yes as u16) << 13
}

/// Everything chaff asks about a character, looked up once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharInfo(u16);

impl CharInfo {
    /// The facts of `c`: a table lookup in the BMP, computed outside it.
    #[inline]
    pub fn of(c: char) -> CharInfo {
        if c.is_ascii() {
            return ASCII_INFO[c as usize];
        }
        CharInfo(bmp(c).unwrap_or_else(|| compute_info(c)))
    }

    /// The script bucket.
    pub fn script(self) -> Sc {
        Sc::ALL[(self.0 & 0x0F) as usize]
    }

    /// A letter (`Alphabetic`).
    pub fn is_alpha(self) -> bool {
        self.0 & ALPHA != 0
    }

    /// A digit (`Numeric` and not a letter).
    pub fn is_digit(self) -> bool {
        self.0 & DIGIT != 0
    }

    /// A character that belongs inside a word (see [`is_word_char`]).
    pub fn is_word(self) -> bool {
        self.0 & (ALPHA | DIGIT | MARK) != 0
    }

    /// Upper case.
    pub fn is_upper(self) -> bool {
        self.0 & UPPER != 0
    }

    /// Lower case.
    pub fn is_lower(self) -> bool {
        self.0 & LOWER_CASE != 0
    }

    /// A styled letter (see [`is_styled`]).
    pub fn is_styled(self) -> bool {
        self.0 & STYLED != 0
    }

    /// A Cyrillic or Greek look-alike of a Latin letter, or a letterlike symbol (see
    /// [`is_latin_lookalike`]).
    pub fn is_lookalike(self) -> bool {
        self.0 & LOOKALIKE != 0
    }

    /// White space.
    pub fn is_whitespace(self) -> bool {
        self.0 & WHITESPACE != 0
    }

    /// A starter (combining class 0) that NFKC leaves alone and that never composes with
    /// what precedes it: text can be normalised piecewise, cut before such characters.
    pub fn is_nfkc_stable(self) -> bool {
        self.0 & NFKC_STABLE != 0
    }

    /// NFKC's quick check says Yes for the character alone (it may still need reordering
    /// among combining marks).
    pub fn is_nfkc_yes(self) -> bool {
        self.0 & NFKC_YES != 0
    }
}

/// The lower-case form of each BMP character whose lower case is one BMP character (0 for
/// the others, which take `char::to_lowercase`).
static LOWER: LazyLock<Box<[u16]>> = LazyLock::new(|| {
    (0..=0xFFFFu32)
        .map(|cp| {
            let Some(c) = char::from_u32(cp) else { return 0 };
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if (l as u32) <= 0xFFFF => l as u32 as u16,
                _ => 0,
            }
        })
        .collect()
});

const ALPHA: u16 = 1 << 4;
const DIGIT: u16 = 1 << 5;
const MARK: u16 = 1 << 6;
const UPPER: u16 = 1 << 7;
const LOWER_CASE: u16 = 1 << 8;
const STYLED: u16 = 1 << 9;
const LOOKALIKE: u16 = 1 << 10;
const NFKC_STABLE: u16 = 1 << 11;
const WHITESPACE: u16 = 1 << 12;
const NFKC_YES: u16 = 1 << 13;

/// Whether the NFKC quick check of `c` alone is Yes.
fn nfkc_yes(c: char) -> bool {
    use unicode_normalization::{IsNormalized, is_nfkc_quick};
    is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// The [`CharInfo`] of every ASCII lower-case letter (they are all alike, and so are most
/// other lower-case Latin letters, `ệ` among them).
pub const ASCII_LOWER: CharInfo = CharInfo(Sc::Latin as u16 | ALPHA | LOWER_CASE | NFKC_STABLE | NFKC_YES);

/// [`CharInfo`] of the ASCII characters, computed at compile time: most characters of most
/// text are ASCII, and this table needs no initialisation check.
static ASCII_INFO: [CharInfo; 128] = {
    let mut table = [CharInfo(0); 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        let mut v = if b.is_ascii_alphabetic() { Sc::Latin as u16 | ALPHA } else { Sc::Common as u16 };
        if b.is_ascii_digit() {
            v |= DIGIT;
        }
        if b.is_ascii_uppercase() {
            v |= UPPER;
        }
        if b.is_ascii_lowercase() {
            v |= LOWER_CASE;
        }
        if b.is_ascii_whitespace() || b == 0x0B {
            v |= WHITESPACE;
        }
        table[i] = CharInfo(v | NFKC_STABLE | NFKC_YES);
        i += 1;
    }
    table
};

#[inline]
fn bmp(c: char) -> Option<u16> {
    BMP.get(c as usize).copied()
}

/// Appends the lower-case form of `c` to `out`.
#[inline]
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match LOWER.get(c as usize).copied().filter(|&l| l != 0).and_then(|l| char::from_u32(l as u32)) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// The script bucket of a character.
#[inline]
pub fn script_of(c: char) -> Sc {
    CharInfo::of(c).script()
}

fn compute_script(c: char) -> Sc {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() { Sc::Latin } else { Sc::Common };
    }
    // Blocks taken whole: the common ones of chaff's languages (the kana block's prolonged
    // sound mark `ー`, Common in Unicode, counts as Kana).
    match c as u32 {
        0x00C0..=0x024F if c != '×' && c != '÷' => return Sc::Latin,
        0x1E00..=0x1EFF => return Sc::Latin,
        0x0300..=0x036F => return Sc::Inherited,
        0x0400..=0x04FF => return Sc::Cyrillic,
        0x0900..=0x0963 | 0x0966..=0x097F => return Sc::Devanagari,
        0x0E01..=0x0E3A | 0x0E40..=0x0E5B => return Sc::Thai,
        0x3041..=0x30FF => return Sc::Kana,
        0x4E00..=0x9FFF => return Sc::Han,
        0xAC00..=0xD7A3 => return Sc::Hangul,
        _ => {}
    }
    if is_styled(c) {
        // Mathematical and fullwidth letters are Common in Unicode, but they stand for
        // Latin letters: count them as Latin so that "𝐌𝐄𝐆𝐀" mixes with nothing.
        return if c.is_alphabetic() { Sc::Latin } else { Sc::Common };
    }
    match c.script() {
        Script::Latin => Sc::Latin,
        Script::Cyrillic => Sc::Cyrillic,
        Script::Greek => Sc::Greek,
        Script::Han => Sc::Han,
        Script::Hiragana | Script::Katakana => Sc::Kana,
        Script::Hangul => Sc::Hangul,
        Script::Thai => Sc::Thai,
        Script::Arabic => Sc::Arabic,
        Script::Hebrew => Sc::Hebrew,
        Script::Devanagari => Sc::Devanagari,
        Script::Bengali
        | Script::Gurmukhi
        | Script::Gujarati
        | Script::Oriya
        | Script::Tamil
        | Script::Telugu
        | Script::Kannada
        | Script::Malayalam
        | Script::Sinhala
        | Script::Lao
        | Script::Khmer
        | Script::Myanmar
        | Script::Tibetan => Sc::Brahmic,
        Script::Common | Script::Unknown => Sc::Common,
        Script::Inherited => Sc::Inherited,
        _ => Sc::Other,
    }
}

/// Whether `c` is a letter (Unicode `Alphabetic`).
#[inline]
pub fn is_alpha(c: char) -> bool {
    CharInfo::of(c).is_alpha()
}

/// Whether `c` is a letter-like character that belongs inside a word: a letter, a combining
/// mark (Devanagari vowel signs, Vietnamese tone marks in decomposed text) or a digit.
#[inline]
pub fn is_word_char(c: char) -> bool {
    CharInfo::of(c).is_word()
}

/// Whether `c` is a combining mark (general category M*: Brahmic vowel signs and viramas,
/// Hebrew points and cantillation, Arabic and Cyrillic combining marks) or of the Inherited
/// script (which adds the joiners ZWJ and ZWNJ and the variation selectors), or one of the
/// Myanmar signs `၌ ၍ ၎ ၏`, punctuation to Unicode but written as words (`၏` the genitive,
/// `၎င်း` a pronoun). The punctuation and currency signs of the Brahmic blocks (`।`, `॥`,
/// `॰`, `၊`, `෴`, `৳`) are not marks.
fn compute_mark(c: char) -> bool {
    !c.is_ascii()
        && (c.general_category_group() == GeneralCategoryGroup::Mark
            || c.script() == Script::Inherited
            || matches!(c, '\u{104C}'..='\u{104F}'))
}

/// Styled letters: mathematical alphanumerics (`𝐌𝐄𝐆𝐀`), fullwidth forms (`ＡＢＣ`),
/// enclosed and circled letters (`Ⓐ`, `🅰`), small capitals and modifier letters used as
/// decoration. Spammers use them to dodge keyword filters.
#[inline]
pub fn is_styled(c: char) -> bool {
    matches!(c as u32,
        0x1D400..=0x1D7FF      // mathematical alphanumeric symbols
        | 0xFF10..=0xFF19      // fullwidth digits
        | 0xFF21..=0xFF3A      // fullwidth Latin capitals
        | 0xFF41..=0xFF5A      // fullwidth Latin small letters
        | 0x24B6..=0x24E9      // circled Latin letters
        | 0x1F130..=0x1F189    // squared / negative squared Latin letters
        | 0x1F1E6..=0x1F1FF    // regional indicator letters
        | 0x1D00..=0x1D2B      // small capitals
        | 0x2070..=0x209C      // superscript and subscript letters
    )
}

/// Invisible characters that have no place in running text: zero-width space, word joiner,
/// byte-order mark, invisible operators, bidirectional controls, Hangul fillers. (Soft
/// hyphens are left out: sites use them for hyphenation; joiners are left out: Indic and
/// Persian text needs them.)
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x180E | 0x200B | 0x2060..=0x2064 | 0xFEFF
        | 0x202A..=0x202E | 0x2066..=0x2069 | 0x115F | 0x1160 | 0x3164 | 0xFFA0
    )
}

/// Characters that are not there for a reader: the [invisible](is_invisible) ones and soft
/// hyphens, which spammers put inside words to split them for filters. Words are read
/// through them (normalisation drops them; the scanner does not end a word at them).
/// Joiners (ZWJ, ZWNJ) are marks inside words already.
#[inline]
pub fn is_ignorable(c: char) -> bool {
    c == '\u{ad}' || is_invisible(c)
}

/// Emoji and pictographs (a coarse range check; variation selectors excluded).
#[inline]
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1F5FF | 0x1F600..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF
        | 0x1FA70..=0x1FAFF | 0x2600..=0x26FF | 0x2700..=0x27BF | 0x1F004 | 0x1F0CF
    )
}

/// Sentence-final punctuation in the scripts chaff knows: `. ! ? …`, the full stops of
/// [`is_full_stop`], and the CJK and Arabic exclamation and question marks (Thai has none).
pub fn is_terminal(c: char) -> bool {
    is_full_stop(c) || matches!(c, '!' | '?' | '…' | '！' | '？' | '؟')
}

/// A full stop: `.` and its CJK, Devanagari (`।` `॥`), Urdu (`۔`), Armenian (`։`), Ethiopic
/// (`።`), Myanmar (`။`), Khmer (`។`) and Tibetan (`།`) forms. A line of Armenian sentences
/// ends in `։`, and is prose, not a headline.
pub fn is_full_stop(c: char) -> bool {
    matches!(c, '.' | '。' | '｡' | '।' | '॥' | '۔' | '։' | '።' | '။' | '។' | '།')
}

/// Closing quotes and brackets that may follow the final punctuation of a sentence.
pub fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '」' | '』' | ')' | '）' | '›' | '*')
}

/// Whether the letter `c` in a word of script `Latin` is a look-alike from Cyrillic or Greek
/// (`а е о р с х у і ѕ ј Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Χ Υ`), or a letterlike symbol that stands
/// for a Latin letter (`ℯ ℴ ⅈ ℊ ℍ`: `thℯ mℯdⅈcⅈnal product`). Used to spot `AЕR𝐎`-style words.
pub fn is_latin_lookalike(c: char) -> bool {
    is_letterlike(c) || matches!(c,
        'а' | 'е' | 'о' | 'р' | 'с' | 'х' | 'у' | 'і' | 'ѕ' | 'ј' | 'һ' | 'ԁ' | 'ԛ' | 'ԝ'
        | 'А' | 'В' | 'Е' | 'К' | 'М' | 'Н' | 'О' | 'Р' | 'С' | 'Т' | 'Х' | 'У' | 'І' | 'Ѕ' | 'Ј'
        | 'Α' | 'Β' | 'Ε' | 'Ζ' | 'Η' | 'Ι' | 'Κ' | 'Μ' | 'Ν' | 'Ο' | 'Ρ' | 'Τ' | 'Χ' | 'Υ'
        | 'ο' | 'ν' | 'α'
    )
}

/// Letterlike symbols that compatibility normalisation (NFKC) maps to one Latin letter: the
/// double-struck, script and black-letter letters of mathematics (`ℂ ℊ ℋ ℍ ℎ ℐ ℒ ℕ ℙ ℝ ℤ ℯ ℴ
/// ⅈ ⅉ`). Left out: the litre sign `ℓ` and the ohm, kelvin and ångström signs, which
/// measurements write, and `ℹ`, the information sign of the `ℹ️` emoji. Their script is
/// Common, unlike the Cyrillic and Greek look-alikes; NFKC folds them for the lexicons.
fn is_letterlike(c: char) -> bool {
    matches!(c as u32,
        0x2102 | 0x210A..=0x210E | 0x2110..=0x2112 | 0x2115 | 0x2119..=0x211D | 0x2124 | 0x2128
        | 0x212C..=0x212D | 0x212F..=0x2131 | 0x2133..=0x2134 | 0x2145..=0x2149
    )
}

/// Maps a Cyrillic or Greek look-alike letter to the Latin letter it imitates.
pub fn fold_lookalike(c: char) -> char {
    match c {
        'а' | 'А' | 'Α' | 'α' => 'a',
        'В' | 'Β' => 'b',
        'е' | 'Е' | 'Ε' => 'e',
        'Ζ' => 'z',
        'Н' | 'Η' | 'һ' => 'h',
        'і' | 'І' | 'Ι' => 'i',
        'ј' | 'Ј' => 'j',
        'К' | 'Κ' => 'k',
        'М' | 'Μ' => 'm',
        'Ν' => 'n',
        'о' | 'О' | 'Ο' | 'ο' => 'o',
        'р' | 'Р' | 'Ρ' => 'p',
        'с' | 'С' => 'c',
        'ѕ' | 'Ѕ' => 's',
        'Т' | 'Τ' => 't',
        'х' | 'Х' | 'Χ' => 'x',
        'у' | 'У' | 'Υ' => 'y',
        'ν' => 'v',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! script_cases {
        ($($c:expr => $sc:expr),* $(,)?) => {
            $(assert_eq!(script_of($c), $sc, "script of {:?}", $c);)*
        };
    }

    /// Brahmic vowel signs are parts of words; the full stops in their blocks end them.
    #[test]
    fn brahmic_marks_and_full_stops() {
        for mark in ['ो', 'ं', '्', 'ั', 'ေ', '၏', '\u{0591}', '\u{FE0F}'] {
            assert!(is_word_char(mark), "{mark}");
        }
        for stop in ['।', '॥', '။', '၊', '॰', '৽', '૰', '෴', '৳'] {
            assert!(!is_word_char(stop), "{stop}");
        }
    }

    #[test]
    fn scripts_of_characters() {
        script_cases! {
            'a' => Sc::Latin, 'ệ' => Sc::Latin, '7' => Sc::Common, ' ' => Sc::Common,
            'я' => Sc::Cyrillic, '编' => Sc::Han, 'の' => Sc::Kana, 'ก' => Sc::Thai,
            'ह' => Sc::Devanagari, 'ع' => Sc::Arabic, '한' => Sc::Hangul, '𝐌' => Sc::Latin,
            'Ｗ' => Sc::Latin, '\u{0301}' => Sc::Inherited,
        }
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for cp in (0x80u32..0xFFFF).chain(0x1D400..0x1D800) {
            let Some(c) = char::from_u32(cp) else { continue };
            assert_eq!(is_alpha(c), c.is_alphabetic(), "is_alpha({c:?} U+{cp:04X})");
            let slow = match c.script() {
                Script::Latin => Some(Sc::Latin),
                Script::Cyrillic => Some(Sc::Cyrillic),
                Script::Han => Some(Sc::Han),
                Script::Hangul => Some(Sc::Hangul),
                Script::Thai => Some(Sc::Thai),
                Script::Devanagari => Some(Sc::Devanagari),
                Script::Hiragana | Script::Katakana => Some(Sc::Kana),
                _ => None,
            };
            if let (Some(slow), false) = (slow, is_styled(c)) {
                assert_eq!(script_of(c), slow, "script_of({c:?} U+{cp:04X})");
            }
        }
    }

    #[test]
    fn the_ascii_table_is_what_the_unicode_tables_say() {
        for b in 0..128u8 {
            assert_eq!(ASCII_INFO[b as usize], CharInfo(compute_info(b as char)), "{:?}", b as char);
        }
    }

    #[test]
    fn char_info_agrees_with_the_functions() {
        for c in ['a', 'Z', '7', ' ', '\t', '\u{0B}', '\u{1F}', '~', '\u{A0}', 'ệ', 'Đ', 'я', 'Е', '编', 'の', 'ก', '\u{0E31}', 'ह', '\u{094D}', '𝐌', 'Ｗ', '💞', '\u{200D}', 'ℯ', 'ℓ', 'ℹ'] {
            let i = CharInfo::of(c);
            assert_eq!(i.script(), script_of(c), "{c:?}");
            assert_eq!(i.is_alpha(), is_alpha(c), "{c:?}");
            assert_eq!(i.is_digit(), !c.is_alphabetic() && c.is_numeric(), "{c:?}");
            assert_eq!(i.is_word(), is_word_char(c), "{c:?}");
            assert_eq!(i.is_upper(), c.is_uppercase(), "{c:?}");
            assert_eq!(i.is_styled(), is_styled(c), "{c:?}");
            assert_eq!(i.is_lookalike(), is_latin_lookalike(c), "{c:?}");
            assert_eq!(i.is_whitespace(), c.is_whitespace(), "{c:?}");
            if c.is_ascii() {
                assert_eq!(i == ASCII_LOWER, c.is_ascii_lowercase(), "{c:?}");
            }
        }
    }

    #[test]
    fn case_tables_agree_with_unicode() {
        for cp in 0x80u32..0x3000 {
            let Some(c) = char::from_u32(cp) else { continue };
            assert_eq!(CharInfo::of(c).is_upper(), c.is_uppercase(), "{c:?}");
            assert_eq!(CharInfo::of(c).is_lower(), c.is_lowercase(), "{c:?}");
            let mut ours = String::new();
            push_lower(c, &mut ours);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn word_chars_include_marks() {
        // Devanagari vowel sign AA and virama are parts of words.
        assert!(is_word_char('\u{093E}'));
        assert!(is_word_char('\u{094D}'));
        assert!(is_word_char('é'));
        assert!(!is_word_char('-'));
        assert!(!is_word_char('。'));
    }

    #[test]
    fn styled_and_invisible() {
        assert!(is_styled('𝐌'));
        assert!(is_styled('Ａ'));
        assert!(!is_styled('A'));
        assert!(is_invisible('\u{200B}'));
        assert!(!is_invisible('\u{200D}'));
        assert!(is_emoji('💞'));
    }

    #[test]
    fn lookalikes_fold_to_latin() {
        let folded: String = "AЕRО".chars().map(fold_lookalike).collect();
        assert_eq!(folded.to_lowercase(), "aero");
        assert!(is_latin_lookalike('Е'));
        assert!(!is_latin_lookalike('E'));
        assert!(is_latin_lookalike('ℯ') && is_latin_lookalike('ⅈ'));
        assert!(!is_latin_lookalike('ℓ'), "the litre sign is a unit");
        assert!(!is_latin_lookalike('ℹ'), "the information sign");
    }
}
