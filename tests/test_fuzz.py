"""The fuzz corpus (tests/fuzz/corpus, made by tests/fuzz/make_fuzz.py from the project's own
fixtures): every page is read, none takes over 5 s of CPU, the process stays under 1 GB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "fuzz" / "corpus"
MAX_CPU_SECONDS = 5.0
MAX_RSS_MB = 1024

# one process reads page after page, as `dateline read` does, timing each (CPU, not wall time:
# the machine is shared); the first page, read twice, loads the model outside the timing
DRIVER = r"""
import json, resource, sys, time
import dateline
paths = sys.argv[1:]
dateline.read(paths[0])
for path in paths:
    t = time.process_time()
    r = dateline.read(path)
    cpu = time.process_time() - t
    print(json.dumps({"path": path, "cpu": cpu, "error": r.error.stage if r.error else None,
                      "chars": len(r.text), "warnings": len(r.warnings)}), flush=True)
print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def test_every_fuzzed_page_is_read_quickly_in_little_memory():
    pages = sorted(str(p) for p in CORPUS.iterdir())
    assert len(pages) >= 30
    out = subprocess.run([sys.executable, "-c", DRIVER, *pages], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    rss = rows.pop()["rss_mb"]
    assert [r["path"] for r in rows] == pages
    slow = [(Path(r["path"]).name, round(r["cpu"], 2)) for r in rows if r["cpu"] > MAX_CPU_SECONDS]
    assert not slow, slow
    assert rss < MAX_RSS_MB
    # the pages are hostile, not empty: most still give an article
    assert sum(1 for r in rows if r["chars"]) >= len(rows) * 2 // 3


def test_the_cli_reads_the_whole_fuzz_corpus_without_a_traceback():
    out = subprocess.run([sys.executable, "-m", "dateline", "extract", "--json", str(CORPUS)],
                         capture_output=True, text=True, timeout=300)
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr
    readings = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(readings) == len(list(CORPUS.iterdir()))
    assert out.returncode == 0
