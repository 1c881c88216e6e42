"""URLs → Pages: fetching news pages politely, with everything fetched kept in a WARC file.

The downloading is trafilatura's (``trafilatura.downloads``: urllib3 with its retry strategy,
size cap and SSRF protection), as are feed and sitemap discovery (``trafilatura.feeds``,
``trafilatura.sitemaps``). This module adds what a crawl of news pages needs around them:

- robots.txt, read with ``urllib.robotparser`` once per host (its Crawl-delay honoured);
- a delay between two requests to the same host;
- retries with exponential back-off for timeouts and failed connections (trafilatura's
  strategy already retries 429/5xx statuses);
- one clear user agent, a timeout and a size limit;
- a reason for each failure (DNS, timeout, HTTP status, not HTML, too large, disallowed by
  robots.txt, redirect loop) so the batch goes on and the error record says why;
- each page fetched written to a WARC file (warcio), which ``dateline read`` re-reads offline.
"""

from __future__ import annotations

import io
import logging
import re
import time
import urllib.robotparser
from collections.abc import Iterable, Iterator
from configparser import ConfigParser
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model import Error, Page, Source
from .decode import NotText, decode

__all__ = ["FetchOptions", "Fetched", "Fetcher", "feed_urls", "sitemap_urls", "url_pages", "is_url"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("dateline")
    except Exception:
        return "0"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    #: sent with every request: who is asking, and that it is a research crawler
    user_agent: str = f"dateline/{_version()} (news evidence research; robots.txt respected)"
    #: seconds for a connection and for each read (trafilatura takes whole seconds)
    timeout: int = 10
    #: a page larger than this many bytes (decompressed) is refused
    max_bytes: int = 20_000_000
    #: trafilatura's retry strategy spends this one budget on redirects, read timeouts and
    #: 429/5xx answers alike (with back-off of timeout/2): keep it small
    max_redirects: int = 3
    #: further tries after a failed connection (which trafilatura does not retry), waiting
    #: backoff, 2×backoff, …
    retries: int = 2
    backoff: float = 1.0
    #: seconds between two requests to the same host (robots.txt's Crawl-delay when longer)
    delay: float = 1.0
    robots: bool = True
    #: fetch from loopback and private addresses (trafilatura refuses them by default)
    allow_private: bool = False


@dataclass(slots=True)
class Fetched:
    """What one URL gave: the response, or the reason there is none."""

    url: str
    final_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    @property
    def content_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        m = re.search(r"charset=[\"']?([\w.:-]+)", self.headers.get("content-type") or "", re.I)
        return m.group(1) if m else None

    def to_dict(self) -> dict[str, object]:
        return {"url": self.url, "final_url": self.final_url, "status": self.status,
                "content_type": self.content_type or None, "bytes": len(self.body), "error": self.error}


def is_url(text: str) -> bool:
    return bool(re.match(r"^https?://[^\s/]+", text, re.I))


class Fetcher:
    """Fetches URLs one at a time, politely; writes each page fetched to ``warc`` when given."""

    def __init__(self, options: FetchOptions | None = None, warc: str | None = None) -> None:
        self.options = options or FetchOptions()
        self.config = _config(self.options)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._host_delay: dict[str, float] = {}
        self._last: dict[str, float] = {}
        self._warc_path = warc
        self._warc_file = None
        self._warc_writer = None

    # -- context -------------------------------------------------------------------------
    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._warc_file is not None:
            self._warc_file.close()
            self._warc_file = self._warc_writer = None

    # -- fetching ------------------------------------------------------------------------
    def fetch(self, url: str) -> Fetched:
        url = url.strip()
        if not is_url(url):
            return Fetched(url, error="not an http(s) URL")
        host = _host(url)
        if self.options.robots and not self._allowed(url):
            return Fetched(url, error="disallowed by the site's robots.txt")
        result = self._download_with_retries(url, host)
        if result.error is None:
            result.error = self._problem(result)
        if result.error is None:
            self._archive(result)
        return result

    def fetch_all(self, urls: Iterable[str]) -> Iterator[Fetched]:
        for url in urls:
            yield self.fetch(url)

    def _download_with_retries(self, url: str, host: str) -> Fetched:
        attempt = 0
        while True:
            self._wait(host)
            result = _download(url, self.config)
            self._last[host] = time.monotonic()
            # read timeouts and 429/5xx were already retried by trafilatura's strategy
            transient = result.error is not None and result.error.startswith("could not connect")
            if not transient or attempt >= self.options.retries:
                return result
            time.sleep(self.options.backoff * (2**attempt))
            attempt += 1

    def _problem(self, result: Fetched) -> str | None:
        if result.status is None or not 200 <= result.status < 300:
            return f"HTTP {result.status}" if result.status else "no response"
        ctype = result.content_type
        if ctype and not ctype.startswith(_HTML_TYPES + _TEXT_TYPES):
            return f"not HTML ({ctype})"
        if len(result.body) > self.options.max_bytes:
            return f"larger than {self.options.max_bytes:,} bytes"
        if not result.body.strip():
            return "the response is empty"
        return None

    def _wait(self, host: str) -> None:
        delay = max(self.options.delay, self._host_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None and delay > 0:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            self._robots[base] = self._read_robots(base, _host(url))
        parser = self._robots[base]
        return True if parser is None else parser.can_fetch(self.options.user_agent, url)

    def _read_robots(self, base: str, host: str) -> urllib.robotparser.RobotFileParser | None:
        self._wait(host)
        got = _download(base + "/robots.txt", self.config)
        self._last[host] = time.monotonic()
        parser = urllib.robotparser.RobotFileParser(base + "/robots.txt")
        if got.status in (401, 403):
            parser.disallow_all = True  # as urllib.robotparser.read() does for these
            return parser
        if got.error is not None or got.status != 200:
            return None  # no robots.txt (or none readable): everything is allowed
        parser.parse(got.body.decode("utf-8", errors="replace").splitlines())
        crawl_delay = parser.crawl_delay(self.options.user_agent)
        if crawl_delay:
            self._host_delay[host] = float(crawl_delay)
        return parser

    # -- the archive ----------------------------------------------------------------------
    def _archive(self, result: Fetched) -> None:
        if not self._warc_path:
            return
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        if self._warc_writer is None:
            self._warc_file = open(self._warc_path, "ab")
            self._warc_writer = WARCWriter(self._warc_file, gzip=self._warc_path.endswith(".gz"))
        writer = self._warc_writer
        target = result.final_url or result.url
        # the body is stored as decoded: the headers that described the wire form go
        headers = [(k.title(), v) for k, v in result.headers.items()
                   if k not in ("content-encoding", "transfer-encoding", "content-length")]
        headers.append(("Content-Length", str(len(result.body))))
        http = StatusAndHeaders(f"{result.status} {_REASONS.get(result.status or 0, 'OK')}", headers,
                                protocol="HTTP/1.1")
        request = StatusAndHeaders(f"GET {_path(target)} HTTP/1.1",
                                   [("Host", urlsplit(target).netloc), ("User-Agent", self.options.user_agent)],
                                   is_http_request=True)
        response = writer.create_warc_record(target, "response", payload=io.BytesIO(result.body),
                                             http_headers=http)
        writer.write_record(writer.create_warc_record(target, "request", http_headers=request))
        writer.write_record(response)
        self._warc_file.flush()


_REASONS = {200: "OK", 203: "Non-Authoritative Information"}


def _path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _config(options: FetchOptions) -> ConfigParser:
    from trafilatura.settings import DEFAULT_CONFIG

    config = ConfigParser()
    config.read_dict({"DEFAULT": dict(DEFAULT_CONFIG["DEFAULT"])})
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, int(options.timeout))))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(options.max_bytes))
    config.set("DEFAULT", "MAX_REDIRECTS", str(options.max_redirects))
    config.set("DEFAULT", "USER_AGENTS", options.user_agent)
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if options.allow_private else "on")
    config.set("DEFAULT", "SLEEP_TIME", str(options.delay))
    config.set("DEFAULT", "MIN_FILE_SIZE", "1")
    return config


