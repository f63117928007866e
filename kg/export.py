"""Writes the store, or one graph of it, in a standard RDF format.

TriG, N-Quads and JSON-LD keep the named graphs, so provenance (which
transcript said what) survives the export; Turtle and N-Triples cannot name
graphs and get the union of all of them (or the one graph asked for).
Prefixes are declared where the format has them, for people who read the file.
"""

from __future__ import annotations

from typing import BinaryIO

from pyoxigraph import NamedNode

from kg.errors import StoreError
from kg.store import FORMATS, Store

EXPORT_FORMATS: tuple[str, ...] = ("turtle", "trig", "nquads", "ntriples", "jsonld")

#: file suffixes people type, for ``-f`` guessing in the CLI
SUFFIXES: dict[str, str] = {
    ".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "ntriples",
    ".jsonld": "jsonld", ".json": "jsonld",
}


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
    """JSON-LD with an ``@context`` of the usual prefixes, one ``@graph`` per named graph.

    Oxigraph writes expanded JSON-LD (full IRIs everywhere); publishers expect
    the compact form people can read, so rdflib compacts it.  Slower than the
    other formats on a large store, and the only one that goes through rdflib.
    """
    import io

    import rdflib

    from kg.namespace import PREFIXES

    quads = io.BytesIO()
    store.dump(quads, "nquads", graph)
    dataset = rdflib.Dataset()
    dataset.parse(data=quads.getvalue(), format="nquads")
    out.write(dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True).encode("utf-8"))


def format_for(filename: str) -> str | None:
    """The export format a file name's suffix asks for, or None."""
    for suffix, fmt in SUFFIXES.items():
        if filename.lower().endswith(suffix):
            return fmt
    return None
