"""Search and filters on a 20,000-article store, hostile queries beside normal ones: one table.

    python bench/queries.py [--articles 20000] [--store PATH] [--repeat 3]

Builds a synthetic store (no analysis: articles, entities and claims are written straight
through the store's own writer, a few minutes for 20,000 articles; ``--store`` keeps it for
the next run), then times each query through ``dateline.Corpus`` — the code the CLI runs — in
CPU seconds (``time.process_time``, SQLite runs in this process), the median of ``--repeat``
interleaved runs. Anchor, measured in the same run: one common word through FTS5 with no
ranking or snippets (``SELECT count(*) … MATCH``), the cheapest question the store answers.
Each row: what was asked, refused (with the first words of the reason) or the number of
results, CPU seconds, and the ratio to the anchor. Target: no query over 1 s.

The words are drawn from a small vocabulary with a Zipf-like law, so some words are in nearly
every article (the hostile case for a search engine: long posting lists), speakers from 400
made-up names.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from dateline import Corpus  # noqa: E402
from dateline.model import Reading, Source  # noqa: E402

TARGET_SECONDS = 1.0
_SYL = "ka lo mi ne ta ri so vu de pa zo li me ra nu be fo gi".split()


def _vocabulary(rng: random.Random, n: int = 3000) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(_SYL) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def _names(rng: random.Random, n: int = 400) -> list[str]:
    out = set()
    while len(out) < n:
        first = "".join(rng.choice(_SYL) for _ in range(2)).capitalize()
        last = "".join(rng.choice(_SYL) for _ in range(3)).capitalize()
        out.add(f"{first} {last}")
    return sorted(out)


def build(path: Path, articles: int, seed: int = 7) -> None:
    from dateline.store import Store
    from dateline.store.db import now
    from dateline.store.write import Processed, write

    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = [1 / (i + 1) for i in range(len(vocab))]
    names = _names(rng)
    store = Store(path, write=True)
    stamp = now()
    batch = 2000
    for start in range(0, articles, batch):
        with store.transaction() as conn:
            for i in range(start, min(articles, start + batch)):
                paras = [" ".join(rng.choices(vocab, weights, k=rng.randint(25, 60))).capitalize() + "."
                         for _ in range(rng.randint(4, 9))]
                text = "\n\n".join(paras)
                speakers = rng.sample(names, 2)
                entities = [{"id": f"e{k + 1}", "name": n, "type": "PERSON", "aliases": [n.split()[-1]],
                             "titles": [], "mentions": []} for k, n in enumerate(speakers)]
                claims = [{"id": f"c{k + 1}", "kind": "direct", "speaker": f"e{k % 2 + 1}",
                           "speaker_text": speakers[k % 2], "cue": "said",
                           "content": " ".join(rng.choices(vocab, weights, k=rng.randint(8, 20))),
                           "span": [0, 10], "quotes": [], "via": []} for k in range(rng.randint(1, 3))]
                day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                r = Reading(id=f"a{i}", source=Source(path="bench", format="text"), url=f"https://news.example/{i}",
                            title=" ".join(rng.choices(vocab, weights, k=6)).capitalize(), published=day,
                            text=text, paragraphs=[], entities=entities, claims=claims)
                write(conn, Processed(r, f"h{i}", None), None, stamp)
            conn.execute("UPDATE meta SET value = '0' WHERE key = 'groups_dirty'")
    store.close()


def queries(rng: random.Random, vocab: list[str], names: list[str]) -> list[tuple[str, str, tuple]]:
    common, rare = vocab[:5], vocab[-5:]
    name = names[3]
    return [
        ("normal", "one common word", ("search", common[0])),
        ("normal", "two words", ("search", f"{common[1]} {vocab[40]}")),
        ("normal", "a phrase", ("search", f'"{common[0]} {common[1]}"')),
        ("normal", "OR and -exclude", ("search", f"{vocab[30]} OR {vocab[31]} -{common[2]}")),
        ("normal", "a prefix", ("search", vocab[50][:3] + "*")),
        ("normal", "a rare word", ("search", rare[0])),
        ("normal", "claims by a speaker", ("claims", name, None)),
        ("normal", "claims by a surname, about a word", ("claims", name.split()[-1], common[0])),
        ("normal", "timeline of a speaker", ("timeline", name)),
        ("hostile", "32 words: 5 common ones repeated", ("search", " ".join((common * 7)[:32]))),
        ("hostile", "32 common words (the limit)", ("search", " ".join(vocab[:32]))),
        ("hostile", "32 common words OR'ed", ("search", " OR ".join((vocab[:40])[:32]))),
        ("hostile", "4 prefixes of 3 letters (the limit)",
         ("search", " ".join(w[:3] + "*" for w in [v for v in vocab if len(v) >= 3][:4]))),
        ("hostile", "a 16-word phrase (the limit)", ("search", '"' + " ".join(rng.choices(common, k=16)) + '"')),
        ("hostile", "400 × 'a' (799 chars)", ("search", " ".join(["a"] * 400))),
        ("hostile", "2 KB of 'a '", ("search", "a " * 1000)),
        ("hostile", "10,000 OR terms", ("search", " OR ".join(f"w{i}" for i in range(10000)))),
        ("hostile", "100 KB --speaker", ("claims", "x" * 100_000, None)),
        ("hostile", "--speaker '%_%' (LIKE wildcards)", ("claims", "%_% %", None)),
        ("hostile", "--speaker of 12 words", ("claims", " ".join(names[i].split()[0] for i in range(12)), None)),
        ("hostile", "--about 32 common words", ("claims", None, " ".join((common * 7)[:32]))),
        ("hostile", "punctuation-only --speaker", ("claims", "...", None)),
        ("hostile", "timeline ''", ("timeline", "")),
    ]


def run(corpus: Corpus, q: tuple) -> str:
    kind = q[0]
    if kind == "search":
        return f"{len(corpus.search(q[1]))} hits"
    if kind == "claims":
        return f"{len(corpus.claims(speaker=q[1], about=q[2]))} claims"
    return f"{len(corpus.timeline(q[1]))} items"


def timed(fn) -> tuple[float, str]:
    t = time.process_time()
    try:
        out = fn()
    except ValueError as exc:  # the limits refuse with a ValueError (QueryTooComplex is one)
        out = "refused: " + " ".join(str(exc).split()[:6]) + " …"
    return time.process_time() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--store", help="where the synthetic store is kept (built when missing)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    path = Path(args.store) if args.store else Path(tempfile.mkdtemp(prefix="dateline-q-")) / "bench.db"
    if not path.exists():
        t = time.perf_counter()
        build(path, args.articles)
        sys.stderr.write(f"built {args.articles:,} articles in {time.perf_counter() - t:.0f} s: {path}\n")
    rng = random.Random(7)
    vocab, names = _vocabulary(rng), _names(rng)
    qs = queries(random.Random(11), vocab, names)
    corpus = Corpus(path)
    conn = corpus._readable().conn
    anchor_sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    anchor_arg = '"' + vocab[0] + '"'
    times: dict[int, list[float]] = {i: [] for i in range(len(qs))}
    anchors: list[float] = []
    outcomes: dict[int, str] = {}
    for _ in range(args.repeat):  # interleaved: anchor, every query, again
        anchors.append(timed(lambda: str(conn.execute(anchor_sql, (anchor_arg,)).fetchone()[0]))[0])
        for i, (_, _, q) in enumerate(qs):
            secs, outcomes[i] = timed(lambda q=q: run(corpus, q))
            times[i].append(secs)
    anchor = statistics.median(anchors)
    n_docs = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"store: {n_docs:,} articles · anchor (one common word, FTS5 count, no ranking): {anchor:.4f} CPU s")
    print(f"{'kind':<8} {'query':<36} {'outcome':<46} {'CPU s':>8} {'× anchor':>9}")
    worst = 0.0
    for i, (kind, label, _) in enumerate(qs):
        secs = statistics.median(times[i])
        worst = max(worst, secs)
        print(f"{kind:<8} {label:<36} {outcomes[i][:46]:<46} {secs:>8.4f} {secs / anchor if anchor else 0:>9.1f}")
    print(f"slowest query: {worst:.3f} CPU s (target: none over {TARGET_SECONDS:.0f} s) — "
          + ("met" if worst <= TARGET_SECONDS else "NOT met"))
    corpus.close()


if __name__ == "__main__":
    main()
