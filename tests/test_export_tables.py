"""The flat tables (store/tables.py): the pure reading → rows function and the column specs."""

from __future__ import annotations

import json

import pytest

from dateline.store import tables as T

TEXT = ("MILLBROOK (Wire Service) - Councillor Ada Brenner said on Monday the ferry would run again. "
        "\"We have the money now,\" Brenner told reporters.")


def _reading() -> dict:
    ada = TEXT.index("Ada Brenner")
    quote = TEXT.index("\"We")
    return {
        "id": "doc1",
        "source": {"path": "pages/a.html", "url": None, "format": "html", "offset": None},
        "error": None,
        "url": "https://www.millbrook-post.example/ferry",
        "publisher": None,
        "title": "Ferry to run again",
        "section": "Local",
        "published": "2025-05-06T08:00:00+00:00",
        "language": "en",
        "dateline": {"place": "MILLBROOK", "agency": "Wire Service"},
        "byline": {"authors": ["Ina Holt", "Ravi Sen"], "editors": []},
        "agencies": ["Wire Service"],
        "text": TEXT,
        "entities": [
            {"id": "e1", "name": "Ada Brenner", "type": "PERSON", "aliases": ["Brenner"], "titles": ["Councillor"],
             "mentions": [[ada, ada + 11], [TEXT.index("Brenner told"), TEXT.index("Brenner told") + 7]]},
            "not an entity",
        ],
        "claims": [
            {"id": "c1", "kind": "indirect", "speaker": "e1", "speaker_text": "Councillor Ada Brenner",
             "source_kind": "person", "cue": "said", "addressee": None, "addressee_text": None,
             "content": "the ferry would run again", "span": [60, 85], "quotes": [],
             "channel": {"kind": "statement", "outlet": None, "platform": None},
             "via": ["Wire Service", "Millbrook Post"], "said_on": "2025-05-05", "reported_on": None},
            {"id": "c2", "kind": "direct", "speaker": "e1", "speaker_text": "Brenner", "cue": "told",
             "addressee": None, "addressee_text": "reporters", "content": "We have the money now",
             "span": [quote, quote + 23], "quotes": [[quote, quote + 23]], "channel": None,
             "via": ["Wire Service"], "said_on": None, "reported_on": None},
        ],
        "events": [{"id": "v1", "type": "AID", "actor": "e1", "actor_text": "Ada Brenner", "recipient": None,
                    "when": "2025-05-05", "where": None, "span": [0, 10], "negated": False, "rank": 1,
                    "confidence": 0.5, "asserted_by": "c1"}],
        "timexes": [{"text": "Monday", "span": [TEXT.index("Monday"), TEXT.index("Monday") + 6], "type": "DATE",
                     "value": "2025-05-05", "anchor": "2025-05-06"}],
        "analysis": "analysed (language en)",
        "dateline_version": "9.9.9",
    }


def test_every_row_has_exactly_its_tables_columns():
    rows = T.reading_rows(_reading())
    assert set(rows) == set(T.PER_READING)
    for table, items in rows.items():
        assert items, table
        for row in items:
            assert list(row) == T.TABLES[table].names(), table


def test_documents_row():
    (doc,) = T.reading_rows(_reading())["documents"]
    assert doc["document_id"] == "doc1"
    assert doc["outlet"] == "millbrook-post.example"  # no publisher, unknown host: the host without www.
    assert doc["published_day"] == "2025-05-06"
    assert doc["authors"] == "Ina Holt; Ravi Sen"
    assert json.loads(doc["authors_json"]) == ["Ina Holt", "Ravi Sen"]
    assert doc["claims"] == 2 and doc["entities"] == 1 and doc["events"] == 1
    assert doc["dateline_version"] == "9.9.9"
    assert doc["status"] == "ok" and doc["word_count"] == len(TEXT.split())


def test_publisher_wins_over_host():
    r = _reading()
    r["publisher"] = "The Millbrook Post"
    rows = T.reading_rows(r)
    assert rows["documents"][0]["outlet"] == "The Millbrook Post"
    assert {c["outlet"] for c in rows["claims"]} == {"The Millbrook Post"}


def test_claims_flat_columns():
    c1, c2 = T.reading_rows(_reading())["claims"]
    assert c1["speaker"] == "Ada Brenner"  # the entity's name, not the words of the text
    assert c1["speaker_local_id"] == "e1" and c1["speaker_entity_id"] is None  # the store fills it
    assert c1["via"] == "Wire Service → Millbrook Post"
    assert json.loads(c1["via_json"]) == ["Wire Service", "Millbrook Post"]
    assert c1["channel_kind"] == "statement" and json.loads(c1["channel_json"])["kind"] == "statement"
    assert c1["claim_day"] == "2025-05-05"  # said_on
    assert c2["claim_day"] == "2025-05-06"  # the article's day
    assert c2["addressee"] == "reporters"
    assert c2["statement_id"] is None


