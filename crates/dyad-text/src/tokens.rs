//! Tokens with byte spans: words, numbers and punctuation, and their normalized forms.
//!
//! Words are runs of letters and digits; dotted acronyms (`U.S.`, `D.P.R.K.`) stay one token;
//! a possessive or contraction (`'s`, `’s`) is a token of its own; hyphens split words
//! (`DPRK-Russia` is three tokens) so that the parts can be matched. [`normalize_token`] gives
//! the lower-case form dictionaries are matched against, with curly apostrophes made straight
//! and acronym dots dropped (`U.S.` -> `us`).

use std::borrow::Cow;

use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Tokens of `text` in order; spans index `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    // The character at byte `at`: most text is ASCII, read a byte at a time.
    let char_at = |at: usize| -> Option<char> {
        match *text.as_bytes().get(at)? {
            b if b.is_ascii() => Some(char::from(b)),
            _ => text.get(at..)?.chars().next(),
        }
    };
    let mut pos = 0;
    while let Some(c) = char_at(pos) {
        let i = pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut all_digits = c.is_numeric();
            while let Some(d) = char_at(pos) {
                if d.is_alphanumeric() {
                    all_digits &= d.is_numeric();
                    pos += d.len_utf8();
                } else if (d == '.' && is_acronym_dot(text, i, pos))
                    || ((d == '.' || d == ',') && all_digits && next_is_digit(text, pos + 1))
                {
                    // An acronym's dot (`U.S.`), or a number's (`3.5`, `1,000`).
                    pos += 1;
                } else {
                    break;
                }
            }
            let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
            out.push(Token { span: Span::new(i, pos), kind });
            continue;
        }
        if (c == '\'' || c == '’') && char_at(pos).is_some_and(|d| d.is_alphabetic()) {
            // 's, 't, 're: a clitic token.
            while let Some(d) = char_at(pos).filter(|d| d.is_alphabetic()) {
                pos += d.len_utf8();
            }
            let clitic = &text[i + c.len_utf8()..pos];
            if clitic.len() <= 2 && !out.is_empty() {
                out.push(Token { span: Span::new(i, pos), kind: TokenKind::Word });
                continue;
            }
            out.push(Token { span: Span::new(i, i + c.len_utf8()), kind: TokenKind::Punct });
            out.push(Token { span: Span::new(i + c.len_utf8(), pos), kind: TokenKind::Word });
            continue;
        }
        out.push(Token { span: Span::new(i, pos), kind: TokenKind::Punct });
    }
    out
}

/// A dot inside a single-letter-per-segment acronym: `U.S.`, `D.P.R.K.`
fn is_acronym_dot(text: &str, word_start: usize, dot: usize) -> bool {
    let seg = &text[word_start..dot];
    let single_letters = seg.split('.').all(|p| p.chars().count() == 1);
    let next = text[dot + 1..].chars().next();
    single_letters && (next.is_none_or(|c| !c.is_alphanumeric()) || next.is_some_and(|c| c.is_alphabetic()))
}

fn next_is_digit(text: &str, at: usize) -> bool {
    text.get(at..).and_then(|s| s.chars().next()).is_some_and(|c| c.is_ascii_digit())
}

/// The form dictionaries match: lower case, straight apostrophes, acronym dots dropped.
pub fn normalize_token(s: &str) -> String {
    normal_form(s).into_owned()
}

/// [`normalize_token`], borrowing `s` when it is already in normal form: most tokens of a
/// text are lower-case words, and a sentence is normalized token by token.
pub fn normal_form(s: &str) -> Cow<'_, str> {
    if is_normal_form(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    push_normal_form(s, &mut out);
    Cow::Owned(out)
}

/// Whether a token is its own normal form (lower-case ASCII letters and digits), the common
/// case that needs no copy.
pub fn is_normal_form(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Appends the normal form of `s` to `out`: [`normal_form`] for callers that keep their own
/// buffer.
pub fn push_normal_form(s: &str, out: &mut String) {
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    let dotted = s.contains('.') && !s.chars().any(|c| c.is_ascii_digit());
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '.' if dotted => {}
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.span.of(t)).collect()
    }

    #[test]
    fn words_acronyms_clitics() {
        assert_eq!(toks("The U.S. envoy's visit."), vec!["The", "U.S.", "envoy", "'s", "visit", "."]);
        assert_eq!(toks("DPRK-Russia ties"), vec!["DPRK", "-", "Russia", "ties"]);
        assert_eq!(toks("People’s Republic, 3.5 and 1,000"), vec!["People", "’s", "Republic", ",", "3.5", "and", "1,000"]);
        assert_eq!(normalize_token("U.S."), "us");
        assert_eq!(normalize_token("’S"), "'s");
        assert_eq!(normalize_token("Visited"), "visited");
        assert!(matches!(normal_form("visited"), Cow::Borrowed("visited")));
        assert_eq!(normal_form("ÉTAT"), "état");
        assert_eq!(toks("Juche 109(2020)"), vec!["Juche", "109", "(", "2020", ")"]);
    }

    #[test]
    fn odd_input() {
        assert!(tokenize("").is_empty());
        assert_eq!(toks("'"), vec!["'"]);
        assert_eq!(toks("'hello"), vec!["'", "hello"]);
        let _ = tokenize("\u{0}é’’.. ..");
    }
}
