"""Story feature keys kept in the store (migration 9): written with each article, worked out
again by a full rebuild, backfilled for a store from before them, read by incremental linking —
with the same links and groups as working them out from the text every time. Real SQLite files;
the articles are made up in test_store_scale."""

from __future__ import annotations

import copy
import random
import shutil
import sqlite3

import pytest
from test_store_scale import corpus_readings, snapshot

from dateline import Corpus
from dateline.link.stories import feature_keys, keys_from_bytes, keys_to_bytes
from dateline.store import Store
from dateline.store.entities import name_key
from dateline.store.groups import NOT_STORY_TYPES, BACKFILL_KEY, relink, story_doc


def kept(path) -> dict[int, bytes]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT seq, keys FROM story_features"))
    finally:
        conn.close()


def worked_out(path) -> dict[int, bytes]:
    """Each stored article's story feature keys, worked out here from its row and its entities."""
    conn = sqlite3.connect(path)
    try:
        names: dict[str, set[str]] = {}
        for doc, name, kind in conn.execute("SELECT document_id, name, type FROM document_entities"):
            if kind not in NOT_STORY_TYPES and name_key(name):
                names.setdefault(doc, set()).add(name_key(name))
        out = {}
        for seq, doc, title, base, text in conn.execute(
                "SELECT seq, document_id, title, base_title, text FROM articles"):
            d = story_doc((doc, None, base or title, text[:600]), names.get(doc, ()))
            out[seq] = keys_to_bytes(feature_keys(d))
        return out
    finally:
        conn.close()


def as_before_migration_9(path) -> None:
    """Make a store look like one written before migration 9 (no kept keys)."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE story_features")
    # and from before the migrations after it (they are safe to run again)
    conn.execute("DELETE FROM schema_migrations WHERE version >= 9")
    conn.execute("DELETE FROM meta WHERE key = ?", (BACKFILL_KEY,))
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def readings():
    rs = corpus_readings()
    random.Random(11).shuffle(rs)
    return rs


def test_each_article_keeps_its_story_feature_keys(tmp_path, readings):
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        for i in range(0, len(readings), 17):
            corpus.add(readings[i : i + 17])
    stored = kept(path)
    assert len(stored) == len(readings)
    assert stored == worked_out(path)
    some = keys_from_bytes(next(iter(stored.values())))
    assert len(some) > 5 and list(some) == sorted(set(some))  # ascending, each once
    # a full rebuild works them out again from the articles: the same
    store = Store(path, write=True)
    with store.transaction() as conn:
        conn.execute("UPDATE story_features SET keys = x''")
        relink(conn)
    store.close()
    assert kept(path) == stored


def test_a_store_from_before_migration_9_is_backfilled_and_links_the_same(tmp_path, readings, monkeypatch):
    import dateline.store.groups as groups

    fresh = tmp_path / "fresh.db"
    with Corpus(fresh) as corpus:
        corpus.add(readings[:50])
    old = tmp_path / "old.db"
    shutil.copy(fresh, old)
    as_before_migration_9(old)
    # the backfill is interrupted after its first batch: what it did stays, the next opening
    # carries on from there
    monkeypatch.setattr(groups, "_BACKFILL_BATCH", 7)
    real, calls = groups.save_story_features, []

    class Killed(Exception):
        pass

    def failing(conn, rows, *a):
        calls.append(len(rows))
        if len(calls) == 2:
            raise Killed
        return real(conn, rows, *a)

    monkeypatch.setattr(groups, "save_story_features", failing)
    with pytest.raises(Killed):
        Store(old, write=True)
    assert len(kept(old)) == 7  # one batch, committed
    monkeypatch.setattr(groups, "save_story_features", real)
    Store(old, write=True).close()
    assert kept(old) == kept(fresh) == worked_out(old)
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT count(*) FROM meta WHERE key = ?", (BACKFILL_KEY,)).fetchone()[0] == 0
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] >= 9
    conn.close()
    # both take the rest of the articles the same way
    for path in (fresh, old):
        with Corpus(path) as corpus:
            corpus.add(readings[50:])
    assert snapshot(old) == snapshot(fresh)
    assert kept(old) == kept(fresh)


def test_linking_works_out_missing_keys_and_gives_the_same_stories(tmp_path, readings):
    whole = tmp_path / "whole.db"
    with Corpus(whole) as corpus:
        corpus.add(readings[:60])
        corpus.add(readings[60:])
    holes = tmp_path / "holes.db"
    with Corpus(holes) as corpus:
        corpus.add(readings[:60])
    conn = sqlite3.connect(holes)
    conn.execute("DELETE FROM story_features WHERE seq % 2 = 0")
    conn.commit()
    conn.close()
    left = len(kept(holes))
    with Corpus(holes) as corpus:
        corpus.add(readings[60:])
    assert snapshot(holes) == snapshot(whole)
    assert any(k == "story" for _, _, k, _ in snapshot(whole)["links"])  # there were stories to find
    again = kept(holes)
    assert len(again) > left + len(readings[60:])  # linking kept the keys it had to work out
    assert all(worked_out(holes)[s] == k for s, k in again.items())


def test_new_analysis_gives_new_keys(tmp_path, readings):
    from dateline.store.write import clear_analysis, write_analysis

    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add(readings[:10])
    before = kept(path)
    r = copy.deepcopy(readings[0])
    r.entities = [{"id": "e0", "name": "Zorvath Quillane", "type": "PERSON", "aliases": [], "titles": [],
                   "mentions": []}]
    store = Store(path, write=True)
    with store.transaction() as conn:
        clear_analysis(conn, r.id)
        write_analysis(conn, r)
    store.close()
    after = kept(path)
    assert after == worked_out(path)
    changed = [s for s in after if after[s] != before[s]]
    assert len(changed) == 1
