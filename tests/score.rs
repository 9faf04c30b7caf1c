//! `chaff score` and `chaff clean`: every record out or reported, in order, from every kind
//! of input, with the same verdicts as `chaff classify`.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::util::{chaff, outcome, root, seeds, temp_dir, write};

/// Texts to score: the seeds and the sample.
pub fn texts() -> Vec<String> {
    let mut texts: Vec<String> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    texts.push(std::fs::read_to_string(root().join("tests/data/sample_vi.txt")).unwrap());
    texts
}

/// 10,000 lines: good records and records broken in every way, with the expected error of
/// each broken line.
fn mixed_input() -> (Vec<u8>, Vec<(usize, &'static str)>) {
    let texts = texts();
    let mut out = Vec::new();
    let mut broken = Vec::new();
    for i in 0..10_000usize {
        let line: Vec<u8> = match i % 97 {
            13 => b"{\"id\": \"x\", \"text\": \"unterminated".to_vec(),
            29 => format!("{{\"id\": {i}, \"body\": \"no text field\"}}").into_bytes(),
            41 => format!("{{\"id\": {i}, \"text\": 42}}").into_bytes(),
            57 => [&b"{\"id\": 1, \"text\": \"caf"[..], &[0xe9], &b" au lait\"}"[..]].concat(),
            71 => b"[\"an\", \"array\"]".to_vec(),
            _ => serde_json::to_vec(&serde_json::json!({"id": i, "n": i, "text": texts[i % texts.len()]})).unwrap(),
        };
        match i % 97 {
            13 => broken.push((i + 1, "not valid JSON: EOF while parsing a string")),
            29 => broken.push((i + 1, "no \"text\" field")),
            41 => broken.push((i + 1, "\"text\" must be a string, got a number")),
            57 => broken.push((i + 1, "invalid UTF-8 at byte 22 of the record")),
            71 => broken.push((i + 1, "the record is not a JSON object")),
            _ => {}
        }
        out.extend_from_slice(&line);
        out.push(b'\n');
    }
    (out, broken)
}

#[test]
fn ten_thousand_records_mixed_with_broken_ones() {
    let dir = temp_dir("mixed");
    let (input, broken) = mixed_input();
    let path = write(&dir, "mixed.jsonl", &input);
    let errors = dir.join("errors.jsonl");
    let (code, stdout, stderr) =
        outcome(&chaff(&["score", &path, "--errors", errors.to_str().unwrap(), "--threads", "2"], None));
    assert_eq!(code, 2, "failures give exit 2");
    let records: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let error_lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("chaff: ")).collect();
    assert_eq!(records.len() + error_lines.len(), 10_000);
    assert_eq!(error_lines.len(), broken.len());
    for (reported, (line, message)) in error_lines.iter().zip(&broken) {
        let expected = format!("chaff: {path}:{line}: {message}");
        assert!(reported.starts_with(&expected), "{reported} vs {expected}");
    }
    let ns: Vec<u64> = records.iter().map(|r| r["n"].as_u64().unwrap()).collect();
    assert!(ns.windows(2).all(|w| w[0] < w[1]), "output order = input order");
    for r in &records {
        assert!(r["chaff"]["label"] == "spam" || r["chaff"]["label"] == "clean");
        assert!(r["text"].is_string(), "input fields are kept");
    }
    let summary = stderr.lines().last().unwrap();
    let expected = format!("chaff score: 10000 records read, {} scored", records.len());
    assert!(summary.starts_with(&expected), "{summary}");
    assert!(summary.contains(&format!("{} failed", broken.len())), "{summary}");
    let logged: Vec<Value> =
        std::fs::read_to_string(&errors).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(logged.len(), broken.len());
    assert_eq!(logged[0]["line"], broken[0].0);
    assert_eq!(logged[0]["source"], path.as_str());
}

#[test]
fn verdicts_equal_classify() {
    let dir = temp_dir("equal");
    let texts = texts();
    let lines: Vec<String> = texts.iter().map(|t| serde_json::json!({ "text": t }).to_string()).collect();
    let path = write(&dir, "in.jsonl", (lines.join("\n") + "\n").as_bytes());
    let (code, stdout, _) = outcome(&chaff(&["score", &path, "-q"], None));
    assert_eq!(code, 0);
    for (line, text) in stdout.lines().zip(&texts) {
        let scored: Value = serde_json::from_str(line).unwrap();
        let (_, single, _) = outcome(&chaff(&["classify", "--format", "json", "-"], Some(text.as_bytes())));
        let classified: Value = serde_json::from_str(single.trim()).unwrap();
        for key in ["label", "p_spam", "spam_lines", "boilerplate_lines"] {
            assert_eq!(scored["chaff"][key], classified[key], "{key}");
        }
    }
}

