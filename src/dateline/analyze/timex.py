"""Time expressions (TIMEX3): dates, times, durations and sets, resolved against the article's date.

``find_timexes(text, anchor, doc)`` finds every expression with a type and a TIMEX3 value:
"2024-11-29", "2024-06", "2024-W48", "2024-SU", "P10Y", "PXM", "PRESENT_REF"… Relative
expressions resolve against the anchor (the publication or dateline date): "on Friday" in a
Saturday story is the day before, "in June" is the last June, or the coming one when the clause
is in the future ("will visit in June"); the tense comes from the parse when there is one.
``resolve_date(expression, published)`` is the ISO day or month of one expression (claims'
``said_on``). Words are data in timex_rules.py; nothing here raises on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from typing import Any

from . import timex_rules as R
from .nlp import tokens
from .scan import compile_led, matches_of, spans_of

# pieces of the grammar -----------------------------------------------------------------------

def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MON_NAMES = [m.capitalize() for m in R.MONTHS if len(m) > 3] + ["May"]
_MON_ABBR = [m.capitalize() for m in R.MONTHS if len(m) <= 4 and m not in ("may", "june", "july")]
MON = rf"(?:(?:{_alt(_MON_NAMES)})\b|(?:{_alt(_MON_ABBR)})(?:\.|\b)|(?:{_alt([m.upper() for m in R.MONTHS if len(m) > 3])})\b)"
WD = rf"(?:(?:{_alt([d.capitalize() for d in R.WEEKDAYS])})\b|(?:{_alt([d.capitalize() for d, i in R.WEEKDAY_FORMS.items() if len(d) <= 5 and d not in R.WEEKDAYS])})\.(?=\s))"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]\d)"
_NUMW = _alt([k for k in R.NUMBER_WORDS if k not in ("both", "single")])
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2(?![\d/])|\s*½)?|(?:{_TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)"
       rf"|(?:{_NUMW})|(?:{_alt(R.VAGUE_QUANTITIES - {'the'})}))")
_UNIT_WORDS = {"centuries": "century", "millennia": "millennium", "mins": "min", "hrs": "hr", "secs": "sec",
               "yrs": "yr"}
UNIT = rf"(?:{_alt(R.UNITS)}|{_alt(_UNIT_WORDS)})(?:e?s)?"
SEASON = rf"(?:{_alt(R.SEASONS)})"
PART = rf"(?:{_alt(R.DAY_PARTS)})"
REL = rf"(?:{_alt(R.RELATIVE_SHIFT)})"
#: "end", "beginning", "start", "turn" need their "of" or hyphen ("the end of March", "end-March"):
#: bare, they are verbs ("deficits will end this year")
#: the words start a word: "the weekend of July 8" holds no "end of July", "amid May protests" no "mid May"
MOD = (r"(?:(?:the\s+)?(?:very\s+)?(?:\b(?:early|earlier|late|later|mid|middle)(?:\s+(?:part\s+)?of(?:\s+the)?)?"
       r"|\b(?:end|beginning|start|turn)(?:\s+(?:part\s+)?of(?:\s+the)?|(?=\s*-)))\s*-?\s*)")
TZ = rf"(?:\s*(?:{_alt(R.TIME_ZONES)})\b)"
_AMPM = r"(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b)"

_I = re.IGNORECASE
# each pattern: (kind, compiled); later stages pick the longest non-overlapping matches
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "2024-05-03", and "2024/05/03" as agencies in East Asia write it (the same mark twice)
    ("iso", re.compile(r"(?<![\d/-])(\d{4})(?P<sep>[-/])(\d{2})(?P=sep)(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(?![\d/-])")),
    ("numeric", re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    ("clock", re.compile(
        rf"(?:(?i:at|around|about|by|after|before|until)\s+)?(?P<core>"
        rf"(?:(?<![\d.:])(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?(?:\s*{_AMPM}|\s+(?i:in\s+the\s+(?:morning|afternoon|evening)\b))|(?<![\d.:])(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
        rf"|(?i:\bnoon\b|\bmidnight\b|\bmidday\b))"
        rf"(?P<tz>{TZ})?(?:\s+(?i:local\s+time))?)")),
    ("monthday", re.compile(
        rf"(?:{WD}\s*,?\s+)?(?:(?i:the\s+))?(?:(?<![\d.])(?P<d1>{DAY})\s+(?:(?i:of)\s+)?(?P<m1>{MON})|(?P<m2>{MON})\s+(?P<d2>{DAY}))"
        rf"(?:\s*,?\s+(?P<y>{YEAR}))?")),
    # "in January this year", "June last year": one expression, the year said in words
    ("monthrel", re.compile(rf"(?:(?i:{MOD}))?(?P<m>{MON})\s+(?P<rel>(?i:this|last|next))\s+(?i:year)\b")),
    ("monthyear", re.compile(rf"(?:(?i:{MOD}))?(?P<m>{MON})\s*,?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})")),
    # "the next day", "the following morning", "the previous night": a day of the story's own
    ("nextday", re.compile(r"(?i:\bthe\s+(?P<rel>next|following|previous|preceding)\s+(?P<u>day|morning|afternoon|evening|night)\b)(?!\s+of\b)")),
    ("relative", re.compile(
        rf"(?i:{MOD})?(?i:(?:the\s+)?{REL}\s+)(?i:fiscal\s+|calendar\s+|school\s+|academic\s+)?"
        rf"(?P<what>(?i:week(?:end)?|month|year|quarter|season|{SEASON})\b|{MON}(?!\.?\s*\d)|{WD}(?:\s+(?i:{PART}))?|(?i:{PART})\b)")),
    ("modperiod", re.compile(
        r"(?i:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|turn|rest|remainder)\s+of\s+(?:the\s+)?"
        r"(?P<what>week|month|year|decade|century)\b|(?:earlier|later)\s+in\s+the\s+(?P<what2>week|month|year|day)\b)")),
    ("periodrel", re.compile(
        r"(?i:\bthe\s+(?:past|last|next|coming|following|previous|preceding)\s+(?P<u>decade|century|millennium)\b)")),
    ("modmonth", re.compile(rf"(?i:{MOD})(?P<m>{MON})")),
    ("month", re.compile(rf"(?P<m>{MON})(?!\s*\d)")),
    # "the summer", "the winter of 1994": TIMEX3 keeps the article (TBAQ: 3 of 3)
    ("season", re.compile(rf"(?i:{MOD}|\bthe\s+)?\b(?P<s>(?i:{SEASON}))(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR}))?\b")),
    # "early Tuesday", "late Monday": the position in the day is the expression's; "earlier
    # Sunday", "later Thursday" leave the comparison outside (TBAQ: 4 times in 5)
    ("weekday", re.compile(rf"(?:(?i:\b(?:early|late)\s+))?(?P<wd>{WD})(?:\s+(?P<part>(?i:{PART})))?")),
    # "on Sundays", "Monday evenings": every such day (or part of it), a SET
    ("weekdays", re.compile(rf"\b(?:(?P<wd>{_alt([d.capitalize() for d in R.WEEKDAYS])})s\b(?:\s+(?P<part>(?i:{PART}))s?\b)?"
                            rf"|(?P<wd2>{_alt([d.capitalize() for d in R.WEEKDAYS])})\s+(?P<part2>(?i:{PART}))s\b)")),
    ("dayword", re.compile(
        rf"(?i:(?:the\s+day\s+(?:before|after)\s+|\b(?:early|late|earlier|later)\s+|\b(?:(?:early|late|mid)[\s-]?)?(?P<part0>morning|afternoon|evening)\s+)?\b(?P<w>today|yesterday|tomorrow|tonight)(?:(?:'s|’s)?\s+(?P<part>{PART}))?\b)")),
    ("lastnight", re.compile(r"(?i:\b(?:last|this)\s+(?P<part>night|morning|afternoon|evening)\b)")),
    ("ago", re.compile(
        rf"(?i:(?:about|around|nearly|almost|some|more\s+than|over|just|only|roughly|at\s+least)\s+)?"
        rf"(?P<n>(?i:{NUM}))[\s-]+(?P<u>(?i:{UNIT}))\s+(?:(?i:or\s+so)\s+)?(?P<dir>(?i:ago|from\s+now|hence|earlier|later)(?!\s+than))\b")),
    ("agovague", re.compile(r"(?i:\b(?P<u>years|months|weeks|days|decades)\s+ago\b)")),
    ("quarter", re.compile(
        rf"(?i:(?:the\s+)?(?:(?P<y0>{YEAR})\s+|(?P<rel>year-earlier|year-ago|prior-year|(?:this|last|next)\s+year['’]s)\s+)?"
        rf"(?:fiscal[\s-]+)?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?P<q>quarter|half))"
        rf"(?:(?i:\s+of\s+(?:the\s+year\s+)?)(?P<y>{YEAR})|\s+(?P<y2>{YEAR})|(?i:\s+of\s+(?:the|this)\s+year\b))?"
        rf"|\b[QH](?P<qn>[1-4])(?:\s+(?P<y3>{YEAR}))?\b")),
    ("century", re.compile(
        r"(?i:(?:the\s+)?(?:(?:early|late|mid)[\s-])?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]century"
        r"|(?:the\s+)?(?P<cw>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]century)")),
    ("decade", re.compile(r"(?i:(?:the\s+)?(?:(?:early|late|mid)[\s-])?)(?:(?P<dc>1[0-9]\d0|20\d0)|['’](?P<ds>\d0))['’]?s\b")),
    ("year", re.compile(
        rf"(?:(?i:{MOD}))?(?:(?i:(?:fiscal|FY|the\s+year)\s*(?:year\s+)?))?(?:(?<=[Mm]id-)|(?<![\w$£€#.,/:-]))(?P<y>{YEAR})(?![\w%]|-(?!\d))")),
    # years said in words, as broadcast transcripts write them: "nineteen ninety-six", "the year
    # two thousand", "the nineties"
    ("spelledyear", re.compile(
        rf"(?:(?P<mon>{MON})\s+|(?i:(?:the\s+)?(?P<sea>{SEASON})\s+of\s+))?(?i:\b(?P<c>nineteen|eighteen)[\s-]+(?P<yy>(?:{_TENS})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
        rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b(?![\s-]+(?:years?|months?|days?|people|dollars|percent|of)\b)"
        rf"|\bthe\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<yy2>one|two|three|four|five|six|seven|eight|nine|ten))?\b"
        rf"|\bthe\s+(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)")),
    ("theyear", re.compile(
        r"(?<!\bof\s)\b(?:[Tt]he)\s+(?:(?P<full>full|fiscal|whole|entire)\s+)?year\b(?![-’']|s\b)"
        r"(?!\s+(?:before|after|earlier|later|ago|of|in|when|that|since|two|as|he|she|they|it|we|I)\b|\s+\d)")),
    ("yearend", re.compile(rf"(?<=\d\d[-–/])(?P<y>\d\d|{YEAR})(?![\w%-])")),
    ("sameperiod", re.compile(
        r"(?i:\bthe\s+(?:same|corresponding|comparable|year-earlier|year-ago|prior-year|year\s+earlier|year-before)\s+"
        r"(?:(?:three-month|six-month|nine-month|fiscal)\s+)?(?P<u>period|quarter|months?|week|half)\b"
        r"(?P<back>\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year|(?:in|of)\s+(?:19|20)\d\d))?)")),
    # "the 1988 quarter", "the 1989 period": in results news, the reported quarter of that year
    ("yearperiod", re.compile(rf"(?i:\bthe\s+)(?P<y>{YEAR})\s+(?i:(?:fiscal\s+)?(?:period|quarter))\b")),
    # "by year-end", "around year end", "by year's end": the story's year, at its end
    ("yearend2", re.compile(r"(?i:\byear(?:-|\s+|['’]s\s+)end\b)(?!-)")),
    ("yearadj", re.compile(r"(?i:\byear-(?:earlier|ago)\b)")),
    ("thequarter", re.compile(
        r"(?i:\bthe\s+(?P<w>latest|most\s+recent|just-ended|just\s+ended|current|recent)?\s*(?:fiscal\s+)?(?:quarter|three\s+months)\b(?!s|ly|-|\s+(?:since|before|after)\b)"
        r"|\bthe\s+(?P<w2>latest|most\s+recent|just-ended|just\s+ended)\s+period\b)")),
    ("theweek", re.compile(r"(?i:\bthe\s+(?P<w>week|weekend)\b(?!\s+(?:of|before|after|earlier|later|ago|ending|ended|to)\b|-))")),
    ("sameday", re.compile(r"(?i:\b(?:the\s+(?:very\s+)?same|that(?:\s+(?:very|same))?)\s+(?P<u>day|week|month|year|morning|afternoon|evening|night)\b)")),
    # "by mid afternoon", "orders placed in the morning": a part of the day the story is at
    ("daypart", re.compile(r"(?i:(?:(?<=\bin\s)|(?<=\bby\s)|(?<=\bat\s)|(?<=\buntil\s)|(?<=\bduring\s))(?:the\s+)?(?:(?:early|late|mid)[\s-]?)?"
                           r"(?P<part>morning|afternoon|evening)\b(?!\s+(?:of|after|before|when|that|papers?|news|shows?|sessions?|trading|rush|"
                           r"prayers?|services?|star|edition|drive|commute|peak|hours?)\b|[-’']))")),
    # "today is the eighth day of the operation", "it's the second day of the offensive": the
    # story's own day, counted in something that goes on (tagged only when the text says it is)
    ("ordday", re.compile(r"(?i:(?:(?<=\bis\s)|(?<=\bare\s)|(?<='s\s)|(?<=’s\s))(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                          r"|\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day\b(?![-’'])(?=\s+(?:of|in|since)\b))")),
    ("holiday", re.compile(rf"(?<![\w'’])(?P<h>{_alt([' '.join(w.capitalize() if w not in ('of', 'the') else w for w in h.split()) for h in R.HOLIDAYS])})(?![\w'’])")),
    ("bareplural", re.compile(r"(?i:\b(?P<u>decades|centuries)\b(?:-long)?|\b(?P<u2>years|months|weeks|days|hours|minutes)-long\b)")),
    ("duration", re.compile(
        rf"(?i:(?:the\s+(?:past|last|next|coming|first|following|previous|final|latest)\s+)"
        rf"|(?:(?:about|around|nearly|almost|some|more\s+than|less\s+than|over|just|only|roughly|at\s+least|up\s+to|a\s+mere|no\s+more\s+than)\s+))?"
        rf"(?<![\w.,])(?P<n>(?i:{NUM}))(?:\s+(?i:and\s+a\s+half))?[\s-]+(?:(?i:{_alt(R.DURATION_ADJECTIVES)})\s+)?(?P<u>(?i:{UNIT}))\b(?![-’']old|\s+old)(?:-long)?"
        rf"(?:\s+(?i:and\s+a\s+half)\b)?")),
    ("bareunits", re.compile(
        r"(?i:\b(?:for|in|within|over|after|took|take|takes|lasted|last)\s+"
        r"(?P<core>(?:the\s+)?(?:(?:past|last|next|coming)\s+|recent\s+(?!years))?(?P<u>years|months|weeks|days|decades|hours|minutes|centuries))\b)"
        r"|(?i:\b(?P<core2>recent\s+(?P<u2>months|weeks|days|decades)))\b"  # "recent years" is a reference
        r"|(?i:\b(?P<core3>(?P<u3>years|months|weeks|days|hours|minutes|seconds))\s+(?:before|after|later|earlier)\b)")),
    ("numrange", re.compile(
        rf"(?i:(?<![\w.])(?P<core>(?P<n>\d+|{_NUMW}))\s*(?:and|or|to|-|–)\s*(?=(?:\d+|{_NUMW})[\s-]+(?P<u>{UNIT})\b))")),
    ("set", re.compile(
        rf"(?i:(?P<q>every|each|per)\s+(?:other\s+|single\s+)?(?P<n>{NUM}\s+)?)(?P<what>(?i:{UNIT}|{PART}|{SEASON}|weekend|season)\b|{WD}|{MON})")),
    ("settimes", re.compile(
        rf"(?i:\b(?P<k>once|twice|thrice|\d+\s+times|(?:{_NUMW})\s+times)\s+(?:a|an|per|every)\s+(?P<u>{UNIT}))\b")),
    ("freq", re.compile(rf"(?i:\b(?P<w>{_alt(R.FREQUENCY_ADVERBS)})\b)")),
    ("reference", re.compile(rf"(?i:\b(?P<w>{_alt(R.REFERENCES)})\b)")),
]
#: the patterns without a gate (below), each scanned by where its matches can start (scan.matches_of)
_UNGATED_SOURCES = {kind: rx.pattern for kind, rx in PATTERNS if rx.flags == re.UNICODE}
# the same patterns led by their possible first characters (scan.py): same matches, ~2x faster scans
PATTERNS = [(kind, compile_led(rx.pattern) if rx.flags == re.UNICODE else rx) for kind, rx in PATTERNS]
#: a unit's word where a word starts: every pattern it gates ("duration", "ago", "numrange",
#: "bareunits") has the unit after a space or a hyphen, so "minister", "today", "three" open no
#: window for them
_UNIT_GATE = r"(?i:\b(?:second|sec|minute|min|hour|hr|day|night|week|fortnight|month|quarter|year|yr|decade|centur|millenni))"
_MON_GATE = r"(?:J[Aa][Nn]|F[Ee][Bb]|M[Aa][Rr]|A[Pp][Rr]|M[Aa][Yy]|J[Uu][Nn]|J[Uu][Ll]|A[Uu][Gg]|S[Ee][Pp]|O[Cc][Tt]|N[Oo][Vv]|D[Ee][Cc])"
#: a word each pattern cannot match without: patterns run only near these (one cheap scan each
#: instead of trying a big alternation at every character). Every match of a pattern lies
#: within GATE_REACH characters of one of its gate's hits.
_GATE_SOURCES: dict[str, str] = {
    "iso": r"\d{4}[-/]\d\d[-/]\d\d", "numeric": r"\d/\d",
    "clock": r"\d[:.]\d|\d\s*[aApP]\.?[mM]|\d\s+in\s+the\s|(?i:noon|midnight|midday)",
    "monthday": _MON_GATE, "monthyear": _MON_GATE, "monthrel": _MON_GATE, "modmonth": _MON_GATE, "month": _MON_GATE,
    "relative": rf"(?i:\b(?:{_alt(R.RELATIVE_SHIFT)})\b)",
    "modperiod": r"(?i:\b(?:end|beginning|start|middle|turn|rest|remainder|earlier|later)\b)",
    "nextday": r"(?i:\b(?:next|following|previous|preceding)\s+(?:day|morning|afternoon|evening|night)\b)",
    "periodrel": r"(?i:decade|centur|millenn)",
    "season": rf"(?i:{SEASON})", "weekday": r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)", "weekdays": r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)",
    "dayword": r"(?i:today|yesterday|tomorrow|tonight)", "lastnight": r"(?i:night|morning|afternoon|evening)",
    "ago": _UNIT_GATE, "agovague": r"(?i:\bago\b)", "quarter": r"(?i:quarter|half|\b[QH][1-4]\b)",
    "century": r"(?i:centur)", "decade": r"\d0['’]?s", "year": r"\d{4}", "yearend": r"\d[-–/]\d\d",
    "sameperiod": r"(?i:same|corresponding|comparable|year-|prior-year|year\s+earlier)", "yearadj": r"(?i:year-)", "yearend2": r"(?i:year\W{1,3}s?\s*end)", "spelledyear": r"(?i:nineteen|eighteen|two\s+thousand|ties\b)", "theyear": r"(?i:\bthe\s+(?:\w+\s+)?year\b)", "yearperiod": r"\d{4}\s+(?i:fiscal\s+)?(?i:period|quarter)",
    "thequarter": r"(?i:quarter|three\s+months|period)", "theweek": r"(?i:week)", "sameday": r"(?i:\b(?:same|that)\s)", "ordday": r"(?i:\bday\s+(?:of|in|since)\b)", "daypart": r"(?i:morning|afternoon|evening)",
    "bareplural": r"(?i:decades|centuries|s-long)", "duration": _UNIT_GATE, "bareunits": _UNIT_GATE,
    "numrange": _UNIT_GATE, "set": r"(?i:\b(?:every|each|per)\b)", "settimes": r"(?i:\b(?:once|twice|thrice|times)\b)",
}
_GATE_RX = {src: compile_led(src) for src in set(_GATE_SOURCES.values())}
GATES: dict[str, re.Pattern[str]] = {kind: _GATE_RX[src] for kind, src in _GATE_SOURCES.items()}
#: each gate's hits as spans, the same as its finditer's, found faster (scan.spans_of)
_GATE_SPANS = {rx: spans_of(src) for src, rx in _GATE_RX.items()}
#: the matches of each pattern without a gate ("freq", "reference", "holiday"), the same as its
#: finditer's, found only where one can start (their case-insensitive alternations were tried
#: at every character of every text)
_UNGATED = {kind: matches_of(src) for kind, src in _UNGATED_SOURCES.items() if kind not in GATES}
#: how far a match may reach before and after its gate's hit
GATE_REACH = (90, 90)
#: the unit ends a duration: "at least a couple of consecutive days", then "-long" or "ago"
GATE_REACH_BY_KIND = {"duration": (70, 30), "ago": (70, 40), "numrange": (70, 30), "bareunits": (60, 30)}
#: words a match of these patterns always needs between its start and the window's end (in the
#: match or in its lookahead: numrange's unit): a gate's window holding none of them is passed
#: over without trying the pattern at each of its characters (the same matches). The unit gate hits every "min" of
#: "minister" and "day" of "Monday"; a duration's unit is a word of its own after a space or hyphen.
_UNIT_WORD = compile_led(rf"[\s-](?i:{UNIT})\b")
WINDOW_NEEDS: dict[str, tuple[re.Pattern[str], ...]] = {
    "ago": (compile_led(r"(?i:ago|from\s+now|hence|earlier|later)"), _UNIT_WORD),
    "duration": (_UNIT_WORD,), "numrange": (_UNIT_WORD,),
    "bareunits": (compile_led(r"(?i:\b(?:years|months|weeks|days|decades|hours|minutes|centuries|seconds)\b)"),),
}

#: later patterns lose ties of equal length
_PRIORITY = {kind: i for i, (kind, _) in enumerate(PATTERNS)}
_MOD_RX = re.compile(r"(?i)^(?:the\s+)?(?:very\s+)?(early|earlier|late|later|mid|middle|end|beginning|start|turn)\b")
#: a capitalised "May"/"March" is a month only in a date frame: after these words or before a year
_MONTH_FRAME = re.compile(r"(?i)(?:\b(?:in|since|until|till|by|from|through|during|of|last|next|this|early|late|mid|"
                          r"and|or|to|between|before|after|on|coming|past|each|every)\s*-?\s*)$")

#: "scheduled for June", "forecast for July": a month after "for"; "May" and "March" only after a
#: plan ("voted for May" is a person)
_FOR = re.compile(r"(?i)\bfor\s+$")
_PLAN_FOR = re.compile(rf"(?i)\b(?:{_alt(sorted(R.SCHEDULING_VERBS | R.SCHEDULED_PARTICIPLES))})\s+for\s+$")

@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    match: re.Match[str]
    #: the day a clock time is on ("3 p.m. Friday")
    day: _Cand | None = None



# patterns built once, not per match: an abbreviation's full stop ends the expression ("Jan.",
# "Tues."), a compound number word ("twenty-one"), a relative shift ("next", "last")
_ABBR_END = re.compile(
    rf"\b(?:{_alt(_MON_ABBR)}|{_alt([d.capitalize() for d in R.WEEKDAY_FORMS if len(d) <= 5 and d not in R.WEEKDAYS])})\.$"
)
_SHIFT = re.compile(rf"(?i)\b({_alt(R.RELATIVE_SHIFT)})\s")
_TENS_WORD = re.compile(rf"({_TENS})[- ](\w+)")

def anchor_date(published: str | date | None) -> date | None:
    """The document date from an ISO date or datetime string."""
    if isinstance(published, date):
        return published
    if not published:
        return None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# finding ---------------------------------------------------------------------------------------

def _candidates(text: str) -> list[_Cand]:
    found: list[_Cand] = []
    # a line break is not a space between words of one expression: matched as a non-space of
    # the same length, offsets stay the text's
    masked = text.replace("\n", "\x00") if "\n" in text else text
    for kind, rx, m in _matches(masked):
        if True:
            s, e = m.span()
            for core in ("core", "core2", "core3"):
                if core in rx.groupindex and m.group(core):
                    s, e = m.span(core)
            while e > s and text[e - 1] in " ,.-" and not text[s:e].endswith(("a.m.", "p.m.", "A.M.", "P.M.")) \
                    and not _ABBR_END.search(text[s:e]):
                e -= 1
            while s < e and text[s] in " ,":
                s += 1
            if e > s:
                found.append(_Cand(s, e, kind, m))
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
    chosen: list[_Cand] = []
    taken = bytearray(len(text) + 1)
    for c in found:
        if any(taken[c.start:c.end]):
            continue
        if not _plausible(text, c):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _matches(text: str):
    """Every match of every pattern: near its gate's hits where it has a gate, else anywhere."""
    n = len(text)
    hits: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for kind, rx in PATTERNS:
        gate = GATES.get(kind)
        if gate is None:
            for m in (_UNGATED[kind] if kind in _UNGATED else rx.finditer)(text):
                yield kind, rx, m
            continue
        if gate not in hits:
            hits[gate] = _GATE_SPANS[gate](text)
        before, after = GATE_REACH_BY_KIND.get(kind, GATE_REACH)
        needs = WINDOW_NEEDS.get(kind, ())
        a = b = -1
        for hs, he in hits[gate]:
            lo, hi = max(0, hs - before), min(n, he + after)
            if lo <= b:
                b = hi
                continue
            if b > a and all(w.search(text, a, b) for w in needs):
                yield from ((kind, rx, m) for m in rx.finditer(text, a, b))
            a, b = lo, hi
        if b > a and all(w.search(text, a, b) for w in needs):
            yield from ((kind, rx, m) for m in rx.finditer(text, a, b))


