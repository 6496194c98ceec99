//! Dates as news archives write them: ISO 8601 (with or without a time), RFC 2822, "March 25,
//! 2024", "25 March 2024", "Mar. 25, 2024". An unparseable date is kept as text by the caller,
//! never guessed.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Parses a date in one of the common forms; `None` when it is none of them.
pub fn parse_date(input: &str) -> Option<OffsetDateTime> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    parse_iso(s).or_else(|| parse_rfc2822(s)).or_else(|| parse_words(s))
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
            if let Some(d) = ymd(num(&b[i..i + 4]), num(&b[i + 5..i + 7]), num(&b[i + 8..i + 10])) {
                return Some(d);
            }
        }
        if b.len() >= i + 8 && is_digits(&b[i..i + 8]) && (b.len() == i + 8 || !b[i + 8].is_ascii_digit()) {
            if let Some(d) = ymd(num(&b[i..i + 4]), num(&b[i + 4..i + 6]), num(&b[i + 6..i + 8])) {
                return Some(d);
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

fn num(b: &[u8]) -> i32 {
    b.iter().fold(0i32, |acc, c| acc.saturating_mul(10).saturating_add((c - b'0') as i32))
}

fn ymd(y: i32, m: i32, d: i32) -> Option<OffsetDateTime> {
    if !(1000..=9999).contains(&y) {
        return None;
    }
    let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
    let date = Date::from_calendar_date(y, month, u8::try_from(d).ok()?).ok()?;
    Some(PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc())
}

/// `2024-03-25`, `2024-03-25T14:05`, `2024-03-25 14:05:09`, `2024-03-25T14:05:09.123+02:00`,
/// `2024-03-25T14:05:09Z`, and `2024/03/25`.
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
    let day = ymd(num(&b[0..4]), num(&b[5..7]), num(&b[8..10]))?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(day);
    }
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    let rb = rest.as_bytes();
    if rb.len() < 5 || !is_digits(&rb[0..2]) || rb[2] != b':' || !is_digits(&rb[3..5]) {
        return None;
    }
    let (h, mi) = (num(&rb[0..2]), num(&rb[3..5]));
    let mut i = 5;
    let mut sec = 0;
    if rb.len() >= 8 && rb[5] == b':' && is_digits(&rb[6..8]) {
        sec = num(&rb[6..8]);
        i = 8;
        if i < rb.len() && (rb[i] == b'.' || rb[i] == b',') {
            i += 1;
            while i < rb.len() && rb[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    let zone = rest[i..].trim();
    let offset = parse_offset(zone)?;
    let t = Time::from_hms(u8::try_from(h).ok()?, u8::try_from(mi).ok()?, u8::try_from(sec).ok()?).ok()?;
    Some(PrimitiveDateTime::new(day.date(), t).assume_offset(offset).to_offset(UtcOffset::UTC))
}

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
            let sign = match b.first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: Vec<u8> = b[1..].iter().copied().filter(|c| *c != b':').collect();
            if digits.len() != 4 || !is_digits(&digits) {
                return None;
            }
            let h = num(&digits[0..2]) * sign;
            let m = num(&digits[2..4]) * sign;
            UtcOffset::from_hms(i8::try_from(h).ok()?, i8::try_from(m).ok()?, 0).ok()
        }
    }
}

fn month_from_word(w: &str) -> Option<u8> {
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
    NAMES.iter().position(|n| w.len() >= 3 && n.starts_with(&w)).map(|i| i as u8 + 1)
}

/// RFC 2822: `Mon, 25 Mar 2024 14:05:09 +0000` (the weekday optional).
fn parse_rfc2822(s: &str) -> Option<OffsetDateTime> {
    let s = match s.find(',') {
        Some(i) if s[..i].chars().all(|c| c.is_ascii_alphabetic()) => s[i + 1..].trim(),
        _ => s,
    };
    let parts: Vec<&str> = s.split_whitespace().collect();
    if parts.len() < 4 {
        return None;
    }
    let d: u8 = parts[0].parse().ok()?;
    let m = month_from_word(parts[1])?;
    let y: i32 = parts[2].parse().ok()?;
    let day = ymd(y, m as i32, d as i32)?;
    let tp: Vec<&str> = parts[3].split(':').collect();
    if tp.len() < 2 {
        return None;
    }
    let t = Time::from_hms(
        tp[0].parse().ok()?,
        tp[1].parse().ok()?,
        tp.get(2).map(|x| x.parse().ok()).unwrap_or(Some(0))?,
    )
    .ok()?;
    let offset = parse_offset(parts.get(4).copied().unwrap_or(""))?;
    Some(PrimitiveDateTime::new(day.date(), t).assume_offset(offset).to_offset(UtcOffset::UTC))
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
    let strip = |p: &str| -> Option<i32> {
        let p = p.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        p.parse().ok()
    };
    if let Some(m) = month_from_word(parts[0]) {
        return ymd(parts[2].parse().ok()?, m as i32, strip(parts[1])?);
    }
    if let Some(m) = month_from_word(parts[1]) {
        return ymd(parts[2].parse().ok()?, m as i32, strip(parts[0])?);
    }
    None
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
    fn nonsense_is_not_guessed() {
        for s in ["", "yesterday", "2024-13-01", "2024-02-30", "March 2024", "12/03/2024", "2024-03-25Tfoo"] {
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
