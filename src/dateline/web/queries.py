"""The web app's questions to the store: one function per view, plain dicts out, read-only.

Every list is a page (``page``, ``per_page``; one row more is asked for to know whether there
is a next page, so nothing counts or loads the whole store). Aggregates over the whole store
(top speakers, outlets) run on indexes, or on a bounded window of the latest rows, and say so.
Search input goes through ``store.fts.to_fts`` (every word quoted): it is never FTS syntax.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..store import fts
from ..store.entities import describe

#: most rows a page of a list may have
MAX_PER_PAGE = 200
#: the matches that facets are counted over (the best ones); a facet says when it is capped
FACET_WINDOW = 1000
#: claims the network is drawn from (the latest in the date range)
NETWORK_WINDOW = 3000


@dataclass(frozen=True, slots=True)
class Page:
    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def cut(self, rows: list) -> tuple[list, bool]:
        """The rows of this page, and whether there are more (``rows`` holds per_page + 1)."""
        return rows[: self.per_page], len(rows) > self.per_page

    def meta(self, more: bool) -> dict[str, Any]:
        return {"page": self.page, "per_page": self.per_page, "has_more": more}


def page_of(page: int | None, per_page: int | None, default: int = 20) -> Page:
    return Page(max(1, int(page or 1)), max(1, min(MAX_PER_PAGE, int(per_page or default))))


@dataclass(frozen=True, slots=True)
class ClaimFilters:
    """What a list of claims may be narrowed by; every field is optional."""

    q: str | None = None
    speaker: int | None = None  # corpus entity id
    outlet: str | None = None  # the last hop of the claim's chain, or its article's outlet
    channel: str | None = None  # statement, interview, … ("none": no channel named)
    kind: str | None = None  # direct, indirect, mixed, headline, omission
    source_kind: str | None = None  # person, organisation, group, document, anonymous
    since: str | None = None
    until: str | None = None
    language: str | None = None
    document: str | None = None

    @property
    def day_order(self) -> str:
        """The newest-first key. With a selective filter (words, a speaker, a document) SQLite
        should start from that filter's index and sort the few rows, not walk the day index
        backwards past every claim ("+" keeps the day index out of it)."""
        return "+c.claim_day" if (self.q or self.speaker is not None or self.document) else "c.claim_day"

    def where(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if self.q:
            expr = fts.to_fts(self.q)
            if expr is None:
                where.append("0")
            else:
                where.append("c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
                args.append(expr)
        if self.speaker is not None:
            where.append("c.speaker_entity_id = ?")
            args.append(self.speaker)
        if self.outlet:
            # the last hop of its chain, or the outlet of the article carrying it
            where.append("(json_extract(c.via, '$[#-1]') = ? OR a.outlet = ?)")
            args.extend([self.outlet, self.outlet])
        if self.channel:
            if self.channel == "none":
                where.append("c.channel IS NULL")
            else:
                where.append("json_extract(c.channel, '$.kind') = ?")
                args.append(self.channel)
        for column, value in (("c.kind", self.kind), ("c.source_kind", self.source_kind),
                              ("c.document_id", self.document), ("a.language", self.language)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        if self.since:
            where.append("c.claim_day >= ?")
            args.append(self.since[:10])
        if self.until:
            where.append("c.claim_day <= ?")
            args.append(self.until[:10])
        return where, args


_CLAIM_SELECT = (
    "SELECT c.seq, c.document_id, c.local_id, c.kind, c.speaker_entity_id, c.speaker_text, c.source_kind, c.cue, "
    "c.addressee, c.content, c.span_start, c.span_end, c.via, c.channel, c.said_on, c.reported_on, c.claim_day, "
    "e.name AS speaker_name, a.title, a.published, a.language, d.url, sm.statement_id, st.carriers "
    "FROM claims c JOIN documents d ON d.id = c.document_id LEFT JOIN articles a ON a.seq = d.seq "
    "LEFT JOIN entities e ON e.id = c.speaker_entity_id LEFT JOIN statement_members sm ON sm.claim_seq = c.seq "
    "LEFT JOIN statements st ON st.id = sm.statement_id"
)


def claim_row(r: sqlite3.Row) -> dict[str, Any]:
    via = json.loads(r["via"]) if r["via"] else []
    return {
        "document_id": r["document_id"],
        "id": r["local_id"],
        "ref": f"{r['document_id']}:{r['local_id']}",
        "kind": r["kind"],
        "speaker_entity": r["speaker_entity_id"],
        "speaker": r["speaker_name"] or r["speaker_text"],
        "speaker_text": r["speaker_text"],
        "source_kind": r["source_kind"],
        "cue": r["cue"],
        "addressee": r["addressee"],
        "content": r["content"],
        "span": [r["span_start"], r["span_end"]] if r["span_start"] is not None else None,
        "via": via,
        "outlet": via[-1] if via else None,
        "channel": json.loads(r["channel"]) if r["channel"] else None,
        "said_on": r["said_on"],
        "reported_on": r["reported_on"],
        "date": r["claim_day"],
        "title": r["title"],
        "published": r["published"],
        "language": r["language"],
        "url": r["url"],
        # the statement it is a copy of (store/statements.py), and how many documents carry that
        "statement_id": r["statement_id"],
        "copies": r["carriers"],
    }


def _chosen(filters: ClaimFilters, newest_first: bool = True) -> tuple[str, list[Any]]:
    """The claims a filter picks, in order, as a subquery of their seq: the order and the limit
    are applied to the claims alone, and the joins only to the rows of the page (a speaker with
    thousands of claims joined every one before the sort)."""
    where, args = filters.where()
    join = " LEFT JOIN articles a ON a.document_id = c.document_id" if (filters.language or filters.outlet) else ""
    order = f" ORDER BY {filters.day_order} DESC, c.seq DESC" if newest_first else \
        " ORDER BY c.claim_day IS NULL, c.claim_day, c.seq"
    return "SELECT c.seq FROM claims c" + join + (" WHERE " + " AND ".join(where) if where else "") + order, args


def list_claims(conn: sqlite3.Connection, filters: ClaimFilters, page: Page, *,
                newest_first: bool = True, collapse: bool = False) -> dict[str, Any]:
    """A page of claims, newest first. ``collapse``: copies of one statement on the page are
    shown once (the first), the others counted in its ``copies``."""
    inner, args = _chosen(filters, newest_first)
    order = f" ORDER BY {filters.day_order} DESC, c.seq DESC" if newest_first else \
        " ORDER BY c.claim_day IS NULL, c.claim_day, c.seq"
    sql = _CLAIM_SELECT + f" WHERE c.seq IN ({inner} LIMIT ? OFFSET ?)" + order
    rows, more = page.cut(conn.execute(sql, [*args, page.per_page + 1, page.offset]).fetchall())
    items = [claim_row(r) for r in rows]
    expr = fts.to_fts(filters.q) if filters.q else None
    if expr and rows:
        # the matched words of each content, between \x01 and \x02 (the template marks them)
        marks = ",".join("?" * len(rows))
        found = dict(conn.execute(
            f"SELECT rowid, highlight(claims_fts, 0, char(1), char(2)) FROM claims_fts WHERE claims_fts MATCH ? "
            f"AND rowid IN ({marks})", [expr, *[r["seq"] for r in rows]]).fetchall())
        for r, c in zip(rows, items):
            c["snippet"] = found.get(r["seq"])
    if collapse:
        seen: set[str] = set()
        kept = []
        for c in items:
            if c["statement_id"] and c["statement_id"] in seen:
                continue
            seen.add(c["statement_id"] or c["ref"])
            kept.append(c)
        items = kept
    return {"items": items, **page.meta(more)}


def claim_facets(conn: sqlite3.Connection, filters: ClaimFilters) -> dict[str, Any]:
    """Counts per speaker, outlet, channel, kind, source kind and language over the matching
    claims (the latest ``FACET_WINDOW`` of them: ``capped`` says when there were more)."""
    inner, args = _chosen(filters)
    base = (
        "SELECT c.seq, c.speaker_entity_id, coalesce(e.name, c.speaker_text) AS speaker, c.kind, c.source_kind, "
        "json_extract(c.via, '$[#-1]') AS outlet, coalesce(json_extract(c.channel, '$.kind'), 'none') AS channel, "
        "a.language FROM claims c JOIN documents d ON d.id = c.document_id LEFT JOIN articles a ON a.seq = d.seq "
        f"LEFT JOIN entities e ON e.id = c.speaker_entity_id WHERE c.seq IN ({inner} LIMIT ?)"
    )
    rows = conn.execute(base, [*args, FACET_WINDOW + 1]).fetchall()
    capped = len(rows) > FACET_WINDOW
    rows = rows[:FACET_WINDOW]
    out: dict[str, Any] = {"capped": capped, "over": len(rows)}
    for name in ("kind", "source_kind", "channel", "outlet", "language"):
        counts: dict[str, int] = {}
        for r in rows:
            if r[name]:
                counts[r[name]] = counts.get(r[name], 0) + 1
        out[name] = [{"value": k, "count": v} for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:12]
    speakers: dict[tuple, int] = {}
    for r in rows:
        if r["speaker_entity_id"] is not None:
            key = (r["speaker_entity_id"], r["speaker"])
            speakers[key] = speakers.get(key, 0) + 1
    out["speaker"] = [{"value": k[0], "label": k[1], "count": v}
                      for k, v in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0][1] or ""))][:12]
    return out


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    q: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None
    speaker: int | None = None
    site: str | None = None
    outlet: str | None = None

    def where(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if self.outlet:
            where.append("a.outlet = ?")
            args.append(self.outlet)
        if self.language:
            where.append("a.language = ?")
            args.append(self.language)
        if self.since:
            where.append("a.published_day >= ?")
            args.append(self.since[:10])
        if self.until:
            where.append("a.published_day <= ?")
            args.append(self.until[:10])
        if self.speaker is not None:
            where.append("a.document_id IN (SELECT document_id FROM claims WHERE speaker_entity_id = ?)")
            args.append(self.speaker)
        if self.site:
            where.append("(d.url_key = ? OR d.url_key LIKE ? ESCAPE '\\')")
            esc = self.site.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args.extend([self.site, esc + "/%"])
        return where, args


def site_of(url_key: str | None) -> str | None:
    return url_key.split("/", 1)[0] if url_key else None


def search_articles(conn: sqlite3.Connection, filters: ArticleFilters, page: Page) -> dict[str, Any]:
    """Articles matching the query (best first, with a snippet), or the latest ones without one."""
    where, args = filters.where()
    expr = fts.to_fts(filters.q) if filters.q else None
    if filters.q and expr is None:
        return {"items": [], **page.meta(False)}
    cols = ("a.document_id, a.title, a.published, a.language, a.word_count, a.dateline_agency, a.outlet, d.url, d.url_key")
    if expr:
        sql = (
            f"WITH top AS (SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts "
            f"WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?) "
            f"SELECT {cols}, top.rank FROM top JOIN articles a ON a.seq = top.rowid JOIN documents d ON d.seq = a.seq"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY top.rank LIMIT ? OFFSET ?"
        )
        # filters apply to the best matches: enough of them for many pages, never all of them
        window = max(FACET_WINDOW, page.offset + page.per_page + 1) if where else page.offset + page.per_page + 1
        params: list[Any] = [expr, window, *args, page.per_page + 1, page.offset]
    else:
        sql = (f"SELECT {cols}, NULL AS rank FROM articles a JOIN documents d ON d.seq = a.seq"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published_day DESC, a.seq DESC LIMIT ? OFFSET ?")
        params = [*args, page.per_page + 1, page.offset]
    rows, more = page.cut(conn.execute(sql, params).fetchall())
    snippets: dict[str, str] = {}
    if expr and rows:
        marks = ",".join("?" * len(rows))
        for s in conn.execute(
            "SELECT a.document_id, snippet(articles_fts, 1, char(1), char(2), '…', 16) FROM articles_fts "
            f"JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? AND a.document_id IN ({marks})",
            [expr, *[r["document_id"] for r in rows]],
        ):
            snippets[s[0]] = s[1]
    items = [{
        "document_id": r["document_id"], "title": r["title"], "published": r["published"],
        "language": r["language"], "words": r["word_count"], "agency": r["dateline_agency"],
        "url": r["url"], "site": site_of(r["url_key"]), "outlet": r["outlet"],
        # the matched words sit between \x01 and \x02: the template marks them after escaping the rest
        "snippet": snippets.get(r["document_id"]),
        "score": round(-r["rank"], 4) if r["rank"] is not None else None,
    } for r in rows]
    return {"items": items, **page.meta(more)}


def article_facets(conn: sqlite3.Connection, filters: ArticleFilters) -> dict[str, Any]:
    where, args = filters.where()
    expr = fts.to_fts(filters.q) if filters.q else None
    if filters.q and expr is None:
        return {"capped": False, "over": 0, "language": [], "site": [], "outlet": []}
    if expr:
        sql = ("SELECT a.language, a.outlet, d.url_key FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
               "JOIN documents d ON d.seq = a.seq WHERE articles_fts MATCH ?"
               + "".join(" AND " + w for w in where) + " LIMIT ?")
        params: list[Any] = [expr, *args, FACET_WINDOW + 1]
    else:
        sql = ("SELECT a.language, a.outlet, d.url_key FROM articles a JOIN documents d ON d.seq = a.seq"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published_day DESC LIMIT ?")
        params = [*args, FACET_WINDOW + 1]
    rows = conn.execute(sql, params).fetchall()
    capped = len(rows) > FACET_WINDOW
    rows = rows[:FACET_WINDOW]
    out: dict[str, Any] = {"capped": capped, "over": len(rows)}
    for name, value in (("language", lambda r: r["language"]), ("site", lambda r: site_of(r["url_key"])),
                        ("outlet", lambda r: r["outlet"])):
        counts: dict[str, int] = {}
        for r in rows:
            v = value(r)
            if v:
                counts[v] = counts.get(v, 0) + 1
        out[name] = [{"value": k, "count": v} for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:12]
    return out


# --- home ----------------------------------------------------------------------------------


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts; SQLite counts a table from its smallest index, so this stays quick."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "claims": one("SELECT count(*) FROM claims"),
        "entities": one("SELECT count(*) FROM entities"),
        "events": one("SELECT count(*) FROM events"),
        "stories": one("SELECT count(*) FROM groups WHERE kind = 'story'"),
        "errors": one("SELECT count(*) FROM documents WHERE status = 'error'"),
    }


def top_speakers(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT c.speaker_entity_id AS id, e.name, e.type, count(*) AS claims FROM claims c "
        "JOIN entities e ON e.id = c.speaker_entity_id WHERE c.speaker_entity_id IS NOT NULL "
        "GROUP BY c.speaker_entity_id ORDER BY claims DESC, e.name LIMIT ?",
        (limit,),
    ).fetchall()
    return [dict(r) for r in rows]


def top_outlets(conn: sqlite3.Connection, limit: int = 10, window: int = 20000) -> list[dict[str, Any]]:
    """Who published the most claims (the last hop of each chain), over the latest ``window`` claims."""
    rows = conn.execute(
        "SELECT outlet, count(*) AS claims FROM (SELECT json_extract(via, '$[#-1]') AS outlet FROM claims "
        "ORDER BY seq DESC LIMIT ?) WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY claims DESC, outlet LIMIT ?",
        (window, limit),
    ).fetchall()
    return [dict(r) for r in rows]


# --- one article ---------------------------------------------------------------------------


def article(conn: sqlite3.Connection, document_id: str) -> dict[str, Any] | None:
    """The stored reading, with its corpus entity ids, its groups and the other members of them."""
    row = conn.execute(
        "SELECT d.seq, d.id, d.reading, d.url, d.source_path, d.source_format, d.status, d.ingested_at "
        "FROM documents d WHERE d.id = ?",
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    reading = json.loads(row["reading"])
    local = {r["local_id"]: r["entity_id"] for r in conn.execute(
        "SELECT local_id, entity_id FROM document_entities WHERE document_id = ?", (document_id,))}
    groups = []
    for g in conn.execute(
        "SELECT g.id, g.kind, g.size, g.title FROM group_members m JOIN groups g ON g.id = m.group_id "
        "WHERE m.document_id = ? ORDER BY g.kind", (document_id,)
    ):
        members = conn.execute(
            "SELECT m.document_id, a.title, a.version_label, a.published, d.url FROM group_members m "
            "JOIN documents d ON d.id = m.document_id LEFT JOIN articles a ON a.seq = d.seq "
            "WHERE m.group_id = ? AND m.document_id != ? ORDER BY m.position LIMIT 50",
            (g["id"], document_id),
        ).fetchall()
        groups.append({**dict(g), "others": [dict(m) for m in members]})
    return {
        "document_id": row["id"],
        "status": row["status"],
        "ingested_at": row["ingested_at"],
        "source": {"path": row["source_path"], "format": row["source_format"], "url": row["url"]},
        "entity_ids": local,
        "statement_ids": dict(conn.execute(
            "SELECT c.local_id, m.statement_id FROM claims c JOIN statement_members m ON m.claim_seq = c.seq "
            "WHERE c.document_id = ?", (document_id,)).fetchall()),
        "groups": groups,
        "reading": reading,
    }


# --- one entity ----------------------------------------------------------------------------


def entity(conn: sqlite3.Connection, entity_id: int) -> dict[str, Any] | None:
    found = describe(conn, [entity_id])
    if not found:
        return None
    e = found[0]
    said = conn.execute("SELECT count(*) FROM claims WHERE speaker_entity_id = ?", (entity_id,)).fetchone()[0]
    e["claims"] = said
    return e


def entity_periods(conn: sqlite3.Connection, entity_id: int) -> list[dict[str, Any]]:
    """Claims (by channel) and events (as actor or recipient) of one entity per day: the timeline's data."""
    rows = conn.execute(
        "SELECT claim_day AS day, coalesce(json_extract(channel, '$.kind'), 'reported') AS channel, count(*) AS n "
        "FROM claims WHERE speaker_entity_id = ? AND claim_day IS NOT NULL GROUP BY day, channel",
        (entity_id,),
    ).fetchall()
    out = [{"day": r["day"], "channel": r["channel"], "what": "statement", "n": r["n"]} for r in rows]
    for r in conn.execute(
        "SELECT event_day AS day, count(*) AS n FROM events WHERE (actor_entity_id = ? OR recipient_entity_id = ?) "
        "AND event_day IS NOT NULL GROUP BY day", (entity_id, entity_id)
    ):
        out.append({"day": r["day"], "channel": "event", "what": "event", "n": r["n"]})
    return out


