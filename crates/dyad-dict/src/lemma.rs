//! Lemma keys: the form under which a word and its inflections meet.
//!
//! [`Lemmatizer::key`] maps `visited`, `visits` and `visiting` to one key, and irregular forms
//! (`paid`, `met`, `held`) through the table in `verbs/irregular.tsv` first. Only inflections
//! are stripped (`-s`, `-es`, `-ies`, `-ed`, `-ing`), never derivational suffixes, so
//! `important` does not meet `import` and `relations` does not meet `relate` (a Snowball
//! stemmer conflates both). Keys are only ever compared with other keys: `make` and `making`
//! share the key `mak`, which is no word.

use std::borrow::Cow;

use crate::packed::WordMap;
use crate::{fields, Diagnostic, FastMap, Origin};

#[derive(Default)]
pub struct Lemmatizer {
    irregular: FastMap<String, String>,
    /// The irregular forms: the index of the key of their lemma in `lemma_keys`, or
    /// [`OWN_LEMMA`]. Every token is looked up here.
    irregular_keys: WordMap<u32>,
    /// The keys of the irregular forms' lemmas, made once at load.
    lemma_keys: Vec<Box<str>>,
    /// A bit for each [`filter_bit`] of an irregular form: a word whose bit is clear is none,
    /// and is not looked up. Few are set, so most words are settled by one load.
    filter: Filter,
}

/// The words of [`Lemmatizer::filter`]: a fixed number, so that a bit's word is read without a
/// bounds check.
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

struct Filter(Box<[u64; FILTER_WORDS]>);

impl Default for Filter {
    fn default() -> Self {
        Filter(Box::new([0; FILTER_WORDS]))
    }
}

/// The bits of [`Lemmatizer::filter`]: 4 KB, some 450 forms set about one bit in seventy.
const FILTER_BITS: u32 = 15;

/// A word's bit in [`Lemmatizer::filter`]: a hash of its length, its first byte and its last
/// three (of a shorter word, its first, middle and last), which is cheaper to take than the
/// word's packed number and tells the irregular forms from most words (`signed` from `sung`,
/// `last` from `lost`).
#[inline]
fn filter_bit(w: &[u8]) -> usize {
    let n = w.len();
    let tail = match n {
        0 => 0,
        1..4 => u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
        _ => u64::from(u32::from_le_bytes(w[n - 4..].try_into().expect("4 bytes")) >> 8),
    };
    let first = w.first().map_or(0, |&b| u64::from(b));
    let x = (n as u64 & 0xff) | first << 8 | tail << 16;
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - FILTER_BITS)) as usize
}

/// An irregular form listed as its own lemma.
const OWN_LEMMA: u32 = u32::MAX;

/// The lemma key of a word, as [`Lemmatizer::key_parts`] gives it: mostly a prefix of the
/// word itself, so nothing is copied or allocated for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyParts<'l> {
    /// The word's first `n` bytes (`visit` of `visiting`).
    Prefix(usize),
    /// The word's first `n` bytes and a `y` (`carry` of `carries`).
    PrefixY(usize),
    /// Another word: the key of an irregular form's lemma (`pay` of `paid`).
    Lemma(&'l str),
}

impl Lemmatizer {
    pub fn new() -> Self {
        Lemmatizer::default()
    }

    pub(crate) fn load_irregular(&mut self, file: &'static str, text: &str, diags: &mut Vec<Diagnostic>) {
        for (n, line) in text.lines().enumerate() {
            let Some(f) = fields(line).map(Iterator::collect::<Vec<_>>) else { continue };
            match f.as_slice() {
                [form, lemma, ..] if !form.is_empty() && !lemma.is_empty() => {
                    self.irregular.insert(form.to_lowercase(), lemma.to_lowercase());
                }
                _ => diags.push(Diagnostic {
                    origin: Origin { file, line: n as u32 + 1 },
                    message: "expected `form<TAB>lemma`".into(),
                }),
            }
        }
        // The forms' table, made anew from all forms read so far.
        self.lemma_keys.clear();
        let mut entries = Vec::with_capacity(self.irregular.len());
        let mut filter = Filter::default();
        for (form, lemma) in &self.irregular {
            let bit = filter_bit(form.as_bytes());
            filter.0[bit / 64] |= 1 << (bit % 64);
            let key = if form == lemma {
                OWN_LEMMA
            } else {
                self.lemma_keys.push(inflection_key(lemma).into());
                self.lemma_keys.len() as u32 - 1
            };
            entries.push((form.as_str(), key));
        }
        self.irregular_keys = WordMap::from_entries(entries);
        self.filter = filter;
    }

