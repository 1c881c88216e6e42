"""What an ingest keeps between batches does not grow with its input: a stored page is found
in the store from then on, not in memory, with the same outcome. Pages written here."""

from __future__ import annotations

import json
import sqlite3

from dateline import Corpus


def _lines(path, copies: int = 4, bodies: int = 6) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for c in range(copies):
            for b in range(bodies):
                body = "\n\n".join(f"Harbour pilots in port {b} met on the {p}th quay." for p in range(1, 9))
                # the same page read again: same address, id and words
                fh.write(json.dumps({"id": f"p{b}", "url": f"https://news.example/{b}",
                                     "title": f"Harbour {b}", "published": "2025-04-02", "body": body}) + "\n")


def _stored(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT id, content_hash, status FROM documents"))
    finally:
        conn.close()


def test_repeated_pages_are_skipped_the_same_whether_written_or_in_flight(tmp_path, monkeypatch):
    src = tmp_path / "pages.jsonl"
    _lines(src)
    added: list[str] = []
    real = Corpus._store_all

    def spying(self, *args, on_added=None, **kw):
        def told(h):
            added.append(h)
            on_added(h)
        return real(self, *args, on_added=told, **kw)

    monkeypatch.setattr(Corpus, "_store_all", spying)
    with Corpus(tmp_path / "small.db") as corpus:
        # batches of 2: most copies come after their first is written (found by the store)
        small = corpus.ingest([src], workers=1, analyze=False, batch_size=2)
    with Corpus(tmp_path / "large.db") as corpus:
        # one batch: every copy comes while its first is still in flight (found in memory)
        large = corpus.ingest([src], workers=1, analyze=False, batch_size=1000, batch_seconds=1e9)
    assert (small.added, small.duplicates) == (large.added, large.duplicates) == (6, 18)
    assert _stored(tmp_path / "small.db") == _stored(tmp_path / "large.db")
    assert len(added) == 12 and len(set(added)) == 6  # each stored page was let go once per ingest