_ZONE_AFTER = re.compile(rf"\s*(?:{_alt(t for t in R.TIME_ZONES if len(t) >= 3)})\b")


#: words that follow a frequency adverb, not the noun of an adjective ("reports quarterly and …",
#: "paid quarterly to holders"): after them "quarterly" stays a set
_AFTER_ADVERB = frozenset({"and", "or", "but", "to", "in", "on", "at", "by", "for", "from", "with", "since",
                           "until", "as", "than", "if", "when", "while", "because", "so", "thereafter"})


def _plausible(text: str, c: _Cand) -> bool:
    """Filters for words that are often not times: "May", "March", "now" as a discourse word."""
    m, before = c.match, text[max(0, c.start - 40):c.start]
    if c.kind != "holiday" and _titled(text, c):
        return False
    if c.kind == "month":
        word = m.group("m").rstrip(".").lower()
        if word in R.AMBIGUOUS_MONTHS or len(word) <= 4 and not m.group("m").endswith("."):
            if not _MONTH_FRAME.search(before) and not (
                    re.search(r"(?i)\bthe\s+$", before) and re.match(r"\s+[a-z]{4,}\b", text[c.end:])) \
                    and not (_PLAN_FOR.search(before) if word in R.AMBIGUOUS_MONTHS else _FOR.search(before)):
                return False  # "the March accession" is the month that names a deed
            if word in R.AMBIGUOUS_MONTHS and re.match(r"\s+[A-Z][a-z]", text[c.end:c.end + 3]):
                return False  # "Jan Kavan", "March Madness": a name
    if c.kind in ("duration", "set") and m.group("n"):
        n = m.group("n").strip().lower()
        if n == "the":
            return False
    if c.kind == "duration":
        u = m.group("u").lower()
        n = m.group("n").strip().lower()
        if u.startswith("second") and n in ("a", "the"):
            return False  # "a second time"
        if n == "one" and u == "day" and _MODAL_BEFORE.search(text, max(0, c.start - 24), c.start):
            return False  # "could one day stretch to Europe": some day ahead (FUTURE_REF), no stretch
        if n in ("a", "an") and u.endswith("s") and text[c.start:c.end].lower().endswith("-long"):
            return False  # "a weeks-long strike": the article is the strike's; "weeks-long" is vague
        if u.startswith(("night", "day")) and n in ("a", "an") and re.match(r"\s*(?:of|after|before|when|that)\b", text[c.end:]):
            return False  # "a day after the vote" is an anchor, not a duration
        if u.startswith("quarter") and not re.match(r"^(?:\d|one|two|three|four|a|several|few)", n):
            return False
        if u.startswith("quarter") and re.match(r"\s+of\s+(?:the|its|his|her|their|our|all|this|that|these|those|an?)\s+(?!(?:fiscal\s+)?(?:year|century|decade)\b)", text[c.end:]):
            return False  # "three-quarters of its food": a share, not a time
        if re.fullmatch(r"(?:1[89]|20)\d\d", n) and not u.endswith("s"):
            return False  # "the 1988 quarter": a year, not 1988 quarters
    if c.kind == "freq" and m.group("w").lower() in R.FREQUENCY_ADJECTIVES:
        after = re.match(r"\s+([a-z]+)", text[c.end:])
        if after and after.group(1) not in _AFTER_ADVERB:
            return False  # "the annual meeting", "a quarterly cash dividend": a kind of thing, not a time
    if c.kind == "reference":
        w = m.group("w").lower()
        after = re.match(r"\s*(\w+)", text[c.end:])
        if after and after.group(1).lower() in R.REFERENCE_NOT_BEFORE.get(w, ()):
            return False
        if w == "future" and after and after.group(1).islower() and not re.match(
                r"(?:years?|months?|weeks?|days?|quarters?|decades?|generations?)$", after.group(1)):
            return False  # "future earnings", "future payments": a description, not a time
        if w == "future" and re.search(r"(?i)\bforeseeable\s+$", before):
            return False  # "for the foreseeable future": an open stretch ahead, not a time (TBAQ 2 of 2)
        if w == "the past" and re.match(rf"\s+(?:\d|(?i:{_NUMW}|few|several|couple|many)\b)", text[c.end:]):
            return False  # "six of the past seven contests": a count of things, not the past
        if w == "soon" and re.search(r"(?i)\bas\s+$", before):
            return False  # "as soon as they boarded": a conjunction
        if w == "once" and not re.search(r"(?i)\b(?:was|were|is|are|had|has)\s*$", before):
            return False
        if w == "now" and re.match(r"\s*(?:that)\b", text[c.end:]):
            return True
    if c.kind == "year":
        y = int(m.group("y"))
        prefix = text[c.start:m.start("y")]
        if not prefix and _ZONE_AFTER.match(text, c.end):
            return False  # "(2000 GMT)": a clock time in the 24-hour style, not a year
        if y < 1800 and not prefix and not re.search(r"(?i)\b(?:in|since|of|from|until|by|year)\s+$", before):
            return False
        if re.match(r"\s*(?:%|percent|per\s+cent|people|troops|soldiers|members|votes|points|dollars|euros|yen|meters|metres|feet|miles|kilometers|km|tons|tonnes|barrels|units|cars|homes|jobs|workers|residents|cases|deaths)\b", text[c.end:], re.I):
            return False
    if c.kind == "clock" and re.search(r"(?i)\bhigh\s+$", before):
        return False  # "high noon"
    if c.kind == "yearend" and not re.search(rf"(?<![\w$£€#.,/:-]){YEAR}[-–/]$", text[max(0, c.start - 5):c.start]):
        return False
    bare_season = c.kind == "season" and text[c.start:m.start("s")].strip().lower() in ("", "the")
    if bare_season:
        before = text[max(0, m.start("s") - 40):m.start("s")]  # "the" is the expression's, and still its frame
    if bare_season and m.group("s") == "fall" and not m.group("y") \
            and not re.search(r"(?i)\b(?:this|last|next|early|late|mid|the|that|in|during|by|until|since|of)[\s-]+$", before):
        return False  # "prices will fall", "to fall apart": the verb
    if c.kind == "season" and m.group("s").lower() == "fall" and not m.group("y") and re.match(_FALL_OF, text[c.end:]):
        return False  # "the fall of the wall": an event
    if bare_season and m.group("s")[0].isupper() and not m.group("y"):
        framed = re.search(r"(?i)\b(?:in|during|since|until|till|through|by|this|last|next|early|late|mid|of|the)\s+$", before) \
            and not re.match(r"\s+[A-Z]", text[c.end:c.end + 2])
        if not framed and not re.search(r"(?:^|[.!?\n]\s*|[\"“]\s*)$", before):
            return False  # "British Summer Time", "Arab Spring": a name, not a season ("in Autumn" is one)
    if c.kind == "weekday" and re.search(r"(?i)\b(?:good|black|cyber|holy|ash|palm|easter|super)\s+$", before):
        return False
    return True


