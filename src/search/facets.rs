//! Facet counts in one pass over the matches: facet ordinals counted in a vector per segment,
//! only the ordinals that occurred turned back into strings; dates bucketed by calendar year,
//! month or day from the date fast field.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};
use time::Date;

use crate::ingest::date::calendar_day;

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

/// A date bucket `[from, to)` (dates as YYYY-MM-DD), its label (`2024`, `2024-03` or
/// `2024-03-25`) and its count.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DateCount {
    pub period: String,
    pub from: String,
    pub to: String,
    pub count: u64,
}

/// Julian day number of 1970-01-01, day 0 of the date fast field's day numbers.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// The day after a day (y, m, d); for a key that is no day, the next year's first, so that a
/// walk over keys always advances.
fn next_day(y: i32, m: u8, d: u8) -> (i32, u8, u8) {
    match calendar_day(y, m.into(), d.into()).and_then(Date::next_day) {
        Some(next) => civil(next),
        None => (y + 1, 1, 1),
    }
}

/// Days since 1970-01-01 of a civil date; `None` when it is no day.
fn days_from_civil(y: i32, m: u8, d: u8) -> Option<i64> {
    calendar_day(y, m.into(), d.into()).map(day_number)
}

/// Days since 1970-01-01 of a stored date.
fn days_of(t: DateTime) -> i64 {
    t.into_timestamp_secs().div_euclid(86_400)
}

fn day_number(d: Date) -> i64 {
    d.to_julian_day() as i64 - UNIX_EPOCH_JULIAN_DAY
}

/// The day of a day number since 1970-01-01, clamped to the years `time` represents (archived
/// dates lie well inside them: Tantivy's years 1678 to 2262).
fn day_of(days: i64) -> Date {
    let julian = (days + UNIX_EPOCH_JULIAN_DAY)
        .clamp(Date::MIN.to_julian_day().into(), Date::MAX.to_julian_day().into());
    Date::from_julian_day(julian as i32).unwrap_or(Date::MIN)
}

fn civil(d: Date) -> (i32, u8, u8) {
    (d.year(), d.month().into(), d.day())
}

/// The civil date of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    civil(day_of(z))
}

/// Counts facet values of the given kinds and, optionally, dates, in one pass over the
/// matches. Documents hold global facet numbers (see `index::vocab`), so every segment counts
/// into a vector indexed by those numbers and the merge adds vectors: exact counts, and only the
/// values shown are turned back into strings.
pub struct FacetCounter {
    pub field: String,
    /// Kind code of every facet number (`index::vocab::KINDS` order).
    pub kinds_of: std::sync::Arc<Vec<u8>>,
    /// Which kind codes to count.
    pub wanted: Vec<u8>,
    pub date_field: Option<(String, DateBucket)>,
    /// The number that counts for each facet number (merged names, see `index::aliases`);
    /// `None` when every number counts for itself.
    pub reps: Option<std::sync::Arc<Reps>>,
    /// With `reps`: per segment, the documents holding two forms of one merged name (see
    /// [`Reps::collisions`]).
    pub collide: Option<std::sync::Arc<Vec<Vec<u64>>>>,
    /// The searcher's facet and date fields decoded into vectors (see [`Decoded`]); without
    /// them, the columns are read.
    pub decoded: Option<std::sync::Arc<Vec<Decoded>>>,
}

/// A segment's facet numbers and days, decoded once from its fast fields into plain vectors
/// (`Searchers::decode_facets`): counting then reads slices instead of bit-packed columns,
/// for a long-lived reader that answers many queries.
#[derive(Debug)]
pub struct Decoded {
    /// The fields decoded: the facet numbers and the date.
    fields: (String, String),
    /// Document `d`'s numbers are `values[starts[d]..starts[d + 1]]`, each with its kind code
    /// in the top bits (see [`KIND_SHIFT`]).
    starts: Vec<usize>,
    values: Vec<u32>,
    /// Days since 1970-01-01; [`NO_DAY`] for an undated document.
    days: Vec<i32>,
}

const NO_DAY: i32 = i32::MIN;

/// A decoded value is `kind << KIND_SHIFT | number`: counting tests the kind without looking
/// it up. Numbers from 2^29 on, and those past the vocabulary, are decoded as [`NOT_COUNTED`].
const KIND_SHIFT: u32 = 29;
const NUMBER_MASK: u32 = (1 << KIND_SHIFT) - 1;
/// Kind 7, which no facet has.
const NOT_COUNTED: u32 = u32::MAX;

