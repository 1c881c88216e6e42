"""Reference values of time expressions (issue 11, tenth round): an open time ahead named by
a noun phrase, and stretches that are no time (sentences of the project's own writing)."""

from __future__ import annotations

import pytest

from dateline.analyze.timex import find_timexes

FRI = "2024-03-22"


@pytest.mark.parametrize("text,surface", [
    ("The trial date will be set at a later date, the clerk said.", "a later date"),
    ("The board may sell the building at a future date.", "a future date"),
])
def test_a_later_date_is_the_future(text, surface) -> None:
    got = {t["text"]: (t["type"], t["value"]) for t in find_timexes(text, FRI)}
    assert got.get(surface) == ("DATE", "FUTURE_REF"), got


def test_the_foreseeable_future_is_no_time() -> None:
    assert find_timexes("Troops will stay in the region for the foreseeable future.", FRI) == []


def test_the_future_alone_is_still_the_future() -> None:
    got = {t["text"]: t["value"] for t in find_timexes("Nobody can say what the future holds for the mill.", FRI)}
    assert got == {"the future": "FUTURE_REF"}, got


def test_a_frequency_adjective_before_a_noun_is_no_time() -> None:
    text = ("Shareholders approved the plan at the annual meeting, and the board raised its quarterly "
            "cash dividend. The fund reports its holdings quarterly.")
    got = {t["text"]: (t["type"], t["value"]) for t in find_timexes(text, FRI)}
    assert got == {"quarterly": ("SET", "P3M")}, got
    assert [t["span"][0] for t in find_timexes(text, FRI)] == [text.rindex("quarterly")]


def test_daily_before_a_noun_stays_a_set() -> None:
    got = {t["text"]: t["value"] for t in find_timexes("Protesters held daily rallies outside the embassy.", FRI)}
    assert got == {"daily": "P1D"}, got


@pytest.mark.parametrize("text", [
    "The trust pays its holders quarterly and keeps the rest.",
    "Interest on the bonds is paid semiannual to holders of record.",
])
def test_a_frequency_word_before_a_function_word_stays_a_set(text) -> None:
    got = [t["type"] for t in find_timexes(text, FRI)]
    assert got == ["SET"], got


@pytest.mark.parametrize("text,surface,value", [
    ("The spring thaw flooded the valley roads.", "spring", "2024-SP"),
    ("The mid-1970s oil shock hit the port hard.", "mid-1970s", "197"),
])
def test_the_article_before_a_season_or_decade_that_modifies_a_noun_is_the_nouns(text, surface, value) -> None:
    got = {t["text"]: t["value"] for t in find_timexes(text, FRI)}
    assert got.get(surface) == value, got


@pytest.mark.parametrize("text,surface", [
    ("The 1970s saw the port grow.", "The 1970s"),
    ("The orchard blooms in the spring of 2023.", "the spring of 2023"),
])
def test_a_season_or_decade_of_its_own_keeps_its_article(text, surface) -> None:
    assert surface in {t["text"] for t in find_timexes(text, FRI)}


@pytest.mark.parametrize("text,surface,value", [
    ("The ferry ran aground last Christmas.", "last Christmas", "2023-12-25"),
    ("The bakery will reopen next Thanksgiving.", "next Thanksgiving", "2024-11-28"),
])
def test_last_or_next_before_a_holiday_is_one_expression(text, surface, value) -> None:
    got = {t["text"]: t["value"] for t in find_timexes(text, FRI)}
    assert got.get(surface) == value, got


def test_a_date_written_with_slashes_year_first_is_one_date() -> None:
    got = [(t["text"], t["value"]) for t in find_timexes("The notice was dated 2023/11/07 and posted.", FRI)]
    assert got == [("2023/11/07", "2023-11-07")]
    # the marks must agree: a mixed one is no date
    assert "2023/11-07" not in {t["text"] for t in find_timexes("Ref 2023/11-07 filed.", FRI)}


def test_a_clock_time_after_its_date_and_a_comma_is_that_days() -> None:
    text = "The hearing opens on Tuesday, March 26, at 9 a.m. in the old court."
    got = [(t["text"], t["type"], t["value"]) for t in find_timexes(text, FRI)]
    assert got == [("Tuesday, March 26, at 9 a.m.", "TIME", "2024-03-26T09:00")]
