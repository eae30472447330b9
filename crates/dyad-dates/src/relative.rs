//! Expressions that count from the document date: "today", "yesterday",
//! "the day before", "on Monday", "last week", "this month", "next year",
//! "two days ago", "in recent years", "the past one year", "over the past
//! decade".
//!
//! Entry point: [`candidates`]. Every rule needs the doc date at the
//! precision it counts in (days for "yesterday", months for "last month",
//! years for "next year") and proposes nothing otherwise. Weekdays resolve to
//! the most recent such day strictly before the doc date, with the next one
//! after it as the future reading. This module does not handle narrative
//! anchors ("the day after the talks") — those are left unresolved.

use crate::calendar::{add_months, weekday};
use crate::resolve::{fmt_doc, rel_unit_at, rel_value, Unit};
use crate::scan::{Cand, Scan};
use crate::token::Cue;
use crate::{DateValue, Kind, PartialDate};

/// Whether [`candidates`] may propose anything at `i`: at a deictic or relative word
/// ("today", "last", "recent", ...), a weekday, a count, "a" before a unit ("a week ago"),
/// or "the" before "day", "past", "last" or a relative word ("the previous day").
pub(crate) fn may_start(s: &Scan, i: usize) -> bool {
    match s.cue(i) {
        Some(
            Cue::Today
            | Cue::Tonight
            | Cue::Yesterday
            | Cue::Tomorrow
            | Cue::This
            | Cue::Last
            | Cue::Next
            | Cue::Coming
            | Cue::Past
            | Cue::Previous
            | Cue::Current
            | Cue::Recent,
        ) => true,
        // The lexicon's words by what they name, not by their letters.
        Some(Cue::The) => {
            matches!(s.cue(i + 1), Some(Cue::Previous | Cue::Current | Cue::Coming | Cue::Past | Cue::Last)) || s.is_w(i + 1, "day")
        }
        Some(Cue::A) => s
            .count_at(i)
            .is_some_and(|(_, j)| s.w(j).and_then(unit_word).is_some()),
        _ => s.weekday_at(i).is_some() || s.count_at(i).is_some(),
    }
}

pub(crate) fn candidates(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    // At a weekday only the weekday rule can begin, and at a number only `ago`: the other
    // rules each begin at a word of their own.
    if s.weekday(i) {
        weekday_rule(s, i, out);
        return;
    }
    if s.num(i).is_some() {
        ago(s, i, out);
        return;
    }
    deictic(s, i, out);
    weekday_rule(s, i, out);
    if let Some(r) = rel_unit_at(s, i) {
        if let Some((v, why)) = rel_value(s, &r) {
            let rule = match r.unit {
                Unit::Week => "relative-week",
                Unit::Month => "relative-month",
                Unit::Year => "relative-year",
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
    }
    ago(s, i, out);
    recent(s, i, out);
    past_period(s, i, out);
}

fn day_point(s: &Scan, off: i64) -> Option<DateValue> {
    Some(DateValue::Point(s.doc_day_plus(off)?))
}

fn deictic(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let mut push = |b: usize, off: i64, rule: &'static str| {
        if let Some(v) = day_point(s, off) {
            let why = s.why(|| {
                let why = format!("doc date {} {}", fmt_doc(s), crate::resolve::signed(off));
                format!("{} day(s)", why.replace(" + 0", ""))
            });
            out.push(Cand {
                a: i,
                b,
                value: v,
                kind: Kind::Relative,
                rule,
                future: None,
                why,
            });
        }
    };
    match s.w(i) {
        Some("today" | "tonight") => push(i, 0, "deictic-day"),
        Some("yesterday") => push(i, -1, "deictic-day"),
        Some("tomorrow") => push(i, 1, "deictic-day"),
        Some("this") if s.w_in(i + 1, &["morning", "afternoon", "evening"]) => {
            push(i + 1, 0, "deictic-day")
        }
        Some("last") if s.is_w(i + 1, "night") => push(i + 1, -1, "deictic-day"),
        Some("the") if s.is_w(i + 1, "day") && s.w_in(i + 2, &["before", "after"]) => {
            let before = s.is_w(i + 2, "before");
            if before && s.is_w(i + 3, "yesterday") {
                push(i + 3, -2, "day-before-yesterday");
            } else if !before && s.is_w(i + 3, "tomorrow") {
                push(i + 3, 2, "day-after-tomorrow");
            } else if before && (s.t(i + 3).is_none() || s.p(i + 3).is_some()) {
                // Only a bare "the day before": with an object ("the day
                // before the talks") the anchor is an event, not the doc date.
                push(i + 2, -1, "day-before");
            }
        }
        Some("the") if s.is_w(i + 1, "previous") && s.is_w(i + 2, "day") => {
            push(i + 2, -1, "previous-day")
        }
        _ => {}
    }
}

fn weekday_rule(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    // The modifier is told by its lexicon entry, not spelled out.
    let (a, j, modifier) = match s.cue(i) {
        Some(c @ (Cue::Last | Cue::Next | Cue::This | Cue::Coming | Cue::Past)) if s.weekday_at(i + 1).is_some() => {
            (i, i + 1, Some(c))
        }
        _ if s.weekday_at(i).is_some() => (i, i, None),
        _ => return,
    };
    let Some(wd) = s.weekday_at(j) else { return };
    let Some(n) = s.doc_day() else { return };
    let dw = weekday(n);
    // Strictly before / strictly after the doc date (for `last`/`next`).
    let back = {
        let k = (dw - wd).rem_euclid(7);
        if k == 0 {
            7
        } else {
            k
        }
    };
    let fwd = {
        let k = (wd - dw).rem_euclid(7);
        if k == 0 {
            7
        } else {
            k
        }
    };
    let (Some(past), Some(fut)) = (
        s.doc_day_plus(-back),
        s.doc_day_plus(fwd),
    ) else {
        return;
    };
    // A bare weekday that is the document's own weekday is that very day: wire stories say
    // "on Thursday" for the Thursday they are filed. `last`/`next` keep the strict reading.
    let same_day = (dw - wd).rem_euclid(7) == 0;
    // The doc date itself, worked out only for a bare weekday that falls on it.
    let today = || if same_day { s.doc_day_plus(0) } else { None };
    let (value, future, rule) = match modifier {
        Some(Cue::Last | Cue::Past) => (past, None, "last-weekday"),
        Some(Cue::Next | Cue::Coming) => (fut, None, "next-weekday"),
        _ => match today() {
            Some(t) => (t, Some(DateValue::Point(t)), "weekday"),
            None => (past, Some(DateValue::Point(fut)), "weekday"),
        },
    };
    let why = s.why(|| {
        format!(
            "{} relative to doc date {} (past: {}, future: {})",
            rule,
            fmt_doc(s),
            past,
            fut
        )
    });
    out.push(Cand {
        a,
        b: j,
        value: DateValue::Point(value),
        kind: Kind::Weekday,
        rule,
        future,
        why,
    });
}

/// "day(s)", "week(s)", ... → (unit name, multiplier unit).
pub(crate) fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        _ => return None,
    })
}

