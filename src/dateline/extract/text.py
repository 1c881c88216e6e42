"""Plain-text pages → Draft: find the article in a text scrape that still carries the site.

A text scrape has one block a line (a text browser's rendering, or a copy-paste), with the
site's navigation, share bars, cookie banners, promo lines, headline lists and footers around
the story. The article is the densest run of running text on the page, so:

1. every line gets features (words, sentence punctuation, function words, bullet, indentation,
   which chrome lexicon it matches) and a value: running text counts for, chrome against;
2. the maximum-sum run of line values (body-text extraction) is the article's core;
3. inside it, lines are kept when they read as text at the article's own indentation
   (sub-headings, list items and links of the story included), chrome is taken out;
4. around it, the title (the nearest headline-like line above), the section and the date are
   read, headline lists become ``Related``, and every other line becomes typed boilerplate.

The lexicons live in ``text_rules.py``. Nothing here raises on odd input: a page with no
article gives an empty body.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Boilerplate, Related
from . import text_rules as rules
from .draft import Draft
from .options import ExtractOptions

__all__ = ["extract_text"]


def _alternation(patterns: list[str], whole: bool) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^(?:{body})$" if whole else rf"(?<!\w)(?:{body})(?!\w)", re.I)


# a short line is matched whole against the line lexicons; the first kind that matches wins
_WHOLE_LINE = re.compile(
    "|".join(
        f"(?P<{kind}>(?:{'|'.join(patterns)}))"
        for kind, patterns in [
            ("related", rules.RELATED_HEADING_LINE),
            ("share", rules.SHARE_LINE),
            ("nav", rules.NAV_LINE),
            ("legal", rules.LEGAL_LINE),
            ("promo", rules.PROMO_LINE),
            ("comments", rules.COMMENT_LINE),
            ("meta", rules.META_LINE),
        ]
    ),
    re.I,
)
_NAV_LINE = _alternation(rules.NAV_LINE, whole=True)
_LEGAL = _alternation(rules.LEGAL_PHRASES, whole=False)
_PROMO = _alternation(rules.PROMO_PHRASES, whole=False)
_COMMENT = _alternation(rules.COMMENT_PHRASES, whole=False)

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_BULLET = re.compile(r"^([" + re.escape(rules.BULLETS.replace("o", "")) + r"]|o(?=\s+\S))\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3])[:.h]([0-5]\d)(?:\s*([ap])\.?\s?m\b\.?)?", re.I)
_NOT_A_TITLE = re.compile(r"@|\||\b(?:" + "|".join(rules.NOT_A_TITLE) + r")\b", re.I)
_NAME_LIKE = re.compile(r"^(?:by\s+)?(?:[A-Z][\w'’.-]*\.?\s+){1,3}[A-Z][\w'’.-]*(?:,.*)?$")
_CREDIT_TAIL = re.compile(r"(?:/|©|\b(?:photo|foto|image|credit)\b)[^.]{0,60}$", re.I)

# lines up to this many words are matched whole against the short-line lexicons
_SHORT = 8
# a line without sentence punctuation is still running text from this many words on
_LONG = 15


@dataclass(slots=True)
class _Line:
    index: int
    indent: int
    text: str  # without the bullet marker and surrounding space
    bullet: bool
    words: int
    stop: float  # share of function words
    ends: bool  # ends like a sentence
    kind: str | None  # the chrome lexicon it matched: nav|meta|promo|related|share|legal|other
    value: float = 0.0
    #: reads as running text (set once the page's language is known to the stopword lists)
    prose: bool = False
    _date: str | None | bool = False  # False: not read yet
    weight: float = 1.0

    @property
    def date(self) -> str | None:
        if self._date is False:
            self._date = _find_date(self.text) if self.words <= 40 else None
        return self._date  # type: ignore[return-value]


def _is_prose(ln: _Line, stop_floor: float) -> bool:
    if ln.kind is not None or not (ln.words >= _LONG or (ln.words >= 4 and ln.ends)):
        return False
    # a long line without function words is a tag list or a menu flattened into one line
    return ln.words < 8 or ln.stop >= stop_floor


def extract_text(content: str, options: ExtractOptions) -> Draft:
    """Find the article, its title, section and date, and type everything else on the page.

    Never raises: a page no rule foresaw gives an empty draft (the pipeline reports it)."""
    try:
        return _extract(content or "")
    except Exception:
        return Draft()


def _extract(content: str) -> Draft:
    draft = Draft()
    lines = _read_lines(content)
    if not lines:
        return draft
    body = _find_body(lines)
    if not body:
        draft.boilerplate = _boilerplate(lines, set(), set(), set())
        return draft
    first, last = min(body), max(body)
    taken: set[int] = set(body)

    title_at = _find_title(lines, first, body)
    if title_at is not None:
        draft.title = lines[title_at].text
        taken.add(title_at)
    section_at = _find_section(lines, title_at, first)
    if section_at is not None:
        draft.section = _section_name(lines[section_at].text)
        taken.add(section_at)
    draft.published, date_at = _find_published(lines, title_at, first, last)
    if date_at is not None:
        taken.add(date_at)

    related_lines = _find_related(lines, taken, draft)
    draft.body = [lines[i].text for i in sorted(body)]
    draft.header = [ln.text for ln in lines[max(0, first - 8) : first] if ln.index not in taken]
    draft.footer = [ln.text for ln in lines[last + 1 : last + 9] if ln.index not in taken]
    draft.boilerplate = _boilerplate(lines, taken, related_lines, {title_at, section_at, date_at})
    return draft


# ----------------------------------------------------------------------------- lines


def _read_lines(content: str) -> list[_Line]:
    out: list[_Line] = []
    for raw in content.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        raw = raw.expandtabs(8)
        stripped = raw.lstrip(" \u00a0\u3000")
        indent = len(raw) - len(stripped)
        text = _SPACES.sub(" ", stripped).strip()
        if not text:
            continue
        bullet = False
        m = _BULLET.match(text)
        if m and len(text) > m.end():
            bullet = True
            indent += m.end()
            text = text[m.end() :]
        out.append(_features(len(out), indent, text, bullet))
    floor = _stop_floor(out)
    total = sum(len(ln.text) for ln in out) or 1
    seen = 0
    for ln in out:
        ln.prose = _is_prose(ln, floor)
        # teasers, comments and footers follow the article: text further down counts a little less
        ln.weight = 1.0 - POSITION_DECAY * seen / total
        seen += len(ln.text)
        ln.value = _value(ln)
    return out


def _stop_floor(lines: list[_Line]) -> float:
    """The share of function words below which a long line is not running text on this page.

    Zero when the page's language is not in the stopword lists (its lines have almost none)."""
    words = stops = 0.0
    for ln in lines:
        if ln.words >= 10:
            words += ln.words
            stops += ln.stop * ln.words
    rate = stops / words if words else 0.0
    return STOP_SHARE * rate if rate >= 0.1 else 0.0


