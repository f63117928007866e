"""RDF terms -> Python values, so query rows can go straight into a notebook, pandas or a chart.

SPARQL answers are RDF terms: ``"2021-07-20"^^xsd:date`` is not a date to
Python and ``"100000"^^xsd:decimal`` is not a number, so every analyst would
otherwise write the same conversion.  The mapping is small and predictable:

========================================  ==========================
term                                      Python value
========================================  ==========================
IRI                                       ``str`` (the IRI)
blank node                                ``str`` (``_:id``)
xsd:integer, xsd:int, xsd:long, ...       ``int``
xsd:decimal, xsd:double, xsd:float        ``float`` (pandas and charts want numbers, not ``Decimal``)
xsd:boolean                               ``bool``
xsd:date                                  ``datetime.date``
xsd:dateTime                              ``datetime.datetime``
any other literal (strings, languages)    ``str`` (the lexical form)
unbound                                   ``None``
========================================  ==========================

A literal whose lexical form does not parse as its datatype stays a string:
the value people read is better than an exception in the middle of a table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + name for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                      "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                      "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {XSD + "decimal", XSD + "double", XSD + "float"}


class MissingDependency(KgError):
    """An optional package (pandas) is needed for what was asked."""


def to_python(term: object) -> Any:
    """One RDF term (or ``None``) as the Python value the table above gives."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    datatype, text = term.datatype.value, term.value
    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype in _FLOATS:
            return float(text)
        if datatype == XSD + "boolean":
            return text.strip() in ("true", "1")
        if datatype == XSD + "date":
            return dt.date.fromisoformat(text[:10])
        if datatype == XSD + "dateTime":
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return text


def row_values(variables: Sequence[str], rows: Iterable[dict]) -> list[tuple]:
    """One tuple of Python values per row, in the order of ``variables``."""
    return [tuple(to_python(row.get(v)) for v in variables) for row in rows]


def row_dicts(variables: Sequence[str], rows: Iterable[dict]) -> list[dict[str, Any]]:
    """One dict per row, every variable present (``None`` where unbound), Python values."""
    return [{v: to_python(row.get(v)) for v in variables} for row in rows]


def row_dataframe(variables: Sequence[str], rows: Iterable[dict]):
    """A ``pandas.DataFrame`` with one column per variable; pandas is optional."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingDependency("to_dataframe() needs pandas, which is not installed: "
                                "pip install pandas (or use to_dicts(), which needs nothing)") from None
    frame = pd.DataFrame.from_records(row_values(variables, rows), columns=list(variables))
    for column in frame.columns:  # xsd:date columns become datetime64, which pandas plots and filters
        values = frame[column].dropna()
        if len(values) and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values):
            frame[column] = pd.to_datetime(frame[column])
    return frame
