"""A quick, sure "no violation" for a page graph, read from the shapes: the build's common case.

A build checks every transcript graph and almost every one conforms; the
native engine took about a sixth of a page's time to say so.  :class:`FastCheck`
compiles the shapes (``shapes/*.ttl``) once into Python tests over an index
of the page's triples and answers only "surely no violation" (True) or "ask
the engine" (False).  It is never the judge of a violation: a graph it does
not pass goes to the engine, whose report is what the build keeps, so a
shape, a value or a path it does not know makes it say False, never True.

What it reads of SHACL Core: targets (class with the ontology's subclasses,
subjects of, objects of, node), IRI, inverse and sequence paths, counts,
datatypes (with a lexical form it can vouch for), node kinds, classes,
``in``, ``hasValue``, patterns, lengths, inclusive bounds, ``equals``,
``disjoint``, ``lessThan(OrEquals)``, closed shapes, ``or``, ``xone``,
qualified counts, and the shapes' named SPARQL constraints of severity
Violation, each written again in Python (:mod:`kg.validation.fastsparql`).
Shapes of severity Warning or Info are passed over: the build keeps
violations only (:meth:`kg.validation.shacl.GraphValidator.check`).
``tests/test_fastcheck.py`` holds it to pySHACL and pyshacl-turbo on every
page of the dev sets and on graphs broken one shape at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property

import pyoxigraph as ox
import rdflib
from rdflib import URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from kg.validation.fastcomponents import component_tests, path_reader
from kg.validation.fastsparql import SPARQL_CHECKS
from kg.validation.fastterms import Index, Unsure, closure, ox_term

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
#: a test of one focus node and its value nodes: whether they conform (Unsure: cannot tell)
Test = Callable[[Index, object, list], bool]


class Shape:
    """One compiled shape: its path (None for a node shape), its tests and its property shapes."""

    def __init__(self, node, violation: bool) -> None:
        self.node = node
        self.violation = violation  # its results are violations (not warnings or infos)
        self.path: Callable[[Index, object], list] | None = None
        self.tests: list[Test] = []
        self.properties: list[Shape] = []

    def check(self, index: Index, focus, strict: bool) -> bool:
        """Whether ``focus`` conforms (``strict``: results of any severity count) or has no violation."""
        if self.tests and (strict or self.violation):  # plain loops: this runs some 600 times a page
            values = [focus] if self.path is None else self.path(index, focus)
            for test in self.tests:
                if not test(index, focus, values):
                    return False
        for prop in self.properties:
            if not prop.check(index, focus, strict):
                return False
        return True

    def check_violations(self, index: Index, focus) -> bool:
        """``check(index, focus, strict=False)`` over :attr:`steps`: no walk of the property shapes and
        no call for the warnings' shapes, whose tests the build passes over."""
        for path, tests in self.steps:
            values = [focus] if path is None else path(index, focus)
            for test in tests:
                if not test(index, focus, values):
                    return False
        return True

    @cached_property
    def steps(self) -> list[tuple[Callable | None, list[Test]]]:
        """(path, tests) of this shape and of its property shapes, depth first, where a build's check
        runs tests (shapes of severity Violation): the order :meth:`check` visits them in, on one focus."""
        steps = [(self.path, self.tests)] if self.tests and self.violation else []
        for prop in self.properties:
            steps.extend(prop.steps)
        return steps


