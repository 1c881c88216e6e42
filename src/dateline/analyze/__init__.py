"""Article → Reading: entities, claims, events and time expressions, with offsets.

The spaCy pipeline is loaded on first use (analyze.nlp), never at import. Texts go through
``nlp.pipe`` in batches; each document is then analysed on its own, and a failure on one sets
``reading.error`` for that one while the rest go on.

Each page's language is detected first (language.py) and stored in ``reading.language``; a
page is analysed only with a pipeline for its language. One in a language with no installed
pipeline keeps its article and gets ``analysis: "skipped (language xx)"`` and no entities,
claims or events, rather than what an English model makes of Russian.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..model import Error, Reading

#: readings parsed together by nlp.pipe
BATCH_SIZE = 32
#: spaCy components the analysis does not use (lemmas come from the cue lexicon)
UNUSED_COMPONENTS = ("lemmatizer",)
#: texts longer than this are analysed up to the last paragraph end before it: far longer
#: than any article, and the parser needs about 1 GB per 100,000 characters at once
MAX_ANALYZED_CHARS = 200_000


def analyze(readings: Iterable[Reading], *, batch_size: int = BATCH_SIZE) -> Iterator[Reading]:
    """Add the analysis of each reading that has text. Readings that could not be read pass
    through; a page cut for its size is analysed as far as it was read."""
    it = iter(readings)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        yield from _analyze_batch(batch)


def _version() -> str:
    from .. import __version__

    return __version__


def pipeline_language(reading: Reading) -> str | None:
    """Detect and store the reading's language; the pipeline language to analyse it with, or
    None when it is in a language with no installed pipeline (``reading.analysis`` says so)."""
    from . import nlp as nlp_module
    from .language import page_language

    try:
        code, _ = page_language(reading.text, reading.title, reading.language)
    except Exception:  # an odd text must not stop the batch: analyse it as before
        code = None
    reading.language = code
    reading.dateline_version = _version()  # which analysis made it: `dateline reanalyze` finds older ones
    if code is None or code == nlp_module.DEFAULT_LANGUAGE or nlp_module.has_pipeline(code):
        # too short to tell and nothing declared: the default pipeline
        reading.analysis = f"analysed (language {code or 'unknown'})"
        return code if code is not None and nlp_module.has_pipeline(code) else nlp_module.DEFAULT_LANGUAGE
    reading.analysis = f"skipped (language {code})"
    reading.entities, reading.claims, reading.timexes, reading.events = [], [], [], []
    return None


def analyze_one(reading: Reading, doc: Any = None, language: str | None = "") -> Reading:
    """Entities, claims, time expressions and events of one reading; ``doc`` is its parse when
    already made, ``language`` the pipeline's when already chosen (None: skipped)."""
    from . import nlp as nlp_module
    from .attribution import attribute
    from .entities import find_entities
    from .events import find_events
    from .timex import find_timexes

    if language == "":
        language = pipeline_language(reading)
    if language is None:
        return reading
    try:
        if doc is None:
            doc = nlp_module.load(UNUSED_COMPONENTS, language)(reading.text)
        _known_text(doc, reading.text)
        reading.entities = find_entities(doc, reading)
        reading.claims = attribute(doc, reading, reading.entities)
        anchor = document_date(reading)
        reading.timexes = find_timexes(reading.text, anchor, doc) + _field_timexes(reading, anchor)
        reading.events = find_events(doc, reading, reading.entities, reading.claims,
                                     [t for t in reading.timexes if "field" not in t])
        reading.events += _field_events(reading, nlp_module.load(UNUSED_COMPONENTS), len(reading.events))
        reading.type_records()
    except Exception as exc:  # one odd document must not stop the batch
        reading.entities, reading.claims, reading.timexes, reading.events = [], [], [], []
        reading.error = Error("analyze", f"{type(exc).__name__}: {exc}")
    return reading


def _known_text(doc: Any, text: str) -> None:
    """The parse's text is the reading's (spaCy's tokenizer keeps every character): kept as
    ``analyze.nlp.text`` of it, which would otherwise join each token's text again (~1 µs a
    token). Checked by its length, cheap, against a parse of some other text handed in."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data.setdefault("dateline_text", text)


def document_date(reading: Reading) -> str | None:
    """The date relative expressions resolve against: the story's own day (its dateline's date,
    else a date its lead gives), else publication, so that every copy of a story agrees."""
    from .timex import story_anchor

    return story_anchor(reading.text, reading.published, reading.dateline.date if reading.dateline else None)


def _field_timexes(reading: Reading, anchor: str | None) -> list[dict[str, Any]]:
    """Time expressions of the title and captions; ``span`` points into that ``field``."""
    from .timex import find_timexes

    out: list[dict[str, Any]] = []
    fields = [("title", reading.title)] + [(f"images.{i}.caption", im.caption)
                                          for i, im in enumerate(reading.images)]
    for name, value in fields:
        if value:
            for t in find_timexes(value, anchor):
                t["field"] = name
                out.append(t)
    return out


def _field_events(reading: Reading, nlp: Any, numbered: int) -> list[dict[str, Any]]:
    """Events of the title and captions ("Rebels shell the airport"): ``span`` and
    ``trigger_span`` point into that ``field``; actors are the article's entities by name."""
    from .events import find_events

    fields = [(name, value) for name, value in [("title", reading.title)] + [
        (f"images.{i}.caption", im.caption) for i, im in enumerate(reading.images)] if value and value.strip()]
    if not fields:
        return []
    surface: dict[str, str] = {}
    for ent in reading.entities:
        for form in [ent["name"], *ent["aliases"]]:
            surface.setdefault(form.lower(), ent["id"])
    out: list[dict[str, Any]] = []
    for (name, value), doc in zip(fields, nlp.pipe(v for _, v in fields)):
        shadow = Reading(id=reading.id, source=reading.source, text=value, paragraphs=[(0, len(value))])
        timexes = [t for t in reading.timexes if t.get("field") == name]
        for ev in find_events(doc, shadow, [], [], timexes):
            for role in ("actor", "recipient"):
                words = (ev.get(f"{role}_text") or "").lower()
                ev[role] = surface.get(words) or surface.get(words.removeprefix("the ")) or ev.get(role)
            ev["actors"] = [ev["actor"]] if ev.get("actor") else []
            numbered += 1
            ev["id"], ev["field"], ev["asserted_by"] = f"v{numbered}", name, None
            out.append(ev)
    return out


