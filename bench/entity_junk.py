"""The junk classes of issue 12, checked on an entity's name and type alone.

Written apart from the filter in src/dateline/analyze/entities.py and entity_rules.py: it
imports nothing of dateline, its word lists were written separately (by the same author, so
it is a second look, not a blind one), and it checks the *output* — what a user would see in
`dateline entities` — where the filter works on spaCy's spans and their context.

    junk_class({"name": "n’t", "type": "GPE"}) == "function word"
"""

from __future__ import annotations

import re

_FUNCTION = {
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'m", "’m", "'d", "’d",
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "and", "or", "but", "of", "in", "on",
    "at", "to", "for", "with", "by", "from", "as", "is", "was", "be", "not", "no", "yes", "so",
    "what", "who", "how", "why", "when", "where", "which", "here", "there", "all", "some",
    "что", "это", "как", "и", "в", "не", "на", "il", "la", "le", "les", "de", "des", "du", "un",
    "una", "el", "los", "las", "der", "die", "das", "und", "ein", "eine", "o", "os", "um", "uma",
}
_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "al",
              "el", "bin", "ibn", "ben", "dos", "das", "du", "ter", "zu", "st."}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.",
           "sep.", "oct.", "nov.", "dec."}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_CREDIT_WORDS = {"ap", "afp", "reuters", "getty", "epa", "shutterstock", "pa", "photo", "photos",
                 "images", "via", "courtesy", "ansa", "xinhua", "istock", "alamy"}
_NOT_PEOPLE = {
    # platforms, sites, apps and products the tagger takes for people or places
    "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "snapchat", "telegram",
    "reddit", "linkedin", "pinterest", "netflix", "spotify", "google", "amazon", "apple",
    "microsoft", "uber", "airbnb", "zoom", "skype", "iphone", "ipad", "android", "windows",
    "alexa", "siri", "chatgpt", "wikipedia", "tumblr", "twitch", "weibo", "wechat", "signal",
    "x", "gmail", "kindle", "xbox", "playstation", "photoshop", "bitcoin", "ethereum", "tesla",
    "facebook live", "google maps", "apple music", "amazon prime", "hulu", "disney+",
    # events, periods and movements
    "brexit", "covid", "covid-19", "coronavirus", "christmas", "easter", "ramadan", "eid",
    "thanksgiving", "halloween", "hanukkah", "diwali", "olympics", "world cup", "super bowl",
    "black friday", "cyber monday", "new year", "holocaust", "the holocaust", "cold war",
    "world war ii", "world war i", "obamacare", "medicare", "medicaid", "brexiteers",
}
_DEMONYM_END = re.compile(r"(?:ans|ians|eans|ese|ish|ic|ian|i|ean|an)$")
_DEMONYMS = {
    "american", "americans", "british", "brits", "chinese", "russian", "russians", "french",
    "german", "germans", "italian", "italians", "spanish", "spaniards", "japanese", "korean",
    "koreans", "indian", "indians", "canadian", "canadians", "mexican", "mexicans", "ukrainian",
    "ukrainians", "israeli", "israelis", "palestinian", "palestinians", "iranian", "iranians",
    "european", "europeans", "african", "africans", "asian", "asians", "arab", "arabs",
    "muslim", "muslims", "christian", "christians", "jewish", "jews", "catholic", "catholics",
    "democrat", "democrats", "republican", "republicans", "latino", "latinos", "hispanic",
    "turkish", "turks", "greek", "greeks", "polish", "poles", "dutch", "swedish", "swedes",
    "australian", "australians", "brazilian", "brazilians", "egyptian", "egyptians", "saudi",
    "saudis", "syrian", "syrians", "afghan", "afghans", "pakistani", "pakistanis", "nigerian",
    "irish", "scottish", "scots", "welsh", "english", "kurds", "kurdish", "taliban", "soviet",
    "soviets", "nazi", "nazis", "tory", "tories", "labourites", "liberals", "conservatives",
}
#: titles that are not part of a name (royal and church styles are: "Prince Andrew", "Pope Francis")
_TITLES = {"president", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sen.", "senator",
           "rep.", "gov.", "governor", "secretary", "minister", "prime", "foreign", "chancellor",
           "judge", "gen.", "general", "mayor", "chairman", "ceo", "professor", "prof.", "vice",
           "former", "speaker", "officer", "director", "coach", "spokesman", "spokeswoman"}
_US_STATES = set("al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv "
                 "nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy".split())
_PLACE_ACRONYMS = {"us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "uae", "eu", "un", "dc", "d.c.",
                   "nyc", "la", "ny", "drc", "prc", "ussr", "roc", "sf", "gb"}
_CAMEL = re.compile(r"[a-z\u00e0-\u00ff][A-Z]")


def junk_class(entity: dict) -> str | None:
    """The junk class an entity falls in, or None when it looks like a real name."""
    name = (entity.get("name") or "").strip()
    etype = entity.get("type")
    low = name.lower()
    words = name.split()
    lows = [w.lower() for w in words]
    if not re.search(r"[^\W\d_]", name) or len(name) < 2 or (low in _FUNCTION and not name.isupper()):
        return "function word"
    first = lows[0].split("-")[0] if lows else ""
    if words and words[0][:1].islower() and first not in _PARTICLES and not _CAMEL.search(words[0]):
        return "lowercase fragment"
    m = re.search(r"['’]s(?=\s|$)", name)
    if m:
        before, after = name[: m.start()].split(), name[m.end():].split()
        if not before or not after or len(before) >= 2 or before[-1].replace(".", "").isupper() or (
                after[0][:1].isdigit() or after[0][:1].islower() or after[0].lower() in _MONTHS):
            return "possessive"
    if etype in ("PERSON", "ORG", "GPE", "NORP", "LOC") and any(w.strip(".,") in _MONTHS - {"may", "march"} or w in _WEEKDAYS for w in lows):
        return "date in name"
    if etype == "PERSON" and re.search(r"\d", name):
        return "date in name"
    if " / " in name or etype == "PERSON" and lows and (lows[-1] in _CREDIT_WORDS or "photo" in lows):
        return "credit line"
    for i, w in enumerate(words):
        m = _CAMEL.search(w)
        if m and i > 0:
            tail = w[m.start() + 1:]
            if any(tail == other or tail.startswith(other) for other in words[:i]):
                return "glued duplicate"
    if len(words) >= 2 and len(words) % 2 == 0 and lows[: len(words) // 2] == lows[len(words) // 2:]:
        return "glued duplicate"
    if etype in ("PERSON", "GPE", "LOC", "NORP", "FAC") and low in _NOT_PEOPLE:
        return "platform, product or event as person or place"
    if etype == "PERSON" and (low in _DEMONYMS or (len(words) == 1 and low.endswith("ism"))):
        return "demonym or movement as person"
    if etype == "PERSON" and len(words) >= 2 and lows[0] in _TITLES:
        return "title inside name"
    if etype in ("GPE", "LOC") and name.replace(".", "").isupper() and len(name.replace(".", "")) <= 3 \
            and low not in _PLACE_ACRONYMS and low.replace(".", "") not in _PLACE_ACRONYMS | _US_STATES:
        return "acronym as place"
    return None
