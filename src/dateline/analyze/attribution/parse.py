"""The parse as attribution reads it: sentences (cut at paragraph ends and when too long),
the candidate attribution every stage fills in, and the token helpers every stage uses."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from .. import cues
from ..nlp import text as nlp_text
from ..nlp import tokens
from .quotes import Quote

Span = tuple[int, int]


_CLOSE_MARKS = ("”", '"', "’", "'", "»", "''", "’’")


_OPEN_MARKS = ("“", '"', "‘", "'", "«", "``", "„", "‘‘", "''", "’’")  # two apostrophes open as often as they close


_DASHES = ("—", "–", "-", "--")



@dataclass
class _Cand:
    mode: str  # lead | trail | according | omission | colon | dash | credit | transcript | block | headline
    cue: str
    cue_span: Span
    speaker_span: Span | None
    content: Span
    head: Any = None  # the speaker's head token, when parsed
    addressee_span: Span | None = None
    date_text: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    more: list[Quote] = field(default_factory=list)  # split or continued quotes after the cue
    outer: list[_Cand] = field(default_factory=list)
    conduit: bool = False
    kind: str | None = None
    speaker: str | None = None
    addressee: str | None = None
    # the antecedent a relative pronoun speaker stands for ("Kim, who said …": the speaker
    # mention is "who", and Kim is whom it is resolved to)
    refers: Span | None = None



class Sentences(list):
    """Token ranges of sentences in text order, with their character starts for bisection."""

    def at(self, doc: Any, pos: int) -> Span | None:
        """The sentence that holds character ``pos``."""
        starts = getattr(self, "_starts", None)
        if starts is None or len(starts) != len(self):
            starts = self._starts = [doc[s].idx for s, _ in self]
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < _char_end(doc, self[i][1]):
            return self[i]
        return None


def _sentences(doc: Any, paras: list[Span]) -> list[Span]:
    """Token ranges of sentences, cut again at paragraph ends, without space tokens."""
    ends = sorted(e for _, e in paras)
    out: list[Span] = []
    toks = tokens(doc)
    for sent in doc.sents:
        start = None
        for tok in toks[sent.start:sent.end]:
            if start is None:
                if not tok.is_space:
                    start = tok.i
                continue
            if tok.is_space and "\n" in tok.text and _crosses(tok, ends):
                out.append((start, tok.i))
                start = None
        if start is not None:
            end = sent.end
            while end > start and doc[end - 1].is_space:
                end -= 1
            out.append((start, end))
    spans = [(s, _strip_space(doc, s, e)) for s, e in out if e > s]
    return Sentences(piece for s, e in spans for piece in _cut_long(doc, s, e))



def _cut_long(doc: Any, s: int, e: int) -> list[Span]:
    """A sentence longer than cues.MAX_SENTENCE_TOKENS (no prose has one; a list, a table or a
    run-on scrape does) is read in pieces cut after a comma or semicolon near the limit, so that
    the work per sentence stays bounded and the whole stays linear in the text."""
    limit = cues.MAX_SENTENCE_TOKENS
    out = []
    while e - s > limit:
        cut = next((j for j in range(s + limit, s + limit // 2, -1) if doc[j - 1].text in (",", ";", ":")), s + limit)
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out



def _crosses(tok: Any, ends: list[int]) -> bool:
    """Whether a paragraph end (``ends`` sorted) falls inside the token."""
    i = bisect_left(ends, tok.idx)
    return i < len(ends) and ends[i] <= tok.idx + len(tok.text) or "\n\n" in tok.text



def _strip_space(doc: Any, s: int, e: int) -> int:
    while e > s and doc[e - 1].is_space:
        e -= 1
    return e



def _char_end(doc: Any, e: int) -> int:
    """Character end of the token range ending (exclusive) at ``e``."""
    t = doc[e - 1]
    return t.idx + len(t.text)



def _negated(tok: Any) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    doc = tok.doc
    return any(doc[j].lower_ in ("not", "n't", "never") for j in range(max(0, tok.i - 2), tok.i))



def _subject(tok: Any, depth: int = 0) -> Any:
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj") or depth and c.dep_ == "nsubjpass"]
    if subjects:
        # "X is frustrated with Y, saying …": X. Two subjects are a misparse of an opening phrase
        # ("Speaking in Salem, New Hampshire, Trump went …"): the one nearest the verb is the subject
        before = [c for c in subjects if c.i < tok.i]
        return before[-1] if len(subjects) > 1 and before else subjects[0]
    if depth > 3:
        return None
    if (tok.dep_ == "conj" or tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG") \
            and (tok.head.pos_ in ("VERB", "AUX") or tok.tag_ == "VBG" and tok.head.pos_ == "ADJ"):
        h = tok.head
        if tok.dep_ == "conj":
            # "A called for X, and B denounced Y and said …": the nearest conjunct before that has
            # a subject of its own is the clause this verb continues, not the first one
            near = [s for s in h.children if s.dep_ == "conj" and h.i < s.i < tok.i
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < s.i for c in s.children)]
            if near:
                own = [c for c in near[-1].children if c.dep_ in ("nsubj", "nsubjpass") and c.i < near[-1].i]
                if own[-1].dep_ == "nsubj":
                    return own[-1]
        if h.dep_ == "ccomp" and h.head.lower_ in cues.CUE_FORMS and h.head.tag_.startswith("VB") \
                and h.head.i < h.i:
            # a participle or a conjoined cue attached to the verb of a cue's content continues
            # that cue ("X said Y had agreed, adding …", "X said it viewed … and said …")
            return _subject(h.head, depth + 1)
        return _subject(h, depth + 1)  # "the ministry issued a statement, saying …"
    if depth and tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head, depth + 1)  # "… appeared to defend it by saying": who appeared
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in cues.GERUND_CUE_PREPOSITIONS \
            and tok.head.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head.head, depth + 1)  # "X defended the plan by saying …": X
    if tok.dep_ == "xcomp" and tok.head.lower_ in ("quoted",):
        for c in tok.head.children:
            if c.dep_ == "nsubjpass":
                return c
    if not depth and tok.dep_ == "ROOT" and tok.tag_ in ("VBD", "VBZ", "VBP") and tok.i > 1:
        # "Speaking at a rally for X, former president Y said …": the parser hung Y on X as an
        # apposition and left the verb without a subject; the name right before it is the subject
        prev = tok.doc[tok.i - 1]
        # ('In an interview with hosts A and B, the candidate stated …': "the candidate" hung on B)
        if (prev.pos_ == "PROPN" or prev.pos_ == "NOUN" and _animate(prev)) \
                and prev.dep_ in ("appos", "pobj", "conj", "dobj") and prev.head.i < prev.i \
                and prev.left_edge.i > prev.head.i:
            return prev
    return None



def _animate(tok: Any) -> bool:
    """Whether a subject can be a person or a body of people."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return tok.lower_ in cues.ROLE_NOUNS | cues.ORG_NOUNS | cues.HEADLINE_ROLES | cues.PEOPLE_NOUNS



