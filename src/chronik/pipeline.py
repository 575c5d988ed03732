"""Pipeline: small named stages, each a pure function of the article.

A stage declares what it `requires` and what it `provides` (layer names such as
"tokens", "sentences", "mentions", "entities", "quotes", "times", "places", "events");
`Pipeline` checks the order when it is built. Stages are looked up by name in a
registry of factories so that users can replace or add one by configuration.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from chronik.budget import BudgetSpent, Deadline, TimeBudget, run_within
from chronik.errors import PipelineError
from chronik.model import Article

# Layers that exist as soon as a reader made the article.
BASE_LAYERS = frozenset({"text", "paragraphs"})


@runtime_checkable
class Stage(Protocol):
    """An article-in, article-out component."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


StageFactory = Callable[..., Stage]

# name -> "module:factory"; factories are imported lazily so optional weight stays optional.
_REGISTRY: dict[str, str | StageFactory] = {
    "tokenizer": "chronik.nlp.tokenizer:create_stage",
    "tagger": "chronik.nlp.morph:create_stage",
    "ner": "chronik.nlp.ner:create_stage",
    "entities": "chronik.nlp.people:create_stage",
    "quotes": "chronik.quotes:create_stage",
    "times": "chronik.events.dates:create_stage",
    "places": "chronik.events.places:create_stage",
    "events": "chronik.events:create_stage",
}

DEFAULT_STAGES: tuple[str, ...] = (
    "tokenizer",
    "tagger",
    "ner",
    "entities",
    "quotes",
    "times",
    "places",
    "events",
)


def register_stage(name: str, factory: str | StageFactory) -> None:
    """Register (or replace) a stage factory under `name`."""
    _REGISTRY[name] = factory


def importable_registrations() -> dict[str, str]:
    """The registrations given as "module:factory" strings: what another process can rebuild."""
    return {name: target for name, target in _REGISTRY.items() if isinstance(target, str)}


def registered_stages() -> list[str]:
    return sorted(_REGISTRY)


def _resolve(name: str) -> StageFactory:
    try:
        target = _REGISTRY[name]
    except KeyError:
        raise PipelineError("E020", name, f"unknown stage; known: {', '.join(registered_stages())}") from None
    if not isinstance(target, str):
        return target
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise PipelineError("E020", name, f"cannot import {module_name}: {exc}") from exc
    factory: StageFactory = getattr(module, attr)
    return factory


def create_stage(name: str, **config: Any) -> Stage:
    """Build the stage registered under `name` with its keyword configuration."""
    factory = _resolve(name)
    try:
        return factory(**config)
    except TypeError as exc:  # an option the factory does not take
        raise PipelineError("E024", name, f"invalid options {sorted(config)}: {exc}") from exc


@dataclass
class Pipeline:
    """An ordered list of stages; calling it runs them all on one article."""

    stages: list[Stage]
    timings: dict[str, float] = field(default_factory=dict)
    budget: TimeBudget | None = None  # per-article time budget (chronik.budget); None: unbounded

    def __post_init__(self) -> None:
        check_order(self.stages)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __call__(self, article: Article) -> Article:
        deadline = Deadline(self.budget.seconds_for(article.text)) if self.budget is not None else None
        for position, stage in enumerate(self.stages):
            started = time.perf_counter()
            try:
                if deadline is None:
                    article = stage(article)
                else:
                    article = run_within(deadline, stage, article, later=self.names[position + 1 :])
            except BudgetSpent:
                break
            except PipelineError:
                raise
            except Exception as exc:  # a stage bug must name the article and the stage
                raise PipelineError("E022", article.id, f"stage {stage.name!r} failed: {exc!r}") from exc
            self.timings[stage.name] = self.timings.get(stage.name, 0.0) + time.perf_counter() - started
            article.stages.append(stage.name)
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterable[Article]:
        for article in articles:
            yield self(article)


def check_order(stages: list[Stage]) -> None:
    """Fail early when a stage needs a layer that no earlier stage provides."""
    available = set(BASE_LAYERS)
    for stage in stages:
        missing = [layer for layer in stage.requires if layer not in available]
        if missing:
            raise PipelineError("E021", stage.name, f"needs {', '.join(missing)}, which no earlier stage provides")
        available.update(stage.provides)


def build_pipeline(
    names: Iterable[str] | None = None,
    *,
    config: Mapping[str, Mapping[str, Any]] | None = None,
) -> Pipeline:
    """Build a pipeline from stage names (default: the full German pipeline)."""
    config = config or {}
    selected = list(DEFAULT_STAGES if names is None else names)
    return Pipeline([create_stage(name, **dict(config.get(name, {}))) for name in selected])
