"""What a learned cue governs: its content and its source, read off the dependency parse.

cue_model.py says whether a word is a cue ("believes", "wants", "the poll found", "her
allegation that …", "blasted the media"); the rules here find what it introduces:

- a verb: its clausal complement ("that …", "to …", "whether …"), else its object ("endorsed
  the plan"), else a prepositional object of content ("talked about …"); the source is its
  subject (inherited from a verb it is conjoined to), or the agent of a passive;
- a noun: its clause ("the claim that …") or its "of/about" phrase; the source is its
  possessor ("her allegation"), or the subject of the verb that governs it ("X made the claim").

Spans are token ranges inside one sentence; nothing here raises on an odd parse.
"""

from __future__ import annotations

from typing import Any

from .cue_model import CONTENT_DEPS, CONTENT_PREPS, NOUN_CONTENT_DEPS, lemma_of, subject_kind, subject_of

Span = tuple[int, int]

_LIGHT_OBJECTS = frozenset({"it", "this", "that", "so", "something", "anything", "nothing",
                            "everything", "what", "which", "much", "more", "less", "one"})


#: prepositions that carry on the content after a verb's object ("saw X as …")
_AFTER_OBJECT = frozenset({"as", "with", "of", "for", "to", "into", "about", "from", "over"})
#: what else a verb with a noun phrase as content may have after the object that goes with it
_REST_OF_CLAUSE = frozenset({"prep", "advcl", "npadvmod"})


def _setting(prep: Any) -> bool:
    """A prepositional phrase of time or setting ("on Friday", "in a statement", "at the rally"),
    which is never what a cue says."""
    from .. import cues

    if prep.lower_ in ("about", "of", "regarding", "that", "against"):
        return False  # "talked about the meeting": what was said, whatever the noun
    for g in prep.children:
        if g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lower_ in cues.SETTING_NOUNS):
            return True
    return False


def _edges(tok: Any, ss: int, se: int) -> Span:
    return max(tok.left_edge.i, ss), min(tok.right_edge.i + 1, se)


def content_of(tok: Any, ss: int, se: int) -> Span | None:
    """The token range of what the cue ``tok`` introduces, or None."""
    from .. import cues

    kids = list(tok.children)
    picks: list[Any] = []
    if tok.pos_ in ("NOUN", "PROPN"):
        picks = [c for c in kids if c.i > tok.i and (
            c.dep_ in NOUN_CONTENT_DEPS and c.dep_ != "relcl" or c.dep_ == "prep" and c.lower_ in CONTENT_PREPS)]
    else:
        comp = [c for c in kids if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i]
        if comp:
            picks = comp[:1]
        else:
            obj = [c for c in kids if c.dep_ in CONTENT_DEPS and c.i > tok.i and c.lower_ not in _LIGHT_OBJECTS]
            prep = [c for c in kids if c.dep_ == "prep" and c.i > tok.i and c.lower_ in CONTENT_PREPS
                    and any(g.dep_ in ("pobj", "pcomp") for g in c.children) and not _setting(c)]
            if obj and lemma_of(tok) in cues.FORWARDING_VERBS:
                return None  # "referred questions to the campaign": a question passed on, nothing said
            picks = obj[:1] or prep[:1]
            if not obj and prep:
                # "referred to X as “Y”", "referred to her by a nickname, “Gert”": what X is called
                named = [c for c in kids if c.i > prep[0].i and c.dep_ == "prep" and c.lower_ in ("as", "by")]
                if named and not any(t.is_punct for t in tok.doc[prep[0].right_edge.i + 1:named[0].i]):
                    picks = prep[:1] + named[:1]
            # "accused X of …", "saw X as …", "credited X with …": the object and what follows it
            if obj:
                after = [c for c in kids if c.i > obj[0].i and (
                    c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or c.dep_ == "prep" and c.lower_ in _AFTER_OBJECT)]
                if after and not any(t.is_punct for t in tok.doc[obj[0].right_edge.i + 1:after[0].i]):
                    picks = obj[:1] + after[:1]
                else:
                    # "defended the plan against its critics", "recalled her work in support of
                    # the pantry", "rebuked him in December when …": the rest of the clause the
                    # parser hung on the verb goes with the object, up to a comma
                    end = obj[0].right_edge.i
                    for c in kids:
                        if c.i > end and c.dep_ in _REST_OF_CLAUSE:
                            if any(t.is_punct for t in tok.doc[end + 1:c.i]) or c.dep_ == "prep" and _setting(c) \
                                    or c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
                                break  # "addressed the council on Monday": when, not what
                            picks = picks + [c]
                            end = c.right_edge.i
        if not picks:
            # content before the cue: "A, X believes"; "A, the poll found"
            before = [c for c in kids if c.dep_ == "ccomp" and c.i < tok.i]
            picks = before[:1]
    if not picks:
        return None
    s = min(_edges(p, ss, se)[0] for p in picks)
    e = max(_edges(p, ss, se)[1] for p in picks)
    doc = tok.doc
    while e > s and (doc[e - 1].is_punct and doc[e - 1].text not in ("”", '"', "’", "'", "''", ")")
                     or doc[e - 1].is_space):
        e -= 1
    while s < e and (doc[s].is_punct and doc[s].text not in ("“", '"', "‘", "'", "``", "(") or doc[s].is_space):
        s += 1
    if e - s < 2 and not (e - s == 1 and doc[s].pos_ in ("PROPN", "NOUN")):
        return None
    if s <= tok.i < e:
        return None
    return s, e


