"""Write a network as GraphML, dynamic GEXF, node-link JSON, an edge-list CSV, HTML or PNG.

The file's suffix picks the format (:func:`write_network`), or the caller names it
(:func:`render_network`).  GraphML and GEXF hold only scalar attributes, so lists
(meeting IRIs, dates) become space-separated strings and missing values are left out.  The GEXF file is
dynamic: every node and edge has one spell per meeting date, so Gephi's
timeline shows who met in any window of time.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import networkx as nx

from kg.errors import NetworkError

#: file suffix -> network format; the formats :func:`render_network` writes
FORMATS: dict[str, str] = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv",
                           ".html": "html", ".png": "png"}
SUFFIXES = tuple(FORMATS)
# characters XML 1.0 cannot hold (a name with U+FFFE would make a file no XML parser reads)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def network_format(path: str | Path) -> str:
    """The format the suffix of ``path`` names, or a NetworkError saying which suffixes there are."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise NetworkError(f"{path}: unknown network format {suffix or '(no suffix)'!r}: "
                           f"end the file name with one of {', '.join(SUFFIXES)}")
    return FORMATS[suffix]


def render_network(graph: nx.Graph, fmt: str) -> bytes:
    """``graph`` as the bytes of a ``fmt`` file (one of :data:`FORMATS`' values)."""
    if fmt == "png":
        from kg.network.png import write_png

        buffer = io.BytesIO()
        write_png(graph, buffer)
        return buffer.getvalue()
    if fmt in ("graphml", "gexf"):
        buffer = io.BytesIO()
        if fmt == "graphml":
            nx.write_graphml(scalar_copy(graph), buffer, encoding="utf-8")
        else:
            nx.write_gexf(dynamic_copy(graph), buffer, encoding="utf-8")
        return buffer.getvalue()
    if fmt == "html":
        from kg.network.html import to_html

        return to_html(graph).encode("utf-8")
    if fmt == "json":
        return to_json(graph).encode("utf-8")
    if fmt == "csv":
        return to_csv(graph).encode("utf-8")
    raise NetworkError(f"unknown network format {fmt!r}: use one of {', '.join(FORMATS.values())}")


def write_network(graph: nx.Graph, path: str | Path) -> Path:
    """Write ``graph`` to ``path`` in the format its suffix names; returns the path.

    The file appears whole or not at all: it is written under a temporary name
    beside ``path`` and renamed when complete.
    """
    path = Path(path)
    data = render_network(graph, network_format(path))
    final, path = path, path.with_name(f".{path.stem}.part{path.suffix.lower()}")  # renamed when whole
    try:
        path.write_bytes(data)
        os.replace(path, final)
    except OSError as error:
        if path.parent.is_dir():
            path.unlink(missing_ok=True)
        raise NetworkError(f"{final}: cannot write the network: {error.strerror or error}") from None
    return final


def _scalar(value: object) -> object:
    if isinstance(value, (list, tuple, set)):
        value = " ".join(str(v) for v in value)
    if isinstance(value, str):
        return _NOT_XML.sub("\ufffd", value)
    return value


def scalar_copy(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all str/int/float/bool (what GraphML and GEXF can hold)."""
    copy = graph.copy()
    copy.graph = {k: _scalar(v) for k, v in graph.graph.items() if v is not None}
    for _, data in copy.nodes(data=True):
        for key in [k for k, v in data.items() if v is None]:
            del data[key]
        data.update({k: _scalar(v) for k, v in data.items()})
    edges = copy.edges(keys=True, data=True) if copy.is_multigraph() else copy.edges(data=True)
    for *_, data in edges:
        for key in [k for k, v in data.items() if v is None]:
            del data[key]
        data.update({k: _scalar(v) for k, v in data.items()})
    return copy


def dynamic_copy(graph: nx.Graph) -> nx.Graph:
    """A scalar copy with GEXF spells: one [date, date] interval per meeting of each edge and node."""
    node_dates: dict = {node: set() for node in graph.nodes}
    spells: dict = {}
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else graph.edges(data=True)
    for *ends, data in edges:
        dates = sorted(set(data.get("dates") or ()))
        spells[tuple(ends)] = [(d, d) for d in dates]
        node_dates[ends[0]].update(dates)
        node_dates[ends[1]].update(dates)
    copy = scalar_copy(graph)
    copy.graph["mode"] = "dynamic"
    for node, data in copy.nodes(data=True):
        if node_dates[node]:
            data["spells"] = [(d, d) for d in sorted(node_dates[node])]
    copy_edges = copy.edges(keys=True, data=True) if copy.is_multigraph() else copy.edges(data=True)
    for *ends, data in copy_edges:
        if spells.get(tuple(ends)):
            data["spells"] = spells[tuple(ends)]
    return copy


def to_json(graph: nx.Graph) -> str:
    """Node-link JSON (the shape d3 and ``nx.node_link_graph`` read), lists kept as lists."""
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def to_csv(graph: nx.Graph) -> str:
    """One row per edge: source, target, their labels, then every edge attribute (lists joined)."""
    edges = list(graph.edges(data=True))
    keys: list[str] = []
    for _, _, data in edges:
        keys.extend(k for k in data if k not in keys)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "target", "source_label", "target_label", *keys])
    for a, b, data in edges:
        writer.writerow([a, b, graph.nodes[a].get("label", a), graph.nodes[b].get("label", b),
                         *("" if data.get(k) is None else _scalar(data[k]) for k in keys)])
    return out.getvalue()
