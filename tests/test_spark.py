"""dateline on Spark: the same readings as `dateline read`, the flat tables, the links, the store.

A real local Spark (local[2], bound to 127.0.0.1, no UI): one `dateline spark` run of the real
CLI on the shared WARC files and a JSON Lines fixture written for this test, checked against
`dateline read --json` and a plain `dateline ingest` of the same inputs. Skipped when Java 17+
or pyspark is missing (`apt-get install openjdk-17-jre-headless`; `pip install 'dateline[spark]'`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.run import spark as spark_run

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FIXTURE = ROOT / "tests" / "fixtures" / "spark" / "wire.jsonl"
WARC_DIRS = [ROOT.parent / "shared" / "bench" / "warc", ROOT.parent / "shared" / "corpus"]


def _spark_missing() -> str | None:
    try:
        spark_run.require_java()
        spark_run.require_pyspark()
    except spark_run.SparkUnavailable as exc:
        return str(exc)
    return None


needs_spark = pytest.mark.skipif(_spark_missing() is not None, reason=_spark_missing() or "")


def _dateline(*args: str, cwd: Path = ROOT, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "dateline"), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env=env)


def _warc_files() -> list[str]:
    found: list[str] = []
    for folder in WARC_DIRS:
        if folder.is_dir():
            found += sorted(str(p) for p in folder.rglob("*") if p.name.endswith((".warc", ".warc.gz")))
    return found


# --- no Spark needed ---------------------------------------------------------------------------


def _fake_java(tmp_path: Path, version: str) -> Path:
    home = tmp_path / f"java-{version}"
    (home / "bin").mkdir(parents=True)
    java = home / "bin" / "java"
    java.write_text(f"#!/bin/sh\necho 'openjdk version \"{version}\" 2020-01-01' >&2\n")
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return home


def test_java_version_is_read_from_java_home(tmp_path, monkeypatch):
    monkeypatch.setenv("JAVA_HOME", str(_fake_java(tmp_path, "11.0.2")))
    assert spark_run.java_version() == 11
    with pytest.raises(spark_run.SparkUnavailable, match="openjdk-17-jre-headless"):
        spark_run.require_java()
    monkeypatch.setenv("JAVA_HOME", str(_fake_java(tmp_path, "1.8.0_292")))
    assert spark_run.java_version() == 8
    monkeypatch.setenv("JAVA_HOME", str(_fake_java(tmp_path, "21.0.1")))
    assert spark_run.require_java() == 21
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "nowhere"))
    with pytest.raises(spark_run.SparkUnavailable, match="none was found"):
        spark_run.require_java()


def test_cli_says_what_to_install_when_java_is_old(tmp_path):
    env = dict(os.environ, JAVA_HOME=str(_fake_java(tmp_path, "11.0.2")))
    done = _dateline("spark", str(FIXTURE), "--out", str(tmp_path / "out"), env=env, timeout=120)
    assert done.returncode == 2
    assert "Java 17" in done.stderr and "apt-get install openjdk-17-jre-headless" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_speaker_keys_a_claim_carries_together_are_one_component():
    from dateline.run.spark_statements import components

    comp = components([("nadia okafor", "okafor"), (None, "okafor"), ("nadia okafor", "the minister"),
                       ("port authority", None), (None, "a spokesman"), (None, None)])
    # entity and words tied by a claim: one speaker, however the chain runs
    assert comp["e:nadia okafor"] == comp["k:okafor"] == comp["k:the minister"]
    assert len({comp["e:nadia okafor"], comp["e:port authority"], comp["k:a spokesman"]}) == 3
    assert len(comp) == 5 and sorted(set(comp.values())) == [0, 1, 2]


def test_near_duplicates_verified_in_batches_pass_the_stores_own_test():
    pa = pytest.importorskip("pyarrow")
    import numpy as np

    from dateline.link.dedupe import verify

    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, size=(40, 128), dtype=np.uint32)
    rows = []
    for i in range(len(base)):
        other = base[i].copy()
        k = int(rng.integers(0, 129))  # from no value in common to all of them
        other[rng.choice(128, size=128 - k, replace=False)] = rng.integers(0, 2**32, size=128 - k, dtype=np.uint32)
        na, nb = (int(x) for x in rng.integers(12, 400, size=2))
        if i % 7 == 0:
            nb = na * 3  # a short text inside a long one: passes by containment
        rows.append((f"a{i}", base[i], na, f"b{i}", other, nb))
    expected = {(a, b) for a, sa, na, b, sb, nb in rows if verify(sb, nb, sa, na) is not None}
    batch = pa.RecordBatch.from_pydict({
        "a": [r[0] for r in rows], "sa": [r[1].astype("<u4").tobytes() for r in rows], "na": [r[2] for r in rows],
        "b": [r[3] for r in rows], "sb": [r[4].astype("<u4").tobytes() for r in rows], "nb": [r[5] for r in rows]})
    found = [out for part in spark_run._verified([batch.slice(0, 17), batch.slice(17)]) for out in part.to_pylist()]
    assert {(r["a"], r["b"]) for r in found} == expected and 0 < len(expected) < len(rows)
    for r in found:
        i = int(r["a"][1:])
        assert r["score"] == round(verify(rows[i][4], rows[i][5], rows[i][1], rows[i][2])[0], 4)


# --- one real Spark run, checked every way -------------------------------------------------------


@pytest.fixture(scope="session")
def inputs(tmp_path_factory) -> list[str]:
    """The fixture, the shared WARC files, and inputs that cannot be read (made here)."""
    import gzip

    bad = tmp_path_factory.mktemp("bad")
    whole = gzip.compress(FIXTURE.read_bytes())
    (bad / "cut.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])  # a download that stopped
    (bad / "fake.warc.gz").write_bytes(b"this is not a web archive")
    return [str(FIXTURE), *_warc_files(), str(bad / "cut.jsonl.gz"), str(bad / "fake.warc.gz"),
            str(bad / "missing.jsonl")]


@pytest.fixture(scope="session")
def spark_out(tmp_path_factory, inputs) -> Path:
    """The one Spark session of the tests: `dateline spark --master local[2]` (the real CLI) on
    all the inputs; every Spark test below reads what it wrote."""
    if _spark_missing():
        pytest.skip(_spark_missing())
    out = tmp_path_factory.mktemp("spark") / "out"
    done = _dateline("spark", *inputs, "--out", str(out), "--master", "local[2]", "--json", env=_with_cache(out.parent))
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["inputs"] == len(inputs)
    assert (out / spark_run.MANIFEST).is_file() and not (out / "_read").exists()
    return out


def _with_cache(folder: Path) -> dict:
    """The environment of a run whose JVM keeps its class archive in ``folder``/cache (not the user's)."""
    return dict(os.environ, DATELINE_SPARK_CACHE=str(folder / "cache"))


@needs_spark
def test_the_first_local_run_archives_the_jvms_classes_and_the_next_maps_them(spark_out, tmp_path, monkeypatch):
    cache = spark_out.parent / "cache"
    archives = sorted(cache.iterdir())
    # the first run's JVM wrote the archive as it exited; nothing half-made is left
    assert [p.suffix for p in archives] == [".jsa"] and archives[0].stat().st_size > 1 << 20
    made = archives[0].stat().st_mtime_ns
    done = _dateline("spark", str(FIXTURE), "--out", str(tmp_path / "out"), "--master", "local[1]", "--no-analysis",
                     "--json", env=_with_cache(spark_out.parent))
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout)["documents"] > 5  # stdout is the summary alone: no JVM notes in it
    assert sorted(cache.iterdir()) == archives and archives[0].stat().st_mtime_ns == made
    # the archive is the one kept for this Java and this Spark; "off" keeps none
    monkeypatch.setenv("DATELINE_SPARK_CACHE", str(cache))
    assert spark_run.class_archive_path() == str(archives[0])
    monkeypatch.setenv("DATELINE_SPARK_CACHE", "off")
    assert spark_run.class_archive_path() is None


