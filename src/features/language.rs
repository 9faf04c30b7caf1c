//! Language: the document's language (from its script, a vote of its function words, or
//! whatlang once on a sample), and for each line its script against the document's, the
//! share of the document language's stop words, and whether its stop words belong to
//! another language. whatlang costs ~60 µs a call whatever the length, so it never runs per
//! line (a per-line whatlang feature was tried and got no weight in the model).

use whatlang::Lang;

use super::coherence::Tokens;
use super::{Analysis, Extractor, ratio, shape};
use crate::chars::Sc;
use crate::document::Document;
use crate::resources::Resources;

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &["lang.script_mismatch", "lang.stop_ratio", "lang.foreign_stop"];

/// Bytes of text whatlang reads to detect a document's language: enough for a reliable
/// guess, and whatlang's cost grows with the text.
const SAMPLE_BYTES: usize = 1024;

/// The language chaff detected for a document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LanguageGuess {
    /// ISO 639-1 code where one exists (`vi`, `id`), else whatlang's ISO 639-3 code.
    pub code: &'static str,
    /// Index of the language's stop-word list, if chaff has one.
    pub stop_index: Option<usize>,
}

/// Language facts of one line.
#[derive(Clone, Debug, Default)]
pub(crate) struct LangFacts {
    pub stop_ratio: f32,
    pub foreign_stop: f32,
}

/// ISO 639-3 (whatlang) to ISO 639-1 for the languages that have one.
fn iso639_1(lang: Lang) -> &'static str {
    use Lang::*;
    match lang {
        Epo => "eo", Eng => "en", Rus => "ru", Cmn => "zh", Spa => "es", Por => "pt", Ita => "it",
        Ben => "bn", Fra => "fr", Deu => "de", Ukr => "uk", Kat => "ka", Ara => "ar", Hin => "hi",
        Jpn => "ja", Heb => "he", Yid => "yi", Pol => "pl", Amh => "am", Jav => "jv", Kor => "ko",
        Nob => "nb", Dan => "da", Swe => "sv", Fin => "fi", Tur => "tr", Nld => "nl", Hun => "hu",
        Ces => "cs", Ell => "el", Bul => "bg", Bel => "be", Mar => "mr", Kan => "kn", Ron => "ro",
        Slv => "sl", Hrv => "hr", Srp => "sr", Mkd => "mk", Lit => "lt", Lav => "lv", Est => "et",
        Tam => "ta", Vie => "vi", Urd => "ur", Tha => "th", Guj => "gu", Uzb => "uz", Pan => "pa",
        Aze => "az", Ind => "id", Tel => "te", Pes => "fa", Mal => "ml", Ori => "or", Mya => "my",
        Nep => "ne", Sin => "si", Khm => "km", Tuk => "tk", Aka => "ak", Zul => "zu", Sna => "sn",
        Afr => "af", Lat => "la", Slk => "sk", Cat => "ca", Tgl => "tl", Hye => "hy", Cym => "cy",
    }
}

/// The first `max` bytes of `text`, cut on a character boundary.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The first `max` bytes of the document's lines joined by `\n`, cut on a character
/// boundary: the text itself unless its lines end in `\r\n`. With the `\r`s whatlang
/// named the language of some pages differently than with `\n` alone.
fn lines_sample(doc: &Document, max: usize) -> String {
    let mut out = String::with_capacity(max + 4);
    for (i, line) in doc.lines().iter().enumerate() {
        if out.len() >= max {
            break;
        }
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.text);
    }
    let end = sample(&out, max).len();
    out.truncate(end);
    out
}

/// Word tokens of the document that vote in the stop-word language guess.
const VOTING_WORDS: usize = 400;

/// Votes the leading language needs (a word in one list counts 1, in two lists 1/2 each).
const MIN_VOTES: f32 = 5.0;

/// How far the leading language must be ahead of the next one outside its family.
const VOTE_MARGIN: f32 = 1.25;

/// Families of languages whose function words overlap so much that the vote only tells
/// them apart by a nose.
const SISTERS: &[&[&str]] = &[
    &["id", "ms"],
    &["ru", "uk", "be", "bg", "mk", "sr"],
    &["hr", "bs", "sr"],
    &["cs", "sk"],
    &["nb", "nn", "da", "sv"],
];

/// Detects the document's language: for scripts of one language (Thai, Hangul, Han and
/// kana) the script; for others a vote of its words over the stop-word lists when that
/// vote is decisive (cheap); else whatlang on a 1 KB sample (about 60 µs a call, whatever
/// the length, which would dominate chaff's running time on short pages).
pub(crate) fn detect_document(a: &mut Analysis, r: &Resources, tokens: &Tokens) {
    let spaced = a.facts.main_script.is_some_and(|s| s.is_spaced());
    let known = if spaced { vote(a, r, tokens) } else { by_script(a, r) };
    a.facts.language = known.or_else(|| guess(&lines_sample(a.doc, SAMPLE_BYTES), &r.stopwords));
}

