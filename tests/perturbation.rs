//! Evasion: each trick spammers use to dodge keyword filters, applied to the spam lines of
//! the development sets, must leave line spam recall within a few points; and one invisible
//! or styled character in a clean document must not make it spam.
//!
//! ```sh
//! cargo test --release perturbation -- --nocapture   # prints the table
//! ```

use chaff::eval::evaluate;
use chaff::train::{Example, read_examples};
use chaff::{Classifier, LineClass, Model};

use crate::util::shared_or_skip;

/// A trick applied to a spam line: the line's text in, the perturbed text out (never a new
/// line break).
type Trick = fn(&str) -> String;

/// The tricks, by name.
const SPAM_TRICKS: &[(&str, Trick)] = &[
    ("zero-width space inside words", |l| inside_words(l, '\u{200b}')),
    ("word joiner inside words", |l| inside_words(l, '\u{2060}')),
    ("soft hyphen inside words", |l| inside_words(l, '\u{ad}')),
    ("Cyrillic look-alikes", |l| l.chars().map(cyrillic_lookalike).collect()),
    ("fullwidth letters", |l| l.chars().map(fullwidth).collect()),
    ("mathematical bold letters", |l| l.chars().map(math_bold).collect()),
    ("stripped tones", chaff::normalize::strip_diacritics),
    ("spaced letters", spaced_letters),
    ("digits for letters", |l| l.chars().map(leet).collect()),
];

/// Changes to one line of a clean document that must not make it spam, each with the most
/// it may add to the false-positive rate: one invisible or styled character at most
/// [`MAX_FPR_GAIN`]. A spaced-out word (`N E W S`) is held to a looser bound: spaced
/// letters are how judol comments hide brands, and the model, trained on both, still takes
/// a few clean pages with one spaced word for spam (measured +0.037 on dev-real).
const CLEAN_TRICKS: &[(&str, Trick, f64)] = &[
    ("one zero-width space", |l| inside_first_word(l, "\u{200b}"), MAX_FPR_GAIN),
    ("one byte-order mark inside", |l| inside_first_word(l, "\u{feff}"), MAX_FPR_GAIN),
    ("one word joiner", |l| inside_first_word(l, "\u{2060}"), MAX_FPR_GAIN),
    ("one styled word", |l| styled_first_word(l, math_bold), MAX_FPR_GAIN),
    ("one fullwidth word", |l| styled_first_word(l, fullwidth), MAX_FPR_GAIN),
    ("a Russian quote", |l| format!("{l} «Россия»"), MAX_FPR_GAIN),
    ("one spaced-out word", |l| styled_first_word_with(l, |w| w.chars().map(String::from).collect::<Vec<_>>().join(" ")), 0.05),
];

