"""`kg build --out nquads DIR`: gzip N-Quads shards that a bulk load turns into the store a build writes."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.builder import build
from kg.cli import main
from kg.errors import StoreError
from kg.shards import NQuadsShards, load_shards
from kg.store import OxigraphStore

DEV = Path(__file__).resolve().parent / "data" / "dev"


def test_shards_bulk_loaded_give_the_store_a_build_writes(tmp_path):
    direct = OxigraphStore(None)
    build([str(DEV)], direct, jobs=1)
    with NQuadsShards(tmp_path / "shards", shard_quads=500) as shards:
        build([str(DEV)], shards, jobs=1)
    files = sorted((tmp_path / "shards").iterdir())
    assert len(files) > 2 and all(f.name.endswith(".nq.gz") for f in files)  # no .tmp left behind
    loaded = ox.Store(str(tmp_path / "loaded"))
    assert load_shards(tmp_path / "shards", loaded) == len(files)
    assert sorted(map(str, loaded)) == sorted(map(str, direct.raw))


def test_a_graph_is_never_split_over_two_shards(tmp_path):
    with NQuadsShards(tmp_path / "s", shard_quads=1) as shards:
        build([str(DEV)], shards, jobs=1)
    for shard in sorted((tmp_path / "s").iterdir()):
        graphs = {q.graph_name for q in ox.parse(gzip.open(shard).read(), ox.RdfFormat.N_QUADS)}
        assert len(graphs) == 1


def test_shards_refuse_a_folder_that_holds_files(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(StoreError, match="not an empty folder"):
        NQuadsShards(tmp_path)


def test_cli_build_out_nquads(tmp_path, capsys):
    assert main(["build", str(DEV), "--out", "nquads", str(tmp_path / "out"), "-j", "1", "--no-validate"]) == 0
    assert "gzip N-Quads shard" in capsys.readouterr().err
    assert list((tmp_path / "out").glob("*.nq.gz"))
    assert main(["build", str(DEV), "--out", "turtle", str(tmp_path / "o2")]) == 2


def test_the_oxigraph_cli_recipe_loads_the_shards(tmp_path):
    import shutil
    import subprocess
    import sys

    cli = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(cli).exists():
        pytest.skip("the oxigraph command (pip install oxigraph) is not installed")
    direct = OxigraphStore(None)
    build([str(DEV)], direct, jobs=1)
    with NQuadsShards(tmp_path / "shards", shard_quads=1000) as shards:
        build([str(DEV)], shards, jobs=1)
    files = [str(f) for f in sorted((tmp_path / "shards").glob("*.nq.gz"))]
    subprocess.run([cli, "load", "--location", str(tmp_path / "store"), "--file", *files],
                   check=True, capture_output=True)
    loaded = ox.Store.read_only(str(tmp_path / "store"))
    assert sorted(map(str, loaded)) == sorted(map(str, direct.raw))
