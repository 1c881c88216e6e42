"""One options object passed down the extraction pipeline (trafilatura's style)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    #: HTML: also try trafilatura's fallback extractors (readability, jusText) when its own
    #: result looks poor. Slower; measured in bench/extraction.py.
    html_fallback: bool = False
    #: keep tables found in the article body
    tables: bool = True
    #: pages larger than this many characters are cut before parsing (a 50 MB page stays
    #: readable instead of exhausting memory); the reading records that it was cut
    max_chars: int = 5_000_000


DEFAULT_OPTIONS = ExtractOptions()
