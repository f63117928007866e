"""The pieces every module that writes RDF shares: the terms, the literals, a triple collector.

:mod:`kg.rdf.mapping` (a transcript's graph) and :mod:`kg.rdf.reference` (the
reference graph) both write through :class:`Triples`, so a triple is written
once, in first-seen order, and no literal is ever ill-typed.
"""

from __future__ import annotations

from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Triple

from kg.rdf import namespace as ns
from kg.rdf.namespace import irkg, ns_node
from kg.inputs.text import ISO_DATE, valid_date

TYPE = ns_node(ns.RDF, "type")
VALUE = ns_node(ns.RDF, "value")
LABEL = ns_node(ns.RDFS, "label")
SAME_AS = ns_node(ns.OWL, "sameAs")
FOAF_NAME = ns_node(ns.FOAF, "name")
ALT_LABEL = ns_node(ns.SKOS, "altLabel")
DERIVED_FROM = ns_node(ns.PROV, "wasDerivedFrom")
OA_EXACT = ns_node(ns.OA, "exact")
OA_START = ns_node(ns.OA, "start")
OA_END = ns_node(ns.OA, "end")
XSD_DATE = ns_node(ns.XSD, "date")
XSD_DECIMAL = ns_node(ns.XSD, "decimal")
XSD_ANYURI = ns_node(ns.XSD, "anyURI")
LICENSE = ns_node(ns.DCTERMS, "license")
PUBLISHER = ns_node(ns.DCTERMS, "publisher")
RIGHTS_HOLDER = ns_node(ns.DCTERMS, "rightsHolder")
RIGHTS = ns_node(ns.DCTERMS, "rights")
ATTRIBUTION_NAME = ns_node(ns.CC, "attributionName")
ATTRIBUTION_URL = ns_node(ns.CC, "attributionURL")
PRIMARY_SOURCE = ns_node(ns.PROV, "hadPrimarySource")
FOAF_HOMEPAGE = ns_node(ns.FOAF, "homepage")
FOAF_ORGANIZATION = ns_node(ns.FOAF, "Organization")
PROV_ORGANIZATION = ns_node(ns.PROV, "Organization")



def date_literal(value: str | None) -> Literal | None:
    """An xsd:date, or None for anything that is not an ISO date (never an ill-typed literal)."""
    ok = value and ISO_DATE.fullmatch(value) and valid_date(value)  # "2021-02-31" has the shape, not the day
    return Literal(value, datatype=XSD_DATE) if ok else None


def decimal_literal(value: float | int) -> Literal:
    """xsd:decimal without float noise: 100000.0 -> "100000", 2.5 -> "2.5"."""
    text = format(Decimal(repr(value)).normalize(), "f")
    return Literal(text, datatype=XSD_DECIMAL)


class Triples:
    """Collects triples once each, in first-seen order, skipping None objects.

    Subjects marked with :meth:`share` are entities several transcripts name;
    :meth:`split` files every triple by its subject, so all triples of one
    subject land in one graph.
    """

    def __init__(self) -> None:
        self._seen: dict[Triple, None] = {}
        self.names: dict[NamedNode, str] = {}  # the one name each person got in this graph
        self._shared: set[NamedNode] = set()

    def share(self, node: NamedNode) -> NamedNode:
        self._shared.add(node)
        return node

    def split(self) -> tuple[list[Triple], list[Triple]]:
        """(this transcript's own triples, the shared ones)."""
        own = [t for t in self._seen if t.subject not in self._shared]
        return own, [t for t in self._seen if t.subject in self._shared]

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is not None:
            self._seen.setdefault(Triple(s, p, o), None)

    def text(self, s: NamedNode, p: NamedNode, value: str | None) -> None:
        if value:
            self.add(s, p, Literal(value))

    def list(self) -> list[Triple]:
        return list(self._seen)


def map_organisation(out: Triples, name: str, base: str) -> NamedNode:
    """An organisation participants speak for: shared by every transcript that names it."""
    node = out.share(ns.organisation_iri(name, base))
    out.add(node, TYPE, irkg("Organisation"))
    out.text(node, LABEL, name)
    return node
