"""What :mod:`kg.validation.fastcheck` reads a page graph through: an index of its triples and the
literal forms it can vouch for.

The quick check answers "surely no violation" or "ask the engine", so a
literal whose lexical form it cannot judge exactly as the engines do (a date
with a time zone, a number in exponent form) raises :class:`Unsure` instead of
being guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Literal, URIRef

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})?")
_URI_BAD = re.compile(r"[\s<>\"{}|\\^`]")


class Unsure(Exception):
    """The quick check cannot tell: the engine decides."""


def ox_term(term) -> ox.NamedNode | ox.Literal:
    """An rdflib IRI or literal of the shapes as a pyoxigraph term (a blank node cannot be compared)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))) if term.datatype else ox.Literal(str(term))
    raise Unsure(f"a shape names {term!r}")


def _valid(parse, text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


#: datatype -> test of a lexical form: True (well formed, surely), False (not, or not surely)
_LEXICAL = {
    XSD + "string": lambda text: True,
    LANG_STRING: lambda text: True,
    XSD + "integer": lambda text: _INTEGER.fullmatch(text) is not None,
    XSD + "decimal": lambda text: _DECIMAL.fullmatch(text) is not None,
    XSD + "boolean": lambda text: text in ("true", "false", "1", "0"),
    XSD + "date": lambda text: _DATE.fullmatch(text) is not None and _valid(date.fromisoformat, text),
    XSD + "dateTime": lambda text: _DATE_TIME.fullmatch(text) is not None
    and _valid(lambda t: datetime.fromisoformat(t.replace("Z", "+00:00")), text),
    XSD + "anyURI": lambda text: _URI_BAD.search(text) is None,
}


def datatype_ok(value, datatype: str) -> bool:
    """Whether ``value`` is a well-formed literal of ``datatype`` (False: a violation; Unsure: cannot tell)."""
    if not isinstance(value, ox.Literal):
        return False
    if value.datatype.value != datatype:
        return False
    lexical = _LEXICAL.get(datatype)
    if lexical is None or not lexical(value.value):
        raise Unsure(f"cannot vouch for {value}")
    return True


def number(value) -> Decimal:
    """The value of an xsd:integer or xsd:decimal literal of a plain form; Unsure for anything else."""
    if isinstance(value, ox.Literal):
        datatype = value.datatype.value
        if (datatype == XSD + "integer" and _INTEGER.fullmatch(value.value)) or \
                (datatype == XSD + "decimal" and _DECIMAL.fullmatch(value.value)):
            return Decimal(value.value)
    raise Unsure(f"not a plain number: {value}")


def integer(value) -> int:
    """The value of a plain xsd:integer literal; Unsure for anything else (SPARQL would compare more)."""
    if isinstance(value, ox.Literal) and value.datatype.value == XSD + "integer" and _INTEGER.fullmatch(value.value):
        return int(value.value)
    raise Unsure(f"not a plain integer: {value}")


_NO_ARCS: dict = {}  # a node without triples, shared (never written): no new dict a lookup


class Index:
    """A page graph's triples by subject and predicate (objects in first-seen order, once each),
    by object for the predicates some path reads backwards, and the classes of its nodes."""

    def __init__(self, data: Iterable[ox.Triple], supers: dict, inverse: set) -> None:
        out: dict = {}
        back: dict = {p: {} for p in inverse}
        subclass_data = False  # an rdfs:subClassOf triple the ontology does not hold
        for subject, predicate, obj in data:  # a Triple unpacks to its terms: a fifth quicker than three getters
            out.setdefault(subject, {}).setdefault(predicate, {})[obj] = None
            if predicate in back:
                back[predicate].setdefault(obj, {})[subject] = None
            elif predicate == SUBCLASS:
                subclass_data = subclass_data or obj not in supers.get(("direct", subject), ())
        self.out, self.back, self.supers = out, back, supers
        self.has_subclass_data = subclass_data
        self._instances: dict | None = None
        self.memo: dict = {}  # what the SPARQL twins read more than once (a transcript's text)

    def values(self, node, predicate) -> list:
        if predicate == SUBCLASS:  # the ontology's axioms, which the engines are given with the data
            return list(self.supers.get(("direct", node), ()))
        return list(self.out.get(node, _NO_ARCS).get(predicate, ()))

    def inverse_values(self, node, predicate) -> list:
        if predicate not in self.back:
            raise Unsure(f"no inverse index of {predicate}")
        return list(self.back[predicate].get(node, ()))

    def predicates(self, node) -> Sequence:
        return list(self.out.get(node, _NO_ARCS))

    def classes(self, node) -> set:
        """The node's classes with their superclasses (rdfs:subClassOf* of the ontology)."""
        found: set = set()
        for cls in self.out.get(node, _NO_ARCS).get(RDF_TYPE, ()):
            found.update(self.supers.get(cls, (cls,)))
        return found

    def focus_nodes(self, kind: str, target) -> list:
        if kind == "class":
            if self._instances is None:
                self._instances = {}
                for node in self.out:
                    for cls in self.classes(node):
                        self._instances.setdefault(cls, []).append(node)
            return self._instances.get(target, [])
        if kind == "subjects":
            return [s for s, by in self.out.items() if target in by]
        if kind == "objects":
            return self.inverse_values_all(target)
        if kind == "node":
            return [target]
        raise Unsure(kind)

    def inverse_values_all(self, predicate) -> list:
        if predicate not in self.back:
            raise Unsure(f"no inverse index of {predicate}")
        return list(self.back[predicate])


def closure(pairs: Sequence[tuple]) -> dict:
    """class -> itself and every superclass, and ("direct", class) -> its direct superclasses."""
    direct: dict = {}
    for sub, sup in pairs:
        direct.setdefault(sub, []).append(sup)
    supers: dict = {}
    for start in {c for pair in pairs for c in pair}:
        seen, todo = {start}, [start]
        while todo:
            for sup in direct.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        supers[start] = frozenset(seen)
    supers.update({("direct", sub): tuple(dict.fromkeys(sups)) for sub, sups in direct.items()})
    return supers
