"""The corpus commands end to end: `python -m dateline ...` in a subprocess, real SQLite files."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline import Corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_corpus import make_warc  # noqa: E402
from test_store import kim_reading  # noqa: E402


def dateline(*args: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, timeout=120, **kw)
    if check:
        assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.strip()]


def test_ingest_then_ask(tmp_path):
    db = str(tmp_path / "news.db")
    warc = make_warc(tmp_path / "radio.warc.gz")
    p = dateline("ingest", str(FIXTURES / "wire.jsonl"), str(warc), "--db", db, "--workers", "2", "--no-analysis")
    assert "8 added, 0 duplicates skipped, 2 new versions, 1 errors" in " ".join(p.stdout.split())
    p = dateline("ingest", str(FIXTURES), "--db", db, "--no-analysis", "--json")
    stats = lines(p.stdout)[0]
    assert (stats["added"], stats["duplicates"], stats["versions"]) == (1, 7, 1)

    hits = lines(dateline("search", '"Tessa River" dam -chess', "--db", db, "--json").stdout)
    assert hits and all("chess" not in (h["title"] or "").lower() for h in hits)
    assert "<b>" in hits[0]["snippet"]
    assert "Record field" in dateline("search", "chess OR championship", "--db", db).stdout
    for nasty in ['"open', "'; DROP TABLE documents; --", "NEAR(", "title:x", "-", "*"]:
        dateline("search", nasty, "--db", db)

    dups = lines(dateline("duplicates", "--db", db, "--json").stdout)
    assert {g["kind"] for g in dups} == {"copy", "syndicated", "version"}
    assert all(isinstance(g["members"], list) and len(g["members"]) >= 2 for g in dups)
    stories = lines(dateline("stories", "--db", db, "--json").stdout)
    assert [g["kind"] for g in stories] == ["story"]

    errors = lines(dateline("errors", "--db", db, "--json").stdout)
    assert len(errors) == 1 and "image/png" in errors[0]["message"]
    assert "image/png" in dateline("errors", "--db", db).stdout


def test_export_is_the_reading_contract(tmp_path):
    db = str(tmp_path / "news.db")
    dateline("ingest", str(FIXTURES / "wire.jsonl"), "--db", db, "--no-analysis", "--workers", "1")
    exported = lines(dateline("export", "--db", db).stdout)
    direct = lines(dateline("extract", "--json", str(FIXTURES / "wire.jsonl")).stdout)
    assert exported == direct
    assert lines(dateline("export", "--json", "--db", db).stdout) == direct
    out = tmp_path / "news.csv"
    dateline("export", "--format", "csv", "--out", str(out), "--db", db)
    assert out.read_text(encoding="utf-8").startswith("id,url,title")
    p = dateline("export", "--format", "parquet", "--db", db, check=False)
    assert p.returncode == 2 and "--out" in p.stderr
    p = dateline("export", "--format", "xml", "--db", db, check=False)
    assert p.returncode == 2 and "unknown format" in p.stderr


def test_claims_and_timeline_json(tmp_path):
    db = tmp_path / "kim.db"
    Corpus(db).add([kim_reading("doc1"), kim_reading("doc2", day="2024-07-02", about="the Donbas")])
    rows = lines(dateline("claims", "--speaker", "Kim Jong Un", "--about", "Ukraine", "--since", "2024-06-01",
                          "--db", str(db), "--json", "--each").stdout)
    assert [(r["document_id"], r["id"]) for r in rows] == [("doc1", "c1")]
    assert rows[0]["via"] == ["KCNA", "Yonhap"]
    # without --each a line is a statement, with the documents carrying it
    (st,) = lines(dateline("claims", "--speaker", "Kim Jong Un", "--about", "Ukraine", "--since", "2024-06-01",
                           "--db", str(db), "--json").stdout)
    assert st["id"].startswith("st-") and st["speaker"]["name"] == "Kim Jong Un"
    assert [(c["document_id"], c["claim_id"]) for c in st["carriers"]] == [("doc1", "c1")]
    assert st["first_seen"]["document_id"] == "doc1" and st["via"] == ["KCNA", "Yonhap"]
    text = dateline("claims", "--speaker", "Kim", "--db", str(db)).stdout
    assert "Kim Jong Un" in text and "via KCNA → Yonhap" in text
    p = dateline("claims", "--since", "yesterday", "--db", str(db), check=False)
    assert p.returncode == 2 and "not a date" in p.stderr
    items = lines(dateline("timeline", "Kim Jong Un", "--db", str(db), "--json").stdout)
    assert [i["date"] for i in items] == ["2024-06-20", "2024-06-20", "2024-07-02", "2024-07-02"]


def test_bad_db_paths_give_clear_errors(tmp_path):
    page = str(FIXTURES / "recrawl.jsonl")
    p = dateline("ingest", page, "--db", str(tmp_path / "missing" / "x.db"), check=False)
    assert p.returncode == 2 and "does not exist" in p.stderr
    p = dateline("ingest", page, "--db", "/proc/dateline-test.db", "--no-analysis", check=False)
    assert p.returncode == 2 and "/proc/dateline-test.db" in p.stderr
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    for args in (("ingest", page), ("search", "x"), ("duplicates",)):
        p = dateline(*args, "--db", str(other), check=False)
        assert p.returncode == 2 and "not a dateline store" in p.stderr
    p = dateline("search", "x", "--db", str(tmp_path / "none.db"), check=False)
    assert p.returncode == 2 and "no such store" in p.stderr
    assert not (tmp_path / "none.db").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        p = dateline("ingest", str(FIXTURES / "recrawl.jsonl"), "--db", str(folder / "x.db"), check=False)
        assert p.returncode == 2 and "read-only" in p.stderr
    finally:
        folder.chmod(0o755)


def test_kill_9_mid_ingest_then_rerun_completes(tmp_path):
    n = 1500
    pages = tmp_path / "pages.jsonl"
    with pages.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = (f"Report number {i} from the harbour office. Ship {i * 7} docked at berth {i % 40} "
                    f"carrying {i * 3} containers of grain, timber and machine parts for the inland markets.")
            fh.write(json.dumps({"id": f"p{i}", "url": f"https://port.example/{i}", "title": f"Harbour log {i}",
                                 "published": "2025-01-02", "body": body}) + "\n")
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "dateline", "ingest", str(pages), "--db", str(db), "--no-analysis", "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored, deadline = 0, time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
                stored = c.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored > 0:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < docs < n
    # whole documents only: every document has its article, its fingerprint and its index entry
    for table in ("articles", "fingerprints"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == docs
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.close()

    p = dateline("ingest", str(pages), "--db", str(db), "--no-analysis", "--workers", "2", "--json")
    stats = lines(p.stdout)[0]
    assert stats["added"] + stats["duplicates"] == n and stats["added"] == n - docs
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == n
    assert conn.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0] == n
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert len(lines(dateline("search", "harbour 1499", "--db", str(db), "--json").stdout)) >= 1


def test_a_truncated_warc_keeps_what_was_read(tmp_path):
    import gzip

    from test_corpus import warc_record

    first = warc_record("https://radio.example/a", (
        "<html><body><article><p>" + "The ferry line to the islands reopened on Monday after a week of storms. " * 5
        + "</p></article></body></html>").encode())
    second = warc_record("https://radio.example/b", b"<html><body><p>" + b"Second page text. " * 400 + b"</p></body></html>")
    data = gzip.compress(first) + gzip.compress(second)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(gzip.compress(first)) + 200])  # the second record breaks off
    db = str(tmp_path / "news.db")
    p = dateline("ingest", str(cut), "--db", db, "--no-analysis", "--json")
    stats = lines(p.stdout)[0]
    assert stats["added"] == 1 and stats["errors"] >= 1
    errors = lines(dateline("errors", "--db", db, "--json").stdout)
    assert any("cut short" in e["message"] or "damaged" in e["message"] for e in errors)
    hits = lines(dateline("search", "ferry islands", "--db", db, "--json").stdout)
    assert hits[0]["url"] == "https://radio.example/a"


def test_a_store_from_an_older_dateline_is_upgraded_by_its_own_command(tmp_path):
    from dateline.store import schema

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    saved = schema.MIGRATIONS
    try:
        schema.MIGRATIONS = [m for m in saved if m[0] < saved[-1][0]]  # the schema before the latest
        schema.migrate(conn, "2026-01-01T00:00:00+00:00")
    finally:
        schema.MIGRATIONS = saved
    conn.close()
    # questions open the store read-only: they say what to run, with no traceback
    p = dateline("search", "harbour", "--db", str(db), check=False)
    assert p.returncode != 0 and f"dateline upgrade --db {db}" in p.stderr
    p = dateline("upgrade", "--db", str(db))
    assert f"schema {schema.LATEST}" in p.stdout
    assert sqlite3.connect(db).execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == schema.LATEST
    assert dateline("search", "harbour", "--db", str(db), "--json").stdout == ""
    p = dateline("upgrade", "--db", str(tmp_path / "none.db"), check=False)
    assert p.returncode != 0 and "no store at" in p.stderr and not (tmp_path / "none.db").exists()
