"""CPU time of the quotes stage alone on long single sentences of growing size.

The stages before "quotes" run once per text (untimed); then the quotes stage is timed:

    python benchmarks/quotes_scaling.py --sizes 5000 10000 20000 [names...]

Linear work doubles with the size; the counting test is tests/quotes/test_scaling.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.robustness.test_pathological import ADVERSARIAL

from chronik.model import Article
from chronik.pipeline import build_pipeline
from chronik.readers.article import make_article

CASES: dict[str, Callable[[int], str]] = {
    "minister": lambda n: "Der Minister sagte, er habe " + "das Gesetz und " * (n // 15 + 1),
    **{name: ADVERSARIAL[name] for name in ("one_long_sentence", "guillemets_and_words", "colons_after_verbs")},
    **{name: ADVERSARIAL[name] for name in ("capitalised_words", "open_quote_never_closed")},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", default=list(CASES))
    parser.add_argument("--sizes", nargs="+", type=int, default=[5000, 10000, 20000])
    args = parser.parse_args()
    pipeline = build_pipeline()
    stages = pipeline.stages[: pipeline.names.index("quotes") + 1]
    analyse, quotes = stages[:-1], stages[-1]
    for name in args.names:
        cells = []
        for size in args.sizes:
            article: Article = make_article(CASES[name](size)[:size], source=name)
            for stage in analyse:
                article = stage(article)
            started = time.thread_time()
            article = quotes(article)
            cells.append(f"{size}: {time.thread_time() - started:.2f} s")
        print(f"{name:24} " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
