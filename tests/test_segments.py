"""Long texts are analysed in segments (analyze/segments.py): linear cost, exact offsets."""

from __future__ import annotations

import json
import subprocess
import sys

from dateline.analyze.segments import RUN_ON_CHARS, SEGMENT_CHARS, cuts, one_piece

STORY = [
    "Mayor Elena Marsh said on Monday that the Brackwater bridge would close to lorries from June.",
    "\"We cannot wait for a collapse,\" Marsh told reporters outside the town hall in Brackwater.",
    "The haulage group Northline Freight said the detour would add forty minutes to every trip.",
    "Engineers from the county council found cracks in two supports last week, the council said.",
]


def test_cuts_are_contiguous_bounded_and_prefer_sentence_like_boundaries():
    para = " ".join(STORY)
    text = "\n\n".join([para] * 40)
    segs = cuts(text, 2000)
    assert segs[0][0] == 0 and segs[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(segs, segs[1:]))
    assert all(e - s <= 2000 for s, e in segs)
    assert all(text[s:e].startswith("Mayor") for s, e in segs)  # cut at paragraph ends
    one_paragraph = " ".join(STORY * 40)
    segs = cuts(one_paragraph, 2000)
    assert all(e - s <= 2000 for s, e in segs) and len(segs) > 1
    assert all(one_paragraph[e - 2] in ".”\"" for _, e in segs[:-1])  # sentence ends
    no_stops = " ".join(["word"] * 3000)
    assert all(no_stops[e - 1] == " " for _, e in cuts(no_stops, 2000)[:-1])
    no_spaces = "x" * 5000
    assert cuts(no_spaces, 2000) == [(0, 2000), (2000, 4000), (4000, 5000)]


def test_ordinary_articles_stay_whole_and_run_on_text_is_cut_shorter():
    article = "\n\n".join([" ".join(STORY)] * 40)  # 14,000 characters of ordinary prose
    assert len(article) < SEGMENT_CHARS and one_piece(article) and cuts(article) == [(0, len(article))]
    assert not one_piece(article * 2)
    run_on = " and ".join(s.rstrip(".") for s in STORY * 40)  # as long, never a full stop
    assert not one_piece(run_on)
    segs = cuts(run_on)
    assert len(segs) >= 3 and all(e - s <= RUN_ON_CHARS for s, e in segs)


def _spans_are_exact(r: dict) -> None:
    text = r["text"]
    for t in r["timexes"]:
        if "field" not in t:
            assert text[t["span"][0]:t["span"][1]] == t["text"]
    for e in r["entities"]:
        names = {n.casefold() for n in [e["name"], *e["aliases"]]}
        for s, end in e["mentions"]:
            assert 0 <= s < end <= len(text)
            assert any(n in text[s:end].casefold() or text[s:end].casefold() in n for n in names), (e, text[s:end])
    ids = {e["id"] for e in r["entities"]}
    for c in r["claims"]:
        if c["speaker_span"]:
            assert text[c["speaker_span"][0]:c["speaker_span"][1]] == c["speaker_text"]
        assert c["speaker"] is None or c["speaker"] in ids
        for s, end in c["quotes"]:
            assert 0 <= s < end <= len(text)


def test_a_long_text_is_analysed_like_its_parts_with_exact_offsets(tmp_path):
    # nine copies of one short story: one segment each way or another, the same claims each
    copies = 9
    short = "\n\n".join(STORY)
    long = "\n\n".join([short] * copies * 12)  # about 40,000 characters: three segments
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps({"id": "short", "body": short, "published": "2025-05-05"}) + "\n"
                     + json.dumps({"id": "long", "body": long, "published": "2025-05-05"}) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "dateline", "read", "--json", str(pages)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    r_short, r_long = (json.loads(x) for x in out.stdout.splitlines())
    assert r_long["error"] is None and len(r_long["text"]) > 40_000
    _spans_are_exact(r_short)
    _spans_are_exact(r_long)
    n = copies * 12
    assert len(r_long["claims"]) == n * len(r_short["claims"])
    assert {c["content"] for c in r_long["claims"]} == {c["content"] for c in r_short["claims"]}
    assert len(r_long["timexes"]) == n * len(r_short["timexes"])
    # one entity per name and type across segments, with every mention
    marsh = [e for e in r_long["entities"] if e["name"] == "Elena Marsh"]
    assert len(marsh) == 1 and len(marsh[0]["mentions"]) == n * len(
        next(e for e in r_short["entities"] if e["name"] == "Elena Marsh")["mentions"])
    assert len({c["id"] for c in r_long["claims"]}) == len(r_long["claims"])
