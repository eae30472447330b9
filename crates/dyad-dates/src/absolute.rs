//! Absolute and calendar-anchored dates: "June 19, 2024", "19 June 2024",
//! "2024-06-19", "20/06/2024", "20.06.2024", "Oct. 19", "June 2024",
//! "in 2019", "in April", "last April", "March of last year", "mid-June",
//! "the end of 2023", "on the 3rd", "the 3rd of last month".
//!
//! Entry point: [`candidates`], which proposes every reading starting at one
//! token. [`explicit_date_at`] (a full day-month-year date) and
//! [`month_year_at`] are shared with the range and dateline code. This module
//! does not handle Juche years, ranges or counts back from today.

use crate::resolve::{
    infer_md, month_year, rel_unit_at, rel_value, rel_year_at, sentence_rel_year, MonthMode, Unit,
};
use crate::scan::{Cand, Scan, Why};
use crate::token::Cue;
use crate::{DateValue, Kind, PartialDate};

/// Words that make a following bare month or year a date ("in April", "since 2018").
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "of",
    "since",
    "from",
    "until",
    "till",
    "by",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "around",
    "last",
    "this",
    "next",
    "until",
    "to",
    "and",
    "or",
    "between",
];
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "from",
    "year",
    "before",
    "after",
    "during",
    "early",
    "late",
    "mid",
    "throughout",
    "around",
    "circa",
    "through",
];
/// "a total of 2019 people": 'of' after these introduces a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "total", "number", "sum", "group", "crowd", "out", "all", "figure", "tally",
];

/// A full date at `i`: (date, index after, rule). None when the pattern is
/// there but the date does not exist, so callers can treat "February 30,
/// 2020" as malformed rather than falling back to a fragment.
pub(crate) fn explicit_date_at(s: &Scan, i: usize) -> Option<(PartialDate, usize, &'static str)> {
    // Month Day[,] Year
    if let Some((m, j)) = s.month_at(i) {
        if let Some((d, k)) = s.day_at(j) {
            let k2 = if s.is_p(k, ',') { k + 1 } else { k };
            if let Some((y, n)) = s.year_at(k2) {
                return PartialDate::ymd(y, m as u32, d as u32).map(|p| (p, n, "month-day-year"));
            }
        }
    }
    // [the] Day [of] Month[,] Year
    let j0 = if s.is_w(i, "the") { i + 1 } else { i };
    if let Some((d, j)) = s.day_at(j0) {
        let j = if s.is_w(j, "of") { j + 1 } else { j };
        if let Some((m, k)) = s.month_at(j) {
            let k2 = if s.is_p(k, ',') { k + 1 } else { k };
            if let Some((y, n)) = s.year_at(k2) {
                return PartialDate::ymd(y, m as u32, d as u32).map(|p| (p, n, "day-month-year"));
            }
        }
    }
    // YYYY-MM-DD, all glued together
    if let Some((y, 4)) = s.num(i) {
        if s.is_p(i + 1, '-')
            && s.tight(i + 1)
            && s.tight(i + 2)
            && s.is_p(i + 3, '-')
            && s.tight(i + 3)
            && s.tight(i + 4)
        {
            if let (Some((m, mn)), Some((d, dn))) = (s.num(i + 2), s.num(i + 4)) {
                if mn <= 2 && dn <= 2 {
                    return PartialDate::ymd(y as i32, m, d).map(|p| (p, i + 5, "iso-date"));
                }
            }
        }
    }
    // DD/MM/YYYY and DD.MM.YYYY (day first, as in the mirrors' boilerplate)
    if let Some((a, an)) = s.num(i) {
        let sep = s.p(i + 1);
        if an <= 2
            && matches!(sep, Some('/' | '.'))
            && s.tight(i + 1)
            && s.tight(i + 2)
            && s.p(i + 3) == sep
            && s.tight(i + 3)
            && s.tight(i + 4)
            && !s.glued(i)
        {
            if let (Some((b, bn)), Some((y, 4))) = (s.num(i + 2), s.num(i + 4)) {
                if bn <= 2 {
                    if let Some(p) = PartialDate::ymd(y as i32, b, a) {
                        return Some((
                            p,
                            i + 5,
                            if sep == Some('/') {
                                "dmy-slash"
                            } else {
                                "dmy-dot"
                            },
                        ));
                    }
                    // Only an unambiguous month-first date (second number > 12).
                    if sep == Some('/') && b > 12 {
                        return PartialDate::ymd(y as i32, a, b).map(|p| (p, i + 5, "mdy-slash"));
                    }
                    return None;
                }
            }
        }
    }
    None
}

