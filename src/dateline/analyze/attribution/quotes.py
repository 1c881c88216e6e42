"""Quoted stretches of an article text, paragraph-aware and tolerant of broken marks.

Double marks (curly “”, straight ", `` '', ‘‘ ’’, «», „“; an opening mark where a closing
one belongs closes, and '' where nothing is open and a word follows opens) and single marks
(‘’ and ') are paired
within a paragraph. A quote still open at the end of a paragraph continues when the next
paragraph opens with a mark of the same class (the news convention for quotes that run over
paragraphs); otherwise it is closed at the paragraph end and flagged ``closed=False``. Nothing
here raises on odd text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from .. import cues

Span = tuple[int, int]

_MARKS = re.compile(r"``|''|’’|‘‘|[“”„«»\"‘’']")
_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", "``": "''", "‘‘": "’’"}
_DOUBLE_CLOSE = {"”", "»", "''", "’’"}
#: what may follow a closing mark
_CLOSE_AFTER = set(" \t\n,.;:!?)]}—–-…")
_SINGLE_OPEN = {"‘"}
_SINGLE_CLOSE = {"’"}
_OPEN_BEFORE = set(" \t\n([{—–-/:;,")


@dataclass(slots=True)
class Quote:
    """One quotation: ``span`` with its marks, ``parts`` the quoted text per paragraph."""

    span: Span
    parts: list[Span] = field(default_factory=list)
    closed: bool = True

    @property
    def inner(self) -> Span:
        return (self.parts[0][0], self.parts[-1][1]) if self.parts else self.span

    def words(self, text: str) -> int:
        return sum(len(text[s:e].split()) for s, e in self.parts)


class Paragraphs(list):
    """Paragraph spans in text order, with their starts kept for bisection."""

    def __init__(self, spans=()) -> None:
        super().__init__(spans)
        self.starts = [s for s, _ in self]


def paragraph_spans(text: str, paragraphs: list[Span] | None) -> list[Span]:
    if paragraphs:
        spans = [tuple(p) for p in paragraphs]
        return Paragraphs(spans) if spans == sorted(spans) else spans  # type: ignore[arg-type]
    out, start = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return Paragraphs(p for p in out if p[1] > p[0])


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(text: str, paragraphs: list[Span] | None = None) -> list[Quote]:
    quotes: list[Quote] = []
    paras = paragraph_spans(text, paragraphs)
    # an open quote carried into the next paragraph: (Quote, class, closing mark)
    carried: tuple[Quote, str] | None = None
    for pi, (ps, pe) in enumerate(paras):
        open_q: Quote | None = None
        open_cls = ""
        part_start = ps
        if carried is not None:
            q, cls = carried
            carried = None
            m = re.match(r"\s*(``|''|[“„«\"‘'])", text[ps:pe])
            if m and _class_of(m.group(1)) == cls:
                open_q, open_cls, part_start = q, cls, ps + m.end()
        for m in _MARKS.finditer(text, ps, pe):
            mark, i, j = m.group(), m.start(), m.end()
            before = text[i - 1] if i > ps else " "
            after = text[j] if j < pe else " "
            if open_q is not None and i < part_start:
                continue
            if open_cls == "d" and mark in ("“", "‘‘") and not before.isspace() and after in _CLOSE_AFTER:
                # an opening mark where a closing one belongs ('…a fascist?“ he asked')
                _close(open_q, part_start, i, closed=True, end=j)
                quotes.append(open_q)
                open_q, open_cls = None, ""
                continue
            # two apostrophes open a quote too where nothing is open and a word follows (the
            # style of some archives: ''A,'' she said)
            opens_like = mark in ("''", "’’") and open_cls == "" and not after.isspace() \
                and (before.isspace() or before in "([{—–-/:;,")
            if mark in _DOUBLE_OPEN or opens_like or mark == '"' and open_cls != "d":
                if open_cls == "d" and mark != '"':
                    # a second opening mark: the first quote was never closed
                    _close(open_q, part_start, _rstrip(text, i), closed=False)
                    quotes.append(open_q)
                    open_q = None
                if mark == '"' and after.isspace() and not before.isspace() and open_cls != "s":
                    continue  # a stray closing straight mark
                if open_cls == "s":
                    continue  # double marks inside a single quote are ignored
                open_q, open_cls, part_start = Quote((i, j)), "d", j
            elif mark in _DOUBLE_CLOSE or mark == '"':
                if open_cls == "d":
                    _close(open_q, part_start, i, closed=True, end=j)
                    quotes.append(open_q)
                    open_q, open_cls = None, ""
            elif open_cls == "d":
                continue  # single marks inside a double quote are nested quotes or apostrophes
            elif open_cls == "" and (mark in _SINGLE_OPEN or mark == "'"):
                if before in _OPEN_BEFORE and not after.isspace() and not after.isdigit():
                    open_q, open_cls, part_start = Quote((i, j)), "s", j
            elif open_cls == "s" and (mark in _SINGLE_CLOSE or mark == "'"):
                if _is_word(before) and _is_word(after):
                    continue  # an apostrophe: don't, Kim's
                if not before.isspace():
                    _close(open_q, part_start, i, closed=True, end=j)
                    quotes.append(open_q)
                    open_q, open_cls = None, ""
        if open_q is not None:
            end = _rstrip(text, pe)
            if end > part_start:
                open_q.parts.append((part_start, end))
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and re.match(r"\s*(``|''|[“„«\"‘'])", text[nxt[0]:nxt[1]]):
                m = re.match(r"\s*(``|''|[“„«\"‘'])", text[nxt[0]:nxt[1]])
                if m and _class_of(m.group(1)) == open_cls:
                    open_q.span = (open_q.span[0], end)
                    carried = (open_q, open_cls)
                    continue
            open_q.span = (open_q.span[0], end)
            open_q.closed = False
            if open_q.parts:
                quotes.append(open_q)
    return Quotes(sorted((q for q in quotes if q.parts), key=lambda q: q.span[0]))


def _class_of(mark: str) -> str:
    return "s" if mark in ("‘", "'") else "d"


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _close(q: Quote | None, part_start: int, part_end: int, *, closed: bool, end: int | None = None) -> None:
    if q is None:
        return
    if part_end > part_start:
        q.parts.append((part_start, part_end))
    q.span = (q.span[0], end if end is not None else part_end)
    q.closed = closed


class Quotes(list):
    """The quotes of one text, in order of their opening mark and never overlapping (as
    :func:`find_quotes` gives them), looked up by position in log time: an article with a
    thousand quotes must not cost a million comparisons per rule."""

    def _index(self) -> tuple[list[int], list[int]]:
        cached = getattr(self, "_cache", None)
        if cached is None or cached[0] != len(self):
            cached = (len(self), [q.span[0] for q in self], [q.span[1] for q in self])
            self._cache = cached
        return cached[1], cached[2]


def quote_at(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotes that overlap ``[start, end)``."""
    return [q for q in quotes if q.span[0] < end and q.span[1] > start]


