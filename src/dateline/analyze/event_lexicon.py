"""The words of political events, by PLOVER type, kept as data apart from events.py.

Written from the PLOVER ontology's definitions (AGREE … ASSAULT) and ordinary news English.
Verbs are given as lemmas; events.py makes their inflections (irregular ones are listed in
IRREGULAR). Nouns are given in the singular. Add a word here, not in the code.
"""

from __future__ import annotations

#: PLOVER event types in the ontology's order (CONCEDE is PLOVER's yield/concession type)
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

#: verbs that are an event of this type on their own
VERBS: dict[str, tuple[str, ...]] = {
    "AGREE": ("agree", "sign", "ratify", "accept", "promise", "pledge", "offer",
              "conclude", "finalize", "finalise", "broker", "approve",
              "consent", "vow"),
    "CONSULT": ("arrive", "meet", "visit", "host", "discuss", "negotiate", "consult", "confer",
                "telephone", "phone", "mediate"),
    "SUPPORT": ("forgive", "apologise", "apologize", "support", "back", "endorse", "praise", "welcome", "commend", "applaud", "hail",
                "defend", "recognize", "recognise", "thank", "congratulate", "champion",
                "favor", "favour", "laud", "vouch"),
    "CONCEDE": ("concede", "yield", "resign", "comply",
                "capitulate", "relent", "abdicate", "pardon", "amnesty",
                "backtrack", "soften"),
    "COOPERATE": ("extradite", "cooperate", "co-operate", "collaborate", "partner", "coordinate", "ally",
                  "normalize", "normalise", "share"),
    "AID": ("aid", "help", "assist", "donate", "fund", "finance", "supply", "rescue",
            "evacuate", "shelter", "lend", "bail", "subsidize", "subsidise",
            "airlift"),
    # surrendering is PLOVER RETREAT (CAMEO 0874, "retreat or surrender militarily")
    "RETREAT": ("withdraw", "retreat", "surrender", "evacuate", "demobilize", "demobilise", "disarm",
                "disband", "redeploy", "abandon", "vacate", "decommission",
                "compensate"),  # as "paid compensation" (CAMEO 084, return property)
    "REQUEST": ("pressure", "ask", "request", "demand", "urge", "appeal", "seek", "petition", "plead",
                "invite", "implore", "beg", "lobby", "press", "exhort", "summon"),
    "ACCUSE": ("complain", "accuse", "blame", "charge", "criticize", "criticise", "condemn", "denounce",
               "allege", "censure", "fault", "rebuke", "slam", "blast", "decry", "deplore",
               "sue", "indict", "reprimand", "chide", "lambast",
               "berate", "castigate", "impeach",
               "convict",  # finding guilty is a disapproval (CAMEO 116), not coercion
               # investigations are ACCUSE: PLOVER's ACCUSE merges CAMEO's INVESTIGATE (09)
               "investigate", "probe"),
    "REJECT": ("reject", "refuse", "deny", "veto", "oppose", "dismiss", "rebuff", "spurn",
               "defy", "repudiate", "renounce", "decline", "disavow", "resist", "overrule",
               "scrap"),
    "THREATEN": ("threaten", "warn", "menace", "intimidate"),
    "PROTEST": ("protest", "demonstrate", "rally", "march", "picket", "riot", "boycott"),
    "SANCTION": ("forbid", "prohibit", "sanction", "embargo", "ban", "expel", "suspend", "freeze", "blacklist",
                 "boycott", "withhold", "sever", "restrict", "cancel", "penalize", "penalise",
                 "fine", "downgrade", "recall"),
    "MOBILIZE": ("mobilize", "mobilise", "deploy", "mass", "reinforce", "station", "conscript", "muster", "amass"),
    "COERCE": ("teargas", "quell", "suppress", "disperse", "arrest", "detain", "seize", "confiscate", "deport", "jail", "imprison",
               "sentence", "censor", "raid", "evict", "blockade", "outlaw",
               "interrogate", "besiege", "prosecute",
               "handcuff", "expropriate", "nationalize", "nationalise",
               "occupy"),  # occupying territory is coercion (CAMEO 192)
    "ASSAULT": ("abuse", "detonate", "explode", "attack", "bomb", "shell", "strike", "kill", "shoot", "invade", "assault",
                "storm", "ambush", "massacre", "assassinate", "kidnap", "abduct", "torture",
                "wound", "injure", "bombard", "fight", "clash", "behead", "execute",
                "murder", "stab", "torch", "burn", "loot", "rape", "hijack", "gas", "maim",
                "slaughter", "capture", "overrun", "target", "hit", "destroy", "retaliate",
                "beat"),
}

#: verbs whose type depends on the particle or preposition that follows ("call for", "pull out")
PHRASAL: dict[tuple[str, str], str] = {
    ("call", "for"): "REQUEST", ("call", "on"): "REQUEST", ("call", "upon"): "REQUEST",
    ("pull", "out"): "RETREAT", ("pull", "back"): "RETREAT", ("back", "down"): "CONCEDE",
    ("step", "down"): "CONCEDE", ("stand", "down"): "RETREAT", ("give", "up"): "CONCEDE",
    ("give", "in"): "CONCEDE", ("crack", "down"): "COERCE", ("round", "up"): "COERCE",
    ("lock", "up"): "COERCE", ("shut", "down"): "COERCE", ("cut", "off"): "SANCTION",
    ("break", "off"): "SANCTION", ("turn", "down"): "REJECT", ("walk", "out"): "PROTEST",
    ("team", "up"): "COOPERATE", ("work", "with"): "COOPERATE", ("side", "with"): "SUPPORT",
    ("stand", "by"): "SUPPORT", ("speak", "with"): "CONSULT", ("talk", "with"): "CONSULT",
    ("talk", "to"): "CONSULT", ("sit", "down"): "CONSULT", ("open", "fire"): "ASSAULT",
    ("fire", "on"): "ASSAULT", ("exchange", "fire"): "ASSAULT", ("trade", "fire"): "ASSAULT", ("fire", "at"): "ASSAULT", ("fire", "into"): "ASSAULT",
    ("blow", "up"): "ASSAULT", ("move", "against"): "COERCE", ("rise", "up"): "PROTEST",
    ("hand", "over"): "CONCEDE", ("sign", "up"): "AGREE", ("lash", "out"): "ACCUSE",
    ("take", "to"): "PROTEST", ("call", "off"): "CONCEDE", ("push", "for"): "REQUEST",
    ("force", "out"): "SANCTION", ("set", "fire"): "ASSAULT", ("set", "ablaze"): "ASSAULT",
    ("break", "up"): "COERCE", ("ship", "out"): "RETREAT", ("hit", "out"): "ACCUSE",
    ("call", "out"): "ACCUSE",  # "called out his rival for …" (CAMEO 111); "called out the troops" is VERB_OBJECTS
}
#: particles that only make the phrasal type and are not events otherwise ("call", "pull")
PHRASAL_ONLY = frozenset({v for v, _ in PHRASAL} - {v for vs in VERBS.values() for v in vs})

