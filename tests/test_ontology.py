"""The ontology parses, documents every term, aligns to the standards, and matches the namespace class."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.extract.topics import TOPICS
from kg.model import COMMITMENT_TYPES, FORMATS, STATUSES
from kg.rdf.namespace import IRKG, ONTOLOGY_NS, OWL, RDF, RDFS, SKOS
from kg.resources import resource_path

TYPE = RDF + "type"


@pytest.fixture(scope="module")
def triples() -> list[ox.Triple]:
    return list(ox.parse(path=str(resource_path("ontology", "irkg.ttl")), format=ox.RdfFormat.TURTLE))


def _declared(triples, kind: str | None = None) -> set[str]:
    return {t.subject.value for t in triples
            if t.predicate.value == TYPE and t.subject.value.startswith(ONTOLOGY_NS)
            and (kind is None or t.object.value == kind)}


def _values(triples, subject: str, predicate: str) -> list[ox.Term]:
    return [t.object for t in triples if t.subject.value == subject and t.predicate.value == predicate]


def test_rdflib_parses_it_too():
    graph = Graph().parse(resource_path("ontology", "irkg.ttl"), format="turtle")
    assert len(graph) > 300


def test_every_term_has_an_english_label_and_comment(triples):
    for term in _declared(triples):
        for predicate in (RDFS + "label", RDFS + "comment"):
            values = _values(triples, term, predicate)
            assert values, f"{term} has no {predicate}"
            assert all(isinstance(v, ox.Literal) and v.language == "en" for v in values)


def test_namespace_class_lists_exactly_the_declared_terms(triples):
    listed = {str(term) for term in dir(IRKG)} | {ONTOLOGY_NS + name for name in IRKG._extras}
    assert _declared(triples) == listed
    assert all(term in IRKG for term in listed)


def test_namespace_is_closed():
    assert str(IRKG.byCountry) == ONTOLOGY_NS + "byCountry"
    with pytest.raises(AttributeError):
        IRKG.byCounty  # noqa: B018 - the misspelling is the point


def test_commitment_types_carry_cameo_and_plover(triples):
    for name in COMMITMENT_TYPES:
        iri = ONTOLOGY_NS + name
        assert ox.NamedNode(ONTOLOGY_NS + "Commitment") in _values(triples, iri, RDFS + "subClassOf")
        (cameo,) = _values(triples, iri, ONTOLOGY_NS + "cameoCode")
        assert cameo.value.isdigit() and len(cameo.value) == 3
        (plover,) = _values(triples, iri, ONTOLOGY_NS + "ploverCategory")
        assert plover.value in {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}


def test_classes_align_to_standard_vocabularies(triples):
    expected = {
        "Transcript": "http://www.w3.org/ns/prov#Entity",
        "Meeting": "http://semanticweb.cs.vu.nl/2009/11/sem/Event",
        "Leader": "http://xmlns.com/foaf/0.1/Person",
        "Tenure": "http://www.w3.org/ns/org#Post",
        "Country": "https://schema.org/Country",
        "Evidence": "http://www.w3.org/ns/oa#TextQuoteSelector",
        "Figure": "https://schema.org/QuantitativeValue",
    }
    for name, parent in expected.items():
        assert ox.NamedNode(parent) in _values(triples, ONTOLOGY_NS + name, RDFS + "subClassOf"), name


def test_properties_have_ranges(triples):
    for kind in (OWL + "ObjectProperty", OWL + "DatatypeProperty"):
        for prop in _declared(triples, kind):
            assert _values(triples, prop, RDFS + "range"), f"{prop} has no range"


def test_concept_schemes_hold_statuses_formats_and_topics(triples):
    def members(scheme: str) -> set[str]:
        return {t.subject.value[len(ONTOLOGY_NS):] for t in triples
                if t.predicate.value == SKOS + "inScheme" and t.object.value == ONTOLOGY_NS + scheme}

    assert members("StatusScheme") == set(STATUSES)
    assert members("FormatScheme") == set(FORMATS)
    assert members("TopicScheme") == set(TOPICS)
