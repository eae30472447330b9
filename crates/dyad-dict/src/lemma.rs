//! Lemma keys: the form under which a word and its inflections meet.
//!
//! [`Lemmatizer::key`] maps `visited`, `visits` and `visiting` to one key, and irregular forms
//! (`paid`, `met`, `held`) through the table in `verbs/irregular.tsv` first. Only inflections
//! are stripped (`-s`, `-es`, `-ies`, `-ed`, `-ing`), never derivational suffixes, so
//! `important` does not meet `import` and `relations` does not meet `relate` (a Snowball
//! stemmer conflates both). Keys are only ever compared with other keys: `make` and `making`
//! share the key `mak`, which is no word.

use std::borrow::Cow;

use crate::{fields, Diagnostic, FastMap, Origin};

#[derive(Default)]
pub struct Lemmatizer {
    irregular: FastMap<String, String>,
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
    }

    /// Whether `word` is a listed irregular form of another lemma (`met`, `held`).
    pub fn is_irregular_form(&self, word: &str) -> bool {
        self.irregular.get(word).is_some_and(|l| l != word)
    }

    /// The key of a normalized (lower-case) token.
    pub fn key(&self, word: &str) -> String {
        self.key_of(word).into_owned()
    }

    /// [`Lemmatizer::key`], borrowing from `word` where the key is a slice of it (all but
    /// irregular forms and `-ies`, `-ied`): every token of every sentence is keyed.
    pub fn key_of<'w>(&self, word: &'w str) -> Cow<'w, str> {
        match self.irregular.get(word) {
            // A word listed as its own lemma is no inflected form: `willing` is not `will`.
            Some(l) if l == word => Cow::Borrowed(word),
            Some(l) => Cow::Owned(inflection_key(l).into_owned()),
            None => inflection_key(word),
        }
    }
}

fn inflection_key(w: &str) -> Cow<'_, str> {
    if !w.is_ascii() || w.len() < 4 {
        return Cow::Borrowed(undouble(strip_e(w)));
    }
    let y_stem = |s: &str| Cow::Owned(undouble(strip_e(&format!("{s}y"))).to_string());
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        y_stem(s)
    } else if let Some(s) = w.strip_suffix("ied").filter(|s| s.len() >= 2) {
        y_stem(s)
    } else if let Some(s) = w.strip_suffix("ing").filter(|s| s.len() >= 3) {
        Cow::Borrowed(undouble(strip_e(s)))
    } else if let Some(s) = w.strip_suffix("ed").filter(|s| s.len() >= 3) {
        // `agreed` -> `agre`, as `agree` loses its final e below.
        Cow::Borrowed(undouble(s))
    } else if let Some(s) = w.strip_suffix('s').filter(|s| !s.ends_with(['s', 'u', 'i'])) {
        Cow::Borrowed(undouble(strip_e(s)))
    } else {
        Cow::Borrowed(undouble(strip_e(w)))
    }
}

fn strip_e(w: &str) -> &str {
    match w.strip_suffix('e') {
        Some(s) if s.len() >= 2 => s,
        _ => w,
    }
}

/// `stopp` -> `stop`, `call` -> `cal`: applied to every form alike, so keys agree.
fn undouble(w: &str) -> &str {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'a' | b'e' | b'i' | b'o' | b'u') {
        &w[..n - 1]
    } else {
        w
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
}
