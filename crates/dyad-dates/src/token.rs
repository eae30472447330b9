//! Tokeniser and word lists.
//!
//! [`tokenize`] splits text into words, numbers, ordinals ("3rd", "75th") and
//! single punctuation characters, each carrying byte offsets at character
//! boundaries, so every later span is a valid char-boundary slice of the
//! input whatever script surrounds it. Each word carries its [`Lex`]: the
//! month, weekday, cardinal or ordinal it names, or the [`Cue`] word a rule
//! may begin with, looked up once. Nothing here interprets a date; that is
//! the rules' job.

use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TK {
    Word,
    Num,
    Ord,
    Punct,
}

#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub kind: TK,
    pub start: usize,
    pub end: usize,
    /// Lowercased text (the character itself for punctuation), borrowed from the text when
    /// it is lower case already.
    pub low: Cow<'a, str>,
    /// First character is uppercase (month and weekday names must be).
    pub cap: bool,
    /// Value of a number or ordinal; None when it overflows u32.
    pub num: Option<u32>,
    /// Number of digits (0 for words).
    pub nd: usize,
    /// Whitespace (or the start of text) precedes the token.
    pub ws: bool,
    /// Newlines in the whitespace before the token (a blank line ends a sentence).
    pub nls: u8,
    /// What the word names (words only; else [`Lex::Other`]).
    pub lex: Lex,
}

/// What a word names for the rules: a month, a weekday or a number. Rules ask about every
/// position again and again, so each word is looked up once, when it is tokenized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    Other,
    /// A month's number, and whether the word is an abbreviation ([`month_name`]).
    Month(u8, bool),
    /// Monday = 0 .. Sunday = 6.
    Weekday(i64),
    /// `one` .. `nineteen`.
    Cardinal(u32),
    /// `twenty` .. `ninety`.
    TensCardinal(u32),
    /// `first` .. `nineteenth`.
    Ordinal(u32),
    /// `twentieth` .. `ninetieth`, `hundredth`.
    TensOrdinal(u32),
    /// A word a rule may begin with ([`cue_word`]).
    Cue(Cue),
}

/// Words besides months, weekdays and numbers that a rule may begin with: the rule
/// families' `may_start` ask for these, so that a word naming nothing is passed over at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    The,
    /// `a` or `an` ("a week ago").
    A,
    From,
    Between,
    Since,
    Last,
    Next,
    This,
    Coming,
    Past,
    Previous,
    Current,
    Early,
    Late,
    Mid,
    Earlier,
    Later,
    End,
    Beginning,
    Start,
    Middle,
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Recent,
    Juche,
}

impl Lex {
    /// The meaning of the lower-case word `w`. The word lists share no word.
    fn of(w: &str) -> Lex {
        // Every listed word has 3 to 11 letters (`jan` .. `seventeenth`) but `a` and `an`.
        if !(3..=11).contains(&w.len()) {
            return match w {
                "a" | "an" => Lex::Cue(Cue::A),
                _ => Lex::Other,
            };
        }
        month_name(w)
            .map(|(m, abbr)| Lex::Month(m, abbr))
            .or_else(|| weekday_name(w).map(Lex::Weekday))
            .or_else(|| unit_cardinal(w).map(Lex::Cardinal))
            .or_else(|| tens_cardinal(w).map(Lex::TensCardinal))
            .or_else(|| unit_ordinal(w).map(Lex::Ordinal))
            .or_else(|| tens_ordinal(w).map(Lex::TensOrdinal))
            .or_else(|| cue_word(w).map(Lex::Cue))
            .unwrap_or(Lex::Other)
    }
}

