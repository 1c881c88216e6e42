"""``dateline serve``: the web app and JSON API over a store (needs the ``web`` extra)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
