"""Writing whole articles: one transaction per article, idempotent by content hash.

Inside the transaction: near-duplicate check (LSH bands), the article row and its
full-text entry, mentions, entities resolved to corpus entities (with dated facts),
quotations, events with participants, and the pre-aggregated timeline and network
counts (skipped for near-duplicates so they are counted once).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import product
from typing import Any

from chronik import dedup
from chronik.errors import StoreError
from chronik.model import Article, Entity, Event, Participant, Quote
from chronik.resolve import Resolution, Resolver, name_key
from chronik.store.base import AddResult
from chronik.store.fulltext import normalise
from chronik.store.records import (
    ARTICLE_COLUMNS,
    article_row,
    entity_json,
    event_day,
    event_json,
    mention_row,
    quote_json,
    quote_message,
)
from chronik.store.sql import SqlBase, SqlEntityIndex, alias_row, utc_now

_FACT_KINDS = ("roles", "age", "affiliation", "kind", "code")
_LOOKUP_LABELS = ("PER", "ORG", "LOC", "MISC")
_SPEAKER_LABELS = {"person": "PER", "organisation": "ORG", "state": "LOC"}
_NUMBERS_SQL = {
    "quotes": "SELECT no, id FROM quotes WHERE article_id = ?",
    "events": "SELECT no, id FROM events WHERE article_id = ?",
}
_UPSERT_TIMELINE = (
    "INSERT INTO timeline_counts (entity_id, day, type, n) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (entity_id, day, type) DO UPDATE SET n = timeline_counts.n + excluded.n"
)
_UPSERT_EDGE = (
    "INSERT INTO network_edges (source_id, target_id, type, day, n) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (source_id, target_id, type, day) DO UPDATE SET n = network_edges.n + excluded.n"
)
_UPSERT_TOTAL = (
    "INSERT INTO network_totals (source_id, target_id, type, n) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (source_id, target_id, type) DO UPDATE SET n = network_totals.n + excluded.n"
)


class SqlWriter(SqlBase):
    resolver: Resolver

    def add_article(self, article: Article) -> AddResult:
        """Store an analysed article with all its layers, idempotent by content hash."""
        with self._locked():
            stored = self._scalar("SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,))
            if stored is not None:
                return AddResult("duplicate", article.id, str(stored))
            same_id = self._scalar("SELECT content_hash FROM articles WHERE id = ?", (article.id,))
            if same_id == article.content_hash:  # a concurrent writer stored it between the two reads
                return AddResult("duplicate", article.id, article.id)
            if same_id is not None:
                raise StoreError("E034", article.id, "another article with this id but different text is stored")
            fingerprint = dedup.fingerprint(article.text)
            try:
                with self._transaction():
                    near = self._near_duplicate(fingerprint)
                    self._write_article(article, fingerprint, near)
            except self._integrity_errors() as exc:
                stored = self._scalar("SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,))
                if stored is not None:  # a concurrent writer stored the same text first
                    return AddResult("duplicate", article.id, str(stored))
                raise StoreError("E030", article.id, f"could not store article: {exc}") from exc
            except self._database_errors() as exc:
                raise StoreError("E030", article.id, f"could not store article: {exc}") from exc
            except (UnicodeEncodeError, ValueError, OverflowError) as exc:  # e.g. lone surrogates in the text
                raise StoreError("E030", article.id, f"article holds values the store cannot encode: {exc}") from exc
            return AddResult("ingested", article.id, None, near[0] if near else None, near[1] if near else None)

    def add_rejection(self, source: str, code: str, problem: str) -> None:
        """Record an input that could not become an article."""
        with self._locked(), self._transaction():
            self._run(
                "INSERT INTO rejections (source, code, problem, created_at) VALUES (?, ?, ?, ?)",
                (source, code, problem, utc_now()),
            )

    # -- near-duplicates --------------------------------------------------------------
    def _near_duplicate(self, fingerprint: dedup.Fingerprint | None) -> tuple[str, float] | None:
        if fingerprint is None:
            return None
        marks = ", ".join("?" for _ in fingerprint.bands)
        rows = self._fetch(
            "SELECT m.article_id, m.signature FROM article_minhash m WHERE m.article_id IN"
            f" (SELECT DISTINCT article_id FROM article_bands WHERE band_hash IN ({marks}))",
            fingerprint.bands,
        )
        match = dedup.best_match(fingerprint, {str(r[0]): bytes(r[1]) for r in rows})
        if match is None:
            return None
        original = self._scalar("SELECT duplicate_of FROM near_duplicates WHERE article_id = ?", (match[0],))
        return (str(original) if original else match[0]), match[1]

    def _write_fingerprint(self, article_id: str, fingerprint: dedup.Fingerprint) -> None:
        self._run(
            "INSERT INTO article_minhash (article_id, signature) VALUES (?, ?)", (article_id, fingerprint.signature)
        )
        self._run_many(
            "INSERT INTO article_bands (band_hash, article_id) VALUES (?, ?)",
            [(band_hash, article_id) for band_hash in sorted(set(fingerprint.bands))],
        )

    # -- the article and its layers --------------------------------------------------
    def _write_article(
        self,
        article: Article,
        fingerprint: dedup.Fingerprint | None,
        near: tuple[str, float] | None,
        *,
        ingested_at: str | None = None,
    ) -> None:
        """Resolve names in document order, then write each table with one statement per kind of row."""
        is_dup = near is not None
        self._renamed = {}
        columns = ", ".join(ARTICLE_COLUMNS)
        marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
        row = article_row(article, is_duplicate=is_dup, ingested_at=ingested_at or utc_now())
        number = int(self._scalar(f"INSERT INTO articles ({columns}) VALUES ({marks}) RETURNING no", row))
        self._run(self._fts_insert_sql("article_search"), (number, normalise(article.text)))
        if near is not None:
            self._run(
                "INSERT INTO near_duplicates (article_id, duplicate_of, similarity) VALUES (?, ?, ?)",
                (article.id, near[0], near[1]),
            )
        if fingerprint is not None:
            self._write_fingerprint(article.id, fingerprint)
        self._run_many(
            "INSERT INTO mentions (article_id, ord, start_char, end_char, text, label, source, kind, entity_id, score)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [mention_row(article.id, ord_, mention) for ord_, mention in enumerate(article.mentions)],
        )
        corpus_ids = self._write_entities(article, number)
        self._write_quotes(article, corpus_ids, is_dup)
        places = self._write_events(article, corpus_ids, is_dup)
        self._count_entity_articles({self._current(i) for i in (*corpus_ids.values(), *places)}, article.date)

    def _current(self, corpus_id: str) -> str:
        """The corpus id an id resolved earlier in this article stands for now (after merges)."""
        while corpus_id in self._renamed:
            corpus_id = self._renamed[corpus_id]
        return corpus_id

    def _current_or_none(self, corpus_id: str | None) -> str | None:
        return self._current(corpus_id) if corpus_id else corpus_id

    def _numbers(self, table: str, article_id: str) -> dict[str, int]:
        """Record id -> row number of the article's quotes or events (just inserted)."""
        sql = _NUMBERS_SQL[table]
        return {str(row[1]): int(row[0]) for row in self._fetch(sql, (article_id,))}

    def _write_entities(self, article: Article, number: int) -> dict[str, str]:
        """Resolve and store the article's entities; article entity id -> corpus id."""
        resolved = [self._resolve(e.label, e.name, variants=_variants(e)).entity_id for e in article.entities]
        corpus_ids: dict[str, str] = {}
        rows: list[tuple[Any, ...]] = []
        facts: list[tuple[Any, ...]] = []
        for ord_, (entity, resolved_id) in enumerate(zip(article.entities, resolved, strict=True)):
            corpus_id = corpus_ids[entity.id] = self._current(resolved_id)
            rows.append(
                (article.id, number, entity.id, ord_, entity.label, entity.name, corpus_id, entity_json(entity))
            )
            facts.extend(_fact_rows(corpus_id, article, entity))
        self._run_many(
            "INSERT INTO entities (article_id, article_no, id, ord, label, name, corpus_id, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self._run_many(
            "INSERT INTO entity_facts (corpus_id, article_id, kind, value, date) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            facts,
        )
        return corpus_ids

    def _write_quotes(self, article: Article, corpus_ids: dict[str, str], is_dup: bool) -> None:
        speakers = [corpus_ids.get(quote.speaker_entity or "") or self._speaker_id(quote) for quote in article.quotes]
        if not speakers:
            return
        rows: list[tuple[Any, ...]] = []
        messages: list[str] = []
        for ord_, (quote, speaker_id) in enumerate(zip(article.quotes, speakers, strict=True)):
            message, start, end = quote_message(quote)
            messages.append(message)
            speaker = self._current_or_none(speaker_id)
            rows.append((article.id, quote.id, ord_, quote.type, quote.speaker_name, speaker, quote.speaker_kind,
                         message, start, end, article.date, int(is_dup), quote_json(quote)))  # fmt: skip
        self._run_many(
            "INSERT INTO quotes (article_id, id, ord, type, speaker_name, speaker_id, speaker_kind, message,"
            " start_char, end_char, date, is_duplicate, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        numbers = self._numbers("quotes", article.id)
        self._run_many(
            self._fts_insert_sql("quote_search"),
            [(numbers[quote.id], normalise(message)) for quote, message in zip(article.quotes, messages, strict=True)],
        )

    def _write_events(self, article: Article, corpus_ids: dict[str, str], is_dup: bool) -> set[str]:
        """Store events and participants, then add them to the aggregates; returns their places' ids."""
        places: dict[str, str] = {}  # place name -> corpus id, resolved once per article
        resolved = [self._resolve_event(event, article.date, corpus_ids, places) for event in article.events]
        if not resolved:
            return set()
        self._run_many(
            "INSERT INTO events (article_id, id, ord, type, mode, modality, date, place_id, place_name,"
            " place_country, trigger_text, sentence, source_quote, is_duplicate, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_event_row(article.id, ord_, r.event, r.day, self._current_or_none(r.place_id), is_dup)
             for ord_, r in enumerate(resolved)],
        )  # fmt: skip
        numbers = self._numbers("events", article.id)
        participants: list[tuple[Any, ...]] = []
        tally = _Tally()
        for r in resolved:
            roles: dict[str, list[str]] = {"actor": [], "target": []}
            for role, ord_, entity_id, name, code in r.participants:
                entity_id = self._current_or_none(entity_id)
                participants.append((numbers[r.event.id], role, ord_, entity_id, name, name_key(name), code, r.day))
                roles[role].extend([entity_id] if entity_id else [])
            if not is_dup and r.day:
                tally.add(r.event.type, r.day, roles, self._current_or_none(r.place_id))
        self._run_many(
            "INSERT INTO event_participants (event_no, role, ord, entity_id, name, name_key, code, date)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            participants,
        )
        tally.write(self)
        return {self._current(place_id) for place_id in places.values()}

    def _resolve_event(
        self, event: Event, article_date: str | None, corpus_ids: dict[str, str], places: dict[str, str]
    ) -> _ResolvedEvent:
        place_id = self._place_id(event, places)
        participants = [
            (role, ord_, self._participant_id(participant, corpus_ids), participant.name or participant.text,
             participant.code)
            for role, members in (("actor", event.actors), ("target", event.targets))
            for ord_, participant in enumerate(members)
        ]  # fmt: skip
        return _ResolvedEvent(event, event_day(event, article_date), place_id, participants)

    def _place_id(self, event: Event, places: dict[str, str]) -> str | None:
        if event.place is None or not event.place.name or not name_key(event.place.name):
            return None
        if event.place.name not in places:
            places[event.place.name] = self._resolve("LOC", event.place.name).entity_id
        return places[event.place.name]

    def _participant_id(self, participant: Participant, corpus_ids: dict[str, str]) -> str | None:
        if participant.entity_id and participant.entity_id in corpus_ids:
            return corpus_ids[participant.entity_id]
        return self._lookup(participant.name or participant.text)

    def _count_entity_articles(self, corpus_ids: set[str], date: str | None) -> None:
        self._run_many(
            "UPDATE corpus_entities SET n_articles = n_articles + 1,"
            " first_date = CASE WHEN first_date IS NULL OR first_date > ? THEN ? ELSE first_date END,"
            " last_date = CASE WHEN last_date IS NULL OR last_date < ? THEN ? ELSE last_date END WHERE id = ?",
            [(date, date, date, date, corpus_id) for corpus_id in sorted(corpus_ids)],
        )

    # -- entity resolution ------------------------------------------------------------
    def _resolve(self, label: str, name: str, *, variants: list[str] | None = None) -> Resolution:
        index = SqlEntityIndex(self, cached=True)
        resolution = self.resolver.resolve(label, name, index, variants=variants or [])
        known: set[str] = set()
        if resolution.created:
            self._run(
                "INSERT INTO corpus_entities (id, label, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (resolution.entity_id, label, resolution.name),
            )
            self._alias_cache.exists[resolution.entity_id] = True
        else:  # names already recorded need no insert (it would do nothing) and keep the cache valid
            known = {row.name for row in index.aliases_of(resolution.entity_id)}
        names = [alias for alias in [resolution.name, *resolution.aliases] if alias not in known]
        rows = [row for row in (alias_row(resolution.entity_id, label, alias) for alias in names) if row is not None]
        self._run_many(
            "INSERT INTO corpus_aliases (entity_id, label, alias, key, last_key, last_skeleton, tokens)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            rows,
        )
        for row in rows:
            self._alias_cache.added(row)
        for absorbed in resolution.absorbed:
            self._merge_entity(absorbed, resolution.entity_id)
        return resolution

    def _speaker_id(self, quote: Quote) -> str | None:
        """A corpus entity for a speaker named only by text (created for people and organisations)."""
        found = self._lookup(quote.speaker_name)
        label = _SPEAKER_LABELS.get(quote.speaker_kind)
        if found is not None or label is None or not quote.speaker_name or not name_key(quote.speaker_name):
            return found
        return self._resolve(label, quote.speaker_name).entity_id

    def _lookup(self, name: str | None) -> str | None:
        if not name or not name_key(name):
            return None
        return self.resolver.lookup(name, SqlEntityIndex(self, cached=True), labels=_LOOKUP_LABELS)

    def _merge_entity(self, source: str, target: str) -> None:
        """Fold corpus entity `source` into `target` everywhere it is referenced."""
        self._alias_cache.clear()
        self._renamed.pop(target, None)  # `target` is current again (no chains back to it: no cycles)
        self._renamed[source] = target
        for sql in _MERGE_STATEMENTS:
            self._run(sql, (target, source))
        for sql in _MERGE_CLEANUP:
            self._run(sql, (source,) * sql.count("?"))
        self._run(
            "UPDATE corpus_entities SET n_articles = (SELECT COUNT(DISTINCT article_id) FROM entities"
            " WHERE corpus_id = ?) WHERE id = ?",
            (target, target),
        )