def _first_person(tok: Any) -> bool:
    return tok.pos_ == "PRON" and tok.lower_ in cues.FIRST_PERSON and tok.text != "US"



def _passive(tok: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)



def _np_span(doc: Any, head: Any, lo: int, hi: int) -> Span:
    """Token range of the noun phrase of ``head`` kept inside ``[lo, hi)``."""
    s = max(head.left_edge.i, lo)
    e = min(head.right_edge.i + 1, hi)
    if head.i < s or head.i >= e:
        return (head.i, head.i + 1)
    # a subject cut by a comma after the head ("Kim, who …") keeps its name part
    for j in range(head.i + 1, e):
        if doc[j].text == ",":
            e = j
            break
    while e > head.i + 1 and doc[e - 1].is_punct:
        e -= 1
    return (s, e)



def _ent_text(tok: Any) -> str:
    """The text of the entity ``tok`` is part of (its own text outside entities)."""
    if not tok.ent_type_:
        return tok.text
    doc = tok.doc
    s = tok.i
    while s > 0 and doc[s].ent_iob_ == "I":
        s -= 1
    e = tok.i + 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    return doc[s:e].text



_text = nlp_text  # ``doc.text``, joined once a document (spaCy rebuilds it on every access)



def _ents(doc: Any) -> list:
    ents = doc.user_data.get("dateline_ents")
    if ents is None:
        ents = doc.user_data["dateline_ents"] = list(doc.ents)
    return ents



def _rstrip_punct(text: str, lo: int, pos: int) -> int:
    while pos > lo and (text[pos - 1].isspace() or text[pos - 1] in ",;"):
        pos -= 1
    return pos



def _trim(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;.:—–"):
        e -= 1
    return (s, e)



def _date_of(tok: Any) -> str | None:
    for c in tok.children:
        if c.ent_type_ in ("DATE",) and c.dep_ in ("npadvmod", "tmod"):
            return _ent_text(c)
        if c.dep_ == "prep" and c.lower_ in ("on", "in", "at"):
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ == "DATE":
                    return _ent_text(p)
    return None



def _claim_end(c: _Cand) -> int:
    return max(c.content[1], *(q.span[1] for q in c.more), c.cue_span[1], c.speaker_span[1] if c.speaker_span else 0)



def _para_of(paras: list[Span], pos: int) -> int:
    """The index of the paragraph that holds ``pos`` (its end included), or -1."""
    starts = getattr(paras, "starts", None)
    if starts is not None:
        i = bisect_right(starts, pos) - 1
        while i > 0 and paras[i - 1][1] >= pos:
            i -= 1  # touching paragraphs: the first that holds pos, as the scan below gives
        return i if i >= 0 and paras[i][0] <= pos <= paras[i][1] else -1
    for i, (s, e) in enumerate(paras):
        if s <= pos <= e:
            return i
    return -1


def _mentions_in(index: Any, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The entity mentions (start, end, id) that start inside ``[lo, hi)``, found by bisection
    in a list sorted once a document."""
    ms = getattr(index, "_sorted_mentions", None)
    if ms is None:
        ms = index._sorted_mentions = sorted((a, b, ent["id"]) for ent in index.entities for a, b in ent["mentions"])
        index._mention_starts = [m[0] for m in ms]
    k = bisect_left(index._mention_starts, lo)
    out = []
    while k < len(ms) and ms[k][0] < hi:
        out.append(ms[k])
        k += 1
    return out
