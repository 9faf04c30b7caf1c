//! The five seed documents: the exact line classes the default model must give.

use serde_json::Value;

use crate::util::{chaff, outcome, seeds};

fn classify_json(name: &str) -> Value {
    let path = seeds().join(name);
    let out = chaff(&["classify", "--format", "json", path.to_str().unwrap()], None);
    let (_, stdout, stderr) = outcome(&out);
    assert!(stderr.is_empty(), "stderr: {stderr}");
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn indices(v: &Value) -> Vec<u64> {
    v.as_array().unwrap().iter().map(|i| i.as_u64().unwrap()).collect()
}

#[test]
fn vietnamese_seed_is_spam_with_exact_lines() {
    let v = classify_json("004_152460bd17cdbad5.txt");
    assert_eq!(v["label"], "spam");
    assert!(v["p_spam"].as_f64().unwrap() >= 0.8, "p_spam {}", v["p_spam"]);
    let mut expected = vec![0];
    expected.extend(7..=18);
    assert_eq!(indices(&v["spam_lines"]), expected);
}

#[test]
fn clean_seeds_are_clean_with_their_boilerplate() {
    let labels: Value =
        serde_json::from_str(&std::fs::read_to_string(seeds().join("labels.json")).unwrap()).unwrap();
    // Well under the threshold, not just under it: at most half of it.
    let margin = ::chaff::Model::builtin().unwrap().thresholds.document / 2.0;
    let mut found = 0;
    let mut total = 0;
    for name in ["000_14cf763a06ae9072.txt", "001_c3d6f732ea0667d6.txt", "002_22fe44cd101218cf.txt", "003_d4847668661e968e.txt"] {
        let v = classify_json(name);
        assert_eq!(v["label"], "clean", "{name}");
        assert!(v["p_spam"].as_f64().unwrap() <= margin, "{name}: p_spam {}, over {margin}", v["p_spam"]);
        assert!(indices(&v["spam_lines"]).is_empty(), "{name}: spam lines {}", v["spam_lines"]);
        let truth = indices(&labels[name]["boilerplate_lines"]);
        let got = indices(&v["boilerplate_lines"]);
        total += truth.len();
        found += truth.iter().filter(|i| got.contains(i)).count();
    }
    assert_eq!(total, 10);
    assert!(found >= 8, "only {found} of the 10 boilerplate lines found");
}
