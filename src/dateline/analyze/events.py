"""Political events (PLOVER types) with actor, recipient, time and place, from the parse.

A trigger is a verb of event_lexicon.VERBS ("met", "attacked"), a phrasal verb ("called for",
"pulled out"), a verb with a telling object ("released prisoners", "sent troops"), or an event
noun ("talks", "sanctions"); a noun carried by a light verb ("held talks", "imposed sanctions")
takes that verb's subject as its actor, and a reversal verb makes it a concession ("lifted
sanctions" is CONCEDE). From the dependency parse:

- ``actor``: the subject (the ``by`` agent of a passive; the controlling subject of "X
  threatened to attack"; the antecedent of "who"; a pronoun's most recent fitting entity);
- ``recipient``: the object, the subject of a passive, or the object of the type's
  prepositions ("met with", "sanctions on", "attack against");
- ``when``: the TIMEX3 value of a time expression attached to the trigger (else the only one in
  the sentence); ``where``: a place after "in", "at", "near"…;
- ``negated`` ("did not attack"), ``hypothetical`` (modals, "if", "could"), and
  ``asserted_by``: the claim whose content holds the trigger.

Actors and recipients are entity ids when an entity is named there, with the words as
``actor_text``/``recipient_text`` either way.

One event per clause. An event inside another's object, complement or purpose is part of it,
not an event of its own: "threatened to halt gas deliveries" is one THREATEN with ``about``
SANCTION, "rejected a request to extradite him" one REJECT about REQUEST, "killed 12 in an
attack" one ASSAULT. PLOVER reads a commitment or a refusal as its own type, so "will visit" is
an AGREE (``mode`` "commitment", ``about`` CONSULT), "will impose a curfew" a THREATEN and "would
not release them" a REJECT (``mode`` "refusal"); "X said Y must …" is a REQUEST (``mode``
"demand"). Background is left out: participles used as adjectives ("Syrian-backed"), events in
an "if" clause, in a relative clause with no one doing them, and, beside a sentence's main
event, bare event nouns ("after the bombing"), events with no actor, and events inside a
subject ("a member of the team trying to broker a pact").

Each event has a ``rank`` within its sentence, 1 for the main event (the one nearest the head of
what the sentence reports, looking past a trailing "officials said"), and a ``confidence``
(0–1) from that place, the presence of an actor and whether the trigger is a bare noun.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Any

from ..model import Reading
from . import event_lexicon as L
from .entities import EntityIndex
from .docindex import children as child_ids
from .docindex import deps as dep_labels
from .docindex import lower_ids
from .nlp import text as doc_text
from .nlp import tokens

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they", "them", "we"}
_RELATIVES = {"who", "which", "that", "whom"}
#: named things that are never an event noun ("March", "the Kabul Agreement" is LAW, a person…)
_NOT_EVENT_ENTS = {"PERSON", "GPE", "ORG", "DATE", "TIME", "NORP", "LOC", "FAC", "WORK_OF_ART",
                   "LAW", "PRODUCT", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_TIME_ENTS = {"DATE", "TIME"}
_NP_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "npadvmod"}


# word forms -----------------------------------------------------------------------------------

def _verb_forms(lemma: str) -> set[str]:
    forms = {lemma}
    forms.update(L.IRREGULAR.get(lemma, ()))
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma in L.DOUBLING:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ses", "shes", "ches", "xes")):
        return noun[:-2]
    if noun.endswith(("us", "is")):
        return noun  # "virus", "crisis", "status"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, list[tuple[str | None, str]]], dict[str, str]]:
    """(verb form → lemma, lemma → type, noun form → [(modifier, type)], noun form → singular)."""
    verb_lemma: dict[str, str] = {}
    verb_type: dict[str, str] = {}
    lemmas = {v for vs in L.VERBS.values() for v in vs} | {v for v, _ in L.PHRASAL} \
        | set(L.VERB_OBJECTS) | set(L.LIGHT_VERBS) | set(L.REVERSAL_VERBS) | set(L.VERB_SUBJECT_TYPES) \
        | set(L.SUPPRESSION_VERBS) | set(L.ATTRIBUTION_VERBS)
    for typ in L.TYPES:
        for v in L.VERBS.get(typ, ()):
            verb_type.setdefault(v, typ)
    for lemma in sorted(lemmas):
        for f in _verb_forms(lemma):
            verb_lemma.setdefault(f, lemma)
    nouns: dict[str, list[tuple[str | None, str]]] = {}
    singular: dict[str, str] = {}
    for typ in L.TYPES:
        for n in L.NOUNS.get(typ, ()):
            words = n.split()
            head, mod = words[-1], (" ".join(words[:-1]) or None)
            for form in (head, _plural(head)):
                nouns.setdefault(form, []).append((mod, typ))
                singular[form] = head
    for pairs in L.VERB_OBJECTS.values():
        for _, objs in pairs:
            for n in objs:
                singular.setdefault(n, n)
                singular.setdefault(_plural(n), n)
    # multiword entries first, so "hunger strike" wins over "strike"
    for form in nouns:
        nouns[form].sort(key=lambda x: x[0] is None)
    return verb_lemma, verb_type, nouns, singular


# the parse ------------------------------------------------------------------------------------

def _children(tok: Any, *deps: str) -> list[Any]:
    """``[c for c in tok.children if c.dep_ in deps]``, read off the document's index (docindex.py)."""
    doc = tok.doc
    labels = dep_labels(doc)
    toks = tokens(doc)
    return [toks[j] for j in child_ids(doc)[tok.i] if labels[j] in deps]


def _is_passive(v: Any) -> bool:
    labels = dep_labels(v.doc)
    return any(labels[j] in ("nsubjpass", "auxpass") for j in child_ids(v.doc)[v.i])


def _np(tok: Any) -> tuple[int, int]:
    """Token range [lo, hi) of the noun phrase headed by ``tok`` (no clauses, no conjuncts)."""
    lo = hi = tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            keep = c.dep_ in _NP_DEPS or (c.dep_ == "prep" and c.lower_ == "of" and t is tok) \
                or (c.dep_ == "pobj" and t is not tok)
            if not keep:
                continue
            lo, hi = min(lo, c.i), max(hi, c.i)
            stack.append(c)
    return lo, hi + 1


def _subject(v: Any, depth: int = 0) -> tuple[Any | None, bool]:
    """The actor token of verb ``v`` and whether it came through a control verb's object."""
    if depth > 4:
        return None, False
    if _is_passive(v):
        for a in _children(v, "agent"):
            objs = _children(a, "pobj")
            if objs:
                return objs[0], False
        return None, False  # "the town, which was attacked": no one named does it
    subj = _children(v, "nsubj", "csubj")
    if subj:
        s = subj[0]
        if s.lower_ in _RELATIVES and v.dep_ == "relcl":
            return v.head, False
        return s, False
    if v.dep_ == "relcl":
        return v.head, False
    if v.dep_ in ("acl",) and v.head.pos_ in ("NOUN", "PROPN"):
        if v.tag_ == "VBN" and not _children(v, "dobj") and not _trailing_root(v):
            return None, False  # "weapons seized last year": the noun is what was seized
        return v.head, False
    if v.dep_ == "xcomp":
        # object control: "urged Iran to stop" → Iran stops
        objs = _children(v.head, "dobj")
        if objs and v.head.lower_ not in ("promised", "promise", "promises", "pledged"):
            return objs[0], True
        if _is_passive(v.head) and _children(v.head, "nsubjpass"):
            # "the leaders are expected to sign", "he was asked to resign": the one said to
            return _children(v.head, "nsubjpass")[0], False
        return _subject(v.head, depth + 1)
    if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX") and v.tag_ == "VBG":
        return _subject(v.head.head, depth + 1)  # "after meeting the king, the envoy flew …"
    if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ == "ADJ" and v.tag_ == "VBG" \
            and v.head.head.dep_ == "acomp":
        return _subject(v.head.head.head, depth + 1)  # "both sides are guilty of violating …"
    if v.dep_ == "conj" and _is_passive(v.head):
        if v.tag_ == "VBN" and not _children(v, "aux"):
            return _subject(v.head, depth + 1)  # "were killed or wounded (by …)"
        # "was indicted by the court and will resign": the one indicted resigns
        subj = _children(v.head, "nsubjpass")
        return (subj[0], False) if subj else (None, False)
    if v.dep_ in ("conj", "advcl", "pcomp", "acomp") and v.head.i != v.i:
        return _subject(v.head, depth + 1)
    return None, False


