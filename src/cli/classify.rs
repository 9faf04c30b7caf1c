//! `chaff classify FILE...`: a verdict per file, `--explain` for every line.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;
use clap::builder::styling::{AnsiColor, Style};
use serde::Serialize;

use super::{Exit, Format, ModelArgs, inputs_or_stdin, read_input};
use chaff::{Label, LineClass, Reason, Verdict, decode_text};

#[derive(clap::Args, Debug)]
pub struct ClassifyArgs {
    /// Text files to classify (UTF-8, one document each); `-`, or no FILE when standard
    /// input is not a terminal, reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Also print every line's class, probability and the features that decided it.
    #[arg(long)]
    explain: bool,
    /// Output format: `text` for people, `json` for programs (one object per file per line).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Colour the line classes of --explain's text (spam red, boilerplate yellow): `auto`
    /// when standard output is a terminal and NO_COLOR is not set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    #[command(flatten)]
    model: ModelArgs,
}

pub fn run(args: ClassifyArgs) -> Result<Exit> {
    let files = inputs_or_stdin(&args.files, "classify", "cat page.txt");
    let model = args.model.load()?;
    let classifier = args.model.classifier(&model);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let color = args.color.enabled(io::stdout().is_terminal(), std::env::var_os("NO_COLOR"));
    let (mut failed, mut spam) = (false, false);
    for path in &files {
        let name = path.display().to_string();
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("chaff: {e:#}");
                failed = true;
                continue;
            }
        };
        let classified = decode_text(&bytes).and_then(|text| {
            let verdict = if args.explain { classifier.explain(text) } else { classifier.classify(text) };
            Ok((text, verdict?))
        });
        let (text, verdict) = match classified {
            Ok(v) => v,
            Err(e) => {
                eprintln!("chaff: {name}: {e}");
                failed = true;
                continue;
            }
        };
        spam |= verdict.label() == Label::Spam;
        match args.format {
            Format::Json => write_json(&mut out, &name, &verdict, args.explain)?,
            Format::Text => write_text(&mut out, &name, text, &verdict, args.explain.then_some(color))?,
        }
    }
    out.flush()?;
    Ok(if failed { Exit::Error } else if spam { Exit::Spam } else { Exit::Clean })
}

#[derive(Serialize)]
struct JsonReason {
    feature: &'static str,
    value: f64,
    contribution: f64,
}

#[derive(Serialize)]
struct JsonLine {
    index: usize,
    class: &'static str,
    p: f64,
    p_content: f64,
    p_boilerplate: f64,
    p_spam: f64,
    reasons: Vec<JsonReason>,
}

#[derive(Serialize)]
struct JsonVerdict<'a> {
    file: &'a str,
    label: &'static str,
    p_spam: f64,
    language: Option<&'static str>,
    lines: usize,
    spam_lines: Vec<usize>,
    boilerplate_lines: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reasons: Option<Vec<JsonReason>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<JsonLine>>,
}

fn json_reasons(reasons: &[Reason]) -> Vec<JsonReason> {
    reasons
        .iter()
        .map(|r| JsonReason { feature: r.feature, value: r.value, contribution: r.contribution })
        .collect()
}

fn write_json(out: &mut impl Write, file: &str, v: &Verdict, explain: bool) -> Result<()> {
    let lines = explain.then(|| {
        v.lines()
            .iter()
            .filter_map(|l| {
                let class = l.class?;
                Some(JsonLine {
                    index: l.index,
                    class: class.as_str(),
                    p: l.probability(),
                    p_content: l.probs[0],
                    p_boilerplate: l.probs[1],
                    p_spam: l.probs[2],
                    reasons: json_reasons(&l.reasons),
                })
            })
            .collect()
    });
    let record = JsonVerdict {
        file,
        label: v.label().as_str(),
        p_spam: v.p_spam(),
        language: v.language(),
        lines: v.lines().len(),
        spam_lines: v.lines_of(LineClass::Spam),
        boilerplate_lines: v.lines_of(LineClass::Boilerplate),
        reasons: explain.then(|| json_reasons(v.reasons())),
        explain: lines,
    };
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// When to colour `--explain`'s text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is unset (or empty).
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether standard output is a terminal and the value of
    /// NO_COLOR.
    fn enabled(self, terminal: bool, no_color: Option<OsString>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// `class` padded to the width of the longest class name, in its colour when `color`.
fn class_cell(class: LineClass, color: bool) -> String {
    let name = class.as_str();
    let pad = " ".repeat(11usize.saturating_sub(name.len()));
    let style = match class {
        LineClass::Spam => Style::new().fg_color(Some(AnsiColor::Red.into())),
        LineClass::Boilerplate => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
        LineClass::Content => Style::new(),
    };
    if color { format!("{style}{name}{style:#}{pad}") } else { format!("{name}{pad}") }
}

/// Writes the verdict line, and with `explain` (whether to colour) every non-blank line.
fn write_text(out: &mut impl Write, file: &str, text: &str, v: &Verdict, explain: Option<bool>) -> Result<()> {
    let spam = v.lines_of(LineClass::Spam).len();
    let bp = v.lines_of(LineClass::Boilerplate).len();
    let lang = v.language().unwrap_or("?");
    let lines = v.lines().len();
    let noun = if lines == 1 { "line" } else { "lines" };
    writeln!(
        out,
        "{file}: {} (p_spam {:.3}), {spam} spam and {bp} boilerplate of {lines} {noun}, language {lang}",
        v.label().as_str(),
        v.p_spam(),
    )?;
    let Some(color) = explain else {
        return Ok(());
    };
    writeln!(out, "  document: {}", reasons_text(v.reasons()))?;
    for (line, raw) in v.lines().iter().zip(chaff::Document::new(text).lines()) {
        let Some(class) = line.class else { continue };
        writeln!(
            out,
            "  {:>4}  {} {:.2}  {:<48}  {}",
            line.index,
            class_cell(class, color),
            line.probability(),
            preview(raw.text, 48),
            reasons_text(&line.reasons)
        )?;
    }
    Ok(())
}

fn reasons_text(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| format!("{}={} {:+.2}", r.feature, short_number(r.value), r.contribution))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A feature value in a few characters: `1`, `0.35`, `-2.4`.
fn short_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e6 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// The first `width` characters of `s`, padded, with `…` when cut.
fn preview(s: &str, width: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut p: String = s.chars().take(width - 1).collect();
    p.push('…');
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_only_a_terminal_without_no_color() {
        let auto = ColorChoice::Auto;
        assert!(auto.enabled(true, None));
        assert!(auto.enabled(true, Some("".into())), "an empty NO_COLOR does not count");
        assert!(!auto.enabled(true, Some("1".into())));
        assert!(!auto.enabled(false, None));
        assert!(ColorChoice::Always.enabled(false, Some("1".into())));
        assert!(!ColorChoice::Never.enabled(true, None));
    }

    #[test]
    fn class_cells_are_coloured_and_padded_alike() {
        assert_eq!(class_cell(LineClass::Spam, false), "spam       ");
        assert_eq!(class_cell(LineClass::Spam, true), "\x1b[31mspam\x1b[0m       ");
        assert_eq!(class_cell(LineClass::Boilerplate, true), "\x1b[33mboilerplate\x1b[0m");
        assert_eq!(class_cell(LineClass::Content, true), "content    ");
    }
}
