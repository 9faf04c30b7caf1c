//! Boilerplate markers: the phrases that start site-template lines in many languages
//! (`Sumber:`, `Xem thêm:`, `Bình luận`, `©`), ad placeholders (`[iklan_2]`), comment
//! counters (`Komentar (0)`), CMS editor lines (`(责任编辑:…)`) and short credit lines at
//! the end of an article.

use super::{Analysis, shape};
use crate::chars::Sc;
use crate::resources::{MARKER_CATEGORIES, Resources};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "bp.ad",
    "bp.comments",
    "bp.source",
    "bp.read_also",
    "bp.share",
    "bp.copyright",
    "bp.breadcrumb",
    "bp.tags",
    "bp.credit",
    "bp.nav",
    "bp.date",
    "bp.placeholder",
    "bp.counter",
    "bp.editor",
    "bp.marker_whole",
    "bp.short_tail",
    "bp.editor_foreign",
];

/// Boilerplate evidence of one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct BpFacts {
    /// Marker categories of the phrase that starts the line, in [`MARKER_CATEGORIES`] bits.
    pub markers: u16,
    /// The marker phrase is the whole line.
    pub marker_whole: bool,
    /// `[iklan_2]`-shaped placeholder.
    pub placeholder: bool,
    /// `Komentar (0)`-shaped counter.
    pub counter: bool,
    /// CMS editor line (`责任编辑`).
    pub editor: bool,
}

impl BpFacts {
    /// Whether any boilerplate evidence fired.
    pub fn any(&self) -> bool {
        self.markers != 0 || self.placeholder || self.counter || self.editor
    }
}

/// Finds the markers and template shapes of every line.
pub(crate) fn analyze(a: &mut Analysis, r: &Resources) {
    for i in 0..a.lines.len() {
        if a.lines[i].blank {
            continue;
        }
        let norm = a.norm_line(i);
        let marker = r.markers.prefix_match(norm);
        let facts = BpFacts {
            markers: marker.map_or(0, |m| m.mask),
            marker_whole: marker.is_some_and(|m| m.whole),
            placeholder: is_placeholder(norm),
            counter: is_counter(norm),
            editor: is_editor(norm),
        };
        a.lines[i].bp = facts;
    }
}

/// `[iklan_2]`, `[quảng_cáo_2]`, `[विज्ञापन_2]`, `{ads}`: a short bracketed token.
fn is_placeholder(line: &str) -> bool {
    let t = line.trim();
    let inner = t
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .or_else(|| t.strip_prefix('{').and_then(|s| s.strip_suffix('}')));
    inner.is_some_and(|s| {
        let s = s.trim_matches(|c| c == '{' || c == '}');
        !s.is_empty()
            && s.chars().count() <= 40
            && (s.contains('_') || !s.contains(' '))
            && s.chars().any(char::is_alphabetic)
    })
}

/// `Komentar (0)`, `Bình luận (12)`, `12 comments`: a few words and a number.
fn is_counter(line: &str) -> bool {
    let t = line.trim();
    if t.chars().count() > 40 {
        return false;
    }
    let in_parens = t
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .is_some_and(|(head, n)| {
            !head.trim().is_empty() && !n.is_empty() && n.trim().chars().all(|c| c.is_ascii_digit())
        });
    let leading = t.split_whitespace().next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && (2..=3).contains(&t.split_whitespace().count());
    in_parens || leading
}

/// Chinese CMS editor lines: `(责任编辑:…)`, `编辑：…`.
fn is_editor(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == '(' || c == '（');
    t.starts_with("责任编辑") || t.starts_with("编辑:") || t.starts_with("编辑：")
}

/// A credit line: one of the last three lines after the body, at most six word units and
/// sixty characters, no digits, no final punctuation (`Nhật Hồng`, `Theo Reuters`).
fn is_short_tail(a: &Analysis, i: usize) -> bool {
    let s = &a.lines[i].scan;
    shape::rank_from_end(a, i) < 3
        && shape::after_body(a, i)
        && s.word_units() <= 6
        && s.chars <= 60
        && s.digits == 0
        && !s.terminal
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let bp = &a.lines[i].bp;
    for (bit, slot) in out.iter_mut().take(MARKER_CATEGORIES.len()).enumerate() {
        *slot = (bp.markers >> bit & 1) as f32;
    }
    let tail = &mut out[MARKER_CATEGORIES.len()..];
    tail.copy_from_slice(&[
        bp.placeholder as u8 as f32,
        bp.counter as u8 as f32,
        bp.editor as u8 as f32,
        bp.marker_whole as u8 as f32,
        is_short_tail(a, i) as u8 as f32,
        // A Chinese CMS editor line is template on a Chinese page; on a page in another
        // script it is a leaked spam template (`(责任编辑:Nhận Định Bóng Đá)`).
        (bp.editor && a.facts.main_script != Some(Sc::Han)) as u8 as f32,
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        assert!(is_placeholder("[iklan_2]"));
        assert!(is_placeholder("[quảng_cáo_2]"));
        assert!(is_placeholder("[विज्ञापन_2]"));
        assert!(!is_placeholder("[1]"));
        assert!(!is_placeholder("[Foto: Reuters, kiri ke kanan]"));
    }

    #[test]
    fn counters() {
        assert!(is_counter("komentar (0)"));
        assert!(is_counter("bình luận (12)"));
        assert!(is_counter("टिप्पणी (0)"));
        assert!(is_counter("12 comments"));
        assert!(!is_counter("(0)"));
        assert!(!is_counter("presiden joko widodo (kiri) dan wakil (2019)"));
    }

    #[test]
    fn editor_lines() {
        assert!(is_editor("(责任编辑:nhận định bóng đá)"));
        assert!(!is_editor("编辑部的故事"));
    }
}
