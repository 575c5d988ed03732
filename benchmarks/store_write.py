"""Write speed of the store: `add_article` articles/s and CPU ms per article, SQLite and PostgreSQL.

Inputs (both optional):
1. real analysed news: a pickle of analysed `Article`s (--articles), made once with
   `--analyse N` from the 10kGNAD test split in ../shared (full default pipeline);
2. synthetic 50-event articles (`api_latency.SyntheticArticles`, --synthetic N).

Each input is written into a fresh store (SQLite file in a temp dir; PostgreSQL in a fresh
schema when --pg-url or CHRONIK_TEST_PG_URL is set). --profile prints a cProfile breakdown
of the SQLite run.

    nice -n 10 python benchmarks/store_write.py --analyse 200 --articles /tmp/gnad200.pkl
    nice -n 10 python benchmarks/store_write.py --articles /tmp/gnad200.pkl --synthetic 200
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from chronik.model import Article
from chronik.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CHRONIK_SHARED", REPO / ".." / "shared"))


def analyse(count: int, target: Path) -> None:
    """Analyse the first `count` 10kGNAD test articles with the full pipeline and pickle them."""
    from chronik.api import read_path
    from chronik.pipeline import build_pipeline

    source = SHARED / "data" / "10kgnad" / "test.csv"
    if not source.exists():
        sys.exit(f"skipped: {source} not found (set CHRONIK_SHARED)")
    pipeline = build_pipeline()
    articles: list[Article] = []
    for item in read_path(source):
        if isinstance(item, Article):
            articles.append(pipeline(item))
        if len(articles) >= count:
            break
    target.write_bytes(pickle.dumps(articles))


def synthetic(count: int) -> list[Article]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from api_latency import SyntheticArticles

    maker = SyntheticArticles()
    return [maker.article(number) for number in range(count)]


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def write_all(url: str, articles: list[Article], *, profile: bool) -> dict[str, float]:
    """Write every article into the store at `url`; wall and CPU time per article."""
    store = open_store(url)
    profiler = cProfile.Profile(time.process_time) if profile else None  # CPU time
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    for article in articles:
        store.add_article(article)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    store.close()
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    return {"articles/s": len(articles) / wall, "wall ms/article": 1000 * wall / len(articles),
            "cpu ms/article": 1000 * cpu / len(articles)}  # fmt: skip


def describe(articles: list[Article]) -> str:
    n = len(articles)

    def mean(key: str) -> float:
        return sum(len(getattr(a, key)) for a in articles) / n

    words = sum(len(a.text.split()) for a in articles) / n
    return (f"{n} articles: {words:.0f} words, {mean('mentions'):.1f} mentions, {mean('entities'):.1f} entities,"
            f" {mean('quotes'):.1f} quotes, {mean('events'):.1f} events per article")  # fmt: skip


def run(name: str, articles: list[Article], args: argparse.Namespace) -> None:
    print(f"## {name}: {describe(articles)}")
    for _ in range(args.repeat):  # the machine is shared: compare the best of several runs
        with tempfile.TemporaryDirectory() as tmp:
            result = write_all(str(Path(tmp) / "bench.db"), articles, profile=args.profile)
            print("sqlite     " + "  ".join(f"{k} {v:.1f}" for k, v in result.items()))
    for _ in range(args.repeat if args.pg_url else 0):
        with pg_schema(args.pg_url) as url:
            result = write_all(url, articles, profile=False)
        print("postgresql " + "  ".join(f"{k} {v:.1f}" for k, v in result.items()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, help="pickle of analysed articles (made by --analyse)")
    parser.add_argument("--analyse", type=int, default=0, help="first analyse this many 10kGNAD articles")
    parser.add_argument("--synthetic", type=int, default=0, help="also write this many synthetic 50-event articles")
    parser.add_argument("--pg-url", default=os.environ.get("CHRONIK_TEST_PG_URL", ""))
    parser.add_argument("--repeat", type=int, default=1, help="write each input this many times (fresh stores)")
    parser.add_argument("--profile", action="store_true", help="cProfile breakdown of the SQLite runs")
    args = parser.parse_args(argv)
    if args.analyse and args.articles:
        analyse(args.analyse, args.articles)
    if args.articles:
        if not args.articles.exists():
            sys.exit(f"skipped: {args.articles} not found (make it with --analyse)")
        loaded: Any = pickle.loads(args.articles.read_bytes())
        run("10kGNAD, analysed", list(loaded), args)
    if args.synthetic:
        run("synthetic", synthetic(args.synthetic), args)


if __name__ == "__main__":
    main()
