"""Score dateline's claims on a brat-standoff attribution corpus, beside textacy's
``direct_quotations`` on the same documents.

    python bench/attribution.py PATH            # a folder of .txt + .ann pairs (PARC / PolNeAR layout)
    python bench/attribution.py ../shared/bench/polnear/dev.jsonl   # PolNeAR JSON Lines

PolNeAR JSON Lines (``doc``, ``text``, ``attributions: [{content, source, cue, qtype}]``) is
scored with the Gender Gap Tracker's rule that the published anchors use: a gold content is found
when more than 30% of its characters are covered by one predicted claim span, one to one, gold
taken in document order; quoted means qtype ``direct`` or ``mixed``. ``--by-cue`` adds recall
by the gold cue's first word and by kind of source.

Gold: text-bound annotations typed Source, Cue and Content (any case, "Content" may be
discontinuous: "T3<TAB>Content 10 40;52 80<TAB>…"), joined by relations ("R1<TAB>Attribution
Arg1:T1 Arg2:T3") or events; every Content of a connected group is one attribution with the
group's sources. A gold content is found when one predicted claim span covers more than 30%
(and, stricter, 80%) of its characters, each prediction used once (greedy, best cover first).
Reported: P, R, F1; recall of quoted and of indirect contents (quoted: the content has a quote
mark in or right around it); speaker accuracy (of the found contents, the predicted speaker
span overlaps a gold Source); documents per CPU-second (parse included, same machine, same run).
Claims without a content span in the text (headlines, "X declined to comment") are not scored.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

QUOTE_MARKS = "\"“”«»‘’'`"
THRESHOLDS = (0.3, 0.8)


@dataclass
class Gold:
    content: list[tuple[int, int]]
    sources: list[tuple[int, int]] = field(default_factory=list)
    cues: list[tuple[int, int]] = field(default_factory=list)
    quoted: bool = False


@dataclass
class Pred:
    content: list[tuple[int, int]]
    speaker: tuple[int, int] | None = None
    cue: str | None = None  # the cue word, for breakdowns of precision


@dataclass
class Document:
    name: str
    text: str
    gold: list[Gold]


# reading the corpus ---------------------------------------------------------------------------

def parse_ann(ann: str, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    links: list[list[str]] = []
    for line in ann.splitlines():
        if not line.strip() or "\t" not in line:
            continue
        ident, rest = line.split("\t", 1)[0], line.split("\t")[1]
        if ident.startswith("T"):
            label, _, offsets = rest.partition(" ")
            frags = []
            for frag in offsets.split(";"):
                a, b = frag.split()[:2]
                frags.append((int(a), int(b)))
            spans[ident] = (label.lower(), frags)
        elif ident.startswith(("R", "E")):
            args = re.findall(r"\S+?:(T\d+)", rest)
            if args:
                links.append(args)
    parent = {t: t for t in spans}

    def find(t: str) -> str:
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    for args in links:
        args = [a for a in args if a in parent]
        for a in args[1:]:
            parent[find(a)] = find(args[0])
    groups: dict[str, list[str]] = {}
    for t in spans:
        groups.setdefault(find(t), []).append(t)
    out = []
    for members in groups.values():
        sources = [f for t in members if spans[t][0].startswith("source") for f in spans[t][1]]
        cue_spans = [f for t in members if spans[t][0].startswith("cue") for f in spans[t][1]]
        for t in members:
            label, frags = spans[t]
            if label.startswith("content"):
                out.append(Gold(frags, sources, cue_spans, _is_quoted(text, frags)))
    out.sort(key=lambda g: g.content[0])
    return out


def _is_quoted(text: str, frags: list[tuple[int, int]]) -> bool:
    for s, e in frags:
        around = text[max(0, s - 2):min(len(text), e + 2)]
        if any(m in around for m in "\"“”«»") or re.search(r"(^|\s)[‘'`]", text[max(0, s - 2):s + 1]):
            return True
    return False


def load_polnear(path: Path, limit: int | None = None) -> list[Document]:
    import json

    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            gold = []
            for a in d["attributions"]:
                frags = [tuple(f) for f in a["content"] if f[1] > f[0]]
                if not frags:
                    continue
                gold.append(Gold(sorted(frags), [tuple(f) for f in a["source"]],
                                 [tuple(f) for f in a["cue"]], a.get("qtype") in ("direct", "mixed")))
            gold.sort(key=lambda g: g.content[0])
            docs.append(Document(d["doc"], d["text"], gold))
            if limit and len(docs) >= limit:
                break
    return docs


def load_corpus(path: Path) -> list[Document]:
    if path.is_file() and path.suffix == ".jsonl":
        return load_polnear(path)
    docs = []
    for txt in sorted(path.rglob("*.txt")):
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append(Document(txt.stem, text, parse_ann(ann.read_text(encoding="utf-8"), text)))
    return docs


# systems --------------------------------------------------------------------------------------

def run_dateline(docs: list[Document]) -> tuple[list[list[Pred]], float]:
    from dateline.analyze import analyze
    from dateline.analyze import nlp as nlp_module
    from dateline.analyze.attribution.quotes import paragraph_spans
    from dateline.model import Reading, Source

    nlp_module.load()  # loading is not timed
    list(analyze([Reading(id="warm", source=Source(), text="She said the warm-up was over.")]))
    readings = [Reading(id=d.name, source=Source(path=d.name), text=d.text,
                        paragraphs=paragraph_spans(d.text, None)) for d in docs]
    t0 = time.process_time()
    done = list(analyze(readings))
    cpu = time.process_time() - t0
    preds = []
    for r in done:
        ps = []
        for c in r.claims:
            if not c.get("span") or c["span"][1] <= c["span"][0]:
                continue  # headline claims point into the title; "declined to comment" has no content
            frags = [tuple(c["span"])] + [tuple(q) for q in c["quotes"]]
            ps.append(Pred(frags, tuple(c["speaker_span"]) if c.get("speaker_span") else None, c.get("cue")))
        preds.append(ps)
    return preds, cpu


def run_textacy(docs: list[Document]) -> tuple[list[list[Pred]], float] | None:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    from dateline.analyze import nlp as nlp_module

    nlp = nlp_module.load(())  # textacy needs lemmas: the whole pipeline
    list(direct_quotations(nlp('"The warm-up is over," she said.')))
    t0 = time.process_time()
    preds = []
    for doc in nlp.pipe(d.text for d in docs):
        ps = []
        try:
            triples = list(direct_quotations(doc))
        except Exception:
            triples = []
        for tr in triples:
            content = (tr.content.start_char, tr.content.end_char)
            speaker = None
            if tr.speaker:
                speaker = (min(t.idx for t in tr.speaker), max(t.idx + len(t.text) for t in tr.speaker))
            ps.append(Pred([content], speaker))
        preds.append(ps)
    return preds, time.process_time() - t0


# scoring --------------------------------------------------------------------------------------

def _chars(frags) -> set[int]:
    return {i for s, e in frags for i in range(s, e)}


def match(gold: list[Gold], preds: list[Pred], threshold: float,
          order: str = "cover") -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index) covering more than ``threshold``.

    ``order="cover"`` pairs the best covers first; ``order="document"`` takes gold in document
    order, each with the free prediction that covers it best (the Gender Gap Tracker's rule).
    """
    pairs = []
    pred_chars = [_chars(p.content) for p in preds]
    if order == "document":
        used, out = set(), []
        for gi, g in enumerate(gold):
            gc = _chars(g.content)
            if not gc:
                continue
            best = max(((len(gc & pc) / len(gc), pi) for pi, pc in enumerate(pred_chars) if pi not in used),
                       default=(0.0, -1))
            if best[0] > threshold:
                used.add(best[1])
                out.append((gi, best[1]))
        return out
    for gi, g in enumerate(gold):
        gc = _chars(g.content)
        if not gc:
            continue
        for pi, pc in enumerate(pred_chars):
            cover = len(gc & pc) / len(gc)
            if cover > threshold:
                pairs.append((cover, gi, pi))
    pairs.sort(key=lambda p: -p[0])
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def score(docs: list[Document], preds: list[list[Pred]], threshold: float,
          order: str = "cover") -> dict[str, float]:
    n_gold = n_pred = hit = 0
    quoted = [0, 0]
    indirect = [0, 0]
    speaker = [0, 0]
    for doc, ps in zip(docs, preds):
        pairs = match(doc.gold, ps, threshold, order)
        n_gold += len(doc.gold)
        n_pred += len(ps)
        hit += len(pairs)
        if order == "document":
            # recall by kind reruns the matching with that subset as gold
            for bucket, want in ((quoted, True), (indirect, False)):
                subset = [g for g in doc.gold if g.quoted == want]
                bucket[1] += len(subset)
                bucket[0] += len(match(subset, ps, threshold, order))
        else:
            found = {gi for gi, _ in pairs}
            for gi, g in enumerate(doc.gold):
                bucket = quoted if g.quoted else indirect
                bucket[1] += 1
                bucket[0] += gi in found
        for gi, pi in pairs:
            g, p = doc.gold[gi], ps[pi]
            if not g.sources:
                continue
            speaker[1] += 1
            if p.speaker and any(p.speaker[0] < e and s < p.speaker[1] for s, e in g.sources):
                speaker[0] += 1
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return {
        "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "R_quoted": quoted[0] / quoted[1] if quoted[1] else float("nan"),
        "R_indirect": indirect[0] / indirect[1] if indirect[1] else float("nan"),
        "speaker": speaker[0] / speaker[1] if speaker[1] else float("nan"),
        "gold": n_gold, "pred": n_pred,
    }


