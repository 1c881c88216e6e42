"""Statements in the store: grouping new claims into them, and the questions asked of them.

Grouping (:func:`link_statements`) is incremental like the other links: the claims stored
since the last run are taken in order of arrival; each looks for the statements of its
speaker (the ``statements_speaker`` / ``statements_speaker_key`` indexes) first reported within
the window of days around it, compares its wording with theirs (link/statements.py decides),
and joins the closest or starts a statement of its own. Every claim belongs to one statement.
A claim is compared with each distinct wording of those statements once (``statement_wordings``:
content and the day its text gives, kept as members join and leave), never with every copy: a
copy that repeats a wording scores the same, and ties go to the first statement, so the answer
is the one that comparing every copy gives, at a cost that does not grow with the copies.
``meta.statements_seq`` records the last claim grouped; ``dateline relink`` regroups all.

The questions (for the CLI, the web app, ``dateline.Corpus``) return plain dicts and lists,
ready for JSON:

- :func:`statements` — statements filtered like ``claims`` (speaker, about, since, until);
- :func:`statement` — one statement with its carriers, variants and member claims;
- :func:`spread` — the tree of who carried it from whom, with times;
- :func:`statement_of` — the statement a document's claim belongs to.

A statement as JSON::

    {"id", "speaker": {"entity_id", "name"}, "kind", "cue", "content", "said_on",
     "carriers": [{"document_id", "url", "outlet", "published", "claim_id", "title"}],
     "carried_by": N outlets, "first_seen": {"document_id", "url", "outlet", "published"},
     "via": [...the first carrier's chain...], "variants": [{"content", "documents", "changes"}]}
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from typing import Any

from ..link.statements import DEFAULT_STATEMENTS, Carried, StatementOptions, best_match, content_words, summarise
from ..link.statements import spread as spread_tree
from .tables import outlet_of

_CHUNK = 500


# --- grouping ----------------------------------------------------------------------------------


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def statement_id(document_id: str, local_id: str) -> str:
    """A statement is named after its first claim: stable as copies join it."""
    return "st-" + hashlib.sha1(f"{document_id}\0{local_id}".encode()).hexdigest()[:16]


def link_statements(conn: sqlite3.Connection, options: StatementOptions = DEFAULT_STATEMENTS) -> int:
    """Group the claims stored since the last grouping into statements; the caller holds the
    transaction. Returns how many claims were grouped."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'statements_seq'").fetchone()
    after = int(row[0]) if row else 0
    claims = conn.execute(
        "SELECT c.seq, c.document_id, c.local_id, c.speaker_entity_id, c.speaker_key, c.speaker_text, c.content, "
        "c.claim_day, c.kind, c.said_on FROM claims c JOIN documents d ON d.id = c.document_id "
        "WHERE c.seq > ? AND +d.status = 'ok' AND NOT EXISTS (SELECT 1 FROM statement_members m WHERE m.claim_seq = c.seq) "
        "ORDER BY c.seq",
        (after,),
    ).fetchall()
    words_of: dict[str, frozenset[str]] = {}  # a wording's content words, worked out once a call
    touched: set[str] = set()
    for seq, doc, lid, eid, key, speaker_text, content, day, kind, said_on in claims:
        words = content_words(content)
        sid = None
        if words and (eid is not None or key):
            sid = _match(conn, doc, eid, key, day, said_on, words, words_of, options)
        if sid is None:
            sid = statement_id(doc, lid)
            conn.execute(
                "INSERT INTO statements (id, speaker_entity_id, speaker_key, speaker_name, kind, content, said_on, "
                "first_day, last_day, first_document_id, carriers, outlets, variants, variants_json) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,1,1,0,'[]') ON CONFLICT (id) DO NOTHING",
                (sid, eid, key, speaker_text, kind, content, day, day, day, doc),
            )
            score = 1.0
        else:
            conn.execute(
                "UPDATE statements SET first_day = min(first_day, ?), last_day = max(last_day, ?) WHERE id = ?",
                (day, day, sid),
            )
            score = 0.0  # set when the statement is summarised
        conn.execute(
            "INSERT INTO statement_members (claim_seq, statement_id, document_id, score) VALUES (?,?,?,?)",
            (seq, sid, doc, score),
        )
        if content:
            conn.execute(
                "INSERT INTO statement_wordings (statement_id, content, said_on) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                (sid, content, said_on or ""),
            )
        touched.add(sid)
    for sid in sorted(touched):
        _summarise(conn, sid)
    top = conn.execute("SELECT coalesce(max(seq), 0) FROM claims").fetchone()[0]
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('statements_seq', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(max(top, after)),),
    )
    return len(claims)