def source_of(tok: Any, ss: int, se: int) -> tuple[Span, Any] | None:
    """The token range of the cue's source and its head token, or None."""
    subj = subject_of(tok)
    if subj is None or not (ss <= subj.i < se):
        return None
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
        subj = subj.head.head
        if not (ss <= subj.i < se):
            return None
    s, e = _edges(subj, ss, se)
    doc = tok.doc
    if subj.i < tok.i:
        e = min(e, tok.i)
    # "Kim, who …", "the official, a veteran of …": the name part before the first comma after the head
    for j in range(subj.i + 1, e):
        if doc[j].text == ",":
            e = j
            break
    # a subject's own relative or appositive clause stays with it; trailing commas do not
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    if e <= s:
        return None
    return (s, e), subj


def only_a_name(doc: Any, span: Span) -> bool:
    """Whether a content is nothing but a name or a pronoun ("the city council", "Kim", "him")."""
    toks = [t for t in doc[span[0]:span[1]] if not t.is_punct]
    if not toks:
        return True
    if len(toks) == 1 and toks[0].pos_ == "PRON":
        return True
    named = [t for t in toks if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC") or t.pos_ == "PROPN"]
    rest = [t for t in toks if t not in named and t.pos_ not in ("DET", "CCONJ", "PART") and t.dep_ != "case"]
    if not rest:
        return True
    # "the city council": a common noun phrase for a body of people
    from .. import cues

    return len(toks) <= 4 and all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in toks) \
        and toks[-1].lower_ in cues.ORG_NOUNS | cues.PEOPLE_NOUNS | cues.ROLE_NOUNS | {"council", "crowd", "audience"}


#: verbs of appearance ("X seems to …", "the plan appeared doomed"): the writer's (or the
#: article's) judgement of how things look. What is judged is the whole clause, subject
#: included, and no one in the sentence is its source.
APPEARANCE_VERBS = frozenset({"seem", "appear"})
_APPEARANCE_DEPS = frozenset({"xcomp", "acomp", "attr", "oprd", "ccomp"})
_APPEARANCE_PREPS = frozenset({"like"})


def appearance_of(tok: Any, ss: int, se: int) -> Span | None:
    """The token range judged by a verb of appearance, subject included, or None when the verb
    is not used that way ("appeared before reporters", "appeared on television")."""
    comp = [c for c in tok.children if c.i > tok.i and (
        c.dep_ in _APPEARANCE_DEPS or c.dep_ == "prep" and c.lower_ in _APPEARANCE_PREPS)]
    if not comp:
        return None
    e = min(max(c.right_edge.i for c in comp) + 1, se)
    subj = subject_of(tok)
    if subj is None or subj.i > tok.i or subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in comp):
        s = min(max(c.left_edge.i, ss) for c in comp)  # "it seems that …": the clause
    elif subj.lower_ in ("who", "which", "that"):
        s = subj.i  # "…, who seemed confused": from the relative pronoun
    else:
        s = max(subj.left_edge.i, ss)
    doc = tok.doc
    while e > s and (doc[e - 1].is_punct and doc[e - 1].text not in ("”", '"', "’", "'", "''", ")")
                     or doc[e - 1].is_space):
        e -= 1
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    if e - s < 3:
        return None
    return s, e


_STATE_VERBS = frozenset({"be", "have", "get", "become", "remain", "stay", "lack", "need", "pay", "work"})


def acts_through_appearance(tok: Any) -> bool:
    """Whether a verb of appearance governs what its subject does or thinks ("Kim seemed to
    blame the press", "she appeared to imply …"): then the subject is the source and the verb
    phrase the content, as for any cue."""
    subj = subject_of(tok)
    if subj is None or subject_kind(subj) not in ("he", "they", "person", "people", "propn"):
        return False
    return any(c.dep_ == "xcomp" and c.pos_ == "VERB" and lemma_of(c) not in _STATE_VERBS
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children)