STOP_SHARE = 0.5


def _features(index: int, indent: int, text: str, bullet: bool) -> _Line:
    tokens = _WORD.findall(_URL.sub(" ", text) if "http" in text or "www." in text else text)
    cjk = len(_CJK.findall(text)) if len(tokens) * 6 < len(text) else 0
    words = max(len(tokens), cjk // 2)
    stop = sum(1 for t in tokens if t.lower() in rules.STOPWORDS) / len(tokens) if tokens else 0.0
    ends = text[-1] in rules.SENTENCE_END
    return _Line(index, indent, text, bullet, words, stop, ends, _chrome_kind(text, words))


def _chrome_kind(text: str, words: int) -> str | None:
    """Which lexicon of site chrome the line belongs to, if any."""
    if words <= _SHORT:
        key = _EDGE_PUNCT.sub("", text)
        if not key or key.isdigit():
            return None  # rules, separators, list numbers: neutral
        m = _WHOLE_LINE.fullmatch(key)
        if m:
            return m.lastgroup
    if words <= 60:
        hits = len(_LEGAL.findall(text))
        if hits and (words <= 40 or hits > 1):
            return "legal"
    if words <= 30:
        if _COMMENT.search(text):
            return "comments"
        if _PROMO.search(text):
            return "promo"
    return None




def _value(line: _Line, indent: int | None = None) -> float:
    """How much the line speaks for being article text (positive) or chrome (negative).

    ``indent`` is the article's indentation once known (None on the first pass)."""
    if line.kind == "comments":
        # the comment section: readers' text must not join the article
        return -COMMENTS_BARRIER
    if line.kind is not None:
        return -max(4.0, float(line.words))
    if line.bullet:
        if line.prose and line.text[-1] in ".!?。！？" and line.words >= 8:
            return line.words * BULLET_PROSE * line.weight  # a list in the story, not a menu
        return -max(2.0, min(float(line.words), 10.0))
    aligned = indent is None or line.indent == indent
    if line.prose:
        return float(line.words) * (1.0 if aligned else OFF_INDENT) * line.weight
    if indent is not None and aligned:
        return -ALIGNED_COST
    return -max(2.0, line.words * 0.5)


BULLET_PROSE = 0.5
POSITION_DECAY = 0.5
COMMENTS_BARRIER = 30.0
OFF_INDENT = 0.25
ALIGNED_COST = 0.5


def _indent_informative(lines: list[_Line], indent: int) -> bool:
    at = sum(1 for ln in lines if ln.indent == indent)
    return at < 0.7 * len(lines)


# ----------------------------------------------------------------------------- body


def _find_body(lines: list[_Line]) -> list[int]:
    _damp_comments(lines)
    start, end = _densest_run(lines)
    if start < 0:
        return []
    indent = _main_indent(lines[start : end + 1])
    if _indent_informative(lines, indent):
        # The article sits at one indentation: text at another one counts less, and what is
        # neither text nor chrome at the article's own (a table, a sub-heading) is neutral.
        # Which indentation is tried for each that carries much text; the best run wins.
        best = -1.0
        for candidate in _text_indents(lines, indent):
            for ln in lines:
                ln.value = _value(ln, candidate)
            _damp_comments(lines)
            s, e = _densest_run(lines)
            score = sum(ln.value for ln in lines[s : e + 1]) if s >= 0 else 0.0
            if score > best:
                best, start, end, indent = score, s, e, candidate
        for ln in lines:
            ln.value = _value(ln, indent)
        _damp_comments(lines)
    keep: list[int] = []
    for ln in lines[start : end + 1]:
        if ln.kind is not None:
            continue
        if ln.value > 0 or (ln.indent == indent and not ln.bullet):
            keep.append(ln.index)
    # a photo caption right above the story belongs to it (meta.py reads its credit)
    if keep and keep[0] > 0:
        above = lines[keep[0] - 1]
        if above.kind is None and not above.bullet and above.words >= 6 and _CREDIT_TAIL.search(above.text):
            keep.insert(0, above.index)
    return keep


def _text_indents(lines: list[_Line], first: int) -> list[int]:
    weight: dict[int, int] = {}
    for ln in lines:
        if ln.prose and not ln.bullet:
            weight[ln.indent] = weight.get(ln.indent, 0) + ln.words
    top = max(weight.values(), default=0)
    others = sorted((i for i, w in weight.items() if w >= 0.2 * top and i != first), key=weight.__getitem__, reverse=True)
    return [first] + others[:4]


def _damp_comments(lines: list[_Line]) -> None:
    """Readers' comments come after the article: text below a comment-section heading counts little.

    A "comments" line above the article (a counter in the share bar) must not cut it, so the
    heading only counts once some running text has been seen."""
    seen = 0
    for i, ln in enumerate(lines):
        if ln.kind == "comments" and seen >= COMMENTS_AFTER:
            for rest in lines[i:]:
                if rest.value > 0:
                    rest.value *= COMMENTS_DAMP
            return
        if ln.prose:
            seen += ln.words


COMMENTS_AFTER = 80
COMMENTS_DAMP = 0.05


def _densest_run(lines: list[_Line]) -> tuple[int, int]:
    """Kadane's maximum-sum run of line values: the article's core."""
    best, best_start, best_end = 0.0, -1, -1
    run, run_start = 0.0, 0
    for i, ln in enumerate(lines):
        if run <= 0:
            run, run_start = 0.0, i
        run += ln.value
        if run > best:
            best, best_start, best_end = run, run_start, i
    return best_start, best_end


def _main_indent(lines: list[_Line]) -> int:
    weight: dict[int, int] = {}
    for ln in lines:
        if ln.prose:
            weight[ln.indent] = weight.get(ln.indent, 0) + ln.words
    return max(weight, key=weight.__getitem__) if weight else 0


# ----------------------------------------------------------------------------- title, section


def _headline_like(ln: _Line) -> bool:
    if ln.kind is not None or not 3 <= ln.words <= 30:
        return False
    if ln.text.endswith(".") and not ln.text.endswith("..."):
        return False
    if _CREDIT_TAIL.search(ln.text) or ln.date or _NOT_A_TITLE.search(ln.text):
        return False
    if ln.text.endswith(")") and _ends_with_photo_credit(ln.text):
        return False  # a photo caption above the story: "Crowds at the harbour (AFP)"
    return True


def _ends_with_photo_credit(text: str) -> bool:
    from .meta import ends_with_photo_credit

    return ends_with_photo_credit(text)


def _title_like(ln: _Line) -> bool:
    if not _headline_like(ln) or ln.words > 25 or ln.bullet:
        return False
    if (ln.words < 5 or "," in ln.text) and _NAME_LIKE.match(ln.text):
        return False  # a byline's name, an author's title
    if len(_LETTERS.findall(ln.text)) < 3:
        return False  # numbers, codes, scores
    return ln.words >= 4 or ln.text[:1].isupper()


def _find_title(lines: list[_Line], first: int, body: list[int]) -> int | None:
    """The nearest headline-like line above the article (a title sits close to its story)."""
    body_indent = lines[first].indent if first < len(lines) else 0
    lo = max(0, first - 30)
    for i in range(first - 1, lo - 1, -1):
        ln = lines[i]
        if ln.indent > body_indent + 4:
            continue
        if _title_like(ln):
            return i
    return None


def _find_section(lines: list[_Line], title_at: int | None, first: int) -> int | None:
    """A one-to-three-word label next to the title (a breadcrumb's last part, a kicker)."""
    if title_at is None:
        return None
    # above the title any short label (a kicker, a breadcrumb); below it only a list item,
    # since a short line under a title is more often the author's name
    above = [i for i in range(title_at - 1, max(-1, title_at - 3), -1)]
    below = [i for i in range(title_at + 1, min(first, title_at + 6)) if lines[i].bullet and not _in_menu(lines, i)]
    for i in below + above:
        ln = lines[i]
        if not 1 <= ln.words <= 3 or not ln.text[:1].isupper() or any(c.isdigit() for c in ln.text):
            continue
        if ":" in ln.text or "@" in ln.text or _NOT_A_TITLE.search(ln.text):
            continue
        if ln.kind in (None, "nav") and not _NAV_LINE.match(_EDGE_PUNCT.sub("", ln.text)):
            return i
    return None


def _in_menu(lines: list[_Line], at: int) -> bool:
    """Whether the list item is one of three or more (a menu) rather than a label or two."""
    lo = hi = at
    while lo > 0 and lines[lo - 1].bullet:
        lo -= 1
    while hi + 1 < len(lines) and lines[hi + 1].bullet:
        hi += 1
    return sum(1 for ln in lines[lo : hi + 1] if not ln.date) >= 3


def _section_name(text: str) -> str:
    parts = re.split(r"\s*[›»>|/]\s*", text)
    return parts[-1].strip() or text


# ----------------------------------------------------------------------------- dates


def _month_pattern() -> tuple[str, dict[str, int]]:
    table: dict[str, int] = {}
    for number, names in rules.MONTHS.items():
        for name in names:
            table.setdefault(name, number)
    alternation = "|".join(sorted((re.escape(n) for n in table), key=len, reverse=True))
    return alternation, table


_MONTH_ALT, _MONTH_NUMBER = _month_pattern()
_DATE_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[int, int, int] | None]]] = [
    (
        re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d?)-(\d\d?)(?!\d)"),
        lambda m: (int(m[1]), int(m[2]), int(m[3])),
    ),
    (
        re.compile(rf"(?<!\d)(\d\d?)(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+)?({_MONTH_ALT})\b\.?,?\s*(?:de\s+)?((?:19|20)\d\d)(?:(?!\d)|(?=\d\d?:\d\d))", re.I),
        lambda m: (int(m[3]), _MONTH_NUMBER[m[2].lower()], int(m[1])),
    ),
    (
        re.compile(rf"\b({_MONTH_ALT})\b\.?\s+(\d\d?)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?:(?!\d)|(?=\d\d?:\d\d))", re.I),
        lambda m: (int(m[3]), _MONTH_NUMBER[m[1].lower()], int(m[2])),
    ),
    (
        re.compile(r"((?:19|20)\d\d)\s*年\s*(\d\d?)\s*月\s*(\d\d?)\s*日"),
        lambda m: (int(m[1]), int(m[2]), int(m[3])),
    ),
    (
        re.compile(r"(?<![\d.])((?:19|20)\d\d)[./](\d\d?)[./](\d\d?)(?![\d.])"),
        lambda m: (int(m[1]), int(m[2]), int(m[3])),
    ),
    (
        re.compile(r"(?<![\d./])(\d\d?)[./-](\d\d?)[./-]((?:19|20)\d\d)(?![\d./])"),
        # day first, as most of the world writes it, unless that cannot be
        lambda m: (int(m[3]), int(m[2]), int(m[1])) if int(m[2]) <= 12 else (int(m[3]), int(m[1]), int(m[2])),
    ),
]


