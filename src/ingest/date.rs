//! Dates as news archives write them: RFC 3339 and RFC 2822 (read by `time`'s well-known
//! formats), the looser forms archives bend them into (a date alone, `2024/03/25`, no seconds,
//! no zone, a zone name, the weekday or month written out), and "March 25, 2024", "25 March
//! 2024", "Mar. 25, 2024". An unparseable date is kept as text by the caller, never guessed.
//!
//! [`calendar_day`] is the program's one check that a year, month and day name a real day: the
//! dates read here, the query language's `date:`, `--since`/`--until` and the facets' day walk
//! all go through it.

use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// The years a date of an article is read in; a date outside them is no date.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Parses a date in one of the common forms; `None` when it is none of them.
pub fn parse_date(input: &str) -> Option<OffsetDateTime> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    well_known(s).or_else(|| parse_iso(s)).or_else(|| parse_rfc2822(s)).or_else(|| parse_words(s))
}

/// The day `y-m-d` of the (proleptic Gregorian) calendar, or `None` when there is no such day
/// (month 13, April 31, February 29 of a common year).
pub fn calendar_day(y: i32, m: u32, d: u32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
    Date::from_calendar_date(y, month, u8::try_from(d).ok()?).ok()
}

/// A date found in a file name such as `2024-03-25-gaza.txt` or `20240325_gaza.md`.
pub fn date_from_file_name(name: &str) -> Option<OffsetDateTime> {
    let b = name.as_bytes();
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        if b.len() >= i + 10
            && is_digits(&b[i..i + 4])
            && (b[i + 4] == b'-' || b[i + 4] == b'_')
            && is_digits(&b[i + 5..i + 7])
            && b[i + 7] == b[i + 4]
            && is_digits(&b[i + 8..i + 10])
        {
            if let Some(d) = ymd(num(&b[i..i + 4]) as i32, num(&b[i + 5..i + 7]), num(&b[i + 8..i + 10])) {
                return Some(midnight(d));
            }
        }
        if b.len() >= i + 8 && is_digits(&b[i..i + 8]) && (b.len() == i + 8 || !b[i + 8].is_ascii_digit()) {
            if let Some(d) = ymd(num(&b[i..i + 4]) as i32, num(&b[i + 4..i + 6]), num(&b[i + 6..i + 8])) {
                return Some(midnight(d));
            }
        }
    }
    None
}

/// Formats a stored date the way the JSON output shows it: the day, or the day and time when
/// the time is not midnight.
pub fn format_date(d: OffsetDateTime) -> String {
    let (y, m, day) = (d.year(), d.month() as u8, d.day());
    if d.time() == Time::MIDNIGHT {
        format!("{y:04}-{m:02}-{day:02}")
    } else {
        format!("{y:04}-{m:02}-{day:02}T{:02}:{:02}:{:02}Z", d.hour(), d.minute(), d.second())
    }
}

fn is_digits(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_digit)
}

fn num(b: &[u8]) -> u32 {
    b.iter().fold(0u32, |acc, c| acc.saturating_mul(10).saturating_add((c - b'0') as u32))
}

/// A day of the years an article's date is read in.
fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
    if !YEARS.contains(&y) {
        return None;
    }
    calendar_day(y, m, d)
}

fn midnight(d: Date) -> OffsetDateTime {
    d.midnight().assume_utc()
}

/// A date and time read with its offset, in UTC and to the second; `None` when the year as
/// written is outside [`YEARS`] or the time in UTC is beyond what `time` represents.
fn in_utc(t: OffsetDateTime) -> Option<OffsetDateTime> {
    if !YEARS.contains(&t.year()) {
        return None;
    }
    t.replace_nanosecond(0).ok()?.checked_to_offset(UtcOffset::UTC)
}

fn at(day: Date, time: Time, offset: UtcOffset) -> Option<OffsetDateTime> {
    in_utc(PrimitiveDateTime::new(day, time).assume_offset(offset))
}

/// RFC 3339 (`2024-03-25T14:05:09.5+02:00`) and RFC 2822 (`Mon, 25 Mar 2024 14:05:09 +0000`,
/// the weekday and the seconds optional, the US zone names, a comment after the zone), as
/// `time` reads them.
fn well_known(s: &str) -> Option<OffsetDateTime> {
    // `time` takes any byte between the date and the time of RFC 3339; only `T` and a space are
    // taken here, so that a mangled string is no date rather than a guess
    let rfc3339 = matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' '))
        .then(|| OffsetDateTime::parse(s, &Rfc3339).ok())
        .flatten();
    in_utc(rfc3339.or_else(|| OffsetDateTime::parse(s, &Rfc2822).ok())?)
}

