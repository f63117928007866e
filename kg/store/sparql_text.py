"""SPARQL as text: blanking comments and strings, declared prefixes, binding VALUES, graph data, checking syntax.

Stores and the query library both work on query text before it is run: an
endpoint needs the prefixes a query does not declare, a binding becomes a
``VALUES`` block, triples to write become a ``GRAPH`` data block, and a
malformed query is refused with its line and column.  These helpers know
nothing of stores, so every layer can use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.prefixes import PREFIXES
from kg.store.protocol import Term

_SYNTAX_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)

_SKIP = re.compile(r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>')
_WHERE_OR_BRACE = re.compile(r"\bWHERE\b|\{", re.IGNORECASE)
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def code_only(sparql: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), for finding keywords."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), sparql)


def declared_prefixes(sparql: str) -> set[str]:
    return {m.group(1) or "" for m in _PREFIX_DECL.finditer(code_only(sparql))}


def insert_values(sparql: str, bindings: dict[str, Term]) -> str:
    """``VALUES ?v { term }`` first in the query's WHERE group, terms written by pyoxigraph.

    Comments, strings and IRIs are skipped when looking for ``WHERE``, so a
    header that mentions it cannot move the block; the terms are N-Triples
    with every quote and brace escaped, so a value cannot leave its literal.
    """
    code = code_only(sparql)
    where = next((m for m in _WHERE_OR_BRACE.finditer(code) if m.group(0).upper() == "WHERE"), None)
    brace = code.find("{", where.end() if where else 0)
    form = _QUERY_FORM.search(code)
    if where is None and brace >= 0 and form and form.group(1).upper() == "CONSTRUCT":
        brace = code.find("{", _closing(code, brace) + 1)  # WHERE is optional: the template comes first
    if brace < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in bindings.items())
    return f"{sparql[:brace + 1]} {values}\n{sparql[brace + 1:]}"


def graph_data(graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> str:
    """``GRAPH <g> { ... }`` with ``triples`` as N-Triples, for ``INSERT DATA`` and ``DELETE DATA``.

    pyoxigraph writes each term, so a literal's quotes and braces are escaped.
    """
    body = " .\n".join(str(t) for t in triples)
    return f"GRAPH {graph} {{\n{body}\n}}"


def replace_graph_update(graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> str:
    """One SPARQL update that empties ``graph`` and writes ``triples`` into it (one transaction)."""
    return f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ {graph_data(graph, triples)} }}"


def _closing(code: str, opening: int) -> int:
    """Where the group opened at ``code[opening]`` closes (the end of the text when it does not)."""
    depth = 0
    for position in range(opening, len(code)):
        depth += {"{": 1, "}": -1}.get(code[position], 0)
        if depth == 0:
            return position
    return len(code)


def check_syntax(sparql: str) -> None:
    """Raise :class:`QueryError` naming line and column when the query does not parse.

    Parsing is done by Oxigraph against an empty in-memory store, so it costs
    nothing and works the same for a query meant for a remote endpoint.
    """
    try:
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as error:
        raise QueryError(describe_syntax_error(str(error), sparql)) from None
    except (RuntimeError, OSError):
        return  # it parsed; evaluation against nothing may still complain


def describe_syntax_error(message: str, sparql: str) -> str:
    """``error at 3:8: expected ...`` -> a message with line, column, the line itself and a caret."""
    match = _SYNTAX_POSITION.search(message)
    if not match:
        return f"SPARQL syntax error: {message}"
    line, column, reason = int(match.group(1)), int(match.group(2)), match.group(3)
    reason = reason.split("\n")[0]
    if len(reason) > 120:
        reason = reason[:117] + "..."
    lines = sparql.splitlines()
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    pointer = " " * max(column - 1, 0) + "^"
    return f"SPARQL syntax error at line {line}, column {column}: {reason}\n  {shown}\n  {pointer}"
