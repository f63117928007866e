"""One owner per vocabulary: kg.model lists the commitment types, and a seventh type needs no other code.

Issue 15's done-means: adding a commitment type is a change in ``kg/model.py``,
the ontology and the shapes only.  The ``mediation`` fixture does exactly
that at run time — registers ``Mediation`` in the model, adds its class to the
ontology and its target to the shapes — plus one cue so the rule reader can
find it, and the tests follow one transcript's Mediation through the graph,
the SHACL check, the networks, the gold-shaped readback and ``kg eval``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.building.builder import build
from kg.cli import main
from kg.eval.readback import read_document_facts
from kg.extract import cues
from kg.extract.pipeline import pipeline_for
from kg.inputs.reader import read
from kg.model import (COMMITMENT_TYPES, FORMATS, ITEM_TYPES, MUTUAL_TYPES, STATUSES, commitment_kind,
                      register_commitment_type, unregister_commitment_type)
from kg.network.graphs import to_networkx
from kg.rdf import namespace as ns
from kg.rdf.mapping import transcript_graph
from kg.resources import add_turtle, remove_turtle
from kg.store.embedded import OxigraphStore
from kg.validation.shacl import load_ontology, validate_store

ID = ns.DEFAULT_BASE
RUS, AZE = ID + "country/RUS", ID + "country/AZE"
MEDIATION = ns.ONTOLOGY_NS + "Mediation"

ONTOLOGY = """
@prefix irkg: <https://w3id.org/irkg/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
irkg:Mediation a owl:Class ;
    rdfs:label "Mediation"@en ;
    rdfs:comment "One country mediates talks for another."@en ;
    rdfs:subClassOf irkg:Commitment ;
    irkg:cameoCode "045" ;
    irkg:ploverCategory "CONSULT" .
"""
# Mediation is directed (the mediator acts for the other side), so its parties must differ.
SHAPES = """
@prefix irkg:   <https://w3id.org/irkg/ontology#> .
@prefix irkgsh: <https://w3id.org/irkg/shapes#> .
@prefix sh:     <http://www.w3.org/ns/shacl#> .
irkgsh:Commitment-distinct-parties sh:targetClass irkg:Mediation .
"""
SENTENCE = "Mr President, Russia will mediate talks for Azerbaijan next month."
TRANSCRIPT = f"""Meeting with President of Azerbaijan Ilham Aliyev

July 20, 2021, The Kremlin, Moscow

Vladimir Putin held a meeting in the Kremlin with President of the Republic of Azerbaijan Ilham Aliyev.

President of Russia Vladimir Putin: {SENTENCE}

President of Azerbaijan Ilham Aliyev: Thank you very much.
"""
GOLD_COMMITMENT = {"type": "Mediation", "by": "RUS", "to": "AZE", "item": None, "quantity": None, "unit": None,
                   "status": "planned", "speaker": "Vladimir Putin", "quote": SENTENCE}


# ---------------------------------------------------------------- the dev build (runs first, unregistered)

def test_every_commitment_of_the_dev_graph_has_a_type_of_the_model(dev_store):
    """No commitment in the dev build is typed outside kg.model, and the store's ontology agrees with it."""
    kinds = {r["k"].value for r in dev_store.query(
        "SELECT ?k WHERE { GRAPH ?o { ?k rdfs:subClassOf irkg:Commitment } }")}
    assert kinds == {ns.ONTOLOGY_NS + t for t in COMMITMENT_TYPES}
    typed = dev_store.query("""
        SELECT ?c (GROUP_CONCAT(STR(?type); separator=" ") AS ?types) WHERE {
          GRAPH ?g { ?c a ?type ; irkg:status ?status } } GROUP BY ?c""")
    by_node = {r["c"].value: r["types"].value.split() for r in typed}
    assert len(by_node) > 50
    for node, types in by_node.items():
        assert node.startswith(ID + "commitment/")
        assert len(types) == 1 and types[0].removeprefix(ns.ONTOLOGY_NS) in COMMITMENT_TYPES, (node, types)
    minted = {r["c"].value for r in dev_store.query(
        f'SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ ?c a ?type }} FILTER(STRSTARTS(STR(?c), "{ID}commitment/")) }}')}
    assert {c for c in minted if not c.endswith("/evidence")} == set(by_node)


def test_the_model_owns_the_vocabularies():
    assert tuple(COMMITMENT_TYPES) == ("Supply", "JointProduction", "Investment", "Visit", "Agreement", "Cooperation")
    assert set(MUTUAL_TYPES) == {"JointProduction", "Agreement", "Cooperation"}
    assert set(ITEM_TYPES) == {"Supply", "JointProduction"}
    assert STATUSES == ("completed", "ongoing", "planned", "proposed")
    assert FORMATS == ("in_person", "phone", "video")
    assert set(ns.VOCABULARY_TERMS) <= ns.TERMS
    assert cues.units_of("Visit") == frozenset() and "dose" in cues.units_of("Supply")


def test_the_extraction_tables_name_only_types_of_the_model():
    from kg.extract.commitments import ONE_PER_SENTENCE

    assert set(cues.QUANTITY_UNITS) == set(COMMITMENT_TYPES)
    assert ONE_PER_SENTENCE <= set(COMMITMENT_TYPES)
    assert set(cues.TYPE_CUES) == set(COMMITMENT_TYPES)


