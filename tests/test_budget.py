"""The per-article time budget (chronik/budget.py) and its use by `Pipeline`."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from chronik.budget import TimeBudget
from chronik.model import Article, Token
from chronik.pipeline import Pipeline


@dataclass
class FakeStage:
    name: str
    provides: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    spin_s: float = 0.0  # CPU seconds to burn (a stand-in for a quadratic stage)

    def __call__(self, article: Article) -> Article:
        article.tokens.append(Token(0, 1, article.text[:1]))
        for token in article.tokens:
            token.pos = "NN"
        started = time.thread_time()
        while time.thread_time() - started < self.spin_s:
            pass
        return article


def _article() -> Article:
    return Article(id="a1", text="Bern tagt.")


def test_time_budget_scales_with_text_length() -> None:
    assert TimeBudget(base_s=10, per_kchar_s=1).seconds_for("x" * 2500) == 12.5


def test_pipeline_interrupts_a_stage_past_the_budget_and_skips_the_rest() -> None:
    pipeline = Pipeline(
        [FakeStage("fast", ("tokens",)), FakeStage("slow", ("pos",), spin_s=30), FakeStage("later")],
        budget=TimeBudget(base_s=0.3, per_kchar_s=0),
    )
    started = time.monotonic()
    article = pipeline(_article())
    assert time.monotonic() - started < 20
    assert article.stages == ["fast"]
    [warning] = article.warnings
    assert warning.startswith("[E023] a1:") and "'slow' interrupted" in warning and "later skipped" in warning
    assert article.tokens and all(token.pos == "" for token in article.tokens)  # interrupted tagger: tags reset


def test_interrupted_stage_layers_are_restored() -> None:
    pipeline = Pipeline([FakeStage("slow", ("tokens",), spin_s=30)], budget=TimeBudget(base_s=0.2, per_kchar_s=0))
    article = pipeline(_article())
    assert article.tokens == [] and article.stages == []


def test_budget_works_in_a_worker_thread() -> None:
    pipeline = Pipeline([FakeStage("slow", spin_s=30)], budget=TimeBudget(base_s=0.2, per_kchar_s=0))
    results: list[Article] = []
    worker = threading.Thread(target=lambda: results.append(pipeline(_article())))
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive() and results[0].warnings[0].startswith("[E023]")


def test_fast_articles_keep_everything_and_no_exception_leaks() -> None:
    pipeline = Pipeline([FakeStage("a", ("tokens",)), FakeStage("b")], budget=TimeBudget(base_s=5))
    for _ in range(20):
        article = pipeline(_article())
        assert article.stages == ["a", "b"] and not article.warnings
    time.sleep(0.1)  # a late interruption would surface here
