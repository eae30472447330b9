//! Event dates as day intervals: `2019` is 2019-01-01..2019-12-31, `2019-04` the month,
//! `2019-04-25` the day, `START/END` the range.
//!
//! [`Interval`] is what the store indexes (`date_start`, `date_end` as `YYYY-MM-DD` text, which
//! sorts as dates) and what the merge rule compares. It does not parse free text: the coder
//! has already resolved dates to SCHEMA.md's forms.

/// A closed interval of days, both ends as `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interval {
    pub start: String,
    pub end: String,
}

impl Interval {
    /// Days covered minus one (0 for a single day).
    pub fn width(&self) -> i64 {
        day_number(&self.start).zip(day_number(&self.end)).map_or(i64::MAX, |(a, b)| b - a)
    }
}

/// The interval of a SCHEMA.md date, or `None` when it is not one.
pub fn interval(date: &str) -> Option<Interval> {
    if let Some((a, b)) = date.split_once('/') {
        let (s, _) = bounds(a)?;
        let (_, e) = bounds(b)?;
        return (s <= e).then_some(Interval { start: s, end: e });
    }
    let (start, end) = bounds(date)?;
    Some(Interval { start, end })
}

/// First and last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn bounds(d: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = d.trim().split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let y = num(parts.first()?, 4)?;
    match parts.len() {
        1 => Some((format!("{y:04}-01-01"), format!("{y:04}-12-31"))),
        2 => {
            let m = num(parts[1], 2).filter(|m| (1..=12).contains(m))?;
            Some((format!("{y:04}-{m:02}-01"), format!("{y:04}-{m:02}-{:02}", month_days(y, m))))
        }
        3 => {
            let m = num(parts[1], 2).filter(|m| (1..=12).contains(m))?;
            let dd = num(parts[2], 2).filter(|dd| (1..=month_days(y, m)).contains(dd))?;
            let s = format!("{y:04}-{m:02}-{dd:02}");
            Some((s.clone(), s))
        }
        _ => None,
    }
}

fn month_days(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's `days_from_civil`).
pub fn day_number(d: &str) -> Option<i64> {
    let (y, rest) = d.split_once('-')?;
    let (m, dd) = rest.split_once('-')?;
    let (y, m, dd): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, dd.parse().ok()?);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` date of a day number (`civil_from_days`).
pub fn from_day_number(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Year and month of a SCHEMA.md date's first day: the contract crate's helper.
pub use dyad_record::year_month;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_of_each_precision() {
        assert_eq!(interval("2019").unwrap(), Interval { start: "2019-01-01".into(), end: "2019-12-31".into() });
        assert_eq!(interval("2020-02").unwrap().end, "2020-02-29");
        assert_eq!(interval("2019-04-25").unwrap().width(), 0);
        let r = interval("2019-04-24/2019-04-26").unwrap();
        assert_eq!((r.start.as_str(), r.end.as_str(), r.width()), ("2019-04-24", "2019-04-26", 2));
        assert!(interval("2019-13").is_none());
        assert!(interval("2019-02-30").is_none());
        assert!(interval("soon").is_none());
        assert!(interval("2020/2019").is_none());
    }

    #[test]
    fn day_numbers_round_trip() {
        for d in ["1970-01-01", "2000-02-29", "2019-04-25", "1945-08-15", "2100-12-31"] {
            assert_eq!(from_day_number(day_number(d).unwrap()), d);
        }
        assert_eq!(day_number("1970-01-02"), Some(1));
    }

    #[test]
    fn year_and_month() {
        assert_eq!(year_month("2019-04-25"), (Some(2019), Some(4)));
        assert_eq!(year_month("2019"), (Some(2019), None));
        assert_eq!(year_month("2019-04/2019-06"), (Some(2019), Some(4)));
    }
}
