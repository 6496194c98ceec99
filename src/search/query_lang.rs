//! The gazette query language: a small, forgiving but exact parser (std only).
//!
//! * `gaza ceasefire`: every word required ([`Options::any`] makes juxtaposition OR).
//! * `"a phrase"`, `"a phrase"~3` (slop); straight `"…"` or curly `“…”` / `„…“` quotes.
//! * `OR` / `AND` / `NOT` (uppercase only), `||`, `&&`, `( )`; NOT > AND (incl. implicit) > OR.
//! * `-word`, `-"a phrase"`, `-(a OR b)` exclude; `+word` requires.
//! * `hostag*` prefix; `netanyahoo~` fuzzy with a distance by length (0 for words of 1-2
//!   characters, 1 for 3-5, 2 for longer ones, as Elasticsearch's AUTO), or `~0`, `~1`, `~2`.
//! * `title:word`, `speaker:"John Kirby"`, `title:(a OR b)`; names come from [`Options::fields`].
//! * `date:2024`, `date:2024-03`, `date:[2024-01-01 TO 2024-03-31]`, `{ }` exclusive, `*` open,
//!   `date:>=2024-01-01`, `date:<2024-02`. Date syntax applies to `date` and `*_date` fields.
//!
//! Punctuation with no meaning here (`,` `!` `«` `…`, a `-` not glued to a term) separates words
//! and is otherwise ignored. Words keep inner `-` `'` `’` `.` (`cease-fire`, `Israel’s`, `U.S.`).
//! A `*` or `~` anywhere except right after a word (or `~N` after a phrase) is an error.

use std::fmt;

/// A parsed query. Spans are byte ranges `(start, end)` of the construct in the input,
/// including a directly attached `field:` prefix and any `*` / `~N` suffix.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// One word, raw text (the caller's tokenizer splits it further).
    Term { field: Option<String>, text: String, span: (usize, usize) },
    /// A quoted phrase, outer whitespace trimmed; `slop` is 0 unless `"…"~N`.
    Phrase { field: Option<String>, text: String, slop: u32, span: (usize, usize) },
    /// `word*`; `text` is without the `*`.
    Prefix { field: Option<String>, text: String, span: (usize, usize) },
    /// `word~` (distance by length, see [`auto_distance`]) or `word~N` with N in 0..=2.
    Fuzzy { field: Option<String>, text: String, distance: u8, span: (usize, usize) },
    /// Ends are YYYY, YYYY-MM or YYYY-MM-DD strings, expanded by the caller: `date:2024-03` is
    /// from = to = "2024-03", both inclusive. A `None` end is open and its flag is false.
    DateRange {
        field: String,
        from: Option<String>,
        to: Option<String>,
        from_inclusive: bool,
        to_inclusive: bool,
        span: (usize, usize),
    },
    /// All must match (flattened: no And child, at least two children).
    And(Vec<Node>),
    /// Any may match (flattened: no Or child, at least two children).
    Or(Vec<Node>),
    /// Must not match; a query made only of negations is allowed (the caller adds match-all).
    Not(Box<Node>),
}

/// Where (byte offset into the input) and why parsing failed.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub position: usize,
    pub message: String,
}

/// Parse options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Juxtaposition means OR instead of AND (`+x` stays required, `-x` excluded).
    pub any: bool,
    /// Allowed field names; any other `name:` is an error.
    pub fields: &'a [&'a str],
}

const MAX_DEPTH: usize = 50;

/// Parse a query. Never panics; errors carry the byte position of the problem.
pub fn parse(input: &str, opts: &Options) -> Result<Node, ParseError> {
    let (s, pos, depth) = (input, 0, 0);
    let mut p = Parser { s, pos, opts, depth };
    if let Tok::End = p.peek(None) {
        return err(0, "empty query");
    }
    let node = p.or_expr(None)?;
    match p.peek(None) {
        Tok::End => Ok(node),
        Tok::Close(at) => err(at, "this parenthesis was never opened"),
        _ => err(p.pos, "unexpected input"),
    }
}

impl ParseError {
    /// The query on one line and a caret under the error (column counted in chars).
    pub fn render(&self, input: &str) -> String {
        let mut pos = self.position.min(input.len());
        while !input.is_char_boundary(pos) {
            pos -= 1;
        }
        let pad = " ".repeat(input[..pos].chars().count());
        let line: String = input.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        format!("  {line}\n  {pad}^ {}", self.message)
    }
}

/// `message at column N`: N is the 1-based byte column, which is the character column for
/// ASCII input ([`ParseError::render`] counts chars).
impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at column {}", self.message, self.position + 1)
    }
}

impl std::error::Error for ParseError {}

fn err<T>(position: usize, message: impl Into<String>) -> Result<T, ParseError> {
    let message = message.into();
    Err(ParseError { position, message })
}

