"""The language of a page, detected from its text, and whether it can be analysed.

Detection is py3langid (BSD): a naive Bayes model over byte n-grams whose model file ships
inside the wheel, so nothing is downloaded; about 2 ms a page on the first few thousand
characters. It was chosen over lingua-language-detector on the 181 AEB pages: both agree on
180, py3langid is right on the one left (an Indonesian blog post lingua calls Malay), and it
loads in 0.5 s against 17 s and 4.5 MB against 96 MB (bench/entities.py prints the counts).

A page's own declaration (``<html lang>``, ``og:locale``) is kept only when the text is too
short to tell: declarations are often wrong (a site template saying "de" on English pages) or
not a language at all ("utf").

Most pages a user reads are English, and for those the model is not needed: a sample whose
words are ASCII and in which English's own function words ("the", "and", "that", "with" …, none
of them a word of another language the detector knows) are more than one word in eight is read
as English without it (langid agrees on every such text of the project's evaluation sets:
``tools/check_language_fast_path.py``). The model is then loaded only when a page needs it, which
takes 0.5 CPU s and ~70 MB off the start of a run of English pages (``dateline read``'s start-up).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: characters of text the detector reads: more changes nothing but the time
SAMPLE_CHARS = 3000
#: below this many letters a detection is not trusted (headlines, captions, tests' one-liners)
MIN_LETTERS = 40
#: normalised probability a detection needs to override what the page declares
MIN_CONFIDENCE = 0.5

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_CODE = re.compile(r"^[a-z]{2}$")
_WORD = re.compile(r"[^\W\d_]+")
#: English function words that are not words of another language the detector knows ("in",
#: "is", "was", "of", "to", "a", "die", "will" are: Dutch, German, Italian, Slavic …)
ENGLISH_WORDS = frozenset(
    "the and that with this from which would have been their they there were what when who "
    "about into after also than other these those could should said says its our your his her "
    "him them because while where been being does did it she you has had are be not such just "
    "only over some many most any how why then now can may must might very having until against "
    "between through during before under again each both few same out up".split())
#: share of the sample's words that must be ENGLISH_WORDS (English news prose: 0.18–0.30; the
#: same words in another language's text: under 0.03), and the fewest words the test needs
ENGLISH_SHARE = 0.16
ENGLISH_MIN_WORDS = 30
#: share of the sample's words that may hold a letter outside ASCII (names, a quoted phrase)
NON_ASCII_SHARE = 0.02


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0–1) of a text; (None, 0.0) when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None, 0.0
    if _plainly_english(sample):
        return "en", 1.0
    code, prob = _identifier().classify(sample)
    return str(code), float(prob)


def _plainly_english(sample: str) -> bool:
    """Whether a text is English beyond doubt by its function words (see the module's note)."""
    words = _WORD.findall(sample)
    if len(words) < ENGLISH_MIN_WORDS:
        return False
    if sum(not w.isascii() for w in words) > NON_ASCII_SHARE * len(words):
        return False
    return sum(w.lower() in ENGLISH_WORDS for w in words) > ENGLISH_SHARE * len(words)


def known_code(code: str | None) -> str | None:
    """A declared language when it is one the detector knows ("en"), else None ("utf", "xx")."""
    if not code:
        return None
    code = code.strip().lower()[:2]
    return code if _CODE.match(code) and code in _identifier().nb_classes else None


def page_language(text: str, title: str | None, declared: str | None) -> tuple[str | None, bool]:
    """The language to store for a page and whether it was detected with confidence."""
    code, prob = detect(f"{title}\n\n{text}" if title else text)
    if code is not None and prob >= MIN_CONFIDENCE:
        return code, True
    return known_code(declared), False
