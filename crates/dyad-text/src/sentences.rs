//! Sentence boundaries in running text, aware of the abbreviations of news and diplomatic prose.
//!
//! A boundary is `.`, `!` or `?` (with closing quotes) followed by white space or an opening
//! quote, then an upper-case letter, digit or quote, unless the word before the period is a
//! known abbreviation (`Mr.`, `U.S.`, `Jan.`, `Gen.`) or an initial (`J.`). This is a rule
//! splitter, not a learned one: it errs towards keeping sentences whole.

use crate::Span;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "rev", "hon", "st", "sen",
    "rep", "gov", "pres", "amb", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e",
    "d.p.r.k", "p.m", "a.m", "fig", "art", "para", "vol", "op", "mt", "ft",
];

/// Sentence spans of `text`, trimmed of surrounding white space.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            let mut j = i + 1;
            // Closing quotes and brackets belong to the sentence that ends here.
            while j < bytes.len() {
                if bytes[j] == b'"' || bytes[j] == b')' || bytes[j] == b'\'' {
                    j += 1;
                } else if text[j..].starts_with('”') || text[j..].starts_with('’') {
                    j += '”'.len_utf8();
                } else {
                    break;
                }
            }
            // `said so."Any attack`: a quote glued to both words opens the next sentence.
            if j > i + 1 && bytes[j - 1] == b'"' && text[j..].chars().next().is_some_and(|c| c.is_uppercase()) {
                j -= 1;
            }
            if j < bytes.len() && is_break(text, i, j) {
                push(text, start, j, &mut out);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Whether the punctuation at `p` (with closers up to `after`) ends a sentence.
fn is_break(text: &str, p: usize, after: usize) -> bool {
    let rest = &text[after..];
    let ws = rest.len() - rest.trim_start().len();
    let next = rest[ws..].chars().next();
    let Some(next) = next else { return false };
    let glued_quote = ws == 0 && (next == '"' || next == '“');
    if ws == 0 && !glued_quote && !(text.as_bytes()[p] == b'.' && next.is_uppercase() && after > p + 1) {
        // "announced."The" has a quote; "3.5" or "U.S.A" have none: not a break, unless a
        // lower-case word runs into a capitalised one ("the investigation.At the summit").
        if !(glued_words(text, p, after) || after > p + 1 && next.is_uppercase()) {
            return false;
        }
    }
    let starts_ok = next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '\'' | '(');
    if !starts_ok {
        return false;
    }
    if text.as_bytes()[p] != b'.' {
        return true;
    }
    let word = last_word(&text[..p]);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // An initial ("J. Smith") or a dotted acronym ("D.P.R.K.").
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().next().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
        return false;
    }
    true
}

/// `investigation.At the`: a lower-case word of three letters or more, a period, and a
/// capitalised word with no space between them.
fn glued_words(text: &str, p: usize, after: usize) -> bool {
    let before = last_word(&text[..p]);
    let word_after: String = text[after..].chars().take_while(|c| c.is_alphabetic()).collect();
    text.as_bytes()[p] == b'.'
        && before.len() >= 3
        && before.chars().all(|c| c.is_ascii_lowercase())
        && word_after.chars().count() >= 2
        && word_after.chars().next().is_some_and(char::is_uppercase)
        && word_after.chars().skip(1).all(char::is_lowercase)
}

/// The word (letters and inner periods) ending at the end of `s`.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t).iter().map(|s| s.of(t)).collect()
    }

    #[test]
    fn a_period_gluing_two_words_ends_a_sentence() {
        assert_eq!(split("They asked for help in the inquiry.At the summit, he spoke."), vec!["They asked for help in the inquiry.", "At the summit, he spoke."]);
        assert_eq!(split("Talks in the U.S.A went well."), vec!["Talks in the U.S.A went well."]);
        assert_eq!(split("Growth was 3.5 percent.Then it fell."), vec!["Growth was 3.5 percent.", "Then it fell."]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Mr. Lee met U.S. officials on Jan. 5 in Seoul. The talks ended."),
            vec!["Mr. Lee met U.S. officials on Jan. 5 in Seoul.", "The talks ended."]
        );
        assert_eq!(split("Gen. J. Smith arrived. He left."), vec!["Gen. J. Smith arrived.", "He left."]);
    }

    #[test]
    fn quotes_and_glued_sentences() {
        assert_eq!(
            split("The ministry said so.\"Any attack will be answered,\" it added."),
            vec!["The ministry said so.", "\"Any attack will be answered,\" it added."]
        );
        assert_eq!(split("He said: \"We refuse.\" Then he left."), vec!["He said: \"We refuse.\"", "Then he left."]);
        assert_eq!(split("Growth was 3.5 percent. Trade fell."), vec!["Growth was 3.5 percent.", "Trade fell."]);
    }

    #[test]
    fn lower_case_after_period_is_not_a_break() {
        assert_eq!(split("The talks ended in a.m. hours. Next."), vec!["The talks ended in a.m. hours.", "Next."]);
    }
}
