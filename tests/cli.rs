//! The command line: output formats, exit codes and clear errors on bad input.

use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{chaff, outcome, root, seeds, temp_dir, write};

const SAMPLE: &str = "tests/data/sample_vi.txt";

#[test]
fn sample_document_is_spam_with_its_injected_lines() {
    let (code, stdout, stderr) = outcome(&chaff(&["classify", "--format", "json", SAMPLE], None));
    assert_eq!(code, 1, "exit 1 = spam found; stderr: {stderr}");
    let v: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["label"], "spam");
    assert_eq!(v["file"], SAMPLE);
    let spam: Vec<u64> = v["spam_lines"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
    assert_eq!(spam, vec![5, 10, 11, 12, 13, 14, 15, 16]);
}

#[test]
fn clean_file_exits_zero_and_prints_a_verdict_line() {
    let seed = seeds().join("000_14cf763a06ae9072.txt");
    let (code, stdout, _) = outcome(&chaff(&["classify", seed.to_str().unwrap()], None));
    assert_eq!(code, 0);
    assert!(stdout.contains(": clean (p_spam 0."), "{stdout}");
    assert!(stdout.contains("language id"), "{stdout}");
}

#[test]
fn explain_lists_every_line_with_reasons() {
    let (code, stdout, _) = outcome(&chaff(&["classify", "--explain", SAMPLE], None));
    assert_eq!(code, 1);
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let non_blank = text.lines().filter(|l| !l.trim().is_empty()).count();
    let line_rows = stdout.lines().filter(|l| l.starts_with("  ") && !l.starts_with("  document")).count();
    assert_eq!(line_rows, non_blank, "{stdout}");
    assert!(stdout.contains("  document: doc."), "{stdout}");
    let editor = stdout.lines().find(|l| l.contains("(责任编辑:")).expect("the editor line is listed");
    assert!(editor.contains(" spam "), "{editor}");
    assert!(editor.contains("bp.editor"), "its reasons name an editor-line feature: {editor}");
}

#[test]
fn explain_json_has_lines_probabilities_and_reasons() {
    let (_, stdout, _) = outcome(&chaff(&["classify", "--explain", "--format", "json", SAMPLE], None));
    let v: Value = serde_json::from_str(stdout.trim()).unwrap();
    let lines = v["explain"].as_array().unwrap();
    assert!(!lines.is_empty());
    for l in lines {
        let sum = l["p_content"].as_f64().unwrap() + l["p_boilerplate"].as_f64().unwrap() + l["p_spam"].as_f64().unwrap();
        assert!((sum - 1.0).abs() < 1e-9);
        assert!(l["reasons"].as_array().unwrap().len() <= 3);
    }
    assert!(v["reasons"].is_array());
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = std::fs::read(root().join(SAMPLE)).unwrap();
    let (code, stdout, _) = outcome(&chaff(&["classify", "--format", "json", "-"], Some(&text)));
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["file"], "-");
    assert_eq!(v["label"], "spam");
}

#[test]
fn threshold_changes_the_label() {
    let (code, stdout, _) = outcome(&chaff(&["classify", "--format", "json", "--threshold", "1", SAMPLE], None));
    let v: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert!(v["p_spam"].as_f64().unwrap() < 1.0);
    assert_eq!(v["label"], "clean");
    assert_eq!(code, 0);
    let (code, _, stderr) = outcome(&chaff(&["classify", "--threshold", "1.5", SAMPLE], None));
    assert_eq!(code, 2);
    assert!(stderr.contains("1.5 is not between 0 and 1"), "{stderr}");
}

/// The verdict of `chaff classify --format json` on `bytes`, written to `dir/name`.
fn classify_bytes(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Value {
    let path = write(dir, name, bytes);
    let (_, stdout, stderr) = outcome(&chaff(&["classify", "--format", "json", &path], None));
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{name}: {e}: {stdout} {stderr}"))
}

#[test]
fn a_one_line_file_is_counted_in_the_singular() {
    let (code, stdout, _) = outcome(&chaff(&["classify", "-"], Some("Giá vàng hôm nay tăng mạnh trên thị trường trong nước.".as_bytes())));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains(" of 1 line, language "), "{stdout}");
}

