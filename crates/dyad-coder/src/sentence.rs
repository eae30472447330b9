//! One sentence prepared for coding: tokens, their normalized forms and lemma keys, and the
//! space-joined normalized string that dictionary phrases are matched in.
//!
//! [`Sent`] keeps the map between positions in that joined string and token indices, and
//! every token's byte span in the sentence, so matches map back to the original text.

use std::fmt;
use std::ops::Deref;

use bumpalo::Bump;
use dyad_dict::{KeyParts, Lemmatizer};
use dyad_text::{is_normal_form, push_normal_form, tokenize, Token};

/// A token's normalized form or lemma key: a slice of the sentence itself (a lower-case word
/// is its own normal form, and its key a prefix of it) or of the arena the sentence was
/// prepared in (the lower-cased `Russia`), so preparing a sentence allocates nothing per token
/// and reading a form is a plain slice.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Form<'t>(&'t str);

impl<'t> Form<'t> {
    pub fn as_str(&self) -> &'t str {
        self.0
    }
}

impl Deref for Form<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl PartialEq<str> for Form<'_> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Form<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for Form<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for Form<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

pub struct Sent<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub norms: Vec<Form<'t>>,
    pub keys: Vec<Form<'t>>,
    pub joined: String,
    /// Byte offset in `joined` where each token starts.
    starts: Vec<usize>,
}

impl<'t> Sent<'t> {
    /// Prepares `text`; forms that are not slices of it are written into `arena`, which must
    /// live as long as the sentence (one per sentence or per document).
    pub fn new(text: &'t str, lemmas: &Lemmatizer, arena: &'t Bump) -> Sent<'t> {
        let tokens = tokenize(text);
        let mut norms = Vec::with_capacity(tokens.len());
        let mut keys = Vec::with_capacity(tokens.len());
        let mut joined = String::with_capacity(text.len() + 8);
        let mut starts = Vec::with_capacity(tokens.len());
        for t in &tokens {
            if !joined.is_empty() {
                joined.push(' ');
            }
            let start = joined.len();
            starts.push(start);
            let raw = t.span.of(text);
            // A form is written into `joined`, and kept in the arena unless the text has it.
            let norm: &'t str = if is_normal_form(raw) {
                joined.push_str(raw);
                raw
            } else {
                push_normal_form(raw, &mut joined);
                arena.alloc_str(&joined[start..])
            };
            // A key borrows from its form (or is an irregular verb's lemma or a `-y` stem,
            // copied).
            let key: &'t str = match lemmas.key_parts(norm) {
                KeyParts::Prefix(n) => &norm[..n],
                KeyParts::PrefixY(n) => {
                    let k = arena.alloc_slice_fill_copy(n + 1, b'y');
                    k[..n].copy_from_slice(&norm.as_bytes()[..n]);
                    // A prefix of an ASCII word (only those lose `-ies`) and a `y`.
                    std::str::from_utf8(k).expect("ASCII")
                }
                KeyParts::Lemma(k) => arena.alloc_str(k),
            };
            norms.push(Form(norm));
            keys.push(Form(key));
        }
        Sent { text, tokens, norms, keys, joined, starts }
    }

    /// Byte offset in `joined` where each token starts.
    pub fn token_starts(&self) -> &[usize] {
        &self.starts
    }

    /// The token starting at byte `pos` of `joined`.
    pub fn token_starting_at(&self, pos: usize) -> Option<usize> {
        self.starts.binary_search(&pos).ok()
    }

    /// The token ending at byte `pos` of `joined`.
    pub fn token_ending_at(&self, pos: usize) -> Option<usize> {
        let i = match self.starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i,
        };
        let t = i.checked_sub(1)?;
        (self.starts[t] + self.norms[t].len() == pos).then_some(t)
    }

    /// The index left of `at` past every token whose normal form `skip` accepts: where a
    /// backward scan over adverbs, determiners or auxiliaries stops.
    pub fn back_over(&self, mut at: usize, skip: impl Fn(&str) -> bool) -> usize {
        while at > 0 && skip(self.norms[at - 1].as_str()) {
            at -= 1;
        }
        at
    }

    pub fn text_of(&self, i: usize) -> &'t str {
        self.tokens.get(i).map(|t| t.span.of(self.text)).unwrap_or("")
    }

    pub fn norm(&self, i: usize) -> String {
        self.norm_opt(i).unwrap_or_default().to_string()
    }

    pub fn norm_opt(&self, i: usize) -> Option<&str> {
        self.norms.get(i).map(Form::as_str)
    }

    /// The original text of tokens `[a, b)`.
    pub fn span_text(&self, a: usize, b: usize) -> &'t str {
        match (self.tokens.get(a), b.checked_sub(1).and_then(|e| self.tokens.get(e))) {
            (Some(x), Some(y)) if a < b => self.text.get(x.span.start..y.span.end).unwrap_or(""),
            _ => "",
        }
    }

    /// Byte span in the sentence of tokens `[a, b)`.
    pub fn byte_span(&self, a: usize, b: usize) -> (usize, usize) {
        match (self.tokens.get(a), b.checked_sub(1).and_then(|e| self.tokens.get(e))) {
            (Some(x), Some(y)) if a < b => (x.span.start, y.span.end),
            _ => (0, 0),
        }
    }
}
