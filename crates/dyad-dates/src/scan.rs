//! The token view every rule reads, and the small parsers rules share.
//!
//! Main type: [`Scan`] — the tokens of one text plus the [`Context`], with
//! bounds-checked accessors (every lookup past the end is simply "no match",
//! so no rule can panic on short or odd input), sentence ids, and parsers for
//! the recurring pieces: month names, day numbers, four-digit years,
//! cardinals and ordinals. [`Cand`] is what a rule proposes. This module does
//! not decide which candidate wins; `find` does.

use crate::token::{tokenize_into, Cue, Lex, Tok, TK};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

use crate::{days_in_month, Context, DateValue, Kind, PartialDate};

/// Why a rule read an expression as it did: a fixed phrase, or one formatted only when the
/// [`Scan`] explains (else empty, so that finding dates builds no explanations).
pub(crate) type Why = Cow<'static, str>;

/// A rule's proposal: tokens `a..=b`, the value, and why.
pub(crate) struct Cand {
    pub a: usize,
    pub b: usize,
    pub value: DateValue,
    pub kind: Kind,
    pub rule: &'static str,
    pub future: Option<DateValue>,
    pub why: Why,
}

/// What a [`Scan`] writes into, kept from one scan for the next.
#[derive(Default)]
pub(crate) struct Buffers {
    pub toks: Vec<Tok>,
    pub low: String,
    pub named: Vec<u32>,
    pub sents: Vec<u32>,
}

pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// The lowercased text the tokens point into.
    low: String,
    /// The tokens a rule may begin at, in order: numbers, ordinals and words that name
    /// something (a month, a weekday, a number word or a [`Cue`]). No rule begins anywhere
    /// else, so `find` passes over the rest without asking the rule families.
    pub named: Vec<u32>,
    pub ctx: &'a Context<'a>,
    /// Rules say why they read an expression as they did ([`Scan::why`]).
    explain: bool,
    /// Each token's sentence number, worked out when a rule first asks (few do).
    sents: OnceCell<Vec<u32>>,
    /// The buffer `sents` is written into.
    spare_sents: Cell<Vec<u32>>,
    /// A rule has read, or would have read had it held any, the events of
    /// [`Context::known`]: what is found may change as they do.
    pub read_known: Cell<bool>,
}

/// Words after which a '.' does not end a sentence ("Oct. 19", "Mr. Kim").
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "gen", "col", "lt", "no", "vs", "jr", "sr", "prof", "gov", "sen",
    "rep",
];