/// Languages that one script names: Thai, Korean, and Chinese or Japanese (Japanese when
/// kana make up a tenth of the Han and kana letters).
fn by_script(a: &Analysis, r: &Resources) -> Option<LanguageGuess> {
    let count = |sc: Sc| a.lines.iter().map(|l| l.scan.scripts[sc.index()]).sum::<u32>();
    let code = match a.facts.main_script? {
        Sc::Thai => "th",
        Sc::Hangul => "ko",
        Sc::Han | Sc::Kana => {
            let (han, kana) = (count(Sc::Han), count(Sc::Kana));
            if kana * 10 >= han + kana { "ja" } else { "zh" }
        }
        _ => return None,
    };
    Some(LanguageGuess { code, stop_index: r.stopwords.lang_index(code) })
}

/// The language whose stop words the document's first words use most, if it leads clearly:
/// at least 5 votes and 25% more than any language outside its family. On the Leipzig
/// samples (40 pages of 8 sentences in each of 75 languages) this vote with the whatlang
/// fallback names 2,929 of 3,000 pages right, whatlang alone 2,274 (it lacks 18 of
/// those languages).
fn vote(a: &Analysis, r: &Resources, tokens: &Tokens) -> Option<LanguageGuess> {
    // Only lines in the document's main script vote, and its prose first: a block of
    // English headlines pasted under a Spanish or Russian article must not outvote it.
    let in_script = |i: &usize| a.lines[*i].scan.main_script() == a.facts.main_script;
    let body = vote_counts(r, tokens, (0..a.lines.len()).filter(in_script).filter(|&i| shape::is_body(&a.lines[i].scan)));
    let counts = if body.iter().copied().fold(0.0, f32::max) >= MIN_VOTES {
        body
    } else {
        vote_counts(r, tokens, (0..a.lines.len()).filter(in_script))
    };
    decide_vote(r, &counts)
}

/// Stop-word votes per language over the first words of `lines`.
fn vote_counts(r: &Resources, tokens: &Tokens, lines: impl Iterator<Item = usize>) -> Vec<f32> {
    let mut counts = vec![0f32; r.stopwords.len()];
    let words = lines.flat_map(|i| tokens.line(i)).filter(|t| !t.bigram && !t.numeric).take(VOTING_WORDS);
    for t in words {
        // A word shared by several languages (`yang` in Indonesian and Malay) splits its vote.
        let mut langs = t.langs;
        let share = 1.0 / langs.count_ones().max(1) as f32;
        while langs != 0 {
            counts[langs.trailing_zeros() as usize] += share;
            langs &= langs - 1;
        }
    }
    counts
}

/// The language a vote names, if it is decisive.
fn decide_vote(r: &Resources, counts: &[f32]) -> Option<LanguageGuess> {
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|&i, &j| counts[j].total_cmp(&counts[i]));
    let best = counts[order[0]];
    // The runner-up outside the leader's family: close relatives share most function words
    // (and whatlang cannot tell Malay from Indonesian either), so within a family the
    // leader is taken as it is.
    let family = |i: usize| SISTERS.iter().find(|f| f.contains(&r.stopwords.code(i)));
    let rival = order[1..]
        .iter()
        .find(|&&i| family(i).is_none() || family(i) != family(order[0]))
        .map_or(0.0, |&i| counts[i]);
    if best < MIN_VOTES || best < VOTE_MARGIN * rival {
        return None;
    }
    // Within a family, its first (most common) language unless another leads it clearly.
    let mut pick = order[0];
    if let Some(first) = family(pick).and_then(|f| r.stopwords.lang_index(f[0]))
        && counts[pick] < VOTE_MARGIN * counts[first]
    {
        pick = first;
    }
    let code = r.stopwords.code(pick);
    Some(LanguageGuess { code, stop_index: Some(pick) })
}

/// whatlang's guess on `sample`.
fn guess(sample: &str, stopwords: &crate::resources::StopWords) -> Option<LanguageGuess> {
    let info = whatlang::detect(sample)?;
    let code = iso639_1(info.lang());
    Some(LanguageGuess { code, stop_index: stopwords.lang_index(code) })
}

/// Detects the language of `text` the way chaff does for a document (a decisive stop-word
/// vote, else whatlang on its first 1 KB). Returns the ISO 639-1 code where one exists.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let doc = crate::document::Document::new(text);
    Extractor::new().analyze(&doc).facts.language.map(|g| g.code)
}

/// Computes the stop-word and language facts of every line.
pub(crate) fn analyze(a: &mut Analysis, r: &Resources, tokens: &Tokens) {
    let Some(guess) = a.facts.language else { return };
    let mut counts = vec![0u32; r.stopwords.len()];
    for i in 0..a.lines.len() {
        if a.lines[i].blank {
            continue;
        }
        let facts = match guess.stop_index {
            Some(doc) if r.stopwords.list(doc).substrings.is_some() => unspaced_facts(a, r, i, doc),
            doc => spaced_facts(tokens, i, doc, &mut counts),
        };
        a.lines[i].lang = facts;
    }
}

