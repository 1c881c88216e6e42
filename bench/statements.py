"""Statement grouping: precision and recall on wire copies made by rule, and what it adds to ingest.

    python bench/statements.py [--articles 2000] [--repeats 3] [--workers 1] [--keep DIR]

The corpus is made here from the PolNeAR texts in ../shared/bench/polnear (train and dev; read,
never copied into the project): each text is a wire story of its own, published by one of four
made-up agencies on a day of its own (spread over three years, a few a day), and some get copies,
made by rule, printed by made-up outlets 1–72 hours later: the end trimmed, a middle paragraph
dropped, qualifiers dropped from up to three paragraphs ("also", "very", "still"…, quotes
included), the last sentence of a paragraph cut (a quote cut short), a dateline and a credit
line added, the headline changed. Copy counts are drawn so that about 45%
of the stories have none. The copies are built from pieces of their story, with a map of where
each character came from, so the truth is known: a claim in a copy is the story's claim whose cue
its own cue maps onto (else a statement of its own).

Every page is read with the full pipeline (clean bodies, so offsets are exact), then stored with
``Corpus.add`` into fresh stores, ``--repeats`` times, interleaved: with statement grouping and
without it (link_statements replaced by a no-op). Reported:

- pairwise and B-cubed precision and recall of the statements over all claims (headline claims
  aside), beside the anchor: claims grouped when their speaker's words and content are the same
  string (what counting "exact copies" gives);
- CPU seconds of reading (extract + analyse, once), of storing without grouping and with it
  (medians), and the ratio grouping / (reading + storing): the share of ingest time grouping adds.
  Targets: precision >= 0.98, recall >= 0.95, added time < 15%.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
POLNEAR = ROOT.parent / "shared" / "bench" / "polnear"

AGENCIES = ("Meridian Wire", "Continental Press", "Harbor News Agency", "Atlas Newswire")
OUTLETS = ("The Lakeside Courier", "Northern Observer", "Valley Gazette", "The Daily Ledger", "Coastal Times",
           "Riverside Herald", "The Evening Post", "Metro Tribune", "The Highland Journal", "Bay City Record",
           "The Plains Sentinel", "Harbour Chronicle")
CITIES = ("WASHINGTON", "NEW YORK", "DES MOINES", "MANCHESTER", "CHICAGO", "DENVER")
QUALIFIERS = ("also", "very", "still", "just", "really", "largely", "certainly", "probably", "even")


class Built:
    """A text made of pieces of a source text and new words, with the map back to the source."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []   # where each piece starts in the built text
        self.origins: list[int | None] = []  # where it starts in the source (None: new words)
        self.length = 0

    def add(self, text: str, origin: int | None) -> None:
        if not text:
            return
        self.starts.append(self.length)
        self.origins.append(origin)
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)

    def source_offset(self, at: int) -> int | None:
        i = bisect.bisect_right(self.starts, at) - 1
        if i < 0 or self.origins[i] is None:
            return None
        return self.origins[i] + (at - self.starts[i])  # type: ignore[operator]


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            out.append((pos, pos + len(part)))
        pos += len(part) + 2
    return out


