"""HTML news pages: body and metadata extracted with trafilatura.

The article text is the title, a blank line, then the body paragraphs separated by blank
lines, so paragraph offsets stay consistent; headings in the body become subheads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import trafilatura
from lxml import etree

from chronik.errors import InputError
from chronik.model import Article, Paragraph
from chronik.readers.article import ArticleFields, authors_from, make_article
from chronik.readers.base import ReaderOptions, ReadResult, decode_bytes
from chronik.readers.plain import read_limited

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n")


def read_html(stream: BinaryIO, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    """One article from an HTML page."""
    raw = read_limited(stream, max_bytes=options.max_bytes)
    yield html_to_article(raw, source=source, options=options)


def html_to_article(raw: bytes, *, source: str, options: ReaderOptions, url: str | None = None) -> Article:
    """Extract body and metadata; E012 when the page has no body text."""
    decoded = decode_bytes(raw, source, max_bytes=options.max_bytes)
    document = trafilatura.bare_extraction(
        decoded.text, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    body = getattr(document, "body", None)
    blocks = list(_blocks(body)) if body is not None else []
    if not any(kind == "body" for kind, _ in blocks):
        raise InputError("E012", source, "no body text found in HTML")
    title = _clean(getattr(document, "title", None))
    text, headings = _assemble(title, blocks)
    fields = ArticleFields(
        title=title,
        lead=_clean(getattr(document, "description", None)),
        date=getattr(document, "date", None),
        authors=authors_from(getattr(document, "author", None)),
        url=getattr(document, "url", None) or url,
        outlet=_clean(getattr(document, "sitename", None)),
        language=options.language,
        role_files=options.role_files,
        metadata=_metadata(document),
        warnings=decoded.warnings,
    )
    article = make_article(text, source=source, fields=fields)
    _mark_headings(article.paragraphs, headings)
    return article


def _blocks(body: Any) -> Iterator[tuple[str, str]]:
    """(kind, text) for each block element of trafilatura's body tree."""
    for element in body:
        text = _element_text(element)
        if text:
            yield ("subhead" if element.tag == "head" else "body"), text


def _element_text(element: Any) -> str:
    if element.tag == "list":
        return "\n".join(f"- {_flatten(item)}" for item in element.iter("item") if _flatten(item))
    if element.tag == "table":
        rows = (" | ".join(_flatten(cell) for cell in row.iter("cell")) for row in element.iter("row"))
        return "\n".join(row for row in rows if row.strip(" |"))
    return _flatten(element)


def _flatten(element: Any) -> str:
    """Element text with line breaks kept and spaces normalised (never a blank line)."""
    copy = etree.fromstring(etree.tostring(element))
    for line_break in copy.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    text = "".join(copy.itertext())
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _assemble(title: str | None, blocks: list[tuple[str, str]]) -> tuple[str, set[int]]:
    """Article text and the start offsets of heading paragraphs."""
    parts: list[str] = [title] if title else []
    headings: set[int] = set()
    offset = len(title) + 2 if title else 0
    for kind, block in blocks:
        if kind == "subhead" and title and block == title:
            continue  # the page repeats its title as <h1>
        if kind == "subhead":
            headings.add(offset)
        parts.append(block)
        offset += len(block) + 2
    return "\n\n".join(parts), headings


def _mark_headings(paragraphs: list[Paragraph], headings: set[int]) -> None:
    for paragraph in paragraphs:
        if paragraph.start in headings and paragraph.kind == "body":
            paragraph.kind = "subhead"


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def _metadata(document: Any) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    for key in ("hostname", "categories", "tags", "pagetype"):
        value = getattr(document, key, None)
        if value:
            metadata[key] = value
    return metadata
