"""Spark scaling: local[1] vs local[2] speed-up, and how cost grows with corpus size.

1. Speed-up: the 1,028 real 10kGNAD test articles (the CSV as it is, split into the same
   record-aligned ranges for both runs) through `run_spark_job` with `local[1]`, then
   `local[2]`. Target ≥ 1.8. Both the time of the distributed analysis alone and the
   whole job (Spark start and stop included) are reported.
2. Growth: corpora of `--sizes` articles (the real ones repeated with variations, as
   JSON Lines) through the job on `--master`; seconds, articles/s and Parquet size per
   size, as a Markdown table and a plot (`--plot`, default docs/img/scaling.png).

The machine is shared: `uptime` is recorded with every measurement. Run:

    python benchmarks/scaling.py [--sizes 1000,10000,100000] [--stages a,b] [--skip-speedup]
    python benchmarks/scaling.py --sizes "" --speedup-size 4112 --partitions 16 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chronik.spark import run_spark_job
from scale_corpus import gnad_path, machine, machine_load, read_gnad, write_jsonl
from throughput import buildable_stages

UNITS = 8  # the same ranges for local[1] and local[2]


def _folder_mb(folder: Path) -> float:
    return round(sum(path.stat().st_size for path in folder.rglob("*.parquet")) / 2**20, 2)


def _job(inputs: list[str], output: Path, *, master: str, stages: list[str], chunk_bytes: int | None) -> dict[str, Any]:
    load = machine_load()
    report = run_spark_job(inputs, str(output), master=master, stages=stages, chunk_bytes=chunk_bytes, overwrite=True)
    return {
        "master": master,
        "articles": report.rows["articles"],
        "partitions": report.partitions,
        "analysis_seconds": round(report.analysis_seconds, 2),
        "job_seconds": round(report.seconds, 2),
        "articles_per_s": round(report.rows["articles"] / report.analysis_seconds, 1),
        "parquet_mb": _folder_mb(output),
        "load_before": load,
        "load_after": machine_load(),
    }


def speedup(
    stages: list[str], workdir: Path, *, count: int | None, size: int | None = None, rounds: int = 1, units: int = UNITS
) -> dict[str, Any]:
    """local[1] against local[2] on one corpus, `rounds` times in alternating order.

    The corpus is the CSV as it is, its first `count` articles, or (`size`) that many
    articles: the real ones repeated with variations. Alternating the order (1, 2 | 2, 1 | …)
    keeps the machine's drift from favouring one master; the speed-up is that of the summed
    analysis times, and each round's own ratio is listed too.
    """
    path = gnad_path()
    if size is not None:
        path = write_jsonl([article.text for article in read_gnad()], size, workdir / "speedup.jsonl")
    elif count is not None:  # the first `count` real articles only (to fit a shared machine's time)
        path = write_jsonl([article.text for article in read_gnad(limit=count)], count, workdir / "speedup.jsonl")
    chunk_bytes = path.stat().st_size // units + 1
    _job([str(path)], workdir / "warm", master="local[2]", stages=["tokenizer"], chunk_bytes=None)  # JVM, page cache
    runs: dict[str, list[dict[str, Any]]] = {"local[1]": [], "local[2]": []}
    for round_ in range(rounds):
        order = ("local[1]", "local[2]") if round_ % 2 == 0 else ("local[2]", "local[1]")
        for master in order:
            run = _job([str(path)], workdir / "out", master=master, stages=stages, chunk_bytes=chunk_bytes)
            runs[master].append(run)
    one, two = runs["local[1]"], runs["local[2]"]
    return {
        "articles": one[0]["articles"],
        "rounds": rounds,
        "local[1]": one[0],
        "local[2]": two[0],
        "runs": runs,
        "speedup_per_round": [
            round(a["analysis_seconds"] / b["analysis_seconds"], 2) for a, b in zip(one, two, strict=True)
        ],
        "speedup_analysis": round(_sum(one, "analysis_seconds") / _sum(two, "analysis_seconds"), 2),
        "speedup_job": round(_sum(one, "job_seconds") / _sum(two, "job_seconds"), 2),
    }


def _sum(runs: list[dict[str, Any]], key: str) -> float:
    return sum(float(run[key]) for run in runs)


def growth(sizes: list[int], stages: list[str], *, master: str, workdir: Path) -> list[dict[str, Any]]:
    texts = [article.text for article in read_gnad()]
    rows = []
    for size in sizes:
        corpus = write_jsonl(texts, size, workdir / f"corpus-{size}.jsonl")
        rows.append(
            {
                "size": size,
                **_job([str(corpus)], workdir / f"out-{size}", master=master, stages=stages, chunk_bytes=None),
            }
        )
        corpus.unlink()
    return rows


def plot(rows: list[dict[str, Any]], path: Path, *, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import NullFormatter, ScalarFormatter

    sizes = [row["size"] for row in rows]
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.loglog(sizes, [row["analysis_seconds"] for row in rows], "o-", label="analysis")
    left.loglog(sizes, [row["job_seconds"] for row in rows], "s--", label="whole job")
    base = rows[0]["analysis_seconds"] / sizes[0]
    left.loglog(sizes, [base * size for size in sizes], ":", color="grey", label="linear")
    left.set(xlabel="articles", ylabel="seconds", title="time")
    left.legend()
    right.semilogx(sizes, [row["articles_per_s"] for row in rows], "o-")
    right.set(xlabel="articles", ylabel="articles/s (analysis)", title="throughput", ylim=(0, None))
    left.set_xticks(sizes)
    right.set_xticks(sizes)
    for axis in (left.xaxis, left.yaxis, right.xaxis):
        axis.set_major_formatter(ScalarFormatter())
        axis.set_minor_formatter(NullFormatter())
    figure.suptitle(title)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)


def render(result: dict[str, Any]) -> str:
    lines = [f"stages: {', '.join(result['stages'])}; machine: {result['machine']}"]
    if "speedup" in result:
        up = result["speedup"]
        lines += [
            "",
            "| master | partitions | analysis s | job s | articles/s | load before |",
            "|---|---:|---:|---:|---:|---|",
        ]
        runs = up.get("runs") or {key: [up[key]] for key in ("local[1]", "local[2]")}
        for position in range(len(runs["local[1]"])):
            for key in ("local[1]", "local[2]"):
                run = runs[key][position]
                lines.append(
                    f"| {key} | {run['partitions']} | {run['analysis_seconds']} | {run['job_seconds']} "
                    f"| {run['articles_per_s']} | {run['load_before']} |"
                )
        lines.append(
            f"\nspeed-up local[1] → local[2] on {up.get('articles', '?')} articles: {up['speedup_analysis']} "
            f"(analysis, summed over {up.get('rounds', 1)} round(s); per round {up.get('speedup_per_round', '–')}), "
            f"{up['speedup_job']} (job)"
        )
    if result.get("growth"):
        lines += [
            "",
            "| articles | analysis s | job s | articles/s | Parquet MiB | load before |",
            "|---:|---:|---:|---:|---:|---|",
        ]
        for row in result["growth"]:
            lines.append(
                f"| {row['size']} | {row['analysis_seconds']} | {row['job_seconds']} | {row['articles_per_s']} "
                f"| {row['parquet_mb']} | {row['load_before']} |"
            )
    return "\n".join(lines)


def _title(result: dict[str, Any], master: str) -> str:
    load = result["machine"]["load"].split(": ")[-1]
    return f"chronik on Spark {master}, {len(result['stages'])} stages; shared 2-core machine, load average {load}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Spark speed-up and cost growth with corpus size.")
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes for the growth table")
    parser.add_argument("--master", default="local[2]", help="Spark master for the growth runs")
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: all that build)")
    parser.add_argument("--skip-speedup", action="store_true")
    parser.add_argument("--speedup-n", type=int, default=None, help="speed-up on the first N articles (default: all)")
    parser.add_argument(
        "--speedup-size", type=int, default=None, help="speed-up on N articles: the real ones repeated with variations"
    )
    parser.add_argument("--rounds", type=int, default=1, help="speed-up rounds, alternating which master runs first")
    parser.add_argument("--partitions", type=int, default=UNITS, help="input ranges (partitions) for the speed-up")
    parser.add_argument("--plot", default=str(Path(__file__).resolve().parents[1] / "docs" / "img" / "scaling.png"))
    parser.add_argument("--json", default=None, help="also write the result as JSON here")
    parser.add_argument("--replot", default=None, help="only redraw the plot from a JSON result written by --json")
    args = parser.parse_args(argv)
    if args.replot:
        saved = json.loads(Path(args.replot).read_text(encoding="utf-8"))
        load = saved["machine"]["load"].split(": ")[-1]
        plot(
            saved["growth"],
            Path(args.plot),
            title=f"chronik on Spark {args.master}, {len(saved['stages'])} stages; load: {load}",
        )
        return 0
    if not gnad_path().is_file():
        print(f"skipped: {gnad_path()} not found")
        return 0
    stages = args.stages.split(",") if args.stages else buildable_stages()
    sizes = [int(size) for size in args.sizes.split(",") if size]
    result: dict[str, Any] = {"stages": stages, "machine": machine()}
    with tempfile.TemporaryDirectory(prefix="chronik-scaling-") as temporary:
        workdir = Path(temporary)
        if not args.skip_speedup:
            result["speedup"] = speedup(
                stages,
                workdir,
                count=args.speedup_n,
                size=args.speedup_size,
                rounds=args.rounds,
                units=args.partitions,
            )
            print(render(result), flush=True)
        result["growth"] = growth(sizes, stages, master=args.master, workdir=workdir) if sizes else []
    if len(result["growth"]) > 1:
        title = (
            f"chronik on Spark {args.master}, {len(stages)} stages; load: {result['machine']['load'].split(': ')[-1]}"
        )
        plot(result["growth"], Path(args.plot), title=title)
    print(render(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
