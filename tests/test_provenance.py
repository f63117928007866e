"""Provenance and licence: page URLs, no machine paths, licences and credit, builds, VoID/DCAT."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf import namespace as ns
from kg.building.builder import build, build_transcripts
from kg.store.export import export
from kg.inputs.html import html_to_page
from kg.inputs.paths import published_name
from kg.extract.pipeline import pipeline_for
from kg.inputs.publishers import CC_BY_4, PUBLIC_DOMAIN_MARK, publisher_for
from kg.inputs.reader import read, read_all
from kg.store.embedded import OxigraphStore
from kg.validation.shacl import validate_graphs, validate_store

DATA = Path(__file__).resolve().parent / "data"
DEV = DATA / "dev"
CONGO = "kremlin-2019-05-23-congo.txt"
SINGAPORE = "whitehouse-2022-03-29-singapore.txt"


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """Two transcripts in a folder with a kremlin-news style INDEX.json (one file) and a SOURCES.json."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in (CONGO, SINGAPORE):
        shutil.copy(DEV / name, folder / name)
    (folder / "INDEX.json").write_text(json.dumps({"files": [
        {"file": CONGO, "url": "http://en.kremlin.ru/events/president/news/60575"}]}))
    (folder / "SOURCES.json").write_text(json.dumps([
        {"name": SINGAPORE.removesuffix(".txt"), "url": "https://www.whitehouse.gov/briefing-room/x/"},
        {"name": "ignored", "url": "file:///etc/passwd"}]))
    return folder


def _store(folder: Path, reader: str = "rules") -> OxigraphStore:
    store = OxigraphStore(None)
    assert build([str(folder)], store, pipeline=pipeline_for(reader)).ok
    return store


def _values(store, sparql: str) -> list[str]:
    return sorted(r["v"].value for r in store.query(sparql))


def test_published_names_are_relative_to_the_input(tmp_path):
    file = tmp_path / "a" / "b.txt"
    file.parent.mkdir()
    file.write_text("x")
    assert published_name(str(file), str(tmp_path / "a")) == "a/b.txt"
    assert published_name(str(file), str(file)) == "b.txt"
    assert published_name(str(file), str(tmp_path / "a" / "*.txt")) == "b.txt"
    assert published_name("-", "-") == "-"


def test_urls_come_from_index_files_and_sources_are_relative(corpus):
    transcripts = {t.source: t for t in read_all([str(corpus)])}
    assert set(transcripts) == {f"pages/{CONGO}", f"pages/{SINGAPORE}"}
    assert transcripts[f"pages/{CONGO}"].url == "http://en.kremlin.ru/events/president/news/60575"
    assert transcripts[f"pages/{SINGAPORE}"].url == "https://www.whitehouse.gov/briefing-room/x/"
    assert next(read(str(corpus / CONGO))).source == CONGO


def test_html_canonical_link_wins_when_absolute_and_relative_ones_are_ignored():
    page = '<html><head><link rel="canonical" href="{}"><meta property="og:url" content="http://og/x"></head>' \
           '<body><p>Text.</p></body></html>'
    assert html_to_page(page.format("https://example.org/page")).url == "https://example.org/page"
    assert html_to_page(page.format("17622.html")).url == "http://og/x"
    assert next(read(str(DATA / "html" / "17622.html"))).url == "http://en.kremlin.ru/events/president/news/17622"


def test_publishers_by_host_or_layout():
    assert publisher_for("http://en.kremlin.ru/events/president/news/1").licence == CC_BY_4
    assert publisher_for("https://bidenwhitehouse.archives.gov/x").licence == PUBLIC_DOMAIN_MARK
    assert publisher_for("https://notkremlin.ru/x") is None
    assert publisher_for("https://example.org/x") is None
    assert publisher_for(None, "kremlin").key == "kremlin.ru"
    assert publisher_for(None, "plain") is None