/// The ISO 8601 forms that RFC 3339 leaves out: `2024-03-25`, `2024/03/25`, `2024-03-25T14:05`,
/// `2024-03-25 14:05:09,5`, `2024-03-25T14:05:09 +0200`, `2024-03-25T14:05 EST`; no zone is UTC.
fn parse_iso(s: &str) -> Option<OffsetDateTime> {
    let b = s.as_bytes();
    if b.len() < 10
        || !is_digits(&b[0..4])
        || !(b[4] == b'-' || b[4] == b'/')
        || !is_digits(&b[5..7])
        || b[7] != b[4]
        || !is_digits(&b[8..10])
    {
        return None;
    }
    let day = ymd(num(&b[0..4]) as i32, num(&b[5..7]), num(&b[8..10]))?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(midnight(day));
    }
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    let (time, zone) = clock(rest)?;
    at(day, time, parse_offset(zone.trim())?)
}

/// `14:05`, `9:05`, `14:05:09`, `14:05:09.5` or `14:05:09,5` (the fraction dropped) at the start
/// of `s`: the time of day, and what follows it. Minutes and seconds have two digits.
fn clock(s: &str) -> Option<(Time, &str)> {
    fn field(s: &str, digits: std::ops::RangeInclusive<usize>) -> Option<(u8, &str)> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        if !digits.contains(&n) {
            return None;
        }
        Some((s[..n].parse().ok()?, &s[n..]))
    }
    let (h, rest) = field(s, 1..=2)?;
    let (m, mut rest) = field(rest.strip_prefix(':')?, 2..=2)?;
    let mut sec = 0;
    if let Some((x, r)) = rest.strip_prefix(':').and_then(|r| field(r, 2..=2)) {
        sec = x;
        rest = r.strip_prefix(['.', ',']).map_or(r, |f| f.trim_start_matches(|c: char| c.is_ascii_digit()));
    }
    Some((Time::from_hms(h, m, sec).ok()?, rest))
}

/// A zone after a time: none (UTC), `Z`, `UTC`, `GMT`, a US zone name, `+0200` or `+02:00`.
fn parse_offset(zone: &str) -> Option<UtcOffset> {
    match zone {
        "" | "Z" | "z" | "UTC" | "GMT" | "UT" => Some(UtcOffset::UTC),
        "EST" => UtcOffset::from_hms(-5, 0, 0).ok(),
        "EDT" => UtcOffset::from_hms(-4, 0, 0).ok(),
        "CST" => UtcOffset::from_hms(-6, 0, 0).ok(),
        "CDT" => UtcOffset::from_hms(-5, 0, 0).ok(),
        "MST" => UtcOffset::from_hms(-7, 0, 0).ok(),
        "MDT" => UtcOffset::from_hms(-6, 0, 0).ok(),
        "PST" => UtcOffset::from_hms(-8, 0, 0).ok(),
        "PDT" => UtcOffset::from_hms(-7, 0, 0).ok(),
        _ => {
            let b = zone.as_bytes();
            let sign: i8 = match b.first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: Vec<u8> = b[1..].iter().copied().filter(|c| *c != b':').collect();
            if digits.len() != 4 || !is_digits(&digits) {
                return None;
            }
            let (h, m) = (num(&digits[0..2]) as i8, num(&digits[2..4]) as i8);
            if h > 23 || m > 59 {
                return None;
            }
            UtcOffset::from_hms(h * sign, m * sign, 0).ok()
        }
    }
}

fn month_from_word(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    NAMES.iter().position(|n| w.len() >= 3 && n.starts_with(&w)).map(|i| i as u32 + 1)
}

/// RFC 2822 as archives bend it, beyond what `time` reads: the weekday or the month written
/// out (`Monday, 25 March 2024 14:05`), a one-digit hour, `UTC`, an offset with a colon, or no
/// zone (UTC).
fn parse_rfc2822(s: &str) -> Option<OffsetDateTime> {
    let s = match s.find(',') {
        Some(i) if s[..i].chars().all(|c| c.is_ascii_alphabetic()) => s[i + 1..].trim(),
        _ => s,
    };
    let parts: Vec<&str> = s.split_whitespace().collect();
    if parts.len() < 4 {
        return None;
    }
    let day = ymd(parts[2].parse().ok()?, month_from_word(parts[1])?, parts[0].parse().ok()?)?;
    let (time, rest) = clock(parts[3])?;
    if !rest.is_empty() {
        return None;
    }
    at(day, time, parse_offset(parts.get(4).copied().unwrap_or(""))?)
}

