"""The query library on the dev graph: headers, one assertion per query, safe parameters, errors, CLI.

Row assertions use facts of the dev gold files (the Russia -> Azerbaijan
vaccine supply of 100,000 doses, the meeting of 2021-07-20, Ilham Aliyev's
office), not whole tables, so better extraction does not break them.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import QueryError
from kg.model import COMMITMENT_TYPES
from kg.sparql.library import bind_params, format_result, list_queries, load_query, parse_query, run_query
from kg.store.sparql_text import check_syntax, insert_values

ID = "https://w3id.org/irkg/id/"
AZE_MEETING = ID + "meeting/2021-07-20-aze-rus-aliyev-putin"


def plain(term) -> str | None:
    """A term's text; the kremlin.ru pages put no-break spaces between words, read as plain spaces here."""
    return None if term is None else term.value.replace("\xa0", " ")


def rows(store, name: str, **params: str) -> list[dict[str, str]]:
    """A library query's rows as plain strings (IRIs and lexical forms)."""
    query = load_query(name)
    result = run_query(store, query.text, bind_params(query, params), timeout=30)
    return [{k: plain(v) for k, v in row.items()} for row in result]


# ---------------------------------------------------------------- the library itself

def test_library_has_at_least_15_queries_with_headers():
    queries = list_queries()
    assert len(queries) >= 15
    for query in queries:
        assert query.title and query.description, query.name
        check_syntax(query.text)
        for param in query.params:
            assert param.meaning and param.example, (query.name, param.name)
            assert f"?{param.name}" in query.text.split("\n", len(query.params) + 3)[-1]


def test_every_library_query_has_a_test_here():
    source = open(__file__, encoding="utf-8").read()
    missing = [q.name for q in list_queries() if f'"{q.name}"' not in source]
    assert not missing


def test_param_header_is_parsed():
    query = parse_query("# title: T\n# description: one\n# description: two\n"
                        "# param: ?from — earliest date, 2020-01-01\nSELECT * WHERE { ?s ?p ?from }")
    assert query.title == "T" and query.description == "one two"
    assert query.params[0].name == "from" and query.params[0].example == "2020-01-01"
    assert query.params[0].kind == "date"


# ---------------------------------------------------------------- one test per query, on the dev graph

def test_meetings_by_country(dev_store):
    found = rows(dev_store, "meetings_by_country", country="AZE")
    assert [(r["date"], r["meeting"], r["counterparts"]) for r in found] == [("2021-07-20", AZE_MEETING, "RUS")]
    russia = rows(dev_store, "meetings_by_country", country="RUS")
    assert AZE_MEETING in {r["meeting"] for r in russia} and len(russia) >= 4
    assert [r["date"] for r in russia] == sorted(r["date"] for r in russia)


def test_meetings_by_leader(dev_store):
    found = rows(dev_store, "meetings_by_leader", leader="aliyev")
    assert [(r["date"], r["name"]) for r in found] == [("2021-07-20", "Ilham Aliyev")]
    assert "Vladimir Putin" in found[0]["others"]


def test_meetings_between_countries(dev_store):
    found = rows(dev_store, "meetings_between_countries", a="RUS", b="AZE")
    assert [(r["meeting"], r["leadersA"], r["leadersB"]) for r in found] == \
        [(AZE_MEETING, "Vladimir Putin", "Ilham Aliyev")]
    assert rows(dev_store, "meetings_between_countries", a="AZE", b="AUS") == []


def test_tenures_by_meeting(dev_store):
    found = rows(dev_store, "tenures_by_meeting")
    assert {"date": "2021-07-20", "meeting": AZE_MEETING, "leader": "Ilham Aliyev",
            "office": "President", "country": "AZE"} in found
    assert all(r["country"] or r.get("organisation") for r in found)


