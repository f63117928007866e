"""Reads one transcript's facts back out of the store, in the gold JSON shape.

The scorer uses this instead of the in-memory Documents, so the score measures
the graph people query: a fact the mapping loses, or a query cannot reach,
costs points.  Only SPARQL over the store is used; each query is confined to
what the transcript states: its own named graph and the entities triples it
contributed.
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import Literal, NamedNode

from kg.model import COMMITMENT_TYPES
from kg.rdf.namespace import ONTOLOGY_NS
from kg.store.protocol import Store

_TRANSCRIPT = """
SELECT ?t ?identifier ?source ?url ?sha ?title WHERE { GRAPH ?g {
  ?t a irkg:Transcript .
  OPTIONAL { ?t irkg:identifier ?identifier } OPTIONAL { ?t irkg:source ?source }
  OPTIONAL { ?t irkg:url ?url } OPTIONAL { ?t irkg:sha256 ?sha } OPTIONAL { ?t irkg:title ?title }
} }"""

_COUNTRIES = "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?t a irkg:Transcript ; irkg:mentionsCountry ?c } }"

_TOPICS = "SELECT DISTINCT ?topic WHERE { GRAPH ?g { ?t a irkg:Transcript ; irkg:topic ?topic } }"

_MEETING = """
SELECT ?m ?title ?date ?cityName ?venue ?format WHERE { GRAPH ?g {
  ?m a irkg:Meeting .
  OPTIONAL { ?m irkg:title ?title } OPTIONAL { ?m irkg:date ?date }
  OPTIONAL { ?m irkg:city/rdfs:label ?cityName } OPTIONAL { ?m irkg:venue ?venue }
  OPTIONAL { ?m irkg:meetingFormat ?format }
} } LIMIT 1"""

# A person's name as this transcript writes it: its skos:altLabel when the graph's IRI is named
# after another spelling (the reference label), else foaf:name.
_PARTICIPANTS = """
SELECT DISTINCT ?name ?office ?country ?organisation WHERE { GRAPH ?g {
  { ?tenure a irkg:Tenure ; irkg:holder ?p .
    OPTIONAL { ?tenure irkg:office ?office }
    OPTIONAL { ?tenure irkg:officeOfCountry ?country }
    OPTIONAL { ?tenure irkg:officeOfOrganisation/rdfs:label ?organisation } }
  UNION
  { ?m a irkg:Meeting ; irkg:participant ?p .
    FILTER NOT EXISTS { ?p irkg:holdsTenure ?any } }
  ?p foaf:name ?label .
  OPTIONAL { ?p <http://www.w3.org/2004/02/skos/core#altLabel> ?written }
  BIND (COALESCE(?written, ?label) AS ?name)
} }"""

# Claims (commitments and figures) with their types; the commitments are those whose type is one of
# kg.model's COMMITMENT_TYPES (read_document_facts keeps them), so a type registered there is read too.
_COMMITMENTS = """
SELECT ?c ?type ?by ?to ?item ?value ?unit ?status ?speaker ?quote ?start WHERE { GRAPH ?g {
  ?c a ?type ; irkg:evidence ?e .
  ?e oa:exact ?quote ; oa:start ?start .
  OPTIONAL { ?c irkg:byCountry ?by } OPTIONAL { ?c irkg:toCountry ?to }
  OPTIONAL { ?c irkg:item ?item } OPTIONAL { ?c irkg:value ?value } OPTIONAL { ?c irkg:unit ?unit }
  OPTIONAL { ?c irkg:status ?status } OPTIONAL { ?c irkg:assertedBy/foaf:name ?speaker }
} } ORDER BY ?start ?c"""

_FIGURES = """
SELECT ?f ?value ?unit ?about ?speaker ?quote ?start WHERE { GRAPH ?g {
  ?f a irkg:Figure ; irkg:evidence ?e . ?e oa:exact ?quote ; oa:start ?start .
  OPTIONAL { ?f irkg:value ?value } OPTIONAL { ?f irkg:unit ?unit } OPTIONAL { ?f irkg:about ?about }
  OPTIONAL { ?f irkg:assertedBy/foaf:name ?speaker }
} } ORDER BY ?start ?f"""

_LIST = """
SELECT ?g ?source ?sha ?title WHERE { GRAPH ?g {
  ?t a irkg:Transcript . OPTIONAL { ?t irkg:source ?source }
  OPTIONAL { ?t irkg:sha256 ?sha } OPTIONAL { ?t irkg:title ?title }
} } ORDER BY ?g"""

def _value(term: Any) -> Any:
    """A Python value: numbers from numeric literals, codes from country IRIs, names from concepts."""
    if term is None:
        return None
    if isinstance(term, Literal):
        kind = term.datatype.value.rsplit("#", 1)[-1]
        if kind in ("decimal", "integer", "double", "float"):
            number = float(term.value)
            return int(number) if number.is_integer() else number
        return term.value
    if isinstance(term, NamedNode):
        iri = term.value
        if "/country/" in iri:
            return iri.rsplit("/", 1)[-1]
        return iri.rsplit("#", 1)[-1] if iri.startswith(ONTOLOGY_NS) else iri
    return str(term)


def _rows(store: Store, sparql: str, graph: NamedNode) -> list[dict[str, Any]]:
    """Rows of one query confined to ``graph``.

    The graph IRI is written into the query (``str(NamedNode)`` is an escaped,
    validated ``<iri>``) rather than bound: Oxigraph plans a constant graph
    far better, about 100 times faster on a store of a thousand transcripts.
    """
    confined = sparql.replace("GRAPH ?g", f"GRAPH {graph}")
    return [{k: _value(v) for k, v in row.items()} for row in store.query(confined)]


def read_document_facts(store: Store, graph: NamedNode | str) -> dict[str, Any]:
    """One transcript's facts as ``kg.eval.goldjson`` writes them, read from its graph in ``store``.

    Read from the transcript's view (:func:`kg.store.layout.transcript_view`): its
    own graph and the entities triples it contributed, so a meeting or a
    leader another transcript also names shows as this transcript states it.
    """
    from kg.store.layout import quads_of, transcript_view
    from kg.store.embedded import OxigraphStore

    graph = graph if isinstance(graph, NamedNode) else NamedNode(graph)
    view = OxigraphStore(None)
    view.raw.extend(quads_of(graph, transcript_view(store, graph)))
    store = view
    head = next(iter(_rows(store, _TRANSCRIPT, graph)), {})
    meeting = next(iter(_rows(store, _MEETING, graph)), None)
    participants = []
    for row in _rows(store, _PARTICIPANTS, graph):
        entry = {"name": row["name"], "office": row.get("office"), "country": row.get("country")}
        if row.get("organisation"):
            entry["organisation"] = row["organisation"]
        participants.append(entry)
    participants.sort(key=lambda p: (p["country"] or "", p["name"]))
    commitments = [
        {"type": row["type"], "by": row.get("by"), "to": row.get("to"), "item": row.get("item"),
         "quantity": row.get("value"), "unit": row.get("unit"), "status": row.get("status"),
         "speaker": row.get("speaker"), "quote": row["quote"]}
        for row in _rows(store, _COMMITMENTS, graph) if row["type"] in COMMITMENT_TYPES
    ]
    figures = [
        {"value": row.get("value"), "unit": row.get("unit"), "about": row.get("about"),
         "speaker": row.get("speaker"), "quote": row["quote"]}
        for row in _rows(store, _FIGURES, graph)
    ]
    return {
        "id": head.get("identifier") or head.get("sha"),
        "source": {"file": head.get("source"), "url": head.get("url")},
        "is_meeting": meeting is not None,
        "meeting": None if meeting is None else {
            "title": meeting.get("title"), "date": meeting.get("date"), "city": meeting.get("cityName"),
            "venue": meeting.get("venue"), "format": meeting.get("format"),
        },
        "participants": participants,
        "countries": sorted(row["c"] for row in _rows(store, _COUNTRIES, graph)),
        "commitments": commitments,
        "figures": figures,
        "topics": sorted(row["topic"] for row in _rows(store, _TOPICS, graph)),
    }


def list_transcripts(store: Store) -> list[dict[str, Any]]:
    """Every transcript graph in the store: graph IRI, source, sha256 and title."""
    return [
        {"graph": row["g"].value, "source": _value(row.get("source")), "sha256": _value(row.get("sha")),
         "title": _value(row.get("title"))}
        for row in store.query(_LIST)
    ]