def table(docs: list[Document], systems: dict[str, tuple[list[list[Pred]], float]],
          order: str = "cover", thresholds: tuple[float, ...] = THRESHOLDS) -> str:
    n_q = sum(g.quoted for d in docs for g in d.gold)
    n_all = sum(len(d.gold) for d in docs)
    head = (f"attribution: {len(docs)} documents, {n_all} gold contents ({n_q} quoted, {n_all - n_q} indirect)\n"
            f"{'system':<10} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'R quot':>7} {'R ind':>6} "
            f"{'spk acc':>7} {'pred':>5} {'docs/CPU-s':>11}")
    lines = [head, "-" * len(head.splitlines()[1])]
    for name, (preds, cpu) in systems.items():
        rate = len(docs) / cpu if cpu > 0 else float("inf")
        for th in thresholds:
            s = score(docs, preds, th, order)
            lines.append(f"{name:<10} {'>' + str(int(th * 100)) + '%':>5} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} "
                         f"{s['R_quoted']:7.3f} {s['R_indirect']:6.3f} {s['speaker']:7.3f} {s['pred']:5d} {rate:11.1f}")
    return "\n".join(lines)


_SOURCE_KINDS = (
    ("anonymous", re.compile(r"\b(?:anonym|familiar with|not authori[sz]ed|asked not to be|speaking on condition|"
                             r"source|sources|insider|aide|aides|people close to)\b", re.I)),
    ("document", re.compile(r"\b(?:report|reports|poll|polls|survey|data|study|studies|email|emails|letter|memo|"
                            r"filing|document|documents|records|analysis|statement|website|ad|book|tweet)\b", re.I)),
    ("pronoun", re.compile(r"^(?:he|she|they|it|i|we|you|his|her|their)$", re.I)),
    ("group", re.compile(r"\b(?:officials|critics|supporters|voters|experts|analysts|democrats|republicans|"
                         r"people|many|some|others|americans|members|lawmakers|leaders)\b", re.I)),
)


