"""JSON Lines: one article per line (`text` required), also news-please field names.

A malformed line is rejected with its line number (E010/E011) and the file goes on.
A file holding one pretty-printed JSON object or an array of objects is read as well.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO, cast

from chronik.errors import ChronikError, InputError
from chronik.model import Article
from chronik.readers.article import ArticleFields, authors_from, make_article
from chronik.readers.base import ReaderOptions, ReadResult, Rejection, check_size, decode_with_fallback

# Our names first, then news-please's (maintext, date_publish, source_domain, description).
_TEXT_KEYS = ("text", "maintext")
_DATE_KEYS = ("date", "date_publish", "published", "date_modify")
_OUTLET_KEYS = ("source", "outlet", "source_domain", "sitename")
_LEAD_KEYS = ("lead", "description")
_USED_KEYS = frozenset({"id", "title", "authors", "author", "url", "language", "warnings"}).union(
    _TEXT_KEYS, _DATE_KEYS, _OUTLET_KEYS, _LEAD_KEYS
)


def read_jsonl(stream: BinaryIO, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    """Articles and rejections, line by line."""
    first = stream.readline(options.max_bytes + 1)
    if first.lstrip().startswith((b"[", b"{")) and not _parses(first):
        # Either a pretty-printed JSON document or JSON Lines whose first line is broken.
        buffered = first + stream.read(options.max_bytes + 1)
        if _parses(buffered):
            yield from _read_whole_document(buffered, source, options)
            return
        stream = _chain(io.BytesIO(buffered), stream)
        first = stream.readline(options.max_bytes + 1)
    for line_number, raw in enumerate(_lines(first, stream, options.max_bytes), start=1):
        if raw.strip():
            yield _read_line(raw, path=source, line=line_number, options=options)


def _chain(head: io.BytesIO, rest: BinaryIO) -> BinaryIO:
    """A stream that reads `head` first, then `rest` (lines may straddle the border)."""
    return cast(BinaryIO, io.BufferedReader(_ChainedRaw(head, rest)))


class _ChainedRaw(io.RawIOBase):
    def __init__(self, head: io.BytesIO, rest: BinaryIO) -> None:
        self._parts: list[BinaryIO] = [head, rest]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._parts:
            chunk = self._parts[0].read(len(buffer))
            if chunk:
                buffer[: len(chunk)] = chunk
                return len(chunk)
            self._parts.pop(0)
        return 0


def _lines(first: bytes, stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """Lines of at most `max_bytes + 1` bytes; the rest of an overlong line is skipped."""
    line = first
    while line:
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream, max_bytes)
        yield line
        line = stream.readline(max_bytes + 1)


def _skip_rest_of_line(stream: BinaryIO, chunk: int) -> None:
    while (rest := stream.readline(chunk)) and not rest.endswith(b"\n"):
        pass


def _parses(raw: bytes) -> bool:
    try:
        json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return True


def _read_line(raw: bytes, *, path: str, line: int, options: ReaderOptions) -> ReadResult:
    source = f"{path}:{line}"
    try:
        check_size(raw, source, max_bytes=options.max_bytes)
        decoded = decode_with_fallback(raw.rstrip(b"\r\n"), source)
        record = _parse_json(decoded.text, source)
        return record_to_article(
            record, path=path, source=source, options=options, warnings=decoded.warnings, line=line
        )
    except ChronikError as exc:
        return Rejection(exc.source, exc.code, exc.problem, line)


def _parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("E010", source, f"malformed JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise InputError("E010", source, "malformed JSON: nested too deeply") from None


def _read_whole_document(raw: bytes, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    try:
        check_size(raw, source, max_bytes=options.max_bytes)
        decoded = decode_with_fallback(raw, source)
        document = _parse_json(decoded.text, source)
    except ChronikError as exc:
        yield Rejection(exc.source, exc.code, exc.problem)
        return
    records = document if isinstance(document, list) else [document]
    for index, record in enumerate(records, start=1):
        record_source = f"{source}#{index}" if isinstance(document, list) else source
        try:
            yield record_to_article(
                record, path=source, source=record_source, options=options, warnings=decoded.warnings
            )
        except ChronikError as exc:
            yield Rejection(exc.source, exc.code, exc.problem)


def record_to_article(
    record: Any, *, path: str, source: str, options: ReaderOptions, warnings: list[str], line: int | None = None
) -> Article:
    """One JSON object to an `Article`; `text` (or `maintext`) is kept exactly as given.

    `path` is the file, `source` names the record in errors (`path:line`).
    """
    if not isinstance(record, dict):
        raise InputError("E011", source, f"expected a JSON object, got {type(record).__name__}")
    record, replaced = _replace_surrogates(record, source)
    if replaced:
        warnings = [*warnings, f"[E005] {source}: lone UTF-16 surrogates (\\ud800-\\udfff) replaced by U+FFFD"]
    text = _first(record, _TEXT_KEYS)
    if not isinstance(text, str):
        raise InputError("E011", source, "field 'text' (or 'maintext') is missing or not a string")
    if not text.strip():
        raise InputError("E002", source, "field 'text' is empty or whitespace only")
    check_size(text.encode("utf-8", "surrogatepass"), source, max_bytes=options.max_bytes)
    fields = ArticleFields(
        id=_string(record.get("id")),
        title=_string(record.get("title")),
        lead=_string(_first(record, _LEAD_KEYS)),
        date=_first(record, _DATE_KEYS),
        authors=authors_from(record.get("authors", record.get("author"))),
        url=_string(record.get("url")),
        outlet=_string(_first(record, _OUTLET_KEYS)),
        language=_string(record.get("language")) or options.language,
        role_files=options.role_files,
        metadata=_metadata(record, line),
        warnings=list(warnings),
    )
    return make_article(text, source=path, fields=fields)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(record: dict[str, Any], source: str) -> tuple[dict[str, Any], bool]:
    """JSON escapes can encode lone surrogates, which no UTF-8 store accepts: each becomes
    U+FFFD (one character for one, so offsets hold). Also says whether anything changed."""
    found = False

    def clean(value: Any) -> Any:
        nonlocal found
        if isinstance(value, str):
            if _SURROGATE.search(value):
                found = True
                return _SURROGATE.sub("\ufffd", value)
            return value
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {clean(key): clean(item) for key, item in value.items()}
        return value

    try:
        cleaned: dict[str, Any] = clean(record)
    except RecursionError:
        raise InputError("E011", source, "JSON record is nested too deeply") from None
    return cleaned, found


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if record.get(key) is not None:
            return record[key]
    return None


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _metadata(record: dict[str, Any], line: int | None) -> dict[str, Any]:
    extra = {key: value for key, value in record.items() if key not in _USED_KEYS}
    if line is not None:
        extra["line"] = line
    return extra
