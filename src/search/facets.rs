//! Facet counts in one pass over the matches: facet ordinals counted in a vector per segment,
//! only the ordinals that occurred turned back into strings; dates bucketed by calendar year,
//! month or day from the date fast field.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

/// Calendar buckets of the date histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateBucket {
    #[default]
    Year,
    Month,
    Day,
}

impl std::str::FromStr for DateBucket {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "year" => Ok(DateBucket::Year),
            "month" => Ok(DateBucket::Month),
            "day" => Ok(DateBucket::Day),
            other => Err(format!("{other:?}: expected year, month or day")),
        }
    }
}

/// A facet value and how many matches carry it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

/// A date bucket `[from, to)` (dates as YYYY-MM-DD) and its count.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DateCount {
    pub from: String,
    pub to: String,
    pub count: u64,
}

/// Raw counts: facet value (as `kind/value`) -> count, and bucket key -> count.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub values: HashMap<(String, String), u64>,
    pub dates: BTreeMap<(i32, u8, u8), u64>,
}

impl Counts {
    /// The `size` most frequent values of `kind`, ties by name.
    pub fn top(&self, kind: &str, size: usize) -> Vec<FacetValue> {
        let mut v: Vec<FacetValue> = self.values.iter().filter(|((k, _), _)| k == kind).map(|((_, name), c)| FacetValue { value: name.clone(), count: *c }).collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        v.truncate(size);
        v
    }

    pub fn histogram(&self, bucket: DateBucket) -> Vec<DateCount> {
        self.dates
            .iter()
            .map(|(&(y, m, d), &count)| {
                let (ny, nm, nd) = match bucket {
                    DateBucket::Year => (y + 1, 1, 1),
                    DateBucket::Month if m == 12 => (y + 1, 1, 1),
                    DateBucket::Month => (y, m + 1, 1),
                    DateBucket::Day => next_day(y, m, d),
                };
                DateCount { from: format!("{y:04}-{m:02}-{d:02}"), to: format!("{ny:04}-{nm:02}-{nd:02}"), count }
            })
            .collect()
    }
}

