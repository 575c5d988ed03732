"""The REST API over a filled in-memory store: queries, pagination, validation, auth, limits."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from chronik.errors import PipelineError
from chronik.model import Article
from chronik.store.base import Store
from chronik.web import create_app
from chronik.web.views import fact_value, message_text, span_text
from tests.web.conftest import TOKEN, annotate

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_articles_search_finds_matching_article(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "Vorschlag"}).json()
    assert [item["id"] for item in body["items"]] == ["art-brandl"]
    assert (body["total"], body["limit"], body["offset"]) == (1, 20, 0)


def test_articles_search_paginates(client: TestClient) -> None:
    first = client.get("/api/articles", params={"q": "Brandl", "limit": 1}).json()
    second = client.get("/api/articles", params={"q": "Brandl", "limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == 2
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_article_returns_all_layers(client: TestClient) -> None:
    body = client.get("/api/articles/art-keller").json()
    assert body["title"] == "Keller trifft Brandl in Wien"
    assert {q["id"] for q in body["quotes"]} == {"Q1", "Q2"}
    assert "tokens" not in body
    assert Article.from_dict(body).events[0].type == "MEET"


def test_unknown_article_is_404_with_code(client: TestClient) -> None:
    response = client.get("/api/articles/gibt-es-nicht")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E032"


def test_quotes_filter_by_speaker_and_date(client: TestClient) -> None:
    body = client.get("/api/quotes", params={"speaker": "brandl"}).json()
    assert {message_text(item) for item in body["items"]} == {
        "Österreich werde die Gespräche im Frühjahr fortsetzen",
        "Das kommt für uns nicht in Frage",
    }
    dated = client.get("/api/quotes", params={"speaker": "brandl", "from": "2025-11-04", "to": "2025-11-30"}).json()
    assert [message_text(item) for item in dated["items"]] == ["Das kommt für uns nicht in Frage"]


def test_events_filter_by_type_actor_and_modality(client: TestClient) -> None:
    meets = client.get("/api/events", params={"type": "MEET", "actor": "Keller"}).json()
    assert [span_text(item["trigger"]) for item in meets["items"]] == ["zusammengetroffen"]
    assert client.get("/api/events", params={"modality": "negated"}).json()["total"] == 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 5000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"from": "gestern"}, "from"),
        ({"to": "2025-02-30"}, "to"),
        ({"modality": "vielleicht"}, "modality"),
        ({"type": "x" * 500}, "type"),
    ],
)
def test_events_invalid_parameters_are_422_naming_the_field(
    client: TestClient, params: dict[str, object], field: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "E050"
    assert error["problem"].startswith(f"{field}: ")


def test_articles_search_requires_query(client: TestClient) -> None:
    response = client.get("/api/articles")
    assert response.status_code == 422
    assert "q: Field required" in response.json()["error"]["problem"]


def test_entities_filter_and_profile(client: TestClient) -> None:
    people = client.get("/api/entities", params={"name": "keller", "label": "PER"}).json()
    assert [item["name"] for item in people["items"]] == ["Anna Keller"]
    profile = client.get(f"/api/entities/{people['items'][0]['id']}").json()
    assert [fact_value(role) for role in profile["roles"]] == ["Aussenministerin"]
    assert {other["name"] for other in profile["cooccurring"]} >= {"Markus Brandl", "Wien"}
    assert client.get("/api/entities", params={"label": "PERSON"}).status_code == 422


def test_unknown_entity_is_404(client: TestClient) -> None:
    assert client.get("/api/entities/nope").json()["error"]["code"] == "E032"


def test_timeline_counts_per_day_and_week(client: TestClient) -> None:
    days = client.get("/api/timeline").json()
    assert days["granularity"] == "day"
    assert {(row["period"], row["type"]) for row in days["items"]} >= {("2025-11-03", "MEET"), ("2025-11-05", "REJECT")}
    weeks = client.get("/api/timeline", params={"granularity": "week", "type": "MEET"}).json()
    assert [(row["period"], row["type"], row["count"]) for row in weeks["items"]] == [
        ("2025-W45", "MEET", 1),
        ("2025-W46", "MEET", 1),
    ]
    assert client.get("/api/timeline", params={"granularity": "month"}).status_code == 422


def test_network_returns_nodes_and_edges(client: TestClient) -> None:
    network = client.get("/api/network", params={"type": "MEET"}).json()
    names = {node["name"] for node in network["nodes"]}
    assert {"Anna Keller", "Markus Brandl"} <= names
    assert all(edge["type"] == "MEET" for edge in network["edges"])


def test_rejections_and_stats(client: TestClient) -> None:
    assert client.get("/api/rejections").json()["items"][0]["code"] == "E012"
    assert client.get("/api/stats").json()["articles"] == 3


def test_analyze_returns_article_json_without_storing(client: TestClient) -> None:
    text = "Titel\n\nDer Rat tagte am Montag in Bern."
    body = client.post("/api/analyze", json={"text": text, "date": "2025-11-03"}).json()
    assert body["text"] == text
    assert body["stages"] == ["fake-analyzer"]
    assert [p["kind"] for p in body["paragraphs"]] == ["title", "body"]
    assert client.get("/api/stats").json()["articles"] == 3


@pytest.mark.parametrize("payload", [{}, {"text": ""}, {"text": "x", "date": "3.11.2025"}, {"text": "x", "id": "a b"}])
def test_analyze_rejects_invalid_body(client: TestClient, payload: dict[str, str]) -> None:
    response = client.post("/api/analyze", json=payload)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E050"


def test_ingest_stores_with_valid_token(fresh_store: Store) -> None:
    payload = {"articles": [{"text": "Neu\n\nDie Regierung tagte.", "id": "neu-1"}]}
    with TestClient(create_app(fresh_store.url, store=fresh_store, token=TOKEN, analyzer=annotate)) as client:
        first = client.post("/api/ingest", json=payload, headers=AUTH).json()
        again = client.post("/api/ingest", json=payload, headers=AUTH).json()
        assert client.get("/api/articles/neu-1").status_code == 200
    assert first["results"][0] == {"status": "ingested", "article_id": "neu-1", "duplicate_of": None}
    assert again["results"][0]["status"] == "duplicate"


def test_ingest_records_articles_the_pipeline_rejects(fresh_store: Store) -> None:
    def picky(article: Article) -> Article:
        if "kaputt" in article.text:
            raise PipelineError("E022", article.id, "stage 'ner' failed: kaputt")
        return article

    payload = {"articles": [{"text": "kaputt", "id": "bad"}, {"text": "Gut\n\nAlles gut.", "id": "good"}]}
    with TestClient(create_app(fresh_store.url, store=fresh_store, token=TOKEN, analyzer=picky)) as client:
        results = client.post("/api/ingest", json=payload, headers=AUTH).json()["results"]
        rejections = client.get("/api/rejections").json()["items"]
    assert [(r["status"], r["article_id"]) for r in results] == [("rejected", "bad"), ("ingested", "good")]
    assert results[0]["code"] == "E022"
    assert any(r["source"] == "api:bad" and r["code"] == "E022" for r in rejections)


@pytest.mark.parametrize("header", [None, "Bearer falsch", f"Basic {TOKEN}", "Bearer"])
def test_ingest_without_valid_token_is_401(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/ingest", json={"articles": [{"text": "x"}]}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "E053"


def test_ingest_is_disabled_without_configured_token(store: Store) -> None:
    with TestClient(create_app(store.url, store=store, analyzer=annotate)) as client:
        response = client.post("/api/ingest", json={"articles": [{"text": "x"}]}, headers=AUTH)
    assert response.status_code == 403
    assert store.counts()["articles"] == 3


def test_body_over_limit_is_413(store: Store) -> None:
    app = create_app(store.url, store=store, analyzer=annotate, max_body_bytes=1000)
    with TestClient(app) as client:
        response = client.post("/api/analyze", json={"text": "x" * 2000})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E051"


def test_slow_request_is_answered_with_504(store: Store) -> None:
    def slow(article: Article) -> Article:
        time.sleep(1.0)
        return article

    with TestClient(create_app(store.url, store=store, analyzer=slow, timeout_s=0.2)) as client:
        response = client.post("/api/analyze", json={"text": "Ein Text."})
    assert response.status_code == 504
    assert response.json()["error"]["code"] == "E052"


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_only_configured_origins(store: Store) -> None:
    app = create_app(store.url, store=store, cors_origins=["https://ok.example"])
    with TestClient(app) as client:
        allowed = client.get("/api/stats", headers={"Origin": "https://ok.example"})
        other = client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://ok.example"
    assert "access-control-allow-origin" not in other.headers


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    expected = {"/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/events", "/api/entities"}
    expected |= {"/api/entities/{entity_id}", "/api/timeline", "/api/network", "/api/rejections"}
    expected |= {"/api/analyze", "/api/ingest", "/api/stats"}
    assert paths == expected


INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE articles; --', "%", "_", "*", 'NEAR("a" "b")', "\\", "\x00", "<script>"]


def query_parameters(client: TestClient) -> list[tuple[str, str]]:
    """Every (GET path, query parameter) pair of the API, read from the OpenAPI schema."""
    schema = client.get("/openapi.json").json()
    pairs = []
    for path, operations in schema["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["in"] == "query":
                pairs.append((path, parameter["name"]))
    return pairs


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_in_every_query_parameter_are_harmless(client: TestClient, value: str) -> None:
    pairs = query_parameters(client)
    assert len(pairs) >= 25
    for path, name in pairs:
        url = path.replace("{article_id}", "art-keller").replace("{entity_id}", "per-ana-keler")
        response = client.get(url, params={name: value})
        assert response.status_code in (200, 422), (path, name, response.text)
        assert "<script>" not in response.text or response.headers["content-type"] == "application/json"
    assert client.get("/api/stats").json()["articles"] == 3
    assert client.get("/api/articles/art-keller").status_code == 200


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_as_ids_are_404(client: TestClient, value: str) -> None:
    for path in ("/api/articles/", "/api/entities/"):
        response = client.get(path + quote(value, safe=""))
        assert response.status_code in (404, 422)
