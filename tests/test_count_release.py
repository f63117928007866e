"""The count of a store's shared graphs, at a build's end, reopens the store only when it holds much.

A build of one or a hundred pages held 13-20 MB above the store's last opening
when it counted the shared graphs for the description, and reopening the store
to give that back cost it 0.02 CPU-s and up to 0.1 s just before it ended
(:data:`kg.store.counts.COUNT_RELEASE_ABOVE_MB`).  The counts are the same
either way, and those of a count of the whole store.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.building.builder import build
from kg.store import census, counts
from kg.store.embedded import OxigraphStore

PAGE = """Meeting with President of Azerbaijan Ilham Aliyev

March 1, 2021, Moscow

Vladimir Putin met with President of Azerbaijan Ilham Aliyev.

President of Russia Vladimir Putin: Mr President, Russia will build a new power plant in Azerbaijan.
"""


@pytest.fixture
def built(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(PAGE, encoding="utf-8")
    with OxigraphStore(tmp_path / "store") as store:
        assert build([str(pages)], store).ok
    return tmp_path / "store"


def _reopenings(monkeypatch) -> list[int]:
    """A list that grows by one at each reopening of a store (:func:`kg.store.embedded._trim_heap` runs
    only then, between the closing and the opening)."""
    from kg.store import embedded

    seen: list[int] = []
    trim = embedded._trim_heap
    monkeypatch.setattr(embedded, "_trim_heap", lambda: (seen.append(1), trim())[1])
    return seen


def _recounted(store: OxigraphStore) -> tuple:
    """The totals of a count of the whole store, graph by graph (:mod:`kg.store.census`)."""
    def release() -> None:
        return None

    transcripts, licences = census.licences(store, release)
    return census.quads(store, release), census.classes(store, release), transcripts, licences


def test_counting_a_store_that_holds_little_does_not_reopen_it_and_counts_it_all(built, monkeypatch):
    reopened = _reopenings(monkeypatch)
    with OxigraphStore(built) as store:
        held = b"x" * (12 << 20)  # what a small build's process held above the store's opening (13-20 MB)
        quads, classes, licences = counts.store_counts(store)
        assert not reopened and len(held)  # flushed, not reopened
        whole_quads, whole_classes, transcripts, whole_licences = _recounted(store)
    assert (quads, sorted(classes.items())) == (whole_quads, whole_classes)
    assert sum(n for _, _, n in licences) == transcripts == 1
    assert sorted((licence, n) for licence, _, n in licences) == sorted((licence, n) for licence, _, n in whole_licences)


def test_counting_a_store_that_holds_more_than_the_threshold_reopens_it_with_the_same_counts(built, monkeypatch):
    reopened = _reopenings(monkeypatch)
    with OxigraphStore(built) as store:
        kept = counts.store_counts(store)
        assert not reopened
        monkeypatch.setattr(counts, "COUNT_RELEASE_ABOVE_MB", -1.0)  # anything held is too much
        again = counts.store_counts(store)
        assert reopened  # before each of its queries
    assert again == kept
