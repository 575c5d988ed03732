"""A per-article time budget for the pipeline: no input can make analysis run forever.

`TimeBudget` allows `base_s` seconds plus `per_kchar_s` per 1,000 characters of text,
measured in CPU time of the analysing thread (steady on a loaded machine; wall-clock
where the platform has no thread clock). A watchdog thread interrupts the stage that
runs past the budget by raising `BudgetExceeded` inside the analysing thread (an
asynchronous exception, delivered between Python bytecodes: pure-Python loops, regexes
called from Python and spaCy's tokenizer callbacks are all interruptible). The pipeline
then drops the layers of that stage, skips the later stages and records an E023 warning.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from chronik.model import Article

_POLL_S = 0.02


class BudgetExceeded(BaseException):
    """Raised inside a stage that ran past the article's time budget.

    A `BaseException`, so that a stage's own `except Exception` cannot swallow it.
    """


@dataclass(frozen=True, slots=True)
class TimeBudget:
    """CPU seconds one article may take through all stages: `base_s` + `per_kchar_s` per 1,000 chars."""

    base_s: float = 60.0
    per_kchar_s: float = 0.5

    def seconds_for(self, text: str) -> float:
        return self.base_s + self.per_kchar_s * len(text) / 1000


def thread_clock() -> Callable[[], float]:
    """A clock of the calling thread's CPU time, readable from any thread (wall-clock as fallback)."""
    try:
        clock_id = time.pthread_getcpuclockid(threading.get_ident())
        time.clock_gettime(clock_id)
    except (AttributeError, OSError):
        return time.monotonic
    return lambda: time.clock_gettime(clock_id)


class Deadline:
    """The budget of one article, shared by its stages; `guard()` arms the watchdog around one stage."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._clock = thread_clock()
        self._started = self._clock()
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._armed = False
        self._fired = False

    @property
    def spent(self) -> float:
        return self._clock() - self._started

    @property
    def exhausted(self) -> bool:
        return self._fired or self.spent >= self.seconds

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Run the body under the watchdog; `BudgetExceeded` escapes when the budget runs out."""
        stop = threading.Event()
        with self._lock:
            self._armed = True
        watchdog = threading.Thread(target=self._watch, args=(stop,), name="chronik-budget", daemon=True)
        watchdog.start()
        try:
            yield
        finally:
            stop.set()
            with self._lock:  # a pending interruption may still be raised here; it escapes as well
                self._armed = False
                if self._fired:
                    _set_async_exception(self._thread_id, None)  # clear one that was not delivered yet
            watchdog.join()
        if self._fired:
            raise BudgetExceeded

    def _watch(self, stop: threading.Event) -> None:
        while not stop.wait(_POLL_S):
            if self.spent < self.seconds:
                continue
            with self._lock:
                if self._armed and not self._fired:
                    self._fired = True
                    _set_async_exception(self._thread_id, BudgetExceeded)
            return


def _set_async_exception(thread_id: int, exception: type[BaseException] | None) -> None:
    target = ctypes.py_object(exception) if exception is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), target)


class StageLike(Protocol):
    name: str
    provides: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


class BudgetSpent(Exception):
    """The article's budget is used up: the pipeline stops here (an E023 warning is recorded)."""


# Article list attributes a stage may fill; token-level layers (pos, lemma, morph) are reset instead.
_LIST_LAYERS = ("tokens", "sentences", "mentions", "entities", "quotes", "times", "places", "events")
_TOKEN_LAYERS = frozenset({"pos", "lemma", "morph"})


def run_within(deadline: Deadline, stage: StageLike, article: Article, *, later: list[str]) -> Article:
    """Run `stage` under `deadline`; past it, drop the stage's layers, warn E023 and raise `BudgetSpent`."""
    if deadline.exhausted:
        _warn(article, deadline, f"stages {', '.join([stage.name, *later])} skipped")
        raise BudgetSpent
    provided = set(stage.provides)
    saved = {layer: list(getattr(article, layer)) for layer in _LIST_LAYERS if layer in provided}
    try:
        with deadline.guard():
            return stage(article)
    except BudgetExceeded:
        for layer, items in saved.items():
            setattr(article, layer, items)
        if provided & _TOKEN_LAYERS:
            for token in article.tokens:
                token.lemma, token.pos, token.upos, token.morph = "", "", "", {}
        skipped = f"; stages {', '.join(later)} skipped" if later else ""
        _warn(article, deadline, f"stage {stage.name!r} interrupted, its layers dropped{skipped}")
        raise BudgetSpent from None


def _warn(article: Article, deadline: Deadline, what: str) -> None:
    article.warnings.append(f"[E023] {article.id}: time budget of {deadline.seconds:.0f} s used up: {what}")