#[test]
fn a_final_newline_opens_no_line() {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
    let lines = text.lines().count();
    let (_, stdout, _) = outcome(&chaff(&["classify", SAMPLE], None));
    assert!(stdout.contains(&format!(" of {lines} lines,")), "{stdout}");
    let dir = temp_dir("final-newline");
    let with = classify_bytes(&dir, "with.txt", text.as_bytes());
    assert_eq!(with["lines"], lines);
    let without = classify_bytes(&dir, "without.txt", text.trim_end().as_bytes());
    let crlf = classify_bytes(&dir, "crlf.txt", text.replace('\n', "\r\n").as_bytes());
    for other in [&without, &crlf] {
        for field in ["label", "lines", "spam_lines", "boilerplate_lines", "language"] {
            assert_eq!(with[field], other[field], "{field}");
        }
        assert!((with["p_spam"].as_f64().unwrap() - other["p_spam"].as_f64().unwrap()).abs() < 1e-9);
    }
    let (_, explained, _) = outcome(&chaff(&["classify", "--explain", "--format", "json", SAMPLE], None));
    let explained: Value = serde_json::from_str(explained.trim()).unwrap();
    let last = explained["explain"].as_array().unwrap().last().unwrap()["index"].as_u64().unwrap();
    assert_eq!(last as usize, lines - 1, "the last line listed is the file's last line");
}

#[test]
fn cleaning_a_clean_file_gives_it_back_with_its_final_newline() {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let clean: String = text.lines().take(5).map(|l| format!("{l}\n")).collect();
    let dir = temp_dir("clean-round-trip");
    for (name, bytes) in [("lf.txt", clean.clone()), ("no-final.txt", clean.trim_end().to_string())] {
        let path = write(&dir, name, bytes.as_bytes());
        let (code, stdout, stderr) = outcome(&chaff(&["clean", &path], None));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout, clean, "{name}: every document comes out ending with one newline");
    }
}

/// Each bad input: its bytes and the message chaff must print.
const BAD_INPUTS: &[(&str, &[u8], &str)] = &[
    ("empty.txt", b"", "empty input: no text to classify"),
    ("blank.txt", b"  \n\n\t\n", "empty input: no text to classify"),
    ("binary.bin", b"PK\x03\x04\x00\x00binary", "binary data (NUL byte at offset 4)"),
    ("latin1.txt", b"caf\xe9 au lait\nsecond line", "invalid UTF-8 at byte 3 (line 1)"),
];

#[test]
fn bad_inputs_get_clear_errors_and_exit_two() {
    let dir = temp_dir("bad-inputs");
    for (name, bytes, message) in BAD_INPUTS {
        let path = write(&dir, name, bytes);
        let (code, stdout, stderr) = outcome(&chaff(&["classify", &path], None));
        assert_eq!(code, 2, "{name}");
        assert!(stdout.is_empty(), "{name}: {stdout}");
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn missing_file_is_reported_and_the_others_still_classified() {
    let (code, stdout, stderr) = outcome(&chaff(&["classify", "no/such/file.txt", SAMPLE], None));
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
    assert!(stderr.contains("No such file"), "{stderr}");
    assert!(stdout.contains(SAMPLE), "the good file is still classified: {stdout}");
}

fn default_model() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("models/default.json")).unwrap()).unwrap()
}

