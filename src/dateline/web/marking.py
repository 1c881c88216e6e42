"""An article's text cut into runs for the page: each run knows the claims and the entity
mention it lies in, so the template can mark claims by kind and link entities.

Runs never overlap (every start and end of a claim or mention cuts the text), so claims that
nest or overlap still render as well-formed HTML. The text itself stays text: the template
escapes every run.
"""

from __future__ import annotations

from typing import Any


def runs(text: str, start: int, end: int, claims: list[dict[str, Any]],
         mentions: list[tuple[int, int, Any]]) -> list[dict[str, Any]]:
    """Runs of ``text[start:end]``: {"text", "claims": [claim, …], "entity": id or None}."""
    cuts = {start, end}
    spans = []
    for c in claims:
        span = c.get("span")
        if span and span[0] < end and span[1] > start:
            s, e = max(span[0], start), min(span[1], end)
            cuts.update((s, e))
            spans.append((s, e, c))
    marks = []
    for s, e, ent in mentions:
        if s < end and e > start:
            s, e = max(s, start), min(e, end)
            cuts.update((s, e))
            marks.append((s, e, ent))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        if a >= b:
            continue
        # the innermost claim first: it gives the run its colour and its card
        inside = sorted((c for s, e, c in spans if s <= a and b <= e), key=lambda c: c["span"][1] - c["span"][0])
        entity = next((ent for s, e, ent in marks if s <= a and b <= e), None)
        out.append({"text": text[a:b], "claims": inside, "entity": entity})
    return out


def paragraphs(reading: dict[str, Any], entity_ids: dict[str, int]) -> list[list[dict[str, Any]]]:
    """The reading's paragraphs as lists of runs."""
    text = reading.get("text") or ""
    paras = reading.get("paragraphs") or ([[0, len(text)]] if text else [])
    claims = reading.get("claims") or []
    mentions = []
    for ent in reading.get("entities") or []:
        target = entity_ids.get(ent.get("id"))
        for s, e in ent.get("mentions") or []:
            mentions.append((s, e, target))
    return [runs(text, s, e, claims, mentions) for s, e in paras]


def chain(claim: dict[str, Any]) -> str:
    """"speaker → channel → conduits → publisher", as the hover card says it."""
    parts = [claim.get("speaker_text") or "unknown"]
    ch = claim.get("channel") or {}
    if ch.get("kind"):
        parts.append(ch["kind"] + (f" ({ch['platform']})" if ch.get("platform") else ""))
    parts.extend(claim.get("via") or [])
    return " → ".join(parts)


def card(claim: dict[str, Any]) -> str:
    """The claim's hover/focus card as plain text (the template escapes it)."""
    lines = [f"{claim.get('kind') or 'claim'} · {claim.get('speaker_text') or 'unknown speaker'}"]
    if claim.get("cue"):
        lines.append(f"cue: {claim['cue']}")
    addressee = claim.get("addressee") or claim.get("addressee_text")
    if addressee:
        lines.append(f"to: {addressee}")
    lines.append(f"chain: {chain(claim)}")
    return "\n".join(lines)
