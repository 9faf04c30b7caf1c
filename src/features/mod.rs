//! The second stage: features for every line of a document.
//!
//! [`Extractor::extract`] analyses a [`Document`] once (a character scan per line, the
//! normalised text, lexicon and stop-word matches, links, the document's script and
//! language) and then lets each feature family write its columns of a [`LineFeatures`]
//! matrix. Each family lives in its own file and declares the stable names of its columns;
//! [`line_feature_names`] lists them all in order, and model files store that list so that
//! a model and a binary with different extractors refuse each other.

mod boilerplate;
mod coherence;
mod context;
mod contrast;
mod glued;
mod headline;
mod language;
mod lexicon;
mod links;
pub(crate) mod scan;
mod script;
mod register;
mod shape;
mod vocab;

use std::sync::LazyLock;

use crate::chars::{SCRIPT_COUNT, Sc};
use crate::document::Document;
use crate::model::vocab::Vocabulary;
use crate::normalize::normalize_words_into;
use crate::resources::{Resources, resources};
use scan::{LineScan, Scanner, main_script, scan_line};

pub use language::{LanguageGuess, detect_language};
pub(crate) use coherence::line_tokens;

/// What the families know about one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineFacts {
    pub blank: bool,
    pub scan: LineScan,
    /// Byte range of the line's normalised text in [`Analysis::norm`].
    pub norm: (usize, usize),
    pub lex: lexicon::LexFacts,
    pub links: links::LinkFacts,
    pub bp: boilerplate::BpFacts,
    pub lang: language::LangFacts,
    pub coh: coherence::CohFacts,
    pub vocab: vocab::VocabFacts,
    /// Prose-like: a long sentence or paragraph.
    pub body: bool,
    /// Headline-shaped: short, no final full stop.
    pub head: bool,
    /// The run of headline-shaped lines the line belongs to.
    pub run: Option<headline::Run>,
    /// Brand-like words with gambling fragments.
    pub brand_gambling: u32,
    /// In a Vietnamese document, the share of the line's words with two tone marks or more.
    pub tone_scramble: f32,
}

/// What the families know about the document.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocFacts {
    pub main_script: Option<Sc>,
    pub language: Option<LanguageGuess>,
    pub mean_word: f32,
    pub first_body: Option<usize>,
    pub last_body: Option<usize>,
    pub last_non_blank: Option<usize>,
    pub first_non_blank: Option<usize>,
    /// The second line with text: lines up to it are in the title position.
    pub second_non_blank: Option<usize>,
    pub spam_hits: u32,
    pub enforcement_hits: u32,
    pub cta_hits: u32,
    pub register_hits: [u32; crate::resources::REGISTER_CATEGORIES.len()],
    pub densities: lexicon::Densities,
    /// Word units (words, or characters of unspaced scripts) of the whole document.
    pub units: u32,
    pub median_overlap: f32,
    /// The learned vocabulary's summed weight per token over the whole document.
    pub vocab_mean: f32,
}

/// A document analysed for feature extraction.
pub(crate) struct Analysis<'a> {
    pub doc: &'a Document<'a>,
    pub lines: Vec<LineFacts>,
    pub facts: DocFacts,
    /// The normalised text of all lines, joined by `\n`.
    pub norm: String,
    /// For each line, the non-blank neighbours before and after it.
    pub prev: Vec<Option<usize>>,
    pub next: Vec<Option<usize>>,
}

impl Analysis<'_> {
    /// The normalised text of line `i`.
    pub fn norm_line(&self, i: usize) -> &str {
        let (a, b) = self.lines[i].norm;
        &self.norm[a..b]
    }
}

/// Writes one family's columns of one line's feature row.
type WriteFn = fn(&Analysis, usize, &mut [f32]);

/// The feature families in column order: their names and their writers.
const FAMILIES: &[(&[&str], WriteFn)] = &[
    (shape::NAMES, shape::write),
    (script::NAMES, script::write),
    (glued::NAMES, glued::write),
    (lexicon::NAMES, lexicon::write),
    (links::NAMES, links::write),
    (boilerplate::NAMES, boilerplate::write),
    (headline::NAMES, headline::write),
    (coherence::NAMES, coherence::write),
    (language::NAMES, language::write),
    (context::NAMES, context::write),
    (register::NAMES, register::write),
    (vocab::NAMES, vocab::write),
    (contrast::NAMES, contrast::write),
];