#[test]
fn corrupt_and_mismatched_models_are_refused() {
    let dir = temp_dir("models");
    let corrupt = write(&dir, "corrupt.json", b"{\"format\": \"chaff-model\", \"version\": 2, \"line\": ");
    let mut renamed = default_model();
    renamed["line"]["prose"]["features"][3] = Value::from("shape.renamed");
    let renamed = write(&dir, "renamed.json", renamed.to_string().as_bytes());
    let mut future = default_model();
    future["version"] = Value::from(99);
    let mut ancient = default_model();
    ancient["version"] = Value::from(1);
    let ancient = write(&dir, "ancient.json", ancient.to_string().as_bytes());
    let future = write(&dir, "future.json", future.to_string().as_bytes());
    let other = write(&dir, "other.json", b"{\"hello\": \"world\"}");
    let edited = |name: &str, edit: &dyn Fn(&mut Value)| {
        let mut model = default_model();
        edit(&mut model);
        write(&dir, name, model.to_string().as_bytes())
    };
    let zero_scale = edited("zero-scale.json", &|m| m["line"]["prose"]["standardizer"]["scale"][0] = Value::from(0.0));
    let huge = edited("huge.json", &|m| m["document"]["weights"][2] = Value::from(1e300));
    let low = edited("low.json", &|m| m["thresholds"]["document"] = Value::from(-5.0));
    let high = edited("high.json", &|m| m["thresholds"]["line_spam_in_spam"][1] = Value::from(7.0));
    let short = edited("short.json", &|m| {
        m["stacked"]["weights"][2].as_array_mut().unwrap().pop();
    });
    let cases = [
        (zero_scale, "line.prose.standardizer.scale of `shape.len_log` is 0: scales must be positive finite numbers"),
        (huge, "document.weights of `doc.spamlex` is 1e300: parameters must be finite and within ±1e6"),
        (low, "threshold document is -5: thresholds must lie strictly between 0 and 1"),
        (high, "threshold prose is 7: thresholds must lie strictly between 0 and 1"),
        (short, "weight arrays do not match the feature lists"),
        (corrupt, "not a valid chaff model: EOF while parsing"),
        (renamed, "first difference at position 3: expected `shape.upper_frac`, got `shape.renamed`"),
        (future, "model file version 99 is not supported: this chaff reads versions 2 to 3"),
        (ancient, "model file version 1 is not supported: this chaff reads versions 2 to 3"),
        (other, "not a valid chaff model: the \"format\" field is not \"chaff-model\""),
        ("missing-model.json".to_string(), "missing-model.json"),
    ];
    for (model, message) in cases {
        let (code, stdout, stderr) = outcome(&chaff(&["classify", "--model", &model, SAMPLE], None));
        assert_eq!(code, 2, "{model}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(message), "{model}: {stderr}");
    }
}

/// A model file of version 2, before word stems, is still read: its vocabulary has no stem
/// terms, and without them the default model's own weights score as a version 3 file does.
#[test]
fn version_2_models_without_stems_are_read() {
    let dir = temp_dir("version2");
    let mut model = default_model();
    let terms = model["vocabulary"]["terms"].as_array_mut().unwrap();
    let before = terms.len();
    terms.retain(|t| !t[0].as_str().unwrap().ends_with('~'));
    assert!(terms.len() < before, "the default model holds stems");
    let mut old = model.clone();
    old["version"] = Value::from(2);
    let new = write(&dir, "stemless-3.json", model.to_string().as_bytes());
    let old = write(&dir, "stemless-2.json", old.to_string().as_bytes());
    let run = |m: &str| outcome(&chaff(&["classify", "--format", "json", "--model", m, SAMPLE], None));
    let (code, stdout, stderr) = run(&old);
    assert!(code == 0 || code == 1, "{stderr}");
    assert_eq!(stdout, run(&new).1);
}

#[test]
fn every_help_has_examples_and_exit_codes() {
    for command in ["classify", "score", "clean", "train", "eval", "completions", "man"] {
        let (code, stdout, _) = outcome(&chaff(&[command, "--help"], None));
        assert_eq!(code, 0, "{command}");
        assert!(stdout.contains(&format!("Examples:\n  chaff {command} ")), "{command}: {stdout}");
        assert!(stdout.contains("Exit codes"), "{command}: {stdout}");
        assert!(stdout.contains("\n  0  "), "{command}: {stdout}");
        assert!(stdout.contains("\n  2  "), "{command}: {stdout}");
    }
    let (_, classify, _) = outcome(&chaff(&["classify", "--help"], None));
    assert!(classify.contains("\n  1  at least one input is spam"), "{classify}");
    assert!(classify.contains("--explain"));
    let (_, clean, _) = outcome(&chaff(&["clean", "--help"], None));
    assert!(!clean.contains("\n  1  "), "clean never exits 1: {clean}");
    let (_, top, _) = outcome(&chaff(&["--help"], None));
    assert!(top.contains("Examples:") && top.contains("Exit codes:") && top.contains("CHAFF_MODEL"), "{top}");
}

/// Runs `chaff ARGS` with a new pseudo-terminal as standard input, as a person at a shell
/// would; fails if it has not ended within 30 seconds (it would be waiting for input).
fn chaff_with_terminal_stdin(args: &[&str]) -> Output {
    let (mut leader, mut follower) = (0, 0);
    // SAFETY: openpty writes two new file descriptors, which are then owned here.
    let rc = unsafe {
        libc::openpty(&mut leader, &mut follower, std::ptr::null_mut(), std::ptr::null(), std::ptr::null())
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    let (_leader, follower) = unsafe { (OwnedFd::from_raw_fd(leader), OwnedFd::from_raw_fd(follower)) };
    let mut child = Command::new(env!("CARGO_BIN_EXE_chaff"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::from(follower))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("chaff {args:?} waits for input on a terminal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn no_input_named_reads_piped_standard_input() {
    let text = std::fs::read(root().join(SAMPLE)).unwrap();
    let (code, stdout, stderr) = outcome(&chaff(&["classify", "--format", "json"], Some(&text)));
    assert_eq!(code, 1, "{stderr}");
    let v: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!((v["file"].as_str(), v["label"].as_str()), (Some("-"), Some("spam")));
    let (code, stdout, stderr) = outcome(&chaff(&["clean"], Some(&text)));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.is_empty() && stdout.len() < text.len(), "{stdout}");
    let record = serde_json::json!({"id": 1, "text": String::from_utf8(text).unwrap()}).to_string();
    let (code, stdout, stderr) = outcome(&chaff(&["score", "--quiet"], Some(record.as_bytes())));
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["chaff"]["label"], "spam");
}

#[test]
fn no_input_named_on_a_terminal_prints_usage_and_exits_two() {
    for command in ["classify", "clean", "score"] {
        let (code, stdout, stderr) = outcome(&chaff_with_terminal_stdin(&[command]));
        assert_eq!(code, 2, "{command}: {stderr}");
        assert!(stdout.is_empty(), "{command}: {stdout}");
        assert!(stderr.contains("standard input is a terminal"), "{command}: {stderr}");
        assert!(stderr.contains(&format!("Usage: chaff {command} [OPTIONS]")), "{command}: {stderr}");
    }
}

#[test]
fn every_command_reports_a_missing_file_once() {
    let dir = temp_dir("missing");
    let missing = dir.join("nope.jsonl").display().to_string();
    let model = dir.join("model.json").display().to_string();
    let in_missing_folder = dir.join("no-folder/out.json").display().to_string();
    let data = write(&dir, "data.jsonl", b"{\"text\":\"Hello.\",\"label\":0}\n");
    let data = data.as_str();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["classify", &missing], &missing),
        (vec!["clean", &missing], &missing),
        (vec!["score", "--quiet", &missing], &missing),
        (vec!["eval", &missing], &missing),
        (vec!["train", &missing, "-o", &model], &missing),
        (vec!["classify", "--model", &missing, SAMPLE], &missing),
        (vec!["eval", "--model", &missing, data], &missing),
        (vec!["train", data, "--calibrate", &missing, "-o", &model], &missing),
        (vec!["train", data, "-o", &in_missing_folder], &in_missing_folder),
        (vec!["train", data, "-o", &model, "--out-of-fold", &in_missing_folder], &in_missing_folder),
    ];
    for (args, path) in cases {
        let started = Instant::now();
        let (code, _, stderr) = outcome(&chaff(&args, None));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(stderr.matches(path).count(), 1, "{args:?} names the file once: {stderr}");
        let cause = if path == missing { "No such file or directory" } else { "does not exist" };
        assert_eq!(stderr.matches(cause).count(), 1, "{args:?} gives the cause once: {stderr}");
        assert!(started.elapsed() < Duration::from_secs(20), "{args:?} fails before any work");
    }
}

