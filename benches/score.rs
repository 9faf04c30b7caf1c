//! Throughput of `chaff score`: MB/s, documents/s and peak memory, on one thread and on all
//! threads, over JSONL inputs of at least 200 MB.
//!
//! ```sh
//! cargo bench --bench score
//! ```
//!
//! Two inputs, cached in `target/bench-data/`:
//!
//! - **training pages**, from the repository's own data: pairs of consecutive same-language
//!   documents of `training-data/generated.jsonl` (2-5 KB of text each, spam included);
//! - **news pages**, when `../shared/corpora` is beside the checkout: the Leipzig news
//!   sentences of 75 languages cut into pages of 2-5 KB, and the Vietnamese news articles,
//!   languages taken in turn.
//!
//! Each page is written again and again, numbered apart, until the file holds 200 MB. Each
//! run is the release binary scoring a file to /dev/null; peak memory is the child's
//! maximum resident set size (`wait4`).

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const TARGET_BYTES: u64 = 200_000_000;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("target/bench-data");
    std::fs::create_dir_all(&data).unwrap();
    let training = training_pages(&root.join("training-data/generated.jsonl"));
    measure("training pages", &data.join("score-input.jsonl"), &training);
    let corpora = root.join("../shared/corpora");
    if corpora.is_dir() {
        measure("news pages", &data.join("score-news.jsonl"), &news_pages(&corpora));
    } else {
        println!("(no {}: news pages skipped)", corpora.display());
    }
    let small = data.join("score-input-50mb.jsonl");
    let (docs, bytes) = write_input(&small, &training, 50_000_000);
    let (_, peak) = run("50 MB of training pages", &small, None, bytes, docs);
    println!("peak memory with a 50 MB input: {peak:.0} MB");
}

/// Scores the 200 MB input of `pages` on one thread and on all; prints the speed-up.
fn measure(name: &str, path: &Path, pages: &[(String, String)]) {
    let (docs, bytes) = write_input(path, pages, TARGET_BYTES);
    println!("\n{name}: {} ({:.0} MB, {docs} documents, {:.1} KB of JSON per document)", path.display(), bytes as f64 / 1e6, bytes as f64 / docs as f64 / 1e3);
    let one = run("1 thread", path, Some(1), bytes, docs);
    let all = run("all threads", path, None, bytes, docs);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("speed-up with {cores} threads: {:.2}x", all.0 / one.0);
}

/// (language, text) pages of the training data: pairs of consecutive same-language documents.
fn training_pages(source: &Path) -> Vec<(String, String)> {
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
    pages
}

/// (language, text) news pages: each language's Leipzig sentences cut into pages of 2-5 KB,
/// and the Vietnamese news articles; the languages take turns.
fn news_pages(corpora: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpora.join("leipzig-sentences"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut by_language: Vec<Vec<(String, String)>> = Vec::new();
    let mut size = 2_000;
    for file in files {
        let lang = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).to_string();
        let mut pages = Vec::new();
        let mut page = String::new();
        for sentence in text.lines().filter(|l| !l.trim().is_empty()) {
            page.push_str(sentence);
            page.push('\n');
            if page.len() >= size {
                pages.push((lang.clone(), std::mem::take(&mut page)));
                size = 2_000 + (size * 7 + 1_301) % 3_000;
            }
        }
        by_language.push(pages);
    }
    let news = std::fs::read_to_string(corpora.join("vi-news-underthesea-unc/sample_120.jsonl")).unwrap();
    by_language.push(
        news.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .map(|r| ("vi".to_string(), r["text"].as_str().unwrap_or_default().to_string()))
            .collect(),
    );
    let longest = by_language.iter().map(Vec::len).max().unwrap_or(0);
    (0..longest).flat_map(|k| by_language.iter().filter_map(move |pages| pages.get(k).cloned())).collect()
}

/// Writes `pages` again and again to `target` until it holds `min_bytes`, unless a file
/// that large is there already; returns its document count and size.
fn write_input(target: &Path, pages: &[(String, String)], min_bytes: u64) -> (u64, u64) {
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
        for (lang, text) in pages {
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
