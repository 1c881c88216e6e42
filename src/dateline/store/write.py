"""Readings → rows. Called inside one transaction per batch (see Store.transaction)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from ..link.dedupe import Fingerprint
from ..link.versions import split_title, title_key, url_key
from ..model import Reading
from .entities import name_key, resolve
from .tables import day_of, numbered, outlet_of, span_of


Outcome = Literal["added", "duplicate", "error"]


@dataclass(slots=True)
class Processed:
    """What a worker hands back for one page: its reading and what linking needs of it."""

    reading: Reading
    content_hash: str
    fingerprint: Fingerprint | None = None


@dataclass(slots=True)
class Written:
    outcome: Outcome
    document_id: str
    new_version: bool = False
    seq: int | None = None



def known(conn: sqlite3.Connection, content_hash: str) -> bool:
    """Is this content stored already (and not as a failure worth trying again)?"""
    row = conn.execute(
        "SELECT 1 FROM documents d WHERE d.content_hash = ? AND (d.status = 'ok' OR EXISTS "
        "(SELECT 1 FROM articles a WHERE a.seq = d.seq)) LIMIT 1",
        (content_hash,),
    ).fetchone()
    return row is not None


def write(conn: sqlite3.Connection, item: Processed, run_id: int | None, now: str) -> Written:
    reading = item.reading
    if known(conn, item.content_hash):
        return Written("duplicate", reading.id)
    # a failure of the same content (or id) from an earlier run is replaced by this attempt
    for row in conn.execute(
        "SELECT id FROM documents WHERE content_hash = ? OR (id = ? AND status = 'error')",
        (item.content_hash, reading.id),
    ).fetchall():
        delete(conn, row[0])
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (reading.id,)).fetchone():
        # another content under the same id (a crawler's id reused): the content hash names it
        reading.id = item.content_hash
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (reading.id,)).fetchone():
            return Written("duplicate", reading.id)
    rid = reading.id
    ukey = url_key(reading.url or reading.source.url)
    failed = reading.error is not None and not reading.error.partial  # a page read in part is kept
    status = "error" if failed else "ok"
    new_version = False
    if ukey and status == "ok":
        new_version = (
            conn.execute(
                "SELECT 1 FROM documents WHERE url_key = ? AND status = 'ok' AND content_hash != ? LIMIT 1",
                (ukey, item.content_hash),
            ).fetchone()
            is not None
        )
    cur = conn.execute(
        "INSERT INTO documents (id, content_hash, url, url_key, source_path, source_format, source_offset, "
        "status, error_stage, error_message, run_id, ingested_at, reading) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            rid,
            item.content_hash,
            reading.url or reading.source.url,
            ukey,
            reading.source.path,
            reading.source.format,
            reading.source.offset,
            status,
            reading.error.stage if reading.error else None,
            reading.error.message if reading.error else None,
            run_id,
            now,
            json.dumps(reading.to_dict(), ensure_ascii=False),
        ),
    )
    seq = int(cur.lastrowid)  # type: ignore[arg-type]
    if reading.text:
        new_version |= _article(conn, seq, reading, item)
        stored: list[tuple[str, str | None]] = []
        local = _entities(conn, reading, stored)
        _story_features(conn, seq, reading, stored)
        _claims(conn, reading, local)
        _events(conn, reading, local)
        _timexes(conn, reading)
        fp = item.fingerprint
        if fp is not None:
            conn.execute(
                "INSERT INTO fingerprints (document_id, text_hash, shingles, signature) VALUES (?,?,?,?)",
                (rid, fp.text_hash, fp.shingles, fp.signature_bytes()),
            )
    return Written("error" if failed else "added", rid, new_version, seq)


def _article(conn: sqlite3.Connection, seq: int, r: Reading, item: Processed) -> bool:
    base, label = split_title(r.title)
    tkey = title_key(base)
    from ..link.dedupe import text_hash

    thash = item.fingerprint.text_hash if item.fingerprint else text_hash(r.text)
    conn.execute(
        "INSERT INTO articles (seq, document_id, title, base_title, title_key, version_label, section, published, "
        "published_day, language, dateline_place, dateline_agency, authors, agencies, text, text_hash, word_count, outlet) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            seq,
            r.id,
            r.title,
            base,
            tkey,
            label,
            r.section,
            r.published,
            day_of(r.published),
            r.language,
            r.dateline.place if r.dateline else None,
            r.dateline.agency if r.dateline else None,
            json.dumps(r.byline.authors, ensure_ascii=False),
            json.dumps(r.agencies, ensure_ascii=False),
            r.text,
            thash,
            len(r.text.split()),
            outlet_of(r.url or r.source.url, r.publisher),
        ),
    )
    conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (seq, r.title or "", r.text))
    outlet = outlet_of(r.url or r.source.url, r.publisher)
    conn.execute("UPDATE documents SET label = ? WHERE seq = ?",
                 ((r.title or "(no title)") + (f" — {outlet}" if outlet else ""), seq))
    if label and tkey:
        return (
            conn.execute(
                "SELECT 1 FROM articles WHERE title_key = ? AND seq != ? AND coalesce(version_label, '') != ? LIMIT 1",
                (tkey, seq, label),
            ).fetchone()
            is not None
        )
    return False


def _story_features(conn: sqlite3.Connection, seq: int, r: Reading,
                    entities: list[tuple[str, str | None]] | None = None) -> None:
    """Keep the article's story feature keys (``entities``: the (name, type) of its entities as
    just stored; else they are read from the store): linking reads them."""
    from .groups import save_story_features, story_title

    save_story_features(conn, [(seq, r.id, story_title(r.title, split_title(r.title)[0]), r.text[:600])], entities)


def _entities(conn: sqlite3.Connection, r: Reading, stored: list[tuple[str, str | None]] | None = None) -> dict[str, int]:
    """The reading's entities into the store (``stored`` gets the name and type of each row)."""
    local: dict[str, int] = {}
    merged: dict[int, int] = {}  # corpus entities taken over while this reading was resolved
    for i, e in enumerate(r.entities):
        if not isinstance(e, dict) or not (e.get("name") or e.get("aliases")):
            continue
        lid = str(e.get("id") if e.get("id") is not None else f"e{i}")
        if lid in local:
            continue
        eid = resolve(conn, e, merged, r.id)
        local[lid] = eid
        mentions = [m for m in e.get("mentions") or [] if isinstance(m, (list, tuple)) and len(m) == 2]
        conn.execute(
            "INSERT INTO document_entities (document_id, local_id, entity_id, name, type, titles) VALUES (?,?,?,?,?,?)",
            (r.id, lid, eid, e.get("name") or "", e.get("type"), json.dumps(e.get("titles") or [], ensure_ascii=False)),
        )
        if stored is not None:
            stored.append((e.get("name") or "", e.get("type")))
        conn.executemany(
            "INSERT INTO mentions (document_id, local_id, entity_id, span_start, span_end) VALUES (?,?,?,?,?) "
            "ON CONFLICT DO NOTHING",
            [(r.id, lid, eid, int(s), int(t)) for s, t in mentions],
        )
        conn.execute(
            "UPDATE entities SET documents = documents + 1, mentions = mentions + ? WHERE id = ?", (len(mentions), eid)
        )
    return {lid: merged.get(eid, eid) for lid, eid in local.items()}


