//! A fast byte-level tokenizer for news text: whitespace chunks, with punctuation, quotation
//! marks, possessives and sentence-final periods split off. Tokens are byte spans.

/// Token flags.
pub(crate) const HAS_UPPER: u16 = 1;
pub(crate) const INIT_UPPER: u16 = 2;
pub(crate) const HAS_LOWER: u16 = 4;
pub(crate) const HAS_DIGIT: u16 = 8;
pub(crate) const HAS_ALPHA: u16 = 16;
pub(crate) const SENT_START: u16 = 32;
pub(crate) const CAPS_PARA: u16 = 64;
pub(crate) const SHORT_PARA: u16 = 128;
pub(crate) const PARA_START: u16 = 256;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub s: u32,
    pub e: u32,
    pub flags: u16,
}

#[inline]
fn is_ws_at(b: &[u8], i: usize) -> usize {
    // Returns the byte length of a whitespace character at i, or 0.
    let c = b[i];
    if c < 0x80 {
        // space, \t, \n, \x0b, \x0c, \r
        return (c <= b' ' && (1u64 << c) & 0x1_0000_3e00 != 0) as usize;
    }
    if c == 0xC2 && i + 1 < b.len() && b[i + 1] == 0xA0 {
        return 2;
    }
    if c == 0xE2 && i + 2 < b.len() && b[i + 1] == 0x80 {
        let d = b[i + 2];
        if (0x80..=0x8B).contains(&d) || d == 0xAF || d == 0xA8 || d == 0xA9 {
            return 3;
        }
    }
    if c == 0xE3 && i + 2 < b.len() && b[i + 1] == 0x80 && b[i + 2] == 0x80 {
        return 3;
    }
    0
}

/// Length of a leading punctuation mark at i that is split off the front of a chunk.
#[inline]
fn lead_punct(b: &[u8], i: usize, end: usize) -> usize {
    let c = b[i];
    match c {
        b'(' | b'[' | b'{' | b'"' | b'\'' | b'<' | b'`' | b'*' => 1,
        0xE2 if i + 2 < end && b[i + 1] == 0x80 && matches!(b[i + 2], 0x9C | 0x98 | 0x9E) => 3,
        0xC2 if i + 1 < end && b[i + 1] == 0xAB => 2,
        _ => 0,
    }
}

/// Length of a trailing punctuation mark ending at `end` (exclusive), not counting periods.
#[inline]
fn trail_punct(b: &[u8], start: usize, end: usize) -> usize {
    let c = b[end - 1];
    match c {
        b')' | b']' | b'}' | b'"' | b',' | b';' | b':' | b'?' | b'!' | b'>' | b'*' => 1,
        _ if end - start >= 3
            && b[end - 3] == 0xE2
            && b[end - 2] == 0x80
            && matches!(c, 0x9D | 0x99 | 0xA6) =>
        {
            3
        }
        0xBB if end - start >= 2 && b[end - 2] == 0xC2 => 2,
        _ => 0,
    }
}

/// Whether a period after the core `b[s..e]` belongs to the token (U.S., J., Inc.).
fn keeps_period(b: &[u8], s: usize, e: usize) -> bool {
    if e <= s {
        return false;
    }
    let core = &b[s..e];
    if core.contains(&b'.') {
        return core.iter().any(|c| c.is_ascii_alphabetic());
    }
    if core.len() == 1 && core[0].is_ascii_alphabetic() {
        return true;
    }
    crate::extract::lexicon::CASED_PERIOD_ABBREVIATIONS.iter().any(|a| a.as_bytes() == core)
}

/// Appends the tokens of `text[start..end]` to `out` (flags are only the character-class ones).
#[cfg(test)]
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    tokenize_with(text, start, end, out, &mut Vec::new())
}

