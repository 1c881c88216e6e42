"""The flat tables of dateline, as data: what ``dateline export --table T`` writes.

How to use it (the store's export, the Spark runner and Datasette's metadata all do):

    >>> from dateline.store import tables
    >>> tables.TABLES["claims"].names()             # the columns, in order
    >>> rows = tables.reading_rows(reading_dict)     # one reading (``dateline read --json``) → rows
    >>> rows["claims"][0]["speaker"], rows["mentions"][0]["text"]
    >>> tables.arrow_schema("claims")                # a pyarrow schema (needs pyarrow)

- ``TABLES`` holds one ``Table`` per flat table: documents, claims, statements, entities,
  mentions, events, timexes, network. Each column has a name, a type (``text``, ``integer``,
  ``real``, ``boolean``) and a description for people (Datasette shows it).
- ``reading_rows(reading)`` is pure: one reading in, a dict ``{table: [row, ...]}`` out for the
  tables that need nothing but the document (documents, claims, entities, mentions, events,
  timexes). Every row has every column of its table; what only the store knows (the corpus
  entity id, the statement a claim belongs to) is None there and filled in by the store's
  export. Run it anywhere: in one process, a pool, a Spark task.
- ``network_rows(claim_rows)`` folds claim rows (of any number of documents) into the speaker
  network: who speaks to whom and through whom, with counts. Pure as well.
- ``conform(table, row)`` casts a row to its columns' types (what CSV and Parquet writers want).
- ``arrow_schema(table)`` is the pyarrow schema of a table; pyarrow is imported only there.

Lists stay usable both ways: ``via`` is text ("KCNA → Reuters") and ``via_json`` the JSON
array, the same for authors, agencies, aliases, titles, quotes and the channel.

This module imports nothing outside the standard library at load time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

ColumnType = Literal["text", "integer", "real", "boolean"]

#: how a chain of carriers is written as text
VIA_SEPARATOR = " → "
#: how a list of names is written as text
LIST_SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    description: str


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    #: the column that names a row for people (Datasette's label_column)
    label: str | None = None
    #: columns worth counting by (Datasette's facets)
    facets: tuple[str, ...] = ()
    #: True when rows need the store (statements, the network over a corpus)
    needs_store: bool = False
    index: dict[str, Column] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.index.update({c.name: c for c in self.columns})

    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def empty_row(self) -> dict[str, Any]:
        return dict.fromkeys(self.names())


def _cols(*spec: tuple[str, ColumnType, str]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in spec)


_DOCUMENT_REF = (
    ("url", "text", "The article's address."),
    ("outlet", "text", "The outlet that published the article: the page's publisher, else the site's known name, "
                       "else its host."),
    ("published", "text", "When the article was published (ISO date or date and time)."),
)

DOCUMENTS = Table(
    "documents",
    "Documents",
    "One row per document read: the article's metadata and text (no analysis).",
    _cols(
        ("document_id", "text", "The document's id: a hash of its normalised source."),
        ("url", "text", "The article's address."),
        ("outlet", "text", "The outlet that published it: the page's publisher, else the site's known name, else its "
                           "host."),
        ("title", "text", "The headline."),
        ("published", "text", "When it was published (ISO date or date and time)."),
        ("published_day", "text", "The day it was published (YYYY-MM-DD)."),
        ("section", "text", "The section of the site (World, Business…)."),
        ("language", "text", "The language detected in the text (ISO 639-1)."),
        ("dateline_place", "text", "The dateline's place (\"SEOUL\")."),
        ("dateline_agency", "text", "The dateline's agency (\"Reuters\")."),
        ("authors", "text", "The byline's authors, separated by \"; \"."),
        ("authors_json", "text", "The byline's authors as a JSON array."),
        ("agencies", "text", "Every news agency credited anywhere in the page, separated by \"; \"."),
        ("agencies_json", "text", "The agencies credited, as a JSON array."),
        ("source_path", "text", "The file it was read from."),
        ("source_format", "text", "text, html, warc or jsonl."),
        ("source_offset", "integer", "Where in the file (a WARC record's offset, a JSON Lines line)."),
        ("status", "text", "ok, or error when the document could not be read."),
        ("error_stage", "text", "The stage that gave up, when it could not be read."),
        ("error_message", "text", "Why it could not be read."),
        ("analysis", "text", "How the text was analysed (\"analysed (language en)\"); empty when it was not."),
        ("dateline_version", "text", "The dateline version that made the reading."),
        ("entities", "integer", "How many entities were found in it."),
        ("claims", "integer", "How many claims were found in it."),
        ("events", "integer", "How many events were found in it."),
        ("word_count", "integer", "Words in the article text."),
        ("text", "text", "The clean article text; every span of the other tables points into it."),
    ),
    label="title",
    facets=("outlet", "language", "section", "status"),
)

CLAIMS = Table(
    "claims",
    "Claims",
    "One row per claim in a document: who said what, to whom, how and through whom. "
    "Copies of one statement are rows of their own here; the statements table counts each once.",
    _cols(
        ("document_id", "text", "The document the claim is in."),
        ("claim_id", "text", "The claim's id inside its document."),
        ("statement_id", "text", "The statement it is a copy of (the same words by the same speaker across documents)."),
        ("kind", "text", "direct, indirect, mixed, headline or omission."),
        ("speaker", "text", "Who said it: the name of the speaker's entity, else the words naming them."),
        ("speaker_entity_id", "integer", "The speaker's entity in the corpus (entities across documents)."),
        ("speaker_local_id", "text", "The speaker's entity id inside the document."),
        ("speaker_text", "text", "The words of the text that name the speaker."),
        ("source_kind", "text", "person, organisation, group, document or anonymous."),
        ("cue", "text", "The verb or phrase that attributes it (\"said\", \"according to\")."),
        ("addressee", "text", "Who it was said to, when the text says."),
        ("content", "text", "What was said."),
        ("channel_kind", "text", "How it reached the public: statement, interview, news conference, letter, email, "
                                 "social post, filing, broadcast, report."),
        ("channel_outlet", "text", "The outlet it was given to (\"told CNN\")."),
        ("channel_platform", "text", "The platform it was posted on (\"on X\")."),
        ("channel_json", "text", "The channel as JSON {kind, outlet, platform}."),
        ("via", "text", "The carriers from the speaker outward (channel's outlet, wire, publisher), joined by \" → \"."),
        ("via_json", "text", "The carriers as a JSON array."),
        ("said_on", "text", "When it was said, as the text dates it."),
        ("reported_on", "text", "When it was reported, as the text dates it."),
        ("claim_day", "text", "The claim's day: said_on, else reported_on, else the article's day (YYYY-MM-DD)."),
        ("span_start", "integer", "Where the claim starts in the document's text."),
        ("span_end", "integer", "Where the claim ends in the document's text."),
        ("quotes_json", "text", "The quoted parts as JSON [[start, end], ...] in the document's text."),
        *_DOCUMENT_REF,
        ("title", "text", "The article's headline."),
    ),
    label="content",
    facets=("kind", "source_kind", "speaker", "outlet", "channel_kind"),
)

STATEMENTS = Table(
    "statements",
    "Statements",
    "One row per statement: one claim by one speaker, counted once however many documents carry it.",
    _cols(
        ("statement_id", "text", "The statement's id."),
        ("speaker", "text", "Who said it."),
        ("speaker_entity_id", "integer", "The speaker's entity in the corpus."),
        ("kind", "text", "direct, indirect, mixed, headline or omission (the first carrier's)."),
        ("content", "text", "What was said, in its fullest wording among the carriers."),
        ("said_on", "text", "When it was said: the date the text gives, else the earliest report (YYYY-MM-DD)."),
        ("carriers", "integer", "How many documents carry it."),
        ("outlets", "integer", "How many outlets carry it."),
        ("variants", "integer", "How many different wordings it is carried in."),
        ("first_document_id", "text", "The first document that carried it."),
        ("first_outlet", "text", "The outlet that carried it first."),
        ("first_published", "text", "When it was first carried."),
        ("last_published", "text", "When it was last carried."),
        ("via", "text", "The first carrier's chain from the speaker outward, joined by \" → \"."),
        ("carriers_json", "text", "Every carrier in order as JSON [{document_id, claim_id, url, outlet, published}]."),
        ("variants_json", "text", "The wordings that differ from the statement's, as JSON [{content, documents, "
                                  "changes}]."),
    ),
    label="content",
    facets=("speaker", "kind", "first_outlet"),
    needs_store=True,
)

ENTITIES = Table(
    "entities",
    "Entities",
    "One row per entity in a document (a person, organisation or place), with the corpus entity it was resolved to.",
    _cols(
        ("document_id", "text", "The document it is named in."),
        ("local_id", "text", "The entity's id inside its document."),
        ("entity_id", "integer", "The entity across the corpus (every document naming the same one shares it)."),
        ("name", "text", "Its name, as the document gives it in full."),
        ("type", "text", "PERSON, ORG, GPE, NORP…"),
        ("aliases", "text", "Other names it goes by in the document, separated by \"; \"."),
        ("aliases_json", "text", "Its aliases as a JSON array."),
        ("titles", "text", "The titles given to it (\"President\"), separated by \"; \"."),
        ("titles_json", "text", "Its titles as a JSON array."),
        ("mentions", "integer", "How many times the document names it."),
        *_DOCUMENT_REF,
    ),
    label="name",
    facets=("type", "outlet"),
)

MENTIONS = Table(
    "mentions",
    "Mentions",
    "One row per mention of an entity in a document's text, with its offsets.",
    _cols(
        ("document_id", "text", "The document."),
        ("local_id", "text", "The entity's id inside the document."),
        ("entity_id", "integer", "The entity across the corpus."),
        ("name", "text", "The entity's name."),
        ("type", "text", "The entity's type."),
        ("text", "text", "The words of the mention."),
        ("span_start", "integer", "Where the mention starts in the document's text."),
        ("span_end", "integer", "Where it ends."),
    ),
    label="text",
    facets=("type",),
)

EVENTS = Table(
    "events",
    "Events",
    "One row per event in a document (PLOVER type): who did what to whom, when and where.",
    _cols(
        ("document_id", "text", "The document."),
        ("event_id", "text", "The event's id inside its document."),
        ("type", "text", "PLOVER type: AGREE, CONSULT, SUPPORT, ACCUSE, THREATEN, PROTEST, ASSAULT…"),
        ("trigger", "text", "The words that tell the event (\"extend … strike\")."),
        ("actor", "text", "Who acted: the name of the actor's entity, else the words naming it."),
        ("actor_local_id", "text", "The actor's entity id inside the document, when it is one."),
        ("actor_entity_id", "integer", "The actor's entity in the corpus."),
        ("recipient", "text", "Who it was done to."),
        ("recipient_local_id", "text", "The recipient's entity id inside the document, when it is one."),
        ("recipient_entity_id", "integer", "The recipient's entity in the corpus."),
        ("occurred_on", "text", "When it happened, as the text dates it."),
        ("event_day", "text", "Its day: occurred_on, else the article's day (YYYY-MM-DD)."),
        ("place", "text", "Where it happened."),
        ("about", "text", "The type of the act a threat, demand or refusal is about."),
        ("negated", "boolean", "The text says it did not happen."),
        ("hypothetical", "boolean", "Only possible, conditional or asked about."),
        ("event_rank", "integer", "1 for the main event of its sentence."),
        ("confidence", "real", "How sure the reading is (0–1)."),
        ("asserted_by", "text", "The claim (its id in the document) that asserts it, when it is only claimed."),
        ("span_start", "integer", "Where it is told in the document's text."),
        ("span_end", "integer", "Where that ends."),
        *_DOCUMENT_REF,
    ),
    label="type",
    facets=("type", "negated", "hypothetical"),
)

TIMEXES = Table(
    "timexes",
    "Time expressions",
    "One row per time expression in a document (TIMEX3 style).",
    _cols(
        ("document_id", "text", "The document."),
        ("position", "integer", "Its order in the document."),
        ("text", "text", "The words (\"last Tuesday\")."),
        ("type", "text", "DATE, TIME, DURATION or SET."),
        ("value", "text", "Its normalised value: 2024, 2024-06, 2024-11-29, 2024-W48, P1M…"),
        ("anchor", "text", "What it was resolved against."),
        ("span_start", "integer", "Where it starts in the document's text."),
        ("span_end", "integer", "Where it ends."),
    ),
    label="text",
    facets=("type",),
)

NETWORK = Table(
    "network",
    "Speaker network",
    "Edges of who speaks to whom and through whom, an edge list Gephi and networkx open: "
    "'addresses' goes from a speaker to their addressee, 'via' from a speaker to the first carrier "
    "and from each carrier to the next.",
    _cols(
        ("source", "text", "Where the edge starts: a speaker, or a carrier."),
        ("target", "text", "Where it ends: an addressee, or the next carrier."),
        ("relation", "text", "addresses or via."),
        ("speaker", "text", "Whose claims the edge is made of (empty for a carrier passing claims on to the next)."),
        ("speaker_entity_id", "integer", "The speaker's entity in the corpus."),
        ("addressee", "text", "The addressee (for 'addresses' edges)."),
        ("via", "text", "The speaker's whole chain of carriers (for a speaker's 'via' edge), joined by \" → \"."),
        ("speakers", "integer", "How many speakers' claims pass along the edge."),
        ("claims", "integer", "Claims behind the edge (every copy counts)."),
        ("statements", "integer", "Statements behind the edge (copies counted once)."),
        ("documents", "integer", "Documents behind the edge."),
        ("weight", "integer", "The edge's weight for Gephi: statements when known, else claims."),
        ("first_day", "text", "The first claim's day."),
        ("last_day", "text", "The last claim's day."),
    ),
    label="source",
    facets=("relation", "speaker"),
    needs_store=True,
)

TABLES: dict[str, Table] = {
    t.name: t for t in (DOCUMENTS, CLAIMS, STATEMENTS, ENTITIES, MENTIONS, EVENTS, TIMEXES, NETWORK)
}

#: the tables reading_rows() fills from one reading
PER_READING = ("documents", "claims", "entities", "mentions", "events", "timexes")

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def day_of(value: Any) -> str | None:
    """The YYYY-MM-DD a value starts with, when it is a real day."""
    import datetime as dt

    if isinstance(value, str) and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def outlet_of(url: str | None, publisher: str | None = None) -> str | None:
    """The outlet of an article: the page's publisher, else the known name of its site, else its host."""
    if publisher:
        return publisher
    if not url or "//" not in url:
        return None
    from ..extract.meta import host_publisher  # the table of known hosts; loaded on first use

    known = host_publisher(url)
    if known:
        return known
    host = url.split("//", 1)[1].split("/", 1)[0].split("@")[-1].split(":")[0].lower().rstrip(".")
    return host.removeprefix("www.") or None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _strings(value: Any) -> list[str]:
    return [str(v) for v in value or [] if v is not None and str(v).strip()] if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return _json(value)