def _hyphened(tok: Any) -> tuple[str, Any] | None:
    """("cease-fire", the part the sentence hangs on) when ``tok`` starts a hyphened word."""
    doc, i = tok.doc, tok.i
    if tok.whitespace_ or i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i + 1].whitespace_ \
            or (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_):
        return None
    j = i + 2
    while j + 2 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text == "-" and not doc[j + 1].whitespace_:
        j += 2
    part = doc[i:j + 1]
    head = next((t for t in part if not (part.start <= t.head.i < part.end) or t.head is t), part[-1])
    return part.text.lower(), head


def _burns_property(tok: Any, singular: dict[str, str]) -> bool:
    """Whether what ``tok`` sets fire to (or sets ablaze) is property: "set fire to the offices"."""
    targets = [g for p in _children(tok, "prep") if p.lower_ in ("to", "on") for g in _children(p, "pobj")]
    targets += [g for o in _children(tok, "dobj") for p in _children(o, "prep") if p.lower_ in ("to", "on")
                for g in _children(p, "pobj")]
    targets += [o for o in _children(tok, "dobj") if o.lower_ not in ("fire",)]
    return any({singular.get(g.lower_, g.lower_), _singular(g.lower_)} & set(L.PROPERTY) for g in targets)


def _withdraws_presence(trig: Any, light: Any | None) -> bool:
    """A withdrawal of peacekeepers, observers or envoys (who are there for others), not of forces."""
    verb = light if light is not None else trig
    lemma = _tables()[0].get(trig.lower_) if trig.pos_ in ("VERB", "AUX") else _singular(trig.lower_)
    if lemma not in L.WITHDRAWAL_WORDS:
        return False
    if verb.pos_ not in ("VERB", "AUX"):
        moved = [o for p in _children(trig, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
    else:
        moved = _children(verb, "dobj", "nsubjpass") or _children(verb, "nsubj")
    return bool(moved) and all(_singular(m.lower_) in L.WITHDRAWN_PRESENCE
                               or " ".join(w.lower_ for w in m.lefts if w.dep_ == "compound") + " " + _singular(m.lower_)
                               in L.WITHDRAWN_PRESENCE for m in moved)


def _held_together(noun: Any, light: Any | None) -> bool:
    """Whether an exercise is held with others: a joint modifier ("joint drills"), a partner
    after "with" on the noun or its verb, or two doers ("Jordan and Britain held exercises")."""
    if any(c.lower_ in L.JOINT_MODIFIERS for c in noun.children):
        return True
    for t in (noun, light):
        if t is not None and any(p.lower_ in ("with", "alongside") and _children(p, "pobj")
                                 for p in _children(t, "prep")):
            return True
    subj = _children(light, "nsubj") if light is not None else []
    return bool(subj and _children(subj[0], "conj"))


def _against_someone(tok: Any) -> bool:
    """A request for a hostile measure against a third party ("called for sanctions against
    Nigeria", "urged a boycott of the regime"): PLOVER codes it as rallying opposition against
    that party (CAMEO 113, ACCUSE), not as a request of it."""
    asked = _children(tok, "dobj", "pobj")
    for o in asked:
        if _singular(o.lower_) in L.HOSTILE_MEASURES and any(
                p.lower_ in ("against", "on", "of") and _children(p, "pobj") for p in _children(o, "prep")):
            return True
    return False


def _complains_to(tok: Any) -> bool:
    """A protest made to a government ("protested to Washington over the sale", "protested to the
    embassy"): an official complaint (CAMEO 114), not a demonstration."""
    return any(o.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or _singular(o.lower_) in L.COMPLAINED_TO
               for p in _children(tok, "prep") if p.lower_ in ("to", "with") for o in _children(p, "pobj"))


def _no_event_verb(tok: Any, lemma: str) -> bool:
    """An event verb used of no political deed: a doer that is no one ("oil prices declined",
    "the storm destroyed homes", "killed in the earthquake"), an object that makes it an
    ordinary verb ("fight corruption", "executed a plan"), a clause that makes it a report
    ("recalled that …"), "declined to comment", "pressed ahead"."""
    doers = _children(tok, "nsubj") + [o for a in _children(tok, "agent") for o in _children(a, "pobj")]
    if not doers and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and not _is_passive(tok):
        doers = _children(tok.head, "nsubj")  # "the storm killed 12 people and cut power": the storm cut it
    if doers and all((_singular(d.lower_) in L.NON_AGENTS or _singular(d.lower_) in L.OUTCOMES) and d.ent_type_ == ""
                     for d in doers):
        return True
    if lemma in L.ADMITTING_VERBS and _children(tok, "ccomp"):
        return True  # "conceded that she is not a natural politician"
    if lemma == "approve" and any(p.lower_ == "of" for p in _children(tok, "prep")):
        return True  # "15 percent approve of his job performance": an opinion polled
    if lemma == "take" and (tos := [o for p in tok.children if p.dep_ in ("prep", "prt") and p.lower_ == "to"
                                    for o in _children(p, "pobj")]) \
            and not any(_singular(o.lower_) in L.TAKEN_TO for o in tos):
        return True  # "took to Twitter", "took to the steps of City Hall": no street protest
    if lemma == "appeal" and not _children(tok, "xcomp") and not any(p.lower_ == "for" for p in _children(tok, "prep")) \
            and any(_singular(o.lower_) in L.PULLED for p in _children(tok, "prep") if p.lower_ == "to"
                    for o in _children(p, "pobj")):
        return True  # "a candidate who appeals to white voters": a pull, no request
    if lemma in L.READER_IMPERATIVES and tok.tag_ == "VB" and tok.dep_ == "ROOT" and not doers \
            and tok.i == tok.sent.start:
        return True  # "Sign up for our newsletter", "Welcome to the report": the page to its reader
    if lemma in L.STRIVING_VERBS and not _children(tok, "dobj") and any(p.lower_ == "about" for p in _children(tok, "prep")):
        return True  # "fighting about Obama": an argument
    if _is_passive(tok) and not _children(tok, "agent"):
        causes = [o for p in _children(tok, "prep") if p.lower_ in ("in", "by", "during", "after")
                  for o in _children(p, "pobj")]
        if causes and all(_singular(o.lower_) in L.NATURAL_CAUSES for o in causes):
            return True
    if lemma in L.NOT_EVENT_SUBJECTS and doers and all(_singular(d.lower_) in L.NOT_EVENT_SUBJECTS[lemma]
                                                       for d in doers):
        return True
    objs = _children(tok, "dobj") + (_children(tok, "nsubjpass") if _is_passive(tok) else [])
    if lemma in L.NOT_EVENT_OBJECTS and objs and all(_singular(o.lower_) in L.NOT_EVENT_OBJECTS[lemma] for o in objs):
        return True
    if lemma in L.WARNING_VERBS:
        # a warning of a hazard no one does: "warned of a famine", "warned that the recession could deepen"
        of = [o for p in _children(tok, "prep") if p.lower_ in ("of", "about") for o in _children(p, "pobj")]
        of += [s for c in _children(tok, "ccomp") for s in _children(c, "nsubj")]
        if of and all(_singular(o.lower_) in L.HAZARDS and o.ent_type_ == "" for o in of):
            return True
    if lemma in L.QUESTION_VERBS and not _asks_for(tok):
        return True
    if lemma in L.STRIVING_VERBS and any(c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
            k.dep_ == "aux" and k.lower_ == "to" for k in c.children) for c in tok.children) and not (
            doers and any(_singular(d.lower_) in L.FIGHTERS or d.ent_type_ in ("NORP", "GPE") for d in doers)):
        return True  # "fight to defend the constitution"; "rebels fought to hold the town" stays
    if lemma in L.SHOWING_VERBS and _children(tok, "dobj", "ccomp"):
        return True  # "demonstrated its resolve"
    if lemma in L.OPINION_VERBS and not _children(tok, "xcomp", "dobj", "ccomp") and (withs := [
            o for p in _children(tok, "prep") if p.lower_ == "with" for o in _children(p, "pobj")]) \
            and all(o.pos_ == "PRON" or o.ent_type_ == "PERSON" for o in withs) \
            and not any(p.lower_ in ("on", "to") for p in _children(tok, "prep")):
        return True  # "he agrees with me": an opinion shared
    if lemma in L.CONTEST_VERBS and any(p.lower_ == "by" and _singular(o.lower_) in L.MARGINS
                                        or p.lower_ == "in" and _singular(o.lower_) in L.CONTESTS
                                        for p in _children(tok, "prep") for o in _children(p, "pobj")):
        return True  # "beat him by five points", "to beat him in the general election"
    if lemma in L.WARNING_VERBS and _forecast(tok):
        return True
    if lemma in L.CLAUSE_NOT_EVENT and (_children(tok, "ccomp") or not _children(tok, "dobj", "nsubjpass")):
        return True
    if lemma in L.NO_COMMENT and any(x.lower_ in L.NO_COMMENT[lemma] for x in _children(tok, "xcomp")):
        return True
    # "declined to comment on whether they would seek a court order": what was not commented
    # on did not happen either
    t = tok
    for _ in range(6):
        if t.head is t:
            break
        t = t.head
        if t.dep_ == "xcomp" and t.lower_ in L.NO_COMMENT.get(_tables()[0].get(t.head.lower_, ""), ()):
            return True
    return any(c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in L.PHRASAL_NOT_EVENTS for c in tok.children)


def _asks_for(tok: Any) -> bool:
    """Whether "ask" asks for something (a REQUEST), not a question: "asked for help", "asked
    them to leave", "asked permission", "asked that he resign"."""
    if any(p.lower_ == "for" for p in _children(tok, "prep")) or _children(tok, "xcomp"):
        return True
    clauses = _children(tok, "ccomp")
    for c in clauses:
        kids = {k.lower_ for k in c.children if k.dep_ in ("aux", "mark")}
        if "to" in kids or "that" in kids:
            return True
    if clauses:
        return False  # "asked the mayor whether he would run", "was asked, 'Will you …'"
    if any(_singular(c.lower_) in L.QUESTIONS for c in tok.children if c.dep_ in ("dobj", "dative", "npadvmod")) \
            or any(p.lower_ == "about" for p in _children(tok, "prep")):
        return False  # "asked them a question", "asked the candidates about taxes"
    return any(o.pos_ in ("NOUN", "PROPN") and o.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")
               for o in _children(tok, "dobj"))


def _person_on_person(doers: list[Any], targets: list[Any], tok: Any) -> bool:
    """Whether an attack is one named person's (or a pronoun's) on named persons, with no weapon
    ("with …"): in news that is words, a criticism."""
    if not doers or not targets or any(p.lower_ == "with" for p in _children(tok, "prep")):
        return False
    return all(d.ent_type_ == "PERSON" or d.pos_ == "PRON" for d in doers) \
        and all(t.ent_type_ == "PERSON" for t in targets)


def _forecast(tok: Any) -> bool:
    """A warning that something will happen which its warner does not hold out: "X warned
    (that) the frustration could send voters to his rival" has a thing, not the warner's side,
    doing the deed; "warned that its troops would …", "… that Iran would pay", "… that
    sanctions would be imposed" stay threats."""
    verb_lemma, verb_type = _tables()[:2]
    clauses = _children(tok, "ccomp")
    if not clauses and tok.dep_ == "ROOT":
        clauses = [c for c in tok.children if c.dep_ in ("parataxis",) and c.i < tok.i]
    if not clauses:
        return False
    for c in clauses:
        subj = _children(c, "nsubj")
        if not subj or _is_passive(c) or verb_lemma.get(c.lower_) in verb_type:
            return False
        for s in subj:
            if s.pos_ != "NOUN" or s.ent_type_ or _singular(s.lower_) in L.FIGHTERS \
                    or any(k.dep_ == "poss" for k in s.children):
                return False
    return True


@lru_cache(maxsize=1)
def _judging_forms() -> frozenset[str]:
    """The forms of the verbs of naming ("called", "describes", "branded"), most of which are no event verbs."""
    return frozenset(f for v in L.JUDGING_VERBS for f in _verb_forms(v))


@lru_cache(maxsize=1)
def _trigger_ids() -> tuple[frozenset[int], int]:
    """The ids of the lower-case forms an event can start with (a verb form or a noun of the
    tables), and the id of "-": ``tok.lower`` is an int, ``tok.lower_`` a new string each time."""
    from spacy.strings import get_string_id

    verb_lemma, _, nouns, _ = _tables()
    return frozenset(get_string_id(w) for w in (*verb_lemma, *nouns)), get_string_id("-")


def _trigger_starts(doc: Any) -> list[int]:
    """The tokens :meth:`_Finder.trigger` looks at further, in order: an event verb's or noun's
    form, or a word before a hyphen (the same test, read off the document's lower-case ids)."""
    words, hyphen = _trigger_ids()
    lows = lower_ids(doc)
    last = len(lows) - 1
    return [i for i, w in enumerate(lows) if w in words or (i < last and lows[i + 1] == hyphen)]


def _word_span(tok: Any) -> tuple[int, int]:
    """Character offsets of the whole hyphened word ``tok`` is part of ("cease-fire")."""
    doc, i, j = tokens(tok.doc), tok.i, tok.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and not doc[i - 2].is_punct:
        i -= 2
    while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_ \
            and not doc[j + 2].is_punct:
        j += 2
    return doc[i].idx, doc[j].idx + len(doc[j].text)


def _trailing_root(tok: Any) -> bool:
    """Whether ``tok`` is a verb after the words it reports ("…, a rights group protested"),
    also where the parser hangs it, as a clause of the noun before it, on the last noun of the
    report ("… of refugees, a human rights group protested here Wednesday.": a past-tense verb
    after an apposition that closes the sentence with nothing but adverbs and dates)."""
    if tok.dep_ == "ROOT":
        return any(c.dep_ in ("ccomp", "parataxis") and c.i < tok.i for c in tok.children)
    if tok.dep_ != "acl" or tok.tag_ not in ("VBD", "VBN") or tok.head.dep_ != "appos" or tok.head.i >= tok.i \
            or _children(tok, "aux", "auxpass", "dobj", "agent", "ccomp") or _singular(tok.head.lower_) in _tables()[2]:
        return False  # "…, an agreement signed last year": the noun is what was done
    first = tok.head.left_edge.i
    if first == 0 or tokens(tok.doc)[first - 1].text != ",":
        return False
    return all(t.dep_ in ("advmod", "npadvmod", "punct", "prep", "pobj", "det", "compound", "nummod")
               for t in tokens(tok.doc)[tok.i + 1:tok.sent.end])


class _Finder:
    def __init__(self, doc: Any, reading: Reading, entities: list[dict[str, Any]],
                 claims: list[dict[str, Any]], timexes: list[dict[str, Any]]):
        self.doc = doc
        self.text = reading.text
        self.index = EntityIndex(entities, reading.text)
        self.entities = {e["id"]: e for e in entities}
        self.claims = [c for c in claims if c.get("span")]
        self.claim_by_id = {c["id"]: c for c in self.claims}
        self.timexes = timexes
        self.tables = _tables()
        self._tok_timex: dict[int, dict[str, Any]] = {}
        for t in timexes:
            s, e = t["span"]
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self._tok_timex[tok.i] = t

    # triggers -----------------------------------------------------------------------------------

    def trigger(self, tok: Any) -> tuple[str, Any, Any] | None:
        """(type, trigger token, light verb or None) when ``tok`` starts an event."""
        words, hyphen = _trigger_ids()
        if tok.lower not in words:
            toks = tokens(self.doc)
            if tok.i + 1 >= len(toks) or toks[tok.i + 1].lower != hyphen:
                return None  # no event verb or noun, nor a hyphened word's start: _trigger finds nothing
        found = self._trigger(tok)
        if found is not None and found[0] == "RETREAT" and _withdraws_presence(found[1], found[2]):
            return "SANCTION", found[1], found[2]  # "peacekeepers were shipped out", "withdrew its envoy"
        return found

    def _trigger(self, tok: Any) -> tuple[str, Any, Any] | None:
        verb_lemma, verb_type, nouns, singular = self.tables
        low = tok.lower_
        if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and low in verb_lemma and tok.dep_ != "aux"):
            lemma = verb_lemma.get(low)
            if lemma is None:
                return None
            if _no_event_verb(tok, lemma):
                return None
            toks = tokens(tok.doc)
            if tok.i > 1 and toks[tok.i - 1].text == "-" and not toks[tok.i - 1].whitespace_ \
                    and not toks[tok.i - 2].whitespace_ and toks[tok.i - 2].lower_ in L.SHOW_OF_FORCE_PREFIXES:
                return "MOBILIZE", tok, None  # "test-fired a missile": a show of force
            dobjs = _children(tok, "dobj")
            if lemma in ("hand", "turn") and any(c.dep_ == "prt" and c.lower_ in ("over", "in") for c in tok.children) \
                    and dobjs and all(_singular(o.lower_) in L.SURRENDERED for o in dobjs):
                return "RETREAT", tok, None  # "handed over their weapons": disarming
            if lemma == "summon" and dobjs and all(_singular(o.lower_) in L.SUMMONED_ENVOYS for o in dobjs):
                return "ACCUSE", tok, None  # "summoned the ambassador": a diplomatic complaint
            if lemma in L.RELEASE_VERBS and any(_singular(o.lower_) in L.CUSTODY for p in _children(tok, "prep")
                                                if p.lower_ == "from" for o in _children(p, "pobj")):
                return "RETREAT", tok, None  # "released from house arrest", whoever was held
            if verb_type.get(lemma) == "ASSAULT" and (doers := _children(tok, "nsubj") or (
                    [tok.head] if tok.dep_ == "acl" and tok.tag_ == "VBG" else [])) \
                    and all(_singular(d.lower_) in L.MESSAGES and not d.ent_type_ for d in doers):
                return "ACCUSE", tok, None  # "a new ad hitting him", "a speech attacking the nominee": words
            if lemma in L.VERBAL_ATTACKS and _person_on_person(_children(tok, "nsubj"), dobjs, tok):
                return "ACCUSE", tok, None  # "Cruz attacked Rubio over immigration": words (CAMEO 111)
            objs = {_singular(o.lower_) for o in _children(tok, "dobj")}
            for typ, wanted in L.VERB_OBJECT_TYPES.get(lemma, ()):
                if objs & set(wanted):
                    return typ, tok, None  # "struck a deal"
            if lemma in L.VERB_OBJECTS:
                objs_of = _children(tok, "dobj", "nsubjpass")
                if tok.dep_ == "acl" and tok.tag_ == "VBN":
                    objs_of.append(tok.head)  # "the treaty signed in May", "prisoners released on Friday"
                # "700 kg of medicine", "a shipment of arms": the goods after the measure
                objs_of += [g for o in objs_of for p in _children(o, "prep") if p.lower_ == "of"
                            for g in _children(p, "pobj")]
                # "halted mediation efforts", "cut the aid programme": a generic head stands for its modifier
                objs_of += [m for o in objs_of if _singular(o.lower_) in L.GENERIC_HEADS
                            or (lemma in ("violate", "breach") and _singular(o.lower_) in L.AGREEMENT_HEADS)
                            for m in o.children if m.dep_ in ("compound", "amod")]
                for o in objs_of:
                    words = {singular.get(o.lower_, o.lower_), _singular(o.lower_)}
                    a, b = _word_span(o)
                    words.add(doc_text(o.doc)[a:b].lower())  # "breached the cease-fire"
                    for typ, objs in L.VERB_OBJECTS[lemma]:
                        if words & set(objs):
                            return typ, tok, None
            for c in tok.children:
                if c.dep_ in ("prt", "prep", "dobj", "advmod") and (lemma, c.lower_) in L.PHRASAL:
                    if c.dep_ == "prep" and any(o.ent_type_ in _TIME_ENTS for o in _children(c, "pobj")):
                        continue  # "called on Sunday for …": a date, not "call on"
                    if c.lower_ in ("fire", "ablaze") and _burns_property(tok, singular):
                        return "COERCE", tok, None  # "set fire to the offices": property, not people
                    typ = L.PHRASAL[(lemma, c.lower_)]
                    if typ == "REQUEST" and _against_someone(c):
                        return "ACCUSE", tok, None
                    return typ, tok, None
            if lemma in L.VERB_SUBJECT_TYPES:
                for s in _children(tok, "nsubj"):
                    typ = L.VERB_SUBJECT_TYPES[lemma].get(s.lower_)
                    if typ:
                        return typ, tok, None
            if lemma in L.OBJECT_BOUND_VERBS:
                bound = set(L.OBJECT_BOUND_VERBS[lemma])
                nouns_of = [o for o in _children(tok, "dobj") if o.pos_ == "NOUN"]
                # "deployed thousands of troops", "a battalion of marines": the troops count
                nouns_of += [g for o in nouns_of for p in _children(o, "prep") if p.lower_ == "of"
                             for g in _children(p, "pobj") if g.pos_ == "NOUN"]
                if nouns_of and not any({singular.get(o.lower_, o.lower_), _singular(o.lower_)} & bound
                                        or any(c.lower_ in bound for c in o.children if c.dep_ in ("compound", "amod"))
                                        for o in nouns_of):
                    return None
            if lemma in L.HELPING_VERBS and any(verb_lemma.get(x.lower_) in verb_type for x in _children(tok, "xcomp")):
                return None  # "helped (to) negotiate a truce": the deed helped is the event
            if lemma in L.ATTEMPT_VERBS and _children(tok, "xcomp") and not _children(tok, "dobj"):
                return None  # "tried to calm the dispute": an attempt, not a request
            if lemma in verb_type and lemma not in L.PHRASAL_ONLY:
                typ = verb_type[lemma]
                if typ == "REQUEST" and _against_someone(tok):
                    return "ACCUSE", tok, None
                if typ in L.SPOKEN_TYPES and (_children(tok, "ccomp") or _trailing_root(tok) or _complains_to(tok)):
                    return L.SPOKEN_TYPES[typ], tok, None  # "protested that …": words, not a rally
                return typ, tok, None
            return None
        toks = tokens(tok.doc)
        joined = None if tok.whitespace_ or tok.i + 1 >= len(toks) or toks[tok.i + 1].text != "-" else _hyphened(tok)
        if joined is not None and joined[0] in nouns:
            # "a cease-fire", "staged a sit-in": the tokenizer splits the word at its hyphen;
            # the part the rest of the sentence hangs on stands for it
            low, tok = joined
        elif tok.i > 1 and toks[tok.i - 1].text == "-" and _word_span(tok)[0] != tok.idx:
            return None  # a later part of a hyphened word is looked up from its first part
        if tok.dep_ == "compound" and low in nouns and tok.head.lower_ in L.CONDEMNATIONS \
                and tok.head.dep_ in ("oprd", "dobj") and tok.head.head.lower_ in _judging_forms():
            return "ACCUSE", tok.head.head, None  # "called the bombing barbaric", parsed "the [bombing barbaric]"
        if tok.pos_ in ("NOUN", "PROPN", "VERB", "ADP", "ADV") and (joined is not None or tok.pos_ in ("NOUN", "PROPN")) \
                and low in nouns and tok.ent_type_ not in _NOT_EVENT_ENTS and tok.dep_ != "compound":
            mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
            head = singular.get(low, low)
            if head in L.NOUN_MODIFIER_TYPES:
                for m, typ in L.NOUN_MODIFIER_TYPES[head].items():
                    if m in mods:
                        if not typ:
                            return None
                        light = self._light_verb(tok)
                        if typ == "MOBILIZE" and head in L.EXERCISES and _held_together(tok, light):
                            typ = "COOPERATE"
                        return typ, tok, light
            if head in L.VERBAL_ATTACKS and (
                    any(_singular(o.lower_) in L.CRITICISED for p in _children(tok, "prep") if p.lower_ in ("on", "against")
                        for o in _children(p, "pobj"))
                    or tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "line"):
                return "ACCUSE", tok, self._light_verb(tok)  # "attacks on his economic policy", "a line of attack"
            if head in L.VERBAL_ATTACKS:
                light = self._light_verb(tok)
                doers = [c for c in tok.children if c.dep_ == "poss"] + (_children(light, "nsubj") if light is not None else [])
                targets = [o for p in _children(tok, "prep") if p.lower_ in ("on", "against") for o in _children(p, "pobj")]
                if _person_on_person(doers, targets, tok):
                    return "ACCUSE", tok, light  # "Clinton's attacks on Trump", "unleashed an attack on Carson"
            if head in L.CAMPAIGN_EVENTS and not any(c.dep_ == "prep" and c.lower_ in ("against", "for") for c in tok.children) \
                    and any(c.dep_ in ("poss", "compound") and c.ent_type_ == "PERSON" for c in tok.children):
                return None  # "Trump's rally", "a Sanders rally": a candidate's, no protest
            judged = self._judgement(tok)
            if judged is not None and any(j.lower_ in L.CONDEMNATIONS for j in judged):
                return "ACCUSE", tok.head, None  # "called the attack cowardly": a condemnation
            if head in L.NOUN_NEEDS_PREP:
                if not any(c.dep_ == "prep" and c.lower_ in L.NOUN_NEEDS_PREP[head] for c in tok.children):
                    return None
            typ = None
            for mod, t in nouns[low]:
                if mod is None or mod in mods:
                    typ = t
                    break
            if typ is None:
                return None
            light = self._light_verb(tok)
            verb = verb_lemma.get(light.lower_) if light is not None else None
            if verb is None and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
                verb = verb_lemma.get(tok.head.lower_) or tok.head.lower_
                if verb in L.REVERSAL_VERBS | L.SUPPRESSION_VERBS:
                    light = tok.head
            if typ == "PROTEST" and head == "protest" and verb in L.FORMAL_PROTEST_VERBS:
                return "ACCUSE", tok, light  # "lodged a protest with Beijing": an official complaint
            if verb in L.SUPPRESSION_VERBS and typ == "PROTEST":
                return "COERCE", tok, light
            if verb in L.REVERSAL_VERBS and typ in L.REVERSIBLE:
                return "CONCEDE", tok, light
            if verb in L.REVERSAL_VERBS and typ in L.COOPERATIVE:
                return "SANCTION", tok, light
            if typ == "MOBILIZE" and head in L.EXERCISES and _held_together(tok, light):
                return "COOPERATE", tok, light  # "held drills with Belarus"
            if verb in L.SIGNING_VERBS and typ == "AGREE" and singular.get(low, low) in L.FORMAL_AGREEMENTS:
                return "SUPPORT", tok, light  # "signed a treaty": a formal agreement signed (CAMEO 057)
            return typ, tok, light
        return None

    def _judgement(self, noun: Any) -> list[Any] | None:
        """What a verb of naming says its object is ("called the attack cowardly", "described
        the killings as a crime against humanity"), or None when ``noun`` is not so named."""
        if noun.dep_ != "dobj" or noun.head.lower_ not in _judging_forms():
            return None
        said = [c for c in noun.head.children if c.i > noun.i and (
            c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") or (c.dep_ == "advmod" and c.pos_ in ("ADJ", "ADV")))]
        # "described the massacre as genocide", "branded the raid a crime": the parser hangs the
        # judgement on the verb or on its object
        said += [o for c in [*noun.head.children, *noun.children] if c.dep_ == "prep" and c.lower_ == "as"
                 for o in _children(c, "pobj")]
        toks = tokens(noun.doc)
        said += [a for a in _children(noun, "appos")  # "the raid a crime", not "a strike, the third this year"
                 if not any(t.text in (",", "(", "-", "–", "—", ":") for t in toks[noun.i + 1:a.i])]
        said += [o for c in said for p in _children(c, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
        return said or None

    def _light_verb(self, noun: Any) -> Any | None:
        verb_lemma = self.tables[0]
        if self._judgement(noun) is not None:
            return None  # "called the agreement historic": no one calls an agreement into being
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
            lemma = verb_lemma.get(noun.head.lower_)
            if lemma in L.LIGHT_VERBS or lemma in L.REVERSAL_VERBS:
                return noun.head
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
            # "took part in talks", "agreed on a truce"
            if noun.head.lower_ in ("in", "on", "to", "into") and verb_lemma.get(noun.head.head.lower_) in L.LIGHT_VERBS | {"agree", "engage", "participate"}:
                return noun.head.head
        return None

    # arguments ----------------------------------------------------------------------------------

    def who(self, tok: Any | None) -> tuple[str | None, str | None, list[int] | None]:
        """(entity id, text, char span) of a noun phrase head."""
        if tok is None:
            return None, None, None
        if tok.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            types = ("PERSON",) if tok.lower_ in _PERSON_PRONOUNS else ("ORG", "GPE", "NORP")
            eid = self.index.recent(tok.idx, types)
            return eid, tok.text, [tok.idx, tok.idx + len(tok.text)]
        lo, hi = _np(tok)
        s, e = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1].text)
        eid = self.index.at(s, e, prefer=("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"))
        if eid is None:
            # "the Russian official": a country by its adjective
            eid = self._entity_on(tok)
        return eid, self.text[s:e], [s, e]

    def _entity_on(self, tok: Any) -> str | None:
        s, e = tok.idx, tok.idx + len(tok.text)
        return self.index.at(s, e, prefer=("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"))

    def recipient(self, typ: str, trig: Any, light: Any | None, actor_tok: Any | None) -> Any | None:
        verb = light if light is not None else (trig if trig.pos_ in ("VERB", "AUX") else None)
        preps = L.RECIPIENT_PREPS.get(typ, ())
        cands: list[Any] = []
        if typ in ("CONSULT", "COOPERATE", "AGREE") and actor_tok is not None:
            cands += _children(actor_tok, "conj")  # "Kim and Belousov discussed"
        if verb is not None and light is None:
            if _is_passive(verb):
                cands += _children(verb, "nsubjpass")
            topic = self.tables[0].get(verb.lower_) in L.TOPIC_OBJECT_VERBS
            deps = ("dative", "iobj") if topic else ("dobj", "dative", "iobj")
            cands += [c for c in _children(verb, *deps) if c.pos_ in ("PROPN", "NOUN", "PRON")]
        holders = [t for t in (trig, light) if t is not None]
        if verb is not None:
            # "signed a deal with X", "imposed sanctions on X": the prepositions of the object
            holders += [o for o in _children(verb, "dobj") if o != trig]
        for h in holders:
            for p in _children(h, "prep"):
                if p.lower_ in preps:
                    cands += _children(p, "pobj")
        if light is not None and _is_passive(light):
            cands += [c for c in _children(light, "nsubjpass") if c != trig]
        nouns, singular = self.tables[2], self.tables[3]
        for c in cands:
            if c == trig or (actor_tok is not None and c == actor_tok) or c.lower_ in _RELATIVES \
                    or c.ent_type_ in _TIME_ENTS:
                continue  # "on Tuesday" is when, not whom
            if c.ent_type_ == "" and (c.lower_ in nouns or (
                    c.lower_ in singular and c.head == verb and self.tables[0].get(verb.lower_) in L.VERB_OBJECTS)):
                continue  # "imposed sanctions", "sent troops": what was done, not to whom
            return c
        return None

    def when(self, trig: Any, light: Any | None, sent: Any) -> dict[str, Any] | None:
        anchors = {t.i for t in (trig, light) if t is not None}
        for i in range(sent.start, sent.end):
            t = self._tok_timex.get(i)
            if t is None or t["type"] not in ("DATE", "TIME"):
                continue
            tok, steps = self.doc[i], 0
            while steps < 4 and tok.i not in anchors and tok.head is not tok:
                tok, steps = tok.head, steps + 1
            if tok.i in anchors:
                return t
        in_sent = {id(t): t for i in range(sent.start, sent.end)
                   if (t := self._tok_timex.get(i)) is not None and t["type"] in ("DATE", "TIME")}
        if len(in_sent) == 1:
            t = next(iter(in_sent.values()))
            # the only date of the sentence, unless it sits in other words than the trigger's
            if self.claim_of(t["span"][0]) == self.claim_of(trig.idx):
                return t
        return None

    def where(self, trig: Any, light: Any | None) -> tuple[str | None, str | None]:
        holders = [t for t in (trig, light) if t is not None]
        holders += [o for h in list(holders) for o in _children(h, "dobj", "nsubjpass")]
        for h in holders:
            if h is None:
                continue
            for p in _children(h, "prep"):
                if p.lower_ not in L.PLACE_PREPS:
                    continue
                for o in _children(p, "pobj"):
                    lo, hi = _np(o)
                    s, e = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1].text)
                    eid = self.index.at(s, e, prefer=("GPE", "LOC", "FAC"))
                    if eid is not None or o.ent_type_ in ("GPE", "LOC", "FAC"):
                        return eid, self.text[s:e]
        return None, None

    def modality(self, trig: Any, light: Any | None) -> tuple[bool, bool]:
        negated = hypothetical = False
        for h in (trig, light):
            if h is None:
                continue
            for c in h.children:
                if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
                    negated = True
                if c.dep_ == "aux" and c.lower_ in L.MODALS:
                    hypothetical = True
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                    hypothetical = True
        tok, steps = (light or trig), 0
        while steps < 3 and tok.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj", "acl") and tok.head is not tok:
            tok = tok.head
            steps += 1
            low = tok.lower_
            if low in L.NEGATING_GOVERNORS:
                negated = True
            if low in L.HYPOTHETICAL_GOVERNORS:
                hypothetical = True
            if any(c.dep_ == "neg" for c in tok.children) and steps == 1 and tok.pos_ in ("VERB", "AUX", "ADJ"):
                negated = True
        return negated, hypothetical

    def claim_of(self, pos: int) -> str | None:
        best = None
        for c in self.claims:
            s, e = c["span"]
            if s <= pos < e and (best is None or e - s < best[1] - best[0]):
                best = (s, e, c["id"])
        return best[2] if best else None


