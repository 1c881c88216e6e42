"""Peak memory of an ingest against the size of its input: one table.

    python bench/ingest_memory.py [--sizes 20,200] [--format jsonl,warc] [--keep DIR]

For each size (MB) and format, generates that much synthetic input (JSON Lines of clean bodies,
or an uncompressed WARC of HTML responses; ~10 KB a page, deterministic text), then runs
``dateline extract --json`` (reading alone, output to /dev/null) and ``dateline ingest
--no-analysis --workers 1`` (into a new store) on it, each in a child process (one process: the
whole pipeline is measured), and reads the child's peak RSS from ``wait4``. The anchor, in the same
run on the same file: a bare Python loop that streams the file line by line and parses each
JSON line (for WARC: fastwarc iterating the records and reading each body) — the least memory
any reader of that file needs. Columns: input MB, documents, peak RSS of dateline and of the
anchor, and their ratio, plus CPU seconds of each (``ru_utime + ru_stime``).

The claim to check: dateline's peak RSS does not grow with the input (the 200 MB row is close
to the 20 MB row), where reading the file whole once made it grow 3.5× the input.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_CHARS = 10_000

_SYL = "ka lo mi ne ta ri so vu de pa zo li me ra nu be fo gi".split()


def _vocabulary(n: int = 20_000) -> tuple[list[str], list[float]]:
    """Made-up words with a Zipf-like law, as a language has: pages share their common words
    and differ in the rest (no two are near-duplicates, as in a real crawl)."""
    rng = random.Random(0)
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(_SYL) for _ in range(rng.randint(1, 4))))
    cum, total = [], 0.0
    for i in range(n):
        total += 1 / (i + 1)
        cum.append(total)
    return sorted(words), cum


_WORDS, _WEIGHTS = _vocabulary()


def _body(rng: random.Random, i: int) -> str:
    paras = []
    size = 0
    while size < PAGE_CHARS:
        words = rng.choices(_WORDS, cum_weights=_WEIGHTS, k=rng.randint(15, 35))
        sentence = " ".join(words).capitalize() + f" in report {i}."
        paras.append(sentence)
        size += len(sentence) + 2
    return "\n\n".join(paras)


#: articles a day in the generated crawl (0: all on one day, the worst case for story linking,
#: which compares each article with those of the days around it)
PER_DAY = 300


def make_jsonl(path: Path, mb: int, per_day: int | None = None) -> int:
    import datetime as dt

    per_day = PER_DAY if per_day is None else per_day
    rng = random.Random(mb)
    n = 0
    start = dt.date(2025, 1, 2)
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < mb * 1_000_000:
            day = start + dt.timedelta(days=n // per_day) if per_day else start
            fh.write(json.dumps({"id": f"d{n}", "url": f"https://news.example/{n}", "title": f"Report {n}",
                                 "published": day.isoformat(), "body": _body(rng, n)}) + "\n")
            n += 1
    return n


def make_warc(path: Path, mb: int) -> int:
    rng = random.Random(mb)
    n = 0
    with path.open("wb") as fh:
        while fh.tell() < mb * 1_000_000:
            html = ("<html><head><title>Report %d</title></head><body><article>" % n
                    + "".join(f"<p>{p}</p>" for p in _body(rng, n).split("\n\n"))
                    + "</article></body></html>").encode()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html)
            block = http + html
            head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{n}\r\n"
                    f"WARC-Date: 2025-01-02T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
                    f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n").encode()
            fh.write(head + block + b"\r\n\r\n")
            n += 1
    return n


ANCHORS = {
    "jsonl": "import json, sys\nfor line in open(sys.argv[1], 'rb'):\n    json.loads(line)\n",
    "warc": ("import sys\nfrom fastwarc.warc import ArchiveIterator\n"
             "for r in ArchiveIterator(open(sys.argv[1], 'rb'), parse_http=True):\n    r.reader.read()\n"),
}


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, CPU seconds, exit status) of one child process."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        sys.stderr.write(err[-2000:])
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="20,200")
    ap.add_argument("--format", default="jsonl")
    ap.add_argument("--commands", default="extract,ingest")
    ap.add_argument("--keep", help="a folder for the generated files (default: a temporary one)")
    ap.add_argument("--per-day", type=int, default=PER_DAY,
                    help="JSON Lines articles a day (0: all on one day, the worst case for story linking)")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dateline-mem-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for fmt in args.format.split(","):
        for mb in (int(x) for x in args.sizes.split(",")):
            src = folder / f"input-{mb}mb.{'jsonl' if fmt == 'jsonl' else 'warc'}"
            docs = make_jsonl(src, mb, args.per_day) if fmt == "jsonl" else make_warc(src, mb)
            db = folder / f"store-{fmt}-{mb}.db"
            for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                f.unlink(missing_ok=True)
            a_rss, a_cpu, _ = measure([sys.executable, "-c", ANCHORS[fmt], str(src)])
            for command in args.commands.split(","):
                extra = (["--db", str(db), "--no-analysis", "--workers", "1"] if command == "ingest" else ["--json"])
                rss, cpu, rc = measure([sys.executable, "-m", "dateline", command, str(src), *extra, "--no-progress"])
                rows.append((f"{command} {fmt}", src.stat().st_size / 1e6, docs, rss, a_rss, cpu, a_cpu, rc))
                sys.stderr.write(f"{rows[-1]}\n")
            if not args.keep:
                src.unlink()
                for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                    f.unlink(missing_ok=True)
    print(f"{'run':<15}{'input MB':>9}{'docs':>8}{'dateline RSS MB':>17}{'anchor RSS MB':>15}{'ratio':>7}"
          f"{'dateline CPU s':>16}{'anchor CPU s':>14}{'exit':>6}")
    for fmt, size, docs, rss, a_rss, cpu, a_cpu, rc in rows:
        print(f"{fmt:<15}{size:>9.0f}{docs:>8}{rss:>17.0f}{a_rss:>15.0f}{rss / a_rss:>7.2f}{cpu:>16.1f}{a_cpu:>14.1f}{rc:>6}")
    by_fmt: dict[str, list] = {}
    for r in rows:
        by_fmt.setdefault(r[0], []).append(r)
    for fmt, rs in by_fmt.items():
        if len(rs) > 1:
            print(f"{fmt}: input ×{rs[-1][1] / rs[0][1]:.1f}, dateline peak RSS ×{rs[-1][3] / rs[0][3]:.2f}")


if __name__ == "__main__":
    main()
