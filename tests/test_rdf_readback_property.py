"""Map -> store -> read back, as a property: whatever commitments and figures a document holds, the
facts read back from the store with SPARQL are the document's (kg.rdf.mapping and kg.store.layout,
checked through kg.eval.readback)."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.eval.goldjson import document_to_gold
from kg.eval.readback import read_document_facts
from kg.model import COMMITMENT_TYPES, STATUSES, Commitment, Figure, Quantity, Span
from kg.store.layout import write_transcript
from kg.rdf.mapping import map_document, reference_triples
from kg.rdf.namespace import reference_graph_iri
from kg.store.embedded import OxigraphStore
from test_mapping import ALIYEV, PUTIN, sample_document

FACT_KEYS = ("meeting", "participants", "countries", "commitments", "figures", "topics", "is_meeting")


@lru_cache(maxsize=1)
def _document():
    return sample_document()


@lru_cache(maxsize=1)
def _reference():
    return reference_triples()


def _canonical(facts: dict) -> dict:
    return {key: sorted(json.dumps(v, sort_keys=True) for v in facts[key]) if isinstance(facts[key], list)
            else facts[key] for key in FACT_KEYS}


def _spans(text_length: int):
    return st.tuples(st.integers(0, text_length - 1), st.integers(1, 200)).map(
        lambda t: Span(t[0], min(text_length, t[0] + t[1])))


_COUNTRIES = st.sampled_from([None, "RUS", "AZE", "TUR"])
_QUANTITIES = st.none() | st.builds(Quantity, st.sampled_from([1, 2.5, 100000, 0.001, 7e9]),
                                    st.sampled_from([None, "dose", "percent", "tonne"]),
                                    st.sampled_from([None, "over", "about"]))


def _commitments(length: int):
    return st.builds(Commitment, st.sampled_from(COMMITMENT_TYPES), _COUNTRIES, _COUNTRIES, st.sampled_from(STATUSES),
                     _spans(length), st.sampled_from([0, 1]), st.sampled_from([PUTIN, ALIYEV, None]),
                     st.sampled_from([None, "vaccine", "gas"]), _QUANTITIES,
                     st.sampled_from([None, "Declaration on Allied Interaction"]))


def _figures(length: int):
    return st.builds(Figure, _QUANTITIES.filter(lambda q: q is not None), st.sampled_from([None, "trade"]),
                     _spans(length), st.sampled_from([0, 1]), st.sampled_from([PUTIN, ALIYEV, None]))


_LENGTH = len(sample_document().text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_commitments(_LENGTH), max_size=5), st.lists(_figures(_LENGTH), max_size=3), st.booleans())
def test_facts_read_back_are_the_facts_mapped(commitments, figures, is_meeting):
    doc = replace(_document(), commitments=tuple(commitments), figures=tuple(figures), is_meeting=is_meeting)
    store = OxigraphStore(None)
    store.replace_graph(reference_graph_iri(), _reference())
    mapped = map_document(doc)
    write_transcript(store, mapped.graph, mapped.triples, mapped.shared)
    found = read_document_facts(store, mapped.graph)
    assert _canonical(found) == _canonical(document_to_gold(doc))
    assert len(found["commitments"]) == len(commitments) and len(found["figures"]) == len(figures)