impl Decoded {
    /// The memory the vectors hold, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.starts.capacity() * std::mem::size_of::<usize>()
            + self.values.capacity() * 4
            + self.days.capacity() * 4
    }

    /// Every segment of `searcher`, in segment order.
    pub fn of(
        searcher: &tantivy::Searcher,
        field: &str,
        date_field: &str,
        kinds_of: &[u8],
    ) -> tantivy::Result<Vec<Decoded>> {
        let encode = |v: u64| -> u32 {
            match (u32::try_from(v), kinds_of.get(v as usize)) {
                (Ok(n), Some(&k)) if n <= NUMBER_MASK && u32::from(k) < 7 => u32::from(k) << KIND_SHIFT | n,
                _ => NOT_COUNTED,
            }
        };
        searcher
            .segment_readers()
            .iter()
            .map(|seg| {
                let col = seg.fast_fields().u64(field)?;
                let dates = seg.fast_fields().date(date_field)?;
                let n = seg.max_doc() as usize;
                let mut d = Decoded {
                    fields: (field.to_string(), date_field.to_string()),
                    starts: Vec::with_capacity(n + 1),
                    values: Vec::new(),
                    days: Vec::with_capacity(n),
                };
                d.starts.push(0);
                for doc in 0..seg.max_doc() {
                    d.values.extend(col.values_for_doc(doc).map(encode));
                    d.starts.push(d.values.len());
                    // stored dates lie within Tantivy's years 1678 to 2262: i32 days hold them
                    d.days.push(
                        dates.first(doc).map_or(NO_DAY, |t| {
                            days_of(t).clamp(i32::MIN as i64 + 1, i32::MAX as i64) as i32
                        }),
                    );
                }
                Ok(d)
            })
            .collect()
    }
}

/// Where a segment's numbers and days are read from.
enum Source {
    Columns { facets: Option<Column<u64>>, dates: Option<Column<DateTime>> },
    Decoded(std::sync::Arc<Vec<Decoded>>, usize),
}

pub struct SegmentFacetCounter {
    source: Source,
    tally: Tally,
    days: Option<DayTally>,
}

/// Counts facet numbers in a vector indexed by number, lent by [`POOL`] and given back zeroed,
/// listing the numbers it saw.
struct Tally {
    /// Empty when no facet kind is counted.
    dense: Vec<u32>,
    touched: Vec<u32>,
    kinds_of: std::sync::Arc<Vec<u8>>,
    wanted: [bool; 256],
    reps: Option<std::sync::Arc<Reps>>,
    /// This segment's documents with two forms of one merged name (a bit per document).
    collide: Option<std::sync::Arc<Vec<Vec<u64>>>>,
    segment: usize,
    /// One document's merged numbers, as their representatives: two forms of one name count
    /// once.
    scratch: Vec<u32>,
}

/// Counts matches per date bucket.
struct DayTally {
    bucket: DateBucket,
    counts: HashMap<i64, u64>,
    /// The last day seen and its bucket: neighbouring documents mostly share a day.
    last_day: (i64, i64),
    /// The bucket being counted and its count so far (flushed into `counts` when it changes).
    run: (i64, u64),
    undated: u64,
}

/// What a search counted: (facet number, count) for every number seen, sorted by number, and
/// per date bucket.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub counts: Vec<(u32, u32)>,
    pub dates: BTreeMap<(i32, u8, u8), u64>,
    /// Matches without a date (counted when the histogram is asked for).
    pub undated: u64,
}

/// What one segment counted: (facet number, count) pairs sorted by number while it saw few
/// numbers, else the vector of counts indexed by number.
#[derive(Debug, Default)]
pub struct SegmentCounts {
    counts: Vec<(u32, u32)>,
    dense: Option<Vec<u32>>,
    dates: BTreeMap<(i32, u8, u8), u64>,
    undated: u64,
}

