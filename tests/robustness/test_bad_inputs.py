"""The bad-input catalogue: every class gives a coded rejection or a documented graceful
result, and the batch goes on (a good article before and after the bad input is stored).

docs/robustness.md lists the classes with their outcome.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from chronik.model import Article
from tests.robustness.conftest import GOOD_AFTER, GOOD_BEFORE, BatchResult, BatchRunner

Builder = Callable[[Path], Path]


@dataclass(frozen=True)
class Rejected:
    """The bad input is rejected with this code (and nothing of it is stored)."""

    code: str


@dataclass(frozen=True)
class Stored:
    """The bad input is stored; `check` asserts the graceful result on the article."""

    check: Callable[[Article], None]
    warning: str | None = None  # an error code that must appear among the article's warnings


def _write(name: str, data: bytes) -> Builder:
    def build(directory: Path) -> Path:
        path = directory / name
        path.write_bytes(data)
        return path

    return build


def _jsonl(name: str, *records: object) -> Builder:
    lines = [json.dumps(record, ensure_ascii=True) if not isinstance(record, str) else record for record in records]
    return _write(name, ("\n".join(lines) + "\n").encode("utf-8"))


def _big_text(directory: Path) -> Path:
    path = directory / "riesig.txt"
    paragraph = ("Ein langer Absatz über nichts Besonderes, immer wieder. " * 20 + "\n\n").encode()
    with path.open("wb") as stream:
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            stream.write(paragraph)
    return path


def _single_line(directory: Path) -> Path:
    path = directory / "eine_zeile.txt"
    path.write_bytes(b"Wort " * (5 * 1024 * 1024 // 5))
    return path


def _tiny_paragraphs(directory: Path) -> Path:
    path = directory / "absaetze.txt"
    path.write_text("\n\n".join(f"A{number}." for number in range(100_000)), encoding="utf-8")
    return path


def _nested_html(directory: Path) -> Path:
    depth = 20_000
    html = "<html><body>" + "<div>" * depth + "<p>Tief verschachtelt ist dieser Text.</p>" + "</div>" * depth
    path = directory / "tief.html"
    path.write_text(html + "</body></html>", encoding="utf-8")
    return path


def _truncated_warc(directory: Path) -> Path:
    html = (
        b"<html><body><article><p>" + b"Ein Absatz aus dem Archiv, lang genug. " * 20 + b"</p></article></body></html>"
    )
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    header = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: http://example.org/a\r\nWARC-Date: 2025-12-06T10:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n"
    )
    record = header + http + b"\r\n\r\n"
    path = directory / "kaputt.warc"
    path.write_bytes(record[: len(record) // 2])
    return path


def _truncated_gzip(directory: Path) -> Path:
    data = gzip.compress(("Ein Text, der komprimiert wurde. " * 500).encode())
    path = directory / "abgeschnitten.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    return path


def _corrupt_gzip(directory: Path) -> Path:
    data = bytearray(gzip.compress(("Noch ein komprimierter Text. " * 500).encode()))
    data[20:60] = bytes(range(40))
    path = directory / "korrupt.txt.gz"
    path.write_bytes(bytes(data))
    return path


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol4;</title>
<item><title>Titel</title><description>&lol4;</description></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Feed</title>
<item><title>Geheim</title><description>&xxe;</description></item></channel></rss>"""

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"stream\nx\x9c\xcb\xe4\x02endstream\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(255, 0, -1)) * 4
ZIP = b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" + bytes(200)

SAID = "Die Ministerin sagte am Montag in Berlin, die Reform komme im Frühling."
UMLAUTS = "Grüße aus Zürich: Die Bäckerei öffnet um 7 Uhr und kostet 3 €."


def _text_is(expected: str) -> Callable[[Article], None]:
    def check(article: Article) -> None:
        assert article.text == expected

    return check


def _contains(*parts: str) -> Callable[[Article], None]:
    def check(article: Article) -> None:
        for part in parts:
            assert part in article.text

    return check


def _no_date(article: Article) -> None:
    assert article.date is None


def _paragraph_count(count: int) -> Callable[[Article], None]:
    def check(article: Article) -> None:
        assert len(article.paragraphs) == count
        assert all(article.text[p.start : p.end] == p.text for p in article.paragraphs)

    return check


def _one_paragraph(article: Article) -> None:
    assert len(article.paragraphs) == 1 and article.paragraphs[0].end == len(article.text.rstrip())


RTL = "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd. \u202eرسالة من القاهرة\u202c: الحكومة تجتمع اليوم."
EMOJI = "Der Kanzler 🇩🇪 lachte 😂👍🏽 – die Familie 👨‍👩‍👧‍👦 auch. Kosmos: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢."
ZERO_WIDTH = "Bundes\u00adrat\u200b beschließt\u200c\u200d neue\ufeff Regeln\u2060 für\u200e Bern."
UNBALANCED = "«Das ist der Anfang eines Zitats, das nie endet.\n\nUnd weiter geht es, sagte er, ohne Ende. " * 30

