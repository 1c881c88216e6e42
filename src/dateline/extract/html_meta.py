"""A page's own description of itself: <meta> tags, Open Graph, JSON-LD, breadcrumbs.

Read from the parsed tree in one pass over <meta>/<link> and one json.loads per JSON-LD
block: cheap next to the main-text extraction. htmldate's search through the page is the
fallback for the publication date only, when none of these state it (bench/extraction.py
measures what each costs).

Never raises on odd pages: every reader returns None or an empty list when it finds nothing.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html as entities
import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from . import html_rules as rules

_WS = re.compile(r"\s+")
_LANG = re.compile(r"^\s*([A-Za-z]{2,3})(?:$|[-_])")
_YEAR_MIN = 1990
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)


@dataclass
class PageMeta:
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    #: the outlet, from the page's own name for itself (see _publisher)
    publisher: str | None = None
    #: the page's <h1> headings, in order (title candidates)
    headings: list[str] = field(default_factory=list)
    #: the <title> element, the site's name taken off
    title_tag: str | None = None
    description: str | None = None
    #: (caption, credit) of images the page's JSON-LD describes
    images: list[tuple[str, str | None]] = field(default_factory=list)


def read_page_meta(tree: HtmlElement) -> PageMeta:
    meta, links, title_tag = _meta_tags(tree)
    ld = _json_ld(tree)
    article = _pick(ld, rules.ARTICLE_TYPES) or _pick(ld, rules.PAGE_TYPES) or {}
    out = PageMeta()
    out.site_name = _first_text(meta, rules.SITE_NAME_META)
    if not out.site_name:
        publisher = article.get("publisher")
        if isinstance(publisher, list):
            publisher = publisher[0] if publisher else None
        if isinstance(publisher, dict):
            publisher = publisher.get("name")
        out.site_name = _clean(_text(publisher))
    if out.site_name:
        out.site_name = out.site_name.lstrip("@")
    out.title_tag = _strip_site(_clean(title_tag), out.site_name)
    out.headings = _headings(tree)
    headline = _strip_site(_clean(_text(article.get("headline")) or _text(article.get("name"))), out.site_name)
    out.title = headline or _strip_site(_first_text(meta, rules.TITLE_META), out.site_name)  # for the breadcrumb
    out.published = _first_date([article.get("datePublished"), article.get("dateCreated")])
    if not out.published:
        out.published = _first_date([meta.get(k) for k in rules.PUBLISHED_META])
    out.modified = _first_date([article.get("dateModified")])
    out.authors = _people(article.get("author")) or _people(article.get("creator"))
    if not out.authors:
        for key in rules.AUTHOR_META:
            for raw in meta.get(key + "[]", ()):
                for name in split_names(raw):
                    if name.lower() not in (a.lower() for a in out.authors):
                        out.authors.append(name)
            if out.authors:
                break
    out.section = next(
        (
            s
            for s in (
                _first_text(meta, rules.SECTION_META),
                _first(_text_list(article.get("articleSection"))),
                _breadcrumb_section(_pick(ld, ("BreadcrumbList",)), out.title or out.title_tag),
            )
            if s and not _DOMAIN.search(s) and "://" not in s
        ),
        None,
    )
    out.title = choose_title(
        [
            ("headline", headline),
            *(("meta", _strip_site(_first_text(meta, (k,)), out.site_name)) for k in rules.TITLE_META),
            *(("h1", h) for h in out.headings[:3]),
            ("title", out.title_tag),
        ],
        site_name=out.site_name,
        section=out.section,
    )
    out.language = language_code(
        tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    ) or language_code(_first_text(meta, rules.LANGUAGE_META) or _text(article.get("inLanguage")))
    out.url = _absolute(links.get("canonical")) or _absolute(_first_text(meta, rules.URL_META))
    if not out.url:
        entity = article.get("mainEntityOfPage")
        out.url = _absolute(_text(article.get("url")) or (entity.get("@id") if isinstance(entity, dict) else _text(entity)))
    out.publisher = _publisher(meta, article, ld, out.url, out.section)
    out.description = _first_text(meta, ("og:description", "description", "twitter:description"))
    out.images = _ld_images(article.get("image"))
    return out


def _publisher(meta: dict[str, Any], article: dict[str, Any], ld: list[dict[str, Any]], url: str | None,
               section: str | None) -> str | None:
    """The page's own name for its outlet: og:site_name, the JSON-LD publisher, the application
    name; a Twitter handle only when it resembles the host. Section names are refused."""
    from .meta import plausible_publisher

    publisher = article.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if not publisher:
        publisher = _pick(ld, rules.PUBLISHER_TYPES)
    candidates = [meta.get("og:site_name"), _text(publisher), meta.get("application-name")]
    handle = _clean(meta.get("twitter:site"))
    if handle and url and re.sub(r"\W+", "", handle.lower()) in re.sub(r"\W+", "", url.split("//")[-1].split("/")[0].lower()):
        candidates.append(handle)
    for raw in candidates:
        name = plausible_publisher(_clean(raw) if isinstance(raw, str) else None, section)
        if name:
            return name
    return None


def _headings(tree: HtmlElement, limit: int = 5) -> list[str]:
    out: list[str] = []
    for h1 in tree.iter("h1"):
        try:
            text = _WS.sub(" ", h1.text_content()).strip()
        except (ValueError, TypeError):
            continue
        if text and text not in out:
            out.append(text)
        if len(out) >= limit:
            break
    return out


# --- titles ---------------------------------------------------------------------------------

_TITLE_WORD = re.compile(r"\w+")


def choose_title(candidates: list[tuple[str, str | None]], site_name: str | None = None,
                 section: str | None = None) -> str | None:
    """The headline on which the page's title fields agree: JSON-LD headline, og:title and other
    meta titles, the <h1> headings, the <title>. Banners ("Welcome to …"), the site's or the
    section's name and photo captions with a credit are refused; among the rest the one that
    the most other sources agree with wins, the most trusted first on a tie."""
    valid: list[tuple[str, str]] = []
    for source, text in candidates:
        text = _clean(text)
        if text and _headline_candidate(text, site_name, section) and (source, text) not in valid:
            valid.append((source, text))
    if not valid:
        return None
    words = [set(_TITLE_WORD.findall(t.casefold())) for _, t in valid]
    best, best_score = valid[0][1], -1.0
    scores: list[float] = []
    for i, (source, text) in enumerate(valid):
        score = 0.0
        seen_sources: set[str] = set()
        for j, (other_source, _) in enumerate(valid):
            if j == i or other_source == source or other_source in seen_sources:
                continue
            if _agree(words[i], words[j]):
                score += 1.0
                seen_sources.add(other_source)
        scores.append(score)
        if section and _same(text, section):
            score -= 1.5  # a section's name, unless the page's other fields say it too
        if score > best_score:
            best, best_score = text, score
    # of two agreeing forms, one with a kicker or suffix around the other ("X | Editorial"): the
    # bare one is the headline
    for (_, text), score in zip(valid, scores):
        if score == best_score and len(text) < len(best) and _framed(text, best):
            best = text
    return best


def _framed(inner: str, outer: str) -> bool:
    a, b = inner.casefold(), outer.casefold()
    if b.startswith(a):
        return b[len(a) :].lstrip()[:1] in _FRAME_MARKS
    if b.endswith(a):
        return b[: -len(a)].rstrip()[-1:] in _FRAME_MARKS
    return False


_FRAME_MARKS = set("|-–—:·»/")


def _agree(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    small, large = sorted((len(a), len(b)))
    return len(a & b) / small >= 0.8 and small >= 0.5 * large


def _headline_candidate(text: str, site_name: str | None, section: str | None) -> bool:
    low = text.casefold()
    if low.startswith(rules.NOT_HEADLINE_STARTS):
        return False
    if site_name and _site_like(text, site_name) and len(text) <= len(site_name) + 3:
        return False
    if low.strip(" .") in rules.NOT_HEADLINES:
        return False
    from .meta import ends_with_photo_credit

    if ends_with_photo_credit(text):
        return False  # a photo caption: "Protesters gather in Hong Kong (AFP)"
    return True


# --- <meta> and <link> ----------------------------------------------------------------------


def _meta_tags(tree: HtmlElement) -> tuple[dict[str, Any], dict[str, str], str | None]:
    """First value of each meta key, and every value under "key[]"; rel → href of <link>;
    the text of the first <title>."""
    meta: dict[str, Any] = {}
    links: dict[str, str] = {}
    title: str | None = None
    for el in tree.iter("meta", "link", "title"):
        if el.tag == "title":
            if title is None and el.text:
                title = el.text
            continue
        if el.tag == "link":
            rel, href = (el.get("rel") or "").lower().strip(), el.get("href")
            if rel and href and rel not in links:
                links[rel] = href.strip()
            continue
        content = el.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                key = key.strip().lower()
                meta.setdefault(key, content.strip())
                meta.setdefault(key + "[]", []).append(content.strip())
    return meta, links, title


def _first_text(meta: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _clean(meta.get(key))
        if value:
            return value
    return None


# --- JSON-LD --------------------------------------------------------------------------------


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """The JSON-LD nodes of the page, top level, @graph members and mainEntity, in order."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        raw = script.text.strip()
        if raw.startswith("<!--") or raw.startswith("//<![CDATA["):
            raw = re.sub(r"^(?://)?\s*(?:<!--|<!\[CDATA\[)|(?://)?\s*(?:-->|\]\]>)\s*$", "", raw).strip()
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        _collect(data, nodes, depth=0)
    return nodes