def _match(conn, doc, eid, key, day, said_on, words, words_of, options: StatementOptions) -> str | None:
    """The statement this claim is another copy of, among its speaker's within the window."""
    if day:
        when, span = "s.first_day BETWEEN ? AND ?", [_shift(day, -options.window_days), _shift(day, options.window_days)]
    else:
        when, span = "s.first_day IS NULL", []
    # the window with each speaker term, so that each is one range of its index (speaker, first
    # day): the speaker's statements outside the window are never read
    who, args = [], []
    if eid is not None:
        who.append(f"(s.speaker_entity_id = ? AND {when})")
        args += [eid, *span]
    if key:
        who.append(f"(s.speaker_key = ? AND {when})")
        args += [key, *span]
    # one row a wording of each statement (a statement carried by hundreds of outlets has few),
    # read from statement_wordings by its key: a repeat scores the same and ties go to the
    # first statement, so each wording is scored once and the copies are never read
    rows = conn.execute(
        "SELECT s.id, s.speaker_entity_id, w.content, w.said_on "
        "FROM statements s JOIN statement_wordings w ON w.statement_id = s.id "
        f"WHERE {' OR '.join(who)} ORDER BY s.first_day, s.id",
        args,
    ).fetchall()
    if not rows:
        return None
    # one document carries a statement once
    same_doc = {r[0] for r in conn.execute(
        "SELECT DISTINCT statement_id FROM statement_members WHERE document_id = ?", (doc,))}
    candidates = []
    for sid, s_eid, content, other_said in rows:
        if sid in same_doc:
            continue
        other = words_of.get(content)
        if other is None:
            other = words_of[content] = content_words(content)
        resolved = eid is not None and s_eid == eid
        candidates.append((sid, other, resolved, other_said or None))
    return best_match(words, candidates, options, said_on)


_MEMBER_SQL = (
    "SELECT c.seq, c.document_id, c.local_id, c.content, c.kind, c.said_on, c.claim_day, a.published, d.seq, "
    "a.outlet, d.url, c.via, c.channel, c.cue, c.speaker_text, c.speaker_entity_id, a.title "
    "FROM statement_members m JOIN claims c ON c.seq = m.claim_seq JOIN documents d ON d.id = m.document_id "
    "LEFT JOIN articles a ON a.seq = d.seq WHERE m.statement_id = ?"
)


def _carried(r: sqlite3.Row | tuple) -> Carried:
    via = tuple(json.loads(r[11]) if r[11] else ())
    return Carried(
        claim_seq=int(r[0]), document_id=r[1], local_id=r[2], content=r[3], kind=r[4], said_on=r[5], day=r[6],
        published=r[7], doc_seq=int(r[8]), outlet=r[9] or outlet_of(r[10]), url=r[10], via=via,
        channel=json.loads(r[12]) if r[12] else None,
    )


def _members(conn: sqlite3.Connection, sid: str) -> tuple[list[Carried], list[tuple]]:
    rows = conn.execute(_MEMBER_SQL, (sid,)).fetchall()
    return [_carried(r) for r in rows], rows


