"""RSS and Atom feeds (feedparser): one article per entry.

Feeds that declare XML entities are refused before parsing (no entity expansion: "billion
laughs" and external entities). Entry content is HTML; its block elements become paragraphs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser
import lxml.html
from lxml import etree

from chronik.errors import InputError
from chronik.model import Article
from chronik.readers.article import ArticleFields, authors_from, make_article
from chronik.readers.base import ReaderOptions, ReadResult, Rejection, decode_bytes
from chronik.readers.plain import read_limited

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "pre"})
_SPACES = re.compile(r"\s+")
_RSS_AUTHOR = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def read_feed(stream: BinaryIO, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    """Articles (and rejected entries) of an RSS or Atom feed."""
    raw = read_limited(stream, max_bytes=options.max_bytes)
    decode_bytes(raw, source, max_bytes=options.max_bytes)  # E002/E003/E004 before parsing
    if _ENTITY_DECLARATION.search(raw):
        raise InputError("E013", source, "feed declares XML entities; refused for safety")
    parsed = feedparser.parse(raw, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        problem = str(parsed.get("bozo_exception") or "no entries")
        raise InputError("E013", source, f"not a readable RSS/Atom feed: {problem}")
    outlet = _clean(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries, start=1):
        entry_source = f"{source}#{index}"
        try:
            yield entry_to_article(entry, source=entry_source, outlet=outlet, options=options)
        except InputError as exc:
            yield Rejection(exc.source, exc.code, exc.problem)


def entry_to_article(entry: Any, *, source: str, outlet: str | None, options: ReaderOptions) -> Article:
    """Title, blank line, then the entry's paragraphs."""
    title = _clean(entry.get("title"))
    paragraphs = _entry_paragraphs(entry)
    if not paragraphs:
        raise InputError("E013", source, "feed entry has no text")
    text = "\n\n".join([title, *paragraphs] if title else paragraphs)
    fields = ArticleFields(
        title=title,
        date=_entry_date(entry),
        authors=authors_from(_entry_authors(entry)),
        url=_clean(entry.get("link")),
        outlet=outlet,
        language=options.language,
        role_files=options.role_files,
        metadata={"entry_id": entry.get("id")} if entry.get("id") else {},
    )
    return make_article(text, source=source, fields=fields)


def _entry_authors(entry: Any) -> list[str]:
    """Author names; RSS writes "mail@example.org (Name)", where only the name is wanted."""
    author = entry.get("author")
    if isinstance(author, str) and author.strip():
        names = [_RSS_AUTHOR.sub(r"\1", part.strip()) for part in author.split(",")]
        return [name for name in names if name and "@" not in name]
    return [item.get("name") for item in entry.get("authors") or [] if isinstance(item.get("name"), str)]


def _entry_paragraphs(entry: Any) -> list[str]:
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary", "")
    return html_paragraphs(html or "")


def html_paragraphs(html: str) -> list[str]:
    """Paragraph texts of an HTML fragment: one per block element, else one for all text."""
    if not html.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        cleaned = _clean(html)
        return [cleaned] if cleaned else []
    leaves = [element for element in root.iter() if element.tag in _BLOCK_TAGS and not _has_block_child(element)]
    texts = [_clean(element.text_content()) for element in leaves if element is not root]
    if not texts:
        texts = [_clean(root.text_content())]
    return [text for text in texts if text is not None]


def _has_block_child(element: Any) -> bool:
    return any(child.tag in _BLOCK_TAGS for child in element.iterdescendants())


def _entry_date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = _SPACES.sub(" ", value).strip()
    return cleaned or None
