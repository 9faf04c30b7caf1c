//! Throughput of `chaff score`: MB/s, documents/s and peak memory, on one thread and on all
//! threads, over a JSONL input of at least 200 MB built from the repository's own data.
//!
//! ```sh
//! cargo bench --bench score
//! ```
//!
//! The input joins pairs of consecutive same-language documents of
//! `training-data/train.jsonl` (2-5 KB of text each, like news pages), numbered apart, and
//! is cached in `target/bench-data/`. Each run is the release binary scoring the file to
//! /dev/null; peak memory is the child's maximum resident set size (`wait4`).

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const TARGET_BYTES: u64 = 200_000_000;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("target/bench-data");
    std::fs::create_dir_all(&data).unwrap();
    let big = data.join("score-input.jsonl");
    let (docs, bytes) = build_input(&root.join("training-data/train.jsonl"), &big, TARGET_BYTES);
    let small = data.join("score-input-50mb.jsonl");
    let (small_docs, small_bytes) = build_input(&root.join("training-data/train.jsonl"), &small, 50_000_000);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("input: {} ({:.0} MB, {docs} documents, {:.1} KB of JSON per document)", big.display(), bytes as f64 / 1e6, bytes as f64 / docs as f64 / 1e3);
    let one = run("1 thread", &big, Some(1), bytes, docs);
    let all = run("all threads", &big, None, bytes, docs);
    let small_run = run("50 MB input", &small, None, small_bytes, small_docs);
    println!("speed-up with {cores} threads: {:.2}x", all.0 / one.0);
    println!("peak memory, 50 MB input: {:.0} MB; 200 MB input: {:.0} MB", small_run.1, all.1);
}

/// Writes the benchmark input if it is missing; returns its document count and size.
fn build_input(source: &Path, target: &Path, min_bytes: u64) -> (u64, u64) {
    let records: Vec<serde_json::Value> = std::fs::read_to_string(source)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut pages = Vec::new();
    for pair in records.chunks(2) {
        if let [a, b] = pair
            && a["lang"] == b["lang"]
        {
            let text = format!("{}\n{}", a["text"].as_str().unwrap(), b["text"].as_str().unwrap());
            pages.push((a["lang"].as_str().unwrap().to_string(), text));
        }
    }
    if let Ok(meta) = std::fs::metadata(target)
        && meta.len() >= min_bytes
    {
        // Counted by streaming: a parent holding the file in memory would inflate the peak
        // memory Linux reports for the child it forks.
        let docs = BufReader::new(std::fs::File::open(target).unwrap()).split(b'\n').count() as u64;
        return (docs, meta.len());
    }
    let mut out = BufWriter::new(std::fs::File::create(target).unwrap());
    let (mut docs, mut bytes) = (0u64, 0u64);
    while bytes < min_bytes {
        for (lang, text) in &pages {
            let line = serde_json::json!({"id": format!("bench-{docs}"), "lang": lang, "text": text}).to_string();
            out.write_all(line.as_bytes()).unwrap();
            out.write_all(b"\n").unwrap();
            docs += 1;
            bytes += line.len() as u64 + 1;
        }
    }
    out.flush().unwrap();
    (docs, bytes)
}

/// Runs `chaff score` on `input`; prints and returns (MB/s, peak MB).
fn run(label: &str, input: &Path, threads: Option<usize>, bytes: u64, docs: u64) -> (f64, f64) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chaff"));
    cmd.args(["score", "-q", "-o", "/dev/null"]).arg(input);
    if let Some(n) = threads {
        cmd.args(["--threads", &n.to_string()]);
    }
    let start = Instant::now();
    // Reaped by `wait4` below, which also reports the child's peak memory.
    #[allow(clippy::zombie_processes)]
    let child = cmd.stdout(Stdio::null()).spawn().expect("chaff runs");
    let (status, peak_kb) = wait_with_peak(child.id() as i32);
    let secs = start.elapsed().as_secs_f64();
    assert!(status == 0, "chaff score failed");
    let mb_s = bytes as f64 / 1e6 / secs;
    println!(
        "{label:>12}: {mb_s:6.1} MB/s, {:7.0} documents/s, {secs:5.1} s, peak memory {:.0} MB",
        docs as f64 / secs,
        peak_kb as f64 / 1024.0
    );
    (mb_s, peak_kb as f64 / 1024.0)
}

/// Waits for `pid`; returns its exit status and maximum resident set size in KiB.
fn wait_with_peak(pid: i32) -> (i32, i64) {
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 writes into the two out-parameters we own.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4 failed");
    (libc::WEXITSTATUS(status), usage.ru_maxrss)
}
