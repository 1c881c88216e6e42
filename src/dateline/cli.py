"""The `dateline` command."""

from __future__ import annotations

import gc
import json
import sys
from functools import partial
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="dateline",
    help="Turn raw news pages into an evidence base: clean articles, bylines, datelines, "
    "who said what, when, and through which sources.",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (read recursively), globs, page addresses (https://…, fetched), or - for "
        "standard input. .html/.htm, .txt, .jsonl (each optionally .gz) and WARC (.warc, .warc.gz).",
        show_default=False,
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON Lines: one reading per document.")]
Progress = Annotated[
    Optional[bool],
    typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal, for many inputs)."),
]
Url = Annotated[Optional[str], typer.Option(help="The page's address, when the input does not carry it.")]
Published = Annotated[
    Optional[str], typer.Option(help="The page's publication date (YYYY-MM-DD), when the input does not carry it.")
]
AllowPrivate = Annotated[
    bool,
    typer.Option("--allow-private", help="Also fetch from loopback and private network addresses (refused by default)."),
]
Quiet = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="No line per document that could not be read; one count at the end instead."),
]
Fallback = Annotated[
    bool,
    typer.Option("--html-fallback", help="HTML: also try the fallback extractors on poor pages (slower)."),
]


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", help="Show the version and exit.")] = False,
) -> None:
    if version:
        from . import __version__

        typer.echo(f"dateline {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(2)


@app.command()
def read(
    inputs: Inputs,
    as_json: AsJson = False,
    progress: Progress = None,
    url: Url = None,
    published: Published = None,
    html_fallback: Fallback = False,
    allow_private: AllowPrivate = False,
    quiet: Quiet = False,
    workers: Annotated[
        Optional[int],
        typer.Option("--workers", "-w", min=1, help="Processes reading pages (default: the cores); the output "
                     "keeps the input order."),
    ] = None,
) -> None:
    """Read news pages: clean text and metadata, who is who, who said what, what happened and when.

    [dim]Example: dateline read page.html ; dateline read --json pages/ saved.jsonl -[/dim]
    """
    raise typer.Exit(_run(inputs, True, as_json, progress, url, published, html_fallback, allow_private, quiet=quiet,
                          workers=workers))


@app.command()
def extract(
    inputs: Inputs,
    as_json: AsJson = False,
    fmt: Annotated[
        Optional[str],
        typer.Option("--format", "-f", metavar="FORMAT",
                     help="text (the article text), markdown (title, facts and text) or json (JSON Lines, as --json). "
                     "Default: a summary for people."),
    ] = None,
    progress: Progress = None,
    url: Url = None,
    published: Published = None,
    html_fallback: Fallback = False,
    allow_private: AllowPrivate = False,
    quiet: Quiet = False,
) -> None:
    """Extraction only (no NLP, fast): clean text, title, dates, dateline, byline, credits, boilerplate.

    [dim]Example: dateline extract --format markdown page.html ; dateline extract --json crawl/*.html.gz[/dim]
    """
    if fmt is not None and fmt.lower() not in ("text", "markdown", "md", "json", "jsonl"):
        raise _fail(f"--format {fmt!r}: use text, markdown or json")
    form = "json" if as_json else {"md": "markdown", "jsonl": "json"}.get((fmt or "").lower(), (fmt or "").lower() or None)
    raise typer.Exit(_run(inputs, False, form == "json", progress, url, published, html_fallback, allow_private,
                          form=form, quiet=quiet))


# --- fetching pages from the web ---------------------------------------------------------------

@app.command()
def fetch(
    urls: Annotated[Optional[list[str]], typer.Argument(help="Page addresses (http:// or https://).", show_default=False)] = None,
    urls_file: Annotated[
        Optional[str], typer.Option("--urls", metavar="FILE", help="A file of page addresses, one a line (# starts a comment).")
    ] = None,
    feed: Annotated[
        Optional[list[str]],
        typer.Option("--feed", metavar="URL", help="A news feed (RSS or Atom), or a page that links to one: its articles are fetched."),
    ] = None,
    sitemap: Annotated[
        Optional[list[str]],
        typer.Option("--sitemap", metavar="URL", help="A sitemap or sitemap index: the pages it lists are fetched."),
    ] = None,
    warc: Annotated[
        Optional[str],
        typer.Option("--warc", metavar="FILE", help="The WARC file every page fetched is added to (.warc.gz: compressed); "
                     "read it offline with dateline read FILE."),
    ] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="At most this many pages.")] = None,
    delay: Annotated[float, typer.Option(min=0, help="Seconds between two requests to one host (longer when robots.txt asks).")] = 1.0,
    timeout: Annotated[int, typer.Option(min=1, help="Seconds to wait for a connection or for data.")] = 20,
    retries: Annotated[int, typer.Option(min=0, help="Further tries after a timeout or a failed connection, with back-off.")] = 2,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Refuse pages larger than this many megabytes.")] = 20.0,
    allow_private: AllowPrivate = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON line per address: url, status, bytes, error.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the failures and the summary.")] = False,
) -> None:
    """Fetch news pages into a WARC file: robots.txt respected, one host at a time, every failure with its reason.

    Addresses come from the arguments, --urls, --feed and --sitemap, in that order, each once.
    Exit code 0 when at least one page was fetched, 1 when none was, 2 for a usage error.

    [dim]Example: dateline fetch --feed https://news.example/rss.xml --warc today.warc.gz ; dateline read today.warc.gz[/dim]
    """
    from .ingest.fetch import FetchOptions, Fetcher, feed_urls, sitemap_urls

    if not warc:
        raise _fail("give --warc FILE: the archive the pages are written to")
    if not (urls or urls_file or feed or sitemap):
        raise _fail("give addresses, --urls FILE, --feed URL or --sitemap URL")
    options = FetchOptions(timeout=timeout, max_bytes=int(max_mb * 1_000_000), retries=retries, delay=delay,
                           allow_private=allow_private)
    failures: list[dict] = []
    todo: list[str] = list(urls or [])
    if urls_file:
        try:
            with open(urls_file, encoding="utf-8", errors="replace") as fh:
                todo += [ln.strip() for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
        except OSError as exc:
            raise _fail(f"{urls_file}: {exc.strerror or exc}") from None
    ok = 0
    out = sys.stdout
    with Fetcher(options, warc) as fetcher:
        for source, finder in [(u, feed_urls) for u in feed or []] + [(u, sitemap_urls) for u in sitemap or []]:
            found, problem = finder(source, fetcher)
            if problem:
                failures.append({"url": source, "status": None, "bytes": 0, "error": problem})
            todo += found
        seen: set[str] = set()
        todo = [u for u in todo if not (u in seen or seen.add(u))]
        if limit:
            todo = todo[:limit]
        for item in failures:
            _fetch_line(item, as_json, quiet, out)
        for result in fetcher.fetch_all(todo):
            item = result.to_dict()
            ok += result.error is None
            if result.error is not None:
                failures.append(item)
            _fetch_line(item, as_json, quiet, out)
    if not as_json:
        sys.stderr.write(f"dateline: {ok} pages fetched, {len(failures)} failed" + (f", written to {warc}\n" if ok else "\n"))
    raise typer.Exit(0 if ok else 1)


def _fetch_line(item: dict, as_json: bool, quiet: bool, out) -> None:
    if as_json:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
    elif item["error"]:
        sys.stderr.write(f"✗ {item['url']}: {item['error']}\n")
    elif not quiet:
        out.write(f"✓ {item['url']} {item['status']} {item['bytes']:,} bytes\n")
    out.flush()


def _run(inputs, analyze, as_json, progress, url, published, html_fallback, allow_private=False, form=None,
         quiet=False, workers=1) -> int:
    from .extract import ExtractOptions
    from .ingest.files import expand_inputs
    from .run import read_inputs
    from .view import error_line, show_reading, warning_lines

    if published:
        from .extract.html_meta import iso_date

        if not iso_date(published):
            sys.stderr.write(f"dateline: --published {published!r} is not a date (use YYYY-MM-DD)\n")
            return 2
    if url:
        from .ingest.unicode import valid_text

        url = valid_text(url, "--url", None)
    options = ExtractOptions(html_fallback=html_fallback)
    targets = list(expand_inputs(inputs))
    if allow_private and any(t.kind == "url" for t in targets):
        from .ingest.fetch import FetchOptions, configure

        configure(FetchOptions(allow_private=True))
    show_progress = progress if progress is not None else (len(targets) > 1 and sys.stderr.isatty())
    bar = _progress_bar() if show_progress else None
    on_target = None
    if bar:
        task = bar.add_task("reading", total=len(targets))
        on_target = lambda _target: bar.advance(task)  # noqa: E731
    if workers is None:
        from .run.pool import cores

        workers = cores()
    # --json: each reading is encoded where it was read (in a worker with --workers), and only its
    # line and what this loop asks of it come back
    finish = partial(_json_line, url=url, published=published) if as_json else None
    readings = read_inputs(targets, analyze=analyze, options=options, on_target=on_target, workers=workers,
                           finish=finish)
    total = ok = 0
    out = sys.stdout
    try:
        if bar:
            bar.start()
        for item in readings:
            if as_json:
                reading, line = item
            else:
                reading = _given(item, url, published)
            total += 1
            if reading.error is None or reading.text:  # a cut page was still read
                ok += 1
            if reading.error is not None and not quiet:
                error_line(reading, bar.console if bar else None)
            if reading.warnings:
                warning_lines(reading, bar.console if bar else None)
            if as_json:
                out.write(line)
            elif form in ("text", "markdown"):
                if reading.error is None or reading.text:
                    from .view import as_markdown, as_text

                    out.write(("" if ok == 1 else ("\n---\n\n" if form == "markdown" else "\n"))
                              + (as_markdown(reading) if form == "markdown" else as_text(reading)))
            elif reading.error is None or reading.text:
                show_reading(reading, first=ok + (reading.error is not None) == 1)
            out.flush()
    finally:
        if bar:
            bar.stop()
    if total == 0:
        sys.stderr.write("dateline: nothing to read\n")
        return 1
    if quiet and total > ok:
        sys.stderr.write(f"dateline: {total - ok} of {total} documents could not be read\n")
    return 0 if ok else 1


def _given(reading, url: str | None, published: str | None):
    """The reading with the address and date given on the command line where it has none."""
    if url and not reading.url:
        reading.url = url
    if published and not reading.published:
        reading.published = published
    return reading


def _json_line(reading, url: str | None = None, published: str | None = None):
    """``(what _run asks of the reading, its JSON line)``: the line made where the reading was
    read, beside a reading that keeps only where it came from, its error, its warnings and (when
    it failed) its text, so that a worker sends back a string rather than the whole reading."""
    from .model import Reading

    reading = _given(reading, url, published)
    line = json.dumps(reading.to_dict(), ensure_ascii=False) + "\n"
    kept = Reading(id=reading.id, source=reading.source, url=reading.url, error=reading.error,
                   warnings=reading.warnings, text=reading.text if reading.error is not None else "")
    return kept, line


def _progress_bar():
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f} files/s" if task.speed else "", style="cyan")

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


