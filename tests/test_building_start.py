"""The start of a build: workers loading what their pages read before the first one (their heap frozen
after), and the scan's look-up of files the record knows."""

from __future__ import annotations

import gc
import os
import time

import pytest

from kg.building.prepare import _worker, start_worker
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
    states = list(process_map(_state_of_worker, range(4), 2, initializer=start_worker, initargs=options))
    assert states == [(True, True, ["made in the worker"], 1, True, model)] * 4


def test_pool_workers_start_without_a_check_when_none_is_asked():
    options = (None, pipeline_for("rules"), "https://example.org/", None)
    checks = list(process_map(_check_of_worker, range(2), 2, initializer=start_worker, initargs=options))
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


def test_known_file_gives_the_graph_and_whether_it_is_current_and_saw_again_keeps_the_source():
    manifest = Manifest(None)
    manifest.saw("a.txt", "graph/1", (1, 10))
    manifest.built("graph/1", "v1", checked=True, problems=0)
    manifest.saw("b.txt", "graph/2", (2, 20))  # recorded, but its graph never built
    assert manifest.known_file("a.txt", (1, 10), "v1", checked=True, strict=False) == ("graph/1", True)
    assert manifest.known_file("a.txt", (1, 10), "v2", checked=False, strict=False) == ("graph/1", False)
    assert manifest.known_file("a.txt", (1, 11), "v1", checked=False, strict=False) == (None, False)
    assert manifest.known_file("b.txt", (2, 20), "v1", checked=False, strict=False) == ("graph/2", False)
    manifest.begin()  # the next build gives a.txt as it was, and not b.txt
    manifest.saw_again("a.txt")
    manifest.forget_unseen()
    assert manifest.droppable() == ["graph/2"]
    assert manifest.known_file("a.txt", (1, 10), "v1", checked=True, strict=False) == ("graph/1", True)
    manifest.close()


def _note_start(path: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()}\n")


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)  # long enough that each worker takes items: the second is forked, not started afresh
    return os.getpid()


def test_the_initializer_runs_once_and_the_other_workers_are_forked_from_it(tmp_path):
    started = tmp_path / "started"
    pids = list(process_map(_pid_after, [0.2] * 6, 2, initializer=_note_start, initargs=(str(started),)))
    assert len(started.read_text().split()) == 1  # loaded once, not once per worker
    assert len(set(pids)) == 2


def _fail_to_start() -> None:
    raise ValueError("no model")


def test_an_error_of_the_initializer_comes_back_from_the_first_item():
    with pytest.raises(ValueError, match="no model"):
        list(process_map(_square, range(3), 2, initializer=_fail_to_start))


def _square(n: int) -> int:
    return n * n


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_workers_stop_when_the_writer_stops_reading():
    results = process_map(_pid_after, [0.05] * 40, 2, window=4)
    pids = {next(results) for _ in range(6)}
    results.close()  # the writer gave up (an error of its own, ^C): no worker may be left running
    assert pids and not _still_running(pids)


def _still_running(pids: set[int], grace: float = 10.0) -> list[int]:
    """The pids still running once ``grace`` seconds have passed: a signal ends a process only when it is next
    scheduled, which on a loaded machine is not at once; a worker that never ends is still caught."""
    deadline = time.monotonic() + grace
    while (running := [pid for pid in pids if _running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie, ended and not yet reaped by its parent, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_the_loading_makes_what_a_first_page_would_make_so_forked_workers_share_it():
    from kg.building.warm import load_extractors
    from kg.extract.learned import shipped_reader
    from kg.validation.shacl import build_check

    load_extractors(pipeline_for("model"))
    reader = shipped_reader()
    assert not reader.joint or "_with_joint" in vars(reader)  # the joined rows, made at the first sentence
    check = build_check("https://example.org/")
    assert "quick" in vars(check.__self__)  # the shapes compiled to Python, made at the first graph
    assert check.__self__.quick.conforms([])
