//! Labelled data: JSONL records (`{"id", "lang", "text", "label", "spam_lines",
//! "boilerplate_lines", "source"}`, one document a line), a folder of such files, or a
//! folder with `spam/` and `clean/` subfolders of `.txt` files (document labels only).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::document::{Document, decode_text};
use crate::error::{Error, Result};
use crate::model::LineClass;

/// One labelled document.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The record's id (or the file's path).
    pub id: String,
    /// The language the record declares, if any.
    pub lang: Option<String>,
    /// The text.
    pub text: String,
    /// Whether the document is spam (has at least one spam line).
    pub label: bool,
    /// The class of every line (`None` for blank lines), when the record labels lines.
    pub lines: Option<Vec<Option<LineClass>>>,
    /// Documents of one group (variants of one article) stay in one cross-validation fold.
    /// The record's `group` field, else its `id`.
    pub group: String,
    /// How many times the document counts when the models are fitted (the record's `weight`,
    /// 1 to 100, default 1): the project's reference documents count more than one page.
    pub weight: u32,
}

#[derive(Deserialize)]
struct Record {
    id: Option<Value>,
    lang: Option<String>,
    text: Option<Value>,
    label: Option<Value>,
    spam_lines: Option<Vec<usize>>,
    boilerplate_lines: Option<Vec<usize>>,
    group: Option<String>,
    weight: Option<Value>,
}

/// Reads every example from `path`: a JSONL file, a folder of JSONL files (read in name
/// order), or a folder with `spam/` and `clean/`.
///
/// # Errors
/// [`Error::Io`] for unreadable files, [`Error::Dataset`] (`path:line: message`) for the
/// first malformed record.
pub fn read_examples(path: &Path) -> Result<Vec<Example>> {
    if path.is_dir() {
        return read_folder(path);
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| Error::Dataset {
        path: path.to_path_buf(),
        line: 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count(),
        message: "invalid UTF-8".into(),
    })?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::Dataset { path: path.to_path_buf(), line: n + 1, message };
        out.push(parse_record(line, n + 1).map_err(bad)?);
    }
    Ok(out)
}

