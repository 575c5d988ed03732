"""Shared helpers for the batch tests (Spark job, Parquet tables, load)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from chronik.errors import ChronikError
from chronik.pipeline import DEFAULT_STAGES, build_pipeline
from chronik.readers import Rejection, read_path
from chronik.tables import TABLES, article_rows, rejection_row

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "scale_articles.jsonl"
FIXTURE_ARTICLES = 10
FIXTURE_REJECTIONS = 2


def available_stages() -> list[str]:
    """The longest prefix of the default pipeline whose stages can be built here."""
    stages: list[str] = []
    for name in DEFAULT_STAGES:
        try:
            build_pipeline([*stages, name])
        except (ChronikError, OSError, ImportError):
            break
        stages.append(name)
    return stages


def single_process_rows(paths: Iterable[str], stages: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Table rows made the plain way: read each file whole, run the pipeline article by article."""
    pipeline = build_pipeline(stages)
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for path in paths:
        for result in read_path(path):
            if isinstance(result, Rejection):
                row = rejection_row(source=result.source, code=result.code, problem=result.problem, line=result.line)
                tables["rejections"].append(row)
                continue
            for table, article_row in article_rows(pipeline(result)):
                tables[table].append(article_row)
    return tables


def read_tables(directory: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Every table of a batch output folder as rows."""
    return {table: pq.read_table(Path(directory, table)).to_pylist() for table in TABLES}


def canonical(rows: list[dict[str, Any]]) -> list[str]:
    """Rows in an order-independent form, for comparing runs."""
    return sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows)


def differences(got: dict[str, list[dict[str, Any]]], expected: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Readable differences between two sets of tables (empty when equal), per article layer."""
    found: list[str] = []
    got_documents = {row["article_id"]: json.loads(row["document"]) for row in got["articles"]}
    for row in expected["articles"]:
        document = json.loads(row["document"])
        other = got_documents.get(row["article_id"])
        if other is None:
            found.append(f"article {row['article_id']} missing")
            continue
        found.extend(
            f"article {row['article_id']} {key}: expected {json.dumps(value, ensure_ascii=False)[:300]}, "
            f"got {json.dumps(other.get(key), ensure_ascii=False)[:300]}"
            for key, value in document.items()
            if other.get(key) != value
        )
    found.extend(f"table {table} differs" for table in TABLES if canonical(got[table]) != canonical(expected[table]))
    return found
