"""The Spark batch job: the same pipeline over many inputs, Parquet tables out.

The driver expands the inputs and plans record-aligned units of work (`chronik.splits`);
each Spark partition builds the pipeline once from stage names and configuration (so
nothing unpicklable travels), reads its units with chronik's readers, analyses every
article and writes its own part file of each table (`chronik.tables`) with pyarrow:
``<output>/<table>/part-<partition>.parquet``. File names depend only on the partition,
so a retried task overwrites its own output. The driver writes ``_chronik.json`` (counts,
stage timings) and ``_SUCCESS`` last.

pyspark is an optional extra (``pip install chronik[spark]``) and is imported only in
`run_spark_job`. Inputs and output must be visible to the driver and every executor
(local disk in local mode, a shared filesystem on a cluster). With ``spark-submit``::

    spark-submit --master 'local[4]' "$(python -c 'import chronik.spark as m; print(m.__file__)')" \\
        --input 'corpus/*.jsonl' --output out/
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from chronik import __version__
from chronik.errors import ChronikError, PipelineError
from chronik.ingest import expand_paths
from chronik.model import Article
from chronik.pipeline import DEFAULT_STAGES, Pipeline, build_pipeline
from chronik.readers import ReaderOptions, Rejection
from chronik.splits import InputUnit, plan_units, read_unit
from chronik.tables import SCHEMAS, TABLES, Row, article_rows, rejection_row, to_arrow

MANIFEST = "_chronik.json"
ROWS_PER_FLUSH = 2000  # rows of one table buffered before a row group is written
MIN_CHUNK_BYTES = 256 * 1024
MAX_CHUNK_BYTES = 64 * 1024 * 1024
UNITS_PER_CORE = 4


@dataclass(frozen=True, slots=True)
class JobConfig:
    """Everything a partition needs: plain data only, so it pickles to every executor."""

    output: str
    stages: tuple[str, ...] = DEFAULT_STAGES
    stage_config: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    reader_options: ReaderOptions = field(default_factory=ReaderOptions)
    include_tokens: bool = False


@dataclass(slots=True)
class PartitionReport:
    """What one partition did: rows written per table, time per stage."""

    partition: int
    rows: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(slots=True)
class JobReport:
    """The whole job: summed rows per table, time per stage, wall-clock seconds."""

    output: str
    rows: dict[str, int]
    timings: dict[str, float]
    seconds: float
    partitions: int
    units: int
    files: int
    master: str | None
    stages: list[str]
    analysis_seconds: float = 0.0  # the distributed part alone (no Spark start/stop)

    def to_dict(self) -> dict[str, Any]:
        return {"chronik_version": __version__, **asdict(self)}


class PartWriter:
    """One partition's part file of every table, written row group by row group."""

    def __init__(self, output: str, partition: int) -> None:
        self._final = {table: Path(output, table, f"part-{partition:05d}.parquet") for table in TABLES}
        # Hidden names (leading dot) are skipped by Parquet dataset readers if a task dies midway.
        self._temporary = {
            table: path.with_name(f".{path.name}.{os.getpid()}.tmp") for table, path in self._final.items()
        }
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._buffers: dict[str, list[Row]] = {table: [] for table in TABLES}
        self.rows: dict[str, int] = dict.fromkeys(TABLES, 0)
        for table, path in self._temporary.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writers[table] = pq.ParquetWriter(path, SCHEMAS[table], compression="zstd")

    def add(self, table: str, row: Row) -> None:
        buffer = self._buffers[table]
        buffer.append(row)
        self.rows[table] += 1
        if len(buffer) >= ROWS_PER_FLUSH:
            self._flush(table)

    def _flush(self, table: str) -> None:
        if self._buffers[table]:
            self._writers[table].write_table(to_arrow(table, self._buffers[table]))
            self._buffers[table] = []

    def close(self) -> None:
        """Flush, close and move every part file into place (an atomic rename each)."""
        for table, writer in self._writers.items():
            self._flush(table)
            writer.close()
            os.replace(self._temporary[table], self._final[table])


def analyse_units(units: Iterable[InputUnit], job: JobConfig, writer: PartWriter) -> dict[str, float]:
    """Read, analyse and write every article of `units`; returns the time per stage."""
    pipeline = build_pipeline(job.stages, config=job.stage_config)
    for unit in units:
        for result in read_unit(unit, job.reader_options):
            if isinstance(result, Rejection):
                writer.add("rejections", _rejection_row(result))
                continue
            for table, row in _analysed_rows(result, pipeline, include_tokens=job.include_tokens):
                writer.add(table, row)
    return dict(pipeline.timings)


