//! Calendar values and proleptic Gregorian arithmetic.
//!
//! Main types: [`PartialDate`] (a date at year, month or day precision) and
//! [`DateValue`] (a point or a possibly open range of such dates). The
//! crate-internal helpers convert between civil dates and day numbers
//! (days since 1970-01-01) so that weekday and "N days ago" arithmetic is
//! exact. This module does not read text; it only validates and formats.

use std::fmt;
use std::str::FromStr;

/// A calendar date at year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Gregorian leap-year rule (divisible by 4, except centuries not divisible by 400).
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year`, or None for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    })
}

impl PartialDate {
    /// A day-precision date; None when the month or day does not exist
    /// (Feb 30, Feb 29 in a common year, month 13 ...).
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        let dim = days_in_month(year, month)?;
        if day == 0 || day > dim {
            return None;
        }
        Some(PartialDate {
            year,
            month: Some(month as u8),
            day: Some(day as u8),
        })
    }

    /// A month-precision date; None for a month outside 1..=12.
    pub fn ym(year: i32, month: u32) -> Option<Self> {
        if !(1..=12).contains(&month) {
            return None;
        }
        Some(PartialDate {
            year,
            month: Some(month as u8),
            day: None,
        })
    }

    /// A year-precision date.
    pub const fn y(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// Days since 1970-01-01 for a day-precision date; None otherwise.
    pub fn day_number(&self) -> Option<i64> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Some(days_from_civil(self.year as i64, m as u32, d as u32)),
            _ => None,
        }
    }

    /// The day-precision date for a day number; None if the year leaves i32.
    pub fn from_day_number(n: i64) -> Option<Self> {
        let (y, m, d) = civil_from_days(n);
        let y = i32::try_from(y).ok()?;
        PartialDate::ymd(y, m, d)
    }

    /// The same date moved by whole years. A Feb 29 that lands in a common
    /// year degrades to month precision rather than inventing a day.
    pub fn shift_years(&self, by: i32) -> Option<Self> {
        let year = self.year.checked_add(by)?;
        match (self.month, self.day) {
            (Some(m), Some(d)) => PartialDate::ymd(year, m as u32, d as u32)
                .or_else(|| PartialDate::ym(year, m as u32)),
            (Some(m), None) => PartialDate::ym(year, m as u32),
            _ => Some(PartialDate::y(year)),
        }
    }
}

/// Howard Hinnant's days_from_civil: day number of a proleptic Gregorian date.
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`].
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m as u32, d as u32)
}

/// Weekday of a day number, Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday).
pub(crate) fn weekday(day_number: i64) -> i64 {
    (day_number + 3).rem_euclid(7)
}

/// (year, month) moved by `delta` months.
pub(crate) fn add_months(year: i32, month: u8, delta: i64) -> Option<(i32, u8)> {
    let total = year as i64 * 12 + (month as i64 - 1) + delta;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    Some((y, (total.rem_euclid(12) + 1) as u8))
}

/// `00` to `99`, two characters a number.
const PAIRS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

impl PartialDate {
    /// Appends the date to `out` as [`PartialDate::plain`] writes it and says true, or says
    /// false (appending nothing) for a date that is not plain.
    fn push_plain(&self, out: &mut String) -> bool {
        let (Ok(y @ 0..=9999), true, true) = (u32::try_from(self.year), self.month.is_none_or(|m| m < 100), self.day.is_none_or(|d| d < 100)) else {
            return false;
        };
        let pair = |n: u32| {
            let k = 2 * n as usize;
            PAIRS.get(k..k + 2).unwrap_or("00")
        };
        out.push_str(pair(y / 100));
        out.push_str(pair(y % 100));
        for part in [self.month, self.month.and(self.day)].into_iter().flatten() {
            out.push('-');
            out.push_str(pair(u32::from(part)));
        }
        true
    }

