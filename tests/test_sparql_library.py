"""kg.sparql.library and kg.sparql.ask: headers, parameters as terms, limits, output formats, notebooks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.sparql import ask
from kg.sparql.library import (
    Param, bind_params, format_result, list_queries, load_query, parse_param_options, parse_query, run_query,
    term_to_json, to_term, value_kind, with_limit, with_offset,
)
from kg.store.embedded import OxigraphStore
from kg.store.endpoint import rows_from_json
from kg.store.protocol import Rows

XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "http://example.org/"


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    """Five things with titles, one with a date and a number, in one graph."""
    opened = OxigraphStore(None)
    title = ox.NamedNode("https://w3id.org/irkg/ontology#title")
    triples = [ox.Triple(ox.NamedNode(f"{EX}s{i}"), title, ox.Literal(f"title {i}")) for i in range(5)]
    triples += [ox.Triple(ox.NamedNode(EX + "s0"), ox.NamedNode("https://w3id.org/irkg/ontology#date"),
                          ox.Literal("2021-07-20", datatype=ox.NamedNode(XSD + "date"))),
                ox.Triple(ox.NamedNode(EX + "s0"), ox.NamedNode("https://w3id.org/irkg/ontology#value"),
                          ox.Literal("2.5", datatype=ox.NamedNode(XSD + "decimal")))]
    opened.replace_graph(ox.NamedNode(EX + "graph/1"), triples)
    return opened


# -- headers ---------------------------------------------------------------------------

def test_headers_before_the_first_line_of_code_only():
    query = parse_query("# title: Meetings\n# description: one\n#description: two\n\n"
                        "# param: ?country — ISO code, AZE\n# param: ?n -- a number\n# param: ?d: a day, 2021-07-20\n"
                        "# other: ignored\nSELECT * WHERE {}\n# param: ?late — after the code, X\n", "q")
    assert (query.title, query.description) == ("Meetings", "one two")
    assert query.params == (Param("country", "ISO code", "AZE"), Param("n", "a number"),
                            Param("d", "a day", "2021-07-20"))
    assert query.param("d").kind == "date" and query.param("n").kind == "string"
    assert query.param("late") is None


def test_a_query_without_headers_is_still_a_query():
    query = parse_query("SELECT * WHERE { ?s ?p ?o }")
    assert (query.name, query.title, query.description, query.params) == ("query", "", "", ())


def test_a_bad_param_header_says_how_to_write_it():
    with pytest.raises(QueryError, match=r"x\.rq: bad '# param:' header 'country AZE': write '# param: \?name"):
        parse_query("# param: country AZE\nSELECT * {}", "x", path=__import__("pathlib").Path("x.rq"))


def test_load_query_by_name_or_path_and_unknown_names(tmp_path):
    (tmp_path / "mine.rq").write_text("# title: Mine\nSELECT * WHERE { ?s ?p ?o }\n")
    (tmp_path / "other.rq").write_text("ASK {}\n")
    assert load_query("mine", tmp_path).title == "Mine"
    assert load_query(str(tmp_path / "mine.rq")).name == "mine"
    assert [q.name for q in list_queries(tmp_path)] == ["mine", "other"]
    with pytest.raises(QueryError, match=r"no library query named 'nope': `kg queries` lists them \(mine, other\)"):
        load_query("nope", tmp_path)
    with pytest.raises(QueryError, match=r"missing\.rq: no such query file"):
        load_query(str(tmp_path / "missing.rq"))


def test_every_shipped_query_parses_with_its_example_values_bound():
    from kg.store.sparql_text import check_syntax, insert_values

    queries = list_queries()
    assert len(queries) >= 15
    for query in queries:
        examples = {p.name: p.example for p in query.params if p.example}
        bound = bind_params(query, examples)
        assert set(bound) == set(examples)
        check_syntax(insert_values(query.text, bound) if bound else query.text)


# -- values as terms ---------------------------------------------------------------------

@pytest.mark.parametrize("value,kind", [
    ("<http://a>", "iri"), ("https://example.org/x", "iri"), ("http://a b", "string"), (" 2021-07-20 ", "date"),
    ("-5", "integer"), ("+7", "integer"), (".5", "decimal"), ("-0.25", "decimal"), ("5.", "string"),
    ("1e5", "string"), ("AZE", "string"), ("", "string"), ("2021-07-20T10:00", "string"),
])
def test_value_kinds(value, kind):
    assert value_kind(value) == kind


@pytest.mark.parametrize("value,kind,term", [
    ("<http://a/b>", "iri", ox.NamedNode("http://a/b")),
    ("2021-07-20", "date", ox.Literal("2021-07-20", datatype=ox.NamedNode(XSD + "date"))),
    ("007", "integer", ox.Literal("7", datatype=ox.NamedNode(XSD + "integer"))),
    ("2.50", "decimal", ox.Literal("2.50", datatype=ox.NamedNode(XSD + "decimal"))),
    ('AZE" } DROP ALL #', "string", ox.Literal('AZE" } DROP ALL #')),
])
def test_to_term(value, kind, term):
    assert to_term(value, kind) == term


@pytest.mark.parametrize("value,kind,message", [
    ("2021-13-45", "date", r"--param day='2021-13-45' is not a valid date \(write YYYY-MM-DD\)"),
    ("20 July", "date", "not a valid date"),
    ("five", "integer", r"--param day='five' is not a valid integer$"),
    ("1.2.3", "decimal", "not a valid decimal"),
    ("not an iri", "iri", "not a valid iri"),
])
def test_to_term_refuses_values_of_another_kind(value, kind, message):
    with pytest.raises(QueryError, match=message):
        to_term(value, kind, "day")


def test_bind_params_kind_by_header_else_by_value():
    query = parse_query("# param: ?code — a code, AZE\n# param: ?day — a day, 2021-07-20\nSELECT * {}")
    terms = bind_params(query, {"?code": "2021-07-20", "$day": "2020-01-01"})
    assert terms["code"] == ox.Literal("2021-07-20")  # the header says a string, whatever the value looks like
    assert terms["day"].datatype.value == XSD + "date"
    free = parse_query("SELECT * {}")
    assert bind_params(free, {"n": "5"})["n"].datatype.value == XSD + "integer"
    with pytest.raises(QueryError, match=r"q has no parameter 'other': it takes code, day"):
        bind_params(parse_query(query.text, "q"), {"other": "x"})
    with pytest.raises(QueryError, match="a parameter name is letters, digits and _ only"):
        bind_params(free, {"bad name": "x"})


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_string_value_stays_one_inert_literal(value):
    """Bound and echoed back, a value is exactly itself: no injection, whatever it holds."""
    if any("\ud800" <= c <= "\udfff" for c in value):
        return  # not text: no RDF literal can hold a lone surrogate
    terms = bind_params(parse_query("# param: ?v — anything, text\nSELECT ?v {}"), {"v": value})
    rows = run_query(OxigraphStore(None), "SELECT ?out WHERE { BIND(STR(?v) AS ?out) }", terms)
    assert [r["out"].value for r in rows] == [value]


def test_parse_param_options():
    assert parse_param_options(["country=AZE", " from =2020-01-01", "q=a=b", "empty="]) == {
        "country": "AZE", "from": "2020-01-01", "q": "a=b", "empty": ""}
    for bad in ("country", "=AZE"):
        with pytest.raises(QueryError, match="write --param name=value"):
            parse_param_options([bad])


# -- limits ----------------------------------------------------------------------------

@pytest.mark.parametrize("sparql,appended", [
    ("SELECT * WHERE { ?s ?p ?o }", True),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 5", False),
    ("SELECT * WHERE { ?s ?p ?o } limit 5 offset 2  ", False),
    ("SELECT * WHERE { ?s ?p ?o } OFFSET 2 LIMIT 5", False),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 5\n# the end", False),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 5 # five", False),
    ("SELECT * WHERE { ?s ?p ?o } # LIMIT 3", True),
    ("SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 2 } }", True),
    ('SELECT * WHERE { ?s ?p "LIMIT 5" }', True),
])
def test_with_limit_appends_only_when_the_query_ends_without_one(sparql, appended):
    limited = with_limit(sparql, 10)
    assert limited.endswith("\nLIMIT 10") is appended
    assert limited == sparql if not appended else limited.startswith(sparql.rstrip())
    assert with_limit(sparql, None) == sparql
    run_query(OxigraphStore(None), sparql, limit=10)  # still a query that runs


@pytest.mark.parametrize("sparql,paged", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o }\nOFFSET 3"),
    ("SELECT * WHERE { ?s ?p ?o }\nLIMIT 500\n", "SELECT * WHERE { ?s ?p ?o }\nLIMIT 500 OFFSET 3\n"),
    ("SELECT * WHERE { ?s ?p ?o } limit 5 offset 2  ", "SELECT * WHERE { ?s ?p ?o } LIMIT 5 OFFSET 3  "),
    ("SELECT * WHERE { ?s ?p ?o } OFFSET 2 LIMIT 5", "SELECT * WHERE { ?s ?p ?o } LIMIT 5 OFFSET 3"),
    ("SELECT * WHERE { ?s ?p ?o } OFFSET 2", "SELECT * WHERE { ?s ?p ?o } OFFSET 3"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 5 # five\n", "SELECT * WHERE { ?s ?p ?o } LIMIT 5 OFFSET 3 # five\n"),
    ('SELECT * WHERE { ?s ?p "LIMIT 5" }', 'SELECT * WHERE { ?s ?p "LIMIT 5" }\nOFFSET 3'),
])
def test_with_offset_moves_the_querys_own_page_else_adds_one(sparql, paged):
    assert with_offset(sparql, 3) == paged
    assert with_offset(sparql, None) == sparql
    run_query(OxigraphStore(None), sparql, offset=3)  # still a query that runs


def test_pages_of_a_query_with_its_own_limit_make_up_its_whole_answer(store):
    whole = "SELECT ?s WHERE { ?s irkg:title ?t } ORDER BY ?s"
    pages = [run_query(store, whole + " LIMIT 2", offset=start).rows for start in (0, 2, 4, 6)]
    assert [len(page) for page in pages] == [2, 2, 1, 0]
    assert [row for page in pages for row in page] == run_query(store, whole).rows
    assert run_query(store, whole, limit=2, offset=3).rows == run_query(store, whole).rows[3:5]
    with pytest.raises(QueryError, match="0 or more"):
        run_query(store, whole, offset=-1)


def test_run_query_cuts_rows_and_triples_to_the_limit(store):
    assert len(run_query(store, "SELECT ?s WHERE { ?s irkg:title ?t }", limit=2)) == 2
    assert len(run_query(store, "SELECT ?s WHERE { ?s irkg:title ?t } LIMIT 4", limit=2)) == 2
    assert len(run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", limit=3)) == 3
    assert run_query(store, "ASK { ?s ?p ?o }", limit=1) is True
    assert len(run_query(store, "SELECT ?s WHERE { ?s irkg:title ?t }", timeout=60)) == 5


def test_run_query_checks_syntax_before_running(store):
    with pytest.raises(QueryError, match=r"SPARQL syntax error at line 2, column \d+: .*\n  WHERE \{ \?s \?p \}\n +\^"):
        run_query(store, "SELECT ?s\nWHERE { ?s ?p }")


@pytest.mark.parametrize("timeout", [None, 60])
def test_an_evaluation_error_reaches_the_caller_from_the_worker_thread_too(store, timeout):
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="query failed: The port 9 is not allowed"):
        run_query(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", timeout=timeout)


# -- output ----------------------------------------------------------------------------

def rows_of(store) -> Rows:
    return run_query(store, "SELECT ?s ?t ?d ?missing WHERE { ?s irkg:title ?t OPTIONAL { ?s irkg:date ?d } "
                            "OPTIONAL { ?s irkg:nothing ?missing } } ORDER BY ?s LIMIT 2")


def test_table_aligns_prefixes_and_counts(store):
    table = format_result(rows_of(store), "table").splitlines()
    assert table[0].split() == ["s", "t", "d", "missing"]
    assert set(table[1].replace(" ", "")) == {"-"}
    assert table[2].split() == [EX + "s0", "title", "0", "2021-07-20"]
    assert table[-1] == "(2 rows)"
    one = run_query(store, "SELECT ?c WHERE { BIND(irkg:Meeting AS ?c) }")
    assert format_result(one).splitlines()[2:] == ["irkg:Meeting", "(1 row)"]


def test_long_cells_are_cut_and_newlines_flattened():
    rows = Rows(["x"], [{"x": ox.Literal("line\n" + "y" * 100)}])
    cell = format_result(rows).splitlines()[2]
    assert len(cell) == 80 and cell.startswith("line y") and cell.endswith("…")


@pytest.mark.parametrize("fmt,delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_give_plain_values(store, fmt, delimiter):
    parsed = list(csv.reader(io.StringIO(format_result(rows_of(store), fmt)), delimiter=delimiter))
    assert parsed == [["s", "t", "d", "missing"], [EX + "s0", "title 0", "2021-07-20", ""],
                      [EX + "s1", "title 1", "", ""]]


def test_json_is_sparql_results_that_read_back_as_the_same_rows(store):
    rows = rows_of(store)
    payload = json.loads(format_result(rows, "json"))
    assert payload["head"]["vars"] == ["s", "t", "d", "missing"]
    assert payload["results"]["bindings"][0]["d"] == {"type": "literal", "value": "2021-07-20",
                                                      "datatype": XSD + "date"}
    assert payload["results"]["bindings"][0]["t"] == {"type": "literal", "value": "title 0"}
    back = rows_from_json(payload)
    assert back.variables == rows.variables and back.rows == rows.rows


def test_ask_construct_and_unknown_formats(store):
    assert format_result(True) == "true\n" and format_result(False, "csv") == "false\n"
    assert json.loads(format_result(False, "json")) == {"head": {}, "boolean": False}
    triples = run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2")
    text = format_result(triples, "csv")
    assert text.count(" .\n") == 2 and len(list(ox.parse(text.encode(), ox.RdfFormat.N_TRIPLES))) == 2
    with pytest.raises(QueryError, match="unknown output format 'xml': use one of table, csv, tsv, json"):
        format_result(rows_of(store), "xml")


_TERMS = st.one_of(
    st.text(alphabet="abcé/:", min_size=1, max_size=10).map(lambda s: ox.NamedNode("http://example.org/#" + s)),
    st.text(alphabet="abc", min_size=1, max_size=5).map(ox.BlankNode),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=10).map(ox.Literal),
    st.tuples(st.text(max_size=5), st.sampled_from(["en", "ru", "zh-Hans"])).map(
        lambda t: ox.Literal(t[0], language=t[1])),
    st.tuples(st.text(alphabet="0123456789", max_size=5), st.sampled_from(["integer", "date", "boolean"])).map(
        lambda t: ox.Literal(t[0], datatype=ox.NamedNode(XSD + t[1]))),
)


@settings(max_examples=200, deadline=None)
@given(_TERMS)
def test_terms_go_to_json_and_back_unchanged(term):
    from kg.store.endpoint import term_from_json

    assert term_from_json(json.loads(json.dumps(term_to_json(term)))) == term


# -- kg.query for notebooks ------------------------------------------------------------

def test_ask_runs_text_files_and_library_queries_with_python_values(store, tmp_path):
    rows = ask.query(store, "SELECT ?s WHERE { ?s irkg:date ?d }", d=dt.date(2021, 7, 20))
    assert [r["s"].value for r in rows] == [EX + "s0"]
    assert len(ask.query(store, "SELECT ?s WHERE { ?s irkg:value ?v }", v=2.5)) == 1
    assert len(ask.query(store, "SELECT ?s WHERE { ?s irkg:title ?t }", limit=3)) == 3
    path = tmp_path / "titles.rq"
    path.write_text("# param: ?t — a title, title 3\nSELECT ?s WHERE { ?s irkg:title ?t }\n")
    assert [r["s"].value for r in ask.query(store, str(path), t="title 3")] == [EX + "s3"]
    assert ask.query(store, "transcripts_overview").variables[0] == "transcript"
    bound = ask.query(store, "SELECT ?s WHERE { ?s irkg:title ?t }", {"t": ox.Literal("title 1")})
    assert [r["s"].value for r in bound] == [EX + "s1"]


def test_python_values_become_the_text_a_param_option_takes():
    assert ask._text(dt.date(2021, 7, 20)) == "2021-07-20"
    assert ask._text(dt.datetime(2021, 7, 20, 10, 30)) == "2021-07-20"
    assert ask._text(True) == "true" and ask._text(5) == "5" and ask._text("x") == "x"