def make_copy(text: str, rnd: random.Random, agency: str) -> tuple[str, Built]:
    """One copy of a story by rule; returns the copy's text and its map."""
    paras = paragraphs(text)
    keep = list(range(len(paras)))
    if len(keep) > 4 and rnd.random() < 0.6:  # the end trimmed
        keep = keep[: max(3, int(len(keep) * rnd.uniform(0.6, 0.95)))]
    if len(keep) > 5 and rnd.random() < 0.3:  # a middle paragraph dropped
        keep.pop(rnd.randrange(2, len(keep) - 1))
    # qualifiers dropped in up to three paragraphs; the last sentence of one paragraph cut
    edits = set(rnd.sample(keep[1:], min(3, len(keep) - 1))) if len(keep) > 1 and rnd.random() < 0.6 else set()
    cut_one = rnd.choice(keep[1:]) if len(keep) > 1 and rnd.random() < 0.4 else None
    b = Built()
    head = text[paras[0][0]:paras[0][0] + 60]
    if rnd.random() < 0.5 and " - " not in head and "(" not in head:  # a dateline, where the story has none
        b.add(f"{rnd.choice(CITIES)} ({agency}) - ", None)
    for n, i in enumerate(keep):
        s, e = paras[i]
        if n:
            b.add("\n\n", None)
        if i == cut_one:
            ends = [m.end() for m in re.finditer(r"[.!?][\"”’]?\s+(?=[\"“A-Z])", text[s:e])]
            if ends:
                e = s + ends[-1]  # the paragraph's last sentence left out (a quote cut short)
                while e > s and text[e - 1] == " ":
                    e -= 1
        pos = s
        if i in edits:
            words = [(m, w) for m, w in _words(text, s, e) if w.lower() in QUALIFIERS]
            for at, w in words[:2]:
                b.add(text[pos:at], pos)
                pos = at + len(w) + (1 if at + len(w) < e and text[at + len(w)] == " " else 0)
        b.add(text[pos:e], pos)
    if rnd.random() < 0.3:
        b.add(f"\n\nReporting by {rnd.choice(('Ana Ruiz', 'Tom Becker', 'Lena Park'))}; editing by Sam Holt", None)
    return b.text(), b


def _words(text: str, s: int, e: int):
    for m in re.finditer(r"[A-Za-z]+", text[s:e]):
        yield s + m.start(), m.group()


def corpus(n_articles: int, seed: int = 14):
    """(pages, families): pages as dicts; families[doc] = (story id, Built map or None for the story)."""
    texts = []
    for name in ("train.jsonl", "dev.jsonl"):
        with open(POLNEAR / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh]
    rnd = random.Random(seed)
    rnd.shuffle(texts)
    pages, families = [], {}
    start = dt.datetime(2016, 1, 4, 6, 0, tzinfo=dt.timezone.utc)
    i = 0
    while len(pages) < n_articles and i < len(texts):
        text = "\n\n".join(p.strip() for p in texts[i].split("\n\n") if p.strip())
        story = f"story{i:04d}"
        i += 1
        title, _, body = text.partition("\n\n")
        if len(title.split()) > 25 or not body:
            title, body = " ".join(text.split()[:10]), text
        agency = rnd.choice(AGENCIES)
        when = start + dt.timedelta(days=rnd.randrange(0, 3 * 365), hours=rnd.randrange(0, 8))
        pages.append({"id": story, "text": body, "title": title, "publisher": agency,
                      "url": f"https://{agency.lower().replace(' ', '-')}.example/{story}",
                      "published": when.isoformat()})
        families[story] = (story, None)
        copies = rnd.choices((0, 1, 2, 3, 4, 6), weights=(45, 15, 12, 12, 8, 8))[0]
        for k in range(copies):
            if len(pages) >= n_articles:
                break
            outlet = rnd.choice(OUTLETS)
            ctext, built = make_copy(body, rnd, agency)
            ctitle = title if rnd.random() < 0.5 else f"{title.rstrip('.')} - {outlet}"
            doc = f"{story}-copy{k}"
            cwhen = when + dt.timedelta(hours=rnd.randrange(1, 72))
            pages.append({"id": doc, "text": ctext, "title": ctitle, "publisher": outlet,
                          "url": f"https://{outlet.lower().replace(' ', '-')}.example/{doc}",
                          "published": cwhen.isoformat()})
            families[doc] = (story, built)
    return pages, families


def read_all(pages):
    from dateline.corpus import process_page
    from dateline.model import Page, Source

    readings = []
    t0 = time.process_time()
    for p in pages:
        page = Page(content=p["text"], source=Source(path="bench", format="jsonl"), content_type="text", id=p["id"],
                    url=p["url"], title=p["title"], published=p["published"], publisher=p["publisher"], is_clean=True)
        readings.append(process_page(page).reading)
    return readings, time.process_time() - t0


