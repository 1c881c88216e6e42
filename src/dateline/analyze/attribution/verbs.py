"""Speech-verb cues (cues.SPEECH_VERBS) with their subject, before the content ("X said that
…", "X told Y …", "X pledged to …") or after it ("…, X said", split quotes); "according to X";
omissions ("X made no mention of …", "X declined to comment")."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from .. import cues
from ..docindex import lowers
from ..entities import EntityIndex
from ..nlp import tokens
from .parse import (
    _CLOSE_MARKS,
    _OPEN_MARKS,
    Span,
    _animate,
    _Cand,
    _char_end,
    _date_of,
    _ent_text,
    _first_person,
    _negated,
    _np_span,
    _passive,
    _rstrip_punct,
    _subject,
    _text,
    _trim,
)
from .quotes import (
    Quote,
    Quotes,
    _quote_after,
    _quote_around,
    _quote_before,
    _quote_ending,
    _quote_starting,
    _titled,
)

#: "…" as officials looked on: a setting clause after a quote is not part of the claim
_SETTING_AFTER_QUOTE = re.compile(rf"\s*,?\s*(?:{'|'.join(cues.SETTING_CONJUNCTIONS)})\b")



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



def _participle_anchor(tok: Any) -> Any:
    """The earlier verb a participle cue hangs from ("said, adding …", "told them, before
    insisting …"), or None."""
    if tok.tag_ != "VBG":
        return None
    if tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i < tok.i and tok.head.tag_.startswith("VB"):
        return tok.head
    if tok.dep_ == "pcomp" and tok.head.lower_ in cues.GERUND_CUE_PREPOSITIONS \
            and tok.head.head.i < tok.i and tok.head.head.tag_.startswith("VB"):
        return tok.head.head
    return None


def _cue_verbs(doc, ss, se, taken, quotes, index, chunks) -> list[_Cand]:
    infos = []
    rel_of: dict[int, Any] = {}  # cue token → its relative pronoun subject
    chosen: dict[int, tuple[Any, Span]] = {}  # cue token → its speaker (head token, span)
    lows = lowers(doc)
    for tok in tokens(doc)[ss:se]:
        entry = cues.CUE_FORMS.get(lows[tok.i])
        if entry is None or tok.i in taken or not tok.tag_.startswith("VB"):
            continue
        lemma, shape = entry
        if tok.dep_ in ("amod", "compound", "nsubj", "dobj", "pobj", "attr") or (
                tok.tag_ == "VBG" and tok.i > ss and doc[tok.i - 1].lower_ in cues.CUE_FORMS):
            continue  # "cheering teachers", "told cheering crowds": not a verb of speech here
        if _negated(tok) or (_passive(tok) and tok.lower_ not in ("quoted",)):
            continue
        subj = _subject(tok)
        aside = _inverted_aside(doc, tok, ss, se)
        if aside is not None:
            subj = aside  # "The cause, say experts like X, is …": the experts, not the cause
        forced = _speaker_after_quote(doc, ss, tok)
        if forced is not None and subj is not None and subj.head.i == tok.i and subj.dep_ == "nsubj" \
                and forced[1] <= subj.i < tok.i and subj.pos_ in ("PROPN", "PRON") \
                and forced[2].pos_ not in ("PROPN", "PRON"):
            forced = None  # '"…," the heyday of the mills, Reed says': a name right before the cue, a
            # description of the quotation's words before it
        if forced is not None and (subj is None or not forced[0] <= subj.i < forced[1]):
            subj = forced[2]  # '"…," Stafford, a crew member, responded': parsed otherwise
        elif forced is not None and subj.i < tok.i:
            forced = (forced[0], forced[1], subj)
        else:
            forced = None
        anchor = _participle_anchor(tok)
        inherited = chosen.get(anchor.i) if anchor is not None and forced is None else None
        if inherited is not None:
            subj = inherited[0]  # "X told them, saying …": whoever the first cue's speaker is
        if subj is None or subj.i in taken or not (ss <= subj.i < se):
            continue
        if subj.lower_ == "that" and subj.i == tok.i - 1 and tok.i + 1 < se and doc[tok.i + 1].text == ",":
            continue  # "That said, …"
        relative = subj.lower_ in cues.RELATIVE_PRONOUNS and tok.dep_ == "relcl" and subj.i < tok.i
        if relative:
            rel_of[tok.i] = subj
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
        if inherited is not None:
            sp = inherited[1]
        elif forced is not None:
            sp = (forced[0], forced[1])
        elif relative:
            sp = (max(subj.left_edge.i, ss), subj.i + 1)
        elif subj.i < tok.i:
            sp = _np_span(doc, subj, ss, tok.i)
            if subj.head is not tok and subj.head.i > subj.i:  # inherited from a conjoined verb: keep the subject only
                sp = _np_span(doc, subj, ss, subj.head.i)
        else:
            sp = _np_span(doc, subj, tok.i + 1, se)
            sp = _inverted_name(doc, tok, sp, se)
        infos.append((tok, shape, subj, sp))
        chosen[tok.i] = (subj, sp)

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
        before_q = _quote_before(quotes, _text(doc), doc[start_tok].idx) if mark is None else None
        if before_q is not None and all(doc[j].text in _CLOSE_MARKS or doc[j].tag_ == "''" or doc[j].is_space
                                        for j in range(ss, start_tok)) \
                and not _titled(_text(doc), before_q) and not (rest_words and _ends_sentence(_text(doc), before_q, doc[start_tok])):
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
        anchor = _participle_anchor(tok)
        if mark is not None and anchor is not None and mark < anchor.i:
            # '"A," X said, adding, "B."', '"A," X told them, before insisting B': the quote
            # before is the first verb's; the participle's content is what follows it
            pos = tok.idx + len(tok.text)
            while pos < len(_text(doc)) and _text(doc)[pos] in " \t,:":
                pos += 1
            q = _quote_starting(quotes, pos)
            if q is not None and q.words(_text(doc)) >= cues.MIN_QUOTE_WORDS:
                pending.append(("colon_lead", tok, shape, subj, sp, i, addr, date_text, q))
            elif rest_words and _content_fits(doc, tok, shape, i, se, quotes):
                pending.append(("lead", tok, shape, subj, sp, i, addr, date_text, None))
            continue
        # a quote that closes right before the attribution is its content; what follows the
        # cue is a setting ('"…," Kim tweeted soon after the vote'), unless "that" or ":" opens more
        quoted_before = mark is not None and (
            mark == ss and start_tok == ss and not _has_clause_after(doc, i, se)
            or any(doc[j].text in _CLOSE_MARKS or doc[j].tag_ == "''" for j in range(mark, start_tok)))
        if quoted_before and rest_words and _title_before(doc, ss, mark):
            quoted_before = False  # 'on Fox News's "Hannity," Gingrich said …': a title, not what he said
        opens_more = i > 0 and doc[i - 1].lower_ in ("that", ":")
        clause_before = mark is not None and (quoted_before or _has_clause_after(doc, ss, mark))
        # '… calling him "A," the crowd chanted "B"': a quote right after the cue is its content
        quote_follows = first is not None and first.text in _OPEN_MARKS and first.i == tok.i + 1
        subordinate = doc[ss].pos_ == "SCONJ" or doc[ss].dep_ == "mark"  # 'If A, she said, B'
        if mark is not None and mark > ss and doc[mark].text == "," and (not clause_before or subordinate
                                                                          and not quoted_before) \
                and first is not None and first.text == "," and (not inverted or mark == tok.i - 1) \
                and any(t.pos_ in ("VERB", "AUX") for t in rest_words):
            # 'The trouble, Frank writes, began in 1970', 'Voters, she suggested, need not
            # worry': a cue set off by commas inside its content, whatever its kind
            pending.append(("aside", tok, shape, subj, sp, i, addr, date_text, mark))
            continue
        if clause_before and (not rest_words or first.text == "," or first.text in _OPEN_MARKS
                              and doc[i - 1].text == "," and quoted_before
                              or quoted_before and not opens_more and not quote_follows):
            pending.append(("trail", tok, shape, subj, sp, i, addr, date_text, mark))
            trail_marks.append(mark)
        elif rest_words and _content_fits(doc, tok, shape, i, se, quotes):
            pending.append(("lead", tok, shape, subj, sp, i, addr, date_text, None))
        elif clause_before and mark > ss and not _has_clause_after(doc, i, se):
            pending.append(("trail", tok, shape, subj, sp, i, addr, date_text, mark))
            trail_marks.append(mark)

    text = _text(doc)
    sent_start = doc[ss].idx
    for mode, tok, shape, subj, sp, i, addr, date_text, mark in pending:
        cue_span = (tok.idx, tok.idx + len(tok.text))
        speaker_span = (doc[sp[0]].idx, _char_end(doc, sp[1]))
        if mode == "colon_lead":
            c = _Cand("lead", tok.text, cue_span, speaker_span, mark.span, head=subj, addressee_span=addr,
                      date_text=date_text, quotes=[mark])
            out.append(c)
            continue
        if mode == "aside":
            q = _quote_starting(quotes, sent_start)
            ce = max(_content_end(doc, i, se), q.span[1] if q is not None else 0)
            c = _Cand("lead", tok.text, cue_span, speaker_span, _trim(text, sent_start, ce), head=subj,
                      addressee_span=addr, date_text=date_text)
            out.append(c)
            continue
        if mode == "lead":
            if i >= se:
                continue
            cs = doc[i].idx
            ends = [doc[m].idx for m in trail_marks if m > i] + [_content_end(doc, i, se)]
            ends += [doc[b].idx for b in _next_clauses(doc, i, subj, pending)]
            if tok.dep_ in ("relcl", "advcl", "acl") and tok.right_edge.i < se and tok.right_edge.i >= i \
                    and not _dash_aside_after(doc, tok, i, tok.right_edge.i + 1, se):
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
            # split quote: "A," he said, "B."; "A," he said of the plan on Monday, "B."
            if i < se and doc[i - 1].text == "," and i < len(doc):
                q2 = _quote_after(quotes, text, doc[i - 1].idx + 1)  # past the comma, however tokenised
                if q2 is not None:
                    more = [q2]
            if not more and q is not None:
                j = tok.i + 1
                while j < se and j - tok.i <= 12 and doc[j].text != "," and doc[j].text not in _OPEN_MARKS \
                        and doc[j].pos_ not in ("VERB", "AUX"):
                    j += 1
                if j < se and doc[j].text == "," and j > tok.i + 1:
                    q2 = _quote_after(quotes, text, doc[j].idx + 1)
                    if q2 is not None and q2.span[0] < _char_end(doc, se) + 2:
                        more = [q2]
            if q is not None:
                extra = [q]
        if content[1] <= content[0]:
            continue
        if lemma in cues.VOICE_CUES and not extra and not more \
                and not _opens_between(quotes, content[0] - 1, content[1]):
            continue  # 'Republicans are crying foul': a voice verb speaks only a quotation
        c = _Cand(mode, tok.text, cue_span, speaker_span, content, head=subj,
                  addressee_span=addr, date_text=date_text, quotes=extra if mode == "trail" and extra else [],
                  more=more if mode == "trail" else [])
        if tok.dep_ == "conj" and date_text is None:
            c.date_text = _date_of(tok.head)
        out.append(c)
    for c in out:
        _relative_speaker(c, rel_of.get(next((t.i for t in doc[ss:se] if t.idx == c.cue_span[0]), -1)))
    return out


_DASHES = ("—", "–", "--")


def _dash_aside_after(doc, tok, i, j, se) -> bool:
    """Whether an aside set off by a pair of dashes opens or closes at token ``j`` and the
    sentence goes on after it ('pledged to ban all visitors — millions of people — from
    entering'): the parser hangs what follows the aside elsewhere, so the clause's last token
    is not its end. ``i`` is where the content starts."""
    if j >= se or doc[j].text not in _DASHES:
        return False
    closes = any(t.text in _DASHES for t in doc[i:j])
    k = j if closes else next((t.i for t in doc[j + 1:se] if t.text in _DASHES), None)
    if k is None or not any(not t.is_punct and not t.is_space for t in doc[k + 1:se]):
        return False
    governing = {a.i for a in tok.ancestors}
    return not any(t.i in governing for t in doc[k + 1:se])  # 'X, who denies A — B — has resigned'


def _relative_speaker(c: _Cand, rel: Any) -> None:
    """A speaker named by a relative pronoun: the mention is the pronoun ("who"), and the noun
    phrase it stands for is what it resolves to."""
    if rel is None or c.speaker_span is None:
        return
    c.refers = c.speaker_span
    c.speaker_span = (rel.idx, rel.idx + len(rel.text))



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



def _inverted_aside(doc, tok, ss: int, se: int) -> Any:
    """The speaker of an inverted cue set off by commas inside its content ("The cause of the
    delay, said Ana Ruiz, is …", "Part of it, say experts like X, is …"): the head of the noun
    phrase between the cue and the next comma. The parser gives such a cue the words before it
    as subject, or none."""
    if tok.i - 1 <= ss or doc[tok.i - 1].text != "," or tok.dep_ not in ("parataxis", "ROOT") \
            or tok.i + 1 >= se or doc[tok.i + 1].pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "NUM"):
        return None
    comma = next((j for j in range(tok.i + 1, min(se, tok.i + 16)) if doc[j].text == ","), None)
    if comma is None or comma + 1 >= se or not any(t.pos_ in ("VERB", "AUX") for t in doc[comma + 1:se]):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1:comma]):
        return None  # a clause of its own after the cue ("…, said the plan would fail, …")
    heads = [t for t in doc[tok.i + 1:comma] if not (tok.i < t.head.i < comma) and t.pos_ in ("PROPN", "NOUN", "PRON")]
    if len(heads) != 1:
        return None
    if tok.dep_ == "parataxis":
        return heads[0] if tok.head.i > comma else None
    # read as the main verb: its clause after the comma has the name for subject ("The cause,
    # said X, would be …" parsed "the cause said [X would be …]")
    return heads[0] if heads[0].dep_ == "nsubj" and heads[0].head.dep_ == "ccomp" \
        and heads[0].head.head.i == tok.i and heads[0].head.i > comma else None


