//! The training data: never overlapping the evaluation sets, built by its scripts, labelled
//! as the label policy says.

use std::process::Command;

use crate::util::{root, shared_or_skip, training_data_or_skip};

/// The JSONL files `chaff train training-data` reads, or `None` (the test is skipped) where
/// the training data is not in this copy of chaff.
fn training_files(what: &str) -> Option<Vec<String>> {
    let pages = training_data_or_skip("pages.jsonl", what)?;
    let mut files: Vec<String> = std::fs::read_dir(pages.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .filter(|p| p.ends_with(".jsonl"))
        .collect();
    files.sort();
    Some(files)
}

/// The records of a JSONL file, each with its line number (from 1).
fn records(path: &str) -> Vec<(usize, serde_json::Value)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().enumerate().map(|(n, line)| (n + 1, serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", n + 1)))).collect()
}

/// `../shared/exclude/check.py` finds no page or line of an evaluation set in any training file.
#[test]
fn training_data_does_not_overlap_the_evaluation_sets() {
    let Some(check) = shared_or_skip("exclude/check.py", "the overlap check of the training data") else { return };
    let Some(files) = training_files("the overlap check of the training data") else { return };
    assert!(files.len() >= 5, "training files: {files:?}");
    let out = Command::new("python3").arg(&check).args(&files).output().expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "check.py found overlaps:\n{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.trim_end().ends_with("0 overlapping record(s)"), "{stdout}");
}

/// No line of the development sets (of 30 characters or more: shorter ones are template lines
/// every site has, `Leave a Reply`) is in a training file, but for the seeds, which
/// dev.jsonl holds too. dev.jsonl is built from corpora the training data draws on (Leipzig
/// sentences, clickbait headlines), so a random draw could pick its lines.
#[test]
fn training_data_holds_no_line_of_the_development_sets() {
    let Some(files) = training_files("the development-set check of the training data") else { return };
    let mut dev = std::collections::HashSet::new();
    for name in ["dev.jsonl", "dev-real.jsonl"] {
        let Some(path) = shared_or_skip(&format!("dev/{name}"), "the development-set check of the training data") else { return };
        for (_, r) in records(&path.display().to_string()) {
            dev.extend(r["text"].as_str().unwrap().split('\n').map(|l| l.trim().to_string()).filter(|l| l.chars().count() >= 30));
        }
    }
    assert!(dev.len() > 1000, "{} lines", dev.len());
    for file in files.iter().filter(|f| !f.ends_with("seeds.jsonl")) {
        for (n, r) in records(file) {
            let shared: Vec<&str> = r["text"].as_str().unwrap().split('\n').map(str::trim).filter(|l| dev.contains(*l)).collect();
            assert!(shared.is_empty(), "{file}:{n}: lines of a development set: {shared:?}");
        }
    }
}

/// Every record carries its provenance and labels that agree with each other.
#[test]
fn every_record_has_provenance_and_consistent_labels() {
    let mut real_pages = 0;
    let Some(files) = training_files("the provenance check of the training data") else { return };
    for file in files {
        for (n, r) in records(&file) {
            let at = format!("{file}:{n}");
            let has_source = ["url", "source", "sources"].iter().any(|k| r.get(k).is_some());
            assert!(has_source, "{at}: no provenance");
            let lines = r["text"].as_str().unwrap().split('\n').count() as u64;
            let spam: Vec<u64> = r["spam_lines"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
            assert!(spam.iter().all(|&i| i < lines), "{at}: spam line out of range");
            assert_eq!(r["label"].as_u64().unwrap() == 1, !spam.is_empty(), "{at}: label and spam lines disagree");
            real_pages += (r["source"] == "pages") as usize;
        }
    }
    assert!(real_pages >= 1000, "only {real_pages} real pages");
}

/// The data files are what their scripts build from `training-data/pages/` and the corpora
/// (compose.py also reads the development sets, to leave their lines out).
#[test]
fn data_files_are_up_to_date() {
    if training_data_or_skip("pages.py", "checking the training data against its scripts").is_none() {
        return;
    }
    for (script, needs_shared) in [("pages.py", false), ("compose.py", true), ("augment.py", false), ("generate.py", false)] {
        let what = format!("{script} --check");
        if needs_shared && ["corpora", "dev/dev.jsonl", "dev/dev-real.jsonl"].iter().any(|rel| shared_or_skip(rel, &what).is_none()) {
            continue;
        }
        let out = Command::new("python3")
            .arg(root().join("training-data").join(script))
            .arg("--check")
            .current_dir(root())
            .output()
            .expect("python3 runs");
        assert!(out.status.success(), "{script} --check: {}", String::from_utf8_lossy(&out.stderr));
    }
}
