"""New documents linked against the store through its indexes, never by loading all of it.

- near-duplicates: at write time, the LSH band keys of a whole batch are looked up in
  ``lsh_bands`` in one query, in key order (:class:`BatchBands`); each new document's candidates
  are read by seq and verified, then its own band keys added to level 0 (:func:`link_near`);
  full levels are merged into the next after each batch (:func:`merge_bands`);
- versions: the new document's address and headline, through their indexes;
- stories: only the articles whose rarity or pairing window reaches a new one's date are
  loaded and compared (a few weeks of news around the new dates, whatever the store's size);
- groups: only the components that hold a new document or a changed story link are walked
  (through the links' indexes) and written again, in place: a group keeps its id while its
  first member stays.

The result is the one :func:`dateline.store.groups.relink` gives on the same data.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from itertools import islice

from ..link.dedupe import DEFAULT_DEDUPE, DedupeOptions, Fingerprint, Match, band_keys, verify
from ..link.stories import DEFAULT_STORY, StoryDoc, StoryOptions, iter_story_pairs, keys_from_bytes
from ..link.versions import _days_apart, _same_site
from .groups import (
    MEMBER_COLUMNS,
    STORY_LINKS,
    VERSION_WINDOW_DAYS,
    Member,
    counts,
    delete_group,
    member,
    save_story_features,
    set_linked,
    story_title,
    tellings,
    write_group,
)

_CHUNK = 500  # ids per IN (...) list
# "+d.status", "+g.kind": a column of a few values is never the index to search by (without
# ANALYZE statistics SQLite would take it, and read every stored document for each lookup)


#: the band index is kept in levels, as a log-structured merge tree is: new keys go to level 0
#: (small, so a batch's inserts dirty few pages, whatever the store's size); a level holding more
#: than BAND_LEVEL_ROWS * BAND_FANOUT ** level keys is merged into the next, in key order. One
#: B-tree of random 64-bit keys instead made every new key dirty a page of its own once the store
#: was large (37 a document, written to the WAL and back at every commit)
BAND_LEVEL_ROWS = 40_000
BAND_FANOUT = 8
#: where the keys of a full rebuild (and of a store from before the levels) go: one level above
#: any that merging reaches
BASE_LEVEL = 30

_LEVELS = (
    "WITH RECURSIVE lv (level) AS (SELECT min(level) FROM lsh_bands UNION ALL "
    "SELECT (SELECT min(level) FROM lsh_bands WHERE level > lv.level) FROM lv WHERE lv.level IS NOT NULL) "
    "SELECT level FROM lv WHERE level IS NOT NULL"
)


def band_levels(conn: sqlite3.Connection) -> list[int]:
    """The levels of the band index that hold keys, and always level 0 (where new keys go)."""
    return sorted({0, *(r[0] for r in conn.execute(_LEVELS))})


class BatchBands:
    """The band keys of a batch of new documents, looked up in the index at once before it is
    written: one query, its keys in ascending order, so each page of a level is read once for
    the whole batch (37 random lookups a document in each level otherwise, each a page of its
    own once the index is beyond SQLite's page cache). The batch's own documents are added as
    they join the index, so that a later one finds an earlier one as it would in the table; a
    seq found before the batch that one of them has taken since (a deleted document's) is not
    theirs, and is left out."""

    def __init__(self, conn: sqlite3.Connection, fingerprints: Iterable[Fingerprint | None],
                 dedupe: DedupeOptions = DEFAULT_DEDUPE) -> None:
        self.dedupe = dedupe
        self._keys: dict[bytes, list[int]] = {}
        for fp in fingerprints:
            if fp is not None and fp.shingles >= dedupe.min_shingles:
                self._keys.setdefault(fp.signature.tobytes(), band_keys(fp.signature, dedupe))
        self.stored: dict[int, list[int]] = {}  # key -> seqs, as the table answered before the batch
        self.new: dict[int, list[int]] = {}  # key -> seqs of the batch's documents, as they join
        self.written: set[int] = set()
        wanted = sorted({k for keys in self._keys.values() for k in keys})
        if wanted:
            levels = band_levels(conn)
            for key, seq in conn.execute(
                f"SELECT band_key, seq FROM lsh_bands WHERE level IN ({','.join('?' * len(levels))}) "
                "AND band_key IN (SELECT value FROM json_each(?))",
                (*levels, json.dumps(wanted)),
            ):
                self.stored.setdefault(key, []).append(seq)

    def candidates(self, keys: Sequence[int]) -> list[int]:
        found = {s for k in keys for s in self.stored.get(k, ()) if s not in self.written}
        return sorted(found.union(*(self.new.get(k, ()) for k in keys)))

    def joined(self, seq: int, keys: Sequence[int]) -> None:
        self.written.add(seq)
        for k in keys:
            self.new.setdefault(k, []).append(seq)

    def keys(self, fp: Fingerprint) -> list[int]:
        keys = self._keys.get(fp.signature.tobytes())
        return keys if keys is not None else band_keys(fp.signature, self.dedupe)


def link_near(
    conn: sqlite3.Connection, seq: int, document_id: str, fp: Fingerprint, dedupe: DedupeOptions = DEFAULT_DEDUPE,
    batch: BatchBands | None = None,
) -> list[Match]:
    """The stored near-duplicates of a new document (now written), which then joins the index.
    With ``batch``: its keys were looked up with the rest of the batch's (the same answer)."""
    if fp.shingles < dedupe.min_shingles:
        return []
    if batch is None:
        keys = band_keys(fp.signature, dedupe)
        levels = band_levels(conn)
        seqs = [r[0] for r in conn.execute(
            f"SELECT DISTINCT seq FROM lsh_bands WHERE level IN ({','.join('?' * len(levels))}) "
            f"AND band_key IN ({','.join('?' * len(keys))})",
            (*levels, *keys),
        )]
    else:
        keys = batch.keys(fp)
        seqs = batch.candidates(keys)
    found = []
    for chunk in _chunks(seqs):
        for other, shingles, sig in conn.execute(
            "SELECT f.document_id, f.shingles, f.signature FROM fingerprints f JOIN documents d ON d.id = f.document_id "
            f"WHERE d.seq IN ({','.join('?' * len(chunk))}) AND +d.status = 'ok'",
            tuple(chunk),
        ).fetchall():
            if other == document_id:
                continue
            hit = verify(fp.signature, fp.shingles, Fingerprint.signature_from(sig), int(shingles), dedupe)
            if hit is not None:
                found.append(Match(other, *hit))
    conn.executemany(
        "INSERT INTO lsh_bands (level, band_key, seq) VALUES (0, ?, ?) ON CONFLICT DO NOTHING", [(k, seq) for k in keys]
    )
    if batch is not None:
        batch.joined(seq, keys)
    return found


def merge_bands(conn: sqlite3.Connection) -> int:
    """Merge each full level of the band index into the next (the caller holds the transaction;
    the corpus calls this after each batch). Returns the keys moved."""
    moved, level = 0, 0
    while level < BASE_LEVEL - 1:
        cap = BAND_LEVEL_ROWS * BAND_FANOUT**level
        # count no further than the level's capacity: a level is never counted whole
        n = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM lsh_bands WHERE level = ? LIMIT ?)", (level, cap + 1)
        ).fetchone()[0]
        if n <= cap:
            break
        conn.execute(
            "INSERT INTO lsh_bands (level, band_key, seq) SELECT ?, band_key, seq FROM lsh_bands WHERE level = ? "
            "ORDER BY band_key, seq ON CONFLICT DO NOTHING",
            (level + 1, level),
        )
        moved += conn.execute("DELETE FROM lsh_bands WHERE level = ?", (level,)).rowcount
        level += 1
    return moved


