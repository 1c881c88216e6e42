"""Make the fuzz corpus: pages of the project's own fixtures, mutated the way hostile or broken
input is (hypothesis draws the mutations).

    .venv/bin/python tests/fuzz/make_fuzz.py          # rewrites tests/fuzz/corpus/

The mutations stand for the classes of input that once made analysis slow or huge or broke
extraction: paragraph breaks removed, sentences run together without stops, paragraphs
repeated into one long block, a word with no space for thousands of characters, quotes opened
and never closed, deep or unclosed markup, control characters and NULs, bytes that are not
UTF-8, random Unicode, slices cut out. Each page is kept under ``MAX_BYTES`` (the test runs all
of them and asks for no page over 5 s CPU). The corpus is derandomised: the same hypothesis
version makes the same pages, and the pages are committed so the test does not depend on it.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
OUT = HERE / "corpus"
PAGES = 36
MAX_BYTES = 60_000

#: the project's own pages (written for its tests), and a short story of its own
SEEDS = sorted([*FIXTURES.glob("text/*.txt"), *FIXTURES.glob("html/*.html")])


def _sentences_run_together(text: str, joiner: str) -> str:
    return re.sub(r"(?<=[a-z0-9])[.!?](\s+)(?=[A-Z])", lambda m: joiner, text)


def _paragraphs_joined(text: str) -> str:
    return re.sub(r"\n\s*\n", " ", text)


def _repeat_paragraph(text: str, times: int) -> str:
    paras = [p for p in re.split(r"\n\s*\n", text) if len(p) > 80]
    if not paras:
        return text
    longest = max(paras, key=len)
    return text.replace(longest, " ".join([longest] * times), 1)


def _insert(text: str, at: float, what: str) -> str:
    i = int(len(text) * at)
    return text[:i] + what + text[i:]


LONG_SENTENCE = st.tuples(st.just("long-sentence"), st.tuples(st.integers(10, 80), st.sampled_from([" and ", ", ", " "])))

MUTATION = st.one_of(
    LONG_SENTENCE,
    st.tuples(st.just("join"), st.none()),
    st.tuples(st.just("run-on"), st.sampled_from([" and ", ", ", " — ", " "])),
    st.tuples(st.just("repeat"), st.integers(2, 40)),
    st.tuples(st.just("long-word"), st.integers(500, 8000)),
    st.tuples(st.just("open-quotes"), st.tuples(st.floats(0, 1), st.sampled_from(['"', "“", "«", "'", "„"]), st.integers(1, 50))),
    st.tuples(st.just("controls"), st.tuples(st.floats(0, 1), st.text(st.characters(max_codepoint=31), min_size=1, max_size=40))),
    st.tuples(st.just("unicode"), st.tuples(st.floats(0, 1), st.text(min_size=1, max_size=400))),
    st.tuples(st.just("cut"), st.tuples(st.floats(0, 1), st.floats(0, 0.5))),
    st.tuples(st.just("nest"), st.tuples(st.integers(100, 3000), st.booleans())),
    st.tuples(st.just("bad-bytes"), st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=16))),
)
#: a third of the pages hold one very long sentence (the class that once took minutes a page)
LONG_SHARE = 3


def mutate(text: str, ops: list) -> tuple[str, bytes | None]:
    """The mutated text; bytes when a mutation works on the encoding itself."""
    raw: bytes | None = None
    for name, arg in ops:
        if name == "join":
            text = _paragraphs_joined(text)
        elif name == "run-on":
            text = _sentences_run_together(text, arg)
        elif name == "long-sentence":  # one paragraph said over and over without a full stop
            times, joiner = arg
            paras = [p for p in re.split(r"\n\s*\n", text) if len(p) > 80] or [text]
            longest = max(paras, key=len).rstrip(".!? ")
            text = text.replace(max(paras, key=len), joiner.join([_sentences_run_together(longest, joiner)] * times), 1)
        elif name == "repeat":
            text = _repeat_paragraph(text, arg)
        elif name == "long-word":
            text = _insert(text, 0.5, " " + "".join("abcdefghij"[i % 10] for i in range(arg)) + " ")
        elif name == "open-quotes":
            at, mark, n = arg
            text = _insert(text, at, (mark + "Unclosed ") * n)
        elif name in ("controls", "unicode"):
            at, what = arg
            text = _insert(text, at, what)
        elif name == "cut":
            at, size = arg
            i, n = int(len(text) * at), int(len(text) * size)
            text = text[:i] + text[i + n :]
        elif name == "nest":
            depth, closed = arg
            m = re.search(r"<body[^>]*>", text)
            if m:
                inner_end = text.rfind("</body>")
                inner_end = inner_end if inner_end > m.end() else len(text)
                text = (text[: m.end()] + "<div>" * depth + text[m.end() : inner_end]
                        + ("</div>" * depth if closed else "") + text[inner_end:])
        elif name == "bad-bytes":
            at, junk = arg
            data = text.encode("utf-8", "surrogatepass")
            i = int(len(data) * at)
            raw = data[:i] + junk + data[i:]
            text = raw.decode("utf-8", "surrogateescape")
    data = raw if raw is not None else text.encode("utf-8", "surrogatepass")
    return text, data[:MAX_BYTES]


def make(out: Path = OUT, pages: int = PAGES) -> list[Path]:
    made: list[Path] = []
    seen: set[tuple] = set()
    seeds = [(p.suffix, p.read_text(encoding="utf-8")) for p in SEEDS]

    # many draws, one page per new (seed, kinds of mutation): hypothesis's draws come in runs
    # of near-copies, the corpus should not
    @settings(max_examples=pages * 30, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.integers(0, len(seeds) - 1), st.lists(MUTATION, min_size=1, max_size=4), LONG_SENTENCE)
    def one(seed: int, ops: list, long_sentence: tuple) -> None:
        if len(made) >= pages:
            return
        if len(made) % LONG_SHARE == 0 and not any(op[0] == "long-sentence" for op in ops):
            ops = [long_sentence, *ops]
        suffix, text = seeds[seed]
        if suffix != ".html":
            ops = [op for op in ops if op[0] != "nest"] or [("join", None)]
        kinds = (seed, frozenset(op[0] for op in ops))
        if kinds in seen:
            return
        seen.add(kinds)
        _, data = mutate(text, ops)
        path = out / f"{len(made):03d}_{SEEDS[seed].stem}_{'+'.join(op[0] for op in ops)}{suffix}"
        path.write_bytes(data)
        made.append(path)

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    one()
    return made


if __name__ == "__main__":
    made = make()
    sys.stdout.write(f"{len(made)} pages written to {OUT}\n")