#: words of time written in lower case in running text: capitalised inside a sentence they are
#: names and titles ("This Week", "60 Minutes", "USA Today", "Sandra Day", "High Noon")
_TITLE_WORDS = frozenset({"week", "weeks", "minute", "minutes", "hour", "hours", "day", "days", "today", "tonight",
                          "noon", "year", "years", "month", "months", "morning", "night", "century", "decade",
                          "now", "midday", *R.NAME_HEAD_WORDS})
_WORD = re.compile(r"\b[A-Z][a-z]+\b")
#: capitalised words before a time word that do not make it a name ("Tuesday Night", "The Day")
_NOT_NAMES = frozenset(R.WEEKDAY_FORMS) | frozenset(R.MONTHS) | _TITLE_WORDS | {"the", "this", "last", "next", "every", "each"}


_MODAL_BEFORE = re.compile(r"(?i)\b(?:will|would|could|might|may|can|should|must|shall)(?:\s+\w+ly)?\s+$|['’]ll\s+$")
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_CAPS_BEFORE = re.compile(r"([A-Z][A-Za-z]*)[ ]*(?:[/-][ ]*)?$")


def _titled(text: str, c: _Cand) -> bool:
    """Whether a time word of the candidate is capitalised as a name or title is."""
    for w in _CAPS_WORD.finditer(text, c.start, c.end):
        # "a USA TODAY poll", "NBC's TODAY show": a time word in capitals after a name, in a line
        # written in lower case, is a name; a headline in capitals is not
        if w.group().lower() not in _TITLE_WORDS:
            continue
        line_start = text.rfind("\n", 0, w.start()) + 1
        if not re.search(r"[a-z]{3}", text[line_start:w.start()] + text[w.end():w.end() + 60].split("\n")[0]):
            continue
        prev = _CAPS_BEFORE.search(text, max(0, w.start() - 30), w.start())
        if prev and prev.group(1).lower() not in _NOT_NAMES and not re.search(r"[.!?:]\s*$", text[max(0, prev.start() - 3):prev.start()]):
            return True
    for w in _WORD.finditer(text, c.start, c.end):
        if w.group().lower() not in _TITLE_WORDS:
            continue
        line_start = text.rfind("\n", 0, w.start()) + 1
        line_end = text.find("\n", w.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        long_words = re.findall(r"[A-Za-z]{4,}", line)
        if len(long_words) >= 3 and sum(x[0].isupper() for x in long_words) >= 0.8 * len(long_words):
            return False  # a headline in title case
        if w.group().lower() in R.NAME_HEAD_WORDS or re.search(r"(?<![\w'’])the[ ]+$", text[max(0, w.start() - 5):w.start()]):
            nxt = re.match(r"[ ]+([A-Z][a-z]+)", text[w.end():w.end() + 30])
            if nxt and nxt.group(1).lower() not in _NOT_NAMES:
                return True  # "the Daily Mail", "the Weekly Standard", "the Morning Ledger": a title's first word
        if w.start() > c.start:
            # "This Week", "60 Minutes" in quotes or owned by a broadcaster ("on CBS's")
            if re.search(r"(?:[\"“']|``|['’]s\s)\s*$", text[max(0, c.start - 6):c.start]):
                return True
            if re.search(r"\d[ ]+$", text[c.start:w.start()]) and not re.search(r"(?:^|[.!?:]\s*|[\"“]\s*)$", text[max(0, c.start - 3):c.start]):
                return True  # "the movie 13 Hours", "a book called 100 Days": a count before a capital is a title
            prev = re.search(r"([A-Za-z]+)[ ]+$", text[max(0, c.start - 30):c.start])
            if prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in _NOT_NAMES \
                    and text[c.start].isupper() and not re.search(r"(?:^|[.!?:\n]\s*|[\"“]\s*)$", text[max(0, prev.start() - 3):prev.start()]):
                return True  # "CBS This Morning", "NBC Nightly News": a show named after its slot
            continue
        prev = re.search(r"([A-Za-z]+)[ ]+$", text[max(0, w.start() - 30):w.start()])
        if prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in _NOT_NAMES:
            return True  # "USA Today", "VOA Today", "High Noon", "the New York Daily News", "Liberty Now"
    return False


# resolving ------------------------------------------------------------------------------------

def _num(word: str | None) -> int | float | None:
    """The number of a quantity; None for vague ones ("several")."""
    if word is None:
        return 1
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w in R.VAGUE_QUANTITIES:
        return None
    if w in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[w]
    m = _TENS_WORD.match(w)
    if m:
        return R.NUMBER_WORDS[m.group(1)] + R.NUMBER_WORDS.get(m.group(2), 0)
    half = re.fullmatch(r"([\d,]+)\s*(?:1/2|½)", w)
    if half:  # "2 1/2 years"
        return int(half.group(1).replace(",", "")) + 0.5
    try:
        v = float(w.replace(",", ""))
        return int(v) if v.is_integer() else v
    except ValueError:
        return None


def _unit(word: str) -> str:
    w = word.lower()
    w = _UNIT_WORDS.get(w, w)
    if w in R.UNITS:
        return w
    for suffix in ("es", "s"):
        if w.endswith(suffix) and w[: -len(suffix)] in R.UNITS:
            return w[: -len(suffix)]
    if w.endswith("ies") and w[:-3] + "y" in R.UNITS:
        return w[:-3] + "y"
    return w.rstrip("s")


def duration_value(n: int | float | None, unit: str) -> str:
    """TIMEX3 duration: P3M, PT2H, P1DE for a decade, P2Q, PXY for "years"."""
    u = _unit(unit)
    letter, is_time = R.UNITS.get(u, ("X", False))
    factor = R.UNIT_FACTORS.get(u, 1)
    code = R.UNIT_CODES.get(u)
    if n is None:
        vague = R.VAGUE_UNIT_CODES.get(u)
        return f"PX{vague}" if vague else ("PTX" if is_time else "PX") + letter
    if code and float(n).is_integer():
        return f"P{int(n)}{code}"
    if code:  # "a quarter and a half": in months
        letter, factor = "M", R.QUARTER_MONTHS
    total = n * factor
    if isinstance(total, float):
        if total.is_integer():
            total = int(total)
        else:
            # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M: the fraction in the next smaller unit
            whole = int(total)
            smaller = _SMALLER.get((letter, is_time))
            if smaller is None:
                return f"{'PT' if is_time else 'P'}{total:g}{letter}"
            rest_n, rest_letter, rest_time = round((total - whole) * smaller[0]), smaller[1], smaller[2]
            head = f"{whole}{letter}" if whole else ""
            if rest_time and not is_time:
                return f"P{head}T{rest_n}{rest_letter}"
            return f"{'PT' if is_time else 'P'}{head}{rest_n}{rest_letter}"
    return f"{'PT' if is_time else 'P'}{total}{letter}"


#: a unit's fraction in the next smaller one: (how many, its letter, whether a time unit)
_SMALLER = {("Y", False): (12, "M", False), ("M", False): (30, "D", False), ("W", False): (7, "D", False),
            ("D", False): (24, "H", True), ("H", True): (60, "M", True), ("M", True): (60, "S", True)}


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _month_token(word: str) -> int | None:
    return R.MONTHS.get(word.rstrip(".").lower())


def _month_year(month: int, anchor: date, tense: int, shift: int | None = None) -> int:
    """The year of a month named without one: the last one, the coming one in the future."""
    if shift == 0:
        return anchor.year
    if shift == -1:
        # "last February" in a March story is a year back: the month just gone is "last month"
        return anchor.year if month < anchor.month - 1 else anchor.year - 1
    if shift == 1 or tense > 0:
        return anchor.year if month > anchor.month or (shift is None and month == anchor.month) else anchor.year + 1
    if tense == 0 and 0 < (month - anchor.month) % 12 < 6:
        return anchor.year + (month < anchor.month)  # no tense: the nearest ("electing a Democrat in November" in June)
    return anchor.year if month <= anchor.month else anchor.year - 1


_NEAR_DAYS = 90
#: the tense of what is certainly past: the day something was said
PAST = -2
#: the tense of a limit after a past verb ("gave them until Tuesday"): the nearest such day
NEAREST = 3
_NEAR_MONTHS = 3


def _day_year(month: int, day: int, anchor: date, tense: int) -> int:
    """The year of a day named without one: by tense, else the nearest such day."""
    def at(y):
        try:
            return date(y, month, day)
        except ValueError:
            return None
    here = at(anchor.year)
    if here is None:
        return anchor.year
    # a day named without a year is within a few months of the story: the tense decides only
    # past a quarter of a year ("Dec. 15" in an October story is the coming one, whatever the verb)
    if tense <= PAST or tense < 0 and not (anchor < here <= anchor + timedelta(days=_NEAR_DAYS)):
        return anchor.year if here <= anchor else anchor.year - 1
    if tense > 0 and not (anchor - timedelta(days=_NEAR_DAYS) <= here < anchor):
        return anchor.year if here >= anchor else anchor.year + 1
    options = [(abs((x - anchor).days), y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (x := at(y)) is not None]
    return min(options)[1]


def _weekday_date(wd: int, anchor: date, tense: int, shift: int | None) -> date:
    if shift == 0:  # "this Friday": the one of the anchor's week
        return anchor + timedelta(days=wd - anchor.weekday())
    if shift == -1:
        diff = (anchor.weekday() - wd) % 7 or 7
        return anchor - timedelta(days=diff)
    if shift == 1:
        diff = (wd - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=diff)
    if tense == NEAREST:  # "gave them until Tuesday": the nearer of the last and the coming one
        back, ahead = (anchor.weekday() - wd) % 7, (wd - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead) if ahead <= back else anchor - timedelta(days=back)
    if tense > 0:  # "snow will fall on Friday" in a Friday story: that day
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - wd) % 7)