class FastCheck:
    """The shapes compiled once for :meth:`conforms`.  A shape it cannot read is kept as None, and
    every graph with a focus node of it goes to the engine."""

    def __init__(self, shapes: rdflib.Graph, ontology: rdflib.Graph) -> None:
        self.shapes = shapes
        self.supers = closure([(ox_term(s), ox_term(o)) for s, o in ontology.subject_objects(RDFS.subClassOf)
                               if isinstance(s, URIRef) and isinstance(o, URIRef)])
        self._compiled: dict = {}
        self.inverse: set[ox.NamedNode] = set()  # predicates some path reads backwards
        self.targets: list[tuple[str, ox.NamedNode, Shape | None]] = []
        self.blind = False  # a target it cannot name (a blank node): every graph goes to the engine
        implicit = set(shapes.subjects(RDF.type, RDFS.Class)) | set(shapes.subjects(RDF.type, rdflib.OWL.Class))
        for node in sorted(self._target_shapes() | implicit, key=str):
            shape = self._compile(node)
            for kind, predicate in (("class", SH.targetClass), ("subjects", SH.targetSubjectsOf),
                                    ("objects", SH.targetObjectsOf), ("node", SH.targetNode)):
                for target in shapes.objects(node, predicate):
                    self._add_target(kind, target, shape)
            if node in implicit:  # a shape that is a class too targets its instances
                self._add_target("class", node, shape)

    def _add_target(self, kind: str, target, shape: Shape | None) -> None:
        try:
            term = ox_term(target)
        except Unsure:
            self.blind = True
            return
        self.targets.append((kind, term, shape))
        if kind == "objects":
            self.inverse.add(term)

    def _target_shapes(self) -> set:
        targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
        return {s for p in targets for s in self.shapes.subjects(p, None)}

    def conforms(self, data: Sequence[ox.Triple]) -> bool:
        """True when no shape gives ``data`` a violation, surely; False when it may (ask the engine)."""
        if self.blind:
            return False
        try:
            index = Index(data, self.supers, self.inverse)
            if index.has_subclass_data:  # the data's own class hierarchy: leave it to the engine
                return False
            for kind, target, shape in self.targets:
                if shape is None:
                    if index.focus_nodes(kind, target):
                        return False
                    continue
                for focus in index.focus_nodes(kind, target):
                    if not shape.check_violations(index, focus):
                        return False
            return True
        except Unsure:
            return False

    # -------------------------------------------------------------- compiling

    def _compile(self, node) -> Shape | None:
        """The shape at ``node``, or None when it holds anything this module does not read."""
        if node not in self._compiled:
            self._compiled[node] = None  # a shape that refers to itself is not read
            try:
                self._compiled[node] = self._read(node)
            except Unsure:
                self._compiled[node] = None
        return self._compiled[node]

    def _read(self, node) -> Shape:
        g = self.shapes
        severity = g.value(node, SH.severity)
        if (node, SH.deactivated, None) in g:
            raise Unsure("deactivated")
        shape = Shape(node, severity is None or severity == SH.Violation)
        path = g.value(node, SH.path)
        if path is not None:
            shape.path = path_reader(g, path, self.inverse)
        try:
            shape.tests = component_tests(self, node, shape.path is not None)
        except Unsure:
            if shape.violation:
                raise
            shape.tests = [_cannot_tell]  # a warning's tests: passed over, unless the shape is nested
        for child in g.objects(node, SH.property):
            compiled = self._compile(child)
            if compiled is None:
                raise Unsure("property shape not read")
            shape.properties.append(compiled)
        return shape

    def nested(self, node) -> Shape:
        """A shape named by ``sh:or``, ``sh:xone``, ``sh:node`` or ``sh:qualifiedValueShape``."""
        compiled = self._compile(node)
        if compiled is None:
            raise Unsure("nested shape not read")
        return compiled

    def members(self, head) -> list[Shape]:
        return [self.nested(member) for member in Collection(self.shapes, head)]

    def sparql(self, node) -> Test:
        """The Python test of a named SPARQL constraint (:data:`kg.validation.fastsparql.SPARQL_CHECKS`)."""
        if not isinstance(node, URIRef) or str(node) not in SPARQL_CHECKS:
            raise Unsure("SPARQL constraint without a Python twin")
        return SPARQL_CHECKS[str(node)]


def _cannot_tell(index: Index, focus, values: list) -> bool:
    raise Unsure("a test this check does not read")
