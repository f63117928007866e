"""The query library (``queries/*.rq``): list it, load a query, bind parameters as RDF terms, run.

A library query is a SPARQL file that opens with comment headers::

    # title: Meetings of a country over time
    # description: ...            (may repeat; lines are joined)
    # param: ?country — ISO alpha-3 code of the country, AZE

Parameters are never pasted into the query text.  Each value becomes one RDF
term (a string, a date, a number or an IRI, by the shape of the header's
example) and the store binds it: pyoxigraph substitutes it, an endpoint gets
a ``VALUES`` block written by pyoxigraph's escaping.  A value such as
``AZE" } DROP ALL #`` therefore stays one inert string literal.
"""

from __future__ import annotations

import io
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.prefixes import PREFIXES
from kg.store.protocol import QueryResult, Rows, Store, Term
from kg.store.sparql_text import check_syntax, code_only

XSD = "http://www.w3.org/2001/XMLSchema#"
_HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*)$")
_PARAM = re.compile(r"\?(\w+)\s*(?:—|--|-|:)\s*(.*)$")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")
_LIMIT_AT_END = re.compile(r"\bLIMIT\s+\d+(\s+OFFSET\s+\d+)?\s*$|\bOFFSET\s+\d+(\s+LIMIT\s+\d+)?\s*$",
                           re.IGNORECASE)
_PAGE_LIMIT = re.compile(r"\bLIMIT\s+(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    """One ``# param:`` header: the variable, what it means, and an example value."""

    name: str
    meaning: str
    example: str | None = None

    @property
    def kind(self) -> str:
        """``iri``, ``date``, ``integer``, ``decimal`` or ``string``, read off the example."""
        return value_kind(self.example or "")


@dataclass(frozen=True)
class LibraryQuery:
    """A SPARQL query with its headers; ``name`` is the file name without ``.rq``."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse_query(text: str, name: str = "query", path: Path | None = None) -> LibraryQuery:
    """Read the comment headers at the top of a query; a query without them is still a query."""
    title, description, params = "", [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = _HEADER.match(stripped)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            params.append(_parse_param(value, path or name))
    return LibraryQuery(name, text, title, " ".join(description), tuple(params), path)


def _parse_param(value: str, where: object) -> Param:
    match = _PARAM.match(value)
    if not match:
        raise QueryError(f"{where}: bad '# param:' header {value!r}: write '# param: ?name — meaning, example'")
    name, rest = match.group(1), match.group(2).strip()
    meaning, _, example = rest.rpartition(",")
    if not meaning:
        return Param(name, rest)
    return Param(name, meaning.strip(), example.strip() or None)


def library_dir() -> Path:
    from kg.resources import resource_dir  # here: a query given as text never looks for the library

    return resource_dir("queries")


def list_queries(directory: Path | None = None) -> list[LibraryQuery]:
    """Every ``*.rq`` of the library, by name."""
    folder = directory or library_dir()
    return [parse_query(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(folder.glob("*.rq"))]


def load_query(name_or_path: str, directory: Path | None = None) -> LibraryQuery:
    """A library query by name (``meetings_by_country``), or any ``.rq`` file by path."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or candidate.is_file():
        if not candidate.is_file():
            raise QueryError(f"{name_or_path}: no such query file")
        return parse_query(candidate.read_text(encoding="utf-8"), candidate.stem, candidate)
    path = (directory or library_dir()) / f"{name_or_path}.rq"
    if not path.is_file():
        names = ", ".join(q.name for q in list_queries(directory))
        raise QueryError(f"no library query named {name_or_path!r}: `kg queries` lists them ({names})")
    return parse_query(path.read_text(encoding="utf-8"), path.stem, path)


# ---------------------------------------------------------------- parameters as terms

def value_kind(value: str) -> str:
    """What RDF term a value's shape asks for: ``<...>`` or http(s) IRIs, ISO dates, numbers, strings."""
    from kg.inputs.text import ISO_DATE  # here, as in to_term: a query without parameters needs neither

    value = value.strip()
    if value.startswith("<") and value.endswith(">") or re.match(r"https?://\S+$", value):
        return "iri"
    if ISO_DATE.fullmatch(value):
        return "date"
    if _INTEGER.fullmatch(value):
        return "integer"
    if _DECIMAL.fullmatch(value):
        return "decimal"
    return "string"


def to_term(value: str, kind: str, name: str = "param") -> Term:
    """One RDF term of the given kind; a value that is not of that kind is a usage error."""
    from decimal import Decimal, InvalidOperation

    from kg.inputs.text import ISO_DATE, valid_date

    try:
        if kind == "iri":
            return ox.NamedNode(value.strip().removeprefix("<").removesuffix(">"))
        if kind == "date":
            if not ISO_DATE.fullmatch(value.strip()) or not valid_date(value.strip()):  # 2021-13-45 is no date
                raise ValueError("not a date")
            return ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "date"))
        if kind == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
        if kind == "decimal":
            return ox.Literal(str(Decimal(value)), datatype=ox.NamedNode(XSD + "decimal"))
    except (ValueError, InvalidOperation):
        raise QueryError(f"--param {name}={value!r} is not a valid {kind}"
                         + (" (write YYYY-MM-DD)" if kind == "date" else "")) from None
    return ox.Literal(value)


