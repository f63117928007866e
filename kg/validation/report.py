"""Validation results as plain data, and the three ways of showing them.

A SHACL report graph is hard to read at scale, so each result is flattened
into a :class:`ValidationResult` that also names the named graph and the
transcript file it came from.  The human report is built for thousands of
results: counts by shape and by transcript first, then only the first few
results of each shape, so one systematic defect cannot bury the others.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

SH = "http://www.w3.org/ns/shacl#"
SHAPES_NS = "https://w3id.org/irkg/shapes#"

_COMPACT = {
    SHAPES_NS: "irkgsh:", SH: "sh:", "https://w3id.org/irkg/ontology#": "irkg:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/ns/oa#": "oa:", "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2002/07/owl#": "owl:", "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
}


def compact(iri: str) -> str:
    """``irkgsh:Meeting-date`` for a shape IRI, ``irkg:date`` for a property; others unchanged."""
    for namespace, prefix in _COMPACT.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return iri


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, with where it was found.

    ``shape`` is the most specific named shape or SPARQL constraint that
    produced it (compact form); ``component`` the SHACL constraint component
    (``sh:MinCountConstraintComponent``); ``value`` the offending value as
    N-Triples-like text, or None when the result is about a missing value.
    """

    graph: str
    source: str | None
    shape: str
    severity: str  # "Violation", "Warning", "Info"
    focus: str
    path: str | None
    value: str | None
    message: str
    component: str


@dataclass
class ValidationReport:
    """All results of one validation run, over one or more graphs."""

    results: list[ValidationResult] = field(default_factory=list)
    graphs: int = 0
    seconds: float = 0.0
    engine: str = "pyshacl"

    @property
    def violations(self) -> int:
        return sum(1 for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.results if r.severity == "Warning")

    @property
    def conforms(self) -> bool:
        """True when nothing is a Violation: warnings say 'implausible', not 'malformed'."""
        return self.violations == 0

    def extend(self, other: ValidationReport) -> None:
        self.results.extend(other.results)
        self.graphs += other.graphs
        self.seconds += other.seconds

    def as_dict(self) -> dict:
        return {"conforms": self.conforms, "graphs": self.graphs, "violations": self.violations,
                "warnings": self.warnings, "seconds": round(self.seconds, 3), "engine": self.engine,
                "results": [asdict(r) for r in self.results]}


# ---------------------------------------------------------------- formats

def format_json(report: ValidationReport) -> str:
    return json.dumps(report.as_dict(), indent=1, ensure_ascii=False) + "\n"


def format_human(report: ValidationReport, per_shape: int = 5) -> str:
    """Counts by shape and by transcript, then the first ``per_shape`` results of each shape."""
    verdict = "conforms" if report.conforms else "DOES NOT CONFORM"
    lines = [f"{report.graphs} graph(s) validated in {report.seconds:.1f} s with {report.engine}: "
             f"{report.violations} violation(s), {report.warnings} warning(s) — {verdict}"]
    if not report.results:
        return lines[0] + "\n"
    by_shape: dict[tuple[str, str], list[ValidationResult]] = defaultdict(list)
    for result in report.results:
        by_shape[(result.severity, result.shape)].append(result)
    order = sorted(by_shape, key=lambda key: (key[0] != "Violation", -len(by_shape[key]), key[1]))
    lines += ["", "By shape:"]
    lines += [f"  {len(by_shape[key]):>7}  {key[0]:<9}  {key[1]}" for key in order]
    by_source = Counter((r.source or r.graph) for r in report.results)
    lines += ["", f"By transcript ({len(by_source)}):"]
    lines += [f"  {n:>7}  {name}" for name, n in by_source.most_common(20)]
    if len(by_source) > 20:
        lines.append(f"  ... and {len(by_source) - 20} more transcripts")
    for key in order:
        group = by_shape[key]
        lines += ["", f"[{key[0]}] {key[1]} — {group[0].message}"]
        for result in group[:per_shape]:
            where = f" (in {result.path})" if result.path else ""
            value = f" value {_short(result.value)}" if result.value is not None else ""
            lines.append(f"  - {result.focus}{where}{value}")
            lines.append(f"    {result.source or result.graph}")
        if len(group) > per_shape:
            lines.append(f"  ... and {len(group) - per_shape} more")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def format_turtle(report: ValidationReport) -> str:
    """A standard sh:ValidationReport; each result points at its named graph with rdfs:seeAlso."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import RDF, RDFS

    sh = Namespace(SH)
    graph = Graph()
    graph.bind("sh", sh)
    graph.bind("irkgsh", SHAPES_NS)
    node = BNode()
    graph.add((node, RDF.type, sh.ValidationReport))
    graph.add((node, sh.conforms, Literal(report.conforms)))
    for result in report.results:
        item = BNode()
        graph.add((node, sh.result, item))
        graph.add((item, RDF.type, sh.ValidationResult))
        graph.add((item, sh.resultSeverity, sh[result.severity]))
        graph.add((item, sh.focusNode, _term(result.focus)))
        graph.add((item, sh.resultMessage, Literal(result.message)))
        graph.add((item, sh.sourceShape, _term(_expand(result.shape))))
        graph.add((item, sh.sourceConstraintComponent, _term(_expand(result.component))))
        if result.path:
            graph.add((item, sh.resultPath, _term(_expand(result.path))))
        if result.value is not None:
            graph.add((item, sh.value, Literal(result.value)))
        if result.graph.startswith(("http://", "https://")):
            graph.add((item, RDFS.seeAlso, URIRef(result.graph)))
    return graph.serialize(format="turtle")


def _expand(name: str) -> str:
    for namespace, prefix in _COMPACT.items():
        if name.startswith(prefix):
            return namespace + name[len(prefix):]
    return name


def _term(text: str):
    from rdflib import BNode, Literal, URIRef

    if text.startswith(("http://", "https://", "urn:", "file:")):
        return URIRef(text)
    if text.startswith("_:"):
        return BNode(text[2:])
    return Literal(text)
