//! The first line models: class probabilities for every non-blank line from its own
//! features, one model per line kind; and the class decision once the document is decided.
//! The stacked model ([`super::stacked`]) weighs each line again in the light of its
//! neighbours and its page between the two.

use serde::{Deserialize, Serialize};

use super::linear::SoftmaxModel;
use super::{LineClass, Thresholds};
use crate::features::{LineFeatures, LineKind};

/// Probabilities of content, boilerplate and spam for one line.
pub type LineProbs = [f64; 3];

/// The first line models, one per [`LineKind`], all over the same features.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineModels {
    /// For headline-shaped lines.
    pub headline: SoftmaxModel,
    /// For lines of prose.
    pub prose: SoftmaxModel,
    /// For the other lines.
    pub other: SoftmaxModel,
}

impl LineModels {
    /// The model that scores lines of `kind`.
    pub fn get(&self, kind: LineKind) -> &SoftmaxModel {
        match kind {
            LineKind::Headline => &self.headline,
            LineKind::Prose => &self.prose,
            LineKind::Other => &self.other,
        }
    }

    /// The three models, in [`LineKind::ALL`] order.
    pub fn all(&self) -> [&SoftmaxModel; 3] {
        [&self.headline, &self.prose, &self.other]
    }
}

/// Scores every non-blank line of `features` with the model of its kind (blank lines get
/// `None`).
pub fn score(models: &LineModels, features: &LineFeatures) -> Vec<Option<LineProbs>> {
    let mut z = vec![0.0; features.cols];
    (0..features.rows())
        .map(|i| {
            if features.blank[i] {
                return None;
            }
            Some(models.get(features.kinds[i]).probabilities_of(features.row(i), &mut z))
        })
        .collect()
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

/// The classes of a document's lines once the document model has decided: a document is spam
/// exactly when it has a spam line. In a clean document no line is spam (a line the line
/// models scored as spam takes its likelier other class). In a spam document a line is spam
/// from [`Thresholds::line_spam_in_spam`] of its kind; a block of three or more
/// headline-shaped lines is spam as a whole when its mean spam probability reaches
/// [`Thresholds::block_spam_in_spam`], as pasted headlines are one thing; and when no line is
/// spam, the line likeliest to be spam carries the document's spam. `features` gives each
/// line's kind and block.
pub fn classes(
    probs: &[Option<LineProbs>],
    features: &LineFeatures,
    spam_document: bool,
    t: &Thresholds,
) -> Vec<Option<LineClass>> {
    let threshold = |i: usize| {
        let kind = LineKind::ALL.iter().position(|k| *k == features.kinds[i]).unwrap_or(0);
        if spam_document { t.line_spam_in_spam[kind] } else { f64::INFINITY }
    };
    let mut classes: Vec<Option<LineClass>> =
        probs.iter().enumerate().map(|(i, p)| p.map(|p| decide(&p, threshold(i)))).collect();
    if !spam_document {
        return classes;
    }
    spam_blocks(&mut classes, probs, &features.head_runs, t.block_spam_in_spam);
    if !classes.contains(&Some(LineClass::Spam)) {
        let spam = LineClass::Spam.index();
        let likeliest = (0..probs.len())
            .filter_map(|i| probs[i].map(|p| (i, p[spam])))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((i, _)) = likeliest {
            classes[i] = Some(LineClass::Spam);
        }
    }
    classes
}

/// Makes every line of a block of three or more headline-shaped lines spam when the block's
/// mean spam probability reaches `threshold`: pasted headlines are one thing, decided as one.
fn spam_blocks(classes: &mut [Option<LineClass>], probs: &[Option<LineProbs>], head_runs: &[Option<usize>], threshold: f64) {
    let spam = LineClass::Spam.index();
    for lines in headline_blocks(probs, head_runs) {
        let mean = lines.iter().filter_map(|&i| probs[i].map(|p| p[spam])).sum::<f64>() / lines.len() as f64;
        if mean >= threshold {
            for &i in &lines {
                classes[i] = Some(LineClass::Spam);
            }
        }
    }
}

/// The scored lines (in order) of every block of three or more headline-shaped lines,
/// blocks in order; `head_runs` gives each line's run.
pub(crate) fn headline_blocks(probs: &[Option<LineProbs>], head_runs: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, run) in head_runs.iter().enumerate() {
        if let (Some(run), Some(_)) = (run, probs[i]) {
            members.entry(*run).or_default().push(i);
        }
    }
    members.into_values().filter(|m| m.len() >= 3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Layout of `n` lines of `kind`, the lines of `runs` in headline blocks.
    fn layout(kinds: Vec<LineKind>, runs: Vec<Option<usize>>) -> LineFeatures {
        LineFeatures { blank: vec![false; kinds.len()], kinds, head_runs: runs, ..LineFeatures::default() }
    }

    #[test]
    fn classes_follow_the_document_decision() {
        let t = Thresholds { document: 0.5, line_spam: 0.5, line_spam_in_spam: [0.5, 0.3, 0.3], block_spam_in_spam: 0.5 };
        let probs = vec![Some([0.6, 0.0, 0.4]), None, Some([0.3, 0.6, 0.1]), Some([0.8, 0.0, 0.2])];
        let f = layout(vec![LineKind::Prose; 4], vec![None; 4]);
        let spam = classes(&probs, &f, true, &t);
        assert_eq!(spam, [Some(LineClass::Spam), None, Some(LineClass::Boilerplate), Some(LineClass::Content)]);
        let clean = classes(&probs, &f, false, &t);
        assert_eq!(clean[0], Some(LineClass::Content), "no spam line in a clean document");
        let headline = layout(vec![LineKind::Headline, LineKind::Headline, LineKind::Headline, LineKind::Prose], vec![None; 4]);
        let with_spam = vec![Some([0.6, 0.0, 0.4]), None, Some([0.3, 0.6, 0.1]), Some([0.1, 0.0, 0.9])];
        assert_eq!(classes(&with_spam, &headline, true, &t)[0], Some(LineClass::Content), "a headline's own threshold");
        let faint = vec![Some([0.9, 0.0, 0.1]), Some([0.75, 0.0, 0.25])];
        let f2 = layout(vec![LineKind::Other; 2], vec![None; 2]);
        assert_eq!(classes(&faint, &f2, true, &t)[1], Some(LineClass::Spam), "the likeliest line carries it");
    }

    #[test]
    fn blocks_are_decided_as_one() {
        let t = Thresholds { document: 0.5, line_spam: 0.5, line_spam_in_spam: [0.5; 3], block_spam_in_spam: 0.5 };
        let probs = vec![Some([0.2, 0.0, 0.8]), Some([0.7, 0.0, 0.3]), Some([0.4, 0.0, 0.6]), Some([0.9, 0.0, 0.1])];
        let f = layout(vec![LineKind::Headline; 4], vec![Some(0), Some(0), Some(0), None]);
        let got = classes(&probs, &f, true, &t);
        assert_eq!(got[1], Some(LineClass::Spam), "a block whose mean reaches the threshold is spam");
        assert_eq!(got[3], Some(LineClass::Content), "outside the block");
        let weak = vec![Some([0.2, 0.0, 0.8]), Some([0.7, 0.0, 0.3]), Some([0.7, 0.0, 0.3])];
        let f3 = layout(vec![LineKind::Headline; 3], vec![Some(0); 3]);
        assert_eq!(classes(&weak, &f3, true, &t)[1], Some(LineClass::Content), "a block whose mean falls short: its lines on their own");
    }

    #[test]
    fn decisions() {
        assert_eq!(decide(&[0.3, 0.2, 0.5], 0.5), LineClass::Spam);
        assert_eq!(decide(&[0.3, 0.4, 0.3], 0.5), LineClass::Boilerplate);
        assert_eq!(decide(&[0.5, 0.1, 0.4], 0.5), LineClass::Content);
    }
}
