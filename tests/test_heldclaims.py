"""The claims a build takes from the triples it writes are those a catch-up reads back from the store.

A build into a store directory puts the claims of each graph it writes into
the linker's table as it writes it (:mod:`kg.building.heldclaims`) instead of
reading them back after its last page.  These builds add pages whose claims
link and compare, graph by graph, what was taken with what the store gives,
and the whole store and table with those of a build that read every claim
back; the graphs whose triples cannot say what the store gives stay pending.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_incremental_links import _fresh, _links, _quads, _write

import kg.building.followup
from kg.building.builder import build
from kg.building.claimtable import FILE_NAME, ClaimTable
from kg.building.followup import claims_by_graph
from kg.building.heldclaims import HeldClaims, claims_of_triples
from kg.rdf import namespace as ns
from kg.store.embedded import OxigraphStore
from kg.store.kept import kept


def _table(store: OxigraphStore) -> tuple[list, list, int]:
    """The table's claims and word counts, and how many graphs it has pending."""
    db = sqlite3.connect(str(Path(store.path) / FILE_NAME))
    try:
        claims = db.execute("SELECT iri, graph, thread, status, claim, bag FROM claims ORDER BY iri, graph").fetchall()
        words = db.execute("SELECT word, n FROM words ORDER BY word").fetchall()
        return claims, words, db.execute("SELECT COUNT(*) FROM pending").fetchone()[0]
    finally:
        db.close()


def _grow(folder: Path, store: OxigraphStore) -> None:
    """A store of the promise alone, then its outcome and a later mention added by a second build."""
    _write(folder, "a.txt")
    assert build([str(folder)], store).built == 1
    _write(folder, "b.txt")
    _write(folder, "c.txt")
    assert build([str(folder)], store).built == 2


def test_claims_taken_from_the_written_triples_are_those_read_back_and_link_alike(tmp_path, monkeypatch):
    """The second build reads no claim back from the store, and leaves the quads, the links and the table
    (claims and word counts) that a build reading every claim back leaves."""
    asked: list[str] = []
    real = kg.building.followup.claims_by_graph

    def counted(store, graphs=None):
        asked.extend(g.value for g in graphs or ())
        return real(store, graphs)

    monkeypatch.setattr(kg.building.followup, "claims_by_graph", counted)
    (tmp_path / "one" / "pages").mkdir(parents=True)  # one name: the pages' sources are in the quads
    with OxigraphStore(tmp_path / "taken") as store:
        _grow(tmp_path / "one" / "pages", store)
        assert asked == []  # every graph's claims taken as it was written
        taken, table = _quads(store), _table(store)
        transcripts = [g for g in store.graphs() if kept(g)]
        read = claims_by_graph(store, transcripts)
        with ClaimTable(Path(store.path) / FILE_NAME) as held:
            assert held.graphs() == {g.value for g in transcripts}
            assert held.size == len({c.iri for claims in read.values() for c in claims}) > 3
    assert _links(taken) == 3 and taken == _fresh(tmp_path / "one" / "pages") and table[2] == 0

    monkeypatch.setattr(HeldClaims, "written_all", lambda *args: [])  # the graphs left pending, read back
    asked.clear()  # (the fresh build's memory store was read whole)
    (tmp_path / "two" / "pages").mkdir(parents=True)  # one name: the pages' sources are in the quads
    with OxigraphStore(tmp_path / "read") as store:
        _grow(tmp_path / "two" / "pages", store)
        assert sorted(set(asked)) == sorted(g.value for g in store.graphs() if kept(g))
        assert _quads(store) == taken and _table(store) == table


def _graph(tmp_path: Path) -> tuple[list[ox.Triple], frozenset[str], list]:
    """The triples of one transcript graph with claims, the store's kinds, and the claims it reads back."""
    tmp_path.mkdir(exist_ok=True)
    _write(tmp_path, "a.txt")
    with OxigraphStore(None) as store:
        build([str(tmp_path)], store)
        graph = next(g for g in store.graphs() if kept(g))
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.raw.quads_for_pattern(None, None, None, graph)]
        return triples, HeldClaims(store).kinds(), claims_by_graph(store, [graph])[graph.value]


def _changed(triples: list[ox.Triple], predicate: str, value: ox.Literal | ox.NamedNode) -> list[ox.Triple]:
    """``triples`` with one more value of ``predicate`` for the first subject that has one."""
    first = next(t for t in triples if t.predicate.value == predicate)
    return [*triples, ox.Triple(first.subject, first.predicate, value)]


def test_a_graph_taken_from_its_triples_gives_the_claims_read_back_or_none(tmp_path):
    triples, kinds, read = _graph(tmp_path)
    assert len(read) == 2 and sorted(claims_of_triples(triples, kinds), key=str) == sorted(read, key=str)
    assert claims_of_triples(triples + triples[:5], kinds) == claims_of_triples(triples, kinds)  # repeats: one
    status, published = ns.irkg("status").value, ns.irkg("published").value
    two_statuses = _changed(triples, status, ns.irkg("completed"))  # two rows: the first dated one is the store's
    bare = ox.Literal("2021-3-1", datatype=ns.ns_node(ns.XSD, "date"))  # Oxigraph may give it back otherwise
    blank = [*triples, ox.Triple(ox.BlankNode(), ns.irkg("status"), ns.irkg("completed"))]
    for changed in (two_statuses, blank, [t for t in triples if t.predicate.value != published] +
                    [ox.Triple(t.subject, t.predicate, bare) for t in triples if t.predicate.value == published]):
        assert claims_of_triples(changed, kinds) is None
    assert claims_of_triples(triples, frozenset()) == []  # no kind of commitment, no claim


def test_a_graph_declaring_a_kind_has_every_graph_read_again(tmp_path):
    """A kind declared in a transcript graph would be one for every graph read with it: the table forgets
    every graph, taken from memory or not, nothing more is taken, and the next catch-up reads them all."""
    triples, kinds, _ = _graph(tmp_path / "pages")
    with OxigraphStore(tmp_path / "store") as store:
        build([str(tmp_path / "pages")], store)
        held = HeldClaims(store)
        names = [ns.graph_iri(name).value for name in ("x1", "x2", "x3")]
        declares = [ox.Triple(ox.NamedNode(ns.ONTOLOGY_NS + "Pledge"), ns.ns_node(ns.RDFS, "subClassOf"),
                              ns.irkg("Commitment"))]
        with ClaimTable.beside(store) as table:
            assert len(table.graphs()) == 1
            table.mark(names)
            assert held.written(table, names[0], triples) and held.kinds() == kinds
            assert not held.written(table, names[1], triples + declares)
            assert not held.written(table, names[2], triples) and held.off
            assert table.graphs() == set() and table.size == 0
            assert table.sync(store).read == [g.value for g in store.graphs() if kept(g)]


@pytest.mark.parametrize("quote", [ox.Literal("we will supply", language="en"),
                                   ox.Literal("7", datatype=ns.ns_node(ns.XSD, "integer"))])
def test_a_literal_the_store_may_keep_otherwise_leaves_the_graph_to_be_read_back(tmp_path, quote):
    triples, kinds, _ = _graph(tmp_path)
    exact = "http://www.w3.org/ns/oa#exact"
    changed = [t for t in triples if t.predicate.value != exact] + \
        [ox.Triple(t.subject, t.predicate, quote) for t in triples if t.predicate.value == exact]
    assert claims_of_triples(changed, kinds) is None
