"""Read side of the chronicle: articles, search, quotations, events, entities.

Filters become fixed SQL fragments with `?` parameters (never user text in SQL).
Near-duplicates are left out of quotation and event listings unless asked for, and the
timeline and network read pre-aggregated tables filled at ingest, so they stay fast
on large stores.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from chronik.errors import StoreError
from chronik.model import Article
from chronik.resolve import Resolver, name_key
from chronik.store.base import Page
from chronik.store.fulltext import query_terms, snippet
from chronik.store.items import event_item, quote_item
from chronik.store.records import article_from_rows
from chronik.store.sql import SqlBase, SqlEntityIndex

MAX_LIMIT = 1000
RANK_CANDIDATES = 5_000  # an article search ranks (BM25) at most the newest this many matches
TEXT_CANDIDATES = 5_000  # a quotation text search considers the newest this many matches
MAX_COUNT = 10_000  # totals stop counting here (like search engines' "10,000+"): keeps counts fast
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z]{3}(/[A-Z]{2,6}){0,3}$")
_ARTICLE_SUMMARY = (
    "a.id, a.title, a.date, a.outlet, a.source, a.url, a.language, a.is_duplicate,"
    " (SELECT duplicate_of FROM near_duplicates d WHERE d.article_id = a.id) AS duplicate_of"
)


class Where:
    """Conjunction of SQL fragments and their parameters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, fragment: str, *params: Any) -> None:
        self.parts.append(fragment)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.parts) if self.parts else ""


