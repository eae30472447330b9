//! Dates that are written as dates but cannot be: `February 30`, `31 April 2023`,
//! `Juche 0`, `2023-13-01`, `32/01/2024`.
//!
//! [`impossible`] finds them so that the coder can say why an event fell back to another
//! date instead of silently ignoring the text. It resolves nothing and never panics; the
//! expressions it reports are the ones [`crate::find`] leaves out.

use crate::calendar::days_in_month;

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

/// A written date that no calendar has: its byte span and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Impossible {
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

/// Words with their byte offsets: runs of letters or digits (a `-` or `/` between digits
/// stays inside, so `2023-13-01` is one word).
fn words(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        let inner = (c == '-' || c == '/' || c == '.')
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(|x| x.is_ascii_digit());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), &text[s..]));
    }
    out
}

/// The month `w` names, in any case. (No letter outside ASCII lowercases into a month name,
/// so comparing ASCII case-insensitively is lowercasing without the copy.)
fn month(w: &str) -> Option<u32> {
    MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)).map(|i| i as u32 + 1)
}

/// Whether `w` begins with a digit, as days and numeric dates do.
fn numeric(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn day(w: &str) -> Option<u32> {
    if !numeric(w) {
        return None;
    }
    let d = w.trim_end_matches(|c: char| c.is_alphabetic());
    (d.len() <= 2 && !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())).then(|| d.parse().ok()).flatten()
}

fn year(w: Option<&(usize, usize, &str)>) -> Option<i32> {
    let w = w?.2;
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

/// Whether `text` may hold an impossible date: a run of ASCII digits that is short enough
/// to be a day (one or two digits) and past the 28th, is all zeros (`Juche 0`, day 0), or
/// goes on past a `-`, `/` or `.` into more digits (`2023-13-01`). Every rule of [`impossible`] needs one, so a text
/// without (`in March 2023`, `G20`) is passed over without splitting it into words.
fn may_be_impossible(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Eight bytes without a digit at a time: `^ '0'` makes digits the bytes below 10,
        // and subtracting 10 from each byte sets the high bit of those (and of no other
        // byte below 0x80), without borrowing across bytes that are not.
        if let Some(eight) = b.get(i..i + 8) {
            const ONES: u64 = 0x0101_0101_0101_0101;
            let mut w = [0u8; 8];
            w.copy_from_slice(eight);
            let x = u64::from_le_bytes(w) ^ (ONES * u64::from(b'0'));
            if x.wrapping_sub(ONES * 10) & !x & (ONES * 0x80) == 0 {
                i += 8;
                continue;
            }
        }
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut zeros = true;
        let mut value = 0u32;
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            zeros &= d == b'0';
            value = value.saturating_mul(10).saturating_add(u32::from(d - b'0'));
            i += 1;
        }
        // A day is bad only when it is 0 or past the month's end, and every month has 28
        // days: `June 3` and `19 March` are passed over.
        if zeros || (i - start <= 2 && value > 28 && month_beside(b, start, i)) {
            return true;
        }
        if matches!(b.get(i), Some(b'-' | b'/' | b'.')) && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return true;
        }
    }
    false
}

/// Whether the digits `b[start..end]` may be a day beside a month name: the word before
/// them or the word after their suffix (`30th`) is one, or a character outside ASCII makes
/// the words hard to tell at a glance (then they may be). A day is read only next to a
/// month, and most numbers (`40 people`) stand beside none.
fn month_beside(b: &[u8], start: usize, end: usize) -> bool {
    let is_month = |w: &[u8]| MONTHS.iter().any(|m| m.as_bytes().eq_ignore_ascii_case(w));
    // The word before: back over ASCII bytes that are no letter or digit, then its letters.
    let mut k = start;
    while k > 0 && b[k - 1].is_ascii() && !b[k - 1].is_ascii_alphanumeric() {
        k -= 1;
    }
    let word_end = k;
    while k > 0 && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    if k > 0 && !b[k - 1].is_ascii() || is_month(&b[k..word_end]) {
        return true;
    }
    // The word after: past the day's suffix and the ASCII bytes that are no letter or digit.
    let mut k = end;
    while k < b.len() && b[k].is_ascii_alphabetic() {
        k += 1;
    }
    while k < b.len() && b[k].is_ascii() && !b[k].is_ascii_alphanumeric() {
        k += 1;
    }
    let word_start = k;
    while k < b.len() && b[k].is_ascii_alphabetic() {
        k += 1;
    }
    b.get(k).is_some_and(|c| !c.is_ascii()) || is_month(&b[word_start..k])
}

/// Impossible written dates in `text`, left to right.
pub fn impossible(text: &str) -> Vec<Impossible> {
    if !may_be_impossible(text) {
        return Vec::new();
    }
    impossible_in_words(text)
}

