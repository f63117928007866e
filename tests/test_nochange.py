"""A rebuild with nothing to do is told from the sealed build record, without opening the store."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from kg.building.manifest import FILE_NAME, Manifest
from kg.building.nochange import nothing_to_do
from kg.cli import main
from kg.extract.pipeline import pipeline_for
from kg.rdf.namespace import DEFAULT_BASE
from kg.store.embedded import OxigraphStore

DEV = Path(__file__).resolve().parent / "data" / "dev"
#: modification time of the pages: settled long ago, as the build wants it to skip a file unread
SETTLED_NS = 1_600_000_000_000_000_000
RULES = ["-j", "1", "--no-validate", "--reader", "rules"]


def _files(store: Path) -> dict[str, tuple[int, int, str]]:
    """Every file of the store folder but the lock (whose holder line any writer rewrites)."""
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(store.iterdir()) if p.name != "kg.lock"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Three dev pages and a store built from them by the CLI (rules reader, no SHACL: quick)."""
    root = tmp_path_factory.mktemp("nochange")
    pages = root / "pages"
    pages.mkdir()
    for path in sorted(DEV.glob("*.txt"))[:3]:
        shutil.copy(path, pages / path.name)
        os.utime(pages / path.name, ns=(SETTLED_NS, SETTLED_NS))
    assert main(["build", str(pages), "--store", str(root / "store"), "-q", *RULES]) == 0
    return root


@pytest.fixture
def copy(built: Path, tmp_path: Path) -> Path:
    """A copy of the built pages and store (times kept, as ``cp -a`` keeps them) to change."""
    shutil.copytree(built / "pages", tmp_path / "pages")
    shutil.copytree(built / "store", tmp_path / "store")
    return tmp_path


def _build(root: Path, capsys, *extra: str) -> str:
    capsys.readouterr()
    assert main(["build", str(root / "pages"), "--store", str(root / "store"), *RULES, *extra]) == 0
    return capsys.readouterr().err


def _check(root: Path, **options):
    options = {"base": DEFAULT_BASE, "pipeline": pipeline_for("rules"), "format": None, "model": None,
               "checked": False, "strict": False, "prune": False, **options}
    return nothing_to_do([str(root / "pages")], root / "store", **options)


def test_a_rebuild_with_nothing_changed_writes_no_file_of_the_store(copy, capsys):
    before = _files(copy / "store")
    assert "read 3, built 0, unchanged 3, skipped 0" in _build(copy, capsys)
    assert _files(copy / "store") == before  # RocksDB writes a new manifest and log at every opening for writing


def test_a_changed_page_a_validating_build_or_another_reader_are_not_nothing(copy, capsys):
    assert _check(copy) is not None
    assert _check(copy, checked=True) is None  # the graphs were built without SHACL
    assert _check(copy, pipeline=pipeline_for("model")) is None
    page = sorted((copy / "pages").iterdir())[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    os.utime(page, ns=(SETTLED_NS + 10**9, SETTLED_NS + 10**9))
    assert _check(copy) is None
    assert "built 1, unchanged 2" in _build(copy, capsys)
    assert _check(copy) is not None  # that build sealed the store again


def test_a_store_changed_behind_the_build_is_asked_again(copy, capsys):
    with OxigraphStore(copy / "store") as store:
        graph = next(g for g in store.graphs() if re.search(r"/graph/[0-9a-f]{16}$", g.value))
        store.update(f"DROP GRAPH {graph}")
    assert _check(copy) is None  # the store's files are not those sealed
    assert "built 1, unchanged 2" in _build(copy, capsys)


def test_a_build_breaks_the_seal_when_it_starts(copy):
    Manifest(copy / "store" / FILE_NAME).close()  # what an interrupted build leaves: a record it began
    assert _check(copy) is None


def test_prune_with_a_page_gone_and_a_page_changed_in_place_with_verify(copy, capsys):
    assert _check(copy, prune=True) is not None  # every recorded file given: nothing to prune
    pages = sorted((copy / "pages").iterdir())
    pages[0].unlink()
    assert _check(copy, prune=True) is None
    assert "removed 1 old graph(s)" in _build(copy, capsys, "--prune")
    # a text changed with its size and modification time kept is taken as unchanged, as git and make
    # take it (documented); --verify reads every file and finds it
    text = pages[1].read_bytes()
    pages[1].write_bytes(text.replace(b"a", b"e", 1))
    os.utime(pages[1], ns=(SETTLED_NS, SETTLED_NS))
    assert "built 0, unchanged 2" in _build(copy, capsys)
    assert "built 1, unchanged 1" in _build(copy, capsys, "--verify")


@pytest.mark.parametrize("base", [DEFAULT_BASE, "http://example.org/kg", "http://example.org/kg#"])
def test_the_reference_graph_is_named_as_the_namespace_names_it(base):
    from kg.building.nochange import reference_graph
    from kg.rdf.namespace import reference_graph_iri

    assert reference_graph(base) == reference_graph_iri(base).value


def test_a_damaged_or_missing_record_costs_a_full_build(copy, capsys):
    (copy / "store" / FILE_NAME).write_bytes(b"not a database")
    assert _check(copy) is None
    assert "built 3," in _build(copy, capsys)
    (copy / "store" / FILE_NAME).unlink()
    assert "built 3," in _build(copy, capsys)
    assert "unchanged 3" in _build(copy, capsys)


def test_a_text_given_by_two_files_counts_once_unchanged_and_once_skipped(copy, capsys):
    first = sorted((copy / "pages").iterdir())[0]
    shutil.copy(first, copy / "pages" / "zz-copy.txt")
    os.utime(copy / "pages" / "zz-copy.txt", ns=(SETTLED_NS, SETTLED_NS))
    assert _check(copy) is None  # a file not recorded: the ordinary build reads it, finds a repeat
    assert "read 4, built 0, unchanged 3, skipped 1" in _build(copy, capsys)
    quick = _check(copy)
    assert (quick.read, quick.built, quick.unchanged, quick.skipped) == (4, 0, 3, 1)
    assert "read 4, built 0, unchanged 3, skipped 1, failed 0, meetings 0, triples 0," in _build(copy, capsys)
