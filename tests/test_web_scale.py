"""What keeps `dateline serve` quick on a large store, checked on a small one: the plans of its
hot queries (an index read in order, no sort of every claim), the columns migration 8 adds, the
windows that bound a search's ranking and facets, and the whole-store counts kept between
requests. Timings are bench/web.py's job; these check what makes them so."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

import web_store  # noqa: E402
from dateline import Corpus  # noqa: E402
from dateline.model import Reading  # noqa: E402
from dateline.store import schema  # noqa: E402
from dateline.store.write import _channel_and_outlet  # noqa: E402
from dateline.web import create_app, queries  # noqa: E402


@pytest.fixture(scope="module")
def db(nlp, tmp_path_factory):
    return web_store.build(tmp_path_factory)


@pytest.fixture(scope="module")
def app(db):
    app = create_app(db)
    yield app
    app.state.pool.close()


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, raise_server_exceptions=False)


def speaker_id(client, name: str = "Ada Varga") -> int:
    return next(s["id"] for s in client.get("/api/summary").json()["top_speakers"] if s["name"] == name)


# --- the plans of the hot queries ----------------------------------------------------------------


def traced(app, client, url: str) -> list[str]:
    """The statements the app ran to answer ``url`` (its pool hands the one idle connection out)."""
    seen: list[str] = []
    with app.state.pool.connection() as conn:
        conn.set_trace_callback(seen.append)
    try:
        assert client.get(url).status_code == 200
    finally:
        with app.state.pool.connection() as conn:
            conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def plan(conn: sqlite3.Connection, sql: str) -> list[tuple[int, int, str]]:
    return [(r[0], r[1], r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql)]


def reads_in_order(steps: list[tuple[int, int, str]], index: str) -> bool:
    """Whether a step reads ``index`` and nothing beside it sorts for ORDER BY (the rows come
    out of the index in the list's order, so a LIMIT stops the walk)."""
    users = [(i, parent) for i, parent, detail in steps if f"INDEX {index} " in detail + " "]
    if not users:
        return False
    return not any(parent == users[0][1] and "TEMP B-TREE FOR ORDER BY" in detail for _, parent, detail in steps)


def statement_reading(app, client, url: str, index: str, needle: str) -> list[tuple[int, int, str]]:
    """The plan of the first statement run for ``url`` whose text has ``needle`` and whose plan reads ``index``."""
    with app.state.pool.connection() as conn:
        for sql in traced(app, client, url):
            if needle in sql:
                steps = plan(conn, sql)
                if any(f"INDEX {index} " in d + " " for _, _, d in steps):
                    return steps
    raise AssertionError(f"{url}: no statement with {needle!r} reads {index}")


def test_the_plan_check_sees_a_sort(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    sorted_plan = plan(conn, "SELECT seq FROM claims WHERE speaker_entity_id = 1 ORDER BY cue DESC LIMIT 5")
    assert not reads_in_order(sorted_plan, "claims_speaker_day")
    assert reads_in_order(plan(conn, "SELECT seq FROM claims WHERE speaker_entity_id = 1 ORDER BY claim_day DESC, "
                                     "seq DESC LIMIT 5"), "claims_speaker_day")


@pytest.mark.parametrize("filters, index", [
    ("speaker={speaker}", "claims_speaker_day"),
    ("kind=direct", "claims_kind_day"),
    ("source_kind=person", "claims_source_kind_day"),
    ("channel=interview", "claims_channel_day"),
    ("kind=direct&since=2025-06-01", "claims_kind_day"),
    # a speaker is read from its own index even beside a kind (most claims are direct)
    ("speaker={speaker}&kind=direct", "claims_speaker_day"),
])
def test_a_filtered_list_of_claims_reads_its_filters_index_in_order(app, client, filters, index):
    url = "/api/claims?" + filters.format(speaker=speaker_id(client))
    steps = statement_reading(app, client, url, index, "FROM claims c")
    assert reads_in_order(steps, index), steps


def test_the_latest_claims_and_the_network_walk_the_day_index(app, client):
    for url in ("/api/claims?page=2", "/api/network", "/api/network?since=2025-06-01&until=2025-07-01"):
        assert reads_in_order(statement_reading(app, client, url, "claims_day", "FROM claims c"), "claims_day"), url


def test_facets_count_the_window_of_the_filters_index(app, client):
    steps = statement_reading(app, client, f"/api/search?speaker={speaker_id(client)}", "claims_speaker_day",
                              "GROUP BY")
    assert reads_in_order(steps, "claims_speaker_day"), steps


def test_a_speakers_page_counts_from_their_index_alone(app, client):
    sid = speaker_id(client)
    with app.state.pool.connection() as conn:
        counted = [sql for sql in traced(app, client, f"/api/entities/{sid}")
                   if "GROUP BY" in sql and "speaker_entity_id" in sql]
        assert len(counted) == 3  # days and channels, addressees, chains
        for sql in counted:
            details = " ".join(d for _, _, d in plan(conn, sql))
            assert "USING COVERING INDEX claims_speaker_day" in details, (sql, details)


@pytest.mark.parametrize("filters, index", [
    ("", "articles_published_day"),
    ("speaker={speaker}", "articles_published_day"),
    ("outlet=AP", "articles_outlet_day"),
    ("language=en", "articles_language_day"),
])
def test_a_list_of_articles_reads_a_day_index_in_order(app, client, filters, index):
    url = "/api/articles?page=2&per_page=1&" + filters.format(speaker=speaker_id(client))
    steps = statement_reading(app, client, url, index, "FROM articles a")
    assert reads_in_order(steps, index), steps


# --- migration 8: the columns lists and facets filter on ----------------------------------------------


CHANNELS = [None, {"kind": "interview", "outlet": "Radio Lowmark"}, {"outlet": "no kind"}, {"kind": 3}]
CHAINS = [[], ["AP"], ["Radio Lowmark", "Reuters", "The Courier"], ["AP", 7]]


def test_migration_8_fills_the_channel_kind_and_publisher_as_ingest_writes_them(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    saved = schema.MIGRATIONS
    try:
        schema.MIGRATIONS = [m for m in saved if m[0] <= 7]  # a store from before migration 8
        schema.migrate(conn, "2026-01-01T00:00:00+00:00")
    finally:
        schema.MIGRATIONS = saved
    conn.execute("INSERT INTO documents (seq, id, content_hash, status, ingested_at, reading) "
                 "VALUES (1, 'd1', 'h1', 'ok', 'now', '{}')")
    claims = [(channel, via) for channel in CHANNELS for via in CHAINS]
    for i, (channel, via) in enumerate(claims):
        conn.execute("INSERT INTO claims (document_id, local_id, quotes, via, channel) VALUES ('d1', ?, '[]', ?, ?)",
                     (f"c{i}", json.dumps(via), json.dumps(channel) if channel else None))
    conn.close()
    with Corpus(path) as corpus:
        migrated = corpus._writable().conn.execute(
            "SELECT channel_kind, outlet FROM claims ORDER BY seq").fetchall()
    expected = [_channel_and_outlet({"channel": channel, "via": via}) for channel, via in claims]
    assert [tuple(r) for r in migrated] == expected
    assert ("interview", "The Courier") in expected and (None, None) in expected  # both kinds of value seen


def test_ingest_writes_the_channel_kind_and_publisher(tmp_path):
    text = "The harbour reopens. The mayor spoke."
    claims = [{"id": f"c{i}", "kind": "direct", "content": "The harbour reopens", "span": [0, 19], "quotes": [],
               "channel": channel, "via": via} for i, (channel, via) in enumerate(zip(CHANNELS, CHAINS))]
    reading = Reading.from_dict({"id": "d1", "source": {"path": "x", "url": None, "format": "jsonl", "offset": 0},
                                 "url": "https://courier.example/a", "title": "Harbour", "published": "2025-06-01",
                                 "language": "en", "text": text, "paragraphs": [[0, len(text)]], "claims": claims})
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add([reading])
        rows = corpus._writable().conn.execute("SELECT channel_kind, outlet FROM claims ORDER BY local_id").fetchall()
    assert [tuple(r) for r in rows] == [(None, None), ("interview", "AP"), (None, "The Courier"), (None, None)]


# --- the windows that bound a search ----------------------------------------------------------------


def test_a_search_matching_more_than_its_window_ranks_the_latest_matches(client, db, monkeypatch):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    matching = [r[0] for r in conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"the\"' "
                                           "ORDER BY rowid DESC")]
    assert len(matching) >= 3
    latest = {r[0] for r in conn.execute(f"SELECT document_id FROM articles WHERE seq IN ({matching[0]}, {matching[1]})")}
    whole = client.get("/api/articles", params={"q": "the"}).json()
    assert "ranked_over" not in whole and len(whole["items"]) == len(matching)
    monkeypatch.setattr(queries, "RANK_WINDOW", 2)
    cut = client.get("/api/articles", params={"q": "the"}).json()
    assert cut["ranked_over"] == 2
    assert {a["document_id"] for a in cut["items"]} == latest
    scores = [a["score"] for a in cut["items"]]
    assert scores == sorted(scores, reverse=True)  # still best first
    assert "the best of the latest 2 that match" in client.get("/search", params={"q": "the"}).text


def test_facets_count_the_latest_claims_of_their_window(client, monkeypatch):
    everything = client.get("/api/claims", params={"per_page": 200}).json()["items"]
    assert len(everything) > 3
    monkeypatch.setattr(queries, "FACET_WINDOW", 3)
    facets = client.get("/api/search").json()["facets"]["statements"]
    assert facets["capped"] is True and facets["over"] == 3
    latest = everything[:3]  # the list is newest first, as the window is
    for name in ("kind", "source_kind", "outlet"):
        expected: dict[str, int] = {}
        for c in latest:
            if c[name]:
                expected[c[name]] = expected.get(c[name], 0) + 1
        assert {f["value"]: f["count"] for f in facets[name]} == expected, name
    speakers: dict[int, int] = {}
    for c in latest:
        if c["speaker_entity"] is not None:
            speakers[c["speaker_entity"]] = speakers.get(c["speaker_entity"], 0) + 1
    assert {f["value"]: f["count"] for f in facets["speaker"]} == speakers
    assert all(f["label"] for f in facets["speaker"])


def test_a_speakers_relays_are_every_hop_of_their_chains(app, client):
    """The counts from the index equal SQLite's own reading of each chain's JSON."""
    sid = speaker_id(client)
    data = client.get(f"/api/entities/{sid}").json()
    with app.state.pool.connection() as conn:
        expected = [tuple(r) for r in conn.execute(
            "SELECT j.value, CASE WHEN j.key = json_array_length(c.via) - 1 THEN 'publisher' ELSE 'conduit' END AS role, "
            "count(*) AS n FROM claims c, json_each(c.via) j WHERE c.speaker_entity_id = ? GROUP BY 1, 2 "
            "ORDER BY n DESC, 1, 2 LIMIT 15", (sid,))]
        days = [tuple(r) for r in conn.execute(
            "SELECT claim_day, coalesce(json_extract(channel, '$.kind'), 'reported'), count(*) FROM claims "
            "WHERE speaker_entity_id = ? AND claim_day IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", (sid,))]
    assert [(r["relay"], r["role"], r["claims"]) for r in data["relays"]] == expected
    timeline = sorted((r["day"], r["channel"], r["n"]) for r in data["timeline"]["data"] if r["what"] == "statement")
    assert timeline == sorted(days)


# --- whole-store counts kept between requests ---------------------------------------------------------


def test_the_home_counts_follow_a_write_to_the_store(db, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copy(db, path)
    app = create_app(path)
    try:
        client = TestClient(app)
        before = client.get("/api/summary").json()["counts"]
        assert client.get("/api/summary").json()["counts"] == before  # kept: nothing changed
        text = "The ferry runs again."
        with Corpus(path) as corpus:
            corpus.add([Reading.from_dict({"id": "ferry-1", "source": {"path": "x", "url": None, "format": "jsonl",
                                                                         "offset": 0},
                                           "url": "https://courier.example/ferry", "title": "Ferry",
                                           "published": "2025-07-01", "language": "en", "text": text,
                                           "paragraphs": [[0, len(text)]]})])
        after = client.get("/api/summary").json()["counts"]
        assert after["articles"] == before["articles"] + 1
    finally:
        app.state.pool.close()
