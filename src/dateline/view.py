"""Human-readable output of readings for the terminal (rich)."""

from __future__ import annotations

import sys
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from .model import Reading

_out: Console | None = None
_err: Console | None = None


def _console() -> Console:
    global _out
    if _out is None:
        _out = Console(soft_wrap=False, highlight=False)
    return _out


def _error_console() -> Console:
    global _err
    if _err is None:
        _err = Console(stderr=True, highlight=False, soft_wrap=True)
    return _err


def where(reading: Reading) -> str:
    src = reading.source
    label = src.path or src.url or reading.id
    if src.offset is not None:
        label += f" @{src.offset}"
    return label


def error_line(reading: Reading, console: Console | None = None) -> None:
    err = reading.error
    if err is None:
        return
    (console or _error_console()).print(
        f"[red]✗[/red] {escape(where(reading))}: [bold]{escape(err.stage)}[/bold]: {escape(err.message)}",
        highlight=False,
    )


def warning_lines(reading: Reading, console: Console | None = None) -> None:
    """What was repaired or dropped while reading, one line each, on stderr."""
    for warning in reading.warnings:
        (console or _error_console()).print(
            f"[yellow]![/yellow] {escape(where(reading))}: {escape(warning)}", highlight=False
        )


def show_reading(reading: Reading, first: bool = True) -> None:
    out = _console()
    if out.is_terminal:
        _show_reading(reading, first, out)
        return
    # piped: no 80-column wrapping, no padding spaces at line ends, no colour codes
    import io

    buffer = Console(file=io.StringIO(), width=100_000, soft_wrap=False, highlight=False, color_system=None)
    _show_reading(reading, first, buffer)
    text = "\n".join(line.rstrip() for line in buffer.file.getvalue().splitlines())  # type: ignore[attr-defined]
    sys.stdout.write(text.strip("\n") + "\n\n")


