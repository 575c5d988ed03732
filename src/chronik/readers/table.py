"""CSV/TSV: one article per row, with a configurable text column, delimiter and quote.

The 10kGNAD layout (`label;'text'`, `;` separator, `'` quoting, no header) is detected.
With a header, a column named text/maintext/content/body holds the text and other
columns (title, date, url, id, authors, ...) are read like JSON Lines fields.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from chronik.errors import ChronikError, InputError
from chronik.readers.base import ReaderOptions, ReadResult, Rejection, decode_with_fallback
from chronik.readers.jsonl import record_to_article

_TEXT_COLUMNS = ("text", "maintext", "content", "body", "article", "fulltext")
_LABEL_TEXT = re.compile(r"^[^\W\d][\w-]{0,39};\S")
_SNIFF_BYTES = 64 * 1024


def looks_like_label_text(head: str) -> bool:
    """The 10kGNAD layout: the first lines all start with a one-word label and `;`."""
    lines = [line for line in head.splitlines()[:4] if line.strip()]
    return len(lines) >= 2 and all(_LABEL_TEXT.match(line) for line in lines[:3])


def read_table(stream: BinaryIO, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    """Articles and rejections, row by row; a broken CSV stops with an E015 rejection."""
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    head = text_stream.read(_SNIFF_BYTES)
    dialect = detect_dialect(head, options)
    rows = csv.reader(_prepend(head, text_stream), dialect)
    # Cells over the limit are rejected per row (E004); far larger ones stop the file (E015).
    csv.field_size_limit(max(options.max_bytes * 4, 1 << 20))
    try:
        yield from _read_rows(rows, head, source, options)
    except csv.Error as exc:
        yield Rejection(f"{source}:{rows.line_num}", "E015", f"malformed CSV: {exc}", rows.line_num)


def _prepend(head: str, rest: io.TextIOWrapper) -> Iterator[str]:
    yield from io.StringIO(head + rest.readline(), newline="")
    while line := rest.readline():
        yield line


def detect_dialect(head: str, options: ReaderOptions) -> type[csv.Dialect]:
    delimiter, quotechar = options.delimiter, options.quotechar
    if delimiter is None and looks_like_label_text(head):
        delimiter, quotechar = ";", quotechar or "'"
    if delimiter is None or quotechar is None:
        sniffed_delimiter, sniffed_quote = _sniff(head)
        delimiter, quotechar = delimiter or sniffed_delimiter, quotechar or sniffed_quote

    class Dialect(csv.excel):
        pass

    Dialect.delimiter, Dialect.quotechar = delimiter, quotechar
    return Dialect


def _sniff(head: str) -> tuple[str, str]:
    """Delimiter and quote from the first line (a header or first row): the most frequent of , ; tab |."""
    first_line = head.split("\n", 1)[0]
    counts = {candidate: first_line.count(candidate) for candidate in ",;\t|"}
    delimiter = max(counts, key=lambda key: counts[key]) if any(counts.values()) else ","
    quote = "'" if first_line.startswith("'") or f"{delimiter}'" in first_line else '"'
    return delimiter, quote


def _read_rows(rows: Iterator[list[str]], head: str, source: str, options: ReaderOptions) -> Iterator[ReadResult]:
    first = next(rows, None)
    if first is None:
        yield Rejection(source, "E002", "CSV has no rows")
        return
    header = _header(first, options)
    column = _text_column(header or first, header is not None, options, source)
    names = header or _column_names(len(first), column, looks_like_label_text(head))
    if header is None:
        yield _read_row(first, names, column, source, 1, options)
    for row in rows:
        line = getattr(rows, "line_num", 0)
        if any(cell.strip() for cell in row):
            yield _read_row(row, names, column, source, line, options)


def _header(first: list[str], options: ReaderOptions) -> list[str] | None:
    lowered = [cell.strip().lower() for cell in first]
    wanted = options.text_column.lower() if options.text_column and not options.text_column.isdigit() else None
    if (wanted and wanted in lowered) or (wanted is None and any(name in lowered for name in _TEXT_COLUMNS)):
        return [cell.strip() for cell in first]
    return None


def _text_column(cells: list[str], has_header: bool, options: ReaderOptions, source: str) -> int:
    wanted = options.text_column
    if wanted is not None and wanted.isdigit():
        if int(wanted) >= len(cells):
            raise InputError("E015", source, f"text column {wanted} does not exist ({len(cells)} columns)")
        return int(wanted)
    if has_header:
        lowered = [cell.lower() for cell in cells]
        for name in (wanted.lower(),) if wanted else _TEXT_COLUMNS:
            if name in lowered:
                return lowered.index(name)
        raise InputError("E015", source, f"no text column {wanted!r} in header")
    if wanted is not None:
        raise InputError("E015", source, f"no header row, so no column named {wanted!r}; give an index")
    return max(range(len(cells)), key=lambda index: len(cells[index]))  # the longest cell holds the text


def _column_names(count: int, text_column: int, label_text: bool) -> list[str]:
    names = [f"column_{index}" for index in range(count)]
    if label_text and count == 2:
        names[0] = "label"
    names[text_column] = "text"
    return names


def _read_row(
    row: list[str], names: list[str], column: int, source: str, line: int, options: ReaderOptions
) -> ReadResult:
    row_source = f"{source}:{line}"
    if column >= len(row):
        return Rejection(row_source, "E015", f"row has {len(row)} columns, text column is {column}", line)
    warnings: list[str] = []
    record: dict[str, object] = {}
    for name, cell in zip(names, row, strict=False):
        record[name] = _redecode(cell, row_source, warnings)
    record["text"] = record.pop(names[column])
    try:
        return record_to_article(record, path=source, source=row_source, options=options, warnings=warnings, line=line)
    except ChronikError as exc:
        return Rejection(exc.source, exc.code, exc.problem, line)


def _redecode(cell: str, source: str, warnings: list[str]) -> str:
    """Undo `surrogateescape` for cells that were not UTF-8 (cp1252/latin-1, with a warning)."""
    if not any("\udc80" <= char <= "\udcff" for char in cell):
        return cell
    decoded = decode_with_fallback(cell.encode("utf-8", "surrogateescape"), source)
    warnings.extend(decoded.warnings)
    return decoded.text
