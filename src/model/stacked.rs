//! The stacked line model: each line again, in the light of the first line model's verdicts
//! on its neighbours and on the whole page.
//!
//! The first line model ([`super::line`]) reads one line's evidence. Two things it cannot see
//! decide many real pages: a page whose every paragraph reads as promotion is promotion as a
//! whole, its neutral sentences and headings included (the label policy's whole promotional
//! pages); and a line that reads as promotion on a page that otherwise does not (a betting
//! paragraph inside a news report) stands out from its page. The stacked model is a second
//! multinomial logistic regression over the first model's outputs for the line, its
//! neighbours, its run of headline-shaped lines and the page; it replaces hand-made smoothing.

use super::LineClass;
use super::line::LineProbs;
use super::linear::SoftmaxModel;

/// Stable names of the stacked model's features, in column order.
pub const FEATURE_NAMES: &[&str] = &[
    "stack.spam",
    "stack.boilerplate",
    "stack.prev_spam",
    "stack.next_spam",
    "stack.gap",
    "stack.run_median",
    "stack.excess",
    "stack.page_mean",
    "stack.page_max",
    "stack.page_share",
    "stack.page_boilerplate",
    "stack.lines",
];

/// The stacked feature names.
pub fn feature_names() -> &'static [&'static str] {
    FEATURE_NAMES
}

/// Log-odds with `p` clamped to [0.001, 0.999].
fn logit(p: f64) -> f64 {
    super::linear::logit(p, 0.001)
}

/// What the first model says of the page as a whole.
struct Page {
    mean: f64,
    max: f64,
    share: f64,
    mean_logit: f64,
    boilerplate: f64,
    lines: f64,
}

impl Page {
    fn of(probs: &[Option<LineProbs>]) -> Page {
        let spam = LineClass::Spam.index();
        let present: Vec<&LineProbs> = probs.iter().flatten().collect();
        let n = present.len().max(1) as f64;
        Page {
            mean: present.iter().map(|p| p[spam]).sum::<f64>() / n,
            max: present.iter().map(|p| p[spam]).fold(0.0, f64::max),
            share: present.iter().filter(|p| p[spam] >= 0.5).count() as f64 / n,
            mean_logit: present.iter().map(|p| logit(p[spam])).sum::<f64>() / n,
            boilerplate: present.iter().map(|p| p[LineClass::Boilerplate.index()]).sum::<f64>() / n,
            lines: (present.len() as f64).ln_1p(),
        }
    }
}

/// The stacked feature rows of a document's lines, one buffer for the whole document.
#[derive(Clone, Debug, Default)]
pub struct StackedRows {
    values: Vec<f32>,
    present: Vec<bool>,
}

impl StackedRows {
    /// The row of line `i`, or `None` for a blank line.
    pub fn row(&self, i: usize) -> Option<&[f32]> {
        let n = FEATURE_NAMES.len();
        self.present[i].then(|| &self.values[i * n..(i + 1) * n])
    }
}

/// The stacked feature rows of a document's lines, from the first model's probabilities and
/// each line's run of headline-shaped lines (`head_runs`).
pub fn features(probs: &[Option<LineProbs>], head_runs: &[Option<usize>]) -> StackedRows {
    let spam = LineClass::Spam.index();
    let page = Page::of(probs);
    let runs = run_medians(probs, head_runs);
    let n = FEATURE_NAMES.len();
    let mut rows = StackedRows { values: vec![0.0; probs.len() * n], present: probs.iter().map(Option::is_some).collect() };
    let present: Vec<usize> = (0..probs.len()).filter(|&i| probs[i].is_some()).collect();
    for (k, &i) in present.iter().enumerate() {
        let p = probs[i].expect("present");
        let own = p[spam];
        let prev = k.checked_sub(1).and_then(|j| probs[present[j]]).map_or(own, |q| q[spam]);
        let next = present.get(k + 1).and_then(|&j| probs[j]).map_or(own, |q| q[spam]);
        let row = [
            logit(own),
            logit(p[LineClass::Boilerplate.index()]),
            logit(prev),
            logit(next),
            logit(prev.min(next)),
            logit(runs[i].unwrap_or(own)),
            logit(own) - page.mean_logit,
            page.mean,
            logit(page.max),
            page.share,
            page.boilerplate,
            page.lines,
        ];
        for (slot, v) in rows.values[i * n..(i + 1) * n].iter_mut().zip(row) {
            *slot = v as f32;
        }
    }
    rows
}

/// For each line in a run of three or more headline-shaped lines, the run's median spam
/// probability: a block of pasted headlines is one thing.
fn run_medians(probs: &[Option<LineProbs>], head_runs: &[Option<usize>]) -> Vec<Option<f64>> {
    let spam = LineClass::Spam.index();
    let mut out = vec![None; probs.len()];
    for lines in super::line::headline_blocks(probs, head_runs) {
        let mut ps: Vec<f64> = lines.iter().filter_map(|&i| probs[i].map(|p| p[spam])).collect();
        ps.sort_by(f64::total_cmp);
        let median = ps[ps.len() / 2];
        for &i in &lines {
            out[i] = Some(median);
        }
    }
    out
}

/// Scores every non-blank line's stacked row (see [`features`]) with the stacked model (blank
/// lines get `None`).
pub fn score(model: &SoftmaxModel, rows: &StackedRows) -> Vec<Option<LineProbs>> {
    let mut z = vec![0.0; FEATURE_NAMES.len()];
    (0..rows.present.len())
        .map(|i| {
            rows.row(i).map(|row| model.probabilities_of(row, &mut z))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_lines_and_the_page() {
        let p = |s: f64| Some([1.0 - s, 0.0, s]);
        let probs = vec![p(0.9), None, p(0.1), p(0.8), p(0.7), p(0.2)];
        let runs = [None, None, Some(2), Some(2), Some(2), None];
        let rows = features(&probs, &runs);
        assert!(rows.row(1).is_none());
        let row = rows.row(2).unwrap();
        let name = |n: &str| FEATURE_NAMES.iter().position(|f| *f == n).unwrap();
        assert!((row[name("stack.prev_spam")] - logit(0.9) as f32).abs() < 1e-6, "the blank line is skipped");
        assert!((row[name("stack.run_median")] - logit(0.7) as f32).abs() < 1e-6, "median of 0.1, 0.8, 0.7");
        assert!((row[name("stack.page_share")] - 0.6).abs() < 1e-6, "3 of 5 lines at 0.5 or more");
        let last = rows.row(5).unwrap();
        assert_eq!(last[name("stack.next_spam")], last[name("stack.spam")], "no next line: its own");
    }
}
