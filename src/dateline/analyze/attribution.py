"""Who said what, to whom, when, and through which sources.

``attribute(doc, reading, entities)`` finds the claims of one parsed article:

- cue verbs (cues.SPEECH_VERBS) with their subject, before the content ("X said that …",
  "X told Y …", "X pledged to …") or after it ("…, X said", "'…,' said X", split quotes);
- "according to X"; omissions ("X made no mention of …", "X declined to comment");
- quotes with a colon or dash cue ("X on tariffs: '…'", "'…' — X"), quotes that continue the
  previous speaker's quote, and headlines ("X: …", "… - X").

An attribution whose content holds another one is a conduit: "Kim told Y that …, state media
said" is Kim's claim via KCNA. ``via`` then adds the article's wire agency and publisher.
Bylines and the article's own wire agency are never speakers. Nothing here raises on odd text;
analyze() catches what a bug might raise and records it on the one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Reading
from . import channels, cues
from .entities import EntityIndex
from .quotes import Quote, find_quotes, paragraph_spans
from .timex import resolve_date

Span = tuple[int, int]
_CLOSE_MARKS = ("”", '"', "’", "'", "»", "''", "’’")
_OPEN_MARKS = ("“", '"', "‘", "'", "«", "``", "„", "‘‘")
_DASHES = ("—", "–", "-", "--")


#: "…" as officials looked on: a setting clause after a quote is not part of the claim
_SETTING_AFTER_QUOTE = re.compile(rf"\s*,?\s*(?:{'|'.join(cues.SETTING_CONJUNCTIONS)})\b")
#: "…, says minister" at the end of a headline
_HEADLINE_SAYS = re.compile(rf"^(?P<what>.+),\s+(?P<cue>{'|'.join(cues.HEADLINE_SAYS)})\s+(?P<who>.+)$")

@dataclass
class _Cand:
    mode: str  # lead | trail | according | omission | colon | dash
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


def attribute(doc: Any, reading: Reading, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims of one article; ``doc`` is the spaCy Doc of ``reading.text``."""
    text = reading.text
    index = EntityIndex(entities, text)
    paras = paragraph_spans(text, reading.paragraphs)
    quotes = find_quotes(text, paras)
    sents = _sentences(doc, paras)
    chunks = {nc.start: nc.end for nc in doc.noun_chunks} if doc.has_annotation("DEP") else {}

    cands: list[_Cand] = []
    for ss, se in sents:
        taken: set[int] = set()
        cands += _omissions(doc, ss, se, taken)
        cands += _according(doc, ss, se, taken)
        cands += _cue_verbs(doc, ss, se, taken, quotes, index, chunks)
    cands += _learned_cues(doc, sents, quotes, cands)
    cands = _outside_dateline(cands, reading)
    _nest(cands)
    cands = _split_coordinated(cands, text, quotes)
    cands += _quote_cues(doc, text, sents, quotes, cands, index)
    for c in cands:
        if not c.quotes:
            c.quotes, c.content = _quotes_in(quotes, c.content)
    _resolve_speakers(doc, text, cands, index, reading)
    _continuations(text, sents, paras, quotes, cands)
    _orphan_quotes(doc, text, paras, quotes, cands, index)

    wire = reading.dateline.agency if reading.dateline and reading.dateline.agency else None
    publisher = getattr(reading, "publisher", None)
    carriers = {e["id"] for e in entities if e.get("role")}
    carriers |= {e["id"] for e in entities if wire and e.get("agency") == wire}

    sent_chars = [(doc[a].idx, _char_end(doc, b)) for a, b in sents]
    claims: list[dict[str, Any]] = []
    for c in sorted(cands, key=lambda c: c.content[0]):
        if c.conduit and _medium(c, text, index) or (c.speaker and c.speaker in carriers):
            continue  # a medium that carries another's words is a conduit, not a speaker
        claim = _to_dict(c, text, index, reading, wire, publisher, sent_chars)
        if claim is not None:
            claims.append(claim)
    head = _headline(reading, index, wire, publisher)
    if head:
        claims.insert(0, head)
    for i, claim in enumerate(claims, 1):
        claim["id"] = f"c{i}"
    return claims


def _outside_dateline(cands: list[_Cand], reading: Reading) -> list[_Cand]:
    """A dateline kept in the text ("HANOI (Reuters) - ") is neither speaker nor content."""
    span = reading.dateline.span if reading.dateline else None
    if not span:
        return cands
    start, end = span
    text = reading.text
    kept = []
    for c in cands:
        if c.speaker_span and c.speaker_span[0] < end and c.speaker_span[1] > start:
            # the parser ran the dateline into the subject ("LONDON (Reuters) - Minister X"):
            # the speaker is what follows it
            ss, se = c.speaker_span
            if se <= end:
                continue
            ss = end
            while ss < se and not text[ss].isalnum():
                ss += 1
            if ss >= se:
                continue
            c.speaker_span = (ss, se)
        s, e = c.content
        if s < end < e:
            while end < e and text[end].isspace():
                end += 1
            c.content = (end, e)
            end = span[1]
        kept.append(c)
    return kept


# sentences ------------------------------------------------------------------------------------

def _sentences(doc: Any, paras: list[Span]) -> list[Span]:
    """Token ranges of sentences, cut again at paragraph ends, without space tokens."""
    ends = sorted(e for _, e in paras)
    out: list[Span] = []
    for sent in doc.sents:
        start = None
        for tok in sent:
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
    return [piece for s, e in spans for piece in _cut_long(doc, s, e)]


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
    return any(tok.idx <= pe <= tok.idx + len(tok.text) for pe in ends) or "\n\n" in tok.text


def _strip_space(doc: Any, s: int, e: int) -> int:
    while e > s and doc[e - 1].is_space:
        e -= 1
    return e


def _char_end(doc: Any, e: int) -> int:
    """Character end of the token range ending (exclusive) at ``e``."""
    t = doc[e - 1]
    return t.idx + len(t.text)


# cue verbs ------------------------------------------------------------------------------------

def _negated(tok: Any) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    doc = tok.doc
    return any(doc[j].lower_ in ("not", "n't", "never") for j in range(max(0, tok.i - 2), tok.i))


