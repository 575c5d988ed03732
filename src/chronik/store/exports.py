"""Flat export records (articles, entities, quotes, events) for JSONL, CSV and Parquet.

Each kind is one keyset-paginated query (`_key` > last seen, in batches) and a
`flatten` step that turns stored JSON into plain columns; nested lists become JSON
strings so every record has the same scalar columns (documented in docs/store.md).
"""

from __future__ import annotations

import json
from typing import Any

from chronik.store.records import to_json

BATCH = 1000
EXPORT_QUERIES: dict[str, str] = {
    "articles": (
        "SELECT a.no AS _key, a.id, a.date, a.title, a.lead, a.outlet, a.source, a.url, a.language,"
        " a.authors, a.text, a.content_hash, d.duplicate_of, d.similarity"
        " FROM articles a LEFT JOIN near_duplicates d ON d.article_id = a.id"
        " WHERE a.no > ? ORDER BY a.no LIMIT ?"
    ),
    "entities": (
        "SELECT c.id AS _key, c.id, c.label, c.name, c.n_articles, c.first_date, c.last_date"
        " FROM corpus_entities c WHERE c.id > ? ORDER BY c.id LIMIT ?"
    ),
    "quotes": (
        "SELECT q.no AS _key, q.article_id, q.id, q.type, q.speaker_name, q.speaker_id, q.speaker_kind,"
        " q.message, q.start_char, q.end_char, q.date, q.is_duplicate, q.data"
        " FROM quotes q WHERE q.no > ? ORDER BY q.no LIMIT ?"
    ),
    "events": (
        "SELECT e.no AS _key, e.article_id, e.id, e.type, e.mode, e.modality, e.date, e.place_id,"
        " e.place_name, e.place_country, e.trigger_text, e.sentence, e.source_quote, e.is_duplicate, e.data"
        " FROM events e WHERE e.no > ? ORDER BY e.no LIMIT ?"
    ),
}
FIRST_KEY: dict[str, Any] = {"articles": 0, "entities": "", "quotes": 0, "events": 0}


def _participants(people: list[dict[str, Any]]) -> str:
    return to_json([{"text": p["text"], "name": p.get("name"), "code": p.get("code")} for p in people])


def flatten(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """One export record from a query row."""
    record = {key: value for key, value in row.items() if key not in ("_key", "data")}
    if kind == "articles":
        record["authors"] = row["authors"]  # already a JSON string
    if kind == "quotes":
        stored = json.loads(row["data"])
        record["cue"] = (stored.get("cue") or {}).get("text")
        record["cue_lemma"] = stored.get("cue_lemma")
        record["medium"] = stored.get("medium")
        record["partial"] = bool(stored.get("partial"))
        record["is_duplicate"] = bool(row["is_duplicate"])
    if kind == "events":
        stored = json.loads(row["data"])
        record["actors"] = _participants(stored.get("actors") or [])
        record["targets"] = _participants(stored.get("targets") or [])
        record["time"] = (stored.get("time") or {}).get("value")
        record["cameo"] = stored.get("cameo")
        record["is_duplicate"] = bool(row["is_duplicate"])
    return record
