"""HTML page → Draft: the article's blocks (trafilatura) and the page's own metadata.

The page is parsed once with lxml; the tree goes to the metadata readers (html_meta.py), to
the figure and byline readers here, and to trafilatura, which copies it before pruning.
Datelines, byline lines and captions left in the body are meta.finish()'s job, not this one's.

trafilatura settings, measured on the article-extraction benchmark (181 pages, one core).
trafilatura's text alone (our lxml parse included), and the whole dateline HTML path
(parse + metadata + trafilatura + meta.finish) as bench/extraction.py runs it:

    settings                                  trafilatura only      whole dateline path
    extract() default (fallbacks, comments)   F1 0.953   ~75 p/s
    fast=False balanced, no comments          F1 0.960   ~77 p/s    F1 0.963   ~66 p/s
    fast=False favor_precision                F1 0.964   ~77 p/s    F1 0.965   ~64 p/s
    fast=True  balanced, no comments          F1 0.962  ~112 p/s    F1 0.965   ~89 p/s
    fast=True  favor_precision                F1 0.946  ~125 p/s    F1 0.950   ~98 p/s
    fast=True  favor_recall, no comments      F1 0.963  ~134 p/s    F1 0.966  ~103 p/s  <- chosen

fast=True skips the readability/jusText comparison, which costs ~40% of the time and buys
nothing on these pages; in fast mode favor_recall is both the most accurate and the fastest
(balanced mode re-runs short extractions in recall mode anyway; precision mode loses whole
paragraphs, recall 0.943). Reader comments are never article text: include_comments=False
also prunes them before extraction. ``ExtractOptions.html_focus`` and ``html_fallback``
switch. Dropping a first block equal to the title adds ~0.006 precision.

Metadata: trafilatura's own extract_metadata() costs ~4.4 ms a page (as much as 2/3 of the
main-text extraction); reading <meta>, Open Graph and JSON-LD from the tree costs ~0.3 ms,
and htmldate's quick search (~1.2 ms) runs only on the ~1 page in 5 that states no date.
"""

from __future__ import annotations

import copy
import functools
import logging
import re

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring

from ..model import Boilerplate, Image, Related
from . import html_rules as rules
from . import nesting
from .draft import Draft
from .html_meta import PageMeta, iso_date, read_page_meta, split_names
from .meta import host_publisher
from .options import ExtractOptions

__all__ = ["extract_html", "parse_html"]

LOG = logging.getLogger(__name__)

# the same parser settings trafilatura uses for its own parse, so its rules see the same tree
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
# lxml.html chooses each element's Python class in Python code, every time an element is
# touched (forms, inputs and labels get classes of their own that nothing here or in
# trafilatura uses): one class for all, chosen in C, is the same tree for both and cuts that
# cost (measured ~6% of the whole HTML path on the AEB pages)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w")
_MAX_IMAGES = 30
#: a body needs one block this long to be an article (menus and link lists have none)
_MIN_SENTENCE_WORDS = 8
_MIN_SENTENCE_CHARS = 50

_ARTICLE_SCOPE = etree.XPath('//*[@itemprop="articleBody"] | //article | //main')
_CREDIT_XPATH = etree.XPath(
    " | ".join(f'.//*[contains(@class, "{c}")]' for c in rules.CREDIT_CLASSES) + " | .//cite | .//small"
)


_BYLINE_MARK = re.compile("|".join(re.escape(c) for c in rules.BYLINE_CLASSES))
_RELATED_TAGS = ("aside", "section", "div", "ul", "ol", "nav")
_MAX_RELATED = 60


