"""The claim as the reading gives it: kind, content, channel (channels.py), the chain of
carriers (`via`: channel's outlet, intermediate outlets, the wire, the publisher), dates;
and claims in headlines."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ...model import Reading
from .. import cues
from ..entities import EntityIndex
from ..timex import resolve_date
from . import channels
from .parse import Span, _Cand, _mentions_in
from .quotes import Quote

#: "…, says minister" at the end of a headline
_HEADLINE_SAYS = re.compile(rf"^(?P<what>.+),\s+(?P<cue>{'|'.join(cues.HEADLINE_SAYS)})\s+(?P<who>.+)$")



def _kind(text: str, content: Span, quotes: list[Quote]) -> str:
    if not quotes:
        return "indirect"
    s, e = content
    inside = [False] * (e - s)
    for q in quotes:
        for i in range(max(q.span[0], s), min(q.span[1], e)):
            inside[i - s] = True
    outside = "".join(text[s + i] for i, x in enumerate(inside) if not x)
    return "mixed" if re.search(r"\w", outside) else "direct"



def _sentence_at(sent_chars: list[Span], pos: int) -> Span:
    k = bisect_right(sent_chars, (pos, float("inf"))) - 1
    if k >= 0 and sent_chars[k][0] <= pos < sent_chars[k][1]:
        return sent_chars[k]
    return (max(0, pos - channels.WINDOW), pos + channels.WINDOW)



def _channel(c: _Cand, text: str, index: EntityIndex, sent_chars: list[Span]) -> dict[str, Any] | None:
    """The channel named around the cue; else, for words carried by a medium ("…, the Times
    reported", "according to NPR"), that medium as a report."""
    if c.cue_span[1] <= c.cue_span[0]:
        return None
    sent = _sentence_at(sent_chars, c.cue_span[0])
    mentions = [(a, b, index.by_id[eid]) for a, b, eid in _mentions_in(index, sent[0], sent[1])
                if index.by_id[eid]["type"] in ("ORG", "WORK_OF_ART", "PRODUCT", "NORP", "FAC")]
    mentions.sort(key=lambda m: abs(m[0] - c.cue_span[0]))
    found = channels.channel_of(text, sent, c.cue_span, c.content, mentions)
    if found is None:
        for o in c.outer:
            ent = index.by_id.get(o.speaker) if o.speaker else None
            if ent is not None and channels.is_outlet(ent):
                return {"kind": "report", "outlet": ent["name"], "platform": None}
    return found



def _to_dict(c: _Cand, text: str, index: EntityIndex, reading: Reading, wire, publisher,
             sent_chars: list[Span] = (), anchor: str | None = None) -> dict[str, Any] | None:
    """The claim as the reading gives it. Dates resolve against ``anchor``, the story's own day
    (timex.story_anchor: the dateline's date, else the lead's), so that every copy of a wire
    story dates a statement alike whatever day each copy was published."""
    anchor = anchor or reading.published
    kind = "omission" if c.mode == "omission" else _kind(text, c.content, c.quotes)
    if c.mode in ("transcript", "block"):  # a transcript's line, a block quotation: the speaker's words
        kind, span, content = "direct", c.content, text[c.content[0]:c.content[1]]
    elif kind == "direct":
        parts = [p for q in c.quotes + c.more for p in q.parts]
        span = (parts[0][0], parts[-1][1])
        # the quoted words only; " … " marks where the article's own words (the cue) came between
        content = " … ".join(
            " ".join(text[a:b].strip() for a, b in q.parts) for q in c.quotes + c.more if q.parts
        )
    else:
        span = c.content
        content = text[span[0]:span[1]]
        if c.more:
            span = (span[0], c.more[-1].span[1])
            content = " … ".join([content] + [" ".join(text[a:b].strip() for a, b in q.parts) for q in c.more])
    if c.mode != "omission" and not content.strip():
        return None
    channel = _channel(c, text, index, list(sent_chars))
    via: list[str] = []
    if channel and channel.get("outlet"):
        outlet_id = index.by_surface(channel["outlet"])
        channel["outlet"] = index.label(outlet_id) if outlet_id else channel["outlet"]
        if channel["outlet"] != index.label(c.speaker):
            via.append(channel["outlet"])
    for o in c.outer:
        named = o.refers or o.speaker_span
        label = index.label(o.speaker) if o.speaker else (text[named[0]:named[1]] if named else None)
        if label and label not in via and label != index.label(c.speaker):
            via.append(label)
    for label in (wire, publisher):
        if label and label not in via and label != index.label(c.speaker):
            via.append(label)
    reported = None
    for o in reversed(c.outer):
        if o.date_text:
            reported = resolve_date(o.date_text, anchor)
            if reported:
                break
    said = resolve_date(c.date_text, anchor) if c.date_text else None
    addressee_text = text[c.addressee_span[0]:c.addressee_span[1]] if c.addressee_span else None
    if c.speaker_span:
        a, b = c.speaker_span
        if text.count("(", a, b) > text.count(")", a, b):
            close = text.find(")", b, b + 12)  # "Sen. Mark Lane (R-Ohio": the label's bracket
            if close != -1 and "\n" not in text[b:close]:
                c.speaker_span = (a, close + 1)
    speaker_text = text[c.speaker_span[0]:c.speaker_span[1]] if c.speaker_span else None
    sent = _sentence_at(list(sent_chars), c.cue_span[0]) if sent_chars else (0, 0)
    return {
        "id": "",
        "kind": kind,
        "speaker": c.speaker,
        "speaker_text": speaker_text,
        "speaker_span": list(c.speaker_span) if c.speaker_span else None,
        "source_kind": channels.source_kind(text[c.refers[0]:c.refers[1]] if c.refers else speaker_text,
                                            index.by_id.get(c.speaker) if c.speaker else None,
                                            text[sent[0]:sent[1]]),
        "cue": c.cue,
        "cue_span": list(c.cue_span),
        "addressee": c.addressee,
        "addressee_text": addressee_text,
        "content": content,
        "span": list(span),
        "quotes": [list(p) for q in c.quotes + c.more for p in q.parts],
        "channel": channel,
        "via": via,
        "said_on": said,
        "reported_on": reported,
    }



def _headline(reading: Reading, index: EntityIndex, wire, publisher) -> dict[str, Any] | None:
    """"Kim: Russia has right …", "… - minister", "…, says X" in the title."""
    title = (reading.title or "").strip()
    if not title:
        return None
    found = None
    m = re.match(r"^(?P<who>[^:]{2,80}?):\s+(?P<what>.+)$", title)
    if m:
        found = (m.start("who"), m.end("who"), m.start("what"), m.end("what"), ":")
    else:
        for dash in cues.HEADLINE_DASHES:
            k = title.rfind(dash)
            if k > 0:
                found = (k + len(dash), len(title), 0, k, dash.strip())
                break
        if found is None:
            m = _HEADLINE_SAYS.match(title)
            if m:
                found = (m.start("who"), m.end("who"), m.start("what"), m.end("what"), m.group("cue"))
    if found is None:
        return None
    ws, we, cs, ce, cue = found
    who = title[ws:we].strip().rstrip(".")
    what = title[cs:ce].strip().strip("'\"‘’“”")
    if len(who.split()) > cues.HEADLINE_SPEAKER_MAX_WORDS or len(what.split()) < cues.HEADLINE_CONTENT_MIN_WORDS:
        return None
    speaker = _headline_speaker(who, index)
    last = who.split()[-1].lower().strip(".'’s") if who.split() else ""
    if speaker is None and last not in cues.HEADLINE_ROLES:
        return None
    if speaker is None and last in cues.ROLE_NOUNS and len(who.split()) <= 2:
        speaker = index.titled(last, 10**9)
    speaker_text = who
    if speaker is not None:
        ent = index.by_id[speaker]
        name_words = {w.lower() for w in ent["name"].split()} | {a.lower() for a in ent["aliases"]}
        words = who.split()
        k = next((i for i, w in enumerate(words) if w.lower().strip("'’s") in name_words), None)
        if k and any(w.lower() in cues.ROLE_NOUNS for w in words[:k]):
            title_words = words[:k]
            ent["titles"].append(" ".join(title_words)) if " ".join(title_words) not in ent["titles"] else None
    via = [x for x in (wire, publisher) if x and x != index.label(speaker)]
    return {
        "id": "",
        "kind": "headline",
        "speaker": speaker,
        "speaker_text": speaker_text,
        "speaker_span": None,
        "source_kind": channels.source_kind(speaker_text, index.by_id.get(speaker) if speaker else None),
        "cue": cue,
        "cue_span": None,
        "addressee": None,
        "addressee_text": None,
        "content": what,
        "span": None,
        "title_span": [title.find(what), title.find(what) + len(what)],
        "quotes": [],
        "channel": None,
        "via": via,
        "said_on": None,
        "reported_on": None,
    }



def _headline_speaker(who: str, index: EntityIndex) -> str | None:
    found = index.by_surface(who)
    if found:
        return found
    words = who.split()
    for n in range(len(words), 0, -1):
        for i in range(0, len(words) - n + 1):
            cand = " ".join(words[i:i + n])
            if not cand[:1].isupper():
                continue
            eid = index.by_surface(cand)
            if eid and index.by_id[eid]["type"] in ("PERSON", "ORG") and index.by_id[eid]["mentions"]:
                return eid
    return None