def _analysed_rows(article: Article, pipeline: Pipeline, *, include_tokens: bool) -> Iterator[tuple[str, Row]]:
    try:
        analysed = pipeline(article)
    except PipelineError as exc:  # the same rejection that single-process ingest records
        rejection = Rejection(f"{article.source} ({article.id})", exc.code, exc.problem)
        yield "rejections", _rejection_row(rejection)
        return
    yield from article_rows(analysed, include_tokens=include_tokens)


def _rejection_row(rejection: Rejection) -> Row:
    return rejection_row(source=rejection.source, code=rejection.code, problem=rejection.problem, line=rejection.line)


def make_job(
    output: str,
    stages: Sequence[str] | None,
    stage_config: Mapping[str, Mapping[str, Any]] | None,
    *,
    reader_options: ReaderOptions | None,
    include_tokens: bool,
) -> JobConfig:
    return JobConfig(
        output=str(Path(output).resolve()),
        stages=tuple(DEFAULT_STAGES if stages is None else stages),
        stage_config={name: dict(values) for name, values in (stage_config or {}).items()},
        reader_options=reader_options or ReaderOptions(),
        include_tokens=include_tokens,
    )


def process_partition(partition: int, units: Iterable[InputUnit], job: JobConfig) -> Iterator[PartitionReport]:
    """The body of one Spark task (`mapPartitionsWithIndex`): one report out."""
    started = time.perf_counter()
    writer = PartWriter(job.output, partition)
    timings = analyse_units(units, job, writer)
    writer.close()
    yield PartitionReport(partition, dict(writer.rows), timings, time.perf_counter() - started)


def prepare_output(output: str, *, overwrite: bool) -> None:
    """Create the output folder; refuse (E070) to mix with an earlier run unless asked to."""
    path = Path(output)
    if path.exists() and any(path.iterdir()):
        if not overwrite:
            raise ChronikError("E070", output, "output folder is not empty (use --overwrite to replace it)")
        for name in (*TABLES, MANIFEST, "_SUCCESS"):
            target = path / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    path.mkdir(parents=True, exist_ok=True)


