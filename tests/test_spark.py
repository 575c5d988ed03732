"""Tests for chronik.spark: the batch job, in-process and on a local Spark with two cores."""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from chronik.errors import ChronikError
from chronik.pipeline import build_pipeline
from chronik.spark import MANIFEST, JobConfig, PartWriter, make_job, process_partition, run_local_job, run_spark_job
from chronik.splits import InputUnit, plan_units
from chronik.tables import SCHEMAS, TABLES
from tests.scale_support import (
    FIXTURE,
    FIXTURE_ARTICLES,
    FIXTURE_REJECTIONS,
    available_stages,
    differences,
    read_tables,
    single_process_rows,
)

REQUIRE_SPARK = os.environ.get("CHRONIK_REQUIRE_SPARK") == "1"
HAS_SPARK = importlib.util.find_spec("pyspark") is not None and (
    shutil.which("java") is not None or bool(os.environ.get("JAVA_HOME"))
)


@pytest.fixture(scope="module")
def stages() -> list[str]:
    names = available_stages()
    if not names:
        pytest.skip("no pipeline stage can be built here")
    return names


def _corpus(tmp_path: Path) -> list[str]:
    """The fixture twice: as one JSONL file and as one plain-text file per article."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "articles.jsonl")
    for number, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines()[:3], start=1):
        text = json.loads(line)["text"]
        (folder / f"plain-{number}.txt").write_text(text.replace("„", "«").replace("“", "»"), encoding="utf-8")
    return [str(folder / "articles.jsonl"), str(folder / "plain-*.txt")]


def _expanded(inputs: list[str]) -> list[str]:
    return [inputs[0], *sorted(str(path) for path in Path(inputs[0]).parent.glob("plain-*.txt"))]


def test_job_config_pickles_without_pipeline_objects(stages: list[str]) -> None:
    job = make_job("/tmp/out", stages, {"tokenizer": {}}, reader_options=None, include_tokens=False)
    assert pickle.loads(pickle.dumps(job)) == job
    assert isinstance(job, JobConfig) and job.stages == tuple(stages)


def test_run_local_job_matches_single_process_pipeline(tmp_path: Path, stages: list[str]) -> None:
    inputs = _corpus(tmp_path)
    report = run_local_job(inputs, str(tmp_path / "out"), stages=stages)
    expected = single_process_rows(_expanded(inputs), stages)
    assert differences(read_tables(tmp_path / "out"), expected) == []
    assert report.rows["articles"] == FIXTURE_ARTICLES + 3
    assert report.rows["rejections"] == FIXTURE_REJECTIONS
    assert set(report.timings) == set(stages)


def test_process_partition_writes_one_part_file_per_table(tmp_path: Path, stages: list[str]) -> None:
    job = make_job(str(tmp_path), stages, None, reader_options=None, include_tokens=False)
    (report,) = process_partition(7, [InputUnit(str(FIXTURE))], job)
    assert report.partition == 7
    for table in TABLES:
        part = pq.read_table(tmp_path / table / "part-00007.parquet")
        assert part.schema == SCHEMAS[table]
        assert part.num_rows == report.rows[table]
    assert not list(tmp_path.rglob(".*.tmp"))


def test_process_partition_of_split_units_equals_whole_file(tmp_path: Path, stages: list[str]) -> None:
    from chronik.readers import ReaderOptions

    units = plan_units([str(FIXTURE)], chunk_bytes=1500, options=ReaderOptions())
    assert len(units) > 3
    job = make_job(str(tmp_path), stages, None, reader_options=None, include_tokens=False)
    for index, unit in enumerate(units):
        list(process_partition(index, [unit], job))
    expected = single_process_rows([str(FIXTURE)], stages)
    assert differences(read_tables(tmp_path), expected) == []


def test_part_writer_flushes_in_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("chronik.spark.ROWS_PER_FLUSH", 2)
    writer = PartWriter(str(tmp_path), 0)
    for line in range(5):
        writer.add("rejections", {"source": f"x:{line}", "code": "E010", "problem": "bad", "line": line})
    writer.close()
    parquet = pq.ParquetFile(tmp_path / "rejections" / "part-00000.parquet")
    assert parquet.metadata.num_rows == 5
    assert parquet.metadata.num_row_groups == 3


def test_run_local_job_refuses_a_used_output_folder(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(ChronikError) as caught:
        run_local_job([str(FIXTURE)], str(tmp_path), stages=["tokenizer"])
    assert caught.value.code == "E070"


def test_run_local_job_overwrite_replaces_tables_only(tmp_path: Path, stages: list[str]) -> None:
    run_local_job([str(FIXTURE)], str(tmp_path), stages=stages)
    (tmp_path / "notes.txt").write_text("keep", encoding="utf-8")
    report = run_local_job([str(FIXTURE)], str(tmp_path), stages=stages, overwrite=True)
    assert pq.read_table(tmp_path / "articles").num_rows == report.rows["articles"] == FIXTURE_ARTICLES
    assert (tmp_path / "notes.txt").exists()
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["rows"]["rejections"] == FIXTURE_REJECTIONS
    assert (tmp_path / "_SUCCESS").exists()


def test_run_local_job_records_missing_inputs_as_rejections(tmp_path: Path) -> None:
    report = run_local_job([str(FIXTURE), str(tmp_path / "nope-*.jsonl")], str(tmp_path / "out"), stages=["tokenizer"])
    codes = [row["code"] for row in read_tables(tmp_path / "out")["rejections"]]
    assert codes.count("E001") == 1
    assert report.rows["rejections"] == FIXTURE_REJECTIONS + 1


def test_run_local_job_turns_a_failing_stage_into_a_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronik import pipeline

    class Exploding:
        name, requires, provides = "exploding", (), ()

        def __call__(self, article: object) -> object:
            raise ValueError("boom")

    monkeypatch.setitem(pipeline._REGISTRY, "exploding-test", lambda: Exploding())
    report = run_local_job([str(FIXTURE)], str(tmp_path), stages=["exploding-test"])
    assert report.rows["articles"] == 0
    rejections = read_tables(tmp_path)["rejections"]
    assert sum(row["code"] == "E022" for row in rejections) == FIXTURE_ARTICLES


def test_run_spark_job_rejects_unknown_stage_before_starting_spark(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as caught:
        run_spark_job([str(FIXTURE)], str(tmp_path), master="local[1]", stages=["no-such-stage"])
    assert caught.value.code == "E020"


@pytest.mark.slow
@pytest.mark.skipif(not HAS_SPARK and not REQUIRE_SPARK, reason="pyspark or Java missing (CHRONIK_REQUIRE_SPARK=1)")
def test_run_spark_job_local2_equals_single_process(tmp_path: Path, stages: list[str]) -> None:
    build_pipeline(stages)
    inputs = _corpus(tmp_path)
    report = run_spark_job(inputs, str(tmp_path / "out"), master="local[2]", stages=stages, chunk_bytes=2000)
    assert report.partitions > 2  # the JSONL file was split into record-aligned ranges
    expected = single_process_rows(_expanded(inputs), stages)
    assert differences(read_tables(tmp_path / "out"), expected) == []
    assert report.rows["articles"] == FIXTURE_ARTICLES + 3
    assert set(report.timings) == set(stages)
