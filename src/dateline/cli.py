"""The `dateline` command."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="dateline",
    help="Turn raw news pages into an evidence base: clean articles, bylines, datelines, "
    "who said what, when, and through which sources.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders (read recursively), globs, or - for standard input. "
        ".html/.htm, .txt, .jsonl (each optionally .gz) and WARC (.warc, .warc.gz).",
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
Fallback = Annotated[
    bool,
    typer.Option("--html-fallback", help="HTML: also try the fallback extractors on poor pages (slower)."),
]


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
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
    workers: Annotated[
        Optional[int],
        typer.Option("--workers", "-w", min=1, help="Processes reading pages (default: the cores); the output "
                     "keeps the input order."),
    ] = None,
) -> None:
    """Read news pages: clean text and metadata, who is who, who said what, what happened and when.

    [dim]Example: dateline read page.html ; dateline read --json pages/ saved.jsonl -[/dim]
    """
    raise typer.Exit(_run(inputs, True, as_json, progress, url, published, html_fallback, workers))


@app.command()
def extract(
    inputs: Inputs,
    as_json: AsJson = False,
    progress: Progress = None,
    url: Url = None,
    published: Published = None,
    html_fallback: Fallback = False,
) -> None:
    """Extraction only (no NLP, fast): clean text, title, dates, dateline, byline, credits, boilerplate.

    [dim]Example: dateline extract --json crawl/*.html.gz[/dim]
    """
    raise typer.Exit(_run(inputs, False, as_json, progress, url, published, html_fallback))


def _run(inputs, analyze, as_json, progress, url, published, html_fallback, workers=1) -> int:
    from .extract import ExtractOptions
    from .ingest.files import expand_inputs
    from .run import read_inputs
    from .view import error_line, show_reading

    if published:
        from .extract.html_meta import iso_date

        if not iso_date(published):
            sys.stderr.write(f"dateline: --published {published!r} is not a date (use YYYY-MM-DD)\n")
            return 2
    options = ExtractOptions(html_fallback=html_fallback)
    targets = list(expand_inputs(inputs))
    show_progress = progress if progress is not None else (len(targets) > 1 and sys.stderr.isatty())
    bar = _progress_bar() if show_progress else None
    on_target = None
    if bar:
        task = bar.add_task("reading", total=len(targets))
        on_target = lambda _target: bar.advance(task)  # noqa: E731
    if workers is None:
        from .run.pool import cores

        workers = cores()
    readings = read_inputs(targets, analyze=analyze, options=options, on_target=on_target, workers=workers)
    total = ok = 0
    out = sys.stdout
    try:
        if bar:
            bar.start()
        for reading in readings:
            if url and not reading.url:
                reading.url = url
            if published and not reading.published:
                reading.published = published
            total += 1
            if reading.error is None or reading.text:  # a cut page was still read
                ok += 1
            if reading.error is not None:
                error_line(reading, bar.console if bar else None)
            if as_json:
                out.write(json.dumps(reading.to_dict(), ensure_ascii=False) + "\n")
            elif reading.error is None or reading.text:
                show_reading(reading, first=ok + (reading.error is not None) == 1)
            out.flush()
    finally:
        if bar:
            bar.stop()
    if total == 0:
        sys.stderr.write("dateline: nothing to read\n")
        return 1
    return 0 if ok else 1


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
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    progress: Progress = None,
) -> None:
    """Read pages into a store: folders, globs, .jsonl, WARC (.warc.gz), - for stdin.

    Idempotent and resumable: content already stored is skipped, so running it again after an
    interruption carries on where it stopped. Duplicates, wire copies, versions and stories are
    linked at the end.

    [dim]Example: dateline ingest crawl/ feeds.jsonl CC-NEWS-*.warc.gz --db news.db[/dim]
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
            return corpus.ingest(inputs, workers=workers, analyze=not no_analysis, progress=on_progress)
        finally:
            if bar is not None:
                bar.stop()
            corpus.close()

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
            + f" · {stats.seen} documents in {stats.seconds:.1f}s ({rate:.1f}/s) · groups: {groups}"
        )
    if stats.seen == 0:
        raise _fail("nothing to ingest", 1)


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
        c.print(f"[bold]{_esc(h['title'] or '(no title)')}[/bold]  [dim]{_esc(h['published'] or '')} {h['document_id']}[/dim]")
        c.print(f"  {_marked(h['snippet'] or '')}")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@app.command()
def claims(
    speaker: Annotated[Optional[str], typer.Option(help="Who said it: a name or an alias.")] = None,
    about: Annotated[Optional[str], typer.Option(help="What it is about: a search query on the claim.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Said on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Said on or before (YYYY-MM-DD).")] = None,
    db: Db = "dateline.db",
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1)] = None,
    as_json: JsonLines = False,
) -> None:
    """Who said what: claims by a speaker, about a subject, in a time range; oldest first.

    [dim]Example: dateline claims --speaker "Kim Jong Un" --about Ukraine --since 2024-06-01[/dim]
    """
    from .corpus import Corpus

    with Corpus(db) as corpus:
        rows = _corpus_call(lambda: corpus.claims(speaker, about, since, until, limit))
    if as_json:
        return _json_lines(rows)
    c = _stdout()
    if not rows:
        c.print("[dim]no claims match[/dim]")
    for r in rows:
        via = f" [dim]via {_esc(' → '.join(r['via']))}[/dim]" if r["via"] else ""
        c.print(f"[cyan]{r['date'] or '????-??-??'}[/cyan] [bold]{_esc(r['speaker_name'] or r['speaker_text'] or '?')}[/bold]"
                f" {_esc(r['cue'] or 'said')}: {_esc(r['content'] or '')}{via}")
        c.print(f"  [dim]{_esc(r['title'] or '')} · {r['document_id']}[/dim]")


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
    if as_json:
        return _json_lines(items)
    c = _stdout()
    if not items:
        c.print(f"[dim]nothing dated for {_esc(entity)}[/dim]")
    for i in items:
        c.print(f"[cyan]{i['date'] or '????-??-??'}[/cyan] {i['type']:<5} [bold]{_esc(i['kind'] or '')}[/bold] "
                f"{_esc(i['what'] or '')}  [dim]{i['document_id']}[/dim]")


def _show_groups(groups, as_json: bool, empty: str) -> None:
    if as_json:
        return _json_lines([{k: v for k, v in g.items() if k != "documents"} for g in groups])
    c = _stdout()
    if not groups:
        c.print(f"[dim]{empty}[/dim]")
    for g in groups:
        c.print(f"[bold magenta]{g['kind']}[/bold magenta] [bold]{_esc(g['title'] or '')}[/bold] "
                f"[dim]({len(g['members'])} documents, {g['first_published'] or '?'} – {g['last_published'] or '?'})[/dim]")
        for d in g["documents"]:
            title = d["title"] or ""
            label = ""
            if d.get("version_label"):
                from .extract.meta import split_version

                title = split_version(title)[0]  # the label is shown once, highlighted
                label = f"[yellow]{_esc(d['version_label'])}[/yellow] "
            c.print(f"  {d['document_id']}  {label}{_esc(title)} [dim]{_esc(d['url'] or '')}[/dim]")


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
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (the reading contract), csv or parquet.")] = "jsonl",
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="The file to write (default: standard output).")] = None,
    db: Db = "dateline.db",
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format jsonl.")] = False,
) -> None:
    """Every document of the store: jsonl (one reading a line, as `read --json`), csv or parquet.

    [dim]Example: dateline export --format parquet --out news.parquet --db news.db[/dim]
    """
    from .corpus import Corpus

    fmt = "jsonl" if as_json else fmt.lower()
    if fmt == "parquet" and not out:
        raise _fail("parquet is binary: give --out FILE")
    with Corpus(db) as corpus:
        n = _corpus_call(lambda: corpus.export(fmt, out))
    if out:
        sys.stderr.write(f"dateline: {n} documents written to {out}\n")


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


def main() -> None:
    """Entry point: no traceback reaches a user."""
    try:
        app()
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