def _inverted_name(doc, tok, sp: Span, se: int) -> Span:
    """An inverted subject read whole up to its comma ('said Army Capt. Rosa Diaz, who …' is
    one name with its title, whatever the parser made of the abbreviation)."""
    if sp[0] != tok.i + 1:
        return sp
    j = sp[0]
    while j < se and j - sp[0] < 10 and (doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM")
                                         or doc[j].text == "." and j > sp[0] or doc[j].lower_ == "of"):
        j += 1
    if j > sp[1] and (j == se or doc[j].text in (",", ".", ";", "—", "–") or doc[j].is_space):
        while j > sp[1] and (doc[j - 1].lower_ == "of" or doc[j - 1].pos_ == "DET"
                             or doc[j - 1].text == "." and (j == se or doc[j].is_space or doc[j].text != ",")):
            j -= 1
        return (sp[0], j)
    return sp


def _title_before(doc, ss, mark) -> bool:
    """Whether the quotation that closes at ``mark`` is a title: a few words after a possessive
    or a preposition ("on NBC’s “Meet the Press,”", "in his book “Crippled America,”")."""
    j = mark - 1
    while j >= ss and not (doc[j].text in _OPEN_MARKS or doc[j].tag_ == "``"):
        if mark - j > 7 or doc[j].pos_ in ("VERB", "AUX"):
            return False
        j -= 1
    if j < ss or j == 0:
        return False
    prev = doc[j - 1]  # may lie before the sentence, where the parser cut it at the quote
    return prev.tag_ == "POS" or prev.lower_ in cues.TITLE_PREPOSITIONS and prev.pos_ == "ADP"


