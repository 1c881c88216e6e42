"""What every format shares once the article's blocks are found: the dateline, the byline,
photo captions and their credits, the agencies credited, promo and share lines inside the
body, wire version labels of headlines, and the final text with paragraph offsets.

The rules' words live in lexicon.py; this module applies them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..model import Boilerplate, Byline, Dateline, Image, Reading, Slug
from . import lexicon
from .draft import Draft

# --- agencies -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _agency_tables() -> tuple[dict[str, str], dict[str, str], re.Pattern[str], re.Pattern[str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for name, spellings in lexicon.AGENCIES.items():
        for s in (name, *spellings):
            if _is_acronym(s):
                exact[s] = name
            else:
                folded[s.lower()] = name
    def alternation(keys: list[str]) -> str:
        return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    exact_re = re.compile(rf"(?<![\w-])(?:{alternation(list(exact))})(?![\w-])")
    folded_re = re.compile(rf"(?<![\w-])(?:{alternation(list(folded))})(?![\w-])", re.I)
    return exact, folded, exact_re, folded_re


def _is_acronym(s: str) -> bool:
    return len(s) <= 4 or s.isupper()


def canonical_agency(name: str) -> str | None:
    """The agency's usual name for a spelling ("REUTERS" → "Reuters"), or None."""
    exact, folded, _, _ = _agency_tables()
    s = name.strip(" \t.,;:()[]|-–—/")
    return exact.get(s) or folded.get(s.lower())


def agencies_in(text: str) -> list[str]:
    """Agencies named in a credit, dateline or byline string, in order of appearance."""
    _, _, exact_re, folded_re = _agency_tables()
    hits: list[tuple[int, str]] = []
    for rx in (exact_re, folded_re):
        for m in rx.finditer(text):
            name = canonical_agency(m.group(0))
            if name:
                hits.append((m.start(), name))
    out: list[str] = []
    for _, name in sorted(hits):
        if name not in out:
            out.append(name)
    return out


# --- wire version labels ------------------------------------------------------------------

_LABEL = "|".join(lexicon.VERSION_LABELS)
_VERSION_HEAD = re.compile(rf"^\s*(?:\((?P<p>{_LABEL})\)|(?P<v>{_LABEL}))\s*(?:[:\-–—|]+\s*|(?<=\))\s*)", re.I)
_VERSION_TAIL = re.compile(rf"\s*[\(\[](?P<v>{_LABEL})[\)\]]\s*$", re.I)


def split_version(headline: str) -> tuple[str, str | None]:
    """Split a wire version label off a headline: "1st LD: Fire kills 40" → ("Fire kills 40", "1st LD")."""
    text = " ".join(headline.split())
    labels: list[str] = []
    while True:
        m = _VERSION_HEAD.match(text)
        if not m or m.end() >= len(text):
            break
        label = m.group("p") or m.group("v")
        if not _label_case_ok(label):
            break
        labels.append(label)
        text = text[m.end() :]
    m = _VERSION_TAIL.search(text)
    if m and m.start() > 0 and _label_case_ok(m.group("v")):
        labels.append(m.group("v"))
        text = text[: m.start()]
    return text.strip(), (" ".join(labels) if labels else None)


def _label_case_ok(label: str) -> bool:
    # "Lead" or "Update" as an ordinary first word of a headline is not a label
    word = label.split()[0]
    return word.isupper() or any(ch.isdigit() for ch in word)