def bind_params(query: LibraryQuery, values: dict[str, str]) -> dict[str, Term]:
    """Terms for ``--param name=value`` pairs: the header's example gives the kind, else the value's shape."""
    declared = {p.name for p in query.params}
    terms: dict[str, Term] = {}
    for raw_name, value in values.items():
        name = raw_name.lstrip("?$")
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"--param {raw_name!r}: a parameter name is letters, digits and _ only")
        if declared and name not in declared:
            raise QueryError(f"{query.name} has no parameter {name!r}: it takes "
                             + ", ".join(sorted(declared)))
        param = query.param(name)
        kind = param.kind if param and param.example else value_kind(value)
        terms[name] = to_term(value, kind, name)
    return terms


def parse_param_options(options: list[str]) -> dict[str, str]:
    """``["country=AZE", "from=2020-01-01"]`` -> a dict; a pair without ``=`` is an error."""
    pairs: dict[str, str] = {}
    for option in options:
        name, sep, value = option.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {option!r}: write --param name=value")
        pairs[name.strip()] = value
    return pairs


# ---------------------------------------------------------------- VALUES for endpoints

def with_limit(sparql: str, limit: int | None) -> str:
    """Append ``LIMIT n`` when the query ends without one (rows are cut to ``n`` in any case)."""
    if limit is None:
        return sparql
    if _LIMIT_AT_END.search(code_only(sparql)):  # comments and strings blanked: "LIMIT 5 # five" ends in one
        return sparql
    return f"{sparql.rstrip()}\nLIMIT {int(limit)}"


def with_offset(sparql: str, offset: int | None) -> str:
    """The page that starts ``offset`` rows in: the query's own ``OFFSET`` replaced, else one added.

    A library query that returns thousands of rows ends with ``LIMIT n``, its
    page; ``offset`` moves that page along and keeps its size.
    """
    if offset is None:
        return sparql
    if offset < 0:
        raise QueryError(f"offset {offset}: give 0 or more rows to skip")
    end = _LIMIT_AT_END.search(code_only(sparql))
    if end is None:
        return f"{sparql.rstrip()}\nOFFSET {int(offset)}"
    page = _PAGE_LIMIT.search(end.group(0))
    clause = (f"LIMIT {page.group(1)} " if page else "") + f"OFFSET {int(offset)}"
    stop = end.start() + len(end.group(0).rstrip())  # a comment after the clause stays
    return f"{sparql[:end.start()]}{clause}{sparql[stop:]}"


def run_query(store: Store, sparql: str, bindings: dict[str, Term] | None = None, *,
              timeout: float | None = None, limit: int | None = None, offset: int | None = None) -> QueryResult:
    """Check the syntax, then run on ``store`` with a wall-clock ``timeout`` in seconds.

    ``limit`` caps the rows; ``offset`` skips as many first (see :func:`with_offset`).
    The query runs in a worker thread, so a query that computes for long
    before its first row (an aggregate over everything) still times out;
    Oxigraph cannot cancel it, so the worker finishes in the background.
    """
    check_syntax(sparql)
    text = with_offset(with_limit(sparql, limit), offset)
    if timeout is None:
        result = store.query(text, bindings or {})
    else:
        result = _with_timeout(lambda: store.query(text, bindings or {}, timeout=timeout), timeout)
    if limit is not None and isinstance(result, Rows):
        result.rows = result.rows[:limit]
    elif limit is not None and isinstance(result, list):
        result = result[:limit]
    return result


def _with_timeout(call, timeout: float) -> QueryResult:
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = call()
        except BaseException as error:  # handed to the caller's thread
            # without its traceback: the frames hold pyoxigraph iterators that must be
            # dropped on the thread that made them
            outcome["error"] = error.with_traceback(None)
            if error.__context__ is not None:
                error.__context__.with_traceback(None)

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"query timed out after {timeout:g} s: make it more selective or raise --timeout")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


# ---------------------------------------------------------------- output

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Rows as an aligned table, CSV, TSV or SPARQL 1.1 JSON results; ASK as true/false;
    CONSTRUCT/DESCRIBE as N-Triples whatever the format."""
    if isinstance(result, bool):
        return _dumps({"head": {}, "boolean": result}) if fmt == "json" else f"{str(result).lower()}\n"
    if isinstance(result, list):
        return "".join(f"{triple} .\n" for triple in result)
    if fmt == "json":
        return _dumps(_json_results(result), indent=1)
    if fmt in ("csv", "tsv"):
        import csv  # here: only these two formats write through it

        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_plain(row.get(v)) for v in result.variables])
        return out.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown output format {fmt!r}: use one of {', '.join(OUTPUT_FORMATS)}")
    return _table(result)


def _dumps(value: object, indent: int | None = None) -> str:
    import json  # here: the table a person reads is written without it

    return json.dumps(value, ensure_ascii=False, indent=indent) + "\n"


def _plain(term: Term | None) -> str:
    """The value people read: an IRI's text, a literal's lexical form, nothing for unbound."""
    if term is None:
        return ""
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


def _short(term: Term | None) -> str:
    """Table cells: IRIs as prefixed names where a prefix fits, long text cut at 80 characters."""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return term.value
    text = _plain(term).replace("\n", " ")
    return text if len(text) <= 80 else text[:79] + "…"


def _table(rows: Rows) -> str:
    cells = [[_short(row.get(v)) for v in rows.variables] for row in rows.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(rows.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(rows.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows.rows)} row{'s' if len(rows.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def term_to_json(term: Term) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 Query Results JSON shape."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _json_results(rows: Rows) -> dict:
    return {"head": {"vars": rows.variables},
            "results": {"bindings": [{k: term_to_json(v) for k, v in row.items()} for row in rows.rows]}}
