//! The coder: a document's text in, sourced CAMEO events and an explanation out.
//!
//! [`Coder::code`] reads a document's layout (title, issuer, dateline, sign-off), settles its
//! date and speaker, then codes each sentence: actor [`mentions`], verb-pattern
//! [`triggers`], source and target [`roles`], the event's date ([`dates`]), and the CAMEO
//! tables. Document context carries across sentences: the speaker (`we`, `our country`), the
//! dyad in play (`the two countries`), the last person named (`he`). One act restated in
//! several sentences is kept once, from its most informative mention (`merge`).
//!
//! Invariants: the coder does no I/O and never fails on text: anything it cannot code becomes
//! a [`Note`] in the [`Coded`] result. Byte offsets in events index the document's `text`.

pub mod dates;
mod doc;
pub mod mentions;
mod merge;
pub mod roles;
pub mod sentence;
pub mod triggers;

use dyad_dict::Dictionary;
use dyad_record::Event;

pub use doc::{code_document, contains_words, explain_in_document, explain_sentence, Coded, DocInput, Note};

/// A coder over one dictionary. Cheap to share across threads.
pub struct Coder {
    pub dict: Dictionary,
}

impl Coder {
    pub fn new(dict: Dictionary) -> Coder {
        Coder { dict }
    }

    pub fn code(&self, doc: &DocInput) -> Coded {
        code_document(&self.dict, doc)
    }

    pub fn explain(&self, sentence: &str, date: Option<&str>, speaker: Option<&str>) -> String {
        explain_sentence(&self.dict, sentence, date, speaker)
    }

    /// The sentences of `doc` containing `needle`, each explained in its document's context.
    pub fn explain_in(&self, doc: &DocInput, needle: &str) -> Vec<(usize, String)> {
        explain_in_document(&self.dict, doc, needle)
    }
}

/// Stable event id: the same document, sentence, trigger, dyad and code give the same id.
pub(crate) fn event_id(e: &Event) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(e.doc_id.as_bytes());
    h.update([0u8]);
    // The numbers are hashed as their decimal text.
    let mut digits = itoa::Buffer::new();
    for n in [e.sentence_index, e.span[0], e.span[1]] {
        h.update(digits.format(n).as_bytes());
        h.update([0u8]);
    }
    for part in [
        e.source.as_str(),
        &e.target,
        e.source_name.as_deref().unwrap_or(""),
        e.target_name.as_deref().unwrap_or(""),
        &e.code,
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(16);
    for b in h.finalize().iter().take(8) {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 15)]));
    }
    id
}
/// Tests' random texts: a fixed-seed 64-bit LCG, `next(m)` a number below `m`.
#[cfg(test)]
pub(crate) fn test_rng(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % m
    }
}

