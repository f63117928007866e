"""The set and list a build keeps on disk instead of in memory (kg.store.ondisk)."""

from __future__ import annotations

import pickle

from kg.store.ondisk import DiskList, DiskSet
from kg.building.result import BuildResult


def test_set_holds_each_string_once():
    seen = DiskSet()
    for item in ["b", "a", "b", "c", "a"]:
        seen.add(item)
    assert len(seen) == 3 and bool(seen)
    assert "a" in seen and "c" in seen
    assert "d" not in seen and 1 not in seen
    assert list(seen) == ["b", "a", "c"]  # in the order they first came


def test_empty_collections_make_no_file():
    seen, written = DiskSet(), DiskList()
    assert not seen and not written and len(written) == 0
    assert "x" not in seen and list(written) == []
    assert seen._db is None and written._db is None


def test_list_keeps_order_and_repeats_across_pages():
    items = [f"https://example.org/graph/{n % 1500}" for n in range(2500)]  # more than one page of reading
    written = DiskList(items)
    assert len(written) == 2500
    assert list(written) == items
    assert list(written) == items  # read again: the same
    assert written == items and written != items[:-1]


def test_close_empties_and_pickles_as_its_strings():
    written = DiskList(["a", "b"])
    copy = pickle.loads(pickle.dumps(written))
    assert list(copy) == ["a", "b"]
    written.close()
    assert len(written) == 0 and list(written) == []
    assert list(copy) == ["a", "b"]


def test_build_result_keeps_graphs_and_meetings_on_disk():
    result = BuildResult()
    result.graphs.append("urn:g:1")
    result.meeting_iris.add("urn:m:1")
    result.meeting_iris.add("urn:m:1")
    assert list(result.graphs) == ["urn:g:1"] and len(result.meeting_iris) == 1
    assert "urn:m:1" in result.meeting_iris
    assert BuildResult().graphs == []  # each result its own


def test_chunks_of_a_list_on_disk():
    from kg.store.ondisk import chunks

    assert list(chunks(DiskList(["a", "b", "c", "d", "e"]), 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(chunks([], 3)) == []


def test_strings_that_are_not_utf8_come_back_the_same():
    name = "caf\udce9.txt"  # a file name read with surrogate escapes
    seen, written = DiskSet([name]), DiskList([name, "b"])
    assert name in seen and "caf.txt" not in seen
    assert list(written) == [name, "b"]
