//! `chaff score [INPUT...]`: JSONL in, the same records out with `"chaff": {…}` added; WET
//! and WARC in, one record per page out.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Exit, ModelArgs, inputs_or_stdin};
use chaff::batch::{self, BatchOptions, Input, Output, RecordError, Scorer, Skipped, Summary};

#[derive(clap::Args, Debug)]
pub struct ScoreArgs {
    /// JSONL inputs, or WET and WARC files (told by their first bytes: `WARC/1.0`), plain
    /// or compressed with gzip, zstd, bzip2 or xz (told by their first bytes; a leading
    /// byte-order mark is skipped); `-` for standard input (the default when standard input
    /// is not a terminal); or folders of .txt files (one document each; the id is the
    /// path). A WET `conversion` record and a WARC `response` with a text/plain payload give
    /// one output record each: `{"id": WARC-Record-ID, "url": WARC-Target-URI, "date":
    /// WARC-Date, "text", "chaff"}`; HTML responses are skipped and counted (convert them to
    /// text with a WET extractor first), as are the records without a page (warcinfo,
    /// request, metadata). Parquet files (told by their first bytes; a chaff built with
    /// `--features parquet`) give a record per row, the text in the --text-field column.
    /// Symbolic links inside folders are not followed (their number is reported); a link
    /// named here is. An input that cannot be opened, or that chaff does not read (zip,
    /// binary data), is reported once as one failed record and the others are scored.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Write the output here instead of standard output. If writing fails (a full disk),
    /// the error gives the number of records written and the file is cut back to end with
    /// the last whole record. A name ending in `.parquet` writes Parquet (with `--features
    /// parquet`, from Parquet inputs): their columns and a struct column `chaff`.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The field holding each record's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// The field naming each record in error reports.
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// Add `chaff.clean`: the text without spam and boilerplate lines.
    #[arg(long)]
    clean: bool,
    /// With --clean, keep boilerplate lines (drop spam only).
    #[arg(long, requires = "clean")]
    keep_boilerplate: bool,
    /// Add `chaff.spans`: [start, end, class, probability] of every spam and boilerplate line,
    /// in characters (Unicode scalar values) of the text, end exclusive.
    #[arg(long)]
    spans: bool,
    /// Also write dolma attribute files here: for each input, DIR/<its file name>
    /// (compressed as that name says: .gz, .zst, .bz2, .xz; `stdin.jsonl` for standard
    /// input, `<folder>.jsonl` for a folder), one JSON line per input record in input order:
    /// {"id": <the record's id, else its line number>, "attributes": {"chaff__spam": [[start,
    /// end, p], …], "chaff__boilerplate": [[start, end, p], …], "chaff__doc": [[0, length,
    /// p_spam]]}}, offsets in characters (Unicode scalar values) of the text, end exclusive,
    /// without the line end. A failed record gets {"id": …, "attributes": {}}, so that the
    /// file has a line for every record; a WARC record without a page (skipped) gets none.
    /// Inputs must have distinct file names.
    #[arg(long, value_name = "DIR")]
    attributes: Option<PathBuf>,
    /// Also write every failed record as a JSON line ({"source","line","id","message"}, and
    /// for WARC inputs "offset", with "line" the record's number) here.
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: ScoreArgs) -> Result<Exit> {
    let inputs = inputs_or_stdin(&args.inputs, "score", "zcat crawl.jsonl.gz");
    let model = args.model.load()?;
    let classifier = args.model.classifier(&model);
    let options = BatchOptions {
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        clean: args.clean,
        keep_boilerplate: args.keep_boilerplate,
        spans: args.spans,
        attributes: args.attributes.clone(),
        max_record_bytes: BatchOptions::record_limit_for(args.model.limits().max_bytes),
        ..BatchOptions::default()
    };
    if args.attributes.is_some() {
        distinct_attribute_files(&inputs)?;
    }
    let scorer = Scorer::new(classifier, options);
    let mut errors_file = match &args.errors {
        Some(p) => Some(io::BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => None,
    };
    let parquet_output = args.output.as_deref().filter(|p| p.extension().is_some_and(|x| x == "parquet"));
    #[cfg(not(feature = "parquet"))]
    if let Some(p) = parquet_output {
        anyhow::bail!("-o {}: writing Parquet needs a chaff built with `--features parquet`", p.display());
    }
    let mut out = match &args.output {
        Some(_) if parquet_output.is_some() => Output::new("", Box::new(io::sink()) as Box<dyn Write>),
        Some(p) => Output::create(p).context("cannot create the output")?,
        None => Output::stdout(),
    };
    let progress = Progress::new(args.quiet, input_sizes(&inputs));
    let mut on_error = |e: &RecordError| {
        progress.suspend(|| eprintln!("chaff: {e}"));
        if let Some(f) = errors_file.as_mut() {
            let _ = serde_json::to_writer(&mut *f, e).map(|_| f.write_all(b"\n"));
        }
    };
    if let Some(n) = args.threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        rayon::ThreadPoolBuilder::new().num_threads(n).build_global()?;
    }
    let inputs = inputs.iter().map(|p| open_input(p, &progress));
    let summary = match parquet_output {
        #[cfg(feature = "parquet")]
        Some(path) => scorer.run_to_parquet(inputs, path, &mut on_error, &mut |s| progress.update(s)),
        _ => scorer.run(inputs, &mut out, &mut on_error, &mut |s| progress.update(s)),
    };
    progress.finish();
    let summary = summary?;
    if let Some(f) = errors_file.as_mut() {
        f.flush().context("cannot write the errors file")?;
    }
    if let Some(note) = skipped_note(&summary.skipped) {
        eprintln!("{note}");
    }
    if !args.quiet {
        eprintln!("{}", summary_line(&summary, progress.elapsed()));
    }
    Ok(if summary.failed > 0 { Exit::Error } else { Exit::Clean })
}

