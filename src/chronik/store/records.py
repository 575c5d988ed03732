"""Turning an `Article` into table rows and back (backend-neutral).

Queried fields get their own columns; every record also keeps its full JSON (`data`)
so `get_article` rebuilds exactly the article that was stored (tokens excepted).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from chronik.model import (
    Article,
    Entity,
    Event,
    Mention,
    Quote,
    article_from_dict,
    author_dict,
    entity_dict,
    event_dict,
    paragraph_dict,
    place_dict,
    quote_dict,
    sentence_dict,
    time_dict,
)

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ARTICLE_COLUMNS = (
    "id",
    "content_hash",
    "source",
    "url",
    "outlet",
    "language",
    "date",
    "title",
    "lead",
    "text",
    "authors",
    "paragraphs",
    "metadata",
    "warnings",
    "stages",
    "layers",
    "is_duplicate",
    "ingested_at",
)
_LAYER_KEYS = ("sentences", "times", "places")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)  # built once, not per call


def to_json(value: Any) -> str:
    return _ENCODER.encode(value)


def article_row(article: Article, *, is_duplicate: bool, ingested_at: str) -> tuple[Any, ...]:
    """Values for `ARTICLE_COLUMNS`."""
    layers = {
        "sentences": [sentence_dict(s) for s in article.sentences],
        "times": [time_dict(t) for t in article.times],
        "places": [place_dict(p) for p in article.places],
    }
    return (
        article.id,
        article.content_hash,
        article.source,
        article.url,
        article.outlet,
        article.language,
        article.date,
        article.title,
        article.lead,
        article.text,
        to_json([author_dict(a) for a in article.authors]),
        to_json([paragraph_dict(p) for p in article.paragraphs]),
        to_json(article.metadata),
        to_json(article.warnings),
        to_json(article.stages),
        to_json(layers),
        int(is_duplicate),
        ingested_at,
    )


def mention_row(article_id: str, ord_: int, mention: Mention) -> tuple[Any, ...]:
    return (
        article_id,
        ord_,
        mention.start,
        mention.end,
        mention.text,
        mention.label,
        mention.source,
        mention.kind,
        mention.entity_id,
        mention.score,
    )


def entity_json(entity: Entity) -> str:
    return to_json(entity_dict(entity))


def quote_message(quote: Quote) -> tuple[str, int | None, int | None]:
    """The quotation's message text (parts joined) and its overall character range."""
    if not quote.message:
        return "", None, None
    text = " … ".join(span.text for span in quote.message)
    return text, min(s.start for s in quote.message), max(s.end for s in quote.message)


def quote_json(quote: Quote) -> str:
    return to_json(quote_dict(quote))


def event_json(event: Event) -> str:
    return to_json(event_dict(event))


def valid_day(value: str | None) -> str | None:
    """`value` if it is a real ISO calendar day (YYYY-MM-DD), else None."""
    if not value or not _ISO_DAY.match(value):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def event_day(event: Event, article_date: str | None) -> str | None:
    """The day an event is filed under: its own exact date if known, else the article's."""
    own = valid_day(event.time.value) if event.time else None
    return own or valid_day(article_date)


def article_from_rows(
    row: dict[str, Any],
    *,
    mentions: list[dict[str, Any]],
    entities: list[str],
    quotes: list[str],
    events: list[str],
) -> Article:
    """Rebuild the stored article from its row and the JSON of its records (in order)."""
    layers = json.loads(row["layers"])
    data: dict[str, Any] = {key: row[key] for key in ("id", "text", "source", "url", "outlet", "language")}
    data.update({key: row[key] for key in ("date", "title", "lead")})
    for key in ("authors", "paragraphs", "metadata", "warnings", "stages"):
        data[key] = json.loads(row[key])
    data.update({key: layers.get(key, []) for key in _LAYER_KEYS})
    data["mentions"] = [_mention_dict(m) for m in mentions]
    data["entities"] = [json.loads(text) for text in entities]
    data["quotes"] = [json.loads(text) for text in quotes]
    data["events"] = [json.loads(text) for text in events]
    return article_from_dict(data)


def _mention_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "start": row["start_char"],
        "end": row["end_char"],
        "text": row["text"],
        "label": row["label"],
        "source": row["source"],
        "kind": row["kind"],
        "entity_id": row["entity_id"],
        "score": row["score"],
    }
