"""Batch ingestion: inputs in, analysed articles stored, a tally of what happened out.

Files, directories (recursively), glob patterns and `-` (stdin) are expanded; every
article is checked against the store by content hash before the pipeline runs (the fast
path for duplicates) and stored in one transaction. Bad inputs are recorded as rejections
with their code and the batch goes on.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronik.errors import PipelineError, StoreError
from chronik.model import Article
from chronik.parallel import Failed, ParallelAnalyzer
from chronik.readers import ReaderOptions, Rejection, detect_format, read_path
from chronik.readers.detect import HEAD_BYTES
from chronik.store.base import Store

_GLOB_CHARS = frozenset("*?[")
_COUNT_CHUNK = 1 << 20


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did: counts, the ids it stored and every rejection."""

    ingested: int = 0
    duplicate: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.ingested + self.duplicate + self.rejected

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "duplicate": self.duplicate,
            "rejected": self.rejected,
            "rejections": [rejection.to_dict() for rejection in self.rejections],
        }


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Passed to `on_progress` after every article or rejection."""

    source: str
    done: int
    total: int | None  # an estimate (lines of CSV/JSONL files); None when unknown
    report: IngestReport


ProgressCallback = Callable[[IngestProgress], None]
Analyzer = Callable[[Article], Article]  # a `Pipeline`, or anything that analyses one article


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str | Rejection]:
    """Files to read, in a stable order; unknown paths become E001 rejections."""
    for raw in paths:
        name = str(raw)
        path = Path(name)
        if name == "-" or path.is_file():
            yield name
        elif path.is_dir():
            yield from _directory_files(path)
        elif _GLOB_CHARS.intersection(name):
            matches = sorted(match for match in glob.glob(name, recursive=True) if Path(match).is_file())
            yield from matches if matches else [Rejection(name, "E001", "no files match this pattern")]
        else:
            yield Rejection(name, "E001", "no such file or directory")


def _directory_files(directory: Path) -> Iterator[str]:
    for path in sorted(directory.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(directory).parts)
        if path.is_file() and not hidden:
            yield str(path)


def estimate_articles(path: str, *, options: ReaderOptions) -> int | None:
    """Rough article count of a file for progress bars: lines of CSV/JSONL, else 1."""
    if path == "-":
        return None
    try:
        with open(path, "rb") as stream:
            fmt = options.format or detect_format(stream.read(HEAD_BYTES), name=path)
            if fmt in ("news", "text", "html"):
                return 1
            if fmt not in ("csv", "jsonl"):
                return None
            stream.seek(0)
            return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(_COUNT_CHUNK), b"")) or 1
    except OSError:
        return 1


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    pipeline: Analyzer | ParallelAnalyzer,
    *,
    options: ReaderOptions | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read, analyse and store every article in `paths`; never stops on a bad input.

    `pipeline` is a callable run here, or a `ParallelAnalyzer` whose worker processes
    analyse while this process reads and stores (same results, same order).
    """
    options = options or ReaderOptions()
    report = IngestReport()
    inputs = list(expand_paths(paths))
    total = _total_estimate(inputs, options)
    results = _read_all(inputs, options)
    if isinstance(pipeline, ParallelAnalyzer):
        analysed = pipeline.map(results, lambda result: _to_analyse(result, store))
    else:
        analysed = ((result, _analyse_here(result, store, pipeline)) for result in results)
    for result, outcome in analysed:
        _record(result, outcome, store, report)
        if on_progress is not None:
            on_progress(IngestProgress(result.source, report.seen, total, report))
    return report


def _read_all(inputs: list[str | Rejection], options: ReaderOptions) -> Iterator[Article | Rejection]:
    for item in inputs:
        yield from [item] if isinstance(item, Rejection) else read_path(item, options=options)


def _to_analyse(result: Article | Rejection, store: Store) -> Article | None:
    """The article to analyse; None for rejections and texts already stored."""
    if isinstance(result, Rejection) or store.has_content(result.content_hash):
        return None
    return result


def _record(result: Article | Rejection, outcome: Article | Failed | None, store: Store, report: IngestReport) -> None:
    """Book one result of a parallel run: rejection, known duplicate, failure or analysed article."""
    if isinstance(result, Rejection):
        record_rejection(result, store, report)
    elif outcome is None:
        report.duplicate += 1
    elif isinstance(outcome, Failed):
        record_rejection(Rejection(_source(result), outcome.code, outcome.problem), store, report)
    else:
        store_article(outcome, store, report)


def _total_estimate(inputs: list[str | Rejection], options: ReaderOptions) -> int | None:
    estimates = [1 if isinstance(item, Rejection) else estimate_articles(item, options=options) for item in inputs]
    return None if any(estimate is None for estimate in estimates) else sum(e for e in estimates if e is not None)


def _source(article: Article) -> str:
    return f"{article.source} ({article.id})"


def _analyse_here(result: Article | Rejection, store: Store, pipeline: Analyzer) -> Article | Failed | None:
    """Analyse in this process what `_to_analyse` selects; a stage failure becomes `Failed`."""
    article = _to_analyse(result, store)
    if article is None:
        return None
    try:
        return pipeline(article)
    except PipelineError as exc:
        return Failed(exc.code, exc.source, exc.problem)


def store_article(article: Article, store: Store, report: IngestReport) -> None:
    """Store an analysed article; a store refusing it becomes a rejection."""
    try:
        result = store.add_article(article)
    except StoreError as exc:
        record_rejection(Rejection(_source(article), exc.code, exc.problem), store, report)
        return
    except (ValueError, TypeError, OverflowError) as exc:  # a backend refusing a value (e.g. an odd string)
        record_rejection(
            Rejection(_source(article), "E030", f"could not store article: {type(exc).__name__}: {exc}"), store, report
        )
        return
    if result.status == "duplicate":
        report.duplicate += 1
    else:
        report.ingested += 1
        report.article_ids.append(result.article_id)


def record_rejection(rejection: Rejection, store: Store, report: IngestReport) -> None:
    store.add_rejection(rejection.source, rejection.code, rejection.problem)
    report.rejected += 1
    report.rejections.append(rejection)
