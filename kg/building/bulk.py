"""Transcripts new to a store, written many at a time, not one by one (a full build's, and the pages an
incremental build adds).

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

from itertools import chain
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import StoreError

if TYPE_CHECKING:
    from kg.building.beside import Beside

#: quads a batch holds before it is written: the larger, the fewer ingestions (each makes a file per
#: index, and every second one has RocksDB rewrite the whole index it lands in, so its compactions grow
#: with the store over the number of batches) and the more the writer holds: the loader takes some
#: 0.9 KB a quad while it writes a batch, on top of the batch's triples.  Full default build of
#: kremlin-news (7,225 pages), CPU-s of the writer's other threads / its peak RSS: 10,000 quads 14.9-16.9 s,
#: 69.5 MB; 20,000 11.1-13.8 s, 82.5-85.4 MB; 30,000 11.0 s, 97.7 MB; 40,000 7.9 s, 107 MB (the peak at
#: 1,000 pages rises as much: 63 -> 75 -> 89 MB, so it stays as flat in the corpus's size; wrt-notes.md)
BATCH_QUADS = 30_000


class BulkBatch:
    """Transcripts waiting to be written together into ``store`` (an :class:`OxigraphStore` on disk)."""

    def __init__(self, store: object) -> None:
        self.store = store
        #: (graph, its own triples, its entities triples by ledger line), as :func:`kg.store.layout.new_transcript`
        self.graphs: list[tuple[ox.NamedNode, list[ox.Triple], dict[str, ox.Triple]]] = []
        self.names: set[str] = set()  # of the graphs waiting
        self.size = 0  # quads waiting

    def takes(self, graph: ox.NamedNode) -> bool:
        """Whether ``graph`` is new to the store and to the batch: a graph written a second time in a
        build (the store holds it, or will) is written by a transaction, after the batch."""
        return graph.value not in self.names and not self.store.raw.contains_named_graph(graph)

    def add(self, graph: ox.NamedNode, own: list[ox.Triple], new: dict[str, ox.Triple]) -> bool:
        """One transcript new to the store; whether the batch holds :data:`BATCH_QUADS` quads now, and
        should be written."""
        self.names.add(graph.value)
        self.graphs.append((graph, own, new))
        self.size += len(own) + 2 * len(new)
        return self.size >= BATCH_QUADS

    def write(self, beside: Beside) -> None:
        """Write what waits: pending marks beside the store first, then the quads in one ingestion, then
        the counts (committed with the next flush, :meth:`kg.building.sink.StoreSink.flush`)."""
        from kg.store.layout import transcript_quads

        graphs, self.graphs, self.names, self.size = self.graphs, [], set(), 0
        if not graphs:
            return
        beside.before_change_all([graph for graph, _, _ in graphs])
        raw = self.store.raw
        try:
            raw.bulk_extend(chain.from_iterable(transcript_quads(graph, own, new) for graph, own, new in graphs))
            for graph, own, new in graphs:
                if not own:  # named with no triple of its own, as a transaction's add_graph names it
                    raw.add_graph(graph)
        except OSError as error:
            raise StoreError(f"{self.store.path}: cannot write {len(graphs)} graphs: {error}") from error
        beside.written_all([(graph, own, list(new.values())) for graph, own, new in graphs])
