"""The hand-over between a format-specific extractor (html.py, text.py) and meta.py.

A format extractor finds the article's blocks and the page's own metadata; meta.py then
reads datelines, bylines, captions and credits out of those blocks, the same way for every
format, and lays out the final text with offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Boilerplate, Image, Related


@dataclass
class Draft:
    title: str | None = None
    section: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    #: candidate body paragraphs in reading order; may still hold a dateline, byline lines,
    #: image captions with credits, which meta.py takes out
    body: list[str] = field(default_factory=list)
    #: blocks already known not to be the article
    boilerplate: list[Boilerplate] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    #: lines around the body (before and after) where bylines and credits may also sit
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    #: the body is the user's own clean text: keep it verbatim
    verbatim: bool = False
    #: what the extractor had to repair to read the page (said in the reading's warnings)
    warnings: list[str] = field(default_factory=list)
