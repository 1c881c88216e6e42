"""Who said what, to whom, when, and through which sources.

``attribute(doc, reading, entities)`` finds the claims of one parsed article:

- cue verbs (cues.SPEECH_VERBS) with their subject, before the content ("X said that …",
  "X told Y …", "X pledged to …") or after it ("…, X said", "'…,' said X", split quotes);
- "according to X"; omissions ("X made no mention of …", "X declined to comment");
- quotes with a colon or dash cue ("X on tariffs: '…'", "'…' — X"), quotes that continue the
  previous speaker's quote, and headlines ("X: …", "… - X").

Stages, a module each: parse.py (sentences, token helpers), quotes.py (quotation marks),
verbs.py (speech verbs, "according to", omissions), learned.py with cue_model.py and
broad_cues.py (the cue model learned from PolNeAR: beliefs, plans, documents, nominal cues),
quoted.py (colon and dash cues, continued and orphan quotes), speakers.py (conduits and
coreference), channels.py and chains.py (the channel, the chain of carriers, the output).
The words are data in ../cues.py and channels.py.

An attribution whose content holds another one is a conduit: "Kim told Y that …, state media
said" is Kim's claim via KCNA. ``via`` then adds the article's wire agency and publisher. A news
agency (state media, a wire service) is only that link of the chain; any other medium or person
that carries another's words ("…, the Daily Planet reported", "according to the report", "X
testified that Y said …") is a claim of its own too, its content the whole of what it carried.
Bylines and the article's own wire agency are never speakers. Nothing here raises on odd text;
analyze() catches what a bug might raise and records it on the one document.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Reading
from .. import cues
from ..entities import EntityIndex
from ..nlp import noun_chunk_ends
from ..timex import story_anchor
from .chains import _headline, _to_dict
from .learned import _learned_cues
from .parse import _Cand, _char_end, _sentences
from .quoted import (
    _block_quotes,
    _continuations,
    _credited_items,
    _orphan_quotes,
    _quote_cues,
    _split_coordinated,
    _trailing_verbs,
    _transcript_lines,
)
from .quotes import _quotes_in, find_quotes, paragraph_spans
from .speakers import (
    _appearance_holders,
    _carrier_only,
    _medium,
    _nest,
    _outside_dateline,
    _owned_quotes,
    _polled,
    _polled_in_clause,
    _resolve_speakers,
)
from .verbs import _according, _as_cues, _cue_verbs, _in_documents, _omissions


def _only_the_document(text: str, c: _Cand) -> bool:
    """'The party released a statement', 'X posted messages': the content is only the document
    put out, with no quotation; it says that the document exists, not what it says."""
    content = text[c.content[0]:c.content[1]]
    if c.quotes or c.cue.lower() not in cues.ISSUING_VERBS or re.search("[\"“”‘’«»]", content):
        return False
    words = re.findall(r"[\w’'-]+", content)
    return 0 < len(words) <= 4 and words[-1].lower() in cues.ISSUED_NOUNS


def _announcements_dropped(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'X released the following statement: "…"': the words after the colon are the claim (the
    colon cue's); "the following statement" is no content of its own. Nor is a document put out
    with nothing of what it says ('released a statement')."""
    colons = {c.cue_span[0]: c for c in cands if c.cue == ":"}
    out = []
    for c in cands:
        end = c.content[1]
        while end < len(text) and text[end] in " \t":
            end += 1
        if c.cue != ":" and end in colons and len(text[c.content[0]:c.content[1]].split()) <= 4:
            colon = colons[end]
            if colon.speaker_span == c.speaker_span:
                colon.cue, colon.cue_span = c.cue, c.cue_span  # the verb is the better cue
            continue
        if _only_the_document(text, c):
            continue
        out.append(c)
    return out


def _editors_notes_dropped(text: str, cands: list[_Cand]) -> list[_Cand]:
    """An editor's note that does not correct the article (a standing line repeated under every
    article on a subject) is the publisher's own: what it says of anyone is not reporting."""
    notes = [m.span() for m in cues.EDITORS_NOTE.finditer(text) if not cues.CORRECTION_NOTE.search(m.group())]
    if not notes:
        return cands
    return [c for c in cands if not any(a <= c.cue_span[0] < b for a, b in notes)]


