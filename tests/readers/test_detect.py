"""Format detection by content (chronik/readers/detect.py)."""

from __future__ import annotations

import gzip
import json

import pytest

from chronik.model import Article
from chronik.readers import ReaderOptions, read_bytes
from chronik.readers.detect import detect_format


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b" date 2025-12-06 Ein Vorspann.\n\nText.", "x", "news"),
        (b"Ein ganz normaler Text.\n\nZweiter Absatz.", "x", "text"),
        (b"<!DOCTYPE html><html><body><p>Hallo</p></body></html>", "x", "html"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "x", "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', "x", "feed"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "x", "warc"),
        (b'{"text": "Hallo"}\n{"text": "Welt"}\n', "x", "jsonl"),
        (b"Inland;'Ein Text.'\nSport;Noch ein Text.\n", "x", "csv"),
        (b"title,text\nA,B\n", "daten.csv", "csv"),
        (b"title,text\nA,B\n", "daten.txt", "text"),
        (b"[Anzeige] Ein Text in Klammern.", "x", "text"),
        (b"Kein HTML, obwohl die Endung es behauptet.", "seite.html", "text"),
    ],
)
def test_detect_format_by_content(head: bytes, name: str, expected: str) -> None:
    assert detect_format(head, name=name) == expected


def test_detect_format_gzip_warc_and_gzip_other() -> None:
    assert detect_format(gzip.compress(b"WARC/1.0\r\n"), name="a") == "warc"
    assert detect_format(gzip.compress(b'{"text": "x"}'), name="a.jsonl.gz") == "gzip"


def test_read_gzipped_jsonl() -> None:
    raw = gzip.compress((json.dumps({"text": "Eins."}) + "\n" + json.dumps({"text": "Zwei."})).encode())
    results = list(read_bytes(raw, source="batch.jsonl.gz", options=ReaderOptions()))
    assert [r.text for r in results if isinstance(r, Article)] == ["Eins.", "Zwei."]


def test_read_unknown_format_option_is_e006() -> None:
    [rejection] = list(read_bytes(b"Text", options=ReaderOptions(format="pdf")))
    assert not isinstance(rejection, Article) and rejection.code == "E006"