def _governors(tok: Any) -> tuple[set[str], set[str]]:
    """(auxiliaries of the clause, words governing it up to three steps)."""
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    govs: set[str] = set()
    t, steps = tok, 0
    while steps < 3 and t.dep_ in ("xcomp", "ccomp", "acomp", "advcl", "pcomp", "prep", "pobj", "conj", "dobj") \
            and t.head is not t:
        t = t.head
        steps += 1
        govs.add(t.lower_)
        aux |= {c.lower_ for c in t.children if c.dep_ == "aux" and t.dep_ != "ccomp"}
    return aux, govs


def _reading(typ: str, tok: Any, negated: bool) -> tuple[str, str] | None:
    """PLOVER's reading of a commitment or a refusal, which replaces the event said to come:
    "will visit" is an AGREE, "will impose a curfew" a THREATEN, "would not release them" a
    REJECT. Returns (type, mode) or None when the event stands as it is."""
    aux, govs = _governors(tok)
    # "announced it has called off the strike" tells of a past act; "announced plans to send",
    # "ready to host" and "will visit" commit to one
    committed = bool(aux & L.FUTURE_AUX) or (bool(govs & L.COMMITMENT_GOVERNORS) and tok.tag_ == "VB")
    if negated:
        if typ in L.COOPERATIVE | {"CONCEDE", "RETREAT"} and (committed or govs & L.NEGATING_GOVERNORS):
            return "REJECT", "refusal"
        return None
    if not committed:
        if typ in L.HOSTILE and aux & L.POSSIBILITY_AUX and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for c in tok.children):
            # "may halt its mediation if the parties do not cooperate": a hostile act held out
            # on a condition is a threat (PLOVER THREATEN)
            return "THREATEN", "threat"
        return None
    if typ in (L.COOPERATIVE | {"CONCEDE", "RETREAT"}) - {"AGREE"}:
        return "AGREE", "commitment"
    if typ in L.HOSTILE:
        return "THREATEN", "commitment"
    return None


