"""Fast matrix products for the spaCy models on a CPU.

thinc (spaCy's network library) multiplies matrices with BLIS by default. On the x86
machines we measured, numpy's bundled OpenBLAS is about 3.5× faster for the model's
products (84 against 24 GFLOP/s on one core, `docs/benchmarks/speed.md`), which makes the
NER stage ~1.5× faster with identical output. `use_numpy_blas` moves every layer of a
loaded pipeline onto numpy's BLAS; GPU pipelines are left alone.

OpenBLAS starts one thread per core by default. chronik scales by processes (one pipeline
per worker), so threads would only compete with the other workers: `limit_blas_threads`
caps them for the whole process (`CHRONIK_BLAS_THREADS` overrides; 0 leaves BLAS alone).
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["BLAS_THREADS_ENV", "blas_threads", "limit_blas_threads", "use_numpy_blas"]

BLAS_THREADS_ENV = "CHRONIK_BLAS_THREADS"
_limiters: list[Any] = []  # the active threadpoolctl limit, kept alive for the process


def use_numpy_blas(nlp: Any) -> int:
    """Give every CPU layer of a spaCy pipeline numpy's BLAS instead of BLIS; returns layers changed."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps) and getattr(node.ops, "use_blis", False):
                node.ops = ops
                changed += 1
    return changed


def blas_threads(default: int = 1) -> int:
    """The BLAS thread count to use: `CHRONIK_BLAS_THREADS` when set, else `default`."""
    value = os.environ.get(BLAS_THREADS_ENV, "").strip()
    if not value:
        return default
    try:
        threads = int(value)
    except ValueError:
        return default
    return max(threads, 0)


def limit_blas_threads(threads: int | None = None) -> None:
    """Cap the BLAS libraries of this process at `threads` (default from `blas_threads()`); 0: no cap."""
    from threadpoolctl import threadpool_limits

    count = blas_threads() if threads is None else threads
    if count <= 0:
        return
    _limiters.clear()
    _limiters.append(threadpool_limits(limits=count, user_api="blas"))