def _ends_sentence(text: str, q: Quote, first: Any) -> bool:
    """Whether a quotation closed by a full stop ('… “unhinged.”') ended its sentence before
    the capitalised word after it ('“unhinged.” Senator Hale called …'): that word opens the
    next sentence, whose cue has a content of its own ('"A!" he told them' is one sentence, and
    so is '"A." Hale said on Monday', with nothing after the cue)."""
    inner = text[q.inner[0]:q.inner[1]].rstrip()
    return inner.endswith(".") and not inner.endswith("..") and first.text[:1].isupper()


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
                comma_quote = nxt.text == "," and j + 1 < se and doc[j + 1].text in _OPEN_MARKS  # 'told them, "…"'
                if (nxt.lower_ in ("that", ":") or nxt.text in _OPEN_MARKS or comma_quote or to_verb and shape == "urge"
                        or nxt.lower_ in preps and nxt.lower_ == "of"
                        or shape == "tell" and nxt.dep_ == "nsubj" and nxt.pos_ in ("PRON", "PROPN", "NOUN", "DET")) \
                        and not any(x.text in _OPEN_MARKS or x.text in _CLOSE_MARKS for x in doc[i:j]):
                    a = (i, j)
            if a is not None and _names_object(doc, tok, a[1], se):
                a = None  # 'called the plan "a disgrace"': what is named is part of the content
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



