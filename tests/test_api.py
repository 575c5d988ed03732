"""The Python API facade (chronik/api.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.api import analyze_path, analyze_text, make_pipeline, read_path
from chronik.errors import ChronikError
from chronik.model import Article
from chronik.readers import Rejection

TEXT = (
    "Zürich, 2. Mai 2025\n\n"
    "Von Laura Beispiel\n\n"
    "Der Kantonsrat hat das neue Spitalgesetz verabschiedet. Die Vorlage kommt vors Volk.\n\n"
    "Ein Referendum gilt als sicher."
)


def test_analyze_text_keeps_text_and_reads_structure() -> None:
    article = analyze_text(TEXT, stages=[])
    assert article.text == TEXT
    assert article.date == "2025-05-02"
    assert [a.name for a in article.authors] == ["Laura Beispiel"]
    assert [p.kind for p in article.paragraphs] == ["dateline", "byline", "body", "body"]
    assert article.stages == []


def test_analyze_text_explicit_date_and_title_win() -> None:
    article = analyze_text("Nur ein Satz.", date="2024-12-31", title="Titel", stages=[])
    assert article.date == "2024-12-31" and article.title == "Titel"


@pytest.mark.parametrize(("text", "date", "code"), [("  ", None, "E002"), ("Text.", "kein Datum", "E016")])
def test_analyze_text_bad_input_raises_coded_error(text: str, date: str | None, code: str) -> None:
    with pytest.raises(ChronikError) as caught:
        analyze_text(text, date=date, stages=[])
    assert caught.value.code == code


def test_analyze_text_runs_given_pipeline() -> None:
    class Upper:
        name = "marker"
        requires: tuple[str, ...] = ()
        provides: tuple[str, ...] = ()

        def __call__(self, article: Article) -> Article:
            article.metadata["seen"] = True
            return article

    from chronik.pipeline import Pipeline

    article = analyze_text(TEXT, pipeline=Pipeline([Upper()]))
    assert article.metadata["seen"] is True and article.stages == ["marker"]


def test_read_path_and_analyze_path_with_format_override(tmp_path: Path) -> None:
    path = tmp_path / "daten.txt"
    path.write_text(json.dumps({"text": "Eins."}) + "\n{kaputt\n", encoding="utf-8")
    as_text = list(read_path(path, format="text"))
    assert len(as_text) == 1 and isinstance(as_text[0], Article)
    assert as_text[0].text == path.read_text(encoding="utf-8")
    as_jsonl = list(analyze_path(path, pipeline=make_pipeline([])))  # detected by content
    assert isinstance(as_jsonl[0], Article) and as_jsonl[0].text == "Eins."
    assert isinstance(as_jsonl[1], Rejection) and as_jsonl[1].code == "E010"


def test_schema_doc_example_matches_output() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text(encoding="utf-8")
    example = json.loads(doc.split("```json\n", 1)[1].split("```", 1)[0])
    produced = analyze_text(example["text"], source=example["source"], stages=[]).to_dict()
    for key, value in example.items():
        assert produced[key] == value, key
