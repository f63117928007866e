"""A build into a sealed store looks only at the files its record does not answer for, and gives what the
ordinary build (``--verify``: every file read) and a full build give."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

import kg.building.incremental
import kg.inputs.reader
from kg.building.manifest import FILE_NAME, reader_version, version_stamp
from kg.building.nochange import look
from kg.building.builder import build
from kg.building.settled import Settled
from kg.cli import main
from kg.errors import KgError
from kg.extract.pipeline import pipeline_for
from kg.rdf.namespace import DEFAULT_BASE
from kg.store.embedded import OxigraphStore

DEV = Path(__file__).resolve().parent / "data" / "dev"
SETTLED_NS = 1_600_000_000_000_000_000  # long ago: the build may skip a file with its recorded time unread
RULES = ["-j", "1", "--no-validate", "--reader", "rules"]


def _settle(path: Path, step: int = 0) -> None:
    os.utime(path, ns=(SETTLED_NS + step, SETTLED_NS + step))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Four dev pages and a store built from them by the CLI (rules reader, no SHACL: quick)."""
    root = tmp_path_factory.mktemp("settled")
    (root / "pages").mkdir()
    for path in sorted(DEV.glob("*.txt"))[:4]:
        shutil.copy(path, root / "pages" / path.name)
        _settle(root / "pages" / path.name)
    assert main(["build", str(root / "pages"), "--store", str(root / "store"), "-q", *RULES]) == 0
    return root


def _copy(built: Path, to: Path) -> Path:
    shutil.copytree(built / "pages", to / "pages")
    shutil.copytree(built / "store", to / "store")  # times kept: the seal holds
    return to


