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

A query has limits, so that none ties up the machine (400 one-letter words once took 41 s on
a few hundred articles): at most ``MAX_QUERY_CHARS`` characters, ``MAX_TERMS`` words and
phrases, ``MAX_PHRASE_WORDS`` words in a phrase, ``MAX_PREFIX_TERMS`` prefix terms, each of at
least ``MIN_PREFIX_CHARS`` letters. A query over them is refused at once with a
``QueryTooComplex`` that says which limit and what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: the limits of a query, chosen so the slowest query allowed answers within a second on a
#: 20,000-article store (bench/queries.py measures it)
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_PHRASE_WORDS = 16
MAX_PREFIX_TERMS = 4
MIN_PREFIX_CHARS = 3


class QueryTooComplex(ValueError):
    """The query is over one of the limits above; the message says which and what to do."""


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
    """Terms, with "OR" between alternatives. Raises QueryTooComplex over the limits."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryTooComplex(
            f"the query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}: "
            "search for fewer, more telling words"
        )
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
            if prefix and len(word) < MIN_PREFIX_CHARS:
                raise QueryTooComplex(
                    f"the prefix {word + '*'!r} is too short: a prefix needs at least {MIN_PREFIX_CHARS} letters "
                    "(it would match most words)"
                )
            out.append([_Term(word, prefix=prefix, negate=negate)])
    _check(out)
    return out


def _check(items: list[list[_Term] | str]) -> None:
    terms = [item[0] for item in items if item != "OR"]
    if len(terms) > MAX_TERMS:
        raise QueryTooComplex(
            f"the query has {len(terms):,} words and phrases; the limit is {MAX_TERMS}: search for fewer words "
            "(a phrase in quotes counts as one)"
        )
    prefixes = sum(1 for t in terms if t.prefix)  # type: ignore[union-attr]
    if prefixes > MAX_PREFIX_TERMS:
        raise QueryTooComplex(
            f"the query has {prefixes} prefix terms (word*); the limit is {MAX_PREFIX_TERMS}: spell out some words"
        )
    for t in terms:
        words = len(t.text.split())  # type: ignore[union-attr]
        if t.phrase and words > MAX_PHRASE_WORDS:  # type: ignore[union-attr]
            raise QueryTooComplex(
                f"a phrase has {words} words; the limit is {MAX_PHRASE_WORDS}: quote a shorter, telling part of it"
            )


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
        # a word asked for twice is asked for once: "a a a …" cost FTS5 a pass per copy
        positive = list(dict.fromkeys(t for t in terms if not t.negate))
        excluded.extend(t for t in terms if t.negate and t not in excluded)
        if positive:
            clauses.append("(" + " AND ".join(t.fts() for t in positive) + ")")
    if not clauses:
        return None
    expr = clauses[0] if len(clauses) == 1 else "(" + " OR ".join(clauses) + ")"
    for t in excluded:
        expr = f"{expr} NOT {t.fts()}"
    return expr