def _conditional(tok: Any) -> bool:
    """Whether a commitment is itself only possible: "could send", "if attacked, would strike"."""
    t, steps = tok, 0
    while True:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in L.MODALS - L.FUTURE_AUX - L.OBLIGATION_AUX:
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
        if steps >= 3 or t.dep_ not in ("xcomp", "ccomp", "acomp", "conj") or t.head == t:
            return False
        t, steps = t.head, steps + 1


@lru_cache(maxsize=1)
def _obligation_ids() -> frozenset[int]:
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in L.OBLIGATION_AUX)


def _demands(f: _Finder, sent: Any, triggers: set[int]) -> list[dict[str, Any]]:
    """"X said Y must …": a REQUEST by X of Y, whatever Y must do (what Y must do is folded
    into it as ``about``)."""
    out = []
    must = _obligation_ids()
    if not any(w in must for w in lower_ids(f.doc)[sent.start:sent.end]):
        return out  # no "must", "should" … in the sentence: no verb below has one as its aux
    for tok in tokens(f.doc)[sent.start:sent.end]:
        if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ in L.OBLIGATION_AUX for c in tok.children):
            continue
        t, steps = tok, 0
        reporting = L.REPORTING_VERBS | _attribution_forms()
        # "said Y must …", "issued a reminder that Y must …"
        while steps < 4 and (t.dep_ in ("ccomp", "conj", "xcomp", "acl") or (t.dep_ == "dobj" and steps)) \
                and t.head.i != t.i:
            t, steps = t.head, steps + 1
            if t.lower_ in reporting:
                break
        if t.i == tok.i or t.lower_ not in reporting or t.i in triggers:
            continue  # a frame that is an event itself ("warned that … must") governs on its own
        actor_tok, _ = _subject(t)
        recip_tok, _ = _subject(tok)
        actor, actor_text, actor_span = f.who(actor_tok)
        claim = f.claim_by_id.get(f.claim_of(tok.idx) or "")
        if claim is not None and claim.get("speaker"):
            # inside reported words the speaker is the one who demands, not the reporter
            actor, actor_text, actor_span = claim["speaker"], claim.get("speaker_text"), claim.get("speaker_span")
        recipient, recipient_text, _ = f.who(recip_tok)
        tstart = tok.idx
        when = f.when(tok, t, sent)
        out.append({
            "id": "", "type": "REQUEST", "trigger": f"{t.text} … {tok.text}",
            "trigger_span": [tstart, tstart + len(tok.text)], "actor": actor, "actor_text": actor_text,
            "actors": [actor] if actor else [], "recipient": recipient if recipient != actor else None,
            "recipient_text": recipient_text, "when": when["value"] if when else None,
            "when_text": when["text"] if when else None, "where": None, "where_text": None,
            "span": [min(tstart, actor_span[0] if actor_span else tstart), tstart + len(tok.text)],
            "negated": False, "hypothetical": False, "asserted_by": f.claim_of(tstart),
            "mode": "demand", "about": None,
            "_trig": tok, "_light": None, "_frame": t,
        })
    return out


