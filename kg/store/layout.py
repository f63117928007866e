"""Which graph each fact lives in, and how a transcript's facts are written and taken back.

A fact lives in exactly one named graph, so a query over the union default
graph never sees it twice, and a query that names a graph per subject gives
the same rows on a server whose default graph is not the union:

- ``graph/<transcript id>``: what one transcript says and nothing else — the
  transcript and its text, utterances, commitments, figures, evidence and
  the journalists who asked questions in it;
- ``graph/entities``: what transcripts share — leaders, tenures, meetings,
  organisations, cities — each triple once, whoever stated it;
- ``graph/reference``: countries, publishers and the ontology;
- ``graph/contributions``: the ledger: for each transcript graph, the
  entities triples it brought (``<graph> irkg:contributes "<N-Triples>"``);
- ``graph/metadata``: the dataset description and the builds (:mod:`kg.store.metadata`).

Every triple about one subject is in one graph (the mapping files each
subject as shared or not), which is what lets a library query wrap each
subject's patterns in its own ``GRAPH`` block.

Rebuilding or deleting a transcript touches only what it contributed: its
graph is replaced, its ledger entries are replaced, and an entities triple
is deleted only when no other transcript's ledger still holds it.  All of it
is one SPARQL update, so one transaction on Oxigraph; a transcript new to an
embedded store, with nothing to take back, is one batch of quads instead (a
SPARQL update of a long transcript cost Oxigraph some 40 MB to parse).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import chain, repeat
from operator import attrgetter

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Triple, parse, RdfFormat

from kg.rdf import namespace as ns
from kg.rdf.namespace import irkg
from kg.store.protocol import Store, graph_triples
from kg.store.sparql_text import graph_data

CONTRIBUTES = irkg("contributes")
#: names of the graphs that are not one transcript's
SHARED_NAMES = ("entities", "contributions", "reference", "metadata")
#: suffixes of those graphs under a base ending in ``/``
SHARED_GRAPHS = tuple(f"/graph/{name}" for name in SHARED_NAMES)
#: ``<base>graph/<name>``, the base ending in ``/`` or ``#`` (see :func:`kg.rdf.namespace.graph_iri`)
_GRAPH_IRI = re.compile(r"(?P<base>.*[/#])graph/(?P<name>[^/#]+)")
#: literals per VALUES block when asking who else contributes a triple
_BATCH = 500
_SUBJECT, _PREDICATE, _OBJECT = attrgetter("subject"), attrgetter("predicate"), attrgetter("object")


def base_of(graph: NamedNode | str) -> str:
    """The data base of a graph IRI: ``<base>graph/<name>`` -> ``<base>``."""
    value = graph.value if isinstance(graph, NamedNode) else graph
    found = _GRAPH_IRI.fullmatch(value)
    return found["base"] if found else value.rsplit("/graph/", 1)[0] + "/"


def graph_name(graph: str) -> str | None:
    """The last part of a graph IRI minted by :mod:`kg.rdf.namespace`: a transcript id or a shared name."""
    found = _GRAPH_IRI.fullmatch(graph)
    return found["name"] if found else None


def is_transcript_graph(graph: str) -> bool:
    name = graph_name(graph)
    return name is not None and name not in SHARED_NAMES


def encode(triple: Triple) -> str:
    """One triple as an N-Triples line (no final dot): how the ledger names it."""
    return str(triple)


def decode(lines: Iterable[str]) -> list[Triple]:
    """Ledger entries back to triples."""
    text = "".join(f"{line} .\n" for line in lines)
    return [Triple(q.subject, q.predicate, q.object) for q in parse(text.encode("utf-8"), RdfFormat.N_TRIPLES)]


def contributions(store: Store, graph: NamedNode) -> list[str]:
    """The entities triples ``graph`` contributed, as ledger strings.  An embedded store is read by its
    index, without a SPARQL query: asked once per page written, the query's parse and plan took 35
    microseconds a new page (0.042 CPU-s for 1,200), the index lookup 5 (0.006)."""
    ledger = ns.contributions_graph_iri(base_of(graph))
    raw = getattr(store, "raw", None)
    if raw is not None:
        return [quad.object.value for quad in raw.quads_for_pattern(graph, CONTRIBUTES, None, ledger)]
    rows = store.query(f"SELECT ?t WHERE {{ GRAPH {ledger} {{ {graph} {CONTRIBUTES} ?t }} }}")
    return [row["t"].value for row in rows]


def _held_elsewhere(store: Store, graph: NamedNode, lines: Sequence[str]) -> set[str]:
    """Which of ``lines`` another transcript's ledger still holds."""
    ledger = ns.contributions_graph_iri(base_of(graph))
    held: set[str] = set()
    for start in range(0, len(lines), _BATCH):
        values = " ".join(str(Literal(line)) for line in lines[start:start + _BATCH])
        rows = store.query(f"""SELECT DISTINCT ?t WHERE {{ VALUES ?t {{ {values} }}
            GRAPH {ledger} {{ ?g {CONTRIBUTES} ?t FILTER(?g != {graph}) }} }}""")
        held.update(row["t"].value for row in rows)
    return held