def _opens_between(quotes, lo: int, hi: int) -> bool:
    """Whether a quotation opens in ``[lo, hi)``."""
    starts = quotes._index()[0] if isinstance(quotes, Quotes) else sorted(q.span[0] for q in quotes)
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _names_object(doc, tok, j, se) -> bool:
    """Whether the noun phrase before token ``j`` is what a naming cue names ('called Trump "a
    liar"', 'called the plan “offensive”') rather than whom it addresses ('called on X to …',
    'called X to demand …')."""
    if cues.CUE_FORMS.get(tok.lower_, ("", ""))[0] not in cues.NAMING_CUES or j >= se:
        return False
    nxt = doc[j]
    if nxt.lower_ == "to" or nxt.lower_ in cues.CUE_PREPOSITIONS.get("call", ()):
        return False
    return nxt.text in _OPEN_MARKS or nxt.tag_ == "``" or nxt.text in ("''", "’’") \
        or nxt.pos_ in ("DET", "ADJ", "NUM") or nxt.tag_ in ("PRP$", "POS") or nxt.lower_ == "as"


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



def _addressee_at(doc, i, se, index: EntityIndex, chunks) -> tuple[int, int] | None:
    span = _addressee_span(doc, i, se, index, chunks)
    if span is not None and span[1] < se and doc[span[1]].tag_ == "POS":
        # "told the agency's staff": the possessor is part of whom it was told to
        head = doc[span[1] - 1].head
        if span[1] < head.i < se and head.pos_ in ("NOUN", "PROPN"):
            return (span[0], head.i + 1)
        return None
    return span


