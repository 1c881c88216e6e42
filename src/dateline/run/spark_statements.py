"""Statements on Spark: one claim by one speaker across the documents that carry it.

The store groups claims into statements one claim at a time, in the order they were stored
(store/statements.py): a claim looks among its speaker's statements first reported within the
window of days around it, and joins the one whose wording is closest (link/statements.py
decides), else starts its own. The outcome depends on that order only among claims that can
meet, that is, claims of one speaker. So on Spark:

1. every kept document's claims become rows in the workers (its order, the claim's place),
   with the two keys the store finds a speaker's statements by: the speaker's entity (here its
   normalised name: corpus entity ids are the store's) and the words naming the speaker;
2. the speakers: the (entity, words) key pairs, a few bytes per distinct pair, go to the driver,
   whose union-find makes one component of the keys that a claim ties together (a claim of
   entity E named "the minister" can meet statements of E and statements of "the minister");
3. a shuffle by component puts each speaker's claims in one task, where the store's own rule
   runs over them in the store's order, and each statement is summarised as the store does;
4. written as ``statements/`` (the columns of ``dateline export --table statements``) and
   ``statement_members/`` (``statement_id, document_id, claim_id, score``).

The ids are the store's (``st-`` and a hash of the first claim's document and claim id), so a
statement here and in a store loaded from this run (``dateline ingest OUT``) are named alike.
Where the store's entity resolution tells speakers apart otherwise than their names do (a
surname alone joined to a full name, or one surname split between two people:
store/entities.py), its statements differ for those speakers: 100 of 28,582 claims on
bench/spark.py's 2,000 documents (BENCHMARKS.md). On the fixture and the shared WARC files they
are the same (tests/test_spark.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

def claim_rows(rows: Iterable[Any]) -> Iterator[tuple]:
    """mapPartitions over kept ``readings`` rows (id, order, reading): one tuple per claim of an
    ok document, ``(order, position, entity_key, speaker_key, claim)`` where ``claim`` is the
    JSON of what grouping and summarising need of it."""
    from dateline.store.entities import name_key
    from dateline.store.tables import day_of, numbered, outlet_of

    for row in rows:
        reading = json.loads(row["reading"])
        doc = row["id"]
        url = reading.get("url") or (reading.get("source") or {}).get("url")
        published = reading.get("published")
        published_day = day_of(published)
        outlet = outlet_of(url, reading.get("publisher")) or outlet_of(url)
        names = _entity_names(reading)
        for position, (lid, c) in enumerate(numbered(reading.get("claims") or [], "c")):
            speaker = c.get("speaker")
            entity = names.get(str(speaker)) if speaker is not None else None
            key = name_key(c.get("speaker_text")) or None
            ekey = entity[0] if entity else None
            claim = {
                "document_id": doc, "local_id": lid, "content": c.get("content"), "kind": c.get("kind"),
                "said_on": c.get("said_on"),
                "day": day_of(c.get("said_on")) or day_of(c.get("reported_on")) or published_day,
                "published": published, "url": url, "outlet": outlet, "title": reading.get("title"),
                "via": c.get("via") or [], "channel": c.get("channel") or None,
                "speaker_text": c.get("speaker_text"), "entity_name": entity[1] if entity else None,
            }
            yield (int(row["order"]), position, ekey, key, json.dumps(claim, ensure_ascii=False))


def _entity_names(reading: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """A reading's entities by their id inside it → (the key its corpus entity is found by,
    the name it is stored under), as the store resolves them (store/entities.py ``resolve``:
    a person by the name without its titles, others by the name's words)."""
    out: dict[str, tuple[str, str]] = {}
    for i, e in enumerate(reading.get("entities") or []):
        if not isinstance(e, dict) or not (e.get("name") or e.get("aliases")):
            continue
        lid = str(e.get("id") if e.get("id") is not None else f"e{i}")
        if lid in out:
            continue
        key = entity_key(e)
        if key:
            name = str(e.get("name") or "").strip()
            out[lid] = (key, name or key)
    return out


def entity_key(entity: dict[str, Any]) -> str:
    from dateline.store.entities import name_key, person_key

    name = str(entity.get("name") or "").strip()
    aliases = [str(a) for a in entity.get("aliases") or [] if a]
    if entity.get("type") == "PERSON":
        return person_key(name) or name_key(aliases[0] if aliases else "")
    return name_key(name) or name_key(aliases[0] if aliases else "")


def components(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, int]:
    """Each speaker key ("e:" entity key, "k:" the words naming the speaker) → its component:
    keys a claim carries together are one speaker for grouping."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ekey, key in pairs:
        nodes = [n for n in (f"e:{ekey}" if ekey else None, f"k:{key}" if key else None) if n]
        for n in nodes:
            parent.setdefault(n, n)
        if len(nodes) == 2:
            a, b = find(nodes[0]), find(nodes[1])
            if a != b:
                parent[max(a, b)] = min(a, b)
    roots = sorted({find(n) for n in parent})
    number = {r: i for i, r in enumerate(roots)}
    return {n: number[find(n)] for n in parent}


def group(claims: Iterable[tuple]) -> list[dict[str, Any]]:
    """One speaker's claims (the tuples of ``claim_rows``, any order) grouped into statements by
    the store's rule (store/statements.py ``link_statements``), in the store's order. Returns the
    statements, each ``{"id", "entity", "key", "first_day", "members": [claim dict, ...]}``."""
    from dateline.link.statements import DEFAULT_STATEMENTS, best_match, content_words
    from dateline.store.statements import _shift, statement_id

    options = DEFAULT_STATEMENTS
    ordered = sorted(claims, key=lambda t: (t[0], t[1]))
    statements: list[dict[str, Any]] = []
    by_entity: dict[str, list[dict[str, Any]]] = {}
    by_key: dict[str, list[dict[str, Any]]] = {}
    for order, _pos, ekey, key, raw in ordered:
        c = json.loads(raw)
        c["order"], c["entity_key"], c["speaker_key"] = order, ekey, key
        words = c["_words"] = content_words(c["content"])
        day = c["day"]
        found = None
        if words and (ekey is not None or key):
            seen: dict[str, dict[str, Any]] = {}
            lo, hi = (_shift(day, -options.window_days), _shift(day, options.window_days)) if day else (None, None)
            for s in (by_entity.get(ekey, []) if ekey is not None else []) + (by_key.get(key, []) if key else []):
                if day:
                    ok = s["first_day"] is not None and lo <= s["first_day"] <= hi
                else:
                    ok = s["first_day"] is None
                if ok:
                    seen[s["id"]] = s
            # the store's candidates: by first day then id, none its document already carries
            cands = sorted(seen.values(), key=lambda s: (s["first_day"] is not None, s["first_day"] or "", s["id"]))
            # each wording (and the day its text gives) once per statement: a copy that repeats
            # one can never score higher than it, and ties go to the first (link/statements.py)
            candidates = [
                (s["id"], words_, ekey is not None and s["entity"] == ekey, said_on)
                for s in cands if c["document_id"] not in s["docs"] for words_, said_on in s["forms"]
            ]
            sid = best_match(words, candidates, options, c["said_on"])
            if sid is not None:
                found = seen[sid]
        if found is None:
            found = {"id": statement_id(c["document_id"], c["local_id"]), "entity": ekey, "key": key,
                     "first_day": day, "members": [], "docs": set(), "forms": {}}
            statements.append(found)
            if ekey is not None:
                by_entity.setdefault(ekey, []).append(found)
            if key:
                by_key.setdefault(key, []).append(found)
        else:
            if found["first_day"] is not None and day is not None:
                found["first_day"] = min(found["first_day"], day)
            else:
                found["first_day"] = None
        found["members"].append(c)
        found["docs"].add(c["document_id"])
        found["forms"].setdefault((words, c["said_on"]), None)
    return statements


def summarised(st: dict[str, Any]) -> tuple[dict[str, Any], list[tuple]]:
    """A statement of ``group`` as a row in the columns of the export's ``statements`` table, and
    its members' rows ``(statement_id, document_id, claim_id, score)``, as store/statements.py
    summarises and exports them."""
    from dateline.link.statements import Carried, content_words, order, similarity, summarise
    from dateline.link.statements import carriers as carriers_of

    members = st["members"]
    carried = [Carried(
        claim_seq=i, document_id=m["document_id"], local_id=m["local_id"], content=m["content"], kind=m["kind"],
        said_on=m["said_on"], day=m["day"], published=m["published"], doc_seq=m["order"], outlet=m["outlet"],
        url=m["url"], via=tuple(m["via"] or ()), channel=m["channel"]) for i, m in enumerate(members)]
    s = summarise(carried)
    first = s["first"]
    base = content_words(first.content)
    member_rows = []
    for m, k in zip(members, carried):
        words = content_words(k.content)
        score = 1.0 if words == base else similarity(base, words) or 0.01
        member_rows.append((st["id"], m["document_id"], m["local_id"], float(score)))
    # the speaker's name: the corpus entity's when a member has one, else the first report's words
    named = next((m for m in members if m["entity_key"] is not None), None)
    speaker = named["entity_name"] if named else members[first.claim_seq]["speaker_text"]
    ordered = order(carried)
    carriers = carriers_of(ordered, lambda k: members[k.claim_seq]["title"])
    lead = ordered[0]
    row = {
        "statement_id": st["id"], "speaker": speaker, "speaker_entity_id": None, "kind": s["kind"],
        "content": s["content"], "said_on": s["said_on"], "carriers": len(carriers), "outlets": s["outlets"],
        "variants": len(s["variants"]), "first_document_id": carriers[0]["document_id"],
        "first_outlet": carriers[0]["outlet"], "first_published": carriers[0]["published"],
        "last_published": s["last_published"], "via": " → ".join(lead.via) or None,
        "carriers_json": json.dumps(carriers, ensure_ascii=False),
        "variants_json": json.dumps(s["variants"], ensure_ascii=False),
    }
    return row, member_rows

#: what a component's task gives back: a statement row (the export's columns as JSON, with the
#: key of the entity that names its speaker) or a member row
_OUT_FIELDS = (("what", "string"), ("statement_id", "string"), ("entity_key", "string"), ("row", "string"),
               ("document_id", "string"), ("claim_id", "string"), ("score", "double"))


def write_statements(spark, readings, out: str) -> dict[str, int]:
    """Group the kept documents' claims into statements on Spark and write ``statements/`` and
    ``statement_members/`` under ``out``. Returns the counts (statements, members, carried by
    more than one document)."""
    from pyspark.sql import functions as F

    from dateline.run.spark import _schema
    from dateline.store.tables import TABLES

    ok = readings.where("status = 'ok'").select("id", "order", "reading")
    claims = ok.rdd.mapPartitions(claim_rows).cache()
    # the speakers: the key pairs claims carry (a few bytes per distinct pair) → components
    pairs = claims.map(lambda t: (t[2], t[3])).distinct().collect()
    comp = spark.sparkContext.broadcast(components(pairs))

    def component(t: tuple) -> Any:
        keys = [k for k in (f"e:{t[2]}" if t[2] else None, f"k:{t[3]}" if t[3] else None) if k]
        return comp.value[keys[0]] if keys else ("alone", t[0], t[1])  # no speaker: a statement of its own

    partitions = max(2, int(spark.conf.get("spark.sql.shuffle.partitions", "2")))
    grouped = claims.map(lambda t: (component(t), t)).groupByKey(partitions).flatMap(
        lambda kv: _component_rows(kv[1]))
    found = spark.createDataFrame(grouped, _schema(_OUT_FIELDS)).cache()

    # the name a speaker's corpus entity is stored under: the first document's that names it
    names = (spark.createDataFrame(ok.rdd.mapPartitions(_entity_first_names),
                                   "entity_key string, o long, i int, name string")
             .groupBy("entity_key").agg(F.min(F.struct("o", "i", "name")).alias("first"))
             .select("entity_key", F.col("first.name").alias("entity_name")))
    fields = [(c.name, c.type) for c in TABLES["statements"].columns]
    from dateline.run.spark import _SPARK_TYPES

    schema = _schema([(n, _SPARK_TYPES[t]) for n, t in fields])
    rows = found.where("what = 'statement'").join(names, "entity_key", "left").select("row", "entity_name")
    statements = spark.createDataFrame(rows.rdd.map(lambda r: _statement_tuple(r, [n for n, _ in fields])), schema)
    statements.orderBy(F.col("said_on").isNull(), "said_on", "statement_id").write.mode("overwrite").parquet(
        f"{out}/statements")
    members = found.where("what = 'member'").select("statement_id", "document_id", "claim_id", "score")
    members.orderBy("statement_id", "document_id", "claim_id").write.mode("overwrite").parquet(
        f"{out}/statement_members")
    counted = spark.read.parquet(f"{out}/statements").agg(
        F.count("*").alias("n"), F.sum(F.when(F.col("carriers") > 1, 1).otherwise(0)).alias("carried")).first()
    n_members = spark.read.parquet(f"{out}/statement_members").count()
    found.unpersist()
    claims.unpersist()
    return {"statements": int(counted["n"]), "members": int(n_members), "carried": int(counted["carried"] or 0)}


def _component_rows(claims: Iterable[tuple]) -> Iterator[tuple]:
    for st in group(claims):
        row, members = summarised(st)
        for sid, doc, lid, score in members:
            yield ("member", sid, None, None, doc, lid, score)
        named = next((m for m in st["members"] if m["entity_key"] is not None), None)
        yield ("statement", row["statement_id"], named["entity_key"] if named else None,
               json.dumps(row, ensure_ascii=False), None, None, None)


def _entity_first_names(rows: Iterable[Any]) -> Iterator[tuple]:
    for row in rows:
        reading = json.loads(row["reading"])
        for i, e in enumerate(reading.get("entities") or []):
            if isinstance(e, dict) and (e.get("name") or e.get("aliases")) and (key := entity_key(e)):
                yield (key, int(row["order"]), i, str(e.get("name") or "").strip() or key)


def _statement_tuple(r: Any, names: list[str]) -> tuple:
    row = json.loads(r["row"])
    if r["entity_name"] is not None:
        row["speaker"] = r["entity_name"]
    return tuple(row.get(n) for n in names)
