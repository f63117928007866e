"""``kg.query``: one call for notebooks — a library query by name, a ``.rq`` file or SPARQL text.

The CLI's ``kg query NAME --param k=v`` has a Python twin here, so an analyst
who found a query with ``kg queries`` can run it in a notebook the same way::

    rows = kg.query(store, "meetings_between_countries", a="RUS", b="AZE")
    rows.to_dataframe()

Keyword parameters may be Python values (``datetime.date``, numbers) or
strings; each becomes one RDF term as the query's ``# param:`` header says
(see :func:`kg.sparql.library.bind_params`), never text pasted into the query.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from kg.sparql.library import bind_params, load_query, parse_query, run_query
from kg.store.protocol import QueryResult, Store, Term

_NAME = re.compile(r"[A-Za-z_][\w-]*")


def query(store: Store, query: str, bindings: dict[str, Term] | None = None, *,
          timeout: float | None = None, limit: int | None = None, offset: int | None = None,
          **params: object) -> QueryResult:
    """Run a library query (``"leader_country_edges"``), a ``.rq`` path, or SPARQL text on ``store``.

    SELECT gives :class:`kg.store.protocol.Rows` (``.values()``, ``.to_dicts()``,
    ``.to_dataframe()``), ASK a bool, CONSTRUCT a list of triples.
    ``bindings`` are ready RDF terms; ``params`` are plain values bound by
    the query's headers.  ``timeout`` is in seconds, ``limit`` caps the rows, ``offset``
    skips as many first (the next page of a query that lists a page at a time).
    """
    if _NAME.fullmatch(query) or (query.endswith(".rq") and "\n" not in query and Path(query).is_file()):
        parsed = load_query(query)
    else:
        parsed = parse_query(query, "query")
    terms = dict(bindings or {})
    if params:
        terms.update(bind_params(parsed, {name: _text(value) for name, value in params.items()}))
    return run_query(store, parsed.text, terms, timeout=timeout, limit=limit, offset=offset)


def _text(value: object) -> str:
    """A Python value as the text ``--param`` would have been given."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
