"""The per-document index of a parse (analyze/docindex.py): the same answers as spaCy's own
attributes, and the analysis given the reading's text for the parse's."""

from __future__ import annotations

from dateline.analyze import docindex
from dateline.analyze import nlp as nlp_module

TEXTS = (
    "The harbour master, who had warned of the storm for days, said on Tuesday that the ferries "
    "would not sail until the wind dropped. Fishermen hauled their boats up the slipway.\n\n"
    "\"We have never seen waves like this,\" a ferry captain told reporters, adding that the "
    "pier at Kell-Mor was closed and that a cease-fire between the two unions had held.",
    "Rain.",
    "",
    "  \n\n  Officials IN THE CAPITAL, according to the agency, rejected it — again.  ",
)


def test_index_gives_spacys_children_labels_and_forms(nlp):
    seen_kids = 0
    for text in TEXTS:
        doc = nlp(text)
        assert docindex.children(doc) == [[c.i for c in t.children] for t in doc]
        assert docindex.deps(doc) == [t.dep_ for t in doc]
        assert docindex.lower_ids(doc) == [t.lower for t in doc]
        assert docindex.lowers(doc) == [t.lower_ for t in doc]
        seen_kids += sum(map(len, docindex.children(doc)))
    assert seen_kids > 40  # the long text has a tree to walk


def test_index_is_made_once_a_document(nlp):
    doc = nlp(TEXTS[0])
    assert docindex.children(doc) is docindex.children(doc)
    assert docindex.lowers(doc) is docindex.lowers(doc)
    other = nlp(TEXTS[3])
    assert docindex.lowers(other) != docindex.lowers(doc)


def test_unparsed_doc_has_no_children(nlp):
    doc = nlp.make_doc("Talks resumed in Geneva on Friday.")
    assert docindex.children(doc) == [[] for _ in doc]
    assert docindex.lowers(doc)[0] == "talks"


def test_analysis_takes_the_readings_text_for_the_parses(nlp):
    from dateline.analyze import _known_text

    doc = nlp(TEXTS[0])
    text = "".join(TEXTS[0])  # equal, another object
    _known_text(doc, text)
    assert nlp_module.text(doc) is text and nlp_module.text(doc) == doc.text
    shorter = nlp(TEXTS[1])
    _known_text(shorter, TEXTS[0])  # not this parse's text: left to be joined from the tokens
    assert nlp_module.text(shorter) == "Rain."
