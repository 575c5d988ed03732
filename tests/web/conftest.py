"""Shared fixtures: a real SQLite store (in memory) filled with our example articles, the app, a client."""

from __future__ import annotations

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


@pytest.fixture
def store() -> Iterator[Store]:
    with filled_store() as filled:
        yield filled


@pytest.fixture
def app(store: Store) -> FastAPI:
    return create_app(store.url, store=store, token=TOKEN, analyzer=annotate)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client
