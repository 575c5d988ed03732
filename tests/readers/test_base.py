"""Decoding and binary detection shared by all readers (chronik/readers/base.py)."""

from __future__ import annotations

import bz2
import gzip

import pytest

from chronik.readers.base import binary_kind, decode_with_fallback, utf16_encoding

TEXT = "Grüße aus Zürich: 3 € für die Bäckerei."


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"%PDF-1.4\n...", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n....", "a PNG image"),
        (b"PK\x03\x04rest", "a ZIP archive (or DOCX, XLSX, ODT, EPUB)"),
        (bz2.compress(b"Hallo"), "a bzip2 archive"),
        (b"Ein Text\x00mit NUL", "binary data (NUL bytes)"),
    ],
)
def test_binary_kind_names_the_format(raw: bytes, kind: str) -> None:
    assert binary_kind(raw) == kind


@pytest.mark.parametrize("raw", [b"RIFF ist ein Wort", b"BZh9 ist kein Archiv", TEXT.encode("utf-16-le")])
def test_binary_kind_leaves_text_alone(raw: bytes) -> None:
    assert binary_kind(raw) is None


def test_gzip_is_left_to_the_gzip_reader() -> None:
    assert binary_kind(gzip.compress(b"Hallo")) is not None  # only reached when read as plain text


def test_decode_mixed_utf8_and_cp1252_keeps_both_parts() -> None:
    decoded = decode_with_fallback(TEXT.encode() + b" / " + TEXT.encode("cp1252"), "x")
    assert decoded.text == f"{TEXT} / {TEXT}"
    assert decoded.encoding == "utf-8+cp1252" and decoded.warnings[0].startswith("[E005] x:")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_decode_utf16_with_and_without_bom(encoding: str) -> None:
    raw = TEXT.encode(encoding)
    assert utf16_encoding(raw) is not None
    assert decode_with_fallback(raw, "x").text == TEXT


def test_utf8_text_is_never_taken_for_utf16() -> None:
    assert utf16_encoding(TEXT.encode()) is None
    decoded = decode_with_fallback(TEXT.encode(), "x")
    assert decoded.text == TEXT and not decoded.warnings
