//! Binary classification metrics: confusion counts, precision, recall, F1, false-positive
//! rate and ROC AUC.

use serde::Serialize;

/// Counts of a binary confusion matrix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Confusion {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// True negatives.
    pub tn: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Confusion {
    /// Adds one decision.
    pub fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, false) => self.tn += 1,
            (false, true) => self.fn_ += 1,
        }
    }

    /// Precision (1 when nothing was predicted positive).
    pub fn precision(&self) -> f64 {
        safe_div(self.tp, self.tp + self.fp, 1.0)
    }

    /// Recall (1 when nothing is positive).
    pub fn recall(&self) -> f64 {
        safe_div(self.tp, self.tp + self.fn_, 1.0)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    /// False-positive rate (0 when nothing is negative).
    pub fn fpr(&self) -> f64 {
        safe_div(self.fp, self.fp + self.tn, 0.0)
    }

    /// Number of decisions.
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.tn + self.fn_
    }
}

fn safe_div(a: usize, b: usize, empty: f64) -> f64 {
    if b == 0 { empty } else { a as f64 / b as f64 }
}

/// ROC AUC of `scores` (score, actual) by the Mann-Whitney statistic, ties counted half.
/// `None` when one of the classes is absent.
pub fn auc(scores: &[(f64, bool)]) -> Option<f64> {
    let positives = scores.iter().filter(|s| s.1).count();
    let negatives = scores.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    let mut sorted = scores.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let j = i + sorted[i..].iter().take_while(|s| s.0 == sorted[i].0).count();
        let mid_rank = (i + j + 1) as f64 / 2.0; // ranks are 1-based: i+1 ..= j
        rank_sum += mid_rank * sorted[i..j].iter().filter(|s| s.1).count() as f64;
        i = j;
    }
    let u = rank_sum - (positives * (positives + 1)) as f64 / 2.0;
    Some(u / (positives * negatives) as f64)
}

/// Precision, recall and F1 of one class, as reported.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClassScores {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Lines of this class in the data.
    pub support: usize,
}

impl From<&Confusion> for ClassScores {
    fn from(c: &Confusion) -> Self {
        ClassScores { precision: c.precision(), recall: c.recall(), f1: c.f1(), support: c.tp + c.fn_ }
    }
}

/// The threshold in `candidates` with the best F1 whose false-positive rate stays within
/// `max_fpr` (the best F1 overall if none does).
pub fn best_threshold(scores: &[(f64, bool)], candidates: &[f64], max_fpr: f64) -> f64 {
    let at = |t: f64| {
        let mut c = Confusion::default();
        scores.iter().for_each(|(s, y)| c.add(*s >= t, *y));
        c
    };
    let pick = |ok: &dyn Fn(&Confusion) -> bool| {
        candidates
            .iter()
            .map(|&t| (t, at(t)))
            .filter(|(_, c)| ok(c))
            .max_by(|a, b| a.1.f1().total_cmp(&b.1.f1()).then(b.0.total_cmp(&a.0)))
            .map(|(t, _)| t)
    };
    pick(&|c| c.fpr() <= max_fpr).or_else(|| pick(&|_| true)).unwrap_or(0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusion_scores() {
        let mut c = Confusion::default();
        for (p, a) in [(true, true), (true, false), (false, true), (false, false), (true, true)] {
            c.add(p, a);
        }
        assert_eq!((c.tp, c.fp, c.tn, c.fn_), (2, 1, 1, 1));
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.fpr() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn auc_with_ties() {
        assert_eq!(auc(&[(0.9, true), (0.1, false)]), Some(1.0));
        assert_eq!(auc(&[(0.1, true), (0.9, false)]), Some(0.0));
        assert_eq!(auc(&[(0.5, true), (0.5, false)]), Some(0.5));
        assert_eq!(auc(&[(0.5, true)]), None);
        let a = auc(&[(0.8, true), (0.6, false), (0.6, true), (0.2, false)]).unwrap();
        assert!((a - 0.875).abs() < 1e-12);
    }

    #[test]
    fn threshold_respects_fpr() {
        let scores = [(0.9, true), (0.7, false), (0.6, true), (0.2, false)];
        assert_eq!(best_threshold(&scores, &[0.5, 0.65, 0.8], 0.0), 0.8);
    }
}