#: nouns that are an event of this type; a light verb ("held talks", "imposed sanctions")
#: gives them its subject as actor
NOUNS: dict[str, tuple[str, ...]] = {
    "AGREE": ("agreement", "deal", "accord", "treaty", "pact", "consensus", "settlement",
              "compromise", "memorandum", "armistice",
              "partnership", "pledge", "promise", "offer", "alliance", "understanding"),
    "CONSULT": ("welcome", "talk", "meeting", "summit", "visit", "negotiation", "consultation",
                "conference", "dialogue", "discussion", "phone call", "mediation", "trip"),
    "SUPPORT": ("apology", "support", "endorsement", "praise", "backing", "recognition", "solidarity"),
    "CONCEDE": ("concession", "resignation", "amnesty", "pardon"),
    "COOPERATE": ("extradition", "cooperation", "co-operation", "collaboration", "coordination",
                  "joint exercise", "joint drill", "joint maneuver", "joint manoeuvre",
                  "exchange", "joint venture", "joint patrol"),
    "AID": ("aid", "assistance", "relief", "donation", "loan", "grant", "bailout", "rescue",
            "humanitarian aid", "funding", "shelter", "asylum", "medical supplies"),
    # releasing or returning people and property is RETREAT (CAMEO 084)
    "RETREAT": ("release", "surrender", "truce", "cease-fire", "ceasefire", "withdrawal", "pullout", "pull-out", "retreat", "evacuation", "demobilization",
                "disarmament", "pullback"),
    "REQUEST": ("request", "demand", "appeal", "plea", "call", "petition", "invitation"),
    "ACCUSE": ("accusation", "allegation", "criticism", "condemnation", "lawsuit", "charge",
               "complaint", "indictment", "rebuke", "censure",
               "impeachment", "investigation", "inquiry", "enquiry", "probe"),
    "REJECT": ("rejection", "refusal", "veto", "denial"),
    "THREATEN": ("threat", "warning", "ultimatum"),
    "PROTEST": ("protest", "demonstration", "rally", "march", "strike", "boycott", "sit-in",
                "riot", "walkout", "hunger strike", "general strike"),
    "SANCTION": ("sanction", "embargo", "ban", "tariff", "expulsion", "suspension",
                 "travel ban", "asset freeze", "blacklist", "restriction"),
    # one country's exercises are a show of force, MOBILIZE; joint ones COOPERATE (PLOVER's manual,
    # MOBILIZE: "joint military operations are coded as COOPERATE but single-country exercises
    # should be coded as MOBILIZE"): see JOINT_MODIFIERS
    "MOBILIZE": ("deployment", "mobilization", "mobilisation", "buildup", "build-up",
                 "reinforcement", "alert", "military exercise", "drill", "war game", "military maneuver",
                 "military manoeuvre"),
    "COERCE": ("arrest", "detention", "crackdown", "raid", "curfew", "blockade", "seizure",
               "deportation", "imprisonment", "sentence", "censorship", "martial law",
               "siege", "house arrest"),
    "ASSAULT": ("abuse", "atrocity", "genocide", "ethnic cleansing", "attack", "bombing", "airstrike", "air strike", "missile strike", "drone strike",
                "shelling", "invasion", "assault", "ambush", "massacre", "assassination",
                "killing", "offensive", "clash", "fighting", "shooting", "kidnapping",
                "abduction", "torture", "bombardment", "incursion", "raid", "rocket attack",
                "suicide bombing", "car bomb", "gunfire", "execution", "strike"),
}

#: exercises: MOBILIZE for one country's, COOPERATE when held together (a joint modifier, a
#: partner after "with", or two doers)
EXERCISES = frozenset({"exercise", "drill", "game", "maneuver", "manoeuvre"})
JOINT_MODIFIERS = frozenset({"joint", "combined", "bilateral", "multinational", "trilateral"})
#: noun words that decide the type of an ambiguous noun before them ("air strike" vs
#: "general strike"), checked on the modifiers of the noun; "" means no event ("press release")
NOUN_MODIFIER_TYPES: dict[str, dict[str, str]] = {
    "strike": {"air": "ASSAULT", "missile": "ASSAULT", "drone": "ASSAULT", "rocket": "ASSAULT",
               "military": "ASSAULT", "nuclear": "ASSAULT", "retaliatory": "ASSAULT",
               "preemptive": "ASSAULT", "pre-emptive": "ASSAULT", "precision": "ASSAULT",
               "general": "PROTEST", "hunger": "PROTEST", "labor": "PROTEST",
               "labour": "PROTEST", "national": "PROTEST", "nationwide": "PROTEST",
               "workers": "PROTEST", "teachers": "PROTEST", "rail": "PROTEST",
               "doctors": "PROTEST"},
    "raid": {"police": "COERCE", "dawn": "COERCE", "air": "ASSAULT", "military": "ASSAULT",
             "cross-border": "ASSAULT"},
    "exercise": {"joint": "COOPERATE", "combined": "COOPERATE", "bilateral": "COOPERATE",
                 "multinational": "COOPERATE", "trilateral": "COOPERATE",
                 "military": "MOBILIZE", "naval": "MOBILIZE", "army": "MOBILIZE", "air": "MOBILIZE",
                 "live-fire": "MOBILIZE", "nuclear": "MOBILIZE"},
    "probe": {"space": "", "lunar": "", "robotic": "", "unmanned": "", "interplanetary": "", "solar": ""},
    "drill": {"joint": "COOPERATE", "combined": "COOPERATE", "bilateral": "COOPERATE",
              "multinational": "COOPERATE", "fire": "", "evacuation": "", "earthquake": "", "safety": "",
              "emergency": "", "oil": "", "gas": "", "dental": "", "power": ""},
    "release": {"press": "", "news": "", "film": "", "album": ""},
    "call": {"phone": "CONSULT", "telephone": "CONSULT", "video": "CONSULT", "conference": "CONSULT"},
    # a candidate's rally is campaigning and a market's a rise in prices, not a protest (PLOVER's
    # PROTEST is a demonstration against someone)
    "clash": {"culture": "", "cultural": "", "personality": "", "ideological": "", "verbal": ""},
    "rally": {"campaign": "", "election": "", "electoral": "", "fundraising": "", "fund-raising": "", "pep": "",
              "victory": "", "market": "", "stock": "", "relief": "", "bond": "", "price": "", "share": ""},
}
#: verbs whose meaning depends on who they hit: "strike" by workers is a protest
VERB_SUBJECT_TYPES: dict[str, dict[str, str]] = {
    "strike": {"workers": "PROTEST", "employees": "PROTEST", "union": "PROTEST",
               "unions": "PROTEST", "staff": "PROTEST", "teachers": "PROTEST",
               "doctors": "PROTEST", "nurses": "PROTEST", "drivers": "PROTEST",
               "miners": "PROTEST", "pilots": "PROTEST", "dockers": "PROTEST"},
    # a dignitary arriving is a visit (CONSULT, the verb's own type); forces arriving are a
    # deployment, aid arriving is aid
    "arrive": {**{w: "MOBILIZE" for w in ("troops", "soldiers", "forces", "marines", "warships", "warship",
                                           "tanks", "reinforcements", "paratroopers", "peacekeepers", "units",
                                           "battalion", "battalions", "contingent", "vanguard", "fleet")},
               **{w: "AID" for w in ("aid", "supplies", "shipment", "shipments", "convoy", "convoys", "food",
                                     "relief", "medicine", "medicines", "assistance", "donations")}},
}

