"""Which words of the clause are the speaker (analyze/attribution/speakers.py, parse.py): a
poll named in the respondents' own clause, an opening phrase the parser took for the subject,
the subject of the nearest conjunct, and a participle cue whose quotation has a subject of its
own. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from dateline.analyze import analyze
from dateline.analyze.attribution.quotes import paragraph_spans
from dateline.analyze.attribution.speakers import RESPONDENT_SHARE
from dateline.model import Claim, Reading, Source


def read_text(text: str) -> Reading:
    reading = Reading(id="t", source=Source(), text=text, paragraphs=paragraph_spans(text, None))
    return next(analyze([reading]))


def claim_with(reading: Reading, words: str) -> Claim:
    return next(c for c in reading.claims if words in c.content)


# a poll named in the respondents' own clause ----------------------------------------------------

@pytest.mark.parametrize("text, poll, answer", [
    ("In a Marist survey released Tuesday, 41 percent of Democrats said they were very excited "
     "about the convention.", "a Marist survey released Tuesday", "41 percent of Democrats said"),
    ("Forty-four percent of Ohioans said they had an unfavorable view of the senator in a "
     "Quinnipiac poll this week.", "a Quinnipiac poll", "Forty-four percent of Ohioans said"),
    ("A Gallup poll in March shows 58% of independent voters say housing costs will decide their "
     "vote.", "A Gallup poll in March", "58% of independent voters say"),
])
def test_a_poll_named_in_the_answers_clause_speaks(nlp, text: str, poll: str, answer: str) -> None:
    claim = claim_with(read_text(text), answer)
    assert claim.speaker_text == poll
    assert claim.content.startswith(answer) and poll not in claim.content  # the poll's words left out


def test_a_poll_inside_the_answer_that_names_no_pollster_is_content(nlp) -> None:
    (claim,) = read_text("Most residents said they would vote in the poll next spring.").claims
    assert claim.speaker_text == "Most residents"


def test_a_share_speaking_for_itself_keeps_its_claim(nlp) -> None:
    (claim,) = read_text("The senator said 40 percent of voters backed him last year.").claims
    assert claim.speaker_text == "The senator"


@pytest.mark.parametrize("words, share", [
    ("58% of voters", True), ("Forty-four percent of Ohioans", True), ("Six in 10 farmers", True),
    ("twice as many retirees", True), ("about half", True), ("The senator", False), ("Fifty voters", False),
])
def test_shares_of_respondents(words: str, share: bool) -> None:
    assert bool(RESPONDENT_SHARE.match(words)) is share


# an opening phrase is not the speaker ---------------------------------------------------------

def test_an_opening_prepositional_phrase_is_not_the_speaker(nlp) -> None:
    claim = claim_with(read_text("Of Lane, Levine, who has given money to Ruiz, said he was not impressed."),
                       "not impressed")
    assert claim.speaker_text.startswith("Levine")


@pytest.mark.parametrize("text, speaker", [
    ("In a statement on Friday, the senator said the bill was dead.", "the senator"),
    ("After the vote, Lane said the bill was dead.", "Lane"),
])
def test_a_subject_after_an_opening_phrase_stays(nlp, text: str, speaker: str) -> None:
    claim = claim_with(read_text(text), "the bill was dead")
    assert claim.speaker_text == speaker


# conjoined verbs --------------------------------------------------------------------------------

def test_a_conjoined_cue_continues_the_nearest_clause_with_a_subject(nlp) -> None:
    reading = read_text("In the days before the rally, a group of pastors called for a boycott of his talk, "
                        "and the civil rights league strongly denounced the remarks and said it would "
                        "return his donations.")
    assert claim_with(reading, "return his donations").speaker_text == "the civil rights league"


def test_a_conjoined_cue_after_verbs_with_no_subject_keeps_the_first(nlp) -> None:
    reading = read_text("The mayor toured the site, met the workers and said the plant would reopen.")
    assert claim_with(reading, "the plant would reopen").speaker_text == "The mayor"


# a participle cue with a quotation ------------------------------------------------------------

def test_the_subject_inside_the_quotation_is_not_the_participles_speaker(nlp) -> None:
    reading = read_text("Warren looked unconvinced by the proposal on Monday, telling reporters, "
                        "“Many voters said the plan should be dropped.”")
    assert claim_with(reading, "plan should be dropped").speaker_text == "Warren"


def test_a_participle_after_a_reported_clause_keeps_the_reporter(nlp) -> None:
    reading = read_text("The mayor said the council had agreed, adding that the vote would come soon.")
    assert claim_with(reading, "the vote would come soon").speaker_text == "The mayor"


@pytest.mark.parametrize("text, words, speaker", [
    ("The mayor cannot promise that “from her office,” Lane added, saying it should be “up to the "
     "council to decide.”", "up to the council", "Lane"),
    ("Reed said the plant “would never reopen,” the worker recalled, adding that Reed said of the town: "
     "“It is finished.”", "Reed said of the town", "the worker"),
])
def test_a_participle_after_a_trailing_cue_continues_it(nlp, text: str, words: str, speaker: str) -> None:
    assert claim_with(read_text(text), words).speaker_text == speaker


def test_a_participle_after_a_that_clause_still_goes_with_the_main_subject(nlp) -> None:
    reading = read_text("Lane rejected the idea that Reed would lose, saying the polls were wrong.")
    assert claim_with(reading, "the polls were wrong").speaker_text == "Lane"


# a trailing cue after a description of the quotation -------------------------------------------

def test_a_name_right_before_a_trailing_cue_is_the_speaker(nlp) -> None:
    reading = read_text("“The town is much like the old mill days,” the heyday of the valley factories, Reed says.")
    assert claim_with(reading, "old mill days").speaker_text == "Reed"


def test_a_described_speaker_after_a_quotation_stays_whole(nlp) -> None:
    reading = read_text("“We had no choice,” Stafford, a crew member, responded.")
    assert claim_with(reading, "no choice").speaker_text == "Stafford"


# standing in the polls is no finding of a poll -------------------------------------------------

def test_leading_in_the_polls_is_not_the_polls_claim(nlp) -> None:
    reading = read_text("Many commentators are surprised that the senator is leading in the polls.")
    assert all(c.speaker_text != "the polls" for c in reading.claims)


def test_a_named_poll_still_holds_what_it_found(nlp) -> None:
    reading = read_text("In the latest Gallup poll, the senator is ahead by nine points among young voters.")
    assert any(c.speaker_text and "Gallup poll" in c.speaker_text for c in reading.claims)
