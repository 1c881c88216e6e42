"""Speed of `dateline read` beside a bare spaCy parse of the same texts, same run.

    python bench/throughput.py [--docs N] [--aeb PATH/ground-truth.json | --synthetic]

Texts: ~600-word articles, either the AEB ground-truth bodies (cut to 600 words) when the
file is given or found at ../shared/bench/aeb/ground-truth.json, or synthetic articles made
here from the project's own sentence templates. Both systems get a warm-up on other texts.
Reported: documents per CPU-second for spaCy's pipeline with the components dateline runs (the
lemmatizer off on both sides, ``nlp.pipe``) and for the whole ``dateline read`` path on a JSON
Lines file of those texts (ingest, plain-text extraction, the parse, entities, claims, time
expressions and events), and their ratio (target ≥ 0.7). Each side runs ``--repeats`` times,
interleaved, and the median is reported. ``--workers``: also the whole ``dateline read --json``
command (process start, model load and output included) with N workers against one worker,
wall-clock medians of interleaved runs (target ≥ 1.7× with 2 workers on 2 cores), with the CPU
seconds of each command's whole process tree (workers included) beside them; with
``--workers-only``, that table alone; with ``--passes K``, an input of each text K times (a longer
batch: the start-up, paid once, weighs less). A one-page command timed in the same rounds gives the
start-up, and the ratio of the two runs less it (the reading alone, what a long input sees).

Also reported: what our own rules cost beside the parse (issue 10 item 5, target <= 10%). The
pages are extracted once (``read_inputs(analyze=False)``); then, ``--repeats`` times, they are
parsed (``nlp.pipe``, CPU seconds) and each reading is analysed on its parse
(``pipeline_language`` + ``analyze_one``), CPU seconds per stage: language detection
(py3langid, a learned model), entities (with countries), attribution, the learned cue model's
scoring inside it (``cue_model.probability``: a learned model), time expressions and events.
"Our rules" is the analysis less the learned models, as a share of the parse (medians); also shown with
the parse of titles and captions that the analysis makes (spaCy's, for their events) counted with the parse.

``--rules-only`` measures that alone, each of ``--repeats`` runs in a fresh process (a few minutes);
``--before SRC`` runs another source tree (``git archive`` of a commit, its ``src/``) the same way,
interleaved with this one, and prints both (medians, and each run's share):

    python bench/throughput.py --rules-only --repeats 5 --before /tmp/old/src
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AEB = ROOT.parent / "shared" / "bench" / "aeb" / "ground-truth.json"

_PEOPLE = [("Laura", "Mendes", "Finance Minister"), ("Viktor", "Hale", "opposition leader"),
           ("Sun", "Park", "Foreign Minister"), ("Amina", "Okoro", "central bank governor"),
           ("Daniel", "Reyes", "Senator"), ("Ingrid", "Solberg", "Prime Minister")]
_PLACES = ["Lisbon", "Nairobi", "Seoul", "Ottawa", "Manila", "Oslo", "Lima"]
_TOPICS = ["the budget", "fuel subsidies", "the trade agreement", "the new port", "interest rates",
           "the election law", "the border talks", "wheat exports"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_SENTENCES = [
    "{title} {first} {last} said on {day} that {topic} would be reviewed before the end of the year.",
    '"We will not accept a deal that hurts ordinary families," {last} told reporters in {place}.',
    "{last} added that talks on {topic} had made progress but that several questions remained open.",
    "The plan would cost about {n} billion dollars over five years, according to the finance ministry.",
    '"This is a serious moment for the country," {last} said, "and we will meet it together."',
    "Critics argued that {topic} had been delayed for too long and that prices were already rising.",
    "The ministry did not say whether {topic} would be put to a vote in parliament.",
    "Officials in {place} expect a decision within weeks, state media reported on {day}.",
    "Markets rose slightly after the announcement, with the currency gaining {n} percent against the dollar.",
    "{title} {first} {last} warned that any delay on {topic} would damage confidence among investors.",
    "Several thousand people marched through central {place} on {day} to protest against {topic}.",
    "The talks are due to resume next month, when delegations from both sides meet in {place}.",
]


def synthetic(n: int, words: int = 600, seed: int = 1) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(n):
        first, last, title = rnd.choice(_PEOPLE)
        paras, count = [], 0
        while count < words:
            s = rnd.choice(_SENTENCES).format(
                title=title[0].upper() + title[1:], first=first, last=last, day=rnd.choice(_DAYS),
                topic=rnd.choice(_TOPICS), place=rnd.choice(_PLACES), n=rnd.randint(2, 90))
            paras.append(s)
            count += len(s.split())
        texts.append("\n\n".join(paras))
    return texts


def aeb_texts(path: Path, n: int, words: int = 600) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for item in data.values():
        body = item.get("articleBody") or ""
        if len(body.split()) < words // 2:
            continue
        # cut at a paragraph end near the word budget
        kept, count = [], 0
        for para in body.split("\n"):
            if not para.strip():
                continue
            kept.append(para.strip())
            count += len(para.split())
            if count >= words:
                break
        out.append("\n\n".join(kept))
        if len(out) >= n:
            break
    return out


def measure(texts: list[str], warm: list[str]) -> dict[str, float]:
    from dateline.analyze import analyze
    from dateline.analyze import nlp as nlp_module
    from dateline.analyze.attribution.quotes import paragraph_spans
    from dateline.model import Reading, Source

    bare = nlp_module.load()  # the components dateline runs (lemmatizer off), on their own

    def readings(ts):
        return [Reading(id=str(i), source=Source(), text=t, paragraphs=paragraph_spans(t, None))
                for i, t in enumerate(ts)]

    list(bare.pipe(warm))
    list(analyze(readings(warm)))

    t0 = time.process_time()
    for _ in bare.pipe(texts, batch_size=32):
        pass
    spacy_cpu = time.process_time() - t0

    # the whole `dateline read` path: a JSON Lines file of plain-text pages is ingested,
    # extracted and analysed, as `dateline read --json pages.jsonl` does (output aside)
    import tempfile

    from dateline.run import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.jsonl"
        with pages.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"doc{i}", "text": t, "published": "2024-11-30"}) + "\n")
        t0 = time.process_time()
        done = list(read_inputs([str(pages)]))
        ours_cpu = time.process_time() - t0
    errors = sum(r.error is not None for r in done)
    claims = sum(len(r.claims) for r in done)
    return {"spacy": len(texts) / spacy_cpu, "dateline": len(texts) / ours_cpu,
            "errors": errors, "claims": claims}


STAGES = ("language", "entities", "attribution", "cue model", "time", "events")
#: spaCy's parse of the titles and captions, made inside the analysis (events of the title): a
#: parse, not our rules, so counted apart and with the parse
FIELD_PARSE = "title parse"


def rules_cost(readings: list, warm: list) -> dict[str, float]:
    """CPU seconds of the parse of the readings and of each stage of their analysis on it."""
    import copy

    from dateline import analyze as analysis
    from dateline.analyze import attribution, entities, events, timex
    from dateline.analyze import nlp as nlp_module
    from dateline.analyze.attribution import cue_model

    nlp = nlp_module.load(analysis.UNUSED_COMPONENTS)
    spent = dict.fromkeys(STAGES + (FIELD_PARSE,), 0.0)
    depth = [0]

    def timed(stage, fn):
        def run(*a, **k):
            if depth[0]:  # a stage inside another counts in the outer one (story_anchor in attribution…)
                return fn(*a, **k)
            depth[0] += 1
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[stage] += time.process_time() - t
                depth[0] -= 1
        return run

    def scored(fn):  # the learned model's share, counted inside attribution as well
        def run(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent["cue model"] += time.process_time() - t
        return run

    patched = [(analysis, "pipeline_language", "language"), (entities, "find_entities", "entities"),
               (attribution, "attribute", "attribution"), (analysis, "document_date", "time"),
               (timex, "find_timexes", "time"), (analysis, "_field_timexes", "time"),
               (events, "find_events", "events"), (analysis, "_field_events", "events")]
    saved = [(mod, name, getattr(mod, name)) for mod, name, _ in patched] + [(cue_model, "probability", cue_model.probability)]
    try:
        for mod, name, stage in patched:
            setattr(mod, name, timed(stage, getattr(mod, name)))
        cue_model.probability = scored(cue_model.probability)
        for r in copy.deepcopy(warm):
            analysis.analyze_one(r, None, analysis.pipeline_language(r))
        for k in spent:
            spent[k] = 0.0
        todo = copy.deepcopy(readings)
        t0 = time.process_time()
        docs = list(nlp.pipe((r.text for r in todo), batch_size=analysis.BATCH_SIZE))
        parse = time.process_time() - t0
        whole_pipe = nlp.pipe

        def field_pipe(texts, *a, **k):  # the analysis parses titles and captions with the same pipeline
            t = time.process_time()
            out = list(whole_pipe(texts, *a, **k))
            spent[FIELD_PARSE] += time.process_time() - t
            return iter(out)

        nlp.pipe = field_pipe
        t0 = time.process_time()
        for r, doc in zip(todo, docs):
            analysis.analyze_one(r, doc, analysis.pipeline_language(r))
        total = time.process_time() - t0
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)
        nlp.__dict__.pop("pipe", None)
    return {"parse": parse, "analysis": total, **spent}


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def read_command(texts: list[str], workers: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds of the whole process tree (the command and its workers) of
    `dateline read --json --workers N` on the texts."""
    import resource
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.jsonl"
        with pages.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"doc{i}", "text": t, "published": "2024-11-30"}) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dateline", "read", "--json", "--workers", str(workers), str(pages)],
                       stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers are waited for by the command
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu


