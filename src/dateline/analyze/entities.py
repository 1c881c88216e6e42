"""People and organisations of one document, clustered, with their titles and mentions.

Sources: spaCy's named entities, the news agencies of extract.lexicon found in the text, and
the byline (reporters and editors become PERSON entities with a ``role``; they have no
mentions unless the body names them). Clustering rules:

- a full name and its bare surname ("Kim Jong Un" … "Kim") are one person; a bare name goes to
  the body person mentioned most recently before it, never to a byline-only person, so
  reporter "Jack Kim" and leader "Kim Jong Un" stay apart; a bare name before any full name
  with it stays an entity of its own, for the store to resolve across documents;
- the tagger's usual errors are repaired or dropped first (``repair``; entity_rules.py);
- an acronym and its expansion are one organisation ("KCNA", "KCNA news agency", "Korean
  Central News Agency"; "U.S." and "United States");
- titles are the words before a name that end in a role noun ("North Korean leader") and
  appositions after it (", Russia's defence minister,");
- a nationality used as an adjective ("North Korean leader Kim", "Russian troops") is not an
  entity of its own: it gives its country code to the entity it modifies; a nationality that
  stands alone as a group ("the Russians said") stays a NORP entity;
- the names of one country are one place ("U.S." and "United States"), named by its usual
  name, with a ``country`` code; people get theirs from their titles (countries.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..extract.lexicon import AGENCIES
from ..model import Reading
from . import countries, cues
from . import entity_rules as rules
from .scan import _UNLOWERED, starts_of

KEPT_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")
#: other pipelines' labels in the English scheme (the French one tags PER, ORG, LOC, MISC);
#: MISC is too mixed a bag to keep
LABELS = {"PER": "PERSON", "MISC": None}
_POSSESSIVE_TOKENS = {"'s", "’s", "'", "’"}
#: types a one-word name may have been given when it is the surname of a person in the text
#: ("Sondland" as a work of art, "Epstein" as a product)
_MAYBE_SURNAME = ("ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
_CAMEL = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z])")
_SCORE = re.compile(r"^\d+([-–:]\d+)*$")
_STOP_INITIALS = {"of", "the", "and", "for", "de", "la", "du", "des", "on", "in", "&"}
_AMBIGUOUS_AGENCY = 2  # spellings this short count only when the agency is credited


@dataclass
class _Entity:
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    agency: str | None = None

    country: str | None = None

    @property
    def tokens(self) -> list[str]:
        return [t.lower() for t in self.name.replace(".", " ").split()]

    def add_title(self, title: str) -> None:
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _STOP_INITIALS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _acronym(name: str) -> str | None:
    bare = name.replace(".", "")
    if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper():
        return bare
    return None


def _clean(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"^(the|The)\s+", "", text)
    return text.strip(" ,.;:\"“”'")


def _person_words(text: str) -> list[str]:
    words = _clean(text).split()
    while words and words[0].lower() in cues.HONORIFICS:
        words = words[1:]
    return words


@lru_cache(maxsize=1)
def _agency_patterns() -> tuple[tuple[bool, Any, dict[str, list[tuple[int, str]]]], ...]:
    """The whole agency table as two patterns (case kept, case folded), longest spelling first,
    with the (rank, agency) of each spelling: two scans of a text instead of one per spelling.
    Each is (folded, its scan: the match at every place one starts, ``scan.starts_of``, table)."""
    exact: dict[str, list[tuple[int, str]]] = {}
    folded: dict[str, list[tuple[int, str]]] = {}
    rank = 0
    for canonical, spellings in AGENCIES.items():
        if canonical == "Agencies":
            continue
        for spelling in spellings:
            rank += 1
            if spelling.isupper() or len(spelling) <= 4:
                exact.setdefault(spelling, []).append((rank, canonical))
            else:
                folded.setdefault(spelling.lower(), []).append((rank, canonical))
    out = []
    for table, folds in ((exact, False), (folded, True)):
        if table:
            alternation = "|".join(re.escape(k) for k in sorted(table, key=lambda k: (-len(k), k)))
            source = rf"(?<![\w-])(?{'i' if folds else ''}:{alternation})(?![\w-])"
            # the case-folded spellings are found by str.find (every match starts with one)
            out.append((folds, starts_of(source, tuple(table) if folds else ()), table))
    return tuple(out)


_AGENCY_TAIL = re.compile(r"\s+(news\s+agency|agency|news\s+service|newswire)\b", re.I)


def _agency_mentions(text: str, credited: set[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical, surface) for each agency spelling in the text."""
    found: list[tuple[int, int, int, str]] = []
    for folded, starts, table in _agency_patterns():
        # the longest spelling at each place; the next may start inside it
        for start, stop in starts(text):
            spelling = text[start:stop]
            for rank, canonical in table.get(spelling.lower() if folded else spelling, ()):
                if len(spelling) <= _AMBIGUOUS_AGENCY and canonical not in credited:
                    continue
                end = stop
                tail = _AGENCY_TAIL.match(text, end)
                if tail:
                    end = tail.end()
                found.append((start, end, rank, canonical))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    out: list[tuple[int, int, str, str]] = []
    for s, e, _, canonical in found:
        if out and s < out[-1][1]:
            continue
        out.append((s, e, canonical, text[s:e]))
    return out


