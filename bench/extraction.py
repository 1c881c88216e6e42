"""Article extraction on the article-extraction benchmark (../shared/bench/aeb): one table.

    python bench/extraction.py [--limit N] [--json]

Rows, measured in the same run on the same machine: dateline on the HTML pages, trafilatura's
default ``extract()`` on the same pages, dateline on the text renderings of the pages, and two
plain-text baselines (the whole text; the lines of 12+ words). Columns: precision, recall, F1
(the benchmark's metric, bench/aeb.py) and pages per CPU-second, timed with
``time.process_time()`` around the extraction calls only (pages are read and decoded first),
after one warm-up call.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import aeb  # noqa: E402

TARGET_F1 = 0.960


@dataclass
class Row:
    name: str
    input: str
    precision: float
    recall: float
    f1: float
    pages: int
    empty: int
    cpu_s: float
    pages_per_cpu_s: float


def measure(name: str, kind: str, pages: list[tuple[str, str]], truth: dict[str, str], fn: Callable[[str], str]) -> Row:
    if pages:
        fn(pages[0][1])  # warm-up: imports, compiled rules, lazily built tables
    outputs: list[tuple[str, str]] = []
    start = time.process_time()
    for pid, content in pages:
        outputs.append((pid, fn(content)))
    cpu = time.process_time() - start
    s = aeb.summarise(aeb.score_page(out or "", truth.get(pid, "")) for pid, out in outputs)
    empty = sum(1 for _, out in outputs if not (out or "").strip())
    return Row(name, kind, s.precision, s.recall, s.f1, s.pages, empty, cpu, len(pages) / cpu if cpu > 0 else float("inf"))


def dateline_reader(fmt: str) -> Callable[[str], str]:
    from dateline.extract import extract
    from dateline.model import Page, Source

    def read(content: str) -> str:
        return extract(Page(content=content, source=Source(format=fmt), content_type=fmt)).text  # type: ignore[arg-type]

    return read


def trafilatura_default(content: str) -> str:
    import trafilatura

    return trafilatura.extract(content) or ""


def whole_text(content: str) -> str:
    return content


def long_lines(content: str) -> str:
    return "\n".join(line for line in content.splitlines() if len(line.split()) >= 12)


def run(limit: int | None) -> list[Row]:
    truth = aeb.ground_truth()
    html = list(aeb.html_pages())[:limit] if limit else list(aeb.html_pages())
    text = list(aeb.text_pages())[:limit] if limit else list(aeb.text_pages())
    return [
        measure("dateline", "html", html, truth, dateline_reader("html")),
        measure("trafilatura extract() default", "html", html, truth, trafilatura_default),
        measure("dateline", "text", text, truth, dateline_reader("text")),
        measure("whole text", "text", text, truth, whole_text),
        measure("lines of 12+ words", "text", text, truth, long_lines),
    ]


def targets(rows: list[Row]) -> dict[str, object]:
    ours = next(r for r in rows if r.name == "dateline" and r.input == "html")
    anchor = next(r for r in rows if r.input == "html" and r.name.startswith("trafilatura"))
    speed = ours.pages_per_cpu_s / anchor.pages_per_cpu_s if anchor.pages_per_cpu_s else 0.0
    return {
        "f1_target": TARGET_F1,
        "f1_met": ours.f1 >= TARGET_F1,
        "speed_vs_trafilatura": speed,
        "speed_met": speed > 1.0,
    }


def print_table(rows: list[Row], goal: dict[str, object]) -> None:
    anchor = next(r for r in rows if r.input == "html" and r.name.startswith("trafilatura"))
    header = ["extractor", "input", "pages", "empty", "P", "R", "F1", "pages/CPU-s", "× trafilatura"]
    cells = [
        [
            r.name, r.input, str(r.pages), str(r.empty), f"{r.precision:.3f}", f"{r.recall:.3f}", f"{r.f1:.3f}",
            f"{r.pages_per_cpu_s:,.0f}", f"{r.pages_per_cpu_s / anchor.pages_per_cpu_s:.2f}",
        ]
        for r in rows
    ]
    caption = (
        f"targets (dateline html): F1 ≥ {TARGET_F1:.3f} {'met' if goal['f1_met'] else 'MISSED'}; "
        f"faster than trafilatura default: {goal['speed_vs_trafilatura']:.2f}× "
        f"{'met' if goal['speed_met'] else 'MISSED'}"
    )
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        for c in cells:
            print("  ".join(v.ljust(w) if i < 2 else v.rjust(w) for i, (v, w) in enumerate(zip(c, widths))))
        print(caption)
        return
    table = Table(title="Article extraction, ../shared/bench/aeb (one process)", caption=caption)
    for i, h in enumerate(header):
        table.add_column(h, justify="left" if i < 2 else "right")
    for c in cells:
        table.add_row(*c)
    # piped output (BENCHMARKS.md) gets a width that fits the table instead of 80 columns
    Console(width=None if sys.stdout.isatty() else 120).print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N pages only")
    parser.add_argument("--json", action="store_true", help="print the result as JSON instead of a table")
    args = parser.parse_args(argv)
    if not aeb.available():
        print(f"the benchmark data is absent ({aeb.AEB}); nothing to measure", file=sys.stderr)
        return 0
    # trafilatura and htmldate log every page they discard; the table is the output here
    logging.disable(logging.WARNING)
    rows = run(args.limit)
    goal = targets(rows)
    if args.json:
        print(json.dumps({"rows": [asdict(r) for r in rows], "targets": goal}, indent=2))
    else:
        print_table(rows, goal)
    return 0


if __name__ == "__main__":
    sys.exit(main())
