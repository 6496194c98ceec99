//! Reading sources: walking folders, reading each supported format, and the article's
//! identity and change hashes. Nothing here knows about the index.

pub mod article;
pub mod date;
pub mod formats;
pub mod minhash;

use std::path::{Path, PathBuf};

pub use article::Article;
pub use formats::{detect, read_file, read_file_counted, ReadOptions};

use crate::error::InputError;

/// One entry found while walking the given paths.
#[derive(Debug)]
pub enum Found {
    /// A file in a format gazette reads.
    File(PathBuf),
    /// A file of another kind, skipped and counted.
    Skipped(PathBuf),
    /// An entry that could not be walked (unreadable folder, symlink loop, missing path).
    Error(InputError),
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
                    Some(if detect(&p).is_some() { Found::File(p) } else { Found::Skipped(p) })
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
    fn walk_reports_missing_paths_and_skips_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b.pdf"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        let roots = vec![dir.path().to_path_buf(), dir.path().join("missing")];
        let found: Vec<Found> = walk(&roots).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(matches!(&found[0], Found::File(p) if p.ends_with("a.txt")));
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
        assert_eq!(found.iter().filter(|f| matches!(f, Found::File(_))).count(), 1);
    }
}
