"""attribution/channels.py: the channel words found by their openings (scan.spans_of) are the
spans case-insensitive ``finditer`` finds, and the country forms' precheck in entities.py skips
only forms a text cannot match."""

from __future__ import annotations

import random
import re

from dateline.analyze import entities
from dateline.analyze.attribution import channels

TEXTS = [
    "The minister told a news conference on Tuesday, in an interview with the BBC, that she had "
    "tweeted the letter and posted on her official Twitter account before the press release.",
    "PRESS BRIEFING: he Re-posted an E-mail, filed a Lawsuit and wrote on Facebook via X; a TV show.",
    # letters whose case folds reach outside ASCII: the Kelvin sign, the long s, dotted capital I
    "\u212aelvin \u017fhow po\u017fted \u0130nterview \u0130NTERVIEW reportſ communiqué COMMUNIQUÉ",
    "",
    "\n\t interview\ninterviews interviewed briefingbriefing statements? report-reported",
]


def random_texts(n: int = 150, seed: int = 5) -> list[str]:
    rnd = random.Random(seed)
    words = ["told", "interview", "Tweet", "posts on", "NEWS", "conference", "letter", "e-mail", "filed",
             "statement", "tv", "report", "on his", "x", "\u212a", "\u017f", "\u0130", "briefing", "-", "’", "\n"]
    return ["".join(rnd.choice(words) + rnd.choice(["", " ", ", "]) for _ in range(rnd.randint(0, 25)))
            for _ in range(n)]


def test_channel_spans_are_finditer_spans() -> None:
    assert len(channels._CHANNELS) == len(channels.CHANNEL_PATTERNS)
    for (kind, spans), (kind2, source) in zip(channels._CHANNELS, channels.CHANNEL_PATTERNS):
        assert kind == kind2
        rx = re.compile(source, re.I)
        for text in TEXTS + random_texts():
            assert spans(text) == [m.span() for m in rx.finditer(text)], (kind, text)


def test_channel_named_in_window() -> None:
    text = "The ministry said in a statement on Tuesday that talks would resume."
    cue = (text.index("said"), text.index("said") + 4)
    content = (text.index("talks"), len(text) - 1)
    got = channels.channel_of(text, (0, len(text)), cue, content, [])
    assert got == {"kind": "statement", "outlet": None, "platform": None}
    # a channel word inside the claim's own quotation names no channel
    quoted = 'He said "the statement was false" and left.'
    cue = (quoted.index("said"), quoted.index("said") + 4)
    assert channels.channel_of(quoted, (0, len(quoted)), cue, None, []) is None


def _scanned(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Every form scanned, as before the precheck."""
    out: list[tuple[int, int]] = []
    for form in forms:
        flags = 0 if form.isupper() or "." in form else re.I
        for m in re.finditer(rf"(?<![\w.]){re.escape(form)}(?![\w]|\.\w)", text, flags):
            if not any(m.start() < e and m.end() > s for s, e in out):
                out.append(m.span())
    return out


def test_country_forms_precheck_finds_what_a_scan_finds() -> None:
    forms = entities.countries.FORMS["US"]
    texts = ["The United States and the U.S. envoy met; the US team left, America said.",
             "The united states said nothing; AMERICA did.", "\u0130stanbul: the U.S. delegation arrived.",
             "\u017fome text about america", "No country is named here.", ""]
    for text in texts:
        ent = entities._Entity(entities.countries.NAMES["US"], "GPE")
        ent.country = "US"
        entities._more_country_mentions([ent], text)
        assert ent.mentions == _scanned(text, forms), text
    assert _scanned(texts[0], forms) and not _scanned(texts[4], forms)
