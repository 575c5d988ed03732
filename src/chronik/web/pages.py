"""HTML pages, each with a JSON twin (`/quotes.json`, `/articles/{id}.json`, `?format=json`).

A page handler builds one model (a JSON-ready dict, or the `Article`); the HTML route
renders it with a template, the twin returns it as JSON. Templates autoescape everything.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from chronik.model import Article, Entity
from chronik.web.api import ArticleId, EntityId, fetch_article, fetch_profile, stores
from chronik.web.app import JSONDocument, relative_url, wants_json
from chronik.web.charts import network_svg, timeline_svg
from chronik.web.highlight import collect_marks, render_article
from chronik.web.params import (
    MAX_NETWORK_LIMIT,
    Actor,
    DateFrom,
    DateTo,
    EntityFilter,
    EntityLabel,
    EntityName,
    EventType,
    GranularityParam,
    Limit,
    ModalityParam,
    Offset,
    PlaceFilter,
    QuoteText,
    Speaker,
    Target,
    TextFilter,
)

router = APIRouter(include_in_schema=False)
Format = Annotated[str | None, Query(alias="format", pattern="^(html|json)$")]


def render(request: Request, template: str, model: dict[str, Any]) -> Response:
    """The page as HTML, or its model as JSON for the twin."""
    if wants_json(request):
        return JSONDocument(model)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"model": model, "pager": pager(request, model)})


def pager(request: Request, model: dict[str, Any]) -> dict[str, str | None]:
    """Links to the previous and next page of a paginated model."""
    page = model.get("results")
    if not isinstance(page, dict) or "total" not in page:
        return {"prev": None, "next": None}
    limit, offset, total = int(page["limit"]), int(page["offset"]), int(page["total"])
    previous = relative_url(request.url.include_query_params(offset=max(offset - limit, 0))) if offset > 0 else None
    following = (
        relative_url(request.url.include_query_params(offset=offset + limit)) if offset + limit < total else None
    )
    return {"prev": previous, "next": following}


@router.get("/")
@router.get("/index.json")
def search_page(
    request: Request, q: TextFilter = None, limit: Limit = 20, offset: Offset = 0, _format: Format = None
) -> Response:
    with stores(request) as store:
        results = store.search_articles(q or "", limit=limit, offset=offset).to_dict()  # no query: newest first
        counts = store.counts()
    return render(request, "search.html", {"q": q, "results": results, "counts": counts})


# Decorators register bottom-up: the `.json` twin must come first so `{id}` does not swallow it.
@router.get("/articles/{article_id}")
@router.get("/articles/{article_id}.json")
def article_page(request: Request, article_id: ArticleId, _format: Format = None) -> Response:
    with stores(request) as store:
        article = fetch_article(store, article_id)
    if wants_json(request):
        return JSONDocument(article.to_dict())
    marks = collect_marks(article, entity_href=lambda entity: local_entity_href(article, entity))
    context = {
        "article": article,
        "paragraphs": render_article(article, marks),
        "entities": sorted(article.entities, key=lambda e: (e.label, e.name)),
        "entity_names": {entity.id: entity.name for entity in article.entities},
        "href": lambda entity: local_entity_href(article, entity),
    }
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "article.html", context)


def local_entity_href(article: Article, entity: Entity) -> str:
    return f"/articles/{quote(article.id, safe='')}/entities/{quote(entity.id, safe='')}"


@router.get("/articles/{article_id}/entities/{entity_id}")
def article_entity_redirect(request: Request, article_id: ArticleId, entity_id: EntityId) -> Response:
    """From an entity of one article to its corpus-wide entity page (found by name and label)."""
    with stores(request) as store:
        article = fetch_article(store, article_id)
        entity = next((e for e in article.entities if e.id == entity_id), None)
        if entity is None:
            return RedirectResponse(f"/articles/{quote(article_id, safe='')}", status_code=303)
        label = entity.label if entity.label in ("PER", "ORG", "LOC", "MISC") else None
        matches = store.find_entities(name=entity.name, label=label, limit=10).items
    exact = [item for item in matches if str(item.get("name", "")).casefold() == entity.name.casefold()]
    candidates = exact or matches
    if not candidates:
        return RedirectResponse("/entities?" + urlencode({"name": entity.name}), status_code=303)
    return RedirectResponse(f"/entities/{quote(str(candidates[0]['id']), safe='')}", status_code=303)


@router.get("/entities")
@router.get("/entities.json")
def entities_page(
    request: Request,
    name: EntityName = None,
    label: Annotated[EntityLabel | None, Query()] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    _format: Format = None,
) -> Response:
    with stores(request) as store:
        results = store.find_entities(name=name, label=label, limit=limit, offset=offset).to_dict()
    return render(request, "entities.html", {"name": name, "label": label, "results": results})


@router.get("/entities/{entity_id}")
@router.get("/entities/{entity_id}.json")
def entity_page(request: Request, entity_id: EntityId, _format: Format = None) -> Response:
    with stores(request) as store:
        profile = fetch_profile(store, entity_id)
    return render(request, "entity.html", {"entity_id": entity_id, "profile": profile})


@router.get("/quotes")
@router.get("/quotes.json")
def quotes_page(
    request: Request,
    speaker: Speaker = None,
    q: QuoteText = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 20,
    offset: Offset = 0,
    _format: Format = None,
) -> Response:
    with stores(request) as store:
        page = store.search_quotes(
            text=q, speaker=speaker, date_from=date_from, date_to=date_to, limit=limit, offset=offset
        )
    filters = {"speaker": speaker, "q": q, "from": date_from, "to": date_to}
    return render(request, "quotes.html", {"filters": filters, "results": page.to_dict()})


@router.get("/events")
@router.get("/events.json")
def events_page(
    request: Request,
    type: EventType = None,
    actor: Actor = None,
    target: Target = None,
    place: PlaceFilter = None,
    modality: Annotated[ModalityParam | None, Query()] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 20,
    offset: Offset = 0,
    _format: Format = None,
) -> Response:
    filters = {"type": type, "actor": actor, "target": target, "place": place, "modality": modality}
    with stores(request) as store:
        page = store.find_events(**filters, date_from=date_from, date_to=date_to, limit=limit, offset=offset)
    filters |= {"from": date_from, "to": date_to}
    return render(request, "events.html", {"filters": filters, "results": page.to_dict()})


@router.get("/timeline")
@router.get("/timeline.json")
def timeline_page(
    request: Request,
    granularity: GranularityParam = "day",
    type: EventType = None,
    entity: EntityFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    _format: Format = None,
) -> Response:
    with stores(request) as store:
        rows = store.timeline(granularity=granularity, type=type, entity=entity, date_from=date_from, date_to=date_to)
    filters = {"granularity": granularity, "type": type, "entity": entity, "from": date_from, "to": date_to}
    model = {"filters": filters, "items": rows, "total": sum(int(row.get("count", 0)) for row in rows)}
    if not wants_json(request):
        model["chart"] = timeline_svg(rows)
    return render(request, "timeline.html", model)


@router.get("/network")
@router.get("/network.json")
def network_page(
    request: Request,
    type: Annotated[list[str] | None, Query(max_length=20)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Annotated[int, Query(ge=1, le=MAX_NETWORK_LIMIT)] = 60,
    _format: Format = None,
) -> Response:
    with stores(request) as store:
        network = store.network(types=type or None, date_from=date_from, date_to=date_to, limit=limit)
    model: dict[str, Any] = {"filters": {"type": type or [], "from": date_from, "to": date_to}, "network": network}
    if not wants_json(request):
        model["chart"] = network_svg(network)
    return render(request, "network.html", model)


@router.get("/rejections")
@router.get("/rejections.json")
def rejections_page(request: Request, limit: Limit = 50, offset: Offset = 0, _format: Format = None) -> Response:
    with stores(request) as store:
        results = store.rejections(limit=limit, offset=offset).to_dict()
    return render(request, "rejections.html", {"results": results})


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """The API reference rendered offline from the OpenAPI schema (no Swagger CDN)."""
    schema = request.app.openapi()
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "docs.html", {"schema": schema})
