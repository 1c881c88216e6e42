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
- ``negated`` ("did not attack", "refused to meet"), ``hypothetical`` (modals, the future,
  "threatened to", "if"), and ``asserted_by``: the claim whose content holds the trigger.

Actors and recipients are entity ids when an entity is named there, with the words as
``actor_text``/``recipient_text`` either way.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..model import Reading
from . import event_lexicon as L
from .entities import EntityIndex

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they", "them", "we"}
_RELATIVES = {"who", "which", "that", "whom"}
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
        | set(L.VERB_OBJECTS) | set(L.LIGHT_VERBS) | set(L.REVERSAL_VERBS) | set(L.VERB_SUBJECT_TYPES)
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
    return [c for c in tok.children if c.dep_ in deps]


def _is_passive(v: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


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
    subj = _children(v, "nsubj", "csubj")
    if subj:
        s = subj[0]
        if s.lower_ in _RELATIVES and v.dep_ == "relcl":
            return v.head, False
        return s, False
    if v.dep_ == "relcl":
        return v.head, False
    if v.dep_ in ("acl",) and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head, False
    if v.dep_ == "xcomp":
        # object control: "urged Iran to stop" → Iran stops
        objs = _children(v.head, "dobj")
        if objs and v.head.lower_ not in ("promised", "promise", "promises", "pledged"):
            return objs[0], True
        return _subject(v.head, depth + 1)
    if v.dep_ in ("conj", "advcl", "pcomp") and v.head is not v:
        return _subject(v.head, depth + 1)
    return None, False


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
        verb_lemma, verb_type, nouns, singular = self.tables
        low = tok.lower_
        if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and low in verb_lemma and tok.dep_ != "aux"):
            lemma = verb_lemma.get(low)
            if lemma is None:
                return None
            if lemma in L.VERB_OBJECTS:
                for o in _children(tok, "dobj", "nsubjpass"):
                    word = singular.get(o.lower_, o.lower_)
                    for typ, objs in L.VERB_OBJECTS[lemma]:
                        if word in objs:
                            return typ, tok, None
            for c in tok.children:
                if c.dep_ in ("prt", "prep", "dobj", "advmod") and (lemma, c.lower_) in L.PHRASAL:
                    return L.PHRASAL[(lemma, c.lower_)], tok, None
            if lemma in L.VERB_SUBJECT_TYPES:
                for s in _children(tok, "nsubj"):
                    typ = L.VERB_SUBJECT_TYPES[lemma].get(s.lower_)
                    if typ:
                        return typ, tok, None
            if lemma in verb_type and lemma not in L.PHRASAL_ONLY:
                return verb_type[lemma], tok, None
            return None
        if tok.pos_ in ("NOUN", "PROPN") and low in nouns and tok.ent_type_ not in ("PERSON", "GPE", "ORG") \
                and tok.dep_ != "compound":
            mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
            head = singular.get(low, low)
            if head in L.NOUN_MODIFIER_TYPES:
                for m, typ in L.NOUN_MODIFIER_TYPES[head].items():
                    if m in mods:
                        if not typ:
                            return None
                        return typ, tok, self._light_verb(tok)
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
            if verb in L.SUPPRESSION_VERBS and typ == "PROTEST":
                return "COERCE", tok, light
            if verb in L.REVERSAL_VERBS and typ in L.REVERSIBLE:
                return "CONCEDE", tok, light
            if verb in L.REVERSAL_VERBS and typ in L.COOPERATIVE:
                return "SANCTION", tok, light
            return typ, tok, light
        return None

    def _light_verb(self, noun: Any) -> Any | None:
        verb_lemma = self.tables[0]
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
            holders += [o for o in _children(verb, "dobj") if o is not trig]
        for h in holders:
            for p in _children(h, "prep"):
                if p.lower_ in preps:
                    cands += _children(p, "pobj")
        if light is not None and _is_passive(light):
            cands += [c for c in _children(light, "nsubjpass") if c is not trig]
        nouns, singular = self.tables[2], self.tables[3]
        for c in cands:
            if c is trig or c is actor_tok or c.lower_ in _RELATIVES:
                continue
            if c.ent_type_ == "" and (c.lower_ in nouns or c.lower_ in singular):
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


def _derived(typ: str, tok: Any, negated: bool) -> tuple[str, str] | None:
    """The PLOVER reading of a commitment or refusal: "will visit" also AGREE, "will impose a
    curfew" also THREATEN, "would not meet the demands" REJECT."""
    aux, govs = _governors(tok)
    committed = bool(aux & L.FUTURE_AUX) or bool(govs & L.COMMITMENT_GOVERNORS)
    if negated:
        if typ in L.COOPERATIVE | {"CONCEDE", "RETREAT"} and (committed or govs & L.NEGATING_GOVERNORS):
            return "REJECT", "refusal"
        return None
    if not committed:
        return None
    if typ in (L.COOPERATIVE | {"CONCEDE", "RETREAT"}) - {"AGREE"}:
        return "AGREE", "commitment"
    if typ in L.HOSTILE:
        return "THREATEN", "commitment"
    return None


