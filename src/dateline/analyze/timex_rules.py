"""The words of time expressions, kept as data apart from the tagger (timex.py).

Values follow TIMEX3 (ISO 8601 with the TimeML extensions): units are the letters of ISO
durations, seasons and parts of the day are TimeML's two-letter codes. Add a word here, not in
the code. All keys are lower case.
"""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_FORMS: dict[str, int] = {
    **{d: i for i, d in enumerate(WEEKDAYS)},
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
#: month spellings that are also ordinary words: months only when capitalised and in a date frame
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "sat", "sun", "wed", "dec"})

#: TimeML season codes; "fall" and "autumn" are one season
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
#: where each season starts (northern hemisphere), to order it against the anchor's month
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

#: parts of the day: TimeML codes
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI", "daytime": "DT",
}

#: days relative to the anchor
RELATIVE_DAYS: dict[str, int] = {"today": 0, "yesterday": -1, "tomorrow": 1}
#: words that are the anchor's own day with a part of it
DAY_WITH_PART: dict[str, tuple[int, str]] = {"tonight": (0, "NI")}

#: calendar units: ISO duration letter, and whether it is a time (PT...) unit
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False), "yr": ("Y", False),
    "decade": ("Y", False), "century": ("Y", False), "millennium": ("Y", False),
    "quarter-century": ("Y", False), "quarter century": ("Y", False),  # 25 years, not a quarter
}
#: units counted in another unit ("a decade" is ten years: P10Y, as TempEval-3's gold writes it
#: 6 times in 7; "a fortnight" two weeks)
UNIT_FACTORS: dict[str, int] = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000,
                                "quarter-century": 25, "quarter century": 25}
#: units with a TimeML letter code of their own: counted quarters (P2Q, PXQ: TempEval-3)
UNIT_CODES: dict[str, str] = {"quarter": "Q"}
#: the code of a unit when no number is given ("decades" PXDE, "centuries" PXCE: TimeML)
VAGUE_UNIT_CODES: dict[str, str] = {"quarter": "Q", "decade": "DE", "century": "CE"}
#: how many months a quarter is, for dates ("two quarters ago")
QUARTER_MONTHS = 3

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "a pair of": 2,
    "a couple": 2,  # "a couple months ago", as American news writes it without its "of"
    "half-dozen": 6, "half a dozen": 6, "a half-dozen": 6,  # "the past half-dozen days"
    "both": 2, "single": 1,
    "half a": 0.5, "half an": 0.5, "a half": 0.5,  # "half an hour" PT30M, "a half-hour", "half a century" P50Y
}
#: quantities that are not numbers: the value gets an X ("several months" → PXM)
VAGUE_QUANTITIES = frozenset({"several", "a few", "few", "many", "some", "numerous",
                              "a number of", "dozens of", "hundreds of", "countless", "the"})
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}

#: "this/last/next X": how many units from the anchor
RELATIVE_SHIFT: dict[str, int] = {
    "this": 0, "current": 0, "present": 0, "last": -1, "past": -1, "previous": -1,
    "preceding": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1,
    "this past": -1, "this coming": 1,  # one expression: "this past spring", "this coming Sunday"
}
#: shifts that name the nearest such month or season, even the one just gone ("this past
#: February" in March is that February; "last February" is a year back)
NEAREST_SHIFTS = frozenset({"this past"})

