"""An interrupted build leaves every transcript graph whole or absent, never half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf.mapping import map_document, transcript_graph
from kg.extract.pipeline import process
from kg.inputs.reader import read
from kg.store.embedded import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"


def test_failing_triple_stream_leaves_the_old_graph(tmp_path):
    graph = ox.NamedNode("https://example.org/graph/1")
    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    with OxigraphStore(tmp_path / "store") as store:
        store.replace_graph(graph, [ox.Triple(s, p, ox.Literal(str(i))) for i in range(5)])

        def broken():
            yield ox.Triple(s, p, ox.Literal("new"))
            raise RuntimeError("disk on fire")

        with pytest.raises(RuntimeError):
            store.replace_graph(graph, broken())
        assert store.count(graph) == 5


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_killed_build_leaves_only_whole_graphs(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    # many distinct transcripts, so the kill lands mid-batch
    sources = sorted(DEV.glob("*.txt"))
    for i in range(20):
        for src in sources:
            text = src.read_text(encoding="utf-8") + f"\n\n[copy {i}]\n"
            (inputs / f"{i:02d}-{src.name}").write_text(text, encoding="utf-8")
    store_dir = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", "-q", "--no-validate",
                             "--store", str(store_dir), str(inputs)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (store_dir / "CURRENT").exists():
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    expected = {}
    for path in sorted(inputs.iterdir()):
        transcript = next(read(str(path)))
        mapped = map_document(process(transcript))
        expected[transcript_graph(transcript).value] = len(set(mapped.triples))  # its own graph, whole
    with OxigraphStore(store_dir) as store:
        counts = {g.value: store.count(g) for g in store.graphs()}
    written = {g: n for g, n in counts.items() if g in expected}
    assert all(n == expected[g] for g, n in written.items()), "a graph was left half-written"
    print(f"{len(written)} of {len(expected)} graphs written before the kill")
