"""Network metrics and files on small hand-built graphs: values checked by hand, files parsed back.

A star of meetings around one hub, a separate pair and a lonely node is
small enough to know every centrality; the exports must read back with the
standard readers (networkx, ElementTree, csv, json) to the same nodes,
edges and attributes.
"""

from __future__ import annotations

import csv
import io
import json
import math
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.errors import NetworkError
from kg.network import metrics
from kg.network.export import SUFFIXES, dynamic_copy, scalar_copy, to_csv, to_json, write_network
from kg.network.metrics import add_metrics, format_top_table, simple_projection, top_nodes



def star() -> nx.MultiGraph:
    """hub met a (three times, once written the other way round), b, c and d; x met y; lonely met nobody."""
    g = nx.MultiGraph()
    for leaf in "abcd":
        g.add_edge("hub", leaf, weight=1)
    g.add_edge("hub", "a", weight=2)
    g.add_edge("a", "hub", weight=1)
    g.add_edge("a", "a")  # a self-loop says nothing about centrality
    g.add_edge("x", "y")
    g.add_node("lonely")
    return g


# --- metrics ---------------------------------------------------------------------------


def test_the_simple_projection_adds_parallel_weights_and_drops_self_loops():
    simple = simple_projection(star())
    assert simple.number_of_nodes() == 8 and not nx.is_directed(simple)
    assert simple.edges["hub", "a"]["weight"] == 4.0 and simple.edges["a", "hub"]["weight"] == 4.0
    assert not simple.has_edge("a", "a") and simple.degree("lonely") == 0


def test_degrees_and_betweenness_of_a_star():
    g = add_metrics(star())
    assert g.nodes["hub"]["degree"] == 4 and g.nodes["a"]["degree"] == 1
    assert g.nodes["hub"]["weighted_degree"] == 7.0 and g.nodes["a"]["weighted_degree"] == 4.0
    # the hub lies on the shortest path of each of the 6 pairs of leaves, out of 7*6/2 pairs
    assert g.nodes["hub"]["betweenness"] == pytest.approx(6 / 21, abs=1e-6)
    assert all(g.nodes[n]["betweenness"] == 0 for n in ("a", "b", "x", "lonely"))


def test_eigenvector_is_per_component_scaled_by_its_share_of_nodes():
    g = add_metrics(star())
    ev = {n: d["eigenvector"] for n, d in g.nodes(data=True)}
    assert ev["lonely"] == 0.0
    assert ev["x"] == ev["y"] == pytest.approx(math.sqrt(0.5) * 2 / 8, abs=1e-5)
    star_part = [ev[n] / (5 / 8) for n in ("hub", "a", "b", "c", "d")]
    assert sum(v * v for v in star_part) == pytest.approx(1.0, abs=1e-4)  # a unit vector before scaling
    assert ev["hub"] > ev["a"] > ev["b"] == ev["c"] == ev["d"]


def test_communities_are_numbered_largest_first_and_counted():
    g = add_metrics(star())
    assert {n: d["community"] for n, d in g.nodes(data=True)} == {
        "hub": 0, "a": 0, "b": 0, "c": 0, "d": 0, "x": 1, "y": 1, "lonely": 2}
    assert g.graph["communities"] == 3 and "notes" not in g.graph


def test_metrics_are_the_same_on_every_run_and_an_empty_graph_is_left_alone():
    one, two = add_metrics(star()), add_metrics(star())
    assert dict(one.nodes(data=True)) == dict(two.nodes(data=True))
    empty = nx.Graph()
    assert add_metrics(empty) is empty and empty.graph == {}


def test_a_large_graph_gets_sampled_betweenness_and_a_note(monkeypatch):
    monkeypatch.setattr(metrics, "BETWEENNESS_EXACT_UP_TO", 5)
    monkeypatch.setattr(metrics, "BETWEENNESS_SAMPLE", 4)
    g = add_metrics(star())
    assert "betweenness estimated from 4 sampled sources (seed 42)" in g.graph["notes"]
    assert add_metrics(star()).nodes(data=True)["hub"] == g.nodes["hub"]  # seeded: reproducible
    monkeypatch.setattr(metrics, "BETWEENNESS_EXACT_UP_TO", 1000)
    assert "notes" not in add_metrics(g).graph  # a stale note goes when the metrics are redone


def test_eigenvector_without_numpy_converges_on_a_star(monkeypatch):
    monkeypatch.setattr(metrics, "_numpy", lambda: None)
    g = add_metrics(star())
    assert g.nodes["hub"]["eigenvector"] > g.nodes["b"]["eigenvector"] > 0 and "notes" not in g.graph


def test_top_nodes_rank_by_value_then_label():
    g = add_metrics(star())
    nx.set_node_attributes(g, {"hub": "Hub Country"}, "label")
    assert top_nodes(g, "degree", 3) == [("Hub Country", 4), ("a", 1), ("b", 1)]
    assert top_nodes(g, "weighted_degree", 2) == [("Hub Country", 7.0), ("a", 4.0)]
    assert len(top_nodes(g, "degree", 100)) == 8


def test_the_table_has_a_column_per_metric_and_lists_communities():
    g = add_metrics(star())
    nx.set_node_attributes(g, {"hub": "A very long name of a country that goes on and on"}, "label")
    lines = format_top_table(g, 3).splitlines()
    assert lines[0].split() == ["rank", "degree", "weighted_degree", "betweenness", "eigenvector"]
    assert lines[1].startswith("1    A very long name") and "…" in lines[1] and len(lines) == 3 + 1 + 1 + 4
    assert "communities (Louvain, seed 42): 3" in lines
    assert lines[-3].split()[:3] == ["0:", "5", "nodes"]


