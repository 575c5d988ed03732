"""POST /api/analyze runs the pipeline under the request's time budget."""

from __future__ import annotations

from chronik.model import Article, Paragraph
from chronik.web.analysis import LazyPipeline


def test_lazy_pipeline_stops_stages_past_the_budget() -> None:
    text = "Der Bundesrat hat am Montag in Bern getagt. " * 400
    article = Article(id="budget", text=text, paragraphs=[Paragraph(0, len(text) - 1, text[:-1])])
    analysed = LazyPipeline(budget_s=0.001)(article)
    assert any("[E023]" in warning for warning in analysed.warnings)
    assert not analysed.events  # the events stage never ran


def test_lazy_pipeline_without_budget_runs_every_stage() -> None:
    text = "Der Bundesrat hat am Montag in Bern getagt."
    analysed = LazyPipeline()(Article(id="free", text=text, paragraphs=[Paragraph(0, len(text), text)]))
    assert not analysed.warnings
    assert "events" in analysed.stages
