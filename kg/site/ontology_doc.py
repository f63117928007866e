"""The ontology reference as one HTML page: classes and properties with what the shapes require.

Made from ``ontology/irkg.ttl`` and ``shapes/*.ttl`` themselves, so it cannot
drift from them: each term's label, comment, superclasses or superproperties,
domain and range, the SKOS concepts of each scheme, and for each property the
constraints of every shape whose ``sh:path`` it is (cardinality, datatype,
class, pattern, allowed values) with the shape's message.  pyLODE would do
the first half but not the shapes, and is not a dependency worth adding for
one page.
"""

from __future__ import annotations

from collections import defaultdict

import rdflib
from rdflib import OWL, RDF, RDFS, SH, SKOS

from kg.rdf.namespace import ONTOLOGY_IRI, ONTOLOGY_NS
from kg.site.pages import document, esc

_CONSTRAINTS = ("minCount", "maxCount", "datatype", "class", "nodeKind", "pattern", "minInclusive",
                "maxInclusive", "minLength", "in", "severity")


def _local(term) -> str:
    text = str(term)
    return text[len(ONTOLOGY_NS):] if text.startswith(ONTOLOGY_NS) else text


def _name(graph: rdflib.Graph, term) -> str:
    if str(term).startswith(ONTOLOGY_NS):
        return f'<a href="#{esc(_local(term))}">{esc(_local(term))}</a>'
    try:
        return esc(graph.namespace_manager.normalizeUri(term))
    except Exception:  # rdflib raises for IRIs it cannot split
        return esc(str(term))


def _constraints(shapes: rdflib.Graph) -> dict[str, list[str]]:
    """Property IRI -> one line per property shape about it."""
    out: dict[str, list[str]] = defaultdict(list)
    for shape, path in shapes.subject_objects(SH.path):
        if not isinstance(path, rdflib.URIRef):
            continue
        parts = []
        for name in _CONSTRAINTS:
            value = shapes.value(shape, SH[name])
            if value is None:
                continue
            if name == "in":
                value = ", ".join(str(v) for v in rdflib.collection.Collection(shapes, value))
            parts.append(f"{name} {_name(shapes, value) if isinstance(value, rdflib.URIRef) else esc(value)}")
        message = shapes.value(shape, SH.message)
        out[str(path)].append("; ".join(parts) + (f" — {esc(message)}" if message else ""))
    return out


def ontology_page(ontology: rdflib.Graph, shapes: rdflib.Graph, root: str = "") -> str:
    """The whole reference: classes, then properties, then concept schemes."""
    constraints = _constraints(shapes)
    parts = [f"<h1>irkg ontology</h1><p class=\"iri\"><code>{esc(ONTOLOGY_IRI)}</code> · "
             f'<a href="ontology.ttl">Turtle</a></p>',
             f"<p>{esc(ontology.value(rdflib.URIRef(ONTOLOGY_IRI), RDFS.comment) or '')}</p>"]
    sections = (("Classes", [OWL.Class]), ("Properties", [OWL.ObjectProperty, OWL.DatatypeProperty,
                                                         OWL.AnnotationProperty]),
                ("Concepts", [SKOS.ConceptScheme, SKOS.Concept]))
    for title, kinds in sections:
        terms = sorted({t for kind in kinds for t in ontology.subjects(RDF.type, kind)
                        if str(t).startswith(ONTOLOGY_NS)}, key=str)
        parts.append(f"<h2>{title}</h2>")
        for term in terms:
            parts.append(_term(ontology, term, constraints.get(str(term), [])))
    return document("irkg ontology", root, "\n".join(parts))


def _term(ontology: rdflib.Graph, term, constraints: list[str]) -> str:
    label = ontology.value(term, RDFS.label) or ontology.value(term, SKOS.prefLabel) or _local(term)
    rows = []
    for title, predicate in (("subclass of", RDFS.subClassOf), ("subproperty of", RDFS.subPropertyOf),
                             ("domain", RDFS.domain), ("range", RDFS.range), ("in scheme", SKOS.inScheme)):
        values = sorted(ontology.objects(term, predicate), key=str)
        if values:
            rows.append(f"<tr><th>{title}</th><td>{', '.join(_name(ontology, v) for v in values)}</td></tr>")
    if constraints:
        rows.append("<tr><th>shapes</th><td>" + "<br>".join(constraints) + "</td></tr>")
    comment = ontology.value(term, RDFS.comment) or ontology.value(term, SKOS.definition) or ""
    return (f'<section id="{esc(_local(term))}"><h3>{esc(label)} <code>irkg:{esc(_local(term))}</code></h3>'
            f"<p>{esc(comment)}</p><table>{''.join(rows)}</table></section>")
