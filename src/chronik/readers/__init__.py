"""Readers: files, streams and bytes in; `Article`s (or coded `Rejection`s) out.

The format is detected by content (`detect_format`) unless `ReaderOptions.format` names
one: news, text, html, feed, warc, jsonl, csv. Gzipped inputs are decompressed first.
Reading never raises for bad input; every problem becomes a `Rejection` so a batch goes on.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from chronik.errors import ChronikError
from chronik.readers.base import FORMATS, ReaderOptions, ReadResult, Rejection
from chronik.readers.detect import HEAD_BYTES, detect_format
from chronik.readers.feed import read_feed
from chronik.readers.html import read_html
from chronik.readers.jsonl import read_jsonl
from chronik.readers.plain import read_plain
from chronik.readers.table import read_table
from chronik.readers.warc import read_warc

Reader = Callable[[BinaryIO, str, ReaderOptions], Iterator[ReadResult]]

READERS: dict[str, Reader] = {
    "news": read_plain,
    "text": read_plain,
    "html": read_html,
    "feed": read_feed,
    "warc": read_warc,
    "jsonl": read_jsonl,
    "csv": read_table,
}
# The code a reader's unexpected failure is reported under.
_FAILURE_CODES = {"html": "E012", "feed": "E013", "warc": "E014", "jsonl": "E010", "csv": "E015", "gzip": "E014"}

__all__ = ["FORMATS", "ReadResult", "ReaderOptions", "Rejection", "detect_format", "read_bytes", "read_path"]


def read_path(path: str | Path, *, options: ReaderOptions | None = None) -> Iterator[ReadResult]:
    """Articles and rejections from one file (`-` reads standard input)."""
    options = options or ReaderOptions()
    if str(path) == "-":
        yield from read_stream(io.BytesIO(sys.stdin.buffer.read()), source="<stdin>", options=options)
        return
    source = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        yield Rejection(source, "E001", f"cannot open: {exc.strerror or exc}")
        return
    with stream:
        yield from read_stream(stream, source=source, options=options)


def read_bytes(raw: bytes, *, source: str = "<bytes>", options: ReaderOptions | None = None) -> Iterator[ReadResult]:
    """Articles and rejections from bytes held in memory."""
    yield from read_stream(io.BytesIO(raw), source=source, options=options or ReaderOptions())


def read_stream(stream: BinaryIO, *, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    """Articles and rejections from a binary stream; never raises for bad input."""
    buffered = _peekable(stream)
    try:
        fmt = options.format or detect_format(_peek(buffered), name=source)
    except OSError as exc:
        yield Rejection(source, "E001", f"cannot read: {exc}")
        return
    if fmt not in READERS and fmt != "gzip":
        yield Rejection(source, "E006", f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
        return
    if fmt == "gzip":
        yield from _read_gzip(buffered, source, options)
        return
    yield from _guarded(READERS[fmt](buffered, source, options), source=source, code=_FAILURE_CODES.get(fmt, "E006"))


def _peekable(stream: BinaryIO) -> BinaryIO:
    if isinstance(stream, io.BytesIO) or hasattr(stream, "peek"):
        return stream
    return cast(BinaryIO, io.BufferedReader(cast(Any, stream)))


def _peek(stream: BinaryIO) -> bytes:
    """The first bytes of `stream`, leaving its position where it was."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        head: bytes = peek(HEAD_BYTES)
        return head[:HEAD_BYTES]
    position = stream.tell()
    head = stream.read(HEAD_BYTES)
    stream.seek(position)
    return head


def _read_gzip(stream: BinaryIO, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    """Decompress and read again; a corrupt archive ends with an E014 rejection."""
    inner = cast(BinaryIO, io.BufferedReader(cast(Any, gzip.GzipFile(fileobj=stream, mode="rb"))))
    try:
        _peek(inner)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(source, "E014", f"corrupt gzip data: {exc}")
        return
    name = source[:-3] if source.endswith(".gz") else source
    yield from _guarded(read_stream(inner, source=name, options=options), source=source, code="E014")


def _guarded(results: Iterator[ReadResult], *, source: str, code: str) -> Iterator[ReadResult]:
    """Turn an exception that escapes a reader into a final rejection for that input."""
    try:
        yield from results
    except ChronikError as exc:
        yield Rejection(exc.source, exc.code, exc.problem)
    except Exception as exc:  # third-party parsers raise anything on hostile input
        yield Rejection(source, code, f"{type(exc).__name__}: {exc}")
