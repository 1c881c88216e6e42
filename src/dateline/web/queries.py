"""The web app's questions to the store: one function per view, plain dicts out, read-only.

Every list is a page (``page``, ``per_page``; one row more is asked for to know whether there
is a next page, so nothing counts or loads the whole store). Aggregates over the whole store
(top speakers, outlets) run on indexes, or on a bounded window of the latest rows, and say so.
Search input goes through ``store.fts.to_fts`` (every word quoted): it is never FTS syntax.
"""

from __future__ import annotations

import dataclasses
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
#: the matches a search ranks (the latest ones; bm25 reads every match it scores)
RANK_WINDOW = 5000
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
        """The newest-first key. With words or a document SQLite should start from those few
        rows and sort them, not walk a day index backwards past every claim ("+" keeps the day
        indexes out of it); a speaker, kind, channel or outlet has its own index with the day
        after it (migration 8), read in order."""
        return "+c.claim_day" if (self.q or self.document) else "c.claim_day"

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
        # one filter's index is read (each has the day after it, so the list comes in order and
        # stops at a page): the most selective one given; "+" makes the others tests of each row
        # (without statistics SQLite may pick a kind of thousands over a speaker of ten)
        indexed = False

        def column(name: str) -> str:
            nonlocal indexed
            plain, indexed = not indexed, True
            return name if plain else "+" + name

        if self.document:
            where.append(column("c.document_id") + " = ?")
            args.append(self.document)
        if self.speaker is not None:
            where.append(column("c.speaker_entity_id") + " = ?")
            args.append(self.speaker)
        if self.outlet:
            # the last hop of its chain, or the outlet of the article carrying it
            where.append("(c.outlet = ? OR a.outlet = ?)")
            args.extend([self.outlet, self.outlet])
        if self.channel:
            if self.channel == "none":
                where.append("c.channel IS NULL")
            else:
                where.append(column("c.channel_kind") + " = ?")
                args.append(self.channel)
        for name, value in (("c.source_kind", self.source_kind), ("c.kind", self.kind)):
            if value:
                where.append(column(name) + " = ?")
                args.append(value)
        if self.language:
            where.append("a.language = ?")
            args.append(self.language)
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


def _ranked(groups: list[tuple[Any, int]], limit: int = 12) -> list[dict[str, Any]]:
    """Facet values with their counts, most first (then by value), the first ``limit``."""
    return [{"value": v, "count": n} for v, n in sorted(groups, key=lambda g: (-g[1], g[0]))[:limit]]


def _facet_counts(conn: sqlite3.Connection, window: str, args: list[Any], columns: dict[str, str], order: str,
                  cap: int) -> tuple[dict[str, list[tuple[Any, int]]], int, bool]:
    """Counts per value of each of ``columns`` (name → SQL expression) over the first ``cap``
    rows of ``window``, a query that selects those expressions as their names, in its order
    (``order``, over the names it selects, says that order again). One statement: the window
    is read once, with one row more than ``cap`` to know whether it was capped, and SQLite
    groups it, a row out per value."""
    parts = ["SELECT '', NULL, count(*) FROM w"]
    for name in columns:
        parts.append(f"SELECT '{name}', {name}, count(*) FROM v WHERE {name} IS NOT NULL AND {name} != '' "
                     f"GROUP BY {name}")
    sql = (f"WITH w AS MATERIALIZED ({window} LIMIT ?), v AS MATERIALIZED (SELECT * FROM w ORDER BY {order} LIMIT ?) "
           + " UNION ALL ".join(parts))
    out: dict[str, list[tuple[Any, int]]] = {name: [] for name in columns}
    total = 0
    for facet, value, n in conn.execute(sql, [*args, cap + 1, cap]):
        if facet:
            out[facet].append((value, n))
        else:
            total = n
    return out, min(total, cap), total > cap


