"""Networks from the dev graph: kinds, filters, weights against SPARQL counts, file formats, CLI."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.building.builder import build
from kg.cli import main
from kg.errors import KgError, QueryError
from kg.model import COMMITMENT_TYPES
from kg.network.graphs import KINDS, to_networkx
from kg.network.export import write_network
from kg.network.html import to_html
from kg.network.metrics import add_metrics, format_top_table
from kg.store.factory import open_store

DEV = Path(__file__).resolve().parent / "data" / "dev"
ID = "https://w3id.org/irkg/id/"
RUS, AZE, UKR = ID + "country/RUS", ID + "country/AZE", ID + "country/UKR"
ALIYEV = ID + "person/ilham-aliyev"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("network") / "store"
    with open_store(str(path)) as store:
        result = build([str(DEV)], store)
    assert result.ok
    return str(path)


@pytest.fixture
def store(store_dir):
    with open_store(store_dir) as opened:
        yield opened


def _count(store, sparql: str) -> dict[tuple, int]:
    return {tuple(row[v].value for v in ("a", "b", "t") if v in row): int(row["n"].value)
            for row in store.query(sparql)}


def test_to_networkx_is_public_api():
    assert "to_networkx" in kg.__all__
    assert kg.to_networkx is to_networkx


def test_countries_graph_has_russia_azerbaijan_meeting_on_its_date(store):
    graph = to_networkx(store, kind="countries")
    edge = graph.edges[RUS, AZE]
    assert edge["weight"] == 1
    assert edge["first"] == edge["last"] == "2021-07-20"
    assert edge["meetings"] == [ID + "meeting/2021-07-20-aze-rus-aliyev-putin"]
    assert graph.nodes[AZE]["label"] == "Azerbaijan"
    assert graph.nodes[AZE]["iso3"] == "AZE" and graph.nodes[AZE]["qid"].startswith("Q")


def test_leader_country_graph_links_aliyev_to_azerbaijan(store):
    graph = to_networkx(store, kind="leader-country")
    assert graph.has_edge(ALIYEV, AZE, "represents")
    assert graph.edges[ALIYEV, AZE, "represents"]["office"] == "President"
    assert graph.nodes[ALIYEV]["label"] == "Ilham Aliyev"
    assert graph.nodes[ALIYEV]["kind"] == "leader" and graph.nodes[AZE]["kind"] == "country"
    assert not graph.has_edge(ALIYEV, RUS, "represents")
    met = graph.edges[ALIYEV, RUS, "met"]  # Aliyev met Russia's leader on 2021-07-20
    assert met["relation"] == "met" and met["weight"] == 1 and met["first"] == met["last"] == "2021-07-20"


def test_country_weights_equal_sparql_counts(store):
    expected = _count(store, """
        SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE {
          GRAPH ?g1 { ?m irkg:participant ?p1 . ?t1 irkg:holder ?p1 ; irkg:officeOfCountry ?a }
          GRAPH ?g2 { ?m irkg:participant ?p2 . ?t2 irkg:holder ?p2 ; irkg:officeOfCountry ?b }
          FILTER (STR(?a) < STR(?b))
        } GROUP BY ?a ?b""")
    graph = to_networkx(store, kind="countries")
    found = {tuple(sorted((a, b))): w for a, b, w in graph.edges(data="weight")}
    assert found == expected and len(found) >= 5


def test_leader_weights_equal_sparql_counts(store):
    expected = _count(store, """
        SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE {
          ?m a irkg:Meeting ; irkg:participant ?a, ?b . FILTER (STR(?a) < STR(?b))
        } GROUP BY ?a ?b""")
    graph = to_networkx(store, kind="leaders")
    assert {tuple(sorted((a, b))): w for a, b, w in graph.edges(data="weight")} == expected


def test_commitment_counts_equal_sparql_counts(store):
    expected = _count(store, """
        SELECT ?a ?b ?t (COUNT(DISTINCT ?k) AS ?n) WHERE {
          VALUES ?type { %s }
          ?k a ?type ; irkg:byCountry ?a ; irkg:toCountry ?b .
          BIND (STRAFTER(STR(?type), "#") AS ?t)
        } GROUP BY ?a ?b ?t""" % " ".join(f"irkg:{t}" for t in COMMITMENT_TYPES))
    graph = to_networkx(store, kind="commitments")
    assert graph.is_directed() and graph.is_multigraph()
    assert {(a, b, key): d["weight"] for a, b, key, d in graph.edges(keys=True, data=True)} == expected
    supply = graph.edges[RUS, AZE, "Supply"]
    assert supply["quantity_dose"] > 0 and supply["first"] == "2021-07-20"


def test_meetings_graph_is_bipartite_meeting_leader(store):
    graph = to_networkx(store, kind="meetings")
    meetings = {n for n, kind in graph.nodes(data="kind") if kind == "meeting"}
    assert len(meetings) == 7
    assert nx.is_bipartite(graph)
    assert all((a in meetings) != (b in meetings) for a, b in graph.edges)
    assert graph.edges[ID + "meeting/2021-07-20-aze-rus-aliyev-putin", ALIYEV]["country"] == "AZE"


def test_date_and_country_filters(store):
    recent = to_networkx(store, kind="countries", since="2020-01-01")
    assert UKR not in recent and recent.has_edge(RUS, AZE)
    old = to_networkx(store, kind="countries", until="2013-12-31")
    assert set(old.nodes) == {RUS, UKR}
    azerbaijan = to_networkx(store, kind="countries", countries=["aze"])
    assert set(azerbaijan.nodes) == {RUS, AZE}
    assert azerbaijan.graph["countries"] == "AZE"


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "galaxies"}, "unknown network kind"),
    ({"since": "July 2021"}, "YYYY-MM-DD"),
    ({"countries": ["XXX"]}, "no country with code XXX"),
])
def test_bad_arguments_raise_query_error(store, kwargs, message):
    with pytest.raises(QueryError, match=message):
        to_networkx(store, **kwargs)


def test_metrics_are_node_attributes_and_reproducible(store):
    first = add_metrics(to_networkx(store, kind="countries"))
    second = add_metrics(to_networkx(store, kind="countries"))
    for attribute in ("degree", "weighted_degree", "betweenness", "eigenvector", "community"):
        assert dict(first.nodes(data=attribute)) == dict(second.nodes(data=attribute))
    russia = first.nodes[RUS]
    assert russia["degree"] == max(d for _, d in first.nodes(data="degree"))
    assert russia["betweenness"] > 0.5 and russia["eigenvector"] > 0
    table = format_top_table(first, 3)
    assert table.splitlines()[1].startswith("1    Russia")
    assert "communities (Louvain, seed 42)" in table


@pytest.mark.parametrize("kind", KINDS)
def test_graphml_and_gexf_round_trip_and_parse_as_xml(store, kind, tmp_path):
    graph = add_metrics(to_networkx(store, kind=kind))
    for suffix, reader in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        path = write_network(graph, tmp_path / f"{kind}{suffix}")
        ET.parse(path)
        back = reader(path)
        assert back.number_of_nodes() == graph.number_of_nodes()
        assert back.number_of_edges() == graph.number_of_edges()
        assert sorted(back.nodes) == sorted(graph.nodes)
        node = next(iter(graph.nodes))
        assert back.nodes[node]["label"] == graph.nodes[node]["label"]
        assert back.nodes[node]["community"] == graph.nodes[node]["community"]


def test_gexf_is_dynamic_with_one_spell_per_meeting_date(store, tmp_path):
    path = write_network(to_networkx(store, kind="countries"), tmp_path / "countries.gexf")
    root = ET.parse(path).getroot()
    ns = {"g": root.tag.split("}")[0].strip("{")}
    graph_element = root.find("g:graph", ns)
    assert graph_element.get("mode") == "dynamic" and graph_element.get("timeformat") == "date"
    edge = next(e for e in root.iter(f"{{{ns['g']}}}edge")
                if {e.get("source"), e.get("target")} == {RUS, AZE})
    spells = [(s.get("start"), s.get("end")) for s in edge.iter(f"{{{ns['g']}}}spell")]
    assert spells == [("2021-07-20", "2021-07-20")]
    russia = next(n for n in root.iter(f"{{{ns['g']}}}node") if n.get("id") == RUS)
    assert len(list(russia.iter(f"{{{ns['g']}}}spell"))) == 5


def test_json_and_csv(store, tmp_path):
    graph = to_networkx(store, kind="countries")
    data = json.loads(write_network(graph, tmp_path / "g.json").read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="links")
    assert back.edges[RUS, AZE]["dates"] == ["2021-07-20"]
    with open(write_network(graph, tmp_path / "g.csv"), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == graph.number_of_edges()
    row = next(r for r in rows if {r["source"], r["target"]} == {RUS, AZE})
    assert row["weight"] == "1" and row["first"] == "2021-07-20"
    assert {row["source_label"], row["target_label"]} == {"Russia", "Azerbaijan"}


def test_html_is_self_contained(store):
    graph = to_networkx(store, kind="commitments")
    page = to_html(graph)
    assert page.startswith("<!doctype html>")
    assert "<script src" not in page and "<link rel=\"stylesheet\"" not in page
    assert "forceSimulation" in page and "https://d3js.org/d3-force/" in page  # the vendored build, inlined
    payload = page.split("const IRKG_DATA = ", 1)[1].split(";\n", 1)[0]
    data = json.loads(payload.replace("<\\/", "</"))
    assert len(data["nodes"]) == graph.number_of_nodes() >= 8  # every country of the dev commitments
    assert {"Supply", "Visit"} <= {l.get("type") for l in data["links"]}


def test_png_is_1600_by_1200(store, tmp_path):
    pytest.importorskip("matplotlib")
    from PIL import Image

    path = write_network(to_networkx(store, kind="leaders"), tmp_path / "leaders.png")
    with Image.open(path) as image:
        assert image.size == (1600, 1200)


def test_unknown_suffix_is_an_error(store, tmp_path):
    with pytest.raises(KgError, match=r"unknown network format '\.txt'"):
        write_network(to_networkx(store), tmp_path / "g.txt")


def test_cli_writes_file_and_prints_metrics(store_dir, tmp_path, capsys):
    out = tmp_path / "countries.graphml"
    code = main(["network", "countries", "--store", store_dir, "--since", "2019-01-01", "--metrics",
                 "--top", "3", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert "-> " + str(out) in captured.err
    assert captured.out.splitlines()[1].startswith("1    Russia")
    graph = nx.read_graphml(out)
    assert UKR not in graph and graph.nodes[RUS]["degree"] == 5
    assert main(["network", "countries", "--store", store_dir, "-o", str(tmp_path / "x.txt")]) == 2
    assert "unknown network format" in capsys.readouterr().err
    assert main(["network", "leaders", "--store", store_dir]) == 0
    assert json.loads(capsys.readouterr().out)["nodes"]
