//! Time and peak memory of one document of 1, 10 and 100 MB in each pathological shape:
//! one long line, short lines, URL lines, headline lines, and lines in twenty scripts.
//! Time per MB must stay about the same across sizes (every feature is linear in the
//! document), and memory must follow the size of the document and nothing else.
//!
//! ```sh
//! cargo bench --bench pathological            # 1, 10 and 100 MB
//! CHAFF_BENCH_SIZES=1,10 cargo bench --bench pathological
//! ```
//!
//! The documents are far over the default limits ([`chaff::Limits`]: 8 MiB, 100,000
//! lines), which refuse them at once. Here the limits are lifted to [`BENCH_LIMITS`] (128
//! MB, 5 million lines: about 3 GB of memory at most), so that each document is classified
//! whole unless it has more lines than that; one that has is refused, and the row shows
//! what refusing it costs. Each case runs in a child process of its own, so that its peak memory (the
//! child's `VmHWM`) is its own; the document is built in the child and its bytes are part
//! of the peak.

use std::process::Command;
use std::time::Instant;

use chaff::{Classifier, Limits, Model};

/// The environment variable that makes this binary run one case: `shape:megabytes`.
const CASE: &str = "CHAFF_PATHOLOGICAL_CASE";

/// The limits of this benchmark: every shape is classified up to 100 MB, except short lines
/// (33 million of them in 100 MB), which are refused.
const BENCH_LIMITS: Limits = Limits { max_bytes: 128_000_000, max_lines: 5_000_000 };

/// The shapes, by name.
const SHAPES: &[&str] = &["long-line", "short-lines", "url-lines", "headline-lines", "twenty-scripts"];

fn main() {
    if let Ok(case) = std::env::var(CASE) {
        let (shape, mb) = case.split_once(':').expect("shape:megabytes");
        run_case(shape, mb.parse().expect("megabytes"));
        return;
    }
    let sizes: Vec<usize> = std::env::var("CHAFF_BENCH_SIZES")
        .unwrap_or_else(|_| "1,10,100".into())
        .split(',')
        .map(|s| s.trim().parse().expect("CHAFF_BENCH_SIZES: megabytes, comma-separated"))
        .collect();
    println!("| shape | size | lines | time | s per MB | peak memory |");
    println!("|---|---|---|---|---|---|");
    for shape in SHAPES {
        for &mb in &sizes {
            let out = Command::new(std::env::current_exe().expect("this binary"))
                .env(CASE, format!("{shape}:{mb}"))
                .output()
                .expect("the case runs");
            assert!(out.status.success(), "{shape} {mb} MB failed: {}", String::from_utf8_lossy(&out.stderr));
            print!("{}", String::from_utf8_lossy(&out.stdout));
        }
    }
}

/// Builds the document, classifies it and prints one table row.
fn run_case(shape: &str, mb: usize) {
    let text = document(shape, mb * 1_000_000);
    let lines = 1 + text.bytes().filter(|&b| b == b'\n').count();
    let model = Model::builtin().expect("the built-in model loads");
    let classifier = Classifier::new(model).with_limits(BENCH_LIMITS);
    let start = Instant::now();
    let outcome = match classifier.classify(&text) {
        Ok(verdict) => {
            assert_eq!(verdict.lines().len(), lines);
            String::new()
        }
        Err(e) => format!(" (refused: {e})"),
    };
    let seconds = start.elapsed().as_secs_f64();
    let size = text.len() as f64 / 1e6;
    println!(
        "| {shape} | {size:.0} MB | {lines} | {seconds:.2} s{outcome} | {:.3} | {:.0} MB |",
        seconds / size,
        peak_megabytes()
    );
}

/// A document of about `bytes` bytes in `shape`.
fn document(shape: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 256);
    let mut i = 0usize;
    while text.len() < bytes {
        let piece = match shape {
            "long-line" => format!("kuwin{i} bóng đá trực tiếp slot gacor hari ini 博彩 สล็อต "),
            "short-lines" => format!("a{}\n", i % 10),
            "url-lines" => format!("https://a{i}.com/x\n"),
            "headline-lines" => format!("Đội tuyển bóng đá nữ giành chiến thắng quan trọng {i}\n"),
            "twenty-scripts" => format!("{}\n", SCRIPT_WORDS[i % SCRIPT_WORDS.len()..].join(" ")),
            other => panic!("unknown shape {other}"),
        };
        text.push_str(&piece);
        i += 1;
    }
    text
}

/// A word in each of twenty scripts; each line starts at the next one.
const SCRIPT_WORDS: &[&str] = &[
    "news", "новости", "ειδήσεις", "أخبار", "חדשות", "समाचार", "সংবাদ", "ਖ਼ਬਰਾਂ", "செய்திகள்", "వార్తలు",
    "ข่าว", "ព័ត៌មាន", "新闻", "ニュース", "뉴스", "ლუქსი", "լուրեր", "ዜና", "ထုတ်ဝေ", "ཚགས་པར",
];

/// This process's peak resident memory in MB (`VmHWM`, Linux), or 0 where unknown.
fn peak_megabytes() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
