"""kg.store.layout against a model: the entities graph is always what live transcripts contribute.

Hand-made triples, no extraction: writes and removals in any order, under bases with ``/`` and
``#``, on a memory store and on disk, and the ledger's N-Triples encoding as a round trip.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.store import layout
from kg.rdf import namespace as ns
from kg.store.embedded import OxigraphStore

P = ox.NamedNode("https://example.org/p")
POOL_SIZE = 6


def shared_pool(base: str) -> list[ox.Triple]:
    people = [ns.person_iri(f"person {i}", base) for i in range(POOL_SIZE)]
    return [ox.Triple(person, ns.irkg("office"), ox.Literal(f"office {i}")) for i, person in enumerate(people)]


def own_triples(tid: str, base: str) -> list[ox.Triple]:
    node = ns.transcript_iri(tid, base)
    return [ox.Triple(node, ns.irkg("source"), ox.Literal(f"{tid}.txt")),
            ox.Triple(node, ns.irkg("source"), ox.Literal(f"{tid}.txt"))]  # a repeat is written once


def graph_triples(store: OxigraphStore, graph: ox.NamedNode) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store.raw.quads_for_pattern(None, None, None, graph)}


def check_layout(store: OxigraphStore, base: str, live: dict[str, set[int]]) -> None:
    """The model: each live transcript's graph holds its own triples, entities the union of their shares."""
    pool = shared_pool(base)
    entities = graph_triples(store, ns.entities_graph_iri(base))
    assert entities == {pool[i] for share in live.values() for i in share}
    for tid, share in live.items():
        graph = ns.graph_iri(tid, base)
        assert graph_triples(store, graph) == set(own_triples(tid, base))
        assert sorted(layout.contributions(store, graph)) == sorted(layout.encode(pool[i]) for i in share)
        assert set(layout.transcript_view(store, graph)) == set(own_triples(tid, base)) | {pool[i] for i in share}
    transcript_graphs = {g.value for g in store.graphs() if layout.is_transcript_graph(g.value)}
    assert transcript_graphs == {ns.graph_iri(tid, base).value for tid in live}
    assert {g.value for g in store.graphs()} - transcript_graphs <= {
        ns.entities_graph_iri(base).value, ns.contributions_graph_iri(base).value}


_OPERATIONS = st.lists(st.tuples(st.sampled_from(["t1", "t2", "t3"]),
                                 st.none() | st.sets(st.integers(0, POOL_SIZE - 1))), min_size=1, max_size=8)


