"""The SQL core both backends share: statement helpers, migrations, the entity index.

Every statement is written with `?` placeholders and parameterised values only; the
PostgreSQL backend rewrites `?` to `%s`. No SQL text is ever built from user input
(only from fixed fragments chosen in code).
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

from chronik.errors import StoreError
from chronik.resolve import AliasRow, name_key, skeleton
from chronik.store.schema import LATEST_VERSION, MIGRATIONS, VERSION_TABLE, Dialect

Row = tuple[Any, ...]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqlBase:
    """Connection primitives and migrations; subclasses adapt one DB-API driver."""

    url: str
    dialect: Dialect

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._closed = False

    # -- driver adaptation ----------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any]) -> Any:
        """Run one statement; return the DB-API cursor."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """Commit on success, roll back on any exception."""

    @abstractmethod
    def _fts_insert_sql(self, table: str) -> str:
        """INSERT of (row number, normalised text) into a full-text table."""

    @abstractmethod
    def _fts_ids_sql(self, table: str) -> str:
        """Subquery selecting row numbers whose text matches all terms (one parameter)."""

    @abstractmethod
    def _fts_ranked_sql(self, table: str) -> str:
        """Subquery of (no, score) for matching rows from a row number on, lower score = better (two parameters)."""

    @abstractmethod
    def _fts_query(self, terms: list[str]) -> str:
        """The full-text query parameter for `_fts_ids_sql` from normalised terms."""

    @abstractmethod
    def _integrity_errors(self) -> tuple[type[Exception], ...]: ...

    @abstractmethod
    def _database_errors(self) -> tuple[type[Exception], ...]:
        """The driver's base error classes (wrapped as E030 on writes)."""

    # -- helpers ----------------------------------------------------------------------
    def _run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._execute(sql, params)

    def _run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many parameter rows (one driver call)."""
        for row in rows:
            self._execute(sql, row)

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return [tuple(row) for row in self._execute(sql, params).fetchall()]

    def _fetch_one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = self._execute(sql, params).fetchall()  # drain: also finishes INSERT ... RETURNING
        return tuple(rows[0]) if rows else None

    def _fetch_dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._fetch_one(sql, params)
        return row[0] if row else None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._lock:
            yield

    # -- migrations -------------------------------------------------------------------
    @abstractmethod
    def _has_table(self, name: str) -> bool: ...

    def _serialise_migrations(self) -> None:
        """Inside the migration transaction: keep concurrent openers from migrating twice (default: no-op)."""

    def schema_version(self) -> int:
        """The version of the schema the database is at (0 for an empty database)."""
        if not self._has_table("schema_version"):
            return 0
        return int(self._scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version") or 0)

    def _migrate(self) -> None:
        """Apply pending migrations; an up-to-date store is only read (no write lock taken)."""
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise StoreError("E033", self.url, f"schema version {current} > {LATEST_VERSION} known to this chronik")
        if current == LATEST_VERSION:
            return
        with self._transaction():
            self._serialise_migrations()
            self._run(VERSION_TABLE)
            current = self.schema_version()  # another process may have migrated meanwhile
            for migration in MIGRATIONS:
                if migration.version > current:
                    for statement in migration.statements(self.dialect):
                        self._run(statement)
                    self._run(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                        (migration.version, migration.description, utc_now()),
                    )


class SqlEntityIndex:
    """`chronik.resolve.EntityIndex` over the corpus_aliases table (indexed lookups)."""

    _SELECT = "SELECT entity_id, alias, key, tokens FROM corpus_aliases WHERE "

    def __init__(self, store: SqlBase) -> None:
        self._store = store

    def _rows(self, where: str, params: Sequence[Any]) -> list[AliasRow]:
        rows = self._store._fetch(self._SELECT + where + " ORDER BY entity_id, alias", params)
        return [AliasRow(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    def aliases_by_key(self, label: str, key: str) -> list[AliasRow]:
        return self._rows("label = ? AND key = ?", (label, key))

    def aliases_by_last_key(self, label: str, last_key: str) -> list[AliasRow]:
        return self._rows("label = ? AND last_key = ?", (label, last_key))

    def aliases_by_skeleton(self, label: str, last_skeleton: str) -> list[AliasRow]:
        return self._rows("label = ? AND last_skeleton = ?", (label, last_skeleton))

    def aliases_of(self, entity_id: str) -> list[AliasRow]:
        return self._rows("entity_id = ?", (entity_id,))

    def entity_exists(self, entity_id: str) -> bool:
        return self._store._fetch_one("SELECT 1 FROM corpus_entities WHERE id = ?", (entity_id,)) is not None


def alias_row(entity_id: str, label: str, alias: str) -> tuple[Any, ...] | None:
    """Values of one corpus_aliases row, or None for a name without letters."""
    key = name_key(alias)
    if not key:
        return None
    last = key.split()[-1]
    return (entity_id, label, alias, key, last, skeleton(last), len(key.split()))