def _find_date(text: str) -> str | None:
    """The first date written in the line, as ISO; with the time when the line gives one."""
    if len(text) > 300 or not _DIGIT.search(text):
        return None
    for pattern, parts in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            ymd = parts(m)
            if ymd is None:
                continue
            y, mo, d = ymd
            try:
                datetime.date(y, mo, d)
            except ValueError:
                continue
            date = f"{y:04d}-{mo:02d}-{d:02d}"
            rest = text[: m.start()] + " " + text[m.end() :]
            t = _TIME.search(rest)
            if t and not re.search(r"\d", rest[max(0, t.start() - 1) : t.start()]):
                hour, minute = int(t[1]), int(t[2])
                if t[3]:
                    hour = hour % 12 + (12 if t[3].lower() == "p" else 0)
                return f"{date}T{hour:02d}:{minute:02d}"
            return date
    return None


def _find_published(lines: list[_Line], title_at: int | None, first: int, last: int) -> tuple[str | None, int | None]:
    """The date nearest below the title, else above it, else just after the article."""
    anchor = title_at if title_at is not None else max(0, first - 1)
    order = list(range(anchor, min(first, anchor + 12)))
    order += list(range(anchor - 1, max(-1, anchor - 10), -1))
    order += list(range(last + 1, min(len(lines), last + 6)))
    for i in order:
        ln = lines[i]
        if ln.words > 25:
            continue
        date = ln.date
        if date:
            return date, i
    return None, None


