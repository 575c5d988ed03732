"""Store access per worker thread: opened from the URL, shared when in memory, closed at shutdown."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi.testclient import TestClient

from chronik.store import Store
from chronik.web import create_app
from chronik.web.stores import StoreHolder, is_memory_url
from tests.web.conftest import TOKEN, annotate, filled_store


def test_store_holder_opens_one_store_per_thread(tmp_path: Path) -> None:
    url = str(tmp_path / "chronik.db")
    filled_store(url).close()
    holder = StoreHolder(url)
    seen: list[Store] = []

    def use_twice() -> None:
        for _ in range(2):
            with holder.use() as store:
                seen.append(store)

    threads = [threading.Thread(target=use_twice) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(store) for store in seen}) == 2
    holder.close()


def test_store_holder_shares_memory_store() -> None:
    holder = StoreHolder("sqlite:///:memory:")
    with holder.use() as first, holder.use() as second:
        assert first is second
    holder.close()


def test_is_memory_url_knows_both_spellings() -> None:
    assert is_memory_url(":memory:") and is_memory_url("sqlite:///:memory:")
    assert not is_memory_url("memory.db")


def test_app_opens_store_from_url(tmp_path: Path) -> None:
    url = str(tmp_path / "chronik.db")
    filled_store(url).close()
    with TestClient(create_app(url, analyzer=annotate)) as client:
        assert client.get("/api/stats").json()["articles"] == 3
        assert client.get("/api/quotes", params={"speaker": "Keller"}).json()["total"] == 1


def test_app_keeps_one_in_memory_store_across_requests() -> None:
    with TestClient(create_app("sqlite:///:memory:", analyzer=annotate, token=TOKEN)) as client:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        client.post("/api/ingest", json={"articles": [{"text": "Ein Text\n\nDer Rat tagte."}]}, headers=headers)
        assert client.get("/api/stats").json()["articles"] == 1
