"""Who the speaker is: the dateline kept out of it, conduits (a medium that carries another's
words), and coreference: pronouns to the person they stand for (gender agreement, salience,
never the addressee or a person named in the content), titles and roles to names."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from importlib import resources

from ...model import Reading
from .. import cues
from ..entities import EntityIndex
from .parse import Span, _animate, _Cand, _char_end, _ents, _mentions_in, _text


def _datelines(reading: Reading, paras: list[Span]) -> list[Span]:
    """The datelines kept in the text: the reading's own, and any other that opens a paragraph
    (a live page's entries, a text whose headline comes first: "PHILADELPHIA, July 25 (UPI) —")."""
    from ...extract.meta import parse_dateline

    spans = [tuple(reading.dateline.span)] if reading.dateline and reading.dateline.span else []
    text = reading.text
    for ps, pe in paras:
        if not text[ps:ps + 1].isupper() and text[ps:ps + 1] != "(":
            continue
        found = parse_dateline(text[ps:min(pe, ps + 200)], reading.published)
        if found is None:
            continue
        line, head = found[0], text[ps:ps + found[1]].rstrip()
        if head.endswith(":") and not line.agency:
            continue  # "BENENSON: …" is a transcript's speaker, not a place
        # "(Reuters)", or a place in capitals ("HANOI", "RANGOON, Burma", "JACKSON, Miss.")
        if line.agency or line.place and line.place.split(",")[0].isupper():
            span = (ps, ps + len(head))
            if span not in spans:
                spans.append(span)
    return spans


def _outside_dateline(cands: list[_Cand], reading: Reading, paras: list[Span] = ()) -> list[_Cand]:
    """A dateline kept in the text ("HANOI (Reuters) - ") is neither speaker nor content."""
    for span in _datelines(reading, paras):
        cands = _outside_one_dateline(cands, reading, span)
    return cands


#: the capitalised words that open a story after its dateline ("The Harbour Party", "Democrat
#: Hillary Clinton")
_NAME_AFTER_DATELINE = re.compile(r"[^\w\n]*(?:(?:The|A|An)\s+)?(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*(?=\s+[a-z])")


def _outside_one_dateline(cands: list[_Cand], reading: Reading, span: Span) -> list[_Cand]:
    start, end = span
    text = reading.text
    kept = []
    fixed: dict[Span, Span] = {}  # a speaker span the dateline cut → what it became
    for c in sorted(cands, key=lambda c: c.cue_span[0]):
        if c.speaker_span in fixed:
            c.speaker_span = fixed[c.speaker_span]  # "… released a statement saying …": the same speaker
        elif c.speaker_span and c.speaker_span[0] < end and c.speaker_span[1] > start:
            # the parser ran the dateline into the subject ("LONDON (Reuters) - Minister X"):
            # the speaker is what follows it
            old = ss, se = c.speaker_span
            if se <= end:
                # the parser took the place for the subject: the speaker is the words between
                # the dateline and the cue ("PARIS (AP) — The party released …")
                lead = text[end:c.cue_span[0]] if c.cue_span[0] > end else ""
                words = re.findall(r"[\w’'.-]+", lead)
                if not words or len(words) > 8 or "\n" in lead or "," in lead:
                    # a longer clause first ("— Democrat X has taken a swipe at Y, saying …"):
                    # its subject is the name that opens it
                    m = _NAME_AFTER_DATELINE.match(text, end, c.cue_span[0])
                    if m is None:
                        continue
                    lead = text[end:m.end()]
                se = end + len(lead.rstrip())
            ss = end
            while ss < se and not text[ss].isalnum():
                ss += 1
            if ss >= se:
                continue
            c.speaker_span = fixed[old] = (ss, se)
        s, e = c.content
        if s < end < e:
            while end < e and text[end].isspace():
                end += 1
            c.content = (end, e)
            end = span[1]
        kept.append(id(c))
    keep = set(kept)
    return [c for c in cands if id(c) in keep]



def _nest(cands: list[_Cand]) -> None:
    """Mark attributions whose content holds another attribution as conduits of it."""
    place = {id(o): i for i, o in enumerate(cands)}
    order = sorted(cands, key=lambda o: o.content[0])
    starts = [o.content[0] for o in order]
    longest = max((o.content[1] - o.content[0] for o in cands), default=0)
    for inner in cands:
        # only contents opening by the cue and no longer ago than the longest content can hold it
        near = order[bisect_left(starts, inner.cue_span[0] - longest):bisect_right(starts, inner.cue_span[0])]
        outers = [o for o in near if o is not inner
                  and o.content[0] <= inner.cue_span[0] and inner.cue_span[1] <= o.content[1]
                  and (inner.speaker_span is None or o.content[0] <= inner.speaker_span[0])]
        outers.sort(key=lambda o: (o.content[1] - o.content[0], place[id(o)]))
        inner.outer = outers
        for o in outers:
            o.conduit = True



_SPELLED_NUMBER = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five"
                   r"|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                   r"|(?:thir|four|fif|six|seven|eigh|nine)teen)")
