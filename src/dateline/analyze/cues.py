"""The words of attribution, kept as data apart from the code that applies them (attribution.py).

Speech verbs with the shape of what follows them, "according to", omission phrases, addressee
words, title words for people, generic conduits such as "state media". Add a word here, not in
the code. All matching is on lower-cased token text.
"""

from __future__ import annotations

import re

#: how a cue verb takes its content:
#:   say     "X said (that) ...", "... , X said"        - any clause or a quote
#:   tell    "X told Y (that) ..."                        - an addressee, then a clause
#:   commit  "X pledged to ..."                           - a to-infinitive (or a that-clause)
#:   urge    "X urged Y to ..."                           - an addressee, then a to-infinitive
#:   deny    "X denied ..."                               - a clause or a noun phrase
#:   strict  verbs that are speech only before "that", ":" or a quote ("X added that ...")
#:   judge   verbs of judgement, speech when what follows holds a quote
#:           ('X described the call as "improper"', 'X called it a "disgrace"')
SPEECH_VERBS: dict[str, tuple[str, tuple[str, ...]]] = {
    "say": ("say", ("say", "says", "said", "saying")),
    "tell": ("tell", ("tell", "tells", "told", "telling")),
    "add": ("strict", ("add", "adds", "added", "adding")),
    "state": ("strict", ("state", "states", "stated", "stating")),
    "declare": ("say", ("declare", "declares", "declared", "declaring")),
    "announce": ("strict", ("announce", "announces", "announced", "announcing")),
    "claim": ("strict", ("claim", "claims", "claimed", "claiming")),
    "insist": ("say", ("insist", "insists", "insisted", "insisting")),
    "argue": ("say", ("argue", "argues", "argued", "arguing")),
    "warn": ("tell", ("warn", "warns", "warned", "warning")),
    "pledge": ("commit", ("pledge", "pledges", "pledged", "pledging")),
    "promise": ("commit", ("promise", "promises", "promised", "promising")),
    "vow": ("commit", ("vow", "vows", "vowed", "vowing")),
    "threaten": ("commit", ("threaten", "threatens", "threatened", "threatening")),
    "urge": ("urge", ("urge", "urges", "urged", "urging")),
    "deny": ("deny", ("deny", "denies", "denied", "denying")),
    "stress": ("strict", ("stress", "stresses", "stressed", "stressing")),
    "emphasize": ("strict", ("emphasize", "emphasizes", "emphasized", "emphasizing",
                             "emphasise", "emphasises", "emphasised", "emphasising")),
    "note": ("strict", ("note", "notes", "noted", "noting")),
    "explain": ("strict", ("explain", "explains", "explained", "explaining")),
    "write": ("strict", ("write", "writes", "wrote", "writing", "written")),
    "tweet": ("say", ("tweet", "tweets", "tweeted", "tweeting")),
    "post": ("strict", ("post", "posts", "posted", "posting")),
    "assert": ("say", ("assert", "asserts", "asserted", "asserting")),
    "maintain": ("strict", ("maintain", "maintains", "maintained", "maintaining")),
    "suggest": ("strict", ("suggest", "suggests", "suggested", "suggesting")),
    "acknowledge": ("strict", ("acknowledge", "acknowledges", "acknowledged", "acknowledging")),
    "admit": ("strict", ("admit", "admits", "admitted", "admitting")),
    "confirm": ("strict", ("confirm", "confirms", "confirmed", "confirming")),
    "report": ("strict", ("report", "reports", "reported", "reporting")),
    "predict": ("strict", ("predict", "predicts", "predicted", "predicting")),
    "reply": ("say", ("reply", "replies", "replied", "replying")),
    "respond": ("strict", ("respond", "responds", "responded", "responding")),
    "ask": ("strict", ("ask", "asks", "asked", "asking")),
    "complain": ("say", ("complain", "complains", "complained", "complaining")),
    "estimate": ("strict", ("estimate", "estimates", "estimated", "estimating")),
    "recall": ("strict", ("recall", "recalls", "recalled", "recalling")),
    "concede": ("say", ("concede", "concedes", "conceded", "conceding")),
    "caution": ("say", ("caution", "cautions", "cautioned", "cautioning")),
    "reveal": ("strict", ("reveal", "reveals", "revealed", "revealing")),
    "disclose": ("strict", ("disclose", "discloses", "disclosed", "disclosing")),
    "allege": ("say", ("allege", "alleges", "alleged", "alleging")),
    "contend": ("say", ("contend", "contends", "contended", "contending")),
    "counter": ("strict", ("counter", "counters", "countered", "countering")),
    "remark": ("say", ("remark", "remarks", "remarked", "remarking")),
    "observe": ("strict", ("observe", "observes", "observed", "observing")),
    "indicate": ("strict", ("indicate", "indicates", "indicated", "indicating")),
    "assure": ("tell", ("assure", "assures", "assured", "assuring")),
    "inform": ("tell", ("inform", "informs", "informed", "informing")),
    "reassure": ("tell", ("reassure", "reassures", "reassured", "reassuring")),
    "agree": ("strict", ("agree", "agrees", "agreed", "agreeing")),
    "boast": ("say", ("boast", "boasts", "boasted", "boasting")),
    "testify": ("say", ("testify", "testifies", "testified", "testifying")),
    "tell_ap": ("say", ("quipped", "joked", "joke", "jokes", "quip", "quips")),
    "accuse": ("urge", ("accuse", "accuses", "accused", "accusing")),
    "demand": ("strict", ("demand", "demands", "demanded", "demanding")),
    "conclude": ("strict", ("conclude", "concludes", "concluded", "concluding")),
    "announce_x": ("strict", ("proclaim", "proclaims", "proclaimed", "proclaiming")),
    "chant": ("say", ("chant", "chants", "chanted", "chanting")),
    # verbs of the voice: speech before a quotation ('shouting "we lose!"', 'mouthed "thank you"')
    "shout": ("strict", ("shout", "shouts", "shouted", "shouting")),
    "yell": ("strict", ("yell", "yells", "yelled", "yelling")),
    "scream": ("strict", ("scream", "screams", "screamed", "screaming")),
    "cry": ("strict", ("cry", "cries", "cried", "crying")),
    "exclaim": ("strict", ("exclaim", "exclaims", "exclaimed", "exclaiming")),
    "whisper": ("strict", ("whisper", "whispers", "whispered", "whispering")),
    "mutter": ("strict", ("mutter", "mutters", "muttered", "muttering")),
    "bark": ("strict", ("bark", "barks", "barked", "barking")),
    "mouth": ("strict", ("mouthed", "mouthing")),
    "retort": ("strict", ("retort", "retorts", "retorted", "retorting")),
    # what a sign, a banner, a hat or a message reads ('a sign reading "Farmers for Reed"')
    "read": ("strict", ("read", "reads", "reading")),
    "comment": ("strict", ("comment", "comments", "commented", "commenting")),
    "recount": ("say", ("recount", "recounts", "recounted", "recounting")),
    "continue": ("strict", ("continued",)),
    "laugh": ("strict", ("laughed",)),
    "reiterate": ("say", ("reiterate", "reiterates", "reiterated", "reiterating")),
    "call": ("urge", ("call", "calls", "called", "calling")),
    "describe": ("judge", ("describe", "describes", "described", "describing")),
    "slam": ("judge", ("slam", "slams", "slammed", "slamming")),
    "blast": ("judge", ("blast", "blasts", "blasted", "blasting")),
    "assail": ("judge", ("assail", "assails", "assailed", "assailing")),
    "criticize": ("judge", ("criticize", "criticizes", "criticized", "criticizing",
                            "criticise", "criticises", "criticised", "criticising")),
    "praise": ("judge", ("praise", "praises", "praised", "praising")),
    "hail": ("judge", ("hail", "hails", "hailed", "hailing")),
    "condemn": ("judge", ("condemn", "condemns", "condemned", "condemning")),
    "denounce": ("judge", ("denounce", "denounces", "denounced", "denouncing")),
    "welcome": ("judge", ("welcome", "welcomes", "welcomed", "welcoming")),
    "cheer": ("judge", ("cheer", "cheers", "cheered", "cheering")),
    "brand": ("judge", ("brand", "brands", "branded", "branding")),
    "label": ("judge", ("label", "labels", "labeled", "labelled", "labeling", "labelling")),
    "dismiss": ("judge", ("dismiss", "dismisses", "dismissed", "dismissing")),
    "decry": ("judge", ("decry", "decries", "decried", "decrying")),
    "characterize": ("judge", ("characterize", "characterizes", "characterized", "characterizing",
                               "characterise", "characterises", "characterised", "characterising")),
}

