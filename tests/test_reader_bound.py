"""The reader's bound (kg.extract.reader_bound): a sentence it passes over gives nothing, and the reader
decides the same with and without it."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest

from kg.extract.learned import Reading, candidates, decide, read_commitments, rule_commitments, shipped_reader
from kg.extract.reader_bound import (
    MARGIN, kinds_held, may_reach, to_read, word_tables, word_totals,
)
from kg.extract.reader_features import (
    _abstract_words, page_features, plain_extras, rule_features, sentence_extras,
)
from kg.inputs.text import normalise


@lru_cache(maxsize=1)
def _dev_docs() -> tuple:
    from kg.extract.pipeline import pipeline_for, process
    from kg.inputs.reader import read_all

    pages = sorted(Path(__file__).parent.joinpath("data", "dev").glob("*.txt"))[:12]
    before = pipeline_for("model")[:pipeline_for("model").index("commitments-model")]
    return tuple(process(transcript, None, before) for transcript in read_all([str(p) for p in pages]))


def _unbounded(reader):
    """The same model without its word tables: every sentence read in full, as before the bound."""
    plain = replace(reader)
    plain.__dict__["word_tables"] = None  # the cached property, answered before it is asked
    return plain


def test_the_reader_decides_the_same_with_the_bound_as_reading_every_sentence():
    reader = shipped_reader()
    assert reader.word_tables is not None
    found = 0
    for doc in _dev_docs():
        bounded = read_commitments(doc, reader)
        assert bounded == read_commitments(doc, _unbounded(reader))
        found += len(bounded)
    assert found > 20


def test_the_word_sums_are_the_readers_sums_and_a_passed_over_sentence_gives_nothing():
    reader = shipped_reader()
    tables = reader.word_tables
    sentences = passed = 0
    for doc in _dev_docs():
        norm = normalise(doc.text)
        found = candidates(doc, rule_commitments(doc).commitments)
        bound = to_read(doc, norm, tables, reader.joint_blend, reader.clusters, reader.heads)
        read = {candidate.sentence for candidate, _ in bound}
        for candidate, features in zip(found, page_features(doc, found, norm, reader.clusters)):
            exact = [sum(column) for column in zip(*filter(None, map(reader._with_joint.get, features)))]
            words = _abstract_words(doc, norm, candidate.sentence)
            quick = word_totals(tables, words, sentence_extras(doc, candidate, norm))
            assert quick == pytest.approx(exact, abs=1e-12)
            sentences += 1
            if candidate.sentence in read:
                continue
            passed += 1
            reading = Reading(candidate, features, reader.scores(features))
            for kind in reader.types:
                assert decide(reading, kind, reader.keep[kind], reader.propose[kind], lambda: 1 / 0) == []
                assert reading.scores[kind] < min(reader.keep[kind], reader.propose[kind]) - MARGIN
    assert sentences > 100 and passed > sentences // 2  # most sentences are passed over


def test_the_hits_bound_holds_the_hits_a_sentence_has():
    reader = shipped_reader()
    tables = reader.word_tables
    with_hits = 0
    for doc in _dev_docs():
        norm = normalise(doc.text)
        for candidate in candidates(doc, rule_commitments(doc).commitments):
            if not candidate.rules:
                continue
            with_hits += 1
            kinds = kinds_held(norm[candidate.sentence.start:candidate.sentence.end])
            assert {hit.type for hit in candidate.rules} <= kinds
            words = _abstract_words(doc, norm, candidate.sentence)
            bare = word_totals(tables, words, plain_extras(doc, candidate.utterance))
            full = word_totals(tables, words, plain_extras(doc, candidate.utterance) + rule_features(candidate.rules))
            # what the hits add, per type and per softmax gap, is within the bound
            width = len(reader.types)
            added = [full[i] - bare[i] for i in range(width)] + \
                [(full[width + 1 + i] - full[width]) - (bare[width + 1 + i] - bare[width]) for i in range(width)]
            bound = tables.unread_bound(kinds, False)
            assert all(a <= b + 1e-12 for a, b in zip(added, bound))
            if may_reach(tables, full, reader.joint_blend):
                assert may_reach(tables, bare, reader.joint_blend, bound)
    assert with_hits > 10


def test_a_floor_the_margin_does_not_fit_under_never_passes_a_sentence_over():
    rows = {"bias": (-9.0, -9.0, 0.0, -9.0, -9.0), "w:gas": (0.5, 0.5, 0.0, 0.5, 0.5)}
    tables = word_tables(("A", "B"), rows, [0.0, 0.3])
    assert may_reach(tables, word_totals(tables, ["gas"], ["bias"]), 0.5)  # a floor of 0: every score reaches it
    tables = word_tables(("A", "B"), rows, [0.2, 0.3])
    assert not may_reach(tables, word_totals(tables, ["gas"], ["bias"]), 0.5)
    assert word_totals(tables, ["gas", "gas"], ["bias"]) == [-8.5, -8.5, 0.0, -8.5, -8.5]  # a word counted once