def _season_year(code: str, anchor: date, tense: int, shift: int | None) -> int:
    start = R.SEASON_START_MONTH[code]
    current = anchor.year if anchor.month >= start else anchor.year - 1
    if code == "WI":
        current = anchor.year - 1 if anchor.month < 12 else anchor.year
        if anchor.month <= 2:
            current = anchor.year - 1
    in_it = (anchor.month - start) % 12 < 3
    if shift == 0:
        if code != "WI":
            return anchor.year  # "this summer" in May is the coming one, whatever the verb
        return current if in_it or tense <= 0 else current + 1
    if shift == -1:
        return current - 1 if in_it else current
    if shift == 1 or tense > 0:
        return current + 1
    if tense == 0 and shift is None and not in_it and 0 < (start - anchor.month) % 12 < (anchor.month - start - 2) % 12:
        return current + 1  # no tense: the nearest, the coming one when it begins sooner than the last one ended
    return current


def _shift_value(what: str, anchor: date, shift: int) -> tuple[str, str] | None:
    w = what.lower()
    if w == "week":
        return "DATE", _week(anchor + timedelta(weeks=shift))
    if w == "weekend":
        return "DATE", _week(anchor + timedelta(weeks=shift)) + "-WE"
    if w == "month":
        y, m = _add_months(anchor, shift)
        return "DATE", f"{y:04d}-{m:02d}"
    if w in ("year", "season"):
        return "DATE", f"{anchor.year + shift:04d}"
    if w == "quarter":
        y, m = _add_months(anchor, 3 * shift)
        return "DATE", f"{y:04d}-Q{(m - 1) // 3 + 1}"
    return None


