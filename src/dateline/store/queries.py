"""Questions to the store. Every function returns plain dicts, ready for JSON."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from . import fts
from .entities import describe, lookup, name_key

#: snippet markers around the words that matched
MARK_START, MARK_END = "<b>", "</b>"


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching a query (see fts.py for its syntax), best first, with a snippet."""
    expr = fts.to_fts(query)
    if expr is None:
        return []
    # ranked first, snippets only for the rows shown: in one query SQLite made a snippet for
    # every match before sorting (most of the time of a query of common words)
    rows = conn.execute(
        "WITH top AS (SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?) "
        "SELECT a.document_id, a.title, d.url, a.published, "
        f"snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 16) AS snippet, top.rank AS rank "
        "FROM top JOIN articles_fts ON articles_fts.rowid = top.rowid JOIN articles a ON a.seq = top.rowid "
        "JOIN documents d ON d.seq = a.seq WHERE articles_fts MATCH ? ORDER BY top.rank",
        (expr, max(0, int(limit)), expr),
    ).fetchall()
    return [
        {
            "document_id": r["document_id"],
            "title": r["title"],
            "url": r["url"],
            "published": r["published"],
            "snippet": r["snippet"],
            "score": round(-r["rank"], 4),
        }
        for r in rows
    ]


_CLAIM_COLUMNS = (
    "c.document_id, c.local_id, c.kind, c.speaker_local_id, c.speaker_entity_id, c.speaker_text, c.cue, "
    "c.addressee, c.content, c.span_start, c.span_end, c.quotes, c.via, c.said_on, c.reported_on, c.claim_day, "
    "c.source_kind, c.channel, e.name AS speaker_name, a.title, d.url, a.published"
)


def claims(
    conn: sqlite3.Connection,
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Who said what: claims by a speaker (a name or alias), about something (a search query),
    said (or else reported, or else published) within [since, until]. Oldest first."""
    found = claim_filter(conn, speaker, about)
    if found is None:
        return []
    where, args = found
    ids = lookup(conn, speaker) if speaker else []
    if since:
        where.append("c.claim_day >= ?")
        args.append(since[:10])
    if until:
        where.append("c.claim_day <= ?")
        args.append(until[:10])
    sql = (
        f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id "
        "LEFT JOIN articles a ON a.document_id = c.document_id LEFT JOIN entities e ON e.id = c.speaker_entity_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.claim_day IS NULL, c.claim_day, d.seq, c.span_start"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(int(limit))
    out = [_claim(r) for r in conn.execute(sql, args)]
    if speaker:
        matched = {m["id"]: m for m in describe(conn, ids)}
        for c in out:
            m = matched.get(c["speaker_entity"])
            c["matched_entity"] = {"id": m["id"], "name": m["name"]} if m else None
    return out


def claim_filter(
    conn: sqlite3.Connection, speaker: str | None, about: str | None
) -> tuple[list[str], list[Any]] | None:
    """The conditions on claims (alias ``c``) for a speaker and a subject, and their arguments;
    None when the subject has nothing to look for (no claim can match)."""
    where: list[str] = []
    args: list[Any] = []
    if speaker:
        ids = lookup(conn, speaker)
        # the speaker as written, and every spelling of the entities it names (a claim whose
        # speaker the reading left unresolved is still found by "Noem" and by "Kristi Noem")
        keys = [name_key(speaker), *_alias_keys(conn, ids)]
        cond = "(" + " OR ".join(["' ' || coalesce(c.speaker_key, '') || ' ' LIKE ? ESCAPE '\\'"] * len(keys))
        args.extend("% " + k.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %" for k in keys)
        if ids:
            cond += f" OR c.speaker_entity_id IN ({','.join('?' * len(ids))})"
            args.extend(ids)
        where.append(cond + ")")
    if about:
        expr = fts.to_fts(about)
        if expr is None:
            return None
        where.append("c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        args.append(expr)
    return where, args


def entities_named(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """The corpus entities a name given to a query means, with their aliases, most documents
    first: what ``claims --speaker`` and ``timeline`` matched."""
    return sorted(describe(conn, lookup(conn, name)), key=lambda e: (-e["documents"], e["id"]))


def _alias_keys(conn: sqlite3.Connection, ids: list[int]) -> list[str]:
    """The alias keys of these entities that name no other entity (a shared "Kim" is left out)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT DISTINCT a.alias_key FROM entity_aliases a WHERE a.entity_id IN ({marks}) AND NOT EXISTS "
        f"(SELECT 1 FROM entity_aliases b WHERE b.alias_key = a.alias_key AND b.entity_id NOT IN ({marks}))",
        ids + ids,
    ).fetchall()
    return [r[0] for r in rows if r[0]][:50]


