//! Training and evaluation from the command line: determinism, the JSON interface, and
//! errors in data files.

use serde_json::Value;

use crate::util::{chaff, outcome, root, shared_or_skip, temp_dir, training_data_or_skip, write};

/// The documented command rebuilds `models/default.json` byte for byte.
#[test]
fn default_model_is_reproducible() {
    // The default model's threshold is chosen on dev-real.
    if shared_or_skip("dev/dev-real.jsonl", "rebuilding the default model").is_none()
        || training_data_or_skip("pages.jsonl", "rebuilding the default model").is_none()
    {
        return;
    }
    let dir = temp_dir("reproduce");
    let out = dir.join("model.json");
    let (code, stdout, stderr) = outcome(&chaff(
        &["train", "training-data", "--calibrate", "../shared/dev/dev-real.jsonl", "--max-fpr", "0.025", "-o", out.to_str().unwrap(), "--quiet"],
        None,
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("-fold cross-validation"), "{stdout}");
    assert!(stdout.contains("chosen on ../shared/dev/dev-real.jsonl"), "{stdout}");
    let rebuilt = std::fs::read(&out).unwrap();
    let shipped = std::fs::read(root().join("models/default.json")).unwrap();
    assert!(rebuilt == shipped, "models/default.json is not what `chaff train` builds from training-data/");
}

/// A third of `training-data/generated.jsonl` in `dir`, or `None` (the test is skipped)
/// where the training data is not in this copy of chaff.
fn small_training_set(dir: &std::path::Path) -> Option<String> {
    let path = training_data_or_skip("generated.jsonl", "training on a small set")?;
    let data = std::fs::read_to_string(path).unwrap();
    let some: Vec<&str> = data.lines().step_by(3).collect();
    Some(write(dir, "small.jsonl", (some.join("\n") + "\n").as_bytes()))
}

#[test]
fn training_twice_gives_identical_files() {
    let dir = temp_dir("twice");
    let Some(data) = small_training_set(&dir) else { return };
    let paths: Vec<String> = (0..2).map(|i| dir.join(format!("m{i}.json")).display().to_string()).collect();
    for p in &paths {
        let (code, _, stderr) = outcome(&chaff(&["train", &data, "-o", p, "--folds", "3", "--quiet"], None));
        assert_eq!(code, 0, "{stderr}");
    }
    assert_eq!(std::fs::read(&paths[0]).unwrap(), std::fs::read(&paths[1]).unwrap());
    let (code, stdout, _) = outcome(&chaff(&["classify", "--model", &paths[0], "tests/data/sample_vi.txt"], None));
    assert!(code == 0 || code == 1, "a trained model classifies: {stdout}");
}

/// A folder of `spam/` and `clean/` documents trains the document model on the built-in
/// line models, and the model it writes classifies.
#[test]
fn training_from_document_labels_alone() {
    let dir = temp_dir("doc-labels");
    let Some(pages) = training_data_or_skip("pages.jsonl", "training from document labels") else { return };
    let pages = std::fs::read_to_string(pages).unwrap();
    let mut counts = [0usize; 2];
    for line in pages.lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        let label = r["label"].as_u64().unwrap() as usize;
        if counts[label] < 40 {
            let sub = dir.join(["clean", "spam"][label]);
            std::fs::create_dir_all(&sub).unwrap();
            write(&sub, &format!("{}.txt", counts[label]), r["text"].as_str().unwrap().as_bytes());
            counts[label] += 1;
        }
    }
    let model = dir.join("m.json").display().to_string();
    let (code, stdout, stderr) = outcome(&chaff(&["train", dir.to_str().unwrap(), "-o", &model, "--quiet"], None));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("no line labels in the data"), "{stdout}");
    assert!(stdout.contains("trained on 80 documents (40 spam)"), "{stdout}");
    assert!(stdout.contains("spam lines   not measured: no line labels"), "{stdout}");
    let trained: Value = serde_json::from_str(&std::fs::read_to_string(&model).unwrap()).unwrap();
    let builtin: Value = serde_json::from_str(&std::fs::read_to_string(root().join("models/default.json")).unwrap()).unwrap();
    for kept in ["vocabulary", "line", "stacked"] {
        assert!(trained[kept] == builtin[kept], "{kept} is not the built-in model's");
    }
    assert!(trained["document"] != builtin["document"], "the document model was not trained");
    let spam = dir.join("spam/0.txt").display().to_string();
    let (code, stdout, stderr) = outcome(&chaff(&["classify", "--model", &model, &spam], None));
    assert!(code == 0 || code == 1, "{stdout}{stderr}");
    assert!(stdout.starts_with(&format!("{spam}: ")), "{stdout}");
}

#[test]
fn training_data_errors_name_file_and_line() {
    let dir = temp_dir("bad-data");
    let good = r#"{"id":"a","text":"Một dòng.","spam_lines":[],"boilerplate_lines":[]}"#;
    let cases = [
        (format!("{good}\n{good}\n{{broken\n"), ":3: not a JSON record"),
        (format!("{good}\n{{\"id\":\"b\",\"label\":0}}\n"), ":2: missing field \"text\""),
        ("{\"text\":[1],\"label\":1}\n".to_string(), ":1: \"text\" must be a string, got an array"),
        (format!("{good}\n{{\"text\":\"x\",\"label\":1,\"weight\":0}}\n"), ":2: \"weight\" must be a whole number from 1 to 100, got 0"),
    ];
    for (i, (content, message)) in cases.iter().enumerate() {
        let path = write(&dir, &format!("bad{i}.jsonl"), content.as_bytes());
        for command in ["train", "eval"] {
            let mut args = vec![command, path.as_str()];
            if command == "train" {
                args.extend(["-o", "/dev/null"]);
            }
            let (code, _, stderr) = outcome(&chaff(&args, None));
            assert_eq!(code, 2, "{command} {content}");
            assert!(stderr.contains(&format!("{path}{message}")), "{command}: {stderr}");
        }
    }
}

