"""Where a build writes: into a store, or into a folder of gzip N-Quads shards for a bulk loader.

:func:`kg.building.builder.build_transcripts` hands a sink each graph as it
is made — the reference graph, each transcript's own graph with its share of
the entities graph (:mod:`kg.store.layout`), the graphs it takes back, the
follow-up links and the build's record.  :class:`StoreSink` does with them
what a build always did with a store.  :class:`ShardSink` streams transcript
graphs into shards (:mod:`kg.store.shards`) and writes the shared graphs —
entities, ledger, reference, follow-ups, metadata — once, at the end, so that
loading every shard into an empty store gives exactly the quads a build into
that empty store gives (the build record's times and IRI aside).

A shard sink starts empty and holds nothing to read back, so it takes no
incremental options: every build into it is a full build.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import pyoxigraph as ox

from kg.errors import StoreError
from kg.rdf import namespace as ns
from kg.store.protocol import Store

if TYPE_CHECKING:
    from kg.store.metadata import BuildRecord


@runtime_checkable
class Sink(Protocol):
    """What a build writes to."""

    #: the store an incremental build reads back, or None for a sink that starts empty
    store: Store | None

    def write_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> int:
        """A whole graph not of one transcript (the reference graph)."""

    def write_transcript(self, graph: ox.NamedNode, triples: Sequence[ox.Triple],
                         shared: Sequence[ox.Triple] = ()) -> int:
        """One transcript's graph and its share of the entities graph (:func:`kg.store.layout.write_transcript`)."""

    def remove_transcript(self, graph: ox.NamedNode) -> None: ...

    def link_followups(self, base: str) -> None: ...

    def record_build(self, record: BuildRecord, base: str) -> None: ...

    def flush(self) -> None: ...

    def release(self) -> None:
        """Let go of whatever the sink holds open after a build failed part-way, so that another build in
        the same process can start (the store itself stays the caller's)."""


#: MB the writer may hold more than when the store last opened before a flush between its writes
#: reopens it (:meth:`kg.store.embedded.OxigraphStore.release_memory`; 4 MB for the other releases).
#: What the store keeps between reopenings is carried into every later window of writes, and the
#: build's peak is the last window's: kremlin-news x4, writer's peak at 4,000 pages 73.1 -> 71.1 MB
#: and at 8,000 74.0 with 1.5 (75.2 with 4), for 26 openings of the store instead of 16 (0.07 s each)
WRITES_RELEASE_ABOVE_MB = 1.5
#: the same between the batches of new transcripts (kg.building.bulk), which read
#: nothing back: writer replay of kremlin-news x4 (28,012 pages), CPU-s of the writes and the writer's
#: peak while writing: 1.5 MB 90.3 s, 417 MB; 6 MB 74.9 s, 419 MB; never reopened 72.4 s, 435 MB
#: (one transaction a transcript: 138.8 s, 416 MB at the end of the build)
BATCHES_RELEASE_ABOVE_MB = 6


