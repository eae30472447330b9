//! Temporal expressions in English diplomatic text, resolved to dates given
//! the document date.
//!
//! [`find`] returns every expression in a text — absolute dates, Juche
//! years, relative expressions ("last year", "on Monday"), ranges,
//! durations and anniversaries — left to right and non-overlapping, each
//! with its byte span, value, the name of the rule that read it and a
//! one-line explanation ([`find_unexplained`] skips the explanation).
//! [`doc_date_from_text`] reads a document's own
//! issue date (datelines, sign-offs, mirror boilerplate), and
//! [`is_future_marker`] tells the caller when a clause is future so it can
//! prefer [`TimeExpr::future_value`].
//!
//! Everything is a pure function of its inputs: no I/O, no clock (the
//! document date stands in for "now"), no dependencies. Nothing panics on
//! any input; malformed dates ("February 30", "Juche 0") simply yield no
//! expression. The crate does not decide which expression dates which
//! event: that is the coder's job.
//!
//! ```
//! use dyad_dates::{find, Context, PartialDate};
//!
//! let ctx = Context { doc_date: PartialDate::ymd(2020, 4, 23), known: &[] };
//! let text = "Exports rose between June and August of last year.";
//! let found = find(text, &ctx);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].value.to_string(), "2019-06/2019-08");
//! assert_eq!(found[0].rule, "month-range-of-relative-year");
//! assert_eq!(&text[found[0].start..found[0].end], "between June and August of last year");
//! ```

mod absolute;
mod anniversary;
mod calendar;
mod dateline;
mod future;
mod historic;
mod impossible;
mod juche;
mod ranges;
mod relative;
mod resolve;
mod scan;
mod token;

pub use calendar::{days_in_month, is_leap, DateValue, ParseDateError, PartialDate};
pub use dateline::doc_date_from_text;
pub use future::is_future_marker;
pub use historic::historic_dates;
pub use impossible::{impossible, Impossible};
pub use juche::JUCHE_OFFSET;

use scan::{Cand, Scan};

/// Broad family of an expression, for the coder's weighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Absolute,
    Juche,
    Relative,
    Range,
    Duration,
    Anniversary,
    Weekday,
}

/// One temporal expression found in a text.
#[derive(Clone, Debug)]
pub struct TimeExpr {
    /// Byte offsets into the text passed to [`find`]; `text[start..end]` is the expression.
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    pub kind: Kind,
    /// Name of the rule that read it, e.g. "month-range-of-relative-year".
    pub rule: &'static str,
    /// The value if the governing verb is future ("on Monday" -> next Monday).
    pub future_value: Option<DateValue>,
    /// One line: "between June and August of last year -> 2019-06/2019-08 (last year = doc year 2020 - 1)".
    pub explanation: String,
}

/// What expressions are resolved against.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The document's issue date, usually at day precision.
    pub doc_date: Option<PartialDate>,
    /// Events the document itself dated, for "the first anniversary of the
    /// historic visit": (keywords, date), e.g. (["visit"], 2019-04).
    pub known: &'a [(Vec<String>, DateValue)],
}

impl Context<'static> {
    /// A context with a doc date and no known events.
    pub fn new(doc_date: Option<PartialDate>) -> Self {
        Context {
            doc_date,
            known: &[],
        }
    }
}

/// All temporal expressions in `text`, left to right, non-overlapping (longest wins).
pub fn find(text: &str, ctx: &Context) -> Vec<TimeExpr> {
    find_with(text, ctx, true)
}

/// [`find`] without the one-line explanations (`explanation` is left empty), for callers
/// that never show them: no rule formats its reasons, nor is any expression described.
pub fn find_unexplained(text: &str, ctx: &Context) -> Vec<TimeExpr> {
    find_with(text, ctx, false)
}

