"""Story pairs counted on disk (link/stories.py): the rule read plainly gives the same pairs, the
block and file sizes change nothing, and nothing is left behind. Articles made up here."""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import tempfile
from collections import Counter, defaultdict

import pytest

import dateline.link.stories as stories
from dateline.link.stories import DEFAULT_STORY, StoryDoc, StoryOptions, feature_key, features, story_pairs

_SYLLABLES = "ka lo mi ne ta ri so vu de pa zo li me ra nu be fo gi".split()


def made_up_news(n: int, days: int, seed: int) -> list[StoryDoc]:
    """Stories of 1–6 articles a few days apart sharing some words and names, among lone
    articles; some undated; in no order of date."""
    rng = random.Random(seed)
    vocab = sorted({"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(3000)})
    docs: list[StoryDoc] = []
    while len(docs) < n:
        topic = rng.sample(vocab, 12)
        names = [rng.choice(vocab).capitalize() for _ in range(3)]
        start = rng.randrange(days)
        for _ in range(rng.randint(1, 6)):
            words = rng.sample(topic, rng.randint(3, 9)) + [rng.choice(vocab[: rng.randint(10, 3000)]) for _ in range(20)]
            rng.shuffle(words)
            day = None if start == 0 and rng.random() < 0.5 else (
                dt.date(2025, 3, 1) + dt.timedelta(days=start + rng.randint(0, 4))).isoformat()
            docs.append(StoryDoc(f"n{len(docs)}", day, " ".join(words[:8]), " ".join(words[8:]),
                                 rng.sample(names, rng.randint(0, 3))))
    rng.shuffle(docs)
    return docs


def plain_pairs(docs: list[StoryDoc], options: StoryOptions = DEFAULT_STORY, among=None) -> dict:
    """The rule of story_pairs, read plainly: every pair looked at, nothing on disk."""
    day = {d.id: (dt.date.fromisoformat(d.day).toordinal() if d.day else None) for d in docs}
    keys = {d.id: {feature_key(f) for f in features(d)} for d in docs}
    per_day: dict = defaultdict(Counter)
    for d in docs:
        per_day[day[d.id]].update(keys[d.id])

    def window(x, reach):
        return [None] if x is None else [e for e in range(x - reach, x + reach + 1) if e in per_day]

    rare = {}
    for d in docs:
        near = window(day[d.id], options.rarity_days)
        n = sum(sum(1 for o in docs if day[o.id] == e) for e in near)
        limit = max(options.always_rare, math.floor(options.max_df * n))
        counts = {k: sum(per_day[e][k] for e in near) for k in keys[d.id]}
        rare[d.id] = {k: math.log((n + 1) / c) + 1.0 for k, c in counts.items() if c <= limit}
    out = {}
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            if among is not None and a.id not in among and b.id not in among:
                continue
            x, y = day[a.id], day[b.id]
            if (x is None) != (y is None) or (x is not None and abs(x - y) > options.window_days):
                continue
            shared = rare[a.id].keys() & rare[b.id].keys()
            if len(shared) < options.min_shared:
                continue
            mine = sum(rare[a.id][k] for k in shared)
            theirs = sum(rare[b.id][k] for k in shared)
            low = max(min(sum(rare[a.id].values()), sum(rare[b.id].values())), 1e-9)
            overlap = (mine + theirs) / 2 / low
            if overlap >= options.min_overlap:
                out[tuple(sorted((a.id, b.id)))] = overlap
    return out


def as_dict(pairs) -> dict:
    return {tuple(sorted((a, b))): o for a, b, o in pairs}


@pytest.mark.parametrize("seed, days", [(1, 9), (2, 1)])
def test_story_pairs_are_the_rule_read_plainly(seed, days):
    docs = made_up_news(400, days, seed)
    expected = plain_pairs(docs)
    assert len(expected) > 20  # the data has stories
    got = as_dict(story_pairs(iter(docs)))
    assert got.keys() == expected.keys()
    assert all(abs(got[p] - expected[p]) < 1e-9 for p in got)
    among = {d.id for d in docs[::4]}
    part = as_dict(story_pairs(iter(docs), among=among))
    assert part.keys() == plain_pairs(docs, among=among).keys()
    # among as a test of each article gives the same as among as ids
    assert as_dict(story_pairs(iter(docs), among=lambda d: d.id in among)) == part


def test_block_and_file_sizes_change_no_pair_nor_its_score(monkeypatch):
    """Blocks of a few articles, a few features before a file is written, files split again
    (several levels deep) once over a few hundred bytes: the same pairs, bit for bit."""
    docs = made_up_news(250, 4, 3)
    whole = sorted(story_pairs(docs))
    assert len(whole) > 10
    splits = []
    real_split = stories._Spill._split

    def counting(self, entries, name, depth):
        splits.append(depth)
        return real_split(self, entries, name, depth)

    monkeypatch.setattr(stories._Spill, "_split", counting)
    for name, value in (("_ROW_BLOCK", 23), ("_COL_BLOCK", 17), ("_ROWS_AT_ONCE", 5), ("_LOAD_AT_ONCE", 11),
                        ("_SPILL_AT", 1000), ("_BUCKET_BYTES", 600)):
        monkeypatch.setattr(stories, name, value)
    assert sorted(story_pairs(iter(docs))) == whole
    assert max(splits) >= 2  # files were split again, and again
    among = {d.id for d in docs[::3]}
    monkeypatch.undo()
    expected = sorted(story_pairs(docs, among=among))
    monkeypatch.setattr(stories, "_ROW_BLOCK", 9)
    monkeypatch.setattr(stories, "_COL_BLOCK", 13)
    assert sorted(story_pairs(docs, among=among)) == expected


def test_the_spill_folder_is_removed_also_when_the_pairs_are_left_unread(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    docs = made_up_news(200, 3, 4)
    assert story_pairs(docs)
    assert os.listdir(tmp_path) == []
    pairs = stories.iter_story_pairs(iter(docs))
    next(pairs)
    assert len(os.listdir(tmp_path)) == 1  # the spill folder, while the pairs are read
    pairs.close()
    assert os.listdir(tmp_path) == []
    assert story_pairs([]) == [] and os.listdir(tmp_path) == []