def _demands(f: _Finder, sent: Any, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"X said Y must …": a REQUEST by X of Y, whatever Y must do."""
    out = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ in L.OBLIGATION_AUX for c in tok.children):
            continue
        t, steps = tok, 0
        while steps < 3 and t.dep_ in ("ccomp", "conj", "xcomp") and t.head is not t:
            t, steps = t.head, steps + 1
            if t.lower_ in L.REPORTING_VERBS:
                break
        if t is tok or t.lower_ not in L.REPORTING_VERBS:
            continue
        actor_tok, _ = _subject(t)
        recip_tok, _ = _subject(tok)
        actor, actor_text, actor_span = f.who(actor_tok)
        claim = f.claim_by_id.get(f.claim_of(tok.idx) or "")
        if claim is not None and claim.get("speaker"):
            # inside reported words the speaker is the one who demands, not the reporter
            actor, actor_text, actor_span = claim["speaker"], claim.get("speaker_text"), claim.get("speaker_span")
        recipient, recipient_text, _ = f.who(recip_tok)
        tstart = tok.idx
        if any(e["type"] == "REQUEST" and e["trigger_span"][0] == tstart for e in events):
            continue
        when = f.when(tok, t, sent)
        negated, _ = f.modality(tok, None)
        out.append({
            "id": "", "type": "REQUEST", "trigger": f"{t.text} … {tok.text}",
            "trigger_span": [tstart, tstart + len(tok.text)], "actor": actor, "actor_text": actor_text,
            "actors": [actor] if actor else [], "recipient": recipient if recipient != actor else None,
            "recipient_text": recipient_text, "when": when["value"] if when else None,
            "when_text": when["text"] if when else None, "where": None, "where_text": None,
            "span": [min(tstart, actor_span[0] if actor_span else tstart), tstart + len(tok.text)],
            "negated": negated, "hypothetical": True, "asserted_by": f.claim_of(tstart),
            "mode": "demand",
        })
    return out


def find_events(doc: Any, reading: Reading, entities: list[dict[str, Any]],
                claims: list[dict[str, Any]], timexes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The PLOVER events of one parsed document (``doc`` is the spaCy Doc of ``reading.text``)."""
    if not doc.has_annotation("DEP"):
        return []
    f = _Finder(doc, reading, entities, claims, timexes)
    events: list[dict[str, Any]] = []
    seen: set[tuple[int, str]] = set()
    for sent in doc.sents:
        found = []
        for tok in sent:
            trig = f.trigger(tok)
            if trig is not None:
                found.append(trig)
        verb_events = {(t.i, typ) for typ, t, light in found if light is None}
        for typ, trig, light in found:
            # "signed an agreement", "the partnership he signed": the verb already is the event
            if light is not None and (light.i, typ) in verb_events:
                continue
            if trig.pos_ != "VERB" and any((c.i, typ) in verb_events for c in trig.children if c.dep_ in ("relcl", "acl")):
                continue
            key = (trig.i, typ)
            if key in seen:
                continue
            seen.add(key)
            if light is not None:
                actor_tok, _ = _subject(light)
            elif trig.pos_ in ("VERB", "AUX"):
                actor_tok, _ = _subject(trig)
            else:
                actor_tok = None
                for c in trig.children:
                    if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")):
                        actor_tok = c
                        break
                    if c.dep_ == "prep" and c.lower_ in ("by", "between", "from"):
                        objs = _children(c, "pobj")
                        if objs:
                            actor_tok = objs[0]
                            break
            recip_tok = f.recipient(typ, trig, light, actor_tok)
            if light is None and trig.pos_ != "VERB" and actor_tok is None and recip_tok is None:
                continue  # a bare event noun ("a defence agreement") says too little
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
            tstart, tend = trig.idx, trig.idx + len(trig.text)
            lo = min([tstart] + [sp[0] for sp in (actor_span, recipient_span) if sp])
            hi = max([tend] + [sp[1] for sp in (actor_span, recipient_span) if sp])
            lo, hi = max(lo, sent.start_char), min(hi, sent.end_char)
            base = {
                "id": "",
                "type": typ,
                "trigger": trig.text if light is None else f"{light.text} … {trig.text}",
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
            }
            events.append(base)
            derived = _derived(typ, light or trig, negated)
            if derived and not any(e["type"] == derived[0] and e["trigger_span"] == [tstart, tend] for e in events):
                events.append({**base, "type": derived[0], "mode": derived[1]})
        events += _demands(f, sent, events)
    events.sort(key=lambda e: e["trigger_span"][0])
    for i, ev in enumerate(events, 1):
        ev["id"] = f"v{i}"
    return events