# --- files ---------------------------------------------------------------------------------


def meetings() -> nx.Graph:
    """Two countries that met twice and one that met nobody, with the attributes the graphs carry."""
    g = nx.Graph(kind="countries", since="", until="", countries="")
    g.add_node("RUS", kind="country", label="Russia", iso3="RUS", qid=None)
    g.add_node("AZE", kind="country", label="Azerbaijan\x0b\ufffe", iso3="AZE")  # not XML: must not break a file
    g.add_node("ISL", kind="country", label="Iceland")
    g.add_edge("RUS", "AZE", weight=2, meetings=["urn:m:1", "urn:m:2"], dates=["2020-01-01", "2021-07-20"],
               first="2020-01-01", last="2021-07-20", note=None)
    return g


def test_scalar_copies_join_lists_drop_missing_values_and_clean_text():
    copy = scalar_copy(meetings())
    edge = copy.edges["RUS", "AZE"]
    assert edge["meetings"] == "urn:m:1 urn:m:2" and "note" not in edge
    assert "qid" not in copy.nodes["RUS"] and copy.nodes["AZE"]["label"] == "Azerbaijan\ufffd\ufffd"
    assert meetings().edges["RUS", "AZE"]["meetings"] == ["urn:m:1", "urn:m:2"]  # the original is untouched


def test_graphml_reads_back_with_the_same_nodes_edges_and_values(tmp_path):
    path = write_network(meetings(), tmp_path / "n.graphml")
    back = nx.read_graphml(path)
    assert set(back.nodes) == {"RUS", "AZE", "ISL"} and back.number_of_edges() == 1
    edge = back.edges["RUS", "AZE"]
    assert (edge["weight"], edge["dates"], edge["first"]) == (2, "2020-01-01 2021-07-20", "2020-01-01")
    assert back.nodes["RUS"]["label"] == "Russia" and back.graph["kind"] == "countries"


def test_gexf_is_dynamic_with_a_spell_per_meeting_date(tmp_path):
    path = write_network(meetings(), tmp_path / "n.gexf")
    root = ET.parse(path).getroot()
    GEXF = root.tag[: root.tag.index("}") + 1]  # the namespace of the GEXF version networkx writes
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic"
    nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    assert [s.get("start") for s in nodes["RUS"].iter(f"{GEXF}spell")] == ["2020-01-01", "2021-07-20"]
    assert list(nodes["ISL"].iter(f"{GEXF}spell")) == []  # met nobody: always there
    [edge] = graph.iter(f"{GEXF}edge")
    assert [(s.get("start"), s.get("end")) for s in edge.iter(f"{GEXF}spell")] == [
        ("2020-01-01", "2020-01-01"), ("2021-07-20", "2021-07-20")]


def test_dynamic_copy_of_a_multigraph_keeps_each_edges_own_spells():
    g = nx.MultiGraph()
    g.add_edge("p", "c", key="met", dates=["2020-01-01"])
    g.add_edge("p", "c", key="represents", dates=["2021-01-01", "2021-01-01"])
    copy = dynamic_copy(g)
    assert copy.edges["p", "c", "met"]["spells"] == [("2020-01-01", "2020-01-01")]
    assert copy.edges["p", "c", "represents"]["spells"] == [("2021-01-01", "2021-01-01")]  # one per date
    assert copy.nodes["p"]["spells"] == [("2020-01-01", "2020-01-01"), ("2021-01-01", "2021-01-01")]


def test_csv_has_a_row_per_edge_with_labels_and_every_attribute():
    rows = list(csv.DictReader(io.StringIO(to_csv(meetings()))))
    assert len(rows) == 1
    row = rows[0]
    assert (row["source"], row["target"], row["source_label"]) == ("RUS", "AZE", "Russia")
    assert row["weight"] == "2" and row["meetings"] == "urn:m:1 urn:m:2" and row["note"] == ""


def test_json_is_node_link_data_that_networkx_reads_back():
    data = json.loads(to_json(meetings()))
    assert {n["id"] for n in data["nodes"]} == {"RUS", "AZE", "ISL"}
    back = nx.node_link_graph(data, edges="links")
    assert back.edges["RUS", "AZE"]["meetings"] == ["urn:m:1", "urn:m:2"]  # lists stay lists in JSON


@pytest.mark.parametrize("name", ["n.txt", "n", "n.GRAPHML.bak"])
def test_an_unknown_suffix_names_the_known_ones(tmp_path, name):
    with pytest.raises(NetworkError, match="unknown network format") as error:
        write_network(meetings(), tmp_path / name)
    assert all(s in str(error.value) for s in SUFFIXES) and not (tmp_path / name).exists()


def test_the_suffix_is_read_case_blind(tmp_path):
    path = write_network(meetings(), tmp_path / "N.GraphML")
    assert nx.read_graphml(path).number_of_nodes() == 3


def test_a_missing_folder_is_one_error_naming_the_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "no" / "such" / "n.csv"
    with pytest.raises(NetworkError, match="cannot write the network") as error:
        write_network(meetings(), target)
    assert str(target) in str(error.value)
    assert not (tmp_path / "no").exists()


def test_a_written_file_replaces_the_old_one_whole_and_leaves_no_part_file(tmp_path):
    target = tmp_path / "n.json"
    target.write_text("old", encoding="utf-8")
    write_network(meetings(), target)
    assert json.loads(target.read_text(encoding="utf-8"))["nodes"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.json"]
