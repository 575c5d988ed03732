"""Exports (chronik/export.py): the tables of chronik.tables in three file formats."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from chronik import export
from chronik.errors import ChronikError
from chronik.export import TABLES, export_table, table_name
from chronik.model import Article, Entity, Event, Mention, Participant, Quote, Span
from chronik.tables import SCHEMAS
from tests.fakes import MemoryStore

TEXT = "Ministerin Anna Muster (52) sagte, man werde Bern besuchen."


def _article(article_id: str = "a-1", text: str = TEXT) -> Article:
    article = Article(id=article_id, text=text, date="2025-01-05")
    article.mentions = [Mention(11, 22, "Anna Muster", "PER", entity_id="E1")]
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


def _store(count: int = 1) -> MemoryStore:
    store = MemoryStore()
    for number in range(count):
        store.add_article(_article(f"a-{number + 1}", f"{TEXT} Nummer {number}."))
    return store


@pytest.mark.parametrize("table", TABLES)
def test_export_parquet_has_the_tables_schema(tmp_path: Path, table: str) -> None:
    assert export_table(_store(), tmp_path / "t.parquet", table=table) == 1
    written = pq.read_table(tmp_path / "t.parquet")
    assert written.schema.equals(SCHEMAS[table])
    assert written.column("article_id").to_pylist() == ["a-1"]


def test_export_parquet_writes_in_batches(tmp_path: Path) -> None:
    assert export_table(_store(5), tmp_path / "e.parquet", table="events", batch_rows=2) == 5
    parquet = pq.ParquetFile(tmp_path / "e.parquet")
    assert parquet.metadata.num_row_groups == 3
    assert parquet.read().column("article_id").to_pylist() == [f"a-{n}" for n in range(1, 6)]


def test_export_articles_parquet_uses_smaller_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "ARTICLE_BATCH_ROWS", 2)
    monkeypatch.setattr(export, "BATCH_ROWS", 4)
    assert export_table(_store(5), tmp_path / "a.parquet") == 5
    assert pq.ParquetFile(tmp_path / "a.parquet").metadata.num_row_groups == 3
    export_table(_store(5), tmp_path / "m.parquet", table="mentions")
    assert pq.ParquetFile(tmp_path / "m.parquet").metadata.num_row_groups == 2


def test_export_csv_writes_nested_values_as_json(tmp_path: Path) -> None:
    export_table(_store(), tmp_path / "e.csv", table="events")
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        [row] = list(reader)
    assert tuple(reader.fieldnames or ()) == tuple(SCHEMAS["events"].names)
    assert json.loads(row["actors"])[0] == {
        "start": 11, "end": 22, "text": "Anna Muster", "entity_id": None, "name": "Anna Muster", "code": "CHE/GOV",
    }  # fmt: skip
    assert (row["actor_code"], row["trigger_start"], row["modality"]) == ("CHE/GOV", "50", "planned")


def test_export_jsonl_rows_keep_nested_values(tmp_path: Path) -> None:
    export_table(_store(), tmp_path / "q.jsonl", table="quotations")
    [row] = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    assert row["message"] == [{"start": 35, "end": 58, "text": "man werde Bern besuchen"}]
    assert (row["cue"], row["cue_start"], row["speaker_name"]) == ("sagte", 28, "Anna Muster")


def test_export_articles_jsonl_holds_full_articles(tmp_path: Path) -> None:
    export_table(_store(), tmp_path / "a.jsonl")
    data = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
    assert Article.from_dict(data).quotes[0].cue == Span(28, 33, "sagte")


def test_export_quotes_is_an_alias_of_quotations(tmp_path: Path) -> None:
    assert table_name("quotes") == "quotations"
    export_table(_store(), tmp_path / "q.parquet", table="quotes")
    assert pq.read_table(tmp_path / "q.parquet").schema.equals(SCHEMAS["quotations"])


def test_export_empty_store_writes_header_only(tmp_path: Path) -> None:
    assert export_table(MemoryStore(), tmp_path / "leer.parquet", table="mentions") == 0
    assert pq.read_table(tmp_path / "leer.parquet").schema.equals(SCHEMAS["mentions"])
    assert export_table(MemoryStore(), tmp_path / "leer.csv", table="events") == 0
    assert (tmp_path / "leer.csv").read_text(encoding="utf-8").startswith("article_id,event_id,type")


def test_export_unknown_suffix_is_e006(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as caught:
        export_table(MemoryStore(), tmp_path / "x.xlsx")
    assert caught.value.code == "E006"


@pytest.mark.parametrize("table", ["rejections", "quote", ""])
def test_export_unknown_table_is_e050(tmp_path: Path, table: str) -> None:
    with pytest.raises(ChronikError) as caught:
        export_table(MemoryStore(), tmp_path / "x.csv", table=table)
    assert caught.value.code == "E050"
    assert not (tmp_path / "x.csv").exists()
