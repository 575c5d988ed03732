"""The SQLite backend (default): one file, WAL mode, foreign keys, FTS5 full-text search."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from chronik.errors import StoreError
from chronik.resolve import Resolver
from chronik.store.base import Store
from chronik.store.chronicle import SqlChronicle
from chronik.store.rebuild import SqlRebuild
from chronik.store.schema import Dialect

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32_768  # page cache per connection (SQLite's default is 2 MiB)
MMAP_BYTES = 256 * 1024 * 1024
MIN_SQLITE = (3, 35, 0)  # RETURNING, upserts, FTS5


class SQLiteStore(SqlRebuild, SqlChronicle, Store):
    """A chronicle in one SQLite file (`:memory:` for a throwaway store)."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: str, *, url: str | None = None, resolver: Resolver | None = None) -> None:
        super().__init__()
        if sqlite3.sqlite_version_info < MIN_SQLITE:
            raise StoreError("E030", path, f"SQLite {sqlite3.sqlite_version} is too old; need 3.35 or newer")
        self.url = url or path
        self.path = path
        self.resolver = resolver or Resolver()
        self._wrote = False
        self._data_version = -1
        try:
            self._connection = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
            self._configure()
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError("E030", path, f"cannot open SQLite store: {exc}") from exc

    def _configure(self) -> None:
        self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._connection.execute("PRAGMA foreign_keys = ON")
        self._connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # grows only as pages are read
        self._connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")  # reads share the OS page cache
        if self.path != ":memory:":
            self._connection.execute("PRAGMA journal_mode = WAL")
            self._connection.execute("PRAGMA synchronous = NORMAL")

    def pragma(self, name: str) -> Any:
        """The value of one PRAGMA (for checks and diagnostics); `name` must be a plain identifier."""
        if not name.isidentifier():
            raise StoreError("E050", "pragma", f"not a pragma name: {name!r}")
        return self._scalar(f"PRAGMA {name}")

    def _execute(self, sql: str, params: Sequence[Any]) -> sqlite3.Cursor:
        return self._connection.execute(sql, tuple(params))

    def _run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._connection.executemany(sql, [tuple(row) for row in rows])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._connection.in_transaction:  # nested: the outer transaction decides
            yield
            return
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            self._transaction_started()
            yield
        except BaseException:
            self._alias_cache.clear()  # it may hold answers that saw the rolled-back writes
            self._connection.execute("ROLLBACK")
            raise
        self._connection.execute("COMMIT")
        self._wrote = True

    def _transaction_started(self) -> None:
        """Keep the alias cache unless another connection committed since this one last looked."""
        version = self._connection.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._alias_cache.clear()
            self._data_version = version

    def _has_table(self, name: str) -> bool:
        return self._scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)) is not None

    def _fts_insert_sql(self, table: str) -> str:
        return f"INSERT INTO {table} (rowid, body) VALUES (?, ?)"

    def _fts_delete_sql(self, table: str) -> str:
        return f"DELETE FROM {table} WHERE rowid = ?"

    def _fts_ids_sql(self, table: str) -> str:
        return f"SELECT rowid AS no FROM {table} WHERE {table} MATCH ?"

    def _fts_ranked_sql(self, table: str) -> str:
        return f"SELECT rowid AS no, bm25({table}) AS score FROM {table} WHERE {table} MATCH ? AND rowid >= ?"

    def _fts_query(self, terms: list[str]) -> str:
        return " ".join(f'"{term}"' for term in terms)  # terms are letters and digits: no FTS syntax inside

    def _integrity_errors(self) -> tuple[type[Exception], ...]:
        return (sqlite3.IntegrityError,)

    def _database_errors(self) -> tuple[type[Exception], ...]:
        return (sqlite3.Error,)

    def close(self) -> None:
        with self._locked():
            if self._closed:
                return
            self._closed = True
            if self._wrote:  # refresh planner statistics where this connection's writes made them stale
                with contextlib.suppress(sqlite3.OperationalError):  # only an optimisation: skip it when busy
                    self._connection.execute("PRAGMA optimize")
            self._connection.close()