def _resolve(c: _Cand, text: str, anchor: date | None, tense: int) -> tuple[str, str] | None:
    m, kind = c.match, c.kind
    surface = text[c.start:c.end]
    if kind == "iso":
        y, mo, d = (int(m.group(i)) for i in (1, 3, 4))
        try:
            value = date(y, mo, d).isoformat()
        except ValueError:
            return None
        if m.group(5):
            return "TIME", f"{value}T{m.group(5)}:{m.group(6)}" + (f":{m.group(7)}" if m.group(7) else "")
        return "DATE", value
    if kind == "numeric":
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if y < 100:
            y += 2000 if y < 50 else 1900
        month, day = (a, b) if a <= 12 else (b, a)
        try:
            return "DATE", date(y, month, day).isoformat()
        except ValueError:
            return None
    if kind == "monthday":
        month = _month_token(m.group("m1") or m.group("m2"))
        day = int(re.match(r"\d+", m.group("d1") or m.group("d2")).group())
        if month is None:
            return None
        if m.group("y"):
            year = int(m.group("y"))
        elif anchor:
            year = _day_year(month, day, anchor, tense)
        else:
            return "DATE", f"XXXX-{month:02d}-{day:02d}"
        try:
            return "DATE", date(year, month, day).isoformat()
        except ValueError:
            return None
    if kind == "monthrel":
        month = _month_token(m.group("m"))
        if month is None or anchor is None:
            return None
        shift = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        return "DATE", f"{anchor.year + shift:04d}-{month:02d}"
    if kind == "monthyear":
        month = _month_token(m.group("m"))
        return ("DATE", f"{int(m.group('y')):04d}-{month:02d}") if month else None
    if kind in ("month", "modmonth"):
        month = _month_token(m.group("m"))
        if month is None:
            return None
        if anchor is None:
            return "DATE", f"XXXX-{month:02d}"
        return "DATE", f"{_month_year(month, anchor, tense):04d}-{month:02d}"
    if kind == "season":
        code = R.SEASONS[m.group("s").lower()]
        if m.group("y"):
            return "DATE", f"{int(m.group('y')):04d}-{code}"
        if anchor is None:
            return "DATE", f"XXXX-{code}"
        return "DATE", f"{_season_year(code, anchor, tense, None):04d}-{code}"
    if kind == "weekdays":
        wd = R.WEEKDAY_FORMS[(m.group("wd") or m.group("wd2")).lower()]
        part = R.DAY_PARTS.get((m.group("part") or m.group("part2") or "").lower())
        return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else "")
    if kind == "weekday":
        wd = R.WEEKDAY_FORMS.get(m.group("wd").rstrip(".").lower())
        part = R.DAY_PARTS.get((m.group("part") or "").lower())
        if wd is None:
            return None
        if anchor is None:
            value = f"XXXX-WXX-{wd + 1}"
        else:
            value = _weekday_date(wd, anchor, tense, None).isoformat()
        return ("TIME", f"{value}T{part}") if part else ("DATE", value)
    if kind == "dayword":
        w, part = m.group("w").lower(), R.DAY_PARTS.get((m.group("part") or m.group("part0") or "").lower())
        low = surface.lower()
        offset, p = R.DAY_WITH_PART.get(w, (R.RELATIVE_DAYS.get(w, 0), None))
        part = part or p
        if "day before" in low:
            offset -= 1
        elif "day after" in low:
            offset += 1
        if anchor is None:
            return None
        value = (anchor + timedelta(days=offset)).isoformat()
        return ("TIME", f"{value}T{part}") if part else ("DATE", value)
    if kind == "lastnight":
        if anchor is None:
            return None
        part = R.DAY_PARTS[m.group("part").lower()]
        back = surface.lower().startswith("last")
        return "TIME", f"{(anchor - timedelta(days=1 if back else 0)).isoformat()}T{part}"
    if kind == "relative":
        return _relative(m, surface, anchor, tense)
    if kind == "ordday":
        return ("DATE", anchor.isoformat()) if anchor is not None else None
    if kind == "modperiod":
        what = (m.group("what") or m.group("what2")).lower()
        if anchor is None:
            return None
        if what in ("decade", "century"):
            return "DATE", f"{anchor.year // 10:03d}" if what == "decade" else f"{anchor.year // 100:02d}"
        if tense < 0 and re.search(r"(?i)\bend\b", surface) and (
                what == "year" and anchor.month <= 9 or what == "month" and anchor.day <= 20):
            # "prices peaked by the end of the year" in a March story: the end that has come
            return _shift_value(what, anchor, -1)
        return _shift_value(what, anchor, 0)
    if kind == "periodrel":
        u = m.group("u").lower()
        return "DURATION", duration_value(1, u)
    if kind in ("ago",):
        n, u = _num(m.group("n")), _unit(m.group("u"))
        direction = m.group("dir").lower()
        if direction == "later" or direction == "earlier" and u not in ("year", "yr", "quarter"):
            # "three days later", "an hour earlier": TIMEX3 tags the stretch ("three days", P3D)
            # and leaves "later" to a signal; "a year earlier" of results news is a date
            return "DURATION", duration_value(n, m.group("u"))
        sign = -1 if direction in ("ago", "earlier") else 1
        if anchor is None or n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        return "DATE", _ago(anchor, int(n * sign) if float(n).is_integer() else n * sign, u)
    if kind == "agovague":
        return "DATE", "PAST_REF"
    if kind == "quarter":
        if m.group("qn"):
            q, y = int(m.group("qn")), m.group("y3")
            half = surface.lstrip().upper().startswith("H")
        else:
            o = m.group("o").lower()
            half = m.group("q").lower() == "half"
            q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                 "4th": 4, "final": 2 if half else 4, "last": 2 if half else 4}[o]
            y = m.group("y") or m.group("y2") or m.group("y0")
            rel = (m.group("rel") or "").lower()
            if rel and anchor is not None:
                y = anchor.year + (0 if rel.startswith("this") else 1 if rel.startswith("next") else -1)
        if y is None:
            if anchor is None:
                y = "XXXX"
            else:
                current = (anchor.month - 1) // (6 if half else 3) + 1
                of_year = re.search(r"(?i)\bof\s+(the|this)\s+year\b", surface)
                if of_year:
                    # "the second half of the year": of the story's year, unless told as done
                    # before that half began ("the fourth quarter of the year was weak" in January)
                    y = anchor.year if of_year.group(1).lower() == "this" or q <= current or tense >= 0 else anchor.year - 1
                elif tense == 0 and not half and 0 < q - current < 4 - (q - current):
                    y = anchor.year  # no tense: the nearest ("expects growth in the second quarter" in March)
                else:
                    y = anchor.year if q <= current or tense > 0 else anchor.year - 1
        return "DATE", f"{y}-{'H' if half else 'Q'}{q}"
    if kind == "century":
        c_ = int(m.group("c")) if m.group("c") else R.ORDINALS.get(m.group("cw").lower())
        return ("DATE", f"{c_ - 1:02d}") if c_ else None
    if kind == "decade":
        if m.group("dc"):
            return "DATE", m.group("dc")[:3]
        d2 = int(m.group("ds"))
        return "DATE", (f"19{d2 // 10}" if d2 >= 20 else f"20{d2 // 10}")
    if kind == "year":
        return "DATE", m.group("y")
    if kind == "spelledyear":
        if m.group("dw"):
            return "DATE", f"19{R.NUMBER_WORDS[m.group('dw').lower()[:-3] + 'y'] // 10}"
        if m.group("c"):
            yy = _num(m.group("yy").replace("-", " ")) if m.group("yy") else None
            if yy is None:
                return None
            y = (19 if m.group('c').lower() == 'nineteen' else 18) * 100 + int(yy)
            if m.group("mon") and _month_token(m.group("mon")):
                return "DATE", f"{y:04d}-{_month_token(m.group('mon')):02d}"  # "January nineteen ninety-seven"
            if m.group("sea"):
                return "DATE", f"{y:04d}-{R.SEASONS[m.group('sea').lower()]}"  # "the winter of nineteen ninety-four"
            return "DATE", f"{y:04d}"
        return "DATE", f"{2000 + (R.NUMBER_WORDS.get((m.group('yy2') or '').lower(), 0)):04d}"
    if kind == "yearend":
        y = m.group("y")
        if len(y) == 2:
            first = re.search(r"(\d\d)\d\d[-–/]$", text[:c.start])
            if not first:
                return None
            y = first.group(1) + y
        return "DATE", y
    if kind == "duration":
        n = _num(m.group("n"))
        if n is not None and re.search(r"(?i)and\s+a\s+half", surface):
            n = n + 0.5
        return "DURATION", duration_value(n, m.group("u"))
    if kind == "bareunits":
        return "DURATION", duration_value(None, m.group("u") or m.group("u2") or m.group("u3"))
    if kind == "numrange":
        return "DURATION", duration_value(_num(m.group("n")), m.group("u"))
    if kind == "set":
        return "SET", _set_value(m)
    if kind == "settimes":
        return "SET", duration_value(1, m.group("u"))
    if kind == "freq":
        return "SET", R.FREQUENCY_ADVERBS[m.group("w").lower()]
    if kind == "reference":
        return "DATE", R.REFERENCES[re.sub(r"\s+", " ", m.group("w").lower())]
    if kind == "clock":
        return _clock(m, surface, anchor)
    if kind == "bareplural":
        return "DURATION", duration_value(None, m.group("u") or m.group("u2"))
    if anchor is None:
        return None
    if kind == "sameperiod":
        u = m.group("u").lower()
        back = bool(m.group("back")) or re.search(r"(?i)year-?(?:earlier|ago|before)|prior-year", surface)
        if not back:
            return None
        y = re.search(r"(?:19|20)\d\d", m.group("back") or "")
        if u in ("quarter", "period", "months", "month", "half"):
            ry, q = _reported_quarter(anchor)
            return "DATE", f"{int(y.group()) if y else ry - 1:04d}-Q{q}"
        return "DATE", _week(anchor - timedelta(weeks=52))
    if kind == "theyear":
        if re.match(r"\s+(?:ended|ending)\b", text[c.end:]):
            return "DURATION", "P1Y"  # "for the year ended March 31": a twelve-month stretch
        return "DATE", f"{anchor.year:04d}"  # "for the full year", "a high for the year"
    if kind == "yearend2":
        back = re.search(r"(?i)\bsince\s+$", text[max(0, c.start - 8):c.start])
        return "DATE", f"{anchor.year - (1 if back else 0):04d}"  # "since year-end": the last one
    if kind == "yearadj":
        return "DATE", f"{anchor.year - 1:04d}"
    if kind == "yearperiod":
        _, q = _reported_quarter(anchor)
        return "DATE", f"{int(m.group('y')):04d}-Q{q}"
    if kind == "thequarter":
        w = (m.group("w") or m.group("w2") or "").lower()
        if w == "current":
            return "DATE", f"{anchor.year:04d}-Q{(anchor.month - 1) // 3 + 1}"
        ry, q = _reported_quarter(anchor)
        return "DATE", f"{ry:04d}-Q{q}"
    if kind == "theweek":
        if m.group("w").lower() == "week":
            return "DATE", _week(anchor)
        return "DATE", _weekend(anchor, tense)
    if kind == "holiday":
        if shift := _HOLIDAY_SHIFT.search(text, max(0, c.start - 6), c.start):
            tense = {"last": -1, "next": 1}.get(shift.group(1).lower(), 0)  # "this Easter": the nearest
        return _holiday(m.group("h").lower(), anchor, tense)
    return None


def _reported_quarter(anchor: date) -> tuple[int, int]:
    """The quarter news of results speaks of: the last one ended before the anchor."""
    y, mo = _add_months(anchor, -3)
    return y, (mo - 1) // 3 + 1


def _weekend(anchor: date, tense: int) -> str:
    """"the weekend": the one ahead in the future, else the last one (or the anchor's own)."""
    wd = anchor.weekday()
    if tense > 0 and wd < 5:
        return _week(anchor) + "-WE"
    if wd >= 5 and tense <= 0:
        return _week(anchor) + "-WE"
    if tense > 0:
        return _week(anchor + timedelta(weeks=1)) + "-WE"
    return _week(anchor - timedelta(weeks=1)) + "-WE"


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _holiday_date(rule: tuple, year: int) -> date:
    if rule[0] == "easter":
        return _easter(year) + timedelta(days=rule[1])
    if rule[0] == "after":
        first = date(year, rule[1], rule[2])
        return first + timedelta(days=(rule[3] - first.weekday()) % 7)
    if len(rule) == 2:
        return date(year, rule[0], rule[1])
    month, wd, n = rule
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _holiday(name: str, anchor: date, tense: int) -> tuple[str, str] | None:
    rule = R.HOLIDAYS.get(name.replace("’", "'")) or R.HOLIDAYS.get(name)
    if rule is None:
        return None
    days = {y: _holiday_date(rule, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)}
    if tense < 0:
        day = days[anchor.year] if days[anchor.year] <= anchor else days[anchor.year - 1]
    elif tense > 0:
        day = days[anchor.year] if days[anchor.year] >= anchor else days[anchor.year + 1]
    else:
        day = min(days.values(), key=lambda d: abs((d - anchor).days))
    return "DATE", day.isoformat()


def _ago(anchor: date, n: int | float, unit: str) -> str:
    letter, is_time = R.UNITS.get(unit, ("D", False))
    factor = R.UNIT_FACTORS.get(unit, 1)
    if unit in ("year", "yr") or unit.startswith("quarter") and unit != "quarter":
        return f"{anchor.year + int(n * factor):04d}"  # "a quarter-century ago": 25 years back
    if unit in ("decade", "century", "millennium"):
        factor = {"decade": 10, "century": 100}.get(unit, factor)
        y = anchor.year + int(n * factor)
        if not float(n).is_integer():
            return f"{y:04d}"  # "half a century ago": fifty years back, a year
        return f"{y // factor:0{4 - len(str(factor)) + 1}d}" if factor < 1000 else f"{y // 1000}"
    if unit == "quarter":
        y, mo = _add_months(anchor, int(n * R.QUARTER_MONTHS))
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    if unit == "month":
        y, mo = _add_months(anchor, int(n))
        return f"{y:04d}-{mo:02d}"
    if unit in ("week", "fortnight"):
        return _week(anchor + timedelta(weeks=int(n * factor)))
    if unit in ("day", "night"):
        return (anchor + timedelta(days=int(n))).isoformat()
    if is_time:
        return anchor.isoformat()
    return anchor.isoformat()


def _relative(m: re.Match[str], surface: str, anchor: date | None, tense: int) -> tuple[str, str] | None:
    rel = _SHIFT.search(surface)
    shift = R.RELATIVE_SHIFT[rel.group(1).lower()] if rel else 0
    what = m.group("what")
    wl = what.lower()
    if anchor is None:
        return None
    # "the past week", "the last month": the period before; "this year": the anchor's
    if wl in ("week", "weekend", "month", "year", "quarter"):
        if wl == "week" and shift == 0 and anchor.weekday() == 6 and tense > 0:
            shift = 1  # "will meet this week" in a Sunday story: the week that starts tomorrow
        return _shift_value(wl, anchor, shift)
    if wl == "season":
        return "DATE", f"{anchor.year + shift:04d}"
    if wl in R.SEASONS:
        code = R.SEASONS[wl]
        return "DATE", f"{_season_year(code, anchor, tense, shift):04d}-{code}"
    month = _month_token(what)
    if month and what[:1].isupper():
        if rel and rel.group(1).lower() in R.NEAREST_SHIFTS:
            return "DATE", f"{anchor.year if month < anchor.month else anchor.year - 1:04d}-{month:02d}"
        return "DATE", f"{_month_year(month, anchor, tense, shift):04d}-{month:02d}"
    parts = wl.split()
    wd = R.WEEKDAY_FORMS.get(parts[0].rstrip("."))
    if wd is not None and what[:1].isupper():
        value = _weekday_date(wd, anchor, tense, shift).isoformat()
        part = R.DAY_PARTS.get(parts[1]) if len(parts) > 1 else None
        return ("TIME", f"{value}T{part}") if part else ("DATE", value)
    if wl in R.DAY_PARTS:
        day = anchor + timedelta(days=-1 if shift < 0 else shift)
        return "TIME", f"{day.isoformat()}T{R.DAY_PARTS[wl]}"
    return None


def _set_value(m: re.Match[str]) -> str:
    what = m.group("what")
    wl = what.lower()
    n = _num(m.group("n")) if m.group("n") else 1
    if re.search(r"(?i)\bother\b", m.group(0)):
        n = 2 * (n or 1)
    if wl in R.DAY_PARTS:
        return f"XXXX-XX-XXT{R.DAY_PARTS[wl]}"
    if wl in R.SEASONS:
        return f"XXXX-{R.SEASONS[wl]}"
    if wl == "weekend":
        return "XXXX-WXX-WE"
    if wl == "season":
        return "P3M"
    wd = R.WEEKDAY_FORMS.get(wl.rstrip("."))
    if wd is not None:
        return f"XXXX-WXX-{wd + 1}"
    month = _month_token(what)
    if month and what[:1].isupper():
        return f"XXXX-{month:02d}"
    return duration_value(n, what)


