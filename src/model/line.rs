//! The line model: class probabilities for every non-blank line, then smoothing over
//! neighbouring lines, then the class decision.

use super::LineClass;
use super::linear::SoftmaxModel;
use crate::features::LineFeatures;

/// Probabilities of content, boilerplate and spam for one line.
pub type LineProbs = [f64; 3];

/// Scores every non-blank line of `features` (blank lines get `None`).
pub fn score(model: &SoftmaxModel, features: &LineFeatures) -> Vec<Option<LineProbs>> {
    let mut z = vec![0.0; features.cols];
    (0..features.rows())
        .map(|i| {
            if features.blank[i] {
                return None;
            }
            model.standardizer.apply(features.row(i), &mut z);
            let mut p = [0.0; 3];
            model.probabilities(&z, &mut p);
            Some(p)
        })
        .collect()
}

/// Smooths spam probabilities over neighbouring lines (the other two classes shrink in
/// proportion when a spam probability is raised):
///
/// 1. Blocks: in a run of three or more headline-shaped lines (`head_runs` gives each
///    line's run), every line takes at least the run's median spam probability. A block
///    of pasted headlines is one thing; its last headlines are not content because they
///    happen to end the page.
/// 2. Gaps: a line whose previous and next non-blank lines are both more likely spam than
///    it is takes the lower of their two spam probabilities. A headline that shares a word
///    with the article, inside a block of unrelated headlines, is still part of the block.
pub fn smooth(probs: &mut [Option<LineProbs>], head_runs: &[Option<usize>]) {
    smooth_blocks(probs, head_runs);
    fill_gaps(probs);
}

fn smooth_blocks(probs: &mut [Option<LineProbs>], head_runs: &[Option<usize>]) {
    let spam = LineClass::Spam.index();
    let mut start = 0;
    while start < probs.len() {
        let Some(run) = head_runs[start] else {
            start += 1;
            continue;
        };
        let members: Vec<usize> = (start..probs.len()).take_while(|&i| head_runs[i] == Some(run) || probs[i].is_none()).filter(|&i| head_runs[i] == Some(run)).collect();
        let end = members.last().map_or(start + 1, |&last| last + 1);
        if members.len() >= 3 {
            let mut ps: Vec<f64> = members.iter().filter_map(|&i| probs[i].map(|p| p[spam])).collect();
            ps.sort_by(f64::total_cmp);
            let median = ps[ps.len() / 2];
            for &i in &members {
                if let Some(p) = probs[i].as_mut().filter(|p| median > p[spam]) {
                    raise_spam(p, median);
                }
            }
        }
        start = end;
    }
}

fn fill_gaps(probs: &mut [Option<LineProbs>]) {
    let spam = LineClass::Spam.index();
    let original: Vec<Option<f64>> = probs.iter().map(|p| p.map(|p| p[spam])).collect();
    let present: Vec<usize> = (0..probs.len()).filter(|&i| original[i].is_some()).collect();
    for w in present.windows(3) {
        let (prev, i, next) = (original[w[0]].unwrap_or(0.0), w[1], original[w[2]].unwrap_or(0.0));
        let floor = prev.min(next);
        if let Some(p) = probs[i].as_mut().filter(|p| floor > p[spam]) {
            raise_spam(p, floor);
        }
    }
}

fn raise_spam(p: &mut LineProbs, to: f64) {
    let spam = LineClass::Spam.index();
    let rest = 1.0 - p[spam];
    let factor = if rest > 0.0 { (1.0 - to) / rest } else { 0.0 };
    for (k, v) in p.iter_mut().enumerate() {
        *v = if k == spam { to } else { *v * factor };
    }
}

/// The class of a line: spam when its spam probability reaches `spam_threshold`, else the
/// likelier of boilerplate and content.
pub fn decide(p: &LineProbs, spam_threshold: f64) -> LineClass {
    if p[LineClass::Spam.index()] >= spam_threshold {
        LineClass::Spam
    } else if p[LineClass::Boilerplate.index()] > p[LineClass::Content.index()] {
        LineClass::Boilerplate
    } else {
        LineClass::Content
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smoothing_fills_gaps_only() {
        let mut p = vec![
            Some([0.1, 0.0, 0.9]),
            None,
            Some([0.7, 0.0, 0.3]),
            Some([0.2, 0.0, 0.8]),
            Some([0.9, 0.1, 0.0]),
        ];
        smooth(&mut p, &[None; 5]);
        let line2 = p[2].unwrap();
        assert!((line2[2] - 0.8).abs() < 1e-12, "gap raised to the lower neighbour");
        assert!((line2.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(p[3].unwrap()[2], 0.8, "line 3's neighbours are not both spammier");
        assert_eq!(p[0].unwrap()[2], 0.9);
    }

    #[test]
    fn blocks_take_their_median() {
        let p = |s: f64| Some([1.0 - s, 0.0, s]);
        let mut probs = vec![p(0.1), p(0.9), p(0.7), None, p(0.6), p(0.2), p(0.05)];
        let runs = [None, Some(1), Some(1), None, Some(1), Some(1), None];
        smooth(&mut probs, &runs);
        let spam: Vec<f64> = probs.iter().map(|p| p.map_or(-1.0, |p| p[2])).collect();
        // Run members 0.9, 0.7, 0.6, 0.2: median (upper) 0.7.
        assert_eq!(spam, vec![0.1, 0.9, 0.7, -1.0, 0.7, 0.7, 0.05]);
    }

    #[test]
    fn decisions() {
        assert_eq!(decide(&[0.3, 0.2, 0.5], 0.5), LineClass::Spam);
        assert_eq!(decide(&[0.3, 0.4, 0.3], 0.5), LineClass::Boilerplate);
        assert_eq!(decide(&[0.5, 0.1, 0.4], 0.5), LineClass::Content);
    }
}