def _claims(conn: sqlite3.Connection, r: Reading, local: dict[str, int]) -> None:
    published_day = day_of(r.published)
    for lid, c in numbered(r.claims, "c"):
        speaker = c.get("speaker")
        s, e = span_of(c.get("span"))
        day = day_of(c.get("said_on")) or day_of(c.get("reported_on")) or published_day
        cur = conn.execute(
            "INSERT INTO claims (document_id, local_id, kind, speaker_local_id, speaker_entity_id, speaker_text, "
            "speaker_key, cue, addressee, content, span_start, span_end, quotes, via, said_on, reported_on, claim_day, "
            "source_kind, channel, channel_kind, outlet) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                r.id,
                lid,
                c.get("kind"),
                str(speaker) if speaker is not None else None,
                local.get(str(speaker)) if speaker is not None else None,
                c.get("speaker_text"),
                name_key(c.get("speaker_text")) or None,
                c.get("cue"),
                _text(c.get("addressee")),
                c.get("content"),
                s,
                e,
                json.dumps(c.get("quotes") or []),
                json.dumps(c.get("via") or [], ensure_ascii=False),
                c.get("said_on"),
                c.get("reported_on"),
                day,
                c.get("source_kind"),
                json.dumps(c["channel"], ensure_ascii=False) if c.get("channel") else None,
                *_channel_and_outlet(c),
            ),
        )
        conn.execute(
            "INSERT INTO claims_fts (rowid, content, speaker_text) VALUES (?, ?, ?)",
            (cur.lastrowid, c.get("content") or "", c.get("speaker_text") or ""),
        )


