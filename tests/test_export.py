"""Exports (chronik/export.py): rows per table and the three file formats."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.export import COLUMNS, entity_rows, event_rows, export_table, quote_rows
from chronik.model import Article, Entity, Event, Participant, Quote, Span
from tests.fakes import MemoryStore


def _article() -> Article:
    text = "Ministerin Anna Muster (52) sagte, man werde Bern besuchen."
    article = Article(id="a-1", text=text, date="2025-01-05")
    article.entities = [
        Entity("E1", "PER", "Anna Muster", [Span(11, 22, "Anna Muster")], {"age": 52, "roles": ["Ministerin"]})
    ]
    article.quotes = [
        Quote(
            "Q1",
            "Indirect",
            [Span(35, 58, "man werde Bern besuchen")],
            cue=Span(28, 33, "sagte"),
            speaker_name="Anna Muster",
        )
    ]
    article.events = [
        Event(
            "V1", "CONSULT", trigger=Span(50, 58, "besuchen"), sentence=Span(0, len(text), text),
            actors=[Participant(11, 22, "Anna Muster", name="Anna Muster", code="CHE/GOV")], modality="planned",
        )
    ]  # fmt: skip
    return article


def test_rows_flatten_layers() -> None:
    article = _article()
    [entity] = entity_rows(article)
    assert (entity["name"], entity["age"], entity["roles"], entity["mentions"]) == ("Anna Muster", 52, "Ministerin", 1)
    [quote] = quote_rows(article)
    assert (quote["speaker"], quote["cue"], quote["message"], quote["start"]) == (
        "Anna Muster", "sagte", "man werde Bern besuchen", 35,
    )  # fmt: skip
    [event] = event_rows(article)
    assert (event["type"], event["actors"], event["modality"]) == ("CONSULT", "Anna Muster [CHE/GOV]", "planned")
    for table, rows in (("entities", [entity]), ("quotes", [quote]), ("events", [event])):
        assert tuple(rows[0]) == COLUMNS[table]  # type: ignore[index]


@pytest.mark.parametrize("table", ["entities", "quotes", "events"])
def test_export_tables_to_csv_and_parquet(tmp_path: Path, table: str) -> None:
    store = MemoryStore()
    store.add_article(_article())
    assert export_table(store, tmp_path / "t.csv", table=table) == 1  # type: ignore[arg-type]
    with (tmp_path / "t.csv").open(encoding="utf-8", newline="") as stream:
        assert next(csv.DictReader(stream))["article_id"] == "a-1"
    assert export_table(store, tmp_path / "t.parquet", table=table) == 1  # type: ignore[arg-type]
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "t.parquet").column("article_id").to_pylist() == ["a-1"]


def test_export_articles_jsonl_round_trips(tmp_path: Path) -> None:
    store = MemoryStore()
    store.add_article(_article())
    export_table(store, tmp_path / "a.jsonl")
    data = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
    assert Article.from_dict(data).quotes[0].cue == Span(28, 33, "sagte")


def test_export_empty_store_writes_header_only(tmp_path: Path) -> None:
    assert export_table(MemoryStore(), tmp_path / "leer.parquet", table="quotes") == 0
    assert export_table(MemoryStore(), tmp_path / "leer.csv", table="events") == 0
    assert (tmp_path / "leer.csv").read_text(encoding="utf-8").startswith("article_id,date,event_id")


def test_export_unknown_suffix_is_e006(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as caught:
        export_table(MemoryStore(), tmp_path / "x.xlsx")
    assert caught.value.code == "E006"
