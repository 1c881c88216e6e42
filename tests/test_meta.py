import pytest

from dateline.extract.draft import Draft
from dateline.extract.meta import (
    agencies_in,
    body_line_kind,
    finish,
    parse_byline,
    parse_dateline,
    split_caption,
    split_version,
)
from dateline.model import Reading, Source


@pytest.mark.parametrize(
    "headline, title, version",
    [
        ("1st LD: Bridge reopens after storm", "Bridge reopens after storm", "1st LD"),
        ("2nd LD-Writethru: Bridge reopens", "Bridge reopens", "2nd LD-Writethru"),
        ("UPDATE 2-Copper hits record high", "Copper hits record high", "UPDATE 2"),
        ("CORRECTED-UPDATE 1-Mayor resigns", "Mayor resigns", "CORRECTED-UPDATE 1"),
        ("REFILE-Ferry service suspended", "Ferry service suspended", "REFILE"),
        ("(LEAD) Parliament passes budget", "Parliament passes budget", "LEAD"),
        ("Storm moves east (UPDATE 3)", "Storm moves east", "UPDATE 3"),
        ("Update on the harvest", "Update on the harvest", None),
        ("Lead pipes to be replaced", "Lead pipes to be replaced", None),
    ],
)
def test_version_labels(headline, title, version):
    assert split_version(headline) == (title, version)


@pytest.mark.parametrize(
    "paragraph, place, agency, date, rest",
    [
        ("OSLO (Reuters) - The fund said", "OSLO", "Reuters", None, "The fund said"),
        ("LIMA, June 3 (AP) — Voters queued", "LIMA", "AP", "2024-06-03", "Voters queued"),
        ("NEW DELHI: The court ruled", "NEW DELHI", None, None, "The court ruled"),
        ("Lviv, Ukraine (AP) — Sirens sounded", "Lviv, Ukraine", "AP", None, "Sirens sounded"),
        ("BEIJING, Dec. 30 (Xinhua) -- Trade rose", "BEIJING", "Xinhua", "2023-12-30", "Trade rose"),
        ("(AFP) - Markets fell", None, "AFP", None, "Markets fell"),
        ("CAIRO — Talks resumed", "CAIRO", None, None, "Talks resumed"),
    ],
)
def test_datelines(paragraph, place, agency, date, rest):
    dateline, start = parse_dateline(paragraph, "2024-11-30")
    assert (dateline.place, dateline.agency, dateline.date) == (place, agency, date)
    assert paragraph[start:] == rest


@pytest.mark.parametrize(
    "paragraph",
    ["NATO leaders met on Friday.", "US - China trade talks", "He said: no.", "The EU (European Union) - a bloc"],
)
def test_not_datelines(paragraph):
    assert parse_dateline(paragraph) is None


def test_wire_trailer_byline():
    byline, agencies = parse_byline(
        "(Reporting by Ana Ruiz in Madrid and Tom Berg; Additional reporting by Li Wei; "
        "Writing by Sam Hale; Editing by Nora Fitz and Paul Ode)"
    )
    assert byline.authors == ["Ana Ruiz", "Tom Berg", "Sam Hale"]
    assert byline.contributors == ["Li Wei"]
    assert byline.editors == ["Nora Fitz", "Paul Ode"]
    assert agencies == []


def test_by_line_with_agency_and_capitals():
    byline, agencies = parse_byline("By KAREN OLD and Mike Vance, Associated Press")
    assert byline.authors == ["Karen Old", "Mike Vance"]
    assert agencies == ["AP"]