def _colon_twins_dropped(cands: list[_Cand]) -> list[_Cand]:
    """'She added a caveat: "…"', 'X said of Reed: "…"': the verb's claim and the colon's hold the
    same words; the verb's is kept, it names the cue."""
    colons = [c for c in cands if c.cue == ":" and c.quotes]
    if not colons:
        return cands
    by_verb = {c.quotes[0].span for c in cands if c.cue != ":" and c.quotes}
    return [c for c in cands if c.cue != ":" or not c.quotes or c.quotes[0].span not in by_verb
            or c.content[0] < c.quotes[0].span[0]]  # a headline with a quotation inside is its own


def attribute(doc: Any, reading: Reading, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims of one article; ``doc`` is the spaCy Doc of ``reading.text``."""
    text = reading.text
    index = EntityIndex(entities, text)
    paras = paragraph_spans(text, reading.paragraphs)
    quotes = find_quotes(text, paras)
    sents = _sentences(doc, paras)
    chunks = noun_chunk_ends(doc) if doc.has_annotation("DEP") else {}

    cands: list[_Cand] = []
    for ss, se in sents:
        taken: set[int] = set()
        cands += _omissions(doc, ss, se, taken)
        cands += _according(doc, ss, se, taken, quotes)
        cands += _as_cues(doc, ss, se, taken, quotes)
        cands += _cue_verbs(doc, ss, se, taken, quotes, index, chunks)
        cands += _in_documents(doc, ss, se, taken, quotes)
    cands += _trailing_verbs(doc, text, sents, quotes, cands)
    cands += _learned_cues(doc, sents, quotes, cands)
    cands = _outside_dateline(cands, reading, paras)
    _nest(cands)
    cands = _polled(cands, text)
    _polled_in_clause(cands, doc, text)
    cands = _split_coordinated(cands, text, quotes)
    cands += _quote_cues(doc, text, sents, quotes, cands, index)
    cands += _transcript_lines(text, paras, cands, index)
    cands += _block_quotes(doc, text, sents, paras, quotes, cands)
    cands += _credited_items(text, paras, quotes, cands)
    cands = _announcements_dropped(text, cands)
    cands = _editors_notes_dropped(text, cands)
    for c in cands:
        if not c.quotes:
            c.quotes, c.content = _quotes_in(quotes, c.content)
    cands = _colon_twins_dropped(cands)
    _resolve_speakers(doc, text, cands, index, reading)
    _continuations(text, sents, paras, quotes, cands)
    _orphan_quotes(doc, text, paras, quotes, cands, index)
    _owned_quotes(cands, text)
    _appearance_holders(doc, text, cands, index, reading)

    wire = reading.dateline.agency if reading.dateline and reading.dateline.agency else None
    publisher = getattr(reading, "publisher", None)
    carriers = {e["id"] for e in entities if e.get("role")}
    carriers |= {e["id"] for e in entities if wire and e.get("agency") == wire}

    sent_chars = [(doc[a].idx, _char_end(doc, b)) for a, b in sents]
    anchor = story_anchor(text, reading.published, reading.dateline.date if reading.dateline else None)
    claims: list[dict[str, Any]] = []
    for c in sorted(cands, key=lambda c: c.content[0]):
        if c.speaker and c.speaker in carriers:
            continue  # the article's own wire and bylines are carriers, not speakers
        if c.conduit and _medium(c, text, index) and _carrier_only(c, cands, text, index):
            continue  # a news agency that carries another's words is a link of the chain, not a speaker
        claim = _to_dict(c, text, index, reading, wire, publisher, sent_chars, anchor)
        if claim is not None:
            claims.append(claim)
    head = _headline(reading, index, wire, publisher)
    if head:
        claims.insert(0, head)
    for i, claim in enumerate(claims, 1):
        claim["id"] = f"c{i}"
    return claims
