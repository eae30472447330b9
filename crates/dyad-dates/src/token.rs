//! Tokeniser and word lists.
//!
//! [`tokenize_into`] splits text into words, numbers, ordinals ("3rd", "75th") and
//! single punctuation characters, each carrying byte offsets at character
//! boundaries, so every later span is a valid char-boundary slice of the
//! input whatever script surrounds it, and pointing into one lowercased copy
//! of the text. Each word carries its [`Lex`]: the month,
//! weekday, cardinal or ordinal it names, or the [`Cue`] word a rule may
//! begin with, looked up once in one table ([`LEXICON`]). Nothing here
//! interprets a date; that is the rules' job.

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
    /// Where the lowercased text is in the text lowercased ([`tokenize_into`]'s `low`).
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
    /// What the word names (words only; else [`Lex::Other`]).
    pub lex: Lex,
}

/// The tokens of a text and their lowercased text.
#[cfg(test)]
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
    /// Monday = 0 .. Sunday = 6. (Payloads are bytes, so that a token stays small.)
    Weekday(u8),
    /// `one` .. `nineteen`.
    Cardinal(u8),
    /// `twenty` .. `ninety`.
    TensCardinal(u8),
    /// `first` .. `nineteenth`.
    Ordinal(u8),
    /// `twentieth` .. `ninetieth`, `hundredth`.
    TensOrdinal(u8),
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

