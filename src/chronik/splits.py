"""Input splits: the units of work that a batch job hands to its workers.

A unit is a whole file, or, for large JSON Lines and CSV files, a byte range that starts
and ends on a record boundary. Units hold only paths and numbers, so they pickle cheaply
and each worker opens the file itself (the files must be visible to every worker: a
local or shared filesystem). Reading a unit gives exactly the articles and rejections
that reading the whole file gives for those records, with the same line numbers.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from chronik.readers import ReaderOptions, ReadResult, Rejection, detect_format, read_bytes, read_path
from chronik.readers.detect import HEAD_BYTES
from chronik.readers.table import detect_dialect

_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class InputUnit:
    """A whole file (`end is None`) or the records in bytes [start, end) of one file."""

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1  # line number of the first record in the range
    prefix_end: int = 0  # CSV: bytes [0, prefix_end) hold the first record, prepended to later ranges
    prefix_lines: int = 0
    format: str | None = None  # the reader format of a range (whole files are detected as usual)
    delimiter: str | None = None  # CSV dialect, detected once for the whole file
    quotechar: str | None = None


def plan_units(paths: Iterable[str], *, chunk_bytes: int, options: ReaderOptions) -> list[InputUnit]:
    """Split big JSON Lines / CSV files into record-aligned ranges of about `chunk_bytes`."""
    units: list[InputUnit] = []
    for path in paths:
        fmt = _format_of(path, options) if os.path.getsize(path) > chunk_bytes else None
        if fmt == "jsonl":
            units.extend(_line_units(path, chunk_bytes=chunk_bytes))
        elif fmt == "csv":
            units.extend(_csv_units(path, chunk_bytes=chunk_bytes, options=options))
        else:
            units.append(InputUnit(path))
    return units


def _format_of(path: str, options: ReaderOptions) -> str:
    """The reader's format for a file; a pretty-printed JSON document is not split."""
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    fmt = options.format or detect_format(head, name=path)
    if fmt == "jsonl" and not _first_line_parses(head):
        return "json-document"
    return fmt


def _first_line_parses(head: bytes) -> bool:
    first = head.split(b"\n", 1)[0]
    try:
        json.loads(first)
    except ValueError:
        return False
    return True


def _line_units(path: str, *, chunk_bytes: int) -> list[InputUnit]:
    units: list[InputUnit] = []
    start, line, first_line = 0, 1, 1
    with open(path, "rb") as stream:
        position = 0
        for raw in stream:
            position += len(raw)
            line += 1
            if position - start >= chunk_bytes:
                units.append(InputUnit(path, start, position, first_line, format="jsonl"))
                start, first_line = position, line
    if position > start or not units:
        units.append(InputUnit(path, start, position, first_line, format="jsonl"))
    return units


class _CountingLines:
    """Decoded lines of a binary file for `csv.reader`, counting the bytes consumed so far."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.position = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self._stream:
            self.position += len(raw)
            yield raw.decode("utf-8", "surrogateescape")


def csv_dialect(path: str, options: ReaderOptions) -> tuple[str, str]:
    """Delimiter and quote character of a CSV file, detected exactly as the CSV reader does."""
    with open(path, "rb") as stream:
        head = stream.read(_SNIFF_BYTES).decode("utf-8-sig", "surrogateescape")
    # The reader's own detection (no public name yet), so that ranges and whole files agree.
    dialect = detect_dialect(head, options)
    return str(dialect.delimiter), str(dialect.quotechar)


def _skip_prefix(rows: Iterator[list[str]]) -> bool:
    """Consume the records that make up the first two lines of the file.

    Later ranges are read with these records in front, so that the reader sees the same
    header and the same first lines (it detects the CSV layout from them) as for the
    whole file; results from them are dropped.
    """
    try:
        next(rows)
        if getattr(rows, "line_num", 0) < 2:
            next(rows)
    except (StopIteration, csv.Error):
        return False
    return True


def _csv_units(path: str, *, chunk_bytes: int, options: ReaderOptions) -> list[InputUnit]:
    delimiter, quotechar = csv_dialect(path, options)
    csv.field_size_limit(max(options.max_bytes, 1024))
    make = functools.partial(InputUnit, path, delimiter=delimiter, quotechar=quotechar)
    units: list[InputUnit] = []
    with open(path, "rb") as stream:
        lines = _CountingLines(stream)
        rows = csv.reader(iter(lines), delimiter=delimiter, quotechar=quotechar)
        if not _skip_prefix(rows):
            return [InputUnit(path)]  # too short or broken from the start: the reader reports it
        prefix_end, prefix_lines = lines.position, rows.line_num
        start, first_line = 0, 1
        try:
            for _ in rows:
                if lines.position - start >= chunk_bytes:
                    units.append(make(start=start, end=lines.position, first_line=first_line, format="csv"))
                    start, first_line = lines.position, rows.line_num + 1
        except csv.Error:
            pass  # the reader of the last range reports the broken record
    units.append(make(start=start, end=None, first_line=first_line, format="csv"))
    return [
        dataclasses.replace(unit, prefix_end=prefix_end, prefix_lines=prefix_lines) if unit.start > 0 else unit
        for unit in units
    ]


def read_unit(unit: InputUnit, options: ReaderOptions) -> Iterator[ReadResult]:
    """Articles and rejections of one unit, as the readers give them for the whole file."""
    if unit.start == 0 and unit.end is None:
        yield from read_path(unit.path, options=options)
        return
    try:
        yield from _read_range(unit, options)
    except OSError as exc:
        yield Rejection(unit.path, "E001", f"cannot read: {exc.strerror or exc}")


def _read_range(unit: InputUnit, options: ReaderOptions) -> Iterator[ReadResult]:
    with open(unit.path, "rb") as stream:
        prefix = stream.read(unit.prefix_end)
        stream.seek(unit.start)
        body = stream.read() if unit.end is None else stream.read(unit.end - unit.start)
    options = dataclasses.replace(options, format=unit.format)
    if unit.delimiter is not None:
        options = dataclasses.replace(options, delimiter=unit.delimiter, quotechar=unit.quotechar)
    shift = unit.first_line - 1 - unit.prefix_lines
    for result in read_bytes(prefix + body, source=unit.path, options=options):
        line = _line_of(result)
        if line is not None and line <= unit.prefix_lines:
            continue  # the prepended first record belongs to the first range
        yield _shift_line(result, unit.path, shift)


def _line_of(result: ReadResult) -> int | None:
    if isinstance(result, Rejection):
        return result.line
    line = result.metadata.get("line")
    return line if isinstance(line, int) else None


def _shift_line(result: ReadResult, path: str, shift: int) -> ReadResult:
    line = _line_of(result)
    if line is None or shift == 0:
        return result
    if isinstance(result, Rejection):
        source = f"{path}:{line + shift}" if result.source == f"{path}:{line}" else result.source
        return dataclasses.replace(result, source=source, line=line + shift)
    result.metadata["line"] = line + shift
    result.warnings = [warning.replace(f"{path}:{line}", f"{path}:{line + shift}") for warning in result.warnings]
    return result
