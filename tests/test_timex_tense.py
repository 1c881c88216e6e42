"""Time expressions whose value hangs on the tense of their own clause: a day told in the simple
past is behind the story, "soon" told in the past is no future of the story. Sentences of the
project's own writing."""

from __future__ import annotations

from dateline.analyze.timex import find_timexes

FRI = "2024-03-22"  # a Friday


def got(text: str, nlp, anchor: str = FRI) -> dict[str, str]:
    return {t["text"]: t["value"] for t in find_timexes(text, anchor, nlp(text))}


def test_a_day_a_past_verb_dates_is_behind_the_story(nlp) -> None:
    # the day is a week ahead of the story, but the verb is in the simple past: last year's
    assert got("The poet died on March 30 at her home in the hills.", nlp)["March 30"] == "2023-03-30"
    assert got("The bridge was closed on April 2 after the floods.", nlp)["April 2"] == "2023-04-02"


def test_a_day_ahead_on_a_noun_or_a_plan_stays_ahead(nlp) -> None:
    # after a past verb, a day that dates a noun or a plan is the coming one when it is near
    assert got("The council set a deadline of March 30 for the bids.", nlp)["March 30"] == "2024-03-30"
    assert got("The union said the strike would start on April 2.", nlp)["April 2"] == "2024-04-02"
    assert got("Officials scheduled the hearing for April 2.", nlp)["April 2"] == "2024-04-02"


def test_a_day_behind_the_story_is_unchanged(nlp) -> None:
    assert got("The ferry sank on March 4 off the coast.", nlp)["March 4"] == "2024-03-04"


def test_soon_told_in_the_past_is_no_future_of_the_story(nlp) -> None:
    text = "The trickle of visitors soon became a flood, and the guide was soon hired full time."
    assert "soon" not in got(text, nlp)
    ahead = "The ministry will soon publish the figures."
    assert got(ahead, nlp)["soon"] == "FUTURE_REF"


def test_the_present_of_a_relative_clause_is_ahead(nlp) -> None:
    # a schedule told in the present inside a relative clause: the coming Tuesday, as in a main clause
    assert got("The council, which meets on Tuesday, is expected to approve the budget.", nlp)["Tuesday"] == "2024-03-26"
    assert got("The council, which met on Tuesday, approved the budget.", nlp)["Tuesday"] == "2024-03-19"


def test_the_end_of_a_range_of_days_is_not_before_its_start(nlp) -> None:
    assert got("The fair runs from Friday to Sunday in the old market.", nlp) == {"Friday": "2024-03-22", "Sunday": "2024-03-24"}
    assert got("The show will run from Thursday through Tuesday.", nlp)["Tuesday"] == "2024-04-02"
    # a range wholly behind the story stays there
    assert got("Talks were held between Monday and Wednesday.", nlp) == {"Monday": "2024-03-18", "Wednesday": "2024-03-20"}


def test_that_season_is_in_the_year_of_the_season_before(nlp) -> None:
    text = "In the autumn of 2009, the mill closed; by that winter, half the town had left."
    assert got(text, nlp) == {"the autumn of 2009": "2009-FA", "that winter": "2009-WI"}


def test_a_quarter_ahead_with_no_tense_is_this_years(nlp) -> None:
    # in a March story the second quarter is three months ahead and nine behind: the nearest is ahead
    assert got("The firm expects stronger demand in the second quarter.", nlp)["the second quarter"] == "2024-Q2"
    # told in the past it is last year's
    assert got("Demand was weak in the second quarter.", nlp)["the second quarter"] == "2023-Q2"


def test_that_which_opens_a_clause_is_not_a_months_demonstrative(nlp) -> None:
    text = "In 2011 the firm grew. Analysts noted the fact that January was cold."
    values = got(text, nlp)
    assert "that January" not in values and values["January"] == "2024-01", values
    pointed = "In 2009 the plant opened; by that summer it employed 500 people."
    assert got(pointed, nlp)["that summer"] == "2009-SU"


def test_at_the_moment_of_an_event_is_not_the_present(nlp) -> None:
    assert got("At the moment, nobody knows how long the strike will last.", nlp) == {"At the moment": "PRESENT_REF"}
    assert got("At the moment she spoke, the lights went out.", nlp) == {}


def test_that_same_day_is_the_day_last_given(nlp) -> None:
    text = "The rebels attacked on March 3. That same day, the army sent troops."
    assert got(text, nlp) == {"March 3": "2024-03-03", "That same day": "2024-03-03"}


def test_years_earlier_count_back_from_the_year_the_sentence_is_at(nlp) -> None:
    assert got("Output in 2012 fell 3 percent from a year earlier.", nlp)["a year earlier"] == "2011"
    assert got("The mill opened in 1990. A year earlier, the town had voted for it.", nlp)["A year earlier"] == "1989"
    # with no year given before, the story's date is the anchor
    assert got("Profit rose from a year earlier, the firm said.", nlp)["a year earlier"] == "2023"


def test_a_day_before_the_clause_of_what_was_said_dates_the_saying(nlp) -> None:
    # the parse hangs "on Tuesday" on "would cancel"; it stands before the reported clause
    said = got("The airline said on Tuesday it would cancel 300 flights.", nlp)
    assert said["Tuesday"] == "2024-03-19"
    warned = got("Forecasters warned on Wednesday that the storm could reach the coast on Sunday.", nlp)
    assert warned == {"Wednesday": "2024-03-20", "Sunday": "2024-03-24"}


def test_a_possibility_is_ahead_unless_negated_or_perfect(nlp) -> None:
    assert got("Talks between the unions may resume on Monday.", nlp)["Monday"] == "2024-03-25"
    assert got("The mayor could not attend on Monday.", nlp)["Monday"] == "2024-03-18"
    assert got("The courier might have called on Monday.", nlp)["Monday"] == "2024-03-18"


def test_what_is_due_stands_ahead(nlp) -> None:
    assert got("The inspection figures are due on Tuesday.", nlp)["Tuesday"] == "2024-03-26"


def test_a_month_a_plan_is_for(nlp) -> None:
    assert got("The election is scheduled for June.", nlp)["June"] == "2024-06"
    assert got("A referendum is planned for May.", nlp)["May"] == "2024-05"
    assert "May" not in got("Most members voted for May in the leadership contest.", nlp)


def test_a_verb_of_telling_with_a_thing_for_object_is_a_deed_ahead(nlp) -> None:
    assert got("The brewer reports earnings on Thursday.", nlp)["Thursday"] == "2024-03-28"
    # with a clause for object it tells the present: the day is the report's, behind the story
    assert got("The survey, released on Monday, shows that rents rose.", nlp)["Monday"] == "2024-03-18"
