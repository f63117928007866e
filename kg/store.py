"""Where the graph lives: one small protocol, Oxigraph on disk or in memory behind it.

Stores know nothing of transcripts: they hold named graphs of triples, answer
SPARQL and write serialisations.  The unit of writing is a whole named graph
(:meth:`Store.replace_graph`), done in one transaction, so a rebuild or an
interrupted run never leaves half a transcript in the store.

A store directory written here can be served as it is by the Oxigraph server
(``oxigraph serve --location kg-store``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol, Union, runtime_checkable

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.namespace import PREFIXES

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
DATASET_FORMATS = frozenset({"trig", "nquads", "jsonld"})


@dataclass
class Rows:
    """The answer to a SELECT: variable names and one dict of RDF terms per solution (unbound names absent).

    The rows keep RDF terms, which round-trip exactly; :meth:`values`,
    :meth:`to_dicts` and :meth:`to_dataframe` give Python values for notebooks.
    """

    variables: list[str]
    rows: list[dict[str, Term]] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, Term]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return f"Rows({self.variables!r}, {len(self.rows)} row{'s' if len(self.rows) != 1 else ''})"

    def values(self) -> list[tuple]:
        """One tuple of Python values per row (dates, numbers, strings; see :mod:`kg.results`)."""
        from kg.results import row_values
        return row_values(self.variables, self.rows)

    def to_dicts(self) -> list[dict]:
        """One dict of Python values per row, every variable present (``None`` where unbound)."""
        from kg.results import row_dicts
        return row_dicts(self.variables, self.rows)

    def to_dataframe(self):
        """A ``pandas.DataFrame``, one column per variable; raises a clear error without pandas."""
        from kg.results import row_dataframe
        return row_dataframe(self.variables, self.rows)


QueryResult = Union[Rows, bool, list[ox.Triple]]


@runtime_checkable
class Store(Protocol):
    """What the rest of irkg needs from a triple store."""

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> int:
        """Drop ``graph`` and write ``triples`` into it, atomically; returns its new size."""

    def query(self, sparql: str, bindings: dict[str, Term] | None = None,
              timeout: float | None = None) -> QueryResult:
        """SELECT -> :class:`Rows`, ASK -> bool, CONSTRUCT/DESCRIBE -> triples; all graphs as default."""

    def update(self, sparql: str) -> None: ...

    def graphs(self) -> list[ox.NamedNode]: ...

    def count(self, graph: ox.NamedNode | None = None) -> int: ...

    def dump(self, out: BinaryIO, fmt: str, graph: ox.NamedNode | None = None) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


class OxigraphStore:
    """Embedded Oxigraph: a directory on disk (created when missing) or, with ``path=None``, memory.

    ``read_only`` opens an existing directory without writing a byte to it (no
    log file, no lock): what commands that only read use, so they work on a
    store they may not write and never grow it.  A writable opening takes the
    store lock (:mod:`kg.lock`) that ``kg serve`` also takes.
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
            self._store = _open_directory(self.path, self)

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

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store, for callers that need its full API (bulk loading, backups)."""
        if self._store is None:
            raise StoreError(f"{self!r} is closed")
        return self._store

    # writing -------------------------------------------------------------

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> int:
        """One transaction: a fresh graph by ``extend``, an existing one by one SPARQL update."""
        self._writable()
        store = self.raw
        unique = list(dict.fromkeys(triples))
        try:
            if not store.contains_named_graph(graph):
                store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in unique)
                if not unique:
                    store.add_graph(graph)
            else:
                body = " .\n".join(str(t) for t in unique)
                store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
        except OSError as error:
            raise StoreError(f"{self.path or 'memory store'}: cannot write graph {graph.value}: {error}") from error
        return len(unique)

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
              timeout: float | None = None) -> QueryResult:
        """Run a query over the union of all graphs (``GRAPH ?g`` still sees each one).

        ``bindings`` substitute variables by terms before evaluation (no string
        splicing).  ``timeout`` is checked while the answer is read, so a query
        that keeps producing rows stops; Oxigraph cannot interrupt a query that
        has not produced its first row yet.
        """
        started = time.monotonic()
        try:
            result = self._run(sparql, bindings or {})
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

    def _run(self, sparql: str, bindings: dict[str, Term]) -> object:
        """Substitute bound variables; ones the query does not project become a leading VALUES."""
        store = self.raw
        substitutions = {ox.Variable(k): v for k, v in bindings.items()}
        try:
            return store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                               substitutions=substitutions or None)
        except RuntimeError as error:
            if "projection" not in str(error):
                raise QueryError(f"SPARQL query failed: {error}") from error
        return store.query(_with_values(sparql, bindings), prefixes=PREFIXES,
                           use_default_graph_as_union=True)

    def graphs(self) -> list[ox.NamedNode]:
        return sorted((g for g in self.raw.named_graphs() if isinstance(g, ox.NamedNode)),
                      key=lambda g: g.value)

    def count(self, graph: ox.NamedNode | None = None) -> int:
        """Triples in one graph, or quads in the whole store."""
        if graph is None:
            return len(self.raw)
        return sum(1 for _ in self.raw.quads_for_pattern(None, None, None, graph))

    def dump(self, out: BinaryIO, fmt: str, graph: ox.NamedNode | None = None) -> None:
        """Serialise one graph, or everything: datasets keep graphs, triple formats get the union."""
        rdf_format = _format(fmt)
        store = self.raw
        prefixes = None if fmt in ("nquads", "ntriples") else PREFIXES
        if graph is not None:
            store.dump(out, rdf_format, from_graph=graph, prefixes=prefixes)
        elif fmt in DATASET_FORMATS:
            store.dump(out, rdf_format, prefixes=prefixes)
        else:
            union = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
            ox.serialize(union, out, rdf_format, prefixes=prefixes)


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def _with_values(sparql: str, bindings: dict[str, Term]) -> str:
    """Put ``VALUES ?v { term }`` first in the WHERE group, so it binds before anything is matched.

    Terms are written by pyoxigraph (escaped N-Triples syntax), never spliced
    from raw strings, so a binding cannot change the query's shape.
    """
    match = _WHERE.search(sparql) or re.search(r"\{", sparql)
    if match is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in bindings.items())
    return f"{sparql[:match.end()]} {values} {sparql[match.end():]}"


def _check_time(started: float, timeout: float | None) -> None:
    if timeout is not None and time.monotonic() - started > timeout:
        raise QueryError(f"query timed out after {timeout:g} s: make it more selective or raise --timeout")


def _format(fmt: str) -> ox.RdfFormat:
    try:
        return FORMATS[fmt]
    except KeyError:
        raise StoreError(f"unknown RDF format {fmt!r}: use one of {', '.join(FORMATS)}") from None


def _open_directory(path: Path, owner: OxigraphStore) -> ox.Store:
    """Open or create a store directory for writing, under the store lock; refuse other folders."""
    from kg.lock import StoreLock

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
        return ox.Store(str(path))
    except OSError as error:
        owner._lock.release()
        owner._lock = None
        if "lock" in str(error).lower():
            raise StoreError(f"{path}: the store is in use by another process (an `oxigraph serve` or "
                             "another kg command): stop it or use another directory") from error
        raise StoreError(f"{path}: cannot open the store: {error}") from error


def _open_read_only(path: Path) -> ox.Store:
    """Open an existing store directory for reading only: nothing is written, no lock is taken."""
    if not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store directory: give a directory path or 'memory'")
    if not (path / "CURRENT").exists():
        raise StoreError(f"{path}: no Oxigraph store here: build one with `kg build FILES --store {path}`")
    try:
        return ox.Store.read_only(str(path))
    except OSError as error:
        raise StoreError(f"{path}: cannot open the store: {error}") from error


def open_store(spec: str = "kg-store", *, create: bool = True, read_only: bool | None = None) -> Store:
    """``"memory"``, a store directory, or a SPARQL 1.1 endpoint URL (see :mod:`kg.endpoint`).

    With ``create=False`` (commands that only read) a missing directory is an
    error rather than a new empty store, so a mistyped ``--store`` says so
    instead of answering every question with nothing; and a directory is
    opened read-only unless ``read_only=False`` says otherwise.
    """
    if spec == "memory":
        return OxigraphStore(None)
    if spec.startswith(("http://", "https://")):
        from kg.endpoint import EndpointStore

        return EndpointStore(spec)
    if not create and not Path(spec).exists():
        raise StoreError(f"{spec}: no store here: build one with `kg build FILES --store {spec}`, "
                         "or point --store at a store directory or a SPARQL endpoint URL")
    return OxigraphStore(spec, read_only=(not create) if read_only is None else read_only)