def _extracted(texts: list[str]) -> list:
    """The pages as `dateline read` extracts them (no analysis), the input of `rules_cost`."""
    import tempfile

    from dateline.run import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.jsonl"
        pages.write_text("".join(json.dumps({"id": f"doc{i}", "text": t, "published": "2024-11-30"}) + "\n"
                                 for i, t in enumerate(texts)), encoding="utf-8")
        return list(read_inputs([str(pages)], analyze=False))


def _warm_readings(warm: list[str]) -> list:
    from dateline.analyze.attribution.quotes import paragraph_spans
    from dateline.model import Reading, Source

    return [Reading(id=f"w{i}", source=Source(), text=t, paragraphs=paragraph_spans(t, None))
            for i, t in enumerate(warm)]


def _rules_share(r: dict[str, float]) -> float:
    """Our rules over the parse in one `rules_cost` run (the titles' parse counted with the parse)."""
    return (r["analysis"] - r["language"] - r["cue model"] - r[FIELD_PARSE]) / (r["parse"] + r[FIELD_PARSE])


def rules_only(args, texts: list[str], source: str) -> int:
    """`rules_cost` alone, each run in a fresh process; with ``--before``, interleaved with the same
    run on another source tree (B A B A …), so that the load of the machine falls on both alike."""
    import os
    import subprocess
    import sys

    sides = [("before", Path(args.before).resolve())] if args.before else []
    sides.append(("after" if args.before else "this tree", ROOT / "src"))
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in sides}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--rules-run", "--docs", str(args.docs)]
    cmd += ["--synthetic"] if args.synthetic or not args.aeb else ["--aeb", str(args.aeb)]
    for _ in range(max(1, args.repeats)):
        for name, src in sides:
            env = dict(os.environ, PYTHONPATH=str(src))
            out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
            runs[name].append(json.loads(out.strip().splitlines()[-1]))
    n = len(runs[sides[0][0]])
    print(f"our rules beside the parse: {len(texts)} {source}; CPU s, median of {n} runs, one fresh process a run"
          + (", the two trees interleaved" if args.before else ""))
    cols = ("parse", "entities", "attribution", "cue model", "time", "events", FIELD_PARSE)
    print(f"{'tree':<10} " + " ".join(f"{c:>11}" for c in cols) + f" {'rules/parse':>11}  (each run)")
    for name, _ in sides:
        rs = runs[name]
        shares = [_rules_share(r) for r in rs]
        print(f"{name:<10} " + " ".join(f"{median([r[c] for r in rs]):11.3f}" for c in cols)
              + f" {median(shares):11.3f}  ({', '.join(f'{x:.3f}' for x in shares)})")
    print("rules/parse: the analysis less language detection and the cue model's scoring (learned models) "
          "and less the titles' parse, over the parse with it; target <= 0.10")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--aeb", type=Path, default=AEB if AEB.exists() else None)
    ap.add_argument("--synthetic", action="store_true", help="use the synthetic articles even when AEB is present")
    ap.add_argument("--repeats", type=int, default=3, help="interleaved runs of each side (the median is reported)")
    ap.add_argument("--workers", type=int, default=0, help="also time `dateline read --workers N` against 1 worker")
    ap.add_argument("--passes", type=int, default=1,
                    help="with --workers: each text that many times in one input (a longer batch, as a day's "
                         "pages are; the start-up is paid once)")
    ap.add_argument("--workers-only", action="store_true",
                    help="with --workers: only the whole commands, one worker against N (no parse comparison)")
    ap.add_argument("--rules-only", action="store_true",
                    help="only our rules' cost beside the parse, each of --repeats runs in a fresh process")
    ap.add_argument("--before", type=Path, metavar="SRC",
                    help="with --rules-only: also run another source tree (its src/ folder), interleaved")
    ap.add_argument("--rules-run", action="store_true", help=argparse.SUPPRESS)  # one run, JSON out
    args = ap.parse_args(argv)
    if args.aeb and not args.synthetic:
        texts, source = aeb_texts(args.aeb, args.docs), f"AEB ground truth ({args.aeb})"
    else:
        texts, source = synthetic(args.docs), "synthetic articles"
    warm = synthetic(4, seed=99)
    if args.rules_run:
        print(json.dumps(rules_cost(_extracted(texts), _warm_readings(warm))))
        return 0
    if args.rules_only:
        return rules_only(args, texts, source)
    words = sum(len(t.split()) for t in texts) / max(len(texts), 1)
    if args.workers_only and args.workers > 1:
        print(f"read --workers: {len(texts)} {source}, {words:.0f} words each on average"
              + (f", each read {args.passes} times in one input ({len(texts) * args.passes} pages)" if args.passes > 1 else "")
              + f"; median of {max(1, args.repeats)} interleaved runs")
        return workers_table(args, texts)
    runs = [measure(texts, warm) for _ in range(max(1, args.repeats))]  # each run: both sides in turn
    m = {k: median([r[k] for r in runs]) for k in ("spacy", "dateline")}
    ratio = m["dateline"] / m["spacy"]
    print(f"throughput: {len(texts)} {source}, {words:.0f} words each on average; median of {len(runs)} interleaved runs")
    print(f"{'system':<36} {'docs/CPU-s':>11} {'ratio':>6}")
    print(f"{'spaCy, same components (nlp.pipe)':<36} {m['spacy']:11.2f} {1.0:6.2f}")
    print(f"{'dateline read (jsonl → reading)':<36} {m['dateline']:11.2f} {ratio:6.2f}   "
          f"({runs[0]['claims']} claims, {runs[0]['errors']} errors; target >= 0.70)")
    extracted, warm_readings = _extracted(texts), _warm_readings(warm)
    costs = [rules_cost(extracted, warm_readings) for _ in range(max(1, args.repeats))]
    c = {k: median([r[k] for r in costs]) for k in costs[0]}
    learned = median([r["language"] + r["cue model"] for r in costs])
    ours = median([r["analysis"] - r["language"] - r["cue model"] for r in costs])
    # the titles' parse (inside the events stage) is spaCy's too: out of our rules, into the parse
    share = median([_rules_share(r) for r in costs])
    print(f"our rules beside the parse (CPU s of the {len(texts)} pages, median of {len(costs)} runs): "
          f"parse {c['parse']:.2f}, analysis after it {c['analysis']:.2f}")
    print("  " + ", ".join(f"{k} {c[k]:.3f}" for k in STAGES)
          + f"; other {median([r['analysis'] - sum(r[k] for k in STAGES if k != 'cue model') for r in costs]):.3f}")
    print(f"{'our rules / parse':<36} {ours / c['parse']:11.3f}          "
          f"(the analysis less the learned models, {learned:.2f} s; target <= 0.10)")
    print(f"{'our rules / parse, titles parse apart':<36} {share:11.3f}          "
          f"(the titles' spaCy parse, {c[FIELD_PARSE]:.3f} s, counted with the parse, not our rules)")
    if args.workers > 1:
        workers_table(args, texts)
    return 0


