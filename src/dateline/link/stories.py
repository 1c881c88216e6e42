"""Stories: articles about one event, told by several outlets within a few days.

Cheap on purpose: each article is reduced to a few rare features — the corpus entities it
names and the content words and word pairs of its headline and lead — and two articles close
in time that share enough rare features (weighted by how rare) are one story. Rarity is a
matter of the days around an article, so linking new articles only ever looks at the weeks
around their dates, whatever the size of the store; and those weeks are counted on disk, a
block at a time, so that memory does not grow with them either (:func:`iter_story_pairs`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import sys
import tempfile
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

_WORD = re.compile(r"[^\W\d_][\w'’-]*")

#: words that name no event (function words and newsroom words)
STOPWORDS = frozenset(
    """a about above after again against all also an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers him his how i if in into is it its itself just last me more most
    my new no nor not now of off on once only or other our out over own said same says she should so
    some such than that the their them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would year years you your
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks
    month months day days news report reports reported according told tells say people time update
    updated live latest breaking first second one two three four five percent per cent""".split()
)


@dataclass(frozen=True, slots=True)
class StoryOptions:
    #: articles further apart than this are never one story
    window_days: int = 3
    #: rarity is judged among the articles within this many days of an article (its own days'
    #: news), not the whole corpus: so a new article changes nothing far from its date, and
    #: linking it never needs more of the store than a few weeks around it
    rarity_days: int = 1
    #: shared rarity needed, as a share of the smaller article's total (0..1)
    min_overlap: float = 0.12
    #: and at least this many shared features
    min_shared: int = 4
    #: features in more than this share of those articles are not rare (and are never compared)
    max_df: float = 0.05
    #: … but features in at most this many articles always count as rare
    always_rare: int = 20

    def reach_days(self) -> int:
        """How far from a new article the pairs that may change reach: its rarity neighbours'
        partners (what must be reloaded is one rarity window further)."""
        return self.rarity_days + self.window_days


DEFAULT_STORY = StoryOptions()


@dataclass(slots=True)
class StoryDoc:
    id: str
    day: str | None
    title: str | None
    lead: str | None
    entities: Sequence[str] = field(default_factory=tuple)  # normalised names of the entities in it
    #: its features' keys (:func:`feature_keys`) when already worked out (a store keeps them):
    #: then title, lead and entities are not read again
    keys: array | None = None


def features(doc: StoryDoc) -> set[str]:
    out = {f"e:{e}" for e in doc.entities}
    for part in (doc.title, doc.lead):
        toks = [w.casefold() for w in _WORD.findall(part or "")]
        content = [w for w in toks if len(w) > 2 and w not in STOPWORDS]
        out.update(f"w:{w}" for w in content)
        out.update(f"b:{a} {b}" for a, b in zip(content, content[1:]))
    return out


def _day(s: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(s[:10]).toordinal()  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def feature_key(feature: str) -> int:
    """A feature as a stable 64-bit number (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(feature.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little", signed=True)


def feature_keys(doc: StoryDoc) -> array:
    """The keys of an article's features (:func:`feature_key` of each, in order, each once):
    what story pairing reads of it, worked out once and kept (the store keeps them)."""
    return array("q", sorted({feature_key(f) for f in features(doc)}))


def keys_to_bytes(keys: array) -> bytes:
    """Feature keys as stored: 8 bytes each, little-endian, whatever the machine."""
    if sys.byteorder == "big":
        keys = array("q", keys)
        keys.byteswap()
    return keys.tobytes()


def keys_from_bytes(data: bytes) -> array:
    keys = array("q")
    keys.frombytes(data)
    if sys.byteorder == "big":
        keys.byteswap()
    return keys


def story_pairs(
    docs: Iterable[StoryDoc],
    options: StoryOptions = DEFAULT_STORY,
    among: Collection[str] | Callable[[StoryDoc], bool] | None = None,
) -> list[tuple[str, str, float]]:
    """Pairs of articles that tell one story: (id, id, overlap), each pair once.

    A feature is rare for an article when few of the articles within ``rarity_days`` of it
    have it (undated articles: few of the undated ones); dated articles pair within
    ``window_days``, undated ones only with each other. ``among``: only the pairs with an
    article in it (the ids, or a test of each article; the others are left out, not judged);
    every article whose rarity window or pairing window reaches them must be in ``docs``.
    """
    return list(iter_story_pairs(docs, options, among))


def iter_story_pairs(
    docs: Iterable[StoryDoc],
    options: StoryOptions = DEFAULT_STORY,
    among: Collection[str] | Callable[[StoryDoc], bool] | None = None,
) -> Iterator[tuple[str, str, float]]:
    """:func:`story_pairs`, a slice at a time, in bounded memory whatever the number of articles.

    ``docs`` is read once, as it comes, into a private temporary folder: of each article its
    id and day (a small SQLite database) and its features as 64-bit numbers (:func:`feature_key`),
    written to files by the top bits of their keys. Rarity is counted a file at a time (every
    article with a feature is in its file; a file too large is split again by the next bits),
    each article's rare features and their weights written back in the order of days, and the
    pairs counted as sparse products of a block of one day's articles against a block of
    those of its window at a time (features numbered in the order of their keys, so the sums
    are those of the whole window taken at once, bit for bit). A day of any size (a one-day
    crawl of a million pages) holds a few blocks in memory, never the day.
    """
    db = _Spill(among)
    try:
        db.load(docs)
        if db.rarity(options):
            yield from db.pairs(options)
    finally:
        db.close()


#: the day given to undated articles: further from every real day than any window reaches, so
#: that they count and pair only among themselves
_UNDATED = -(10**9)
#: articles read in one go before their features go to disk, and rows (articles of one day) per block
_LOAD_AT_ONCE = 2048
_ROW_BLOCK = 1024
#: … against column blocks of this many articles of their window
_COL_BLOCK = 1024
#: articles of a row block multiplied at a time: the product holds a row for every pair that
#: shares a rare feature (a day of 20,000 articles taken whole held gigabytes)
_ROWS_AT_ONCE = 128
#: the spill database's page cache (KiB): what it may hold in memory (ids, days); the rest is on disk
_CACHE_KIB = 4096
#: features held before they go to their files (16 bytes each), and the most a file may hold to
#: be counted in memory (beyond, it is split again by the next bits of its keys)
_SPILL_AT = 1 << 17
_BUCKET_BYTES = 1 << 20
_ENTRY = [("key", "<i8"), ("pos", "<i4"), ("day", "<i4")]
_RARE = [("feature", "<i4"), ("pos", "<i4"), ("idf", "<f8")]
_FEATURE = [("feature", "<i4"), ("idf", "<f8")]
_FEATURE_BYTES = 12
_META = [("pos", "<i4"), ("wanted", "u1"), ("w", "<f8"), ("start", "<i8"), ("size", "<i4")]
_META_BYTES = 25


class _Spill:
    """The window's articles on disk, in a private temporary folder (removed on close): the
    articles and their rare features in an SQLite database, the features while rarity is
    counted in files of fixed-size records, split by their keys' top bits."""

    def __init__(self, among) -> None:
        import numpy as np

        self.np = np
        self.tmp = tempfile.TemporaryDirectory(prefix="dateline-stories-")
        self.db = sqlite3.connect(os.path.join(self.tmp.name, "window.db"), isolation_level=None)
        for pragma in (f"cache_size = -{_CACHE_KIB}", "journal_mode = OFF", "synchronous = OFF"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(
            """
            CREATE TABLE docs (pos INTEGER PRIMARY KEY, id TEXT NOT NULL, day INTEGER NOT NULL,
                               wanted INTEGER NOT NULL);
            CREATE TABLE rare (pos INTEGER PRIMARY KEY, day INTEGER NOT NULL, wanted INTEGER NOT NULL,
                               w REAL NOT NULL, feats BLOB NOT NULL);
            """
        )
        if among is None:
            self.wanted = lambda d: True
        elif callable(among):
            self.wanted = among
        else:
            ids = among if isinstance(among, (set, frozenset, dict)) else set(among)
            self.wanted = lambda d: d.id in ids
        self.per_day: dict[int, int] = {}  # articles a day (one number a day, not an article)
        self.n = 0
        self.features = 0  # distinct features numbered so far, in the order of their keys

    def close(self) -> None:
        for fh in (getattr(self, "meta", None), getattr(self, "feats", None)):
            if fh is not None:
                fh.close()
        self.db.close()
        self.tmp.cleanup()

    def _file(self, *parts: object) -> str:
        return os.path.join(self.tmp.name, "-".join(map(str, parts)))

    # --- phase 1 -------------------------------------------------------------------------------

    def load(self, docs: Iterable[StoryDoc]) -> None:
        """Each article's id, day and features, as they come."""
        self.db.execute("BEGIN")
        rows: list[tuple] = []
        keys, sizes = array("q"), array("q")
        for pos, d in enumerate(docs):
            day = _day(d.day)
            day = _UNDATED if day is None else day
            self.per_day[day] = self.per_day.get(day, 0) + 1
            rows.append((pos, d.id, day, int(bool(self.wanted(d)))))
            before = len(keys)
            keys.extend(d.keys if d.keys is not None else {feature_key(f) for f in features(d)})
            sizes.append(len(keys) - before)
            if len(rows) >= _LOAD_AT_ONCE or len(keys) >= _SPILL_AT:
                self._write(rows, keys, sizes)
                rows, keys, sizes = [], array("q"), array("q")
            self.n = pos + 1
        self._write(rows, keys, sizes)
        self.db.execute("COMMIT")

    def _write(self, rows: list, keys: array, sizes: array) -> None:
        np = self.np
        self.db.executemany("INSERT INTO docs VALUES (?,?,?,?)", rows)
        entries = np.empty(len(keys), dtype=_ENTRY)
        entries["key"] = keys
        entries["pos"] = np.repeat(np.array([r[0] for r in rows], dtype=np.int32), sizes)
        entries["day"] = np.repeat(np.array([r[2] for r in rows], dtype=np.int32), sizes)
        self._split(entries, "b", 0)

    def _split(self, entries, name: str, depth: int) -> None:
        """Append the entries to the files of their keys' next 4 bits (``depth``: which 4)."""
        np = self.np
        part = (entries["key"] >> (60 - 4 * depth)) & 15
        order = np.argsort(part, kind="stable")
        entries, part = entries[order], part[order]
        cuts = np.flatnonzero(np.diff(part)) + 1
        for chunk in np.split(entries, cuts):
            if len(chunk):
                with open(self._file(name, depth, int((chunk["key"][0] >> (60 - 4 * depth)) & 15)), "ab") as fh:
                    chunk.tofile(fh)

    # --- phase 2 -------------------------------------------------------------------------------

    def rarity(self, options: StoryOptions) -> bool:
        """Features counted per day; each article's rare features and their weights (idf within
        its rarity window) kept as one row. False when there is nothing to pair."""
        np = self.np
        if not self.per_day:
            return False
        day_list = np.array(sorted(self.per_day), dtype=np.int64)
        dated = day_list[day_list != _UNDATED]
        spans = [(d, d) if d == _UNDATED else (d - options.rarity_days, d + options.rarity_days) for d in day_list.tolist()]
        # articles within each day's rarity window, and the most of them a feature may be in and be rare
        n = np.array([float(sum(self.per_day.get(e, 0) for e in range(lo, hi + 1))) if lo != _UNDATED
                      else float(self.per_day[_UNDATED]) for lo, hi in spans])
        limit = np.maximum(options.always_rare, np.floor(options.max_df * n))
        self.days = (day_list, n, limit, int(dated.min()) if len(dated) else 0, int(dated.max()) if len(dated) else 0)
        # the files in the order of their keys (signed: the top 4 bits 8…15 first), so that the
        # features are numbered in the order of their keys
        for nibble in (*range(8, 16), *range(8)):
            if os.path.exists(self._file("b", 0, nibble)):
                self._bucket(f"b-0-{nibble}", options)
        self._assemble()
        return True

    def _bucket(self, name: str, options: StoryOptions) -> None:
        """The rare features of one file's keys (every entry of a key is in one file)."""
        np = self.np
        path = self._file(name)
        depth = int(name.split("-")[-2])
        if os.path.getsize(path) > _BUCKET_BYTES and depth < 15:
            # too many for memory: split again by the next 4 bits, a bounded piece at a time
            with open(path, "rb") as fh:
                while len(piece := np.fromfile(fh, dtype=_ENTRY, count=_SPILL_AT)):
                    self._split(piece, name, depth + 1)
            os.unlink(path)
            for nibble in range(16):
                if os.path.exists(self._file(name, depth + 1, nibble)):
                    self._bucket(f"{name}-{depth + 1}-{nibble}", options)
            return
        entries = np.fromfile(path, dtype=_ENTRY)
        os.unlink(path)
        day_list, n, limit, first, last = self.days
        r = options.rarity_days
        undated_at = last - first + 3 * r + 3  # further than any window from every dated day
        day = entries["day"].astype(np.int64)
        undated = day == _UNDATED
        at = np.where(undated, undated_at, day - first + r + 1)
        reach = np.where(undated, 0, r)
        # count, for each entry, the articles with its key within its rarity window: the (key,
        # day) pairs as one sortable number each, their counts cumulated, two look-ups an entry
        keys, kid = np.unique(entries["key"], return_inverse=True)
        first_id = self.features
        self.features += len(keys)
        del keys
        span = np.int64(undated_at + 1)
        cell = kid.astype(np.int64) * span + at
        cells, per_cell = np.unique(cell, return_counts=True)
        cum = np.concatenate(([0], np.cumsum(per_cell)))
        count = cum[np.searchsorted(cells, cell + reach, side="right")] - cum[np.searchsorted(cells, cell - reach)]
        slot = np.searchsorted(day_list, day)
        rare = count <= limit[slot]
        out = np.empty(int(rare.sum()), dtype=_RARE)
        out["pos"], out["feature"] = entries["pos"][rare], first_id + kid[rare]
        out["idf"] = np.log((n[slot][rare] + 1) / count[rare].astype(np.float64)) + 1.0
        del entries, day, at, reach, kid, cell, cells, per_cell, cum, count, slot, rare
        block = out["pos"] // _ROW_BLOCK
        order = np.argsort(block, kind="stable")
        out, block = out[order], block[order]
        cuts = np.flatnonzero(np.diff(block)) + 1
        for chunk in np.split(out, cuts):
            if len(chunk):
                with open(self._file("r", int(chunk["pos"][0] // _ROW_BLOCK)), "ab") as fh:
                    chunk.tofile(fh)

    def _assemble(self) -> None:
        """Each article's rare features as one row, keys in order, with its total weight."""
        np = self.np
        from scipy import sparse

        db = self.db
        db.execute("BEGIN")
        for b in range(0, (self.n + _ROW_BLOCK - 1) // _ROW_BLOCK):
            path = self._file("r", b)
            if not os.path.exists(path):
                continue
            entries = np.fromfile(path, dtype=_RARE)
            os.unlink(path)
            entries = entries[np.lexsort((entries["feature"], entries["pos"]))]
            docs = db.execute("SELECT pos, day, wanted FROM docs WHERE pos >= ? AND pos < ? ORDER BY pos",
                              (b * _ROW_BLOCK, (b + 1) * _ROW_BLOCK)).fetchall()
            local = entries["pos"] - b * _ROW_BLOCK
            indptr = np.concatenate(([0], np.cumsum(np.bincount(local, minlength=len(docs)))))
            within = np.arange(len(entries)) - indptr[local]
            idf = np.ascontiguousarray(entries["idf"])
            feats = np.empty(len(entries), dtype=_FEATURE)
            feats["feature"], feats["idf"] = entries["feature"], idf
            # each article's total weight, summed as the pairs' sums are (a sparse row sum)
            totals = np.asarray(sparse.csr_matrix((idf, within, indptr), shape=(len(docs), int(within.max()) + 1))
                                .sum(axis=1)).ravel()
            out = []
            for k, (pos, day, wanted) in enumerate(docs):
                a, z = indptr[k], indptr[k + 1]
                if a < z:
                    out.append((pos, day, wanted, float(totals[k]), feats[a:z].tobytes()))
            db.executemany("INSERT INTO rare VALUES (?,?,?,?,?)", out)
        db.execute("CREATE INDEX rare_day ON rare (day, pos)")
        db.execute("COMMIT")

    def _lay_out(self) -> None:
        """The articles with rare features in the order of their days (then of arrival), as two
        flat files: a fixed-size record each, and their features end to end. A day, and any run
        of days, is then one contiguous range of both."""
        np = self.np
        self.day_at: dict[int, tuple[int, int]] = {}  # day → (first record, records)
        self.wanted_days: list[int] = []
        records = []
        start = 0
        with open(self._file("meta"), "wb") as meta, open(self._file("feats"), "wb") as feats:
            for i, (pos, day, wanted, w, blob) in enumerate(
                self.db.execute("SELECT pos, day, wanted, w, feats FROM rare ORDER BY day, pos")
            ):
                first, count = self.day_at.get(day, (i, 0))
                self.day_at[day] = (first, count + 1)
                if wanted and (not self.wanted_days or self.wanted_days[-1] != day):
                    self.wanted_days.append(day)
                size = len(blob) // _FEATURE_BYTES
                records.append((pos, wanted, w, start, size))
                start += size
                feats.write(blob)
                if len(records) >= _COL_BLOCK:
                    np.array(records, dtype=_META).tofile(meta)
                    records.clear()
            np.array(records, dtype=_META).tofile(meta)
        self.db.execute("DROP TABLE rare")
        self.meta = open(self._file("meta"), "rb")
        self.feats = open(self._file("feats"), "rb")

    def _read(self, first: int, end: int) -> _Block:
        """Records first…end (in day order) with their features."""
        np = self.np
        self.meta.seek(first * _META_BYTES)
        meta = np.fromfile(self.meta, dtype=_META, count=end - first)
        self.feats.seek(int(meta["start"][0]) * _FEATURE_BYTES)
        feats = np.fromfile(self.feats, dtype=_FEATURE, count=int(meta["start"][-1] + meta["size"][-1] - meta["start"][0]))
        return _Block(meta, feats)

    # --- phase 3 -------------------------------------------------------------------------------

    def pairs(self, options: StoryOptions) -> Iterator[tuple[str, str, float]]:
        """Each day's wanted articles, a block at a time, against the articles of their window,
        a block at a time: shared rare features counted and weighted as sparse products (the
        features numbered in the order of their keys, so a pair's sums come out the same whichever
        side it is found from, and in whichever blocks)."""
        self._lay_out()
        days = sorted(self.day_at)
        for day in sorted(self.wanted_days, key=lambda d: (d == _UNDATED, d)):  # the undated last, as ever
            lo, hi = (day, day) if day == _UNDATED else (day - options.window_days, day + options.window_days)
            near = [self.day_at[d] for d in days if lo <= d <= hi]
            c0, c1 = near[0][0], near[-1][0] + near[-1][1]
            d0, n = self.day_at[day]
            for first in range(d0, d0 + n, _ROW_BLOCK):
                r = self._read(first, min(first + _ROW_BLOCK, d0 + n)).only_wanted()
                if not len(r.pos):
                    continue
                vocab = _sorted_unique(r.feature)  # the features of these rows: the only ones their pairs share
                r.number(vocab)
                for col in range(c0, c1, _COL_BLOCK):
                    c = self._read(col, min(col + _COL_BLOCK, c1))
                    c.number(vocab)
                    if not c.weight.nnz:
                        continue
                    cols_t = c.binary.T.tocsr()
                    for start in range(0, len(r.pos), _ROWS_AT_ONCE):
                        yield from self._named(_slice_pairs(r, c, cols_t, start, options))

    def _named(self, pairs: list[tuple[int, int, float]]) -> Iterator[tuple[str, str, float]]:
        for at in range(0, len(pairs), 400):
            chunk = pairs[at : at + 400]
            wanted = sorted({p for a, b, _ in chunk for p in (a, b)})
            ids = dict(self.db.execute(f"SELECT pos, id FROM docs WHERE pos IN ({','.join('?' * len(wanted))})", wanted))
            for a, b, o in chunk:
                yield ids[a], ids[b], o


def _sorted_unique(x):
    import numpy as np

    x = np.sort(x)
    return x[np.concatenate(([True], x[1:] != x[:-1]))] if len(x) else x


class _Block:
    """Articles read from the spill files: their places of arrival, whether wanted, total
    weights and rare features (feature numbers and weights, each article's in order)."""

    def __init__(self, meta, feats) -> None:
        import numpy as np

        self.pos = meta["pos"].astype(np.int64)
        self.wanted = meta["wanted"].astype(bool)
        self.w = meta["w"].astype(np.float64)
        self.size = meta["size"].astype(np.int64)
        self.feature, self.idf = feats["feature"], feats["idf"]

    def only_wanted(self) -> _Block:
        import numpy as np

        if not self.wanted.all():
            each = np.repeat(self.wanted, self.size)
            self.feature, self.idf = self.feature[each], self.idf[each]
            self.pos, self.w, self.size = self.pos[self.wanted], self.w[self.wanted], self.size[self.wanted]
            self.wanted = self.wanted[self.wanted]
        return self

    def number(self, vocab) -> None:
        """Sparse rows over ``vocab`` (sorted feature numbers): features outside it are left out."""
        import numpy as np
        from scipy import sparse

        at = np.searchsorted(vocab, self.feature)
        inside = at < len(vocab)
        inside[inside] = vocab[at[inside]] == self.feature[inside]
        owner = np.repeat(np.arange(len(self.pos)), self.size)[inside]
        indptr = np.concatenate(([0], np.cumsum(np.bincount(owner, minlength=len(self.pos)))))
        shape = (len(self.pos), len(vocab))
        index = at[inside].astype(np.int32)
        self.weight = sparse.csr_matrix((self.idf[inside], index, indptr), shape=shape)
        self.binary = sparse.csr_matrix((np.ones(len(index), dtype=np.float32), index, indptr), shape=shape)
        del self.feature, self.idf


def _slice_pairs(r: _Block, c: _Block, cols_t, start: int, options: StoryOptions) -> list[tuple[int, int, float]]:
    """The pairs of rows start… of ``r`` (one day's articles) with the articles ``c`` of their
    window, by their places of arrival."""
    import numpy as np

    stop = min(start + _ROWS_AT_ONCE, len(r.pos))
    count = (r.binary[start:stop] @ cols_t).tocoo()
    keep = count.data >= options.min_shared
    ri, ci = count.row[keep] + start, count.col[keep]
    # each pair once: from the earlier article's side, or from the only side that is wanted
    once = (r.pos[ri] < c.pos[ci]) | ~c.wanted[ci]
    ri, ci = ri[once], ci[once]
    if not len(ri):
        return []
    mine = np.asarray(r.weight[ri].multiply(c.binary[ci]).sum(axis=1)).ravel()
    theirs = np.asarray(r.binary[ri].multiply(c.weight[ci]).sum(axis=1)).ravel()
    overlap = (mine + theirs) / 2 / np.maximum(np.minimum(r.w[ri], c.w[ci]), 1e-9)
    good = overlap >= options.min_overlap
    a, b = r.pos[ri[good]], c.pos[ci[good]]
    return list(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist(), overlap[good].tolist()))