# --- datelines ----------------------------------------------------------------------------

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAYNAME = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DL_DATE = rf"(?:{_DAYNAME},?\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_UP_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]*[A-ZÀ-Þ.]"
_TC_WORD = r"[A-ZÀ-Þ][\w'’.\-]*"
_REGION = rf"(?:,\s+{_TC_WORD}(?:\s+{_TC_WORD}){{0,2}})?"
_SEP = r"\s*(?:-{1,2}|—|–|―)\s+|:\s+"
# right after an agency's closing bracket the story may start without a separator: "(CNN)The"
_GLUED = r"|(?<=\))\s*(?=[A-ZÀ-Þ“\"‘'])"
_DATELINE_UPPER = re.compile(
    rf"^(?P<place>{_UP_WORD}(?:\s+{_UP_WORD}){{0,4}}{_REGION})"
    rf"(?:,?\s+(?P<date>{_DL_DATE}))?"
    rf"(?:\s*\((?P<agency>[^()]{{1,40}})\))?"
    rf"(?P<sep>{_SEP}{_GLUED})"
)
_DATELINE_TITLE = re.compile(
    rf"^(?P<place>{_TC_WORD}(?:\s+{_TC_WORD}){{0,3}}{_REGION})"
    rf"(?:,?\s+(?P<date>{_DL_DATE}))?"
    rf"\s*\((?P<agency>[^()]{{1,40}})\)"
    rf"(?P<sep>{_SEP}{_GLUED})"
)
_DATELINE_AGENCY_ONLY = re.compile(rf"^\((?P<agency>[^()]{{1,40}})\)(?P<sep>{_SEP}{_GLUED})")


def parse_dateline(paragraph: str, published: str | None = None) -> tuple[Dateline, int] | None:
    """Read a dateline at the start of a paragraph; returns it and where the story starts."""
    for rx in (_DATELINE_UPPER, _DATELINE_TITLE, _DATELINE_AGENCY_ONLY):
        m = rx.match(paragraph)
        if not m:
            continue
        groups = m.groupdict()
        place = groups.get("place")
        raw_agency = groups.get("agency")
        agency = None
        if raw_agency is not None:
            agency = canonical_agency(raw_agency) or _plausible_agency(raw_agency)
            if agency is None:
                continue
        if not m.group("sep") and (agency is None or place and not paragraph[: m.start("agency")].endswith(" (")):
            continue  # only an agency's bracket, set apart from the place, may run into the story
        if rx is _DATELINE_UPPER:
            if not _plausible_upper_place(place or "", agency, m.group("sep")):
                continue
        if rx is _DATELINE_TITLE and agency is None:
            continue
        date = _resolve_dateline_date(groups.get("date"), published)
        if place:
            place = place.strip().rstrip(",")
        return Dateline(place=place, agency=agency, date=date), m.end()
    return None


def _plausible_agency(raw: str) -> str | None:
    # a name in the brackets of a dateline that the lexicon lacks: "(CNN)", "(Reuters Breakingviews)"
    raw = raw.strip()
    known = agencies_in(raw)
    if known and len(raw.split()) <= 3:
        return known[0]
    if " " not in raw and 2 <= len(raw) <= 6 and raw.isupper() and raw.isalpha():
        return raw
    return None


def _plausible_upper_place(place: str, agency: str | None, sep: str) -> bool:
    head = place.split(",")[0]
    head_words = head.strip().rstrip(".:")
    if head_words in lexicon.NOT_PLACES or head_words.split()[0] in lexicon.NOT_PLACES:
        return False
    letters = [ch for ch in head if ch.isalpha()]
    if len(letters) < 3:  # "US -", "UK:"
        return False
    if agency is not None:
        return True
    # without an agency, a colon needs a short place ("NEW DELHI:") and a dash anything up to 5 words
    if ":" in sep:
        return len(head.split()) <= 3
    return True


def _resolve_dateline_date(raw: str | None, published: str | None) -> str | None:
    if not raw:
        return None
    m = re.search(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<mon2>[A-Za-z]+)", raw)
    if not m:
        return None
    month = lexicon.MONTHS.get((m.group("mon") or m.group("mon2") or "").lower().rstrip("."))
    day = int(m.group("day") or m.group("day2"))
    year_m = re.search(r"\b(\d{4})\b", raw)
    if not month:
        return None
    if year_m:
        year = int(year_m.group(1))
    elif published and re.match(r"\d{4}-\d{2}-\d{2}", published):
        pub = dt.date.fromisoformat(published[:10])
        year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- bylines ------------------------------------------------------------------------------