/// Every word that names something, and what: the word lists share no word, and no word
/// has more than 11 letters.
const LEXICON: &[(&str, Lex)] = &[
    // Months and their abbreviations (`sep` and `sept` both).
    ("january", Lex::Month(1, false)),
    ("jan", Lex::Month(1, true)),
    ("february", Lex::Month(2, false)),
    ("feb", Lex::Month(2, true)),
    ("march", Lex::Month(3, false)),
    ("mar", Lex::Month(3, true)),
    ("april", Lex::Month(4, false)),
    ("apr", Lex::Month(4, true)),
    ("may", Lex::Month(5, false)),
    ("june", Lex::Month(6, false)),
    ("jun", Lex::Month(6, true)),
    ("july", Lex::Month(7, false)),
    ("jul", Lex::Month(7, true)),
    ("august", Lex::Month(8, false)),
    ("aug", Lex::Month(8, true)),
    ("september", Lex::Month(9, false)),
    ("sep", Lex::Month(9, true)),
    ("sept", Lex::Month(9, true)),
    ("october", Lex::Month(10, false)),
    ("oct", Lex::Month(10, true)),
    ("november", Lex::Month(11, false)),
    ("nov", Lex::Month(11, true)),
    ("december", Lex::Month(12, false)),
    ("dec", Lex::Month(12, true)),
    // Weekdays, Monday = 0.
    ("monday", Lex::Weekday(0)),
    ("tuesday", Lex::Weekday(1)),
    ("wednesday", Lex::Weekday(2)),
    ("thursday", Lex::Weekday(3)),
    ("friday", Lex::Weekday(4)),
    ("saturday", Lex::Weekday(5)),
    ("sunday", Lex::Weekday(6)),
    // `one` .. `nineteen`.
    ("one", Lex::Cardinal(1)),
    ("two", Lex::Cardinal(2)),
    ("three", Lex::Cardinal(3)),
    ("four", Lex::Cardinal(4)),
    ("five", Lex::Cardinal(5)),
    ("six", Lex::Cardinal(6)),
    ("seven", Lex::Cardinal(7)),
    ("eight", Lex::Cardinal(8)),
    ("nine", Lex::Cardinal(9)),
    ("ten", Lex::Cardinal(10)),
    ("eleven", Lex::Cardinal(11)),
    ("twelve", Lex::Cardinal(12)),
    ("thirteen", Lex::Cardinal(13)),
    ("fourteen", Lex::Cardinal(14)),
    ("fifteen", Lex::Cardinal(15)),
    ("sixteen", Lex::Cardinal(16)),
    ("seventeen", Lex::Cardinal(17)),
    ("eighteen", Lex::Cardinal(18)),
    ("nineteen", Lex::Cardinal(19)),
    // `twenty` .. `ninety`.
    ("twenty", Lex::TensCardinal(20)),
    ("thirty", Lex::TensCardinal(30)),
    ("forty", Lex::TensCardinal(40)),
    ("fifty", Lex::TensCardinal(50)),
    ("sixty", Lex::TensCardinal(60)),
    ("seventy", Lex::TensCardinal(70)),
    ("eighty", Lex::TensCardinal(80)),
    ("ninety", Lex::TensCardinal(90)),
    // `first` .. `nineteenth`.
    ("first", Lex::Ordinal(1)),
    ("second", Lex::Ordinal(2)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("fifth", Lex::Ordinal(5)),
    ("sixth", Lex::Ordinal(6)),
    ("seventh", Lex::Ordinal(7)),
    ("eighth", Lex::Ordinal(8)),
    ("ninth", Lex::Ordinal(9)),
    ("tenth", Lex::Ordinal(10)),
    ("eleventh", Lex::Ordinal(11)),
    ("twelfth", Lex::Ordinal(12)),
    ("thirteenth", Lex::Ordinal(13)),
    ("fourteenth", Lex::Ordinal(14)),
    ("fifteenth", Lex::Ordinal(15)),
    ("sixteenth", Lex::Ordinal(16)),
    ("seventeenth", Lex::Ordinal(17)),
    ("eighteenth", Lex::Ordinal(18)),
    ("nineteenth", Lex::Ordinal(19)),
    // `twentieth` .. `ninetieth`, `hundredth`.
    ("twentieth", Lex::TensOrdinal(20)),
    ("thirtieth", Lex::TensOrdinal(30)),
    ("fortieth", Lex::TensOrdinal(40)),
    ("fiftieth", Lex::TensOrdinal(50)),
    ("sixtieth", Lex::TensOrdinal(60)),
    ("seventieth", Lex::TensOrdinal(70)),
    ("eightieth", Lex::TensOrdinal(80)),
    ("ninetieth", Lex::TensOrdinal(90)),
    ("hundredth", Lex::TensOrdinal(100)),
    // Words a rule may begin with.
    ("the", Lex::Cue(Cue::The)),
    ("from", Lex::Cue(Cue::From)),
    ("between", Lex::Cue(Cue::Between)),
    ("since", Lex::Cue(Cue::Since)),
    ("last", Lex::Cue(Cue::Last)),
    ("next", Lex::Cue(Cue::Next)),
    ("this", Lex::Cue(Cue::This)),
    ("coming", Lex::Cue(Cue::Coming)),
    ("past", Lex::Cue(Cue::Past)),
    ("previous", Lex::Cue(Cue::Previous)),
    ("current", Lex::Cue(Cue::Current)),
    ("early", Lex::Cue(Cue::Early)),
    ("late", Lex::Cue(Cue::Late)),
    ("mid", Lex::Cue(Cue::Mid)),
    ("earlier", Lex::Cue(Cue::Earlier)),
    ("later", Lex::Cue(Cue::Later)),
    ("end", Lex::Cue(Cue::End)),
    ("beginning", Lex::Cue(Cue::Beginning)),
    ("start", Lex::Cue(Cue::Start)),
    ("middle", Lex::Cue(Cue::Middle)),
    ("today", Lex::Cue(Cue::Today)),
    ("tonight", Lex::Cue(Cue::Tonight)),
    ("yesterday", Lex::Cue(Cue::Yesterday)),
    ("tomorrow", Lex::Cue(Cue::Tomorrow)),
    ("recent", Lex::Cue(Cue::Recent)),
    ("juche", Lex::Cue(Cue::Juche)),
    ("a", Lex::Cue(Cue::A)),
    ("an", Lex::Cue(Cue::A)),
];

/// A word of up to 12 ASCII letters as a number, five bits a letter (`a` and `A` are 1, `z`
/// and `Z` 26): equal numbers, equal words but for case.
pub(crate) const fn word_key(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() {
        k = (k << 5) | (w[i] & 31) as u64;
        i += 1;
    }
    k
}

/// The order that sorts `keys` (stable: equal keys keep theirs), for tables built at compile
/// time and searched by key.
pub(crate) const fn key_order<const N: usize>(keys: &[u64; N]) -> [usize; N] {
    let mut order = [0usize; N];
    let mut i = 0;
    while i < N {
        order[i] = i;
        i += 1;
    }
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[order[j - 1]] > keys[order[j]] {
            let k = order[j];
            order[j] = order[j - 1];
            order[j - 1] = k;
            j -= 1;
        }
        i += 1;
    }
    order
}

