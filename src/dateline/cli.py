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
        ".html/.htm, .txt and .jsonl, each optionally .gz.",
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
) -> None:
    """Read news pages: clean text and metadata, then who said what (claims) and who is who.

    [dim]Example: dateline read page.html ; dateline read --json pages/ saved.jsonl -[/dim]
    """
    raise typer.Exit(_run(inputs, True, as_json, progress, url, published, html_fallback))


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


def _run(inputs, analyze, as_json, progress, url, published, html_fallback) -> int:
    from .extract import ExtractOptions
    from .ingest.files import expand_inputs
    from .run import read_inputs
    from .view import error_line, show_reading

    options = ExtractOptions(html_fallback=html_fallback)
    targets = list(expand_inputs(inputs))
    show_progress = progress if progress is not None else (len(targets) > 1 and sys.stderr.isatty())
    bar = _progress_bar() if show_progress else None
    on_target = None
    if bar:
        task = bar.add_task("reading", total=len(targets))
        on_target = lambda _target: bar.advance(task)  # noqa: E731
    readings = read_inputs(targets, analyze=analyze, options=options, on_target=on_target)
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

