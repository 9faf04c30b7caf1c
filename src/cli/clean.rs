//! `chaff clean FILE...`: the text of plain documents without spam and boilerplate lines.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::{Exit, ModelArgs, inputs_or_stdin, read_input};
use chaff::batch::clean_text;
use chaff::{Classifier, decode_text};

#[derive(clap::Args, Debug)]
pub struct CleanArgs {
    /// Text files (UTF-8, one document each); `-`, or no FILE when standard input is not a
    /// terminal, reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Write each cleaned document to this folder under its path as given (`a/x.txt` →
    /// `DIR/a/x.txt`; the root of a path and `..` parts that would leave DIR are left out), instead of printing
    /// them all to standard output. Two inputs that would write one file, or an input that
    /// would be overwritten, stop the run before anything is written.
    #[arg(long, value_name = "DIR")]
    output_dir: Option<PathBuf>,
    /// Keep boilerplate lines (drop spam only).
    #[arg(long)]
    keep_boilerplate: bool,
    #[command(flatten)]
    model: ModelArgs,
}

pub fn run(args: CleanArgs) -> Result<Exit> {
    let files = inputs_or_stdin(&args.files, "clean", "cat page.txt");
    let targets = match &args.output_dir {
        Some(dir) => Some(output_paths(dir, &files)?),
        None => None,
    };
    let model = args.model.load()?;
    let classifier = args.model.classifier(&model);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for (i, path) in files.iter().enumerate() {
        let cleaned = match clean_file(&classifier, path, args.keep_boilerplate) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("chaff: {e:#}");
                failed = true;
                continue;
            }
        };
        match &targets {
            Some(targets) => write_file(&targets[i], &cleaned)?,
            None => out.write_all(cleaned.as_bytes())?,
        }
    }
    out.flush()?;
    Ok(if failed { Exit::Error } else { Exit::Clean })
}

/// The cleaned text of the file at `path`, ending with one newline as a text file does.
fn clean_file(classifier: &Classifier, path: &Path, keep_boilerplate: bool) -> Result<String> {
    let bytes = read_input(path)?;
    let text = decode_text(&bytes).with_context(|| path.display().to_string())?;
    let verdict = classifier.classify(text).with_context(|| path.display().to_string())?;
    let mut cleaned = clean_text(text, &verdict, keep_boilerplate);
    if !cleaned.ends_with('\n') {
        cleaned.push('\n');
    }
    Ok(cleaned)
}

/// Writes `text` to `target`, creating its folders.
fn write_file(target: &Path, text: &str) -> Result<()> {
    if let Some(folder) = target.parent() {
        std::fs::create_dir_all(folder).with_context(|| format!("cannot create {}", folder.display()))?;
    }
    std::fs::write(target, text).with_context(|| format!("cannot write {}", target.display()))
}

/// Where `--output-dir DIR` writes the cleaned `input`: its path under `DIR`, read without
/// its root, `.` parts and the `..` parts that would leave `DIR` (`/data/a/x.txt` →
/// `DIR/data/a/x.txt`, `b/../a/x.txt` → `DIR/a/x.txt`, `../b/x.txt` → `DIR/b/x.txt`);
/// standard input (`-`) → `DIR/stdin.txt`.
fn output_path(dir: &Path, input: &Path) -> PathBuf {
    if input.as_os_str() == "-" {
        return dir.join("stdin.txt");
    }
    let mut relative = PathBuf::new();
    for part in input.components() {
        match part {
            Component::Normal(name) => relative.push(name),
            Component::ParentDir => {
                relative.pop();
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    dir.join(relative)
}

/// The output path of every input (see [`output_path`]), or an error, before anything is
/// written, when two inputs would write one file or an input would be overwritten by its
/// own cleaned text.
fn output_paths(dir: &Path, inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut first_of: HashMap<PathBuf, &Path> = HashMap::new();
    let mut targets = Vec::with_capacity(inputs.len());
    for input in inputs {
        let target = output_path(dir, input);
        if let Some(first) = first_of.insert(target.clone(), input) {
            bail!(
                "{} and {} would both be written to {}: nothing was written; clean them into \
                 separate --output-dir folders",
                first.display(),
                input.display(),
                target.display()
            );
        }
        if is_same_file(input, &target) {
            bail!(
                "{} would be overwritten by its cleaned text: nothing was written; choose another --output-dir",
                input.display()
            );
        }
        targets.push(target);
    }
    Ok(targets)
}

/// Whether `a` and `b` both exist and are one file.
fn is_same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_keep_the_relative_path_under_the_folder() {
        let out = Path::new("out");
        assert_eq!(output_path(out, Path::new("a/x.txt")), Path::new("out/a/x.txt"));
        assert_eq!(output_path(out, Path::new("./a/./x.txt")), Path::new("out/a/x.txt"));
        assert_eq!(output_path(out, Path::new("/data/a/x.txt")), Path::new("out/data/a/x.txt"));
        assert_eq!(output_path(out, Path::new("../../b/x.txt")), Path::new("out/b/x.txt"));
        assert_eq!(output_path(out, Path::new("b/../a/x.txt")), Path::new("out/a/x.txt"));
        assert_eq!(output_path(out, Path::new("-")), Path::new("out/stdin.txt"));
    }

    #[test]
    fn two_inputs_for_one_output_are_refused_by_name() {
        let inputs = [PathBuf::from("a/x.txt"), PathBuf::from("b/x.txt"), PathBuf::from("../a/x.txt")];
        let err = output_paths(Path::new("out"), &inputs).unwrap_err().to_string();
        assert!(err.starts_with("a/x.txt and ../a/x.txt would both be written to out/a/x.txt"), "{err}");
        let targets = output_paths(Path::new("out"), &inputs[..2]).unwrap();
        assert_eq!(targets, [Path::new("out/a/x.txt"), Path::new("out/b/x.txt")]);
    }
}
