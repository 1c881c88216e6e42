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
    out.title = _clean(_text(article.get("headline")) or _text(article.get("name")))
    out.title = _strip_site(out.title or _first_text(meta, rules.TITLE_META), out.site_name)
    out.title_tag = _strip_site(_clean(title_tag), out.site_name)
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
    out.language = language_code(
        tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    ) or language_code(_first_text(meta, rules.LANGUAGE_META) or _text(article.get("inLanguage")))
    out.url = _absolute(links.get("canonical")) or _absolute(_first_text(meta, rules.URL_META))
    if not out.url:
        entity = article.get("mainEntityOfPage")
        out.url = _absolute(_text(article.get("url")) or (entity.get("@id") if isinstance(entity, dict) else _text(entity)))
    out.description = _first_text(meta, ("og:description", "description", "twitter:description"))
    out.images = _ld_images(article.get("image"))
    return out


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
