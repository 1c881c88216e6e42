"""Versions of one story: wire version labels on one headline ("1st LD", "UPDATE 2") and one
address whose content changed between crawls."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class VersionKey:
    """What a document brings to version linking; ``base_title`` has the label taken off."""

    id: str
    url: str | None
    base_title: str | None
    label: str | None
    day: str | None  # YYYY-MM-DD


def split_title(title: str | None) -> tuple[str | None, str | None]:
    """(headline without its version label, the label)."""
    if not title:
        return None, None
    from ..extract.meta import split_version

    base, label = split_version(title)
    return base or title, label


def title_key(title: str | None) -> str | None:
    if not title:
        return None
    key = " ".join(_WORD.findall(title.casefold()))
    return key if len(key.split()) >= 3 else None  # "Live updates" is no story's name


def url_key(url: str | None) -> str | None:
    """One address however it is written: no scheme, fragment, "www.", trailing slash or
    tracking parameters (utm_*, fbclid, gclid…: see tracking.py)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    from .tracking import without_tracking

    kept = without_tracking(parts.query)
    query = f"?{kept}" if kept else ""
    return f"{host}{path}{query}" if host else url.strip()


def _same_site(a: str | None, b: str | None) -> bool:
    ka, kb = url_key(a), url_key(b)
    if not ka or not kb:
        return True
    return ka.split("/", 1)[0] == kb.split("/", 1)[0]


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def version_pairs(docs: Iterable[VersionKey], window_days: int = 3) -> list[tuple[str, str, str]]:
    """Pairs of versions: (id, id, why) with why "url" or "label"."""
    by_url: dict[str, list[VersionKey]] = defaultdict(list)
    by_title: dict[str, list[VersionKey]] = defaultdict(list)
    for d in docs:
        if (u := url_key(d.url)) is not None:
            by_url[u].append(d)
        if (t := title_key(d.base_title)) is not None:
            by_title[t].append(d)
    pairs: list[tuple[str, str, str]] = []
    for group in by_url.values():
        for a, b in zip(group, group[1:]):
            pairs.append((a.id, b.id, "url"))
    for group in by_title.values():
        labelled = [d for d in group if d.label]
        if not labelled or len(group) < 2:
            continue
        # a labelled version links to each other version of the headline within the window
        for a in labelled:
            for b in group:
                if b is a or (b.label or "").casefold() == a.label.casefold():  # type: ignore[union-attr]
                    continue
                if not _same_site(a.url, b.url):
                    continue  # an outlet's copy of one version is a copy, not another version
                apart = _days_apart(a.day, b.day)
                if apart is None or apart <= window_days:
                    pairs.append((a.id, b.id, "label"))
    return pairs