/// `s` in lower case, copied only when it has upper-case letters.
fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    // The character at byte `at`: most text is ASCII, read a byte at a time.
    let char_at = |at: usize| -> Option<char> {
        match *text.as_bytes().get(at)? {
            b if b.is_ascii() => Some(char::from(b)),
            _ => text.get(at..)?.chars().next(),
        }
    };
    let mut ws = true;
    let mut nls: u8 = 0;
    let mut end = 0;
    while let Some(c) = char_at(end) {
        let i = end;
        end += c.len_utf8();
        if c.is_whitespace() {
            ws = true;
            if c == '\n' {
                nls = nls.saturating_add(1);
            }
            continue;
        }
        let tok = if c.is_ascii_digit() {
            while char_at(end).is_some_and(|d| d.is_ascii_digit()) {
                end += 1;
            }
            let dend = end;
            // Letters glued to digits: an ordinal suffix, or a code like "5G".
            while let Some(d) = char_at(end).filter(|d| d.is_alphabetic()) {
                end += d.len_utf8();
            }
            let suffix = lower(&text[dend..end]);
            let kind = if suffix.is_empty() {
                TK::Num
            } else if matches!(&*suffix, "st" | "nd" | "rd" | "th") {
                TK::Ord
            } else {
                TK::Word
            };
            let low = lower(&text[i..end]);
            Tok {
                kind,
                start: i,
                end,
                lex: if kind == TK::Word { Lex::of(&low) } else { Lex::Other },
                low,
                cap: false,
                num: text[i..dend].parse::<u32>().ok(),
                nd: dend - i,
                ws,
                nls,
            }
        } else if c.is_alphabetic() {
            while let Some(d) = char_at(end).filter(|d| d.is_alphabetic()) {
                end += d.len_utf8();
            }
            let low = lower(&text[i..end]);
            Tok {
                kind: TK::Word,
                start: i,
                end,
                lex: Lex::of(&low),
                low,
                cap: c.is_uppercase(),
                num: None,
                nd: 0,
                ws,
                nls,
            }
        } else {
            Tok {
                kind: TK::Punct,
                start: i,
                end,
                low: Cow::Borrowed(&text[i..end]),
                lex: Lex::Other,
                cap: false,
                num: None,
                nd: 0,
                ws,
                nls,
            }
        };
        out.push(tok);
        ws = false;
        nls = 0;
    }
    out
}

/// Month number and whether the word is an abbreviation.
fn month_name(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "january" => (1, false),
        "jan" => (1, true),
        "february" => (2, false),
        "feb" => (2, true),
        "march" => (3, false),
        "mar" => (3, true),
        "april" => (4, false),
        "apr" => (4, true),
        "may" => (5, false),
        "june" => (6, false),
        "jun" => (6, true),
        "july" => (7, false),
        "jul" => (7, true),
        "august" => (8, false),
        "aug" => (8, true),
        "september" => (9, false),
        "sep" | "sept" => (9, true),
        "october" => (10, false),
        "oct" => (10, true),
        "november" => (11, false),
        "nov" => (11, true),
        "december" => (12, false),
        "dec" => (12, true),
        _ => return None,
    })
}

/// Monday = 0 .. Sunday = 6.
fn weekday_name(w: &str) -> Option<i64> {
    Some(match w {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

fn unit_cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn unit_ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        _ => return None,
    })
}

fn tens_ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        _ => return None,
    })
}

/// The [`Cue`] a lower-case word of 3 to 11 letters is.
fn cue_word(w: &str) -> Option<Cue> {
    Some(match w {
        "the" => Cue::The,
        "from" => Cue::From,
        "between" => Cue::Between,
        "since" => Cue::Since,
        "last" => Cue::Last,
        "next" => Cue::Next,
        "this" => Cue::This,
        "coming" => Cue::Coming,
        "past" => Cue::Past,
        "previous" => Cue::Previous,
        "current" => Cue::Current,
        "early" => Cue::Early,
        "late" => Cue::Late,
        "mid" => Cue::Mid,
        "earlier" => Cue::Earlier,
        "later" => Cue::Later,
        "end" => Cue::End,
        "beginning" => Cue::Beginning,
        "start" => Cue::Start,
        "middle" => Cue::Middle,
        "today" => Cue::Today,
        "tonight" => Cue::Tonight,
        "yesterday" => Cue::Yesterday,
        "tomorrow" => Cue::Tomorrow,
        "recent" => Cue::Recent,
        "juche" => Cue::Juche,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_char_boundaries() {
        let text = "Пхеньян, 19th июня — 2024年 5G";
        for t in tokenize(text) {
            assert!(text.get(t.start..t.end).is_some());
        }
        let kinds: Vec<TK> = tokenize("the 3rd 2024 5g").iter().map(|t| t.kind).collect();
        assert_eq!(kinds, vec![TK::Word, TK::Ord, TK::Num, TK::Word]);
        assert_eq!(tokenize("99999999999999")[0].num, None);
    }

    #[test]
    fn words_are_looked_up_once() {
        let lex = |t: &str| tokenize(t).iter().map(|t| t.lex).collect::<Vec<_>>();
        assert_eq!(lex("May Sept. Friday"), vec![Lex::Month(5, false), Lex::Month(9, true), Lex::Other, Lex::Weekday(4)]);
        assert_eq!(lex("one twenty second seventeenth hundredth"), vec![Lex::Cardinal(1), Lex::TensCardinal(20), Lex::Ordinal(2), Lex::Ordinal(17), Lex::TensOrdinal(100)]);
        assert_eq!(lex("3rd 2024 5g"), vec![Lex::Other; 3]);
        assert_eq!(lex("the An since Juche"), vec![Lex::Cue(Cue::The), Lex::Cue(Cue::A), Lex::Cue(Cue::Since), Lex::Cue(Cue::Juche)]);
    }
}