#[derive(Clone, Copy)]
enum Tok {
    End,
    Close(usize),
    Or(usize, usize),
    And(usize, usize),
    /// NOT, `-` (negating) or `+`: position, length, negates.
    Sign(usize, usize, bool),
    /// `(`, a word, a phrase, or a stray `*` / `~` that the primary parser reports.
    Start,
}

#[derive(Clone, Copy)]
enum Kind {
    Plain,
    Required,
    Negated,
}

type Ctx<'s> = Option<&'s str>;
type After<'s> = Option<(usize, &'s str)>;

fn is_date_field(name: &str) -> bool {
    name == "date" || name.ends_with("_date")
}

/// Letters, digits, `_`, and non-ASCII chars that are not space, control or punctuation
/// (so combining marks, ZWJ/ZWNJ, emoji and scripts without word separators stay in words).
fn is_word_char(c: char) -> bool {
    if c.is_alphanumeric() || c == '_' {
        return true;
    }
    if c.is_ascii() || c.is_whitespace() || c.is_control() {
        return false;
    }
    !matches!(c as u32,
        0xA0..=0xAC | 0xAE..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x200B | 0x200E..=0x205F
        | 0x2E00..=0x2E7F | 0x3000..=0x303F | 0xFE10..=0xFE1F | 0xFE30..=0xFE6F | 0xFEFF
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0x060C | 0x061B | 0x061F | 0x06D4 | 0x0964 | 0x0965)
}

/// Kept inside a word when a word char follows: cease-fire, Israel’s, U.S.
fn is_connector(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | '.' | '·')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟')
}

/// Straight quotes pair with straight quotes, curly with curly.
fn closes(open: char, c: char) -> bool {
    (open == '"') == (c == '"') && matches!(c, '"' | '”' | '“' | '‟')
}

fn starts_value(c: char, date: bool) -> bool {
    is_word_char(c) || is_quote(c) || c == '(' || (date && matches!(c, '[' | '{' | '<' | '>'))
}

/// Build an And (`and`) or Or of `items`, flattening children of the same kind.
fn combine(items: Vec<Node>, and: bool) -> Node {
    let mut out = Vec::with_capacity(items.len());
    for n in items {
        match n {
            Node::And(v) if and => out.extend(v),
            Node::Or(v) if !and => out.extend(v),
            n => out.push(n),
        }
    }
    match out.len() {
        1 => out.remove(0),
        _ if and => Node::And(out),
        _ => Node::Or(out),
    }
}

