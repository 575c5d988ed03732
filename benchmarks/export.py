"""Export speed and memory: every table of a store in every format (`chronik export`).

Builds a SQLite store of `--articles` analysed articles (the 10 articles of
tests/fixtures/scale_articles.jsonl, analysed once with every stage that can be built,
then stored again and again with a numbered sentence appended so each copy is new),
then exports each table as Parquet, CSV and JSON Lines and reports rows, seconds, rows/s
and the peak of Python allocations (tracemalloc) during the export.

    nice -n 10 python benchmarks/export.py --articles 2000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.scale_support import FIXTURE, available_stages

from chronik.export import TABLES, export_table
from chronik.model import Article
from chronik.pipeline import build_pipeline
from chronik.readers import read_path
from chronik.store import open_store


def analysed_fixture() -> list[Article]:
    pipeline = build_pipeline(available_stages())
    return [pipeline(result) for result in read_path(str(FIXTURE)) if isinstance(result, Article)]


def fill_store(db: Path, count: int) -> None:
    originals = analysed_fixture()
    with open_store(str(db)) as store:
        for number in range(count):
            data = originals[number % len(originals)].to_dict()
            data["text"] += f"\n\nKopie {number}."
            data["id"] = f"copy-{number}"
            store.add_article(Article.from_dict(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder, "bench.db")
        fill_store(db, args.articles)
        print(f"{args.articles} articles; table format rows seconds rows/s peak_MiB")
        with open_store(str(db)) as store:
            for table in TABLES:
                for suffix in (".parquet", ".csv", ".jsonl"):
                    tracemalloc.start()
                    started = time.perf_counter()
                    rows = export_table(store, Path(folder, f"{table}{suffix}"), table=table)
                    seconds = time.perf_counter() - started
                    peak = tracemalloc.get_traced_memory()[1] / 2**20
                    tracemalloc.stop()
                    print(f"{table} {suffix[1:]} {rows} {seconds:.2f} {rows / seconds:,.0f} {peak:.1f}")


if __name__ == "__main__":
    main()
