"""Learn the quote model (src/dateline/analyze/attribution/data/quote_model.json) from PolNeAR.

    .venv/bin/python tools/learn_quotes.py ../shared/bench/polnear/train.jsonl --docs 0:300,500:700

Only the training split is read, and of it only the slices given (the other training articles
stay free to check the model on). Each article is parsed and read by the rules with the quote
model switched off; every quotation no claim then holds is a candidate
(``quote_model.candidates``), labelled by whether its would-be content covers more than 30% of
a gold attribution that no claim of the rules found (the benchmark's rule). A logistic
regression (scikit-learn, L2) over ``quote_model.features`` is fitted on them. The threshold is
the lowest at which the candidates above it are right at least ``--precision`` of the time,
judged on out-of-fold probabilities (five folds by article), so that what the model adds does
not lower the precision of the claims. Needs the dev extra (scikit-learn); a few minutes on
2 cores, most of it the parse (``--cache DIR`` keeps the parses).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dateline" / "analyze" / "attribution" / "data" / "quote_model.json"


def slices(spec: str) -> list[tuple[int, int]]:
    out = []
    for part in spec.split(","):
        a, _, b = part.partition(":")
        out.append((int(a or 0), int(b)))
    return out


def parsed(nlp, texts: list[str], cache: Path | None):
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache is not None:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        cache.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(cache)
    return docs


def collect(docs, parses):
    """(features, label, article number, what it is in words) of every candidate of the given
    articles."""
    sys.path.insert(0, str(ROOT / "bench"))
    from attribution import Pred, match  # bench/attribution.py: the benchmark's own matching

    from dateline.analyze import _known_text, pipeline_language
    from dateline.analyze.attribution import attribute
    from dateline.analyze.attribution.quotes import paragraph_spans
    from dateline.analyze.entities import find_entities
    from dateline.model import Reading, Source

    rows = []
    for n, (d, doc) in enumerate(zip(docs, parses)):
        r = Reading(id=d.name, source=Source(path=d.name), text=d.text, paragraphs=paragraph_spans(d.text, None))
        if pipeline_language(r) is None:
            continue
        doc.user_data.clear()
        _known_text(doc, r.text)
        r.entities = find_entities(doc, r)
        found: list = []
        claims = attribute(doc, r, r.entities, quote_candidates=found)
        preds = [Pred([tuple(c["span"])] + [tuple(q) for q in c["quotes"]]) for c in claims
                 if c.get("span") and c["span"][1] > c["span"][0]]
        matched = {gi for gi, _ in match(d.gold, preds, 0.3, "document")}
        open_gold = [{i for s, e in g.content for i in range(s, e)} for gi, g in enumerate(d.gold) if gi not in matched]
        for cand, feats in found:
            chars = set(range(*cand.content)) | set(range(*cand.quote.span))
            label = any(gc and len(gc & chars) / len(gc) > 0.3 for gc in open_gold)
            info = {"doc": d.name, "quote": d.text[cand.quote.span[0]:cand.quote.span[1]],
                    "content": d.text[cand.content[0]:cand.content[1]], "cue": cand.cue.text if cand.cue is not None else None,
                    "sent": doc[cand.sent[0]:cand.sent[1]].text, "path": cand.path}
            rows.append((feats, int(label), n, info))
    return rows


def threshold_for(probs, labels, precision: float) -> float:
    """The lowest threshold whose candidates above it are right at least ``precision`` of the
    time (and at least five of them)."""
    pairs = sorted(zip(probs, labels), reverse=True)
    best = 1.0
    right = 0
    for k, (p, y) in enumerate(pairs, 1):
        right += y
        if k >= 5 and right / k >= precision:
            best = p
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--docs", default="0:300,500:700", help="the training slices to learn from (A:B,C:D)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--precision", type=float, default=0.9, help="precision the threshold is chosen for")
    ap.add_argument("--cache", type=Path, default=None, help="keep the parses in this folder (spaCy DocBins)")
    args = ap.parse_args(argv)

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from attribution import load_polnear

    from dateline.analyze import UNUSED_COMPONENTS
    from dateline.analyze import nlp as nlp_module

    t0 = time.time()
    every = load_polnear(args.train)
    with args.train.open(encoding="utf-8") as fh:
        splits = {json.loads(line).get("split") for line in fh if line.strip()}
    if splits - {None, "train"}:
        print("only the training split may be learned from", file=sys.stderr)
        return 2
    nlp = nlp_module.load(UNUSED_COMPONENTS)  # the pipeline `dateline read` parses with
    rows = []
    for a, b in slices(args.docs):
        docs = every[a:b]
        cache = args.cache / f"train_{a}_{b}.spacy" if args.cache else None
        part = collect(docs, parsed(nlp, [d.text for d in docs], cache))
        rows += [(f, y, a + n) for f, y, n, _ in part]
    print(f"{len(rows)} candidates, {sum(y for _, y, _ in rows)} attributions, {time.time() - t0:.0f} s",
          file=sys.stderr)

    X = [{f: 1 for f in feats} for feats, _, _ in rows]
    y = np.array([lab for _, lab, _ in rows])
    groups = np.array([n for _, _, n in rows])
    vec = DictVectorizer()
    Xm = vec.fit_transform(X)
    # out-of-fold probabilities, five folds by article, to choose the threshold on
    oof = np.zeros(len(y))
    folds = groups % 5
    for k in range(5):
        tr, te = folds != k, folds == k
        clf = LogisticRegression(C=args.c, max_iter=3000).fit(Xm[tr], y[tr])
        oof[te] = clf.predict_proba(Xm[te])[:, 1]
    threshold = threshold_for(oof.tolist(), y.tolist(), args.precision)
    above = oof >= threshold
    clf = LogisticRegression(C=args.c, max_iter=3000).fit(Xm, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 0.005}
    model = {"bias": round(float(clf.intercept_[0]), 4), "weights": weights, "threshold": round(float(threshold), 4),
             "trained_on": {"corpus": "PolNeAR train split", "docs": args.docs, "candidates": len(y),
                            "attributions": int(y.sum()), "C": args.c, "precision": args.precision}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"threshold {threshold:.3f}: out of fold {int(above.sum())} above it, {int(y[above].sum())} right "
          f"(of {int(y.sum())}); {len(weights)} weights → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
