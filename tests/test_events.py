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


def test_signing_is_support_with_month(nlp) -> None:
    # signing a formal agreement is PLOVER SUPPORT (CAMEO 057), a promise is AGREE
    r = read(nlp, "Portugal signed a trade agreement with Brazil in June.")
    ev = event(r, "SUPPORT")
    assert name(r, ev["actor"]) == "Portugal" and name(r, ev["recipient"]) == "Brazil"
    assert ev["when"] == "2024-06"
    assert len(r.events) == 1  # the verb and its noun are one
    assert [e["type"] for e in read(nlp, "Portugal agreed to lower its tariffs.").events] == ["AGREE"]


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
    threat = event(r, "THREATEN")
    assert name(r, threat["actor"]) == "Turkey" and not threat["hypothetical"]
    # the invasion is only threatened: it is what the threat is about, not an event of its own
    assert threat["about"] == "ASSAULT" and threat["recipient_text"] == "northern Syria"
    assert [e["type"] for e in r.events] == ["THREATEN"]


def test_refusal_is_a_rejection(nlp) -> None:
    r = read(nlp, "The government would not release the prisoners.")
    ev = event(r, "REJECT")
    # the refusal took place; what is refused is a release (RETREAT: CAMEO 084)
    assert ev["mode"] == "refusal" and ev["about"] == "RETREAT" and ev["negated"] is False
    assert len(r.events) == 1


def test_commitment_to_send_aid_is_agree(nlp) -> None:
    # PLOVER: aid promised is an AGREE; the aid itself has not been given
    r = read(nlp, "Japan said it will send aid to the Philippines.")
    ev = event(r, "AGREE")
    assert ev["mode"] == "commitment" and ev["about"] == "AID" and not ev["hypothetical"]
    assert name(r, ev["actor"]) == "Japan" and ev["recipient_text"] == "the Philippines"
    assert [e["type"] for e in r.events] == ["AGREE"]


def test_future_visit_is_one_agree(nlp) -> None:
    r = read(nlp, "The Indian foreign minister will visit Nepal in March.")
    assert [(e["type"], e["about"]) for e in r.events] == [("AGREE", "CONSULT")]


def test_future_hostile_act_is_a_threat_even_with_a_condition(nlp) -> None:
    r = read(nlp, "Ghana will close its border with Togo if rebels attack the town.")
    ev = event(r, "THREATEN")
    assert ev["about"] == "SANCTION" and name(r, ev["actor"]) == "Ghana"
    assert not [e for e in r.events if e["type"] == "ASSAULT"]  # the condition did not happen


def test_an_event_told_twice_is_one_event(nlp) -> None:
    r = read(nlp, "Rebels killed 12 soldiers and wounded 30 in an attack on the garrison.")
    assert [e["type"] for e in r.events] == ["ASSAULT"]
    assert r.events[0]["actor_text"] == "Rebels"


def test_rejected_request_is_one_rejection(nlp) -> None:
    r = read(nlp, "Norway rejected a request from Chile to extradite the banker.")
    ev = event(r, "REJECT")
    assert [e["type"] for e in r.events] == ["REJECT"] and ev["about"] == "REQUEST"
    assert name(r, ev["actor"]) == "Norway" and name(r, ev["recipient"]) == "Chile"


def test_background_event_noun_is_left_out(nlp) -> None:
    r = read(nlp, "Police arrested three men on Friday after the bombing of a market.")
    assert [e["type"] for e in r.events] == ["COERCE"]
    assert r.events[0]["about"] is None  # the bombing is when, not what the arrest was about


def test_trailing_attribution_leaves_the_reported_event_main(nlp) -> None:
    r = read(nlp, "Troops shelled the port city on Monday, a rights group charged.")
    main = next(e for e in r.events if e["rank"] == 1)
    assert main["type"] == "ASSAULT" and main["actor_text"] == "Troops"
    assert event(r, "ACCUSE")["rank"] == 2