#: nouns that are events only with one of these prepositions after them ("a call for calm")
NOUN_NEEDS_PREP: dict[str, tuple[str, ...]] = {"call": ("for", "on", "upon"), "charge": ("of", "against"),
                                               # "Trump's blue-collar appeal": his pull on voters, no request
                                               "appeal": ("for", "to", "against", "from", "by"),
                                               "offer": ("of", "to"), "promise": ("of", "to")}

#: verbs that carry an event noun as their object and give it their subject ("held talks")
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "launch", "carry", "stage", "mount", "sign", "reach", "strike",
    "impose", "make", "issue", "file", "lodge", "level", "announce", "begin", "start",
    "continue", "organize", "organise", "provide", "give", "send", "offer", "deliver", "extend",
    "join", "attend", "seek", "win", "declare", "order", "unleash", "wage", "step", "pledge",
    "approve", "agree", "end", "resume", "open", "broker", "finalize", "seal", "clinch",
    "renew", "grant", "put", "slap", "enforce", "tighten", "expand", "initiate", "lead",
    "take", "call", "set", "establish", "forge", "accept", "propose", "submit", "pass", "adopt",
    "plan", "prepare", "threaten", "vow", "undertake", "reimpose", "remain", "stay", "engage",
    "conduct", "perform", "commit", "pursue", "complete", "finish", "speed", "accelerate",
    "hasten", "go",  # "went on strike", "went to talks"
})
#: verbs that undo the event of their object noun: lifting sanctions is a concession
REVERSAL_VERBS = frozenset({"lift", "ease", "relax", "remove", "end", "drop", "scrap",
                            "suspend", "withdraw", "cancel", "halt", "stop", "revoke",
                            "rescind", "loosen", "waive"})
#: verbs that stop a protest: "guards blocked the march" is coercion
SUPPRESSION_VERBS = frozenset({"prevent", "block", "disperse", "break", "ban", "forbid",
                               "suppress", "quell", "crush", "stop", "halt", "outlaw",
                               "prohibit", "end"})
#: event types that a reversal verb turns into SANCTION ("halted aid", "cancelled a visit")
COOPERATIVE = frozenset({"AID", "CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
#: a cooperative event said to come ("will visit", "ready to send aid") is also an AGREE,
#: a hostile one ("will impose a curfew") also a THREATEN; these govern such commitments
COMMITMENT_GOVERNORS = frozenset({"ready", "willing", "prepared", "offer", "offered", "offers",
                                  "promise", "promised", "promises", "pledge", "pledged",
                                  "pledges", "vow", "vowed", "vows", "agree", "agreed", "agrees",
                                  "plan", "plans", "planned", "intend", "intends", "decided",
                                  "decide", "decides", "announced", "expected"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
#: auxiliaries of commitment and of obligation
FUTURE_AUX = frozenset({"will", "'ll", "’ll", "would", "shall", "wo"})
OBLIGATION_AUX = frozenset({"must", "should"})
#: object nouns that say little of their own: the word before them tells what is acted on
GENERIC_HEADS = frozenset({"effort", "programme", "program", "operation", "process", "work", "activity", "scheme"})
#: auxiliaries of what may happen: with an "if" they hold out a threat ("may cut aid if …")
POSSIBILITY_AUX = frozenset({"may", "might", "could"})
#: verbs that report what someone said, for "X said Y must …" (a request by X)
REPORTING_VERBS = frozenset({"say", "said", "says", "declare", "declared", "declares", "state",
                             "stated", "states", "insist", "insisted", "insists", "issue",
                             "issued", "announce", "announced", "tell", "told", "stress",
                             "stressed", "warn", "warned", "argue", "argued", "demand",
                             "demanded"})

#: event types whose subordinate event is their content, folded in as ``about``: what was
#: agreed, requested, rejected, threatened, conceded, supported, protested or accused
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "CONCEDE",
                           "SUPPORT", "PROTEST"})
#: verbs (lemmas) that attribute words to a speaker; "X attacked Y, officials said" reports
#: the attack, so a sentence's main event is looked for before such a trailing verb
ATTRIBUTION_VERBS = frozenset({"say", "report", "tell", "add", "state", "quote", "confirm",
                               "announce", "claim", "write", "note", "explain", "insist",
                               "stress", "charge", "allege", "protest", "complain", "warn",
                               "declare", "disclose", "reveal", "acknowledge", "admit",
                               "reiterate", "repeat"})
#: a type whose verb, used to report words ("protested that …"), is another type: PLOVER's
#: PROTEST is a demonstration, a protest in words an ACCUSE
SPOKEN_TYPES = {"PROTEST": "ACCUSE"}
#: verbs that are an attempt, not an event, before an infinitive ("tried to calm the dispute")
ATTEMPT_VERBS = frozenset({"seek"})
#: verbs that lend a hand to another deed ("help support", "helped to broker"): that deed is
#: the event, of its own type
HELPING_VERBS = frozenset({"help", "assist"})
#: speech acts: a participle of one beside a protest or another speech act ("rallied, demanding
#: his release"; "complained, saying …") is what that act says, not an event of its own
SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})

#: event types that a reversal verb turns into CONCEDE
REVERSIBLE = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"})

#: signing or ratifying a formal agreement is PLOVER SUPPORT (CAMEO 057 in both of PLOVER's CAMEO
#: tables), where AGREE is a promise or an intent: "signed a treaty", "the accord ratified in
#: May"; a partnership or a deal entered stays AGREE
SIGNING_VERBS = frozenset({"sign", "ratify", "ink", "initial", "countersign"})
FORMAL_AGREEMENTS = ("treaty", "accord", "agreement", "pact", "convention", "charter", "protocol",
                     "memorandum", "declaration", "armistice")

_PEOPLE_HELD = ("prisoner", "hostage", "detainee", "captive", "activist", "journalist",
                "dissident", "inmate", "soldier", "sailor", "suspect")
_FORCES = ("troop", "soldier", "force", "warship", "tank", "jet", "unit", "battalion",
           "brigade", "reinforcement", "army", "marine", "division", "fleet", "missile")
