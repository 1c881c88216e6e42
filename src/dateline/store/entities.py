"""One row per real-world entity across documents.

A reading's entities have ids that mean something inside that reading only. Each is mapped to
a corpus entity through ``entity_keys`` (migration 3), keys made by this module:

- ``name``: the normalised name. For people, titles and honorifics in front are taken off
  ("President Trump", "Mr. Trump" → trump), middle initials too ("Donald J. Trump" → donald
  trump), and common transliteration endings are made one ("Zelenskyy", "Zelenskiy",
  "Zelensky" → zelensky). A name key of two words or more joins the entity that has it.
- ``surname``: the family name of a full name (the last word; the first for a name such as
  "Kim Jong Un" whose first word is an East Asian family name, store/name_rules.py). A
  reading entity known by one word only ("Putin": its document never gave the full name)
  joins the one corpus person with that surname — when the surname is shared, only the one
  whose titles agree ("President"), and when that still leaves two people, neither: it stays a
  bare-name entity of its own, so a reporter and a leader called Kim never merge.
- ``acronym`` and ``initials``: an organisation known by an acronym ("NATO") and one whose
  words give it ("North Atlantic Treaty Organization") join when exactly one entity matches.

A full name that arrives after bare-surname entities of its own surname takes them over when
it is the only full name with that surname. Whatever is new becomes an alias of the entity it
joined. Stores written before migration 3 keep working: their entities are also found by
``entity_aliases.alias_key`` as before.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable

from . import name_rules

_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s\b")
_TRANSLIT = [(re.compile(a), b) for a, b in name_rules.TRANSLITERATION_ENDINGS]


def name_key(name: str | None) -> str:
    """ "Kim Jong-un's" → "kim jong un"; accents, case and punctuation do not matter."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(text.casefold()))


def person_key(name: str | None) -> str:
    """ "President Donald J. Trump" → "donald trump"; "Volodymyr Zelenskyy" → "volodymyr zelensky"."""
    words = name_key(name).split()
    i = 0
    while i < len(words) - 1 and words[i] in name_rules.TITLE_WORDS:
        i += 1
    if any(w in name_rules.TITLE_HEADS for w in words[:i]):
        words = words[i:]  # a title has a role noun or an honorific; "New" alone is a name
    if len(words) > 2:
        words = [w for w in words if len(w) > 1 or not w.isalpha()] or words
    return " ".join(_translit(w) for w in words)


def _translit(word: str) -> str:
    for pattern, repl in _TRANSLIT:
        word = pattern.sub(repl, word)
    return word


def surnames(key: str) -> list[str]:
    """The family names of a person key: its last word (before Jr., III), and its first when
    that is an East Asian family name written first."""
    words = key.split()
    while len(words) > 1 and words[-1] in name_rules.NAME_SUFFIXES:
        words = words[:-1]
    if len(words) < 2:
        return []
    if words[0] in name_rules.FAMILY_NAME_FIRST:
        # "Kim Jong Un": the family name first; "Lee Smith": either may be
        return [words[0]] if len(words) >= 3 else [words[-1], words[0]]
    return [words[-1]]


def short_name(key: str) -> str | None:
    """ "owen john dempsey" → "owen dempsey": a name without its middle names (not for names
    whose family name comes first, where the middle word is part of the given name)."""
    words = key.split()
    while len(words) > 2 and words[-1] in name_rules.NAME_SUFFIXES:
        words = words[:-1]
    if len(words) < 3 or words[0] in name_rules.FAMILY_NAME_FIRST:
        return None
    return f"{words[0]} {words[-1]}"


def acronym_of(name: str) -> str | None:
    bare = name.replace(".", "").replace("&", "")
    if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper():
        return bare.lower()
    return None


def initials_of(name: str) -> str | None:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in name_rules.INITIALS_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


def entity_keys(name: str, etype: str | None, aliases: Iterable[str]) -> list[tuple[str, str]]:
    """(key, kind) of one reading entity, its own name's first."""
    forms = [name, *aliases]
    keys: list[tuple[str, str]] = []
    if etype == "PERSON":
        for f in forms:
            k = person_key(f)
            if k:
                keys.append((k, "name"))
                keys.extend((s, "surname") for s in surnames(k))
                if (short := short_name(k)):
                    keys.append((short, "short"))
    else:
        for f in forms:
            k = name_key(f)
            if k:
                keys.append((k, "name"))
        if etype in (None, "ORG"):
            for f in forms:
                if (a := acronym_of(f)):
                    keys.append((a, "acronym"))
                elif (i := initials_of(f)) and len(i) >= 2:
                    keys.append((i, "initials"))
    return _unique(keys)


