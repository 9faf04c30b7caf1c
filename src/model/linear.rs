//! Linear scorers with our own weights: a multinomial (softmax) model for lines and a
//! binary logistic model for documents. Both standardise their inputs with the mean and
//! scale stored beside the weights, exactly as the features were standardised for fitting.

use serde::{Deserialize, Serialize};

/// Per-feature standardisation: `z = (x - mean) / scale`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standardizer {
    /// Mean of each feature over the training rows.
    pub mean: Vec<f64>,
    /// Standard deviation of each feature (1 where it was 0).
    pub scale: Vec<f64>,
}

impl Standardizer {
    /// Fits the mean and scale of each column of `rows` (row-major, `cols` wide).
    pub fn fit(rows: &[f64], cols: usize) -> Self {
        let n = (rows.len() / cols.max(1)).max(1) as f64;
        let mut mean = vec![0.0; cols];
        for row in rows.chunks_exact(cols) {
            for (m, x) in mean.iter_mut().zip(row) {
                *m += x;
            }
        }
        mean.iter_mut().for_each(|m| *m /= n);
        let mut var = vec![0.0; cols];
        for row in rows.chunks_exact(cols) {
            for ((v, x), m) in var.iter_mut().zip(row).zip(&mean) {
                *v += (x - m) * (x - m);
            }
        }
        let scale = var
            .iter()
            .map(|v| {
                let sd = (v / n).sqrt();
                if sd > 1e-9 { sd } else { 1.0 }
            })
            .collect();
        Standardizer { mean, scale }
    }

    /// Writes the standardised form of `x` into `z`.
    pub fn apply(&self, x: &[f32], z: &mut [f64]) {
        for (((z, x), m), s) in z.iter_mut().zip(x).zip(&self.mean).zip(&self.scale) {
            *z = (*x as f64 - m) / s;
        }
    }

    /// Standardises every row of `rows` in place.
    pub fn apply_rows(&self, rows: &mut [f64], cols: usize) {
        for row in rows.chunks_exact_mut(cols) {
            for ((x, m), s) in row.iter_mut().zip(&self.mean).zip(&self.scale) {
                *x = (*x - m) / s;
            }
        }
    }
}

/// A multinomial logistic regression: `softmax(W z + b)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SoftmaxModel {
    /// Feature names, in column order.
    pub features: Vec<String>,
    /// Class names, in the order of `weights` and `intercept`.
    pub classes: Vec<String>,
    /// Input standardisation.
    pub standardizer: Standardizer,
    /// One weight vector per class, over the standardised features.
    pub weights: Vec<Vec<f64>>,
    /// One intercept per class.
    pub intercept: Vec<f64>,
}

impl SoftmaxModel {
    /// Class probabilities of the raw feature row `row` (standardised into `z`, a buffer of
    /// the row's length).
    pub fn probabilities_of<const N: usize>(&self, row: &[f32], z: &mut [f64]) -> [f64; N] {
        self.standardizer.apply(row, z);
        let mut p = [0.0; N];
        self.probabilities(z, &mut p);
        p
    }

    /// Class probabilities of the standardised row `z`, written into `probs`.
    pub fn probabilities(&self, z: &[f64], probs: &mut [f64]) {
        for ((p, w), b) in probs.iter_mut().zip(&self.weights).zip(&self.intercept) {
            *p = b + dot(w, z);
        }
        softmax(probs);
    }

    /// Each feature's contribution to class `c` against the average class:
    /// `(w[c][j] - mean_k w[k][j]) * z[j]`.
    pub fn contributions(&self, z: &[f64], c: usize) -> Vec<f64> {
        let k = self.weights.len() as f64;
        (0..z.len())
            .map(|j| {
                let avg = self.weights.iter().map(|w| w[j]).sum::<f64>() / k;
                (self.weights[c][j] - avg) * z[j]
            })
            .collect()
    }
}

/// A binary logistic regression: `sigmoid(w·z + b)` is the probability of the positive
/// class (spam).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogisticModel {
    /// Feature names, in column order.
    pub features: Vec<String>,
    /// Input standardisation.
    pub standardizer: Standardizer,
    /// Weights over the standardised features.
    pub weights: Vec<f64>,
    /// Intercept.
    pub intercept: f64,
}

impl LogisticModel {
    /// Probability of the positive class for the standardised row `z`.
    pub fn probability(&self, z: &[f64]) -> f64 {
        sigmoid(self.intercept + dot(&self.weights, z))
    }

    /// Each feature's contribution to the log-odds: `w[j] * z[j]`.
    pub fn contributions(&self, z: &[f64]) -> Vec<f64> {
        self.weights.iter().zip(z).map(|(w, z)| w * z).collect()
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Log-odds of `p`, clamped to [`bound`, 1 - `bound`].
pub fn logit(p: f64, bound: f64) -> f64 {
    let p = p.clamp(bound, 1.0 - bound);
    (p / (1.0 - p)).ln()
}

/// The logistic function.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Numerically stable softmax in place.
pub fn softmax(v: &mut [f64]) {
    let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    v.iter_mut().for_each(|x| *x = (*x - max).exp());
    let sum: f64 = v.iter().sum();
    v.iter_mut().for_each(|x| *x /= sum);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standardizer_centres_and_scales() {
        let rows = [1.0, 5.0, 3.0, 5.0];
        let s = Standardizer::fit(&rows, 2);
        assert_eq!(s.mean, vec![2.0, 5.0]);
        assert_eq!(s.scale, vec![1.0, 1.0], "constant column keeps scale 1");
        let mut z = [0.0; 2];
        s.apply(&[3.0, 5.0], &mut z);
        assert_eq!(z, [1.0, 0.0]);
    }

    #[test]
    fn softmax_sums_to_one() {
        let mut v = [1000.0, 1001.0, 999.0];
        softmax(&mut v);
        assert!((v.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(v[1] > v[0] && v[0] > v[2]);
    }
}
