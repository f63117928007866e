"""The reference graph: countries, the organisations met, the publishers, and the ontology itself.

Written once per store (not per transcript) from the gazetteer and the
ontology file; transcript graphs (:mod:`kg.rdf.mapping`) only link to it.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import NamedNode, Triple

from kg.inputs.publishers import PUBLISHERS
from kg.rdf import namespace as ns
from kg.rdf.namespace import DEFAULT_BASE, irkg
from kg.rdf.triples import (FOAF_HOMEPAGE, FOAF_NAME, FOAF_ORGANIZATION, LABEL, PROV_ORGANIZATION, SAME_AS, TYPE,
                            Triples, map_organisation)


def publisher_triples(base: str = DEFAULT_BASE) -> list[Triple]:
    """The publishers transcripts name as agents: name, homepage."""
    out = Triples()
    for publisher in PUBLISHERS:
        agent = ns.publisher_iri(publisher.key, base)
        out.add(agent, TYPE, FOAF_ORGANIZATION)
        out.add(agent, TYPE, PROV_ORGANIZATION)
        out.text(agent, FOAF_NAME, publisher.name)
        out.text(agent, LABEL, publisher.name)
        out.add(agent, FOAF_HOMEPAGE, NamedNode(publisher.homepage))
    return out.list()


def reference_triples(base: str = DEFAULT_BASE, organisations: Iterable[str] = ()) -> list[Triple]:
    """Countries (codes, names, Wikidata), the organisations met, publishers, and the ontology itself.

    ``organisations`` are the names the transcripts' participants speak for;
    the gazetteer adds their Wikidata ids where it knows them.
    """
    from pyoxigraph import RdfFormat, parse

    from kg.people.gazetteer import default_gazetteer
    from kg.resources import extra_turtle, resource_path

    gazetteer = default_gazetteer()
    out = Triples()
    for country in gazetteer.countries():
        node = ns.country_iri(country.iso3, base)
        out.add(node, TYPE, irkg("Country"))
        out.text(node, LABEL, country.name)
        out.text(node, irkg("alpha3"), country.iso3)
        out.text(node, irkg("alpha2"), country.iso2)
        if country.qid:
            out.add(node, SAME_AS, ns.wikidata_iri(country.qid))
    for name in sorted(set(organisations)):
        node = map_organisation(out, name, base)
        info = gazetteer.organisation(name)
        if info and info.qid:
            out.add(node, SAME_AS, ns.wikidata_iri(info.qid))
    for triple in publisher_triples(base):
        out.add(triple.subject, triple.predicate, triple.object)
    for text in (resource_path("ontology", "irkg.ttl").read_bytes(), *extra_turtle("ontology")):
        for triple in parse(text, format=RdfFormat.TURTLE):
            out.add(triple.subject, triple.predicate, triple.object)
    return out.list()
