//! A listener that answers a request line longer than the server's bound with a JSON 413
//! itself, before the HTTP layer (which would cut the connection at 64 KB with a bare 414).
//! Each connection is checked in its own task, so a slow client never holds up the others.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// Accepts connections and passes on those whose request line fits in `max_line` bytes.
pub struct GuardedListener {
    addr: SocketAddr,
    rx: mpsc::Receiver<(TcpStream, SocketAddr)>,
}

impl GuardedListener {
    pub fn new(listener: TcpListener, max_line: usize) -> std::io::Result<GuardedListener> {
        let addr = listener.local_addr()?;
        let (tx, rx) = mpsc::channel(256);
        tokio::spawn(async move {
            loop {
                let (stream, peer) = match listener.accept().await {
                    Ok(c) => c,
                    Err(_) => {
                        // Out of file descriptors and the like: wait instead of spinning.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let tx = tx.clone();
                tokio::spawn(async move {
                    match first_line_fits(&stream, max_line).await {
                        Some(true) => {
                            let _ = tx.send((stream, peer)).await;
                        }
                        Some(false) => refuse(stream, max_line).await,
                        None => {}
                    }
                });
            }
        });
        Ok(GuardedListener { addr, rx })
    }
}

/// Peeks until the request line's end is seen (`Some(true)`), more than `max` bytes came
/// without one (`Some(false)`), or the client closed or stalled (`None`; the connection is
/// dropped). Normal requests arrive whole in their first packet: one peek.
async fn first_line_fits(stream: &TcpStream, max: usize) -> Option<bool> {
    let mut buf = vec![0u8; max + 1];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let mut seen = 0;
    loop {
        let n = tokio::time::timeout_at(deadline, stream.peek(&mut buf)).await.ok()?.ok()?;
        if n == 0 {
            // Closed before a whole line: let the HTTP layer see (and drop) it.
            return Some(true);
        }
        if buf[..n].contains(&b'\n') {
            return Some(true);
        }
        if n > max {
            return Some(false);
        }
        if n == seen {
            // Nothing new yet: wait for more bytes rather than peeking in a loop.
            tokio::time::sleep(Duration::from_millis(5)).await;
            if tokio::time::Instant::now() >= deadline {
                return None;
            }
        }
        seen = n;
    }
}

async fn refuse(mut stream: TcpStream, max: usize) {
    let body = format!("{{\"error\":\"request too large: the request line is over {max} bytes\"}}");
    let head = format!(
        "HTTP/1.1 413 Payload Too Large\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body.as_bytes()).await;
    let _ = stream.shutdown().await;
    // Read what the client still sends (bounded), so that closing does not reset the
    // connection before it has read the answer.
    let mut sink = [0u8; 16 * 1024];
    let mut total = 0usize;
    let drain = async {
        while let Ok(n) = stream.read(&mut sink).await {
            total += n;
            if n == 0 || total > 4 << 20 {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(2), drain).await;
}

impl axum::serve::Listener for GuardedListener {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.rx.recv().await {
            Some(c) => c,
            // The accepting task never ends while the listener lives.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.addr)
    }
}
