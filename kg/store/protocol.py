"""What every store is: the Store protocol, query answers as Rows, and the RDF formats stores write.

Stores know nothing of transcripts: they hold named graphs of triples, answer
SPARQL and write serialisations.  The embedded Oxigraph store
(:mod:`kg.store.embedded`) and a remote endpoint (:mod:`kg.store.endpoint`)
both follow this protocol; :func:`kg.store.factory.open_store` picks one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol, Union, runtime_checkable

import pyoxigraph as ox

from kg.errors import StoreError

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]

#: the RDF formats by name; each one's file suffix and media type are pyoxigraph's
#: (``file_extension``, ``media_type``)
FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
DATASET_FORMATS = frozenset({"trig", "nquads", "jsonld"})
#: file suffix -> format name, for each format's own suffix (".ttl", ".nq", ".rdf"...)
SUFFIXES: dict[str, str] = {f".{syntax.file_extension}": name for name, syntax in FORMATS.items()}


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
        """One tuple of Python values per row (dates, numbers, strings; see :mod:`kg.store.results`)."""
        from kg.store.results import row_values
        return row_values(self.variables, self.rows)

    def to_dicts(self) -> list[dict]:
        """One dict of Python values per row, every variable present (``None`` where unbound)."""
        from kg.store.results import row_dicts
        return row_dicts(self.variables, self.rows)

    def to_dataframe(self):
        """A ``pandas.DataFrame``, one column per variable; raises a clear error without pandas."""
        from kg.store.results import row_dataframe
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

    def add_triples(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """Add ``triples`` to ``graph``, which keeps what it holds, in one transaction."""

    def update(self, sparql: str) -> None: ...

    def graphs(self) -> list[ox.NamedNode]: ...

    def count(self, graph: ox.NamedNode | None = None) -> int: ...

    def dump(self, out: BinaryIO, fmt: str, graph: ox.NamedNode | None = None) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def graph_triples(store: Store, graph: ox.NamedNode) -> list[ox.Triple]:
    """Every triple of one named graph of any store, through the protocol's query alone."""
    return list(store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))


def rdf_format(fmt: str) -> ox.RdfFormat:
    """The pyoxigraph format of a format name; a clear error for an unknown one."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise StoreError(f"unknown RDF format {fmt!r}: use one of {', '.join(FORMATS)}") from None