CASES: dict[str, tuple[Builder, Rejected | Stored]] = {
    "empty": (_write("leer.txt", b""), Rejected("E002")),
    "whitespace_only": (_write("leer2.txt", b" \n\t\r\n   \n\x0c"), Rejected("E002")),
    "unicode_whitespace_only": (_write("leer3.txt", "\u3000\u2003\n\u00a0".encode()), Rejected("E002")),
    "random_binary": (_write("zufall.bin", os.urandom(4096) + b"\x00"), Rejected("E003")),
    "pdf": (_write("bericht.pdf", PDF), Rejected("E003")),
    "png_image": (_write("bild.txt", PNG), Rejected("E003")),
    "jpeg_image": (_write("foto.jpg", JPEG), Rejected("E003")),
    "zip_docx": (_write("brief.docx", ZIP), Rejected("E003")),
    "nul_bytes_in_text_file": (_write("nul.txt", SAID.encode() + b"\x00\x00" + SAID.encode()), Rejected("E003")),
    "nul_escaped_in_jsonl": (_jsonl("nul.jsonl", {"text": SAID + "\u0000" + SAID}), Stored(_contains("\x00"))),
    "invalid_utf8": (_write("kaputt.txt", SAID.encode() + b" \xff\xfe\xc3 Ende."), Stored(_contains(SAID), "E005")),
    "utf16_with_bom": (_write("utf16.txt", UMLAUTS.encode("utf-16")), Stored(_text_is(UMLAUTS), "E005")),
    "utf16_le_without_bom": (_write("utf16le.txt", UMLAUTS.encode("utf-16-le")), Stored(_text_is(UMLAUTS), "E005")),
    "utf16_be_without_bom": (_write("utf16be.txt", UMLAUTS.encode("utf-16-be")), Stored(_text_is(UMLAUTS), "E005")),
    "cp1252": (_write("ansi.txt", UMLAUTS.encode("cp1252")), Stored(_text_is(UMLAUTS), "E005")),
    "mixed_utf8_and_cp1252": (
        _write("gemischt.txt", UMLAUTS.encode("utf-8") + b"\n\n" + UMLAUTS.encode("cp1252")),
        Stored(_text_is(UMLAUTS + "\n\n" + UMLAUTS), "E005"),
    ),
    "text_50mb": (_big_text, Rejected("E004")),
    "single_line_5mb": (_single_line, Stored(_one_paragraph)),
    "100k_tiny_paragraphs": (_tiny_paragraphs, Stored(_paragraph_count(100_000))),
    "deeply_nested_html": (_nested_html, Rejected("E012")),
    "html_scripts_and_styles_only": (
        _write(
            "leer.html", b"<html><head><style>p{color:red}</style></head><body><script>alert(1)</script></body></html>"
        ),
        Rejected("E012"),
    ),
    "feed_billion_laughs": (_write("lachen.rss", BILLION_LAUGHS), Rejected("E013")),
    "feed_external_entity": (_write("xxe.rss", EXTERNAL_ENTITY), Rejected("E013")),
    "warc_truncated": (_truncated_warc, Rejected("E014")),
    "gzip_truncated": (_truncated_gzip, Rejected("E014")),
    "gzip_corrupt": (_corrupt_gzip, Rejected("E014")),
    "jsonl_broken_line": (_jsonl("kaputt.jsonl", '{"text": "nicht zu Ende'), Rejected("E010")),
    "jsonl_text_wrong_type": (_jsonl("typ.jsonl", {"text": 42}), Rejected("E011")),
    "jsonl_not_an_object": (_jsonl("liste.jsonl", '["text", "kein Objekt"]'), Rejected("E011")),
    "jsonl_nested_too_deep": (_jsonl("tief.jsonl", "[" * 100_000 + "]" * 100_000), Rejected("E010")),
    "jsonl_lone_surrogate": (_jsonl("surrogat.jsonl", {"text": SAID + "\ud800"}), Stored(_contains(SAID), "E005")),
    "jsonl_wrong_field_types": (
        _jsonl("felder.jsonl", {"text": SAID, "title": ["x"], "authors": 7, "date": {"y": 1}, "url": 3.5}),
        Stored(_text_is(SAID), "E016"),
    ),
    "date_in_the_future": (_jsonl("zukunft.jsonl", {"text": SAID, "date": "2999-01-01"}), Stored(_no_date, "E016")),
    "date_unparseable": (_jsonl("datum.jsonl", {"text": SAID, "date": "am Tag X"}), Stored(_no_date, "E016")),
    "news_header_impossible_date": (
        _write("datum.txt", f" date 2025-02-30 {SAID}\n\nZweiter Absatz.".encode()),
        Stored(_no_date),
    ),
    "csv_row_without_text_column": (_write("tabelle.csv", b"id,titel,text\n1\n"), Rejected("E015")),
    "not_german": (
        _write("english.txt", b"The council met on Tuesday. Nothing happened."),
        Stored(_contains("council")),
    ),
    "right_to_left": (_write("rtl.txt", RTL.encode()), Stored(_text_is(RTL))),
    "emoji_and_astral": (_write("emoji.txt", EMOJI.encode()), Stored(_text_is(EMOJI))),
    "zero_width_characters": (_write("unsichtbar.txt", ZERO_WIDTH.encode()), Stored(_text_is(ZERO_WIDTH))),
    "unbalanced_quotation_marks": (_write("zitat.txt", UNBALANCED.encode()), Stored(_text_is(UNBALANCED))),
    "cr_only_line_ends": (_write("mac.txt", SAID.encode() + b"\r\r" + UMLAUTS.encode()), Stored(_paragraph_count(2))),
    "missing_file": (lambda directory: directory / "gibt_es_nicht.txt", Rejected("E001")),
    "glob_without_match": (lambda directory: Path(str(directory / "*.nichts")), Rejected("E001")),
}


