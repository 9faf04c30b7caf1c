//! Register: how the line and the document address their reader ([`REGISTER_CATEGORIES`]:
//! reported speech and officials, the reader addressed directly, the vocabulary of explaining
//! a game or a bet, promotion's superlatives). A page about baccarat that talks to "you" about
//! payouts and the best sites sells baccarat; a page that reports what the police said about
//! a baccarat den does not.

use super::{Analysis, log1};
use crate::resources::REGISTER_CATEGORIES;

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "reg.reported",
    "reg.address",
    "reg.mechanics",
    "reg.superlative",
    "reg.doc_reported",
    "reg.doc_address",
    "reg.doc_mechanics",
    "reg.doc_superlative",
];

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    let n = REGISTER_CATEGORIES.len();
    let (line, doc) = out.split_at_mut(n);
    for (k, slot) in line.iter_mut().enumerate() {
        *slot = log1(a.lines[i].lex.register[k]);
    }
    doc.copy_from_slice(&a.facts.densities.register);
}
