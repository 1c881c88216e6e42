"""One row per real-world entity across documents.

A reading's entities have ids that mean something inside that reading only. Each is mapped to
a corpus entity by its normalised name, then by its multi-word aliases ("Kim Jong Un" is found
as "Kim Jong-un" and "KIM JONG UN"); a one-word name ("Putin") joins an entity only when
exactly one entity of its type has that word as an alias, so two people called "Lee" never
merge. Whatever is new becomes an alias of the entity it joined.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s\b")


def name_key(name: str | None) -> str:
    """ "Kim Jong-un's" → "kim jong un"; accents, case and punctuation do not matter."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(text.casefold()))


def resolve(conn: sqlite3.Connection, entity: dict) -> int:
    """The corpus entity id of a reading's entity, creating or extending it as needed."""
    name = str(entity.get("name") or "").strip()
    etype = entity.get("type")
    aliases = [str(a) for a in entity.get("aliases") or [] if a]
    keys = _keys(name, aliases)
    main = name_key(name) or (keys[0] if keys else "")
    entity_id = _find(conn, keys, etype, main)
    if entity_id is None:
        cur = conn.execute(
            "INSERT INTO entities (name, type, name_key) VALUES (?, ?, ?)", (name or main, etype, main)
        )
        entity_id = int(cur.lastrowid)  # type: ignore[arg-type]
    for alias in _unique([name, *aliases]):
        key = name_key(alias)
        if key:
            conn.execute(
                "INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?) "
                "ON CONFLICT (entity_id, alias) DO NOTHING",
                (entity_id, alias, key),
            )
    return entity_id


def _keys(name: str, aliases: Iterable[str]) -> list[str]:
    return _unique(k for k in (name_key(x) for x in (name, *aliases)) if k)


def _find(conn: sqlite3.Connection, keys: list[str], etype: str | None, main: str) -> int | None:
    multi = [k for k in keys if " " in k]  # the name's own key comes first
    for key in multi:
        rows = conn.execute(
            "SELECT DISTINCT e.id, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias_key = ? ORDER BY e.id",
            (key,),
        ).fetchall()
        hit = _same_type(rows, etype)
        if hit is not None:
            return hit
    if main and " " not in main:
        rows = conn.execute(
            "SELECT DISTINCT e.id, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias_key = ? ORDER BY e.id",
            (main,),
        ).fetchall()
        rows = [r for r in rows if _compatible(r[1], etype)]
        if len(rows) == 1:
            return int(rows[0][0])
    return None


def _same_type(rows, etype) -> int | None:
    for row in rows:
        if _compatible(row[1], etype):
            return int(row[0])
    return None


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for i in items:
        seen.setdefault(i, None)
    return list(seen)


def lookup(conn: sqlite3.Connection, name: str) -> list[int]:
    """Corpus entities a user's name may mean: by alias, else by a word of their aliases."""
    key = name_key(name)
    if not key:
        return []
    rows = conn.execute("SELECT DISTINCT entity_id FROM entity_aliases WHERE alias_key = ?", (key,)).fetchall()
    if rows:
        return [int(r[0]) for r in rows]
    pattern = "% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %"
    rows = conn.execute(
        "SELECT DISTINCT entity_id FROM entity_aliases WHERE ' ' || alias_key || ' ' LIKE ? ESCAPE '\\'",
        (pattern,),
    ).fetchall()
    return [int(r[0]) for r in rows]
