"""The embedded store: Oxigraph on disk or in memory, behind the Store protocol (:mod:`kg.store.protocol`).

The unit of writing is a whole named graph: a transcript's in one
transaction (:func:`kg.store.layout.write_transcript`), so a rebuild or an
interrupted run never leaves half a transcript in the store.

A build reads and writes the whole store, and RocksDB keeps what it read of
its files until the store is closed, with no setting pyoxigraph offers to
bound it: :meth:`OxigraphStore.release_memory` reopens the store, which a
build does every few hundred graphs to keep its memory flat.

A store directory written here can be served as it is by the Oxigraph server
(``oxigraph serve --location kg-store``).
"""

from __future__ import annotations

import ctypes
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.prefixes import PREFIXES
from kg.store.protocol import DATASET_FORMATS, QueryResult, Rows, Term, rdf_format
from kg.store.sparql_text import graph_data, insert_values, replace_graph_update

T = TypeVar("T")
#: MB the process may grow by, since a store on disk last opened, before a release reopens it
RELEASE_ABOVE_MB = 4


class OxigraphStore:
    """Embedded Oxigraph: a directory on disk (created when missing) or, with ``path=None``, memory.

    ``read_only`` opens an existing directory without writing a byte to it (no
    log file, no lock): what commands that only read use, so they work on a
    store they may not write and never grow it.  A writable opening takes the
    store lock (:mod:`kg.store.lock`) that ``kg serve`` also takes.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = None if path is None else Path(path)
        self.read_only = read_only and self.path is not None
        self._lock = None
        if self.path is None:
            self._store = ox.Store()
        elif self.read_only:
            self._store = _open_read_only(self.path)
        else:
            _map_large_blocks()
            self._store = _open_directory(self.path, self)
        self._resident_at_open = _resident_mb()

    def __repr__(self) -> str:
        return f"OxigraphStore({str(self.path) if self.path else None!r})"

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush to disk and release the directory lock (the object is unusable afterwards)."""
        if self._store is not None:
            try:
                if self.path is not None and not self.read_only:
                    self._store.flush()
            except OSError as error:
                raise StoreError(f"{self.path}: cannot save the store ({error}): graphs written since "
                                 "the last save may be missing: free some space and build again") from None
            finally:
                self._store = None  # the lock goes when the Rust store is dropped
                if self._lock is not None:
                    self._lock.release()
                    self._lock = None

    def release_memory(self, above_mb: float | None = None) -> bool:
        """Close and reopen a store on disk, so RocksDB gives back what it keeps of the files it read.

        RocksDB keeps blocks and table indexes of every file a query or write touched, and
        pyoxigraph offers no setting to bound it, so a build that reads and writes the whole store
        grew by about a fifth of the store's size on disk.  Closing frees all of it; the C heap then
        returns it to the system (:func:`_trim_heap`).  Skipped (False) for a memory store and while
        anything else holds the pyoxigraph store: the directory could not be reopened.  The caller
        must hold no iterator of :attr:`raw` either (``named_graphs``, ``quads_for_pattern``).

        The store is only flushed, not reopened, while the process holds less than
        :data:`RELEASE_ABOVE_MB` more than when the store last opened: a reopening costs some 0.07 s
        (RocksDB writes and syncs its manifest), and the parts of a build's last steps read 1-2 MB each
        at 7,000 pages, so the 100 pages added to such a store reopened it nine times for little.
        ``above_mb`` replaces that threshold for one call (a build's writes ask for less,
        :data:`kg.building.sink.WRITES_RELEASE_ABOVE_MB`).
        """
        store = self._store
        if self.path is None or store is None or sys.getrefcount(store) > 3:  # self._store, store, the call
            return False
        if not self.read_only:
            store.flush()
        if _held_little(self._resident_at_open, RELEASE_ABOVE_MB if above_mb is None else above_mb):
            return True  # little held since the last opening: a reopening would cost more than it frees
        self._store = store = None
        _trim_heap()
        try:
            self._store = _open_read_only(self.path) if self.read_only else ox.Store(str(self.path))
        except OSError as error:
            raise StoreError(f"{self.path}: cannot reopen the store ({error}): an iterator over it was "
                             "still open") from error
        self._resident_at_open = _resident_mb()
        return True

    def read_again(self, read: Callable[[OxigraphStore], T]) -> T:
        """``read(self)``, and once more on a fresh view if a read-only view lost a file under it.

        A read-only view of a directory that another process is writing lists the storage files
        of the moment it opened; the writer's compaction may delete one before the view reads it
        ("No such file or directory").  A view opened now lists the files that replaced it, so one
        more try answers; any other error, or a second loss, is raised.
        """
        try:
            return read(self)
        except (OSError, StoreError) as error:
            if not self.read_only or "No such file" not in str(error):
                raise
        self._store = None
        self._store = _open_read_only(self.path)
        return read(self)

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for callers that need its full API (bulk loading, backups)."""
        if self._store is None:
            raise StoreError(f"{self!r} is closed")
        return self._store

    # writing -------------------------------------------------------------

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> int:
        """A fresh graph in one transaction (``extend``); an existing one by what differs.

        The triples to add go in by ``extend`` and those to remove by one ``DELETE DATA``: a
        graph rewritten with a few changes (the metadata graph, whose builds name every graph
        they built) costs its changes, where one SPARQL update of the whole graph took Oxigraph
        some 50 MB per 15,000 triples to parse.  Adding and removing are then two transactions:
        stopped between them, the graph holds old and new triples until it is next replaced.
        A difference with blank nodes (which ``DELETE DATA`` cannot name) is one update of the whole graph.
        """
        self._writable()
        store = self.raw
        unique = list(dict.fromkeys(triples))
        try:
            if not store.contains_named_graph(graph):
                store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in unique)
                if not unique:
                    store.add_graph(graph)
            else:
                _replace_existing(store, graph, unique)
        except OSError as error:
            raise StoreError(f"{self.path or 'memory store'}: cannot write graph {graph.value}: {error}") from error
        return len(unique)

    def add_quads(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> bool:
        """Write a graph not in the store yet, with quads of other graphs, in one transaction
        (:func:`kg.store.layout.write_transcript`); False, and nothing written, if ``graph`` is there."""
        self._writable()
        store = self.raw
        if store.contains_named_graph(graph):
            return False
        try:
            store.extend(quads)
            store.add_graph(graph)  # kept when it has no triple, as the update's CREATE GRAPH does
        except OSError as error:
            raise StoreError(f"{self.path or 'memory store'}: cannot write graph {graph.value}: {error}") from error
        return True

    def add_triples(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """Add ``triples`` to ``graph``, kept with what it holds, in one transaction."""
        self._writable()
        try:
            self.raw.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        except OSError as error:
            raise StoreError(f"{self.path or 'memory store'}: cannot write graph {graph.value}: {error}") from error

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only: cannot write")

    def update(self, sparql: str) -> None:
        self._writable()
        try:
            self.raw.update(sparql, prefixes=PREFIXES)
        except SyntaxError as error:
            raise QueryError(f"SPARQL update is malformed: {error}") from error
        except OSError as error:
            raise StoreError(f"{self.path or 'memory store'}: update failed: {error}") from error

    # reading -------------------------------------------------------------

    def query(self, sparql: str, bindings: dict[str, Term] | None = None,
              timeout: float | None = None, named_graphs: list[ox.NamedNode] | None = None) -> QueryResult:
        """Run a query over the union of all graphs (``GRAPH ?g`` still sees each one).

        ``bindings`` substitute variables by terms before evaluation (no string
        splicing).  ``timeout`` is checked while the answer is read, so a query
        that keeps producing rows stops; Oxigraph cannot interrupt a query that
        has not produced its first row yet.  ``named_graphs``, when given, are the
        only graphs ``GRAPH`` sees: one block over a few graphs, parsed once.
        """
        started = time.monotonic()
        try:
            result = self._run(sparql, bindings or {}, named_graphs)
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            if isinstance(result, ox.QuerySolutions):
                names = [v.value for v in result.variables]
                rows = Rows(names)
                for solution in result:  # a solution iterates its values in the order of ``names``
                    _check_time(started, timeout)
                    rows.rows.append({n: v for n, v in zip(names, solution) if v is not None})
                return rows
            triples = []
            for triple in result:
                _check_time(started, timeout)
                triples.append(triple)
            return triples
        except SyntaxError as error:
            raise QueryError(f"SPARQL query is malformed: {error}") from error
        except OSError as error:
            raise StoreError(f"{self.path or 'memory store'}: query failed: {error}") from error

    def _run(self, sparql: str, bindings: dict[str, Term], named_graphs: list[ox.NamedNode] | None = None) -> object:
        """Substitute bound variables; ones the query does not project become a leading VALUES."""
        store = self.raw
        substitutions = {ox.Variable(k): v for k, v in bindings.items()}
        try:
            return store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                               substitutions=substitutions or None, named_graphs=named_graphs)
        except RuntimeError as error:
            if "projection" not in str(error):
                raise QueryError(f"SPARQL query failed: {error}") from error
        return store.query(insert_values(sparql, bindings), prefixes=PREFIXES,
                           use_default_graph_as_union=True)

    def graphs(self) -> list[ox.NamedNode]:
        return sorted((g for g in self.raw.named_graphs() if isinstance(g, ox.NamedNode)),
                      key=lambda g: g.value)

    def count(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> int:
        """Triples in one graph (the default graph too), or quads in the whole store."""
        if graph is None:
            return len(self.raw)
        return sum(1 for _ in self.raw.quads_for_pattern(None, None, None, graph))

    def dump(self, out: BinaryIO, fmt: str, graph: ox.NamedNode | None = None) -> None:
        """Serialise one graph, or everything: datasets keep graphs, triple formats get the union."""
        syntax = rdf_format(fmt)
        store = self.raw
        prefixes = None if fmt in ("nquads", "ntriples") else PREFIXES
        if graph is not None:
            store.dump(out, syntax, from_graph=graph, prefixes=prefixes)
        elif fmt in DATASET_FORMATS:
            store.dump(out, syntax, prefixes=prefixes)
        else:
            union = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
            ox.serialize(union, out, syntax, prefixes=prefixes)


def _replace_existing(store: ox.Store, graph: ox.NamedNode, triples: list[ox.Triple]) -> None:
    """Make the existing ``graph`` hold ``triples`` (see :meth:`OxigraphStore.replace_graph`)."""
    old = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)}
    new = set(triples)
    gone, added = [t for t in old if t not in new], [t for t in triples if t not in old]
    if any(isinstance(term, ox.BlankNode) for t in (*gone, *added) for term in (t.subject, t.object)):
        store.update(replace_graph_update(graph, triples))
        return
    if added:
        store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in added)
    if gone:
        store.update(f"DELETE DATA {{ {graph_data(graph, gone)} }}")


#: blocks glibc's malloc serves by mmap, and so returns to the system when freed
_MMAP_THRESHOLD = 64 * 1024


def _map_large_blocks() -> None:
    """Have glibc's malloc serve blocks of :data:`_MMAP_THRESHOLD` and more by mmap (nothing elsewhere).

    By default glibc raises that threshold to 32 MB as large blocks are freed, so the buffers RocksDB
    takes and frees at every write and reopening land in the heap among small blocks that stay,
    and the heap grew over a build even with :func:`_trim_heap`: writer at 4,000 kremlin-news pages
    82 -> 71 MB.  It holds for the whole process, set when a store on disk is opened to write."""
    try:
        ctypes.CDLL(None).mallopt(-3, _MMAP_THRESHOLD)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        pass


def _resident_mb() -> float | None:
    """The resident memory of this process in MB, None where it cannot be read (not Linux)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError, ValueError, AttributeError):
        return None


