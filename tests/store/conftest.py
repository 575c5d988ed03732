"""Store fixtures: every store test runs on SQLite and, when a server is available, on PostgreSQL.

PostgreSQL runs when CHRONIK_TEST_PG_URL points at a database the tests may write to
(.ci/postgres.sh sets it up in CI); each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chronik.store import Store, open_store

PG_URL = os.environ.get("CHRONIK_TEST_PG_URL", "")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}%20-csynchronous_commit%3Doff"


def _pg_schema() -> Iterator[str]:
    """A fresh, migrated PostgreSQL schema, dropped when the generator closes."""
    if not PG_URL:
        pytest.skip("PostgreSQL: set CHRONIK_TEST_PG_URL (CI does, via .ci/postgres.sh)")
    psycopg: Any = pytest.importorskip("psycopg")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    url = _with_search_path(PG_URL, schema)
    open_store(url).close()
    yield url
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str]:
    """One PostgreSQL schema for the session's per-test stores (emptied before each test)."""
    yield from _pg_schema()


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store URL shared by one test module (for read-only tests over a filled store)."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("store") / "chronik.db")
        return
    yield from _pg_schema()


_DELETE_ORDER = (
    "event_participants",
    "articles",  # cascades to the article's rows and full-text entries
    "corpus_aliases",
    "corpus_entities",
    "rejections",
    "timeline_counts",
    "network_edges",
    "network_totals",
)


def _empty_tables(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection, connection.transaction():
        for table in _DELETE_ORDER:
            connection.execute(f"DELETE FROM {table}")


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty store on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "chronik.db")
    url: str = request.getfixturevalue("pg_schema_url")
    _empty_tables(url)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()
