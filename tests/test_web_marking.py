"""An article's text cut into runs for the page (web/marking.py): nested and overlapping claims
and mentions give runs that cover the text exactly once, the innermost claim first."""

from __future__ import annotations

from dateline.web.marking import card, chain, runs


def test_runs_cover_the_text_once_with_nested_claims_and_mentions():
    text = "Ada Varga said the bridge would open in May, officials said."
    outer = {"id": "c1", "kind": "indirect", "span": [0, len(text) - 1]}
    inner = {"id": "c2", "kind": "direct", "span": [15, 43]}
    out = runs(text, 0, len(text), [outer, inner], [(0, 9, 6)])
    assert "".join(r["text"] for r in out) == text
    first = out[0]
    assert first["text"] == "Ada Varga" and first["entity"] == 6 and [c["id"] for c in first["claims"]] == ["c1"]
    middle = next(r for r in out if r["text"].startswith("the bridge"))
    assert [c["id"] for c in middle["claims"]] == ["c2", "c1"]  # the innermost gives the colour
    assert out[-1]["text"] == "." and out[-1]["claims"] == []


def test_runs_of_a_paragraph_clip_spans_that_cross_it():
    text = "One.\n\nTwo three."
    claim = {"id": "c1", "kind": "direct", "span": [2, 10]}
    second = runs(text, 6, len(text), [claim], [])
    assert "".join(r["text"] for r in second) == "Two three."
    assert second[0]["text"] == "Two " and second[0]["claims"] == [claim]


def test_card_says_speaker_cue_addressee_and_chain():
    claim = {"kind": "direct", "speaker_text": "Ada Varga", "cue": "told", "addressee_text": "reporters",
             "channel": {"kind": "interview", "platform": None}, "via": ["Radio Lowmark", "AP"]}
    assert chain(claim) == "Ada Varga → interview → Radio Lowmark → AP"
    text = card(claim)
    assert "cue: told" in text and "to: reporters" in text and text.startswith("direct · Ada Varga")
