"""Analyse articles in worker processes, in input order, with a bounded number in flight.

`ingest(..., workers=N)` (and `chronik ingest --workers N`) hands each article to one of N
processes, each of which builds the pipeline once from a picklable `PipelineSpec`
(stage names, configuration, time budget), the way a Spark partition does. The calling
process keeps reading, duplicate checks and the store: results come back in input order,
so reports, progress and stored rows are the same as with one process.

At most `window` articles are in flight, so a 100,000-article file is streamed, never
queued whole. Workers are started with `spawn` (no fork of a process that holds threads
or an open database). A worker that dies (killed for memory, a crash in native code)
turns its in-flight articles into `E025` results; a fresh pool takes the rest.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from chronik.budget import TimeBudget
from chronik.errors import ChronikError, PipelineError
from chronik.model import Article
from chronik.pipeline import Pipeline, build_pipeline, importable_registrations, register_stage

Item = TypeVar("Item")

WINDOW_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """What a worker needs to build the pipeline: stage names (None: all), config, budget.

    `registrations` are the stage registrations made as "module:factory" strings in this
    process (user plugins included), taken when the spec is made; a stage registered as a
    Python callable cannot travel to a worker: register it by its import path instead.
    """

    names: tuple[str, ...] | None = None
    config: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    budget: TimeBudget | None = None
    registrations: Mapping[str, str] = field(default_factory=importable_registrations)

    def build(self) -> Pipeline:
        for name, target in self.registrations.items():
            register_stage(name, target)
        pipeline = build_pipeline(self.names, config=self.config)
        pipeline.budget = self.budget
        return pipeline


@dataclass(frozen=True, slots=True)
class Failed:
    """An article the pipeline could not analyse: the coded error, rebuilt in the caller."""

    code: str
    source: str
    problem: str
    fatal: bool = False  # the pipeline itself could not be built: stop the run

    def error(self) -> ChronikError:
        return (
            ChronikError(self.code, self.source, self.problem)
            if self.fatal
            else PipelineError(self.code, self.source, self.problem)
        )


_worker_pipeline: Pipeline | Failed | None = None


def _start_worker(spec: PipelineSpec) -> None:
    global _worker_pipeline
    try:
        _worker_pipeline = spec.build()
    except ChronikError as exc:  # reported with the first article, which stops the run
        _worker_pipeline = Failed(exc.code, exc.source, exc.problem, fatal=True)
    except Exception as exc:  # a plugin's bug: still a stop with a coded error, not a dead pool
        _worker_pipeline = Failed("E022", "pipeline", f"cannot build the pipeline: {exc!r}", fatal=True)


def _analyse(article: Article) -> Article | Failed:
    pipeline = _worker_pipeline
    if pipeline is None or isinstance(pipeline, Failed):
        return pipeline or Failed("E025", article.id, "worker process has no pipeline", fatal=True)
    try:
        return pipeline(article)
    except PipelineError as exc:
        return Failed(exc.code, exc.source, exc.problem)


@dataclass(slots=True)
class _Pending(Generic[Item]):
    item: Item
    article: Article | None
    future: Future[Article | Failed] | None = None
    outcome: Article | Failed | None = None  # set when settled outside the future (after a pool break)


class ParallelAnalyzer:
    """N worker processes running the pipeline of `spec`; `map` yields results in input order."""

    def __init__(self, spec: PipelineSpec, *, workers: int, window: int | None = None) -> None:
        if workers < 1:
            raise PipelineError("E024", "workers", f"needs at least 1 worker process, got {workers}")
        self.spec = spec
        self.workers = workers
        self.window = window or workers * WINDOW_PER_WORKER
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.spec,),
            )
        return self._pool

    def map(
        self, items: Iterable[Item], article_of: Callable[[Item], Article | None]
    ) -> Iterator[tuple[Item, Article | Failed | None]]:
        """(item, analysed article | failure | None) per item, in input order.

        `article_of(item)` is the article to analyse, or None for an item that only passes
        through (a rejection, a known duplicate).
        """
        pending: deque[_Pending[Item]] = deque()
        try:
            for item in items:
                article = article_of(item)
                entry = _Pending(item, article, None)
                if article is not None:
                    entry.future = self._executor().submit(_analyse, article)
                pending.append(entry)
                while len(pending) > self.window or (pending and pending[0].future is None):
                    yield self._finish(pending)
            while pending:
                yield self._finish(pending)
        finally:
            self.close()

    def _finish(self, pending: deque[_Pending[Item]]) -> tuple[Item, Article | Failed | None]:
        """Wait for the oldest entry (after a pool break, its in-flight neighbours are settled too)."""
        head = pending[0]
        if head.future is not None:
            try:
                head.outcome = head.future.result()
            except BrokenProcessPool:
                self._settle_alone(pending)
        pending.popleft()
        if isinstance(head.outcome, Failed) and head.outcome.fatal:
            raise head.outcome.error()
        return head.item, head.outcome

    def _settle_alone(self, pending: deque[_Pending[Item]]) -> None:
        """A worker died: rerun every article that was in flight, one at a time in a fresh pool.

        Alone, an article that kills its worker again is known to be the cause (E025);
        the others get their results, so a crash costs no innocent article.
        """
        self.close()
        for entry in pending:
            if entry.future is None or entry.article is None:
                continue
            entry.future = None
            try:
                entry.outcome = self._executor().submit(_analyse, entry.article).result()
            except BrokenProcessPool:
                self.close()
                entry.outcome = Failed("E025", entry.article.id, "the worker process died analysing this article")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ParallelAnalyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
