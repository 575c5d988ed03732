"""Tests for chronik.splits: record-aligned units of work read like the whole file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronik.readers import ReaderOptions, Rejection, read_path
from chronik.splits import InputUnit, csv_dialect, plan_units, read_unit
from tests.scale_support import FIXTURE

OPTIONS = ReaderOptions()

SENTENCES = [
    "Die Gemeinde Hallstatt plant eine Obergrenze für Busse.",
    "„Wir sind am Limit“, sagte der Bürgermeister am Montag.",
    "Der Verkehrsverbund habe neue Verbindungen angekündigt;\nsie gelten ab Jänner.",
    "Die Zürcher Regierung heisst den Vorschlag gut, 'mit Vorbehalt'.",
]


def _split_equals_whole(path: Path, chunk_bytes: int) -> list[InputUnit]:
    units = plan_units([str(path)], chunk_bytes=chunk_bytes, options=OPTIONS)
    whole = list(read_path(path, options=OPTIONS))
    parts = [result for unit in units for result in read_unit(unit, OPTIONS)]
    assert parts == whole
    return units


def _write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", quotechar: str = '"') -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quotechar=quotechar, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("chunk_bytes", [1, 700, 2500, 10**9])
def test_plan_units_jsonl_ranges_read_like_whole_file(chunk_bytes: int) -> None:
    units = _split_equals_whole(FIXTURE, chunk_bytes)
    if chunk_bytes >= FIXTURE.stat().st_size:
        assert units == [InputUnit(str(FIXTURE))]
    else:
        assert len(units) > 1 and all(unit.format == "jsonl" for unit in units)


def test_read_unit_keeps_line_numbers_of_rejections() -> None:
    units = plan_units([str(FIXTURE)], chunk_bytes=1, options=OPTIONS)
    rejections = [r for unit in units for r in read_unit(unit, OPTIONS) if isinstance(r, Rejection)]
    assert [(r.line, r.code) for r in rejections] == [(11, "E010"), (12, "E002")]
    assert rejections[0].source == f"{FIXTURE}:11"


@pytest.mark.parametrize("chunk_bytes", [1, 150, 400])
def test_plan_units_csv_with_header_and_multiline_cells(tmp_path: Path, chunk_bytes: int) -> None:
    path = tmp_path / "news.csv"
    rows = [["id", "title", "text"]] + [[f"n{i}", f"Titel {i}", SENTENCES[i % 4] * (i + 1)] for i in range(8)]
    _write_csv(path, rows)
    units = _split_equals_whole(path, chunk_bytes)
    assert len(units) > 1
    assert all(unit.prefix_end > 0 for unit in units[1:])


def test_plan_units_csv_label_text_layout(tmp_path: Path) -> None:
    path = tmp_path / "labelled.csv"
    rows = [[label, SENTENCES[i % 4] + f" Meldung {i}."] for i, label in enumerate(["Inland", "Sport", "Web"] * 4)]
    _write_csv(path, rows, delimiter=";", quotechar="'")
    assert csv_dialect(str(path), OPTIONS) == (";", "'")
    units = _split_equals_whole(path, 200)
    assert len(units) > 2
    articles = [r for unit in units for r in read_unit(unit, OPTIONS) if not isinstance(r, Rejection)]
    assert [a.metadata["label"] for a in articles] == [row[0] for row in rows]


def test_plan_units_keeps_small_and_unsplittable_files_whole(tmp_path: Path) -> None:
    document = tmp_path / "pretty.json"
    document.write_text(json.dumps([{"text": s} for s in SENTENCES], indent=2), encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("\n\n".join(SENTENCES) * 20, encoding="utf-8")
    units = plan_units([str(document), str(plain)], chunk_bytes=64, options=OPTIONS)
    assert units == [InputUnit(str(document)), InputUnit(str(plain))]


def test_read_unit_of_a_vanished_file_is_a_rejection(tmp_path: Path) -> None:
    path = tmp_path / "gone.jsonl"
    (result,) = read_unit(InputUnit(str(path), start=10, end=20, format="jsonl"), OPTIONS)
    assert isinstance(result, Rejection) and result.code == "E001"


_cells = st.text(alphabet=st.sampled_from(list("aäbß ,;'\"\n«»xyz")), min_size=0, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(_cells.map(lambda cell: "Text " + cell), min_size=1, max_size=12),
    chunk_bytes=st.integers(min_value=1, max_value=300),
    header=st.booleans(),
)
def test_plan_units_any_csv_reads_like_whole_file(
    tmp_path: Path, texts: list[str], chunk_bytes: int, header: bool
) -> None:
    path = tmp_path / "any.csv"
    rows = [["id", "text"]] if header else []
    rows += [[f"r{index}", text] for index, text in enumerate(texts)]
    _write_csv(path, rows)
    _split_equals_whole(path, chunk_bytes)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(_cells.map(lambda cell: json.dumps({"text": "Text " + cell})) | _cells, min_size=1, max_size=12),
    chunk_bytes=st.integers(min_value=1, max_value=200),
)
def test_plan_units_any_jsonl_reads_like_whole_file(tmp_path: Path, lines: list[str], chunk_bytes: int) -> None:
    path = tmp_path / "any.jsonl"
    path.write_text(json.dumps({"text": "Erste Zeile."}) + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    _split_equals_whole(path, chunk_bytes)