def test_every_transcript_carries_url_licence_and_credit(corpus):
    store = _store(corpus)
    rows = list(store.query("""SELECT ?url ?licence ?credit ?holder ?page WHERE { ?t a irkg:Transcript ;
        irkg:url ?url ; dcterms:license ?licence ; cc:attributionName ?credit ; dcterms:publisher ?p ;
        prov:hadPrimarySource ?page . ?p foaf:name ?holder . OPTIONAL { ?t dcterms:rightsHolder ?r } }
        ORDER BY ?url"""))
    assert [(r["licence"].value, r["credit"].value, r["holder"].value) for r in rows] == [
        (CC_BY_4, "President of Russia, kremlin.ru", "President of Russia"),
        (PUBLIC_DOMAIN_MARK, "The White House", "The White House")]
    assert all(r["page"].value == r["url"].value for r in rows)
    assert _values(store, "SELECT ?v WHERE { ?t dcterms:rightsHolder ?v }") == [ns.publisher_iri("kremlin.ru").value]


def test_no_absolute_path_in_any_export_of_a_build_from_an_absolute_path(corpus):
    assert corpus.is_absolute()
    store = _store(corpus)
    for fmt in ("nquads", "turtle", "trig", "jsonld"):
        out = io.BytesIO()
        export(store, out, fmt)
        text = out.getvalue().decode("utf-8")
        assert str(corpus.parent) not in text, fmt
        assert "file:" not in text and "/tmp/" not in text, fmt
    assert _values(store, "SELECT ?v WHERE { ?t irkg:source ?v }") == [f"pages/{CONGO}", f"pages/{SINGAPORE}"]


def test_each_build_is_a_prov_activity_kept_across_builds(corpus):
    store = _store(corpus, reader="rules")
    assert build([str(corpus / CONGO)], store, pipeline=pipeline_for("rules")).ok
    rows = list(store.query("""SELECT ?a ?reader ?version (COUNT(?g) AS ?graphs) WHERE {
        ?a a prov:Activity ; irkg:reader ?reader ; prov:startedAtTime ?start ; prov:endedAtTime ?end ;
           prov:wasAssociatedWith/schema:softwareVersion ?version . OPTIONAL { ?a prov:generated ?g } }
        GROUP BY ?a ?reader ?version ORDER BY DESC(?graphs)"""))
    from kg import __version__
    assert [(r["reader"].value, r["version"].value, int(r["graphs"].value)) for r in rows] == [
        ("rules", __version__, 2), ("rules", __version__, 1)]
    latest = _values(store, "SELECT ?v WHERE { ?d a void:Dataset ; prov:wasGeneratedBy ?v }")
    assert len(latest) == 1 and latest[0] in {r["a"].value for r in rows}


def test_the_dataset_description_counts_the_store_and_conforms(corpus):
    store = _store(corpus)
    [row] = store.query("""SELECT ?triples ?licence ?meetings WHERE { ?d a void:Dataset, dcat:Dataset ;
        void:triples ?triples ; dcterms:license ?licence ; void:classPartition ?p .
        ?p void:class irkg:Meeting ; void:entities ?meetings }""")
    assert row["licence"].value == CC_BY_4  # CC BY and public domain texts: CC BY 4.0 for the whole
    assert int(row["meetings"].value) == 2
    assert abs(int(row["triples"].value) - store.count()) < 200  # counted before its own triples
    report = validate_store(store, [ns.metadata_graph_iri().value])
    assert report.graphs == 1 and report.results == []


def test_the_void_shape_catches_a_description_without_size_or_licence(corpus):
    store = _store(corpus)
    graph = ns.metadata_graph_iri().value
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in store.raw.quads_for_pattern(None, None, None, ox.NamedNode(graph))
               if q.predicate.value not in (ns.VOID + "triples", ns.DCTERMS + "license")]
    found = {(r.shape, r.severity) for r in validate_graphs({graph: triples}).results}
    assert found == {("irkgsh:Dataset-triples", "Violation"), ("irkgsh:Dataset-license", "Warning")}


def test_a_dataset_with_unlicensed_transcripts_gets_no_licence(tmp_path):
    (tmp_path / "mine.txt").write_text("Talks with the Prime Minister of Norway.\n\nThe two sides agreed to meet.\n")
    store = OxigraphStore(None)
    assert build_transcripts(read_all([str(tmp_path / "mine.txt")]), store).ok
    assert _values(store, "SELECT ?v WHERE { ?d a void:Dataset ; dcterms:license ?v }") == []
    assert _values(store, "SELECT ?v WHERE { ?t a irkg:Transcript ; dcterms:license ?v }") == []
