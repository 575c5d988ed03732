"""Fast matrix products for the spaCy models on a CPU.

thinc (spaCy's network library) multiplies matrices with BLIS by default. On the x86
machines we measured, numpy's bundled OpenBLAS is about 3.5× faster for the model's
products (84 against 24 GFLOP/s on one core, `docs/benchmarks/speed.md`), which makes the
NER stage ~1.5× faster with identical output. `use_numpy_blas` moves every layer of a
loaded pipeline onto numpy's BLAS; GPU pipelines are left alone.

OpenBLAS starts one thread per core by default. chronik scales by processes (one pipeline
per worker), so threads would only compete with the other workers: `limited_blas_threads`
caps them while the model runs, and only then, so a host application keeps its own BLAS
settings (`CHRONIK_BLAS_THREADS` overrides the cap of 1; 0 leaves BLAS alone).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["BLAS_THREADS_ENV", "blas_threads", "limited_blas_threads", "use_numpy_blas"]

BLAS_THREADS_ENV = "CHRONIK_BLAS_THREADS"


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


@functools.cache
def _controller() -> Any:
    """threadpoolctl's view of the BLAS libraries loaded now (found once: ~0.4 ms)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def limited_blas_threads(threads: int | None = None) -> Iterator[None]:
    """Cap the process's BLAS threads at `threads` (default `blas_threads()`) inside the block; 0: no cap."""
    count = blas_threads() if threads is None else threads
    if count <= 0:
        yield
        return
    with _controller().limit(limits=count, user_api="blas"):  # ~40 µs to enter and leave
        yield
