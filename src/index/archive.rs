//! An archive on disk: a folder holding the `articles` and `quotes` Tantivy indexes, the
//! manifest with the schema version, and the duplicates seen beside the index.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader, ReloadPolicy};

use super::schema::{
    articles_schema, quotes_schema, register_tokenizers, ArticleFields, QuoteFields, SCHEMA_VERSION,
};
use crate::error::{Error, Result};

const MANIFEST: &str = "gazette.json";

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    schema_version: u32,
}

/// What a commit records in both indexes' payload.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct CommitPayload {
    /// The number of the batch this commit closed.
    pub batch: u64,
    /// Articles in the archive after this commit.
    pub articles: u64,
    /// `facets.tsv` as this commit left it (the file only grows: later, uncommitted lines may
    /// follow). Absent in archives written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facets: Option<FileState>,
    /// `duplicates.json` as this commit left it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicates: Option<FileState>,
    /// `deleted.tsv` (the ids `--prune` removed, by batch) as this commit left it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<FileState>,
}

impl CommitPayload {
    pub fn of(index: &Index) -> Result<Option<CommitPayload>> {
        let meta = index.load_metas()?;
        Ok(meta.payload.as_deref().and_then(|p| serde_json::from_str(p).ok()))
    }
}

/// The length and a hash of a state file beside the indexes, so that a file cut short,
/// garbled, emptied or deleted is found out instead of being read as empty.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileState {
    pub len: u64,
    pub hash: u64,
}

impl FileState {
    pub fn of(bytes: &[u8]) -> FileState {
        let h = blake3::hash(bytes);
        let mut first = [0u8; 8];
        first.copy_from_slice(&h.as_bytes()[..8]);
        FileState { len: bytes.len() as u64, hash: u64::from_le_bytes(first) }
    }
}

/// The folder holding `dir`, and `dir`'s own name ("" for "/").
fn parent_and_name(dir: &Path) -> (PathBuf, String) {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    (parent, name)
}

/// The folder beside `dir` where `index --rebuild` of process `pid` builds the new archive,
/// `NAME.rebuild-PID` (named so that [`clean_stale_rebuilds`] finds it if the run is killed).
pub fn rebuild_folder(dir: &Path, pid: u32) -> PathBuf {
    let (parent, name) = parent_and_name(dir);
    let name = if name.is_empty() { "gazette-index".to_string() } else { name };
    parent.join(format!("{name}{REBUILD}{pid}"))
}

/// The folder beside `dir` where a new archive is made whole before it is renamed into place.
fn creation_folder(parent: &Path, name: &str, pid: u32) -> PathBuf {
    parent.join(format!(".{name}{CREATION}{pid}"))
}

const REBUILD: &str = ".rebuild-";
const CREATION: &str = ".new-";

/// Reads a state file beside the indexes: `None` when it does not exist.
pub fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Removes the `NAME.rebuild-PID` and `.NAME.new-PID` folders that a killed `index --rebuild`
/// or a killed creation of the archive `dir` left beside it. The caller holds `dir`'s writer
/// lock, which a rebuild still running would hold (it takes the old archive's lock before it
/// makes its folder): so every rebuild folder but this process's own is a leftover, whatever
/// the process id in its name (ids are reused, by other processes' threads too). A creation
/// holds no lock until its folder is renamed into place, so its folder is removed only when
/// no process has its id. Returns the folders removed.
pub fn clean_stale_rebuilds(dir: &Path) -> Vec<PathBuf> {
    let (parent, name) = parent_and_name(dir);
    if name.is_empty() {
        return Vec::new();
    }
    // (a rebuild killed while making its new archive leaves that archive's creation folder,
    // `.NAME.rebuild-PID.new-PID`)
    let rebuilds = [format!("{name}{REBUILD}"), format!(".{name}{REBUILD}")];
    let creation = format!(".{name}{CREATION}");
    let Ok(entries) = std::fs::read_dir(&parent) else { return Vec::new() };
    let pid_of = |rest: &str| rest.split('.').next().and_then(|p| p.parse::<u32>().ok());
    let mut removed = Vec::new();
    for e in entries.flatten() {
        let file_name = e.file_name().to_string_lossy().into_owned();
        let stale = if let Some(pid) =
            rebuilds.iter().find_map(|p| file_name.strip_prefix(p.as_str())).and_then(pid_of)
        {
            pid != std::process::id()
        } else if let Some(pid) = file_name.strip_prefix(creation.as_str()).and_then(pid_of) {
            // SAFETY: signal 0 only asks whether the process exists.
            let alive = pid != 0
                && i32::try_from(pid).is_ok_and(|p| {
                    (unsafe { libc::kill(p, 0) }) == 0
                        || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
                });
            !alive
        } else {
            false
        };
        if stale && std::fs::remove_dir_all(e.path()).is_ok() {
            removed.push(e.path());
        }
    }
    removed
}

