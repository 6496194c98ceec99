//! Finding the quoted stretches of a paragraph: pairing quotation marks.
//!
//! Marks are classified by what stands on either side of them (a mark with a space before and a
//! letter after can open, one with a letter before and a space or punctuation after can close),
//! so that apostrophes (don't, Israel’s, '90s) are not taken for single quotes. Marks of the
//! other family inside a quote (‘nested’ in “outer”) are skipped: only the outermost quote is a
//! piece. A quote left open at the end of a paragraph runs to its end (the news convention for a
//! quote going on in the next paragraph).

/// One stretch of quoted words inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    /// Offset of the opening mark.
    pub open: usize,
    /// The quoted words: `[start, end)`, without the marks.
    pub start: usize,
    pub end: usize,
    /// Offset just past the closing mark (`end` when the quote runs to the paragraph's end).
    pub close_end: usize,
    pub para: usize,
    pub closed: bool,
    /// Opens a paragraph right after a paragraph whose quote was left open.
    pub cont_prev: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fam {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// “ „ «: can only open.
    CurlyOpen,
    /// ” »: can only close.
    CurlyClose,
    /// " or '' : direction from context.
    Straight,
    /// ‘
    SingleOpen,
    /// ’ (also the apostrophe)
    SingleClose,
    /// ' (also the apostrophe)
    SingleStraight,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    at: usize,
    len: usize,
    shape: Shape,
    /// Text before is a space, the paragraph start or an opening bracket or dash.
    space_before: bool,
    /// Text after is a space, the paragraph end or punctuation.
    space_after: bool,
    alnum_before: bool,
    alnum_after: bool,
    /// Single marks only: the elided start of a word ('90s, 'em, 'til).
    elision: bool,
    /// The doubled apostrophe ''.
    doubled: bool,
}

impl Mark {
    fn fam(&self) -> Fam {
        match self.shape {
            Shape::CurlyOpen | Shape::CurlyClose | Shape::Straight => Fam::Double,
            _ => Fam::Single,
        }
    }
    fn can_open(&self) -> bool {
        !self.space_after && (self.space_before || !self.alnum_before)
    }
    fn can_close(&self) -> bool {
        !self.space_before && (self.space_after || !self.alnum_after)
    }
}

fn char_before(t: &str, i: usize) -> Option<char> {
    t.get(..i).and_then(|s| s.chars().next_back())
}
fn char_at(t: &str, i: usize) -> Option<char> {
    t.get(i..).and_then(|s| s.chars().next())
}

fn is_opening_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«' | '„' | ':' | '>' | '…'
        )
}

fn is_closing_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '/'
                | '”'
                | '’'
                | '"'
                | '\''
                | '»'
                | '…'
                | '<'
        )
}

fn is_elision(t: &str, after: usize) -> bool {
    let rest = match t.get(after..) {
        Some(r) => r,
        None => return false,
    };
    let b = rest.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() {
        // '90s, '08
        return b.len() == 2 || !b[2].is_ascii_digit();
    }
    let w: &str = {
        let n = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        &rest[..n]
    };
    if w.is_empty() {
        return false;
    }
    let after_w = rest[w.len()..].chars().next();
    // 'n' in rock 'n' roll: followed by a mark
    crate::extract::lexicon::ELISIONS.iter().any(|e| w.eq_ignore_ascii_case(e))
        && !matches!(after_w, Some('\'') | Some('’'))
        || (w.eq_ignore_ascii_case("n") && matches!(after_w, Some('\'') | Some('’')))
}

