"""A build on a Dask cluster (two worker processes on 127.0.0.1) writes the store a local build writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.building.builder import build
from kg.cli import main
from kg.store.embedded import OxigraphStore

distributed = pytest.importorskip("distributed")

DEV = Path(__file__).resolve().parent / "data" / "dev"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=50) as local:
        yield local


def _quads(store: OxigraphStore) -> list[str]:
    """Every quad but the metadata graph's (which records when each build ran)."""
    return sorted(str(q) for q in store.raw if not q.graph_name.value.endswith("/graph/metadata"))


def test_a_dask_build_equals_a_local_build(cluster):
    local, remote = OxigraphStore(None), OxigraphStore(None)
    one = build([str(DEV)], local, jobs=1)
    two = build([str(DEV)], remote, scheduler=cluster.scheduler_address)
    assert (two.built, two.failed, two.triples) == (one.built, one.failed, one.triples) == (7, 0, one.triples)
    assert _quads(remote) == _quads(local)


def test_cli_build_on_a_scheduler(cluster, tmp_path, capsys):
    store = tmp_path / "store"
    code = main(["build", str(DEV), "--store", str(store), "--executor", "dask",
                 "--scheduler", cluster.scheduler_address])
    assert code == 0
    assert "built 7," in capsys.readouterr().err


def test_dask_without_a_scheduler_is_a_usage_error(capsys):
    assert main(["build", str(DEV), "--store", "memory", "--executor", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err
