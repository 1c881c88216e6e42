"""The stage that applies the learned cue model (cue_model.py, broad_cues.py)."""

from __future__ import annotations

from bisect import bisect_left

from .. import cues
from ..nlp import tokens
from .parse import _animate, _Cand, _char_end, _date_of, _first_person, _negated, _text
from .quotes import Covered, _quote_around, quote_at


def _already_held(held: Covered, cs: int, ce: int) -> bool:
    """Whether another claim holds the content ``cs:ce`` already, or more than half of it."""
    return any(a <= cs and ce <= b or (min(ce, b) - max(cs, a)) > 0.5 * (ce - cs) for a, b in held.near(cs, ce))


#: the cue model's probability a second cue conjoined to a claim's own needs (a conjoined verb
#: scores lower than the same verb leading its clause), when what it holds has a quotation;
#: chosen on PolNeAR train 0–299 and 500–699
CONJOINED_THRESHOLD = 0.3


def _conjoined_outer(tok, by_cue, cs: int, ce: int, quotes) -> tuple[_Cand, bool] | None:
    """The claim whose content runs on over a second cue conjoined to its own ('X called it
    “shameful” and called on leaders “not to …”', 'pledged to act and vowed a “revolution”'),
    when what the second cue holds has a quotation: the two are attributions of their own.
    The parser often hangs the second cue on the verb of the first one's content instead ('told
    reporters that Reed is a “faker” and questioned how …'): with no subject of its own, it is
    still the first speaker's (the flag says so: its subject is the claim's, not the clause's)."""
    head = tok
    c, borrowed = None, False
    own_subject = any(k.dep_ in ("nsubj", "nsubjpass") for k in tok.children)
    for _ in range(4):
        if head.dep_ != "conj" or head.head.i == head.i:
            return None
        head = head.head
        c = by_cue.get(head.idx)
        if c is not None:
            break
        if head.dep_ == "ccomp" and not own_subject and head.head.i < head.i:
            c = by_cue.get(head.head.idx)
            if c is not None:
                borrowed = True
                break
    if c is None or not (c.content[0] < tok.idx and ce <= c.content[1] + 3):
        return None
    if not any(cs <= q.span[0] < ce for q in quote_at(quotes, cs, ce)):
        return None
    doc = tok.doc
    j = tok.left_edge.i
    while j > 0 and (doc[j - 1].dep_ == "cc" or doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    if j <= 0 or _char_end(doc, j) <= c.content[0]:
        return None
    return c, borrowed


def _cut_before(doc, c: _Cand, tok) -> None:
    """End claim ``c`` where the cue ``tok`` conjoined to its own begins its clause."""
    j = tok.left_edge.i
    while j > 0 and (doc[j - 1].dep_ == "cc" or doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    end = _char_end(doc, j)
    c.content = (c.content[0], end)
    c.quotes = [q for q in c.quotes if q.span[1] <= end]
    c.more = [q for q in c.more if q.span[1] <= end]


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
    held = Covered(c.content for c in cands)
    out: list[_Cand] = []
    text = _text(doc)
    toks = tokens(doc)
    possible = cue_model.possible_cues(doc)  # the tokens the two tests below may take, in order
    by_cue = {c.cue_span[0]: c for c in cands if c.mode == "lead"}
    for ss, se in sents:
        for tok in (toks[i] for i in possible[bisect_left(possible, ss):bisect_left(possible, se)]):
            if tok.idx in used or not (cue_model.candidate(tok) or cue_model.unseen_candidate(tok)):
                continue
            if _quote_around(quotes, tok.idx) is not None:
                continue  # words inside a quotation are the quoted speaker's
            if tok.pos_ == "VERB" and cue_model.lemma_of(tok) in broad_cues.APPEARANCE_VERBS:
                judged = broad_cues.appearance_of(tok, ss, se)
                # "seemed to blame X", "she appeared to imply X": a person's act or thought, which is
                # theirs; "the plan seemed to be working" is the writer's judgement of the plan
                said = broad_cues.acts_through_appearance(tok)
                if judged is not None and not said:
                    cs, ce = doc[judged[0]].idx, _char_end(doc, judged[1])
                    if not _already_held(held, cs, ce):
                        out.append(_Cand("lead", tok.text, (tok.idx, tok.idx + len(tok.text)), None, (cs, ce),
                                         date_text=_date_of(tok)))
                        held.append((cs, ce))
                        used.add(tok.idx)
                        continue
            p = cue_model.probability(tok)
            low = p < threshold
            if low and (tok.dep_ != "conj" or p < CONJOINED_THRESHOLD):
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
            speaker_span = (doc[s0].idx, _char_end(doc, s1))
            if _already_held(held, cs, ce):
                found = _conjoined_outer(tok, by_cue, cs, ce, quotes)
                if found is None:
                    continue
                outer, borrowed = found
                _cut_before(doc, outer, tok)
                if borrowed:
                    speaker_span, head = outer.speaker_span, outer.head
            elif low:
                continue
            cue_span = (tok.idx, tok.idx + len(tok.text))
            c = _Cand("lead", tok.text, cue_span, speaker_span, (cs, ce), head=head,
                      date_text=_date_of(tok))
            rel = broad_cues.subject_of(tok)
            if rel is not None and rel.lower_ in cues.RELATIVE_PRONOUNS and rel.head.dep_ == "relcl" and rel.i < tok.i:
                c.refers, c.speaker_span = c.speaker_span, (rel.idx, rel.idx + len(rel.text))
            out.append(c)
            by_cue[c.cue_span[0]] = c
            held.append((cs, ce))
            used.add(tok.idx)
    return out
