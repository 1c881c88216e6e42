"""Attribution as issue 8 widens it: typed claims, source kinds, channels and chains, gender in
coreference, the learned cue model, and text that must not slow it down. Every text here is
written for these tests."""

from __future__ import annotations

import json

import pytest

import dateline
from dateline.analyze import analyze
from dateline.analyze.attribution.quotes import find_quotes, paragraph_spans
from dateline.model import Claim, Reading, Source


def read_text(text: str, **kw) -> Reading:
    reading = Reading(id="t", source=Source(), text=text, paragraphs=paragraph_spans(text, None), **kw)
    return next(analyze([reading]))


def only(text: str) -> Claim:
    claims = read_text(text).claims
    assert len(claims) == 1, [(c.speaker_text, c.cue, c.content) for c in claims]
    return claims[0]


def name_of(reading: Reading, claim: Claim) -> str | None:
    return next((e.name for e in reading.entities if e.id == claim.speaker), None)


# typed records ----------------------------------------------------------------------------------

def test_claims_and_entities_are_typed_records_with_the_same_json(nlp) -> None:
    r = read_text("Governor Maria Lopez said on Monday that the harbour would reopen in May.",
                  published="2024-03-04")
    c = r.claims[0]
    assert isinstance(c, dateline.Claim) and isinstance(r.entities[0], dateline.Entity)
    assert c.speaker_text == c["speaker_text"] == "Governor Maria Lopez"
    assert c.channel is None and c.source_kind == "person"
    assert json.loads(json.dumps(c)) == c.to_dict()
    data = r.to_dict()
    assert type(data["claims"][0]) is dict and data["claims"][0]["cue"] == "said"
    again = Reading.from_dict(json.loads(json.dumps(data)))
    assert isinstance(again.claims[0], Claim) and again.claims[0].content == c.content
    assert again.to_dict() == data
    with pytest.raises(AttributeError):
        _ = c.no_such_field


def test_public_errors_at_the_package_root() -> None:
    for name in ("StoreError", "StoreFull", "ExportError", "ModelMissing", "NotText"):
        assert issubclass(getattr(dateline, name), Exception)


# source kinds and channels -------------------------------------------------------------------------

@pytest.mark.parametrize("text,kind", [
    ("Mayor Tom Hale said the bridge would reopen in June.", "person"),
    ("The harbour authority said the bridge would reopen in June.", "organisation"),
    ("Critics say the toll is far too high for daily commuters.", "group"),
    ("The engineering report found that the bridge deck was badly corroded.", "document"),
    ("A senior official, who asked not to be named, said the bridge would reopen in June.", "anonymous"),
    ("People familiar with the talks said the deal was close.", "anonymous"),
    ("The growers' association said the harvest was late.", "organisation"),
    ("Exporters said the port delays had cost them dearly.", "group"),
])
def test_source_kind(nlp, text: str, kind: str) -> None:
    assert only(text).source_kind == kind


@pytest.mark.parametrize("text,kind,outlet,platform", [
    ("Senator Ana Ruiz said in a statement that the bill would fail.", "statement", None, None),
    ("The governor told the BBC in an interview that the talks had stalled.", "interview", "BBC", None),
    ("Mayor Tom Hale tweeted that the bridge would reopen on Friday.", "social post", None, "Twitter"),
    ("The minister wrote on Weibo that the border would stay open.", "social post", None, "Weibo"),
    ("Kim told reporters at a news conference that he would not resign.", "news conference", None, None),
    ("The union wrote in a letter to members that the strike would go on.", "letter", None, None),
    ("The company said in a court filing that the contract was void.", "filing", None, None),
])
def test_channel(nlp, text, kind, outlet, platform) -> None:
    c = only(text)
    assert c.channel is not None, c
    assert (c.channel.kind, c.channel.outlet, c.channel.platform) == (kind, outlet, platform)


