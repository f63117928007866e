"""The SERVICE guard against what Oxigraph itself does: no query that makes it call out gets past.

Oxigraph refuses HTTP to port 9 ("discard") with an error that names the port, so whether a
query would call a service is seen without any network: the query is run on an empty store.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.sparql.guard import SERVICE_REFUSED, refuse_service, uses_service

TARGET = "<http://127.0.0.1:9/sparql>"


def calls_out(sparql: str) -> bool:
    """Whether Oxigraph, running ``sparql``, tries to reach the service at port 9."""
    try:
        result = ox.Store().query(sparql)
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except OSError as error:
        return "port 9" in str(error)
    except (SyntaxError, RuntimeError, ValueError):
        return False
    return False


def test_the_probe_sees_a_plain_service_call():
    assert calls_out(f"SELECT * WHERE {{ SERVICE {TARGET} {{ ?s ?p ?o }} }}")
    assert not calls_out("SELECT * WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("sparql", [
    f"SELECT * WHERE {{ SERVICE {TARGET} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ service SILENT {TARGET} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ SeRvIcE {TARGET} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ BIND(\"a\" AS ?x) SERVICE {TARGET} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ FILTER(?a<1)SERVICE{TARGET}{{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ BIND(\"\\u0022\" AS ?x) SERVICE {TARGET} {{ ?s ?p ?o }} }} # \"",
    f"SELECT * WHERE {{ BIND('\\u0027' AS ?x) SERVICE {TARGET} {{ ?s ?p ?o }} }} # '",
    f"SELECT * WHERE {{ BIND(\"\"\"\\u0022\\u0022\\u0022\"\"\" AS ?x) SERVICE {TARGET} {{ ?s ?p ?o }} }}",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",  # other parsers decode it
])
def test_service_is_seen(sparql):
    assert uses_service(sparql)
    with pytest.raises(QueryError, match="pass --allow-service"):
        refuse_service(sparql)


@pytest.mark.parametrize("sparql", [
    "SELECT ?service WHERE { ?service a ?type }",
    "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:p ?o }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service ?o . ?s ex:SERVICE-x ?y }",
    "SELECT * WHERE { ?s ?p \"SERVICE <http://127.0.0.1:9/> { }\" }",
    "SELECT * WHERE { ?s ?p <http://example.org/SERVICE> }  # SERVICE in a comment",
    "SELECT * WHERE { ?s ?p '''SERVICE\n<http://127.0.0.1:9/>''' }",
    "SELECT * WHERE { ?s ?p $service }",
])
def test_words_that_only_look_like_service_pass(sparql):
    assert not uses_service(sparql)
    refuse_service(sparql)  # does not raise
    assert not calls_out(sparql)


_PIECES = st.sampled_from([
    'BIND("\\u0022" AS ?a) ', "BIND('\\u0027' AS ?b) ", 'BIND("x" AS ?c) ', "FILTER(?d<1) ", "# note\n",
    'BIND("""\\u0022""" AS ?e) ', "BIND(<http://example.org/#x> AS ?f) ", "?s ?p ?o . ", 'BIND("\\\\" AS ?g) ',
    "OPTIONAL { ?x ?y ?z } ",
])
_TAILS = st.sampled_from(["", ' # "', " # '", ' # """', "\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=4), st.sampled_from(["SERVICE", "SERVICE SILENT", "service"]),
       st.lists(_PIECES, max_size=3), _TAILS)
def test_whatever_surrounds_it_a_service_oxigraph_would_call_is_refused(before, keyword, after, tail):
    sparql = (f"SELECT * WHERE {{ {''.join(before)}{keyword} {TARGET} {{ ?s ?p ?o }} {''.join(after)}}}{tail}")
    if calls_out(sparql):
        assert uses_service(sparql), sparql


def test_the_refusal_says_how_to_allow_it():
    assert "--allow-service" in SERVICE_REFUSED
