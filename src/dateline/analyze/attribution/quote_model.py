"""A learned model of the quotations no rule attributes: a scare quote under a broad or a nominal
cue ("pledged a “big, beautiful” wall", "cast the race as “a fight for the soul of the party”",
"her message of “hope over fear”", "criticism of his “enemies list”"), a slogan a crowd chants,
"as X put it, “…”".

After every rule has run, each quotation that no claim holds is a candidate. The word that
governs it in the parse (the first verb or noun above it, past prepositions, conjunctions and
modifiers) is its cue; what the cue holds of the sentence with the quotation in it is the
content, and the cue's subject (or a noun's possessor) the source. Its features (below) are
that word, the path from the quotation up to it, what kind of thing the source is, the cue
model's view of the word, and the quotation's own shape (length, capitals, a whole sentence, a
title after a possessive). A logistic regression over them, trained on PolNeAR's training
articles by ``tools/learn_quotes.py``, gives the probability that the candidate is an
attribution; only candidates above a threshold chosen for precision become claims. The weights
ship with the package as ``data/quote_model.json``; nothing is downloaded.

The features must be computed the same way at training and at run time: both call
``candidates()`` and ``features()`` here.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import cues
from .parse import Span, _char_end
from .quotes import Covered, Quote, _title_case, _titled

#: dependencies climbed from a quotation to the word that governs it
_CLIMB_DEPS = frozenset({"prep", "pobj", "pcomp", "conj", "cc", "amod", "compound", "nmod", "appos", "det",
                         "advmod", "npadvmod", "poss", "case", "punct", "quantmod", "nummod"})
#: parts of speech of a governing word
_GOVERNORS = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "AUX"})
#: how many steps up the tree a governor may be
_MAX_CLIMB = 4
_PROBABILITY_BUCKETS = (0.05, 0.2, 0.5, 0.8)
#: words of a speaker in the first or second person: a quotation that has them is someone's words
_SPEAKER_WORDS = frozenset({"i", "we", "you", "me", "us", "my", "our", "your", "i'm", "we're", "you're"})


@dataclass
class Candidate:
    """A quotation no claim holds, with what the parse says would attribute it."""

    quote: Quote
    sent: Span  # token range of its sentence
    root: Any  # the quotation's own head token (its head lies outside the quotation)
    cue: Any  # the governing token, or None
    path: str  # the dependencies from the quotation up to the cue
    content: Span  # character span of the would-be content
    source: tuple[Span, Any] | None  # token range of the source and its head


def _inner_tokens(doc: Any, ss: int, se: int, q: Quote) -> list[Any]:
    a, b = q.inner
    return [t for t in doc[ss:se] if a <= t.idx < b and not t.is_space]


def _root_of(toks: list[Any]) -> Any:
    words = [t for t in toks if not t.is_punct] or toks
    ids = {t.i for t in toks}
    heads = [t for t in words if t.head.i not in ids or t.head.i == t.i]
    if not heads:
        return None
    # the one highest in the tree: fewest steps to the sentence root
    def depth(t: Any) -> int:
        n = 0
        while t.head.i != t.i and n < 50:
            t, n = t.head, n + 1
        return n
    return min(heads, key=lambda t: (depth(t), t.i))


def _governor(root: Any, lo: int, hi: int) -> tuple[Any, list[str]]:
    """The first verb or noun above ``root`` outside ``[lo, hi)`` (the quotation's tokens), and
    the dependencies climbed on the way ("dobj", "pobj<of", …)."""
    path = []
    t = root
    for _ in range(_MAX_CLIMB):
        if t.head.i == t.i:
            return None, path
        step = t.dep_
        h = t.head
        if h.pos_ == "ADP" or h.dep_ == "prep":
            step += "<" + h.lower_
        path.append(step)
        t = h
        if lo <= t.i < hi:
            continue
        if t.pos_ in _GOVERNORS and not (t.pos_ == "ADJ" and t.dep_ == "amod"):
            return t, path
        if t.dep_ not in _CLIMB_DEPS and t.pos_ not in ("ADP", "CCONJ", "SCONJ", "PART", "DET", "ADV"):
            return None, path
    return None, path


def _span_of(doc: Any, s: int, e: int, ss: int, se: int) -> Span | None:
    s, e = max(s, ss), min(e, se)
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text not in
                     ("”", '"', "’", "'", "''", ")")):
        e -= 1
    while s < e and (doc[s].is_space or doc[s].is_punct and doc[s].text not in ("“", '"', "‘", "'", "``", "(")):
        s += 1
    return (s, e) if e > s else None


def _content(doc: Any, cue: Any, root: Any, q: Quote, ss: int, se: int) -> Span:
    """The would-be content: what the cue holds (broad_cues' rules) when that takes the
    quotation in, else the branch of the cue the quotation hangs in, else the quotation."""
    from .broad_cues import content_of

    text_span = q.span
    if cue is None:
        return text_span
    span = content_of(cue, ss, se)
    if span is not None:
        cs, ce = doc[span[0]].idx, _char_end(doc, span[1])
        if cs <= q.span[0] and q.span[1] <= ce + 3:
            return (cs, max(ce, q.span[1]))
    branch = root
    while branch.head.i != cue.i and branch.head.i != branch.i:
        branch = branch.head
    if branch.head.i != cue.i:
        return text_span
    tok_span = _span_of(doc, branch.left_edge.i, branch.right_edge.i + 1, ss, se)
    if tok_span is None:
        return text_span
    cs, ce = doc[tok_span[0]].idx, _char_end(doc, tok_span[1])
    if cs <= q.span[0] and q.span[1] <= ce + 3 and (ce - cs) < 4 * (q.span[1] - q.span[0]) + 200:
        return (min(cs, q.span[0]), max(ce, q.span[1]))
    return text_span


def candidates(doc: Any, text: str, sents: Any, quotes: list[Quote], held: Covered) -> list[Candidate]:
    """The quotations of the article that no span of ``held`` (the claims' contents and
    quotations) touches, each with its governing word, content and source."""
    from .broad_cues import source_of

    out = []
    for q in quotes:
        if not q.parts or any(s < q.span[1] and q.span[0] < e for s, e in held.near(q.span[0], q.span[1])):
            continue
        sent = sents.at(doc, q.span[0])
        if sent is None:
            continue
        ss, se = sent
        toks = _inner_tokens(doc, ss, se, q)
        if not toks or len(toks) > 120:
            continue
        root = _root_of(toks)
        if root is None:
            continue
        lo, hi = toks[0].i, toks[-1].i + 1
        cue, path = _governor(root, lo, hi)
        if cue is not None and not (ss <= cue.i < se):
            cue = None
        content = _content(doc, cue, root, q, ss, se)
        source = None
        if cue is not None:
            source = source_of(cue, ss, se)
            if source is not None:
                (s0, s1), _ = source
                if doc[s0].idx < content[1] and content[0] < _char_end(doc, s1):
                    source = None
        out.append(Candidate(q, sent, root, cue, ">".join(path), content, source))
    return out


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def features(doc: Any, text: str, c: Candidate, cue_p: float | None) -> list[str]:
    """The features of one candidate (the same at training and at run time); ``cue_p`` is the
    cue model's probability for the governing word (None when it is no candidate there)."""
    from .cue_model import lemma_of, subject_kind, subject_of

    q = c.quote
    inner = text[q.inner[0]:q.inner[1]].strip()
    words = len(inner.split())
    f = [f"qw={_bucket(words, (1, 2, 3, 5, 8, 14, 25))}"]
    if inner[:1].isupper():
        f.append("q=cap")
    if inner.rstrip("”\"'’ ").endswith((".", "!", "?")):
        f.append("q=end")
    if inner.rstrip("”\"'’ ").endswith(","):
        f.append("q=comma")
    if _title_case(text, q):
        f.append("q=title")
    if _titled(text, q):
        f.append("q=titled")
    if not q.closed:
        f.append("q=open")
    if text[q.span[0]] in "'‘":
        f.append("q=single")
    ss, se = c.sent
    sent_start, sent_end = doc[ss].idx, _char_end(doc, se)
    before = text[sent_start:q.span[0]].strip()
    after = text[q.span[1]:sent_end].strip(" \t\n.”\"’")
    if not before:
        f.append("pos=opens")
    elif before.endswith(":"):
        f.append("pos=colon")
    if not after:
        f.append("pos=ends")
    prev = re.findall(r"[\w’'-]+|[^\w\s]", text[max(sent_start, q.span[0] - 40):q.span[0]])
    if prev:
        f.append(f"w-1={prev[-1].lower()}")
        if len(prev) > 1:
            f.append(f"w-2={prev[-2].lower()}|{prev[-1].lower()}")
    nxt = re.findall(r"[\w’'-]+|[^\w\s]", text[q.span[1]:min(sent_end, q.span[1] + 30)])
    if nxt:
        f.append(f"w+1={nxt[0].lower()}")
    qtoks = _inner_tokens(doc, ss, se, q)
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in qtoks):
        f.append("q=finite")
    if any(t.lower_ in _SPEAKER_WORDS for t in qtoks):
        f.append("q=person")
    ents = {t.ent_type_ for t in doc[ss:se] if not (q.span[0] <= t.idx < q.span[1])}
    for e in ("PERSON", "ORG", "WORK_OF_ART"):
        if e in ents:
            f.append(f"ent={e}")
    r = c.root
    f += [f"r.d={r.dep_}", f"r.p={r.pos_}"]
    f.append(f"path={c.path}")
    if c.cue is None:
        f.append("cue=none")
        return f
    cue = c.cue
    lemma = lemma_of(cue)
    f += [f"l={lemma}", f"cp={cue.pos_}", f"cd={cue.dep_}", f"l+path={lemma}|{c.path}",
          f"cp+path={cue.pos_}|{c.path}", f"cp+r.d={cue.pos_}|{r.dep_}"]
    if cue.lower_ in cues.CUE_FORMS:
        f.append("cue=speech")
    if cue.i < r.i:
        f.append("cue=before")
    else:
        f.append("cue=after")
    if cue_p is None:
        f.append("cm=none")
    else:
        f.append(f"cm={next((str(b) for b in _PROBABILITY_BUCKETS if cue_p <= b), 'high')}")
    kind = subject_kind(subject_of(cue))
    f += [f"s={kind}", f"cp+s={cue.pos_}|{kind}", f"src={'yes' if c.source else 'no'}"]
    if c.source is not None:
        f.append(f"src={subject_kind(c.source[1])}")
    head = cue.head
    if head.i != cue.i:
        f.append(f"hd={head.dep_}|{cue.dep_}")
        f.append(f"hl={lemma_of(head)}")
    span_words = len(text[c.content[0]:c.content[1]].split())
    f.append(f"cw={_bucket(span_words - words, (0, 1, 3, 6, 12))}")
    return f


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The weights: ``{"bias": b, "weights": {feature: w}, "threshold": t}``."""
    with resources.files("dateline.analyze.attribution").joinpath("data/quote_model.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def probability(feats: list[str]) -> float:
    m = model()
    w = m["weights"]
    z = m["bias"] + sum(w.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
