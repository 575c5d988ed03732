"""Server-side SVG charts: the event timeline (stacked bars) and the actor network.

Every label is escaped; colours come from CSS classes (`c0` … `c9`) so the pages need no
inline styles under the content security policy.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

PALETTE_SIZE = 10
MAX_SLOTS = 400
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"\d{4}-W\d{2}")


@dataclass(frozen=True, slots=True)
class ChartBox:
    width: int = 960
    height: int = 320
    left: int = 48
    right: int = 16
    top: int = 16
    bottom: int = 56

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom


def colour_classes(names: Sequence[str]) -> dict[str, str]:
    """A stable colour class per name (sorted order), cycling through the palette."""
    return {name: f"c{index % PALETTE_SIZE}" for index, name in enumerate(sorted(set(names)))}


def timeline_svg(rows: Sequence[Mapping[str, Any]], *, box: ChartBox | None = None) -> Markup:
    """Stacked bars of event counts per period; `rows` are `{"period", "type", "count"}`."""
    box = box or ChartBox()
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        period, kind = str(row.get("period", "")), str(row.get("type") or "ALL")
        counts[period][kind] = counts[period].get(kind, 0) + int(row.get("count", 0))
    if not counts:
        return Markup('<p class="empty">Keine Ereignisse für diese Auswahl.</p>')
    periods = continuous_periods(sorted(counts))
    colours = colour_classes([kind for per_type in counts.values() for kind in per_type])
    periods, counts = bucket_periods(periods, counts, limit=MAX_SLOTS)
    peak = max(sum(per_type.values()) for per_type in counts.values())
    parts = [_svg_open(box, "timeline-chart", "Ereignisse pro Zeitraum"), *_y_axis(box, peak)]
    slot = box.plot_width / len(periods)
    for index, period in enumerate(periods):
        parts.extend(_stack(box, index * slot, slot, period, counts[period], colours, peak))
    parts.extend(_x_labels(box, periods, slot))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts) + legend(colours)


def continuous_periods(periods: Sequence[str], *, limit: int = MAX_SLOTS) -> list[str]:
    """All days or ISO weeks from the first to the last period, so gaps show as gaps.

    Falls back to the periods as given when they are of mixed form or span more than
    `limit` slots (a bar per slot would be too thin to see).
    """
    if all(_DAY.fullmatch(p) for p in periods):
        first, last = dt.date.fromisoformat(periods[0]), dt.date.fromisoformat(periods[-1])
        step, label = 1, _day_label
    elif all(_WEEK.fullmatch(p) for p in periods):
        first, last = _week_start(periods[0]), _week_start(periods[-1])
        step, label = 7, _week_label
    else:
        return list(periods)
    slots = (last - first).days // step + 1
    if slots > limit:
        return list(periods)
    return [label(first + dt.timedelta(days=step * index)) for index in range(slots)]


def bucket_periods(
    periods: Sequence[str], counts: Mapping[str, Mapping[str, int]], *, limit: int
) -> tuple[list[str], dict[str, dict[str, int]]]:
    """At most `limit` bars: runs of consecutive periods are summed into one bar named "first–last"."""
    size = math.ceil(len(periods) / limit)
    if size <= 1:
        return list(periods), {period: dict(counts.get(period, {})) for period in periods}
    names, merged = [], {}
    for start in range(0, len(periods), size):
        run = periods[start : start + size]
        name = f"{run[0]}–{run[-1]}" if len(run) > 1 else run[0]
        total: dict[str, int] = defaultdict(int)
        for period in run:
            for kind, count in counts.get(period, {}).items():
                total[kind] += count
        names.append(name)
        merged[name] = dict(total)
    return names, merged


def _week_start(period: str) -> dt.date:
    year, week = period.split("-W")
    return dt.date.fromisocalendar(int(year), int(week), 1)


def _day_label(day: dt.date) -> str:
    return day.isoformat()


def _week_label(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def legend(colours: Mapping[str, str]) -> Markup:
    items = Markup("").join(
        Markup('<li><span class="swatch {}"></span>{}</li>').format(css, name) for name, css in colours.items()
    )
    return Markup('<ul class="legend">{}</ul>').format(items)


def _svg_open(box: ChartBox, css: str, label: str) -> Markup:
    return Markup('<svg class="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">').format(
        css, box.width, box.height, label
    )


def _y_axis(box: ChartBox, peak: int) -> list[Markup]:
    step = _nice_step(peak)
    parts = []
    for value in range(0, peak + step, step):
        y = box.top + box.plot_height * (1 - value / max(peak, 1))
        if y < box.top - 0.5:
            break
        parts.append(
            Markup('<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>').format(
                box.left, box.width - box.right, y, y
            )
        )
        parts.append(
            Markup('<text class="axis" x="{}" y="{:.1f}" text-anchor="end">{}</text>').format(
                box.left - 6, y + 4, value
            )
        )
    return parts


def _nice_step(peak: int) -> int:
    raw = max(peak / 4, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


def _stack(
    box: ChartBox,
    x: float,
    slot: float,
    period: str,
    per_type: Mapping[str, int],
    colours: Mapping[str, str],
    peak: int,
) -> list[Markup]:
    width = max(slot * 0.8, 1.0)
    bottom = float(box.top + box.plot_height)
    parts = []
    for kind in sorted(per_type):
        height = box.plot_height * per_type[kind] / max(peak, 1)
        bottom -= height
        title = html.escape(f"{period} · {kind}: {per_type[kind]}")
        parts.append(
            Markup(  # the hot loop: plain f-string, the only text (title, class) escaped by hand
                f'<rect class="bar {html.escape(colours[kind])}" x="{box.left + x + slot * 0.1:.1f}" y="{bottom:.1f}"'
                f' width="{width:.1f}" height="{height:.1f}"><title>{title}</title></rect>'
            )
        )
    return parts


def _x_labels(box: ChartBox, periods: Sequence[str], slot: float) -> list[Markup]:
    every = max(1, math.ceil(len(periods) / 12))
    y = box.top + box.plot_height + 18
    return [
        Markup('<text class="axis" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
            box.left + (index + 0.5) * slot, y, period
        )
        for index, period in enumerate(periods)
        if index % every == 0
    ]


def network_svg(network: Mapping[str, Any], *, size: int = 720) -> Markup:
    """Nodes on a circle, edges as lines coloured by relation type, node size by degree."""
    nodes = list(network.get("nodes") or [])
    edges = list(network.get("edges") or [])
    if not nodes:
        return Markup('<p class="empty">Keine Beziehungen für diese Auswahl.</p>')
    positions = _circle_layout([str(node.get("id")) for node in nodes], size=size)
    degree: dict[str, int] = defaultdict(int)
    for edge in edges:
        degree[str(edge.get("source"))] += int(edge.get("count", 1))
        degree[str(edge.get("target"))] += int(edge.get("count", 1))
    colours = colour_classes([str(edge.get("type", "")) for edge in edges])
    names = {str(node.get("id")): str(node.get("name") or node.get("id")) for node in nodes}
    parts = [Markup('<svg class="network-chart" viewBox="0 0 {0} {0}" role="img" aria-label="Netzwerk">').format(size)]
    parts.extend(_edge_line(edge, positions, colours, names) for edge in edges if _has_ends(edge, positions))
    parts.extend(_node_circle(node, positions, degree, size) for node in nodes)
    parts.append(Markup("</svg>"))
    return Markup("").join(parts) + legend(colours)


def _circle_layout(ids: Sequence[str], *, size: int) -> dict[str, tuple[float, float]]:
    radius = size / 2 - 110
    centre = size / 2
    count = max(len(ids), 1)
    return {
        node_id: (
            centre + radius * math.cos(2 * math.pi * index / count - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * index / count - math.pi / 2),
        )
        for index, node_id in enumerate(ids)
    }


def _has_ends(edge: Mapping[str, Any], positions: Mapping[str, tuple[float, float]]) -> bool:
    return str(edge.get("source")) in positions and str(edge.get("target")) in positions


def _edge_line(
    edge: Mapping[str, Any],
    positions: Mapping[str, tuple[float, float]],
    colours: Mapping[str, str],
    names: Mapping[str, str],
) -> Markup:
    source, target = str(edge.get("source")), str(edge.get("target"))
    (x1, y1), (x2, y2) = positions[source], positions[target]
    count = int(edge.get("count", 1))
    return Markup(
        '<line class="edge {}" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke-width="{:.1f}">'
        "<title>{} → {}: {} ({})</title></line>"
    ).format(
        colours[str(edge.get("type", ""))],
        x1,
        y1,
        x2,
        y2,
        min(1.5 + math.log2(count), 8),
        names.get(source, source),
        names.get(target, target),
        edge.get("type", ""),
        count,
    )


def short_label(name: str, *, limit: int = 22) -> str:
    """Node labels stay inside the chart: long names are cut with an ellipsis."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _node_circle(
    node: Mapping[str, Any], positions: Mapping[str, tuple[float, float]], degree: Mapping[str, int], size: int
) -> Markup:
    node_id = str(node.get("id"))
    x, y = positions[node_id]
    radius = min(4 + 2 * math.sqrt(degree.get(node_id, 0)), 18)
    anchor = "start" if x >= size / 2 else "end"
    offset = radius + 4 if anchor == "start" else -radius - 4
    name = str(node.get("name") or node_id)
    return Markup(
        '<a href="/entities/{}"><circle class="node" cx="{:.1f}" cy="{:.1f}" r="{:.1f}"><title>{}</title></circle>'
        '<text class="node-label" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text></a>'
    ).format(quote(node_id, safe=""), x, y, radius, name, x + offset, y + 4, anchor, short_label(name))