def write_transcript(store: Store, graph: NamedNode, triples: Sequence[Triple],
                     shared: Sequence[Triple] = ()) -> int:
    """Replace one transcript's graph and its share of the entities graph, in one update.

    ``triples`` go to the transcript's own graph, ``shared`` to the entities
    graph; what the transcript contributed before and no longer does leaves
    the entities graph unless another transcript still contributes it.
    Returns the number of triples the transcript now stands for.
    """
    base = base_of(graph)
    entities, ledger = ns.entities_graph_iri(base), ns.contributions_graph_iri(base)
    own, new = _own_and_new(triples, shared)
    old = set(contributions(store, graph))
    if not old and _added_fresh(store, graph, own, new, (entities, ledger)):
        return len(own) + len(new)
    gone = sorted(old - set(new))
    held = _held_elsewhere(store, graph, gone) if gone else set()  # asked once, not once a line
    orphans = [line for line in gone if line not in held]
    parts = [f"DROP SILENT GRAPH {graph}", f"CREATE SILENT GRAPH {graph}"]
    if own:
        parts.append(f"INSERT DATA {{ {graph_data(graph, own)} }}")
    if gone:
        parts.append(f"DELETE DATA {{ {graph_data(ledger, (Triple(graph, CONTRIBUTES, Literal(g)) for g in gone))} }}")
    if orphans:
        parts.append(f"DELETE DATA {{ {graph_data(entities, decode(orphans))} }}")
    fresh = [line for line in new if line not in old]
    if fresh:
        parts.append(f"INSERT DATA {{ {graph_data(ledger, (Triple(graph, CONTRIBUTES, Literal(f)) for f in fresh))} }}")
    if new:
        parts.append(f"INSERT DATA {{ {graph_data(entities, new.values())} }}")
    store.update(" ;\n".join(parts))
    return len(own) + len(new)


def _added_fresh(store: Store, graph: NamedNode, own: list[Triple], new: dict[str, Triple],
                 shared: tuple[NamedNode, NamedNode]) -> bool:
    """A transcript new to an embedded store, written by one ``add_quads`` transaction (nothing to
    take back): a SPARQL update of a long transcript took Oxigraph some 40 MB to parse.  False, and
    nothing written, when the store cannot or the graph is there already (or has blank nodes)."""
    add = getattr(store, "add_quads", None)
    if add is None or _has_blank_nodes(own, new):
        return False
    return add(graph, transcript_quads(graph, own, new, shared))


def new_transcript(triples: Sequence[Triple], shared: Sequence[Triple] = ()) -> tuple[list[Triple], dict[str, Triple]] | None:
    """What :func:`write_transcript` writes of a transcript the store does not hold yet, for
    :func:`transcript_quads` to write with others (:mod:`kg.building.bulk`): its own triples, once each,
    and its entities triples by ledger line.  None when it has blank nodes (it is written by an
    update, which names them afresh)."""
    own, new = _own_and_new(triples, shared)
    return None if _has_blank_nodes(own, new) else (own, new)


def _own_and_new(triples: Sequence[Triple], shared: Sequence[Triple]) -> tuple[list[Triple], dict[str, Triple]]:
    """A transcript's own triples, once each, and its entities triples by ledger line."""
    return list(dict.fromkeys(triples)), {encode(t): t for t in shared}


def _has_blank_nodes(own: list[Triple], new: dict[str, Triple]) -> bool:
    """Whether a triple has a blank node: a graph with one is written by a SPARQL update, which names
    its blank nodes afresh, so quads added as they are would not write it as the update does."""
    return any(isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode) for t in (*own, *new.values()))


def transcript_quads(graph: NamedNode, own: Sequence[Triple], new: dict[str, Triple],
                     shared: tuple[NamedNode, NamedNode] | None = None) -> Iterator[Quad]:
    """The quads of a transcript new to the store: ``own`` in its graph, ``new`` (ledger line: triple)
    in the entities graph and one ledger entry each (``shared``: the entities and ledger graphs, by
    default those of the graph's base).  Made as they are written, so a batch holds only the triples."""
    if shared is None:
        base = base_of(graph)
        shared = ns.entities_graph_iri(base), ns.contributions_graph_iri(base)
    entities, ledger = shared
    return chain(_in_graph(own, graph), _in_graph(new.values(), entities),
                 map(Quad, repeat(graph, len(new)), repeat(CONTRIBUTES, len(new)), map(Literal, new),
                     repeat(ledger, len(new))))


def _in_graph(triples: Collection[Triple], graph: NamedNode) -> Iterator[Quad]:
    """``triples`` as quads of ``graph``, made by ``map`` as they are read (no Python loop: the writer
    makes every quad of a build so, 0.12 -> 0.11 CPU-s a 1,000 pages)."""
    return map(Quad, map(_SUBJECT, triples), map(_PREDICATE, triples), map(_OBJECT, triples),
               repeat(graph, len(triples)))


def remove_transcript(store: Store, graph: NamedNode) -> None:
    """Delete one transcript: its graph, its ledger entries, and what only it contributed."""
    write_transcript(store, graph, [], [])
    store.update(f"DROP SILENT GRAPH {graph}")


def transcript_view(store: Store, graph: NamedNode) -> list[Triple]:
    """Everything one transcript states: its own graph and the entities triples it contributed.

    What a transcript graph held before the entities were shared; SHACL
    validation and reading facts back for scoring work on this view.
    """
    return graph_triples(store, graph) + decode(contributions(store, graph))


def views_of(graphs: dict[str, list[Triple]]) -> dict[str, list[Triple]]:
    """The same views from graphs already read (an export in TriG or N-Quads)."""
    ledger: dict[str, list[str]] = {}
    for name, triples in graphs.items():
        if graph_name(name) == "contributions":
            for t in triples:
                ledger.setdefault(t.subject.value, []).append(t.object.value)
    return {name: triples + decode(ledger.get(name, ())) if is_transcript_graph(name) else triples
            for name, triples in graphs.items()}


def quads_of(graph: NamedNode, triples: Iterable[Triple]) -> list[Quad]:
    return [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
