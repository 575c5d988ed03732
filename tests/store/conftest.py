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


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "chronik.db")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL: set CHRONIK_TEST_PG_URL (CI does, via .ci/postgres.sh)")
    psycopg: Any = pytest.importorskip("psycopg")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    yield _with_search_path(PG_URL, schema)
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()
