"""Through what a claim came, and what kind of source made it.

- ``channel_of``: the channel the text names around the cue ("said in a statement", "told the
  BBC", "in an interview with CNN", "tweeted", "posted on Weibo", "wrote in a letter", "at a news
  conference", "in a court filing") as ``{kind, outlet, platform}``, or None when none is named.
- ``source_kind``: person, organisation, group ("officials", "critics"), document (a report, a
  poll, an email) or anonymous ("a person familiar with the matter").

The words are data (the tables below); the code only looks for them outside the claim's own
content, in the sentence of the cue.
"""

from __future__ import annotations

import re
from typing import Any

from .. import cues
from ..scan import spans_of

#: (kind, pattern) in order of precedence: the first that matches near the cue names the channel
CHANNEL_PATTERNS: tuple[tuple[str, str], ...] = (
    ("news conference", r"\b(?:news|press)\s+(?:conference|briefing)s?\b|\bbriefing\b|\bpresser\b"),
    ("interview", r"\binterview(?:s|ed)?\b"),
    ("filing", r"\b(?:court\s+)?(?:filing|filings|papers|lawsuit|indictment|affidavit|motion|complaint)\b"
               r"|\bfiled\b"),
    ("letter", r"\bletters?\b"),
    ("email", r"\be-?mail(?:s|ed)?\b"),
    ("social post", r"\btweet(?:s|ed|ing)?\b|\bre-?posted\b|\bposted\b|\bposts?\s+on\b|\bwrote\s+on\b"
                    r"|\b(?:on|via)\s+(?:his|her|their|its)?\s*(?:official\s+)?(?:twitter|facebook|instagram|"
                    r"weibo|telegram|truth\s+social|tiktok|youtube|linkedin|threads|wechat|vkontakte|bluesky|x)\b"
                    r"|\b(?:social\s+media|video\s+message)\b"),
    ("statement", r"\bstatements?\b|\bcommuniqu[eé]\b|\bpress\s+release\b|\bnews\s+release\b"),
    ("broadcast", r"\b(?:television|televised|tv|radio|broadcast|broadcaster|podcast|show|programme|program)\b"),
    ("report", r"\breport(?:s|ed)?\b"),
)
#: channel words that, as the cue verb itself, name no channel ("the polls show", not "on his show")
VERBS_NO_CHANNEL = frozenset({"show", "program"})
#: each pattern's match spans, the same as ``re.compile(p, re.I).finditer``'s, found by their
#: openings (scan.spans_of): nine case-insensitive scans of every cue's window were most of the cost
_CHANNELS = tuple((kind, spans_of(f"(?i:{p})")) for kind, p in CHANNEL_PATTERNS)
#: a quotation inside the window around a cue (blanked: a quotation names no channel)
_QUOTED = re.compile(r"[“\"«].*?[”\"»]")

#: platforms by the words that name them
PLATFORMS: dict[str, str] = {
    "twitter": "Twitter", "tweet": "Twitter", "tweets": "Twitter", "tweeted": "Twitter", "tweeting": "Twitter",
    "x": "X", "facebook": "Facebook", "instagram": "Instagram", "weibo": "Weibo", "telegram": "Telegram",
    "truth social": "Truth Social", "tiktok": "TikTok", "youtube": "YouTube", "linkedin": "LinkedIn",
    "threads": "Threads", "wechat": "WeChat", "vkontakte": "VKontakte", "bluesky": "Bluesky",
}
_PLATFORM = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in PLATFORMS), key=len, reverse=True))
                       + r")\b", re.I)

#: words in an organisation's name that make it a news outlet
OUTLET_WORDS = frozenset({
    "times", "post", "news", "journal", "tribune", "herald", "gazette", "telegraph", "guardian",
    "television", "tv", "radio", "broadcasting", "press", "agency", "network", "channel", "daily",
    "magazine", "review", "chronicle", "observer", "independent", "mail", "express", "star",
    "examiner", "monitor", "politico", "axios", "bloomberg", "reuters", "cnn", "bbc", "npr", "msnbc",
    "cnbc", "abc", "cbs", "nbc", "pbs", "fox", "sky", "rt", "afp", "ap", "xinhua", "tass", "kcna",
    "yonhap", "kyodo", "al", "jazeera", "dw", "france", "ria", "interfax", "cgtn", "nhk", "breitbart",
    "huffpost", "vox", "wired", "atlantic", "economist", "newsweek", "time",
})

