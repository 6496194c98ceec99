//! gazette turns a folder of news articles into a search archive: paragraphs, quotations and
//! who said them, the people, organizations and places named, all in a Tantivy index that
//! grows incrementally, with ranked, faceted search and highlighted snippets.
//!
//! The library is organized by concern, each layer needing only the ones below it:
//! `cli` -> `search` / `index` -> `extract` / `ingest`.
//!
//! ```
//! use std::sync::{atomic::AtomicBool, Arc};
//! let dir = tempfile::tempdir().unwrap();
//! let articles = dir.path().join("articles");
//! std::fs::create_dir(&articles).unwrap();
//! std::fs::write(articles.join("a.txt"), "Talks stall\n\n\"We are not there yet,\" said Jane Doe, a mediator.\n").unwrap();
//! let archive = dir.path().join("archive");
//! let opts = gazette::index::IndexOptions::default();
//! let summary = gazette::index::index_paths(&archive, &[articles], &opts, Arc::new(AtomicBool::new(false)), &mut |_| {}).unwrap();
//! assert_eq!(summary.added, 1);
//! let s = gazette::search::Searchers::new(gazette::index::Archive::open(&archive).unwrap()).unwrap();
//! let req = gazette::search::Request { query: "talks".into(), ..Default::default() };
//! let results = s.search(&req).unwrap();
//! assert_eq!(results.hits[0].title, "Talks stall");
//! ```

pub mod cli;
pub mod error;
pub mod export;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod search;
pub mod serve;

pub use error::{Error, InputError, Result};
