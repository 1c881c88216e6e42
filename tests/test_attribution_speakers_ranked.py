"""Which words are the speaker mention (analyze/attribution/speakers.py): who is seen to feel or
think something, the subject of a second clause that the parser ran into the first, and the
person a participle cue goes with when the parse hangs it on a thing. Every text here is written
for these tests."""

from __future__ import annotations

import pytest

from dateline.analyze import analyze
from dateline.analyze.attribution.quotes import paragraph_spans
from dateline.model import Claim, Reading, Source


def read_text(text: str) -> Reading:
    reading = Reading(id="t", source=Source(), text=text, paragraphs=paragraph_spans(text, None))
    return next(analyze([reading]))


def claim_by_cue(reading: Reading, cue: str) -> Claim:
    found = [c for c in reading.claims if c.cue == cue]
    assert found, [(c.cue, c.speaker_text, c.content) for c in reading.claims]
    return found[0]


# a person or body seen to feel or think something ---------------------------------------------

@pytest.mark.parametrize("text, cue, speaker", [
    ("Senator Hale seemed hopeful that the harbour would reopen before the winter storms.", "seemed",
     "Senator Hale"),
    ("The farmers appeared pleased with the new contract for the valley dam.", "appeared", "The farmers"),
    ("Hale's sudden praise for the ferry company seemed like a signal to the union.", "seemed", "Hale's"),
])
def test_who_is_seen_to_feel_or_think_is_the_speaker(nlp, text: str, cue: str, speaker: str) -> None:
    claim = claim_by_cue(read_text(text), cue)
    assert claim.speaker_text == speaker


@pytest.mark.parametrize("text, cue", [
    ("The old bridge over the river seemed ready to collapse after the long winter.", "seemed"),
    ("It appears that the harbour will stay closed until the end of the summer.", "appears"),
])
def test_a_thing_that_seems_has_no_speaker(nlp, text: str, cue: str) -> None:
    claims = [c for c in read_text(text).claims if c.cue == cue]
    assert all(c.speaker_text is None for c in claims), [(c.cue, c.speaker_text) for c in claims]


# the second clause's subject ---------------------------------------------------------------------

def test_the_name_after_and_before_the_cue_speaks(nlp) -> None:
    reading = read_text("Over the past week, the inspectors closed the old bridge and Mayor Tom Reed "
                        "fired his deputy, admitting that the city had ignored the warnings.")
    speakers = {c.cue: c.speaker_text for c in reading.claims}
    assert "inspectors" not in (speakers.get("admitting") or ""), speakers
    assert "Reed" in (speakers.get("admitting") or ""), speakers


def test_a_name_in_the_subjects_own_list_is_not_taken(nlp) -> None:
    reading = read_text("Anna Keller, Tom Reed and Ana Ruiz offered a plan to reopen the harbour.")
    claim = claim_by_cue(reading, "offered")
    assert claim.speaker_text is not None and claim.speaker_text.startswith("Anna Keller")


# a participle cue hung on a thing -----------------------------------------------------------------

def test_a_participle_goes_with_the_people_not_the_thing(nlp) -> None:
    reading = read_text("The first clash came during a rally in the harbour town, when dock workers "
                        "interrupted the mayor, shouting \"Open the port now!\"")
    claim = claim_by_cue(reading, "shouting")
    assert claim.speaker_text == "dock workers"


def test_a_participle_after_a_persons_noun_keeps_it(nlp) -> None:
    reading = read_text("The businessman toured the new port on Friday with the mayor, saying that "
                        "the harbour would hire two hundred workers.")
    claim = claim_by_cue(reading, "saying")
    assert claim.speaker_text == "The businessman"
