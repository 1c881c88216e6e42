"""Files, folders, globs and standard input → Pages.

Every input becomes pages or an error page that says what went wrong with it; nothing here
raises for a bad document, so one unreadable file never stops a batch.
"""

from __future__ import annotations

import glob
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..extract import looks_like_html
from ..model import Error, Page, Source
from .decode import GZIP_CUT, GZIP_MAGIC, NotText, decode, gunzip_checked
from .unicode import path_label, valid_optional, valid_text, without_nuls

#: file suffixes read from folders, and how (".gz" may follow any of them)
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: field names other crawlers use for the same things, first match wins
JSONL_FIELDS = {
    "html": ("html", "raw_html"),
    "text": ("text", "raw_content", "content"),
    "body": ("body", "maintext", "article_text"),
    "url": ("url", "source_url", "link"),
    "title": ("title", "headline"),
    "publisher": ("publisher", "site_name", "outlet", "source_name"),
    "published": ("published", "date_publish", "publish_date", "date"),
    "id": ("id", "doc_id"),
}
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to read: a file path, "-" for standard input, or an input that failed."""

    path: str
    kind: str | None  # html | text | jsonl | warc | url, None: sniff from the content
    error: str | None = None


def kind_of(path: str) -> str | None:
    name = path.lower()
    if name.endswith((".warc", ".warc.gz", ".warc.wet.gz", ".wet.gz", ".wet")):
        return "warc"
    if name.endswith(".gz"):
        name = name[:-3]
    return SUFFIXES.get(os.path.splitext(name)[1])


def expand_inputs(inputs: Iterable[str]) -> Iterator[Target]:
    """Files, folders (recursively, known suffixes only), globs and "-" → targets, in order."""
    for item in inputs:
        item = str(item)
        if item == "-":
            yield Target("-", None)
            continue
        if item.lower().startswith(("http://", "https://")):
            yield Target(item, "url")  # fetched when read (ingest/fetch.py)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield Target(item, kind_of(item))
        elif _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield Target(item, None, "no file matches this pattern")
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(Path(match))
                else:
                    yield Target(match, kind_of(match))
        elif path.exists():
            yield Target(item, None, "not a regular file")
        else:
            yield Target(item, None, "no such file or folder")


def _walk(folder: Path) -> Iterator[Target]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            kind = kind_of(full)
            if kind:
                yield Target(full, kind)


def iter_pages(inputs: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Page]:
    """Every page of every input; unreadable inputs come as pages carrying an ingest error."""
    for target in expand_inputs(inputs):
        yield from pages_of(target, stdin)


def pages_of(target: Target, stdin: BinaryIO | None = None) -> Iterator[Page]:
    """The pages of one input. JSON Lines are read record by record (memory does not grow with
    the file); other files are one page each. Names and text are made valid Unicode here."""
    warnings: list[str] = []
    label = "<stdin>" if target.path == "-" else path_label(target.path, warnings)
    if target.error:
        yield _failed(label, target.error, warnings=warnings)
        return
    if target.kind == "url":
        from .fetch import page_of, shared_fetcher

        yield page_of(shared_fetcher().fetch(target.path))
        return
    if target.kind == "warc":
        from .warc import warc_pages

        yield from warc_pages(target.path, label, warnings)
        return
    try:
        fh = (stdin or sys.stdin.buffer) if target.path == "-" else open(target.path, "rb")
    except OSError as exc:
        yield _failed(label, f"could not read the file ({exc.strerror or exc})", warnings=warnings)
        return
    try:
        yield from _pages_of_stream(fh, target.kind, label, warnings)
    except OSError as exc:
        yield _failed(label, f"could not read the file ({exc.strerror or exc})", warnings=warnings)
    finally:
        if target.path != "-":
            fh.close()


#: bytes read to tell JSON Lines from a page when the file name does not say
_SNIFF_BYTES = 1 << 20


def _pages_of_stream(fh: BinaryIO, kind: str | None, label: str, warnings: list[str]) -> Iterator[Page]:
    head = fh.read(2)
    if head == GZIP_MAGIC and kind == "jsonl":
        import gzip

        stream: BinaryIO = gzip.GzipFile(fileobj=_Prefixed(head, fh), mode="rb")  # type: ignore[assignment]
        yield from _jsonl_pages(_lines(b"", stream), label, warnings)
        return
    if head == GZIP_MAGIC:
        try:
            data, complete = gunzip_checked(head + fh.read())
        except NotText as exc:
            yield _failed(label, str(exc), warnings=warnings)
            return
        yield from _page_of_bytes(data, kind, label, warnings, None if complete else GZIP_CUT)
        return
    if kind == "jsonl":
        yield from _jsonl_pages(_lines(head, fh), label, warnings)
        return
    if kind is None:
        head = _first_line(head, fh)
        if _looks_like_jsonl(head):
            yield from _jsonl_pages(_lines(head, fh), label, warnings)
            return
    yield from _page_of_bytes(head + fh.read(), kind, label, warnings, None)


def _page_of_bytes(data: bytes, kind: str | None, label: str, warnings: list[str], cut: str | None) -> Iterator[Page]:
    if kind is None and _looks_like_jsonl(data):
        kind = "jsonl"
    if kind == "jsonl":
        yield from _jsonl_pages(_lines(data, None), label, warnings, cut)
        return
    try:
        content = decode(data, warnings=warnings)
    except NotText as exc:
        yield _failed(label, str(exc), warnings=warnings)
        return
    if kind is None:
        kind = "html" if looks_like_html(content) else "text"
    yield Page(
        content=content,
        source=Source(path=label, format=kind),  # type: ignore[arg-type]
        content_type=kind,  # type: ignore[arg-type]
        error=Error("ingest", cut, partial=True) if cut else None,
        warnings=warnings,
    )


def _first_line(head: bytes, fh: BinaryIO) -> bytes:
    """``head`` and what follows, up to the first line's end (or _SNIFF_BYTES, or the end): what
    tells JSON Lines from a page, read as it comes (standard input may be a pipe still open)."""
    read = getattr(fh, "read1", None) or fh.read
    while b"\n" not in head and len(head) < _SNIFF_BYTES:
        chunk = read(1 << 16)
        if not chunk:
            break
        head += chunk
    return head


class _Prefixed:
    """A binary stream with bytes already read put back in front (for the gzip reader)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest

    def read1(self, n: int = -1) -> bytes:
        return self.read(n)

    def read(self, n: int = -1) -> bytes:
        if self._head:
            if n is None or n < 0:
                out, self._head = self._head + self._rest.read(), b""
                return out
            out, self._head = self._head[:n], self._head[n:]
            return out if len(out) == n else out + self._rest.read(n - len(out))
        return self._rest.read(n)