def resolve(conn: sqlite3.Connection, entity: dict, merged: dict[int, int] | None = None,
            document_id: str | None = None) -> int:
    """The corpus entity id of a reading's entity, creating or extending it as needed.
    Entities it takes over (bare surnames) are noted in ``merged`` as old id → new id; never
    one named in the same document (``document_id``), where the reading kept them apart."""
    name = str(entity.get("name") or "").strip()
    etype = entity.get("type")
    aliases = [str(a) for a in entity.get("aliases") or [] if a]
    titles = [str(t) for t in entity.get("titles") or [] if t]
    keys = entity_keys(name or (aliases[0] if aliases else ""), etype, aliases)
    main = (person_key(name) if etype == "PERSON" else name_key(name)) or name_key(aliases[0] if aliases else "")
    entity_id = _find(conn, keys, etype, main, titles, entity.get("role"))
    new = entity_id is None
    if entity_id is None:
        cur = conn.execute(
            "INSERT INTO entities (name, type, name_key) VALUES (?, ?, ?)", (name or main, etype, main)
        )
        entity_id = int(cur.lastrowid)  # type: ignore[arg-type]
    _remember(conn, entity_id, [name, *aliases], keys)
    if new and etype == "PERSON" and " " in main:
        for old in _take_over_bare(conn, entity_id, main, document_id):
            if merged is not None:
                merged[old] = entity_id
    return entity_id


def _remember(conn: sqlite3.Connection, entity_id: int, forms: list[str], keys: list[tuple[str, str]]) -> None:
    for alias in _unique(forms):
        key = name_key(alias)
        if key:
            conn.execute(
                "INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?) "
                "ON CONFLICT (entity_id, alias) DO NOTHING",
                (entity_id, alias, key),
            )
    conn.executemany(
        "INSERT INTO entity_keys (entity_id, key, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [(entity_id, k, kind) for k, kind in keys],
    )


def _ids(conn: sqlite3.Connection, key: str, kinds: tuple[str, ...], etype: str | None) -> list[int]:
    marks = ",".join("?" * len(kinds))
    rows = conn.execute(
        f"SELECT DISTINCT k.entity_id, e.type FROM entity_keys k JOIN entities e ON e.id = k.entity_id "
        f"WHERE k.key = ? AND k.kind IN ({marks}) ORDER BY k.entity_id",
        (key, *kinds),
    ).fetchall()
    return [int(r[0]) for r in rows if _compatible(r[1], etype)]


def _find(conn: sqlite3.Connection, keys: list[tuple[str, str]], etype: str | None, main: str,
          titles: list[str], role: str | None) -> int | None:
    names = [k for k, kind in keys if kind == "name"]
    for key in (k for k in names if " " in k):  # the name's own key comes first
        hit = _ids(conn, key, ("name",), etype)
        if hit:
            return hit[0]
        rows = conn.execute(  # stores from before migration 3: their aliases
            "SELECT DISTINCT e.id, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias_key = ? ORDER BY e.id", (key,)).fetchall()
        hit = [int(r[0]) for r in rows if _compatible(r[1], etype)]
        if hit:
            return hit[0]
    if etype == "PERSON" and " " in main:
        # a middle name more or less: "Owen Dempsey" and "Owen John Dempsey", when only one
        short = short_name(main)
        hit = _ids(conn, short, ("name",), etype) if short else _ids(conn, main, ("short",), etype)
        if len(hit) == 1:
            return hit[0]
    if main and " " not in main:
        if etype == "PERSON" and not role:
            people = _ids(conn, main, ("surname",), etype)
            if len(people) > 1 and titles:
                people = [p for p in people if _titles_agree(conn, p, titles)]
            if len(people) == 1:
                return people[0]
            if len(people) > 1:
                return _bare(conn, main, etype, people)
        rows = conn.execute(
            "SELECT DISTINCT e.id, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias_key = ? ORDER BY e.id", (main,)).fetchall()
        rows = [r for r in rows if _compatible(r[1], etype)]
        if len(rows) == 1:
            return int(rows[0][0])
    for key, kind in keys:
        if kind in ("acronym", "initials"):
            other = ("acronym", "initials") if kind == "acronym" else ("acronym",)
            hit = _ids(conn, key, other, etype)
            if len(hit) == 1:
                return hit[0]
    return None


def _bare(conn: sqlite3.Connection, word: str, etype: str | None, people: list[int]) -> int | None:
    """The bare-name entity of a shared surname (never one of the full names)."""
    for eid in _ids(conn, word, ("name",), etype):
        if eid not in people:
            return eid
    return None


