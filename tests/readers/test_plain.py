"""Plain text and the plain news format (chronik/readers/plain.py)."""

from __future__ import annotations

import pytest

from chronik.model import Article
from chronik.readers import ReaderOptions, Rejection, read_bytes

NEWS = (
    " date 2025-03-14 In Graz hat der Gemeinderat ein Sparpaket beschlossen. Die Opposition ist empört.\n"
    "\n"
    "Johanna Beispiel Redakteurin\n"
    "\n"
    "Bürgermeister Karl Muster (51) sagte am Donnerstag, die Stadt müsse sparen.\n"
    "\n"
    "Kindergärten bleiben verschont\n"
    "\n"
    "Die Gebühren für Kindergärten sollen nicht steigen, hiess es aus dem Rathaus.\n"
    "\n"
    "Was sagt die Opposition?\n"
    "\n"
    "Die Grünen sprechen von einem «Kahlschlag» und wollen dagegen stimmen."
)


def _article(raw: bytes, **options: object) -> Article:
    results = list(read_bytes(raw, source="test.txt", options=ReaderOptions(**options)))  # type: ignore[arg-type]
    assert len(results) == 1
    result = results[0]
    assert isinstance(result, Article), result
    return result


def _rejection(raw: bytes, **options: object) -> Rejection:
    results = list(read_bytes(raw, source="test.txt", options=ReaderOptions(**options)))  # type: ignore[arg-type]
    assert len(results) == 1
    assert isinstance(results[0], Rejection), results[0]
    return results[0]


def test_read_news_format_shapes() -> None:
    article = _article(NEWS.encode())
    assert article.text == NEWS
    assert article.date == "2025-03-14"
    assert article.lead == "In Graz hat der Gemeinderat ein Sparpaket beschlossen. Die Opposition ist empört."
    assert [(a.name, a.role) for a in article.authors] == [("Johanna Beispiel", "Redakteurin")]
    assert [p.text for p in article.subheads] == ["Kindergärten bleiben verschont", "Was sagt die Opposition?"]
    body = [p for p in article.paragraphs if p.kind == "body"]
    assert len(body) == 3
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


def test_read_plain_text_keeps_text_exactly() -> None:
    text = "\ufeffZeile eins\r\n\r\nZeile zwei  \n"
    article = _article(text.encode("utf-8"))
    assert article.text == "Zeile eins\r\n\r\nZeile zwei  \n"  # only the byte order mark is dropped
    assert [p.text for p in article.paragraphs] == ["Zeile eins", "Zeile zwei"]


def test_read_plain_id_is_content_hash() -> None:
    first = _article(b"Ein kurzer Text.")
    second = _article(b"Ein kurzer Text.")
    assert first.id == second.id
    assert first.id.startswith("a-") and len(first.id) == 18


@pytest.mark.parametrize("raw", [b"", b"   \n\t\n  "])
def test_read_empty_input_is_e002(raw: bytes) -> None:
    assert _rejection(raw).code == "E002"


def test_read_binary_input_is_e003() -> None:
    assert _rejection(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").code == "E003"


def test_read_over_size_limit_is_e004() -> None:
    rejection = _rejection(b"Ein Satz. " * 200, max_bytes=1000)
    assert rejection.code == "E004"
    assert "1,000" in rejection.problem


def test_read_cp1252_falls_back_with_warning() -> None:
    article = _article("Die Gespräche in Zürich – ein Erfolg.".encode("cp1252"))
    assert article.text == "Die Gespräche in Zürich – ein Erfolg."
    assert len(article.warnings) == 1 and article.warnings[0].startswith("[E005]")
    assert "cp1252" in article.warnings[0]


def test_read_latin1_when_cp1252_fails() -> None:
    raw = "Österreich".encode("latin-1") + b"\x81"  # 0x81 is undefined in cp1252
    article = _article(raw)
    assert article.text == "Österreich\x81"
    assert "latin-1" in article.warnings[0]


def test_read_missing_file_is_e001(tmp_path: object) -> None:
    from pathlib import Path

    from chronik.readers import read_path

    results = list(read_path(Path(str(tmp_path)) / "fehlt.txt"))
    assert len(results) == 1 and isinstance(results[0], Rejection) and results[0].code == "E001"
