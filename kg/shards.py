"""A build's output as gzip N-Quads files, for the bulk loaders of large triple stores.

A store of hundreds of millions of quads is loaded fastest by its own bulk
loader (``oxigraph load``, Virtuoso's ``ld_dir`` + ``rdf_loader_run``,
QLever's index builder), which read N-Quads files, several at once.
:class:`NQuadsShards` takes the place of a store in :func:`kg.builder.build`
and writes each graph to the current shard, starting a new one past
``shard_quads`` quads.  It is write-only: it answers no query and holds no
graph from before, so a build into it is always a full build.

Shards are written as ``part-NNNNN.nq.gz.tmp`` and renamed when complete, so
a loader pointed at ``*.nq.gz`` never reads half a file.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import StoreError

SHARD_QUADS = 1_000_000


class NQuadsShards:
    """Writes named graphs to ``folder/part-00000.nq.gz``, ``part-00001.nq.gz``, ... (about ``shard_quads`` each)."""

    def __init__(self, folder: str | Path, shard_quads: int = SHARD_QUADS) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and (not self.folder.is_dir() or any(self.folder.iterdir())):
            raise StoreError(f"{self.folder}: not an empty folder: give a new or empty folder for the shards")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.shard_quads = shard_quads
        self.shards: list[Path] = []
        self.quads = 0
        self._file: BinaryIO | None = None
        self._in_shard = 0

    def __enter__(self) -> NQuadsShards:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> int:
        """Appends the graph's quads to the current shard (a graph is never split over two)."""
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in dict.fromkeys(triples)]
        if self._file is None or self._in_shard >= self.shard_quads:
            self._next_shard()
        ox.serialize(quads, self._file, ox.RdfFormat.N_QUADS)
        self._in_shard += len(quads)
        self.quads += len(quads)
        return len(quads)

    def _next_shard(self) -> None:
        self._finish_shard()
        path = self.folder / f"part-{len(self.shards):05d}.nq.gz"
        self.shards.append(path)
        self._file = gzip.open(str(path) + ".tmp", "wb", compresslevel=6)
        self._in_shard = 0

    def _finish_shard(self) -> None:
        if self._file is not None:
            self._file.close()
            os.replace(str(self.shards[-1]) + ".tmp", self.shards[-1])
            self._file = None

    def close(self) -> None:
        self._finish_shard()

    # what a build asks of a store besides writing: nothing is there before it
    def graphs(self) -> list[ox.NamedNode]:
        return []

    def count(self, graph: ox.NamedNode | None = None) -> int:
        return self.quads

    def query(self, sparql: str, bindings: dict | None = None, timeout: float | None = None):
        raise StoreError(f"{self.folder}: N-Quads shards answer no query: load them into a store first")

    def update(self, sparql: str) -> None:
        raise StoreError(f"{self.folder}: N-Quads shards are written once, not updated")


def load_shards(folder: str | Path, store: ox.Store) -> int:
    """The tested recipe for Oxigraph: bulk-load every ``*.nq.gz`` shard of ``folder`` into ``store``.

    The same as ``for f in DIR/*.nq.gz; do zcat "$f" | oxigraph load --location STORE --format nq; done``.
    Returns the number of shards loaded.
    """
    shards = sorted(Path(folder).glob("*.nq.gz"))
    for shard in shards:
        with gzip.open(shard, "rb") as stream:
            store.bulk_load(stream, ox.RdfFormat.N_QUADS)
    return len(shards)
