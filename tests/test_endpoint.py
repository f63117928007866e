"""Remote stores against a real Oxigraph server (the `oxigraph` package) on a free loopback port.

The dev transcripts are built into the server through ``--store URL``, a local
store is pushed to another one, and every library query must give the same
rows remotely as locally.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pyoxigraph as ox
import pytest

from kg.rdf import namespace as ns
from kg.cli import main
from kg.store.endpoint import EndpointStore, EndpointUnreachable, credentials, endpoint_urls
from kg.errors import QueryError, StoreError
from kg.store.push import push
from kg.sparql.library import bind_params, list_queries, run_query
from kg.store.serve import OxigraphServer, free_port
from kg.store.factory import open_store
from test_queries import INJECTION

DEV = "tests/data/dev"


def example_params(query) -> dict[str, str]:
    return {p.name: p.example for p in query.params if p.example}


_CONCAT = re.compile(r'GROUP_CONCAT\((?:DISTINCT\s+)?\?\w+\s*;\s*separator\s*=\s*"([^"]*)"\)\s+AS\s+\?(\w+)',
                     re.IGNORECASE)


def row_set(result, sparql: str = "") -> list[tuple]:
    """Rows as sorted tuples of N-Triples terms: order-free, exact about datatypes and languages.

    GROUP_CONCAT has no defined order in SPARQL, so its parts are sorted before comparing.
    """
    separators = {name: sep for sep, name in _CONCAT.findall(sparql)}

    def cell(row, name):
        term = row.get(name)
        if name in separators and isinstance(term, ox.Literal):
            return "|".join(sorted(term.value.split(separators[name])))
        return str(term)

    return sorted(tuple(cell(row, v) for v in result.variables) for row in result)


@pytest.fixture(scope="module")
def built_server(oxigraph_server, dev_store_dir):
    """The server with the dev transcripts built into it through `kg build --store URL`."""
    from pathlib import Path

    dev = Path(__file__).resolve().parent / "data" / "dev"
    assert main(["-q", "build", str(dev), "--store", oxigraph_server.url]) == 0
    return oxigraph_server


def test_build_through_url_writes_every_graph(built_server, dev_store):
    remote = EndpointStore(built_server.url)
    assert remote.graphs() == dev_store.graphs()
    for graph in dev_store.graphs():
        assert remote.count(graph) == dev_store.count(graph), graph


def test_every_library_query_same_rows_remote_and_local(built_server, dev_store):
    remote = EndpointStore(built_server.url)
    facts = run_query(dev_store, "SELECT ?f WHERE { ?f irkg:evidence ?e } ORDER BY ?f LIMIT 1")
    for query in list_queries():
        params = example_params(query)
        if query.name == "evidence_by_fact":
            params = {"fact": facts.rows[0]["f"].value}
        bindings = bind_params(query, params)
        local = run_query(dev_store, query.text, bindings)
        there = run_query(remote, query.text, bindings)
        assert there.variables == local.variables, query.name
        assert row_set(there, query.text) == row_set(local, query.text), query.name
        assert len(local) > 0, query.name


def _data_triples(store) -> int:
    """Triples of every graph but the metadata graph, which gains each build's record."""
    return store.count() - store.count(ns.metadata_graph_iri())


def test_rebuild_through_url_is_idempotent(built_server):
    remote = EndpointStore(built_server.url)
    before = _data_triples(remote)
    assert main(["-q", "build", DEV, "--store", built_server.url]) == 0
    assert _data_triples(remote) == before


def test_push_copies_a_local_store_and_is_idempotent(dev_store_dir, dev_store, empty_server):
    with open_store(str(dev_store_dir)) as local:
        target = EndpointStore(empty_server.url)
        seen = []
        result = push(local, target, progress=lambda done, total, g: seen.append((done, total)))
        assert result.ok and result.graphs == len(local.graphs()) and seen[-1] == (result.graphs,) * 2
        assert target.count() == local.count()
        again = push(local, target)
        assert again.ok and target.count() == local.count()
        for query in list_queries():
            bindings = bind_params(query, example_params(query))
            assert row_set(run_query(target, query.text, bindings), query.text) == \
                row_set(run_query(dev_store, query.text, bindings), query.text), query.name


def test_cli_push_prints_a_summary(dev_store_dir, empty_server, capsys):
    code = main(["push", empty_server.url, "--store", str(dev_store_dir)])
    assert code == 0
    assert f"pushed {_graphs(dev_store_dir)} graphs" in capsys.readouterr().err