/// Collects the quotation marks of `t[from..to]`.
fn marks(t: &str, from: usize, to: usize, out: &mut Vec<Mark>) {
    out.clear();
    let b = t.as_bytes();
    let mut i = from;
    while i < to {
        let c = b[i];
        // fast skip: only ", ', 0xE2 (curly marks) and 0xC2 (guillemets) matter
        if c != b'"' && c != b'\'' && c != 0xE2 && c != 0xC2 {
            i += 1;
            continue;
        }
        let (shape, len, doubled) = match c {
            b'"' => (Shape::Straight, 1, false),
            b'\'' => {
                let triple = i + 2 < to && b[i + 1] == b'\'' && b[i + 2] == b'\'';
                let closing_triple = triple && (i + 3 >= to || !b[i + 3].is_ascii_alphanumeric());
                if closing_triple {
                    // a closing triple: the nested single mark, then the doubled one
                    (Shape::SingleStraight, 1, false)
                } else if i + 1 < to && b[i + 1] == b'\'' {
                    (Shape::Straight, 2, true)
                } else {
                    (Shape::SingleStraight, 1, false)
                }
            }
            0xE2 => {
                if i + 2 >= b.len() || b[i + 1] != 0x80 {
                    i += 1;
                    continue;
                }
                match b[i + 2] {
                    0x9C | 0x9E => (Shape::CurlyOpen, 3, false),
                    0x9D => (Shape::CurlyClose, 3, false),
                    0x98 => (Shape::SingleOpen, 3, false),
                    0x99 => (Shape::SingleClose, 3, false),
                    _ => {
                        i += 1;
                        continue;
                    }
                }
            }
            0xC2 if i + 1 < b.len() => match b[i + 1] {
                0xAB => (Shape::CurlyOpen, 2, false),
                0xBB => (Shape::CurlyClose, 2, false),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        if i + len > to {
            break;
        }
        let before = if i == from { None } else { char_before(t, i) };
        let after = if i + len >= to { None } else { char_at(t, i + len) };
        let m = Mark {
            at: i,
            len,
            shape,
            space_before: before.is_none_or(is_opening_context),
            space_after: after.is_none_or(is_closing_context),
            alnum_before: before.is_some_and(|c| c.is_alphanumeric()),
            alnum_after: after.is_some_and(|c| c.is_alphanumeric()),
            elision: matches!(shape, Shape::SingleStraight | Shape::SingleClose | Shape::SingleOpen)
                && is_elision(t, i + len),
            doubled,
        };
        out.push(m);
        i += len;
    }
}

struct Open {
    mark: Mark,
    fam: Fam,
    /// Depth of nested marks of the same family (curly only).
    depth: u32,
    /// A straight mark of the other style is open inside (curly outer with a " inside).
    inner_straight: bool,
}

/// Finds the quoted pieces of paragraph `para` = `t[from..to]`. `prev_open` tells that the
/// previous paragraph ended inside a quote. Returns whether this paragraph ends inside one.
pub(super) fn scan(
    t: &str,
    from: usize,
    to: usize,
    para: usize,
    prev_open: bool,
    next_starts_single: bool,
    buf: &mut Vec<Mark>,
    out: &mut Vec<Piece>,
) -> bool {
    marks(t, from, to, buf);
    if buf.is_empty() {
        return false;
    }
    let first_out = out.len();
    // positions of single marks refused as openers after a failed attempt
    let mut refused: Vec<usize> = Vec::new();
    'attempt: loop {
        out.truncate(first_out);
        let mut open: Option<Open> = None;
        for m in buf.iter() {
            let m = *m;
            match &mut open {
                None => {
                    let opens = match m.shape {
                        Shape::CurlyOpen => true,
                        Shape::CurlyClose => m.can_open() && !m.can_close(),
                        Shape::Straight => !m.can_close() || m.can_open(),
                        Shape::SingleOpen => !m.elision && !m.space_after,
                        Shape::SingleStraight | Shape::SingleClose => {
                            m.can_open() && !m.alnum_before && !m.elision
                        }
                    };
                    if opens && !refused.contains(&m.at) {
                        open = Some(Open { mark: m, fam: m.fam(), depth: 0, inner_straight: false });
                    }
                }
                Some(o) => {
                    let closes = match (o.fam, m.shape) {
                        (Fam::Double, Shape::CurlyOpen) => {
                            if o.depth == 0 && m.can_close() && !m.can_open() {
                                // “ typed for ”
                                true
                            } else {
                                o.depth += 1;
                                false
                            }
                        }
                        (Fam::Double, Shape::CurlyClose) => {
                            if o.depth > 0 {
                                o.depth -= 1;
                                false
                            } else {
                                true
                            }
                        }
                        (Fam::Double, Shape::Straight) => {
                            match o.mark.shape {
                                Shape::Straight if o.mark.doubled == m.doubled => true,
                                Shape::Straight => {
                                    // '' inside "...", or " inside ''...'': nested
                                    o.inner_straight = !o.inner_straight;
                                    false
                                }
                                _ => {
                                    // curly outer: a straight mark closes it when it looks
                                    // like a closer and no straight quote is open inside
                                    if o.inner_straight {
                                        o.inner_straight = false;
                                        false
                                    } else if m.can_close() && !m.can_open() && o.depth == 0 {
                                        true
                                    } else {
                                        o.inner_straight = true;
                                        false
                                    }
                                }
                            }
                        }
                        (Fam::Double, _) => false,
                        (Fam::Single, Shape::SingleClose | Shape::SingleStraight) => {
                            m.can_close() && !(m.alnum_before && m.alnum_after)
                        }
                        (Fam::Single, _) => false,
                    };
                    if closes {
                        let om = o.mark;
                        let s = om.at + om.len;
                        if m.at > s {
                            out.push(Piece {
                                open: om.at,
                                start: s,
                                end: m.at,
                                close_end: m.at + m.len,
                                para,
                                closed: true,
                                cont_prev: false,
                            });
                        }
                        open = None;
                    }
                }
            }
        }
        if let Some(o) = open {
            let om = o.mark;
            if o.fam == Fam::Single && !next_starts_single {
                // an apostrophe taken for an opening mark: try again without it
                refused.push(om.at);
                if refused.len() > 16 {
                    break 'attempt;
                }
                continue 'attempt;
            }
            let s = om.at + om.len;
            let e = s + t[s..to].trim_end().len();
            if e > s {
                out.push(Piece {
                    open: om.at,
                    start: s,
                    end: e,
                    close_end: e,
                    para,
                    closed: false,
                    cont_prev: false,
                });
            }
            mark_cont(t, from, prev_open, &mut out[first_out..]);
            return true;
        }
        break;
    }
    mark_cont(t, from, prev_open, &mut out[first_out..]);
    false
}

fn mark_cont(_t: &str, from: usize, prev_open: bool, pieces: &mut [Piece]) {
    if prev_open {
        if let Some(p) = pieces.first_mut() {
            if p.open == from {
                p.cont_prev = true;
            }
        }
    }
}

/// Whether a paragraph starts with a single opening quotation mark (British style continuation).
pub(super) fn starts_with_single(t: &str, from: usize, to: usize) -> bool {
    let s = match t.get(from..to) {
        Some(s) => s.trim_start(),
        None => return false,
    };
    (s.starts_with('‘') || (s.starts_with('\'') && !s.starts_with("''")))
        && !is_elision(s, s.chars().next().map_or(0, |c| c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(t: &str) -> Vec<&str> {
        let mut buf = Vec::new();
        let mut out = Vec::new();
        scan(t, 0, t.len(), 0, false, false, &mut buf, &mut out);
        out.iter().map(|p| &t[p.start..p.end]).collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(pieces("“A b,” he said. “C d.”"), vec!["A b,", "C d."]);
        assert_eq!(pieces("\"A b,\" he said. \"C d.\""), vec!["A b,", "C d."]);
        assert_eq!(pieces("''A b,'' he said. ''C isn't d.''"), vec!["A b,", "C isn't d."]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            pieces("Israel’s leaders don't say it in the '90s style, the players’ union said.").is_empty()
        );
        assert_eq!(pieces("He called it a ‘deal’ and Israel’s ‘worst day’."), vec!["deal", "worst day"]);
        assert_eq!(pieces("'We won't stop,' she said."), vec!["We won't stop,"]);
    }

    #[test]
    fn nested_marks_stay_inside() {
        assert_eq!(
            pieces("“today’s “Straw vote” is not it,” they said."),
            vec!["today’s “Straw vote” is not it,"]
        );
        assert_eq!(pieces("‘He said “no” twice,’ she said."), vec!["He said “no” twice,"]);
        assert_eq!(pieces("“She called it ‘a mess’ today.”"), vec!["She called it ‘a mess’ today."]);
    }

    #[test]
    fn unclosed_runs_to_paragraph_end() {
        assert_eq!(pieces("“We will go on. And on"), vec!["We will go on. And on"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in ["", "\"", "“", "'", "''", "’", "a’", "«é»", "\u{2019}\u{2019}", "é\"ü\"", "\u{E2}"]
        {
            let _ = pieces(t);
        }
    }
}