def _clock(m: re.Match[str], surface: str, anchor: date | None) -> tuple[str, str] | None:
    low = surface.lower()
    if re.search(r"\b(?:noon|midday)\b", low):  # not the "noon" of "afternoon"
        hh, mm = 12, 0
    elif "midnight" in low:
        hh, mm = 24, 0
    elif m.group("h"):
        hh, mm = int(m.group("h")), int(m.group("mi") or 0)
        pm = bool(re.search(r"(?i)p\.?m|afternoon|evening", surface))  # "4 in the afternoon"
        if hh > 12 or mm > 59:
            return None
        if pm and hh < 12:
            hh += 12
        elif not pm and hh == 12:
            hh = 0
    else:
        hh, mm = int(m.group("H")), int(m.group("M"))
    day = anchor.isoformat() if anchor else "XXXX-XX-XX"
    zone = "Z" if (m.group("tz") or "").strip() in R.UTC_ZONES else ""
    return "TIME", f"{day}T{hh:02d}:{mm:02d}{zone}"


# tense -----------------------------------------------------------------------------------------

def _tense_from_doc(doc: Any, tok_index: dict[int, Any], start: int) -> int:
    """+1 when the clause of the expression is in the future, -1 in the past, 0 unknown."""
    tok = None
    for pos in range(start, start + 12):
        tok = tok_index.get(pos)
        if tok is not None:
            break
    if tok is None:
        return 0
    verb, steps = tok, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and steps < 5:
        verb, steps = verb.head, steps + 1
    if verb.pos_ not in ("VERB", "AUX"):
        return 0
    if tok.i < verb.i and any(c.i > tok.i and (c.dep_ == "mark" or c.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ccomp")
                              for c in verb.children):
        # "said on Tuesday it would cut jobs", "warnings on Thursday that strikes could spark a
        # war": a date before the opening of a clause (its "that", or the subject of what was said)
        # is not in it, though the parse often hangs it there; it dates the verb the clause hangs on
        if verb.head is verb or verb.head.i > tok.i:
            return 0
        verb = verb.head
    # "Friday's purchases", "Tuesday's declaration": a day that owns a deed is mostly past,
    # unless the clause says it is ahead
    owned = tok.dep_ == "poss" or tok.dep_ == "compound" and tok.head.dep_ == "poss"  # "Thursday night's debate"
    if owned and steps > 3:
        return -1  # "the meaning of Thursday night's debate": a deed owned far from any verb is told after it
    near = steps <= 2 and not owned
    for _ in range(3):
        kids = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(k in R.FUTURE_AUXILIARIES for k in kids):
            return 1
        if verb.tag_ == "VB" and any(k in R.POSSIBILITY_MODALS for k in kids) and not any(
                c.lower_ in ("have", "'ve", "’ve") or c.dep_ == "neg" for c in verb.children):
            return 1  # "the storm could hit on Thursday", "talks may resume Monday" (not "could not attend", "might have")
        if verb.pos_ == "AUX" and verb.tag_ in ("VBZ", "VBP") and any(
                c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children):
            return 1  # "results are due on Thursday": what is due stands ahead
        if verb.dep_ == "xcomp" and verb.head.lower_ in R.FUTURE_GOVERNORS:
            # "had been due to expire Friday", "had planned to vote Monday": a plan told in the
            # past perfect is one whose day has come
            return -1 if _past_perfect(verb.head) else 1
        if verb.dep_ == "xcomp" and verb.head.lower_ in R.DECISION_GOVERNORS:
            return 0
        if verb.tag_ == "VBN" and not kids and verb.dep_ == "acl" and _plan_came_out(verb):
            return -1  # "a rally planned for Saturday was cancelled": the plan's day has come
        if verb.lower_ in R.SCHEDULING_VERBS:
            # "planned a rally on Saturday": what is planned is ahead, unless "had been scheduled"
            return -1 if _past_perfect(verb) else 1
        if verb.tag_ == "VBG" and any(k in ("is", "are", "'re", "’re", "'s") for k in kids):
            return 1  # "is meeting on Friday"
        if verb.tag_ == "VBN" and verb.lower_ in R.SCHEDULED_PARTICIPLES and any(k in ("is", "are", "'s", "’s", "'re", "’re") for k in kids):
            return 1  # "the trial is set for November": a plan that stands is ahead
        if verb.tag_ == "VBD" or any(k in ("was", "were", "had", "did") for k in kids) or _past_as_present(verb):
            return -1
        if verb.tag_ == "VBN" and any(k in ("has", "have", "'ve") for k in kids):
            return -1
        if verb.tag_ == "VBN" and not kids and verb.dep_ == "acl" and verb.lower_ in R.SCHEDULED_PARTICIPLES \
                and not (verb.lower_ == "set" and tok.head.lower_ == "on"):
            return -1 if _plan_came_out(verb) else 1  # "a summit set for April", "the vote slated for Monday"
        if verb.tag_ == "VBN" and not kids and verb.dep_ in ("advcl", "acl", "amod", "relcl"):
            return -1  # "the decision, announced Wednesday": a bare participle is done
        if near and verb.tag_ in ("VBZ", "VBP") and (verb.lower_ not in R.PRESENT_NOT_FUTURE or _takes_a_thing(verb)) and not kids \
                and verb.dep_ not in ("ccomp", "advcl"):
            return 1  # "meets on Monday", "the vote is on Friday", "the bank, which meets on Tuesday": news puts the present ahead
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head is not verb:
            verb = verb.head
            continue
        break
    return -1 if owned else 0


#: "the fall of the wall" (an event), "the fall in prices" (a drop): no season
_FALL_OF = re.compile(r"(?i)\s+(?:of\b|in\s+(?:the\s+)?(?:[a-z]+\s+)?(?:price|sale|output|share|stock|rate|value|"
                      r"demand|profit|earning|export|import|number|yield|index|dollar|pound|euro|yen|currency|"
                      r"cost|oil|gold|unemployment|inflation|support|membership|turnout)s?\b)")


def _takes_a_thing(verb: Any) -> bool:
    """Whether a verb of telling or showing has a thing for its object and no clause: "the company
    reports earnings on Thursday" is a deed ahead, "the survey shows that …" a present."""
    kids = [c.dep_ for c in verb.children]
    return "dobj" in kids and not any(k in ("ccomp", "xcomp") for k in kids) and verb.lower_ not in ("has", "have", "'s")


def _plan_came_out(participle: Any) -> bool:
    """Whether what a plan's participle hangs on is the subject of a past verb telling how it
    came out: "a rally planned for Saturday was cancelled", "the vote set for Monday was held"."""
    noun = participle.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun is participle:
        return False
    told = noun.head
    return told.lower_ in R.PLAN_OUTCOMES and (
        told.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were") for c in told.children))


def _past_as_present(verb: Any) -> bool:
    """A verb whose past is its present ("hurt", "cut", "set") tagged present after a singular
    noun: "Weakness hurt the index on Friday" can only be the past."""
    return verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)


def _on_noun(tok_index: dict[int, Any], start: int) -> bool:
    """Whether the expression at ``start`` hangs on a noun through its preposition."""
    tok = next((tok_index[p] for p in range(start, start + 12) if p in tok_index), None)
    while tok is not None and tok.dep_ in ("amod", "compound", "npadvmod") and tok.head is not tok:
        tok = tok.head
    if tok is None or tok.head.dep_ != "prep":
        return False
    return tok.head.head.pos_ in ("NOUN", "PROPN")


def _opens_clause(doc: Any, tok_index: dict[int, Any] | None, at: int) -> bool:
    """Whether the "that" at ``at`` opens a clause ("the fact that January was cold"), as the parse
    has it, rather than pointing at a month or season ("lost badly that November")."""
    if doc is None:
        return False
    if tok_index is None:
        tok_index = {t.idx: t for t in tokens(doc)}
    tok = tok_index.get(at)
    return tok is not None and tok.dep_ == "mark"


def _told_past(tok_index: dict[int, Any], start: int) -> bool:
    """Whether the expression at ``start`` dates a verb in the simple past of its own ("died on
    March 30", "was arrested March 3"), not a noun ("set a deadline of March 30") nor a plan."""
    tok = next((tok_index[p] for p in range(start, start + 12) if p in tok_index), None)
    while tok is not None and tok.dep_ in ("compound", "nummod", "amod") and tok.head is not tok:
        tok = tok.head
    if tok is None:
        return False
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head if tok.dep_ in ("npadvmod", "obl") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lower_ in R.SCHEDULING_VERBS or verb.lower_ in R.LIMIT_VERBS:
        return False
    kids = [k.lower_ for k in verb.children if k.dep_ in ("aux", "auxpass")]
    if any(k in R.FUTURE_AUXILIARIES for k in kids):
        return False
    return verb.tag_ == "VBD" and not kids or verb.tag_ == "VBN" and any(k in ("was", "were") for k in kids)


def _past_perfect(word: Any) -> bool:
    """"had" among the auxiliaries of a word or of the copula it hangs on ("had been due")."""
    for w in (word, word.head):
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") and c.tag_ == "VBD" for c in w.children):
            return True
        if w.dep_ != "acomp" or w is w.head:
            break
    return False


_LIMIT_VERB = re.compile(rf"(?i)\b(?:{_alt(R.LIMIT_VERBS)})\b")
_UNTIL = re.compile(r"(?i)\b(?:until|till|through|by|before)\s+$")
_FUTURE_WINDOW = re.compile(r"(?i)\b(?:will|shall|'ll|’ll|going\s+to|due\s+to|scheduled|expected\s+to|plans?\s+to|set\s+to)\b")
_PAST_WINDOW = re.compile(r"(?i)\b(?:was|were|had|did|said|told|met|held|\w+ed)\b")


def _tense_from_text(text: str, start: int) -> int:
    before = text[max(0, start - 60):start]
    before = re.split(r"[.!?]\s", before)[-1]
    if _FUTURE_WINDOW.search(before):
        return 1
    if _PAST_WINDOW.search(before):
        return -1
    return 0


# public ---------------------------------------------------------------------------------------

def find_timexes(text: str, anchor: str | date | None, doc: Any = None, *,
                 tense: int | None = None) -> list[dict[str, Any]]:
    """The time expressions of ``text`` with TIMEX3 type and value, resolved against ``anchor``.

    ``doc`` is the spaCy Doc of ``text`` when there is one: it gives the tense of each
    expression's clause. Spans are character offsets into ``text`` and follow TIMEX3: no
    preposition ("on Friday" is "Friday"), no approximator ("about a month" is "a month", with
    ``mod`` APPROX). ``mod`` is given where the text has one (START, END, MID, APPROX, …).
    ``tense`` fixes the tense of every expression instead of reading it (``PAST`` for the day
    of a statement, which is never ahead of the story).
    """
    forced = tense
    day = anchor_date(anchor) if not isinstance(anchor, date) else anchor
    out: list[dict[str, Any]] = []
    tok_index: dict[int, Any] | None = None
    last_day: str | None = None  # the last calendar day the text gave: "the same day" is it
    last_quarter: str | None = None  # the quarter results news is about: "a year ago" is its twin
    last_period: str | None = None  # the last month, quarter or half given: "the same period" is it
    last_month: tuple[str, int] | None = None  # the last month given and where: "in March … a year earlier"
    last_ref: str | None = None  # the last year, month or day given: "that year", "the following month" count from it
    last_year: str | None = None  # the year of the last date given, a season's or a quarter's too: "that summer" is in it
    last_year_end = 0  # and where it ends: "in 2012 … from a year earlier" counts back from it in the same sentence
    taken = 0  # the end of the last expression that took in the candidates after it
    for c in _merge_clock(text, _candidates(text)):
        if c.start < taken:
            continue
        tense = 0
        if forced is not None:
            tense = forced
        elif c.kind in _TENSED or c.kind == "reference" and c.match.group("w").lower() in R.FUTURE_ONLY_AHEAD:
            if doc is not None:
                if tok_index is None:
                    tok_index = {t.idx: t for t in tokens(doc)}
                tense = _tense_from_doc(doc, tok_index, c.start)
                if tense == -1 and c.kind in ("month", "modmonth") and day is not None \
                        and (_month_token(c.match.group("m")) - day.month) % 12 == 1 and _on_noun(tok_index, c.start):
                    # the coming month of a deed named by a noun, after a past verb ("warned of a
                    # cutback in September" in August) is that month, not eleven months back;
                    # "the rules changed in December" (on the verb) stays past
                    tense = 0
                elif tense == -1 and c.kind == "monthday" and not c.match.group("y") and _told_past(tok_index, c.start):
                    tense = PAST  # "he died on March 30": a deed told in the past on its own day is behind the story
            else:
                tense = _tense_from_text(text, c.start)
            if _FUTURE_LEAD.search(text, max(0, c.start - 24), c.start):
                tense = 1
            elif _SINCE_LEAD.search(text, max(0, c.start - 40), c.start):
                tense = PAST  # "since Oct. 23", "since shortly after the Oct. 23 slaying"
        if forced is None and (tense == 0 or tense == -1 and c.kind in ("month", "modmonth", "monthday")) \
                and _UNTIL.search(text[max(0, c.start - 12):c.start]):
            # "until mid-November", "run through June": a limit is mostly ahead; after a past
            # verb ("gave them until November") it is the nearest such month, ahead when close
            tense = 1 if tense == 0 else 0
        elif forced is None and (c.kind == "weekday" or c.kind == "clock" and c.day is not None and c.day.kind == "weekday") \
                and _UNTIL.search(text[max(0, c.start - 12):c.start]) \
                and (tense == 0 or tense == -1 and _LIMIT_VERB.search(re.split(r"[.!?;]\s", text[max(0, c.start - 80):c.start])[-1])):
            tense = NEAREST  # "extended its deadline until 9 a.m. Tuesday": a limit, the nearest Tuesday
        try:
            if c.kind == "sameday":
                resolved = _same_period(c, last_day, day, last_ref)
            elif c.kind == "nextday" and (day or last_day):
                ref = date.fromisoformat(last_day) if last_day else day
                step = 1 if c.match.group("rel").lower() in ("next", "following") else -1
                part = R.DAY_PARTS.get(c.match.group("u").lower())
                value_day = (ref + timedelta(days=step)).isoformat()
                resolved = ("TIME", f"{value_day}T{part}") if part else ("DATE", value_day)
            elif c.kind == "daypart":
                ref_day = last_day or (day.isoformat() if day else None)
                resolved = ("TIME", f"{ref_day}T{R.DAY_PARTS[c.match.group('part').lower()]}") if ref_day else None
            elif c.kind == "modperiod" and (c.match.group("what2") or "").lower() == "day" and (day or last_day):
                resolved = "DATE", last_day or day.isoformat()  # "later in the day": the day the story is at
            elif c.kind == "relative" and last_ref and _ANAPHORIC.match(text, c.start, c.end) \
                    and (ref := _ref_date(last_ref, c.match.group("what"))) is not None:
                # "the following year", "the previous Friday": from the time the story is at,
                # not from its date ("On May 22, 1995, he was promoted, and the following year …")
                resolved = _resolve(c, text, ref, tense)
            else:
                resolved = _resolve(c, text, day, tense)
        except (ValueError, KeyError, OverflowError):
            resolved = None
        if resolved is None:
            continue
        typ, value = resolved
        if c.kind == "reference" and tense < 0 and c.match.group("w").lower() in R.FUTURE_ONLY_AHEAD:
            continue  # "was soon released": soon after a past event, not ahead of the story
        if last_month and (c.kind == "yearadj" or c.kind == "ago" and _YEAR_BACK.search(text, c.start, c.end)) \
                and re.fullmatch(r"\d{4}", value) and not _SENTENCE_BREAK.search(text, last_month[1], c.start):
            # "sales fell in March from a year earlier": that month a year back, as the sentence counts
            value = f"{int(last_month[0][:4]) - 1:04d}{last_month[0][4:]}"
        elif last_quarter and (c.kind == "yearadj" or c.kind == "ago" and _YEAR_BACK.search(text, c.start, c.end)) \
                and re.fullmatch(r"\d{4}", value):
            # "net income rose from $2 million a year earlier": in a story of a quarter's results
            # the year before is that quarter of the year before
            value = f"{int(last_quarter[:4]) - 1:04d}{last_quarter[4:]}"
        elif c.kind == "ago" and last_year and c.match.group("dir").lower() == "earlier" and re.fullmatch(r"\d{4}", value) \
                and (n := _num(c.match.group("n"))) and float(n).is_integer() \
                and (not _SENTENCE_BREAK.search(text, last_year_end, c.start)
                     or _CLAUSE_START.search(text, max(0, c.start - 3), c.start)
                     and len(_SENTENCE_BREAK.findall(text, last_year_end, c.start)) == 1):
            # "output in 2012 fell from two years earlier", "It opened in 1990. A year earlier, …":
            # counted back from the year the sentence, or the one just before it, is at
            value = f"{int(last_year) - int(n):04d}"
        if c.kind in ("month", "modmonth", "season") and last_year and re.fullmatch(r"\d{4}-(?:\d\d|SP|SU|FA|WI)", value) \
                and (that := _THAT_BEFORE.search(text, max(0, c.start - 30), c.start)) and not _THAT_CLAUSE.search(that.group(1)) \
                and not _opens_clause(doc, tok_index, that.start(2)):
            value = last_year + value[4:]  # "In 1972 … lost badly that November", "in the spring of 2011 … that summer"
            that_at = that.start(2)
        else:
            that_at = None
        span_end = None
        if c.kind == "month" and re.fullmatch(r"\d{4}-\d\d", value) and (rq := _MONTHS_QUARTER.match(text, c.end)) \
                and (first := int(value[5:])) % 3 == 1 and _month_token(rq.group("m")) == first + 2:
            # "the January-March quarter", "the July-September period": that quarter, one expression
            value = f"{value[:4]}-Q{first // 3 + 1}"
            span_end = rq.end()
            the = re.search(r"(?i)\bthe\s+$", text[max(0, c.start - 5):c.start])
            that_at = c.start - len(the.group()) if the else None
        if c.kind == "monthday" and re.fullmatch(r"\d{4}-\d\d-\d\d", value) \
                and (week_of := _WEEK_OF.search(text, max(0, c.start - 16), c.start)):
            # "the week of March 6": that day's week, one expression (TimeML; TBAQ writes it so)
            value = _week(date.fromisoformat(value)) + ("-WE" if week_of.group(1).lower() == "weekend" else "")
            that_at = week_of.start()
        if c.kind == "yearperiod" and last_quarter:
            value = value[:4] + last_quarter[4:]  # "the 1988 period" is the quarter reported on
        if c.kind == "sameperiod" and last_period and re.match(r"\d{4}-", value):
            # "exports in October rose from the same period a year earlier": October, a year before
            value = f"{int(last_period[:4]) - 1:04d}{last_period[4:]}"
        # the year-back twins ("a year ago" → 1988-Q3) are not the quarter the story is about:
        # they never become it, or the next "a year earlier" would step back a second year
        twin = c.kind in _TWINS
        if re.fullmatch(r"\d{4}-Q[1-4]", value) and not twin:
            last_quarter = value
        if re.fullmatch(r"\d{4}-(?:Q[1-4]|H[12]|\d\d)", value) and not twin:
            last_period = value
        if re.fullmatch(r"\d{4}-\d\d", value) and not twin:
            last_month = (value, c.end)
        if c.day is not None:
            day_value = _resolve(c.day, text, day, tense)
            if day_value and re.match(r"\d{4}-\d{2}-\d{2}$", day_value[1].split("T")[0]):
                value = day_value[1].split("T")[0] + value[value.index("T"):]
        if c.kind == "weekday" and out and re.fullmatch(r"\d{4}-\d\d-\d\d", value) and value < out[-1]["value"][:10] \
                and _RANGE_END.fullmatch(text, out[-1]["span"][1], c.start) \
                and _RANGE_START.search(text, max(0, out[-1]["span"][0] - 10), out[-1]["span"][0]):
            # "from Friday to Sunday", "between Monday and Wednesday": the range's end is not before its start
            value = (date.fromisoformat(value) + timedelta(days=7)).isoformat()
        start, end, mod = _extent(text, c)
        if that_at is not None and start == c.start:
            start = that_at  # TIMEX3 keeps the demonstrative, as in "that year"
        if span_end is not None:
            end = taken = span_end
        if c.kind == "yearend2":
            mod = "END"
        if c.kind == "duration" and typ == "DURATION" and c.match.group("n").strip().lower() in ("a", "an") \
                and _RATE_BEFORE.search(text, max(0, c.start - 24), c.start) and not _NOT_RATE_AFTER.match(text, c.end):
            typ = "SET"  # "four flights a week", "hours a day", "30 percent a year": a rate, TIMEX3 SET
        if c.kind == "ago" and typ == "DURATION":
            end = min(end, c.match.start("dir"))
            while end > start and text[end - 1].isspace():
                end -= 1
        if end <= start:
            continue
        if c.kind != "sameday" and re.match(r"\d{4}-\d{2}-\d{2}", value):
            last_day = value[:10]
        if typ == "DATE" and not twin and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", value):
            last_ref = value
        if typ in ("DATE", "TIME") and not twin and re.match(r"\d{4}(?:-(?:\d\d|SP|SU|FA|WI|Q[1-4]|H[12])|T|$)", value):
            last_year, last_year_end = value[:4], c.end
        t = {
            "text": text[start:end],
            "span": [start, end],
            "type": typ,
            "value": value,
            "anchor": day.isoformat() if day and _anchored(value, c.kind, c) else None,
        }
        if mod:
            t["mod"] = mod
        out.append(t)
        if c.kind == "monthday" and not c.match.group("y") and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            second = _AND_DAY.match(text, end)
            if second and int(value[8:]) < int(second.group("d")) <= 31:
                # "on April 24 and 25": the second day of the same month
                try:
                    other = date(int(value[:4]), int(value[5:7]), int(second.group("d"))).isoformat()
                except ValueError:
                    other = None
                if other:
                    out.append({"text": second.group("d"), "span": [second.start("d"), second.end("d")], "type": "DATE",
                                "value": other, "anchor": t["anchor"]})
    return out


#: a second day after a month and day: "April 24 and 25" (not "May 3 and 4 percent", "June 5 and 6,000 troops")
_AND_DAY = re.compile(r"\s+(?:and|or|&)\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)?(?![\d,.]?\d|\s*(?:%|percent|per|million|billion|"
                      r"thousand|hundred|people|of|times|years?|months?|weeks?|days?|hours?|[ap]\.?m\b))")
#: "that November", "that spring": the month or season of the year the text last gave; not
#: after a verb that opens a clause with "that" ("said that November was slow")
_THAT_BEFORE = re.compile(r"(?i)(\w*)\W*\b(that)\s+$")
_THAT_CLAUSE = re.compile(r"(?i)^(?:said|says|say|saying|told|tells|thinks?|thought|believes?|believed|hopes?|hoped|expects?|expected|"
                          r"knows?|knew|shows?|showed|shown|notes?|noted|adds?|added|reports?|reported|announced|argued?|"
                          r"warned|predicted|claimed|insisted|so|now|such|given|except|means|meant|suggests?|suggested|found|finds)$")
_MONTHS_QUARTER = re.compile(rf"\s*[-–]\s*(?P<m>{MON})\s+(?i:(?:fiscal\s+)?(?:quarter|period))\b")
#: the words between the two ends of a range of days, and the one before its start
_RANGE_END = re.compile(r"(?i)\s*(?:to|through|until|till|and|-|–)\s*")
_RANGE_START = re.compile(r"(?i)\b(?:from|between)\s+$")
_CLAUSE_START = re.compile(r"(?:^|[.!?;]\s+|\n)$")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
_WEEK_OF = re.compile(r"(?i)\bthe\s+(week|weekend)\s+of\s+$")
_TWINS = frozenset({"sameperiod", "ago", "yearadj", "yearperiod"})
#: what a rate's "a week" follows: a count of things ("flights", "interviews", "76", "30%")
_RATE_BEFORE = re.compile(r"(?:\b(?!(?:as|was|is|has|its|this|his|hers|us|yes|less|plus|thus|unless|across|always|perhaps|"
                          r"towards|afterwards|sometimes)\s)[a-z]{3,}s|\d|%|\bpercent|\btimes)\s+$")
_NOT_RATE_AFTER = re.compile(r"(?i)\s*(?:earlier|later|ago|before|after|of|or|and|since|from|into|in\s+advance)\b|-")
_YEAR_BACK = re.compile(r"(?i)\b(?:a|one)\s+year\s+(?:ago|earlier)\b")
#: kinds whose value depends on the tense of their clause
_TENSED = frozenset({"modperiod", "weekday", "month", "modmonth", "monthday", "season", "quarter", "relative", "clock",
                     "theweek", "holiday"})
_PLAIN_UNITS = re.compile(r"(?i)[\w.]+\s+(?:years|months|weeks|days|hours|quarters|decades|minutes)")
_THE_BEFORE = re.compile(r"(?<![\w'’])[Tt]he\s+$")
_SINCE_LEAD = re.compile(r"(?i)\bsince\s+(?:(?:shortly|just|soon|right|immediately)\s+)?(?:(?:after|before)\s+)?(?:the\s+)?$")
_FUTURE_LEAD = re.compile(rf"(?i)\b(?:{_alt(R.FUTURE_LEADS)})\s+$")
_APPROX_LEAD = re.compile(rf"(?i)({_alt(R.APPROXIMATORS)})\s+")
_MOD_LEAD = re.compile(rf"(?i)(?:the\s+)?(?:very\s+)?({_alt(R.MOD_WORDS)})\b")
#: kinds where a leading "the" is the article of the noun the expression modifies ("the Aug. 7
#: bombing", "the 1988 budget", "the 20th century"), not part of it
#: a lower-case word after an expression that is not a verb or a function word: a noun it modifies
_NOUN_AFTER = re.compile(r"(?:-|\s+(?!(?:has|had|have|is|was|were|are|will|would|could|may|might|and|or|but|of|in|into|to|for|"
                         r"with|that|which|who|when|as|at|on|by|from|saw|brought|began|ended|than|because|where|while|is|"
                         r"itself|so|since|after|before|through|until)\b))[a-z]")
_BARE_THE = frozenset({"monthday", "year", "century"})


#: "last Thanksgiving", "next Christmas", "this Easter"
_HOLIDAY_SHIFT = re.compile(r"\b(last|next|this)\s+$", re.IGNORECASE)
_EARLIER_THIS_WEEK = re.compile(r"(?i)(?:earlier|later)\s+(?=(?:this|last|next)\s+week\b)")


def _extent(text: str, c: _Cand) -> tuple[int, int, str | None]:
    """The TIMEX3 extent of a candidate and its mod: approximators go outside the extent."""
    start, end = c.start, c.end
    mod = None
    while True:
        m = _APPROX_LEAD.match(text, start, end)
        if not m or m.end() >= end:
            break
        mod = mod or R.APPROXIMATORS[re.sub(r"\s+", " ", m.group(1).lower())]
        start = m.end()
    # the article of a noun the expression modifies comes before a capital or a digit ("the
    # Aug. 7 bombing", "the 1988 budget"); "the end of 1990" keeps its own "the"
    the = re.match(r"[Tt][Hh][Ee]\s+(?=[A-Z\d])", text[start:end]) if c.kind in _BARE_THE else \
        re.match(r"(?i)the\s+", text[start:end]) if c.kind == "quarter" else None
    if the and c.kind == "century" and not _NOUN_AFTER.match(text, end):
        the = None  # "in the 20th century": the article is the century's own ("the 11th century temple" is not)
    if the and (c.kind in _BARE_THE and not (c.kind == "monthday" and c.match.group("d1"))
                or c.kind == "quarter" and re.search(r"\w-(?:quarter|half)\b", text[start:end])):
        start += the.end()
    if c.kind in ("season", "decade") and not c.match.groupdict().get("y") and _NOUN_AFTER.match(text, end) \
            and (the := re.match(r"[Tt]he\s+", text[start:end])):
        start += the.end()  # "the spring offensive", "the mid-1990s boom": the article is the noun's
    if c.kind == "duration" and start == c.start and _PLAIN_UNITS.fullmatch(text, start, end):
        # "for the nine months", "in the 90 years since": TIMEX3 keeps the article of a
        # definite stretch of time (the pattern leaves it out)
        lead = _THE_BEFORE.search(text, max(0, start - 5), start)
        if lead:
            start = lead.start()
    if c.kind == "duration" and start == c.start and (head := _PERIOD_AFTER.match(text, end)):
        # "a three-year period", "a four-year term": the noun phrase of the stretch is the expression
        end = head.end()
        if lead := _ARTICLE_BEFORE.search(text, max(0, start - 5), start):
            start = lead.start()
    if c.kind == "duration" and text[start:end].lower().endswith("-long") and c.match.group("n").strip().lower() in ("a", "an"):
        start = max(start, c.match.start("u"))  # "a week-long tour": the article is the tour's
    if c.kind == "holiday" and (shift := _HOLIDAY_SHIFT.search(text, max(0, start - 6), start)):
        start = shift.start()  # "last Thanksgiving", "next Easter": one expression, as "last Friday" is
    lead = _EARLIER_THIS_WEEK.match(text, start, end)
    if c.kind == "relative" and lead:
        start = lead.end()  # "earlier this week" is tagged "this week" (TBAQ: 4 times in 4)
    if mod is None:
        m = _MOD_LEAD.match(text, start, end)
        if m:
            mod = R.MOD_WORDS[re.sub(r"\s+", " ", m.group(1).lower())]
    if (so := _OR_SO.match(text, end)) and _UNIT_END.search(text, start, end):
        end = so.end()  # "the next year or so", "the past two years or so": TimeML keeps it (TBAQ 3 of 3)
    if mod is None and re.search(r"(?i)\bor\s+so\b", text[start:end]):
        mod = "APPROX"
    return start, end, mod


#: the head noun of a stretch given by an adjective of duration ("a three-year period")
_PERIOD_AFTER = re.compile(r"(?i)\s+(?:period|term)\b(?!s)")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:[Aa]n?|[Tt]he)\s+$")
_UNIT_END = re.compile(r"(?i)\b(?:year|month|week|day|hour|minute|decade|quarter)s?$")
_OR_SO = re.compile(r"(?i)\s+or\s+so\b")


