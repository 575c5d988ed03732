"""Which reader fits an input: decided by content, with the file name as a tie-breaker."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import PurePath

from chronik.readers.table import looks_like_label_text

HEAD_BYTES = 64 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_NEWS_HEADER = re.compile(r"^\s*date[ \t]+\d{4}-\d{2}-\d{2}\b")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_MARKUP = re.compile(r"<(?:!doctype html|html|head|body|article|div|p|h1|meta)[\s>/]", re.IGNORECASE)
_SUFFIXES = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed",
    ".warc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".txt": "text",
}  # fmt: skip


def detect_format(head: bytes, *, name: str = "") -> str:
    """One of `chronik.readers.base.FORMATS` (or "gzip") for an input starting with `head`."""
    if head.startswith(_GZIP_MAGIC):
        inner = gunzip_head(head)
        return "warc" if inner.startswith(b"WARC/") else "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        return "feed" if _FEED_ROOT.search(text[:4096]) else "html"
    if text.startswith(("{", "[")) and _json_like(text):
        return "jsonl"
    if _NEWS_HEADER.match(text):
        return "news"
    if looks_like_label_text(text):
        return "csv"
    by_name = _by_suffix(name, default="text")
    if by_name == "html" and not _HTML_MARKUP.search(text):
        return "text"
    return by_name if by_name in ("csv", "html", "jsonl") else "text"


def _by_suffix(name: str, *, default: str) -> str:
    suffixes = [suffix.lower() for suffix in PurePath(name).suffixes]
    for suffix in reversed(suffixes):
        if suffix in _SUFFIXES:
            return _SUFFIXES[suffix]
    return default


def _json_like(text: str) -> bool:
    first_line = text.split("\n", 1)[0].strip()
    try:
        json.loads(first_line)
    except (ValueError, RecursionError):  # deeply nested arrays exhaust the decoder's recursion
        return first_line.startswith(('{"', "[{", "{ ")) or first_line in ("{", "[")
    return True


def gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except zlib.error:
        return b""
