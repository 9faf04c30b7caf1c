//! `chaff clean FILE...`: the text of plain documents without spam and boilerplate lines.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use super::{Exit, ModelArgs, inputs_or_stdin, read_input};
use chaff::batch::clean_text;
use chaff::decode_text;

#[derive(clap::Args, Debug)]
pub struct CleanArgs {
    /// Text files (UTF-8, one document each); `-`, or no FILE when standard input is not a
    /// terminal, reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Write each cleaned document to this folder under its file name, instead of printing
    /// them all to standard output.
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
    let model = args.model.load()?;
    let classifier = args.model.classifier(&model);
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for path in &files {
        let cleaned = read_input(path).and_then(|bytes| {
            let text = decode_text(&bytes).with_context(|| path.display().to_string())?;
            let verdict = classifier.classify(text).with_context(|| path.display().to_string())?;
            Ok(clean_text(text, &verdict, args.keep_boilerplate))
        });
        let mut cleaned = match cleaned {
            Ok(c) => c,
            Err(e) => {
                eprintln!("chaff: {e:#}");
                failed = true;
                continue;
            }
        };
        // Every document ends with one newline, as a text file does.
        if !cleaned.ends_with('\n') {
            cleaned.push('\n');
        }
        match &args.output_dir {
            Some(dir) => {
                let name = path.file_name().map_or_else(|| "stdin.txt".into(), |n| n.to_os_string());
                let target = dir.join(name);
                std::fs::write(&target, cleaned).with_context(|| format!("cannot write {}", target.display()))?;
            }
            None => out.write_all(cleaned.as_bytes())?,
        }
    }
    out.flush()?;
    Ok(if failed { Exit::Error } else { Exit::Clean })
}