/// Runs `chaff ARGS` in the folder `dir`.
fn chaff_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chaff")).args(args).current_dir(dir).output().unwrap()
}

#[test]
fn clean_output_dir_keeps_paths_and_never_overwrites() {
    let dir = temp_dir("clean-output-dir");
    let sample = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let clean: String = sample.lines().take(5).map(|l| format!("{l}\n")).collect();
    for (folder, text) in [("a", &clean), ("b", &sample)] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        write(&dir.join(folder), "x.txt", text.as_bytes());
    }
    let (code, stdout, stderr) = outcome(&chaff_in(&dir, &["clean", "--output-dir", "out", "a/x.txt", "b/x.txt"]));
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();
    assert_eq!(read("out/a/x.txt"), clean);
    let cleaned = read("out/b/x.txt");
    assert!(cleaned.len() < sample.len() && cleaned.starts_with(&clean), "{cleaned}");

    let absolute = dir.join("a/x.txt");
    let (code, _, stderr) = outcome(&chaff_in(&dir, &["clean", "--output-dir", "abs", absolute.to_str().unwrap()]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(read(&format!("abs{}", absolute.display())), clean, "an absolute path goes under the folder without its root");

    let (code, _, stderr) = outcome(&chaff_in(&dir, &["clean", "--output-dir", "clash", "a/x.txt", "b/../a/x.txt"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("a/x.txt and b/../a/x.txt would both be written to clash/a/x.txt"), "{stderr}");
    assert!(!dir.join("clash").exists(), "nothing is written");

    let (code, _, stderr) = outcome(&chaff_in(&dir, &["clean", "--output-dir", ".", "b/x.txt"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("b/x.txt would be overwritten by its cleaned text"), "{stderr}");
    assert_eq!(read("b/x.txt"), sample, "the input is untouched");
}

#[test]
fn completions_and_man_pages_come_from_the_commands() {
    let (code, bash, _) = outcome(&chaff(&["completions", "bash"], None));
    assert_eq!(code, 0);
    assert!(bash.contains("_chaff") && bash.contains("--explain"), "{bash}");
    let (code, fish, _) = outcome(&chaff(&["completions", "fish"], None));
    assert_eq!(code, 0);
    assert!(fish.contains("complete -c chaff"), "{fish}");
    // clap_mangen opens the page with a two-line definition of the apostrophe (.ie/.el),
    // then the title.
    let macros = |page: &str| page.lines().filter(|l| !l.starts_with(".ie ") && !l.starts_with(".el ")).collect::<Vec<_>>().join("\n");
    let (code, page, _) = outcome(&chaff(&["man"], None));
    assert_eq!(code, 0);
    assert!(macros(&page).starts_with(".TH chaff 1 "), "{page}");
    assert!(page.contains("classify") && page.contains("Exit codes"), "{page}");
    let (code, page, _) = outcome(&chaff(&["man", "clean"], None));
    assert_eq!(code, 0);
    assert!(macros(&page).starts_with(".TH chaff-clean 1 "), "{page}");
    assert!(page.contains("output\\-dir") && page.contains("Examples:"), "{page}");
    let (code, _, stderr) = outcome(&chaff(&["man", "nope"], None));
    assert_eq!(code, 2);
    assert!(stderr.contains("no command `nope`: the commands are classify, score, clean"), "{stderr}");
}

#[test]
fn chaff_model_names_the_default_model() {
    let dir = temp_dir("chaff-model");
    let bad = write(&dir, "bad.json", b"{\"hello\": 1}");
    for (model, message) in [(bad.as_str(), "not a valid chaff model"), ("/no/such/model.json", "No such file or directory")] {
        let run = Command::new(env!("CARGO_BIN_EXE_chaff"))
            .args(["classify", SAMPLE])
            .current_dir(root())
            .env("CHAFF_MODEL", model)
            .output()
            .unwrap();
        let (code, stdout, stderr) = outcome(&run);
        assert_eq!(code, 2, "{model}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(&format!("cannot use model {model}: {message}")), "{stderr}");
    }
    let (_, help, _) = outcome(&chaff(&["classify", "--help"], None));
    assert!(help.contains("[env: CHAFF_MODEL"), "{help}");
}

#[test]
fn version_summarises_the_built_in_model() {
    let model = default_model();
    let training = &model["training"];
    let (code, stdout, _) = outcome(&chaff(&["--version"], None));
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], format!("chaff {}", env!("CARGO_PKG_VERSION")));
    assert!(lines.len() <= 5, "a few lines: {stdout}");
    let documents = format!("trained on {} documents ({} spam)", training["documents"], training["spam_documents"]);
    assert!(stdout.contains(&documents), "{stdout}");
    let chosen = format!("document threshold {}, chosen on {}", model["thresholds"]["document"], training["threshold_chosen_on"].as_str().unwrap());
    assert!(stdout.contains(&chosen), "{stdout}");
    assert!(stdout.contains(&format!("{}-fold cross-validation", training["folds"])), "{stdout}");
}

#[test]
fn color_marks_explained_line_classes_only_when_asked() {
    let run = |color: &str| outcome(&chaff(&["classify", "--explain", "--color", color, SAMPLE], None)).1;
    let always = run("always");
    let spam = always.lines().find(|l| l.contains("(责任编辑:")).unwrap();
    assert!(spam.contains("\x1b[31mspam\x1b[0m"), "spam in red: {spam:?}");
    let bp = always.lines().find(|l| l.contains("Minh Châu")).unwrap();
    assert!(bp.contains("\x1b[33mboilerplate\x1b[0m"), "boilerplate in yellow: {bp:?}");
    for plain in [run("never"), run("auto")] {
        assert!(!plain.contains('\x1b'), "no escape codes into a pipe: {plain}");
    }
    let strip = always.replace("\x1b[31m", "").replace("\x1b[33m", "").replace("\x1b[0m", "");
    assert_eq!(strip, run("never"), "colour changes nothing else");
}