def test_protest_in_words_is_an_accusation(nlp) -> None:
    r = read(nlp, "The opposition protested that the election had been rigged.")
    assert [e["type"] for e in r.events] == ["ACCUSE"]


def test_every_event_has_a_rank_and_a_confidence(nlp) -> None:
    r = read(nlp, "Police arrested two activists. Troops withdrew from the city. Rebels shelled the port "
                  "on Monday and the army arrested their leader.")
    for e in r.events:
        assert isinstance(e["rank"], int) and e["rank"] >= 1 and 0 < e["confidence"] <= 1
    per_sentence = [[e for e in r.events if lo <= e["trigger_span"][0] < hi]
                    for lo, hi in ((0, 30), (31, 63), (64, len(r.text)))]
    for evs in per_sentence:
        assert [e["rank"] for e in sorted(evs, key=lambda e: e["rank"])] == list(range(1, len(evs) + 1))
        main = min(evs, key=lambda e: e["rank"])
        assert main["confidence"] == max(e["confidence"] for e in evs)
    assert [e["type"] for e in per_sentence[2]] == ["ASSAULT", "COERCE"]


def test_event_inside_reported_words_is_asserted_by_the_claim(nlp) -> None:
    r = read(nlp, 'President Omar Haddad said on Monday that rebels attacked the northern town of Kadra.')
    ev = event(r, "ASSAULT")
    claim = next(c for c in r.claims if c["id"] == ev["asserted_by"])
    assert name(r, claim["speaker"]) == "Omar Haddad"


def test_demand_in_reported_words_is_a_request_by_the_speaker(nlp) -> None:
    r = read(nlp, "Chancellor Maria Vogel said Serbia must withdraw its troops.")
    ev = event(r, "REQUEST")
    assert name(r, ev["actor"]) == "Maria Vogel" and ev["recipient_text"] == "Serbia"
    assert ev["about"] == "RETREAT" and len(r.events) == 1  # the withdrawal is only demanded


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


