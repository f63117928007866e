"""A build into a store with no transcript writes them in batches (kg.building.bulk): the same store as one
transaction a transcript, and a build killed or failing part-way leaves each transcript whole or absent.

The pages are copies of the dev transcripts, each made a text of its own, built with the rules reader.
The reference is the same pages built into a memory store, whose writes are one transaction a transcript.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.building.builder import build
from kg.extract.pipeline import pipeline_for
from kg.rdf import namespace as ns
from kg.store.embedded import OxigraphStore
from kg.store.layout import CONTRIBUTES, decode, is_transcript_graph

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev"
RULES = pipeline_for("rules")
#: quads a batch holds in these builds: a few pages each, so the build below has many batches
SMALL_BATCH = 300
_TIME = re.compile(r'"\d{4}-\d\d-\d\dT[^"]*"')
_BUILD = re.compile(r"/build/[^>]+>")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for i in range(3):
        for src in sorted(DEV.glob("*.txt")):
            text = src.read_text(encoding="utf-8") + f"\n\n[copy {i}]\n"
            (folder / f"{i:02d}-{src.name}").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(pages) -> dict[str, set[str]]:
    """The pages built one transaction a transcript (a memory store), as N-Quads lines per graph."""
    with OxigraphStore(None) as store:
        build([str(pages)], store, pipeline=RULES)
        return _graphs(store)


def _graphs(store: OxigraphStore) -> dict[str, set[str]]:
    """Each graph's quads as N-Quads lines; the metadata graph's description only, its times and build
    masked (a build's own record names its times and the graphs it wrote, which differ between builds)."""
    graphs: dict[str, set[str]] = {}
    metadata = ns.metadata_graph_iri(ns.DEFAULT_BASE).value
    dataset = ns.DEFAULT_BASE + "dataset"
    for quad in store.raw:
        name = quad.graph_name.value
        if name == metadata and not quad.subject.value.startswith(dataset):
            continue
        graphs.setdefault(name, set()).add(_BUILD.sub("/build/X>", _TIME.sub('"TIME"', str(quad))))
    return graphs


def _but_total(graphs: dict[str, set[str]]) -> dict[str, set[str]]:
    """Without the dataset's ``void:triples``: it counts the metadata graph too, whose build records name
    the graphs each build wrote, so a store built in two builds counts other quads than one built in one."""
    return {name: {line for line in lines if "void#triples>" not in line} for name, lines in graphs.items()}


def test_a_build_into_a_new_store_directory_writes_what_transactions_write(pages, reference, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.building.bulk.BATCH_QUADS", SMALL_BATCH)
    with OxigraphStore(tmp_path / "store") as store:
        result = build([str(pages)], store, pipeline=RULES)
        assert _graphs(store) == reference
    assert result.built == len(list(pages.iterdir()))
    assert not list((tmp_path / "store").glob("bulk-*.sst"))


def test_a_build_failing_part_way_leaves_whole_transcripts_and_the_next_build_finishes_it(
        pages, reference, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.building.bulk.BATCH_QUADS", SMALL_BATCH)
    from kg.building.bulk import BulkBatch

    write, calls = BulkBatch.write, []

    def failing(self, beside):
        calls.append(len(self.graphs))
        if len(calls) == 3:
            raise OSError("disk on fire")
        write(self, beside)

    monkeypatch.setattr(BulkBatch, "write", failing)
    store_dir = tmp_path / "store"
    with OxigraphStore(store_dir) as store, pytest.raises(OSError):
        build([str(pages)], store, pipeline=RULES)
    _assert_whole_or_absent(store_dir, reference, written=calls[0] + calls[1])
    monkeypatch.setattr(BulkBatch, "write", write)
    with OxigraphStore(store_dir) as store:
        build([str(pages)], store, pipeline=RULES)
        assert _but_total(_graphs(store)) == _but_total(reference)


KILLED_BUILD = """
import os, signal, sys
import kg.building.bulk as bulk
import kg.store.layout as layout
from kg.building.builder import build
from kg.extract.pipeline import pipeline_for
from kg.store.embedded import OxigraphStore

bulk.BATCH_QUADS = int(sys.argv[3])
write, quads_of_one, calls = bulk.BulkBatch.write, layout.transcript_quads, []

def killed(self, beside):
    calls.append(len(self.graphs))
    if len(calls) == 3:  # killed while the loader takes in the third batch's quads, half-way
        print(calls[0] + calls[1], flush=True)
        left = [self.size // 2]
        def dying(*args):
            for quad in quads_of_one(*args):
                left[0] -= 1
                if left[0] == 0:
                    os.kill(os.getpid(), signal.SIGKILL)
                yield quad
        layout.transcript_quads = dying
    write(self, beside)

bulk.BulkBatch.write = killed
with OxigraphStore(sys.argv[2]) as store:
    build([sys.argv[1]], store, pipeline=pipeline_for("rules"))
"""


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_a_build_killed_while_it_loads_a_batch_leaves_whole_transcripts(pages, reference, tmp_path):
    store_dir = tmp_path / "store"
    done = subprocess.run([sys.executable, "-c", KILLED_BUILD, str(pages), str(store_dir), str(SMALL_BATCH)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr
    _assert_whole_or_absent(store_dir, reference, written=int(done.stdout))
    with OxigraphStore(store_dir) as store:
        assert not list(store_dir.glob("bulk-*.sst"))  # what the killed loader wrote is gone
        build([str(pages)], store, pipeline=RULES)
        assert _but_total(_graphs(store)) == _but_total(reference)


def _assert_whole_or_absent(store_dir: Path, reference: dict[str, set[str]], written: int) -> None:
    """The store holds the transcripts of the batches written before the failure, each as the reference
    has it, with its ledger entries, and the entities graph holds what they brought and nothing more."""
    with OxigraphStore(store_dir) as store:
        graphs = _graphs(store)
        present = [g for g in graphs if is_transcript_graph(g)]
        assert len(present) == written > 0
        assert all(graphs[g] == reference[g] for g in present), "a transcript was left half-written"
        ledger = ns.contributions_graph_iri(ns.DEFAULT_BASE)
        entities = ns.entities_graph_iri(ns.DEFAULT_BASE)
        brought = {str(ox.Quad(t.subject, t.predicate, t.object, entities))
                   for g in present for t in decode(q.object.value for q in store.raw.quads_for_pattern(
                       ox.NamedNode(g), CONTRIBUTES, None, ledger))}
        assert graphs[entities.value] == brought
        assert {line for line in graphs[ledger.value]} <= reference[ledger.value]
        assert len(graphs[ledger.value]) == sum(
            1 for line in reference[ledger.value] if line.split(" ", 1)[0][1:-1] in present)



def _files_once_written(pages: Path, folder: Path, monkeypatch) -> int:
    """The store's files when the build has written every transcript (as the follow-up links start)."""
    from kg.building.sink import StoreSink

    seen = []
    links = StoreSink.link_followups

    def counted(sink, base):
        sink._end_batches()
        seen.append(len(list(folder.glob("*.sst"))))
        return links(sink, base)

    monkeypatch.setattr(StoreSink, "link_followups", counted)
    with OxigraphStore(folder) as store:
        build([str(pages)], store, pipeline=RULES)
    return seen[0]


def test_a_build_into_a_new_store_directory_leaves_it_compacted(pages, reference, tmp_path, monkeypatch):
    """Each batch goes in as new level-0 files; merged before the build ends, each index is one file, and
    the next build has no merge to pay for (Oxigraph keeps 12 column families, some empty)."""
    monkeypatch.setattr("kg.building.bulk.BATCH_QUADS", SMALL_BATCH)
    compacted = _files_once_written(pages, tmp_path / "store", monkeypatch)
    monkeypatch.setattr("kg.building.sink._compact", lambda store: None)
    owed = _files_once_written(pages, tmp_path / "owed", monkeypatch)
    assert compacted <= 12 < owed
    with OxigraphStore(tmp_path / "store", read_only=True) as store:
        assert _graphs(store) == reference  # compacting changes no quad


def test_pages_added_to_a_store_go_in_batches_into_the_store_a_fresh_build_makes(pages, tmp_path, monkeypatch):
    """An incremental build writes the transcripts new to the store in batches too (one ingestion, one
    commit of pending marks), not a transaction each; the store is that of a build from scratch."""
    import shutil

    from kg.building.bulk import BulkBatch

    monkeypatch.setattr("kg.building.bulk.BATCH_QUADS", SMALL_BATCH)
    folder = tmp_path / "pages"
    folder.mkdir()
    files = sorted(pages.iterdir())
    for page in files[: len(files) // 2]:
        shutil.copy2(page, folder / page.name)
    with OxigraphStore(tmp_path / "store") as store:
        build([str(folder)], store, pipeline=RULES)
    for page in files[len(files) // 2:]:
        shutil.copy2(page, folder / page.name)
    batched: list[str] = []
    write = BulkBatch.write

    def noted(batch, beside):
        batched.extend(graph.value for graph, _, _ in batch.graphs)
        return write(batch, beside)

    monkeypatch.setattr(BulkBatch, "write", noted)
    with OxigraphStore(tmp_path / "store") as store:
        result = build([str(folder)], store, pipeline=RULES)
        added = _graphs(store)
    assert result.built == len(files) - len(files) // 2 == len(set(batched))
    monkeypatch.setattr(BulkBatch, "write", write)
    with OxigraphStore(tmp_path / "fresh") as store:
        build([str(folder)], store, pipeline=RULES)
        assert _but_total(added) == _but_total(_graphs(store))
