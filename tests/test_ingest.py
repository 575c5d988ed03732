"""Batch ingestion (chronik/ingest.py): expansion, duplicates, rejections, progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.errors import PipelineError
from chronik.ingest import IngestProgress, expand_paths, ingest
from chronik.model import Article
from chronik.pipeline import Pipeline, build_pipeline
from chronik.readers import Rejection
from chronik.store import open_store
from tests.fakes import MemoryStore


def _jsonl_with_broken_lines(path: Path, *, count: int, broken: set[int]) -> None:
    lines = []
    for number in range(1, count + 1):
        if number in broken:
            lines.append('{"text": "Artikel ' + str(number) + " ist kaputt")
        else:
            lines.append(json.dumps({"text": f"Artikel {number}: Der Stadtrat von Beispielstadt tagte."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_ingest_jsonl_with_broken_lines_into_sqlite(tmp_path: Path) -> None:
    source = tmp_path / "hundert.jsonl"
    _jsonl_with_broken_lines(source, count=100, broken={7, 50, 99})
    with open_store(str(tmp_path / "x.db")) as store:
        report = ingest([source], store, build_pipeline([]))
        assert (report.ingested, report.duplicate, report.rejected) == (97, 0, 3)
        assert [(r.code, r.line) for r in report.rejections] == [("E010", 7), ("E010", 50), ("E010", 99)]
        assert report.rejections[0].source == f"{source}:7"
        assert store.counts()["articles"] == 97
        assert store.rejections().total == 3
    with open_store(str(tmp_path / "x.db")) as store:
        again = ingest([source], store, build_pipeline([]))
        assert (again.ingested, again.duplicate, again.rejected) == (0, 97, 3)
        assert store.counts()["articles"] == 97


def test_ingest_duplicates_skip_the_pipeline(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Gleicher Text über Bern.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Gleicher Text über Bern.", encoding="utf-8")
    calls: list[str] = []

    class CountingStage:
        name = "counting"
        requires: tuple[str, ...] = ()
        provides: tuple[str, ...] = ()

        def __call__(self, article: Article) -> Article:
            calls.append(article.id)
            return article

    store = MemoryStore()
    report = ingest([tmp_path], store, Pipeline([CountingStage()]))
    assert (report.ingested, report.duplicate) == (1, 1)
    assert len(calls) == 1
    assert store.get_article(report.article_ids[0]) is not None


def test_ingest_stage_failure_is_a_rejection_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "gut.txt").write_text("Ein guter Text.", encoding="utf-8")
    (tmp_path / "schlecht.txt").write_text("Ein schlechter Text.", encoding="utf-8")

    class PickyStage:
        name = "picky"
        requires: tuple[str, ...] = ()
        provides: tuple[str, ...] = ()

        def __call__(self, article: Article) -> Article:
            if "schlecht" in article.text:
                raise PipelineError("E022", article.id, "mag diesen Text nicht")
            return article

    store = MemoryStore()
    report = ingest([tmp_path], store, Pipeline([PickyStage()]))
    assert (report.ingested, report.rejected) == (1, 1)
    assert report.rejections[0].code == "E022"
    assert store.rejected[0]["code"] == "E022"


def test_expand_paths_directories_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / ".hidden").write_text("c", encoding="utf-8")
    expanded = list(expand_paths([tmp_path, str(tmp_path / "*.txt"), tmp_path / "fehlt.txt", "-"]))
    files = [item for item in expanded if isinstance(item, str)]
    assert files == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt"), str(tmp_path / "a.txt"), "-"]
    missing = [item for item in expanded if isinstance(item, Rejection)]
    assert [(m.code, m.source) for m in missing] == [("E001", str(tmp_path / "fehlt.txt"))]


def test_ingest_reports_progress_with_estimate(tmp_path: Path) -> None:
    source = tmp_path / "zehn.jsonl"
    _jsonl_with_broken_lines(source, count=10, broken={3})
    events: list[IngestProgress] = []
    report = ingest([source], MemoryStore(), build_pipeline([]), on_progress=events.append)
    assert [event.done for event in events] == list(range(1, 11))
    assert {event.total for event in events} == {10}
    assert report.to_dict()["rejected"] == 1


@pytest.mark.shared
@pytest.mark.slow
def test_ingest_10kgnad_twice(tmp_path: Path) -> None:
    shared = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "10kgnad" / "test.csv"
    if not shared.exists():
        pytest.skip("shared data absent")
    with open_store(str(tmp_path / "g.db")) as store:
        first = ingest([shared], store, build_pipeline([]))
        second = ingest([shared], store, build_pipeline([]))
    assert (first.ingested, first.rejected) == (1028, 0)
    assert (second.ingested, second.duplicate) == (0, 1028)
