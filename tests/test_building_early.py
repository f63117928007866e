"""``kg build`` into a store directory whose record knows many files starts its workers before it opens the store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg.building.builder
import kg.building.early
import kg.building.nochange
import kg.store.factory
from kg.cli import main
from kg.errors import KgError
from kg.store.embedded import OxigraphStore

DEV = Path(__file__).resolve().parent / "data" / "dev"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="workers fork")


def _quads(store: OxigraphStore) -> list[str]:
    """Every quad but the metadata graph's (which records when each build ran)."""
    return sorted(str(q) for q in store.raw if not q.graph_name.value.endswith("/graph/metadata"))


@pytest.fixture
def grown(tmp_path: Path, monkeypatch) -> tuple[Path, str, list]:
    """A store built from three dev pages, a fourth page added to their folder, and a log of the start:
    the record's three files count as many; each start of workers and opening of the store is noted."""
    folder = tmp_path / "pages"
    folder.mkdir()
    pages = sorted(DEV.glob("*.txt"))
    for path in pages[:3]:
        shutil.copy(path, folder / path.name)
    store = str(tmp_path / "store")
    assert main(["build", str(folder), "--store", store, "-j", "1", "-q"]) == 0
    shutil.copy(pages[3], folder / pages[3].name)
    # the folder's time and the record's may fall in one tick of the file system's clock: the record is
    # dated a second earlier, so that the fourth page came after it as it would in use
    record = Path(store) / "irkg-build.sqlite"
    earlier = folder.stat().st_mtime_ns - 10**9
    os.utime(record, ns=(earlier, earlier))
    monkeypatch.setattr(kg.building.early, "EARLY_FROM", 3)
    log: list = []
    start, open_store = kg.building.early.start_early, kg.store.factory.open_store


    def started(*args, **kwargs):
        log.append(("workers", start(*args, **kwargs)))
        return log[-1][1]

    def opened(*args, **kwargs):
        log.append(("open", None))
        return open_store(*args, **kwargs)

    monkeypatch.setattr(kg.building.early, "start_early", started)
    monkeypatch.setattr(kg.store.factory, "open_store", opened)
    return folder, store, log


def test_workers_start_before_the_store_opens_and_the_store_is_as_a_build_in_process_makes_it(grown, tmp_path):
    folder, store, log = grown
    assert main(["build", str(folder), "--store", store, "-j", "2", "-q"]) == 0
    assert [what for what, _ in log] == ["workers", "open"] and log[0][1] is not None
    assert log[0][1].first.exitcode == 0  # they ended after the last page
    fresh = OxigraphStore(None)
    kg.building.builder.build([str(folder)], fresh, jobs=1)
    with OxigraphStore(store) as built:
        assert _quads(built) == _quads(fresh)


def test_workers_started_early_are_stopped_when_the_store_cannot_open(grown, monkeypatch):
    folder, store, log = grown

    def cannot_open(*args, **kwargs):
        log.append(("open", None))
        raise KgError("the store is in use")

    monkeypatch.setattr(kg.store.factory, "open_store", cannot_open)
    assert main(["build", str(folder), "--store", store, "-j", "2", "-q"]) != 0
    assert [what for what, _ in log] == ["workers", "open"]
    assert log[0][1].first.exitcode is not None  # stopped, not left running


def test_a_build_with_nothing_to_do_starts_no_workers_and_loads_nothing_of_the_build(grown, tmp_path):
    folder, store, log = grown
    for page in folder.iterdir():  # settled long ago: a page modified in the last seconds is read again
        os.utime(page, ns=(1_600_000_000 * 10**9, 1_600_000_000 * 10**9))
    assert main(["build", str(folder), "--store", store, "-j", "2", "-q"]) == 0
    log.clear()
    assert not kg.building.early.likely_work(store, [str(folder)])  # the folder is older than the record
    assert main(["build", str(folder), "--store", store, "-j", "2", "-q"]) == 0  # nothing to do
    assert log == []
    script = ("import sys, kg.building.early as early; early.EARLY_FROM = 3; from kg.cli import main; "
              f"code = main(['build', {str(folder)!r}, '--store', {store!r}, '-j', '2', '-q']); "
              "print(code, sorted(m for m in ('kg.building.builder', 'pyoxigraph') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "[]"]  # the worker loaded them, after its fork


def test_workers_start_before_the_record_is_asked_when_a_folder_given_is_newer_than_it(grown, tmp_path):
    folder, store, log = grown
    assert kg.building.early.likely_work(store, [str(folder)])  # the fourth page came after the record
    assert kg.building.early.likely_work(str(tmp_path / "no store"), [str(folder)])
    assert kg.building.early.likely_work(store, [str(folder / "*.txt")])  # a glob: cannot tell
    asked = []
    look = kg.building.nochange.look
    kg_look = lambda *a, **k: asked.append([what for what, _ in log]) or look(*a, **k)  # noqa: E731
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.building.nochange, "look", kg_look)
        assert main(["build", str(folder), "--store", store, "-j", "2", "-q"]) == 0
    assert asked == [["workers"]] and [what for what, _ in log] == ["workers", "open"]


def test_a_page_edited_in_place_gets_its_workers_once_the_record_says_so(grown):
    folder, store, log = grown
    assert main(["build", str(folder), "--store", store, "-j", "2", "-q"]) == 0
    page = sorted(folder.iterdir())[0]
    os.utime(folder, ns=(1_600_000_000 * 10**9, 1_600_000_000 * 10**9))  # as if nothing was added
    page.write_text(page.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    log.clear()
    assert main(["build", str(folder), "--store", store, "-j", "2", "-q"]) == 0
    assert [what for what, _ in log] == ["workers", "open"] and log[0][1].first.exitcode == 0