def gold(readings, families) -> tuple[dict, list[str]]:
    """claim (doc, id) → its true statement; and notes on what could not be mapped."""
    stories = {r.id: r for r in readings if families[r.id][1] is None}
    notes = Counter()
    out = {}
    for r in readings:
        story, built = families[r.id]
        for c in r.claims:
            if c.get("kind") == "headline" or not c.get("cue_span"):
                continue
            key = (r.id, c["id"])
            if built is None:
                out[key] = (story, c["id"])
                continue
            base = stories.get(story)
            match = _mapped_claim(c, built, base) if base is not None else None
            if match is None:
                notes["copy claims with no story claim at their cue (a statement of their own)"] += 1
                out[key] = key
            else:
                out[key] = (story, match)
    return out, [f"{n} {what}" for what, n in notes.items()]


def _mapped_claim(c, built: Built, base) -> str | None:
    """The story's claim this copy's claim was made from: the one its span, mapped back to the
    story's text, overlaps most (more than half of the shorter), its cue breaking ties."""
    span = c.get("span")
    if not span or span[1] <= span[0]:
        return None
    mapped = [built.source_offset(i) for i in range(span[0], span[1])]
    points = {m for m in mapped if m is not None}
    if not points:
        return None
    cue = built.source_offset(c["cue_span"][0])
    best, best_key = None, (0, False)
    for bc in base.claims:
        bs = bc.get("span")
        if bc.get("kind") == "headline" or not bs:
            continue
        overlap = sum(1 for m in points if bs[0] <= m < bs[1])
        if overlap * 2 <= min(len(points), bs[1] - bs[0]):
            continue
        cs = bc.get("cue_span") or [0, 0]
        key = (overlap, cue is not None and cs[0] <= cue < cs[1])
        if key > best_key:
            best, best_key = bc["id"], key
    return best


def pairwise(pred: dict, truth: dict) -> dict[str, float]:
    keys = [k for k in truth if k in pred]
    cells = Counter((pred[k], truth[k]) for k in keys)
    p_sizes = Counter(pred[k] for k in keys)
    g_sizes = Counter(truth[k] for k in keys)
    pairs = lambda n: n * (n - 1) // 2  # noqa: E731
    tp = sum(pairs(n) for n in cells.values())
    pp = sum(pairs(n) for n in p_sizes.values())
    gp = sum(pairs(n) for n in g_sizes.values())
    # B-cubed: per claim, the share of its predicted (true) group that is in its true (predicted) one
    bp = statistics.fmean(cells[(pred[k], truth[k])] / p_sizes[pred[k]] for k in keys)
    br = statistics.fmean(cells[(pred[k], truth[k])] / g_sizes[truth[k]] for k in keys)
    return {"P": tp / pp if pp else 1.0, "R": tp / gp if gp else 1.0, "B3 P": bp, "B3 R": br,
            "claims": len(keys), "true pairs": gp}


def store(readings, path: Path, grouping: bool) -> tuple[float, dict]:
    """Store the readings in a fresh store; CPU seconds, and claim → statement."""
    import dateline.store.statements as st
    from dateline import Corpus

    real = st.link_statements
    if not grouping:
        st.link_statements = lambda conn, options=None: 0
    try:
        t0 = time.process_time()
        with Corpus(path) as c:
            c.add(readings)
            took = time.process_time() - t0
            conn = c._writable().conn
            pred = {(d, lid): sid for d, lid, sid in conn.execute(
                "SELECT c.document_id, c.local_id, m.statement_id FROM claims c "
                "LEFT JOIN statement_members m ON m.claim_seq = c.seq")}
    finally:
        st.link_statements = real
    return took, pred


