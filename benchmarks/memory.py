"""Memory of streaming ingest: N articles into SQLite, peak RSS must stay < 1.5 GB.

The corpus is the 1,028 real 10kGNAD test articles repeated with variations (dateline,
agency tag) up to `--n`, written to a JSON Lines file first; then `chronik.ingest.ingest`
(the path `chronik ingest` takes) reads it line by line, runs the pipeline and stores
each article in SQLite. Resident memory is sampled every `--every` articles: if the
ingest kept per-article state, RSS would grow with the count, so the growth per
10,000 articles after the first sample is reported next to the peak.

    python benchmarks/memory.py --n 100000 [--workers 2] [--stages a,b] [--json out.json]

With `--workers N` the pipeline runs in N processes (as `chronik ingest --workers N`);
the RSS sampled is then the sum over the main process and its workers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chronik.ingest import IngestProgress, ingest
from chronik.parallel import ParallelAnalyzer, PipelineSpec
from chronik.pipeline import build_pipeline
from chronik.readers import ReaderOptions, read_path
from chronik.store import open_store
from scale_corpus import gnad_path, machine, peak_rss_mb, total_rss_mb, write_jsonl
from throughput import buildable_stages

LIMIT_MB = 1536


def _texts() -> list[str]:
    return [result.text for result in read_path(gnad_path(), options=ReaderOptions()) if hasattr(result, "text")]


def run(*, count: int, stages: list[str], every: int, workdir: Path, workers: int = 1) -> dict[str, Any]:
    before = machine()
    corpus = write_jsonl(_texts(), count, workdir / "corpus.jsonl")
    database = workdir / "memory.db"
    samples: list[tuple[int, float, float]] = []
    started = time.perf_counter()

    def sample(progress: IngestProgress) -> None:
        if progress.done % every == 0 or progress.done == count:
            samples.append((progress.done, round(total_rss_mb(), 1), round(time.perf_counter() - started, 1)))
            print(
                f"{progress.done:>7} articles  RSS {samples[-1][1]:7.1f} MiB  {samples[-1][2]:7.1f} s", file=sys.stderr
            )

    store = open_store(str(database))
    try:
        pipeline = (
            ParallelAnalyzer(PipelineSpec(names=tuple(stages)), workers=workers)
            if workers > 1
            else build_pipeline(stages)
        )
        report = ingest([str(corpus)], store, pipeline, on_progress=sample)
        counts = store.counts()
    finally:
        store.close()
    seconds = time.perf_counter() - started
    return {
        "machine_before": before,
        "articles": count,
        "stages": stages,
        "ingested": report.ingested,
        "duplicate": report.duplicate,
        "rejected": report.rejected,
        "store_counts": counts,
        "seconds": round(seconds, 1),
        "articles_per_s": round(count / seconds, 1),
        "workers": workers,
        "peak_rss_mb": round(max(peak_rss_mb(), *(rss for _, rss, _ in samples)), 1),
        "peak_rss_main_mb": round(peak_rss_mb(), 1),
        "peak_rss_largest_worker_mb": round(peak_rss_mb(children=True), 1) if workers > 1 else None,
        "growth_mb_per_10k": _growth(samples),
        "db_mb": round(database.stat().st_size / 2**20, 1),
        "samples": samples,
        "machine_after": machine(),
    }


def _growth(samples: list[tuple[int, float, float]]) -> float | None:
    """RSS growth per 10,000 articles between the first and the last sample."""
    if len(samples) < 2 or samples[-1][0] == samples[0][0]:
        return None
    (first_n, first_rss, _), (last_n, last_rss, _) = samples[0], samples[-1]
    return round((last_rss - first_rss) / (last_n - first_n) * 10_000, 1)


def cost_table(result: dict[str, Any], sizes: Sequence[int] = (1_000, 10_000, 100_000)) -> str:
    """Markdown: elapsed seconds, articles/s and RSS at the samples nearest to `sizes`."""
    samples = result["samples"]
    lines = ["| articles | seconds | articles/s | RSS MiB (all processes) |", "|---:|---:|---:|---:|"]
    for size in sizes:
        done, rss, seconds = min(samples, key=lambda sample: abs(sample[0] - size))
        if abs(done - size) <= size // 10:
            lines.append(f"| {done:,} | {seconds:,.0f} | {done / seconds:.1f} | {rss:,.0f} |")
    return "\n".join(lines)


def plot(result: dict[str, Any], path: Path) -> None:
    """Seconds and RSS against articles ingested, with a linear reference line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    done = [sample[0] for sample in result["samples"]]
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(done, [sample[2] for sample in result["samples"]], "-", label="elapsed")
    rate = result["samples"][0][2] / done[0]
    left.plot(done, [rate * n for n in done], ":", color="grey", label="linear from the first sample")
    left.set(xlabel="articles ingested", ylabel="seconds", title="time")
    left.legend()
    right.plot(done, [sample[1] for sample in result["samples"]], "-")
    right.axhline(LIMIT_MB, color="red", linestyle="--", label="1.5 GB limit")
    right.set(xlabel="articles ingested", ylabel="RSS MiB (main + workers)", title="memory", ylim=(0, None))
    right.legend()
    figure.suptitle(f"chronik ingest, {result['workers']} worker(s), stages: {', '.join(result['stages'])}", fontsize=9)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)


def render(result: dict[str, Any]) -> str:
    verdict = "PASS" if result["peak_rss_mb"] < LIMIT_MB else "FAIL"
    return "\n".join(
        [
            f"{result['articles']} articles into SQLite; stages: {', '.join(result['stages'])}; "
            f"{result['workers']} worker process(es)",
            f"load before: {result['machine_before']['load']}",
            f"ingested {result['ingested']}, duplicate {result['duplicate']}, rejected {result['rejected']}",
            f"{result['seconds']} s, {result['articles_per_s']} articles/s, database {result['db_mb']} MiB",
            f"peak RSS {result['peak_rss_mb']} MiB, all processes together (limit {LIMIT_MB} MiB: {verdict}); "
            f"main process {result['peak_rss_main_mb']} MiB, "
            f"largest worker {result['peak_rss_largest_worker_mb']} MiB; "
            f"growth {result['growth_mb_per_10k']} MiB per 10k articles",
            f"load after: {result['machine_after']['load']}",
            "",
            cost_table(result),
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Peak memory of streaming ingest into SQLite.")
    parser.add_argument("--n", type=int, default=100_000, help="articles to ingest (default 100,000)")
    parser.add_argument("--every", type=int, default=1000, help="sample RSS every N articles")
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: all that build)")
    parser.add_argument("--workdir", default=None, help="folder for the corpus and database (default: a temp dir)")
    parser.add_argument("--json", default=None, help="also write the result as JSON here")
    parser.add_argument("--workers", type=int, default=1, help="analyse in N worker processes (ingest --workers)")
    parser.add_argument("--plot", default=None, help="also draw time and RSS against articles into this PNG")
    args = parser.parse_args(argv)
    if not gnad_path().is_file():
        print(f"skipped: {gnad_path()} not found")
        return 0
    stages = args.stages.split(",") if args.stages else buildable_stages()
    with tempfile.TemporaryDirectory(prefix="chronik-memory-") as temporary:
        workdir = Path(args.workdir or temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        result = run(count=args.n, stages=stages, every=args.every, workdir=workdir, workers=args.workers)
    print(render(result))
    if args.plot:
        plot(result, Path(args.plot))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
