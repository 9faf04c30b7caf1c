//! Script mixing: letters from another writing system than the document's, script changes
//! inside a word, look-alike letters, styled letters and invisible characters.

use super::{Analysis, log1, ratio};
use crate::chars::{CharInfo, Sc};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "script.foreign_frac",
    "script.switch_words",
    "script.lookalike",
    "script.styled_promo",
    "script.invisible_promo",
    "script.tone_scramble",
];

/// Vietnamese tone marks (grave, acute, tilde, hook above, dot below) as combining marks.
fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}')
}

/// Share of a Vietnamese line's words that carry two tone marks or more. A Vietnamese
/// syllable carries one at most; pages that scatter tone marks over every vowel
/// (`trò chơĩ cá cùõc`) do it to dodge lexicons.
pub(crate) fn tone_scramble(line: &str) -> f32 {
    // Words are runs of letters and digits (`Alphabetic`, `Numeric`): a combining mark ends
    // one. Only words with a letter outside ASCII count.
    let (mut words, mut scrambled) = (0u32, 0u32);
    let (mut non_ascii, mut tones) = (false, 0u32);
    let mut end_word = |non_ascii: &mut bool, tones: &mut u32| {
        words += *non_ascii as u32;
        scrambled += (*non_ascii && *tones >= 2) as u32;
        (*non_ascii, *tones) = (false, 0);
    };
    for c in line.chars() {
        if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                end_word(&mut non_ascii, &mut tones);
            }
            continue;
        }
        let info = CharInfo::of(c);
        if info.is_alpha() || info.is_digit() {
            non_ascii = true;
            tones += tone_marks(c);
        } else {
            end_word(&mut non_ascii, &mut tones);
        }
    }
    end_word(&mut non_ascii, &mut tones);
    ratio(scrambled, words)
}

/// The tone marks a character carries, precomposed (`ễ`) or combining.
fn tone_marks(c: char) -> u32 {
    /// Latin letters with diacritics end before this code point.
    const END: usize = 0x1F00;
    /// Tone marks of U+0000..END, from each character's canonical decomposition.
    static TABLE: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        use unicode_normalization::UnicodeNormalization;
        (0..END as u32)
            .map(|u| char::from_u32(u).map_or(0, |c| std::iter::once(c).nfd().filter(|m| is_tone_mark(*m)).count() as u8))
            .collect()
    });
    TABLE.get(c as usize).map_or(0, |n| *n as u32)
}

/// Measures the tone scrambling of every line of a Vietnamese document.
pub(crate) fn analyze(a: &mut Analysis) {
    if a.facts.language.map(|g| g.code) != Some("vi") {
        return;
    }
    for (facts, line) in a.lines.iter_mut().zip(a.doc.lines()) {
        if !facts.blank {
            facts.tone_scramble = tone_scramble(line.text);
        }
    }
}

/// Letters of line `i` that are not in the document's main script.
pub(crate) fn foreign_letters(a: &Analysis, i: usize) -> u32 {
    let s = &a.lines[i].scan;
    match a.facts.main_script {
        Some(main) => s.letters - s.scripts[main.index()] - same_family(main, s),
        None => 0,
    }
}

/// Japanese mixes Han and Kana; neither is foreign in a Japanese document.
fn same_family(main: Sc, s: &super::scan::LineScan) -> u32 {
    match main {
        Sc::Han => s.scripts[Sc::Kana.index()],
        Sc::Kana => s.scripts[Sc::Han.index()],
        _ => 0,
    }
}

/// Whether line `i` promotes something by its words, its brands or its links: invisible
/// characters count only then. A stray zero-width space is an accident of editing; the
/// lexicons see through the ones put inside words (see [`crate::normalize`]).
fn promotes(a: &Analysis, i: usize) -> bool {
    let l = &a.lines[i];
    l.lex.spam_total() > 0 || l.brand_gambling > 0 || l.links.spam_hosts > 0
}

/// Whether the styled letters of line `i` count: on a line that promotes, or when they
/// spell a brand (`𝐊𝐔𝐒𝐔𝐌𝐀𝐓𝟎𝐓𝟎`). A styled word in a title is decoration.
pub(crate) fn styled_counts(a: &Analysis, i: usize) -> bool {
    a.lines[i].scan.styled_brands > 0 || promotes(a, i)
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let s = &a.lines[i].scan;
    let styled = styled_counts(a, i) as u8 as f32;
    let disguise = promotes(a, i) as u8 as f32;
    out.copy_from_slice(&[
        ratio(foreign_letters(a, i), s.letters),
        log1(s.switch_words),
        // Only in Latin-script documents: Greek and Cyrillic text mixes in Latin letters by
        // keyboard habit (`Νοva`, `Мiнска`).
        if a.facts.main_script == Some(Sc::Latin) { log1(s.lookalike_words) } else { 0.0 },
        styled * log1(s.styled),
        disguise * log1(s.invisible),
        a.lines[i].tone_scramble,
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrambled_tones_are_told_from_vietnamese() {
        assert_eq!(tone_scramble("Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu."), 0.0);
        assert!(tone_scramble("trò chơĩ cá cùõc đã tồn tạì từ rất lâũ đời") > 0.15);
    }
}