def test_the_channels_outlet_leads_the_chain(nlp) -> None:
    text = ("SEOUL (Reuters) - The defence minister told the Lakeside Times in an interview that the "
            "drills would continue, Yonhap news agency reported.")
    r = read_text(text)
    c = next(c for c in r.claims if c.cue == "told")
    assert c.channel.kind == "interview" and c.channel.outlet == "Lakeside Times"
    assert c.via[0] == "Lakeside Times" and "Yonhap" in c.via
    assert c.via.index("Lakeside Times") < c.via.index("Yonhap")


def test_no_channel_when_none_is_named(nlp) -> None:
    assert only("The mayor said the bridge would reopen in June.").channel is None


# coreference -----------------------------------------------------------------------------------

def test_pronouns_agree_in_gender_and_skip_the_addressee(nlp) -> None:
    r = read_text("Mayor Tom Hale met Senator Ana Ruiz on Monday. Hale said his city would pay its "
                  "share. She said the state would cover the rest.")
    she = next(c for c in r.claims if c.speaker_text == "She")
    assert name_of(r, she) == "Ana Ruiz"
    r = read_text("Ms. Ana Ruiz spoke after Tom Hale. She told Hale that he had to act quickly.")
    told = next(c for c in r.claims if c.cue == "told")
    assert name_of(r, told) == "Ana Ruiz"


def test_an_organisation_is_never_he_or_she(nlp) -> None:
    r = read_text("The Harbour Board met on Tuesday. He said the ferries would run again.")
    assert all(name_of(r, c) != "The Harbour Board" for c in r.claims)


# quotes ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chuck Lane was blunt. “Do you want the harbour closed for good?“ he asked.",
    "The mayor said ‘‘we will rebuild the whole bridge by winter.’’",
    "The mayor said ``we will rebuild the whole bridge by winter.''",
])
def test_odd_closing_marks_close_a_quote(nlp, text: str) -> None:
    quotes = find_quotes(text)
    assert len(quotes) == 1 and quotes[0].closed
    claims = read_text(text).claims
    assert [c.kind for c in claims] == ["direct"]


def test_two_apostrophes_open_a_quote_as_well_as_close_it(nlp) -> None:
    text = ("''The ferry will not run this winter,'' recalled Ines Moreau, the harbour master. "
            "''We had no crew and no fuel.''\n\n''And the bridge?'' a reporter asked.")
    quotes = find_quotes(text)
    assert [text[q.inner[0]:q.inner[1]] for q in quotes] == [
        "The ferry will not run this winter,", "We had no crew and no fuel.", "And the bridge?"]
    first = read_text(text).claims[0]
    assert first.kind == "direct" and first.speaker_text == "Ines Moreau"
    assert len(first.quotes) == 2  # the split quote carries on past the attribution
    # a closing pair after a curly opening mark is still a closing mark
    assert len(find_quotes("She said “the ferry is late'' and left.")) == 1


def test_a_quote_after_a_cue_that_ends_its_sentence(nlp) -> None:
    r = read_text('Emphasizing the cost, the mayor said, "We cannot pay for another bridge. The city '
                  'is out of money and the state will not help."')
    c = only('The mayor said in a statement. "We cannot pay for another bridge this year."')
    assert c.kind == "direct" and c.content.startswith("We cannot pay")
    direct = [c for c in r.claims if c.cue == "said"]
    assert direct[0].kind == "direct" and "state will not help" in direct[0].content


def test_a_quote_with_no_cue_belongs_to_the_paragraphs_last_speaker(nlp) -> None:
    r = read_text("Maria Lopez said the harbour would reopen. She spoke at the quay. "
                  '"We have waited long enough for this and the boats are ready."')
    quoted = [c for c in r.claims if c.kind == "direct"]
    assert quoted and name_of(r, quoted[0]) == "Maria Lopez"