_ROLE_RE = re.compile(
    r"^(?P<role>" + "|".join(sorted((re.escape(r) for r in lexicon.BYLINE_ROLES), key=len, reverse=True)) + r")\s+by\s+(?P<names>.+)$",
    re.I,
)
_BY_RE = re.compile(r"^by\s*[:\-]?\s+(?P<names>.+)$", re.I)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.\-]*|de|da|van|von|der|del|la|le|bin|al|el|ibn|di|dos|du)$")
_NOT_NAME = {
    "staff", "writer", "reporter", "correspondent", "editor", "senior", "chief", "news", "desk",
    "contributor", "columnist", "bureau", "updated", "published", "posted", "photo", "photos",
    "video", "min", "read", "minutes", "and", "stf", "str", "afp", "ho",
}


def parse_byline(line: str) -> tuple[Byline, list[str]] | None:
    """Read a byline or a wire trailer: "By A and B", "(Reporting by A; Editing by B)".

    Returns the byline and the agencies it credits, or None when the line is not a byline.
    """
    text = " ".join(line.split()).strip()
    while len(text) > 2 and text[0] in "([" and text[-1] in ")]":
        text = text[1:-1].strip()
    text = text.rstrip(".")
    if not text or len(text.split()) > 40:
        return None
    byline = Byline()
    agencies: list[str] = []
    found = _contributors(text) or _slash_byline(text)
    if found:
        return found
    m = _BY_RE.match(text)
    if m:
        if len(text.split()) > 16:
            return None
        names, found = _names(m.group("names"))
        if not names:
            return None
        byline.authors.extend(names)
        agencies.extend(found)
        return byline, agencies
    segments = [s.strip() for s in re.split(r";|\.\s+(?=[A-Z])", text) if s.strip()]
    matched = 0
    for seg in segments:
        rm = _ROLE_RE.match(seg)
        if rm:
            names, found = _names(rm.group("names"))
            getattr(byline, lexicon.BYLINE_ROLES[rm.group("role").lower()]).extend(names)
            agencies.extend(found)
            matched += 1
        elif agencies_in(seg) and len(seg.split()) <= 4:
            agencies.extend(agencies_in(seg))
        else:
            return None
    if not matched:
        return None
    return byline, agencies


_CONTRIBUTOR_RES = [re.compile(rf"^{p}$", re.I) for p in lexicon.CONTRIBUTOR_LINES]
_SLASH_RE = re.compile(rf"^{lexicon.SLASH_BYLINE}$", re.I)


def _contributors(text: str) -> tuple[Byline, list[str]] | None:
    """"Associated Press writers A and B contributed to this report." → contributors [A, B]."""
    if "ontribut" not in text or len(text.split()) > 45:
        return None
    for rx in _CONTRIBUTOR_RES:
        m = rx.match(text)
        if not m:
            continue
        raw = re.sub(r"^(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s?\s+(?=[A-Z])", "", m.group("names"))  # "Fox News’ A"
        names, agencies = _names(raw)
        lead = m.groupdict().get("lead") or ""
        agencies = agencies_in(lead) + [a for a in agencies if a not in agencies_in(lead)]
        if names:
            return Byline(contributors=names), agencies
    return None


def _slash_byline(text: str) -> tuple[Byline, list[str]] | None:
    """"Tom Davies / Associated Press" → authors [Tom Davies], agency AP (a known agency only)."""
    if "/" not in text:
        return None
    m = _SLASH_RE.match(text)
    if not m:
        return None
    agency = canonical_agency(m.group("org"))
    if agency is None:
        return None
    names, found = _names(m.group("names"))
    if not names:
        return None
    return Byline(authors=names), [agency, *(a for a in found if a != agency)]


