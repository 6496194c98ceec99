//! Descriptions of speakers inside the quote finder: the appositive after a name ("Paul Hale,
//! the city's budget director"), the role before it, and a description as a speaker.

use super::*;

impl Resolver<'_, '_> {
    pub(super) fn description(&mut self, name: &str) -> Option<String> {
        let t = self.ctx.t;
        if name.split_whitespace().any(text::org_word)
            || text::is_possessive(name.split_whitespace().next().unwrap_or(""))
        {
            return None;
        }
        let b = t.as_bytes();
        let mut pre: Option<String> = None;
        for (pos, _) in t.match_indices(name) {
            let end = pos + name.len();
            if end < b.len() && b[end].is_ascii_alphanumeric() {
                continue;
            }
            if let Some(d) = self.appositive_after(end) {
                return Some(d);
            }
            if pre.is_none() {
                pre = self.role_before(pos);
            }
        }
        pre
    }

    /// ", a former Israeli ambassador to the U.S." after a name, up to the verb or the end of
    /// the sentence.
    pub(super) fn appositive_after(&mut self, end: usize) -> Option<String> {
        let t = self.ctx.t;
        let rest = &t[end..];
        if !rest.starts_with(", ") {
            return None;
        }
        let from = end + 2;
        let para_end = self.ctx.paras.iter().find(|&&(_, s, e)| s <= end && end < e).map_or(t.len(), |x| x.2);
        if from >= para_end {
            return None;
        }
        text::tokenize(t, from, para_end.min(fwd(t, from, 600)), &mut self.toks);
        let toks = std::mem::take(&mut self.toks);
        let res = (|| {
            let first = toks.first().filter(|x| x.is_word())?;
            let fw = &t[first.s..first.e];
            if text::lower_eq(fw, lexicon::NOT_APPOSITIVE_OPENERS)
                || text::cue(fw).is_some()
                || text::lower_eq(fw, crate::extract::lexicon::CONJUNCTIVE_ADVERBS)
                || text::lower_eq(fw, crate::extract::lexicon::AUXILIARY_VERBS)
                || (text::is_lower(fw) && fw.ends_with("ing"))
                || text::pronoun(fw)
            {
                return None;
            }
            let mut k = 0;
            while k < toks.len() && k < 80 {
                let tk = toks[k];
                if is_boundary(t, &toks, k) || tk.k == K::Mark || tk.is_punct(';') || tk.is_punct('(') {
                    break;
                }
                if tk.is_punct(',') || tk.is_punct('—') {
                    // a comma before the verb ends it
                    let mut j = k + 1;
                    while j < toks.len()
                        && toks[j].is_word()
                        && text::skippable_adverb(&t[toks[j].s..toks[j].e])
                    {
                        j += 1;
                    }
                    match toks.get(j) {
                        None => break,
                        Some(n) if n.k == K::Mark => break,
                        Some(n)
                            if n.is_word() && {
                                let nw = &t[n.s..n.e];
                                text::cue(nw).is_some()
                                    || text::lower_eq(nw, lexicon::VERBS_AFTER_APPOSITIVE)
                                    || (text::is_lower(nw) && nw.len() > 4 && nw.ends_with("ed"))
                            } =>
                        {
                            break
                        }
                        _ => {}
                    }
                }
                k += 1;
            }
            // an appositive is a noun phrase: a run of words that holds a verb of speech is a
            // clause ("Fisher noted ... but said"), and one of over 30 words is no description
            let words = toks[..k].iter().filter(|x| x.is_word()).count();
            if k == 0
                || words > MAX_DESCRIPTION_WORDS
                || toks[..k]
                    .iter()
                    .any(|x| x.is_word() && text::is_lower(&t[x.s..x.e]) && text::cue(&t[x.s..x.e]).is_some())
            {
                return None;
            }
            let d = t[from..toks[k - 1].e].trim_end_matches([',', ' ']);
            if d.is_empty() || d.len() > 400 {
                return None;
            }
            // a capitalized appositive is often another name ("Smith, Jones and Brown")
            if text::is_cap(fw) && !d.contains(' ') {
                return None;
            }
            Some(d.to_string())
        })();
        self.toks = toks;
        res
    }

    /// "National Security Council spokesman John Kirby": the role phrase before a name.
    pub(super) fn role_before(&mut self, pos: usize) -> Option<String> {
        let t = self.ctx.t;
        let lo = t[..pos].char_indices().rev().nth(120).map_or(0, |x| x.0);
        let lo = self.ctx.paras.iter().find(|&&(_, s, e)| s <= pos && pos <= e).map_or(lo, |x| x.1.max(lo));
        text::tokenize(t, lo, pos, &mut self.toks);
        let toks = std::mem::take(&mut self.toks);
        let res = (|| {
            let last = *toks.last().filter(|x| x.is_word())?;
            let lw = &t[last.s..last.e];
            if !(text::is_lower(lw) && text::role_noun(lw)) {
                return None;
            }
            let mut s = toks.len() - 1;
            let mut n = 0;
            while s > 0 && n < 8 {
                let tk = toks[s - 1];
                if !tk.is_word() {
                    break;
                }
                let w = &t[tk.s..tk.e];
                if text::np_stop(w)
                    || text::cue(w).is_some()
                    || text::pronoun(w)
                    || (text::is_cap(w) && cap_stop(w) && !text::lower_eq(w, lexicon::ARTICLES))
                {
                    break;
                }
                if text::lower_eq(w, lexicon::ARTICLES) {
                    break;
                }
                s -= 1;
                n += 1;
            }
            Some(t[toks[s].s..last.e].to_string())
        })();
        self.toks = toks;
        res
    }
}
