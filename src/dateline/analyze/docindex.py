"""Indexes of a parse made once a document, for the rules that walk it token by token.

spaCy makes a new ``Token`` for every token a walk touches (``tok.children``, ``tok.head``,
``doc[i]``) and a new string for every label asked (``tok.dep_``, ``tok.lower_``): a rule that
asks each verb's children for their labels pays for a Token and a string per child per ask.
Here the parse's arrays (``Doc.to_array``) are read once a document, kept in its ``user_data``
as ``analyze.nlp.tokens`` keeps its tokens, and a walk reads them by token index:

- :func:`children` — each token's children, in ``tok.children``'s order (left to right);
- :func:`deps` — each token's ``dep_``, the label strings made once;
- :func:`lower_ids` — each token's ``lower`` (the id of its lower-case form);
- :func:`lowers` — each token's ``lower_``, each form's string made once.

They give what spaCy's own attributes give (``tests/test_docindex.py`` checks them on parsed
news text); a rule keeps its logic and only reads the index instead.
"""

from __future__ import annotations

from typing import Any

_KIDS = "dateline_children"
_DEPS = "dateline_deps"
_LOWERS = "dateline_lower_ids"


def children(doc: Any) -> list[list[int]]:
    """``[[c.i for c in tok.children] for tok in doc]``, from the parse's heads: a child is a
    token whose head is another token, listed left to right as spaCy lists them."""
    kids = doc.user_data.get(_KIDS)
    if kids is None:
        from spacy.attrs import HEAD

        kids = [[] for _ in range(len(doc))]
        if len(doc):
            # HEAD: the head's offset from the token (0 at a sentence's root)
            for i, off in enumerate(doc.to_array([HEAD]).astype("int64").ravel().tolist()):
                if off:
                    kids[i + off].append(i)
        doc.user_data[_KIDS] = kids
    return kids


def deps(doc: Any) -> list[str]:
    """``[tok.dep_ for tok in doc]``, each label's string made once a document."""
    labels = doc.user_data.get(_DEPS)
    if labels is None:
        from spacy.attrs import DEP

        strings = doc.vocab.strings
        names: dict[int, str] = {}
        labels = []
        if len(doc):
            for d in doc.to_array([DEP]).ravel().tolist():
                name = names.get(d)
                if name is None:
                    name = names[d] = strings[d] if d else ""
                labels.append(name)
        doc.user_data[_DEPS] = labels
    return labels


def lower_ids(doc: Any) -> list[int]:
    """``[tok.lower for tok in doc]``: the ids of the tokens' lower-case forms."""
    ids = doc.user_data.get(_LOWERS)
    if ids is None:
        from spacy.attrs import LOWER

        ids = doc.to_array([LOWER]).ravel().tolist() if len(doc) else []
        doc.user_data[_LOWERS] = ids
    return ids


_LOWER_STRS = "dateline_lowers"
#: lower-case forms by id, shared by all documents (an id names one string for good); emptied
#: when it grows past this many, so that a long run's memory stays bounded
_FORMS: dict[int, str] = {}
_MOST_FORMS = 200_000


def lowers(doc: Any) -> list[str]:
    """``[tok.lower_ for tok in doc]``: each form's string made once, not once a token an ask."""
    out = doc.user_data.get(_LOWER_STRS)
    if out is None:
        if len(_FORMS) > _MOST_FORMS:
            _FORMS.clear()
        strings = doc.vocab.strings
        forms = _FORMS
        out = []
        for w in lower_ids(doc):
            s = forms.get(w)
            if s is None:
                s = forms[w] = strings[w]
            out.append(s)
        doc.user_data[_LOWER_STRS] = out
    return out