/// Month[,] Year at `i` → (year, month, index after).
pub(crate) fn month_year_at(s: &Scan, i: usize) -> Option<(i32, u8, usize)> {
    let (m, j) = s.month_at(i)?;
    let j = if s.is_p(j, ',') { j + 1 } else { j };
    let (y, n) = s.year_at(j)?;
    // "32 June 2024": a failed day in front makes the whole thing malformed.
    if let Some(p) = i.checked_sub(1) {
        if s.num(p).is_some_and(|(_, nd)| nd <= 2)
            || s.t(p).is_some_and(|t| t.kind == crate::token::TK::Ord)
        {
            return None;
        }
    }
    Some((y, m, n))
}

/// Month and day without a year: (month, day, index after, rule).
fn month_day_at(s: &Scan, i: usize) -> Option<(u8, u8, usize, &'static str)> {
    if let Some((m, j)) = s.month_at(i) {
        if let Some((d, k)) = s.day_at(j) {
            return Some((m, d, k, "month-day"));
        }
    }
    let j0 = if s.is_w(i, "the") { i + 1 } else { i };
    let (d, j) = s.day_at(j0)?;
    let j = if s.is_w(j, "of") { j + 1 } else { j };
    let (m, k) = s.month_at(j)?;
    Some((m, d, k, "day-month"))
}

fn followed_by_year(s: &Scan, k: usize) -> bool {
    s.year_at(k).is_some() || (s.is_p(k, ',') && s.year_at(k + 1).is_some())
}

fn point(p: PartialDate) -> DateValue {
    DateValue::Point(p)
}

/// Parts of a period after "the" ("the end of 2023").
const PARTS: &[&str] = &["end", "beginning", "start", "middle", "close"];

/// Whether [`candidates`] may propose anything at `i`: at a number, an ordinal, a month or
/// a weekday, a word of [`part_of`] ("early", "end", ...), or "the" before a number, an
/// ordinal or one of [`PARTS`].
pub(crate) fn may_start(s: &Scan, i: usize) -> bool {
    match s.cue(i) {
        Some(
            Cue::Early
            | Cue::Late
            | Cue::Mid
            | Cue::Earlier
            | Cue::Later
            | Cue::End
            | Cue::Beginning
            | Cue::Start
            | Cue::Middle,
        ) => true,
        Some(Cue::The) => s.numeric(i + 1) || s.w_in(i + 1, PARTS),
        _ => s.numeric(i) || s.month_at(i).is_some() || s.weekday_at(i).is_some(),
    }
}

pub(crate) fn candidates(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    // A weekday in front ("Monday, June 19, 2024") joins the date.
    let after_weekday = s
        .weekday_at(i)
        .map(|_| if s.is_p(i + 1, ',') { i + 2 } else { i + 1 });
    // At a weekday itself no rule begins: only at the date after it.
    let weekday = s.weekday(i);
    for j in (!weekday).then_some(i).into_iter().chain(after_weekday) {
        if let Some((p, n, rule)) = explicit_date_at(s, j) {
            out.push(Cand {
                a: i,
                b: n - 1,
                value: point(p),
                kind: Kind::Absolute,
                rule,
                future: None,
                why: "full date".into(),
            });
        }
        month_day(s, i, j, if j == i { None } else { s.weekday_at(i) }, out);
    }
    if weekday {
        return;
    }
    month_year_rule(s, i, out);
    year_alone(s, i, out);
    bare_month(s, i, out);
    part_of(s, i, out);
    day_of_month(s, i, out);
}

/// Of the years around the doc year, the one where (m, d) falls on `wd`, if only one does.
fn year_by_weekday(s: &Scan, m: u8, d: u8, wd: i64) -> Option<i32> {
    let dy = s.doc_y()?;
    let fits: Vec<i32> = [dy - 1, dy, dy + 1]
        .into_iter()
        .filter(|y| {
            PartialDate::ymd(*y, m as u32, d as u32)
                .and_then(|p| p.day_number())
                .is_some_and(|n| crate::calendar::weekday(n) == wd)
        })
        .collect();
    (fits.len() == 1).then(|| fits[0])
}

