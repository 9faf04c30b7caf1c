//! Shared helpers: running the `chaff` binary, temporary folders, the data beside the
//! checkout.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::io::Write;

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed documents and their labels (`tests/data/seeds`, copied from `../shared/seeds`).
pub fn seeds() -> PathBuf {
    root().join("tests/data/seeds")
}

/// Set (to anything) where `../shared` must be beside the checkout, as in CI (`.ci/run`):
/// a test that needs it then fails instead of skipping.
const REQUIRE_SHARED: &str = "CHAFF_REQUIRE_SHARED";

/// `../shared/<rel>` beside the checkout (the dev sets, the corpora, the exclusion check),
/// or `None` after printing `SKIPPED: <what> needs ../shared/<rel> (not beside the
/// checkout)` to standard error (uncaptured), for the test to return. A fresh clone has no
/// `../shared`; CI has, and sets [`REQUIRE_SHARED`] so that nothing is skipped there.
pub fn shared_or_skip(rel: &str, what: &str) -> Option<PathBuf> {
    present_or_skip(&format!("../shared/{rel}"), what, "not beside the checkout")
}

/// `training-data/<rel>`, or `None` after printing why the test is skipped: a packaged
/// crate leaves the training data out (it is larger than crates.io takes).
pub fn training_data_or_skip(rel: &str, what: &str) -> Option<PathBuf> {
    present_or_skip(&format!("training-data/{rel}"), what, "not in this copy of chaff: a packaged crate leaves it out")
}

/// `rel` under the project root if it exists; else `SKIPPED: <what> needs <rel> (<why>)`
/// on the standard error (written itself, not through `eprintln!`, which the test harness
/// captures, so that the skip shows in a plain `cargo test`), or a failure where
/// [`REQUIRE_SHARED`] is set.
fn present_or_skip(rel: &str, what: &str, why: &str) -> Option<PathBuf> {
    let path = root().join(rel);
    if path.exists() {
        return Some(path);
    }
    let message = format!("{what} needs {rel} ({why})");
    assert!(std::env::var_os(REQUIRE_SHARED).is_none(), "{message}, and {REQUIRE_SHARED} is set");
    let _ = writeln!(std::io::stderr(), "SKIPPED: {message}");
    None
}

/// A fresh, empty temporary folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chaff-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `chaff` with `args`, optionally feeding `stdin`.
pub fn chaff(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chaff"))
        .args(args)
        .current_dir(root())
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chaff runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// The exit code, stdout and stderr of a run, as text.
pub fn outcome(out: &Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes `bytes` to `dir/name` and returns the path as a string.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}
