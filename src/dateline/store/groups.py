"""Groups of documents, recomputed from what the store holds (link/ does the finding).

Near-duplicate pairs are found at ingest (they need the MinHash index) and kept in ``links``;
copies, versions and stories are cheap to find again from the articles' columns. Groups are
rebuilt in one transaction after each ingest; a store that was killed before that is marked
``groups_dirty`` and rebuilt on the next ingest or query.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..link.groups import Components
from ..link.stories import DEFAULT_STORY, StoryDoc, StoryOptions, story_pairs
from ..link.versions import VersionKey, version_pairs
from .entities import name_key

#: entity types that make no story (the rest do; their names count, whatever type NER gave them)
NOT_STORY_TYPES = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL")


def regroup(conn: sqlite3.Connection, story: StoryOptions = DEFAULT_STORY, version_window_days: int = 3) -> dict[str, int]:
    """Rebuild every group; the caller holds the transaction. Returns the count of each kind."""
    rows = conn.execute(
        "SELECT d.id, d.seq, d.url, a.title, a.base_title, a.version_label, a.published_day, a.text_hash, "
        "substr(a.text, 1, 600) FROM documents d JOIN articles a ON a.seq = d.seq WHERE d.status = 'ok' "
        "ORDER BY d.seq"
    ).fetchall()
    info = {r[0]: r for r in rows}
    order = {r[0]: (r[6] or "9999", r[1]) for r in rows}
    found: list[tuple[str, list[str]]] = []

    by_hash: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_hash[r[7]].append(r[0])
    copies = [ids for ids in by_hash.values() if len(ids) > 1]
    found += [("copy", ids) for ids in copies]

    near = [
        (a, b)
        for a, b in conn.execute("SELECT a, b FROM links WHERE kind = 'near'")
        if a in info and b in info
    ]
    syndicated = [ids for ids in Components().union_all(near).groups() if len({info[i][7] for i in ids}) > 1]
    found += [("syndicated", ids) for ids in syndicated]

    vpairs = version_pairs(
        (VersionKey(r[0], r[2], r[4], r[5], r[6]) for r in rows), window_days=version_window_days
    )
    found += [("version", ids) for ids in Components().union_all((a, b) for a, b, _ in vpairs).groups()]

    entities: dict[str, set[str]] = defaultdict(set)
    marks = ",".join("?" * len(NOT_STORY_TYPES))
    for doc, name in conn.execute(
        f"SELECT document_id, name FROM document_entities WHERE type IS NULL OR type NOT IN ({marks})",
        NOT_STORY_TYPES,
    ):
        if key := name_key(name):
            entities[doc].add(key)
    docs = [StoryDoc(r[0], r[6], r[4] or r[3], _lead(r[8]), sorted(entities.get(r[0], ()))) for r in rows]
    spairs = [(a, b) for a, b, _ in story_pairs(docs, story)]
    # one wire story and its copies are one telling: a story needs two tellings or more
    telling = Components()
    for ids in copies + syndicated:
        for i in ids[1:]:
            telling.union(ids[0], i)
    story_components = Components().union_all(spairs + near + [(a, b) for a, b, _ in vpairs])
    for ids in story_components.groups():
        if len({telling._root(i) for i in ids}) >= 2:
            found.append(("story", ids))

    conn.execute("DELETE FROM group_members")
    conn.execute("DELETE FROM groups")
    counts: dict[str, int] = defaultdict(int)
    for kind, ids in found:
        members = sorted(ids, key=lambda i: order[i])
        first = min(ids, key=lambda i: info[i][1])
        gid = f"{kind}-{first}"
        days = [info[i][6] for i in members if info[i][6]]
        title = info[first][4] or info[first][3]
        conn.execute(
            "INSERT INTO groups (id, kind, size, title, first_published, last_published) VALUES (?,?,?,?,?,?)",
            (gid, kind, len(members), title, min(days) if days else None, max(days) if days else None),
        )
        conn.executemany(
            "INSERT INTO group_members (group_id, document_id, position) VALUES (?,?,?)",
            [(gid, m, i) for i, m in enumerate(members)],
        )
        counts[kind] += 1
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'groups_dirty'")
    return dict(counts)


def _lead(text: str | None) -> str:
    if not text:
        return ""
    return text.split("\n\n", 1)[0][:400]
