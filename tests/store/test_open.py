"""`open_store`: URL schemes, SQLite settings, schema version and migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chronik.errors import StoreError
from chronik.store import Store, open_store
from chronik.store.schema import LATEST_VERSION, MIGRATIONS
from chronik.store.sqlite import SQLiteStore
from tests.store.articles import meeting_article


@pytest.mark.parametrize("form", ["{path}", "sqlite:///{path}"])
def test_open_store_sqlite_url_forms(tmp_path: Path, form: str) -> None:
    path = tmp_path / "chronik.db"
    with open_store(form.format(path=path)) as store:
        assert isinstance(store, SQLiteStore)
        store.add_article(meeting_article())
    assert path.exists()


def test_open_store_memory() -> None:
    with open_store("sqlite:///:memory:") as store:
        assert store.add_article(meeting_article()).status == "ingested"


@pytest.mark.parametrize("url", ["mysql://localhost/x", "mongodb://db", "sqlite://", "ftp://x/y.db"])
def test_open_store_unknown_scheme_raises_e031(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert caught.value.code == "E031"


def test_open_store_unreachable_postgres_raises_coded_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert caught.value.code == "E030"
    assert "secret" not in str(caught.value)


def test_open_store_unwritable_path_raises_e030(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(str(tmp_path / "missing" / "dir" / "x.db"))
    assert caught.value.code == "E030"


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "chronik.db"))
    assert str(store.pragma("journal_mode")).lower() == "wal"
    assert store.pragma("foreign_keys") == 1
    assert store.pragma("busy_timeout") >= 1000
    store.close()


def test_schema_version_recorded_once_per_migration(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.schema_version() == LATEST_VERSION  # type: ignore[attr-defined]
    with open_store(store_url) as reopened:  # opening again applies nothing twice
        assert reopened.schema_version() == LATEST_VERSION  # type: ignore[attr-defined]
        assert reopened._scalar("SELECT COUNT(*) FROM schema_version") == len(MIGRATIONS)  # type: ignore[attr-defined]


def test_newer_schema_raises_e033(tmp_path: Path) -> None:
    path = tmp_path / "chronik.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_version VALUES (999, 'from the future', '2030-01-01')")
    with pytest.raises(StoreError) as caught:
        open_store(str(path))
    assert caught.value.code == "E033"


def test_second_connection_sees_committed_articles(store_url: str) -> None:
    with open_store(store_url) as writer, open_store(store_url) as reader:
        writer.add_article(meeting_article())
        assert reader.get_article("kiew-1") == meeting_article()
        assert reader.add_article(meeting_article()).status == "duplicate"


def test_store_is_context_manager(store: Store) -> None:
    with store as same:
        assert same is store


def test_open_store_up_to_date_takes_no_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "chronik.db"
    open_store(str(path)).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        with open_store(str(path)) as reader:
            assert reader.counts()["articles"] == 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()
