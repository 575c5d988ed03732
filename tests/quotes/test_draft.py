"""Coverage: characters of a range covered by fixed spans, against a direct count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chronik.quotes.draft import Coverage

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12)


def overlap_sum(spans: list[tuple[int, int]], start: int, end: int) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


@given(spans, st.integers(-5, 70), st.integers(-5, 70))
def test_coverage_covered_equals_summed_overlaps(spans: list[tuple[int, int]], start: int, end: int) -> None:
    assert Coverage(spans).covered(start, end) == overlap_sum(spans, start, end)


def test_coverage_counts_overlapping_spans_once_each() -> None:
    coverage = Coverage([(0, 10), (5, 15), (20, 30), (8, 3)])
    assert coverage.covered(0, 30) == 10 + 10 + 10
    assert coverage.covered(9, 21) == 1 + 6 + 1
    assert coverage.covered(15, 20) == 0
    assert coverage.covered(12, 12) == 0
