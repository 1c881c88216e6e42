"""Entities across a corpus: junk share, one entity per person, no wrong merges, languages.

    python bench/entities.py [--aeb PATH/html] [--docs N]

1. Ingests the AEB pages (../shared/bench/aeb/html, 181 pages, several languages) into a new
   store, one worker, and reports entities per document and the share of entities that fall in
   a junk class of bench/entity_junk.py (a checker written apart from the filter; see there).
   Anchor, same pages, same run: the bare spaCy tagger's entities of the same article texts
   (every page through the English pipeline, as dateline did before languages were detected).
2. People named in several documents under several forms: for every family name whose full
   forms in the corpus all share one first name (one person, by this bench's own reckoning),
   seen in 2+ documents under 2+ spellings, the number of corpus entities its mentions went to
   (target 1). Anchor: exact-name matching (the distinct normalised spellings).
3. Same-surname pairs: tests/fixtures/entities/same_surnames.jsonl (the project's own pages,
   each saying who is who) ingested into a store of their own: persons split, wrong merges.
4. Languages detected, and pages skipped for want of a pipeline.

The AEB pages were looked at while the repair rules were written: figures 1–2 are on data the
rules were tuned on. Figure 3 is on pages written for this purpose.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from entity_junk import junk_class  # noqa: E402

AEB = ROOT.parent / "shared" / "bench" / "aeb" / "html"
FIXTURE = ROOT / "tests" / "fixtures" / "entities" / "same_surnames.jsonl"
KEPT = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")
_TITLE = {"president", "mr", "mrs", "ms", "dr", "sen", "senator", "gov", "governor", "rep",
          "secretary", "minister", "prime", "foreign", "former", "vice", "u", "s", "us"}


def _key(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name.casefold())
    words = re.findall(r"[a-z]+", "".join(c for c in text if not unicodedata.combining(c)))
    while len(words) > 1 and words[0] in _TITLE:
        words = words[1:]
    kept = [w for w in words if len(w) > 1 and w not in ("jr", "sr")]
    return kept if len(kept) >= 2 or len(words) < 2 else words


def _ingest(paths: list[str], db: Path) -> float:
    from dateline import Corpus

    t0 = time.process_time()
    with Corpus(str(db)) as corpus:
        corpus.ingest(paths, workers=1)
    return time.process_time() - t0


def _junk(entities: list[dict]) -> tuple[int, Counter]:
    classes = Counter(c for e in entities if (c := junk_class(e)))
    return len(entities), classes


def _bare_tagger(texts: list[str]) -> list[dict]:
    from dateline.analyze import nlp as nlp_module

    nlp = nlp_module.load(("lemmatizer",))
    out = []
    for doc in nlp.pipe(texts, batch_size=32):
        seen = set()
        for span in doc.ents:
            name = re.sub(r"^(the|The)\s+", "", span.text)  # as dateline did before these rules
            if span.label_ in KEPT and (name, span.label_) not in seen:
                seen.add((name, span.label_))
                out.append({"name": name, "type": span.label_})
    return out


def _several_forms(conn: sqlite3.Connection) -> tuple[list[tuple[str, int, int, int]], int]:
    """(surname, documents, corpus entities, distinct spellings) for one-person surnames: every
    family name whose full forms all share one first name, seen in 2+ documents under 2+ forms
    (the readings' names and aliases)."""
    forms: dict[str, set[str]] = defaultdict(set)
    firsts: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    ids: dict[str, set[int]] = defaultdict(set)
    local = {}
    for doc, reading in conn.execute("SELECT id, reading FROM documents"):
        for e in json.loads(reading).get("entities") or []:
            local[(doc, e["id"])] = [e["name"], *e.get("aliases", [])]
    rows = conn.execute("SELECT document_id, local_id, entity_id FROM document_entities WHERE type = 'PERSON'").fetchall()
    for doc, lid, eid in rows:
        # every form the reading saw; a bare surname counts for the full name it is the end of
        names = local.get((doc, lid), [])
        full = [w for w in (_key(n) for n in names) if len(w) >= 2]
        for name in names:
            words = _key(name)
            if not words:
                continue
            surname = full[0][-1] if len(words) == 1 and full and full[0][-1] == words[0] else words[-1]
            if len(words) >= 2:
                firsts[surname].add(words[0])
            forms[surname].add(name)
            docs[surname].add(doc)
            ids[surname].add(eid)
    out = []
    for surname, d in docs.items():
        if len(d) >= 2 and len(forms[surname]) >= 2 and len(firsts[surname]) == 1:
            out.append((surname, len(d), len(ids[surname]), len({" ".join(_key(f)) for f in forms[surname]})))
    out.sort(key=lambda r: (-r[1], r[0]))
    return out, len(out)


def _same_surnames(db: Path) -> tuple[int, int, int]:
    """(people, people split over 2+ entities, entities holding 2+ people) on the fixture."""
    pages = {json.loads(x)["id"]: json.loads(x)["people"] for x in FIXTURE.read_text().splitlines()}
    conn = sqlite3.connect(db)
    who_ids: dict[str, set[int]] = defaultdict(set)
    id_whos: dict[int, set[str]] = defaultdict(set)
    for doc, name, eid in conn.execute("SELECT document_id, name, entity_id FROM document_entities WHERE type = 'PERSON'"):
        who = pages[doc].get(name)
        if who:
            who_ids[who].add(eid)
            id_whos[eid].add(who)
    people = {w for p in pages.values() for w in p.values()}
    split = sum(1 for w in people if len(who_ids.get(w, ())) != 1)
    wrong = sum(1 for ws in id_whos.values() if len(ws) > 1)
    return len(people), split, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aeb", type=Path, default=AEB)
    ap.add_argument("--docs", type=int, default=0, help="only the first N pages (0: all)")
    args = ap.parse_args()
    if not args.aeb.is_dir():
        sys.exit(f"no AEB pages at {args.aeb}")
    paths = sorted(str(p) for p in args.aeb.iterdir() if p.name.endswith((".html", ".html.gz")))
    if args.docs:
        paths = paths[: args.docs]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "aeb.db"
        cpu = _ingest(paths, db)
        conn = sqlite3.connect(db)
        readings = [json.loads(r[0]) for r in conn.execute("SELECT reading FROM documents")]
        ents = [e for r in readings for e in r.get("entities") or []]
        n_docs = len(readings)
        n, junk = _junk(ents)
        texts = [r["text"] for r in readings if r.get("text")]
        bare = _bare_tagger(texts)
        bn, bjunk = _junk(bare)
        people, n_people = _several_forms(conn)
        langs = Counter(r.get("language") or "none" for r in readings)
        skipped = sum(1 for r in readings if (r.get("analysis") or "").startswith("skipped"))
        corpus_people = conn.execute("SELECT count(*) FROM entities WHERE type = 'PERSON'").fetchone()[0]
        fx_db = Path(tmp) / "fixture.db"
        _ingest([str(FIXTURE)], fx_db)
        fx_people, fx_split, fx_wrong = _same_surnames(fx_db)

    print(f"AEB html pages: {n_docs} documents, ingest {cpu:.1f} CPU-s (one worker)\n")
    print("| measure | bare spaCy tagger | dateline |")
    print("|---|---|---|")
    print(f"| entities per document | {bn / max(1, len(texts)):.1f} | {n / max(1, n_docs):.1f} |")
    print(f"| junk share (bench/entity_junk.py) | {sum(bjunk.values()) / max(1, bn):.1%} ({sum(bjunk.values())}/{bn}) "
          f"| {sum(junk.values()) / max(1, n):.1%} ({sum(junk.values())}/{n}) |")
    one = sum(1 for p in people if p[2] == 1)
    spellings = sum(p[3] for p in people)
    print(f"| people in 2+ documents under 2+ forms ({n_people}): entities for them | "
          f"{spellings} (exact spellings) | {sum(p[2] for p in people)} ({one} of {n_people} one entity) |")
    print(f"| same-surname fixture: people / split / wrong merges | – | {fx_people} / {fx_split} / {fx_wrong} |")
    print(f"| pages skipped for their language | 0 (all through English) | {skipped} |")
    print()
    print("junk classes, dateline:", dict(junk.most_common()))
    print("junk classes, bare tagger:", dict(bjunk.most_common()))
    print("languages:", dict(langs.most_common()))
    print("corpus PERSON entities:", corpus_people)
    print("people under several forms (surname, documents, entities, spellings):",
          ", ".join(f"{s} {d}/{e}/{k}" for s, d, e, k in people[:15]))
    print("of them split over several entities:", ", ".join(f"{s} {d}/{e}/{k}" for s, d, e, k in people if e > 1) or "none")


if __name__ == "__main__":
    main()
