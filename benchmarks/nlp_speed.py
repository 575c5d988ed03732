"""Words per second of the NLP core (tokenizer + tagger + entities, and ner when present).

Reads the 10kGNAD test articles (`../shared/data/10kgnad/test.csv`: `;`-separated,
`'`-quoted, label;text), runs the stages one article at a time in this one process
(one core) and prints words/s per stage and overall. Words are whitespace-separated
pieces of the text. Times are CPU seconds of this process (the machine is shared).
The first pass starts with empty per-process caches (HanTa analyses); `--passes 2` also
shows the steady state of a long-running worker.
Run: `python benchmarks/nlp_speed.py [--limit N] [--no-ner] [--passes 2]`.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Iterator
from pathlib import Path

from chronik.model import Article
from chronik.pipeline import Stage, create_stage
from ud import shared_dir


def read_articles(path: Path, *, limit: int | None) -> Iterator[Article]:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if limit is not None and number >= limit:
                return
            if len(row) >= 2 and row[1].strip():
                yield Article(id=f"gnad-{number}", text=row[1])


def build_stages(*, with_ner: bool, unknown_words: str) -> list[Stage]:
    names = ["tokenizer", "tagger"] + (["ner"] if with_ner else []) + ["entities"]
    stages: list[Stage] = []
    for name in names:
        config = {"unknown_words": unknown_words} if name == "tagger" else {}
        try:
            stages.append(create_stage(name, **config))
        except Exception as error:  # another stage still being written must not stop the benchmark
            print(f"stage {name!r} not available, left out: {error}")
    return stages


def run_pass(articles: list[Article], stages: list[Stage]) -> dict[str, float]:
    """CPU seconds per stage for running all stages over all articles once."""
    timings = {stage.name: 0.0 for stage in stages}
    for article in articles:
        for stage in stages:
            started = time.process_time()
            article = stage(article)
            timings[stage.name] += time.process_time() - started
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--no-ner", action="store_true", help="leave the ner stage out")
    parser.add_argument("--unknown-words", default="analogy", choices=["analogy", "analyse"], help="tagger mode")
    parser.add_argument("--passes", type=int, default=1, help="run the corpus this many times (later passes: warm)")
    options = parser.parse_args()
    path = shared_dir() / "data" / "10kgnad" / "test.csv"
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    articles = list(read_articles(path, limit=options.limit))
    stages = build_stages(with_ner=not options.no_ner, unknown_words=options.unknown_words)
    run_pass([Article(id="load", text="Die Modelle werden geladen.")], stages)  # loading is not throughput
    words = sum(len(article.text.split()) for article in articles)
    print(f"{len(articles)} articles, {words:,} words, stages: {', '.join(s.name for s in stages)}")
    for number in range(1, options.passes + 1):
        timings = run_pass([Article(id=a.id, text=a.text) for a in articles], stages)
        total = sum(timings.values())
        print(f"pass {number} ({'cold: caches empty' if number == 1 else 'warm: caches filled by pass 1'})")
        for name, seconds in timings.items():
            print(f"  {name:<10} {seconds:7.2f} s  {words / seconds:>10,.0f} words/s")
        print(f"  {'all':<10} {total:7.2f} s  {words / total:>10,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