def extract_html(content: str, url: str | None, options: ExtractOptions) -> Draft:
    """Find the article in an HTML page. Never raises: a page without one gives an empty body."""
    draft = Draft(url=url)
    tree = parse_html(content, draft.warnings)
    if tree is None:
        return draft
    page = PageMeta()
    try:
        page = read_page_meta(tree)
    except Exception as exc:  # a page no rule foresaw: keep the text, lose the metadata
        LOG.debug("metadata of %s: %s", url, exc)
    draft.title = page.title
    draft.section = page.section
    draft.published = page.published
    draft.language = page.language
    draft.url = url or page.url
    draft.publisher = host_publisher(draft.url) or page.publisher
    draft.authors = [a for a in page.authors if not _is_site(a, page.site_name)]
    try:
        _read_tree(tree, draft, page, options)
    except Exception as exc:
        LOG.debug("page furniture of %s: %s", url, exc)
    _drop_hover_cards(tree)
    try:
        draft.body = main_text(tree, draft.url, options)
    except Exception as exc:  # trafilatura on a tree it cannot handle
        LOG.debug("main text of %s: %s", url, exc)
        draft.body = []
    if draft.body and draft.title and _same_text(draft.body[0], draft.title):
        del draft.body[0]  # the headline is the title, not the first paragraph
    if not any(_is_running_text(block) for block in draft.body):
        draft.body = []  # menus and link labels only: a page without an article
    return draft


def parse_html(content: str, warnings: list[str] | None = None) -> HtmlElement | None:
    """The page's tree, or None when there is no HTML document in it. Markup nested deeper
    than the parser goes is flattened and parsed again (see nesting.py), with a warning."""
    tree = _parse(content)
    if tree is not None and any(nesting.DEPTH_ERROR in e.message for e in _PARSER.error_log):
        flat, removed = nesting.flatten(content)
        deeper = _parse(flat)
        if deeper is not None:
            tree = deeper
            if warnings is not None:
                warnings.append(f"the page nests its markup deeper than {nesting.MAX_DEPTH} elements; "
                                f"{removed:,} elements below that depth were unwrapped so their text could be read")
    return tree


def _parse(content: str) -> HtmlElement | None:
    if not content or not content.strip():
        return None
    if "\x00" in content:  # binary junk: libxml2 would turn each NUL into U+FFFD
        content = content.replace("\x00", "")
    try:
        # the UTF-8 bytes, not the str: libxml2 reads a str outside Latin-1 as UCS-4 and converts
        # it, ~1.5x the time of the page's parse (the same tree: the parser's encoding is fixed,
        # a <meta charset> in the page does not change it); a str with an XML encoding
        # declaration could not be parsed as a str at all
        tree = fromstring(content.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except Exception:  # empty document, or nothing lxml can read
        return None
    if tree is None or not isinstance(tree, HtmlElement):
        return None
    return tree


def main_text(tree: HtmlElement, url: str | None, options: ExtractOptions) -> list[str]:
    """trafilatura's main text, one string per paragraph, heading, list item or table row.

    The fast pass first; a second, balanced pass only for a page whose fast result reads like a
    menu or is almost empty (``ExtractOptions.html_rescue``). That pass skips the fallback
    extractors too: on every page of the two bench sets it re-read (9) the balanced mode alone
    gave the text the fallbacks gave, in a third to a half of the time (a 130 ms page: 450 ms)."""
    blocks = _trafilatura_blocks(tree, url, options, fast=not options.html_fallback, focus=options.html_focus)
    if options.html_rescue and not options.html_fallback and (_reads_like_chrome(blocks) or _too_little(blocks)):
        return _trafilatura_blocks(tree, url, options, fast=True, focus="balanced") or blocks
    return blocks


def _trafilatura_blocks(tree: HtmlElement, url: str | None, options: ExtractOptions, fast: bool, focus: str) -> list[str]:
    import trafilatura

    doc = trafilatura.bare_extraction(tree, options=_trafilatura_settings(url, options.tables, fast, focus))
    if doc is None or not doc.text:
        return []
    return _blocks(doc.text)


@functools.lru_cache(maxsize=16)
def _settings_template(tables: bool, fast: bool, focus: str):
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=fast, precision=focus == "precision", recall=focus == "recall",
                     comments=False, tables=tables, images=False, with_metadata=False)


def _trafilatura_settings(url: str | None, tables: bool, fast: bool, focus: str):
    """trafilatura's settings for one page: what ``bare_extraction``'s keywords make, built once
    (reading its configuration each time cost ~0.14 ms a page) and copied with the page's URL."""
    settings = copy.copy(_settings_template(tables, fast, focus))
    settings.url = url
    settings.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return settings


_SENTENCE_END = (".", "!", "?", "。", "！", "？", "”", '"', "’", "»", ":")


