"""Markup nested deeper than an HTML parser goes, flattened so its text can still be read.

libxml2 stops building the tree at 256 nested elements ("Excessive depth in document") and
drops everything below: a page wrapped in a few hundred <div>s (generated markup, a broken
template that never closes its tags) came out as "no article text found". Tags that open
deeper than ``MAX_DEPTH`` are taken out with their closing tags; their text stays where it
was, so the article is read and the page says what was done.
"""

from __future__ import annotations

import re

#: elements kept nested; deeper ones are flattened into their ancestor at this depth
MAX_DEPTH = 200
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
#: elements that hold the article's paragraphs: kept a little deeper, so paragraphs stay apart
_TEXT_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre figcaption article main".split())
_TEXT_BLOCK_DEPTH = 30
#: what libxml2 says when it gives up on depth
DEPTH_ERROR = "Excessive depth"


def flatten(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """(the markup with elements deeper than ``max_depth`` unwrapped, how many were unwrapped)."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    open_count: dict[str, int] = {}  # how many of each name are open: a stray close costs nothing
    depth = 0
    removed = 0
    pos = 0
    for m in _TAG.finditer(html):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        out.append(html[pos : m.start()])
        pos = m.end()
        if name in _VOID or rest.rstrip().endswith("/"):
            out.append(m.group(0))
            continue
        if not closing:
            keep = depth < max_depth or (name in _TEXT_BLOCKS and depth < max_depth + _TEXT_BLOCK_DEPTH)
            stack.append((name, keep))
            open_count[name] = open_count.get(name, 0) + 1
            if keep:
                depth += 1
                out.append(m.group(0))
            else:
                removed += 1
            continue
        # a closing tag closes the nearest open one of its name (and what was left open inside)
        keep = True  # a stray closing tag: the parser ignores it anyway
        if open_count.get(name):
            i = len(stack) - 1
            while stack[i][0] != name:
                i -= 1
            for closed, kept in stack[i:]:
                depth -= kept
                open_count[closed] -= 1
            keep = stack[i][1]
            del stack[i:]
        if keep:
            out.append(m.group(0))
    out.append(html[pos:])
    return "".join(out), removed