def span_of(value: Any) -> tuple[int | None, int | None]:
    """A reading's ``[start, end]`` as two ints, or (None, None) when it is not one."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        try:
            return int(value[0]), int(value[1])
        except (TypeError, ValueError):
            pass
    return None, None


def numbered(items: Any, prefix: str) -> Iterable[tuple[str, dict[str, Any]]]:
    """A reading's claims or events with their document-local ids, once each; odd items skipped
    (the store and the flat tables number them alike)."""
    seen: set[str] = set()
    for i, item in enumerate(items or []):
        if not isinstance(item, dict):
            continue
        lid = str(item.get("id") if item.get("id") is not None else f"{prefix}{i}")
        if lid not in seen:
            seen.add(lid)
            yield lid, item


def _named(names: dict[str, str], ref: Any, words: Any) -> str | None:
    """An entity named by its local id (its name), else the words of the text, else the value itself."""
    ref = _text(ref)
    if ref and ref in names:
        return names[ref]
    return _text(words) or ref


def reading_rows(reading: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """One reading (the JSON object of ``dateline read --json``) → ``{table: [row, ...]}`` for
    documents, claims, entities, mentions, events and timexes. Pure; store-only columns are None."""
    r = reading
    source = r.get("source") or {}
    url = r.get("url") or source.get("url")
    outlet = outlet_of(url, r.get("publisher"))
    published = r.get("published")
    day = day_of(published)
    text = r.get("text") or ""
    dl = r.get("dateline") or {}
    err = r.get("error") or {}
    authors = _strings((r.get("byline") or {}).get("authors"))
    agencies = _strings(r.get("agencies"))
    failed = bool(err) and not err.get("partial")
    ref = {"url": url, "outlet": outlet, "published": published}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in PER_READING}
    doc_id = r.get("id")

    # entities first: claims and events name them by their local ids
    names: dict[str, str] = {}
    for i, e in enumerate(r.get("entities") or []):
        if not isinstance(e, dict) or not (e.get("name") or e.get("aliases")):
            continue
        lid = str(e.get("id") if e.get("id") is not None else f"e{i}")
        if lid in names:
            continue
        name = e.get("name") or (_strings(e.get("aliases")) or [""])[0]
        names[lid] = name
        mentions = [span_of(m) for m in e.get("mentions") or []]
        mentions = [(s, t) for s, t in mentions if s is not None]
        aliases, titles = _strings(e.get("aliases")), _strings(e.get("titles"))
        out["entities"].append({
            "document_id": doc_id, "local_id": lid, "entity_id": None, "name": name, "type": e.get("type"),
            "aliases": LIST_SEPARATOR.join(aliases), "aliases_json": _json(aliases),
            "titles": LIST_SEPARATOR.join(titles), "titles_json": _json(titles), "mentions": len(mentions), **ref,
        })
        for s, t in mentions:
            out["mentions"].append({
                "document_id": doc_id, "local_id": lid, "entity_id": None, "name": name, "type": e.get("type"),
                "text": text[s:t] if 0 <= s <= t <= len(text) else None, "span_start": s, "span_end": t,
            })

    for lid, c in numbered(r.get("claims"), "c"):
        speaker = c.get("speaker")
        s, t = span_of(c.get("span"))
        channel = c.get("channel") if isinstance(c.get("channel"), dict) else None
        via = _strings(c.get("via"))
        out["claims"].append({
            "document_id": doc_id, "claim_id": lid, "statement_id": None, "kind": c.get("kind"),
            "speaker": names.get(str(speaker)) if speaker is not None and str(speaker) in names
            else c.get("speaker_text"),
            "speaker_entity_id": None,
            "speaker_local_id": str(speaker) if speaker is not None else None,
            "speaker_text": c.get("speaker_text"), "source_kind": c.get("source_kind"), "cue": c.get("cue"),
            "addressee": _named(names, c.get("addressee"), c.get("addressee_text")), "content": c.get("content"),
            "channel_kind": (channel or {}).get("kind"), "channel_outlet": (channel or {}).get("outlet"),
            "channel_platform": (channel or {}).get("platform"),
            "channel_json": _json(channel) if channel else None,
            "via": VIA_SEPARATOR.join(via) or None, "via_json": _json(via),
            "said_on": _text(c.get("said_on")), "reported_on": _text(c.get("reported_on")),
            "claim_day": day_of(c.get("said_on")) or day_of(c.get("reported_on")) or day,
            "span_start": s, "span_end": t, "quotes_json": _json(c.get("quotes") or []),
            **ref, "title": r.get("title"),
        })

    for lid, ev in numbered(r.get("events"), "v"):
        s, t = span_of(ev.get("span"))
        actor, recipient = _text(ev.get("actor")), _text(ev.get("recipient"))
        rank = ev.get("rank")
        conf = ev.get("confidence")
        out["events"].append({
            "document_id": doc_id, "event_id": lid, "type": ev.get("type"),
            "trigger": _text(ev.get("trigger")),
            "actor": _named(names, actor, ev.get("actor_text")),
            "actor_local_id": actor if actor in names else None, "actor_entity_id": None,
            "recipient": _named(names, recipient, ev.get("recipient_text")),
            "recipient_local_id": recipient if recipient in names else None, "recipient_entity_id": None,
            "occurred_on": _text(ev.get("when")), "event_day": day_of(ev.get("when")) or day,
            "place": _text(ev.get("where") or ev.get("where_text")), "about": _text(ev.get("about")),
            "negated": None if ev.get("negated") is None else bool(ev.get("negated")),
            "hypothetical": None if ev.get("hypothetical") is None else bool(ev.get("hypothetical")),
            "event_rank": rank if isinstance(rank, int) and not isinstance(rank, bool) else None,
            "confidence": float(conf) if isinstance(conf, (int, float)) and not isinstance(conf, bool) else None,
            "asserted_by": _text(ev.get("asserted_by")), "span_start": s, "span_end": t, **ref,
        })

    for i, tx in enumerate(r.get("timexes") or []):
        if not isinstance(tx, dict):
            continue
        s, t = span_of(tx.get("span"))
        out["timexes"].append({
            "document_id": doc_id, "position": i, "text": tx.get("text"), "type": tx.get("type"),
            "value": _text(tx.get("value")), "anchor": _text(tx.get("anchor")), "span_start": s, "span_end": t,
        })

    out["documents"].append({
        "document_id": doc_id, "url": url, "outlet": outlet, "title": r.get("title"), "published": published,
        "published_day": day, "section": r.get("section"), "language": r.get("language"),
        "dateline_place": dl.get("place"), "dateline_agency": dl.get("agency"),
        "authors": LIST_SEPARATOR.join(authors), "authors_json": _json(authors),
        "agencies": LIST_SEPARATOR.join(agencies), "agencies_json": _json(agencies),
        "source_path": source.get("path"), "source_format": source.get("format"),
        "source_offset": source.get("offset") if isinstance(source.get("offset"), int) else None,
        "status": "error" if failed else "ok", "error_stage": err.get("stage"), "error_message": err.get("message"),
        "analysis": r.get("analysis"), "dateline_version": r.get("dateline_version"),
        "entities": len(out["entities"]), "claims": len(out["claims"]), "events": len(out["events"]),
        "word_count": len(text.split()), "text": text,
    })
    return out


def network_rows(claim_rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claim rows (``reading_rows(...)["claims"]`` of any number of documents, or the store's) →
    the edges of the speaker network, most weighty first. A claim row's ``statement_id``, when
    set, makes copies of one statement count once in ``statements``."""
    edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}

    def add(source: str, target: str, relation: str, c: dict[str, Any], speaker: str | None,
            extra: dict[str, Any]) -> None:
        key = (source, target, relation, speaker or "")
        e = edges.get(key)
        if e is None:
            e = edges[key] = {
                "source": source, "target": target, "relation": relation, "speaker": speaker,
                "speaker_entity_id": c.get("speaker_entity_id") if speaker else None, "addressee": None,
                "via": None, "_claims": 0, "_statements": set(), "_documents": set(), "_speakers": set(),
                "_days": [], **extra,
            }
        e["_claims"] += 1
        if c.get("statement_id"):
            e["_statements"].add(c["statement_id"])
        e["_documents"].add(c.get("document_id"))
        e["_speakers"].add(c.get("speaker") or c.get("speaker_text"))
        if c.get("claim_day"):
            e["_days"].append(c["claim_day"])

    for c in claim_rows:
        speaker = c.get("speaker") or c.get("speaker_text")
        if not speaker:
            continue
        addressee = c.get("addressee")
        if addressee:
            add(speaker, addressee, "addresses", c, speaker, {"addressee": addressee})
        via = c.get("via_json")
        chain = _strings(json.loads(via)) if isinstance(via, str) and via else _strings(via)
        if chain and chain[0] != speaker:
            # the speaker's first hop is theirs; a carrier passing to the next carries many speakers
            add(speaker, chain[0], "via", c, speaker, {"via": VIA_SEPARATOR.join(chain)})
        for a, b in zip(chain, chain[1:]):
            if a != b:
                add(a, b, "via", c, None, {})
    out = []
    for e in edges.values():
        statements = len(e.pop("_statements"))
        claims = e.pop("_claims")
        days = sorted(e.pop("_days"))
        e["speakers"] = len(e.pop("_speakers"))
        e.update(claims=claims, statements=statements or None, documents=len(e.pop("_documents")),
                 weight=statements or claims, first_day=days[0] if days else None,
                 last_day=days[-1] if days else None)
        out.append({name: e.get(name) for name in NETWORK.names()})
    out.sort(key=lambda e: (-e["weight"], e["relation"], e["source"], e["target"]))
    return out


def conform(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with exactly the columns of ``table``, each cast to its type (None stays None)."""
    out = {}
    for col in TABLES[table].columns:
        v = row.get(col.name)
        if v is not None:
            try:
                if col.type == "integer":
                    v = int(v)
                elif col.type == "real":
                    v = float(v)
                elif col.type == "boolean":
                    v = bool(v)
                elif not isinstance(v, str):
                    v = _json(v)
            except (TypeError, ValueError):
                v = None
        out[col.name] = v
    return out


def arrow_schema(table: str):
    """The pyarrow schema of a table (pyarrow is the ``parquet`` extra: pip install 'dateline[parquet]')."""
    import pyarrow as pa

    types = {"text": pa.string(), "integer": pa.int64(), "real": pa.float64(), "boolean": pa.bool_()}
    t = TABLES[table]
    return pa.schema(
        [pa.field(c.name, types[c.type], nullable=True, metadata={"description": c.description}) for c in t.columns],
        metadata={"table": t.name, "description": t.description},
    )