@lru_cache(maxsize=1)
def _attribution_forms() -> frozenset[str]:
    return frozenset(f for lemma in L.ATTRIBUTION_VERBS for f in _verb_forms(lemma))


def _effective_root(sent: Any) -> Any:
    """The head of what a sentence reports: the root, or for "X did Y, officials said" the
    clause before a trailing attribution."""
    r = sent.root
    for _ in range(3):
        if r.lower_ not in _attribution_forms():
            break
        before = [c for c in r.children if c.dep_ in ("ccomp", "parataxis") and c.i < r.i and c.pos_ in ("VERB", "AUX")]
        if not before:
            break
        r = before[0]
    return r


def _trailing(tok: Any) -> bool:
    """Whether ``tok`` heads words reported before their speaker ("X attacked Y, Z charged")."""
    return tok.dep_ in ("ccomp", "parataxis") and tok.i < tok.head.i


_HARD_BOUNDARIES = ("relcl", "parataxis", "appos", "acl:relcl")


def _clause_edge(t: Any) -> str | None:
    """The kind of clause edge crossed going from ``t`` to its head, if any: "relcl", "conj",
    "advcl" (a co-event: "…, killing 20"; "when they blew…"), "ccomp" (finite complement)."""
    if t.dep_ in _HARD_BOUNDARIES:
        return "relcl" if t.dep_ != "parataxis" else "parataxis"
    if t.pos_ not in ("VERB", "AUX"):
        return None
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.lower_ not in _RELATIVES
                      for c in t.children)
    if t.dep_ == "conj":
        return "conj"
    if t.dep_ == "advcl" and (own_subject or (t.tag_ == "VBG" and not any(c.dep_ in ("mark", "aux") for c in t.children))):
        return "advcl"
    if t.dep_ == "ccomp" or (own_subject and t.dep_ in ("xcomp", "acl", "pcomp")):
        return "ccomp"
    if t.dep_ == "acl" and t.tag_ in ("VBN", "VBG") and t.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in ("aux", "mark") for c in t.children) and not _trailing_root(t):
        return "relcl"  # "the agreement signed in March", "demonstrators protesting …": a reduced relative
    return None