#: verbs of the voice, speech only when the content holds a quotation ('cried "we lose!"'; not
#: 'Republicans are crying foul'), and "read", which is what a sign says only with one
VOICE_CUES = frozenset({"shout", "yell", "scream", "cry", "exclaim", "whisper", "mutter", "bark", "mouth",
                        "retort", "read"})
#: verbs that pass a question on with an object ("referred questions to the campaign"): no claim
FORWARDING_VERBS = frozenset({"refer", "forward", "redirect"})
#: cues that are speech only with a person or a body of people as subject
#: ("the forecast called for rain" is no claim)
PERSONAL_CUES = frozenset({"call"})
#: words before a quoted name that make it a title ("on Fox News’s “Hannity,”", "in “Dreams,”",
#: "a co-author of “Inside the Network”"); a possessive does too
TITLE_PREPOSITIONS = frozenset({"on", "in", "at", "of", "from", "to", "for", "by", "with"})
#: verbs of reply that news writes after a quotation in the present tense ('"…," Kim answers')
REPLY_VERBS = frozenset({"answer", "respond", "reply", "counter", "retort", "explain", "recall", "note", "quip"})
#: cues that name their object something ("called the plan “a disgrace”"): the object is part
#: of what is said, not whom it is said to; "called on X to …" and "called X to …" still address X
NAMING_CUES = frozenset({"call"})
#: verbs that put out a document ("released a statement", "posted messages"): with nothing but
#: the document for content they tell that it exists, not what it says
ISSUING_VERBS = frozenset({
    "release", "released", "releases", "releasing", "issue", "issued", "issues", "issuing", "post",
    "posted", "posts", "posting", "publish", "published", "publishes", "publishing", "deliver",
    "delivered", "delivers", "delivering", "sign", "signed", "signs", "signing", "send", "sent",
    "sends", "sending", "put", "puts", "putting",
})
#: what such verbs put out
ISSUED_NOUNS = frozenset({
    "statement", "statements", "ad", "ads", "speech", "speeches", "record", "records", "email",
    "emails", "letter", "letters", "message", "messages", "research", "remarks", "video", "videos",
    "photo", "photos", "clip", "tweet", "tweets", "post", "posts", "report", "reports", "memo",
    "transcript", "transcripts", "document", "documents", "release", "note", "op-ed", "column",
})