/// Refuses inputs that would write the same attribute file.
fn distinct_attribute_files(paths: &[PathBuf]) -> Result<()> {
    let mut seen = std::collections::HashMap::new();
    for path in paths {
        let name = batch::attributes::file_name(path);
        if let Some(first) = seen.insert(name.clone(), path) {
            anyhow::bail!(
                "--attributes: {} and {} would both write the attribute file {name}; give the inputs distinct file names",
                first.display(),
                path.display()
            );
        }
    }
    Ok(())
}

/// Opens one input when its turn comes; says once how many symbolic links a folder had
/// that were not followed.
fn open_input(path: &Path, progress: &Progress) -> Result<Input, RecordError> {
    progress.next_input();
    let input = batch::open(path).map_err(|e| RecordError::unreadable(path, e))?;
    if let Input::Folder { name, links_skipped: n @ 1.., .. } = &input {
        let links = if *n == 1 { "1 symbolic link".to_string() } else { format!("{n} symbolic links") };
        progress.suspend(|| eprintln!("chaff: {name}: {links} not followed"));
    }
    Ok(input)
}

/// What a WARC input held that chaff does not score, said once at the end: HTML and
/// other payloads (the records without a page are counted in the summary line only).
fn skipped_note(s: &Skipped) -> Option<String> {
    let mut parts = Vec::new();
    if s.html > 0 {
        let why = "chaff reads text, not HTML; convert them with a WET extractor first";
        parts.push(format!("{} HTML response records skipped: {why}", s.html));
    }
    if s.not_text > 0 {
        parts.push(format!("{} response records skipped whose payload is neither text nor HTML", s.not_text));
    }
    (!parts.is_empty()).then(|| format!("chaff score: {}", parts.join("; ")))
}

fn summary_line(s: &Summary, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let skipped = match s.skipped.total() {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    format!(
        "chaff score: {} records read, {} scored ({} spam), {} failed{skipped}; {:.1} MB in {:.1} s ({:.1} MB/s, {:.0} records/s)",
        s.read,
        s.scored,
        s.spam,
        s.failed,
        s.bytes as f64 / 1e6,
        secs,
        s.bytes as f64 / 1e6 / secs,
        s.read as f64 / secs
    )
}

/// The size of every input in bytes as stored (compressed or not), when all are files; `None`
/// when one is standard input or a folder. An input that cannot be read counts as empty
/// (it is reported as a failed record).
fn input_sizes(inputs: &[PathBuf]) -> Option<Vec<u64>> {
    inputs
        .iter()
        .map(|p| match std::fs::metadata(p) {
            _ if p.as_os_str() == "-" => None,
            Ok(m) if m.is_dir() => None,
            Ok(m) => Some(m.len()),
            Err(_) => Some(0),
        })
        .collect()
}

/// A progress bar on standard error, shown only on a terminal and without --quiet: with the
/// share done and the time left when the size of the inputs is known, a spinner otherwise.
struct Progress {
    bar: ProgressBar,
    start: Instant,
    /// The inputs' sizes, when known.
    sizes: Option<Vec<u64>>,
    /// Inputs opened so far; the last one is being read.
    opened: Cell<usize>,
    /// Bytes read from all inputs, at the last update and when the current input opened.
    read: Cell<u64>,
    read_before_current: Cell<u64>,
}

impl Progress {
    fn new(quiet: bool, sizes: Option<Vec<u64>>) -> Self {
        let bar = if quiet || !io::stderr().is_terminal() {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
        } else {
            let (bar, template) = match &sizes {
                Some(sizes) => (
                    ProgressBar::new(sizes.iter().sum()),
                    "{spinner} {elapsed_precise} [{bar:30}] {percent:>3}% ETA {eta}  {msg}",
                ),
                None => (ProgressBar::new_spinner(), "{spinner} {elapsed_precise} {msg}"),
            };
            bar.set_style(ProgressStyle::with_template(template).expect("template parses").progress_chars("=> "));
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Progress {
            bar,
            start: Instant::now(),
            sizes,
            opened: Cell::new(0),
            read: Cell::new(0),
            read_before_current: Cell::new(0),
        }
    }

    /// The next input is opened: the ones before it are done.
    fn next_input(&self) {
        self.opened.set(self.opened.get() + 1);
        self.read_before_current.set(self.read.get());
        self.set_position();
    }

    fn update(&self, s: &Summary) {
        self.read.set(s.bytes);
        self.set_position();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        self.bar.set_message(format!(
            "{} records ({} spam, {} failed), {:.0} records/s, {:.1} MB/s",
            s.read,
            s.spam,
            s.failed,
            s.read as f64 / secs,
            s.bytes as f64 / 1e6 / secs
        ));
    }

    /// The bar's position: the sizes of the inputs done, and the bytes read of the current
    /// one up to its size (a compressed input yields more bytes than it stores: the bar then
    /// waits at that input's end until the next one opens).
    fn set_position(&self) {
        let Some(sizes) = &self.sizes else { return };
        let current = self.opened.get().saturating_sub(1);
        let done: u64 = sizes[..current.min(sizes.len())].iter().sum();
        let size = sizes.get(current).copied().unwrap_or(0);
        let in_current = self.read.get() - self.read_before_current.get();
        self.bar.set_position(done + in_current.min(size));
    }

    fn suspend(&self, f: impl FnOnce()) {
        self.bar.suspend(f);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }
}