def _summarise(conn: sqlite3.Connection, sid: str) -> None:
    members, rows = _members(conn, sid)
    if not members:
        conn.execute("DELETE FROM statement_wordings WHERE statement_id = ?", (sid,))
        conn.execute("DELETE FROM statements WHERE id = ?", (sid,))
        return
    s = summarise(members)
    first = s["first"]
    base = content_words(first.content)
    from ..link.statements import similarity

    conn.executemany(
        "UPDATE statement_members SET score = ? WHERE claim_seq = ?",
        [(1.0 if content_words(m.content) == base else similarity(base, content_words(m.content)) or 0.01,
          m.claim_seq) for m in members],
    )
    name = _speaker_name(conn, rows, first.claim_seq)
    days = [m.day for m in members if m.day]
    conn.execute(
        "UPDATE statements SET speaker_name = ?, kind = ?, content = ?, said_on = ?, first_day = ?, last_day = ?, "
        "first_document_id = ?, first_published = ?, last_published = ?, carriers = ?, outlets = ?, variants = ?, "
        "variants_json = ? WHERE id = ?",
        (name, s["kind"], s["content"], s["said_on"], min(days) if days else None, max(days) if days else None,
         first.document_id, s["first_published"], s["last_published"], len(s["carriers"]), s["outlets"],
         len(s["variants"]), json.dumps(s["variants"], ensure_ascii=False), sid),
    )


def _speaker_name(conn: sqlite3.Connection, rows: list[tuple], first_seq: int) -> str | None:
    for r in rows:
        if r[15] is not None:
            got = conn.execute("SELECT name FROM entities WHERE id = ?", (r[15],)).fetchone()
            if got:
                return got[0]
    first = next((r for r in rows if int(r[0]) == first_seq), rows[0])
    return first[14]


def forget(conn: sqlite3.Connection, document_id: str) -> None:
    """Take a document's claims out of their statements (the document is being replaced)."""
    sids = [r[0] for r in conn.execute(
        "SELECT DISTINCT statement_id FROM statement_members WHERE document_id = ?", (document_id,))]
    if not sids:
        return
    conn.execute("DELETE FROM statement_members WHERE document_id = ?", (document_id,))
    for sid in sids:
        _rewordings(conn, sid)
        _summarise(conn, sid)


def _rewordings(conn: sqlite3.Connection, sid: str) -> None:
    """A statement's wordings from its members again (some have left it)."""
    conn.execute("DELETE FROM statement_wordings WHERE statement_id = ?", (sid,))
    conn.execute(
        "INSERT INTO statement_wordings (statement_id, content, said_on) "
        "SELECT DISTINCT m.statement_id, c.content, coalesce(c.said_on, '') "
        "FROM statement_members m JOIN claims c ON c.seq = m.claim_seq "
        "WHERE m.statement_id = ? AND c.content IS NOT NULL AND c.content != ''",
        (sid,),
    )


def regroup_all(conn: sqlite3.Connection, options: StatementOptions = DEFAULT_STATEMENTS) -> int:
    """Every claim grouped again from scratch (``dateline relink``)."""
    conn.execute("DELETE FROM statement_members")
    conn.execute("DELETE FROM statement_wordings")
    conn.execute("DELETE FROM statements")
    conn.execute("DELETE FROM meta WHERE key = 'statements_seq'")
    return link_statements(conn, options)


# --- questions -------------------------------------------------------------------------------