static LINE_FEATURE_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| FAMILIES.iter().flat_map(|(names, _)| names.iter().copied()).collect());

/// The stable names of the line features, in column order.
pub fn line_feature_names() -> &'static [&'static str] {
    &LINE_FEATURE_NAMES
}

/// The feature matrix of one document: one row per line (blank lines included, left at
/// zero), one column per name in [`line_feature_names`].
#[derive(Clone, Debug, Default)]
pub struct LineFeatures {
    /// Row-major values, `rows × cols`.
    pub values: Vec<f32>,
    /// Number of columns.
    pub cols: usize,
    /// For each row, whether the line is blank (and so has no class).
    pub blank: Vec<bool>,
    /// For each row, the line's shape, which picks the first line model that scores it.
    pub kinds: Vec<LineKind>,
    /// For each row, the first line of the run of headline-shaped lines it belongs to.
    pub head_runs: Vec<Option<usize>>,
    /// Document-level facts the document model reads.
    pub document: DocumentSignals,
}

impl LineFeatures {
    /// Number of rows (lines).
    pub fn rows(&self) -> usize {
        self.blank.len()
    }

    /// The feature row of line `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.values[i * self.cols..(i + 1) * self.cols]
    }

    /// Sets the columns `columns` of every row to 0 (to fit a model without them).
    pub fn zero_columns(&mut self, columns: &[usize]) {
        for row in self.values.chunks_exact_mut(self.cols) {
            for &j in columns {
                row[j] = 0.0;
            }
        }
    }
}

/// The shape of a line, which picks the first line model that scores it: the same evidence
/// weighs differently on a headline-shaped line (where an unrelated topic is a pasted
/// headline), a paragraph of prose (where the wording tells promotion from news) and other
/// short lines (template, list items, keyword strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Headline-shaped: 4 to 20 word units, no final full stop, no link or template marker.
    Headline,
    /// Prose: a long sentence or paragraph.
    Prose,
    /// Any other non-blank line (and blank lines, which are never scored).
    Other,
}

impl LineKind {
    /// All kinds, in the order of [`crate::model::line::LineModels`].
    pub const ALL: [LineKind; 3] = [LineKind::Headline, LineKind::Prose, LineKind::Other];

    /// The kind's name: `headline`, `prose` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Headline => "headline",
            LineKind::Prose => "prose",
            LineKind::Other => "other",
        }
    }
}

/// Document-level evidence that does not come from the line model, for the document model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentSignals {
    /// Spam lexicon hits in the whole document.
    pub spam_hits: u32,
    /// News (enforcement) vocabulary hits.
    pub enforcement_hits: u32,
    /// Styled letters on lines that promote something or spell a brand in them (see the
    /// `script.styled_promo` feature): a styled word in a title is decoration.
    pub styled: u32,
    /// URLs and domains.
    pub links: u32,
    /// The learned vocabulary's summed weight per token over the document.
    pub vocab_mean: f32,
    /// Densities (hits per hundred word units, squashed) of spam terms, news vocabulary,
    /// calls to action and the four register categories.
    pub densities: [f32; 7],
    /// The detected language (ISO 639-1 where chaff knows it), if any.
    pub language: Option<&'static str>,
}

/// Extracts line features. Cheap to copy: it only points at the shared lexicons and at a
/// model's learned vocabulary.
#[derive(Clone, Copy)]
pub struct Extractor<'v> {
    resources: &'static Resources,
    vocabulary: Option<&'v Vocabulary>,
}

impl Default for Extractor<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'v> Extractor<'v> {
    /// A new extractor over the built-in lexicons, without a learned vocabulary (the
    /// `vocab.*` features stay 0).
    pub fn new() -> Self {
        Extractor { resources: resources(), vocabulary: None }
    }

    /// A new extractor over the built-in lexicons and a model's learned vocabulary.
    pub fn with_vocabulary(vocabulary: &'v Vocabulary) -> Self {
        Extractor { resources: resources(), vocabulary: Some(vocabulary) }
    }

    /// Extracts the features of every line of `doc`.
    pub fn extract(&self, doc: &Document) -> LineFeatures {
        self.extract_scored(doc, true, |_, _| ()).0
    }