def _quote_around(quotes: list[Quote], pos: int) -> Quote | None:
    if isinstance(quotes, Quotes):
        starts, _ = quotes._index()
        i = bisect_left(starts, pos) - 1  # the last quote opening before pos
        return quotes[i] if i >= 0 and pos < quotes[i].span[1] else None
    for q in quotes:
        if q.span[0] < pos < q.span[1]:
            return q
    return None


def _quote_after(quotes: list[Quote], text: str, pos: int) -> Quote | None:
    """The quote that opens right after ``pos`` (past white space)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return _quote_starting(quotes, pos)


def _quote_before(quotes: list[Quote], text: str, pos: int) -> Quote | None:
    """The closed quote that ends right before ``pos`` (past spaces, not past a line end)."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    for q in _ending_between(quotes, pos, pos):
        if q.closed:
            return q
    return None


def _quote_starting(quotes: list[Quote], pos: int) -> Quote | None:
    if isinstance(quotes, Quotes):
        starts, _ = quotes._index()
        i = bisect_left(starts, pos)
        return quotes[i] if i < len(starts) and starts[i] == pos else None
    for q in quotes:
        if q.span[0] == pos:
            return q
    return None


def _ending_between(quotes: list[Quote], lo: int, hi: int) -> list[Quote]:
    """The quotes whose span ends in ``[lo, hi]``, in order."""
    if isinstance(quotes, Quotes):
        _, ends = quotes._index()
        return quotes[bisect_left(ends, lo):bisect_right(ends, hi)]
    return [q for q in quotes if lo <= q.span[1] <= hi]


