"""analyze/scan.py: a pattern led by its possible first characters finds exactly what it found."""

from __future__ import annotations

import random
import re

import pytest

from dateline.analyze.scan import led

TEXTS = [
    "On Monday, Oct. 6, 2008 at 9:30 a.m. EST, three straight days after the Q3 report and nearly "
    "two decades ago, the board met every other week; in early spring 1999, the 1990s, Christmas Day.",
    "TODAY the Minister said YESTERDAY's vote was final. Tonight: tomorrow, toDay, yEsTeRdAy.",
    # letters whose case folds reach outside ASCII: the Kelvin sign, the long s, dotted capital I
    "\u212aelvin \u017fame \u0130stanbul ſummer Season ﬁnal straße STRASSE",
    "",
    "\x00\n\t  ---  ...  12/31/2024 2024-01-02T10:00 mid-1996 the '90s",
]


def same(source: str, texts: list[str]) -> None:
    a, b = re.compile(source), re.compile(led(source))
    for text in texts:
        assert [(m.span(), m.groups(), m.groupdict()) for m in a.finditer(text)] == \
               [(m.span(), m.groups(), m.groupdict()) for m in b.finditer(text)], (source, text)


def random_texts(n: int = 200, seed: int = 3) -> list[str]:
    rnd = random.Random(seed)
    words = ["today", "Yesterday", "MAY", "March", "week", "q3", "H1", "noon", "9:30", "1990s", "the", "same",
             "\u212a", "\u017f", "\u0130", "ago", "Monday", "mid-", "every", "twice", "-", ",", " ", "\n", "’"]
    return ["".join(rnd.choice(words) + rnd.choice(["", " ", ", "]) for _ in range(rnd.randint(0, 30)))
            for _ in range(n)]


@pytest.mark.parametrize("source", [
    r"(?i:today|yesterday|tomorrow|tonight)",
    r"(?i:\b(?:end|beginning|start)\b)",
    r"\d[:.]\d|\d\s*[aApP]\.?[mM]|(?i:noon|midnight|midday)",
    r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})",
    r"(?i:(?:the\s+)?(?:very\s+)?(?:early|late)\s+)?(?P<m>May|March)",
    r"(?i:\bsome\b|[sk]ing)",
    r"[^a-z](?i:x)",
])
def test_led_patterns_find_the_same_matches(source: str) -> None:
    same(source, TEXTS + random_texts())


def test_a_case_insensitive_alternation_gets_a_lookahead_of_its_first_letters() -> None:
    got = led(r"(?i:today|yesterday)")
    assert got.startswith("(?=") and "t" in got.split(")(?:")[0] and "y" in got.split(")(?:")[0]
    assert re.compile(got).findall("Today, YESTERDAY") == ["Today", "YESTERDAY"]


def test_patterns_re_already_skips_ahead_by_or_cannot_lead_are_left_as_they_are() -> None:
    for source in (r"\d{4}", r"(?i:week)", r"J[Aa][Nn]|F[Ee][Bb]", r"(?i)today|tonight",
                   r"(?:a|b)?", r"x*", r".abc"):
        assert led(source) == source


def test_every_time_pattern_and_gate_finds_the_same_matches_led() -> None:
    from dateline.analyze import timex as T

    texts = TEXTS + random_texts(80)
    for rx in [rx for _, rx in T.PATTERNS] + list(T._GATE_RX.values()):
        raw = rx.pattern
        if raw.startswith("(?=") and ")(?:" in raw:  # led: compare with the pattern inside
            raw = raw[raw.index(")(?:") + 4:-1]
        same(raw, texts)


