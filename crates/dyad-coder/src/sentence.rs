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
    /// What the joined string is made of, only while a sentence is prepared.
    pieces: Vec<Form<'static>>,
}

impl SentBufs {
    /// Bytes the buffers hold, to decide whether they are worth keeping.
    pub fn capacity_bytes(&self) -> usize {
        (self.norms.capacity() + self.keys.capacity() + self.pieces.capacity()) * std::mem::size_of::<Form>() + self.starts.capacity() * std::mem::size_of::<usize>() + self.joined.capacity()
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
    b == b'.' || b == b'`' || !b.is_ascii()
}

/// The top bit of each byte of `w` that [`is_special`] holds for, and maybe of some bytes
/// above such a byte: the lowest bit set is exact, which is all [`next_special`] reads. A byte
/// equal to `c` is a zero byte of `w ^ c…c`, found by the borrow of subtracting one from it
/// (which can only spill into the bytes above a zero byte).
#[inline]
fn special_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    zero(w ^ (ONES * u64::from(b'.'))) | zero(w ^ (ONES * u64::from(b'`'))) | (w & HIGH)
}

/// The offset of the first [`is_special`] byte of `b` at or after `from`, else `b.len()`. A
/// sentence has few: sixteen bytes are tested at a time, as two numbers. Out of line, so that
/// its constants do not take registers from the loop over the tokens.
#[inline(never)]
fn next_special(b: &[u8], from: usize) -> usize {
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("8 bytes"));
    let rest = b.get(from..).unwrap_or_default();
    let mut chunks = rest.chunks_exact(16);
    let mut at = from;
    for c in &mut chunks {
        let (lo, hi) = (special_mask(word(&c[..8])), special_mask(word(&c[8..])));
        if lo | hi != 0 {
            return at + if lo != 0 { lo.trailing_zeros() / 8 } else { 8 + hi.trailing_zeros() / 8 } as usize;
        }
        at += 16;
    }
    chunks.remainder().iter().position(|&c| is_special(c)).map_or(b.len(), |p| at + p)
}

/// The normal form of a token with a special byte, made in `scratch` (left empty) and copied into
/// the arena: a full stop, as an acronym's dot, is dropped.
#[cold]
#[inline(never)]
fn special_form<'t>(raw: &str, scratch: &mut String, arena: &'t Bump) -> &'t str {
    if raw == "." {
        return "";
    }
    push_normal_form(raw, scratch);
    let form = arena.alloc_str(scratch);
    scratch.clear();
    form
}

/// `stem` and a `y`, in the arena: the key of `carries`. Only ASCII words lose `-ies`.
#[inline(never)]
fn y_stem<'t>(stem: &str, arena: &'t Bump) -> &'t str {
    let k = arena.alloc_slice_fill_copy(stem.len() + 1, b'y');
    k[..stem.len()].copy_from_slice(stem.as_bytes());
    std::str::from_utf8(k).expect("ASCII")
}

/// `end` when no run of forms is open: one past it is no token's start.
const NO_RUN: usize = usize::MAX - 1;

/// The forms of `tokens` into `norms`, and the pieces the joined string is made of into
/// `pieces`.
///
/// A token before the next special byte of the sentence has its lower-cased text as its form,
/// a slice of `lower`; others are made in the arena. The joined string is the pieces, each after
/// a space unless nothing came before: runs of forms (with the single spaces between them), a
/// slice of `lower` each, and the forms made in the arena. `lower[run..end]` is the open run, and
/// `end` is [`NO_RUN`] when there is none.
///
/// The loop makes no call but for the rare special token, so that what it keeps at hand stays in
/// registers; and each pass of [`Sent::new_in`] is a function of its own, for the same reason.
#[inline(never)]
fn forms<'t>(tokens: &[Token], text: &str, lower: &'t str, norms: &mut [Form<'t>], pieces: &mut Vec<Form<'t>>, scratch: &mut String, arena: &'t Bump) {
    let lb = lower.as_bytes();
    pieces.reserve(tokens.len() + 1);
    let mut next = next_special(lb, 0);
    let (mut run, mut end) = (0, NO_RUN);
    for (t, norm) in tokens.iter().zip(norms) {
        let (a, e) = (t.span.start, t.span.end);
        if next < a {
            next = next_special(lb, a);
        }
        let form = if e <= next {
            // A form after a single space extends the open run; otherwise it opens the next.
            if a != end + 1 || lb[end] != b' ' {
                if end != NO_RUN {
                    pieces.push(Form(&lower[run..end]));
                }
                run = a;
            }
            end = e;
            &lower[a..e]
        } else {
            if end != NO_RUN {
                pieces.push(Form(&lower[run..end]));
            }
            end = NO_RUN;
            let form = special_form(t.span.of(text), scratch, arena);
            pieces.push(Form(form));
            form
        };
        *norm = Form(form);
    }
    if end != NO_RUN {
        pieces.push(Form(&lower[run..end]));
    }
}