impl Counts {
    /// The `size` most frequent values of kind `code`, ties by name, named by `name_of`.
    pub fn top<'a>(
        &self,
        code: u8,
        kinds_of: &[u8],
        size: usize,
        name_of: impl Fn(u64) -> Option<&'a str>,
    ) -> Vec<FacetValue> {
        self.tops(&[code], kinds_of, size, name_of).pop().unwrap_or_default()
    }

    /// [`Counts::top`] of each kind of `codes`, in one pass over the counts.
    pub fn tops<'a>(
        &self,
        codes: &[u8],
        kinds_of: &[u8],
        size: usize,
        name_of: impl Fn(u64) -> Option<&'a str>,
    ) -> Vec<Vec<FacetValue>> {
        if size == 0 {
            return vec![Vec::new(); codes.len()];
        }
        let mut slot = [usize::MAX; 256];
        for (i, &c) in codes.iter().enumerate() {
            slot[c as usize] = i;
        }
        let mut per: Vec<Vec<(u32, u64)>> = vec![Vec::new(); codes.len()];
        for &(id, c) in &self.counts {
            if let Some(&k) = kinds_of.get(id as usize) {
                if let Some(v) = per.get_mut(slot[k as usize]) {
                    v.push((c, id as u64));
                }
            }
        }
        per.into_iter()
            .map(|mut v| {
                // Ties at the cut are ordered by name: keep every value tied with the last one
                // shown.
                if v.len() > size {
                    let cut = v.select_nth_unstable_by(size - 1, |a, b| b.0.cmp(&a.0)).1 .0;
                    v.retain(|x| x.0 >= cut);
                }
                let mut out: Vec<FacetValue> = v
                    .into_iter()
                    .filter_map(|(c, id)| {
                        name_of(id).map(|n| FacetValue { value: n.to_string(), count: c as u64 })
                    })
                    .collect();
                out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
                out.truncate(size);
                out
            })
            .collect()
    }

    /// The histogram from the first bucket with a match to the last, empty buckets included
    /// (unless that would be more than [`MAX_BUCKETS`]: then only the buckets with matches).
    pub fn histogram(&self, bucket: DateBucket) -> Vec<DateCount> {
        let next = |(y, m, d): (i32, u8, u8)| match bucket {
            DateBucket::Year => (y + 1, 1, 1),
            DateBucket::Month if m == 12 => (y + 1, 1, 1),
            DateBucket::Month => (y, m + 1, 1),
            DateBucket::Day => next_day(y, m, d),
        };
        let entry = |k: (i32, u8, u8), count: u64| {
            let (y, m, d) = k;
            let (ny, nm, nd) = next(k);
            DateCount {
                period: match bucket {
                    DateBucket::Year => format!("{y:04}"),
                    DateBucket::Month => format!("{y:04}-{m:02}"),
                    DateBucket::Day => format!("{y:04}-{m:02}-{d:02}"),
                },
                from: format!("{y:04}-{m:02}-{d:02}"),
                to: format!("{ny:04}-{nm:02}-{nd:02}"),
                count,
            }
        };
        let (Some((&first, _)), Some((&last, _))) =
            (self.dates.first_key_value(), self.dates.last_key_value())
        else {
            return Vec::new();
        };
        let days_per_bucket = match bucket {
            DateBucket::Year => 365,
            DateBucket::Month => 28,
            DateBucket::Day => 1,
        };
        let day = |(y, m, d): (i32, u8, u8)| days_from_civil(y, m, d);
        let span = match (day(first), day(last)) {
            (Some(a), Some(b)) => (b - a) / days_per_bucket,
            _ => i64::MAX,
        };
        if span > MAX_BUCKETS {
            return self.dates.iter().map(|(&k, &c)| entry(k, c)).collect();
        }
        let mut out = Vec::new();
        let mut k = first;
        while k <= last {
            out.push(entry(k, self.dates.get(&k).copied().unwrap_or(0)));
            k = next(k);
        }
        out
    }
}

/// The most buckets a histogram fills in between its first and last match.
pub const MAX_BUCKETS: i64 = 20_000;

