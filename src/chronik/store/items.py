"""JSON-ready result items of store queries: flat, readable keys for the API, UI and CLI.

Quotations and events are shown with plain text fields (`text`, `trigger`, `place`)
and corpus entity ids for links, plus the original spans for highlighting.
"""

from __future__ import annotations

import json
from typing import Any


def quote_item(row: dict[str, Any]) -> dict[str, Any]:
    """One quotation from a quotes row joined with its article and speaker entity."""
    quote = json.loads(row["data"])
    return {
        "article_id": row["article_id"],
        "article_title": row["article_title"],
        "quote_id": quote["id"],
        "type": quote["type"],
        "speaker": row["speaker"] or quote.get("speaker_name") or (quote.get("speaker") or {}).get("text"),
        "speaker_id": row["speaker_id"],
        "speaker_entity_id": row["speaker_id"],
        "speaker_kind": quote.get("speaker_kind"),
        "text": row["message"],
        "cue": (quote.get("cue") or {}).get("text"),
        "cue_lemma": quote.get("cue_lemma"),
        "medium": quote.get("medium"),
        "partial": bool(quote.get("partial")),
        "date": row["date"],
        "is_duplicate": bool(row["is_duplicate"]),
        "message": quote.get("message") or [],
        "speaker_span": quote.get("speaker"),
        "frame": quote.get("frame"),
    }


def _people(stored: list[dict[str, Any]], linked: list[dict[str, Any]]) -> list[dict[str, Any]]:
    people = []
    for index, person in enumerate(stored):
        corpus = linked[index] if index < len(linked) else {}
        people.append(
            {
                "name": corpus.get("entity_name") or person.get("name") or person["text"],
                "text": person["text"],
                "code": person.get("code"),
                "entity_id": corpus.get("entity_id"),
                "start": person["start"],
                "end": person["end"],
            }
        )
    return people


def event_item(row: dict[str, Any], linked: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """One event from an events row; `linked` holds the participants' corpus entities by role."""
    event = json.loads(row["data"])
    place = event.get("place") or {}
    return {
        "article_id": row["article_id"],
        "article_title": row["article_title"],
        "event_id": event["id"],
        "type": event["type"],
        "mode": event.get("mode"),
        "modality": event["modality"],
        "trigger": event["trigger"]["text"],
        "trigger_span": event["trigger"],
        "sentence": event["sentence"],
        "actors": _people(event.get("actors") or [], linked.get("actor", [])),
        "targets": _people(event.get("targets") or [], linked.get("target", [])),
        "place": place.get("name"),
        "place_id": row["place_id"],
        "place_country": place.get("country"),
        "place_span": event.get("place"),
        "date": row["date"],
        "time": event.get("time"),
        "source_quote": event.get("source_quote"),
        "cameo": event.get("cameo"),
        "is_duplicate": bool(row["is_duplicate"]),
    }