#: nouns for documents, polls, reports, data: a source of its own kind ("the poll found …").
#: The cue model's features read this set: a change here wants the model retrained
#: (make learn-cues).
DOCUMENT_NOUNS = frozenset({
    "report", "reports", "poll", "polls", "survey", "surveys", "study", "studies", "data", "email",
    "emails", "letter", "letters", "memo", "filing", "document", "documents", "records", "analysis",
    "statement", "website", "ad", "ads", "book", "tweet", "tweets", "post", "video", "audit",
    "review", "research", "figures", "numbers", "results", "article", "editorial", "column",
    "transcript", "complaint", "lawsuit", "indictment", "ruling", "order", "bill", "platform",
})

#: documents whose findings "in" introduces: "X leads by 12 points in the latest poll", "In the
#: filing, the company admits …" (the document is the source, the clause its content)
IN_DOCUMENT_NOUNS = frozenset({
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis",
    "data", "figures", "numbers", "results", "filing", "filings", "documents", "records", "memo",
    "indictment", "complaint", "lawsuit", "ruling", "audit", "review", "research", "census",
})

#: labels before a colon that open a paragraph but name no speaker ("UPDATE: …")
NOT_SPEAKER_LABELS = frozenset({
    "update", "updated", "watch", "note", "editor's note", "editor’s note", "read more", "read",
    "photos", "photo", "video", "breaking", "related", "correction", "source", "sources", "q", "a",
    "warning", "disclaimer", "advertisement", "more", "see also", "also", "listen", "live",
    "exclusive", "opinion", "analysis", "background", "context", "fact check", "transcript",
    "live updates", "updates", "the latest", "latest", "what we know", "explainer", "timeline",
    "recap", "review", "quiz", "interview", "podcast", "episode", "chapter", "part", "day",
})

