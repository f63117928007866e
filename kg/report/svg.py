"""Charts for the report as inline SVG strings: bars, stacked bars, a radial country network.

Drawn in Python, not in the browser, so the page needs no script to show its
charts: it prints, opens in a mail client's preview, and stays the same on
every machine.  Every chart scales to its container (``viewBox`` with
``width=100%``) and says what it shows in a ``<title>``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

import networkx as nx

from kg.model import STATUSES

#: one colour per status of kg.model's STATUSES, in its order: green, blue, amber, grey
STATUS_COLOURS = dict(zip(STATUSES, ("#1e8e3e", "#1a73e8", "#f9ab00", "#b0b6bd"), strict=True))
BAR = "#1a73e8"


def _svg(width: int, height: int, title: str, body: str, cls: str) -> str:
    return (f'<svg class="chart {cls}" viewBox="0 0 {width} {height}" width="100%" role="img" '
            f'preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>{body}</svg>')


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    step = 10 ** math.floor(math.log10(value))
    return next(m * step for m in (1, 2, 2.5, 5, 10) if m * step >= value)


def bar_chart(items: Sequence[tuple[str, float]], title: str, width: int = 720, height: int = 240) -> str:
    """Vertical bars, one per (label, value), with a light axis at the top value."""
    left, bottom, top = 36, 28, 12
    top_value = _nice_max(max((v for _, v in items), default=0))
    slot = (width - left) / max(1, len(items))
    body = [f'<line x1="{left}" y1="{top}" x2="{width}" y2="{top}" stroke="#e0e0e0"/>',
            f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" font-size="11">{top_value:g}</text>',
            f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#9aa0a6"/>']
    every = max(1, math.ceil(len(items) / 24))
    for i, (label, value) in enumerate(items):
        h = (height - bottom - top) * value / top_value
        x = left + i * slot + slot * 0.12
        body.append(f'<rect class="bar" x="{x:.1f}" y="{height - bottom - h:.1f}" width="{slot * 0.76:.1f}" '
                    f'height="{h:.1f}" fill="{BAR}"><title>{escape(label)}: {value:g}</title></rect>')
        if i % every == 0:
            body.append(f'<text x="{x + slot * 0.38:.1f}" y="{height - bottom + 14}" text-anchor="middle" '
                        f'font-size="11">{escape(label)}</text>')
    return _svg(width, height, title, "".join(body), "bars")


def hbar_chart(items: Sequence[tuple[str, float]], title: str, width: int = 720) -> str:
    """Horizontal bars with labels on the left and values at the bar ends: for ranked lists."""
    row, label_width = 20, 170
    height = row * len(items) + 8
    top_value = max((v for _, v in items), default=1) or 1
    body = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * row
        w = (width - label_width - 50) * value / top_value
        body.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" font-size="12">{escape(label)}</text>'
                    f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{BAR}">'
                    f'<title>{escape(label)}: {value:g}</title></rect>'
                    f'<text x="{label_width + w + 4:.1f}" y="{y + 14}" font-size="11">{value:g}</text>')
    return _svg(width, height, title, "".join(body), "hbars")


def stacked_chart(years: Sequence[str], stacks: dict[str, dict[str, int]], title: str,
                  width: int = 340, height: int = 150) -> str:
    """One bar per year, stacked by status in the order of :data:`STATUS_COLOURS`."""
    left, bottom, top = 30, 20, 10
    totals = [sum(stacks.get(y, {}).values()) for y in years]
    top_value = _nice_max(max(totals, default=0))
    slot = (width - left) / max(1, len(years))
    body = [f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" font-size="10">{top_value:g}</text>',
            f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#9aa0a6"/>']
    for i, year in enumerate(years):
        base = height - bottom
        for status, colour in STATUS_COLOURS.items():
            n = stacks.get(year, {}).get(status, 0)
            if not n:
                continue
            h = (height - bottom - top) * n / top_value
            base -= h
            body.append(f'<rect class="bar" x="{left + i * slot + 1:.1f}" y="{base:.1f}" width="{max(1.0, slot - 2):.1f}" '
                        f'height="{h:.1f}" fill="{colour}"><title>{year} {status}: {n}</title></rect>')
    for i in (0, len(years) - 1) if years else ():
        body.append(f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - 6}" text-anchor="middle" '
                    f'font-size="10">{escape(years[i])}</text>')
    return _svg(width, height, title, "".join(body), "stacked")


def status_legend() -> str:
    return "".join(f'<span class="key"><i style="background:{c}"></i>{s}</span>' for s, c in STATUS_COLOURS.items())


def _ring_radii(count: int, max_r: float, spacing: float = 34.0) -> list[tuple[float, int]]:
    """Rings from the middle outwards, each holding as many nodes as fit at ``spacing`` apart."""
    rings, placed, k = [], 0, 1
    while placed < count:
        radius = max_r * min(1.0, 0.28 + 0.24 * (k - 1))
        capacity = max(6, int(2 * math.pi * radius / spacing))
        rings.append((radius, capacity))
        placed += capacity
        k += 1
    return rings


def country_network(graph: nx.Graph, title: str, width: int = 1100, height: int = 640, labels: int = 30) -> str:
    """The countries network drawn radially: the most-connected country in the middle, the others on
    rings by weighted degree (the busiest partners nearest), edges as faint lines, sizes by meetings.

    A hub-and-spoke corpus (one publisher's leader meets everyone) reads best
    this way, and the layout needs neither numpy nor a browser.
    """
    if graph.number_of_nodes() == 0:
        return _svg(width, 60, title, '<text x="10" y="30">No meetings between countries in the store.</text>', "network")
    strength = dict(graph.degree(weight="weight"))
    order = sorted(graph.nodes, key=lambda n: (-strength[n], str(n)))
    centre, others = order[0], order[1:]
    cx, cy, max_r = width / 2, height / 2, min(width / 1.6, height) / 2 - 30  # an ellipse, wider than tall
    position = {centre: (cx, cy)}
    radii = _ring_radii(len(others), max_r)
    start = 0
    for ring, (radius, capacity) in enumerate(radii):
        members = others[start:start + capacity]
        start += capacity
        for k, node in enumerate(members):
            angle = 2 * math.pi * k / len(members) + ring * 0.4
            position[node] = (cx + radius * math.cos(angle) * 1.6, cy + radius * math.sin(angle))
    top = max(strength.values()) or 1
    size = {n: 3 + 16 * math.sqrt(strength[n] / top) for n in graph.nodes}
    heaviest = max((d.get("weight", 1) for *_, d in graph.edges(data=True)), default=1)
    body = []
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: e[2].get("weight", 1)):
        (x1, y1), (x2, y2) = position[a], position[b]
        w = 0.4 + 4 * math.sqrt(data.get("weight", 1) / heaviest)
        body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#9aa0a6" '
                    f'stroke-opacity=".45" stroke-width="{w:.2f}"/>')
    for i, node in enumerate(order):
        x, y = position[node]
        name = graph.nodes[node].get("label") or str(node)
        body.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{size[node]:.1f}" fill="#1a73e8" '
                    f'stroke="#fff"><title>{escape(name)}: {strength[node]:g} meetings</title></circle>')
        if i < labels:
            body.append(f'<text x="{x + size[node] + 2:.1f}" y="{y + 4:.1f}" font-size="11" class="label">'
                        f'{escape(name)}</text>')
    return _svg(width, height, title, "".join(body), "network")
