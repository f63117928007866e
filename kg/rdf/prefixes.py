"""The vocabularies irkg writes in: namespace IRIs and the prefixes every query and export declares.

A module of constants only, apart from :mod:`kg.rdf.namespace` (which mints IRIs and re-exports
these): a store or a query needs the prefixes, and ``kg query`` starts faster without importing
the model and the name keys that minting IRIs needs.
"""

from __future__ import annotations

ONTOLOGY_NS = "https://w3id.org/irkg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/irkg/ontology"
DEFAULT_BASE = "https://w3id.org/irkg/id/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"
WD = "http://www.wikidata.org/entity/"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
CC = "http://creativecommons.org/ns#"

PREFIXES: dict[str, str] = {
    "irkg": ONTOLOGY_NS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS,
    "dcterms": DCTERMS, "schema": SCHEMA, "sem": SEM, "prov": PROV, "foaf": FOAF,
    "org": ORG, "oa": OA, "wd": WD, "void": VOID, "dcat": DCAT, "cc": CC,
}