def _addressee_span(doc, i, se, index: EntityIndex, chunks) -> tuple[int, int] | None:
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



def _content_fits(doc, tok, shape, i, se, quotes=()) -> bool:
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
    quoted = any(t.text in _OPEN_MARKS or t.tag_ == "``" for t in doc[i:se]) \
        or bool(quotes) and i < se and _opens_between(quotes, doc[i].idx, _char_end(doc, se))  # ''A'' style
    if shape in ("commit", "urge"):
        return opened or (first == "to" and len(words) > 1 and words[1].pos_ in ("VERB", "AUX")) \
            or quoted and shape == "urge"
    if shape == "deny":
        return True
    if shape == "strict":
        return opened or _bare_clause(tok, i)
    if shape == "judge":  # "described the call as “improper”", "called it a “disgrace”"
        return quoted and first not in cues.TOPIC_PREPOSITIONS
    if words[0].pos_ == "ADP" and not opened and first in cues.TOPIC_PREPOSITIONS:
        return False  # "testified about a meeting …": a topic, not content
    if not opened and shape != "tell" and first in cues.SETTING_CONJUNCTIONS and words[0].head.dep_ == "advcl" \
            and words[0].head.head.i == tok.i and not any(c.dep_ == "ccomp" for c in tok.children):
        return False  # "said as he opened the session", "said when asked": when, not what
    return opened or has_verb or quoted and shape == "tell"



def _bare_clause(tok, i) -> bool:
    """Whether the words from token ``i`` on are a clause the cue takes without "that" ('added
    the plan was dead', 'noting the nominee "makes you want to retch"'): a clausal complement
    with a subject of its own, opening right there."""
    return any(c.dep_ == "ccomp" and c.left_edge.i == i and c.i > i
               and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in tok.children)


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



def _according(doc, ss, se, taken, quotes=()) -> list[_Cand]:
    out = []
    lows = lowers(doc)
    for t in tokens(doc)[ss:se - 1]:
        if lows[t.i] != "according" or lows[t.i + 1] != "to":
            continue
        if quotes and _quote_around(quotes, t.idx) is not None:
            continue  # '"It's according to age groups," she said': the quoted speaker's words
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
        opens = t.i - 1
        while opens >= ss and doc[opens].text == ",":
            opens -= 1
        if not lead and opens >= ss and (doc[opens].lower_ == "that" and doc[opens].dep_ == "mark"
                                         or doc[opens].text == ":"):
            lead = True  # "X reported that, according to Y, Z": Y's is the clause it opens, not X's
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