def _too_little(blocks: list[str]) -> bool:
    """The fast pass found (almost) nothing: trafilatura's default would try its fallbacks."""
    return sum(len(b) for b in blocks) < rules.RESCUE_MIN_CHARS


def _reads_like_chrome(blocks: list[str]) -> bool:
    """Over half of five or more blocks short and not sentences: a menu or teaser list got in."""
    if len(blocks) < rules.RESCUE_MIN_BLOCKS:
        return False
    short = sum(1 for b in blocks if len(b.split()) < _MIN_SENTENCE_WORDS and not b.rstrip().endswith(_SENTENCE_END))
    return short > rules.RESCUE_SHORT_SHARE * len(blocks)


def _blocks(text: str) -> list[str]:
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line.startswith("|") and line.endswith("|"):  # a table row: "| a | b |"
            line = " | ".join(c.strip() for c in line.strip("|").split("|") if c.strip())
        elif line.startswith("- "):  # a list item's marker
            line = line[2:].strip()
        if line and _WORD.search(line):
            out.append(line)
    return out


# --- what the tree says beyond the meta tags -----------------------------------------------


def _read_tree(tree: HtmlElement, draft: Draft, page: PageMeta, options: ExtractOptions) -> None:
    scopes = _ARTICLE_SCOPE(tree)
    scope = scopes[0] if scopes else tree
    if not draft.title:
        draft.title = _first_heading(scope) or _first_heading(tree) or page.title_tag
    if not draft.published and options.html_date_search:
        draft.published = _searched_date(tree, draft.url)
    draft.images = _figures(tree, scope)
    seen = {(i.caption or "").casefold() for i in draft.images}
    for caption, credit in page.images:
        if caption.casefold() not in seen and len(draft.images) < _MAX_IMAGES:
            draft.images.append(Image(caption=caption, credit=credit))
            seen.add(caption.casefold())
    _related_lists(tree, draft)
    if not draft.authors:
        # the page's metadata names no author: read the byline markup. Only then, as byline
        # blocks often hold a date or a second copy of the name (measured: more noise than
        # names when the metadata already has them)
        header, names = _bylines(tree)
        draft.header.extend(header)
        draft.authors = [n for n in names if not _is_site(n, page.site_name)]


# only inside paragraphs, where a card's text would be glued into a sentence: measured 0.2 ms
# a page against 1.4 ms for the whole tree
_HOVER_CARDS = etree.XPath(
    "//p//*[@class][" + " or ".join(f'contains(@class, "{c}")' for c in rules.HOVER_CARD_CLASSES) + "]"
)


def _drop_hover_cards(tree: HtmlElement) -> None:
    """Hover cards (a person's full name and teaser headlines, shown on mouse-over) are taken
    out before the main text is read, their tail text kept."""
    for el in _HOVER_CARDS(tree):
        if el.getparent() is not None:
            el.drop_tree()


def _related_lists(tree: HtmlElement, draft: Draft) -> None:
    """Headline lists ("More from World", "Read next"): related entries and boilerplate."""
    from .meta import split_version

    seen_containers: set[HtmlElement] = set()
    seen_titles: set[str] = set()
    for box in tree.iter(_RELATED_TAGS):
        # substring tests on the lowered marks: half the time of one case-blind regex of them
        # all (and an XPath of contains() tests is ten times slower than either)
        cls, ident = box.get("class"), box.get("id")
        if cls is None and ident is None:
            continue
        marks = f"{cls or ''} {ident or ''}".lower()
        if not any(m in marks for m in rules.RELATED_MARKS):
            continue
        if any(anc in seen_containers for anc in box.iterancestors()):
            continue  # inside a list already read
        if _in_comments(box):
            continue
        seen_containers.add(box)
        for heading in box.iter("h2", "h3", "h4"):
            text = _text_of(heading)
            if text and len(text.split()) <= 8:
                draft.boilerplate.append(Boilerplate("related", text))
            break
        for link in box.iter("a"):
            text = _text_of(link)
            if not text or not 3 <= len(text.split()) <= 30 or text.casefold() in seen_titles:
                continue
            seen_titles.add(text.casefold())
            title, version = split_version(text)
            draft.related.append(Related(title=title, version=version, text=text))
            draft.boilerplate.append(Boilerplate("related", text))
            if len(draft.related) >= _MAX_RELATED:
                return


