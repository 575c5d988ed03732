"""What every reader shares: options, rejections, decoding, ids and dates.

A reader turns one input (file, line, record) into either an `Article` or a `Rejection`,
so that a batch can go on past bad input. Only `read_*` entry points raise, and only
`ChronikError`.
"""

from __future__ import annotations

import codecs
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


# Magic numbers of common non-text formats users drop into an input folder.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX, XLSX, ODT, EPUB)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def binary_kind(raw: bytes) -> str | None:
    """What kind of non-text input `raw` is ("a PDF document", ...), or None for text."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic) and _confirmed(raw, kind):
            return kind
    if utf16_encoding(raw) is not None:
        return None
    head = raw[:8192]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if not head:
        return None
    control = len(head) - len(head.translate(None, _BINARY_BYTES))
    return "binary data (control bytes)" if control / len(head) > 0.05 else None


def _confirmed(raw: bytes, kind: str) -> bool:
    """Short magic numbers that plain text could start with need their second marker too."""
    if kind.startswith("a bzip2"):
        return raw[3:4].isdigit() and raw[4:10] == b"1AY&SY"
    if kind.startswith("a RIFF"):
        return raw[8:12] in (b"WEBP", b"WAVE", b"AVI ")
    return True


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text: known binary formats, NUL or many control bytes."""
    return binary_kind(raw) is not None


def utf16_encoding(raw: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" for UTF-16 text (with a byte order mark, or mostly Latin without one)."""
    for bom, encoding in _UTF16_BOMS:
        if raw.startswith(bom) and len(raw) % 2 == 0:
            return encoding
    head = raw[:8192]
    if len(head) < 4 or len(raw) % 2:
        return None
    even_nuls, odd_nuls = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd_nuls > 0.6 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.6 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Decode text input: UTF-8; UTF-16; else UTF-8 with invalid bytes read as cp1252 (an E005 warning).

    Raises E004 (too large), E003 (binary) or E002 (empty or whitespace only).
    """
    check_size(raw, source, max_bytes=max_bytes)
    kind = binary_kind(raw)
    if kind is not None:
        raise InputError("E003", source, f"input looks like {kind}, not text")
    decoded = decode_with_fallback(raw, source)
    if not decoded.text.strip():
        raise InputError("E002", source, "input is empty or whitespace only")
    return decoded


def decode_with_fallback(raw: bytes, source: str) -> DecodedText:
    """UTF-8 (a BOM is dropped); UTF-16 when it looks like it; else every byte sequence that
    is not UTF-8 is read as cp1252 (latin-1 for the five bytes cp1252 leaves undefined), so
    mixed files keep their UTF-8 parts intact."""
    utf16 = utf16_encoding(raw)
    if utf16 is not None:
        try:
            text = raw.decode(utf16).removeprefix("\ufeff")
        except UnicodeDecodeError:
            pass
        else:
            return DecodedText(text, [f"[E005] {source}: not UTF-8; decoded as {utf16.upper()}"], utf16)
    try:
        return DecodedText(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        position = exc.start
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors=_CP1252_FALLBACK)
    fallback = "cp1252/latin-1" if any(byte in raw for byte in _CP1252_UNDEFINED) else "cp1252"
    encoding = fallback if _is_single_byte(raw) else f"utf-8+{fallback}"
    warning = f"[E005] {source}: invalid UTF-8 at byte {position}; decoded those bytes as {fallback}"
    return DecodedText(text, [warning], encoding)


def _is_single_byte(raw: bytes) -> bool:
    """No valid multi-byte UTF-8 sequence at all (a pure cp1252/latin-1 file)."""
    return raw.decode("utf-8", errors="ignore").isascii()


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    text = "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in chunk)
    return text, error.end


_CP1252_FALLBACK = "chronik-cp1252"
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"  # read as latin-1 (C1 controls)
codecs.register_error(_CP1252_FALLBACK, _cp1252_bytes)


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