# --- one download through trafilatura, with the reason when it fails -------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            try:
                self.messages.append(record.getMessage())
            except Exception:
                pass


@contextmanager
def _trafilatura_messages() -> Iterator[list[str]]:
    """trafilatura logs why a download failed and returns None: collect those lines (and keep
    them off the user's terminal) to give the error record its reason."""
    logger = logging.getLogger("trafilatura.downloads")
    handler = _Collect()
    saved = (logger.propagate, logger.level, logging.root.manager.disable)
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    if saved[2] >= logging.WARNING:
        logging.disable(logging.NOTSET)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved[0]
        logger.setLevel(saved[1])
        if saved[2] >= logging.WARNING:
            logging.disable(saved[2])


def _download(url: str, config: ConfigParser) -> Fetched:
    from trafilatura.downloads import fetch_response

    with _trafilatura_messages() as messages:
        try:
            response = fetch_response(url, decode=False, config=config)
        except Exception as exc:  # a bug below us must not stop the batch
            messages.append(f"download error: {exc}")
            response = None
    if response is None or response.data is None:
        return Fetched(url, error=_reason(" ".join(messages)))
    headers = dict(response.headers or {})
    return Fetched(url, final_url=response.url, status=response.status, headers=headers, body=bytes(response.data))


_REASON_RULES = (
    (r"exceeds MAX_FILE_SIZE|too large", "larger than the size limit"),
    (r"too many redirects|redirect", "too many redirects (a redirect loop?)"),
    (r"Name or service not known|NameResolution|Failed to resolve|getaddrinfo|nodename nor servname|"
     r"No address associated|Temporary failure in name resolution", "DNS: the host name could not be resolved"),
    (r"timed out|Timeout", "timed out"),
    (r"SSRF protection", "refused: a loopback or private address (see --allow-private)"),
    (r"SSL|certificate", "TLS error"),
    (r"Connection refused|NewConnectionError|Connection reset|RemoteDisconnected|ProtocolError|Connection aborted",
     "could not connect"),
)