fn month_day(s: &Scan, a: usize, i: usize, wd: Option<i64>, out: &mut Vec<Cand>) {
    let Some((m, d, k, rule)) = month_day_at(s, i) else {
        return;
    };
    // "June 19 last year" / "June 19 of this year"
    let rk = if s.is_w(k, "of") || s.is_p(k, ',') {
        k + 1
    } else {
        k
    };
    if let Some((y, next, why)) = rel_year_at(s, rk) {
        if let Some(p) = PartialDate::ymd(y, m as u32, d as u32) {
            out.push(Cand {
                a,
                b: next - 1,
                value: point(p),
                kind: Kind::Relative,
                rule: "month-day-of-relative-year",
                future: None,
                why,
            });
        }
        return;
    }
    if followed_by_year(s, k) {
        return; // a full date that failed validation: malformed, propose nothing
    }
    // A written weekday settles the year when exactly one nearby year fits.
    if let Some(y) = wd.and_then(|wd| year_by_weekday(s, m, d, wd)) {
        if let Some(p) = PartialDate::ymd(y, m as u32, d as u32) {
            let why = s.why(|| {
                format!(
                    "the only year around doc date {} where it falls on that weekday",
                    crate::resolve::fmt_doc(s)
                )
            });
            out.push(Cand {
                a,
                b: k - 1,
                value: point(p),
                kind: Kind::Absolute,
                rule: "weekday-month-day",
                future: None,
                why,
            });
            return;
        }
    }
    if let Some((p, f, why)) = infer_md(s, m, d, i) {
        out.push(Cand {
            a,
            b: k - 1,
            value: point(p),
            kind: Kind::Absolute,
            rule,
            future: Some(point(f)),
            why,
        });
    }
}

fn month_year_rule(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    if let Some((y, m, n)) = month_year_at(s, i) {
        if let Some(p) = PartialDate::ym(y, m as u32) {
            out.push(Cand {
                a: i,
                b: n - 1,
                value: point(p),
                kind: Kind::Absolute,
                rule: "month-year",
                future: None,
                why: "month and year written".into(),
            });
        }
    }
}

/// A four-digit number 1900..=2100 that reads as a year from its context.
fn year_alone(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let Some((y, 4)) = s.num(i) else { return };
    if !(1900..=2100).contains(&y) || s.tight(i) {
        return;
    }
    // Glued continuations ("2019-2020", "2019/20", "2019.5") belong to other rules.
    if s.tight(i + 1) && !matches!(s.p(i + 1), Some(',' | '.' | ';' | ')' | '!' | '?' | ':')) {
        return;
    }
    if s.tight(i + 1) && s.is_p(i + 1, '.') && s.num(i + 2).is_some() && s.tight(i + 2) {
        return;
    }
    let prev = s.prev_w(i);
    let by_word = prev.is_some_and(|w| YEAR_CONTEXT.contains(&w));
    let of_count = prev == Some("of") && i >= 2 && s.w_in(i - 2, COUNT_NOUNS);
    // ", 2020" after a number or month is the tail of a (possibly malformed) date.
    let date_tail = i >= 2
        && s.is_p(i - 1, ',')
        && (s.num(i - 2).is_some()
            || s.t(i - 2).is_some_and(|t| t.kind == crate::token::TK::Ord)
            || s.month_at(i - 2).is_some());
    // Right after a month name the month-year rule owns the year; if it
    // declined ("32 June 2024") the date is malformed.
    let after_month = (i >= 1 && s.month_at(i - 1).is_some())
        || (i >= 2 && s.is_p(i - 1, '.') && s.month_at(i - 2).is_some());
    // A '.' ends the sentence only when followed by space or nothing.
    let dot_end =
        s.is_p(i + 1, '.') && matches!(s.t(i + 2), None | Some(crate::token::Tok { ws: true, .. }));
    let after = s.t(i + 1).is_none() || s.is_p(i + 1, ',') || dot_end;
    if date_tail || after_month || of_count || !(by_word || after) {
        return;
    }
    out.push(Cand {
        a: i,
        b: i,
        value: point(PartialDate::y(y as i32)),
        kind: Kind::Absolute,
        rule: "year",
        future: None,
        why: "year written".into(),
    });
}

