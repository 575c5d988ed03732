"""A pinned floor for the quotation benchmark on the first articles of the shared corpus."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "quotes.py"


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotes_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["quotes_benchmark"] = module
    spec.loader.exec_module(module)
    return module


def test_benchmark_overlap_uses_the_larger_span() -> None:
    benchmark = load_benchmark()
    assert benchmark.overlap(frozenset({1, 2}), frozenset({1, 2, 3, 4})) == 0.5
    assert benchmark.overlap(frozenset(), frozenset({1})) == 0.0


def test_benchmark_match_pairs_compatible_types_one_to_one() -> None:
    benchmark = load_benchmark()
    gold = [benchmark.Item("IndirectFreeIndirect", frozenset({1, 2, 3}), frozenset(), frozenset())]
    predicted = [
        benchmark.Item("FreeIndirect", frozenset({1, 2, 3}), frozenset(), frozenset()),
        benchmark.Item("Indirect", frozenset({1, 2}), frozenset(), frozenset()),
    ]
    assert benchmark.match(predicted, gold, typed=True) == [(0, 0)]
    assert (
        benchmark.match([benchmark.Item("Direct", frozenset({1, 2, 3}), frozenset(), frozenset())], gold, typed=True)
        == []
    )


@pytest.mark.shared
@pytest.mark.slow
def test_benchmark_stays_above_its_floor(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    benchmark = load_benchmark()
    if not benchmark.corpus_path().is_file():
        pytest.skip("shared quotation corpus not available")
    scores = tmp_path / "scores.json"
    assert benchmark.main(["--limit", "20", "--folds", "1", "--json", str(scores)]) == 0
    overall = json.loads(scores.read_text(encoding="utf-8"))["typed"]["overall"]
    assert overall["F1"] >= 0.6
