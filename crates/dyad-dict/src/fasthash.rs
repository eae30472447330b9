//! A fast hasher for the dictionaries' short string keys: rustc's Fx hash (`rustc-hash`).
//!
//! The standard SipHash resists hash flooding, which dictionaries compiled into the binary do
//! not need; every token of every sentence is looked up, and loading keys tens of thousands
//! of pattern words, so the cheaper hash pays (Fx reads a word at a time where FNV-1a reads a
//! byte). Not for keys an attacker chooses and that grow without bound. Nothing iterates
//! these maps, so no output depends on the hash.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;

/// A `HashMap` with the Fx hasher.
pub type FastMap<K, V> = HashMap<K, V, FxBuildHasher>;

/// A `HashSet` with the Fx hasher.
pub type FastSet<T> = HashSet<T, FxBuildHasher>;
