//! A fast hasher for the dictionaries' short string keys: rustc's Fx hash (`rustc-hash`).
//!
//! The standard SipHash resists hash flooding, which dictionaries compiled into the binary do
//! not need; loading keys tens of thousands of pattern words and phrases, and the coder probes
//! actor phrases per token, so the cheaper hash pays (Fx reads a word at a time where FNV-1a
//! reads a byte). Not for keys an attacker chooses and that grow without bound. Short words
//! looked up for every token (irregular forms, pattern words) go through `packed` tables
//! instead. Where a map is iterated (the irregular forms, to build their packed table), the
//! order only numbers entries, so no output depends on the hash.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;

/// A `HashMap` with the Fx hasher.
pub type FastMap<K, V> = HashMap<K, V, FxBuildHasher>;

/// A `HashSet` with the Fx hasher.
pub type FastSet<T> = HashSet<T, FxBuildHasher>;
