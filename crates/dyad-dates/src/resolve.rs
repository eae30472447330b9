//! Anchoring partial expressions to the document date.
//!
//! Main items: [`infer_md`] (a month and day without a year), [`month_year`]
//! (a bare month under a [`MonthMode`]), [`rel_unit_at`] / [`rel_value`]
//! ("last week", "this month", "next year") and [`sentence_rel_year`] (the
//! year an earlier "last year" in the same sentence set). Everything
//! returns None when the document date lacks the precision needed, which is
//! how relative expressions "resolve to nothing" without a doc date. This
//! module does not match whole expressions or choose between them.

use crate::calendar::{add_months, weekday};
use crate::scan::{Scan, Why};
use crate::token::Cue;
use crate::{DateValue, PartialDate};

/// How far a written month-day may sit after the doc date before we assume
/// the writer meant last year (reports look back far more than ahead).
const LOOKAHEAD_DAYS: i64 = 61;

/// Year for a month-day written without one. Returns the value (past reading
/// unless the sentence is future), the future reading, and an explanation.
pub(crate) fn infer_md(
    s: &Scan,
    m: u8,
    d: u8,
    at: usize,
) -> Option<(PartialDate, PartialDate, Why)> {
    let (dy, dm) = s.doc_ym()?;
    let doc_day = s.ctx.doc_date.and_then(|x| x.day).unwrap_or(15);
    let doc_n = PartialDate::ymd(dy, dm as u32, doc_day as u32)?.day_number()?;
    // Compare against this year's date even for Feb 29 by using the 28th.
    let probe = |y: i32| {
        PartialDate::ymd(y, m as u32, d as u32).or_else(|| PartialDate::ymd(y, m as u32, 28))
    };
    let this_n = probe(dy)?.day_number()?;
    let past_y = if this_n - doc_n > LOOKAHEAD_DAYS {
        dy - 1
    } else {
        dy
    };
    let fut_y = if doc_n - this_n > LOOKAHEAD_DAYS {
        dy + 1
    } else {
        dy
    };
    let past = PartialDate::ymd(past_y, m as u32, d as u32);
    let fut = PartialDate::ymd(fut_y, m as u32, d as u32);
    let future = s.sentence_future(at);
    let (value, other) = if future {
        (fut?, fut?)
    } else {
        (past?, fut.unwrap_or(past?))
    };
    let why = s.why(|| {
        if value.year == dy {
            format!("year from doc date {}", fmt_doc(s))
        } else if value.year < dy {
            format!(
                "previous year: {} would be more than two months after doc date {}",
                dy,
                fmt_doc(s)
            )
        } else {
            format!(
                "next year: the sentence is future and {} is long past on {}",
                dy,
                fmt_doc(s)
            )
        }
    });
    Some((value, other, why))
}

pub(crate) fn fmt_doc(s: &Scan) -> String {
    s.ctx
        .doc_date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "?".into())
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthMode {
    /// Most recent such month at or before the doc month.
    PastOrCurrent,
    /// Next such month at or after the doc month.
    FutureOrCurrent,
    StrictPast,
    StrictFuture,
    ThisYear,
}