/// The [`LEXICON`] by [`word_key`], sorted for a binary search (how words were first looked
/// up; the tests hold [`LEX_TABLE`] to it).
#[cfg(test)]
static LEX_KEYS: [(u64, Lex); LEXICON.len()] = {
    let mut raw = [0u64; LEXICON.len()];
    let mut i = 0;
    while i < LEXICON.len() {
        raw[i] = word_key(LEXICON[i].0.as_bytes());
        i += 1;
    }
    let order = key_order(&raw);
    let mut keys = [(0u64, Lex::Other); LEXICON.len()];
    let mut i = 0;
    while i < LEXICON.len() {
        keys[i] = (raw[order[i]], LEXICON[order[i]].1);
        i += 1;
    }
    keys
};

/// Where a [`word_key`] is first looked for in [`LEX_TABLE`]: its top bits once multiplied.
const fn lex_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize
}

/// The [`LEXICON`] by [`word_key`] in an open-addressed table a little under half full (no
/// key is 0, the mark of an empty slot): a word is found in a probe or two, where a binary
/// search of the sorted keys took seven.
static LEX_TABLE: [(u64, Lex); 256] = {
    let mut table = [(0u64, Lex::Other); 256];
    let mut i = 0;
    while i < LEXICON.len() {
        let key = word_key(LEXICON[i].0.as_bytes());
        let mut slot = lex_slot(key);
        while table[slot].0 != 0 {
            slot = (slot + 1) & 255;
        }
        table[slot] = (key, LEXICON[i].1);
        i += 1;
    }
    table
};

/// For each length and first letter (`letter & 31`), the last letters of the [`LEXICON`]'s
/// words: most words are ruled out by one bit, without a search.
static LEX_ENDS: [[u32; 32]; 12] = {
    let mut ends = [[0u32; 32]; 12];
    let mut i = 0;
    while i < LEXICON.len() {
        let w = LEXICON[i].0.as_bytes();
        ends[w.len()][(w[0] & 31) as usize] |= 1 << (w[w.len() - 1] & 31);
        i += 1;
    }
    ends
};

impl Lex {
    /// The meaning of the lower-case word `w` ([`LEXICON`]).
    pub(crate) fn of(w: &str) -> Lex {
        let b = w.as_bytes();
        if b.iter().all(u8::is_ascii_lowercase) {
            Lex::of_letters(b)
        } else {
            Lex::Other
        }
    }

    /// Whether a run of ASCII letters may be a word of the [`LEXICON`]: its length and its
    /// first and last letters are those of one. Most words are ruled out by this bit.
    #[inline(always)]
    fn may_name(w: &[u8]) -> bool {
        let (Some(lasts), Some(&first), Some(&last)) = (LEX_ENDS.get(w.len()), w.first(), w.last()) else {
            return false;
        };
        lasts[usize::from(first & 31)] & (1 << (last & 31)) != 0
    }

    /// The meaning of a run of ASCII letters in any case.
    #[inline(never)]
    fn of_letters(w: &[u8]) -> Lex {
        if !Lex::may_name(w) {
            return Lex::Other;
        }
        let key = word_key(w);
        let mut slot = lex_slot(key);
        loop {
            let (k, lex) = LEX_TABLE[slot];
            if k == key {
                return lex;
            }
            if k == 0 {
                return Lex::Other;
            }
            slot = (slot + 1) & (LEX_TABLE.len() - 1);
        }
    }
}

