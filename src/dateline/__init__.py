"""dateline: news pages in, an evidence base out.

    >>> import dateline
    >>> reading = dateline.read("page.html")          # a path, or the page's HTML or text
    >>> reading.title, reading.dateline, reading.byline.authors
    >>> for r in dateline.read_all(["pages/", "crawl.jsonl"]): ...
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .corpus import Corpus
from .extract import DEFAULT_OPTIONS, ExtractOptions
from .model import (
    Boilerplate,
    Byline,
    Dateline,
    Error,
    Image,
    Page,
    Reading,
    Related,
    Source,
)

__version__ = "0.1.0"

__all__ = [
    "read",
    "read_all",
    "extract",
    "Corpus",
    "ExtractOptions",
    "Reading",
    "Page",
    "Source",
    "Error",
    "Dateline",
    "Byline",
    "Image",
    "Boilerplate",
    "Related",
]


def read(
    source: str | os.PathLike[str] | bytes,
    url: str | None = None,
    published: str | None = None,
    *,
    analyze: bool = True,
    options: ExtractOptions = DEFAULT_OPTIONS,
) -> Reading:
    """Read one news page: a file path, or the page itself as HTML or plain text.

    ``url`` and ``published`` tell dateline what the page itself may not (they win over what
    is found in it). For a file that holds many pages (JSON Lines) the first is returned; use
    :func:`read_all` for all. Problems with the page come back in ``reading.error``.
    """
    page = _page_of(source, url, published, options)
    from .extract import extract as extract_page

    reading = extract_page(page, options)
    if analyze:
        from .analyze import analyze as run_analysis

        reading = next(run_analysis([reading]))
    return reading


def extract(source: str | os.PathLike[str] | bytes, url: str | None = None, published: str | None = None,
            *, options: ExtractOptions = DEFAULT_OPTIONS) -> Reading:
    """Like :func:`read`, extraction only: clean text and metadata, no NLP."""
    return read(source, url, published, analyze=False, options=options)


def read_all(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    analyze: bool = True,
    options: ExtractOptions = DEFAULT_OPTIONS,
) -> Iterator[Reading]:
    """Readings of every page in files, folders (recursive), globs and JSON Lines files."""
    from .run import read_inputs

    return read_inputs([str(i) for i in inputs], analyze=analyze, options=options)


def _page_of(source, url, published, options) -> Page:
    from .ingest.decode import NotText, decode
    from .ingest.files import expand_inputs, page_from_text, pages_of

    if isinstance(source, bytes):
        try:
            text = decode(source)
        except NotText as exc:
            return Page(content="", source=Source(url=url), url=url, error=Error("ingest", str(exc)))
        return page_from_text(text, url=url, published=published)
    if isinstance(source, str) and source and "\n" not in source and len(source) < 4096 and not _exists(source):
        from .ingest.files import kind_of

        if kind_of(source) and " " not in source.strip():  # a file name, not a page: say it is missing
            return Page(content="", source=Source(path=source), url=url,
                        error=Error("ingest", "no such file or folder"))
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and source.strip() and "\n" not in source and len(source) < 4096 and _exists(source)
    ):
        target = next(expand_inputs([str(source)]))
        page = next(pages_of(target), None)
        if page is None:
            return Page(content="", source=Source(path=str(source)), error=Error("ingest", "no page found"))
        page.url = url or page.url
        page.source.url = page.source.url or url
        page.published = published or page.published
        return page
    return page_from_text(str(source), url=url, published=published)


def _exists(name: str) -> bool:
    """Whether ``name`` is an existing path; a page's text is never one (too long, odd bytes)."""
    try:
        return Path(name).exists()
    except (OSError, ValueError):
        return False
