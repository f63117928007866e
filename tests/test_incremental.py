"""Incremental builds: unchanged texts are skipped unparsed, changed ones replace their own graph only;
workers started before the files are listed, and the reader version read from the store's seal."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import kg.building.builder
import kg.building.prepare
import kg.building.incremental
import kg.building.manifest
import kg.building.nochange
from kg.building.builder import build
from kg.building.workers import Workers
from kg.cli import main
from kg.building.manifest import Manifest, reader_version, recorded_sources, version_stamp
from kg.building.nochange import sealed_version
from kg.extract.pipeline import pipeline_for
from kg.store.embedded import OxigraphStore

DEV = Path(__file__).resolve().parent / "data" / "dev"


def _quads(store: OxigraphStore) -> list[str]:
    """Every quad but the metadata graph's (which records when each build ran)."""
    return sorted(str(q) for q in store.raw if not q.graph_name.value.endswith("/graph/metadata"))


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """Three dev transcripts in a folder of their own, to change and remove."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for path in sorted(DEV.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def _fresh_build(folder: Path, **options) -> list[str]:
    store = OxigraphStore(None)
    build([str(folder)], store, **options)
    return _quads(store)


def test_unchanged_transcripts_are_skipped_without_being_parsed(pages, monkeypatch):
    store, manifest = OxigraphStore(None), Manifest(None)
    first = build([str(pages)], store, manifest=manifest)
    before = _quads(store)

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged transcript was parsed")

    monkeypatch.setattr(kg.building.prepare, "process", refuse)
    again = build([str(pages)], store, manifest=manifest)
    assert (first.built, again.built, again.unchanged, again.read) == (3, 0, 3, 3)
    assert _quads(store) == before
    assert "unchanged 3" in again.summary()


def test_a_changed_text_replaces_only_its_own_graph(pages):
    store, manifest = OxigraphStore(None), Manifest(None)
    build([str(pages)], store, manifest=manifest)
    changed = sorted(pages.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAn added closing line.\n", encoding="utf-8")
    result = build([str(pages)], store, manifest=manifest)
    assert (result.built, result.unchanged, result.removed) == (1, 2, 1)
    assert _quads(store) == _fresh_build(pages)


def test_a_changed_date_moves_the_day_its_claims_were_stated(pages):
    # irkg:statedOn lives in the transcript's graph, so rebuilding the transcript rewrites it
    store, manifest = OxigraphStore(None), Manifest(None)
    build([str(pages)], store, manifest=manifest)
    page = next(p for p in pages.iterdir() if "2019-03-28" in p.name)
    page.write_text(page.read_text(encoding="utf-8").replace("March 28, 2019", "March 29, 2019", 1), encoding="utf-8")
    assert build([str(pages)], store, manifest=manifest).built == 1
    days = store.query("""SELECT DISTINCT ?day WHERE { GRAPH ?g { ?claim irkg:statedOn ?day ;
        irkg:inTranscript ?t . ?t irkg:source ?source FILTER(CONTAINS(?source, "kyrgyzstan")) } }""")
    assert [row["day"].value for row in days] == ["2019-03-29"]
    assert _quads(store) == _fresh_build(pages)


def test_prune_drops_the_graphs_of_files_no_longer_given(pages):
    store, manifest = OxigraphStore(None), Manifest(None)
    build([str(pages)], store, manifest=manifest)
    sorted(pages.iterdir())[0].unlink()
    kept = build([str(pages)], store, manifest=manifest)
    shared = ("/graph/reference", "/graph/entities", "/graph/contributions", "/graph/metadata")
    transcripts = [g for g in store.graphs() if not g.value.endswith(shared)]
    assert kept.removed == 0 and len(transcripts) == 3  # without --prune the old graph stays
    pruned = build([str(pages)], store, manifest=manifest, prune=True)
    assert (pruned.built, pruned.removed) == (0, 1)
    assert _quads(store) == _fresh_build(pages)


def test_a_text_given_by_two_files_stays_while_one_of_them_does(pages):
    store, manifest = OxigraphStore(None), Manifest(None)
    first = sorted(pages.iterdir())[0]
    shutil.copy(first, pages / "copy.txt")
    build([str(pages)], store, manifest=manifest)
    first.write_text(first.read_text(encoding="utf-8") + "\nChanged.\n", encoding="utf-8")
    result = build([str(pages)], store, manifest=manifest)
    assert (result.built, result.removed) == (1, 0)  # copy.txt still gives the old text


def test_rebuild_and_a_new_reader_version_build_everything_once(pages):
    store, manifest = OxigraphStore(None), Manifest(None)
    build([str(pages)], store, manifest=manifest)
    assert build([str(pages)], store, manifest=manifest, rebuild=True).built == 3
    rules = pipeline_for("rules")
    assert build([str(pages)], store, manifest=manifest, pipeline=rules).built == 3
    assert build([str(pages)], store, manifest=manifest, pipeline=rules).unchanged == 3


def test_a_graph_missing_from_the_store_is_built_again(pages):
    store, manifest = OxigraphStore(None), Manifest(None)
    build([str(pages)], store, manifest=manifest)
    graph = next(g for g in store.graphs() if "reference" not in g.value)
    store.update(f"DROP GRAPH {graph}")
    result = build([str(pages)], store, manifest=manifest)
    assert (result.built, result.unchanged) == (1, 2)


def test_a_build_that_validates_rebuilds_graphs_built_without_validation(pages):
    from functools import partial

    from kg.rdf.mapping import DEFAULT_BASE
    from kg.validation.shacl import build_check

    store, manifest = OxigraphStore(None), Manifest(None)
    build([str(pages)], store, manifest=manifest)
    check = partial(build_check, DEFAULT_BASE)
    assert build([str(pages)], store, manifest=manifest, check_factory=check).built == 3
    assert build([str(pages)], store, manifest=manifest, check_factory=check).unchanged == 3
    assert build([str(pages)], store, manifest=manifest).unchanged == 3


def test_reader_version_follows_the_model_file_and_the_pipeline(tmp_path):
    model = tmp_path / "model.json"
    model.write_text("{}")
    one = reader_version(pipeline_for("model"), None, str(model))
    model.write_text('{"changed": 1}')
    reader_version.cache_clear()
    assert reader_version(pipeline_for("model"), None, str(model)) != one
    assert reader_version(pipeline_for("rules")) != reader_version(pipeline_for("model"))
    assert reader_version(pipeline_for("rules")) != reader_version(pipeline_for("rules"), "kremlin")


def test_cli_build_into_a_directory_is_incremental(pages, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", str(pages), "--store", str(store), "-j", "1", "--no-validate"]) == 0
    assert main(["build", str(pages), "--store", str(store), "-j", "1", "--no-validate"]) == 0
    assert "built 0, unchanged 3" in capsys.readouterr().err
    assert main(["build", str(pages), "--store", str(store), "-j", "1", "--no-validate", "--rebuild"]) == 0
    assert "built 3," in capsys.readouterr().err


def test_a_file_with_its_recorded_size_and_time_is_not_even_read(pages, monkeypatch):
    import os

    for path in pages.iterdir():  # settled files: modified well before the build
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    store, manifest = OxigraphStore(None), Manifest(None)
    build([str(pages)], store, manifest=manifest)
    touched = sorted(pages.iterdir())[2]
    touched.write_text(touched.read_text(encoding="utf-8") + "\nChanged.\n", encoding="utf-8")
    read = []
    import kg.inputs.reader

    real_read_as = kg.inputs.reader.read_as
    monkeypatch.setattr(kg.inputs.reader, "read_as", lambda path, name: read.append(path) or real_read_as(path, name))
    result = build([str(pages)], store, manifest=manifest)
    assert read == [str(touched)]
    assert (result.built, result.unchanged, result.removed) == (1, 2, 1)


def _change(folder: Path) -> None:
    page = sorted(folder.iterdir())[1]
    page.write_text(page.read_text(encoding="utf-8") + "\nAn added closing line.\n", encoding="utf-8")


def _square(n: int) -> int:
    return n * n


@pytest.mark.skipif(os.name != "posix", reason="workers fork")
def test_one_changed_page_of_a_large_store_goes_to_workers_started_early_and_gives_the_same_store(
        pages, tmp_path, monkeypatch):
    folder = tmp_path / "store"
    with OxigraphStore(folder) as store:
        build([str(pages)], store, jobs=1)
    assert recorded_sources(OxigraphStore(None)) == 0
    monkeypatch.setattr(kg.building.builder, "EARLY_FROM", 3)  # these three files count as many
    started = []
    start = kg.building.builder._start_workers
    monkeypatch.setattr(kg.building.builder, "_start_workers", lambda *a: started.append(start(*a)) or started[-1])
    _change(pages)
    with OxigraphStore(folder) as store:
        assert recorded_sources(store) == 3
        result = build([str(pages)], store, jobs=2)
        assert (result.built, result.unchanged, result.removed) == (1, 2, 1)
        assert started and started[0] is not None  # by build(), before it listed the files
        early = _quads(store)
    fresh = OxigraphStore(None)
    build([str(pages)], fresh, jobs=1)  # in this process, from nothing
    assert early == _quads(fresh)


@pytest.mark.skipif(os.name != "posix", reason="workers fork")
def test_workers_given_no_page_are_stopped_without_waiting_for_their_start():
    workers = Workers(_square, 2, initializer=time.sleep, initargs=(30,))  # a start that would take long
    started = time.monotonic()
    assert list(workers.map(iter([]))) == []
    assert time.monotonic() - started < 10
    assert workers.first.exitcode is not None


def test_a_build_that_must_run_reads_the_reader_version_from_the_seal_and_seals_it_again(
        pages, tmp_path, monkeypatch):
    store = str(tmp_path / "store")
    options = ["--store", store, "-j", "1", "--no-validate"]
    assert main(["build", str(pages), *options]) == 0
    reader = (pipeline_for("model"), None, None)
    assert sealed_version(store, version_stamp(*reader)) == reader_version(*reader)
    assert sealed_version(store, "another stamp") is None
    assert sealed_version(tmp_path / "nothing", version_stamp(*reader)) is None

    def refuse(*args):
        raise AssertionError("the reader's files were hashed again")

    for module in (kg.building.manifest, kg.building.builder, kg.building.nochange):
        monkeypatch.setattr(module, "reader_version", refuse)
    _change(pages)
    assert main(["build", str(pages), *options]) == 0
    monkeypatch.undo()
    assert sealed_version(store, version_stamp(*reader)) == reader_version(*reader)
    with OxigraphStore(store) as built:
        fresh = OxigraphStore(None)
        build([str(pages)], fresh, jobs=1, check_factory=None)
        assert _quads(built) == _quads(fresh)