#: how far (characters) a channel word may sit from the cue, in the cue's sentence
WINDOW = 90

ANONYMOUS = re.compile(
    r"\b(?:anonymous(?:ly)?|anonymity|familiar\s+with|not\s+authori[sz]ed|asked\s+not\s+to\s+be|"
    r"declined\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|who\s+(?:asked|spoke)\s+on\s+condition|"
    r"sources?|insiders?|(?:people|person|those|someone)\s+(?:close|familiar)\s+to|people\s+briefed|"
    r"a\s+person\s+who)\b", re.I)
#: an anonymous source described only by its role: "a senior official", "an aide", "one diplomat"
ANONYMOUS_ROLE = re.compile(r"^(?:a|an|one|another|two|three|several|some)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:official|officials|aide|aides|diplomat|diplomats|source|sources|adviser|advisers|"
                            r"advisor|advisors|staffer|staffers|person|people|insider|insiders|employee|employees|"
                            r"lawmaker|lawmakers|executive|executives|officer|officers|strategist|strategists)\b", re.I)
DOCUMENTS = cues.DOCUMENT_NOUNS | frozenset({
    "memos", "filings", "record", "advertisement", "transcripts", "release", "census", "estimates",
    "forecast", "projections", "findings", "paper", "papers", "footage", "cable", "cables",
    "message", "messages", "text", "texts", "note", "notes", "map", "chart", "model",
})
#: heads of a noun phrase that name a body rather than a person (beside cues.ORG_NOUNS)
ORGANISATION_WORDS = frozenset({
    "association", "federation", "corporation", "foundation", "coalition", "consortium", "league",
    "chamber", "senate", "house", "congress", "assembly", "legislature", "regulator", "watchdog",
    "operator", "operators'", "utility", "hospital", "school", "college", "club", "team", "airline",
    "council", "secretariat", "directorate", "prosecutor's", "delegation", "mission", "observatory",
    "exchange", "fund", "trust", "society", "church", "diocese", "company's", "firm's", "station",
})
GROUP_WORDS = frozenset({
    "officials", "critics", "supporters", "voters", "experts", "analysts", "democrats", "republicans",
    "people", "many", "some", "others", "americans", "members", "lawmakers", "leaders", "residents",
    "protesters", "activists", "observers", "economists", "scientists", "researchers", "investigators",
    "police", "authorities", "prosecutors", "opponents", "allies", "advocates", "conservatives",
    "liberals", "progressives", "delegates", "aides", "advisers", "staff", "staffers", "workers",
    "both", "most", "all", "they", "them", "several", "few", "families", "parents", "students",
    "doctors", "officers", "diplomats", "witnesses", "fans", "campaigns", "donors", "governments",
})