    /// A four-digit year with two-digit month and day, written digit by digit (the bytes and
    /// how many are used); None for anything else, which the formatter writes.
    fn plain(&self) -> Option<([u8; 10], usize)> {
        let (Ok(y @ 0..=9999), true, true) = (u32::try_from(self.year), self.month.is_none_or(|m| m < 100), self.day.is_none_or(|d| d < 100)) else {
            return None;
        };
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let mut buf = [b'-'; 10];
        for (k, p) in [1000, 100, 10, 1].into_iter().enumerate() {
            buf[k] = digit(y / p);
        }
        let mut len = 4;
        for part in [self.month, self.month.and(self.day)].into_iter().flatten() {
            buf[len + 1] = digit(u32::from(part) / 10);
            buf[len + 2] = digit(u32::from(part));
            len += 3;
        }
        Some((buf, len))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every event's date is printed: the plain form in one write, anything else through
        // the formatter.
        let Some((buf, len)) = self.plain() else {
            write!(f, "{:04}", self.year)?;
            for part in [self.month, self.month.and(self.day)].into_iter().flatten() {
                write!(f, "-{:02}", part)?;
            }
            return Ok(());
        };
        f.write_str(std::str::from_utf8(&buf[..len]).map_err(|_| fmt::Error)?)
    }
}

/// Why a string is not a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDateError(pub String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a YYYY, YYYY-MM or YYYY-MM-DD date: {:?}", self.0)
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for PartialDate {
    type Err = ParseDateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Every remembered event date is read back: no allocation unless it is malformed.
        let err = || ParseDateError(s.to_string());
        // Up to three parts between '-'s; a fourth makes it malformed.
        let t = s.trim();
        let mut parts: [Option<&str>; 3] = [None; 3];
        let (mut n, mut from) = (0, 0);
        for (k, &b) in t.as_bytes().iter().enumerate() {
            if b == b'-' {
                if n == 2 {
                    return Err(err());
                }
                parts[n] = Some(&t[from..k]);
                (n, from) = (n + 1, k + 1);
            }
        }
        parts[n] = Some(&t[from..]);
        let [year, month, day] = parts;
        let year = year.unwrap_or("");
        let digits = |p: &str, max: usize| {
            !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
        };
        // The value of a run of at most six digits.
        let value = |p: &str| p.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
        if !digits(year, 6) {
            return Err(err());
        }
        let year = value(year) as i32;
        match (month, day) {
            (None, _) => Ok(PartialDate::y(year)),
            (Some(m), None) if digits(m, 2) => PartialDate::ym(year, value(m)).ok_or_else(err),
            (Some(m), Some(d)) if digits(m, 2) && digits(d, 2) => {
                PartialDate::ymd(year, value(m), value(d)).ok_or_else(err)
            }
            _ => Err(err()),
        }
    }
}

/// A resolved temporal value: a single date, or a range whose end may be open
/// ("from September" has a start and no end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateValue {
    Point(PartialDate),
    Range {
        start: PartialDate,
        end: Option<PartialDate>,
    },
}

impl DateValue {
    /// The first date the value covers.
    pub fn start(&self) -> PartialDate {
        match self {
            DateValue::Point(p) => *p,
            DateValue::Range { start, .. } => *start,
        }
    }

    /// The value moved by whole years (used for anniversaries).
    pub fn shift_years(&self, by: i32) -> Option<DateValue> {
        Some(match self {
            DateValue::Point(p) => DateValue::Point(p.shift_years(by)?),
            DateValue::Range { start, end } => DateValue::Range {
                start: start.shift_years(by)?,
                end: match end {
                    Some(e) => Some(e.shift_years(by)?),
                    None => None,
                },
            },
        })
    }

    /// A closed range of days given as day numbers.
    pub(crate) fn day_range(a: i64, b: i64) -> Option<DateValue> {
        Some(DateValue::Range {
            start: PartialDate::from_day_number(a)?,
            end: Some(PartialDate::from_day_number(b)?),
        })
    }
}

