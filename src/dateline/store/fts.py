"""A user's search → a safe FTS5 query.

The syntax people type, and all of it:

    long-range weapons          both words (in any order, anywhere)
    "long-range weapons"        the phrase
    missile OR rocket           either
    Ukraine -Russia             Ukraine, not Russia
    sanction*                   words that start with "sanction"

Every word and phrase becomes a quoted FTS5 string, so nothing a user types — quotes left
open, brackets, colons, NEAR, column names, SQL — reaches FTS5 as syntax. A query with
nothing left to look for gives ``None`` (no results, not an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    phrase: bool = False
    prefix: bool = False
    negate: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


def parse(query: str) -> list[list[_Term] | str]:
    """Terms, with "OR" between alternatives."""
    out: list[list[_Term] | str] = []
    for m in _TOKEN.finditer(query.replace("\x00", " ")):
        neg, phrase, word = m.group(1), m.group(2), m.group(3)
        if phrase is not None:
            text = " ".join(phrase.split())
            if _HAS_WORD.search(text):
                out.append([_Term(text, phrase=True, negate=bool(neg))])
            continue
        if word == "OR":
            out.append("OR")
            continue
        negate = word.startswith("-") and len(word) > 1
        if negate:
            word = word[1:]
        prefix = word.endswith("*")
        word = word.rstrip("*")
        # the tokenizer splits on punctuation anyway; what has no word character finds nothing
        word = word.strip("\"'()[]{}:^+,;.!?")
        if _HAS_WORD.search(word):
            out.append([_Term(word, prefix=prefix and len(word) >= 2, negate=negate)])
    return out


def to_fts(query: str) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None when it asks for nothing."""
    alternatives: list[list[_Term]] = [[]]
    pending_or = False
    for item in parse(query):
        if item == "OR":
            pending_or = bool(alternatives[-1])
            continue
        term = item[0]  # type: ignore[index]
        if pending_or and not term.negate:
            alternatives.append([])
        pending_or = False
        alternatives[-1].append(term)
    clauses = []
    excluded: list[_Term] = []
    for terms in alternatives:
        positive = [t for t in terms if not t.negate]
        excluded.extend(t for t in terms if t.negate)
        if positive:
            clauses.append("(" + " AND ".join(t.fts() for t in positive) + ")")
    if not clauses:
        return None
    expr = clauses[0] if len(clauses) == 1 else "(" + " OR ".join(clauses) + ")"
    for t in excluded:
        expr = f"{expr} NOT {t.fts()}"
    return expr
