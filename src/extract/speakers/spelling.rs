//! Persons the article names under two spellings of one name.

use super::{Entity, EntityKind};

/// Two persons whose names differ only in one doubled letter of the first name ("Hilary
/// Clinton" and "Hillary Clinton", "Philip" and "Phillip") are one person misspelled: the
/// spelling the article uses more often keeps the mentions of both.
pub(super) fn merge_doubled_letter_spellings(out: &mut [Entity]) {
    // whether `a` is `b` with one letter doubled
    fn doubled(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        a.len() == b.len() + 1
            && a.len() >= 5
            && (1..a.len()).any(|k| a[k] == a[k - 1] && a[..k] == b[..k] && a[k + 1..] == b[k..])
    }
    // (only persons of one surname are compared: the article's persons by the words after the
    // first, in the order the article lists them)
    let mut by_rest: Vec<(&str, usize)> = (0..out.len())
        .filter(|&i| out[i].kind == EntityKind::Person)
        .filter_map(|i| Some((out[i].name.split_once(' ')?.1, i)))
        .collect();
    by_rest.sort_unstable();
    let groups: Vec<Vec<usize>> = by_rest
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|g| g.len() > 1)
        .map(|g| g.iter().map(|&(_, i)| i).collect())
        .collect();
    for persons in groups {
        for &i in &persons {
            for &j in &persons {
                let (Some((fi, _)), Some((fj, _))) =
                    (out[i].name.split_once(' '), out[j].name.split_once(' '))
                else {
                    continue;
                };
                if i == j || !(doubled(fi, fj) || doubled(fj, fi)) || out[j].mentions.is_empty() {
                    continue;
                }
                // (into the one written more often; of two as often, the one with the doubled
                // letter)
                let keep_i = out[i].mentions.len() > out[j].mentions.len()
                    || (out[i].mentions.len() == out[j].mentions.len() && fi.len() > fj.len());
                if keep_i {
                    let moved = std::mem::take(&mut out[j].mentions);
                    out[i].mentions.extend(moved);
                    out[j].name.clear();
                }
            }
        }
    }
}
