//! Helpers of the end-to-end tests: run the real binary in a temporary folder with a clean
//! environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gazette"));
    c.env_clear().env("NO_COLOR", "1");
    c
}

/// Runs gazette with `args` against the archive `index`.
pub fn run(index: &Path, args: &[&str]) -> Output {
    bin().arg("--index").arg(index).args(args).output().expect("gazette runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", stdout(o), stderr(o)))
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the shared data folder beside the repository. The tests that use it are
/// `#[ignore = "needs ../shared/data"]`; run where the data is missing, they fail saying so.
pub fn shared_data(name: &str) -> PathBuf {
    let p = repo().join("..").join("shared").join("data").join(name);
    assert!(p.exists(), "this test needs {}, which is not present", p.display());
    p
}

/// A small deterministic random generator (xorshift64) for the kill points and the fuzzers.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}
pub mod server;

/// The fields of `gazette speaker --json` and `/api/speakers/{name}`: the contract both tests
/// check, so that a field renamed or dropped fails.
pub const SPEAKER_PAGE_KEYS: [&str; 13] = [
    "articles",
    "by_month",
    "descriptions",
    "first",
    "forms",
    "last",
    "name",
    "orgs",
    "persons",
    "places",
    "quotes",
    "quotes_read",
    "terms",
];
