"""One entity across a corpus: titles, initials, transliterations, acronyms, and people who
share a surname kept apart. The fixture pages are the project's own writing; each says who is
who in its "people" field, which the pipeline never sees."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from dateline import Corpus
from dateline.store.entities import person_key, surnames

FIXTURE = Path(__file__).parent / "fixtures" / "entities" / "same_surnames.jsonl"


def test_person_keys() -> None:
    assert person_key("President Donald J. Trump") == person_key("Donald Trump") == "donald trump"
    assert person_key("Mr. Trump") == person_key("U.S. President Trump") == "trump"
    assert person_key("Volodymyr Zelenskyy") == person_key("Volodymyr Zelenskiy") == person_key("Volodymyr Zelensky")
    assert person_key("Secretary of State Mike Pompeo") == "mike pompeo"
    assert person_key("New Yorker") == "new yorker"  # no role noun: not a title
    assert surnames(person_key("Kim Jong-un")) == ["kim"] and surnames("jack kim") == ["kim"]
    assert surnames(person_key("Donald Trump Jr.")) == ["trump"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("res") / "res.db"
    with Corpus(str(db)) as corpus:
        corpus.ingest([str(FIXTURE)], workers=1)
    return db


def _people(db: Path) -> dict[str, set[int]]:
    """Fixture person key → the corpus entities its mentions were resolved to."""
    pages = {json.loads(line)["id"]: json.loads(line)["people"] for line in FIXTURE.read_text().splitlines()}
    conn = sqlite3.connect(db)
    out: dict[str, set[int]] = defaultdict(set)
    for doc, name, eid in conn.execute("SELECT document_id, name, entity_id FROM document_entities WHERE type = 'PERSON'"):
        who = pages[doc].get(name)
        if who:
            out[who].add(eid)
    return out


def test_each_person_is_one_entity_and_namesakes_stay_apart(store: Path) -> None:
    people = _people(store)
    assert {"duarte-president", "duarte-reporter", "kim-leader", "kim-reporter", "zelensky",
            "solheim-pm", "solheim-fisher", "okafor-union", "okafor-minister"} <= set(people)
    for who, ids in people.items():
        assert len(ids) == 1, (who, ids)  # one entity for every form of one person
    owners: dict[int, str] = {}
    for who, ids in people.items():
        for eid in ids:
            assert owners.setdefault(eid, who) == who, (eid, who, owners[eid])  # no wrong merge


def test_an_acronym_joins_its_expansion(store: Path) -> None:
    conn = sqlite3.connect(store)
    rows = conn.execute("SELECT DISTINCT entity_id FROM document_entities WHERE name IN "
                        "('NATO', 'North Atlantic Treaty Organization')").fetchall()
    assert len(rows) == 1


def test_queries_match_any_alias_and_say_which_entity(store: Path) -> None:
    with Corpus(str(store)) as corpus:
        by_full = corpus.entities_named("Volodymyr Zelensky")
        by_other = corpus.entities_named("Zelenskiy")
        assert [e["id"] for e in by_full] == [e["id"] for e in by_other] and len(by_full) == 1
        assert set(by_full[0]["aliases"]) >= {"Volodymyr Zelenskiy"}
        # a shared surname names both people, and says so
        assert len(corpus.entities_named("Solheim")) == 2
        assert len(corpus.entities_named("Ingrid Solheim")) == 1


def test_cli_timeline_says_which_entity_it_matched(store: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "dateline", "claims", "--speaker", "President Duarte", "--db", str(store)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Ana Duarte" in out.stdout.splitlines()[0] and "entity" in out.stdout.splitlines()[0]
    out = subprocess.run([sys.executable, "-m", "dateline", "claims", "--speaker", "Duarte", "--db", str(store), "--json"],
                         capture_output=True, text=True, timeout=120)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all("matched_entity" in r for r in rows)
    assert any(r["matched_entity"] and r["matched_entity"]["name"] == "Ana Duarte" for r in rows)
