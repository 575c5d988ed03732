"""HTML pages: content, escaping of hostile input, JSON twins, error pages, security headers."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.articles import XSS_ATTRIBUTE, XSS_SCRIPT

PAGES = ["/", "/?q=Keller", "/articles/art-keller", "/entities", "/quotes", "/events", "/timeline", "/network"]
PAGES += ["/rejections", "/docs", "/articles/art-hostile", "/quotes?speaker=Mallory", "/?q=Angriff"]


def entity_id(client: TestClient, name: str) -> str:
    return str(client.get("/api/entities", params={"name": name}).json()["items"][0]["id"])


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_html_with_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_nothing_from_other_hosts(client: TestClient, path: str) -> None:
    page = client.get(path).text
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<style" not in page and " style=" not in page and "<script>" not in page.replace(XSS_SCRIPT, "")


def test_search_page_lists_hits_and_counts(client: TestClient) -> None:
    page = client.get("/", params={"q": "Vorschlag"}).text
    assert 'href="/articles/art-brandl"' in page
    assert "Brandl lehnt Vorschlag ab" in page
    assert "<mark>Vorschlag</mark>" in page
    assert "<strong>3</strong> Artikel" in page


def test_article_page_highlights_layers(client: TestClient) -> None:
    page = client.get("/articles/art-keller").text
    assert '<a class="ent ent-PER" href="/articles/art-keller/entities/E1"' in page
    assert 'class="q q-Direct" data-quote="Q1"' in page
    assert 'class="trg ev-MEET" data-event="V1"' in page
    assert 'class="spk" data-speaker-of="Q1"' in page
    assert "Wir wollen die Zusammenarbeit bei der Energie vertiefen" in page


@pytest.mark.parametrize(
    "path", ["/articles/art-hostile", "/?q=Angriff", "/quotes", "/events", "/entities", "/network"]
)
def test_hostile_text_is_escaped(client: TestClient, path: str) -> None:
    page = client.get(path).text
    assert XSS_SCRIPT not in page
    assert XSS_ATTRIBUTE not in page
    assert "<img" not in page
    assert "onerror=alert(1)&gt;" in page or path in ("/?q=Angriff",)


def test_hostile_entity_page_is_escaped(client: TestClient) -> None:
    page = client.get(f"/entities/{entity_id(client, 'Mallory')}").text
    assert "<img" not in page and XSS_SCRIPT not in page
    assert "&lt;script&gt;" in page  # the role is shown, as text


def test_hostile_query_parameters_are_escaped(client: TestClient) -> None:
    for path, name in [("/", "q"), ("/quotes", "speaker"), ("/events", "actor"), ("/timeline", "entity")]:
        page = client.get(path, params={name: XSS_ATTRIBUTE}).text
        assert XSS_ATTRIBUTE not in page
        assert "<img" not in page


def test_article_json_twin_is_the_article(client: TestClient) -> None:
    twin = client.get("/articles/art-keller.json").json()
    assert twin == client.get("/api/articles/art-keller").json()
    assert client.get("/articles/art-keller", params={"format": "json"}).json() == twin


@pytest.mark.parametrize("path", ["/quotes", "/events", "/entities", "/timeline", "/network", "/rejections", "/"])
def test_every_page_has_json_twin(client: TestClient, path: str) -> None:
    twin = client.get(path.rstrip("/") + ".json" if path != "/" else "/index.json")
    assert twin.headers["content-type"] == "application/json"
    assert client.get(path, params={"format": "json"}).json() == twin.json()


def test_quotes_twin_shows_same_model_as_page(client: TestClient) -> None:
    model = client.get("/quotes.json", params={"speaker": "Keller"}).json()
    page = client.get("/quotes", params={"speaker": "Keller"}).text
    assert model["results"]["total"] == 1
    assert model["results"]["items"][0]["text"] in page


def test_entity_page_shows_profile(client: TestClient) -> None:
    keller = entity_id(client, "Keller")
    page = client.get(f"/entities/{keller}").text
    assert "Anna Keller" in page and "Aussenministerin" in page
    assert "Markus Brandl" in page  # co-occurring
    assert client.get(f"/entities/{keller}.json").json()["profile"]["entity"]["name"] == "Anna Keller"


def test_article_entity_link_redirects_to_corpus_entity(client: TestClient) -> None:
    response = client.get("/articles/art-keller/entities/E2", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/entities/{entity_id(client, 'Markus Brandl')}"


def test_timeline_page_draws_bars(client: TestClient) -> None:
    page = client.get("/timeline", params={"granularity": "week"}).text
    assert page.count('<rect class="bar') == 4  # W45: MEET, REJECT, DISAPPROVE; W46: MEET
    assert "2025-W45" in page and "2025-W46" in page


def test_network_page_draws_nodes(client: TestClient) -> None:
    page = client.get("/network").text
    assert page.count('<circle class="node"') == len(client.get("/network.json").json()["network"]["nodes"])


def test_pagination_links_keep_filters(client: TestClient) -> None:
    page = client.get("/quotes", params={"speaker": "Brandl", "limit": 1}).text
    assert 'rel="next" href="/quotes?speaker=Brandl&amp;limit=1&amp;offset=1"' in page


def test_unknown_article_page_is_html_404(client: TestClient) -> None:
    response = client.get("/articles/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "[E032]" in response.text


def test_invalid_page_parameter_is_html_422(client: TestClient) -> None:
    response = client.get("/events", params={"from": XSS_ATTRIBUTE})
    assert response.status_code == 422
    assert "<img" not in response.text
    assert "E050" in response.text


def test_unknown_route_is_404(client: TestClient) -> None:
    assert client.get("/gibt/es/nicht").status_code == 404
    assert client.get("/api/gibt-es-nicht").json()["error"]["code"] == "E032"


def test_static_assets_are_served(client: TestClient) -> None:
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert "addEventListener" in client.get("/static/app.js").text


def test_docs_page_lists_endpoints_offline(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/api/quotes" in page and "/api/ingest" in page
    assert "cdn" not in page.lower()
