//! `chaff train DATA... -o MODEL`: fit both models and report cross-validated metrics.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::Exit;
use chaff::train::{TrainParams, read_examples, train};

#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Labelled data: JSONL files (`{"text", "spam_lines", "boilerplate_lines", ...}`) or
    /// folders with `spam/` and `clean/` subfolders of .txt files.
    #[arg(required = true, value_name = "DATA")]
    data: Vec<PathBuf>,
    /// Where to write the model (JSON).
    #[arg(short, long, value_name = "MODEL")]
    output: PathBuf,
    /// Cross-validation folds.
    #[arg(long, default_value_t = TrainParams::default().folds)]
    folds: usize,
    /// L2 penalty of both logistic regressions.
    #[arg(long, default_value_t = TrainParams::default().alpha)]
    alpha: f64,
    /// Maximum L-BFGS iterations per fit.
    #[arg(long, default_value_t = TrainParams::default().max_iterations)]
    max_iterations: u64,
    /// Highest document false-positive rate the chosen threshold may have in cross-validation.
    #[arg(long, default_value_t = TrainParams::default().max_fpr)]
    max_fpr: f64,
    /// Do not print progress.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: TrainArgs) -> Result<Exit> {
    let params = TrainParams {
        folds: args.folds,
        alpha: args.alpha,
        max_iterations: args.max_iterations,
        max_fpr: args.max_fpr,
    }
    .check()?;
    let mut examples = Vec::new();
    for path in &args.data {
        examples.extend(read_examples(path)?);
    }
    let quiet = args.quiet;
    let trained = train(&examples, &params, |msg| {
        if !quiet {
            eprintln!("chaff train: {msg}");
        }
    })?;
    trained
        .model
        .save(&args.output)
        .with_context(|| format!("cannot write the model to {}", args.output.display()))?;
    let t = &trained.model.training;
    println!(
        "trained on {} documents ({} spam), {} lines; {}-fold cross-validation:",
        t.documents,
        t.spam_documents,
        t.lines.values().sum::<usize>(),
        t.folds
    );
    let d = &trained.documents;
    println!(
        "  documents    precision {:.3}  recall {:.3}  F1 {:.3}  FPR {:.3}  AUC {:.3}  (threshold {:.2})",
        d.precision(),
        d.recall(),
        d.f1(),
        d.fpr(),
        t.cv.doc_auc,
        trained.model.thresholds.document
    );
    for (name, c) in [("spam lines", &trained.spam_lines), ("boilerplate", &trained.boilerplate_lines)] {
        println!("  {name:<12} precision {:.3}  recall {:.3}  F1 {:.3}", c.precision(), c.recall(), c.f1());
    }
    println!("model written to {}", args.output.display());
    Ok(Exit::Clean)
}
