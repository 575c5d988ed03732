"""A generic span walker: every span-like record of every layer must fit `article.text`."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from chronik.model import Article, Author


def iter_spans(value: Any, path: str = "article") -> Iterator[tuple[str, Any]]:
    """(path, record) for every dataclass record with `start`, `end` and `text` below `value`."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{index}]")
        return
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    names = {field.name for field in dataclasses.fields(value)}
    if {"start", "end", "text"} <= names:
        yield path, value
    for name in sorted(names - {"text"}):
        yield from iter_spans(getattr(value, name), f"{path}.{name}")


def check_article_spans(article: Article) -> int:
    """Assert that all offsets are valid and `text[start:end] == span.text`; returns the spans seen."""
    text = article.text
    seen = 0
    for path, span in iter_spans([getattr(article, f.name) for f in dataclasses.fields(article) if f.name != "text"]):
        assert isinstance(span.start, int) and isinstance(span.end, int), path
        assert 0 <= span.start <= span.end <= len(text), (path, span.start, span.end, len(text))
        assert text[span.start : span.end] == span.text, (path, span)
        seen += 1
    for author in article.authors:
        _check_author(author, text)
    for sentence in article.sentences if article.tokens else ():  # stores keep sentences, not tokens
        assert 0 <= sentence.token_start <= sentence.token_end <= len(article.tokens)
        inside = article.tokens[sentence.token_start : sentence.token_end]
        assert all(sentence.start <= token.start <= token.end <= sentence.end for token in inside)
    return seen


def _check_author(author: Author, text: str) -> None:
    if author.start is not None and author.end is not None:
        assert 0 <= author.start <= author.end <= len(text)
        assert text[author.start : author.end] == author.name