def _held_little(since: float | None, above_mb: float) -> bool:
    """Whether this process holds less than ``above_mb`` more than ``since`` (no: unknown)."""
    now = _resident_mb()
    return since is not None and now is not None and now - since < above_mb


def _trim_heap() -> None:
    """Hand freed C heap back to the system (glibc's ``malloc_trim``; nothing elsewhere)."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _check_time(started: float, timeout: float | None) -> None:
    if timeout is not None and time.monotonic() - started > timeout:
        raise QueryError(f"query timed out after {timeout:g} s: make it more selective or raise --timeout")


def _open_directory(path: Path, owner: OxigraphStore) -> ox.Store:
    """Open or create a store directory for writing, under the store lock; refuse other folders."""
    from kg.store.lock import StoreLock

    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store directory: give a directory path or 'memory'")
    if path.is_dir() and any(p.name != "kg.lock" for p in path.iterdir()) and not (path / "CURRENT").exists():
        raise StoreError(f"{path}: is not an Oxigraph store (the folder holds other files): "
                         "choose an empty or new directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path}: cannot create the store folder: {error.strerror or error}") from None
    owner._lock = StoreLock(path, shared=False, holder="written by a kg command")
    try:
        store = ox.Store(str(path))
        _remove_unloaded(path)
        return store
    except OSError as error:
        owner._lock.release()
        owner._lock = None
        if "lock" in str(error).lower():
            raise StoreError(f"{path}: the store is in use by another process (an `oxigraph serve` or "
                             "another kg command): stop it or use another directory") from error
        raise StoreError(f"{path}: cannot open the store: {error}") from error


def _remove_unloaded(path: Path) -> None:
    """Delete the files a bulk load (:mod:`kg.building.bulk`) stopped before RocksDB took them in.

    Oxigraph's bulk loader writes ``bulk-<number>.sst`` in the store directory and deletes each
    once it is ingested, or when the load fails; a process killed while loading leaves them.  No
    RocksDB file is named so, and this process holds the store's lock (Oxigraph's and ours), so
    no load is under way."""
    for leftover in path.glob("bulk-*.sst"):
        if leftover.name[5:-4].isdigit():
            leftover.unlink(missing_ok=True)


#: how many times a read-only opening is tried while a writer's compaction replaces the files it lists
_OPEN_TRIES = 5


def _open_read_only(path: Path) -> ox.Store:
    """Open an existing store directory for reading only: nothing is written, no lock is taken."""
    if not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store directory: give a directory path or 'memory'")
    if not (path / "CURRENT").exists():
        raise StoreError(f"{path}: no Oxigraph store here: build one with `kg build FILES --store {path}`")
    for attempt in range(_OPEN_TRIES):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as error:
            # A writer's compaction may delete a storage file between our reading the list of files and
            # opening it ("No such file or directory", which RocksDB words as corruption): the list is
            # new a moment later, so open again; any other failure is the store's.
            if "No such file" not in str(error) or attempt == _OPEN_TRIES - 1:
                raise StoreError(f"{path}: cannot open the store: {error}") from error
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")