#: common nouns for people that may be the subject of such a cue
PEOPLE_NOUNS = frozenset({
    "protesters", "demonstrators", "critics", "supporters", "opponents", "voters", "residents",
    "activists", "advocates", "democrats", "republicans", "members", "lawmakers", "leaders",
    "groups", "group", "people", "workers", "teachers", "parents", "students", "doctors",
    "experts", "economists", "scientists", "families", "victims", "investors", "unions",
    "union", "companies", "businesses", "employees", "farmers", "citizens", "candidates",
})

#: prepositions that open the content of some cues ("accused X of …", "warned of …",
#: "called for …")
CUE_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "accuse": ("of",), "warn": ("of", "against"), "call": ("for", "on"), "urge": ("on", "for"),
    "caution": ("against",),
}

#: prepositions that open a topic, not content ("testified about", "spoke on")
TOPIC_PREPOSITIONS = frozenset({"about", "on", "regarding", "concerning", "over", "at", "in",
                                "before", "after", "during", "with", "to", "from", "for"})

#: cue form -> (lemma, shape)
CUE_FORMS: dict[str, tuple[str, str]] = {
    form: (lemma, shape) for lemma, (shape, forms) in SPEECH_VERBS.items() for form in forms
}

#: multiword cues: the tokens of the cue, then the speaker follows
ACCORDING_TO = ("according", "to")

#: "X made no mention of whether ...": the words after the speaker, as token sequences;
#: the content follows. Matched on lower-cased tokens ("n't" is spaCy's token for "not").
OMISSIONS: tuple[tuple[str, ...], ...] = (
    ("made", "no", "mention", "of"),
    ("makes", "no", "mention", "of"),
    ("made", "no", "reference", "to"),
    ("gave", "no", "details", "of"),
    ("gave", "no", "details", "on"),
    ("gave", "no", "details", "about"),
    ("gave", "no", "details"),
    ("gave", "no", "further", "details"),
    ("provided", "no", "details"),
    ("provided", "no", "evidence", "for"),
    ("provided", "no", "evidence"),
    ("offered", "no", "evidence", "for"),
    ("offered", "no", "evidence"),
    ("did", "not", "say"),
    ("did", "n't", "say"),
    ("does", "not", "say"),
    ("would", "not", "say"),
    ("would", "n't", "say"),
    ("could", "not", "say"),
    ("did", "not", "mention"),
    ("did", "n't", "mention"),
    ("did", "not", "specify"),
    ("did", "not", "elaborate", "on"),
    ("did", "not", "elaborate"),
    ("did", "not", "disclose"),
    ("did", "not", "comment", "on"),
    ("did", "not", "comment"),
    ("did", "not", "address"),
    ("did", "not", "explain"),
    ("did", "not", "respond", "to"),
    ("did", "not", "immediately", "respond", "to"),
    ("did", "not", "immediately", "comment", "on"),
    ("did", "not", "immediately", "comment"),
    ("declined", "to", "comment", "on"),
    ("declined", "to", "comment"),
    ("declined", "to", "say"),
    ("declined", "to", "elaborate", "on"),
    ("declined", "to", "elaborate"),
    ("refused", "to", "say"),
    ("refused", "to", "comment", "on"),
    ("refused", "to", "comment"),
    ("was", "silent", "on"),
    ("remained", "silent", "on"),
)

#: cue shapes that take an addressee right after the verb
ADDRESSEE_SHAPES = ("tell", "urge")

