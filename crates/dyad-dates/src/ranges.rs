//! Ranges: "between June and August of last year", "from January 15 to 17,
//! 2024", "from 15 to 17 January", "January 15-17", "from 2018 to 2020",
//! "2019-2020", "the first half of 2023", and open ranges "since 2018",
//! "from September".
//!
//! Entry point: [`candidates`]. Endpoints without a year are anchored like
//! their point forms (the start date's year is inferred and the end follows
//! it); a range whose end precedes its start is dropped rather than guessed
//! at. Open ranges carry only a start. This module does not parse
//! "until X" (an end without a start).

use crate::absolute::{explicit_date_at, month_year_at, resolve_bare_month};
use crate::resolve::{infer_md, rel_unit_at, rel_value, rel_year_at, Unit};
use crate::scan::{Cand, Scan};
use crate::token::Cue;
use crate::{DateValue, Kind, PartialDate};

fn range(start: PartialDate, end: PartialDate) -> Option<DateValue> {
    (start <= end).then_some(DateValue::Range {
        start,
        end: Some(end),
    })
}

/// Separator between two endpoints; "and" only after "between".
fn sep_at(s: &Scan, i: usize, between: bool) -> bool {
    if between {
        return s.is_w(i, "and") || s.is_dash(i);
    }
    s.w_in(i, &["to", "until", "till", "through", "thru"]) || s.is_dash(i)
}

/// Whether [`candidates`] may propose anything at `i`: at "from", "between", "since" or
/// "last", a month, a number or an ordinal, or "the" before a number, an ordinal or "last".
pub(crate) fn may_start(s: &Scan, i: usize) -> bool {
    match s.cue(i) {
        Some(Cue::From | Cue::Between | Cue::Since | Cue::Last) => true,
        Some(Cue::The) => {
            s.numeric(i + 1) || s.ordinal_at(i + 1).is_some() || s.cue(i + 1) == Some(Cue::Last)
        }
        _ => s.numeric(i) || s.month_at(i).is_some() || s.ordinal_at(i).is_some(),
    }
}

pub(crate) fn candidates(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let lead = s.w(i).filter(|w| matches!(*w, "from" | "between"));
    let between = lead == Some("between");
    let j = if lead.is_some() { i + 1 } else { i };
    month_range(s, i, j, lead.is_some(), between, out);
    day_range(s, i, j, between, out);
    explicit_range(s, i, j, lead.is_some(), between, out);
    year_span(s, i, out);
    open_range(s, i, out);
    half_or_quarter(s, i, out);
}

/// "between June and August [of last year | 2019]", "June-August 2019".
fn month_range(s: &Scan, a: usize, j: usize, led: bool, between: bool, out: &mut Vec<Cand>) {
    let Some((m1, k)) = s.month_at(j) else { return };
    if s.day_at(k).is_some() || !sep_at(s, k, between) {
        return;
    }
    let Some((m2, n)) = s.month_at(k + 1) else {
        return;
    };
    if s.day_at(n).is_some() {
        return;
    }
    let rk = if s.w_in(n, &["of", "in"]) { n + 1 } else { n };
    // The end month fixes the year; a start month later in the calendar
    // than the end belongs to the year before ("November to February").
    let start_year = |y2: i32| if m1 > m2 { y2 - 1 } else { y2 };
    let mk = |y2: i32| {
        range(
            PartialDate::ym(start_year(y2), m1 as u32)?,
            PartialDate::ym(y2, m2 as u32)?,
        )
    };
    if let Some((y, next, why)) = rel_year_at(s, rk) {
        if let Some(v) = mk(y) {
            out.push(Cand {
                a,
                b: next - 1,
                value: v,
                kind: Kind::Range,
                rule: "month-range-of-relative-year",
                future: None,
                why,
            });
        }
        return;
    }
    let comma = if s.is_p(n, ',') { n + 1 } else { n };
    let yk = if s.is_w(n, "of") { n + 1 } else { comma };
    if let Some((y, next)) = s.year_at(yk) {
        if let Some(v) = mk(y) {
            out.push(Cand {
                a,
                b: next - 1,
                value: v,
                kind: Kind::Range,
                rule: "month-range-of-year",
                future: None,
                why: "year written".into(),
            });
        }
        return;
    }
    if !led {
        return; // "June-August" alone is too weak without from/between
    }
    if let Some((end, fend, why)) = resolve_bare_month(s, m2, k + 1) {
        let fut = mk(fend.year);
        if let Some(v) = mk(end.year) {
            out.push(Cand {
                a,
                b: n - 1,
                value: v,
                kind: Kind::Range,
                rule: "month-range",
                future: fut,
                why,
            });
        }
    }
}