def plan_job(
    inputs: Sequence[str], *, parallelism: int, chunk_bytes: int | None, options: ReaderOptions
) -> tuple[list[str], list[InputUnit], list[Rejection]]:
    """Files, units of work and the inputs that do not exist (as rejections)."""
    files: list[str] = []
    missing: list[Rejection] = []
    for item in expand_paths(inputs):
        (missing if isinstance(item, Rejection) else files).append(item)  # type: ignore[arg-type]
    if chunk_bytes is None:
        total = sum(os.path.getsize(path) for path in files)
        chunk_bytes = min(max(total // max(parallelism * UNITS_PER_CORE, 1), MIN_CHUNK_BYTES), MAX_CHUNK_BYTES)
    return files, plan_units(files, chunk_bytes=chunk_bytes, options=options), missing


def _write_missing(output: str, missing: list[Rejection]) -> dict[str, int]:
    """Inputs that were not found go into a part file of their own (the driver's)."""
    if not missing:
        return {}
    path = Path(output, "rejections", "part-driver.parquet")
    pq.write_table(to_arrow("rejections", [_rejection_row(rejection) for rejection in missing]), path)
    return {"rejections": len(missing)}


def _sum_reports(
    reports: Iterable[PartitionReport], extra: Mapping[str, int]
) -> tuple[dict[str, int], dict[str, float]]:
    rows: dict[str, int] = dict.fromkeys(TABLES, 0)
    timings: dict[str, float] = {}
    for report in reports:
        for table, count in report.rows.items():
            rows[table] += count
        for stage, seconds in report.timings.items():
            timings[stage] = timings.get(stage, 0.0) + seconds
    for table, count in extra.items():
        rows[table] += count
    return rows, timings


def _finish(report: JobReport) -> JobReport:
    Path(report.output, MANIFEST).write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    Path(report.output, "_SUCCESS").write_text("", encoding="utf-8")
    return report


def run_spark_job(
    inputs: Sequence[str],
    output: str,
    *,
    master: str | None = "local[*]",
    stages: Sequence[str] | None = None,
    stage_config: Mapping[str, Mapping[str, Any]] | None = None,
    reader_options: ReaderOptions | None = None,
    chunk_bytes: int | None = None,
    include_tokens: bool = False,
    overwrite: bool = False,
    spark_conf: Mapping[str, str] | None = None,
) -> JobReport:
    """Analyse every input on Spark and write the Parquet tables to `output`.

    `master=None` keeps whatever `spark-submit` set. Raises E070 for a non-empty output
    folder (unless `overwrite`) and E071 when pyspark or Java is missing.
    """
    started = time.perf_counter()
    prepare_output(output, overwrite=overwrite)
    job = make_job(output, stages, stage_config, reader_options=reader_options, include_tokens=include_tokens)
    build_pipeline(job.stages, config=job.stage_config)  # fail fast on the driver (E020/E021)
    session = _spark_session(master, spark_conf or {})
    try:
        context = session.sparkContext
        files, units, missing = plan_job(
            inputs, parallelism=context.defaultParallelism, chunk_bytes=chunk_bytes, options=job.reader_options
        )
        partitions = max(len(units), 1)
        analysis_started = time.perf_counter()
        reports = (
            context.parallelize(units, partitions)
            .mapPartitionsWithIndex(lambda index, part: process_partition(index, part, job))
            .collect()
        )
        analysis_seconds = time.perf_counter() - analysis_started
    finally:
        session.stop()
    rows, timings = _sum_reports(reports, _write_missing(job.output, missing))
    report = JobReport(
        job.output,
        rows,
        timings,
        time.perf_counter() - started,
        partitions,
        len(units),
        len(files),
        master,
        list(job.stages),
        analysis_seconds,
    )
    return _finish(report)


def _spark_session(master: str | None, conf: Mapping[str, str]) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ChronikError("E071", "pyspark", "pyspark is not installed: pip install 'chronik[spark]'") from None
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise ChronikError("E071", "java", "no Java runtime found: install one (Debian: default-jre-headless)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors use the driver's environment
    builder = SparkSession.builder.appName("chronik").config("spark.ui.showConsoleProgress", "false")
    if master is not None:
        builder = builder.master(master)
    for key, value in conf.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def run_local_job(
    inputs: Sequence[str],
    output: str,
    *,
    stages: Sequence[str] | None = None,
    stage_config: Mapping[str, Mapping[str, Any]] | None = None,
    reader_options: ReaderOptions | None = None,
    include_tokens: bool = False,
    overwrite: bool = False,
) -> JobReport:
    """The same job in this process, without Spark: one partition, the same tables."""
    started = time.perf_counter()
    prepare_output(output, overwrite=overwrite)
    job = make_job(output, stages, stage_config, reader_options=reader_options, include_tokens=include_tokens)
    files, units, missing = plan_job(inputs, parallelism=1, chunk_bytes=MAX_CHUNK_BYTES, options=job.reader_options)
    analysis_started = time.perf_counter()
    reports = list(process_partition(0, units, job))
    analysis_seconds = time.perf_counter() - analysis_started
    rows, timings = _sum_reports(reports, _write_missing(job.output, missing))
    seconds = time.perf_counter() - started
    report = JobReport(
        job.output, rows, timings, seconds, 1, len(units), len(files), None, list(job.stages), analysis_seconds
    )
    return _finish(report)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for `spark-submit chronik/spark.py` and `python -m chronik.spark`."""
    parser = argparse.ArgumentParser(prog="chronik-spark", description="Analyse articles on Spark; write Parquet.")
    parser.add_argument("--input", "-i", action="append", required=True, help="file, folder or glob (repeatable)")
    parser.add_argument("--output", "-o", required=True, help="folder for the Parquet tables")
    parser.add_argument("--master", default=None, help="Spark master (default: as spark-submit set it, else local[*])")
    parser.add_argument("--stages", default=None, help="comma-separated stage names (default: all)")
    parser.add_argument("--chunk-bytes", type=int, default=None, help="split JSONL/CSV files into ranges this big")
    parser.add_argument("--with-tokens", action="store_true", help="keep tokens in articles.document")
    parser.add_argument("--overwrite", action="store_true", help="replace the tables of an earlier run")
    args = parser.parse_args(argv)
    stages = args.stages.split(",") if args.stages else None
    try:
        report = run_spark_job(
            args.input,
            args.output,
            master=args.master or _default_master(),
            stages=stages,
            chunk_bytes=args.chunk_bytes,
            include_tokens=args.with_tokens,
            overwrite=args.overwrite,
        )
    except ChronikError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    return 0


def _default_master() -> str | None:
    """Under spark-submit (which starts Python with a gateway port) the master is already set."""
    return None if "PYSPARK_GATEWAY_PORT" in os.environ else "local[*]"


if __name__ == "__main__":
    # Run the importable module's `main`, so that Spark pickles functions by reference.
    from chronik.spark import main as spark_main

    raise SystemExit(spark_main())