def _agency_name(canonical: str) -> str:
    """The expansion of an acronym agency ("Korean Central News Agency" for KCNA)."""
    acro = _acronym(canonical)
    if acro:
        for spelling in AGENCIES.get(canonical, ()):
            if spelling != canonical and " " in spelling and _initials(spelling) == acro:
                return spelling
    return canonical


class EntityIndex:
    """The entities of one document and the look-ups attribution needs."""

    def __init__(self, entities: list[dict[str, Any]], text: str = ""):
        self.entities = entities
        self.by_id = {e["id"]: e for e in entities}
        self._mentions = sorted(
            ((s, e, ent["id"]) for ent in entities for s, e in ent["mentions"]), key=lambda m: m[0]
        )
        self._starts = [m[0] for m in self._mentions]
        self._org_nouns: dict[str, list[tuple[int, str]]] = {}
        self._around: list[tuple[int, int, int, str]] | None = None
        self._surface: dict[str, str] = {}
        for ent in entities:
            for form in [ent["name"], *ent["aliases"]]:
                self._surface.setdefault(form.lower(), ent["id"])
        self._titles: dict[str, list[str]] = {}
        for ent in entities:
            for title in ent["titles"]:
                self._titles.setdefault(_norm_title(title), []).append(ent["id"])

    def at(self, start: int, end: int, prefer: tuple[str, ...] = ("PERSON", "ORG")) -> str | None:
        """The entity with a mention inside ``[start, end)``, the rightmost preferred type first."""
        best: tuple[int, int, str] | None = None
        for s, e, eid in self._mentions[bisect_left(self._starts, start):]:
            if s >= end:
                break
            if e <= start or s < start or e > end:
                continue
            typ = self.by_id[eid]["type"]
            rank = prefer.index(typ) if typ in prefer else len(prefer)
            key = (rank, -e)
            if best is None or key < (best[0], best[1]):
                best = (rank, -e, eid)
        return best[2] if best and best[0] < len(prefer) else None

    def by_surface(self, text: str) -> str | None:
        t = _clean(text).lower()
        if t in self._surface:
            return self._surface[t]
        ids = self._titles.get(_norm_title(t))
        if ids and len(set(ids)) == 1:
            return ids[0]
        words = _person_words(text)
        if len(words) == 1:
            return self.person_named(words[0], None)
        return None

    def person_named(self, word: str, before: int | None) -> str | None:
        """A body person whose name has this word, mentioned most recently before ``before``."""
        w = word.lower()
        best, best_pos = None, -1
        for ent in self.entities:
            if ent["type"] != "PERSON" or not ent["mentions"]:
                continue
            if w not in [t.lower() for t in ent["name"].split()]:
                continue
            poss = [s for s, _ in ent["mentions"] if before is None or s < before]
            pos = max(poss) if poss else -1
            if best is None or pos > best_pos:
                best, best_pos = ent["id"], pos
        return best

    def titled(self, role: str, before: int) -> str | None:
        """The entity most recently mentioned before ``before`` whose title ends in ``role``."""
        role = role.lower()
        best, best_pos = None, -1
        for ent in self.entities:
            if not any(_norm_title(t).split()[-1:] == [role] for t in ent["titles"] if t):
                continue
            poss = [s for s, _ in ent["mentions"] if s < before]
            pos = max(poss) if poss else -1
            if pos > best_pos or best is None:
                best, best_pos = ent["id"], pos
        return best

    def recent(self, before: int, types: tuple[str, ...], exclude_roles: bool = True) -> str | None:
        for i in range(bisect_left(self._starts, before) - 1, -1, -1):  # the latest first
            ent = self.by_id[self._mentions[i][2]]
            if ent["type"] in types and not (exclude_roles and ent.get("role")):
                return ent["id"]
        return None

    def org_with(self, noun: str, before: int) -> str | None:
        """The organisation named with this noun ("the ministry" → "Defence Ministry")."""
        noun = noun.lower()
        found = self._org_nouns.get(noun)
        if found is None:  # the mentions of organisations with this noun in their name, in order
            found = self._org_nouns[noun] = [
                (s, eid) for s, _, eid in self._mentions
                if self.by_id[eid]["type"] == "ORG" and noun in self.by_id[eid]["name"].lower().split()]
        if not found:
            return None
        k = bisect_left(found, (before, ""))
        return found[k - 1][1] if k else found[0][1]  # the latest before, else the first after

    def person_or_org_around(self, pos: int) -> str | None:
        """The person or organisation with a mention holding ``pos``, the first in the entity
        list when several do."""
        if self._around is None:
            order = {e["id"]: i for i, e in enumerate(self.entities)}
            self._around = sorted((a, b, order[eid], eid) for a, b, eid in self._mentions
                                  if self.by_id[eid]["type"] in ("PERSON", "ORG"))
            self._around_starts = [m[0] for m in self._around]
            self._around_longest = max((b - a for a, b, _, _ in self._around), default=0)
        lo = bisect_left(self._around_starts, pos - self._around_longest)
        hi = bisect_right(self._around_starts, pos)
        held = [(rank, eid) for a, b, rank, eid in self._around[lo:hi] if a <= pos < b]
        return min(held)[1] if held else None

    def agency_ids(self) -> list[str]:
        return [e["id"] for e in self.entities if e.get("agency")]

    def label(self, eid: str | None) -> str | None:
        """How a conduit is named in ``via``: an agency by its usual name, others by name."""
        if eid is None:
            return None
        ent = self.by_id[eid]
        return ent.get("agency") or ent["name"]