_SUBORDINATORS = {"when", "after", "before", "as", "since", "because", "while", "until", "once", "though", "although"}


def _subordinate(t: Any) -> bool:
    """Whether ``t`` heads a clause told as the setting of another ("when Amin expelled them")."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS for c in t.children)


def _own_clause(t: Any, root: Any) -> bool:
    """A coordinated or separate clause with a subject of its own (what a trailing "officials
    said" reports counts as the sentence's own)."""
    for _ in range(3):  # the verb that carries a noun trigger ("held talks")
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ not in _RELATIVES for c in t.children)
    if not own_subject:
        return False
    if (root is not None and t.i == root.i) or t.head.i == t.i or t.dep_ in ("conj", "parataxis"):
        return True
    return t.dep_ == "ccomp" and _trailing_root(t.head)


def _participle(t: Any) -> bool:
    """A participle without a subject of its own: "…, demanding his release"."""
    return t.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in t.children)


def _governor(e: dict[str, Any], at: dict[int, list[dict[str, Any]]]) -> tuple[dict[str, Any] | None, str]:
    """The event that ``e`` belongs to (its object, complement or purpose), and, when none, the
    clause edge that makes ``e`` an event of its own ("root", "conj", "relcl", …)."""
    def pick(i: int) -> dict[str, Any] | None:
        others = [g for g in at.get(i, ()) if g is not e]
        demand = [g for g in others if g["mode"] == "demand"]
        verbs = [g for g in others if g["_trig"].i == i]
        return (demand or verbs or others or [None])[0]

    trig, light = e["_trig"], e["_light"]
    if e["mode"] != "demand":
        if light is not None:
            # "agreed to a truce": the verb's own event holds the noun's; "renewed talks on
            # a pullback": the verb's object holds the other noun
            for g in at.get(light.i, ()):
                if g is e:
                    continue
                if g["_trig"].i == light.i or (g["_light"] is not None and g["_light"].i == light.i
                                               and g["_trig"].dep_ in ("dobj", "nsubjpass")
                                               and trig.dep_ not in ("dobj", "nsubjpass")):
                    return g, ""
        elif any(g["mode"] == "demand" for g in at.get(trig.i, ())):
            return pick(trig.i), ""
        actor = e.get("_actor_tok")
        if actor is not None:
            g = pick(actor.i)
            if g is not None and g["_trig"].i == actor.i and g["_trig"].pos_ not in ("VERB", "AUX"):
                return g, ""  # "a strike that shut down the capital": what the strike did
    t = light or trig
    finite: Any = None
    speech: str | None = None
    for _ in range(12):
        if t.head.i == t.i:
            return None, "root"
        edge = _clause_edge(t)
        if edge == "conj" and t.head.dep_ in ("xcomp", "pcomp") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            edge = None  # "refused to let them land and evacuate": one complement
        if edge in ("relcl", "advcl") and e["type"] in L.SPEECH_TYPES and _participle(t) and speech is None:
            speech = edge  # "rallies … demanding his release": maybe what the rally says
        elif edge in ("conj", "advcl"):
            # "killed 5 and wounded 10", "shelled the town, killing 20": one event told twice
            g = _nearest(t.head, e, pick)
            if g is not None and g["type"] == e["type"] and _same_actor(e, g):
                return g, ""
            return None, edge
        elif edge in ("relcl", "parataxis"):
            return None, edge
        if edge == "ccomp":
            if finite is not None:
                return None, "ccomp"
            finite = t
        t = t.head
        g = pick(t.i)
        if g is not None:
            if speech is not None and g["type"] not in L.SPEECH_TYPES | {"PROTEST"}:
                return None, speech
            if finite is not None and (g["type"] not in L.CONTENT_TYPES or _trailing(finite)):
                return None, "ccomp"  # "X attacked Y, Z charged": the attack is the news
            return g, ""
    return None, "root"


