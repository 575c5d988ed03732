"""Shared fixtures: a real SQLite store (in memory) filled with our example articles, the app, a client."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from chronik.model import Article
from chronik.store import Store, open_store
from chronik.web import create_app
from tests.web.articles import example_articles

TOKEN = "s3cret-test-token"


def annotate(article: Article) -> Article:
    """A stand-in for the NLP pipeline: records that it ran and adds nothing else."""
    article.stages.append("fake-analyzer")
    return article


def filled_store(url: str = ":memory:") -> Store:
    store = open_store(url)
    for article in example_articles():
        store.add_article(article)
    store.add_rejection("kaputt.html", "E012", "no body text found")
    return store


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    """Shared by the tests of one module: they only read (writes use `fresh_store`)."""
    with filled_store() as filled:
        yield filled


@pytest.fixture
def fresh_store() -> Iterator[Store]:
    with filled_store() as filled:
        yield filled


@pytest.fixture(scope="module")
def app(store: Store) -> FastAPI:
    return create_app(store.url, store=store, token=TOKEN, analyzer=annotate)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_server(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port (in a thread); yields the base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def live_server() -> Iterator[str]:
    """A live server over a freshly filled store (module-wide)."""
    with (
        filled_store() as store,
        running_server(create_app(store.url, store=store, token=TOKEN, analyzer=annotate)) as url,
    ):
        yield url