def statements(
    conn: sqlite3.Connection,
    speaker: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Statements by a speaker (any form of a name), about something (a search query on any of
    its copies), said within [since, until] (YYYY-MM-DD, on the statement's one date); oldest first.
    Each is a dict as in the module's docstring."""
    from .queries import claim_filter

    found = claim_filter(conn, speaker, about)
    if found is None:
        return []
    where, args = found
    cond = []
    if where:
        cond.append("s.id IN (SELECT m.statement_id FROM statement_members m JOIN claims c ON c.seq = m.claim_seq "
                    "WHERE " + " AND ".join(where) + ")")
    if since:
        cond.append("s.said_on >= ?")
        args.append(since[:10])
    if until:
        cond.append("s.said_on <= ?")
        args.append(until[:10])
    sql = "SELECT s.id FROM statements s" + (" WHERE " + " AND ".join(cond) if cond else "")
    sql += " ORDER BY s.said_on IS NULL, s.said_on, s.first_published IS NULL, s.first_published, s.id"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(int(limit))
    out = [_statement(conn, sid) for (sid,) in conn.execute(sql, args).fetchall()]
    if speaker:  # which corpus entity the name was taken to mean, as claims() says
        from .entities import describe, lookup

        matched = {m["id"]: m for m in describe(conn, lookup(conn, speaker))}
        for st in out:
            m = matched.get(st["speaker"]["entity_id"])
            st["matched_entity"] = {"id": m["id"], "name": m["name"]} if m else None
    return out


def statement(conn: sqlite3.Connection, sid: str) -> dict[str, Any] | None:
    """One statement with its carriers, variants and every member claim (``members``), or None."""
    out = _statement(conn, sid, members=True)
    return out


def statement_of(conn: sqlite3.Connection, document_id: str, claim_id: str) -> str | None:
    """The id of the statement a document's claim (its id inside the document) belongs to."""
    row = conn.execute(
        "SELECT m.statement_id FROM claims c JOIN statement_members m ON m.claim_seq = c.seq "
        "WHERE c.document_id = ? AND c.local_id = ?",
        (document_id, claim_id),
    ).fetchone()
    return row[0] if row else None


def _statement(conn: sqlite3.Connection, sid: str, members: bool = False) -> dict[str, Any] | None:
    s = conn.execute("SELECT * FROM statements WHERE id = ?", (sid,)).fetchone()
    if s is None:
        return None
    carried, rows = _members(conn, sid)
    by_seq = {int(r[0]): r for r in rows}
    from ..link.statements import carriers as carriers_of
    from ..link.statements import order

    ordered = order(carried)
    carriers = carriers_of(ordered, lambda m: by_seq[m.claim_seq][16])
    first = ordered[0]
    out: dict[str, Any] = {
        "id": s["id"],
        "speaker": {"entity_id": s["speaker_entity_id"], "name": s["speaker_name"]},
        "kind": s["kind"],
        "cue": by_seq[first.claim_seq][13],
        "content": s["content"],
        "said_on": s["said_on"],
        "carriers": carriers,
        "carried_by": s["outlets"],
        "first_seen": {k: carriers[0][k] for k in ("document_id", "url", "outlet", "published")},
        "via": list(first.via),
        "variants": json.loads(s["variants_json"]),
    }
    if members:
        out["members"] = [
            {"document_id": m.document_id, "claim_id": m.local_id, "content": m.content, "kind": m.kind,
             "cue": by_seq[m.claim_seq][13], "speaker_text": by_seq[m.claim_seq][14], "said_on": m.said_on,
             "day": m.day, "via": list(m.via), "channel": m.channel, "outlet": m.outlet, "published": m.published}
            for m in ordered
        ]
    return out


def spread(conn: sqlite3.Connection, sid: str) -> dict[str, Any] | None:
    """Who carried a statement from whom: ``{statement, root, nodes, edges}`` (see
    link/statements.py ``spread``), or None when there is no such statement."""
    s = conn.execute("SELECT id, speaker_name, content, said_on FROM statements WHERE id = ?", (sid,)).fetchone()
    if s is None:
        return None
    carried, _ = _members(conn, sid)
    tree = spread_tree(s["speaker_name"] or "?", carried)
    return {"statement": {"id": s["id"], "speaker": s["speaker_name"], "content": s["content"],
                          "said_on": s["said_on"]}, **tree}


def statement_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every statement as a row of the ``statements`` table of store/tables.py."""
    out = []
    for (sid,) in conn.execute("SELECT id FROM statements ORDER BY said_on IS NULL, said_on, id").fetchall():
        s = _statement(conn, sid)
        assert s is not None
        row = conn.execute("SELECT * FROM statements WHERE id = ?", (sid,)).fetchone()
        out.append({
            "statement_id": sid, "speaker": s["speaker"]["name"], "speaker_entity_id": s["speaker"]["entity_id"],
            "kind": s["kind"], "content": s["content"], "said_on": s["said_on"], "carriers": len(s["carriers"]),
            "outlets": s["carried_by"], "variants": len(s["variants"]),
            "first_document_id": s["first_seen"]["document_id"], "first_outlet": s["first_seen"]["outlet"],
            "first_published": s["first_seen"]["published"], "last_published": row["last_published"],
            "via": " → ".join(s["via"]) or None,
            "carriers_json": json.dumps(s["carriers"], ensure_ascii=False),
            "variants_json": json.dumps(s["variants"], ensure_ascii=False),
        })
    return out
