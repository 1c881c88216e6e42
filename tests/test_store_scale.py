"""The store as it grows: every per-document query on an index, incremental linking equal to a
full rebuild, `dateline relink`. Real SQLite files; articles made up here."""

from __future__ import annotations

import random
import re
import shutil
import sqlite3

from typer.testing import CliRunner

from dateline import Corpus
from dateline.cli import app
from dateline.model import Reading, Source
from dateline.store import Store
from dateline.store.groups import relink, story_doc

_SYLLABLES = "ka lo mi ne ru sa ti vo ze ba de fi gu ho ja ke li mo nu pa qui ra se to vu wa xe yo zu".split()


def _word(rnd: random.Random, n: int = 2) -> str:
    return "".join(rnd.choice(_SYLLABLES) for _ in range(n))


def _text(rnd: random.Random, words: int, names: list[str]) -> str:
    paras = []
    for _ in range(max(1, words // 40)):
        toks = [rnd.choice(names) if rnd.random() < 0.08 else _word(rnd, rnd.randint(1, 3)) for _ in range(40)]
        paras.append(" ".join(toks).capitalize() + ".")
    return "\n\n".join(paras)


def corpus_readings(seed: int = 7) -> list[Reading]:
    """Stories told by several outlets over a few days, with exact copies, near copies (a
    paragraph dropped), wire versions, recrawled addresses, undated pages and lone articles."""
    rnd = random.Random(seed)
    out: list[Reading] = []

    def add(rid, text, title, day, url, names):
        ents = [{"id": f"e{i}", "name": n, "type": "ORG", "aliases": [], "titles": [], "mentions": []}
                for i, n in enumerate(names)]
        out.append(Reading(id=rid, source=Source(path=f"{rid}.txt", url=url, format="text"), url=url,
                           title=title, published=day, language="en", text=text, entities=ents))

    for s in range(14):
        names = [_word(rnd, 3).capitalize() for _ in range(4)]
        start = rnd.randint(1, 20)
        wire = _text(rnd, 240, names)
        for o in range(rnd.randint(2, 4)):
            day = f"2025-03-{start + rnd.randint(0, 2):02d}"
            title = f"{names[0]} and {names[1]} {_word(rnd)} {_word(rnd)} {names[2]}"
            if o == 0:
                text = wire
            elif o == 1 and s % 3 == 0:
                text = wire  # an exact copy at another outlet
            elif o == 1 and s % 3 == 1:
                text = wire.split("\n\n", 1)[1]  # the wire story with its first paragraph dropped
            else:
                text = _text(rnd, 200, names)
            add(f"s{s}o{o}", text, title, day, f"https://outlet{o}.example/{s}", names[: rnd.randint(2, 4)])
        if s % 4 == 0:  # wire versions of one headline, and a recrawl of one address
            head = f"{names[3]} {_word(rnd)} {_word(rnd)} talks"
            add(f"s{s}v0", _text(rnd, 160, names), head, f"2025-03-{start:02d}", f"https://wire.example/{s}", names)
            add(f"s{s}v1", _text(rnd, 160, names), f"{head} (1st LD)", f"2025-03-{start + 1:02d}",
                f"https://wire.example/{s}-ld", names)
            add(f"s{s}r", _text(rnd, 160, names), head, f"2025-03-{start + 2:02d}", f"https://wire.example/{s}", names)
    for u in range(6):  # undated: some tell one story among themselves
        names = ["Orvana", "Pellik", "Tsura", "Quell"] if u < 3 else [_word(rnd, 3).capitalize() for _ in range(3)]
        lead = f"{' '.join(names)} {_word(rnd)} {_word(rnd)}.\n\n" if u < 3 else ""
        add(f"u{u}", lead + _text(rnd, 150, names), f"{names[0]} {names[1]} {_word(rnd)} {names[2]}", None,
            f"https://undated.example/{u}", names)
    for n in range(20):
        names = [_word(rnd, 3).capitalize() for _ in range(3)]
        add(f"lone{n}", _text(rnd, 180, names), f"{_word(rnd)} {_word(rnd)} {names[0]}",
            f"2025-03-{rnd.randint(1, 28):02d}", f"https://lone.example/{n}", names)
    return out


def snapshot(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {
            "links": sorted(conn.execute("SELECT a, b, kind, score FROM links")),
            "groups": sorted(conn.execute("SELECT id, kind, size, title, first_published, last_published FROM groups")),
            "members": sorted(conn.execute("SELECT group_id, document_id, position FROM group_members")),
            "bands": sorted(conn.execute("SELECT band_key, seq FROM lsh_bands")),
        }
    finally:
        conn.close()


def test_incremental_linking_in_batches_equals_a_full_rebuild(tmp_path):
    readings = corpus_readings()
    random.Random(3).shuffle(readings)  # batches arrive out of date order, as crawls do
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        for i in range(0, len(readings), 23):
            corpus.add(readings[i : i + 23])
    incremental = snapshot(path)
    kinds = {g[1] for g in incremental["groups"]}
    assert kinds == {"copy", "syndicated", "version", "story"}, kinds  # the data exercises every kind
    undated = {m[1] for m in incremental["members"] if m[0].startswith("story-") and m[1].startswith("u")}
    assert undated == {"u0", "u1", "u2"}  # undated pages make stories among themselves

    rebuilt_path = tmp_path / "rebuilt.db"
    shutil.copy(path, rebuilt_path)
    store = Store(rebuilt_path, write=True)
    with store.transaction() as conn:
        relink(conn)
    store.close()
    assert snapshot(rebuilt_path) == incremental

    # and one ingest of everything gives the same again
    once = tmp_path / "once.db"
    with Corpus(once) as corpus:
        corpus.add(readings)
    assert snapshot(once) == incremental


def test_a_group_keeps_its_id_as_it_grows(tmp_path):
    readings = {r.id: r for r in corpus_readings()}
    first = [readings["s0o0"], readings["s0o1"]]
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(first)
        before = {g["id"] for g in corpus.duplicates() if g["kind"] == "copy"}
        corpus.add([r for k, r in readings.items() if k.startswith("s0") and r not in first])
        after = {g["id"]: g for g in corpus.duplicates() if g["kind"] == "copy"}
    assert before == {"copy-s0o0"} and set(after) == before


def test_relink_command_rebuilds_and_says_so(tmp_path):
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add(corpus_readings()[:40])
    expected = snapshot(path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM links WHERE kind = 'story'")
    conn.execute("DELETE FROM groups WHERE kind = 'story'")
    conn.commit()
    conn.close()
    runner = CliRunner()
    result = runner.invoke(app, ["relink", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "groups" in result.output
    assert snapshot(path) == expected
    help_text = runner.invoke(app, ["relink", "--help"]).output
    assert "--db" in help_text and "rebuild" in help_text.lower()
    missing = runner.invoke(app, ["relink", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


# --- every per-document query on an index ---------------------------------------------------------

_SCAN = re.compile(r"\bSCAN (\w+)(.*)")
_SEARCH = re.compile(r"\bSEARCH (\w+) USING (?:COVERING )?INDEX \w+ \(([^)]*)\)")
#: columns of a handful of values: an index search on them alone reads a share of the table
_FEW_VALUES = {"status", "kind"}


def full_scans(conn: sqlite3.Connection, sql: str) -> list[str]:
    """The tables a statement reads whole or in large part: a SCAN of a table that uses no index,
    or a search constrained only on a column of a few values (the version check on ``status``
    alone read every stored document)."""
    out = []
    virtual = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")}
    stored = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}  # not a CTE's rows
    for row in conn.execute("EXPLAIN QUERY PLAN " + sql):
        detail = row[3]
        if m := _SEARCH.search(detail):
            cols = {c.split("=")[0].split(">")[0].split("<")[0].strip() for c in m.group(2).split(" AND ")}
            if cols <= _FEW_VALUES:
                out.append(detail)
            continue
        m = _SCAN.search(detail)
        if not m:
            continue
        table, rest = m.group(1), m.group(2)
        if table == "CONSTANT" or table in virtual or table not in stored or "INDEX" in rest:
            continue
        out.append(detail)
    return out


def test_the_plan_check_sees_a_scan_and_a_search_on_status_alone(tmp_path):
    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE documents (seq INTEGER PRIMARY KEY, url_key TEXT, status TEXT, content_hash TEXT)")
    version_check = "SELECT 1 FROM documents WHERE url_key = 'a' AND status = 'ok' AND content_hash != 'h' LIMIT 1"
    assert full_scans(conn, version_check)  # no index at all
    conn.execute("CREATE INDEX documents_status ON documents (status)")
    assert full_scans(conn, version_check)  # the status index alone: every 'ok' document is read
    conn.execute("CREATE INDEX documents_url_key_status ON documents (url_key, status)")
    assert not full_scans(conn, version_check)


def test_every_query_of_an_ingest_is_served_by_an_index(tmp_path):
    readings = corpus_readings()
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add(readings[:60])
        store = corpus._writable()
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        corpus.add(readings[60:])  # what an ingest into a store that already holds documents asks
        store.conn.set_trace_callback(None)
        checked, scans = set(), {}
        for sql in statements:
            head = sql.lstrip().split(None, 1)[0].upper()
            if head not in ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH"):
                continue
            shape = re.sub(r"'[^']*'|\b\d+\b", "?", sql)
            if shape in checked:
                continue
            checked.add(shape)
            if found := full_scans(store.conn, sql):
                scans[sql[:160]] = found
    assert len(checked) > 20  # the trace saw the ingest's queries
    assert any("url_key" in s for s in checked)  # among them the version check
    assert not scans, "\n".join(f"{k}: {v}" for k, v in scans.items())


def test_the_version_check_uses_the_address_index(tmp_path):
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add(corpus_readings()[:5])
    conn = sqlite3.connect(path)
    plan = " ".join(r[3] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM documents WHERE url_key = ? AND status = 'ok' AND content_hash != ? LIMIT 1",
        ("x.example/a", "h")))
    assert "documents_url_key_status" in plan, plan


def test_the_band_table_uses_datasketchs_bands():
    from datasketch import MinHashLSH

    from dateline.link.dedupe import KNOWN_BANDS, band_ranges

    for (threshold, perms), (b, r) in KNOWN_BANDS.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=perms)
        assert (lsh.b, lsh.r) == (b, r)
        assert list(band_ranges()) == [tuple(x) for x in lsh.hashranges]


def test_a_long_ingest_links_as_it_goes_with_the_same_result(tmp_path, monkeypatch):
    """An ingest links after every corpus.LINK_EVERY documents (so that its memory does not grow
    with its input); the links and groups are those of one link at the end."""
    import dateline.corpus as corpus_module

    readings = corpus_readings()
    random.Random(5).shuffle(readings)
    at_end = tmp_path / "at_end.db"
    with Corpus(at_end) as corpus:
        corpus.add(readings)
    calls = []
    real = corpus_module.LINK_EVERY
    monkeypatch.setattr(corpus_module, "LINK_EVERY", 10)
    import dateline.store.groups as groups_module

    original = groups_module.regroup

    def counting(conn, *a, **kw):
        calls.append(1)
        return original(conn, *a, **kw)

    monkeypatch.setattr(groups_module, "regroup", counting)
    as_it_goes = tmp_path / "as_it_goes.db"
    with Corpus(as_it_goes) as corpus:
        corpus.add(readings, batch_size=5)
    assert real > 10 and len(calls) > 3  # it did link several times along the way
    assert snapshot(as_it_goes) == snapshot(at_end)


def test_band_levels_merge_and_find_the_same_near_duplicates(tmp_path, monkeypatch):
    """New band keys go to a small level 0 and full levels merge into the next (store/linking.py):
    with levels made tiny here, an ingest in small batches merges many times, and its links,
    groups and band keys are those of one ingest with no merging at all."""
    import dateline.store.linking as linking

    readings = corpus_readings()
    random.Random(7).shuffle(readings)
    plain = tmp_path / "plain.db"
    with Corpus(plain) as corpus:
        corpus.add(readings)
    monkeypatch.setattr(linking, "BAND_LEVEL_ROWS", 40)  # about one document's keys
    monkeypatch.setattr(linking, "BAND_FANOUT", 2)
    merged = tmp_path / "merged.db"
    with Corpus(merged) as corpus:
        for i in range(0, len(readings), 7):
            corpus.add(readings[i : i + 7], batch_size=3)
    conn = sqlite3.connect(merged)
    levels = [r[0] for r in conn.execute("SELECT level FROM lsh_bands GROUP BY level")]
    sizes = dict(conn.execute("SELECT level, count(*) FROM lsh_bands GROUP BY level").fetchall())
    conn.close()
    assert len(levels) >= 3 and max(levels) >= 3, levels  # keys did move up several levels
    assert all(n <= 40 * 2**lv for lv, n in sizes.items()), sizes  # no level over its capacity
    assert snapshot(merged) == snapshot(plain)
    assert any(k == "near" for _, _, k, _ in snapshot(plain)["links"])  # near-duplicates were found


def test_a_large_day_is_compared_in_slices_with_the_same_pairs(monkeypatch):
    """Story pairs of one day are counted a slice of articles at a time (bounded memory):
    slices of 3 give exactly the pairs of the whole day at once."""
    import dateline.link.stories as stories

    docs = [story_doc((r.id, r.published, r.title, r.text), [e["name"] for e in r.entities])
            for r in corpus_readings()]
    whole = sorted(stories.story_pairs(docs))
    assert len(whole) > 10
    monkeypatch.setattr(stories, "_ROWS_AT_ONCE", 3)
    assert sorted(stories.story_pairs(docs)) == whole


def test_story_pairs_read_their_articles_once_as_they_come():
    """Linking streams the window's articles into story_pairs (their text is not held): a
    generator read once gives the pairs of the list, and the features' numbers are the same in
    another process (a salted hash() would order the sums differently per run)."""
    import subprocess
    import sys

    import dateline.link.stories as stories

    docs = [story_doc((r.id, r.published, r.title, r.text), [e["name"] for e in r.entities])
            for r in corpus_readings()]
    whole = sorted(stories.story_pairs(docs))
    assert len(whole) > 10
    assert sorted(stories.story_pairs(d for d in docs)) == whole
    among = {d.id for d in docs[::3]}
    assert sorted(stories.story_pairs(iter(docs), among=among)) == sorted(stories.story_pairs(docs, among=among))
    code = "from dateline.link.stories import feature_key; print(feature_key('w:harbour'))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(other) == stories.feature_key("w:harbour") != stories.feature_key("w:harbor")


def test_a_batchs_band_keys_are_looked_up_at_once_with_the_same_near_duplicates(tmp_path, monkeypatch):
    """The writer looks up the band keys of a whole batch in one query (store/linking.py
    BatchBands), not each document's own: the links, groups and band keys are those of the
    lookup per document, near-duplicates inside one batch included, and the band table is asked
    once a batch."""
    import dateline.store.linking as linking

    readings = corpus_readings()
    random.Random(11).shuffle(readings)
    batched = tmp_path / "batched.db"
    with Corpus(batched) as corpus:
        corpus.add(readings[:30], batch_size=1000)
        store = corpus._writable()
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        corpus.add(readings[30:], batch_size=1000)  # one batch, with near copies of its own documents
        store.conn.set_trace_callback(None)
    band_reads = [s for s in statements if "FROM lsh_bands WHERE level IN" in s]
    assert len(band_reads) == 1, band_reads

    monkeypatch.setattr(linking, "BatchBands", lambda conn, fingerprints, dedupe=None: None)
    each = tmp_path / "each.db"
    with Corpus(each) as corpus:
        corpus.add(readings[:30], batch_size=1000)
        store = corpus._writable()
        statements = []
        store.conn.set_trace_callback(statements.append)
        corpus.add(readings[30:], batch_size=1000)
        store.conn.set_trace_callback(None)
    assert len([s for s in statements if "FROM lsh_bands WHERE level IN" in s]) == len(readings) - 30
    near = {(a, b) for a, b, k, _ in snapshot(each)["links"] if k == "near"}
    ids = {r.id for r in readings[30:]}
    assert any(a in ids and b in ids for a, b in near)  # a near pair inside the one batch
    assert any((a in ids) != (b in ids) for a, b in near)  # and one with a document stored before
    assert snapshot(batched) == snapshot(each)


def test_a_band_key_looked_up_before_its_document_was_replaced_finds_nothing(tmp_path):
    """A batch's keys are looked up before it is written; should a stored document with those
    keys be deleted and its seq taken by one of the batch, that one is not a candidate through
    the old keys (the table no longer holds them): only through its own."""
    from dateline.link.dedupe import band_keys, fingerprint, verify
    from dateline.store.linking import BatchBands, link_near

    rnd = random.Random(5)
    names = ["Arvel", "Brisa", "Cotan"]
    long_text = _text(rnd, 1200, names)
    short_text = long_text.split("\n\n")[3]  # one paragraph of it: contained, far from equal
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add([Reading(id="long", source=Source(path="l.txt", url="https://a.example/l", format="text"),
                            url="https://a.example/l", title="Long", language="en", text=long_text)])
        conn = corpus._writable().conn
        seq = conn.execute("SELECT seq FROM documents WHERE id = 'long'").fetchone()[0]
        new = fingerprint(short_text)
        old = fingerprint(long_text)
        assert verify(new.signature, new.shingles, old.signature, old.shingles) is not None  # a near-duplicate
        assert not set(band_keys(new.signature)) & set(band_keys(old.signature))  # sharing no band
        conn.execute("BEGIN")
        try:
            batch = BatchBands(conn, [new])
            assert batch.stored == {}
            batch.stored[band_keys(new.signature)[0]] = [seq]  # as if the seq had held one of its keys,
            assert [m.other for m in link_near(conn, seq + 1, "short", new, batch=batch)] == ["long"]
            batch.written.add(seq)  # and as if "long" had taken that seq in this batch since
            assert link_near(conn, seq + 2, "short2", new, batch=batch) == []
        finally:
            conn.execute("ROLLBACK")
