//! One sentence prepared for coding: tokens, their normalized forms and lemma keys, and the
//! space-joined normalized string that dictionary phrases are matched in.
//!
//! [`Sent`] keeps the map between positions in that joined string and token indices, and
//! every token's byte span in the sentence, so matches map back to the original text.

use std::fmt;
use std::ops::Deref;

use bumpalo::Bump;
use dyad_dict::{KeyParts, Lemmatizer};
use dyad_text::{push_normal_form, tokenize, Token};

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

/// The vectors and string a [`Sent`] is made of, kept from one sentence to the next so that a
/// document's sentences are prepared without allocating: [`Sent::new_in`] takes them,
/// [`Sent::recycle`] gives them back.
#[derive(Default)]
pub struct SentBufs {
    norms: Vec<Form<'static>>,
    keys: Vec<Form<'static>>,
    starts: Vec<usize>,
    joined: String,
}

impl SentBufs {
    /// Bytes the buffers hold, to decide whether they are worth keeping.
    pub fn capacity_bytes(&self) -> usize {
        (self.norms.capacity() + self.keys.capacity()) * std::mem::size_of::<Form>() + self.starts.capacity() * std::mem::size_of::<usize>() + self.joined.capacity()
    }
}

/// `v` emptied, as a vector of forms of another lifetime. An empty vector holds no form, so any
/// lifetime will do; collecting a vector's own iterator in place keeps its allocation.
fn relabel<'b>(mut v: Vec<Form<'_>>) -> Vec<Form<'b>> {
    v.clear();
    v.into_iter().map(|_| Form("")).collect()
}

/// Whether the normal form may differ from a token's lower-cased text at this byte: a dot
/// (dropped from `U.S.`, kept in `3.5`), a backquote (made `'`), or a byte of a character beyond
/// ASCII (lower-cased by Unicode's rules, curly quotes made straight).
#[inline]
fn is_special(b: u8) -> bool {
    special_bit(b) != 0
}

/// 1 for an [`is_special`] byte, else 0: computed without a branch, so that a chunk of bytes
/// is tested at once.
#[inline]
fn special_bit(b: u8) -> u8 {
    u8::from(b == b'.') | u8::from(b == b'`') | b >> 7
}

/// The offset of the first [`is_special`] byte of `b` at or after `from`, else `b.len()`. A
/// sentence has few: sixteen bytes are tested at a time, without a branch per byte.
fn next_special(b: &[u8], from: usize) -> usize {
    let mut i = from.min(b.len());
    while let Some(chunk) = b.get(i..i + 16) {
        if chunk.iter().fold(0, |a, &c| a | special_bit(c)) != 0 {
            break;
        }
        i += 16;
    }
    b[i..].iter().position(|&c| is_special(c)).map_or(b.len(), |p| i + p)
}

