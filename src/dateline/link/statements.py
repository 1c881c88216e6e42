"""Claims across documents → statements: one claim by one speaker, however many carry it.

A wire story printed by five outlets gives each of its claims five times; an outlet quoting
another gives it again, maybe cut, maybe without its qualifier. A *statement* is those claims
as one: its members, the documents that carry it in order, the wordings that differ, one date.

Pure functions over plain data; store/statements.py finds the candidates through its indexes
(the speaker and a window of days) and saves what these decide.

When is a claim another copy of a statement?

- the same speaker: the same corpus entity, or the same words naming an unresolved speaker;
- said within ``window_days`` of the statement's first report (a hard limit: a speaker who
  repeats a line a year later said it again, and that is another statement), and not on days
  the texts give as days apart;
- close wording, compared on content words (function words and pronouns aside, negations
  kept, so a direct quote and its indirect report match: "We will not back down" and "she
  would not back down"): one wording almost inside the other (a quote cut, a qualifier
  dropped) or most words shared (an edit). Short contents must match word for word.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"\w+")

#: words that say nothing of what was said (kept out of the comparison); negations stay in
FUNCTION_WORDS = frozenset("""
a an the and or but if then so as of to in on at by for from with into onto over under about
is are was were be been being am do does did has have had having will would shall should can
could may might must that this these those there here it its it's he she they we i you me him
her them us our ours your yours their theirs his hers my mine itself himself herself themselves
ourselves who whom whose which what when where while also just very too than said says say
told tells according s ll re ve d m
""".split())


@dataclass(frozen=True, slots=True)
class StatementOptions:
    #: a claim joins a statement first reported at most this many days before or after it
    window_days: int = 14
    #: one wording this much inside the other (of the shorter's content words) …
    containment: float = 0.8
    #: … or this much shared (Jaccard of content words)
    jaccard: float = 0.7
    #: two copies whose texts date the saying this many days apart or more are two sayings (a
    #: weekday resolved against two copies' own dates lands up to 7 days apart: that is one)
    said_apart_days: int = 8
    #: contents with fewer content words than this must have the same ones
    min_words: int = 3
    #: two speakers matched only by the words naming them (no entity) need closer wording
    unresolved_containment: float = 0.9


DEFAULT_STATEMENTS = StatementOptions()


def content_words(text: str | None) -> frozenset[str]:
    """The words of a content that are compared (case, accents, punctuation and function words aside)."""
    if not text:
        return frozenset()
    norm = unicodedata.normalize("NFKD", text.casefold())
    norm = "".join(ch for ch in norm if not unicodedata.combining(ch))
    words = _WORD.findall(norm.replace("n't", " not"))
    content = frozenset(w for w in words if w not in FUNCTION_WORDS)
    # nothing but function words ("to him"): all of them, which then must be the same
    return content or frozenset(words)


def similarity(a: frozenset[str], b: frozenset[str], options: StatementOptions = DEFAULT_STATEMENTS,
               *, resolved: bool = True) -> float:
    """How close two wordings are, 0 when they are not the same statement, else in (0, 1]."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    small = min(len(a), len(b))
    if small < options.min_words:
        return 1.0 if a == b else 0.0
    contained = shared / small
    jaccard = shared / len(a | b)
    need = options.containment if resolved else options.unresolved_containment
    if contained >= need or (resolved and jaccard >= options.jaccard):
        return round((contained + jaccard) / 2, 4)
    return 0.0


@dataclass(slots=True)
class Carried:
    """A claim as a statement member: what choosing, dating and describing need of it."""

    claim_seq: int
    document_id: str
    content: str | None
    kind: str | None
    said_on: str | None
    published: str | None  # the carrying article's publication time
    day: str | None  # the claim's day (said_on, reported_on or the article's)
    doc_seq: int
    outlet: str | None = None
    url: str | None = None
    local_id: str | None = None
    via: tuple[str, ...] = ()
    channel: dict[str, Any] | None = None


