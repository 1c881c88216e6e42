"""The store → files: JSON Lines (the reading contract, exactly), CSV and Parquet (one row an article)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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


def export(conn: sqlite3.Connection, fmt: str, out: IO[str] | IO[bytes] | str, *, force: bool = False) -> int:
    """Write every document; ``out`` is a path or an open file (text for jsonl/csv, binary for parquet).

    A path is written to a temporary file beside it, renamed into place when complete: an
    interrupted export leaves nothing half-written. The store itself (or its journal) is never a
    target, and an existing file is replaced only with ``force``.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if isinstance(out, (str, os.PathLike)):
        path = os.fspath(out)
        check_target(path, protected=store_files(conn), force=force)
        with replaced_atomically(path, binary=fmt == "parquet") as fh:
            return export(conn, fmt, fh)
    if fmt == "parquet":
        return _parquet(conn, out)
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


def store_files(conn: sqlite3.Connection) -> list[str]:
    """The files of the store behind ``conn``: the database and its journals."""
    out = []
    for row in conn.execute("PRAGMA database_list"):
        if row[2]:
            out += [row[2], row[2] + "-wal", row[2] + "-shm", row[2] + "-journal"]
    return out


def check_target(path: str, *, protected: list[str], force: bool) -> None:
    """Refuse to write over a file that must not be lost: the store (the same file by inode,
    however it is named), or any existing file unless ``force``."""
    if os.path.isdir(path):
        raise ExportError(f"{path} is a folder: give a file name")
    if not os.path.lexists(path):
        return
    for keep in protected:
        try:
            if os.path.samefile(path, keep):
                raise ExportError(f"{path} is the store itself (or its journal): writing there would destroy it; "
                                  "choose another file")
        except OSError:
            continue  # that file does not exist
    if not force:
        raise ExportError(f"{path} already exists: choose another file, or give --force to replace it")


@contextmanager
def replaced_atomically(path: str, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A file that appears at ``path`` only once it is completely written (temp file + rename)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".part", dir=folder)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