#: what a show of force moves: "mobilized troops", "massed tanks", "reinforced its positions"
_FORCE_OBJECTS = _FORCES + ("warplane", "aircraft", "artillery", "drone", "ship", "vessel", "weapon",
                            "reservist", "police", "policeman", "officer", "guard", "personnel", "border",
                            "position", "garrison", "presence", "defence", "defense", "militia", "fighter",
                            "man", "men", "rocket", "bomber", "submarine", "carrier", "convoy", "boat",
                            "helicopter", "gunboat", "arsenal", "military", "security")
_AID_GOODS = ("aid", "assistance", "help", "supply", "loan", "weapon", "arm", "fund", "money",
              "food", "medicine", "shelter", "relief", "ammunition", "equipment", "vaccine",
              "tent", "blanket", "fuel", "grain", "material")
_OBSERVERS = ("inspector", "observer", "monitor", "peacekeeper", "investigator", "verifier")
_TIES = ("tie", "relation", "link", "contact")
_RESTRICTIONS = ("sanction", "ban", "embargo", "restriction", "curfew", "blockade", "siege",
                 "tariff", "measure", "control", "rule", "blackout", "emergency", "lockdown", "closure")

#: who or what a ban on political life falls on: banning parties, politicians, rallies or the
#: press is repression (PLOVER COERCE, CAMEO 1721/1722), banning goods or aid a sanction
_POLITICAL_LIFE = ("party", "candidate", "politician", "opposition", "leader", "activist", "dissident",
                   "journalist", "newspaper", "paper", "broadcaster", "station", "media", "press",
                   "website", "protest", "demonstration", "rally", "march", "gathering", "meeting",
                   "strike", "union", "movement", "group", "organization", "organisation", "association",
                   "publication", "book", "film", "speech", "election", "campaign", "member", "supporter")

#: what damaging or destroying is done to that makes it PLOVER COERCE (CAMEO 1712, "destroy
#: property"), not ASSAULT, which is violence against people: "set fire to the offices",
#: "demolished homes", "looted shops" ("bombed the town", "killed villagers" stay ASSAULT)
PROPERTY = ("office", "home", "house", "building", "shop", "store", "car", "vehicle", "mosque",
             "church", "synagogue", "temple", "shrine", "property", "headquarters", "farm", "crop",
             "field", "factory", "warehouse", "hut", "premises", "business", "school", "bank",
             "monument", "statue", "orchard", "olive", "tree", "residence", "apartment", "flat")

#: objects that make these verbs an event (else they are ordinary verbs): "release prisoners";
#: for a verb that is an event on its own (VERBS) they only change its type
#: what violating makes an attack: a truce (CAMEO 196, "violate ceasefire", is PLOVER ASSAULT);
#: "the ceasefire agreement" counts by its modifier (AGREEMENT_HEADS)
TRUCES = ("ceasefire", "cease-fire", "truce", "armistice")
#: heads of an agreement that stand for their modifier after a verb of VERB_OBJECTS: "violated
#: the ceasefire agreement" is a violated ceasefire
AGREEMENT_HEADS = frozenset({"agreement", "accord", "deal", "pact", "arrangement"})
VERB_OBJECTS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "breach": (("ASSAULT", TRUCES),),
    "destroy": (("COERCE", PROPERTY),),
    "demolish": (("COERCE", PROPERTY),),
    "bulldoze": (("COERCE", PROPERTY),),
    "raze": (("COERCE", PROPERTY),),
    # burning tyres, flags or effigies is a violent protest (CAMEO 145: PROTEST), not an attack
    "burn": (("COERCE", PROPERTY), ("PROTEST", ("tyre", "tire", "flag", "effigy", "portrait", "poster",
                                                "banner", "picture", "photograph"))),
    "torch": (("COERCE", PROPERTY),),
    "loot": (("COERCE", PROPERTY),),
    "ransack": (("COERCE", PROPERTY),),
    "vandalize": (("COERCE", PROPERTY),),
    "vandalise": (("COERCE", PROPERTY),),
    "halt": (("SANCTION", _TIES + ("aid", "talks", "negotiation", "mediation", "cooperation", "delivery",
                                   "supply", "shipment", "trade", "export", "import", "flight", "payment",
                                   "assistance", "funding", "loan")),),
    "ban": (("COERCE", _POLITICAL_LIFE),),
    "prohibit": (("COERCE", _POLITICAL_LIFE),),
    "forbid": (("COERCE", _POLITICAL_LIFE),),
    "release": (("RETREAT", _PEOPLE_HELD),),
    "free": (("RETREAT", _PEOPLE_HELD),),
    "send": (("MOBILIZE", _FORCES), ("AID", _AID_GOODS)),
    "move": (("MOBILIZE", _FORCES),),
    "dispatch": (("MOBILIZE", _FORCES), ("AID", _AID_GOODS)),
    "provide": (("AID", _AID_GOODS),),
    "give": (("AID", _AID_GOODS),),
    "deliver": (("AID", _AID_GOODS),),
    "hand": (("AID", _AID_GOODS), ("RETREAT", _PEOPLE_HELD + ("territory",)), ("CONCEDE", ("control", "power"))),
    "ship": (("AID", _AID_GOODS),),
    "grant": (("AID", ("aid", "asylum", "loan", "assistance", "relief")),),
    "pay": (("RETREAT", ("compensation", "reparation", "damages", "ransom")),),
    "restore": (("COOPERATE", _TIES),),
    "establish": (("COOPERATE", _TIES),),
    "upgrade": (("COOPERATE", _TIES),),
    "resume": (("COOPERATE", _TIES + ("cooperation", "trade")),),
    "cut": (("SANCTION", _TIES + ("aid", "supply", "funding", "electricity", "gas", "oil",
                                  "power", "export", "import")),),
    "reduce": (("SANCTION", _TIES + ("aid", "supply", "funding", "export", "import")),
               ("RETREAT", _FORCES + ("presence",))),
    "downgrade": (("SANCTION", _TIES),),
    "close": (("SANCTION", ("border", "embassy", "consulate", "airspace", "port", "crossing")),),
    "block": (("PROTEST", ("road", "street", "highway", "traffic", "bridge", "railway",
                           "entrance")),
              ("SANCTION", ("aid", "supply", "shipment", "access", "import", "export"))),
    "lift": (("CONCEDE", _RESTRICTIONS),),
    "ease": (("CONCEDE", _RESTRICTIONS),),
    "relax": (("CONCEDE", _RESTRICTIONS),),
    "return": (("RETREAT", ("territory", "land", "property", "body", "prisoner", "weapon",
                            "asset", "artifact", "remains")),),
    "fire": (("ASSAULT", ("missile", "rocket", "shell", "shot", "mortar", "artillery", "round")),),
    "launch": (("ASSAULT", ("missile", "rocket", "attack", "offensive", "strike", "raid",
                            "drone")),),
    "build": (("MOBILIZE", _FORCES),),
    "strengthen": (("MOBILIZE", _FORCES + ("presence", "defence", "defense")),),
    "bolster": (("MOBILIZE", _FORCES + ("presence", "defence", "defense")),),
    "boost": (("MOBILIZE", _FORCES + ("presence",)),),
    "increase": (("MOBILIZE", _FORCES + ("presence",)),),
    "impose": (("SANCTION", ("sanction", "ban", "embargo", "tariff", "restriction", "penalty",
                             "fine")),
               ("COERCE", ("curfew", "blackout", "censorship", "martial", "law", "state"))),
    "extend": (("COERCE", ("curfew", "detention", "blockade", "emergency")),),
    # "declared a state of emergency", "declared martial law" (CAMEO 1724: COERCE)
    "declare": (("COERCE", ("emergency", "curfew", "martial", "law")),),
    "violate": (("ASSAULT", ("ceasefire", "cease-fire", "truce", "armistice", "airspace",
                             "border")),),
    "mass": (("MOBILIZE", _FORCES),),
    # "rallied support for the plan" is support (CAMEO 053), a rally of people a protest
    "rally": (("SUPPORT", ("support", "backing")),),
    **{v: (("SUPPORT", FORMAL_AGREEMENTS),) for v in SIGNING_VERBS},
    # letting observers in: receiving inspectors or peacekeepers, allowing aid through (CAMEO
    # 0861-0863: RETREAT); "would allow the return of inspectors" is its promise
    # receiving a visiting dignitary is hosting a visit (CAMEO 043: CONSULT)
    "receive": (("RETREAT", _OBSERVERS), ("CONSULT", ("minister", "president", "king", "queen", "prince",
                "delegation", "envoy", "ambassador", "counterpart", "leader", "secretary", "chancellor",
                "premier", "emissary", "pope", "emir", "sultan", "sheikh", "diplomat", "dignitary", "delegate"))),
    # "exchanged prisoners" releases them (CAMEO 084); "exchange fire" is PHRASAL
    "exchange": (("RETREAT", _PEOPLE_HELD + ("body", "remains")),),
    "admit": (("RETREAT", _OBSERVERS),),
    "accept": (("RETREAT", _OBSERVERS),),
    "allow": (("RETREAT", _OBSERVERS + ("aid", "convoy", "delivery", "relief")),),
    "let": (("RETREAT", _OBSERVERS + ("aid", "convoy", "delivery", "relief")),),
    "contribute": (("AID", _AID_GOODS + _FORCES),),
    # "called out the troops", "called out the National Guard" (else "called out" is ACCUSE)
    "call": (("MOBILIZE", _FORCES + ("guard", "reservist", "reserve")),),
}