def _show_reading(reading: Reading, first: bool, c: Console) -> None:
    if not first:
        if c.is_terminal:
            c.rule(style="dim")
        else:
            c.print("─" * 40)
    c.print(f"[bold]{escape(reading.title or '(no title)')}[/bold]")
    facts = [f"[dim]{escape(where(reading))}[/dim]"]
    if reading.section:
        facts.append(escape(reading.section))
    if reading.published:
        facts.append(escape(reading.published))
    c.print(" · ".join(facts))
    if reading.error:
        c.print(f"[red]error in {escape(reading.error.stage)}:[/red] {escape(reading.error.message)}")
    lines: list[tuple[str, str]] = []
    if reading.dateline:
        d = reading.dateline
        value = " ".join(x for x in (d.place, f"({d.agency})" if d.agency else None) if x)
        lines.append(("dateline", value + (f", {d.date}" if d.date else "")))
    b = reading.byline
    if b.authors:
        lines.append(("by", ", ".join(b.authors)))
    if b.contributors:
        lines.append(("additional reporting", ", ".join(b.contributors)))
    if b.editors:
        lines.append(("edited by", ", ".join(b.editors)))
    if reading.agencies:
        lines.append(("agencies", ", ".join(reading.agencies)))
    if reading.publisher:
        lines.append(("publisher", reading.publisher))
    if reading.analysis and reading.analysis.startswith("skipped"):
        lines.append(("analysis", reading.analysis))  # no entities or claims: say why
    for label, types in (("people", ("PERSON",)), ("groups", ("ORG", "NORP"))):
        found = [_entity_label(e) for e in reading.entities if e.get("type") in types and e.get("mentions")]
        if found:
            lines.append((label, "; ".join(found[:8]) + (f"; … {len(found) - 8} more" if len(found) > 8 else "")))
    for image in reading.images:
        text = image.caption or ""
        if image.credit:
            text += f" [{image.credit}]"
        lines.append(("photo", text.strip()))
    if lines:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="cyan", no_wrap=True)
        grid.add_column()
        for label, value in lines:
            grid.add_row(label, escape(value))
        c.print(Padding(grid, (0, 0, 0, 2), expand=False))
    if reading.text:
        c.print()
        for s, e in reading.paragraphs:
            c.print(Padding(escape(reading.text[s:e]), (0, 2, 1, 2), expand=False))
    if reading.claims:
        names = {e.get("id"): e.get("name") for e in reading.entities}
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="green", no_wrap=True, max_width=28)
        grid.add_column(style="dim", max_width=14)
        grid.add_column()
        for claim in reading.claims:
            who = names.get(claim.get("speaker")) or claim.get("speaker_text") or "?"
            cue = claim.get("cue") or claim.get("kind") or ""
            line = escape(_short(claim.get("content") or ""))
            extras = []
            if claim.get("addressee"):
                extras.append(f"to {names.get(claim['addressee'], claim['addressee'])}")
            channel = claim.get("channel")
            if channel:
                extras.append(" ".join(x for x in (channel.get("kind"), channel.get("outlet") and f"with {channel['outlet']}",
                                                   channel.get("platform") and f"on {channel['platform']}") if x))
            if claim.get("source_kind") == "anonymous":
                extras.append("anonymous source")
            if claim.get("via"):
                extras.append("via " + " → ".join(claim["via"]))
            if claim.get("said_on"):
                extras.append(f"on {claim['said_on']}")
            if extras:
                line += f"  [dim]({escape('; '.join(extras))})[/dim]"
            grid.add_row(escape(who), escape(cue), line)
        c.print("  [bold]who said what[/bold]")
        c.print(Padding(grid, (0, 0, 1, 2), expand=False))
    names = {e.get("id"): e.get("name") for e in reading.entities}
    main_events = sorted(reading.events, key=lambda v: (v.get("span") or [0])[0])
    if main_events:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="magenta", no_wrap=True)
        grid.add_column()
        for v in main_events[:12]:
            who = names.get(v.get("actor")) or v.get("actor_text") or "?"
            recipient = names.get(v.get("recipient")) or v.get("recipient_text")
            whom = f" → {recipient}" if recipient else ""
            marks = [m for m, on in (("not", v.get("negated")), ("hypothetical", v.get("hypothetical")),
                                      ("claimed", v.get("asserted_by"))) if on]
            extra = [x for x in (v.get("when"), v.get("where_text")) if x]
            if v.get("about"):
                extra.insert(0, f"about {v['about']}")
            text = f"{who}{whom}" + (f"  [dim]({escape(', '.join(extra + marks))})[/dim]" if extra or marks else "")
            grid.add_row(escape(v.get("type") or ""), escape(f"{who}{whom}") + text[len(f"{who}{whom}"):])
        if len(main_events) > 12:
            grid.add_row("", f"[dim]… {len(main_events) - 12} more (--json for all)[/dim]")
        c.print("  [bold]what happened[/bold]")
        c.print(Padding(grid, (0, 0, 1, 2), expand=False))
    kinds = Counter(b.kind for b in reading.boilerplate)
    summary = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
    if summary:
        c.print(f"  [dim]set aside: {summary}[/dim]")
    if reading.related:
        versions = sum(1 for r in reading.related if r.version)
        c.print(f"  [dim]related headlines: {len(reading.related)}"
                + (f" ({versions} with a version label)" if versions else "") + "[/dim]")
    sys.stdout.flush()


def _entity_label(entity: dict) -> str:
    title = (entity.get("titles") or [None])[0]
    name = entity.get("name") or "?"
    return f"{name} ({title})" if title else name


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def as_text(reading: Reading) -> str:
    """The article as plain text: the title, then the paragraphs, one blank line apart."""
    parts = [reading.title] if reading.title else []
    parts += [reading.text[s:e].strip() for s, e in reading.paragraphs]
    return "\n\n".join(" ".join(p.split()) if "\n" not in p else p for p in parts if p) + "\n"


def as_markdown(reading: Reading) -> str:
    """The article as Markdown: "# title", a line of facts, the paragraphs."""
    lines = [f"# {reading.title}"] if reading.title else []
    facts = [x for x in (reading.publisher, reading.published, reading.section) if x]
    if reading.dateline and (reading.dateline.place or reading.dateline.agency):
        d = reading.dateline
        facts.append(" ".join(x for x in (d.place, f"({d.agency})" if d.agency else None) if x))
    if reading.byline.authors:
        facts.append("by " + ", ".join(reading.byline.authors))
    if reading.url:
        facts.append(f"<{reading.url}>")
    if facts:
        lines.append("*" + " · ".join(_md(f) if not f.startswith("<") else f for f in facts) + "*")
    lines += [_md(reading.text[s:e].strip()) for s, e in reading.paragraphs]
    return "\n\n".join(lines) + "\n"


def _md(text: str) -> str:
    # characters that would start Markdown markup at the head of a paragraph
    text = " ".join(text.split())
    return ("\\" + text) if text[:1] in "#>*-+|" or text[:2].rstrip(".").isdigit() and text[1:2] == "." else text
