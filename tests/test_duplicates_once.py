"""`dateline duplicates` names a pair of documents once: a group inside another is shown within it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline import Corpus
from dateline.cli import app
from dateline.model import Reading, Source

BASE = ("The county council approved the new ferry timetable on Tuesday after a long debate about fares "
        "and the cost of the second boat for the island route.\n\n") * 3


def _reading(rid: str, text: str, url: str) -> Reading:
    return Reading(id=rid, source=Source(path=f"{rid}.txt", url=url, format="text"), url=url, title="Ferry timetable",
                   published="2025-05-06", language="en", text=text, paragraphs=[(0, len(text))])


def test_a_version_pair_inside_a_syndicated_group_is_listed_once(tmp_path):
    db = str(tmp_path / "news.db")
    with Corpus(db) as c:
        c.add([_reading("v1", BASE + "First version.", "https://wire.example/ferry"),
               _reading("v2", BASE + "Second version, with more.", "https://wire.example/ferry/"),
               _reading("other", BASE + "As printed by the Gazette.", "https://gazette.example/ferry")])
        groups = {g["kind"]: g for g in c.duplicates()}
    assert set(groups) == {"version", "syndicated"}
    assert groups["version"]["part_of"] == groups["syndicated"]["id"]
    assert groups["syndicated"]["part_of"] is None
    out = CliRunner().invoke(app, ["duplicates", "--db", db]).output
    listed = [ln.split()[0] for ln in out.splitlines() if ln.startswith("  ") and not ln.strip().startswith("↳")]
    assert sorted(listed) == ["other", "v1", "v2"]  # each document once
    assert "↳ version v1 → v2" in out
    rows = [json.loads(ln) for ln in CliRunner().invoke(app, ["duplicates", "--db", db, "--json"]).output.splitlines()]
    assert {r["kind"]: r["part_of"] for r in rows}["version"] == groups["syndicated"]["id"]
