"""Fast paths in our rules give what the plain way gives (issue 10 item 5): each is checked
against the plain computation on sentences of our own writing and on random text."""

from __future__ import annotations

import random
import re

import pytest

from dateline.analyze import timex
from dateline.analyze.attribution.speakers import _word_at

_WORDS = ["Ruiz", "O'Hara", "Jr.", "Ana", "an", "Lee", "Núñez", "_id", "Mc-", "a.b", "Jo Jo", "aa", "İnce"]
_TEXTS = [
    "Ana Ruiz said Ruiz's plan was Ruiz-style; Anabel and Ruizes disagreed. Ruiz",
    "O'Hara and O'Hara's aide O'Haras met Jr.Jr. and Jr.x at a.b.a.b; Mc-Mc-Mc- x",
    "aaaa aa aaa _id_ x_id _id. Jo Jo Jo Jo. Núñez, Núñezes, İnce İnceler",
]


def _random_text(rnd: random.Random) -> str:
    pieces = _WORDS + [" ", " ", ".", "'", "-", "_", "x", "ñ", "\n", "7"]
    return "".join(rnd.choice(pieces) for _ in range(200))


def test_word_at_finds_what_a_word_bounded_pattern_finds() -> None:
    rnd = random.Random(11)
    texts = _TEXTS + [_random_text(rnd) for _ in range(300)]
    for text in texts:
        for word in _WORDS:
            want = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
            assert list(_word_at(text, word)) == want, (word, text)


@pytest.mark.parametrize("lead, published, anchor", [
    ("LISBON, March 3, 2024 -- The ferry strike ended on Saturday.", "2024-03-05", "2024-03-03"),
    ("The ferry strike ended on Saturday, the union said.", "2024-03-05", "2024-03-05"),
    ("On 3/3/24 the ferry strike ended, the union said.", "2024-03-05", "2024-03-03"),
    ("The union said on 2024-03-02 that the strike was over.", "2024-03-05", "2024-03-02"),
    # four digits but no month: no full date, the publication day
    ("The 1200 workers went back on Saturday.", "2024-03-05", "2024-03-05"),
    # a month and four digits that are no year of it: nothing is taken
    ("In March the 2,400 workers struck for higher pay.", "2024-03-05", "2024-03-05"),
])
def test_story_anchor_with_and_without_a_full_date_in_the_lead(lead: str, published: str, anchor: str) -> None:
    timex.story_anchor.cache_clear()
    assert timex.story_anchor(lead, published) == anchor


def test_the_unit_gate_opens_a_window_for_every_unit_a_pattern_can_match() -> None:
    # each pattern the unit gate serves, on units after a space and a hyphen, and beside words
    # that only hold a unit's letters inside them ("administration", "today", "three")
    sentences = [
        "The administration met for three hours, two-week talks that ended 10 minutes ago.",
        "Today the minister spoke for 2-3 hours; in recent weeks, and years later, a 5-year plan.",
        "It took months. The secretary left three days before the vote, a decade-long fight.",
    ]
    plain = [(kind, rx) for kind, rx in timex.PATTERNS if kind in ("duration", "ago", "numrange", "bareunits")]
    for text in sentences:
        found = {(k, m.span()) for k, _, m in timex._matches(text) if k in dict(plain)}
        everywhere = {(k, m.span()) for k, rx in plain for m in rx.finditer(text)}
        assert found == everywhere
        assert found  # the sentences hold such expressions