def test_registration_refuses_what_would_break_the_vocabulary():
    with pytest.raises(ValueError, match="already registered"):
        register_commitment_type("Supply")
    with pytest.raises(ValueError, match="CapWords"):
        register_commitment_type("mediation")
    with pytest.raises(ValueError, match="built-in"):
        unregister_commitment_type("Visit")
    with pytest.raises(ValueError, match="not a commitment type"):
        ns.commitment_class("Mediation")
    assert "Mediation" not in COMMITMENT_TYPES


# ---------------------------------------------------------------- a seventh type

@pytest.fixture(scope="module")
def mediation(dev_store):
    """``Mediation`` registered in the model, the ontology and the shapes, with a cue the rules read.

    Asks for ``dev_store`` first so the session's dev graph is built before the
    registration and never holds the extra class.
    """
    register_commitment_type("Mediation")
    add_turtle("ontology", ONTOLOGY)
    add_turtle("shapes", SHAPES)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(cues.TYPE_CUES, "Mediation", (r"\bmediat\w*",))
        patch.setitem(cues.TYPE_KEYWORDS, "Mediation", ("mediat",))
        try:
            yield "Mediation"
        finally:
            remove_turtle("shapes", SHAPES)
            remove_turtle("ontology", ONTOLOGY)
            unregister_commitment_type("Mediation")


@pytest.fixture(scope="module")
def folder(mediation, tmp_path_factory) -> Path:
    """The transcript and its gold file, as ``kg eval`` finds them."""
    folder = tmp_path_factory.mktemp("mediation")
    (folder / "mediation.txt").write_text(TRANSCRIPT, encoding="utf-8")
    gold = {"id": "mediation", "source": {"file": "mediation.txt", "url": None},
            "meeting": {"title": "Meeting with President of Azerbaijan Ilham Aliyev", "date": "2021-07-20",
                        "city": "Moscow", "venue": "The Kremlin", "format": "in_person"},
            "participants": [{"name": "Ilham Aliyev", "office": "President", "country": "AZE"},
                             {"name": "Vladimir Putin", "office": "President", "country": "RUS"}],
            "countries": ["AZE", "RUS"], "commitments": [GOLD_COMMITMENT], "figures": []}
    (folder / "mediation.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store(folder) -> OxigraphStore:
    store = OxigraphStore(None)
    result = build([str(folder / "mediation.txt")], store, pipeline=pipeline_for("rules"))
    assert result.ok, result.errors
    yield store
    store.close()


def test_registering_extends_every_view_of_the_model(mediation):
    assert COMMITMENT_TYPES[-1] == "Mediation" and "Mediation" in COMMITMENT_TYPES
    assert "Mediation" not in MUTUAL_TYPES and "Mediation" not in ITEM_TYPES
    assert commitment_kind("Mediation").mutual is False
    assert ns.commitment_class("Mediation").value == MEDIATION
    assert MEDIATION in {str(s) for s in load_ontology().subjects()}


def test_the_graph_holds_the_new_type_as_a_commitment(store):
    rows = store.query("""
        SELECT ?c ?type ?by ?to ?status WHERE {
          GRAPH ?o { ?type rdfs:subClassOf irkg:Commitment }
          GRAPH ?g { ?c a ?type ; irkg:byCountry ?by ; irkg:toCountry ?to ; irkg:status ?status } }""")
    assert [(r["type"].value, r["by"].value, r["to"].value, r["status"].value) for r in rows] \
        == [(MEDIATION, RUS, AZE, ns.ONTOLOGY_NS + "planned")]


def test_the_graph_with_the_new_type_conforms_to_the_extended_shapes(store):
    report = validate_store(store)
    assert report.conforms, report.results


def test_the_extended_shapes_catch_a_mediation_to_itself(store, folder):
    graph = transcript_graph(next(read(str(folder / "mediation.txt"))))
    broken = OxigraphStore(None)
    for quad in store.raw:
        if quad.predicate.value == ns.ONTOLOGY_NS + "toCountry":
            quad = ox.Quad(quad.subject, quad.predicate, ox.NamedNode(RUS), quad.graph_name)
        broken.raw.add(quad)
    report = validate_store(broken, [graph.value])
    assert not report.conforms
    assert any("Commitment-distinct-parties" in str(r.shape) for r in report.results), report.results


def test_the_commitments_network_has_an_edge_of_the_new_type(store):
    graph = to_networkx(store, kind="commitments")
    assert [(a, b, key) for a, b, key in graph.edges(keys=True)] == [(RUS, AZE, "Mediation")]
    assert graph.edges[RUS, AZE, "Mediation"]["weight"] == 1


def test_the_readback_gives_it_in_the_gold_shape(store, folder):
    facts = read_document_facts(store, transcript_graph(next(read(str(folder / "mediation.txt")))))
    assert facts["commitments"] == [GOLD_COMMITMENT]


def test_kg_eval_scores_the_new_type(folder, capsys):
    assert main(["eval", str(folder), "--reader", "rules", "--json"]) == 0
    fields = json.loads(capsys.readouterr().out)["fields"]
    assert (fields["commitments.Mediation"]["tp"], fields["commitments.Mediation"]["fp"],
            fields["commitments.Mediation"]["fn"]) == (1, 0, 0)
    assert fields["commitments"]["tp"] == 1


def test_the_report_and_the_followup_linker_read_it_too(store):
    from kg.building.followup import read_claims
    from kg.report.data import collect

    assert list(collect(store).commitments)[-1] == "Mediation"
    assert sum(sum(c.values()) for c in collect(store).commitments["Mediation"].values()) == 1
    assert [c.type for c in read_claims(store)] == ["Mediation"]