impl Collector for FacetCounter {
    type Fruit = Counts;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let mut wanted = [false; 256];
        for &w in &self.wanted {
            wanted[w as usize] = true;
        }
        let table = self.decoded.as_ref().filter(|t| {
            t.get(ord as usize).is_some_and(|d| {
                d.days.len() == segment.max_doc() as usize
                    && d.fields.0 == self.field
                    && self.date_field.as_ref().is_none_or(|(f, _)| *f == d.fields.1)
            })
        });
        let source = match table {
            Some(t) => Source::Decoded(t.clone(), ord as usize),
            None => Source::Columns {
                facets: if self.wanted.is_empty() {
                    None
                } else {
                    Some(segment.fast_fields().u64(&self.field)?)
                },
                dates: match &self.date_field {
                    Some((f, _)) => Some(segment.fast_fields().date(f)?),
                    None => None,
                },
            },
        };
        let n = if self.wanted.is_empty() { 0 } else { self.kinds_of.len() };
        Ok(SegmentFacetCounter {
            source,
            tally: Tally {
                dense: pool_take(n),
                touched: Vec::new(),
                kinds_of: self.kinds_of.clone(),
                wanted,
                reps: self.reps.clone(),
                collide: self.collide.clone(),
                segment: ord as usize,
                scratch: Vec::new(),
            },
            days: self.date_field.as_ref().map(|(_, b)| DayTally {
                bucket: *b,
                counts: HashMap::new(),
                last_day: (i64::MIN, 0),
                run: (i64::MIN, 0),
                undated: 0,
            }),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, mut fruits: Vec<SegmentCounts>) -> tantivy::Result<Counts> {
        let mut out = Counts::default();
        // Add every segment's counts into one vector indexed by number (a segment that counted
        // densely lends its vector), then list the numbers seen in order: no sorting, unless
        // every segment counted few numbers.
        let mut dense: Option<Vec<u32>> = None;
        let mut sparse: Vec<&[(u32, u32)]> = Vec::new();
        for f in fruits.iter_mut() {
            if let Some(d) = f.dense.take() {
                match &mut dense {
                    None => dense = Some(d),
                    Some(acc) => {
                        add_into(acc, &d);
                        pool_give(d, false);
                    }
                }
            }
        }
        for f in &fruits {
            sparse.push(&f.counts);
        }
        let entries: usize = sparse.iter().map(|c| c.len()).sum();
        if dense.is_none() && entries > self.kinds_of.len() / 8 {
            dense = Some(pool_take(self.kinds_of.len()));
        }
        match dense {
            Some(mut acc) => {
                for c in &sparse {
                    for &(id, n) in c.iter() {
                        if let Some(d) = acc.get_mut(id as usize) {
                            *d += n;
                        }
                    }
                }
                out.counts = nonzero(&acc);
                pool_give(acc, false);
            }
            None => {
                let mut all: Vec<(u32, u32)> = sparse.iter().flat_map(|c| c.iter().copied()).collect();
                all.sort_unstable_by_key(|e| e.0);
                for (id, c) in all {
                    match out.counts.last_mut() {
                        Some((last, n)) if *last == id => *n += c,
                        _ => out.counts.push((id, c)),
                    }
                }
            }
        }
        if let Some(reps) = &self.reps {
            reps.fold(&mut out.counts);
        }
        for f in fruits {
            for (k, c) in f.dates {
                *out.dates.entry(k).or_default() += c;
            }
            out.undated += f.undated;
        }
        Ok(out)
    }
}

/// Adds `from` into `acc`, number by number (the shorter length wins: numbers beyond a
/// vocabulary are not counted anyway).
fn add_into(acc: &mut [u32], from: &[u32]) {
    for (a, b) in acc.iter_mut().zip(from) {
        *a += *b;
    }
}

/// The (number, count) pairs of a dense count vector, in number order.
fn nonzero(dense: &[u32]) -> Vec<(u32, u32)> {
    dense.iter().enumerate().filter(|(_, c)| **c > 0).map(|(i, &c)| (i as u32, c)).collect()
}

/// The names a count goes through: the representative of every facet number (see
/// `index::aliases::NameMap`), and a bit per number set on those that are merged, are
/// representatives or are hidden, so that counting reads the small bit set for the many
/// numbers that stand for themselves.
#[derive(Debug)]
pub struct Reps {
    reps: Vec<u32>,
    special: Vec<u64>,
}

impl Reps {
    pub fn new(reps: &[u32]) -> Reps {
        let mut special = vec![0u64; reps.len().div_ceil(64)];
        let mut mark = |id: usize| {
            if let Some(w) = special.get_mut(id / 64) {
                *w |= 1 << (id % 64);
            }
        };
        for (id, &r) in reps.iter().enumerate() {
            if r != id as u32 {
                mark(id);
                if r != crate::index::aliases::HIDDEN {
                    mark(r as usize);
                }
            }
        }
        Reps { reps: reps.to_vec(), special }
    }

