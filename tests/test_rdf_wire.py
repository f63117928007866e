"""Triples sent from a build's workers to its writer as N-Triples come back equal, in order."""

from __future__ import annotations

import pickle
from pathlib import Path

import pyoxigraph as ox

from kg.building.prepare import prepare
from kg.extract.pipeline import DEFAULT_PIPELINE
from kg.inputs.reader import read
from kg.rdf.mapping import DEFAULT_BASE
from kg.rdf.wire import pack, unpack

S = ox.NamedNode("https://example.org/s")
P = ox.NamedNode("https://example.org/p")
DEV = Path(__file__).parent / "data" / "dev"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_every_kind_of_object_comes_back_equal_and_in_order():
    objects = [ox.NamedNode("https://example.org/o"), ox.Literal("plain"), ox.Literal("Привет", language="ru"),
               ox.Literal("2021-07-20", datatype=ox.NamedNode(XSD + "date")),
               ox.Literal("12.5", datatype=ox.NamedNode(XSD + "decimal")),
               ox.Literal('a "quoted"\nline\twith \\ and \u00a0 and \U0001F600'), ox.Literal("")]
    triples = [ox.Triple(S, P, o) for o in objects]
    triples.append(triples[0])  # a repeat stays a repeat
    assert unpack(pack(triples)) == triples
    assert all(isinstance(t, ox.Triple) for t in unpack(pack(triples)))


def test_no_triples_is_empty_both_ways():
    assert pack([]) == b""
    assert unpack(b"") == []


def test_a_prepared_page_pickles_to_an_equal_one():
    transcript = next(read(str(DEV / "kremlin-2021-07-20-azerbaijan.txt")))
    prepared = prepare(transcript, None, DEFAULT_PIPELINE, DEFAULT_BASE, None)
    assert prepared.triples and prepared.shared
    back = pickle.loads(pickle.dumps(prepared))
    assert back.__dict__ == prepared.__dict__
