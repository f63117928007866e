"""An incremental build into a store directory gives the quads a build from scratch gives, links included.

The follow-up linker of a store directory reads only the graphs its table
beside the store does not hold (:mod:`kg.building.claimtable`); these builds
add, change and prune pages whose claims link, and compare the store with a
fresh build of the same files after each step, and after a build stopped
halfway.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.store.layout
from kg.building.builder import build
from kg.building.claimtable import FILE_NAME, ClaimTable
from kg.building.followup import read_claims
from kg.rdf.namespace import DEFAULT_BASE, followups_graph_iri
from kg.store.embedded import OxigraphStore

PAGE = """{title} with President of Azerbaijan Ilham Aliyev

{date}

Vladimir Putin {verb} President of Azerbaijan Ilham Aliyev.

President of Russia Vladimir Putin: Mr President, {text}
"""
PAGES = {  # a promise, its outcome, a later mention, each in its own transcript
    "a.txt": ("Meeting", "March 1, 2021, Moscow", "met with",
              "we will supply Sputnik V vaccine doses to Azerbaijan next month. "
              "Russia will build a new power plant in Azerbaijan."),
    "b.txt": ("Meeting", "July 20, 2021, Baku", "met with",
              "we have supplied Sputnik V vaccine doses to Azerbaijan. Russia has built the new power plant in Azerbaijan."),
    "c.txt": ("Telephone conversation", "February 2, 2022", "had a telephone conversation with",
              "we continue to supply Sputnik V vaccine doses to Azerbaijan, "
              "and Russia is completing the power plant in Azerbaijan."),
}


def _write(folder: Path, name: str, extra: str = "") -> None:
    title, date, verb, text = PAGES[name]
    (folder / name).write_text(PAGE.format(title=title, date=date, verb=verb, text=text) + extra, encoding="utf-8")


def _quads(store: OxigraphStore) -> list[str]:
    """Every quad but the metadata graph's (which records when each build ran)."""
    return sorted(str(q) for q in store.raw if not q.graph_name.value.endswith("/graph/metadata"))


def _fresh(folder: Path) -> list[str]:
    store = OxigraphStore(None)  # a memory store: its linker reads every graph, no table kept
    assert build([str(folder)], store).ok
    return _quads(store)


def _links(quads: list[str]) -> int:
    return sum("#continues>" in q and q.endswith("/graph/followups>") for q in quads)


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    _write(folder, "a.txt")
    return folder


def test_adding_changing_and_pruning_pages_leaves_the_store_a_fresh_build_gives(pages, tmp_path):
    with OxigraphStore(tmp_path / "store") as store:
        build([str(pages)], store)
        _write(pages, "b.txt")  # added: the promise's outcome
        assert build([str(pages)], store).built == 1
        quads = _quads(store)
        assert quads == _fresh(pages) and _links(quads) == 1
        _write(pages, "c.txt")
        assert build([str(pages)], store).built == 1
        quads = _quads(store)
        assert quads == _fresh(pages) and _links(quads) == 3
        _write(pages, "b.txt", "\nThe meeting ended with a dinner.\n")  # changed: a new text, a new graph
        assert (build([str(pages)], store).built, _quads(store)) == (1, _fresh(pages))
        (pages / "a.txt").unlink()  # removed: the promise goes, and its links with it
        result = build([str(pages)], store, prune=True)
        quads = _quads(store)
        assert (result.built, result.removed) == (0, 1) and quads == _fresh(pages) and _links(quads) == 0
        table = ClaimTable.beside(store)
        with table:  # the table holds the claims of the two transcript graphs left, and no others
            assert len(table.graphs()) == 2 and table.size == len(read_claims(store)) > 0
        _counts_kept_are_the_store_counted(store, 2)


def _counts_kept_are_the_store_counted(store: OxigraphStore, transcripts: int) -> None:
    """The description's counts from the counts kept beside the store are those of a count of it all."""
    from kg.store import census

    def release() -> None:
        return None

    quads, kept, licences, classes = census.kept(store)
    counted, counted_licences = census.licences(store, release)
    assert (quads, kept, classes) == (census.quads(store, release), counted, census.classes(store, release))
    assert sorted(licences, key=str) == sorted(counted_licences, key=str) and kept == transcripts


def test_a_build_stopped_after_rewriting_a_graph_leaves_no_stale_claim(pages, tmp_path, monkeypatch):
    """A graph rewritten under the same IRI (a new reader version, ``--rebuild``) is forgotten by the
    table before it is written, so a build stopped before linking leaves the table short, never wrong."""
    _write(pages, "b.txt")
    with OxigraphStore(tmp_path / "store") as store:
        build([str(pages)], store)
        graph = followups_graph_iri(DEFAULT_BASE)
        links = store.count(graph)
        real = kg.store.layout.write_transcript

        def write_then_stop(*args, **kwargs):
            real(*args, **kwargs)
            raise KeyboardInterrupt

        monkeypatch.setattr(kg.store.layout, "write_transcript", write_then_stop)
        with pytest.raises(KeyboardInterrupt):
            build([str(pages)], store, rebuild=True)
        monkeypatch.undo()
        with ClaimTable(Path(store.path) / FILE_NAME) as table:
            assert len(table.graphs()) == 1  # the graph written last is no longer held
        _write(pages, "c.txt")
        build([str(pages)], store)
        assert _quads(store) == _fresh(pages) and store.count(graph) > links
        _counts_kept_are_the_store_counted(store, 3)


