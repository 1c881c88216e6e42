"""One options object passed down the extraction pipeline (trafilatura's style)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    #: HTML: also try trafilatura's fallback extractors (readability, jusText) when its own
    #: result looks poor. Slower; measured in bench/extraction.py.
    html_fallback: bool = False
    #: HTML: when the fast pass gives mostly short blocks that are not sentences (over half of
    #: five or more: menus, teaser lists, a footer read as text) or almost nothing (under 250
    #: characters), read that page again in trafilatura's balanced mode (which retries a short
    #: result in recall mode on its own), still without the fallback extractors: on the 9 pages
    #: of the two sets re-read, they gave the same text at up to 3x the time. Measured
    #: (bench/extraction.py): AEB F1 unchanged, the second set +0.012, ~1 page in 30 re-read
    html_rescue: bool = True
    #: HTML: trafilatura's precision/recall trade-off. "recall" is the most accurate and the
    #: fastest on news pages when fallbacks are off (whole HTML path: F1 0.966 at ~103
    #: pages/CPU-s, balanced 0.965 at ~89, precision 0.950 at ~98 on the article-extraction
    #: benchmark; see extract/html.py)
    html_focus: Literal["balanced", "precision", "recall"] = "recall"
    #: HTML: when no meta tag or JSON-LD states the publication date, let htmldate search the
    #: page (time elements, date-like text, the URL) for it
    html_date_search: bool = True
    #: keep tables found in the article body
    tables: bool = True
    #: pages larger than this many characters are cut before parsing (a 50 MB page stays
    #: readable instead of exhausting memory); the reading records that it was cut
    max_chars: int = 5_000_000


DEFAULT_OPTIONS = ExtractOptions()