/// The point `n` units before the doc date, at the unit's precision.
fn back(s: &Scan, n: i64, unit: &str) -> Option<DateValue> {
    Some(DateValue::Point(match unit {
        "day" => s.doc_day_plus(n.checked_neg()?)?,
        "week" => s.doc_day_plus(n.checked_mul(7)?.checked_neg()?)?,
        "month" => {
            let (y, m) = s.doc_ym()?;
            let (y, m) = add_months(y, m, -n)?;
            PartialDate::ym(y, m as u32)?
        }
        "year" => PartialDate::y(s.doc_y()?.checked_sub(i32::try_from(n).ok()?)?),
        "decade" => PartialDate::y(s.doc_y()?.checked_sub(i32::try_from(10 * n).ok()?)?),
        _ => return None,
    }))
}

fn ago(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let Some((n, j)) = s.count_at(i) else { return };
    let Some(unit) = s.w(j).and_then(unit_word) else {
        return;
    };
    if !s.is_w(j + 1, "ago") {
        return;
    }
    if let Some(v) = back(s, n as i64, unit) {
        let why = s.why(|| format!("doc date {} - {} {}(s)", fmt_doc(s), n, unit));
        out.push(Cand {
            a: i,
            b: j + 1,
            value: v,
            kind: Kind::Relative,
            rule: "ago",
            future: None,
            why,
        });
    }
}

/// The period from `n` units back to the doc date. Years use month
/// precision (2020-04-23, past year → 2019-04/2020-04), decades year precision.
fn period(s: &Scan, n: i64, unit: &str) -> Option<DateValue> {
    let range = |a: PartialDate, b: PartialDate| {
        Some(DateValue::Range {
            start: a,
            end: Some(b),
        })
    };
    match unit {
        "day" | "week" => {
            let d = s.doc_day()?;
            let k = if unit == "week" { 7 * n } else { n };
            DateValue::day_range(d - k, d)
        }
        "month" | "year" => {
            let k = if unit == "year" { 12 * n } else { n };
            match s.doc_ym() {
                Some((y, m)) => {
                    let (sy, sm) = add_months(y, m, -k)?;
                    range(
                        PartialDate::ym(sy, sm as u32)?,
                        PartialDate::ym(y, m as u32)?,
                    )
                }
                None if unit == "year" => {
                    let y = s.doc_y()?;
                    range(PartialDate::y(y - n as i32), PartialDate::y(y))
                }
                None => None,
            }
        }
        "decade" => {
            let y = s.doc_y()?;
            range(
                PartialDate::y(y.checked_sub(i32::try_from(10 * n).ok()?)?),
                PartialDate::y(y),
            )
        }
        _ => None,
    }
}