def test_bench_scores_main_event_apart_from_any_event() -> None:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "events.py"
    spec = importlib.util.spec_from_file_location("bench_events", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = [{"event_current_plover": "AGREE", "actor": [{"actorText": "Chile"}]},
            {"event_current_plover": "ASSAULT", "actor": [{"actorText": "Rebels"}]},
            {"event_current_plover": None}]
    preds = [[("CONSULT", {"chile"}), ("AGREE", {"chile"})],  # found, but not as the main event
             [("ASSAULT", {"army"})],                          # main right, actor wrong
             []]                                               # nothing where nothing happened
    found, main, actor, precision, per = bench.score(rows, preds)
    assert (found, main, actor) == (1.0, 2 / 3, 2 / 3)
    assert precision == 2 / 3 and per == 1.0


def test_events_of_the_title_and_captions(nlp) -> None:
    from dateline.analyze import analyze_one
    from dateline.model import Image, Reading, Source

    text = "Officials in both capitals confirmed the accord on Friday."
    r = Reading(id="t", source=Source(), text=text, published="2024-11-30",
                title="Police arrest 40 protesters in Lagos",
                images=[Image(caption="Demonstrators rally against the new tax in Nairobi on Monday.")])
    analyze_one(r, nlp(text))
    fields = {e["field"]: e for e in r.events if "field" in e}
    assert fields["title"]["type"] == "COERCE" and fields["title"]["actor_text"] == "Police"
    caption = fields["images.0.caption"]
    assert caption["type"] == "PROTEST" and caption["when"] == "2024-11-25"
    s, e = caption["span"]
    assert "rally" in r.images[0].caption[s:e]
    assert len({e["id"] for e in r.events}) == len(r.events)  # ids stay unique across fields


def test_a_second_event_needs_a_clause_of_its_own(nlp) -> None:
    from dateline.analyze.events import find_events

    def types(text):
        doc = nlp(text)
        r = Reading(id="t", source=Source(), text=text, paragraphs=[(0, len(text))])
        return [e["type"] for e in find_events(doc, r, [], [], [])]

    # what the refuser went on to say in the same breath is not a second event
    assert types("The president refused to meet the envoy, saying he would only welcome him at home.") == ["REJECT"]
    # two actors, two clauses: two events
    assert sorted(types("Rebels attacked the convoy and the army arrested 20 men.")) == ["ASSAULT", "COERCE"]


def test_a_show_of_force_needs_forces(nlp) -> None:
    from dateline.analyze.events import find_events

    def types(text):
        r = Reading(id="t", source=Source(), text=text, paragraphs=[(0, len(text))])
        return [e["type"] for e in find_events(nlp(text), r, [], [], [])]

    assert types("The army mobilized 5,000 reservists on the border.") == ["MOBILIZE"]
    assert "MOBILIZE" not in types("The party mobilized pressure groups abroad.")
    assert "MOBILIZE" not in types("The editor stationed a reporter in the capital.")


def test_a_ban_on_political_life_is_repression_a_ban_on_goods_a_sanction(nlp) -> None:
    r = read(nlp, "The president banned opposition parties from the coming election.")
    assert event(r, "COERCE")["trigger"] == "banned"
    r = read(nlp, "The government banned imports of beef from the neighbouring country.")
    assert event(r, "SANCTION")["trigger"] == "banned"
    assert not [e for e in r.events if e["type"] == "COERCE"]


def test_the_deed_helped_is_the_event(nlp) -> None:
    r = read(nlp, "The envoy helped negotiate a truce between the two militias.")
    assert [e["type"] for e in r.events if e["type"] == "AID"] == []
    assert r.events and r.events[0]["type"] in ("CONSULT", "AGREE")
    r = read(nlp, "The agency helped the refugees with food and blankets.")
    assert event(r, "AID")["trigger"] == "helped"


def test_an_aim_with_no_one_doing_it_is_not_an_event(nlp) -> None:
    r = read(nlp, "Activists collected signatures for weeks so that the practice is banned.")
    assert not [e for e in r.events if e["trigger"] == "banned"]
    r = read(nlp, "The army banned the rally so that the square stayed empty.")
    assert event(r, "COERCE")["trigger"] == "banned"


def test_a_hyphened_event_noun_is_one_word(nlp) -> None:
    r = read(nlp, "The rebels declared a cease-fire on Monday.")
    e = event(r, "RETREAT")
    assert r.text[e["trigger_span"][0]:e["trigger_span"][1]] == "cease-fire"
    assert e["actor_text"] == "The rebels"
    r = read(nlp, "Students staged a sit-in at the university.")
    assert r.text[slice(*event(r, "PROTEST")["trigger_span"])] == "sit-in"
    # the later part of a hyphened word is not an event of its own
    r = read(nlp, "The envoy met the king at a pro-government gathering.")
    assert [e["type"] for e in r.events] == ["CONSULT"]


def test_forces_counted_by_the_thousand_are_forces(nlp) -> None:
    assert event(read(nlp, "The army deployed thousands of troops along the border."), "MOBILIZE")["trigger"] == "deployed"
    assert not read(nlp, "The agency deployed hundreds of reporters to the region.").events


def test_lifting_an_emergency_and_exchanging_fire(nlp) -> None:
    assert event(read(nlp, "The government lifted the state of emergency."), "CONCEDE")["trigger"] == "lifted"
    assert event(read(nlp, "The two armies exchanged fire across the border overnight."), "ASSAULT")["trigger"] == "exchanged"
    assert not read(nlp, "The two firms exchanged documents on Monday.").events


def test_actors_of_raised_and_adverbial_clauses(nlp) -> None:
    r = read(nlp, "The leaders are expected to sign an agreement in Rome.")
    assert event(r, "AGREE")["actor_text"] == "The leaders"
    r = read(nlp, "After meeting the king, the envoy flew to Cairo.")
    assert event(r, "CONSULT")["actor_text"] == "the envoy"


def test_destroying_property_is_coercion_and_violence_against_people_assault(nlp) -> None:
    # PLOVER COERCE covers seizing and destroying property (CAMEO 1712); ASSAULT is against people
    for text in ("Militiamen set fire to the offices of the election board overnight, residents said.",
                 "Soldiers demolished twelve homes in the village on Tuesday.",
                 "Rioters set the old mosque ablaze on Friday."):
        assert [e["type"] for e in read(nlp, text).events] == ["COERCE"], text
    for text in ("Rebels set fire to a police patrol, killing four officers.",
                 "The army destroyed three tanks near the border."):
        assert [e["type"] for e in read(nlp, text).events] == ["ASSAULT"], text
    assert read(nlp, "The firm set up a business in the capital.").events == []


def test_who_arrives_decides_the_type(nlp) -> None:
    assert [e["type"] for e in read(nlp, "The first French troops arrived in the capital on Friday.").events] == ["MOBILIZE"]
    assert [e["type"] for e in read(nlp, "A convoy of aid arrived in the besieged town on Monday.").events] == ["AID"]
    assert [e["type"] for e in read(nlp, "The Chinese premier arrived in Oslo on Friday for talks.").events] == ["CONSULT"]


def test_a_hostile_act_held_out_on_a_condition_is_a_threat(nlp) -> None:
    r = read(nlp, "The union may halt its mediation efforts among the parties if the fighting goes on, the envoy said.")
    assert [(e["type"], e["mode"], e["about"]) for e in r.events] == [("THREATEN", "threat", "SANCTION")]
    r = read(nlp, "The council may suspend aid to the province if the talks fail.")
    assert [e["type"] for e in r.events] == ["THREATEN"]
    # without a condition a possible attack stays what it is, marked hypothetical
    ev = read(nlp, "The rebels may attack the city, officials said.").events
    assert [(e["type"], e["hypothetical"]) for e in ev] == [("ASSAULT", True)]
    assert [e["type"] for e in read(nlp, "The government halted aid to the rebels on Monday.").events] == ["SANCTION"]


def types(nlp, text: str) -> list[str]:
    return [e["type"] for e in sorted(read(nlp, text).events, key=lambda e: (e.get("rank", 1), e["trigger_span"][0]))]


@pytest.mark.parametrize("text", [
    "Oil prices declined sharply on Tuesday.",                        # no one does it
    "The storm destroyed hundreds of homes in the valley.",
    "Inflation hit a record high in March.",
    "Twelve people were killed in the earthquake.",
    "The opposition declined to comment on the report.",              # a statement PLOVER leaves out
    "The minister recalled that the border was drawn in 1921.",       # remembering, not a recall
    "The government pressed ahead with its reform plan.",
    "The army executed a plan to retake the bridge.",
    "The central bank froze interest rates for a year.",              # not a freeze of assets
    "The ministry said it shares the concerns of its neighbours.",
    "The president dismissed the defence minister on Monday.",       # firing, not rejecting
    "The operators declined to comment on whether they would seek a court order.",
    "The army refused to say whether it would attack the town.",
])
def test_event_verbs_used_of_no_political_deed_are_no_event(nlp, text: str) -> None:
    assert types(nlp, text) == []


@pytest.mark.parametrize("text,typ", [
    ("The two leaders struck a deal on border trade.", "AGREE"),
    ("The treasury froze the assets of three banks.", "SANCTION"),
    ("Gunmen kidnapped two aid workers near the border.", "ASSAULT"),   # a doubled consonant
    ("Soldiers beat the demonstrators with batons.", "ASSAULT"),
    ("The government declared a state of emergency after the riots.", "COERCE"),
    ("Workers went on strike on Monday.", "PROTEST"),
    # the ontology's own CAMEO tables: releasing people is RETREAT (084), receiving observers
    # RETREAT (0862), surrendering RETREAT (0874), occupying COERCE (192), convicting ACCUSE (116)
    ("The rebels released the hostages after the talks.", "RETREAT"),
    ("The prime minister received a mission of observers from the OSCE.", "RETREAT"),
    ("The rebels surrendered to government forces.", "RETREAT"),
    ("The army occupied the town on Sunday.", "COERCE"),
    ("The court convicted the former minister of fraud.", "ACCUSE"),
    ("Parliament ratified the treaty on Tuesday.", "SUPPORT"),
    # a request for a hostile measure against a third party rallies opposition (CAMEO 113)
    ("The bishop on Sunday called for sanctions against the junta.", "ACCUSE"),
    ("The opposition called on the army to return to barracks.", "REQUEST"),
    # pulling out peacekeepers or envoys is a sanction (CAMEO 161, 1661), pulling out forces a retreat
    ("Eighty peacekeepers were shipped out of the enclave on Friday.", "SANCTION"),
    ("The United States withdrew its ambassador from Syria.", "SANCTION"),
    ("The army withdrew its troops from the border.", "RETREAT"),
    ("The opposition rallied support for the general strike.", "SUPPORT"),
    ("Thousands rallied in the capital on Sunday.", "PROTEST"),
    ("The president gave a warm welcome to the visiting king.", "CONSULT"),
    ("Troops marched into the capital on Sunday.", "MOBILIZE"),
    ("The president dismissed the accusations as lies.", "REJECT"),
])
def test_type_by_the_deed_and_its_object(nlp, text: str, typ: str) -> None:
    assert types(nlp, text)[:1] == [typ]


def test_a_promise_to_let_inspectors_back_is_agree(nlp) -> None:
    assert types(nlp, "Iraq said it would allow the return of weapons inspectors.") == ["AGREE"]


@pytest.mark.parametrize("text,actor", [
    ("A magistrate in Lyon opened a corruption investigation into three mayors, prosecutors said.", "A magistrate"),
    ("Portugal is investigating reports that its soldiers mistreated detainees.", "Portugal"),
    ("The ministry launched a probe into the killings in the border villages.", "The ministry"),
    ("The committee will hold an inquiry into the sale of the port.", "The committee"),
])
def test_an_investigation_is_accuse(nlp, text: str, actor: str) -> None:
    # PLOVER's ACCUSE merges CAMEO's INVESTIGATE (09): investigations of crimes, abuses, corruption
    assert event(read(nlp, text), "ACCUSE")["actor_text"] == actor


def test_investigating_an_accident_or_being_an_investigator_is_no_event(nlp) -> None:
    assert types(nlp, "Police are investigating the cause of the crash.") == []
    assert types(nlp, "Investigators said the fire started in the kitchen.") == []
    # research investigates without accusing anyone; a space probe is a craft
    assert types(nlp, "Scientists are investigating whether the drug slows the disease.") == []
    assert types(nlp, "The study investigated the effects of sugar on children.") == []
    assert types(nlp, "The agency launched a space probe to Mars.") == []


def test_a_complaint_told_after_its_words_is_accuse_where_the_parser_hangs_it_on_a_noun(nlp) -> None:
    # "…, a rights group protested Wednesday": spaCy makes "protested" a clause of "group"
    r = read(nlp, "The city council is failing to protect the homes of Roma families, a rights group protested here Wednesday.")
    ev = event(r, "ACCUSE")
    assert ev["actor_text"] == "a rights group" and ev["trigger"] == "protested"
    assert "PROTEST" not in types(nlp, "The city council is failing to protect the homes of Roma families, a rights group protested here Wednesday.")
    # a reduced relative after an apposition stays what it was: the deal is what was signed
    assert types(nlp, "He opposed the deal, an agreement signed last year.") == ["REJECT"]


@pytest.mark.parametrize("text,actor", [
    ("Rebel gunmen violated the truce on Sunday, the army said.", "Rebel gunmen"),
    ("Government forces breached the cease-fire overnight.", "Government forces"),
    ("Both the army and the rebels are guilty of violating the ceasefire agreement, a monitoring group said.", "the army"),
])
def test_violating_a_ceasefire_is_assault(nlp, text: str, actor: str) -> None:
    # CAMEO 196, "violate ceasefire", is PLOVER ASSAULT; another agreement violated is no attack
    assert event(read(nlp, text), "ASSAULT")["actor_text"] == actor
    assert types(nlp, "The company violated the trade agreement.") == []


@pytest.mark.parametrize("text,typ", [
    ("The Chinese navy held military exercises off the coast on Monday.", "MOBILIZE"),
    ("Iran staged war games near the strait.", "MOBILIZE"),
    ("The army held a drill in the north.", "MOBILIZE"),
    ("Jordan and Britain held joint military exercises.", "COOPERATE"),
    ("Jordan and Britain held military exercises.", "COOPERATE"),
    ("Russia conducted naval drills in the Baltic with Belarus.", "COOPERATE"),
])
def test_one_countrys_exercises_are_mobilize_and_joint_ones_cooperate(nlp, text: str, typ: str) -> None:
    # PLOVER's manual (MOBILIZE): joint military operations are COOPERATE, single-country
    # exercises MOBILIZE
    assert types(nlp, text) == [typ]


def test_a_fire_drill_is_no_event(nlp) -> None:
    assert types(nlp, "The school held a fire drill on Tuesday.") == []


@pytest.mark.parametrize("text", [
    # a doer that is no one, also for the second verb of a pair and for Latin plurals in -us/-is
    "The cyclone flattened villages and cut power to the whole island.",
    "The virus killed four people in the province last week.",
    "Bank shares were hit by fears of a slowdown.",
    # a court striking down a law deals no blow
    "The constitutional court struck down the election law on Monday.",
    # a show called off is no sanction
    "The band cancelled its concert in Kyiv.",
    "Heavy snow forced the organisers to cancel the marathon race.",
    # a forecast is no threat: who warns would not be the one to act, or what is warned of is a hazard
    "Analysts warned that the rebels could take the town within weeks.",
    "The health ministry warned of a third wave of infections this winter.",
    "The central bank warned that the recession would deepen.",
])
def test_surplus_events_of_no_political_deed(nlp, text: str) -> None:
    assert types(nlp, text) == []


@pytest.mark.parametrize("text,typ", [
    # attacking a plan, a record or a decision is words (CAMEO 111, criticize: PLOVER ACCUSE)
    ("The opposition leader attacked the budget as a gift to the banks.", "ACCUSE"),
    ("Critics attacked the government's record on housing.", "ACCUSE"),
    ("The senator hit out at the decision to close the base.", "ACCUSE"),
    # people, places and forces attacked stay ASSAULT; a cancelled visit or a government's warning stays
    ("Rebels attacked the convoy near the border.", "ASSAULT"),
    ("Gunmen attacked the police station in the town.", "ASSAULT"),
    ("The president cancelled his visit to Moscow.", "SANCTION"),
    ("The government warned that it would expel the diplomats.", "THREATEN"),
    ("The storm of protest did not stop the army, which shelled the town and killed six people.", "ASSAULT"),
])
def test_words_against_a_plan_are_accuse_and_deeds_stay(nlp, text: str, typ: str) -> None:
    assert types(nlp, text)[:1] == [typ]


def test_naming_an_attack_a_crime_is_accuse_not_the_attack(nlp) -> None:
    # CAMEO 111/112 (criticize, accuse): the speaker condemns; the attack's doer is someone else
    r = read(nlp, "The foreign minister called the bombing barbaric.")
    assert [e["type"] for e in r.events] == ["ACCUSE"]
    assert r.events[0]["actor_text"] == "The foreign minister"
    assert types(nlp, "The president called the raid an act of terrorism.") == ["ACCUSE"]
    # naming without condemning makes no one the doer of what is named
    assert "AGREE" not in types(nlp, "The envoy called the accord a good start.")
    # "called a strike" is still a strike called
    assert types(nlp, "The teachers' union called a strike for Monday.") == ["PROTEST"]


@pytest.mark.parametrize("text,typ", [
    # a protest made to a government, or lodged with one, is an official complaint (CAMEO 114)
    ("Beijing protested to Tokyo over the visit to the shrine.", "ACCUSE"),
    ("The ministry lodged a protest with the French ambassador.", "ACCUSE"),
    ("Villagers protested with banners outside the mine.", "PROTEST"),
    # released from custody is a release of people held, whoever they are (CAMEO 084)
    ("The former governor was freed from prison on Tuesday.", "RETREAT"),
    ("The two armies exchanged prisoners at the border.", "RETREAT"),
    # receiving a visiting dignitary is hosting a visit (CAMEO 043)
    ("The king received the visiting Turkish president at the palace.", "CONSULT"),
])
def test_complaints_releases_and_visits_by_their_object(nlp, text: str, typ: str) -> None:
    assert types(nlp, text)[:1] == [typ]


def test_a_release_of_results_or_a_letter_received_is_no_event(nlp) -> None:
    assert types(nlp, "The bank released its earnings on Friday.") == []
    assert types(nlp, "The mayor received a letter from residents.") == []


@pytest.mark.parametrize("text,typ", [
    ("North Korea test-fired two ballistic missiles on Friday.", "MOBILIZE"),   # a show of force (CAMEO 15)
    ("Gunmen fired mortars at the base.", "ASSAULT"),
    ("The militia handed over its arms to the army.", "RETREAT"),              # disarming (CAMEO 0871)
    ("The regime handed weapons to its supporters.", "AID"),
    ("Rioters burned flags outside the embassy.", "PROTEST"),                  # violent protest (CAMEO 145)
    ("Soldiers burned the homes of the villagers.", "COERCE"),
    ("The foreign ministry summoned the Chinese ambassador over the arrests.", "ACCUSE"),
    ("The committee summoned the minister to testify.", "REQUEST"),
])
def test_shows_of_force_disarming_and_diplomatic_complaints(nlp, text: str, typ: str) -> None:
    assert types(nlp, text)[:1] == [typ]


def test_naming_verbs_outside_the_lexicon_condemn_too(nlp) -> None:
    assert types(nlp, "The UN described the massacre as genocide.") == ["ACCUSE"]
    assert types(nlp, "The opposition branded the raid a crime.") == ["ACCUSE"]
    # an apposition after a comma is no judgement: the strike is still called by the union
    r = read(nlp, "The union called a strike, the third this year, over pay.")
    assert event(r, "PROTEST")["actor_text"] == "The union"


@pytest.mark.parametrize("text,expected", [
    # asking a question is no request; asking for something is
    ("The senator was asked about the budget on Tuesday.", []),
    ("The host asked the two candidates a simple question about taxes.", []),
    ("Reporters asked the mayor whether he would run again.", []),
    ("She asked the court for more time.", ["REQUEST"]),
    ("The minister asked the rebels to lay down their arms.", ["REQUEST"]),
    # agreeing with a person is an opinion; agreeing on something is an agreement
    ("He agrees with me about almost everything.", []),
    ("The two sides agreed on a ceasefire.", ["AGREE"]),
    # fighting to do something is striving, unless armed men fight
    ("She has fought to keep her seat for twenty years.", []),
    ("Rebels fought to hold the town.", ["ASSAULT"]),
    # demonstrating something is showing it; demonstrating against something is a protest
    ("The results demonstrate that voters are angry.", []),
    ("Thousands demonstrated against the war.", ["PROTEST"]),
    # a candidate's or a market's rally is no protest
    ("Thousands attended a campaign rally for the senator in Ohio.", []),
    ("A stock market rally lifted the mood of traders.", []),
    ("Students held a rally against the tuition rise.", ["PROTEST"]),
    # a contest won by a margin is no beating
    ("Carson beat Clinton by just one point in the poll.", []),
    ("Police beat the protesters.", ["ASSAULT"]),
])
def test_political_news_senses_that_are_no_event(nlp, text: str, expected: list[str]) -> None:
    assert types(nlp, text) == expected


def test_calling_someone_out_is_criticism_calling_out_troops_a_mobilisation(nlp) -> None:
    assert types(nlp, "The senator called out his rival for the remarks.") == ["ACCUSE"]
    assert types(nlp, "The governor called out the National Guard.") == ["MOBILIZE"]


def test_a_forecast_of_what_others_may_do_is_no_threat(nlp) -> None:
    # the warner is not the one who would act: "anger could push the suburbs …"
    assert types(nlp, "Voter anger could push the suburbs toward the challenger, the governor warned on Wednesday.") == []
    # its own forces, another state, a measure: threats
    assert types(nlp, "The army warned that its troops would enter the city.") == ["THREATEN"]
    assert "THREATEN" in types(nlp, "The ministry warned that Iran would pay a heavy price.")


@pytest.mark.parametrize("text,expected", [
    # arguments, contests and outcomes
    ("Party members have argued and been fighting about the war for years.", []),
    ("She is the candidate best placed to beat him in the general election.", []),
    ("An economic upswing could help the governor keep her job.", []),
    ("The ruling threatens to create a headache for the party.", []),
    ("The rebels threatened to attack the town.", ["THREATEN"]),
    # reasoning and recognising
    ("Analysts concluded that the economy would recover.", []),
    ("The two sides concluded an agreement.", ["AGREE"]),
    ("No other passenger recognized the senator on the flight.", []),
    ("Russia recognized the independence of the region.", ["SUPPORT"]),
    # what is abandoned, offered, destroyed, defied or begged without a deed
    ("Voters abandoned their old leaders for a newcomer.", []),
    ("The troops abandoned their positions.", ["RETREAT"]),
    ("The president offered his condolences to the families.", []),
    ("The government offered talks to the rebels.", ["AGREE"]),
    ("The long campaign has destroyed the finances of many donors.", []),
    ("The race has defied the expectations of the pundits.", []),
    ("The blunders begged the question of who was in charge.", []),
    # a culture clash, a candidate's pull, a candidate's rally, the page's furniture
    ("It was a culture clash between students and workers.", []),
    ("Police clashed with protesters.", ["ASSAULT"]),
    ("The senator's blue-collar appeal is strong.", []),
    ("The UN made an appeal for calm.", ["REQUEST"]),
    ("Scenes from Donald Trump's rally in Ohio were shown on television.", []),
    ("Sign up for our newsletter by entering your email.", []),
])
def test_more_political_news_senses_that_are_no_event(nlp, text: str, expected: list[str]) -> None:
    assert types(nlp, text) == expected


def test_one_named_person_attacking_another_is_criticism(nlp) -> None:
    assert types(nlp, "Senator Ted Cruz attacked Marco Rubio over immigration on Thursday.") == ["ACCUSE"]
    assert types(nlp, "Donald Trump unleashed a harsh attack on Ben Carson last night.") == ["ACCUSE"]
    # with a weapon, or by men no one names, it is violence
    assert types(nlp, "A man attacked Mayor John Smith with a knife.") == ["ASSAULT"]
    assert types(nlp, "Gunmen attacked the minister's convoy.") == ["ASSAULT"]


@pytest.mark.parametrize("text,expected", [
    # a message that attacks is words
    ("A new ad out on Monday is hitting the senator for skipping the debate.", ["ACCUSE"]),
    ("The ad could hit the airwaves on Monday.", []),
    ("The governor's attacks on his economic policy could backfire.", ["ACCUSE"]),
    # polls, platforms, letters, admissions, pulls on voters
    ("Fewer than 15 percent of voters approve of his job performance.", []),
    ("The speaker took to the steps of City Hall to assail the senator.", []),
    ("Thousands took to the streets of the capital.", ["PROTEST"]),
    ("He is not a candidate who appeals only to white voters.", []),
    ("The UN appealed to donors for help.", ["REQUEST"]),
    ("Fifty former officials signed an open letter on Monday.", []),
    ("She conceded that she is not a natural politician.", []),
    ("The candidate conceded defeat.", ["CONCEDE"]),
    ("He blasted out a new robocall to voters.", []),
])
def test_campaign_news_words_polls_and_letters(nlp, text: str, expected: list[str]) -> None:
    assert types(nlp, text) == expected
