"""Corpus-level views: entities and their profiles, timelines, the actor network.

Timelines and the network read the aggregate tables that ingest fills (near-duplicates
excluded), so their cost depends on the number of days and entity pairs, not events.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Literal

from chronik.errors import StoreError
from chronik.resolve import name_key
from chronik.store.base import Page
from chronik.store.queries import SqlQueries, Where, check_date, check_page, marks, period_end

PROFILE_ITEMS = 20
NETWORK_ROWS = 50_000  # a dated network sums at most this many daily edge rows, newest first
COOCCURRENCE_ARTICLES = 500  # co-occurrence is computed over the entity's latest articles
_FACT_GROUPS = {"roles": "roles", "age": "ages", "affiliation": "affiliations", "kind": "kinds", "code": "codes"}
_FACT_NAMES = {"roles": "role", "age": "age", "affiliation": "affiliation", "kind": "kind", "code": "code"}
_ENTITY_SELECT = (
    "SELECT c.id, c.label, c.name, c.n_articles AS articles, c.first_date AS first_seen, c.last_date AS last_seen"
    " FROM corpus_entities c"
)


def iso_week(day: str) -> str:
    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def week_start(day: str) -> str:
    date = dt.date.fromisoformat(day)
    return (date - dt.timedelta(days=date.weekday())).isoformat()


class SqlChronicle(SqlQueries):
    # -- entities ---------------------------------------------------------------------
    def find_entities(
        self, *, name: str | None = None, label: str | None = None, limit: int = 20, offset: int = 0
    ) -> Page:
        """Corpus entities whose name or an alias starts with `name` (normalised), most mentioned first."""
        check_page(limit, offset)
        where = Where()
        if label:
            where.add("c.label = ?", label.upper())
        if name:
            prefix = name_key(name).replace("\\", "").replace("%", "").replace("_", "")
            where.add(
                "(c.id = ? OR c.id IN (SELECT entity_id FROM corpus_aliases WHERE key LIKE ? OR last_key LIKE ?))",
                name,
                prefix + "%",
                prefix + "%",
            )
        with self._locked():
            rows = self._fetch_dicts(
                f"{_ENTITY_SELECT}{where.sql()} ORDER BY c.n_articles DESC, c.id LIMIT ? OFFSET ?",
                (*where.params, limit, offset),
            )
            total = int(self._scalar(f"SELECT COUNT(*) FROM corpus_entities c{where.sql()}", where.params))
            items = [self._entity_summary(row) for row in rows]
        return Page(items, total, limit, offset)

    def _entity_summary(self, row: dict[str, Any]) -> dict[str, Any]:
        aliases = self._fetch("SELECT alias FROM corpus_aliases WHERE entity_id = ? ORDER BY alias", (row["id"],))
        roles = self._fetch(
            "SELECT value FROM entity_facts WHERE corpus_id = ? AND kind = 'roles' GROUP BY value ORDER BY MIN(date)",
            (row["id"],),
        )
        return {**row, "aliases": [str(r[0]) for r in aliases], "roles": [str(r[0]) for r in roles]}

    def entity_profile(self, entity_id: str) -> dict[str, Any] | None:
        """Roles over time, quotations, events and co-occurring entities of one corpus entity."""
        with self._locked():
            rows = self._fetch_dicts(f"{_ENTITY_SELECT} WHERE c.id = ?", (entity_id,))
            if not rows:
                return None
            entity = self._entity_summary(rows[0])
            facts = self._facts(entity_id)
            entity["attributes"] = _latest_attributes(facts, entity["roles"])
            quotes = self.search_quotes(speaker=entity_id, limit=PROFILE_ITEMS)
            events = self._entity_events(entity_id)
            profile: dict[str, Any] = {"id": entity_id, "label": entity["label"], "name": entity["name"]}
            profile.update(entity=entity, **facts, quotes=quotes.items, quotes_total=quotes.total)
            profile.update(events=events.items, events_total=events.total, cooccurring=self._co_occurring(entity_id))
        return profile

    def _facts(self, entity_id: str) -> dict[str, list[dict[str, Any]]]:
        grouped: dict[str, list[dict[str, Any]]] = {group: [] for group in _FACT_GROUPS.values()}
        for kind, value, first, last, count in self._fetch(
            "SELECT kind, value, MIN(date), MAX(date), COUNT(*) FROM entity_facts WHERE corpus_id = ?"
            " GROUP BY kind, value ORDER BY MIN(date), value",
            (entity_id,),
        ):
            name = _FACT_NAMES.get(str(kind), str(kind))
            fact = {name: int(value) if kind == "age" and str(value).isdigit() else value, "date": first}
            fact.update({"last_reported": last, "articles": int(count)})
            grouped[_FACT_GROUPS.get(str(kind), str(kind))].append(fact)
        return grouped

    def _entity_events(self, entity_id: str) -> Page:
        numbers = self._fetch(
            "SELECT DISTINCT p.event_no, p.date FROM event_participants p WHERE p.entity_id = ?"
            " ORDER BY p.date DESC, p.event_no DESC LIMIT ?",
            (entity_id, PROFILE_ITEMS),
        )
        total = self._scalar(
            "SELECT COUNT(DISTINCT event_no) FROM event_participants WHERE entity_id = ?", (entity_id,)
        )
        ids = [int(r[0]) for r in numbers]
        rows = (
            self._fetch_dicts(
                "SELECT e.no, e.data, e.article_id, e.date, e.place_id, e.is_duplicate, a.title AS article_title"
                " FROM events e"
                f" JOIN articles a ON a.id = e.article_id WHERE e.no IN ({marks(ids)}) ORDER BY e.date DESC, e.no DESC",
                ids,
            )
            if ids
            else []
        )
        return Page(self._event_items(rows), int(total or 0), PROFILE_ITEMS, 0)

    def _co_occurring(self, entity_id: str) -> list[dict[str, Any]]:
        return self._fetch_dicts(
            "SELECT c.id, c.label, c.name, COUNT(DISTINCT o.article_id) AS count FROM"
            " (SELECT DISTINCT article_id, article_no FROM entities WHERE corpus_id = ?"
            "  ORDER BY article_no DESC LIMIT ?) mine"
            " JOIN entities o ON o.article_id = mine.article_id JOIN corpus_entities c ON c.id = o.corpus_id"
            " WHERE o.corpus_id <> ? GROUP BY c.id, c.label, c.name ORDER BY count DESC, c.id LIMIT ?",
            (entity_id, COOCCURRENCE_ARTICLES, entity_id, PROFILE_ITEMS),
        )

    # -- timeline and network ---------------------------------------------------------
    def timeline(
        self,
        *,
        granularity: Literal["day", "week"] = "day",
        type: str | None = None,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[dict[str, Any]]:
        """Event counts per day or ISO week and type, near-duplicates counted once."""
        if granularity not in ("day", "week"):
            raise StoreError("E050", "granularity", f"expected 'day' or 'week', got {granularity!r}")
        with self._locked():
            entity_ids = self.match_entities(entity) if entity else [""]
            if not entity_ids:
                return []
            where = Where()
            where.add(f"entity_id IN ({marks(entity_ids)})", *entity_ids)
            if type:
                where.add("type = ?", type.upper())
            if check_date("date_from", date_from):
                where.add("day >= ?", date_from)
            if check_date("date_to", date_to):
                where.add("day <= ?", period_end(date_to))
            grouped = "" if len(entity_ids) == 1 else " GROUP BY day, type"  # one entity: rows are unique already
            total = "n" if len(entity_ids) == 1 else "SUM(n)"
            rows = self._fetch(
                f"SELECT day, type, {total} FROM timeline_counts{where.sql()}{grouped} ORDER BY day, type",
                where.params,
            )
        return _periods(rows, granularity)

    def network(
        self,
        *,
        types: list[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 200,
    ) -> dict[str, Any]:
        """Who meets/agrees/rejects whom: the strongest actor -> target edges and their nodes."""
        check_page(limit, 0)
        where = Where()
        if types:
            upper = [t.upper() for t in types]
            where.add(f"type IN ({marks(upper)})", *upper)
        dated = bool(check_date("date_from", date_from) or check_date("date_to", date_to))
        if date_from:
            where.add("day >= ?", date_from)
        if date_to:
            where.add("day <= ?", period_end(date_to))
        with self._locked():
            if dated:  # the newest NETWORK_ROWS (actor, target, type, day) rows of the period
                recent = f"SELECT source_id, target_id, type, n FROM network_edges{where.sql()} ORDER BY day DESC"
                edges = self._fetch_dicts(
                    "SELECT source_id AS source, target_id AS target, type, SUM(n) AS count"
                    f" FROM ({recent} LIMIT {NETWORK_ROWS}) recent GROUP BY source_id, target_id, type"
                    " ORDER BY count DESC, source_id, target_id, type LIMIT ?",
                    (*where.params, limit),
                )
                scanned = self._count(f"SELECT 1 FROM network_edges{where.sql()}", where.params, cap=NETWORK_ROWS + 1)
                complete = scanned <= NETWORK_ROWS
            else:  # one row per (actor, target, type): the n index gives the top edges directly
                edges = self._fetch_dicts(
                    "SELECT source_id AS source, target_id AS target, type, n AS count FROM network_totals"
                    f"{where.sql()} ORDER BY n DESC, source_id, target_id, type LIMIT ?",
                    (*where.params, limit),
                )
                complete = True
            nodes = self._nodes(edges)
        edge_list = [{**edge, "count": int(edge["count"])} for edge in edges]
        return {"nodes": nodes, "edges": edge_list, "complete": complete}

    def _nodes(self, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
        weight: dict[str, int] = defaultdict(int)
        for edge in edges:
            weight[edge["source"]] += int(edge["count"])
            weight[edge["target"]] += int(edge["count"])
        ids = sorted(weight)
        if not ids:
            return []
        rows = self._fetch_dicts(f"SELECT id, label, name FROM corpus_entities WHERE id IN ({marks(ids)})", ids)
        return [{**row, "weight": weight[row["id"]]} for row in sorted(rows, key=lambda r: (-weight[r["id"]], r["id"]))]


def _latest_attributes(facts: dict[str, list[dict[str, Any]]], roles: list[str]) -> dict[str, Any]:
    """The most recently reported age, affiliation, kind and actor code, plus all roles."""
    attributes: dict[str, Any] = {"roles": roles}
    for group, name in (("ages", "age"), ("affiliations", "affiliation"), ("kinds", "kind"), ("codes", "code")):
        dated = sorted(facts.get(group, []), key=lambda fact: str(fact["last_reported"] or ""))
        if dated:
            attributes[name] = dated[-1][name]
    return attributes


def _periods(rows: list[tuple[Any, ...]], granularity: str) -> list[dict[str, Any]]:
    """Rows of (day, type, count), already sorted by day and type, as day or ISO-week periods."""
    if granularity == "day":
        return [{"period": day, "start": day, "type": type_, "count": int(n)} for day, type_, n in rows]
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    weeks: dict[str, tuple[str, str]] = {}
    for day, type_, count in rows:
        if day not in weeks:
            weeks[day] = (iso_week(str(day)), week_start(str(day)))
        counts[(*weeks[day], str(type_))] += int(count)
    return [
        {"period": period, "start": start, "type": type_, "count": count}
        for (period, start, type_), count in sorted(counts.items())
    ]
