"""Who the speaker is (analyze/attribution/speakers.py): a name in apposition, a poll's
respondents, gender from first names, and which person a pronoun stands for. Every text here is
written for these tests."""

from __future__ import annotations

import pytest

from dateline.analyze import analyze
from dateline.analyze.attribution.quotes import paragraph_spans
from dateline.analyze.attribution.speakers import first_name_genders
from dateline.model import Claim, Reading, Source


def read_text(text: str) -> Reading:
    reading = Reading(id="t", source=Source(), text=text, paragraphs=paragraph_spans(text, None))
    return next(analyze([reading]))


def name_of(reading: Reading, claim: Claim) -> str | None:
    return next((e.name for e in reading.entities if e.id == claim.speaker), None)


def claim_with(reading: Reading, words: str) -> Claim:
    return next(c for c in reading.claims if words in c.content)


# a speaker described first and named after ----------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("The chief of the harbour workers union, Anna Keller, praised the new contract on Friday.",
     "Anna Keller"),
    ("The ferry will run again in May, a spokeswoman, Ana Ruiz, said on Monday.", "Ana Ruiz"),
    ("One of the farmers, Tom Reed, 70, said the river was too low for the ferry.", "Tom Reed"),
    ("But the other candidate on the stage, former governor Ana Ruiz, drew a contrast, saying that "
     "the plan was weak.", "former governor Ana Ruiz"),
])
def test_a_name_in_apposition_is_the_speaker(nlp, text: str, speaker: str) -> None:
    claims = read_text(text).claims
    assert claims and all(c.speaker_text == speaker for c in claims), [c.speaker_text for c in claims]


def test_a_name_in_apposition_inside_the_content_is_not_the_speaker(nlp) -> None:
    (claim,) = read_text("The mayor said the builder, Tom Reed, was late with the bridge.").claims
    assert claim.speaker_text == "The mayor"


# what a share of respondents answered is the poll's ---------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("About half of the voters said they trusted the mayor, according to the latest poll.",
     "the latest poll"),
    ("More than 6 in 10 farmers said the river was too low, according to a survey by the valley council.",
     "a survey by the valley council"),
    ("Some 54 percent of respondents said the harbour should stay open, a survey by the valley council found.",
     "a survey by the valley council"),
])
def test_respondents_answers_are_one_claim_of_the_poll(nlp, text: str, speaker: str) -> None:
    (claim,) = read_text(text).claims
    assert claim.speaker_text == speaker
    # the answer with who gave it, and nothing of the poll's own words
    first = text.split(" said ")[0]
    assert claim.content.startswith(first) and speaker not in claim.content


def test_a_share_of_people_in_a_report_keeps_its_speaker(nlp) -> None:
    claims = read_text("Most senators said the bill would pass, according to a report by the agency.").claims
    assert [c.speaker_text for c in claims if "bill would pass" in c.content][-1] == "Most senators"


# gender -----------------------------------------------------------------------------------------

def test_first_names_have_a_gender_from_the_packaged_census_lists() -> None:
    lexicon = first_name_genders()
    assert lexicon["ANA"] == "f" and lexicon["TOM"] == "m"
    assert "LESLIE" not in lexicon  # given to both sexes too often to say


@pytest.mark.parametrize("text, who", [
    ("Tom Hale met Maria Lopez on Monday. She said the state would pay for the bridge.", "Maria Lopez"),
    ("Maria Lopez met Tom Hale on Monday. He said the state would pay for the bridge.", "Tom Hale"),
])
def test_a_pronoun_agrees_with_the_gender_of_a_first_name(nlp, text: str, who: str) -> None:
    r = read_text(text)
    assert name_of(r, claim_with(r, "would pay")) == who


# salience ---------------------------------------------------------------------------------------

def test_the_subject_of_a_later_sentence_takes_over_from_the_last_speaker(nlp) -> None:
    r = read_text("Tom Hale said the bridge was safe. On Tuesday, Mark Lane toured the site. "
                  "He said it was not.")
    assert name_of(r, claim_with(r, "it was not")) == "Mark Lane"


def test_a_person_named_in_the_last_speakers_words_does_not_take_over(nlp) -> None:
    r = read_text("Tom Hale said that Mark Lane was wrong about the bridge. He said the bridge was safe.")
    assert name_of(r, claim_with(r, "bridge was safe")) == "Tom Hale"