    #[inline]
    fn special(&self, id: u64) -> bool {
        self.special.get((id / 64) as usize).is_some_and(|w| w >> (id % 64) & 1 == 1)
    }

    /// The number that counts for `id` ([`HIDDEN`](crate::index::aliases::HIDDEN) for none).
    #[inline]
    fn rep(&self, id: u64) -> u32 {
        self.reps.get(id as usize).copied().unwrap_or(id as u32)
    }

    /// Counts by facet number (sorted by number) turned into counts by representative: the
    /// merged numbers' counts go to their representative, hidden ones are dropped. A document
    /// counted a merged name once (its representative) or as the one form it holds, so the
    /// sums count each document once.
    pub fn fold(&self, counts: &mut Vec<(u32, u32)>) {
        let mut moved: Vec<(u32, u32)> = Vec::new();
        counts.retain(|&(id, c)| {
            if !self.special(id as u64) {
                return true;
            }
            match self.rep(id as u64) {
                crate::index::aliases::HIDDEN => false,
                r if r == id => true,
                r => {
                    moved.push((r, c));
                    false
                }
            }
        });
        if moved.is_empty() {
            return;
        }
        // the few moved counts, sorted, merged into the sorted rest in one pass
        moved.sort_unstable_by_key(|e| e.0);
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(counts.len() + moved.len());
        let (mut a, mut b) = (counts.iter().peekable(), moved.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x.0 <= y.0 => a.next(),
                (Some(_), Some(_)) | (None, Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, None) => break,
            };
            let Some(&(id, c)) = next else { break };
            match out.last_mut() {
                Some((last, n)) if *last == id => *n += c,
                _ => out.push((id, c)),
            }
        }
        *counts = out;
    }

    /// Per segment of `searcher`, a bit per document that holds two forms of one merged name
    /// ("Ben Bernanke" and "BEN BERNANKE"): only those documents need their numbers mapped
    /// while counting, so that the name counts once; every other document counts its numbers
    /// as they are and [`Reps::fold`] maps the sums.
    pub fn collisions(&self, searcher: &tantivy::Searcher, field: &str) -> tantivy::Result<Vec<Vec<u64>>> {
        let mut out = Vec::with_capacity(searcher.segment_readers().len());
        let mut seen: Vec<u32> = Vec::new();
        for seg in searcher.segment_readers() {
            let col = seg.fast_fields().u64(field)?;
            let mut bits = vec![0u64; (seg.max_doc() as usize).div_ceil(64)];
            for doc in 0..seg.max_doc() {
                seen.clear();
                for id in col.values_for_doc(doc) {
                    if !self.special(id) {
                        continue;
                    }
                    match self.rep(id) {
                        crate::index::aliases::HIDDEN => {}
                        r => {
                            if seen.contains(&r) {
                                bits[doc as usize / 64] |= 1 << (doc % 64);
                                break;
                            }
                            seen.push(r);
                        }
                    }
                }
            }
            out.push(bits);
        }
        Ok(out)
    }
}

/// Zeroed count vectors of the last searches, lent to segment counters: a broad query would
/// otherwise allocate and clear a vector of the whole vocabulary per segment.
static POOL: std::sync::Mutex<Vec<Vec<u32>>> = std::sync::Mutex::new(Vec::new());

/// The most the pool keeps, in bytes.
const POOL_BYTES: usize = 64 << 20;

/// A zeroed vector of `n` counts, from the pool when it holds one of that length.
fn pool_take(n: usize) -> Vec<u32> {
    if n == 0 {
        return Vec::new();
    }
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    // vectors of another length belong to another vocabulary: dropped
    while let Some(v) = pool.pop() {
        if v.len() == n {
            return v;
        }
    }
    vec![0; n]
}

/// Gives a vector back to the pool; `zeroed` when every count in it is already 0.
fn pool_give(mut v: Vec<u32>, zeroed: bool) {
    if v.is_empty() {
        return;
    }
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if (pool.len() + 1) * v.len() * 4 > POOL_BYTES {
        return;
    }
    if !zeroed {
        v.fill(0);
    }
    pool.push(v);
}

