"""CPU seconds per stage of the default pipeline on the 10kGNAD test articles, one process.

Cold process (empty memo caches), models loaded before timing; prints articles per
CPU-second and words/s per stage. The machine is shared, so CPU time (not wall time) is
what is compared. Run: `python benchmarks/stage_cpu.py [--limit 200] [--skip quotes]`.
"""

from __future__ import annotations

import argparse
import time

from chronik.model import Article
from chronik.pipeline import DEFAULT_STAGES, create_stage
from nlp_speed import read_articles
from ud import shared_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=200, help="only the first N articles")
    parser.add_argument("--skip", default="", help="comma-separated stages to leave out")
    options = parser.parse_args()
    path = shared_dir() / "data" / "10kgnad" / "test.csv"
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    skipped = set(filter(None, options.skip.split(",")))
    stages = [create_stage(name) for name in DEFAULT_STAGES if name not in skipped]
    warm = Article(id="load", text="Die Ministerin sagte am Montag in Berlin, sie sei zufrieden.")
    for stage in stages:
        warm = stage(warm)
    articles = list(read_articles(path, limit=options.limit))
    words = sum(len(article.text.split()) for article in articles)
    cpu = {stage.name: 0.0 for stage in stages}
    for article in articles:
        for stage in stages:
            started = time.process_time()
            article = stage(article)
            cpu[stage.name] += time.process_time() - started
    total = sum(cpu.values())
    print(f"{len(articles)} articles, {words:,} words")
    for name, seconds in cpu.items():
        print(f"  {name:<10} {seconds:7.2f} s CPU  {words / seconds:>10,.0f} words/s")
    print(f"  {'all':<10} {total:7.2f} s CPU  {len(articles) / total:.1f} articles per CPU-second")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