#: words that govern an event and make it only possible ("threatened to attack")
HYPOTHETICAL_GOVERNORS = frozenset({
    "threaten", "threatened", "threatens", "threatening", "plan", "plans", "planned", "planning",
    "propose", "proposed", "proposes", "consider", "considers", "considered", "considering",
    "want", "wants", "wanted", "hope", "hopes", "hoped", "seek", "seeks", "sought", "try",
    "tries", "tried", "urge", "urged", "urges", "demand", "demanded", "demands", "ask", "asked",
    "asks", "call", "called", "calls", "could", "would", "might", "may", "should", "can",
    "intend", "intends", "intended", "aim", "aims", "aimed", "refuse", "refused", "refuses",
    "warn", "warned", "warns", "vow", "vowed", "vows", "pledge", "pledged", "pledges",
    "promise", "promised", "promises", "offer", "offered", "offers", "prepare", "prepared",
    "ready", "willing", "unwilling", "if", "unless", "whether", "expect", "expected",
    "likely", "able", "unable", "fail", "failed", "agree", "agreed",
})
#: modal auxiliaries that make an event hypothetical
MODALS = frozenset({"would", "could", "might", "may", "should", "can", "must", "ca", "will",
                    "shall", "'ll", "wo"})
#: words that negate an event
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither", "without"})
#: governors that negate their complement ("refused to meet", "failed to agree")
NEGATING_GOVERNORS = frozenset({"refuse", "refused", "refuses", "fail", "failed", "fails",
                                "decline", "declined", "declines", "deny", "denied", "denies",
                                "avoid", "avoided", "unable", "reluctant"})

#: the prepositions that introduce a recipient, by type ("met with", "sanctions on")
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "AGREE": ("with", "to"), "CONSULT": ("with", "to", "between"), "SUPPORT": ("for", "of", "to", "with"),
    "CONCEDE": ("to",), "COOPERATE": ("with", "between"), "AID": ("to", "for"),
    "RETREAT": ("from",), "REQUEST": ("on", "upon", "from", "of", "to"),
    "ACCUSE": ("against", "of"), "REJECT": ("from", "by"), "THREATEN": ("against", "to"),
    "PROTEST": ("against", "outside"), "SANCTION": ("on", "against", "from", "with", "to"),
    "MOBILIZE": ("against", "near", "to"), "COERCE": ("on", "against", "of"),
    "ASSAULT": ("on", "against", "in", "at", "of", "into"),
}
#: verbs whose direct object is a topic, not a recipient ("discussed trade", "signed a deal")
TOPIC_OBJECT_VERBS = frozenset({"discuss", "negotiate", "sign", "agree", "offer", "share",
                                "accept", "ratify", "conclude", "finalize", "finalise", "approve",
                                "broker", "promise", "pledge", "vow", "propose", "ask", "request",
                                "demand", "seek", "protest", "deny", "allege", "investigate",
                                "probe", "supply", "fund", "donate", "deploy", "station", "mass",
                                "dispatch", "withdraw", "ban", "suspend", "freeze", "cancel",
                                "withhold", "sever", "restrict", "confiscate", "seize"})

#: prepositions that introduce where an event happened
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "into"})

#: verb forms that English makes irregularly (past, participle, other)
IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("met",), "hold": ("held",), "fight": ("fought",), "shoot": ("shot",),
    "strike": ("struck", "stricken"), "seek": ("sought",), "withdraw": ("withdrew", "withdrawn"),
    "give": ("gave", "given"), "send": ("sent",), "take": ("took", "taken"), "make": ("made",),
    "break": ("broke", "broken"), "cut": ("cut",), "hit": ("hit",), "freeze": ("froze", "frozen"),
    "lead": ("led",), "lend": ("lent",), "feed": ("fed",), "forge": ("forged",),
    "slay": ("slew", "slain"), "beat": ("beaten",), "blow": ("blew", "blown"), "rise": ("rose", "risen"),
    "stand": ("stood",), "speak": ("spoke", "spoken"), "sit": ("sat",), "win": ("won",),
    "begin": ("began", "begun"), "bring": ("brought",), "tell": ("told",), "put": ("put",),
    "set": ("set",), "shut": ("shut",), "overrun": ("overran",), "have": ("had", "has"),
    "burn": ("burnt",), "bail": ("bailed",), "lay": ("laid",), "seal": ("sealed",),
    "undertake": ("undertook", "undertaken"), "forbid": ("forbade", "forbidden"),
    "quit": ("quit",), "flee": ("fled",), "sell": ("sold",), "buy": ("bought",),
    "pay": ("paid",), "speed": ("sped",), "go": ("went", "gone", "goes"),
}
#: verbs that double their last consonant ("ban" → "banned", "commit" → "committed")
DOUBLING = frozenset({"ban", "commit", "plan", "stab", "rob", "grab", "ship", "shop", "drop",
                      "stop", "bar", "jail", "step", "sit", "hit", "cut", "put", "set", "shut",
                      "begin", "win", "quit", "rebut", "equip", "abet", "overrun", "run",
                      "map", "tap", "snub", "scrap", "slam", "shun", "control", "patrol",
                      "compel", "expel", "repel", "propel", "rebel", "outlaw", "gas", "lob",
                      "occur", "refer", "confer", "prefer", "transfer", "deter", "wed", "cancel",
                      "admit", "beg", "kidnap", "slap", "submit", "level"})