def claim_facets(conn: sqlite3.Connection, filters: ClaimFilters) -> dict[str, Any]:
    """Counts per speaker, outlet, channel, kind, source kind and language over the matching
    claims (the latest ``FACET_WINDOW`` of them: ``capped`` says when there were more)."""
    where, args = filters.where()
    columns = {"speaker": "c.speaker_entity_id", "kind": "c.kind", "source_kind": "c.source_kind",
               "channel": "coalesce(c.channel_kind, 'none')", "outlet": "c.outlet", "language": "a.language"}
    # the window's rows in their list's order (a "+" day keeps SQLite off the day index where
    # words or a document pick the rows); the article is joined for its language only
    window = ("SELECT c.claim_day AS day_, c.seq AS seq_, " + ", ".join(f"{e} AS {n}" for n, e in columns.items())
              + " FROM claims c LEFT JOIN articles a ON a.document_id = c.document_id"
              + (" WHERE " + " AND ".join(where) if where else "")
              + f" ORDER BY {filters.day_order} DESC, c.seq DESC")
    counts, over, capped = _facet_counts(conn, window, args, columns, "day_ DESC, seq_ DESC", FACET_WINDOW)
    out: dict[str, Any] = {"capped": capped, "over": over}
    for name in ("kind", "source_kind", "channel", "outlet", "language"):
        out[name] = _ranked(counts[name])
    names = dict(conn.execute(
        "SELECT id, name FROM entities WHERE id IN (%s)" % ",".join("?" * len(counts["speaker"])),
        [v for v, _ in counts["speaker"]]).fetchall()) if counts["speaker"] else {}
    speakers = sorted(((v, names.get(v), n) for v, n in counts["speaker"]), key=lambda s: (-s[2], s[1] or ""))
    out["speaker"] = [{"value": v, "label": label, "count": n} for v, label, n in speakers[:12]]
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
    #: the speaker's articles as a JSON array of their seqs, when already looked up (see
    #: :func:`with_speaker_articles`: a search asks for them twice)
    speaker_articles: str | None = None

    def where(self, seq: str = "a.seq") -> tuple[list[str], list[Any]]:
        """The conditions and their arguments; ``seq``: the column the article's seq is read
        from (a search's full-text rowid tests the speaker before the article is read)."""
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
            # the set of the speaker's articles, by seq; "+" keeps it a test of each row, so the
            # latest articles are read in order and the walk stops at a page
            if self.speaker_articles is not None:
                where.append(f"+{seq} IN (SELECT value FROM json_each(?))")
                args.append(self.speaker_articles)
            else:
                where.append(f"+{seq} IN ({_SPEAKER_ARTICLES})")
                args.append(self.speaker)
        if self.site:
            where.append("(d.url_key = ? OR d.url_key LIKE ? ESCAPE '\\')")
            esc = self.site.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args.extend([self.site, esc + "/%"])
        return where, args


#: the seqs of the articles a speaker has claims in, from two covering indexes
_SPEAKER_ARTICLES = ("SELECT d.seq FROM documents d WHERE d.id IN "
                     "(SELECT document_id FROM claims WHERE speaker_entity_id = ?)")


def with_speaker_articles(conn: sqlite3.Connection, filters: ArticleFilters) -> ArticleFilters:
    """``filters`` with the speaker's articles looked up once, for several queries to use."""
    if filters.speaker is None or filters.speaker_articles is not None:
        return filters
    seqs = [r[0] for r in conn.execute(_SPEAKER_ARTICLES, (filters.speaker,))]
    return dataclasses.replace(filters, speaker_articles=json.dumps(seqs))


def site_of(url_key: str | None) -> str | None:
    return url_key.split("/", 1)[0] if url_key else None


def _rank_floor(conn: sqlite3.Connection, expr: str) -> int | None:
    """The rowid from which the latest ``RANK_WINDOW`` articles matching ``expr`` start, or
    None when no more than those match: scoring every match of a word found in most articles costs more than
    the page (bm25 reads each match's positions), so the ranking is over the latest ones."""
    row = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                       (expr, RANK_WINDOW)).fetchone()
    if row is None:
        return None
    return row[0] + 1


