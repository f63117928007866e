"""A build's bookkeeping on small batches: meetings joined, repeats, dates, checks, progress, pruning, workers.

The pages are short kremlin.ru-style transcripts written for these tests;
they are built with the rules reader into memory stores (or a store folder
where the record on disk matters), so each test stays well under a second.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.building.builder import build, build_transcripts
from kg.building.manifest import FILE_NAME, Manifest
from kg.building.result import BuildResult
from kg.building.sink import StoreSink
from kg.building.workers import Workers, process_map, window_for
from kg.errors import InputError, KgError
from kg.extract.pipeline import pipeline_for
from kg.inputs.reader import transcript_from_text
from kg.store.embedded import OxigraphStore

RULES = pipeline_for("rules")
PAGE = """Meeting with President of Serbia Aleksandar Vucic

June 23, 2020, The Kremlin, Moscow

Vladimir Putin held a meeting with President of Serbia Aleksandar Vucic.

Vladimir Putin: Mr President, we will deliver 2 million tonnes of wheat to Serbia.{extra}

Aleksandar Vucic: Thank you.
"""
UNDATED = "Some remarks\n\nThe President spoke about the weather.\n"


def page(name: str, extra: str = ""):
    return transcript_from_text(PAGE.format(extra=extra), name)


# --- counts of one build ---------------------------------------------------------------


@pytest.fixture(scope="module")
def batch() -> tuple[BuildResult, list[tuple[int, int, str]], OxigraphStore]:
    """Two reports of one meeting, a repeat of the first text, and an undated page."""
    calls: list[tuple[int, int, str]] = []
    store = OxigraphStore(None)
    items = [page("a.txt"), page("b.txt", " Welcome."), page("c.txt"), transcript_from_text(UNDATED, "u.txt")]
    result = build_transcripts(items, store, pipeline=RULES, total=len(items),
                               progress=lambda done, total, source: calls.append((done, total, source)))
    yield result, calls, store
    store.close()


def test_two_pages_of_one_meeting_count_one_meeting_and_one_join(batch):
    result, _, _ = batch
    assert (result.read, result.built, result.skipped, result.failed) == (4, 3, 1, 0)
    assert (result.meetings, result.joined, result.undated) == (1, 1, 1)
    assert result.ok and result.errors == [] and result.triples > 0


def test_progress_is_told_once_per_input_in_order(batch):
    _, calls, _ = batch
    assert calls == [(1, 4, "a.txt"), (2, 4, "b.txt"), (3, 4, "c.txt"), (4, 4, "u.txt")]


def test_the_summary_line_says_what_happened(batch):
    result, _, _ = batch
    line = result.summary()
    assert line.startswith("read 4, built 3, skipped 1, failed 0, meetings 1 (1 transcripts joined an existing meeting)")
    assert ", 1 without a date" in line and "unchanged" not in line and "removed" not in line
    assert line.endswith(" s")


def test_one_graph_per_built_text_and_the_shared_graphs(batch):
    _, _, store = batch
    names = {g.value.rsplit("/", 1)[-1] for g in store.graphs()}
    assert {"reference", "entities", "metadata"} <= names
    graphs = [g for g in store.graphs() if g.value.rsplit("/", 1)[-1] not in
              ("reference", "entities", "contributions", "metadata", "followups")]
    assert len(graphs) == 3


def test_a_meeting_already_in_the_store_is_joined_not_counted_again(batch):
    _, _, store = batch
    again = build_transcripts([page("d.txt", " Good afternoon.")], store, pipeline=RULES)
    assert (again.built, again.meetings, again.joined) == (1, 1, 1)


def test_summary_of_an_incremental_build():
    result = BuildResult(read=5, built=1, unchanged=4, removed=2, seconds=0.25)
    assert result.summary() == ("read 5, built 1, unchanged 4, skipped 0, failed 0, meetings 0, triples 0, "
                                "removed 2 old graph(s), 0.2 s")
    assert result.ok and not BuildResult(failed=1).ok


# --- errors and checks ----------------------------------------------------------------------


def test_an_unreadable_input_fails_alone_and_the_batch_goes_on():
    bad = InputError("broken.txt", "not text")
    result = build_transcripts([bad, page("a.txt")], OxigraphStore(None), pipeline=RULES)
    assert (result.read, result.built, result.failed) == (1, 1, 1)
    assert result.errors == [bad] and not result.ok


def _problems(doc, mapped) -> list[str]:
    return ["first problem", "second problem", "third problem"] if "Welcome" in doc.text else []


def test_a_strict_check_keeps_a_graph_with_problems_out_and_names_the_first_problem():
    store = OxigraphStore(None)
    result = build_transcripts([page("a.txt"), page("b.txt", " Welcome.")], store, pipeline=RULES,
                               check_factory=lambda: _problems, strict=True)
    assert (result.built, result.failed) == (1, 1)
    assert str(result.errors[0]) == "b.txt: graph does not conform: first problem (and 2 more)"
    assert result.warnings == []


def test_a_lenient_check_writes_the_graph_and_keeps_each_problem_as_a_warning():
    result = build_transcripts([page("a.txt"), page("b.txt", " Welcome.")], OxigraphStore(None), pipeline=RULES,
                               check_factory=lambda: _problems)
    assert (result.built, result.failed) == (2, 0)
    assert result.warnings == ["b.txt: first problem", "b.txt: second problem", "b.txt: third problem"]


def test_a_build_that_writes_nothing_leaves_no_build_record():
    store = OxigraphStore(None)
    result = build_transcripts([InputError("x.txt", "unreadable")], store, pipeline=RULES)
    assert result.built == 0
    activities = store.query("ASK { GRAPH ?g { ?a a <http://www.w3.org/ns/prov#Activity> } }")
    assert not bool(activities)


def test_a_build_that_writes_records_itself_as_an_activity_of_its_reader():
    store = OxigraphStore(None)
    build_transcripts([page("a.txt")], store, pipeline=RULES)
    rows = list(store.query("SELECT ?a WHERE { GRAPH ?g { ?a a <http://www.w3.org/ns/prov#Activity> } }"))
    assert len(rows) == 1


# --- folders on disk: the record, changes and pruning -------------------------------------------


def _write(folder: Path, name: str, extra: str = "") -> Path:
    path = folder / name
    path.write_text(PAGE.format(extra=extra), encoding="utf-8")
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))  # settled long ago
    return path


def test_a_store_folder_keeps_its_build_record_between_runs(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    _write(pages, "a.txt")
    _write(pages, "b.txt", " Welcome.")
    store_dir = tmp_path / "store"
    with OxigraphStore(store_dir) as store:
        first = build([str(pages)], store, pipeline=RULES)
    assert (store_dir / FILE_NAME).is_file() and first.built == 2
    with OxigraphStore(store_dir) as store:
        second = build([str(pages)], store, pipeline=RULES)
    assert (second.read, second.built, second.unchanged) == (2, 0, 2)
    assert "unchanged 2" in second.summary()


def test_changed_and_removed_files_replace_and_with_prune_drop_their_graphs(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    a = _write(pages, "a.txt")
    b = _write(pages, "b.txt", " Welcome.")
    store, manifest = OxigraphStore(None), Manifest(None)
    build([str(pages)], store, pipeline=RULES, manifest=manifest)
    count = len(store.graphs())
    _write(pages, "a.txt", " Changed.")
    changed = build([str(pages)], store, pipeline=RULES, manifest=manifest)
    assert (changed.built, changed.unchanged, changed.removed) == (1, 1, 1)
    assert len(store.graphs()) == count  # the old text's graph went, the new one came
    b.unlink()
    kept = build([str(pages)], store, pipeline=RULES, manifest=manifest)
    assert (kept.built, kept.removed, len(store.graphs())) == (0, 0, count)
    pruned = build([str(pages)], store, pipeline=RULES, manifest=manifest, prune=True)
    assert (pruned.built, pruned.removed, len(store.graphs())) == (0, 1, count - 1)
    assert a.exists()


def test_a_repeat_of_a_text_under_two_names_is_built_once(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    _write(pages, "a.txt")
    _write(pages, "copy-of-a.txt")
    result = build([str(pages)], OxigraphStore(None), pipeline=RULES)
    assert (result.read, result.built, result.skipped) == (2, 1, 1)


# --- worker pools -----------------------------------------------------------------------------


def _square(n: int) -> int:
    return n * n


def _fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n


def test_process_map_keeps_input_order():
    assert list(process_map(_square, range(12), 2, window=3)) == [n * n for n in range(12)]


def test_process_map_holds_at_most_a_window_of_items():
    pulled: list[int] = []

    def items():
        for n in range(50):
            pulled.append(n)
            yield n

    results = process_map(_square, items(), 2, window=5)
    assert next(results) == 0
    assert len(pulled) == 5  # the first result came back before a sixth item was sent
    assert next(results) == 1 and len(pulled) == 6
    assert list(results) == [n * n for n in range(2, 50)]


def test_an_exception_in_a_worker_comes_back_from_its_item():
    results = process_map(_fail_on_three, range(6), 2, window=2)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="three"):
        next(results)


@pytest.mark.skipif(os.name != "posix", reason="workers fork")
def test_workers_started_before_their_items_map_them_or_are_stopped():
    early = Workers(_square, 2)  # started while the build still looks for its pages
    assert list(early.map(iter(range(7)), window=3)) == [n * n for n in range(7)]
    early.stop()  # they end after the last item on their own; the build waits for them after its description
    assert early.first.exitcode == 0
    unused = Workers(_square, 2)  # a build that failed before its first page
    unused.stop()
    assert unused.first.exitcode is not None
    unused.stop()  # and again (the build's own stop after it): ended already


def test_the_window_grows_with_the_workers():
    assert [window_for(j) for j in (1, 2, 8)] == [4, 8, 32]


def test_parallel_and_serial_builds_of_a_small_batch_count_the_same():
    items = [page(f"{i}.txt", " Welcome." * i) for i in range(5)] + [page("0-again.txt", "")]
    serial = build_transcripts(items, OxigraphStore(None), pipeline=RULES, jobs=1)
    parallel = build_transcripts(items, OxigraphStore(None), pipeline=RULES, jobs=2)
    fields = ("read", "built", "skipped", "failed", "meetings", "joined", "triples")
    assert [getattr(parallel, f) for f in fields] == [getattr(serial, f) for f in fields]
    assert (serial.built, serial.skipped, serial.joined) == (5, 1, 4)


def test_the_dask_executor_without_a_scheduler_is_a_clear_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_distributed(name, *args, **kwargs):
        if name == "distributed":
            raise ImportError("no distributed here")
        return real_import(name, *args, **kwargs)

    from kg.building.workers import dask_map

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    with pytest.raises(KgError, match=r"pip install 'irkg\[dask\]'"):
        list(dask_map(_square, range(3), "tcp://127.0.0.1:1"))



class CountingSink(StoreSink):
    """A store sink that counts its flushes (the store is real, in memory)."""

    def __init__(self, store: OxigraphStore) -> None:
        super().__init__(store)
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def test_a_build_flushes_before_a_graph_that_would_pass_the_triples_bound(monkeypatch):
    import kg.building.builder as builder

    pages = [page(f"p{i}.txt", f" We will build {i} schools.") for i in range(3)]
    plain = CountingSink(OxigraphStore(None))
    build_transcripts(pages, plain, pipeline=RULES, jobs=1)
    monkeypatch.setattr(builder, "FLUSH_TRIPLES", 1)  # every graph has more: each after the first flushes first
    bounded = CountingSink(OxigraphStore(None))
    result = build_transcripts(pages, bounded, pipeline=RULES, jobs=1)
    assert result.built == 3
    assert bounded.flushes == plain.flushes + 2
    assert bounded.store.count() == plain.store.count()
