"""Article → Reading: entities, claims, events and time expressions, with offsets.

The spaCy pipeline is loaded on first use (analyze.nlp), never at import. Texts go through
``nlp.pipe`` in batches; each document is then analysed on its own, and a failure on one sets
``reading.error`` for that one while the rest go on.
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


def analyze(readings: Iterable[Reading], *, batch_size: int = BATCH_SIZE) -> Iterator[Reading]:
    """Add the analysis of each reading that has text. Readings with an error pass through."""
    it = iter(readings)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        yield from _analyze_batch(batch)


def analyze_one(reading: Reading, doc: Any = None) -> Reading:
    """Entities, claims, time expressions and events of one reading; ``doc`` is its parse when
    already made."""
    from . import nlp as nlp_module
    from .attribution import attribute
    from .entities import find_entities
    from .events import find_events
    from .timex import find_timexes

    try:
        if doc is None:
            doc = nlp_module.load(UNUSED_COMPONENTS)(reading.text)
        reading.entities = find_entities(doc, reading)
        reading.claims = attribute(doc, reading, reading.entities)
        anchor = document_date(reading)
        reading.timexes = find_timexes(reading.text, anchor, doc) + _field_timexes(reading, anchor)
        reading.events = find_events(doc, reading, reading.entities, reading.claims,
                                     [t for t in reading.timexes if "field" not in t])
    except Exception as exc:  # one odd document must not stop the batch
        reading.entities, reading.claims, reading.timexes, reading.events = [], [], [], []
        reading.error = Error("analyze", f"{type(exc).__name__}: {exc}")
    return reading


def document_date(reading: Reading) -> str | None:
    """The date relative expressions resolve against: publication, else the dateline's date."""
    if reading.published:
        return reading.published
    if reading.dateline and reading.dateline.date:
        return reading.dateline.date
    return None


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


def _analyze_batch(batch: list[Reading]) -> Iterator[Reading]:
    from . import nlp as nlp_module

    todo = [r for r in batch if r.error is None and (r.text or r.title)]
    docs: dict[int, Any] = {}
    if todo:
        try:
            nlp = nlp_module.load(UNUSED_COMPONENTS)
            for r, doc in zip(todo, nlp.pipe((r.text for r in todo), batch_size=len(todo))):
                docs[id(r)] = doc
        except Exception as exc:
            if isinstance(exc, nlp_module.ModelMissing):
                for r in todo:
                    r.error = Error("analyze", str(exc))
                todo = []
            # otherwise each document is parsed on its own below, so one bad text fails alone
    for r in batch:
        if any(r is t for t in todo):
            analyze_one(r, docs.get(id(r)))
        yield r