def test_push_to_a_down_endpoint_is_one_clear_error(dev_store_dir, capsys):
    url = f"http://127.0.0.1:{free_port()}"
    code = main(["push", url, "--store", str(dev_store_dir), "--retries", "2"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "cannot reach" in err and "Traceback" not in err
    with pytest.raises(EndpointUnreachable):
        EndpointStore(url, retries=1).ping()


def test_injection_through_param_is_inert_remotely(built_server):
    remote = EndpointStore(built_server.url)
    before = remote.count()
    query = next(q for q in list_queries() if q.name == "meetings_by_country")
    assert len(run_query(remote, query.text, bind_params(query, {"country": INJECTION}))) == 0
    assert remote.count() == before
    echoed = remote.query("SELECT ?v WHERE { BIND(?x AS ?v) }", {"x": ox.Literal(INJECTION)})
    assert echoed.rows[0]["v"].value == INJECTION


def test_remote_syntax_error_names_line_and_column(built_server):
    remote = EndpointStore(built_server.url)
    with pytest.raises(QueryError, match=r"line 2, column"):
        remote.query("SELECT ?x WHERE {\n ?x ?p FILTER( }")


def test_remote_timeout_is_a_clear_error(built_server):
    remote = EndpointStore(built_server.url)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) < STR(?f)) }"
    started = time.monotonic()
    with pytest.raises(QueryError, match="timed out"):
        remote.query(slow, timeout=1)
    assert time.monotonic() - started < 5


def test_export_and_cli_query_through_url(built_server, capsys):
    assert main(["query", "leaders_by_country", "--param", "country=AZE", "-f", "csv",
                 "--store", built_server.url]) == 0
    assert "Ilham Aliyev,President,2021-07-20" in capsys.readouterr().out
    out = io.BytesIO()
    with open_store(built_server.url) as remote:
        remote.dump(out, "nquads")
        total = remote.count()
    assert len(list(ox.parse(out.getvalue(), ox.RdfFormat.N_QUADS))) == total


def test_update_falls_back_when_there_is_no_graph_store(empty_server, monkeypatch):
    monkeypatch.setenv("KG_STORE_GSP_URL", empty_server.url + "/no-such-service")
    remote = EndpointStore(empty_server.url)
    graph = ox.NamedNode("http://example.org/g")
    triples = [ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                         ox.Literal('quote " and } brace'))]
    assert remote.replace_graph(graph, triples) == 1 and remote._gsp is False
    assert remote.replace_graph(graph, triples * 2) == 1
    assert remote.count(graph) == 1


# ---------------------------------------------------------------- URLs and credentials

def test_endpoint_urls_for_oxigraph_and_fuseki(monkeypatch):
    monkeypatch.delenv("KG_STORE_UPDATE_URL", raising=False)
    monkeypatch.delenv("KG_STORE_GSP_URL", raising=False)
    assert endpoint_urls("http://h:7878") == ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")
    assert endpoint_urls("http://h:3030/ds/query") == \
        ("http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/data")
    assert endpoint_urls("http://h:3030/ds")[0] == "http://h:3030/ds/query"


def test_credentials_never_in_the_url():
    with pytest.raises(StoreError, match="KG_STORE_USER"):
        EndpointStore("http://alice:secret@127.0.0.1:1/query")


def test_credentials_from_env_then_netrc(tmp_path, monkeypatch):
    netrc_file = tmp_path / "netrc"
    netrc_file.write_text("machine db.example.org login bob password s3cret\n")
    netrc_file.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc_file))
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    assert credentials("https://db.example.org/sparql") == ("bob", "s3cret")
    assert credentials("https://other.example.org/sparql") is None
    monkeypatch.setenv("KG_STORE_USER", "carol")
    monkeypatch.setenv("KG_STORE_PASSWORD", "pw")
    assert credentials("https://db.example.org/sparql") == ("carol", "pw")


# ---------------------------------------------------------------- kg serve

def _graphs(store_dir) -> int:
    with open_store(str(store_dir), create=False) as store:
        return len(store.graphs())


def test_served_store_is_read_only_and_on_loopback(dev_store_dir):
    graphs = _graphs(dev_store_dir)
    with OxigraphServer(dev_store_dir) as server:
        assert server.url.startswith("http://127.0.0.1:")
        remote = EndpointStore(server.url, retries=1)
        assert len(remote.graphs()) == graphs > 8
        with pytest.raises(StoreError):
            remote.update("INSERT DATA { <http://x/s> <http://x/p> 1 }")
        with urllib.request.urlopen(server.url + "/") as page:
            assert b"<html" in page.read().lower()


def test_cli_serve_answers_the_sparql_protocol(dev_store_dir):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(dev_store_dir),
                                "--port", str(port)], stderr=subprocess.PIPE)
    try:
        remote = EndpointStore(f"http://127.0.0.1:{port}", retries=1)
        deadline = time.monotonic() + 15
        while True:
            try:
                assert remote.query("ASK { ?s a irkg:Meeting }") is True
                break
            except StoreError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()