class StoreSink:
    """A build into a store: transcripts new to a store directory in batches (:mod:`kg.building.bulk`), every
    other graph in one transaction each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._beside = None  # what a store directory keeps beside it (kg.building.beside), once written to
        self._relink = None  # links being worked out while the build is described (kg.building.relink)
        self._bulk = None  # transcripts new to the store waiting to be written together (kg.building.bulk)
        self._fresh = False  # whether the store held no transcript: compacted once they are all in

    def start_batches(self, fresh: bool) -> None:
        """Transcripts new to the store are written many at a time (:mod:`kg.building.bulk`), into a store
        directory (a memory store, or an endpoint, keeps one transaction a transcript); a graph the store
        holds is rewritten by a transaction.  ``fresh``: the store holds no transcript yet.

        100 pages added to a kremlin-news store of 7,125: the writer's main thread 0.72 -> 0.58 CPU-s (one
        ingestion and one commit of pending marks, not 100 transactions and 200 commits), RocksDB's threads
        some 0.05 CPU-s more (the ingested files are merged later)."""
        from kg.building.bulk import BulkBatch

        if _writable_directory(self.store):
            self._bulk = BulkBatch(self.store)
            self._fresh = fresh

    def write_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> int:
        self._write_waiting()
        return self.store.replace_graph(graph, triples)

    def write_transcript(self, graph: ox.NamedNode, triples: Sequence[ox.Triple],
                         shared: Sequence[ox.Triple] = ()) -> int:
        from kg.store.layout import new_transcript, write_transcript

        bulk = self._bulk
        if bulk is not None and bulk.takes(graph):
            fresh = new_transcript(triples, shared)
            if fresh is not None:
                if bulk.add(graph, *fresh):
                    self._write_waiting()
                return len(fresh[0]) + len(fresh[1])
        self._write_waiting()  # a graph written twice, or with blank nodes: after those before it
        beside = self._beside_files()
        beside.before_change(graph)
        written = write_transcript(self.store, graph, triples, shared)
        beside.written(graph, triples, shared)
        return written

    def _beside_files(self):
        from kg.building.beside import Beside

        self._beside = self._beside or Beside(self.store)
        return self._beside

    def _write_waiting(self) -> None:
        """Write the transcripts waiting in a batch, before anything else reads or writes the store."""
        if self._bulk is not None and self._bulk.graphs:
            self._bulk.write(self._beside_files())

    def _end_batches(self) -> None:
        """The transcripts are written: the last batch goes in, the store is flushed and let go of as
        after one transaction a transcript (between batches it is reopened less often), and compacted
        (:func:`_compact`) if it held no transcript before."""
        if self._bulk is not None:
            self._write_waiting()
            self._bulk = None
            self.flush()
            if self._fresh:
                _compact(self.store)

    def remove_transcript(self, graph: ox.NamedNode) -> None:
        from kg.store.layout import remove_transcript

        self._write_waiting()
        self._beside_files().before_change(graph)
        remove_transcript(self.store, graph)  # and what only it brought to the entities graph

    def link_followups(self, base: str) -> None:
        """Links between transcripts, rewritten whole: in a store directory worked out in a forked process
        and written by :meth:`record_build` (:mod:`kg.building.relink`), in any other store now."""
        from kg.building.followup import link_followups
        from kg.building.relink import Relink

        self._end_batches()
        self._close_beside()
        relink = Relink(self.store, base)
        if relink.start():
            self._relink = relink
        else:
            link_followups(self.store, base)

    def record_build(self, record: BuildRecord, base: str) -> None:
        """The build's record and the description; links being worked out are written while it counts."""
        from kg.store.metadata import write_metadata

        self._end_batches()
        self._close_beside()  # the build flushed before, if it was a large one (kg.building.builder)
        relink, self._relink = self._relink, None
        try:
            write_metadata(self.store, record, base, late=relink and (relink.graph, relink.finish))
        finally:
            if relink is not None and not relink.finished:  # the count failed before it wrote them
                relink.finish()

    def release(self) -> None:
        """After a failed build: commit and close the files beside the store.  Only graphs the store took are
        written there and every other one is still marked pending, so the next build reads those again."""
        self._close_beside()

    def _close_beside(self) -> None:
        """Commit what is kept beside the store: the linker and the census read it next."""
        if self._beside is not None:
            self._beside.close()
            self._beside = None

    def flush(self) -> None:
        """Moves what Oxigraph holds in memory to its files, for a store on disk (memory stores have none),
        and lets go of what it keeps of the files read so far (:meth:`OxigraphStore.release_memory`)."""
        store = self.store
        if self._beside is not None:
            self._beside.commit()
        if _writable_directory(store):
            release = getattr(store, "release_memory", None)
            above = WRITES_RELEASE_ABOVE_MB if self._bulk is None else BATCHES_RELEASE_ABOVE_MB
            if release is None or not release(above):
                store.raw.flush()


