"""Shared helpers for the robustness suite: good articles, batches around a bad input."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from chronik.ingest import IngestReport, ingest
from chronik.pipeline import Pipeline, build_pipeline
from chronik.readers.article import make_article
from chronik.store import open_store
from chronik.store.base import Store

GOOD_BEFORE = (
    "Der Gemeinderat von Beispielstadt hat am Dienstag ein neues Budget beschlossen.\n\n"
    "«Wir sparen, wo es geht», sagte die Präsidentin Anna Muster vor den Medien."
)
GOOD_AFTER = (
    "In Graz haben Tausende Menschen für bessere Radwege demonstriert.\n\n"
    "Die Polizei sprach von einem friedlichen Verlauf; der Bürgermeister lud zu Gesprächen ein."
)


@dataclass
class BatchResult:
    """What a good–bad–good batch left behind."""

    report: IngestReport
    store: Store

    def stored_texts(self) -> list[str]:
        return [article.text for article in self.store.iter_articles()]


BatchRunner = Callable[..., BatchResult]


@pytest.fixture
def run_batch(tmp_path: Path) -> Iterator[BatchRunner]:
    """Ingest good, `bad`, good (in that order) into a fresh SQLite store; no stages run."""
    stores: list[Store] = []

    def run(bad: Path | str, *, stages: list[str] | None = None) -> BatchResult:
        before = tmp_path / "a_gut.txt"
        after = tmp_path / "z_gut.txt"
        before.write_text(GOOD_BEFORE, encoding="utf-8")
        after.write_text(GOOD_AFTER, encoding="utf-8")
        store = open_store(str(tmp_path / "batch.db"))
        stores.append(store)
        report = ingest([before, bad, after], store, build_pipeline(stages or []))
        return BatchResult(report, store)

    yield run
    for store in stores:
        store.close()


@pytest.fixture(scope="session")
def full_pipeline() -> Pipeline:
    """The default German pipeline, built once and warmed up (models load on first use)."""
    pipeline = build_pipeline()
    pipeline(make_article(GOOD_BEFORE, source="warm-up"))
    return pipeline
