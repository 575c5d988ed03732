"""The Python API: analyse a text or files in a few calls.

>>> from chronik.api import analyze_text
>>> article = analyze_text("Bern, 5. Dezember 2025\\n\\nDer Bundesrat tagte.", stages=[])
>>> article.date
'2025-12-05'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

from chronik.errors import InputError
from chronik.model import Article
from chronik.pipeline import Pipeline, build_pipeline
from chronik.readers import ReaderOptions, ReadResult, Rejection
from chronik.readers import read_path as _read_path
from chronik.readers.article import ArticleFields, make_article
from chronik.readers.base import check_size

__all__ = ["analyze_path", "analyze_text", "make_pipeline", "read_path"]


def make_pipeline(stages: Sequence[str] | None = None) -> Pipeline:
    """The default German pipeline, or the named stages (`[]` for none)."""
    return build_pipeline(None if stages is None else list(stages))


def analyze_text(
    text: str,
    *,
    date: str | None = None,
    title: str | None = None,
    source: str = "<text>",
    language: str = "de",
    stages: Sequence[str] | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Analyse one article given as text; `article.text` is exactly `text`.

    Raises `ChronikError` (E002 for empty text, E016 for a bad `date`, E02x for the pipeline).
    """
    if not text.strip():
        raise InputError("E002", source, "text is empty or whitespace only")
    check_size(text.encode("utf-8", "surrogatepass"), source, max_bytes=ReaderOptions().max_bytes)
    fields = ArticleFields(title=title, date=date, language=language)
    article = make_article(text, source=source, fields=fields)
    if date is not None and article.date is None:
        raise InputError("E016", source, article.warnings[-1] if article.warnings else f"bad date {date!r}")
    return (pipeline or make_pipeline(stages))(article)


def read_path(
    path: str | Path, *, format: str | None = None, options: ReaderOptions | None = None
) -> Iterator[ReadResult]:
    """Articles (not analysed) and rejections from one file; `format` overrides detection."""
    options = options or ReaderOptions()
    if format is not None:
        options = dataclasses.replace(options, format=format)
    return _read_path(path, options=options)


def analyze_path(
    path: str | Path,
    *,
    format: str | None = None,
    stages: Sequence[str] | None = None,
    pipeline: Pipeline | None = None,
    options: ReaderOptions | None = None,
) -> Iterator[Article | Rejection]:
    """Read and analyse every article of a file; rejections are passed through."""
    pipeline = pipeline or make_pipeline(stages)
    for result in read_path(path, format=format, options=options):
        yield result if isinstance(result, Rejection) else pipeline(result)
