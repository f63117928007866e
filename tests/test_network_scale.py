"""Every network kind and format on a store of realistic size: the kremlin-news fixture.

``tests/data/network/kremlin-news-network.nq.gz`` is the network-shaped part of
the real 7,225-page build (README beside it): a publisher's hub, hundreds of
leaders, about 1,800 meetings.  The HTML pages open in headless Chromium.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from chromium import open_page
from kg.network.graphs import KINDS, to_networkx
from kg.network.export import SUFFIXES, write_network
from kg.network.metrics import add_metrics
from kg.sparql.library import load_query, run_query
from kg.store.embedded import OxigraphStore

FIXTURE = Path(__file__).resolve().parent / "data" / "network" / "kremlin-news-network.nq.gz"
RUSSIA = "https://w3id.org/irkg/id/country/RUS"
PUTIN = "https://w3id.org/irkg/id/person/vladimir-putin"


@pytest.fixture(scope="module")
def news_store() -> OxigraphStore:
    store = OxigraphStore(None)
    store.raw.bulk_load(gzip.decompress(FIXTURE.read_bytes()), ox.RdfFormat.N_QUADS)
    yield store
    store.close()


@pytest.fixture(scope="module")
def graphs(news_store) -> dict[str, nx.Graph]:
    return {kind: add_metrics(to_networkx(news_store, kind)) for kind in KINDS}


def _library_edges(store) -> dict[tuple, tuple]:
    rows = run_query(store, load_query("leader_country_edges").text)
    return {(r["leader"].value, r["relation"].value, r["country"].value):
            (int(r["weight"].value), r["first"].value if "first" in r else None,
             r["last"].value if "last" in r else None) for r in rows}


def _network_edges(graph: nx.MultiGraph) -> dict[tuple, tuple]:
    out = {}
    for a, b, relation, data in graph.edges(keys=True, data=True):
        leader, country = (a, b) if graph.nodes[b].get("kind") == "country" else (b, a)
        out[(leader, relation, graph.nodes[country]["iso3"])] = (data["weight"], data.get("first"), data.get("last"))
    return out


def test_leader_country_edges_equal_the_library_query(news_store, graphs):
    expected = _library_edges(news_store)
    assert len(expected) > 900
    assert _network_edges(graphs["leader-country"]) == expected


def test_leader_country_edges_equal_the_library_query_on_dev(dev_store):
    assert _network_edges(to_networkx(dev_store, "leader-country")) == _library_edges(dev_store)


def test_leader_country_network_is_one_component_around_the_publishers_leader(graphs):
    graph = graphs["leader-country"]
    assert nx.number_connected_components(graph) == 1
    weights = defaultdict(dict)
    for _, country, relation, data in graph.edges(PUTIN, keys=True, data=True):
        weights[relation][country] = data["weight"]
    assert max(weights["represents"], key=weights["represents"].get) == RUSSIA  # a few misread offices aside
    assert weights["represents"][RUSSIA] > 1000 and len(weights["met"]) > 80
    met = graph.edges[PUTIN, "https://w3id.org/irkg/id/country/KAZ", "met"]
    assert met["weight"] == len(met["meetings"]) > 20 and met["first"] < met["last"]
    assert max(graph.nodes, key=lambda n: graph.nodes[n]["eigenvector"]) in (PUTIN, RUSSIA)


def test_every_metric_is_computed_on_every_kind(graphs):
    for kind, graph in graphs.items():
        assert graph.number_of_nodes() > 80, kind
        for node, data in graph.nodes(data=True):
            assert {"degree", "weighted_degree", "betweenness", "eigenvector", "community"} <= set(data), (kind, node)
        expected = "betweenness estimated from 300 sampled sources" if kind == "meetings" else ""
        assert graph.graph.get("notes", "").startswith(expected), (kind, graph.graph.get("notes"))
        if not expected:
            assert "notes" not in graph.graph, (kind, graph.graph["notes"])


def test_eigenvector_is_left_out_with_a_note_without_numpy(graphs, monkeypatch):
    from kg.network import metrics as network_metrics

    monkeypatch.setattr(network_metrics, "_numpy", lambda: None)
    monkeypatch.setattr(network_metrics, "ITERATION_BUDGET", 1)  # 100 rounds: quick, and far too few
    graph = add_metrics(graphs["leader-country"].copy())  # power iteration cannot converge here
    assert "numpy is not installed" in graph.graph["notes"]
    assert not any("eigenvector" in data for _, data in graph.nodes(data=True))
    assert "eigenvector" not in network_metrics.format_top_table(graph).splitlines()[0]


@pytest.mark.parametrize("suffix", [s for s in SUFFIXES if s not in (".html", ".png")])
def test_every_kind_writes_every_file_format(graphs, suffix, tmp_path):
    for kind, graph in graphs.items():
        path = write_network(graph, tmp_path / f"{kind}{suffix}")
        assert path.stat().st_size > 1000, (kind, suffix)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_opens_in_chromium_without_errors_and_fits(chromium, graphs, kind, tmp_path):
    graph = graphs[kind]
    page = open_page(chromium, write_network(graph, tmp_path / f"{kind}.html"))
    page.wait_for("window.irkgNetwork !== undefined")
    total = graph.number_of_nodes()
    assert page.evaluate("irkgNetwork.total") == total
    drawn = page.evaluate("irkgNetwork.drawnNodes()")
    assert drawn == min(total, 150)
    assert page.evaluate("document.querySelectorAll('#network .node').length") == drawn
    labels = page.evaluate("document.querySelectorAll('#network text.label:not(.hidden)').length")
    assert 0 < labels <= 30
    kinds = {data.get("kind") for _, data in graph.nodes(data=True)}
    legend = page.evaluate("document.getElementById('legend').textContent")
    assert all(k in legend for k in kinds) and "Size: eigenvector centrality" in legend
    if {"leader", "country"} <= kinds:  # two kinds, two shapes
        assert page.evaluate("document.querySelectorAll('#network circle.node').length") > 0
        assert page.evaluate("document.querySelectorAll('#network path.node[data-kind=leader]').length") > 0
    page.evaluate("irkgNetwork.settle()")
    assert page.evaluate("irkgNetwork.fits()")
    if total > 150:
        assert page.evaluate("irkgNetwork.showMore()") == min(total, 250)
        page.evaluate("irkgNetwork.settle()")
        assert page.evaluate("irkgNetwork.fits()")
    assert page.errors == []
    page.close()


def test_the_commitments_network_has_an_edge_kind_per_commitment_type(graphs):
    """The fixture carries the ontology's kinds of irkg:Commitment, by which the network finds commitments."""
    from kg.model import COMMITMENT_TYPES

    assert {key for _, _, key in graphs["commitments"].edges(keys=True)} == set(COMMITMENT_TYPES)
    assert graphs["commitments"].number_of_edges() > 300