@pytest.mark.parametrize("text,speaker,cue", [
    ('"Where will the money for the new bridge come from?" Councillor Ruth Amsel wondered.', "Councillor Ruth Amsel", "wondered"),
    ('"We have waited far too long for this road to be mended," the harbour pilots grumbled.', "the harbour pilots", "grumbled"),
    ('"Nobody told us a thing about the closure of the ferry," fumed Dana Whitcombe.', "Dana Whitcombe", "fumed"),
])
def test_any_verb_right_after_a_quote_is_its_cue(nlp, text, speaker, cue) -> None:
    c = only(text)
    assert (c.kind, c.speaker_text, c.cue) == ("direct", speaker, cue)
    assert c.content.startswith(text[1:12])


def test_a_quote_that_ends_its_sentence_is_not_cued_by_the_next_verb(nlp) -> None:
    r = read_text('The port board met on Monday. "The dredging of the channel is finished." '
                  "The engineer smiled and walked out.")
    assert not [c for c in r.claims if c.cue in ("smiled", "walked")]


def test_a_quote_carries_on_past_the_rest_of_its_attributions_sentence(nlp) -> None:
    r = read_text('"This is a strange race for the harbour board," Jane Ortez said, looking out at the '
                  'dozens of voters who had come to the breakfast in the old mill hall. "You know how '
                  'strange it is? I am going to win the seat."')
    direct = [c for c in r.claims if c.kind == "direct"]
    assert len(direct) == 1 and "I am going to win the seat" in direct[0].content


def test_a_split_quote_after_an_adjunct_of_the_cue(nlp) -> None:
    r = read_text('"You have to be able to adapt," he said of the plan, "whether you are a builder or '
                  'a teacher or a nurse on the ward."')
    (c,) = [c for c in r.claims if c.kind == "direct"]
    assert c.content.startswith("You have to") and "nurse on the ward" in c.content


def test_transcript_lines_are_their_labelled_speakers_words(nlp) -> None:
    r = read_text("The two campaigns traded blows on the morning show.\n\n"
                  "KATE ORTIZ: Why not hold another debate in the city before the vote?\n\n"
                  "Joel Marden: This is a man who said he would never run a negative ad.\n\n"
                  "ORTIZ: But you agreed to more debates back in January.\n\n"
                  "UPDATE: The station later put the whole interview on its website.")
    lines = [c for c in r.claims if c.cue == ":"]
    assert [(c.speaker_text, c.kind) for c in lines] == [
        ("KATE ORTIZ", "direct"), ("Joel Marden", "direct"), ("ORTIZ", "direct")]
    assert lines[1].content.startswith("This is a man") and name_of(r, lines[1]) == "Joel Marden"


def test_one_label_in_capitals_is_not_a_transcript(nlp) -> None:
    r = read_text("The harbour reopened on Monday after the storm.\n\n"
                  "WARNING: Some of the pictures below show the damage to the quay.")
    assert not [c for c in r.claims if c.cue == ":"]


def test_a_signature_paragraph_after_a_quote_is_its_speaker(nlp) -> None:
    r = read_text('Readers wrote in after the debate.\n\n"The whole idea of the new bridge is something '
                  'we hear about all the time, and it needs to stop."\n\n-Michelle Parks, Ardmore.\n\n'
                  '"Great speech tonight. She is tested and she is ready."\n\n'
                  "\u2014Mayor Tom Hale, posting after the speech.")
    assert [(c.speaker_text, c.kind) for c in r.claims] == [("Michelle Parks", "direct"), ("Mayor Tom Hale", "direct")]


@pytest.mark.parametrize("text,speaker", [
    ('"The candidates left do not understand the harbour," said Army Capt. Chris Pardon, who '
     "would not vote for either of them.", "Army Capt. Chris Pardon"),
    ('"She should have run from the city," said Jason Gilbert of Cheyenne.', "Jason Gilbert of Cheyenne"),
])
def test_an_inverted_speaker_is_read_whole_up_to_its_comma(nlp, text, speaker) -> None:
    r = read_text(text)
    assert r.claims[0].speaker_text == speaker


