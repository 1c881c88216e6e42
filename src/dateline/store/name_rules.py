"""How names are made comparable across documents, as data (entities.py applies it).

All words are as ``name_key`` gives them: lower case, accents and punctuation off.
"""

from __future__ import annotations

#: words a title in front of a name is made of ("president", "secretary of state", "mr")
TITLE_HEADS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
    "president", "minister", "secretary", "chancellor", "premier", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "ambassador",
    "general", "gen", "admiral", "adm", "colonel", "col", "lieutenant", "lt", "major", "maj",
    "captain", "capt", "sergeant", "sgt", "commander", "judge", "justice", "attorney",
    "chairman", "chairwoman", "chair", "chief", "director", "spokesman", "spokeswoman",
    "spokesperson", "leader", "speaker", "officer", "ceo", "councillor", "councilman",
    "councilwoman", "commissioner", "sheriff", "coach", "envoy", "pres", "amb", "supt", "atty",
})
#: words that may come before the head in a title ("former", "foreign", "vice", "of", "state")
TITLE_WORDS = TITLE_HEADS | frozenset({
    "former", "acting", "deputy", "vice", "prime", "foreign", "defence", "defense", "finance",
    "interior", "home", "state", "of", "the", "us", "u", "s", "uk", "un", "eu", "white", "house",
    "senior", "top", "interim", "then", "new", "first", "attorney", "general", "national",
    "security", "press", "health", "trade", "energy", "treasury", "homeland", "district",
    "supreme", "court", "chief", "executive", "majority", "minority", "opposition", "party",
    "republican", "democratic", "democrat", "gop", "elect", "designate",
})

#: generational suffixes: not a family name ("Donald Trump Jr." → trump)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})

#: family names that come first in East Asian names as news writes them ("Kim Jong Un",
#: "Xi Jinping", "Lee Jae-myung"): the first word is also the surname
FAMILY_NAME_FIRST = frozenset({
    "kim", "lee", "park", "choi", "jung", "chung", "kang", "cho", "yoon", "yun", "jang", "lim",
    "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "moon", "yoo", "hong", "ri",
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "lin", "luo", "xi", "deng", "mao", "jiang", "wen", "hu",
    "nguyen", "tran", "le", "pham", "hoang", "vo", "dang", "bui", "do", "ngo",
})

#: the spellings of one sound in romanised Slavic names, made one: Zelenskyy, Zelenskiy,
#: Zelenskyi → zelensky; Dmitriy → dmitry. (regex, replacement) applied to each word
TRANSLITERATION_ENDINGS = (
    (r"(?<=[a-z])(?:yy|iy|ii|yi|ij|yj)$", "y"),
)

#: words left out when an organisation's initials are made ("Bank of England" → BE)
INITIALS_SKIP = frozenset({"of", "the", "and", "for", "de", "la", "du", "des", "on", "in", "&", "a"})
