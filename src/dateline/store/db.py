"""Opening a store: checks that turn SQLite's terse failures into messages people can act on."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import schema


class StoreError(Exception):
    """The store cannot do what was asked; the message says why, for people."""


class StoreFull(StoreError):
    """The disk (or the database's size limit) is full; the batch being written was rolled back."""


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def explain(exc: sqlite3.Error, path: str | os.PathLike[str]) -> StoreError:
    """A StoreError for an sqlite3 error, saying what it means for this store."""
    msg = str(exc)
    low = msg.lower()
    if "database or disk is full" in low or "disk i/o error" in low and _disk_full(path):
        return StoreFull(
            f"{path}: the disk is full (SQLite: {msg}); the batch being written was rolled back, "
            "everything saved before it is intact. Free some space and run the same command again."
        )
    if "readonly" in low or "read-only" in low:
        return StoreError(f"{path}: the database cannot be written (read-only file or folder)")
    if "file is not a database" in low or "not a database" in low:
        return StoreError(f"{path} is not a dateline store (not an SQLite database)")
    if "locked" in low or "busy" in low:
        return StoreError(f"{path}: the database is busy (another dateline process is writing to it)")
    if "unable to open" in low:
        return StoreError(f"{path}: the database cannot be opened or created there ({msg}); is the folder writable?")
    return StoreError(f"{path}: {msg}")


def _disk_full(path) -> bool:
    try:
        st = os.statvfs(Path(path).resolve().parent)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 1 << 20


class Store:
    """One SQLite connection to a dateline store.

    ``write=True`` creates the file and runs the migrations it lacks; ``write=False`` opens an
    existing store read-only (it may sit on read-only media).
    """

    def __init__(self, path: str | os.PathLike[str] = "dateline.db", *, write: bool = False) -> None:
        self.path = Path(path)
        self.write = write
        self.conn = self._open()

    # --- opening ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        path = self.path
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file")
        if self.write:
            parent = path.resolve().parent
            if not parent.is_dir():
                raise StoreError(f"{path}: the folder {parent} does not exist")
            if path.exists() and not os.access(path, os.W_OK):
                raise StoreError(f"{path}: the database file is read-only")
            if not os.access(parent, os.W_OK):
                raise StoreError(
                    f"{path}: the folder {parent} is read-only (SQLite needs to write its journal beside the database)"
                )
        elif not path.is_file():
            raise StoreError(f"{path}: no such store; create one with `dateline ingest PAGES --db {path}`")
        if path.exists() and path.stat().st_size > 0 and not _is_sqlite(path):
            raise StoreError(f"{path} is not a dateline store (not an SQLite database)")
        try:
            conn = self._connect()
            self._check(conn)
        except sqlite3.Error as exc:
            raise explain(exc, path) from None
        return conn

    def _connect(self) -> sqlite3.Connection:
        if self.write:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            _wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            # checkpoint every ~40 MB of WAL rather than every 4 MB: a page written by several
            # batches is copied back once, not once per batch (on a large store a batch's random
            # index inserts dirty thousands of pages, and each batch forced a checkpoint)
            conn.execute("PRAGMA wal_autocheckpoint = 10000")
        else:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30, check_same_thread=False)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # a WAL store on read-only media cannot make its -shm file: read it as immutable
                conn.close()
                uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.row_factory = sqlite3.Row
        return conn

    def _check(self, conn: sqlite3.Connection) -> None:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "meta" not in tables:
            raise StoreError(f"{self.path} is not a dateline store (an SQLite database with other tables)")
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
            if not row or row[0] != schema.APP:
                raise StoreError(f"{self.path} is not a dateline store")
        version = schema.applied(conn)
        if version > schema.LATEST:
            raise StoreError(
                f"{self.path} was written by a newer dateline (schema {version}; this one knows {schema.LATEST}): upgrade dateline"
            )
        if version < schema.LATEST:
            if not self.write:
                if version == 0:
                    raise StoreError(f"{self.path} is not a dateline store")
                raise StoreError(f"{self.path} was written by an older dateline: run `dateline upgrade --db {self.path}` once")
            schema.migrate(conn, now())
        if self.write:
            from .groups import BACKFILL_KEY, backfill_story_features

            if conn.execute("SELECT 1 FROM meta WHERE key = ?", (BACKFILL_KEY,)).fetchone():
                backfill_story_features(conn)  # migration 9's, or one an interrupted opening left

    # --- use -------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit: everything in it is written, or nothing (also after kill -9)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite already rolled back (e.g. on a full disk)
            if isinstance(exc, sqlite3.Error):
                raise explain(exc, self.path) from None
            raise

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def close(self) -> None:
        self.conn.close()


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return True  # let SQLite say what is wrong


def _wal(conn: sqlite3.Connection, tries: int = 60) -> None:
    """Switch to WAL. On a new file opened by several processes at once, SQLite may answer
    "locked" at once instead of waiting its busy timeout: try again a little later."""
    import time

    for attempt in range(tries):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if attempt == tries - 1 or not any(w in str(exc) for w in ("locked", "busy")):
                raise
            time.sleep(0.02 + 0.01 * attempt)