/// Inserts `mark` in the middle of every word of four characters or more.
fn inside_words(line: &str, mark: char) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let chars: Vec<char> = word.chars().collect();
        if chars.len() >= 4 && chars.iter().all(|c| c.is_alphanumeric()) {
            let half = chars.len() / 2;
            out.extend(&chars[..half]);
            out.push(mark);
            out.extend(&chars[half..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Inserts `mark` in the middle of the line's first word of four letters or more.
fn inside_first_word(line: &str, mark: &str) -> String {
    first_word(line).map_or_else(
        || line.to_string(),
        |(start, end)| {
            let word = &line[start..end];
            let half = word.char_indices().nth(word.chars().count() / 2).map_or(0, |(i, _)| i);
            format!("{}{}{mark}{}{}", &line[..start], &word[..half], &word[half..], &line[end..])
        },
    )
}

/// Styles the line's first word of four letters or more.
fn styled_first_word(line: &str, style: fn(char) -> char) -> String {
    styled_first_word_with(line, |w| w.chars().map(style).collect())
}

/// Rewrites the line's first word of four letters or more with `rewrite`.
fn styled_first_word_with(line: &str, rewrite: impl Fn(&str) -> String) -> String {
    first_word(line).map_or_else(|| line.to_string(), |(start, end)| format!("{}{}{}", &line[..start], rewrite(&line[start..end]), &line[end..]))
}

/// Byte range of the first run of four or more ASCII letters.
fn first_word(line: &str) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut start = None;
    for (i, b) in bytes.iter().chain([&b' ']).enumerate() {
        match (start, b.is_ascii_alphabetic()) {
            (None, true) => start = Some(i),
            (Some(s), false) if i - s >= 4 => return Some((s, i)),
            (Some(_), false) => start = None,
            _ => {}
        }
    }
    None
}

fn cyrillic_lookalike(c: char) -> char {
    match c {
        'a' => 'а',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'c' => 'с',
        'x' => 'х',
        'y' => 'у',
        'A' => 'А',
        'E' => 'Е',
        'O' => 'О',
        'P' => 'Р',
        'C' => 'С',
        'T' => 'Т',
        'H' => 'Н',
        'K' => 'К',
        'M' => 'М',
        _ => c,
    }
}

fn fullwidth(c: char) -> char {
    match c {
        '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
        _ => c,
    }
}

fn math_bold(c: char) -> char {
    let offset = |base: u32, from: char| char::from_u32(base + (c as u32 - from as u32)).unwrap_or(c);
    match c {
        'A'..='Z' => offset(0x1D400, 'A'),
        'a'..='z' => offset(0x1D41A, 'a'),
        '0'..='9' => offset(0x1D7CE, '0'),
        _ => c,
    }
}

/// `slot gacor` → `s l o t  g a c o r`: letters spaced, words two spaces apart.
fn spaced_letters(line: &str) -> String {
    line.split(' ')
        .map(|w| w.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("  ")
}

fn leet(c: char) -> char {
    match c {
        'a' => '4',
        'e' => '3',
        'o' => '0',
        'i' => '1',
        _ => c,
    }
}

/// `examples` with `trick` applied to every line labelled spam.
fn perturb_spam(examples: &[Example], trick: Trick) -> Vec<Example> {
    examples
        .iter()
        .map(|e| {
            let Some(classes) = &e.lines else { return e.clone() };
            let text = e
                .text
                .split('\n')
                .zip(classes)
                .map(|(line, class)| if *class == Some(LineClass::Spam) { trick(line) } else { line.to_string() })
                .collect::<Vec<_>>()
                .join("\n");
            Example { text, ..e.clone() }
        })
        .collect()
}

/// The clean documents of `examples`, each with `trick` applied to its longest line.
fn perturb_clean(examples: &[Example], trick: Trick) -> Vec<Example> {
    examples
        .iter()
        .filter(|e| !e.label)
        .map(|e| {
            let lines: Vec<&str> = e.text.split('\n').collect();
            let longest = (0..lines.len()).max_by_key(|&i| lines[i].len()).unwrap_or(0);
            let text = lines
                .iter()
                .enumerate()
                .map(|(i, l)| if i == longest { trick(l) } else { l.to_string() })
                .collect::<Vec<_>>()
                .join("\n");
            Example { text, ..e.clone() }
        })
        .collect()
}

/// What the perturbation suite measured on one development set.
struct Measured {
    spam_recall: f64,
    spam_tricks: Vec<(&'static str, f64)>,
    fpr: f64,
    clean_tricks: Vec<(&'static str, f64)>,
}

fn measure(classifier: &Classifier, examples: &[Example]) -> Measured {
    let recall = |set: &[Example]| evaluate(classifier, set).lines.spam.recall;
    let fpr = |set: &[Example]| evaluate(classifier, set).documents.fpr;
    let clean: Vec<Example> = examples.iter().filter(|e| !e.label).cloned().collect();
    Measured {
        spam_recall: recall(examples),
        spam_tricks: SPAM_TRICKS.iter().map(|(name, t)| (*name, recall(&perturb_spam(examples, *t)))).collect(),
        fpr: fpr(&clean),
        clean_tricks: CLEAN_TRICKS.iter().map(|(name, t, _)| (*name, fpr(&perturb_clean(examples, *t)))).collect(),
    }
}

/// The most line spam recall a trick may cost, and the most a single invisible or styled
/// character may add to the false-positive rate.
const MAX_RECALL_LOSS: f64 = 0.05;
const MAX_FPR_GAIN: f64 = 0.01;

#[test]
fn perturbation_suite_on_the_development_sets() {
    let classifier = Classifier::new(Model::builtin().unwrap());
    let mut failures = Vec::new();
    for name in ["dev.jsonl", "dev-real.jsonl"] {
        let Some(path) = shared_or_skip(&format!("dev/{name}"), "the perturbation suite") else { continue };
        let examples = read_examples(&path).unwrap();
        let m = measure(&classifier, &examples);
        println!("\n{name}: line spam recall {:.3}", m.spam_recall);
        for (trick, recall) in &m.spam_tricks {
            println!("  {trick:<32} {recall:.3} ({:+.3})", recall - m.spam_recall);
            if *recall < m.spam_recall - MAX_RECALL_LOSS {
                failures.push(format!("{name}: {trick}: line spam recall {recall:.3}, unperturbed {:.3}", m.spam_recall));
            }
        }
        println!("{name}: clean documents flagged {:.3}", m.fpr);
        for ((trick, fpr), (_, _, max_gain)) in m.clean_tricks.iter().zip(CLEAN_TRICKS) {
            println!("  {trick:<32} {fpr:.3} ({:+.3})", fpr - m.fpr);
            if *fpr > m.fpr + max_gain {
                failures.push(format!("{name}: {trick}: false-positive rate {fpr:.3}, unperturbed {:.3}", m.fpr));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn tricks_change_only_what_they_should() {
    assert_eq!(inside_words("slot gacor 88", '|'), "sl|ot ga|cor 88");
    assert_eq!(spaced_letters("slot gacor"), "s l o t  g a c o r");
    assert_eq!("gacor".chars().map(leet).collect::<String>(), "g4c0r");
    assert_eq!(inside_first_word("Le 12 juin, Paris", "|"), "Le 12 ju|in, Paris");
    assert_eq!(styled_first_word("Le grand jour", fullwidth), "Le ｇｒａｎｄ jour");
    assert_eq!(CLEAN_TRICKS.iter().find(|t| t.0 == "one spaced-out word").unwrap().1("Le grand jour"), "Le g r a n d jour");
    assert_eq!("Bet".chars().map(math_bold).collect::<String>(), "𝐁𝐞𝐭");
}
