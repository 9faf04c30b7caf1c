//! Command-line arguments (clap) and their conversion into library calls. The library
//! never sees clap.

mod classify;
mod clean;
mod docs;
mod eval;
mod help;
mod score;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use chaff::{Classifier, Limits, Model};

/// Exit codes of every `chaff` command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Success; for `classify`, no input is spam.
    Clean = 0,
    /// `classify`: at least one input is spam.
    Spam = 1,
    /// An error: bad arguments, an unreadable or invalid input or model. With several
    /// inputs, the others are still processed.
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

/// chaff finds injected spam and site boilerplate in scraped text, line by line, in many
/// languages.
#[derive(Parser, Debug)]
#[command(name = "chaff", version, about, after_help = help::CHAFF)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Classify text files: a verdict per file, and with --explain every line's class,
    /// probability and reasons.
    #[command(after_help = help::CLASSIFY)]
    Classify(classify::ClassifyArgs),
    /// Score JSONL records for pipelines: every record out again, in order, with
    /// "chaff": {"label", "p_spam", "spam_lines", "boilerplate_lines"} added; on all cores.
    #[command(after_help = help::SCORE)]
    Score(score::ScoreArgs),
    /// Print the text of documents without their spam and boilerplate lines.
    #[command(after_help = help::CLEAN)]
    Clean(clean::CleanArgs),
    /// Train a model from labelled JSONL (or a folder with spam/ and clean/ .txt files)
    /// and print cross-validated metrics.
    #[command(after_help = help::TRAIN)]
    Train(train::TrainArgs),
    /// Measure a model on labelled JSONL: document and line metrics, overall and per
    /// language.
    #[command(after_help = help::EVAL)]
    Eval(eval::EvalArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(after_help = help::COMPLETIONS)]
    Completions(docs::CompletionsArgs),
    /// Print the man page (roff) of chaff or of one of its commands.
    #[command(after_help = help::MAN)]
    Man(docs::ManArgs),
}

/// Output format of `classify` and `eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    Text,
    /// JSON for programs (classify: one object per input per line).
    Json,
}

/// Runs the command line.
pub fn run() -> Result<Exit> {
    let matches = Args::command().long_version(help::long_version()).get_matches();
    let args = Args::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match args.command {
        Command::Classify(a) => classify::run(a),
        Command::Score(a) => score::run(a),
        Command::Clean(a) => clean::run(a),
        Command::Train(a) => train::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Completions(a) => docs::completions(a),
        Command::Man(a) => docs::man(a),
    }
}

/// The model options every command that classifies shares.
#[derive(clap::Args, Debug)]
pub struct ModelArgs {
    /// Use this model file instead of the built-in model.
    #[arg(long, value_name = "PATH", env = "CHAFF_MODEL")]
    model: Option<PathBuf>,
    /// Document spam threshold (0-1) instead of the model's own.
    #[arg(long, value_parser = probability, value_name = "P")]
    threshold: Option<f64>,
    /// Refuse documents over this many bytes (a refused document is an error, never cut).
    #[arg(long, value_name = "BYTES", default_value_t = Limits::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Refuse documents over this many lines. Memory grows with both: about 550 bytes a line.
    #[arg(long, value_name = "LINES", default_value_t = Limits::DEFAULT_MAX_LINES)]
    max_lines: usize,
}

impl ModelArgs {
    /// The model from `--model`, or the built-in one.
    fn load(&self) -> Result<Model> {
        match &self.model {
            Some(p) => Model::load(p).map_err(|e| file_error(e, format!("cannot use model {}", p.display()))),
            None => Ok(Model::builtin()?.clone()),
        }
    }

    /// The document limits from `--max-bytes` and `--max-lines`.
    fn limits(&self) -> Limits {
        Limits { max_bytes: self.max_bytes, max_lines: self.max_lines }
    }

