//! `gazette serve`: the archive over HTTP, read-only. A JSON API whose answers are the CLI's
//! `--json` (the same request structs, the same result types, the same serializer) and the
//! search page, embedded in the binary.
//!
//! Safe by default: loopback unless told otherwise, bounded parameters, query length and
//! request time, a bounded number of searches at once, nothing served but the embedded
//! assets. The archive is opened lazily and reopened when another process (`gazette index`)
//! commits, without restarting and without taking the writer's lock.

mod listener;
pub mod params;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::extract::{Path as UrlPath, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;

use crate::error::Error;
use crate::index::{stats, Archive};
use crate::search::{facet_kind, Searchers};
use params::{parse, Endpoint};

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub index: PathBuf,
    pub bind: SocketAddr,
    /// Longest time a request may take before it is answered 503.
    pub timeout: Duration,
    /// Searches running at once (the rest wait, within their time).
    pub concurrency: usize,
    /// How often the archive is checked for new commits.
    pub reload_every: Duration,
}

impl ServeOptions {
    pub fn new(index: PathBuf, bind: SocketAddr) -> ServeOptions {
        ServeOptions {
            index,
            bind,
            timeout: Duration::from_secs(10),
            concurrency: 4,
            reload_every: Duration::from_millis(500),
        }
    }
}

/// The longest URI accepted (a longer one is a 413).
const MAX_URI_BYTES: usize = 16 * 1024;

/// The open archive, replaced when a new commit is seen.
struct Current {
    /// The folder's inode, the opstamps of the commit the searchers see (articles, quotes),
    /// and when the name files beside it last changed.
    stamp: (u64, u64, u64, u64),
    searchers: Arc<Searchers>,
}

struct AppState {
    dir: PathBuf,
    current: RwLock<Option<Current>>,
    permits: tokio::sync::Semaphore,
    timeout: Duration,
}

/// The archive folder's inode (an `index --rebuild` puts a new folder in its place), the
/// opstamps of its last commit, read from the indexes' meta files (cheap), and the change times
/// of `aliases.toml` (a hand edit or `gazette alias`) and `people.tsv` (written after a commit).
fn commit_stamp(dir: &Path) -> Result<(u64, u64, u64, u64), Error> {
    use std::os::unix::fs::MetadataExt;
    Archive::open_stable(dir, |archive| {
        let folder = std::fs::metadata(dir).map_err(|e| Error::io(dir, e))?.ino();
        let mut names = 0u64;
        for f in [crate::index::aliases::FILE, crate::index::people::FILE] {
            if let Ok(m) = std::fs::metadata(dir.join(f)) {
                names = names.wrapping_mul(1_000_003).wrapping_add(
                    (m.mtime() as u64).wrapping_mul(1_000_000_007)
                        ^ m.mtime_nsec() as u64
                        ^ m.ino()
                        ^ (m.len() << 32),
                );
            }
        }
        Ok((folder, archive.articles.load_metas()?.opstamp, archive.quotes.load_metas()?.opstamp, names))
    })
}

impl AppState {
    /// The searchers of the archive's last commit, opening or reopening it when needed.
    fn searchers(&self) -> Result<Arc<Searchers>, Error> {
        if let Some(c) = self.current.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            return Ok(c.searchers.clone());
        }
        self.refresh()
    }

    /// Opens the archive again when its commit changed (or was never opened).
    fn refresh(&self) -> Result<Arc<Searchers>, Error> {
        let stamp = commit_stamp(&self.dir)?;
        if let Some(c) = self.current.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            if c.stamp == stamp {
                return Ok(c.searchers.clone());
            }
        }
        let searchers = Arc::new(Archive::open_stable(&self.dir, |a| Searchers::new(a)?.decode_facets())?);
        // The stamp read before opening: if a commit lands in between, the next check reopens.
        *self.current.write().unwrap_or_else(|e| e.into_inner()) =
            Some(Current { stamp, searchers: searchers.clone() });
        Ok(searchers)
    }
}

/// An error as the API answers it: `{"error": ..., "position": ...}` with its status.
#[derive(Debug, Serialize)]
struct ErrorBody {
    error: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<usize>,
}

struct ApiError(StatusCode, ErrorBody);

impl ApiError {
    fn new(status: StatusCode, error: impl Into<String>) -> ApiError {
        ApiError(status, ErrorBody { error: error.into(), position: None })
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = match &e {
            Error::Query { .. } | Error::Usage(_) => StatusCode::BAD_REQUEST,
            Error::NotFound(_) | Error::NoSpeaker(_) | Error::Duplicate { .. } => StatusCode::NOT_FOUND,
            Error::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Error::NoArchive(_) | Error::SchemaVersion { .. } | Error::NotAnArchive { .. } => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        match e {
            Error::Query { message, position, .. } => {
                ApiError(status, ErrorBody { error: message, position: Some(position) })
            }
            other => ApiError(status, ErrorBody { error: other.to_string(), position: None }),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(self.0, &self.1)
    }
}

fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (status, [(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "application/json")],
            format!("{{\"error\":{:?}}}", e.to_string()),
        )
            .into_response(),
    }
}

type Shared = Arc<AppState>;