    /// Extracts the features of every line of `doc` and hands each non-blank line's row to
    /// `score` as it is written, with the line's kind; returns the features and each line's
    /// score (`None` for blank lines). The matrix is kept only when `keep_rows` (otherwise
    /// [`LineFeatures::values`] is empty): one row is in memory at a time.
    pub fn extract_scored<T>(
        &self,
        doc: &Document,
        keep_rows: bool,
        mut score: impl FnMut(LineKind, &[f32]) -> T,
    ) -> (LineFeatures, Vec<Option<T>>) {
        let analysis = self.analyze(doc);
        let cols = line_feature_names().len();
        let mut values = if keep_rows { vec![0f32; doc.lines().len() * cols] } else { Vec::new() };
        let mut scratch = vec![0f32; cols];
        let kinds: Vec<LineKind> = analysis.lines.iter().map(line_kind).collect();
        let mut scores = Vec::with_capacity(kinds.len());
        for (i, facts) in analysis.lines.iter().enumerate() {
            if facts.blank {
                scores.push(None);
                continue;
            }
            let row = if keep_rows { &mut values[i * cols..(i + 1) * cols] } else { &mut scratch[..] };
            write_row(&analysis, i, row);
            scores.push(Some(score(kinds[i], row)));
        }
        let features = LineFeatures {
            values,
            cols,
            blank: analysis.lines.iter().map(|l| l.blank).collect(),
            kinds,
            head_runs: headline::run_starts(&analysis),
            document: document_signals(&analysis),
        };
        (features, scores)
    }

    /// Runs every analysis step over `doc`.
    pub(crate) fn analyze<'a>(&self, doc: &'a Document<'a>) -> Analysis<'a> {
        let (mut a, mut tokens) = first_pass(doc);
        tokens.tag_stop_words(&self.resources.stopwords);
        language::detect_document(&mut a, self.resources, &tokens);
        script::analyze(&mut a);
        lexicon::analyze(&mut a, self.resources, &tokens);
        links::analyze(&mut a, self.resources);
        glued::analyze(&mut a, self.resources);
        boilerplate::analyze(&mut a, self.resources);
        language::analyze(&mut a, self.resources, &tokens);
        coherence::analyze(&mut a, self.resources, &tokens);
        vocab::analyze(&mut a, self.vocabulary, &tokens);
        shape::analyze(&mut a);
        headline::analyze(&mut a);
        a
    }
}

/// Writes every family's columns of line `i`'s row.
fn write_row(a: &Analysis, i: usize, row: &mut [f32]) {
    let mut offset = 0;
    for (names, write) in FAMILIES {
        write(a, i, &mut row[offset..offset + names.len()]);
        offset += names.len();
    }
}

fn line_kind(l: &LineFacts) -> LineKind {
    if l.head {
        LineKind::Headline
    } else if l.body {
        LineKind::Prose
    } else {
        LineKind::Other
    }
}

/// Scans every line, normalises and tokenises the text, and finds the non-blank neighbours.
fn first_pass<'a>(doc: &'a Document<'a>) -> (Analysis<'a>, coherence::Tokens) {
    let mut norm = String::with_capacity(doc.text().len() + 16);
    let mut lines = Vec::with_capacity(doc.lines().len());
    let mut tokens = coherence::Tokens::with_capacity(doc.text().len() / 5, doc.lines().len());
    for line in doc.lines() {
        let start = norm.len();
        let first_token = tokens.tokens.len();
        let mut scanner = Scanner::default();
        let walked = normalize_words_into(
            line.text,
            &mut norm,
            |word| coherence::push_word(word, &mut tokens.tokens),
            &mut scanner,
        );
        let blank = line.is_blank();
        let scan = match (blank, walked) {
            (true, _) => LineScan::default(),
            (false, true) => scanner.finish(line.text),
            (false, false) => scan_line(line.text),
        };
        if scan.spaced_runs > 0 {
            join_spaced_letters(&mut norm, start);
        }
        tokens.lines.push((first_token, tokens.tokens.len()));
        let end = norm.len();
        norm.push('\n');
        lines.push(LineFacts { blank, scan, norm: (start, end), ..LineFacts::default() });
    }
    let (prev, next) = neighbours(&lines);
    let words: u32 = lines.iter().map(|l| l.scan.words).sum();
    let word_chars: u32 = lines.iter().map(|l| l.scan.word_chars).sum();
    let facts = DocFacts {
        main_script: document_script(&lines),
        mean_word: if words > 0 { word_chars as f32 / words as f32 } else { 0.0 },
        first_non_blank: lines.iter().position(|l| !l.blank),
        second_non_blank: lines.iter().enumerate().filter(|(_, l)| !l.blank).nth(1).map(|(i, _)| i),
        last_non_blank: lines.iter().rposition(|l| !l.blank),
        units: lines.iter().map(|l| l.scan.word_units()).sum(),
        ..DocFacts::default()
    };
    (Analysis { doc, lines, facts, norm, prev, next }, tokens)
}

