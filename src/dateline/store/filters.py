"""Checks on what a user asks the store for, before any SQL runs.

A name filter (``--speaker``, the entity of ``timeline``) is matched by its words; one with no
letters or digits ("", "...") used to match every claim or unrelated ones, and a 100 KB one made
SQLite give up ("LIKE or GLOB pattern too complex"). Such filters are refused at once, with a
reason; so is an empty search. Search queries have their own limits (fts.py).
"""

from __future__ import annotations

from .entities import name_key
from .fts import QueryTooComplex

#: a name longer than this is no one's name
MAX_NAME_CHARS = 200
MAX_NAME_WORDS = 12


def checked_name(label: str, value: str) -> str:
    """``value`` if it can name someone, else ValueError saying why (``label``: "--speaker")."""
    value = _valid(value)
    if not value.strip():
        raise ValueError(f"{label} is empty: give a name or an alias")
    if len(value) > MAX_NAME_CHARS:
        raise QueryTooComplex(f"{label} is {len(value):,} characters long; a name has at most {MAX_NAME_CHARS}")
    key = name_key(value)
    if not key:
        raise ValueError(f"{label} {value!r} has no letters or digits: give a name or an alias")
    if len(key.split()) > MAX_NAME_WORDS:
        raise QueryTooComplex(f"{label} has {len(key.split())} words; a name has at most {MAX_NAME_WORDS}")
    return value


def checked_query(label: str, value: str) -> str:
    """A search query that is not empty (its other limits are fts.py's)."""
    value = _valid(value)
    if not value.strip():
        raise ValueError(f"{label} is empty: give words to look for")
    return value


def _valid(value: str) -> str:
    from ..ingest.unicode import valid_text

    return valid_text(value, "", None)  # an argument that is not UTF-8 (the shell's bytes) still works