def _reason(message: str) -> str:
    for pattern, reason in _REASON_RULES:
        if re.search(pattern, message, re.I):
            if reason == "could not connect":
                detail = re.search(r"(Connection refused|Connection reset[^'\")]*|RemoteDisconnected[^'\")]*)", message)
                return f"could not connect ({detail.group(1)})" if detail else reason
            return reason
    return f"download failed ({message[:200]})" if message else "download failed"


# --- feeds and sitemaps ----------------------------------------------------------------------


def feed_urls(url: str, fetcher: Fetcher) -> tuple[list[str], str | None]:
    """The article links of a feed (or of the feeds a page links to): trafilatura.feeds."""
    if fetcher.options.robots and not fetcher._allowed(url):
        return [], "disallowed by the site's robots.txt"
    from trafilatura.feeds import find_feed_urls

    with _trafilatura_messages() as messages:
        links = find_feed_urls(url, sleep_time=fetcher.options.delay, config=fetcher.config)
    return list(links), (None if links else _reason(" ".join(messages)) if messages else "no links found in the feed")


def sitemap_urls(url: str, fetcher: Fetcher) -> tuple[list[str], str | None]:
    """The page links of a sitemap (index files followed): trafilatura.sitemaps."""
    if fetcher.options.robots and not fetcher._allowed(url):
        return [], "disallowed by the site's robots.txt"
    from trafilatura.sitemaps import sitemap_search

    with _trafilatura_messages() as messages:
        links = sitemap_search(url, sleep_time=fetcher.options.delay, config=fetcher.config)
    return list(links), (None if links else _reason(" ".join(messages)) if messages else "no links found in the sitemap")


# --- fetched → Page ---------------------------------------------------------------------------


def page_of(result: Fetched) -> Page:
    """The page a fetch gave, or a page carrying the fetch's error."""
    url = result.final_url or result.url
    source = Source(path=None, url=result.url, format="html")
    if result.error is not None:
        return Page(content="", source=source, url=result.url, error=Error("fetch", result.error))
    try:
        content = decode(result.body, declared=result.charset)
    except NotText as exc:
        return Page(content="", source=source, url=url, error=Error("fetch", str(exc)))
    kind = "text" if result.content_type.startswith(_TEXT_TYPES) else "html"
    source.format = kind  # type: ignore[assignment]
    return Page(content=content, source=source, content_type=kind, url=url)  # type: ignore[arg-type]


def url_pages(urls: Iterable[str], options: FetchOptions | None = None, warc: str | None = None) -> Iterator[Page]:
    """Fetch each URL and give its page (or its error), in order."""
    with Fetcher(options, warc) as fetcher:
        for url in urls:
            yield page_of(fetcher.fetch(url))


_shared: Fetcher | None = None


def configure(options: FetchOptions | None = None, warc: str | None = None) -> Fetcher:
    """The fetcher that URL inputs of ``dateline read`` and ``ingest`` go through (one per
    process, so robots.txt is read once per host and the per-host delay holds across inputs)."""
    global _shared
    if _shared is not None:
        _shared.close()
    _shared = Fetcher(options, warc)
    return _shared


def shared_fetcher() -> Fetcher:
    return _shared if _shared is not None else configure()
