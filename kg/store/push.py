"""Copies a store to a SPARQL endpoint, graph by graph.

Each named graph is one Graph Store Protocol ``PUT`` (or one SPARQL Update),
which replaces the graph whole on the endpoint: pushing twice leaves the same
data, and an interrupted push leaves every graph either old or new, never
half-written.  Transient failures are retried with backoff by the endpoint
store; a graph that still fails is reported and the others go on.  An endpoint
that is down fails once, before anything is sent; one that goes down on the
way stops the push with how far it got.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.store.endpoint import EndpointStore, EndpointUnreachable
from kg.errors import KgError
from kg.store.protocol import Store, graph_triples

#: called after each graph with (graphs done, graphs in all, graph IRI)
Progress = Callable[[int, int, str], None]


@dataclass
class PushResult:
    """What a push did, for the closing summary."""

    graphs: int = 0
    triples: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (f"pushed {self.graphs} graphs, {self.triples} triples, failed {len(self.failed)}, "
                f"{self.seconds:.1f} s")


def push(source: Store, target: EndpointStore, *, graphs: list[ox.NamedNode] | None = None,
         progress: Progress | None = None) -> PushResult:
    """Replace each graph of ``source`` (or only ``graphs``) on ``target``; never raises per graph."""
    started = time.perf_counter()
    target.ping()  # a down endpoint: one StoreError, before any work
    todo = graphs if graphs is not None else source.graphs()
    result = PushResult()
    for done, graph in enumerate(todo, start=1):
        try:
            result.triples += target.replace_graph(graph, graph_triples(source, graph))
            result.graphs += 1
        except EndpointUnreachable as error:
            raise EndpointUnreachable(f"{error} (after {result.graphs} of {len(todo)} graphs; "
                                      "push again to finish: it is idempotent)") from None
        except KgError as error:
            result.failed.append((graph.value, str(error)))
        if progress:
            progress(done, len(todo), graph.value)
    result.seconds = time.perf_counter() - started
    return result