/// The lemma keys of `norms` into `keys` (as many). A key borrows from its form or from the
/// lemmatizer (an irregular verb's lemma), or is a `-y` stem made in the arena.
#[inline(never)]
fn key_forms<'t>(norms: &[Form<'t>], keys: &mut [Form<'t>], lemmas: &'t Lemmatizer, arena: &'t Bump) {
    for (f, slot) in norms.iter().zip(keys) {
        let norm = f.0;
        *slot = Form(match lemmas.key_parts(norm) {
            // Mostly the whole form, which needs no check that `n` ends a character.
            KeyParts::Prefix(n) if n == norm.len() => norm,
            KeyParts::Prefix(n) => &norm[..n],
            KeyParts::PrefixY(n) => y_stem(&norm[..n], arena),
            KeyParts::Lemma(k) => k,
        });
    }
}

impl<'t> Sent<'t> {
    /// Prepares `text`; forms that are not slices of it (or of `lemmas`) are written into
    /// `arena`, which must live as long as the sentence (one per sentence or per document).
    pub fn new(text: &'t str, lemmas: &'t Lemmatizer, arena: &'t Bump) -> Sent<'t> {
        Sent::new_in(text, lemmas, arena, &mut SentBufs::default())
    }

    /// [`Sent::new`] in the buffers of an earlier sentence, given back by [`Sent::recycle`].
    ///
    /// Short loops over the tokens, each with few values to keep at hand: the forms (and the
    /// pieces of `joined`), the starts (from the forms' lengths alone), then the keys.
    pub fn new_in(text: &'t str, lemmas: &'t Lemmatizer, arena: &'t Bump, bufs: &mut SentBufs) -> Sent<'t> {
        let tokens = tokenize(text);
        let mut norms = relabel(std::mem::take(&mut bufs.norms));
        let mut keys = relabel(std::mem::take(&mut bufs.keys));
        let mut starts = std::mem::take(&mut bufs.starts);
        let mut joined = std::mem::take(&mut bufs.joined);
        starts.clear();
        joined.clear();
        // Every slot is written below, walked beside the tokens with no capacity or bounds check
        // per token.
        norms.resize(tokens.len(), Form(""));
        keys.resize(tokens.len(), Form(""));
        joined.reserve(text.len() + tokens.len());
        // The sentence with its ASCII letters lower-cased: a token without special bytes has
        // its lower-cased text as its normal form, a slice of this.
        let lower: &'t str = {
            let l = arena.alloc_str(text);
            l.make_ascii_lowercase();
            l
        };
        let mut pieces = relabel(std::mem::take(&mut bufs.pieces));
        forms(&tokens, text, lower, &mut norms, &mut pieces, &mut joined, arena);
        // Each form follows the one before and a space, unless nothing came before.
        let mut len = 0;
        starts.extend(norms.iter().map(|f| {
            let start = if len > 0 { len + 1 } else { 0 };
            len = start + f.len();
            start
        }));
        for p in &pieces {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(p);
        }
        bufs.pieces = relabel(pieces);
        key_forms(&norms, &mut keys, lemmas, arena);
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