    /// Whether `word` is a listed irregular form of another lemma (`met`, `held`).
    pub fn is_irregular_form(&self, word: &str) -> bool {
        self.irregular_key(word).is_some_and(|i| i != OWN_LEMMA)
    }

    /// The key of a normalized (lower-case) token.
    pub fn key(&self, word: &str) -> String {
        self.key_of(word).into_owned()
    }

    /// [`Lemmatizer::key`], borrowing from `word` where the key is a slice of it (all but
    /// irregular forms and `-ies`, `-ied`).
    pub fn key_of<'w>(&self, word: &'w str) -> Cow<'w, str> {
        match self.key_parts(word) {
            KeyParts::Prefix(n) => Cow::Borrowed(&word[..n]),
            KeyParts::PrefixY(n) => Cow::Owned(format!("{}y", &word[..n])),
            KeyParts::Lemma(k) => Cow::Owned(k.to_string()),
        }
    }

    /// [`Lemmatizer::key`] as the parts it is made of: every token of every sentence is keyed,
    /// and most keys are a prefix of their word.
    #[inline]
    pub fn key_parts(&self, word: &str) -> KeyParts<'_> {
        if word.is_empty() {
            return KeyParts::Prefix(0);
        }
        // The filter settles most words; the table is looked up out of line for the others.
        if self.may_be_irregular(word.as_bytes()) {
            match self.irregular_keys_get(word) {
                None => {}
                // A word listed as its own lemma is no inflected form: `willing` is not `will`.
                Some(OWN_LEMMA) => return KeyParts::Prefix(word.len()),
                Some(i) => return KeyParts::Lemma(&self.lemma_keys[i as usize]),
            }
        }
        inflection_parts(word)
    }

    /// `irregular_keys.get`, out of line: most words never get here.
    #[inline(never)]
    fn irregular_keys_get(&self, word: &str) -> Option<u32> {
        self.irregular_keys.get(word)
    }

    /// Whether `word`'s [`filter_bit`] is set: false for most words, which no irregular form is.
    #[inline]
    fn may_be_irregular(&self, word: &[u8]) -> bool {
        let bit = filter_bit(word);
        self.filter.0[bit / 64] & 1 << (bit % 64) != 0
    }

    /// For an irregular form, the index of its lemma's key in `lemma_keys`, or [`OWN_LEMMA`].
    #[inline]
    fn irregular_key(&self, word: &str) -> Option<u32> {
        if word.is_empty() || !self.may_be_irregular(word.as_bytes()) {
            return None;
        }
        self.irregular_keys_get(word)
    }
}

/// The text of a key, from the word and its parts.
fn key_text(word: &str, parts: KeyParts<'_>) -> String {
    match parts {
        KeyParts::Prefix(n) => word[..n].to_string(),
        KeyParts::PrefixY(n) => format!("{}y", &word[..n]),
        KeyParts::Lemma(k) => k.to_string(),
    }
}

fn inflection_key(w: &str) -> String {
    key_text(w, inflection_parts(w))
}

/// The key of a word no irregular form is: its inflection (`-ies`, `-ied`, `-ing`, `-ed`,
/// `-s`) stripped, then a final `e` and a doubled consonant. Only ASCII words lose an
/// inflection, but the check is made only for a word that ends in one.
#[inline]
fn inflection_parts(w: &str) -> KeyParts<'static> {
    let b = w.as_bytes();
    let n = b.len();
    // Every inflection ends in `s`, `d` or `g`: most words are settled by that one test.
    if n >= 4 && matches!(b[n - 1], b's' | b'd' | b'g') {
        let stem = match (b[n - 3], b[n - 2], b[n - 1]) {
            // `carries` -> `carry`; the `y` is never doubled, so `-yies` -> `-y`.
            (b'i', b'e', b's' | b'd') if n - 3 >= 2 => Some(if b[n - 4] == b'y' { KeyParts::Prefix(n - 3) } else { KeyParts::PrefixY(n - 3) }),
            (b'i', b'n', b'g') if n - 3 >= 3 => Some(KeyParts::Prefix(undouble(b, strip_e(b, n - 3)))),
            // `agreed` -> `agre`, as `agree` loses its final e.
            (_, b'e', b'd') if n - 2 >= 3 => Some(KeyParts::Prefix(undouble(b, n - 2))),
            (_, c, b's') if !matches!(c, b's' | b'u' | b'i') => Some(KeyParts::Prefix(undouble(b, strip_e(b, n - 1)))),
            _ => None,
        };
        if let Some(stem) = stem.filter(|_| is_ascii_word(b)) {
            return stem;
        }
    }
    KeyParts::Prefix(undouble(b, strip_e(b, n)))
}

