"""The data model: plain dataclasses that serialise to the JSON contract of DESIGN.md.

Every span is a pair of character offsets ``[start, end)`` into ``Reading.text``.
This module imports nothing of the project.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SourceFormat = Literal["text", "html", "warc", "jsonl"]
BoilerplateKind = Literal["nav", "meta", "promo", "related", "share", "legal", "other"]
Span = tuple[int, int]


@dataclass(slots=True)
class Source:
    """Where a document came from: a file, a line of a JSON Lines file, a WARC record."""

    path: str | None = None
    url: str | None = None
    format: SourceFormat = "text"
    offset: int | None = None


@dataclass(slots=True)
class Page:
    """One raw document as ingested, before extraction.

    ``content`` is HTML or plain text as ``content_type`` says. ``is_clean`` marks
    text that is already the article body (a JSON Lines ``body``): extraction keeps it verbatim.
    """

    content: str
    source: Source
    #: "html" or "text": how ``content`` is to be read
    content_type: Literal["html", "text"] = "text"
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    is_clean: bool = False
    error: Error | None = None
    #: what was repaired or dropped on the way in (invalid characters, a bad date): said, not silent
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Error:
    """Why a document could not be read: the stage that gave up and a message for people."""

    stage: str
    message: str
    #: the document was read, but only in part (a page cut for its size): what it holds stands
    partial: bool = False


@dataclass(slots=True)
class Dateline:
    place: str | None = None
    agency: str | None = None
    date: str | None = None
    #: [start, end] in ``text`` when the dateline was kept there (a clean body given as is);
    #: None when it was taken out of the text
    span: list[int] | None = None


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Image:
    caption: str | None = None
    credit: str | None = None


@dataclass(slots=True)
class Boilerplate:
    kind: BoilerplateKind
    text: str


@dataclass(slots=True)
class Related:
    """A headline in a list on the page; ``version`` is a wire label such as "1st LD"."""

    title: str
    version: str | None = None
    text: str | None = None


@dataclass(slots=True)
class Reading:
    """What dateline finds in one document. Extraction fills the article part, analysis the rest."""

    id: str
    source: Source
    error: Error | None = None
    url: str | None = None
    #: the outlet that published the page ("The Lakeside Courier"), when the page says
    publisher: str | None = None
    title: str | None = None
    section: str | None = None
    published: str | None = None
    language: str | None = None
    dateline: Dateline | None = None
    byline: Byline = field(default_factory=Byline)
    agencies: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    text: str = ""
    paragraphs: list[Span] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    timexes: list[dict[str, Any]] = field(default_factory=list)
    #: what was repaired or dropped while reading (invalid characters, NULs, a bad date, a cut)
    warnings: list[str] = field(default_factory=list)

    def paragraph_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.paragraphs]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["paragraphs"] = [list(p) for p in self.paragraphs]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reading:
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in known}
        kw["source"] = Source(**kw.get("source") or {})
        if kw.get("error"):
            kw["error"] = Error(**kw["error"])
        if kw.get("dateline"):
            kw["dateline"] = Dateline(**kw["dateline"])
        kw["byline"] = Byline(**(kw.get("byline") or {}))
        kw["images"] = [Image(**i) for i in kw.get("images") or []]
        kw["boilerplate"] = [Boilerplate(**b) for b in kw.get("boilerplate") or []]
        kw["related"] = [Related(**r) for r in kw.get("related") or []]
        kw["paragraphs"] = [tuple(p) for p in kw.get("paragraphs") or []]
        return cls(**kw)