#: recognising a state or a government is PLOVER SUPPORT (CAMEO 054, grant diplomatic recognition); "recognized
#: the cabinet member", "does not recognize the bigotry" are not
_RECOGNISED = ("state", "government", "independence", "sovereignty", "regime", "republic", "country", "nation",
               "right", "election", "result", "authority", "council", "annexation", "administration", "leadership",
               "territory", "border", "claim", "statehood", "union", "marriage", "opposition", "junta", "president")
#: verbs whose type holds only with such an object when they have a common noun as object:
#: "mobilized troops" is MOBILIZE, "mobilized pressure groups", "stationed a reporter",
#: "reinforced the message" are not
OBJECT_BOUND_VERBS: dict[str, tuple[str, ...]] = {
    v: _FORCE_OBJECTS for v in ("mobilize", "mobilise", "mass", "amass", "muster", "station", "deploy", "reinforce")
}
OBJECT_BOUND_VERBS.update({
    "recognize": _RECOGNISED, "recognise": _RECOGNISED,
    # abandoning positions or claims is a retreat (CAMEO 08, yield); "voters abandoned their leaders" is not
    "abandon": ("position", "base", "post", "territory", "town", "city", "village", "outpost", "checkpoint", "claim",
                "demand", "plan", "stronghold", "trench", "area", "region", "border", "front", "camp", "line",
                "program", "programme", "weapon", "bid", "effort", "offensive", "siege", "attack", "strike",
                "protest", "boycott", "talk", "negotiation", "ambition", "policy", "project", "idea", "pledge"),
    # "shared intelligence" is cooperation, "shares the concerns of its neighbours" is not
    "share": ("intelligence", "information", "data", "technology", "expertise", "experience", "resource",
              "evidence", "document", "file", "record", "know-how", "facility", "base", "power"),
    # "froze the assets" is a sanction, "froze interest rates" or "froze hiring" is not
    "freeze": ("asset", "account", "fund", "aid", "tie", "relation", "talk", "contact", "cooperation",
               "property", "money", "payment", "loan", "credit", "holding", "deposit", "dealing",
               "membership", "negotiation", "assistance", "funding", "transfer", "visa"),
})

#: what cannot be the doer of a political event: a verb with such a subject or agent ("oil
#: prices declined", "the storm destroyed homes", "hit by rising prices") is no event
NON_AGENTS = frozenset({
    "price", "inflation", "economy", "market", "index", "share", "stock", "currency", "rate", "demand",
    "sale", "export", "import", "output", "growth", "profit", "revenue", "earning", "cost", "value",
    "storm", "earthquake", "quake", "flood", "flooding", "rain", "snow", "fire", "blaze", "wildfire",
    "hurricane", "typhoon", "cyclone", "tornado", "tsunami", "landslide", "avalanche", "drought",
    "heatwave", "wind", "wave", "disease", "virus", "epidemic", "pandemic", "outbreak", "illness",
    "cancer", "accident", "crash", "weather", "temperature", "recession", "slump", "downturn", "crisis",
    # moods of a market: "shares were hit by fears of a trade war"
    "fear", "concern", "worry", "uncertainty", "speculation", "jitter",
})
#: what a death or damage told in the passive can come from that makes it no attack: "killed in
#: the earthquake", "injured in a crash" (not "killed in the attack")
NATURAL_CAUSES = NON_AGENTS - {"price", "market", "index", "share", "stock", "currency", "rate", "demand",
                               "sale", "export", "import", "output", "growth", "profit", "revenue", "earning",
                               "cost", "value"}
#: objects that make an event verb an ordinary one: "fight corruption", "executed a plan",
#: "hit a record", "target inflation" (the verb's type holds for people, places and forces)
NOT_EVENT_OBJECTS: dict[str, tuple[str, ...]] = {
    **{v: ("corruption", "poverty", "crime", "inflation", "drug", "disease", "virus", "epidemic",
           "pandemic", "unemployment", "hunger", "illiteracy", "fraud", "smuggling", "trafficking",
           "climate", "deficit", "fire", "flood", "cancer", "pollution", "discrimination", "racism")
       for v in ("fight", "attack", "target", "combat", "tackle")},
    "execute": ("plan", "order", "strategy", "policy", "programme", "program", "contract", "transaction",
                "trade", "deal", "mission", "task", "warrant", "maneuver", "manoeuvre", "move", "turn"),
    "hit": ("record", "high", "low", "peak", "bottom", "target", "mark", "level", "snag", "wall", "road",
            "headline", "market", "shelf", "store", "button",
            "airwave", "trail", "stump", "ground", "nerve", "jackpot", "stride", "spot", "screen", "newsstand"),
    "strike": ("note", "tone", "balance", "chord", "pose", "match",
               # a court "struck down the law": a ruling, no blow
               "law", "ruling", "ban", "rule", "measure", "provision", "regulation", "statute",
               "legislation", "decree", "clause", "amendment", "policy"),
    # a show called off is no sanction ("cancelled her concert"); talks, visits, aid or deals stay one
    "cancel": ("concert", "show", "match", "game", "parade", "festival", "performance", "tour", "race",
               "class", "exam", "lesson", "screening", "premiere", "gig", "fixture", "tournament",
               "subscription", "wedding", "celebration", "fair"),
    "beat": ("expectation", "forecast", "estimate", "record", "odds", "deadline", "rap", "retreat", "path",
             "drum", "rival", "team", "side", "champion", "opponent", "competition", "heat", "traffic"),
    # political news: what is offered, destroyed, defied, begged or burned up without a deed
    "offer": ("condolence", "sympathy", "prayer", "thought", "message", "view", "opinion", "comment", "explanation",
              "advice", "insight", "detail", "glimpse", "reason", "himself", "herself", "themselves", "little",
              "nothing", "praise", "remark", "observation", "assessment", "analysis", "perspective"),
    "destroy": ("finance", "chance", "hope", "career", "reputation", "credibility", "confidence", "trust", "argument",
                "myth", "image", "brand", "candidacy", "prospect", "dream", "economy", "market"),
    "defy": ("expectation", "odds", "gravity", "logic", "prediction", "forecast", "convention", "description",
             "belief", "explanation", "poll", "pundit", "stereotype", "categorization", "label"),
    "beg": ("question",),
    # an open letter signed is words, no agreement; "signed a treaty", "signed the accord" stay
    "sign": ("letter", "book", "autograph", "card", "form", "copy", "poster", "jersey", "waiver", "guestbook"),
    # "break up the banks" is antitrust, no crackdown
    "break": ("bank", "company", "monopoly", "firm", "conglomerate", "giant", "utility", "corporation"),
    "burn": ("account", "line", "phone", "calorie", "money", "cash", "fuel", "bridge", "midnight oil", "oil"),
}
#: what an investigation of is no political deed: "investigating the cause of the crash" (PLOVER's
#: investigations are of crimes, abuses, corruption and military acts)
NOT_EVENT_OBJECTS["investigate"] = NOT_EVENT_OBJECTS["probe"] = (
    "cause", "crash", "accident", "fire", "blaze", "collapse", "outbreak", "spill", "leak", "failure",
    "malfunction", "origin", "derailment", "illness", "disease", "virus", "sighting", "phenomenon")
