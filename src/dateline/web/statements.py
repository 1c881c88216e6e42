"""Statements for the web app: one claim by one speaker as carried by many documents.

STAND-IN (issue 15), to be swapped for store/statements.py (issue 14) at merge: until the store
has a statements table, a statement here is the claims of one speaker (the same corpus entity,
else the same words naming them) with the same content words, and its id is the reference of
its earliest member claim, ``<document id>:<claim id>``. Any member's reference finds it.
The functions below are all the views use: ``statement()``, ``latest()``, ``spread()``.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from typing import Any

from .queries import _CLAIM_SELECT, claim_row, site_of

_WORD = re.compile(r"\w+")


def wording_key(text: str | None) -> str:
    """What two wordings of one statement share: their words, without case, accents or punctuation."""
    if not text:
        return ""
    norm = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_WORD.findall("".join(ch for ch in norm if not unicodedata.combining(ch))))


def _members(conn: sqlite3.Connection, claim: dict[str, Any]) -> list[dict[str, Any]]:
    key = wording_key(claim["content"])
    if claim["speaker_entity"] is not None:
        rows = conn.execute(_CLAIM_SELECT + " WHERE c.speaker_entity_id = ? ORDER BY a.published, c.seq",
                            (claim["speaker_entity"],)).fetchall()
    else:
        rows = conn.execute(_CLAIM_SELECT + " WHERE c.speaker_entity_id IS NULL AND c.speaker_key = "
                            "(SELECT speaker_key FROM claims WHERE document_id = ? AND local_id = ?) "
                            "ORDER BY a.published, c.seq", (claim["document_id"], claim["id"])).fetchall()
    members = [claim_row(r) for r in rows]
    return [m for m in members if wording_key(m["content"]) == key] or [claim]


def statement(conn: sqlite3.Connection, ref: str) -> dict[str, Any] | None:
    """The statement a claim reference (``document:claim``) belongs to, with its carriers in order."""
    document_id, _, local_id = ref.rpartition(":")
    if not document_id:
        return None
    row = conn.execute(_CLAIM_SELECT + " WHERE c.document_id = ? AND c.local_id = ?", (document_id, local_id)).fetchone()
    if row is None:
        return None
    members = _members(conn, claim_row(row))
    _add_publishers(conn, members)
    first = members[0]
    return {
        "id": first["ref"],
        "speaker": first["speaker"],
        "speaker_entity": first["speaker_entity"],
        "content": first["content"],
        "kind": first["kind"],
        "date": min((m["date"] for m in members if m["date"]), default=None),
        "first_seen": min((m["published"] for m in members if m["published"]), default=None),
        "members": members,
        "carriers": [{"document_id": m["document_id"], "outlet": m["publisher"], "published": m["published"],
                      "title": m["title"], "via": m["via"], "chain": _chain(m)} for m in members],
        "variants": variants(members),
        "source": "stand-in: claims grouped by speaker and wording (web/statements.py)",
    }


def _add_publishers(conn: sqlite3.Connection, members: list[dict[str, Any]]) -> None:
    """Each copy's publisher: the reading's, else the web site the page came from."""
    ids = list({m["document_id"] for m in members})[:900]
    marks = ",".join("?" * len(ids))
    found = {r[0]: (r[1], r[2]) for r in conn.execute(
        f"SELECT id, json_extract(reading, '$.publisher'), url_key FROM documents WHERE id IN ({marks})", ids)}
    for m in members:
        publisher, url_key = found.get(m["document_id"], (None, None))
        m["publisher"] = publisher or site_of(url_key) or m["outlet"]


def latest(conn: sqlite3.Connection, limit: int = 10, window: int = 200) -> list[dict[str, Any]]:
    """The latest statements: the latest claims, one per speaker and wording."""
    rows = conn.execute(_CLAIM_SELECT + " WHERE c.content IS NOT NULL ORDER BY c.claim_day IS NULL, c.claim_day DESC, "
                        "c.seq DESC LIMIT ?", (window,)).fetchall()
    seen: set[tuple] = set()
    out = []
    for r in rows:
        c = claim_row(r)
        key = (c["speaker_entity"] or c["speaker_text"], wording_key(c["content"]))
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
        if len(out) >= limit:
            break
    return out


def variants(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each distinct wording (as printed: case and punctuation count here) with its documents and
    its differences from the first, word by word."""
    by_text: dict[str, list[str]] = {}
    for m in members:
        by_text.setdefault(m["content"] or "", []).append(m["document_id"])
    texts = list(by_text)
    base = texts[0] if texts else ""
    return [{"content": t, "documents": docs, "diff": word_diff(base, t)} for t, docs in by_text.items()]


def word_diff(a: str, b: str) -> list[dict[str, str]]:
    """``b`` against ``a`` as runs of words: {"op": "same"|"ins"|"del", "text"}."""
    wa, wb = a.split(), b.split()
    out: list[dict[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append({"op": "same", "text": " ".join(wa[i1:i2])})
            continue
        if op in ("delete", "replace"):
            out.append({"op": "del", "text": " ".join(wa[i1:i2])})
        if op in ("insert", "replace"):
            out.append({"op": "ins", "text": " ".join(wb[j1:j2])})
    return out


def _chain(m: dict[str, Any]) -> list[str]:
    """The claim's hops, ending with the publisher of the page that carries it."""
    hops = list(m["via"])
    if m.get("publisher") and (not hops or hops[-1].casefold() != m["publisher"].casefold()):
        hops.append(m["publisher"])
    return hops


def spread(st: dict[str, Any]) -> dict[str, Any]:
    """The statement's path as a graph: speaker → channel → conduits and wires → outlets, each
    node with the earliest time a carrier shows it."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}

    def node(key: str, label: str, role: str, when: str | None) -> str:
        n = nodes.setdefault(key, {"id": key, "label": label, "role": role, "first": when, "documents": 0})
        if role == "conduit":
            n["role"] = role  # it passed the statement on at least once
        if when and (n["first"] is None or when < n["first"]):
            n["first"] = when
        return key

    speaker = node("speaker", st["speaker"] or "unknown speaker", "speaker", st["date"])
    for m in st["members"]:
        when = m["published"] or m["date"]
        prev = speaker
        channel = m.get("channel") or {}
        hops = _chain(m)
        if channel.get("kind"):
            label = channel["kind"] + (f" ({channel['platform']})" if channel.get("platform") else "")
            prev_c = node("channel:" + label.casefold(), label, "channel", when)
            edges.setdefault((prev, prev_c), {"source": prev, "target": prev_c, "documents": 0})["documents"] += 1
            prev = prev_c
        for i, hop in enumerate(hops):
            role = "outlet" if i == len(hops) - 1 else "conduit"
            key = node("hop:" + hop.casefold(), hop, role, when)
            if key != prev:
                edges.setdefault((prev, key), {"source": prev, "target": key, "documents": 0})["documents"] += 1
            prev = key
        nodes[prev]["documents"] += 1
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}
