"""The parse read once a document (analyze/nlp.py): the same answers as spaCy's own calls."""

from __future__ import annotations

import re

from dateline.analyze import nlp as nlp_module
from dateline.analyze.timex import GATES, PATTERNS, WINDOW_NEEDS

TEXT = (
    "The finance minister and her deputy met union leaders, farmers and two senior judges on Monday. "
    "Officials from the port authority said the new cranes, which cost about 40 million dollars, "
    "would arrive within three weeks, and that the old ones had been sold years ago.\n\n"
    "Protesters who marched through the capital for hours demanded that he resign, and the police "
    "arrested a man, a woman and their son. It rained."
)


def test_noun_chunk_ends_are_spacys(nlp):
    for text in (TEXT, "Nothing.", "", "Tom, Ann and the tall old man of the sea and his dogs left"):
        doc = nlp(text)
        assert nlp_module.noun_chunk_ends(doc) == {nc.start: nc.end for nc in doc.noun_chunks}
    assert len(nlp_module.noun_chunk_ends(nlp(TEXT))) > 10


def test_text_is_the_docs_text_once(nlp):
    doc = nlp(TEXT)
    assert nlp_module.text(doc) == doc.text == TEXT
    assert nlp_module.text(doc) is nlp_module.text(doc)


def test_window_needs_hold_in_every_match():
    """A window without a needed word is skipped: every match needs each of them between its start
    and the least window end it can be found with (numrange's unit is in a lookahead after it)."""
    kinds = dict(PATTERNS)
    samples = ("three years ago, some two days later, 20 minutes from now, about a decade earlier; "
               "for months, within weeks, recent days, hours after the vote, 5 to 10 years, "
               "a four-day-long strike, two-and-a-half years, six to eight months, the minister on Monday")
    hits = 0
    for kind, needs in WINDOW_NEEDS.items():
        assert kind in GATES
        rx = kinds[kind]
        for m in rx.finditer(samples):
            hits += 1
            end = next(e for e in range(m.end(), len(samples) + 1) if rx.match(samples, m.start(), e))
            for need in needs:
                assert need.search(samples, m.start(), end), (kind, m.group(0), need.pattern)
    assert hits >= 8
    assert not any(re.search(n.pattern, "the minister on Monday") for n in WINDOW_NEEDS["duration"])
