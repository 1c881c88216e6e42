"""`dateline serve` on a large store: the server time of every page and JSON endpoint.

    python bench/web.py [--articles 20000] [--store /tmp/dateline-web-20000.db] [--samples 20] [--repeats 3]

The store is made here once (kept at ``--store`` and reused): synthetic articles from
bench/scale.py's generator (made-up words, a day advancing every 300 articles, 40 outlets; every tenth article
a copy of the one before, printed by another outlet),
each with four attributed claims by speakers drawn Zipf-wise from 400 made-up people (a
third of the claims repeat one of the speaker's recent statements, so statements have many
carriers), a channel or an addressee now and then, an event and a time expression; stored
through ``Corpus.add`` so linking, groups and statements are the real ones.

Each endpoint is asked for ``--samples`` different ids or queries (the busiest speakers and
random ones, articles, statements with many carriers, stories, search words common and rare,
facets), ``--repeats`` rounds interleaved across endpoints, in process through FastAPI's
TestClient (no network). It prints p50 and p95 of wall and CPU time per endpoint, and p95 CPU
as a ratio to the anchor measured in the same rounds: a static file served by the same app
(the framework's floor). The issue's targets: pages p95 < 300 ms, JSON API p95 < 150 ms.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

AGENCIES = ("AP", "Reuters", "AFP")
CHANNELS = (("interview", "Radio Norden"), ("news conference", None), ("social post", None), ("statement", None))
EVENTS = ("CONSULT", "ACCUSE", "REQUEST", "AGREE", "REJECT", "THREATEN", "SUPPORT")


def readings(n: int, seed: int = 7):
    """The synthetic readings, one by one (same seed, same store)."""
    import datetime as dt

    from scale import Generator

    from dateline.model import Reading

    gen = Generator()
    rnd = random.Random(seed)
    people = []
    while len(people) < 400:
        name = " ".join(rnd.choice(gen.words[:3000]).capitalize() for _ in range(2))
        if name not in people:
            people.append(name)
    weights = [1.0 / (r + 1) ** 0.9 for r in range(len(people))]
    recent: dict[str, list[str]] = {}
    previous = None
    for i in range(n):
        if previous is not None and i % 10 == 9:
            # a wire copy: the previous story as another outlet printed it (copy groups, carriers)
            copy = dict(previous)
            copy.update(id=f"web-{i}", url=f"https://outlet{i % 40}.example/copy/{i}", publisher=f"Outlet {i % 40}",
                        source={"path": "bench", "url": None, "format": "jsonl", "offset": i})
            yield Reading.from_dict(copy)
            previous = None
            continue
        art = gen.article(i)
        day = art["published"]
        outlet = f"Outlet {i % 40}"
        agency = AGENCIES[i % 3]
        paras = art["text"].split("\n\n")[:6]
        text = "\n\n".join(paras)
        claims, entities, events = [], {}, []
        for k in range(4):
            who = rnd.choices(people, weights=weights)[0]
            said = recent.setdefault(who, [])
            if said and rnd.random() < 0.33:
                content = rnd.choice(said)
            else:
                content = " ".join(rnd.choices(gen.words[:8000], k=12)).capitalize()
                said.append(content)
                del said[:-5]
            start = len(text) + 3
            text += f'\n\n"{content}," {who} said.'
            span = [start, start + len(content)]
            sp = [span[1] + 3, span[1] + 3 + len(who)]
            ent = entities.setdefault(who, {"id": f"e{len(entities) + 1}", "name": who, "type": "PERSON",
                                            "aliases": [], "titles": [], "mentions": []})
            ent["mentions"].append(sp)
            channel = None
            via = [agency, outlet]
            if rnd.random() < 0.2:
                kind, ch_outlet = rnd.choice(CHANNELS)
                channel = {"kind": kind, "outlet": ch_outlet, "platform": "X" if kind == "social post" else None}
                if ch_outlet:
                    via = [ch_outlet, *via]
            claims.append({
                "id": f"c{k + 1}", "kind": "direct", "speaker": ent["id"], "speaker_text": who, "speaker_span": sp,
                "source_kind": "person", "cue": "said", "cue_span": [sp[1] + 1, sp[1] + 5],
                "addressee": rnd.choice(("reporters", "parliament", None, None, None)),
                "content": content, "span": span, "quotes": [span], "channel": channel, "via": via,
                "said_on": None, "reported_on": day,
            })
        first = next(iter(entities.values()))
        events.append({"id": "v1", "type": rnd.choice(EVENTS), "actor": first["id"], "recipient": None,
                       "when": day, "where": None, "span": claims[0]["span"], "asserted_by": "c1"})
        offsets, pos = [], 0
        for p in text.split("\n\n"):
            offsets.append([pos, pos + len(p)])
            pos += len(p) + 2
        previous = {
            "id": f"web-{i}", "source": {"path": "bench", "url": art["url"], "format": "jsonl", "offset": i},
            "url": art["url"], "publisher": outlet, "title": art["title"], "published": day, "language": "en",
            "dateline": {"place": "NORDHAVEN", "agency": agency}, "agencies": [agency], "text": text,
            "paragraphs": offsets, "entities": list(entities.values()), "claims": claims, "events": events,
            "timexes": [{"text": dt.date.fromisoformat(day).strftime("%d %B"), "span": [0, 5], "type": "DATE",
                         "value": day, "anchor": day}],
            "analysis": "synthetic (bench/web.py)",
        }
        yield Reading.from_dict(dict(previous))


def build(path: Path, n: int) -> None:
    from dateline import Corpus

    started = time.perf_counter()
    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    with Corpus(tmp) as corpus:
        stats = corpus.add(readings(n), batch_size=500)
    tmp.rename(path)
    print(f"built {path}: {stats.added} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def samples(conn, k: int, seed: int = 3) -> dict[str, list[str]]:
    rnd = random.Random(seed)
    one = lambda sql, *a: [r[0] for r in conn.execute(sql, a).fetchall()]  # noqa: E731
    n_docs = conn.execute("SELECT max(seq) FROM articles").fetchone()[0]
    docs = one("SELECT document_id FROM articles WHERE seq IN (%s) ORDER BY seq" % ",".join(
        str(rnd.randint(1, n_docs)) for _ in range(k)))
    busy = one("SELECT speaker_entity_id FROM claims WHERE speaker_entity_id IS NOT NULL GROUP BY 1 "
               "ORDER BY count(*) DESC, 1 LIMIT ?", k // 2)
    # drawn by the seeded generator, not SQLite's random(): every run asks for the same ones
    some = rnd.sample(one("SELECT id FROM entities ORDER BY id"), k - len(busy))
    statements = one("SELECT id FROM statements ORDER BY carriers DESC, id LIMIT ?", k // 2) + rnd.sample(
        one("SELECT id FROM statements ORDER BY id"), k - k // 2)
    stories = one("SELECT id FROM groups ORDER BY size DESC, id LIMIT ?", k // 2) + rnd.sample(
        one("SELECT id FROM groups ORDER BY id"), k - k // 2)
    titles = one("SELECT title FROM articles WHERE seq IN (%s) ORDER BY seq" % ",".join(
        str(rnd.randint(1, n_docs)) for _ in range(k)))
    words = [w for t in titles for w in t.split()[:1]]
    queries = [f"q={w}" for w in words[: k // 2]] + [f"q={a}+{b}" for a, b in zip(words[k // 2:], words[1:])]
    facets = [f"speaker={s}" for s in busy[:3]] + ["channel=interview", "kind=direct&since=2021-09-01",
                                                   f"q={words[0]}&speaker={busy[0]}", "source_kind=person"]
    return {"article": docs, "entity": [str(e) for e in busy + some], "statement": statements, "story": stories,
            "search": queries + facets}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--store", type=Path, help="the store to use (made there when absent)")
    ap.add_argument("--samples", type=int, default=20, help="ids or queries per endpoint")
    ap.add_argument("--repeats", type=int, default=3, help="rounds, interleaved across endpoints")
    args = ap.parse_args(argv)
    store = args.store or Path(f"/tmp/dateline-web-{args.articles}.db")
    if not store.exists():
        build(store, args.articles)

    from fastapi.testclient import TestClient

    from dateline.web import create_app

    app = create_app(store)
    client = TestClient(app)
    with app.state.pool.connection() as conn:
        n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        n_statements = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
        s = samples(conn, args.samples)

    endpoints: list[tuple[str, str, list[str]]] = [
        ("anchor: static file", "static", ["/static/app.css"]),
        ("/", "page", ["/"]),
        ("/search", "page", [f"/search?{q}" for q in s["search"]]),
        ("/articles/{id}", "page", [f"/articles/{d}" for d in s["article"]]),
        ("/entities/{id}", "page", [f"/entities/{e}" for e in s["entity"]]),
        ("/statements/{id}", "page", [f"/statements/{x}" for x in s["statement"]]),
        ("/stories/{id}", "page", [f"/stories/{x}" for x in s["story"]]),
        ("/network", "page", ["/network", "/network?since=2021-09-01&until=2021-10-01", f"/network?about={s['search'][0][2:]}"]),
        ("/api/summary", "api", ["/api/summary"]),
        ("/api/search", "api", [f"/api/search?{q}" for q in s["search"]]),
        ("/api/claims", "api", ["/api/claims", "/api/claims?page=50", "/api/claims?channel=interview"]
         + [f"/api/claims?speaker={e}" for e in s["entity"][:5]]),
        ("/api/articles", "api", ["/api/articles", "/api/articles?page=100"] + [f"/api/articles?{q}" for q in s["search"][:6]]),
        ("/api/articles/{id}", "api", [f"/api/articles/{d}" for d in s["article"]]),
        ("/api/entities/{id}", "api", [f"/api/entities/{e}" for e in s["entity"]]),
        ("/api/entities/{id}/claims (csv)", "api", [f"/api/entities/{e}/claims?format=csv&per_page=200" for e in s["entity"][:8]]),
        ("/api/statements/{id}", "api", [f"/api/statements/{x}" for x in s["statement"]]),
        ("/api/stories/{id}", "api", [f"/api/stories/{x}" for x in s["story"]]),
        ("/api/network", "api", ["/api/network", "/api/network?since=2021-09-01&until=2021-10-01"]),
    ]
    for _, _, urls in endpoints:  # warm: first use of each statement, template and page cache
        for u in urls[:2]:
            client.get(u)
    gc.freeze()  # as `dateline serve` does once the app is made
    wall: dict[str, list[float]] = {name: [] for name, _, _ in endpoints}
    cpu: dict[str, list[float]] = {name: [] for name, _, _ in endpoints}
    for _ in range(args.repeats):
        for name, _, urls in endpoints:
            for u in urls:
                c0, w0 = time.process_time(), time.perf_counter()
                r = client.get(u)
                w1, c1 = time.perf_counter(), time.process_time()
                if r.status_code != 200:
                    raise SystemExit(f"{u}: {r.status_code} {r.text[:200]}")
                wall[name].append((w1 - w0) * 1000)
                cpu[name].append((c1 - c0) * 1000)
    app.state.pool.close()

    def p95(xs: list[float]) -> float:
        return statistics.quantiles(xs, n=20, method="inclusive")[18] if len(xs) > 1 else xs[0]

    anchor = p95(cpu["anchor: static file"])
    print(f"dateline serve on {n_articles:,} articles, {n_claims:,} claims, {n_statements:,} statements "
          f"({args.samples} samples × {args.repeats} rounds, in process)")
    print(f"{'endpoint':34} {'kind':6} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'p95 CPU ms':>11} {'target':>7} "
          f"{'×anchor':>8}")
    for name, kind, _ in endpoints:
        target = {"page": 300, "api": 150}.get(kind)
        w, c = wall[name], cpu[name]
        ok = "" if target is None else ("ok" if p95(w) < target else "OVER")
        print(f"{name:34} {kind:6} {len(w):4} {statistics.median(w):8.1f} {p95(w):8.1f} {p95(c):11.1f} "
              f"{(str(target) + ' ' + ok) if target else '':>7} {p95(c) / anchor if anchor else 0:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
