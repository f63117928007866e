"""SPARQL as text (kg.store.sparql_text), RDF terms as Python values (results), and the endpoint's pure helpers."""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.request

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import QueryError, StoreError
from kg.store import endpoint
from kg.store.results import row_dicts, row_values, to_python
from kg.store.sparql_text import check_syntax, code_only, declared_prefixes, describe_syntax_error, insert_values

XSD = "http://www.w3.org/2001/XMLSchema#"
HOSTILE = ox.Literal('x" } } ; DROP ALL ; SELECT * WHERE { # \u00ab{<>}\u00bb \\')


# -- code_only ------------------------------------------------------------------------------

@pytest.mark.parametrize("sparql,kept", [
    ('SELECT ?x WHERE { ?x ?p "WHERE { }" } # WHERE {', "SELECT ?x WHERE { ?x ?p } "),
    ("ASK { <http://x/WHERE> ?p 'it''s' }", "ASK { ?p  }"),
    ("ASK { ?x ?p ?y FILTER(?x<5&&?y>3) }", "ASK { ?x ?p ?y FILTER(?x 3) }"),  # read as an IRI: harmless here
    ('SELECT * { ?s ?p """multi\nline "quoted" WHERE""" }', "SELECT * { ?s ?p  }"),
    ("SELECT * { ?s ?p 'a\\'b' . ?s ?q \"c\\\"d\" }", "SELECT * { ?s ?p . ?s ?q  }"),
    ("SELECT * { ?s <http://x/#frag> ?o }", "SELECT * { ?s ?o }"),
])
def test_code_only_blanks_strings_iris_and_comments(sparql, kept):
    code = code_only(sparql)
    assert len(code) == len(sparql)
    assert " ".join(code.split()) == " ".join(kept.split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab {}#<>\"'\\\n?.WHERE")), max_size=40))
def test_code_only_keeps_length_and_only_ever_blanks(text):
    code = code_only(text)
    assert len(code) == len(text)
    assert all(c == t or c == " " for c, t in zip(code, text))
    assert code_only(code) == code  # nothing left to blank (a blank is never part of a string or an IRI)


def test_declared_prefixes_only_in_code():
    sparql = ('PREFIX ex: <http://x/> prefix : <http://y/> PREFIX a.b-c: <http://z/>\n'
              '# PREFIX no: <z>\nSELECT "PREFIX s: <q>" {}')
    assert declared_prefixes(sparql) == {"ex", "", "a.b-c"}


# -- insert_values ----------------------------------------------------------------------------

@pytest.mark.parametrize("sparql", [
    "SELECT ?x WHERE { ?x ?p ?v }",
    "# WHERE { in a comment\nSELECT ?x WHERE { ?x ?p ?v }",
    'SELECT ?x WHERE { ?x ?p ?v FILTER(?v != "{") }',
    "SELECT ?x FROM <http://example.org/WHERE> WHERE { ?x ?p ?v }",
    "PREFIX where: <http://example.org/> SELECT ?x { ?x where:p ?v }",
    "SELECT ?x ?where WHERE { ?x ?where ?v }",
    "ASK { ?x ?p ?v }",
    "CONSTRUCT { ?x ?p ?v } WHERE { ?x ?p ?v }",
    "CONSTRUCT { ?x ?p ?v } { ?x ?p ?v }",
    'CONSTRUCT { ?x ?p "}" } FROM <http://example.org/g> { ?x ?p ?v }',
    "DESCRIBE ?x WHERE { ?x ?p ?v }",
    "SELECT ?x WHERE { { SELECT ?x ?v WHERE { ?x ?p ?v } } }",
])
def test_bound_values_land_in_the_where_group_and_stay_one_literal(sparql):
    text = insert_values(sparql, {"v": HOSTILE})
    check_syntax(text)
    store = ox.Store()
    s, p = ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p")
    store.add(ox.Quad(s, p, HOSTILE, ox.DefaultGraph()))
    store.add(ox.Quad(s, p, ox.Literal("other"), ox.DefaultGraph()))
    result = store.query(re.sub(r"FROM <[^>]*> ", "", text))  # the data is in the default graph
    if isinstance(result, ox.QueryBoolean):
        assert bool(result)
    elif isinstance(result, ox.QuerySolutions):
        assert [r["x"] for r in result] == [s]
    else:
        objects = {t.object for t in result if t.predicate == p}
        assert objects == ({ox.Literal("}")} if '"}"' in sparql else {HOSTILE} if sparql.startswith("CONSTRUCT")
                           else {HOSTILE, ox.Literal("other")})  # DESCRIBE gives all of ?x
    assert len(store) == 2


def test_several_bindings_and_a_query_with_no_group():
    text = insert_values("SELECT * WHERE { ?a ?b ?c }", {"a": ox.NamedNode("http://x/"), "c": ox.Literal(5)})
    assert 'VALUES ?a { <http://x/> } VALUES ?c { "5"^^<http://www.w3.org/2001/XMLSchema#integer> }' in text
    with pytest.raises(QueryError, match="cannot bind parameters: the query has no WHERE group"):
        insert_values("DESCRIBE <http://x/>", {"a": ox.Literal(1)})


# -- syntax errors ----------------------------------------------------------------------------

def test_check_syntax_points_at_line_and_column():
    with pytest.raises(QueryError) as caught:
        check_syntax("SELECT ?x\nWHERE {\n  ?x ?p FILTER( }")
    message = str(caught.value)
    line, column = map(int, re.search(r"line (\d+), column (\d+)", message).groups())
    assert line == 3
    lines = message.splitlines()
    assert lines[1] == "    ?x ?p FILTER( }" and lines[2].index("^") == column - 1 + 2


def test_check_syntax_accepts_what_parses_even_if_it_cannot_run():
    check_syntax("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    check_syntax("SELECT ?x WHERE { ?x irkg:title ?t }")  # project prefixes need no declaration


def test_describe_syntax_error_shapes():
    assert describe_syntax_error("something odd", "q") == "SPARQL syntax error: something odd"
    long = describe_syntax_error("error at 1:3: " + "x" * 200 + "\nmore", "abc")
    assert long.splitlines()[0].endswith("...") and len(long.splitlines()[0]) < 200
    beyond = describe_syntax_error("error at 9:1: oops", "one line")
    assert beyond.splitlines()[1] == "  " and beyond.splitlines()[2] == "  ^"


# -- RDF terms as Python values ------------------------------------------------------------------

@pytest.mark.parametrize("term,value", [
    (None, None),
    (ox.NamedNode("http://x/a"), "http://x/a"),
    (ox.BlankNode("b1"), "_:b1"),
    (ox.Literal(5), 5),
    (ox.Literal("-12", datatype=ox.NamedNode(XSD + "unsignedByte")), -12),
    (ox.Literal("2.50", datatype=ox.NamedNode(XSD + "decimal")), 2.5),
    (ox.Literal("1e3", datatype=ox.NamedNode(XSD + "double")), 1000.0),
    (ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")), True),
    (ox.Literal("1", datatype=ox.NamedNode(XSD + "boolean")), True),
    (ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean")), False),
    (ox.Literal("2021-07-20", datatype=ox.NamedNode(XSD + "date")), dt.date(2021, 7, 20)),
    (ox.Literal("2021-07-20Z", datatype=ox.NamedNode(XSD + "date")), dt.date(2021, 7, 20)),
    (ox.Literal("2026-11-29T14:09:07Z", datatype=ox.NamedNode(XSD + "dateTime")),
     dt.datetime(2026, 11, 29, 14, 9, 7, tzinfo=dt.timezone.utc)),
    (ox.Literal("Москва", language="ru"), "Москва"),
    (ox.Literal("P1D", datatype=ox.NamedNode(XSD + "duration")), "P1D"),
    (ox.Literal("five", datatype=ox.NamedNode(XSD + "integer")), "five"),  # ill-typed: the text people read
    (ox.Literal("2021-02-31", datatype=ox.NamedNode(XSD + "date")), "2021-02-31"),
])
def test_to_python(term, value):
    converted = to_python(term)
    assert converted == value and type(converted) is type(value)


def test_rows_as_tuples_and_dicts_keep_variable_order():
    rows = [{"b": ox.Literal(1)}, {"a": ox.NamedNode("http://x/"), "b": ox.Literal("t")}]
    assert row_values(["a", "b"], rows) == [(None, 1), ("http://x/", "t")]
    assert row_dicts(["b", "a"], rows) == [{"b": 1, "a": None}, {"b": "t", "a": "http://x/"}]
    assert list(row_dicts(["b", "a"], rows)[0]) == ["b", "a"]


# -- the endpoint's helpers -----------------------------------------------------------------

@pytest.mark.parametrize("url,query,update,store", [
    ("http://h:7878", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
    ("http://h:7878/", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
    ("http://h/ds/sparql", "http://h/ds/sparql", "http://h/ds/update", "http://h/ds/data"),
    ("http://h/query", "http://h/query", "http://h/update", "http://h/store"),
    ("https://h/ds", "https://h/ds/query", "https://h/ds/update", "https://h/ds/data"),
    ("https://h/repositories/kg?infer=false", "https://h/repositories/kg/query?infer=false",
     "https://h/repositories/kg/update?infer=false", "https://h/repositories/kg/data?infer=false"),
])
def test_endpoint_urls(monkeypatch, url, query, update, store):
    monkeypatch.delenv("KG_STORE_UPDATE_URL", raising=False)
    monkeypatch.delenv("KG_STORE_GSP_URL", raising=False)
    assert endpoint.endpoint_urls(url) == (query, update, store)


def test_credentials_in_the_url_are_refused_without_echoing_them():
    with pytest.raises(StoreError) as caught:
        endpoint.endpoint_urls("https://user:s3cret@h/ds")
    assert "s3cret" not in str(caught.value) and "KG_STORE_USER" in str(caught.value)


@pytest.mark.parametrize("url,expected", [
    ("http://H:80/x", ("http", "h", 80)), ("https://h/x", ("https", "h", 443)), ("http://h:8080", ("http", "h", 8080)),
    ("HTTPS://h:443", ("https", "h", 443)),
])
def test_origin(url, expected):
    assert endpoint.origin(url) == expected


def test_loopback_addresses():
    for url in ("http://localhost:7878", "http://127.0.0.5/", "http://[::1]:7878/"):
        assert endpoint._is_loopback(url)
    for url in ("http://example.org/", "http://10.0.0.1/", "http://localhost.example.org/"):
        assert not endpoint._is_loopback(url)


def _redirected(from_url: str, to_url: str) -> dict[str, str]:
    request = urllib.request.Request(from_url, headers={"Authorization": "Basic abc", "Accept": "x"})
    handler = endpoint._SameOriginRedirects()
    new = handler.redirect_request(request, None, 307, "moved", {}, to_url)
    return {k.lower(): v for k, v in list(new.headers.items()) + list(new.unredirected_hdrs.items())}


def test_credentials_follow_a_redirect_only_within_the_origin():
    assert _redirected("https://h/ds/query", "https://h/other/query")["authorization"] == "Basic abc"
    assert _redirected("https://h/ds/query", "https://h:443/x")["authorization"] == "Basic abc"
    for elsewhere in ("https://evil.example/q", "http://h/ds/query", "https://h:8443/ds/query"):
        headers = _redirected("https://h/ds/query", elsewhere)
        assert "authorization" not in headers and headers["accept"] == "x"


@pytest.mark.parametrize("sparql,form", [
    ("SELECT * {}", "SELECT"), ("# CONSTRUCT in a comment\nask {}", "ASK"),
    ('PREFIX ex: <http://x/DESCRIBE> CONSTRUCT { ?s ?p "SELECT" } WHERE {}', "CONSTRUCT"),
    ("DESCRIBE <http://x/>", "DESCRIBE"), ("INSERT DATA {}", "SELECT"),
])
def test_query_form(sparql, form):
    assert endpoint.query_form(sparql) == form


def test_missing_project_prefixes_are_declared_once():
    text = endpoint._with_prefixes("SELECT * WHERE { ?m a irkg:Meeting ; foaf:name ?n }")
    lines = text.splitlines()
    assert "PREFIX irkg: <https://w3id.org/irkg/ontology#>" in lines and "PREFIX foaf: <http://xmlns.com/foaf/0.1/>" in lines
    declared = "PREFIX irkg: <http://elsewhere/> SELECT * WHERE { ?m a irkg:Meeting }"
    assert endpoint._with_prefixes(declared) == declared  # the query's own declaration wins
    check_syntax(text)


def test_answers_that_are_not_sparql_results_are_one_clear_error():
    with pytest.raises(StoreError, match=r"the answer \(text/html\) is not SPARQL JSON results"):
        endpoint.read_answer(b"<html>login</html>", "text/html", "SELECT", "query x")
    with pytest.raises(StoreError, match=r"the answer \(no type\) is not RDF"):
        endpoint.read_answer(b"<html>", "", "CONSTRUCT", "query x")
    with pytest.raises(StoreError, match="not SPARQL JSON results"):
        endpoint.read_answer(json.dumps({"results": {"bindings": [{"x": {"type": "uri"}}]}}).encode(),
                             "application/json", "SELECT", "q")


def test_answers_that_are_results():
    payload = {"head": {"vars": ["x", "y"]}, "results": {"bindings": [
        {"x": {"type": "uri", "value": "http://x/"}, "y": {"type": "literal", "value": "5", "datatype": XSD + "integer"}},
        {"x": {"type": "bnode", "value": "b0"}, "y": {"type": "literal", "value": "M", "xml:lang": "ru"}}]}}
    rows = endpoint.read_answer(json.dumps(payload).encode(), "application/sparql-results+json", "SELECT", "q")
    assert rows.variables == ["x", "y"]
    assert rows.rows == [{"x": ox.NamedNode("http://x/"), "y": ox.Literal(5)},
                         {"x": ox.BlankNode("b0"), "y": ox.Literal("M", language="ru")}]
    assert endpoint.read_answer(b'{"boolean": true}', "application/json", "ASK", "q") is True
    turtle = b"@prefix ex: <http://x/> . ex:a ex:b ex:c ."
    [triple] = endpoint.read_answer(turtle, "text/turtle", "CONSTRUCT", "q")
    assert triple.object == ox.NamedNode("http://x/c")
