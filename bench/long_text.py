"""Attribution on long texts: its CPU time beside the spaCy parse of the same text, as the text
grows, same run.

    python bench/long_text.py [--paragraphs 25,100,400,1600] [--repeats 3]

Texts: synthetic articles made from the project's own sentence templates (bench/throughput.py),
three sentences to a paragraph, cut to the given number of paragraphs. For each
size, the parse (``nlp(text)``, the components dateline runs) and attribution alone on that
parse (``dateline.analyze.attribution.attribute``) are timed in CPU seconds, interleaved, the
least of ``--repeats`` each. Reported: both per paragraph and their ratio. The parse is linear
in the text, so a ratio that grows with the size is work in attribution that grows faster than
the text (the target: the ratio at the largest size no more than 1.5× the ratio at the
smallest). A unit test cannot hold this: the machine is shared, and a timed test fails when it
is busy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import synthetic  # noqa: E402


def article(paragraphs: int) -> str:
    """``paragraphs`` paragraphs of three template sentences each, from as many synthetic
    articles as it takes (each brings its own people, places and days)."""
    sentences: list[str] = []
    seed = 7
    while len(sentences) < 3 * paragraphs:
        sentences += [s for t in synthetic(4, words=600, seed=seed) for s in t.split("\n\n") if s.strip()]
        seed += 1
    return "\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, 3 * paragraphs, 3))


def least_cpu(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", default="25,100,400,1600", help="sizes, comma-separated")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)

    from dateline.analyze import nlp as nlp_module
    from dateline.analyze.attribution import attribute
    from dateline.analyze.attribution.quotes import paragraph_spans
    from dateline.analyze.entities import find_entities
    from dateline.model import Reading, Source

    nlp = nlp_module.load()
    nlp("A warm-up sentence, said the bench.")
    rows = []
    for n in (int(x) for x in args.paragraphs.split(",")):
        text = article(n)
        reading = Reading(id="long", source=Source(), text=text, paragraphs=paragraph_spans(text, None))
        parse_s, attr_s = float("inf"), float("inf")
        doc = None
        for _ in range(args.repeats):  # interleaved: parse, then attribution on that parse
            t0 = time.process_time()
            doc = nlp(text)
            parse_s = min(parse_s, time.process_time() - t0)
            ents = find_entities(doc, reading)
            t0 = time.process_time()
            attribute(doc, reading, ents)
            attr_s = min(attr_s, time.process_time() - t0)
        rows.append((n, len(text), parse_s, attr_s))

    print(f"{'paragraphs':>10} {'chars':>9} {'parse ms/para':>14} {'attribution ms/para':>20} {'ratio':>6}")
    for n, chars, p, a in rows:
        print(f"{n:>10} {chars:>9} {1000 * p / n:>14.2f} {1000 * a / n:>20.2f} {a / p:>6.3f}")
    growth = (rows[-1][3] / rows[-1][2]) / (rows[0][3] / rows[0][2])
    print(f"ratio at {rows[-1][0]} paragraphs / ratio at {rows[0][0]}: {growth:.2f} (target ≤ 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
