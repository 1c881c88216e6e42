"""Stories: articles about one event, told by several outlets within a few days.

Cheap on purpose: each article is reduced to a few rare features — the corpus entities it
names and the content words and word pairs of its headline and lead — and two articles close
in time that share enough rare features (weighted by how rare) are one story. Rarity is a
matter of the days around an article, so linking new articles only ever looks at the weeks
around their dates, whatever the size of the store.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
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


def story_pairs(
    docs: Iterable[StoryDoc], options: StoryOptions = DEFAULT_STORY, among: Collection[str] | None = None
) -> list[tuple[str, str, float]]:
    """Pairs of articles that tell one story: (id, id, overlap), each pair once.

    A feature is rare for an article when few of the articles within ``rarity_days`` of it
    have it (undated articles: few of the undated ones); dated articles pair within
    ``window_days``, undated ones only with each other. ``among``: only the pairs with an
    article in it (the others are left out, not judged); every article whose rarity window
    or pairing window reaches them must be in ``docs``.
    """
    docs = list(docs)
    feats = [features(d) for d in docs]
    days = [_day(d.day) for d in docs]
    # articles and feature counts per day (None: the undated pool)
    day_n: dict[int | None, int] = defaultdict(int)
    day_df: dict[int | None, Counter[str]] = defaultdict(Counter)
    for fs, day in zip(feats, days):
        day_n[day] += 1
        day_df[day].update(fs)
    stats: dict[int | None, tuple[dict[str, float], int]] = {}

    def idf_of(day: int | None) -> tuple[dict[str, float], int]:
        if day not in stats:
            if day is None:
                n, df = day_n[None], day_df[None]
            else:
                near = [d for d in range(day - options.rarity_days, day + options.rarity_days + 1) if d in day_n]
                n = sum(day_n[d] for d in near)
                df = Counter()
                for d in near:
                    df.update(day_df[d])
            limit = max(options.always_rare, int(options.max_df * n))
            stats[day] = ({f: math.log((n + 1) / c) + 1.0 for f, c in df.items() if c <= limit}, n)
        return stats[day]

    rare: list[dict[str, float]] = []
    weights: list[float] = []
    for fs, day in zip(feats, days):
        idf = idf_of(day)[0]
        mine = {f: idf[f] for f in sorted(fs) if f in idf}
        rare.append(mine)
        weights.append(sum(mine.values()))
    return _pairs(docs, days, rare, weights, options, None if among is None else set(among))


def _pairs(docs, days, rare, weights, options: StoryOptions, wanted: set[str] | None) -> list[tuple[str, str, float]]:
    """The shared rare features of every pair within the window, counted and weighted as sparse
    products, one day of articles against its window at a time (features in sorted order, so a
    pair's sums come out the same whichever side it is found from)."""
    import numpy as np
    from scipy import sparse

    vocab = {f: k for k, f in enumerate(sorted({f for r in rare for f in r}))}
    if not vocab:
        return []
    indptr, indices, values = [0], [], []
    for r in rare:
        indices += [vocab[f] for f in r]
        values += list(r.values())
        indptr.append(len(indices))
    shape = (len(docs), len(vocab))
    weight = sparse.csr_matrix((np.array(values, dtype=np.float64), indices, indptr), shape=shape)
    binary = sparse.csr_matrix((np.ones(len(values), dtype=np.float64), indices, indptr), shape=shape)
    by_day: dict[int | None, list[int]] = defaultdict(list)
    for i, day in enumerate(days):
        by_day[day].append(i)
    in_wanted = np.array([wanted is None or d.id in wanted for d in docs])
    w = np.array(weights)
    pairs = []
    for day in sorted(by_day, key=lambda d: (d is None, d or 0)):
        rows = [i for i in by_day[day] if in_wanted[i]]
        if not rows:
            continue
        near = [None] if day is None else range(day - options.window_days, day + options.window_days + 1)
        cols = np.array([j for d in near for j in by_day.get(d, ())])
        rows_a = np.array(rows)
        b_rows, b_cols = binary[rows_a], binary[cols]
        count = (b_rows @ b_cols.T).tocoo()
        keep = count.data >= options.min_shared
        ri, ci = rows_a[count.row[keep]], cols[count.col[keep]]
        # each pair once: from the earlier article's side, or from the only side that is wanted
        once = (ri < ci) | ~in_wanted[ci]
        ri, ci = ri[once], ci[once]
        if not len(ri):
            continue
        mine = (weight[ri].multiply(binary[ci])).sum(axis=1).A1
        theirs = (binary[ri].multiply(weight[ci])).sum(axis=1).A1
        overlap = (mine + theirs) / 2 / np.maximum(np.minimum(w[ri], w[ci]), 1e-9)
        for i, j, o in zip(ri.tolist(), ci.tolist(), overlap.tolist()):
            if o >= options.min_overlap:
                a, b = (i, j) if i < j else (j, i)
                pairs.append((docs[a].id, docs[b].id, o))
    return pairs
