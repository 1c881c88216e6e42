"""The data model: plain dataclasses that serialise to the JSON contract of DESIGN.md.

Every span is a pair of character offsets ``[start, end)`` into ``Reading.text``.
This module imports nothing of the project.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Literal

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
class Slug:
    """A wire service's slug line ("AP-US--Trump-Impeachment, 4th Ld-Writethru"): read, then
    set aside as boilerplate (it is neither article text nor a source of entities)."""

    text: str
    agency: str | None = None
    #: the story's keywords ("Trump-Impeachment")
    keywords: str | None = None
    #: the version label ("4th Ld-Writethru")
    version: str | None = None
    #: the version rewrites the whole story ("Writethru")
    writethru: bool = False


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


class Record(dict):
    """Something found in the text (an entity, a claim, an event, a time expression): typed
    attributes over the JSON object it is, so ``claim.speaker_text``, ``claim["cue"]``,
    ``claim.to_dict()`` and ``json.dumps(claim)`` all work. A field the reading does not have
    reads as None; keys beyond the declared fields are kept (new fields may be added)."""

    __slots__ = ()
    #: the declared fields, in JSON order
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            if name in type(self).FIELDS:
                return None
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        self.pop(name, None)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"

    def to_dict(self) -> dict[str, Any]:
        """A plain dict, as in the JSON of the reading."""
        return {k: v.to_dict() if isinstance(v, Record) else v for k, v in self.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return data if type(data) is cls else cls(data)


class Entity(Record):
    """A person, organisation or place named in the article: ``mentions`` are spans in ``text``."""

    __slots__ = ()
    FIELDS = ("id", "name", "type", "aliases", "titles", "mentions", "country", "role", "agency")
    id: str
    name: str
    #: PERSON, ORG, GPE, NORP, …
    type: str
    aliases: list[str]
    titles: list[str]
    mentions: list[list[int]]


class Channel(Record):
    """How a claim reached the public: ``kind`` (statement, interview, news conference,
    letter, email, social post, filing, broadcast, report), the ``outlet`` it was given to and
    the ``platform`` it was posted on, when the text names them."""

    __slots__ = ()
    FIELDS = ("kind", "outlet", "platform")
    kind: str
    outlet: str | None
    platform: str | None


class Claim(Record):
    """Who said what: the speaker (an entity id), the cue, the content and its span, the
    quotation marks inside it, the channel and the chain of carriers (``via``)."""

    __slots__ = ()
    FIELDS = ("id", "kind", "speaker", "speaker_text", "speaker_span", "source_kind", "cue", "cue_span",
              "addressee", "addressee_text", "content", "span", "quotes", "channel", "via",
              "said_on", "reported_on")
    id: str
    #: direct | indirect | mixed | headline | omission
    kind: str
    speaker: str | None
    speaker_text: str | None
    speaker_span: list[int] | None
    #: person | organisation | group | document | anonymous
    source_kind: str | None
    cue: str
    cue_span: list[int] | None
    addressee: str | None
    addressee_text: str | None
    content: str
    span: list[int] | None
    quotes: list[list[int]]
    channel: Channel | None
    via: list[str]
    said_on: str | None
    reported_on: str | None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        claim = data if type(data) is cls else cls(data)
        if isinstance(claim.get("channel"), dict) and not isinstance(claim["channel"], Channel):
            claim["channel"] = Channel(claim["channel"])
        return claim


class Event(Record):
    """Something that happened between actors (PLOVER type), with its time and place."""

    __slots__ = ()
    FIELDS = ("id", "type", "actor", "recipient", "when", "where", "span", "asserted_by")
    id: str
    type: str
    actor: str | None
    recipient: str | None
    when: str | None
    where: str | None
    span: list[int]
    asserted_by: str | None


class Timex(Record):
    """A time expression (TIMEX3): its text, span, type and normalised value."""

    __slots__ = ()
    FIELDS = ("text", "span", "type", "value", "anchor")
    text: str
    span: list[int]
    #: DATE | TIME | DURATION | SET
    type: str
    value: str | None
    anchor: str | None


def typed(records: list[Any], cls: type[Record]) -> list[Any]:
    """``records`` as instances of ``cls`` (dicts are wrapped; anything else is kept as is)."""
    return [cls.from_dict(r) if isinstance(r, dict) else r for r in records or []]


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
    #: the wire slug at the head of the story, when there is one
    slug: Slug | None = None
    images: list[Image] = field(default_factory=list)
    text: str = ""
    paragraphs: list[Span] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    #: how the text was analysed: "analysed (language en)", "skipped (language ru)" when no
    #: pipeline is installed for its language; None when analysis did not run
    analysis: str | None = None
    #: the dateline version whose analysis made the reading; None when analysis did not run
    dateline_version: str | None = None
    #: what was repaired or dropped while reading (invalid characters, NULs, a bad date, a cut)
    warnings: list[str] = field(default_factory=list)

    def paragraph_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.paragraphs]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["paragraphs"] = [list(p) for p in self.paragraphs]
        for name in ("entities", "claims", "events", "timexes"):
            out[name] = [r.to_dict() if isinstance(r, Record) else dict(r) for r in out[name]]
        return out

    def type_records(self) -> Reading:
        """Make the analysis' entities, claims, events and time expressions typed records."""
        self.entities = typed(self.entities, Entity)
        self.claims = typed(self.claims, Claim)
        self.events = typed(self.events, Event)
        self.timexes = typed(self.timexes, Timex)
        return self

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reading:
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in known}
        kw["source"] = Source(**kw.get("source") or {})
        if kw.get("error"):
            kw["error"] = Error(**kw["error"])
        if kw.get("dateline"):
            kw["dateline"] = Dateline(**kw["dateline"])
        if kw.get("slug"):
            kw["slug"] = Slug(**kw["slug"])
        kw["byline"] = Byline(**(kw.get("byline") or {}))
        kw["images"] = [Image(**i) for i in kw.get("images") or []]
        kw["boilerplate"] = [Boilerplate(**b) for b in kw.get("boilerplate") or []]
        kw["related"] = [Related(**r) for r in kw.get("related") or []]
        kw["paragraphs"] = [tuple(p) for p in kw.get("paragraphs") or []]
        return cls(**kw).type_records()
