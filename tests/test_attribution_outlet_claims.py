"""A newspaper, a network or a report that carries another's words makes a claim of its own
beside the inner one (issue 8, speakers through nested claims); a news agency stays a link of
the chain only. And "As X reported, …" attributes the clause it is set beside.
Every text here is written for these tests."""

from __future__ import annotations

import pytest

from dateline.analyze import analyze
from dateline.analyze.attribution.quotes import paragraph_spans
from dateline.model import Reading, Source


def read(text: str):
    reading = Reading(id="t", source=Source(), text=text, published="2025-03-04",
                      paragraphs=paragraph_spans(text, None))
    return next(analyze([reading]))


def claims_of(text: str) -> list[dict]:
    r = read(text)
    assert r.error is None
    out = []
    for c in r.claims:
        d = c.to_dict()
        # offsets for everything found
        assert text[d["cue_span"][0]:d["cue_span"][1]] == d["cue"]
        assert text[d["speaker_span"][0]:d["speaker_span"][1]] == d["speaker_text"]
        out.append(d)
    return out


def by_speaker(claims: list[dict], words: str) -> dict:
    found = [c for c in claims if c["speaker_text"] == words]
    assert len(found) == 1, [(c["speaker_text"], c["cue"], c["content"]) for c in claims]
    return found[0]


def test_a_newspaper_reporting_what_someone_said_is_its_own_claim_and_the_inner_one_is_kept(nlp) -> None:
    text = "The Daily Planet reported that the senator said she would run for governor next year."
    claims = claims_of(text)
    assert len(claims) == 2
    outer = by_speaker(claims, "The Daily Planet")
    assert outer["cue"] == "reported"
    assert outer["content"] == "the senator said she would run for governor next year"
    assert outer["source_kind"] == "organisation"
    assert outer["channel"]["kind"] == "report"
    inner = by_speaker(claims, "the senator")
    assert inner["content"] == "she would run for governor next year"
    assert inner["via"] == ["Daily Planet"]  # the inner claim's chain as before


def test_a_trailing_outlet_holds_the_whole_sentence_before_it(nlp) -> None:
    claims = claims_of("The harbour master said the pier would close in May, the Valley Herald reported.")
    outer = by_speaker(claims, "the Valley Herald")
    assert outer["content"] == "The harbour master said the pier would close in May"
    inner = by_speaker(claims, "The harbour master")
    assert inner["content"] == "the pier would close in May"
    assert "Valley Herald" in inner["via"]


@pytest.mark.parametrize("text", [
    "The harbour master said the pier would close in May, state media reported.",
    "The harbour master said the pier would close in May, the state news agency said.",
])
def test_a_news_agency_that_carries_the_words_is_only_in_the_chain(nlp, text: str) -> None:
    claims = claims_of(text)
    assert [c["speaker_text"] for c in claims] == ["The harbour master"]
    assert claims[0]["content"] == "the pier would close in May"


def test_a_report_named_inside_the_words_it_would_carry_is_no_claim(nlp) -> None:
    claims = claims_of("The inspector said she saw no evidence in the report that the pumps had failed "
                       "before the storm.")
    assert [c["speaker_text"] for c in claims] == ["The inspector"]


@pytest.mark.parametrize("text,speaker,cue,content", [
    ("As the Valley Herald reported on Tuesday, the mayor will resign next week.",
     "the Valley Herald", "reported", "the mayor will resign next week"),
    ("Of course, as the treasurer noted, the budget is three months late.",
     "the treasurer", "noted", "the budget is three months late"),
    ("The ferry will stop running in winter, as the harbour master told the council.",
     "the harbour master", "told", "The ferry will stop running in winter"),
    ("The new bridge, as the engineer put it, is a gamble on the weather.",
     "the engineer", "put", "The new bridge, as the engineer put it, is a gamble on the weather"),
    ("As the treasurer has pointed out, the harbour cannot reopen before spring.",
     "the treasurer", "pointed", "the harbour cannot reopen before spring"),
    ("The ferry may not survive the winter, as the latest accounts show.",
     "the latest accounts", "show", "The ferry may not survive the winter"),
])
def test_an_as_clause_of_speech_attributes_the_clause_beside_it(nlp, text, speaker, cue, content) -> None:
    c = by_speaker(claims_of(text), speaker)
    assert c["cue"] == cue
    assert c["content"] == content
    assert c["kind"] == "indirect"


def test_an_as_clause_before_a_colon_attributes_the_quotation(nlp) -> None:
    text = 'The pier is closing, as the harbour master wrote: "We have no money left for repairs this year."'
    claims = claims_of(text)
    holding = [c for c in claims if "no money left" in c["content"]]
    assert len(holding) == 1, claims
    assert holding[0]["speaker_text"] == "the harbour master" and holding[0]["cue"] == "wrote"
    assert holding[0]["kind"] == "direct"


def test_whom_an_as_clause_told_is_the_addressee(nlp) -> None:
    c = by_speaker(claims_of("The ferry will stop running in winter, as the harbour master told the council."),
                   "the harbour master")
    assert c["addressee_text"] == "the council"


@pytest.mark.parametrize("text,clause", [
    ("As the mayor spoke about the budget, protesters gathered outside the hall.", "protesters gathered"),
    ("As I said last week, the budget is three months late.", "the budget is"),
    ("As it turned out, the budget was three months late.", "the budget was"),
    ("Prices rose just as fast as the treasurer said.", "Prices rose"),
    ("As the treasurer pointed to the map, the crowd fell silent.", "the crowd fell"),
])
def test_an_as_clause_that_says_something_or_compares_attributes_nothing_beside_it(nlp, text, clause) -> None:
    claims = claims_of(text)
    assert not any(clause in c["content"] for c in claims), [(c["speaker_text"], c["content"]) for c in claims]


def test_according_to_inside_a_quotation_is_the_quoted_speakers_words(nlp) -> None:
    claims = claims_of('"It is all according to the age groups," said Hale, a retired teacher.')
    assert [c["cue"] for c in claims] == ["said"]


def test_according_to_that_opens_a_reported_clause_holds_only_that_clause(nlp) -> None:
    claims = claims_of("The auditor reported that, according to an analysis of the records, most of the "
                       "meetings were with donors.")
    c = next(c for c in claims if c["cue"] == "according to")
    assert c["speaker_text"] == "an analysis of the records"
    assert c["content"] == "most of the meetings were with donors"


def test_a_government_agency_reporting_what_was_found_is_a_claim_a_news_agency_is_not(nlp) -> None:
    claims = claims_of("The agency reported that the inspector said the pumps had failed.")
    assert sorted(c["speaker_text"] for c in claims) == ["The agency", "the inspector"]
    claims = claims_of("The inspector said the pumps had failed, the Harbour news agency reported.")
    assert [c["speaker_text"] for c in claims] == ["The inspector"]
