"""The tabular schema: an analysed `Article` as flat rows for Parquet (or CSV) tables.

One place defines the columns of the six tables that the Spark job writes; `chronik export`
writes the same tables (all but ``rejections``) from a store:

- ``articles``: one row per article. Metadata columns plus ``document``, the whole
  analysed article as JSON (`Article.to_dict()` without ``text``), so that
  `chronik load` rebuilds exactly the article that the pipeline made.
- ``entities``: one row per entity (age, roles, affiliation, kind, actor code flattened).
- ``mentions``: one row per named-entity mention, with character offsets.
- ``quotations``: one row per quotation (message spans, cue, speaker, addressee, frame).
- ``events``: one row per event (trigger, actors, targets, place, time).
- ``rejections``: one row per input that did not become an article.

Every span column comes with ``*_start``/``*_end`` character offsets into
``articles.text``. Each table's rows carry ``article_id`` (except rejections).
The column lists with their meaning are in docs/tables.md.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from chronik.model import Article, Entity, Event, Mention, Participant, Quote, Span

TABLES: tuple[str, ...] = ("articles", "entities", "mentions", "quotations", "events", "rejections")
ARTICLE_TABLES: tuple[str, ...] = TABLES[:-1]
MESSAGE_SEPARATOR = " … "  # joins the parts of a discontinuous quotation in `quotations.text`

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
_PARTICIPANT = pa.struct(
    [
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("entity_id", pa.string()),
        ("name", pa.string()),
        ("code", pa.string()),
    ]
)


def _span_fields(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(prefix, pa.string()), (f"{prefix}_start", pa.int32()), (f"{prefix}_end", pa.int32())]


ARTICLES_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("content_hash", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("language", pa.string()),
        ("date", pa.string()),
        ("title", pa.string()),
        ("lead", pa.string()),
        ("authors", pa.list_(pa.string())),
        ("text", pa.string()),
        ("n_chars", pa.int32()),
        ("n_tokens", pa.int32()),
        ("n_sentences", pa.int32()),
        ("n_paragraphs", pa.int32()),
        ("stages", pa.list_(pa.string())),
        ("warnings", pa.list_(pa.string())),
        ("document", pa.string()),
    ]
)

ENTITIES_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("entity_id", pa.string()),
        ("label", pa.string()),
        ("name", pa.string()),
        ("n_mentions", pa.int32()),
        ("age", pa.int32()),
        ("roles", pa.list_(pa.string())),
        ("affiliation", pa.string()),
        ("kind", pa.string()),
        ("code", pa.string()),
        ("aliases", pa.list_(pa.string())),
        ("attributes", pa.string()),  # all attributes as JSON, including the ones above
    ]
)

MENTIONS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("mention_index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("label", pa.string()),
        ("source", pa.string()),
        ("kind", pa.string()),
        ("entity_id", pa.string()),
        ("score", pa.float64()),
    ]
)

QUOTATIONS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("quote_id", pa.string()),
        ("type", pa.string()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("message", pa.list_(_SPAN)),
        *_span_fields("cue"),
        ("cue_lemma", pa.string()),
        *_span_fields("speaker"),
        ("speaker_entity", pa.string()),
        ("speaker_kind", pa.string()),
        ("speaker_name", pa.string()),
        *_span_fields("addressee"),
        *_span_fields("frame"),
        ("medium", pa.string()),
        ("partial", pa.bool_()),
        ("sentence_ids", pa.list_(pa.int32())),
        ("article_date", pa.string()),
    ]
)

EVENTS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("event_id", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("modality", pa.string()),
        *_span_fields("trigger"),
        *_span_fields("sentence"),
        ("actor_name", pa.string()),  # first actor, for quick filtering
        ("actor_code", pa.string()),
        ("target_name", pa.string()),  # first target
        ("target_code", pa.string()),
        ("actors", pa.list_(_PARTICIPANT)),
        ("targets", pa.list_(_PARTICIPANT)),
        ("source_quote", pa.string()),
        ("place_name", pa.string()),
        ("place_country", pa.string()),
        ("place_lat", pa.float64()),
        ("place_lon", pa.float64()),
        *_span_fields("place"),
        ("time_value", pa.string()),
        ("time_granularity", pa.string()),
        *_span_fields("time"),
        ("cameo", pa.string()),
        ("article_date", pa.string()),
    ]
)

REJECTIONS_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("code", pa.string()),
        ("problem", pa.string()),
        ("line", pa.int64()),
    ]
)

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES_SCHEMA,
    "entities": ENTITIES_SCHEMA,
    "mentions": MENTIONS_SCHEMA,
    "quotations": QUOTATIONS_SCHEMA,
    "events": EVENTS_SCHEMA,
    "rejections": REJECTIONS_SCHEMA,
}

Row = dict[str, Any]


def _flat_span(prefix: str, span: Span | None) -> Row:
    if span is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {prefix: span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _span_struct(span: Span) -> Row:
    return {"start": span.start, "end": span.end, "text": span.text}


def document_json(article: Article, *, include_tokens: bool = False) -> str:
    """The analysed article as compact JSON, without the text (it has its own column).

    The same content as `Article.to_dict()`, built without `dataclasses.asdict` (which
    deep-copies every token even when tokens are left out: 10% of pipeline time).
    Tokens are left out unless asked for: they are ~20x the size of the text.
    """
    skipped = {"text"} if include_tokens else {"text", "tokens"}
    document = {name: _plain(getattr(article, name)) for name in _field_names(Article) if name not in skipped}
    if not include_tokens:
        document["tokens"] = []
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=str)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(item.name for item in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    """Dataclasses, lists and dicts as plain JSON-ready values (a fast `dataclasses.asdict`)."""
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def article_row(article: Article, *, include_tokens: bool = False) -> Row:
    """The `articles` row of one article."""
    return {
        "article_id": article.id,
        "content_hash": article.content_hash,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "language": article.language,
        "date": article.date,
        "title": article.title,
        "lead": article.lead,
        "authors": [author.name for author in article.authors],
        "text": article.text,
        "n_chars": len(article.text),
        "n_tokens": len(article.tokens),
        "n_sentences": len(article.sentences),
        "n_paragraphs": len(article.paragraphs),
        "stages": list(article.stages),
        "warnings": list(article.warnings),
        "document": document_json(article, include_tokens=include_tokens),
    }


def article_from_row(row: Row) -> Article:
    """Rebuild the analysed article from its `articles` row (inverse of `article_row`)."""
    document: dict[str, Any] = json.loads(row["document"])
    document["text"] = row["text"]
    return Article.from_dict(document)


def _optional_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _string_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return []


def entity_row(article: Article, entity: Entity) -> Row:
    attributes = entity.attributes
    return {
        "article_id": article.id,
        "entity_id": entity.id,
        "label": entity.label,
        "name": entity.name,
        "n_mentions": len(entity.mentions),
        "age": _optional_int(attributes.get("age")),
        "roles": _string_list(attributes.get("roles")),
        "affiliation": _optional_str(attributes.get("affiliation")),
        "kind": _optional_str(attributes.get("kind")),
        "code": _optional_str(attributes.get("code")),
        "aliases": _string_list(attributes.get("aliases")),
        "attributes": json.dumps(attributes, ensure_ascii=False, sort_keys=True, default=str),
    }


def mention_row(article: Article, index: int, mention: Mention) -> Row:
    return {
        "article_id": article.id,
        "mention_index": index,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
        "source": mention.source,
        "kind": mention.kind,
        "entity_id": mention.entity_id,
        "score": mention.score,
    }


def quotation_row(article: Article, quote: Quote) -> Row:
    message = quote.message
    return {
        "article_id": article.id,
        "quote_id": quote.id,
        "type": quote.type,
        "text": MESSAGE_SEPARATOR.join(span.text for span in message),
        "start": min((span.start for span in message), default=None),
        "end": max((span.end for span in message), default=None),
        "message": [_span_struct(span) for span in message],
        **_flat_span("cue", quote.cue),
        "cue_lemma": quote.cue_lemma,
        **_flat_span("speaker", quote.speaker),
        "speaker_entity": quote.speaker_entity,
        "speaker_kind": quote.speaker_kind,
        "speaker_name": quote.speaker_name,
        **_flat_span("addressee", quote.addressee),
        **_flat_span("frame", quote.frame),
        "medium": quote.medium,
        "partial": quote.partial,
        "sentence_ids": list(quote.sentence_ids),
        "article_date": article.date,
    }


def _participant_struct(participant: Participant) -> Row:
    return {
        "start": participant.start,
        "end": participant.end,
        "text": participant.text,
        "entity_id": participant.entity_id,
        "name": participant.name,
        "code": participant.code,
    }


def _first_participant(prefix: str, participants: list[Participant]) -> Row:
    first = participants[0] if participants else None
    name = None if first is None else (first.name or first.text)
    return {f"{prefix}_name": name, f"{prefix}_code": None if first is None else first.code}


def event_row(article: Article, event: Event) -> Row:
    place, time = event.place, event.time
    return {
        "article_id": article.id,
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "modality": event.modality,
        **_flat_span("trigger", event.trigger),
        **_flat_span("sentence", event.sentence),
        **_first_participant("actor", event.actors),
        **_first_participant("target", event.targets),
        "actors": [_participant_struct(p) for p in event.actors],
        "targets": [_participant_struct(p) for p in event.targets],
        "source_quote": event.source_quote,
        "place_name": None if place is None else place.name,
        "place_country": None if place is None else place.country,
        "place_lat": None if place is None else place.lat,
        "place_lon": None if place is None else place.lon,
        **_flat_span("place", None if place is None else Span(place.start, place.end, place.text)),
        "time_value": None if time is None else time.value,
        "time_granularity": None if time is None else time.granularity,
        **_flat_span("time", None if time is None else Span(time.start, time.end, time.text)),
        "cameo": event.cameo,
        "article_date": article.date,
    }


def rejection_row(*, source: str, code: str, problem: str, line: int | None = None) -> Row:
    return {"source": source, "code": code, "problem": problem, "line": line}


def article_rows(article: Article, *, include_tokens: bool = False) -> Iterator[tuple[str, Row]]:
    """All rows of one analysed article, each with the name of its table."""
    yield "articles", article_row(article, include_tokens=include_tokens)
    for entity in article.entities:
        yield "entities", entity_row(article, entity)
    for index, mention in enumerate(article.mentions):
        yield "mentions", mention_row(article, index, mention)
    for quote in article.quotes:
        yield "quotations", quotation_row(article, quote)
    for event in article.events:
        yield "events", event_row(article, event)


def table_rows(table: str, article: Article, *, include_tokens: bool = False) -> Iterator[Row]:
    """The rows of one article in one table (`articles`, `entities`, `mentions`, `quotations`, `events`)."""
    if table == "articles":
        yield article_row(article, include_tokens=include_tokens)
    elif table == "entities":
        yield from (entity_row(article, entity) for entity in article.entities)
    elif table == "mentions":
        yield from (mention_row(article, index, mention) for index, mention in enumerate(article.mentions))
    elif table == "quotations":
        yield from (quotation_row(article, quote) for quote in article.quotes)
    elif table == "events":
        yield from (event_row(article, event) for event in article.events)
    else:
        raise ValueError(f"not a table of article rows: {table!r}")


def rows_by_table(articles: Iterable[Article], *, include_tokens: bool = False) -> dict[str, list[Row]]:
    """Rows of many articles, grouped by table (every table present, maybe empty)."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for article in articles:
        for table, row in article_rows(article, include_tokens=include_tokens):
            tables[table].append(row)
    return tables


def to_arrow(table: str, rows: list[Row]) -> pa.Table:
    """Rows of one table as an Arrow table with the table's explicit schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])
