"""Claims: kinds, speakers, cues, addressees, source chains and dates, on the project's own
fixture articles (tests/fixtures/attribution/) and on the shared seed page when present."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from dateline.analyze import analyze, analyze_one
from dateline.analyze.quotes import find_quotes
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
