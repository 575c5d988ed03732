"""Small helpers the templates use to show store records (JSON-ready dicts) as text.

Store query items are the model records (`Quote`, `Event` as dicts) plus corpus-level
columns (`speaker_id`, `actor_entities`, …); these helpers pick what a reader needs and
fall back gracefully when a field is absent. Everything returned is text or escaped Markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape


def span_text(value: Any) -> str:
    """The text of a span dict (`{"start", "end", "text"}`), or the value itself as text."""
    if isinstance(value, Mapping):
        return str(value.get("text") or value.get("name") or "")
    return "" if value is None else str(value)


def message_text(quote: Mapping[str, Any]) -> str:
    """A quotation's message: its spans joined by an ellipsis."""
    message = quote.get("message")
    if isinstance(message, list):
        return " … ".join(span_text(span) for span in message)
    return span_text(message or quote.get("text"))


def speaker_of(quote: Mapping[str, Any]) -> str:
    """The corpus name of the speaker, else the name or text found in the article."""
    for key in ("speaker", "speaker_name"):
        name = span_text(quote.get(key))
        if name:
            return name
    return "unbekannt"


def participants(event: Mapping[str, Any], role: str) -> list[dict[str, str | None]]:
    """Actors or targets (`role` = "actor" / "target") as `{"name", "id"}`, corpus-linked where known."""
    linked = event.get(f"{role}_entities")
    if isinstance(linked, list) and linked:
        return [
            {"name": str(p.get("entity_name") or p.get("name") or p.get("code") or "?"), "id": p.get("entity_id")}
            for p in linked
        ]
    people = event.get(f"{role}s") or []
    return [
        {"name": str(p.get("name") or p.get("text") or p.get("code") or "?"), "id": p.get("entity_id")}
        for p in people
        if isinstance(p, Mapping)
    ]


_FACT_META = {"date", "first_reported", "last_reported", "articles"}


def fact_value(fact: Mapping[str, Any]) -> str:
    """The reported value of an entity fact (`{"role": …, "date": …}` or `{"value": …, …}`)."""
    return next((str(value) for key, value in fact.items() if key not in _FACT_META and value is not None), "")


def fact_since(fact: Mapping[str, Any]) -> str:
    """When a fact was first reported."""
    return str(fact.get("date") or fact.get("first_reported") or "")


def snippet_html(item: Mapping[str, Any]) -> Markup:
    """A search hit's snippet with the matching word marked; every piece escaped.

    The snippet is a string (offset in `snippet_start`) or `{"text", "start"}`; `match` holds
    article offsets of the matching word.
    """
    snippet = item.get("snippet")
    if isinstance(snippet, Mapping):
        text, start = str(snippet.get("text", "")), int(snippet.get("start") or 0)
    else:
        text, start = span_text(snippet), int(item.get("snippet_start") or 0)
    match = item.get("match")
    if not (isinstance(match, list | tuple) and len(match) == 2):
        return escape(text)
    left, right = int(match[0]) - start, int(match[1]) - start
    if not 0 <= left < right <= len(text):
        return escape(text)
    return Markup("{}<mark>{}</mark>{}").format(text[:left], text[left:right], text[right:])


TEMPLATE_HELPERS = {
    "span_text": span_text,
    "message_text": message_text,
    "speaker_of": speaker_of,
    "participants": participants,
    "snippet_html": snippet_html,
    "fact_value": fact_value,
    "fact_since": fact_since,
}
