"""The graph layout: each fact in one graph, shared entities once, and transcripts that take back
only what they brought; the query library on real Oxigraph servers with and without a union
default graph, and on rdflib, a second SPARQL engine."""

from __future__ import annotations

import collections
import io
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.store.layout

from kg.rdf import namespace as ns
from kg.building.builder import build
from kg.store.endpoint import EndpointStore
from kg.store.layout import contributions, is_transcript_graph, remove_transcript, write_transcript
from kg.rdf.mapping import map_document
from kg.extract.pipeline import pipeline_for, process
from kg.sparql.library import bind_params, list_queries, run_query
from kg.inputs.reader import read
from kg.store.serve import OxigraphServer
from kg.store.embedded import OxigraphStore
from kg.store.sparql_text import insert_values
from test_endpoint import example_params, row_set

DEV = Path(__file__).resolve().parent / "data" / "dev"
UKRAINE = DEV / "kremlin-2013-03-04-ukraine.txt"
KYRGYZSTAN = DEV / "kremlin-2019-03-28-kyrgyzstan.txt"
CONGO = DEV / "kremlin-2019-05-23-congo.txt"
PUTIN = ns.person_iri("Vladimir Putin")


def _data(store: OxigraphStore) -> set[str]:
    """Every quad but the metadata graph's (which records when each build ran)."""
    return {str(q) for q in store.raw if not q.graph_name.value.endswith("/graph/metadata")}


def _built(*paths: Path) -> OxigraphStore:
    store = OxigraphStore(None)
    assert build([str(p) for p in paths], store, pipeline=pipeline_for("rules")).ok
    return store


def test_no_triple_is_in_two_graphs(dev_store):
    seen = collections.Counter((q.subject, q.predicate, q.object) for q in dev_store.raw)
    assert [t for t, n in seen.items() if n > 1] == []


def test_every_subject_lives_in_one_graph(dev_store):
    graphs = collections.defaultdict(set)
    for q in dev_store.raw:
        graphs[q.subject].add(q.graph_name.value)
    assert {s: g for s, g in graphs.items() if len(g) > 1} == {}


def test_leaders_and_meetings_are_shared_and_transcript_graphs_hold_only_their_own(dev_store):
    entities = ns.entities_graph_iri()
    tenures = dev_store.query("SELECT (COUNT(*) AS ?r) (COUNT(DISTINCT ?t) AS ?d) WHERE { ?p irkg:holdsTenure ?t }",
                              {"p": PUTIN})
    [row] = tenures
    assert int(row["r"].value) == int(row["d"].value) >= 1
    for cls in ("Leader", "Tenure", "Meeting"):
        where = {q.graph_name for q in dev_store.raw.quads_for_pattern(None, ns.ns_node(ns.RDF, "type"), ns.irkg(cls))}
        assert where == {entities}, cls
    for cls in ("Transcript", "Utterance", "Evidence", "Figure"):
        where = {q.graph_name.value for q in dev_store.raw.quads_for_pattern(None, ns.ns_node(ns.RDF, "type"), ns.irkg(cls))}
        assert where and all(is_transcript_graph(g) for g in where), cls


def test_deleting_a_transcript_takes_back_only_what_it_alone_brought(monkeypatch):
    both, alone = _built(UKRAINE, KYRGYZSTAN), _built(KYRGYZSTAN)
    graph = map_document(process(next(read(str(UKRAINE))), pipeline=pipeline_for("rules"))).graph
    asked, held_elsewhere = [], kg.store.layout._held_elsewhere
    monkeypatch.setattr(kg.store.layout, "_held_elsewhere", lambda *a: asked.append(a) or held_elsewhere(*a))
    assert len(contributions(both, graph)) > 1
    remove_transcript(both, graph)
    assert len(asked) == 1  # which of its lines others hold: asked once for them all, not once a line
    assert graph not in both.graphs()
    assert _data(both) == _data(alone)  # Putin stays (the other transcript names him), Yanukovych goes
    assert both.query("ASK { GRAPH ?g { ?p a irkg:Leader } }", {"p": PUTIN})


def test_rebuilding_a_transcript_changes_nothing_and_a_smaller_one_keeps_what_others_state():
    store = _built(UKRAINE, KYRGYZSTAN)
    before = _data(store)
    assert build([str(UKRAINE)], store, pipeline=pipeline_for("rules")).ok
    assert _data(store) == before
    mapped = map_document(process(next(read(str(UKRAINE))), pipeline=pipeline_for("rules")))
    putin = [t for t in mapped.shared if t.subject == PUTIN]
    assert putin
    # the transcript now states only Putin: its meeting and Yanukovych go, Putin (also in the other) stays
    write_transcript(store, mapped.graph, mapped.triples, putin)
    entities = {str(q) for q in store.raw.quads_for_pattern(None, None, None, ns.entities_graph_iri())}
    assert all(str(ox.Quad(t.subject, t.predicate, t.object, ns.entities_graph_iri())) in entities for t in putin)
    assert not store.query("ASK { ?m irkg:reportedIn ?t }", {"t": ns.transcript_iri(mapped.transcript_id)})
    assert sorted(contributions(store, mapped.graph)) == sorted(str(t) for t in putin)
    write_transcript(store, mapped.graph, mapped.triples, mapped.shared)
    assert _data(store) == before


