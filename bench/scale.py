"""Ingest speed and memory as the store grows: adding 1,000 articles to a store of 1k, 20k, 100k.

    python bench/scale.py [--sizes 1000,20000,100000] [--probe 1000] [--repeats 3] [--keep DIR [--reuse]] [--analyzed N]

The corpus is made here: varied synthetic ~500-word articles (words drawn from a Zipf-shaped
vocabulary of made-up words, so no two are near-duplicates), each with its own address and a
publication day that advances as a crawl does (300 articles a day). The store grows by
ingesting the stream in order (extraction of plain-text JSON Lines pages, no analysis, one
process), with a copy kept at each size; then, ``--repeats`` times and interleaved across the
sizes, a *probe* of the next ``--probe`` articles is ingested into a fresh copy of each, in a
fresh process, and measured (medians): documents per CPU-second, writer CPU milliseconds per insert, CPU seconds
of linking (regroup), the process's peak RSS and the articles story linking read (its window:
the new articles and the stored ones within reach of their days, the same at every size once the
store holds more than the window). The anchor is the probe at the first size: a
flat store keeps the rate ratio near 1 (target >= 0.9) and the RSS within 10%.

With ``--keep DIR`` the grown stores stay in DIR (``store-N.db``, one every ``--step`` articles
of growth and one at each size); ``--reuse`` starts from the stores already there, so a later run
(new code, other sizes) grows only what is missing. Each snapshot is opened once before the
probes, so a schema migration of the new code is not counted in them. ``--analyzed N`` adds a
probe of N of the next articles ingested with the full analysis at each size (model load
included; the parse dominates it).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no "
             "nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu").split()
PER_DAY = 300


class Generator:
    """Article i of the stream, always the same for the same i."""

    def __init__(self, seed: int = 11, vocabulary: int = 30000) -> None:
        rnd = random.Random(seed)
        words: set[str] = set()
        while len(words) < vocabulary:
            words.add("".join(rnd.choice(SYLLABLES) for _ in range(rnd.choice((1, 2, 2, 3, 3, 4)))))
        self.words = sorted(words)
        rnd.shuffle(self.words)
        weights = [1.0 / (r + 1) for r in range(len(self.words))]
        total, self.cum = 0.0, []
        for w in weights:
            total += w
            self.cum.append(total)
        self.seed = seed

    def article(self, i: int) -> dict:
        rnd = random.Random(self.seed * 1_000_003 + i)
        draw = lambda k: rnd.choices(self.words, cum_weights=self.cum, k=k)  # noqa: E731
        paras = []
        for _ in range(10):
            toks = draw(50)
            paras.append(" ".join(toks).capitalize() + ".")
        day = 738000 + i // PER_DAY  # 2021-08-… onwards
        import datetime as dt

        return {
            "id": f"a{i}",
            "url": f"https://outlet{i % 40}.example/{day}/{i}",
            "title": " ".join(draw(8)).capitalize(),
            "published": dt.date.fromordinal(day).isoformat(),
            "text": "\n\n".join(paras),
        }

    def write(self, path: Path, start: int, stop: int) -> Path:
        with path.open("w", encoding="utf-8") as fh:
            for i in range(start, stop):
                fh.write(json.dumps(self.article(i)) + "\n")
        return path


PROBE = r"""
import json, resource, sys, time
import dateline.store.write as w
import dateline.store.groups as g
import dateline.store.linking as linking
from dateline import Corpus
spent = {"write": 0.0, "regroup": 0.0, "writes": 0, "window": 0}
_write, _regroup, _pairs = w.write, g.regroup, linking.iter_story_pairs
def story_pairs(docs, *a, **k):
    def counted():
        for d in docs:
            spent["window"] += 1
            yield d
    return _pairs(counted(), *a, **k)
linking.iter_story_pairs = story_pairs
def write(*a, **k):
    t = time.process_time(); r = _write(*a, **k); spent["write"] += time.process_time() - t; spent["writes"] += 1; return r
def regroup(*a, **k):
    t = time.process_time(); r = _regroup(*a, **k); spent["regroup"] += time.process_time() - t; return r
w.write, g.regroup = write, regroup
cpu = time.process_time(); wall = time.perf_counter()
with Corpus(sys.argv[1]) as c:
    stats = c.ingest([sys.argv[2]], workers=1, analyze=sys.argv[3] == "analyze")