#: a share of those polled, as the subject of what they answered ("54 percent of voters said",
#: "Forty-four percent", "about half", "6 in 10 Democrats", "twice as many retirees", "a majority
#: of respondents")
RESPONDENT_SHARE = re.compile(
    r"(?:(?:about|some|nearly|almost|roughly|only|just|over|under|(?:more|less|fewer) than|a|the)\s+)*"
    rf"(?:(?:\d[\d.,]*|{_SPELLED_NUMBER})\s*(?:percent|per\s+cent|%)"
    rf"|(?:\d+|{_SPELLED_NUMBER})\s+(?:in|out\s+of)\s+(?:\d+|ten)"
    r"|(?:twice|(?:two|three|four) times|half) as many"
    r"|most|majority|minority|plurality|half|(?:two-)?thirds?"
    r"|(?:three-)?quarters?|fifth)(?!\w)", re.I)  # (not \b: "58% of" has no word boundary after "%")

#: what a poll's findings are given as ("a Times/CBS News poll", "exit polling", "the survey")
POLL_WORDS = frozenset({"poll", "polls", "polling", "survey", "surveys"})


def _polled(cands: list[_Cand], text: str) -> list[_Cand]:
    """'54 percent of voters said X, according to the poll' / '…, the survey found': what a share
    of respondents answered is the poll's finding. The claim is the poll's, its content the whole
    answer (who answered included), and the poll's own attribution of it is the same claim."""
    gone: set[int] = set()
    for c in cands:
        if c.speaker_span is None or not c.outer or not RESPONDENT_SHARE.match(text, *c.speaker_span):
            continue
        for o in c.outer:
            named = o.refers or o.speaker_span
            if named is None or id(o) in gone:
                continue
            if not POLL_WORDS & set(re.findall(r"[a-z]+", text[named[0]:named[1]].lower())):
                continue
            others = [x for x in cands if x is not c and o in x.outer]
            start, end = min(c.speaker_span[0], c.content[0]), c.content[1]
            cut = min(x[0] for x in (named, o.cue_span))
            if start < cut < end:  # "…, a survey found": the poll's words are no part of the answer
                end = cut
                while end > start and (text[end - 1].isspace() or text[end - 1] in ",;—–-"):
                    end -= 1
            c.content = (start, end)
            c.speaker_span, c.refers, c.head = o.speaker_span, o.refers, o.head
            c.mode, c.cue, c.cue_span, c.outer = o.mode, o.cue, o.cue_span, o.outer
            c.date_text = c.date_text or o.date_text
            if not others:
                gone.add(id(o))
            break
    return [c for c in cands if id(c) not in gone]