def in_window(day: str | None, first_day: str | None, options: StatementOptions = DEFAULT_STATEMENTS) -> bool:
    import datetime as dt

    if day is None or first_day is None:
        return day is None and first_day is None
    try:
        apart = abs((dt.date.fromisoformat(day[:10]) - dt.date.fromisoformat(first_day[:10])).days)
    except ValueError:
        return False
    return apart <= options.window_days


def days_apart(a: str | None, b: str | None) -> int | None:
    import datetime as dt

    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def best_match(words: frozenset[str], candidates: Iterable[tuple[str, frozenset[str], bool, str | None]],
               options: StatementOptions = DEFAULT_STATEMENTS, said_on: str | None = None) -> str | None:
    """The candidate statement (id, the words of one of its wordings, speaker resolved on both
    sides, the date that wording's text gives the saying) closest to these words, or None.
    Ties go to the first candidate given."""
    best, best_score = None, 0.0
    for sid, other, resolved, other_said in candidates:
        if words.isdisjoint(other):
            continue  # no word in common: never the same statement (and the commonest case)
        if said_on and other_said:
            apart = days_apart(said_on, other_said)
            if apart is not None and apart >= options.said_apart_days:
                continue  # the texts say it was said on different days: said twice
        score = similarity(words, other, options, resolved=resolved)
        if score > best_score:
            best, best_score = sid, score
    return best


def when(published: str | None) -> str:
    """A publication time as a key that sorts in time order: UTC when the offset is given, and a
    bare day after every time of that day (it says the day, not that it came first)."""
    import datetime as dt

    if not published:
        return "~"
    try:
        t = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return published
    if len(published) <= 10:
        return t.date().isoformat() + "T~"
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return t.isoformat()


def order(members: Sequence[Carried]) -> list[Carried]:
    """Members in the order they were carried: by publication time, then arrival."""
    return sorted(members, key=lambda m: (when(m.published), m.doc_seq, m.claim_seq))


def carriers(ordered: Sequence[Carried], title_of: Callable[[Carried], str | None]) -> list[dict[str, Any]]:
    """The documents that carried a statement, once each, in the order given (``order``'s)."""
    out, seen = [], set()
    for m in ordered:
        if m.document_id in seen:
            continue
        seen.add(m.document_id)
        out.append({"document_id": m.document_id, "url": m.url, "outlet": m.outlet, "published": m.published,
                    "claim_id": m.local_id, "title": title_of(m)})
    return out


def summarise(members: Sequence[Carried]) -> dict[str, Any]:
    """A statement's facts from its members: first seen, carriers in order, its one date, its
    wording (the first carrier's) and the variants that differ from it."""
    ordered = order(members)
    first = ordered[0]
    carriers, seen_docs = [], set()
    for m in ordered:
        if m.document_id in seen_docs:
            continue
        seen_docs.add(m.document_id)
        carriers.append(m)
    # one date: as the text dates it in the earliest report that does, else the earliest report
    said_on = next((m.said_on[:10] for m in ordered if m.said_on), None)
    if said_on is None:
        said_on = next((m.published[:10] for m in ordered if m.published), None) or first.day
    content = first.content or ""
    base = _tokens(content)
    variants: dict[str, dict[str, Any]] = {}
    for m in ordered:
        toks = _tokens(m.content or "")
        key = " ".join(t.casefold() for t in toks)
        if key == " ".join(t.casefold() for t in base):
            continue
        v = variants.get(key)
        if v is None:
            v = variants[key] = {"content": m.content, "documents": [], "changes": changes(base, toks)}
        if m.document_id not in v["documents"]:
            v["documents"].append(m.document_id)
    days = [m.day for m in ordered if m.day]
    return {
        "content": content,
        "kind": first.kind,
        "said_on": said_on,
        "first": first,
        "carriers": carriers,
        "outlets": len({(m.outlet or m.document_id) for m in carriers}),
        "variants": list(variants.values()),
        "first_day": min(days) if days else None,
        "last_day": max(days) if days else None,
        "first_published": first.published,
        "last_published": max((m.published for m in ordered if m.published), key=when, default=None),
    }


