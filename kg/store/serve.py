"""Runs the Oxigraph server binary (the ``oxigraph`` package) on a store directory.

``kg serve`` itself answers read-only with :mod:`kg.sparql.server`, which can
stop runaway queries and refuses ``SERVICE``; this wrapper remains for
``kg serve --writable`` (updates and the Graph Store Protocol) and for tests
that need a real third-party SPARQL server to push to.  The binary opens the
very directory the embedded store writes, bound to 127.0.0.1, with the
default graph as the union of all graphs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.errors import StoreError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable: beside this Python's scripts first, then on PATH."""
    name = "oxigraph.exe" if sys.platform == "win32" else "oxigraph"
    beside = Path(sysconfig.get_path("scripts")) / name
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError("kg serve --writable runs the Oxigraph server, which is not installed: "
                     "pip install 'irkg[server]' (or pip install oxigraph); plain kg serve needs nothing more")


def server_command(location: str | Path | None, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                   read_only: bool = True, cors: bool = False, timeout: float | None = None,
                   union_default_graph: bool = True) -> list[str]:
    """The command line that serves ``location`` (``None``: an in-memory server, for tests).

    ``union_default_graph=False`` serves as Oxigraph, Fuseki and GraphDB do by
    default (an empty default graph), which the query library must also work on.
    """
    verb = "serve-read-only" if read_only else "serve"
    command = [oxigraph_binary(), verb, "--bind", f"{host}:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    if location is not None:
        command[2:2] = ["--location", str(location)]
    if cors:
        command.append("--cors")
    if timeout:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    return command


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class OxigraphServer:
    """A running Oxigraph server process; a context manager that stops it on exit."""

    def __init__(self, location: str | Path | None, *, host: str = DEFAULT_HOST, port: int | None = None,
                 read_only: bool = True, cors: bool = False, timeout: float | None = None,
                 union_default_graph: bool = True) -> None:
        if location is not None:
            path = Path(location)
            if not (path / "CURRENT").exists():
                raise StoreError(f"{path}: no Oxigraph store here: build one first with `kg build ... --store {path}`")
        self.host, self.port = host, port or free_port(host)
        self.command = server_command(location, host=host, port=self.port, read_only=read_only,
                                      cors=cors, timeout=timeout, union_default_graph=union_default_graph)
        self.process: subprocess.Popen[bytes] | None = None
        self._log = None

    @property
    def url(self) -> str:
        """The server root: the query page; ``/query`` and ``/update`` and ``/store`` below it."""
        return f"http://{self.host}:{self.port}"

    def start(self, wait: float = 15.0, inherit_output: bool = False) -> OxigraphServer:
        """Start the server and return once it answers HTTP, or raise with its own error output.

        Its output goes to a temporary file (a pipe nobody reads would fill and
        stall the server), or to our own stderr with ``inherit_output``.
        """
        self._log = None if inherit_output else tempfile.TemporaryFile()
        self.process = subprocess.Popen(self.command, stdout=self._log or None, stderr=self._log or None)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StoreError(f"the Oxigraph server stopped at once: {self._output()[:500]}")
            if _answers(self.url):
                return self
            time.sleep(0.05)
        self.stop()
        raise StoreError(f"the Oxigraph server did not answer on {self.url} within {wait:g} s")

    def exec(self) -> None:
        """Become the server (POSIX ``exec``): Ctrl-C and ``kill`` reach it with no process between."""
        os.execv(self.command[0], self.command)

    def wait(self) -> int:
        """Block until the server exits (Ctrl-C stops it); returns its exit code."""
        assert self.process is not None
        try:
            return self.process.wait()
        except KeyboardInterrupt:
            self.stop()
            return 0

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def _output(self) -> str:
        if self._log is None:
            return "(see the messages above)"
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()

    def __enter__(self) -> OxigraphServer:
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/", timeout=1) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except OSError:
        return False