impl Tally {
    #[inline(always)]
    fn add(&mut self, id: u32) {
        if let Some(c) = self.dense.get_mut(id as usize) {
            if *c == 0 {
                self.touched.push(id);
            }
            *c += 1;
        }
    }

    /// Whether `doc` holds two forms of one merged name (so its numbers are mapped).
    #[inline(always)]
    fn collides(&self, doc: DocId) -> bool {
        // without the collision sets (they could not be read), every document is mapped
        self.reps.is_some()
            && self.collide.as_ref().is_none_or(|c| {
                c.get(self.segment)
                    .and_then(|bits| bits.get(doc as usize / 64))
                    .is_some_and(|w| w >> (doc % 64) & 1 == 1)
            })
    }

    /// Counts one document's decoded values (kind and number).
    #[inline(always)]
    fn decoded_doc(&mut self, doc: DocId, values: &[u32]) {
        if self.collides(doc) {
            let numbers = values.iter().filter(|&&v| v != NOT_COUNTED).map(|&v| u64::from(v & NUMBER_MASK));
            return self.doc(doc, numbers);
        }
        for &v in values {
            if self.wanted[(v >> KIND_SHIFT) as usize] {
                self.add(v & NUMBER_MASK);
            }
        }
    }

    /// Counts one document's numbers.
    #[inline(always)]
    fn doc(&mut self, doc: DocId, ids: impl Iterator<Item = u64>) {
        match &self.reps {
            Some(reps) if self.collides(doc) => {
                // A document with two forms of one name: numbers that stand for themselves
                // count at once; the others count as their representative (itself, for a
                // representative), once per document; hidden ones not at all. (Every other
                // document counts its numbers as they are: `Reps::fold` maps the sums.)
                let reps = reps.clone();
                let mut merged = std::mem::take(&mut self.scratch);
                for id in ids {
                    let Some(k) = self.kinds_of.get(id as usize) else { continue };
                    if !self.wanted[*k as usize] {
                        continue;
                    }
                    if !reps.special(id) {
                        self.add(id as u32);
                    } else if reps.rep(id) != crate::index::aliases::HIDDEN {
                        merged.push(reps.rep(id));
                    }
                }
                merged.sort_unstable();
                merged.dedup();
                for &r in &merged {
                    self.add(r);
                }
                merged.clear();
                self.scratch = merged;
            }
            _ => {
                for id in ids {
                    // Numbers beyond the vocabulary this reader loaded belong to a newer commit.
                    let Some(k) = self.kinds_of.get(id as usize) else { continue };
                    if self.wanted[*k as usize] {
                        self.add(id as u32);
                    }
                }
            }
        }
    }

    /// The counts as sorted pairs while few numbers were seen (the vector goes back to the
    /// pool), else the vector itself.
    fn harvest(mut self) -> (Vec<(u32, u32)>, Option<Vec<u32>>) {
        if self.touched.len() * 16 >= self.dense.len() && !self.dense.is_empty() {
            return (Vec::new(), Some(self.dense));
        }
        self.touched.sort_unstable();
        let pairs =
            self.touched.iter().map(|&id| (id, std::mem::take(&mut self.dense[id as usize]))).collect();
        pool_give(self.dense, true);
        (pairs, None)
    }
}

impl DayTally {
    #[inline(always)]
    fn day(&mut self, days: Option<i64>) {
        let Some(days) = days else {
            self.undated += 1;
            return;
        };
        let key = if self.last_day.0 == days {
            self.last_day.1
        } else {
            let key = match self.bucket {
                DateBucket::Day => days,
                // the first of a month and of a year are always days
                DateBucket::Month => day_of(days).replace_day(1).map_or(days, day_number),
                DateBucket::Year => day_of(days).replace_ordinal(1).map_or(days, day_number),
            };
            self.last_day = (days, key);
            key
        };
        if self.run.0 == key {
            self.run.1 += 1;
        } else {
            self.flush();
            self.run = (key, 1);
        }
    }