def channel_of(text: str, sentence: tuple[int, int], cue_span: tuple[int, int] | None,
               content: tuple[int, int] | None, mentions: list[tuple[int, int, dict[str, Any]]]) -> dict | None:
    """The channel named around the cue, or None. ``mentions`` are (start, end, entity) of the
    sentence's organisations, for the outlet."""
    if cue_span is None:
        return None
    s, e = sentence
    lo, hi = max(s, cue_span[0] - WINDOW), min(e, cue_span[1] + WINDOW)
    # the claim's own words never name its channel: blank them out, keep offsets (by slices:
    # a character at a time in Python was most of this function's cost)
    around = text[lo:hi]
    if content and max(lo, content[0]) < min(hi, content[1]):
        a, b = max(lo, content[0]) - lo, min(hi, content[1]) - lo
        around = around[:a] + " " * (b - a) + around[b:]
    quoted = [q.span() for q in _QUOTED.finditer(around)]
    if quoted:
        pieces, last = [], 0
        for a, b in quoted:
            pieces += [around[last:a], " " * (b - a)]
            last = b
        around = "".join(pieces) + around[last:]
    cue_pos, cue_end = cue_span[0] - lo, cue_span[1] - lo
    best = None
    for kind, spans in _CHANNELS:
        for ms, me in spans(around):
            if ms < cue_end and cue_pos < me and around[ms:me].lower() in VERBS_NO_CHANNEL:
                continue  # the cue itself: "polls show that …" names no broadcast
            dist = min(abs(ms - cue_pos), abs(me - cue_pos))
            if best is None or dist < best[0] - 20:
                best = (dist, kind)
        if best is not None and best[1] == kind:
            break
    outlet = None
    for a, b, ent in mentions:
        if not (lo <= a and b <= hi) or content and content[0] <= a < content[1]:
            continue
        if is_outlet(ent):
            outlet = ent.get("name")
            break
    platform_m = _PLATFORM.search(around)
    platform = None
    if platform_m and (best is None or best[1] == "social post"):
        word = platform_m.group(1).lower()
        # "X" is a platform only after "on"/"via"
        if word != "x" or re.search(r"\b(?:on|via)\s+(?:his|her|their|its)?\s*$", around[:platform_m.start()], re.I):
            platform = PLATFORMS.get(re.sub(r"\s+", " ", word))
    if best is None:
        if outlet is None:
            return None
        return {"kind": "interview" if re.search(r"\btold\b", text[cue_span[0]:cue_span[1]], re.I) else "report",
                "outlet": outlet, "platform": None}
    kind = best[1]
    if platform and kind != "social post":
        kind = "social post"
    return {"kind": kind, "outlet": outlet if kind not in ("social post",) else None, "platform": platform}


def is_outlet(ent: dict[str, Any]) -> bool:
    """Whether an entity is a news outlet or agency."""
    if ent.get("agency"):
        return True
    if ent.get("type") not in ("ORG", "WORK_OF_ART", "PRODUCT", "NORP", "GPE", "FAC", None):
        return False
    words = set(re.findall(r"[a-z]+", (ent.get("name") or "").lower()))
    return bool(words & OUTLET_WORDS) and ent.get("type") != "GPE"


def source_kind(speaker_text: str | None, entity: dict[str, Any] | None, sentence: str = "") -> str | None:
    """person | organisation | group | document | anonymous, or None without a source."""
    words_text = (speaker_text or "").strip()
    if not words_text and entity is None:
        return None
    if ANONYMOUS.search(words_text) or ANONYMOUS_ROLE.match(words_text) and entity is None \
            or entity is None and re.search(r"\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|speaking\s+anonymously)\b",
                                            sentence, re.I):
        return "anonymous"
    words = re.findall(r"[\w'’-]+", words_text.lower())
    head = words[-1] if words else ""
    # "the report's authors", "a poll by X": the head of the phrase decides
    for w in words:
        if w in ("of", "by", "from", "who", "which", "that", ",", "at", "in", "on", "for", "with", "across"):
            break
        head = w
    if entity is not None:
        typ = entity.get("type")
        if typ == "PERSON":
            return "person"
        if typ == "NORP":
            return "group"
        if is_outlet(entity):
            return "organisation"  # a newspaper or network, whatever type the tagger gave its name
    if head in DOCUMENTS:
        return "document"
    if head in GROUP_WORDS or head.endswith("s") and head[:-1] in cues.ROLE_NOUNS | cues.PEOPLE_NOUNS:
        return "group"
    if entity is not None and entity.get("type") in ("ORG", "GPE", "FAC", "LOC"):
        return "organisation"
    if head in cues.ORG_NOUNS or head in ORGANISATION_WORDS:
        return "organisation"
    if entity is None and len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "'s", "’s")) \
            and words and words[0] not in ("mr", "mrs", "ms", "dr"):
        return "group"  # "exporters", "the operators": people in the plural
    return "person"
