"""The report's data and charts, and the three forms of a validation report, on hand-made inputs.

Charts are SVG, so they are parsed as XML and their bars measured; validation
reports are built from hand-made results and read back (JSON with json,
Turtle with rdflib), so each format is checked for what it must carry.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from kg.report.data import collect, read_model_card, summarise_validation
from kg.report.page import render_report
from kg.report.svg import STATUS_COLOURS, bar_chart, country_network, hbar_chart, stacked_chart
from kg.store.embedded import OxigraphStore
from kg.validation.report import (
    SH, ValidationReport, ValidationResult, compact, format_human, format_json, format_turtle,
)
from kg.validation.shacl import ValidationError, read_graph_files, validate_graphs

SVG = "{http://www.w3.org/2000/svg}"


def svg(text: str) -> ET.Element:
    return ET.fromstring(text.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def bars(text: str) -> list[ET.Element]:
    return [r for r in svg(text).iter(f"{SVG}rect") if r.get("class") == "bar"]


# --- the model card -------------------------------------------------------------------------


CARD = """# Model card

## Training data

| split | pages |
|---|---|
| train | 4000 |

## How good is it

Some prose.

| set | commitments F1 |
|:---|---:|
| dev | 0.70 |
| test | 0.65 |

### Evaluation on older sets
| set | F1 |
| --- | --- |
| dev2 | 0.80 |"""


def test_only_tables_under_score_headings_are_read_without_their_rules(tmp_path):
    card = tmp_path / "card.md"
    card.write_text(CARD, encoding="utf-8")
    assert read_model_card(card) == [
        ("How good is it", [["set", "commitments F1"], ["dev", "0.70"], ["test", "0.65"]]),
        ("Evaluation on older sets", [["set", "F1"], ["dev2", "0.80"]]),  # a table at the end of the file
    ]


def test_a_missing_card_or_one_without_tables_gives_nothing(tmp_path):
    assert read_model_card(tmp_path / "none.md") == []
    prose = tmp_path / "prose.md"
    prose.write_text("# Scores\n\nNo table here.\n", encoding="utf-8")
    assert read_model_card(prose) == []


# --- data from a store ---------------------------------------------------------------------------


def test_an_empty_store_gives_zeros_and_a_page_that_says_so():
    store = OxigraphStore(None)
    data = collect(store)
    assert data.totals["transcripts"] == 0 and (data.first, data.last) == (None, None)
    assert data.meetings_per_year == [] and data.partners == [] and data.figures == {}
    assert all(years == {} for years in data.commitments.values()) and data.followups == 0
    html = render_report(store, validate=False, title="<Mine & yours>")
    assert "<title>&lt;Mine &amp; yours&gt;</title>" in html
    assert re.findall(r'<section id="(\w+)"', html) == ["overview", "meetings", "network", "commitments",
                                                         "figures", "quality"]
    assert "No meetings between countries in the store." in html


def test_partners_are_ranked_and_figures_are_grouped_by_what_they_measure(dev_store):
    data = collect(dev_store, figures_per_topic=1, topics=2)
    counts = [n for _, _, n in data.partners]
    assert counts == sorted(counts, reverse=True)
    assert len(data.figures) <= 2 and all(len(rows) == 1 for rows in data.figures.values())
    sizes = [int(re.search(r"\((\d+) figures\)$", key).group(1)) for key in data.figures]
    assert sizes == sorted(sizes, reverse=True)
    years = [y for y, _ in data.meetings_per_year]
    assert years == sorted(years) and data.first <= data.last


def test_a_validation_summary_counts_and_keeps_the_five_commonest_messages():
    results = [_result(shape=f"irkgsh:S{i % 7}", message=f"message {i % 7}") for i in range(30)]
    results += [_result(severity="Warning", message="implausible")] * 3
    summary = summarise_validation(ValidationReport(results, graphs=4))
    assert (summary["graphs"], summary["violations"], summary["warnings"]) == (4, 30, 3)
    assert len(summary["top"]) == 5 and summary["top"][0][2] >= summary["top"][-1][2]
    assert ("Violation", "message 0", 5) in summary["top"]


# --- charts -------------------------------------------------------------------------------------


def test_bar_heights_are_proportional_to_the_values_under_a_round_top():
    chart = bar_chart([("2019", 3), ("2020", 6), ("2021", 0)], "Meetings <per> year")
    heights = [float(r.get("height")) for r in bars(chart)]
    assert len(heights) == 3 and heights[1] == pytest.approx(2 * heights[0]) and heights[2] == 0
    assert svg(chart).find(f"{SVG}title").text == "Meetings <per> year"  # escaped in the file, read back
    texts = [t.text for t in svg(chart).iter(f"{SVG}text")]
    assert texts[0] == "10"  # 6 rounds up to the next 1, 2, 2.5, 5 or 10 step


@pytest.mark.parametrize("top, axis", [(0, "1"), (0.3, "0.5"), (7, "10"), (19, "20"), (240, "250"), (2600, "5000")])
def test_the_axis_top_is_a_round_number_at_or_above_the_largest_value(top, axis):
    texts = [t.text for t in svg(bar_chart([("a", top)], "t")).iter(f"{SVG}text")]
    assert texts[0] == axis


def test_horizontal_bars_end_at_their_values():
    chart = hbar_chart([("Azerbaijan", 4), ("Kyrgyzstan", 2)], "Partners")
    widths = [float(r.get("width")) for r in bars(chart)]
    assert widths[0] == pytest.approx(2 * widths[1])
    labels = [t.text for t in svg(chart).iter(f"{SVG}text")]
    assert labels == ["Azerbaijan", "4", "Kyrgyzstan", "2"]


def test_stacked_bars_put_statuses_in_the_legends_order_from_the_bottom():
    chart = stacked_chart(["2020", "2021"], {"2020": {"planned": 2, "completed": 1}, "2021": {}}, "Supply")
    rects = bars(chart)
    assert [r.get("fill") for r in rects] == [STATUS_COLOURS["completed"], STATUS_COLOURS["planned"]]
    completed, planned = rects
    assert float(completed.get("y")) > float(planned.get("y"))  # completed sits lowest
    assert float(planned.get("height")) == pytest.approx(2 * float(completed.get("height")))
    assert [t.text for t in svg(chart).iter(f"{SVG}text")][-2:] == ["2020", "2021"]


def test_the_country_network_puts_the_busiest_country_in_the_middle():
    g = nx.Graph()
    for partner, weight in (("AZE", 3), ("KGZ", 1), ("SRB", 2)):
        g.add_edge("RUS", partner, weight=weight)
    g.nodes["RUS"]["label"] = "Russia"
    root = svg(country_network(g, "Network", width=1100, height=640))
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == 4 and len(list(root.iter(f"{SVG}line"))) == 3
    centre = circles[0]
    assert (float(centre.get("cx")), float(centre.get("cy"))) == (550.0, 320.0)
    assert centre.find(f"{SVG}title").text == "Russia: 6 meetings"
    radii = [float(c.get("r")) for c in circles]
    assert radii == sorted(radii, reverse=True)


# --- validation reports ----------------------------------------------------------------------------


def _result(graph="https://w3id.org/irkg/id/graph/a", source="a.txt", shape="irkgsh:Meeting-date",
            severity="Violation", focus="https://w3id.org/irkg/id/meeting/a", path="irkg:date", value=None,
            message="a meeting has one date", component="sh:MinCountConstraintComponent") -> ValidationResult:
    return ValidationResult(graph, source, shape, severity, focus, path, value, message, component)


def test_a_report_conforms_with_warnings_but_not_with_a_violation():
    report = ValidationReport([_result(severity="Warning")], graphs=1)
    assert report.conforms and (report.violations, report.warnings) == (0, 1)
    report.extend(ValidationReport([_result()], graphs=2, seconds=1.5))
    assert not report.conforms and report.graphs == 3 and report.seconds == 1.5


def test_json_carries_every_field_of_every_result():
    report = ValidationReport([_result(value='"1999-02-30"^^xsd:date'), _result(severity="Warning")], graphs=2)
    data = json.loads(format_json(report))
    assert (data["conforms"], data["graphs"], data["violations"], data["warnings"]) == (False, 2, 1, 1)
    assert data["results"][0]["value"] == '"1999-02-30"^^xsd:date' and data["results"][1]["value"] is None
    assert set(data["results"][0]) == {"graph", "source", "shape", "severity", "focus", "path", "value",
                                       "message", "component"}


def test_the_human_report_puts_violations_first_and_shows_a_few_of_each_shape():
    results = [_result(shape="irkgsh:Warned", severity="Warning", message="odd")] * 9
    results += [_result(source=f"p{i}.txt", focus=f"urn:x:{i}", value="v" * 150) for i in range(7)]
    text = format_human(ValidationReport(results, graphs=8, seconds=2.0), per_shape=3)
    lines = text.splitlines()
    assert lines[0] == ("8 graph(s) validated in 2.0 s with pyshacl: 7 violation(s), 9 warning(s) "
                        "— DOES NOT CONFORM")
    by_shape = lines[lines.index("By shape:") + 1: lines.index("By shape:") + 3]
    assert [line.split() for line in by_shape] == [["7", "Violation", "irkgsh:Meeting-date"],
                                                   ["9", "Warning", "irkgsh:Warned"]]
    assert text.index("[Violation] irkgsh:Meeting-date") < text.index("[Warning] irkgsh:Warned")
    assert text.count("  ... and 4 more\n") == 1 and text.count("  ... and 6 more\n") == 1
    assert "(in irkg:date) value " + "v" * 99 + "…" in text  # long values are cut
    assert "By transcript (8):" in text


def test_the_human_report_lists_at_most_twenty_transcripts():
    results = [_result(source=f"page-{i:02d}.txt") for i in range(25)]
    text = format_human(ValidationReport(results, graphs=25))
    assert "By transcript (25):" in text and "  ... and 5 more transcripts" in text


def test_a_conforming_report_is_one_line():
    assert format_human(ValidationReport([], graphs=3, seconds=0.04)) == (
        "3 graph(s) validated in 0.0 s with pyshacl: 0 violation(s), 0 warning(s) — conforms\n")


def test_turtle_is_a_shacl_report_that_parses_back():
    results = [_result(value="1999"), _result(severity="Warning", path=None, graph="local-file.ttl",
                                              focus="_:b0", component="sh:SPARQLConstraintComponent")]
    graph = rdflib.Graph().parse(data=format_turtle(ValidationReport(results, graphs=2)), format="turtle")
    sh = rdflib.Namespace(SH)
    [report] = graph.subjects(rdflib.RDF.type, sh.ValidationReport)
    assert graph.value(report, sh.conforms).toPython() is False
    items = list(graph.objects(report, sh.result))
    assert len(items) == 2
    severities = Counter(str(graph.value(i, sh.resultSeverity)) for i in items)
    assert severities == Counter({SH + "Violation": 1, SH + "Warning": 1})
    paths = {str(graph.value(i, sh.resultPath)) for i in items if graph.value(i, sh.resultPath) is not None}
    assert paths == {"https://w3id.org/irkg/ontology#date"}  # compact names expanded again
    see_also = [str(o) for i in items for o in graph.objects(i, rdflib.RDFS.seeAlso)]
    assert see_also == ["https://w3id.org/irkg/id/graph/a"]  # a file name is no IRI to point at
    shapes = {str(graph.value(i, sh.sourceShape)) for i in items}
    assert shapes == {"https://w3id.org/irkg/shapes#Meeting-date"}


@pytest.mark.parametrize("iri, short", [
    ("https://w3id.org/irkg/shapes#Meeting-date", "irkgsh:Meeting-date"),
    ("http://www.w3.org/ns/shacl#MinCountConstraintComponent", "sh:MinCountConstraintComponent"),
    ("https://w3id.org/irkg/ontology#date", "irkg:date"),
    ("http://xmlns.com/foaf/0.1/name", "foaf:name"),
    ("https://example.org/other", "https://example.org/other"),
])
def test_compact_names(iri, short):
    assert compact(iri) == short


# --- reading RDF files to validate ----------------------------------------------------------------


def test_a_triple_file_is_one_graph_named_by_its_path_and_quads_keep_their_graphs(tmp_path):
    turtle = tmp_path / "one.ttl"
    turtle.write_text("<urn:a> <urn:p> <urn:b> .\n<urn:a> <urn:p> <urn:c> .\n", encoding="utf-8")
    quads = tmp_path / "many.nq"
    quads.write_text("<urn:a> <urn:p> <urn:b> <urn:g1> .\n<urn:a> <urn:p> <urn:b> <urn:g2> .\n", encoding="utf-8")
    graphs = read_graph_files([turtle, quads])
    assert {name: len(triples) for name, triples in graphs.items()} == {str(turtle): 2, "urn:g1": 1, "urn:g2": 1}
    assert all(isinstance(t, ox.Triple) for t in graphs["urn:g1"])


def test_unknown_or_broken_rdf_files_are_one_error_naming_the_file(tmp_path):
    unknown = tmp_path / "data.csv"
    unknown.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"data\.csv: unknown RDF file type '\.csv'"):
        read_graph_files([unknown])
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:p> .\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"broken\.ttl: cannot read RDF"):
        read_graph_files([broken])
    with pytest.raises(ValidationError, match=r"missing\.ttl: cannot read RDF"):
        read_graph_files([tmp_path / "missing.ttl"])


def test_asking_for_a_graph_that_is_not_given_names_it():
    with pytest.raises(ValidationError, match="graph urn:nope is not among the graphs given: urn:g1"):
        validate_graphs({"urn:g1": []}, ["urn:nope"])