@dataclass(slots=True)
class _ResolvedEvent:
    """An event with its place and participants resolved, ready to be written."""

    event: Event
    day: str | None
    place_id: str | None
    participants: list[tuple[str, int, str | None, str, str | None]]  # role, ord, corpus id, name, code


def _event_row(
    article_id: str, ord_: int, event: Event, day: str | None, place_id: str | None, is_dup: bool
) -> tuple[Any, ...]:
    place = event.place
    return (article_id, event.id, ord_, event.type, event.mode, event.modality, day, place_id,
            place.name if place else None, place.country if place else None, event.trigger.text,
            event.sentence.text, event.source_quote, int(is_dup), event_json(event))  # fmt: skip


def _fact_rows(corpus_id: str, article: Article, entity: Entity) -> list[tuple[Any, ...]]:
    rows = []
    for kind in _FACT_KINDS:
        value = entity.attributes.get(kind)
        for item in value if isinstance(value, list) else [value]:
            if item is not None and item != "":
                rows.append((corpus_id, article.id, kind, str(item), article.date))
    return rows


class _Tally:
    """Timeline and network counts of one article, written with one statement per table."""

    def __init__(self) -> None:
        self.timeline: Counter[tuple[str, str, str]] = Counter()
        self.edges: Counter[tuple[str, str, str, str]] = Counter()

    def add(self, type_: str, day: str, roles: dict[str, list[str]], place_id: str | None) -> None:
        involved = {"", *roles["actor"], *roles["target"], *([place_id] if place_id else [])}
        self.timeline.update((entity_id, day, type_) for entity_id in involved)
        pairs = {(source, target) for source, target in product(roles["actor"], roles["target"]) if source != target}
        self.edges.update((source, target, type_, day) for source, target in pairs)

    def write(self, store: SqlBase) -> None:
        store._run_many(_UPSERT_TIMELINE, [(*key, n) for key, n in sorted(self.timeline.items())])
        store._run_many(_UPSERT_EDGE, [(*key, n) for key, n in sorted(self.edges.items())])
        totals: Counter[tuple[str, str, str]] = Counter()
        for (source, target, type_, _), n in self.edges.items():
            totals[(source, target, type_)] += n
        store._run_many(_UPSERT_TOTAL, [(*key, n) for key, n in sorted(totals.items())])


