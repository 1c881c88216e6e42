"""Corpus benchmark: ingest throughput, and near-duplicate detection on wire-copy variants.

    .venv/bin/python bench/corpus.py [--pages N] [--no-analysis-runs]

1. Ingest throughput, in documents per CPU-second, with and without analysis, beside
   `dateline read` (the same pipeline without the store) on the same AEB HTML pages. One
   process (workers=1), so CPU time is all in this process and the numbers compare.
2. Near-duplicates: each AEB ground-truth text of 80 words or more (shorter ones are too short
   to vary) gets wire-copy variants made here — another headline, a dateline and credit added,
   ends trimmed, a paragraph dropped, small word edits, and all of these at once. Pairs in one
   family are positives; pairs across families negatives. Precision and recall are over pairs
   of documents put in one syndicated group (connected components, as `dateline duplicates`
   shows them). The MinHash stage (fingerprint + LSH query + insert) is timed in CPU seconds.

Targets: P ≥ 0.99, R ≥ 0.97, MinHash stage ≥ 1,500 documents per CPU-second.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import aeb  # noqa: E402

AGENCIES = ["Reuters", "AP", "AFP", "Yonhap", "dpa"]
PLACES = ["LONDON", "SEOUL", "WASHINGTON", "BERLIN", "NAIROBI", "LIMA"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June"]
FILLER = ["also", "very", "now", "then", "still", "just", "new", "major", "local", "other"]


def _paragraphs(text: str) -> list[str]:
    paras = [p for p in text.replace("\r", "").split("\n") if p.strip()]
    if len(paras) >= 3:
        return paras
    words = text.split()  # one block: make paragraphs of ~60 words
    return [" ".join(words[i : i + 60]) for i in range(0, len(words), 60)]


def _edit(words: list[str], rng: random.Random, share: float) -> list[str]:
    out = list(words)
    for _ in range(max(1, int(len(out) * share))):
        i = rng.randrange(len(out))
        op = rng.random()
        if op < 0.4:
            out[i] = rng.choice(FILLER)
        elif op < 0.7:
            out.insert(i, rng.choice(FILLER))
        elif len(out) > 10:
            del out[i]
    return out


def variants(text: str, rng: random.Random) -> dict[str, str]:
    paras = _paragraphs(text)
    words = text.split()
    n = len(words)
    line = f"{rng.choice(PLACES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)} ({rng.choice(AGENCIES)}) - "
    credit = "\n\n(Reporting by Ana Example; Editing by Tom Sample)"
    dropped = list(paras)
    if len(dropped) > 2:
        del dropped[rng.randrange(1, len(dropped))]
    trim_head, trim_tail = int(n * 0.05), int(n * 0.2)
    mixed_words = _edit(words[int(n * 0.03) : n - int(n * 0.12)], rng, 0.02)
    return {
        "headline": text,  # only the headline differs: the text is the same
        "dateline": line + text + credit,
        "trimmed": " ".join(words[trim_head : n - trim_tail]),
        "dropped": "\n\n".join(dropped),
        "edits": " ".join(_edit(words, rng, 0.03)),
        "mixed": line + " ".join(mixed_words) + credit,
    }


def near_duplicates() -> dict[str, float]:
    from dateline.link.dedupe import NearDuplicateIndex, fingerprint
    from dateline.link.groups import Components

    rng = random.Random(7)
    docs: list[tuple[str, str, int]] = []  # (id, text, family)
    family = 0
    for key, text in sorted(aeb.ground_truth().items()):
        if len(text.split()) < 80:
            continue
        docs.append((f"{key}:original", text, family))
        for name, v in variants(text, rng).items():
            docs.append((f"{key}:{name}", v, family))
        family += 1
    rng.shuffle(docs)
    index = NearDuplicateIndex()
    pairs: list[tuple[str, str]] = []
    t0 = time.process_time()
    for doc_id, text, _ in docs:
        fp = fingerprint(text)
        pairs.extend((m.other, doc_id) for m in index.link(doc_id, fp))
    cpu = time.process_time() - t0
    comps = Components()
    for doc_id, _, _ in docs:
        comps.add(doc_id)
    comps.union_all(pairs)
    fam = {d: f for d, _, f in docs}
    predicted = {tuple(sorted(p)) for g in comps.groups() for p in combinations(g, 2)}
    by_family: dict[int, list[str]] = {}
    for d, _, f in docs:
        by_family.setdefault(f, []).append(d)
    truth = {tuple(sorted(p)) for g in by_family.values() for p in combinations(g, 2)}
    tp = len(predicted & truth)
    edges_true = sum(fam[a] == fam[b] for a, b in pairs)
    return {
        "documents": len(docs),
        "families": family,
        "precision": tp / len(predicted) if predicted else 1.0,
        "recall": tp / len(truth) if truth else 1.0,
        "edge_precision": edges_true / len(pairs) if pairs else 1.0,
        "docs_per_cpu_s": len(docs) / cpu if cpu else float("inf"),
    }


def throughput(pages: int, analysis: bool) -> list[tuple[str, float, float]]:
    from dateline import Corpus
    from dateline.run import read_inputs

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "pages")
        folder.mkdir()
        for i, (key, html) in enumerate(aeb.html_pages()):
            if i >= pages:
                break
            (folder / f"{key}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        n = len(list(folder.iterdir()))
        modes = [False, True] if analysis else [False]
        for analyze in modes:
            label = "with analysis" if analyze else "extraction only"
            if analyze:  # load spaCy before timing: both sides pay it once per process
                from dateline.analyze import nlp

                if hasattr(nlp, "load"):
                    nlp.load()
            t0 = time.process_time()
            count = sum(1 for _ in read_inputs([str(folder)], analyze=analyze))
            read_rate = count / (time.process_time() - t0)
            db = Path(tmp, f"bench-{int(analyze)}.db")
            t0 = time.process_time()
            stats = Corpus(db).ingest([str(folder)], workers=1, analyze=analyze)
            ingest_rate = stats.seen / (time.process_time() - t0)
            assert stats.seen == n, (stats, n)
            rows.append((label, read_rate, ingest_rate))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=181, help="AEB pages for the throughput runs")
    ap.add_argument("--no-analysis-runs", action="store_true", help="skip the (slow) runs with analysis")
    args = ap.parse_args()
    if not aeb.available():
        print("bench/corpus.py: ../shared/bench/aeb is absent; nothing to measure", file=sys.stderr)
        return 0
    nd = near_duplicates()
    tp = throughput(args.pages, not args.no_analysis_runs)
    print(f"\ndateline corpus benchmark — {args.pages} AEB pages (throughput), "
          f"{nd['documents']} texts in {nd['families']} wire-copy families (near-duplicates)\n")
    print(f"| {'measure':<46} | {'dateline read':>13} | {'dateline ingest':>15} | {'ratio':>6} | {'target':>8} |")
    print(f"|{'-' * 48}|{'-' * 15}|{'-' * 17}|{'-' * 8}|{'-' * 10}|")
    for label, read_rate, ingest_rate in tp:
        print(f"| {'docs per CPU-s, ' + label:<46} | {read_rate:>13.1f} | {ingest_rate:>15.1f} | "
              f"{ingest_rate / read_rate:>6.2f} | {'':>8} |")
    ok = lambda v, t: "✓" if v >= t else "✗"  # noqa: E731
    print(f"| {'near-duplicate precision (pairs in one group)':<46} | {'':>13} | {nd['precision']:>15.4f} | {'':>6} | "
          f"{'≥ 0.99 ' + ok(nd['precision'], 0.99):>8} |")
    print(f"| {'near-duplicate recall (pairs in one group)':<46} | {'':>13} | {nd['recall']:>15.4f} | {'':>6} | "
          f"{'≥ 0.97 ' + ok(nd['recall'], 0.97):>8} |")
    print(f"| {'near-duplicate precision (verified LSH pairs)':<46} | {'':>13} | {nd['edge_precision']:>15.4f} | "
          f"{'':>6} | {'':>8} |")
    print(f"| {'MinHash stage, docs per CPU-s':<46} | {'':>13} | {nd['docs_per_cpu_s']:>15.0f} | {'':>6} | "
          f"{'≥ 1500 ' + ok(nd['docs_per_cpu_s'], 1500):>8} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
