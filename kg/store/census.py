"""The dataset description's counts of a store on disk, read a part at a time.

An embedded store keeps what a query read of its files until it is reopened
(:meth:`kg.store.embedded.OxigraphStore.release_memory`), so one query over the
whole store held memory in proportion to the store: at 28,900 kremlin-news
pages, 30 MB for the quads, 31 MB for the licences, 22 MB for the classes.
Here each count reads a page of graphs, or one class, and the store lets go
between them, so the most held at once is one page's.  The numbers are those
of the whole-store queries of :func:`kg.store.metadata.contents_of`, which a
store without ``release_memory`` (in memory, or an endpoint) still answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from pyoxigraph import DefaultGraph, RdfFormat, parse

from kg.rdf import namespace as ns
from kg.resources import extra_turtle, resource_path
from kg.store.protocol import Store, Term

if TYPE_CHECKING:
    from kg.store.counts import Late

#: named graphs one query reads (the quads of 500 kremlin-news graphs: 1-2 MB to read)
PAGE = 500
#: resources counted between two times the store lets go of its memory
CLASS_PAGE = 20_000

Release = Callable[[], object]


def kept(store: Store, late: Late | None = None
         ) -> tuple[int, int, list[tuple[str | None, Term | None, int]], list[tuple[str, int]]] | None:
    """(quads, transcripts, licences, classes) as :func:`quads`, :func:`licences` and :func:`classes` count
    them, from the counts kept beside a writable store directory (:mod:`kg.store.counts`): only the graphs
    they do not hold yet and the shared graphs are read, and a ``late`` graph counted from its triples
    (:data:`kg.store.counts.Late`).  None for any other store (``late`` not written)."""
    from kg.store.counts import publisher_term, store_counts

    counted = store_counts(store, late)
    if counted is None:
        return None
    total, by_class, rows = counted
    declared = _declared(store)
    classes = sorted((iri, n) for iri, n in by_class.items() if iri in declared and n)
    licences = [(licence, publisher_term(publisher), n) for licence, publisher, n in rows]
    return total, by_class.get(ns.ONTOLOGY_NS + "Transcript", 0), licences, classes


def quads(store: Store, release: Release) -> int:
    """Quads in every graph, the default graph's included."""
    total = store.count(DefaultGraph())
    for page in _pages(store):
        total += _number(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {page} GRAPH ?g {{ ?s ?p ?o }} }}")
        release()
    return total


def classes(store: Store, release: Release) -> list[tuple[str, int]]:
    """(class IRI, distinct resources) of each irkg class with any, by IRI, counted one class at a time.

    The classes asked about are those the ontology declares, as built into the store or as shipped."""
    out, counted = [], 0
    for iri in sorted(_declared(store)):
        n = _number(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{iri}> }}")
        if n:
            out.append((iri, n))
        counted += n
        if counted >= CLASS_PAGE:
            release()
            counted = 0
    return out


def licences(store: Store, release: Release) -> tuple[int, list[tuple[str | None, Term | None, int]]]:
    """Transcripts, and (licence IRI, publisher, transcripts) per licence and publisher, either missing.

    Read a page of graphs at a time; the transcript IRIs are kept as strings (some 3 MB for
    29,000), so one typed in two graphs still counts once, as in one query of everything."""
    seen: set[str] = set()
    groups: dict[tuple[str | None, Term | None], set[str]] = {}
    for page in _pages(store):
        for row in store.query(f"""SELECT ?t ?licence ?publisher WHERE {{ {page} GRAPH ?g {{ ?t a irkg:Transcript }}
                OPTIONAL {{ ?t dcterms:license ?licence }} OPTIONAL {{ ?t dcterms:publisher ?publisher }} }}"""):
            licence = row["licence"].value if "licence" in row else None
            seen.add(row["t"].value)
            groups.setdefault((licence, row.get("publisher")), set()).add(row["t"].value)
        release()
    return len(seen), [(licence, publisher, len(ts)) for (licence, publisher), ts in groups.items()]


def _pages(store: Store) -> Iterator[str]:
    """``?g`` bound to each named graph in turn, :data:`PAGE` graphs at a time: a sub-query to start a
    query's WHERE with.  The pages go through the store's own order of graphs, which holds while
    nothing is written; the names are never read, so nothing is decoded (listing 7,225 graph names
    read 22 MB of the store's files)."""
    graphs = _number(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g {} }")
    for start in range(0, graphs, PAGE):
        yield f"{{ SELECT ?g WHERE {{ GRAPH ?g {{}} }} LIMIT {PAGE} OFFSET {start} }}"


def _declared(store: Store) -> set[str]:
    """The irkg classes declared in the store's ontology and in the shipped one (with its extensions)."""
    found = {row["c"].value for row in store.query("SELECT DISTINCT ?c WHERE { ?c a owl:Class }")}
    owl_class = "http://www.w3.org/2002/07/owl#Class"
    for text in (resource_path("ontology", "irkg.ttl").read_bytes(), *extra_turtle("ontology")):
        found |= {t.subject.value for t in parse(text, format=RdfFormat.TURTLE)
                  if t.predicate == ns.ns_node(ns.RDF, "type") and t.object.value == owl_class}
    return {iri for iri in found if iri.startswith(ns.ONTOLOGY_NS)}


def _number(store: Store, sparql: str) -> int:
    rows = list(store.query(sparql))
    value = rows[0].get("n") if rows else None
    return int(value.value) if value is not None else 0