def check_page(limit: int, offset: int) -> None:
    if not 0 < limit <= MAX_LIMIT:
        raise StoreError("E050", "limit", f"must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise StoreError("E050", "offset", f"must not be negative, got {offset}")


def check_date(name: str, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise StoreError("E050", name, f"expected an ISO date (YYYY-MM-DD), got {value!r}")
    return value


def capped(total: int) -> dict[str, bool]:
    """Page extra telling whether `total` is exact or stopped at `MAX_COUNT` ("10,000+")."""
    return {"total_exact": total < MAX_COUNT}


def period_end(date: str | None) -> str | None:
    """The last day string of a YYYY / YYYY-MM / YYYY-MM-DD period (for inclusive upper bounds)."""
    if date is None or len(date) == 10:
        return date
    return date + ("-31" if len(date) == 7 else "-12-31")


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


class SqlQueries(SqlBase):
    resolver: Resolver

    # -- articles ---------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        with self._locked():
            rows = self._fetch_dicts("SELECT * FROM articles WHERE id = ?", (article_id,))
            if not rows:
                return None
            by_ord = " WHERE article_id = ? ORDER BY ord"
            return article_from_rows(
                rows[0],
                mentions=self._fetch_dicts("SELECT * FROM mentions" + by_ord, (article_id,)),
                entities=[r[0] for r in self._fetch("SELECT data FROM entities" + by_ord, (article_id,))],
                quotes=[r[0] for r in self._fetch("SELECT data FROM quotes" + by_ord, (article_id,))],
                events=[r[0] for r in self._fetch("SELECT data FROM events" + by_ord, (article_id,))],
            )

    def has_content(self, content_hash: str) -> bool:
        with self._locked():
            return self._fetch_one("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)) is not None

    def iter_articles(self) -> Iterator[Article]:
        """All articles in ingest order (read in batches, so the store may be large)."""
        last = 0
        while True:
            with self._locked():
                rows = self._fetch("SELECT no, id FROM articles WHERE no > ? ORDER BY no LIMIT 200", (last,))
            if not rows:
                return
            for number, article_id in rows:
                article = self.get_article(str(article_id))
                if article is not None:
                    yield article
                last = int(number)

    def counts(self) -> dict[str, int]:
        """Rows per table (near_duplicates: articles linked to an earlier one)."""
        tables = {
            "articles": "articles",
            "near_duplicates": "near_duplicates",
            "entities": "entities",
            "corpus_entities": "corpus_entities",
            "mentions": "mentions",
            "quotes": "quotes",
            "events": "events",
            "rejections": "rejections",
        }
        with self._locked():
            return {name: int(self._scalar(f"SELECT COUNT(*) FROM {table}")) for name, table in tables.items()}

    def rejections(self, *, limit: int = 100, offset: int = 0) -> Page:
        check_page(limit, offset)
        with self._locked():
            items = self._fetch_dicts(
                "SELECT source, code, problem, created_at FROM rejections ORDER BY no LIMIT ? OFFSET ?", (limit, offset)
            )
            total = int(self._scalar("SELECT COUNT(*) FROM rejections"))
        return Page(items, total, limit, offset)

    def search_articles(self, query: str, *, limit: int = 20, offset: int = 0) -> Page:
        """Full-text search (German-normalised); an empty query lists the newest articles."""
        check_page(limit, offset)
        terms = query_terms(query)
        with self._locked():
            if not terms:
                items = self._fetch_dicts(
                    f"SELECT {_ARTICLE_SUMMARY} FROM articles a ORDER BY a.date DESC, a.no DESC LIMIT ? OFFSET ?",
                    (limit, offset),
                )
                for item in items:
                    item["is_duplicate"] = bool(item["is_duplicate"])
                return Page(items, int(self._scalar("SELECT COUNT(*) FROM articles")), limit, offset)
            fts = self._fts_query(terms)
            ids = self._fts_ids_sql("article_search")
            # very common words: rank only the newest RANK_CANDIDATES matches (from this row number on)
            first = self._scalar(f"{ids} ORDER BY no DESC LIMIT 1 OFFSET {RANK_CANDIDATES - 1}", (fts,))
            ranked = self._fts_ranked_sql("article_search")
            items = self._fetch_dicts(  # rank and cut in the full-text index, then read only the page's rows
                f"SELECT {_ARTICLE_SUMMARY}, a.text, s.score FROM ({ranked} ORDER BY score, no LIMIT ? OFFSET ?) s"
                " JOIN articles a ON a.no = s.no ORDER BY s.score, a.no",
                (fts, int(first or 0), limit, offset),
            )
            total = self._count(f"{self._fts_ids_sql('article_search')}", [fts])
        for item in items:
            found = snippet(item.pop("text"), query)
            item.update(snippet=found.text, snippet_start=found.start, score=float(item["score"]))
            item["match"] = None if found.match_start is None else [found.match_start, found.match_end]
        for item in items:
            item["is_duplicate"] = bool(item["is_duplicate"])
        extra = {"query": query, "terms": terms, "ranked_newest_only": first is not None, **capped(total)}
        return Page(items, total, limit, offset, extra)

    def _count(self, select_sql: str, params: Sequence[Any], *, cap: int = MAX_COUNT) -> int:
        """Rows of a query, counted up to `cap` (then `cap + 1` means "more")."""
        return int(self._scalar(f"SELECT COUNT(*) FROM ({select_sql} LIMIT {cap}) counted", params))

    # -- entity matching (names -> corpus ids) ---------------------------------------
    def match_entities(self, name: str, *, labels: Sequence[str] = ()) -> list[str]:
        """Corpus entity ids a user-given name or id refers to (aliases, surname, variants)."""
        if self._fetch_one("SELECT 1 FROM corpus_entities WHERE id = ?", (name,)) is not None:
            return [name]
        listed = self.resolver.aliases.lookup(name)
        key = name_key(listed[0] if listed else name)
        if not key:
            return []
        label_sql = f" AND label IN ({marks(labels)})" if labels else ""
        for column in ("key", "last_key"):
            rows = self._fetch(
                f"SELECT DISTINCT entity_id FROM corpus_aliases WHERE {column} = ?{label_sql}"
                " ORDER BY entity_id LIMIT 100",
                (key, *labels),
            )
            if rows:
                return [str(r[0]) for r in rows]
            if " " in key:
                break
        found = self.resolver.lookup(name, SqlEntityIndex(self), labels=labels or ("PER", "ORG", "LOC", "MISC"))
        return [found] if found else []

    # -- quotations -------------------------------------------------------------------
    def search_quotes(
        self,
        *,
        text: str | None = None,
        speaker: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 20,
        offset: int = 0,
        include_duplicates: bool = False,
    ) -> Page:
        """Quotations by message text, speaker (name, alias or id) and article date, newest first."""
        check_page(limit, offset)
        where = Where()
        with self._locked():
            if not include_duplicates:
                where.add("q.is_duplicate = 0")
            text_capped = bool(text and query_terms(text)) and self._add_quote_text(where, str(text))
            if speaker:
                ids = self.match_entities(speaker)
                where.add(f"q.speaker_id IN ({marks(ids)})", *ids) if ids else where.add("1 = 0")
            self._add_date_range(where, "q.date", date_from, date_to)
            rows = self._fetch_dicts(
                "SELECT q.data, q.article_id, q.date, q.speaker_id, q.message, q.is_duplicate, c.name AS speaker,"
                " a.title AS article_title"
                " FROM quotes q JOIN articles a ON a.id = q.article_id"
                f" LEFT JOIN corpus_entities c ON c.id = q.speaker_id{where.sql()}"
                " ORDER BY q.date DESC, q.no DESC LIMIT ? OFFSET ?",
                (*where.params, limit, offset),
            )
            total = self._count(f"SELECT 1 FROM quotes q{where.sql()}", where.params)
        items = [quote_item(row) for row in rows]
        return Page(items, total, limit, offset, {**capped(total), "text_matches_capped": text_capped})

    def _add_quote_text(self, where: Where, text: str) -> bool:
        """Filter by message words among the newest TEXT_CANDIDATES matches; True when there were more."""
        matches = self._fts_ids_sql("quote_search")
        fts = self._fts_query(query_terms(text))
        where.add(f"q.no IN ({matches} ORDER BY no DESC LIMIT {TEXT_CANDIDATES})", fts)
        return self._count(matches, [fts], cap=TEXT_CANDIDATES + 1) > TEXT_CANDIDATES

    @staticmethod
    def _add_date_range(where: Where, column: str, date_from: str | None, date_to: str | None) -> None:
        if check_date("date_from", date_from):
            where.add(f"{column} >= ?", date_from)
        if check_date("date_to", date_to):
            where.add(f"{column} <= ?", period_end(date_to))

    # -- events -----------------------------------------------------------------------
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
        include_duplicates: bool = False,
    ) -> Page:
        """Events by type, actor/target (name, id or actor code such as USA/GOV), place, modality, date."""
        check_page(limit, offset)
        where = Where()
        with self._locked():
            if not include_duplicates:
                where.add("e.is_duplicate = 0")
            if type:
                where.add("e.type = ?", type.upper())
            if modality:
                where.add("e.modality = ?", modality)
            for role, who in (("actor", actor), ("target", target)):
                if who:
                    self._add_participant(where, role, who)
            if place:
                self._add_place(where, place)
            self._add_date_range(where, "e.date", date_from, date_to)
            rows = self._fetch_dicts(
                "SELECT e.no, e.data, e.article_id, e.date, e.place_id, e.is_duplicate, a.title AS article_title"
                f" FROM events e JOIN articles a ON a.id = e.article_id{where.sql()}"
                " ORDER BY e.date DESC, e.no DESC LIMIT ? OFFSET ?",
                (*where.params, limit, offset),
            )
            total = self._count(f"SELECT 1 FROM events e{where.sql()}", where.params)
            items = self._event_items(rows)
        return Page(items, total, limit, offset, capped(total))

    def _add_participant(self, where: Where, role: str, who: str) -> None:
        subquery = "SELECT event_no FROM event_participants WHERE role = ? AND "
        if _CODE.match(who):
            where.add(f"e.no IN ({subquery}(code = ? OR code LIKE ?))", role, who, who + "/%")
            return
        ids = self.match_entities(who)
        if ids:
            where.add(f"e.no IN ({subquery}entity_id IN ({marks(ids)}))", role, *ids)
        else:
            where.add(f"e.no IN ({subquery}name_key = ?)", role, name_key(who))

    def _add_place(self, where: Where, place: str) -> None:
        ids = self.match_entities(place, labels=("LOC",))
        country = place.upper() if re.fullmatch(r"[A-Za-z]{3}", place) else None
        clauses = [f"e.place_id IN ({marks(ids)})"] if ids else []
        clauses += ["e.place_country = ?"] if country else []
        where.add("(" + " OR ".join(clauses or ["1 = 0"]) + ")", *ids, *([country] if country else []))

    def _event_items(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        numbers = [row["no"] for row in rows]
        participants: dict[int, dict[str, list[dict[str, Any]]]] = {}
        if numbers:
            for part in self._fetch_dicts(
                "SELECT p.event_no, p.role, p.entity_id, c.name AS entity_name, p.name, p.code"
                " FROM event_participants p LEFT JOIN corpus_entities c ON c.id = p.entity_id"
                f" WHERE p.event_no IN ({marks(numbers)}) ORDER BY p.event_no, p.role, p.ord",
                numbers,
            ):
                roles = participants.setdefault(int(part.pop("event_no")), {"actor": [], "target": []})
                roles[str(part.pop("role"))].append(part)
        empty: dict[str, list[dict[str, Any]]] = {"actor": [], "target": []}
        return [event_item(row, participants.get(int(row["no"]), empty)) for row in rows]