fn negate(n: Node) -> Node {
    match n {
        Node::Not(inner) => *inner,
        n => Node::Not(Box::new(n)),
    }
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(30) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn check_date(tok: &str, at: usize) -> Result<String, ParseError> {
    if tok.is_empty() {
        return err(at, "expected a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    let b = tok.as_bytes();
    let num = |i: usize, n: usize| {
        let d = b.get(i..i + n).filter(|d| d.iter().all(u8::is_ascii_digit))?;
        Some(d.iter().fold(0, |a, x| a * 10 + (x - b'0') as u32))
    };
    let dash = |i: usize| b.get(i) == Some(&b'-');
    let (y, m, d) = match b.len() {
        4 => (num(0, 4), Some(1), Some(1)),
        7 if dash(4) => (num(0, 4), num(5, 2), Some(1)),
        10 if dash(4) && dash(7) => (num(0, 4), num(5, 2), num(8, 2)),
        _ => (None, None, None),
    };
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        let tok = shorten(tok);
        return err(at, format!("bad date '{tok}': expected YYYY, YYYY-MM or YYYY-MM-DD"));
    };
    if crate::ingest::date::calendar_day(y as i32, m, d).is_none() {
        return err(at, format!("bad date '{tok}': no such month or day"));
    }
    Ok(tok.to_string())
}

struct Parser<'s, 'o> {
    s: &'s str,
    pos: usize,
    opts: &'o Options<'o>,
    depth: usize,
}

impl<'s> Parser<'s, '_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i..).and_then(|t| t.chars().next())
    }

    fn cur(&self) -> Option<char> {
        self.at(self.pos)
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.cur() == Some(c);
        self.pos += if hit { c.len_utf8() } else { 0 };
        hit
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.cur().filter(|c| c.is_whitespace()) {
            self.pos += c.len_utf8();
        }
    }

    /// A `-`/`+` sign must open a clause: input start, or after a space, `(`, `&&` or `||`.
    fn clause_start(&self, p: usize) -> bool {
        let prev = self.s[..p].chars().next_back();
        prev.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '&' | '|'))
    }

    /// Skip whitespace and meaningless punctuation, then classify what comes next
    /// without consuming it.
    fn peek(&mut self, ctx: Ctx<'s>) -> Tok {
        let date = ctx.is_some_and(is_date_field);
        while let Some(c) = self.cur() {
            let p = self.pos;
            let next = self.at(p + c.len_utf8());
            match c {
                ')' => return Tok::Close(p),
                '(' | '*' | '~' => return Tok::Start,
                '[' | '{' | '<' | '>' if date => return Tok::Start,
                '&' if next == Some('&') => return Tok::And(p, 2),
                '|' if next == Some('|') => return Tok::Or(p, 2),
                '-' | '+' if next.is_some_and(|n| starts_value(n, date)) && self.clause_start(p) => {
                    return Tok::Sign(p, 1, c == '-')
                }
                _ if is_quote(c) => return Tok::Start,
                _ if is_word_char(c) => {
                    return match &self.s[p..self.word_end(p)] {
                        "OR" => Tok::Or(p, 2),
                        "AND" => Tok::And(p, 3),
                        "NOT" => Tok::Sign(p, 3, true),
                        _ => Tok::Start,
                    };
                }
                _ => self.pos += c.len_utf8(),
            }
        }
        Tok::End
    }

    fn word_end(&self, start: usize) -> usize {
        let (mut i, mut dotted) = (start, false);
        while let Some(c) = self.at(i) {
            let next = self.at(i + c.len_utf8()).filter(|&n| is_word_char(n));
            match next {
                _ if is_word_char(c) => i += c.len_utf8(),
                Some(n) if is_connector(c) => {
                    dotted |= c == '.';
                    i += c.len_utf8() + n.len_utf8();
                }
                _ => break,
            }
        }
        // Keep the final dot of an abbreviation: U.S.
        i + (dotted && self.at(i) == Some('.')) as usize
    }

    /// `name:` at the current position: returns the colon's offset.
    fn field_prefix(&self) -> Option<usize> {
        let b = self.s.as_bytes();
        let mut i = self.pos;
        while i < b.len() && (b[i].is_ascii_lowercase() || b[i] == b'_') {
            i += 1;
        }
        (i > self.pos && b.get(i) == Some(&b':')).then_some(i)
    }

    fn or_expr(&mut self, ctx: Ctx<'s>) -> Result<Node, ParseError> {
        let mut alts = vec![self.seq(ctx, None)?];
        while let Tok::Or(p, n) = self.peek(ctx) {
            self.pos = p + n;
            alts.push(self.seq(ctx, Some((p, &self.s[p..p + n])))?);
        }
        Ok(combine(alts, false))
    }

    /// Juxtaposed clauses in `any` mode: required AND (OR of the plain ones) AND NOT excluded.
    fn seq(&mut self, ctx: Ctx<'s>, after: After<'s>) -> Result<Node, ParseError> {
        let mut items = vec![self.and_expr(ctx, after)?];
        while self.opts.any && matches!(self.peek(ctx), Tok::Sign(..) | Tok::Start) {
            items.push(self.and_expr(ctx, None)?);
        }
        let (mut parts, mut plain, mut negs) = (vec![], vec![], vec![]);
        for (n, k) in items {
            match k {
                Kind::Required => parts.push(n),
                Kind::Plain => plain.push(n),
                Kind::Negated => negs.push(n),
            }
        }
        if !plain.is_empty() {
            parts.push(combine(plain, false));
        }
        parts.extend(negs);
        Ok(combine(parts, true))
    }

    fn and_expr(&mut self, ctx: Ctx<'s>, after: After<'s>) -> Result<(Node, Kind), ParseError> {
        let mut items = vec![self.unary(ctx, after)?];
        loop {
            match self.peek(ctx) {
                Tok::And(p, n) => {
                    self.pos = p + n;
                    items.push(self.unary(ctx, Some((p, &self.s[p..p + n])))?);
                }
                Tok::Sign(..) | Tok::Start if !self.opts.any => items.push(self.unary(ctx, None)?),
                _ => break,
            }
        }
        if items.len() == 1 {
            return Ok(items.remove(0));
        }
        let nodes = items.into_iter().map(|(n, _)| n).collect();
        Ok((combine(nodes, true), Kind::Plain))
    }

    fn unary(&mut self, ctx: Ctx<'s>, mut after: After<'s>) -> Result<(Node, Kind), ParseError> {
        let (mut neg, mut plus) = (false, false);
        loop {
            match self.peek(ctx) {
                Tok::Sign(p, n, negates) => {
                    (neg, plus) = (neg ^ negates, plus | !negates);
                    (after, self.pos) = (Some((p, &self.s[p..p + n])), p + n);
                }
                Tok::Start => break,
                tok => {
                    return match (after, tok) {
                        (Some((p, op)), _) => err(p, format!("expected a term after {op}")),
                        (None, Tok::Or(p, n) | Tok::And(p, n)) => {
                            err(p, format!("expected a term before {}", &self.s[p..p + n]))
                        }
                        (None, Tok::Close(p)) => err(p, "this parenthesis was never opened"),
                        _ => err(self.pos, "empty query"),
                    }
                }
            }
        }
        let node = self.primary(ctx)?;
        let node = if neg { negate(node) } else { node };
        let kind = match node {
            Node::Not(_) => Kind::Negated,
            _ if plus => Kind::Required,
            _ => Kind::Plain,
        };
        Ok((node, kind))
    }

    fn primary(&mut self, ctx: Ctx<'s>) -> Result<Node, ParseError> {
        let start = self.pos;
        let Some(c) = self.cur() else {
            return err(start, "expected a term");
        };
        if c == '(' {
            return self.group(ctx);
        }
        if let Some(colon) = self.field_prefix() {
            return self.field(colon);
        }
        match ctx {
            Some(f) if is_date_field(f) => self.date_value(f, start),
            _ if is_quote(c) => self.phrase(ctx, c, start),
            _ if is_word_char(c) => self.word(ctx, start),
            _ if c == '*' => err(start, "'*' must follow a word, as in hostag*"),
            _ if c == '~' => err(start, "'~' must follow a word (fuzzy) or a phrase (slop)"),
            _ => err(start, "unexpected character"),
        }
    }

    fn group(&mut self, ctx: Ctx<'s>) -> Result<Node, ParseError> {
        let open = self.pos;
        if self.depth >= MAX_DEPTH {
            return err(open, "too many nested parentheses");
        }
        self.pos += 1;
        match self.peek(ctx) {
            Tok::Close(_) => return err(open, "empty parentheses"),
            Tok::End => return err(open, "this parenthesis is never closed"),
            _ => {}
        }
        self.depth += 1;
        let node = self.or_expr(ctx)?;
        self.depth -= 1;
        match self.peek(ctx) {
            Tok::Close(p) => self.pos = p + 1,
            _ => return err(open, "this parenthesis is never closed"),
        }
        Ok(node)
    }

    fn field(&mut self, colon: usize) -> Result<Node, ParseError> {
        let start = self.pos;
        let name = &self.s[start..colon];
        if !self.opts.fields.contains(&name) {
            let known = self.opts.fields.join(", ");
            let msg = format!("unknown field '{}' (known fields: {known})", shorten(name));
            return err(start, msg);
        }
        self.pos = colon + 1;
        match self.cur() {
            Some(c) if starts_value(c, is_date_field(name)) => {}
            Some('[' | '{' | '<' | '>') => return err(self.pos, "ranges only work on date fields"),
            _ => return err(colon, format!("expected a value right after '{name}:'")),
        }
        if self.field_prefix().is_some() {
            return err(self.pos, format!("'{name}:' must be followed by a value, not a field"));
        }
        let grouped = self.cur() == Some('(');
        let mut node = self.primary(Some(name))?;
        if let (false, Some(span)) = (grouped, span_mut(&mut node)) {
            span.0 = start;
        }
        Ok(node)
    }

    fn word(&mut self, ctx: Ctx<'s>, start: usize) -> Result<Node, ParseError> {
        let end = self.word_end(start);
        let (field, text) = (ctx.map(str::to_string), self.s[start..end].to_string());
        self.pos = end;
        let node = if self.eat('*') {
            let span = (start, self.pos);
            Node::Prefix { field, text, span }
        } else if self.eat('~') {
            let distance = match self.digits().as_bytes() {
                [] => auto_distance(&text),
                [d @ b'0'..=b'2'] => d - b'0',
                _ => return err(end, "fuzzy distance must be 0, 1 or 2"),
            };
            if self.cur().is_some_and(is_word_char) {
                return err(end, "expected 0, 1 or 2 after '~'");
            }
            let span = (start, self.pos);
            Node::Fuzzy { field, text, distance, span }
        } else {
            let span = (start, end);
            return Ok(Node::Term { field, text, span });
        };
        match self.cur() {
            Some(c) if is_word_char(c) => err(end, "'*' is only allowed at the end of a word"),
            Some(c @ ('*' | '~')) => err(self.pos, format!("unexpected '{c}'")),
            _ => Ok(node),
        }
    }

    fn digits(&mut self) -> &'s str {
        let d0 = self.pos;
        while self.cur().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        &self.s[d0..self.pos]
    }

    fn phrase(&mut self, ctx: Ctx<'s>, q: char, start: usize) -> Result<Node, ParseError> {
        let body = start + q.len_utf8();
        let found = self.s[body..].char_indices().find(|&(_, c)| closes(q, c));
        let Some((i, cq)) = found else {
            return err(start, "this quote is never closed");
        };
        let text = self.s[body..body + i].trim();
        if !text.chars().any(is_word_char) {
            return err(start, "empty phrase");
        }
        self.pos = body + i + cq.len_utf8();
        let mut slop = 0;
        let tilde = self.pos;
        if self.eat('~') {
            let digits = self.digits();
            if digits.is_empty() || self.cur().is_some_and(is_word_char) {
                return err(tilde, "expected a number after '~' (phrase slop), as in \"a b\"~3");
            }
            slop = digits.parse().or(err(tilde, "phrase slop is too large"))?;
        }
        if let Some(c @ ('*' | '~')) = self.cur() {
            return err(self.pos, format!("unexpected '{c}' after a phrase"));
        }
        let (field, text, span) = (ctx.map(str::to_string), text.to_string(), (start, self.pos));
        Ok(Node::Phrase { field, text, slop, span })
    }

    /// The run of non-space chars up to a bracket, parenthesis or quote.
    fn date_token(&mut self) -> (&'s str, usize) {
        let at = self.pos;
        while let Some(c) = self.cur() {
            if c.is_whitespace() || "()[]{}".contains(c) || is_quote(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        (&self.s[at..self.pos], at)
    }

    /// One end of a `[a TO b]` range; `open` is the bracket position, for errors.
    fn range_bound(&mut self, open: usize, first: bool) -> Result<Option<String>, ParseError> {
        self.skip_ws();
        if !first {
            let rest = &self.s[self.pos..];
            if rest.is_empty() {
                return err(open, "this range is never closed");
            }
            let after = self.at(self.pos + 2);
            let end = after.is_none_or(|c| c.is_whitespace() || c == ']' || c == '}');
            if !(rest.starts_with("TO") || rest.starts_with("to")) || !end {
                return err(self.pos, "expected TO between the two dates");
            }
            self.pos += 2;
            self.skip_ws();
        }
        if self.cur().is_none() {
            return err(open, "this range is never closed");
        }
        match self.date_token() {
            ("*", _) => Ok(None),
            (tok, at) => check_date(tok, at).map(Some),
        }
    }

    fn date_value(&mut self, field: &str, start: usize) -> Result<Node, ParseError> {
        let field = field.to_string();
        let (from, to, from_inclusive, to_inclusive) = match self.cur() {
            Some(open @ ('[' | '{')) => {
                self.pos += 1;
                let from = self.range_bound(start, true)?;
                let to = self.range_bound(start, false)?;
                self.skip_ws();
                let close = self.cur();
                match close {
                    Some(']' | '}') => self.pos += 1,
                    None => return err(start, "this range is never closed"),
                    _ => return err(self.pos, "expected ']' or '}' to close the date range"),
                }
                let (fi, ti) = (open == '[' && from.is_some(), close == Some(']') && to.is_some());
                (from, to, fi, ti)
            }
            Some(c @ ('<' | '>')) => {
                self.pos += 1;
                let incl = self.eat('=');
                let op = &self.s[start..self.pos];
                self.skip_ws();
                let date = match self.date_token() {
                    ("", _) => return err(start, format!("expected a date after '{op}'")),
                    (tok, at) => Some(check_date(tok, at)?),
                };
                match c {
                    '>' => (date, None, incl, false),
                    _ => (None, date, false, incl),
                }
            }
            _ => {
                let (tok, at) = self.date_token();
                let date = Some(check_date(tok, at)?);
                (date.clone(), date, true, true)
            }
        };
        let span = (start, self.pos);
        Ok(Node::DateRange { field, from, to, from_inclusive, to_inclusive, span })
    }
}

fn span_mut(n: &mut Node) -> Option<&mut (usize, usize)> {
    match n {
        Node::Term { span, .. } | Node::Phrase { span, .. } | Node::Prefix { span, .. } => Some(span),
        Node::Fuzzy { span, .. } | Node::DateRange { span, .. } => Some(span),
        _ => None,
    }
}

/// The edit distance a bare `word~` allows: typos are more likely, and less ambiguous, in long
/// words (0 for 1-2 characters, 1 for 3-5, 2 beyond).
pub fn auto_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: &[&str] = &["title", "speaker", "person", "org", "place", "source", "date", "pub_date"];

    fn run(s: &str, any: bool) -> Result<Node, ParseError> {
        parse(s, &Options { any, fields: F })
    }

    /// Compact S-expression view of a tree, without spans.
    fn show(n: &Node) -> String {
        let pre = |f: &Option<String>| f.as_ref().map_or(String::new(), |f| format!("{f}:"));
        let list = |v: &[Node]| v.iter().map(show).collect::<Vec<_>>().join(" ");
        match n {
            Node::Term { field, text, .. } => format!("{}{text}", pre(field)),
            Node::Prefix { field, text, .. } => format!("{}{text}*", pre(field)),
            Node::Phrase { field: f, text: t, slop: 0, .. } => format!("{}\"{t}\"", pre(f)),
            Node::Phrase { field: f, text: t, slop: s, .. } => format!("{}\"{t}\"~{s}", pre(f)),
            Node::Fuzzy { field: f, text: t, distance: d, .. } => format!("{}{t}~{d}", pre(f)),
            Node::DateRange { field, from, to, from_inclusive: fi, to_inclusive: ti, .. } => {
                let (a, b) = (from.as_deref().unwrap_or("*"), to.as_deref().unwrap_or("*"));
                let (o, c) = (if *fi { "[" } else { "{" }, if *ti { "]" } else { "}" });
                format!("{field}:{o}{a}..{b}{c}")
            }
            Node::And(v) => format!("(and {})", list(v)),
            Node::Or(v) => format!("(or {})", list(v)),
            Node::Not(x) => format!("(not {})", show(x)),
        }
    }

    /// Each case is "query => expected tree".
    fn check_ok(any: bool, cases: &[&str]) {
        for case in cases {
            let (q, want) = case.split_once(" => ").unwrap();
            assert_eq!(run(q, any).map(|n| show(&n)).as_deref(), Ok(want), "{q:?}");
        }
    }

    /// Each case is "query => byte-position part-of-the-message".
    fn check_err(cases: &[&str]) {
        for case in cases {
            let (q, want) = case.split_once(" => ").unwrap();
            let (pos, msg) = want.split_once(' ').unwrap();
            let e = run(q, false).map(|n| show(&n)).expect_err(q);
            let hit = e.position.to_string() == pos && e.message.contains(msg);
            assert!(hit, "{q:?}: got {e:?}, want {want}");
        }
    }

    #[test]
    fn words_and_modes() {
        let term = |text: &str, span| Node::Term { field: None, text: text.into(), span };
        assert_eq!(run(" gaza", false), Ok(term("gaza", (1, 5))));
        let and = Node::And(vec![term("a", (0, 1)), term("U.S.", (2, 6))]);
        assert_eq!(run("a U.S.", false), Ok(and));
        check_ok(false, &[
            "gaza ceasefire talks => (and gaza ceasefire talks)",
            "+gaza ceasefire => (and gaza ceasefire)",
            "cease-fire Israel’s U.S. Washington. don't- => (and cease-fire Israel’s U.S. Washington don't)",
            "Gaza, Rafah! «Kirby» 10:30 AT&T C++ => (and Gaza Rafah Kirby 10 30 AT T C)",
            "צה״ל غزة 東京 naïve 🙂 => (and צה״ל غزة 東京 naïve 🙂)",
            "Biden - Trump a--b --c => (and Biden Trump a b c)",
            "Note: or and => (and Note or and)",
        ]);
        check_ok(
            true,
            &[
                "gaza ceasefire => (or gaza ceasefire)",
                "+gaza ceasefire truce -hamas => (and gaza (or ceasefire truce) (not hamas))",
                "a b AND c d => (or a (and b c) d)",
                "a b OR c => (or a b c)",
                "-a -b => (and (not a) (not b))",
                "a NOT b +(c d) => (and (or c d) a (not b))",
            ],
        );
    }

    #[test]
    fn phrases_operators_prefix_fuzzy() {
        check_ok(
            false,
            &[
                "\"John Kirby\" said => (and \"John Kirby\" said)",
                "\" a b \"~3 => \"a b\"~3",
                "“hostage deal”~0 „Waffenruhe“ ”sv” => (and \"hostage deal\" \"Waffenruhe\" \"sv\")",
                "\"he said “no”\" \"OR\" \"a\"b => (and \"he said “no”\" \"OR\" \"a\" b)",
                "a b OR c => (or (and a b) c)",
                "a OR b c => (or a (and b c))",
                "a AND NOT b OR c => (or (and a (not b)) c)",
                "NOT a b => (and (not a) b)",
                "a || b && c => (or a (and b c))",
                "a or b OReo ANDes => (and a or b OReo ANDes)",
                "(a OR b) (c OR d) => (and (or a b) (or c d))",
                "a (b c) (d OR (e OR f)) => (and a b c (or d e f))",
                "NOT NOT a => a",
                "-(-a) => a",
                "-w -\"a b\" -(a OR b) x => (and (not w) (not \"a b\") (not (or a b)) x)",
                "a&&-b => (and a (not b))",
                "a OR -b => (or a (not b))",
                "netanyahoo~ a~0 b~2 U.S.* hostag* => (and netanyahoo~2 a~0 b~2 U.S.* hostag*)",
            ],
        );
        let (field, text) = (None, "ab".to_string());
        let phrase = Node::Phrase { field, text, slop: 12, span: (2, 13) };
        assert_eq!(run("x “ab”~12", false), Ok(Node::And(vec![run("x", false).unwrap(), phrase])));
        let (field, text) = (None, "ab".to_string());
        assert_eq!(run("ab~2", false), Ok(Node::Fuzzy { field, text, distance: 2, span: (0, 4) }));
        let (field, text, span) = (None, "hostag".to_string(), (0, 7));
        assert_eq!(run("hostag*", false), Ok(Node::Prefix { field, text, span }));
    }

    #[test]
    fn fields_and_dates() {
        let (field, text, span) = (Some("title".into()), "gaza".into(), (0, 10));
        assert_eq!(run("title:gaza", false), Ok(Node::Term { field, text, span }));
        let Ok(Node::And(v)) = run("a date:[2024 TO 2025]", false) else { panic!() };
        assert!(matches!(v[1], Node::DateRange { span: (2, 21), .. }));
        check_ok(false, &[
            "speaker:\"John Kirby\" org:un~ => (and speaker:\"John Kirby\" org:un~0)",
            "place:(gaza OR rafah) title:OR person:kirb* => (and (or place:gaza place:rafah) title:OR person:kirb*)",
            "title:(a -b speaker:c) => (and title:a (not title:b) speaker:c)",
            "-source:nytimes.com => (not source:nytimes.com)",
            "date:[2024-01-01 TO 2024-03-31] => date:[2024-01-01..2024-03-31]",
            "date:{2024 TO 2025-02} => date:{2024..2025-02}",
            "date:[* to 2024-02-29} => date:{*..2024-02-29}",
            "date:[ 2024   TO * ] => date:[2024..*}",
            "date:>=2024-01-01 date:>2024 => (and date:[2024-01-01..*} date:{2024..*})",
            "date:<2024-02 date:<= 2024 => (and date:{*..2024-02} date:{*..2024])",
            "date:2024 date:2024-03 => (and date:[2024..2024] date:[2024-03..2024-03])",
            "pub_date:2000-02-29 => pub_date:[2000-02-29..2000-02-29]",
            "date:(2023 OR [2024 TO 2025]) x => (and (or date:[2023..2023] date:[2024..2025]) x)",
            "date:(>2025 -2026) => (and date:{2025..*} (not date:[2026..2026]))",
        ]);
        check_err(&[
            "a foo:bar => 2 unknown field 'foo'",
            "http://x => 0 unknown field 'http'",
            "title: gaza => 5 right after 'title:'",
            "title: => 5 right after 'title:'",
            "title:speaker:x => 6 not a field",
            "title:[a TO b] => 6 only work on date fields",
            "title:(a => 6 never closed",
            "date:2024-13 => 5 bad date '2024-13'",
            "date:2023-02-29 => 5 no such",
            "date:1900-02-29 => 5 no such",
            "date:2024-04-31 => 5 no such",
            "date:2024-00 => 5 no such",
            "date:[2024-1 TO 2025] => 6 bad date",
            "x date:[2024 TO 20x5] => 16 bad date",
            "date:[2024 TO 2025 => 5 never closed",
            "date:[2024 TO => 5 never closed",
            "date:[2024 => 5 never closed",
            "date:[ => 5 never closed",
            "date:[2024 2025] => 11 expected TO",
            "date:[2024 TOO] => 11 expected TO",
            "date:[2024 TO] => 13 expected a date",
            "date:[2024 TO 2025 x] => 19 expected ']'",
            "date:>= => 5 expected a date after '>='",
            "date:gaza => 5 bad date",
            "date:\"2024\" => 5 expected a date",
            "date:* => 4 right after 'date:'",
        ]);
    }

    #[test]
    fn error_positions() {
        check_err(&[
            " => 0 empty query",
            "  , - => 0 empty query",
            "a \"b c => 2 quote is never closed",
            "é “b c\" => 3 quote is never closed",
            "cease-fire AND (gaza => 15 parenthesis is never closed",
            "(a (b) c => 0 parenthesis is never closed",
            "a) b => 1 never opened",
            ") a => 0 never opened",
            "a () => 2 empty parentheses",
            "a OR => 2 expected a term after OR",
            "a OR OR b => 2 expected a term after OR",
            "OR a => 0 expected a term before OR",
            "a AND => 2 expected a term after AND",
            "a && || b => 2 expected a term after &&",
            "a NOT => 2 expected a term after NOT",
            "(a OR) => 3 expected a term after OR",
            "a \"\" => 2 empty phrase",
            "“ … ” => 0 empty phrase",
            "\"a b\"~ => 5 phrase slop",
            "\"a b\"~2x => 5 phrase slop",
            "\"a b\"~99999999999 => 5 too large",
            "\"a b\"* => 5 after a phrase",
            "a b~3 => 3 0, 1 or 2",
            "b~10 => 1 0, 1 or 2",
            "b~x => 1 expected 0, 1 or 2",
            "b~~ => 2 unexpected '~'",
            "b~1* => 3 unexpected '*'",
            "a * => 2 '*' must follow a word",
            "*a => 0 '*' must follow a word",
            "ho*st => 2 end of a word",
            "ab** => 3 unexpected '*'",
            "ab*~ => 3 unexpected '~'",
            "x ~ => 2 '~' must follow",
        ]);
        let deep = "(".repeat(60) + "a";
        assert_eq!(run(&deep, false).unwrap_err().position, MAX_DEPTH);
    }

    #[test]
    fn display_and_render() {
        let q = "cease-fire AND (gaza";
        let e = run(q, false).unwrap_err();
        assert_eq!(e.to_string(), "this parenthesis is never closed at column 16");
        let want = "  cease-fire AND (gaza\n                 ^ this parenthesis is never closed";
        assert_eq!(e.render(q), want);
        let q = "Israel’s OR";
        let want = "  Israel’s OR\n           ^ expected a term after OR";
        assert_eq!(run(q, false).unwrap_err().render(q), want);
        let e = |position| ParseError { position, message: "m".into() };
        assert_eq!(e(99).render("é\nx"), "  é x\n     ^ m");
        assert_eq!(e(1).render("é"), "  é\n  ^ m");
    }

    fn check_tree(n: &Node, s: &str) {
        let ok_span = |span: &(usize, usize)| s.get(span.0..span.1).is_some_and(|t| !t.is_empty());
        let ok_field = |f: Option<&str>| f.is_none_or(|f| F.contains(&f));
        match n {
            Node::And(v) | Node::Or(v) => {
                assert!(v.len() >= 2, "{s:?}");
                for c in v {
                    let same = std::mem::discriminant(c) == std::mem::discriminant(n);
                    assert!(!same, "unflattened {s:?}");
                    check_tree(c, s);
                }
            }
            Node::Not(x) => check_tree(x, s),
            Node::DateRange { field, span, .. } => {
                assert!(ok_span(span) && ok_field(Some(field)), "{s:?}")
            }
            Node::Term { field, span, .. }
            | Node::Phrase { field, span, .. }
            | Node::Prefix { field, span, .. }
            | Node::Fuzzy { field, span, .. } => {
                assert!(ok_span(span) && ok_field(field.as_deref()), "{s:?}")
            }
        }
    }

    #[test]
    fn never_panics() {
        const BITS: &[&str] = &[
            "a",
            "gaza",
            " ",
            "  ",
            "\"",
            "“",
            "”",
            "„",
            "(",
            ")",
            "(((",
            ")))",
            "OR",
            "AND",
            "NOT",
            "&&",
            "||",
            "&",
            "|",
            "-",
            "+",
            "*",
            "**",
            "~",
            "~~",
            "~2",
            "~9",
            "~99999999999",
            ":",
            "title:",
            "date:",
            "date:[",
            "[",
            "]",
            "{",
            "}",
            " TO ",
            "to",
            "2024",
            "2024-03",
            "2024-02-30",
            ">=",
            "<",
            ">",
            "é",
            "日本",
            "’",
            "'",
            ".",
            "U.S.",
            "\u{200d}",
            "\u{301}",
            "🙂",
            "\t",
            "\n",
            "x:",
            "_:",
            "\0",
            "\u{feff}",
            "Ω",
            "date:(",
            "-(",
            "+\"",
            "NOT(",
        ];
        // Deliberate copy of entities' no_panics_on_random_input generator: because a test keeps its fixture.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut rnd = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for i in 0..30_000 {
            let mut s = String::new();
            for _ in 0..rnd(if i % 100 == 0 { 400 } else { 12 }) {
                match rnd(4) {
                    0 => s.extend(char::from_u32(rnd(0x11_0000) as u32)),
                    1 => s.push((b' ' + rnd(95) as u8) as char),
                    _ => s.push_str(BITS[rnd(BITS.len())]),
                }
            }
            for any in [false, true] {
                match run(&s, any) {
                    Ok(n) => check_tree(&n, &s),
                    Err(e) => {
                        assert!(s.is_char_boundary(e.position) && !e.message.is_empty(), "{s:?}");
                        assert!(e.render(&s).contains(&e.message));
                    }
                }
            }
        }
        let long = "gaza ".repeat(200_000);
        assert!(matches!(run(&long, false), Ok(Node::And(v)) if v.len() == 200_000));
        let nasty = [
            "NOT ".repeat(100_000) + "a",
            "-".repeat(100_000),
            "\"".repeat(100_001),
            "(".repeat(100_000),
            "date:[".repeat(10_000),
            "a~".repeat(50_000),
            "x".repeat(300_000) + "*",
            "title:".repeat(50_000),
            "“".repeat(100_001),
        ];
        for s in nasty {
            let _ = (run(&s, false), run(&s, true));
        }
    }
}
