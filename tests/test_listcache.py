"""The people lists from the load cache: the same index as read from the files, and made again when stale or damaged."""

from __future__ import annotations

import shutil

import pytest

from kg import loadcache
from kg.people import gazetteer as gz
from kg.resources import data_path


def _everything(index) -> tuple:
    index.index_names()
    return (index.spellings, index.tenures, index._by_qid, index._by_country, index._by_organisation,
            index._by_key, index._by_word, index._by_regnal)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(loadcache.CACHE_ENV, str(folder))
    return folder


def test_cold_warm_and_damaged_caches_give_the_lists_as_read(cache, monkeypatch):
    monkeypatch.setenv(loadcache.CACHE_ENV, "off")
    plain = gz.Gazetteer()
    expected = (_everything(plain.leaders()), _everything(plain.officeholders()))
    assert len(expected[1][1]) > 10000
    monkeypatch.setenv(loadcache.CACHE_ENV, str(cache))
    for round in ("cold", "warm", "damaged", "warm again"):
        if round == "damaged":
            for path in cache.glob("*.bin"):
                path.write_bytes(path.read_bytes()[:-50])
        gazetteer = gz.Gazetteer()
        leaders, others = gazetteer.leaders(), gazetteer.officeholders()
        assert (_everything(leaders), _everything(others)) == expected, round
        assert gazetteer.leaders_named("Ilham Aliyev") == plain.leaders_named("Ilham Aliyev") != []
        assert others.with_similar_word("aliyev") == plain.officeholders().with_similar_word("aliyev")
    assert {p.name for p in cache.iterdir()} >= {"leaders.bin", "officeholders.bin"}


def test_an_edited_list_is_read_again_not_taken_from_the_cache(cache, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(data_path("countries.tsv").parent, folder,
                    ignore=shutil.ignore_patterns("*.json", "*.tables", "cities.tsv"))
    before = gz.Gazetteer(folder).leaders()
    names = folder / "leader_names.tsv"
    lines = names.read_text(encoding="utf-8").splitlines()
    qid = next(line.split("\t")[0] for line in lines if line.split("\t")[1:2] == ["Ilham Aliyev"])
    names.write_text("\n".join(line if not line.startswith(qid + "\t") else f"{qid}\tIlkin Testname\t"
                               for line in lines) + "\n", encoding="utf-8")
    after = gz.Gazetteer(folder).leaders()  # a stale cache file: its key names the old bytes
    assert before.label(qid) == "Ilham Aliyev" and after.label(qid) == "Ilkin Testname"
    assert after.keyed("Ilkin Testname") == {qid} and not after.keyed("Ilham Aliyev")


def test_the_cache_off_leaves_the_names_unindexed_until_asked(monkeypatch):
    monkeypatch.setenv(loadcache.CACHE_ENV, "off")
    index = gz.Gazetteer().officeholders()
    assert not index._names_indexed