impl DateValue {
    /// What [`Display`](fmt::Display) prints, written into one buffer without the formatter
    /// when its dates are plain and copied into a string once (the coder prints every
    /// event's date).
    pub fn to_text(&self) -> String {
        let (start, end) = match self {
            DateValue::Point(p) | DateValue::Range { start: p, end: None } => (p, None),
            DateValue::Range { start, end: Some(e) } => (start, Some(e)),
        };
        // Most dates are plain: written piece by piece, without the formatter.
        let mut out = String::with_capacity(21);
        let plain = start.push_plain(&mut out)
            && match end {
                Some(e) => {
                    out.push('/');
                    e.push_plain(&mut out)
                }
                None => true,
            };
        if !plain {
            return self.to_string();
        }
        out
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Point(p) => p.fmt(f),
            DateValue::Range {
                start,
                end: Some(e),
            } => write!(f, "{}/{}", start, e),
            // An open range prints its start only: that is the date the
            // coder can attach to the event.
            DateValue::Range { start, end: None } => start.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_text_prints_what_display_prints() {
        let days = [
            PartialDate::y(2024),
            PartialDate::ym(2024, 6).unwrap(),
            PartialDate::ymd(2024, 6, 9).unwrap(),
            PartialDate::y(12),
            PartialDate::y(-44),
            PartialDate::y(12345),
            PartialDate::ymd(-1, 1, 1).unwrap(),
        ];
        for a in days {
            let mut values = vec![DateValue::Point(a), DateValue::Range { start: a, end: None }];
            values.extend(days.iter().map(|&b| DateValue::Range { start: a, end: Some(b) }));
            for v in values {
                assert_eq!(v.to_text(), v.to_string(), "{v:?}");
            }
        }
    }

    #[test]
    fn round_trip_day_numbers() {
        for n in [-800_000i64, -1, 0, 1, 18_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(n);
            assert_eq!(days_from_civil(y, m, d), n);
        }
        assert_eq!(weekday(days_from_civil(2020, 4, 23)), 3); // a Thursday
    }

    #[test]
    fn validation_and_parsing() {
        assert!(PartialDate::ymd(2020, 2, 29).is_some());
        assert!(PartialDate::ymd(2019, 2, 29).is_none());
        assert!(PartialDate::ymd(1900, 2, 29).is_none());
        assert!(PartialDate::ymd(2000, 2, 29).is_some());
        assert!(PartialDate::ymd(2020, 2, 30).is_none());
        assert!(PartialDate::ym(2020, 13).is_none());
        assert_eq!(
            "2019-04-25".parse::<PartialDate>().ok(),
            PartialDate::ymd(2019, 4, 25)
        );
        assert_eq!(
            "2019-04".parse::<PartialDate>().ok(),
            PartialDate::ym(2019, 4)
        );
        assert_eq!(
            "2019".parse::<PartialDate>().ok(),
            Some(PartialDate::y(2019))
        );
        assert!("2019-02-30".parse::<PartialDate>().is_err());
        assert!("2019-x".parse::<PartialDate>().is_err());
        assert!("".parse::<PartialDate>().is_err());
        assert!("é".parse::<PartialDate>().is_err());
        for bad in ["2019-04-25-1", "2019--04", "2019-", "-2019", "1234567", "2019-4-123", "2019-13", "2019-00-10", "+2019"] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
        assert_eq!(" 2019-4-5 ".parse::<PartialDate>().ok(), PartialDate::ymd(2019, 4, 5));
        assert_eq!("999999".parse::<PartialDate>().ok(), Some(PartialDate::y(999_999)));
        assert_eq!("0042-01".parse::<PartialDate>().ok(), PartialDate::ym(42, 1));
        let open = DateValue::Range {
            start: PartialDate::ym(2019, 9).unwrap(),
            end: None,
        };
        assert_eq!(open.to_string(), "2019-09");
    }

    #[test]
    fn display_pads_like_the_formatter() {
        let show = |year, month, day| PartialDate { year, month, day }.to_string();
        assert_eq!(show(2024, Some(6), Some(9)), "2024-06-09");
        assert_eq!(show(999, Some(12), None), "0999-12");
        assert_eq!(show(12345, None, Some(3)), "12345");
        assert_eq!(show(-5, Some(1), Some(31)), "-005-01-31");
        assert_eq!(show(2024, None, Some(5)), "2024");
        assert_eq!(show(2024, Some(100), Some(7)), "2024-100-07");
        let range = DateValue::Range { start: PartialDate::ym(2019, 6).unwrap(), end: PartialDate::ym(2019, 8) };
        assert_eq!(range.to_string(), "2019-06/2019-08");
    }
}