/// Reads `s l o t  g a c o r` as `slot gacor` for the lexicons: joins the spaced letters of
/// the line that starts at `start` in `norm` (the last one written). The tokens keep the
/// letters: a model that read the joined words there lost most of the spaced spam it knew
/// by its single letters.
fn join_spaced_letters(norm: &mut String, start: usize) {
    if let Some(joined) = crate::normalize::join_spaced_letters(&norm[start..]) {
        norm.truncate(start);
        norm.push_str(&joined);
    }
}

/// The document's main script: the script with most letters in its body lines (prose), or
/// in all its lines when it has no body. A long block of English headlines pasted under a
/// Hindi article must not make the article look foreign.
fn document_script(lines: &[LineFacts]) -> Option<Sc> {
    let count = |body_only: bool| {
        let mut scripts = [0u32; SCRIPT_COUNT];
        for l in lines.iter().filter(|l| !body_only || shape::is_body(&l.scan)) {
            for (total, n) in scripts.iter_mut().zip(l.scan.scripts.iter()) {
                *total += n;
            }
        }
        main_script(&scripts)
    };
    count(true).or_else(|| count(false))
}

fn neighbours(lines: &[LineFacts]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut prev = vec![None; lines.len()];
    let mut next = vec![None; lines.len()];
    let mut last = None;
    for (i, l) in lines.iter().enumerate() {
        prev[i] = last;
        if !l.blank {
            last = Some(i);
        }
    }
    last = None;
    for (i, l) in lines.iter().enumerate().rev() {
        next[i] = last;
        if !l.blank {
            last = Some(i);
        }
    }
    (prev, next)
}

fn document_signals(a: &Analysis) -> DocumentSignals {
    DocumentSignals {
        spam_hits: a.facts.spam_hits,
        enforcement_hits: a.facts.enforcement_hits,
        styled: (0..a.lines.len()).filter(|&i| script::styled_counts(a, i)).map(|i| a.lines[i].scan.styled).sum(),
        links: a.lines.iter().map(|l| l.links.urls + l.links.domains).sum(),
        vocab_mean: a.facts.vocab_mean,
        densities: {
            let d = &a.facts.densities;
            let r = d.register;
            [d.spam, d.enforcement, d.cta, r[0], r[1], r[2], r[3]]
        },
        language: a.facts.language.map(|g| g.code),
    }
}

/// `ln(1 + n)`: the usual squashing of counts.
pub(crate) fn log1(n: u32) -> f32 {
    // Most counts are small: their logarithms are looked up (the same values, computed once).
    static SMALL: LazyLock<[f32; 256]> = LazyLock::new(|| std::array::from_fn(|n| (n as f32).ln_1p()));
    SMALL.get(n as usize).copied().unwrap_or_else(|| (n as f32).ln_1p())
}

/// Hits per hundred word units of the document, squashed: a page that names a casino once
/// in two thousand words is not a page about casinos.
pub(crate) fn density(hits: u32, units: u32) -> f32 {
    (100.0 * hits as f32 / units.max(20) as f32).ln_1p()
}