# ---------------------------------------------------------------- real servers, with and without union


@pytest.fixture(scope="module")
def servers(dev_store_dir):
    """The dev store served read-only twice: with a union default graph, and without one."""
    with OxigraphServer(dev_store_dir) as union, \
            OxigraphServer(dev_store_dir, union_default_graph=False) as plain:
        yield EndpointStore(union.url), EndpointStore(plain.url)


def _params(query, dev_store) -> dict[str, str]:
    params = example_params(query)
    if query.name == "evidence_by_fact":
        facts = run_query(dev_store, "SELECT ?f WHERE { ?f irkg:evidence ?e } ORDER BY ?f LIMIT 1")
        params = {"fact": facts.rows[0]["f"].value}
    return params


def test_every_library_query_gives_the_same_rows_with_and_without_union_default_graph(servers, dev_store):
    union, plain = servers
    assert len(run_query(plain, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")) == 0  # truly no union here
    for query in list_queries():
        bindings = bind_params(query, _params(query, dev_store))
        local = run_query(dev_store, query.text, bindings)
        with_union = run_query(union, query.text, bindings)
        without = run_query(plain, query.text, bindings)
        assert len(local) > 0, query.name
        assert row_set(with_union, query.text) == row_set(local, query.text), query.name
        assert row_set(without, query.text) == row_set(local, query.text), query.name


def test_plain_queries_over_the_union_count_each_fact_once(servers):
    union, _ = servers
    [row] = run_query(union, """SELECT (COUNT(*) AS ?rows) (COUNT(DISTINCT ?t) AS ?tenures)
        WHERE { ?p irkg:holdsTenure ?t }""", {"p": PUTIN})
    assert row["rows"] == row["tenures"]
    [row] = run_query(union, """SELECT (COUNT(*) AS ?rows) WHERE {
        ?m a irkg:Meeting ; irkg:participant ?p . ?p irkg:holdsTenure ?t . ?t irkg:officeOfCountry ?c }""")
    [distinct] = run_query(union, """SELECT (COUNT(*) AS ?rows) WHERE { SELECT DISTINCT ?m ?p ?t ?c WHERE {
        ?m a irkg:Meeting ; irkg:participant ?p . ?p irkg:holdsTenure ?t . ?t irkg:officeOfCountry ?c } }""")
    assert row["rows"] == distinct["rows"]


# ---------------------------------------------------------------- rdflib, another engine


class _RdflibRows:
    """rdflib's answer as pyoxigraph terms, in the shape ``row_set`` reads."""

    def __init__(self, result) -> None:
        self.variables = [str(v) for v in result.vars]
        self.rows = [{v: _ox_term(row[v]) for v in self.variables if row[v] is not None} for row in result]

    def __iter__(self):
        return iter(self.rows)


def _ox_term(term):
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or ns.XSD + "string")))


@pytest.fixture(scope="module")
def rdflib_dataset(dev_store):
    """The dev graph in rdflib: named graphs kept, the default graph empty (no union)."""
    rdflib = pytest.importorskip("rdflib")
    data = io.BytesIO()
    dev_store.dump(data, "nquads")
    dataset = rdflib.Dataset()
    dataset.parse(data=data.getvalue(), format="nquads")
    return dataset


@pytest.mark.filterwarnings("ignore:Dataset.*is deprecated:DeprecationWarning")  # inside rdflib
@pytest.mark.parametrize("name,params", [(q.name, None) for q in list_queries()]
                         + [("meetings_by_country", {"country": "RUS"})])
def test_every_library_query_gives_the_same_rows_on_rdflib(name, params, dev_store, rdflib_dataset):
    # issue 14: meetings_by_country once gave 50 rows on Oxigraph and none on rdflib
    query = next(q for q in list_queries() if q.name == name)
    bindings = bind_params(query, params or _params(query, dev_store))
    local = run_query(dev_store, query.text, bindings)
    prefixes = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in ns.PREFIXES.items())
    other = _RdflibRows(rdflib_dataset.query(prefixes + insert_values(query.text, bindings)))
    assert len(local) > 0, name
    assert row_set(other, query.text) == row_set(local, query.text), name
