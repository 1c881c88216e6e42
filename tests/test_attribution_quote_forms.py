"""Quoted attributions that issue 8's seventh round reads: a quote closed by a full stop before
the next sentence's cue, verbs of the voice, names before a colon, clauses without "that" after
a strict cue, and more. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from dateline.analyze import analyze
from dateline.analyze.attribution.quotes import paragraph_spans
from dateline.model import Reading, Source


def claims_of(text: str):
    reading = Reading(id="t", source=Source(), text=text, paragraphs=paragraph_spans(text, None))
    r = next(analyze([reading]))
    return [(c.cue, c.speaker_text, text[c.span[0]:c.span[1]]) for c in r.claims]


def test_a_quote_closed_by_a_full_stop_is_not_the_next_sentences_content(nlp) -> None:
    got = claims_of("Jim Cole called Tom Reed “unhinged.” Senator Ann Hale called the remark “crude and false.”")
    hale = [c for c in got if c[1] == "Senator Ann Hale"]
    assert len(hale) == 1 and "crude and false" in hale[0][2] and "unhinged" not in hale[0][2], got


def test_a_quote_closed_by_a_full_stop_before_a_bare_cue_is_still_its_content(nlp) -> None:
    got = claims_of("“We will win the whole county this time.” Hale said on Monday.")
    assert any(spk == "Hale" and "win the whole county" in content for _, spk, content in got), got


@pytest.mark.parametrize("text,cue,words", [
    ("Protesters interrupted her speech on Monday, shouting “she wins, we lose!”", "shouting", "she wins"),
    ("He waved the sign around, mouthing “thank you” toward the crowd.", "mouthing", "thank you"),
    ("This is why the aides cannot just point their fingers and cry “but they are cheats!”", "cry", "cheats"),
])
def test_verbs_of_the_voice_take_a_quotation(nlp, text, cue, words) -> None:
    got = claims_of(text)
    assert any(c == cue and words in content for c, _, content in got), got


def test_a_verb_of_the_voice_without_a_quotation_is_no_claim(nlp) -> None:
    got = claims_of("The judge has the final say on the case, and the senators are still crying foul.")
    assert not any(c == "crying" for c, _, _ in got), got


def test_names_right_before_a_colon_speak_the_quotation_after_it(nlp) -> None:
    got = claims_of("The polls moved late in the race. More from Hale and Reed: “Data collected by our firm "
                    "helps confirm that both issues were in play for the caucuses this year.”")
    assert any(c == ":" and spk == "Hale and Reed" and content.startswith("Data collected") for c, spk, content in got), got


@pytest.mark.parametrize("text,cue,content", [
    ("Hale decried the plan to close the port, noting the mayor has “sacrificed nothing” for the town he "
     "wants to lead.", "noting", "the mayor has “sacrificed nothing” for the town he wants to lead"),
    ("The senator praised the bill on Monday, adding the vote was “long overdue” for the farmers.",
     "adding", "the vote was “long overdue” for the farmers"),
])
def test_a_strict_cue_takes_a_clause_without_that(nlp, text, cue, content) -> None:
    got = claims_of(text)
    assert any(c == cue and got_content == content for c, _, got_content in got), got
    first = next(got_content for c, _, got_content in got if c != cue)
    assert cue not in first, got  # the first cue's content ends where the second cue begins


def test_a_subject_hung_on_the_name_before_it_still_speaks(nlp) -> None:
    # the parser reads "the … candidate" as an apposition of the last host and leaves "stated"
    # without a subject
    got = claims_of("In an interview with Evening Star hosts Tom Reed and Mika Hale, the Democratic presidential "
                    "candidate stated that the plan’s “cruel” cuts do not “fit with what I knew of him.”")
    assert any(c == "stated" and spk == "the Democratic presidential candidate" and content.startswith("the plan")
               for c, spk, content in got), got


def test_referred_to_someone_as_something_keeps_what_they_were_called(nlp) -> None:
    got = claims_of("Speaking on Monday in Ohio, Hale referred to Reed as “a bright, charming leader” but described "
                    "his record as a “work in progress.”")
    assert any(c == "referred" and content == "to Reed as “a bright, charming leader”" for c, _, content in got), got


def test_referring_a_question_on_is_no_claim(nlp) -> None:
    got = claims_of("The governor referred questions to the police department.")
    assert not any(c == "referred" for c, _, _ in got), got


@pytest.mark.parametrize("text", [
    "“We will win,” Senator Jeff Cole said as he opened the session.",
    "The senator said when the reporter asked him a question about the vote.",
])
def test_a_clause_of_time_after_a_cue_is_not_its_content(nlp, text) -> None:
    got = claims_of(text)
    assert not any(c == "said" and content.startswith(("as ", "when ")) for c, _, content in got), got


def test_a_clause_of_time_before_the_content_keeps_it(nlp) -> None:
    got = claims_of("The mayor said when she was young she had wanted to be a judge.")
    assert any(c == "said" and "wanted to be a judge" in content for c, _, content in got), got


def test_a_document_named_before_a_colon_speaks_the_quotation_in_the_next_paragraph(nlp) -> None:
    got = claims_of('The mayor spoke to the council on Monday night.\n\nTranscript as follows:\n\n'
                    '"Tonight we arrived in the city, and we went to a small cafe. We thought we could sneak in.\n\n'
                    '"When we walked in, people started to cheer."')
    assert any(c == ":" and spk == "Transcript" and content.startswith("Tonight we arrived") for c, spk, content in got), got


def test_a_digest_item_is_the_words_of_the_outlet_credited_in_brackets(nlp) -> None:
    text = ("EBOLA SURVIVORS, THROUGH THE LENS “It is about giving agency to towns that never had a way to tell "
            "their own story.” [Daily Post.]\n\nWHAT COULD HALT THE DISEASE Stopping the swelling may be the key "
            "to fighting it. [Wire.]")
    got = claims_of(text)
    assert [(c, spk) for c, spk, content in got if content.startswith("It is about")] == [("[", "Daily Post")], got
    assert not any(spk == "Wire" for _, spk, _ in got), got  # no quotation: a summary, not the outlet's words


def test_a_quotation_in_prose_before_a_bracketed_note_is_no_digest_item(nlp) -> None:
    got = claims_of("The mayor was asked about the plan and the vote “that will decide the fate of the harbour.” [Update.]")
    assert not any(c == "[" for c, _, _ in got), got


def test_a_quotation_that_opens_inside_a_reported_clause_is_the_rest_of_that_claim(nlp) -> None:
    got = claims_of('The pastor, who proclaimed that farmers fleeing the valley "cannot come into this town" '
                    'but traders from the coast "can come in so easily," spoke on Sunday.')
    said = [content for c, _, content in got if c == "proclaimed"]
    assert len(said) == 1 and said[0].startswith("farmers fleeing") and "cannot come into this town" in said[0], got


def test_a_quotation_that_opens_a_sentence_after_a_reported_claim_stays_its_own(nlp) -> None:
    got = claims_of('The mayor said the plan would cost too much. "We cannot pay for it, and we will not."')
    said = [content for c, _, content in got if c == "said"]
    assert any(content.startswith("the plan") and "We cannot" not in content for content in said), got
    assert any(content.startswith("We cannot pay") for content in said), got
