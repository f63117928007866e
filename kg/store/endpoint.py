"""A remote SPARQL 1.1 endpoint behind the same Store protocol as the embedded Oxigraph.

This is how the graph outgrows one machine: Oxigraph server, Apache Jena
Fuseki, GraphDB, Virtuoso or Amazon Neptune.  Queries are SPARQL 1.1 Protocol POSTs;
a transcript's named graph is replaced with one Graph Store Protocol ``PUT``
(atomic on every server we know), or, where the server has no GSP, with one
SPARQL Update request (``DROP SILENT GRAPH`` + ``INSERT DATA``).

The library queries read the default graph as the union of all named graphs,
as the embedded store does: start Oxigraph with ``--union-default-graph``,
Fuseki with ``tdb2:unionDefaultGraph true``; GraphDB, Virtuoso and Neptune do
so already.

Credentials come from ``KG_STORE_USER``/``KG_STORE_PASSWORD`` or a netrc entry
for the host, never from the command line; a URL with ``user:pass@`` is refused.
They are sent only to the endpoint's own origin: a redirect to another scheme,
host or port is followed without them (SPARQLWrapper, which the queries used
to go through, forwards them, so requests are made here with urllib and one
opener that strips them); over plain ``http://`` to another machine a
warning says they travel in clear.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import logging
import netrc
import os
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from typing import BinaryIO, TypeVar
from urllib.parse import urlencode, urlsplit, urlunsplit

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.prefixes import PREFIXES
from kg.store.sparql_text import declared_prefixes, graph_data, insert_values, replace_graph_update
from kg.store.protocol import DATASET_FORMATS, QueryResult, Rows, Term, graph_triples, rdf_format as _format

T = TypeVar("T")
TRANSIENT_HTTP = frozenset({408, 425, 429, 500, 502, 503, 504})
NO_GSP_HTTP = frozenset({404, 405, 501})
_ACCEPT_TRIPLES = "application/n-triples, text/turtle;q=0.9"


log = logging.getLogger("kg")
_ACCEPT_RESULTS = "application/sparql-results+json"
_FORM = "application/x-www-form-urlencoded"
_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


class EndpointUnreachable(StoreError):
    """Nothing answers at the endpoint's address, even after the retries."""


class EndpointTimeout(EndpointUnreachable, QueryError):
    """The endpoint took the request and did not answer in time: a push stops, a query fails."""


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the default port filled in: what credentials are scoped to."""
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or default


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects, but drops ``Authorization`` when one leaves the original origin."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and origin(newurl) != origin(req.full_url):
            for table in (new.headers, new.unredirected_hdrs):
                for key in [k for k in table if k.lower() == "authorization"]:
                    del table[key]
        return new


_opener = urllib.request.build_opener(_SameOriginRedirects)


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint_urls(url: str) -> tuple[str, str, str]:
    """(query, update, graph store) URLs from the one URL the user gives.

    A server root (``http://host:7878``) is laid out like Oxigraph: ``/query``,
    ``/update``, ``/store``.  A URL ending in ``/query`` or ``/sparql`` is the
    query endpoint and its siblings are ``update`` and, under a dataset path,
    ``data`` (Fuseki).  Any other path is a Fuseki-style dataset URL.
    ``KG_STORE_UPDATE_URL`` and ``KG_STORE_GSP_URL`` override the guesses.
    """
    parts = urlsplit(url)
    if parts.username or parts.password:
        raise StoreError(f"{_safe(url)}: do not put credentials in the URL: set KG_STORE_USER and "
                         "KG_STORE_PASSWORD, or add the host to ~/.netrc")
    path = parts.path.rstrip("/")

    def at(p: str) -> str:
        return urlunsplit((parts.scheme, parts.netloc, p, parts.query, ""))

    head, _, last = path.rpartition("/")
    if not path:
        query, update, store = at("/query"), at("/update"), at("/store")
    elif last in ("query", "sparql"):
        query, update, store = at(path), at(f"{head}/update"), at(f"{head}/data" if head else "/store")
    else:
        query, update, store = at(f"{path}/query"), at(f"{path}/update"), at(f"{path}/data")
    return (query, os.environ.get("KG_STORE_UPDATE_URL") or update, os.environ.get("KG_STORE_GSP_URL") or store)


def credentials(url: str) -> tuple[str, str] | None:
    """(user, password) from the environment, else from netrc for the URL's host, else None."""
    user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
    if user:
        return user, password or ""
    try:
        entry = netrc.netrc(os.environ.get("NETRC")).authenticators(urlsplit(url).hostname or "")
    except (FileNotFoundError, netrc.NetrcParseError, OSError):
        return None
    return (entry[0] or "", entry[2] or "") if entry else None


def _safe(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.hostname or "", parts.path, "", ""))


