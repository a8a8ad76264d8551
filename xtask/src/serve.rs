//! A small static file server for `dist/` on 127.0.0.1, with the page's strict CSP.
//!
//! std::net only: serving must not need Python or anything beyond rustup and Node. One thread
//! per connection and `Connection: close` keep it simple; it serves one person's browser.

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::{util, web};

pub const DEFAULT_PORT: u16 = 8080;

/// The same policy as index.html's meta tag; the header also covers the worker script, which a
/// meta tag in the page does not.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
                       worker-src 'self'; style-src 'self' 'unsafe-inline'; \
                       img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; \
                       object-src 'none'; base-uri 'none'; form-action 'none'";

pub fn command(args: &[String]) -> Result<()> {
    let mut port = None;
    let mut build = true;
    let mut dir = util::root().join("dist");
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().context("--port needs a number")?;
                port = Some(value.parse::<u16>().with_context(|| {
                    format!("--port needs a number from 0 to 65535, not {value:?}")
                })?);
            }
            "--no-build" => build = false,
            "--dir" => dir = util::root().join(args.next().context("--dir needs a folder")?),
            other => bail!("`cargo xtask serve` does not know {other:?}"),
        }
    }
    if build {
        web::build_all()?;
    }
    if !dir.join("index.html").is_file() {
        bail!(
            "{} has no index.html; run `cargo xtask build` first",
            dir.display()
        );
    }
    let listener = bind(port)?;
    let addr = listener.local_addr()?;
    // The harness (tests/e2e/harness.mjs) reads the URL from the line that starts with "Serving".
    println!();
    println!("Serving {} at http://{addr}/", dir.display());
    println!("  文析 Wenxi: open http://{addr}/ in a browser (Ctrl-C stops)");
    println!();
    io::stdout().flush()?;
    serve(listener, dir)
}

/// Binds the requested port, or the default one; falls back to any free port when it is taken.
fn bind(port: Option<u16>) -> Result<TcpListener> {
    let wanted = port.unwrap_or(DEFAULT_PORT);
    match TcpListener::bind(("127.0.0.1", wanted)) {
        Ok(listener) => Ok(listener),
        Err(e) if wanted != 0 => {
            eprintln!("Port {wanted} is not available ({e}); using a free port instead.");
            TcpListener::bind(("127.0.0.1", 0)).context("cannot bind any port on 127.0.0.1")
        }
        Err(e) => Err(e).context("cannot bind a free port on 127.0.0.1"),
    }
}

pub fn serve(listener: TcpListener, root: PathBuf) -> Result<()> {
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(e) => {
                eprintln!("accept failed: {e}");
                continue;
            }
        };
        let root = root.clone();
        thread::spawn(move || {
            let peer = stream.peer_addr().ok();
            if let Err(e) = handle(stream, &root) {
                // A browser closing a connection early is normal; just note it.
                eprintln!(
                    "{}: {e}",
                    peer.map_or("?".into(), |p: SocketAddr| p.to_string())
                );
            }
        });
    }
    Ok(())
}

fn handle(mut stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    // A request head is small; the cap keeps a misbehaving client from growing it without end.
    let mut reader = BufReader::new(stream.try_clone()?.take(64 * 1024));
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers; only If-None-Match changes what we send (a 304 for an unchanged file,
    // so the service worker's precache does not download the .wasm a second time).
    let mut header = String::new();
    let mut if_none_match = None;
    loop {
        header.clear();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.trim().to_string());
            }
        }
    }

    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return respond_text(&mut stream, 400, "bad request", false);
    };
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond_text(&mut stream, 405, "only GET and HEAD", false);
    }
    match resolve(root, target).map(|path| fs::read(&path).map(|body| (path, body))) {
        Some(Ok((path, body))) => {
            let etag = etag(&body);
            if if_none_match.as_deref() == Some(etag.as_str()) {
                return respond(&mut stream, 304, mime_type(&path), &[], true, Some(&etag));
            }
            respond(
                &mut stream,
                200,
                mime_type(&path),
                &body,
                head_only,
                Some(&etag),
            )
        }
        _ => {
            eprintln!("404 {target}");
            respond_text(&mut stream, 404, "not found", head_only)
        }
    }
}

