//! Typed errors. A [`UserError`] is something the user can fix (a bad query, an index of
//! another schema version, an unreadable file); an `Internal` error is a bug or an I/O failure
//! of the archive itself.

use std::path::PathBuf;

/// Why one input could not be read or parsed. Always carries the path (and the line, for
/// JSON Lines) so a message can say exactly where.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum InputError {
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: a binary file (NUL byte at offset {offset}), not text")]
    Binary { path: String, offset: usize },
    /// `size` is None when the input is compressed: it is not decompressed past the limit just
    /// to be measured (a decompression bomb would take minutes and gigabytes).
    #[error(
        "{path}: {} is over the limit of {limit} bytes for one article (see --max-article-bytes)",
        size.map(|s| format!("{s} bytes")).unwrap_or_else(|| "the text, once decompressed,".into())
    )]
    TooLarge { path: String, size: Option<u64>, limit: u64 },
    #[error("{path}:{line}: malformed JSON: {reason}")]
    BadJson { path: String, line: usize, reason: String },
    #[error("{path}{}: the article has neither a title nor a text", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Empty { path: String, line: Option<usize> },
    #[error("{path}: {reason}")]
    Walk { path: String, reason: String },
    /// An id longer than the index can look up (Tantivy's terms are bounded): such an article
    /// could be stored but never found or replaced, so it is refused.
    #[error("{path}: the article's id is {len} bytes, over the limit of {limit} bytes for an id")]
    IdTooLong { path: String, len: usize, limit: usize },
    /// Extraction failed on the article (a defect of gazette, not of the input): the article
    /// is left out like a bad input, and the run goes on.
    #[error("{path}: extraction failed on article {id:?} ({reason}); it was not indexed, the run went on")]
    Extraction { path: String, id: String, reason: String },
}

impl InputError {
    /// The file (and line) the error is about, as shown in `errors[].path`.
    pub fn path(&self) -> String {
        match self {
            InputError::Unreadable { path, .. }
            | InputError::NotUtf8 { path, .. }
            | InputError::Binary { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::Walk { path, .. }
            | InputError::IdTooLong { path, .. }
            | InputError::Extraction { path, .. } => path.clone(),
            InputError::BadJson { path, line, .. } => format!("{path}:{line}"),
            InputError::Empty { path, line } => match line {
                Some(l) => format!("{path}:{l}"),
                None => path.clone(),
            },
        }
    }

    /// The reason alone, without the path.
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let prefix = format!("{}: ", self.path());
        full.strip_prefix(&prefix).map(str::to_string).unwrap_or(full)
    }
}

/// Errors of the library's operations.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no archive at {0} (run `gazette index PATH` first, or pass --index DIR)")]
    NoArchive(PathBuf),
    #[error("the archive at {path} has schema version {found}, this gazette needs version {expected}: rebuild it with `gazette index --rebuild PATH...` (or delete the folder and index again)")]
    SchemaVersion { path: PathBuf, found: u32, expected: u32 },
    #[error("{path} is not a gazette archive: {reason}")]
    NotAnArchive { path: PathBuf, reason: String },
    #[error("{path} is damaged: {reason}. Nothing was read from it or written to it: `gazette check SOURCES...` shows what the archive holds, `gazette index --rebuild SOURCES...` rebuilds it")]
    Damaged { path: PathBuf, reason: String },
    #[error("the archive at {path} is being written by another process{holder}; wait for it to finish")]
    Locked { path: PathBuf, holder: String },
    #[error("query error: {message}\n{rendered}")]
    Query { message: String, position: usize, rendered: String },
    #[error("{0}")]
    Usage(String),
    /// A file the user edits (`aliases.toml`) that cannot be read as written.
    #[error("{}{}: {message}", path.display(), line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Config { path: PathBuf, line: Option<usize>, message: String },
    #[error("no article with id {0:?}")]
    NotFound(String),
    #[error("no quote of the archive has the speaker {0:?}")]
    NoSpeaker(String),
    #[error("{id:?} is a duplicate of {of:?}, which holds its text: `gazette show {of:?}`")]
    Duplicate { id: String, of: String },
    /// A request over a bound of the HTTP API (the query's length).
    #[error("request too large: {0}")]
    TooLarge(String),
    // not a `source`: the message says it once (anyhow's `{:#}` would say it twice)
    #[error("index error: {0}")]
    Tantivy(tantivy::TantivyError),
    // `cause` is not a `source`: the message says it once (anyhow's `{:#}` would say it twice)
    #[error("I/O error on {path}: {cause}")]
    Io { path: PathBuf, cause: std::io::Error },
    #[error("{0}")]
    Internal(String),
    #[error("I/O error reading the index: {0}")]
    IndexIo(std::io::Error),
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Tantivy(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::IndexIo(e)
    }
}

impl Error {
    /// True when the user can fix it (exit code 2 either way, but the message differs in tone).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::NoArchive(_)
                | Error::SchemaVersion { .. }
                | Error::NotAnArchive { .. }
                | Error::Damaged { .. }
                | Error::Locked { .. }
                | Error::Query { .. }
                | Error::Usage(_)
                | Error::Config { .. }
                | Error::NotFound(_)
                | Error::NoSpeaker(_)
                | Error::Duplicate { .. }
                | Error::TooLarge(_)
        )
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), cause: source }
    }
}

impl From<tantivy::directory::error::OpenDirectoryError> for Error {
    fn from(e: tantivy::directory::error::OpenDirectoryError) -> Self {
        Error::Tantivy(e.into())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