class EndpointStore:
    """A SPARQL 1.1 endpoint; ``retries`` attempts with exponential ``backoff`` on transient failures."""

    def __init__(self, url: str, *, timeout: float = 60.0, retries: int = 4, backoff: float = 0.5) -> None:
        self.url = url
        self.query_url, self.update_url, self.gsp_url = endpoint_urls(url)
        self.auth = credentials(url)
        self.timeout, self.retries, self.backoff = timeout, max(1, retries), backoff
        self._gsp: bool | None = None  # unknown until the first graph write
        if self.auth and urlsplit(url).scheme == "http" and not _is_loopback(url):
            log.warning("credentials for %s go over plain http:// and can be read on the way: "
                        "use https://", _safe(url))

    def __repr__(self) -> str:
        return f"EndpointStore({_safe(self.url)!r})"

    def __enter__(self) -> EndpointStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""

    # reading -------------------------------------------------------------

    def query(self, sparql: str, bindings: dict[str, Term] | None = None,
              timeout: float | None = None) -> QueryResult:
        """Bound terms go in as a leading ``VALUES`` block written by pyoxigraph (escaped N-Triples)."""
        text = _with_prefixes(insert_values(sparql, bindings) if bindings else sparql)
        kind = query_form(text)
        accept = _ACCEPT_TRIPLES if kind in ("CONSTRUCT", "DESCRIBE") else _ACCEPT_RESULTS
        what = f"query {_safe(self.query_url)}"
        body, content_type = self._retrying(
            lambda: self._send(self.query_url, urlencode({"query": text}).encode(), _FORM, accept, timeout),
            what, sparql=sparql, timeout=timeout)
        return read_answer(body, content_type, kind, what)

    def graphs(self) -> list[ox.NamedNode]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted((r["g"] for r in rows if isinstance(r.get("g"), ox.NamedNode)), key=lambda g: g.value)

    def count(self, graph: ox.NamedNode | None = None) -> int:
        """Triples in one graph, or quads in all named graphs."""
        where = f"GRAPH {graph} {{ ?s ?p ?o }}" if graph is not None else "GRAPH ?g { ?s ?p ?o }"
        rows = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(rows.rows[0]["n"].value) if rows.rows else 0

    def dump(self, out: BinaryIO, fmt: str, graph: ox.NamedNode | None = None) -> None:
        """One graph, all graphs (dataset formats), or their union (triple formats), fetched graph by graph."""
        rdf_format = _format(fmt)
        prefixes = None if fmt in ("nquads", "ntriples") else PREFIXES
        graphs = [graph] if graph is not None else self.graphs()
        if graph is None and fmt in DATASET_FORMATS:
            quads = [ox.Quad(t.subject, t.predicate, t.object, g) for g in graphs for t in graph_triples(self, g)]
            ox.serialize(quads, out, rdf_format, prefixes=prefixes)
            return
        triples = list(dict.fromkeys(t for g in graphs for t in graph_triples(self, g)))
        ox.serialize(triples, out, rdf_format, prefixes=prefixes)

    def ping(self) -> None:
        """Raise :class:`StoreError` unless the endpoint answers a trivial ASK."""
        self.query("ASK { }")

    # writing -------------------------------------------------------------

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> int:
        """Graph Store Protocol ``PUT``; SPARQL Update where the server has no GSP."""
        unique = list(dict.fromkeys(triples))
        body = "".join(f"{t} .\n" for t in unique).encode("utf-8")
        if self._gsp is not False:
            target = f"{self.gsp_url}?{urlencode({'graph': graph.value})}"
            status = self._retrying(lambda: self._http("PUT", target, body, "application/n-triples"),
                                    f"write graph {graph.value} to {_safe(self.gsp_url)}", allow=NO_GSP_HTTP)
            if status not in NO_GSP_HTTP:
                self._gsp = True
                return len(unique)
            self._gsp = False
        self.update(replace_graph_update(graph, unique))
        return len(unique)

    def add_triples(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """One ``INSERT DATA``: the graph keeps what it holds."""
        self.update(f"INSERT DATA {{ {graph_data(graph, triples)} }}")

    def update(self, sparql: str) -> None:
        body = urlencode({"update": _with_prefixes(sparql)}).encode()
        self._retrying(lambda: self._send(self.update_url, body, _FORM, "*/*", None),
                       f"update {_safe(self.update_url)}", sparql=sparql)

    # plumbing ------------------------------------------------------------

    def _request(self, method: str, url: str, body: bytes, content_type: str,
                 accept: str = "*/*") -> urllib.request.Request:
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"Content-Type": content_type, "Accept": accept})
        if self.auth:  # kept on same-origin redirects only (see _SameOriginRedirects)
            token = base64.b64encode(f"{self.auth[0]}:{self.auth[1]}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        return request

    def _send(self, url: str, body: bytes, content_type: str, accept: str,
              timeout: float | None) -> tuple[bytes, str]:
        request = self._request("POST", url, body, content_type, accept)
        with _opener.open(request, timeout=timeout or self.timeout) as response:
            return response.read(), response.headers.get("Content-Type", "")

    def _http(self, method: str, url: str, body: bytes, content_type: str) -> int:
        with _opener.open(self._request(method, url, body, content_type), timeout=self.timeout) as response:
            response.read()
            return response.status

    def _retrying(self, call: Callable[[], T], what: str, *, sparql: str | None = None,
                  timeout: float | None = None, allow: frozenset[int] = frozenset()) -> T:
        """Run ``call``, retrying transient failures with exponential backoff; one clear error at the end."""
        for attempt in range(1, self.retries + 1):
            try:
                return call()
            except urllib.error.HTTPError as error:
                if error.code in allow:
                    return error.code  # type: ignore[return-value]
                if error.code in (401, 403):
                    raise StoreError(f"{what}: not authorised (HTTP {error.code}): set KG_STORE_USER and "
                                     "KG_STORE_PASSWORD or a ~/.netrc entry for the host") from None
                if error.code == 404:
                    raise StoreError(f"{what}: no SPARQL endpoint there (HTTP 404): check the URL") from None
                if error.code not in TRANSIENT_HTTP or attempt == self.retries:
                    raise _http_error(error, what, sparql) from None
            except (TimeoutError, socket.timeout):
                raise EndpointTimeout(f"{what}: timed out after {timeout or self.timeout:g} s: make the "
                                      "query more selective, or raise --timeout") from None
            except (urllib.error.URLError, ConnectionError, OSError) as error:
                reason = getattr(error, "reason", error)
                if isinstance(reason, (TimeoutError, socket.timeout)):
                    raise EndpointTimeout(f"{what}: timed out after {timeout or self.timeout:g} s: "
                                          "raise --timeout if the endpoint is just slow") from None
                if attempt == self.retries:
                    raise EndpointUnreachable(f"cannot reach {_safe(self.url)}: {reason} (tried {self.retries} "
                                     "times): is the server running and the URL right?") from None
            except Exception as error:  # http.client's own errors (a dropped connection mid-answer)
                if attempt == self.retries:
                    raise StoreError(f"{what}: {type(error).__name__}: {str(error)[:300]}") from None
            time.sleep(self.backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")


def _http_error(error: urllib.error.HTTPError, what: str, sparql: str | None) -> Exception:
    detail = error.read().decode("utf-8", "replace")[:300] if error.fp else ""
    if error.code == 400 and sparql is not None:
        return _bad_query(detail, sparql, what)
    return StoreError(f"{what}: HTTP {error.code} {error.reason}: {detail}".rstrip(": "))


def _bad_query(detail: str, sparql: str | None, what: str) -> QueryError:
    """The server refused the query: name line and column from our own parser when it also fails."""
    from kg.store.sparql_text import check_syntax

    if sparql is not None:
        check_syntax(sparql)  # raises with line and column when the text is malformed
    return QueryError(f"{what}: the endpoint refused the query: {detail[:300]}")


def read_answer(body: bytes, content_type: str, kind: str, what: str) -> QueryResult:
    """An endpoint's answer as rows, a boolean or triples; anything else is one :class:`StoreError`.

    A login page, a proxy's error page or a truncated body must say so, not
    surface as a JSON or RDF parser's traceback.
    """
    if kind in ("CONSTRUCT", "DESCRIBE"):
        try:
            return list(_parse_triples(body, content_type))
        except (SyntaxError, ValueError):
            raise StoreError(f"{what}: the answer ({content_type or 'no type'}) is not RDF: is the URL "
                             "a SPARQL endpoint?") from None
    try:
        return rows_from_json(json.loads(body))
    except (ValueError, AttributeError, KeyError, TypeError, RecursionError):
        raise StoreError(f"{what}: the answer ({content_type or 'no type'}) is not SPARQL JSON results: "
                         "is the URL a SPARQL endpoint?") from None


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword in the query's code."""
    from kg.store.sparql_text import code_only as _code_only

    found = _QUERY_FORM.search(_code_only(sparql))
    return found.group(1).upper() if found else "SELECT"


def _with_prefixes(sparql: str) -> str:
    """Declare irkg's usual prefixes the query uses but does not declare, as the embedded store does."""
    declared = declared_prefixes(sparql)
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared and f"{p}:" in sparql]
    return "\n".join(missing + [sparql]) if missing else sparql


def rows_from_json(payload: dict) -> Rows | bool:
    """SPARQL 1.1 Query Results JSON -> :class:`Rows` of pyoxigraph terms (or a bool for ASK)."""
    if "boolean" in payload:
        return bool(payload["boolean"])
    rows = Rows(list(payload.get("head", {}).get("vars", [])))
    for binding in payload.get("results", {}).get("bindings", []):
        rows.rows.append({name: term_from_json(value) for name, value in binding.items()})
    return rows


def term_from_json(value: dict) -> Term:
    kind = value.get("type")
    if kind == "uri":
        return ox.NamedNode(value["value"])
    if kind == "bnode":
        return ox.BlankNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    if value.get("datatype"):
        return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(value["value"])


def _parse_triples(body: bytes, content_type: str) -> Iterable[ox.Triple]:
    fmt = ox.RdfFormat.TURTLE if "turtle" in content_type else ox.RdfFormat.N_TRIPLES
    for quad in ox.parse(body, fmt):
        yield ox.Triple(quad.subject, quad.predicate, quad.object)