def test_commitments_by_type_status_pair(dev_store):
    found = rows(dev_store, "commitments_by_type_status_pair")
    supply = [r for r in found if (r["type"], r["status"], r["by"], r["to"]) == ("Supply", "completed", "RUS", "AZE")]
    assert supply and int(supply[0]["commitments"]) >= 1
    assert {r["type"] for r in found} <= set(COMMITMENT_TYPES)


def test_commitments_by_country_pair(dev_store):
    found = rows(dev_store, "commitments_by_country_pair", by="RUS", to="AZE")
    vaccine = [r for r in found if r["type"] == "Supply" and r.get("value") == "100000"]
    assert vaccine and vaccine[0]["unit"] == "dose" and vaccine[0]["speaker"] == "Vladimir Putin"
    assert "100,000" in vaccine[0]["quote"] and vaccine[0]["date"] == "2021-07-20"
    assert len(found) == len({r["commitment"] for r in found}) or len(found) == len({tuple(r.items()) for r in found})


def test_supplies_with_quantities(dev_store):
    found = rows(dev_store, "supplies_with_quantities")
    assert {"supplier": "RUS", "recipient": "AZE", "item": "vaccine", "value": "100000", "unit": "dose"}.items() <= \
        next(r for r in found if r["value"] == "100000").items()
    values = [float(r["value"]) for r in found]
    assert values == sorted(values, reverse=True)


def test_vaccine_doses_by_recipient(dev_store):
    found = rows(dev_store, "vaccine_doses_by_recipient")
    aze = next(r for r in found if r["recipient"] == "AZE")
    assert aze["supplier"] == "RUS" and aze["fewestDoses"] == "100000" and int(aze["claims"]) >= 1


def test_joint_production_by_country_pair(dev_store):
    found = rows(dev_store, "joint_production_by_country_pair")
    assert any(r["by"] == "RUS" and r["to"] == "AZE" and r.get("item") == "vaccine" for r in found)


def test_agreements_signed(dev_store):
    found = rows(dev_store, "agreements_signed")
    assert found and all(r["quote"] for r in found)
    cis = [r for r in found if "free trade zone in the CIS" in r["quote"]]
    assert cis and (cis[0]["by"], cis[0]["to"], cis[0]["date"]) == ("RUS", "UKR", "2013-03-04")


def test_figures_by_country_pair(dev_store):
    found = rows(dev_store, "figures_by_country_pair", a="RUS", b="AZE")
    doses = {(r["value"], r["speaker"]) for r in found if r.get("unit") == "dose"}
    assert ("100000", "Vladimir Putin") in doses
    assert all(r["date"] == "2021-07-20" for r in found)


def test_disagreements_by_commitment(dev_store):
    found = rows(dev_store, "disagreements_by_commitment")
    vaccine = [r for r in found if r["item"] == "vaccine"]
    assert [(r["by"], r["to"], r["speaker1"], r["value1"], r["speaker2"], r["value2"]) for r in vaccine] == \
        [("RUS", "AZE", "Vladimir Putin", "100000", "Ilham Aliyev", "200000")]


def test_evidence_by_fact(dev_store):
    fact = next(r["commitment"] for r in rows(dev_store, "commitments_by_country_pair", by="RUS", to="AZE")
                if r.get("value") == "100000")
    found = rows(dev_store, "evidence_by_fact", fact=fact)
    assert len(found) == 1
    evidence = found[0]
    assert "100,000" in evidence["quote"] and evidence["speaker"] == "Vladimir Putin"
    assert evidence["source"].endswith("kremlin-2021-07-20-azerbaijan.txt")
    text = next(iter(dev_store.query("SELECT ?text WHERE { ?t rdf:value ?text }",
                                     {"t": ox.NamedNode(evidence["transcript"])})))["text"].value
    assert text[int(evidence["start"]):int(evidence["end"])].replace("\xa0", " ") == evidence["quote"]


