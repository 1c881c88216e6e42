"""What the statistical tagger gets wrong about names, as data (entities.py applies it).

Each table is a class of error seen across news pages, not a list of one page's words: add a
word here, not a branch in the code. All look-ups are on lower-cased text.
"""

from __future__ import annotations

#: words that are never a name on their own, in the languages pages come in; the tagger tags
#: contractions and articles now and then ("n’t" as a place, "что" as a person)
FUNCTION_WORDS = frozenset({
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'m", "’m", "'d", "’d",
    "a", "an", "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
    "you", "him", "her", "them", "his", "its", "their", "our", "and", "or", "but", "of", "in",
    "on", "at", "to", "for", "with", "by", "from", "not", "no", "yes", "here", "there",
    "what", "who", "why", "how", "when", "where", "which", "all", "some", "none",
    # French, Spanish, Italian, Portuguese, German, Russian articles and pronouns
    "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "el", "los", "las", "il", "lo",
    "gli", "uno", "una", "o", "os", "as", "um", "uma", "der", "die", "das", "ein", "eine", "und",
    "что", "это", "как", "и", "в", "не", "на", "он", "она", "они",
})

#: lower-case words that may start a name ("de Gaulle", "van der Leyen", "al-Assad")
NAME_PARTICLES = frozenset({
    "de", "da", "di", "del", "della", "dos", "das", "du", "van", "von", "der", "den", "ter", "zu",
    "la", "le", "al", "el", "bin", "ibn", "ben", "bint", "abu", "d'", "d’",
})

#: month and day names: a name that runs into a date ("Trump’s July 25", "Jeff Foust Monday")
DATE_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar.", "apr", "apr.",
    "jun.", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.",
    "dec", "dec.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
#: words of a score or a tally that run into a player's name ("Jarry 6-4", "Haig 1 goal")
TALLY_WORDS = frozenset({"goal", "goals", "point", "points", "pts", "assist", "assists", "run",
                         "runs", "save", "saves", "try", "tries", "wicket", "wickets"})
#: months that are also given names: cut only when a number follows ("May 3")
AMBIGUOUS_DATE_WORDS = frozenset({"may", "march", "june", "august", "april"})

#: the words of a photo or text credit: a name next to one of them, after a slash or a
#: "Photo:", is a credit line ("J. Smith / AP", "Photo: Jane Roe"), not someone in the story
CREDIT_WORDS = frozenset({
    "ap", "afp", "reuters", "getty", "getty images", "epa", "epa-efe", "efe", "ansa", "xinhua",
    "shutterstock", "alamy", "istock", "pa", "pa images", "pa wire", "bloomberg", "ap photo",
    "afp photo", "reuters photo", "nurphoto", "sipa", "zuma", "zuma press", "rex", "rex features",
    "the associated press", "associated press", "agence france-presse", "via", "courtesy",
    "file", "handout", "pool",
})
CREDIT_LEADS = ("photo:", "photo by", "photos:", "photograph:", "photograph by", "picture:",
                "image:", "credit:", "image credit:", "photo credit:", "illustration:", "video:",
                "photo/", "photo /")

#: names the tagger types as people or places that are platforms, products, events or
#: periods: the type they get instead
NOT_PEOPLE: dict[str, str] = {
    **dict.fromkeys((
        "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "snapchat",
        "telegram", "reddit", "linkedin", "pinterest", "netflix", "spotify", "google", "amazon",
        "uber", "lyft", "airbnb", "zoom", "skype", "weibo", "wechat", "tumblr", "twitch",
        "hulu", "disney+", "truth social", "parler", "gab", "threads", "bluesky", "mastodon",
        "wikipedia", "ebay", "paypal", "venmo", "robinhood", "discord", "slack", "tinder",
        "x", "medium", "substack", "patreon", "vimeo", "yelp",
    ), "ORG"),
    **dict.fromkeys((
        "siri", "alexa", "cortana", "chatgpt", "iphone", "ipad", "android", "windows", "macos",
        "ios", "gmail", "kindle", "xbox", "playstation", "photoshop", "bitcoin", "ethereum",
        "airpods", "macbook", "macbook pro", "macbook air", "apple watch", "pixel", "galaxy",
    ), "PRODUCT"),
    **dict.fromkeys((
        "brexit", "covid", "covid-19", "coronavirus", "christmas", "easter", "ramadan", "eid",
        "thanksgiving", "halloween", "hanukkah", "diwali", "passover", "lent", "olympics",
        "paralympics", "world cup", "super bowl", "black friday", "cyber monday", "new year",
        "holocaust", "cold war", "world war ii", "world war i", "obamacare", "mardi gras",
        "oktoberfest", "brexiteers",
    ), "EVENT"),
}

#: acronyms of common nouns the tagger takes for places, people or organisations
COMMON_ACRONYMS = frozenset({
    "ai", "ceo", "cfo", "cto", "gdp", "usb", "tv", "pc", "dna", "rna", "id", "pdf", "faq",
    "diy", "vr", "ar", "hd", "led", "lcd", "gps", "atm", "suv", "ev", "ipo", "vpn", "wifi",
    "wi-fi", "url", "app", "api", "ok", "lol", "omg", "aka", "asap", "rsvp", "pr", "hr", "q&a",
    "ps", "am", "pm", "a.m.", "p.m.", "tba", "tbd", "etc",
})

#: styles that are part of a name as people use it ("Prince Andrew", "Pope Francis"): never
#: taken off as a title
ROYAL_STYLES = frozenset({"king", "queen", "prince", "princess", "pope", "emperor", "empress",
                          "sheikh", "sultan", "emir", "saint", "st.", "crown"})
#: short forms of titles beside cues.ROLE_NOUNS ("Gov. Kristi Noem", "Amb. Ann Lee")
TITLE_ABBREVIATIONS = frozenset({"gov.", "gov", "sen", "rep", "amb.", "pres.", "supt.", "cmdr.",
                                 "adm.", "sec.", "atty.", "gen", "lt", "sgt", "capt", "col"})
