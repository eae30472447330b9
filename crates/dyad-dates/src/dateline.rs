//! The issue date of a document read from its own text.
//!
//! Main item: [`doc_date_from_text`]. Sources, most trusted first: mirror
//! boilerplate ("Date: 20/06/2024 | Source: ..."), a dateline carrying a
//! year ("MOSCOW, June 19, 2024 (Reuters) -"), a KCNA-style sign-off on one
//! of the last lines ("Pyongyang, April 23, Juche 109(2020)"), a full date
//! on one of the first lines ("2024-06-20"), and finally a yearless
//! dateline ("Pyongyang, June 20 (KCNA) --") whose year is borrowed from
//! other dates in the text. It does not guess a year that the text does not
//! support: a yearless dateline with no year elsewhere gives None.

use crate::absolute::explicit_date_at;
use crate::juche::juche_at;
use crate::scan::Scan;
use crate::{find_unexplained, Context, DateValue, Kind, PartialDate};

/// Longest line (in tokens) still read as a date stamp at the top.
const MAX_STAMP_TOKENS: usize = 10;

type Found = (PartialDate, usize, usize, &'static str);

/// Non-empty lines with their byte offsets.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut off = 0;
    for l in text.split_inclusive('\n') {
        if !l.trim().is_empty() {
            out.push((off, l));
        }
        off += l.len();
    }
    out
}

/// "Place," at the start of a line: 1..=4 capitalised words then a comma.
fn place_then_comma(s: &Scan) -> Option<usize> {
    let mut i = 0;
    while i < 4 && s.w(i).is_some() && s.cap(i) {
        i += 1;
    }
    (i > 0 && s.is_p(i, ',')).then_some(i + 1)
}

/// "Date: <full date>" anywhere in a line.
fn mirror(s: &Scan) -> Option<(PartialDate, usize, usize)> {
    for i in 0..s.toks.len() {
        if s.is_w(i, "date") && s.is_p(i + 1, ':') {
            let (p, n, _) = explicit_date_at(s, i + 2)?;
            let (a, b) = s.span(i + 2, n - 1)?;
            return Some((p, a, b));
        }
    }
    None
}

/// Dateline: (month, day, year if written, span).
fn dateline(s: &Scan) -> Option<(u8, u8, Option<i32>, usize, usize)> {
    let i = place_then_comma(s)?;
    let (m, j) = s.month_at(i)?;
    let (d, k) = s.day_at(j)?;
    let (y, next) = match (s.is_p(k, ','), s.year_at(k + 1)) {
        (true, Some((y, n))) => (Some(y), n),
        _ => match s.year_at(k) {
            Some((y, n)) => (Some(y), n),
            None => (None, k),
        },
    };
    // An agency in brackets, a dash or the end of the line must follow.
    if !(s.is_p(next, '(') || s.is_dash(next) || s.t(next).is_none() || s.is_p(next, ':')) {
        return None;
    }
    let (a, b) = s.span(i, next - 1)?;
    Some((m, d, y, a, b))
}

/// Sign-off: "Place, Month Day, Juche N(YYYY)" or "Place, Month Day, YYYY" ending the line.
fn sign_off(s: &Scan) -> Option<(PartialDate, usize, usize, &'static str)> {
    let i = place_then_comma(s)?;
    let (m, j) = s.month_at(i)?;
    let (d, k) = s.day_at(j)?;
    let (p, next, rule) = if s.is_p(k, ',') && s.is_w(k + 1, "juche") {
        let (y, n, _) = juche_at(s, k + 1)?;
        (
            PartialDate::ymd(y, m as u32, d as u32)?,
            n,
            "sign-off-juche",
        )
    } else {
        let (p, n, _) = explicit_date_at(s, i)?;
        (p, n, "sign-off")
    };
    // Nothing but closing punctuation may follow.
    if (next..s.toks.len()).any(|x| s.p(x).is_none()) {
        return None;
    }
    let (a, b) = s.span(i, next - 1)?;
    Some((p, a, b, rule))
}

/// Year for a yearless dateline from the other dates in the text: a Juche
/// date first (KCNA sign-offs), then a written date in the same month, then
/// the latest written year.
fn year_from_text(text: &str, month: u8, skip: (usize, usize)) -> Option<i32> {
    let ctx = Context {
        doc_date: None,
        known: &[],
    };
    let exprs: Vec<_> = find_unexplained(text, &ctx)
        .into_iter()
        .filter(|e| e.end <= skip.0 || e.start >= skip.1)
        .collect();
    let juche = exprs
        .iter()
        .filter(|e| e.kind == Kind::Juche)
        .map(|e| e.value.start().year)
        .max();
    if juche.is_some() {
        return juche;
    }
    let same_month = exprs
        .iter()
        .filter(|e| e.kind == Kind::Absolute)
        .filter_map(|e| match &e.value {
            DateValue::Point(p) if p.month == Some(month) => Some(p.year),
            _ => None,
        })
        .max();
    if same_month.is_some() {
        return same_month;
    }
    exprs
        .iter()
        .filter(|e| matches!(e.kind, Kind::Absolute | Kind::Range))
        .map(|e| e.value.start().year)
        .filter(|y| (1900..=2100).contains(y))
        .max()
}

/// The issue date of a document from its own text (see the module doc).
pub fn doc_date_from_text(text: &str) -> Option<Found> {
    let ctx = Context {
        doc_date: None,
        known: &[],
    };
    let ls = lines(text);
    let head: Vec<&(usize, &str)> = ls.iter().take(15).collect();
    for (off, l) in &head {
        let s = Scan::new(l, &ctx, false);
        if let Some((p, a, b)) = mirror(&s) {
            return Some((p, off + a, off + b, "mirror-date-line"));
        }
    }
    let mut yearless: Option<(u8, u8, usize, usize)> = None;
    for (off, l) in ls.iter().take(6) {
        let s = Scan::new(l, &ctx, false);
        if let Some((m, d, y, a, b)) = dateline(&s) {
            match y {
                Some(y) => {
                    if let Some(p) = PartialDate::ymd(y, m as u32, d as u32) {
                        return Some((p, off + a, off + b, "dateline"));
                    }
                }
                None => {
                    if yearless.is_none() {
                        yearless = Some((m, d, off + a, off + b));
                    }
                }
            }
        }
    }
    for (off, l) in ls.iter().rev().take(3) {
        let s = Scan::new(l, &ctx, false);
        if let Some((p, a, b, rule)) = sign_off(&s) {
            return Some((p, off + a, off + b, rule));
        }
    }
    for (off, l) in ls.iter().take(3) {
        let s = Scan::new(l, &ctx, false);
        // Only a short line that is essentially a date stamp, not body text.
        if s.toks.len() > MAX_STAMP_TOKENS {
            continue;
        }
        for i in 0..s.toks.len() {
            if let Some((p, n, rule)) = explicit_date_at(&s, i) {
                if let Some((a, b)) = s.span(i, n - 1) {
                    return Some((
                        p,
                        off + a,
                        off + b,
                        if rule == "iso-date" {
                            "iso-top"
                        } else {
                            "date-top"
                        },
                    ));
                }
            }
        }
    }
    let (m, d, a, b) = yearless?;
    let y = year_from_text(text, m, (a, b))?;
    let p = PartialDate::ymd(y, m as u32, d as u32)?;
    Some((p, a, b, "dateline-year-from-text"))
}
