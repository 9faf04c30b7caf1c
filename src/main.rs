//! The `chaff` command line: `classify`, `score`, `clean`, `train`, `eval`, `completions` and `man`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code.into(),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("chaff: {err:#}");
            cli::Exit::Error.into()
        }
    }
}