    fn flush(&mut self) {
        if self.run.1 > 0 {
            *self.counts.entry(self.run.0).or_default() += self.run.1;
        }
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        match &self.source {
            Source::Decoded(table, s) => {
                let t = &table[*s];
                let d = doc as usize;
                if !self.tally.dense.is_empty() {
                    self.tally.decoded_doc(doc, &t.values[t.starts[d]..t.starts[d + 1]]);
                }
                if let Some(days) = &mut self.days {
                    days.day(Some(t.days[d]).filter(|&x| x != NO_DAY).map(i64::from));
                }
            }
            Source::Columns { facets, dates } => {
                if let Some(col) = facets {
                    self.tally.doc(doc, col.values_for_doc(doc));
                }
                if let (Some(col), Some(days)) = (dates, &mut self.days) {
                    days.day(col.first(doc).map(days_of));
                }
            }
        }
    }

    fn harvest(self) -> SegmentCounts {
        let mut dates = BTreeMap::new();
        let mut undated = 0;
        if let Some(mut d) = self.days {
            d.flush();
            for (days, c) in d.counts {
                *dates.entry(civil_from_days(days)).or_default() += c;
            }
            undated = d.undated;
        }
        let (counts, dense) = self.tally.harvest();
        SegmentCounts { counts, dense, dates, undated }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_moves_merged_counts_to_their_representative_and_drops_hidden_ones() {
        use crate::index::aliases::HIDDEN;
        // 1 and 4 are forms of 2; 5 is hidden; 0 and 3 stand for themselves
        let reps = Reps::new(&[0, 2, 2, 3, 2, HIDDEN]);
        let mut counts = vec![(0, 7), (1, 2), (3, 1), (4, 5), (5, 9)];
        reps.fold(&mut counts);
        assert_eq!(counts, [(0, 7), (2, 7), (3, 1)]);
        let mut counts = vec![(1, 1), (2, 3)];
        reps.fold(&mut counts);
        assert_eq!(counts, [(2, 4)]);
    }

    #[test]
    fn civil_dates_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2024, 2, 29), (1987, 2, 26), (2000, 12, 31), (1900, 3, 1)] {
            assert_eq!(days_from_civil(y, m, d).map(civil_from_days), Some((y, m, d)));
        }
        assert_eq!(days_from_civil(1970, 1, 2), Some(1));
        assert_eq!(days_from_civil(2023, 2, 29), None);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(next_day(2024, 2, 28), (2024, 2, 29));
        assert_eq!(next_day(2023, 12, 31), (2024, 1, 1));
    }

    #[test]
    fn month_buckets_are_calendar_months() {
        let mut c = Counts::default();
        c.dates.insert((2024, 2, 1), 3);
        c.dates.insert((2024, 12, 1), 1);
        let h = c.histogram(DateBucket::Month);
        assert_eq!(
            h[0],
            DateCount {
                period: "2024-02".into(),
                from: "2024-02-01".into(),
                to: "2024-03-01".into(),
                count: 3
            }
        );
        // the empty months between are listed, each with its label
        assert_eq!(h.len(), 11);
        assert_eq!((h[1].period.as_str(), h[1].count), ("2024-03", 0));
        assert_eq!((h[10].period.as_str(), h[10].to.as_str(), h[10].count), ("2024-12", "2025-01-01", 1));
    }

    #[test]
    fn year_and_day_buckets_are_labelled_by_their_period_and_gaps_are_filled() {
        let mut c = Counts::default();
        c.dates.insert((2019, 1, 1), 2);
        c.dates.insert((2022, 1, 1), 5);
        let years: Vec<(String, u64)> =
            c.histogram(DateBucket::Year).into_iter().map(|d| (d.period, d.count)).collect();
        let want = [("2019", 2), ("2020", 0), ("2021", 0), ("2022", 5)];
        assert_eq!(years, want.map(|(p, n)| (p.to_string(), n)));
        let mut d = Counts::default();
        d.dates.insert((2024, 2, 28), 1);
        d.dates.insert((2024, 3, 1), 1);
        let days: Vec<String> = d.histogram(DateBucket::Day).into_iter().map(|d| d.period).collect();
        assert_eq!(days, ["2024-02-28", "2024-02-29", "2024-03-01"]);
        // a span too long to fill keeps only the days with matches
        let mut far = Counts::default();
        far.dates.insert((1900, 1, 1), 1);
        far.dates.insert((2024, 1, 1), 1);
        assert_eq!(far.histogram(DateBucket::Day).len(), 2);
    }
}