def _change(root: Path) -> None:
    """A page changed, a page gone, a new page, and a new copy of an unchanged page's text."""
    pages = sorted((root / "pages").iterdir())
    pages[0].write_text(pages[0].read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    _settle(pages[0], 10**9)
    pages[1].unlink()
    shutil.copy(sorted(DEV.glob("*.txt"))[5], root / "pages" / "new.txt")
    shutil.copy(pages[2], root / "pages" / "aa-copy.txt")  # before its original: a repeat all the same
    for name in ("new.txt", "aa-copy.txt"):
        _settle(root / "pages" / name)


def _build(root: Path, capsys, *extra: str) -> str:
    capsys.readouterr()
    assert main(["build", str(root / "pages"), "--store", str(root / "store"), *RULES, *extra]) == 0
    return re.sub(r", [0-9.]+ s -> .*", "", capsys.readouterr().err)  # the counts, not the time or the store


def _record(root: Path) -> list[tuple]:
    """The record's graphs, and its sources each with whether the last run gave it."""
    db = sqlite3.connect(root / "store" / FILE_NAME)
    try:
        last = db.execute("SELECT max(run) FROM runs").fetchone()[0]
        return [*db.execute("SELECT * FROM graphs ORDER BY graph"),
                *db.execute("SELECT source, graph, size, mtime_ns, run = ? FROM sources ORDER BY source", (last,))]
    finally:
        db.close()


def _quads(root: Path) -> list[str]:
    """Every quad but the metadata graph's (which records when each build ran)."""
    with OxigraphStore(root / "store", read_only=True) as store:
        return sorted(str(q) for q in store.raw if not q.graph_name.value.endswith("/graph/metadata"))


def _look(root: Path, **options):
    options = {"base": DEFAULT_BASE, "pipeline": pipeline_for("rules"), "format": None, "model": None,
               "checked": False, "strict": False, "prune": False, **options}
    return look([str(root / "pages")], root / "store", **options)


@pytest.mark.parametrize("prune", [False, True])
def test_only_the_files_not_as_recorded_are_read_and_the_store_is_the_ordinary_builds(
        built, tmp_path, capsys, monkeypatch, prune):
    settled, ordinary = _copy(built, tmp_path / "settled"), _copy(built, tmp_path / "ordinary")
    for root in (settled, ordinary):
        _change(root)
    read, asked = [], []
    original, has_graph = kg.inputs.reader.read_as, kg.building.incremental.has_graph
    monkeypatch.setattr(kg.inputs.reader, "read_as", lambda path, *a: read.append(Path(path).name) or original(path, *a))
    monkeypatch.setattr(kg.building.incremental, "has_graph", lambda store, g: asked.append(g) or has_graph(store, g))
    recorded = _graphs_of(settled)
    extra = ("--prune",) if prune else ()
    summary = _build(settled, capsys, *extra)
    first, _, third, fourth = sorted(p.name for p in DEV.glob("*.txt"))[:4]
    assert sorted(read) == sorted(["aa-copy.txt", "new.txt", first])
    assert not {recorded[f"pages/{third}"], recorded[f"pages/{fourth}"]} & set(asked)  # the seal answers for them
    monkeypatch.undo()
    assert summary == _build(ordinary, capsys, "--verify", *extra)  # --verify: every file read, as before
    assert "read 5, built 2, unchanged 2, skipped 1" in summary
    assert _record(settled) == _record(ordinary)
    assert _quads(settled) == _quads(ordinary)


def test_with_prune_and_no_text_given_twice_the_store_is_a_full_builds(built, tmp_path, capsys):
    root = _copy(built, tmp_path / "settled")
    _change(root)
    (root / "pages" / "aa-copy.txt").unlink()  # a text given twice is named by whichever file came first
    assert "read 4, built 2, unchanged 2, skipped 0" in _build(root, capsys, "--prune")
    full = tmp_path / "full"
    assert main(["build", str(root / "pages"), "--store", str(full / "store"), "-q", *RULES]) == 0
    assert _quads(root) == _quads(full)


def test_the_listing_counts_the_files_as_recorded_and_is_deleted_after_the_build(built, tmp_path, capsys,
                                                                                  monkeypatch):
    root = _copy(built, tmp_path)
    assert not isinstance(_look(root), Settled)  # nothing to do: a result, no listing
    _change(root)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    listing = _look(root)
    assert (listing.given, listing.matched, listing.distinct) == (5, 2, 2)
    reader = (pipeline_for("rules"), None, None)
    assert (listing.stamp, listing.version) == (version_stamp(*reader), reader_version(*reader))  # the build's
    first, _, third, fourth = sorted(p.name for p in DEV.glob("*.txt"))[:4]
    assert [name for _, name in listing.others()] == ["pages/aa-copy.txt", f"pages/{first}", "pages/new.txt"]
    recorded = _graphs_of(root)
    assert listing.gives(recorded[f"pages/{fourth}"]) and listing.gives(recorded[f"pages/{third}"])
    assert not listing.gives(recorded[f"pages/{first}"])  # its text changed: its old graph is no answer
    listing.close()
    assert not listing.path.exists()
    assert _look(root, settle=False) is None  # nothing_to_do's answer: the ordinary build must run
    _build(root, capsys)
    assert not list(tmp_path.glob("kg-settled-*"))  # the build's own listing went with it


def _graphs_of(root: Path) -> dict[str, str]:
    """The graph the record has of each source."""
    db = sqlite3.connect(root / "store" / FILE_NAME)
    try:
        return dict(db.execute("SELECT source, graph FROM sources"))
    finally:
        db.close()


def test_a_record_changed_between_the_look_and_the_build_stops_the_build_before_any_write(built, tmp_path, capsys):
    root = _copy(built, tmp_path)
    _change(root)
    listing = _look(root)
    db = sqlite3.connect(root / "store" / FILE_NAME)  # another build came and sealed the store anew
    db.execute("UPDATE seal SET value = 'another' WHERE key = 'store'")
    db.commit()
    db.close()
    before = _quads(root)
    with OxigraphStore(root / "store") as store, pytest.raises(KgError, match="changed after this build read it"):
        build([str(root / "pages")], store, settled=listing, pipeline=pipeline_for("rules"))
    listing.close()
    assert _quads(root) == before
    assert "read 5, built 2, unchanged 2, skipped 1" in _build(root, capsys)  # the seal is gone: the ordinary path
