//! A fast hasher for the dictionaries' short string keys (FNV-1a, 64 bit).
//!
//! The standard SipHash resists hash flooding, which dictionaries compiled into the binary do
//! not need; every token of every sentence is looked up, so the cheaper hash pays. Not for
//! keys an attacker chooses and that grow without bound.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with the FNV hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A `HashSet` with the FNV hasher.
pub type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
