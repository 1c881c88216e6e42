"""The attribution benchmark's reader and scorer, on the project's own brat corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BRAT = Path(__file__).resolve().parent / "fixtures" / "brat"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_attribution", ROOT / "bench" / "attribution.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


bench = _bench()


def test_reads_the_corpus_with_discontinuous_contents() -> None:
    docs = bench.load_corpus(BRAT)
    assert [d.name for d in docs] == ["council_teachers", "flood_review", "port_strike"]
    port = next(d for d in docs if d.name == "port_strike")
    assert len(port.gold) == 4
    split = next(g for g in port.gold if len(g.content) == 2)
    assert split.quoted and port.text[slice(*split.sources[0])] == "port director Mei Tanaka"
    assert sum(g.quoted for d in docs for g in d.gold) == 3


def test_parse_ann_groups_by_relation_and_event() -> None:
    text = "Ann said it rained. Bob said it snowed."
    ann = ("T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 18\tit rained\n"
           "T4\tSource 20 23\tBob\nT5\tCue 24 28\tsaid\nT6\tContent 29 38\tit snowed\n"
           "R1\tAttribution Arg1:T1 Arg2:T3\nR2\tAttribution Arg1:T2 Arg2:T3\n"
           "E1\tAttribution:T5 Source:T4 Content:T6\n")
    gold = bench.parse_ann(ann, text)
    assert [(g.content, g.sources, g.cues) for g in gold] == [
        ([(9, 18)], [(0, 3)], [(4, 8)]), ([(29, 38)], [(20, 23)], [(24, 28)])]
    assert not any(g.quoted for g in gold)


def test_match_thresholds_and_one_to_one() -> None:
    gold = [bench.Gold([(0, 100)], [(200, 210)])]
    half = bench.Pred([(0, 50)], (200, 205))
    assert bench.match(gold, [half], 0.3) == [(0, 0)]
    assert bench.match(gold, [half], 0.8) == []
    twice = [bench.Pred([(0, 90)]), bench.Pred([(0, 95)])]
    assert bench.match(gold, twice, 0.3) == [(0, 1)]  # the better cover wins, once


def test_score_counts_precision_recall_and_speakers() -> None:
    doc = bench.Document("d", "x" * 300, [bench.Gold([(0, 100)], [(200, 210)], quoted=True),
                                          bench.Gold([(100, 150)], [(250, 260)])])
    preds = [[bench.Pred([(0, 100)], (205, 215)), bench.Pred([(160, 170)], None)]]
    s = bench.score([doc], preds, 0.3)
    assert (s["P"], s["R"], s["R_quoted"], s["R_indirect"], s["speaker"]) == (0.5, 0.5, 1.0, 0.0, 1.0)
    assert abs(s["F1"] - 0.5) < 1e-9


def test_dateline_on_the_fixture_corpus(nlp) -> None:
    docs = bench.load_corpus(BRAT)
    preds, cpu = bench.run_dateline(docs)
    s = bench.score(docs, preds, 0.8)
    assert cpu > 0
    assert s["P"] >= 0.9 and s["R"] >= 0.75 and s["R_quoted"] == 1.0 and s["speaker"] >= 0.9
    out = bench.table(docs, {"dateline": (preds, cpu)})
    assert out.splitlines()[0].startswith("attribution: 3 documents, 12 gold contents")


def test_textacy_baseline_runs_when_installed(nlp) -> None:
    pytest.importorskip("textacy")
    docs = bench.load_corpus(BRAT)
    result = bench.run_textacy(docs)
    assert result is not None
    preds, _ = result
    assert len(preds) == len(docs)
    assert bench.score(docs, preds, 0.3)["R_indirect"] == 0.0  # direct quotations only


POLNEAR = Path(__file__).resolve().parent / "fixtures" / "polnear_sample.jsonl"


def test_reads_polnear_json_lines() -> None:
    docs = bench.load_polnear(POLNEAR)
    assert len(docs) == 1 and len(docs[0].gold) == 3
    assert [g.quoted for g in docs[0].gold] == [False, True, False]
    assert docs[0].text[slice(*docs[0].gold[2].sources[0])] == "A new survey"


def test_document_order_matching_and_recall_by_kind() -> None:
    doc = bench.load_polnear(POLNEAR)[0]
    g = doc.gold
    # one prediction covering the first two contents: document order gives it to the first
    wide = bench.Pred([(g[0].content[0][0], g[1].content[0][1])], g[0].sources[0])
    assert bench.match(g, [wide], 0.3, "document") == [(0, 0)]
    s = bench.score([doc], [[wide]], 0.3, "document")
    assert s["R"] == 1 / 3 and s["P"] == 1.0
    # recall by kind reruns the matching: the quoted gold alone is covered too
    assert s["R_quoted"] == 1.0 and s["R_indirect"] == 0.5


def test_dateline_on_the_polnear_sample(nlp) -> None:
    docs = bench.load_polnear(POLNEAR)
    preds, _ = bench.run_dateline(docs)
    s = bench.score(docs, preds, 0.3, "document")
    assert s["R"] == 1.0 and s["speaker"] == 1.0, s