#: addressees that are not named entities
GENERIC_ADDRESSEES = frozenset({
    "reporters", "journalists", "lawmakers", "legislators", "parliament", "congress",
    "supporters", "the audience", "an audience", "the crowd", "a crowd", "the media", "students",
    "him", "her", "them", "us", "me", "you", "delegates", "senators", "investors", "analysts",
    "officials", "the court", "a court", "the jury", "a news conference", "the newspaper",
    "the committee", "a committee", "voters", "the nation", "the country", "members", "staff",
    "employees", "the public",
})

#: words that may precede the content of a cue without being content
CUE_ADVERBS = frozenset({
    "also", "later", "earlier", "separately", "again", "too", "publicly", "privately",
    "recently", "previously", "repeatedly", "then", "now", "further", "once", "frequently",
    "often", "simply", "bluntly", "flatly", "firmly", "angrily", "calmly", "openly", "quietly",
    "reportedly", "allegedly", "clearly", "explicitly", "yesterday", "today", "tonight",
})

#: words that join a second clause to the content of a cue ("…, while the police denied …")
CLAUSE_JOINERS = frozenset({"and", "but", "while", "whereas", "although", "though", "yet"})

#: words that open a clause of setting after quoted content ('chanted "A" as they marched')
SETTING_CONJUNCTIONS = ("as", "while", "when", "after", "before", "during", "outside", "inside")

#: nouns of the setting of a statement ("said in a statement", "wrote in a post on X")
SETTING_NOUNS = frozenset({
    "statement", "statements", "interview", "post", "posts", "letter", "speech", "conference",
    "briefing", "remarks", "tweet", "message", "video", "broadcast", "call", "meeting", "address",
    "hearing", "session", "summit", "event", "rally", "report", "op-ed", "column", "blog",
    "email", "e-mail", "note", "filing", "document", "podcast", "x", "twitter", "facebook",
    "instagram", "telegram", "truth", "social", "media", "platform", "television", "tv",
    "radio", "channel", "website", "site", "newspaper", "press", "talks", "visit", "trip",
    "appearance", "parliament", "senate", "congress", "floor", "chamber", "court", "response",
    "reply", "thread", "livestream", "networks", "network", "account", "page", "comments",
    "emailed", "written", "separate", "joint", "telephone", "phone", "news", "a", "an", "the",
    "release", "releases", "testimony", "deposition", "affidavit", "lawsuit", "complaint",
    "tweets", "op", "ed", "editorial", "newsletter",
})

#: prepositions that open a setting or time adjunct after a cue
ADJUNCT_PREPOSITIONS = frozenset({"on", "in", "at", "during", "after", "before", "via",
                                  "over", "through", "from", "late", "early", "to", "with"})

#: nouns that make a title for a person ("North Korean leader", "Russian Defence Minister")
ROLE_NOUNS = frozenset({
    "leader", "minister", "president", "premier", "prime", "chancellor", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "chief",
    "director", "governor", "senator", "sen.", "rep.", "representative", "congressman",
    "congresswoman", "ambassador", "envoy", "general", "gen.", "commander", "admiral",
    "officer", "official", "mayor", "king", "queen", "prince", "princess", "emperor", "pope",
    "judge", "justice", "attorney", "prosecutor", "lawyer", "counsel", "adviser", "advisor",
    "aide", "head", "founder", "ceo", "cfo", "executive", "economist", "analyst", "professor",
    "dr.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.", "captain", "capt.",
    "sergeant", "sgt.", "speaker", "lawmaker", "legislator", "candidate", "nominee",
    "president-elect", "vice", "deputy", "commissioner", "inspector", "superintendent",
    "sheriff", "coach", "manager", "owner", "dictator", "monarch", "cardinal", "bishop",
    "rabbi", "imam", "sheikh", "ayatollah", "diplomat", "negotiator", "strategist",
    "researcher", "scientist", "author", "activist", "campaigner", "spokesmen", "officials",
    "leaders", "ministers", "councillor", "councilor", "councilman", "councilwoman", "delegate",
})

