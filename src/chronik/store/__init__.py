"""Stores: SQLite by default, PostgreSQL for servers (same interface).

`open_store(url)` picks the backend from the URL: a plain path or `sqlite:///path`
opens SQLite, `postgresql://…` opens PostgreSQL (needs the `postgres` extra).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chronik.errors import StoreError
from chronik.store.base import AddResult, Page, Store

__all__ = ["AddResult", "Page", "Store", "open_store"]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(url: str | Path, *, aliases: Sequence[str | Path] = ()) -> Store:
    """Open (and create or migrate) the store at `url`; `aliases` are extra aliases YAML files."""
    from chronik.resolve import Resolver, load_aliases  # here: chronik.resolve imports chronik.store.fulltext

    text = str(url)
    resolver = Resolver(load_aliases(aliases)) if aliases else Resolver()
    if text.startswith(_POSTGRES_SCHEMES):
        from chronik.store.postgres import PostgresStore

        return PostgresStore(text, resolver=resolver)
    if text.startswith("sqlite://"):
        path = text.removeprefix("sqlite://").removeprefix("/")
        if not path:
            raise StoreError("E031", text, "sqlite URL needs a path: sqlite:///file.db or sqlite:///:memory:")
        from chronik.store.sqlite import SQLiteStore

        return SQLiteStore(path, url=text, resolver=resolver)
    if "://" in text:
        raise StoreError("E031", text, "unsupported database URL; use a file path, sqlite:///path or postgresql://…")
    from chronik.store.sqlite import SQLiteStore

    return SQLiteStore(text, url=text, resolver=resolver)
