"""The shipped name indexes (kg/data/*_names.index.tsv) are what folding the names gives, and are
used only while they are (kg.people.nameindex)."""

from __future__ import annotations

import pytest

from kg.people.gazetteer import Gazetteer
from kg.people.leaderdata import LeaderIndex
from kg.people.nameindex import fold_names, index_path, read_index, write_index
from kg.resources import data_path


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize("names,people", [("leader_names.tsv", Gazetteer.leaders),
                                          ("officeholder_names.tsv", Gazetteer.officeholders)])
def test_shipped_index_is_current(gazetteer, names, people):
    spellings = people(gazetteer).spellings
    kept = read_index(index_path(data_path(names)), spellings)
    assert kept is not None, f"kg/data/{index_path(data_path(names)).name} is stale: run python tools/write_name_index.py"
    assert kept == fold_names(spellings)
    assert list(kept[1]) == list(fold_names(spellings)[1])  # same order too: words are met in the same order


def test_index_of_other_spellings_is_not_used(tmp_path):
    spellings = {"Q1": ("Ilham Aliyev", "Ilkham Aliev"), "Q2": ("Abdullah II of Jordan",)}
    path = tmp_path / "names.index.tsv"
    write_index(path, spellings)
    assert read_index(path, spellings) == fold_names(spellings)
    assert fold_names(spellings)[2] == {("abdulah", "ii"): {"Q2"}}
    assert read_index(path, {**spellings, "Q3": ("Heydar Aliyev",)}) is None  # made from other names
    path.write_text(path.read_text(encoding="utf-8").replace("\tQ1", ""), encoding="utf-8")
    assert read_index(path, spellings) is None  # a damaged line
    assert read_index(tmp_path / "absent.tsv", spellings) is None


def test_lookups_with_and_without_the_index(tmp_path):
    rows = {"names.tsv": [["Q1", "Ilham Aliyev", "Ilkham Aliev"], ["Q2", "Abdullah II of Jordan", ""]],
            "tenures.tsv": [["Q1", "AZE", "head_of_state", "President", "2003-10-31", "", "x"]]}
    folded = LeaderIndex(rows.__getitem__, "names.tsv", "tenures.tsv")
    write_index(tmp_path / "names.index.tsv", folded.spellings)
    assert read_index(tmp_path / "names.index.tsv", folded.spellings) is not None
    read = LeaderIndex(rows.__getitem__, "names.tsv", "tenures.tsv", index_file=tmp_path / "names.index.tsv")
    for index in (folded, read):
        assert index.keyed("Ilham Aliev") == {"Q1"}
        assert index.with_words("Aliyev") == {"Q1"}
        assert index.regnal("King Abdullah II") == {"Q2"}
    assert read._by_word == folded._by_word