#: what may hang on an "as" cue that says nothing of its own: a date, a manner, a setting
_AS_CUE_SETTINGS = frozenset({"advmod", "npadvmod", "prep", "punct", "aux", "neg", "agent", "prt", "cc"})
#: prepositions that give what was said ("as he spoke about …"): the cue then has content of its own
_AS_CUE_TOPICS = frozenset({"about", "of", "to", "for", "with", "over"})


def _as_cues(doc, ss, se, taken, quotes=()) -> list[_Cand]:
    """'As the Daily Planet reported on Friday, the mayor will resign', '…, as Hale noted', 'as
    Hale put it, …', 'as Tuesday's results show': a verb of speech (cues.AS_CUES, "put it") or of
    pointing out, showing, believing, hoping (cues.AS_MORE_FORMS) in a clause opened by "as" that
    says nothing of its own attributes the clause it is set beside. The speaker is its subject
    (whom it told, the addressee; a quotation after a colon, the content); the content is the rest
    of the sentence (what comes after the "as" clause when it opens the sentence, what comes
    before it when it closes the sentence, the whole sentence when it stands inside)."""
    out = []
    lows = lowers(doc)
    text = _text(doc)
    for tok in tokens(doc)[ss:se]:
        low = lows[tok.i]
        entry = cues.CUE_FORMS.get(low)
        put = low in cues.AS_PUT_FORMS
        more = cues.AS_MORE_FORMS.get(low)
        if (entry is None or entry[0] not in cues.AS_CUES) and not put and more is None:
            continue
        if tok.i in taken or not tok.tag_.startswith("VB") or tok.dep_ != "advcl":
            continue
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.i < tok.i), None)
        if mark is None or mark.lower_ != "as" or _negated(tok) or _passive(tok):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and mark.i < c.i < tok.i), None)
        if subj is None or _first_person(subj) or subj.lower_ in ("it", "this", "that", "what"):
            continue  # "as I said": the writer's own; "as it turned out"
        if quotes and _quote_around(quotes, tok.idx) is not None:
            continue  # inside a quotation: the quoted speaker's words
        after = [c for c in tok.children if c.i > tok.i]
        if more == "point":
            if not any(c.dep_ == "prt" and c.lower_ == "out" for c in after):
                continue  # "as Hale pointed out"
        if put:
            if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in after):
                continue
            after = [c for c in after if not (c.dep_ == "dobj" and c.lower_ == "it")]
        told = next((c for c in after if c.dep_ in ("dobj", "dative") and entry is not None and entry[1] == "tell"
                     and _animate(c)), None)  # "as she told the council": whom she told
        after = [c for c in after if c is not told]
        if any(c.dep_ not in _AS_CUE_SETTINGS or c.dep_ == "prep" and c.lower_ in _AS_CUE_TOPICS
               for c in after):
            continue  # "as Hale spoke about the plan", "as she said that …": it says something of its own
        lo, hi = mark.i, tok.right_edge.i + 1
        if lo < ss or hi > se:
            continue
        given: list[Quote] = []
        main = tok.head
        main_subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if hi < se and doc[hi].text == ":":
            q = _quote_after(quotes, text, _char_end(doc, hi + 1))
            if q is None:
                continue
            content, given = q.span, [q]  # '…, as the group's website notes: "…"': the quotation
        elif main.i >= hi and (main_subj is None or main_subj.i >= hi):
            cs = hi  # "As the Times reported, the mayor …", "Of course, as Hale noted, the plan …"
            while cs < se and (doc[cs].is_punct or doc[cs].is_space) and doc[cs].text not in _OPEN_MARKS:
                cs += 1
            if cs >= se:
                continue
            content = (doc[cs].idx, _char_end(doc, se))
        elif lo == ss or doc[lo - 1].text not in (",", "—", "–", "--", "("):
            continue  # "… faster than Hale said", "the same as she said": a comparison, not an aside
        elif main.i < lo and all(x.is_punct or x.is_space for x in doc[hi:se]):
            content = (doc[ss].idx, doc[lo - 1].idx)  # "The mayor will resign, as the Times reported."
        else:
            content = (doc[ss].idx, _char_end(doc, se))  # "The plan, as Hale noted, is late"
        content = _trim(text, *content)
        if content[1] <= content[0] or len(text[content[0]:content[1]].split()) < 3:
            continue
        sp = _np_span(doc, subj, mark.i + 1, tok.i)
        addr = _np_span(doc, told, tok.i + 1, hi) if told is not None else None
        taken.update(range(lo, hi))
        out.append(_Cand("lead" if content[0] > tok.idx else "trail", tok.text, (tok.idx, tok.idx + len(tok.text)),
                         (doc[sp[0]].idx, _char_end(doc, sp[1])), content, head=subj, date_text=_date_of(tok),
                         quotes=given, addressee_span=(doc[addr[0]].idx, _char_end(doc, addr[1])) if addr else None))
    return out


