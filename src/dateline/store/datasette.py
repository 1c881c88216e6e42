"""Datasette's metadata for a store: titles, column descriptions, labels, facets, full-text search.

``dateline datasette-metadata --db news.db`` writes ``news.metadata.json`` beside the store;
then ``datasette news.db -m news.metadata.json`` browses it: articles and claims searchable with
Datasette's own ``_search`` (their FTS5 tables are declared with ``content="…"``, as Datasette
detects them, and named here too), documents shown by their title and outlet, the bookkeeping
tables hidden. Column descriptions come from store/tables.py where a column has the same name.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from . import tables as flat

#: store tables people look at: title, description, label column, facets, search, sort
TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "title": "Documents",
        "description": "Every document ingested, read or not; the whole reading is kept as JSON in `reading`.",
        "label_column": "label", "facets": ["status", "source_format", "error_stage"], "sort_desc": "seq",
    },
    "articles": {
        "title": "Articles",
        "description": "The clean article of each document read: metadata and text. Search it with the box above.",
        "label_column": "title", "facets": ["outlet", "language", "section", "published_day"],
        "fts_table": "articles_fts", "fts_pk": "seq", "sort_desc": "published",
    },
    "claims": {
        "title": "Claims",
        "description": "Who said what, one row per copy in a document; `statements` counts each once.",
        "label_column": "content", "facets": ["kind", "source_kind", "speaker_entity_id", "claim_day"],
        "fts_table": "claims_fts", "fts_pk": "seq",
    },
    "statements": {
        "title": "Statements",
        "description": "One claim by one speaker counted once, however many documents carry it.",
        "label_column": "content", "facets": ["speaker_entity_id", "kind", "said_on"], "sort_desc": "carriers",
    },
    "statement_members": {
        "title": "Statement members",
        "description": "Which claim (a copy in one document) belongs to which statement.",
        "facets": ["statement_id"],
    },
    "entities": {
        "title": "Entities",
        "description": "People, organisations and places across the corpus: every document naming one shares it.",
        "label_column": "name", "facets": ["type"], "sort_desc": "documents",
    },
    "entity_aliases": {"title": "Entity aliases", "description": "Every name an entity was found under."},
    "document_entities": {
        "title": "Entities in documents", "description": "Each document's entities and the corpus entity each is.",
        "label_column": "name", "facets": ["type"],
    },
    "mentions": {"title": "Mentions", "description": "Where each entity is named in its document's text."},
    "events": {
        "title": "Events", "description": "Who did what to whom, when and where (PLOVER types).",
        "label_column": "type", "facets": ["type", "negated", "hypothetical", "event_day"],
    },
    "timexes": {"title": "Time expressions", "description": "Dates and times in the texts (TIMEX3 values).",
                "facets": ["type"]},
    "groups": {
        "title": "Groups", "description": "Exact copies, syndicated wire copies, versions and stories.",
        "label_column": "title", "facets": ["kind"],
    },
    "group_members": {"title": "Group members", "description": "The documents of each group, in order."},
    "links": {"title": "Links", "description": "Pairs of documents: near-duplicate text, versions, one story.",
              "facets": ["kind"]},
    "runs": {"title": "Runs", "description": "Each ingest: when, what it was given, whether it analysed."},
}

#: bookkeeping that helps no one browsing
HIDDEN = ("meta", "schema_migrations", "fingerprints", "lsh_bands", "entity_keys", "articles_fts", "claims_fts")
_FTS_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")

#: store columns whose names the flat tables do not share (or mean otherwise)
COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "seq": "Order of arrival.", "id": "The document's id: a hash of its normalised source.",
        "content_hash": "Hash of the raw content: the same content is stored once.",
        "url_key": "The address without scheme, www., fragment and trailing slash.",
        "run_id": "The ingest that stored it.", "ingested_at": "When it was stored.",
        "reading": "The whole reading as JSON, as `dateline read --json` prints it.",
        "label": "Its title and outlet.",
    },
    "articles": {
        "seq": "The document's order of arrival.", "base_title": "The title without a wire version label.",
        "title_key": "The base title's words, lower case: versions share it.",
        "version_label": "A wire version label (\"1st LD\", \"UPDATE 2\").", "authors": "The byline's authors (JSON).",
        "agencies": "The agencies credited (JSON).", "text_hash": "Hash of the text's words: exact copies share it.",
    },
    "claims": {
        "seq": "The claim's number in the store.", "local_id": "The claim's id inside its document.",
        "speaker_key": "The words naming the speaker, lower case.", "quotes": "The quoted parts (JSON spans).",
        "via": "The carriers from the speaker outward (JSON).", "channel": "The channel (JSON {kind, outlet, platform}).",
    },
    "statements": {
        "id": "The statement's id.", "speaker_key": "The words naming the speaker, lower case (unresolved speakers).",
        "speaker_name": "Who said it.", "first_day": "The earliest copy's day.", "last_day": "The latest copy's day.",
        "variants_json": "The wordings other than its own, with what changed (JSON).",
    },
    "runs": {"analysis": "1: entities and claims were looked for.", "inputs": "What the ingest was given (JSON)."},
    "entities": {"name_key": "The name as it is matched: lower case, no punctuation.",
                 "documents": "Documents naming it.", "mentions": "Times it is named."},
}


def _descriptions(table: str, columns: list[str]) -> dict[str, str]:
    out = {}
    own = COLUMNS.get(table, {})
    shared = {}
    for t in ([table] if table in flat.TABLES else []) + list(flat.TABLES):
        for c in flat.TABLES[t].columns:
            shared.setdefault(c.name, c.description)
    for col in columns:
        text = own.get(col) or shared.get(col)
        if text:
            out[col] = text
    return out


def metadata(conn, name: str) -> dict[str, Any]:
    """Datasette metadata for the store behind ``conn``, whose database Datasette calls ``name``
    (the file name without .db)."""
    present = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    tables: dict[str, Any] = {}
    for table in present:
        if table in HIDDEN or any(table.endswith(s) and table[: -len(s)] in HIDDEN for s in _FTS_SHADOWS):
            tables[table] = {"hidden": True}
            continue
        spec = dict(TABLES.get(table, {}))
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        spec["facets"] = [f for f in spec.get("facets", []) if f in cols]
        if spec.get("label_column") not in cols:
            spec.pop("label_column", None)
        if spec.get("fts_table") and spec["fts_table"] not in present:
            spec.pop("fts_table", None)
            spec.pop("fts_pk", None)
        descriptions = _descriptions(table, cols)
        if descriptions:
            spec["columns"] = descriptions
        tables[table] = spec
    return {
        "title": "dateline: a news evidence base",
        "description": "Articles, who said what to whom and through whom, dated events, and how articles relate. "
                       "Made by dateline; docs/schema.md describes every table.",
        "databases": {name: {"tables": tables}},
    }


def metadata_path(db: str | os.PathLike[str]) -> Path:
    """Where the metadata of a store goes: beside it, ``news.db`` → ``news.metadata.json``."""
    p = Path(db)
    return p.with_name(p.stem + ".metadata.json")


def write_metadata(conn, db: str | os.PathLike[str], out: str | os.PathLike[str] | None = None) -> Path:
    """Write the metadata beside the store (or to ``out``); returns the file written."""
    from .export import replaced_atomically

    target = Path(out) if out else metadata_path(db)
    data = metadata(conn, Path(db).stem)
    with replaced_atomically(str(target)) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return target