#[test]
fn compressed_inputs_and_standard_input() {
    use flate2::write::GzEncoder;
    let dir = temp_dir("compressed");
    let record = serde_json::json!({"id": "a", "text": texts()[4]}).to_string() + "\n";
    let data = record.repeat(3);
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(data.as_bytes()).unwrap();
    let gz = write(&dir, "in.jsonl.gz", &gz.finish().unwrap());
    let zst = write(&dir, "in.jsonl.zst", &zstd::encode_all(data.as_bytes(), 3).unwrap());
    let (_, plain, _) = outcome(&chaff(&["score", "-q", "-"], Some(data.as_bytes())));
    assert_eq!(plain.lines().count(), 3);
    for path in [&gz, &zst] {
        let (code, out, stderr) = outcome(&chaff(&["score", "-q", path], None));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(out, plain, "{path}");
    }
    let (_, none, _) = outcome(&chaff(&["score", "-q"], Some(data.as_bytes())));
    assert_eq!(none, plain, "no argument reads standard input");
}

#[test]
fn a_truncated_gzip_input_keeps_its_readable_records() {
    use flate2::write::GzEncoder;
    let dir = temp_dir("truncated");
    let records: String = (0..400).map(|i| serde_json::json!({"id": i, "text": texts()[i % texts().len()]}).to_string() + "\n").collect();
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(records.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let path = write(&dir, "cut.jsonl.gz", &gz[..gz.len() / 2]);
    let (code, out, stderr) = outcome(&chaff(&["score", &path], None));
    assert_eq!(code, 2, "{stderr}");
    let written = out.lines().count();
    assert!(written > 0 && written < 400, "{written} records written");
    let ids: Vec<u64> = out.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..written as u64).collect::<Vec<_>>(), "the records before the break, in order");
    let error = format!("{path}:{}: the input cannot be read from this line on", written + 1);
    assert!(stderr.contains(&error), "{stderr}");
    assert!(stderr.contains(&format!("{} records read, {written} scored", written + 1)), "{stderr}");
}

#[test]
fn closed_output_ends_quietly() {
    let dir = temp_dir("pipe");
    let record = serde_json::json!({"text": texts()[0]}).to_string() + "\n";
    // `chaff score big.jsonl.gz | head -1`
    use flate2::write::GzEncoder;
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(record.repeat(20_000).as_bytes()).unwrap();
    let path = write(&dir, "big.jsonl.gz", &gz.finish().unwrap());
    let mut child = Command::new(env!("CARGO_BIN_EXE_chaff"))
        .args(["score", &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    assert!(first.contains("\"chaff\""), "{first}");
    drop(stdout); // like `| head -1`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn clean_text_spans_and_fields() {
    let text = std::fs::read_to_string(root().join("tests/data/sample_vi.txt")).unwrap();
    let input = serde_json::json!({"url": "u", "content": text}).to_string();
    let (code, out, _) = outcome(&chaff(
        &["score", "-q", "--text-field", "content", "--clean", "--spans", "-"],
        Some(input.as_bytes()),
    ));
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["url"], "u");
    let clean = v["chaff"]["clean"].as_str().unwrap();
    assert!(!clean.contains("Soi kèo") && !clean.contains("责任编辑") && !clean.contains("Minh Châu"));
    assert!(clean.starts_with("Đà Nẵng mở thêm ba tuyến xe buýt"));
    let chars: Vec<char> = text.chars().collect();
    for span in v["chaff"]["spans"].as_array().unwrap() {
        let (start, end) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
        let piece: String = chars[start..end].iter().collect();
        assert!(!piece.contains('\n') && text.lines().any(|l| l == piece), "{piece}");
    }
    let spam_spans = v["chaff"]["spans"].as_array().unwrap().iter().filter(|s| s[2] == "spam").count();
    assert_eq!(spam_spans, v["chaff"]["spam_lines"].as_array().unwrap().len());
}

#[test]
fn folders_of_text_files() {
    let dir = temp_dir("folder");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    write(&dir, "a.txt", texts()[4].as_bytes());
    write(&dir.join("sub"), "b.txt", texts()[0].as_bytes());
    write(&dir, "empty.txt", b"");
    write(&dir, "ignored.md", b"not a document");
    let (code, out, stderr) = outcome(&chaff(&["score", dir.to_str().unwrap()], None));
    assert_eq!(code, 2, "the empty file fails");
    let ids: Vec<String> =
        out.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids[0].ends_with("a.txt") && ids[1].ends_with("sub/b.txt"), "{ids:?}");
    assert!(stderr.contains("empty.txt: empty input"), "{stderr}");
    assert!(stderr.contains("3 records read, 2 scored"), "{stderr}");
}

#[test]
fn clean_command_prints_documents_without_spam() {
    let (code, out, _) = outcome(&chaff(&["clean", "tests/data/sample_vi.txt"], None));
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(root().join("tests/data/sample_vi.txt")).unwrap();
    let kept: Vec<&str> = text.lines().enumerate().filter(|(i, _)| ![5, 9, 10, 11, 12, 13, 14, 15, 16].contains(i)).map(|(_, l)| l).collect();
    assert_eq!(out, kept.join("\n") + "\n");
    let (_, with_bp, _) = outcome(&chaff(&["clean", "--keep-boilerplate", "tests/data/sample_vi.txt"], None));
    assert!(with_bp.contains("Minh Châu"));
    let (code, _, stderr) = outcome(&chaff(&["clean", "missing.txt"], None));
    assert_eq!(code, 2);
    assert!(stderr.contains("missing.txt"));
}