/// Stop words of a spaced-script line: the share that belongs to the document's language,
/// and how far the best other language's share exceeds it. `counts` (one per language) is
/// all zero on entry and on return.
fn spaced_facts(tokens: &Tokens, i: usize, doc: Option<usize>, counts: &mut [u32]) -> LangFacts {
    let (mut n, mut seen) = (0, 0u128);
    for t in tokens.line(i).iter().filter(|t| !t.bigram && !t.numeric) {
        n += 1;
        seen |= t.langs;
        let mut langs = t.langs;
        while langs != 0 {
            counts[langs.trailing_zeros() as usize] += 1;
            langs &= langs - 1;
        }
    }
    let own = doc.map_or(0, |d| counts[d]);
    let mut best_other = 0;
    while seen != 0 {
        let k = seen.trailing_zeros() as usize;
        if Some(k) != doc {
            best_other = best_other.max(counts[k]);
        }
        counts[k] = 0;
        seen &= seen - 1;
    }
    LangFacts {
        stop_ratio: ratio(own, n),
        foreign_stop: ratio(best_other.saturating_sub(own), n),
    }
}

/// Stop words of a line in a document written without spaces: the share of the line's
/// letters covered by the document language's function words.
fn unspaced_facts(a: &Analysis, r: &Resources, i: usize, doc: usize) -> LangFacts {
    let Some(ac) = &r.stopwords.list(doc).substrings else { return LangFacts::default() };
    let line = a.norm_line(i);
    let covered: usize = ac.find_iter(line).map(|m| line[m.start()..m.end()].chars().count()).sum();
    LangFacts { stop_ratio: ratio(covered as u32, a.lines[i].scan.letters), ..LangFacts::default() }
}

/// Whether line `i`'s main script differs from the document's (Han and Kana count as one).
fn script_mismatch(a: &Analysis, i: usize) -> bool {
    let s = &a.lines[i].scan;
    let fold = |sc: Sc| if sc == Sc::Kana { Sc::Han } else { sc };
    match (s.main_script(), a.facts.main_script) {
        (Some(line), Some(doc)) => s.letters >= 3 && fold(line) != fold(doc),
        _ => false,
    }
}

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let l = &a.lines[i].lang;
    out.copy_from_slice(&[
        script_mismatch(a, i) as u8 as f32,
        l.stop_ratio,
        l.foreign_stop,
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_cut_on_char_boundaries() {
        let s = "ệ".repeat(1000);
        let cut = sample(&s, 2048);
        assert!(cut.len() <= 2048);
        assert!(s.is_char_boundary(cut.len()));
    }

    /// Found by the property `crlf_and_lf_give_the_same_verdict`: whatlang saw the `\r`s
    /// and named this page `en` with CRLF line ends, `vi` with LF.
    #[test]
    fn crlf_and_lf_give_the_same_language() {
        let lines = [
            "𝐌𝐄𝐆𝐀Tổng thống ",
            "(责任编辑:(责任编辑:Tổng thống [iklan_2]Tổng thống 博彩https://kuwin88.vip/a?b=1 ",
            "सट\u{94d}टा Tổng thống Tổng thống ",
            "",
            "sin88.com",
            "nhà cái https://kuwin88.vip/a?b=1 Tổng thống ",
            "",
            "\u{3000}",
            "أخبار اليوم (责任编辑:the council voted 博彩สล\u{e47}อตสล\u{e47}อตसमाचार ",
            "ставки أخبار اليوم สล\u{e47}อตأخبار اليوم Tổng thống ＢＥＴ",
            "Komentar (0)Sumber: ",
        ];
        assert_eq!(detect_language(&lines.join("\r\n")), Some("vi"));
        assert_eq!(detect_language(&lines.join("\n")), Some("vi"));
    }

    #[test]
    fn samples_of_lines_drop_carriage_returns() {
        let doc = Document::new("ab\r\ncd\r\n\r\nef");
        assert_eq!(lines_sample(&doc, 1024), "ab\ncd\n\nef");
        assert_eq!(lines_sample(&doc, 4), "ab\nc");
        assert_eq!(lines_sample(&Document::new("ệệ"), 4), "ệ");
    }

    #[test]
    fn detects_common_languages() {
        assert_eq!(detect_language("Tổng thống Nga Vladimir Putin và Chủ tịch Trung Quốc Tập Cận Bình đã có cuộc trò chuyện ấm áp và thân thiện qua điện thoại."), Some("vi"));
        assert_eq!(detect_language("Presiden Rusia Vladimir Putin bertemu dengan Presiden Tiongkok Xi Jinping di sela-sela KTT SCO pada bulan Juli."), Some("id"));
    }
}