def _quote_ending(quotes: list[Quote], lo: int, hi: int) -> Quote | None:
    """A quote whose closing mark lies in ``[lo, hi]`` (around the comma before a cue): the
    marks after the comma (`,”`, `,’ ”`) may sit a few characters past ``hi``. The quote may
    open sentences before the cue's own ('"A. B. C," she said' is one claim)."""
    best = None
    for q in _ending_between(quotes, lo - 2, hi + 4):
        if q.closed:
            if best is None or abs(q.span[1] - hi) < abs(best.span[1] - hi):
                best = q
    return best


_TITLE_LEAD = re.compile(rf"(?:['’]s|\b(?:{'|'.join(sorted(cues.TITLE_PREPOSITIONS))}))\s*$", re.IGNORECASE)


def _titled(text: str, q: Quote) -> bool:
    """Whether a short quotation is a title: it follows a possessive or a preposition ('on ABC’s
    "This Week,"', 'in an interview with “Fox News Sunday,”', 'a co-author of "Inside the
    Network"'). A title names a show, a book or a film; it is nobody's words."""
    return q.words(text) <= 6 and _TITLE_LEAD.search(text[max(0, q.span[0] - 12):q.span[0]]) is not None


def _title_case(text: str, q: Quote) -> bool:
    """Whether a short quotation is written in title case, as names of shows, books and groups
    are ("Super Lives of the Super Rich", "Defeat Crooked Hillary PAC")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[q.inner[0]:q.inner[1]])
    long = [w for w in words if len(w) >= 4]
    return 0 < len(words) <= 8 and len(long) >= 2 and sum(w[0].isupper() for w in long) >= 0.8 * len(long) \
        and not text[q.inner[0]:q.inner[1]].rstrip("”\"'’ ").endswith(("?", "!"))


#: the longest quotation a content that opens it is carried to the end of (characters)
QUOTE_CARRY_MAX = 1200


def _quotes_in(quotes: list[Quote], content: Span) -> tuple[list[Quote], Span]:
    """The quotes inside a content span; one that closes just after its end is taken in whole
    ('make "hostile forces pay the price," KCNA said' ends inside the quote's closing marks), and
    so is a closed one that opens inside it and runs on past a sentence end ('added that he was
    "fighting for the Constitution. I'll tell you this, …"': the words are the speaker's to the
    closing mark)."""
    s, e = content
    inside = []
    cands = quotes
    if isinstance(quotes, Quotes):
        starts, _ = quotes._index()
        cands = quotes[bisect_left(starts, s - 1):]
    for q in cands:
        if q.span[0] >= e:
            if isinstance(quotes, Quotes):
                break  # in order of opening: no later quote opens inside
            continue
        if q.span[0] < s - 1:
            continue
        if q.span[1] <= e + 3 or q.closed and q.span[1] - q.span[0] <= QUOTE_CARRY_MAX:
            inside.append(q)
            e = max(e, q.span[1])
    return inside, (s, e)


class Covered:
    """Spans already claimed (contents, quotes taken in), kept sorted by start so that "does
    this quote overlap a claimed span" looks only at the spans near it."""

    def __init__(self, spans=()) -> None:
        self._spans: list[Span] = []
        self._longest = 0
        for sp in spans:
            self.append(sp)

    def append(self, span: Span) -> None:
        insort(self._spans, (span[0], span[1]))
        self._longest = max(self._longest, span[1] - span[0])

    def near(self, start: int, end: int) -> list[Span]:
        """Every span that may touch ``[start, end]``: those opening no earlier than the longest
        span before ``start`` and no later than ``end``."""
        lo = bisect_left(self._spans, (start - self._longest, -1))
        hi = bisect_right(self._spans, (end, 1 << 62))
        return self._spans[lo:hi]

    def __iter__(self):
        return iter(self._spans)
