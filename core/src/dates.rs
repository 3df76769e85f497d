//! Calendar dates as the core stores them: a day number (days since 1970-01-01) read from and
//! written as ISO 8601 `YYYY-MM-DD`. Pure integer arithmetic (the proleptic Gregorian calendar),
//! so that no date library and no floating point are compiled into the browser build. The core
//! never reads a clock: "today" is always passed in by the caller (the user's device).

use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(u32);

/// The earliest and latest days accepted (1990-01-01 and 2199-12-31): anything else is a typing
/// mistake, not a screening date.
const EARLIEST: Day = Day(7305);
const LATEST: Day = Day(84_005);

impl Day {
    /// Days since 1970-01-01.
    pub fn number(self) -> u32 {
        self.0
    }

    /// The day with this number, if it is within the accepted range.
    pub fn from_number(number: u32) -> Option<Day> {
        let day = Day(number);
        (EARLIEST..=LATEST).contains(&day).then_some(day)
    }

    /// Parse `YYYY-MM-DD` (a real calendar day within the accepted range).
    pub fn parse(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            text.get(range)
                .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?
                .parse()
                .ok()
        };
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Day::from_number(days_from_civil(year, month, day))
    }

    /// Year, month, day.
    pub fn civil(self) -> (u32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The same day `months` later, or the month's last day where it has no such day (31 August
    /// plus six months is 28 or 29 February); kept within the accepted range.
    pub fn add_months(self, months: u32) -> Day {
        let (year, month, day) = self.civil();
        let index = year * 12 + (month - 1) + months;
        let (year, month) = (index / 12, index % 12 + 1);
        let day = day.min(days_in_month(year, month));
        Day(days_from_civil(year, month, day)).min(LATEST)
    }

    /// Whole months from `self` to `later` (negative never: 0 if `later` is earlier).
    pub fn months_until(self, later: Day) -> u32 {
        let (y1, m1, d1) = self.civil();
        let (y2, m2, d2) = later.civil();
        let months = (y2 * 12 + m2).saturating_sub(y1 * 12 + m1);
        if d2 < d1 {
            months.saturating_sub(1)
        } else {
            months
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.civil();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date from 1970 on (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: u32, month: u32, day: u32) -> u32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: u32) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u32::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip_on_known_days() {
        for (text, number) in [
            ("1990-01-01", 7305),
            ("2000-02-29", 11_016),
            ("2026-11-23", 20_780),
            ("2199-12-31", 84_005),
        ] {
            let day = Day::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(day.number(), number, "{text}");
            assert_eq!(day.to_string(), text);
        }
        for number in (7305..84_005).step_by(37) {
            let day = Day::from_number(number).unwrap();
            assert_eq!(Day::parse(&day.to_string()), Some(day));
        }
    }

    #[test]
    fn impossible_or_out_of_range_dates_are_refused() {
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "1989-12-31",
            "2200-01-01",
            "2026-1-01",
            "26-11-2026",
            "2026-11-2x",
            "",
        ] {
            assert_eq!(Day::parse(text), None, "{text}");
        }
    }

    #[test]
    fn months_are_counted_by_the_calendar() {
        let day = |t| Day::parse(t).unwrap();
        assert_eq!(day("2026-11-23").months_until(day("2027-05-22")), 5);
        assert_eq!(day("2026-11-23").months_until(day("2027-05-23")), 6);
        assert_eq!(day("2026-11-23").months_until(day("2026-01-01")), 0);
    }
}