/// Whether a word of at least four bytes is ASCII: up to sixteen bytes, read as two numbers
/// that overlap (or two halves of that size), not byte by byte.
#[inline]
fn is_ascii_word(w: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let n = w.len();
    let word = |at: usize| u64::from_le_bytes(w[at..at + 8].try_into().expect("8 bytes"));
    let half = |at: usize| u64::from(u32::from_le_bytes(w[at..at + 4].try_into().expect("4 bytes")));
    match n {
        0..4 => w.is_ascii(),
        4..8 => (half(0) | half(n - 4)) & HIGH == 0,
        8..=16 => (word(0) | word(n - 8)) & HIGH == 0,
        _ => w.is_ascii(),
    }
}

/// The length of `w[..n]` without a final `e` (if two letters are left).
#[inline]
fn strip_e(w: &[u8], n: usize) -> usize {
    if n >= 3 && w[n - 1] == b'e' { n - 1 } else { n }
}

/// The length of `w[..n]` without a doubled final consonant: `stopp` -> `stop`, `call` ->
/// `cal`, applied to every form alike, so keys agree. Only an ASCII letter is undoubled: two
/// equal bytes ending a character beyond ASCII (`₂` is `e2 82 82`) are no doubled letter, and
/// the key must not end inside a character.
#[inline]
fn undouble(w: &[u8], n: usize) -> usize {
    if n >= 3 && w[n - 1] == w[n - 2] && w[n - 1].is_ascii() && !matches!(w[n - 1], b'a' | b'e' | b'i' | b'o' | b'u') {
        n - 1
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_key() {
        let mut l = Lemmatizer::new();
        let mut d = Vec::new();
        l.load_irregular("verbs/irregular.tsv", "paid\tpay\nmet\tmeet\n", &mut d);
        let same = |a: &str, b: &str| assert_eq!(l.key(a), l.key(b), "{a} / {b}");
        same("visited", "visit");
        same("visiting", "visits");
        same("paid", "pay");
        same("met", "meet");
        same("talks", "talk");
        same("stopped", "stop");
        same("making", "make");
        same("agreed", "agree");
        same("agreeing", "agree");
        same("called", "call");
        same("discussed", "discusses");
        same("carried", "carries");
        same("watches", "watch");
        let differ = |a: &str, b: &str| assert_ne!(l.key(a), l.key(b), "{a} / {b}");
        differ("important", "import");
        differ("relations", "relate");
        differ("crisis", "cris");
        assert!(l.is_irregular_form("met"));
        assert!(!l.is_irregular_form("meet"));
    }

    #[test]
    fn ascii_words_are_told_as_is_ascii_tells_them() {
        for n in 0..40 {
            let word = vec![b'a'; n];
            assert!(is_ascii_word(&word), "{n}");
            for at in 0..n {
                let mut w = word.clone();
                w[at] = 0xc3;
                assert!(!is_ascii_word(&w), "{n} {at}");
            }
        }
    }

    /// The lemmatizer as it was first written, on `String`s: the reference for the table and
    /// the lengths that replaced it.
    struct Plain(FastMap<String, String>);

    impl Plain {
        fn key(&self, word: &str) -> String {
            match self.0.get(word) {
                Some(l) if l == word => word.to_string(),
                Some(l) => plain_inflection_key(l),
                None => plain_inflection_key(word),
            }
        }

        fn is_irregular_form(&self, word: &str) -> bool {
            self.0.get(word).is_some_and(|l| l != word)
        }
    }

    fn plain_inflection_key(w: &str) -> String {
        fn strip_e(w: &str) -> &str {
            match w.strip_suffix('e') {
                Some(s) if s.len() >= 2 => s,
                _ => w,
            }
        }
        fn undouble(w: &str) -> &str {
            let b = w.as_bytes();
            let n = b.len();
            if n >= 3 && b[n - 1] == b[n - 2] && b[n - 1].is_ascii() && !matches!(b[n - 1], b'a' | b'e' | b'i' | b'o' | b'u') { &w[..n - 1] } else { w }
        }
        if !w.is_ascii() || w.len() < 4 {
            return undouble(strip_e(w)).to_string();
        }
        let y_stem = |s: &str| undouble(strip_e(&format!("{s}y"))).to_string();
        if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
            y_stem(s)
        } else if let Some(s) = w.strip_suffix("ied").filter(|s| s.len() >= 2) {
            y_stem(s)
        } else if let Some(s) = w.strip_suffix("ing").filter(|s| s.len() >= 3) {
            undouble(strip_e(s)).to_string()
        } else if let Some(s) = w.strip_suffix("ed").filter(|s| s.len() >= 3) {
            undouble(s).to_string()
        } else if let Some(s) = w.strip_suffix('s').filter(|s| !s.ends_with(['s', 'u', 'i'])) {
            undouble(strip_e(s)).to_string()
        } else {
            undouble(strip_e(w)).to_string()
        }
    }

    fn same_as_plain(l: &Lemmatizer, plain: &Plain, w: &str) {
        let key = plain.key(w);
        assert_eq!(l.key(w), key, "{w:?}");
        let text = match l.key_parts(w) {
            KeyParts::Prefix(n) => w[..n].to_string(),
            KeyParts::PrefixY(n) => format!("{}y", &w[..n]),
            KeyParts::Lemma(k) => {
                assert!(plain.is_irregular_form(w), "{w:?}");
                k.to_string()
            }
        };
        assert_eq!(text, key, "{w:?}");
        assert_eq!(l.is_irregular_form(w), plain.is_irregular_form(w), "{w:?}");
    }

    #[test]
    fn keys_are_those_of_the_plain_lemmatizer() {
        let d = crate::Dictionary::bundled();
        let mut map = FastMap::default();
        let mut words: Vec<String> = Vec::new();
        for line in include_str!("../data/verbs/irregular.tsv").lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let [form, lemma, ..] = f[..] {
                map.insert(form.to_lowercase(), lemma.to_lowercase());
                words.extend([form.to_lowercase(), lemma.to_lowercase()]);
            }
        }
        // A long irregular form and a long word listed as its own lemma, as a user's file may
        // have them.
        let mut l = Lemmatizer::new();
        let extra = "internationalized\tinternationalize\nwithstandingness\twithstandingness\nmet\tmeet\n";
        l.load_irregular("verbs/irregular.tsv", include_str!("../data/verbs/irregular.tsv"), &mut Vec::new());
        l.load_irregular("verbs/irregular.tsv", extra, &mut Vec::new());
        for line in extra.lines() {
            let (form, lemma) = line.split_once('\t').unwrap();
            map.insert(form.into(), lemma.into());
            words.extend([form.to_string(), lemma.to_string()]);
        }
        let plain = Plain(map);
        assert_eq!(d.lemmas.irregular_keys.get("met").is_some(), plain.0.contains_key("met"));
        // Every word of every bundled pattern, and the keys they were given.
        for line in include_str!("../data/verbs/cameo.txt").lines().chain(include_str!("../data/verbs/dyad.txt").lines()) {
            words.extend(line.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(str::to_lowercase));
        }
        words.extend((0..).map_while(|id| d.verbs.word(id)).map(|k| k.to_string()));
        // Every inflection of those words, and their prefixes.
        let n = words.len();
        for i in 0..n {
            let w = words[i].clone();
            for suffix in ["s", "es", "ies", "ied", "ed", "d", "ing", "e", "y", "é", "ss", "us", "is"] {
                words.push(format!("{w}{suffix}"));
            }
            words.extend((0..w.len()).filter(|&k| w.is_char_boundary(k)).map(|k| w[..k].to_string()));
        }
        // Random strings over letters that make the suffixes, digits and marks.
        let alphabet: Vec<char> = "eeiinngdsyyuoalltpé1'-.₂".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            let mut w = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..(seed % 12) {
                w.push(alphabet[((seed >> (8 + 4 * k)) % alphabet.len() as u64) as usize]);
            }
            words.push(w);
        }
        words.extend(["", "a", "ies", "xies", "xied", "yies", "ayies", "ping", "thing", "seed", "agreed", "crisis", "sees", "ées", "éed", "ééing", "co₂", "₂₂s", "no₂ing"].map(String::from));
        assert!(words.len() > 300_000, "{}", words.len());
        for w in &words {
            same_as_plain(&l, &plain, w);
        }
        // The bundled lemmatizer is the one loaded from the file alone.
        let bundled = Plain(plain.0.into_iter().filter(|(f, _)| f != "internationalized" && f != "withstandingness").collect());
        for w in &words {
            same_as_plain(&d.lemmas, &bundled, w);
        }
    }
}
