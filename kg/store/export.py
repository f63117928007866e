"""Writes the store, or one graph of it, in a standard RDF format.

TriG, N-Quads and JSON-LD keep the named graphs, so provenance (which
transcript said what) survives the export; Turtle and N-Triples cannot name
graphs and get the union of all of them (or the one graph asked for).
Prefixes are declared where the format has them, for people who read the file.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from pyoxigraph import NamedNode

from kg.errors import StoreError
from kg.store.protocol import FORMATS, SUFFIXES, Store

EXPORT_FORMATS: tuple[str, ...] = ("turtle", "trig", "nquads", "ntriples", "jsonld")

#: file suffixes people type, for ``-f`` guessing in the CLI: the export formats' own, and .json
_EXPORT_SUFFIXES: dict[str, str] = {**{s: f for s, f in SUFFIXES.items() if f in EXPORT_FORMATS}, ".json": "jsonld"}


def export(store: Store, out: BinaryIO, fmt: str, graph: str | NamedNode | None = None) -> None:
    """Serialise ``store`` (or only ``graph``) to the binary stream ``out`` as ``fmt``."""
    fmt = fmt.lower().replace("-", "")
    if fmt not in EXPORT_FORMATS or fmt not in FORMATS:
        raise StoreError(f"cannot export as {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    node = None
    if graph is not None:
        node = graph if isinstance(graph, NamedNode) else NamedNode(graph)
        if node not in store.graphs():
            raise StoreError(f"the store has no graph <{node.value}>: list them with `kg stats`")
    if fmt == "jsonld":
        _write_compact_jsonld(store, out, node)
    else:
        store.dump(out, fmt, node)


def _write_compact_jsonld(store: Store, out: BinaryIO, graph: NamedNode | None) -> None:
    """JSON-LD with an ``@context`` of the project's prefixes, one named graph object per graph.

    Written by :mod:`kg.rdf.jsonld` graph by graph and subject by subject, so it
    takes time and memory of the order of a Turtle export.  A store without
    pyoxigraph underneath (a remote endpoint) goes through an N-Quads copy
    in memory first.
    """
    from pyoxigraph import Quad, RdfFormat, Store as OxStore, parse

    from kg.rdf.jsonld import write_jsonld

    raw = getattr(store, "raw", None)
    if raw is None:
        quads = io.BytesIO()
        store.dump(quads, "nquads", graph)
        raw = OxStore()
        parsed = parse(quads.getvalue(), RdfFormat.N_QUADS)
        if graph is not None:  # one graph comes back as bare triples: put them back in it
            parsed = (Quad(q.subject, q.predicate, q.object, graph) for q in parsed)
        raw.bulk_extend(parsed)
    write_jsonld(raw, out, None if graph is None else [graph])


def format_for(filename: str) -> str | None:
    """The export format a file name's suffix asks for, or None."""
    for suffix, fmt in _EXPORT_SUFFIXES.items():
        if filename.lower().endswith(suffix):
            return fmt
    return None
