"""Statements: one claim by one speaker across documents (link/statements.py, store/statements.py)."""

from __future__ import annotations

import sqlite3

import pytest

from dateline import Corpus
from dateline.link.statements import Carried, changes, content_words, similarity, spread, summarise
from dateline.model import Reading, Source

QUOTE = "The ferry will run again by June, and the fares will not rise this year"


def reading(doc: str, published: str, claims: list[dict], *, url: str | None = None, publisher: str | None = None,
            speaker: str = "Ada Brenner", extra_entities: list[dict] | None = None) -> Reading:
    """A reading as analysis would give it: a text naming the speaker, and the claims given."""
    text = f"{speaker} spoke in Millbrook. " + " ".join(c["content"] + "." for c in claims)
    entities = [{"id": "e1", "name": speaker, "type": "PERSON", "aliases": [], "titles": [],
                 "mentions": [[0, len(speaker)]]}] + (extra_entities or [])
    out = []
    for i, c in enumerate(claims, 1):
        start = text.index(c["content"])
        out.append({"id": f"c{i}", "kind": c.get("kind", "direct"), "speaker": c.get("speaker", "e1"),
                    "speaker_text": c.get("speaker_text", speaker), "cue": c.get("cue", "said"),
                    "content": c["content"], "span": [start, start + len(c["content"])], "quotes": [],
                    "channel": c.get("channel"), "via": c.get("via", []), "said_on": c.get("said_on"),
                    "reported_on": None})
    r = Reading(id=doc, source=Source(path=f"{doc}.html", format="html"), url=url or f"https://{doc}.example/a",
                publisher=publisher, title=f"Ferry news from {doc}", published=published, language="en",
                text=text, paragraphs=[(0, len(text))], entities=entities, claims=out,
                analysis="analysed (language en)")
    return r.type_records()


def snapshot(corpus: Corpus) -> list[tuple]:
    return sorted((s["id"], s["content"], s["said_on"], tuple(c["document_id"] for c in s["carriers"]))
                  for s in corpus.statements())


# --- the pure rules ----------------------------------------------------------------------


def test_direct_quote_and_its_indirect_report_are_close():
    a = content_words("We will not back down on the ferry fares")
    b = content_words("she would not back down on the ferry fares")
    assert similarity(a, b) > 0


def test_two_different_things_one_speaker_said_are_not():
    a = content_words("The ferry will run again by June")
    b = content_words("The council budget is short of money for the schools")
    assert similarity(a, b) == 0


def test_negation_is_kept():
    assert "not" in content_words("fares won't rise")


def test_short_contents_must_match_word_for_word():
    assert similarity(content_words("no comment"), content_words("no comment")) == 1.0
    assert similarity(content_words("no comment"), content_words("no deal")) == 0.0


def test_changes_say_cut_and_dropped():
    base = "The ferry will run again by June and fares will almost certainly not rise".split()
    cut = "The ferry will run again by June".split()
    assert changes(base, cut) == [{"change": "cut", "text": "and fares will almost certainly not rise"}]
    dropped = "The ferry will run again by June and fares will not rise".split()
    assert changes(base, dropped) == [{"change": "dropped", "text": "almost certainly"}]


def _carried(doc, published, content, said_on=None, via=(), outlet=None, seq=1):
    return Carried(claim_seq=seq, document_id=doc, content=content, kind="direct", said_on=said_on,
                   published=published, day=(said_on or published)[:10], doc_seq=seq, outlet=outlet,
                   via=tuple(via), local_id="c1")


def test_summary_dates_by_the_earliest_report_and_orders_in_time():
    members = [
        _carried("late", "2025-05-09T10:00:00+00:00", QUOTE, said_on="2025-05-08", outlet="B", seq=1),
        _carried("wire", "2025-05-06T07:00:00+00:00", QUOTE, said_on="2025-05-05", outlet="Wire", seq=2),
        _carried("mid", "2025-05-06T11:00:00+02:00", QUOTE[:30], outlet="C", seq=3),
    ]
    s = summarise(members)
    assert [c.document_id for c in s["carriers"]] == ["wire", "mid", "late"]
    assert s["said_on"] == "2025-05-05"  # the earliest report dates it; the later copy's "Thursday" does not
    assert s["outlets"] == 3
    assert len(s["variants"]) == 1 and s["variants"][0]["documents"] == ["mid"]


def test_a_bare_day_does_not_come_before_the_times_of_that_day():
    s = summarise([_carried("dayonly", "2025-05-06", QUOTE, seq=1),
                   _carried("timed", "2025-05-06T09:00:00+00:00", QUOTE, seq=2)])
    assert s["first"].document_id == "timed"