fn ends_sentence(toks: &[Tok], low: &str, k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    if t.kind != TK::Punct {
        return false;
    }
    match t.ch {
        '!' | '?' => true,
        '.' => {
            if toks.get(k + 1).is_some_and(|n| !n.ws) {
                return false; // "20.06.2024", "U.S."
            }
            match k.checked_sub(1).and_then(|p| toks.get(p)) {
                Some(p) if p.kind == TK::Word => {
                    let w = low.get(p.lo as usize..p.hi as usize).unwrap_or("");
                    !(ABBREVIATIONS.contains(&w) || w.chars().count() == 1)
                }
                _ => true,
            }
        }
        _ => false,
    }
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str, ctx: &'a Context<'a>, explain: bool) -> Self {
        Scan::with_buffers(text, ctx, explain, Buffers::default())
    }

    /// The scan of `text`, written into buffers that may be kept from an earlier scan
    /// ([`Scan::into_buffers`]) rather than allocated again (whatever they held is dropped).
    pub fn with_buffers(text: &'a str, ctx: &'a Context<'a>, explain: bool, buffers: Buffers) -> Self {
        let Buffers { mut toks, mut low, mut named, sents } = buffers;
        tokenize_into(text, &mut toks, &mut low, &mut named);
        Scan {
            text,
            toks,
            low,
            named,
            ctx,
            explain,
            sents: OnceCell::new(),
            spare_sents: Cell::new(sents),
            read_known: Cell::new(false),
        }
    }

    /// The buffers, for the next [`Scan::with_buffers`].
    pub fn into_buffers(self) -> Buffers {
        let sents = self.sents.into_inner().unwrap_or_else(|| self.spare_sents.into_inner());
        Buffers { toks: self.toks, low: self.low, named: self.named, sents }
    }

    /// Each token's sentence number: a blank line or a sentence's end begins the next.
    fn sents(&self) -> &[u32] {
        self.sents.get_or_init(|| {
            let mut ids = self.spare_sents.take();
            ids.clear();
            let mut id = 0u32;
            ids.extend((0..self.toks.len()).map(|k| {
                if k > 0 && (self.toks[k].nls >= 2 || ends_sentence(&self.toks, &self.low, k - 1)) {
                    id += 1;
                }
                id
            }));
            ids
        })
    }


    /// `f()` when the scan explains, else an empty reason (formatting it would be wasted).
    pub fn why(&self, f: impl FnOnce() -> String) -> Why {
        if self.explain {
            Cow::Owned(f())
        } else {
            Cow::Borrowed("")
        }
    }

    #[inline]
    pub fn t(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Lowercased word at `i` (words only).
    #[inline]
    pub fn w(&self, i: usize) -> Option<&str> {
        self.t(i)
            .filter(|t| t.kind == TK::Word)
            .and_then(|t| self.low.get(t.lo as usize..t.hi as usize))
    }

    #[inline]
    pub fn is_w(&self, i: usize, w: &str) -> bool {
        self.w(i) == Some(w)
    }

    pub fn w_in(&self, i: usize, ws: &[&str]) -> bool {
        self.w(i).is_some_and(|w| ws.contains(&w))
    }

    /// Previous token's word, if `i` has a previous token.
    pub fn prev_w(&self, i: usize) -> Option<&str> {
        i.checked_sub(1).and_then(|p| self.w(p))
    }

    #[inline]
    pub fn p(&self, i: usize) -> Option<char> {
        self.t(i).filter(|t| t.kind == TK::Punct).map(|t| t.ch)
    }

    #[inline]
    pub fn is_p(&self, i: usize, c: char) -> bool {
        self.p(i) == Some(c)
    }

    pub fn is_dash(&self, i: usize) -> bool {
        matches!(self.p(i), Some('-' | '–' | '—'))
    }

    /// Token `i` exists and touches the previous one (no whitespace between).
    #[inline]
    pub fn tight(&self, i: usize) -> bool {
        i > 0 && self.t(i).is_some_and(|t| !t.ws)
    }

    pub fn cap(&self, i: usize) -> bool {
        self.t(i).is_some_and(|t| t.cap)
    }

    /// Plain number token (not an ordinal): (value, digit count).
    #[inline]
    pub fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t(i).filter(|t| t.kind == TK::Num)?;
        Some((t.num?, t.nd))
    }

    /// A number glued to a preceding word ("G20", "COVID19") is a code, not a date part.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.tight(i)
            && i.checked_sub(1)
                .and_then(|p| self.t(p))
                .is_some_and(|p| p.kind == TK::Word)
    }

    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        let sents = self.sents();
        match (sents.get(a), sents.get(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    /// First token of the sentence holding token `i`.
    pub fn sent_start(&self, i: usize) -> usize {
        let mut k = i.min(self.toks.len());
        while k > 0 && self.same_sentence(k - 1, i) {
            k -= 1;
        }
        k
    }

    /// Lowercased words of the sentence holding token `i`, with contractions
    /// re-joined ("won't") so the future-marker test sees whole words.
    pub fn sentence_words(&self, i: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut k = self.sent_start(i);
        while self.same_sentence(k, i) {
            if let Some(w) = self.w(k) {
                let joins = matches!(self.p(k.wrapping_sub(1)), Some('\'' | '’'))
                    && self.tight(k)
                    && k >= 2
                    && self.tight(k - 1)
                    && self.w(k - 2).is_some();
                match (joins, out.last_mut()) {
                    (true, Some(last)) => {
                        last.push('\'');
                        last.push_str(w);
                    }
                    _ => out.push(w.to_string()),
                }
            }
            k += 1;
        }
        out
    }

    /// The sentence holding token `i` reports something planned or future.
    pub fn sentence_future(&self, i: usize) -> bool {
        let words = self.sentence_words(i);
        let refs: Vec<&str> = words.iter().map(|s| s.as_str()).collect();
        crate::future::is_future_marker(&refs)
    }

    /// What the word at `i` names ([`Lex::Other`] for anything but a word).
    #[inline]
    fn lex(&self, i: usize) -> Lex {
        self.t(i)
            .filter(|t| t.kind == TK::Word)
            .map_or(Lex::Other, |t| t.lex)
    }

    /// The cue word at `i` ("the", "last", "since", ...), if it is one.
    #[inline]
    pub fn cue(&self, i: usize) -> Option<Cue> {
        match self.lex(i) {
            Lex::Cue(c) => Some(c),
            _ => None,
        }
    }

    /// A number or an ordinal ("19", "19th") at `i`.
    #[inline]
    pub fn numeric(&self, i: usize) -> bool {
        self.t(i).is_some_and(|t| matches!(t.kind, TK::Num | TK::Ord))
    }

    /// Capitalised month name (abbreviations may carry a glued '.').
    #[inline]
    pub fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.t(i).filter(|t| t.kind == TK::Word && t.cap)?;
        let Lex::Month(m, abbr) = t.lex else {
            return None;
        };
        if abbr && self.is_p(i + 1, '.') && self.tight(i + 1) {
            return Some((m, i + 2));
        }
        Some((m, i + 1))
    }

    /// A weekday name at `i`, in any case.
    #[inline]
    pub fn weekday(&self, i: usize) -> bool {
        matches!(self.lex(i), Lex::Weekday(_))
    }

    /// Capitalised weekday name.
    #[inline]
    pub fn weekday_at(&self, i: usize) -> Option<i64> {
        match self.t(i).filter(|t| t.kind == TK::Word && t.cap)?.lex {
            Lex::Weekday(d) => Some(i64::from(d)),
            _ => None,
        }
    }

    /// Day of month 1..=31 as "19" or "19th"; not part of "19:30", "19,000", "1.5".
    #[inline]
    pub fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.t(i)?;
        match t.kind {
            TK::Num if t.nd <= 2 => {}
            TK::Ord => {}
            _ => return None,
        }
        if self.glued(i) {
            return None;
        }
        let n = t.num?;
        if !(1..=31).contains(&n) {
            return None;
        }
        let continues = self.tight(i + 1)
            && matches!(self.p(i + 1), Some(':' | '.' | '/' | '%' | ','))
            && self.tight(i + 2)
            && self.num(i + 2).is_some();
        if t.kind == TK::Num && continues {
            return None;
        }
        Some((n as u8, i + 1))
    }

    /// Four-digit year 1000..=2999 (explicit dates may be historic).
    #[inline]
    pub fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let (n, nd) = self.num(i)?;
        if nd != 4 || !(1000..=2999).contains(&n) || self.glued(i) {
            return None;
        }
        Some((n as i32, i + 1))
    }

    /// A count: "3", "a", "one", "twenty-five".
    pub fn count_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, _)) = self.num(i) {
            if self.glued(i) || n > 1000 {
                return None;
            }
            return Some((n, i + 1));
        }
        let w = self.w(i)?;
        if w == "a" || w == "an" {
            return Some((1, i + 1));
        }
        let tens = match self.lex(i) {
            Lex::Cardinal(n) => return Some((n.into(), i + 1)),
            Lex::TensCardinal(tens) => u32::from(tens),
            _ => return None,
        };
        let j = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
        match self.lex(j) {
            Lex::Cardinal(u) if u < 10 => Some((tens + u32::from(u), j + 1)),
            _ => Some((tens, i + 1)),
        }
    }

    /// An ordinal: "75th", "first", "seventy-fifth", "one hundredth".
    pub fn ordinal_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t(i)?;
        if t.kind == TK::Ord {
            let n = t.num?;
            return (1..=1000).contains(&n).then_some((n, i + 1));
        }
        let tens = match self.lex(i) {
            Lex::Ordinal(n) | Lex::TensOrdinal(n) => return Some((n.into(), i + 1)),
            Lex::Cardinal(1) if self.is_w(i + 1, "hundredth") => return Some((100, i + 2)),
            Lex::TensCardinal(tens) => u32::from(tens),
            _ => return None,
        };
        let j = if self.is_dash(i + 1) { i + 2 } else { i + 1 };
        match self.lex(j) {
            Lex::Ordinal(u) if u < 10 => Some((tens + u32::from(u), j + 1)),
            _ => None,
        }
    }

    pub fn doc_y(&self) -> Option<i32> {
        self.ctx.doc_date.map(|d| d.year)
    }

    pub fn doc_ym(&self) -> Option<(i32, u8)> {
        let d = self.ctx.doc_date?;
        Some((d.year, d.month?))
    }

    /// Doc date as a day number (day precision required).
    pub fn doc_day(&self) -> Option<i64> {
        self.ctx.doc_date?.day_number()
    }

    /// The day `off` days from the doc date (day precision required), as
    /// `PartialDate::from_day_number(doc_day + off)` gives it: a day of the doc date's own
    /// month (most are: "yesterday", "on Monday") without the calendar arithmetic.
    pub fn doc_day_plus(&self, off: i64) -> Option<PartialDate> {
        let d = self.ctx.doc_date?;
        if let (Some(m), Some(day)) = (d.month, d.day) {
            let dim = days_in_month(d.year, m.into()).map_or(0, i64::from);
            let to = i64::from(day) + off;
            if (1..=dim).contains(&i64::from(day)) && (1..=dim).contains(&to) {
                return PartialDate::ymd(d.year, m.into(), to as u32);
            }
        }
        PartialDate::from_day_number(self.doc_day()?.checked_add(off)?)
    }

    /// Byte span of tokens a..=b.
    pub fn span(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        Some((self.t(a)?.start, self.t(b)?.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_told_by_its_lexicon_entry_as_by_its_letters() {
        // Rules ask `cue(i) == Some(Cue::Last)` where they asked `w(i) == Some("last")`.
        let cues = [
            ("the", Cue::The), ("last", Cue::Last), ("next", Cue::Next), ("this", Cue::This), ("coming", Cue::Coming),
            ("past", Cue::Past), ("previous", Cue::Previous), ("current", Cue::Current), ("recent", Cue::Recent),
        ];
        let ctx = Context { doc_date: None, known: &[] };
        let mut texts = crate::relative::tests::rule_word_texts(10_000);
        texts.extend(["LAST Last lAsT last- -last last1 1last lastx éthe theé The\u{212a} PAST".to_string()]);
        let mut seen = 0;
        for text in texts {
            let s = Scan::new(&text, &ctx, false);
            for i in 0..s.toks.len() + 1 {
                for (word, cue) in cues {
                    assert_eq!(s.w(i) == Some(word), s.cue(i) == Some(cue), "{text:?} at {i}");
                    seen += usize::from(s.w(i) == Some(word));
                }
            }
        }
        assert!(seen > 5_000, "{seen}");
    }

    #[test]
    fn a_day_near_the_doc_date_is_the_day_its_number_gives() {
        let mut docs = vec![None, Some(PartialDate::y(2024)), Some(PartialDate { year: 2024, month: Some(6), day: None })];
        for year in [1900, 2000, 2023, 2024, -1, 0, 9999] {
            for month in [0u8, 1, 2, 3, 4, 6, 12, 13, 255] {
                for day in [0u8, 1, 2, 15, 28, 29, 30, 31, 32, 255] {
                    docs.push(Some(PartialDate { year, month: Some(month), day: Some(day) }));
                }
            }
        }
        for doc_date in docs {
            let ctx = Context { doc_date, known: &[] };
            let s = Scan::new("", &ctx, false);
            for off in -800..=800 {
                let plainly = s.doc_day().and_then(|n| PartialDate::from_day_number(n + off));
                assert_eq!(s.doc_day_plus(off), plainly, "{doc_date:?} {off}");
            }
        }
    }
}
