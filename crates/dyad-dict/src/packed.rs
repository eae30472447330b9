//! Short words as numbers, and a table looked up by them.
//!
//! Every token of every sentence is looked up among the irregular verb forms and among the
//! patterns' words. A word of at most 15 bytes (almost every word) is [`packed`] into one
//! `u128`, and a [`PackedMap`] finds it with one multiplication-based hash and integer
//! compares: no string hashing, no `memcmp`. A [`WordMap`] keeps the rare longer words in an
//! ordinary map beside it, looked up out of the way of the short words' path.

use crate::FastMap;

/// A word of at most 15 bytes as one 128-bit number in two halves (low, high): its bytes in
/// the low 15 bytes and its length in the top one, so two words have the same number exactly
/// when they are equal.
pub(crate) type Packed = [u64; 2];

/// The [`Packed`] number of a word of at most 15 bytes; `None` for a longer word. Read a few
/// bytes at a time, not byte by byte: overlapping reads of the same bytes put them in the same
/// place, so they are or-ed together; and in 64-bit halves, as 128-bit shifts cost more.
#[inline]
pub(crate) fn packed(w: &[u8]) -> Option<Packed> {
    let n = w.len();
    let long = |at: usize| u64::from_le_bytes(w[at..at + 8].try_into().expect("8 bytes"));
    let (lo, hi) = match n {
        0 => (0, 0),
        // The first, middle and last bytes: all three for three bytes, fewer distinct below.
        1..=3 => (u64::from(w[0]) | u64::from(w[n / 2]) << (8 * (n / 2)) | u64::from(w[n - 1]) << (8 * (n - 1)), 0),
        4..=8 => {
            let word = |at: usize| u64::from(u32::from_le_bytes([w[at], w[at + 1], w[at + 2], w[at + 3]]));
            (word(0) | word(n - 4) << (8 * (n - 4)), 0)
        }
        // The last eight bytes, shifted down past the ones the first read has.
        9..=15 => (long(0), long(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    Some([lo, hi | (n as u64) << 56])
}

/// No packed word: its top byte, the length, is above 15.
const EMPTY: Packed = [u64::MAX; 2];

/// A map from [`packed`] words to small values: open addressing with linear probing in a
/// table at most a quarter full, so a word that is absent (most tokens) meets an empty slot
/// soon, mostly at once.
#[derive(Clone, Debug)]
pub(crate) struct PackedMap<V> {
    /// The packed word as two halves (low, high), and its value.
    slots: Box<[(Packed, V)]>,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
}

impl<V: Copy + Default> Default for PackedMap<V> {
    fn default() -> Self {
        PackedMap::from_entries(std::iter::empty())
    }
}

impl<V: Copy + Default> PackedMap<V> {
    /// A map of `entries` (packed words with their values); of two equal words, the later
    /// value wins.
    pub(crate) fn from_entries(entries: impl ExactSizeIterator<Item = (Packed, V)>) -> Self {
        let bits = (entries.len().max(1) * 4).next_power_of_two().trailing_zeros().max(1);
        let mut map = PackedMap { slots: vec![(EMPTY, V::default()); 1 << bits].into_boxed_slice(), shift: 64 - bits };
        for (key, v) in entries {
            let mut i = map.slot(key);
            loop {
                let s = &mut map.slots[i];
                if s.0 == EMPTY || s.0 == key {
                    *s = (key, v);
                    break;
                }
                i = (i + 1) & (map.slots.len() - 1);
            }
        }
        map
    }

    /// The value of the word packed as `p`.
    #[inline]
    pub(crate) fn get(&self, key: Packed) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn slot(&self, [lo, hi]: Packed) -> usize {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        ((lo ^ hi.wrapping_mul(K)).wrapping_mul(K) >> self.shift) as usize
    }
}

/// A map from words to small values: words of at most 15 bytes in a [`PackedMap`], longer ones
/// (rare) in a string map consulted out of line, so the short words' lookup inlines.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    short: PackedMap<V>,
    long: FastMap<Box<str>, V>,
}

impl<V: Copy + Default> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { short: PackedMap::default(), long: FastMap::default() }
    }
}

impl<V: Copy + Default> WordMap<V> {
    /// A map of `entries`; of two equal words, the later value wins.
    pub(crate) fn from_entries<'w>(entries: impl IntoIterator<Item = (&'w str, V)>) -> Self {
        let mut short = Vec::new();
        let mut long = FastMap::default();
        for (w, v) in entries {
            match packed(w.as_bytes()) {
                Some(p) => short.push((p, v)),
                None => drop(long.insert(w.into(), v)),
            }
        }
        WordMap { short: PackedMap::from_entries(short.into_iter()), long }
    }

    /// The value of `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        match packed(word.as_bytes()) {
            Some(p) => self.short.get(p),
            None => self.get_long(word),
        }
    }

    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &str) -> Option<V> {
        self.long.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_their_bytes_and_length() {
        // The packing is the plain one: bytes in order, zero-padded, the length on top.
        let plain = |w: &[u8]| {
            let mut b = [0u8; 16];
            b[..w.len()].copy_from_slice(w);
            b[15] = w.len() as u8;
            u128::from_le_bytes(b)
        };
        let text = b"abcdefghijklmnopqrstu\0\0\xffz";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let w = &text[start..end];
                let number = packed(w).map(|[lo, hi]| u128::from(lo) | u128::from(hi) << 64);
                assert_eq!(number, (w.len() <= 15).then(|| plain(w)), "{w:?}");
            }
        }
        // A trailing NUL is not padding.
        assert_ne!(packed(b"ab"), packed(b"ab\0"));
        assert_ne!(packed(b""), packed(b"\0"));
    }

    #[test]
    fn a_map_finds_what_it_holds_and_nothing_else() {
        let words: Vec<String> = (0..3000u32).map(|i| format!("w{}", i * 7)).collect();
        for n in [0, 1, 2, 3, 100, 3000] {
            let map = PackedMap::from_entries(words[..n].iter().enumerate().map(|(i, w)| (packed(w.as_bytes()).unwrap(), i as u32)));
            for (i, w) in words.iter().enumerate() {
                assert_eq!(map.get(packed(w.as_bytes()).unwrap()), (i < n).then_some(i as u32), "{w}");
            }
            for w in ["", "w", "w1", "w0\0", "zzzzzzzzzzzzzzz"] {
                assert_eq!(map.get(packed(w.as_bytes()).unwrap()), None, "{w:?}");
            }
        }
        // The later of two equal words wins.
        let p = packed(b"met").unwrap();
        assert_eq!(PackedMap::from_entries([(p, 1u32), (p, 2)].into_iter()).get(p), Some(2));
    }

    #[test]
    fn a_word_map_finds_short_and_long_words() {
        let long = "a-word-of-more-than-fifteen-bytes";
        let map = WordMap::from_entries([("met", 1u32), (long, 2), ("held", 3), (long, 4)]);
        assert_eq!((map.get("met"), map.get("held"), map.get(long)), (Some(1), Some(3), Some(4)));
        assert_eq!((map.get("meet"), map.get(&long[1..]), map.get("")), (None, None, None));
    }
}
