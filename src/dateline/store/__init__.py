"""The embedded store: SQLite (WAL, FTS5) with a versioned schema; docs/schema.md describes it."""

from .db import Store, StoreError, StoreFull
from .schema import LATEST as SCHEMA_VERSION

__all__ = ["Store", "StoreError", "StoreFull", "SCHEMA_VERSION"]