def entity_addressees(conn: sqlite3.Connection, entity_id: int, limit: int = 15) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT addressee, count(*) AS claims FROM claims WHERE speaker_entity_id = ? AND addressee IS NOT NULL "
        "AND addressee != '' GROUP BY addressee ORDER BY claims DESC, addressee LIMIT ?",
        (entity_id, limit),
    ).fetchall()
    return [dict(r) for r in rows]


def entity_relays(conn: sqlite3.Connection, entity_id: int, limit: int = 15) -> list[dict[str, Any]]:
    """Who carries this entity's claims: every hop of their chains (state media, wires, outlets)."""
    rows = conn.execute(
        "SELECT j.value AS relay, CASE WHEN j.key = json_array_length(c.via) - 1 THEN 'publisher' ELSE 'conduit' END "
        "AS role, count(*) AS claims FROM claims c, json_each(c.via) j WHERE c.speaker_entity_id = ? "
        "GROUP BY relay, role ORDER BY claims DESC, relay LIMIT ?",
        (entity_id, limit),
    ).fetchall()
    return [dict(r) for r in rows]


def co_mentioned(conn: sqlite3.Connection, entity_id: int, limit: int = 15, window: int = 500) -> list[dict[str, Any]]:
    """Entities in the same documents (over its latest ``window`` documents)."""
    rows = conn.execute(
        "WITH docs AS (SELECT document_id FROM document_entities WHERE entity_id = ? ORDER BY rowid DESC LIMIT ?) "
        "SELECT de.entity_id AS id, e.name, e.type, count(DISTINCT de.document_id) AS documents "
        "FROM document_entities de JOIN docs ON docs.document_id = de.document_id JOIN entities e ON e.id = de.entity_id "
        "WHERE de.entity_id != ? GROUP BY de.entity_id ORDER BY documents DESC, e.name LIMIT ?",
        (entity_id, window, entity_id, limit),
    ).fetchall()
    return [dict(r) for r in rows]


