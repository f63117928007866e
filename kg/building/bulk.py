"""A build into a store that holds no transcript yet: transcripts written many at a time, not one by one.

A transcript new to a store has nothing to take back, so its quads (its own
graph, its share of the entities graph, its ledger entries:
:func:`kg.store.layout.transcript_quads`) can wait in memory with those of the
next transcripts and go in together through Oxigraph's bulk loader
(``Store.bulk_extend``).  The loader writes the batch as new files and hands
them to RocksDB in one ingestion, which takes all the files or none: a build
stopped anywhere leaves each transcript whole or absent, as one transaction
per transcript did.  It costs less than those transactions: no write-ahead
log, no memtable to flush, fewer files for RocksDB to compact.

The files kept beside the store (:mod:`kg.building.beside`) note the batch's
graphs as pending, in one commit, before the ingestion, and their counts after
it.  The build's record (:mod:`kg.building.manifest`) may name a graph still
waiting here when the build stops: its next build asks the store, finds the
graph absent and builds it again.  A batch not written when the build fails
is dropped, whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import StoreError

if TYPE_CHECKING:
    from kg.building.beside import Beside

#: quads a batch holds before it is written: the larger, the fewer ingestions (each makes a file per
#: index, which RocksDB then compacts) and the more the writer holds (a quad of a batch ~0.3 KB)
BATCH_QUADS = 40_000


class BulkBatch:
    """Transcripts waiting to be written together into ``store`` (an :class:`OxigraphStore` on disk)."""

    def __init__(self, store: object) -> None:
        self.store = store
        self.graphs: list[ox.NamedNode] = []
        self.quads: list[ox.Quad] = []
        self.empty: list[ox.NamedNode] = []  # graphs of no triple, which the loader would not name
        self.counts: list[tuple[ox.NamedNode, Sequence[ox.Triple], Sequence[ox.Triple]]] = []
        self.names: set[str] = set()  # of the graphs waiting

    def takes(self, graph: ox.NamedNode) -> bool:
        """Whether ``graph`` is new to the store and to the batch: a graph written a second time in a
        build (the store holds it, or will) is written by a transaction, after the batch."""
        return graph.value not in self.names and not self.store.raw.contains_named_graph(graph)

    def add(self, graph: ox.NamedNode, quads: list[ox.Quad], triples: Sequence[ox.Triple],
            shared: Sequence[ox.Triple]) -> bool:
        """One transcript new to the store; whether the batch holds :data:`BATCH_QUADS` quads now, and
        should be written."""
        self.names.add(graph.value)
        self.graphs.append(graph)
        self.quads += quads
        if not triples:
            self.empty.append(graph)
        self.counts.append((graph, triples, shared))
        return len(self.quads) >= BATCH_QUADS

    def write(self, beside: Beside) -> None:
        """Write what waits: pending marks beside the store first, then the quads in one ingestion, then
        the counts (committed with the next flush, :meth:`kg.building.sink.StoreSink.flush`)."""
        if not self.graphs:
            return
        graphs, quads, empty, counts = self.graphs, self.quads, self.empty, self.counts
        self.graphs, self.quads, self.empty, self.counts = [], [], [], []
        self.names = set()
        beside.before_change_all(graphs)
        raw = self.store.raw
        try:
            raw.bulk_extend(quads)
            for graph in empty:  # kept when it has no triple, as a transaction's add_graph does
                raw.add_graph(graph)
        except OSError as error:
            raise StoreError(f"{self.store.path}: cannot write {len(graphs)} graphs: {error}") from error
        for graph, triples, shared in counts:
            beside.written(graph, triples, shared)
