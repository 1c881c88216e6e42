"""Stories: articles about one event, told by several outlets within a few days.

Cheap on purpose: each article is reduced to a few rare features — the corpus entities it
names and the content words and word pairs of its headline and lead — and two articles close
in time that share enough rare features (weighted by how rare) are one story.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
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
    #: shared rarity needed, as a share of the smaller article's total (0..1)
    min_overlap: float = 0.12
    #: and at least this many shared features
    min_shared: int = 4
    #: features in more than this share of the corpus are not rare (and are never compared)
    max_df: float = 0.05
    #: … but features in at most this many documents always count as rare
    always_rare: int = 20


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


def story_pairs(docs: Iterable[StoryDoc], options: StoryOptions = DEFAULT_STORY) -> list[tuple[str, str, float]]:
    """Pairs of articles that tell one story: (id, id, overlap)."""
    docs = list(docs)
    feats = [features(d) for d in docs]
    df: dict[str, int] = defaultdict(int)
    for fs in feats:
        for f in fs:
            df[f] += 1
    n = max(len(docs), 1)
    limit = max(options.always_rare, int(options.max_df * n))
    idf = {f: math.log((n + 1) / c) + 1.0 for f, c in df.items() if c <= limit}
    postings: dict[str, list[int]] = defaultdict(list)
    weights = []
    for i, fs in enumerate(feats):
        rare = [f for f in fs if f in idf]
        weights.append(sum(idf[f] for f in rare))
        for f in rare:
            postings[f].append(i)
    days = [_day(d.day) for d in docs]
    pairs = []
    for i, fs in enumerate(feats):
        shared: dict[int, list[float]] = defaultdict(list)
        for f in fs:
            if f not in idf:
                continue
            for j in postings[f]:
                if j > i:
                    shared[j].append(idf[f])
        for j, ws in shared.items():
            if len(ws) < options.min_shared:
                continue
            if days[i] is not None and days[j] is not None and abs(days[i] - days[j]) > options.window_days:  # type: ignore[operator]
                continue
            overlap = sum(ws) / max(min(weights[i], weights[j]), 1e-9)
            if overlap >= options.min_overlap:
                pairs.append((docs[i].id, docs[j].id, overlap))
    return pairs
