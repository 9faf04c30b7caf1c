//! Lexicons: gambling, adult, pharma and SEO phrases in many languages, and the vocabulary
//! of news reporting on crime and regulation, matched once per document with Aho-Corasick
//! over the normalised text (and over a diacritics-stripped form for lines written
//! without diacritics).

use super::coherence::Tokens;
use super::{Analysis, density, glued, log1};
use crate::model::vocab::pair_hash;
use crate::resources::{CTA_BIT, Hit, LexiconMatcher, NEWS_BIT, REGISTER_CATEGORIES, REGISTER_SHIFT, Resources, SPAM_CATEGORIES};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "lex.gambling",
    "lex.adult",
    "lex.pharma",
    "lex.seo",
    "lex.density",
    "lex.enforcement",
    "lex.cta",
    "lex.head",
];

/// Hits per hundred word units of the whole document (see [`density`]), computed once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Densities {
    pub spam: f32,
    pub enforcement: f32,
    pub cta: f32,
    /// In [`REGISTER_CATEGORIES`] order.
    pub register: [f32; REGISTER_CATEGORIES.len()],
    /// Promotion: spam terms, calls to action, the reader addressed, superlatives.
    pub promo: f32,
}

impl Densities {
    fn of(f: &super::DocFacts) -> Densities {
        let d = |hits| density(hits, f.units);
        Densities {
            spam: d(f.spam_hits),
            enforcement: d(f.enforcement_hits),
            cta: d(f.cta_hits),
            register: f.register_hits.map(d),
            promo: d(promo_hits(f.spam_hits, f.cta_hits, &f.register_hits)),
        }
    }
}

/// Promotion hits: spam terms, calls to action, the reader addressed and superlatives.
pub(crate) fn promo_hits(spam: u32, cta: u32, register: &[u32; REGISTER_CATEGORIES.len()]) -> u32 {
    spam + cta + register[1] + register[3]
}

/// The start of a line, in bytes of normalised text (about ten words), for [`LexFacts::head`].
const HEAD_BYTES: usize = 64;

/// Lexicon hits of one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct LexFacts {
    /// Hits per spam category, in [`SPAM_CATEGORIES`] order.
    pub spam: [u32; SPAM_CATEGORIES.len()],
    /// Characters of the line covered by spam hits.
    pub spam_chars: u32,
    /// News (enforcement) hits.
    pub enforcement: u32,
    /// Calls to action.
    pub cta: u32,
    /// Spam terms and calls to action that start in the line's first [`HEAD_BYTES`] bytes:
    /// a spam title glued onto a news title shows there.
    pub head: u32,
    /// The line's glue point in bytes (see [`LineScan::glue`](super::scan::LineScan)), or 0.
    pub glue: usize,
    /// Spam terms and calls to action that end before the line's glue point: a spam title
    /// run straight into the text that follows it.
    pub before_glue: u32,
    /// Register hits, in [`REGISTER_CATEGORIES`] order.
    pub register: [u32; REGISTER_CATEGORIES.len()],
}

impl LexFacts {
    /// Spam hits of all categories.
    pub fn spam_total(&self) -> u32 {
        self.spam.iter().sum()
    }
}

/// Matches the lexicons over the document's normalised text, and the terms looked up by
/// token over its tokens ([`Resources::words`]), and counts hits per line.
pub(crate) fn analyze(a: &mut Analysis, r: &Resources, tokens: &Tokens) {
    for l in a.lines.iter_mut() {
        l.lex.glue = glued::break_point(l).unwrap_or(0);
    }
    for_each_line_hit(a, &r.terms, add_hit);
    word_hits(a, r, tokens);
    let lang = a.facts.language.map(|g| g.code);
    if r.stripped_languages.iter().any(|l| l == "*" || Some(l.as_str()) == lang) {
        stripped_hits(a, &r.spam_stripped);
    }
    despaced_hits(a, &r.spam_despaced);
    a.facts.spam_hits = a.lines.iter().map(|l| l.lex.spam_total()).sum();
    a.facts.enforcement_hits = a.lines.iter().map(|l| l.lex.enforcement).sum();
    a.facts.cta_hits = a.lines.iter().map(|l| l.lex.cta).sum();
    for l in &a.lines {
        for (total, n) in a.facts.register_hits.iter_mut().zip(l.lex.register) {
            *total += n;
        }
    }
    a.facts.densities = Densities::of(&a.facts);
}

/// Counts one hit of the lexicons in every category its mask names.
fn add_hit(facts: &mut LexFacts, hit: Hit) {
    add_spam(facts, hit);
    facts.enforcement += (hit.mask & NEWS_BIT != 0) as u32;
    for (k, count) in facts.register.iter_mut().enumerate() {
        *count += (hit.mask >> (REGISTER_SHIFT as usize + k) & 1) as u32;
    }
}

