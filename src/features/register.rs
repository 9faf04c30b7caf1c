//! Register: how a line addresses its reader ([`crate::resources::REGISTER_CATEGORIES`]:
//! reported speech and officials, the reader addressed directly, the vocabulary of explaining
//! a game or a bet, promotion's superlatives). A page about baccarat that talks to "you" about
//! payouts and the best sites sells baccarat; a page that reports what the police said about
//! a baccarat den does not.

use super::{Analysis, log1};

/// Column names of this family.
pub(crate) const NAMES: &[&str] = &[
    "reg.reported",
    "reg.address",
    "reg.mechanics",
    "reg.superlative",
];

pub(crate) fn write(a: &Analysis, i: usize, out: &mut [f32]) {
    for (slot, &hits) in out.iter_mut().zip(&a.lines[i].lex.register) {
        *slot = log1(hits);
    }
}
