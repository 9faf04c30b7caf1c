//! The help that teaches: every command's examples and exit codes (shown after its options
//! by `--help` and in the man page), and the long version with the built-in model's
//! training summary.

use chaff::Model;

/// After `chaff --help`.
pub const CHAFF: &str = "\
Examples:
  chaff classify --explain page.txt        every line's class, probability and reasons
  zcat crawl.jsonl.gz | chaff score > scored.jsonl
  chaff clean --output-dir out pages/*.txt
  chaff completions bash > ~/.local/share/bash-completion/completions/chaff
  chaff man > ~/.local/share/man/man1/chaff.1

Exit codes:
  0  done (classify: no input is spam)
  1  classify: at least one input is spam
  2  an error (bad arguments, an input or the model could not be read); see each command's --help

CHAFF_MODEL, when set, names the model file to use instead of the built-in one (as --model).";

/// After `chaff classify --help`.
pub const CLASSIFY: &str = "\
Examples:
  chaff classify page.txt other.txt            one verdict per file
  chaff classify --explain page.txt            every line: class, probability, top reasons
  cat page.txt | chaff classify                standard input (also `-`)
  chaff classify --format json page.txt        one JSON object per file per line
  chaff classify --model my.json --threshold 0.7 page.txt

Exit codes:
  0  no input is spam
  1  at least one input is spam
  2  an error: an input that is missing, empty, binary or not UTF-8 (the other inputs are
     still classified), a model that cannot be used, bad arguments, or no FILE while
     standard input is a terminal";

/// After `chaff score --help`.
pub const SCORE: &str = "\
Examples:
  chaff score crawl.jsonl.zst > scored.jsonl         plain, .gz or .zst
  zcat crawl.jsonl.gz | chaff score > scored.jsonl   standard input
  chaff score pages/ -o scored.jsonl                 a folder of .txt files (id = path)
  chaff score crawl.jsonl --text-field body --id-field url --clean --spans --errors bad.jsonl

Exit codes:
  0  every record was scored
  2  some records failed (each reported as PATH:LINE: message), an input could not be
     read (reported; the others are scored), the output could not be written, bad
     arguments, or no INPUT while standard input is a terminal
A summary line on standard error counts records read, scored, spam and failed.";

/// After `chaff clean --help`.
pub const CLEAN: &str = "\
Examples:
  chaff clean page.txt > page.clean.txt
  cat page.txt | chaff clean --keep-boilerplate
  chaff clean --output-dir out a/x.txt b/x.txt       writes out/a/x.txt and out/b/x.txt

Exit codes (spam found is not an error: clean never exits 1):
  0  every input was cleaned
  2  an error: an input that is missing, empty, binary or not UTF-8 (the other inputs are
     still cleaned), two inputs for one --output-dir file or an input that would be
     overwritten (nothing is written), a model that cannot be used, bad arguments, or no
     FILE while standard input is a terminal";

/// After `chaff train --help`.
pub const TRAIN: &str = "\
Examples:
  chaff train training-data -o my.json
  chaff train training-data --calibrate ../shared/dev/dev-real.jsonl --max-fpr 0.025 -o models/default.json
  chaff train training-data --without vocab -o no-vocab.json       ablation
  chaff train mydata -o mine.json       mydata/spam/*.txt and mydata/clean/*.txt: document labels only

Exit codes:
  0  the model was written
  2  an error: unreadable or malformed data (named PATH:LINE), bad parameters, or a model
     that could not be written (the previous file is kept)";

/// After `chaff eval --help`.
pub const EVAL: &str = "\
Examples:
  chaff eval ../shared/dev/dev-real.jsonl
  chaff eval --model my.json --format json dev.jsonl

Exit codes:
  0  the report was printed
  2  an error: unreadable or malformed data (named PATH:LINE), a model that cannot be
     used, or bad arguments";

/// After `chaff completions --help`.
pub const COMPLETIONS: &str = "\
Examples:
  chaff completions bash > ~/.local/share/bash-completion/completions/chaff
  chaff completions zsh > ~/.zfunc/_chaff            with fpath+=~/.zfunc in ~/.zshrc
  chaff completions fish > ~/.config/fish/completions/chaff.fish

Exit codes:
  0  the script was printed
  2  bad arguments";

/// After `chaff man --help`.
pub const MAN: &str = "\
Examples:
  chaff man > ~/.local/share/man/man1/chaff.1                then: man chaff
  chaff man classify > ~/.local/share/man/man1/chaff-classify.1

Exit codes:
  0  the page was printed
  2  bad arguments";

/// `chaff --version`: the version, then what the built-in model was trained on and how its
/// threshold was chosen.
pub fn long_version() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match Model::builtin() {
        Ok(model) => format!("{version}\n{}", model_summary(model)),
        Err(e) => format!("{version}\n{e}"),
    }
}

/// A few lines on how `model` was trained.
fn model_summary(model: &Model) -> String {
    let t = &model.training;
    format!(
        "built-in model: trained on {} documents ({} spam), {} labelled lines, {} languages (data {})\n\
         {}-fold cross-validation: document F1 {:.3}, AUC {:.3}; spam-line F1 {:.3}, boilerplate-line F1 {:.3}\n\
         document threshold {}, chosen on {}",
        t.documents,
        t.spam_documents,
        t.lines.values().sum::<usize>(),
        t.languages.len(),
        t.data_fingerprint,
        t.folds,
        t.cv.doc_f1,
        t.cv.doc_auc,
        t.cv.line_spam_f1,
        t.cv.line_boilerplate_f1,
        model.thresholds.document,
        t.threshold_chosen_on
    )
}