def _norm_title(title: str) -> str:
    t = title.lower().replace("defense", "defence").replace("’", "'")
    t = re.sub(r"^(the|a|an)\s+", "", t.strip())
    return re.sub(r"\s+", " ", t)


def find_entities(doc: Any, reading: Reading) -> list[dict[str, Any]]:
    """The entities of one parsed document (``doc`` is the spaCy Doc of ``reading.text``)."""
    text = reading.text
    ents: list[_Entity] = []
    credited = set(reading.agencies or [])
    if reading.dateline and reading.dateline.agency:
        credited.add(reading.dateline.agency)

    # agencies: by the lexicon, in the text and named in credits
    agency_of: dict[str, _Entity] = {}
    taken: list[tuple[int, int]] = []
    for s, e, canonical, surface in _agency_mentions(text, credited):
        ent = agency_of.get(canonical)
        if ent is None:
            ent = agency_of[canonical] = _Entity(_agency_name(canonical), "ORG", agency=canonical)
            ents.append(ent)
        ent.mentions.append((s, e))
        ent.aliases.add(surface)
        taken.append((s, e))
    for canonical in credited:
        if canonical in AGENCIES and canonical not in agency_of and canonical != "Agencies":
            ent = agency_of[canonical] = _Entity(_agency_name(canonical), "ORG", agency=canonical)
            ents.append(ent)
    for canonical, ent in agency_of.items():
        if ent.name != canonical:
            ent.aliases.add(canonical)

    def overlaps_taken(s: int, e: int) -> bool:
        return any(s < te and e > ts for ts, te in taken)

    persons: list[_Entity] = []
    pending: list[tuple[int, int, str]] = []  # bare names resolved after all full names
    orgs: dict[str, _Entity] = {}
    person_spans: list[tuple[Any, _Entity]] = []
    person_pending: set[tuple[int, int]] = set()
    nationality_mods: list[tuple[Any, str]] = []  # adjectival NORP mentions and their country
    pending_types: dict[tuple[int, int], str] = {}  # what the tagger said a bare word was

    tagged = frozenset(t.text for t in doc.ents)
    inner_titles: list[tuple[_Entity, str]] = []
    for span in doc.ents:
        label = LABELS.get(span.label_, span.label_)
        if label not in KEPT_TYPES or overlaps_taken(span.start_char, span.end_char):
            continue
        words = [t.lower_ for t in span if not t.is_punct]
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if not words or all(w in cues.TITLE_MODIFIERS or w in cues.ROLE_NOUNS for w in words) and (
                nxt in cues.ROLE_NOUNS or nxt in cues.TITLE_MODIFIERS or span.label_ != "ORG"):
            continue  # "Defence" inside "Defence Minister" is part of a title; "NATO said" is not
        repaired = repair(span, label, text, tagged)
        if repaired is None:
            continue
        s, e, label, inner_title = repaired
        if label == "PERSON":
            pw = _person_words(text[s:e])
            if not pw:
                continue
            if len(pw) == 1:
                pending.append((s, e, pw[0]))
                person_pending.add((s, e))
                continue
            full = " ".join(pw)
            ent = next((p for p in persons if _spelling_key(p.name) == _spelling_key(full)), None)
            if ent is None:
                ent = _Entity(full, "PERSON")
                persons.append(ent)
                ents.append(ent)
            elif full != ent.name:
                ent.aliases.add(full)  # "Kim Jong-un" beside "Kim Jong Un"
            ent.mentions.append((s, e))
            person_spans.append((span, ent))
            if inner_title:
                inner_titles.append((ent, inner_title))
        else:
            surface = _clean(text[s:e])
            if not surface:
                continue
            if label == "NORP" and _adjectival(span):
                code = countries.country_code(surface)
                if code:
                    nationality_mods.append((span, code))
                continue
            if (label in _MAYBE_SURNAME or label in ("GPE", "LOC") and not _known_place(surface)) and " " not in surface \
                    and surface[:1].isupper() and surface[1:].islower():
                pending.append((s, e, surface))  # maybe a surname the tagger took for an organisation
                pending_types[(s, e)] = label
                continue
            key = surface.lower().replace(".", "")
            ent = orgs.get(key)
            if ent is None:
                ent = orgs[key] = _Entity(surface, label)
                ents.append(ent)
            ent.mentions.append((s, e))
            ent.aliases.add(surface)

    # bare names: the body person mentioned most recently before, else most often; never a
    # byline-only person (those are added below, after this)
    for s, e, word in pending:
        w = word.lower()
        cands = [p for p in persons if w in p.tokens]
        if not cands and not any(p.name.lower() == w for p in persons) and (s, e) not in person_pending:
            key = w.replace(".", "")
            ent = orgs.get(key)
            if ent is None:
                ent = orgs[key] = _Entity(word, pending_types.get((s, e), "ORG"))
                ents.append(ent)
            ent.mentions.append((s, e))
            continue
        if not cands:
            ent = next((p for p in persons if p.name.lower() == w), None)
            if ent is None:
                ent = _Entity(word, "PERSON")
                persons.append(ent)
                ents.append(ent)
        else:
            before = [(max(ms for ms, _ in p.mentions if ms < s), p) for p in cands
                      if any(ms < s for ms, _ in p.mentions)]
            if before:
                ent = max(before, key=lambda b: b[0])[1]
            elif len(cands) == 1 and not _titles_conflict(doc, s, cands[0], person_spans):
                ent = cands[0]  # "Epstein" in the lead, "Jeffrey Epstein" below: one person
            else:
                # named before any full name and not surely theirs ("President Duarte" in the
                # lead, "the reporter Lucia Duarte" at the end): the store decides
                ent = next((p for p in persons if p.name.lower() == w), None)
                if ent is None:
                    ent = _Entity(word, "PERSON")
                    persons.append(ent)
                    ents.append(ent)
        ent.mentions.append((s, e))
        ent.aliases.add(word)
        if " " not in ent.name:
            bare_span = doc.char_span(s, e)
            if bare_span is not None:
                person_spans.append((bare_span, ent))

    # acronyms and expansions of organisations and places
    _merge_acronyms([x for x in ents if x.type != "PERSON"], ents)

    # titles of people: the words before a mention, and appositions after it
    for ent, title in inner_titles:
        ent.add_title(title)
    for span, ent in person_spans:
        title = _title_before(doc, span.start)
        if title:
            ent.add_title(title)
        title = _apposition_after(doc, span.end)
        if title:
            ent.add_title(title)
    _countries(ents, nationality_mods)
    _more_country_mentions(ents, text)

    # the byline: reporters and editors, merged with a body mention of their full name only
    roles = (("authors", "author"), ("editors", "editor"), ("contributors", "contributor"))
    for attr, role in roles:
        for name in getattr(reading.byline, attr, None) or []:
            same = next((p for p in persons if p.name.lower() == name.lower()), None)
            if same is not None:
                same.role = same.role or role
                continue
            ent = _Entity(name, "PERSON", role=role)
            persons.append(ent)
            ents.append(ent)

    ents.sort(key=lambda x: (min((m[0] for m in x.mentions), default=len(text) + 1)))
    out = []
    for i, ent in enumerate(ents, 1):
        ent.mentions = sorted(set(ent.mentions))
        ent.aliases.discard(ent.name)
        d: dict[str, Any] = {
            "id": f"e{i}",
            "name": ent.name,
            "type": ent.type,
            "aliases": sorted(ent.aliases),
            "titles": ent.titles,
            "mentions": [list(m) for m in ent.mentions],
        }
        if ent.country:
            d["country"] = ent.country
        if ent.role:
            d["role"] = ent.role
        if ent.agency:
            d["agency"] = ent.agency
        out.append(d)
    return out