def _claim(r: sqlite3.Row) -> dict[str, Any]:
    span = [r["span_start"], r["span_end"]] if r["span_start"] is not None else None
    return {
        "document_id": r["document_id"],
        "id": r["local_id"],
        "kind": r["kind"],
        "speaker": r["speaker_local_id"],
        "speaker_text": r["speaker_text"],
        "speaker_entity": r["speaker_entity_id"],
        "speaker_name": r["speaker_name"],
        "source_kind": r["source_kind"],
        "cue": r["cue"],
        "addressee": r["addressee"],
        "content": r["content"],
        "span": span,
        "quotes": json.loads(r["quotes"]),
        "channel": json.loads(r["channel"]) if r["channel"] else None,
        "via": json.loads(r["via"]),
        "said_on": r["said_on"],
        "reported_on": r["reported_on"],
        "date": r["claim_day"],
        "title": r["title"],
        "url": r["url"],
        "published": r["published"],
    }


def timeline(conn: sqlite3.Connection, entity: str) -> list[dict[str, Any]]:
    """Dated claims and events of one entity (as speaker, actor or recipient), oldest first."""
    ids = lookup(conn, entity)
    names = {m["id"]: {"id": m["id"], "name": m["name"]} for m in describe(conn, ids)}
    items: list[dict[str, Any]] = []
    for c in claims(conn, speaker=entity):
        items.append({"date": c["date"], "type": "claim", "document_id": c["document_id"], "what": c["content"],
                      "kind": c["kind"], "via": c["via"], "title": c["title"], "claim": c,
                      "matched_entity": c.get("matched_entity")})
    if ids:
        marks = ",".join("?" * len(ids))
        rows = conn.execute(
            "SELECT ev.*, a.title, substr(a.text, ev.span_start + 1, ev.span_end - ev.span_start) AS span_text "
            "FROM events ev LEFT JOIN articles a ON a.document_id = ev.document_id "
            f"WHERE ev.actor_entity_id IN ({marks}) OR ev.recipient_entity_id IN ({marks}) ",
            ids + ids,
        ).fetchall()
        for r in rows:
            items.append({
                "date": r["event_day"], "type": "event", "document_id": r["document_id"],
                "what": r["span_text"] or f"{r['type']}: {r['actor']} → {r['recipient']}",
                "kind": r["type"], "actor": r["actor"], "recipient": r["recipient"], "where": r["place"],
                "asserted_by": r["asserted_by"], "title": r["title"],
                "matched_entity": names.get(r["actor_entity_id"]) or names.get(r["recipient_entity_id"]),
            })
    items.sort(key=lambda i: (i["date"] is None, i["date"] or ""))
    return items


def groups(conn: sqlite3.Connection, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(kinds))
    out = []
    for g in conn.execute(
        f"SELECT * FROM groups WHERE kind IN ({marks}) ORDER BY first_published IS NULL, first_published, id", kinds
    ).fetchall():
        members = conn.execute(
            "SELECT m.document_id, a.title, a.version_label, a.published, d.url, a.dateline_agency "
            "FROM group_members m JOIN documents d ON d.id = m.document_id LEFT JOIN articles a ON a.seq = d.seq "
            "WHERE m.group_id = ? ORDER BY m.position",
            (g["id"],),
        ).fetchall()
        out.append({
            "id": g["id"],
            "kind": g["kind"],
            "title": g["title"],
            "first_published": g["first_published"],
            "last_published": g["last_published"],
            "members": [m["document_id"] for m in members],
            "documents": [dict(m) for m in members],
        })
    return out


#: which kind names a pair best when two groups hold the same documents
_SPECIFIC = {"copy": 0, "version": 1, "syndicated": 2, "story": 3}


def fold(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each group with ``part_of``: the id of the group that holds all its documents (a version
    pair inside a syndicated group), else None — so that a listing names each pair once. Of two
    groups with the same documents the more specific kind (copy, version, syndicated) stands."""
    sets = {g["id"]: set(g["members"]) for g in groups}
    for g in groups:
        mine = sets[g["id"]]
        holders = [
            h for h in groups if h["id"] != g["id"] and mine <= sets[h["id"]]
            and (len(sets[h["id"]]) > len(mine) or _SPECIFIC.get(h["kind"], 9) < _SPECIFIC.get(g["kind"], 9))
        ]
        holders.sort(key=lambda h: (len(sets[h["id"]]), _SPECIFIC.get(h["kind"], 9)))
        g["part_of"] = holders[0]["id"] if holders else None
    return groups


def errors(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(
            "SELECT id AS document_id, source_path AS path, source_offset AS offset, url, error_stage AS stage, "
            "error_message AS message, ingested_at FROM documents WHERE status = 'error' ORDER BY seq"
        )
    ]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "articles": one("SELECT count(*) FROM articles"),
        "errors": one("SELECT count(*) FROM documents WHERE status = 'error'"),
        "entities": one("SELECT count(*) FROM entities"),
        "claims": one("SELECT count(*) FROM claims"),
        "events": one("SELECT count(*) FROM events"),
        "groups": one("SELECT count(*) FROM groups"),
    }
