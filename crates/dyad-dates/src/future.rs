//! Future/plan markers: does a clause report something that has not happened
//! yet? The coder uses this to pick `TimeExpr::future_value` over `value`
//! ("will meet on Monday" → next Monday). Main item: [`is_future_marker`].
//! It looks only at words, not at tense morphology, so it errs towards
//! "not future" for anything it does not list.

use std::borrow::Cow;

/// Words that make "will" a noun ("the will of the people", "political will").
const WILL_NOUN_BEFORE: &[&str] = &[
    "the",
    "a",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "political",
    "good",
    "strong",
    "firm",
    "free",
    "common",
    "unanimous",
    "unswerving",
    "iron",
    "people's",
    "popular",
    "general",
    "last",
];

/// `w` without surrounding punctuation, with `’` as `'`, in lower case; borrowed when that is
/// `w` itself or a slice of it (plain lower-case ASCII, the common case).
fn norm(w: &str) -> Cow<'_, str> {
    // The common cases in one look at the bytes: a plain lower-case ASCII word is itself,
    // ASCII punctuation is nothing.
    if w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'') {
        return Cow::Borrowed(w);
    }
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'\'') {
        return Cow::Borrowed("");
    }
    let w = w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'));
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.replace('’', "'").to_lowercase())
    }
}

/// Words in a clause that make what it reports future or planned: will,
/// shall, plans to, is expected to, is to, agreed to hold, is scheduled to,
/// intends to, would (in reported plans), "to be held", "going to",
/// "upcoming", "forthcoming".
pub fn is_future_marker(lowercase_words: &[&str]) -> bool {
    is_future_marker_in(lowercase_words.iter().copied())
}

/// [`is_future_marker`] for words read from an iterator, so that a caller need not collect
/// them.
pub fn is_future_marker_in<'a>(lowercase_words: impl IntoIterator<Item = &'a str>) -> bool {
    // A window over the normalised words, read once: the word before, the word, and the two
    // after it ("" past either end).
    let mut words = lowercase_words
        .into_iter()
        .map(norm)
        .filter(|x| !x.is_empty());
    let mut prev: Cow<str> = Cow::Borrowed("");
    let Some(mut cur) = words.next() else {
        return false;
    };
    let mut next = words.next();
    let mut after = words.next();
    loop {
        let n1 = next.as_deref().unwrap_or("");
        let n2 = after.as_deref().unwrap_or("");
        if marks(&prev, &cur, n1, n2) {
            return true;
        }
        let Some(n) = next.take() else {
            return false;
        };
        prev = std::mem::replace(&mut cur, n);
        next = after.take();
        after = words.next();
    }
}

/// The words [`marks`] may take as the one that marks a clause (besides any ending in `'ll`).
const MARKERS: &[&str] = &[
    "will", "shall", "won't", "'ll", "would", "upcoming", "forthcoming", "plan", "plans", "planned", "planning", "intend",
    "intends", "intended", "intending", "expected", "scheduled", "slated", "going", "set", "due", "is", "are", "am", "was",
    "were", "agreed", "agree", "agrees", "to",
];

/// Whether the word `w` may be the one that marks a clause future for
/// [`is_future_marker_in`]: false only when no words around it could make it one (a plain
/// lower-case word that is not a marker, or punctuation). A caller that finds no such word
/// in a clause need not ask [`is_future_marker_in`].
pub fn may_mark_future(w: &str) -> bool {
    // `norm` leaves a plain word (lower-case letters, digits, `'`) as it is and makes ASCII
    // punctuation nothing; any other word may normalise into a marker.
    let plain = w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'');
    if !plain {
        return !w.bytes().all(|b| b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'\'');
    }
    w.ends_with("'ll") || MARKERS.contains(&w)
}