@pytest.mark.parametrize("base", ["https://example.org/id/", "https://example.org/kg#"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=_OPERATIONS)
def test_any_sequence_of_writes_and_removals_keeps_the_layout(base, operations):
    """``None`` removes the transcript; a set (re)writes it sharing those pool triples."""
    store = OxigraphStore(None)
    pool = shared_pool(base)
    live: dict[str, set[int]] = {}
    for tid, share in operations:
        graph = ns.graph_iri(tid, base)
        if share is None:
            layout.remove_transcript(store, graph)
            live.pop(tid, None)
        else:
            count = layout.write_transcript(store, graph, own_triples(tid, base), [pool[i] for i in sorted(share)])
            assert count == 1 + len(share)
            live[tid] = set(share)
        check_layout(store, base, live)


def test_a_removed_transcript_leaves_what_another_still_states(tmp_path):
    base = "https://example.org/id/"
    pool = shared_pool(base)
    with OxigraphStore(tmp_path / "store") as store:
        layout.write_transcript(store, ns.graph_iri("a", base), own_triples("a", base), pool[:3])
        layout.write_transcript(store, ns.graph_iri("b", base), own_triples("b", base), pool[2:4])
        layout.remove_transcript(store, ns.graph_iri("a", base))
    with OxigraphStore(tmp_path / "store", read_only=True) as reopened:
        check_layout(reopened, base, {"b": {2, 3}})


def test_who_else_holds_a_triple_is_asked_in_batches(monkeypatch):
    monkeypatch.setattr(layout, "_BATCH", 2)
    base = "https://example.org/id/"
    pool = shared_pool(base)
    store = OxigraphStore(None)
    layout.write_transcript(store, ns.graph_iri("a", base), own_triples("a", base), pool)
    layout.write_transcript(store, ns.graph_iri("b", base), own_triples("b", base), pool[1:4])
    # five lines gone, asked two at a time: the three b still states stay
    layout.write_transcript(store, ns.graph_iri("a", base), own_triples("a", base), [])
    check_layout(store, base, {"a": set(), "b": {1, 2, 3}})


@pytest.mark.parametrize("graph,base,transcript", [
    ("https://w3id.org/irkg/id/graph/0123456789abcdef", "https://w3id.org/irkg/id/", True),
    ("https://w3id.org/irkg/id/graph/entities", "https://w3id.org/irkg/id/", False),
    ("https://w3id.org/irkg/id/graph/contributions", "https://w3id.org/irkg/id/", False),
    ("https://w3id.org/irkg/id/graph/reference", "https://w3id.org/irkg/id/", False),
    ("https://w3id.org/irkg/id/graph/metadata", "https://w3id.org/irkg/id/", False),
    ("https://example.org/kg#graph/0123", "https://example.org/kg#", True),
    ("https://example.org/kg#graph/entities", "https://example.org/kg#", False),
    ("https://example.org/graph/kg/graph/abc", "https://example.org/graph/kg/", True),
])
def test_base_of_and_transcript_graphs(graph, base, transcript):
    assert layout.base_of(graph) == layout.base_of(ox.NamedNode(graph)) == base
    assert layout.is_transcript_graph(graph) is transcript


def test_names_that_are_no_graph_of_ours():
    assert not layout.is_transcript_graph("https://example.org/data")
    assert layout.graph_name("https://example.org/data") is None


_LITERALS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).map(ox.Literal),
    st.tuples(st.text(alphabet="abc \n\"\\<>{}", max_size=10), st.sampled_from(["en", "ru", "en-GB"]))
    .map(lambda t: ox.Literal(t[0], language=t[1])),
    st.integers().map(ox.Literal),
    st.booleans().map(ox.Literal),
    st.text(alphabet="0123456789-", max_size=10).map(
        lambda s: ox.Literal(s, datatype=ox.NamedNode(ns.XSD + "date"))),
)
_NODES = st.sampled_from([ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/b?x=1&y=%20"),
                          ox.NamedNode("urn:isbn:0451450523"), ox.NamedNode("https://example.org/é")])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_NODES, _NODES | _LITERALS), max_size=8))
def test_ledger_lines_decode_to_the_triples_encoded(pairs):
    triples = [ox.Triple(subject, P, value) for subject, value in pairs]
    lines = [layout.encode(t) for t in triples]
    assert all("\n" not in line for line in lines)  # one triple a line, whatever the literal holds
    assert layout.decode(lines) == triples


def test_views_of_an_export_are_the_views_of_the_store():
    base = "https://example.org/id/"
    pool = shared_pool(base)
    store = OxigraphStore(None)
    layout.write_transcript(store, ns.graph_iri("a", base), own_triples("a", base), pool[:2])
    layout.write_transcript(store, ns.graph_iri("b", base), own_triples("b", base), pool[1:3])
    graphs = {g.value: sorted(graph_triples(store, g), key=str) for g in store.graphs()}
    views = layout.views_of(graphs)
    for name in ("a", "b"):
        graph = ns.graph_iri(name, base)
        assert sorted(views[graph.value], key=str) == sorted(layout.transcript_view(store, graph), key=str)
    entities = ns.entities_graph_iri(base).value
    assert views[entities] == graphs[entities]  # shared graphs are their own view


def test_quads_of_put_triples_in_the_graph():
    graph = ns.graph_iri("a")
    triples = own_triples("a", ns.DEFAULT_BASE)
    assert [q.graph_name for q in layout.quads_of(graph, triples)] == [graph, graph]
    assert [ox.Triple(q.subject, q.predicate, q.object) for q in layout.quads_of(graph, triples)] == triples
