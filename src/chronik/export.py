"""Export stored articles and their layers as JSON Lines, CSV or Parquet.

Tables: `articles` (one row per article), `entities`, `quotes` and `events` (one row
per record, with the article id and date). JSON Lines exports of `articles` hold the full
article (`Article.to_dict()`); every other export holds flat rows with fixed columns.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from chronik.errors import ChronikError
from chronik.model import Article, Entity, Event, Participant, Quote
from chronik.store.base import Store

Table = Literal["articles", "entities", "quotes", "events"]
TABLES: tuple[Table, ...] = ("articles", "entities", "quotes", "events")
_INTEGER_COLUMNS = frozenset({"mentions", "age", "start", "end"})
_PARQUET_BATCH = 10_000
EXPORT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

COLUMNS: dict[Table, tuple[str, ...]] = {
    "articles": ("id", "date", "title", "outlet", "url", "source", "language", "authors", "lead", "text"),
    "entities": ("article_id", "date", "entity_id", "label", "name", "mentions", "age", "roles", "affiliation"),
    "quotes": (
        "article_id", "date", "quote_id", "type", "speaker", "speaker_kind", "cue", "message", "start", "end",
    ),
    "events": (
        "article_id", "date", "event_id", "type", "modality", "trigger", "actors", "targets", "place", "time",
        "sentence",
    ),
}  # fmt: skip


def export_format(destination: Path) -> str:
    """jsonl, csv or parquet, from the file suffix (E006 otherwise)."""
    fmt = EXPORT_FORMATS.get(destination.suffix.lower())
    if fmt is None:
        raise ChronikError("E006", str(destination), f"unknown export format; use one of {', '.join(EXPORT_FORMATS)}")
    return fmt


def export_table(store: Store, destination: Path, *, table: Table = "articles") -> int:
    """Write `table` of every stored article to `destination`; returns the number of rows."""
    fmt = export_format(destination)
    if table not in TABLES:
        raise ChronikError("E050", table, f"unknown table; use one of {', '.join(TABLES)}")
    articles = store.iter_articles()
    if fmt == "jsonl" and table == "articles":
        return _write_jsonl(destination, (article.to_dict() for article in articles))
    rows = (row for article in articles for row in ROW_BUILDERS[table](article))
    if fmt == "jsonl":
        return _write_jsonl(destination, rows)
    if fmt == "csv":
        return _write_csv(destination, rows, COLUMNS[table])
    return _write_parquet(destination, rows, COLUMNS[table])


def article_rows(article: Article) -> list[dict[str, Any]]:
    authors = "; ".join(f"{a.name} ({a.role})" if a.role else a.name for a in article.authors)
    return [
        {
            "id": article.id,
            "date": article.date,
            "title": article.title,
            "outlet": article.outlet,
            "url": article.url,
            "source": article.source,
            "language": article.language,
            "authors": authors,
            "lead": article.lead,
            "text": article.text,
        }
    ]


def entity_rows(article: Article) -> list[dict[str, Any]]:
    return [_entity_row(article, entity) for entity in article.entities]


def _entity_row(article: Article, entity: Entity) -> dict[str, Any]:
    attributes = entity.attributes
    roles = attributes.get("roles") or []
    return {
        "article_id": article.id,
        "date": article.date,
        "entity_id": entity.id,
        "label": entity.label,
        "name": entity.name,
        "mentions": len(entity.mentions),
        "age": attributes.get("age"),
        "roles": "; ".join(str(role) for role in roles),
        "affiliation": attributes.get("affiliation"),
    }


def quote_rows(article: Article) -> list[dict[str, Any]]:
    return [_quote_row(article, quote) for quote in article.quotes]


def _quote_row(article: Article, quote: Quote) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "date": article.date,
        "quote_id": quote.id,
        "type": quote.type,
        "speaker": quote.speaker_name or (quote.speaker.text if quote.speaker else None),
        "speaker_kind": quote.speaker_kind,
        "cue": quote.cue.text if quote.cue else None,
        "message": " … ".join(span.text for span in quote.message),
        "start": quote.message[0].start if quote.message else None,
        "end": quote.message[-1].end if quote.message else None,
    }


def event_rows(article: Article) -> list[dict[str, Any]]:
    return [_event_row(article, event) for event in article.events]


def _event_row(article: Article, event: Event) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "date": article.date,
        "event_id": event.id,
        "type": event.type,
        "modality": event.modality,
        "trigger": event.trigger.text,
        "actors": _participants(event.actors),
        "targets": _participants(event.targets),
        "place": event.place.name if event.place else None,
        "time": event.time.value if event.time else None,
        "sentence": event.sentence.text,
    }


def _participants(participants: list[Participant]) -> str:
    return "; ".join(f"{p.name or p.text} [{p.code}]" if p.code else (p.name or p.text) for p in participants)


ROW_BUILDERS: dict[Table, Callable[[Article], list[dict[str, Any]]]] = {
    "articles": article_rows,
    "entities": entity_rows,
    "quotes": quote_rows,
    "events": event_rows,
}


def _write_jsonl(destination: Path, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    with destination.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(destination: Path, rows: Iterator[dict[str, Any]], columns: tuple[str, ...]) -> int:
    count = 0
    with destination.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_parquet(destination: Path, rows: Iterator[dict[str, Any]], columns: tuple[str, ...]) -> int:
    """Write in batches, so that a large store never sits in memory as one table."""
    import pyarrow as pa  # heavy; only needed here
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.int64() if name in _INTEGER_COLUMNS else pa.string()) for name in columns])
    count = 0
    with pq.ParquetWriter(destination, schema) as writer:
        for batch in _batches(rows, _PARQUET_BATCH):
            values = {name: [_parquet_value(row.get(name), name) for row in batch] for name in columns}
            writer.write_table(pa.table(values, schema=schema))
            count += len(batch)
    return count


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parquet_value(value: Any, column: str) -> Any:
    if value is None:
        return None
    if column in _INTEGER_COLUMNS:
        return int(value) if isinstance(value, int | float) or str(value).isdigit() else None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
