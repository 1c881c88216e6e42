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


def document_id(content: str) -> str:
    """A stable id: the hash of the source with Unicode and whitespace normalised."""
    # NFC of ASCII or of already-composed text is the text itself: skip the costly call
    if not content.isascii() and not unicodedata.is_normalized("NFC", content):
        content = unicodedata.normalize("NFC", content)
    norm = " ".join(content.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


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
    if page.error is not None and not page.error.partial:
        reading.error = page.error
        return reading
    content = page.content or ""
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
        draft.published = _iso(page.published) or draft.published
        draft.publisher = page.publisher or draft.publisher
        from . import meta

        meta.finish(draft, reading)
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


def _iso(value: str | None) -> str | None:
    """A crawler's date in ISO form ("2024-03-04 10:00:00" → "2024-03-04T10:00:00"); kept as
    given when it cannot be read as a date (a year or a month alone stays as it is)."""
    if not value:
        return None
    from .html_meta import iso_date

    return iso_date(value) or value


def _draft(page: Page, content: str, options: ExtractOptions) -> Draft:
    if page.is_clean:
        return Draft(body=[content], verbatim=True)
    if page.content_type == "html" or looks_like_html(content):
        from .html import extract_html

        return extract_html(content, page.url or page.source.url, options)
    from .text import extract_text

    return extract_text(content, options)
