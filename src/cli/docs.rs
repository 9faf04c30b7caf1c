//! `chaff completions SHELL` and `chaff man [COMMAND]`: shell completion scripts and roff
//! man pages generated from the same clap definitions as `--help`.

use std::io::Write;

use anyhow::{Result, bail};
use clap::CommandFactory;

use super::{Args, Exit};

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(clap::Args, Debug)]
pub struct ManArgs {
    /// A command's own page (`chaff-classify.1`) instead of chaff's (`chaff.1`).
    #[arg(value_name = "COMMAND")]
    command: Option<String>,
}

/// Prints the completion script for `args.shell`.
pub fn completions(args: CompletionsArgs) -> Result<Exit> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut Args::command(), "chaff", &mut out);
    out.flush()?;
    Ok(Exit::Clean)
}

/// Prints the man page of chaff or of one of its commands, in roff.
pub fn man(args: ManArgs) -> Result<Exit> {
    let mut chaff = Args::command();
    chaff.build();
    let page = match &args.command {
        None => chaff,
        Some(name) => match chaff.find_subcommand(name) {
            // The command's page is named and titled chaff-NAME, as man(1) looks it up.
            Some(sub) => sub.clone().name(format!("chaff-{name}")).version(env!("CARGO_PKG_VERSION")),
            None => bail!("no command `{name}`: {}", command_names(&chaff)),
        },
    };
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(page).render(&mut out)?;
    out.flush()?;
    Ok(Exit::Clean)
}

/// "the commands are classify, score, …" for an unknown command's error.
fn command_names(chaff: &clap::Command) -> String {
    let names: Vec<&str> = chaff.get_subcommands().map(|c| c.get_name()).filter(|n| *n != "help").collect();
    format!("the commands are {}", names.join(", "))
}