fn find_with(text: &str, ctx: &Context, explain: bool) -> Vec<TimeExpr> {
    // Most sentences of a text name no time at all: a cheap look for the words every rule
    // needs saves scanning them.
    if !may_contain_date(text) {
        return Vec::new();
    }
    let scan = Scan::new(text, ctx, explain);
    let mut cands: Vec<Cand> = Vec::new();
    // Rule families in order of specificity: on equal spans the first wins.
    for i in 0..scan.toks.len() {
        juche::candidates(&scan, i, &mut cands);
        anniversary::candidates(&scan, i, &mut cands);
        ranges::candidates(&scan, i, &mut cands);
        absolute::candidates(&scan, i, &mut cands);
        relative::candidates(&scan, i, &mut cands);
    }
    select(&scan, cands, explain)
}

/// Words without which no rule fires (besides digits): months, weekdays, calendar units,
/// deictic days, `ago`, `recent`, `past`, `anniversary`, `Juche`. Given in lower case.
fn is_cue(w: &[u8]) -> bool {
    matches!(
        w,
        b"january" | b"february" | b"march" | b"april" | b"may" | b"june" | b"july" | b"august" | b"september"
            | b"october" | b"november" | b"december" | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug"
            | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" | b"monday" | b"tuesday" | b"wednesday" | b"thursday"
            | b"friday" | b"saturday" | b"sunday" | b"today" | b"tonight" | b"yesterday" | b"tomorrow" | b"day"
            | b"days" | b"week" | b"weeks" | b"weekend" | b"month" | b"months" | b"year" | b"years" | b"decade"
            | b"decades" | b"century" | b"ago" | b"recent" | b"recently" | b"past" | b"anniversary" | b"juche"
            | b"fortnight" | b"quarter" | b"morning" | b"afternoon" | b"evening" | b"night" | b"overnight"
            | b"previous"
    )
}

/// Whether `text` may hold a temporal expression: a digit or one of the cue words (a run of
/// ASCII letters, in any case). Every sentence is asked, so it reads bytes and allocates
/// nothing.
pub fn may_contain_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut word = [0u8; 11];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            return true;
        }
        if !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let run = &bytes[start..i];
        if (3..=11).contains(&run.len()) {
            for (w, b) in word.iter_mut().zip(run) {
                *w = b.to_ascii_lowercase();
            }
            if is_cue(&word[..run.len()]) {
                return true;
            }
        }
    }
    false
}

/// Longest-first greedy choice of non-overlapping candidates.
fn select(scan: &Scan, cands: Vec<Cand>, explain: bool) -> Vec<TimeExpr> {
    let mut spanned: Vec<(usize, usize, Cand)> = cands
        .into_iter()
        .filter_map(|c| {
            scan.span(c.a, c.b)
                .filter(|(a, b)| a < b)
                .map(|(a, b)| (a, b, c))
        })
        .collect();
    spanned.sort_by(|x, y| (y.1 - y.0).cmp(&(x.1 - x.0)).then(x.0.cmp(&y.0)));
    let mut chosen: Vec<(usize, usize, Cand)> = Vec::new();
    for c in spanned {
        if chosen.iter().all(|k| c.1 <= k.0 || c.0 >= k.1) {
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.0);
    chosen
        .into_iter()
        .map(|(start, end, c)| {
            let explanation = if explain {
                let surface: String = scan
                    .text
                    .get(start..end)
                    .unwrap_or("")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                format!("{} -> {} ({})", surface, c.value, c.why)
            } else {
                String::new()
            };
            TimeExpr {
                start,
                end,
                explanation,
                value: c.value,
                kind: c.kind,
                rule: c.rule,
                future_value: c.future,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::may_contain_date;

    #[test]
    fn a_digit_or_a_cue_word_may_hold_a_date() {
        assert!(may_contain_date("G20"));
        assert!(may_contain_date("They met LAST WEEK."));
        assert!(may_contain_date("on Monday"));
        assert!(may_contain_date("the anniversary"));
        assert!(!may_contain_date("Russia condemned Japan."));
        assert!(!may_contain_date("Mayor Weekly"));
        assert!(!may_contain_date("extraordinarily-long-wordings é"));
        assert!(!may_contain_date(""));
    }
}
