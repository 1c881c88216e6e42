"""Rules kept as data, apart from the code that applies them (meta.py, text.py, html.py).

News agencies and their spellings, wire version labels, byline roles, phrases of promos,
share bars and legal footers. Add a spelling or a phrase here, not in the code.
"""

from __future__ import annotations

#: canonical agency name -> spellings found in datelines, credits and bylines. Matching is
#: case-sensitive for short all-caps acronyms (so "AP" is not "ap"), case-insensitive otherwise.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "AP": ("AP", "Associated Press", "The Associated Press", "AP Photo"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "AFP-JIJI"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "Xinhua": ("Xinhua", "Xinhua News Agency", "XINHUA"),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "Yonhap": ("Yonhap", "Yonhap News Agency", "YONHAP"),
    "TASS": ("TASS", "Tass", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "Sputnik": ("Sputnik",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "EPA": ("EPA", "EPA-EFE", "European Pressphoto Agency"),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News", "KYODO"),
    "Jiji Press": ("Jiji", "Jiji Press", "JIJI"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "ANI": ("ANI", "Asian News International"),
    "UNI": ("UNI", "United News of India"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "Getty Images": ("Getty Images", "Getty"),
    "UPI": ("UPI", "United Press International"),
    "Bernama": ("Bernama", "BERNAMA"),
    "Antara": ("Antara", "ANTARA"),
    "CNA": ("Central News Agency",),
    "IRNA": ("IRNA", "Islamic Republic News Agency"),
    "WAFA": ("WAFA",),
    "SANA": ("SANA", "Syrian Arab News Agency"),
    "SPA": ("SPA", "Saudi Press Agency"),
    "WAM": ("WAM", "Emirates News Agency"),
    "QNA": ("QNA", "Qatar News Agency"),
    "MENA": ("MENA", "Middle East News Agency"),
    "Ukrinform": ("Ukrinform",),
    "PAP": ("PAP", "Polish Press Agency"),
    "ANP": ("ANP",),
    "Belga": ("Belga",),
    "Lusa": ("Lusa",),
    "AAP": ("AAP", "Australian Associated Press"),
    "The Canadian Press": ("The Canadian Press", "Canadian Press", "CP"),
    "PA Media": ("PA Media", "Press Association", "PA"),
    "Dow Jones": ("Dow Jones", "Dow Jones Newswires"),
    "BSS": ("BSS",),
    "APP": ("APP", "Associated Press of Pakistan"),
    "PNA": ("PNA", "Philippine News Agency"),
    "VNA": ("VNA", "Vietnam News Agency"),
    "Agencies": ("Agencies", "agencies", "News agencies", "news agencies", "Wire services", "wire services",
                 "Wires", "wires", "Agencies and staff"),
}

#: photo-credit words that mark a credit without naming an agency
CREDIT_WORDS = ("Photo", "Photos", "Photograph", "Image", "Images", "Picture", "Pic", "Credit", "Illustration", "Video")

#: byline roles: words before "by" -> which list of the byline the names go to
BYLINE_ROLES: dict[str, str] = {
    "reporting": "authors",
    "reported": "authors",
    "writing": "authors",
    "written": "authors",
    "compiled": "authors",
    "story": "authors",
    "words": "authors",
    "additional reporting": "contributors",
    "additional writing": "contributors",
    "contributing": "contributors",
    "research": "contributors",
    "graphics": "contributors",
    "editing": "editors",
    "edited": "editors",
    "editor": "editors",
    "sub-editing": "editors",
}

#: wire version labels at the start or end of a headline, most specific first
VERSION_LABELS = (
    r"\d+(?:st|nd|rd|th)\s+LD(?:[- ]Writethru)?",
    r"LEAD",
    r"UPDATE\s+\d+",
    r"UPDATED?",
    r"CORRECTED(?:[- ]UPDATE\s+\d+)?",
    r"CORRECTION",
    r"REFILE(?:[- ]UPDATE\s+\d+)?",
    r"RPT",
    r"REPEAT",
    r"URGENT",
    r"WRAPUP(?:\s+\d+)?",
)

#: phrases that mark a promotional paragraph (newsletter, app, social channel, subscription)
PROMO_PHRASES = (
    "follow us on",
    "follow us for",
    "sign up for",
    "sign up to",
    "subscribe to our",
    "subscribe now",
    "subscribe for",
    "download our app",
    "download the app",
    "get the app",
    "join our",
    "click here to",
    "click here for",
    "get our newsletter",
    "newsletter sign",
    "for breaking news alerts",
    "get breaking news",
    "like us on facebook",
    "support our journalism",
    "become a member",
    "read more:",
    "read more at",
    "also read:",
    "see also:",
    "recommended:",
    "advertisement",
)

SHARE_PHRASES = (
    "share this",
    "share on facebook",
    "share on twitter",
    "share via",
    "share article",
    "copy link",
    "link copied",
    "tweet this",
    "email this",
    "print this",
)

LEGAL_PHRASES = (
    "all rights reserved",
    "copyright ©",
    "© copyright",
    "our standards:",
    "trust principles",
    "this material may not be published",
    "may not be reproduced",
    "terms of use",
    "privacy policy",
    "cookie policy",
)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

#: all-caps words that open a paragraph like a dateline's place but are not places
NOT_PLACES = (
    "DEAR", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH", "LIVE", "OPINION", "ANALYSIS",
    "EDITOR'S NOTE", "EDITORS NOTE", "NOTE", "PHOTOS", "PHOTO", "VIDEO", "CORRECTION", "CLARIFICATION",
    "WARNING", "SPOILER", "SPOILERS", "FACT CHECK", "FILE", "READ", "MORE", "ALSO", "UPDATE",
    "TL;DR", "PLUS", "FAQ",
)

#: words that make a byline entry a job title, not a name ("AP National Political Writer")
JOB_WORDS = (
    "writer", "writers", "editor", "editors", "correspondent", "correspondents", "reporter", "reporters",
    "columnist", "contributor", "contributors", "producer", "editor-at-large", "staff writer", "bureau chief",
    "analyst", "critic",
)

#: how bylines open in front of the names ("Analysis by Jane Doe")
BYLINE_PREFIXES = ("by", "analysis by", "opinion by", "commentary by", "written by", "story by", "words by",
                   "reporting by", "text by", "von", "par", "por", "di", "door")

#: paragraphs inside an article body that are site chrome, by kind: each pattern is matched
#: case-insensitively against the whole paragraph (teasers, share prompts, coverage promos,
#: source credits). A class of line, never one site's sentence.
BODY_CHROME: dict[str, tuple[str, ...]] = {
    "related": (
        r"more\s*:",                                   # a teaser list's heading
        r"(?:see|read|watch|also)\s+more\s*:.{0,200}",  # "SEE MORE: headline"
        r"also\s+on\s+[\w-]+(?:\.[\w-]+)+\b.{0,250}",   # "Also on site.com Headline"
        r"(?:related|recommended|read\s+(?:also|next))\s*:.{0,200}",
    ),
    "share": (
        r"(?:like|liked|enjoy(?:ed)?)\s+this\s+(?:story|article|post)\?.{0,80}",
        r"share\s+(?:it|this)\s+with\s+(?:a|your)\s+friends?.{0,20}",
    ),
    "promo": (
        r"follow\s+.{0,80}\b(?:full|complete|live|latest)\s+coverage\b.{0,160}",
        r"(?:get|read|see)\s+(?:more\s+of\s+)?(?:our|the)\s+(?:full|complete)\s+coverage\b.{0,160}",
    ),
    "meta": (
        r"sources?\s*:\s*\S.{0,60}",                   # "SOURCE: News agencies" at the end
    ),
}

#: contributor lines at the end of wire copy ("Associated Press writers A and B contributed.",
#: "Contributing: A in Seoul"). ``names`` are split like a byline's; an agency named in
#: ``lead`` is credited.
CONTRIBUTOR_LINES = (
    r"(?P<lead>.{0,60}?)\b(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?|photographers?)\s+"
    r"(?P<names>.+?)\s+(?:also\s+)?contributed\b.*",
    r"(?P<names>.+?)\s+(?:also\s+)?contributed\s+(?:to\s+this\s+(?:report|story|article)|reporting|"
    r"additional\s+reporting)\b.*",
    r"(?:contributing|contributors?)\s*:\s*(?P<names>.+)",
)

#: wire-service slugs at the head of a story ("AP-US--Trump-Impeachment, 4th Ld-Writethru"):
#: the originating service's code, a desk code, the keywords, and the version after a comma
SLUG_SERVICES: dict[str, str] = {"AP": "AP", "BC": "AP", "APFN": "AP", "APSP": "AP", "AP-SP": "AP"}
SLUG_VERSION = (
    r"(?:(?:\d+(?:st|nd|rd|th)|first|second|third)\s+)?(?:Ld|Lead|Add|Sub|Take|Insert|Writethru)"
    r"(?:[- ](?:Writethru|Sub|Corrective|Correction))*|Writethru|Correction|Corrective|Urgent|Bulletin|"
    r"Advisory|Glance|Update|Repeat|Kill|Withhold|Elimination|Box|Sidebar|Analysis|Profile"
)

#: byline lines written "Name / Agency" ("Tom Davies / Associated Press"): only a known
#: agency after the slash makes it a byline (a credit reads the other way: "AP Photo/Name")
SLASH_BYLINE = r"(?:by\s+)?(?P<names>[^/]{3,80}?)\s*/\s*(?P<org>[^/]{2,40})"

#: hosts whose publisher the page itself names badly or not at all ("Hosted" on hosted.ap.org),
#: matched on the host and its parent domains (longest first). The outlet's usual name.
KNOWN_HOSTS: dict[str, str] = {
    "hosted.ap.org": "AP", "apnews.com": "AP", "ap.org": "AP",
    "reuters.com": "Reuters", "afp.com": "AFP", "france24.com": "France 24",
    "bbc.co.uk": "BBC News", "bbc.com": "BBC News", "cnn.com": "CNN", "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "foxnews.com": "Fox News", "npr.org": "NPR",
    "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal", "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times",
    "nypost.com": "New York Post", "thehill.com": "The Hill", "politico.com": "Politico",
    "bloomberg.com": "Bloomberg", "cnbc.com": "CNBC", "theguardian.com": "The Guardian",
    "independent.co.uk": "The Independent", "telegraph.co.uk": "The Telegraph", "ft.com": "Financial Times",
    "aljazeera.com": "Al Jazeera", "rt.com": "RT", "dw.com": "DW", "euronews.com": "Euronews",
    "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "kcna.kp": "KCNA", "yna.co.kr": "Yonhap",
    "tass.com": "TASS", "tass.ru": "TASS", "ria.ru": "RIA Novosti", "interfax.com": "Interfax",
    "kyodonews.net": "Kyodo", "voanews.com": "VOA", "rferl.org": "RFE/RL", "scmp.com": "South China Morning Post",
    "detroitnews.com": "The Detroit News", "usnews.com": "U.S. News & World Report", "msn.com": "MSN",
}

#: values of a page's site-name fields that name a section, a page or a hosting service,
#: never an outlet ("U.S." on a news site's section page, "Hosted" on a syndication host)
NOT_PUBLISHERS = {
    "u.s.", "us", "u.s", "world", "news", "home", "homepage", "front page", "politics", "business",
    "sports", "sport", "opinion", "tech", "technology", "entertainment", "health", "science", "lifestyle",
    "local", "national", "international", "breaking news", "latest news", "top news", "top stories", "uk",
    "europe", "asia", "africa", "americas", "middle east", "markets", "article", "articles", "hosted", "main",
    "blog", "index", "website", "site", "online", "web", "story", "stories",
}