#: "the following year", "the previous Friday": counted from the last time the text gave
_ANAPHORIC = re.compile(r"(?i)(?:\w+\s+)?the\s+(?:following|previous|preceding)\s")


def _ref_date(ref: str, what: str) -> date | None:
    """The day to count from for a period of ``what``, when the last value ``ref`` is precise enough."""
    parts = [int(p) for p in ref.split("-")]
    w = what.lower().split()[0]
    # a season needs only the year ("In 2010 … the following spring" is 2011's)
    need = 1 if w in ("year", "season") or w in R.SEASONS else 2 if w in ("month", "quarter") else 3
    if len(parts) < need:
        return None
    y, mo, d = (parts + [7 if len(parts) == 1 else 15, 15])[:3] if len(parts) < 3 else parts
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _same_period(c: _Cand, last_day: str | None, anchor: date | None, last_ref: str | None = None) -> tuple[str, str] | None:
    """"the same day", "that week": the last day the text gave, else the anchor's; "that year",
    "that month": the last year or month it gave."""
    ref = date.fromisoformat(last_day) if last_day else anchor
    u = c.match.group("u").lower()
    if u in ("year", "month") and last_ref and (r := _ref_date(last_ref, u)) is not None:
        ref = r
    if ref is None:
        return None
    if u in R.DAY_PARTS:
        return "TIME", f"{ref.isoformat()}T{R.DAY_PARTS[u]}"
    if u == "day":
        return "DATE", ref.isoformat()
    if u == "week":
        return "DATE", _week(ref)
    if u == "month":
        return "DATE", f"{ref.year:04d}-{ref.month:02d}"
    return "DATE", f"{ref.year:04d}"


