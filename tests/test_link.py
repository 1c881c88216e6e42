"""link/: fingerprints, near-duplicates, versions, stories — on texts written here."""

from __future__ import annotations

import random

from dateline.link.dedupe import NearDuplicateIndex, containment, fingerprint, jaccard, near_duplicate_pairs, text_hash
from dateline.link.groups import Components
from dateline.link.stories import StoryDoc, story_pairs
from dateline.link.versions import VersionKey, split_title, url_key, version_pairs

WORDS = (
    "river dam talks minister valley farmers water winter border engineers gauges institute capital "
    "delegation cabinet reservoir flow canal irrigation spring planting schedule release market wheat "
    "grain traders prices buyers region autumn dispute country government officials agreement offer "
    "union strike port workers operators vote week pay deal automation terminal night session"
).split()


def story(seed: int, paragraphs: int = 6, words: int = 45) -> str:
    rng = random.Random(seed)
    return "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(words)) + "." for _ in range(paragraphs))


def test_fingerprint_is_stable_and_ignores_case_and_punctuation():
    a = fingerprint("Talks collapse, officials say.\n\nThe port is shut!")
    b = fingerprint("talks   collapse officials say -- the PORT is shut")
    assert a.text_hash == b.text_hash == text_hash("TALKS collapse officials say the port is shut")
    assert (a.signature == b.signature).all()
    assert a.signature.dtype.name == "uint32" and len(a.signature) == 128


def test_wire_copy_variants_are_found_and_other_stories_are_not():
    original = story(1)
    paras = original.split("\n\n")
    words = original.split()
    edited = list(words)
    for i in range(0, len(edited), 40):
        edited[i] = "very"
    variants = {
        "dateline": "SEOUL, June 3 (Reuters) - " + original + "\n\n(Reporting by A. Writer; Editing by B. Desk)",
        "trimmed": " ".join(words[10:-50]),
        "dropped": "\n\n".join(paras[:2] + paras[3:]),
        "edits": " ".join(edited),
    }
    index = NearDuplicateIndex()
    index.add("original", fingerprint(original).signature, fingerprint(original).shingles)
    for seed in range(2, 30):
        fp = fingerprint(story(seed))
        index.add(f"other-{seed}", fp.signature, fp.shingles)
    for name, text in variants.items():
        found = {m.other for m in index.matches(fingerprint(text).signature, fingerprint(text).shingles)}
        assert found == {"original"}, name


def test_short_texts_are_only_exact_copies():
    pairs = near_duplicate_pairs([("a", fingerprint("Photo: Reuters")), ("b", fingerprint("Photo: Reuters"))])
    assert pairs == []


def test_containment_estimate():
    assert containment(0.5, 100, 50) == 1.0
    assert 0.0 <= containment(0.1, 100, 100) < 0.2
    assert jaccard(fingerprint(story(3)).signature, fingerprint(story(3)).signature) == 1.0


def test_minhash_stage_finds_only_the_copy_among_many_stories():
    # speed is bench/corpus.py's to measure (docs per CPU-second beside its anchor), not a
    # timed unit test's on a shared machine
    texts = [story(s, paragraphs=8, words=60) for s in range(300)]
    texts.append(texts[17] + " Updated at noon.")
    pairs = near_duplicate_pairs((str(i), fingerprint(x)) for i, x in enumerate(texts))
    assert {tuple(sorted(p[:2])) for p in pairs} == {("17", "300")}


def test_components():
    groups = Components().union_all([("b", "a"), ("c", "b"), ("x", "y")]).groups()
    assert sorted(groups) == [["a", "b", "c"], ["x", "y"]]


def test_versions_by_label_and_by_url():
    assert split_title("1st LD: Fire kills 40 in port city") == ("Fire kills 40 in port city", "1st LD")
    assert url_key("https://www.Example.com/a/b/?x=1#top") == "example.com/a/b?x=1"
    docs = [
        VersionKey("v0", "https://wire.example/a", "Fire kills 40 in port city", None, "2025-01-01"),
        VersionKey("v1", "https://wire.example/b", "Fire kills 40 in port city", "1st LD", "2025-01-01"),
        VersionKey("v2", "https://wire.example/c", "Fire kills 40 in port city", "2nd LD", "2025-01-02"),
        # another outlet's copy under the same headline is not a version
        VersionKey("copy", "https://paper.example/x", "Fire kills 40 in port city", None, "2025-01-01"),
        # too far apart
        VersionKey("old", "https://wire.example/d", "Fire kills 40 in port city", "UPDATE 1", "2024-01-01"),
        VersionKey("recrawl", "http://wire.example/a/", "Fire kills 40 in port city", None, "2025-01-03"),
    ]
    groups = Components().union_all((a, b) for a, b, _ in version_pairs(docs)).groups()
    assert groups == [["recrawl", "v0", "v1", "v2"]]


def test_stories_share_rare_names_within_days():
    a = StoryDoc("a", "2025-03-03", "Velmora agrees to dam talks", "ORLAN — Velmora will talk to Brenna about the Tessa dam.",
                 ["velmora", "brenna", "tessa river", "ana korsak"])
    b = StoryDoc("b", "2025-03-05", "Brenna brings Tessa River data to Halden talks",
                 "LISK — Officials in Brenna answered Velmora's offer on the dam.", ["brenna", "velmora", "tessa river"])
    c = StoryDoc("c", "2025-03-04", "Chess championship opens", "NORTHGATE — A record field of players.", ["rosa mirek"])
    late = StoryDoc("late", "2025-05-01", "Velmora dam talks with Brenna", "Velmora, Brenna and the Tessa dam again.",
                    ["velmora", "brenna", "tessa river"])
    pairs = {(x, y) for x, y, _ in story_pairs([a, b, c, late])}
    assert ("a", "b") in pairs
    assert not any("c" in p for p in pairs)
    assert not any("late" in p for p in pairs)