def unlink_near(conn: sqlite3.Connection, document_id: str, dedupe: DedupeOptions = DEFAULT_DEDUPE) -> None:
    """Take a document's band keys out of the index (a document being deleted)."""
    row = conn.execute(
        "SELECT d.seq, f.signature FROM fingerprints f JOIN documents d ON d.id = f.document_id "
        "WHERE f.document_id = ?",
        (document_id,),
    ).fetchone()
    if row:
        keys = band_keys(Fingerprint.signature_from(row[1]), dedupe)
        levels = band_levels(conn)
        conn.executemany(
            f"DELETE FROM lsh_bands WHERE level IN ({','.join('?' * len(levels))}) AND band_key = ? AND seq = ?",
            [(*levels, k, row[0]) for k in keys],
        )


def link_new(
    conn: sqlite3.Connection,
    after_seq: int,
    story: StoryOptions = DEFAULT_STORY,
    version_window_days: int = VERSION_WINDOW_DAYS,
) -> dict[str, int]:
    """Link the documents stored after ``after_seq`` (their near links are already there) and
    update the groups they touch. The caller holds the transaction."""
    new = conn.execute(
        "SELECT d.id, d.seq, d.url, d.url_key, a.title_key, a.version_label, a.published_day "
        "FROM documents d JOIN articles a ON a.seq = d.seq WHERE d.seq > ? AND +d.status = 'ok' ORDER BY d.seq",
        (after_seq,),
    ).fetchall()
    if new:
        new_ids = [r[0] for r in new]
        _link_versions(conn, new, version_window_days)
        changed = _link_stories(conn, new, story)
        _regroup(conn, "copy", _copy_components(conn, new_ids))
        _regroup(conn, "syndicated", _components(conn, new_ids, ("near",)))
        _regroup(conn, "version", _components(conn, new_ids, ("version",)))
        _regroup(conn, "story", _components(conn, sorted(set(new_ids) | changed), STORY_LINKS))
    from .statements import link_statements

    link_statements(conn)  # the claims stored since the last grouping
    set_linked(conn)
    return counts(conn)


