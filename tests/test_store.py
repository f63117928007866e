"""The store: atomic, idempotent graph replacement; disk and memory; queries; exports that parse back."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from kg.errors import QueryError, StoreError
from kg.store.export import export, format_for
from kg.rdf.mapping import map_document
from kg.store.embedded import OxigraphStore
from kg.store.protocol import SUFFIXES, Rows, Store, graph_triples
from kg.store.sparql_text import replace_graph_update
from kg.store.factory import open_store
from test_mapping import sample_document

G = ox.NamedNode("http://example.org/graph/1")
P = ox.NamedNode("http://example.org/p")


def _triples(n: int, tag: str = "x") -> list[ox.Triple]:
    return [ox.Triple(ox.NamedNode(f"http://example.org/s{i}"), P, ox.Literal(f"{tag}{i}")) for i in range(n)]


def test_memory_store_is_a_store():
    with open_store("memory") as store:
        assert isinstance(store, Store)
        assert store.replace_graph(G, _triples(3)) == 3
        assert store.count() == 3 and store.count(G) == 3
        assert store.graphs() == [G]


def test_replace_is_idempotent_and_replaces():
    mapped = map_document(sample_document())
    with OxigraphStore() as store:
        store.replace_graph(mapped.graph, mapped.triples)
        before = store.count()
        store.replace_graph(mapped.graph, mapped.triples)
        assert store.count() == before == len(mapped.triples)
        store.replace_graph(mapped.graph, _triples(2, "new"))
        assert store.count() == 2


def test_replace_leaves_other_graphs_alone():
    other = ox.NamedNode("http://example.org/graph/2")
    with OxigraphStore() as store:
        store.replace_graph(G, _triples(3))
        store.replace_graph(other, _triples(4))
        store.replace_graph(G, _triples(1))
        assert store.count(other) == 4 and store.count(G) == 1


def test_disk_store_reopens_with_its_data(tmp_path):
    path = tmp_path / "kg-store"
    with open_store(str(path)) as store:
        store.replace_graph(G, _triples(5))
    with open_store(str(path)) as store:
        assert store.count(G) == 5


def test_locked_store_names_the_path(tmp_path):
    path = tmp_path / "kg-store"
    with open_store(str(path)):
        with pytest.raises(StoreError, match="in use"):
            open_store(str(path))


def test_folder_of_other_files_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("not a store")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        open_store(str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_url_opens_a_remote_endpoint_store():
    from kg.store.endpoint import EndpointStore

    assert isinstance(open_store("http://127.0.0.1:7878/query"), EndpointStore)


def test_query_binds_terms_and_sees_all_graphs():
    with OxigraphStore() as store:
        store.replace_graph(G, _triples(3))
        rows = store.query("SELECT ?o WHERE { ?s ?p ?o }", {"s": ox.NamedNode("http://example.org/s1")})
        assert isinstance(rows, Rows) and rows.variables == ["o"]
        assert [r["o"] for r in rows] == [ox.Literal("x1")]
        assert store.query("ASK { GRAPH ?g { ?s ?p 'x2' } }") is True
        assert len(store.query("CONSTRUCT WHERE { ?s ?p ?o }")) == 3


def test_replace_graph_update_and_graph_triples_agree():
    graph, other = ox.NamedNode("http://example.org/g"), ox.NamedNode("http://example.org/h")
    s, p = ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p")
    quoted = ox.Triple(s, p, ox.Literal('a "quoted" {brace} } ; DROP ALL'))
    with OxigraphStore(None) as store:
        store.replace_graph(other, [ox.Triple(s, p, ox.Literal("kept"))])
        store.update(replace_graph_update(graph, [ox.Triple(s, p, ox.Literal("old"))]))
        store.update(replace_graph_update(graph, [quoted]))
        assert graph_triples(store, graph) == [quoted]
        assert graph_triples(store, other) == [ox.Triple(s, p, ox.Literal("kept"))]


def test_file_suffixes_name_formats():
    assert SUFFIXES[".ttl"] == "turtle" and SUFFIXES[".nq"] == "nquads" and SUFFIXES[".rdf"] == "rdfxml"
    assert format_for("out.JSON") == "jsonld" and format_for("out.trig") == "trig"
    assert format_for("out.rdf") is None  # RDF/XML is read, not exported


def test_malformed_query_raises_query_error():
    with OxigraphStore() as store, pytest.raises(QueryError, match="malformed"):
        store.query("SELEC ?x")


def test_update_writes():
    with OxigraphStore() as store:
        store.update("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> rdfs:label 'a' } }")
        assert store.count() == 1


@pytest.mark.parametrize("fmt,rdflib_format,graphs", [
    ("trig", "trig", True), ("nquads", "nquads", True), ("jsonld", "json-ld", True),
    ("turtle", "turtle", False), ("ntriples", "nt", False),
])
def test_export_parses_back_with_rdflib(fmt, rdflib_format, graphs):
    mapped = map_document(sample_document())
    other = ox.NamedNode("http://example.org/graph/2")
    with OxigraphStore() as store:
        store.replace_graph(mapped.graph, mapped.triples)
        store.replace_graph(other, _triples(4))
        out = io.BytesIO()
        export(store, out, fmt)
        data = out.getvalue()
    if graphs:
        ds = Dataset()
        ds.parse(data=data, format=rdflib_format)
        assert len(ds.graph(mapped.graph.value)) == len(mapped.triples)
        assert len(ds.graph(other.value)) == 4
    else:
        assert len(Graph().parse(data=data, format=rdflib_format)) == len(mapped.triples) + 4
    if fmt == "turtle":
        assert b"@prefix irkg:" in data
    if fmt == "jsonld":
        json.loads(data)


def test_export_of_one_graph_and_unknown_things():
    with OxigraphStore() as store:
        store.replace_graph(G, _triples(2))
        store.replace_graph(ox.NamedNode("http://example.org/graph/2"), _triples(5))
        out = io.BytesIO()
        export(store, out, "ntriples", G.value)
        assert len(Graph().parse(data=out.getvalue(), format="nt")) == 2
        with pytest.raises(StoreError, match="no graph"):
            export(store, io.BytesIO(), "turtle", "http://example.org/missing")
        with pytest.raises(StoreError, match="cannot export"):
            export(store, io.BytesIO(), "csv")


def test_bindings_work_for_variables_the_query_does_not_project():
    other = ox.NamedNode("http://example.org/graph/2")
    with OxigraphStore() as store:
        store.replace_graph(G, _triples(3))
        store.replace_graph(other, _triples(5))
        rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": other})
        assert int(rows.rows[0]["n"].value) == 5


def test_jsonld_export_is_compact_with_a_context_and_keeps_every_quad():
    import io
    import json

    import rdflib

    from kg.store.export import export

    graph = ox.NamedNode("https://w3id.org/irkg/id/graph/t")
    triple = ox.Triple(ox.NamedNode("https://w3id.org/irkg/id/country/AZE"),
                       ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Azerbaijan"))
    with OxigraphStore() as store:
        store.replace_graph(graph, [triple])
        out = io.BytesIO()
        export(store, out, "jsonld")
    document = json.loads(out.getvalue())
    assert document["@context"]["irkg"] == "https://w3id.org/irkg/ontology#"
    dataset = rdflib.Dataset()
    dataset.parse(data=out.getvalue(), format="json-ld")
    assert sum(1 for _ in dataset.quads()) == 1