@pytest.mark.parametrize("text, speaker", [
    ("Part of the trouble at the port, say engineers like Tom Reed, is the silt itself.", "engineers like Tom Reed"),
    ("The cause of the delay, said Ana Ruiz, a port official, would be clear by May.", "Ana Ruiz"),
])
def test_an_inverted_cue_set_off_by_commas_inside_its_content(nlp, text: str, speaker: str) -> None:
    (claim,) = read_text(text).claims
    assert claim.speaker_text == speaker
    assert claim.content.startswith(text.split(",")[0]) and claim.content.endswith(text.rstrip(".")[-8:])


# a dateline whose place is a city in capitals and its state or country ------------------------

@pytest.mark.parametrize("text, speaker", [
    ("Ferry line reopens.\n\nMARLOW, Vermont - The harbour council on Monday predicted a quiet "
     "season for the ferry line.", "The harbour council"),
    ("Ferry line reopens.\n\nDUNMORE, Penn. - Mayor Ana Ruiz late on Friday announced that the "
     "ferry would run again in May.", "Mayor Ana Ruiz"),
])
def test_a_dateline_with_a_state_or_country_is_not_the_speaker(nlp, text: str, speaker: str) -> None:
    claims = [c for c in read_text(text).claims if c.cue != ":"]
    assert claims, "no claim found"
    assert all(c.speaker_text.startswith(speaker) for c in claims), [c.speaker_text for c in claims]
    assert all(text.split(",")[0].split()[-1] not in c.speaker_text for c in claims)


# a quotation whose own cue comes after it is that cue's ---------------------------------------

def test_a_quotation_with_its_own_trailing_cue_is_not_the_claim_before_it(nlp) -> None:
    text = ("The harbour council on Monday urged the ferry company to do more. ''There should be a "
            "boat every hour in the summer,'' said Tom Reed, the council's spokesman.")
    r = read_text(text)
    quote = "There should be a boat every hour"
    holders = [c for c in r.claims if quote in text[c.span[0]:c.span[1]]]
    assert [c.speaker_text for c in holders] == ["Tom Reed"], [(c.speaker_text, c.content) for c in r.claims]
    urged = [c for c in r.claims if c.cue == "urged"]
    assert urged and all("do more" in c.content for c in urged)


def test_a_quotation_inside_a_nested_attribution_stays_in_the_outer_claim(nlp) -> None:
    text = "Ana Ruiz said Tom Reed told her, ''The ferry will run again in May.''"
    r = read_text(text)
    outer = [c for c in r.claims if c.speaker_text == "Ana Ruiz"]
    assert outer and "will run again" in text[outer[0].span[0]:outer[0].span[1]]


# what a document just put out says is its issuer's ---------------------------------------------

@pytest.mark.parametrize("text, speaker, cue", [
    ("Senator Ana Ruiz has released a web video that accuses the mayor of wasting money on the ferry.",
     "Senator Ana Ruiz", "accuses"),
    ("The Harbour Gazette recently ran a piece that noted the ferry had lost money for ten years.",
     "The Harbour Gazette", "noted"),
    ("The union is releasing a new radio ad that urges voters in Marlow to reject the port plan.",
     "The union", "urges"),
])
def test_the_issuer_of_a_document_speaks_for_what_it_says(nlp, text: str, speaker: str, cue: str) -> None:
    r = read_text(text)
    said = [c for c in r.claims if c.cue == cue]
    assert said and all(c.speaker_text == speaker for c in said), [(c.speaker_text, c.cue) for c in r.claims]


def test_a_relative_pronoun_for_a_person_stays_the_speaker(nlp) -> None:
    r = read_text("The council heard from Tom Reed, who said the ferry had lost money for ten years.")
    (claim,) = [c for c in r.claims if "lost money" in c.content]
    assert claim.speaker_text == "who" and name_of(r, claim) == "Tom Reed"


# a participle cue after a subordinate clause goes with the clause that holds it -----------------

@pytest.mark.parametrize("text, speaker, cue", [
    ("Ana Ruiz was adamant that she and the council keep the upper hand, telling the builders they "
     "would not have to move first.", "Ana Ruiz", "telling"),
    ("Tom Reed said the old bridge has kept the town safe for years before claiming that the ferry "
     "plan was a waste of money.", "Tom Reed", "claiming"),
])
def test_a_participle_cue_after_a_that_clause_is_the_main_subjects(nlp, text: str, speaker: str, cue: str) -> None:
    said = [c for c in read_text(text).claims if c.cue == cue]
    assert said and all(c.speaker_text == speaker for c in said), [(c.speaker_text, c.cue) for c in said]


def test_a_participle_cue_of_the_main_clause_keeps_its_subject(nlp) -> None:
    said = [c for c in read_text("The mayor said the builder left the site on Friday, saying the work "
                                 "was done.").claims if c.cue == "saying"]
    assert said and said[0].speaker_text == "The mayor"
