"""Long texts analysed in segments, so that analysis stays linear in the length of the text.

Parts of the analysis look at the whole document once per sentence or per cue (spaCy's
``Doc.text`` alone is rebuilt from every token each time it is read), so one long text cost
far more than many short ones: 92 KB without a paragraph break took 63 s and 0.8 GB, and a
40 KB text took 2.5 times as long as a 20 KB one. A text longer than ``SEGMENT_CHARS``, or one that runs on for
``SENTENCE_CHARS`` without a sentence end, is therefore cut into segments at sentence-like boundaries — a paragraph end, else a sentence
end, else a clause mark, else a space, else (a run with no space at all) at the cap itself —
each segment is parsed and analysed on its own (the hard cap per parse), and the results are
put together with their offsets moved back into the whole text, so every span stays exact.
Entities of one name and type found in several segments are one entity.

A segment is as long as a long article (most articles are far shorter and are analysed in one
piece, exactly as before); what is lost at a cut is only a link across it (a pronoun in one
segment whose speaker is named in the one before).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import Reading

#: the most characters parsed and analysed at once
SEGMENT_CHARS = 20_000
#: text that runs on without a sentence end for this long is no prose the parser was made
#: for (its cost grows with the square of such a run): it is cut into shorter segments
SENTENCE_CHARS = 1_500
RUN_ON_CHARS = 5_000

_ENDS = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\n[ \t]*\n")

#: boundaries in order of preference; each match ends where the next segment may start
_BOUNDARIES = (
    re.compile(r"\n[ \t]*\n\s*"),  # a paragraph end
    re.compile(r"[.!?…][\"'”’»)\]]*\s+"),  # a sentence end
    re.compile(r"[;:,–—][\"'”’»)\]]*\s+"),  # a clause mark
    re.compile(r"\s+"),  # a space
)


def _runs_on(text: str, start: int, end: int) -> bool:
    """Is there a stretch of more than SENTENCE_CHARS without a sentence or paragraph end?"""
    last = start
    for m in _ENDS.finditer(text, start, end):
        if m.start() - last > SENTENCE_CHARS:
            return True
        last = m.end()
    return end - last > SENTENCE_CHARS


def one_piece(text: str) -> bool:
    """Is the text analysed whole (as every ordinary article is)?"""
    n = len(text)
    return n <= RUN_ON_CHARS or (n <= SEGMENT_CHARS and not _runs_on(text, 0, n))


def cuts(text: str, limit: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """[start, end) of the segments of ``text``: contiguous, none longer than ``limit``, none
    longer than RUN_ON_CHARS where the text runs on without sentence ends."""
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos < n:
        size = limit
        if size > RUN_ON_CHARS and _runs_on(text, pos, min(n, pos + limit)):
            size = RUN_ON_CHARS
        if n - pos <= size:
            break
        end = pos + size
        window_start = pos + size // 2
        nxt = end  # no boundary at all: cut at the cap
        for pattern in _BOUNDARIES:
            last = None
            for m in pattern.finditer(text, window_start, end):
                last = m
            if last is not None:
                nxt = last.end()
                break
        out.append((pos, nxt))
        pos = nxt
    if pos < n:
        out.append((pos, n))
    return out


def segment_readings(reading: Reading, limit: int = SEGMENT_CHARS) -> list[tuple[int, Reading]]:
    """(offset, a reading holding one segment of the text) for each segment. The first one
    also carries the title and captions (what is read from them is read once)."""
    parts = []
    for i, (s, e) in enumerate(cuts(reading.text, limit)):
        paragraphs = [(max(ps, s) - s, min(pe, e) - s) for ps, pe in reading.paragraphs if ps < e and pe > s]
        parts.append((s, replace(
            reading,
            text=reading.text[s:e],
            paragraphs=paragraphs,
            title=reading.title if i == 0 else None,
            images=list(reading.images) if i == 0 else [],
            entities=[], claims=[], events=[], timexes=[], warnings=[],
        )))
    return parts


def _is_span_key(key: str) -> bool:
    # title_span points into the title, which only the first segment reads
    return (key == "span" or key.endswith("_span")) and key != "title_span"


def _shift(item: Any, offset: int) -> None:
    """Move every span of one entity, claim, event or time expression by ``offset``."""
    for key in list(item.keys()):
        value = item[key]
        if value is None:
            continue
        if _is_span_key(key) and len(value) == 2:
            item[key] = [value[0] + offset, value[1] + offset]
        elif key in ("quotes", "mentions"):
            item[key] = [[s + offset, e + offset] for s, e in value]


def merge(reading: Reading, parts: list[tuple[int, Reading]]) -> None:
    """Put the segments' analyses into ``reading``, offsets into its whole text."""
    entities: list[Any] = []
    by_key: dict[tuple[Any, str], Any] = {}
    claims: list[Any] = []
    events: list[Any] = []
    timexes: list[Any] = []
    for offset, part in parts:
        ent_ids: dict[str, str] = {}
        for ent in part.entities:
            _shift(ent, offset)
            names = [ent["name"], *(ent.get("aliases") or [])]
            same = next((by_key[(ent.get("type"), n.casefold())] for n in names
                         if (ent.get("type"), n.casefold()) in by_key), None)
            if same is None:
                ent_ids[ent["id"]] = ent["id"] = f"e{len(entities) + 1}"
                entities.append(ent)
                same = ent
            else:
                ent_ids[ent["id"]] = same["id"]
                same["mentions"] = sorted(list(same.get("mentions") or []) + list(ent.get("mentions") or []))
                for name in names:
                    if name != same["name"] and name not in same["aliases"]:
                        same["aliases"].append(name)
                for title in ent.get("titles") or []:
                    if title not in same["titles"]:
                        same["titles"].append(title)
            for n in names:
                by_key.setdefault((ent.get("type"), n.casefold()), same)
        claim_ids: dict[str, str] = {}
        for claim in part.claims:
            _shift(claim, offset)
            for key in ("speaker", "addressee"):
                if claim.get(key) is not None:
                    claim[key] = ent_ids.get(claim[key], claim[key])
            if claim.get("id"):
                claim_ids[claim["id"]] = claim["id"] = f"c{len(claims) + 1}"
            claims.append(claim)
        for event in part.events:
            _shift(event, offset)
            for key in ("actor", "recipient"):
                if event.get(key) is not None:
                    event[key] = ent_ids.get(event[key], event[key])
            if event.get("actors"):
                event["actors"] = [ent_ids.get(a, a) for a in event["actors"]]
            if event.get("asserted_by") is not None:
                event["asserted_by"] = claim_ids.get(event["asserted_by"], event["asserted_by"])
            if event.get("id"):
                event["id"] = f"v{len(events) + 1}"
            events.append(event)
        for timex in part.timexes:
            if "field" not in timex:  # the title's and captions' own are added once, below
                _shift(timex, offset)
                timexes.append(timex)
    reading.entities, reading.claims, reading.events = entities, claims, events
    reading.timexes = timexes + [t for _, part in parts[:1] for t in part.timexes if "field" in t]