# --- the corpus: ingest into a store, then ask it -------------------------------------------

Db = Annotated[str, typer.Option("--db", help="The store: an SQLite file.", show_default=True)]
JsonLines = Annotated[bool, typer.Option("--json", help="Print JSON Lines.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    sys.stderr.write(f"dateline: {message}\n")
    return typer.Exit(code)


def _corpus_call(fn):
    """Run a corpus call; the store's and the user's errors become one clear line, no traceback."""
    from .store import StoreError
    from .store.export import ExportError

    try:
        return fn()
    except (StoreError, ExportError, ValueError) as exc:
        raise _fail(str(exc)) from None
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None


def _json_lines(items) -> None:
    out = sys.stdout
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")


def _stdout():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def _marked(snippet: str) -> str:
    from rich.markup import escape

    from .store.queries import MARK_END, MARK_START

    return escape(snippet).replace(escape(MARK_START), "[bold yellow]").replace(escape(MARK_END), "[/bold yellow]")


@app.command()
def ingest(
    inputs: Inputs,
    db: Db = "dateline.db",
    workers: Annotated[
        Optional[int], typer.Option("--workers", "-w", min=1, help="Processes reading pages (default: the cores).")
    ] = None,
    no_analysis: Annotated[
        bool, typer.Option("--no-analysis", help="Extraction only: no entities or claims (much faster).")
    ] = False,
    reanalyze: Annotated[
        bool, typer.Option("--reanalyze", help="Then analyse the stored articles that lack an analysis or have an "
                           "older dateline's (as `dateline reanalyze`).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    progress: Progress = None,
) -> None:
    """Read pages into a store: folders, globs, .jsonl, WARC (.warc.gz), - for stdin.

    Idempotent and resumable: content already stored is skipped, so running it again after an
    interruption carries on where it stopped. Duplicates, wire copies, versions and stories are
    linked at the end. A folder that `dateline spark --out` wrote is loaded as its documents (the
    same store as a plain ingest of the same inputs).

    [dim]Example: dateline ingest crawl/ feeds.jsonl CC-NEWS-*.warc.gz --db news.db ; dateline ingest news-parquet/ --db news.db[/dim]
    """
    from .corpus import Corpus

    corpus = Corpus(db)
    show = progress if progress is not None else sys.stderr.isatty()
    bar = _ingest_bar() if show else None
    task = None
    last = [0.0]

    def on_progress(stats) -> None:
        import time

        t = time.monotonic()
        if bar is None or t - last[0] < 0.1:
            return
        last[0] = t
        rate = stats.seen / stats.seconds if stats.seconds else 0.0
        bar.update(task, total=stats.targets or None, completed=stats.targets_done, docs=stats.seen, rate=rate)

    def run():
        nonlocal task
        if bar is not None:
            task = bar.add_task("ingesting", total=None, docs=0, rate=0.0)
            bar.start()
        try:
            got = corpus.ingest(inputs, workers=workers, analyze=not no_analysis, progress=on_progress)
            if reanalyze and not no_analysis:
                reanalysed[0] = corpus.reanalyze()
            lacking[0] = corpus.unanalysed()
            return got
        finally:
            if bar is not None:
                bar.stop()
            corpus.close()

    reanalysed, lacking = [0], [0]
    stats = _corpus_call(run)
    if as_json:
        _json_lines([stats.to_dict()])
    else:
        groups = ", ".join(f"{n} {k}" for k, n in sorted(stats.groups.items())) or "none"
        rate = stats.seen / stats.seconds if stats.seconds else 0.0
        _stdout().print(
            f"[bold]{stats.added}[/bold] added, {stats.duplicates} duplicates skipped, "
            f"{stats.versions} new versions, "
            + (f"[red]{stats.errors} errors[/red] (dateline errors --db {db})" if stats.errors else "0 errors")
            + (f", {stats.warnings} with warnings" if stats.warnings else "")
            + f" · {stats.seen} documents in {stats.seconds:.1f}s ({rate:.1f}/s) · groups: {groups}"
        )
        if reanalysed[0]:
            _stdout().print(f"{reanalysed[0]} stored documents analysed again")
    if lacking[0] and not no_analysis:
        sys.stderr.write(f"dateline: {lacking[0]} stored documents have no analysis (ingested with --no-analysis): "
                         f"add it with dateline reanalyze --db {db}\n")
    if stats.seen == 0:
        raise _fail("nothing to ingest", 1)
    if stats.errors and stats.errors == stats.seen:
        raise _fail(f"nothing could be read: all {stats.errors} documents failed (dateline errors --db {db})", 1)


@app.command()
def spark(
    inputs: Annotated[list[str], typer.Argument(
        help="WARC (.warc, .warc.gz), JSON Lines and page files, folders, globs, or URIs Spark reads "
        "(s3a://…, hdfs://…): one task per file.", show_default=False)],
    out: Annotated[str, typer.Option("--out", "-o", metavar="DIR",
                                     help="The output folder: Parquet datasets, one per table.")],
    master: Annotated[str, typer.Option(metavar="URL", help="The Spark master: local[*] (every core here), local[2], yarn, "
                                        "spark://host:7077, k8s://…")] = "local[*]",
    analysis: Annotated[bool, typer.Option("--analysis/--no-analysis", help="Entities, claims, events and time "
                                           "expressions (--no-analysis: extraction only, much faster).")] = True,
    force: Annotated[bool, typer.Option("--force", help="Replace an earlier run's output in --out.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read pages on Apache Spark into Parquet: documents, claims, entities, mentions, events, timexes,
    links, groups and statements, partitioned by published day (needs Java 17 and `pip install 'dateline\\[spark]'`).

    The same reading as `dateline read`, one task per input file; a page that cannot be read is an
    error row. Load the output into a store with `dateline ingest OUT --db news.db`.

    [dim]Example: dateline spark CC-NEWS-*.warc.gz --out news-parquet/ --master local[2][/dim]
    """
    from .run.spark import SparkOptions, SparkUnavailable, check_local_out, check_out, run, session, stop

    problem = check_local_out(out, force)
    if problem:
        raise _fail(problem)
    try:
        session_ = session(SparkOptions(master=master, analyze=analysis))
    except SparkUnavailable as exc:
        raise _fail(str(exc)) from None
    try:
        problem = check_out(session_, out, force)
        if problem:
            raise _fail(problem)
        result = run(session_, inputs, out, analyze=analysis)
    finally:
        stop(session_)
    if as_json:
        _json_lines([result.to_dict()])
    else:
        groups = ", ".join(f"{n} {k}" for k, n in sorted(result.groups.items())) or "none"
        _stdout().print(
            f"[bold]{result.documents}[/bold] documents from {result.inputs} inputs, {result.duplicates} duplicates "
            f"skipped, " + (f"[red]{result.errors} errors[/red]" if result.errors else "0 errors")
            + f", {result.tables.get('claims', 0)} claims in {result.statements.get('statements', 0)} statements"
            f" · groups: {groups} · written to {out} "
            f"in {result.seconds:.1f}s (load it: dateline ingest {out} --db news.db)")
    if result.seen == 0:
        raise _fail("nothing to read", 1)
    if result.errors == result.documents:
        raise _fail(f"nothing could be read: all {result.errors} documents failed (see {out}/errors)", 1)


def _ingest_bar():
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} inputs"),
        TextColumn("[bold]{task.fields[docs]}[/bold] docs"),
        TextColumn("[cyan]{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", OR, -exclude, prefix*.')],
    db: Db = "dateline.db",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many articles.")] = 20,
    as_json: JsonLines = False,
) -> None:
    """Full-text search of the articles, best first, with the matching words in context.

    [dim]Example: dateline search '"long-range weapons" Ukraine -drill' --db news.db[/dim]
    """
    from .corpus import Corpus

    with Corpus(db) as corpus:
        hits = _corpus_call(lambda: corpus.search(query, limit))
    if as_json:
        return _json_lines(hits)
    c = _stdout()
    if not hits:
        c.print("[dim]no articles match[/dim]")
    for h in hits:
        # one line a hit: date, outlet, title, the words in context, the address
        snippet = " ".join((h["snippet"] or "").split())
        c.print(f"[cyan]{(h['published'] or '????-??-??')[:10]}[/cyan] [magenta]{_esc(_outlet(h['url']))}[/magenta] "
                f"[bold]{_esc(h['title'] or '(no title)')}[/bold]: {_marked(snippet)} "
                f"[dim]{_esc(h['url'] or h['document_id'])}[/dim]")


def _outlet(url: str | None) -> str:
    """The outlet of an address: a known host's name, else the host itself."""
    from urllib.parse import urlsplit

    from .extract.meta import host_publisher

    if not url:
        return "?"
    host = (urlsplit(url).hostname or "?").removeprefix("www.")
    return host_publisher(url) or host


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@app.command()
def claims(
    speaker: Annotated[Optional[str], typer.Option(help="Who said it: any form of a name (\"Trump\", \"President Trump\"); the entity it matched is shown first.")] = None,
    about: Annotated[Optional[str], typer.Option(help="What it is about: a search query on the claim.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Said on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Said on or before (YYYY-MM-DD).")] = None,
    each: Annotated[bool, typer.Option("--each", help="Every copy of a claim on its own line (one per document), "
                                       "instead of each statement once.")] = False,
    db: Db = "dateline.db",
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1)] = None,
    as_json: JsonLines = False,
) -> None:
    """Who said what: statements by a speaker, about a subject, in a time range; oldest first.

    A statement is one claim counted once, however many documents carry it: its date, who
    carried it first, the outlets after, and how their wording differs. --json prints one
    statement a line (id, speaker, kind, content, said_on, carriers, first_seen, variants);
    --each lists every copy instead. `dateline spread ID` shows who carried a statement from whom.

    [dim]Example: dateline claims --speaker "Kim Jong Un" --about Ukraine --since 2024-06-01[/dim]
    """
    from .corpus import Corpus

    with Corpus(db) as corpus:
        if each:
            rows = _corpus_call(lambda: corpus.claims(speaker, about, since, until, limit))
        else:
            rows = _corpus_call(lambda: corpus.statements(speaker, about, since, until, limit))
        matched = _corpus_call(lambda: corpus.entities_named(speaker)) if speaker and not as_json else []
    if as_json:
        return _json_lines(rows)
    c = _stdout()
    _show_matched(c, speaker, matched)
    if not rows:
        c.print("[dim]no claims match[/dim]")
    if not each:
        for s in rows:
            _show_statement(c, s)
        return
    for r in rows:
        via = f" [dim]via {_esc(' → '.join(r['via']))}[/dim]" if r["via"] else ""
        c.print(f"[cyan]{r['date'] or '????-??-??'}[/cyan] [bold]{_esc(r['speaker_name'] or r['speaker_text'] or '?')}[/bold]"
                f" {_esc(r['cue'] or 'said')}: {_esc(r['content'] or '')}{via}")
        c.print(f"  [dim]{_esc(r['title'] or '')} · {r['document_id']}[/dim]")


def _clock(published: str | None) -> str:
    """"2025-03-14T09:20:00+00:00" → "2025-03-14 09:20"; a bare day as it is."""
    if not published:
        return "?"
    return published[:16].replace("T", " ")


def _carrier(x: dict) -> str:
    """A carrier as people name it: its outlet, else a page with no outlet named, by its id."""
    return x.get("outlet") or f"a page with no outlet ({x['document_id'][:8]})"


def _show_statement(c, s: dict) -> None:
    via = f" [dim]via {_esc(' → '.join(s['via']))}[/dim]" if s["via"] else ""
    c.print(f"[cyan]{s['said_on'] or '????-??-??'}[/cyan] [bold]{_esc(s['speaker']['name'] or '?')}[/bold]"
            f" {_esc(s['cue'] or 'said')}: {_esc(s['content'] or '')}{via}")
    carriers = s["carriers"]
    first = carriers[0]
    n = s["carried_by"]
    line = (f"  [dim]carried by {n} outlet{'s' if n != 1 else ''}: first {_esc(_carrier(first))} "
            f"{_clock(first['published'])}")
    if len(carriers) > 1:
        line += ", then " + ", ".join(f"{_esc(_carrier(x))} {_clock(x['published'])}"
                                      for x in carriers[1:6])
        if len(carriers) > 6:
            line += f" and {len(carriers) - 6} more"
    c.print(line + f" · {s['id']}[/dim]")
    outlet = {x["document_id"]: _carrier(x) for x in carriers}
    for v in s["variants"][:4]:
        who = ", ".join(_esc(outlet.get(d, d)) for d in v["documents"][:3])
        what = "; ".join(_change(ch) for ch in v["changes"][:3]) or "other wording"
        c.print(f"  [yellow]{who}[/yellow] [dim]{what}[/dim]")


def _change(ch: dict) -> str:
    text = _esc(" ".join(ch.get("text", "").split()[:12]))
    if ch["change"] == "cut":
        return f"cut “{text}”"
    if ch["change"] == "dropped":
        return f"dropped “{text}”"
    if ch["change"] == "added":
        return f"added “{text}”"
    return f"“{text}” → “{_esc(' '.join(ch.get('by', '').split()[:12]))}”"


@app.command()
def spread(
    statement_id: Annotated[str, typer.Argument(help="A statement's id (st-…), as `dateline claims` shows it.")],
    db: Db = "dateline.db",
    fmt: Annotated[
        Optional[str],
        typer.Option("--format", "-f", help="graphml or gexf: the graph for Gephi or networkx (default: a tree for people)."),
    ] = None,
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="The file to write (default: standard output).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tree as JSON: statement, root, nodes, edges.")] = False,
) -> None:
    """Who carried a statement from whom: speaker → channel → wire → outlets, with times.

    [dim]Example: dateline spread st-4f1c0a9e2b7d6c35 --format gexf --out spread.gexf --db news.db[/dim]
    """
    from .corpus import Corpus
    from .store import graphs

    if fmt is not None and fmt.lower() not in graphs.FORMATS:
        raise _fail(f"--format {fmt!r}: use {' or '.join(graphs.FORMATS)}")
    with Corpus(db) as corpus:
        tree = _corpus_call(lambda: corpus.spread(statement_id))
    if tree is None:
        raise _fail(f"no statement {statement_id!r} in {db} (the ids are in `dateline claims` and its --json)", 1)
    if fmt:
        text = graphs.write(tree, fmt.lower())
        if out:
            from .store.export import check_target, replaced_atomically

            _corpus_call(lambda: check_target(out, protected=[db, db + "-wal", db + "-shm"], force=False))
            with replaced_atomically(out) as fh:
                fh.write(text)
            sys.stderr.write(f"dateline: {len(tree['nodes'])} nodes, {len(tree['edges'])} edges written to {out}\n")
        else:
            sys.stdout.write(text)
        return
    if as_json:
        return _json_lines([tree])
    from rich.tree import Tree

    def label(n: dict) -> str:
        when = f" [cyan]{_clock(n['time'])}[/cyan]" if n.get("time") else ""
        if n["kind"] == "document":
            return f"[magenta]{_esc(n['label'])}[/magenta]{when} [dim]{_esc(n.get('url') or n['document_id'])}[/dim]"
        if n["kind"] == "speaker":
            return f"[bold]{_esc(n['label'])}[/bold]{when}"
        return f"{_esc(n['label'])} [dim]({n['kind']})[/dim]{when}"

    def grow(branch, n: dict) -> None:
        for child in n["children"]:
            grow(branch.add(label(child)), child)

    st = tree["statement"]
    c = _stdout()
    c.print(f"[cyan]{st['said_on'] or '????-??-??'}[/cyan] [bold]{_esc(st['speaker'] or '?')}[/bold]: "
            f"{_esc(st['content'] or '')} [dim]{st['id']}[/dim]")
    root = Tree(label(tree["root"]))
    grow(root, tree["root"])
    c.print(root)


@app.command()
def timeline(
    entity: Annotated[str, typer.Argument(help="A person or organisation: a name or an alias.")],
    db: Db = "dateline.db",
    as_json: JsonLines = False,
) -> None:
    """The dated claims and events of one entity, oldest first.

    [dim]Example: dateline timeline "Andrei Belousov" --db news.db[/dim]
    """
    from .corpus import Corpus

    with Corpus(db) as corpus:
        items = _corpus_call(lambda: corpus.timeline(entity))
        matched = [] if as_json else _corpus_call(lambda: corpus.entities_named(entity))
    if as_json:
        return _json_lines(items)
    c = _stdout()
    _show_matched(c, entity, matched)
    if not items:
        c.print(f"[dim]nothing dated for {_esc(entity)}[/dim]")
    for i in items:
        what = " ".join((i["what"] or "").split())
        claim = i.get("claim")
        if claim:  # who said it and how: "Elena Marsh urged: …"
            who = claim.get("speaker_name") or claim.get("speaker_text") or "?"
            line = f"[bold]{_esc(who)}[/bold] {_esc(claim.get('cue') or 'said')}: {_esc(what)}"
            if i.get("via"):
                line += f" [dim]via {_esc(' → '.join(i['via']))}[/dim]"
        else:
            line = f"[bold]{_esc(i['kind'] or '')}[/bold] {_esc(what)}"
        c.print(f"[cyan]{i['date'] or '????-??-??'}[/cyan] {i['type']:<5} {line}  [dim]{i['document_id']}[/dim]")


def _show_matched(c, name: str | None, matched: list[dict]) -> None:
    """Which corpus entities a name was taken to mean, before what was found for them."""
    for m in matched[:5]:
        also = f"; also {', '.join(m['aliases'][:6])}" if m["aliases"] else ""
        c.print(f"[dim]{_esc(name or '')} → {_esc(m['name'])} ({m['type'] or '?'}, entity {m['id']}, "
                f"{m['documents']} documents{_esc(also)})[/dim]")


def _show_groups(groups, as_json: bool, empty: str) -> None:
    from .store.queries import fold

    groups = fold(groups)
    if as_json:
        return _json_lines([{k: v for k, v in g.items() if k != "documents"} for g in groups])
    c = _stdout()
    if not groups:
        c.print(f"[dim]{empty}[/dim]")
    inner: dict[str, list] = {}
    for g in groups:
        if g["part_of"]:
            inner.setdefault(g["part_of"], []).append(g)
    for g in groups:
        if g["part_of"]:
            continue  # shown inside the group that holds it: each pair once
        c.print(f"[bold magenta]{g['kind']}[/bold magenta] [bold]{_esc(g['title'] or '')}[/bold] "
                f"[dim]({len(g['members'])} documents, {g['first_published'] or '?'} – {g['last_published'] or '?'})[/dim]")
        for d in g["documents"]:
            title = d["title"] or ""
            label = ""
            if d.get("version_label"):
                from .extract.meta import split_version

                title = split_version(title)[0]  # the label is shown once, highlighted
                label = f"[yellow]{_esc(d['version_label'])}[/yellow] "
            c.print(f"  {d['document_id']}  {label}{_esc(title)}" + (f" [dim]{_esc(d['url'])}[/dim]" if d["url"] else ""))
        for sub in _within(g["id"], inner):
            join = " = " if sub["kind"] == "copy" else " → "
            c.print(f"  [magenta]↳ {sub['kind']}[/magenta] [dim]{join.join(sub['members'])}[/dim]")


def _within(gid: str, inner: dict[str, list]) -> list:
    out = []
    for sub in inner.get(gid, []):
        out.append(sub)
        out += _within(sub["id"], inner)
    return out


@app.command()
def duplicates(db: Db = "dateline.db", as_json: JsonLines = False) -> None:
    """Exact copies, syndicated wire copies and successive versions of one article."""
    from .corpus import Corpus

    with Corpus(db) as corpus:
        groups = _corpus_call(corpus.duplicates)
    _show_groups(groups, as_json, "no duplicates")


@app.command()
def stories(db: Db = "dateline.db", as_json: JsonLines = False) -> None:
    """Stories: articles about one event from several outlets within a few days."""
    from .corpus import Corpus

    with Corpus(db) as corpus:
        groups = _corpus_call(corpus.stories)
    _show_groups(groups, as_json, "no stories told by more than one article")


@app.command()
def reanalyze(
    db: Db = "dateline.db",
    everything: Annotated[bool, typer.Option("--all", help="Every stored article, not only those lacking an analysis "
                                             "or analysed by an older dateline.")] = False,
    progress: Progress = None,
) -> None:
    """Analyse stored articles again: those ingested with --no-analysis or by an older dateline.

    Their entities, claims, events and time expressions are replaced; links, groups and
    statements are then rebuilt. Interrupted, it carries on where it stopped.

    [dim]Example: dateline ingest --no-analysis crawl/ --db news.db ; dateline reanalyze --db news.db[/dim]
    """
    from .corpus import Corpus

    show = progress if progress is not None else sys.stderr.isatty()
    bar = _progress_bar() if show else None
    task = bar.add_task("analysing", total=None) if bar else None

    def on_progress(done: int, total: int) -> None:
        if bar is not None:
            bar.update(task, total=total, completed=done)

    def run():
        if bar is not None:
            bar.start()
        try:
            with Corpus(db) as corpus:
                return corpus.reanalyze(everything=everything, progress=on_progress)
        finally:
            if bar is not None:
                bar.stop()

    n = _corpus_call(run)
    _stdout().print(f"{n} documents analysed" if n else "nothing to analyse: every stored article has a current analysis")


@app.command()
def upgrade(db: Db = "dateline.db") -> None:
    """Bring a store written by an older dateline to this one's schema (nothing is re-read).

    `serve` and the questions open a store read-only, so a store from an older version is
    upgraded once, by any command that writes to it (an ingest) or by this one.

    [dim]Example: dateline upgrade --db news.db ; dateline serve --db news.db[/dim]
    """
    from .corpus import Corpus
    from .store import schema

    from pathlib import Path

    if not Path(db).is_file():
        raise _fail(f"no store at {db}")
    with Corpus(db) as corpus:
        _corpus_call(corpus._writable)
    _stdout().print(f"{db} is at schema {schema.LATEST}")


@app.command()
def relink(db: Db = "dateline.db") -> None:
    """Rebuild every link and group of a store from scratch (near-duplicates, versions, stories).

    An ingest links only its new documents against the store; this full rebuild gives the same
    result and is only needed after changing the linking rules.

    [dim]Example: dateline relink --db news.db[/dim]
    """
    from .corpus import Corpus

    with Corpus(db) as corpus:
        found = _corpus_call(corpus.relink)
    groups = ", ".join(f"{n} {k}" for k, n in sorted(found.items())) or "none"
    _stdout().print(f"relinked {db} · groups: {groups}")


@app.command()
def export(
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="jsonl (the reading contract), csv or parquet; "
                   "with --table: csv, parquet or jsonl (the network also graphml or gexf). Default: jsonl, csv with --table.")] = None,
    table: Annotated[
        Optional[str],
        typer.Option("--table", "-t", help="One flat table: documents, claims, statements, entities, mentions, events, "
                     "timexes or network (who speaks to and through whom). Default: one reading per document."),
    ] = None,
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="The file to write (default: standard output).")] = None,
    db: Db = "dateline.db",
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format jsonl.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace the --out file if it exists (never the store).")] = False,
) -> None:
    """The store as files: every reading (jsonl, as `read --json`; csv; parquet), or one flat table for analysis.

    Tables have typed columns (publisher, address, dates, the speaker's entity and name,
    addressee, channel, via as text and as JSON); parquet needs pip install 'dateline\\[parquet]'.

    [dim]Example: dateline export --table claims --format parquet --out claims.parquet --db news.db[/dim]
    """
    from .corpus import Corpus

    fmt = "jsonl" if as_json else (fmt or ("csv" if table else "jsonl")).lower()
    if fmt == "parquet" and not out:
        raise _fail("parquet is binary: give --out FILE")
    with Corpus(db) as corpus:
        if table:
            n = _corpus_call(lambda: corpus.export_table(table.lower(), fmt, out, force=force))
        else:
            n = _corpus_call(lambda: corpus.export(fmt, out, force=force))
    if out:
        sys.stderr.write(f"dateline: {n} {'rows' if table else 'documents'} written to {out}\n")