def _names(raw: str) -> tuple[list[str], list[str]]:
    agencies: list[str] = []
    names: list[str] = []
    raw = re.split(r"\s+[|•·]\s+|\s+(?:-|—|–)\s+", raw)[0]
    for part in re.split(r",|\s+and\s+|\s*&\s*|\s+with\s+", raw):
        part = part.strip(" .")
        if not part:
            continue
        part = re.sub(r"\s+(?:in|from|at)\s+[A-ZÀ-Þ].*$", "", part)  # "Jack Kim in Seoul"
        agency = canonical_agency(part)
        if agency:
            agencies.append(agency)
            continue
        words = part.split()
        if not (1 <= len(words) <= 5):
            continue
        if any(w.lower().strip(".") in _NOT_NAME for w in words):
            continue
        if not all(_NAME_WORD.match(w) for w in words):
            continue
        if part.isupper() and len(part) > 3:
            part = part.title()
        names.append(part)
    return names, agencies


_BYLINE_PREFIX = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(lexicon.BYLINE_PREFIXES, key=len, reverse=True)) + r")\s*:?\s+",
    re.I,
)
_JOB = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon.JOB_WORDS) + r")\b", re.I)
_DATE_TAIL = re.compile(
    rf"\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|{_MONTH}\s+\d{{1,2}}|\d{{1,2}}[:/.]\d{{1,2}}|updated|published)\b.*$",
    re.I,
)


def clean_authors(names: list[str]) -> tuple[list[str], list[str]]:
    """Tidy author names taken from page metadata or byline markup.

    Agencies go to the agency list, job titles and credentials are dropped, shouting
    capitals are set in title case, and trailing dates ("Jane Doe Monday") are cut.
    """
    authors: list[str] = []
    agencies: list[str] = []
    for raw in names:
        name = " ".join(str(raw).split()).strip(" ,;|·•-–—")
        name = _BYLINE_PREFIX.sub("", name)
        name = _DATE_TAIL.sub("", name).strip(" ,;|")
        if not name:
            continue
        agency = canonical_agency(name) or canonical_agency(re.sub(r"^the\s+", "", name, flags=re.I))
        if agency:
            if agency not in agencies:
                agencies.append(agency)
            continue
        if _JOB.search(name):
            continue
        if len(name) <= 5 and sum(ch.isupper() for ch in name) >= 2 and " " not in name:  # MD, PhD, RDN
            continue
        if name.isupper() and len(name) > 4:
            name = name.title()
        if name.lower() not in (a.lower() for a in authors):
            authors.append(name)
    return authors, agencies


# --- captions and credits -----------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?”\"’)])\s+(?=\S)")
_CREDIT_LEAD = re.compile(
    rf"^[(\[]?\s*(?:{'|'.join(lexicon.CREDIT_WORDS)})(?:\s+(?:credit|by|courtesy(?:\s+of)?))?\s*[:|]?\s+\S",
    re.I,
)
_SLASH_CREDIT = re.compile(r"^[(\[]?[A-ZÀ-Þ][\w&'’.\- ]{0,60}(?:/\s?[A-Za-zÀ-þ][\w&'’.\- ]{0,40}){1,3}[)\]]?$")
_CAPTION_LEAD = re.compile(r"^(?:FILE\s+PHOTO|FILE|PHOTO)\s*[:\-–—]\s*\S", re.I)


def split_caption(paragraph: str) -> Image | None:
    """A photo caption with its credit ("… in Seoul. REUTERS/Kim Hong-Ji") or None."""
    text = paragraph.strip()
    words = text.split()
    if not words or len(words) > 90:
        return None
    parts = _SENTENCE_END.split(text)
    last = parts[-1].strip()
    credit: str | None = None
    if len(last.split()) <= 12 and _is_credit(last):
        credit = last.strip("()[] ")
        caption = text[: len(text) - len(parts[-1])].strip() if len(parts) > 1 else None
    else:
        caption = text
    if credit is None:
        if not _CAPTION_LEAD.match(text) or len(words) > 60:
            return None
    return Image(caption=caption or None, credit=credit)