/// Whether `cur` marks the clause future, given the word before it and the two after it.
fn marks(prev: &str, cur: &str, next: &str, after: &str) -> bool {
    match cur {
        "will" if next != "of" && !WILL_NOUN_BEFORE.contains(&prev) => true,
        "shall" | "won't" | "'ll" | "would" | "upcoming" | "forthcoming" => true,
        c if c.ends_with("'ll") => true,
        "plan" | "plans" | "planned" | "planning" | "intend" | "intends" | "intended"
        | "intending" | "expected" | "scheduled" | "slated" | "going" | "set" | "due"
            if next == "to"
                && !(cur == "due" && after == "the")
                && !(cur == "set" && after == "work") =>
        true,
        "is" | "are" | "am" | "was" | "were" if next == "to" => true,
        "agreed" | "agree" | "agrees"
            if next == "to"
                && matches!(
                    after,
                    "hold" | "meet" | "visit" | "host" | "convene" | "open" | "resume" | "sign"
                ) =>
        true,
        "to" if next == "be"
            && matches!(
                after,
                "held" | "convened" | "signed" | "opened" | "launched"
            ) =>
        true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_future_marker;

    fn f(s: &str) -> bool {
        let lower = s.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        is_future_marker(&words)
    }

    #[test]
    fn markers() {
        assert!(f("The two sides will meet on Monday"));
        assert!(f("Talks are to be held in Moscow"));
        assert!(f("He is expected to arrive"));
        assert!(f("They agreed to hold consultations"));
        assert!(f("The minister plans to travel"));
        assert!(f("He said he would visit in April"));
        assert!(f("The delegation is scheduled to leave"));
        assert!(f("She intends to sign"));
        assert!(f("The premier is to visit Laos"));
        assert!(!f("The two sides met on Monday"));
        assert!(!f("It reflects the will of the people"));
        assert!(!f("They showed strong political will"));
        assert!(!f("The talks were held in Moscow"));
        assert!(!f(""));
        // The words around a marker, past punctuation and at either end.
        assert!(f("Will , they go"));
        assert!(!f("the will , of all"));
        assert!(!f("It was due to the rain"));
        assert!(f("It is due to open"));
        assert!(!f("They set to work"));
        assert!(f("They agreed to sign"));
        assert!(!f("They agreed to"));
        assert!(f("to be held"));
        assert!(!f("to be"));
        assert!(f("we'll"));
    }

    #[test]
    fn a_clause_without_a_word_that_may_mark_is_not_future() {
        // Words around every marker, near misses and odd forms: in a clause whose words
        // none of which may mark, no marker is found.
        const WORDS: &[&str] = &[
            "will", "Will", "WILL", "shall", "won't", "won’t", "'ll", "we'll", "they’ll", "would", "upcoming", "forthcoming",
            "plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending", "expected", "scheduled",
            "slated", "going", "set", "due", "is", "are", "am", "was", "were", "agreed", "agree", "agrees", "to", "To", "to.",
            "be", "held", "convened", "signed", "opened", "launched", "hold", "meet", "visit", "host", "convene", "open",
            "resume", "sign", "of", "the", "a", "political", "people's", "work", "said", "met", "talks", "2024", ",", ".",
            "--", "'", "\"to", "été", "«will»", "",
        ];
        let mut next = crate::test_rng(0x2545_f491_4f6c_dd1du64);
        let (mut marked, mut passed) = (0, 0);
        for _ in 0..200_000 {
            let clause: Vec<&str> = (0..next(7)).map(|_| WORDS[next(WORDS.len())]).collect();
            let future = is_future_marker(&clause);
            if !clause.iter().any(|w| super::may_mark_future(w)) {
                assert!(!future, "{clause:?}");
                passed += 1;
            }
            marked += usize::from(future);
        }
        assert!(marked > 10_000 && passed > 10_000, "{marked} {passed}");
    }

    #[test]
    fn words_are_normalised_alike_on_the_fast_and_the_slow_path() {
        let slow = |w: &str| {
            w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .replace('’', "'")
                .to_lowercase()
        };
        for w in ["will", "won't", "'ll", "they’ll", "Will", "2024", ",", "--", "'", "\"to", "to.", "été", "", "a-b", "«x»"] {
            assert_eq!(super::norm(w), slow(w), "{w}");
        }
    }
}
