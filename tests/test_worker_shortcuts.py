"""The worker's shortcuts (issue 14) give what the longer way gave: the topic gate, the reader's blended
scores in one loop, the title's guest names read once, the quick check's component tests."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from itertools import islice

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.guests import title_guest_names
from kg.extract.learned_joint import blend, blended_scores, softmax
from kg.extract.topics import TOPIC_CUES, TOPICS, _pattern, topic_hits
from kg.model import Span
from test_commitments import make_doc

_WORDS = sorted({word for cues in TOPIC_CUES.values() for cue in cues for word in cue.split()}
                | {"warm", "aides", "support", "toil", "report", "the", "and", "of", "Russia", "wars", "gases"})


def _counted_by_regex(text: str, enough: int | None) -> dict[str, int]:
    lowered = text.lower()
    if enough is None:
        return {topic: len(_pattern(topic).findall(lowered)) for topic in TOPICS}
    return {topic: sum(1 for _ in islice(_pattern(topic).finditer(lowered), enough)) for topic in TOPICS}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from([None, 1, 2, 5]),
       st.sampled_from([" ", "-", "", ", "]))
def test_the_topic_gate_counts_what_every_regex_scan_counts(words, enough, joint):
    text = joint.join(words)
    assert topic_hits(text, enough) == _counted_by_regex(text, enough)


def test_a_text_without_a_topics_cues_counts_none_of_it_and_one_with_them_counts_them():
    hits = topic_hits("Oil and gas, the oil pipeline.", 5)
    assert hits["energy"] == 4 and hits["health"] == 0


def _blended_the_long_way(types, totals, share):
    def sigmoid(x):
        return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
    own = {t: sigmoid(v) for t, v in zip(types, totals)}
    return blend(own, softmax(totals[len(types):]), share)


def test_the_blended_scores_are_the_sigmoids_and_softmax_blended_to_the_last_bit():
    rng = random.Random(14)
    types = ("Supply", "Visit", "Agreement")
    for _ in range(2000):
        totals = [rng.uniform(-40.0, 40.0) * rng.choice((1e-3, 1.0, 3.0)) for _ in range(2 * len(types) + 1)]
        share = rng.choice((0.0, 0.25, 0.5, 1.0))
        fast = blended_scores(types, totals, share)
        assert list(fast.items()) == list(_blended_the_long_way(types, totals, share).items())
    assert blended_scores(types, [0.0] * 7, 0.5) == _blended_the_long_way(types, [0.0] * 7, 0.5)


@pytest.mark.parametrize("title, names", [
    ("Meeting with Federal Security Service Director Nikolai Patrushev", ["Nikolai Patrushev"]),
    ("Telephone conversation with President of France Emmanuel Macron", ["Emmanuel Macron"]),
    ("Russian-Indian talks", []),
])
def test_the_title_guest_names_are_the_same_asked_once_or_again(title, names):
    text = f"{title}\n\nThe talks were held in the Kremlin."
    doc = replace(make_doc((None, text)), title=Span(0, len(title)))
    first = title_guest_names(doc)
    assert first == names
    first.append("changed by the caller")  # each caller gets a list of its own
    assert title_guest_names(doc) == names


def test_the_quick_checks_tests_read_every_value():
    from kg.validation.fastcomponents import _in, _node_kind
    from rdflib import BNode, Graph, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    g = Graph()
    members = BNode()
    Collection(g, members, [URIRef("http://x/a"), URIRef("http://x/b")])

    class Check:
        shapes = g
    allowed = _in(Check, None, members, True)
    a, b, c = (ox.NamedNode(f"http://x/{n}") for n in "abc")
    assert allowed(None, None, [a, b, a]) and allowed(None, None, [])
    assert not allowed(None, None, [a, c])
    iri = _node_kind(Check, None, sh.IRI, True)
    assert iri(None, None, [a, b]) and not iri(None, None, [a, ox.Literal("x")])


def test_a_sentences_words_are_the_same_with_the_pages_mention_starts_given():
    from kg.extract.pipeline import component
    from kg.extract.reader_features import _abstract_words

    doc = make_doc((None, "Russia will supply 200 tonnes of grain to Egypt and Serbia. Egypt thanked Russia."))
    doc = component("countries")(doc)
    assert len(doc.countries) >= 4
    starts = [m.span.start for m in doc.countries]
    for sentence in doc.utterances[0].sentences:
        words = _abstract_words(doc, doc.text, sentence, starts)
        assert words == _abstract_words(doc, doc.text, sentence)
        assert "ctry" in words and "num" in words[:5] or words[0] == "ctry"


def test_a_reading_without_the_triples_the_model_weighs_nothing_scores_as_with_them_all():
    from pathlib import Path

    from kg.extract.learned import candidates, rule_commitments, shipped_reader
    from kg.extract.pipeline import pipeline_for, process
    from kg.extract.reader_features import page_features, trigram_heads
    from kg.inputs.reader import read_all
    from kg.inputs.text import normalise

    reader = shipped_reader()
    assert "b:will_supply" in trigram_heads({"t:will_supply_gas": 1.0, "b:a_b": 2.0}) and len(reader.heads) > 1000
    pages = sorted(Path(__file__).parent.joinpath("data", "dev").glob("*.txt"))[:12]
    before = pipeline_for("model")[:pipeline_for("model").index("commitments-model")]
    sentences = dropped = 0
    for transcript in read_all([str(p) for p in pages]):
        doc = process(transcript, None, before)
        found = candidates(doc, rule_commitments(doc).commitments)
        norm = normalise(doc.text)
        every = page_features(doc, found, norm, reader.clusters)
        for full, kept in zip(every, page_features(doc, found, norm, reader.clusters, reader.heads)):
            assert set(kept) <= set(full) and kept == sorted(kept)
            assert reader.scores(kept) == reader.scores(full)
            for kind in reader.types:
                assert reader.status(kept, kind) == reader.status(full, kind)
            sentences += 1
            dropped += len(full) - len(kept)
    assert sentences > 100 and dropped > sentences  # most sentences lose a triple or more