/// The `id`s of JSONL output records.
fn ids(out: &str) -> Vec<u64> {
    out.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].as_u64().unwrap()).collect()
}

#[test]
fn folders_do_not_follow_symbolic_links() {
    let dir = temp_dir("links");
    write(&dir, "a.txt", texts()[4].as_bytes());
    // Followed, the link to the folder itself would score a.txt 41 times (until the path is
    // too long), and two such links would never end.
    std::os::unix::fs::symlink(".", dir.join("x")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.join("b.txt")).unwrap();
    let (code, out, stderr) = outcome(&chaff(&["score", dir.to_str().unwrap()], None));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(stderr.contains(&format!("chaff: {}: 2 symbolic links not followed", dir.display())), "{stderr}");
    let named = temp_dir("links-named").join("docs");
    std::os::unix::fs::symlink(&dir, &named).unwrap();
    let (code, out, _) = outcome(&chaff(&["score", "-q", named.to_str().unwrap()], None));
    assert_eq!((code, out.lines().count()), (0, 1), "a link named on the command line is followed");
}

#[test]
fn a_missing_input_is_one_failure_and_the_others_are_scored() {
    let dir = temp_dir("missing");
    let record = |id: u64| serde_json::json!({"id": id, "text": texts()[id as usize]}).to_string() + "\n";
    let first = write(&dir, "first.jsonl", (record(0) + &record(1)).as_bytes());
    let last = write(&dir, "last.jsonl", record(2).as_bytes());
    let missing = dir.join("missing.jsonl").display().to_string();
    let (code, out, stderr) = outcome(&chaff(&["score", &first, &missing, &last], None));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(ids(&out), vec![0, 1, 2]);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("chaff: ")).collect();
    assert_eq!(errors, vec![format!("chaff: {missing}: No such file or directory (os error 2)")], "{stderr}");
    assert!(stderr.contains("4 records read, 3 scored"), "{stderr}");
    assert!(stderr.contains("1 failed"), "{stderr}");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let (code, out, stderr) = outcome(&chaff(&["score", "-q"], Some(b"\xef\xbb\xbf{\"text\":\"hello\"}\n")));
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["text"], "hello");
}

/// Runs `chaff score input -o output` with files limited to `max_bytes` (`RLIMIT_FSIZE`,
/// SIGXFSZ ignored): writing past it fails with EFBIG, like a full disk.
fn score_with_file_size_limit(input: &str, output: &str, max_bytes: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chaff"));
    cmd.args(["score", input, "-o", output]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit { rlim_cur: max_bytes, rlim_max: max_bytes };
            match libc::setrlimit(libc::RLIMIT_FSIZE, &limit) {
                0 => Ok(()),
                _ => Err(std::io::Error::last_os_error()),
            }
        });
    }
    cmd.output().unwrap()
}

#[test]
fn a_failed_write_names_the_output_and_keeps_whole_records() {
    let dir = temp_dir("full");
    let texts = texts();
    let records: String =
        (0..200).map(|i| serde_json::json!({"id": i, "text": texts[i % texts.len()]}).to_string() + "\n").collect();
    let input = write(&dir, "big.jsonl", records.as_bytes());
    let output = dir.join("out.jsonl").display().to_string();
    let (code, out, stderr) = outcome(&score_with_file_size_limit(&input, &output, 50_000));
    assert_eq!((code, out.as_str()), (2, ""), "{stderr}");
    let written = std::fs::read_to_string(&output).unwrap();
    assert!(written.ends_with('\n') && written.len() < 50_000, "the file ends with a whole record");
    let ids = ids(&written);
    assert!(!ids.is_empty() && ids.len() < 200, "{} records", ids.len());
    assert_eq!(ids, (0..ids.len() as u64).collect::<Vec<_>>());
    let message = format!(
        "chaff: cannot write {output}: File too large (os error 27); {} records were written, the last one whole",
        ids.len()
    );
    assert_eq!(stderr.trim_end(), message);
}

#[test]
fn a_full_device_is_a_clear_error() {
    if !std::path::Path::new("/dev/full").exists() {
        eprintln!("no /dev/full here: a_full_device_is_a_clear_error skipped");
        return;
    }
    let dir = temp_dir("dev-full");
    let input = write(&dir, "in.jsonl", b"{\"text\":\"hello\"}\n");
    let (code, _, stderr) = outcome(&chaff(&["score", "-q", &input, "-o", "/dev/full"], None));
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "chaff: cannot write /dev/full: No space left on device (os error 28); no records were written"
    );
}
