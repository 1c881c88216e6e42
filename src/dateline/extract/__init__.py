"""Page → Reading (the article part): clean text, metadata, boilerplate, with offsets.

No NLP is imported here: ``dateline extract`` must start fast.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..model import Error, Page, Reading
from .draft import Draft
from .options import DEFAULT_OPTIONS, ExtractOptions

__all__ = ["extract", "document_id", "ExtractOptions", "DEFAULT_OPTIONS"]

_HTML_SNIFF = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<article|<p[\s>])", re.I | re.S)


#: all but the last character of each run of ASCII characters
_ASCII_INSIDE_RUN = re.compile(r"[\x00-\x7f]+(?=[\x00-\x7f])")
_NFC_CHUNK = 1024


def nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``, at a cost that hardly grows with the ASCII in it.

    An ASCII character never changes under NFC and never composes with the character before it
    (no canonical decomposition has one after its first character), so NFC works on the
    stretches that start at an ASCII character separately. Stretches of the text without
    non-ASCII characters are skipped by ``str.isascii`` a chunk at a time; in the others, the
    ASCII characters that only precede ASCII ones are left out of the check, and only a stretch
    that is not NFC is normalised. That matters because CPython's own check normalises the whole
    text as soon as one character may compose (a combining mark in a 2.5 MB page: 130 ms instead
    of 7), and normalising a page for one accented letter costs ~5 ms."""
    if text.isascii():
        return text
    n, i, last = len(text), 0, 0
    out: list[str] = []
    while i < n:
        if text[i : i + _NFC_CHUNK].isascii():
            i += _NFC_CHUNK
            continue
        start = max(0, i - 1)  # the chunk before is ASCII: its last character opens the stretch
        end = i + _NFC_CHUNK
        while end < n and not text[end : end + _NFC_CHUNK].isascii():
            end += _NFC_CHUNK
        end = min(end, n)  # text[end] is ASCII: the stretch ends before it
        piece = text[start:end]
        if not unicodedata.is_normalized("NFC", _ASCII_INSIDE_RUN.sub("", piece)):
            out.append(text[last:start])
            out.append(unicodedata.normalize("NFC", piece))
            last = end
        i = end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def document_id(content: str) -> str:
    """A stable id: the hash of the source with Unicode and whitespace normalised."""
    content = nfc(content)
    norm = " ".join(content.split())
    # surrogatepass: an id never fails on text not yet made valid (valid text hashes the same)
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def looks_like_html(content: str) -> bool:
    return bool(_HTML_SNIFF.match(content[:4096]))


def extract(page: Page, options: ExtractOptions = DEFAULT_OPTIONS) -> Reading:
    """Extract one page. Never raises for bad input: problems come back as ``reading.error``."""
    if page.id:
        rid = page.id
    elif page.content:
        rid = document_id(page.content)
    else:  # nothing was read: name the failure by where it happened
        rid = document_id(f"{page.source.path}\0{page.source.offset}\0{page.source.url}")
    reading = Reading(id=rid, source=page.source, url=page.url or page.source.url)
    reading.warnings = list(page.warnings)
    if page.error is not None and not page.error.partial:
        reading.error = page.error
        return reading
    content = _valid(page, reading)
    if not content.strip():
        reading.error = Error("extract", "the document is empty")
        return reading
    cut = len(content) > options.max_chars
    if cut:
        content = content[: options.max_chars]
    try:
        draft = _draft(page, content, options)
        # what the crawler told us about the page wins over what we guessed from it
        draft.title = page.title or draft.title
        draft.published = _iso(page.published, reading.warnings) or draft.published
        draft.publisher = page.publisher or draft.publisher
        from . import meta

        meta.finish(draft, reading)
        reading.warnings.extend(draft.warnings)
    except Exception as exc:  # a bug or a page no rule foresaw: this document only
        reading.error = Error("extract", f"could not extract the article ({type(exc).__name__}: {exc})")
        return reading
    if not reading.text.strip():
        reading.error = Error("extract", "no article text found on the page")
    elif cut:
        reading.error = Error(
            "extract", f"the page is larger than {options.max_chars:,} characters; only its start was read", partial=True
        )
    if page.error is not None and (reading.error is None or reading.error.partial):
        reading.error = page.error  # ingest read it only in part (a record cut short): say so first
    return reading


_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")
_EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?")


def _iso(value: str | None, warnings: list[str] | None = None) -> str | None:
    """A crawler's date in ISO form ("2024-03-04 10:00:00" → "2024-03-04T10:00:00"); a year or a
    month alone stays as it is; seconds since 1970 become a UTC time. Anything else is not a
    date: it is dropped (the page's own date is used instead), and a warning says so."""
    if not value or not value.strip():
        return None
    from .html_meta import iso_date

    value = value.strip()
    found = iso_date(value)
    if found:
        return found
    if _YEAR_OR_MONTH.fullmatch(value) and iso_date(value[:4] + "-01-01"):
        return value
    if _EPOCH.fullmatch(value):
        import datetime as dt

        found = iso_date(dt.datetime.fromtimestamp(float(value), dt.timezone.utc).isoformat())
        if found:
            return found
    if warnings is not None:
        shown = value if len(value) <= 60 else value[:57] + "..."
        warnings.append(f"published {shown!r} is not a date (YYYY-MM-DD or ISO 8601); it was ignored")
    return None


def _valid(page: Page, reading: Reading) -> str:
    """The page's content as valid Unicode without NULs, whoever built the page (ingest does this
    for what it reads; a Page made in code gets the same here)."""
    from ..ingest.unicode import has_surrogates, valid_optional, valid_text, without_nuls

    content = page.content or ""
    if has_surrogates(content):
        content = valid_text(content, "the page", reading.warnings)
    if "\x00" in content:
        content = without_nuls(content, "the page", reading.warnings)
    for name in ("title", "published", "publisher", "url"):
        value = getattr(page, name)
        if value and has_surrogates(value):
            setattr(page, name, valid_optional(value, f"the {name}", reading.warnings))
    if reading.url and has_surrogates(reading.url):
        reading.url = page.url
    return content


def _draft(page: Page, content: str, options: ExtractOptions) -> Draft:
    if page.is_clean:
        return Draft(body=[content], verbatim=True)
    if page.content_type == "html" or looks_like_html(content):
        from .html import extract_html

        return extract_html(content, page.url or page.source.url, options)
    from .text import extract_text

    return extract_text(content, options)
