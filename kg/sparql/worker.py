"""Runs SPARQL queries in worker processes that can be killed, so a query can really be stopped.

Oxigraph cannot interrupt a query: a three-pattern join count or a sort over
a large join computes until it is done, whatever timeout was asked for, and
a thread running it cannot be stopped either.  A process can.  Each worker
opens the store read-only (writing nothing), answers one query at a time and
sends back the serialised answer; when a query outlives its time, or the
client that asked has gone, the worker is killed and a fresh one takes its
place.  Workers are spawned, not forked, because the server that owns them
runs threads.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: the largest answer a worker sends back; a bigger one is refused with a hint to add LIMIT
MAX_ANSWER_BYTES = 256 * 1024 * 1024
_POLL = 0.05


@dataclass(frozen=True)
class Answer:
    """An HTTP answer from a worker: status, media type and body."""

    status: int
    content_type: str
    body: bytes


class QueryStopped(Exception):
    """The query was stopped: timed out (``timed_out``) or abandoned by its client."""

    def __init__(self, message: str, timed_out: bool) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class _Capped:
    """A file-like buffer that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size, self.limit = 0, limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError("answer too large")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def answer(store: object, sparql: str, accept: str, prefixes: dict[str, str], limit: int) -> Answer:
    """Run one query on an open pyoxigraph store and serialise the answer for ``accept``."""
    import pyoxigraph as ox

    try:
        result = store.query(sparql, prefixes=prefixes, use_default_graph_as_union=True)  # type: ignore[attr-defined]
        out = _Capped(limit)
        if isinstance(result, ox.QueryTriples):
            fmt = ox.RdfFormat.TURTLE if "turtle" in accept else ox.RdfFormat.N_TRIPLES
            media = fmt.media_type
            result.serialize(out, fmt)
        else:
            fmt, media = _results_format(accept)
            result.serialize(out, fmt)
        return Answer(200, media, b"".join(out.parts))
    except SyntaxError as error:
        return Answer(400, "text/plain; charset=utf-8", f"malformed query: {error}\n".encode())
    except OverflowError:
        return Answer(500, "text/plain; charset=utf-8",
                      f"the answer is over {limit // (1024 * 1024)} MB: add a LIMIT\n".encode())
    except Exception as error:  # an evaluation error (a bad function call, a missing graph)
        return Answer(500, "text/plain; charset=utf-8", f"query failed: {error}\n".encode())


def _results_format(accept: str) -> tuple[object, str]:
    import pyoxigraph as ox

    for key, fmt, media in (("xml", ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
                            ("csv", ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
                            ("tab-separated", ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
                            ("json", ox.QueryResultsFormat.JSON, "application/sparql-results+json")):
        if key in accept:
            return fmt, media
    return ox.QueryResultsFormat.JSON, "application/sparql-results+json"


def _work(location: str, prefixes: dict[str, str], limit: int, connection: object) -> None:
    """A worker's life: open the store read-only, then answer queries until the pipe closes."""
    import pyoxigraph as ox

    store = ox.Store.read_only(location)
    while True:
        try:
            sparql, accept = connection.recv()  # type: ignore[attr-defined]
        except EOFError:
            return
        connection.send(answer(store, sparql, accept, prefixes, limit))  # type: ignore[attr-defined]


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, location: Path, prefixes: dict[str, str], limit: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_work, args=(str(location), prefixes, limit, child),
                                       daemon=True, name="kg-query-worker")
        self.process.start()
        child.close()

    def ask(self, sparql: str, accept: str, deadline: float, timeout: float,
            abandoned: Callable[[], bool]) -> Answer:
        """The answer by ``deadline`` (monotonic), or :class:`QueryStopped` after killing the worker."""
        self.connection.send((sparql, accept))
        while True:
            if self.connection.poll(_POLL):
                try:
                    return self.connection.recv()
                except EOFError:
                    break
            if not self.process.is_alive():
                break
            if time.monotonic() > deadline:
                self.kill()
                raise QueryStopped(f"query stopped after {timeout:g} s (the server's --timeout): make it "
                                   "more selective or add a LIMIT", timed_out=True)
            if abandoned():
                self.kill()
                raise QueryStopped("the client went away; query stopped", timed_out=False)
        self.kill()
        return Answer(500, "text/plain; charset=utf-8",
                      b"the query worker stopped (out of memory?): make the query more selective\n")

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()


class WorkerPool:
    """``size`` workers over one store; a killed worker is replaced in the background."""

    def __init__(self, location: Path, size: int, prefixes: dict[str, str],
                 limit: int = MAX_ANSWER_BYTES) -> None:
        self.location, self.prefixes, self.limit = location, prefixes, limit
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: list[Worker] = []
        self._closed = False
        for _ in range(max(1, size)):
            self._add()

    def _add(self) -> None:
        if self._closed:
            return
        worker = Worker(self.location, self.prefixes, self.limit)
        self._all.append(worker)
        self._idle.put(worker)

    def ask(self, sparql: str, accept: str, timeout: float, abandoned: Callable[[], bool]) -> Answer:
        """Run on the next idle worker; the wait for one counts against ``timeout`` too."""
        started = time.monotonic()
        while True:
            try:
                worker = self._idle.get(timeout=_POLL)
                break
            except queue.Empty:
                if time.monotonic() - started > timeout:
                    raise QueryStopped(f"the server is busy: no worker was free within {timeout:g} s",
                                       timed_out=True) from None
                if abandoned():
                    raise QueryStopped("the client went away", timed_out=False) from None
        try:
            result = worker.ask(sparql, accept, started + timeout, timeout, abandoned)
        except QueryStopped:
            self._replace(worker)
            raise
        if worker.alive:
            self._idle.put(worker)
        else:
            self._replace(worker)
        return result

    def _replace(self, worker: Worker) -> None:
        if worker in self._all:
            self._all.remove(worker)
        threading.Thread(target=self._add, daemon=True).start()

    def pids(self) -> list[int]:
        """Process ids of the live workers (tests check a stopped query leaves none busy)."""
        return [w.process.pid for w in self._all if w.process.pid is not None]

    def close(self) -> None:
        self._closed = True
        for worker in list(self._all):
            worker.kill()
        self._all.clear()
