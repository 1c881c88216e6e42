"""Entities: byline people with roles, surnames, acronyms, titles, mentions as offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.analyze import analyze
from dateline.analyze.entities import EntityIndex, find_entities
from dateline.model import Byline, Reading, Source


def reading(text: str, **kw) -> Reading:
    return Reading(id="t", source=Source(), text=text, **kw)


def ents(nlp, r: Reading) -> list[dict]:
    return find_entities(nlp(r.text), r)


def named(entities: list[dict], name: str) -> dict:
    return next(e for e in entities if e["name"] == name)


def test_mentions_are_offsets_into_the_text(nlp) -> None:
    r = reading("Prime Minister Anna Berg spoke in Oslo. Berg said the plan was ready.")
    entities = ents(nlp, r)
    berg = named(entities, "Anna Berg")
    assert [r.text[s:e] for s, e in berg["mentions"]] == ["Anna Berg", "Berg"]
    assert "Berg" in berg["aliases"] and "Prime Minister" in berg["titles"]
    assert berg["type"] == "PERSON"


def test_byline_person_sharing_a_surname_is_never_merged(nlp) -> None:
    r = reading("President Lee Jae-won visited the port. Lee said exports would rise.",
                byline=Byline(authors=["Hannah Lee"], editors=["Mark Doyle"]))
    entities = ents(nlp, r)
    reporter = named(entities, "Hannah Lee")
    leader = named(entities, "Lee Jae-won")
    assert reporter["role"] == "author" and reporter["mentions"] == []
    assert named(entities, "Mark Doyle")["role"] == "editor"
    assert [r.text[s:e] for s, e in leader["mentions"]] == ["Lee Jae-won", "Lee"]
    assert "role" not in leader


def test_bare_surname_goes_to_the_person_mentioned_last(nlp) -> None:
    r = reading("John Carter met Mary Carter in Boston on Monday. Later, Carter said the deal was done.")
    entities = ents(nlp, r)
    mary, john = named(entities, "Mary Carter"), named(entities, "John Carter")
    last = r.text.rindex("Carter")
    assert [last, last + 6] in mary["mentions"] and [last, last + 6] not in john["mentions"]


def test_bare_name_never_goes_to_a_byline_only_person(nlp) -> None:
    r = reading("Kowalski said the strike would go on.", byline=Byline(authors=["Adam Kowalski"]))
    entities = ents(nlp, r)
    assert named(entities, "Adam Kowalski")["mentions"] == []
    assert any(e["name"] == "Kowalski" and e["mentions"] for e in entities)


def test_acronym_and_expansion_are_one_organisation(nlp) -> None:
    r = reading("The International Energy Agency cut its forecast on Tuesday. "
                "The IEA said demand would slow next year.")
    entities = ents(nlp, r)
    iea = [e for e in entities if "IEA" in [e["name"], *e["aliases"]]]
    assert len(iea) == 1 and iea[0]["name"] == "International Energy Agency"
    assert len(iea[0]["mentions"]) == 2


def test_agency_acronym_with_news_agency_suffix(nlp) -> None:
    r = reading("Xinhua news agency said the talks were useful. Xinhua later added details.",
                agencies=["Xinhua"])
    entities = ents(nlp, r)
    (x,) = [e for e in entities if e.get("agency") == "Xinhua"]
    assert "Xinhua news agency" in [x["name"], *x["aliases"]]
    assert len(x["mentions"]) == 2


def test_title_after_the_name_by_apposition(nlp) -> None:
    r = reading("Omar Haddad, the country's foreign minister, arrived in Cairo on Sunday.")
    haddad = named(ents(nlp, r), "Omar Haddad")
    assert any(t.endswith("foreign minister") for t in haddad["titles"])


def test_index_resolves_titles_and_surnames(nlp) -> None:
    r = reading("Defence Minister Ivan Petrov met Army Chief Olga Sidorova on Monday.")
    index = EntityIndex(ents(nlp, r))
    petrov = index.by_surface("Defence Minister")
    assert petrov is not None and index.by_id[petrov]["name"] == "Ivan Petrov"
    assert index.by_id[index.by_surface("defense minister")]["name"] == "Ivan Petrov"
    assert index.by_id[index.by_surface("Sidorova")]["name"] == "Olga Sidorova"


def test_seed_entities(nlp, shared: Path) -> None:
    from dateline.extract import extract
    from dateline.ingest import iter_pages

    seed = shared / "corpus" / "seed" / "000_d840bf1a4e4e21ee.txt"
    gold = json.loads(seed.with_suffix(".expected.json").read_text(encoding="utf-8"))
    (r,) = analyze([extract(next(iter_pages([str(seed)])))])
    by_name = {e["name"].lower(): e for e in r.entities}
    for g in gold["entities"]:
        ent = by_name[g["name"].lower()]
        assert ent["type"] == g["type"]
        if "aliases_any" in g:
            assert {a.lower() for a in g["aliases_any"]} & {a.lower() for a in ent["aliases"]}
        if "titles_any" in g:
            assert {t.lower() for t in g["titles_any"]} & {t.lower() for t in ent["titles"]}
        if "must_not_merge_with" in g:
            assert by_name[g["must_not_merge_with"].lower()]["id"] != ent["id"]


def test_nationality_adjective_gives_its_country_and_is_no_entity(nlp) -> None:
    r = reading("Russian Foreign Minister Sergei Lavrov met North Korean officials. "
                "Lavrov praised Kenyan President William Ruto.")
    entities = ents(nlp, r)
    assert named(entities, "Sergei Lavrov")["country"] == "RU"
    assert named(entities, "William Ruto")["country"] == "KE"
    assert not [e for e in entities if e["type"] == "NORP"]


def test_nationality_standing_alone_is_a_group(nlp) -> None:
    r = reading("The Palestinians rejected the plan on Monday.")
    (group,) = [e for e in ents(nlp, r) if e["type"] == "NORP"]
    assert group["country"] == "PS" and group["mentions"]


def test_country_spellings_are_one_place(nlp) -> None:
    r = reading("The United States warned Iran. The U.S. embassy said Washington would respond.")
    entities = ents(nlp, r)
    us = [e for e in entities if e.get("country") == "US" and e["type"] == "GPE"]
    assert len(us) >= 1
    usa = named(entities, "United States")
    assert "U.S." in usa["aliases"] and len(usa["mentions"]) == 2
    assert named(entities, "Iran")["country"] == "IR"
    # a capital stands for the government: its own entity, with the country's code
    assert any(e["name"] == "Washington" and e["id"] != usa["id"] for e in entities)


def test_country_codes_of_names_and_demonyms() -> None:
    from dateline.analyze.countries import code_in, country_code

    assert country_code("U.S.") == "US" and country_code("United States") == "US"
    assert country_code("North Korea's") == "KP" and country_code("Britons") == "GB"
    assert code_in("Russian Defence Minister") == "RU"
    assert code_in("North Korean leader") == "KP" and code_in("South Korean President") == "KR"
    assert code_in("Korean Central News Agency") is None


def test_seed_entity_countries(nlp, shared: Path) -> None:
    from dateline.extract import extract
    from dateline.ingest import iter_pages

    seed = shared / "corpus" / "seed" / "000_d840bf1a4e4e21ee.txt"
    (r,) = analyze([extract(next(iter_pages([str(seed)])))])
    by_name = {e["name"]: e for e in r.entities}
    assert by_name["Kim Jong Un"]["country"] == "KP"
    assert by_name["Andrei Belousov"]["country"] == "RU"
    assert by_name["Vladimir Putin"]["country"] == "RU"
    assert "U.S." in by_name["United States"]["aliases"]
    assert not [e for e in r.entities if e["type"] == "NORP"]


# --- the tagger's usual errors, repaired as classes (entity_rules.py) ---------------------

def _names(nlp, text: str) -> dict[str, dict]:
    return {e["name"]: e for e in ents(nlp, reading(text))}


def test_platforms_are_organisations_not_people(nlp) -> None:
    found = _names(nlp, "Twitter said it would suspend the account. Senator Hannah Moore posted on Instagram.")
    assert all(e["type"] != "PERSON" for n, e in found.items() if n in ("Twitter", "Instagram"))
    assert found["Hannah Moore"]["type"] == "PERSON"


def test_contractions_and_function_words_are_never_entities(nlp) -> None:
    found = _names(nlp, "He did n’t go to Tallinn, and she would n’t say why. The AI plan was shelved.")
    assert not any(n.lower() in ("n’t", "n't", "ai") for n in found)


def test_a_credit_line_is_not_a_person(nlp) -> None:
    text = "The mayor spoke at the pier.\n\nPhoto: Karl Oona / AP\n\nMayor Liis Saar said the pier would reopen."
    found = _names(nlp, text)
    assert "Karl Oona" not in found and "Liis Saar" in found


def test_a_name_glued_to_its_repeat_is_cut(nlp) -> None:
    text = "Governor Marit KaskMarit Kask said the roads would be cleared. Kask thanked the crews."
    found = _names(nlp, text)
    assert "Marit Kask" in found and not any("KaskMarit" in n for n in found)
    kask = found["Marit Kask"]
    assert [text[s:e] for s, e in kask["mentions"]][0] == "Marit Kask"


def test_a_name_glued_to_the_next_word_is_cut(nlp) -> None:
    from dateline.analyze.entities import repair

    text = "Dinner at Harbour SteakhouseA party of twelve was seated. Pastor Maria Lopez said grace."
    doc = nlp(text)
    for span in doc.ents:
        got = repair(span, span.label_, text, frozenset(t.text for t in doc.ents))
        if span.text.startswith("Harbour"):
            assert got is not None and text[got[0]:got[1]] == "Harbour Steakhouse"


def test_dates_and_tallies_are_taken_off_names(nlp) -> None:
    text = "Scorers: Jonas Petersen 2 goals, Mikkel Holm 1 goal.\n\nAnnika Virtanen Monday said the season was over."
    found = _names(nlp, text)
    assert not any(any(ch.isdigit() for ch in n) or "goal" in n or "Monday" in n for n in found)


def test_a_title_inside_a_person_span_is_kept_apart(nlp) -> None:
    text = "FOREIGN SECRETARY Oskar Lind met the envoy. Lind said the talks were useful."
    lind = next(e for e in ents(nlp, reading(text)) if e["type"] == "PERSON")
    assert lind["name"] == "Oskar Lind" and [t.lower() for t in lind["titles"]] == ["foreign secretary"]
    assert text[lind["mentions"][0][0]:lind["mentions"][0][1]] == "Oskar Lind"


def test_repair_class_by_class(nlp) -> None:
    from dateline.analyze.entities import repair

    text = "Trump’s July 25 call was discussed. Older Galaxy phones were sold."
    doc = nlp(text)
    for span in doc.ents:
        got = repair(span, span.label_, text, frozenset(t.text for t in doc.ents))
        if span.text.startswith("Trump"):
            assert got is not None and text[got[0]:got[1]] == "Trump"


def test_a_bare_name_before_any_full_name_stays_apart(nlp) -> None:
    text = "President Duarte warned of the costs. The reporter Lucia Duarte said ships were waiting."
    found = ents(nlp, reading(text))
    lucia = named(found, "Lucia Duarte")
    assert [text[s:e] for s, e in lucia["mentions"]] == ["Lucia Duarte"]
    bare = named(found, "Duarte")
    assert "President" in bare["titles"]


# --- languages ------------------------------------------------------------------------------

_RUSSIAN = ("Президент заявил в пятницу, что правительство продолжит переговоры с профсоюзами "
            "и что забастовка в порту должна закончиться до конца месяца.")
_ENGLISH = ("The president said on Friday that the government would keep talking to the unions "
            "and that the strike at the port had to end before the month was out.")


def test_language_is_detected_from_the_text_not_the_page_declaration() -> None:
    from dateline.analyze.language import page_language

    assert page_language(_ENGLISH, None, "de") == ("en", True)
    assert page_language(_RUSSIAN, None, "en")[0] == "ru"
    assert page_language("Short.", None, "utf") == (None, False)  # "utf" is no language
    assert page_language("Short.", None, "en-GB") == ("en", False)


def test_a_page_without_a_pipeline_for_its_language_is_skipped_not_misread(nlp) -> None:
    from dateline.analyze import nlp as nlp_module

    if nlp_module.has_pipeline("ru"):
        pytest.skip("a Russian pipeline is installed")
    ru = Reading(id="ru", source=Source(), text=_RUSSIAN + "\n\n" + _RUSSIAN, paragraphs=[(0, 10)])
    en = Reading(id="en", source=Source(), text=_ENGLISH + " Mayor Liis Saar agreed.")
    out = {r.id: r for r in analyze([ru, en])}
    assert out["ru"].language == "ru" and out["ru"].analysis == "skipped (language ru)"
    assert out["ru"].entities == [] and out["ru"].claims == [] and out["ru"].error is None
    assert out["ru"].text.startswith("Президент")
    assert out["en"].analysis == "analysed (language en)" and out["en"].entities


def test_a_french_page_goes_through_the_french_pipeline_when_installed() -> None:
    from dateline.analyze import nlp as nlp_module

    if not nlp_module.has_pipeline("fr"):
        pytest.skip("the fr extra is not installed")
    text = ("Le président Emmanuel Roussel a déclaré vendredi à Lyon que le gouvernement "
            "poursuivrait les négociations avec les syndicats du port.")
    r = next(analyze([Reading(id="fr", source=Source(), text=text)]))
    assert r.language == "fr" and r.analysis == "analysed (language fr)"
    assert {"id", "name", "type", "aliases", "titles", "mentions"} <= set(r.entities[0])
    assert any(e["type"] == "PERSON" and "Roussel" in e["name"] for e in r.entities)


def test_cli_read_stores_the_language_and_says_why_a_page_was_not_analysed(tmp_path: Path) -> None:
    import subprocess
    import sys

    from dateline.analyze import nlp as nlp_module

    if nlp_module.has_pipeline("ru"):
        pytest.skip("a Russian pipeline is installed")
    page = tmp_path / "pages.jsonl"
    page.write_text(json.dumps({"id": "ru1", "body": _RUSSIAN}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "en1", "body": _ENGLISH, "language": "utf"}) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "dateline", "read", "--json", str(page)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    ru, en = [json.loads(line) for line in out.stdout.splitlines()]
    assert (ru["language"], ru["analysis"], ru["entities"], ru["error"]) == ("ru", "skipped (language ru)", [], None)
    assert en["language"] == "en" and en["analysis"] == "analysed (language en)"
    shown = subprocess.run([sys.executable, "-m", "dateline", "read", str(page)], capture_output=True, text=True, timeout=120)
    assert "skipped (language ru)" in shown.stdout
