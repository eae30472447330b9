//! One sentence prepared for coding: tokens, their normalized forms and lemma keys, and the
//! space-joined normalized string that dictionary automata run over.
//!
//! [`Sent`] keeps the map between positions in that joined string and token indices, and
//! every token's byte span in the sentence, so matches map back to the original text.

use dyad_dict::Lemmatizer;
use dyad_text::{normalize_token, tokenize, Token};

pub struct Sent<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub norms: Vec<String>,
    pub keys: Vec<String>,
    pub joined: String,
    /// Byte offset in `joined` where each token starts.
    starts: Vec<usize>,
}

impl<'t> Sent<'t> {
    pub fn new(text: &'t str, lemmas: &Lemmatizer) -> Sent<'t> {
        let tokens = tokenize(text);
        let norms: Vec<String> = tokens.iter().map(|t| normalize_token(t.span.of(text))).collect();
        let keys = norms.iter().map(|n| lemmas.key(n)).collect();
        let mut joined = String::with_capacity(text.len() + 8);
        let mut starts = Vec::with_capacity(tokens.len());
        for n in &norms {
            if !joined.is_empty() {
                joined.push(' ');
            }
            starts.push(joined.len());
            joined.push_str(n);
        }
        Sent { text, tokens, norms, keys, joined, starts }
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

    pub fn text_of(&self, i: usize) -> &'t str {
        self.tokens.get(i).map(|t| t.span.of(self.text)).unwrap_or("")
    }

    pub fn norm(&self, i: usize) -> String {
        self.norms.get(i).cloned().unwrap_or_default()
    }

    pub fn norm_opt(&self, i: usize) -> Option<&str> {
        self.norms.get(i).map(String::as_str)
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
