"""The streamed JSON-LD export: compact, one object per named graph, and exactly the store's quads."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import rdflib

from kg.rdf import namespace as ns
from kg.store.export import export
from kg.rdf.jsonld import compact, write_jsonld
from test_endpoint import built_server  # noqa: F401 - the dev transcripts built into a real Oxigraph server


def _quads(data: bytes, fmt: ox.RdfFormat) -> set[str]:
    return {str(q) for q in ox.parse(data, fmt)}


def test_export_expands_to_exactly_the_stores_quads(dev_store):
    out = io.BytesIO()
    export(dev_store, out, "jsonld")
    assert _quads(out.getvalue(), ox.RdfFormat.JSON_LD) == {str(q) for q in dev_store.raw}
    document = json.loads(out.getvalue())
    assert document["@context"] == ns.PREFIXES
    names = [g["@id"] for g in document["@graph"]]
    assert names == sorted(g.value for g in dev_store.graphs())
    entities = next(g for g in document["@graph"] if g["@id"] == ns.entities_graph_iri().value)
    putin = next(n for n in entities["@graph"] if n["@id"] == ns.person_iri("Vladimir Putin").value)
    assert putin["@type"] == ["irkg:Leader"] and putin["foaf:name"] == ["Vladimir Putin"]


def test_rdflib_reads_it_as_the_same_dataset(dev_store):
    out = io.BytesIO()
    export(dev_store, out, "jsonld", graph=ns.reference_graph_iri())
    dataset = rdflib.Dataset()
    dataset.parse(data=out.getvalue(), format="json-ld")
    assert sum(1 for _ in dataset.quads()) == dev_store.count(ns.reference_graph_iri())


def test_literals_keep_datatype_and_language_and_odd_iris_stay_whole():
    store = ox.Store()
    s, g = ox.NamedNode("https://w3id.org/irkg/id/x"), ox.NamedNode("https://w3id.org/irkg/id/graph/x")
    objects = [ox.Literal("2021-07-20", datatype=ox.NamedNode(ns.XSD + "date")), ox.Literal("2.50",
               datatype=ox.NamedNode(ns.XSD + "decimal")), ox.Literal("Москва", language="ru"), ox.Literal("plain"),
               ox.Literal("true", datatype=ox.NamedNode(ns.XSD + "boolean")), ox.BlankNode("b1"),
               ox.NamedNode("http://purl.org/dc/terms/a:b"), ox.NamedNode("urn:x:y")]
    store.extend(ox.Quad(s, ox.NamedNode(ns.ONTOLOGY_NS + "p"), o, g) for o in objects)
    store.add(ox.Quad(s, ox.NamedNode(ns.RDFS + "label"), ox.Literal("default"), ox.DefaultGraph()))
    out = io.BytesIO()
    write_jsonld(store, out)
    back = {str(q) for q in ox.parse(out.getvalue(), ox.RdfFormat.JSON_LD)}
    expected = {str(q) for q in store}
    assert {q for q in back if "_:" not in q} == {q for q in expected if "_:" not in q}
    assert len(back) == len(expected)
    assert compact("http://purl.org/dc/terms/a:b") == "http://purl.org/dc/terms/a:b"
    assert compact(ns.ONTOLOGY_NS + "Meeting") == "irkg:Meeting"


def test_a_remote_store_exports_the_same_jsonld(built_server, dev_store):
    from kg.store.endpoint import EndpointStore

    out = io.BytesIO()
    export(EndpointStore(built_server.url), out, "jsonld", graph=ns.entities_graph_iri())
    expected = {str(ox.Quad(q.subject, q.predicate, q.object, q.graph_name))
                for q in dev_store.raw.quads_for_pattern(None, None, None, ns.entities_graph_iri())}
    assert _quads(out.getvalue(), ox.RdfFormat.JSON_LD) == expected