def test_facts_by_quote_text(dev_store):
    found = rows(dev_store, "facts_by_quote_text", phrase="VACCINE")
    assert {"Supply", "Figure"} <= {r["kind"] for r in found}
    assert all("vaccine" in r["quote"].lower() for r in found)


def test_topics_by_meeting(dev_store):
    found = {r["meeting"]: r for r in rows(dev_store, "topics_by_meeting")}
    assert "health" in found[AZE_MEETING]["topics"]


def test_countries_most_met(dev_store):
    found = rows(dev_store, "countries_most_met")
    assert found[0]["country"] == "RUS" and int(found[0]["meetings"]) >= 5
    assert any(r["country"] == "AZE" and r["first"] == "2021-07-20" for r in found)


def test_leader_country_edges(dev_store):
    edges = {(r["name"], r["relation"], r["country"]) for r in rows(dev_store, "leader_country_edges")}
    assert ("Ilham Aliyev", "represents", "AZE") in edges
    assert ("Ilham Aliyev", "met", "RUS") in edges and ("Vladimir Putin", "met", "AZE") in edges
    assert ("Ilham Aliyev", "met", "AZE") not in edges


def test_promises_with_outcomes(dev_store):
    # the dev set has no promise kept in a later transcript (tests/test_followup.py builds one), so
    # every promise comes without an outcome
    found = rows(dev_store, "promises_with_outcomes", by="RUS")
    assert found and all(r["status"] in ("planned", "proposed") and "outcome" not in r for r in found)


def test_commitments_never_mentioned_again(dev_store):
    found = rows(dev_store, "commitments_never_mentioned_again", by="RUS")
    assert ("Visit", "AZE", "planned") in {(r["type"], r["to"], r["status"]) for r in found}
    assert all(r["by"] == "RUS" and r["status"] in ("planned", "proposed") for r in found)
    for r in rows(dev_store, "commitments_never_mentioned_again", by="AZE"):
        assert r["by"] == "AZE" and r["status"] in ("planned", "proposed")  # only open promises


def test_leaders_by_country(dev_store):
    found = rows(dev_store, "leaders_by_country", country="AZE")
    assert [(r["name"], r["office"], r["firstSeen"]) for r in found] == [("Ilham Aliyev", "President", "2021-07-20")]


def test_commitments_by_leader(dev_store):
    found = rows(dev_store, "commitments_by_leader", leader="Aliyev")
    assert found and {r["name"] for r in found} == {"Ilham Aliyev"}
    assert any(r["type"] == "Supply" and r.get("value") == "200000" for r in found)


def test_meetings_by_month(dev_store):
    found = {r["month"]: r for r in rows(dev_store, "meetings_by_month", **{"from": "2019-01-01"})}
    assert "2021-07" in found and "2013-03" not in found
    assert found["2020-04"]["calls"] == "1"
    everything = rows(dev_store, "meetings_by_month")
    assert "2013-03" in {r["month"] for r in everything}


def test_transcripts_overview(dev_store):
    found = rows(dev_store, "transcripts_overview")
    assert len(found) == 7
    aze = next(r for r in found if r["source"].endswith("kremlin-2021-07-20-azerbaijan.txt"))
    assert aze["date"] == "2021-07-20" and int(aze["commitments"]) >= 2 and int(aze["figures"]) >= 2


@pytest.mark.parametrize("name,params", [("transcripts_overview", {}), ("commitments_by_leader", {"leader": ""})])
def test_a_query_that_pages_gives_its_whole_answer_page_by_page(dev_store, name, params):
    # the library query ends with its page (LIMIT 500); --offset moves it, --limit shortens it
    query = load_query(name)
    assert query.text.rstrip().endswith("LIMIT 500") and "--offset 500" in query.description
    bindings = bind_params(query, params)
    whole = run_query(dev_store, query.text, bindings).rows
    pages = [run_query(dev_store, query.text, bindings, limit=3, offset=start).rows
             for start in range(0, len(whole) + 3, 3)]
    assert len(whole) > 6 and [row for page in pages for row in page] == whole