/// Looks every line's tokens and pairs of adjacent tokens up among the terms matched by
/// token.
fn word_hits(a: &mut Analysis, r: &Resources, tokens: &Tokens) {
    for i in 0..a.lines.len() {
        if a.lines[i].blank {
            continue;
        }
        let line = tokens.line(i);
        // Tokens carry no offsets: a term's start is estimated from its token's position.
        let singles = line.iter().enumerate().map(|(k, t)| (k, t.hash, t.chars));
        let pairs = line.windows(2).enumerate().map(|(k, w)| (k, pair_hash(w[0].hash, w[1].hash), w[0].chars + 1 + w[1].chars));
        for (k, hash, chars) in singles.chain(pairs) {
            if let Some(&mask) = r.words.get(hash) {
                let start = k * HEAD_BYTES / 10;
                add_hit(&mut a.lines[i].lex, Hit { start, end: start + chars as usize, mask });
            }
        }
    }
}

fn add_spam(facts: &mut LexFacts, hit: Hit) {
    for (bit, count) in facts.spam.iter_mut().enumerate() {
        *count += (hit.mask >> bit & 1) as u32;
    }
    if hit.mask & (CTA_BIT - 1) != 0 {
        facts.spam_chars += (hit.end - hit.start) as u32;
    }
    let promotion = hit.mask & ((CTA_BIT << 1) - 1) != 0;
    facts.head += (promotion && hit.start < HEAD_BYTES) as u32;
    facts.before_glue += (promotion && hit.end <= facts.glue) as u32;
    facts.cta += (hit.mask & CTA_BIT != 0) as u32;
}

/// Matches the diacritics-stripped lexicon on the lines written without any diacritics
/// (pure ASCII) of a document in a language whose spam terms carry diacritics:
/// `nha cai uy tin` for `nhà cái uy tín`; and on the stripped form of lines whose tone marks
/// were scattered to dodge the lexicons (`cá cùõc`). Other lines with diacritics were
/// matched against the full forms already.
fn stripped_hits(a: &mut Analysis, matcher: &LexiconMatcher) {
    /// Share of scrambled words from which a line is matched stripped.
    const SCRAMBLED: f32 = 0.1;
    let mut plain = String::new();
    for i in 0..a.lines.len() {
        let (start, end) = a.lines[i].norm;
        let line = &a.norm[start..end];
        let scrambled = a.lines[i].tone_scramble >= SCRAMBLED;
        if a.lines[i].blank || !(line.is_ascii() || scrambled) {
            continue;
        }
        plain.clear();
        crate::normalize::strip_diacritics_into(line, &mut plain);
        let facts = &mut a.lines[i].lex;
        matcher.for_each_hit(&plain, |hit| add_spam(facts, hit));
    }
}

/// Matches multi-word terms without their spaces on glued lines (a word of 16 or more
/// characters, or several case changes inside words): `tròchơiđánhbạc` holds `đánh bạc`.
/// When that finds more than the ordinary matching did, its count replaces it.
fn despaced_hits(a: &mut Analysis, matcher: &LexiconMatcher) {
    let mut joined = String::new();
    for i in 0..a.lines.len() {
        let scan = &a.lines[i].scan;
        if a.lines[i].blank || (scan.long_words == 0 && scan.camel == 0) {
            continue;
        }
        joined.clear();
        joined.extend(a.norm_line(i).chars().filter(|c| !c.is_whitespace()));
        let mut glued = LexFacts::default();
        matcher.for_each_hit(&joined, |hit| add_spam(&mut glued, hit));
        let facts = &mut a.lines[i].lex;
        if glued.spam_total() > facts.spam_total() {
            facts.spam = glued.spam;
            facts.cta = facts.cta.max(glued.cta);
            facts.spam_chars = facts.spam_chars.max(glued.spam_chars);
        }
    }
}

/// Runs `matcher` over the whole normalised text and hands each hit to `f` with the facts
/// of the line it falls in, its offsets made relative to the line.
fn for_each_line_hit(a: &mut Analysis, matcher: &LexiconMatcher, mut f: impl FnMut(&mut LexFacts, Hit)) {
    let mut line = 0;
    let Analysis { norm, lines, .. } = a;
    matcher.for_each_hit(norm, |hit| {
        while line + 1 < lines.len() && lines[line].norm.1 < hit.start {
            line += 1;
        }
        let (start, end) = lines[line].norm;
        if hit.start >= start && hit.end <= end {
            f(&mut lines[line].lex, Hit { start: hit.start - start, end: hit.end - start, mask: hit.mask });
        }
    });
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let l = &a.lines[i];
    let chars = (l.norm.1 - l.norm.0).max(1) as f32;
    out.copy_from_slice(&[
        log1(l.lex.spam[0]),
        log1(l.lex.spam[1]),
        log1(l.lex.spam[2]),
        log1(l.lex.spam[3]),
        (l.lex.spam_chars as f32 / chars).min(1.0),
        log1(l.lex.enforcement),
        log1(l.lex.cta),
        log1(l.lex.head),
    ]);
}
