"""WARC archives (warcio): one article per HTML response record.

A truncated or corrupt archive ends with an E014 rejection; the records read before it
are kept. Non-HTML records are skipped; HTML without body text is rejected.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from chronik.errors import ChronikError
from chronik.readers.base import ReaderOptions, ReadResult, Rejection, check_size
from chronik.readers.html import html_to_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    """Articles from the HTML responses of a (gzipped) WARC file."""
    index = 0
    counted = _CountingReader(stream)
    records = ArchiveIterator(counted)
    try:
        for record in records:
            index += 1
            result = _read_record(record, f"{source}#{index}", options) if _is_html_response(record) else None
            if _truncated(record):
                yield Rejection(f"{source}#{index}", "E014", "WARC record is truncated (archive cut short)")
                return
            if result is not None:
                yield result
    except Exception as exc:  # warcio/gzip/zlib raise many kinds on corrupt input
        yield Rejection(f"{source}#{index + 1}", "E014", f"corrupt or truncated WARC: {type(exc).__name__}: {exc}")
        return
    if counted.consumed > records.offset:  # bytes after the last record did not form one
        yield Rejection(f"{source}#{index + 1}", "E014", "WARC archive is truncated or has trailing garbage")
    elif index == 0:
        yield Rejection(source, "E014", "no WARC records found")


class _CountingReader:
    """Counts the bytes warcio takes from the input, to tell a cut-off archive from a short one."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.consumed = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size)
        self.consumed += len(chunk)
        return chunk

    def readline(self, size: int = -1) -> bytes:
        line = self._stream.readline(size)
        self.consumed += len(line)
        return line


def _truncated(record: Any) -> bool:
    """The record ended before its declared Content-Length (raw bytes left unread at EOF)."""
    remaining = getattr(record.raw_stream, "limit", 0)
    return bool(remaining) and not record.raw_stream.read(1)


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return content_type.startswith(_HTML_TYPES)


def _read_record(record: Any, source: str, options: ReaderOptions) -> ReadResult:
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(options.max_bytes + 1)
    try:
        check_size(payload, source, max_bytes=options.max_bytes)
        article = html_to_article(payload, source=source, options=options, url=url)
    except ChronikError as exc:
        return Rejection(exc.source, exc.code, exc.problem)
    except Exception as exc:  # trafilatura on hostile HTML
        return Rejection(source, "E012", f"HTML extraction failed: {type(exc).__name__}: {exc}")
    article.metadata["warc_date"] = record.rec_headers.get_header("WARC-Date")
    return article
