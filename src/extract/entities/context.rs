//! The words around a mention that tell its type: a determiner before it, an organization's
//! noun next to it, a party's or a club's role after it.

use super::model::*;
use super::resolve::Mention;
use super::tokenize::*;
use super::words::*;
use crate::extract::lexicon;

/// Whether a mention follows a determiner ("the iPod", "its Mac") and whether an organization
/// noun stands next to it ("automaker Chrysler", "Ford shares", "a stake in Chrysler").
pub(super) fn mention_cues(d: &Doc, m: &Mention) -> (bool, bool, u8) {
    let pi = d.paras.partition_point(|&(lo, _)| lo <= m.lo);
    let Some(&(lo, hi)) = pi.checked_sub(1).and_then(|p| d.paras.get(p)) else {
        return (false, false, 0);
    };
    if m.hi > hi {
        return (false, false, 0);
    }
    let w = |k: usize| &d.text[d.toks[k].s as usize..d.toks[k].e as usize];
    let prev = if m.lo > lo { w(m.lo - 1) } else { "" };
    let prev2 = if m.lo > lo + 1 { w(m.lo - 2) } else { "" };
    let next = if m.hi < hi { w(m.hi) } else { "" };
    let det =
        lexicon::is_name_determiner(prev) && !(prev == "The" && d.toks[m.lo - 1].flags & SENT_START == 0);
    let lower = |x: &str| x.bytes().next().is_some_and(|c| c.is_ascii_lowercase());
    let lower_is = |x: &str, list: usize| lower(x) && in_list(x, list);
    let nb = list_bits(next);
    let next_in = |list: usize| nb & (1 << list) != 0;
    let prev3 = if m.lo > lo + 2 { w(m.lo - 3) } else { "" };
    let before = lower_is(prev, L_ORG_BEFORE)
        || (m.hi - m.lo == 1
            && prev == ","
            && lower_is(prev2, L_ORG_BEFORE)
            && lexicon::ARTICLES.contains(&prev3))
        || (lexicon::is_company_object_preposition(prev) && lexicon::is_company_noun(prev2));
    let after = (lower(next) && next_in(L_ORG_AFTER))
        || lexicon::is_company_designator(next)
        || (next == "Chief" && m.hi + 1 < hi && lexicon::is_chief_officer_word(w(m.hi + 1)));
    // a one-word name before a member or a role of a party, club or people ("Tory MP",
    // "Chelsea striker", "Muslim leaders"): 1 for a party or people, 2 for a club
    // a plural verb after one word ("Chelsea have", "Sony were"): a team or a company
    let plural_verb = m.hi - m.lo == 1
        && lexicon::is_plural_verb(next)
        && (d.toks[m.lo].flags & SENT_START != 0 || lexicon::is_clause_conjunction(prev));
    let adj = if m.hi - m.lo != 1 {
        0
    } else if next_in(L_ADJ) && !next.starts_with(|c: char| c.is_ascii_uppercase() && next.len() > 3) {
        1
    } else if lower(next) && next_in(L_CLUB) {
        2
    } else {
        0
    };
    (det, before || after || plural_verb, adj)
}