# ----------------------------------------------------------------------------- related lists


def _find_related(lines: list[_Line], taken: set[int], draft: Draft) -> set[int]:
    """Runs of three or more headlines (or two under a list heading) outside the article."""
    split = _version_splitter()
    found: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        if i in taken or not _is_headline(lines[i]):
            i += 1
            continue
        j = i
        while j + 1 < n and j + 1 not in taken and _is_headline(lines[j + 1]) and lines[j + 1].indent == lines[i].indent:
            j += 1
        heading = i - 1 if i > 0 and lines[i - 1].kind == "related" and i - 1 not in taken else None
        if j - i + 1 >= 3 or (heading is not None and j - i + 1 >= 2):
            if heading is not None:
                found.add(heading)
            for k in range(i, j + 1):
                found.add(k)
                title, version = split(lines[k].text)
                draft.related.append(Related(title=title, version=version, text=lines[k].text))
        i = j + 1
    return found


def _version_splitter() -> Callable[[str], tuple[str, str | None]]:
    # meta.py is written alongside this module: use its wire-version reader once it is there
    try:
        from .meta import split_version
    except ImportError:
        return lambda headline: (headline, None)
    return split_version


def _is_headline(ln: _Line) -> bool:
    return 4 <= ln.words <= 30 and ln.kind is None and not (ln.text.endswith(".") and ln.words > 20) and ln.date is None


# ----------------------------------------------------------------------------- boilerplate


def _boilerplate(lines: list[_Line], taken: set[int], related: set[int], own: set[int | None]) -> list[Boilerplate]:
    """Every line that is not the article, typed; runs of navigation are kept together."""
    out: list[Boilerplate] = []
    for ln in lines:
        if ln.index in own:
            continue
        if ln.index in taken and ln.index not in related:
            continue
        if ln.index in related:
            kind = "related"
        elif ln.kind is not None:
            kind = "other" if ln.kind == "comments" else ln.kind
        elif ln.bullet or ln.words <= 3:
            kind = "nav"
        elif ln.date and ln.words <= 12:
            kind = "meta"
        else:
            kind = "other"
        if kind == "nav" and out and out[-1].kind == "nav" and ln.index - 1 not in taken:
            out[-1] = Boilerplate("nav", out[-1].text + "\n" + ln.text)
        else:
            out.append(Boilerplate(kind, ln.text))
    return out