# --- links ---------------------------------------------------------------------------------


def _insert_links(conn: sqlite3.Connection, kind: str, pairs: Iterable[tuple[str, int, str, int, float]]) -> None:
    rows = [(a, b, kind, s) if sa < sb else (b, a, kind, s) for a, sa, b, sb, s in pairs]
    conn.executemany("INSERT INTO links (a, b, kind, score) VALUES (?,?,?,?) ON CONFLICT DO NOTHING", rows)


def _link_versions(conn: sqlite3.Connection, new: Sequence, window_days: int) -> None:
    found = []
    for doc, seq, url, ukey, tkey, label, day in new:
        if ukey:
            # one address: each version links to the one stored before it
            prev = conn.execute(
                "SELECT d.id, d.seq FROM documents d WHERE d.url_key = ? AND d.status = 'ok' AND d.seq < ? "
                "AND EXISTS (SELECT 1 FROM articles a WHERE a.seq = d.seq) ORDER BY d.seq DESC LIMIT 1",
                (ukey, seq),
            ).fetchone()
            if prev:
                found.append((prev[0], int(prev[1]), doc, seq, 1.0))
        if tkey:
            # one headline: a labelled version and each other version of it on its site, within the window
            for oid, oseq, ourl, olabel, oday in conn.execute(
                "SELECT d.id, d.seq, d.url, a.version_label, a.published_day FROM articles a "
                "JOIN documents d ON d.seq = a.seq WHERE a.title_key = ? AND +d.status = 'ok' AND a.seq != ?",
                (tkey, seq),
            ).fetchall():
                if not (label or olabel) or (label or "").casefold() == (olabel or "").casefold():
                    continue
                if not _same_site(url, ourl):
                    continue
                apart = _days_apart(day, oday)
                if apart is None or apart <= window_days:
                    found.append((oid, int(oseq), doc, seq, 1.0))
    _insert_links(conn, "version", found)