fn next_day(y: i32, m: u8, d: u8) -> (i32, u8, u8) {
    let (ny, nm, nd) = civil_from_days(days_from_civil(y, m, d) + 1);
    (ny, nm, nd)
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Counts facet values of the given kinds and, optionally, dates.
///
/// Per segment, facet ordinals are counted in a vector. Only the best candidates of each kind
/// are turned back into strings (in one sorted pass over the dictionary), and when the
/// segments are merged each candidate's count is completed from the segments where it was not
/// a candidate, so the counts of the values shown are exact.
pub struct FacetCounter {
    pub field: String,
    pub kinds: Vec<String>,
    /// How many values of each kind will be shown.
    pub size: usize,
    pub date_field: Option<(String, DateBucket)>,
}

pub struct SegmentFacetCounter {
    reader: FacetReader,
    counts: Vec<u32>,
    /// Ordinal range of each kind in this segment's facet dictionary.
    ranges: Vec<(String, u64, u64)>,
    candidates: usize,
    dates: Option<(Column<DateTime>, DateBucket)>,
    date_counts: HashMap<i64, u64>,
}

/// What one segment counted.
pub struct SegmentCounts {
    /// Candidate values per kind, with their counts in this segment.
    candidates: HashMap<(String, String), u64>,
    reader: FacetReader,
    counts: Vec<u32>,
    dates: BTreeMap<(i32, u8, u8), u64>,
}

fn ord_range(reader: &FacetReader, kind: &str) -> (u64, u64) {
    use tantivy::columnar::TermOrdHit;
    let at = |key: Vec<u8>| match reader.facet_dict().term_ord_or_next(key) {
        Ok(TermOrdHit::Exact(o)) | Ok(TermOrdHit::Next(o)) => o.min(reader.num_facets() as u64),
        Err(_) => reader.num_facets() as u64,
    };
    let mut lo = kind.as_bytes().to_vec();
    lo.push(0);
    let mut hi = kind.as_bytes().to_vec();
    hi.push(1);
    (at(lo), at(hi))
}

impl Collector for FacetCounter {
    type Fruit = Counts;
    type Child = SegmentFacetCounter;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentFacetCounter> {
        let reader = segment.facet_reader(&self.field)?;
        let n = if self.kinds.is_empty() { 0 } else { reader.num_facets() };
        let ranges = self.kinds.iter().map(|k| {
            let (lo, hi) = ord_range(&reader, k);
            (k.clone(), lo, hi)
        }).collect();
        let dates = match &self.date_field {
            Some((f, b)) => Some((segment.fast_fields().date(f)?, *b)),
            None => None,
        };
        Ok(SegmentFacetCounter { reader, counts: vec![0; n], ranges, candidates: self.size * 4 + 50, dates, date_counts: HashMap::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentCounts>) -> tantivy::Result<Counts> {
        let mut out = Counts::default();
        let names: std::collections::HashSet<(String, String)> = fruits.iter().flat_map(|f| f.candidates.keys().cloned()).collect();
        for name in names {
            let mut total = 0u64;
            for f in &fruits {
                total += match f.candidates.get(&name) {
                    Some(c) => *c,
                    None => {
                        let key = Facet::from_path([name.0.as_str(), name.1.as_str()]);
                        match f.reader.facet_dict().term_ord(key.encoded_str()) {
                            Ok(Some(ord)) => f.counts.get(ord as usize).copied().unwrap_or(0) as u64,
                            _ => 0,
                        }
                    }
                };
            }
            out.values.insert(name, total);
        }
        for f in fruits {
            for (k, c) in f.dates {
                *out.dates.entry(k).or_default() += c;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        if !self.counts.is_empty() {
            for ord in self.reader.facet_ords(doc) {
                if let Some(c) = self.counts.get_mut(ord as usize) {
                    *c += 1;
                }
            }
        }
        if let Some((col, bucket)) = &self.dates {
            if let Some(d) = col.first(doc) {
                let days = d.into_timestamp_secs().div_euclid(86_400);
                let key = match bucket {
                    DateBucket::Day => days,
                    _ => {
                        let (y, m, _) = civil_from_days(days);
                        if *bucket == DateBucket::Year {
                            days_from_civil(y, 1, 1)
                        } else {
                            days_from_civil(y, m, 1)
                        }
                    }
                };
                *self.date_counts.entry(key).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> SegmentCounts {
        let mut candidates = HashMap::new();
        for (kind, lo, hi) in &self.ranges {
            let mut top: Vec<(u32, u64)> = (*lo..*hi).filter_map(|o| self.counts.get(o as usize).filter(|c| **c > 0).map(|c| (*c, o))).collect();
            if top.len() > self.candidates {
                top.select_nth_unstable_by(self.candidates - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                top.truncate(self.candidates);
            }
            let mut ords: Vec<u64> = top.iter().map(|t| t.1).collect();
            ords.sort_unstable();
            let mut values = Vec::with_capacity(ords.len());
            let _ = self.reader.facet_dict().sorted_ords_to_term_cb(&ords, |bytes| {
                let encoded = String::from_utf8_lossy(bytes);
                let value = encoded.split_once('\0').map(|(_, v)| v.to_string()).unwrap_or_default();
                values.push(value);
            });
            for (ord, value) in ords.iter().zip(values) {
                let c = self.counts[*ord as usize] as u64;
                candidates.insert((kind.clone(), value), c);
            }
        }
        let mut dates = BTreeMap::new();
        for (days, c) in self.date_counts {
            *dates.entry(civil_from_days(days)).or_default() += c;
        }
        SegmentCounts { candidates, reader: self.reader, counts: self.counts, dates }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2024, 2, 29), (1987, 2, 26), (2000, 12, 31), (1900, 3, 1)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
        assert_eq!(next_day(2024, 2, 28), (2024, 2, 29));
        assert_eq!(next_day(2023, 12, 31), (2024, 1, 1));
    }

    #[test]
    fn month_buckets_are_calendar_months() {
        let mut c = Counts::default();
        c.dates.insert((2024, 2, 1), 3);
        c.dates.insert((2024, 12, 1), 1);
        let h = c.histogram(DateBucket::Month);
        assert_eq!(h[0], DateCount { from: "2024-02-01".into(), to: "2024-03-01".into(), count: 3 });
        assert_eq!(h[1].to, "2025-01-01");
    }
}