def _subject(tok: Any, depth: int = 0) -> Any:
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") or depth and c.dep_ == "nsubjpass":
            return c  # "X is frustrated with Y, saying …": X
    if depth > 3:
        return None
    if (tok.dep_ == "conj" or tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG") \
            and (tok.head.pos_ in ("VERB", "AUX") or tok.tag_ == "VBG" and tok.head.pos_ == "ADJ"):
        h = tok.head
        if h.dep_ == "ccomp" and h.head.lower_ in cues.CUE_FORMS and h.head.tag_.startswith("VB") \
                and (tok.tag_ == "VBG" or h.head.i < h.i):
            # a participle or a conjoined cue attached to the verb of a cue's content continues
            # that cue ("X said Y had agreed, adding …", "X said it viewed … and said …")
            return _subject(h.head, depth + 1)
        return _subject(h, depth + 1)  # "the ministry issued a statement, saying …"
    if tok.dep_ == "xcomp" and tok.head.lower_ in ("quoted",):
        for c in tok.head.children:
            if c.dep_ == "nsubjpass":
                return c
    return None


def _speaker_after_quote(doc: Any, ss: int, tok: Any) -> tuple[int, int, Any] | None:
    """The speaker between a closing quote mark and its cue ('"…," the lead researcher and
    planetary scientist Ana Ruiz said'), found by position where the parse goes astray:
    (start, end, head) of the noun phrase up to its first comma."""
    j = tok.i - 1
    while j >= ss and doc[j].is_space:
        j -= 1
    end = j + 1
    steps = 0
    while j >= ss and steps < 25:
        t = doc[j]
        if t.text in _CLOSE_MARKS or t.tag_ == "''":
            break
        if t.pos_ in ("VERB", "AUX") and not (t.head.i == tok.i and t.dep_ in ("aux", "neg")) \
                and t.dep_ not in ("amod", "compound", "nmod", "acl") \
                or t.text in (".", "!", "?", ";", ":") or t.text in _OPEN_MARKS:
            return None
        j -= 1
        steps += 1
    else:
        return None
    if j < ss or j + 1 >= end or j - 1 < ss or doc[j - 1].text not in (",", ".", "?", "!", "…"):
        return None  # the quote must end a clause: ',”' '?”'
    start = j + 1
    if doc[start].pos_ in ("ADP", "SCONJ", "CCONJ"):
        return None
    while start < end and doc[start].text == ",":
        start += 1
    stop = next((k for k in range(start, end) if doc[k].text == ","), end)
    while stop > start and (doc[stop - 1].pos_ == "ADV" or doc[stop - 1].lower_ in cues.CUE_ADVERBS):
        stop -= 1
    head = next((doc[k] for k in range(stop - 1, start - 1, -1) if doc[k].pos_ in ("PROPN", "NOUN", "PRON")), None)
    if head is None or stop - start > 12:
        return None
    return (start, stop, head)


def _animate(tok: Any) -> bool:
    """Whether a subject can be a person or a body of people."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return tok.lower_ in cues.ROLE_NOUNS | cues.ORG_NOUNS | cues.HEADLINE_ROLES | cues.PEOPLE_NOUNS


def _first_person(tok: Any) -> bool:
    return tok.pos_ == "PRON" and tok.lower_ in cues.FIRST_PERSON and tok.text != "US"


def _quote_around(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.span[0] < pos < q.span[1]:
            return q
    return None


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


def _cue_verbs(doc, ss, se, taken, quotes, index, chunks) -> list[_Cand]:
    infos = []
    for tok in doc[ss:se]:
        entry = cues.CUE_FORMS.get(tok.lower_)
        if entry is None or tok.i in taken or not tok.tag_.startswith("VB"):
            continue
        lemma, shape = entry
        if tok.dep_ in ("amod", "compound", "nsubj", "dobj", "pobj", "attr") or (
                tok.tag_ == "VBG" and tok.i > ss and doc[tok.i - 1].lower_ in cues.CUE_FORMS):
            continue  # "cheering teachers", "told cheering crowds": not a verb of speech here
        if _negated(tok) or (_passive(tok) and tok.lower_ not in ("quoted",)):
            continue
        subj = _subject(tok)
        forced = _speaker_after_quote(doc, ss, tok)
        if forced is not None and (subj is None or not forced[0] <= subj.i < forced[1]):
            subj = forced[2]  # '"…," Stafford, a crew member, responded': parsed otherwise
        elif forced is not None and subj.i < tok.i:
            forced = (forced[0], forced[1], subj)
        else:
            forced = None
        if subj is None or subj.i in taken or not (ss <= subj.i < se):
            continue
        if subj.lower_ == "that" and subj.i == tok.i - 1 and tok.i + 1 < se and doc[tok.i + 1].text == ",":
            continue  # "That said, …"
        relative = subj.lower_ in cues.RELATIVE_PRONOUNS and tok.dep_ == "relcl" and subj.i < tok.i
        if relative:
            subj = tok.head  # "Marsh, who rejects the charge": the speaker is Marsh
            if not (ss <= subj.i < tok.i) or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
        if lemma in cues.PERSONAL_CUES and not _animate(subj):
            continue  # "the forecast called for rain"
        inside = _quote_around(quotes, tok.idx)
        if inside is not None and (inside.span[0] <= subj.idx < inside.span[1]
                                   or _first_person(subj)):
            continue  # speech reported inside a quotation belongs to the quoted speaker
        if inside is None and _first_person(subj):
            continue  # the writer's own "we note", "I said"
        first = max(subj.left_edge.i, ss)
        if any(c.dep_ == "dobj" and c.lower_ in cues.FREE_RELATIVES and c.i < tok.i for c in tok.children) \
                or (subj.i < tok.i and first > ss and doc[first - 1].lower_ in cues.FREE_RELATIVES):
            continue  # "what the minister said": no content of its own
        if forced is not None:
            sp = (forced[0], forced[1])
        elif relative:
            sp = (max(subj.left_edge.i, ss), subj.i + 1)
        elif subj.i < tok.i:
            sp = _np_span(doc, subj, ss, tok.i)
            if subj.head is not tok:  # inherited from a conjoined verb: keep the subject only
                sp = _np_span(doc, subj, ss, subj.head.i)
        else:
            sp = _np_span(doc, subj, tok.i + 1, se)
        infos.append((tok, shape, subj, sp))

    out: list[_Cand] = []
    trail_marks: list[int] = []  # token index where a trailing attribution begins
    pending = []
    for tok, shape, subj, sp in infos:
        inverted = subj.i > tok.i
        start_tok = tok.i if inverted else sp[0]
        i, addr, date_text = _after_cue(doc, tok, shape, sp if inverted else None, se, index, chunks)
        if i < se and doc[i].pos_ == "ADP" and any(a.i == tok.i for a in list(doc[i].ancestors)[:4]):
            # an adjunct not known as a setting ("said in the filing A …"): the clausal
            # complement of the cue is the content
            comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > i), None)
            if comp is not None and comp.left_edge.i > i and doc[i:comp.left_edge.i].text.count(",") < 2:
                i = comp.left_edge.i
                if doc[i].lower_ == "that" and doc[i].dep_ == "mark" and i + 1 < se:
                    i += 1
        rest = [t for t in doc[i:se] if not t.is_space]
        rest_words = [t for t in rest if not t.is_punct]
        mark = _trail_marker(doc, ss, start_tok)
        if mark is None and all(doc[j].text in _CLOSE_MARKS or doc[j].tag_ == "''" or doc[j].is_space
                                for j in range(ss, start_tok)) \
                and _quote_before(quotes, _text(doc), doc[start_tok].idx) is not None:
            mark = ss  # '"A!" he told them.' parsed as two sentences: the quote is the content
        first = rest[0] if rest else None
        if not rest_words and i > 0 and doc[i - 1].text == ":":
            q = _quote_after(quotes, _text(doc), _char_end(doc, i))
            if q is not None:
                pending.append(("colon_lead", tok, shape, subj, sp, i, addr, date_text, q))
                continue
        if not rest_words and mark is None and i > ss:
            # 'X said, "…' or 'X said in a statement. "…"': the cue ends its sentence and the
            # quotation that opens next is its content
            pos = _char_end(doc, i)
            while pos < len(_text(doc)) and _text(doc)[pos] in " \t\n,.:":
                pos += 1
            q = _quote_starting(quotes, pos)
            if q is not None and q.words(_text(doc)) >= cues.MIN_QUOTE_WORDS:
                pending.append(("colon_lead", tok, shape, subj, sp, i, addr, date_text, q))
                continue
        # a quote that closes right before the attribution is its content; what follows the
        # cue is a setting ('"…," Kim tweeted soon after the vote'), unless "that" or ":" opens more
        quoted_before = mark is not None and (
            mark == ss and start_tok == ss and not _has_clause_after(doc, i, se)
            or any(doc[j].text in _CLOSE_MARKS or doc[j].tag_ == "''" for j in range(mark, start_tok)))
        opens_more = i > 0 and doc[i - 1].lower_ in ("that", ":")
        clause_before = mark is not None and (quoted_before or _has_clause_after(doc, ss, mark))
        if clause_before and (not rest_words or first.text == "," or first.text in _OPEN_MARKS
                              and doc[i - 1].text == "," and quoted_before or quoted_before and not opens_more):
            pending.append(("trail", tok, shape, subj, sp, i, addr, date_text, mark))
            trail_marks.append(mark)
        elif rest_words and _content_fits(doc, tok, shape, i, se):
            pending.append(("lead", tok, shape, subj, sp, i, addr, date_text, None))
        elif clause_before and mark > ss and not _has_clause_after(doc, i, se):
            pending.append(("trail", tok, shape, subj, sp, i, addr, date_text, mark))
            trail_marks.append(mark)

    text = _text(doc)
    sent_start, sent_end = doc[ss].idx, _char_end(doc, se)
    for mode, tok, shape, subj, sp, i, addr, date_text, mark in pending:
        cue_span = (tok.idx, tok.idx + len(tok.text))
        speaker_span = (doc[sp[0]].idx, _char_end(doc, sp[1]))
        if mode == "colon_lead":
            c = _Cand("lead", tok.text, cue_span, speaker_span, mark.span, head=subj, addressee_span=addr,
                      date_text=date_text, quotes=[mark])
            out.append(c)
            continue
        if mode == "lead":
            if i >= se:
                continue
            cs = doc[i].idx
            ends = [doc[m].idx for m in trail_marks if m > i] + [_content_end(doc, i, se)]
            ends += [doc[b].idx for b in _next_clauses(doc, i, subj, pending)]
            if tok.dep_ in ("relcl", "advcl", "acl") and tok.right_edge.i < se and tok.right_edge.i >= i:
                # "X, who denies A, has …", "While X chanted A, Y spoke …"
                ends.append(_char_end(doc, tok.right_edge.i + 1))
            ce = min(ends)
            q = _quote_starting(quotes, cs)
            if q is not None and q.span[1] > ce and not any(m > i for m in trail_marks):
                ce = q.span[1]
            if q is not None and q.span[1] < ce:
                # quotes then a setting clause ('chanted "A" and "B" as the crowd grew')
                last = q
                while True:
                    m = re.match(r"\s*,?\s*(?:and|or)\s+", text[last.span[1]:ce])
                    nxt = _quote_starting(quotes, last.span[1] + m.end()) if m else None
                    if nxt is None or nxt.span[1] > ce:
                        break
                    last = nxt
                if _SETTING_AFTER_QUOTE.match(text[last.span[1]:ce]):
                    ce = last.span[1]
            content = _trim(text, cs, ce)
            extra: list[Quote] = []
            more = []
        else:
            me = doc[mark].idx
            before_end = _rstrip_punct(text, sent_start, me)
            q = _quote_ending(quotes, before_end, me)
            if q is not None and q.span[0] > sent_start and not re.search(
                    r"(^|[—–:]|--|\s-)\s*$", text[sent_start:q.span[0]]):
                q = None  # 'Kim said "A" and B, KCNA said': the sentence is the content
            cs = q.span[0] if q is not None else sent_start
            content = _trim(text, cs, me)
            extra = []
            more: list[Quote] = []
            # split quote: "A," he said, "B."
            if i < se and doc[i - 1].text == "," and i < len(doc):
                q2 = _quote_starting(quotes, doc[i].idx)
                if q2 is not None:
                    more = [q2]
            if q is not None:
                extra = [q]
        if content[1] <= content[0]:
            continue
        c = _Cand(mode, tok.text, cue_span, speaker_span, content, head=subj,
                  addressee_span=addr, date_text=date_text, quotes=extra if mode == "trail" and extra else [],
                  more=more if mode == "trail" else [])
        if tok.dep_ == "conj" and date_text is None:
            c.date_text = _date_of(tok.head)
        out.append(c)
    return out


def _next_clauses(doc, i, subj, pending) -> list[int]:
    """Token indexes where a lead content ends because another attribution begins: the same
    speaker's next cue ("said A, adding B", "said A and said B") or another speaker's clause
    after a comma or conjunction ("said A, while the police denied B")."""
    out = []
    for mode, tok, _shape, osubj, osp, *_ in pending:
        if mode != "lead" or tok.i <= i:
            continue
        if osubj.i == subj.i:
            b = tok.i
            while b - 1 > i and (doc[b - 1].lower_ in cues.CLAUSE_JOINERS or doc[b - 1].is_punct
                                 or doc[b - 1].lower_ in cues.CUE_ADVERBS):
                b -= 1
            if b > i and (doc[b].is_punct or doc[b].lower_ in cues.CLAUSE_JOINERS):
                out.append(b)
        elif osp[0] > i + 1 and osp[0] < tok.i:
            b = osp[0]
            while b - 1 > i and (doc[b - 1].lower_ in cues.CLAUSE_JOINERS or doc[b - 1].text in (",", ";")):
                b -= 1
            if b < osp[0] and doc[b].text in (",", ";"):
                out.append(b)
    return out


def _trail_marker(doc, ss, start_tok) -> int | None:
    """The token before an attribution that ends the content before it: a comma, a closing
    quote mark, a dash."""
    j = start_tok - 1
    while j >= ss and doc[j].is_space:
        j -= 1
    if j < ss or j == ss and not doc[j].is_punct:
        return None
    t = doc[j].text
    if t in (",", "—", "–", "--", ";") or t in _CLOSE_MARKS or doc[j].tag_ == "''":
        # the marker is the first of a run of punctuation (`,"` or `."`)
        while j - 1 >= ss and (doc[j - 1].text in (",", ".", "?", "!") or doc[j - 1].text in _CLOSE_MARKS):
            j -= 1
        return j if j > ss else None
    return None


def _after_cue(doc, tok, shape, inverted_span, se, index, chunks):
    """Skip what may sit between a cue and its content: an inverted subject, an addressee,
    adverbs, time and setting adjuncts, "that", a colon. Returns (index, addressee, date)."""
    i = tok.i + 1
    addr: Span | None = None
    date_text: str | None = None
    steps = 0
    while i < se and steps < 12:
        steps += 1
        t = doc[i]
        low = t.lower_
        if t.is_space:
            i += 1
            continue
        if inverted_span is not None and i == inverted_span[0]:
            i = inverted_span[1]
            continue
        if addr is None and shape in cues.ADDRESSEE_SHAPES:
            a = None
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.left_edge.i == i
                        and c.right_edge.i + 1 < se), None)
            if obj is not None and doc[obj.right_edge.i + 1].lower_ == "of" \
                    and "of" in cues.CUE_PREPOSITIONS.get(cues.CUE_FORMS.get(tok.lower_, ("", ""))[0], ()):
                a = (i, obj.right_edge.i + 1)  # "accused the UK and the US of …"
            a = a or _addressee_at(doc, i, se, index, chunks)
            # a noun phrase, maybe after a participle the parser left out of it ("told cheering
            # supporters that …"), followed by the content
            k = i + 1 if i not in chunks and t.tag_ in ("VBG", "VBN", "JJ") else i
            if a is None and k in chunks and chunks[k] < se:
                j = chunks[k]
                nxt = doc[j]
                to_verb = nxt.lower_ == "to" and j + 1 < se and doc[j + 1].tag_ == "VB"
                preps = cues.CUE_PREPOSITIONS.get(cues.CUE_FORMS.get(tok.lower_, ("", ""))[0], ())
                if (nxt.lower_ in ("that", ":") or nxt.text in _OPEN_MARKS or to_verb and shape == "urge"
                        or nxt.lower_ in preps and nxt.lower_ == "of"
                        or shape == "tell" and nxt.dep_ == "nsubj" and nxt.pos_ in ("PRON", "PROPN", "NOUN", "DET")) \
                        and not any(x.text in _OPEN_MARKS or x.text in _CLOSE_MARKS for x in doc[i:j]):
                    a = (i, j)
            if a is not None:
                addr = (doc[a[0]].idx, _char_end(doc, a[1]))
                i = a[1]
                continue
        if low in cues.CUE_ADVERBS and t.pos_ in ("ADV", "NOUN", "PROPN"):
            i += 1
            continue
        if t.ent_type_ in ("DATE", "TIME") and t.pos_ not in ("VERB", "AUX"):
            j = i
            while j < se and doc[j].ent_type_ == t.ent_type_ and doc[j].ent_iob_ != "B" or j == i:
                j += 1
            date_text = date_text or doc[i:j].text
            i = j
            continue
        if low in cues.ADJUNCT_PREPOSITIONS and t.pos_ == "ADP":
            j, d, a = _adjunct(doc, i, se, index, chunks)
            if j > i:
                date_text = date_text or d
                if a is not None and addr is None:
                    addr = a
                i = j
                continue
        if low == "that" and t.dep_ == "mark" and i + 2 < se and doc[i + 1].text == ",":
            return i + 2, addr, date_text  # "concluded that, using … methods, …"
        if low == "that" and t.dep_ in ("mark", "nsubj", "det", "dobj") and i + 1 < se and (
                not doc[i + 1].is_punct or doc[i + 1].text in _OPEN_MARKS):
            if t.dep_ == "mark" or doc[i + 1].pos_ in ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM"):
                return i + 1, addr, date_text
        if t.text == ":":
            return i + 1, addr, date_text
        if t.text == "," and i + 1 < se and (doc[i + 1].text in _OPEN_MARKS or doc[i + 1].lower_ == "that"):
            i += 1
            continue
        break
    return i, addr, date_text


def _adjunct(doc, i, se, index, chunks):
    """A prepositional adjunct of a cue: "on Friday", "in a statement on X", "to reporters"."""
    prep = doc[i]
    j = i + 1
    date_text = None
    addr = None
    good = False
    while j < se and j - i <= 8:
        t = doc[j]
        low = t.lower_
        if t.ent_type_ in ("DATE", "TIME"):
            date_text = date_text or _ent_text(t)
            good = True
        elif low in cues.SETTING_NOUNS or t.ent_type_ in ("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC"):
            good = good or low not in ("a", "an", "the")
        elif low in cues.ADJUNCT_PREPOSITIONS and t.pos_ == "ADP" and good:
            pass
        elif t.pos_ in ("DET", "ADJ", "NUM", "PROPN") and low not in ("that",):
            pass
        elif t.text in ("'s", "’s", "-"):
            pass
        else:
            break
        j += 1
    r = prep.right_edge.i + 1
    if not good and i + 1 < r <= se and r - i <= 10 and (r == se or doc[r].lower_ == "that"
                                                       or doc[r].text in (":", ",") or doc[r].text in _OPEN_MARKS):
        if prep.lower_ != "to" and all(t.pos_ not in ("VERB", "AUX") for t in doc[i:r]):
            return r, None, None
    if prep.lower_ == "to":
        a = _addressee_at(doc, i + 1, se, index, chunks)
        if a is not None and a[1] <= se and (a[1] >= se or doc[a[1]].pos_ != "VERB"):
            return a[1], None, (doc[a[0]].idx, _char_end(doc, a[1]))
        if not good:
            return i, None, None
    # trim back to the last good word
    while j > i + 1 and not (doc[j - 1].ent_type_ or doc[j - 1].lower_ in cues.SETTING_NOUNS
                             and doc[j - 1].lower_ not in ("a", "an", "the")):
        j -= 1
    if not good:
        return i, None, None
    return j, date_text, addr


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


def _text(doc: Any) -> str:
    """``doc.text``, joined once a document (spaCy rebuilds it on every access)."""
    text = doc.user_data.get("dateline_text")
    if text is None:
        text = doc.user_data["dateline_text"] = doc.text
    return text


def _ents(doc: Any) -> list:
    ents = doc.user_data.get("dateline_ents")
    if ents is None:
        ents = doc.user_data["dateline_ents"] = list(doc.ents)
    return ents


def _addressee_at(doc, i, se, index: EntityIndex, chunks) -> tuple[int, int] | None:
    if i >= se:
        return None
    for length in range(min(7, se - i), 0, -1):
        span = doc[i:i + length]
        if span[-1].is_punct:
            continue
        surface = span.text
        low = surface.lower()
        if low in cues.GENERIC_ADDRESSEES or index.by_surface(surface) is not None:
            if length == 1 and doc[i].pos_ not in ("PROPN", "NOUN", "PRON"):
                continue
            if chunks.get(i, 0) > i + length and chunks[i] <= se \
                    and all(x.pos_ == "NOUN" for x in doc[i + length:chunks[i]]):
                return (i, chunks[i])  # "the committee members", not "the committee"
            j = i + length
            if span[-1].text[:1].isupper():  # a title before a name: "Senator Ann Cole"
                while j < se and doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in ("DATE", "TIME"):
                    j += 1
            return (i, j)
        if length <= 3 and span[0].lower_ == "the" and span[-1].lower_ in cues.ROLE_NOUNS | cues.ORG_NOUNS:
            return (i, i + length)
    if doc[i].ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and doc[i].ent_iob_ == "B":
        j = i + 1
        while j < se and doc[j].ent_iob_ == "I":
            j += 1
        return (i, j)
    return None


def _content_fits(doc, tok, shape, i, se) -> bool:
    """Whether the words after a cue are speech content for this kind of cue."""
    words = [t for t in doc[i:se] if not t.is_punct and not t.is_space]
    if not words:
        return False
    prev = doc[i - 1].text if i > 0 else ""
    opened = prev in (":",) or prev.lower() == "that" or doc[i].text in _OPEN_MARKS \
        or prev == "," and i >= 2 and doc[i - 2].lower_ == "that"
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    lemma = cues.CUE_FORMS.get(tok.lower_, ("", ""))[0]
    first = words[0].lower_
    if first in cues.CUE_PREPOSITIONS.get(lemma, ()):
        return True  # "accused X of …", "warned of …", "called for …"
    quoted = any(t.text in _OPEN_MARKS or t.tag_ == "``" for t in doc[i:se])
    if shape in ("commit", "urge"):
        return opened or (first == "to" and len(words) > 1 and words[1].pos_ in ("VERB", "AUX")) \
            or quoted and shape == "urge"
    if shape == "deny":
        return True
    if shape == "strict":
        return opened
    if shape == "judge":  # "described the call as “improper”", "called it a “disgrace”"
        return quoted and first not in cues.TOPIC_PREPOSITIONS
    if words[0].pos_ == "ADP" and not opened and first in cues.TOPIC_PREPOSITIONS:
        return False  # "testified about a meeting …": a topic, not content
    return opened or has_verb or quoted and shape == "tell"


def _has_clause_after(doc, i, se) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc[i:se])


def _content_end(doc, i, se) -> int:
    """Character end of lead content: the sentence end, or before ", according to"."""
    for t in doc[i:se - 1]:
        if t.lower_ == "according" and t.i + 1 < se and doc[t.i + 1].lower_ == "to" and t.i > i:
            j = t.i - 1
            while j > i and (doc[j].is_punct or doc[j].is_space):
                j -= 1
            return _char_end(doc, j + 1)
    return _char_end(doc, se)


def _quote_after(quotes: list[Quote], text: str, pos: int) -> Quote | None:
    """The quote that opens right after ``pos`` (past white space)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return _quote_starting(quotes, pos)


def _quote_before(quotes: list[Quote], text: str, pos: int) -> Quote | None:
    """The closed quote that ends right before ``pos`` (past spaces, not past a line end)."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    for q in quotes:
        if q.closed and q.span[1] == pos:
            return q
    return None


def _quote_starting(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.span[0] == pos:
            return q
    return None


def _quote_ending(quotes: list[Quote], lo: int, hi: int) -> Quote | None:
    """A quote whose closing mark lies in ``[lo, hi]`` (around the comma before a cue): the
    marks after the comma (`,”`, `,’ ”`) may sit a few characters past ``hi``. The quote may
    open sentences before the cue's own ('"A. B. C," she said' is one claim)."""
    best = None
    for q in quotes:
        if q.closed and lo - 2 <= q.span[1] <= hi + 4:
            if best is None or abs(q.span[1] - hi) < abs(best.span[1] - hi):
                best = q
    return best


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


# learned cues ---------------------------------------------------------------------------------

def _learned_cues(doc, sents, quotes, cands) -> list[_Cand]:
    """Attributions the speech-verb rules do not know: beliefs, intentions, what documents
    show, nominal cues ("her allegation that …"), cues with a noun phrase as content. A token
    is a cue when the learned model (cue_model.py) says so; broad_cues.py reads its content and
    source off the parse. A cue already used, or a content another claim already holds, is left."""
    if not doc.has_annotation("DEP"):
        return []
    from . import broad_cues, cue_model

    threshold = cue_model.model()["threshold"]
    used = {c.cue_span[0] for c in cands}
    held = [c.content for c in cands]
    out: list[_Cand] = []
    text = _text(doc)
    for ss, se in sents:
        for tok in doc[ss:se]:
            if tok.idx in used or not cue_model.candidate(tok):
                continue
            if _quote_around(quotes, tok.idx) is not None:
                continue  # words inside a quotation are the quoted speaker's
            p = cue_model.probability(tok)
            if p < threshold:
                continue
            content = broad_cues.content_of(tok, ss, se)
            source = broad_cues.source_of(tok, ss, se)
            if content is None or source is None:
                continue
            if p < cue_model.model().get("threshold_named", 0.85) and broad_cues.only_a_name(doc, content):
                continue  # "addressed the council", "met Kim": a name is whom, not what
            (s0, s1), head = source
            if s0 <= tok.i < s1 or s0 < content[1] and content[0] < s1:
                continue
            if _first_person(head) or _negated(tok):
                continue  # the writer's own "we note"; "did not say" says nothing
            entry = cues.CUE_FORMS.get(tok.lower_)
            if entry and entry[0] in cues.PERSONAL_CUES and not _animate(head):
                continue  # "the forecast called for rain"
            cs, ce = doc[content[0]].idx, _char_end(doc, content[1])
            if cues.ANONYMITY_FORMULA.search(text[tok.idx:ce]):
                continue  # "who asked not to be named" describes a source; it claims nothing
            if any(a <= cs and ce <= b or (min(ce, b) - max(cs, a)) > 0.5 * (ce - cs) for a, b in held):
                continue
            cue_span = (tok.idx, tok.idx + len(tok.text))
            c = _Cand("lead", tok.text, cue_span, (doc[s0].idx, _char_end(doc, s1)), (cs, ce), head=head,
                      date_text=_date_of(tok))
            out.append(c)
            held.append((cs, ce))
            used.add(tok.idx)
    return out


# according to, omissions ----------------------------------------------------------------------

def _according(doc, ss, se, taken) -> list[_Cand]:
    out = []
    for t in doc[ss:se - 1]:
        if t.lower_ != "according" or doc[t.i + 1].lower_ != "to":
            continue
        k = t.i + 2
        j = k
        while j < se and doc[j].text not in (",", ";", ".", ":") and not doc[j].is_space:
            if doc[j].lower_ in ("that", "which") and j > k:
                break
            j += 1
        if j == k:
            continue
        speaker = (doc[k].idx, _char_end(doc, j))
        lead = all(x.is_punct or x.lower_ in ("but", "and", "yet", "so") for x in doc[ss:t.i])
        if lead:
            cs = j + 1 if j < se and doc[j].text == "," else j
            if cs >= se:
                continue
            content = (doc[cs].idx, _char_end(doc, se))
        else:
            content = (doc[ss].idx, t.idx)
            if j < se - 1 and doc[j].text == ",":  # "X, according to Y, did Z": the whole sentence
                content = (doc[ss].idx, _char_end(doc, se))
        content = _trim(_text(doc), *content)
        if content[1] <= content[0]:
            continue
        head = doc[j - 1]
        for x in doc[k:j]:
            if x.dep_ == "pobj" and x.head.i in (t.i + 1,):
                head = x
        taken.update(range(t.i, j))
        out.append(_Cand("according", "according to", (t.idx, _char_end(doc, t.i + 2)), speaker, content,
                         head=head))
    return out


_OMISSIONS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _pat in sorted(cues.OMISSIONS, key=len, reverse=True):
    _OMISSIONS_BY_FIRST.setdefault(_pat[0], []).append(_pat)


def _omissions(doc, ss, se, taken) -> list[_Cand]:
    out = []
    lows = [t.lower_ for t in doc[ss:se]]
    for n in range(len(lows)):
        for pat in _OMISSIONS_BY_FIRST.get(lows[n], ()):
            if tuple(lows[n:n + len(pat)]) != pat:
                continue
            i = ss + n
            verb = next((doc[x] for x in range(i, i + len(pat)) if doc[x].pos_ in ("VERB", "AUX")), doc[i])
            subj = None
            for v in (verb, verb.head, doc[i + len(pat) - 1]):
                subj = _subject(v)
                if subj is not None:
                    break
            if subj is None or subj.i >= i:
                continue
            sp = _np_span(doc, subj, ss, i)
            e = i + len(pat)
            cs = doc[e].idx if e < se else _char_end(doc, se)
            content = _trim(_text(doc), cs, _char_end(doc, se)) if e < se else (cs, cs)
            taken.update(range(i, e))
            out.append(_Cand("omission", doc[i:e].text, (doc[i].idx, _char_end(doc, e)),
                             (doc[sp[0]].idx, _char_end(doc, sp[1])), content, head=subj,
                             date_text=_date_of(verb)))
            break
    return out


# nesting and splitting ------------------------------------------------------------------------

def _nest(cands: list[_Cand]) -> None:
    """Mark attributions whose content holds another attribution as conduits of it."""
    for inner in cands:
        outers = [o for o in cands if o is not inner
                  and o.content[0] <= inner.cue_span[0] and inner.cue_span[1] <= o.content[1]
                  and (inner.speaker_span is None or o.content[0] <= inner.speaker_span[0])]
        outers.sort(key=lambda o: o.content[1] - o.content[0])
        inner.outer = outers
        for o in outers:
            o.conduit = True


def _medium(c: _Cand, text: str, index: EntityIndex) -> bool:
    """Whether an attribution's speaker is a medium (a news agency, state media, a newspaper, a
    report) rather than a person or body that relays what another said as its own claim
    ("Morrison testified that Sondland said …" is Morrison's claim too)."""
    if c.cue.lower() in cues.MEDIUM_CUES:
        return True
    if c.speaker and index.by_id.get(c.speaker, {}).get("agency"):
        return True
    if c.speaker_span is None:
        return c.mode in ("according",)
    words = set(re.findall(r"[\w-]+", text[c.speaker_span[0]:c.speaker_span[1]].lower()))
    return bool(words & cues.MEDIUM_WORDS)


def _split_coordinated(cands: list[_Cand], text: str, quotes: list[Quote]) -> list[_Cand]:
    """'said "A" and B' holds a direct and a second claim: one kind each."""
    out = []
    for c in cands:
        q = _quote_starting(quotes, c.content[0]) if c.mode == "lead" else None
        if q is None or q.span[1] >= c.content[1]:
            out.append(c)
            continue
        m = re.match(r"\s*,?\s*(and|but)\s+", text[q.span[1]:c.content[1]])
        rest = (q.span[1] + m.end(), c.content[1]) if m else None
        q2 = _quote_starting(quotes, rest[0]) if rest is not None else None
        if rest is None or len(text[rest[0]:rest[1]].split()) < 3 or q2 is not None and q2.span[1] >= rest[1]:
            out.append(c)  # 'chanted "A" and "B"' is one direct claim
            continue
        first = _Cand(**{**c.__dict__, "content": q.span, "quotes": [q]})
        second = _Cand(**{**c.__dict__, "content": rest, "quotes": []})
        out += [first, second]
    return out


def _quote_cues(doc, text, sents, quotes, cands, index) -> list[_Cand]:
    """Quotes cued by a colon ("X on tariffs: '…'") or a dash ("'…' — X")."""
    out = []
    covered = [c.content for c in cands] + [q.span for c in cands for q in c.more]
    for q in quotes:
        if q.words(text) < cues.MIN_QUOTE_WORDS:
            continue
        if any(s <= q.span[0] < e or s < q.span[1] <= e for s, e in covered):
            continue
        sent = next(((s, e) for s, e in sents if doc[s].idx <= q.span[0] < _char_end(doc, e)), None)
        if sent is None:
            continue
        ss, se = sent
        before = text[doc[ss].idx:q.span[0]].rstrip()
        if before.endswith(":") and len(before) > 1:
            k = next((t.i for t in doc[ss:se] if t.idx >= len(before) + doc[ss].idx - 1 and t.text == ":"), None)
            span = _colon_speaker(doc, ss, k if k is not None else se)
            if span is not None:
                colon = doc[ss].idx + len(before) - 1
                out.append(_Cand("colon", ":", (colon, colon + 1), span, q.span, quotes=[q],
                                 head=None))
                continue
        after = text[q.span[1]:_char_end(doc, se)]
        m = re.match(r"\s*(—|–|--| - )\s*", after)
        if m:
            s = q.span[1] + m.end()
            e = _char_end(doc, se)
            name = text[s:e].rstrip(" .")
            if name and len(name.split()) <= 8 and name[:1].isupper():
                d = q.span[1] + m.start(1)
                out.append(_Cand("dash", m.group(1).strip(), (d, d + len(m.group(1).strip())),
                                 (s, s + len(name)), q.span, quotes=[q]))
    return out


def _colon_speaker(doc, ss, k) -> Span | None:
    """The speaker before a colon cue: an entity or a pronoun that leads the clause."""
    toks = [t for t in doc[ss:k] if not t.is_space]
    if not toks:
        return None
    for t in toks:
        if t.dep_ in ("nsubj",) or t.i == toks[0].i and t.ent_type_ in ("PERSON", "ORG"):
            head = t
            if head.pos_ == "PRON" and head.lower_ in cues.PERSON_PRONOUNS | cues.GROUP_PRONOUNS:
                return (head.idx, head.idx + len(head.text))
            if head.ent_type_ in ("PERSON", "ORG") or head.lower_ in cues.ROLE_NOUNS:
                s, e = _np_span(doc, head, ss, k)
                return (doc[s].idx, _char_end(doc, e))
    if toks[0].ent_type_ == "PERSON":
        e = toks[0].i
        while e < k and doc[e].ent_type_ == "PERSON":
            e += 1
        return (toks[0].idx, _char_end(doc, e))
    return None


def _short_sentence(text: str, q: Any) -> bool:
    """A short quote that is a whole sentence ("This is happening.") rather than a scare quote."""
    s, e = q.inner
    inner = text[s:e].strip()
    return len(inner.split()) >= 2 and inner[:1].isupper() and inner.rstrip("”\"'’").endswith((".", "!", "?"))


def _continuations(text, sents, paras, quotes, cands) -> None:
    """A quote that opens the sentence or paragraph after a quoted claim and has no cue of its
    own carries on that claim ('"A," he said. "B."')."""
    covered = [c.content for c in cands] + [q.span for c in cands for q in c.more]
    live = sorted((c for c in cands if not c.conduit and c.speaker_span), key=lambda c: c.content[0])
    sent_starts = sorted(s for s, _ in sents)
    for q in quotes:
        if any(s <= q.span[0] < e for s, e in covered):
            continue
        if q.words(text) < cues.MIN_QUOTE_WORDS and not _short_sentence(text, q):
            continue
        prev = [c for c in live if _claim_end(c) <= q.span[0]]
        if not prev:
            continue
        p = prev[-1]
        gap = text[_claim_end(p):q.span[0]]
        para_p = _para_of(paras, p.content[0])
        para_q = _para_of(paras, q.span[0])
        if para_p == para_q:
            if re.fullmatch(r"[^\"“”«»]{0,80}?[.!?]?[\"”’»]?\s*", gap) is None or "\n" in gap:
                continue
            # only the rest of the claim's own sentence may sit between
            if re.search(r"[.!?][\"”’»]?\s", gap + " ") is None and gap.strip():
                continue
        elif para_q == para_p + 1:
            if text[paras[para_q][0]:q.span[0]].strip():
                continue
            # after a reported claim, only a paragraph that is all quotation carries it on, and
            # only when that claim ends its own paragraph
            whole = not text[q.span[1]:paras[para_q][1]].strip()
            tail = text[_claim_end(p):paras[para_p][1]]
            if not p.quotes and not (whole and len(tail) < 40 and p.mode in ("lead", "trail")):
                continue
            if any(_para_of(paras, c.content[0]) == para_p and c.content[0] > p.content[0] for c in live):
                continue
        else:
            continue
        if p.quotes or p.more:
            p.more = p.more + [q]
        else:  # a reported claim, then the speaker's own words: a direct claim of its own
            cands.append(_Cand("continued", p.cue, p.cue_span, p.speaker_span, q.span, head=p.head,
                               quotes=[q], speaker=p.speaker, addressee=p.addressee,
                               addressee_span=p.addressee_span, date_text=p.date_text))
        covered.append(q.span)


def _orphan_quotes(doc, text, paras, quotes, cands, index: EntityIndex) -> None:
    """A quotation no claim holds and no cue introduces is the words of the last speaker of its
    paragraph or of the one before (news style: a speaker is named once, the quotes go on);
    without such a speaker, of the only person named in its paragraph."""
    covered = [c.content for c in cands] + [q.span for c in cands for q in c.more]
    live = sorted((c for c in cands if not c.conduit and c.speaker_span and c.mode != "omission"),
                  key=lambda c: c.content[0])
    for q in quotes:
        if any(s < q.span[1] and q.span[0] < e for s, e in covered):
            continue
        if q.words(text) < cues.MIN_ORPHAN_QUOTE_WORDS and not _short_sentence(text, q):
            continue
        pq = _para_of(paras, q.span[0])
        prev = [c for c in live if _claim_end(c) <= q.span[0] and _para_of(paras, c.content[0]) in (pq, pq - 1)]
        if prev:
            p = prev[-1]
            span = _nearest_mention(text, index, p.speaker, q.span, paras[pq] if pq >= 0 else q.span) or p.speaker_span
            cands.append(_Cand("continued", p.cue, p.cue_span, span, q.span, head=p.head,
                               quotes=[q], speaker=p.speaker, addressee=p.addressee,
                               addressee_span=p.addressee_span, date_text=p.date_text))
            covered.append(q.span)
            continue
        if pq < 0:
            continue
        ps, pe = paras[pq]
        people = {e["id"] for e in index.entities if e["type"] == "PERSON"
                  and any(ps <= a < pe and not (q.span[0] <= a < q.span[1]) for a, _ in e["mentions"])}
        if len(people) == 1:
            eid = people.pop()
            a, b = next((a, b) for a, b in index.by_id[eid]["mentions"] if ps <= a < pe and not (q.span[0] <= a < q.span[1]))
            cands.append(_Cand("continued", "", (q.span[0], q.span[0]), (a, b), q.span, quotes=[q], speaker=eid))
            covered.append(q.span)


def _nearest_mention(text: str, index: EntityIndex, eid: str | None, near: Span, para: Span) -> Span | None:
    """The mention of ``eid`` outside ``near`` and closest to it in its paragraph."""
    if eid is None or eid not in index.by_id:
        return None
    ent = index.by_id[eid]
    spans = [tuple(m) for m in ent["mentions"]]
    if ent["type"] == "PERSON" and len(ent["name"].split()) >= 2:
        last = ent["name"].split()[-1]
        spans += [(m.start(), m.end()) for m in re.compile(rf"\b{re.escape(last)}\b").finditer(text, para[0], para[1])]
    best = None
    for a, b in spans:
        if not (para[0] <= a < para[1]) or near[0] <= a < near[1]:
            continue
        d = near[0] - b if b <= near[0] else a - near[1]
        if best is None or d < best[0]:
            best = (d, (a, b))
    return best[1] if best else None


def _quotes_in(quotes: list[Quote], content: Span) -> tuple[list[Quote], Span]:
    """The quotes inside a content span; one that closes just after its end is taken in whole
    ('make "hostile forces pay the price," KCNA said' ends inside the quote's closing marks)."""
    s, e = content
    inside = []
    for q in quotes:
        if s - 1 <= q.span[0] < e and q.span[1] <= e + 3:
            inside.append(q)
            e = max(e, q.span[1])
    return inside, (s, e)


def _claim_end(c: _Cand) -> int:
    return max(c.content[1], *(q.span[1] for q in c.more), c.cue_span[1], c.speaker_span[1] if c.speaker_span else 0)


def _para_of(paras: list[Span], pos: int) -> int:
    for i, (s, e) in enumerate(paras):
        if s <= pos <= e:
            return i
    return -1


# speakers -------------------------------------------------------------------------------------

def _resolve_speakers(doc, text, cands, index: EntityIndex, reading: Reading) -> None:
    last_person: str | None = None
    last_group: str | None = None
    wire = reading.dateline.agency if reading.dateline else None
    genders = _genders(doc, index)
    for c in sorted(cands, key=lambda c: c.cue_span[0]):
        if c.addressee_span:
            s, e = c.addressee_span
            c.addressee = index.at(s, e, ("PERSON", "ORG", "GPE")) or index.by_surface(text[s:e])
        # a pronoun never stands for the one addressed, nor for a person named in the content
        barred = {c.addressee} | {ent["id"] for ent in index.entities
                                  if any(c.content[0] <= a < c.content[1] for a, _ in ent["mentions"])}
        c.speaker = _resolve(doc, text, c.speaker_span, c.head, index, wire, last_person, last_group,
                             genders, barred)
        if c.speaker:
            typ = index.by_id[c.speaker]["type"]
            if typ == "PERSON":
                last_person = c.speaker
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
    out = {}
    for eid, (m, f) in votes.items():
        if m > f:
            out[eid] = "m"
        elif f > m:
            out[eid] = "f"
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
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            out.add((m.start(), eid))
    index._person_positions = sorted(out)
    return index._person_positions


def _resolve(doc, text, span, head, index: EntityIndex, wire, last_person, last_group,
             genders: dict[str, str] | None = None, barred: set | None = None) -> str | None:
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

        if fits(last_person):
            return last_person
        found = _recent_subject(doc, index, s, fits)
        if found:
            return found
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


def _recent_subject(doc, index: EntityIndex, before: int, accept=None) -> str | None:
    """The person last named as the subject of a clause before ``before`` ("She" after
    "Governor Marsh met Mayor Hale" is Marsh)."""
    best = None
    for ent in _ents(doc):
        if ent.start_char >= before:
            break
        if ent.label_ == "PERSON" and ent.root.dep_ in ("nsubj", "nsubjpass"):
            found = index.at(ent.start_char, ent.end_char, ("PERSON",))
            if found and (accept is None or accept(found)):
                best = found
    return best


def _recent_person(index: EntityIndex, text: str, before: int, accept) -> str | None:
    best = None
    for a, eid in _person_positions(text, index):
        if a >= before:
            break
        if not index.by_id[eid].get("role") and accept(eid):
            best = eid
    return best


def _mention_around(index: EntityIndex, pos: int) -> str | None:
    for ent in index.entities:
        if ent["type"] in ("PERSON", "ORG") and any(a <= pos < b for a, b in ent["mentions"]):
            return ent["id"]
    return None


# output ---------------------------------------------------------------------------------------

def _kind(text: str, content: Span, quotes: list[Quote]) -> str:
    if not quotes:
        return "indirect"
    s, e = content
    inside = [False] * (e - s)
    for q in quotes:
        for i in range(max(q.span[0], s), min(q.span[1], e)):
            inside[i - s] = True
    outside = "".join(text[s + i] for i, x in enumerate(inside) if not x)
    return "mixed" if re.search(r"\w", outside) else "direct"


def _sentence_at(sent_chars: list[Span], pos: int) -> Span:
    for a, b in sent_chars:
        if a <= pos < b:
            return (a, b)
    return (max(0, pos - channels.WINDOW), pos + channels.WINDOW)


def _channel(c: _Cand, text: str, index: EntityIndex, sent_chars: list[Span]) -> dict[str, Any] | None:
    """The channel named around the cue; else, for words carried by a medium ("…, the Times
    reported", "according to NPR"), that medium as a report."""
    if c.cue_span[1] <= c.cue_span[0]:
        return None
    sent = _sentence_at(sent_chars, c.cue_span[0])
    mentions = [(a, b, ent) for ent in index.entities if ent["type"] in ("ORG", "WORK_OF_ART", "PRODUCT", "NORP", "FAC")
                for a, b in ent["mentions"] if sent[0] <= a < sent[1]]
    mentions.sort(key=lambda m: abs(m[0] - c.cue_span[0]))
    found = channels.channel_of(text, sent, c.cue_span, c.content, mentions)
    if found is None:
        for o in c.outer:
            ent = index.by_id.get(o.speaker) if o.speaker else None
            if ent is not None and channels.is_outlet(ent):
                return {"kind": "report", "outlet": ent["name"], "platform": None}
    return found


def _to_dict(c: _Cand, text: str, index: EntityIndex, reading: Reading, wire, publisher,
             sent_chars: list[Span] = ()) -> dict[str, Any] | None:
    kind = "omission" if c.mode == "omission" else _kind(text, c.content, c.quotes)
    if kind == "direct":
        parts = [p for q in c.quotes + c.more for p in q.parts]
        span = (parts[0][0], parts[-1][1])
        # the quoted words only; " … " marks where the article's own words (the cue) came between
        content = " … ".join(
            " ".join(text[a:b].strip() for a, b in q.parts) for q in c.quotes + c.more if q.parts
        )
    else:
        span = c.content
        content = text[span[0]:span[1]]
        if c.more:
            span = (span[0], c.more[-1].span[1])
            content = " … ".join([content] + [" ".join(text[a:b].strip() for a, b in q.parts) for q in c.more])
    if c.mode != "omission" and not content.strip():
        return None
    channel = _channel(c, text, index, list(sent_chars))
    via: list[str] = []
    if channel and channel.get("outlet"):
        outlet_id = index.by_surface(channel["outlet"])
        channel["outlet"] = index.label(outlet_id) if outlet_id else channel["outlet"]
        if channel["outlet"] != index.label(c.speaker):
            via.append(channel["outlet"])
    for o in c.outer:
        label = index.label(o.speaker) if o.speaker else (text[o.speaker_span[0]:o.speaker_span[1]] if o.speaker_span else None)
        if label and label not in via and label != index.label(c.speaker):
            via.append(label)
    for label in (wire, publisher):
        if label and label not in via and label != index.label(c.speaker):
            via.append(label)
    reported = None
    for o in reversed(c.outer):
        if o.date_text:
            reported = resolve_date(o.date_text, reading.published)
            if reported:
                break
    said = resolve_date(c.date_text, reading.published) if c.date_text else None
    addressee_text = text[c.addressee_span[0]:c.addressee_span[1]] if c.addressee_span else None
    speaker_text = text[c.speaker_span[0]:c.speaker_span[1]] if c.speaker_span else None
    sent = _sentence_at(list(sent_chars), c.cue_span[0]) if sent_chars else (0, 0)
    return {
        "id": "",
        "kind": kind,
        "speaker": c.speaker,
        "speaker_text": speaker_text,
        "speaker_span": list(c.speaker_span) if c.speaker_span else None,
        "source_kind": channels.source_kind(speaker_text, index.by_id.get(c.speaker) if c.speaker else None,
                                            text[sent[0]:sent[1]]),
        "cue": c.cue,
        "cue_span": list(c.cue_span),
        "addressee": c.addressee,
        "addressee_text": addressee_text,
        "content": content,
        "span": list(span),
        "quotes": [list(p) for q in c.quotes + c.more for p in q.parts],
        "channel": channel,
        "via": via,
        "said_on": said,
        "reported_on": reported,
    }


def _headline(reading: Reading, index: EntityIndex, wire, publisher) -> dict[str, Any] | None:
    """"Kim: Russia has right …", "… - minister", "…, says X" in the title."""
    title = (reading.title or "").strip()
    if not title:
        return None
    found = None
    m = re.match(r"^(?P<who>[^:]{2,80}?):\s+(?P<what>.+)$", title)
    if m:
        found = (m.start("who"), m.end("who"), m.start("what"), m.end("what"), ":")
    else:
        for dash in cues.HEADLINE_DASHES:
            k = title.rfind(dash)
            if k > 0:
                found = (k + len(dash), len(title), 0, k, dash.strip())
                break
        if found is None:
            m = _HEADLINE_SAYS.match(title)
            if m:
                found = (m.start("who"), m.end("who"), m.start("what"), m.end("what"), m.group("cue"))
    if found is None:
        return None
    ws, we, cs, ce, cue = found
    who = title[ws:we].strip().rstrip(".")
    what = title[cs:ce].strip().strip("'\"‘’“”")
    if len(who.split()) > cues.HEADLINE_SPEAKER_MAX_WORDS or len(what.split()) < cues.HEADLINE_CONTENT_MIN_WORDS:
        return None
    speaker = _headline_speaker(who, index)
    last = who.split()[-1].lower().strip(".'’s") if who.split() else ""
    if speaker is None and last not in cues.HEADLINE_ROLES:
        return None
    if speaker is None and last in cues.ROLE_NOUNS and len(who.split()) <= 2:
        speaker = index.titled(last, 10**9)
    speaker_text = who
    if speaker is not None:
        ent = index.by_id[speaker]
        name_words = {w.lower() for w in ent["name"].split()} | {a.lower() for a in ent["aliases"]}
        words = who.split()
        k = next((i for i, w in enumerate(words) if w.lower().strip("'’s") in name_words), None)
        if k and any(w.lower() in cues.ROLE_NOUNS for w in words[:k]):
            title_words = words[:k]
            ent["titles"].append(" ".join(title_words)) if " ".join(title_words) not in ent["titles"] else None
    via = [x for x in (wire, publisher) if x and x != index.label(speaker)]
    return {
        "id": "",
        "kind": "headline",
        "speaker": speaker,
        "speaker_text": speaker_text,
        "speaker_span": None,
        "source_kind": channels.source_kind(speaker_text, index.by_id.get(speaker) if speaker else None),
        "cue": cue,
        "cue_span": None,
        "addressee": None,
        "addressee_text": None,
        "content": what,
        "span": None,
        "title_span": [title.find(what), title.find(what) + len(what)],
        "quotes": [],
        "channel": None,
        "via": via,
        "said_on": None,
        "reported_on": None,
    }


def _headline_speaker(who: str, index: EntityIndex) -> str | None:
    found = index.by_surface(who)
    if found:
        return found
    words = who.split()
    for n in range(len(words), 0, -1):
        for i in range(0, len(words) - n + 1):
            cand = " ".join(words[i:i + n])
            if not cand[:1].isupper():
                continue
            eid = index.by_surface(cand)
            if eid and index.by_id[eid]["type"] in ("PERSON", "ORG") and index.by_id[eid]["mentions"]:
                return eid
    return None
