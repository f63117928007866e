"""SHACL Core constraint components and paths as Python tests, for :mod:`kg.validation.fastcheck`.

Each test takes the page index, the focus node and its value nodes and says
whether they conform; where it cannot tell as the engines would, it raises
:class:`kg.validation.fastterms.Unsure`, and the engine decides.  A component
this module does not know makes its shape unreadable at compile time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from itertools import repeat
from typing import Protocol

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF

from kg.validation.fastterms import Unsure, datatype_ok, number, ox_term



class FastCheck(Protocol):
    """What the components read of :class:`kg.validation.fastcheck.FastCheck` (no import: no cycle)."""

    shapes: rdflib.Graph

    def nested(self, node) -> object: ...

    def members(self, head) -> list: ...

    def sparql(self, node) -> Callable: ...

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
Test = Callable[[object, object, list], bool]
Path = Callable[[object, object], list]
#: the shapes' predicates that are parameters or words for people, not constraints
_INERT = {SH.message, SH.name, SH.description, SH.order, SH.group, SH.severity, SH.defaultValue,
          SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.property, SH.path,
          SH.ignoredProperties, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.prefixes, SH.declare}
_KINDS = {SH.IRI: (ox.NamedNode,), SH.Literal: (ox.Literal,), SH.BlankNode: (ox.BlankNode,),
          SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode), SH.IRIOrLiteral: (ox.NamedNode, ox.Literal),
          SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal)}


def path_reader(g: rdflib.Graph, path, inverse: set) -> Path:
    """The value nodes of a path: a predicate, an inverse predicate, or a sequence of those."""
    if isinstance(path, URIRef):
        predicate = ox_term(path)
        return lambda index, focus: index.values(focus, predicate)
    backwards = g.value(path, SH.inversePath)
    if isinstance(backwards, URIRef) and len(set(g.predicate_objects(path))) == 1:
        predicate = ox_term(backwards)
        inverse.add(predicate)
        return lambda index, focus: index.inverse_values(focus, predicate)
    if (path, RDF.first, None) in g:
        steps = [path_reader(g, step, inverse) for step in Collection(g, path)]

        def sequence(index, focus) -> list:
            nodes = [focus]
            for step in steps:
                nodes = list(dict.fromkeys(v for node in nodes for v in step(index, node)))
            return nodes
        return sequence
    raise Unsure("a path this check does not read")


def component_tests(check: FastCheck, node, is_property: bool) -> list[Test]:
    """The tests of every constraint component of the shape at ``node``."""
    g = check.shapes
    tests: list[Test] = []
    for predicate, value in sorted(set(g.predicate_objects(node)), key=str):
        if not str(predicate).startswith(str(SH)) or predicate in _INERT:
            continue
        make = _COMPONENTS.get(predicate)
        if make is None:
            raise Unsure(f"component {predicate}")
        test = make(check, node, value, is_property)
        if test is not None:
            tests.append(test)
    return tests


def _count(at_least: bool) -> Callable:
    def make(check, node, value, is_property):
        n = int(value)
        return (lambda index, focus, values: len(values) >= n) if at_least else \
            (lambda index, focus, values: len(values) <= n)
    return make


def _datatype(check, node, value, is_property) -> Test:
    datatype = str(value)
    return lambda index, focus, values: all(map(datatype_ok, values, repeat(datatype)))  # no generator frame


def _node_kind(check, node, value, is_property) -> Test:
    kinds = _KINDS[value]
    return lambda index, focus, values: all(map(isinstance, values, repeat(kinds)))


def _class(check, node, value, is_property) -> Test:
    cls = ox_term(value)
    return lambda index, focus, values: all(not isinstance(v, ox.Literal) and cls in index.classes(v)
                                            for v in values)


def _in(check, node, value, is_property) -> Test:
    allowed = {ox_term(member) for member in Collection(check.shapes, value)}
    return lambda index, focus, values: allowed.issuperset(values)


def _has_value(check, node, value, is_property) -> Test:
    wanted = ox_term(value)
    return lambda index, focus, values: wanted in values


def _pattern(check, node, value, is_property) -> Test:
    flags = check.shapes.value(node, SH.flags)
    if flags is not None and str(flags) not in ("", "i"):
        raise Unsure("regex flags")
    try:
        regex = re.compile(str(value), re.IGNORECASE if flags is not None and str(flags) == "i" else 0)
    except re.error as error:
        raise Unsure("a pattern Python does not read") from error
    if not str(value).isascii():
        raise Unsure("a pattern past ASCII")

    def test(index, focus, values) -> bool:
        for v in values:
            if isinstance(v, ox.BlankNode):
                return False
            text = v.value
            if "\n" in text or "\r" in text or not text.isascii():  # where Python's $ and \w differ from XPath's
                raise Unsure("pattern over a line break or past ASCII")
            if regex.search(text) is None:
                return False
        return True
    return test


def _length(at_least: bool) -> Callable:
    def make(check, node, value, is_property):
        n = int(value)

        def test(index, focus, values) -> bool:
            if any(isinstance(v, ox.BlankNode) for v in values):
                return False
            return all((len(v.value) >= n) if at_least else (len(v.value) <= n) for v in values)
        return test
    return make


def _bound(compare: Callable[[Decimal, Decimal], bool]) -> Callable:
    def make(check, node, value, is_property):
        if not isinstance(value, Literal) or not isinstance(value.toPython(), (int, Decimal)):
            raise Unsure("a bound that is not a plain number")
        limit = Decimal(str(value.toPython()))
        return lambda index, focus, values: all(compare(number(v), limit) for v in values)
    return make


def _pair(relation: str) -> Callable:
    def make(check, node, value, is_property):
        other = ox_term(value)

        def test(index, focus, values) -> bool:
            theirs = index.values(focus, other)
            if relation == "equals":
                return set(values) == set(theirs)
            if relation == "disjoint":
                return set(values).isdisjoint(theirs)
            strict = relation == "lessThan"
            return all(number(v) < number(w) if strict else number(v) <= number(w) for v in values for w in theirs)
        return test
    return make


def _closed(check, node, value, is_property) -> Test | None:
    if not (isinstance(value, Literal) and value.toPython() is True):
        return None
    g = check.shapes
    allowed = set()
    for prop in g.objects(node, SH.property):
        path = g.value(prop, SH.path)
        if isinstance(path, URIRef):
            allowed.add(ox_term(path))
    for ignored in g.objects(node, SH.ignoredProperties):
        allowed.update(ox_term(p) for p in Collection(g, ignored))
    return lambda index, focus, values: all(p in allowed for v in values for p in index.predicates(v))


def _logic(kind: str) -> Callable:
    def make(check, node, value, is_property):
        if kind in ("node", "not"):
            members = [check.nested(value)]
        else:
            members = check.members(value)

        def test(index, focus, values) -> bool:
            for v in values:
                passed = sum(1 for m in members if m.check(index, v, strict=True))
                if kind in ("node", "and") and passed < len(members) or kind == "or" and passed == 0 \
                        or kind == "xone" and passed != 1 or kind == "not" and passed:
                    return False
            return True
        return test
    return make


def _qualified(check, node, value, is_property) -> Test:
    g = check.shapes
    if (node, SH.qualifiedValueShapesDisjoint, None) in g and g.value(node, SH.qualifiedValueShapesDisjoint).toPython():
        raise Unsure("qualifiedValueShapesDisjoint")
    shape = check.nested(value)
    low, high = g.value(node, SH.qualifiedMinCount), g.value(node, SH.qualifiedMaxCount)
    low = 0 if low is None else int(low)
    high = None if high is None else int(high)

    def test(index, focus, values) -> bool:
        passed = sum(1 for v in values if shape.check(index, v, strict=True))
        return passed >= low and (high is None or passed <= high)
    return test


def _sparql(check, node, value, is_property) -> Test:
    if is_property:
        raise Unsure("a SPARQL constraint of a property shape")
    if isinstance(value, BNode):
        raise Unsure("an anonymous SPARQL constraint")
    twin = check.sparql(value)
    return lambda index, focus, values: twin(index, focus)


_COMPONENTS: dict = {
    SH.minCount: _count(True), SH.maxCount: _count(False), SH.datatype: _datatype, SH.nodeKind: _node_kind,
    SH["class"]: _class, SH["in"]: _in, SH.hasValue: _has_value, SH.pattern: _pattern,
    SH.flags: lambda *args: None,  # read with sh:pattern
    SH.minLength: _length(True), SH.maxLength: _length(False),
    SH.minInclusive: _bound(lambda v, limit: v >= limit), SH.maxInclusive: _bound(lambda v, limit: v <= limit),
    SH.minExclusive: _bound(lambda v, limit: v > limit), SH.maxExclusive: _bound(lambda v, limit: v < limit),
    SH.equals: _pair("equals"), SH.disjoint: _pair("disjoint"), SH.lessThan: _pair("lessThan"),
    SH.lessThanOrEquals: _pair("lessThanOrEquals"), SH.closed: _closed,
    SH["or"]: _logic("or"), SH.xone: _logic("xone"), SH["and"]: _logic("and"), SH["not"]: _logic("not"),
    SH.node: _logic("node"), SH.qualifiedValueShape: _qualified, SH.sparql: _sparql,
}
