"""A static picture of a network with matplotlib, for reports: 1600×1200, labelled, legible.

Nodes are sized by eigenvector centrality and coloured by Louvain community
(metrics are computed when the graph has none); edges are drawn as thin as
their weight allows.  Only the most central nodes are labelled when there
are many, so labels stay readable; the title says what the picture shows.
matplotlib is imported here only, so the rest of irkg works without it.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import BinaryIO

import networkx as nx

from kg.network.metrics import SEED, add_metrics, simple_projection

WIDTH_IN, HEIGHT_IN, DPI = 16, 12, 100
MAX_LABELS = 45
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39")


def write_png(graph: nx.Graph, path: str | Path | BinaryIO, max_labels: int = MAX_LABELS) -> None:
    """Draw ``graph`` into ``path``, a file name or a binary stream (PNG, 1600×1200 pixels)."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as error:
        from kg.errors import NetworkError
        where = f"{path}: " if isinstance(path, (str, Path)) else ""
        raise NetworkError(f"{where}drawing a PNG needs matplotlib: pip install 'irkg[png]'") from error
    if graph.number_of_nodes() and "community" not in next(iter(graph.nodes.values())):
        add_metrics(graph)
    simple = simple_projection(graph)
    positions = _layout(simple)
    figure, axes = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    axes.set_axis_off()
    nodes = list(simple.nodes)
    centrality = [graph.nodes[n].get("eigenvector", 0.0) for n in nodes]
    top = max(centrality, default=0) or 1.0
    sizes = [60 + 2400 * (c / top) for c in centrality]
    colours = [_colour(graph.nodes[n].get("community")) for n in nodes]
    heaviest = max((d["weight"] for *_, d in simple.edges(data=True)), default=1.0)
    widths = [0.4 + 5 * math.sqrt(d["weight"] / heaviest) if heaviest > 1 else 0.6  # all 1: thin, not thick
              for *_, d in simple.edges(data=True)]
    nx.draw_networkx_edges(simple, positions, ax=axes, width=widths, edge_color="#9aa0a6", alpha=0.5)
    nx.draw_networkx_nodes(simple, positions, nodelist=nodes, ax=axes, node_size=sizes,
                           node_color=colours, edgecolors="white", linewidths=0.8, alpha=0.92)
    ranked = sorted(nodes, key=lambda n: -graph.nodes[n].get("weighted_degree", 0))[:max_labels]
    labels = {n: _short(graph.nodes[n].get("label") or str(n)) for n in ranked}
    for node, label in labels.items():
        x, y = positions[node]
        axes.annotate(label, (x, y), fontsize=11 if len(labels) > 20 else 13, ha="center", va="center",
                      fontweight="bold", color="#202124",
                      bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    axes.set_title(_title(graph), fontsize=18, pad=14)
    axes.text(0.01, 0.01, "node size: eigenvector centrality · colour: Louvain community · "
              "edge width: weight", transform=axes.transAxes, fontsize=11, color="#5f6368")
    figure.tight_layout()
    figure.savefig(path, dpi=DPI, format="png")
    plt.close(figure)


def _layout(simple: nx.Graph) -> dict:
    """Spring layout, seeded; heavy edges pull harder (log weight, so a hub does not collapse).

    Past 500 nodes each iteration costs more and more (the meetings network of
    kremlin-news, 1,969 nodes, took 65 s at 200 iterations), so the rounds
    shrink with the size, never below 40: the picture settles into the same
    shape, a little less evenly spread.
    """
    for _, _, data in simple.edges(data=True):
        data["pull"] = 1.0 + math.log(data["weight"])
    count = max(simple.number_of_nodes(), 1)
    iterations = 200 if count <= 500 else max(40, 200 * 500 // count)
    return nx.spring_layout(simple, weight="pull", seed=SEED, k=2.2 / math.sqrt(count), iterations=iterations)


def _colour(community: int | None) -> str:
    return "#bdc1c6" if community is None else PALETTE[community % len(PALETTE)]


def _short(label: str, width: int = 26) -> str:
    return label if len(label) <= width else label[:width - 1] + "…"


def _title(graph: nx.Graph) -> str:
    kind = graph.graph.get("kind", "network")
    span = " – ".join(x for x in (graph.graph.get("since"), graph.graph.get("until")) if x)
    return (f"irkg {kind} network: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
            + (f" ({span})" if span else ""))
