//! Fitting with linfa-logistic, and conversion of its fitted models into our own weight
//! structs. Inputs are standardised first; the standardiser is stored with the weights.

use linfa::prelude::*;
use linfa_logistic::{LogisticRegression, MultiLogisticRegression};
use ndarray::{Array1, Array2};

use crate::error::{Error, Result};
use crate::model::{LineClass, LogisticModel, SoftmaxModel, Standardizer};

/// Solver settings shared by both models.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Solver {
    /// L2 penalty (on the summed log-loss).
    pub alpha: f64,
    /// Maximum L-BFGS iterations.
    pub max_iterations: u64,
}

/// Standardises `rows` (row-major, `names.len()` wide) and returns the matrix linfa sees.
fn standardise(rows: &[f64], cols: usize) -> (Standardizer, Array2<f64>) {
    let standardizer = Standardizer::fit(rows, cols);
    let mut z = rows.to_vec();
    standardizer.apply_rows(&mut z, cols);
    let x = Array2::from_shape_vec((rows.len() / cols, cols), z).expect("rows are cols wide");
    (standardizer, x)
}

fn names(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Fits the line model on `rows` with classes `y`. Also returns linfa's fitted model and
/// the standardised matrix, for checking our scorer against linfa's.
pub fn fit_softmax_with_linfa(
    rows: &[f64],
    y: &[LineClass],
    feature_names: &[&str],
    solver: Solver,
) -> Result<(SoftmaxModel, linfa_logistic::MultiFittedLogisticRegression<f64, usize>, Array2<f64>)> {
    for class in LineClass::ALL {
        if !y.contains(&class) {
            return Err(Error::Training(format!("no {} lines to learn from", class.as_str())));
        }
    }
    let (standardizer, x) = standardise(rows, feature_names.len());
    let targets = Array1::from_iter(y.iter().map(|c| c.index()));
    let dataset = Dataset::new(x.clone(), targets);
    let fitted = MultiLogisticRegression::default()
        .alpha(solver.alpha)
        .max_iterations(solver.max_iterations)
        .fit(&dataset)
        .map_err(|e| Error::Fit(e.to_string()))?;
    let params = fitted.params();
    let mut weights = vec![vec![0.0; feature_names.len()]; 3];
    let mut intercept = vec![0.0; 3];
    for (col, &class) in fitted.classes().iter().enumerate() {
        weights[class] = params.column(col).to_vec();
        intercept[class] = fitted.intercept()[col];
    }
    let classes = LineClass::ALL.iter().map(|c| c.as_str().to_string()).collect();
    let model = SoftmaxModel { features: names(feature_names), classes, standardizer, weights, intercept };
    Ok((model, fitted, x))
}

/// Fits the line model (see [`fit_softmax_with_linfa`]).
pub fn fit_softmax(rows: &[f64], y: &[LineClass], feature_names: &[&str], solver: Solver) -> Result<SoftmaxModel> {
    fit_softmax_with_linfa(rows, y, feature_names, solver).map(|(m, _, _)| m)
}

/// Fits the document model on `rows` with labels `y` (true = spam). Also returns linfa's
/// fitted model and the standardised matrix.
///
/// linfa's binary model predicts the probability of its *majority* class; when clean
/// documents are the majority, its weights point away from spam and are negated here, so
/// that our model always gives the probability of spam.
pub fn fit_logistic_with_linfa(
    rows: &[f64],
    y: &[bool],
    feature_names: &[&str],
    solver: Solver,
) -> Result<(LogisticModel, linfa_logistic::FittedLogisticRegression<f64, bool>, Array2<f64>)> {
    if !y.contains(&true) || !y.contains(&false) {
        return Err(Error::Training("documents of both labels are needed".into()));
    }
    let (standardizer, x) = standardise(rows, feature_names.len());
    let dataset = Dataset::new(x.clone(), Array1::from_iter(y.iter().copied()));
    let fitted = LogisticRegression::default()
        .alpha(solver.alpha)
        .max_iterations(solver.max_iterations)
        .fit(&dataset)
        .map_err(|e| Error::Fit(e.to_string()))?;
    let sign = if fitted.labels().pos.class { 1.0 } else { -1.0 };
    let model = LogisticModel {
        features: names(feature_names),
        standardizer,
        weights: fitted.params().iter().map(|w| w * sign).collect(),
        intercept: fitted.intercept() * sign,
    };
    Ok((model, fitted, x))
}

/// Fits the document model (see [`fit_logistic_with_linfa`]).
pub fn fit_logistic(rows: &[f64], y: &[bool], feature_names: &[&str], solver: Solver) -> Result<LogisticModel> {
    fit_logistic_with_linfa(rows, y, feature_names, solver).map(|(m, _, _)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOLVER: Solver = Solver { alpha: 1.0, max_iterations: 100 };

    /// A small deterministic data set: three clusters in two dimensions.
    fn clusters() -> (Vec<f64>, Vec<LineClass>) {
        let mut rows = Vec::new();
        let mut y = Vec::new();
        for i in 0..60 {
            let class = LineClass::ALL[i % 3];
            let jitter = ((i * 37) % 11) as f64 / 10.0;
            let (a, b) = match class {
                LineClass::Content => (0.0, 0.0),
                LineClass::Boilerplate => (3.0, 0.5),
                LineClass::Spam => (1.0, 3.0),
            };
            rows.extend([a + jitter, b - jitter / 2.0]);
            y.push(class);
        }
        (rows, y)
    }

    #[test]
    fn our_softmax_scorer_equals_linfa() {
        let (rows, y) = clusters();
        let (model, fitted, x) = fit_softmax_with_linfa(&rows, &y, &["a", "b"], SOLVER).unwrap();
        let theirs = fitted.predict_probabilities(&x);
        for (i, z) in x.rows().into_iter().enumerate() {
            let mut ours = [0.0; 3];
            model.probabilities(z.as_slice().unwrap(), &mut ours);
            for (col, &class) in fitted.classes().iter().enumerate() {
                assert!((ours[class] - theirs[[i, col]]).abs() < 1e-12, "row {i} class {class}");
            }
        }
    }

    #[test]
    fn our_logistic_scorer_equals_linfa_for_spam() {
        let (rows, y) = clusters();
        // Spam is the minority here, so linfa's positive class is "not spam".
        let spam: Vec<bool> = y.iter().map(|c| *c == LineClass::Spam).collect();
        let (model, fitted, x) = fit_logistic_with_linfa(&rows, &spam, &["a", "b"], SOLVER).unwrap();
        assert!(!fitted.labels().pos.class, "the majority class is clean");
        let theirs = fitted.predict_probabilities(&x);
        for (i, z) in x.rows().into_iter().enumerate() {
            let p_spam = model.probability(z.as_slice().unwrap());
            assert!((p_spam - (1.0 - theirs[i])).abs() < 1e-12, "row {i}");
        }
        let spam_mean: f64 = x.rows().into_iter().zip(&spam).filter(|(_, s)| **s).map(|(z, _)| model.probability(z.as_slice().unwrap())).sum::<f64>() / 20.0;
        assert!(spam_mean > 0.5, "spam rows score as spam: {spam_mean}");
    }

    #[test]
    fn refuses_missing_classes() {
        let err = fit_softmax(&[0.0, 1.0], &[LineClass::Content], &["a", "b"], SOLVER).unwrap_err();
        assert!(err.to_string().contains("no boilerplate lines"));
    }
}
