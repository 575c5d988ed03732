"""SIGKILL in the middle of an ingest into PostgreSQL: nothing half-stored, a re-run fills the gap.

The same scenario as `test_crash_safety.py`, against a real server (CHRONIK_TEST_PG_URL; CI
starts one with .ci/postgres.sh). The articles go into a fresh schema that is dropped after.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from chronik.ingest import ingest
from chronik.pipeline import build_pipeline
from chronik.store import open_store
from tests.robustness.test_crash_safety import STAGES, TOTAL, write_articles

PG_URL = os.environ.get("CHRONIK_TEST_PG_URL", "")

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def schema_url() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("PostgreSQL: set CHRONIK_TEST_PG_URL (CI does, via .ci/postgres.sh)")
    psycopg = pytest.importorskip("psycopg")
    schema = f"crash_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


def _scalar(url: str, sql: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=2) as connection:
            row = connection.execute(sql).fetchone()
            return int(row[0]) if row else 0
    except psycopg.Error:
        return 0  # the schema's tables do not exist yet


def _kill_midway(source: Path, url: str, *, at_least: int) -> int:
    command = [sys.executable, "-c", "from chronik.cli import main; main()", "ingest", str(source)]
    command += ["--db", url, "-q", "--stages", ",".join(STAGES)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 240
    try:
        while _scalar(url, "SELECT count(*) FROM articles") < at_least:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    return _scalar(url, "SELECT count(*) FROM articles")


def _check_consistent(url: str) -> None:
    articles = _scalar(url, "SELECT count(*) FROM articles")
    for table in ("article_search", "article_minhash"):
        assert _scalar(url, f"SELECT count(*) FROM {table}") == articles, table
    assert _scalar(url, "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)") == 0
    with open_store(url) as store:
        for article in store.iter_articles():
            assert article.stages == STAGES
            assert article.times and article.places, article.id  # every stored article has its layers


def test_sigkill_midway_into_postgres_leaves_whole_articles_and_rerun_fills_the_gap(
    tmp_path: Path, schema_url: str
) -> None:
    source = tmp_path / "tausend.jsonl"
    write_articles(source)
    survived = _kill_midway(source, schema_url, at_least=40)
    assert 0 < survived < TOTAL, "the ingest was not killed midway"
    _check_consistent(schema_url)
    with open_store(schema_url) as store:
        report = ingest([source], store, build_pipeline(STAGES))
        assert (report.ingested, report.duplicate, report.rejected) == (TOTAL - survived, survived, 0)
        assert store.counts()["articles"] == TOTAL
    repeated = "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash HAVING count(*) > 1) d"
    assert _scalar(schema_url, repeated) == 0
    _check_consistent(schema_url)
