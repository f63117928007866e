"""A hand-built Document mapped, stored and read back with SPARQL gives the same facts."""

from __future__ import annotations

import json
from dataclasses import replace

from kg.eval.goldjson import document_to_gold
from kg.store.layout import write_transcript
from kg.rdf.mapping import map_document, reference_triples
from kg.model import Person
from kg.rdf.namespace import reference_graph_iri
from kg.eval.readback import list_transcripts, read_document_facts
from kg.store.embedded import OxigraphStore
from test_mapping import sample_document

FACT_KEYS = ("meeting", "participants", "countries", "commitments", "figures", "topics", "is_meeting")


def _canonical(facts: dict) -> dict:
    """Same facts, order-free: lists of dicts compared as sorted JSON."""
    out = {}
    for key in FACT_KEYS:
        value = facts[key]
        if isinstance(value, list):
            value = sorted(json.dumps(v, sort_keys=True) for v in value)
        out[key] = value
    return out


def _stored(*docs):
    store = OxigraphStore()
    store.replace_graph(reference_graph_iri(), reference_triples())
    mapped = [map_document(d) for d in docs]
    for m in mapped:
        write_transcript(store, m.graph, m.triples, m.shared)
    return store, mapped


def test_round_trip_gives_the_same_facts():
    doc = sample_document()
    store, (mapped,) = _stored(doc)
    found = read_document_facts(store, mapped.graph)
    assert _canonical(found) == _canonical(document_to_gold(doc))
    assert found["commitments"][0]["quote"].replace("\u00a0", " ").startswith("We plan to send")
    assert found["source"] == {"file": doc.transcript.source, "url": doc.transcript.url}


def test_round_trip_with_an_organisation_and_no_meeting():
    doc = sample_document()
    guterres = Person("António Guterres", "Secretary-General", organisation="United Nations")
    doc = replace(doc, is_meeting=False, participants=(doc.participants[0], guterres))
    store, (mapped,) = _stored(doc)
    found = read_document_facts(store, mapped.graph.value)
    assert _canonical(found) == _canonical(document_to_gold(doc))
    assert found["meeting"] is None


def test_facts_stay_in_their_own_graph():
    first = sample_document()
    text = first.transcript.text + "\n"
    second = replace(first, transcript=replace(first.transcript, text=text, sha256="f" * 64),
                     commitments=first.commitments[:1], figures=())
    store, (m1, m2) = _stored(first, second)
    assert len(read_document_facts(store, m1.graph)["commitments"]) == 4
    assert len(read_document_facts(store, m2.graph)["commitments"]) == 1
    listed = list_transcripts(store)
    assert [t["graph"] for t in listed] == sorted([m1.graph.value, m2.graph.value])
    assert {t["sha256"] for t in listed} == {first.transcript.sha256, "f" * 64}
    assert listed[0]["title"] == "Meeting with President of Azerbaijan Ilham Aliyev"
