"""Claims: kinds, speakers, cues, addressees, source chains and dates, on the project's own
fixture articles (tests/fixtures/attribution/) and on the shared seed page when present."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from dateline.analyze import analyze, analyze_one
from dateline.analyze.attribution.quotes import find_quotes
from dateline.analyze.timex import resolve_date
from dateline.model import Byline, Dateline, Reading, Source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attribution"
ARTICLES = sorted(FIXTURES.glob("*.json"))


def reading_of(data: dict) -> Reading:
    text, paras = "", []
    for p in data["paragraphs"]:
        if text:
            text += "\n\n"
        paras.append((len(text), len(text) + len(p)))
        text += p
    return Reading(
        id=data.get("id", "fixture"), source=Source(), text=text, paragraphs=paras,
        title=data.get("title"), published=data.get("published"),
        dateline=Dateline(**data["dateline"]) if data.get("dateline") else None,
        byline=Byline(**data.get("byline", {})), agencies=data.get("agencies", []),
    )


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def overlap(gold: str, pred: str) -> float:
    g, p = words(gold), words(pred)
    if not g:
        return 0.0
    pool = list(p)
    hit = 0
    for w in g:
        if w in pool:
            pool.remove(w)
            hit += 1
    return hit / len(g) * min(1.0, len(g) / max(len(p), 1) * 1.25)


def names(reading: Reading) -> dict[str, str]:
    return {e["id"]: e["name"] for e in reading.entities}


def find_claim(reading: Reading, gold: dict) -> dict:
    best = max(reading.claims, key=lambda c: overlap(gold["content"], c["content"]), default=None)
    assert best is not None and overlap(gold["content"], best["content"]) >= 0.8, (
        f"no claim for {gold['content']!r} in {[c['content'] for c in reading.claims]}")
    return best


def check_claim(reading: Reading, gold: dict) -> None:
    claim = find_claim(reading, gold)
    who = names(reading).get(claim["speaker"]) if claim["speaker"] else None
    assert (who or "").lower() == (gold["speaker"] or "").lower(), (gold["content"], who)
    assert claim["kind"] == gold["kind"], (gold["content"], claim["kind"])
    for key in ("cue", "via", "said_on", "reported_on", "speaker_text", "addressee_text"):
        if key in gold:
            assert claim[key] == gold[key], (gold["content"], key, claim[key])
    if "quotes" in gold:
        assert len(claim["quotes"]) == gold["quotes"], (gold["content"], claim["quotes"])
    if claim["span"] is not None:
        s, e = claim["span"]
        assert 0 <= s < e <= len(reading.text)
        if claim["kind"] in ("indirect", "mixed", "omission"):
            assert reading.text[s:e] == claim["content"] or claim["kind"] == "mixed"
    if claim.get("speaker_span"):
        s, e = claim["speaker_span"]
        assert reading.text[s:e] == claim["speaker_text"]


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_fixture_article(nlp, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    reading = next(analyze([reading_of(data)]))
    assert reading.error is None
    for gold in data["expect"]:
        check_claim(reading, gold)
    assert len(reading.claims) == len(data["expect"]), [c["content"] for c in reading.claims]
    by_name = {e["name"]: e["id"] for e in reading.entities}
    speakers = {c["speaker"] for c in reading.claims}
    for name in data.get("never_speakers", []):
        eid = by_name.get(name) or next((e["id"] for e in reading.entities if e.get("agency") == name), None)
        assert eid is None or eid not in speakers, name


def test_seed_page(nlp, shared: Path) -> None:
    from dateline.extract import extract
    from dateline.ingest import iter_pages

    seed = shared / "corpus" / "seed" / "000_d840bf1a4e4e21ee.txt"
    gold = json.loads(seed.with_suffix(".expected.json").read_text(encoding="utf-8"))
    reading = next(analyze([extract(next(iter_pages([str(seed)])))]))
    assert reading.error is None
    id_of = names(reading)
    for g in gold["claims"]:
        claim = find_claim(reading, {"content": g["text"]})
        assert id_of.get(claim["speaker"], "").lower() == g["speaker"].lower()
        assert claim["kind"] == g["kind"]
        if "cue" in g:
            assert claim["cue"] == g["cue"]
        if "via" in g:
            assert claim["via"] == g["via"]
        if "reported_on" in g:
            assert claim["reported_on"] == g["reported_on"]
        if "addressee" in g:
            assert id_of.get(claim["addressee"]) == g["addressee"]
    for g in gold["omissions"]:
        claim = find_claim(reading, {"content": g["text"]})
        assert claim["kind"] == "omission"
        ent = next(e for e in reading.entities if e["id"] == claim["speaker"])
        assert g["source"] in [ent["name"], *ent["aliases"]]
    assert len(reading.claims) == len(gold["claims"]) + len(gold["omissions"])
    banned = {e["id"] for e in reading.entities
              if e["name"] in gold["claims_must_not_have_speaker"] or e.get("agency") in gold["claims_must_not_have_speaker"]}
    assert banned and not banned & {c["speaker"] for c in reading.claims}


def article(text: str, **kw) -> Reading:
    return next(analyze([reading_of({"paragraphs": text.split("\n\n"), "published": "2025-05-16", **kw})]))


@pytest.mark.parametrize("text,kind,cue", [
    ('The senator said the budget was "a disgrace" and would fail.', "mixed", "said"),
    ('"The budget is a disgrace and it will fail," the senator said.', "direct", "said"),
    ("The senator said the budget would fail in the House.", "indirect", "said"),
    ("The senator insisted that the budget would fail in the House.", "indirect", "insisted"),
    ("The budget would fail in the House, the senator warned on Thursday.", "indirect", "warned"),
    ("The senator urged colleagues to reject the budget before the recess.", "indirect", "urged"),
    ("The senator declined to comment on the budget vote.", "omission", "declined to comment on"),
])
def test_kinds_and_cues(nlp, text: str, kind: str, cue: str) -> None:
    reading = article(text)
    assert [(c["kind"], c["cue"]) for c in reading.claims] == [(kind, cue)]


def test_said_on_resolves_weekday_against_publication(nlp) -> None:
    reading = article("The budget would fail in the House, the senator warned on Thursday.")
    assert reading.claims[0]["said_on"] == "2025-05-15"  # published on a Friday


def test_addressee_and_pronoun(nlp) -> None:
    reading = article("Governor Lena Marsh met Mayor Tom Hale on Tuesday.\n\n"
                      "She told Hale that the state would pay for the new bridge.")
    (claim,) = reading.claims
    ids = names(reading)
    assert ids[claim["speaker"]] == "Lena Marsh"
    assert ids[claim["addressee"]] == "Tom Hale"
    assert claim["speaker_text"] == "She"


def test_text_without_claims_has_none(nlp) -> None:
    reading = article("Heavy rain fell across the region on Tuesday. Several roads were closed.")
    assert reading.error is None and reading.claims == []


@pytest.mark.parametrize("text", [
    '"', '“““', '»«', "''''", '"a" "b" "c', "He said: «", "said said said.", "according to",
    "\n\n\n", "“Unclosed\n\nand “again\n\n”", "' ' ' '", "— — —", ": :", "A" * 500,
    'He said, "', "made no mention of", '"A," he said, "', "‘’‘’’’", "x\u2028y\u00a0z said",
])
def test_odd_text_never_raises(nlp, text: str) -> None:
    reading = article(text)
    assert reading.error is None, reading.error
    for c in reading.claims:
        if c["span"]:
            assert 0 <= c["span"][0] <= c["span"][1] <= len(reading.text)


def test_random_quote_soup_never_raises(nlp) -> None:
    rnd = random.Random(7)
    pieces = ['"', "“", "”", "«", "»", "'", "‘", "’", "``", "''", " said ", " he ", " told ", ", ",
              ": ", " — ", "\n\n", "Kim ", "according to ", "the minister ", ". "]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 60))) for _ in range(40)]
    readings = list(analyze([reading_of({"paragraphs": t.split("\n\n")}) for t in texts]))
    assert [r.error for r in readings] == [None] * len(texts)


def test_one_failure_does_not_stop_the_batch(nlp, monkeypatch) -> None:
    from dateline.analyze import attribution

    real = attribution.attribute

    def flaky(doc, reading, entities):
        if "boom" in reading.text:
            raise ValueError("boom")
        return real(doc, reading, entities)

    monkeypatch.setattr(attribution, "attribute", flaky)
    texts = ["Kim said the talks would go on.", "boom said the talks.", "Lee said the vote was fair."]
    out = list(analyze([reading_of({"paragraphs": [t]}) for t in texts]))
    assert [r.error is None for r in out] == [True, False, True]
    assert out[1].error.stage == "analyze" and "boom" in out[1].error.message
    assert out[0].claims and out[2].claims


def test_readings_with_errors_pass_through_untouched(nlp) -> None:
    from dateline.model import Error

    r = reading_of({"paragraphs": ["Kim said the talks would go on."]})
    r.error = Error("extract", "no body")
    (out,) = analyze([r])
    assert out.claims == [] and out.error.stage == "extract"


def test_analyze_one_parses_when_not_given_a_doc(nlp) -> None:
    r = analyze_one(reading_of({"paragraphs": ["Kim said the talks would go on."]}))
    assert r.claims and r.claims[0]["cue"] == "said"


# quotes, no parsing -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,inner", [
    ('He said "go now" today.', ["go now"]),
    ("He said “go now” today.", ["go now"]),
    ("He said «go now» today.", ["go now"]),
    ("He said ``go now'' today.", ["go now"]),
    ("He said 'go now' today.", ["go now"]),
    ("He said ‘don’t go now’ today.", ["don’t go now"]),
    ("It's Kim's plan, not the workers' plan.", []),
    ('“A,” he said, “B.”', ["A,", "B."]),
])
def test_quote_marks(text: str, inner: list[str]) -> None:
    assert [text[s:e] for q in find_quotes(text) for s, e in q.parts] == inner


def test_quote_over_paragraphs_is_one_quote() -> None:
    text = '"First part.\n\n"Second part," she said.'
    paras = [(0, 12), (14, len(text))]
    (q,) = find_quotes(text, paras)
    assert [text[s:e] for s, e in q.parts] == ["First part.", "Second part,"] and q.closed


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = '"Never closed here.\n\nA new paragraph "with a quote".'
    paras = [(0, 19), (21, len(text))]
    first, second = find_quotes(text, paras)
    assert not first.closed and first.span == (0, 19)
    assert text[slice(*second.parts[0])] == "with a quote"


# dates, no parsing ------------------------------------------------------------------------------

@pytest.mark.parametrize("expr,anchor,value", [
    ("on Friday", "2024-11-30", "2024-11-29"),
    ("Saturday", "2024-11-30", "2024-11-30"),
    ("last Saturday", "2024-11-30", "2024-11-23"),
    ("yesterday", "2024-11-30T08:15:00Z", "2024-11-29"),
    ("in June", "2024-11-30", "2024-06"),
    ("in December", "2024-11-30", "2023-12"),
    ("Nov. 29", "2024-11-30", "2024-11-29"),
    ("March 3, 2023", "2024-11-30", "2023-03-03"),
    ("on Friday", None, None),
    ("soon", "2024-11-30", None),
])
def test_resolve_date(expr: str, anchor: str | None, value: str | None) -> None:
    assert resolve_date(expr, anchor) == value


# recall cases: trailing cues, parser slips, judgement verbs, nesting ----------------------------

def claims_of(text: str) -> list[dict]:
    return article(text).claims


def only(text: str) -> dict:
    claims = claims_of(text)
    assert len(claims) == 1, [(c["speaker_text"], c["cue"], c["content"]) for c in claims]
    return claims[0]


def test_quote_of_several_sentences_before_its_cue_is_one_claim(nlp) -> None:
    c = only('"The bridge is closed. Nobody told us. We found out on the radio," '
             "the mayor said on Tuesday.")
    assert c["kind"] == "direct" and c["speaker_text"] == "the mayor"
    assert c["content"].startswith("The bridge is closed.") and "on the radio" in c["content"]


def test_quote_after_a_dash_is_the_content_of_the_trailing_cue(nlp) -> None:
    c = only("The chief has changed her account once — “I do remember it now,” she said.")
    assert c["kind"] == "direct" and c["content"].startswith("I do remember it now")


@pytest.mark.parametrize("text,speaker", [
    ('"We are reviewing the letter and will respond," said a city hall spokesman when reached by phone.',
     "a city hall spokesman"),
    ("“A big win for our town,” Mayor Hale tweeted shortly after the council voted on Monday.",
     "Mayor Hale"),
    ("“Stay where you are!” she told them.", "she"),
    ("“The pump never worked with one valve,” Okafor, a former plant engineer, responded.", "Okafor"),
    ('"Nobody at the depot saw the fire until it reached the roof," chief fire investigator and '
     "county arson specialist Dana Whitlow said in a written report.",
     "chief fire investigator and county arson specialist Dana Whitlow"),
])
def test_quote_before_its_cue_whatever_follows(nlp, text: str, speaker: str) -> None:
    c = only(text)
    assert c["kind"] == "direct" and c["speaker_text"] == speaker
    assert c["content"] == re.match(r'^["“](.*?)["”]', text).group(1)


def test_cue_inside_a_quote_does_not_take_the_speaker(nlp) -> None:
    c = only("“I cannot say what the board intended, but I noted that the vote was rushed,” Marsh said.")
    assert c["speaker_text"] == "Marsh" and c["kind"] == "direct"


def test_participle_and_conjoined_cues_keep_the_first_speaker(nlp) -> None:
    claims = claims_of("The governor said the plan had been approved by the board, adding that work "
                       "would start in May.")
    assert [(c["speaker_text"], c["cue"]) for c in claims] == [("The governor", "said"), ("The governor", "adding")]
    assert claims[0]["content"] == "the plan had been approved by the board"
    claims = claims_of("The agency said it saw the ruling as a setback and said it would appeal within a week.")
    assert [c["speaker_text"] for c in claims] == ["The agency", "The agency"]
    assert claims[0]["content"] == "it saw the ruling as a setback"


def test_another_speakers_clause_ends_the_content(nlp) -> None:
    claims = claims_of("The company said it would cooperate with the inquiry, while the regulators "
                       "deny any wrongdoing by their staff.")
    first = next(c for c in claims if c["cue"] == "said")
    assert first["content"] == "it would cooperate with the inquiry"
    assert any(c["cue"] == "deny" and c["speaker_text"] == "the regulators" for c in claims)


def test_a_person_or_a_newspaper_who_relays_another_is_a_speaker_a_news_agency_only_a_conduit(nlp) -> None:
    claims = claims_of("The inspector testified that the contractor said the concrete was poured too early.")
    assert sorted(c["speaker_text"] for c in claims) == ["The inspector", "the contractor"]
    inner = next(c for c in claims if c["speaker_text"] == "the contractor")
    assert inner["content"] == "the concrete was poured too early"
    claims = claims_of("The contractor said the concrete was fine, the local newspaper reported.")
    assert [c["speaker_text"] for c in claims] == ["the local newspaper", "The contractor"]
    assert claims[0]["content"] == "The contractor said the concrete was fine"
    assert claims[1]["via"] == ["the local newspaper"]
    claims = claims_of("The contractor said the concrete was fine, the state news agency reported.")
    assert [c["speaker_text"] for c in claims] == ["The contractor"]


@pytest.mark.parametrize("text,cue", [
    ('The senator described the ruling as "a gift to polluters."', "described"),
    ('The union called the offer an "insult to every nurse on the ward."', "called"),
    ("The union accused the hospital of hiding the staffing reports.", "accused"),
    ("The minister warned of “severe consequences” for any delay.", "warned"),
    ("The council urged an “immediate halt to the demolition work”.", "urged"),
    ("Protesters chanted “Open the gates” and “Pay the workers” as the talks resumed.", "chanted"),
])
def test_judgement_and_request_cues(nlp, text: str, cue: str) -> None:
    c = only(text)
    assert c["cue"] == cue
    assert "as the talks" not in c["content"]


@pytest.mark.parametrize("text", [
    "Fans cheered the team all night.",
    "We should note that the figures are preliminary.",
    "That is less than what the mayor said.",
    "Later in the day, Tom Reyes, a former envoy, testified before the committee.",
    "The mayor addressed the city council on Monday.",
])
def test_no_claim(nlp, text: str) -> None:
    assert claims_of(text) == [], [(c["speaker_text"], c["cue"], c["content"]) for c in claims_of(text)]


@pytest.mark.parametrize("text,cue,speaker,content", [
    ("The senator described the weather on the trip.", "described", "The senator", "the weather"),
    ("He testified about a budget meeting in March.", "testified", "He", "about a budget meeting"),
    ("The council member blasted the transit agency over the late trains.", "blasted", "The council member",
     "the transit agency over the late trains"),
    ("The new survey found that most riders want later buses.", "found", "The new survey",
     "that most riders want later buses"),
    ("Hale believes the harbour can reopen by spring.", "believes", "Hale", "the harbour can reopen by spring"),
    ("The union plans to strike again next month.", "plans", "The union", "to strike again next month"),
])
def test_beliefs_plans_documents_and_noun_phrase_content(nlp, text, cue, speaker, content) -> None:
    c = only(text)
    assert (c["cue"], c["speaker_text"], c["kind"]) == (cue, speaker, "indirect")
    assert c["content"].startswith(content)


def test_relative_clause_speaker_is_the_pronoun_resolved_to_the_noun_before(nlp) -> None:
    text = "Ms. Okoro, who denies the charges, will appear in court on Monday."
    reading = article(text)
    (c,) = reading.claims
    # the source mention is "who", as for a pronoun; the speaker is whom it stands for
    assert c["speaker_text"] == "who" and text[slice(*c["speaker_span"])] == "who"
    assert names(reading)[c["speaker"]].endswith("Okoro") and c["content"] == "the charges"
    assert c["source_kind"] == "person"


def test_that_said_is_not_a_cue(nlp) -> None:
    c = only('That said, the agency says the program "has never been audited."')
    assert c["speaker_text"] == "the agency"


def test_quote_paragraph_after_a_reported_claim_is_the_speakers(nlp) -> None:
    claims = claims_of("Treasury Secretary Paul Okafor said the deal was the best one available.\n\n"
                       '"We pushed as hard as we could. Nobody walked away happy."')
    assert [c["kind"] for c in claims] == ["indirect", "direct"]
    assert claims[1]["speaker_text"] == "Treasury Secretary Paul Okafor"
    assert claims[1]["content"].startswith("We pushed")


def test_addressees_with_modifiers_and_unknown_settings(nlp) -> None:
    c = only("She told cheering supporters that the race was not over.")
    assert c["addressee_text"] == "cheering supporters" and c["content"] == "the race was not over"
    c = only("She told the committee members the plan was dead.")
    assert c["addressee_text"] == "the committee members" and c["content"] == "the plan was dead"
    c = only("The prosecutor said in the filing the evidence was overwhelming.")
    assert c["content"] == "the evidence was overwhelming"
    c = only('The study concluded that, using standard methods, "the cost falls on consumers."')
    assert c["content"].startswith("using standard methods") or c["content"].startswith('"the cost')


def test_sentence_after_a_quote_with_its_own_content_keeps_it(nlp) -> None:
    claims = claims_of('The mayor wrote that "the budget is a fiction." She said the council would '
                       "vote again in June.")
    assert [c["content"] for c in claims][-1] == "the council would vote again in June"
    claims = claims_of('"Nobody asked us what we needed. Nobody asked at all? " she wrote in her letter.')
    assert len(claims) == 1 and claims[0]["content"].startswith("Nobody asked us")


def test_more_speakers_through_parser_slips(nlp) -> None:
    c = only("The commission is frustrated with the phone companies, saying they failed to share "
             "outage maps in time.")
    assert c["speaker_text"] == "The commission" and c["content"].startswith("they failed")
    c = only("The state agency said in a March 3 letter to the carriers that their response was "
             "too slow.")
    assert c["content"] == "their response was too slow"
    assert claims_of("The forecast called for heavy rain and strong winds on the coast.") == []


def test_a_dateline_kept_in_a_clean_body_is_neither_speaker_nor_content(nlp):
    from dateline.extract import extract
    from dateline.model import Page

    body = ("OSLO (Reuters) - Norway accused its neighbour of breaking the fishing accord, the fisheries "
            "ministry said on Tuesday.\n\nThe ministry said trawlers had crossed the line twice.")
    reading = next(analyze([extract(Page(content=body, source=Source(), is_clean=True, published="2025-04-02"))]))
    assert reading.text == body
    assert reading.dateline.span == [0, len("OSLO (Reuters) -")]
    for claim in reading.claims:
        assert claim["span"][0] >= reading.dateline.span[1]
        assert "OSLO" not in (claim["speaker_text"] or "")
    said = [c for c in reading.claims if c["cue"] == "said" and "ministry" in c["speaker_text"]]
    assert said and said[0]["content"].startswith("Norway accused")


def test_a_very_long_text_is_analysed_up_to_a_paragraph_end(nlp, monkeypatch):
    import dateline.analyze as analysis
    from dateline.extract import extract
    from dateline.model import Page

    monkeypatch.setattr(analysis, "MAX_ANALYZED_CHARS", 400)
    para = "The harbour master said the channel would reopen on Monday after the dredgers finish."
    body = "\n\n".join(f"{para} ({i})" for i in range(20))
    reading = next(analyze([extract(Page(content=body, source=Source(), is_clean=True, published="2025-04-02"))]))
    assert reading.text == body  # the reading keeps all its text
    assert reading.error.stage == "analyze" and "only its first" in reading.error.message
    assert reading.claims and all(c["span"][1] <= 400 for c in reading.claims if c.get("span"))


def test_a_page_cut_for_its_size_is_still_analysed(nlp):
    from dateline.model import Error

    text = "The harbour master said the channel would reopen on Monday after the dredgers finish."
    cut = Reading(id="x", source=Source(), text=text, paragraphs=[(0, len(text))], published="2025-04-02",
                  error=Error("extract", "the page is larger than 5,000,000 characters; only its start was read",
                              partial=True))
    reading = next(analyze([cut]))
    assert reading.error.stage == "extract"
    assert reading.claims and reading.claims[0]["cue"] == "said"


def test_the_lead_claim_after_a_kept_dateline_keeps_its_speaker(nlp):
    from dateline.extract import extract
    from dateline.model import Page

    body = "LISBON (Reuters) - Finance Minister Rui Sousa said on Tuesday that the budget would pass."
    reading = next(analyze([extract(Page(content=body, source=Source(), is_clean=True, published="2025-04-02"))]))
    (claim,) = reading.claims
    assert claim["speaker_text"] == "Finance Minister Rui Sousa"
    assert claim["content"] == "the budget would pass"


def test_a_titled_addressee_is_read_whole(nlp):
    reading = next(analyze([reading_of({"paragraphs": ["Reyes told Senator Ann Cole that the count was wrong."]})]))
    (claim,) = reading.claims
    assert claim["addressee_text"] == "Senator Ann Cole"
    assert claim["content"] == "the count was wrong"


def test_a_short_whole_sentence_quote_continues_the_claim(nlp):
    reading = next(analyze([reading_of({"paragraphs": ['"We have the numbers," Reyes said. "It is over."']})]))
    (claim,) = reading.claims
    assert claim["content"].endswith("It is over.")
    assert len(claim["quotes"]) == 2


def claims_in(*paragraphs: str) -> list[dict]:
    return next(analyze([reading_of({"paragraphs": list(paragraphs)})])).claims


def test_a_paragraph_break_always_ends_a_sentence(nlp):
    # the first paragraph ends without a clean full stop; left alone the parser joins it to the
    # next and gives the next paragraph's verb the last one's name as its subject
    claims = claims_in(
        "“The harvest will be late this year,” said Ines Okafor, head of the Valley Growers Union..",
        "Peralta said that the co-operative had “never seen rain like it” in forty years.",
    )
    by_cue = {c["speaker_text"]: c for c in claims}
    assert "Ines Okafor" in by_cue and "Peralta" in by_cue
    assert by_cue["Peralta"]["content"].startswith("the co-operative had")


def test_an_inverted_speaker_read_as_an_object_is_the_speaker(nlp):
    (claim,) = claims_in("“Nobody on the committee saw the figures before the vote,” added another councillor.")
    assert claim["cue"] == "added" and claim["speaker_text"] == "another councillor"
    (claim,) = claims_in("“We asked twice for the report, and it never came,” added Marsh, pointing to the minutes.")[:1]
    assert claim["speaker_text"] == "Marsh"


def test_a_cue_after_a_quote_that_opens_the_next_quote_takes_that_one(nlp):
    claims = claims_in("Waving banners calling the mayor “Mister Potholes,” the marchers chanted “Fix our streets now.”")
    chant = next(c for c in claims if c["cue"] == "chanted")
    assert chant["content"] == "Fix our streets now."


def test_a_one_word_reply_that_opens_its_sentence_is_a_quote(nlp):
    claims = claims_in("Asked which city would host the final, the coach paused. “Lagos,” she answered.")
    assert any(c["cue"] == "answered" and c["content"].startswith("Lagos") for c in claims)


def test_what_a_naming_cue_names_is_part_of_the_content(nlp):
    (claim,) = claims_in("Councillor Brandt called the new parking rules “a tax on shoppers.”")
    assert claim["content"].startswith("the new parking rules")
    assert claim["addressee_text"] in (None, "")


def test_a_quoted_show_title_before_the_speaker_is_not_the_content(nlp):
    (claim,) = claims_in("Appearing on Radio Norte’s “Morning Desk,” Senator Aldana said the tariff would be dropped.")
    assert claim["speaker_text"].endswith("Aldana")
    assert claim["content"] == "the tariff would be dropped"


def test_a_content_that_opens_a_quotation_runs_to_its_closing_mark(nlp):
    (claim,) = claims_in("Osei added that the board had been “warned again and again. Nobody listened, and now we pay.”")
    assert claim["content"].endswith("now we pay.”")


def test_a_speaker_the_parser_hung_on_an_earlier_name_is_found(nlp):
    (claim,) = claims_in(
        "Speaking at a dinner for Maria Lopes, former minister Paulo Reis said the port would reopen in spring.")
    assert "Reis" in claim["speaker_text"]
    assert claim["content"] == "the port would reopen in spring"


def test_a_quoted_title_after_a_speaker_is_nobodys_words(nlp):
    claims = claims_in("“The vote was never close,” Ferreira said in an interview with “Noite Aberta.” “We counted twice.”")
    assert all("Noite Aberta" not in c["content"] for c in claims)
    assert any("We counted twice" in c["content"] for c in claims)


def test_a_naming_cue_in_an_archive_with_doubled_apostrophes(nlp):
    (claim,) = claims_in("The minister called it ''reckless.''")
    assert claim["cue"] == "called" and claim["content"].startswith("it ''reckless")


def test_a_title_in_title_case_is_not_an_orphan_quote(nlp):
    claims = claims_in("Maria Reyes hosts the weekly podcast “Ask The Harbour Master Anything.” It airs on Fridays.")
    assert not any("Harbour Master" in c["content"] for c in claims)
    claims = claims_in("Maria Reyes, the council leader, spoke at length. “We will not accept this plan from the council.”")
    assert any(c["content"].startswith("We will not accept") for c in claims)
