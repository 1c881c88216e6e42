"""PLOVER events: dateline's event finder beside two naive baselines, same sentences, same run.

    python bench/events.py [--data PATH/plover_gsr_dev.jsonl]

Data: the PLOVER gold standard records (../shared/bench/plover/, see its README): one sentence,
its PLOVER type (or none) and its actors. Per sentence:

- type found: some predicted event has the gold type (a sentence without a gold event counts
  when nothing is predicted);
- actor right: some predicted event of the gold type has an actor whose words (its text, or the
  name of the entity it points to) share a content word with a gold actor;
- main event right: the sentence's main predicted event (dateline's ``rank`` 1, the first by
  position where a text has several sentences; a baseline's only event) has the gold type, or
  nothing is predicted for a sentence without a gold event. Stricter than "type found", which
  surplus events inflate;
- precision: the share of all predicted events whose type is the sentence's gold type.

Gold types follow PLOVER's own manual: its ACCUSE "merges in the older DISAPPROVE and
INVESTIGATE categories" (PLOVER_MANUAL.tex, draft 0.7b1; CAMEO2PLOVER-2021.txt maps CAMEO 09,
investigate, to ACCUSE), so a record coded INVESTIGATE (``event_v0_5b1``), which the data's
``event_current_plover`` leaves without a type, is an ACCUSE here. ``--labels data`` scores
against the data's field as it is; the table also gives dateline's halves that way.

The sentences are split in two halves by position (even: "tune", odd: "check"): rules may be
written looking at the tune half, and the check half is reported apart, as the nearest thing
to unseen sentences this data allows (the lexicon was first written looking at all of it: see
BENCHMARKS.md).

Baselines: "most frequent type" predicts the commonest gold type for every sentence, with the
first named entity as actor; "first lexicon verb" takes the first verb of the sentence found in
dateline's verb lexicon, with its grammatical subject as actor. Exits 0 when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "plover" / "plover_gsr_dev.jsonl"
sys.path.insert(0, str(ROOT / "src"))

_STOP = {"the", "a", "an", "of", "'s", "’s", "and", "in", "on", "for", "to", "s"}


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[\w']+", (text or "").lower()) if w not in _STOP}


def _gold_actors(row: dict) -> list[set[str]]:
    actors = row.get("actor") or []
    return [_words(a.get("actorText")) for a in actors if isinstance(a, dict) and a.get("actorText")]


def ours(rows: list[dict], docs: list) -> list[list[tuple[str, set[str]]]]:
    from dateline.analyze import analyze_one
    from dateline.model import Reading, Source

    out = []
    for row, doc in zip(rows, docs):
        r = analyze_one(Reading(id=row["id"], source=Source(), text=row["text"],
                                paragraphs=[(0, len(row["text"]))]), doc)
        names = {e["id"]: " ".join([e["name"], *e["aliases"]]) for e in r.entities}
        preds = []
        # main event first: the lowest rank, then the earliest (a text may hold several sentences)
        for ev in sorted(r.events, key=lambda e: (e.get("rank", 1), e["trigger_span"][0])):
            words = _words(ev["actor_text"])
            for eid in ev.get("actors") or []:
                words |= _words(names.get(eid))
            preds.append((ev["type"], words))
        out.append(preds)
    return out


def most_frequent(rows: list[dict], docs: list) -> list[list[tuple[str, set[str]]]]:
    common = Counter(r["event_current_plover"] for r in rows if r["event_current_plover"]).most_common(1)[0][0]
    return [[(common, _words(doc.ents[0].text) if doc.ents else set())] for doc in docs]


def first_verb(rows: list[dict], docs: list) -> list[list[tuple[str, set[str]]]]:
    from dateline.analyze.events import _tables

    verb_lemma, verb_type, _, _ = _tables()
    out = []
    for doc in docs:
        pred = []
        for tok in doc:
            lemma = verb_lemma.get(tok.lower_)
            if tok.pos_ == "VERB" and lemma in verb_type:
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                words = _words(" ".join(t.text for t in subj[0].subtree)) if subj else set()
                pred = [(verb_type[lemma], words)]
                break
        out.append(pred)
    return out


def gold_type(row: dict, labels: str = "plover") -> str | None:
    """The sentence's gold PLOVER type: the data's ``event_current_plover``, and with
    ``labels="plover"`` an INVESTIGATE record as ACCUSE, as PLOVER's manual has it."""
    if labels == "plover" and row.get("event_v0_5b1") == "INVESTIGATE":
        return "ACCUSE"
    return row["event_current_plover"]


