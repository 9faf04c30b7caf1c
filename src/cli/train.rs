//! `chaff train DATA... -o MODEL`: fit both models and report cross-validated metrics.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::{Exit, file_error};
use chaff::Model;
use chaff::train::{OutOfFold, TrainParams, VocabParams, calibrate, read_examples, train, train_documents};

#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Labelled data: JSONL files (`{"text", "spam_lines", "boilerplate_lines", ...}`) or
    /// folders with `spam/` and `clean/` subfolders of .txt files. Data with document labels
    /// only trains the document model alone, on the built-in model's line models.
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
    /// Leave a feature family out (its weights are 0), for ablation studies; repeatable:
    /// `--without pos --without head`. Families: shape, pos, script, glued, lex, link, bp,
    /// head, coh, lang, ctx, reg, vocab, contrast.
    #[arg(long, value_name = "FAMILY")]
    without: Vec<String>,
    /// Sites (the records' `group`) a word must occur on to enter the learned vocabulary.
    #[arg(long, default_value_t = TrainParams::default().vocab.min_groups)]
    vocab_min_sites: usize,
    /// The most terms the learned vocabulary keeps (0: no vocabulary).
    #[arg(long, default_value_t = TrainParams::default().vocab.max_terms)]
    vocab_size: usize,
    /// Choose the document threshold on this development set (JSONL with labels) instead of
    /// by cross-validation: the best F1 whose false-positive rate there is at most
    /// `--max-fpr`. The set is only measured on, never trained on.
    #[arg(long, value_name = "DEV.jsonl")]
    calibrate: Option<PathBuf>,
    /// Also write every document's out-of-fold probabilities (JSONL: `id`, `label`,
    /// `p_spam`, `line_p_spam`), to see which documents and lines cross-validation gets
    /// wrong.
    #[arg(long, value_name = "FILE")]
    out_of_fold: Option<PathBuf>,
    /// Do not print progress.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: TrainArgs) -> Result<Exit> {
    let params = TrainParams {
        folds: args.folds,
        alpha: args.alpha,
        max_iterations: args.max_iterations,
        // With a development set the false-positive bound applies there; cross-validation
        // then takes its best F1, at which the line thresholds inside spam documents are tuned.
        max_fpr: if args.calibrate.is_some() { 1.0 } else { args.max_fpr },
        without: args.without,
        vocab: VocabParams {
            min_groups: args.vocab_min_sites,
            max_terms: args.vocab_size,
            ..VocabParams::default()
        },
    }
    .check()?;
    check_folder_of(&args.output)?;
    if let Some(path) = &args.out_of_fold {
        check_folder_of(path)?;
    }
    let mut examples = Vec::new();
    for path in &args.data {
        examples.extend(read_examples(path)?);
    }
    // Read before training, so that a missing development set is reported at once.
    let dev = args.calibrate.as_deref().map(read_examples).transpose()?;
    let quiet = args.quiet;
    let progress = |msg: &str| {
        if !quiet {
            eprintln!("chaff train: {msg}");
        }
    };
    let line_labels = examples.iter().any(|e| e.lines.is_some());
    let mut trained = if line_labels {
        train(&examples, &params, progress)?
    } else {
        println!(
            "no line labels in the data: training the document model on the documents' labels; \
             the vocabulary, the line models and the line thresholds are the built-in model's"
        );
        train_documents(&examples, Model::builtin()?, &params, progress)?
    };
    let calibrated = match (&args.calibrate, dev) {
        (Some(path), Some(dev)) => {
            let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            Some(calibrate(&mut trained.model, &dev, &name, args.max_fpr)?)
        }
        _ => None,
    };
    if let Some(path) = &args.out_of_fold {
        write_out_of_fold(path, &examples, &trained.out_of_fold)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    trained
        .model
        .save(&args.output)
        .map_err(|e| file_error(e, format!("cannot write the model to {}", args.output.display())))?;
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
        t.cv.doc_threshold
    );
    for (name, c) in [("spam lines", &trained.spam_lines), ("boilerplate", &trained.boilerplate_lines)] {
        if line_labels {
            println!("  {name:<12} precision {:.3}  recall {:.3}  F1 {:.3}", c.precision(), c.recall(), c.f1());
        } else {
            println!("  {name:<12} not measured: no line labels");
        }
    }
    if let Some(c) = calibrated {
        println!(
            "document threshold {:.2}, chosen on {}: precision {:.3}  recall {:.3}  F1 {:.3}  FPR {:.3}",
            trained.model.thresholds.document,
            args.calibrate.as_ref().map_or_else(String::new, |p| p.display().to_string()),
            c.precision(),
            c.recall(),
            c.f1(),
            c.fpr()
        );
    }
    println!("model written to {}", args.output.display());
    Ok(Exit::Clean)
}

/// Fails at once when the folder `path` is to be written in does not exist, rather than
/// after training.
fn check_folder_of(path: &Path) -> Result<()> {
    let folder = path.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new("."));
    anyhow::ensure!(folder.is_dir(), "cannot write {}: the folder {} does not exist", path.display(), folder.display());
    Ok(())
}

fn write_out_of_fold(path: &Path, examples: &[chaff::train::Example], scores: &[OutOfFold]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (e, p) in examples.iter().zip(scores) {
        let record = serde_json::json!({"id": e.id, "label": e.label as u8, "p_spam": p.p_spam, "line_p_spam": p.lines});
        writeln!(out, "{record}")?;
    }
    out.flush()
}
