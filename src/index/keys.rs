//! Normalized lookup keys for names. Facet values are exact terms; users type "kirby" or
//! "thomas-greenfield". Each name is indexed under `kind=full name` and `kind~surname`, plus
//! `kind>surname|full name` so a surname can be resolved to the full names it stands for.

use unicode_normalization::UnicodeNormalization;

/// Facet kinds and the names users give them.
pub const KINDS: [(&str, &str); 5] = [
    ("speaker", "speaker"),
    ("person", "person"),
    ("org", "organization"),
    ("place", "location"),
    ("source", "source"),
];

/// Lowercase, accents removed, punctuation and hyphens as single spaces.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    // (ASCII is its own decomposition, with no combining marks: the common case skips both)
    let chars: &mut dyn Iterator<Item = char> =
        if name.is_ascii() { &mut name.chars() } else { &mut name.nfkd() };
    for c in chars {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' && c != '.' {
            space = true;
        }
    }
    out
}

/// The surname forms of a name: its last word (with its hyphens: "thomas greenfield"), and the
/// last part of that word ("greenfield").
pub fn surnames(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(last) = name.split_whitespace().last() {
        let n = normalize(last);
        if !n.is_empty() {
            if let Some(tail) = n.rsplit(' ').next().filter(|t| *t != n) {
                out.push(tail.to_string());
            }
            out.push(n);
        }
    }
    out
}

/// Every key term of one name of a kind.
pub fn keys_for(kind: &str, name: &str) -> Vec<String> {
    let full = normalize(name);
    if full.is_empty() {
        return Vec::new();
    }
    let mut out = vec![format!("{kind}={full}")];
    if kind == "speaker" || kind == "person" {
        for s in surnames(name) {
            if s != full {
                out.push(format!("{kind}~{s}"));
                out.push(format!("{kind}>{s}|{full}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalize_across_case_accents_and_hyphens() {
        assert_eq!(normalize("Linda Thomas-Greenfield"), "linda thomas greenfield");
        assert_eq!(normalize("  José  Ramos-Horta "), "jose ramos horta");
        assert_eq!(normalize("U.N."), "un");
        assert_eq!(normalize("O’Brien"), "obrien");
    }

    #[test]
    fn keys_cover_full_name_and_surnames() {
        let k = keys_for("speaker", "Linda Thomas-Greenfield");
        assert!(k.contains(&"speaker=linda thomas greenfield".to_string()));
        assert!(k.contains(&"speaker~thomas greenfield".to_string()));
        assert!(k.contains(&"speaker~greenfield".to_string()));
        assert!(k.contains(&"speaker>greenfield|linda thomas greenfield".to_string()));
        assert_eq!(keys_for("org", "Hamas"), vec!["org=hamas".to_string()]);
        assert!(keys_for("person", "  ").is_empty());
    }
}
