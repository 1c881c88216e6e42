"""ingest/fetch.py and `dateline fetch` against a real HTTP server on 127.0.0.1 (started and
stopped here): pages, a feed, a sitemap, a robots.txt that disallows, a slow page, a redirect
loop, a 50 MB body, a PDF, a missing page. Short timeouts keep it fast."""

from __future__ import annotations

import http.server
import json
import socket
import subprocess
import sys
import threading
import time

import pytest

from dateline.extract import extract
from dateline.ingest.fetch import FetchOptions, Fetcher, feed_urls, page_of, sitemap_urls
from dateline.ingest.files import iter_pages

FAST = FetchOptions(timeout=1, retries=0, delay=0.0, allow_private=True, max_bytes=2_000_000, max_redirects=1)


def _article(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>Ferry crews on route {n} stopped work on Monday after talks on rest breaks failed, and the harbour "
        f"authority said crossings would be cut to one an hour until an agreement was reached with the union.</p>"
        for _ in range(3)
    )
    return (
        f"<html><head><title>Ferry route {n} halted by strike</title>"
        f'<meta property="og:title" content="Ferry route {n} halted by strike"></head>'
        f"<body><article><h1>Ferry route {n} halted by strike</h1>{paragraphs}</article></body></html>"
    ).encode()


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", extra=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:  # noqa: N802
        self.send_response(200 if self.path == "/" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        path = self.path
        _Handler.hits[path] = _Handler.hits.get(path, 0) + 1
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path.startswith("/news/ferry-route-"):
            self._send(200, _article(int(path.rsplit("-", 1)[1])))
        elif path.startswith("/private/"):
            self._send(200, _article(99))
        elif path == "/feed.xml":
            items = "".join(f"<item><title>Route {n}</title><link>{base}/news/ferry-route-{n}</link></item>" for n in (1, 2, 3))
            self._send(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>'
                            f"<link>{base}/</link>{items}</channel></rss>".encode(), "application/rss+xml")
        elif path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{base}/news/ferry-route-{n}</loc></url>" for n in (4, 5))
            self._send(200, f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                            f'schemas/sitemap/0.9">{urls}</urlset>'.encode(), "application/xml")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, _article(7))
        elif path in ("/loop-a", "/loop-b"):
            self._send(302, b"", extra=[("Location", "/loop-b" if path == "/loop-a" else "/loop-a")])
        elif path == "/big":
            size = 50 * 1024 * 1024
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_530 + b"</p>"
            try:
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4 not really", "application/pdf")
        elif path == "/flaky":
            if _Handler.hits[path] == 1:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)  # hang up without answering
                return
            self._send(200, _article(8))
        else:
            self._send(404, b"<html><body>not here</body></html>")


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # clients that hang up early (the size limit, the timeout) are expected here


def _bind() -> _Server:
    # trafilatura's feed and sitemap readers (courlan) refuse links to an IP address with a
    # port, so the server takes port 80 when it can; else those tests skip
    try:
        return _Server(("127.0.0.1", 80), _Handler)
    except OSError:
        return _Server(("127.0.0.1", 0), _Handler)


@pytest.fixture(scope="module")
def server():
    httpd = _bind()
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    port = httpd.server_address[1]
    yield "http://127.0.0.1" if port == 80 else f"http://127.0.0.1:{port}"
    httpd.shutdown()
    httpd.server_close()


