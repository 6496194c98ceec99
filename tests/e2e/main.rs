//! The end-to-end tests, in one test binary (one link instead of one per file): each module
//! runs the real `gazette` binary, or the library on real files.
//!
//! `cargo test --release --test e2e browser -- --ignored` runs the browser test (it needs chromium and
//! chromedriver); the tests that read `../shared/data` are ignored too and run with
//! `cargo test --release -- --include-ignored` when that folder is present (`.ci/run` does).

mod common;

mod archive;
mod browser;
mod cli;
mod durability;
mod export;
mod fuzz;
mod incremental;
mod names;
mod search;
mod serve;
mod shared_data;
mod snapshots;
