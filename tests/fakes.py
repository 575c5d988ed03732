"""A small in-memory `Store` for tests that must not depend on a database backend."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from chronik.model import Article, article_from_dict
from chronik.store.base import AddResult, Page, Store


class MemoryStore(Store):
    """Keeps articles as dicts (a real round trip through `to_dict`), keyed by content hash."""

    def __init__(self, url: str = "memory://") -> None:
        self.url = url
        self.articles: dict[str, dict[str, Any]] = {}
        self.by_hash: dict[str, str] = {}
        self.rejected: list[dict[str, str]] = []
        self.closed = False

    def add_article(self, article: Article) -> AddResult:
        known = self.by_hash.get(article.content_hash)
        if known is not None:
            return AddResult("duplicate", article.id, duplicate_of=known)
        self.articles[article.id] = article.to_dict(include_tokens=True)
        self.by_hash[article.content_hash] = article.id
        return AddResult("ingested", article.id)

    def add_rejection(self, source: str, code: str, problem: str) -> None:
        self.rejected.append({"source": source, "code": code, "problem": problem})

    def get_article(self, article_id: str) -> Article | None:
        data = self.articles.get(article_id)
        return article_from_dict(data) if data is not None else None

    def has_content(self, content_hash: str) -> bool:
        return content_hash in self.by_hash

    def iter_articles(self) -> Iterator[Article]:
        for data in self.articles.values():
            yield article_from_dict(data)

    def counts(self) -> dict[str, int]:
        articles = list(self.iter_articles())
        return {
            "articles": len(articles),
            "entities": sum(len(a.entities) for a in articles),
            "mentions": sum(len(a.mentions) for a in articles),
            "quotes": sum(len(a.quotes) for a in articles),
            "events": sum(len(a.events) for a in articles),
            "rejections": len(self.rejected),
        }

    def rejections(self, *, limit: int = 100, offset: int = 0) -> Page:
        return Page(self.rejected[offset : offset + limit], len(self.rejected), limit, offset)

    def search_articles(self, query: str, *, limit: int = 20, offset: int = 0) -> Page:
        hits = [{"id": a.id, "title": a.title} for a in self.iter_articles() if query.lower() in a.text.lower()]
        return Page(hits[offset : offset + limit], len(hits), limit, offset)

    def search_quotes(self, **filters: Any) -> Page:
        return self._empty(filters)

    def find_events(self, **filters: Any) -> Page:
        return self._empty(filters)

    def find_entities(self, **filters: Any) -> Page:
        return self._empty(filters)

    def entity_profile(self, entity_id: str) -> dict[str, Any] | None:
        return None

    def timeline(self, *, granularity: Literal["day", "week"] = "day", **filters: Any) -> list[dict[str, Any]]:
        return []

    def network(self, **filters: Any) -> dict[str, Any]:
        return {"nodes": [], "edges": []}

    def close(self) -> None:
        self.closed = True

    @staticmethod
    def _empty(filters: dict[str, Any]) -> Page:
        return Page([], 0, int(filters.get("limit", 20)), int(filters.get("offset", 0)))