def test_a_cue_and_a_colon_ending_a_paragraph_introduce_a_block_quotation(nlp) -> None:
    r = read_text("In the text under the video, Mr. Wallen wrote:\n\n"
                  "I think this prayer is timely, as the harbour board is losing the trust of older "
                  "voters.\n\nThe council met on Friday.")
    block = [c for c in r.claims if c.cue == "wrote"]
    assert len(block) == 1 and block[0].kind == "direct" and block[0].speaker_text == "Mr. Wallen"
    assert block[0].content.startswith("I think this prayer") and "council met" not in block[0].content


def test_a_list_after_a_colon_is_no_block_quotation(nlp) -> None:
    r = read_text("The council listed three demands:\n\nMore buses on the night routes, a new bridge "
                  "over the river and lower rents in the old town.")
    assert not [c for c in r.claims if c.kind == "direct"]


# the learned cue model -------------------------------------------------------------------------

def test_the_cue_model_ships_with_the_package_and_knows_what_it_was_trained_on() -> None:
    from dateline.analyze.attribution import cue_model

    m = cue_model.model()
    assert m["trained_on"]["corpus"].startswith("PolNeAR") and m["weights"]
    assert 0 < m["threshold"] < 1


# bad input -------------------------------------------------------------------------------------

def test_a_quote_that_never_closes(nlp) -> None:
    text = 'The mayor said "the bridge will reopen. ' + "Tom Hale said the harbour is open. " * 40
    r = read_text(text)
    assert r.error is None and r.claims


def test_five_hundred_quotations(nlp) -> None:
    text = '"We will rebuild the harbour wall this year," the mayor said. ' * 500
    r = read_text(text)
    assert r.error is None and len(r.claims) == 500


def test_a_sentence_of_five_thousand_words(nlp) -> None:
    text = "The mayor said that " + " and ".join(["the council agreed"] * 1660) + "."
    r = read_text(text)
    assert r.error is None and r.claims


def test_lookups_by_position_agree_with_a_scan() -> None:
    """Quotes, paragraphs and claimed spans are looked up by bisection (a long article must
    cost no more per paragraph than a short one: bench/long_text.py measures it); each look-up
    gives what a scan of the whole list gives."""
    import random

    from dateline.analyze.attribution.parse import _para_of
    from dateline.analyze.attribution.quotes import (Covered, _quote_around, _quote_before, _quote_ending,
                                                     _quote_starting, _quotes_in)

    rnd = random.Random(5)
    words = ["said", "the", "minister", "“We", "will", "go,”", '"No"', "'maybe'", "plan.", "\n\n", "he"]
    for _ in range(40):
        text = " ".join(rnd.choice(words) for _ in range(120))
        paras = paragraph_spans(text, None)
        quotes = find_quotes(text, paras)
        plain = list(quotes)
        assert [q.span for q in quotes] == sorted(q.span for q in quotes)
        for pos in range(0, len(text), 7):
            assert _quote_around(quotes, pos) is _quote_around(plain, pos)
            assert _quote_starting(quotes, pos) is _quote_starting(plain, pos)
            assert _quote_before(quotes, text, pos) is _quote_before(plain, text, pos)
            assert _quote_ending(quotes, pos, pos + 3) is _quote_ending(plain, pos, pos + 3)
            assert _quotes_in(quotes, (pos, pos + 40)) == _quotes_in(plain, (pos, pos + 40))
            assert _para_of(paras, pos) == _para_of(list(paras), pos)
        spans = [(a, a + rnd.randint(1, 60)) for a in (rnd.randrange(len(text)) for _ in range(30))]
        covered = Covered(spans)
        for pos in range(0, len(text), 5):
            near = covered.near(pos, pos + 10)
            assert {sp for sp in spans if sp[0] < pos + 10 and sp[1] > pos} <= set(near)