def _ordinal(day: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(day[:10]).toordinal()  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def _spans(days: Iterable[int], reach: int) -> list[tuple[int, int]]:
    """Merged [start, end] day ranges within ``reach`` of the days."""
    out: list[list[int]] = []
    for d in sorted(set(days)):
        if out and d - reach <= out[-1][1] + 1:
            out[-1][1] = d + reach
        else:
            out.append([d - reach, d + reach])
    return [(a, b) for a, b in out]


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(max(1, ordinal)).isoformat()


def _link_stories(conn: sqlite3.Connection, new: Sequence, story: StoryOptions) -> set[str]:
    """Story links of every article whose pairs a new one may change; returns the articles whose
    story links were taken away or made (the components to walk again).

    Bounded memory whatever the size of the window (a one-day crawl's window is the whole
    crawl): the window's articles are read a few hundred at a time into story_pairs, which
    keeps them on disk, and the pairs come back a slice at a time."""
    days = [_ordinal(r[6]) for r in new]
    dated = [d for d in days if d is not None]
    undated = len(dated) < len(days)
    # rarity changes within rarity_days of a new article; those articles' partners lie within
    # window_days of them, and the partners' rarity needs one more rarity window around them
    affected = _spans(dated, story.rarity_days)
    load = _spans(dated, story.reach_days() + story.rarity_days)

    def is_affected(day: str | None) -> bool:
        d = _ordinal(day)
        return (d is None and undated) or (d is not None and any(s <= d <= e for s, e in affected))

    # the kept feature keys (story_features); an article without them (none should be left once
    # migration 9's backfill is done) gets them worked out from its text here, and kept
    cols = ("d.id, a.published_day, sf.keys, a.seq, CASE WHEN sf.keys IS NULL THEN a.title END, "
            "CASE WHEN sf.keys IS NULL THEN a.base_title END, CASE WHEN sf.keys IS NULL THEN substr(a.text, 1, 600) END")
    base = "SELECT {} FROM articles a JOIN documents d ON d.seq = a.seq WHERE +d.status = 'ok' AND "
    keyed = ("SELECT {} FROM articles a JOIN documents d ON d.seq = a.seq LEFT JOIN story_features sf "
             "ON sf.seq = a.seq WHERE +d.status = 'ok' AND ")
    queries = [("a.published_day BETWEEN ? AND ?", (_iso(s), _iso(e))) for s, e in load]
    if undated:
        queries.append(("a.published_day IS NULL", ()))

    # the story links of the affected articles go; those still true are found again below
    touched: set[str] = set()
    for cond, args in queries:
        rows = conn.execute(base.format("d.id, a.published_day") + cond, args)
        while chunk := rows.fetchmany(_CHUNK):
            ids = [doc for doc, day in chunk if is_affected(day)]
            if not ids:
                continue
            marks = ",".join("?" * len(ids))
            gone = conn.execute(
                f"SELECT a, b FROM links WHERE kind = 'story' AND a IN ({marks}) "
                f"UNION SELECT a, b FROM links WHERE kind = 'story' AND b IN ({marks})",
                (*ids, *ids),
            ).fetchall()
            conn.executemany("DELETE FROM links WHERE a = ? AND b = ? AND kind = 'story'", gone)
            touched.update(i for pair in gone for i in pair)

    def docs() -> Iterable:
        # read as the pairs are counted, a few hundred at a time: the window is never held whole
        for cond, args in queries:
            rows = conn.execute(keyed.format(cols) + cond, args)
            while chunk := rows.fetchmany(_CHUNK):
                missing = [(r[3], r[0], story_title(r[4], r[5]), r[6]) for r in chunk if r[2] is None]
                made = save_story_features(conn, missing) if missing else {}
                for r in chunk:
                    yield StoryDoc(r[0], r[1], None, None, keys=keys_from_bytes(r[2] if r[2] is not None else made[r[3]]))

    pairs = iter_story_pairs(docs(), story, among=lambda d: is_affected(d.day))
    while chunk := list(islice(pairs, 2000)):
        seqs = _seqs(conn, {i for a, b, _ in chunk for i in (a, b)})
        _insert_links(conn, "story", [(a, seqs[a], b, seqs[b], round(o, 4)) for a, b, o in chunk])
        touched.update(i for a, b, _ in chunk for i in (a, b))
    return touched


def _seqs(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(ids)):
        marks = ",".join("?" * len(chunk))
        out.update((i, int(q)) for i, q in conn.execute(f"SELECT id, seq FROM documents WHERE id IN ({marks})", chunk))
    return out


# --- groups --------------------------------------------------------------------------------


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _members(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Member]:
    out: dict[str, Member] = {}
    for chunk in _chunks(sorted(set(ids))):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT {MEMBER_COLUMNS} FROM documents d JOIN articles a ON a.seq = d.seq "
            f"WHERE d.id IN ({marks}) AND +d.status = 'ok'",
            chunk,
        ):
            out[row[0]] = member(row)
    return out