def _lines(head: bytes, rest: BinaryIO | None) -> Iterator[bytes]:
    """Lines (with their endings) of ``head`` followed by the rest of a stream, one at a time."""
    buf = head
    # read1: one read of the underlying stream, so a gzip stream cut short loses no whole line
    read = getattr(rest, "read1", None) or getattr(rest, "read", None)
    while True:
        nl = buf.find(b"\n")
        while nl >= 0:
            yield buf[: nl + 1]
            buf = buf[nl + 1 :]
            nl = buf.find(b"\n")
        chunk = read(1 << 16) if read is not None else b""
        if not chunk:
            break
        buf += chunk
    if buf:
        yield buf


def page_from_text(content: str, *, url: str | None = None, published: str | None = None) -> Page:
    """A page from a string the caller already holds (HTML or plain text, sniffed)."""
    warnings: list[str] = []
    content = without_nuls(valid_text(content, "the page", warnings), "the page", warnings)
    url = valid_optional(url, "the url", warnings)
    published = valid_optional(published, "the publication date", warnings)
    kind = "html" if looks_like_html(content) else "text"
    return Page(
        content=content,
        source=Source(path=None, url=url, format=kind),  # type: ignore[arg-type]
        content_type=kind,  # type: ignore[arg-type]
        url=url,
        published=published,
        warnings=warnings,
    )


def _failed(label: str, message: str, fmt: str = "text", offset: int | None = None,
            warnings: list[str] | None = None) -> Page:
    return Page(
        content="",
        source=Source(path=label, format=fmt, offset=offset),  # type: ignore[arg-type]
        error=Error("ingest", message),
        warnings=list(warnings or []),
    )


def _looks_like_jsonl(data: bytes) -> bool:
    head = data.lstrip()[:1]
    if head != b"{":
        return False
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _field(obj: dict, name: str) -> object:
    for key in JSONL_FIELDS[name]:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _jsonl_pages(lines: Iterable[bytes], label: str, file_warnings: list[str],
                 cut: str | None = None) -> Iterator[Page]:
    """One page a line, read as the lines come. A gzip stream that ends early gives the lines
    before the cut and then an error that says where it stopped."""
    offset = 0
    lineno = 0
    it = iter(lines)
    while True:
        try:
            raw = next(it)
        except StopIteration:
            break
        except (EOFError, OSError, zlib.error) as exc:  # gzip cut short or damaged inside the stream
            why = GZIP_CUT if isinstance(exc, EOFError) else f"the gzip file is damaged ({exc})"
            yield _failed(label, f"{why}: stopped after line {lineno}; the lines before it were read", "jsonl", offset,
                          file_warnings)
            return
        lineno += 1
        start, offset = offset, offset + len(raw)
        line = raw.strip()
        if not line:
            continue
        where = f"line {lineno}"
        warnings = list(file_warnings)
        try:
            obj = json.loads(line.decode("utf-8", errors="replace"))
        except ValueError as exc:
            yield _failed(label, f"{where} is not JSON ({getattr(exc, 'msg', exc)})", "jsonl", start, warnings)
            continue
        except RecursionError:
            yield _failed(label, f"{where} is nested too deeply to read as JSON", "jsonl", start, warnings)
            continue
        if not isinstance(obj, dict):
            yield _failed(label, f"{where} is not a JSON object", "jsonl", start, warnings)
            continue
        text_field = lambda name: valid_optional(_str(_field(obj, name)), f"{where}: '{name}'", warnings)  # noqa: E731
        url = text_field("url")
        source = Source(path=label, url=url, format="jsonl", offset=start)
        html, text, body = (_field(obj, k) for k in ("html", "text", "body"))
        content, content_type, clean = None, "text", False
        if isinstance(html, str):
            content, content_type = html, "html"
        elif isinstance(body, str):
            content, clean = body, True
        elif isinstance(text, str):
            content = text
            content_type = "html" if looks_like_html(text) else "text"
        if content is None:
            yield Page(
                content="",
                source=source,
                id=text_field("id"),
                error=Error("ingest", f"{where} has no 'html', 'text' or 'body' field with a string"),
                warnings=warnings,
            )
            continue
        content = without_nuls(valid_text(content, f"{where}: the page", warnings), f"{where}: the page", warnings)
        yield Page(
            content=content,
            source=source,
            content_type=content_type,  # type: ignore[arg-type]
            id=text_field("id"),
            url=url,
            title=text_field("title"),
            published=text_field("published"),
            publisher=text_field("publisher"),
            is_clean=clean,
            warnings=warnings,
        )
    if cut:
        yield _failed(label, f"{cut}: stopped after line {lineno}; the lines before it were read", "jsonl", offset,
                      file_warnings)


def _str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value)
    return None