@app.command("datasette-metadata")
def datasette_metadata(
    db: Db = "dateline.db",
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="The file to write (default: beside the store, "
                   "news.db → news.metadata.json).")] = None,
) -> None:
    """Write Datasette's metadata for the store: titles, column descriptions, labels, facets, search.

    [dim]Example: dateline datasette-metadata --db news.db ; datasette news.db -m news.metadata.json[/dim]
    """
    from .corpus import Corpus

    with Corpus(db) as corpus:
        path = _corpus_call(lambda: corpus.datasette_metadata(out))
    sys.stderr.write(f"dateline: wrote {path}; browse the store with: datasette {db} -m {path}\n")


@app.command()
def errors(db: Db = "dateline.db", as_json: JsonLines = False) -> None:
    """Documents that could not be read, and why."""
    from .corpus import Corpus

    with Corpus(db) as corpus:
        rows = _corpus_call(corpus.errors)
    if as_json:
        return _json_lines(rows)
    c = _stdout()
    if not rows:
        c.print("[dim]no errors[/dim]")
    for r in rows:
        where = (r["path"] or r["url"] or r["document_id"]) + (f" @{r['offset']}" if r["offset"] is not None else "")
        c.print(f"[red]✗[/red] {_esc(where)}: [bold]{_esc(r['stage'] or '')}[/bold]: {_esc(r['message'] or '')}")


