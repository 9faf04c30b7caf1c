//! `chaff eval DATA...`: document and line metrics, overall and per language.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::{Exit, Format, ModelArgs};
use chaff::eval::{Report, Scores, evaluate};
use chaff::train::read_examples;

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Labelled JSONL files (or folders with spam/ and clean/ .txt files).
    #[arg(required = true, value_name = "DATA")]
    data: Vec<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
    /// Output format: `text` (a table) or `json` (a stable interface).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: EvalArgs) -> Result<Exit> {
    let model = args.model.load()?;
    let classifier = args.model.classifier(&model);
    let mut examples = Vec::new();
    for path in &args.data {
        examples.extend(read_examples(path)?);
    }
    let report = evaluate(&classifier, &examples);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
        Format::Text => write_table(&mut out, &report)?,
    }
    Ok(Exit::Clean)
}

fn write_table(out: &mut impl Write, report: &Report) -> Result<()> {
    writeln!(
        out,
        "{:<6} {:>5}  {:>6} {:>6} {:>6} {:>6} {:>6}  | spam lines: {:>5} {:>5} {:>5} {:>5}  | boilerplate: {:>5} {:>5} {:>5} {:>5}",
        "lang", "docs", "P", "R", "F1", "FPR", "AUC", "P", "R", "F1", "n", "P", "R", "F1", "n"
    )?;
    let all = Scores { documents: report.documents.clone(), lines: report.lines.clone() };
    write_row(out, "all", &all)?;
    for (lang, scores) in &report.languages {
        write_row(out, lang, scores)?;
    }
    Ok(())
}

fn write_row(out: &mut impl Write, name: &str, s: &Scores) -> Result<()> {
    let d = &s.documents;
    let auc = d.auc.map_or("-".to_string(), |a| format!("{a:.3}"));
    let (sp, bp) = (&s.lines.spam, &s.lines.boilerplate);
    writeln!(
        out,
        "{name:<6} {:>5}  {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6}  |             {:>5.3} {:>5.3} {:>5.3} {:>5}  |              {:>5.3} {:>5.3} {:>5.3} {:>5}",
        d.count, d.precision, d.recall, d.f1, d.fpr, auc, sp.precision, sp.recall, sp.f1, sp.support, bp.precision, bp.recall, bp.f1, bp.support
    )?;
    Ok(())
}