def _spark_readings(out: Path) -> list[dict]:
    import pyarrow.parquet as pq

    table = pq.read_table(out / "readings", columns=["order", "reading"]).to_pylist()
    orders = [r["order"] for r in table]
    assert orders == sorted(orders)  # in input order, as the store loads it
    return [json.loads(r["reading"]) for r in table]


@needs_spark
def test_spark_readings_equal_dateline_read_field_for_field(spark_out, inputs):
    done = _dateline("read", "--json", "--workers", "1", *inputs)
    assert done.returncode == 0, done.stderr[-2000:]
    local = [json.loads(line) for line in done.stdout.splitlines()]
    ours = _spark_readings(spark_out)
    by_place = {(r["source"]["path"], r["source"]["offset"]): r for r in ours}
    assert len(by_place) == len(ours)
    kept = [r for r in local if (r["source"]["path"], r["source"]["offset"]) in by_place]
    # what Spark left out is only what a plain ingest skips too: the same page met again
    dropped = [r for r in local if (r["source"]["path"], r["source"]["offset"]) not in by_place]
    assert len(kept) == len(ours) and dropped
    for page in dropped:
        assert any(r["text"] == page["text"] and r["url"] == page["url"] for r in kept), page["source"]
    for mine, theirs in zip(ours, kept):
        assert set(mine) == set(theirs)
        for name in theirs:
            assert mine[name] == theirs[name], (theirs["source"], name)
    assert sum(len(r["claims"]) for r in ours) > 10  # the analysis ran in the workers
    assert any(r["source"]["format"] == "warc" and r["text"] for r in ours) or not _warc_files()


