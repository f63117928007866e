"""A build worker's start: what its pages read, loaded before the first one, with its heap frozen after."""

from __future__ import annotations

import gc

from kg.building.builder import _start_worker, _worker
from kg.building.manifest import Manifest
from kg.building.workers import process_map
from kg.extract.pipeline import pipeline_for


def _make_check():
    return lambda doc, mapped: ["made in the worker"]


def _state_of_worker(_: int) -> tuple:
    from kg.extract.learned import shipped_reader
    from kg.people.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    return (gc.get_freeze_count() > 0, gc.isenabled(), _worker["check"](None, None),
            shipped_reader.cache_info().currsize, gazetteer.officeholders() is gazetteer.officeholders(),
            _worker["pipeline"])


def test_pool_workers_start_with_the_model_and_check_loaded_and_their_heap_frozen():
    model = pipeline_for("model")
    options = (None, model, "https://example.org/", _make_check)
    states = list(process_map(_state_of_worker, range(4), 2, initializer=_start_worker, initargs=options))
    assert states == [(True, True, ["made in the worker"], 1, True, model)] * 4


def test_pool_workers_start_without_a_check_when_none_is_asked():
    options = (None, pipeline_for("rules"), "https://example.org/", None)
    checks = list(process_map(_check_of_worker, range(2), 2, initializer=_start_worker, initargs=options))
    assert checks == [None, None]


def _check_of_worker(_: int) -> object:
    return _worker["check"]


def test_manifest_counts_the_sources_it_knows():
    manifest = Manifest(None)
    assert manifest.source_count() == 0
    manifest.saw("a.txt", "graph/1", (10, 1))
    manifest.saw("b.txt", "graph/1", (10, 2))
    manifest.saw("a.txt", "graph/2", (11, 3))  # the same source with another text: still one source
    assert manifest.source_count() == 2
    manifest.close()
