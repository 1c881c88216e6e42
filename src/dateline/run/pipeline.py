"""Compose the stages. Each document goes through on its own; a failure is its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..extract import DEFAULT_OPTIONS, ExtractOptions, extract
from ..ingest.files import Target, expand_inputs, pages_of
from ..model import Reading


def read_inputs(
    inputs: Iterable[str],
    *,
    analyze: bool = True,
    options: ExtractOptions = DEFAULT_OPTIONS,
    on_target: Callable[[Target], None] | None = None,
    stdin=None,
    workers: int = 1,
    finish: Callable[[Reading], Any] | None = None,
) -> Iterator[Any]:
    """Readings of every page of every input, in input order.

    ``analyze=False`` stops after extraction and never imports the NLP stack.
    ``on_target`` is called after each input file is done (for progress bars).
    ``workers`` > 1: that many long-lived processes read the pages (run/pool.py); same output.
    ``finish``: yield ``finish(reading)`` instead of each reading, called where the reading was
    made (in the worker: per-reading work such as encoding it then runs on every core).
    """
    if workers > 1:
        from .pool import read_pooled

        targets = inputs if _are_targets(inputs) else list(expand_inputs(inputs))
        yield from read_pooled(targets, workers, analyze=analyze, options=options, on_target=on_target, stdin=stdin,
                               finish=finish)
        return
    readings = _extracted(inputs, options, on_target, stdin)
    if analyze:
        from ..analyze import analyze as run_analysis

        readings = run_analysis(readings)
    yield from readings if finish is None else map(finish, readings)


def _extracted(inputs, options, on_target, stdin) -> Iterator[Reading]:
    for target in inputs if _are_targets(inputs) else expand_inputs(inputs):
        for page in pages_of(target, stdin):
            yield extract(page, options)
        if on_target:
            on_target(target)


def _are_targets(inputs) -> bool:
    return isinstance(inputs, list) and bool(inputs) and all(isinstance(i, Target) for i in inputs)