@app.command()
def serve(
    db: Db = "dateline.db",
    host: Annotated[str, typer.Option("--host", help="The address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """The analyst's desk: a web app and JSON API over a store, opened read-only.

    Search, articles with their claims marked, people's timelines, how a statement spread,
    stories and the speaker network; the JSON API is described at /api/openapi.json.

    [dim]Example: dateline serve --db news.db[/dim]
    """
    try:
        import uvicorn

        from .web import create_app
    except ImportError as exc:
        raise _fail(f"the web app needs its extra: pip install 'dateline[web]' ({exc.name} is missing)") from None
    web_app = _corpus_call(lambda: create_app(db))
    # what is loaded by now (modules, templates, chart specs) lives as long as the server: kept out
    # of the collector's full passes, which otherwise walk it all (~90 ms) in the middle of a request
    gc.freeze()
    shown = f"[{host}]" if ":" in host else host
    sys.stderr.write(f"dateline: serving {db} (read-only) at http://{shown}:{port}/ (Ctrl+C stops)\n")
    try:
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
    except OSError as exc:
        raise _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


#: what a value of each option is, in --help (instead of the Python type)
_METAVARS = {"db": "FILE", "out": "FILE", "warc": "FILE", "urls_file": "FILE", "feed": "URL", "sitemap": "URL",
             "url": "URL", "published": "DATE", "since": "DATE", "until": "DATE", "limit": "N", "workers": "N",
             "delay": "SECONDS", "timeout": "SECONDS", "retries": "N", "max_mb": "MB", "fmt": "FORMAT",
             "speaker": "NAME", "about": "QUERY", "inputs": "INPUT...", "urls": "URL...", "query": "QUERY",
             "entity": "NAME", "statement_id": "ID", "table": "TABLE", "host": "ADDRESS",
             "port": "PORT"}
EXIT_CODES = ("Exit codes: 0 done (some documents may have failed: see the ✗ lines); 1 nothing could be read; "
              "2 a usage error; 3 an internal error; 130 interrupted.")


def _tidy_help(command) -> None:
    """--help for people: a word for each value instead of a Python type (no <bool>, <list[str]>,
    no [x>=1]), and paragraphs joined where the source wrapped them."""
    import re


    if command.help:
        command.help = re.sub(r"(?<=\S)\n(?=\S)", " ", inspect_clean(command.help))
    for param in command.params:
        is_flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
        if getattr(param, "param_type_name", "") == "argument":
            name = _METAVARS.get(param.name or "", (param.name or "").upper())
            param.metavar = name
            param.make_metavar = lambda *args, _name=name, **kw: _name
            param.get_usage_pieces = lambda ctx, _name=name: [_name]
            param.display_type_rich = lambda ctx: None  # the name says what it is
        elif is_flag:
            param.metavar = ""
        elif param.metavar is None:
            param.metavar = _METAVARS.get(param.name or "", "VALUE")
        param._get_number_range_help_str = lambda: None  # the help text says what is allowed
    original = command.get_help_option

    def help_option(ctx, _original=original):
        option = _original(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        _tidy_help(sub)


def inspect_clean(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)


def main() -> None:
    """Entry point: no traceback reaches a user."""
    try:
        command = typer.main.get_command(app)
        _tidy_help(command)
        command.help = (command.help or "") + "\n\n" + EXIT_CODES
        command(prog_name="dateline")
    except KeyboardInterrupt:
        sys.stderr.write("dateline: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - a bug; say so plainly
        sys.stderr.write(f"dateline: internal error ({type(exc).__name__}: {exc}); please report it\n")
        sys.exit(3)

