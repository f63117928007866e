"""The shapes themselves: valid SHACL, complete for the ontology and the mapping, in step with the code.

Whether each shape catches what it should is tested in test_validate.py on
broken copies of a real transcript's graph.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SH, URIRef
from rdflib.collection import Collection

from kg.rdf import namespace as ns
from kg.rdf.mapping import map_document, reference_triples
from kg.model import COMMITMENT_TYPES, FORMATS, MUTUAL_TYPES, STATUSES
from kg.extract.pipeline import process
from kg.inputs.reader import read
from kg.validation.shacl import load_ontology, load_shapes

DEV = Path(__file__).parent / "data" / "dev"
IRKG = rdflib.Namespace(ns.ONTOLOGY_NS)
SHAPES = rdflib.Namespace("https://w3id.org/irkg/shapes#")
WARNING_SHAPES = {
    "Transcript-published-future", "Meeting-date-plausible", "Meeting-has-participants",
    "Utterance-speaker-participates", "Claim-value-plausible", "Claim-percent-plausible",
    "Leader-one-country-at-a-time", "Dataset-license",
}


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def mapped_predicates() -> set[str]:
    """Every predicate the mapping writes for the dev transcripts and the reference graph (less the ontology)."""
    predicates = set()
    for path in sorted(DEV.glob("*.txt")):
        for triple in map_document(process(next(read(str(path))))).all_triples:
            predicates.add(triple.predicate.value)
    for triple in reference_triples():
        if triple.subject.value.startswith(ns.DEFAULT_BASE):
            predicates.add(triple.predicate.value)
    return predicates


def test_shapes_pass_shacl_shacl(shapes):
    conforms, _, text = pyshacl.validate(rdflib.Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_meta_shacl_rejects_a_malformed_shape(shapes):
    broken = rdflib.Graph()
    broken += shapes
    broken.set((SHAPES["Meeting-date"], SH.minCount, rdflib.Literal("one")))
    with pytest.raises(Exception, match="(?i)shacl"):
        pyshacl.validate(rdflib.Graph(), shacl_graph=broken, meta_shacl=True)


def _superclasses(ontology: rdflib.Graph, cls: URIRef) -> set[URIRef]:
    return set(ontology.transitive_objects(cls, RDFS.subClassOf))


def test_every_class_of_the_ontology_is_targeted(shapes, ontology):
    targeted = set(shapes.objects(None, SH.targetClass))
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(ns.ONTOLOGY_NS)}
    assert classes
    for cls in classes:
        assert targeted & _superclasses(ontology, cls), f"no node shape targets {cls} or a superclass"


def _paths(shapes: rdflib.Graph) -> set[str]:
    """Predicates named by any sh:path: direct, inverse, or in a sequence."""
    found = set()
    for path in shapes.objects(None, SH.path):
        if isinstance(path, URIRef):
            found.add(str(path))
        elif (path, SH.inversePath, None) in shapes:
            found.add(str(shapes.value(path, SH.inversePath)))
        else:
            found.update(str(p) for p in Collection(shapes, path))
    return found


def test_every_property_the_mapping_writes_has_a_property_shape(shapes, mapped_predicates):
    described = _paths(shapes) | {str(RDF.type)}
    assert mapped_predicates - described == set()


def test_every_shape_and_sparql_constraint_has_a_message(shapes):
    named = {s for s in shapes.subjects() if isinstance(s, URIRef) and str(s).startswith(str(SHAPES))}
    assert len(named) > 60
    for node in named:
        assert shapes.value(node, SH.message) is not None, f"{node} has no sh:message"
    for constraint in shapes.objects(None, SH.sparql):
        assert shapes.value(constraint, SH.message) is not None, f"SPARQL constraint {constraint} has no message"


def test_warnings_are_exactly_the_plausibility_shapes(shapes):
    warnings = {str(s).split("#")[1] for s in shapes.subjects(SH.severity, SH.Warning)}
    assert warnings == WARNING_SHAPES
    assert not set(shapes.subjects(SH.severity, SH.Info))


def _in_list(shapes: rdflib.Graph, shape: str) -> list:
    return list(Collection(shapes, shapes.value(SHAPES[shape], SH["in"])))


@pytest.mark.parametrize("shape,scheme", [
    ("Commitment-status", "StatusScheme"), ("Meeting-meetingFormat", "FormatScheme"),
    ("Transcript-topic", "TopicScheme"),
])
def test_value_lists_are_the_ontology_schemes(shapes, ontology, shape, scheme):
    members = set(ontology.subjects(URIRef("http://www.w3.org/2004/02/skos/core#inScheme"), IRKG[scheme]))
    assert set(_in_list(shapes, shape)) == members


def test_value_lists_match_the_code(shapes):
    from kg.formats import FORMATS as SOURCE_FORMATS

    assert {str(x) for x in _in_list(shapes, "Commitment-status")} == {str(IRKG[s]) for s in STATUSES}
    assert {str(x) for x in _in_list(shapes, "Meeting-meetingFormat")} == {str(IRKG[f]) for f in FORMATS}
    assert {str(x) for x in _in_list(shapes, "Transcript-sourceFormat")} == set(SOURCE_FORMATS)
    assert {str(x) for x in _in_list(shapes, "Meeting-visitKind")} == {"state", "official", "working"}
    kinds = shapes.value(SHAPES["Commitment-type"], SH.qualifiedValueShape)
    assert (shapes.value(kinds, SH.path), shapes.value(kinds, SH.hasValue)) == (RDFS.subClassOf, IRKG.Commitment)
    directed = set(shapes.objects(SHAPES["Commitment-distinct-parties"], SH.targetClass))
    assert directed == {IRKG[t] for t in COMMITMENT_TYPES if t not in MUTUAL_TYPES}


def test_commitment_kinds_are_the_ontology_subclasses_of_commitment(ontology):
    assert set(ontology.subjects(RDFS.subClassOf, IRKG.Commitment)) == {IRKG[t] for t in COMMITMENT_TYPES}


def test_sparql_constraints_declare_their_prefixes(shapes):
    for constraint in shapes.subjects(RDF.type, SH.SPARQLConstraint):
        assert shapes.value(constraint, SH.prefixes) == URIRef("https://w3id.org/irkg/shapes")
    for constraint in shapes.objects(None, SH.sparql):
        assert "$this" in str(shapes.value(constraint, SH.select))