/// tokenize with a buffer of its own (cleared, to spare allocations).
pub(crate) fn tokenize_with(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Tok>,
    tail: &mut Vec<(usize, usize)>,
) {
    let b = text.as_bytes();
    let end = end.min(b.len());
    let mut i = start;
    while i < end {
        let w = is_ws_at(b, i);
        if w > 0 {
            i += w;
            continue;
        }
        // a chunk of non-space
        let cs = i;
        while i < end {
            let c = b[i];
            // (printable ASCII is never whitespace)
            if (c <= b' ' || c >= 0x80) && is_ws_at(b, i) > 0 {
                break;
            }
            i += 1;
        }
        let ce = i.min(end);
        // is there more text in the paragraph after this chunk?
        let mut j = ce;
        while j < end && is_ws_at(b, j) > 0 {
            j += is_ws_at(b, j);
        }
        let last_in_para = j >= end;
        // split the chunk on dashes (em, en, "--") and on slashes between names
        let mut ps = cs;
        let mut k = cs;
        while k < ce {
            let dl =
                if b[k] == 0xE2 && k + 2 < ce && b[k + 1] == 0x80 && (b[k + 2] == 0x93 || b[k + 2] == 0x94) {
                    3
                } else if b[k] == b'-' && k + 1 < ce && b[k + 1] == b'-' {
                    let mut m = k;
                    while m < ce && b[m] == b'-' {
                        m += 1;
                    }
                    m - k
                } else if b[k] == b'-' && k == cs && k + 1 < ce && b[k + 1].is_ascii_uppercase() {
                    // a bullet glued to the line's first word ("-Nate Cohn explains ...")
                    1
                } else if b[k] == b'/'
                    && k > cs
                    && k + 1 < ce
                    && b[k - 1].is_ascii_alphabetic()
                    && b[k + 1].is_ascii_uppercase()
                {
                    // names joined by a slash ("NBC News/Wall Street Journal")
                    1
                } else if b[k] == b':'
                    && k > cs
                    && b[k - 1].is_ascii_alphabetic()
                    && (b.get(k + 1) == Some(&b'"') || b[k + 1..ce].starts_with("“".as_bytes()))
                {
                    // a transcript's speaker glued to the quotation ("Clinton:\"We learned")
                    1
                } else {
                    0
                };
            if dl > 0 {
                piece(b, ps, k, false, out, tail);
                push(out, k, k + dl);
                k += dl;
                ps = k;
            } else {
                k += 1;
            }
        }
        piece(b, ps, ce, last_in_para, out, tail);
    }
}

#[inline]
fn push(out: &mut Vec<Tok>, s: usize, e: usize) {
    if e > s {
        out.push(Tok { s: s as u32, e: e as u32, flags: 0 });
    }
}

fn piece(
    b: &[u8],
    mut s: usize,
    mut e: usize,
    last: bool,
    out: &mut Vec<Tok>,
    tail: &mut Vec<(usize, usize)>,
) {
    if e <= s {
        return;
    }
    // leading punctuation
    while s < e {
        let l = lead_punct(b, s, e);
        if l == 0 || s + l >= e {
            break;
        }
        push(out, s, s + l);
        s += l;
    }
    tail.clear();
    loop {
        if e <= s + 1 {
            break;
        }
        let t = trail_punct(b, s, e);
        if t > 0 && e - t > s {
            tail.push((e - t, e));
            e -= t;
            continue;
        }
        let c = b[e - 1];
        // possessives: 's ’s and a bare trailing apostrophe
        if (c == b's' || c == b'S') && e - s >= 3 && b[e - 2] == b'\'' {
            tail.push((e - 2, e));
            e -= 2;
            continue;
        }
        if (c == b's' || c == b'S') && e - s >= 5 && b[e - 4] == 0xE2 && b[e - 3] == 0x80 && b[e - 2] == 0x99
        {
            tail.push((e - 4, e));
            e -= 4;
            continue;
        }
        if c == b'\'' {
            tail.push((e - 1, e));
            e -= 1;
            continue;
        }
        if c == b'.' {
            // ellipsis
            let mut m = e;
            while m > s && b[m - 1] == b'.' {
                m -= 1;
            }
            if e - m >= 2 {
                if m > s {
                    tail.push((m, e));
                    e = m;
                    continue;
                }
                break;
            }
            let is_last = last && tail.is_empty();
            if !is_last && keeps_period(b, s, e - 1) {
                break;
            }
            if is_last && keeps_period(b, s, e - 1) && b[s..e - 1].contains(&b'.') {
                // "U.S." at the end of a paragraph: CoNLL splits the final period; so do we
            }
            tail.push((e - 1, e));
            e -= 1;
            continue;
        }
        break;
    }
    push(out, s, e);
    for &(ts, te) in tail.iter().rev() {
        push(out, ts, te);
    }
}