def test_mentions_carry_their_words_and_events_their_names():
    rows = T.reading_rows(_reading())
    assert [m["text"] for m in rows["mentions"]] == ["Ada Brenner", "Brenner"]
    (ev,) = rows["events"]
    assert ev["actor"] == "Ada Brenner" and ev["actor_local_id"] == "e1"
    assert ev["negated"] is False and ev["event_rank"] == 1
    (tx,) = rows["timexes"]
    assert TEXT[tx["span_start"]:tx["span_end"]] == "Monday"


def test_a_failed_reading_gives_one_error_row_and_nothing_else():
    rows = T.reading_rows({"id": "bad", "source": {"format": "html"}, "error": {"stage": "decode", "message": "binary"}})
    assert rows["documents"][0]["status"] == "error"
    assert rows["documents"][0]["error_stage"] == "decode"
    assert all(not rows[t] for t in T.PER_READING if t != "documents")


def test_odd_values_do_not_break_it():
    r = _reading()
    r["claims"].append({"id": "c3", "span": ["x", None], "via": "not a list", "said_on": "someday"})
    r["timexes"].append(None)
    rows = T.reading_rows(r)
    c3 = rows["claims"][-1]
    assert c3["span_start"] is None and c3["via"] is None and c3["claim_day"] == "2025-05-06"


def test_network_counts_statements_once():
    claims = T.reading_rows(_reading())["claims"]
    copy = [dict(c, document_id="doc2") for c in claims]
    for row in claims + copy:
        row["statement_id"] = "s-" + row["claim_id"]
    edges = T.network_rows(claims + copy)
    first_hop = [e for e in edges if e["relation"] == "via" and e["source"] == "Ada Brenner"]
    assert len(first_hop) == 1
    assert first_hop[0]["target"] == "Wire Service"
    assert first_hop[0]["claims"] == 4 and first_hop[0]["statements"] == 2 and first_hop[0]["documents"] == 2
    hop = [e for e in edges if e["source"] == "Wire Service"]
    assert hop and hop[0]["target"] == "Millbrook Post" and hop[0]["speaker"] is None
    said_to = [e for e in edges if e["relation"] == "addresses"]
    assert [(e["source"], e["target"]) for e in said_to] == [("Ada Brenner", "reporters")]
    assert all(list(e) == T.NETWORK.names() for e in edges)


def test_conform_casts_to_the_declared_types():
    row = T.conform("events", {"event_rank": "2", "confidence": 1, "negated": 0, "type": ["odd"]})
    assert row["event_rank"] == 2 and row["confidence"] == 1.0 and row["negated"] is False
    assert row["type"] == '["odd"]'
    assert list(row) == T.EVENTS.names()


def test_every_column_is_described_and_typed():
    for table in T.TABLES.values():
        assert len(set(table.names())) == len(table.names()), table.name
        for c in table.columns:
            assert c.type in ("text", "integer", "real", "boolean")
            assert c.description.strip(), (table.name, c.name)
        assert table.label in table.names()
        assert set(table.facets) <= set(table.names())


def test_arrow_schema_matches_the_columns():
    pa = pytest.importorskip("pyarrow")
    for name, table in T.TABLES.items():
        schema = T.arrow_schema(name)
        assert schema.names == table.names()
    schema = T.arrow_schema("claims")
    assert schema.field("span_start").type == pa.int64()
    rows = [T.conform("claims", r) for r in T.reading_rows(_reading())["claims"]]
    assert pa.Table.from_pylist(rows, schema=schema).num_rows == 2


# --- from the store, through the CLI -------------------------------------------------------

import csv  # noqa: E402
import io  # noqa: E402

from typer.testing import CliRunner  # noqa: E402

from dateline import Corpus  # noqa: E402
from dateline.cli import app  # noqa: E402

from test_statements import QUOTE, reading as statement_reading  # noqa: E402


@pytest.fixture()
def store(tmp_path):
    db = str(tmp_path / "news.db")
    with Corpus(db) as c:
        c.add([
            statement_reading("wire", "2025-05-06T07:00:00+00:00", [{"content": QUOTE, "via": ["Wire"]}], publisher="Wire"),
            statement_reading("post", "2025-05-06T09:00:00+00:00", [
                {"content": QUOTE, "via": ["Wire", "Post"], "channel": {"kind": "interview", "outlet": None,
                                                                           "platform": None}},
                {"content": "The harbour dredging starts in autumn", "via": ["Post"]}], publisher="Post"),
        ])
    return db


def _cli(*args: str) -> str:
    out = CliRunner().invoke(app, list(args))
    assert out.exit_code == 0, out.output
    return out.output