def test_a_catch_up_looks_at_the_graphs_a_build_marked_unless_the_store_has_another_number_of_graphs(pages, tmp_path):
    """After a build the files beside the store are settled; a graph marked as about to change is the one
    to read again, and a graph dropped behind their back shows as a number of graphs not expected."""
    from kg.store.counts import Counts
    from kg.store.kept import kept

    _write(pages, "b.txt")
    with OxigraphStore(tmp_path / "store") as store:
        build([str(pages)], store)
        transcripts = sorted(g.value for g in store.graphs() if kept(g))
        assert len(transcripts) == 2
        with ClaimTable.beside(store) as table:
            todo = table.sync(store)
            assert (todo.read, todo.gone, len(todo.others)) == ([], [], 5)  # nothing to read, no name listed
            table.mark([transcripts[0]])
            assert table.sync(store).read == [transcripts[0]] and table.graphs() == {transcripts[1]}
            store.update(f"DROP GRAPH <{transcripts[1]}>")  # behind the table's back: one graph fewer
            todo = table.sync(store)
            assert todo.read == [transcripts[0]] and todo.gone == [transcripts[1]] and len(todo.others) == 5
        with Counts.beside(store) as counts:
            assert counts.catch_up(store) and counts.graphs() == {transcripts[0]}


def test_a_graphs_ledger_entries_are_counted_alike_when_written_and_when_read_back(tmp_path):
    """The ledger entries kept with a graph's counts (one per distinct entities triple it brought, a
    repeated one once) are those a catch-up reads from the store, and none are left once it is removed."""
    import pyoxigraph as ox

    from kg.rdf import namespace as ns
    from kg.store.counts import count_graphs, counts_of_triples

    graph, other = ns.graph_iri("one"), ns.graph_iri("two")
    typed = ox.NamedNode(ns.RDF + "type")
    own = [ox.Triple(ns.transcript_iri("one"), typed, ns.irkg("Transcript"))]
    shared = [ox.Triple(ox.NamedNode(f"https://example.org/id/p{i % 3}"), typed, ns.irkg("Meeting")) for i in range(5)]
    with OxigraphStore(tmp_path / "store") as store:
        kg.store.layout.write_transcript(store, graph, own, shared)
        kg.store.layout.write_transcript(store, other, own, shared[:1])
        read = count_graphs(store, [graph, other])
        assert read[graph.value].ledger == counts_of_triples(own, shared).ledger == 3
        assert read[other.value].ledger == 1
        kg.store.layout.remove_transcript(store, graph)
        assert count_graphs(store, [other])[other.value].ledger == 1
        assert store.count(ns.contributions_graph_iri()) == 1


def _description(store: OxigraphStore) -> dict[str, list[str]]:
    """The dataset description's triples (the builds' records left out), values by predicate, sorted."""
    from kg.store.metadata import history

    kept = set(history(store))
    out: dict[str, list[str]] = {}
    graph = f"<{DEFAULT_BASE}graph/metadata>"
    for triple in store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
        if triple not in kept and not triple.predicate.value.endswith(("/modified", "#wasGeneratedBy")):
            out.setdefault(triple.predicate.value, []).append(str(triple.object))
    return {predicate: sorted(values) for predicate, values in out.items()}


def test_links_worked_out_in_a_forked_process_are_written_and_counted_as_links_worked_out_here(
        pages, tmp_path, monkeypatch):
    """A store directory's links come from a forked process while the description counts the store; they
    are written, and counted in the description, as the links and counts of a store read whole, and a
    child that fails leaves the links to be worked out in the writer."""
    import kg.building.relink
    from kg.store.metadata import contents_of

    _write(pages, "b.txt")
    with OxigraphStore(tmp_path / "store") as store:
        build([str(pages)], store)
        assert _links(_quads(store)) == 1
        description = _description(store)
        counted = contents_of(store)  # now, in one go: the description's own triples are counted too
        own = sum(len(values) for values in description.values()) + 2  # with dct:modified, prov:wasGeneratedBy
        integer = "<http://www.w3.org/2001/XMLSchema#integer>"
        assert description[ns_void("triples")] == [f'"{counted.quads - own}"^^{integer}']

        def fail(*args) -> None:
            raise RuntimeError("the child fails")

        monkeypatch.setattr(kg.building.relink, "_work_out", fail)
        _write(pages, "c.txt")
        build([str(pages)], store)
        quads = _quads(store)
        assert quads == _fresh(pages) and _links(quads) == 3
        _counts_kept_are_the_store_counted(store, 3)


def ns_void(name: str) -> str:
    return "http://rdfs.org/ns/void#" + name