fn bare_month(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let Some((m, j)) = s.month_at(i) else { return };
    // A number on either side that did not make a date means malformed ("June 32", "32 June").
    let num_next = s.num(j).is_some_and(|(_, nd)| nd <= 2)
        || s.t(j).is_some_and(|t| t.kind == crate::token::TK::Ord);
    let num_prev = i.checked_sub(1).is_some_and(|p| {
        s.num(p).is_some_and(|(_, nd)| nd <= 2)
            || s.t(p).is_some_and(|t| t.kind == crate::token::TK::Ord)
    });
    if num_next || num_prev {
        return;
    }
    // "March of last year", "in March last year"
    let rk = if s.is_w(j, "of") { j + 1 } else { j };
    if let Some((y, next, why)) = rel_year_at(s, rk) {
        if let Some(p) = PartialDate::ym(y, m as u32) {
            out.push(Cand {
                a: i,
                b: next - 1,
                value: point(p),
                kind: Kind::Relative,
                rule: "month-of-relative-year",
                future: None,
                why,
            });
        }
    }
    // "last April", "next April", "this April"
    if let Some(p) = i.checked_sub(1) {
        let mode = match s.w(p) {
            Some("last") => Some(MonthMode::StrictPast),
            Some("next") => Some(MonthMode::StrictFuture),
            Some("this") => Some(MonthMode::ThisYear),
            _ => None,
        };
        if let Some(mode) = mode {
            if let Some((y, why)) = month_year(s, m, mode) {
                if let Some(d) = PartialDate::ym(y, m as u32) {
                    out.push(Cand {
                        a: p,
                        b: j - 1,
                        value: point(d),
                        kind: Kind::Relative,
                        rule: "relative-month-name",
                        future: None,
                        why,
                    });
                }
            }
            return;
        }
    }
    let ctx_word = s.prev_w(i).is_some_and(|w| MONTH_CONTEXT.contains(&w));
    let mid = i >= 2 && s.is_dash(i - 1) && s.is_w(i - 2, "mid");
    if !(ctx_word || mid) {
        return;
    }
    if let Some((v, f, why)) = resolve_bare_month(s, m, i) {
        out.push(Cand {
            a: i,
            b: j - 1,
            value: point(v),
            kind: Kind::Absolute,
            rule: "bare-month",
            future: Some(point(f)),
            why,
        });
    }
}

/// A bare month: an earlier "last year" in the sentence decides its year;
/// otherwise the most recent such month (future reading: the next one).
pub(crate) fn resolve_bare_month(
    s: &Scan,
    m: u8,
    i: usize,
) -> Option<(PartialDate, PartialDate, Why)> {
    if let Some((y, why)) = sentence_rel_year(s, i) {
        let p = PartialDate::ym(y, m as u32)?;
        return Some((p, p, why));
    }
    let (py, why) = month_year(s, m, MonthMode::PastOrCurrent)?;
    let (fy, _) = month_year(s, m, MonthMode::FutureOrCurrent)?;
    Some((
        PartialDate::ym(py, m as u32)?,
        PartialDate::ym(fy, m as u32)?,
        why,
    ))
}

/// "early/mid/late X", "earlier this year", "the end of 2023": the part
/// keeps the precision of X (a month stays a month).
fn part_of(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let (j, rel_only) = match s.w(i) {
        Some("early" | "late" | "mid") => (
            if s.is_dash(i + 1) && s.tight(i + 1) {
                i + 2
            } else {
                i + 1
            },
            false,
        ),
        Some("earlier" | "later") => (i + 1, true),
        Some("the")
            if s.w_in(i + 1, PARTS)
                && s.is_w(i + 2, "of") =>
        {
            (i + 3, false)
        }
        Some("end" | "beginning" | "start" | "middle") if s.is_w(i + 1, "of") => (i + 2, false),
        _ => return,
    };
    if let Some(r) = rel_unit_at(s, j) {
        if let Some((v, why)) = rel_value(s, &r) {
            let rule = match r.unit {
                Unit::Week => "part-of-relative-week",
                Unit::Month => "part-of-relative-month",
                Unit::Year => "part-of-relative-year",
            };
            out.push(Cand {
                a: i,
                b: r.next - 1,
                value: v,
                kind: Kind::Relative,
                rule,
                future: None,
                why,
            });
        }
        return;
    }
    if rel_only {
        return;
    }
    if let Some((y, m, n)) = month_year_at(s, j) {
        if let Some(p) = PartialDate::ym(y, m as u32) {
            out.push(Cand {
                a: i,
                b: n - 1,
                value: point(p),
                kind: Kind::Absolute,
                rule: "part-of-month",
                future: None,
                why: "month and year written".into(),
            });
        }
        return;
    }
    if let Some((y, n)) = s.year_at(j) {
        if (1900..=2100).contains(&y) && !(s.tight(n) && s.num(n + 1).is_some()) {
            out.push(Cand {
                a: i,
                b: n - 1,
                value: point(PartialDate::y(y)),
                kind: Kind::Absolute,
                rule: "part-of-year",
                future: None,
                why: "year written".into(),
            });
        }
        return;
    }
    if let Some((m, k)) = s.month_at(j) {
        if s.day_at(k).is_some() {
            return;
        }
        let rk = if s.is_w(k, "of") { k + 1 } else { k };
        if let Some((y, next, why)) = rel_year_at(s, rk) {
            if let Some(p) = PartialDate::ym(y, m as u32) {
                out.push(Cand {
                    a: i,
                    b: next - 1,
                    value: point(p),
                    kind: Kind::Relative,
                    rule: "part-of-month",
                    future: None,
                    why,
                });
            }
            return;
        }
        if let Some((v, f, why)) = resolve_bare_month(s, m, j) {
            out.push(Cand {
                a: i,
                b: k - 1,
                value: point(v),
                kind: Kind::Absolute,
                rule: "part-of-month",
                future: Some(point(f)),
                why,
            });
        }
    }
}