/// Parses one JSONL record; `line` numbers records without an id.
pub fn parse_record(json: &str, line: usize) -> Result<Example, String> {
    let r: Record = serde_json::from_str(json).map_err(|e| format!("not a JSON record: {e}"))?;
    let text = match r.text {
        Some(Value::String(s)) => s,
        Some(other) => return Err(format!("\"text\" must be a string, got {}", json_type(&other))),
        None => return Err("missing field \"text\"".into()),
    };
    let id = match r.id {
        Some(Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => format!("line-{line}"),
    };
    let lines = line_classes(&text, r.spam_lines.as_deref(), r.boilerplate_lines.as_deref())?;
    let label = document_label(r.label.as_ref(), lines.as_deref())?;
    let group = r.group.unwrap_or_else(|| id.clone());
    let weight = match r.weight {
        None => 1,
        Some(Value::Number(n)) if n.as_u64().is_some_and(|w| (1..=100).contains(&w)) => n.as_u64().unwrap_or(1) as u32,
        Some(other) => return Err(format!("\"weight\" must be a whole number from 1 to 100, got {other}")),
    };
    Ok(Example { id, lang: r.lang, text, label, lines, group, weight })
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The document label: the record's `label` (0/1 or false/true), checked against its spam
/// lines, or derived from them.
fn document_label(label: Option<&Value>, lines: Option<&[Option<LineClass>]>) -> Result<bool, String> {
    let has_spam = lines.map(|l| l.contains(&Some(LineClass::Spam)));
    let label = match label {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::Number(n)) if n.as_u64() == Some(0) => Some(false),
        Some(Value::Number(n)) if n.as_u64() == Some(1) => Some(true),
        Some(other) => return Err(format!("\"label\" must be 0 or 1, got {other}")),
    };
    match (label, has_spam) {
        (Some(l), Some(s)) if l != s => Err(format!(
            "\"label\" is {} but the record has {} spam lines",
            l as u8,
            if s { "some" } else { "no" }
        )),
        (Some(l), _) => Ok(l),
        (None, Some(s)) => Ok(s),
        (None, None) => Err("no \"label\" and no \"spam_lines\": nothing to learn from".into()),
    }
}

/// Line classes from the record's index lists, or `None` when it has neither list.
fn line_classes(text: &str, spam: Option<&[usize]>, bp: Option<&[usize]>) -> Result<Option<Vec<Option<LineClass>>>, String> {
    if spam.is_none() && bp.is_none() {
        return Ok(None);
    }
    let doc = Document::new(text);
    let mut classes: Vec<Option<LineClass>> =
        doc.lines().iter().map(|l| (!l.is_blank()).then_some(LineClass::Content)).collect();
    for (list, class, name) in [(bp, LineClass::Boilerplate, "boilerplate_lines"), (spam, LineClass::Spam, "spam_lines")] {
        for &i in list.unwrap_or_default() {
            let slot = classes.get_mut(i).ok_or_else(|| {
                format!("\"{name}\" has line {i}, but the text has {} lines", doc.lines().len())
            })?;
            if slot.is_some() {
                *slot = Some(class);
            }
        }
    }
    Ok(Some(classes))
}

fn read_folder(dir: &Path) -> Result<Vec<Example>> {
    let jsonl = files_ending(dir, ".jsonl")?;
    if !jsonl.is_empty() && !dir.join("spam").is_dir() && !dir.join("clean").is_dir() {
        let mut out = Vec::new();
        for path in jsonl {
            out.extend(read_examples(&path)?);
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    let mut found = false;
    for (sub, label) in [("clean", false), ("spam", true)] {
        let folder = dir.join(sub);
        if !folder.is_dir() {
            continue;
        }
        found = true;
        for path in files_ending(&folder, ".txt")? {
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            let text = decode_text(&bytes).map_err(|e| Error::Dataset {
                path: path.clone(),
                line: 1,
                message: e.to_string(),
            })?;
            let id = path.display().to_string();
            out.push(Example { group: id.clone(), id, lang: None, text: text.to_string(), label, lines: None, weight: 1 });
        }
    }
    if !found {
        return Err(Error::Training(format!(
            "{}: a training folder holds .jsonl files, or `spam/` and `clean/` subfolders of .txt files",
            dir.display()
        )));
    }
    Ok(out)
}

/// The files of a folder whose names end in `suffix`, sorted by name for determinism.
fn files_ending(folder: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| Error::io(folder, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n.to_string_lossy().ends_with(suffix)))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_line_labels() {
        let e = parse_record(r#"{"id":"a","text":"x\n\ny\nz","spam_lines":[3],"boilerplate_lines":[2]}"#, 1).unwrap();
        assert!(e.label);
        assert_eq!(
            e.lines.unwrap(),
            vec![Some(LineClass::Content), None, Some(LineClass::Boilerplate), Some(LineClass::Spam)]
        );
        assert_eq!(e.group, "a");
    }

    #[test]
    fn reports_bad_records() {
        assert_eq!(parse_record(r#"{"id":"a"}"#, 1).unwrap_err(), "missing field \"text\"");
        assert_eq!(parse_record(r#"{"text":5,"label":0}"#, 1).unwrap_err(), "\"text\" must be a string, got a number");
        assert!(parse_record(r#"{"text":"a","spam_lines":[4]}"#, 1).unwrap_err().contains("has line 4"));
        assert!(parse_record(r#"{"text":"a","label":1,"spam_lines":[]}"#, 1).unwrap_err().contains("no spam lines"));
        assert!(parse_record("{not json", 1).unwrap_err().starts_with("not a JSON record"));
        assert!(parse_record(r#"{"text":"a"}"#, 1).unwrap_err().contains("nothing to learn"));
    }

    #[test]
    fn document_labels_only() {
        let e = parse_record(r#"{"text":"a","label":1}"#, 7).unwrap();
        assert!(e.label && e.lines.is_none());
        assert_eq!(e.id, "line-7");
    }
}