_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def changes(base: Sequence[str], other: Sequence[str]) -> list[dict[str, str]]:
    """How a wording differs from the statement's, word by word: ``cut`` (words gone at its
    start or end: a quote cut short), ``dropped`` (words gone inside: a qualifier left out),
    ``added`` and ``replaced``."""
    a = [t.casefold() for t in base]
    b = [t.casefold() for t in other]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "delete":
            edge = i1 == 0 or i2 == len(a)
            out.append({"change": "cut" if edge else "dropped", "text": " ".join(base[i1:i2])})
        elif op == "insert":
            out.append({"change": "added", "text": " ".join(other[j1:j2])})
        else:
            out.append({"change": "replaced", "text": " ".join(base[i1:i2]), "by": " ".join(other[j1:j2])})
    return out


def spread(speaker: str, members: Sequence[Carried]) -> dict[str, Any]:
    """The tree of who carried a statement from whom: the speaker, the channel it was given
    through, then each carrier's chain (``via``: the channel's outlet, the wire, the outlet),
    ending at the documents. Each node has the earliest time it carried the statement.

    Returns ``{"root": node, "nodes": [...], "edges": [...]}``; a node is ``{id, kind: speaker|
    channel|carrier|document, label, time, children}``; the same nodes flat, and the edges
    ``{source, target, time}``, for graph files."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}

    def node(nid: str, kind: str, label: str, time: str | None, **extra: Any) -> dict[str, Any]:
        n = nodes.get(nid)
        if n is None:
            n = nodes[nid] = {"id": nid, "kind": kind, "label": label, "time": time, "children": [], **extra}
        elif time and (n["time"] is None or when(time) < when(n["time"])):
            n["time"] = time
        return n

    def edge(a: dict[str, Any], b: dict[str, Any], time: str | None) -> None:
        key = (a["id"], b["id"])
        if key not in edges:
            edges[key] = {"source": a["id"], "target": b["id"], "time": time}
            a["children"].append(b)
        elif time and (edges[key]["time"] is None or when(time) < when(edges[key]["time"])):
            edges[key]["time"] = time

    ordered = order(members)
    root = node("speaker", "speaker", speaker or "?", ordered[0].said_on or None)
    # the channel is how the speaker said it: one for the statement, whichever copy names it
    ch = next((m.channel for m in ordered if m.channel and m.channel.get("kind")), None) or {}
    for m in ordered:
        at = m.published or m.day
        parent = root
        chain = [v for v in m.via if v and v != speaker]
        if ch.get("kind"):
            # the channel it was given through ("interview", "social post on X")
            label = ch["kind"] + (f" on {ch['platform']}" if ch.get("platform") else "")
            cnode = node(f"channel:{label}", "channel", label, at, channel=ch)
            edge(parent, cnode, at)
            parent = cnode
        if m.outlet and chain and chain[-1].casefold() == m.outlet.casefold():
            chain = chain[:-1]  # the publisher closes the chain: it is the document's outlet
        for name in chain:
            cnode = node(f"carrier:{name.casefold()}", "carrier", name, at)
            edge(parent, cnode, at)
            parent = cnode
        dnode = node(f"document:{m.document_id}", "document", m.outlet or m.url or m.document_id, at,
                     document_id=m.document_id, url=m.url, outlet=m.outlet, published=m.published,
                     claim_id=m.local_id)
        edge(parent, dnode, at)
    return {
        "root": root,
        "nodes": [{k: v for k, v in n.items() if k != "children"} for n in nodes.values()],
        "edges": list(edges.values()),
    }
