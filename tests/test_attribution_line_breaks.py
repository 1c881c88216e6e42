"""Issue 8, eighth round: a single line break before a capital ends a sentence (unless the text
wraps its lines), and the quoted and precision classes of this round. Every text here is
written for these tests."""

from __future__ import annotations

from dateline.analyze import analyze
from dateline.analyze import nlp as nlp_module
from dateline.analyze.attribution.quotes import paragraph_spans
from dateline.model import Reading, Source


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def claims_of(text: str):
    reading = Reading(id="t", source=Source(), text=text, paragraphs=paragraph_spans(text, None))
    r = next(analyze([reading]))
    return [(c.cue, c.speaker_text, text[c.span[0]:c.span[1]]) for c in r.claims]


def test_a_line_break_before_a_capital_starts_a_sentence(nlp) -> None:
    got = sentences(nlp, "Crowds lined up at the county hall before the doors opened \n"
                         "Hale, standing on a chair, said the count would run late.")
    assert got[0] == "Crowds lined up at the county hall before the doors opened", got
    assert got[1].startswith("Hale, standing on a chair"), got


def test_a_line_break_before_an_opening_quote_and_a_capital_starts_a_sentence(nlp) -> None:
    got = sentences(nlp, "Photo of the rally on the quay\n“We are staying,” Reed said.")
    assert got == ["Photo of the rally on the quay", "“We are staying,” Reed said."], got


def test_a_line_break_before_a_lower_case_word_joins_the_lines(nlp) -> None:
    got = sentences(nlp, "The committee decided on Friday that the\nbridge would stay shut until spring.")
    assert len(got) == 1, got


def test_a_text_that_wraps_its_lines_keeps_names_inside_its_sentences(nlp) -> None:
    text = ("The minister told reporters at the port that\nthe ferry would run again once\n"
            "Mayor Tom Reed had signed the order, and that\nthe harbour staff would be paid.")
    assert nlp_module._wraps_lines(text)
    got = sentences(nlp, text)
    assert len(got) == 1, got


def test_a_text_with_line_breaks_only_between_sentences_does_not_wrap() -> None:
    assert not nlp_module._wraps_lines("A heading of the page\nThe first sentence.\nThe second one.")


def test_the_claim_after_a_line_break_has_its_own_speaker(nlp) -> None:
    got = claims_of("Voters queued for hours at the first polling stations \n"
                    "Hale, speaking in Dover, said on Tuesday that the turnout was the highest in years.")
    assert any(spk == "Hale" and content.startswith("the turnout was") for _, spk, content in got), got


def test_the_next_sentence_quoted_after_a_cue_goes_on_the_same_claim(nlp) -> None:
    text = ("“I think the mayor will do fine. I think he will do great things,” she said, showing off "
            "the “Save Our Pier” hat his campaign had given her. “I have backed him since the start.”")
    got = claims_of(text)
    assert len(got) == 1, got
    cue, speaker, content = got[0]
    assert cue == "said" and "do fine" in content and "since the start" in content, got


def test_a_quote_inside_the_cues_sentence_is_not_taken_as_the_next_one(nlp) -> None:
    # the second quotation sits inside the sentence of the cue: it is no continuation of the
    # first claim, whatever the parse makes of it
    text = ("“The port is ours,” the board said, reasoning that the town had "
            "“paid for every plank of it.”")
    got = claims_of(text)
    first = [content for cue, _, content in got if "port is ours" in content]
    assert first and "every plank" not in first[0], got


def test_a_noun_phrase_content_keeps_the_rest_of_its_clause(nlp) -> None:
    # the parser hangs "against …" and "in support of …" on the verb, not on its object
    got = claims_of("The mayor was defending the harbour board against recent attacks from the ferry company.")
    assert any(cue == "defending" and content.endswith("attacks from the ferry company") for cue, _, content in got), got
    got = claims_of("He recalled Reed's generosity in support of a food bank in the town.")
    assert any(cue == "recalled" and content.endswith("food bank in the town") for cue, _, content in got), got


def test_a_noun_phrase_content_stops_at_a_comma(nlp) -> None:
    got = claims_of("The mayor was defending the harbour board, in a long speech on Friday.")
    assert not any("long speech" in content for _, _, content in got), got


def test_what_a_sign_reads_is_a_quotation_of_it(nlp) -> None:
    got = claims_of("He held up the sign, which read “Farmers for Reed,” and waved it around.")
    assert any(cue == "read" and "Farmers for Reed" in content for cue, _, content in got), got



def test_a_verb_before_a_colon_and_the_colon_make_one_claim(nlp) -> None:
    got = claims_of('The week before, Hale had said of Reed: "The question is whether he will rally behind the nominee."')
    held = [cue for cue, _, content in got if "rally behind the nominee" in content]
    assert held == ["said"], got
