"""A claim that ran on over a second cue conjoined to its own ('praised X and pledged a “…”')
is two attributions when what the second cue holds has a quotation (issue 8, quoted recall).
Every text here is written for these tests."""

from __future__ import annotations

import pytest

from dateline.analyze import analyze
from dateline.analyze.attribution.quotes import paragraph_spans
from dateline.model import Reading, Source


def claims_of(text: str):
    reading = Reading(id="t", source=Source(), text=text, paragraphs=paragraph_spans(text, None))
    r = next(analyze([reading]))
    return [(c.cue, c.speaker_text, text[c.span[0]:c.span[1]]) for c in r.claims]


@pytest.mark.parametrize("text,first,second,quoted", [
    ('Hale praised the farmers for their work and pledged a "political revolution" in the valley.',
     "praised", "pledged", "political revolution"),
    ("Reed criticized the council over the budget and demanded an “honest accounting” of the money.",
     "criticized", "demanded", "honest accounting"),
])
def test_a_second_conjoined_cue_with_a_quotation_is_a_claim_of_its_own(nlp, text, first, second, quoted) -> None:
    got = claims_of(text)
    outer = [c for c in got if c[0] == first]
    inner = [c for c in got if c[0] == second]
    assert len(outer) == 1 and len(inner) == 1, got
    assert second not in outer[0][2] and quoted not in outer[0][2], got  # the first claim ends before the second cue
    assert quoted in inner[0][2] and inner[0][1] == outer[0][1], got  # the same speaker says the quoted words


def test_a_conjoined_cue_without_a_quotation_is_not_split_off(nlp) -> None:
    got = claims_of("Reed criticized the council over the budget and demanded an accounting of the money.")
    assert not any(c == "demanded" for c, _, _ in got), got


@pytest.mark.parametrize("text,first,second,quoted", [
    ("Lane told reporters that Reed is a “faker” and questioned how he has “gotten away with it.”",
     "told", "questioned", "gotten away"),
    ("Lane conceded that the aide had touched the reporter but implied that it was her fault for “grabbing” at him.",
     "conceded", "implied", "grabbing"),
])
def test_a_second_cue_the_parser_hung_on_the_first_ones_content_is_still_the_first_speakers(
        nlp, text, first, second, quoted) -> None:
    got = claims_of(text)
    inner = [c for c in got if c[0] == second]
    outer = [c for c in got if c[0] == first]
    assert len(inner) == 1 and inner[0][1] == "Lane" and quoted in inner[0][2], got  # not Reed's, not the aide's
    assert len(outer) == 1 and second not in outer[0][2], got
