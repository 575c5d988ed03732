"""Server-side SVG charts: bars and nodes drawn, labels escaped, empty input handled."""

from __future__ import annotations

from chronik.web.charts import bucket_periods, colour_classes, continuous_periods, network_svg, timeline_svg
from tests.web.articles import XSS_ATTRIBUTE


def test_timeline_svg_stacks_types_per_period() -> None:
    rows = [
        {"period": "2025-11-03", "type": "MEET", "count": 2},
        {"period": "2025-11-03", "type": "REJECT", "count": 1},
        {"period": "2025-11-04", "type": "MEET", "count": 4},
    ]
    svg = str(timeline_svg(rows))
    assert svg.count('<rect class="bar') == 3
    assert "2025-11-03 · REJECT: 1" in svg
    assert 'class="legend"' in svg


def test_timeline_svg_escapes_labels() -> None:
    svg = str(timeline_svg([{"period": XSS_ATTRIBUTE, "type": XSS_ATTRIBUTE, "count": 1}]))
    assert "<img" not in svg and XSS_ATTRIBUTE not in svg


def test_timeline_svg_without_rows_says_so() -> None:
    assert "Keine Ereignisse" in timeline_svg([])


def test_network_svg_draws_nodes_edges_and_links() -> None:
    network = {
        "nodes": [{"id": "a/b", "name": "Anna"}, {"id": "c", "name": XSS_ATTRIBUTE}],
        "edges": [{"source": "a/b", "target": "c", "type": "MEET", "count": 3}, {"source": "a/b", "target": "x"}],
    }
    svg = str(network_svg(network))
    assert svg.count('<circle class="node"') == 2
    assert svg.count('<line class="edge') == 1  # the edge to an unknown node is left out
    assert 'href="/entities/a%2Fb"' in svg
    assert "<img" not in svg


def test_network_svg_without_nodes_says_so() -> None:
    assert "Keine Beziehungen" in network_svg({"nodes": [], "edges": []})


def test_colour_classes_are_stable_and_cycle() -> None:
    names = [f"T{i:02d}" for i in range(12)]
    classes = colour_classes(reversed(names))  # type: ignore[arg-type]
    assert classes["T00"] == "c0" and classes["T10"] == "c0" and classes["T11"] == "c1"


def test_continuous_periods_fill_gaps_between_days_and_weeks() -> None:
    assert continuous_periods(["2025-02-27", "2025-03-02"]) == ["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]
    assert continuous_periods(["2025-W52", "2026-W02"]) == ["2025-W52", "2026-W01", "2026-W02"]


def test_continuous_periods_keep_long_or_mixed_spans() -> None:
    assert continuous_periods(["1939-W45", "3015-W39"]) == ["1939-W45", "3015-W39"]
    assert continuous_periods(["2025-01-01", "2025-W02"]) == ["2025-01-01", "2025-W02"]


def test_timeline_svg_leaves_empty_slots_for_missing_days() -> None:
    svg = str(
        timeline_svg(
            [{"period": "2025-11-01", "type": "MEET", "count": 1}, {"period": "2025-11-04", "type": "MEET", "count": 1}]
        )
    )
    assert svg.count('<rect class="bar') == 2
    assert "2025-11-02" in svg  # the axis names the empty day


def test_bucket_periods_sums_runs_into_at_most_limit_bars() -> None:
    periods = [f"P{i:02d}" for i in range(10)]
    counts = {period: {"MEET": 1} for period in periods}
    names, merged = bucket_periods(periods, counts, limit=4)
    assert names == ["P00–P02", "P03–P05", "P06–P08", "P09"]
    assert [merged[name]["MEET"] for name in names] == [3, 3, 3, 1]


def test_timeline_svg_caps_bars_for_long_ranges() -> None:
    rows = [{"period": f"{year}-01-01", "type": "MEET", "count": 1} for year in range(1000, 2000)]
    assert str(timeline_svg(rows)).count('<rect class="bar') == 334