def _compact(store: Store) -> None:
    """Have RocksDB merge the files the batches left (``Store.optimize``) before the build ends, not
    at the next opening.  Each batch goes in as new level-0 files, and RocksDB merges two of them into
    the one file that holds all of an index, rewriting it.  A build into a fresh store ended with such
    merges still owed, which the next build paid for in RocksDB's threads: the first two builds adding
    pages to a kremlin-news store rewrote 100-115 MB each (0.5-0.6 CPU-s, against 0.02-0.04 for the
    later ones).  Done here, the same merges cost the full build some 1.2 CPU-s, and the next builds
    merge next to nothing (``inc24-notes.md``)."""
    try:
        store.raw.optimize()
    except OSError as error:
        raise StoreError(f"{store.path}: cannot compact the store: {error}") from error


def _writable_directory(store: Store) -> bool:
    """Whether ``store`` is a store directory open for writing (a memory store or an endpoint is not)."""
    return getattr(store, "path", None) is not None and not getattr(store, "read_only", False)


def sink_for(target: Store | Sink) -> Sink:
    """The sink of a build's target: itself if it is one, else the store's."""
    return target if isinstance(target, Sink) else StoreSink(target)


TYPE = ns.ns_node(ns.RDF, "type")


def typed(triples: Iterable[ox.Triple]) -> list[tuple[str, str]]:
    """(class, subject) of each resource typed with an irkg class: what the class partitions count."""
    from kg.building.tally import subject_key

    return [(t.object.value, subject_key(t.subject)) for t in triples
            if t.predicate == TYPE and isinstance(t.object, ox.NamedNode)
            and t.object.value.startswith(ns.ONTOLOGY_NS)]


