"""The seed page read through the real CLI gives every extraction field of its hand-made reading."""

import json
import re
import subprocess
import sys

import pytest

SEED = "corpus/seed/000_d840bf1a4e4e21ee"


def fold(s: str) -> str:
    return " ".join(s.lower().split())


def tokens(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def overlaps(predicted: str, gold: str, share: float = 0.8) -> bool:
    got, want = set(tokens(predicted)), tokens(gold)
    return sum(1 for t in want if t in got) >= share * len(want)


@pytest.fixture(scope="module")
def seed(shared):
    expected = json.loads((shared / f"{SEED}.expected.json").read_text(encoding="utf-8"))
    out = subprocess.run(
        [sys.executable, "-m", "dateline", "extract", "--json", str(shared / f"{SEED}.txt")],
        capture_output=True, text=True, check=True,
    )
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0]), expected


def test_title_section_date(seed):
    got, want = seed
    assert fold(got["title"]) == fold(want["title"])
    assert fold(got["section"]) == fold(want["section"])
    assert got["published"][:10] == want["published"]


def test_dateline_and_byline(seed):
    got, want = seed
    assert fold(got["dateline"]["place"]) == fold(want["dateline"]["place"])
    assert fold(got["dateline"]["agency"]) == fold(want["dateline"]["agency"])
    for role in ("authors", "editors"):
        assert {fold(n) for n in got["byline"][role]} == {fold(n) for n in want["byline"][role]}


def test_images_and_agencies(seed):
    got, want = seed
    for image in want["images"]:
        assert any(
            overlaps(g["caption"] or "", image["caption"]) and fold(g["credit"] or "") == fold(image["credit"])
            for g in got["images"]
        )
    assert fold(want["dateline"]["agency"]) in {fold(a) for a in got["agencies"]}


def test_body(seed):
    got, want = seed
    text = got["text"]
    assert len(got["paragraphs"]) == want["body_paragraphs"]
    assert fold(text).startswith(fold(want["body_first_words"]))
    assert fold(text).endswith(fold(want["body_last_words"]))
    for banned in want["body_must_not_contain"]:
        assert fold(banned) not in fold(text)
    for s, e in got["paragraphs"]:
        assert text[s:e].strip() == text[s:e] and text[s:e]


def test_boilerplate_and_related(seed):
    got, want = seed
    for block in want["boilerplate_must_contain"]:
        assert any(b["kind"] == block["kind"] and fold(block["text"]) in fold(b["text"]) for b in got["boilerplate"])
    assert len(got["related"]) == want["related_headlines"]
    for group in want["related_story_groups"]:
        found = [r for r in got["related"] if any(overlaps(r["title"], g) and overlaps(g, r["title"]) for g in group)]
        assert len(found) == len(group)
        assert len({fold(r["title"]) for r in found}) == 1  # one story, told in versions
        assert len({r["version"] for r in found}) == len(group)
