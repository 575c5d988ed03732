"""Adversarial texts through the full default pipeline finish in bounded time.

Every stage is linear or stopped by the per-article time budget (chronik.budget): the
adversarial article may take at most a few times the CPU time of a normal article of the
same size, and whatever comes out still has valid spans. Timings are ratios, measured in
CPU time of this thread, so a loaded machine does not make them flaky.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from chronik.budget import TimeBudget
from chronik.model import Article
from chronik.pipeline import Pipeline
from chronik.readers.article import make_article
from tests.robustness.spans import check_article_spans

NORMAL = "Der Bundesrat hat am Mittwoch in Bern beschlossen, die Gespräche mit Brüssel fortzusetzen. "
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "one_long_sentence": lambda n: "und der Rat sagte dass die Lage ernst sei " * (n // 42 + 1),
    "guillemets_only": lambda n: "«" * n,
    "guillemets_and_words": lambda n: "« Wort " * (n // 7 + 1),
    "capitalised_words": lambda n: "Bundesrat Meier Müller Schmidt " * (n // 31 + 1),
    "digits_and_dots": lambda n: "1." * (n // 2 + 1),
    "colons_after_verbs": lambda n: "sagte: " * (n // 7 + 1),
    "brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "open_quote_never_closed": lambda n: '"' + "Er sagte, es sei gut. " * (n // 22 + 1),
}
RATIO = 4.0  # budget: this many times the normal article's CPU time (plus a floor)
FLOOR_S = 2.0


def _cpu(pipeline: Pipeline, article: Article) -> tuple[float, Article]:
    started = time.thread_time()
    result = pipeline(article)
    return time.thread_time() - started, result


def _run_bounded(full_pipeline: Pipeline, name: str, size: int, *, sample: int, ratio: float = RATIO) -> None:
    """The normal article is `sample` characters long; its CPU time is scaled up linearly to `size`."""
    normal = make_article((NORMAL * (sample // len(NORMAL) + 1))[:sample], source="normal")
    normal_s = _cpu(full_pipeline, normal)[0] * size / sample
    allowed = ratio * normal_s + FLOOR_S
    text = ADVERSARIAL[name](size)[:size]
    full_pipeline.budget = TimeBudget(base_s=allowed, per_kchar_s=0.0)
    try:
        spent, article = _cpu(full_pipeline, make_article(text, source=name))
    finally:
        full_pipeline.budget = None
    assert spent <= allowed * 1.5 + 1.0, f"{name}: {spent:.1f} s CPU, normal {normal_s:.1f} s"
    assert all(warning.startswith("[E023]") for warning in article.warnings)
    check_article_spans(article)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_finishes_in_bounded_time(full_pipeline: Pipeline, name: str) -> None:
    _run_bounded(full_pipeline, name, 10_000, sample=10_000)


@pytest.mark.slow
def test_200k_character_single_sentence_finishes_in_bounded_time(full_pipeline: Pipeline) -> None:
    _run_bounded(full_pipeline, "one_long_sentence", 200_000, sample=20_000, ratio=1.0)


def test_budget_interrupts_and_pipeline_still_works(full_pipeline: Pipeline) -> None:
    before = full_pipeline(make_article(NORMAL * 3, source="before"))
    full_pipeline.budget = TimeBudget(base_s=0.05, per_kchar_s=0.0)
    try:
        article = full_pipeline(make_article("«" * 3000, source="slow"))
    finally:
        full_pipeline.budget = None
    [warning] = article.warnings
    assert warning.startswith("[E023]") and "skipped" in warning
    assert article.stages != full_pipeline.names
    check_article_spans(article)
    after = full_pipeline(make_article(NORMAL * 3, source="after"))
    assert after.to_dict(include_tokens=True) | {"source": ""} == before.to_dict(include_tokens=True) | {"source": ""}


def test_budget_leaves_fast_articles_alone(full_pipeline: Pipeline) -> None:
    full_pipeline.budget = TimeBudget()
    try:
        article = full_pipeline(make_article(NORMAL * 5, source="fast"))
    finally:
        full_pipeline.budget = None
    assert article.stages == full_pipeline.names and not article.warnings
