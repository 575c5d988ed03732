"""JSON Lines (chronik/readers/jsonl.py), incl. news-please field names and broken lines."""

from __future__ import annotations

import json

from chronik.model import Article
from chronik.readers import ReaderOptions, Rejection, read_bytes


def _read(raw: bytes, **options: object) -> list[Article | Rejection]:
    return list(read_bytes(raw, source="batch.jsonl", options=ReaderOptions(**options)))  # type: ignore[arg-type]


def test_read_jsonl_fields_and_exact_text() -> None:
    record = {
        "id": "x-1",
        "text": "  Der Landtag tagte.\n\nEr beschloss ein Gesetz.  ",
        "title": "Landtag beschliesst Gesetz",
        "date": "2025-05-02T10:00:00",
        "authors": [{"name": "Eva Beispiel", "role": "Korrespondentin"}],
        "url": "https://example.org/a",
        "source": "Beispielzeitung",
        "ressort": "Inland",
    }
    [article] = _read(json.dumps(record).encode() + b"\n")
    assert isinstance(article, Article)
    assert article.id == "x-1"
    assert article.text == record["text"]
    assert article.title == "Landtag beschliesst Gesetz"
    assert article.date == "2025-05-02"
    assert [(a.name, a.role) for a in article.authors] == [("Eva Beispiel", "Korrespondentin")]
    assert article.outlet == "Beispielzeitung" and article.url == "https://example.org/a"
    assert article.metadata == {"ressort": "Inland", "line": 1}
    assert article.source == "batch.jsonl"


def test_read_jsonl_news_please_names() -> None:
    record = {
        "maintext": "Kurzer Vorspann.\n\nDer eigentliche Text.",
        "title": "Titel",
        "date_publish": "2024-02-29 08:00:00",
        "authors": ["Max Muster", "Erika Beispiel"],
        "source_domain": "zeitung.example",
        "description": "Kurzer Vorspann.",
    }
    [article] = _read(json.dumps(record).encode())
    assert isinstance(article, Article)
    assert article.text == record["maintext"]
    assert article.date == "2024-02-29"
    assert article.outlet == "zeitung.example"
    assert [a.name for a in article.authors] == ["Max Muster", "Erika Beispiel"]
    assert article.lead == "Kurzer Vorspann." and article.paragraphs[0].kind == "lead"
    assert article.id.startswith("a-")


def test_read_jsonl_broken_lines_are_rejected_with_line_numbers() -> None:
    lines = [
        json.dumps({"text": "Erster Artikel."}),
        '{"text": "kaputt',
        "",
        json.dumps({"title": "ohne Text"}),
        json.dumps(["keine", "Objekt"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Letzter Artikel."}),
    ]
    results = _read("\n".join(lines).encode())
    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    assert [a.text for a in articles] == ["Erster Artikel.", "Letzter Artikel."]
    assert [(r.code, r.line) for r in rejections] == [("E010", 2), ("E011", 4), ("E011", 5), ("E002", 6)]
    assert rejections[0].source == "batch.jsonl:2"


def test_read_jsonl_first_line_broken_keeps_the_rest() -> None:
    raw = b'{"text": "abgeschnitten\n' + json.dumps({"text": "Ganzer Artikel."}).encode() + b"\n"
    results = _read(raw)
    assert isinstance(results[0], Rejection) and results[0].line == 1
    assert isinstance(results[1], Article) and results[1].text == "Ganzer Artikel."


def test_read_json_document_pretty_printed() -> None:
    raw = json.dumps([{"text": "Eins."}, {"text": "Zwei."}], indent=2).encode()
    results = _read(raw, format="jsonl")
    assert [r.text for r in results if isinstance(r, Article)] == ["Eins.", "Zwei."]


def test_read_jsonl_bad_date_is_a_warning() -> None:
    [article] = _read(json.dumps({"text": "Text.", "date": "gestern irgendwann"}).encode())
    assert isinstance(article, Article)
    assert article.date is None
    assert article.warnings and article.warnings[0].startswith("[E016]")


def test_read_jsonl_line_over_limit_is_e004() -> None:
    raw = json.dumps({"text": "x" * 500}).encode() + b"\n" + json.dumps({"text": "kurz"}).encode()
    results = _read(raw, max_bytes=200)
    assert isinstance(results[0], Rejection) and results[0].code == "E004"
    assert isinstance(results[1], Article)


def test_read_jsonl_invalid_utf8_line_falls_back() -> None:
    raw = '{"text": "Gemüse aus Österreich"}'.encode("cp1252")
    [article] = _read(raw, format="jsonl")
    assert isinstance(article, Article)
    assert article.text == "Gemüse aus Österreich"
    assert article.warnings[0].startswith("[E005]")


def test_read_single_pretty_printed_news_please_object() -> None:
    raw = json.dumps({"maintext": "Ein Artikel.\n\nMit Absatz.", "title": "T", "url": "https://x.example"}, indent=2)
    [article] = _read(raw.encode(), format="jsonl")
    assert isinstance(article, Article)
    assert article.text == "Ein Artikel.\n\nMit Absatz." and article.url == "https://x.example"
    assert article.source == "batch.jsonl" and "line" not in article.metadata