cpu = time.process_time() - cpu; wall = time.perf_counter() - wall
print(json.dumps({"added": stats.added, "cpu": cpu, "wall": wall, "write_ms": 1000 * spent["write"] / max(spent["writes"], 1),
                  "regroup": spent["regroup"], "window": spent["window"], "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def ingest(db: Path, pages: Path, analyze: bool = False) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(db), str(pages), "analyze" if analyze else "-"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2


def copy_store(src: Path, dst: Path) -> None:
    import shutil
    import sqlite3

    for p in dst.parent.glob(dst.name + "*"):
        p.unlink()
    conn = sqlite3.connect(src)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copy(src, dst)


def migrate(db: Path) -> None:
    """Open a store once with this code, so that its migrations run before (not inside) a probe."""
    # a Corpus opens its store on first use: open the store itself, for writing (what migrates it)
    subprocess.run([sys.executable, "-c", "import sys; from dateline.store import Store; Store(sys.argv[1], write=True).close()",
                    str(db)], check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,20000,100000", help="store sizes to probe at, comma-separated")
    ap.add_argument("--probe", type=int, default=1000, help="articles added at each size")
    ap.add_argument("--repeats", type=int, default=3, help="probes at each size, interleaved across sizes (median)")
    ap.add_argument("--keep", type=Path, help="keep the stores and pages in this folder")
    ap.add_argument("--reuse", action="store_true", help="with --keep: start from the stores already grown there")
    ap.add_argument("--analyzed", type=int, default=0,
                    help="also probe with analysis: this many articles ingested with the full analysis at each size")
    ap.add_argument("--step", type=int, default=20000, help="grow the store at most this many articles per ingest")
    args = ap.parse_args(argv)
    if args.reuse and not args.keep:
        ap.error("--reuse needs --keep DIR")
    sizes = sorted(int(s) for s in args.sizes.split(","))
    gen = Generator()
    work = Path(args.keep or tempfile.mkdtemp(prefix="dateline-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "scale.db"
    for p in work.glob("*.db*"):
        if not (args.reuse and p.name.startswith("store-")):
            p.unlink()
    kept = {int(p.stem.split("-")[1]): p for p in work.glob("store-*.db")} if args.reuse else {}
    # the stores: one stream ingested in order, a snapshot kept at each size
    at, snapshots, probes = 0, {}, {}
    for size in sizes:
        if size in kept:
            snapshots[size] = kept[size]
        else:
            start = max((k for k in kept if at < k < size), default=None)
            if start is not None:
                copy_store(kept[start], db)
                at = start
            while at < size:
                stop = min(size, at + max(1, args.step))
                t = time.perf_counter()
                ingest(db, gen.write(work / "grow.jsonl", at, stop))
                at = stop
                print(f"  grew the store to {at} articles in {time.perf_counter() - t:.0f}s", file=sys.stderr)
                if args.keep and at < size:
                    kept[at] = work / f"store-{at}.db"
                    copy_store(db, kept[at])
            snapshots[size] = kept[size] = work / f"store-{size}.db"
            copy_store(db, snapshots[size])
        migrate(snapshots[size])
        # the probe: the next articles of the stream (the next days' news)
        probes[size] = gen.write(work / f"probe-{size}.jsonl", size, size + args.probe)
    runs: dict[int, list[dict]] = {size: [] for size in sizes}
    analysed: dict[int, list[dict]] = {size: [] for size in sizes}
    trial = work / "trial.db"
    for _ in range(max(1, args.repeats)):
        for size in sizes:
            copy_store(snapshots[size], trial)
            runs[size].append(ingest(trial, probes[size]))
            if args.analyzed:
                copy_store(snapshots[size], trial)
                pages = gen.write(work / f"analysed-{size}.jsonl", size, size + args.analyzed)
                analysed[size].append(ingest(trial, pages, analyze=True))
    rows = []
    for size in sizes:
        rs = runs[size]
        rows.append({"stored": size, "rate": median([r["added"] / r["cpu"] for r in rs]),
                     "write_ms": median([r["write_ms"] for r in rs]), "regroup": median([r["regroup"] for r in rs]),
                     "rss_mib": median([r["rss_mib"] for r in rs]), "added": rs[0]["added"],
                     "window": rs[0].get("window", 0)})
    anchor = rows[0]
    print(f"scale: adding {args.probe} synthetic ~500-word articles (no analysis, one process) to a store of N; "
          f"median of {args.repeats} interleaved probes")
    print(f"{'stored N':>9} {'docs/CPU-s':>11} {'ratio':>6} {'ms/insert':>10} {'regroup s':>10} {'peak RSS MiB':>13} {'RSS ratio':>10}"
          f" {'story window':>13}")
    for r in rows:
        print(f"{r['stored']:>9} {r['rate']:11.1f} {r['rate'] / anchor['rate']:6.2f} {r['write_ms']:10.2f} {r['regroup']:10.2f} "
              f"{r['rss_mib']:13.0f} {r['rss_mib'] / anchor['rss_mib']:10.2f} {r['window']:13d}")
    print("story window: the articles story linking read (the new ones and the stored ones within reach of their days)")
    if args.analyzed:
        rates = {size: median([r["added"] / r["cpu"] for r in analysed[size]]) for size in sizes}
        print(f"with analysis: adding {args.analyzed} of the same articles, fully analysed (one process, the model "
              f"load included); median of {args.repeats}")
        print(f"{'stored N':>9} {'docs/CPU-s':>11} {'ratio':>6} {'peak RSS MiB':>13}")
        for size in sizes:
            print(f"{size:>9} {rates[size]:11.2f} {rates[size] / rates[sizes[0]]:6.2f} "
                  f"{median([r['rss_mib'] for r in analysed[size]]):13.0f}")
    print("target: ratio >= 0.90 and RSS ratio <= 1.10 at every size")
    if not args.keep:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