def test_the_fold_table_is_every_character_re_takes_for_an_ascii_letter() -> None:
    from dateline.analyze.scan import FOLDS_BEYOND_ASCII

    every = "".join(map(chr, range(0x110000)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found = set(re.findall(f"(?i:{letter})", every))
        assert found == {letter, letter.upper(), *FOLDS_BEYOND_ASCII.get(letter, "")}, letter


@pytest.mark.parametrize("source", [
    r"(?i:today|yesterday|tomorrow|tonight)",
    r"(?i:\b(?:end|beginning|start)\b)",
    r"\d[:.]\d|\d\s*[aApP]\.?[mM]|(?i:noon|midnight|midday)",
    r"(?i:quarter|half|\b[QH][1-4]\b)",
    r"(?i:\bsome\b|[sk]ing)",
    r"(?i:same|year-|year\s+earlier)",
    r"(?i:(?:spring|summer|fall))",
])
def test_spans_of_finds_the_spans_finditer_finds(source: str) -> None:
    from dateline.analyze.scan import spans_of

    find, rx = spans_of(source), re.compile(source)
    texts = TEXTS + random_texts() + ["SAME same year-year-year", "todaytoday TODAY", "Q3Q3 q3 h1"]
    for text in texts:
        assert find(text) == [m.span() for m in rx.finditer(text)], (source, text)


def test_spans_of_uses_the_fast_search_where_it_can_and_finditer_elsewhere() -> None:
    from dateline.analyze.scan import spans_of

    assert spans_of(r"(?i:today|yesterday)").__name__ == "find_by_heads"
    assert spans_of(r"(?i:quarter|half|\b[QH][1-4]\b)").__name__ == "find"  # "q", "h": openings too short
    for source in (r"(?:a|b)?", r"(?i:\w+day)", r"(a)\1", r"(?i)today"):
        assert spans_of(source).__name__ == "<lambda>", source
        assert spans_of(source)("a today aa 2024") == [m.span() for m in re.finditer(source, "a today aa 2024")]


def test_every_gate_of_time_expressions_finds_the_same_hits() -> None:
    from dateline.analyze import timex as T

    texts = TEXTS + random_texts(80)
    for rx, find in T._GATE_SPANS.items():
        for text in texts:
            assert find(text) == [m.span() for m in rx.finditer(text)], (rx.pattern, text)


def _every_start(source: str, text: str) -> list[tuple[int, int]]:
    rx, out, pos = re.compile(source), [], 0
    while pos <= len(text) and (m := rx.search(text, pos)) is not None:
        out.append(m.span())
        pos = m.start() + 1
    return out


@pytest.mark.parametrize("source", [
    r"(?<![\w-])(?i:associated\ press|press|ap|a\.p\.|xinhua\ news|xinhua)(?![\w-])",
    r"(?<![\w-])(?:AP|AFP|AP\-Reuters|TASS|ITAR\-TASS)(?![\w-])",
    r"(?i:same|year-|year\s+earlier)",
    r"\d{4}",
    r"(?:a|b)?",
])
def test_starts_of_finds_the_match_at_every_place_one_starts(source: str) -> None:
    from dateline.analyze.scan import starts_of

    find = starts_of(source)
    texts = TEXTS + random_texts() + ["ITAR-TASS and AP-Reuters, AFP's; Associated Press ASSOCIATED PRESS",
                                      "xinhua news agency, Xinhua, XINHUA NEWS", "year-year-year earlier"]
    hits = 0
    for text in texts:
        assert find(text) == _every_start(source, text), (source, text)
        hits += len(find(text))
    assert hits > 0


def test_openings_are_what_every_match_starts_with() -> None:
    from dateline.analyze.scan import DIGIT, _heads

    assert _heads(r"(?i:second|sec|minute|min|hour)") == ("hour", "min", "sec")
    assert _heads(r"(?i:\b(?:next|following)\s+day)") == ("follo", "next")
    assert _heads(r"\d{4}|(?i:noon)") == (DIGIT, "noon")
    assert _heads(r"J[Aa][Nn]|F[Ee][Bb]") == ("feb", "jan")
    assert _heads(r"(?i:a|bc)") is None and _heads(r"(?i:x?yz)") is None and _heads(r"(?i:\w+day)") is None


def test_spans_by_openings_are_finditers_without_the_characters_lower_case_moves() -> None:
    """Texts with no dotted capital I, dotless i or long s take the search by openings (their
    lower case keeps every offset); the Kelvin sign lower-cases to k and re folds it to k too."""
    from dateline.analyze import timex as T

    rnd = random.Random(5)
    words = ["today", "TOMORROW", "Monday", "MONTHS", "minister", "9:30", "2024-01-02", "12/31", "1990s",
             "\u212aelvin", "wee\u212a", "per", "ago", "year-end", "the fiscal year", "\u0660\u0661", "x", " ", "\n"]
    texts = ["".join(rnd.choice(words) + rnd.choice(["", " ", ", "]) for _ in range(rnd.randint(0, 40)))
             for _ in range(300)]
    for text in texts:
        masked = text.replace("\n", "\x00")
        for rx, find in T._GATE_SPANS.items():
            assert find(masked) == [m.span() for m in rx.finditer(masked)], (rx.pattern, masked)


@pytest.mark.parametrize("source", [
    r"(?i:\b(?P<w>now|currently|the\s+future|at\s+the\s+time|once)\b)",  # openings found by str.find
    r"(?<![\w'’])(?P<h>Christmas(?:\s+Day)?|New\s+Year's\s+Day)(?![\w'’])",  # a case-sensitive class
    r"(?i:x+|y)",  # no opening of two letters and no class: finditer as it is
])
def test_matches_of_gives_finditers_matches(source: str) -> None:
    from dateline.analyze.scan import matches_of

    find, rx = matches_of(source), re.compile(source)
    for text in TEXTS + random_texts() + ["Now, currently NOW: the Future at  the\ntime; Christmas Day, New Year's Day"]:
        assert [(m.span(), m.groups(), m.groupdict()) for m in find(text)] == \
               [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(text)], (source, text)


def test_time_patterns_without_a_gate_find_the_same_matches() -> None:
    from dateline.analyze import timex as T

    assert set(T._UNGATED) == {kind for kind, _ in T.PATTERNS if kind not in T.GATES}
    for kind, find in T._UNGATED.items():
        rx = re.compile(T._UNGATED_SOURCES[kind])
        for text in TEXTS + random_texts() + ["We now meet weekly; at present, Christmas Eve and the near future."]:
            assert [(m.span(), m.groups()) for m in find(text)] == [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_starts_of_by_words_finds_what_starts_of_finds() -> None:
    from dateline.analyze.scan import starts_of

    spellings = ("press service", "press", "news agency", "new", "agence france-presse")
    source = rf"(?<![\w-])(?i:{'|'.join(re.escape(w) for w in sorted(spellings, key=lambda w: (-len(w), w)))})(?![\w-])"
    plain, by_words = starts_of(source), starts_of(source, spellings)
    texts = TEXTS + random_texts() + ["The Press Service of the NEWS AGENCY, new-press, Agence France-Presse \u0130 press",
                                      "newpress news agency; PRESS SERVICE press service\u017f"]
    for text in texts:
        assert by_words(text) == plain(text), text
    assert by_words("a News Agency and the press") == [(2, 13), (22, 27)]