def workers_table(args, texts: list[str]) -> int:
    """`dateline read --workers 1` against ``--workers N``: whole commands, interleaved. A
    one-page command in the same rounds measures the start-up (imports, the pipeline and the rules
    loaded once, before any worker forks), which a longer input pays once: the reading ratio is
    the two runs less that start-up, what a day's worth of pages would see."""
    import compileall

    # the package's modules byte-compiled first, as an installed wheel's are (an editable install
    # under PYTHONDONTWRITEBYTECODE compiles every module of dateline from source at each start)
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    texts = texts * max(1, args.passes)  # a longer batch: each text again (ids differ), start-up paid once
    one, many, start = [], [], []
    for _ in range(max(1, args.repeats)):
        start.append(read_command(texts[:1], 1))
        one.append(read_command(texts, 1))
        many.append(read_command(texts, args.workers))
    a, b = median([w for w, _ in one]), median([w for w, _ in many])
    ca, cb = median([c for _, c in one]), median([c for _, c in many])
    s = median([w for w, _ in start])
    print(f"{'dateline read --workers 1 (command)':<36} {len(texts) / a:11.2f} {1.0:6.2f}   "
          f"(docs per wall-second; {ca:.1f} CPU s, whole process tree)")
    print(f"{f'dateline read --workers {args.workers} (command)':<36} {len(texts) / b:11.2f} {a / b:6.2f}   "
          f"(target >= 1.70 with 2 workers on 2 cores; {cb:.1f} CPU s, whole process tree)")
    if a > s and b > s:
        print(f"{'start-up (a one-page command)':<36} {s:11.2f} s      "
              f"(reading alone, both runs less it: {(a - s) / (b - s):.2f}x; the whole-command ceiling "
              f"with perfect reading scaling: {a / (s + (a - s) / args.workers):.2f}x)")
    import os

    print(f"load average at the end: {os.getloadavg()[0]:.1f} (the wall ratio needs idle cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
