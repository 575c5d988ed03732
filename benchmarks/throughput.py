"""End-to-end throughput of the pipeline on the 1,028 real 10kGNAD test articles.

Measures, in one run: the pipeline in this one process (articles/s, words/s, time per
stage from `Pipeline.timings`, peak RSS), the same in N worker processes (the pipeline
built once per worker, like a Spark partition), and spaCy's German tokenizer alone
(`spacy.blank("de")`) on the same texts as the floor, with the ratio of the two.
Targets: multi-process ≥ 50 articles/s on 2 cores; pipeline ≥ 1/10 of tokenizer speed.

The machine is shared, so `uptime` is recorded with every run. Skips when
`../shared/data/10kgnad/` is absent. Run:

    python benchmarks/throughput.py [--workers 2] [--limit N] [--stages a,b] [--profile out.txt] [--json out.json]
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import os
import resource
import sys
import time
from collections.abc import Sequence
from typing import Any

from chronik.errors import ChronikError
from chronik.model import Article
from chronik.pipeline import DEFAULT_STAGES, Pipeline, build_pipeline
from chronik.tables import article_rows
from scale_corpus import gnad_path, machine, peak_rss_mb, read_gnad, words

WARMUP_ARTICLES = 5
BATCH = 8

_worker_pipeline: Pipeline | None = None


def buildable_stages() -> list[str]:
    """The longest prefix of the default pipeline that builds here (stages land over time)."""
    stages: list[str] = []
    for name in DEFAULT_STAGES:
        try:
            build_pipeline([*stages, name])
        except (ChronikError, OSError, ImportError) as exc:
            print(f"stage {name!r} not available, stopping there: {exc}", file=sys.stderr)
            break
        stages.append(name)
    return stages


def _analyse(pipeline: Pipeline, article: Article) -> int:
    """Run the pipeline and flatten the result into table rows (as the batch job does)."""
    return sum(1 for _ in article_rows(pipeline(article)))


def single_process(articles: list[Article], stages: list[str], *, profile: str | None) -> dict[str, Any]:
    started = time.perf_counter()
    pipeline = build_pipeline(stages)
    for article in articles[:WARMUP_ARTICLES]:  # lazy model loading is not throughput
        _analyse(pipeline, copy.deepcopy(article))
    build_seconds = time.perf_counter() - started
    pipeline.timings.clear()
    profiler = _start_profiler() if profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    rows = sum(_analyse(pipeline, article) for article in articles)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    if profiler is not None and profile is not None:
        _write_profile(profiler, profile)
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "articles_per_cpu_s": round(len(articles) / cpu_seconds, 1),
        "build_and_warmup_seconds": round(build_seconds, 2),
        "rows": rows,
        "stage_seconds": {name: round(value, 2) for name, value in pipeline.timings.items()},
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def _start_profiler() -> Any:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.005)
    profiler.start()
    return profiler


def _write_profile(profiler: Any, path: str) -> None:
    profiler.stop()
    with open(path, "w", encoding="utf-8") as out:
        out.write(profiler.output_text(unicode=True, color=False, show_all=False))


def _init_worker(stages: list[str]) -> None:
    global _worker_pipeline
    _worker_pipeline = build_pipeline(stages)


def _run_batch(batch: list[Article]) -> tuple[int, dict[str, float]]:
    assert _worker_pipeline is not None
    before = dict(_worker_pipeline.timings)
    rows = sum(_analyse(_worker_pipeline, article) for article in batch)
    after = _worker_pipeline.timings
    return rows, {name: after[name] - before.get(name, 0.0) for name in after}


def multi_process(articles: list[Article], stages: list[str], *, workers: int) -> dict[str, Any]:
    batches = [articles[index : index + BATCH] for index in range(0, len(articles), BATCH)]
    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    with context.Pool(workers, initializer=_init_worker, initargs=(stages,)) as pool:
        results = pool.map(_run_batch, batches, chunksize=1)
    seconds = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = children.ru_utime + children.ru_stime
    stage_seconds: dict[str, float] = {}
    for _, timings in results:
        for name, value in timings.items():
            stage_seconds[name] = stage_seconds.get(name, 0.0) + value
    return {
        "workers": workers,
        "seconds_including_worker_start": round(seconds, 2),
        "cpu_seconds_all_workers": round(cpu_seconds, 2),
        "rows": sum(rows for rows, _ in results),
        "stage_seconds_summed": {name: round(value, 2) for name, value in stage_seconds.items()},
        "peak_rss_mb_largest_worker": round(peak_rss_mb(children=True), 1),
    }


def tokenizer_floor(articles: list[Article]) -> dict[str, Any]:
    import spacy

    tokenizer = spacy.blank("de").tokenizer
    for article in articles[:WARMUP_ARTICLES]:
        tokenizer(article.text)
    started, cpu_started = time.perf_counter(), time.process_time()
    tokens = sum(len(tokenizer(article.text)) for article in articles)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return {"seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3), "tokens": tokens}


def _rates(seconds: float, count: int, word_count: int) -> dict[str, float]:
    return {"articles_per_s": round(count / seconds, 1), "words_per_s": round(word_count / seconds)}


def run(*, workers: int, limit: int | None, stages: Sequence[str] | None, profile: str | None) -> dict[str, Any]:
    articles = read_gnad(limit=limit)
    names = list(stages) if stages else buildable_stages()
    word_count = sum(words(article.text) for article in articles)
    result: dict[str, Any] = {"machine_before": machine(), "articles": len(articles), "words": word_count}
    result["stages"] = names
    floor = tokenizer_floor(articles)
    result["tokenizer_only"] = {**floor, **_rates(floor["seconds"], len(articles), word_count)}
    # Workers first: forked from a parent that has not run the pipeline yet, their caches start cold.
    multi = multi_process(articles, names, workers=workers)
    result["multi_process"] = {**multi, **_rates(multi["seconds_including_worker_start"], len(articles), word_count)}
    single = single_process(articles, names, profile=profile)
    result["single_process"] = {**single, **_rates(single["seconds"], len(articles), word_count)}
    tokenizer_rate = result["tokenizer_only"]["articles_per_s"]
    result["ratio_single_to_tokenizer"] = round(result["single_process"]["articles_per_s"] / tokenizer_rate, 4)
    result["ratio_multi_to_tokenizer"] = round(result["multi_process"]["articles_per_s"] / tokenizer_rate, 4)
    result["ratio_cpu_single_to_tokenizer"] = round(floor["cpu_seconds"] / single["cpu_seconds"], 4)
    result["machine_after"] = machine()
    return result


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['articles']} articles, {result['words']} words; stages: {', '.join(result['stages'])}",
        f"load before: {result['machine_before']['load']}",
        "| run | seconds | articles/s | words/s | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    tok, single, multi = result["tokenizer_only"], result["single_process"], result["multi_process"]
    lines.append(f"| spaCy tokenizer only | {tok['seconds']} | {tok['articles_per_s']} | {tok['words_per_s']} | – |")
    lines.append(
        f"| pipeline, 1 process | {single['seconds']} | {single['articles_per_s']} | {single['words_per_s']} "
        f"| {single['peak_rss_mb']} |"
    )
    lines.append(
        f"| pipeline, {multi['workers']} processes | {multi['seconds_including_worker_start']} "
        f"| {multi['articles_per_s']} | {multi['words_per_s']} | {multi['peak_rss_mb_largest_worker']} |"
    )
    lines.append("")
    lines.append("| stage | seconds (1 process) | share |")
    lines.append("|---|---:|---:|")
    total = sum(single["stage_seconds"].values()) or 1.0
    for name, seconds in single["stage_seconds"].items():
        lines.append(f"| {name} | {seconds} | {seconds / total:.0%} |")
    lines.append("")
    lines.append(
        f"pipeline / tokenizer speed: {result['ratio_single_to_tokenizer']} (1 process), "
        f"{result['ratio_multi_to_tokenizer']} ({multi['workers']} processes); "
        f"in CPU time (1 process): {result['ratio_cpu_single_to_tokenizer']}; target ≥ 0.1"
    )
    lines.append(
        f"CPU: 1 process {single['cpu_seconds']} s ({single['articles_per_cpu_s']} articles per CPU-second); "
        f"{multi['workers']} processes {multi['cpu_seconds_all_workers']} s in all (build and warm-up included)"
    )
    lines.append(f"load after: {result['machine_after']['load']}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pipeline throughput on the 10kGNAD test articles.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: all that build)")
    parser.add_argument("--profile", default=None, help="write a pyinstrument profile of the 1-process run here")
    parser.add_argument("--json", default=None, help="also write the result as JSON here")
    args = parser.parse_args(argv)
    if not gnad_path().is_file():
        print(f"skipped: {gnad_path()} not found")
        return 0
    stages = args.stages.split(",") if args.stages else None
    result = run(workers=args.workers, limit=args.limit, stages=stages, profile=args.profile)
    print(render(result))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(result, out, indent=2, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