/// Day ranges inside one month or across two.
fn day_range(s: &Scan, a: usize, j: usize, between: bool, out: &mut Vec<Cand>) {
    // Form A: Month D1 sep [Month2] D2 [,] [Year]
    // Form B: D1 [Month1] sep D2 Month2 [,] [Year]
    let parsed = (|| {
        if let Some((m1, k)) = s.month_at(j) {
            let (d1, k) = s.day_at(k)?;
            if !sep_at(s, k, between) {
                return None;
            }
            let (m2, k) = match s.month_at(k + 1) {
                Some((m2, k2)) => (m2, k2),
                None => (m1, k + 1),
            };
            let (d2, k) = s.day_at(k)?;
            Some((m1, d1, m2, d2, k))
        } else {
            let j0 = if s.is_w(j, "the") { j + 1 } else { j };
            let (d1, k) = s.day_at(j0)?;
            let (m1, k) = match s.month_at(k) {
                Some((m1, k2)) => (Some(m1), k2),
                None => (None, k),
            };
            if !sep_at(s, k, between) {
                return None;
            }
            let k = if s.is_w(k + 1, "the") { k + 2 } else { k + 1 };
            let (d2, k) = s.day_at(k)?;
            let k = if s.is_w(k, "of") { k + 1 } else { k };
            let (m2, k) = s.month_at(k)?;
            Some((m1.unwrap_or(m2), d1, m2, d2, k))
        }
    })();
    let Some((m1, d1, m2, d2, k)) = parsed else {
        return;
    };
    let yk = if s.is_p(k, ',') { k + 1 } else { k };
    let (y1, y2, next, why, future) = if let Some((y, next)) = s.year_at(yk) {
        let y1 = if m1 > m2 { y - 1 } else { y };
        (y1, y, next, "year written".into(), None)
    } else if let Some((y, next, why)) = rel_year_at(s, if s.is_w(k, "of") { k + 1 } else { k }) {
        let y1 = if m1 > m2 { y - 1 } else { y };
        (y1, y, next, why, None)
    } else {
        let Some((p, f, why)) = infer_md(s, m1, d1, j) else {
            return;
        };
        let y2 = if m2 < m1 { p.year + 1 } else { p.year };
        let fy2 = if m2 < m1 { f.year + 1 } else { f.year };
        let fut = (|| {
            range(
                PartialDate::ymd(f.year, m1 as u32, d1 as u32)?,
                PartialDate::ymd(fy2, m2 as u32, d2 as u32)?,
            )
        })();
        (p.year, y2, k, why, fut)
    };
    let (Some(st), Some(en)) = (
        PartialDate::ymd(y1, m1 as u32, d1 as u32),
        PartialDate::ymd(y2, m2 as u32, d2 as u32),
    ) else {
        return;
    };
    if let Some(v) = range(st, en) {
        out.push(Cand {
            a,
            b: next - 1,
            value: v,
            kind: Kind::Range,
            rule: "day-range",
            future,
            why,
        });
    }
}

/// A fully written endpoint: full date, month-year or year.
fn endpoint(s: &Scan, i: usize) -> Option<(PartialDate, usize)> {
    if let Some((p, n, _)) = explicit_date_at(s, i) {
        return Some((p, n));
    }
    if let Some((y, m, n)) = month_year_at(s, i) {
        return Some((PartialDate::ym(y, m as u32)?, n));
    }
    let (y, n) = s.year_at(i)?;
    (1900..=2100).contains(&y).then_some((PartialDate::y(y), n))
}

/// "from 2018 to 2020", "between June 2019 and March 2020".
fn explicit_range(s: &Scan, a: usize, j: usize, led: bool, between: bool, out: &mut Vec<Cand>) {
    if !led {
        return;
    }
    let Some((p1, k)) = endpoint(s, j) else {
        return;
    };
    if !sep_at(s, k, between) {
        return;
    }
    let Some((p2, n)) = endpoint(s, k + 1) else {
        return;
    };
    if let Some(v) = range(p1, p2) {
        out.push(Cand {
            a,
            b: n - 1,
            value: v,
            kind: Kind::Range,
            rule: "explicit-range",
            future: None,
            why: "both ends written".into(),
        });
    }
}

