"""extract/html.py: the article's blocks and the page's metadata, on pages written for these tests."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dateline.extract import extract
from dateline.extract.html import extract_html, parse_html
from dateline.extract.html_meta import iso_date, language_code, split_names
from dateline.extract.options import ExtractOptions
from dateline.model import Page, Source

HTML = Path(__file__).resolve().parent / "fixtures" / "html"
OPTIONS = ExtractOptions()


@pytest.fixture(autouse=True)
def _quiet():
    # trafilatura logs every page it discards
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


def read(name: str) -> str:
    return (HTML / name).read_text(encoding="utf-8")


def test_news_article_metadata():
    draft = extract_html(read("news_article.html"), None, OPTIONS)
    assert draft.title == "Harbour council approves tidal barrier plan"
    assert draft.published == "2024-03-14T09:30:00+00:00"
    assert draft.authors == ["Maren Holloway", "Tobias Achebe"]
    assert draft.section == "Local News"
    assert draft.language == "en"
    assert draft.url == "https://ledger.example.org/local/2024/03/14/harbour-tidal-barrier"


def test_caller_url_wins_over_canonical():
    draft = extract_html(read("news_article.html"), "https://mirror.example.net/a/1", OPTIONS)
    assert draft.url == "https://mirror.example.net/a/1"


def test_news_article_body_keeps_paragraphs_and_drops_chrome():
    draft = extract_html(read("news_article.html"), None, OPTIONS)
    body = draft.body
    assert body[0].startswith("The harbour council voted on Thursday")  # the headline is the title
    assert "Cost and timetable" in body  # a heading is its own block
    assert "The gates would be tested every month during the winter storm season." in body  # a list item
    assert body[-1].startswith("The council leader said a public exhibition")
    assert all("\n" not in block for block in body)
    text = "\n".join(body)
    for chrome in (
        "cookies",  # cookie banner
        "Share on Facebook",  # share bar
        "Ferry fares to rise",  # related-links list
        "my cellar has flooded",  # comments
        "HarbourWatcher",
        "All rights reserved",  # footer
        "Weather",  # navigation
        "Photo: Ines Varga",  # the figure is an image, not a paragraph
    ):
        assert chrome not in text, chrome


def test_figure_caption_and_credit():
    draft = extract_html(read("news_article.html"), None, OPTIONS)
    assert len(draft.images) == 1
    image = draft.images[0]
    assert image.caption == "The harbour wall at low tide, where the new barrier would be built."
    assert image.credit == "Photo: Ines Varga"


def test_site_name_is_not_an_author():
    page = read("news_article.html").replace('"author": [', '"contributor": [')
    draft = extract_html(page, None, OPTIONS)
    # <meta name="author"> names the site; the byline markup names the people
    assert "The Coastal Ledger" not in draft.authors
    assert draft.header == ["By Maren Holloway and Tobias Achebe"]


def test_whole_pipeline_reading():
    reading = extract(Page(content=read("news_article.html"), source=Source(format="html"), content_type="html"))
    assert reading.error is None
    assert reading.title == "Harbour council approves tidal barrier plan"
    assert reading.byline.authors == ["Maren Holloway", "Tobias Achebe"]
    assert reading.paragraph_texts()[0].startswith("The harbour council voted")
    assert "Share on Twitter" not in reading.text


def test_page_without_article_has_empty_body():
    draft = extract_html(read("no_article.html"), None, OPTIONS)
    assert draft.body == []
    assert draft.title == "Plan du site"
    assert draft.language == "fr"
    reading = extract(Page(content=read("no_article.html"), source=Source(format="html"), content_type="html"))
    assert reading.error is not None and reading.error.stage == "extract"


def test_truncated_html_keeps_what_was_read():
    draft = extract_html(read("truncated.html"), None, OPTIONS)
    assert draft.title == "Storm closes mountain pass"
    assert draft.published == "2023-12-02"
    assert draft.body[0].startswith("Heavy snow closed the only road")
    assert len(draft.body) == 3
    assert draft.body[-1].endswith("across the carri")


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n ",
        "\x00\x01\x02 binary \xff\xfe\x00",
        "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "<<<>>><<</",
        "<html><head><title>x</title></head>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
        "<div>" * 50_000,
        "<html><body><table><tr><td>" * 2_000,
        "just some words, no markup at all",
    ],
)
def test_bad_input_never_raises(content):
    draft = extract_html(content, None, OPTIONS)
    assert draft.body == []


def test_large_page_does_not_raise():
    paragraphs = "".join(
        f"<p>Officials said item {i} of the budget would be debated again when the assembly meets on day {i}.</p>"
        for i in range(60_000)
    )
    draft = extract_html(f"<html><body><article>{paragraphs}</article></body></html>", None, OPTIONS)
    assert len(draft.body) > 1000


def test_json_ld_variants():
    page = """<html lang="de-AT"><head>
    <script type="application/ld+json">[{"@type": ["ReportageNewsArticle"],
      "headline": "Brücke gesperrt", "datePublished": "2022-05-01T08:00:00+0200",
      "author": {"@type": "Organization", "name": "APA"}, "articleSection": "Wien"}]</script>
    <script type="application/ld+json">{ not json </script>
    </head><body><article><h1>Brücke gesperrt</h1>
    <p>Die Brücke über den Donaukanal bleibt nach einem Schaden an einem Pfeiler bis auf Weiteres für den Verkehr gesperrt.</p>
    </article></body></html>"""
    draft = extract_html(page, None, OPTIONS)
    assert draft.title == "Brücke gesperrt"
    assert draft.published == "2022-05-01T08:00:00+02:00"
    assert draft.authors == ["APA"]  # an organisation, as no person is named
    assert draft.section == "Wien"
    assert draft.language == "de"
    assert draft.body == [
        "Die Brücke über den Donaukanal bleibt nach einem Schaden an einem Pfeiler bis auf Weiteres für den Verkehr gesperrt."
    ]


def test_breadcrumb_section_and_title_suffix():
    page = """<html><head><title>Rates held again - Daily Post</title>
    <meta property="og:site_name" content="Daily Post">
    <script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": [
      {"position": 1, "name": "Home"}, {"position": 2, "name": "Business"},
      {"position": 3, "name": "Rates held again"}]}</script></head>
    <body><div><p>The central bank left its main rate unchanged for the third meeting in a row on Wednesday.</p></div></body></html>"""
    draft = extract_html(page, None, OPTIONS)
    assert draft.section == "Business"
    assert draft.title == "Rates held again"


def test_parse_html_returns_none_for_nothing():
    assert parse_html("") is None
    assert parse_html("<p>x</p>") is not None


@pytest.mark.parametrize(
    "raw, iso",
    [
        ("2024-03-14", "2024-03-14"),
        ("2024-03-14T09:30:00Z", "2024-03-14T09:30:00+00:00"),
        ("2024-03-14 09:30:00", "2024-03-14T09:30:00"),
        ("2024-03-14T09:30:00.123+0530", "2024-03-14T09:30:00+05:30"),
        ("Thu, 14 Mar 2024 09:30:00 GMT", "2024-03-14T09:30:00+00:00"),
        ("yesterday", None),
        ("1970-01-01", None),
    ],
)
def test_iso_date(raw, iso):
    assert iso_date(raw) == iso


def test_split_names_and_language():
    assert split_names("By Ana Ruiz, Li Wei and Tom Hart") == ["Ana Ruiz", "Li Wei", "Tom Hart"]
    assert split_names("Smith, John") == ["Smith, John"]
    assert split_names("https://example.org/people/ana") == []
    assert split_names("Troy Smith, cleveland.com") == ["Troy Smith"]
    assert split_names("admin") == []
    assert language_code("en_US") == "en"
    assert language_code("pt-BR") == "pt"
    assert language_code("") is None


def test_related_headline_lists_become_related_entries():
    draft = extract_html(read("news_article.html"), None, OPTIONS)
    titles = [r.title for r in draft.related]
    assert titles == [
        "Ferry fares to rise for the third year running",
        "Lifeboat crew rescue two sailors off the point",
        "Saturday market to move to the quayside",
    ]
    assert any(b.kind == "related" and b.text == "Related stories" for b in draft.boilerplate)
    assert not any("Ferry fares to rise" in block for block in draft.body)


def test_related_links_keep_wire_version_labels():
    page = (
        "<html><body><article><p>" + "The river rose overnight and the council opened two shelters for families. " * 4
        + "</p></article><div class='more-stories'><a href='/a'>UPDATE 2-River crests below flood walls</a>"
        "<a href='/b'>River crests below flood walls</a></div></body></html>"
    )
    draft = extract_html(page, None, OPTIONS)
    assert [(r.title, r.version) for r in draft.related] == [
        ("River crests below flood walls", "UPDATE 2"),
        ("River crests below flood walls", None),
    ]


def test_second_balanced_pass_only_for_pages_whose_fast_pass_reads_like_chrome(monkeypatch):
    from dateline.extract import html as html_mod

    menu = ["Home", "World", "Sport", "Weather", "Contact us", "Ferry fares to double next spring"]
    story = ["Ferry crews on the northern route stopped work on Monday after talks on rest breaks failed."] * 6
    calls: list[tuple[bool, str]] = []

    def fake(tree, url, options, fast, focus):
        calls.append((fast, focus))
        return menu if focus == "recall" else story

    monkeypatch.setattr(html_mod, "_trafilatura_blocks", fake)
    tree = parse_html("<html><body><p>x</p></body></html>")
    # the second pass is balanced and still fast: no fallback extractors
    assert html_mod.main_text(tree, None, OPTIONS) == story and calls == [(True, "recall"), (True, "balanced")]
    calls.clear()
    monkeypatch.setattr(html_mod, "_trafilatura_blocks", lambda t, u, o, fast, focus: calls.append((fast, focus)) or story)
    assert html_mod.main_text(tree, None, OPTIONS) == story and calls == [(True, "recall")]  # a good fast pass stands
    calls.clear()
    monkeypatch.setattr(html_mod, "_trafilatura_blocks", lambda t, u, o, fast, focus: calls.append((fast, focus)) or menu)
    assert html_mod.main_text(tree, None, ExtractOptions(html_rescue=False)) == menu and calls == [(True, "recall")]
    assert html_mod._too_little(["Short."]) and not html_mod._too_little(story)
