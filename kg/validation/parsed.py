"""The shapes and the ontology as rdflib graphs, their triples kept in the load cache instead of parsed again.

A build worker makes its SHACL check before its first page, and parsing the
Turtle of ``shapes/*.ttl`` and ``ontology/irkg.ttl`` into rdflib graphs took
0.045 CPU-s of that (rdflib's parser is pure Python), on the critical path of
a one-page incremental build.  The parsed triples, as plain tuples, and the
prefixes the files bind are kept by :mod:`kg.loadcache` under a key of the
files' paths and bytes, the extra snippets and rdflib's version; rebuilding
the graph from them is a third of the parse.  The graph holds the same
triples (blank nodes keep the labels of the parse that was kept: labels any
parse draws at random) and binds the same prefixes.  A stale, damaged or
missing cache costs the parse, never another graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import rdflib
from rdflib import BNode, Literal, URIRef

from kg import loadcache

#: a term as kept: ("u", IRI), ("b", label) or ("l", lexical form, datatype IRI or "", language or "")
Kept = tuple[str, ...]


def turtle_graph(name: str, paths: Sequence[Path], extras: Sequence[str]) -> rdflib.Graph:
    """The graph of the Turtle files ``paths`` and snippets ``extras``, parsed in that order; kept as ``name``."""
    try:
        parts = [part for path in paths for part in (str(path), path.read_bytes())]
    except OSError:  # the parse reports the file
        return _parse(paths, extras)
    key = loadcache.key_of("turtle graph", rdflib.__version__, *parts, "\0extras", *extras)
    return loadcache.kept(name, key, lambda: _parse(paths, extras), _to_kept, _from_kept)


def _parse(paths: Sequence[Path], extras: Sequence[str]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    for text in extras:
        graph.parse(data=text, format="turtle")
    return graph


def _to_kept(graph: rdflib.Graph) -> tuple[list, list]:
    """The graph's prefixes and triples as plain tuples (:data:`Kept` terms)."""
    prefixes = [(prefix, str(namespace)) for prefix, namespace in graph.namespaces()]
    return prefixes, [tuple(_term_kept(term) for term in triple) for triple in graph]


def _term_kept(term) -> Kept:
    if isinstance(term, URIRef):
        return ("u", str(term))
    if isinstance(term, BNode):
        return ("b", str(term))
    if isinstance(term, Literal):
        return ("l", str(term), str(term.datatype) if term.datatype else "", term.language or "")
    raise ValueError(f"a term rdflib's Turtle parser does not make: {term!r}")


def _from_kept(kept: tuple[list, list]) -> rdflib.Graph:
    prefixes, triples = kept
    graph = rdflib.Graph()
    for prefix, namespace in prefixes:
        graph.bind(prefix, URIRef(namespace), override=True, replace=True)
    terms: dict[tuple, object] = {}

    def term(value: Kept):
        made = terms.get(value)
        if made is None:
            made = terms[value] = _term(value)
        return made

    graph.addN((term(s), term(p), term(o), graph) for s, p, o in triples)
    return graph


def _term(value: Kept):
    kind = value[0]
    if kind == "u":
        return URIRef(value[1])
    if kind == "b":
        return BNode(value[1])
    if kind == "l":
        return Literal(value[1], lang=value[3] or None, datatype=URIRef(value[2]) if value[2] else None)
    raise ValueError(f"not a kept term: {value!r}")