/// A byte of a character beyond ASCII (in BYTE_CLASS only).
const NON_ASCII: u16 = 1 << 15;

/// The flags of each byte: letters, digits, and bytes of characters beyond ASCII.
static BYTE_CLASS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_uppercase() {
            HAS_UPPER | HAS_ALPHA
        } else if b.is_ascii_lowercase() {
            HAS_LOWER | HAS_ALPHA
        } else if b.is_ascii_digit() {
            HAS_DIGIT
        } else if b >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        c += 1;
    }
    t
};

/// Fills in the character-class flags of each token.
pub(crate) fn classify(text: &str, toks: &mut [Tok]) {
    let b = text.as_bytes();
    for t in toks.iter_mut() {
        let w = &b[t.s as usize..t.e as usize];
        let mut f = 0u16;
        for &c in w {
            f |= BYTE_CLASS[c as usize];
        }
        let ascii = f & NON_ASCII == 0;
        f &= !NON_ASCII;
        if !ascii {
            if let Some(s) = text.get(t.s as usize..t.e as usize) {
                for ch in s.chars() {
                    if ch.is_uppercase() {
                        f |= HAS_UPPER | HAS_ALPHA;
                    } else if ch.is_lowercase() {
                        f |= HAS_LOWER | HAS_ALPHA;
                    } else if ch.is_alphabetic() {
                        f |= HAS_ALPHA;
                    }
                }
                if let Some(ch) = s.chars().next() {
                    if ch.is_uppercase() {
                        f |= INIT_UPPER;
                    }
                }
            }
        } else if !w.is_empty() && w[0].is_ascii_uppercase() {
            f |= INIT_UPPER;
        }
        t.flags = f;
    }
}

/// Marks sentence starts, all-caps and short paragraphs for the tokens of one paragraph.
pub(crate) fn para_flags(text: &str, toks: &mut [Tok]) {
    let b = text.as_bytes();
    let mut alpha = 0usize;
    let mut lower = 0usize;
    for t in toks.iter() {
        if t.flags & HAS_ALPHA != 0 {
            alpha += 1;
            if t.flags & HAS_LOWER != 0 {
                lower += 1;
            }
        }
    }
    let caps = alpha > 0 && lower * 5 < alpha && alpha - lower >= 1;
    let short = toks.len() <= 4;
    let mut start = true;
    for (i, t) in toks.iter_mut().enumerate() {
        if caps {
            t.flags |= CAPS_PARA;
        }
        if short {
            t.flags |= SHORT_PARA;
        }
        if i == 0 {
            t.flags |= PARA_START;
        }
        let w = &b[t.s as usize..t.e as usize];
        let is_open = w.len() <= 3 && lead_punct(w, 0, w.len()) == w.len();
        if start {
            t.flags |= SENT_START;
            if !is_open {
                start = false;
            }
        }
        if w == b"." || w == b"?" || w == b"!" || w == b":" || w == b"..." || w == "\u{2026}".as_bytes() {
            start = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, 0, s.len(), &mut v);
        v.iter().map(|t| &s[t.s as usize..t.e as usize]).collect()
    }
    #[test]
    fn splits() {
        assert_eq!(
            toks("Netanyahu’s office said (U.S.) \"Gaza.\""),
            vec!["Netanyahu", "’s", "office", "said", "(", "U.S.", ")", "\"", "Gaza", ".", "\""]
        );
        assert_eq!(
            toks("aides—Minister Ron Dermer, Inc. and U.S."),
            vec!["aides", "—", "Minister", "Ron", "Dermer", ",", "Inc.", "and", "U.S", "."]
        );
        assert_eq!(
            toks("Rangers' win -- at Weston-super-Mare: ok..."),
            vec!["Rangers", "'", "win", "--", "at", "Weston-super-Mare", ":", "ok", "..."]
        );
        assert_eq!(toks(""), Vec::<&str>::new());
        assert_eq!(toks("“ ” ' . ’s é"), vec!["“", "”", "'", ".", "’s", "é"]);
    }
}
