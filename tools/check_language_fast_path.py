"""Check dateline's English fast path against py3langid on the evaluation sets beside the repo.

    python tools/check_language_fast_path.py [--shared ../shared]

``analyze/language.py`` reads a sample as English without the model when its words are ASCII
and English's own function words are a large enough share of them. This runs both on every text
of ../shared/bench (AEB bodies and text renderings, PolNeAR, TempEval-3, PLOVER) and the pages of
examples/ and tests/fixtures/, whole and as random cuts of 200, 600 and 1,500 characters, and
prints how often the fast path answered and how often the model disagreed with it (it must be 0).
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.analyze import language as L  # noqa: E402


def _texts(shared: Path) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    bench = shared / "bench"
    gt = bench / "aeb" / "ground-truth.json"
    if gt.exists():
        texts += [("aeb body", v["articleBody"]) for v in json.loads(gt.read_text(encoding="utf-8")).values()]
    texts += [("aeb text", Path(p).read_text(encoding="utf-8", errors="replace"))
              for p in glob.glob(str(bench / "aeb" / "text" / "*.txt"))]
    texts += [("aeb html", gzip.open(p, "rt", encoding="utf-8", errors="replace").read())
              for p in glob.glob(str(bench / "aeb" / "html" / "*.html.gz"))[:40]]
    for pattern in ("polnear/*.jsonl", "te3-train/*.jsonl", "te3-platinum/*.jsonl", "plover/*.jsonl"):
        for p in glob.glob(str(bench / pattern)):
            for line in open(p, encoding="utf-8"):
                row = json.loads(line)
                if isinstance(row, dict) and isinstance(row.get("text"), str):
                    texts.append((pattern.split("/")[0], row["text"]))
    for folder in ("examples", "tests/fixtures"):
        for p in glob.glob(str(ROOT / folder / "**" / "*"), recursive=True):
            if p.endswith((".txt", ".html", ".jsonl", ".md")):
                texts.append(("ours", Path(p).read_text(encoding="utf-8", errors="replace")))
    rnd = random.Random(1)
    cuts = []
    for kind, t in texts:
        for n in (200, 600, 1500):
            s = rnd.randrange(0, max(1, len(t) - n))
            cuts.append((kind + " cut", t[s:s + n]))
    return texts + cuts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    texts = _texts(args.shared)
    fired = english = 0
    wrong = []
    for kind, t in texts:
        sample = t[:L.SAMPLE_CHARS]
        if len(L._LETTER.findall(sample)) < L.MIN_LETTERS:
            continue
        code, prob = L._identifier().classify(sample)
        model = code if prob >= L.MIN_CONFIDENCE else None
        english += model == "en"
        if L._plainly_english(sample):
            fired += 1
            if model != "en":
                wrong.append((kind, model, round(float(prob), 2), sample[:100].replace("\n", " ")))
    print(f"texts {len(texts)}, English by the model {english}, read by the fast path {fired}, "
          f"the model disagreeing {len(wrong)}")
    for w in wrong[:20]:
        print("  ", w)
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
