"""Per-stage time of the full default pipeline on adversarial texts of growing size.

Shows which stage grows faster than linearly (compare with `normal`), with or without the
per-article time budget:

    python benchmarks/pathological.py --sizes 5000 10000 20000 [--budget 10] [names...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.robustness.test_pathological import ADVERSARIAL, NORMAL

from chronik.budget import TimeBudget
from chronik.pipeline import build_pipeline
from chronik.readers.article import make_article

CASES = {"normal": lambda n: NORMAL * (n // len(NORMAL) + 1), **ADVERSARIAL}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", default=list(CASES))
    parser.add_argument("--sizes", nargs="+", type=int, default=[5000, 10000, 20000])
    parser.add_argument("--budget", type=float, default=0.0, help="CPU seconds per article (0: none)")
    args = parser.parse_args()
    pipeline = build_pipeline()
    pipeline(make_article(NORMAL * 3, source="warm-up"))
    pipeline.budget = TimeBudget(base_s=args.budget, per_kchar_s=0) if args.budget else None
    for name in args.names:
        cells = []
        for size in args.sizes:
            pipeline.timings.clear()
            started = time.thread_time()
            article = pipeline(make_article(CASES[name](size)[:size], source=name))
            spent = time.thread_time() - started
            worst = max(pipeline.timings, key=lambda stage: pipeline.timings[stage]) if pipeline.timings else "-"
            flag = " E023" if any("[E023]" in w for w in article.warnings) else ""
            cells.append(f"{size}: {spent:.2f} s CPU (max {worst}{flag})")
        print(f"{name:24} " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