def test_two_copies_of_a_wire_story_date_a_statement_alike(nlp) -> None:
    from dateline.model import Dateline

    text = ("Governor Maria Lopez said on Monday that the harbour would reopen in May. "
            "She said on Tuesday that the ferries would run again.")
    dates = []
    for published in ("2024-03-06", "2024-03-07"):  # the same wire copy, carried a day apart
        r = read_text(text, published=published, dateline=Dateline(place="PORT ALDER", agency="AP",
                                                                   date="2024-03-06"))
        dates.append([c.said_on for c in r.claims])
    assert dates[0] == dates[1] == ["2024-03-04", "2024-03-05"]


def test_reported_speech_about_the_coming_days_keeps_its_future(nlp) -> None:
    r = read_text("Maria Lopez said on Monday she would meet the unions on Friday.", published="2024-03-06")
    assert r.claims[0].said_on == "2024-03-04"


def test_the_store_keeps_source_kind_and_channel(nlp, tmp_path) -> None:
    corpus = dateline.Corpus(str(tmp_path / "news.db"))
    reading = read_text("Mayor Tom Hale said in a statement that the bridge would reopen on Friday. "
                        "A senior official, who asked not to be named, said the toll would stay.",
                        published="2024-03-04")
    corpus.add([reading])
    rows = corpus.claims(speaker="Tom Hale")
    assert rows and rows[0]["source_kind"] == "person"
    assert rows[0]["channel"] == {"kind": "statement", "outlet": None, "platform": None}


# participles after a first cue --------------------------------------------------------------------

def test_a_participle_after_a_trailing_cue_takes_the_quote_after_it(nlp) -> None:
    text = ('"The pumps failed twice," Director Ana Ruiz said on Friday, adding, '
            '"We will replace every one of them before the rains."')
    claims = read_text(text).claims
    by_cue = {c.cue: c for c in claims}
    assert by_cue["said"].content.startswith("The pumps failed twice")
    assert by_cue["adding"].content.startswith("We will replace every one")
    assert "pumps" not in by_cue["adding"].content
    assert by_cue["adding"].speaker_text == by_cue["said"].speaker_text


def test_a_gerund_after_by_speaks_for_the_subject_of_its_verb(nlp) -> None:
    r = read_text('The treasurer defended the levy by saying, "Nobody else has offered to pay for the '
                  'bridge."')
    c = next(c for c in r.claims if c.cue == "saying")
    assert c.speaker_text == "The treasurer" and c.kind == "direct"
    assert c.content.startswith("Nobody else has offered")
    # "without saying" reports no words
    r = read_text("The treasurer left the hall without saying whether the levy would stay.")
    assert not any(c.cue == "saying" for c in r.claims)


def test_a_participle_after_a_quote_and_its_cue_reports_what_follows_it(nlp) -> None:
    r = read_text('The levy is "a disgrace," Councillor Omar Haddad said on Tuesday, noting the plan '
                  '"would shut three libraries."')
    noting = next(c for c in r.claims if c.cue == "noting")
    assert noting.content.startswith("the plan") and "disgrace" not in noting.content
    assert noting.speaker_text == "Councillor Omar Haddad"
    r = read_text('"The tunnel is safe," Haddad told reporters, before insisting he had "full support" '
                  'from the engineers.')
    insisting = next(c for c in r.claims if c.cue == "insisting")
    assert insisting.content.startswith("he had") and insisting.speaker_text == "Haddad"


def test_an_omission_ends_where_the_next_verb_of_its_subject_begins(nlp) -> None:
    r = read_text('Haddad did not mention the tunnel by name, but told his voters, "we will finish what '
                  'we started this year."')
    omission = next(c for c in r.claims if c.kind == "omission")
    assert omission.content == "the tunnel by name"
    told = next(c for c in r.claims if c.cue == "told")
    assert told.kind == "direct" and told.content.startswith("we will finish")
    assert told.addressee_text == "his voters"


