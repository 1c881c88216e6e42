"""WARC and WET files → Pages (fastwarc).

HTML responses become HTML pages, conversion records (WET) and text/plain responses become
text pages; gzip and chunked bodies are decoded. A damaged file gives the records read so far
and then an error page that says where it broke.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Error, Page, Source
from .decode import NotText, decode

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
_TEXT_TYPES = ("text/plain",)


def warc_pages(path: str, label: str | None = None, warnings: list[str] | None = None) -> Iterator[Page]:
    """Record by record: fastwarc streams the file, one record's body is in memory at a time.
    ``warnings`` (about the file itself, e.g. its name) go with every page."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    label = label or path
    file_warnings = list(warnings or [])
    wanted = WarcRecordType.response | WarcRecordType.conversion | WarcRecordType.resource
    last = 0
    count = 0
    failed_at: int | None = None
    pending: Page | None = None
    try:
        records = ArchiveIterator(
            path,
            record_types=wanted,
            parse_http=True,
            auto_decode="all",
            quirks_mode=True,
            fsspec_args=False,
        )
        for record in records:
            last = record.stream_pos
            count += 1
            page = _page_of(record, label)
            if page is not None:
                page.warnings[:0] = file_warnings
                if page.error is not None:
                    failed_at = last
                # held back one record: if the file turns out cut short, the last one is suspect
                if pending is not None:
                    yield pending
                pending = page
    except (OSError, ValueError) as exc:
        if pending is not None:
            yield pending
        if failed_at != last:  # the record that broke has already said so
            yield Page(
                content="",
                source=Source(path=label, format="warc", offset=last),
                error=Error("ingest", f"the WARC file is damaged after byte {last}; records before it were read ({exc})"),
                warnings=list(file_warnings),
            )
        return
    problem = _cut_short(path) if count else "no WARC records found: not a WARC file, or cut short before its first record"
    if problem and pending is not None and pending.error is None and pending.content:
        pending.error = Error("ingest", f"{problem}; this is that record, read as far as it goes", partial=True)
        yield pending
        return
    if pending is not None:
        yield pending
    if problem:
        yield Page(content="", source=Source(path=label, format="warc", offset=last), error=Error("ingest", problem),
                   warnings=list(file_warnings))


def _cut_short(path: str) -> str | None:
    """Why a gzipped WARC that read without complaint is still incomplete, or None.

    fastwarc stops quietly at a gzip stream that ends early, so the last record may be cut;
    reading the stream through once more (decompression only) tells.
    """
    import gzip
    import zlib

    try:
        with open(path, "rb") as fh:
            if fh.read(2) != b"\x1f\x8b":
                return None
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except EOFError:
        return "the WARC file is cut short: its last record is incomplete"
    except (OSError, zlib.error) as exc:
        return f"the WARC file is damaged ({exc})"
    return None


#: what crawlers write beside the pages: wget's log (metadata://…), DNS lookups (dns:…), whois,
#: the crawl's own files; and a site's robots.txt, which no one reads as an article
_NOT_PAGE_SCHEMES = ("metadata:", "dns:", "whois:", "urn:", "file:", "ftp:")
_NOT_PAGE_PATHS = ("/robots.txt",)


def not_a_page(url: str | None) -> bool:
    """Is this record something a crawler keeps beside the pages rather than a page? Skipped as such."""
    if not url:
        return False
    low = url.lower()
    if low.startswith(_NOT_PAGE_SCHEMES):
        return True
    path = low.split("?", 1)[0].split("#", 1)[0]
    return path.endswith(_NOT_PAGE_PATHS)


def _page_of(record, label: str) -> Page | None:
    from fastwarc.warc import WarcRecordType

    from .unicode import valid_text

    warnings: list[str] = []
    url = valid_text((record.headers.get("WARC-Target-URI") or "").strip().strip("<>"), "the url", warnings) or None
    if not_a_page(url):
        return None
    source = Source(path=label, url=url, format="warc", offset=record.stream_pos)
    if record.record_type == WarcRecordType.conversion:
        kind, charset = "text", None
    else:
        if record.is_http:
            status = record.http_headers.status_code if record.http_headers else None
            if status is None:
                return Page(
                    content="",
                    source=source,
                    url=url,
                    error=Error("ingest", "the record is cut short or its HTTP headers cannot be read (a truncated file?)"),
                    warnings=warnings,
                )
            if not (200 <= status < 300):
                return None  # redirects and errors carry no article
            ctype = (record.http_content_type or "").lower()
            charset = record.http_charset
        else:
            ctype = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            charset = None
        if ctype.startswith(_HTML_TYPES):
            kind = "html"
        elif ctype.startswith(_TEXT_TYPES):
            kind = "text"
        else:
            return Page(
                content="",
                source=source,
                url=url,
                error=Error("ingest", f"not an HTML or text record ({ctype or 'no content type'})"),
                warnings=warnings,
            )
    try:
        body = record.reader.read()
        content = decode(body, declared=charset, warnings=warnings)
    except NotText as exc:
        return Page(content="", source=source, url=url, error=Error("ingest", str(exc)), warnings=warnings)
    except OSError as exc:
        return Page(content="", source=source, url=url, error=Error("ingest", f"could not read the record ({exc})"),
                    warnings=warnings)
    if kind == "text" and content.lstrip()[:1] == "<":
        from ..extract import looks_like_html

        kind = "html" if looks_like_html(content) else kind
    return Page(content=content, source=source, content_type=kind, url=url, warnings=warnings)  # type: ignore[arg-type]
