"""kg.store.metadata (VoID, DCAT, PROV through the Store protocol) and kg.rdf.jsonld as a round trip."""

from __future__ import annotations

import datetime as dt
import io
import json

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.inputs.publishers import CC_BY_4, PUBLIC_DOMAIN_MARK
from kg.store import metadata
from kg.rdf import namespace as ns
from kg.rdf.jsonld import compact, context, node_objects, write_jsonld
from kg.store.embedded import OxigraphStore
from kg.store.protocol import graph_triples

UTC = dt.timezone.utc
TYPE = ox.NamedNode(ns.RDF + "type")


def record(minute: int, graphs=("g1",)) -> metadata.BuildRecord:
    started = dt.datetime(2026, 11, 29, 14, minute, 7, tzinfo=UTC)
    return metadata.BuildRecord(started, started + dt.timedelta(seconds=30), "rules", "0.4.0",
                                [f"https://example.org/id/graph/{g}" for g in graphs])


def transcripts(store: OxigraphStore, licences: list[str | None]) -> None:
    """One transcript graph per licence (None: no licence known), each with a meeting."""
    triples = []
    for i, licence in enumerate(licences):
        node = ns.transcript_iri(f"t{i}")
        triples += [ox.Triple(node, TYPE, ns.irkg("Transcript")),
                    ox.Triple(ns.meeting_iri(None, [], f"t{i}"), TYPE, ns.irkg("Meeting"))]
        if licence:
            triples.append(ox.Triple(node, ox.NamedNode(ns.DCTERMS + "license"), ox.NamedNode(licence)))
            triples.append(ox.Triple(node, ox.NamedNode(ns.DCTERMS + "publisher"), ns.publisher_iri(licence[-8:])))
    store.replace_graph(ns.graph_iri("data"), triples)


def about(triples, subject: ox.NamedNode, predicate: str) -> list:
    return sorted((t.object for t in triples if t.subject == subject and t.predicate.value == predicate), key=str)


