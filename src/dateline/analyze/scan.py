"""Faster scans of a text with the same matches: a pattern led by the characters it can start with.

Python's ``re`` skips ahead quickly only when a pattern starts with case-sensitive literals; a
case-insensitive alternation (``(?i:today|yesterday|…)``) is tried in full at every character of
the text. :func:`led` reads a pattern's syntax tree for the set of characters any match can begin
with and puts a lookahead of that set in front (``(?=[ty]…)``): one character test at most
positions instead of the whole alternation, ~3x faster on news text. The lookahead is zero-width
and has no groups, so every match, span and group is the pattern's own. A pattern whose first
character cannot be told (one that may match the empty string, a back-reference, a global
inline flag, …) is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_CATEGORY = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


class _Unknown(Exception):
    pass


def _char(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-]\\^" else "\\" + chr(code)


def _set_members(items: list) -> str:
    """The inside of a character class ``[...]`` from its parsed items."""
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(_char(av))
        elif op is _c.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _c.CATEGORY and av in _CATEGORY:
            out.append(_CATEGORY[av])
        elif op is _c.NEGATE:
            out.insert(0, "^")
        else:
            raise _Unknown
    return "".join(out)


def _first(seq: Any, fold: bool, plain: list[str], folded: list[str], whole: list[str]) -> bool:
    """Add the possible first characters of a parsed sequence; True when it may match nothing."""
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue  # a boundary or a look-around consumes nothing: the next item starts the match
        if op is _c.LITERAL:
            (folded if fold else plain).append(_char(av))
            return False
        if op is _c.NOT_LITERAL:
            whole.append(f"(?i:[^{_char(av)}])" if fold else f"[^{_char(av)}]")
            return False
        if op is _c.IN:
            members = _set_members(av)
            if members.startswith("^"):
                whole.append(f"(?i:[{members}])" if fold else f"[{members}]")
            else:
                (folded if fold else plain).append(members)
            return False
        if op is _c.BRANCH:
            empty = False
            for alt in av[1]:
                empty |= _first(alt, fold, plain, folded, whole)
            if not empty:
                return False
            continue
        if op is _c.SUBPATTERN:
            _, add, drop, sub = av
            inner = (fold or bool(add & re.IGNORECASE)) and not (drop & re.IGNORECASE)
            if not _first(sub, inner, plain, folded, whole):
                return False
            continue
        if op in _REPEATS:
            low, _, sub = av
            if not _first(sub, fold, plain, folded, whole) and low > 0:
                return False
            continue
        if op is getattr(_c, "ATOMIC_GROUP", None):
            if not _first(av, fold, plain, folded, whole):
                return False
            continue
        raise _Unknown  # ANY, GROUPREF, conditionals: not worth telling
    return True


def _bare(seq: Any, fold: bool) -> bool:
    """Does the pattern open with what ``re`` already skips ahead by: a literal or a class (or a
    repeat of one), or an alternation of case-sensitive literals? Then a lookahead only costs."""
    if not len(seq):
        return False
    op, av = seq[0]
    if op in (_c.LITERAL, _c.IN, _c.NOT_LITERAL):
        return True
    if op in _REPEATS:
        return av[0] >= 1 and _bare(av[2], fold)
    if op is _c.SUBPATTERN and av[0] is None:  # a group that only sets flags
        return _bare(av[3], (fold or bool(av[1] & re.IGNORECASE)) and not (av[2] & re.IGNORECASE))
    if op is _c.BRANCH:
        return not fold and all(len(alt) and alt[0][0] is _c.LITERAL for alt in av[1])
    return False


def led(source: str) -> str:
    """The pattern with a lookahead of its possible first characters in front, or as it is
    (also when ``re`` already skips ahead by its opening literal)."""
    try:
        tree = _p.parse(source)
        flags = tree.state.flags
        if flags & (re.VERBOSE | re.LOCALE | re.ASCII) or re.match(r"\(\?[a-zA-Z]+\)", source):
            return source  # global flags must open the pattern: leave such patterns alone
        if _bare(tree, bool(flags & re.IGNORECASE)):
            return source
        plain: list[str] = []
        folded: list[str] = []
        whole: list[str] = []
        if _first(tree, bool(flags & re.IGNORECASE), plain, folded, whole):
            return source  # may match the empty string: no first character to look for
    except (_Unknown, re.error, RecursionError):
        return source
    plain, folded, whole = list(dict.fromkeys(plain)), list(dict.fromkeys(folded)), list(dict.fromkeys(whole))
    heads = ([f"[{''.join(plain)}]"] if plain else []) + ([f"(?i:[{''.join(folded)}])"] if folded else []) + whole
    return f"(?={'|'.join(heads)})(?:{source})"


def compile_led(source: str) -> re.Pattern[str]:
    """``re.compile`` of :func:`led` (same matches, fewer tries)."""
    return re.compile(led(source))


#: the characters ``re`` takes for an ASCII letter under IGNORECASE besides its two cases
#: (tests/test_scan.py checks the table against ``re`` itself over every code point)
FOLDS_BEYOND_ASCII = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _cased(fragments: list[str]) -> str | None:
    """The members of case-insensitive classes (class bodies as :func:`_set_members` writes
    them) as one case-sensitive class body; None unless every member is an ASCII character."""
    chars = []
    for f in fragments:
        i = 0
        while i < len(f):
            ch = f[i]
            if ch == "\\":
                ch = f[i + 1] if i + 1 < len(f) else ""
                if ch.isalnum():
                    return None  # a category (\d, \w …)
                i += 1
            if i + 2 < len(f) and f[i + 1] == "-":
                return None  # a range
            chars.append(ch)
            i += 1
    out = []
    for ch in chars:
        if len(ch) != 1 or not ch.isascii():
            return None
        for c in dict.fromkeys(ch.lower() + ch.upper() + FOLDS_BEYOND_ASCII.get(ch.lower(), "")):
            out.append(_char(ord(c)))
    return "".join(dict.fromkeys(out))


def spans_of(source: str):
    """A function giving the spans of ``re.compile(source).finditer(text)``, the same list,
    found faster where the characters a match can start with are known.

    ``re`` skips ahead fast (a loop in C) only for a pattern that opens with a case-sensitive
    character class or literal; a lookahead (:func:`led`) is still a match attempt at every
    character. Here the pattern is searched as ``[firsts](?<=(?=(pattern)).)``: the class makes
    ``re`` skip to the next possible first character, the lookbehind steps back onto it and the
    lookahead matches the pattern there, its span in group 1. That finds a match at every place
    one starts, overlapping ones too; dropping those that start before the last kept one ends
    leaves what ``finditer`` finds (it goes on from a match's end)."""
    rx = compile_led(source)
    fast = _stepped(source)
    heads = _heads(source)
    if heads is not None:
        return _by_heads(source, heads, fast.finditer if fast is not None else None, rx)
    if fast is None:
        return lambda text: [m.span() for m in rx.finditer(text)]

    def find(text: str) -> list[tuple[int, int]]:
        out = []
        end = 0
        for m in fast.finditer(text):
            s, e = m.span(1)
            if s >= end:
                out.append((s, e))
                end = e
        return out

    return find


def matches_of(source: str):
    """A function giving the matches of ``re.compile(source).finditer(text)`` as a list, the same
    spans and groups, found as :func:`spans_of` finds their spans: the pattern is matched again
    only where one of its matches starts (``Match.pos`` is then that start, not 0)."""
    rx = re.compile(source)
    if _heads(source) is None and _stepped(source) is None:
        led_rx = compile_led(source)
        return lambda text: list(led_rx.finditer(text))
    spans = spans_of(source)
    match = rx.match
    return lambda text: [match(text, s) for s, _ in spans(text)]


def _stepped(source: str) -> re.Pattern[str] | None:
    """``[firsts](?<=(?=(source)).)`` (see :func:`spans_of`), or None where the characters a
    match can start with cannot be told as one case-sensitive class."""
    try:
        tree = _p.parse(source)
        flags = tree.state.flags
        if flags & (re.VERBOSE | re.LOCALE | re.ASCII | re.IGNORECASE) or re.match(r"\(\?[a-zA-Z]+\)", source) \
                or re.search(r"\\[1-9]|\(\?P=|\(\?\(", source):
            return None
        if _bare(tree, False):
            return None  # re skips ahead by its opening already
        plain: list[str] = []
        folded: list[str] = []
        whole: list[str] = []
        if _first(tree, False, plain, folded, whole) or whole:
            return None  # may match nothing, or starts with a negated class
        cased = _cased(list(dict.fromkeys(folded)))
        if cased is None:
            return None
        return re.compile(f"[{''.join(dict.fromkeys(plain))}{cased}](?<=(?=({source}))(?s:.))")
    except (_Unknown, re.error, RecursionError):
        return None


def starts_of(source: str, words: tuple[str, ...] = ()):
    """A function giving, for every place of a text where ``re.compile(source)`` matches, the
    span of its match there, overlapping ones too: what searching again from each match's
    start + 1 finds (the longest spelling at each place of a table of names), found faster
    in the same way as :func:`spans_of`.

    ``words``: lower-case strings one of which every match starts with, case folded (the
    spellings of a case-insensitive table): the pattern is then matched only where ``str.find``
    finds one of them in the lower-cased text, a few dozen searches in C instead of a match
    attempt at nearly every letter."""
    fast = _stepped(source)
    rx = re.compile(source)
    if words:
        match = rx.match
        slow = (lambda text: [m.span(1) for m in fast.finditer(text)]) if fast is not None else None

        def by_words(text: str) -> list[tuple[int, int]]:
            low = _lowered(text)
            if low is None:
                return slow(text) if slow is not None else _searched(rx, text)
            places = set()
            for w in words:
                i = low.find(w)
                while i >= 0:
                    places.add(i)
                    i = low.find(w, i + 1)
            return [m.span() for i in sorted(places) if (m := match(text, i)) is not None]

        return by_words
    if fast is not None:
        return lambda text: [m.span(1) for m in fast.finditer(text)]
    return lambda text: _searched(rx, text)


def _searched(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The match at every place one starts, by searching again from each match's start + 1."""
    out = []
    pos = 0
    while pos <= len(text) and (m := rx.search(text, pos)) is not None:
        out.append(m.span())
        pos = m.start() + 1
    return out


# the openings a match must start with, found by str.find ---------------------------------------

#: the longest opening kept (a longer one found is cut: every match still starts with the cut)
_HEAD_LEN = 5
#: a pattern with more openings than this is scanned as it is
_MOST_HEADS = 24
#: a digit: "a decimal digit starts here" (``\d``'s own meaning), found by one scan of the text
DIGIT = "\\d"
_DIGIT_RX = re.compile(r"\d")


def _opening(seq: Any) -> list[tuple[str, bool]] | None:
    r"""The openings of a parsed sequence: (lower-case letters and digits every match of one way
    through it starts with, whether that way was wholly those literals so far, so that what
    follows may lengthen it); a ``\d`` opening is :data:`DIGIT`. None where some way through
    the sequence has no opening that can be told."""
    cur: list[tuple[str, bool]] = [("", True)]
    for op, av in seq:
        if not any(o for _, o in cur):
            break
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the next item goes on the opening
        if op is _c.LITERAL and chr(av).isascii() and chr(av).isalnum():
            ch = chr(av).lower()
            cur = [(h + ch, True) if o and h != DIGIT else (h, False) for h, o in cur]
            continue
        if op is _c.IN and av == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
            cur = [((h or DIGIT), False) if o else (h, o) for h, o in cur]
            continue
        if op is _c.IN and len(av) <= 4 and all(o2 is _c.LITERAL and chr(a2).isascii() and chr(a2).isalnum()
                                                for o2, a2 in av):
            cur = [(h + chr(a2).lower(), True) if o and h != DIGIT else (h, False)
                   for h, o in cur for _, a2 in (av if o and h != DIGIT else av[:1])]
            continue
        if op is _c.BRANCH or (op is _c.SUBPATTERN and av[3] is not None):
            alts = [_opening(alt) for alt in (av[1] if op is _c.BRANCH else [av[3]])]
            if any(a is None for a in alts):
                return None
            cur = _extended(cur, [x for alt in alts for x in alt], True)  # type: ignore[union-attr]
            continue
        if op in _REPEATS and av[0] >= 1:
            sub = _opening(av[2])
            if sub is None:
                return None
            cur = _extended(cur, sub, av[0] == av[1] == 1)  # repeated: the opening ends after one
            continue
        cur = [(h, False) for h, _ in cur]  # anything else ends every opening here
    return cur


def _extended(cur: list[tuple[str, bool]], openings: list[tuple[str, bool]], still_open: bool) -> list[tuple[str, bool]]:
    """Each opening still open in ``cur`` followed by each of ``openings`` (a group's or a
    repeat's); a digit ends an opening (or starts one that is only "a digit")."""
    nxt = []
    for h, o in cur:
        if not o or h == DIGIT:
            nxt.append((h, False))
            continue
        for q, qo in openings:
            nxt.append((q, False) if q == DIGIT and not h else
                       (h, False) if q == DIGIT else (h + q, still_open and qo))
    return nxt


def _heads(source: str) -> tuple[str, ...] | None:
    r"""The openings every match of ``source`` starts with: lower-case strings of 2 to
    ``_HEAD_LEN`` ASCII letters and digits (case-insensitively: a match starts with one of them
    in the lower-cased text), or :data:`DIGIT`; None where an opening cannot be told, is
    shorter, or there are too many."""
    try:
        tree = _p.parse(source)
        if tree.state.flags & (re.VERBOSE | re.LOCALE | re.ASCII) or re.match(r"\(\?[a-zA-Z]+\)", source) \
                or re.search(r"\\[1-9]|\(\?P=|\(\?\(", source):
            return None
        got = _opening(tree)
    except (_Unknown, re.error, RecursionError):
        return None
    if not got:
        return None
    heads = {h if h == DIGIT else h[:_HEAD_LEN] for h, _ in got}
    if any(h != DIGIT and len(h) < 2 for h in heads) or len(heads) > _MOST_HEADS:
        return None
    # an opening that starts with another is already found by it
    kept = sorted(h for h in heads if not any(o != h and o != DIGIT and h != DIGIT and h.startswith(o) for o in heads))
    return tuple(kept)


#: characters whose lower case is not one character, or that ``re`` takes for an ASCII letter
#: under IGNORECASE while their lower case is not that letter: a text holding one is scanned as
#: it is (offsets in its lower-cased copy would not be the text's, or a match would be missed)
_UNLOWERED = ("\u0130", "\u0131", "\u017f")
_last: list[Any] = [None, None, None]


def _lowered(text: str) -> str | None:
    """The text lower-cased, offsets the same (None where they would not be); the last text's
    is kept, as every gate of a text asks it in turn."""
    if text is not _last[0]:
        low = None if any(c in text for c in _UNLOWERED) else text.lower()
        _last[:] = [text, low, None]
    return _last[1]


def _digits(text: str) -> list[int]:
    r"""Where the text's decimal digits are (``\d``); kept for the last text (after :func:`_lowered`)."""
    if _last[2] is None:
        _last[2] = [m.start() for m in _DIGIT_RX.finditer(text)]
    return _last[2]


def _by_heads(source: str, heads: tuple[str, ...], stepped, rx: re.Pattern[str]):
    r"""The spans of ``finditer``, found by trying the pattern only where one of its openings
    starts (``str.find`` in the lower-cased text), in order, each after the last kept match's
    end: where ``finditer`` finds its matches. A match tried at a place sees the whole text
    around it (``\b``, look-behinds), as ``finditer``'s does."""
    match = re.compile(source).match
    words = [h for h in heads if h != DIGIT]
    digits = DIGIT in heads

    def find_by_heads(text: str) -> list[tuple[int, int]]:
        low = _lowered(text)
        if low is None:
            return [m.span(1) for m in _drop_overlaps(stepped(text))] if stepped else [m.span() for m in rx.finditer(text)]
        starts: list[int] = _digits(text) if digits else []
        if words:
            starts = list(starts)
            for h in words:
                i = low.find(h)
                while i >= 0:
                    starts.append(i)
                    i = low.find(h, i + 1)
            if len(words) > 1 or digits:
                starts = sorted(set(starts))
        out = []
        end = 0
        for i in starts:
            if i >= end and (m := match(text, i)) is not None:
                out.append(m.span())
                end = m.end()
        return out

    return find_by_heads


def _drop_overlaps(found):
    end = 0
    for m in found:
        if m.start(1) >= end:
            yield m
            end = m.end(1)