/// End of the run of ASCII letters starting at byte `at`, found eight bytes at a time.
#[inline]
fn ascii_letters_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    while let Some(eight) = bytes.get(at..at + 8) {
        let mut b = [0u8; 8];
        b.copy_from_slice(eight);
        let x = u64::from_le_bytes(b);
        // `| 0x20` folds `A..=Z` onto `a..=z` and nothing else onto them; the high bit of a
        // byte is set when it is at least `a`, and when it is past `z`, as neither sum carries
        // into the next byte.
        let t = (x | (ONES * 0x20)) & !HIGH;
        let letter = (t + ONES * (0x80 - u64::from(b'a'))) & !(t + ONES * (0x7f - u64::from(b'z'))) & !x & HIGH;
        let other = !letter & HIGH;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
        at += 1;
    }
    at
}

/// End of the run of letters starting at byte `at` (ASCII read a byte at a time).
fn letters_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
            at += 1;
        }
        if bytes.get(at).is_none_or(u8::is_ascii) {
            return at;
        }
        match text.get(at..).and_then(|r| r.chars().next()) {
            Some(c) if c.is_alphabetic() => at += c.len_utf8(),
            _ => return at,
        }
    }
}

/// What a byte begins: [`tokenize`] dispatches on it, and runs of letters and digits are
/// read by it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Space, tab, vertical tab, form feed, carriage return.
    Space,
    Newline,
    Lower,
    Upper,
    Digit,
    /// Any other ASCII byte: a punctuation token.
    Punct,
    /// A byte of a character outside ASCII.
    Wide,
}

static CLASS: [Class; 256] = {
    let mut t = [Class::Punct; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' | b'\t' | 0x0b | 0x0c | b'\r' => Class::Space,
            b'\n' => Class::Newline,
            b'a'..=b'z' => Class::Lower,
            b'A'..=b'Z' => Class::Upper,
            b'0'..=b'9' => Class::Digit,
            0x80.. => Class::Wide,
            _ => Class::Punct,
        };
        b += 1;
    }
    t
};

/// The class of the byte at `i`; [`Class::Space`] past the end (it continues no word).
#[inline]
fn class_at(bytes: &[u8], i: usize) -> Class {
    bytes.get(i).map_or(Class::Space, |&b| CLASS[usize::from(b)])
}

/// Splits `text` into tokens; one pass over its bytes, each class told by a table, a word's
/// lexicon key packed as its letters are read, one copy of the text lowercased and no other
/// allocation but for words outside ASCII.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Tokens {
    let (mut toks, mut low) = (Vec::new(), String::new());
    tokenize_into(text, &mut toks, &mut low, &mut Vec::new());
    Tokens { toks, low }
}

