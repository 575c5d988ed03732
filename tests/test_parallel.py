from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chronik.errors import ChronikError, PipelineError
from chronik.ingest import ingest
from chronik.model import Article
from chronik.parallel import Failed, ParallelAnalyzer, PipelineSpec
from chronik.pipeline import build_pipeline, register_stage
from chronik.store import open_store

# Stages for these tests, registered by import path so that worker processes can build them.
register_stage("test-crash", "tests.test_parallel:create_crash_stage")
CRASH_WORD = "ABSTURZ"
FAIL_WORD = "FEHLERHAFT"


class CrashStage:
    """Kills its process on articles containing CRASH_WORD, raises on FAIL_WORD."""

    name = "test-crash"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        if CRASH_WORD in article.text:
            os._exit(3)
        if FAIL_WORD in article.text:
            raise ValueError("kaputt")
        return article


def create_crash_stage() -> CrashStage:
    return CrashStage()


TEXTS = [
    "Die Ministerin Anna Roth (54) sagte am Montag in Bern: «Wir sind bereit.»",
    "Der Bundesrat habe die Vorlage gutgeheissen, teilte ein Sprecher mit.",
    "In Wien trafen sich am Dienstag die Aussenminister Österreichs und der Schweiz.",
    "Laut dem Bericht seien die Verhandlungen gescheitert.",
    "Der Konzern Nordwerk kündigte in Hamburg 300 Stellen ab.",
]


def _jsonl(path: Path, texts: list[str]) -> Path:
    rows = [json.dumps({"id": f"a{n}", "text": text}, ensure_ascii=False) for n, text in enumerate(texts)]
    path.write_text("\n".join(rows) + "\n{kaputt\n", encoding="utf-8")
    return path


def _contents(db: Path, ids: list[str]) -> list[dict[str, object]]:
    with open_store(f"sqlite:///{db}") as store:
        articles = [store.get_article(article_id) for article_id in ids]
    return [article.to_dict() for article in articles if article is not None]


def test_parallel_ingest_stores_what_serial_ingest_stores(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "in.jsonl", [*TEXTS, TEXTS[0]])
    with open_store(f"sqlite:///{tmp_path / 'serial.db'}") as store:
        serial = ingest([corpus], store, build_pipeline())
    with open_store(f"sqlite:///{tmp_path / 'parallel.db'}") as store:
        parallel = ingest([corpus], store, ParallelAnalyzer(PipelineSpec(), workers=2))
    assert parallel.to_dict() == serial.to_dict()
    assert (parallel.ingested, parallel.duplicate, parallel.rejected) == (5, 1, 1)
    assert parallel.article_ids == serial.article_ids
    stored = _contents(tmp_path / "parallel.db", parallel.article_ids)
    assert len(stored) == 5 and stored == _contents(tmp_path / "serial.db", serial.article_ids)
    assert any(article["quotes"] for article in stored) and any(article["events"] for article in stored)


def test_parallel_map_keeps_input_order_and_passes_items_through() -> None:
    spec = PipelineSpec(names=("tokenizer",))
    items = [f"Satz Nummer {n} steht hier." for n in range(20)]
    article_of = lambda text: None if "7" in text else Article(id=text, text=text)  # noqa: E731
    results = list(ParallelAnalyzer(spec, workers=2, window=3).map(items, article_of))
    assert [item for item, _ in results] == items
    for item, outcome in results:
        if "7" in item:
            assert outcome is None
        else:
            assert isinstance(outcome, Article) and outcome.id == item and outcome.tokens


def test_parallel_stage_failure_and_dead_worker_become_rejections(tmp_path: Path) -> None:
    texts = [TEXTS[0], f"{CRASH_WORD} im Werk.", TEXTS[1], f"Ein {FAIL_WORD} Text.", TEXTS[2]]
    corpus = _jsonl(tmp_path / "in.jsonl", texts)
    spec = PipelineSpec(names=("tokenizer", "test-crash"))
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        report = ingest([corpus], store, ParallelAnalyzer(spec, workers=2))
        stored = [store.get_article(article_id) for article_id in report.article_ids]
    assert report.ingested == 3 and [a.text for a in stored if a] == [TEXTS[0], TEXTS[1], TEXTS[2]]
    codes = {rejection.code: rejection.source for rejection in report.rejections}
    assert sorted(codes) == ["E010", "E022", "E025"]  # broken JSON line, stage error, dead worker
    assert "(a1)" in codes["E025"] and "(a3)" in codes["E022"]


def test_parallel_pipeline_build_error_stops_the_run() -> None:
    spec = PipelineSpec(names=("tokenizer",), config={"tokenizer": {"no_such_option": 1}})
    analyzer = ParallelAnalyzer(spec, workers=1)
    with pytest.raises(ChronikError) as caught:
        list(analyzer.map(["x"], lambda text: Article(id="x", text=text)))
    assert caught.value.code == "E024" and "no_such_option" in caught.value.problem


def test_parallel_analyzer_refuses_zero_workers() -> None:
    with pytest.raises(PipelineError) as caught:
        ParallelAnalyzer(PipelineSpec(), workers=0)
    assert caught.value.code == "E024"


def test_failed_rebuilds_its_error_kind() -> None:
    assert type(Failed("E022", "a", "b").error()) is PipelineError
    assert type(Failed("E060", "a", "b", fatal=True).error()) is ChronikError
