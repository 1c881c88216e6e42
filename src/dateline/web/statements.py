"""Statements for the web app, on the store's own (store/statements.py): one claim by one
speaker as carried by many documents. This module only shapes them for the views: the wording
of each copy against the statement's, the spread as a graph, the latest statements.
"""

from __future__ import annotations

import difflib
import sqlite3
from typing import Any

from ..store import statements as store


def resolve(conn: sqlite3.Connection, ref: str) -> str | None:
    """A statement id for ``ref``: a statement's id, or a claim's reference ``<document id>:<claim id>``."""
    if conn.execute("SELECT 1 FROM statements WHERE id = ?", (ref,)).fetchone():
        return ref
    document_id, _, local_id = ref.rpartition(":")
    if document_id and local_id:
        return store.statement_of(conn, document_id, local_id)
    return None


def statement(conn: sqlite3.Connection, sid: str) -> dict[str, Any] | None:
    """The statement, its member claims, and its wordings side by side with their differences."""
    st = store.statement(conn, sid)
    if st is None:
        return None
    st["wordings"] = wordings(st)
    return st


def wordings(st: dict[str, Any]) -> list[dict[str, Any]]:
    """The statement's own wording first (with the documents that print it so), then each
    variant with its words against the statement's marked (del: left out, ins: put in)."""
    base = st.get("content") or ""
    in_variants = {d for v in st.get("variants") or [] for d in v.get("documents") or []}
    own = [c["document_id"] for c in st.get("carriers") or [] if c["document_id"] not in in_variants]
    out = [{"content": base, "documents": own, "diff": [{"op": "same", "text": base}], "changes": []}]
    for v in st.get("variants") or []:
        out.append({"content": v.get("content"), "documents": v.get("documents") or [],
                    "diff": word_diff(base, v.get("content") or ""), "changes": v.get("changes") or []})
    return out


def latest(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    """The latest statements by their one date (the ``statements_said_on`` index)."""
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM statements WHERE content IS NOT NULL ORDER BY said_on DESC LIMIT ?", (limit,))]
    out = []
    for sid in ids:
        row = conn.execute(
            "SELECT id, speaker_entity_id, speaker_name, kind, content, said_on, carriers, outlets, first_document_id "
            "FROM statements WHERE id = ?", (sid,)).fetchone()
        out.append(dict(row))
    return out


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


def spread(conn: sqlite3.Connection, sid: str, speaker_entity: int | None = None) -> dict[str, Any]:
    """The store's spread tree as a flat graph for the page: nodes {id, label, role, first},
    edges {source, target, time}; the speaker's node links to their page."""
    tree = store.spread(conn, sid) or {"nodes": [], "edges": []}
    nodes = []
    for n in tree["nodes"]:
        role = n.get("kind")
        nodes.append({"id": n["id"], "label": n.get("label"), "role": role, "first": n.get("time"),
                      "entity": speaker_entity if role == "speaker" else None,
                      "document_id": n.get("document_id")})
    return {"nodes": nodes, "edges": [dict(e) for e in tree["edges"]]}
