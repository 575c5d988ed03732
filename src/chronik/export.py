"""Export the tables of stored articles as JSON Lines, CSV or Parquet.

The tables and their columns are those of `chronik.tables` (documented in docs/tables.md):
`articles`, `entities`, `mentions`, `quotations` and `events`. Parquet files carry the
tables' Arrow schemas, so a folder of exports laid out like the Spark output
(`<dir>/<table>/part-0.parquet`) loads back with `chronik load`. CSV files write nested
values (lists, structs) as JSON strings. JSON Lines files hold the rows as JSON, except
for `articles`, whose lines are the full articles (`Article.to_dict()`).

Articles are read from the store one at a time and rows are written in batches, so
memory stays flat however big the store is.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from chronik.errors import ChronikError
from chronik.store.base import Store
from chronik.tables import ARTICLE_TABLES, SCHEMAS, Row, table_rows, to_arrow

TABLES: tuple[str, ...] = ARTICLE_TABLES
TABLE_ALIASES: dict[str, str] = {"quotes": "quotations"}
EXPORT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
BATCH_ROWS = 1_000  # rows per Parquet row group
ARTICLE_BATCH_ROWS = 100  # articles rows hold the whole analysed article (~20-40 KB each)


def export_format(destination: Path) -> str:
    """jsonl, csv or parquet, from the file suffix (E006 otherwise)."""
    fmt = EXPORT_FORMATS.get(destination.suffix.lower())
    if fmt is None:
        raise ChronikError("E006", str(destination), f"unknown export format; use one of {', '.join(EXPORT_FORMATS)}")
    return fmt


def table_name(name: str) -> str:
    """The table a name or alias (`quotes`) stands for (E050 when unknown)."""
    table = TABLE_ALIASES.get(name, name)
    if table not in TABLES:
        raise ChronikError("E050", name, f"unknown table; use one of {', '.join(TABLES)}")
    return table


def export_table(store: Store, destination: Path, *, table: str = "articles", batch_rows: int | None = None) -> int:
    """Write `table` of every stored article to `destination`; returns the number of rows.

    Parquet rows are written `batch_rows` at a time (default: 100 articles rows, else 1,000).
    """
    fmt = export_format(destination)
    name = table_name(table)
    articles = store.iter_articles()
    if fmt == "jsonl" and name == "articles":
        return _write_jsonl(destination, (article.to_dict() for article in articles))
    rows = (row for article in articles for row in table_rows(name, article))
    if fmt == "jsonl":
        return _write_jsonl(destination, rows)
    if fmt == "csv":
        return _write_csv(destination, rows, tuple(SCHEMAS[name].names))
    if batch_rows is None:
        batch_rows = ARTICLE_BATCH_ROWS if name == "articles" else BATCH_ROWS
    return _write_parquet(destination, rows, name, batch_rows=batch_rows)


def _write_jsonl(destination: Path, records: Iterable[dict[str, Any]]) -> int:
    count = 0
    with destination.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def csv_value(value: Any) -> Any:
    """A cell of a CSV export: lists and structs as JSON, everything else as it is."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(destination: Path, rows: Iterator[Row], columns: tuple[str, ...]) -> int:
    count = 0
    with destination.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({name: csv_value(value) for name, value in row.items()})
            count += 1
    return count


def _write_parquet(destination: Path, rows: Iterator[Row], table: str, *, batch_rows: int) -> int:
    """Write in batches, so that a large store never sits in memory as one table."""
    import pyarrow.parquet as pq  # heavy; only needed here

    count = 0
    with pq.ParquetWriter(destination, SCHEMAS[table]) as writer:
        for batch in _batches(rows, batch_rows):
            writer.write_table(to_arrow(table, batch))
            count += len(batch)
    return count


def _batches(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
