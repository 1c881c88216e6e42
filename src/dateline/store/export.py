"""The store → files: JSON Lines (the reading contract, exactly), CSV and Parquet (one row an article),
and the flat tables of store/tables.py (``export --table claims`` …) in csv, parquet or jsonl."""

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


# --- the flat tables (store/tables.py) ---------------------------------------------------------

TABLE_FORMATS = ("csv", "parquet", "jsonl")


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """The rows of one flat table, from the stored readings (the same function a Spark task
    runs on them) with what only the store knows filled in: corpus entity ids, statement ids."""
    from . import tables
    from .statements import statement_rows

    if table not in tables.TABLES:
        raise ExportError(f"unknown table {table!r}: use one of {', '.join(tables.TABLES)}")
    if table == "statements":
        yield from (tables.conform(table, r) for r in statement_rows(conn))
        return
    if table == "network":
        yield from (tables.conform(table, r) for r in tables.network_rows(table_rows(conn, "claims")))
        return
    for seq, doc_id, reading in conn.execute("SELECT seq, id, reading FROM documents ORDER BY seq"):
        rows = tables.reading_rows(json.loads(reading))[table]
        if not rows:
            continue
        if doc_id != rows[0].get("document_id"):  # stored under another id (a crawler's id reused)
            for r in rows:
                r["document_id"] = doc_id
        if table != "documents" and table != "timexes":
            _fill_store_ids(conn, doc_id, table, rows)
        for r in rows:
            yield tables.conform(table, r)


def _fill_store_ids(conn: sqlite3.Connection, doc_id: str, table: str, rows: list[dict[str, Any]]) -> None:
    entity = dict(conn.execute("SELECT local_id, entity_id FROM document_entities WHERE document_id = ?", (doc_id,)))
    if table in ("entities", "mentions"):
        for r in rows:
            r["entity_id"] = entity.get(r["local_id"])
    elif table == "events":
        for r in rows:
            r["actor_entity_id"] = entity.get(r["actor_local_id"])
            r["recipient_entity_id"] = entity.get(r["recipient_local_id"])
        stored = {lid: (a, b) for lid, a, b in conn.execute(
            "SELECT local_id, actor_entity_id, recipient_entity_id FROM events WHERE document_id = ?", (doc_id,))}
        for r in rows:
            a, b = stored.get(r["event_id"], (None, None))
            r["actor_entity_id"] = r["actor_entity_id"] or a
            r["recipient_entity_id"] = r["recipient_entity_id"] or b
    elif table == "claims":
        stored = {lid: (eid, sid, name) for lid, eid, sid, name in conn.execute(
            "SELECT c.local_id, c.speaker_entity_id, m.statement_id, e.name FROM claims c "
            "LEFT JOIN statement_members m ON m.claim_seq = c.seq LEFT JOIN entities e ON e.id = c.speaker_entity_id "
            "WHERE c.document_id = ?", (doc_id,))}
        for r in rows:
            eid, sid, name = stored.get(r["claim_id"], (None, None, None))
            r["speaker_entity_id"], r["statement_id"] = eid, sid
            if name:  # the corpus entity's name: one speaker, however each document names them
                r["speaker"] = name


def export_table(conn: sqlite3.Connection, table: str, fmt: str, out: IO[str] | IO[bytes] | str, *,
                 force: bool = False) -> int:
    """Write one flat table (see store/tables.py) as csv, parquet or jsonl; ``out`` as in :func:`export`.
    The network table also goes out as graphml or gexf."""
    from . import graphs, tables

    formats = TABLE_FORMATS + (graphs.FORMATS if table == "network" else ())
    if table not in tables.TABLES:
        raise ExportError(f"unknown table {table!r}: use one of {', '.join(tables.TABLES)}")
    if fmt not in formats:
        raise ExportError(f"unknown format {fmt!r} for --table {table}: use one of {', '.join(formats)}")
    if isinstance(out, (str, os.PathLike)):
        path = os.fspath(out)
        check_target(path, protected=store_files(conn), force=force)
        with replaced_atomically(path, binary=fmt == "parquet") as fh:
            return export_table(conn, table, fmt, fh)
    rows = table_rows(conn, table)
    if fmt == "parquet":
        return _parquet_table(table, rows, out)
    if fmt in graphs.FORMATS:
        found = list(rows)
        out.write(graphs.write(graphs.network_graph(found), fmt))  # type: ignore[arg-type]
        return len(found)
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")  # type: ignore[arg-type]
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=tables.TABLES[table].names())  # type: ignore[arg-type]
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _parquet_table(table: str, rows: Iterator[dict[str, Any]], out) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError(
            "Parquet export needs pyarrow, which is not installed: pip install 'dateline[parquet]' "
            "(or use --format csv or jsonl)"
        ) from None
    from .tables import arrow_schema

    if isinstance(out, io.TextIOBase):
        raise ExportError("Parquet is binary: give --out FILE")
    schema = arrow_schema(table)
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
