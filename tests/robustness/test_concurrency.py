"""Two ingests of the same files at once store each article once; readers meanwhile see
only whole articles and counts that never go back."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronik.store import open_store
from tests.robustness.spans import check_article_spans
from tests.robustness.test_crash_safety import write_articles

COUNT = 300


def _start_ingest(source: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from chronik.cli import main; main()", "ingest", str(source)]
    command += ["--db", str(db), "-q", "--stages", "none"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


@pytest.mark.slow
def test_two_ingests_of_the_same_file_at_once_store_no_duplicates(tmp_path: Path) -> None:
    source = tmp_path / "gleich.jsonl"
    db = tmp_path / "parallel.db"
    write_articles(source, count=COUNT)
    open_store(str(db)).close()  # create the schema once, so both writers start from the same file
    first, second = _start_ingest(source, db), _start_ingest(source, db)
    seen: list[int] = []
    with open_store(str(db)) as reader:
        while first.poll() is None or second.poll() is None:
            counts = reader.counts()
            seen.append(counts["articles"])
            page = reader.search_articles("Ministerin", limit=5)
            for item in page.items:
                article = reader.get_article(str(item["id"]))
                assert article is not None and article.text.startswith("Meldung ")
                check_article_spans(article)
            time.sleep(0.05)
    assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
    assert seen == sorted(seen), "a reader saw the article count go down"
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == COUNT
        assert connection.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == COUNT
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_threads_adding_the_same_article_store_it_once(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from chronik.readers.article import make_article

    db = str(tmp_path / "threads.db")
    open_store(db).close()
    article = make_article("Der Rat von Beispielstadt tagte am Montag.", source="x")

    def add(_: int) -> str:
        with open_store(db) as store:
            return store.add_article(make_article(article.text, source="x")).status

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(add, range(8)))
    assert statuses.count("ingested") == 1 and statuses.count("duplicate") == 7
