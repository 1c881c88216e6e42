"""The document id's shortcuts (NFC check, surrogate check) give what the plain calls give."""

from __future__ import annotations

import hashlib
import random
import unicodedata

from dateline.extract import document_id, nfc
from dateline.ingest.unicode import has_surrogates

# ASCII, precomposed letters, combining marks that compose with what precedes them (U+0301,
# U+0338), marks that only reorder (U+0323 below, U+0302 above), Hangul jamo that compose into
# syllables, a character NFC always changes (U+212B ANGSTROM SIGN), spaces of other kinds
_ALPHABET = ["a", "e", "o", "A", " ", "\n", "<", ">", "=", "é", "ñ", "\u0301", "\u0338", "\u0323", "\u0302",
             "\u1100", "\u1161", "\u11a8", "가", "\u212b", "\u00a0", "\u2000", "\u3000", "ж", "中"]


def _reference_id(content: str) -> str:
    content = unicodedata.normalize("NFC", content)
    norm = " ".join(content.split())
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def test_nfc_agrees_with_unicodedata_on_mixed_text():
    rng = random.Random(13)
    changed = 0
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12)))
        assert nfc(text) == unicodedata.normalize("NFC", text), ascii(text)
        assert document_id(text) == _reference_id(text), ascii(text)
        changed += nfc(text) != text
    assert changed  # both kinds were drawn


def test_nfc_across_its_chunks():
    # long texts, mostly ASCII with marks and jamo here and there, so that stretches of
    # non-ASCII text start and end at every place relative to the chunks the check skips by
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(_ALPHABET) if rng.random() < 0.05 else "q" for _ in range(rng.randint(900, 5000)))
        assert nfc(text) == unicodedata.normalize("NFC", text)
        assert document_id(text) == _reference_id(text)


def test_a_mark_after_ascii_is_seen():
    # the mark composes with the ASCII letter before it, also where a chunk of pure ASCII ends
    for before in (1000, 1023, 1024, 1025, 2047):
        text = "x" * before + "e\u0301" + "y" * 1000
        assert nfc(text) == unicodedata.normalize("NFC", text) != text
    assert nfc("x" * 1000 + "\u00e9" + "y" * 1000) == "x" * 1000 + "\u00e9" + "y" * 1000
    assert document_id("cafe\u0301") == document_id("caf\u00e9")


def test_has_surrogates_finds_lone_surrogates_only():
    assert not has_surrogates("plain ascii")
    assert not has_surrogates("caf\u00e9 \U0001f600 中")  # a real astral character is no surrogate
    assert has_surrogates("caf\udce9.html")
    assert has_surrogates("x" * 10_000 + "\ud800")
