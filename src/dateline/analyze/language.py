"""The language of a page, detected from its text, and whether it can be analysed.

Detection is py3langid (BSD): a naive Bayes model over byte n-grams whose model file ships
inside the wheel, so nothing is downloaded; about 2 ms a page on the first few thousand
characters. It was chosen over lingua-language-detector on the 181 AEB pages: both agree on
180, py3langid is right on the one left (an Indonesian blog post lingua calls Malay), and it
loads in 0.5 s against 17 s and 4.5 MB against 96 MB (bench/entities.py prints the counts).

A page's own declaration (``<html lang>``, ``og:locale``) is kept only when the text is too
short to tell: declarations are often wrong (a site template saying "de" on English pages) or
not a language at all ("utf").
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


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0–1) of a text; (None, 0.0) when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None, 0.0
    code, prob = _identifier().classify(sample)
    return str(code), float(prob)


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
