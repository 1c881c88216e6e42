"""Wire metadata and site chrome as classes: slugs, contributors, slash bylines, glued
datelines, teaser and share lines, hover cards, publishers and titles. Pages written here."""

from __future__ import annotations

import logging

import pytest

from dateline.extract import extract
from dateline.extract.html_meta import choose_title
from dateline.extract.meta import (
    body_line_kind,
    host_publisher,
    parse_byline,
    parse_dateline,
    parse_slug,
    plausible_publisher,
    strip_hover_cards,
)
from dateline.model import Page, Reading, Source


@pytest.fixture(autouse=True)
def _quiet():
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


@pytest.mark.parametrize(
    "line, keywords, version, writethru",
    [
        ("AP-US--Harbour-Strike, 4th Ld-Writethru", "Harbour-Strike", "4th Ld-Writethru", True),
        ("BC-EU--Ferry-Fares, 1st Ld-Writethru", "Ferry-Fares", "1st Ld-Writethru", True),
        ("AP-AS--Typhoon-Warning", "Typhoon-Warning", None, False),
        ("BC-US--Budget-Vote, Correction", "Budget-Vote", "Correction", False),
    ],
)
def test_wire_slug_parts(line, keywords, version, writethru):
    slug = parse_slug(line)
    assert slug is not None
    assert (slug.agency, slug.keywords, slug.version, slug.writethru) == ("AP", keywords, version, writethru)


@pytest.mark.parametrize("line", ["The AP-US--style codes are old", "US--China talks", "ap-us--lower-case, 1st ld"])
def test_not_slugs(line):
    assert parse_slug(line) is None


def _reading(html: str, url: str | None = None) -> Reading:
    return extract(Page(content=html, source=Source(format="html", url=url), content_type="html", url=url))


_STORY = " ".join(
    ["Dock workers at the northern terminal walked out on Tuesday after talks over night-shift pay collapsed,"
     " leaving container ships waiting offshore and freight operators counting the cost of every idle hour."] * 2
)


