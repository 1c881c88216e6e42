"""WARC records that are not pages (a crawler's log, DNS lookups, robots.txt) are skipped as such."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest.files import iter_pages
from dateline.ingest.warc import not_a_page

PAGE = (b"<html><head><title>Ferry back</title></head><body><article><p>"
        + b"The ferry to Millbrook sailed again on Tuesday after a month in dry dock. " * 12
        + b"</p></article></body></html>")


def _response(writer: WARCWriter, uri: str, body: bytes, ctype: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))


def _crawl(path) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record("crawl.warc.gz", {"software": "wget/1.21", "format": "WARC File Format 1.0"}))
        _response(w, "https://millbrook.example/ferry", PAGE, "text/html; charset=utf-8")
        _response(w, "https://millbrook.example/robots.txt", b"User-agent: *\nDisallow: /admin\n", "text/plain")
        w.write_record(w.create_warc_record("dns:millbrook.example", "response", payload=io.BytesIO(b"20250506 millbrook.example 300 IN A 10.0.0.1\n"),
                                            warc_content_type="text/dns"))
        w.write_record(w.create_warc_record("metadata://gnu.org/software/wget/warc/wget.log", "resource",
                                            payload=io.BytesIO(b"--2025-05-06-- https://millbrook.example/ferry\nSaving to: 'ferry'\n"),
                                            warc_content_type="text/plain"))


def test_only_the_page_is_read(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _crawl(path)
    pages = list(iter_pages([str(path)]))
    assert [(p.url, p.error) for p in pages] == [("https://millbrook.example/ferry", None)]


def test_what_is_not_a_page():
    assert not_a_page("metadata://gnu.org/software/wget/warc/wget.log")
    assert not_a_page("dns:example.org")
    assert not_a_page("https://example.org/robots.txt")
    assert not not_a_page("https://example.org/news/robots-txt-explained")
    assert not not_a_page("https://example.org/")
    assert not not_a_page(None)