def _check(result: BatchResult, expected: Rejected | Stored) -> None:
    report = result.report
    texts = result.stored_texts()
    assert GOOD_BEFORE in texts and GOOD_AFTER in texts, report.rejections
    if isinstance(expected, Rejected):
        assert (report.ingested, report.rejected) == (2, 1), report.rejections
        assert report.rejections[0].code == expected.code, report.rejections[0]
        assert report.rejections[0].problem  # a readable reason
        assert result.store.rejections().items[0]["code"] == expected.code
        return
    assert (report.ingested, report.rejected) == (3, 0), report.rejections
    [article] = [a for a in result.store.iter_articles() if a.text not in (GOOD_BEFORE, GOOD_AFTER)]
    expected.check(article)
    if expected.warning is not None:
        assert any(f"[{expected.warning}]" in warning for warning in article.warnings), article.warnings


SLOW_CASES = {"single_line_5mb", "100k_tiny_paragraphs"}  # linear, but the store indexes megabytes of text


@pytest.mark.parametrize(
    "case", [pytest.param(c, marks=pytest.mark.slow) if c in SLOW_CASES else c for c in sorted(CASES)]
)
def test_bad_input_is_coded_and_batch_goes_on(case: str, run_batch: BatchRunner, tmp_path: Path) -> None:
    build, expected = CASES[case]
    bad = tmp_path / "bad"
    bad.mkdir()
    _check(run_batch(build(bad)), expected)


def test_catalogue_has_at_least_30_classes() -> None:
    assert len(CASES) >= 30


def test_external_entity_content_never_read(run_batch: BatchRunner, tmp_path: Path) -> None:
    result = run_batch(_write("xxe.rss", EXTERNAL_ENTITY)(tmp_path))
    assert not any("root:" in text for text in result.stored_texts())
    assert "root:" not in json.dumps([r.to_dict() for r in result.report.rejections])


def test_jsonl_broken_lines_keep_line_numbers(run_batch: BatchRunner, tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Meldung {n}: Der Rat tagte."}) for n in range(5)]
    lines[1] = '{"text": '
    lines[3] = '{"text": ["falsch"]}'
    path = tmp_path / "mix.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run_batch(path)
    assert result.report.ingested == 2 + 3
    assert [(r.code, r.line) for r in result.report.rejections] == [("E010", 2), ("E011", 4)]


def test_gzip_of_good_text_is_read(run_batch: BatchRunner, tmp_path: Path) -> None:
    path = tmp_path / "gut.txt.gz"
    path.write_bytes(gzip.compress(SAID.encode()))
    result = run_batch(path)
    assert SAID in result.stored_texts()


def test_gzip_bomb_is_limited(run_batch: BatchRunner, tmp_path: Path) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * (1 << 20)
    payload = b"".join(compressor.compress(chunk) for _ in range(200)) + compressor.flush()
    path = tmp_path / "bombe.txt.gz"
    path.write_bytes(payload)  # 200 MB of "a" in about 200 kB
    result = run_batch(path)
    assert [r.code for r in result.report.rejections] == ["E004"]


def test_bad_inputs_inside_one_directory(run_batch: BatchRunner, tmp_path: Path) -> None:
    folder = tmp_path / "ordner"
    folder.mkdir()
    for name in ("empty", "pdf", "jsonl_broken_line", "utf16_with_bom"):
        CASES[name][0](folder)
    result = run_batch(folder)
    assert sorted(r.code for r in result.report.rejections) == ["E002", "E003", "E010"]
    assert result.report.ingested == 3


def test_stdin_is_not_needed_for_in_memory_bytes() -> None:
    from chronik.readers import read_bytes

    [result] = list(read_bytes(io.BytesIO(PDF).getvalue(), source="x"))
    assert str(result).startswith("[E003] x:")