def test_build_keys_sort_by_time_and_differ_within_a_second():
    first, later = record(9), record(10)
    assert first.key() < later.key() and first.key().startswith("20261129T140907Z-")
    assert record(9, ("g1",)).key() != record(9, ("g2",)).key()
    local = dt.datetime(2026, 11, 29, 15, 9, 7, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    shifted = metadata.BuildRecord(local, local, "rules", "0.4.0", [])
    assert shifted.key().startswith("20261129T140907Z")  # always UTC


def test_activity_triples_say_who_ran_what_when():
    triples = metadata.activity_triples(record(9), "https://example.org/id/")
    activity = ns.build_iri(record(9).key(), "https://example.org/id/")
    software = ns.software_iri("0.4.0", "https://example.org/id/")
    assert about(triples, activity, ns.PROV + "startedAtTime")[0].value == "2026-11-29T14:09:07Z"
    assert about(triples, activity, ns.PROV + "endedAtTime")[0].value == "2026-11-29T14:09:37Z"
    assert about(triples, activity, ns.PROV + "wasAssociatedWith") == [software]
    assert about(triples, activity, ns.PROV + "generated") == [ox.NamedNode("https://example.org/id/graph/g1")]
    assert [o.value for o in about(triples, software, ns.SCHEMA + "softwareVersion")] == ["0.4.0"]


@pytest.mark.parametrize("licences,licence,rights", [
    ([CC_BY_4, CC_BY_4], CC_BY_4, False),
    ([CC_BY_4, PUBLIC_DOMAIN_MARK], CC_BY_4, False),
    ([PUBLIC_DOMAIN_MARK], PUBLIC_DOMAIN_MARK, False),
    ([CC_BY_4, None], None, True),
    (["https://example.org/other-licence"], None, True),
    ([], None, True),
])
def test_dataset_licence_follows_its_transcripts(licences, licence, rights):
    store = OxigraphStore(None)
    transcripts(store, licences)
    triples = metadata.dataset_triples(store)
    dataset = ns.dataset_iri()
    assert [o.value for o in about(triples, dataset, ns.DCTERMS + "license")] == ([licence] if licence else [])
    notes = about(triples, dataset, ns.DCTERMS + "rights")
    assert bool(notes) is rights
    if rights:
        unknown = sum(1 for x in licences if x is None)
        assert notes[0].value.startswith(f"{unknown} transcripts have no known licence")
    assert len(about(triples, dataset, ns.DCTERMS + "source")) == len({x for x in licences if x})


def test_dataset_counts_classes_examples_endpoint_and_dumps():
    store = OxigraphStore(None)
    transcripts(store, [CC_BY_4] * 4)
    dumps = [metadata.Dump("https://example.org/dumps/irkg.nq.gz", "application/n-quads", 123, "ab" * 32),
             metadata.Dump("https://example.org/dumps/irkg.ttl.gz", "text/turtle")]
    triples = metadata.dataset_triples(store, endpoint="https://example.org/sparql", dumps=dumps)
    dataset = ns.dataset_iri()
    assert about(triples, dataset, ns.VOID + "triples")[0].value == str(store.count())
    assert about(triples, dataset, ns.VOID + "classes")[0].value == "2"
    partition = ns.class_partition_iri("Meeting")
    assert [o.value for o in about(triples, partition, ns.VOID + "entities")] == ["4"]
    assert len(about(triples, dataset, ns.VOID + "exampleResource")) == 3
    assert about(triples, dataset, ns.VOID + "sparqlEndpoint") == [ox.NamedNode("https://example.org/sparql")]
    assert "4 transcripts" in about(triples, dataset, ns.DCTERMS + "description")[0].value
    nq = ox.NamedNode(dumps[0].url)
    assert [o.value for o in about(triples, nq, ns.DCAT + "byteSize")] == ["123"]
    assert [o.value for o in about(triples, nq, "http://spdx.org/rdf/terms#checksum")] == ["sha256:" + "ab" * 32]
    ttl = ox.NamedNode(dumps[1].url)
    assert about(triples, ttl, ns.DCAT + "byteSize") == []
    assert about(triples, ttl, ns.DCAT + "mediaType") == [
        ox.NamedNode("https://www.iana.org/assignments/media-types/text/turtle")]


def test_the_example_meetings_are_those_the_order_by_query_gives():
    """Read and ordered here for an embedded store, asked with ORDER BY of any other: the same three,
    whatever order they were written in, with IRIs that differ past ASCII and a blank node."""
    store = OxigraphStore(None)
    names = ["b", "a\u00e9", "a~", "A", "a", "\u4e2d", "a-z", "a/b", "ab"]
    meetings = [ox.NamedNode(f"https://example.org/id/meeting/{name}") for name in names] + [ox.BlankNode("m1")]
    graph = ox.NamedNode("https://example.org/id/graph/g")
    store.add_triples(graph, [ox.Triple(m, TYPE, ns.irkg("Meeting")) for m in meetings])
    expected = [row["m"] for row in store.query(metadata.EXAMPLES)]
    assert metadata.first_meetings(store) == expected and len(expected) == 3
    assert isinstance(expected[0], ox.BlankNode) and expected[1].value.endswith("/A")
    store.raw.remove(ox.Quad(ox.BlankNode("m1"), TYPE, ns.irkg("Meeting"), graph))
    assert metadata.first_meetings(store) == [row["m"] for row in store.query(metadata.EXAMPLES)]

def test_metadata_keeps_every_build_and_points_at_the_latest():
    store = OxigraphStore(None)
    transcripts(store, [CC_BY_4])
    metadata.write_metadata(store, record(9))
    metadata.write_metadata(store, record(10))
    description = metadata.write_metadata(store, None)  # a rewrite with no build, e.g. after `kg push`
    graph = ns.metadata_graph_iri()
    triples = graph_triples(store, graph)
    assert set(description) < set(triples)
    activities = {t.subject for t in triples if t.predicate == TYPE and t.object.value == ns.PROV + "Activity"}
    assert activities == {ns.build_iri(record(9).key()), ns.build_iri(record(10).key())}
    assert about(triples, ns.dataset_iri(), ns.PROV + "wasGeneratedBy") == [ns.build_iri(record(10).key())]
    assert set(triples) == set(metadata.history(store)) | set(description)  # nothing else is left in it
    # the description counts the store as it was before the description itself was added
    counted = int(about(triples, ns.dataset_iri(), ns.VOID + "triples")[0].value)
    description = store.count(graph) - len(metadata.history(store))
    assert counted == store.count() - description


def test_a_new_description_leaves_nothing_of_the_old_one():
    """The old description goes by what it names (the dataset, its class partitions and distributions):
    a class no longer held and a dump no longer given leave no triple behind; the builds stay."""
    store = OxigraphStore(None)
    transcripts(store, [CC_BY_4])
    extra = ox.NamedNode("https://example.org/id/graph/extra")
    store.replace_graph(extra, [ox.Triple(ox.NamedNode("https://example.org/id/x"), TYPE, ns.irkg("Commitment"))])
    dump = metadata.Dump("https://example.org/dumps/all.nq.gz", "application/n-quads", 10, "ab" * 32)
    old = metadata.write_metadata(store, record(9), dumps=[dump])
    assert any(t.subject.value == dump.url for t in old)
    assert any(t.object == ns.irkg("Commitment") for t in old)
    store.update(f"DROP GRAPH {extra}")
    description = metadata.write_metadata(store, record(10))
    triples = graph_triples(store, ns.metadata_graph_iri())
    assert set(triples) == set(metadata.history(store)) | set(description)
    assert not any(t.subject.value == dump.url or t.object == ns.irkg("Commitment") for t in triples)
    activities = {t.subject for t in triples if t.predicate == TYPE and t.object.value == ns.PROV + "Activity"}
    assert activities == {ns.build_iri(record(9).key()), ns.build_iri(record(10).key())}


def _fill(store: OxigraphStore) -> None:
    """Transcripts in five graphs and two more (licensed or not), one also typed in a second graph."""
    for i in range(5):
        store.replace_graph(ns.graph_iri(f"data{i}"), [
            ox.Triple(ns.transcript_iri(f"u{i}"), TYPE, ns.irkg("Transcript")),
            ox.Triple(ns.transcript_iri(f"u{i}"), ox.NamedNode(ns.DCTERMS + "license"), ox.NamedNode(CC_BY_4)),
            ox.Triple(ns.meeting_iri(None, [], f"m{i % 2}"), TYPE, ns.irkg("Meeting"))])
    store.replace_graph(ns.graph_iri("again"), [ox.Triple(ns.transcript_iri("u0"), TYPE, ns.irkg("Transcript"))])
    transcripts(store, [CC_BY_4, None])


def test_a_store_on_disk_is_counted_and_described_in_parts(tmp_path, monkeypatch):
    """A store on disk is counted a page of graphs or a class at a time and the activity added a batch
    at a time, the store reopened between: the counts of one query each, and the same graph."""
    from kg.store import census

    monkeypatch.setattr(census, "PAGE", 2)
    monkeypatch.setattr(census, "CLASS_PAGE", 3)
    monkeypatch.setattr(metadata, "ADD_BATCH", 3)
    memory = OxigraphStore(None)
    _fill(memory)
    graphs = [f"g{i}" for i in range(7)]
    with OxigraphStore(tmp_path / "store") as store:
        _fill(store)
        on_disk, in_memory = metadata.contents_of(store), metadata.contents_of(memory)
        assert sorted(on_disk.licences, key=str) == sorted(in_memory.licences, key=str)
        assert (on_disk.quads, on_disk.transcripts, on_disk.classes, on_disk.examples) == (
            in_memory.quads, 7, in_memory.classes, in_memory.examples)
        metadata.write_metadata(store, record(9))
        description = metadata.write_metadata(store, record(10, graphs))
        triples = graph_triples(store, ns.metadata_graph_iri())
        assert set(triples) == set(metadata.history(store)) | set(description)
        generated = about(triples, ns.build_iri(record(10, graphs).key()), ns.PROV + "generated")
        assert [g.value for g in generated] == sorted(f"https://example.org/id/graph/{g}" for g in graphs)
        counted = int(about(description, ns.dataset_iri(), ns.VOID + "triples")[0].value)
        assert counted == store.count() - len(description)  # all but the description itself


def test_history_of_an_empty_store_is_empty():
    assert metadata.history(OxigraphStore(None)) == []


# -- JSON-LD ------------------------------------------------------------------------

@pytest.mark.parametrize("iri,compacted", [
    (ns.ONTOLOGY_NS + "Meeting", "irkg:Meeting"),
    (ns.FOAF + "name", "foaf:name"),
    (ns.DEFAULT_BASE + "person/x", ns.DEFAULT_BASE + "person/x"),  # data IRIs stay whole
    (ns.DCTERMS + "a:b", ns.DCTERMS + "a:b"),  # would read as another prefix
    (ns.SCHEMA + "//x", ns.SCHEMA + "//x"),
    (ns.RDF, ns.RDF),  # no local name
    (ns.OWL + "a#b", ns.OWL + "a#b"),
    ("urn:x:y", "urn:x:y"),
])
def test_compact(iri, compacted):
    assert compact(iri) == compacted
    expanded = compacted
    if ":" in compacted and not compacted.startswith(("http", "urn")):
        prefix, local = compacted.split(":", 1)
        expanded = context()[prefix] + local
    assert expanded == iri


_LOCAL = st.text(alphabet="abcXYZ09-_.:/#", min_size=0, max_size=8)
def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


_IRIS = st.tuples(st.sampled_from(sorted(set(ns.PREFIXES.values())) + ["https://example.org/"]), _LOCAL).map(
    lambda t: t[0] + t[1]).filter(_is_iri)
_OBJECTS = st.one_of(
    _IRIS.map(ox.NamedNode),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=10).map(ox.Literal),
    st.tuples(st.text(max_size=5, alphabet="abc"), st.sampled_from(["en", "ru"])).map(
        lambda t: ox.Literal(t[0], language=t[1])),
    st.integers().map(ox.Literal),
    st.tuples(st.text(alphabet="abc12", max_size=5), _IRIS).map(
        lambda t: ox.Literal(t[0], datatype=ox.NamedNode(t[1]))),
)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(_IRIS, _IRIS, _OBJECTS, st.sampled_from(["g1", "g2", None])), max_size=10))
def test_write_jsonld_expands_to_the_quads_written(rows):
    store = ox.Store()
    for s, p, o, g in rows:
        graph = ox.NamedNode(ns.DEFAULT_BASE + "graph/" + g) if g else ox.DefaultGraph()
        store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, graph))
    out = io.BytesIO()
    write_jsonld(store, out)
    document = json.loads(out.getvalue())
    assert document["@context"] == ns.PREFIXES
    back = {str(q) for q in ox.parse(out.getvalue(), ox.RdfFormat.JSON_LD)}
    assert back == {str(q) for q in store}


def test_node_objects_group_by_subject_in_first_seen_order():
    a, b = ox.NamedNode(ns.DEFAULT_BASE + "a"), ox.NamedNode(ns.DEFAULT_BASE + "b")
    g = ox.DefaultGraph()
    quads = [ox.Quad(b, TYPE, ns.irkg("Meeting"), g), ox.Quad(a, TYPE, ns.irkg("Leader"), g),
             ox.Quad(b, ns.irkg("title"), ox.Literal("T"), g), ox.Quad(b, TYPE, ox.Literal("not a class"), g)]
    nodes = list(node_objects(quads))
    assert [n["@id"] for n in nodes] == [b.value, a.value]
    # a literal object of rdf:type is no class: it stays a property value
    assert nodes[0] == {"@id": b.value, "@type": ["irkg:Meeting"], "irkg:title": ["T"], "rdf:type": ["not a class"]}
    assert nodes[1] == {"@id": a.value, "@type": ["irkg:Leader"]}