def _titles_agree(conn: sqlite3.Connection, entity_id: int, titles: list[str]) -> bool:
    heads = {_title_head(t) for t in titles} - {""}
    for (raw,) in conn.execute("SELECT titles FROM document_entities WHERE entity_id = ?", (entity_id,)):
        try:
            theirs = {_title_head(t) for t in json.loads(raw) or []}
        except (TypeError, ValueError):
            continue
        if heads & theirs:
            return True
    return False


def _title_head(title: str) -> str:
    words = name_key(title).split()
    return words[-1] if words else ""


def _take_over_bare(conn: sqlite3.Connection, entity_id: int, key: str, document_id: str | None) -> list[int]:
    """Bare-surname entities stored before this full name became the only one with it."""
    taken: list[int] = []
    for surname in surnames(key):
        holders = [e for e in _ids(conn, surname, ("surname",), "PERSON")]
        if holders != [entity_id]:
            continue
        for bare in _ids(conn, surname, ("name",), "PERSON"):
            if bare != entity_id and not conn.execute(
                    "SELECT 1 FROM entity_keys WHERE entity_id = ? AND kind = 'surname'", (bare,)).fetchone() \
                    and not conn.execute("SELECT 1 FROM document_entities WHERE entity_id = ? AND document_id = ?",
                                         (bare, document_id)).fetchone():
                merge(conn, bare, entity_id)
                taken.append(bare)
    return taken


def merge(conn: sqlite3.Connection, old: int, into: int) -> None:
    """Move everything of corpus entity ``old`` to ``into`` and drop ``old``."""
    for table, column in (("document_entities", "entity_id"), ("mentions", "entity_id"),
                          ("claims", "speaker_entity_id"), ("events", "actor_entity_id"),
                          ("events", "recipient_entity_id"), ("statements", "speaker_entity_id")):
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (into, old))
    conn.execute("INSERT INTO entity_aliases (entity_id, alias, alias_key) SELECT ?, alias, alias_key "
                 "FROM entity_aliases WHERE entity_id = ? ON CONFLICT DO NOTHING", (into, old))
    conn.execute("INSERT INTO entity_keys (entity_id, key, kind) SELECT ?, key, kind FROM entity_keys "
                 "WHERE entity_id = ? ON CONFLICT DO NOTHING", (into, old))
    row = conn.execute("SELECT documents, mentions FROM entities WHERE id = ?", (old,)).fetchone()
    if row:
        conn.execute("UPDATE entities SET documents = documents + ?, mentions = mentions + ? WHERE id = ?",
                     (row[0], row[1], into))
    conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (old,))
    conn.execute("DELETE FROM entity_keys WHERE entity_id = ?", (old,))
    conn.execute("DELETE FROM entities WHERE id = ?", (old,))


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _unique(items: Iterable) -> list:
    seen: dict = {}
    for i in items:
        seen.setdefault(i, None)
    return list(seen)


def lookup(conn: sqlite3.Connection, name: str) -> list[int]:
    """Corpus entities a user's name may mean: by any alias or key ("President Trump",
    "Zelenskiy"), else by a word of their aliases."""
    key = name_key(name)
    if not key:
        return []
    rows = conn.execute("SELECT DISTINCT entity_id FROM entity_aliases WHERE alias_key = ?", (key,)).fetchall()
    found = _unique(int(r[0]) for r in rows)
    pkey = person_key(name)
    kinds = ("name",) if " " in pkey else ("name", "surname")
    found = _unique(found + [int(r[0]) for r in conn.execute(
        f"SELECT DISTINCT entity_id FROM entity_keys WHERE key IN (?, ?) AND kind IN ({','.join('?' * len(kinds))})",
        (pkey, key, *kinds))])
    if found:
        return found
    pattern = "% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %"
    rows = conn.execute(
        "SELECT DISTINCT entity_id FROM entity_aliases WHERE ' ' || alias_key || ' ' LIKE ? ESCAPE '\\'",
        (pattern,),
    ).fetchall()
    return [int(r[0]) for r in rows]


def describe(conn: sqlite3.Connection, ids: list[int]) -> list[dict]:
    """The corpus entities of these ids, as a query reports what it matched."""
    out = []
    for eid in ids:
        row = conn.execute("SELECT id, name, type, documents FROM entities WHERE id = ?", (eid,)).fetchone()
        if row is None:
            continue
        aliases = [r[0] for r in conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (eid,))]
        out.append({"id": row[0], "name": row[1], "type": row[2], "documents": row[3],
                    "aliases": [a for a in aliases if a != row[1]]})
    return out