def score(rows: list[dict], preds: list[list[tuple[str, set[str]]]],
          labels: str = "plover") -> tuple[float, float, float, float, float]:
    """(type found, main event right, actor right, precision, events per sentence); each
    sentence's predictions come main event first."""
    found = main = actor = right_events = n_events = 0
    for row, pred in zip(rows, preds):
        gold = gold_type(row, labels)
        n_events += len(pred)
        right_events += sum(t == gold for t, _ in pred)
        if gold is None:
            found += not pred
            main += not pred
            actor += not pred
            continue
        typed = [w for t, w in pred if t == gold]
        found += bool(typed)
        main += bool(pred) and pred[0][0] == gold
        gold_actors = _gold_actors(row)
        actor += any(w & g for w in typed for g in gold_actors) if gold_actors else bool(typed)
    n = len(rows)
    return found / n, main / n, actor / n, (right_events / n_events if n_events else 0.0), n_events / n


def write_errors(path: Path, rows: list[dict], preds: list[list[tuple[str, set[str]]]],
                 labels: str = "plover") -> None:
    with path.open("w", encoding="utf-8") as out:
        for row, pred in zip(rows, preds):
            gold = gold_type(row, labels)
            if [t for t, _ in pred] != ([gold] if gold else []):
                out.write(json.dumps({"gold": gold, "actors": [sorted(a) for a in _gold_actors(row)],
                                      "pred": [[t, sorted(w)] for t, w in pred], "text": row["text"]}) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=Path, help="write dateline's misses and surplus events on the tune half here")
    ap.add_argument("--labels", choices=("plover", "data"), default="plover",
                    help="gold types as PLOVER's manual has them (INVESTIGATE is ACCUSE; default) or the data's field")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"events: {args.data} is absent; nothing to measure")
        return 0
    from dateline.analyze import UNUSED_COMPONENTS
    from dateline.analyze import nlp as nlp_module

    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = nlp_module.load(UNUSED_COMPONENTS)
    docs = list(nlp.pipe(r["text"] for r in rows))
    print(f"events: PLOVER gold standard records, {len(rows)} sentences "
          f"({sum(gold_type(r, args.labels) is None for r in rows)} without an event; gold types: {args.labels})")
    print(f"{'system':<44} {'type found':>10} {'main event right':>16} {'actor right':>11} {'precision':>9} "
          f"{'events/sent':>11} {'sent/CPU-s':>10}")
    for name, fn in (("dateline events", ours), ("first lexicon verb", first_verb),
                     ("most frequent type", most_frequent)):
        t0 = time.process_time()
        preds = fn(rows, docs)
        cpu = time.process_time() - t0
        halves = [("", list(range(len(rows))))]
        if fn is ours:
            halves += [(" (tune half)", list(range(0, len(rows), 2))), (" (check half)", list(range(1, len(rows), 2)))]
            if args.errors:
                write_errors(args.errors, [rows[i] for i in halves[1][1]], [preds[i] for i in halves[1][1]],
                             args.labels)
        other = "data" if args.labels == "plover" else "plover"
        for label, idx, labels in [(lb, ix, args.labels) for lb, ix in halves] + \
                [(f"{lb} ({other} labels)", ix, other) for lb, ix in halves[1:]]:
            found, main, actor, precision, per = score([rows[i] for i in idx], [preds[i] for i in idx], labels)
            print(f"{name + label:<44} {found:10.3f} {main:16.3f} {actor:11.3f} {precision:9.3f} {per:11.2f} "
                  f"{len(rows) / cpu if cpu else 0:10.0f}")
    print("(targets for dateline: type found >= 0.70, actor right >= 0.60, precision >= 0.70 at about one event"
          " per sentence; the parse is shared and not timed; dateline's time includes entities, claims and"
          " time expressions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