def _in_documents(doc, ss, se, taken, quotes=()) -> list[_Cand]:
    """A clause set in a document ("Kasich was at 25 percent in the latest Fox poll", "In the
    filing, the firm admits …"): the document is the source and the rest of the clause what it
    shows. A clause whose verb is itself a cue ("said in a statement") is the verb's."""
    out = []
    lows = lowers(doc)
    for t in tokens(doc)[ss:se - 1]:
        if lows[t.i] != "in" or t.dep_ != "prep" or t.i in taken:
            continue
        if quotes and _quote_around(quotes, t.idx) is not None:
            continue  # "holding his own in the polls" inside a quotation is the speaker's
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lower_ not in cues.IN_DOCUMENT_NOUNS:
            continue
        if obj.tag_ in ("NNS", "NNPS") and all(ch.dep_ == "det" and ch.lower_ == "the" for ch in obj.children):
            continue  # "leading in the polls", "rising in the surveys": a standing, not a finding
        verb = t.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lower_ in cues.CUE_FORMS or not (ss <= verb.i < se):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        ps, pe = t.i, min(obj.right_edge.i + 1, se)
        if any(x.pos_ in ("VERB", "AUX") and x.dep_ in ("relcl", "acl") for x in doc[ps:pe]) and pe - ps > 12:
            pe = min(pe, obj.i + 1)
        lead = all(x.is_punct or x.is_space or x.lower_ in ("but", "and", "yet", "so") for x in doc[ss:ps])
        if lead:
            cs = pe
            while cs < se and (doc[cs].is_punct or doc[cs].is_space):
                cs += 1
            if cs >= se:
                continue
            content = (doc[cs].idx, _char_end(doc, se))
        elif all(x.is_punct or x.is_space for x in doc[pe:se]) or doc[pe].text in (",", ";", "—", "–"):
            content = (doc[ss].idx, t.idx)
        else:
            continue  # in the middle of its clause: what is the document's is unclear
        content = _trim(_text(doc), *content)
        if content[1] <= content[0] or len(_text(doc)[content[0]:content[1]].split()) < 3:
            continue
        s0 = next((x.i for x in doc[t.i + 1:pe] if x.dep_ != "punct"), obj.i)
        taken.update(range(ps, pe))
        out.append(_Cand("according", "in", (t.idx, t.idx + len(t.text)), (doc[s0].idx, _char_end(doc, pe)),
                         content, head=obj))
    return out



_OMISSIONS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}


for _pat in sorted(cues.OMISSIONS, key=len, reverse=True):
    _OMISSIONS_BY_FIRST.setdefault(_pat[0], []).append(_pat)



def _omissions(doc, ss, se, taken) -> list[_Cand]:
    out = []
    lows = lowers(doc)[ss:se]
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
            end = se
            main = next((v for v in (doc[e - 1], verb, verb.head) if v.pos_ == "VERB"), verb)
            conj = next((c for c in main.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and e < c.i < se),
                        None)
            if conj is not None:
                # "X did not mention Y, but told them …": the omission ends where the next verb's
                # clause begins
                cc = [c for c in main.children if c.dep_ == "cc" and e < c.i < conj.i]
                end = cc[-1].i if cc else conj.left_edge.i
            content = _trim(_text(doc), cs, _char_end(doc, end)) if e < end else (cs, cs)
            taken.update(range(i, e))
            out.append(_Cand("omission", doc[i:e].text, (doc[i].idx, _char_end(doc, e)),
                             (doc[sp[0]].idx, _char_end(doc, sp[1])), content, head=subj,
                             date_text=_date_of(verb)))
            break
    return out
