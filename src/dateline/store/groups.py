"""Groups of documents and the links they are made of; the full rebuild (link/ does the finding).

What each group kind is made of (kept in ``links``, one row per pair, earlier document first):

- ``copy``: the same ``text_hash`` (no links needed: the articles' index finds them);
- ``syndicated``: components of ``near`` links (near-duplicate text, found at ingest through
  the ``lsh_bands`` index) with more than one distinct text;
- ``version``: components of ``version`` links (one address, or one headline with version labels);
- ``story``: components of ``story``, ``near`` and ``version`` links with two tellings or more
  (a telling: one text with its copies and syndicated copies).

After an ingest only the new documents are linked (store/linking.py): their links, then the
groups they touch, updated in place. :func:`relink` rebuilds all of it from the articles and
fingerprints (``dateline relink``); both give the same links and groups on the same data.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..link.dedupe import DEFAULT_DEDUPE, DedupeOptions, Fingerprint, NearDuplicateIndex, band_keys
from ..link.groups import Components
from ..link.stories import (
    DEFAULT_STORY,
    StoryDoc,
    StoryOptions,
    feature_keys,
    keys_to_bytes,
    story_pairs,
)
from ..link.versions import VersionKey, version_pairs
from .entities import name_key

#: entity types that make no story (the rest do; their names count, whatever type NER gave them)
NOT_STORY_TYPES = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL")
#: the links a story is made of
STORY_LINKS = ("story", "near", "version")
VERSION_WINDOW_DAYS = 3


@dataclass(frozen=True, slots=True)
class Member:
    """What a group needs of one document."""

    id: str
    seq: int
    day: str | None
    title: str | None  # base title, else title
    text_hash: str


MEMBER_COLUMNS = "d.id, d.seq, a.published_day, coalesce(a.base_title, a.title), a.text_hash"


def member(row: Sequence) -> Member:
    return Member(row[0], int(row[1]), row[2], row[3], row[4])


def tellings(members: Iterable[Member], near: Iterable[tuple[str, str]]) -> int:
    """How many separate tellings: a text with its exact and near copies counts once."""
    one = Components()
    by_hash: dict[str, str] = {}
    for m in members:
        one.add(m.id)
        if m.text_hash in by_hash:
            one.union(by_hash[m.text_hash], m.id)
        else:
            by_hash[m.text_hash] = m.id
    one.union_all(near)
    return len({one._root(i) for i in one._parent})


def write_group(conn: sqlite3.Connection, kind: str, members: Sequence[Member]) -> str:
    """Insert or replace one group; its id is its kind and its first member (stable as it grows)."""
    first = min(members, key=lambda m: m.seq)
    gid = f"{kind}-{first.id}"
    ordered = sorted(members, key=lambda m: (m.day or "9999", m.seq))
    days = [m.day for m in ordered if m.day]
    conn.execute(
        "INSERT INTO groups (id, kind, size, title, first_published, last_published) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, size = excluded.size, title = excluded.title, "
        "first_published = excluded.first_published, last_published = excluded.last_published",
        (gid, kind, len(ordered), first.title, min(days) if days else None, max(days) if days else None),
    )
    conn.execute("DELETE FROM group_members WHERE group_id = ?", (gid,))
    conn.executemany(
        "INSERT INTO group_members (group_id, document_id, position) VALUES (?,?,?)",
        [(gid, m.id, i) for i, m in enumerate(ordered)],
    )
    return gid


def delete_group(conn: sqlite3.Connection, gid: str) -> None:
    conn.execute("DELETE FROM group_members WHERE group_id = ?", (gid,))
    conn.execute("DELETE FROM groups WHERE id = ?", (gid,))


def story_doc(row: Sequence, entities: Iterable[str]) -> StoryDoc:
    """(id, day, base title or title, first 600 characters of the text) → what stories compare."""
    return StoryDoc(row[0], row[1], row[2], _lead(row[3]), sorted(set(entities)))


def story_entity_filter() -> tuple[str, tuple[str, ...]]:
    marks = ",".join("?" * len(NOT_STORY_TYPES))
    return f"(de.type IS NULL OR de.type NOT IN ({marks}))", NOT_STORY_TYPES


# --- story features, kept -----------------------------------------------------------------
#
# An article's story features (its entities' names, its headline's and lead's content words and
# word pairs) as their 64-bit keys, one row a stored article (``story_features``, migration 9):
# written with the article and again when its analysis changes, so that linking an ingest reads
# the keys of the articles around the new ones instead of working them out from their text
# every time. :func:`relink` works them all out again from the articles.

#: ``meta`` key while the articles stored before migration 9 get theirs: the last seq done
BACKFILL_KEY = "story_features_at"
_BACKFILL_BATCH = 2000


def story_title(title: str | None, base_title: str | None) -> str | None:
    """The headline stories compare: the base title (without a version label), else the title."""
    return base_title or title


_SAVE = ("INSERT INTO story_features (seq, keys) VALUES (?, ?) ON CONFLICT (seq) DO UPDATE SET keys = excluded.keys")
# (an upsert: INSERT OR REPLACE cost five times as much a row, with the store's foreign keys on)


def save_story_features(
    conn: sqlite3.Connection,
    rows: Sequence[tuple[int, str, str | None, str | None]],
    entities: Sequence[tuple[str, str | None]] | None = None,
) -> dict[int, bytes]:
    """Work out and keep the story feature keys of these articles: (seq, document id, story
    title, text — its first 600 characters suffice), their entities read from the store — or, for
    one article, ``entities``: the (name, type) of those just stored for it. Returns the keys by
    seq (as stored)."""
    where, params = story_entity_filter()
    out: dict[int, bytes] = {}
    for at in range(0, len(rows), 500):
        chunk = rows[at : at + 500]
        names: dict[str, set[str]] = defaultdict(set)
        if entities is not None and len(rows) == 1:
            found: Iterable[tuple[str, str]] = ((rows[0][1], n) for n, t in entities if t is None or t not in NOT_STORY_TYPES)
        else:
            marks = ",".join("?" * len(chunk))
            found = conn.execute(
                f"SELECT de.document_id, de.name FROM document_entities de WHERE {where} AND de.document_id IN ({marks})",
                (*params, *(r[1] for r in chunk)),
            )
        for doc, name in found:
            if key := name_key(name):
                names[doc].add(key)
        for seq, doc, title, text in chunk:
            out[seq] = keys_to_bytes(feature_keys(story_doc((doc, None, title, (text or "")[:600]), names.get(doc, ()))))
    conn.executemany(_SAVE, list(out.items()))
    return out


def backfill_story_features(conn: sqlite3.Connection, batch: int | None = None) -> int:
    """Give the articles stored before migration 9 their story feature keys, a batch a
    transaction (interrupted, the next opening carries on after the last batch done; a batch done
    twice writes the same rows). Returns how many were done; nothing once finished."""
    done, batch = 0, batch or _BACKFILL_BATCH
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (BACKFILL_KEY,)).fetchone()
            if row is None:  # finished (perhaps by another process)
                conn.execute("COMMIT")
                return done
            rows = conn.execute(
                "SELECT a.seq, a.document_id, a.title, a.base_title, substr(a.text, 1, 600) FROM articles a "
                "WHERE a.seq > ? ORDER BY a.seq LIMIT ?",
                (int(row[0]), batch),
            ).fetchall()
            if rows:
                save_story_features(conn, [(r[0], r[1], story_title(r[2], r[3]), r[4]) for r in rows])
                conn.execute("UPDATE meta SET value = ? WHERE key = ?", (str(rows[-1][0]), BACKFILL_KEY))
            else:
                conn.execute("DELETE FROM meta WHERE key = ?", (BACKFILL_KEY,))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        done += len(rows)
        if not rows:
            return done


def set_linked(conn: sqlite3.Connection) -> None:
    """Every document stored so far is linked."""
    top = conn.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('linked_seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(top),),
    )
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'groups_dirty'")


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT kind, count(*) FROM groups GROUP BY kind").fetchall())


def relink(
    conn: sqlite3.Connection,
    story: StoryOptions = DEFAULT_STORY,
    version_window_days: int = VERSION_WINDOW_DAYS,
    dedupe: DedupeOptions = DEFAULT_DEDUPE,
) -> dict[str, int]:
    """Rebuild the LSH index, every link and every group from the store; the caller holds the
    transaction. Returns the count of groups of each kind. Holds the whole store's signatures and
    story features in memory: the full rebuild, not what an ingest does."""
    rows = conn.execute(
        "SELECT d.id, d.seq, d.url, a.title, a.base_title, a.version_label, a.published_day, a.text_hash, "
        "substr(a.text, 1, 600) FROM documents d JOIN articles a ON a.seq = d.seq WHERE d.status = 'ok' "
        "ORDER BY d.seq"
    ).fetchall()
    info = {r[0]: Member(r[0], int(r[1]), r[6], r[4] or r[3], r[7]) for r in rows}
    seq = {i: m.seq for i, m in info.items()}

    def ordered(a: str, b: str) -> tuple[str, str]:
        return (a, b) if seq[a] < seq[b] else (b, a)

    from .linking import BASE_LEVEL

    conn.execute("DELETE FROM links")
    conn.execute("DELETE FROM lsh_bands")
    # near-duplicates: every signature against the earlier ones, as ingest found them
    index = NearDuplicateIndex(dedupe)
    near: list[tuple[str, str]] = []
    for doc, dseq, shingles, sig in conn.execute(
        "SELECT f.document_id, d.seq, f.shingles, f.signature FROM fingerprints f "
        "JOIN documents d ON d.id = f.document_id WHERE d.status = 'ok' ORDER BY d.seq"
    ).fetchall():
        if doc not in info:
            continue
        fp = Fingerprint("", Fingerprint.signature_from(sig), int(shingles))
        found = index.link(doc, fp)
        conn.executemany(
            "INSERT INTO links (a, b, kind, score) VALUES (?, ?, 'near', ?) ON CONFLICT DO NOTHING",
            [(m.other, doc, round(m.jaccard, 4)) for m in found],
        )
        near += [(m.other, doc) for m in found]
        if fp.shingles >= dedupe.min_shingles:
            conn.executemany(
                "INSERT INTO lsh_bands (level, band_key, seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(BASE_LEVEL, k, dseq) for k in band_keys(fp.signature, dedupe)],
            )

    vpairs = sorted({ordered(a, b) for a, b, _ in version_pairs(
        (VersionKey(r[0], r[2], r[4], r[5], r[6]) for r in rows), window_days=version_window_days)})
    conn.executemany("INSERT INTO links (a, b, kind, score) VALUES (?, ?, 'version', 1.0)", vpairs)

    entities: dict[str, set[str]] = defaultdict(set)
    where, params = story_entity_filter()
    for doc, name in conn.execute(f"SELECT de.document_id, de.name FROM document_entities de WHERE {where}", params):
        if key := name_key(name):
            entities[doc].add(key)
    docs = [story_doc((r[0], r[6], story_title(r[3], r[4]), r[8]), entities.get(r[0], ())) for r in rows]
    # the story features kept for each article, worked out again from the articles
    for d in docs:
        d.keys = feature_keys(d)
    conn.executemany(_SAVE, [(info[d.id].seq, keys_to_bytes(d.keys)) for d in docs])
    spairs: dict[tuple[str, str], float] = {}
    for a, b, overlap in story_pairs(docs, story):
        spairs[ordered(a, b)] = overlap
    conn.executemany(
        "INSERT INTO links (a, b, kind, score) VALUES (?, ?, 'story', ?)",
        [(a, b, round(o, 4)) for (a, b), o in sorted(spairs.items())],
    )

    found: list[tuple[str, list[str]]] = []
    by_hash: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_hash[r[7]].append(r[0])
    found += [("copy", ids) for ids in by_hash.values() if len(ids) > 1]
    found += [("syndicated", ids) for ids in Components().union_all(near).groups()
              if len({info[i].text_hash for i in ids}) > 1]
    found += [("version", ids) for ids in Components().union_all(vpairs).groups()]
    near_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a, b in near:
        near_of[a].append((a, b))
    for ids in Components().union_all(list(spairs) + near + vpairs).groups():
        members = [info[i] for i in ids]
        if tellings(members, [p for i in ids for p in near_of.get(i, ())]) >= 2:
            found.append(("story", ids))

    conn.execute("DELETE FROM group_members")
    conn.execute("DELETE FROM groups")
    for kind, ids in found:
        write_group(conn, kind, [info[i] for i in ids])
    from .statements import regroup_all

    regroup_all(conn)
    set_linked(conn)
    return counts(conn)


def regroup(conn: sqlite3.Connection, story: StoryOptions = DEFAULT_STORY,
            version_window_days: int = VERSION_WINDOW_DAYS) -> dict[str, int]:
    """Bring the links and groups up to date: the new documents only, or everything when the
    store has never been linked incrementally (a store from before the LSH index)."""
    from .linking import link_new

    row = conn.execute("SELECT value FROM meta WHERE key = 'linked_seq'").fetchone()
    if row is None:
        return relink(conn, story, version_window_days)
    return link_new(conn, int(row[0]), story, version_window_days)


def _lead(text: str | None) -> str:
    if not text:
        return ""
    return text.split("\n\n", 1)[0][:400]