/// [`tokenize`] into buffers that may be kept from an earlier text: `out` gets the tokens,
/// `low` the lowercased text and `named` the indices of the tokens a rule may begin at
/// (numbers, ordinals and words that name something), whatever they held before.
pub(crate) fn tokenize_into(text: &str, out: &mut Vec<Tok>, low: &mut String, named: &mut Vec<u32>) {
    let bytes = text.as_bytes();
    low.clear();
    low.push_str(text);
    low.make_ascii_lowercase();
    out.clear();
    out.reserve(text.len() / 5 + 1);
    named.clear();
    let mut ws = true;
    let mut nls: u8 = 0;
    let mut i = 0;
    // Each kind of token is pushed where it is read, its constant fields written as
    // constants.
    let tok = |kind: TK, start: usize, end: usize, ws: bool, nls: u8| Tok {
        kind,
        start,
        end,
        lo: start as u32,
        hi: end as u32,
        ch: '\0',
        cap: false,
        num: None,
        nd: 0,
        ws,
        nls,
        lex: Lex::Other,
    };
    while let Some(&b) = bytes.get(i) {
        let start = i;
        match CLASS[usize::from(b)] {
            Class::Space => {
                ws = true;
                i += 1;
                continue;
            }
            Class::Newline => {
                ws = true;
                nls = nls.saturating_add(1);
                i += 1;
                continue;
            }
            class @ (Class::Lower | Class::Upper) => {
                i = ascii_letters_end(bytes, i + 1);
                let ascii_end = i;
                if class_at(bytes, i) == Class::Wide {
                    i = letters_end(text, i);
                }
                let cap = class == Class::Upper;
                if i == ascii_end {
                    let w = &bytes[start..i];
                    let lex = if Lex::may_name(w) { Lex::of_letters(w) } else { Lex::Other };
                    if lex != Lex::Other {
                        named.push(out.len() as u32);
                    }
                    out.push(Tok { cap, lex, ..tok(TK::Word, start, i, ws, nls) });
                } else {
                    push_lowered(out, low, named, text, Tok { cap, ..tok(TK::Word, start, i, ws, nls) });
                }
            }
            Class::Digit => {
                // Past u32::MAX the value stays past it.
                let mut n = 0u64;
                while let Some(&d) = bytes.get(i).filter(|d| d.is_ascii_digit()) {
                    n = n.saturating_mul(10).saturating_add(u64::from(d - b'0'));
                    i += 1;
                }
                let (num, nd) = (u32::try_from(n).ok(), i - start);
                // Letters glued to digits: an ordinal suffix, or a code like "5G".
                let mut kind = TK::Num;
                let mut lowered = false;
                if matches!(class_at(bytes, i), Class::Lower | Class::Upper | Class::Wide) {
                    let dend = i;
                    i = letters_end(text, i);
                    let suffix = &bytes[dend..i];
                    if suffix.is_empty() {
                    } else if matches!(suffix, [b's' | b'S', b't' | b'T'] | [b'n' | b'N', b'd' | b'D'] | [b'r' | b'R', b'd' | b'D'] | [b't' | b'T', b'h' | b'H']) {
                        kind = TK::Ord;
                    } else {
                        kind = TK::Word;
                        lowered = !text[start..i].is_ascii();
                    }
                }
                let t = Tok { num, nd, ..tok(kind, start, i, ws, nls) };
                if lowered {
                    push_lowered(out, low, named, text, t);
                } else {
                    if kind != TK::Word {
                        named.push(out.len() as u32);
                    }
                    out.push(t);
                }
            }
            Class::Wide => {
                let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                    break;
                };
                i += c.len_utf8();
                if c.is_whitespace() {
                    ws = true;
                    continue;
                }
                if c.is_alphabetic() {
                    i = letters_end(text, i);
                    push_lowered(out, low, named, text, Tok { cap: c.is_uppercase(), ..tok(TK::Word, start, i, ws, nls) });
                } else {
                    out.push(Tok { ch: c, ..tok(TK::Punct, start, i, ws, nls) });
                }
            }
            Class::Punct => {
                i += 1;
                out.push(Tok { ch: char::from(b), ..tok(TK::Punct, start, i, ws, nls) });
            }
        }
        ws = false;
        nls = 0;
        // One space after a token is the common case: passed over here, not dispatched.
        if bytes.get(i) == Some(&b' ') {
            ws = true;
            i += 1;
        }
    }
}

