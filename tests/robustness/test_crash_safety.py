"""SIGKILL in the middle of an ingest: the store stays intact and a re-run fills the gap.

`chronik ingest` runs in a subprocess on 1,000 generated articles with cheap stages; it is
killed once some articles are stored. Afterwards the SQLite file passes
`PRAGMA integrity_check`, every stored article has all its layers (its rows in the layer
tables, its full-text and MinHash entries, the same layers a fresh analysis gives), and a
second ingest stores exactly the missing articles.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronik.ingest import ingest
from chronik.pipeline import build_pipeline
from chronik.readers.article import make_article
from chronik.store import open_store
from tests.robustness.spans import check_article_spans

STAGES = ["times", "places", "events"]
TOTAL = 1000
CITIES = ["Bern", "Wien", "Berlin", "Zürich", "Graz", "Basel", "München", "Linz"]


def write_articles(path: Path, *, count: int = TOTAL, seed: int = 7) -> None:
    """`count` distinct short German articles (dates, places, meetings) as JSON Lines."""
    chooser = random.Random(seed)
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            city, other = chooser.sample(CITIES, 2)
            day = 1 + number % 28
            text = (
                f"Meldung {number}: Die Ministerin traf am {day}. März 2025 in {city} "
                f"ihren Amtskollegen aus {other}.\n\n"
                f"Beide vereinbarten, die Zusammenarbeit auszubauen. Am Freitag reist sie nach {other} weiter."
            )
            record = {"id": f"m-{number:04d}", "text": text, "date": f"2025-03-{day:02d}"}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _kill_midway(source: Path, db: Path, *, at_least: int) -> int:
    command = [
        sys.executable,
        "-c",
        "from chronik.cli import main; main()",
        "ingest",
        str(source),
        "--db",
        str(db),
        "-q",
    ]
    command += ["--stages", ",".join(STAGES)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 240
    try:
        while _stored_count(db) < at_least:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    return _stored_count(db)


def _check_consistent(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        for table in ("article_search", "article_minhash"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == articles, table
        dangling = "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
        assert connection.execute(dangling).fetchone()[0] == 0
    pipeline = build_pipeline(STAGES)
    with open_store(str(db)) as store:
        stored = list(store.iter_articles())
        for article in random.Random(1).sample(stored, min(40, len(stored))):
            assert article.stages == STAGES
            check_article_spans(article)
            fresh = pipeline(make_article(article.text, source="fresh"))
            for layer in ("times", "places", "events"):
                assert len(getattr(article, layer)) == len(getattr(fresh, layer)), (article.id, layer)


@pytest.mark.slow
def test_sigkill_midway_leaves_a_consistent_store_and_rerun_fills_the_gap(tmp_path: Path) -> None:
    source = tmp_path / "tausend.jsonl"
    db = tmp_path / "crash.db"
    write_articles(source)
    survived = _kill_midway(source, db, at_least=60)
    assert 0 < survived < TOTAL, "the ingest was not killed midway"
    _check_consistent(db)
    with open_store(str(db)) as store:
        report = ingest([source], store, build_pipeline(STAGES))
        assert (report.ingested, report.duplicate, report.rejected) == (TOTAL - survived, survived, 0)
        assert store.counts()["articles"] == TOTAL
    with sqlite3.connect(db) as connection:
        repeated = "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash HAVING count(*) > 1)"
        assert connection.execute(repeated).fetchone()[0] == 0
        assert connection.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == TOTAL
    _check_consistent(db)
