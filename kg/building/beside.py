"""What a build into a store directory keeps beside it, graph by graph, so the next build reads less.

Two SQLite files sit beside the Oxigraph files: the follow-up linker's claims
(:mod:`kg.building.claimtable`) and the description's counts
(:mod:`kg.store.counts`).  Each holds, per transcript graph, only what the store
held of it: before a graph is written or dropped both forget it and note it as
pending (committed at once, :mod:`kg.store.kept`); the counts of a graph are
put when it is written, from its triples; the claims are read back by the
linker, which reads the pending graphs the store has.  A build stopped anywhere
leaves graphs pending, which the next build reads from the store, and never a
row of a graph as it no longer is.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from kg.building.claimtable import ClaimTable
from kg.building.heldclaims import HeldClaims
from kg.store.counts import Counts, counts_of_triples
from kg.store.protocol import Store


class Beside:
    """The files kept beside one store directory during a build (none for any other store)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.counts = Counts.beside(store)
        self.claims = ClaimTable.beside(store) if self.counts is not None else None
        self.held = HeldClaims(store) if self.claims is not None else None  # claims taken from the triples written

    def before_change(self, graph: ox.NamedNode) -> None:
        """``graph`` is about to be written or dropped: both files forget it and note it as pending."""
        if self.counts is not None:
            self.claims.mark([graph.value])
            self.counts.mark([graph.value])

    def before_change_all(self, graphs: Sequence[ox.NamedNode]) -> None:
        """:meth:`before_change` of many graphs about to be written together: one commit a file."""
        if self.counts is not None:
            names = [graph.value for graph in graphs]
            self.claims.mark(names)
            self.counts.mark(names)

    def written(self, graph: ox.NamedNode, triples: Sequence[ox.Triple], shared: Sequence[ox.Triple] = ()) -> None:
        """``graph`` now holds ``triples`` and brought ``shared``: its counts (committed with the next
        :meth:`commit`)."""
        self.written_all([(graph, triples, shared)])

    def written_all(self, graphs: Sequence[tuple[ox.NamedNode, Sequence[ox.Triple], Sequence[ox.Triple]]]) -> None:
        """:meth:`written` of each of ``graphs`` (graph, triples, shared; distinct), the claims taken from
        the triples and put together (a batch of :mod:`kg.building.bulk`: a few statements, not eight a graph)."""
        if self.counts is not None:
            for graph, triples, shared in graphs:
                self.counts.written(graph.value, counts_of_triples(triples, shared))
            self.held.written_all(self.claims, [(graph.value, triples) for graph, triples, _ in graphs])

    def commit(self) -> None:
        if self.counts is not None:
            self.counts.commit()

    def close(self) -> None:
        """Commit and let go of both files (the linker and the census open them again)."""
        for kept in (self.counts, self.claims):
            if kept is not None:
                kept.close()
        self.counts = self.claims = None