def _poll_in_clause(c: _Cand, doc):
    """The poll named in the clause of a respondents' answer that no attribution of the poll's
    own holds: "In a Marist survey released Tuesday, 41 percent said …", "… said X in a Gallup
    poll", "A Pew survey shows 58% say …" (the poll the subject of the verb the answer hangs
    from). The poll's noun token, or None."""
    cue = doc.char_span(c.cue_span[0], c.cue_span[1], alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    tok = cue.root
    sent = tok.sent
    up = tok
    for _ in range(2):  # "shows 58% say", "found that about half said"
        if up.dep_ not in ("ccomp", "conj") or up.head.pos_ not in ("VERB", "AUX"):
            break
        up = up.head
        subj = next((ch for ch in up.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i < up.i:
            polled = [t for t in subj.subtree if t.lower_ in POLL_WORDS]
            if polled:
                return subj
    return next((t for t in sent if t.lower_ in POLL_WORDS and t.dep_ == "pobj" and t.head.lower_ == "in"), None)


def _polled_in_clause(cands: list[_Cand], doc, text: str) -> None:
    """'In a Marist survey released Tuesday, 41 percent of Democrats said X': what the share
    polled answered is the poll's finding when the poll is named in the clause itself (no
    attribution of the poll's own to merge with, as _polled does): the poll speaks, and the
    content is the whole answer, who answered included, the poll's own words left out."""
    if not doc.has_annotation("DEP"):
        return
    for c in cands:
        if c.speaker_span is None or c.refers or c.outer or c.mode not in ("lead", "trail") \
                or not RESPONDENT_SHARE.match(text, *c.speaker_span):
            continue
        poll = _poll_in_clause(c, doc)
        if poll is None:
            continue
        first, last = poll.left_edge, poll.right_edge
        if poll.dep_ == "pobj":
            first = poll.head  # "in a … poll": the preposition goes with the poll
        ps, pe = first.idx, last.idx + len(last.text)
        if ps < c.speaker_span[1] and c.speaker_span[0] < pe:
            continue
        if c.content[0] <= ps < c.content[1] and not any(t.pos_ == "PROPN" for t in poll.subtree):
            continue  # "said they would vote in the poll": only a named poll ("in a Gallup poll") is the source
        start, end = min(c.speaker_span[0], c.content[0]), c.content[1]
        if start < ps < end:  # "… said X in a Gallup poll": the poll's words are no part of the answer
            end = ps
            while end > start and (text[end - 1].isspace() or text[end - 1] in ",;—–-"):
                end -= 1
        if end <= start:
            continue
        if poll.dep_ == "pobj":
            ps = first.idx + len(first.text)
            while ps < pe and text[ps].isspace():
                ps += 1
        c.content = (start, end)
        c.speaker_span, c.head = (ps, pe), poll


def _medium(c: _Cand, text: str, index: EntityIndex) -> bool:
    """Whether an attribution's speaker is a medium (a news agency, state media, a newspaper, a
    report) rather than a person or body that relays what another said as its own claim
    ("Morrison testified that Sondland said …" is Morrison's claim too)."""
    if c.cue.lower() in cues.MEDIUM_CUES:
        return True
    if c.speaker and index.by_id.get(c.speaker, {}).get("agency"):
        return True
    span = c.refers or c.speaker_span
    if span is None:
        return c.mode in ("according",)
    words = set(re.findall(r"[\w-]+", text[span[0]:span[1]].lower()))
    return bool(words & cues.MEDIUM_WORDS)


def _carrier_only(c: _Cand, cands: list[_Cand], text: str, index: EntityIndex) -> bool:
    """Whether a medium that carries another's words is only a link of the chain, kept in the
    inner claim's ``via`` and not a claim of its own: a news agency (a wire service, state media:
    "…, KCNA said", "state media reported"), or a medium named inside the words of a claim it
    would carry ("X said there was no evidence in the report that …"). Any other medium that
    reports another's words, a newspaper, a network, a website, a report, a poll ("…, the Daily
    Planet reported", "according to the report"), makes a claim of its own as well: what it
    reported, its whole content, beside the inner claim."""
    if any(x.content[0] <= c.cue_span[0] < x.content[1] and any(o is c for o in x.outer) for x in cands):
        return True
    if c.speaker and index.by_id.get(c.speaker, {}).get("agency"):
        return True
    span = c.refers or c.speaker_span
    if span is None:
        return True
    words = re.findall(r"\w+|-", text[span[0]:span[1]].lower())
    if set(words) & cues.AGENCY_WORDS:
        return True
    return any(tuple(words[i:i + len(seq)]) == seq for seq in cues.STATE_MEDIA + cues.AGENCY_PHRASES
               for i in range(len(words)))



def _named_in_apposition(c: _Cand, text: str) -> None:
    """A speaker described first and named after ("One pastor in the town, Jo Hale, said …", "the
    union's chief, Ana Ruiz, praised …"): the name in apposition is the speaker mention."""
    head, span = c.head, c.speaker_span
    if head is None or span is None or c.refers or head.ent_type_ and head.pos_ != "NUM" \
            or not (head.pos_ in ("NOUN", "NUM") or head.lower_ in ("one", "another")):
        return
    for ch in head.children:
        if ch.dep_ != "appos" or ch.idx < span[1] or ch.pos_ != "PROPN" or ch.ent_type_ not in ("", "PERSON", "ORG"):
            continue
        doc = ch.doc
        s = e = ch.i
        if any(doc[k].pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT") and doc[k].lower_ != "of"
               for k in range(ch.left_edge.i, ch.i)):  # titles may hold "of": "Secretary of State X"
            return
        s = ch.left_edge.i  # its first names and titles ("former governor Ana Ruiz")
        while e + 1 < len(doc) and doc[e + 1].ent_iob_ == "I" and doc[e + 1].ent_type_ == ch.ent_type_ != "":
            e += 1
        start, end = doc[s].idx, doc[e].idx + len(doc[e].text)
        inside = c.content[0] < end and start < c.content[1] or c.cue_span[0] < end and start < c.cue_span[1]
        if re.fullmatch(r"\s*,\s*", text[span[1]:start]) and not inside:
            c.speaker_span, c.head = (start, end), ch
        return


def _opening_phrase_dropped(c: _Cand, doc) -> None:
    """An opening phrase the parser took for the subject ("Of Lane, Levine, who backs Ruiz,
    said …", "Walking around the diner, Smith and his wife thanked …"): a phrase that opens
    with a preposition or a participle, set off by a comma before the words that lead to the
    cue. The speaker is the noun phrase after that comma."""
    span = c.speaker_span
    if span is None or c.refers or c.head is None or span[1] > c.cue_span[0]:
        return
    region = doc.char_span(span[0], c.cue_span[0], alignment_mode="expand")
    if region is None or len(region) < 3:
        return
    first = region[0]
    if not (first.pos_ == "ADP" and first.lower_ not in ("according",) or first.tag_ == "VBG"
            or c.head.dep_ == "csubj"):
        return
    comma = next((t for t in region[1:] if t.text == ","), None)
    if comma is None:
        return
    rest = [t for t in doc[comma.i + 1:region.end] if not t.is_space]
    while rest and (rest[-1].is_punct or rest[-1].pos_ == "ADV" or rest[-1].lower_ in cues.CUE_ADVERBS
                    or rest[-1].pos_ in ("AUX", "PART")):
        rest.pop()  # "Levine, who backs Ruiz, has said": up to the name's own words
    if not rest or rest[0].pos_ not in ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM") \
            or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in rest):
        return
    # the words before any relative clause are a noun phrase with no verb of its own
    lead = []
    for t in rest:
        if t.text == "," or t.lower_ in cues.RELATIVE_PRONOUNS:
            break
        lead.append(t)
    if not lead or any(t.pos_ in ("VERB", "AUX") for t in lead):
        return
    head = next((t for t in reversed(lead) if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
    c.speaker_span = (rest[0].idx, rest[-1].idx + len(rest[-1].text))
    c.head = head


#: verbs that put out a document besides cues.ISSUING_VERBS ("ran a piece", "aired an ad")
PUT_OUT_VERBS = cues.ISSUING_VERBS | frozenset({
    "run", "ran", "runs", "running", "air", "aired", "airs", "airing", "unveil", "unveiled", "unveils",
    "unveiling", "launch", "launched", "launches", "launching", "circulate", "circulated", "circulating",
})
#: what is put out and then said to speak ("an ad that urges …", "a piece that noted …")
PUT_OUT_NOUNS = cues.ISSUED_NOUNS | cues.DOCUMENT_NOUNS | frozenset({
    "piece", "pieces", "spot", "spots", "commercial", "commercials", "mailer", "mailers", "flyer",
    "flyers", "ballot", "petition", "editorial", "op-ed",
})


def _issuer_speaks(c: _Cand, doc) -> None:
    """What a document says that someone has just put out is theirs ("The senator released a web
    video that accuses X of …", "The Post ran a piece that noted …"): the one who put it out speaks,
    not the relative pronoun that stands for the document."""
    span = c.speaker_span
    if c.refers is None or span is None:
        return
    rel = doc.char_span(span[0], span[1], alignment_mode="expand")
    if rel is None or len(rel) != 1 or rel[0].lower_ not in ("that", "which"):
        return
    clause = rel[0].head
    noun = clause.head
    if clause.dep_ != "relcl" or noun.dep_ != "dobj" or noun.lower_ not in PUT_OUT_NOUNS \
            or noun.head.lower_ not in PUT_OUT_VERBS:
        return
    verb = noun.head
    while verb.dep_ == "conj" and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children):
        verb = verb.head
    subj = next((ch for ch in verb.children if ch.dep_ == "nsubj" and ch.i < verb.i), None)
    if subj is None or subj.lower_ in cues.RELATIVE_PRONOUNS:
        return
    edge = subj.right_edge
    c.speaker_span = (subj.left_edge.idx, edge.idx + len(edge.text))
    c.refers, c.head = None, subj


#: the prepositions before a participle cue that go with the clause it hangs from ("before claiming")
_PARTICIPLE_PREPOSITIONS = frozenset({"before", "after", "by", "while", "when"})


def _matrix_subject(c: _Cand, doc) -> None:
    """A participle cue set off after a subordinate clause ("X rejected the idea that Y would
    lose, saying …", "X said Y had kept us safe before claiming …", "X was adamant that Y keep
    the upper hand, telling …") goes with the clause that holds that subordinate one: its subject
    speaks, not the subordinate clause's, to which the parser hung the participle."""
    head, span = c.head, c.speaker_span
    if head is None or span is None or c.refers:
        return
    cue = doc.char_span(c.cue_span[0], c.cue_span[1], alignment_mode="expand")
    if cue is None or len(cue) != 1 or cue[0].tag_ != "VBG":
        return
    tok = cue[0]
    if tok.dep_ in ("advcl", "xcomp", "conj") and doc[tok.i - 1].text == ",":
        verb = tok.head
    elif tok.dep_ == "pcomp" and tok.head.lower_ in _PARTICIPLE_PREPOSITIONS:
        verb = tok.head.head
    else:
        return
    if head.head != verb or head.dep_ not in ("nsubj", "nsubjpass") or verb.i > tok.i:
        return
    if verb.lower_ in cues.CUE_FORMS and head.i > verb.head.i:
        return  # '"…," Lane added, saying …': the participle goes on with a cue of its own
    # the subordinate clause: a "that" clause of a verb or an adjective ("made it clear that"), or
    # one that tells a noun's content ("the idea that …", "rumors he was …")
    up = verb.head
    if verb.dep_ == "ccomp" and up.pos_ in ("VERB", "AUX"):
        matrix = up
    elif verb.dep_ == "ccomp" and up.pos_ == "ADJ" and up.dep_ in ("acomp", "ccomp", "oprd") and up.head.pos_ in ("VERB", "AUX"):
        matrix = up.head
    elif verb.dep_ in ("acl", "ccomp") and up.pos_ == "NOUN" and up.dep_ in ("dobj", "pobj") and up.head.pos_ in ("VERB", "AUX"):
        matrix = up.head
    else:
        return
    if not matrix.tag_.startswith("VB"):
        return
    subj = next((ch for ch in matrix.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.i < matrix.i), None)
    if subj is None or subj.i >= head.i or subj.text.isupper():
        return  # (a place in capitals is a dateline the parser took for a subject)
    edge = subj.right_edge
    if edge.i >= head.i:
        return
    c.speaker_span, c.head = (subj.left_edge.idx, edge.idx + len(edge.text)), subj


def _conjoined_subject(c: _Cand, doc, fixed: dict[int, tuple[Span, object]]) -> None:
    """A second clause's subject that the parser ran into the first clause ("Prosecutors charged
    the officer and Lane fired her deputy, …", "a group called for a boycott, and the League
    denounced …"): the name right before the cue after "and" / "but" speaks, not the first
    clause's subject. A cue in a series with that one or a participle hung on it ("… denounced X
    and said …", "… fired her deputy, admitting …") follows it;
    ``fixed`` maps a cue token that was given a new speaker to it."""
    span = c.speaker_span
    if span is None or c.refers or c.head is None or span[1] > c.cue_span[0] or not doc.has_annotation("DEP"):
        return
    cue = doc.char_span(c.cue_span[0], c.cue_span[1], alignment_mode="expand")
    if cue is None or len(cue) != 1:
        return
    tok = cue[0]
    if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i in fixed \
            and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children):
        c.speaker_span, c.head = fixed[tok.head.i]
        fixed[tok.i] = fixed[tok.head.i]
        return
    j = tok.i - 1
    while j >= 0 and (doc[j].pos_ in ("AUX", "PART", "ADV") or doc[j].lower_ in cues.CUE_ADVERBS):
        j -= 1
    if j < 0 or doc[j].pos_ != "PROPN" or doc[j].ent_type_ not in ("PERSON", "ORG"):
        return
    end = j
    while j > 0 and doc[j - 1].ent_iob_ == "I" and doc[j].ent_iob_ == "I":
        j -= 1
    while j > 0 and doc[j].ent_iob_ == "I":
        j -= 1
    while j > 0 and doc[j - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN") and doc[j - 1].ent_type_ in ("", doc[end].ent_type_) \
            and doc[j - 1].lower_ not in ("and", "but"):
        j -= 1
    before = doc[j - 1] if j > 0 else None
    if before is None or before.lower_ not in ("and", "but") or doc[j].idx < span[1]:
        return
    if span[0] <= doc[j].idx < span[1] or c.head.is_ancestor(doc[end]) or span[0] <= doc[end].head.idx < span[1]:
        return  # a name in the subject's own list ("A, B and C offered …", "the Committee on X and Y")
    new = (doc[j].idx, doc[end].idx + len(doc[end].text))
    c.speaker_span, c.head = new, doc[end]
    fixed[tok.i] = (new, doc[end])


#: endings of nouns for people ("businessman", "adviser", "activist", "Democrat"): a subject
#: with one is no thing that a participle cue could be wrongly hung on
_PERSON_SUFFIXES = ("man", "men", "woman", "women", "er", "ers", "or", "ors", "ist", "ists", "ian", "ians",
                    "ant", "ants", "crat", "crats", "ee", "ees", "oon", "oons", "ive", "ives")


def _animate_for_participle(c: _Cand, doc) -> None:
    """A participle cue ("…, shouting …", "… articulating their vision", "left X wondering …")
    whose subject as the parse gives it is a thing ("The first incident came when protesters
    interrupted her, shouting …", "Candidates have wasted little time since the attacks
    articulating …"): the person or group nearest before the cue that is a verb's subject, or the
    object of the verb the cue hangs on, speaks (only persons, groups and bodies act or wonder)."""
    from .cue_model import subject_kind

    head, span = c.head, c.speaker_span
    if head is None or span is None or c.refers or span[1] > c.cue_span[0] or not doc.has_annotation("DEP"):
        return
    if head.ent_type_ or subject_kind(head) not in ("noun", "other") or head.lower_ in cues.DOCUMENT_NOUNS \
            or _animate(head) or head.lower_.endswith(_PERSON_SUFFIXES):
        return
    cue = doc.char_span(c.cue_span[0], c.cue_span[1], alignment_mode="expand")
    if cue is None or len(cue) != 1 or cue[0].tag_ != "VBG":
        return
    tok = cue[0]
    sent = tok.sent
    # the object of the verb the cue hangs on ("left many voters wondering …"), else the nearest
    # subject ("… when dock workers interrupted the mayor, shouting …")
    for j in range(tok.i - 1, max(sent.start, head.i), -1):
        t = doc[j]
        if t.lower_ in cues.RELATIVE_PRONOUNS or not (
                t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "dobj" and t.head == tok.head
                and t.pos_ != "PRON"):
            continue
        if c.content[0] <= t.idx < c.content[1]:
            continue
        if subject_kind(t) not in ("they", "person", "people", "propn", "org") and t.lower_ not in cues.PEOPLE_NOUNS:
            continue
        s, e = t.left_edge.i, t.i + 1
        while e < len(doc) and doc[e].ent_iob_ == "I" and t.ent_type_:
            e += 1
        c.speaker_span, c.head = (doc[s].idx, _char_end(doc, e)), t
        return


#: kinds of subject (cue_model.subject_kind) that can hold a stance they are seen to have (besides
#: a name tagged as a person, a body or a group, and a noun for people)
_STANCE_HOLDERS = frozenset({"he", "they", "person", "people", "propn"})


def _appearance_holder(c: _Cand, doc) -> None:
    """'Rubio seemed hopeful that …', 'Democrats appeared pleased with X', 'many Republicans seem
    to be hoping for …': how a person or body is seen to feel or think is theirs, so the subject
    of the verb of appearance is the speaker mention (the content, the judged clause, is left as
    it is). A thing that seems ("the plan appeared doomed") and "it seems that …" stay with no
    speaker: the writer's own judgement."""
    from .broad_cues import APPEARANCE_VERBS, source_of
    from .cue_model import lemma_of, subject_kind

    if c.speaker_span is not None or c.mode != "lead" or not doc.has_annotation("DEP"):
        return
    cue = doc.char_span(c.cue_span[0], c.cue_span[1], alignment_mode="expand")
    if cue is None or len(cue) != 1 or lemma_of(cue[0]) not in APPEARANCE_VERBS:
        return
    tok = cue[0]

    def holds(t, possessor: bool = False) -> bool:
        if t.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        if t.lower_ in ("his", "her", "their") or subject_kind(t) in _STANCE_HOLDERS:
            return True
        if t.ent_type_ in ("PERSON", "ORG", "NORP") or possessor and t.pos_ == "PROPN" and not t.ent_type_:
            return True  # (whose words or acts seem: a name with no tag is a person's: "Hale's praise")
        return t.pos_ == "NOUN" and t.lower_ in cues.PEOPLE_NOUNS | cues.ROLE_NOUNS | cues.ORG_NOUNS

    # the one it seems to ("… seems more credible to the public", "… echoing among her critics")
    for verb in [tok] + [ch for ch in tok.children if ch.dep_ in ("acomp", "xcomp")]:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "among") and prep.i > tok.i:
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.lower_ not in cues.RELATIVE_PRONOUNS and holds(obj) \
                        and subject_kind(obj) != "he":
                    c.speaker_span = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text))
                    c.head = obj
                    return
    sent = tok.sent
    found = source_of(tok, sent.start, sent.end)
    if found is None:
        return
    (s, e), head = found
    if head.i > tok.i or head.lower_ in cues.RELATIVE_PRONOUNS:
        return
    if not holds(head):
        # whose act or words are judged ("his words appeared to contradict …", "Kim's
        # endorsement seemed certain"): the possessor
        poss = next((ch for ch in head.children if ch.dep_ == "poss" and ch.i < head.i), None)
        if head.pos_ != "NOUN" or poss is None or not holds(poss, possessor=True):
            return
        head, s, e = poss, poss.left_edge.i, poss.right_edge.i + 1
    c.speaker_span, c.head = (doc[s].idx, _char_end(doc, e)), head


def _appearance_holders(doc, text, cands, index: EntityIndex, reading: Reading) -> None:
    """The speaker mentions of appearance judgements (_appearance_holder), given after the
    quotes are shared out: a person seen to feel something is named as its source, but is no
    speaker whose words the next quotation goes on with."""
    wire = reading.dateline.agency if reading.dateline else None
    genders = None
    for c in cands:
        if c.speaker_span is not None or c.mode != "lead":
            continue
        _appearance_holder(c, doc)
        if c.speaker_span is None:
            continue
        if genders is None:
            genders = _genders(doc, index)
        ss, se = c.speaker_span  # (the content holds the speaker mention: "Kim seemed pleased with Lee")
        barred = {eid for a, b, eid in _mentions_in(index, c.content[0], c.content[1]) if not (a < se and ss < b)}
        c.speaker = _resolve(doc, text, c.speaker_span, c.head, index, wire, None, None, genders, barred)


def _resolve_speakers(doc, text, cands, index: EntityIndex, reading: Reading) -> None:
    last_person: str | None = None
    last_group: str | None = None
    last_end = 0  # where the last person's claim ends
    wire = reading.dateline.agency if reading.dateline else None
    genders = _genders(doc, index)
    fixed: dict[int, tuple[Span, object]] = {}
    for c in sorted(cands, key=lambda c: c.cue_span[0]):
        _opening_phrase_dropped(c, doc)
        _named_in_apposition(c, text)
        _issuer_speaks(c, doc)
        _matrix_subject(c, doc)
        _conjoined_subject(c, doc, fixed)
        _animate_for_participle(c, doc)
        if c.addressee_span:
            s, e = c.addressee_span
            c.addressee = index.at(s, e, ("PERSON", "ORG", "GPE")) or index.by_surface(text[s:e])
        # a pronoun never stands for the one addressed, nor for a person named in the content
        barred = {c.addressee} | {eid for _, _, eid in _mentions_in(index, c.content[0], c.content[1])}
        c.speaker = _resolve(doc, text, c.refers or c.speaker_span, c.head, index, wire, last_person, last_group,
                             genders, barred, last_end)
        if c.speaker:
            typ = index.by_id[c.speaker]["type"]
            if typ == "PERSON":
                last_person = c.speaker
                last_end = max(c.cue_span[1], c.content[1])
            else:
                last_group = c.speaker



def _genders(doc, index: EntityIndex) -> dict[str, str]:
    """What the article itself says of each person's gender: a title ("Mr.", "Ms.",
    "congresswoman"), or the pronouns of sentences that name no other person. "m" or "f"."""
    votes: dict[str, list[int]] = {}
    for ent in index.entities:
        if ent["type"] != "PERSON":
            continue
        for title in ent.get("titles") or []:
            for w in re.findall(r"[a-z]+", title.lower()):
                if w in cues.MALE_WORDS:
                    votes.setdefault(ent["id"], [0, 0])[0] += 3
                elif w in cues.FEMALE_WORDS:
                    votes.setdefault(ent["id"], [0, 0])[1] += 3
    starts = _person_positions(_text(doc), index)
    if starts and (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        k = 0
        for sent in doc.sents:
            a, b = sent.start_char, sent.end_char
            while k < len(starts) and starts[k][0] < a:
                k += 1
            j = k
            people = set()
            while j < len(starts) and starts[j][0] < b:
                people.add(starts[j][1])
                j += 1
            if len(people) != 1:
                continue
            eid = next(iter(people))
            first = starts[k][0]
            for t in sent:
                if t.idx > first and t.pos_ == "PRON":
                    low = t.lower_
                    if low in cues.MALE_PRONOUNS:
                        votes.setdefault(eid, [0, 0])[0] += 1
                    elif low in cues.FEMALE_PRONOUNS:
                        votes.setdefault(eid, [0, 0])[1] += 1
            # a name right after Mr. / Ms. in the text
    for ent in index.entities:
        if ent["type"] != "PERSON":
            continue
        for a, _ in ent["mentions"]:
            before = _text(doc)[max(0, a - 6):a].lower().split()
            if before and before[-1].rstrip(".") in ("mr",):
                votes.setdefault(ent["id"], [0, 0])[0] += 3
            elif before and before[-1].rstrip(".") in ("mrs", "ms", "miss"):
                votes.setdefault(ent["id"], [0, 0])[1] += 3
    # a first name that the census gives to one sex far more than the other ("Ana Ruiz"): weaker
    # than a title, stronger than one pronoun
    lexicon = first_name_genders()
    for ent in index.entities:
        words = ent["name"].split() if ent["type"] == "PERSON" else []
        if len(words) >= 2 and words[0][:1].isupper():
            sex = lexicon.get(words[0].upper())
            if sex:
                votes.setdefault(ent["id"], [0, 0])[0 if sex == "m" else 1] += 2
    out = {}
    for eid, (m, f) in votes.items():
        if m > f:
            out[eid] = "m"
        elif f > m:
            out[eid] = "f"
    return out



#: how much more often a first name must be given to one sex than to the other to say its gender
FIRST_NAME_RATIO = 4.0


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First names (upper case) → "m" or "f", from the 1990 US census name lists that the
    ``names`` package ships (dist.male.first, dist.female.first: a name, its share of the sex in
    per cent, …). A name given to both sexes at less than FIRST_NAME_RATIO to one is left out.
    Empty when the package is absent: gender then comes from the article alone."""
    try:
        base = resources.files("names")
    except ModuleNotFoundError:
        return {}
    share: dict[str, list[float]] = {}
    for k, fname in enumerate(("dist.male.first", "dist.female.first")):
        try:
            lines = base.joinpath(fname).read_text(encoding="utf-8").splitlines()
        except OSError:
            return {}
        for line in lines:
            parts = line.split()
            if len(parts) >= 2:
                share.setdefault(parts[0], [0.0, 0.0])[k] = float(parts[1])
    out = {}
    for name, (m, f) in share.items():
        if m > 0 and m >= FIRST_NAME_RATIO * f:
            out[name] = "m"
        elif f > 0 and f >= FIRST_NAME_RATIO * m:
            out[name] = "f"
    return out


def _person_positions(text: str, index: EntityIndex) -> list[tuple[int, str]]:
    """Where each person is named: the tagged mentions, and the surname alone where the tagger
    missed it (a surname that belongs to one person of the article only). Made once a document."""
    cached = getattr(index, "_person_positions", None)
    if cached is not None:
        return cached
    out = {(a, ent["id"]) for ent in index.entities if ent["type"] == "PERSON" for a, _ in ent["mentions"]}
    surnames: dict[str, set[str]] = {}
    for ent in index.entities:
        if ent["type"] == "PERSON" and len(ent["name"].split()) >= 2:
            surnames.setdefault(ent["name"].split()[-1], set()).add(ent["id"])
    for name, ids in surnames.items():
        if len(ids) != 1 or not name[:1].isupper() or len(name) < 3:
            continue
        eid = next(iter(ids))
        out.update((i, eid) for i in _word_at(text, name))
    index._person_positions = sorted(out)
    return index._person_positions



def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` of a str pattern matches


def _word_at(text: str, word: str):
    """Where ``re.finditer(rf"\b{re.escape(word)}\b", text)`` finds the word, by ``str.find``
    (the pattern, compiled for each surname of each document, cost more than the scan)."""
    n, k = len(text), len(word)
    first, last = _is_word_char(word[0]), _is_word_char(word[-1])
    i = text.find(word)
    while i >= 0:
        j = i + k
        if (first != (i > 0 and _is_word_char(text[i - 1]))) and (last != (j < n and _is_word_char(text[j]))):
            yield i
            i = text.find(word, j)
        else:
            i = text.find(word, i + 1)


def _resolve(doc, text, span, head, index: EntityIndex, wire, last_person, last_group,
             genders: dict[str, str] | None = None, barred: set | None = None, last_end: int = 0) -> str | None:
    if span is None:
        return None
    s, e = span
    surface = text[s:e]
    low = surface.lower()
    words = re.findall(r"[\w'’.-]+", low)
    if len(words) == 1 and words[0] in cues.PERSON_PRONOUNS:
        want = "m" if words[0] in cues.MALE_PRONOUNS else "f"
        genders = genders or {}
        barred = barred or set()

        def fits(eid):
            return eid is not None and eid not in barred and genders.get(eid, want) == want

        found = _recent_subject(doc, index, s, fits)
        if fits(last_person):
            # the last speaker, unless a person who fits has since been the subject of a main
            # clause ("Hale said … . Then Lane toured the site. He said …": Lane)
            if found and found[0] != last_person and found[1] >= last_end and found[2]:
                return found[0]
            return last_person
        if found:
            return found[0]
        return _recent_person(index, text, s, fits) or (last_person if last_person not in barred else None)
    if len(words) == 1 and words[0] in cues.GROUP_PRONOUNS:
        return last_group or index.recent(s, ("ORG",))
    toks = tuple(w for w in re.findall(r"\w+|-", low))
    for pat in cues.STATE_MEDIA:
        if toks[-len(pat):] == pat or toks == pat:
            ids = [i for i in index.agency_ids() if index.by_id[i].get("agency") != wire]
            named = [i for i in ids if index.by_id[i]["mentions"]] or ids
            return named[0] if named else None
    if head is not None and s <= head.idx < e:
        found = _mention_around(index, head.idx)
        if found:
            return found
    found = index.at(s, e)
    if found:
        return found
    found = index.by_surface(surface)
    if found:
        return found
    head_word = words[-1] if words else ""
    if head is not None and head.idx >= s and head.idx < e:
        head_word = head.lower_
    if head_word in cues.ROLE_NOUNS:
        return index.titled(head_word, s)
    if head_word in cues.ORG_NOUNS:
        return index.org_with(head_word, s)
    return None



def _recent_subject(doc, index: EntityIndex, before: int, accept=None) -> tuple[str, int, bool] | None:
    """The person last named as the subject of a clause before ``before`` ("She" after
    "Governor Marsh met Mayor Hale" is Marsh): its id, where it is named, and whether the clause
    is a sentence's main one."""
    subjects = doc.user_data.get("dateline_person_subjects")
    if subjects is None:  # the people named as subjects, once per document
        subjects = doc.user_data["dateline_person_subjects"] = [
            e for e in _ents(doc) if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")]
        doc.user_data["dateline_person_subject_starts"] = [e.start_char for e in subjects]
    starts = doc.user_data["dateline_person_subject_starts"]
    for k in range(bisect_left(starts, before) - 1, -1, -1):  # the nearest first
        ent = subjects[k]
        found = index.at(ent.start_char, ent.end_char, ("PERSON",))
        if found and (accept is None or accept(found)):
            verb = ent.root.head
            while verb.dep_ == "conj" and verb.head.i != verb.i:
                verb = verb.head
            return found, ent.start_char, verb.dep_ == "ROOT"
    return None



def _recent_person(index: EntityIndex, text: str, before: int, accept) -> str | None:
    positions = _person_positions(text, index)
    k = bisect_left(positions, (before, ""))
    for i in range(k - 1, -1, -1):  # the nearest first
        eid = positions[i][1]
        if not index.by_id[eid].get("role") and accept(eid):
            return eid
    return None



def _mention_around(index: EntityIndex, pos: int) -> str | None:
    return index.person_or_org_around(pos)



def _owned_quotes(cands: list[_Cand], text: str) -> None:
    """A quotation whose own cue comes after it ("'…,' said Josh Earnest") is that claim's, not
    the claim before it that ran on over it ("The White House urged X to do more. '…,' said Y":
    the White House's claim ends at "do more."). The earlier claim's content is cut where the
    quotation opens, and the continued quotes it had taken from there on are let go."""
    quoted = sorted((c for c in cands if c.quotes and c.mode not in ("transcript", "block")),
                    key=lambda c: c.content[0])
    if not quoted:
        return
    starts = [c.content[0] for c in quoted]
    for a in cands:
        if a.mode in ("transcript", "block", "omission"):
            continue
        end = max(a.content[1], a.more[-1].span[1] if a.more else 0)
        for b in quoted[bisect_right(starts, a.content[0]):bisect_left(starts, end)]:
            if b is a or b.cue_span[0] < a.content[1] or a in b.outer or b in a.outer \
                    or b.speaker_span == a.speaker_span:
                continue  # its cue inside a's content: nested ("X said Y told him '…'")
            cut = b.content[0]
            if cut < a.content[1]:
                new_end = cut
                while new_end > a.content[0] and (text[new_end - 1].isspace() or text[new_end - 1] in "\"“‘'`«/"):
                    new_end -= 1
                if len(re.findall(r"\w+", text[a.content[0]:new_end])) < 2:
                    break  # nothing of its own before the quotation: leave it whole
                a.content = (a.content[0], new_end)
                a.quotes = [q for q in a.quotes if q.span[1] <= new_end]
                a.more = []
            else:
                a.more = [q for q in a.more if q.span[1] <= cut]
            break