#: words that may sit inside a title before its role noun ("former", "Defence", "Foreign")
TITLE_MODIFIERS = frozenset({
    "former", "acting", "deputy", "vice", "top", "chief", "senior", "interim", "outgoing",
    "incoming", "then", "then-", "foreign", "defence", "defense", "finance", "interior",
    "trade", "health", "education", "economy", "energy", "justice", "home", "state", "supreme",
    "military", "army", "navy", "party", "opposition", "government", "white", "house",
    "national", "security", "intelligence", "central", "bank", "executive", "general",
    "assistant", "associate", "senior", "longtime", "new", "u.s.", "us", "un", "eu", "nato",
    "republican", "democratic", "democrat", "gop", "majority", "minority", "house", "senate",
    "of", "and", "for", "affairs", "agriculture", "labor", "labour", "transport", "culture",
    "environment", "police", "fire", "district", "county", "city", "regional", "provincial",
    "federal", "prime", "press", "communications", "campaign", "presidential", "special",
    "first", "'s", "’s",
})

#: honorifics dropped from person names
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.",
                        "sir", "dame", "lord", "lady", "prof", "prof."})

#: generic conduits: "state media said" points to the document's state news agency
STATE_MEDIA = (
    ("state", "media"), ("state", "news", "agency"), ("state", "television"), ("state", "tv"),
    ("state", "broadcaster"), ("state", "radio"), ("state", "-", "run", "media"),
    ("state", "-", "run", "news", "agency"), ("state", "-", "run", "television"),
    ("official", "news", "agency"), ("official", "media"), ("state", "-", "controlled", "media"),
)

#: a nested attribution's outer speaker is a conduit (in the inner claim's ``via``) when it is a
#: medium: one of these words in its mention, or one of these cues. It is a claim of its own as
#: well unless it is a news agency (AGENCY_WORDS, STATE_MEDIA, an agency entity)
MEDIUM_WORDS = frozenset({
    "media", "agency", "newspaper", "paper", "daily", "tabloid", "broadcaster", "television",
    "tv", "radio", "channel", "network", "outlet", "outlets", "newswire", "wire", "press",
    "report", "reports", "reporting", "statement", "release", "website", "magazine", "times",
    "journal", "post", "tribune", "herald", "gazette", "news",
})
MEDIUM_CUES = frozenset({"reported", "reports", "report", "reporting", "carried", "published"})
#: words that make a medium a news agency (a wire service; state media are STATE_MEDIA): the
#: chain that carries words (speaker → state media → wire → publisher), not a source of its own
#: reporting. "The agency" alone is as often a government's (the agency's own report is a claim).
AGENCY_WORDS = frozenset({"newswire", "newswires", "wire", "wires"})
AGENCY_PHRASES = (("news", "agency"), ("news", "agencies"), ("press", "agency"), ("wire", "service"))

#: verbs of speech that attribute the clause they are set beside with "as" ("As the Times
#: reported, …", "…, as she noted", "as Hale put it"): lemmas of SPEECH_VERBS, and "put (it)"
AS_CUES = frozenset({
    "say", "tell", "report", "note", "write", "explain", "observe", "state", "declare", "announce",
    "claim", "argue", "insist", "warn", "suggest", "acknowledge", "admit", "confirm", "predict",
    "recall", "reveal", "disclose", "indicate", "testify", "conclude", "estimate", "remark", "tweet",
    "post", "stress", "emphasize", "assert", "maintain", "allege", "contend", "concede", "reiterate",
})
AS_PUT_FORMS = frozenset({"put", "puts"})
#: other verbs an as-clause attributes with (form → lemma): what is pointed out, shown, believed,
#: hoped, feared, expected or speculated ("as Tuesday's results show", "as some liberals hope")
AS_MORE_FORMS = {form: lemma for lemma, forms in {
    "point": ("point", "points", "pointed"),  # with "out"
    "show": ("show", "shows", "showed", "shown"),
    "believe": ("believe", "believes", "believed"),
    "hope": ("hope", "hopes", "hoped"),
    "fear": ("fear", "fears", "feared"),
    "expect": ("expect", "expects", "expected"),
    "speculate": ("speculate", "speculates", "speculated"),
}.items() for form in forms}

#: nouns that stand for an organisation of the document ("the ministry said")
ORG_NOUNS = frozenset({
    "ministry", "department", "agency", "government", "company", "firm", "group", "party",
    "office", "embassy", "army", "military", "police", "commission", "committee", "council",
    "court", "bank", "union", "organisation", "organization", "campaign", "administration",
    "parliament", "cabinet", "board", "alliance", "bureau", "service", "authority",
    "kremlin", "pentagon", "newspaper", "broadcaster", "network", "institute", "university",
})

