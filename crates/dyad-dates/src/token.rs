//! Tokeniser and word lists.
//!
//! [`tokenize`] splits text into words, numbers, ordinals ("3rd", "75th") and
//! single punctuation characters, each carrying byte offsets at character
//! boundaries, so every later span is a valid char-boundary slice of the
//! input whatever script surrounds it. Each word carries its [`Lex`]: the
//! month, weekday, cardinal or ordinal it names, or the [`Cue`] word a rule
//! may begin with, looked up once. Nothing here interprets a date; that is
//! the rules' job.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TK {
    Word,
    Num,
    Ord,
    Punct,
}

#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub kind: TK,
    pub start: usize,
    pub end: usize,
    /// Where the lowercased text is in [`Tokens::low`].
    pub lo: u32,
    pub hi: u32,
    /// The character of a punctuation token ('\0' for the others).
    pub ch: char,
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
    /// Sentence number, set by the [`crate::scan::Scan`].
    pub sent: u32,
    /// What the word names (words only; else [`Lex::Other`]).
    pub lex: Lex,
}

/// The tokens of a text and their lowercased text.
pub(crate) struct Tokens {
    pub toks: Vec<Tok>,
    /// The text lowercased: ASCII tokens lie where they lie in the text; a word with other
    /// characters is lowercased after its end (its length may change).
    pub low: String,
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

/// End of the run of letters starting at byte `at` (ASCII read a byte at a time).
fn letters_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if !b.is_ascii_alphabetic() {
                break;
            }
            at += 1;
        } else {
            match text.get(at..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_alphabetic() => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

/// Splits `text` into tokens; one pass over its bytes, one copy of it lowercased and no
/// other allocation but for words outside ASCII.
pub(crate) fn tokenize(text: &str) -> Tokens {
    let bytes = text.as_bytes();
    let mut low = text.to_ascii_lowercase();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut ws = true;
    let mut nls: u8 = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // The character at `i`: most text is ASCII, read a byte at a time.
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match text.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        let mut end = i + c.len_utf8();
        if c.is_whitespace() {
            ws = true;
            if c == '\n' {
                nls = nls.saturating_add(1);
            }
            i = end;
            continue;
        }
        let mut tok = Tok {
            kind: TK::Punct,
            start: i,
            end,
            lo: i as u32,
            hi: end as u32,
            ch: '\0',
            cap: false,
            num: None,
            nd: 0,
            ws,
            nls,
            sent: 0,
            lex: Lex::Other,
        };
        if c.is_ascii_digit() {
            let mut num = Some(0u32);
            end = i;
            while let Some(d) = bytes.get(end).filter(|d| d.is_ascii_digit()) {
                num = num
                    .and_then(|n| n.checked_mul(10))
                    .and_then(|n| n.checked_add(u32::from(d - b'0')));
                end += 1;
            }
            let dend = end;
            // Letters glued to digits: an ordinal suffix, or a code like "5G".
            end = letters_end(text, end);
            let suffix = &text[dend..end];
            tok.kind = if suffix.is_empty() {
                TK::Num
            } else if ["st", "nd", "rd", "th"]
                .iter()
                .any(|s| suffix.eq_ignore_ascii_case(s))
            {
                TK::Ord
            } else {
                TK::Word
            };
            tok.num = num;
            tok.nd = dend - i;
        } else if c.is_alphabetic() {
            end = letters_end(text, end);
            tok.kind = TK::Word;
            tok.cap = c.is_uppercase();
        } else {
            tok.ch = c;
        }
        tok.end = end;
        tok.hi = end as u32;
        if tok.kind == TK::Word {
            let word = &text[i..end];
            if !word.is_ascii() {
                tok.lo = low.len() as u32;
                low.push_str(&word.to_lowercase());
                tok.hi = low.len() as u32;
            }
            tok.lex = Lex::of(&low[tok.lo as usize..tok.hi as usize]);
        }
        out.push(tok);
        ws = false;
        nls = 0;
        i = end;
    }
    Tokens { toks: out, low }
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
        for t in tokenize(text).toks {
            assert!(text.get(t.start..t.end).is_some());
        }
        let kinds: Vec<TK> = tokenize("the 3rd 2024 5g 7TH").toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, vec![TK::Word, TK::Ord, TK::Num, TK::Word, TK::Ord]);
        assert_eq!(tokenize("99999999999999").toks[0].num, None);
        assert_eq!(tokenize("4294967295 4294967296").toks.iter().map(|t| t.num).collect::<Vec<_>>(), vec![Some(u32::MAX), None]);
    }

    #[test]
    fn words_are_lowercased_in_place_or_after_the_text() {
        let text = "Der ÜBER-Plan, May\u{a0}5 Ärger\n\nÉTÉ 1st";
        let t = tokenize(text);
        let low: Vec<&str> = t.toks.iter().map(|k| &t.low[k.lo as usize..k.hi as usize]).collect();
        assert_eq!(low, vec!["der", "über", "-", "plan", ",", "may", "5", "ärger", "été", "1st"]);
        assert_eq!(t.toks.iter().map(|k| k.ch).collect::<String>(), "\0\0-\0,\0\0\0\0\0");
        assert_eq!(t.toks.iter().map(|k| k.nls).collect::<Vec<_>>(), vec![0, 0, 0, 0, 0, 0, 0, 0, 2, 0]);
        assert!(t.toks[5].cap && t.toks[5].ws && !t.toks[4].ws);
    }

    #[test]
    fn words_are_looked_up_once() {
        let lex = |t: &str| tokenize(t).toks.iter().map(|t| t.lex).collect::<Vec<_>>();
        assert_eq!(lex("May Sept. Friday"), vec![Lex::Month(5, false), Lex::Month(9, true), Lex::Other, Lex::Weekday(4)]);
        assert_eq!(lex("one twenty second seventeenth hundredth"), vec![Lex::Cardinal(1), Lex::TensCardinal(20), Lex::Ordinal(2), Lex::Ordinal(17), Lex::TensOrdinal(100)]);
        assert_eq!(lex("3rd 2024 5g"), vec![Lex::Other; 3]);
        assert_eq!(lex("the An since Juche"), vec![Lex::Cue(Cue::The), Lex::Cue(Cue::A), Lex::Cue(Cue::Since), Lex::Cue(Cue::Juche)]);
    }
}