def nquads(graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> Iterable[str]:
    """N-Quads lines of ``triples`` in ``graph``."""
    return (f"{t} {graph} .\n" for t in triples)


class ShardSink:
    """A build into ``folder/part-NNNNN.nq.gz`` shards of at most ``shard_size`` quads, with a manifest.

    Use it as a context manager, or call :meth:`close` when the build has
    returned and :meth:`abort` when it has not: the folder appears on close,
    whole, and an aborted build leaves it as it was.
    """

    store = None

    def __init__(self, folder: str | Path, shard_size: int | None = None) -> None:
        from kg.building.tally import Tally
        from kg.store.shards import SHARD_SIZE, ShardWriter

        self.writer = ShardWriter(folder, SHARD_SIZE if shard_size is None else shard_size)
        self.tally = Tally(self.writer.work / ".tally.sqlite")
        self.shared: dict[ox.NamedNode, list[ox.Triple]] = {}  # reference, follow-ups, metadata
        self.base = ns.DEFAULT_BASE
        self.manifest: dict | None = None

    def __repr__(self) -> str:
        return f"ShardSink({str(self.writer.folder)!r})"

    def __enter__(self) -> ShardSink:
        return self

    def __exit__(self, kind, *exc: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    @property
    def folder(self) -> Path:
        return self.writer.folder

    def write_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> int:
        """Keeps a shared graph (reference, follow-ups, metadata: all small) to write at the end."""
        self.shared[graph] = list(dict.fromkeys(triples))
        self.tally.forget(graph.value)
        self.tally.add_types(graph.value, typed(self.shared[graph]))
        return len(self.shared[graph])

    def write_transcript(self, graph: ox.NamedNode, triples: Sequence[ox.Triple],
                         shared: Sequence[ox.Triple] = ()) -> int:
        """Streams the transcript's own graph into the shards; tallies what the shared graphs need of it."""
        from kg.building.followup import read_claims
        from kg.store.layout import base_of, encode
        from kg.store.metadata import licence_rows
        from kg.store.embedded import OxigraphStore

        if self.tally.has(graph.value):  # a build never writes one text twice (kg.building.incremental)
            raise StoreError(f"{self.folder}: graph {graph.value} is already in the shards")
        self.base = base_of(graph)
        own = list(dict.fromkeys(triples))
        ledger = list(dict.fromkeys(encode(t) for t in shared))
        shards = self.writer.write(nquads(graph, own))
        view = OxigraphStore(None)  # this graph alone, to ask it what the store build asks of all graphs
        try:
            view.raw.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in own)
            view.raw.extend(_commitment_kinds())  # the store build reads the kinds from the ontology
            licences = [(licence, None if publisher is None else str(publisher), n)
                        for licence, publisher, n in licence_rows(view)]
            claims = read_claims(view)
        finally:
            view.close()
        self.tally.add(graph.value, len(own), shards, ledger, typed(own) + typed(shared), licences, claims)
        return len(own) + len(ledger)

    def remove_transcript(self, graph: ox.NamedNode) -> None:
        """Takes a transcript back: its lines leave the shards, its rows the tally."""
        shards = self.tally.forget(graph.value)
        if shards is not None and shards[0] >= 0:
            ending = f" {graph} .\n"
            self.writer.drop_lines(range(shards[0], shards[1] + 1), lambda line: line.endswith(ending))

    def link_followups(self, base: str) -> None:
        """The follow-up links over every claim tallied, as :func:`kg.building.followup.link_followups` does."""
        from kg.building.followup import followup_triples, links_of

        links = links_of(self.tally.claims())
        if links:
            self.write_graph(ns.followups_graph_iri(base), followup_triples(links, base))

    def record_build(self, record: BuildRecord, base: str) -> None:
        """The metadata graph a build into an empty store writes, from the tally's counts."""
        from kg.store.metadata import first_metadata

        graph = ns.metadata_graph_iri(base)
        other = sum(len(triples) for name, triples in self.shared.items() if name != graph)
        contents = self.tally.contents(other, ns.ONTOLOGY_NS + "Transcript", ns.ONTOLOGY_NS + "Meeting")
        self.write_graph(graph, first_metadata(record, contents, base))

    def flush(self) -> None:
        """Nothing waits in memory: each transcript graph is in the shards once written."""

    def release(self) -> None:
        """A failed build's shards are dropped by :meth:`abort` (the context manager calls it), not here."""

    def close(self) -> dict:
        """Write the shared graphs and put the folder in place; returns the manifest (:mod:`kg.store.shards`)."""
        if self.manifest is not None or self.writer.closed:  # written, or abandoned
            return self.manifest
        from kg import __version__
        from kg.store.layout import CONTRIBUTES

        try:
            entities, ledger = ns.entities_graph_iri(self.base), ns.contributions_graph_iri(self.base)
            self.writer.write(f"{line} {entities} .\n" for line in self.tally.entities())
            self.writer.write(f"{ox.Quad(ox.NamedNode(g), CONTRIBUTES, ox.Literal(line), ledger)} .\n"
                              for g, line in self.tally.ledger())
            for graph, triples in self.shared.items():
                self.writer.write(nquads(graph, triples))
            graphs = self.tally.graphs() + sum(1 for triples in self.shared.values() if triples)
            self.tally.close()
            self.manifest = self.writer.commit({"generator": f"irkg {__version__}", "graphs": graphs})
        except BaseException:
            self.abort()
            raise
        return self.manifest

    def abort(self) -> None:
        """Remove everything written; the folder stays as it was before the build."""
        self.tally.close()
        self.writer.abort()


def _commitment_kinds() -> list[ox.Quad]:
    """The ontology's ``rdfs:subClassOf irkg:Commitment`` triples, for a view of one transcript graph."""
    from kg.model import COMMITMENT_TYPES
    from kg.rdf import namespace as ns

    graph = ox.NamedNode("urn:irkg:commitment-kinds")
    subclass = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    commitment = ns.irkg("Commitment")
    return [ox.Quad(ns.commitment_class(kind), subclass, commitment, graph) for kind in COMMITMENT_TYPES]