def _nearest(t: Any, e: dict[str, Any], pick: Any) -> dict[str, Any] | None:
    """The event at ``t`` or the nearest above it, across no clause edge."""
    for _ in range(8):
        g = pick(t.i)
        if g is not None:
            return g
        if t.head.i == t.i or _clause_edge(t) is not None:
            return None
        t = t.head
    return None


def _same_actor(e: dict[str, Any], g: dict[str, Any]) -> bool:
    a = e.get("_actor_tok")
    if a is None or a.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS or (e["actor"] and e["actor"] == g["actor"]):
        return True
    ga = g.get("_actor_tok")
    return ga is not None and a.i == ga.i


def _in_subject(tok: Any) -> bool:
    """Whether ``tok`` lies in the subject of a clause ("a member of the team trying to broker a
    pact said"), where an event is a description of someone, not news."""
    t = tok
    for _ in range(12):
        if t.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _condition(tok: Any) -> bool:
    """Whether ``tok`` is in an "if"/"unless" clause: a condition, not an event."""
    t = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.dep_ in ("advcl", "ccomp", "relcl", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _purpose(tok: Any) -> bool:
    """Whether ``tok`` heads a clause of purpose: "so that …", "in order that/to …"."""
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if "so" in marks and ("that" in marks or tok.dep_ == "advcl"):
        return True
    return tok.dep_ == "acl" and tok.head.lower_ == "order" and tok.head.head.lower_ == "in"


def _depth(tok: Any, root: Any) -> int:
    steps, t = 0, tok
    while t != root and t.head != t and steps < 20:
        t, steps = t.head, steps + 1
    return steps if t == root else steps + 10


def _fold(top: dict[str, Any], e: dict[str, Any]) -> None:
    """Put a subordinate event into the event it belongs to: the same event told twice ("killed
    … in an attack") merges; otherwise it is what the top event is about ("threatened to cut
    off electricity to X": a THREATEN about SANCTION, against X) or for ("opened fire to
    disperse the crowd"); an event only in the background ("arrested after the bombing") is
    let go."""
    anchor, top_anchor = e["_light"] or e["_trig"], top["_light"] or top["_trig"]
    purpose = anchor.dep_ in ("xcomp", "advcl") and anchor.head.i == top_anchor.i  # "fired to disperse"
    if e["type"] != top["type"] and top.get("about") is None and (top["type"] in L.CONTENT_TYPES or purpose):
        top["about"] = e["type"]
    if top["recipient"] is None and top["recipient_text"] is None:
        src = ("actor", "actor_text") if top["type"] == "REJECT" else ("recipient", "recipient_text")
        if e[src[0]] is not None and e[src[0]] not in top["actors"]:
            top["recipient"], top["recipient_text"] = e[src[0]], e[src[1]]


def _organise(f: _Finder, sent: Any, cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per clause: subordinate events fold into the event they belong to, commitments
    and refusals take PLOVER's reading, and the rest are ranked, main event first."""
    if not cands:
        return []  # most sentences: nothing to organise (their root is not asked for)
    at: dict[int, list[dict[str, Any]]] = {}
    for e in cands:
        for tok in (e["_trig"], e["_light"]):
            if tok is not None:
                at.setdefault(tok.i, []).append(e)
    gov: dict[int, dict[str, Any] | None] = {}
    for e in cands:
        g, edge = _governor(e, at)
        gov[id(e)] = g
        e["_edge"] = edge
    tops = []
    for e in cands:
        g, seen = gov[id(e)], {id(e)}
        if g is None:
            tops.append(e)
            continue
        direct = True
        while gov.get(id(g)) is not None and id(g) not in seen:
            seen.add(id(g))
            g, direct = gov[id(g)], False
        if direct:
            _fold(g, e)
    for e in tops:
        if e["mode"] is None:
            reading = _reading(e["type"], e["_light"] or e["_trig"], e["negated"])
            if reading is not None:
                e["about"], e["type"], e["mode"] = e["type"], reading[0], reading[1]
                e["negated"] = False  # the refusal, or the promise, did take place
                e["hypothetical"] = _conditional(e["_light"] or e["_trig"])
    # an event in a relative clause, or a bare noun, says too little without someone doing it;
    # a condition ("if it is attacked") did not happen
    keep = []
    for e in tops:
        anchor = e["_light"] or e["_trig"]
        if e["_edge"] == "relcl" and e["actor_text"] is None:
            continue
        if e["actor_text"] is None and e["recipient_text"] is None and anchor.pos_ not in ("VERB", "AUX"):
            continue
        if _condition(anchor):
            continue
        if e["actor_text"] is None and _purpose(anchor):
            continue  # "… so that such marriages are banned": an aim, not a deed
        keep.append(e)
    root = _effective_root(sent)
    for e in keep:
        anchors = [t for t in (e["_light"] or e["_trig"], e.get("_frame")) if t is not None]
        e["_depth"] = min(_depth(t, root) for t in anchors)
    keep.sort(key=lambda e: (e["_depth"], e["actor_text"] is None, e["_trig"].pos_ not in ("VERB", "AUX"), e["trigger_span"][0]))
    # beside the main event, one with no one doing it ("20 people were killed or wounded"), or
    # told inside someone's description ("a member of the team trying to broker a pact"), is
    # background, not news
    # a bare event noun beside it ("since last month's invasion") names an event told elsewhere
    # and beside it only a clause of its own is a second event: "X attacked Y and Z fled", not
    # what the main actor went on to do in the same breath ("refused to meet him, saying he
    # would…", "was indicted and will resign", "when Amin expelled them": background), or one
    # with a date of its own ("the partnership he signed in June")
    keep = keep[:1] + [e for e in keep[1:] if e["actor_text"] is not None
                       and not _in_subject(e["_light"] or e["_trig"])
                       and (e["_light"] is not None or e["_trig"].pos_ in ("VERB", "AUX"))
                       and (_own_clause(e["_light"] or e["_trig"], root)
                            or e["when"] is not None and e["when"] != keep[0]["when"]
                            and not _subordinate(e["_light"] or e["_trig"]))]
    for rank, e in enumerate(keep, 1):
        conf = 0.9 if rank == 1 and e["_depth"] == 0 else 0.8 if rank == 1 else \
            0.6 if e["_edge"] in ("conj", "advcl", "root") else 0.5
        if e["actor_text"] is None:
            conf -= 0.2
        if e["_light"] is None and e["_trig"].pos_ not in ("VERB", "AUX"):
            conf -= 0.1
        if e["asserted_by"] is not None:
            conf -= 0.05
        e["rank"], e["confidence"] = rank, round(max(conf, 0.1), 2)
    return keep


def find_events(doc: Any, reading: Reading, entities: list[dict[str, Any]],
                claims: list[dict[str, Any]], timexes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The PLOVER events of one parsed document (``doc`` is the spaCy Doc of ``reading.text``)."""
    if not doc.has_annotation("DEP"):
        return []
    f = _Finder(doc, reading, entities, claims, timexes)
    events: list[dict[str, Any]] = []
    toks = tokens(doc)
    starts = _trigger_starts(doc)
    for sent in doc.sents:
        found = []
        for i in starts[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]:
            trig = f.trigger(toks[i])
            if trig is not None:
                found.append(trig)
        verb_events = {(t.i, typ) for typ, t, light in found if light is None}
        cands: list[dict[str, Any]] = []
        seen: set[int] = set()
        for typ, trig, light in found:
            if trig.pos_ in ("VERB", "AUX") and trig.dep_ == "amod":
                continue  # "Syrian-backed", "the banned movement": a description, not an event
            if trig.pos_ != "VERB" and any((c.i, typ) in verb_events for c in trig.children if c.dep_ in ("relcl", "acl")):
                continue  # "the partnership he signed": the verb tells it
            if trig.i in seen:
                continue
            seen.add(trig.i)
            if light is not None:
                actor_tok, _ = _subject(light)
            elif trig.pos_ in ("VERB", "AUX"):
                actor_tok, _ = _subject(trig)
            else:
                actor_tok = None
                for c in trig.children:
                    if (c.dep_ == "poss" and c.ent_type_ not in _TIME_ENTS) or (
                            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")):
                        actor_tok = c
                        break
                    if c.dep_ == "prep" and c.lower_ in ("by", "between", "from"):
                        objs = _children(c, "pobj")
                        if objs:
                            actor_tok = objs[0]
                            break
            recip_tok = f.recipient(typ, trig, light, actor_tok)
            actor, actor_text, actor_span = f.who(actor_tok)
            recipient, recipient_text, recipient_span = f.who(recip_tok)
            if recipient is not None and recipient == actor:
                recipient, recipient_text, recipient_span = None, None, None
            actors = [actor] if actor else []
            if actor_tok is not None:
                for c in _children(actor_tok, "conj"):
                    eid = f.who(c)[0]
                    if eid and eid not in actors and eid != recipient:
                        actors.append(eid)
            t = f.when(trig, light, sent)
            where, where_text = f.where(trig, light)
            negated, hypothetical = f.modality(trig, light)
            tstart, tend = _word_span(trig)
            lo = min([tstart] + [sp[0] for sp in (actor_span, recipient_span) if sp])
            hi = max([tend] + [sp[1] for sp in (actor_span, recipient_span) if sp])
            lo, hi = max(lo, sent.start_char), min(hi, sent.end_char)
            cands.append({
                "id": "",
                "type": typ,
                "trigger": f.text[tstart:tend] if light is None else f"{light.text} … {f.text[tstart:tend]}",
                "trigger_span": [tstart, tend],
                "actor": actor,
                "actor_text": actor_text,
                "actors": actors,
                "recipient": recipient,
                "recipient_text": recipient_text,
                "when": t["value"] if t else None,
                "when_text": t["text"] if t else None,
                "where": where,
                "where_text": where_text,
                "span": [lo, hi],
                "negated": negated,
                "hypothetical": hypothetical,
                "asserted_by": f.claim_of(tstart),
                "mode": None,
                "about": None,
                "_trig": trig,
                "_light": light,
                "_actor_tok": actor_tok,
            })
        cands += _demands(f, sent, {c["_trig"].i for c in cands})
        events += _organise(f, sent, cands)
    events.sort(key=lambda e: e["trigger_span"][0])
    for i, ev in enumerate(events, 1):
        ev["id"] = f"v{i}"
        for k in [k for k in ev if k.startswith("_")]:
            del ev[k]
    return events