def _collect(data: Any, nodes: list[dict[str, Any]], depth: int) -> None:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            _collect(item, nodes, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            nodes.append(data)
        if "@graph" in data:
            _collect(data["@graph"], nodes, depth + 1)
        if isinstance(data.get("mainEntity"), (dict, list)):
            _collect(data["mainEntity"], nodes, depth + 1)


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("@type")
    items = t if isinstance(t, list) else [t]
    return [x.rsplit("/", 1)[-1] for x in items if isinstance(x, str)]


def _pick(nodes: list[dict[str, Any]], wanted: tuple[str, ...]) -> dict[str, Any] | None:
    best, rank = None, len(wanted)
    for node in nodes:
        for t in _types(node):
            if t in wanted and wanted.index(t) < rank:
                best, rank = node, wanted.index(t)
    return best


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("alternateName"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _text_list(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for t in (_clean(_text(v)) for v in items) if t]


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


def _people(value: Any) -> list[str]:
    """Names of the authors; organisations only when no person is named."""
    persons: list[str] = []
    orgs: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            persons.extend(split_names(item))
        elif isinstance(item, dict):
            kind = " ".join(_types(item))
            names = split_names(_text(item.get("name")) or "")
            (orgs if "Organization" in kind or "Organisation" in kind else persons).extend(names)
    out: list[str] = []
    for name in persons or orgs:
        if name.lower() not in (o.lower() for o in out):
            out.append(name)
    return out


def _breadcrumb_section(node: dict[str, Any] | None, title: str | None) -> str | None:
    if not node:
        return None
    entries = node.get("itemListElement")
    if not isinstance(entries, list):
        return None
    names: list[tuple[float, str]] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        name = _clean(_text(entry.get("name")) or _text(entry.get("item")))
        try:
            pos = float(entry.get("position", i))
        except (TypeError, ValueError):
            pos = i
        if name and not name.startswith("http"):
            names.append((pos, name))
    names = [n for _, n in sorted(names)]
    if names and title and _same(names[-1], title):
        names.pop()  # the article itself
    names = [n for n in names if n.lower() not in rules.BREADCRUMB_SKIP]
    return names[-1] if names else None


def _ld_images(value: Any) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for item in value if isinstance(value, list) else [value]:
        if not isinstance(item, dict):
            continue
        caption = _clean(_text(item.get("caption")) or _text(item.get("description")))
        if not caption or caption.startswith("http"):
            continue
        credit = _clean(
            _text(item.get("creditText")) or _text(item.get("copyrightHolder")) or _text(item.get("author"))
        )
        out.append((caption, credit))
    return out


# --- values -----------------------------------------------------------------------------------


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = _WS.sub(" ", value).strip()
    if "&" in text and ";" in text:  # double-escaped values are common in meta tags
        text = entities.unescape(text)
    return text or None


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


def _strip_site(title: str | None, site_name: str | None) -> str | None:
    """"Headline | Site" → "Headline" when the end (or the start) names the site."""
    if not title:
        return None
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if site_name and _site_like(tail, site_name):
            return head.strip() or title
        first, _, rest = title.partition(sep)
        if site_name and _site_like(first, site_name):
            return rest.strip() or title
    return title


def _site_like(part: str, site_name: str) -> bool:
    a = re.sub(r"\W+", "", part.casefold())
    b = re.sub(r"\W+", "", site_name.casefold())
    return bool(a) and (a == b or a in b or b in a)


def split_names(raw: str) -> list[str]:
    """Author names in a meta value: "By A, B and C" → [A, B, C]; URLs, handles, e-mail dropped."""
    text = _clean(raw)
    if not text:
        return []
    text = re.sub(r"^(?:by|von|par|por|di|door|от)\s+", "", text, flags=re.I)
    parts = re.split(r"\s*;\s*|\s*\|\s*|\s+(?:and|und|et|y|e|&)\s+|\s*,\s*", text)
    if len(parts) == 2 and all(len(p.split()) == 1 for p in parts) and "," in text:
        parts = [text]  # "Smith, John": one name written surname first, not a list
    out: list[str] = []
    for part in parts:
        part = part.strip(" .\"'")
        if not part or len(part) > 60 or len(part.split()) > 6:
            continue
        if part.lower() in rules.NOT_AUTHORS:
            continue
        if "://" in part or "@" in part or any(c.isdigit() for c in part) or _DOMAIN.search(part):
            continue
        if part.lower() not in (o.lower() for o in out):
            out.append(part)
    return out


def language_code(raw: str | None) -> str | None:
    """The primary language subtag: "en-GB", "en_US" → "en"."""
    if not raw:
        return None
    m = _LANG.match(raw)
    return m.group(1).lower() if m else None


def _absolute(url: str | None) -> str | None:
    url = _clean(url)
    return url if url and url.startswith(("http://", "https://")) else None


# --- dates ------------------------------------------------------------------------------------


def _first_date(values: list[Any]) -> str | None:
    for value in values:
        if isinstance(value, list) and value:
            value = value[0]
        iso = iso_date(value) if isinstance(value, str) else None
        if iso:
            return iso
    return None


def iso_date(raw: str) -> str | None:
    """An ISO date ("2024-11-30") or datetime ("2024-11-30T08:15:00+00:00"), or None."""
    text = raw.strip()
    if not text or not text[0].isdigit() and not text[0].isalpha():
        return None
    stamp: dt.datetime | dt.date | None = None
    if len(text) == 10 and text[4] == "-":
        try:
            stamp = dt.date.fromisoformat(text)
        except ValueError:
            stamp = None
    if stamp is None:
        candidate = text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text
        candidate = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", candidate)
        try:
            stamp = dt.datetime.fromisoformat(candidate.replace("Z", "+00:00"))
        except ValueError:
            stamp = None
    if stamp is None:
        try:
            stamp = email.utils.parsedate_to_datetime(text)  # "Sat, 30 Nov 2024 08:15:00 GMT"
        except (TypeError, ValueError, IndexError):
            stamp = None
    if stamp is None:
        return None
    if not _YEAR_MIN <= stamp.year <= dt.date.today().year + 1:
        return None
    if isinstance(stamp, dt.datetime):
        if stamp.hour == stamp.minute == stamp.second == 0 and stamp.tzinfo is None:
            return stamp.date().isoformat()
        return stamp.replace(microsecond=0).isoformat()
    return stamp.isoformat()
