"""Nothing lost, nothing stuck: each class of fault and hostile input through the real CLI.

docs/reliability.md records these tests as a table (what was tried, how many, what held).
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

PARAS = [
    "Council members in Brackwater voted on Tuesday to close the old river bridge to lorries after engineers "
    "found cracks in two of its supports.",
    "The bridge, built in 1931, carries about 9,000 vehicles a day. Engineers said cars and bicycles could still "
    "use it safely while repairs are planned.",
    "Local hauliers said the detour would add forty minutes to each trip and asked the council to speed up the "
    "work before the harvest season begins.",
]
TEXT = "\n\n".join(PARAS)


def dateline(*args: str, check: bool = True, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True,
                          timeout=timeout, **kw)
    if check:
        assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    return proc


def lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.strip()]


def page_text(i: int, words: str = "") -> str:
    return f"Bridge report {i}\n\n{TEXT}\n\nReport {i} {words} ends here with a final sentence of its own."


def jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def stored(db: Path, sql: str = "SELECT count(*) FROM documents"):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("store")
    src = jsonl(d / "pages.jsonl", [{"id": f"p{i}", "text": page_text(i)} for i in range(5)])
    db = d / "news.db"
    dateline("ingest", str(src), "--db", str(db), "--no-analysis", "--workers", "1")
    return db


# --- 1. outputs never overwrite an input or the store ------------------------------------------


def test_export_refuses_to_overwrite_the_store_by_any_name(store, tmp_path):
    before = store.read_bytes()
    link = tmp_path / "another-name.jsonl"
    os.link(store, link)  # the same file (inode) under another name
    for target in (str(store), str(link), str(store) + "-wal"):
        for extra in ((), ("--force",)):
            p = dateline("export", "--out", target, "--db", str(store), *extra, check=False)
            if not os.path.exists(target):
                continue  # no -wal file right now: nothing to protect
            assert p.returncode == 2 and "store itself" in p.stderr, (target, p.stderr)
    assert store.read_bytes() == before
    assert stored(store) == 5
    assert not [f for f in os.listdir(store.parent) if f.endswith(".part")]


def test_export_replaces_an_existing_file_only_with_force(store, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    p = dateline("export", "--out", str(out), "--db", str(store), check=False)
    assert p.returncode == 2 and "already exists" in p.stderr and "--force" in p.stderr
    assert out.read_text() == "keep me\n"
    dateline("export", "--out", str(out), "--db", str(store), "--force")
    assert len(lines(out.read_text())) == 5
    fresh = tmp_path / "csv" / "new.csv"
    fresh.parent.mkdir()
    dateline("export", "--format", "csv", "--out", str(fresh), "--db", str(store))
    assert fresh.read_text().startswith("id,url,title") and sorted(os.listdir(fresh.parent)) == ["new.csv"]


# --- 2. text made valid Unicode at every edge ------------------------------------------------


def test_lone_surrogates_in_json_lines_are_replaced_and_reported(tmp_path):
    # "\ud800" is valid JSON but no UTF-8 encoder takes it; json.dumps writes it as an escape
    records = [
        {"id": "s1", "url": "https://news.example/a\ud800", "title": "Bridge \udfff closed", "text": page_text(1, "\ud800")},
        {"id": "s2", "text": page_text(2)},
        {"id": "s3", "text": page_text(3, "\udc80\ud800")},
    ]
    src = jsonl(tmp_path / "s.jsonl", records)
    p = dateline("read", "--json", str(src))
    readings = lines(p.stdout)
    assert [r["id"] for r in readings] == ["s1", "s2", "s3"]
    s1 = readings[0]
    assert "\ufffd" in s1["text"] and "\ufffd" in s1["title"] and "\ufffd" in s1["url"]
    assert len(s1["warnings"]) == 3 and all("replaced with U+FFFD" in w for w in s1["warnings"])
    assert readings[1]["warnings"] == []
    assert "2 invalid characters" in readings[2]["warnings"][0]
    assert "replaced with U+FFFD" in p.stderr
    db = tmp_path / "u.db"
    stats = lines(dateline("ingest", str(src), "--db", str(db), "--no-analysis", "--json").stdout)[0]
    assert (stats["added"], stats["errors"], stats["warnings"]) == (3, 0, 2)
    # a rerun finds everything stored (it used to fail the same way every time)
    stats = lines(dateline("ingest", str(src), "--db", str(db), "--no-analysis", "--json").stdout)[0]
    assert (stats["added"], stats["duplicates"]) == (0, 3)


def test_surrogates_in_a_warc_url_and_the_api(tmp_path):
    from test_corpus import warc_record

    body = ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>").encode()
    warc = tmp_path / "w.warc.gz"
    # an address that is not UTF-8 in the record's header
    record = warc_record("https://radio.example/PLACE", body).replace(b"PLACE", b"caf\xe9\xff")
    warc.write_bytes(gzip.compress(record))
    r = lines(dateline("extract", "--json", str(warc)).stdout)
    assert len(r) == 1 and r[0]["error"] is None and "cracks in two" in r[0]["text"]
    assert r[0]["url"].startswith("https://radio.example/caf")
    # dateline.read() of text holding lone surrogates: a reading, never UnicodeEncodeError
    code = (
        "import json, dateline;"
        "r = dateline.read(%r.replace('lorries', 'lorries \\ud800'), url='https://x.example/\\udfff', analyze=False);"
        "print(json.dumps(r.to_dict(), ensure_ascii=False))" % TEXT
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    reading = json.loads(out.stdout)
    assert "lorries \ufffd" in reading["text"] and reading["url"] == "https://x.example/\ufffd"
    assert len(reading["warnings"]) == 2


# --- 3. file names that are not UTF-8 ---------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes as a name")
def test_a_file_name_that_is_not_utf8_is_read_and_the_folder_goes_on(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    names = [b"caf\xe9.txt", b"\xff\xfe.html", b"good.txt", b"\xc3(.txt"]
    for i, raw in enumerate(names):
        body = page_text(i).encode() if raw.endswith(b".txt") else (
            "<html><body><article>" + "".join(f"<p>{p} {i}</p>" for p in PARAS) + "</article></body></html>").encode()
        with open(os.path.join(os.fsencode(folder), raw), "wb") as fh:
            fh.write(body)
    readings = lines(dateline("extract", "--json", str(folder)).stdout)
    assert len(readings) == 4 and all(r["error"] is None for r in readings)
    paths = {os.path.basename(r["source"]["path"]) for r in readings}
    assert {"caf\\xe9.txt", "\\xff\\xfe.html", "good.txt", "\\xc3(.txt"} == paths
    assert sum(1 for r in readings if any("not valid UTF-8" in w for w in r["warnings"])) == 3
    db = tmp_path / "n.db"
    stats = lines(dateline("ingest", str(folder), "--db", str(db), "--no-analysis", "--json").stdout)[0]
    assert stats["added"] == 4 and stats["errors"] == 0
    with sqlite3.connect(db) as conn:
        assert json.loads(conn.execute("SELECT inputs FROM runs").fetchone()[0]) == [str(folder)]


# --- 6. concurrent first use of a new store -------------------------------------------------


def test_many_first_ingests_into_one_new_store_at_once(tmp_path):
    n = 8
    db = tmp_path / "race.db"
    procs = []
    for i in range(n):
        src = tmp_path / f"p{i}.txt"
        src.write_text(page_text(i), encoding="utf-8")
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "dateline", "ingest", str(src), "--db", str(db), "--no-analysis", "--workers", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = [(p.wait(timeout=180), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [rc for rc, _ in results] == [0] * n, results
    assert stored(db) == n
    from dateline.store import schema

    # every migration ran exactly once (numbers may have gaps while branches are merged)
    assert stored(db, "SELECT count(*) FROM schema_migrations") == len(schema.MIGRATIONS)


def _open_store(path: str, barrier, out) -> None:
    from dateline.store import Store

    barrier.wait()
    try:
        Store(path, write=True).close()
        out.put("ok")
    except Exception as exc:  # the assertion below shows it
        out.put(f"{type(exc).__name__}: {exc}")


def test_schema_creation_at_the_same_instant(tmp_path):
    # the CLI test above leaves the start to chance; here every process opens the store at once
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    n = 12
    barrier, out = ctx.Barrier(n), ctx.Queue()
    path = str(tmp_path / "same-instant.db")
    procs = [ctx.Process(target=_open_store, args=(path, barrier, out)) for _ in range(n)]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert results == ["ok"] * n
    assert stored(Path(path), "SELECT count(*) FROM meta WHERE key = 'app'") == 1


# --- 7. workers die with their parent -------------------------------------------------------


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has died
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see the workers")
def test_kill_9_of_an_ingest_takes_its_workers_with_it(tmp_path):
    src = jsonl(tmp_path / "many.jsonl", [{"id": f"k{i}", "text": page_text(i, "word " * 50)} for i in range(20000)])
    for attempt in range(3):  # three kills, at different moments of the run
        db = tmp_path / f"kill{attempt}.db"
        proc = subprocess.Popen(
            [sys.executable, "-m", "dateline", "ingest", str(src), "--db", str(db), "--no-analysis", "--workers", "2"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers: list[int] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
            time.sleep(0.05)
            workers = _children(proc.pid)
        assert len(workers) >= 2 and proc.poll() is None, "the ingest ended before its workers could be seen"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        survivors = [w for w in workers if _alive(w)]
        for w in survivors:  # leave nothing running, whatever the outcome
            os.kill(w, signal.SIGKILL)
        assert not survivors, f"workers {survivors} outlived their parent"
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- 8. limits that cut or drop say so ------------------------------------------------------


def test_deep_nesting_is_read_and_said(tmp_path):
    article = "<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>"
    pages = {}
    for depth in (50, 300, 3000):
        f = tmp_path / f"deep{depth}.html"
        f.write_text(f"<html><head><title>Deep {depth}</title></head><body>{'<div>' * depth}{article}"
                     f"{'</div>' * depth}</body></html>", encoding="utf-8")
        pages[depth] = f
    unclosed = tmp_path / "unclosed.html"
    unclosed.write_text("<html><body>" + "<div><span>" * 2000 + article + "</body></html>", encoding="utf-8")
    readings = lines(dateline("extract", "--json", *map(str, pages.values()), str(unclosed)).stdout)
    assert all(r["error"] is None for r in readings)
    assert all(r["paragraphs"] and len(r["paragraphs"]) == 3 for r in readings)
    assert readings[0]["warnings"] == []
    assert all("deeper than" in r["warnings"][0] for r in readings[1:])


def test_nul_bytes_are_removed_not_refused(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(b"Bridge report\x00\n\n" + TEXT.encode().replace(b"lorries", b"lor\x00ries"))
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    r, b = lines(dateline("extract", "--json", str(f), str(binary)).stdout)
    assert r["error"] is None and "lorries" in r["text"] and "\x00" not in r["text"]
    assert r["warnings"] == ["the page: 2 NUL characters removed"]
    assert b["error"]["stage"] == "ingest" and "binary" in b["error"]["message"]


def test_a_truncated_gzip_is_marked_partial(tmp_path):
    html = "<html><body><article>" + "".join(f"<p>{p} Part {i}.</p>" for i in range(40) for p in PARAS[:1]) + "</article></body></html>"
    data = gzip.compress(html.encode())
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    whole = tmp_path / "whole.html.gz"
    whole.write_bytes(data)
    cut_lines = tmp_path / "cut.jsonl.gz"
    zipped = gzip.compress("".join(json.dumps({"id": f"g{i}", "text": page_text(i, "x" * 3000)}) + "\n"
                                   for i in range(30)).encode())
    cut_lines.write_bytes(zipped[: len(zipped) // 2])
    readings = lines(dateline("extract", "--json", str(cut), str(whole), str(cut_lines)).stdout)
    r_cut, r_whole, *r_lines = readings
    assert r_cut["error"]["partial"] is True and "cut short" in r_cut["error"]["message"] and r_cut["text"]
    assert r_whole["error"] is None and len(r_whole["text"]) > len(r_cut["text"])
    good = [r for r in r_lines if r["error"] is None]
    assert 0 < len(good) < 30 and "cut short" in r_lines[-1]["error"]["message"]
    db = tmp_path / "gz.db"
    stats = lines(dateline("ingest", str(cut), "--db", str(db), "--no-analysis", "--json").stdout)[0]
    assert stats["added"] == 1
    assert json.loads(stored(db, "SELECT reading FROM documents"))["error"]["partial"] is True


def test_a_bad_published_date_is_refused_with_a_warning(tmp_path):
    src = jsonl(tmp_path / "dates.jsonl", [
        {"id": "d1", "text": page_text(1), "published": "not a date"},
        {"id": "d2", "text": page_text(2), "published": "2024-03-04 10:00:00"},
        {"id": "d3", "text": page_text(3), "published": "2024-06"},
        {"id": "d4", "text": page_text(4), "published": "31/31/2024"},
    ])
    r = lines(dateline("extract", "--json", str(src)).stdout)
    assert [x["published"] for x in r] == [None, "2024-03-04T10:00:00", "2024-06", None]
    assert "is not a date" in r[0]["warnings"][0] and "31/31/2024" in r[3]["warnings"][0]
    assert r[1]["warnings"] == r[2]["warnings"] == []


def test_tracking_parameters_do_not_hide_a_new_version(tmp_path):
    url = "https://news.example/bridge"
    first = jsonl(tmp_path / "first.jsonl", [{"id": "v1", "url": url + "?utm_source=newsletter", "text": page_text(1)}])
    second = jsonl(tmp_path / "second.jsonl", [
        {"id": "v2", "url": url + "?fbclid=AbC123&utm_medium=social", "text": page_text(1, "with an update")}])
    db = tmp_path / "v.db"
    dateline("ingest", str(first), "--db", str(db), "--no-analysis")
    stats = lines(dateline("ingest", str(second), "--db", str(db), "--no-analysis", "--json").stdout)[0]
    assert stats["versions"] == 1
    assert stored(db, "SELECT count(DISTINCT url_key) FROM documents") == 1


def test_exit_status_1_when_nothing_at_all_could_be_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "b.html"
    binary.write_bytes(bytes(range(256)) * 32)
    db = tmp_path / "none.db"
    p = dateline("ingest", str(empty), str(binary), "--db", str(db), "--no-analysis", check=False)
    assert p.returncode == 1 and "nothing could be read" in p.stderr
    p = dateline("read", str(empty), str(binary), check=False)
    assert p.returncode == 1
    good = tmp_path / "good.txt"
    good.write_text(page_text(1), encoding="utf-8")
    assert dateline("ingest", str(empty), str(good), "--db", str(db), "--no-analysis").returncode == 0


# --- 5. search and filters with limits a user understands ------------------------------------


def test_hostile_queries_are_refused_at_once_with_a_reason(store):
    db = str(store)
    cases = [
        (("search", " ".join(["a"] * 400)), "limit is 32"),
        (("search", "a " * 1000), "characters long"),
        (("search", " OR ".join(f"w{i}" for i in range(10000))), "characters long"),
        (("search", " OR ".join(f"w{i}" for i in range(40))), "limit is 32"),
        (("search", "br* ab* cd* ef* gh*"), "too short"),
        (("search", "bri* cou* eng* rep* veh*"), "prefix terms"),
        (("search", '"' + " ".join(["bridge"] * 20) + '"'), "phrase has 20 words"),
        (("search", ""), "empty"),
        (("claims", "--speaker", "x" * 100_000), "characters long"),
        (("claims", "--speaker", "..."), "no letters or digits"),
        (("claims", "--speaker", ""), "empty"),
        (("claims", "--about", "   "), "empty"),
        (("timeline", ""), "empty"),
        (("timeline", "?!"), "no letters or digits"),
    ]
    for args, reason in cases:
        started = time.monotonic()
        p = dateline(*args, "--db", db, check=False)
        assert p.returncode == 2 and reason in p.stderr, (args[:2], p.stderr)
        assert time.monotonic() - started < 30
    assert len(lines(dateline("search", "bridge lorr*", "--db", db, "--json").stdout)) == 5
    # a word asked for many times is asked for once (and stays under the limit of terms)
    from dateline.store.fts import to_fts

    assert to_fts(" ".join(["bridge"] * 30)) == to_fts("bridge")


# --- 9. JSON Lines read record by record ----------------------------------------------------


def test_json_lines_are_streamed_a_reading_comes_before_the_input_ends():
    import queue
    import threading

    proc = subprocess.Popen([sys.executable, "-m", "dateline", "extract", "--json", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    got: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [got.put(line) for line in proc.stdout], daemon=True).start()
    try:
        proc.stdin.write(json.dumps({"id": "first", "text": page_text(1)}) + "\n")
        proc.stdin.flush()
        first = json.loads(got.get(timeout=60))  # the input is still open: nothing was read whole
        assert first["id"] == "first" and first["error"] is None
        proc.stdin.write(json.dumps({"id": "second", "text": page_text(2)}) + "\n")
        proc.stdin.close()
        assert json.loads(got.get(timeout=60))["id"] == "second"
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stderr.close()


def test_the_store_is_never_read_as_an_input(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(page_text(1), encoding="utf-8")
    db = tmp_path / "news.jsonl"  # a store named like an input, in the folder being read
    dateline("ingest", str(page), "--db", str(db), "--no-analysis")
    before = db.read_bytes()
    p = dateline("ingest", str(tmp_path), "--db", str(db), "--no-analysis", check=False)
    assert p.returncode == 2 and "the store itself" in p.stderr
    assert db.read_bytes() == before