#: words for the present, past and future as a whole (TIMEX3 reference values). An idiom with
#: its preposition ("at present", "at the moment", "at the time") is tagged whole: without the
#: "at", "the moment" and "the time" mean no time at all
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "right now": "PRESENT_REF", "presently": "PRESENT_REF", "the present": "PRESENT_REF",
    "at this time": "PRESENT_REF",
    "the past": "PAST_REF", "at the time": "PAST_REF", "formerly": "PAST_REF",
    "recent years": "PAST_REF",  # without the "in" (TBAQ: 11 of 11 "in recent …"); PXY 2 of 5
    "once": "PAST_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "recent": "PAST_REF", "recent history": "PAST_REF", "more recently": "PAST_REF",
    "current": "PRESENT_REF", "the current time": "PRESENT_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "one day": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
    "a later date": "FUTURE_REF", "a future date": "FUTURE_REF",  # "will be set at a later date"
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the medium term": "FUTURE_REF", "the coming days": "FUTURE_REF",
}
#: what a reference word must not be followed by to be a time ("current account", "future tense")
REFERENCE_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    "current": ("account", "accounts", "flow", "flows", "density", "tense", "affairs"),
    "at the time": ("of",),  # "at the time of its founding": the time of an event the text names
    "at the moment": ("of", "when", "that", "he", "she", "they", "it", "we", "i", "you"),  # "at the moment he spoke"
    "future": ("tense", "perfect"),
    "one day": ("of", "after", "before", "when", "later", "earlier"),
    "soon": ("after", "as", "enough"),
}
#: future words that tell of a later time than a past event when their clause is in the past
#: ("was soon released", "soon became a flood"): no future of the story, no FUTURE_REF
FUTURE_ONLY_AHEAD = frozenset({"soon"})
#: reference words that are too often something else without a frame: they need these before
REFERENCE_FRAMES: dict[str, tuple[str, ...]] = {
    "once": ("was", "were", "had", "is", "are"),  # "once a powerhouse"; not "once he said"
}

#: adverbs of frequency: TIMEX3 SET with the period as value
FREQUENCY_ADVERBS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biannually": "P6M",
    "biennially": "P2Y", "annual": "P1Y", "semiannual": "P6M", "biannual": "P6M", "biennial": "P2Y",
}
#: frequency adjectives that, before a noun, tell what kind of thing it is ("the annual meeting",
#: "a quarterly dividend", "its semiannual report"): no time (TBAQ leaves 10 of 10 untagged, and
#: HeidelTime has no rule for them); as adverbs they stay sets ("adjusted quarterly")
FREQUENCY_ADJECTIVES = frozenset({"annual", "quarterly", "semiannual", "biannual", "biennial"})
#: words that make a period a set: "every year", "each season"
SET_QUANTIFIERS = ("every", "each", "per")

#: words before an expression that mark its position in a period ("early June", "late last year")
MODIFIERS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
    "middle": "MID", "end": "END", "beginning": "START", "start": "START", "turn": "START",
}

#: words between a number and its unit that keep the duration ("six straight days", "two
#: consecutive quarters", "eight trading days")
DURATION_ADJECTIVES = ("straight", "consecutive", "successive", "full", "more", "additional", "long",
                       "whole", "calendar", "trading", "business", "working", "extra", "further")

#: words in front of an expression that TIMEX3 leaves outside its extent but records as its mod
#: (TempEval-3: "about a month" is tagged "a month", mod APPROX)
APPROXIMATORS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "just": "EQUAL", "only": "EQUAL",
    "over": "MORE_THAN",
}
#: words inside an expression that give its mod: "more than a year", "early June", "late 2023",
#: "at least 30 days" (TBAQ keeps "at least" inside 4 times in 6)
MOD_WORDS: dict[str, str] = {
    "more than": "MORE_THAN", "less than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "almost": "LESS_THAN", "nearly": "LESS_THAN", "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "early": "START", "beginning": "START", "start": "START",
    "late": "END", "end": "END", "mid": "MID", "middle": "MID",
}

#: holidays: a fixed day (month, day), the n-th weekday of a month (month, weekday, n; -1 the
#: last), days from Easter Sunday ("easter", offset), or the first weekday on or after a day
#: ("after", month, day, weekday)
HOLIDAYS: dict[str, tuple] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year’s day": (1, 1),
    "new year's eve": (12, 31), "new year’s eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "valentine’s day": (2, 14), "independence day": (7, 4),
    "the fourth of july": (7, 4), "fourth of july": (7, 4), "bastille day": (7, 14),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "may day": (5, 1), "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
    "election day": ("after", 11, 2, 1),  # the US one: the Tuesday after the first Monday of November
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
    "good friday": ("easter", -2), "palm sunday": ("easter", -7), "ash wednesday": ("easter", -46),
    "pentecost": ("easter", 49), "whit monday": ("easter", 50),
}