def _analyzable(r: Reading) -> bool:
    # a page read only in part (cut for its size) is still worth analysing
    return (r.error is None and bool(r.text or r.title)) or (r.error is not None and r.error.partial and bool(r.text))


def _shortened(r: Reading) -> tuple[Reading, int | None]:
    """The reading to analyse: itself, or a copy cut at a paragraph end when it is too long."""
    if len(r.text) <= MAX_ANALYZED_CHARS:
        return r, None
    from dataclasses import replace

    ends = [e for s, e in r.paragraphs if e <= MAX_ANALYZED_CHARS]
    cut = ends[-1] if ends else MAX_ANALYZED_CHARS
    return replace(r, text=r.text[:cut], paragraphs=[(s, e) for s, e in r.paragraphs if e <= cut]), cut


def _analyze_batch(batch: list[Reading]) -> Iterator[Reading]:
    from . import nlp as nlp_module
    from .segments import one_piece

    todo = []
    short: dict[int, tuple[Reading, int]] = {}
    lang_of: dict[int, str] = {}
    for r in batch:
        if _analyzable(r):
            lang = pipeline_language(r)
            if lang is None:
                continue
            lang_of[id(r)] = lang
            part, cut = _shortened(r)
            if cut is not None:
                short[id(r)] = (part, cut)
            todo.append(r)
    docs: dict[int, Any] = {}
    for lang in dict.fromkeys(lang_of.values()):
        group = [r for r in todo if lang_of[id(r)] == lang]
        # texts longer than a segment are parsed segment by segment (segments.py), not here
        whole = [r for r in group if one_piece((short[id(r)][0] if id(r) in short else r).text)]
        if not whole:
            continue
        try:
            nlp = nlp_module.load(UNUSED_COMPONENTS, lang)
            texts = (short[id(r)][0].text if id(r) in short else r.text for r in whole)
            for r, doc in zip(whole, nlp.pipe(texts, batch_size=len(whole))):
                docs[id(r)] = doc
        except Exception as exc:
            if isinstance(exc, nlp_module.ModelMissing):
                for r in group:
                    r.error = Error("analyze", str(exc))
                todo = [r for r in todo if lang_of[id(r)] != lang]
            # otherwise each document is parsed on its own below, so one bad text fails alone
    for r in batch:
        if any(r is t for t in todo):
            lang = lang_of[id(r)]
            if id(r) in short:
                part, cut = short[id(r)]
                earlier = r.error
                _analyze_in_segments(part, docs.get(id(r)), lang)
                r.entities, r.claims, r.timexes, r.events = part.entities, part.claims, part.timexes, part.events
                note = f"the text is longer than {MAX_ANALYZED_CHARS:,} characters; only its first {cut:,} were analysed"
                if earlier is not None and earlier.partial and part.error is None:
                    r.error = Error(earlier.stage, f"{earlier.message}; {note}", partial=True)
                else:
                    r.error = earlier or part.error or Error("analyze", note, partial=True)
            else:
                earlier = r.error
                _analyze_in_segments(r, docs.get(id(r)), lang)
                r.error = earlier or r.error
        yield r


def _analyze_in_segments(reading: Reading, doc: Any = None, lang: str = "en") -> Reading:
    """analyze_one, segment by segment when the text is longer than a segment (segments.py):
    the cost of analysis then grows with the length of the text, not its square."""
    from . import nlp as nlp_module
    from .segments import merge, one_piece, segment_readings

    if one_piece(reading.text):
        return analyze_one(reading, doc, lang)
    parts = segment_readings(reading)
    try:
        nlp = nlp_module.load(UNUSED_COMPONENTS, lang)
        pdocs = list(nlp.pipe((p.text for _, p in parts), batch_size=4))
    except nlp_module.ModelMissing as exc:
        reading.error = Error("analyze", str(exc))
        return reading
    except Exception:  # parsed one by one below, so one bad segment fails alone
        pdocs = [None] * len(parts)
    failed = []
    for (_, part), pdoc in zip(parts, pdocs):
        analyze_one(part, pdoc, lang)
        if part.error is not None:
            failed.append(part.error.message)
    merge(reading, parts)
    reading.type_records()
    if failed and len(failed) == len(parts):
        reading.error = Error("analyze", failed[0])
    elif failed:
        reading.error = Error("analyze", f"{len(failed)} of {len(parts)} segments of the text could not be "
                                         f"analysed ({failed[0]}); the rest was", partial=True)
    return reading