/// "2019-2020", "2019–2020": two plausible years joined by a dash.
fn year_span(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let Some((y1, 4)) = s.num(i) else { return };
    if !s.is_dash(i + 1) || s.glued(i) {
        return;
    }
    let Some((y2, 4)) = s.num(i + 2) else { return };
    // Not the front of an ISO date or a longer numeric run.
    if s.is_dash(i + 3) && s.num(i + 4).is_some() {
        return;
    }
    if !(1900..=2100).contains(&y1) || !(1900..=2100).contains(&y2) || y2 <= y1 {
        return;
    }
    if let Some(v) = range(PartialDate::y(y1 as i32), PartialDate::y(y2 as i32)) {
        out.push(Cand {
            a: i,
            b: i + 2,
            value: v,
            kind: Kind::Range,
            rule: "year-span",
            future: None,
            why: "two years joined by a dash".into(),
        });
    }
}

/// "since 2018", "since June 2019", "from September", "since last year".
fn open_range(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let Some(lead) = s.w(i).filter(|w| matches!(*w, "since" | "from")) else {
        return;
    };
    let j = i + 1;
    let open = |p: PartialDate| DateValue::Range {
        start: p,
        end: None,
    };
    let rule: &'static str = if lead == "since" {
        "since-point"
    } else {
        "from-point"
    };
    if let Some((p, n)) = endpoint(s, j) {
        out.push(Cand {
            a: i,
            b: n - 1,
            value: open(p),
            kind: Kind::Range,
            rule,
            future: None,
            why: s.why(|| format!("open range starting {}", p)),
        });
        return;
    }
    if let Some(r) = rel_unit_at(s, j) {
        if let Some((v, why)) = rel_value(s, &r) {
            out.push(Cand {
                a: i,
                b: r.next - 1,
                value: open(v.start()),
                kind: Kind::Range,
                rule,
                future: None,
                why,
            });
        }
        return;
    }
    let Some((m, k)) = s.month_at(j) else { return };
    if let Some((d, k2)) = s.day_at(k) {
        if let Some((p, f, why)) = infer_md(s, m, d, j) {
            out.push(Cand {
                a: i,
                b: k2 - 1,
                value: open(p),
                kind: Kind::Range,
                rule,
                future: Some(open(f)),
                why,
            });
        }
        return;
    }
    let rk = if s.is_w(k, "of") { k + 1 } else { k };
    if let Some((y, next, why)) = rel_year_at(s, rk) {
        if let Some(p) = PartialDate::ym(y, m as u32) {
            out.push(Cand {
                a: i,
                b: next - 1,
                value: open(p),
                kind: Kind::Range,
                rule: "from-month",
                future: None,
                why,
            });
        }
        return;
    }
    if let Some((p, f, why)) = resolve_bare_month(s, m, j) {
        out.push(Cand {
            a: i,
            b: k - 1,
            value: open(p),
            kind: Kind::Range,
            rule: "from-month",
            future: Some(open(f)),
            why,
        });
    }
}

/// "the first half of 2023", "the third quarter of last year".
fn half_or_quarter(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let j = if s.is_w(i, "the") { i + 1 } else { i };
    let Some((ord, k)) = s
        .ordinal_at(j)
        .or_else(|| s.is_w(j, "last").then_some((0, j + 1)))
    else {
        return;
    };
    let (months, rule): (u32, &'static str) = match s.w(k) {
        Some("half") => (6, "half-of-year"),
        Some("quarter") => (3, "quarter-of-year"),
        _ => return,
    };
    let parts = 12 / months;
    let ord = if ord == 0 { parts } else { ord };
    if ord == 0 || ord > parts || !s.is_w(k + 1, "of") {
        return;
    }
    let (year, next, why) = if let Some((y, next)) = s.year_at(k + 2) {
        (y, next, "year written".into())
    } else if let Some(r) = rel_unit_at(s, k + 2).filter(|r| r.unit == Unit::Year) {
        let Some((v, why)) = rel_value(s, &r) else {
            return;
        };
        (v.start().year, r.next, why)
    } else {
        return;
    };
    let m1 = (ord - 1) * months + 1;
    let (Some(a), Some(b)) = (
        PartialDate::ym(year, m1),
        PartialDate::ym(year, m1 + months - 1),
    ) else {
        return;
    };
    if let Some(v) = range(a, b) {
        out.push(Cand {
            a: i,
            b: next - 1,
            value: v,
            kind: Kind::Range,
            rule,
            future: None,
            why,
        });
    }
}