#: doers that make a verb no political deed: research investigates, it does not accuse
NOT_EVENT_SUBJECTS: dict[str, tuple[str, ...]] = {
    v: ("scientist", "researcher", "study", "research", "experiment", "survey", "paper", "scholar",
        "academic", "astronomer", "doctor", "physician", "engineer", "trial", "project", "book", "film",
        "documentary", "article", "series", "student", "journalist", "reporter")
    for v in ("investigate", "probe")}
#: who warns without being the one to act: a forecast, not a threat ("economists warned that the
#: recession could deepen"); PLOVER's THREATEN is a hostile act its actor holds out
#: what, threatening, holds out no hostile act: a measure or a trouble ("the decision threatens to create a
#: bind", "the bill threatens jobs"); PLOVER's THREATEN is an actor's
NOT_EVENT_SUBJECTS["threaten"] = (
    "decision", "ruling", "move", "plan", "policy", "law", "bill", "rule", "proposal", "scandal", "crisis", "issue",
    "controversy", "result", "poll", "report", "dispute", "row", "feud", "shortfall", "deficit", "debt", "change",
    "trend", "shift", "development", "delay", "problem", "question", "revelation", "investigation", "probe")
NOT_EVENT_SUBJECTS["warn"] = (
    "analyst", "expert", "economist", "scientist", "researcher", "doctor", "forecaster", "meteorologist",
    "study", "survey", "research", "academic", "strategist", "commentator", "scholar", "epidemiologist")
#: what a warning can be of that no one does to anyone: "warned of a famine", "warned of a second
#: wave of infections", "warned that the recession could deepen" (see events._no_event_verb)
HAZARDS = frozenset(NON_AGENTS - {"fear", "concern", "worry", "uncertainty", "speculation", "jitter"}) | frozenset({
    "famine", "shortage", "infection", "slowdown", "bubble", "contagion", "heat", "cold", "frost"})
WARNING_VERBS = frozenset({"warn"})
#: what an attack is of when it is words: "attacked the plan as a giveaway", "attacks the
#: government's record" (CAMEO 111, criticize: PLOVER ACCUSE); people, places and forces attacked stay ASSAULT
CRITICISED = ("plan", "proposal", "policy", "decision", "record", "budget", "bill", "remark", "comment",
              "statement", "handling", "stance", "position", "idea", "reform", "approach", "strategy",
              "ruling", "verdict", "speech", "claim", "measure", "plan", "programme", "program", "law",
              "legislation", "move", "decree", "initiative", "view", "argument", "report", "critic",
              "criticism", "agenda", "performance", "leadership", "response", "proposition")
#: verbs that are an event of another type with such an object: "struck a deal" is an agreement
VERB_OBJECT_TYPES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "strike": (("AGREE", ("deal", "agreement", "accord", "bargain", "compromise", "pact", "truce")),),
    "attack": (("ACCUSE", CRITICISED),),
}
#: verbs that with a clause after them report or remember, and are no event: "recalled that
#: the treaty was signed" (the recall of an envoy takes an object)
CLAUSE_NOT_EVENT = frozenset({"recall",
                              # "concluded (that) Obama would …", "recognizing that terrorism poses …": reasoning;
                              # "concluded an agreement", "recognized Kosovo" keep their object
                              "conclude", "recognize", "recognise"})
#: verbs that are no event before these infinitives: "declined to comment" is a statement, which
#: PLOVER leaves out (CAMEO 011, "decline comment")
NO_COMMENT: dict[str, tuple[str, ...]] = {
    "decline": ("comment", "elaborate", "say", "confirm", "specify", "discuss", "speculate", "answer",
                "respond", "identify", "name", "disclose", "reveal", "give", "provide"),
    "refuse": ("comment", "elaborate", "speculate", "say", "confirm", "disclose", "reveal", "identify", "name"),
}
#: verbs that name what their object is ("called the attack cowardly", "described the killings as
#: a crime"): the object's event is talked about, the speaker is not its doer
JUDGING_VERBS = frozenset({"call", "describe", "term", "label", "brand", "dub", "characterize", "characterise"})
#: judgements that make such naming a condemnation (CAMEO 111/112, PLOVER ACCUSE)
CONDEMNATIONS = frozenset({
    "cowardly", "barbaric", "barbarous", "criminal", "crime", "terrorism", "terrorist", "unacceptable",
    "outrageous", "illegal", "despicable", "heinous", "provocation", "provocative", "violation", "disgrace",
    "disgraceful", "shameful", "atrocious", "atrocity", "brutal", "inhuman", "inhumane", "savage", "unjustified",
    "unprovoked", "senseless", "cruel", "abhorrent", "appalling", "deplorable", "reprehensible", "vile",
    "aggression", "massacre", "genocide", "murder", "cowardice", "barbarism", "barbarity", "unlawful",
    "illegitimate", "unjust", "hostile", "outrage", "travesty", "sham", "farce", "betrayal", "aggressive"})
#: where a release is from that makes it one of people held, whoever they are: "the opposition
#: leader was released from house arrest" (CAMEO 084: RETREAT)
CUSTODY = frozenset({"prison", "jail", "gaol", "custody", "detention", "arrest", "captivity", "camp", "cell"})
RELEASE_VERBS = frozenset({"release", "free"})
#: a protest made to a government or lodged with one is an official complaint (CAMEO 114: ACCUSE),
#: not a demonstration: "protested to Washington over the sale", "lodged a protest with Beijing"
COMPLAINED_TO = frozenset({"government", "embassy", "ministry", "ambassador", "authorities", "authority",
                           "council", "envoy", "president", "minister", "commission", "office"})
