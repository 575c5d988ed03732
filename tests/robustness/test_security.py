"""Cross-cutting security checks over the whole web app and the store.

Every GET endpoint (API, pages, JSON twins) is hit with SQL-injection, FTS-syntax and XSS
strings in every path and query parameter: no server error, no unescaped payload in HTML,
the database unchanged. Writes need the token, CORS is off, bodies and time are bounded.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from chronik.errors import ChronikError
from chronik.model import Article
from chronik.store import Store, open_store
from chronik.web import create_app
from tests.web.articles import XSS_ATTRIBUTE, XSS_SCRIPT, example_articles

TOKEN = "robust-token-123"
INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE articles; --",
    "Robert'); DROP TABLE quotes;--",
    '" OR ""="',
    "%' UNION SELECT sql, name FROM sqlitemaster --",
    "1' AND sleep(5) --",
    '"unbalanced',
    "NEAR(a b",
    "a OR b AND NOT",
    "*",
    "^",
    "%",
    "_",
    "\\",
    "-1",
    "1e309",
    "99999999999999999999999",
    "2025-13-45",
    "\u202e\u200b\ufeff",
    "x" * 5000,
    XSS_SCRIPT,
    XSS_ATTRIBUTE,
    "javascript:alert(1)",
    "</textarea><script>alert(1)</script>",
]
PAYLOAD_MARKERS = ("<script>alert", "<img src=x", '"><img', "</textarea><script")  # raw, i.e. unescaped


@pytest.fixture(scope="module")
def app() -> Iterator[FastAPI]:
    store = open_store(":memory:")
    for article in example_articles():
        store.add_article(article)
    store.add_rejection(XSS_ATTRIBUTE, "E012", XSS_SCRIPT)

    def no_analysis(article: Article) -> Article:
        return article

    yield create_app(":memory:", store=store, token=TOKEN, analyzer=no_analysis)
    store.close()


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def _store(app: FastAPI) -> Store:
    with app.state.stores.use() as store:
        result: Store = store
        return result


def _get_routes(app: FastAPI) -> list[APIRoute]:
    """Every GET route of the API and the pages (read from the routers the app includes)."""
    from chronik.web import api, pages

    routes = [*api.router.routes, *pages.router.routes]
    found = [route for route in routes if isinstance(route, APIRoute) and "GET" in route.methods]
    assert {route.path for route in found} >= {path for path in app.openapi()["paths"] if "{" not in path} - {
        "/api/analyze",
        "/api/ingest",
    }
    return found


def _query_names(route: APIRoute) -> list[str]:
    return [param.alias for param in route.dependant.query_params]


def _url(route: APIRoute, value: str) -> str:
    path = route.path
    for param in route.dependant.path_params:
        path = path.replace("{" + param.name + "}", value.replace("/", "%2F").replace("?", "%3F").replace("#", "%23"))
    return path


def _assert_safe(response: Any, what: str) -> None:
    assert response.status_code < 500, (what, response.status_code, response.text[:300])
    if response.headers.get("content-type", "").startswith("text/html"):
        for marker in PAYLOAD_MARKERS:
            assert marker not in response.text, (what, marker)


@pytest.mark.slow
def test_every_get_endpoint_survives_injection_in_every_parameter(app: FastAPI, client: TestClient) -> None:
    before = _store(app).counts()
    routes = _get_routes(app)
    assert len(routes) >= 20
    tried = 0
    for route in routes:
        for value in INJECTIONS:
            response = client.get(_url(route, value))
            _assert_safe(response, f"{route.path} path={value!r}")
            tried += 1
            for name in _query_names(route):
                response = client.get(_url(route, "E1"), params={name: value})
                _assert_safe(response, f"{route.path} {name}={value!r}")
                tried += 1
    assert tried > 500
    assert _store(app).counts() == before


def test_every_page_escapes_hostile_article_text_names_and_quotes(app: FastAPI, client: TestClient) -> None:
    hostile = next(a for a in _store(app).iter_articles() if XSS_SCRIPT in a.text)
    pages = ["/", "/quotes", "/events", "/entities", "/timeline", "/network", "/rejections", f"/articles/{hostile.id}"]
    pages += [f"/articles/{hostile.id}/entities/{entity.id}" for entity in hostile.entities]
    pages += ["/?q=Angriff", "/quotes?q=Zitat", "/entities?q=Mallory"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        _assert_safe(response, page)
    article_page = client.get(f"/articles/{hostile.id}").text
    assert "&lt;script&gt;" in article_page  # shown, escaped


def test_write_endpoint_needs_the_token(client: TestClient) -> None:
    body = {"articles": [{"text": "Ein neuer Artikel über den Rat in Bern."}]}
    assert client.post("/api/ingest", json=body).status_code == 401
    assert client.post("/api/ingest", json=body, headers={"Authorization": "Bearer falsch"}).status_code == 401
    assert client.post("/api/ingest", json=body, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    ok = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200


def test_write_endpoint_is_off_without_a_configured_token() -> None:
    app = create_app(":memory:", analyzer=lambda article: article)
    with TestClient(app) as client:
        response = client.post("/api/ingest", json={"articles": [{"text": "Text."}]})
        assert response.status_code in (401, 403)
        assert response.json()["error"]["code"] == "E053"


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/ingest", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_request_body_size_is_limited(client: TestClient) -> None:
    response = client.post("/api/analyze", json={"text": "Wort " * 600_000})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E051"


def test_request_time_is_limited() -> None:
    def slow(article: Article) -> Article:
        time.sleep(2)
        return article

    app = create_app(":memory:", analyzer=slow, timeout_s=0.3)
    with TestClient(app, raise_server_exceptions=False) as client:
        started = time.monotonic()
        response = client.post("/api/analyze", json={"text": "Ein Text über Bern."})
        assert response.status_code == 504 and response.json()["error"]["code"] == "E052"
        assert time.monotonic() - started < 1.9


def test_html_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy


def test_quote_search_term_with_underscore_is_not_a_server_error(client: TestClient) -> None:
    # "_" splits search terms as it does in the FTS5 tokenizer: "sqlite_master" must not become a
    # phrase query, which FTS5 with detail='none' refuses (sqlite3.OperationalError -> HTTP 500).
    assert client.get("/api/quotes", params={"q": "sqlite_master"}).status_code == 200


STORE_QUERIES: dict[str, list[str]] = {
    "search_articles": ["query"],
    "search_quotes": ["text", "speaker", "date_from", "date_to"],
    "find_events": ["type", "actor", "target", "place", "modality", "date_from", "date_to"],
    "find_entities": ["name", "label"],
    "entity_profile": ["entity_id"],
    "get_article": ["article_id"],
    "timeline": ["type", "entity", "date_from", "date_to"],
    "network": ["date_from", "date_to"],
}


@pytest.mark.parametrize("method", sorted(STORE_QUERIES))
def test_store_queries_take_injection_strings_as_plain_values(method: str) -> None:
    with open_store(":memory:") as store:
        for article in example_articles():
            store.add_article(article)
        before = store.counts()
        for name in STORE_QUERIES[method]:
            for value in INJECTIONS:
                query = getattr(store, method)
                try:
                    query(value) if name in ("query", "entity_id", "article_id") else query(**{name: value})
                except ChronikError as exc:
                    assert exc.code in ("E050", "E032"), exc
        assert store.counts() == before
        assert store.search_articles("Keller").total >= 1  # tables still there and searchable
