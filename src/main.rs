//! The `gazette` binary: parse the arguments, run the command, turn the outcome into an exit
//! code (0 all well, 1 some inputs failed, 2 usage or fatal error).

/// jemalloc in place of the system allocator: extraction and indexing allocate many small,
/// short-lived vectors and strings from several threads at once. A full build of the Reuters
/// set took 16% less time and 25% less peak memory (docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    std::process::exit(gazette::cli::main());
}