/// Pushes the word `t` of `text` with its text lowercased after the text in `low` (a word
/// outside ASCII may change its length when lowercased), and what it names.
#[cold]
fn push_lowered(out: &mut Vec<Tok>, low: &mut String, named: &mut Vec<u32>, text: &str, mut t: Tok) {
    let word = text[t.start..t.end].to_lowercase();
    t.lo = low.len() as u32;
    low.push_str(&word);
    t.hi = low.len() as u32;
    t.lex = Lex::of(&word);
    if t.lex != Lex::Other {
        named.push(out.len() as u32);
    }
    out.push(t);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`tokenize`] as it was written first: a match on each byte, and each word looked up
    /// in the lowercased copy after it is read.
    fn tokenize_plainly(text: &str) -> Tokens {
        let bytes = text.as_bytes();
        let mut low = text.to_ascii_lowercase();
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        let mut ws = true;
        let mut nls: u8 = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let start = i;
            let mut num = None;
            let mut nd = 0;
            // Kind, capitalised, the punctuation character; `i` moves past the token.
            let (kind, cap, ch) = match b {
                b' ' | b'\t' | 0x0b | 0x0c | b'\r' => {
                    ws = true;
                    i += 1;
                    continue;
                }
                b'\n' => {
                    ws = true;
                    nls = nls.saturating_add(1);
                    i += 1;
                    continue;
                }
                b'a'..=b'z' | b'A'..=b'Z' => {
                    i = letters_end(text, i + 1);
                    (TK::Word, b.is_ascii_uppercase(), '\0')
                }
                b'0'..=b'9' => {
                    let mut n = Some(0u32);
                    while let Some(d) = bytes.get(i).filter(|d| d.is_ascii_digit()) {
                        n = n
                            .and_then(|n| n.checked_mul(10))
                            .and_then(|n| n.checked_add(u32::from(d - b'0')));
                        i += 1;
                    }
                    (num, nd) = (n, i - start);
                    // Letters glued to digits: an ordinal suffix, or a code like "5G".
                    let dend = i;
                    i = letters_end(text, i);
                    let suffix = &text[dend..i];
                    let kind = if suffix.is_empty() {
                        TK::Num
                    } else if ["st", "nd", "rd", "th"]
                        .iter()
                        .any(|s| suffix.eq_ignore_ascii_case(s))
                    {
                        TK::Ord
                    } else {
                        TK::Word
                    };
                    (kind, false, '\0')
                }
                0x80.. => {
                    let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                        break;
                    };
                    i += c.len_utf8();
                    if c.is_whitespace() {
                        ws = true;
                        continue;
                    }
                    if c.is_alphabetic() {
                        i = letters_end(text, i);
                        (TK::Word, c.is_uppercase(), '\0')
                    } else {
                        (TK::Punct, false, c)
                    }
                }
                _ => {
                    i += 1;
                    (TK::Punct, false, char::from(b))
                }
            };
            let (mut lo, mut hi) = (start, i);
            let mut lex = Lex::Other;
            if kind == TK::Word {
                let word = &text[start..i];
                if !word.is_ascii() {
                    lo = low.len();
                    low.push_str(&word.to_lowercase());
                    hi = low.len();
                }
                lex = Lex::of(&low[lo..hi]);
            }
            out.push(Tok {
                kind,
                start,
                end: i,
                lo: lo as u32,
                hi: hi as u32,
                ch,
                cap,
                num,
                nd,
                ws,
                nls,
                lex,
            });
            ws = false;
            nls = 0;
        }
        Tokens { toks: out, low }
    }

    /// Strings of words, numbers, ordinals, codes, punctuation, spaces and other scripts,
    /// glued or spaced at random.
    fn random_texts(n: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "May", "may", "MAY", "Sept", "sept.", "Friday", "the", "An", "a", "seventeenth", "hundredth", "twenty", "-",
            "extraordinarily", "abcdefghijklm", "Juche", "since", "3", "19", "2024", "99999999999", "4294967296", "0000000000007",
            "st", "ND", "rd", "Th", "x", "G", "é", "Ä", "ü", "\u{212a}", "\u{130}", "日本", "—", "\u{a0}", "\u{2028}", " ", " ",
            "  ", "\n", "\n\n", "\t", "\r", "\u{b}", "\u{c}", ",", ".", "'", "’", "(", ")", ":", "/", "%", "@", "`", "[", "{",
            "\u{7f}", "\u{1}",
        ];
        let mut next = crate::test_rng(0x2545_f491_4f6c_dd1du64);
        (0..n)
            .map(|_| (0..next(40)).map(|_| PIECES[next(PIECES.len())]).collect())
            .collect()
    }

    #[test]
    fn tokenize_agrees_with_the_plain_tokenizer_on_random_texts() {
        let shown = |t: &Tokens| (format!("{:?}", t.toks), t.low.clone());
        let mut words = 0;
        for text in random_texts(20_000) {
            let (fast, plain) = (tokenize(&text), tokenize_plainly(&text));
            assert_eq!(shown(&fast), shown(&plain), "{text:?}");
            // The tokens noted as naming something are those a rule may begin at.
            let (mut toks, mut low, mut named) = (Vec::new(), String::new(), Vec::new());
            tokenize_into(&text, &mut toks, &mut low, &mut named);
            let may_start = |t: &Tok| matches!(t.kind, TK::Num | TK::Ord) || (t.kind == TK::Word && t.lex != Lex::Other);
            let expected: Vec<u32> = (0..toks.len()).filter(|&k| may_start(&toks[k])).map(|k| k as u32).collect();
            assert_eq!(named, expected, "{text:?}");
            words += fast.toks.iter().filter(|t| t.lex != Lex::Other).count();
        }
        assert!(words > 10_000, "{words}");
        for &(w, _) in LEXICON {
            for text in [w.to_string(), w.to_uppercase(), format!("{w}é"), format!("é{w}"), format!("1{w}"), format!("{w}1"), format!("({w}),")] {
                assert_eq!(shown(&tokenize(&text)), shown(&tokenize_plainly(&text)), "{text:?}");
            }
        }
    }

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

    #[test]
    fn the_lexicon_table_finds_what_a_binary_search_finds() {
        let by_search = |w: &[u8]| {
            if !Lex::may_name(w) {
                return Lex::Other;
            }
            LEX_KEYS.binary_search_by_key(&word_key(w), |e| e.0).map_or(Lex::Other, |k| LEX_KEYS[k].1)
        };
        let mut words: Vec<String> = LEXICON.iter().map(|e| e.0.to_string()).collect();
        let mut next = crate::test_rng(0x51_7cc1_b727_220au64);
        for _ in 0..200_000 {
            // Lexicon words bent a little, and random runs of letters.
            let mut w: Vec<u8> = if next(2) == 0 { LEXICON[next(LEXICON.len())].0.bytes().collect() } else { Vec::new() };
            for _ in 0..next(4) {
                let c = b"aeinorstyhdjmfwAEZ"[next(18)];
                match next(3) {
                    0 => w.push(c),
                    1 if !w.is_empty() => {
                        let k = next(w.len());
                        w[k] = c;
                    }
                    _ => w.insert(0, c),
                }
            }
            words.push(String::from_utf8(w).unwrap());
        }
        let mut named = 0;
        for w in &words {
            assert_eq!(Lex::of_letters(w.as_bytes()), by_search(w.as_bytes()), "{w}");
            assert_eq!(Lex::of_letters(w.to_uppercase().as_bytes()), by_search(w.as_bytes()), "{w}");
            named += usize::from(by_search(w.as_bytes()) != Lex::Other);
        }
        assert!(named > 10_000, "{named}");
    }

    #[test]
    fn every_lexicon_word_and_no_other_has_a_meaning() {
        let mut seen = std::collections::HashSet::new();
        for &(w, lex) in LEXICON {
            assert!(seen.insert(w), "{w} twice");
            assert!(!w.is_empty() && w.len() <= 11 && w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            assert_eq!(Lex::of(w), lex, "{w}");
            for other in [format!("{w}s"), format!("x{w}"), w[1..].to_string(), w[..w.len() - 1].to_string(), w.to_uppercase(), format!("{w}é"), format!("{w}1")] {
                let expected = LEXICON.iter().find(|e| e.0 == other).map_or(Lex::Other, |e| e.1);
                assert_eq!(Lex::of(&other), expected, "{other}");
            }
        }
        for w in ["", "b", "said", "thé", "seventeenthx", "abcdefghijklm", "\u{212a}"] {
            assert_eq!(Lex::of(w), Lex::Other, "{w}");
        }
    }
}