/// `a / b`, or 0 when `b` is 0.
pub(crate) fn ratio(a: u32, b: u32) -> f32 {
    if b == 0 { 0.0 } else { a as f32 / b as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_prefixed() {
        let names = line_feature_names();
        let mut sorted = names.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "duplicate feature names");
        assert!(names.iter().all(|n| n.contains('.')));
    }

    /// A spam title run into a news title: the break is found and the promotion before it
    /// counted; a brand name inside a word is no break.
    #[test]
    fn glued_titles_show_their_promotion() {
        let col = |name: &str| line_feature_names().iter().position(|n| *n == name).unwrap();
        let value = |text: &str, name: &str| Extractor::new().extract(&Document::new(text)).row(0)[col(name)];
        let glued = "Buy viagra online without prescriptionPolice in India have dismantled an illegal gambling hub.";
        assert_eq!(value(glued, "glued.break"), 1.0);
        assert!(value(glued, "glued.break_spam") > 0.0);
        assert_eq!(value(glued, "glued.break_title"), 1.0);
        let later = |text: &str, name: &str| Extractor::new().extract(&Document::new(text)).row(2)[col(name)];
        let third = format!("A title\nA first paragraph of the article.\n{glued}");
        assert_eq!(later(&third, "glued.break"), 1.0);
        assert_eq!(later(&third, "glued.break_title"), 0.0, "not in the title position");
        assert_eq!(later(&format!("\n\n{glued}"), "glued.break_title"), 1.0, "blank lines before the title");
        assert_eq!(later(&format!("Title\n\n{glued}"), "glued.break_title"), 1.0, "the second line with text");
        let clean = "Share this story on WhatsApp or LinkedIn, the ministry said in a statement on Monday.";
        assert_eq!(value(clean, "glued.break_spam"), 0.0);
    }

    /// A line pasted three times coheres with nothing: its copies are not the rest of the
    /// document. A line that shares its words with another line still does.
    #[test]
    fn copies_of_a_line_are_not_its_context() {
        let col = |name: &str| line_feature_names().iter().position(|n| *n == name).unwrap();
        let text = "Buy gabapentin online without a prescription\n\
                    Buy gabapentin online without a prescription\n\
                    Buy  gabapentin online, without a prescription!\n\
                    Dodge is a registered trademark of FCA US LLC. All rights reserved.\n\
                    Jeep, Chrysler and Dodge are registered trademarks of FCA US LLC.";
        let f = Extractor::new().extract(&Document::new(text));
        for i in 0..3 {
            assert_eq!(f.row(i)[col("coh.overlap")], 0.0, "line {i}");
            assert_eq!(f.row(i)[col("coh.neighbours")], 0.0, "line {i}: its neighbours are its copies");
            assert_eq!(f.row(i)[col("coh.copies")], 2f32.ln_1p(), "line {i}");
        }
        assert_eq!(f.row(3)[col("coh.copies")], 0.0);
        assert!(f.row(3)[col("coh.overlap")] > 0.5, "dodge, registered, fca, llc");
    }

    /// A form of a word the vocabulary never saw is read through its stem, once for the word;
    /// a short word and a run of words written together have none.
    #[test]
    fn unseen_forms_are_read_through_their_stems() {
        use crate::model::vocab::Vocabulary;
        let col = |name: &str| line_feature_names().iter().position(|n| *n == name).unwrap();
        let vocab = Vocabulary::new(vec![("perju~".into(), 2.0, 0.0), ("judi".into(), 1.0, 0.0), ("슬롯~".into(), 3.0, 0.0)]);
        let sum = |text: &str| Extractor::with_vocabulary(&vocab).extract(&Document::new(text)).row(0)[col("vocab.sum")];
        assert_eq!(sum("Perjudiannya marak di kota"), 2f32.ln_1p());
        assert_eq!(sum("Perjudian marak, judi juga"), 3f32.ln_1p(), "the stem and a whole word");
        assert_eq!(sum("Perjumpaan keluarga"), 2f32.ln_1p(), "another word with the same first letters");
        assert_eq!(sum("Perjuangan"), 2f32.ln_1p());
        assert_eq!(sum("perjudianmarakdikotabesar"), 0.0, "written together");
        assert_eq!(sum("슬롯들이 많다"), 3f32.ln_1p());
    }

    /// Spaced letters, digits for letters and zero-width spaces are read as the words they
    /// spell: the lexicons find the same terms.
    #[test]
    fn disguised_words_are_read_through() {
        let doc = Document::new("Daftar s l o t  g a c o r sekarang\nDaftar sl\u{200b}ot g4c0r sekarang\nDaftar slot gacor sekarang");
        let a = Extractor::new().analyze(&doc);
        assert_eq!(a.norm_line(0), "daftar slot gacor sekarang");
        let hits: Vec<u32> = a.lines.iter().map(|l| l.lex.spam_total()).collect();
        assert!(hits[2] > 0 && hits.iter().all(|h| *h == hits[2]), "{hits:?}");
    }

    #[test]
    fn blank_lines_stay_zero_and_rows_match_lines() {
        let doc = Document::new("Title line\n\nA body sentence that is long enough to be prose here.\n\n");
        let f = Extractor::new().extract(&doc);
        assert_eq!(f.rows(), 4);
        assert!(f.blank[1] && f.blank[3]);
        assert!(f.row(1).iter().all(|v| *v == 0.0));
        assert!(f.values.iter().all(|v| v.is_finite()));
    }
}
