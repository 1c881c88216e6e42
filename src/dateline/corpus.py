"""A corpus: many readings in one store, linked, and the questions asked of them.

    >>> from dateline import Corpus
    >>> corpus = Corpus("news.db")
    >>> corpus.ingest(["crawl/", "feeds.jsonl", "CC-NEWS.warc.gz"])
    >>> corpus.claims(speaker="Kim Jong Un", about="Ukraine", since="2024-06-01")

Reading a page (extract, analyze, fingerprint) is a pure function of the page, so it runs in a
pool of worker processes; only this process writes to SQLite, one transaction per batch. A batch
is all or nothing: kill the process at any moment and the store holds whole documents only;
ingest the same inputs again and it carries on where it stopped (stored content is skipped
before it is read again).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from .extract import DEFAULT_OPTIONS, ExtractOptions, document_id
from .model import Error, Page, Reading
from .store import Store, StoreError
from .store.write import Processed

__all__ = ["Corpus", "IngestStats", "process_page"]

DUPLICATE_KINDS = ("copy", "syndicated", "version")


@dataclass(slots=True)
class IngestStats:
    """What one ingest did. ``seen`` counts every page met, the rest say what became of them."""

    seen: int = 0
    added: int = 0
    duplicates: int = 0
    versions: int = 0
    errors: int = 0
    #: documents stored with a warning (text repaired, a bad date dropped): see their readings
    warnings: int = 0
    targets: int = 0
    targets_done: int = 0
    seconds: float = 0.0
    groups: dict[str, int] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.seen / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "seen": self.seen, "added": self.added, "duplicates": self.duplicates, "versions": self.versions,
            "errors": self.errors, "warnings": self.warnings, "seconds": round(self.seconds, 3), "groups": self.groups,
        }


def content_hash(page: Page) -> str:
    """The hash the store knows a page by: its content and who published it where.

    The same page read twice is one document; the same words from another outlet or address
    (a wire copy printed as it came) are a document of their own, grouped as a copy later.
    A page without content is known by where it was.
    """
    if page.content:
        if page.url or page.id or page.publisher:
            return document_id(f"{page.content}\0{page.url or ''}\0{page.id or ''}\0{page.publisher or ''}")
        return document_id(page.content)
    return document_id(f"{page.source.path}\0{page.source.offset}\0{page.source.url}")


def process_page(page: Page, chash: str | None = None, *, analyze: bool = True,
                 options: ExtractOptions = DEFAULT_OPTIONS) -> Processed:
    """Page → what the store needs of it. Pure; runs in a worker process. Never raises."""
    from .extract import extract
    from .link.dedupe import fingerprint

    chash = chash or content_hash(page)
    reading = extract(page, options)
    if analyze and (reading.error is None or reading.error.partial) and reading.text:
        try:
            from .analyze import analyze as run_analysis

            reading = next(iter(run_analysis([reading])))
        except Exception as exc:  # analysis of one document failed: keep its article
            reading.error = Error("analyze", f"could not analyse the article ({type(exc).__name__}: {exc})")
    fp = fingerprint(reading.text) if reading.text else None
    return Processed(reading, chash, fp)


def _process_chunk(chunk: list[tuple[Page, str]], analyze: bool, options: ExtractOptions) -> list[Processed]:
    return [process_page(page, chash, analyze=analyze, options=options) for page, chash in chunk]


def _died(page: Page, chash: str, why: str) -> Processed:
    reading = Reading(id=chash, source=page.source, url=page.url or page.source.url,
                      error=Error("extract", why))
    return Processed(reading, chash, None)


#: an ingest links its new documents (versions, stories, groups) after every this many, so that
#: its memory does not grow with the size of its input
LINK_EVERY = 4000


class Corpus:
    """A store of readings and the questions asked of it. ``path``: the SQLite file."""

    def __init__(self, path: str | os.PathLike[str] = "dateline.db") -> None:
        self.path = str(path)
        self._store: Store | None = None

    # --- the store -------------------------------------------------------------------------

    def _writable(self) -> Store:
        if self._store is None or not self._store.write:
            if self._store is not None:
                self._store.close()
            self._store = Store(self.path, write=True)
        return self._store

    def _readable(self) -> Store:
        if self._store is None:
            self._store = Store(self.path, write=False)
        if self._store.meta("groups_dirty") == "1":
            self._regroup_if_possible()
        return self._store

    def _regroup_if_possible(self) -> None:
        try:
            store = self._writable()
        except StoreError:
            return  # read-only: groups stay as they were last built
        from .store.groups import regroup

        with store.transaction() as conn:
            regroup(conn)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- ingest ----------------------------------------------------------------------------

    def ingest(
        self,
        inputs: Iterable[str | os.PathLike[str]] | str,
        workers: int | None = None,
        analyze: bool = True,
        progress: Callable[[IngestStats], None] | None = None,
        *,
        options: ExtractOptions = DEFAULT_OPTIONS,
        batch_size: int = 200,
        batch_seconds: float = 2.0,
        stdin: IO[bytes] | None = None,
    ) -> IngestStats:
        """Read and store every page of the inputs (files, folders, globs, .jsonl, WARC, "-").

        ``workers``: processes reading pages (default: the cores; 1 reads in this process).
        ``progress`` is called with the running stats after each page.
        """
        from .ingest.files import expand_inputs, pages_of
        from .ingest.unicode import path_label
        from .store.write import known

        if isinstance(inputs, (str, os.PathLike)):
            inputs = [inputs]
        raw_inputs = [os.fspath(i) if isinstance(i, os.PathLike) else str(i) for i in inputs]
        from .run.spark_output import NotSparkOutput, spark_outputs

        try:
            runs = spark_outputs(raw_inputs)
        except NotSparkOutput as exc:
            raise StoreError(str(exc)) from None
        if runs:  # the output of `dateline spark`: its readings, stored as if read here
            return self._ingest_spark_runs(runs, progress, batch_size, batch_seconds)
        inputs = [path_label(str(i)) for i in raw_inputs]  # as recorded in the runs table
        targets = list(expand_inputs(raw_inputs))
        self._refuse_store_as_input(targets)
        store = self._writable()
        stats = IngestStats()
        started = time.perf_counter()
        stats.targets = len(targets)
        seen_now: set[str] = set()

        def fresh_pages() -> Iterator[tuple[Page, str]]:
            for target in targets:
                for page in pages_of(target, stdin):
                    stats.seen += 1
                    chash = content_hash(page)
                    if chash in seen_now or known(store.conn, chash):
                        stats.duplicates += 1
                        if progress:
                            progress(stats)
                        continue
                    seen_now.add(chash)
                    yield page, chash
                stats.targets_done += 1

        items = self._processed(fresh_pages(), workers, analyze, options)
        # a page once stored is found by known(): seen_now holds only the pages in flight, not
        # every page of the input
        return self._store_all(items, inputs, analyze, stats, started, progress, batch_size, batch_seconds,
                               on_added=seen_now.discard)

    def _ingest_spark_runs(self, runs: list[str], progress, batch_size: int, batch_seconds: float) -> IngestStats:
        """Store the documents of `dateline spark` output folders: written and linked as a plain
        ingest of the same inputs would (run/spark_output.py); idempotent like it."""
        from .ingest.unicode import path_label
        from .run.spark_output import NotSparkOutput, manifest, processed

        stats = IngestStats(targets=len(runs))
        started = time.perf_counter()
        analyze = all(manifest(r).get("analysis", True) for r in runs)

        def items() -> Iterator[Processed]:
            for run in runs:
                # the run met its inputs' duplicates already and kept the first
                skipped = int(manifest(run).get("duplicates") or 0)
                stats.seen += skipped
                stats.duplicates += skipped
                try:
                    for item in processed(run):
                        stats.seen += 1
                        yield item
                except NotSparkOutput as exc:
                    raise StoreError(str(exc)) from None
                stats.targets_done += 1

        return self._store_all(items(), [path_label(r) for r in runs], analyze, stats, started, progress,
                               batch_size, batch_seconds)

    def _refuse_store_as_input(self, targets) -> None:
        """The store is never read as a page, nor a page file made into the store (same inode)."""
        if not os.path.exists(self.path):
            return
        for t in targets:
            if t.path != "-" and t.error is None:
                try:
                    same = os.path.samefile(t.path, self.path)
                except OSError:
                    continue
                if same:
                    raise StoreError(f"{t.path} is the store itself (--db {self.path}): it cannot also be an input")

    def add(self, readings: Iterable[Reading], *, batch_size: int = 200) -> IngestStats:
        """Store readings made elsewhere (``dateline.read_all``, a Spark job): linked like ingested pages.

        A reading is known by its id here: the same id twice adds nothing.
        """
        from .link.dedupe import fingerprint

        stats = IngestStats()
        started = time.perf_counter()

        def items() -> Iterator[Processed]:
            for r in readings:
                stats.seen += 1
                yield Processed(r, r.id, fingerprint(r.text) if r.text else None)

        return self._store_all(items(), ["<readings>"], True, stats, started, None, batch_size, 2.0)

    def _store_all(
        self,
        items: Iterator[Processed],
        inputs: list[str],
        analyze: bool,
        stats: IngestStats,
        started: float,
        progress: Callable[[IngestStats], None] | None,
        batch_size: int,
        batch_seconds: float,
        on_added: Callable[[str], None] | None = None,
    ) -> IngestStats:
        """The writer: batches of processed pages, one transaction each; then the groups.
        ``on_added``: told the content hash of each page stored (once its batch is written)."""
        from .store.db import now
        from .store.groups import regroup
        from .store.linking import BatchBands, link_near, merge_bands

        store = self._writable()
        conn = store.conn
        if store.meta("linked_seq") is None:
            # a store never linked through its LSH index (made before it): link it whole, once
            with store.transaction() as c:
                regroup(c)
        with store.transaction():
            run_id = conn.execute(
                "INSERT INTO runs (started_at, inputs, analysis) VALUES (?, ?, ?)",
                (now(), json.dumps(inputs, ensure_ascii=False), int(analyze)),
            ).lastrowid

        batch: list[Processed] = []
        added: list[Processed] = []
        last_flush = time.monotonic()
        touched = False
        linked_at = stats.added

        def flush() -> None:
            nonlocal last_flush, touched
            if not batch:
                return
            with store.transaction():
                stamp = now()
                # the batch's band keys looked up at once, in key order (not 37 random lookups a document)
                bands = BatchBands(conn, (item.fingerprint for item in batch))
                for item in batch:
                    written = _write_one(conn, item, run_id, stamp)
                    if item.reading.warnings and written.outcome != "duplicate":
                        stats.warnings += 1
                    if written.outcome == "duplicate":
                        stats.duplicates += 1
                        continue
                    touched = True
                    if written.outcome == "error":
                        stats.errors += 1
                    else:
                        stats.added += 1
                        stats.versions += written.new_version
                        added.append(item)
                    fp = item.fingerprint
                    if fp is not None and written.outcome == "added" and written.seq is not None:
                        conn.executemany(
                            "INSERT INTO links (a, b, kind, score) VALUES (?, ?, 'near', ?) ON CONFLICT DO NOTHING",
                            [(m.other, written.document_id, round(m.jaccard, 4))
                             for m in link_near(conn, written.seq, written.document_id, fp, batch=bands)],
                        )
                conn.execute("UPDATE meta SET value = '1' WHERE key = 'groups_dirty'")
                merge_bands(conn)  # a full level of the band index into the next
            if on_added is not None:
                for item in added:
                    on_added(item.content_hash)
            added.clear()
            batch.clear()
            last_flush = time.monotonic()

        try:
            for item in items:
                batch.append(item)
                if progress:
                    stats.seconds = time.perf_counter() - started
                    progress(stats)
                if len(batch) >= batch_size or time.monotonic() - last_flush >= batch_seconds:
                    flush()
                    if stats.added - linked_at >= LINK_EVERY:
                        # link as we go: what linking holds in memory stays bounded by
                        # LINK_EVERY documents, not by the size of the input
                        with store.transaction() as c:
                            regroup(c)
                        linked_at = stats.added
            flush()
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()  # stops the worker pool now, also when writing failed
        if touched or store.meta("groups_dirty") == "1":
            with store.transaction() as c:
                stats.groups = regroup(c)  # the new documents only
        else:
            stats.groups = dict(conn.execute("SELECT kind, count(*) FROM groups GROUP BY kind").fetchall())
        stats.seconds = time.perf_counter() - started
        return stats

    def unanalysed(self) -> int:
        """How many stored articles were ingested without analysis (``--no-analysis``)."""
        row = self._writable().conn.execute(
            "SELECT count(*) FROM documents d JOIN runs r ON r.id = d.run_id WHERE r.analysis = 0 "
            "AND +d.status = 'ok' AND EXISTS (SELECT 1 FROM articles a WHERE a.seq = d.seq)"
        ).fetchone()
        return int(row[0])

    def reanalyze(self, *, everything: bool = False, batch_size: int = 50,
                  progress: Callable[[int, int], None] | None = None) -> int:
        """Analyse the stored articles that lack an analysis (ingested with ``--no-analysis``) or
        whose analysis an older dateline made (the reading records the version); ``everything``:
        all of them. Their entities, claims, events and time expressions are replaced, then the
        links, groups and statements rebuilt. Returns how many were analysed. A batch is one
        transaction: interrupted, it carries on where it stopped when run again."""
        from . import __version__
        from .analyze import analyze as run_analysis
        from .store.db import now
        from .store.groups import relink
        from .store.write import clear_analysis, write_analysis

        from pathlib import Path

        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such store; create one with `dateline ingest PAGES --db {self.path}`")
        store = self._writable()
        conn = store.conn
        stale = ("" if everything else
                 "AND (json_extract(d.reading, '$.analysis') IS NULL OR "
                 "coalesce(json_extract(d.reading, '$.dateline_version'), '') != ?) ")
        args: tuple = () if everything else (__version__,)
        todo = [int(r[0]) for r in conn.execute(
            "SELECT d.seq FROM documents d JOIN articles a ON a.seq = d.seq WHERE d.status = 'ok' " + stale +
            "ORDER BY d.seq", args)]
        if not todo:
            return 0
        with store.transaction():
            run_id = conn.execute("INSERT INTO runs (started_at, inputs, analysis) VALUES (?, ?, 1)",
                                  (now(), json.dumps(["<reanalyze>"]))).lastrowid
        done = 0
        for i in range(0, len(todo), batch_size):
            seqs = todo[i:i + batch_size]
            marks = ",".join("?" * len(seqs))
            readings = []
            for seq, reading in conn.execute(f"SELECT seq, reading FROM documents WHERE seq IN ({marks}) ORDER BY seq",
                                             seqs):
                r = Reading.from_dict(json.loads(reading))
                r.entities, r.claims, r.events, r.timexes = [], [], [], []
                r.analysis = None
                readings.append((seq, r))
            analysed = []
            for seq, r in readings:
                try:
                    analysed.append((seq, next(iter(run_analysis([r])))))
                except Exception as exc:  # one article's analysis failed: it keeps its article, says why
                    r.error = Error("analyze", f"could not analyse the article ({type(exc).__name__}: {exc})",
                                    partial=True)
                    analysed.append((seq, r))
            with store.transaction():
                for seq, r in analysed:
                    clear_analysis(conn, r.id)
                    write_analysis(conn, r)
                    conn.execute("UPDATE documents SET reading = ?, run_id = ? WHERE seq = ?",
                                 (json.dumps(r.to_dict(), ensure_ascii=False), run_id, seq))
            done += len(analysed)
            if progress:
                progress(done, len(todo))
        with store.transaction() as c:
            relink(c)  # entities changed: stories and statements are found again
        return done

    def relink(self) -> dict[str, int]:
        """Rebuild the LSH index, every link and every group from the store (an ingest links
        only its new documents); returns the count of groups of each kind."""
        from pathlib import Path

        from .store.groups import relink

        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such store; create one with `dateline ingest PAGES --db {self.path}`")
        with self._writable().transaction() as conn:
            return relink(conn)

    def _processed(
        self, pages: Iterator[tuple[Page, str]], workers: int | None, analyze: bool, options: ExtractOptions
    ) -> Iterator[Processed]:
        workers = os.cpu_count() or 1 if workers is None else max(1, int(workers))
        if workers <= 1:
            for page, chash in pages:
                yield process_page(page, chash, analyze=analyze, options=options)
            return
        yield from _pooled(pages, workers, analyze, options)

    # --- questions -------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching words, "phrases", OR, -exclusions and prefix*; best first, with snippets."""
        from .store.filters import checked_query
        from .store.queries import search

        return search(self._readable().conn, checked_query("the search", query), limit)

    def claims(
        self,
        speaker: str | None = None,
        about: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Who said what: by a speaker, about a query, dated within [since, until] (YYYY-MM-DD)."""
        from .store.queries import claims

        speaker, about = _checked_filters(speaker, about, since, until)
        return claims(self._readable().conn, speaker, about, since, until, limit)

    def statements(
        self,
        speaker: str | None = None,
        about: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Statements (a claim counted once however many documents carry it), filtered as
        :meth:`claims`: {id, speaker {entity_id, name}, kind, content, said_on, carriers, first_seen,
        variants, …} (store/statements.py), oldest first."""
        from .store.statements import statements

        speaker, about = _checked_filters(speaker, about, since, until)
        return statements(self._readable().conn, speaker, about, since, until, limit)

    def statement(self, statement_id: str) -> dict[str, Any] | None:
        """One statement with its carriers, variants and member claims; None when there is none."""
        from .store.statements import statement

        return statement(self._readable().conn, statement_id)

    def statement_of(self, document_id: str, claim_id: str) -> str | None:
        """The id of the statement a document's claim belongs to."""
        from .store.statements import statement_of

        return statement_of(self._readable().conn, document_id, claim_id)

    def spread(self, statement_id: str) -> dict[str, Any] | None:
        """Who carried a statement from whom, with times: {statement, root (a tree), nodes, edges}."""
        from .store.statements import spread

        return spread(self._readable().conn, statement_id)

    def timeline(self, entity: str) -> list[dict[str, Any]]:
        """The dated claims and events of one entity, oldest first."""
        from .store.filters import checked_name
        from .store.queries import timeline

        return timeline(self._readable().conn, checked_name("the entity", entity))

    def entities_named(self, name: str) -> list[dict[str, Any]]:
        """The corpus entities a name means ("Trump", "President Trump", "Zelenskiy"): {id,
        name, type, documents, aliases}, most documents first — what claims and timeline match."""
        from .store.queries import entities_named

        return entities_named(self._readable().conn, name)

    def duplicates(self) -> list[dict[str, Any]]:
        """Groups of exact copies, syndicated wire copies and versions: {id, kind, members,
        part_of (the group holding all its documents, else None), …}."""
        from .store.queries import fold, groups

        return fold(groups(self._readable().conn, DUPLICATE_KINDS))

    def stories(self) -> list[dict[str, Any]]:
        """Groups of articles about one event, across outlets: {id, kind: "story", members, …}."""
        from .store.queries import groups

        return groups(self._readable().conn, ("story",))

    def errors(self) -> list[dict[str, Any]]:
        """Documents that could not be read, and why."""
        from .store.queries import errors

        return errors(self._readable().conn)

    def counts(self) -> dict[str, int]:
        from .store.queries import counts

        return counts(self._readable().conn)

    def export(self, format: str = "jsonl", out: IO[Any] | str | os.PathLike[str] | None = None, *,
               force: bool = False) -> int:
        """Write every document: jsonl (one reading a line, the JSON contract), csv or parquet.

        A file named by ``out`` appears whole or not at all; the store is never overwritten, and
        an existing file only with ``force``."""
        from .store.export import export

        target: Any = sys.stdout if out is None else (str(out) if isinstance(out, os.PathLike) else out)
        return export(self._readable().conn, format, target, force=force)

    def export_table(self, table: str, format: str = "csv", out: IO[Any] | str | os.PathLike[str] | None = None,
                     *, force: bool = False) -> int:
        """Write one flat table (documents, claims, statements, entities, mentions, events,
        timexes, network: store/tables.py has their columns) as csv, parquet or jsonl; the
        network also as graphml or gexf. Returns the rows written."""
        from .store.export import export_table

        target: Any = sys.stdout if out is None else (str(out) if isinstance(out, os.PathLike) else out)
        return export_table(self._readable().conn, table, format, target, force=force)

    def datasette_metadata(self, out: str | os.PathLike[str] | None = None) -> str:
        """Write Datasette's metadata (titles, column descriptions, labels, facets, search) beside
        the store, ``news.db`` → ``news.metadata.json``, or to ``out``; returns the file's path."""
        from .store.datasette import write_metadata

        return str(write_metadata(self._readable().conn, self.path, out))

    def readings(self) -> Iterator[Reading]:
        from .store.export import readings

        for line in readings(self._readable().conn):
            yield Reading.from_dict(json.loads(line))


def _write_one(conn, item: Processed, run_id: int, stamp: str):
    """Write one document inside the batch's transaction; a document the store cannot take (a
    value SQLite refuses) becomes an error row of its own instead of failing the batch."""
    import sqlite3

    from .store.write import write

    conn.execute("SAVEPOINT one_document")
    try:
        written = write(conn, item, run_id, stamp)
    except (UnicodeError, ValueError, TypeError, OverflowError, sqlite3.IntegrityError, sqlite3.InterfaceError) as exc:
        conn.execute("ROLLBACK TO one_document")
        r = item.reading
        failed = Reading(id=r.id, source=r.source, url=r.url, warnings=r.warnings,
                         error=Error("store", f"the document could not be stored ({type(exc).__name__}: {exc})"))
        written = write(conn, Processed(failed, item.content_hash, None), run_id, stamp)
    conn.execute("RELEASE one_document")
    return written


def _checked_filters(speaker: str | None, about: str | None, since: str | None,
                     until: str | None) -> tuple[str | None, str | None]:
    """The filters of a claims or statements question, checked (a clear error for a bad one)."""
    from .store.filters import checked_name, checked_query

    for name, value in (("since", since), ("until", until)):
        if value is not None:
            _check_date(name, value)
    return (checked_name("--speaker", speaker) if speaker is not None else None,
            checked_query("--about", about) if about is not None else None)


def _check_date(name: str, value: str) -> None:
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _pooled(
    pages: Iterator[tuple[Page, str]], workers: int, analyze: bool, options: ExtractOptions,
    chunk: int | None = None,
) -> Iterator[Processed]:
    """Results in input order, with at most a few chunks per worker in flight (bounded memory).

    A worker that dies (a page that exhausts memory, a crash in a parser) costs only its own
    chunk: those pages become error rows and a new pool takes over.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .run.pool import CHUNK_ANALYSED, CHUNK_EXTRACTED, die_with_parent, in_flight_chunks, preload_pipeline

    chunk = chunk or (CHUNK_ANALYSED if analyze else CHUNK_EXTRACTED)
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    if ctx is not None:
        preload_pipeline(analyze)  # the workers fork with the pipeline loaded, not each loading it
    parent = os.getpid()
    new_pool = lambda: ProcessPoolExecutor(  # noqa: E731
        max_workers=workers, mp_context=ctx, initializer=die_with_parent, initargs=(parent,)
    )
    pool = new_pool()
    inflight: deque = deque()
    limit = in_flight_chunks(workers, chunk)

    def chunks() -> Iterator[list[tuple[Page, str]]]:
        buf: list[tuple[Page, str]] = []
        for item in pages:
            buf.append(item)
            if len(buf) >= chunk:
                yield buf
                buf = []
        if buf:
            yield buf

    source = chunks()
    try:
        exhausted = False
        while True:
            while not exhausted and len(inflight) < limit:
                nxt = next(source, None)
                if nxt is None:
                    exhausted = True
                    break
                inflight.append((nxt, pool.submit(_process_chunk, nxt, analyze, options)))
            if not inflight:
                break
            work, future = inflight.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # some page in flight killed its worker: read them again one by one, alone,
                # so that only the page that kills is lost
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                suspects = list(work) + [item for w, _ in inflight for item in w]
                inflight.clear()
                for page, chash in suspects:
                    try:
                        yield from pool.submit(_process_chunk, [(page, chash)], analyze, options).result()
                    except BrokenProcessPool:
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = new_pool()
                        yield _died(page, chash, "the worker process reading this document died (out of memory?)")
                continue
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
