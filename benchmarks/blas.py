"""The NER model on BLIS (thinc's default) against numpy's OpenBLAS: CPU time and identical output.

Runs the bundled model over the sentences of the first N 10kGNAD test articles twice in one
process, once with every layer on BLIS and once on numpy's BLAS (what `chronik.nlp.ner`
does since the third session), with BLAS capped at one thread. Prints CPU seconds, tokens/s,
raw GFLOP/s of one 20,000 × 288 × 288 product on each, and how many predicted mentions
differ (expected: 0).

Run: `python benchmarks/blas.py [--limit 300]`.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from chronik.nlp import blas, ner
from chronik.pipeline import build_pipeline
from scale_corpus import gnad_path, read_gnad


def _gflops(gemm: Any, repeats: int = 10) -> float:
    import numpy

    left = numpy.random.default_rng(0).random((20_000, 288), dtype="float32")
    right = numpy.random.default_rng(1).random((288, 288), dtype="float32")
    gemm(left, right)
    started = time.process_time()
    for _ in range(repeats):
        gemm(left, right)
    return repeats * 2 * 20_000 * 288 * 288 / (time.process_time() - started) / 1e9


def _mentions(nlp: Any, articles: list[Any]) -> tuple[list[list[tuple[int, int, str]]], float]:
    ner.model_mentions(articles[0], nlp)  # warm up
    started = time.process_time()
    found = [[(m.start, m.end, m.label) for m in ner.model_mentions(article, nlp)] for article in articles]
    return found, time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    options = parser.parse_args()
    if not gnad_path().exists():
        print(f"skipped: {gnad_path()} not found (../shared is absent)")
        return 0
    articles = read_gnad(limit=options.limit)
    import spacy
    from thinc.api import NumpyOps

    prepare = build_pipeline(["tokenizer"])
    articles = [prepare(article) for article in articles]
    tokens = sum(len(article.tokens) for article in articles)
    on_blis = spacy.load(ner.MODEL_DIR)
    on_numpy = spacy.load(ner.MODEL_DIR)
    blas.use_numpy_blas(on_numpy)
    with blas.limited_blas_threads(1):
        blis_found, blis_seconds = _mentions(on_blis, articles)
        numpy_found, numpy_seconds = _mentions(on_numpy, articles)
    differing = sum(len(set(a) ^ set(b)) for a, b in zip(blis_found, numpy_found, strict=True))
    print(f"{len(articles)} articles, {tokens:,} tokens; NER model only (`model_mentions`), one BLAS thread")
    print("| ops | CPU s | tokens/s | GFLOP/s (20000×288 · 288×288) |")
    print("|---|---:|---:|---:|")
    print(f"| BLIS | {blis_seconds:.2f} | {tokens / blis_seconds:,.0f} | {_gflops(NumpyOps().gemm):.1f} |")
    numpy_gflops = _gflops(NumpyOps(use_blis=False).gemm)
    print(f"| numpy BLAS | {numpy_seconds:.2f} | {tokens / numpy_seconds:,.0f} | {numpy_gflops:.1f} |")
    total = sum(map(len, blis_found))
    print(f"speed-up {blis_seconds / numpy_seconds:.2f}×; mentions differing: {differing} of {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
