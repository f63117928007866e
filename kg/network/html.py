"""One self-contained HTML page that draws a network offline: force layout, filters, a time slider.

The page inlines the vendored d3-force build (``kg/data/vendor``, ISC
licence), the page's own script (``kg/data/page/network.js``) and the graph
as JSON, and needs nothing from the network: it can be mailed, opened from a
USB stick or attached to a report.

It scales to thousands of nodes by drawing only the top N by a metric
(eigenvector centrality where computed) with a control to show more, and
labels only the largest.  Shape says the node's kind (country circle, leader
square, meeting diamond); colour is the Louvain community or the kind; size
is the ranking metric; a legend says all three.  Hovering shows a node's
attributes; the search box highlights nodes by label, code or QID; two
selects keep one commitment type or one country's ties; the slider shows the
network as it stood on each meeting date (ties met on or before it).

``window.irkgNetwork`` exposes the visible counts, the slider and whether the
drawing fits the viewport, so a browser test can check what is drawn
without knowing the markup.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import networkx as nx

from kg.network.metrics import add_metrics

VENDOR = Path(__file__).resolve().parent.parent / "data" / "vendor"
PAGE_DIR = Path(__file__).resolve().parent.parent / "data" / "page"
SCRIPTS = ("d3-dispatch.min.js", "d3-quadtree.min.js", "d3-timer.min.js", "d3-force.min.js")
NODE_FIELDS = ("label", "kind", "iso3", "iso2", "qid", "country", "office", "date", "degree",
               "weighted_degree", "betweenness", "eigenvector", "community")


def graph_payload(graph: nx.Graph) -> dict:
    """The compact JSON the page draws: nodes with metrics, links with dates and type."""
    if graph.number_of_nodes() and "community" not in next(iter(graph.nodes.values())):
        add_metrics(graph)
    nodes = []
    for node, data in graph.nodes(data=True):
        item = {"id": str(node)}
        item.update({k: data[k] for k in NODE_FIELDS if data.get(k) is not None})
        nodes.append(item)
    links = []
    for a, b, data in graph.edges(data=True):
        link = {"source": str(a), "target": str(b), "weight": data.get("weight", 1),
                "dates": sorted(set(data.get("dates") or ()))}
        if data.get("type") or data.get("relation"):
            link["type"] = data.get("type") or data["relation"]
        links.append(link)
    meta = {k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float))}
    return {"meta": meta, "directed": graph.is_directed(), "nodes": nodes, "links": links}


def _script(text: str) -> str:
    """Inline script text safely: ``</`` would end the element early."""
    return "<script>\n" + text.replace("</", "<\\/") + "\n</script>"


def vendor_scripts() -> str:
    """The vendored d3-force and its dependencies as inline script elements, in load order."""
    return "\n".join(_script((VENDOR / name).read_text(encoding="utf-8")) for name in SCRIPTS)


def network_script() -> str:
    """The page's own drawing code (reads ``IRKG_DATA``), as an inline script element."""
    return _script((PAGE_DIR / "network.js").read_text(encoding="utf-8"))


def to_html(graph: nx.Graph) -> str:
    """The whole page as a string."""
    payload = json.dumps(graph_payload(graph), ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c")  # a title holding "<!--<script>" must not end the script
    title = f"irkg {graph.graph.get('kind', '')} network".replace("  ", " ")
    page = (PAGE_DIR / "network.html").read_text(encoding="utf-8")
    return (page.replace("{{TITLE}}", html.escape(title))
                .replace("{{VENDOR}}", vendor_scripts())
                .replace("{{DATA}}", _script(f"const IRKG_DATA = {payload};"))
                .replace("{{APP}}", network_script()))
