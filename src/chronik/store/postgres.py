"""The PostgreSQL backend (`postgresql://…`, extra `postgres`: psycopg 3).

Same schema, statements and tests as SQLite; full-text search indexes the same
German-normalised text as a `tsvector` ('simple' configuration) with a GIN index.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from chronik.errors import StoreError
from chronik.resolve import Resolver
from chronik.store.base import Store
from chronik.store.chronicle import SqlChronicle
from chronik.store.rebuild import SqlRebuild
from chronik.store.schema import Dialect

_MIGRATION_LOCK = 0x6368726F6E696B  # "chronik": one migrating connection at a time per database


def _driver() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError("E031", "postgresql", "PostgreSQL needs psycopg: pip install 'chronik[postgres]'") from exc
    return psycopg


class PostgresStore(SqlRebuild, SqlChronicle, Store):
    """A chronicle in a PostgreSQL database (the schema is created on first open)."""

    dialect: Dialect = "postgresql"

    def __init__(self, url: str, *, resolver: Resolver | None = None) -> None:
        super().__init__()
        self._psycopg = _driver()
        self.url = url
        self.resolver = resolver or Resolver()
        try:
            self._connection = self._psycopg.connect(url, autocommit=True)
        except self._psycopg.Error as exc:
            raise StoreError("E030", _redact(url), f"cannot connect to PostgreSQL: {exc}") from exc
        try:
            self._migrate()
        except self._psycopg.Error as exc:
            self._connection.close()
            raise StoreError("E030", _redact(url), f"cannot prepare the schema: {exc}") from exc

    def _execute(self, sql: str, params: Sequence[Any]) -> Any:
        values = tuple(_storable(value) for value in params)
        return self._connection.execute(sql.replace("?", "%s"), values)

    def _run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            values = [tuple(_storable(value) for value in row) for row in rows]
            self._connection.cursor().executemany(sql.replace("?", "%s"), values)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        outermost = self._connection.info.transaction_status == self._psycopg.pq.TransactionStatus.IDLE
        try:
            with self._connection.transaction():  # nested: a savepoint inside the outer transaction
                if outermost:
                    self._transaction_started()
                yield
        except BaseException:
            self._alias_cache.clear()  # it may hold answers that saw the rolled-back writes
            raise

    def _has_table(self, name: str) -> bool:
        return self._scalar("SELECT to_regclass(?)", (name,)) is not None

    def _serialise_migrations(self) -> None:
        self._run("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def _fts_insert_sql(self, table: str) -> str:
        return f"INSERT INTO {table} (no, body) VALUES (?, to_tsvector('simple', ?))"

    def _fts_ids_sql(self, table: str) -> str:
        return f"SELECT no FROM {table} WHERE body @@ to_tsquery('simple', ?)"

    def _fts_ranked_sql(self, table: str) -> str:
        return (
            f"SELECT s.no, -ts_rank(s.body, q.query) AS score FROM {table} s, to_tsquery('simple', ?) AS q(query)"
            " WHERE s.body @@ q.query AND s.no >= ?"
        )

    def _fts_query(self, terms: list[str]) -> str:
        return " & ".join(terms)  # terms are [a-z0-9_]: no tsquery operators inside

    def _integrity_errors(self) -> tuple[type[Exception], ...]:
        return (self._psycopg.IntegrityError,)

    def _database_errors(self) -> tuple[type[Exception], ...]:
        return (self._psycopg.Error,)

    def close(self) -> None:
        with self._locked():
            if self._closed:
                return
            self._closed = True
            self._connection.close()


def _storable(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL: it becomes U+FFFD (same length, so offsets stay valid)."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}:***@{host}"