#: words skipped to reach the word that carries a cue ("has also said" → said)
_AUXILIARIES = frozenset("""has have had having is are was were be been being will would also did does do can
could may might must should not n't then further still just later previously repeatedly even already never
often once again first last recently reportedly publicly privately clearly to""".split())


def _source_kind(doc: Document, g: Gold) -> str:
    if not g.sources:
        return "none named"
    words = " ".join(doc.text[s:e] for s, e in g.sources).strip()
    for kind, pattern in _SOURCE_KINDS:
        if pattern.search(words):
            return kind
    return "named"


def breakdown(docs: list[Document], preds: list[list[Pred]], order: str, threshold: float = 0.3,
              top: int = 25) -> str:
    """Recall by the word that carries the gold cue (lower-cased, auxiliaries and adverbs
    skipped) and by kind of source."""
    from collections import Counter

    cue_all, cue_hit, src_all, src_hit = Counter(), Counter(), Counter(), Counter()
    for doc, ps in zip(docs, preds):
        found = {gi for gi, _ in match(doc.gold, ps, threshold, order)}
        for gi, g in enumerate(doc.gold):
            cue = " ".join(doc.text[s:e] for s, e in g.cues).strip().lower()
            words = re.findall(r"[\w']+|[^\w\s]", cue)
            key = next((w for w in words if w not in _AUXILIARIES), words[0] if words else "(none)")
            cue_all[key] += 1
            cue_hit[key] += gi in found
            kind = _source_kind(doc, g)
            src_all[kind] += 1
            src_hit[kind] += gi in found
    lines = ["", f"recall by cue word, top {top}:", f"{'cue':<16} {'gold':>5} {'R':>6}"]
    for key, n in cue_all.most_common(top):
        lines.append(f"{key:<16} {n:5d} {cue_hit[key] / n:6.3f}")
    lines += ["", "recall by kind of source (a word rule over the gold source text):",
              f"{'source':<16} {'gold':>5} {'R':>6}"]
    for key, n in src_all.most_common():
        lines.append(f"{key:<16} {n:5d} {src_hit[key] / n:6.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="a folder of .txt + .ann pairs, or a PolNeAR .jsonl file")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--by-cue", action="store_true", help="also print recall by cue word and by kind of source")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    ap.add_argument("--docs", metavar="A:B", help="only documents A to B-1 (in file order): learn rules on one "
                    "slice of a training set and check them on another")
    ap.add_argument("--dump", type=Path, metavar="FILE",
                    help="write each document's gold and predicted claims as JSON Lines, for error analysis")
    args = ap.parse_args(argv)
    polnear = args.path.is_file() and args.path.suffix == ".jsonl"
    docs = load_polnear(args.path, args.limit) if polnear else load_corpus(args.path)[:args.limit]
    if args.docs:
        a, _, b = args.docs.partition(":")
        docs = docs[int(a or 0):int(b) if b else None]
    if not docs:
        print(f"no .txt + .ann pairs under {args.path}", file=sys.stderr)
        return 2
    order, thresholds = ("document", (0.3,)) if polnear else ("cover", THRESHOLDS)
    systems = {"dateline": run_dateline(docs)}
    baseline = None if args.no_textacy else run_textacy(docs)
    if baseline is None and not args.no_textacy:
        print("textacy is not installed (pip install textacy): baseline skipped", file=sys.stderr)
    elif baseline is not None:
        systems["textacy"] = baseline
    print(table(docs, systems, order, thresholds))
    if args.by_cue:
        print(breakdown(docs, systems["dateline"][0], order))
    if args.dump:
        dump(args.dump, docs, systems["dateline"][0], order, thresholds[0])
    return 0