def test_spread_goes_speaker_channel_wire_outlets():
    members = [
        _carried("a", "2025-05-06T08:00:00+00:00", QUOTE, via=["Wire", "Post"], outlet="Post", seq=1),
        _carried("b", "2025-05-06T09:00:00+00:00", QUOTE, via=["Wire", "Herald"], outlet="Herald", seq=2),
    ]
    members[0].channel = {"kind": "interview", "outlet": None, "platform": None}
    tree = spread("Ada Brenner", members)
    root = tree["root"]
    assert root["label"] == "Ada Brenner"
    (channel,) = root["children"]
    assert channel["kind"] == "channel"
    (wire,) = [n for n in channel["children"] if n["kind"] == "carrier"]
    assert wire["label"] == "Wire" and wire["time"] == "2025-05-06T08:00:00+00:00"
    assert sorted(d["outlet"] for d in wire["children"]) == ["Herald", "Post"]  # one channel for the statement
    assert {(e["source"], e["target"]) for e in tree["edges"]} >= {("carrier:wire", "document:a"),
                                                                  ("carrier:wire", "document:b")}


# --- in the store ----------------------------------------------------------------------


@pytest.fixture()
def corpus(tmp_path):
    with Corpus(tmp_path / "news.db") as c:
        yield c


def _wire_day(corpus: Corpus) -> None:
    qualifier = "The ferry will run again by June, and the fares will almost certainly not rise this year"
    corpus.add([
        reading("wire", "2025-05-06T07:00:00+00:00", [
            {"content": qualifier, "said_on": "2025-05-05", "via": ["Wire"]},
            {"content": "The council has found the money for a second boat", "via": ["Wire"]},
        ], publisher="Wire"),
        reading("post", "2025-05-06T09:00:00+00:00", [
            {"content": QUOTE, "said_on": "2025-05-05", "via": ["Wire", "Post"]},  # qualifier dropped
        ], publisher="Post"),
        reading("herald", "2025-05-07T08:00:00+00:00", [
            {"content": "The ferry will run again by June", "said_on": "2025-05-06", "via": ["Wire", "Herald"]},
        ], publisher="Herald"),
        # the same words by someone else are another statement
        reading("gazette", "2025-05-06T10:00:00+00:00", [{"content": QUOTE}], publisher="Gazette",
                speaker="Tomas Ferreira"),
    ])


def test_copies_of_one_claim_are_one_statement(corpus):
    _wire_day(corpus)
    found = corpus.statements(speaker="Ada Brenner")
    assert len(found) == 2
    ferry = next(s for s in found if "ferry" in s["content"])
    assert [c["document_id"] for c in ferry["carriers"]] == ["wire", "post", "herald"]
    assert ferry["carried_by"] == 3
    assert ferry["first_seen"]["outlet"] == "Wire"
    assert ferry["said_on"] == "2025-05-05"  # not the Herald's own date for it
    assert ferry["speaker"]["name"] == "Ada Brenner" and ferry["speaker"]["entity_id"]
    kinds = sorted(ch["change"] for v in ferry["variants"] for ch in v["changes"])
    assert kinds == ["cut", "dropped"]
    other = corpus.statements(speaker="Tomas Ferreira")
    assert len(other) == 1 and [c["document_id"] for c in other[0]["carriers"]] == ["gazette"]
    # every claim is in one statement
    assert sum(len(s["carriers"]) for s in corpus.statements()) == 5


def test_filters_about_and_dates(corpus):
    _wire_day(corpus)
    assert [s["content"][:9] for s in corpus.statements(about="second boat")] == ["The counc"]
    assert corpus.statements(speaker="Ada Brenner", since="2025-05-07") == []
    assert len(corpus.statements(speaker="Brenner", until="2025-05-06")) == 2


def test_a_line_repeated_months_later_is_another_statement(corpus):
    corpus.add([reading("spring", "2025-05-06", [{"content": QUOTE}]),
                reading("autumn", "2025-11-02", [{"content": QUOTE}])])
    assert len(corpus.statements(speaker="Ada Brenner")) == 2


def test_incremental_grouping_equals_the_rebuild(tmp_path):
    with Corpus(tmp_path / "a.db") as one:
        _wire_day(one)
        one.add([reading("late", "2025-05-08T08:00:00+00:00", [{"content": QUOTE, "via": ["Wire", "Late"]}],
                         publisher="Late")])
        before = snapshot(one)
        one.relink()
        assert snapshot(one) == before
    assert any(len(s[3]) == 4 for s in before)  # the late copy joined the ferry statement


def test_statement_spread_and_claim_lookup(corpus):
    _wire_day(corpus)
    sid = corpus.statement_of("post", "c1")
    assert sid and corpus.statement_of("herald", "c1") == sid
    one = corpus.statement(sid)
    assert [m["document_id"] for m in one["members"]] == ["wire", "post", "herald"]
    tree = corpus.spread(sid)
    assert tree["statement"]["id"] == sid
    wire = [n for n in tree["nodes"] if n["kind"] == "carrier" and n["label"] == "Wire"]
    assert wire and wire[0]["time"] == "2025-05-06T09:00:00+00:00"  # first carried on through the Wire by the Post
    docs = {n["document_id"] for n in tree["nodes"] if n["kind"] == "document"}
    assert docs == {"wire", "post", "herald"}
    assert corpus.statement("st-nope") is None and corpus.spread("st-nope") is None