/// Year of a bare month under `mode`, with an explanation.
pub(crate) fn month_year(s: &Scan, m: u8, mode: MonthMode) -> Option<(i32, Why)> {
    let (dy, dm) = s.doc_ym()?;
    let y = match mode {
        MonthMode::PastOrCurrent => {
            if m <= dm {
                dy
            } else {
                dy - 1
            }
        }
        MonthMode::FutureOrCurrent => {
            if m >= dm {
                dy
            } else {
                dy + 1
            }
        }
        MonthMode::StrictPast => {
            if m < dm {
                dy
            } else {
                dy - 1
            }
        }
        MonthMode::StrictFuture => {
            if m > dm {
                dy
            } else {
                dy + 1
            }
        }
        MonthMode::ThisYear => dy,
    };
    let how = match mode {
        MonthMode::PastOrCurrent => "most recent such month at or before",
        MonthMode::FutureOrCurrent => "next such month at or after",
        MonthMode::StrictPast => "most recent such month before",
        MonthMode::StrictFuture => "next such month after",
        MonthMode::ThisYear => "same year as",
    };
    Some((y, s.why(|| format!("{} doc month {}-{:02}", how, dy, dm))))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Unit {
    Week,
    Month,
    Year,
}

pub(crate) struct RelUnit {
    pub unit: Unit,
    pub off: i64,
    pub next: usize,
    pub word: &'static str,
}

/// "last/this/next/previous/current/coming week|month|year" at `i`.
/// "the last year" and "the past year" are left to the past-period rule.
pub(crate) fn rel_unit_at(s: &Scan, i: usize) -> Option<RelUnit> {
    // Asked at every token: the words are told by their cue class, not spelled out.
    let the = s.cue(i) == Some(Cue::The);
    let j = if the { i + 1 } else { i };
    let (off, word) = match s.cue(j)? {
        Cue::Last if !the => (-1, "last"),
        Cue::Previous => (-1, "previous"),
        Cue::This if !the => (0, "this"),
        Cue::Current => (0, "current"),
        Cue::Next if !the => (1, "next"),
        Cue::Coming => (1, "coming"),
        _ => return None,
    };
    let unit = match s.w(j + 1)? {
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        _ => return None,
    };
    Some(RelUnit {
        unit,
        off,
        next: j + 2,
        word,
    })
}

/// The value of a relative unit against the doc date.
pub(crate) fn rel_value(s: &Scan, r: &RelUnit) -> Option<(DateValue, Why)> {
    match r.unit {
        Unit::Year => {
            let dy = s.doc_y()?;
            let y = dy + r.off as i32;
            Some((
                DateValue::Point(PartialDate::y(y)),
                s.why(|| format!("{} year = doc year {} {}", r.word, dy, signed(r.off))),
            ))
        }
        Unit::Month => {
            let (dy, dm) = s.doc_ym()?;
            let (y, m) = add_months(dy, dm, r.off)?;
            Some((
                DateValue::Point(PartialDate::ym(y, m as u32)?),
                s.why(|| {
                    format!(
                        "{} month = doc month {}-{:02} {}",
                        r.word,
                        dy,
                        dm,
                        signed(r.off)
                    )
                }),
            ))
        }
        Unit::Week => {
            let n = s.doc_day()?;
            // Monday of the week, in days from the doc date.
            let monday = 7 * r.off - weekday(n);
            Some((
                DateValue::Range { start: s.doc_day_plus(monday)?, end: Some(s.doc_day_plus(monday + 6)?) },
                s.why(|| {
                    format!(
                        "{} week, Monday to Sunday, relative to doc date {}",
                        r.word,
                        fmt_doc(s)
                    )
                }),
            ))
        }
    }
}

/// "last year" etc.: the year and the index after it.
pub(crate) fn rel_year_at(s: &Scan, i: usize) -> Option<(i32, usize, Why)> {
    let r = rel_unit_at(s, i)?;
    if r.unit != Unit::Year {
        return None;
    }
    let (v, why) = rel_value(s, &r)?;
    Some((v.start().year, r.next, why))
}

/// A relative year ("last year") earlier in the same sentence as token `i`,
/// which governs later bare months ("... of last year, and from September").
pub(crate) fn sentence_rel_year(s: &Scan, i: usize) -> Option<(i32, Why)> {
    // Most texts name no relative year before `i`: then where the sentence begins does not
    // matter.
    if !(0..i).any(|k| rel_unit_at(s, k).is_some_and(|r| r.unit == Unit::Year)) {
        return None;
    }
    let mut found = None;
    let mut k = s.sent_start(i);
    while k < i {
        if let Some((y, next, why)) = rel_year_at(s, k) {
            if next <= i {
                found = Some((y, s.why(|| format!("year set earlier in the sentence: {}", why))));
            }
        }
        k += 1;
    }
    found
}

/// "- 1", "+ 0": offsets written the way the explanations read.
pub(crate) fn signed(o: i64) -> String {
    if o < 0 {
        format!("- {}", o.unsigned_abs())
    } else {
        format!("+ {}", o)
    }
}
