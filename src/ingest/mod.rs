//! Reading sources: walking folders, reading each supported format, and the article's
//! identity and change hashes. Nothing here knows about the index.

pub mod article;
pub mod date;
pub mod formats;
pub mod minhash;
pub mod readahead;

use std::path::{Path, PathBuf};

pub use article::Article;
pub use formats::{detect, read_file, read_file_counted, ReadOptions};

use crate::error::InputError;

/// One entry found while walking the given paths.
#[derive(Debug)]
pub enum Found {
    /// A file in a format gazette reads, with the id its articles get when they carry none
    /// (see [`portable_id`]).
    File(PathBuf, String),
    /// A file of another kind, skipped and counted.
    Skipped(PathBuf),
    /// An entry that could not be walked (unreadable folder, symlink loop, missing path).
    Error(InputError),
}

/// The canonical form of a path (absolute, symlinks resolved), or the path as given when it
/// cannot be resolved (it is gone). Used to tell which stored articles lie under a folder.
pub fn canonical_path(p: &Path) -> String {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()).display().to_string()
}

/// The id of an article file that has no id of its own: its path relative to the folder given
/// on the command line, prefixed by that folder's name (`gazette index ~/news` gives
/// `news/2024/a.txt`; a file given by itself is named with its folder: `news/a.txt`). Ids stay
/// the same when the corpus or the archive moves to another place or machine. Separators are
/// always `/`.
pub fn portable_id(root: &Path, file: &Path) -> String {
    let name_of = |p: &Path| -> String {
        match p.file_name() {
            Some(n) => n.to_string_lossy().into_owned(),
            // ".", "..", "/": the name of the folder it stands for
            None => std::fs::canonicalize(p)
                .ok()
                .and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_default(),
        }
    };
    let (base, rel) = if root == file || !file.starts_with(root) {
        let parent = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        (name_of(parent), PathBuf::from(file.file_name().unwrap_or_default()))
    } else {
        let rel = file.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| file.to_path_buf());
        (name_of(root), rel)
    };
    let rel: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if base.is_empty() {
        rel.join("/")
    } else {
        format!("{base}/{}", rel.join("/"))
    }
}

/// Walks files and folders in a stable (sorted) order, following symlinks but not loops.
/// Hidden entries (names starting with '.') inside folders are skipped.
pub fn walk(paths: &[PathBuf]) -> impl Iterator<Item = Found> + '_ {
    paths.iter().flat_map(|root| {
        walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.')))
            .filter_map(move |entry| match entry {
                Ok(e) if e.file_type().is_dir() => None,
                Ok(e) => {
                    let p = e.into_path();
                    Some(if detect(&p).is_some() {
                        let id = portable_id(root, &p);
                        Found::File(p, id)
                    } else {
                        Found::Skipped(p)
                    })
                }
                Err(err) => {
                    let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| root.clone());
                    let reason = if err.loop_ancestor().is_some() {
                        "symlink loop, not followed".to_string()
                    } else {
                        err.io_error().map(|e| e.to_string()).unwrap_or_else(|| err.to_string())
                    };
                    Some(Found::Error(InputError::Walk { path: path.display().to_string(), reason }))
                }
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_relative_to_the_folder_given_and_prefixed_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        std::fs::create_dir_all(news.join("2024")).unwrap();
        std::fs::write(news.join("2024").join("a.txt"), "A\n\nText.").unwrap();
        let ids = |root: &Path| -> Vec<String> {
            walk(&[root.to_path_buf()])
                .filter_map(|f| match f {
                    Found::File(_, id) => Some(id),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(ids(&news), ["news/2024/a.txt"]);
        // the same folder reached through another spelling gives the same id
        assert_eq!(ids(&news.join("2024").join("..")), ["news/2024/a.txt"]);
        assert_eq!(ids(&news.join("2024")), ["2024/a.txt"]);
        // a file given by itself is named with its folder
        assert_eq!(ids(&news.join("2024").join("a.txt")), ["2024/a.txt"]);
        assert_eq!(portable_id(Path::new("a.txt"), Path::new("a.txt")).rsplit('/').next(), Some("a.txt"));
    }

    #[test]
    fn walk_reports_missing_paths_and_skips_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b.pdf"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        let roots = vec![dir.path().to_path_buf(), dir.path().join("missing")];
        let found: Vec<Found> = walk(&roots).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(matches!(&found[0], Found::File(p, _) if p.ends_with("a.txt")));
        assert!(matches!(&found[1], Found::Skipped(p) if p.ends_with("b.pdf")));
        assert!(matches!(&found[2], Found::Error(InputError::Walk { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_not_followed_forever() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
        std::fs::write(sub.join("a.txt"), "x").unwrap();
        let roots = vec![dir.path().to_path_buf()];
        let found: Vec<Found> = walk(&roots).collect();
        assert!(found
            .iter()
            .any(|f| matches!(f, Found::Error(InputError::Walk { reason, .. }) if reason.contains("loop"))));
        assert_eq!(found.iter().filter(|f| matches!(f, Found::File(..))).count(), 1);
    }
}
