"""Stories: articles about one event, told by several outlets within a few days.

Cheap on purpose: each article is reduced to a few rare features — the corpus entities it
names and the content words and word pairs of its headline and lead — and two articles close
in time that share enough rare features (weighted by how rare) are one story. Rarity is a
matter of the days around an article, so linking new articles only ever looks at the weeks
around their dates, whatever the size of the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from array import array
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
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


def story_pairs(
    docs: Iterable[StoryDoc], options: StoryOptions = DEFAULT_STORY, among: Collection[str] | None = None
) -> list[tuple[str, str, float]]:
    """Pairs of articles that tell one story: (id, id, overlap), each pair once.

    A feature is rare for an article when few of the articles within ``rarity_days`` of it
    have it (undated articles: few of the undated ones); dated articles pair within
    ``window_days``, undated ones only with each other. ``among``: only the pairs with an
    article in it (the others are left out, not judged); every article whose rarity window
    or pairing window reaches them must be in ``docs``.

    ``docs`` is read once, as it comes: of each article only its id, its day and its features
    (as 64-bit numbers, :func:`feature_key`) are kept, not its text or a set of strings.
    """
    import numpy as np
    from scipy import sparse

    ids: list[str] = []
    days: list[int | None] = []
    keys = array("q")
    indptr = array("q", [0])
    for d in docs:
        ids.append(d.id)
        days.append(_day(d.day))
        keys.extend(feature_key(f) for f in features(d))
        indptr.append(len(keys))
    if not keys:
        return []
    # numbered in the order of their keys: a pair's sums then come out the same whichever
    # side it is found from, and in every process
    uniq, inverse = np.unique(np.frombuffer(keys, dtype=np.int64), return_inverse=True)
    width = len(uniq)
    del uniq, keys
    indices = inverse.astype(np.int32 if width < 2**31 else np.int64)
    del inverse
    n_docs = len(ids)
    binary = sparse.csr_matrix((np.ones(len(indices)), indices, np.array(indptr, dtype=np.int64)),
                               shape=(n_docs, width))
    del indices, indptr
    binary.sort_indices()

    # feature counts per day (the undated pool is one more "day"), then over each rarity window
    day_list = sorted({d for d in days if d is not None})
    slot = {d: k for k, d in enumerate(day_list)}
    undated = len(day_list)
    row_day = np.array([undated if d is None else slot[d] for d in days])
    per_day = sparse.csr_matrix((np.ones(n_docs), (row_day, np.arange(n_docs))), shape=(undated + 1, n_docs))
    day_df = (per_day @ binary).tocsr()
    day_n = np.asarray(per_day.sum(axis=1)).ravel()
    wa, wb = [], []
    for a, d in enumerate(day_list):
        for e in range(d - options.rarity_days, d + options.rarity_days + 1):
            if e in slot:
                wa.append(a)
                wb.append(slot[e])
    wa.append(undated)
    wb.append(undated)
    window = sparse.csr_matrix((np.ones(len(wa)), (wa, wb)), shape=(undated + 1, undated + 1))
    win_df = (window @ day_df).tocsr()
    win_n = window @ day_n

    # each article's features with their count in its window (looked up, not multiplied out:
    # a day's window has tens of thousands of features), rare ones weighted by idf
    win_df = win_df.tocoo()
    width = np.int64(width)
    keys = win_df.row.astype(np.int64) * width + win_df.col
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], win_df.data[order]
    per_row = np.diff(binary.indptr)
    wanted_keys = np.repeat(row_day, per_row).astype(np.int64) * width + binary.indices
    df_data = counts[np.searchsorted(keys, wanted_keys)]
    del win_df, keys, order, counts, wanted_keys, day_df, per_day
    n = win_n[row_day]
    limit = np.maximum(options.always_rare, np.floor(options.max_df * n))
    n_each, limit_each = np.repeat(n, per_row), np.repeat(limit, per_row)
    df = sparse.csr_matrix((df_data, binary.indices, binary.indptr), shape=binary.shape)
    del df_data, binary
    rare = df.data <= limit_each
    idf = np.where(rare, np.log((n_each + 1) / df.data) + 1.0, 0.0)
    del rare, n_each, limit_each
    weight = sparse.csr_matrix((idf, df.indices, df.indptr), shape=df.shape)
    del df, idf
    weight.eliminate_zeros()
    # the rare features as ones, in 4 bytes each (their counts are small whole numbers: exact)
    rare_binary = sparse.csr_matrix((np.ones(len(weight.data), dtype=np.float32), weight.indices, weight.indptr),
                                    shape=weight.shape)
    weights = np.asarray(weight.sum(axis=1)).ravel()
    return _pairs(ids, days, weight, rare_binary, weights, options, None if among is None else set(among))


def _pairs(ids, days, weight, binary, w, options: StoryOptions, wanted: set[str] | None) -> list[tuple[str, str, float]]:
    """The shared rare features of every pair within the window, counted and weighted as sparse
    products, one day of articles against its window at a time (features in sorted order, so a
    pair's sums come out the same whichever side it is found from)."""
    import numpy as np

    by_day: dict[int | None, list[int]] = defaultdict(list)
    for i, day in enumerate(days):
        by_day[day].append(i)
    in_wanted = np.array([wanted is None or i in wanted for i in ids])
    pairs = []
    for day in sorted(by_day, key=lambda d: (d is None, d or 0)):
        rows = [i for i in by_day[day] if in_wanted[i]]
        if not rows:
            continue
        near = [None] if day is None else range(day - options.window_days, day + options.window_days + 1)
        cols = np.array([j for d in near for j in by_day.get(d, ())])
        cols_t = binary[cols].T.tocsr()
        for start in range(0, len(rows), _ROWS_AT_ONCE):
            pairs += _day_pairs(ids, np.array(rows[start : start + _ROWS_AT_ONCE]), cols, cols_t,
                                weight, binary, w, in_wanted, options)
    return pairs


#: articles of one day compared with their window at a time: the products hold a row for every
#: pair that shares a rare feature, so a day of 20,000 articles taken whole held gigabytes; in
#: slices of this many, memory stays bounded whatever the day's size (same pairs)
_ROWS_AT_ONCE = 256


def _day_pairs(ids, rows_a, cols, cols_t, weight, binary, w, in_wanted, options: StoryOptions) -> list[tuple[str, str, float]]:
    """The pairs of these articles (of one day) with the articles of their window (``cols``)."""
    import numpy as np

    pairs = []
    count = (binary[rows_a] @ cols_t).tocoo()
    keep = count.data >= options.min_shared
    ri, ci = rows_a[count.row[keep]], cols[count.col[keep]]
    # each pair once: from the earlier article's side, or from the only side that is wanted
    once = (ri < ci) | ~in_wanted[ci]
    ri, ci = ri[once], ci[once]
    if not len(ri):
        return pairs
    mine = np.asarray(weight[ri].multiply(binary[ci]).sum(axis=1)).ravel()
    theirs = np.asarray(binary[ri].multiply(weight[ci]).sum(axis=1)).ravel()
    overlap = (mine + theirs) / 2 / np.maximum(np.minimum(w[ri], w[ci]), 1e-9)
    for i, j, o in zip(ri.tolist(), ci.tolist(), overlap.tolist()):
        if o >= options.min_overlap:
            a, b = (i, j) if i < j else (j, i)
            pairs.append((ids[a], ids[b], o))
    return pairs