def _variants(entity: Entity) -> list[str]:
    """In-article names of an entity worth keeping as aliases (parts of its name, listed aliases)."""
    tokens = set(name_key(entity.name).split())
    spans = [span.text for span in entity.mentions if set(name_key(span.text).split()) <= tokens]
    listed = entity.attributes.get("aliases") or []
    return [*spans, *(name for name in listed if isinstance(name, str))]


_MERGE_STATEMENTS: tuple[str, ...] = (
    "UPDATE entities SET corpus_id = ? WHERE corpus_id = ?",
    "UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?",
    "UPDATE events SET place_id = ? WHERE place_id = ?",
    "UPDATE event_participants SET entity_id = ? WHERE entity_id = ?",
    "INSERT INTO entity_facts (corpus_id, article_id, kind, value, date)"
    " SELECT ?, article_id, kind, value, date FROM entity_facts WHERE corpus_id = ? ON CONFLICT DO NOTHING",
    "INSERT INTO corpus_aliases (entity_id, label, alias, key, last_key, last_skeleton, tokens)"
    " SELECT ?, label, alias, key, last_key, last_skeleton, tokens FROM corpus_aliases WHERE entity_id = ?"
    " ON CONFLICT DO NOTHING",
    "INSERT INTO timeline_counts (entity_id, day, type, n) SELECT ?, day, type, n FROM timeline_counts"
    " WHERE entity_id = ? ON CONFLICT (entity_id, day, type) DO UPDATE SET n = timeline_counts.n + excluded.n",
    "INSERT INTO network_edges (source_id, target_id, type, day, n) SELECT ?, target_id, type, day, n"
    " FROM network_edges WHERE source_id = ? ON CONFLICT (source_id, target_id, type, day)"
    " DO UPDATE SET n = network_edges.n + excluded.n",
    "INSERT INTO network_edges (target_id, source_id, type, day, n) SELECT ?, source_id, type, day, n"
    " FROM network_edges WHERE target_id = ? ON CONFLICT (source_id, target_id, type, day)"
    " DO UPDATE SET n = network_edges.n + excluded.n",
    "INSERT INTO network_totals (source_id, target_id, type, n) SELECT ?, target_id, type, n"
    " FROM network_totals WHERE source_id = ? ON CONFLICT (source_id, target_id, type)"
    " DO UPDATE SET n = network_totals.n + excluded.n",
    "INSERT INTO network_totals (target_id, source_id, type, n) SELECT ?, source_id, type, n"
    " FROM network_totals WHERE target_id = ? ON CONFLICT (source_id, target_id, type)"
    " DO UPDATE SET n = network_totals.n + excluded.n",
)
_MERGE_CLEANUP: tuple[str, ...] = (
    "DELETE FROM entity_facts WHERE corpus_id = ?",
    "DELETE FROM corpus_aliases WHERE entity_id = ?",
    "DELETE FROM timeline_counts WHERE entity_id = ?",
    "DELETE FROM network_edges WHERE source_id = ? OR target_id = ?",
    "DELETE FROM network_totals WHERE source_id = ? OR target_id = ?",
    "DELETE FROM corpus_entities WHERE id = ?",
    "DELETE FROM network_edges WHERE source_id = target_id AND source_id <> ?",
    "DELETE FROM network_totals WHERE source_id = target_id AND source_id <> ?",
)

__all__ = ["SqlWriter"]
