//! The `gazette` binary: parse the arguments, run the command, turn the outcome into an exit
//! code (0 all well, 1 some inputs failed, 2 usage or fatal error).

fn main() {
    std::process::exit(gazette::cli::main());
}
