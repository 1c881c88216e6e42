"""Quotations without a verb of their own: colon and dash cues ("X on tariffs: '…'", "'…' —
X"), the verb right after a quote ("'…?' he wondered"), quotes that carry on the previous
speaker's words, quotes no cue introduces, and "said 'A' and B" split in two."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import takewhile
from typing import Any

from .. import cues
from ..entities import EntityIndex
from ..nlp import tokens
from .parse import Span, _Cand, _char_end, _claim_end, _np_span, _para_of, _subject
from .quotes import Covered, Quote, _ending_between, _quote_after, _quote_starting, _title_case, _titled


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



#: a signature paragraph after a quotation: a dash, then a name up to a comma or the line end
_SIGNED = re.compile(r"[ \t.]*\n\s*(?P<dash>—|–|--|-|―)[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,5})[ \t]*(?:,|\n|$)")


def _quote_cues(doc, text, sents, quotes, cands, index) -> list[_Cand]:
    """Quotes cued by a colon ("X on tariffs: '…'") or a dash ("'…' — X")."""
    out = []
    covered = Covered([c.content for c in cands] + [q.span for c in cands for q in c.more])
    for q in quotes:
        if q.words(text) < cues.MIN_QUOTE_WORDS:
            continue
        if any(s <= q.span[0] < e or s < q.span[1] <= e for s, e in covered.near(q.span[0], q.span[1])):
            continue
        sent = sents.at(doc, q.span[0])
        if sent is None:
            continue
        ss, se = sent
        before = text[doc[ss].idx:q.span[0]].rstrip()
        lead = text[:q.span[0]].rstrip()
        if not before and lead.endswith(":"):
            # the paragraph before ends with a colon: 'He told the crowd: / "…"'
            colon = len(lead) - 1
            prev = sents.at(doc, colon)
            k = next((t.i for t in doc[prev[0]:prev[1]] if t.idx == colon), None) if prev else None
            span = _colon_speaker(doc, prev[0], k) if k is not None else None
            if span is not None:
                out.append(_Cand("colon", ":", (colon, colon + 1), span, q.span, quotes=[q], head=None))
                continue
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
        sig = _SIGNED.match(text, q.span[1]) if not m else None
        if sig:
            # the quote ends its paragraph and the next is a signature: '"…" / —Ana Ruiz, Lyon'
            s, name = sig.start("name"), sig.group("name").rstrip(" .")
            d = sig.start("dash")
            out.append(_Cand("dash", sig.group("dash"), (d, d + len(sig.group("dash"))), (s, s + len(name)),
                             q.span, quotes=[q]))
            continue
        if m:
            s = q.span[1] + m.end()
            e = _char_end(doc, se)
            name = text[s:e].rstrip(" .")
            if name and len(name.split()) <= 8 and name[:1].isupper():
                d = q.span[1] + m.start(1)
                out.append(_Cand("dash", m.group(1).strip(), (d, d + len(m.group(1).strip())),
                                 (s, s + len(name)), q.span, quotes=[q]))
    return out



#: verb tags of a finite verb: a quote's trailing cue is "he wondered", "the editorial reads"
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: how far after a closing mark the trailing cue may sit (tokens), and how long its speaker may be
_TRAIL_REACH = 24


def _inverted_subject(verb: Any) -> Any:
    """The speaker of a cue verb put right after a quotation ('"…," added Murphy', '"…," added
    another Republican'), which the parser often reads as the verb's object: the first noun
    phrase after the verb, when it names a person or a body of people."""
    for c in verb.children:
        if c.i <= verb.i or c.dep_ not in ("dobj", "attr", "npadvmod", "appos"):
            continue
        if c.i - verb.i > 8:
            return None
        if c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME", "GPE"):
            return c
        if c.pos_ == "NOUN" and c.lower_ in cues.PEOPLE_NOUNS | cues.ROLE_NOUNS | cues.ORG_NOUNS:
            return c
        return None
    return None


def _cue_read_as_noun(doc: Any, t: Any, k: int) -> bool:
    """A cue verb in the present tense tagged as a plural noun right after a name or a pronoun
    that follows a quotation, and ending its clause ('"…," Bozell answers.')."""
    w = t.lower_
    if t.tag_ != "NNS" or t.i <= k or t.i + 1 >= len(doc):
        return False
    bases = {w[:-1], w[:-2], w[:-3] + "y"} if w.endswith("s") else set()
    if w not in cues.CUE_FORMS and not any(b in cues.SPEECH_VERBS or b in cues.REPLY_VERBS for b in bases):
        return False
    prev, nxt = doc[t.i - 1], doc[t.i + 1]
    return prev.pos_ in ("PROPN", "PRON") and prev.left_edge.i >= k and (nxt.is_punct or nxt.is_space)


def _trailing_verbs(doc, text, sents, quotes, cands) -> list[_Cand]:
    """A quotation closed by ``,”``, ``?”`` or ``!”`` and followed by a subject and its verb
    ('"…?" Beck questioned', '"…," the editorial read', '"…!" the crowd yelled back') or by a verb
    and its subject ('"…," wrote Jones') is that subject's words, whatever the verb: news style
    makes any verb in that place a verb of saying. The verb must not take a clause of its own
    ('"…," he said he would …' is for the speech-verb rules)."""
    out = []
    covered = Covered([c.content for c in cands] + [q.span for c in cands for q in c.more])
    starts = [t.idx for t in tokens(doc)]
    for q in quotes:
        if not q.closed or any(s < q.span[1] and q.span[0] < e for s, e in covered.near(q.span[0], q.span[1])):
            continue
        inner = text[q.inner[0]:q.inner[1]].rstrip()
        after = text[q.span[1]:q.span[1] + 3]
        ends_clause = inner.endswith((",", "?", "!", "…")) or after.lstrip(" ").startswith(",")
        if not ends_clause:
            continue
        sent = sents.at(doc, q.span[0])
        opens_sentence = sent is not None and not text[doc[sent[0]].idx:q.span[0]].strip(" \t\"“‘'(")
        if len(inner.split()) < 2 and not inner.endswith(("!", "?")) and not opens_sentence:
            continue  # a one-word scare quote inside a sentence; '"Denver," he answered' is a reply
        k = bisect_left(starts, q.span[1])
        while k < len(doc) and (doc[k].is_punct and doc[k].text in (",", "’", "'", '"', "”")):
            k += 1
        if k >= len(doc) or "\n" in text[q.span[1]:doc[k].idx]:
            continue
        verb = None
        for t in doc[k:k + _TRAIL_REACH]:
            if "\n" in t.text or t.text in (".", ";", ":", "!", "?") or t.idx >= len(text):
                break
            if t.pos_ == "VERB" and t.tag_ in _FINITE:
                verb = t
                break
            if t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass"):
                break
            if _cue_read_as_noun(doc, t, k):
                verb = t  # '"…," Bozell answers.': the parser took the verb for a plural noun
                break
        if verb is None or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            continue
        if _quote_after(quotes, text, verb.idx + len(verb.text)) is not None:
            continue  # '… calling him "A," the crowd chanted "B"': the verb introduces the later quote
        # a subject inside the quotation is the parser joining the verb to the quote's own clause
        subj = next((c for c in verb.children if c.dep_ in ("nsubj",) and c.idx >= q.span[1]), None)
        if subj is None and verb.pos_ != "VERB":
            subj = doc[verb.i - 1]
        if subj is None and verb.i == k and verb.lower_ in cues.CUE_FORMS:
            subj = _inverted_subject(verb)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.lower_ in cues.RELATIVE_PRONOUNS:
            continue
        if subj.i < verb.i:
            if subj.left_edge.i != k or verb.i - k > _TRAIL_REACH:
                continue  # only the subject sits between the quote and its verb
            sp = _np_span(doc, subj, k, verb.i)
        else:
            if verb.i != k or subj.i - verb.i > 8:
                continue
            sp = _np_span(doc, subj, verb.i + 1, min(len(doc), subj.right_edge.i + 1))
        if subj.pos_ == "PRON" and subj.lower_ not in cues.PERSON_PRONOUNS | cues.GROUP_PRONOUNS:
            continue  # "it", "I", "we": no speaker to name
        cs = q.span[0]
        if sent is not None:
            lead = text[doc[sent[0]].idx:q.span[0]]
            if lead.strip() and not re.search(r"[:—–]\s*$", lead):
                cs = doc[sent[0]].idx  # 'The plan "is a disgrace," she fumed': the whole sentence
        out.append(_Cand("trail", verb.text, (verb.idx, verb.idx + len(verb.text)),
                         (doc[sp[0]].idx, _char_end(doc, sp[1])), (cs, q.span[1]), head=subj, quotes=[q]))
        covered.append(q.span)
    return out



#: a paragraph that opens with a speaker's label, as transcripts write it: "BENENSON: …",
#: "Kate Ortiz: …"
_TRANSCRIPT_LABEL = re.compile(r"(?P<who>[A-Z][\w.'’\- ]{1,40}?)[ \t]*:[ \t]+(?=\S)")


def _transcript_lines(text, paras, cands, index: EntityIndex) -> list[_Cand]:
    """Paragraphs of a transcript: a label, a colon, and what the labelled speaker said. The
    label names a person of the article ("Kate Ortiz:", "BENENSON:" for Joel Benenson), or is in
    capitals in an article where two paragraphs or more open so ("ORTIZ:", "MARDEN:"). Labels
    that name no one ("UPDATE:", "WATCH:") are not speakers."""
    tokens: dict[str, set[str]] = {}
    for ent in index.entities:
        if ent["type"] == "PERSON":
            for w in re.findall(r"[\w’'-]{3,}", ent["name"].lower()):
                tokens.setdefault(w, set()).add(ent["id"])
    found = []
    for ps, pe in paras:
        m = _TRANSCRIPT_LABEL.match(text, ps, pe)
        if m is None:
            continue
        who = m.group("who").strip()
        words = re.findall(r"[\w’'-]+", who)
        if not words or len(words) > 4 or who.lower() in cues.NOT_SPEAKER_LABELS:
            continue
        caps = who.upper() == who and any(ch.isalpha() for ch in who)
        named = any(tokens.get(w.lower()) for w in words if len(w) >= 3)
        if not caps and not (named and all(w[:1].isupper() for w in words)):
            continue
        cs, ce = m.end(), pe
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if len(text[cs:ce].split()) >= 3:
            found.append((m.start("who"), who, caps, named, cs, ce, m.end()))
    transcript = sum(1 for f in found if f[2]) >= 2
    starts = {c.content[0] for c in cands}
    out = []
    labelled = set()
    for s, who, caps, named, cs, ce, colon in found:
        if cs in starts or not (named or caps and transcript):
            continue
        out.append(_Cand("transcript", ":", (colon - 1, colon), (s, s + len(who)), (cs, ce)))
        labelled.add(cs)
    for ps, pe in paras:
        line = _headline_label(text, ps, pe, index)
        if line is not None and line[2] not in starts | labelled:
            (s, e), colon, cs, ce = line
            out.append(_Cand("headline", ":", (colon, colon + 1), (s, e), (cs, ce)))
    return out


#: a headline that gives its source before a colon: "Poll: …", "Clinton camp: …", "EXCLUSIVE –
#: Jane Doe: …", "Smith to Voters: …" (the speaker is who comes before "to", "on" or "at")
_HEADLINE_LABEL = re.compile(
    r"(?:[A-Z]{3,}[ \t]*[–—-][ \t]*)?(?P<who>[A-Z][\w.'’\- ]{1,70}?)[ \t]*:[ \t]+(?=\S)")
_LABEL_SPLIT = re.compile(r"\s+(?:to|on|at|in)\s+", re.IGNORECASE)


#: the last word of a headline label that names a source without naming an entity
_LABEL_SOURCE_NOUNS = cues.DOCUMENT_NOUNS | cues.PEOPLE_NOUNS | cues.ROLE_NOUNS | cues.ORG_NOUNS | {
    "camp", "campaign", "newspaper", "paper", "sources", "officials", "aides"}


def _headline_label(text: str, ps: int, pe: int, index: EntityIndex) -> tuple[Span, int, int, int] | None:
    """A headline paragraph (one short line, no closing full stop outside a quotation) whose
    label names its source — a person or an organisation of the article, or a poll, a report,
    officials: ((speaker span), colon, content start, content end), or None."""
    para = text[ps:pe]
    body = para.strip()
    first = not text[:ps].strip()  # the title line, which some sources close with a full stop
    if not body or "\n" in body or len(body.split()) > 25 or body.endswith((":", ";", ",")) \
            or body.endswith(".") and not first or re.search(r"[.!?]\s+[A-Z]", body.rstrip(".")):
        return None
    m = _HEADLINE_LABEL.match(text, ps + len(para) - len(para.lstrip()), pe)
    if m is None:
        return None
    who = m.group("who").rstrip()
    speaker = _LABEL_SPLIT.split(who, maxsplit=1)[0]
    words = speaker.split()
    if not words or len(words) > 5 or len(who.split()) > 9 or any(ch.isdigit() for ch in who):
        return None
    if speaker.lower() in cues.NOT_SPEAKER_LABELS or who.lower() in cues.NOT_SPEAKER_LABELS:
        return None
    if not words[0][:1].isupper() or sum(w[:1].isupper() for w in words) < len(words) - 1:
        return None  # "Clinton camp", "NY Daily News"; not a phrase of the sentence
    s = m.start("who")
    if index.at(s, s + len(speaker)) is None and words[-1].lower() not in _LABEL_SOURCE_NOUNS:
        return None  # "Big Win For Bernie:", "Paid Notice:" name no source
    cs = m.end()
    ce = ps + len(para.rstrip())
    if text[ce - 1] == "." and text[ce - 2:ce] != "..":
        ce -= 1
    if len(text[cs:ce].split()) < 3:
        return None
    return (s, s + len(speaker)), m.end("who") + (text[m.end("who"):cs].index(":")), cs, ce



def _block_quotes(doc, text, sents, paras, quotes, cands) -> list[_Cand]:
    """A paragraph that ends in a cue and a colon ("In the post, Wallen wrote:") introduces the
    next paragraph as the speaker's own words, set apart as a block quotation with no marks."""
    out = []
    for k in range(len(paras) - 1):
        ps, pe = paras[k]
        head = text[ps:pe].rstrip()
        if not head.endswith(":"):
            continue
        colon = ps + len(head) - 1
        ns, ne = paras[k + 1]
        body = text[ns:ne].strip()
        if not body or body[0] in "\"“‘'«" or len(body.split()) < 6:
            continue  # a quotation after the colon is the colon cue's (quote_cues)
        sent = sents.at(doc, colon)
        if sent is None:
            continue
        verb = next((t for t in reversed(doc[sent[0]:sent[1]]) if t.idx < colon and t.tag_.startswith("VB")
                     and t.lower_ in cues.CUE_FORMS), None)
        if verb is None or any(t.pos_ in ("NOUN", "PROPN", "VERB") for t in doc[verb.i + 1:sent[1]] if t.idx < colon
                               and t.dep_ not in ("npadvmod", "pobj", "prep", "advmod")):
            continue
        subj = _subject(verb)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        sp = _np_span(doc, subj, sent[0], verb.i)
        bs = ns + (len(text[ns:ne]) - len(text[ns:ne].lstrip()))
        out.append(_Cand("block", verb.text, (verb.idx, verb.idx + len(verb.text)),
                         (doc[sp[0]].idx, _char_end(doc, sp[1])), (bs, bs + len(body)), head=subj))
    return out



#: the credit that closes a digest item: the outlet in brackets at the end of its paragraph
#: ('HEADLINE “…” [Daily Post.]')
_BRACKET_CREDIT = re.compile(r"[ \t]*\[(?P<who>[A-Z][^\]\n]{1,40}?)\.?\][ \t]*$")


def _credited_items(text, paras, quotes, cands) -> list[_Cand]:
    """Items of a news digest: a headline in capitals (or nothing), a quotation, and the outlet
    it was taken from in brackets at the paragraph's end ('EBOLA SURVIVORS “It is …” [Daily
    Post.]'). The quotation is the outlet's words; the bracket is the cue."""
    covered = Covered([c.content for c in cands] + [q.span for c in cands for q in c.more])
    out = []
    for q in quotes:
        if not q.closed or q.words(text) < cues.MIN_QUOTE_WORDS:
            continue
        pi = _para_of(paras, q.span[0])
        if pi < 0:
            continue
        ps, pe = paras[pi]
        m = _BRACKET_CREDIT.match(text, q.span[1], pe)  # as if the text ended with the paragraph
        head = text[ps:q.span[0]]
        if m is None or m.end() != pe or any(ch.islower() for ch in head):
            continue
        if any(a < q.span[1] and q.span[0] < b for a, b in covered.near(q.span[0], q.span[1])):
            continue
        who = (m.start("who"), m.start("who") + len(m.group("who")))
        b = m.start("who") - 1
        out.append(_Cand("credit", "[", (b, b + 1), who, q.span, quotes=[q]))
        covered.append(q.span)
    return out


def _colon_speaker(doc, ss, k) -> Span | None:
    """The speaker before a colon cue: an entity or a pronoun that leads the clause."""
    toks = [t for t in doc[ss:k] if not t.is_space]
    if not toks:
        return None
    # the subject of the clause's main verb before the subject of a clause hung on it ('When
    # Wallace died, President Lopez released the following statement:')
    main = [t for t in toks if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
    for t in main + toks:
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
    return _names_before(doc, ss, k) or _document_before(doc, toks)


def _document_before(doc, toks) -> Span | None:
    """A document named before a colon in a few words ('Transcript as follows:', 'The full
    statement:'): the quotation after it is the document's."""
    if len(toks) > 6 or any(t.pos_ in ("VERB", "AUX") and t.lower_ not in ("follows", "reads") for t in toks):
        return None
    noun = next((t for t in toks[:4] if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or noun.lower_ not in cues.DOCUMENT_NOUNS:
        return None
    return (toks[0].idx, noun.idx + len(noun.text))


def _names_before(doc, ss, k) -> Span | None:
    """People or bodies named right before a colon, after words that are not a clause of theirs ('More
    from Hale and Reed:', 'A LEADER WHO INSPIRES - Ann Hale and Tom Reed:'): the names, joined
    by "and" or a comma."""
    j = k
    while j > ss and doc[j - 1].is_space:
        j -= 1
    end, start = j, None
    while j > ss:
        t = doc[j - 1]
        if t.ent_type_ in ("PERSON", "ORG"):
            start = j - 1
        elif t.lower_ not in ("and", ",") or start is None:
            break
        j -= 1
    if start is None or end - start > 8 or doc[end - 1].ent_type_ not in ("PERSON", "ORG"):
        return None
    return (doc[start].idx, _char_end(doc, end))



def _short_sentence(text: str, q: Any) -> bool:
    """A short quote that is a whole sentence ("This is happening.") rather than a scare quote."""
    s, e = q.inner
    inner = text[s:e].strip()
    return len(inner.split()) >= 2 and inner[:1].isupper() and inner.rstrip("”\"'’").endswith((".", "!", "?"))



def _same_sentence_gap(gap: str) -> bool:
    """Whether what lies between a claim and a quote is only the rest of the claim's sentence:
    no quotation, no line end, one sentence end and that at the end."""
    if re.fullmatch(r"[^\"“”«»]{0,240}?[.!?]?[\"”’»]?\s*", gap) is None or "\n" in gap:
        return False
    ends = list(re.finditer(r"[.!?][\"”’»]?(?=\s|$)", gap))
    if gap.strip() and (len(ends) != 1 or gap[ends[0].end():].strip()):
        return False
    return not (len(gap) > 80 and re.search(r"\b(?:then|later|meanwhile|but)\b", gap, re.I))



def _titles_unmarked(text: str, quotes: list[Quote], lo: int, hi: int) -> str:
    """The text between two positions with the marks of the titles in it blanked: '… he said
    on “Meet the Press.” “B.”' reads as one sentence and its end, not as another quotation."""
    gap = list(text[lo:hi])
    if hi - lo > 400:
        return "".join(gap)  # too long for one sentence's end anyway
    for q in _ending_between(quotes, lo, hi):
        if lo <= q.span[0] and _titled(text, q):
            for pos in range(q.span[0], q.inner[0]):
                gap[pos - lo] = " "
            for pos in range(q.inner[1], q.span[1]):
                if text[pos] in "\"“”‘’'«»":
                    gap[pos - lo] = " "
    return "".join(gap)


def _continuations(text, sents, paras, quotes, cands) -> None:
    """A quote that opens the sentence or paragraph after a quoted claim and has no cue of its
    own carries on that claim ('"A," he said. "B."')."""
    covered = Covered([c.content for c in cands] + [q.span for c in cands for q in c.more])
    live = sorted((c for c in cands if not c.conduit and c.speaker_span), key=lambda c: c.content[0])
    live_starts = [c.content[0] for c in live]
    for q in quotes:
        if any(s <= q.span[0] < e for s, e in covered.near(q.span[0], q.span[0])):
            continue
        if q.words(text) < cues.MIN_QUOTE_WORDS and not _short_sentence(text, q) or _titled(text, q):
            continue  # a title ('on ABC’s "This Week."', 'an interview with "Fox News Sunday."') says nothing
        prev = _ended_before(live, live_starts, q.span[0])  # the latest first
        p = next(prev, None)
        if p is None:
            continue
        para_q = _para_of(paras, q.span[0])
        # a quoted claim, then the rest of its sentence holding claims of no quotes of their own
        # ('"A," said X, who focuses on ethics. "B."'): the quote carries on the quoted claim
        for c in _chain_first(p, prev):
            if _para_of(paras, c.content[0]) != para_q or c.quotes or c.more:
                if _para_of(paras, c.content[0]) == para_q and (c.quotes or c.more) \
                        and _same_sentence_gap(text[_claim_end(c):q.span[0]]):
                    p = c
                break
        gap = _titles_unmarked(text, quotes, _claim_end(p), q.span[0])
        para_p = _para_of(paras, p.content[0])
        if para_p == para_q:
            if not _same_sentence_gap(gap):
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
            if _opens_later_in(live, live_starts, p, paras, para_p):
                continue
        else:
            continue
        if p.quotes or p.more:
            p.more = p.more + [q]
        elif _mid_clause(text, p, q):
            # 'proclaimed that farmers "cannot come in"': the content was cut where the quotation
            # opens inside its own clause; the quotation is the rest of it
            p.content, p.quotes = (p.content[0], q.span[1]), [q]
        else:  # a reported claim, then the speaker's own words: a direct claim of its own
            cands.append(_Cand("continued", p.cue, p.cue_span, p.speaker_span, q.span, head=p.head,
                               quotes=[q], speaker=p.speaker, addressee=p.addressee,
                               addressee_span=p.addressee_span, date_text=p.date_text))
        covered.append(q.span)



def _mid_clause(text: str, p: _Cand, q: Quote) -> bool:
    """Whether quotation ``q`` opens right where reported claim ``p`` stops, inside the same
    clause: nothing but spaces between, no sentence end before it, and its first word in lower
    case (a quotation that starts a sentence of its own starts with a capital)."""
    gap = text[p.content[1]:q.span[0]]
    head = text[q.inner[0]:q.inner[0] + 1]
    before = text[p.content[0]:p.content[1]].rstrip()
    return gap.strip(" \t") == "" and head.islower() and not before.endswith((".", "!", "?", ":", ";"))


def _closed_by_its_cue(p: _Cand, q: Any, text: str) -> bool:
    """Is ``p`` a direct quotation whose cue comes after it, and the quote ``q`` the next sentence
    ('"A," she said, … . "C."')?"""
    if not p.quotes or p.more or p.mode not in ("lead", "trail"):
        return False
    first = p.quotes[0]
    return first.span[0] <= p.content[0] and first.span[1] <= p.cue_span[0] < q.span[0] \
        and not text[p.content[0]:first.span[0]].strip() \
        and re.search(r"[.!?][\"”’»]?\s*$", text[max(p.cue_span[1], q.span[0] - 8):q.span[0]]) is not None


def _orphan_quotes(doc, text, paras, quotes, cands, index: EntityIndex) -> None:
    """A quotation no claim holds and no cue introduces is the words of the last speaker of its
    paragraph or of the one before (news style: a speaker is named once, the quotes go on);
    without such a speaker, of the only person named in its paragraph."""
    covered = Covered([c.content for c in cands] + [q.span for c in cands for q in c.more])
    live = sorted((c for c in cands if not c.conduit and c.speaker_span and c.mode != "omission"),
                  key=lambda c: c.content[0])
    live_starts = [c.content[0] for c in live]
    people = _people_by_paragraph(index, paras)
    all_starts = sorted(c.content[0] for c in cands)  # no claim may open between a claim and its next quote
    for q in quotes:
        if any(s < q.span[1] and q.span[0] < e for s, e in covered.near(q.span[0], q.span[1])):
            continue
        if q.words(text) < cues.MIN_ORPHAN_QUOTE_WORDS and not _short_sentence(text, q) or _titled(text, q):
            continue
        pq = _para_of(paras, q.span[0])
        # only claims opening in this paragraph or the one before can speak on (the latest first)
        floor = paras[pq - 1][0] if pq >= 1 else -1
        recent = takewhile(lambda c: c.content[0] >= floor, _ended_before(live, live_starts, q.span[0]))
        p = next((c for c in recent if _para_of(paras, c.content[0]) in (pq, pq - 1)), None)
        if p is not None and _closed_by_its_cue(p, q, text) and _para_of(paras, p.content[0]) == pq \
                and bisect_left(all_starts, q.span[0]) == bisect_right(all_starts, p.content[0]):
            # the speaker's next quotation in the same paragraph, past the rest of the cue's
            # sentence ('"A," she said, showing off the "B" hat. "C."'): the same claim goes on
            p.more = p.more + [q]
            covered.append(q.span)
            continue
        if p is not None:
            span = _nearest_mention(text, index, p.speaker, q.span, paras[pq] if pq >= 0 else q.span) or p.speaker_span
            cands.append(_Cand("continued", p.cue, p.cue_span, span, q.span, head=p.head,
                               quotes=[q], speaker=p.speaker, addressee=p.addressee,
                               addressee_span=p.addressee_span, date_text=p.date_text))
            covered.append(q.span)
            continue
        if pq < 0:
            continue
        if _title_case(text, q):
            continue  # with no speaker to carry on, a quoted name in title case is a title
        outside = [(eid, a, b) for eid, a, b in people.get(pq, ()) if not (q.span[0] <= a < q.span[1])]
        if len({eid for eid, _, _ in outside}) == 1:
            eid, a, b = outside[0]
            cands.append(_Cand("continued", "", (q.span[0], q.span[0]), (a, b), q.span, quotes=[q], speaker=eid))
            covered.append(q.span)



def _ended_before(live: list[_Cand], starts: list[int], pos: int):
    """The claims of ``live`` (sorted by where their content opens) that end by ``pos``, the
    latest opening first: only those opening before ``pos`` are looked at."""
    for i in range(bisect_right(starts, pos) - 1, -1, -1):
        if _claim_end(live[i]) <= pos:
            yield live[i]


def _opens_later_in(live: list[_Cand], starts: list[int], p: _Cand, paras: list[Span], para: int) -> bool:
    """Whether a claim of ``live`` opens after ``p`` in paragraph ``para``."""
    later = live[bisect_right(starts, p.content[0]):]
    if para < 0:
        return any(_para_of(paras, c.content[0]) == para for c in later)
    end = paras[para][1]
    return any(_para_of(paras, c.content[0]) == para for c in takewhile(lambda c: c.content[0] <= end, later))


def _chain_first(first: _Cand, rest):
    yield first
    yield from rest


def _people_by_paragraph(index: EntityIndex, paras: list[Span]) -> dict[int, list[tuple[str, int, int]]]:
    """The mentions of people in each paragraph, in the order the entity list gives them."""
    out: dict[int, list[tuple[str, int, int]]] = {}
    for e in index.entities:
        if e["type"] != "PERSON":
            continue
        for a, b in e["mentions"]:
            pi = _para_of(paras, a)
            if 0 <= pi + 1 < len(paras) and not a < paras[pi][1] and paras[pi + 1][0] <= a:
                pi += 1  # at the end of one paragraph and the start of the next: the next
            if pi >= 0 and paras[pi][0] <= a < paras[pi][1]:
                out.setdefault(pi, []).append((e["id"], a, b))
    return out


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