/// [`impossible`] without the quick look: every word is read.
fn impossible_in_words(text: &str) -> Vec<Impossible> {
    let ws = words(text);
    let mut out = Vec::new();
    let bad = |m: u32, d: u32, y: Option<i32>| {
        // Without a year, February 29 is possible (a leap year may be meant).
        let max = days_in_month(y.unwrap_or(2024), m).unwrap_or(31);
        d == 0 || d > max
    };
    for (k, &(s, e, w)) in ws.iter().enumerate() {
        // Month day [year]: `February 30`, `April 31, 2023`.
        if let (Some(m), Some(&(_, e2, w2))) = (month(w), ws.get(k + 1)) {
            if let Some(d) = day(w2) {
                let y = year(ws.get(k + 2));
                if bad(m, d, y) {
                    out.push(Impossible { start: s, end: e2, reason: format!("{w} has no day {d}") });
                }
            }
        }
        // Day month [year]: `31 April 2023`.
        if let (Some(d), Some(&(_, e2, w2))) = (day(w), ws.get(k + 1)) {
            if let Some(m) = month(w2) {
                let y = year(ws.get(k + 2));
                if bad(m, d, y) && d <= 99 {
                    out.push(Impossible { start: s, end: e2, reason: format!("{w2} has no day {d}") });
                }
            }
        }
        // Juche 0 and before: the calendar starts at Juche 1 (1912).
        if w.eq_ignore_ascii_case("juche") {
            if let Some(&(_, e2, w2)) = ws.get(k + 1) {
                if w2.parse::<i64>().is_ok_and(|n| n < 1) {
                    out.push(Impossible { start: s, end: e2, reason: format!("Juche {w2} is before the Juche era") });
                }
            }
        }
        // Numeric forms: `2023-13-01`, `32/01/2024`, `31.04.2023`.
        if !numeric(w) {
            continue;
        }
        let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            // A part too long for a number (`99999999999/01/2024`) is no date part.
            let [n0, n1, n2] = n[..] else { continue };
            let (y, m, d) = if parts[0].len() == 4 { (n0, n1, n2) } else if parts[2].len() == 4 { (n2, n1, n0) } else { continue };
            let month_ok = (1..=12).contains(&m);
            if !month_ok || bad(m, d, Some(y as i32)) {
                let reason = if month_ok { format!("month {m} has no day {d}") } else { format!("there is no month {m}") };
                out.push(Impossible { start: s, end: e, reason });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(t: &str) -> Vec<&str> {
        impossible(t).iter().map(|i| &t[i.start..i.end]).collect()
    }

    #[test]
    fn finds_impossible_dates() {
        assert_eq!(spans("They met on February 30 in Oslo."), vec!["February 30"]);
        assert_eq!(spans("On 31 April 2023 talks began."), vec!["31 April"]);
        assert_eq!(spans("Pyongyang, May 2, Juche 0"), vec!["Juche 0"]);
        assert_eq!(spans("Date: 32/01/2024 | Source"), vec!["32/01/2024"]);
        assert_eq!(spans("filed 2023-13-01"), vec!["2023-13-01"]);
        assert_eq!(spans("February 29, 2023 and February 29, 2024"), vec!["February 29"]);
    }

    /// Strings of months, days, years, numeric dates, `Juche`, letters, separators and
    /// other scripts, glued or spaced at random.
    fn random_texts(n: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "February", "april", "MAY", "Juche", "juche", "x", "th", "é", "Ä", "日本", "0", "00", "000", "1", "7", "12", "29",
            "30", "31", "32", "99", "100", "28", "01", "09", "3rd", "29th", "30TH", "June", "Sept", "people", "—", "x5", "é30", "(", "2023", "2024", "12345", "-", "/", ".", ",", " ", " ", " ", "\n", ":", "(", "2023-13-01",
            "31.04.2023", "32/01/2024", "1/2/3",
        ];
        let mut next = crate::test_rng(0x5851_f42d_4c95_7f2du64);
        (0..n).map(|_| (0..next(14)).map(|_| PIECES[next(PIECES.len())]).collect()).collect()
    }

    #[test]
    fn a_text_passed_over_has_no_impossible_date() {
        let mut found = 0;
        for t in random_texts(50_000) {
            assert_eq!(impossible(&t), impossible_in_words(&t), "{t:?}");
            found += impossible(&t).len();
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn possible_dates_pass() {
        assert!(impossible("June 19, 2024, 19 June 2024, 2024-06-19, 20/06/2024, Juche 109(2020), May 5").is_empty());
        assert!(impossible("").is_empty());
        // A part too long for a number once made this panic.
        assert!(impossible("99999999999/01/2024 and 2024-01-99999999999").is_empty());
        assert!(impossible("Ünïcödé 31 Äpril, février 30").is_empty());
        assert_eq!(spans("FEBRUARY 30 and 31 april 2023, not Februar 30 or \u{212a}une 31"), vec!["FEBRUARY 30", "31 april"]);
    }
}