def test_a_cue_set_off_by_commas_inside_its_content_takes_the_whole_sentence(nlp) -> None:
    for text, cue, speaker in [
        ("The trouble, the historian writes, began in the early 1970s with a fight over the docks.",
         "writes", "the historian"),
        ("Ferry fares, Councillor Haddad noted, have not risen since the harbour opened.",
         "noted", "Councillor Haddad"),
        ("If the vote fails, the mayor suggested in a letter, the tunnel will close for a year.",
         "suggested", "the mayor"),
    ]:
        c = only(text)
        assert (c.cue, c.speaker_text, c.kind) == (cue, speaker, "indirect")
        assert c.content.startswith(text.split(",")[0]) and c.content.endswith(text.rstrip(".")[-12:])
    # a clause before the cue is its content, and what follows the second comma a setting
    c = only("The harbour will reopen in May, the mayor said, after a winter of repairs.")
    assert c.content == "The harbour will reopen in May"


def test_a_verb_never_seen_as_a_cue_with_a_that_clause_is_one_for_a_speaker_only(nlp) -> None:
    c = only("On Monday the mayor groused that the ferry company had ignored all of her letters.")
    assert (c.cue, c.speaker_text) == ("groused", "the mayor")
    assert c.content.startswith("that the ferry company")
    assert not read_text("The flood ensured that the coast road stayed closed for a week.").claims


def test_an_aside_between_dashes_does_not_end_the_content(nlp) -> None:
    c = only("She is the councillor who has pledged to ban all lorries — several hundred a day at "
             "the peak — from crossing the old bridge.")
    assert c.cue == "pledged" and c.content.endswith("from crossing the old bridge")
    r = read_text("Haddad, who denies the charge — first made in March — has refused to resign.")
    denies = next(c for c in r.claims if c.cue == "denies")
    assert denies.content == "the charge"


def test_a_quote_after_a_cue_and_a_show_title_carries_on_the_claim(nlp) -> None:
    r = read_text('"I have always expected to be questioned," Haddad said on "Harbour Hour." "But being '
                  'questioned and being lied about are different things."')
    assert len(r.claims) == 1
    c = r.claims[0]
    assert c.kind == "direct" and len(c.quotes) == 2 and c.content.endswith("different things.")


def test_a_headline_that_names_its_source_before_a_colon_is_an_attribution(nlp) -> None:
    r = read_text("Harbour Poll: Mayor Leads Challenger by Nine Points\n\nThe vote is on Sunday.")
    c = r.claims[0]
    assert (c.speaker_text, c.cue, c.kind) == ("Harbour Poll", ":", "indirect")
    assert c.content == "Mayor Leads Challenger by Nine Points" and c.source_kind == "document"
    r = read_text("Maria Lopez to Voters: The Bridge Will Reopen in May\n\nMaria Lopez spoke in Faro.")
    assert r.claims[0].speaker_text == "Maria Lopez" and r.claims[0].content.startswith("The Bridge")
    # a label that names no one, and a line that is a sentence of the body, are not sources
    for text in ("Big Win For Ferries: Union Holds Off On Its Endorsement\n\nThe vote is on Sunday.",
                 "Live Updates: Storm Hits the Coast Overnight\n\nThe storm came at night.",
                 "The harbour was quiet. Its rule: no boats after dark on a Sunday.\n\nThe vote is on Sunday."):
        assert not [c for c in read_text(text).claims if c.cue == ":"], text


def test_a_statement_announced_with_a_colon_is_the_main_subjects_with_its_verb(nlp) -> None:
    r = read_text("When the old ferryman died in 1998, President Lopez released the following "
                  "statement:\n\n“We offer our deepest sympathy to his family and to the harbour.”")
    assert len(r.claims) == 1, [(c.cue, c.content) for c in r.claims]
    c = r.claims[0]
    assert (c.speaker_text, c.cue, c.kind) == ("President Lopez", "released", "direct")
    assert c.content.startswith("We offer our deepest sympathy")


