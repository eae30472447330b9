//! The Juche calendar used in DPRK texts: Gregorian year = Juche year + 1911
//! (Juche 1 = 1912, the year Kim Il Sung was born).
//!
//! Rules: "juche-year" ("Juche 113", "Juche 109(2020)"), "juche-month"
//! ("April, Juche 108(2019)") and "juche-date" ("April 23, Juche
//! 109(2020)"). When a Gregorian year follows in brackets it wins over the
//! Juche year (a typo in the Juche number is likelier than in the Gregorian
//! one, and the explanation says so). Juche 0 or a missing number yields
//! nothing. Entry point: [`candidates`]; [`juche_at`] is shared with the
//! dateline reader. This module does not read Juche dates without the word
//! "Juche".

use crate::scan::{Cand, Scan, Why};
use crate::token::Cue;
use crate::{DateValue, Kind, PartialDate};

/// Offset between the calendars.
pub const JUCHE_OFFSET: i32 = 1911;

/// "Juche N" with an optional "(YYYY)": (Gregorian year, index after, why).
pub(crate) fn juche_at(s: &Scan, i: usize) -> Option<(i32, usize, Why)> {
    if !s.is_w(i, "juche") || s.glued(i + 1) {
        return None;
    }
    let (n, nd) = s.num(i + 1)?;
    if n == 0 || nd > 3 {
        return None;
    }
    let from_juche = n as i32 + JUCHE_OFFSET;
    if s.is_p(i + 2, '(') {
        if let (Some((g, 4)), true) = (s.num(i + 3), s.is_p(i + 4, ')')) {
            let g = g as i32;
            let why = s.why(|| {
                if g == from_juche {
                    format!("Juche {} = {} + {} = {}", n, n, JUCHE_OFFSET, g)
                } else {
                    format!(
                        "Juche {} would be {}, but the bracketed Gregorian year {} is trusted",
                        n, from_juche, g
                    )
                }
            });
            return Some((g, i + 5, why));
        }
    }
    Some((
        from_juche,
        i + 2,
        s.why(|| format!("Juche {} = {} + {} = {}", n, n, JUCHE_OFFSET, from_juche)),
    ))
}

/// Whether [`candidates`] may propose anything at `i`: only at "Juche" or a month name.
pub(crate) fn may_start(s: &Scan, i: usize) -> bool {
    s.cue(i) == Some(Cue::Juche) || s.month_at(i).is_some()
}

pub(crate) fn candidates(s: &Scan, i: usize, out: &mut Vec<Cand>) {
    if let Some((y, n, why)) = juche_at(s, i) {
        out.push(Cand {
            a: i,
            b: n - 1,
            value: DateValue::Point(PartialDate::y(y)),
            kind: Kind::Juche,
            rule: "juche-year",
            future: None,
            why,
        });
    }
    let Some((m, j)) = s.month_at(i) else { return };
    // "April 23, Juche 109(2020)"
    if let Some((d, k)) = s.day_at(j) {
        if s.is_p(k, ',') {
            if let Some((y, n, why)) = juche_at(s, k + 1) {
                if let Some(p) = PartialDate::ymd(y, m as u32, d as u32) {
                    out.push(Cand {
                        a: i,
                        b: n - 1,
                        value: DateValue::Point(p),
                        kind: Kind::Juche,
                        rule: "juche-date",
                        future: None,
                        why,
                    });
                }
            }
        }
        return;
    }
    // "April, Juche 108(2019)" / "April Juche 108"
    let k = if s.is_p(j, ',') { j + 1 } else { j };
    if let Some((y, n, why)) = juche_at(s, k) {
        if let Some(p) = PartialDate::ym(y, m as u32) {
            out.push(Cand {
                a: i,
                b: n - 1,
                value: DateValue::Point(p),
                kind: Kind::Juche,
                rule: "juche-month",
                future: None,
                why,
            });
        }
    }
}