def _is_credit(segment: str) -> bool:
    seg = segment.strip()
    if _CREDIT_LEAD.match(seg):
        return True
    if "/" in seg and _SLASH_CREDIT.match(seg):
        left = seg.lstrip("([").split("/")[0]
        return bool(agencies_in(left)) or left.split()[-1].isupper() and len(left.split()[-1]) >= 2
    return False


# --- promo, share and legal lines inside the body -----------------------------------------


_BODY_CHROME = re.compile(
    "|".join(f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in patterns)})" for kind, patterns in lexicon.BODY_CHROME.items()),
    re.I | re.S,
)


def body_line_kind(paragraph: str) -> str | None:
    """'promo', 'share', 'legal', 'related' or 'meta' for a paragraph that is site furniture, else None."""
    low = " ".join(paragraph.lower().split())
    n = len(low.split())
    if n == 0:
        return "other"
    if n <= 45:
        m = _BODY_CHROME.fullmatch(low)
        if m:
            return m.lastgroup
    if n <= 40 and low.startswith(lexicon.PROMO_PHRASES):
        return "promo"
    if low in ("advertisement", "advertisement:", "sponsored", "ad"):
        return "promo"
    if n <= 12 and low.startswith(lexicon.SHARE_PHRASES):
        return "share"
    if n <= 30 and any(p in low for p in lexicon.LEGAL_PHRASES):
        return "legal"
    if n <= 6 and _is_agency_credit(paragraph):
        return "meta"
    return None


_AGENCY_CREDIT = re.compile(r"^[\s\-–—(\[]*(?:(?:with|source|sources|via)\s*:?\s+)?(?P<names>[^)\]]+?)[\s)\].]*$", re.I)


def _is_agency_credit(paragraph: str) -> bool:
    m = _AGENCY_CREDIT.match(paragraph)
    if not m:
        return False
    parts = [p for p in re.split(r"\s*(?:,|/|&|\band\b|\+)\s*", m.group("names")) if p.strip()]
    return bool(parts) and all(canonical_agency(p) for p in parts)


# --- photo captions read as headlines ---------------------------------------------------------