@needs_spark
def test_tables_have_the_export_columns_partitioned_by_day(spark_out):
    import pyarrow.dataset as ds

    from dateline.store.tables import TABLES

    readings = _spark_readings(spark_out)
    expected_rows = {"documents": len(readings), "claims": sum(len(r["claims"]) for r in readings),
                     "timexes": sum(len(r["timexes"]) for r in readings)}
    for table in spark_run.TABLES:
        folder = spark_out / table
        days = sorted(p.name for p in folder.iterdir() if p.name.startswith("published_day="))
        assert days, table
        data = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
        names = TABLES[table].names()
        assert data.column_names[: len(names)] == names or set(data.column_names) == set(names) | {"published_day"}
        assert set(data.column_names) - set(names) <= {"published_day"}
        if table in expected_rows:
            assert data.num_rows == expected_rows[table], table
    docs = ds.dataset(spark_out / "documents", format="parquet", partitioning="hive").to_table().to_pylist()
    assert "published_day=2026-03-03" in {p.name for p in (spark_out / "documents").iterdir()}
    ferry = next(d for d in docs if d["document_id"] == "ferry-copy")
    assert ferry["outlet"] == "The Daily Coast" and ferry["published_day"] == "2026-03-03" and ferry["claims"] >= 1


@needs_spark
def test_errors_are_rows_with_stage_and_reason(spark_out):
    import pyarrow.parquet as pq

    errors = pq.read_table(spark_out / "errors").to_pylist()
    by_file: dict[str, list[dict]] = {}
    for e in errors:
        by_file.setdefault(Path(e["source_path"]).name, []).append(e)
    not_json = [e for e in by_file["wire.jsonl"] if "not JSON" in e["error_message"]]
    assert len(not_json) == 1 and not_json[0]["error_stage"] == "ingest" and not_json[0]["status"] == "error"
    assert any("no 'html', 'text' or 'body'" in e["error_message"] for e in by_file["wire.jsonl"])
    assert "no such file" in by_file["missing.jsonl"][0]["error_message"]
    assert by_file["fake.warc.gz"][0]["error_stage"] == "ingest"
    assert any("cut short" in e["error_message"] for e in by_file["cut.jsonl.gz"])
    if any(p.endswith("resiliparse-clipped.warc.gz") for p in _warc_files()):
        assert "resiliparse-clipped.warc.gz" in by_file
    # the lines before the cut were read (and, being copies of the fixture's, kept once)
    readings = _spark_readings(spark_out)
    assert not [r for r in readings if r["source"]["path"].endswith("cut.jsonl.gz") and r["text"]]


def _store_dump(db: Path) -> dict[str, list]:
    conn = sqlite3.connect(db)
    try:
        return {
            "documents": conn.execute("SELECT id, content_hash, status, error_stage, error_message, reading "
                                      "FROM documents ORDER BY seq").fetchall(),
            "claims": conn.execute("SELECT document_id, local_id, kind, speaker_text, speaker_entity_id IS NOT NULL, "
                                   "content, claim_day FROM claims ORDER BY document_id, local_id").fetchall(),
            "groups": conn.execute("SELECT g.id, g.kind, g.size, group_concat(m.document_id, ' ') FROM groups g "
                                   "JOIN group_members m ON m.group_id = g.id GROUP BY g.id ORDER BY g.id").fetchall(),
            "links": conn.execute("SELECT a, b, kind, score FROM links ORDER BY a, b, kind").fetchall(),
            "statements": conn.execute(
                "SELECT s.id, s.content, s.said_on, s.carriers, group_concat(c.document_id || '/' || c.local_id, ' ') "
                "FROM statements s JOIN statement_members m ON m.statement_id = s.id JOIN claims c ON c.seq = m.claim_seq "
                "GROUP BY s.id ORDER BY s.id").fetchall(),
        }
    finally:
        conn.close()


