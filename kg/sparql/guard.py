"""Refuses SPARQL ``SERVICE`` clauses unless the user allows them.

Oxigraph answers ``SERVICE <url> { ... }`` by sending an HTTP request to any
URL the query names.  A query typed into ``kg query``, or sent to ``kg serve``
by any web page a browser on this machine opens, could so reach addresses only
this machine can (a router, a cloud metadata service, an admin page): a
server-side request forgery.  Federation is rare in analysis of a local graph,
so it is off unless ``--allow-service`` says otherwise.

The keyword is looked for in the query's code only (comments, strings and
IRIs blanked), twice: as written, which is how Oxigraph reads it (``\\u0022``
is an escaped quote *inside* a string and does not end it), and with SPARQL's
``\\uXXXX`` escapes decoded first, as parsers that decode them everywhere do.
Either reading finding it is enough: a false alarm costs one flag, a miss
could cost much more.
"""

from __future__ import annotations

import re

from kg.errors import QueryError

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# SERVICE as a keyword: not a variable (?service), not part of a prefixed name (ex:service, service:x)
_SERVICE = re.compile(r"(?<![?$\w:.-])SERVICE(?![\w:.-])", re.IGNORECASE)

SERVICE_REFUSED = ("SERVICE clauses are off: they make this machine send requests to other "
                   "servers; pass --allow-service to run federated queries")


def _unescape(sparql: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if int(m.group(1) or m.group(2), 16)
                       <= 0x10FFFF else m.group(0), sparql)


def uses_service(sparql: str) -> bool:
    """True when the query holds a ``SERVICE`` clause (or something that may be one)."""
    from kg.store.sparql_text import code_only as _code_only

    return any(_SERVICE.search(_code_only(text)) for text in (sparql, _unescape(sparql)))


def refuse_service(sparql: str) -> None:
    """Raise :class:`QueryError` when the query would call out with ``SERVICE``."""
    if uses_service(sparql):
        raise QueryError(SERVICE_REFUSED)