#[test]
fn bad_training_parameters_are_refused() {
    let (code, _, stderr) = outcome(&chaff(&["train", "tests/data/sample_vi.txt", "-o", "/dev/null", "--folds", "1"], None));
    assert_eq!(code, 2);
    assert!(stderr.contains("--folds must be at least 2, got 1"), "{stderr}");
}

#[test]
fn trains_from_spam_and_clean_folders() {
    let dir = temp_dir("folders");
    std::fs::create_dir_all(dir.join("spam")).unwrap();
    std::fs::create_dir_all(dir.join("clean")).unwrap();
    let Some(data) = small_training_set(&dir) else { return };
    // Folder documents carry document labels only; they are added to a line-labelled set.
    write(&dir.join("spam"), "a.txt", "Link vào nhà cái uy tín, soi kèo hôm nay, nhận thưởng 200%\n".as_bytes());
    write(&dir.join("clean"), "b.txt", "Hà Nội mưa lớn suốt đêm qua, nhiều tuyến phố ngập sâu.\n".as_bytes());
    let model = dir.join("m.json").display().to_string();
    let (code, stdout, stderr) = outcome(&chaff(&["train", &data, dir.to_str().unwrap(), "-o", &model, "--folds", "3"], None));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("trained on"), "{stdout}");
    let (code, _, stderr) = outcome(&chaff(&["train", dir.join("spam").to_str().unwrap(), "-o", &model], None));
    assert_eq!(code, 2);
    assert!(stderr.contains("`spam/` and `clean/` subfolders"), "{stderr}");
}

#[test]
fn eval_json_is_the_stable_interface() {
    let dir = temp_dir("eval-json");
    let Some(data) = small_training_set(&dir) else { return };
    let (code, stdout, stderr) = outcome(&chaff(&["eval", &data, "--format", "json"], None));
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    for key in ["precision", "recall", "f1", "fpr", "auc", "count"] {
        assert!(v["documents"][key].is_number(), "documents.{key}: {stdout}");
    }
    for class in ["spam", "boilerplate"] {
        for key in ["precision", "recall", "f1"] {
            assert!(v["lines"][class][key].is_number(), "lines.{class}.{key}");
        }
    }
    let langs = v["languages"].as_object().unwrap();
    assert!(langs.contains_key("vi") && langs.contains_key("id"));
    let total: u64 = langs.values().map(|l| l["documents"]["count"].as_u64().unwrap()).sum();
    assert_eq!(total, v["documents"]["count"].as_u64().unwrap());
    assert!(langs["vi"]["lines"]["spam"]["f1"].is_number());
}

#[test]
fn records_without_lang_are_grouped_by_detected_language() {
    let dir = temp_dir("no-lang");
    let records = [
        r#"{"text":"Tổng thống Nga Vladimir Putin và Chủ tịch Trung Quốc Tập Cận Bình đã có cuộc điện đàm ấm áp và thân thiện.","label":0}"#,
        r#"{"text":"Presiden Rusia Vladimir Putin bertemu dengan Presiden Tiongkok Xi Jinping di sela-sela KTT SCO pada bulan Juli.","label":0}"#,
    ];
    let path = write(&dir, "nolang.jsonl", records.join("\n").as_bytes());
    let (code, stdout, _) = outcome(&chaff(&["eval", &path, "--format", "json"], None));
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let langs: Vec<&String> = v["languages"].as_object().unwrap().keys().collect();
    assert_eq!(langs, vec!["id", "vi"]);
    assert_eq!(v["documents"]["auc"], Value::Null, "one class only: no AUC");
}

#[test]
fn eval_table_has_a_row_per_language() {
    let dir = temp_dir("eval-table");
    let Some(data) = small_training_set(&dir) else { return };
    let (code, stdout, _) = outcome(&chaff(&["eval", &data], None));
    assert_eq!(code, 0);
    assert!(stdout.lines().next().unwrap().starts_with("lang"));
    assert!(stdout.lines().any(|l| l.starts_with("all ")));
    assert!(stdout.lines().any(|l| l.starts_with("vi ")));
}

/// A model that cannot be written whole (a file size limit here, which fails the write as a
/// full disk does) leaves the previous model as it was, and no temporary file behind.
#[test]
fn a_failed_model_write_keeps_the_previous_model() {
    use std::os::unix::process::CommandExt;
    let dir = temp_dir("atomic");
    let Some(data) = small_training_set(&dir) else { return };
    let model = dir.join("m.json");
    std::fs::write(&model, "the previous model").unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_chaff"));
    command.args(["train", &data, "-o", model.to_str().unwrap(), "--folds", "2", "--quiet"]).current_dir(root());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit { rlim_cur: 64 << 10, rlim_max: 64 << 10 };
            libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
            Ok(())
        });
    }
    let (code, _, stderr) = outcome(&command.output().unwrap());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("m.json") && stderr.contains("File too large"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&model).unwrap(), "the previous model");
    let names: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    let (code, _, stderr) = outcome(&chaff(&["train", &data, "-o", model.to_str().unwrap(), "--folds", "2", "--quiet"], None));
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::read_to_string(&model).unwrap().starts_with("{\n  \"format\": \"chaff-model\""));
}