def _first_heading(scope: HtmlElement) -> str | None:
    for h1 in scope.iter("h1"):
        text = _text_of(h1)
        if text and len(text.split()) >= 2:
            return text
    return None


def _searched_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's quick search (time elements, date-like text, the URL) when no meta tag states it."""
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception:
        return None
    return iso_date(found) if found else None


def _figures(tree: HtmlElement, scope: HtmlElement) -> list[Image]:
    figures = list(scope.iter("figure")) or ([] if scope is tree else list(tree.iter("figure")))
    out: list[Image] = []
    seen: set[str] = set()
    for fig in figures:
        cap = next(fig.iter("figcaption"), None)
        credit_el = next(iter(_CREDIT_XPATH(fig)), None)
        credit = _text_of(credit_el, spaced=True)
        caption = _text_of(cap, spaced=True)
        if caption and credit and credit in caption:
            caption = _WS.sub(" ", caption.replace(credit, " ")).strip(" |-–—") or None
        if credit:
            credit = credit.strip(" ()[]|") or None
        if not caption and not credit or caption and len(caption.split()) < 2 and not credit:
            continue
        key = (caption or "").casefold() + "\0" + (credit or "").casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(Image(caption=caption, credit=credit))
        if len(out) >= _MAX_IMAGES:
            break
    return out


def _bylines(tree: HtmlElement) -> tuple[list[str], list[str]]:
    """Byline lines for meta.finish ("By A and B"), and names marked up as the author."""
    lines: list[str] = []
    names: list[str] = []
    for el in _byline_elements(tree):
        if _in_comments(el):
            continue
        text = _text_of(el, spaced=True)
        if not text or len(text.split()) > 16:
            continue
        if el.get("rel") == "author" or el.get("itemprop") == "author":
            for name in split_names(text):
                if len(name.split()) >= 2 and name.lower() not in (n.lower() for n in names):
                    names.append(name)
        elif re.match(r"(?i)by\s", text):
            if text not in lines:
                lines.append(text)
        if len(lines) >= 3:
            break
    # nested byline elements: the inner one is the byline without the date or desk around it
    lines = [line for line in lines if not any(o != line and line.startswith(o) for o in lines)]
    return lines, names


def _byline_elements(tree: HtmlElement, limit: int = 40) -> list[HtmlElement]:
    # a Python pass over the elements: measured 4x cheaper than an XPath of contains() tests
    found: list[HtmlElement] = []
    for el in tree.iter(etree.Element):
        marks = el.get("class")
        if (marks is None or _BYLINE_MARK.search(marks.lower()) is None) and el.get("rel") != "author" \
                and el.get("itemprop") != "author":
            continue
        found.append(el)
        if len(found) >= limit:
            break
    return found


def _in_comments(el: HtmlElement) -> bool:
    for anc in el.iterancestors():
        marks = f"{anc.get('class') or ''} {anc.get('id') or ''}".lower()
        if "comment" in marks or "related" in marks or anc.tag in ("footer", "aside", "nav"):
            return True
    return False


def _text_of(el: HtmlElement | None, spaced: bool = False) -> str | None:
    """The element's text; ``spaced`` puts a space between its parts, for blocks such as
    bylines and credits whose pieces sit in separate inline elements without one."""
    if el is None:
        return None
    try:
        text = " ".join(el.itertext()) if spaced else el.text_content()
    except (ValueError, TypeError):
        return None
    text = _WS.sub(" ", text).strip()
    return text or None


def _same_text(a: str, b: str) -> bool:
    return _WS.sub(" ", a).strip().casefold() == _WS.sub(" ", b).strip().casefold()


def _is_running_text(block: str) -> bool:
    # a sentence, not a link label; by length too, for scripts written without spaces
    return len(block.split()) >= _MIN_SENTENCE_WORDS or len(block) >= _MIN_SENTENCE_CHARS


def _is_site(name: str, site_name: str | None) -> bool:
    return bool(site_name) and re.sub(r"\W+", "", name.casefold()) == re.sub(r"\W+", "", site_name.casefold())