@needs_spark
def test_ingest_of_spark_output_is_a_plain_ingest_and_idempotent(spark_out, inputs, tmp_path):
    plain, loaded = tmp_path / "plain.db", tmp_path / "loaded.db"
    done = _dateline("ingest", *inputs, "--db", str(plain), "--workers", "1", "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    first = _dateline("ingest", str(spark_out), "--db", str(loaded), "--json")
    assert first.returncode == 0, first.stderr[-2000:]
    a, b = _store_dump(plain), _store_dump(loaded)
    assert len(b["documents"]) > 5 and b["claims"] and b["groups"]
    assert any(carriers > 1 for _, _, _, carriers, _ in b["statements"])  # a claim carried by several documents
    for name in a:
        assert a[name] == b[name], name
    stats_plain, stats_loaded = json.loads(done.stdout), json.loads(first.stdout)
    for key in ("seen", "added", "duplicates", "errors", "groups"):
        assert stats_plain[key] == stats_loaded[key], key
    again = _dateline("ingest", str(spark_out), "--db", str(loaded), "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout)["added"] == 0
    # (failed documents are tried again and written anew, as on a plain ingest: compare as sets)
    assert {k: sorted(map(repr, v)) for k, v in _store_dump(loaded).items()} == {
        k: sorted(map(repr, v)) for k, v in b.items()}
    # and the store answers questions about it
    claims = _dateline("claims", "--speaker", "Nadia Okafor", "--db", str(loaded), "--json")
    assert claims.returncode == 0 and "inspected" in claims.stdout


@needs_spark
def test_spark_links_and_groups_are_the_stores(spark_out, tmp_path):
    import pyarrow.parquet as pq

    db = tmp_path / "store.db"
    assert _dateline("ingest", str(spark_out), "--db", str(db)).returncode == 0
    store = _store_dump(db)
    groups = sorted((g["id"], g["kind"], g["size"], " ".join(sorted(g["members"])))
                    for g in pq.read_table(spark_out / "groups").to_pylist())
    assert groups == sorted((i, k, n, " ".join(sorted(m.split()))) for i, k, n, m in store["groups"])
    assert {g[1] for g in groups} >= {"copy", "syndicated", "version", "story"}
    links = sorted((r["a"], r["b"], r["kind"], round(r["score"], 4)) for r in pq.read_table(spark_out / "links").to_pylist())
    assert links == sorted((a, b, k, round(s, 4)) for a, b, k, s in store["links"])


@needs_spark
def test_spark_statements_are_the_stores(spark_out, tmp_path):
    """Spark's statements (one claim across its copies) are the store's: the same ids, the same
    member claims, the same row of `dateline export --table statements` (but for the corpus
    entity id, which only the store assigns)."""
    import pyarrow.parquet as pq

    from dateline.store.statements import statement_rows
    from dateline.store.tables import TABLES, conform

    db = tmp_path / "store.db"
    assert _dateline("ingest", str(spark_out), "--db", str(db)).returncode == 0
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        stored = [conform("statements", r) for r in statement_rows(conn)]
        members = sorted(tuple(r) for r in conn.execute(
            "SELECT m.statement_id, c.document_id, c.local_id, round(m.score, 4) FROM statement_members m "
            "JOIN claims c ON c.seq = m.claim_seq"))
    finally:
        conn.close()
    ours = pq.read_table(spark_out / "statements").to_pylist()
    assert list(ours[0]) == TABLES["statements"].names()
    assert [r["statement_id"] for r in ours] == [r["statement_id"] for r in stored]  # and in the export's order
    assert any(r["carriers"] > 1 for r in ours) and any(r["variants"] for r in ours)
    for mine, theirs in zip(ours, stored):
        assert mine["speaker_entity_id"] is None
        for name in TABLES["statements"].names():
            if name != "speaker_entity_id":
                assert mine[name] == theirs[name], (theirs["statement_id"], name)
    spark_members = sorted((r["statement_id"], r["document_id"], r["claim_id"], round(r["score"], 4))
                           for r in pq.read_table(spark_out / "statement_members").to_pylist())
    assert spark_members == members
    summary = json.loads((spark_out / spark_run.MANIFEST).read_text())
    assert summary["statements"]["statements"] == len(ours) and summary["statements"]["members"] == len(members)


def test_out_is_never_deleted_unless_it_is_a_run(tmp_path):
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine")
    done = _dateline("spark", str(FIXTURE), "--out", str(keep), "--master", "local[1]", "--force", timeout=300)
    assert done.returncode == 2 and "not a dateline spark output" in done.stderr
    assert (keep / "notes.txt").read_text() == "mine"
    earlier = tmp_path / "earlier"
    (earlier / "readings").mkdir(parents=True)
    (earlier / spark_run.MANIFEST).write_text("{}")
    done = _dateline("spark", str(FIXTURE), "--out", str(earlier), timeout=300)
    assert done.returncode == 2 and "--force" in done.stderr and (earlier / spark_run.MANIFEST).exists()


def test_ingest_says_an_unfinished_run_is_unfinished(tmp_path):
    run = tmp_path / "run"
    (run / "readings").mkdir(parents=True)
    (run / "_read").mkdir()
    done = _dateline("ingest", str(run), "--db", str(tmp_path / "x.db"), timeout=120)
    assert done.returncode == 2 and "did not finish" in done.stderr and "Traceback" not in done.stderr


def test_help_says_what_it_needs_without_type_noise():
    import re

    done = _dateline("spark", "--help", timeout=120)
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "Java 17" in text and "dateline[spark]" in text and "--no-analysis" in text
    assert not re.search(r"<(?:bool|int|str|list\[str\])>", done.stdout)
