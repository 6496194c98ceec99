//! `gazette completions SHELL` and `gazette man`: shell completions and the manual page,
//! both generated from the same clap definitions as the parser, so they never drift.

use std::io::Write;

use clap::{Args, CommandFactory, ValueEnum};

use super::{Cli, Out};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command (gazette.1, gazette-search.1, ...) into this folder instead of
    /// printing the main page.
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

/// Prints the completion script for `a.shell` on standard output.
pub fn run_completions(a: &CompletionsArgs, out: &mut Out) -> anyhow::Result<i32> {
    use clap_complete::Shell as S;
    let shell = match a.shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Elvish => S::Elvish,
        Shell::Powershell => S::PowerShell,
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "gazette", &mut buf);
    out.raw(&buf)?;
    out.flush()?;
    Ok(0)
}

/// Prints the manual page (roff) of `gazette`, or writes a page per command into `--out`.
pub fn run_man(a: &ManArgs, out: &mut Out) -> anyhow::Result<i32> {
    let cmd = Cli::command();
    match &a.out {
        None => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut buf)?;
            out.raw(&buf)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
            let write = |name: &str, c: clap::Command| -> anyhow::Result<()> {
                let path = dir.join(format!("{name}.1"));
                let mut buf = Vec::new();
                clap_mangen::Man::new(c).render(&mut buf)?;
                std::fs::File::create(&path)
                    .and_then(|mut f| f.write_all(&buf))
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
                Ok(())
            };
            let mut cmd = cmd;
            cmd.build();
            for sub in cmd.get_subcommands() {
                if sub.get_name() == "help" {
                    continue;
                }
                let name = format!("gazette-{}", sub.get_name());
                write(&name, sub.clone().name(name.clone()))?;
            }
            write("gazette", cmd)?;
        }
    }
    Ok(0)
}
