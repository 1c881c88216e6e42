"""Events: PLOVER types with actors, recipients, dates, places, negation, hypotheticals and the
claims that assert them, on the project's own sentences, and the shared seed page when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.analyze import analyze, analyze_one
from dateline.model import Reading, Source

SAT = "2024-11-30"


def read(nlp, text: str, published: str | None = SAT) -> Reading:
    r = Reading(id="t", source=Source(), text=text, published=published, paragraphs=[(0, len(text))])
    return analyze_one(r, nlp(text))


def name(r: Reading, eid: str | None) -> str | None:
    return next((e["name"] for e in r.entities if e["id"] == eid), None)


def event(r: Reading, typ: str) -> dict:
    found = [e for e in r.events if e["type"] == typ]
    assert found, (typ, [(e["type"], e["trigger"]) for e in r.events])
    return found[0]


def test_meeting_is_consult_with_actor_recipient_and_date(nlp) -> None:
    r = read(nlp, "Foreign Minister Anna Berg met Chinese Premier Li Wei in Oslo on Friday.")
    ev = event(r, "CONSULT")
    assert name(r, ev["actor"]) == "Anna Berg" and name(r, ev["recipient"]) == "Li Wei"
    assert ev["when"] == "2024-11-29"
    assert name(r, ev["where"]) == "Oslo"
    assert not ev["negated"] and not ev["hypothetical"] and ev["asserted_by"] is None


def test_signing_is_agree_with_month(nlp) -> None:
    r = read(nlp, "Portugal signed a trade agreement with Brazil in June.")
    ev = event(r, "AGREE")
    assert name(r, ev["actor"]) == "Portugal" and name(r, ev["recipient"]) == "Brazil"
    assert ev["when"] == "2024-06"
    assert len([e for e in r.events if e["type"] == "AGREE"]) == 1  # the verb and its noun are one


def test_passive_attack_takes_the_agent_as_actor(nlp) -> None:
    r = read(nlp, "The village was attacked by rebels on Tuesday.")
    ev = event(r, "ASSAULT")
    assert ev["actor_text"] == "rebels" and ev["recipient_text"] == "The village"
    assert ev["when"] == "2024-11-26"


def test_light_verb_gives_the_noun_its_actor(nlp) -> None:
    r = read(nlp, "The European Union imposed sanctions on Iran last week.")
    ev = event(r, "SANCTION")
    assert name(r, ev["actor"]) == "European Union" and name(r, ev["recipient"]) == "Iran"
    assert ev["when"] == "2024-W47"


def test_lifting_sanctions_is_a_concession(nlp) -> None:
    r = read(nlp, "Washington lifted sanctions on Venezuela.")
    assert event(r, "CONCEDE")["trigger"].startswith("lifted")
    assert not [e for e in r.events if e["type"] == "SANCTION"]


def test_negated_and_hypothetical_events(nlp) -> None:
    r = read(nlp, "Egypt did not condemn the raid.")
    assert event(r, "ACCUSE")["negated"] is True
    r = read(nlp, "Turkey threatened to invade northern Syria.")
    threat, invasion = event(r, "THREATEN"), event(r, "ASSAULT")
    assert name(r, threat["actor"]) == "Turkey" and not threat["hypothetical"]
    assert invasion["hypothetical"] is True and name(r, invasion["actor"]) == "Turkey"


def test_refusal_is_a_rejection(nlp) -> None:
    r = read(nlp, "The government would not release the prisoners.")
    ev = event(r, "REJECT")
    assert ev["mode"] == "refusal" and ev["negated"] is True


def test_commitment_to_visit_is_also_agree(nlp) -> None:
    r = read(nlp, "Japan said it will send aid to the Philippines.")
    assert event(r, "AID")["hypothetical"] is True
    assert event(r, "AGREE")["mode"] == "commitment"


def test_event_inside_reported_words_is_asserted_by_the_claim(nlp) -> None:
    r = read(nlp, 'President Omar Haddad said on Monday that rebels attacked the northern town of Kadra.')
    ev = event(r, "ASSAULT")
    claim = next(c for c in r.claims if c["id"] == ev["asserted_by"])
    assert name(r, claim["speaker"]) == "Omar Haddad"


def test_demand_in_reported_words_is_a_request_by_the_speaker(nlp) -> None:
    r = read(nlp, "Chancellor Maria Vogel said Serbia must withdraw its troops.")
    ev = event(r, "REQUEST")
    assert name(r, ev["actor"]) == "Maria Vogel" and ev["recipient_text"] == "Serbia"


def test_ordinary_sentences_have_no_events(nlp) -> None:
    r = read(nlp, "The weather was mild and the shops stayed open until late. A press release followed.")
    assert r.events == []


def test_events_have_ids_and_spans_in_the_text(nlp) -> None:
    r = read(nlp, "Police arrested two activists. Troops withdrew from the city.")
    assert [e["type"] for e in r.events] == ["COERCE", "RETREAT"]
    assert [e["id"] for e in r.events] == ["v1", "v2"]
    for e in r.events:
        s, t = e["span"]
        assert 0 <= s < t <= len(r.text) and e["trigger"] in r.text[s:t]


def test_seed_events(shared: Path) -> None:
    from dateline.extract import extract
    from dateline.ingest import iter_pages

    seed = shared / "corpus" / "seed" / "000_d840bf1a4e4e21ee.txt"
    gold = json.loads(seed.with_suffix(".expected.json").read_text(encoding="utf-8"))
    (r,) = analyze([extract(next(iter_pages([str(seed)])))])
    names = {e["id"]: e["name"].lower() for e in r.entities}
    for g in gold["events"]:
        want = {a.lower() for a in g["actors"]}
        hits = [e for e in r.events if e["type"] == g["type"] and e["when"] == g["when"]
                and {names.get(x) for x in [*e["actors"], e["recipient"]] if x} >= want]
        assert hits, (g, r.events)
