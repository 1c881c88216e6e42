"""Learn the attribution cue model (src/dateline/analyze/attribution/data/cue_model.json) from PolNeAR.

    .venv/bin/python tools/learn_cues.py ../shared/bench/polnear/train.jsonl

Only the training split is read. Every gold attribution's cue is mapped to its head token in
the parse (the cue token whose syntactic head lies outside the cue); every verb, noun and
adjective of the corpus whose word was such a head at least ``--min-count`` times is a
candidate, labelled by whether it is one. A logistic regression (scikit-learn, L2) over
``dateline.analyze.cue_model.features`` is fitted on them; its weights, the word→lemma table
and the vocabulary are written as JSON. The same run prints how well the content and source
rules of ``broad_cues.py`` recover the gold content and source from the gold cue (an upper
bound of what the learned stage can add). Needs the dev extra (scikit-learn); about five
minutes on 2 cores, most of it the parse.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dateline" / "analyze" / "attribution" / "data" / "cue_model.json"


def cue_heads(doc, cue_spans):
    """Tokens heading each gold cue: the cue's tokens whose head is outside it."""
    toks = [t for t in doc if any(s < t.idx + len(t.text) and t.idx < e for s, e in cue_spans)]
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    # prefer a verb, then a noun, then anything
    for pos in (("VERB",), ("NOUN", "PROPN"), ("ADJ",)):
        for t in heads:
            if t.pos_ in pos:
                return t
    return heads[0] if heads else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    ap.add_argument("--cache", type=Path, default=None, help="keep the parse in this file (a spaCy DocBin)")
    args = ap.parse_args(argv)

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    sys.path.insert(0, str(ROOT / "src"))
    from dateline.analyze import nlp as nlp_module
    from dateline.analyze.attribution import broad_cues, cue_model

    arts = []
    with args.train.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                arts.append(json.loads(line))
            if args.limit and len(arts) >= args.limit:
                break
    if any(a.get("split") not in (None, "train") for a in arts):
        print("only the training split may be learned from", file=sys.stderr)
        return 2
    t0 = time.time()
    nlp = nlp_module.load(())  # the lemmatizer is on here, to build the word→lemma table
    from spacy.tokens import DocBin

    if args.cache and args.cache.exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((a["text"] for a in arts), batch_size=32))
        if args.cache:
            db = DocBin()
            for d in docs:
                db.add(d)
            db.to_disk(args.cache)
    print(f"parsed {len(docs)} articles in {time.time() - t0:.0f} s", file=sys.stderr)

    lemmas: dict[str, Counter] = {}
    head_count: Counter = Counter()
    gold_heads: list[set[int]] = []
    oracle = Counter()
    for a, doc in zip(arts, docs):
        heads = set()
        for att in a["attributions"]:
            h = cue_heads(doc, [tuple(c) for c in att["cue"]])
            if h is None:
                continue
            heads.add(h.i)
            if h.pos_ in ("VERB", "NOUN", "ADJ", "PROPN"):
                head_count[h.lower_] += 1
            # oracle: the rules' content and source from the gold cue
            sent = h.sent
            oracle["cues"] += 1
            span = broad_cues.content_of(h, sent.start, sent.end)
            gold = {i for s, e in att["content"] for i in range(s, e)}
            if span is not None and gold:
                cs, ce = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
                if len(gold & set(range(cs, ce))) / len(gold) > 0.3:
                    oracle["content"] += 1
            src = broad_cues.source_of(h, sent.start, sent.end)
            if att["source"]:
                oracle["with_source"] += 1
                if src is not None:
                    ss, se = doc[src[0][0]].idx, doc[src[0][1] - 1].idx + len(doc[src[0][1] - 1].text)
                    if any(ss < e and s < se for s, e in att["source"]):
                        oracle["source"] += 1
        gold_heads.append(heads)
        for t in doc:
            if t.is_alpha:
                lemmas.setdefault(t.lower_, Counter())[t.lemma_.lower() or t.lower_] += 1

    lemma_of = {w: c.most_common(1)[0][0] for w, c in lemmas.items()}
    cue_lemmas = Counter()
    for w, n in head_count.items():
        cue_lemmas[lemma_of.get(w, w)] += n
    keep = {lm for lm, n in cue_lemmas.items() if n >= args.min_count}
    vocabulary = sorted(w for w in lemmas if lemma_of.get(w, w) in keep)
    print(f"{len(keep)} cue lemmas seen {args.min_count}+ times, {len(vocabulary)} word forms", file=sys.stderr)

    model = {"bias": 0.0, "weights": {}, "lemmas": {w: lemma_of[w] for w in vocabulary if lemma_of[w] != w},
             "vocabulary": vocabulary, "threshold": 0.5}
    cue_model.model.cache_clear()
    X, y = [], []
    vocab = set(vocabulary)
    for doc, heads in zip(docs, gold_heads):
        for t in doc:
            if t.pos_ in ("VERB", "NOUN", "ADJ") and t.is_alpha and t.lower_ in vocab:
                X.append({f: 1 for f in cue_model.features(t, lemma_of.get(t.lower_, t.lower_))})
                y.append(int(t.i in heads))
    vec = DictVectorizer()
    Xm = vec.fit_transform(X)
    clf = LogisticRegression(C=args.c, max_iter=2000)
    clf.fit(Xm, np.array(y))
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 0.01}
    model["bias"] = round(float(clf.intercept_[0]), 4)
    model["weights"] = weights
    model["trained_on"] = {"corpus": "PolNeAR train split", "articles": len(arts),
                           "candidates": len(y), "cues": int(sum(y)), "C": args.c,
                           "min_count": args.min_count}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    acc = clf.score(Xm, np.array(y))
    print(f"candidates {len(y)}, cues {sum(y)}, train accuracy {acc:.3f}, {len(weights)} weights → {args.out}")
    n = oracle["cues"] or 1
    print(f"oracle: content from the gold cue {oracle['content'] / n:.3f} of {n}; "
          f"source {oracle['source'] / max(1, oracle['with_source']):.3f} of {oracle['with_source']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
