//! `chaff score --attributes DIR`: dolma attribute files, a line per input record.

use std::io::Read;
use std::process::Command;

use serde_json::{Value, json};

use crate::score::texts;
use crate::util::{outcome, temp_dir, write};

/// A page in Vietnamese and Chinese with emoji: byte and character offsets differ.
const MULTILINGUAL: &str = "🎉 Hà Nội nắng đẹp, 北京今天下雨 🌧️\nGiá vé từ 8.000 đồng mỗi lượt.\n(责任编辑:Tỷ Lệ Kèo Nhà Cái)\nSoi kèo nhà cái hôm nay, link vào fb88 mới nhất, đăng ký nhận thưởng 200% 🎁";

/// The decompressed lines of the file at `path`.
pub fn gunzip_lines(path: &std::path::Path) -> Vec<Value> {
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(path).unwrap()).read_to_string(&mut text).unwrap();
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// `(start, end)` of the span `s`.
fn bounds(s: &Value) -> (usize, usize) {
    (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize)
}

#[test]
fn the_readme_command_writes_a_line_per_record_with_character_spans() {
    let dir = temp_dir("attributes");
    let records = [
        json!({"id": "a", "text": texts()[4]}).to_string(),
        json!({"id": 7, "text": MULTILINGUAL}).to_string(),
        json!({"id": "bad", "text": 42}).to_string(),
        "not json".to_string(),
        json!({"text": texts()[0]}).to_string(),
    ];
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, (records.join("\n") + "\n").as_bytes()).unwrap();
    write(&dir, "docs.jsonl.gz", &gz.finish().unwrap());
    // As the README shows it, from the folder of the input.
    let run = Command::new(env!("CARGO_BIN_EXE_chaff"))
        .args(["score", "docs.jsonl.gz", "-o", "scored.jsonl", "--attributes", "attributes/chaff"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let (code, _, stderr) = outcome(&run);
    assert_eq!(code, 2, "two records fail: {stderr}");
    let scored: Vec<Value> =
        std::fs::read_to_string(dir.join("scored.jsonl")).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let attributes = gunzip_lines(&dir.join("attributes/chaff/docs.jsonl.gz"));
    let ids: Vec<&Value> = attributes.iter().map(|a| &a["id"]).collect();
    assert_eq!(ids, [&json!("a"), &json!(7), &json!("bad"), &json!(4), &json!(5)], "the record's id, else its line");
    assert_eq!(attributes[2]["attributes"], json!({}), "a failed record");
    assert_eq!(attributes[3]["attributes"], json!({}));
    let scored_attributes = [&attributes[0], &attributes[1], &attributes[4]];
    for (record, attribute) in scored.iter().zip(scored_attributes) {
        let text = record["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let values = &attribute["attributes"];
        assert_eq!(values["chaff__doc"], json!([[0, chars.len(), record["chaff"]["p_spam"]]]));
        for (key, lines) in [("chaff__spam", "spam_lines"), ("chaff__boilerplate", "boilerplate_lines")] {
            let pieces: Vec<String> =
                values[key].as_array().unwrap().iter().map(bounds).map(|(a, b)| chars[a..b].iter().collect()).collect();
            let line = |i: &Value| text.split('\n').nth(i.as_u64().unwrap() as usize).unwrap();
            let expected: Vec<&str> = record["chaff"][lines].as_array().unwrap().iter().map(line).collect();
            assert_eq!(pieces, expected, "{key} of {}", record["id"]);
        }
    }
    let multilingual = &attributes[1]["attributes"]["chaff__spam"];
    let editor = multilingual.as_array().unwrap().iter().map(bounds).find(|&(a, _)| MULTILINGUAL.chars().nth(a) == Some('('));
    let start = MULTILINGUAL.chars().take_while(|&c| c != '(').count();
    assert_eq!(editor, Some((start, start + "(责任编辑:Tỷ Lệ Kèo Nhà Cái)".chars().count())), "{multilingual}");
    assert_ne!(MULTILINGUAL.find('(').unwrap(), start, "byte offsets would be others");
}

#[test]
fn standard_input_writes_stdin_jsonl_and_inputs_of_one_name_are_refused() {
    let dir = temp_dir("attributes-stdin");
    let out_dir = dir.join("attrs");
    let input = json!({"id": "x", "text": MULTILINGUAL}).to_string() + "\n";
    let run = Command::new(env!("CARGO_BIN_EXE_chaff"))
        .args(["score", "-q", "--attributes", out_dir.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut run.stdin.as_ref().unwrap(), input.as_bytes()).unwrap();
    assert!(run.wait_with_output().unwrap().status.success());
    let lines = std::fs::read_to_string(out_dir.join("stdin.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 1);
    assert!(lines.starts_with("{\"id\":\"x\",\"attributes\":{\"chaff__spam\":[["), "{lines}");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let a = write(&dir.join("a"), "docs.jsonl", input.as_bytes());
    let b = write(&dir.join("b"), "docs.jsonl", input.as_bytes());
    let (code, stdout, stderr) = outcome(&crate::util::chaff(&["score", &a, &b, "--attributes", out_dir.to_str().unwrap()], None));
    assert_eq!((code, stdout.as_str()), (2, ""), "refused before any scoring");
    assert_eq!(
        stderr.trim_end(),
        format!("chaff: --attributes: {a} and {b} would both write the attribute file docs.jsonl; give the inputs distinct file names")
    );
}
