"""SHACL validation of the graph, one transcript graph at a time.

Each transcript's named graph is validated together with the reference
triples it links to (the countries and organisations it names, with their
codes and labels) and with the ontology as ``ont_graph``, so
``sh:targetClass irkg:Commitment`` reaches every ``irkg:Supply``.  Taking
only the linked slice of the reference graph, rather than all of it, keeps
the cost of one transcript independent of the ~250 countries; the reference
graph itself is validated once, on its own.  Per-graph validation keeps the
whole run linear in the number of transcripts and names the transcript at
fault.

Every rule, the cross-field ones included (quote at its offsets, speaker
among the participants), is in ``shapes/irkg.ttl`` as SHACL or SHACL-SPARQL,
not in Python, so any SHACL engine given the same files gives the same
answer and a publisher can check an export without irkg.  The SPARQL
constraints were slow in pySHACL only because rdflib re-parsed their text
for every focus node; :class:`DataGraph` parses each text once, which made
pySHACL about 13 times faster on our graphs.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import astuple
from functools import cached_property, lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import KgError
from kg.resources import extra_turtle, resource_path
from kg.store.protocol import FORMATS, SUFFIXES, graph_triples
from kg.validation.parsed import turtle_graph
from kg.validation.report import SH, ValidationReport, ValidationResult, compact

ENGINES = ("pyshacl", "turbo")
REFERENCE_SUFFIX = "/graph/reference"
#: graphs checked on their own, with no reference context: the reference and the metadata graph
STANDALONE_SUFFIXES = (REFERENCE_SUFFIX, "/graph/metadata")
_SOURCE = URIRef("https://w3id.org/irkg/ontology#source")
_SHACL = rdflib.Namespace(SH)
#: what RDF files are read by their suffix: each format's own, and RDF/XML as .owl and .xml too
_FILE_FORMATS = {suffix: FORMATS[name] for suffix, name in {**SUFFIXES, ".owl": "rdfxml", ".xml": "rdfxml"}.items()}


#: the module each engine is imported as
_MODULES = {"pyshacl": "pyshacl", "turbo": "pyshacl_turbo"}


def default_engine() -> str:
    """pyshacl-turbo where it is installed (same results on the whole shape test suite, ~4x faster), else pySHACL."""
    return "turbo" if _installed(_MODULES["turbo"]) else "pyshacl"


class ValidationError(KgError):
    """Validation could not run: unreadable shapes or data, an unknown engine."""


def _not_installed(engine: str) -> ValidationError:
    return ValidationError(f"SHACL engine {engine!r} is not installed: pip install "
                           f"{'pyshacl-turbo' if engine == 'turbo' else 'pyshacl'}")


def _installed(module: str) -> bool:
    """Whether ``module`` can be imported, found without importing it (a build worker may never need it)."""
    from importlib.util import find_spec

    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


# ---------------------------------------------------------------- loading

def load_shapes() -> rdflib.Graph:
    """The shapes graph of ``shapes/*.ttl`` and any extra snippet (parsed once per process and snippets)."""
    return _load_shapes(extra_turtle("shapes"))


def load_ontology() -> rdflib.Graph:
    """The ontology graph of ``ontology/irkg.ttl`` and any extra snippet (:func:`kg.resources.add_turtle`)."""
    return _load_ontology(extra_turtle("ontology"))


@lru_cache(maxsize=None)
def _load_shapes(extras: tuple[str, ...]) -> rdflib.Graph:
    folder = resource_path("shapes", "irkg.ttl").parent
    return turtle_graph("shapes-graph", sorted(folder.glob("*.ttl")), extras)


@lru_cache(maxsize=None)
def _load_ontology(extras: tuple[str, ...]) -> rdflib.Graph:
    return turtle_graph("ontology-graph", [resource_path("ontology", "irkg.ttl")], extras)


def to_rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal):
    """pyoxigraph term -> rdflib term; xsd:string literals become plain ones (RDF 1.1 sameness)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))


class DataGraph(rdflib.Graph):
    """An rdflib graph that parses each SPARQL text once per process.

    pySHACL runs a SHACL-SPARQL constraint once per focus node, with the same
    text and ``$this`` as an initial binding; rdflib would parse that text
    every time, which is nine tenths of pySHACL's time on our graphs.
    """

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def to_rdflib(triples: Iterable[ox.Triple], graph: rdflib.Graph | None = None) -> rdflib.Graph:
    graph = DataGraph() if graph is None else graph
    for t in triples:
        graph.add((to_rdflib_term(t.subject), to_rdflib_term(t.predicate), to_rdflib_term(t.object)))
    return graph


# ---------------------------------------------------------------- one graph

class GraphValidator:
    """Validates transcript graphs against the shapes, with the reference graph as context.

    ``reference`` is the reference graph's triples (countries, organisations,
    ontology).  ``engine`` is ``"pyshacl"`` (the reference implementation)
    or ``"turbo"`` (pyshacl-turbo); None picks :func:`default_engine`.
    """

    def __init__(self, reference: Iterable[ox.Triple] = (), engine: str | None = None) -> None:
        engine = engine or default_engine()
        if engine not in ENGINES:
            raise ValidationError(f"unknown SHACL engine {engine!r}: use one of {', '.join(ENGINES)}")
        if not _installed(_MODULES[engine]):
            raise _not_installed(engine)
        self.engine = engine
        self.shapes = load_shapes()
        self.ontology = load_ontology()
        self._reference: dict[ox.NamedNode, list[ox.Triple]] = defaultdict(list)
        for triple in reference:
            self._reference[triple.subject].append(triple)

    @cached_property
    def _run(self):
        """The engine, made at its first graph: a build's pages are nearly all passed by :attr:`quick`
        alone, and a worker of a small build need not import and compile it (0.02 CPU-s) before its first."""
        return _engine(self.engine, self.shapes, self.ontology)

    @cached_property
    def quick(self):
        """The shapes compiled to Python for a sure "no violation" (:class:`kg.validation.fastcheck.FastCheck`)."""
        from kg.validation.fastcheck import FastCheck

        return FastCheck(self.shapes, self.ontology)

    def context(self, triples: Sequence[ox.Triple]) -> list[ox.Triple]:
        """The reference triples about the nodes ``triples`` link to but do not describe."""
        described = {t.subject for t in triples}
        linked = {t.object for t in triples if isinstance(t.object, ox.NamedNode)} - described
        return [r for node in linked for r in self._reference.get(node, ())]

    def validate_triples(self, triples: Sequence[ox.Triple], graph: str, *,
                         with_context: bool = True) -> list[ValidationResult]:
        """Results for one graph's triples (empty when it conforms without warnings)."""
        return self._results(list(triples) + (self.context(triples) if with_context else []), triples, graph)

    def _results(self, data: list[ox.Triple], triples: Sequence[ox.Triple], graph: str) -> list[ValidationResult]:
        source = next((t.object.value for t in triples if t.predicate.value == str(_SOURCE)), None)
        try:
            report = self._run(data)
        except Exception as error:  # the engines raise their own runtime errors
            raise ValidationError(f"{source or graph}: SHACL validation could not run: {error}") from error
        return read_results(report, self.shapes, graph, source)

    def check(self, doc: object, mapped: object) -> list[str]:
        """The ``GraphCheck`` of :func:`kg.building.builder.build_transcripts`: one line per violation.

        Warnings are left to ``kg validate``: they say 'implausible', and a
        strict build must not reject a graph for them.
        """
        triples = mapped.all_triples
        data = list(triples) + self.context(triples)
        if self.quick.conforms(data):  # surely no violation: the engine would find none (kg.validation.fastcheck)
            return []
        conforms = getattr(self._run, "conforms", None)  # the engine's verdict alone, when it gives one
        if conforms is not None and conforms(data):
            return []  # no violation: warnings are not kept here, and the report would say no more
        results = self._results(data, triples, mapped.graph.value)
        return [f"{r.shape}: {r.message} (focus {r.focus}"
                + (f", value {r.value[:80]}" if r.value is not None else "") + ")"
                for r in results if r.severity == "Violation"]


def _engine(name: str, shapes: rdflib.Graph, ontology: rdflib.Graph):
    """A function data graph -> SHACL report graph, for the named engine.

    pySHACL gets the ontology as ``ont_graph`` (it mixes it into the data
    graph).  pyshacl-turbo compiles the shapes once (its ``validate`` would
    recompile them on every call): see :class:`kg.validation.turbo.TurboRun`.
    The engine-parity test checks the two stay equal.
    """
    try:
        if name == "turbo":
            import pyshacl_turbo
        else:
            import pyshacl
    except ImportError as error:
        raise _not_installed(name) from error
    if name == "turbo":
        from kg.validation.turbo import turbo_engine

        return turbo_engine(shapes, ontology)

    def run_pyshacl(data: list[ox.Triple]) -> rdflib.Graph:
        return pyshacl.validate(to_rdflib(data), shacl_graph=shapes, ont_graph=ontology, inference="none",
                                allow_warnings=True, inplace=True)[1]
    return run_pyshacl


def read_results(report: rdflib.Graph, shapes: rdflib.Graph, graph: str,
                 source: str | None) -> list[ValidationResult]:
    """Flatten a SHACL report graph into results, sorted for stable output."""
    out = []
    for node in report.subjects(RDF.type, _SHACL.ValidationResult):
        get = lambda p: report.value(node, _SHACL[p])  # noqa: E731 - local shorthand
        value = get("value")
        path = get("resultPath")
        out.append(ValidationResult(
            graph=graph, source=source, shape=_shape_name(get("sourceConstraint"), get("sourceShape"), shapes),
            severity=str(get("resultSeverity")).rsplit("#", 1)[-1], focus=_text(get("focusNode")),
            path=compact(str(path)) if isinstance(path, URIRef) else (None if path is None else "path"),
            value=None if value is None else _text(value), message=_message(report, node, shapes),
            component=compact(str(get("sourceConstraintComponent")))))
    return sorted(out, key=lambda r: tuple(v or "" for v in astuple(r)))


def _message(report: rdflib.Graph, node, shapes: rdflib.Graph) -> str:
    """The result's message; when an engine gives several, the constraint's own comes first."""
    messages = {str(m) for m in report.objects(node, _SHACL.resultMessage)}
    for source in (report.value(node, _SHACL.sourceConstraint), report.value(node, _SHACL.sourceShape)):
        own = {str(m) for m in shapes.objects(source, _SHACL.message)} & messages if source else set()
        if own:
            return sorted(own)[0]
    return sorted(messages)[0] if messages else ""


def _shape_name(constraint, shape, shapes: rdflib.Graph) -> str:
    """The most specific named shape: a named SPARQL constraint, the shape, or its parent."""
    if isinstance(constraint, URIRef):
        return compact(str(constraint))
    for _ in range(4):
        if isinstance(shape, URIRef):
            return compact(str(shape))
        parent = shapes.value(None, _SHACL.property, shape) if shape is not None else None
        if parent is None:
            break
        shape = parent
    return "(anonymous shape)"


def _text(term) -> str:
    if isinstance(term, Literal):
        if term.datatype and term.datatype != XSD.string:
            return f'"{term}"^^{compact(str(term.datatype))}'
        return str(term)
    return ("_:" + str(term)) if isinstance(term, BNode) else str(term)


# ---------------------------------------------------------------- stores and files

def is_reference(graph: str) -> bool:
    return graph.endswith(REFERENCE_SUFFIX)


def is_standalone(graph: str) -> bool:
    """Whether a graph is validated alone (reference, metadata) rather than with reference context."""
    return graph.endswith(STANDALONE_SUFFIXES)


def validate_graphs(graphs: dict[str, list[ox.Triple]], wanted: Sequence[str] = (),
                    engine: str | None = None) -> ValidationReport:
    """Validate named graphs (all, or ``wanted``): the reference one alone, others with their slice of it.

    A transcript graph is validated with the entities triples it contributed
    (:func:`kg.store.layout.views_of`); the entities graph and the ledger are
    checked through those views, not on their own.
    """
    from kg.store.layout import views_of

    started = time.perf_counter()
    missing = [g for g in wanted if g not in graphs]
    if missing:
        raise ValidationError(f"graph {missing[0]} is not among the graphs given: "
                              f"{', '.join(sorted(graphs)[:5])}")
    reference = [t for name, triples in graphs.items() if is_reference(name) for t in triples]
    validator = GraphValidator(reference, engine)
    report = ValidationReport(engine=validator.engine)
    views = views_of(graphs)
    for name in list(wanted) or [g for g in sorted(graphs) if not _through_views(g)]:
        report.results.extend(validator.validate_triples(views[name], name,
                                                         with_context=not is_standalone(name)))
        report.graphs += 1
    report.seconds = time.perf_counter() - started
    return report


def _through_views(graph: str) -> bool:
    """The entities graph and the ledger: validated as parts of each transcript's view."""
    return graph.endswith(("/graph/entities", "/graph/contributions"))


def validate_store(store, graphs: Sequence[str] = (), engine: str | None = None) -> ValidationReport:
    """Validate every named graph of ``store`` (or only ``graphs``, given as IRIs)."""
    started = time.perf_counter()
    names = [g.value for g in store.graphs()]
    reference_names = [n for n in names if is_reference(n)]
    wanted = list(graphs) or names
    missing = [g for g in wanted if g not in names]
    if missing:
        raise ValidationError(f"graph {missing[0]} is not in the store: see `kg stats --per-graph`")
    reference = [t for n in reference_names for t in graph_triples(store, ox.NamedNode(n))]
    validator = GraphValidator(reference, engine)
    report = ValidationReport(engine=validator.engine)
    for name in [g for g in wanted if graphs or not _through_views(g)]:
        triples = reference if is_reference(name) else _view(store, name)
        report.results.extend(validator.validate_triples(triples, name, with_context=not is_standalone(name)))
        report.graphs += 1
    report.seconds = time.perf_counter() - started
    return report


def _view(store, name: str) -> list[ox.Triple]:
    """A transcript graph with the entities triples it contributed; any other graph as it is."""
    from kg.store.layout import is_transcript_graph, transcript_view

    node = ox.NamedNode(name)
    return transcript_view(store, node) if is_transcript_graph(name) else graph_triples(store, node)


def read_graph_files(paths: Sequence[str | Path]) -> dict[str, list[ox.Triple]]:
    """Named graphs of RDF files (TriG, N-Quads keep theirs; a triple file is one graph named by its path)."""
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for path in map(Path, paths):
        rdf_format = _FILE_FORMATS.get(path.suffix.lower())
        if rdf_format is None:
            raise ValidationError(f"{path}: unknown RDF file type {path.suffix!r}: use one of "
                                  f"{', '.join(sorted(_FILE_FORMATS))}")
        try:
            for quad in ox.parse(path=str(path), format=rdf_format):
                name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else str(path)
                graphs[name].append(ox.Triple(quad.subject, quad.predicate, quad.object))
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(f"{path}: cannot read RDF: {error}") from error
    return dict(graphs)


def validate_files(paths: Sequence[str | Path], graphs: Sequence[str] = (),
                   engine: str | None = None) -> ValidationReport:
    """Validate RDF files: an export in TriG or N-Quads graph by graph, a Turtle file as one graph."""
    return validate_graphs(read_graph_files(paths), graphs, engine)


def build_check(base: str, engine: str | None = None):
    """The check ``kg build`` runs on each mapped graph before writing it (see :meth:`GraphValidator.check`)."""
    from kg.rdf.reference import reference_triples

    validator = GraphValidator(reference_triples(base), engine)
    validator.quick  # noqa: B018 -- compiled now, where a build makes its check (a worker before the others fork)
    return validator.check