/// `March 25, 2024`, `Mar. 25 2024`, `25 March 2024`, `Monday, March 25, 2024`.
fn parse_words(s: &str) -> Option<OffsetDateTime> {
    let cleaned: String = s.chars().map(|c| if c == ',' { ' ' } else { c }).collect();
    let mut parts: Vec<&str> = cleaned.split_whitespace().collect();
    if parts.len() == 4
        && parts[0].chars().all(|c| c.is_ascii_alphabetic())
        && month_from_word(parts[0]).is_none()
    {
        parts.remove(0);
    }
    if parts.len() != 3 {
        return None;
    }
    let strip = |p: &str| -> Option<u32> {
        let p = p.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        p.parse().ok()
    };
    let day = if let Some(m) = month_from_word(parts[0]) {
        ymd(parts[2].parse().ok()?, m, strip(parts[1])?)
    } else if let Some(m) = month_from_word(parts[1]) {
        ymd(parts[2].parse().ok()?, m, strip(parts[0])?)
    } else {
        None
    };
    day.map(midnight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd_of(s: &str) -> Option<String> {
        parse_date(s).map(format_date)
    }

    #[test]
    fn common_forms_parse_to_the_same_day() {
        for s in [
            "2024-03-25",
            "2024/03/25",
            "March 25, 2024",
            "Mar. 25, 2024",
            "25 March 2024",
            "Monday, March 25, 2024",
            "Mon, 25 Mar 2024 00:00:00 +0000",
        ] {
            assert_eq!(ymd_of(s).as_deref(), Some("2024-03-25"), "{s}");
        }
    }

    #[test]
    fn times_and_offsets_are_kept_in_utc() {
        assert_eq!(ymd_of("1987-02-26T15:01:01").as_deref(), Some("1987-02-26T15:01:01Z"));
        assert_eq!(ymd_of("2006-10-20T18:15").as_deref(), Some("2006-10-20T18:15:00Z"));
        assert_eq!(ymd_of("2024-03-25T01:00:00+02:00").as_deref(), Some("2024-03-24T23:00:00Z"));
        assert_eq!(ymd_of("Tue, 26 Mar 2024 10:00:00 EST").as_deref(), Some("2024-03-26T15:00:00Z"));
    }

    #[test]
    fn rfc3339_and_rfc2822_with_offsets() {
        for (s, want) in [
            ("2024-03-25T14:05:09+05:30", "2024-03-25T08:35:09Z"),
            ("2024-03-25T22:05:09.250-04:00", "2024-03-26T02:05:09Z"),
            ("2024-03-25t14:05:09z", "2024-03-25T14:05:09Z"),
            ("Mon, 25 Mar 2024 14:05:09 -0700", "2024-03-25T21:05:09Z"),
            ("25 Mar 2024 00:30 +0100", "2024-03-24T23:30:00Z"),
            ("Sun, 24 Mar 2024 23:30:00 +0200 (CET)", "2024-03-24T21:30:00Z"),
            // a weekday that does not fit the date is not checked
            ("Fri, 25 Mar 2024 10:00:00 +0000", "2024-03-25T10:00:00Z"),
        ] {
            assert_eq!(ymd_of(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn looser_forms_than_the_rfcs_still_parse() {
        for (s, want) in [
            ("2024-03-25 14:05:09,5 +0200", "2024-03-25T12:05:09Z"),
            ("2024-03-25T14:05 EST", "2024-03-25T19:05:00Z"),
            ("2024-03-25T14:05:09+0200", "2024-03-25T12:05:09Z"),
            ("Monday, 25 March 2024 9:05 UTC", "2024-03-25T09:05:00Z"),
            ("25 Mar 2024 14:05:09", "2024-03-25T14:05:09Z"),
            ("Mon, 25 Mar 2024 14:05:09 +02:00", "2024-03-25T12:05:09Z"),
            ("25 Mar 1899 10:00:00 +0000", "1899-03-25T10:00:00Z"),
        ] {
            assert_eq!(ymd_of(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn dates_past_the_years_read_are_none_not_a_panic() {
        for s in ["9999-12-31T23:00:00-05:00", "0999-03-25T00:00:00Z", "Mon, 25 Mar 0999 10:00:00 +0000"] {
            assert_eq!(ymd_of(s), None, "{s}");
        }
        assert_eq!(ymd_of("1000-01-01T00:30:00+01:00").as_deref(), Some("0999-12-31T23:30:00Z"));
    }

    #[test]
    fn calendar_days_follow_the_leap_year_rule() {
        assert!(calendar_day(2024, 2, 29).is_some());
        assert!(calendar_day(2000, 2, 29).is_some());
        assert!(calendar_day(0, 2, 29).is_some());
        assert!(calendar_day(2023, 2, 29).is_none());
        assert!(calendar_day(1900, 2, 29).is_none());
        assert!(calendar_day(2024, 4, 31).is_none());
        for (m, d) in [(0, 1), (13, 1), (1, 0), (1, 32), (300, 1), (1, 300)] {
            assert!(calendar_day(2024, m, d).is_none(), "{m}-{d}");
        }
        assert_eq!(calendar_day(2024, 12, 31).map(|d| d.ordinal()), Some(366));
    }

    #[test]
    fn nonsense_is_not_guessed() {
        for s in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-02-30",
            "March 2024",
            "12/03/2024",
            "2024-03-25Tfoo",
            "2024-03-25T14:05:0",
            "2024-03-25T14:05 +2400",
            "25 Mar 2024 14:045:09 +0000",
            "2024-03-25814:05:09Z",
        ] {
            assert_eq!(ymd_of(s), None, "{s}");
        }
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_from_file_name("2024-03-25-gaza.txt").map(format_date).as_deref(),
            Some("2024-03-25")
        );
        assert_eq!(date_from_file_name("gaza_20240325.md").map(format_date).as_deref(), Some("2024-03-25"));
        assert_eq!(date_from_file_name("un-security-council.txt"), None);
        assert_eq!(date_from_file_name("report-123456789.txt"), None);
    }
}