def search_articles(conn: sqlite3.Connection, filters: ArticleFilters, page: Page) -> dict[str, Any]:
    """Articles matching the query (best first, with a snippet), or the latest ones without one.
    With a query matching more than ``RANK_WINDOW`` articles, the best of the latest
    ``RANK_WINDOW`` (``ranked_over`` says so). The page's articles are chosen first, by seq,
    and only those rows are read whole."""
    where, args = filters.where()
    expr = fts.to_fts(filters.q) if filters.q else None
    if filters.q and expr is None:
        return {"items": [], **page.meta(False)}
    site = " JOIN documents d ON d.seq = a.seq" if filters.site else ""
    floor = None
    if expr:
        floor = _rank_floor(conn, expr)
        where, args = filters.where(seq="top.rowid")
        sql = (
            "WITH top AS (SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts "
            "WHERE articles_fts MATCH ?" + (" AND rowid >= ?" if floor else "") + " ORDER BY rank LIMIT ?) "
            "SELECT a.seq, top.rank FROM top JOIN articles a ON a.seq = top.rowid" + site
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY top.rank, a.seq LIMIT ? OFFSET ?"
        )
        # filters apply to the best matches: enough of them for many pages, never all of them
        window = max(FACET_WINDOW, page.offset + page.per_page + 1) if where else page.offset + page.per_page + 1
        params: list[Any] = [expr, *([floor] if floor else []), window, *args, page.per_page + 1, page.offset]
    else:
        sql = ("SELECT a.seq, NULL FROM articles a" + site
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published_day DESC, a.seq DESC LIMIT ? OFFSET ?")
        params = [*args, page.per_page + 1, page.offset]
    chosen, more = page.cut(conn.execute(sql, params).fetchall())
    rank = {seq: r for seq, r in chosen}
    rows = []
    if chosen:
        marks = ",".join("?" * len(chosen))
        found = {r["seq"]: r for r in conn.execute(
            "SELECT a.seq, a.document_id, a.title, a.published, a.language, a.word_count, a.dateline_agency, a.outlet, "
            f"d.url, d.url_key FROM articles a JOIN documents d ON d.seq = a.seq WHERE a.seq IN ({marks})",
            list(rank))}
        rows = [found[seq] for seq, _ in chosen if seq in found]
    snippets: dict[int, str] = {}
    if expr and rows:
        marks = ",".join("?" * len(rows))
        snippets = dict(conn.execute(
            "SELECT rowid, snippet(articles_fts, 1, char(1), char(2), '…', 16) FROM articles_fts "
            f"WHERE articles_fts MATCH ? AND rowid IN ({marks})", [expr, *[r["seq"] for r in rows]]).fetchall())
    items = [{
        "document_id": r["document_id"], "title": r["title"], "published": r["published"],
        "language": r["language"], "words": r["word_count"], "agency": r["dateline_agency"],
        "url": r["url"], "site": site_of(r["url_key"]), "outlet": r["outlet"],
        # the matched words sit between \x01 and \x02: the template marks them after escaping the rest
        "snippet": snippets.get(r["seq"]),
        "score": round(-rank[r["seq"]], 4) if rank[r["seq"]] is not None else None,
    } for r in rows]
    out = {"items": items, **page.meta(more)}
    if floor:
        out["ranked_over"] = RANK_WINDOW
    return out


def article_facets(conn: sqlite3.Connection, filters: ArticleFilters) -> dict[str, Any]:
    """Counts per language, site and outlet over the latest ``FACET_WINDOW`` matching articles."""
    where, args = filters.where()
    expr = fts.to_fts(filters.q) if filters.q else None
    if filters.q and expr is None:
        return {"capped": False, "over": 0, "language": [], "site": [], "outlet": []}
    columns = {"language": "a.language", "site": "substr(d.url_key, 1, instr(d.url_key || '/', '/') - 1)",
               "outlet": "a.outlet"}
    chosen = ", ".join(f"{e} AS {n}" for n, e in columns.items())
    if expr:
        where, args = filters.where(seq="articles_fts.rowid")
        window = (f"SELECT a.published_day AS day_, a.seq AS seq_, {chosen} FROM articles_fts "
                  "JOIN articles a ON a.seq = articles_fts.rowid JOIN documents d ON d.seq = a.seq "
                  "WHERE articles_fts MATCH ?" + "".join(" AND " + w for w in where) + " ORDER BY articles_fts.rowid DESC")
        args = [expr, *args]
        order = "seq_ DESC"
    else:
        window = (f"SELECT a.published_day AS day_, a.seq AS seq_, {chosen} FROM articles a JOIN documents d ON d.seq = a.seq"
                  + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.published_day DESC, a.seq DESC")
        order = "day_ DESC, seq_ DESC"
    counts, over, capped = _facet_counts(conn, window, args, columns, order, FACET_WINDOW)
    return {"capped": capped, "over": over, **{name: _ranked(counts[name]) for name in columns}}


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
        "SELECT outlet, count(*) AS claims FROM (SELECT outlet FROM claims "
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


def speaker_profile(conn: sqlite3.Connection, entity_id: int, limit: int = 15) -> dict[str, list[dict[str, Any]]]:
    """What an entity said, counted over its claims (from the speaker's index, which holds each
    claim's day, channel kind, addressee and chain):

    - ``periods``: claims per day and channel kind ("reported" without one), the timeline's data;
    - ``addressees``: whom they said it to, most first;
    - ``relays``: who carries their claims, every hop of the chains (state media, wires,
      outlets), the last hop as ``publisher`` and the others as ``conduit``, most first.
    """
    periods: dict[tuple[str, str | None], int] = {}
    relays: dict[tuple[str, str], int] = {}
    # three counts, each from the speaker's index alone (it holds these columns: migration 8)
    for day, channel, n in conn.execute(
        "SELECT claim_day, channel_kind, count(*) FROM claims WHERE speaker_entity_id = ? AND claim_day IS NOT NULL "
        "GROUP BY claim_day, channel_kind", (entity_id,)
    ):
        periods[(day, channel)] = n
    addressees: dict[str, int] = dict(conn.execute(
        "SELECT addressee, count(*) FROM claims WHERE speaker_entity_id = ? AND addressee IS NOT NULL AND addressee != '' "
        "GROUP BY addressee", (entity_id,)).fetchall())
    for via, n in conn.execute("SELECT via, count(*) FROM claims WHERE speaker_entity_id = ? GROUP BY via", (entity_id,)):
        hops = _hops(via)
        last = len(hops) - 1
        for i, hop in enumerate(hops):
            key = (hop, "publisher" if i == last else "conduit")
            relays[key] = relays.get(key, 0) + n
    return {
        # by day, then the claims with no channel, then by channel
        "periods": [{"day": d, "channel": c or "reported", "n": n}
                    for (d, c), n in sorted(periods.items(), key=lambda kv: (kv[0][0], kv[0][1] is not None, kv[0][1] or ""))],
        "addressees": [{"addressee": a, "claims": n}
                       for a, n in sorted(addressees.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]],
        "relays": [{"relay": r, "role": role, "claims": n}
                   for (r, role), n in sorted(relays.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]],
    }


def _hops(via: str | None) -> list[Any]:
    try:
        hops = json.loads(via) if via else []
    except ValueError:
        return []
    return [h for h in hops if isinstance(h, str) and h] if isinstance(hops, list) else []


def entity_periods(conn: sqlite3.Connection, entity_id: int,
                   claims: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Claims (by channel) and events (as actor or recipient) of one entity per day: the timeline's
    data (``claims``: the periods of :func:`speaker_profile`, when already counted)."""
    if claims is None:
        claims = speaker_profile(conn, entity_id)["periods"]
    out = [{"day": r["day"], "channel": r["channel"], "what": "statement", "n": r["n"]} for r in claims]
    for r in conn.execute(
        "SELECT event_day AS day, count(*) AS n FROM events WHERE (actor_entity_id = ? OR recipient_entity_id = ?) "
        "AND event_day IS NOT NULL GROUP BY day", (entity_id, entity_id)
    ):
        out.append({"day": r["day"], "channel": "event", "what": "event", "n": r["n"]})
    return out


def entity_addressees(conn: sqlite3.Connection, entity_id: int, limit: int = 15) -> list[dict[str, Any]]:
    return speaker_profile(conn, entity_id, limit)["addressees"]


def entity_relays(conn: sqlite3.Connection, entity_id: int, limit: int = 15) -> list[dict[str, Any]]:
    """Who carries this entity's claims: every hop of their chains (state media, wires, outlets)."""
    return speaker_profile(conn, entity_id, limit)["relays"]


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
        # the page's events are chosen on the events alone; only those are joined to their article
        "WHERE ev.rowid IN (SELECT rowid FROM events WHERE actor_entity_id = ? OR recipient_entity_id = ? "
        "ORDER BY event_day IS NULL, event_day DESC, rowid DESC LIMIT ? OFFSET ?) "
        "ORDER BY ev.event_day IS NULL, ev.event_day DESC, ev.rowid DESC",
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
    where.append("+c.speaker_entity_id IS NOT NULL")  # a test of each row: the day index gives the order
    rows = conn.execute(
        "SELECT c.speaker_entity_id, e.name, c.addressee, c.via FROM claims c JOIN entities e ON e.id = c.speaker_entity_id "
        "WHERE " + " AND ".join(where) + f" ORDER BY {filters.day_order} DESC, c.seq DESC LIMIT ?",
        [*args, NETWORK_WINDOW + 1],
    ).fetchall()
    capped = len(rows) > NETWORK_WINDOW
    # claims with the same speaker, addressee and chain give the same nodes and edges: each such
    # group is drawn once with its count, in the order of its first (latest) claim, which keeps
    # the nodes' order and labels those of a claim-by-claim walk
    groups: dict[tuple[Any, ...], int] = {}
    for r in rows[:NETWORK_WINDOW]:
        key = (r[0], r[1], r[2], r[3])
        groups[key] = groups.get(key, 0) + 1
    chains: dict[str, list[tuple[str, str]]] = {}  # a chain's JSON read once (a few hundred differ)
    edges: dict[tuple[str, str, str], int] = {}
    nodes: dict[str, dict[str, Any]] = {}

    def node(key: str, label: str, role: str, n: int, entity: int | None = None) -> str:
        found = nodes.get(key)
        if found is None:
            found = nodes[key] = {"id": key, "label": label, "role": role, "entity": entity, "weight": 0}
        found["weight"] += n
        return key

    for (speaker, name, addressee, via), n in groups.items():
        s = node(f"e{speaker}", name, "speaker", n, speaker)
        if addressee:
            t = node("a:" + addressee.casefold(), addressee, "addressee", n)
            edges[(s, t, "said to")] = edges.get((s, t, "said to"), 0) + n
        prev = s
        hops = chains.get(via)
        if hops is None:
            hops = chains[via] = [("o:" + hop.casefold(), hop) for hop in json.loads(via or "[]")]
        for key, hop in hops:
            t = node(key, hop, "conduit", n)
            if t != prev:
                edges[(prev, t, "relayed by")] = edges.get((prev, t, "relayed by"), 0) + n
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
