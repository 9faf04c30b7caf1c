//! Parquet in and out of `chaff score` (the `parquet` feature):
//! `cargo test --features parquet --test parquet`.

#[allow(dead_code)]
mod util;

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{Int64Array, RecordBatch, RecordBatchReader, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

use util::{chaff, outcome, root, temp_dir, write};

/// Rows of the generated Parquet file.
const ROWS: usize = 10_000;

/// Every 997th row has a null text, every 1,499th one too many lines for `--max-lines`.
fn text_of(i: usize, base: &[String]) -> Option<String> {
    match i {
        _ if i % 997 == 5 => None,
        _ if i % 1499 == 7 => Some("một dòng\n".repeat(LINE_LIMIT + 1)),
        _ if i.is_multiple_of(3) => Some(format!("{}\nBình luận ({i})", base[i % base.len()])),
        _ => Some(base[i % base.len()].clone()),
    }
}

/// `--max-lines` for the runs: some rows are over it.
const LINE_LIMIT: usize = 300;

/// The seeds and the Vietnamese sample: spam, boilerplate and clean pages.
fn base_texts() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(util::seeds()).unwrap().map(|e| e.unwrap().path()).collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths.push(root().join("tests/data/sample_vi.txt"));
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// The rows as `(id, text, extra)`.
fn rows() -> Vec<(i64, Option<String>, String)> {
    let base = base_texts();
    (0..ROWS).map(|i| (i as i64, text_of(i, &base), format!("extra {i}"))).collect()
}

/// Writes the rows as a Parquet file (in row groups of 1,000) and as JSONL (a null text
/// left out); returns both paths.
fn write_inputs(dir: &Path) -> (String, String) {
    let rows = rows();
    let schema = Arc::new(Schema::new(vec![
        Field::new("id", DataType::Int64, false),
        Field::new("text", DataType::Utf8, true),
        Field::new("extra", DataType::Utf8, false),
    ]));
    let path = dir.join("docs.parquet");
    let mut writer = ArrowWriter::try_new(File::create(&path).unwrap(), schema.clone(), None).unwrap();
    for group in rows.chunks(1000) {
        let columns: Vec<arrow_array::ArrayRef> = vec![
            Arc::new(group.iter().map(|r| r.0).collect::<Int64Array>()),
            Arc::new(group.iter().map(|r| r.1.as_deref()).collect::<StringArray>()),
            Arc::new(group.iter().map(|r| Some(r.2.as_str())).collect::<StringArray>()),
        ];
        writer.write(&RecordBatch::try_new(schema.clone(), columns).unwrap()).unwrap();
        writer.flush().unwrap();
    }
    writer.close().unwrap();
    let jsonl: String = rows
        .iter()
        .map(|(id, text, extra)| match text {
            Some(text) => serde_json::json!({"id": id, "text": text, "extra": extra}).to_string() + "\n",
            None => serde_json::json!({"id": id, "extra": extra}).to_string() + "\n",
        })
        .collect();
    let jsonl = write(dir, "docs.jsonl", jsonl.as_bytes());
    (path.display().to_string(), jsonl)
}

/// The rows that fail: a null text, or too many lines.
fn failing_rows() -> usize {
    (0..ROWS).filter(|i| i % 997 == 5 || i % 1499 == 7).count()
}

/// The JSON records of a JSONL output.
fn records(out: &str) -> Vec<Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// `chaff score` with the options of these tests: spans, clean text, the line limit.
fn score(args: &[&str]) -> (i32, String, String) {
    let limit = LINE_LIMIT.to_string();
    let all: Vec<&str> = ["score", "--spans", "--clean", "--max-lines", &limit].iter().copied().chain(args.iter().copied()).collect();
    outcome(&chaff(&all, None))
}

#[test]
fn parquet_rows_are_scored_as_their_jsonl_records_in_and_out_of_parquet() {
    let dir = temp_dir("parquet");
    let (parquet, jsonl) = write_inputs(&dir);
    let (code, out, stderr) = score(&["-q", &jsonl]);
    assert_eq!(code, 2, "some records fail: {stderr}");
    let expected = records(&out);
    let failed = failing_rows();
    assert!(failed > 10);
    assert_eq!(expected.len(), ROWS - failed);
    assert!(expected.iter().any(|r| r["chaff"]["label"] == "spam") && expected.iter().any(|r| r["chaff"]["label"] == "clean"));

    // Parquet in, JSONL out: the same records, every row accounted for.
    let (code, out, stderr) = score(&[&parquet]);
    assert_eq!(code, 2);
    assert_eq!(records(&out), expected, "the same records, columns as fields, in order");
    let summary = format!("{ROWS} records read, {} scored", ROWS - failed);
    assert!(stderr.contains(&summary) && stderr.contains(&format!(", {failed} failed")), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("chaff: ")).collect();
    assert_eq!(errors.len(), failed, "{stderr}");
    assert_eq!(errors[0], format!("chaff: {parquet}:6: \"text\" is null"));
    assert_eq!(errors[1], format!("chaff: {parquet}:8: the document is too large: 301 lines, more than the limit of 300 lines"));

    // Parquet in, Parquet out: the input's columns and a struct column `chaff`.
    let output = dir.join("scored.parquet");
    let (code, out, stderr) = score(&["-q", &parquet, "-o", output.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (2, ""), "{stderr}");
    assert_eq!(stderr.lines().filter(|l| l.starts_with("chaff: ")).count(), failed);
    let written = read_parquet(&output);
    assert_eq!(written.len(), ROWS - failed);
    for (row, want) in written.iter().zip(&expected) {
        let mut row = row.clone();
        let spans = row["chaff"]["spans"].as_array().unwrap().iter();
        let spans: Vec<Value> = spans.map(|s| serde_json::json!([s["start"], s["end"], s["class"], s["probability"]])).collect();
        row["chaff"]["spans"] = Value::Array(spans);
        assert_eq!(&row, want);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The rows of a Parquet file as JSON objects, read with the parquet crate itself.
fn read_parquet(path: &Path) -> Vec<Value> {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap().build().unwrap();
    let names: Vec<String> = reader.schema().fields().iter().map(|f| f.name().clone()).collect();
    assert_eq!(names, ["id", "text", "extra", "chaff"]);
    let mut buffer = Vec::new();
    let mut writer = arrow_json::LineDelimitedWriter::new(&mut buffer);
    for batch in reader {
        writer.write(&batch.unwrap()).unwrap();
    }
    writer.finish().unwrap();
    records(&String::from_utf8(buffer).unwrap())
}

#[test]
fn inputs_parquet_cannot_take_are_refused_once_each() {
    let dir = temp_dir("parquet-refused");
    let schema = Arc::new(Schema::new(vec![Field::new("body", DataType::Utf8, false)]));
    let path = dir.join("body.parquet");
    let mut writer = ArrowWriter::try_new(File::create(&path).unwrap(), schema.clone(), None).unwrap();
    let body: arrow_array::ArrayRef = Arc::new(StringArray::from(vec!["Một dòng duy nhất.", "Hai dòng.\nBình luận (0)"]));
    writer.write(&RecordBatch::try_new(schema, vec![body]).unwrap()).unwrap();
    writer.close().unwrap();
    let body = path.display().to_string();
    let damaged = write(&dir, "damaged.parquet", b"PAR1 and then not Parquet at all");
    let jsonl = write(&dir, "docs.jsonl", b"{\"text\": \"a\"}\n");
    let (code, out, stderr) = outcome(&chaff(&["score", &body, &damaged], None));
    assert_eq!((code, out.as_str()), (2, ""));
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("chaff: ")).collect();
    assert_eq!(errors[0], format!("chaff: {body}: no \"text\" column (--text-field)"));
    assert!(errors[1].starts_with(&format!("chaff: {damaged}: not a readable Parquet file: ")), "{stderr}");
    assert_eq!(errors.len(), 2);
    assert!(stderr.contains("2 records read, 0 scored"), "{stderr}");

    let (code, out, stderr) = outcome(&chaff(&["score", "--text-field", "body", &body], None));
    assert_eq!(code, 0, "{stderr}");
    let bodies: Vec<Value> = records(&out).iter().map(|r| r["body"].clone()).collect();
    assert_eq!(bodies, ["Một dòng duy nhất.", "Hai dòng.\nBình luận (0)"], "the column named by --text-field");

    let output = dir.join("out.parquet");
    let (code, _, stderr) = outcome(&chaff(&["score", &jsonl, "-o", output.to_str().unwrap()], None));
    assert_eq!(code, 2);
    assert!(stderr.contains(&format!("chaff: {jsonl}: Parquet output (-o FILE.parquet) takes Parquet inputs only")), "{stderr}");
    let bytes = std::fs::read(&path).unwrap();
    let (code, _, stderr) = outcome(&chaff(&["score", "-"], Some(&bytes)));
    assert_eq!(code, 2);
    assert!(stderr.contains("chaff: -: Parquet is read from a file, not from standard input or a compressed stream"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}
