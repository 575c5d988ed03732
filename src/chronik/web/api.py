"""The REST API: every store query, paginated, plus analyse and (token-protected) ingest.

Handlers are plain `def`s: FastAPI runs them in worker threads, and each thread talks to
its own store connection through `StoreHolder.use()`.
"""

from __future__ import annotations

import hmac
from contextlib import AbstractContextManager
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from chronik.errors import ChronikError
from chronik.model import Article
from chronik.store.base import Store
from chronik.web.analysis import Analyzer, ArticleInput, article_from_input
from chronik.web.app import JSONDocument
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
)
from chronik.web.stores import StoreHolder

router = APIRouter(prefix="/api", tags=["api"], default_response_class=JSONDocument)
MAX_INGEST_BATCH = 50

ArticleId = Annotated[str, Path(max_length=200, description="article id")]
EntityId = Annotated[str, Path(max_length=200, description="entity id")]


class AccessDenied(ChronikError):
    """A write request without a valid token; `status` is 401 (bad token) or 403 (writes disabled)."""

    def __init__(self, source: str, problem: str, *, status: int) -> None:
        super().__init__("E053", source, problem)
        self.status = status


class IngestRequest(BaseModel):
    articles: list[ArticleInput] = Field(min_length=1, max_length=MAX_INGEST_BATCH)


def stores(request: Request) -> AbstractContextManager[Store]:
    """The store of this worker thread, as a context manager."""
    holder: StoreHolder = request.app.state.stores
    return holder.use()


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Write endpoints need `Authorization: Bearer <token>`; without a configured token they are off."""
    expected: str | None = request.app.state.token
    if expected is None:
        raise AccessDenied(request.url.path, "write endpoints are disabled: start the server with a token", status=403)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise AccessDenied(request.url.path, "missing or wrong bearer token", status=401)


@router.get("/stats")
def get_stats(request: Request) -> Response:
    """Rows per table of the store."""
    with stores(request) as store:
        return JSONDocument(store.counts())


@router.get("/articles")
def search_articles(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="full-text query")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Full-text search over article titles and texts."""
    with stores(request) as store:
        return JSONDocument(store.search_articles(q, limit=limit, offset=offset).to_dict())


@router.get("/articles/{article_id}")
def get_article(
    request: Request,
    article_id: ArticleId,
    tokens: Annotated[bool, Query(description="include the token layer")] = False,
) -> Response:
    """One article with all its layers (entities, quotes, events, …)."""
    with stores(request) as store:
        article = fetch_article(store, article_id)
    return JSONDocument(article.to_dict(include_tokens=tokens))


def fetch_article(store: Store, article_id: str) -> Article:
    article = store.get_article(article_id)
    if article is None:
        raise ChronikError("E032", article_id, "no article with this id in the store")
    return article


@router.get("/quotes")
def search_quotes(
    request: Request,
    speaker: Speaker = None,
    q: QuoteText = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Quotations by speaker, text and date range."""
    with stores(request) as store:
        page = store.search_quotes(
            text=q, speaker=speaker, date_from=date_from, date_to=date_to, limit=limit, offset=offset
        )
    return JSONDocument(page.to_dict())


@router.get("/events")
def find_events(
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
) -> Response:
    """Events by type, actor, target, place, modality and date."""
    with stores(request) as store:
        page = store.find_events(
            type=type,
            actor=actor,
            target=target,
            place=place,
            modality=modality,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        )
    return JSONDocument(page.to_dict())


@router.get("/entities")
def find_entities(
    request: Request,
    name: EntityName = None,
    label: Annotated[EntityLabel | None, Query()] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    """Entities by name (prefix or variant) and label."""
    with stores(request) as store:
        return JSONDocument(store.find_entities(name=name, label=label, limit=limit, offset=offset).to_dict())


@router.get("/entities/{entity_id}")
def get_entity(request: Request, entity_id: EntityId) -> Response:
    """An entity's profile: roles over time, quotations, events, co-occurring entities."""
    with stores(request) as store:
        return JSONDocument(fetch_profile(store, entity_id))


def fetch_profile(store: Store, entity_id: str) -> dict[str, Any]:
    profile = store.entity_profile(entity_id)
    if profile is None:
        raise ChronikError("E032", entity_id, "no entity with this id in the store")
    return profile


@router.get("/timeline")
def get_timeline(
    request: Request,
    granularity: GranularityParam = "day",
    type: EventType = None,
    entity: EntityFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Response:
    """Event counts per day or week (and type); near-duplicate articles count once."""
    with stores(request) as store:
        rows = store.timeline(granularity=granularity, type=type, entity=entity, date_from=date_from, date_to=date_to)
    return JSONDocument({"granularity": granularity, "items": rows})


@router.get("/network")
def get_network(
    request: Request,
    type: Annotated[list[str] | None, Query(max_length=20, description="event types (repeatable)")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Annotated[int, Query(ge=1, le=MAX_NETWORK_LIMIT)] = 200,
) -> Response:
    """Who meets, agrees with, rejects whom: nodes and weighted edges."""
    with stores(request) as store:
        return JSONDocument(store.network(types=type or None, date_from=date_from, date_to=date_to, limit=limit))


@router.get("/rejections")
def get_rejections(request: Request, limit: Limit = 20, offset: Offset = 0) -> Response:
    """Inputs that could not become articles, with their error codes."""
    with stores(request) as store:
        return JSONDocument(store.rejections(limit=limit, offset=offset).to_dict())


@router.post("/analyze")
def analyze(request: Request, item: Annotated[ArticleInput, Body()]) -> Response:
    """Analyse one article text (not stored) and return the article with all its layers."""
    analyzer: Analyzer = request.app.state.analyzer
    return JSONDocument(analyzer(article_from_input(item)).to_dict())


@router.post("/ingest", dependencies=[Depends(require_token)])
def ingest(request: Request, batch: Annotated[IngestRequest, Body()]) -> Response:
    """Analyse and store articles (needs `Authorization: Bearer <token>`); idempotent by content.

    An article the pipeline cannot analyse is recorded as a rejection and reported with its
    error code; the rest of the batch is still stored.
    """
    analyzer: Analyzer = request.app.state.analyzer
    return JSONDocument({"results": [ingest_one(request, analyzer, item) for item in batch.articles]})


def ingest_one(request: Request, analyzer: Analyzer, item: ArticleInput) -> dict[str, Any]:
    article = article_from_input(item)
    try:
        article = analyzer(article)
    except ChronikError as error:
        with stores(request) as store:
            store.add_rejection(f"api:{article.id}", error.code, error.problem)
        return {"status": "rejected", "article_id": article.id, "code": error.code, "problem": error.problem}
    with stores(request) as store:
        result = store.add_article(article)
    return {"status": result.status, "article_id": result.article_id, "duplicate_of": result.duplicate_of}