def test_pages_are_fetched_and_archived_then_read_offline(server, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    with Fetcher(FAST, str(warc)) as fetcher:
        results = list(fetcher.fetch_all([f"{server}/news/ferry-route-1", f"{server}/news/ferry-route-2"]))
    assert [r.error for r in results] == [None, None]
    assert all(r.status == 200 and b"Ferry route" in r.body for r in results)
    pages = list(iter_pages([str(warc)]))
    assert [p.url for p in pages] == [f"{server}/news/ferry-route-1", f"{server}/news/ferry-route-2"]
    readings = [extract(p) for p in pages]
    assert [r.title for r in readings] == ["Ferry route 1 halted by strike", "Ferry route 2 halted by strike"]
    assert all("rest breaks" in r.text for r in readings)


def test_each_failure_has_its_reason_and_the_batch_goes_on(server, tmp_path):
    urls = [
        f"{server}/missing",
        f"{server}/slow",
        f"{server}/loop-a",
        f"{server}/big",
        f"{server}/report.pdf",
        f"{server}/private/secret",
        "ftp://example.org/file",
        f"{server}/news/ferry-route-3",
    ]
    warc = tmp_path / "crawl.warc"
    start = time.monotonic()
    with Fetcher(FAST, str(warc)) as fetcher:
        errors = [r.error for r in fetcher.fetch_all(urls)]
    assert time.monotonic() - start < 20
    assert errors[0] == "HTTP 404"
    assert errors[1] == "timed out"
    assert errors[2].startswith("too many redirects")
    assert errors[3] == "larger than the size limit"
    assert errors[4] == "not HTML (application/pdf)"
    assert errors[5] == "disallowed by the site's robots.txt"
    assert errors[6] == "not an http(s) URL"
    assert errors[7] is None  # the last one still fetched
    assert [p.url for p in iter_pages([str(warc)])] == [f"{server}/news/ferry-route-3"]  # only pages go to the archive


def test_error_pages_carry_the_fetch_stage(server):
    with Fetcher(FAST) as fetcher:
        page = page_of(fetcher.fetch(f"{server}/missing"))
    reading = extract(page)
    assert reading.error.stage == "fetch" and "HTTP 404" in reading.error.message


def test_dns_failure_is_named():
    with Fetcher(FetchOptions(timeout=2, retries=0, delay=0.0, robots=False)) as fetcher:
        result = fetcher.fetch("http://no-such-host.invalid/page")
    assert result.error.startswith(("DNS", "could not connect", "timed out"))


def test_private_addresses_are_refused_by_default(server):
    with Fetcher(FetchOptions(timeout=1, retries=0, delay=0.0, robots=False)) as fetcher:
        result = fetcher.fetch(f"{server}/news/ferry-route-1")
    assert result.error is not None and "private" in result.error


def test_retry_after_a_dropped_connection(server):
    with Fetcher(FetchOptions(timeout=1, retries=2, backoff=0.05, delay=0.0, allow_private=True)) as fetcher:
        result = fetcher.fetch(f"{server}/flaky")
    assert result.error is None and b"Ferry route 8" in result.body
    assert _Handler.hits["/flaky"] >= 2


def test_per_host_delay(server):
    with Fetcher(FetchOptions(timeout=1, retries=0, delay=0.3, allow_private=True)) as fetcher:
        fetcher.fetch(f"{server}/news/ferry-route-1")  # robots.txt first, then the page
        start = time.monotonic()
        fetcher.fetch(f"{server}/news/ferry-route-2")
    assert time.monotonic() - start >= 0.28


def _needs_port_80(server: str) -> None:
    if server.count(":") > 1:
        pytest.skip("port 80 on 127.0.0.1 is taken or not allowed: feed links with a port are refused by courlan")


def test_feed_and_sitemap_links(server):
    _needs_port_80(server)
    with Fetcher(FAST) as fetcher:
        feed, problem = feed_urls(f"{server}/feed.xml", fetcher)
        assert problem is None
        assert sorted(feed) == [f"{server}/news/ferry-route-{n}" for n in (1, 2, 3)]
        links, problem = sitemap_urls(f"{server}/sitemap.xml", fetcher)
        assert problem is None
        assert sorted(links) == [f"{server}/news/ferry-route-{n}" for n in (4, 5)]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, timeout=120)


def test_cli_fetch_feed_to_warc_then_read(server, tmp_path):
    _needs_port_80(server)
    warc = tmp_path / "today.warc.gz"
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# a comment\n{server}/news/ferry-route-6\n{server}/missing\n")
    out = run_cli("fetch", "--feed", f"{server}/feed.xml", "--urls", str(urls), "--warc", str(warc),
                  "--delay", "0", "--timeout", "1", "--allow-private", "--json")
    assert out.returncode == 0, out.stderr
    items = [json.loads(line) for line in out.stdout.splitlines()]
    assert sorted(i["url"] for i in items) == sorted(f"{server}{p}" for p in
                                                     ("/news/ferry-route-1", "/news/ferry-route-2", "/news/ferry-route-3", "/news/ferry-route-6", "/missing"))
    assert [i["error"] for i in items if i["url"].endswith("/missing")] == ["HTTP 404"]
    out = run_cli("extract", "--json", str(warc))
    titles = sorted(json.loads(line)["title"] for line in out.stdout.splitlines())
    assert titles == [f"Ferry route {n} halted by strike" for n in (1, 2, 3, 6)]


def test_cli_fetch_urls_file(server, tmp_path):
    warc = tmp_path / "list.warc"
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/news/ferry-route-11\n\n{server}/report.pdf\n")
    out = run_cli("fetch", "--urls", str(urls), "--warc", str(warc), "--delay", "0", "--timeout", "1", "--allow-private")
    assert out.returncode == 0, out.stderr
    assert f"✓ {server}/news/ferry-route-11 200" in out.stdout
    assert "not HTML (application/pdf)" in out.stderr and "1 pages fetched, 1 failed" in out.stderr
    out = run_cli("extract", "--json", str(warc))
    assert json.loads(out.stdout)["title"] == "Ferry route 11 halted by strike"


def test_cli_read_a_url(server):
    out = run_cli("extract", "--json", "--allow-private", f"{server}/news/ferry-route-9", f"{server}/missing")
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert out.returncode == 0, out.stderr
    assert lines[0]["title"] == "Ferry route 9 halted by strike" and lines[0]["url"] == f"{server}/news/ferry-route-9"
    assert lines[1]["error"]["stage"] == "fetch" and "HTTP 404" in lines[1]["error"]["message"]
    assert "HTTP 404" in out.stderr


def test_cli_fetch_usage_errors(tmp_path):
    out = run_cli("fetch", "http://127.0.0.1:9/x")
    assert out.returncode == 2 and "--warc" in out.stderr
    out = run_cli("fetch", "--warc", str(tmp_path / "x.warc"))
    assert out.returncode == 2


def test_cli_ingest_a_url_reports_refusal_of_a_private_address(server, tmp_path):
    # ingest fetches with the default options: a loopback address is refused, with its reason
    out = run_cli("ingest", "--no-analysis", f"{server}/news/ferry-route-12", "--db", str(tmp_path / "n.db"))
    assert "Traceback" not in out.stderr
    errors = run_cli("errors", "--db", str(tmp_path / "n.db"), "--json").stdout
    assert "private" in errors and "fetch" in errors
