//! Printing: colors on a terminal (honouring NO_COLOR and --color), JSON for programs. Every
//! write returns an io::Result so that a closed pipe ends the program quietly.

use std::io::{IsTerminal, Write};

use owo_colors::{OwoColorize, Style};

use super::ColorChoice;

pub struct Out {
    pub color: bool,
    stdout: std::io::BufWriter<std::io::Stdout>,
}

impl Out {
    pub fn new(choice: ColorChoice) -> Out {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
            }
        };
        Out { color, stdout: std::io::BufWriter::new(std::io::stdout()) }
    }

    pub fn line(&mut self, s: &str) -> std::io::Result<()> {
        self.stdout.write_all(s.as_bytes())?;
        self.stdout.write_all(b"\n")
    }

    pub fn json<T: serde::Serialize>(&mut self, value: &T) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.stdout, value).map_err(std::io::Error::from)?;
        self.stdout.write_all(b"\n")
    }

    /// Bytes as they are (completion scripts, manual pages).
    pub fn raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.stdout.write_all(bytes)
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.stdout.flush()
    }

    fn paint(&self, s: &str, style: Style) -> String {
        if self.color {
            s.style(style).to_string()
        } else {
            s.to_string()
        }
    }

    pub fn bold(&self, s: &str) -> String {
        self.paint(s, Style::new().bold())
    }

    pub fn dim(&self, s: &str) -> String {
        self.paint(s, Style::new().dimmed())
    }

    pub fn title(&self, s: &str) -> String {
        self.paint(s, Style::new().bold().blue())
    }

    pub fn speaker(&self, s: &str) -> String {
        self.paint(s, Style::new().bold().green())
    }

    /// `text` with the byte `ranges` in bold (or between `**` without color).
    pub fn highlight(&self, text: &str, ranges: &[(usize, usize)]) -> String {
        let mut out = String::with_capacity(text.len() + ranges.len() * 8);
        let mut pos = 0;
        for &(s, e) in ranges {
            if s < pos || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            out.push_str(&text[pos..s]);
            if self.color {
                out.push_str(&self.paint(&text[s..e], Style::new().bold().yellow()));
            } else {
                out.push_str("**");
                out.push_str(&text[s..e]);
                out.push_str("**");
            }
            pos = e;
        }
        out.push_str(&text[pos..]);
        out
    }
}