def test_claims_table_as_csv_has_the_store_ids(store):
    rows = list(csv.DictReader(io.StringIO(_cli("export", "--table", "claims", "--db", store))))
    assert list(rows[0]) == T.CLAIMS.names()
    assert len(rows) == 3
    ferry = [r for r in rows if r["content"] == QUOTE]
    assert len({r["statement_id"] for r in ferry}) == 1 and ferry[0]["statement_id"].startswith("st-")
    assert all(r["speaker_entity_id"] for r in rows) and {r["speaker"] for r in rows} == {"Ada Brenner"}
    assert {r["outlet"] for r in rows} == {"Wire", "Post"}


def test_store_rows_are_the_pure_rows_plus_what_the_store_knows(store):
    readings = [json.loads(line) for line in _cli("export", "--db", store).splitlines()]
    pure = [T.conform("claims", r) for rd in readings for r in T.reading_rows(rd)["claims"]]
    stored = [json.loads(line) for line in _cli("export", "--table", "claims", "-f", "jsonl", "--db", store).splitlines()]
    store_only = {"statement_id", "speaker_entity_id"}
    assert [{k: v for k, v in r.items() if k not in store_only} for r in stored] == \
        [{k: v for k, v in r.items() if k not in store_only} for r in pure]


def test_every_table_exports(store, tmp_path):
    for name, table in T.TABLES.items():
        lines = _cli("export", "--table", name, "--format", "jsonl", "--db", store).splitlines()
        assert lines or name in ("events", "timexes"), name  # these readings have none
        assert all(list(json.loads(ln)) == table.names() for ln in lines), name
    (st,) = [json.loads(ln) for ln in _cli("export", "-t", "statements", "-f", "jsonl", "--db", store).splitlines()
             if json.loads(ln)["carriers"] == 2]
    assert st["outlets"] == 2 and st["first_outlet"] == "Wire"
    assert [c["document_id"] for c in json.loads(st["carriers_json"])] == ["wire", "post"]


def test_parquet_has_the_declared_schema(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "claims.parquet"
    _cli("export", "--table", "claims", "--format", "parquet", "--out", str(out), "--db", store)
    table = pq.read_table(out)
    assert table.schema.names == T.CLAIMS.names()
    assert str(table.schema.field("speaker_entity_id").type) == "int64"
    assert table.num_rows == 3
    # an existing file is kept unless --force
    again = CliRunner().invoke(app, ["export", "-t", "claims", "-f", "parquet", "-o", str(out), "--db", store])
    assert again.exit_code == 2 and "already exists" in again.output


def test_network_opens_in_networkx(store, tmp_path):
    nx = pytest.importorskip("networkx")
    rows = list(csv.DictReader(io.StringIO(_cli("export", "--table", "network", "--db", store))))
    first_hop = [r for r in rows if r["source"] == "Ada Brenner" and r["target"] == "Wire"]
    assert first_hop and first_hop[0]["statements"] == "1" and first_hop[0]["claims"] == "2"
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"net.{fmt}"
        _cli("export", "--table", "network", "--format", fmt, "--out", str(path), "--db", store)
        g = read(path)
        assert g.has_edge("Wire", "Post") and g.has_edge("Ada Brenner", "Wire"), fmt


def test_spread_command(store, tmp_path):
    nx = pytest.importorskip("networkx")
    sid = next(json.loads(ln)["id"] for ln in _cli("claims", "--about", "ferry", "--json", "--db", store).splitlines())
    text = _cli("spread", sid, "--db", store)
    assert "Ada Brenner" in text and "interview" in text and "Post" in text
    tree = json.loads(_cli("spread", sid, "--json", "--db", store))
    assert tree["root"]["kind"] == "speaker" and tree["statement"]["id"] == sid
    path = tmp_path / "spread.gexf"
    _cli("spread", sid, "--format", "gexf", "--out", str(path), "--db", store)
    g = nx.read_gexf(path)
    assert g.has_edge("carrier:wire", "document:post")
    g = nx.read_graphml(io.StringIO(_cli("spread", sid, "-f", "graphml", "--db", store)))
    assert nx.is_tree(g.to_undirected()) and g.nodes["document:wire"]["outlet"] == "Wire"
    missing = CliRunner().invoke(app, ["spread", "st-0000", "--db", store])
    assert missing.exit_code == 1 and "no statement" in missing.output


def test_claims_text_shows_statements_once(store):
    text = _cli("claims", "--speaker", "Ada Brenner", "--db", store)
    assert text.count(QUOTE) == 1 and "carried by 2 outlets: first Wire" in text
    each = _cli("claims", "--speaker", "Ada Brenner", "--each", "--db", store)
    assert each.count(QUOTE) == 2


def test_unknown_table(store):
    out = CliRunner().invoke(app, ["export", "--table", "nope", "--db", store])
    assert out.exit_code == 2 and "unknown table" in out.output
