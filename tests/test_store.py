"""store/: schema, writes, entities across documents, full-text search, faults — real SQLite files."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from dateline import Corpus
from dateline.model import Byline, Dateline, Error, Reading, Source
from dateline.store import SCHEMA_VERSION, Store, StoreError, StoreFull
from dateline.store.fts import to_fts


def reading(rid: str, text: str, *, title: str = "A title", published: str = "2024-06-20", url: str | None = None,
            entities=(), claims=(), events=(), timexes=(), error: Error | None = None) -> Reading:
    paras, pos = [], 0
    for p in text.split("\n\n"):
        paras.append((pos, pos + len(p)))
        pos += len(p) + 2
    return Reading(
        id=rid, source=Source(path=f"{rid}.txt", url=url, format="text"), url=url, title=title,
        published=published, language="en", dateline=Dateline(place="SEOUL", agency="Yonhap"),
        byline=Byline(authors=["Min Ji"]), agencies=["Yonhap", "KCNA"], text=text, paragraphs=paras,
        entities=list(entities), claims=list(claims), events=list(events), timexes=list(timexes), error=error,
    )


KIM_TEXT = (
    "North Korean leader Kim Jong Un said Pyongyang would back Russia over Ukraine, KCNA reported.\n\n"
    "\"We will support the just struggle,\" Kim told visiting officials, according to the state agency."
)


def kim_reading(rid: str, name: str = "Kim Jong Un", day: str = "2024-06-20", about: str = "Ukraine") -> Reading:
    text = KIM_TEXT.replace("Ukraine", about)
    return reading(
        rid, text, published=day,
        entities=[
            {"id": "e1", "name": name, "type": "PERSON", "aliases": ["Kim"], "titles": ["leader"], "mentions": [[20, 31]]},
            {"id": "e2", "name": "Russia", "type": "GPE", "aliases": [], "titles": [], "mentions": [[55, 61]]},
        ],
        claims=[{
            "id": "c1", "kind": "indirect", "speaker": "e1", "speaker_text": "Kim Jong Un", "cue": "said",
            "addressee": None, "content": f"Pyongyang would back Russia over {about}", "span": [0, 80],
            "quotes": [], "via": ["KCNA", "Yonhap"], "said_on": day, "reported_on": day,
        }],
        events=[{"id": "v1", "type": "SUPPORT", "actor": "e1", "recipient": "e2", "when": day, "where": None,
                 "span": [0, 60], "asserted_by": "c1"}],
        timexes=[{"text": "June 20", "span": [0, 7], "type": "DATE", "value": day, "anchor": None}],
    )


@pytest.fixture
def corpus(tmp_path):
    c = Corpus(tmp_path / "news.db")
    yield c
    c.close()


def test_schema_is_versioned_and_opens_in_plain_sqlite(tmp_path):
    Store(tmp_path / "s.db", write=True).close()
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "articles", "entities", "entity_aliases", "mentions", "claims", "events", "timexes",
            "groups", "group_members", "articles_fts", "claims_fts"} <= tables
    Store(tmp_path / "s.db", write=True).close()  # opening again runs nothing twice


def test_add_keeps_the_reading_and_maps_entities_across_documents(corpus):
    r1 = kim_reading("doc1")
    r2 = kim_reading("doc2", name="Kim Jong-un", day="2024-07-02", about="the Donbas")
    stats = corpus.add([r1, r2, r1])
    assert (stats.added, stats.duplicates) == (2, 1)
    assert [json.loads(x) for x in _export(corpus)] == [r1.to_dict(), r2.to_dict()]
    conn = corpus._readable().conn
    people = conn.execute("SELECT id, name, documents FROM entities WHERE type = 'PERSON'").fetchall()
    assert len(people) == 1 and people[0]["documents"] == 2  # one person, two spellings
    aliases = {r[0] for r in conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (people[0]["id"],))}
    assert {"Kim Jong Un", "Kim Jong-un", "Kim"} <= aliases
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 4


def _export(corpus) -> list[str]:
    import io

    buf = io.StringIO()
    corpus.export("jsonl", buf)
    return buf.getvalue().splitlines()


def test_claims_by_speaker_about_and_dates(corpus):
    corpus.add([kim_reading("doc1"), kim_reading("doc2", day="2024-07-02", about="the Donbas"),
                kim_reading("doc3", day="2024-05-01")])
    assert [c["document_id"] for c in corpus.claims(speaker="Kim Jong Un")] == ["doc3", "doc1", "doc2"]
    assert [c["document_id"] for c in corpus.claims(speaker="kim jong-un", about="Ukraine", since="2024-06-01")] == ["doc1"]
    assert [c["document_id"] for c in corpus.claims(until="2024-06-01")] == ["doc3"]
    c = corpus.claims(speaker="Kim", about="Donbas")[0]
    assert c["via"] == ["KCNA", "Yonhap"] and c["id"] == "c1" and c["speaker_name"] == "Kim Jong Un"
    assert corpus.claims(speaker="Somebody Else") == []
    with pytest.raises(ValueError):
        corpus.claims(since="last week")


def test_timeline_has_claims_and_events_in_order(corpus):
    corpus.add([kim_reading("doc1"), kim_reading("doc2", day="2024-07-02"), kim_reading("doc3", day="2024-05-01")])
    items = corpus.timeline("Kim Jong Un")
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    assert {i["type"] for i in items} == {"claim", "event"}
    assert len(items) == 6
    assert corpus.timeline("Russia")[0]["type"] == "event"  # as the recipient


@pytest.mark.parametrize(
    "query",
    [
        '"unterminated phrase', "kim AND OR NOT", "NEAR(kim jong)", "text:kim", "*", "-", "--", "\"\"",
        "'; DROP TABLE documents; --", "kim) OR (1=1", "^kim", "a\x00b", "Ukraine -", "OR OR", "🙂 emoji",
        'col:"x" {title}: kim', "kim*", "-kim", "(((", "\\", "%_%",
    ],
)
def test_search_never_fails_on_user_input(corpus, query):
    corpus.add([kim_reading("doc1")])
    hits = corpus.search(query)
    assert isinstance(hits, list)
    assert corpus.counts()["documents"] == 1


def test_search_syntax(corpus):
    corpus.add([
        kim_reading("doc1"),
        reading("doc2", "Long-range weapons were shown at the parade in Pyongyang on Saturday.\n\nAnalysts said the missiles were new."),
        reading("doc3", "Russia said long talks on weapons control would resume; the range of topics is wide."),
    ])
    ids = lambda q: [h["document_id"] for h in corpus.search(q)]  # noqa: E731
    assert ids('"long-range weapons"') == ["doc2"]
    assert set(ids("long range weapons")) == {"doc2", "doc3"}
    assert set(ids("parade OR Donbas OR Ukraine")) == {"doc1", "doc2"}
    assert set(ids("weapons -parade")) == {"doc3"}
    assert set(ids("missil*")) == {"doc2"}
    assert ids("-weapons") == []  # nothing to look for
    hit = corpus.search("parade")[0]
    assert "<b>parade</b>" in hit["snippet"] and hit["title"] == "A title"
    assert to_fts('x" OR "y') is not None


def test_errors_are_kept_and_replaced_by_a_later_success(corpus):
    bad = reading("doc9", "", error=Error("extract", "no article text found on the page"))
    stats = corpus.add([bad])
    assert stats.errors == 1
    assert corpus.errors()[0]["message"] == "no article text found on the page"
    corpus.add([reading("doc9", "Now the page reads fine, and it has a good deal of text in it.")])
    assert corpus.errors() == []
    assert corpus.counts()["documents"] == 1


def test_versions_by_url_and_copies(corpus):
    base = "Officials said the border crossing would reopen on Monday after repairs.\n\n" * 3
    stats = corpus.add([
        reading("v1", base + "First version.", url="https://wire.example/a"),
        reading("v2", base + "Second version with more.", url="https://wire.example/a/"),
        reading("copy", base + "FIRST version!", url="https://paper.example/b"),
    ])
    assert stats.versions == 1
    kinds = {g["kind"]: g["members"] for g in corpus.duplicates()}
    assert kinds["version"] == ["v1", "v2"]
    assert kinds["copy"] == ["v1", "copy"]
    assert sorted(kinds["syndicated"]) == ["copy", "v1", "v2"]


def test_not_a_store(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    for write in (True, False):
        with pytest.raises(StoreError, match="not a dateline store"):
            Store(other, write=write)
    text = tmp_path / "notes.db"
    text.write_text("hello, not a database at all" * 10)
    with pytest.raises(StoreError, match="not a dateline store"):
        Store(text, write=True)


def test_missing_folder_and_missing_store(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "x.db", write=True)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "x.db", write=False)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files")
def test_read_only_file(tmp_path):
    path = tmp_path / "ro.db"
    Corpus(path).add([kim_reading("doc1")])
    path.chmod(0o444)
    with pytest.raises(StoreError, match="read-only"):
        Store(path, write=True)
    assert Corpus(path).claims(speaker="Kim")  # still readable


def test_read_only_folder_as_root_too(tmp_path, monkeypatch):
    # os.access says what a non-root user would meet; simulate it for root as well
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    with pytest.raises(StoreError, match="read-only"):
        Store(tmp_path / "x.db", write=True)


def test_full_disk_rolls_back_the_batch(tmp_path):
    path = tmp_path / "full.db"
    corpus = Corpus(path)
    corpus.add([kim_reading("doc0")])
    store = corpus._writable()
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # as good as a full disk
    big = [reading(f"big{i}", ("A long text about a port strike. " * 400) + str(i)) for i in range(20)]
    with pytest.raises(StoreFull, match="disk is full"):
        corpus.add(big, batch_size=50)
    corpus.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    stats = Corpus(path).add(big)  # space again: the same call completes
    assert stats.added == 20


def test_read_only_store_can_still_be_queried_when_groups_are_stale(tmp_path):
    path = tmp_path / "s.db"
    Corpus(path).add([kim_reading("doc1")])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'groups_dirty'")
    conn.commit()
    conn.close()
    c = Corpus(path)
    assert c.duplicates() == []
    assert c._store.meta("groups_dirty") == "0"  # rebuilt when it could be


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store(path, write=True).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.commit()
    with pytest.raises(StoreError, match="newer dateline"):
        Store(path, write=False)


def test_export_csv_and_parquet(corpus, tmp_path):
    corpus.add([kim_reading("doc1"), reading("doc2", "Another story entirely, about rain and rivers and roads.")])
    corpus.export("csv", str(tmp_path / "out.csv"))
    import csv

    rows = list(csv.DictReader(open(tmp_path / "out.csv", encoding="utf-8")))
    assert [r["id"] for r in rows] == ["doc1", "doc2"] and rows[0]["agencies"] == "Yonhap; KCNA"
    pq = pytest.importorskip("pyarrow.parquet")
    corpus.export("parquet", str(tmp_path / "out.parquet"))
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 2 and json.loads(table.column("claims")[0].as_py())[0]["id"] == "c1"


def test_a_store_from_schema_1_is_upgraded_and_keeps_event_fields(tmp_path):
    from dateline.store import schema

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    saved = schema.MIGRATIONS
    try:
        schema.MIGRATIONS = saved[:1]  # a store written before migration 2 existed
        assert schema.migrate(conn, "2026-01-01T00:00:00Z") == 1
    finally:
        schema.MIGRATIONS = saved
    conn.close()
    event = {"id": "v1", "type": "THREATEN", "about": "SANCTION", "actor": None, "recipient": None,
             "when": "2024-06-19", "span": [0, 10], "negated": False, "hypothetical": True,
             "rank": 1, "confidence": 0.8}
    corpus = Corpus(str(path))
    corpus.add([reading("ev1", "The ministry threatened to cut off power to the border towns.", events=[event])])
    db = sqlite3.connect(path)
    assert db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION >= 2
    row = db.execute("SELECT type, about, negated, hypothetical, event_rank, confidence FROM events").fetchone()
    assert row == ("THREATEN", "SANCTION", 0, 1, 1, 0.8)
