//! One pass for a filtered search and its multi-select count.
//!
//! A search filtered on one kind (`--place Shanghai`) answers two questions: the page, total
//! and facet counts of the matches that pass every filter, and the counts of the filtered kind
//! over the matches that pass every *other* filter (so that the facet still lists the other
//! places to switch to). The second set holds the first: the first is the second narrowed by
//! the filter of that kind. [`Gated`] runs the query of the second set once; each of its
//! matches is counted by the multi-select collector, and the ones the gate (the kind's
//! filter, read into a bit set per segment) keeps go on to the main collectors with their
//! score. The score is asked for only for those: the other matches are counted unscored, as
//! a pass of their own would count them.
//!
//! The answers are those of the two searches: a match of the narrowed query scores what it
//! scores in the broader one (the filters are constant-score clauses of score 0), and every
//! collector sees the same documents in the same order.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::BitSet;
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

/// `main` collects the matches the gate keeps, with their scores; `side` collects every
/// match, unscored.
pub struct Gated<M, S> {
    pub gate: Box<dyn Weight>,
    pub main: M,
    pub side: S,
}

/// A segment's part of [`Gated`].
pub struct GatedSegment<M, S> {
    keep: BitSet,
    main: M,
    side: S,
}

impl<M: Collector, S: Collector> Collector for Gated<M, S> {
    type Fruit = (M::Fruit, S::Fruit);
    type Child = GatedSegment<M::Child, S::Child>;

    fn for_segment(&self, ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let mut keep = BitSet::with_max_value(segment.max_doc().max(1));
        self.gate.for_each_no_score(segment, &mut |docs| {
            for &d in docs {
                keep.insert(d);
            }
        })?;
        Ok(GatedSegment {
            keep,
            main: self.main.for_segment(ord, segment)?,
            side: self.side.for_segment(ord, segment)?,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.main.requires_scoring() || self.side.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        let (main, side): (Vec<_>, Vec<_>) = fruits.into_iter().unzip();
        Ok((self.main.merge_fruits(main)?, self.side.merge_fruits(side)?))
    }

    /// Scores only the matches the gate keeps (and every match, when the side collector
    /// needs scores).
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<<Self::Child as SegmentCollector>::Fruit> {
        let mut child = self.for_segment(ord, reader)?;
        let (main_scores, side_scores) = (self.main.requires_scoring(), self.side.requires_scoring());
        let alive = reader.alive_bitset();
        let mut scorer = weight.scorer(reader, 1.0)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let kept = child.keep.contains(doc);
                let score = if side_scores || (kept && main_scores) { scorer.score() } else { 0.0 };
                child.side.collect(doc, score);
                if kept {
                    child.main.collect(doc, score);
                }
            }
            doc = scorer.advance();
        }
        Ok(child.harvest())
    }
}

impl<M: SegmentCollector, S: SegmentCollector> SegmentCollector for GatedSegment<M, S> {
    type Fruit = (M::Fruit, S::Fruit);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.side.collect(doc, score);
        if self.keep.contains(doc) {
            self.main.collect(doc, score);
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.main.harvest(), self.side.harvest())
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, DocSetCollector, TopDocs};
    use tantivy::query::{BooleanQuery, ConstScoreQuery, EnableScoring, Occur, Query, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, STRING, TEXT};
    use tantivy::{doc, Index, Term};

    use super::Gated;

    /// Our own sentences, in two segments, each with a place key.
    fn index() -> (Index, tantivy::schema::Field, tantivy::schema::Field) {
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let place = b.add_text_field("place", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).expect("writer");
        let rows = [
            ("oil prices rose in the port", "oslo"),
            ("oil and gas from the north sea", "bergen"),
            ("the price of oil fell again, oil traders said", "oslo"),
            ("fish prices in the market", "oslo"),
            ("oil oil oil", "bergen"),
            ("a tanker of oil reached the port", "oslo"),
        ];
        for (i, (t, p)) in rows.iter().enumerate() {
            w.add_document(doc!(text => *t, place => *p)).expect("add");
            if i == 2 {
                w.commit().expect("commit");
            }
        }
        w.commit().expect("commit");
        (index, text, place)
    }

    #[test]
    fn one_gated_pass_gives_what_the_narrow_and_the_broad_searches_give() {
        let (index, text, place) = index();
        let searcher = index.reader().expect("reader").searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let query: Box<dyn Query> =
            Box::new(TermQuery::new(Term::from_field_text(text, "oil"), IndexRecordOption::WithFreqs));
        let filter: Box<dyn Query> =
            Box::new(TermQuery::new(Term::from_field_text(place, "oslo"), IndexRecordOption::Basic));
        let narrow = BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (Occur::Must, Box::new(ConstScoreQuery::new(filter.box_clone(), 0.0))),
        ]);
        let (count, top) =
            searcher.search(&narrow, &(Count, TopDocs::with_limit(10).order_by_score())).expect("narrow");
        let broad = searcher.search(&*query, &DocSetCollector).expect("broad");
        let gate = filter.weight(EnableScoring::disabled_from_searcher(&searcher)).expect("gate");
        let ((g_count, g_top), g_broad) = searcher
            .search(
                &*query,
                &Gated {
                    gate,
                    main: (Count, TopDocs::with_limit(10).order_by_score()),
                    side: DocSetCollector,
                },
            )
            .expect("gated");
        assert_eq!((count, broad.len()), (3, 5));
        assert_eq!(g_count, count);
        assert_eq!(g_top, top, "the same documents with the same scores");
        assert_eq!(g_broad, broad);
    }
}