#: words after an agency name that belong to the mention ("KCNA news agency")
AGENCY_SUFFIXES = (("news", "agency"), ("agency",), ("news", "service"), ("newswire",))

#: pronouns that can be speakers, with the entity type they refer to
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
#: words in a title or description that say a person's gender
MALE_WORDS = frozenset({"mr", "sir", "lord", "king", "prince", "father", "husband", "son", "brother",
                        "uncle", "grandfather", "congressman", "chairman", "spokesman", "businessman",
                        "councilman", "assemblyman", "alderman", "anchorman", "actor", "boyfriend",
                        "nephew", "dad", "widower", "monk", "priest", "pope", "duke", "emperor"})
FEMALE_WORDS = frozenset({"mrs", "ms", "miss", "madam", "lady", "dame", "queen", "princess", "mother",
                          "wife", "daughter", "sister", "aunt", "grandmother", "congresswoman",
                          "chairwoman", "spokeswoman", "businesswoman", "councilwoman",
                          "assemblywoman", "actress", "girlfriend", "niece", "mom", "widow", "nun",
                          "duchess", "empress", "first lady"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})

#: headline patterns: "Speaker: content", "content - speaker", "content, says speaker"
HEADLINE_SPEAKER_MAX_WORDS = 6
HEADLINE_CONTENT_MIN_WORDS = 3
HEADLINE_DASHES = (" - ", " – ", " — ")
HEADLINE_SAYS = ("says", "said", "warns", "tells")

#: role words that may stand alone as a headline speaker ("...: police", "... - minister")
HEADLINE_ROLES = ROLE_NOUNS | ORG_NOUNS | frozenset({
    "police", "sources", "source", "report", "officials", "experts", "study", "survey", "poll",
    "un", "who", "imf", "nato", "eu", "kremlin", "pentagon", "white", "witnesses", "media",
    "residents", "lawyers", "lawyer", "family", "aides", "aide", "analysts",
})

#: subjects that are the writer when outside quotes, and the quoted speaker inside them
FIRST_PERSON = frozenset({"i", "we", "us", "me"})

#: subjects of a relative clause that stand for the noun before them ("Hill, who said …")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

#: prepositions before a gerund cue whose speaker is the subject of the verb they modify
#: ("defended the plan by saying …", "after telling reporters …"); not "without" ("left
#: without saying whether …" reports no words)
GERUND_CUE_PREPOSITIONS = frozenset({"by", "after", "before", "while", "when"})

#: words that make a cue verb's clause a relative one without content of its own
#: ("what the minister said", "whatever he says")
FREE_RELATIVES = frozenset({"what", "whatever"})

#: quotes shorter than this many words, with no cue of their own, are scare quotes
MIN_QUOTE_WORDS = 4
#: sentences longer than this are read in pieces (see attribution._cut_long)
MAX_SENTENCE_TOKENS = 160
#: the formulas that describe an anonymous source rather than report what it said
ANONYMITY_FORMULA = re.compile(r"^\w+\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|for\s+anonymity|"
                               r"on\s+(?:the\s+)?condition\s+of\s+anonymity|anonymity)", re.I)
#: a quotation with no cue of its own is someone's words from this many words on (shorter ones
#: are names, titles and scare quotes), or when it is a whole sentence
MIN_ORPHAN_QUOTE_WORDS = 6


#: an editor's note: the publisher's own standing line about the article or its subject
#: ("Editor's note: …", "EDITOR'S NOTE — …"), at the start of a line; it reports no one
EDITORS_NOTE = re.compile(r"(?im)^[ \t]*editor[’']?s[’']?\s+note\b[^\n]*")
#: a note that corrects the article ("An article on Monday misstated …", "An earlier version of
#: this story …") restates what was reported and who said it: its attributions stand
CORRECTION_NOTE = re.compile(r"(?i)\b(?:article|story|version|column|report|correction|corrected|misstated|misquoted)\b")