    /// A classifier over `model` with `--threshold` and the limits applied.
    fn classifier<'m>(&self, model: &'m Model) -> Classifier<'m> {
        let classifier = Classifier::new(model).with_limits(self.limits());
        match self.threshold {
            Some(t) => classifier.with_threshold(t),
            None => classifier,
        }
    }
}

/// The inputs named on the command line of `command`; with none, `-` (standard input) when
/// standard input is not a terminal. With none and a terminal, nobody is piping text in:
/// exits 2 with a usage error instead of waiting for typed input.
fn inputs_or_stdin(inputs: &[PathBuf], command: &str, pipe_example: &str) -> Vec<PathBuf> {
    use std::io::IsTerminal;
    if !inputs.is_empty() {
        return inputs.to_vec();
    }
    if !std::io::stdin().is_terminal() {
        return vec![PathBuf::from("-")];
    }
    let mut cli = <Args as clap::CommandFactory>::command();
    cli.build();
    let sub = cli.find_subcommand_mut(command).expect("the command is a subcommand of chaff");
    let message = format!(
        "no input named and standard input is a terminal: name a file, or pipe text in \
         (`{pipe_example} | chaff {command}`)"
    );
    sub.error(clap::error::ErrorKind::MissingRequiredArgument, message).exit()
}

/// Reads a whole input file, `-` being standard input.
fn read_input(path: &std::path::Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).context("cannot read standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    }
    Ok(bytes)
}

/// A library error about a file under `context`, which names that file: an I/O error's own
/// naming of it is left out, so that every part of the message is printed once
/// (`cannot use model m.json: No such file or directory (os error 2)`).
fn file_error(error: chaff::Error, context: String) -> anyhow::Error {
    match error {
        chaff::Error::Io { error, .. } => anyhow::Error::new(error).context(context),
        other => anyhow::Error::new(other).context(context),
    }
}

/// Parses a probability between 0 and 1 (for `--threshold`).
fn probability(s: &str) -> std::result::Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&v) { Ok(v) } else { Err(format!("{v} is not between 0 and 1")) }
}

/// Whether `err` comes from writing to a closed pipe (`chaff … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let io = match e.downcast_ref::<chaff::Error>() {
            Some(chaff::Error::Output { error, .. }) => Some(error),
            _ => e.downcast_ref::<std::io::Error>(),
        };
        io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_stable() {
        assert_eq!(Exit::Clean as u8, 0);
        assert_eq!(Exit::Spam as u8, 1);
        assert_eq!(Exit::Error as u8, 2);
    }

    #[test]
    fn thresholds_are_probabilities() {
        assert_eq!(probability("0.25"), Ok(0.25));
        assert!(probability("1.5").unwrap_err().contains("not between 0 and 1"));
        assert!(probability("x").is_err());
    }

    #[test]
    fn a_closed_pipe_is_recognised_in_output_errors() {
        let closed =
            |kind| chaff::Error::Output { name: "standard output".into(), written: 3, whole: false, error: kind };
        assert!(is_broken_pipe(&closed(std::io::ErrorKind::BrokenPipe.into()).into()));
        assert!(!is_broken_pipe(&closed(std::io::ErrorKind::StorageFull.into()).into()));
        assert!(is_broken_pipe(&anyhow::Error::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe))));
    }

    #[test]
    fn arguments_parse() {
        use clap::CommandFactory;
        Args::command().debug_assert();
    }

    /// `chaff train --help` lists the feature families by hand; every family the extractors
    /// have must be in it.
    #[test]
    fn train_help_names_every_feature_family() {
        use clap::CommandFactory;
        let command = Args::command();
        let train = command.find_subcommand("train").expect("a train command");
        let without = train.get_arguments().find(|a| a.get_id() == "without").expect("--without");
        let help = without.get_long_help().or(without.get_help()).expect("help text").to_string();
        let words: Vec<&str> = help.split(|c: char| !c.is_alphanumeric()).collect();
        for family in chaff::train::feature_families() {
            assert!(words.contains(&family), "--without's help does not name the family {family:?}: {help}");
        }
    }
}
