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
from typing import Any, ClassVar

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
        self._alias_cache = AliasCache()
        self._renamed: dict[str, str] = {}  # corpus ids merged away while writing one article -> their target

    def _transaction_started(self) -> None:
        """Called right after a write transaction began: drop what another writer may have changed.

        Default (PostgreSQL): the alias cache lives for one transaction. SQLite keeps it while
        no other connection has committed (`PRAGMA data_version`).
        """
        self._alias_cache.clear()

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


class AliasCache:
    """Answers of the entity index, kept while they are known to be current.

    The writer invalidates exactly the answers its own alias inserts change
    (`added`), everything on merges and rebuilds (`clear`), and the store clears it when a
    transaction starts that may see other writers' commits, and on rollback.
    Lookups by key and by last key load every label at once (`complete`), so a name tried
    under PER, ORG, LOC and MISC costs one query.
    """

    MAX_ENTRIES = 200_000  # cleared when full: a bound for long streaming ingests

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], list[AliasRow]] = {}  # (kind, label, value) -> rows
        self.complete: set[tuple[str, str]] = set()  # (kind, value) loaded for every label
        self.exists: dict[str, bool] = {}

    def clear(self) -> None:
        self.rows.clear()
        self.complete.clear()
        self.exists.clear()

    def make_room(self) -> None:
        if len(self.rows) >= self.MAX_ENTRIES or len(self.exists) >= self.MAX_ENTRIES:
            self.clear()

    def added(self, row: Sequence[Any]) -> None:
        """Forget the answers an inserted `alias_row` changes."""
        entity_id, label, _, key, last_key, last_skeleton, _ = row
        for kind, value in (("key", key), ("last", last_key)):
            self.rows.pop((kind, label, value), None)
            self.complete.discard((kind, value))
        self.rows.pop(("skel", label, last_skeleton), None)
        self.rows.pop(("of", "", entity_id), None)


class SqlEntityIndex:
    """`chronik.resolve.EntityIndex` over the corpus_aliases table (indexed lookups, cached)."""

    _COLUMNS = "SELECT label, entity_id, alias, key, tokens FROM corpus_aliases WHERE "
    _WHERE: ClassVar[dict[str, str]] = {
        "key": "key = ?",  # every label at once
        "last": "last_key = ?",  # every label at once
        "skel": "label = ? AND last_skeleton = ?",
        "of": "entity_id = ?",
    }

    def __init__(self, store: SqlBase, *, cached: bool = False) -> None:
        """`cached`: use the store's alias cache (only inside a write transaction, where it is kept valid)."""
        self._store = store
        self._cache = store._alias_cache if cached else AliasCache()

    def _rows(self, kind: str, label: str, value: str) -> list[AliasRow]:
        cache = self._cache
        cached = cache.rows.get((kind, label, value))
        if cached is not None:
            return cached
        if (kind, value) in cache.complete:
            return []
        cache.make_room()
        params = (label, value) if kind == "skel" else (value,)
        rows = self._store._fetch(self._COLUMNS + self._WHERE[kind] + " ORDER BY entity_id, alias", params)
        if kind != "key" and kind != "last":
            found = cache.rows[(kind, label, value)] = [_alias(r) for r in rows]
            return found
        by_label: dict[str, list[AliasRow]] = {}
        for r in rows:
            by_label.setdefault(str(r[0]), []).append(_alias(r))
        for row_label, found in by_label.items():
            cache.rows[(kind, row_label, value)] = found
        cache.complete.add((kind, value))
        return by_label.get(label, [])

    def aliases_by_key(self, label: str, key: str) -> list[AliasRow]:
        return self._rows("key", label, key)

    def aliases_by_last_key(self, label: str, last_key: str) -> list[AliasRow]:
        return self._rows("last", label, last_key)

    def aliases_by_skeleton(self, label: str, last_skeleton: str) -> list[AliasRow]:
        return self._rows("skel", label, last_skeleton)

    def aliases_of(self, entity_id: str) -> list[AliasRow]:
        return self._rows("of", "", entity_id)

    def entity_exists(self, entity_id: str) -> bool:
        known = self._cache.exists.get(entity_id)
        if known is None:
            self._cache.make_room()
            row = self._store._fetch_one("SELECT 1 FROM corpus_entities WHERE id = ?", (entity_id,))
            known = self._cache.exists[entity_id] = row is not None
        return known


def _alias(row: Row) -> AliasRow:
    return AliasRow(str(row[1]), str(row[2]), str(row[3]), int(row[4]))


def alias_row(entity_id: str, label: str, alias: str) -> tuple[Any, ...] | None:
    """Values of one corpus_aliases row, or None for a name without letters."""
    key = name_key(alias)
    if not key:
        return None
    last = key.split()[-1]
    return (entity_id, label, alias, key, last, skeleton(last), len(key.split()))