/// "recent years/months/weeks/days": a conventional look-back window.
fn recent(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    if !s.is_w(i, "recent") {
        return;
    }
    let (n, unit) = match s.w(i + 1) {
        Some("years") => (5, "year-span"),
        Some("months") => (6, "month"),
        Some("weeks") => (4, "week"),
        Some("days") => (7, "day"),
        _ => return,
    };
    let v = if unit == "year-span" {
        s.doc_y().map(|y| DateValue::Range {
            start: PartialDate::y(y - n as i32),
            end: Some(PartialDate::y(y)),
        })
    } else {
        period(s, n, unit)
    };
    if let Some(v) = v {
        let why = s.why(|| {
            format!(
                "conventional window: {} {}s back from doc date {}",
                n,
                unit.trim_end_matches("-span"),
                fmt_doc(s)
            )
        });
        out.push(Cand {
            a: i,
            b: i + 1,
            value: v,
            kind: Kind::Relative,
            rule: "recent-period",
            future: None,
            why,
        });
    }
}

/// "the past (one) year", "the last two months", "over the past decade".
fn past_period(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    let the = s.is_w(i, "the");
    let j = if the { i + 1 } else { i };
    if !(s.is_w(j, "past") || (the && s.is_w(j, "last"))) {
        return;
    }
    let (n, k, counted) = if s.w_in(j + 1, &["few", "several"]) {
        (3, j + 2, true)
    } else if let Some((n, k)) = s.count_at(j + 1) {
        (n, k, true)
    } else {
        (1, j + 1, false)
    };
    // Without "the" ("past two years") a count is required.
    if !the && !counted {
        return;
    }
    let Some(unit) = s.w(k).and_then(unit_word) else {
        return;
    };
    if n == 0 {
        return;
    }
    if let Some(v) = period(s, n as i64, unit) {
        let why = s.why(|| format!("{} {}(s) back to doc date {}", n, unit, fmt_doc(s)));
        out.push(Cand {
            a: i,
            b: k,
            value: v,
            kind: Kind::Duration,
            rule: "past-period",
            future: None,
            why,
        });
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Context;

    /// Texts of the words the rules read, glued and spaced at random, in any case.
    pub(crate) fn rule_word_texts(n: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "Monday", "monday", "FRIDAY", "Sunday", "today", "tonight", "yesterday", "tomorrow", "this", "This", "last", "next",
            "coming", "past", "previous", "current", "the", "The", "a", "an", "day", "days", "week", "weeks", "month", "months",
            "year", "years", "decade", "decades", "ago", "recent", "few", "several", "morning", "night", "before", "after",
            "one", "two", "twenty", "five", "first", "third", "3", "19", "2024", "99999999999", "3rd", "June", "may", "Sept",
            "of", "in", "on", "from", "to", "since", "between", "and", "early", "mid", "end", "Juche", "anniversary", "-", ",",
            ".", "(", ")", "/", " ", " ", " ", " ", "\n\n", "é", "June 19,", "19 June", "Monday, June 22", "Tuesday June 3",
            "2019-06-20", "20/06/2024", "20.06.2024", "March 2023", "early June", "the end of", "the first half of", "close", "the close of",
        ];
        let mut next = crate::test_rng(0x853c_49e6_748f_ea9bu64);
        (0..n)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..next(16) {
                    t.push_str(PIECES[next(PIECES.len())]);
                    // Mostly a space between words, sometimes none.
                    if next(4) != 0 {
                        t.push(' ');
                    }
                }
                t
            })
            .collect()
    }

    /// What a candidate says, for comparing.
    pub(crate) fn shown(cands: &[Cand]) -> Vec<String> {
        cands.iter().map(|c| format!("{} {} {} {} {:?} {:?} {}", c.a, c.b, c.rule, c.value, c.future, c.kind, c.why)).collect()
    }

    #[test]
    fn asking_only_the_rules_a_word_may_begin_changes_nothing() {
        let mut found = 0;
        for doc_date in [crate::PartialDate::ymd(2024, 6, 14), crate::PartialDate::ymd(2024, 1, 1), None] {
            let ctx = Context { doc_date, known: &[] };
            for text in rule_word_texts(20_000) {
                let s = Scan::new(&text, &ctx, true);
                for i in 0..s.toks.len() {
                    // Every rule, as `candidates` asked them all.
                    let mut all = Vec::new();
                    deictic(&s, i, &mut all);
                    weekday_rule(&s, i, &mut all);
                    if let Some(r) = rel_unit_at(&s, i) {
                        if let Some((v, why)) = rel_value(&s, &r) {
                            let rule = match r.unit {
                                Unit::Week => "relative-week",
                                Unit::Month => "relative-month",
                                Unit::Year => "relative-year",
                            };
                            all.push(Cand { a: i, b: r.next - 1, value: v, kind: Kind::Relative, rule, future: None, why });
                        }
                    }
                    ago(&s, i, &mut all);
                    recent(&s, i, &mut all);
                    past_period(&s, i, &mut all);
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