def test_a_dateline_after_the_headline_is_no_speaker(nlp) -> None:
    r = read_text("Party Apologises to Lopez.\n\nFARO, July 25 (UPI) — The Harbour Party released a statement "
                  "on Monday saying it regretted the leaked emails.")
    saying = next(c for c in r.claims if c.cue == "saying")
    assert saying.speaker_text == "The Harbour Party"
    r = read_text("Lopez swipes at Reed over ferries.\n\nLisbon (AFP) – Democrat Maria Lopez has taken a swipe at "
                  "her rival's stance on ferries, saying that “bombastic comments” do more harm than good.")
    assert next(c for c in r.claims if c.cue == "saying").speaker_text == "Democrat Maria Lopez"
    # a transcript's capitalised labels are speakers, not places
    r = read_text("BENENSON: I think the mayor will win the harbour vote.\n\nORTIZ: I think she will lose it.")
    assert [c.speaker_text for c in r.claims] == ["BENENSON", "ORTIZ"]


def test_a_document_put_out_is_no_claim_without_what_it_says(nlp) -> None:
    assert not read_text("The harbour board released a statement on Tuesday.").claims
    assert not read_text("On Sunday, Councillor Haddad posted a video.").claims
    c = only("The harbour board released a report showing that the bridge was unsafe.")
    assert c.content.startswith("a report showing that the bridge")
    c = only('The harbour board released a statement calling the closure "regrettable but necessary."')
    assert "regrettable" in c.content


def test_a_possessive_does_not_cut_an_addressee_or_a_named_object(nlp) -> None:
    c = only("The mayor told the agency's staff that the bridge would close in May.")
    assert c.content == "the bridge would close in May" and c.addressee_text == "the agency's staff"
    c = only("The campaign called the agency's report a “rush to judgment” on Friday.")
    assert c.content.startswith("the agency's report")
    c = only("Sen. Mark Lane (R-Ohio), a ferry owner, called the levy “abhorrent” in a post.")
    assert c.speaker_text == "Sen. Mark Lane (R-Ohio)"


def test_a_verb_of_appearance_judges_its_whole_clause_with_no_source_in_the_sentence(nlp) -> None:
    c = only("By the end of the week the new toll plan seemed doomed to fail in the council.")
    assert c.cue == "seemed" and c.speaker is None and c.speaker_text is None
    assert c.content.startswith("the new toll plan seemed doomed")
    c = only("Harbour traffic, until the storm, appeared immune to the slump.")
    assert c.content.startswith("Harbour traffic") and c.speaker_text is None
    # a person who seems to do or think something is the source of it, as with any cue
    c = only("Mayor Ada Quist seemed to blame the port authority for the delays.")
    assert c.speaker_text == "Mayor Ada Quist" and "blame the port authority" in c.content
    # appearing somewhere is no judgement
    assert read_text("Mayor Ada Quist appeared before reporters at the town hall on Monday.").claims == []


def test_the_subject_nearest_the_verb_speaks_when_an_opening_phrase_is_misparsed(nlp) -> None:
    r = read_text("Speaking at a town hall event in Dover, New Hampshire, Lena Ortiz went after her rival, "
                  "calling him “a total stiff.”")
    assert [c.speaker_text for c in r.claims] == ["Lena Ortiz"]


def test_an_editors_standing_note_is_no_reporting_but_a_correction_keeps_its_claims(nlp) -> None:
    body = "The harbour master said the pier would reopen in May.\n\n"
    r = read_text(body + "Editor’s note: Jo Blake is a longtime critic who has repeatedly pledged to close the port.")
    assert [c.speaker_text for c in r.claims] == ["The harbour master"]
    r = read_text(body + "Editor's Note: An article on Monday misstated what the council said. "
                  "The council said the pier would stay shut.")
    assert "The council" in [c.speaker_text for c in r.claims]


def test_a_cue_that_is_also_a_channel_word_names_no_channel_as_a_verb(nlp) -> None:
    shown = only("Figures released on Monday show that exports fell for a third month.")
    assert shown.cue == "show" and shown.channel is None
    aired = only("The senator said on his radio show that the bill would pass.")
    assert aired.channel is not None and aired.channel.kind == "broadcast"