/// The archive folder named by `--index` must be a folder (or not exist yet).
fn not_a_file(dir: &Path) -> Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => Err(Error::NotAnArchive {
            path: dir.to_path_buf(),
            reason: "it is a file; --index takes the archive's folder".into(),
        }),
        _ => Ok(()),
    }
}

/// An open archive.
pub struct Archive {
    pub dir: PathBuf,
    pub articles: Index,
    pub quotes: Index,
    pub af: ArticleFields,
    pub qf: QuoteFields,
    /// The dictionaries articles are compressed with (see `index::packed`).
    pub dicts: std::sync::Arc<super::packed::Dicts>,
}

impl Archive {
    /// The article stored at `addr` of an articles searcher, with its packed values added back
    /// as the fields they were taken from.
    pub fn article_doc(
        &self,
        searcher: &tantivy::Searcher,
        addr: tantivy::DocAddress,
    ) -> Result<tantivy::TantivyDocument> {
        let mut doc: tantivy::TantivyDocument = searcher.doc(addr)?;
        self.dicts.unpack(&mut doc, self.af.packed)?;
        Ok(doc)
    }

    /// Opens an existing archive; fails with a message that says what to do when there is none
    /// or when it was written by another schema version.
    pub fn open(dir: &Path) -> Result<Archive> {
        not_a_file(dir)?;
        let manifest_path = dir.join(MANIFEST);
        let raw = match std::fs::read_to_string(&manifest_path) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(
                    if dir.exists() && dir.read_dir().map(|mut d| d.next().is_some()).unwrap_or(false) {
                        Error::NotAnArchive {
                            path: dir.to_path_buf(),
                            reason: format!("it has no {MANIFEST}"),
                        }
                    } else {
                        Error::NoArchive(dir.to_path_buf())
                    },
                )
            }
            Err(e) => return Err(Error::io(&manifest_path, e)),
        };
        let manifest: Manifest = serde_json::from_str(&raw).map_err(|e| Error::NotAnArchive {
            path: dir.to_path_buf(),
            reason: format!("{MANIFEST}: {e}"),
        })?;
        if manifest.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: manifest.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        let open = |name: &str| {
            Index::open_in_dir(dir.join(name)).map_err(|e| Error::Damaged {
                path: dir.join(name).join("meta.json"),
                reason: format!("the {name} index cannot be opened ({e})"),
            })
        };
        let (articles, quotes) = (open("articles")?, open("quotes")?);
        Self::from_indexes(dir, articles, quotes)
    }

    /// Opens the archive for reading and runs `f` on it (which opens its readers), so that
    /// what `f` returns comes whole from one archive: an `index --rebuild` that swaps the
    /// folder in the meantime (the folder's inode changes) makes it start again on the new
    /// one, instead of mixing files of both or missing the old one's. Readers that are open
    /// keep their files after the swap (the kernel keeps a removed file while it is mapped).
    pub fn open_stable<T>(dir: &Path, f: impl Fn(Archive) -> Result<T>) -> Result<T> {
        let identity = || {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(dir).map(|m| (m.dev(), m.ino())).ok()
        };
        let mut tries = 0;
        loop {
            let before = identity();
            let got = Self::open(dir).and_then(&f);
            if before == identity() || tries == 4 {
                return got;
            }
            tries += 1;
        }
    }

    /// Opens the archive, creating an empty one when the folder does not hold one yet.
    pub fn open_or_create(dir: &Path) -> Result<Archive> {
        not_a_file(dir)?;
        if dir.join(MANIFEST).exists() {
            return Self::open(dir);
        }
        if dir.exists() && dir.read_dir().map_err(|e| Error::io(dir, e))?.next().is_some() {
            return Err(Error::NotAnArchive {
                path: dir.to_path_buf(),
                reason:
                    "the folder is not empty and has no gazette.json; pass an empty or new folder to --index"
                        .into(),
            });
        }
        // Made whole in a hidden sibling folder, then renamed into place: a run killed at any
        // moment leaves no archive or a complete one, never index folders without a manifest.
        let (parent, name) = parent_and_name(dir);
        if name.is_empty() {
            // "." or "/": no sibling to build in; made in place
            Self::create_in(dir)?;
            return Self::open(dir);
        }
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let tmp = creation_folder(&parent, &name, std::process::id());
        let _ = std::fs::remove_dir_all(&tmp);
        let made = Self::create_in(&tmp);
        if let Err(e) = made {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
        // onto a missing or an empty folder
        if let Err(e) = std::fs::rename(&tmp, dir) {
            let _ = std::fs::remove_dir_all(&tmp);
            if dir.join(MANIFEST).exists() {
                // another writer made it first: open it (its lock then says who writes)
                return Self::open(dir);
            }
            return Err(Error::io(dir, e));
        }
        Self::open(dir)
    }

    /// A new, empty archive in the folder `dir` (which must not exist).
    fn create_in(dir: &Path) -> Result<()> {
        for sub in ["articles", "quotes"] {
            std::fs::create_dir_all(dir.join(sub)).map_err(|e| Error::io(dir.join(sub), e))?;
        }
        let settings = tantivy::IndexSettings {
            docstore_compression: tantivy::store::Compressor::Zstd(Default::default()),
            ..Default::default()
        };
        // (an article's stored values are compressed on their own: see `index::packed`; the
        // store's blocks, uncompressed, hold one article each, so that reading one copies no
        // other)
        let packed = tantivy::IndexSettings {
            docstore_compression: tantivy::store::Compressor::None,
            docstore_blocksize: 1024,
            ..Default::default()
        };
        let articles = Index::builder()
            .schema(articles_schema().0)
            .settings(packed)
            .create_in_dir(dir.join("articles"))?;
        let quotes = Index::builder()
            .schema(quotes_schema().0)
            .settings(settings)
            .create_in_dir(dir.join("quotes"))?;
        drop((articles, quotes));
        let manifest = Manifest { format: "gazette-archive".into(), schema_version: SCHEMA_VERSION };
        write_atomic(
            &dir.join(MANIFEST),
            serde_json::to_string_pretty(&manifest).unwrap_or_default().as_bytes(),
        )
    }

    fn from_indexes(dir: &Path, articles: Index, quotes: Index) -> Result<Archive> {
        register_tokenizers(&articles);
        register_tokenizers(&quotes);
        let af = ArticleFields::from_schema(&articles.schema())
            .map_err(|e| Error::NotAnArchive { path: dir.to_path_buf(), reason: e.to_string() })?;
        let qf = QuoteFields::from_schema(&quotes.schema())
            .map_err(|e| Error::NotAnArchive { path: dir.to_path_buf(), reason: e.to_string() })?;
        let dicts = std::sync::Arc::new(super::packed::Dicts::new(dir));
        let archive = Archive { dir: dir.to_path_buf(), articles, quotes, af, qf, dicts };
        archive.verify_segment_files()?;
        Ok(archive)
    }

    /// Every file of every segment of the last commit is there: a missing one is reported as
    /// such, naming the file and its index, by every command (writers included), instead of
    /// as Tantivy's error when a search first needs it.
    fn verify_segment_files(&self) -> Result<()> {
        // A writer in another process may commit a merge and remove the files of the commit
        // that was read a moment ago: a file missing for that reason is not missing from the
        // next meta.json. Checked again twice before it is called damaged.
        let mut tries = 0;
        loop {
            match self.segment_files_present() {
                Err(Error::Damaged { .. }) if tries < 2 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => return other,
            }
        }
    }

    fn segment_files_present(&self) -> Result<()> {
        use tantivy::index::SegmentComponent as C;
        for (name, index) in [("articles", &self.articles), ("quotes", &self.quotes)] {
            let metas = index.searchable_segment_metas().map_err(|e| Error::Damaged {
                path: self.dir.join(name).join("meta.json"),
                reason: format!("the {name} index's list of segments cannot be read ({e})"),
            })?;
            for meta in metas {
                let mut parts =
                    vec![C::Postings, C::Positions, C::Terms, C::Store, C::FastFields, C::FieldNorms];
                if meta.has_deletes() {
                    parts.push(C::Delete);
                }
                for part in parts {
                    let path = self.dir.join(name).join(meta.relative_path(part));
                    if !path.exists() {
                        return Err(Error::Damaged {
                            path,
                            reason: format!("this file of the {name} index's last commit is missing"),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    pub fn articles_reader(&self) -> Result<IndexReader> {
        Ok(self.articles.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?)
    }

    pub fn quotes_reader(&self) -> Result<IndexReader> {
        Ok(self.quotes.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?)
    }

    /// Takes the archive's writer lock: one writer at a time. The lock is an flock the kernel
    /// releases when the process ends, however it ends, so a killed run never blocks the next.
    /// The file names the holder, for the message the second writer gets.
    pub fn lock_for_writing(&self) -> Result<WriteLock> {
        lock_dir_for_writing(&self.dir)
    }

    /// What the last commit recorded (all zero for an archive without a commit).
    pub fn committed(&self) -> Result<CommitPayload> {
        Ok(CommitPayload::of(&self.articles)?.unwrap_or_default())
    }

    /// Bytes on disk of the whole archive.
    pub fn size_on_disk(&self) -> u64 {
        walkdir::WalkDir::new(&self.dir)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    }
}

/// The writer lock of the archive folder `dir` (see [`Archive::lock_for_writing`]); taken
/// without opening the archive, so that `index --rebuild` can replace an archive of another
/// schema version, which cannot be opened.
pub fn lock_dir_for_writing(dir: &Path) -> Result<WriteLock> {
    use std::io::{Read, Seek, Write};
    let path = dir.join("gazette.lock");
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            // The holder writes its name just after taking the lock: a writer that took it a
            // moment ago may not have yet, so look again for a little while.
            let mut holder = String::new();
            for _ in 0..50 {
                holder.clear();
                let _ = file.rewind().and_then(|_| file.read_to_string(&mut holder));
                if !holder.trim().is_empty() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            let holder = holder.trim();
            let holder = if holder.is_empty() { String::new() } else { format!(" ({holder})") };
            return Err(Error::Locked { path: dir.to_path_buf(), holder });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
    }
    let me =
        format!("process {} running {}", std::process::id(), std::env::args().collect::<Vec<_>>().join(" "));
    file.set_len(0)
        .and_then(|_| file.rewind())
        .and_then(|_| file.write_all(me.as_bytes()))
        .map_err(|e| Error::io(&path, e))?;
    // Files a killed run may have left: our own half-written replacements.
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "tmp") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(WriteLock { _file: file })
}

/// Puts the archive built at `new` in the place of `target` in one step: readers see the old
/// archive or the new one, never a mix or nothing (Linux `renameat2(RENAME_EXCHANGE)`; where
/// that is not available, two renames). The old archive is then removed.
pub fn replace_atomically(new: &Path, target: &Path) -> Result<()> {
    if !target.exists() {
        return std::fs::rename(new, target).map_err(|e| Error::io(target, e));
    }
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let a = CString::new(new.as_os_str().as_bytes()).map_err(|e| Error::Internal(e.to_string()))?;
        let b = CString::new(target.as_os_str().as_bytes()).map_err(|e| Error::Internal(e.to_string()))?;
        // SAFETY: both are valid NUL-terminated paths; AT_FDCWD resolves them as given.
        let rc = unsafe {
            libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE)
        };
        if rc == 0 {
            return std::fs::remove_dir_all(new).map_err(|e| Error::io(new, e));
        }
    }
    let old = target.with_extension(format!("old-{}", std::process::id()));
    std::fs::rename(target, &old).map_err(|e| Error::io(target, e))?;
    std::fs::rename(new, target).map_err(|e| Error::io(target, e))?;
    std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))
}

/// Held while writing; dropping it releases the archive.
pub struct WriteLock {
    _file: std::fs::File,
}

/// Writes a file so that readers see the old or the new content, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let io = |e| Error::io(path, e);
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp).map_err(io)?;
        f.write_all(bytes).map_err(io)?;
        f.sync_all().map_err(io)?;
    }
    std::fs::rename(&tmp, path).map_err(io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_schema_version_is_refused_with_a_rebuild_hint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a");
        Archive::open_or_create(&path).unwrap();
        std::fs::write(path.join(MANIFEST), r#"{"format":"gazette-archive","schema_version":999}"#).unwrap();
        let err = Archive::open(&path).err().unwrap();
        assert!(matches!(err, Error::SchemaVersion { found: 999, .. }));
        assert!(err.to_string().contains("rebuild"));
    }

    #[test]
    fn a_missing_archive_says_how_to_make_one() {
        let dir = tempfile::tempdir().unwrap();
        let err = Archive::open(&dir.path().join("nope")).err().unwrap();
        assert!(matches!(err, Error::NoArchive(_)));
        assert!(err.to_string().contains("gazette index"));
    }

    #[test]
    fn a_reader_that_opens_during_a_rebuild_swap_starts_again_on_the_new_archive() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a");
        Archive::open_or_create(&path).unwrap();
        let calls = std::cell::Cell::new(0);
        // the first opening is overtaken by a swap (as `index --rebuild` does it) and sees
        // a file vanish; the second sees the new archive whole
        let got = Archive::open_stable(&path, |a| {
            calls.set(calls.get() + 1);
            if calls.get() == 1 {
                let new = dir.path().join("a.rebuild-1");
                Archive::open_or_create(&new).unwrap();
                replace_atomically(&new, &path).unwrap();
                return Err(Error::Damaged { path: a.dir.join("articles"), reason: "gone".into() });
            }
            Ok(calls.get())
        });
        assert_eq!(got.unwrap(), 2);
        // a swap after a successful opening also makes it start again: what it returned may
        // mix both archives
        calls.set(0);
        let got = Archive::open_stable(&path, |_| {
            calls.set(calls.get() + 1);
            if calls.get() == 1 {
                let new = dir.path().join("a.rebuild-2");
                Archive::open_or_create(&new).unwrap();
                replace_atomically(&new, &path).unwrap();
            }
            Ok(calls.get())
        });
        assert_eq!(got.unwrap(), 2);
        // without a swap, an error is the answer
        let got = Archive::open_stable(&path, |a| -> Result<()> {
            Err(Error::Damaged { path: a.dir.clone(), reason: "broken".into() })
        });
        assert!(matches!(got, Err(Error::Damaged { .. })));
    }
}
