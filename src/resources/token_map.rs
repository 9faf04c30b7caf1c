//! A map from token hashes to values, with a bit table in front: most tokens of a text are
//! in no lexicon, and one bit tells so for less than a hash map's probe.

use rustc_hash::FxHashMap;

/// Token hash → value, with a bit table of about 16 bits per key in front of the map.
#[derive(Clone, Debug, Default)]
pub struct TokenMap<V> {
    bits: Vec<u64>,
    shift: u32,
    map: FxHashMap<u64, V>,
}

impl<V> TokenMap<V> {
    /// The map of `entries` (a key given twice keeps its first value).
    pub fn new(entries: impl IntoIterator<Item = (u64, V)>) -> Self {
        let mut map: FxHashMap<u64, V> = FxHashMap::default();
        for (k, v) in entries {
            map.entry(k).or_insert(v);
        }
        let log2 = (map.len().max(1) * 16).next_power_of_two().trailing_zeros().max(6);
        let mut t = TokenMap { bits: vec![0; 1 << (log2 - 6)], shift: 64 - log2, map };
        let keys: Vec<u64> = t.map.keys().copied().collect();
        for k in keys {
            let slot = t.slot(k);
            t.bits[slot / 64] |= 1 << (slot % 64);
        }
        t
    }

    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `key`, if any.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&V> {
        let slot = self.slot(key);
        if self.bits[slot / 64] >> (slot % 64) & 1 == 0 {
            return None;
        }
        self.map.get(&key)
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_put_in_and_nothing_else() {
        let m = TokenMap::new((0..1000u64).map(|k| (k * 7919, k)));
        assert_eq!(m.len(), 1000);
        assert!((0..1000u64).all(|k| m.get(k * 7919) == Some(&k)));
        assert!((0..1000u64).all(|k| m.get(k * 7919 + 1).is_none()));
        assert!(TokenMap::<u8>::new([]).get(5).is_none());
    }
}