def test_a_replaced_document_leaves_its_statements(corpus, tmp_path):
    _wire_day(corpus)
    from dateline.store.write import delete

    store = corpus._writable()
    with store.transaction() as conn:
        delete(conn, "post")
    sid = corpus.statement_of("herald", "c1")
    assert [c["document_id"] for c in corpus.statement(sid)["carriers"]] == ["wire", "herald"]
    with store.transaction() as conn:
        delete(conn, "gazette")
    assert corpus.statements(speaker="Tomas Ferreira") == []


def test_a_store_from_before_statements_gets_them_and_a_search_datasette_finds(tmp_path):
    """A store at schema 5 is upgraded: its claims are grouped, its FTS tables declared anew."""
    from dateline.store import schema

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    saved = schema.MIGRATIONS
    try:
        schema.MIGRATIONS = saved[:5]
        schema.migrate(conn, "2025-01-01T00:00:00+00:00")
    finally:
        schema.MIGRATIONS = saved
    conn.execute("INSERT INTO documents (seq, id, content_hash, status, ingested_at, reading) "
                 "VALUES (1, 'd1', 'h1', 'ok', 'now', '{\"publisher\": \"Post\"}')")
    conn.execute("INSERT INTO articles (seq, document_id, title, authors, agencies, text, text_hash, word_count) "
                 "VALUES (1, 'd1', 'Ferry', '[]', '[]', 'The ferry runs again', 'x', 4)")
    conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (1, 'Ferry', 'The ferry runs again')")
    conn.execute("INSERT INTO claims (seq, document_id, local_id, speaker_text, speaker_key, content, quotes, via, "
                 "claim_day) VALUES (1, 'd1', 'c1', 'Ada Brenner', 'ada brenner', 'The ferry runs again', '[]', "
                 "'[]', '2025-05-06')")
    conn.execute("INSERT INTO meta (key, value) VALUES ('linked_seq', '1')")
    conn.close()
    with Corpus(path) as c:
        c._writable()  # opening it for writing runs migration 6
        c.add([reading("new", "2025-05-06", [{"content": "The ferry runs again"}])])
        (s,) = c.statements(speaker="Ada Brenner")
        assert sorted(x["document_id"] for x in s["carriers"]) == ["d1", "new"]
        assert [h["document_id"] for h in c.search("ferry")][:1] in (["d1"], ["new"])
        conn = c._writable().conn
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        assert 'content="articles"' in sql
        assert conn.execute("SELECT outlet FROM articles WHERE seq = 1").fetchone()[0] == "Post"
        assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ferry'").fetchone()[0] == 2


_WORDINGS = "SELECT statement_id, content, said_on FROM statement_wordings ORDER BY 1, 2, 3"
_MEMBERS_WORDINGS = (
    "SELECT DISTINCT m.statement_id, c.content, coalesce(c.said_on, '') FROM statement_members m "
    "JOIN claims c ON c.seq = m.claim_seq WHERE c.content != '' ORDER BY 1, 2, 3"
)


def _rows(conn, sql: str) -> list[tuple]:
    return [tuple(r) for r in conn.execute(sql)]


def _late(corpus: Corpus) -> None:
    corpus.add([reading("late", "2025-05-08T08:00:00+00:00",
                        [{"content": QUOTE, "said_on": "2025-05-05", "via": ["Wire", "Late"]}], publisher="Late")])


def test_each_wording_is_kept_once_as_members_join_and_leave(corpus):
    from dateline.store.write import delete

    _wire_day(corpus)
    _late(corpus)  # the Post's wording again: a member more, no wording more
    conn = corpus._writable().conn
    kept = _rows(conn, _WORDINGS)
    assert kept == _rows(conn, _MEMBERS_WORDINGS)
    assert conn.execute("SELECT count(*) FROM statement_members").fetchone()[0] == len(kept) + 1
    store = corpus._writable()
    with store.transaction():
        delete(store.conn, "post")  # the Late copy still carries that wording
        delete(store.conn, "gazette")  # its statement goes, and its wording with it
    after = _rows(conn, _WORDINGS)
    assert after == _rows(conn, _MEMBERS_WORDINGS)
    assert QUOTE in {w[1] for w in after} and len(after) == len(kept) - 1


def test_a_store_from_before_migration_10_gets_its_wordings_and_groups_the_same(tmp_path):
    with Corpus(tmp_path / "fresh.db") as fresh:
        _wire_day(fresh)
        _late(fresh)
        expected = snapshot(fresh)
    with Corpus(tmp_path / "old.db") as old:
        _wire_day(old)
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.execute("DROP TABLE statement_wordings")
    conn.execute("DELETE FROM schema_migrations WHERE version >= 10")
    conn.commit()
    conn.close()
    with Corpus(tmp_path / "old.db") as old:
        conn = old._writable().conn  # opening it for writing runs migration 10
        assert _rows(conn, _WORDINGS) == _rows(conn, _MEMBERS_WORDINGS) != []
        _late(old)  # finds the ferry statement through the wordings the migration kept
        assert snapshot(old) == expected
    assert any(len(s[3]) == 4 for s in expected)