/// "on the 3rd" (this month) and "the 3rd of last month".
fn day_of_month(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let j = if s.is_w(i, "the") { i + 1 } else { i };
    let Some(t) = s.t(j) else { return };
    if t.kind != crate::token::TK::Ord {
        return;
    }
    let Some((d, k)) = s.day_at(j) else { return };
    // "the 3rd of last month"
    if s.is_w(k, "of") {
        if let Some(r) = rel_unit_at(s, k + 1) {
            if r.unit != Unit::Month {
                return;
            }
            let Some((DateValue::Point(mp), why)) = rel_value(s, &r) else {
                return;
            };
            let (Some(m), y) = (mp.month, mp.year) else {
                return;
            };
            if let Some(p) = PartialDate::ymd(y, m as u32, d as u32) {
                out.push(Cand {
                    a: i,
                    b: r.next - 1,
                    value: point(p),
                    kind: Kind::Relative,
                    rule: "day-of-relative-month",
                    future: None,
                    why,
                });
            }
        }
        return;
    }
    // "on the 3rd": only when nothing noun-like follows ("on the 3rd floor").
    if !(s.is_w(i, "the") && s.prev_w(i) == Some("on")) {
        return;
    }
    let next_ok = s.t(k).is_none()
        || s.p(k).is_some()
        || s.w_in(
            k,
            &[
                "and", "at", "in", "when", "while", "as", "but", "with", "to", "for", "after",
                "before",
            ],
        );
    if !next_ok || s.month_at(k).is_some() {
        return;
    }
    let Some(doc) = s.ctx.doc_date else { return };
    let (Some(dm), Some(dd)) = (doc.month, doc.day) else {
        return;
    };
    let this = PartialDate::ymd(doc.year, dm as u32, d as u32);
    let prev = crate::calendar::add_months(doc.year, dm, -1)
        .and_then(|(y, m)| PartialDate::ymd(y, m as u32, d as u32));
    let next = crate::calendar::add_months(doc.year, dm, 1)
        .and_then(|(y, m)| PartialDate::ymd(y, m as u32, d as u32));
    let (value, why) = if d <= dd {
        (this, s.why(|| format!("this month of doc date {}", doc)))
    } else {
        (
            prev,
            s.why(|| format!("the {} is after doc date {}, so the previous month", d, doc)),
        )
    };
    let future = if d >= dd { this } else { next };
    if let Some(v) = value {
        out.push(Cand {
            a: i,
            b: k - 1,
            value: point(v),
            kind: Kind::Relative,
            rule: "day-of-this-month",
            future: future.map(point),
            why,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relative::tests::{rule_word_texts, shown};
    use crate::Context;

    #[test]
    fn asking_only_the_rules_a_word_may_begin_changes_nothing() {
        let mut found = 0;
        for doc_date in [PartialDate::ymd(2024, 6, 14), None] {
            let ctx = Context { doc_date, known: &[] };
            for text in rule_word_texts(20_000) {
                let s = Scan::new(&text, &ctx, true);
                for i in 0..s.toks.len() {
                    // Every rule, as `candidates` asked them all.
                    let mut all = Vec::new();
                    let after_weekday = s.weekday_at(i).map(|_| if s.is_p(i + 1, ',') { i + 2 } else { i + 1 });
                    for j in std::iter::once(i).chain(after_weekday) {
                        if let Some((p, n, rule)) = explicit_date_at(&s, j) {
                            all.push(Cand { a: i, b: n - 1, value: point(p), kind: Kind::Absolute, rule, future: None, why: "full date".into() });
                        }
                        month_day(&s, i, j, if j == i { None } else { s.weekday_at(i) }, &mut all);
                    }
                    month_year_rule(&s, i, &mut all);
                    year_alone(&s, i, &mut all);
                    bare_month(&s, i, &mut all);
                    part_of(&s, i, &mut all);
                    day_of_month(&s, i, &mut all);
                    let mut asked = Vec::new();
                    candidates(&s, i, &mut asked);
                    assert_eq!(shown(&asked), shown(&all), "{text:?} at {i}");
                    found += all.len();
                }
            }
        }
        assert!(found > 10_000, "{found}");
    }
}
