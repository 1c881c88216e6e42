"""The store → files: JSON Lines (the reading contract, exactly), CSV and Parquet (one row an article)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet")

#: the flat columns of csv and parquet
COLUMNS = (
    "id", "url", "title", "published", "section", "language", "dateline_place", "dateline_agency",
    "authors", "agencies", "source_path", "source_format", "error", "word_count", "text",
    "entities", "claims", "events", "timexes",
)


class ExportError(Exception):
    pass


def readings(conn: sqlite3.Connection) -> Iterator[str]:
    """Each document's reading as JSON, as it was read, in order of arrival."""
    for (reading,) in conn.execute("SELECT reading FROM documents ORDER BY seq"):
        yield reading


def rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for (reading,) in conn.execute("SELECT reading FROM documents ORDER BY seq"):
        r = json.loads(reading)
        dl = r.get("dateline") or {}
        err = r.get("error")
        yield {
            "id": r.get("id"),
            "url": r.get("url") or (r.get("source") or {}).get("url"),
            "title": r.get("title"),
            "published": r.get("published"),
            "section": r.get("section"),
            "language": r.get("language"),
            "dateline_place": dl.get("place"),
            "dateline_agency": dl.get("agency"),
            "authors": "; ".join((r.get("byline") or {}).get("authors") or []),
            "agencies": "; ".join(r.get("agencies") or []),
            "source_path": (r.get("source") or {}).get("path"),
            "source_format": (r.get("source") or {}).get("format"),
            "error": f"{err['stage']}: {err['message']}" if err else None,
            "word_count": len((r.get("text") or "").split()),
            "text": r.get("text") or "",
            # nested lists stay JSON in a flat table
            "entities": json.dumps(r.get("entities") or [], ensure_ascii=False),
            "claims": json.dumps(r.get("claims") or [], ensure_ascii=False),
            "events": json.dumps(r.get("events") or [], ensure_ascii=False),
            "timexes": json.dumps(r.get("timexes") or [], ensure_ascii=False),
        }


def export(conn: sqlite3.Connection, fmt: str, out: IO[str] | IO[bytes] | str) -> int:
    """Write every document; ``out`` is a path or an open file (text for jsonl/csv, binary for parquet)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _parquet(conn, out)
    if isinstance(out, str):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return export(conn, fmt, fh)
    n = 0
    if fmt == "jsonl":
        for line in readings(conn):
            out.write(line + "\n")  # type: ignore[arg-type]
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=COLUMNS)  # type: ignore[arg-type]
    writer.writeheader()
    for row in rows(conn):
        writer.writerow(row)
        n += 1
    return n


def _parquet(conn: sqlite3.Connection, out) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError(
            "Parquet export needs pyarrow, which is not installed: pip install 'dateline[parquet]' "
            "(or use --format jsonl or csv)"
        ) from None
    data = list(rows(conn))
    table = pa.Table.from_pylist(data, schema=pa.schema([(c, pa.int64() if c == "word_count" else pa.string()) for c in COLUMNS]))
    if isinstance(out, io.TextIOBase):
        raise ExportError("Parquet is binary: give --out FILE")
    pq.write_table(table, out)
    return len(data)
