"""Reading on every core: long-lived worker processes that load the pipeline once.

The parent loads the pipeline (one short page through the whole analysis) and forks the
workers, which start with it in memory; it reads the inputs into pages and writes the output;
the workers extract and analyse
chunks of pages, and the readings come back in input order, with a few chunks per worker in
flight (bounded memory, whatever the input's size). What the parent does per page is done on
one core while the workers wait for it, so a caller's own per-reading work (``dateline read
--json`` encoding each reading) is handed to the workers as ``finish``: they send back its
result (a JSON line) instead of the reading, to be unpickled and encoded again. A worker dies with its parent (Linux:
``PR_SET_PDEATHSIG``), so a killed ``dateline read`` leaves no process behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..extract import DEFAULT_OPTIONS, ExtractOptions
from ..ingest.files import Target, pages_of
from ..model import Error, Page, Reading

_PR_SET_PDEATHSIG = 1
#: pages a worker is given at a time. With the analysis a page costs ~0.2 CPU s and sending it
#: and its reading ~0.3 ms, so one at a time: the workers then finish within a page of each
#: other (with 4, 60 pages went 32/28 and one core idled for the last chunk); extraction alone
#: is ~100 times cheaper a page, so there a chunk pays for the round trip
CHUNK_ANALYSED = 1
CHUNK_EXTRACTED = 16
#: pages in flight per worker (sent, or read and not yet taken): enough work queued that the
#: workers go on while the parent is busy (``ingest`` writing a batch of 200 takes ~1 s), few
#: enough that memory stays bounded
IN_FLIGHT_PAGES = 12


def in_flight_chunks(workers: int, chunk: int) -> int:
    """Chunks kept in flight: at least three a worker, and about IN_FLIGHT_PAGES pages a worker."""
    return workers * max(3, IN_FLIGHT_PAGES // max(1, chunk))


_options: ExtractOptions = DEFAULT_OPTIONS
_analyze = True
#: applied to each reading where it is read (see ``read_pooled``); None: the reading itself
_finish: Callable[[Reading], Any] | None = None


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


#: how often a worker looks whether the process that started it is still there
WATCHDOG_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """Pool initializer (``dateline read`` and ``ingest``): a worker never outlives the process
    that started it.

    ``kill -9`` of the parent gives a pool no chance to stop its workers, which then kept the
    store open and the cores busy. On Linux the kernel sends the worker SIGKILL when its parent
    dies (prctl PR_SET_PDEATHSIG); elsewhere, and as a fallback, a watchdog thread ends the
    worker once its parent is gone (it is re-parented: getppid() changes).
    """
    import threading
    import time

    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl here: the watchdog does it
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="dateline-parent-watchdog", daemon=True).start()


def _start(parent: int, analyze: bool, options: ExtractOptions, finish: Callable[[Reading], Any] | None = None) -> None:
    """Worker initializer: die with the parent, leave Ctrl-C to it, load the pipeline once."""
    global _options, _analyze, _finish
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _options, _analyze, _finish = options, analyze, finish
    from .. import extract  # noqa: F401  (imported once here, not on the first page)

    if analyze:
        from ..analyze import nlp

        nlp.load()


#: the page read before the workers fork (our own words)
WARM_UP_TEXT = ("Ana Lind said on Monday that the port would reopen in June. She told reporters that the "
                "workers who had been on strike since the spring were back, and that the first ships "
                "would come in after the repairs were done.")


def preload_pipeline(analyze: bool) -> None:
    """Import the reading code and load the default pipeline in this process, before forking."""
    from .. import extract  # noqa: F401

    if analyze:
        from ..analyze import analyze as run_analysis
        from ..extract import extract
        from ..model import Source

        # one short page through the whole analysis: the pipeline and everything the rules
        # build on first use (matchers, the cue model) are then made once, here. It is plainly
        # English (analyze/language.py), so the language model is not loaded for it: a worker
        # loads it only when one of its pages needs it
        page = Page(WARM_UP_TEXT, Source(path="<warm-up>"))
        try:
            list(run_analysis([extract(page, _options)]))
        except Exception:  # noqa: BLE001  (a broken install: each document will say so itself)
            pass


def _read_chunk(pages: list[Page]) -> list[Any]:
    from ..extract import extract

    readings = [extract(page, _options) for page in pages]
    if _analyze:
        from ..analyze import analyze

        readings = list(analyze(readings))
    return [_finish(r) for r in readings] if _finish is not None else readings


def _lost(page: Page, why: str, finish: Callable[[Reading], Any] | None = None) -> Any:
    lost = Reading(id=page.id or "", source=page.source, url=page.url or page.source.url, error=Error("analyze", why))
    return finish(lost) if finish is not None else lost


def read_pooled(
    targets: Iterable[Target],
    workers: int,
    *,
    analyze: bool = True,
    options: ExtractOptions = DEFAULT_OPTIONS,
    on_target: Callable[[Target], None] | None = None,
    stdin=None,
    chunk: int | None = None,
    finish: Callable[[Reading], Any] | None = None,
) -> Iterator[Any]:
    """Readings of every page of the targets, in input order, read by ``workers`` processes.

    ``finish``: a function of a reading, called in the worker that read it; its results are
    what is yielded (it must pickle: a module-level function, or a ``functools.partial`` of
    one). An input of a few pages is read in this process (starting workers would cost more)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = chunk or (CHUNK_ANALYSED if analyze else CHUNK_EXTRACTED)

    def chunks() -> Iterator[tuple[list[Page], list[Target]]]:
        buf: list[Page] = []
        done: list[Target] = []
        for target in targets:
            for page in pages_of(target, stdin):
                buf.append(page)
                if len(buf) >= chunk:
                    yield buf, done
                    buf, done = [], []
            done.append(target)
        if buf or done:
            yield buf, done

    source = chunks()
    first: list[tuple[list[Page], list[Target]]] = []
    for item in source:
        first.append(item)
        if len(first) > workers:
            break
    else:  # a few pages: no workers
        global _options, _analyze, _finish
        _options, _analyze, _finish = options, analyze, finish
        for pages, done in first:
            yield from _read_chunk(pages) if pages else ()
            for t in done:
                if on_target:
                    on_target(t)
        return

    # where fork is there, the pipeline is loaded here once and the workers start from this
    # process with it already in memory (shared pages): spawned workers each started Python,
    # imported dateline and spaCy and loaded the model again, which on two cores cost more CPU
    # than the reading of a few hundred short pages
    forking = "fork" in mp.get_all_start_methods()
    context = mp.get_context("fork" if forking else "spawn")
    if forking:
        preload_pipeline(analyze)
        import gc

        # the loaded pipeline's objects leave the collector's generations: a forked worker's
        # collections then no longer write to them, so their memory pages stay shared with
        # this process instead of being copied into each worker
        gc.freeze()

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                                   initargs=(os.getpid(), analyze, options, finish))

    pool = new_pool()
    inflight: deque = deque()
    limit = in_flight_chunks(workers, chunk)
    pending = iter(first)
    exhausted = False
    finished = False
    try:
        while True:
            while not exhausted and len(inflight) < limit:
                nxt = next(pending, None) or next(source, None)
                if nxt is None:
                    exhausted = True
                    break
                pages, done = nxt
                inflight.append((pages, done, pool.submit(_read_chunk, pages) if pages else None))
            if not inflight:
                break
            pages, done, future = inflight.popleft()
            if future is not None:
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    # a page killed its worker: say so for the chunk, go on with a new pool
                    yield from (_lost(p, "the worker process reading this document died (out of memory?)", finish)
                               for p in pages)
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = new_pool()
                    redo = [(p, d, None) for p, d, _ in inflight]
                    inflight.clear()
                    for p, d, _ in redo:
                        inflight.append((p, d, pool.submit(_read_chunk, p) if p else None))
                    continue
            for t in done:
                if on_target:
                    on_target(t)
        finished = True
    finally:
        # every future done: wait for the pool, so that no wake-up of it is left for the
        # interpreter's exit (CPython then writes to its closed pipe and prints a traceback);
        # a consumer that stopped early cancels what is left instead
        pool.shutdown(wait=finished, cancel_futures=not finished)