/// Runs `work` on the blocking pool, within the request's time and the bound on searches at
/// once, and answers its value as JSON.
async fn answer<T, F>(state: Shared, work: F) -> Result<Response, ApiError>
where
    T: Serialize + Send + 'static,
    F: FnOnce(&Searchers) -> Result<T, Error> + Send + 'static,
{
    let timeout = state.timeout;
    let run = async move {
        let _permit = state
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is shutting down"))?;
        let st = state.clone();
        let joined = tokio::task::spawn_blocking(move || -> Result<T, Error> {
            let s = st.searchers()?;
            work(&s)
        })
        .await;
        match joined {
            Ok(r) => r.map_err(ApiError::from),
            Err(e) => {
                Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the request failed: {e}")))
            }
        }
    };
    match tokio::time::timeout(timeout, run).await {
        Ok(Ok(v)) => Ok(json_response(StatusCode::OK, &v)),
        Ok(Err(e)) => Err(e),
        Err(_) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the request took longer than {} s", timeout.as_secs_f32()),
        )),
    }
}

async fn api_search(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = parse(&params::pairs(raw.as_deref()), Endpoint::Search)?;
    let mut req = p.request(p.snippets)?;
    req.collapse = p.collapse;
    answer(state, move |s| s.search(&req)).await
}

async fn api_quotes(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = parse(&params::pairs(raw.as_deref()), Endpoint::Quotes)?;
    let mut req = p.request(0)?;
    req.collapse = p.collapse;
    req.first_seen = p.first_seen;
    answer(state, move |s| s.quotes(&req)).await
}

async fn api_facets(
    State(state): State<Shared>,
    UrlPath(field): UrlPath<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let kind = facet_kind(&field).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            format!("unknown facet {field:?}: speakers, persons, organizations, places, sources or dates"),
        )
    })?;
    let p = parse(&params::pairs(raw.as_deref()), Endpoint::Facets)?;
    let req = crate::cli::search::facets_request(
        &p.query,
        &p.common.filters,
        p.size,
        p.common.by_date.unwrap_or(crate::cli::search::BucketArg::Year),
    )?;
    answer(state, move |s| s.facet_values(kind, &req)).await
}

async fn api_article(
    State(state): State<Shared>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    answer(state, move |s| s.show(&id)).await
}

async fn api_speaker(
    State(state): State<Shared>,
    UrlPath(name): UrlPath<String>,
) -> Result<Response, ApiError> {
    answer(state, move |s| s.speaker(&name)).await
}

async fn api_stats(State(state): State<Shared>) -> Result<Response, ApiError> {
    answer(state, move |s| stats(&s.archive)).await
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, format!("no such page: {}", uri.path()))
}

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");

fn asset(body: &'static str, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

/// The router, for the server and for tests that call it in-process.
fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(|| async { asset(INDEX_HTML, "text/html; charset=utf-8") }))
        .route("/index.html", get(|| async { asset(INDEX_HTML, "text/html; charset=utf-8") }))
        .route("/app.js", get(|| async { asset(APP_JS, "text/javascript; charset=utf-8") }))
        .route("/app.css", get(|| async { asset(APP_CSS, "text/css; charset=utf-8") }))
        .route("/api/search", get(api_search))
        .route("/api/quotes", get(api_quotes))
        .route("/api/facets/{field}", get(api_facets))
        .route("/api/articles/{*id}", get(api_article))
        .route("/api/speakers/{*name}", get(api_speaker))
        .route("/api/stats", get(api_stats))
        .fallback(not_found)
        .layer(axum::middleware::map_request(bound_uri))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// A URI over the bound is answered 413 before any work.
async fn bound_uri(req: axum::extract::Request) -> Result<axum::extract::Request, ApiError> {
    let len = req.uri().path().len() + req.uri().query().map_or(0, str::len);
    if len > MAX_URI_BYTES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request too large: the address is {len} bytes, at most {MAX_URI_BYTES}"),
        ));
    }
    Ok(req)
}

async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"),
    );
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    res
}

/// Runs the server until Ctrl-C or SIGTERM; `ready` is called with the bound address (port 0
/// picks a free one) once it accepts connections.
pub fn run(opts: &ServeOptions, ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(async {
        let state = Arc::new(AppState {
            dir: opts.index.clone(),
            current: RwLock::new(None),
            permits: tokio::sync::Semaphore::new(opts.concurrency.max(1)),
            timeout: opts.timeout,
        });
        let listener = tokio::net::TcpListener::bind(opts.bind)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", opts.bind))?;
        let listener = listener::GuardedListener::new(listener, MAX_URI_BYTES + 64)?;
        let addr = axum::serve::Listener::local_addr(&listener)?;
        // Open now, so that the first request does not pay for it; a missing archive is a 503
        // until one appears.
        let st = state.clone();
        let _ = tokio::task::spawn_blocking(move || st.refresh()).await;
        let st = state.clone();
        let every = opts.reload_every;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                let s = st.clone();
                let _ = tokio::task::spawn_blocking(move || s.refresh()).await;
            }
        });
        ready(addr);
        axum::serve(listener, router(state)).with_graceful_shutdown(shutdown()).await?;
        Ok(())
    })
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
