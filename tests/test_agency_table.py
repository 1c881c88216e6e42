"""The agency table as two combined patterns finds what one pattern per spelling found."""

from __future__ import annotations

import random
import re

from dateline.analyze.entities import _AMBIGUOUS_AGENCY, _agency_mentions
from dateline.extract.lexicon import AGENCIES


def one_pattern_per_spelling(text: str, credited: set[str]) -> list[tuple[int, int, str, str]]:
    """The former implementation: a scan of the text for each spelling of the table."""
    found = []
    for canonical, spellings in AGENCIES.items():
        if canonical == "Agencies":
            continue
        for spelling in spellings:
            if len(spelling) <= _AMBIGUOUS_AGENCY and canonical not in credited:
                continue
            flags = 0 if spelling.isupper() or len(spelling) <= 4 else re.I
            for m in re.finditer(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", text, flags):
                end = m.end()
                tail = re.match(r"\s+(news\s+agency|agency|news\s+service|newswire)\b", text[end:], re.I)
                if tail:
                    end += tail.end()
                found.append((m.start(), end, canonical, text[m.start():end]))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out = []
    for f in found:
        if out and f[0] < out[-1][1]:
            continue
        out.append(f)
    return out


_FILLER = "the minister said on Tuesday that talks would resume, according to a report by".split()


def test_combined_patterns_match_the_per_spelling_scan():
    rnd = random.Random(17)
    spellings = [s for c, ss in AGENCIES.items() if c != "Agencies" for s in ss]
    canonicals = [c for c in AGENCIES if c != "Agencies"]
    assert len(spellings) > 50
    total = 0
    for _ in range(300):
        parts = []
        for _ in range(rnd.randint(3, 12)):
            s = rnd.choice(spellings)
            s = rnd.choice([s, s.upper(), s.lower(), s.title()])
            tail = rnd.choice(["", " news agency", " Agency", " newswire", "-based", "'s"])
            parts.append(" ".join(rnd.choices(_FILLER, k=rnd.randint(0, 4))) + " " + s + tail)
        text = rnd.choice([", ", " (", " — ", "; "]).join(parts) + "."
        credited = set(rnd.sample(canonicals, rnd.randint(0, 3)))
        found = _agency_mentions(text, credited)
        assert found == one_pattern_per_spelling(text, credited), text
        total += len(found)
    assert total > 1000  # the texts are full of agencies