FORMAL_PROTEST_VERBS = frozenset({"lodge", "file", "deliver", "send", "issue", "register", "hand", "make"})
#: the first part of a hyphened verb that makes a weapon's firing a show of force: "test-fired a
#: missile" (CAMEO 15, exhibit force posture: PLOVER MOBILIZE), not an attack
SHOW_OF_FORCE_PREFIXES = frozenset({"test"})
#: what, handed over or in, is given up: "the rebels handed over their weapons" disarms them
#: (CAMEO 0871-0872: RETREAT), where "handed weapons to the rebels" arms them (AID)
SURRENDERED = frozenset({"weapon", "arm", "gun", "rifle", "ammunition", "explosive", "munition", "stockpile"})
#: envoys whose summoning is a diplomatic complaint ("summoned the ambassador": ACCUSE, CAMEO 114)
SUMMONED_ENVOYS = frozenset({"ambassador", "envoy", "charge", "chargé", "diplomat", "consul", "attache", "attaché"})
#: particles after which a verb only moves on: "pressed ahead with its plan" is no request
PHRASAL_NOT_EVENTS = frozenset({("press", "ahead"), ("press", "on"), ("push", "ahead"), ("push", "on"),
                                ("blast", "out"),  # "blasted out a robocall": sent
                                ("beat", "out")})  # "beat out her rival by one point": a contest
#: verbs that ask a question as often as they ask for something: a REQUEST only when something is
#: asked for ("asked for help", "asked them to leave", "asked permission", "asked that he resign");
#: "asked about the plan", "asked if he would run", "was asked, 'Will you …'" are questions
QUESTION_VERBS = frozenset({"ask"})
#: what is asked that is a question, not a request
QUESTIONS = frozenset({"question", "what", "who", "why", "how", "whether", "something", "anything"})
#: verbs of striving: before an infinitive ("fight to defend the constitution", "fought to keep his
#: seat") they say how hard someone tries, no violence, unless the doer is armed (see _FIGHTERS)
STRIVING_VERBS = frozenset({"fight"})
_FIGHTERS = _FORCES + ("rebel", "militant", "fighter", "insurgent", "guerrilla", "militia", "militiaman",
                       "gunman", "jihadist", "separatist", "police", "policeman")
FIGHTERS = frozenset(_FIGHTERS)
#: verbs that with an object or a clause show something, and are no protest: "demonstrated its
#: resolve", "victories that demonstrate voters are angry" ("demonstrated against the war" is one)
SHOWING_VERBS = frozenset({"demonstrate"})
#: agreeing with a person is sharing an opinion, no AGREE (PLOVER's AGREE is agreeing to do
#: something): "he agrees with me"; "agreed with Iran on a ceasefire" keeps its "on"
OPINION_VERBS = frozenset({"agree"})
#: what a contest is won by: "beat him by five points" is a vote, not a beating
CONTEST_VERBS = frozenset({"beat"})
#: what a contest is held in: "the candidate best suited to beat him in the general election"
CONTESTS = frozenset({"election", "primary", "race", "vote", "poll", "caucus", "contest", "runoff", "ballot", "match",
                      "game", "final", "matchup", "match-up", "showdown", "nomination", "survey", "polling"})
#: what, gone better or worse, does no deed: "an economic upswing could help Democrats", "the victory helped
#: solidify her lead", "demographic shifts helped the party"
OUTCOMES = frozenset({"dollar", "money", "consumer", "investor", "shopper", "trader", "primary", "caucus", "upswing", "upturn", "downturn", "shift", "victory", "win", "loss", "defeat", "trend", "result",
                      "momentum", "surge", "slump", "mortgage", "loan", "recovery", "boom", "bust"})
#: words to the reader in a page's furniture: "Sign up for our newsletter", "Welcome to the report"
#: attacks that are words when one named person makes them on another ("Clinton's attacks on Trump",
#: "Cruz attacked Rubio"): CAMEO 111, criticize (PLOVER ACCUSE); gunmen, forces and groups stay ASSAULT
VERBAL_ATTACKS = frozenset({"attack"})
#: events a candidate holds that are no protest when named after a person ("Trump's rally")
CAMPAIGN_EVENTS = frozenset({"rally"})
#: messages that, as the doer of an attack, make it words (CAMEO 111, criticize: ACCUSE): "a new ad hitting
#: him for skipping the debate", "a speech attacking the nominee", "the column targets the mayor"
MESSAGES = frozenset({"ad", "advert", "advertisement", "commercial", "spot", "mailer", "robocall", "speech", "letter",
                      "column", "editorial", "op-ed", "tweet", "post", "video", "article", "statement", "book",
                      "report", "broadside", "remark", "comment", "campaign ad", "advertising", "onslaught"})
#: admitting is no concession: "conceded (that) she is not a natural politician"; "conceded defeat",
#: "the candidate conceded" stay
ADMITTING_VERBS = frozenset({"concede"})
#: what "took to" is a protest on: the streets, a square, arms ("took to Twitter", "took to the podium" are not)
TAKEN_TO = frozenset({"street", "square", "road", "barricade", "arm", "weapon", "highway", "plaza", "avenue"})
#: whom a candidate "appeals to" by pulling them, no request: "appeals to white voters"
PULLED = frozenset({"voter", "supporter", "base", "conservative", "liberal", "moderate", "independent", "democrat",
                    "republican", "evangelical", "millennial", "woman", "man", "worker", "people", "angel", "instinct",
                    "nature", "fear", "american", "youth", "electorate", "audience", "reader", "viewer", "fan"})
READER_IMPERATIVES = frozenset({"sign", "welcome", "subscribe", "join", "follow", "share", "click"})
MARGINS = frozenset({"point", "vote", "percent", "percentage", "margin", "seat", "delegate", "stroke", "goal", "length"})
#: measures that a request asks others to take against a third party (see events._against_someone)
HOSTILE_MEASURES = frozenset({"sanction", "embargo", "boycott", "blockade", "isolation", "punishment"})
#: who, withdrawn, makes a withdrawal a sanction: pulling out peacekeepers, observers or envoys
#: (CAMEO 161, 1661-1663: SANCTION), where pulling out one's own forces is RETREAT
WITHDRAWN_PRESENCE = frozenset({"inspector", "observer", "monitor", "peacekeeper", "investigator", "verifier",
                                "ambassador", "envoy", "diplomat", "mission", "agency", "aid worker"})
#: the verbs and nouns of a withdrawal (the forms of WITHDRAWN_PRESENCE's rule)
WITHDRAWAL_WORDS = frozenset({"withdraw", "pull", "ship", "evacuate", "redeploy", "withdrawal", "pullout",
                              "pull-out", "evacuation", "pullback"})
#: what dismissing makes no event: firing an official is not rejecting anything
NOT_EVENT_OBJECTS["dismiss"] = ("minister", "official", "general", "chief", "commander", "head", "director",
                                "employee", "worker", "staff", "government", "cabinet", "judge", "officer",
                                "governor", "coach", "manager", "secretary", "aide", "adviser", "advisor")
VERB_SUBJECT_TYPES["march"] = {w: "MOBILIZE" for w in ("troops", "soldiers", "forces", "army", "tanks", "columns",
                                                      "units", "battalions", "paratroopers", "marines")}