#: verbs that schedule what they govern: their dates are ahead even in the past tense
#: ("planned a rally on Saturday", "scheduled a vote for Dec. 15")
SCHEDULING_VERBS = frozenset({"scheduled", "planned", "slated", "rescheduled", "planning", "scheduling",
                              "postponed", "delayed", "schedules", "plans"})
#: participles that, hung on a noun, put its date ahead ("a summit set for April")
SCHEDULED_PARTICIPLES = frozenset({"set", "scheduled", "slated", "planned", "due", "expected", "timed"})
#: past-tense verbs that tell how a planned thing came out: "a rally planned for Saturday was
#: cancelled", "the vote scheduled for Monday was held" put the planned day behind the story
#: (a plan still standing, "will go ahead", keeps it ahead)
PLAN_OUTCOMES = frozenset({"cancelled", "canceled", "held", "scrapped", "abandoned", "disrupted",
                           "drew", "attracted", "ended", "began", "started", "opened", "passed", "took",
                           "went", "turned", "broke", "fizzled", "collapsed", "failed"})
#: present-tense verbs that are not about what is ahead ("says Friday", "reports")
PRESENT_NOT_FUTURE = frozenset({"says", "say", "tells", "reports", "shows", "show", "writes", "notes",
                                "adds", "believes", "thinks", "knows", "has", "have", "'s"})
#: words before an expression that put it ahead: "as early as Tuesday", "as soon as Monday"
FUTURE_LEADS = ("as early as", "as soon as", "as late as", "no later than", "in time for", "ahead of",
                "effective")

#: time words that open or close the names of papers, shows and programmes: capitalised next to
#: another capitalised word they are a name ("the New York Daily News", "the Weekly Standard",
#: "Breitbart News Daily"), not a SET
NAME_HEAD_WORDS = frozenset({"daily", "weekly", "monthly", "quarterly", "yearly", "annual"})

#: time zones written after clock times
TIME_ZONES = ("GMT", "UTC", "Z", "ET", "EST", "EDT", "CT", "CST", "CDT", "PT", "PST", "PDT", "BST",
              "CET", "CEST", "JST", "KST", "IST", "MSK", "AEST", "AEDT", "HKT", "SGT", "WIB")

#: zones that are UTC: their clock times end in Z ("14:58 UTC" → T14:58Z)
#: (GMT is a civil zone, written as such: TempEval-3 gives "15:00 GMT" no Z)
UTC_ZONES = frozenset({"UTC", "Z"})

#: verbs and auxiliaries that put a clause in the future ("will meet on Friday")
#: "would" is the future seen from a past statement ("said he would visit in October"), and in
#: news that future is most often still ahead of the article
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "'d"})
#: modals whose bare verb is a possibility still ahead: "the storm could hit on Thursday", "talks may
#: resume Monday" (a "have" after them, or a negation, is a past that did or did not happen)
POSSIBILITY_MODALS = frozenset({"could", "might", "may", "should", "must", "can", "ca"})
#: verbs whose to-infinitive is in the future ("plans to visit in May", "is due to meet Friday")
FUTURE_GOVERNORS = frozenset({
    "going", "plan", "plans", "planned", "planning", "expect", "expects", "expected", "schedule",
    "scheduled", "due", "set", "intend", "intends", "intended", "aim", "aims", "aiming", "hope",
    "hopes", "hoping", "want", "wants", "preparing", "likely", "poised", "ready", "slated",
})
#: verbs whose to-infinitive comes after the decision, not necessarily after the story ("agreed
#: in May to sell in October"): the nearest reading, ahead only when it is close
DECISION_GOVERNORS = frozenset({"agreed", "decided", "voted", "promised", "pledged", "vowed", "chose", "offered"})
#: words that put a clause in the past when no parse is at hand
PAST_WORDS = frozenset({"was", "were", "had", "did", "said", "told", "met", "held", "signed"})
#: past verbs that set a limit still to come ("extended the deadline until Tuesday", "gave them
#: until Friday"): the limit's weekday is the nearest, not the last ("lasted until Friday" is past)
LIMIT_VERBS = frozenset({"extended", "gave", "given", "granted", "postponed", "delayed", "deferred",
                         "adjourned", "suspended", "pushed back", "put off", "moved back", "allowed"})