Component = tuple[list[str], list[tuple[str, str, str]]]  # members, links (a, b, kind) inside


def _components(conn: sqlite3.Connection, seeds: Iterable[str], kinds: tuple[str, ...]) -> list[Component]:
    """The connected components (through links of these kinds) that hold the seeds."""
    marks = ",".join("?" * len(kinds))
    seen: set[str] = set()
    out: list[Component] = []
    for seed in seeds:
        if seed in seen:
            continue
        seen.add(seed)
        members, edges, todo = [seed], [], [seed]
        while todo:
            doc = todo.pop()
            for a, b, kind in conn.execute(
                f"SELECT a, b, kind FROM links WHERE a = ? AND kind IN ({marks}) "
                f"UNION ALL SELECT a, b, kind FROM links WHERE b = ? AND kind IN ({marks})",
                (doc, *kinds, doc, *kinds),
            ):
                if a == doc:
                    edges.append((a, b, kind))
                other = b if a == doc else a
                if other not in seen:
                    seen.add(other)
                    members.append(other)
                    todo.append(other)
        out.append((members, edges))
    return out


def _copy_components(conn: sqlite3.Connection, new_ids: Sequence[str]) -> list[Component]:
    hashes = {m.text_hash for m in _members(conn, new_ids).values()}
    out: list[Component] = []
    for h in sorted(hashes):
        ids = [r[0] for r in conn.execute(
            "SELECT d.id FROM articles a JOIN documents d ON d.seq = a.seq WHERE a.text_hash = ? AND +d.status = 'ok'",
            (h,),
        )]
        out.append((ids, []))
    return out


def _regroup(conn: sqlite3.Connection, kind: str, components: list[Component]) -> None:
    """Write the groups of these components again: what they became, in place of what they were."""
    ids = sorted({i for members, _ in components for i in members})
    info = _members(conn, ids)
    old: set[str] = set()
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        old.update(r[0] for r in conn.execute(
            f"SELECT DISTINCT gm.group_id FROM group_members gm JOIN groups g ON g.id = gm.group_id "
            f"WHERE gm.document_id IN ({marks}) AND +g.kind = ?",
            (*chunk, kind),
        ))
    written: set[str] = set()
    for members, edges in components:
        docs = [info[i] for i in members if i in info]
        if len(docs) < 2 or not _qualifies(kind, docs, edges):
            continue
        written.add(write_group(conn, kind, docs))
    for gid in sorted(old - written):
        delete_group(conn, gid)


def _qualifies(kind: str, docs: list[Member], edges: list[tuple[str, str, str]]) -> bool:
    if kind == "syndicated":
        return len({d.text_hash for d in docs}) > 1
    if kind == "story":
        return tellings(docs, [(a, b) for a, b, k in edges if k == "near"]) >= 2
    return True
