"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store directory.

Why our own server rather than the Oxigraph server binary: that one could not
stop a runaway query (its timeout misses joins and sorts), answered a stopped
query with HTTP 200, followed ``SERVICE`` to any address, and needs a package
that a plain ``pip install`` does not bring.  Here:

- every query runs in a worker process (:mod:`kg.sparql.worker`) that is killed
  when the query outlives ``timeout`` or its client hangs up, and the client
  gets ``503`` with a plain-text reason; a malformed query gets ``400``;
- ``SERVICE`` is refused (``400``) unless ``allow_service``;
- only ``/`` (the query page) and ``/query`` exist; nothing writes;
- requests must name this server in their ``Host`` header, so a web page
  cannot reach it through a rebound DNS name;
- the store lock (:mod:`kg.store.lock`) is held shared, so ``kg build`` into a
  served store stops with a clear error instead of going unseen by the server.
"""

from __future__ import annotations

import select
import signal
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import StoreError
from kg.store.lock import serve_lock
from kg.rdf.prefixes import PREFIXES
from kg.sparql.query_page import query_page
from kg.sparql.worker import QueryStopped, WorkerPool
from kg.sparql.guard import SERVICE_REFUSED, uses_service

MAX_REQUEST_BYTES = 1024 * 1024  # a query, not a data upload
_TEXT = "text/plain; charset=utf-8"


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server with its worker pool and options; :meth:`close` stops the workers."""

    daemon_threads = True

    def __init__(self, location: str | Path, *, host: str = "127.0.0.1", port: int = 7878,
                 timeout: float = 30.0, workers: int = 2, allow_service: bool = False,
                 cors: bool = False) -> None:
        path = Path(location)
        if not (path / "CURRENT").is_file():
            raise StoreError(f"{path}: no Oxigraph store here: build one first with `kg build ... --store {path}`")
        self.lock = serve_lock(path)
        self.timeout_s, self.allow_service, self.cors = timeout, allow_service, cors
        self.page = query_page(timeout)
        try:
            super().__init__((host, port), _Handler)
        except OSError as error:
            self.lock.release()
            raise StoreError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
        self.pool = WorkerPool(path, workers, dict(PREFIXES))
        loopback = host in ("127.0.0.1", "localhost", "::1")
        self.names = {host, "localhost", "127.0.0.1", "::1"} if loopback else None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.server_close()
        self.pool.close()
        self.lock.release()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"

    def log_message(self, format: str, *args: object) -> None:  # quiet: no line per request
        pass

    # routing -------------------------------------------------------------

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        parts = urlsplit(self.path)
        if parts.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", self.server.page)
        elif parts.path == "/query":
            query = parse_qs(parts.query).get("query")
            if not query:
                self._send(400, _TEXT, b"give the query as ?query=... (SPARQL 1.1 Protocol)\n")
            else:
                self._run(query[0])
        else:
            self._not_here(parts.path)

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        parts = urlsplit(self.path)
        if parts.path != "/query":
            self._not_here(parts.path)
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self._send(413, _TEXT, f"a query is at most {MAX_REQUEST_BYTES} bytes\n".encode(), close=True)
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            self._run(body)
        elif kind in ("application/x-www-form-urlencoded", ""):
            query = parse_qs(body).get("query")
            if query:
                self._run(query[0])
            else:
                self._send(400, _TEXT, b"the form has no query field (SPARQL 1.1 Protocol)\n")
        else:
            self._send(415, _TEXT, b"send application/sparql-query or a urlencoded form\n")

    def do_OPTIONS(self) -> None:
        self._send(204, _TEXT, b"")

    def do_PUT(self) -> None:
        self._send(405, _TEXT, b"this server is read-only\n")

    do_DELETE = do_PATCH = do_PUT

    # work ----------------------------------------------------------------

    def _run(self, sparql: str) -> None:
        if not self.server.allow_service and uses_service(sparql):
            self._send(400, _TEXT, f"{SERVICE_REFUSED} (to kg serve)\n".encode())
            return
        accept = (self.headers.get("Accept") or "").lower()
        try:
            answer = self.server.pool.ask(sparql, accept, self.server.timeout_s, self._client_gone)
        except QueryStopped as stopped:
            if stopped.timed_out:
                self._send(503, _TEXT, f"{stopped}\n".encode())
            return  # nobody to answer
        self._send(answer.status, answer.content_type, answer.body)

    def _client_gone(self) -> bool:
        """True once the client has closed its side (an abandoned query is stopped at once)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            if not readable:
                return False
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    # plumbing ------------------------------------------------------------

    def _host_ok(self) -> bool:
        if self.server.names is None:
            return True  # bound to a public address on purpose: any name may reach it
        host = self.headers.get("Host") or ""
        name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0]
        if name.lower() in self.server.names:
            return True
        self._send(403, _TEXT, b"unknown Host header: use the address kg serve printed\n", close=True)
        return False

    def _not_here(self, path: str) -> None:
        if path in ("/update", "/store"):
            self._send(405, _TEXT, b"this server is read-only (kg serve --writable runs a writable one)\n")
        else:
            self._send(404, _TEXT, b"nothing here: the query page is at /, the endpoint at /query\n")

    def _send(self, status: int, content_type: str, body: bytes, close: bool = False) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            if self.server.cors:
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            if close:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            self.close_connection = True  # the client left while we answered


def run(server: SparqlServer) -> None:
    """Serve until SIGTERM or Ctrl-C, then stop every worker (a busy one included)."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()
