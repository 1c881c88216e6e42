"""The article-extraction benchmark's metric and data loading (see ../shared/bench/README.md).

Words are runs of ``\\w``; a text is a bag of overlapping 4-word windows (a text of 1-3 words
is one window). Per page precision and recall come from the windows in both, predicted only
and true only; the reported precision and recall are means over pages (a page with an empty
prediction counts for recall only) and F1 is the harmonic mean of the two means.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

AEB = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "aeb"
_WORD = re.compile(r"\w+")


def windows(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text or "")
    if not words:
        return Counter()
    if len(words) < 4:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


@dataclass
class PageScore:
    precision: float | None  # None: empty prediction, counts for recall only
    recall: float


def score_page(predicted: str, truth: str) -> PageScore:
    p, t = windows(predicted), windows(truth)
    matched = sum((p & t).values())
    extra = sum(p.values()) - matched
    missed = sum(t.values()) - matched
    if extra == 0 and missed == 0:
        return PageScore(1.0, 1.0)
    precision = matched / (matched + extra) if p else None
    recall = matched / (matched + missed) if (matched + missed) else 1.0
    return PageScore(precision, recall)


@dataclass
class Summary:
    precision: float
    recall: float
    f1: float
    pages: int


def summarise(scores: Iterable[PageScore]) -> Summary:
    scores = list(scores)
    ps = [s.precision for s in scores if s.precision is not None]
    rs = [s.recall for s in scores]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Summary(p, r, f1, len(scores))


def available() -> bool:
    return (AEB / "ground-truth.json").is_file()


def ground_truth() -> dict[str, str]:
    data = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("articleBody") or "" for k, v in data.items()}


def html_pages() -> Iterator[tuple[str, str]]:
    for path in sorted((AEB / "html").glob("*.html.gz")):
        yield path.name.split(".")[0], gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def text_pages() -> Iterator[tuple[str, str]]:
    for path in sorted((AEB / "text").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8", errors="replace")
