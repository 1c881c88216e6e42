"""Files, folders, globs and standard input → Pages.

Every input becomes pages or an error page that says what went wrong with it; nothing here
raises for a bad document, so one unreadable file never stops a batch.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..extract import looks_like_html
from ..model import Error, Page, Source
from .decode import GZIP_MAGIC, NotText, decode, gunzip

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
    label = "<stdin>" if target.path == "-" else target.path
    if target.error:
        yield _failed(label, target.error)
        return
    if target.kind == "url":
        from .fetch import page_of, shared_fetcher

        yield page_of(shared_fetcher().fetch(target.path))
        return
    if target.kind == "warc":
        from .warc import warc_pages

        yield from warc_pages(target.path, label)
        return
    try:
        if target.path == "-":
            data = (stdin or sys.stdin.buffer).read()
        else:
            with open(target.path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        yield _failed(label, f"could not read the file ({exc.strerror or exc})")
        return
    try:
        if data.startswith(GZIP_MAGIC):
            data = gunzip(data)
    except NotText as exc:
        yield _failed(label, str(exc))
        return
    kind = target.kind
    if kind is None and _looks_like_jsonl(data):
        kind = "jsonl"
    if kind == "jsonl":
        yield from _jsonl_pages(data, label)
        return
    try:
        content = decode(data)
    except NotText as exc:
        yield _failed(label, str(exc))
        return
    if kind is None:
        kind = "html" if looks_like_html(content) else "text"
    yield Page(content=content, source=Source(path=label, format=kind), content_type=kind)  # type: ignore[arg-type]


def page_from_text(content: str, *, url: str | None = None, published: str | None = None) -> Page:
    """A page from a string the caller already holds (HTML or plain text, sniffed)."""
    kind = "html" if looks_like_html(content) else "text"
    return Page(
        content=content,
        source=Source(path=None, url=url, format=kind),  # type: ignore[arg-type]
        content_type=kind,  # type: ignore[arg-type]
        url=url,
        published=published,
    )


def _failed(label: str, message: str, fmt: str = "text", offset: int | None = None) -> Page:
    return Page(
        content="",
        source=Source(path=label, format=fmt, offset=offset),  # type: ignore[arg-type]
        error=Error("ingest", message),
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


def _jsonl_pages(data: bytes, label: str) -> Iterator[Page]:
    offset = 0
    for lineno, raw in enumerate(data.splitlines(keepends=True), 1):
        start, offset = offset, offset + len(raw)
        line = raw.strip()
        if not line:
            continue
        where = f"line {lineno}"
        try:
            obj = json.loads(line.decode("utf-8", errors="replace"))
        except ValueError as exc:
            yield _failed(label, f"{where} is not JSON ({getattr(exc, 'msg', exc)})", "jsonl", start)
            continue
        if not isinstance(obj, dict):
            yield _failed(label, f"{where} is not a JSON object", "jsonl", start)
            continue
        url = _str(_field(obj, "url"))
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
                id=_str(_field(obj, "id")),
                error=Error("ingest", f"{where} has no 'html', 'text' or 'body' field with a string"),
            )
            continue
        yield Page(
            content=content,
            source=source,
            content_type=content_type,  # type: ignore[arg-type]
            id=_str(_field(obj, "id")),
            url=url,
            title=_str(_field(obj, "title")),
            published=_str(_field(obj, "published")),
            publisher=_str(_field(obj, "publisher")),
            is_clean=clean,
        )


def _str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value)
    return None
