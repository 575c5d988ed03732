"""What every reader shares: options, rejections, decoding, ids and dates.

A reader turns one input (file, line, record) into either an `Article` or a `Rejection`,
so that a batch can go on past bad input. Only `read_*` entry points raise, and only
`ChronikError`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from dateutil import parser as date_parser

from chronik.errors import InputError
from chronik.model import Article, content_hash

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
FORMATS = ("news", "text", "html", "feed", "warc", "jsonl", "csv")
# Control characters that never appear in text files (tab, newlines, form feed and ESC excluded).
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32))
_MIN_YEAR = 1800


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """How to read inputs; every field has a sensible default."""

    format: str | None = None  # None: detect by content
    max_bytes: int = DEFAULT_MAX_BYTES  # per article (file, line or record)
    text_column: str | None = None  # CSV: column name or 0-based index
    delimiter: str | None = None  # CSV: None = detect
    quotechar: str | None = None  # CSV: None = detect
    language: str = "de"
    role_files: tuple[str, ...] = ()  # extra role-word files for bylines (format of data/structure/roles.txt)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become an article, with a coded reason."""

    source: str  # path, with ":<line>" or "#<record>" where there is one
    code: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        return f"[{self.code}] {self.source}: {self.problem}"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "code": self.code, "problem": self.problem, "line": self.line}


ReadResult = Article | Rejection


@dataclass(slots=True)
class DecodedText:
    text: str
    warnings: list[str] = field(default_factory=list)
    encoding: str = "utf-8"


def check_size(raw: bytes, source: str, *, max_bytes: int) -> None:
    """Raise E004 when `raw` is over the size limit."""
    if len(raw) > max_bytes:
        raise InputError("E004", source, f"{len(raw):,} bytes is over the limit of {max_bytes:,} bytes")


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text: NUL bytes or many control characters near the start."""
    head = raw[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, _BINARY_BYTES))
    return control / len(head) > 0.05


def decode_bytes(raw: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Decode text input: UTF-8, else cp1252, else latin-1 (with an E005 warning).

    Raises E004 (too large), E003 (binary) or E002 (empty or whitespace only).
    """
    check_size(raw, source, max_bytes=max_bytes)
    if looks_binary(raw):
        raise InputError("E003", source, "input looks binary (NUL or control bytes), not text")
    decoded = decode_with_fallback(raw, source)
    if not decoded.text.strip():
        raise InputError("E002", source, "input is empty or whitespace only")
    return decoded


def decode_with_fallback(raw: bytes, source: str) -> DecodedText:
    try:
        return DecodedText(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        position = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        warning = f"[E005] {source}: invalid UTF-8 at byte {position}; decoded as {encoding}"
        return DecodedText(text, [warning], encoding)
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def article_id(text: str) -> str:
    """Article id derived from the content: `a-` + the first 16 hex digits of its hash."""
    return "a-" + content_hash(text)[:16]


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_date(value: object, source: str) -> str:
    """Normalise a publication date to ISO `YYYY-MM-DD` or raise E016."""
    if isinstance(value, dt.datetime | dt.date):
        return _plausible(dt.date(value.year, value.month, value.day), source, str(value))
    if not isinstance(value, str) or not value.strip():
        raise InputError("E016", source, f"date {value!r} is not a string")
    text = value.strip()
    try:
        if _ISO_DATE.match(text):
            parsed = dt.date.fromisoformat(text[:10])
        else:
            parsed = date_parser.parse(text, dayfirst=True, fuzzy=False).date()
    except (ValueError, OverflowError) as exc:
        raise InputError("E016", source, f"cannot parse date {text!r}: {exc}") from None
    return _plausible(parsed, source, text)


def _plausible(date: dt.date, source: str, raw: str) -> str:
    latest = dt.date.today() + dt.timedelta(days=366)
    if date.year < _MIN_YEAR or date > latest:
        raise InputError("E016", source, f"implausible date {raw!r}")
    return date.isoformat()


def date_or_warning(value: object, source: str, warnings: list[str]) -> str | None:
    """`parse_date`, but a bad date becomes an E016 warning instead of a rejection."""
    if value is None or value == "":
        return None
    try:
        return parse_date(value, source)
    except InputError as exc:
        warnings.append(str(exc))
        return None
