"""Tests for chronik.load: Parquet tables of a batch run into a store."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from chronik.errors import ChronikError
from chronik.ingest import ingest
from chronik.load import iter_articles, load_parquet
from chronik.pipeline import build_pipeline
from chronik.spark import run_local_job
from tests.fakes import MemoryStore
from tests.scale_support import FIXTURE, FIXTURE_ARTICLES, FIXTURE_REJECTIONS, available_stages


@pytest.fixture(scope="module")
def stages() -> list[str]:
    names = available_stages()
    if not names:
        pytest.skip("no pipeline stage can be built here")
    return names


@pytest.fixture(scope="module")
def batch_output(tmp_path_factory: pytest.TempPathFactory, stages: list[str]) -> Path:
    output = tmp_path_factory.mktemp("batch")
    run_local_job([str(FIXTURE)], str(output), stages=stages)
    return output


def _without_tokens(store: MemoryStore) -> dict[str, dict[str, Any]]:
    return {article_id: {**data, "tokens": []} for article_id, data in store.articles.items()}


def test_load_parquet_equals_single_process_ingest(batch_output: Path, stages: list[str]) -> None:
    ingested, loaded = MemoryStore(), MemoryStore()
    expected = ingest([str(FIXTURE)], ingested, build_pipeline(stages))
    report = load_parquet(batch_output, loaded)
    assert _without_tokens(loaded) == _without_tokens(ingested)
    assert sorted(map(str, loaded.rejected)) == sorted(map(str, ingested.rejected))
    assert (report.ingested, report.duplicate, report.rejected) == (
        expected.ingested,
        expected.duplicate,
        expected.rejected,
    )
    assert (report.ingested, report.rejected) == (FIXTURE_ARTICLES, FIXTURE_REJECTIONS)


def test_load_parquet_twice_stores_nothing_new(batch_output: Path) -> None:
    store = MemoryStore()
    load_parquet(batch_output, store)
    again = load_parquet(batch_output, store)
    assert (again.ingested, again.duplicate) == (0, FIXTURE_ARTICLES)
    assert len(store.articles) == FIXTURE_ARTICLES


def test_load_parquet_reports_progress_per_article(batch_output: Path) -> None:
    seen: list[int] = []
    load_parquet(batch_output, MemoryStore(), batch_rows=3, on_progress=lambda report: seen.append(report.seen))
    assert seen == list(range(1, FIXTURE_ARTICLES + 1))


def test_iter_articles_streams_in_small_batches(batch_output: Path) -> None:
    articles = list(iter_articles(batch_output, batch_rows=2))
    assert len(articles) == FIXTURE_ARTICLES
    assert all(article.text[p.start : p.end] == p.text for article in articles for p in article.paragraphs)


def test_load_parquet_without_rejections_table(batch_output: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(batch_output, copy)
    shutil.rmtree(copy / "rejections")
    report = load_parquet(copy, MemoryStore())
    assert (report.ingested, report.rejected) == (FIXTURE_ARTICLES, 0)


def test_load_parquet_rejects_a_folder_that_is_not_batch_output(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as caught:
        load_parquet(tmp_path, MemoryStore())
    assert caught.value.code == "E072"


def test_load_parquet_rejects_an_articles_table_with_missing_columns(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    pq.write_table(pa.table({"text": ["Hallo"]}), tmp_path / "articles" / "part-00000.parquet")
    with pytest.raises(ChronikError) as caught:
        load_parquet(tmp_path, MemoryStore())
    assert caught.value.code == "E072"
    assert "document" in caught.value.problem


def test_load_parquet_into_sqlite_matches_ingest(batch_output: Path, stages: list[str], tmp_path: Path) -> None:
    from chronik.store import open_store

    with open_store(str(tmp_path / "ingested.db")) as ingested, open_store(str(tmp_path / "loaded.db")) as loaded:
        ingest([str(FIXTURE)], ingested, build_pipeline(stages))
        load_parquet(batch_output, loaded)
        assert loaded.counts() == ingested.counts()
        for article in ingested.iter_articles():
            assert loaded.get_article(article.id) == article


def test_cli_load_prints_tally_and_fills_the_store(batch_output: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from chronik.cli import app
    from chronik.store import open_store

    database = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["load", str(batch_output), "--db", str(database)])
    assert result.exit_code == 0, result.output
    assert "ingested" in result.output
    with open_store(str(database)) as store:
        assert store.counts()["articles"] == FIXTURE_ARTICLES


def test_cli_load_of_a_wrong_folder_fails_with_e072(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from chronik.cli import app

    result = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "E072" in result.output


def test_cli_spark_refuses_a_used_output_folder_before_starting_spark(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from chronik.cli import app

    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["spark", "--input", str(FIXTURE), "--output", str(tmp_path)])
    assert result.exit_code == 2
    assert "E070" in result.output