fn respond_text(
    stream: &mut TcpStream,
    status: u16,
    text: &str,
    head_only: bool,
) -> io::Result<()> {
    let body = format!("{text}\n");
    respond(
        stream,
        status,
        "text/plain; charset=utf-8",
        body.as_bytes(),
        head_only,
        None,
    )
}

/// A strong validator: a hash of the content.
fn etag(body: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    format!("\"{:016x}-{:x}\"", hasher.finish(), body.len())
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
    etag: Option<&str>,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\n\
         Content-Type: {content_type}\r\n\
         Content-Length: {}\r\n\
         Cache-Control: no-cache\r\n\
         Content-Security-Policy: {CSP}\r\n\
         X-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\n\
         Connection: close\r\n",
        body.len()
    );
    if status == 405 {
        head.push_str("Allow: GET, HEAD\r\n");
    }
    if let Some(etag) = etag {
        head.push_str(&format!("ETag: {etag}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Maps a request target to a file under `root`; `None` for anything outside it or missing.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            // `..`, a drive or a root inside the path: never leave `root`.
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// `%XX` escapes to UTF-8; `None` for malformed escapes, invalid UTF-8 or a NUL.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains(['\0', '\\'])).then_some(text)
}

fn mime_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "wasm" => "application/wasm",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}-{name}", std::process::id()));
        fs::create_dir_all(dir.join("assets")).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html><title>文析</title>").unwrap();
        fs::write(dir.join("assets").join("a b.wasm"), b"\0asm").unwrap();
        dir
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime_type(Path::new("x/wenxi_bg.wasm")), "application/wasm");
        assert_eq!(
            mime_type(Path::new("main.JS")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            mime_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(mime_type(Path::new("seeds/index.json")), "application/json");
        assert_eq!(mime_type(Path::new("LICENSE")), "application/octet-stream");
    }

    #[test]
    fn resolves_inside_root_only() {
        let root = site("resolve");
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/index.html?v=1#top"),
            Some(root.join("index.html"))
        );
        assert_eq!(
            resolve(&root, "/assets/a%20b.wasm"),
            Some(root.join("assets").join("a b.wasm"))
        );
        assert_eq!(resolve(&root, "/../Cargo.toml"), None);
        assert_eq!(resolve(&root, "/assets/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(&root, "/assets/..%5c..%5cx"), None);
        assert_eq!(resolve(&root, "/missing.js"), None);
        assert_eq!(resolve(&root, "/%zz"), None);
    }

    fn get(addr: SocketAddr, request: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    #[test]
    fn serves_with_headers() {
        let root = site("http");
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let addr = listener.local_addr().unwrap();
        thread::spawn(move || serve(listener, root));

        let page = get(addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
        assert!(page.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(page.contains("Cache-Control: no-cache\r\n"));
        assert!(page.contains(&format!("Content-Security-Policy: {CSP}\r\n")));
        assert!(page.ends_with("<title>文析</title>"));

        let wasm = get(addr, "HEAD /assets/a%20b.wasm HTTP/1.1\r\n\r\n");
        assert!(
            wasm.contains("Content-Type: application/wasm\r\n"),
            "{wasm}"
        );
        assert!(wasm.contains("Content-Length: 4\r\n"));
        assert!(wasm.ends_with("\r\n\r\n"), "HEAD sends no body");

        let missing = get(addr, "GET /nope HTTP/1.1\r\n\r\n");
        assert!(
            missing.starts_with("HTTP/1.1 404 Not Found\r\n"),
            "{missing}"
        );
        let post = get(addr, "POST / HTTP/1.1\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405 "), "{post}");
    }

    #[test]
    fn csp_allows_no_other_origin() {
        let index = fs::read_to_string(util::root().join("index.html")).unwrap();
        assert!(
            index.contains(&format!("content=\"{CSP}\"")),
            "index.html's CSP meta tag must equal the served header"
        );
    }
}
