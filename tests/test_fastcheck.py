"""The build's quick SHACL verdict (kg.validation.fastcheck) against the engines.

It may say "surely no violation" only where pySHACL (the reference engine)
and pyshacl-turbo find none: on every page of the dev sets, on every graph
the validation tests break one shape at a time, on the reference and metadata
graphs and their breaks.  And it must say so on the pages that conform, or the
build gains nothing from it.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
import rdflib

from kg.extract.pipeline import process
from kg.inputs.reader import read_all
from kg.rdf.mapping import map_document
from kg.validation.fastcheck import FastCheck
from kg.validation.shacl import GraphValidator, load_ontology, load_shapes
from test_validate import COUNTRY, DUMP, METADATA_MUTATIONS, MUTATIONS, REFERENCE_MUTATIONS

ROOT = Path(__file__).resolve().parent.parent
DEV_SETS = [ROOT / "tests" / "data" / "dev", ROOT / "tests" / "data" / "dev2", ROOT / "tests" / "data" / "dev3",
            ROOT / "data" / "annotated" / "dev"]


@pytest.fixture(scope="module")
def reference() -> list[ox.Triple]:
    from kg.rdf.reference import reference_triples

    return reference_triples()


@pytest.fixture(scope="module")
def pyshacl_validator(reference) -> GraphValidator:
    return GraphValidator(reference, "pyshacl")


@pytest.fixture(scope="module")
def engine(reference) -> GraphValidator:
    """pyshacl-turbo where installed (the build's engine), else pySHACL."""
    return GraphValidator(reference)


@pytest.fixture(scope="module")
def quick() -> FastCheck:
    return FastCheck(load_shapes(), load_ontology())


def violates(validator: GraphValidator, triples: list[ox.Triple], *, context: bool = True) -> bool:
    """Whether the engine reports a violation (turbo's own verdict first: the report is slow to read)."""
    verdict = getattr(validator._run, "conforms", None)
    if not context and verdict is not None and verdict(triples):
        return False
    results = validator.validate_triples(triples, "g", with_context=context)
    return any(r.severity == "Violation" for r in results)


@pytest.fixture(scope="module")
def dev_pages(engine) -> list[tuple[str, list[ox.Triple]]]:
    """Every dev page's graph with its reference context, as the build's check gives it to the engines."""
    paths = sorted(str(p) for folder in DEV_SETS for p in folder.glob("*.txt"))
    pages = []
    for transcript in read_all(paths):
        if isinstance(transcript, Exception):
            continue
        triples = map_document(process(transcript)).all_triples
        pages.append((transcript.source, list(triples) + engine.context(triples)))
    assert len(pages) > 130
    return pages


def test_every_dev_page_gets_the_engines_verdict(engine, quick, dev_pages):
    for source, data in dev_pages:
        assert quick.conforms(data) is (not violates(engine, data, context=False)), source


def test_the_quick_verdict_applies_to_the_pages_that_conform(engine, quick, dev_pages):
    """The dev pages conform, and the quick check says so for every one (else the build pays twice)."""
    assert all(quick.conforms(data) for _, data in dev_pages)


def test_pyshacl_agrees_on_a_sample_of_dev_pages(pyshacl_validator, quick, dev_pages):
    for source, data in dev_pages[::25]:
        assert quick.conforms(data) is (not violates(pyshacl_validator, data, context=False)), source


@pytest.fixture(scope="module")
def base_graph() -> list[ox.Triple]:
    from kg.inputs.reader import read

    transcript = next(read(str(ROOT / "tests" / "data" / "dev" / "kremlin-2021-07-20-azerbaijan.txt")))
    return map_document(process(transcript)).all_triples


@pytest.mark.parametrize("name,shape,severity,mutate", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_every_broken_page_graph_gets_pyshacls_verdict(pyshacl_validator, quick, base_graph,
                                                       name, shape, severity, mutate):
    broken = mutate(list(base_graph))
    data = broken + pyshacl_validator.context(broken)
    assert quick.conforms(data) is (not violates(pyshacl_validator, data, context=False))
    if severity == "Violation":
        assert not quick.conforms(data)


@pytest.mark.parametrize("name,shape,mutate", REFERENCE_MUTATIONS, ids=[m[0] for m in REFERENCE_MUTATIONS])
def test_every_broken_reference_graph_is_left_to_the_engine(pyshacl_validator, quick, reference, name, shape, mutate):
    small = [t for t in reference if t.subject == COUNTRY("RUS")]
    assert quick.conforms(small)
    assert violates(pyshacl_validator, mutate(list(small), COUNTRY("RUS")), context=False)
    assert not quick.conforms(mutate(list(small), COUNTRY("RUS")))


@pytest.mark.parametrize("name,shape,mutate", METADATA_MUTATIONS, ids=[m[0] for m in METADATA_MUTATIONS])
def test_every_broken_metadata_graph_gets_the_engines_verdict(engine, quick, dev_store, name, shape, mutate):
    from kg.store.metadata import Dump, history, dataset_triples

    metadata = history(dev_store) + dataset_triples(dev_store, dumps=[Dump(DUMP.value, "application/n-quads", 10, "ab")])
    assert quick.conforms(metadata)
    broken = mutate(list(metadata))
    assert quick.conforms(broken) is (not violates(engine, broken, context=False))  # some breaks are warnings


ODD_SHAPES = {
    "unknown component": "<urn:x:odd> a sh:PropertyShape ; sh:targetClass irkg:Transcript ; sh:path irkg:title ; "
                         "sh:uniqueLang true .",
    "SPARQL without a twin": "<urn:x:odd> a sh:NodeShape ; sh:targetClass irkg:Utterance ; "
                             "sh:sparql [ sh:select \"SELECT $this WHERE { $this ?p ?o }\" ] .",
    "unknown path": "<urn:x:odd> a sh:PropertyShape ; sh:targetClass irkg:Transcript ; "
                    "sh:path [ sh:zeroOrMorePath irkg:title ] ; sh:maxCount 1 .",
}


@pytest.mark.parametrize("snippet", ODD_SHAPES.values(), ids=list(ODD_SHAPES))
def test_a_shape_it_cannot_read_sends_what_it_targets_to_the_engine(pyshacl_validator, quick, base_graph, snippet):
    """A shape the quick check does not read may hide a violation: every graph it targets goes to the engine."""
    shapes = rdflib.Graph()
    for triple in load_shapes():
        shapes.add(triple)
    shapes.parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> . "
                      "@prefix irkg: <https://w3id.org/irkg/ontology#> . " + snippet, format="turtle")
    data = base_graph + pyshacl_validator.context(base_graph)
    assert quick.conforms(data)
    assert not FastCheck(shapes, load_ontology()).conforms(data)


def test_a_shape_that_is_a_class_checks_its_instances(pyshacl_validator, base_graph):
    """SHACL's implicit class target: the instances of a shape that is also a class are its focus nodes."""
    shapes = rdflib.Graph()
    for triple in load_shapes():
        shapes.add(triple)
    shapes.parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:x:Odd> a sh:NodeShape, rdfs:Class ; sh:property [ sh:path <urn:x:name> ; sh:minCount 1 ] .""",
                 format="turtle")
    quick = FastCheck(shapes, load_ontology())
    data = base_graph + pyshacl_validator.context(base_graph)
    odd = ox.Triple(ox.NamedNode("urn:x:a"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode("urn:x:Odd"))
    named = ox.Triple(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:name"), ox.Literal("a"))
    assert quick.conforms(data)
    assert not quick.conforms(data + [odd])
    assert quick.conforms(data + [odd, named])


def test_the_build_check_takes_the_quick_verdict_only_when_sure(engine, base_graph):
    """A conforming graph: no report; a broken one: the engine's report, as before."""
    graph = ox.NamedNode("https://example.org/graph/x")
    assert engine.check(None, SimpleNamespace(all_triples=base_graph, graph=graph)) == []
    sha = next(t for t in base_graph if t.predicate.value.endswith("#sha256"))
    broken = [t if t != sha else ox.Triple(t.subject, t.predicate, ox.Literal("0" * 64)) for t in base_graph]
    problems = engine.check(None, SimpleNamespace(all_triples=broken, graph=graph))
    assert any("sha256" in p for p in problems)