def entity_events(conn: sqlite3.Connection, entity_id: int, page: Page) -> dict[str, Any]:
    rows = conn.execute(
        "SELECT ev.document_id, ev.local_id, ev.type, ev.actor, ev.recipient, ev.event_day, ev.place, ev.asserted_by, "
        "ev.negated, ev.hypothetical, a.title, substr(a.text, ev.span_start + 1, ev.span_end - ev.span_start) AS text "
        "FROM events ev LEFT JOIN articles a ON a.document_id = ev.document_id "
        "WHERE ev.actor_entity_id = ? OR ev.recipient_entity_id = ? "
        "ORDER BY ev.event_day IS NULL, ev.event_day DESC LIMIT ? OFFSET ?",
        (entity_id, entity_id, page.per_page + 1, page.offset),
    ).fetchall()
    items, more = page.cut([dict(r) for r in rows])
    return {"items": items, **page.meta(more)}


# --- one story -----------------------------------------------------------------------------


def story(conn: sqlite3.Connection, group_id: str) -> dict[str, Any] | None:
    g = conn.execute("SELECT * FROM groups WHERE id = ?", (group_id,)).fetchone()
    if g is None:
        return None
    members = conn.execute(
        "SELECT m.document_id, m.position, a.title, a.base_title, a.version_label, a.published, a.published_day, "
        "a.dateline_agency, a.word_count, a.text_hash, a.outlet AS publisher, d.url, d.url_key "
        "FROM group_members m JOIN documents d ON d.id = m.document_id LEFT JOIN articles a ON a.seq = d.seq "
        "WHERE m.group_id = ? ORDER BY m.position LIMIT 500",
        (group_id,),
    ).fetchall()
    docs = [dict(m) for m in members]
    for d in docs:
        d["outlet"] = d["publisher"] or site_of(d["url_key"]) or d["dateline_agency"]
    ids = [d["document_id"] for d in docs]
    versions = []
    if ids:
        marks = ",".join("?" * len(ids))
        for v in conn.execute(
            f"SELECT DISTINCT g.id FROM group_members m JOIN groups g ON g.id = m.group_id "
            f"WHERE g.kind = 'version' AND m.document_id IN ({marks}) ORDER BY g.id", ids
        ):
            versions.append(v["id"])
    return {**dict(g), "documents": docs, "version_groups": versions}