@lru_cache(maxsize=1)
def _caption_tail() -> re.Pattern[str]:
    names = sorted({s for name, spellings in lexicon.AGENCIES.items() for s in (name, *spellings)
                    if name not in ("Agencies",)}, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?:\((?:[^()]*/\s*)?(?:{alternation})(?:\s*/[^()]*)?\)|\b(?:{alternation})\s*/\s*[\w .'-]+)\s*$")


def ends_with_photo_credit(text: str) -> bool:
    """"Protesters gather at the gates (AFP)", "… AFP/Getty Images": a caption, not a headline."""
    return bool(_caption_tail().search(text.strip()))


# --- publishers ---------------------------------------------------------------------------


def host_publisher(url: str | None) -> str | None:
    """The outlet a known host belongs to ("https://hosted.ap.org/…" → "AP"), else None."""
    if not url or "//" not in url:
        return None
    host = url.split("//", 1)[1].split("/", 1)[0].split("@")[-1].split(":")[0].lower().rstrip(".")
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = lexicon.KNOWN_HOSTS.get(".".join(labels[i:]))
        if name:
            return name
    return None


def plausible_publisher(name: str | None, section: str | None = None) -> str | None:
    """A site name as an outlet's name: taglines cut ("Site | News from X" → "Site"), section
    names, bare addresses and words such as "Hosted" refused."""
    if not name:
        return None
    text = " ".join(name.split()).lstrip("@").strip(" |-–—·:")
    for sep in (" | ", " - ", " – ", " — ", " · ", " :: "):
        if sep in text:
            text = text.split(sep, 1)[0].strip()
    low = text.casefold()
    if not text or low in lexicon.NOT_PUBLISHERS or "://" in text or low.startswith("www."):
        return None
    if section and low == section.casefold().strip():
        return None
    if len(text) > 60:
        return None
    return text


# --- wire slugs -----------------------------------------------------------------------------

_SLUG = re.compile(
    rf"^(?P<service>{'|'.join(re.escape(k) for k in sorted(lexicon.SLUG_SERVICES, key=len, reverse=True))})"
    r"-(?P<desk>[A-Z]{2,5}(?:-[A-Z]{2,5})?)--(?P<keywords>[A-Za-z0-9][\w&'.]*(?:-[\w&'.]+)*)"
    rf"(?:\s*,\s*(?P<version>(?:{lexicon.SLUG_VERSION})(?:\s*,?\s*(?:{lexicon.SLUG_VERSION}))*))?\s*$",
    re.I,
)


def parse_slug(paragraph: str) -> Slug | None:
    """A wire slug line ("AP-US--Trump-Impeachment, 4th Ld-Writethru") read into its parts."""
    text = " ".join(paragraph.split())
    if len(text) > 120 or "--" not in text:
        return None
    m = _SLUG.match(text)
    if not m or not m.group("service").isupper():
        return None
    version = m.group("version")
    return Slug(
        text=text,
        agency=lexicon.SLUG_SERVICES[m.group("service").upper()],
        keywords=m.group("keywords"),
        version=version,
        writethru=bool(version and "writethru" in version.lower()),
    )


# --- hover cards: "Kristi NoemKristi Lynn NoemHeadline one Headline two MORE (R) said" --------

_HOVER_CARD = re.compile(r"(?<=[a-zà-ÿ.])(?P<card>[A-ZÀ-Þ][^\n]{3,600}?)\s+MORE\b(?=\s|$)")


def strip_hover_cards(paragraph: str) -> str:
    """Take out a person's hover card flattened into the text: the name is followed, without a
    space, by the full name again and teaser headlines, up to a "MORE" link."""
    if "MORE" not in paragraph:
        return paragraph

    def cut(m: re.Match[str]) -> str:
        before = paragraph[: m.start()].split()
        card = m.group("card")
        surname = before[-1].strip(".,") if before else ""
        # the card opens with the same person's name: the surname recurs in its first words
        if len(surname) < 2 or not re.search(rf"(?<!\w){re.escape(surname)}", card[:80]):
            return m.group(0)
        return ""

    out = _HOVER_CARD.sub(cut, paragraph)
    return re.sub(r"\s{2,}", " ", out).strip()


# --- putting it together ------------------------------------------------------------------

_BYLINE_WINDOW = 3  # paragraphs at each end of the body where bylines and trailers sit


def finish(draft: Draft, reading: Reading) -> None:
    """Fill the article part of ``reading`` from a format extractor's draft."""
    reading.title = draft.title
    reading.section = draft.section
    reading.published = draft.published
    reading.language = draft.language
    reading.url = reading.url or draft.url
    reading.publisher = draft.publisher or host_publisher(reading.url or draft.url)
    reading.boilerplate = list(draft.boilerplate)
    reading.related = list(draft.related)
    reading.images = list(draft.images)
    authors, agencies = clean_authors(draft.authors)
    byline = Byline(authors=authors)

    def credit(names: list[str]) -> None:
        for n in names:
            if n not in agencies:
                agencies.append(n)

    for line in (*draft.header, *draft.footer):
        parsed = parse_byline(line)
        if parsed:
            _merge(byline, parsed[0])
            credit(parsed[1])

    if draft.verbatim:
        _lay_out_verbatim(draft, reading, byline, credit)
    else:
        _lay_out(draft, reading, byline, credit)

    for image in reading.images:
        if not image.credit and image.caption:  # a credit written into the caption
            found = split_caption(image.caption)
            if found and found.credit:
                image.caption, image.credit = found.caption, found.credit
        if image.credit:
            credit(agencies_in(image.credit))
    for block in reading.boilerplate:
        if block.kind == "meta" and len(block.text.split()) <= 6:
            credit(agencies_in(block.text))
    if reading.dateline and reading.dateline.agency:
        # the wire the story came through leads the list
        if reading.dateline.agency in agencies:
            agencies.remove(reading.dateline.agency)
        agencies.insert(0, reading.dateline.agency)
    reading.byline = byline
    reading.agencies = agencies


def _merge(into: Byline, other: Byline) -> None:
    for role in ("authors", "editors", "contributors"):
        have = getattr(into, role)
        for name in getattr(other, role):
            if name.lower() not in (h.lower() for h in have):
                have.append(name)


def _lay_out(draft: Draft, reading: Reading, byline: Byline, credit) -> None:
    paragraphs = [" ".join(p.split()) if "\n" not in p.strip() else p.strip() for p in draft.body]
    paragraphs = [strip_hover_cards(p) for p in paragraphs if p]
    paragraphs = _slug_of([p for p in paragraphs if p], reading, credit)
    for line in draft.header:
        if reading.slug is None and parse_slug(line):
            _slug_of([line], reading, credit)
    keep: list[str] = []
    n = len(paragraphs)
    for i, para in enumerate(paragraphs):
        near_edge = i < _BYLINE_WINDOW or i >= n - _BYLINE_WINDOW - 1
        if near_edge:
            parsed = parse_byline(para)
            if parsed:
                _merge(byline, parsed[0])
                credit(parsed[1])
                reading.boilerplate.append(Boilerplate("meta", para))
                continue
        kind = body_line_kind(para)
        if kind:
            reading.boilerplate.append(Boilerplate(kind, para))  # type: ignore[arg-type]
            continue
        image = split_caption(para)
        if image:
            reading.images.append(image)
            continue
        keep.append(para)
    # the dateline opens the story: look in the first paragraphs only
    for i, para in enumerate(keep[:3]):
        found = parse_dateline(para, reading.published)
        if found:
            reading.dateline, start = found
            rest = para[start:].strip()
            if rest:
                keep[i] = rest
            else:
                del keep[i]
            break
    parts, spans, pos = [], [], 0
    for para in keep:
        if parts:
            pos += 2
        spans.append((pos, pos + len(para)))
        parts.append(para)
        pos += len(para)
    reading.text = "\n\n".join(parts)
    reading.paragraphs = spans


def _slug_of(paragraphs: list[str], reading: Reading, credit) -> list[str]:
    """Set a wire slug in the first paragraphs aside (boilerplate, the reading's slug)."""
    for i, para in enumerate(paragraphs[:3]):
        slug = parse_slug(para)
        if slug:
            reading.slug = slug
            reading.boilerplate.append(Boilerplate("meta", para))
            if slug.agency:
                credit([slug.agency])
            return paragraphs[:i] + paragraphs[i + 1 :]
    return paragraphs


def _lay_out_verbatim(draft: Draft, reading: Reading, byline: Byline, credit) -> None:
    text = draft.body[0] if draft.body else ""
    reading.text = text
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, re.S)]
    reading.paragraphs = spans
    for i, (s, e) in enumerate(spans):
        para = text[s:e]
        if i < _BYLINE_WINDOW or i >= len(spans) - _BYLINE_WINDOW - 1:
            parsed = parse_byline(para)
            if parsed:
                _merge(byline, parsed[0])
                credit(parsed[1])
    for s, e in spans[:3]:
        found = parse_dateline(text[s:e], reading.published)
        if found:
            reading.dateline = found[0]
            reading.dateline.span = [s, s + len(text[s : s + found[1]].rstrip())]
            break