def _page(paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head>{head}</head><body><article><h1>Dock workers walk out over pay</h1>{body}</article></body></html>"


def test_slug_is_boilerplate_not_text_and_credits_the_agency():
    r = _reading(_page(["AP-US--Dock-Strike, 2nd Ld-Writethru", _STORY, _STORY + " More talks are planned."]))
    assert r.slug is not None and r.slug.version == "2nd Ld-Writethru" and r.slug.writethru
    assert "AP-US" not in r.text
    assert any(b.kind == "meta" and b.text.startswith("AP-US--") for b in r.boilerplate)
    assert "AP" in r.agencies


def test_contributors_are_read_and_taken_out():
    line = "Associated Press writers Ines Calloway in Lisbon and Petr Novak contributed to this report."
    r = _reading(_page([_STORY, _STORY + " Freight rates rose.", line]))
    assert r.byline.contributors == ["Ines Calloway", "Petr Novak"]
    assert "contributed" not in r.text
    assert "AP" in r.agencies


@pytest.mark.parametrize(
    "line, role, names, agencies",
    [
        ("Rosa Delgado / Associated Press", "authors", ["Rosa Delgado"], ["AP"]),
        ("By Rosa Delgado / Reuters", "authors", ["Rosa Delgado"], ["Reuters"]),
        ("Contributing: Rosa Delgado in Quito, Ali Sami", "contributors", ["Rosa Delgado", "Ali Sami"], []),
        ("The Courier's Rosa Delgado contributed to this report.", "contributors", ["Rosa Delgado"], []),
    ],
)
def test_byline_classes(line, role, names, agencies):
    byline, found = parse_byline(line)
    assert getattr(byline, role) == names
    assert found == agencies


def test_a_photo_credit_is_not_a_slash_byline():
    assert parse_byline("AP Photo/Rosa Delgado") is None
    assert parse_byline("Rosa Delgado / The Weekly Courier") is None  # not a known agency


@pytest.mark.parametrize(
    "paragraph, place, agency, rest",
    [
        ("(CNN)The minister resigned on Friday.", None, "CNN", "The minister resigned on Friday."),
        ("LONDON (CNN)Rail fares will rise.", "LONDON", "CNN", "Rail fares will rise."),
    ],
)
def test_agency_bracket_glued_to_the_story(paragraph, place, agency, rest):
    dateline, start = parse_dateline(paragraph)
    assert (dateline.place, dateline.agency) == (place, agency)
    assert paragraph[start:] == rest


def test_glued_bracket_needs_an_agency_set_apart():
    assert parse_dateline("NATO(EU)The alliance met.") is None
    assert parse_dateline("The budget (revised)Next year") is None


@pytest.mark.parametrize(
    "line, kind",
    [
        ("More:", "related"),
        ("SEE MORE: Ferry fares to double next spring", "related"),
        ("Also on harbourtimes.example Dock strike enters second week", "related"),
        ("Like this story? Share it with a friend!", "share"),
        ("Follow the Courier's full coverage of the strike at https://courier.example/strike", "promo"),
        ("SOURCE: News agencies", "meta"),
        ("More than 2,000 workers joined the strike.", None),
        ("Follow-up talks are planned for Monday.", None),
    ],
)
def test_body_chrome_classes(line, kind):
    assert body_line_kind(line) == kind


def test_source_line_credits_agencies():
    r = _reading(_page([_STORY, _STORY + " Unions said they would meet again.", "SOURCE: News agencies"]))
    assert "SOURCE" not in r.text
    assert "Agencies" in r.agencies


def test_hover_card_flattened_into_text_is_cut():
    para = ("Harbour Mayor Lena OrtizLena Maria OrtizMayor backs tidal barrier Ortiz opens ferry terminal MORE "
            "(D) said the strike must end.")
    assert strip_hover_cards(para) == "Harbour Mayor Lena Ortiz (D) said the strike must end."
    assert strip_hover_cards("We need MORE ferries, said Lena Ortiz. MORE") == "We need MORE ferries, said Lena Ortiz. MORE"


def test_hover_card_elements_are_dropped_from_html():
    card = ('<span class="people"><a href="/p/ortiz">Lena Ortiz</a><span class="rollover-people-block">'
            '<a>Lena Maria Ortiz</a><a>Mayor backs tidal barrier</a><a class="more">MORE</a></span></span>')
    r = _reading(_page([f"Harbour Mayor {card} (D) said the strike must end. " + _STORY, _STORY]))
    assert "Harbour Mayor Lena Ortiz (D) said" in r.text
    assert "MORE" not in r.text and "tidal barrier" not in r.text


def test_publisher_from_known_host_and_page_name():
    head = '<meta property="og:site_name" content="Hosted"><meta property="og:title" content="Dock workers walk out over pay">'
    r = _reading(_page([_STORY, _STORY], head), url="https://hosted.ap.org/courier/article/123/dock-workers")
    assert r.publisher == "AP"
    head = '<meta property="og:site_name" content="U.S."><script type="application/ld+json">' \
           '{"@type": "NewsArticle", "headline": "Dock workers walk out over pay", ' \
           '"publisher": {"@type": "Organization", "name": "The Harbour Ledger"}}</script>'
    r = _reading(_page([_STORY, _STORY], head), url="https://ledger.example/us/dock")
    assert r.publisher == "The Harbour Ledger"


def test_publisher_rules():
    assert host_publisher("https://www.reuters.com/world/x") == "Reuters"
    assert host_publisher("https://example.org/x") is None
    assert plausible_publisher("U.S.") is None
    assert plausible_publisher("Hosted") is None
    assert plausible_publisher("The Ledger | News from the harbour") == "The Ledger"
    assert plausible_publisher("https://ledger.example") is None


def test_title_from_agreement_not_banner_or_caption():
    assert choose_title(
        [("meta", "Welcome to the Harbour Ledger"), ("h1", "Dock workers walk out over pay"),
         ("title", "Dock workers walk out over pay")],
        site_name="Harbour Ledger",
    ) == "Dock workers walk out over pay"
    assert choose_title(
        [("h1", "Protesters gather at the harbour gates (AFP)"), ("meta", "Dock strike spreads to second port"),
         ("title", "Dock strike spreads to second port")],
    ) == "Dock strike spreads to second port"
    # a section's name loses unless the page's other fields say it too
    assert choose_title([("meta", "World"), ("h1", "Ferry fares to double")], section="World") == "Ferry fares to double"
    # a kicker or a suffix around the agreed headline is dropped
    assert choose_title(
        [("meta", "Ferry fares to double | Editorial"), ("h1", "Ferry fares to double"),
         ("title", "Ferry fares to double | Editorial | Opinion")],
    ) == "Ferry fares to double"


def test_published_line_of_a_text_scrape_with_time_glued_to_year():
    text = "\n".join([
        "Home  World  Business",
        "Dock workers walk out over pay",
        "Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago",
        _STORY, _STORY, _STORY,
    ])
    r = extract(Page(content=text, source=Source(format="text"), content_type="text"))
    assert r.published == "2019-11-20T04:29"


def test_text_scrape_title_is_not_a_photo_caption_or_banner():
    text = "\n".join([
        "Welcome to the Harbour Ledger",
        "Dock workers walk out over pay",
        "Pickets gather at the northern terminal gates (AFP)",
        _STORY, _STORY, _STORY,
    ])
    r = extract(Page(content=text, source=Source(format="text"), content_type="text"))
    assert r.title == "Dock workers walk out over pay"