def texts(conn: sqlite3.Connection, document_ids: list[str]) -> dict[str, str]:
    if not document_ids:
        return {}
    marks = ",".join("?" * len(document_ids))
    return dict(conn.execute(f"SELECT document_id, text FROM articles WHERE document_id IN ({marks})", document_ids))


def group_members(conn: sqlite3.Connection, group_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT m.document_id, a.title, a.version_label, a.published FROM group_members m "
        "LEFT JOIN articles a ON a.document_id = m.document_id WHERE m.group_id = ? ORDER BY m.position LIMIT 50",
        (group_id,),
    )]


# --- the network ---------------------------------------------------------------------------


def network(conn: sqlite3.Connection, since: str | None = None, until: str | None = None,
            about: str | None = None, limit: int = 150) -> dict[str, Any]:
    """Speakers → addressees (said to) and speakers → conduits → publishers (relayed by), over the
    latest ``NETWORK_WINDOW`` claims in the range; the heaviest ``limit`` edges."""
    filters = ClaimFilters(q=about, since=since, until=until)
    where, args = filters.where()
    where.append("c.speaker_entity_id IS NOT NULL")
    rows = conn.execute(
        "SELECT c.speaker_entity_id, e.name, c.addressee, c.via FROM claims c JOIN entities e ON e.id = c.speaker_entity_id "
        "LEFT JOIN articles a ON a.document_id = c.document_id WHERE " + " AND ".join(where)
        + f" ORDER BY {filters.day_order} DESC, c.seq DESC LIMIT ?",
        [*args, NETWORK_WINDOW + 1],
    ).fetchall()
    capped = len(rows) > NETWORK_WINDOW
    edges: dict[tuple[str, str, str], int] = {}
    nodes: dict[str, dict[str, Any]] = {}

    def node(key: str, label: str, role: str, entity: int | None = None) -> str:
        n = nodes.setdefault(key, {"id": key, "label": label, "role": role, "entity": entity, "weight": 0})
        n["weight"] += 1
        return key

    for r in rows[:NETWORK_WINDOW]:
        s = node(f"e{r['speaker_entity_id']}", r["name"], "speaker", r["speaker_entity_id"])
        if r["addressee"]:
            t = node("a:" + r["addressee"].casefold(), r["addressee"], "addressee")
            edges[(s, t, "said to")] = edges.get((s, t, "said to"), 0) + 1
        prev = s
        for hop in json.loads(r["via"] or "[]"):
            t = node("o:" + hop.casefold(), hop, "conduit")
            if t != prev:
                edges[(prev, t, "relayed by")] = edges.get((prev, t, "relayed by"), 0) + 1
            prev = t
    top = sorted(edges.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    used = {k for (s, t, _), _n in top for k in (s, t)}
    # a speaker stays a speaker even when it also relays someone else
    return {
        "nodes": [n for k, n in nodes.items() if k in used],
        "edges": [{"source": s, "target": t, "relation": rel, "claims": n} for (s, t, rel), n in top],
        "claims": min(len(rows), NETWORK_WINDOW),
        "capped": capped,
    }