def _titles_conflict(doc: Any, start: int, person: _Entity, person_spans: list[tuple[Any, _Entity]]) -> bool:
    """A bare name with a title ("President Duarte") that its one full-name namesake never has."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    title = _title_before(doc, span.start)
    if not title:
        return False
    head = title.lower().split()[-1]
    theirs = [_title_before(doc, sp.start) for sp, ent in person_spans if ent is person]
    return not any(t and t.lower().split()[-1] == head for t in theirs)


def _spelling_key(name: str) -> str:
    """One key for the spellings of one name: case, hyphens and dots aside."""
    return " ".join(re.findall(r"\w+", name.casefold()))


def _known_place(name: str) -> bool:
    return bool(countries.country_code(name)) or name in countries.CAPITALS


def repair(span: Any, label: str, text: str, tagged: frozenset[str]) -> tuple[int, int, str, str | None] | None:
    """What is left of a tagged span once the tagger's usual errors are taken off:
    ``(start, end, type, title inside the span)``, or None when nothing of a name is left.

    The classes (entity_rules.py holds their words): names cut at a line break; credit lines
    ("J. Smith / AP") dropped; a possessive owner kept on its own ("Trump’s July 25" → Trump);
    lower-case words and dates or tallies at either end taken off; a name glued to its own
    repeat cut ("Kristi NoemKristi" → Kristi Noem); function words, common-noun acronyms and
    web addresses dropped; platforms, products and events typed as what they are; a title at
    the start of a person span ("Foreign Secretary Dominic Raab") handed back apart."""
    toks = [t for t in span]
    # a name never runs over a line break: keep the first part that has a capital
    parts: list[list[Any]] = [[]]
    for t in toks:
        if "\n" in t.text or (parts[-1] and "\n" in text[parts[-1][-1].idx + len(parts[-1][-1]):t.idx]):
            parts.append([])
        if "\n" not in t.text:
            parts[-1].append(t)
    toks = next((p for p in parts if any(t.text[:1].isupper() for t in p)), [])
    if not toks:
        return None
    if _credit_line(toks, text):
        return None
    # a possessive inside: the owner stands alone when it is a name of its own
    for i, t in enumerate(toks):
        if t.text in _POSSESSIVE_TOKENS and 0 < i < len(toks) - 1:
            owner, after = toks[:i], toks[i + 1:]
            owner_text = text[owner[0].idx: owner[-1].idx + len(owner[-1])]
            if (len(owner) >= 2 or owner_text.replace(".", "").isupper() or owner_text in tagged
                    or _is_date_or_tally(after[0]) or after[0].text[:1].islower()):
                toks = owner
            break
    # lower-case words, possessives and punctuation at the start; dates, tallies after the end
    while toks and (toks[0].is_punct or toks[0].text in _POSSESSIVE_TOKENS or toks[0].like_url
                    or _lower_word(toks[0]) or _is_date_or_tally(toks[0])):
        toks = toks[1:]
    cut_number = False
    while toks and (toks[-1].is_punct or toks[-1].text in _POSSESSIVE_TOKENS or toks[-1].like_url
                    or _is_date_or_tally(toks[-1], cut_number) or toks[-1].lower_ in rules.TALLY_WORDS):
        cut_number = cut_number or toks[-1].like_num or bool(_SCORE.match(toks[-1].text))
        toks = toks[:-1]
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    # a name glued after the end of another ("NoemSouth Dakota"): start after the junction
    m = next(iter(_CAMEL.finditer(toks[0].text)), None)
    if m and len(toks[0].text) - m.start() >= 3 and toks[0].text[:m.start()].lower() in tagged_words(tagged, span.text):
        start = toks[0].idx + m.start()
    # a name glued to the next word of the page: "Troy SteakhouseA party", "DetroitIn 2020"
    for t in toks:
        m = next(iter(_CAMEL.finditer(t.text)), None)
        if m and m.start() >= 3 and len(t.text) - m.start() <= 2 and t.idx + m.start() > start:
            end = min(end, t.idx + m.start())
            break
    # a name glued to its repeat: "Kristi NoemKristi", "Ocasio-CortezAlexandria Ocasio-Cortez"
    first = toks[0].text
    for t in toks[1:]:
        for m in _CAMEL.finditer(t.text):
            tail = t.text[m.start():]
            if tail.startswith(first) or any(tail.startswith(o.text) for o in toks if o is not t and len(o) > 2):
                end = min(end, t.idx + m.start())
                break
        else:
            continue
        break
    name = text[start:end].strip()
    low = name.lower()
    bare = low.replace(".", "")
    if not any(ch.isalpha() for ch in name) or len(bare) < 2:
        return None
    if low in rules.FUNCTION_WORDS and not (name.isupper() and len(bare) >= 2):
        return None
    if bare in rules.COMMON_ACRONYMS and label in ("GPE", "LOC", "PERSON", "NORP", "FAC", "ORG"):
        return None
    if low in rules.NOT_PEOPLE and label in ("PERSON", "GPE", "LOC", "NORP", "FAC"):
        label = rules.NOT_PEOPLE[low]
    title = None
    if label == "PERSON":
        if any(ch.isdigit() for ch in name):
            label = "PRODUCT"  # "RAV4 Hybrid", "Dell G3": model numbers, not people
        elif countries.BY_DEMONYM.get(low) or low in cues.PEOPLE_NOUNS:
            label = "NORP"
        else:
            start, title = _title_inside(toks, start, end, text)
    return start, end, label, title


def tagged_words(tagged: frozenset[str], but: str) -> set[str]:
    """The words of every other name the tagger found in a document, glued ones split."""
    out: set[str] = set()
    for name in tagged:
        if name != but:
            for w in name.split():
                out.update(p.lower() for p in _CAMEL.split(w) if len(p) >= 3)
    return out


def _lower_word(tok: Any) -> bool:
    """A lower-case word at the start of a span ("older MacBook Pro"), not a name particle
    ("de Gaulle") nor a name written with a capital inside ("iPhone", "eBay")."""
    t = tok.text
    return t[:1].islower() and tok.lower_ not in rules.NAME_PARTICLES and not _CAMEL.search(t) \
        and tok.lower_.split("-")[0] not in rules.NAME_PARTICLES


def _is_date_or_tally(tok: Any, after_number: bool = True) -> bool:
    low = tok.lower_
    if low in rules.AMBIGUOUS_DATE_WORDS:
        return after_number
    return low in rules.DATE_WORDS or bool(_SCORE.match(tok.text)) or (tok.like_num and not tok.is_alpha)


#: the credit leads as a line before a name ends with them (one ``str.endswith`` of them all)
_CREDIT_ENDS = tuple(lead.rstrip() for lead in rules.CREDIT_LEADS)


def _credit_line(toks: list[Any], text: str) -> bool:
    """A name beside a slash and a credit word, or after "Photo:"."""
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
    line_start = text.rfind("\n", 0, s) + 1
    before = text[max(line_start, s - 24):s].lower().rstrip()
    line_end = text.find("\n", e)
    after = text[e: (line_end if line_end >= 0 else len(text))][:30].lower().lstrip()
    if before.endswith(_CREDIT_ENDS):
        return True
    inner = [t.lower_ for t in toks]
    if "/" in inner:
        i = inner.index("/")
        return any(w in rules.CREDIT_WORDS for w in inner[i + 1:]) or any(w in rules.CREDIT_WORDS for w in inner[:i])
    if after.startswith("/"):
        word = re.match(r"/\s*([\w.\- ]{1,24}?)(?=[)\],;/]|$|\s{2})", after)
        return bool(word and (word.group(1).strip() in rules.CREDIT_WORDS
                              or word.group(1).split()[0].strip() in rules.CREDIT_WORDS))
    if before.endswith("/"):
        return any(before.rstrip("/ ").endswith(w) for w in rules.CREDIT_WORDS)
    return False


def _title_inside(toks: list[Any], start: int, end: int, text: str) -> tuple[int, str | None]:
    """"Foreign Secretary Dominic Raab" → (offset of Dominic, "Foreign Secretary")."""
    i, has_role = 0, False
    while i < len(toks) - 1:
        low = toks[i].lower_
        if low in rules.ROYAL_STYLES:
            break
        if low in cues.ROLE_NOUNS or low in rules.TITLE_ABBREVIATIONS:
            has_role = True
        elif low in cues.TITLE_MODIFIERS or (toks[i].ent_type_ in ("NORP", "GPE") and not has_role):
            pass
        else:
            break
        i += 1
    if not has_role or i == 0:
        return start, None
    while i > 0 and toks[i - 1].lower_ not in cues.ROLE_NOUNS and toks[i - 1].lower_ not in rules.TITLE_ABBREVIATIONS:
        i -= 1  # the title ends on its role noun
    if i == 0 or i >= len(toks):
        return start, None
    return toks[i].idx, text[toks[0].idx: toks[i - 1].idx + len(toks[i - 1])]


def _adjectival(span: Any) -> bool:
    """"North Korean" in "North Korean leader": a nationality that modifies a noun after it."""
    root = span.root
    if root.dep_ in ("amod", "compound", "nmod") and root.head.i >= span.end:
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return bool(nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end
                and not nxt.is_punct)


def _countries(ents: list[_Entity], nationality_mods: list[tuple[Any, str]]) -> None:
    """Country codes for places, groups, organisations and people; one entity per country."""
    by_code: dict[str, _Entity] = {}
    for ent in list(ents):
        if ent.type in ("GPE", "NORP", "LOC"):
            forms = [ent.name, *ent.aliases]
            code = next((c for f in forms if (c := countries.country_code(f))), None)
            if code is None:
                continue
            ent.country = code
            if ent.type != "GPE" or any(f in countries.CAPITALS for f in forms):
                continue
            first = by_code.get(code)
            if first is None:
                by_code[code] = ent
                ent.aliases.add(ent.name)
                ent.name = countries.NAMES[code]
            else:
                first.mentions += ent.mentions
                first.aliases |= ent.aliases | {ent.name}
                ents.remove(ent)
        elif ent.type == "PERSON":
            for title in ent.titles:
                code = countries.code_in(title)
                if code:
                    ent.country = code
                    break
        elif ent.type == "ORG" and not ent.agency:
            words = ent.name.split()
            for n in (2, 1):
                code = countries.country_code(" ".join(words[:n])) if len(words) > n else None
                if code:
                    ent.country = code
                    break
    # an adjectival nationality: the entity it modifies, up the noun phrase
    spans = [(s, e, ent) for ent in ents for s, e in ent.mentions]
    for span, code in nationality_mods:
        tok, steps = span.root, 0
        while steps < 4:
            hit = next((ent for s, e, ent in spans if s <= tok.idx < e and ent.type != "NORP"), None)
            if hit is not None and tok.i >= span.end:
                if hit.country is None:
                    hit.country = code
                break
            if tok.head is tok or tok.head.i < span.start or tok.head.pos_ not in ("NOUN", "PROPN"):
                break
            tok, steps = tok.head, steps + 1


def _more_country_mentions(ents: list[_Entity], text: str) -> None:
    """Other spellings of a country the tagger missed ("the U.S." beside "United States")."""
    taken = [(s, e) for ent in ents for s, e in ent.mentions]
    low: str | None = None
    for ent in ents:
        if ent.type != "GPE" or not ent.country or ent.name != countries.NAMES.get(ent.country):
            continue
        if low is None:
            # a form the text does not hold (case folded) cannot match: one str search, not a scan;
            # a text with a character whose lower case is no single one, or that re folds to an
            # ASCII letter otherwise (scan._UNLOWERED), is always scanned
            low = "" if any(c in text for c in _UNLOWERED) else text.lower()
        for form in countries.FORMS.get(ent.country, ()):
            flags = 0 if form.isupper() or "." in form else re.I
            if low and (form not in text if flags == 0 else form.lower() not in low):
                continue
            for m in re.finditer(rf"(?<![\w.]){re.escape(form)}(?![\w]|\.\w)", text, flags):
                s, e = m.span()
                if any(s < te and e > ts for ts, te in taken):
                    continue
                ent.mentions.append((s, e))
                ent.aliases.add(m.group())
                taken.append((s, e))


def _trim(span: Any) -> tuple[int, int]:
    toks = list(span)
    while toks and (toks[0].lower_ in ("the",) or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].lower_ in ("'s", "’s", "'") or toks[-1].is_punct):
        toks = toks[:-1]
    if not toks:
        return (0, 0)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _merge_acronyms(candidates: list[_Entity], ents: list[_Entity]) -> None:
    for short in list(candidates):
        acro = _acronym(short.name)
        if not acro or short not in ents:
            continue
        for longer in candidates:
            if longer is short or longer not in ents or _acronym(longer.name):
                continue
            if _initials(longer.name) == acro and (short.type == longer.type or short.agency):
                target, other = (short, longer) if short.agency else (longer, short)
                target.mentions += other.mentions
                target.aliases |= other.aliases | {other.name}
                if not short.agency:
                    target.name = longer.name
                ents.remove(other)
                break


def _title_before(doc: Any, start: int) -> str | None:
    """"North Korean leader" in "North Korean leader Kim Jong Un": back to a non-title word."""
    i = start - 1
    first = None
    has_role = False
    while i >= 0:
        tok = doc[i]
        low = tok.lower_
        if tok.is_space or tok.is_sent_end and i != start - 1 and tok.is_punct:
            break
        if low in cues.ROLE_NOUNS or low in rules.TITLE_ABBREVIATIONS:
            has_role = True
        elif low in cues.TITLE_MODIFIERS or tok.ent_type_ in ("NORP", "GPE", "ORG"):
            pass
        elif tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN") and i != 0 and not tok.is_sent_start:
            pass
        elif tok.dep_ == "compound" and tok.pos_ == "NOUN" and first is not None:
            pass  # a noun before the role noun: union leader
        else:
            break
        first = i
        i -= 1
    if first is None or not has_role:
        return None
    toks = list(doc[first:start])
    while toks and (toks[0].lower_ in ("of", "and", "'s", "’s") or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].lower_ not in cues.ROLE_NOUNS and toks[-1].lower_ not in rules.TITLE_ABBREVIATIONS:
        toks = toks[:-1]
    if not toks:
        return None
    return doc[toks[0].i: toks[-1].i + 1].text


def _apposition_after(doc: Any, end: int) -> str | None:
    """", Russia's defence minister," after a name."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    j = end + 1
    while j < len(doc) and j - end <= 8 and not doc[j].is_punct:
        j += 1
    if j >= len(doc) or doc[j].text not in (",", ".", ";") or j == end + 1:
        return None
    toks = list(doc[end + 1: j])
    if toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    if not toks or toks[-1].lower_ not in cues.ROLE_NOUNS:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return doc[toks[0].i: toks[-1].i + 1].text
