//! Script mixing: letters from another writing system than the document's, script changes
//! inside a word, look-alike letters, styled letters and invisible characters.

use super::{Analysis, log1, ratio};
use crate::chars::Sc;

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "script.foreign_frac",
    "script.switch_words",
    "script.lookalike",
    "script.styled",
    "script.invisible",
];

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

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let s = &a.lines[i].scan;
    out.copy_from_slice(&[
        ratio(foreign_letters(a, i), s.letters),
        log1(s.switch_words),
        // Only in Latin-script documents: Greek and Cyrillic text mixes in Latin letters by
        // keyboard habit (`Νοva`, `Мiнска`).
        if a.facts.main_script == Some(Sc::Latin) { log1(s.lookalike_words) } else { 0.0 },
        log1(s.styled),
        log1(s.invisible),
    ]);
}
