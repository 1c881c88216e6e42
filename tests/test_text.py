"""Plain-text pages: the article, its metadata and the site's chrome around it (extract/text.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract import extract
from dateline.extract.options import DEFAULT_OPTIONS
from dateline.extract.text import extract_text
from dateline.model import Page, Source

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def draft_of(name: str):
    return extract_text((FIXTURES / name).read_text(encoding="utf-8"), DEFAULT_OPTIONS)


def kinds_of(draft, text: str) -> set[str]:
    return {b.kind for b in draft.boilerplate if text in b.text}


# --------------------------------------------------------------------- wire copy


def test_wire_story_metadata():
    d = draft_of("wire.txt")
    assert d.title == "Harbour city council approves new ferry link after long debate"
    assert d.section == "Business"
    assert d.published == "2025-03-04"


def test_wire_story_body_keeps_caption_dateline_and_credit_line():
    d = draft_of("wire.txt")
    assert d.body[0].startswith("A ferry leaves the old pier")  # caption: meta.py takes it out
    assert d.body[1].startswith("NORTHPORT (Example News) - ")
    assert d.body[-1] == "(Reporting by Ann Example; editing by Bob Sample)"
    assert len(d.body) == 6
    joined = "\n".join(d.body)
    for chrome in ("Telegram", "More in", "Bakery", "You may also like", "Business"):
        assert chrome not in joined


def test_wire_story_chrome_is_typed():
    d = draft_of("wire.txt")
    assert kinds_of(d, "Follow us on Telegram") == {"promo"}
    assert kinds_of(d, "More in Business") == {"related"}
    assert kinds_of(d, "Farmers protest over new water rules in the valley") == {"related"}
    assert kinds_of(d, "You may also like") <= {"related", "nav"}


def test_wire_story_related_headlines_with_versions():
    d = draft_of("wire.txt")
    assert len(d.related) == 5
    titles = [r.title for r in d.related]
    assert titles.count("Port strike ends after pay deal with unions") == 2
    versions = {r.text: r.version for r in d.related}
    assert versions["UPDATE 2: Port strike ends after pay deal with unions"] == "UPDATE 2"
    assert versions["Bakery chain opens its fiftieth shop in the north"] is None


# --------------------------------------------------------------------- blog with share bar and comments


def test_blog_body_has_paragraphs_and_subheading_only():
    d = draft_of("blog.txt")
    assert d.title == "Three days walking the coastal path in autumn"
    assert d.published == "2023-10-12"
    assert d.body[0].startswith("We set off from the village")
    assert "Where to stay" in d.body
    assert d.body[-1].startswith("By the third day")
    joined = "\n".join(d.body)
    for chrome in ("Facebook", "Share this", "lovely write-up", "Thank you so much", "Leave a Reply", "©"):
        assert chrome not in joined


def test_blog_chrome_is_typed():
    d = draft_of("blog.txt")
    assert "share" in kinds_of(d, "Pinterest")
    assert "legal" in kinds_of(d, "All rights reserved")
    assert "nav" in kinds_of(d, "Recipes")
    # readers' comments are not the article
    assert kinds_of(d, "What a lovely write-up") == {"other"}


# --------------------------------------------------------------------- portal with cookie banner and headline list


def test_portal_article_and_metadata():
    d = draft_of("portal.txt")
    assert d.title == "Researchers map the song of a rare mountain bird"
    assert d.section == "Science"
    assert d.published == "2022-06-15T08:30"
    assert len(d.body) == 4
    assert d.body[0].startswith("A team of researchers")
    assert d.body[-1].startswith("The team now hopes")


def test_portal_chrome_and_headline_list():
    d = draft_of("portal.txt")
    assert kinds_of(d, "We use cookies") == {"legal"}
    assert kinds_of(d, "Sign up for our science newsletter") == {"promo"}
    assert kinds_of(d, "Most read") == {"related"}
    assert [r.title for r in d.related] == [
        "Storm leaves thousands without power along the coast",
        "Local team wins the regional cup after a dramatic final",
        "New library opens its doors after five years of building work",
        "Prices at the market rise for the third month in a row",
    ]
    assert not set("\n".join(d.body).split()) & {"cookies", "newsletter", "Storm"}


# --------------------------------------------------------------------- dates, odd input, the pipeline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday, 30 Nov 2024", "2024-11-30"),
        ("November 20, 2019", "2019-11-20"),
        ("20 Nov, 2019 05:47", "2019-11-20T05:47"),
        ("Posted Nov. 3, 2021 at 4:05 pm", "2021-11-03T16:05"),
        ("15 de marzo de 2020", "2020-03-15"),
        ("23. Oktober 2018", "2018-10-23"),
        ("2018-09-25", "2018-09-25"),
        ("05/10/2018", "2018-10-05"),
        ("12/25/2019", "2019-12-25"),
        ("31/02/2019", None),
        ("2019年11月20日", "2019-11-20"),
    ],
)
def test_dates(line, expected):
    from dateline.extract.text import _find_date

    assert _find_date(line) == expected


@pytest.mark.parametrize(
    "content",
    ["", "   \n\n", "x", "* Home\n* News\n+ Sport\n", "word " * 200_000, "\x00\ufeff\t*\n o \n-\n", "1 2 3\n" * 5000],
)
def test_odd_input_never_raises(content):
    d = extract_text(content, DEFAULT_OPTIONS)
    assert isinstance(d.body, list)


def test_menu_only_page_has_no_body():
    page = "\n".join(f"  * Section {i}" for i in range(40)) + "\n  Copyright 2020 Example. All rights reserved.\n"
    assert extract_text(page, DEFAULT_OPTIONS).body == []


def test_pipeline_reads_a_text_page():
    content = (FIXTURES / "portal.txt").read_text(encoding="utf-8")
    reading = extract(Page(content=content, source=Source(path="portal.txt", format="text")))
    assert reading.error is None
    assert reading.title == "Researchers map the song of a rare mountain bird"
    assert reading.text.startswith("A team of researchers")
    assert "cookies" not in reading.text
