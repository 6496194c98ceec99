//! `gazette serve`: the JSON API and the search page over HTTP.

use std::io::Write;
use std::net::SocketAddr;

use clap::Args;

use super::{Cli, Out};
use crate::serve::{run, ServeOptions};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on (loopback by default; another address is reachable by other machines).
    #[arg(long, default_value = "127.0.0.1:7700")]
    pub bind: SocketAddr,
    /// Longest time a request may take, in seconds (then 503).
    #[arg(long, default_value_t = 10)]
    pub timeout: u64,
}

pub fn run_serve(cli: &Cli, a: &ServeArgs, out: &mut Out) -> anyhow::Result<i32> {
    if !a.bind.ip().is_loopback() {
        eprintln!("gazette: warning: listening on {}, reachable from other machines; the archive has no access control", a.bind);
    }
    let mut opts = ServeOptions::new(cli.index.clone(), a.bind);
    opts.timeout = std::time::Duration::from_secs(a.timeout.max(1));
    let dir = cli.index.display().to_string();
    run(&opts, |addr| {
        let _ = out.line(&format!("gazette: serving {dir} on http://{addr}/ (Ctrl-C to stop)"));
        let _ = out.flush();
    })?;
    let _ = std::io::stdout().flush();
    Ok(0)
}
