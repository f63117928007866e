"""The build loop: worker processes give the same graph as an in-process build."""

from __future__ import annotations

from pathlib import Path

from kg.building.builder import build
from kg.store.embedded import OxigraphStore

DEV = Path(__file__).resolve().parent / "data" / "dev"


def _nquads(store: OxigraphStore) -> list[str]:
    """The store's quads but the metadata graph, which records when each build ran."""
    return sorted(str(q) for q in store.raw if not q.graph_name.value.endswith("/graph/metadata"))


def test_parallel_build_equals_serial_build():
    inputs = [str(DEV)] * 3  # repeats are skipped, and the batch is big enough for workers
    serial, parallel = OxigraphStore(None), OxigraphStore(None)
    one = build(inputs, serial, jobs=1)
    two = build(inputs, parallel, jobs=2)
    assert (one.built, one.skipped, one.failed) == (7, 14, 0)
    assert (two.built, two.skipped, two.failed, two.triples) == (one.built, one.skipped, one.failed, one.triples)
    assert _nquads(parallel) == _nquads(serial)


def test_parallel_build_reports_bad_files_and_goes_on(tmp_path):
    for i in range(8):
        (tmp_path / f"{i}.txt").write_text((DEV / "kremlin-2021-07-20-azerbaijan.txt").read_text(encoding="utf-8")
                                           + f"\n[{i}]\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    result = build([str(tmp_path)], OxigraphStore(None), jobs=2)
    assert (result.built, result.failed) == (8, 1)
    assert "bad.txt" in str(result.errors[0])
