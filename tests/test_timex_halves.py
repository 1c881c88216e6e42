"""Halves of a unit: "half an hour", "a half-hour", "half a century" are one expression in the
next smaller unit (sentences of the project's own writing)."""

from __future__ import annotations

import pytest

from dateline.analyze.timex import find_timexes

FRI = "2024-03-22"


@pytest.mark.parametrize("text,surface,typ,value", [
    ("He spoke to reporters for half an hour.", "half an hour", "DURATION", "PT30M"),
    ("The hearing lasted a half-hour.", "a half-hour", "DURATION", "PT30M"),
    ("The plant will close in half a year.", "half a year", "DURATION", "P6M"),
    ("The shop has stood there for half a century.", "half a century", "DURATION", "P50Y"),
    ("The war ended half a century ago.", "half a century ago", "DATE", "1974"),
])
def test_half_a_unit(text, surface, typ, value) -> None:
    got = {t["text"]: (t["type"], t["value"]) for t in find_timexes(text, FRI)}
    assert got.get(surface) == (typ, value), got


def test_half_a_million_is_no_time() -> None:
    assert find_timexes("About half a million people fled the floods.", FRI) == []


def test_the_article_before_a_unit_long_is_the_nouns() -> None:
    got = {t["text"]: t["value"] for t in find_timexes("The envoy is back from a week-long tour and a day-long summit.", FRI)}
    assert got == {"week-long": "P1W", "day-long": "P1D"}, got


def test_a_stretch_named_by_its_noun_is_one_expression() -> None:
    got = {t["text"]: t["value"] for t in find_timexes(
        "Costs were hidden over a three-year period, and the mayor is serving a four-year term. The 10-year bond fell.", FRI)}
    assert got == {"a three-year period": "P3Y", "a four-year term": "P4Y", "10-year": "P10Y"}, got


def test_weekdays_in_the_plural_are_sets() -> None:
    got = {t["text"]: (t["type"], t["value"]) for t in find_timexes(
        "The market is shut on Sundays, and the club meets on Monday evenings. The vote is on Monday.", FRI)}
    assert got["Sundays"] == ("SET", "XXXX-WXX-7") and got["Monday evenings"] == ("SET", "XXXX-WXX-1TEV"), got
    assert got["Monday"][0] == "DATE" and len(got) == 3, got  # one day in the singular stays a date
