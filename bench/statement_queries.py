"""claims (statements), spread, stories and search on a 20,000-article store: one table.

    python bench/statement_queries.py [--articles 20000] [--store PATH] [--repeat 3]

The store is bench/queries.py's synthetic one (its generator: articles with two speakers each
and a few claims, words from a Zipf-shaped vocabulary), with wire copies added: every tenth
article is printed again by two to five outlets, a day or two later, its last paragraph cut, so
statements have carriers and spreads have branches. Statements are grouped as an ingest groups
them (link_statements, timed once). Each question then goes through ``dateline.Corpus`` — the
code the CLI and the web app call — in CPU seconds (``time.process_time``; SQLite runs in this
process), the median of ``--repeat`` interleaved runs, beside the anchor measured in the same run:
one common word through FTS5 with no ranking (``SELECT count(*) … MATCH``). Target: each under
200 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import queries as base  # noqa: E402  (bench/queries.py: the synthetic store)

from dateline import Corpus  # noqa: E402

TARGET_SECONDS = 0.2
OUTLETS = ("Courier", "Observer", "Gazette", "Ledger", "Times", "Herald", "Post", "Tribune")


def add_copies(path: Path, every: int = 10, seed: int = 5) -> int:
    """Wire copies of every ``every``-th article, written through the store's writer."""
    import json

    from dateline.model import Reading
    from dateline.store import Store
    from dateline.store.db import now
    from dateline.store.write import Processed, write

    rng = random.Random(seed)
    store = Store(path, write=True)
    stamp = now()
    rows = store.conn.execute(f"SELECT id, reading FROM documents WHERE seq % {every} = 0 ORDER BY seq").fetchall()
    n = 0
    with store.transaction() as conn:
        for doc, raw in rows:
            r = json.loads(raw)
            for k in range(rng.randint(2, 5)):
                copy = Reading.from_dict(dict(r))
                copy.id = f"{doc}-copy{k}"
                copy.url = f"https://{OUTLETS[k].lower()}.example/{doc}"
                copy.publisher = OUTLETS[k]
                day = int(r["published"][8:10])
                copy.published = r["published"][:8] + f"{min(28, day + rng.randint(0, 2)):02d}"
                paras = copy.text.split("\n\n")
                copy.text = "\n\n".join(paras[:-1] if len(paras) > 2 else paras)
                for c in copy.claims:
                    c["via"] = ["Wire", OUTLETS[k]]
                write(conn, Processed(copy, f"{copy.id}-h", None), None, stamp)
                n += 1
    store.close()
    return n


def group(path: Path) -> float:
    from dateline.store import Store
    from dateline.store.statements import link_statements

    store = Store(path, write=True)
    t = time.process_time()
    with store.transaction() as conn:
        link_statements(conn)
    took = time.process_time() - t
    store.close()
    return took


def timed(fn) -> tuple[float, str]:
    t = time.process_time()
    out = fn()
    return time.process_time() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--store", help="where the store is kept (built when missing)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    path = Path(args.store) if args.store else Path(tempfile.mkdtemp(prefix="dateline-sq-")) / "bench.db"
    if not path.exists():
        t = time.perf_counter()
        base.build(path, args.articles)
        copies = add_copies(path)
        grouping = group(path)
        sys.stderr.write(f"built {args.articles:,} articles and {copies:,} copies in "
                         f"{time.perf_counter() - t:.0f} s (statements grouped in {grouping:.1f} CPU s): {path}\n")
    rng = random.Random(7)
    vocab, names = base._vocabulary(rng), base._names(rng)
    corpus = Corpus(path)
    conn = corpus._readable().conn
    widest = conn.execute("SELECT id FROM statements ORDER BY carriers DESC, id LIMIT 1").fetchone()[0]
    name = names[3]
    qs = [
        ("claims --speaker (statements)", lambda: f"{len(corpus.statements(speaker=name))} statements"),
        ("claims --speaker --about", lambda: f"{len(corpus.statements(speaker=name.split()[-1], about=vocab[0]))} statements"),
        ("claims --about a common word, -n 20", lambda: f"{len(corpus.statements(about=vocab[0], limit=20))} statements"),
        ("claims --each --speaker", lambda: f"{len(corpus.claims(speaker=name))} claims"),
        ("spread of the widest statement", lambda: f"{len(corpus.spread(widest)['nodes'])} nodes"),
        ("one statement with its members", lambda: f"{len(corpus.statement(widest)['members'])} members"),
        ("stories", lambda: f"{len(corpus.stories())} stories"),
        ("search: one common word", lambda: f"{len(corpus.search(vocab[0]))} hits"),
        ("search: two words", lambda: f"{len(corpus.search(f'{vocab[1]} {vocab[40]}'))} hits"),
    ]
    anchor_sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    times: dict[int, list[float]] = {i: [] for i in range(len(qs))}
    anchors, outcomes = [], {}
    for _ in range(args.repeat):
        anchors.append(timed(lambda: conn.execute(anchor_sql, ('"' + vocab[0] + '"',)).fetchone()[0])[0])
        for i, (_, fn) in enumerate(qs):
            secs, outcomes[i] = timed(fn)
            times[i].append(secs)
    anchor = statistics.median(anchors)
    n_docs = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_st = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    print(f"store: {n_docs:,} articles, {n_st:,} statements · anchor (one common word, FTS5 count): {anchor:.4f} CPU s")
    print(f"{'question':<38} {'outcome':<18} {'CPU s':>8} {'× anchor':>9}")
    worst = 0.0
    for i, (label, _) in enumerate(qs):
        secs = statistics.median(times[i])
        worst = max(worst, secs)
        print(f"{label:<38} {outcomes[i]:<18} {secs:>8.4f} {secs / anchor if anchor else 0:>9.1f}")
    print(f"slowest: {worst:.3f} CPU s (target: each under {TARGET_SECONDS * 1000:.0f} ms) — "
          + ("met" if worst <= TARGET_SECONDS else "NOT met"))
    corpus.close()


if __name__ == "__main__":
    main()