def _anchored(value: str, kind: str, c: _Cand) -> bool:
    if kind in ("monthday", "quarter") and any(g and g.isdigit() and len(g) == 4 for g in c.match.groups()):
        return False
    return kind not in ("iso", "numeric", "yearend", "numrange", "periodrel", "monthyear", "century", "decade", "year", "duration",
                        "bareunits", "bareplural", "set", "settimes", "freq", "reference") and not value.startswith("X")


_BRACKETED = re.compile(r"\s*\([^()]{1,24}\)\s*,?\s*(?:on\s+)?")


def _merge_clock(text: str, cands: list[_Cand]) -> list[_Cand]:
    """A clock time next to its day ("3 p.m. Friday", "Friday at 3 p.m.") is one TIME."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        pair = None
        if nxt is not None and {c.kind, nxt.kind} & {"clock"} and c.kind != nxt.kind:
            gap = text[c.end:nxt.start]
            if re.fullmatch(r"(?i)\s*(?:,|on|at|,\s*on|,\s*at)?\s*", gap):  # "Tuesday, May 21, at 10 a.m."
                pair = (c, nxt) if c.kind == "clock" else (nxt, c)
        if nxt is not None and c.kind == "clock" and nxt.kind in ("weekday", "dayword", "monthday") \
                and _BRACKETED.fullmatch(text, c.end, nxt.start):
            # "at 10:35 a.m. (0735 GMT) Friday": Friday's clock time; both keep their extents
            out.append(_Cand(c.start, c.end, "clock", c.match, nxt))
            i += 1
            continue
        if pair and pair[1].kind in ("weekday", "dayword", "monthday", "iso", "numeric"):
            clock, day_c = pair
            out.append(_Cand(min(c.start, nxt.start), max(c.end, nxt.end), "clock", clock.match, day_c))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def resolve_date(expression: str, published: str | date | None) -> str | None:
    """ISO day or month of a date expression, anchored on the publication date.

    Weekdays resolve to the day on or before the anchor ("Friday" in a Saturday story is the day
    before; "Saturday" is the same day; "last Saturday" the week before). Months without a year
    are the last such month. None when the expression is not a calendar date.
    """
    for t in find_timexes(expression, published, tense=PAST):
        value = t["value"]
        if t["type"] in ("DATE", "TIME") and re.match(r"\d{4}-\d{2}(?:-\d{2})?(?:T|$)", value):
            return value.split("T")[0]
    return None


#: how far before the publication day a date in the lead may lie and still be the story's day
STORY_DAY_WINDOW = 7
#: the lead: where a wire story states its own day ("… said on Friday, Nov. 29, 2024")
LEAD_CHARS = 600


#: what a full date of the lead needs: an ISO date's or a numeric date's gate, or (a month's
#: name and its year) four digits and a month's gate
_MAY_GIVE_ITS_DATE = re.compile(rf"{_GATE_SOURCES['iso']}|{_GATE_SOURCES['numeric']}")
_FOUR_DIGITS = re.compile(r"\d{4}")


@lru_cache(maxsize=32)  # asked twice a document (its analysis and its attribution): worked out once
def story_anchor(text: str, published: str | date | None, dateline_date: str | date | None = None) -> str | None:
    """The day a story's relative dates count from, the same in every copy of it.

    The dateline's date first ("SEOUL, Nov. 29 (Yonhap) --"); else the latest full date the
    lead gives itself that lies on or up to a week before publication (a wire story carried a
    day later still says "Nov. 29"); else the publication day. Two copies of one wire story
    published a day apart therefore resolve "yesterday" and "on Monday" alike. Claims' dates
    should resolve against it too: ``resolve_date(date_text, story_anchor(r.text, r.published,
    r.dateline and r.dateline.date))``.
    """
    day = anchor_date(dateline_date) if dateline_date else None
    if day is not None:
        return day.isoformat()
    pub = anchor_date(published)
    if pub is None:
        return None
    lead = text[:LEAD_CHARS]
    if not _MAY_GIVE_ITS_DATE.search(lead) and not (_FOUR_DIGITS.search(lead) and GATES["monthday"].search(lead)):
        return pub.isoformat()  # no full date can be in the lead: no need to find its expressions
    best: date | None = None
    for c in _candidates(lead):
        if c.kind not in ("monthday", "iso", "numeric"):
            continue
        if c.kind == "monthday" and not c.match.group("y"):
            continue  # a day without its year is itself relative to the anchor
        got = _resolve(c, lead, pub, 0)
        if not got or not re.match(r"\d{4}-\d{2}-\d{2}", got[1]):
            continue
        d = date.fromisoformat(got[1][:10])
        if pub - timedelta(days=STORY_DAY_WINDOW) <= d <= pub and (best is None or d > best):
            best = d
    return (best or pub).isoformat()