@pytest.mark.parametrize("line", ["By the way, this is not a byline, he said", "By 2030 the town will double", "Reported earlier"])
def test_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    "paragraph, caption, credit",
    [
        ("FILE PHOTO: A ferry docks in Oslo. REUTERS/Ann Lee/File Photo", "FILE PHOTO: A ferry docks in Oslo.", "REUTERS/Ann Lee/File Photo"),
        ("Rescuers search the rubble on Monday. (AP Photo/Dan Orr)", "Rescuers search the rubble on Monday.", "AP Photo/Dan Orr"),
        ("Crowds gather. Photo: Jo Kay/AFP", "Crowds gather.", "Photo: Jo Kay/AFP"),
        ("A leader speaks. STATE MEDIA via REUTERS/File Photo", "A leader speaks.", "STATE MEDIA via REUTERS/File Photo"),
    ],
)
def test_captions_with_credits(paragraph, caption, credit):
    image = split_caption(paragraph)
    assert (image.caption, image.credit) == (caption, credit)


@pytest.mark.parametrize("paragraph", ["The 24/7 service ended on Friday.", "Sales rose 3% in the quarter, the company said."])
def test_not_captions(paragraph):
    assert split_caption(paragraph) is None


def test_agencies_in_credits_are_canonical():
    assert agencies_in("KCNA via REUTERS") == ["KCNA", "Reuters"]
    assert agencies_in("Agence France-Presse and the Associated Press") == ["AFP", "AP"]
    assert agencies_in("a rapper and a map") == []


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Follow us on our channel for breaking news alerts!", "promo"),
        ("Sign up for our morning newsletter", "promo"),
        ("Share this article", "share"),
        ("Copyright 2025 Example News. All rights reserved.", "legal"),
        ("— Reuters", "meta"),
        ("With AFP", "meta"),
        ("Officials said the share of renewables grew.", None),
    ],
)
def test_body_furniture(line, kind):
    assert body_line_kind(line) == kind


def test_finish_lays_out_text_with_offsets_and_takes_out_furniture():
    draft = Draft(
        title="Ferry strike ends",
        published="2025-02-01",
        body=[
            "A ferry at the pier. REUTERS/Ann Lee",
            "OSLO, Jan 31 (Reuters) - Ferry workers ended their strike on Friday.",
            "The union said the deal was fair.",
            "Follow us on our channel for alerts",
            "(Reporting by Ana Ruiz; Editing by Paul Ode)",
        ],
    )
    reading = Reading(id="x", source=Source())
    finish(draft, reading)
    assert reading.paragraph_texts() == ["Ferry workers ended their strike on Friday.", "The union said the deal was fair."]
    assert [reading.text[s:e] for s, e in reading.paragraphs] == reading.paragraph_texts()
    assert reading.text == "\n\n".join(reading.paragraph_texts())
    assert (reading.dateline.place, reading.dateline.agency, reading.dateline.date) == ("OSLO", "Reuters", "2025-01-31")
    assert reading.byline.authors == ["Ana Ruiz"] and reading.byline.editors == ["Paul Ode"]
    assert reading.images[0].credit == "REUTERS/Ann Lee"
    assert reading.agencies == ["Reuters"]
    assert {b.kind for b in reading.boilerplate} == {"promo", "meta"}


def test_verbatim_body_keeps_the_users_text():
    body = "ROME (AP) — The vote was close.\n\nBy then it was late."
    reading = Reading(id="x", source=Source())
    finish(Draft(body=[body], verbatim=True), reading)
    assert reading.text == body
    assert [reading.text[s:e] for s, e in reading.paragraphs] == ["ROME (AP) — The vote was close.", "By then it was late."]
    assert reading.dateline.agency == "AP"


def test_author_names_from_page_metadata_are_tidied():
    from dateline.extract.meta import clean_authors

    authors, agencies = clean_authors(
        ["Reuters", "JANE ROE", "AP Sports Writer", "Analysis by Sam Hale", "Ada Lunn Tuesday", "Ada Lunn", "PhD"]
    )
    assert authors == ["Jane Roe", "Sam Hale", "Ada Lunn"]
    assert agencies == ["Reuters"]


@pytest.mark.parametrize("paragraph", ["DEAR ABBY: My neighbour plays drums.", "UPDATED: The road has reopened.", "BREAKING - Polls close"])
def test_salutations_and_labels_are_not_places(paragraph):
    assert parse_dateline(paragraph) is None
