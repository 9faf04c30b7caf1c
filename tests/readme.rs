//! The README's examples are what the binary prints, so the two stay in step.

use serde_json::Value;

use crate::util::{chaff, outcome, root};

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

/// The part of `text` from the heading line `heading` to the next heading of its level.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text.find(&format!("\n{heading}\n")).unwrap_or_else(|| panic!("README has no `{heading}`")) + 1;
    let level = heading.split(' ').next().unwrap();
    let rest = &text[start + heading.len()..];
    let end = rest.find(&format!("\n{level} ")).map_or(text.len(), |e| start + heading.len() + e);
    &text[start..end]
}

/// The contents of the fenced code blocks of `text`, in order, as lines.
fn fenced_blocks(text: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut open: Option<Vec<&str>> = None;
    for line in text.lines() {
        match (line.starts_with("```"), open.take()) {
            (true, Some(block)) => blocks.push(block),
            (true, None) => open = Some(Vec::new()),
            (false, Some(mut block)) => {
                block.push(line);
                open = Some(block);
            }
            (false, None) => {}
        }
    }
    blocks
}

/// The first fenced block after the line `marker` in `text`.
fn block_after<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    let at = text.find(marker).unwrap_or_else(|| panic!("README has no `{marker}`"));
    fenced_blocks(&text[at..]).into_iter().next().unwrap()
}

/// What `chaff ARGS` prints on standard output.
fn stdout_of(args: &[&str]) -> String {
    let (code, stdout, stderr) = outcome(&chaff(args, None));
    assert!(code == 0 || code == 1, "chaff {args:?} exits {code}: {stderr}");
    stdout
}

#[test]
fn quick_start_shows_what_its_commands_print() {
    let text = readme();
    let quick_start = section(&text, "## Quick start");
    let blocks = fenced_blocks(quick_start);
    let commands: Vec<Vec<&str>> = blocks[0]
        .iter()
        .filter_map(|c| c.strip_prefix("cargo run --release -- "))
        .map(|c| c.split_whitespace().collect())
        .collect();
    assert!(!commands.is_empty(), "the quick start runs chaff: {:?}", blocks[0]);
    let printed: String = commands.iter().map(|args| stdout_of(args)).collect();
    assert_eq!(blocks[1], printed.lines().collect::<Vec<_>>(), "the README's quick start output differs");
}

#[test]
fn classify_examples_show_what_classify_prints() {
    let text = readme();
    let usage = section(&text, "### `chaff classify FILE...`");
    let shown = block_after(usage, "Text output:");
    let file = shown[0].split(": ").next().unwrap();
    assert_eq!(shown, stdout_of(&["classify", file]).lines().collect::<Vec<_>>());
    let shown: Value = serde_json::from_str(&block_after(usage, "JSON output").concat()).unwrap();
    let file = shown["file"].as_str().unwrap();
    let printed: Value = serde_json::from_str(&stdout_of(&["classify", "--format", "json", file])).unwrap();
    assert_eq!(shown, printed);
}

#[test]
fn version_example_shows_what_version_prints() {
    let text = readme();
    let shown = block_after(&text, "`chaff --version` prints");
    assert_eq!(shown, stdout_of(&["--version"]).lines().collect::<Vec<_>>());
}