# ---------------------------------------------------------------- parameters are terms

INJECTION = 'AZE" } } ; DROP ALL ; INSERT DATA { <http://x/s> <http://x/p> "pwned" } #'


def test_injection_through_param_is_inert(dev_store):
    before = dev_store.count()
    assert rows(dev_store, "meetings_by_country", country=INJECTION) == []
    assert dev_store.count() == before
    echoed = run_query(dev_store, "SELECT ?v WHERE { BIND(?country AS ?v) }",
                       bind_params(parse_query("SELECT ?country WHERE {}"), {"country": INJECTION}))
    values = [r for r in echoed if "v" in r]
    assert values == [] or values[0]["v"].value == INJECTION


def test_values_block_keeps_a_hostile_value_one_literal():
    text = insert_values("# WHERE { in a comment\nSELECT ?x WHERE { ?x ?p ?country }",
                         {"country": ox.Literal(INJECTION)})
    check_syntax(text)
    store = ox.Store()
    result = store.query(text.replace("?x ?p ?country", "BIND(?country AS ?x)"))
    assert [s["x"].value for s in result] == [INJECTION]


def test_param_kinds_and_errors():
    query = load_query("meetings_by_month")
    term = bind_params(query, {"from": "2020-01-01"})["from"]
    assert term.datatype.value.endswith("#date")
    with pytest.raises(QueryError, match="not a valid date"):
        bind_params(query, {"from": "2020-01-01T00:00"})
    with pytest.raises(QueryError, match="has no parameter 'country'"):
        bind_params(query, {"country": "AZE"})
    assert isinstance(bind_params(load_query("evidence_by_fact"), {"fact": "<https://x.org/a>"})["fact"], ox.NamedNode)


# ---------------------------------------------------------------- errors

def test_syntax_error_names_line_and_column():
    with pytest.raises(QueryError, match=r"line 3, column \d+"):
        check_syntax("SELECT ?x\nWHERE {\n  ?x ?p FILTER( }")


def test_timeout_stops_a_long_query(dev_store):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
    with pytest.raises(QueryError, match="timed out after 0.05 s"):
        run_query(dev_store, slow, timeout=0.05)


# ---------------------------------------------------------------- CLI

def test_cli_queries_lists_titles_and_params(capsys):
    assert main(["queries"]) == 0
    out = capsys.readouterr().out
    for query in list_queries():
        assert query.name in out and query.title in out
    assert "--param country=..." in out


def test_cli_query_json_and_limit(dev_store_dir, capsys):
    code = main(["query", "meetings_by_country", "--param", "country=RUS", "-f", "json", "--limit", "2",
                 "--store", str(dev_store_dir)])
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["head"]["vars"][:2] == ["date", "meeting"]
    assert len(payload["results"]["bindings"]) == 2


def test_cli_query_expression_csv(dev_store_dir, capsys):
    code = main(["query", "-e", "SELECT ?name WHERE { ?p foaf:name ?name FILTER(CONTAINS(?name, 'Aliyev')) }",
                 "-f", "csv", "--store", str(dev_store_dir)])
    assert code == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["name", "Ilham Aliyev"]


def test_cli_query_syntax_error_exit_2(dev_store_dir, capsys):
    code = main(["query", "-e", "SELECT ?x WHERE {\n ?x ?p ?o\n FILTER( }", "--store", str(dev_store_dir)])
    assert code == 2
    err = capsys.readouterr().err
    assert "line 3, column" in err and "Traceback" not in err


def test_table_output_counts_rows(dev_store):
    query = load_query("leaders_by_country")
    table = format_result(run_query(dev_store, query.text, bind_params(query, {"country": "AZE"})), "table")
    assert "Ilham Aliyev" in table and table.rstrip().endswith("(1 row)")
