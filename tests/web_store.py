"""The store the web app's tests read: tests/fixtures/web/pages.jsonl, ingested once per session."""

from __future__ import annotations

from pathlib import Path

PAGES = Path(__file__).resolve().parent / "fixtures" / "web" / "pages.jsonl"
_BUILT: dict[str, Path] = {}


def build(tmp_path_factory) -> Path:
    """The path of the store (built the first time it is asked for; the nlp fixture loads spaCy once)."""
    if "db" not in _BUILT:
        from dateline import Corpus

        db = tmp_path_factory.mktemp("web") / "web.db"
        with Corpus(db) as corpus:
            stats = corpus.ingest([PAGES], workers=1)
        assert stats.added == 5 and stats.errors == 0
        _BUILT["db"] = db
    return _BUILT["db"]
