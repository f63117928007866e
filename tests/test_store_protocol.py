"""The Store protocol as a contract, on a memory store and on a store directory; locks and opening by name."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, StoreError
from kg.rdf.namespace import ONTOLOGY_NS
from kg.store.embedded import OxigraphStore
from kg.store.endpoint import EndpointStore
from kg.store.factory import open_store
from kg.store.lock import LOCK_NAME, StoreLock, serve_lock
from kg.store.protocol import DATASET_FORMATS, FORMATS, Rows, Store, rdf_format

EX = "http://example.org/"
G1, G2 = ox.NamedNode(EX + "graph/1"), ox.NamedNode(EX + "graph/2")
P = ox.NamedNode(ONTOLOGY_NS + "title")


def triples(n: int, tag: str = "x") -> list[ox.Triple]:
    return [ox.Triple(ox.NamedNode(f"{EX}s{i}"), P, ox.Literal(f"{tag}{i}")) for i in range(n)]


@pytest.fixture(params=["memory", "disk"])
def store(request, tmp_path):
    with OxigraphStore(None if request.param == "memory" else tmp_path / "store") as opened:
        yield opened


def test_both_kinds_are_stores(store):
    assert isinstance(store, Store)


def test_replace_graph_counts_unique_triples_and_replaces_whole(store):
    assert store.replace_graph(G1, triples(3) + triples(3)) == 3
    assert store.replace_graph(G2, triples(2, "y")) == 2
    assert store.replace_graph(G1, triples(1, "z")) == 1
    assert store.count(G1) == 1 and store.count(G2) == 2 and store.count() == 3
    assert store.graphs() == [G1, G2]


def test_an_empty_graph_still_exists(store):
    assert store.replace_graph(G1, []) == 0
    assert store.graphs() == [G1] and store.count(G1) == 0
    store.replace_graph(G1, triples(2))
    assert store.replace_graph(G1, []) == 0 and store.count() == 0


def test_literals_with_quotes_braces_and_newlines_survive_replacement(store):
    odd = [ox.Triple(ox.NamedNode(EX + "s"), P, ox.Literal(text))
           for text in ('"} ; DROP ALL ; INSERT DATA { <a> <b> <c> } #', "line\nbreak\ttab", "\\u0022", "Москва")]
    store.replace_graph(G1, odd)
    store.replace_graph(G1, odd)  # the second time goes through a SPARQL update
    assert sorted(t.object.value for t in store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1.value}> "
                                                      "{ ?s ?p ?o } }")) == sorted(t.object.value for t in odd)
    assert store.graphs() == [G1]


def test_select_rows_leave_unbound_variables_out(store):
    store.replace_graph(G1, triples(2))
    rows = store.query("SELECT ?s ?title ?missing WHERE { ?s irkg:title ?title OPTIONAL { ?s irkg:date ?missing } }"
                       " ORDER BY ?s")
    assert isinstance(rows, Rows) and rows.variables == ["s", "title", "missing"] and len(rows) == 2
    assert rows.rows[0] == {"s": ox.NamedNode(EX + "s0"), "title": ox.Literal("x0")}
    assert repr(rows) == "Rows(['s', 'title', 'missing'], 2 rows)"
    assert rows.values() == [(EX + "s0", "x0", None), (EX + "s1", "x1", None)]
    assert rows.to_dicts()[1] == {"s": EX + "s1", "title": "x1", "missing": None}


def test_ask_construct_and_describe(store):
    store.replace_graph(G1, triples(2))
    assert store.query("ASK { ?s irkg:title \"x1\" }") is True
    assert store.query("ASK { ?s irkg:title \"nope\" }") is False
    built = store.query("CONSTRUCT { ?s rdfs:label ?t } WHERE { ?s irkg:title ?t }")
    assert sorted(t.object.value for t in built) == ["x0", "x1"]
    assert {t.predicate for t in store.query(f"DESCRIBE <{EX}s0>")} == {P}


def test_queries_see_the_union_and_each_graph(store):
    store.replace_graph(G1, triples(2))
    store.replace_graph(G2, triples(3))
    # the default graph is the union of the named graphs, a triple once per graph that holds it (which is
    # why the layout puts each fact in one graph)
    assert len(store.query("SELECT * WHERE { ?s ?p ?o }")) == 5
    assert len(store.query("SELECT DISTINCT * WHERE { ?s ?p ?o }")) == 3
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    assert [(r["g"], int(r["n"].value)) for r in rows] == [(G1, 2), (G2, 3)]


def test_bindings_are_terms_projected_or_not(store):
    store.replace_graph(G1, triples(3))
    projected = store.query("SELECT ?s ?t WHERE { ?s irkg:title ?t }", {"t": ox.Literal("x1")})
    assert [r["s"].value for r in projected] == [EX + "s1"]
    hidden = store.query("SELECT ?s WHERE { ?s irkg:title ?t }", {"t": ox.Literal("x2")})
    assert [r["s"].value for r in hidden] == [EX + "s2"]
    hostile = store.query("SELECT ?s WHERE { ?s irkg:title ?t }", {"t": ox.Literal('x1" } UNION { ?s ?p ?o')})
    assert len(hostile) == 0


def test_malformed_query_and_update_are_query_errors(store):
    with pytest.raises(QueryError, match="SPARQL query is malformed"):
        store.query("SELECT ?x WHERE { ?x ?p }")
    with pytest.raises(QueryError, match="SPARQL update is malformed"):
        store.update("INSERT DATA { <a> <b> }")


def test_update_with_project_prefixes(store):
    store.update(f"INSERT DATA {{ GRAPH <{G1.value}> {{ <{EX}a> irkg:title \"T\" }} }}")
    assert store.count(G1) == 1
    store.update(f"CLEAR GRAPH <{G1.value}>")
    assert store.count() == 0


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_dump_every_format_parses_back(store, fmt):
    store.replace_graph(G1, triples(2))
    store.replace_graph(G2, triples(2) + triples(1, "y"))
    out = io.BytesIO()
    store.dump(out, fmt)
    back = list(ox.parse(out.getvalue(), rdf_format(fmt)))
    if fmt in DATASET_FORMATS:
        assert {(q.graph_name, q.object.value) for q in back} == {
            (G1, "x0"), (G1, "x1"), (G2, "x0"), (G2, "x1"), (G2, "y0")}
    else:  # no graphs in the format: the union, each triple once
        assert sorted(q.object.value for q in back) == ["x0", "x1", "y0"]
    one = io.BytesIO()
    store.dump(one, fmt, G1)
    assert sorted(q.object.value for q in ox.parse(one.getvalue(), rdf_format(fmt))) == ["x0", "x1"]


def test_unknown_format_names_the_choices(store):
    with pytest.raises(StoreError, match=r"unknown RDF format 'csv': use one of turtle, trig"):
        store.dump(io.BytesIO(), "csv")


def test_a_closed_store_says_so(store):
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="is closed"):
        store.count()


def test_to_dataframe_without_pandas_names_what_to_install(store):
    try:
        import pandas  # noqa: F401
    except ImportError:
        from kg.store.results import MissingDependency

        with pytest.raises(MissingDependency, match="pip install pandas"):
            store.query("SELECT ?s WHERE { ?s ?p ?o }").to_dataframe()
    else:
        frame = store.query("SELECT ?s WHERE { ?s ?p ?o }").to_dataframe()
        assert list(frame.columns) == ["s"]


# -- on disk -------------------------------------------------------------------------------

def test_read_only_opening_writes_nothing_and_refuses_writes(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        store.replace_graph(G1, triples(2))
    before = sorted(p.name for p in path.iterdir())
    with OxigraphStore(path, read_only=True) as store:
        assert store.count() == 2 and store.read_only
        for write in (lambda: store.replace_graph(G1, []), lambda: store.update("CLEAR ALL")):
            with pytest.raises(StoreError, match="opened read-only: cannot write"):
                write()
    assert sorted(p.name for p in path.iterdir()) == before


def test_a_release_reopens_a_store_on_disk_only_once_it_holds_enough_more(tmp_path, monkeypatch):
    from kg.store import embedded

    folder = tmp_path / "store"
    manifests = lambda: sorted(p.name for p in folder.glob("MANIFEST-*"))  # noqa: E731 (an opening writes one)
    with OxigraphStore(folder) as store:
        store.replace_graph(ox.NamedNode("urn:x:g"), [ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"),
                                                                ox.Literal("o"))])
        opened = manifests()
        monkeypatch.setattr(embedded, "RELEASE_ABOVE_MB", 10_000)  # little held: flushed, not reopened
        assert store.release_memory() and manifests() == opened
        monkeypatch.setattr(embedded, "RELEASE_ABOVE_MB", -1)  # always more than little: reopened
        assert store.release_memory() and manifests() != opened
        assert store.count() == 1


def test_read_only_needs_an_existing_store(tmp_path):
    (tmp_path / "file").write_text("x")
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match="is a file, not a store directory"):
        OxigraphStore(tmp_path / "file", read_only=True)
    with pytest.raises(StoreError, match="no Oxigraph store here: build one with `kg build FILES --store"):
        OxigraphStore(tmp_path / "empty", read_only=True)
    assert not OxigraphStore(None, read_only=True).read_only  # memory is memory


def test_a_file_is_no_store_directory(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file, not a store directory: give a directory path or 'memory'"):
        OxigraphStore(tmp_path / "file")


def test_a_folder_holding_only_the_lock_may_become_a_store(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / LOCK_NAME).write_text("")
    with OxigraphStore(tmp_path / "store") as store:
        assert store.count() == 0


def test_a_second_writer_is_told_who_holds_the_store(tmp_path):
    with OxigraphStore(tmp_path / "store"):
        with pytest.raises(StoreError, match=r"the store is in use \(written by a kg command \(pid \d+\)\)"):
            OxigraphStore(tmp_path / "store")
    with OxigraphStore(tmp_path / "store"):  # released on close
        pass


def test_a_served_store_refuses_writers_but_not_readers(tmp_path):
    with OxigraphStore(tmp_path / "store") as store:
        store.replace_graph(G1, triples(1))
    lock = serve_lock(tmp_path / "store")
    try:
        with pytest.raises(StoreError, match=r"in use \(served by kg serve \(pid \d+\)\)"):
            OxigraphStore(tmp_path / "store")
        with OxigraphStore(tmp_path / "store", read_only=True) as reader:
            assert reader.count() == 1
        second = serve_lock(tmp_path / "store")  # shared: two servers may serve one store
        second.release()
    finally:
        lock.release()
    lock.release()  # twice is fine
    with OxigraphStore(tmp_path / "store"):
        pass


def test_a_lock_in_a_folder_that_is_not_there_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot take the store lock kg.lock"):
        StoreLock(tmp_path / "missing", shared=True, holder="")


# -- opening by name --------------------------------------------------------------------------

def test_open_store_by_name(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    assert isinstance(open_store("memory"), OxigraphStore)
    remote = open_store("https://example.org/sparql")
    assert isinstance(remote, EndpointStore) and remote.query_url == "https://example.org/sparql"
    with pytest.raises(StoreError, match=r"missing: no store here: build one with `kg build FILES --store"):
        open_store(str(tmp_path / "missing"), create=False)
    assert not (tmp_path / "missing").exists()
    with open_store(str(tmp_path / "new")) as created:
        created.replace_graph(G1, triples(1))
    with open_store(str(tmp_path / "new"), create=False) as reader:
        assert reader.read_only and reader.count() == 1
    with open_store(str(tmp_path / "new"), create=False, read_only=False) as writer:
        assert not writer.read_only


def test_rdf_format_names():
    assert rdf_format("trig") == ox.RdfFormat.TRIG
    with pytest.raises(StoreError, match="unknown RDF format 'n3'"):
        rdf_format("n3")
