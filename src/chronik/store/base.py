"""The narrow store interface. SQLite (default) and PostgreSQL implement it.

Writes take whole articles (one transaction each: never a half-stored article).
Queries return JSON-ready dicts so the CLI, the REST API, the web UI and exports can
render them without knowing the backend.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from chronik.errors import StoreError
from chronik.model import Article

AddStatus = Literal["ingested", "duplicate"]


@dataclass(slots=True)
class AddResult:
    status: AddStatus
    article_id: str
    duplicate_of: str | None = None  # id of the stored article with the same content hash
    near_duplicate_of: str | None = None  # id of the stored article this one nearly repeats (MinHash/LSH)
    similarity: float | None = None  # estimated Jaccard similarity to `near_duplicate_of`


@dataclass(slots=True)
class Page:
    """One page of query results."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset, **self.extra}


class Store(ABC):
    """What every backend implements. Query filters are keyword-only and optional."""

    url: str

    # -- writes -------------------------------------------------------------------
    @abstractmethod
    def add_article(self, article: Article) -> AddResult:
        """Store an analysed article with all its layers, idempotent by content hash."""

    @abstractmethod
    def add_rejection(self, source: str, code: str, problem: str) -> None:
        """Record an input that could not become an article."""

    # -- reads --------------------------------------------------------------------
    @abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def has_content(self, content_hash: str) -> bool: ...

    @abstractmethod
    def iter_articles(self) -> Iterator[Article]: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, entities, mentions, quotes, events, rejections."""

    @abstractmethod
    def rejections(self, *, limit: int = 100, offset: int = 0) -> Page: ...

    # -- queries (the chronicle) ----------------------------------------------------
    @abstractmethod
    def search_articles(self, query: str, *, limit: int = 20, offset: int = 0) -> Page: ...

    @abstractmethod
    def search_quotes(
        self,
        *,
        text: str | None = None,
        speaker: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page: ...

    @abstractmethod
    def find_events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        target: str | None = None,
        place: str | None = None,
        modality: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page: ...

    @abstractmethod
    def find_entities(
        self, *, name: str | None = None, label: str | None = None, limit: int = 20, offset: int = 0
    ) -> Page: ...

    @abstractmethod
    def entity_profile(self, entity_id: str) -> dict[str, Any] | None:
        """Roles over time, quotations, events and co-occurring entities of one entity."""

    @abstractmethod
    def timeline(
        self,
        *,
        granularity: Literal["day", "week"] = "day",
        type: str | None = None,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[dict[str, Any]]:
        """Event counts per day/week (and type), duplicates counted once."""

    @abstractmethod
    def network(
        self,
        *,
        types: list[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 200,
    ) -> dict[str, Any]:
        """Who meets/agrees/rejects whom: {"nodes": [...], "edges": [...]}."""

    # -- optional (SQL backends implement them; simple stores may not) ---------------
    def rebuild_entities(self) -> int:
        """Resolve all stored entities again (after editing an aliases file); returns articles rewritten."""
        raise StoreError("E030", self.url, "this store cannot rebuild its entities")

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
