"""Turning a posted text into an analysed `Article` (for POST /api/analyze and /api/ingest).

The pipeline is built once, on first use, and runs one article at a time: stages are
CPU-bound and the heavy models are not meant to be shared across threads.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

from chronik.model import Article, Paragraph, content_hash

Analyzer = Callable[[Article], Article]
MAX_ANALYZE_CHARS = 200_000

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


class ArticleInput(BaseModel):
    """An article as a client sends it: the text plus optional metadata."""

    text: str = Field(min_length=1, max_length=MAX_ANALYZE_CHARS, description="the article text")
    id: str | None = Field(default=None, max_length=200, pattern=r"^[A-Za-z0-9._:-]+$")
    title: str | None = Field(default=None, max_length=1000)
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="publication date")
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    language: Literal["de", "en"] = "de"


def article_from_input(item: ArticleInput) -> Article:
    """An unanalysed article; paragraphs are the blank-line separated blocks of the text."""
    article_id = item.id or "a-" + content_hash(item.text)[:16]
    paragraphs = split_paragraphs(item.text, has_title=item.title is None)
    title = item.title or (paragraphs[0].text if paragraphs and paragraphs[0].kind == "title" else None)
    return Article(
        id=article_id,
        text=item.text,
        source="api",
        url=item.url,
        outlet=item.outlet,
        language=item.language,
        date=item.date,
        title=title,
        paragraphs=paragraphs,
    )


def split_paragraphs(text: str, *, has_title: bool) -> list[Paragraph]:
    """Blank-line separated blocks; a short first block without final stop is the title."""
    paragraphs = []
    position = 0
    for block in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = block.start() if block else len(text)
        start, stop = _strip(text, position, end)
        if start < stop:
            paragraphs.append(Paragraph(start, stop, text[start:stop], "body"))
        position = block.end() if block else len(text)
    first = paragraphs[0] if paragraphs else None
    if has_title and first and len(paragraphs) > 1 and len(first.text) <= 200 and not first.text.endswith("."):
        first.kind = "title"
    return paragraphs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class LazyPipeline:
    """The default analyzer: chronik's full pipeline, built on first call, one article at a time.

    Each article gets a CPU time budget of `budget_s` (the request time limit), so a request
    that timed out does not leave its worker thread analysing an adversarial text for long.
    """

    def __init__(self, *, budget_s: float | None = None) -> None:
        self._lock = threading.Lock()
        self._pipeline: Analyzer | None = None
        self._budget_s = budget_s

    def __call__(self, article: Article) -> Article:
        with self._lock:
            if self._pipeline is None:
                from chronik.budget import TimeBudget
                from chronik.pipeline import build_pipeline

                pipeline = build_pipeline()
                if self._budget_s is not None:
                    pipeline.budget = TimeBudget(base_s=self._budget_s, per_kchar_s=0.0)
                self._pipeline = pipeline
            return self._pipeline(article)
