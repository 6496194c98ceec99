//! Decompression on a thread of its own: a `.zst` or `.gz` file is decompressed ahead, in
//! chunks, while the caller parses what came before. A run over an unchanged archive is then
//! bound by parsing and hashing rather than by both one after the other (on the Reuters set,
//! zstd was a third of a no-op reindex's time).

use std::io::Read;

use crossbeam_channel::{bounded, Receiver};

/// The size of a chunk handed over, and how many may wait.
const CHUNK: usize = 256 * 1024;
const AHEAD: usize = 4;

/// Runs `f` with a reader of what `inner` gives, read on a scoped thread `AHEAD` chunks ahead.
/// When `f` returns early, the thread stops at its next chunk.
pub fn with_read_ahead<R: Read + Send, T>(inner: R, f: impl FnOnce(&mut dyn Read) -> T) -> T {
    std::thread::scope(|s| {
        let (tx, rx) = bounded::<std::io::Result<Vec<u8>>>(AHEAD);
        s.spawn(move || {
            let mut inner = inner;
            loop {
                // (a chunk is filled as far as the decoder gives, so that few are sent; on an
                // error, the bytes read before it are kept)
                let mut buf = Vec::with_capacity(CHUNK);
                let result = (&mut inner).take(CHUNK as u64).read_to_end(&mut buf);
                let filled = buf.len();
                let done = filled < CHUNK;
                if filled > 0 && tx.send(Ok(buf)).is_err() {
                    return;
                }
                if let Err(e) = result {
                    let _ = tx.send(Err(e));
                    return;
                }
                if done {
                    return;
                }
            }
        });
        let mut reader = Ahead { rx, chunk: Vec::new(), at: 0, failed: false };
        f(&mut reader)
    })
}

struct Ahead {
    rx: Receiver<std::io::Result<Vec<u8>>>,
    chunk: Vec<u8>,
    at: usize,
    /// An error was returned: what follows it is not read.
    failed: bool,
}

impl Read for Ahead {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.chunk.len() {
            if self.failed {
                return Ok(0);
            }
            match self.rx.recv() {
                Ok(Ok(chunk)) => {
                    self.chunk = chunk;
                    self.at = 0;
                }
                Ok(Err(e)) => {
                    self.failed = true;
                    return Err(e);
                }
                // the thread is done: the end of the input
                Err(_) => return Ok(0),
            }
        }
        let n = out.len().min(self.chunk.len() - self.at);
        out[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives its bytes in odd pieces, then an error (or the end).
    struct Pieces {
        data: Vec<u8>,
        at: usize,
        fail_at_end: bool,
    }

    impl Read for Pieces {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if self.at == self.data.len() {
                return if self.fail_at_end { Err(std::io::Error::other("broken frame")) } else { Ok(0) };
            }
            let n = out.len().min(7919).min(self.data.len() - self.at);
            out[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn read_ahead_gives_the_same_bytes_then_the_error() {
        let data: Vec<u8> = (0..CHUNK * 3 + 12_345).map(|i| (i * 31 % 251) as u8).collect();
        for fail_at_end in [false, true] {
            let inner = Pieces { data: data.clone(), at: 0, fail_at_end };
            let (got, err) = with_read_ahead(inner, |r| {
                let mut got = Vec::new();
                let mut buf = [0u8; 1000];
                loop {
                    match r.read(&mut buf) {
                        Ok(0) => return (got, None),
                        Ok(n) => got.extend_from_slice(&buf[..n]),
                        Err(e) => return (got, Some(e.to_string())),
                    }
                }
            });
            assert_eq!(got, data);
            assert_eq!(err.as_deref(), fail_at_end.then_some("broken frame"));
        }
    }

    #[test]
    fn a_reader_left_early_stops_the_thread() {
        let data = vec![7u8; CHUNK * (AHEAD + 8)];
        let inner = Pieces { data, at: 0, fail_at_end: false };
        let first = with_read_ahead(inner, |r| {
            let mut b = [0u8; 10];
            r.read(&mut b).map(|n| b[..n].to_vec())
        });
        assert_eq!(first.unwrap(), vec![7u8; 10]);
    }
}