impl<'t> Sent<'t> {
    /// Prepares `text`; forms that are not slices of it are written into `arena`, which must
    /// live as long as the sentence (one per sentence or per document).
    pub fn new(text: &'t str, lemmas: &Lemmatizer, arena: &'t Bump) -> Sent<'t> {
        Sent::new_in(text, lemmas, arena, &mut SentBufs::default())
    }

    /// [`Sent::new`] in the buffers of an earlier sentence, given back by [`Sent::recycle`].
    pub fn new_in(text: &'t str, lemmas: &Lemmatizer, arena: &'t Bump, bufs: &mut SentBufs) -> Sent<'t> {
        let tokens = tokenize(text);
        let mut norms = relabel(std::mem::take(&mut bufs.norms));
        let mut keys = relabel(std::mem::take(&mut bufs.keys));
        let mut starts = std::mem::take(&mut bufs.starts);
        let mut joined = std::mem::take(&mut bufs.joined);
        starts.clear();
        joined.clear();
        norms.reserve(tokens.len());
        keys.reserve(tokens.len());
        starts.reserve(tokens.len());
        joined.reserve(text.len() + tokens.len());
        // The sentence with its ASCII letters lower-cased: a token without special bytes has
        // its lower-cased text as its normal form, a slice of this.
        let lower: &'t str = {
            let l = arena.alloc_str(text);
            l.make_ascii_lowercase();
            l
        };
        let bytes = text.as_bytes();
        let mut next = next_special(bytes, 0);
        // Forms are copied into `joined` a run at a time: `lower[run.0..run.1]` is the run of
        // forms (and the single spaces between them) not yet copied, and `len` what `joined`
        // will be with them.
        let mut run = (0, 0);
        let mut len = 0;
        for t in &tokens {
            let (a, e) = (t.span.start, t.span.end);
            while next < a {
                next = next_special(bytes, next + 1);
            }
            let (start, norm): (usize, &'t str) = if e <= next {
                let norm = &lower[a..e];
                // A form after a single space extends the run; otherwise the run is copied and
                // this form begins the next.
                let start = if run.1 > run.0 && a == run.1 + 1 && bytes[run.1] == b' ' {
                    run.1 = e;
                    len + 1
                } else {
                    joined.push_str(&lower[run.0..run.1]);
                    if len > 0 {
                        joined.push(' ');
                    }
                    run = (a, e);
                    joined.len()
                };
                len = start + norm.len();
                (start, norm)
            } else {
                joined.push_str(&lower[run.0..run.1]);
                run = (0, 0);
                if len > 0 {
                    joined.push(' ');
                }
                let start = joined.len();
                let raw = t.span.of(text);
                let norm = if raw == "." {
                    // A full stop, as an acronym's dot, is dropped.
                    ""
                } else {
                    push_normal_form(raw, &mut joined);
                    arena.alloc_str(&joined[start..])
                };
                len = joined.len();
                (start, norm)
            };
            starts.push(start);
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
        joined.push_str(&lower[run.0..run.1]);
        Sent { text, tokens, norms, keys, joined, starts }
    }

    /// Gives the sentence's buffers back for the next sentence's [`Sent::new_in`].
    pub fn recycle(self, bufs: &mut SentBufs) {
        bufs.norms = relabel(self.norms);
        bufs.keys = relabel(self.keys);
        bufs.starts = self.starts;
        bufs.joined = self.joined;
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

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_dict::Dictionary;
    use dyad_text::is_normal_form;

    /// A sentence prepared as it was first written, a token at a time: the reference for the
    /// runs of lower-cased text that replaced it. Forms, keys, the joined string and starts.
    fn plain(text: &str, lemmas: &Lemmatizer) -> (Vec<String>, Vec<String>, String, Vec<usize>) {
        let mut norms = Vec::new();
        let mut keys = Vec::new();
        let mut joined = String::new();
        let mut starts = Vec::new();
        for t in tokenize(text) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            let start = joined.len();
            starts.push(start);
            let raw = t.span.of(text);
            if is_normal_form(raw) {
                joined.push_str(raw);
            } else {
                push_normal_form(raw, &mut joined);
            }
            let norm = joined[start..].to_string();
            keys.push(lemmas.key(&norm));
            norms.push(norm);
        }
        (norms, keys, joined, starts)
    }

    fn check(text: &str, lemmas: &Lemmatizer, bufs: &mut SentBufs) {
        let arena = Bump::new();
        let s = Sent::new_in(text, lemmas, &arena, bufs);
        let (norms, keys, joined, starts) = plain(text, lemmas);
        assert_eq!(s.norms.iter().map(|f| f.as_str()).collect::<Vec<_>>(), norms, "{text:?}");
        assert_eq!(s.keys.iter().map(|f| f.as_str()).collect::<Vec<_>>(), keys, "{text:?}");
        assert_eq!(s.joined, joined, "{text:?}");
        assert_eq!(s.token_starts(), starts, "{text:?}");
        s.recycle(bufs);
    }

    #[test]
    fn sentences_are_prepared_as_a_token_at_a_time() {
        let d = Dictionary::bundled();
        let mut bufs = SentBufs::default();
        let sentences = [
            "",
            ".",
            ". . .",
            "The Ministers of Foreign Affairs met in Hanoi on 3 June.",
            "MOSCOW, June 19 (Reuters) - Russia’s envoy paid a visit to the U.S. and the D.P.R.K. today.",
            "“We will not accept it,” he said;  the talks  carried on\tfor 3.5 hours and cost 1,000 dollars.",
            "Ökonomie und ÉTAT: l’État a signé l`accord ... avec l'Union-européenne",
            "`Quoted` words, U.N.-backed forces and non-aggression pacts were discussed.",
            "  leading and trailing spaces  ",
            "İstanbul hosted talks; ΣΥΝΟΜΙΛΙΕΣ followed.",
            "He stopped, agreed, and was carrying what the ministries carried.",
            "CO₂ emissions and NO₂s were discussed.",
        ];
        for t in sentences {
            check(t, &d.lemmas, &mut bufs);
        }
        // Random strings of letters, digits, marks, spaces and characters beyond ASCII.
        let alphabet: Vec<char> = "aeinsdgyAEUSK0139 .  ,'`’“-.éÉİß₂\t\n".chars().collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let mut t = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 40) as usize;
            let mut x = seed;
            for _ in 0..n {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push(alphabet[((x >> 33) % alphabet.len() as u64) as usize]);
            }
            check(&t, &d.lemmas, &mut bufs);
        }
    }

    #[test]
    fn recycled_buffers_keep_their_allocation() {
        let v: Vec<Form> = Vec::with_capacity(100);
        assert_eq!(relabel(v).capacity(), 100);
    }

    #[test]
    fn special_bytes_are_found_past_any_chunk() {
        let text = "a plain run of more than sixteen bytes, then a dot. and one more `tick and é";
        let b = text.as_bytes();
        for from in 0..=b.len() + 1 {
            let want = (from..b.len()).find(|&i| is_special(b[i])).unwrap_or(b.len());
            assert_eq!(next_special(b, from), want, "{from}");
        }
    }
}