def show_errors(pred: dict, truth: dict, readings) -> None:
    claims = {(r.id, c["id"]): c for r in readings for c in r.claims}
    by_pred, by_truth = defaultdict(list), defaultdict(list)
    for k in truth:
        if k in pred:
            by_pred[pred[k]].append(k)
            by_truth[truth[k]].append(k)
    show = lambda k: f"{k[0]}/{k[1]} [{claims[k].get('speaker_text')}] {claims[k].get('content')!r:.120}"  # noqa: E731
    for sid, keys in by_pred.items():
        if len({truth[k] for k in keys}) > 1:
            print("MERGED", sid, *(show(k) + f" truth={truth[k]}" for k in keys), sep="\n  ")
    for t, keys in by_truth.items():
        if len({pred[k] for k in keys}) > 1:
            print("SPLIT", t, *(show(k) + f" pred={pred[k]}" for k in keys), sep="\n  ")


def anchor(readings) -> dict:
    """Exact copies only: the same speaker words and the same content string."""
    out = {}
    for r in readings:
        for c in r.claims:
            out[(r.id, c["id"])] = (" ".join((c.get("speaker_text") or "").lower().split()),
                                    " ".join((c.get("content") or "").split()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--keep", help="a folder to keep the stores in")
    ap.add_argument("--errors", action="store_true", help="print the claims grouped wrongly")
    ap.add_argument("--readings", help="a JSON Lines file of the readings: written after reading, read instead of "
                    "reading again when it exists (its reading CPU seconds are the ones measured then)")
    args = ap.parse_args()
    if not POLNEAR.is_dir():
        sys.exit(f"{POLNEAR} is absent: this benchmark reads the PolNeAR texts")
    pages, families = corpus(args.articles)
    n_copies = sum(1 for d in families.values() if d[1] is not None)
    cache = Path(args.readings) if args.readings else None
    if cache and cache.is_file():
        from dateline.model import Reading

        with open(cache, encoding="utf-8") as fh:
            read_cpu = json.loads(fh.readline())["read_cpu"]
            readings = [Reading.from_dict(json.loads(line)) for line in fh]
    else:
        readings, read_cpu = read_all(pages)
        if cache:
            with open(cache, "w", encoding="utf-8") as fh:
                fh.write(json.dumps({"read_cpu": read_cpu, "articles": len(pages)}) + "\n")
                for r in readings:
                    fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    truth, notes = gold(readings, families)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="dateline-statements-"))
    folder.mkdir(parents=True, exist_ok=True)
    with_t, without_t, pred = [], [], {}
    for i in range(args.repeats):
        for grouping in ((True, False) if i % 2 == 0 else (False, True)):
            path = folder / f"{'with' if grouping else 'without'}-{i}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            took, got = store(readings, path, grouping)
            (with_t if grouping else without_t).append(took)
            if grouping:
                pred = got
    if args.errors:
        show_errors(pred, truth, readings)
    ours = pairwise(pred, truth)
    base = pairwise(anchor(readings), truth)
    store_with, store_without = statistics.median(with_t), statistics.median(without_t)
    added = max(0.0, store_with - store_without)
    ingest = read_cpu + store_without
    print(f"statements: {len(pages)} articles ({len(pages) - n_copies} stories, {n_copies} copies made by rule), "
          f"{ours['claims']} claims, {ours['true pairs']} true pairs; {args.repeats} interleaved repeats")
    for n in notes:
        print(f"  note: {n}")
    print()
    print(f"{'grouping':<38} {'P':>6} {'R':>6} {'B3 P':>6} {'B3 R':>6}")
    print(f"{'dateline statements':<38} {ours['P']:>6.3f} {ours['R']:>6.3f} {ours['B3 P']:>6.3f} {ours['B3 R']:>6.3f}")
    print(f"{'anchor: same speaker words + content':<38} {base['P']:>6.3f} {base['R']:>6.3f} {base['B3 P']:>6.3f} "
          f"{base['B3 R']:>6.3f}")
    print()
    print(f"{'CPU seconds':<38} {'value':>8}")
    print(f"{'reading (extract + analyse)':<38} {read_cpu:>8.2f}")
    print(f"{'storing, no grouping (median)':<38} {store_without:>8.2f}")
    print(f"{'storing with grouping (median)':<38} {store_with:>8.2f}")
    print(f"{'grouping adds to ingest':<38} {added / ingest:>8.1%}   (target < 15%)")


if __name__ == "__main__":
    main()
