"""A learned model of attribution cues: which words introduce what someone said, believes,
wants or what a document shows, beyond the hand-written speech verbs of cues.py.

Every verb and noun of a sentence is a candidate. Its features (below) are the word, its lemma,
its part of speech, its dependency and those of its children, and what kind of thing its
subject is; a logistic regression over them, trained on PolNeAR's training split by
``tools/learn_cues.py``, gives the probability that the word is the cue of an attribution. The
weights ship with the package as ``data/cue_model.json`` (a few hundred kilobytes); nothing is
downloaded. What the cue governs (its content and its source) is read off the parse by the
rules in ``broad_cues.py``.

The features must be computed the same way at training and at run time: both call
``features()`` here.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import cues, docindex

#: dependencies of a child that carry the content of a verb cue
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd"})
#: prepositions whose object is the content ("talked about …", "the claim of …")
CONTENT_PREPS = frozenset({"about", "of", "on", "that", "over", "regarding", "for", "against", "to"})
#: dependencies of a noun's child that carry its content ("the allegation that …")
NOUN_CONTENT_DEPS = frozenset({"acl", "ccomp", "relcl", "appos"})

_PEOPLE = cues.PEOPLE_NOUNS | cues.ROLE_NOUNS


def subject_kind(tok: Any) -> str:
    """What the subject of a cue is: a person, a group of people, an organisation, a document…"""
    if tok is None:
        return "none"
    low = tok.lower_
    if tok.pos_ == "PRON":
        if low in cues.PERSON_PRONOUNS:
            return "he"
        if low in cues.FIRST_PERSON or low in ("i", "you"):
            return "i"
        if low in ("they", "them"):
            return "they"
        if low in ("it", "this", "that"):
            return "it"
        return "pron"
    ent = tok.ent_type_
    if ent == "PERSON":
        return "person"
    if ent in ("ORG", "NORP"):
        return "org"
    if ent in ("GPE",):
        return "place"
    if low in cues.DOCUMENT_NOUNS:
        return "doc"
    if low in _PEOPLE:
        return "people"
    if tok.pos_ == "PROPN":
        return "propn"
    if tok.pos_ == "NOUN":
        return "noun"
    return "other"


def subject_of(tok: Any) -> Any:
    """The subject of a verb, inherited from the verb it is conjoined to, or for a noun the
    possessor ("her allegation") or the subject of the verb that governs it ("X made the claim")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "poss":
                return c
        head = tok.head
        if tok.dep_ in ("dobj", "pobj", "attr") and head.i != tok.i:
            if tok.dep_ == "pobj" and head.head.i != head.i:
                head = head.head
            for c in head.children:
                if c.dep_ in ("nsubj",):
                    return c
        return None
    seen = 0
    t = tok
    while seen < 4:
        seen += 1
        for c in t.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if t.dep_ in ("conj", "xcomp", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        break
    return None


def features(tok: Any, lemma: str) -> list[str]:
    """The features of one candidate token (the same at training and at run time)."""
    low = tok.lower_
    f = [f"w={low}", f"l={lemma}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}",
         f"l+d={lemma}|{tok.dep_}", f"l+t={lemma}|{tok.tag_}"]
    deps = set()
    for c in tok.children:
        d = c.dep_
        if d == "prep":
            d = "prep:" + c.lower_
        elif d == "mark":
            d = "mark:" + c.lower_
        deps.add(d)
        if c.dep_ in ("ccomp", "xcomp"):
            mark = next((g.lower_ for g in c.children if g.dep_ == "mark"), "")
            deps.add(f"{c.dep_}:{mark}")
    for d in sorted(deps):
        f.append(f"c={d}")
        if d in ("ccomp", "xcomp", "dobj", "ccomp:that", "ccomp:", "ccomp:if", "ccomp:whether",
                 "xcomp:to", "xcomp:", "acl", "nsubjpass", "agent", "poss", "prep:of", "prep:about",
                 "prep:that", "prep:on", "prep:in", "neg", "aux", "auxpass", "advmod", "dative"):
            f.append(f"l+c={lemma}|{d}")
    subj = subject_of(tok)
    kind = subject_kind(subj)
    f += [f"s={kind}", f"l+s={lemma}|{kind}", f"p+s={tok.pos_}|{kind}"]
    head = tok.head
    if head.i != tok.i:
        f.append(f"hd={head.dep_}")
        if tok.pos_ in ("NOUN", "PROPN"):
            f.append(f"hw={head.lower_}|{tok.dep_}")
    return f


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    return frozenset(model()["vocabulary"])


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The weights: ``{"bias": b, "weights": {feature: w}, "lemmas": {form: lemma},
    "threshold": t}``."""
    with resources.files("dateline.analyze.attribution").joinpath("data/cue_model.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def lemma_of(tok: Any) -> str:
    low = tok.lower_
    return model()["lemmas"].get(low, low)


def probability(tok: Any) -> float:
    m = model()
    w = m["weights"]
    z = m["bias"] + sum(w.get(x, 0.0) for x in features(tok, lemma_of(tok)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def candidate(tok: Any) -> bool:
    """Whether a token may be a cue at all (a verb, a noun, or an adjective like "confident")."""
    pos, words = _candidate_ids()  # the ids, not the strings: tok.pos_ and tok.lower_ make a string each call
    return tok.pos in pos and tok.lower in words and tok.is_alpha


@lru_cache(maxsize=1)
def _candidate_ids() -> tuple[frozenset[int], frozenset[int]]:
    from spacy.strings import get_string_id
    from spacy.symbols import ADJ, NOUN, VERB

    return frozenset({VERB, NOUN, ADJ}), frozenset(get_string_id(w) for w in _vocabulary())


def possible_cues(doc: Any) -> list[int]:
    """The indices of the tokens :func:`candidate` or :func:`unseen_candidate` may take, in
    order, read off the parse's arrays once a document (alphabetic; a verb, or a noun or an
    adjective of the vocabulary): the per-token walk then asks only these."""
    found = doc.user_data.get("dateline_possible_cues")
    if found is None:
        found = []
        if len(doc):
            from spacy.attrs import IS_ALPHA, LOWER, POS

            pos_ids, words = _candidate_ids()
            verb = _verb_id()
            arr = doc.to_array([POS, LOWER, IS_ALPHA]).tolist()
            found = [i for i, (p, w, alpha) in enumerate(arr)
                     if alpha and (p == verb or p in pos_ids and w in words)]
        doc.user_data["dateline_possible_cues"] = found
    return found


@lru_cache(maxsize=1)
def _verb_id() -> int:
    from spacy.symbols import VERB

    return VERB


#: kinds of subject that can say, believe or show something
_SPEAKING_KINDS = frozenset({"he", "they", "person", "org", "people", "propn", "doc"})


def unseen_candidate(tok: Any) -> bool:
    """A verb the training split never had as a cue, whose clausal complement opens with
    "that" ('groused to the crowd that …', 'fretted that …'): scored on everything but its
    word, which the model has no weight for."""
    words = _candidate_ids()[1]
    if tok.pos != _verb_id() or tok.lower in words or not tok.is_alpha:
        return False
    doc = tok.doc
    kids, labels, lows = docindex.children(doc), docindex.deps(doc), docindex.lowers(doc)
    if not any(labels[c] == "ccomp" and c > tok.i and any(labels[g] == "mark" and lows[g] == "that" for g in kids[c])
               for c in kids[tok.i]):
        return False
    return subject_kind(subject_of(tok)) in _SPEAKING_KINDS  # not "the storm ensured that …"
