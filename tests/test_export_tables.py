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
