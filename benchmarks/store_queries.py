"""Latency of every store query method (p50/p95), called directly on the store, and ingest speed.

Stores (built once, reused from --workdir):
1. SQLite, 1,000 synthetic articles of 50 events each (50,000 events), all written by
   `add_article` (the ingest rate is reported);
2. SQLite, ~1 M events: those 1,000 articles multiplied by SQL (api_latency.replicate, the
   same store the API benchmark uses) — every index and aggregate table filled;
3. PostgreSQL, the 1,000 articles written by `add_article` (when --pg-url or
   CHRONIK_TEST_PG_URL is set; a fresh schema, dropped afterwards).

Target: p95 < 100 ms for every query.

    nice -n 10 python benchmarks/store_queries.py --queries 100
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chronik.store import Store, open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import SyntheticArticles, build_synthetic, percentile, sample_values

Query = Callable[[Store, random.Random], object]


def queries(values: dict[str, list[str]]) -> dict[str, Query]:
    """One call per store method, drawing realistic parameters from the store's own content."""

    def pick(key: str, rng: random.Random) -> str:
        return rng.choice(values[key])

    def month(rng: random.Random) -> str:
        return pick("days", rng)[:7]

    return {
        "search_articles(q)": lambda s, r: s.search_articles(pick("words", r)),
        "search_articles(q, offset=100)": lambda s, r: s.search_articles(pick("words", r), offset=100),
        "get_article(id)": lambda s, r: s.get_article(pick("article_ids", r)),
        "search_quotes(speaker)": lambda s, r: s.search_quotes(speaker=pick("names", r)),
        "search_quotes(text, month)": lambda s, r: s.search_quotes(text=pick("words", r), date_from=month(r)),
        "search_quotes()": lambda s, r: s.search_quotes(),
        "find_events(type, date_from)": lambda s, r: s.find_events(type=pick("types", r), date_from=month(r)),
        "find_events(actor id)": lambda s, r: s.find_events(actor=pick("entity_ids", r)),
        "find_events(actor name, type)": lambda s, r: s.find_events(actor=pick("names", r), type=pick("types", r)),
        "find_events(target name)": lambda s, r: s.find_events(target=pick("names", r)),
        "find_events(place, modality)": lambda s, r: s.find_events(place=pick("places", r), modality="asserted"),
        "find_events(offset=5000)": lambda s, r: s.find_events(offset=5000),
        "find_entities(prefix)": lambda s, r: s.find_entities(name=pick("names", r)[:3]),
        "entity_profile(id)": lambda s, r: s.entity_profile(pick("entity_ids", r)),
        "timeline(day)": lambda s, r: s.timeline(),
        "timeline(week, type)": lambda s, r: s.timeline(granularity="week", type=pick("types", r)),
        "timeline(entity)": lambda s, r: s.timeline(entity=pick("entity_ids", r)),
        "network()": lambda s, r: s.network(),
        "network(type, month)": lambda s, r: s.network(types=[pick("types", r)], date_from=month(r)),
        "counts()": lambda s, r: s.counts(),
    }


def measure(store: Store, *, count: int) -> list[dict[str, Any]]:
    rng = random.Random(5)
    rows = []
    for name, query in queries(sample_values(store)).items():
        for _ in range(3):  # warm the page cache
            query(store, rng)
        timings = []
        for _ in range(count):
            started = time.perf_counter()
            query(store, rng)
            timings.append((time.perf_counter() - started) * 1000)
        rows.append(
            {"query": name, "p50": statistics.median(timings), "p95": percentile(timings, 0.95), "max": max(timings)}
        )
    return rows


def print_table(label: str, store: Store, rows: list[dict[str, Any]]) -> None:
    counts = store.counts()
    print(f"\n## {label}: {counts['articles']:,} articles, {counts['events']:,} events, {counts['quotes']:,} quotes\n")
    print("| query | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|")
    for row in rows:
        flag = "" if row["p95"] < 100 else " ⚠"
        print(f"| {row['query']} | {row['p50']:.2f} | {row['p95']:.2f}{flag} | {row['max']:.1f} |", flush=True)


def fill(store: Store, *, articles: int) -> float:
    """Write the synthetic articles with `add_article`; returns articles per second."""
    generator = SyntheticArticles()
    started = time.perf_counter()
    for number in range(articles):
        generator.rng.seed(number)
        store.add_article(generator.article(number))
    return articles / (time.perf_counter() - started)


def run_postgres(url: str, *, articles: int, count: int) -> None:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        with open_store(f"{url}{separator}options=-csearch_path%3D{schema}") as store:
            rate = fill(store, articles=articles)
            print(f"\nPostgreSQL ingest: {rate:.1f} articles/s ({rate * 50:.0f} events/s) via add_article")
            print_table("PostgreSQL (add_article)", store, measure(store, count=count))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/chronik-store-bench"))
    parser.add_argument("--articles", type=int, default=1000, help="articles written by add_article")
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the large store")
    parser.add_argument("--queries", type=int, default=100, help="calls per query method")
    parser.add_argument("--pg-url", default=os.environ.get("CHRONIK_TEST_PG_URL", ""))
    options = parser.parse_args()
    options.workdir.mkdir(parents=True, exist_ok=True)
    small_path = options.workdir / f"store-{options.articles}.db"
    if not small_path.exists():
        with open_store(str(small_path)) as store:
            rate = fill(store, articles=options.articles)
        print(f"SQLite ingest: {rate:.1f} articles/s ({rate * 50:.0f} events/s) via add_article")
    with open_store(str(small_path)) as store:
        print_table("SQLite (add_article)", store, measure(store, count=options.queries))
    large = build_synthetic(
        options.workdir / f"api-synthetic-{options.events}.db", events=options.events, seed_articles=options.articles
    )
    print_table("SQLite (replicated by SQL)", large, measure(large, count=options.queries))
    large.close()
    if options.pg_url:
        run_postgres(options.pg_url, articles=options.articles, count=options.queries)


if __name__ == "__main__":
    main()