def dump(path: Path, docs: list[Document], preds: list[list[Pred]], order: str, threshold: float) -> None:
    """One line a document: each gold content with whether it was found and the speaker given to
    it, and each prediction that matched no gold (a false positive)."""
    import json

    def text(doc, frags):
        return " … ".join(doc.text[s:e] for s, e in frags)

    with path.open("w", encoding="utf-8") as fh:
        for doc, ps in zip(docs, preds):
            pairs = dict(match(doc.gold, ps, threshold, order))
            gold = []
            for gi, g in enumerate(doc.gold):
                p = ps[pairs[gi]] if gi in pairs else None
                ok = None
                if p is not None and g.sources:
                    ok = bool(p.speaker and any(p.speaker[0] < e and s < p.speaker[1] for s, e in g.sources))
                gold.append({"content": text(doc, g.content), "start": g.content[0][0], "quoted": g.quoted,
                             "source": text(doc, g.sources), "cue": text(doc, g.cues), "found": p is not None,
                             "pred": text(doc, p.content) if p else None,
                             "pred_speaker": text(doc, [p.speaker]) if p and p.speaker else None,
                             "pred_cue": p.cue if p else None, "speaker_ok": ok})
            matched = set(pairs.values())
            false = [{"content": text(doc, p.content), "start": p.content[0][0], "cue": p.cue,
                      "speaker": text(doc, [p.speaker]) if p.speaker else None}
                     for pi, p in enumerate(ps) if pi not in matched]
            fh.write(json.dumps({"doc": doc.name, "gold": gold, "false_positives": false}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
