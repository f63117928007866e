"""The claims of the graphs a build writes, taken from their triples instead of read back from the store.

A build into a store directory used to leave every graph it wrote pending in
the follow-up linker's table (:mod:`kg.building.claimtable`), and the catch-up
after its last page read their claims back with SPARQL: for 100 White House
pages added to 7,003 kremlin-news pages, 0.36 of the writer's CPU-s after the
last page, on the critical path (benchmarks/results/inc13-notes.md).  The
writer holds each graph's triples when it writes them, so the claims are
worked out from those here, as the writer waits for its workers, and the
graph is no longer pending (as the description's counts do: :mod:`kg.store.counts`).

They are the claims :func:`kg.building.followup.claims_by_graph` reads back,
or the graph stays pending and is read back as before:

- the store keeps the triples as given: no blank node (a SPARQL update
  mints new ones), and the terms the query reads are IRIs, plain strings, or
  dates written canonically (Oxigraph gives a typed literal back canonical);
- the query gives one claim whatever the order of its rows: each commitment
  has at most one value of each field read (two types, statuses, quotes...
  give several rows, and the first dated one is the claim);
- the commitment kinds are those of the graphs that are no transcript's
  (the reference graph, written before any page): a graph that declares a
  kind itself would change them for every other graph, so then the table
  forgets every graph and the catch-up reads the store whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from kg.building.claimtable import ClaimTable
from kg.building.followup import Claim, claim_of, table_rows
from kg.rdf import namespace as ns
from kg.rdf.namespace import irkg
from kg.store import kept
from kg.store.protocol import Store, Term

_TYPE = ns.ns_node(ns.RDF, "type").value
_SUBCLASS = ns.ns_node(ns.RDFS, "subClassOf").value
_EXACT = ns.ns_node(ns.OA, "exact").value
_STRING = ns.ns_node(ns.XSD, "string")
_DATE = ns.ns_node(ns.XSD, "date")
_CANONICAL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
P = {name: irkg(name).value for name in (
    "byCountry", "toCountry", "status", "inTranscript", "item", "documentTitle", "evidence", "reportedIn", "date",
    "published")}
#: the predicates the query reads
_READ = frozenset({_TYPE, _EXACT, *P.values()})
#: the kinds of commitment and the graphs that declare them, as the catch-up's query finds them
_KINDS = "SELECT DISTINCT ?type ?o WHERE { GRAPH ?o { ?type rdfs:subClassOf irkg:Commitment } }"
#: a field the query reads has two values: its rows, and so its claim, depend on the store's order
_AMBIGUOUS = object()

Subjects = dict[Term, dict[str, list[Term]]]


class HeldClaims:
    """Puts the claims of each graph written into a claim table, from the graph's triples."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._kinds: frozenset[str] | None = None
        self.off = False

    def kinds(self) -> frozenset[str]:
        """The commitment kinds; none (and so nothing taken from memory) if a transcript graph declares one."""
        if self._kinds is None:
            rows = [(row["type"], row["o"]) for row in self.store.query(_KINDS)]
            self.off = self.off or any(kept.kept(graph) for _, graph in rows)
            self._kinds = frozenset(kind.value for kind, _ in rows if isinstance(kind, ox.NamedNode))
        return self._kinds

    def written(self, table: ClaimTable, graph: str, triples: Sequence[ox.Triple]) -> bool:
        """Put the claims of ``graph``, which now holds ``triples``, into ``table`` (a
        :class:`~kg.building.claimtable.ClaimTable`) and take it off the pending graphs; False, the graph
        left pending, when the triples cannot say what the store would give."""
        return bool(self.written_all(table, [(graph, triples)]))

    def written_all(self, table: ClaimTable, graphs: Sequence[tuple[str, Sequence[ox.Triple]]]) -> list[str]:
        """:meth:`written` of each of ``graphs`` (distinct, written in this order), put into the table
        together (:meth:`~kg.building.claimtable.ClaimTable.written_all`); the graphs taken off the
        pending ones.  A graph that declares a kind clears the table, as it would after those before it."""
        kinds = self.kinds()
        if self.off:
            return []
        rows = []
        for graph, triples in graphs:
            if any(t.predicate.value == _SUBCLASS for t in triples):  # a kind declared here changes every graph's
                self.off = True  # so every graph is read again (a list of those taken would grow with the build)
                table.clear()  # and with them the claims of the graphs before it in this call
                table.commit()
                return []
            claims = claims_of_triples(triples, kinds)
            if claims is not None:
                rows.append((graph, list(table_rows(claims))))
        table.written_all(rows)
        return [graph for graph, _ in rows]


def claims_of_triples(triples: Iterable[ox.Triple], kinds: frozenset[str]) -> list[Claim] | None:
    """The claims :func:`kg.building.followup.claims_by_graph` reads from a graph of ``triples`` in a store
    whose commitment kinds are ``kinds``; None when that could depend on how the store keeps or orders them."""
    subjects: Subjects = {}
    for t in triples:  # a triple given twice gives a value twice: each field is read as a set
        if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
            return None
        if (predicate := t.predicate.value) in _READ:
            subjects.setdefault(t.subject, {}).setdefault(predicate, []).append(t.object)
    meetings: dict[Term, list[Term]] = {}  # transcript -> the subjects reported in it
    for subject, properties in subjects.items():
        for transcript in properties.get(P["reportedIn"], ()):
            meetings.setdefault(transcript, []).append(subject)
    claims = {}
    for subject, properties in subjects.items():
        types = [kind for kind in properties.get(_TYPE, ()) if isinstance(kind, ox.NamedNode) and kind.value in kinds]
        if not types:
            continue
        row = _row(subject, types, properties, subjects, meetings)
        if row is _AMBIGUOUS:
            return None
        claim = claim_of(row) if row is not None else None
        if claim is not None:
            claims[claim.iri] = claim
    return list(claims.values())


def _row(subject: Term, types: list[Term], properties: dict[str, list[Term]], subjects: Subjects,
         meetings: dict[Term, list[Term]]):
    """The query's one row for a commitment, {variable: value}; None if it has none, :data:`_AMBIGUOUS` if more."""
    needed = [("type", types), *((name, properties.get(P[key], ())) for name, key in (
        ("by", "byCountry"), ("to", "toCountry"), ("status", "status"), ("tr", "inTranscript")))]
    if any(not values for _, values in needed):
        return None
    transcript = needed[-1][1]
    quotes = [q for e in properties.get(P["evidence"], ()) for q in subjects.get(e, {}).get(_EXACT, ())]
    dates = [d for m in meetings.get(transcript[0], ()) for d in subjects[m].get(P["date"], ())] \
        if len(set(transcript)) == 1 else []
    optional = [("item", properties.get(P["item"], ())), ("title", properties.get(P["documentTitle"], ())),
                ("quote", quotes), ("date", dates),
                ("published", subjects.get(transcript[0], {}).get(P["published"], ()))]
    row = {"k": subject.value}
    for name, values in needed + optional:
        values = set(values)
        if len(values) > 1 or not all(map(_kept_as_given, values)):
            return _AMBIGUOUS
        if values:
            row[name] = next(iter(values)).value
    return row


def _kept_as_given(term: Term) -> bool:
    """Whether the store gives ``term`` back as it was written: an IRI, a plain string, a canonical date."""
    if isinstance(term, ox.NamedNode):
        return True
    if not isinstance(term, ox.Literal) or term.language:
        return False
    return term.datatype == _STRING or (term.datatype == _DATE and _CANONICAL_DATE.fullmatch(term.value) is not None)