def _channel_and_outlet(c: dict[str, Any]) -> tuple[str | None, str | None]:
    """A claim's channel kind and its publisher (the last hop of ``via``), as text or None:
    the columns lists and facets filter on (migration 8 fills them the same way)."""
    channel, via = c.get("channel"), c.get("via")
    kind = channel.get("kind") if isinstance(channel, dict) else None
    last = via[-1] if isinstance(via, (list, tuple)) and via else None
    return (kind if isinstance(kind, str) else None), (last if isinstance(last, str) else None)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _events(conn: sqlite3.Connection, r: Reading, local: dict[str, int]) -> None:
    published_day = day_of(r.published)
    for lid, ev in numbered(r.events, "v"):
        s, e = span_of(ev.get("span"))
        actor, recipient = _text(ev.get("actor")), _text(ev.get("recipient"))
        conn.execute(
            "INSERT INTO events (document_id, local_id, type, actor, actor_entity_id, recipient, recipient_entity_id, "
            "occurred_on, place, span_start, span_end, asserted_by, event_day, about, negated, hypothetical, "
            "event_rank, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                r.id,
                lid,
                ev.get("type"),
                actor,
                _entity_of(conn, actor, local),
                recipient,
                _entity_of(conn, recipient, local),
                _text(ev.get("when")),
                _text(ev.get("where")),
                s,
                e,
                _text(ev.get("asserted_by")),
                day_of(ev.get("when")) or published_day,
                _text(ev.get("about")),
                _flag(ev.get("negated")),
                _flag(ev.get("hypothetical")),
                ev.get("rank") if isinstance(ev.get("rank"), int) else None,
                ev.get("confidence") if isinstance(ev.get("confidence"), (int, float)) else None,
            ),
        )


def _flag(value: object) -> int | None:
    return None if value is None else int(bool(value))


def _entity_of(conn: sqlite3.Connection, value: str | None, local: dict[str, int]) -> int | None:
    """An event's actor is a reading's entity id, or a name: find its corpus entity either way."""
    if not value:
        return None
    if value in local:
        return local[value]
    key = name_key(value)
    row = conn.execute(
        "SELECT entity_id FROM entity_aliases WHERE alias_key = ? ORDER BY entity_id LIMIT 1", (key,)
    ).fetchone()
    return int(row[0]) if row else None


def _timexes(conn: sqlite3.Connection, r: Reading) -> None:
    rows = []
    for i, t in enumerate(r.timexes):
        if not isinstance(t, dict):
            continue
        s, e = span_of(t.get("span"))
        rows.append((r.id, i, t.get("text"), t.get("type"), _text(t.get("value")), _text(t.get("anchor")), s, e))
    conn.executemany(
        "INSERT INTO timexes (document_id, position, text, type, value, anchor, span_start, span_end) "
        "VALUES (?,?,?,?,?,?,?,?)",
        rows,
    )


def clear_analysis(conn: sqlite3.Connection, document_id: str) -> None:
    """Remove what analysis found in a document (its entities, claims, events, time
    expressions and their statements), keeping the document and its article: before re-analysis."""
    from .statements import forget

    forget(conn, document_id)
    _clear_found(conn, document_id)
    for table in ("timexes", "events", "claims", "mentions", "document_entities"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))


def write_analysis(conn: sqlite3.Connection, reading: Reading) -> None:
    """Store a document's new analysis (after :func:`clear_analysis`): entities, claims, events, timexes."""
    local = _entities(conn, reading)
    _claims(conn, reading, local)
    _events(conn, reading, local)
    _timexes(conn, reading)
    conn.execute("UPDATE articles SET language = ? WHERE document_id = ?", (reading.language, reading.id))
    row = conn.execute("SELECT seq FROM articles WHERE document_id = ?", (reading.id,)).fetchone()
    if row and reading.text:
        _story_features(conn, int(row[0]), reading)  # its entities changed


def _clear_found(conn: sqlite3.Connection, document_id: str) -> None:
    """Take a document's claims out of the full-text index and its mentions out of the entity counts."""
    for seq, content, speaker in conn.execute(
        "SELECT seq, content, speaker_text FROM claims WHERE document_id = ?", (document_id,)
    ).fetchall():
        conn.execute(
            "INSERT INTO claims_fts (claims_fts, rowid, content, speaker_text) VALUES ('delete', ?, ?, ?)",
            (seq, content or "", speaker or ""),
        )
    for eid, n in conn.execute(
        "SELECT de.entity_id, (SELECT count(*) FROM mentions m WHERE m.document_id = de.document_id "
        "AND m.local_id = de.local_id) FROM document_entities de WHERE de.document_id = ?",
        (document_id,),
    ).fetchall():
        conn.execute("UPDATE entities SET documents = documents - 1, mentions = mentions - ? WHERE id = ?", (n, eid))


def delete(conn: sqlite3.Connection, document_id: str) -> None:
    """Remove a document and everything found in it (a failed attempt being replaced)."""
    from .linking import unlink_near
    from .statements import forget

    unlink_near(conn, document_id)
    forget(conn, document_id)
    art = conn.execute("SELECT seq, title, text FROM articles WHERE document_id = ?", (document_id,)).fetchone()
    if art:
        conn.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
            (art[0], art[1] or "", art[2]),
        )
        conn.execute("DELETE FROM story_features WHERE seq = ?", (art[0],))
    _clear_found(conn, document_id)
    for table in ("group_members", "fingerprints", "timexes", "events", "claims", "mentions", "document_entities", "articles"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM links WHERE a = ? OR b = ?", (document_id, document_id))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
