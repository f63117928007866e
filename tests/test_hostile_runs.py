"""Hostile situations around the store, outputs and remote endpoints (issue 13), run for real:
separate processes where the situation needs one (a file-size limit standing in for a full
disk, a runaway query, another user), real HTTP servers on free loopback ports otherwise.
"""

from __future__ import annotations

import http.server
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.store.endpoint import EndpointStore
from kg.errors import StoreError
from kg.store.lock import serve_lock
from kg.store.embedded import OxigraphStore

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "transcripts" / "kremlin-2021-07-20-azerbaijan.txt"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"

#: how many cases this file holds, for the suite's size check
RUN_CASES = 25


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("runs") / "kg-store"
    assert main(["-q", "build", str(EXAMPLE), "--store", str(path), "-j", "1"]) == 0
    return path


@pytest.fixture()
def store(tmp_path, built) -> Path:
    shutil.copytree(built, tmp_path / "kg-store", ignore=shutil.ignore_patterns("kg.lock"))
    return tmp_path / "kg-store"


def kg(*args: str, limit_bytes: int | None = None, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """The kg command in its own process; ``limit_bytes`` caps file sizes (a full disk, in effect)."""
    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes then fail with EFBIG instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          timeout=timeout, preexec_fn=cap if limit_bytes else None, **kwargs)


def listing(folder: Path) -> dict[str, tuple[int, float]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime) for p in folder.iterdir()}


# ---------------------------------------------------------------- full disk (case 13)

def test_export_that_hits_the_size_limit_leaves_the_old_file(store, tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("old\n")
    run = kg("export", "--store", str(store), "-o", str(out), limit_bytes=20_000)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "cannot write" in run.stderr
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_build_that_hits_the_size_limit_says_so_and_leaves_whole_graphs(store, tmp_path):
    before = {str(q) for q in ox.Store.read_only(str(store))}
    run = kg("build", str(ROOT / "examples" / "transcripts"), "--store", str(store), "-j", "1",
             limit_bytes=300_000)
    assert run.returncode in (1, 2), run.stderr
    assert "Traceback" not in run.stderr
    assert "error" in run.stderr or "kg build:" in run.stderr
    after = ox.Store.read_only(str(store))
    assert before <= {str(q) for q in after}  # what was there is still there


# ---------------------------------------------------------------- read-only commands (case 14)

@pytest.mark.parametrize("argv", [["stats"], ["query", "transcripts_overview"], ["export", "-f", "nquads"],
                                  ["validate"], ["network", "countries"]],
                         ids=["stats", "query", "export", "validate", "network"])
def test_read_only_commands_write_nothing_into_the_store(argv, store, capsys):
    before = listing(store)
    for _ in range(3):
        assert main([*argv, "--store", str(store)]) == 0
    capsys.readouterr()
    assert listing(store) == before


def test_stats_reads_a_store_another_process_is_writing(store, capsys):
    with OxigraphStore(store):  # holds Oxigraph's own lock and ours
        assert main(["stats", "--store", str(store)]) == 0
    assert "transcripts    1" in capsys.readouterr().out


def test_a_read_only_view_that_lost_a_file_reads_again_on_a_fresh_view(store):
    from kg.store.embedded import OxigraphStore

    with OxigraphStore(store, read_only=True) as view:
        first, answers = view.raw, []

        def read(s):  # the first read fails as a view does when the writer's compaction removed a file
            answers.append(s.count())
            if len(answers) == 1:
                raise OSError("IO error: No such file or directory: While open a file for random read: 000090.sst")
            return answers[-1]

        assert view.read_again(read) == answers[0] > 0
        assert view.raw is not first  # a new view of the directory
        with pytest.raises(OSError):  # any other failure is not hidden
            view.read_again(lambda s: (_ for _ in ()).throw(OSError("IO error: Permission denied")))


# ---------------------------------------------------------------- one lock (case 8)

def test_build_into_a_served_store_is_refused(store, capsys):
    lock = serve_lock(store)
    try:
        assert main(["build", str(EXAMPLE), "--store", str(store), "-j", "1"]) == 2
    finally:
        lock.release()
    assert "in use (served by kg serve" in capsys.readouterr().err


def test_a_second_writer_is_told_who_holds_the_store(store):
    with OxigraphStore(store):
        with pytest.raises(StoreError, match="in use"):
            OxigraphStore(store)


def test_serve_refuses_a_store_being_built(store):
    with OxigraphStore(store):
        with pytest.raises(StoreError, match="in use"):
            serve_lock(store)


# ---------------------------------------------------------------- an unreadable folder (case 9)

def _too_deep(folder: Path) -> str:
    """A real folder whose path is longer than the system allows, so listing it fails even for root."""
    fd = os.open(folder, os.O_RDONLY)
    for _ in range(18):
        os.mkdir("d" * 250, dir_fd=fd)
        inner = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(fd)
    return "d" * 250


def test_unreadable_subfolder_fails_the_build(tmp_path, monkeypatch, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(EXAMPLE.read_text())
    if os.geteuid() != 0:
        (tmp_path / "in" / "closed").mkdir()
        (tmp_path / "in" / "closed" / "b.txt").write_text(EXAMPLE.read_text())
        (tmp_path / "in" / "closed").chmod(0)
        reason = "cannot read folder: Permission denied; skipped"
    else:  # root reads every folder: one too deep to name stands in
        _too_deep(tmp_path / "in")
        reason = "File name too long"
    monkeypatch.chdir(tmp_path)
    try:
        code = main(["build", "in", "--store", "memory", "-j", "1"])
    finally:
        if (tmp_path / "in" / "closed").exists():
            (tmp_path / "in" / "closed").chmod(0o755)
    err = capsys.readouterr().err
    assert code == 1, err
    assert any(line.startswith("error: in/") and reason in line for line in err.splitlines()), err
    assert "built 1" in err


# ---------------------------------------------------------------- runaway queries (case 6)

def test_query_with_a_timeout_stops_a_runaway_count(built):
    started = time.monotonic()
    run = kg("query", "--store", str(built), "--timeout", "1", "-e", RUNAWAY)
    assert time.monotonic() - started < 8
    assert run.returncode == 2 and "timed out after 1 s" in run.stderr, run.stderr


def test_validate_prints_no_rdflib_tracebacks_for_impossible_dates(tmp_path):
    path = tmp_path / "kg-store"
    store = ox.Store(str(path))
    graph = ox.NamedNode("https://w3id.org/irkg/id/graph/0123456789abcdef")
    meeting = ox.NamedNode("https://w3id.org/irkg/id/meeting/2021-02-31-aze-rus")
    store.add(ox.Quad(meeting, ox.NamedNode("https://w3id.org/irkg/ontology#date"),
                      ox.Literal("2021-02-31", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")), graph))
    store.flush()
    del store
    run = kg("validate", "--store", str(path), "--engine", "pyshacl")
    assert "Traceback" not in run.stderr and "out of range" not in run.stderr, run.stderr
    assert run.returncode in (0, 1)


# ---------------------------------------------------------------- control characters in tables (case 4)

def test_query_table_escapes_control_characters(tmp_path, capsys):
    text = EXAMPLE.read_text().replace("Meeting with", "Meeting \x1b]0;pwned\x07\x1b[2Jwith", 1)
    (tmp_path / "t.txt").write_text(text)
    store = str(tmp_path / "kg-store")
    assert main(["-q", "build", str(tmp_path / "t.txt"), "--store", store, "-j", "1"]) == 0
    assert main(["query", "-e", "SELECT ?t WHERE { ?m a irkg:Meeting ; irkg:title ?t }", "--store", store]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\\x1b]0;pwned\\x07" in out


# ---------------------------------------------------------------- network files (case 12)

def _graph(label: str) -> nx.Graph:
    graph = nx.Graph(kind="countries")
    graph.add_node("a", label=label, kind="country")
    graph.add_node("b", label="Russia", kind="country")
    graph.add_edge("a", "b", weight=1, dates=["2021-07-20"])
    return graph


def test_network_page_survives_a_comment_script_title(tmp_path):
    from kg.network.export import write_network

    path = write_network(_graph("<!--<script>x</script>"), tmp_path / "n.html")
    page = path.read_text()
    assert "<!--<script>" not in page
    data = page.split("const IRKG_DATA = ", 1)[1]
    assert "<!--" not in data.split("</script>", 1)[0]


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_network_xml_with_noncharacters_parses(tmp_path, suffix):
    from kg.network.export import write_network

    path = write_network(_graph("Bad\ufffeName\x01"), tmp_path / f"n{suffix}")
    ET.parse(path)  # raises on characters XML cannot hold


# ---------------------------------------------------------------- remote endpoints (case 1, 7, 13)

class _Recorder(http.server.BaseHTTPRequestHandler):
    """A loopback server that records Authorization headers and answers as told."""

    seen: list = []
    redirect_to: str | None = None
    body = b'{"head":{"vars":[]},"results":{"bindings":[]}}'
    content_type = "application/sparql-results+json"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).seen.append((self.server.server_address[1], self.headers.get("Authorization")))
        if self.redirect_to:
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST

    def log_message(self, *args: object) -> None:
        pass


def _serve(handler: type) -> http.server.HTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture()
def credentials(monkeypatch):
    monkeypatch.setenv("KG_STORE_USER", "alice")
    monkeypatch.setenv("KG_STORE_PASSWORD", "secret")


def test_credentials_do_not_follow_a_redirect_to_another_origin(credentials):
    class Target(_Recorder):
        seen: list = []

    class Redirect(_Recorder):
        seen: list = []

    target = _serve(Target)
    Redirect.redirect_to = f"http://127.0.0.1:{target.server_address[1]}/query"
    origin = _serve(Redirect)
    try:
        EndpointStore(f"http://127.0.0.1:{origin.server_address[1]}/query", retries=1).query("ASK {}")
    except StoreError:
        pass
    finally:
        origin.shutdown()
        target.shutdown()
    assert Redirect.seen and Redirect.seen[0][1] is not None  # the endpoint itself got them
    assert Target.seen and all(auth is None for _, auth in Target.seen)


def test_credentials_follow_a_redirect_within_the_origin(credentials):
    class Both(_Recorder):
        seen: list = []

        def do_POST(self) -> None:
            type(self).redirect_to = None if self.path == "/there" else "/there"
            super().do_POST()

        do_GET = do_POST

    server = _serve(Both)
    try:
        EndpointStore(f"http://127.0.0.1:{server.server_address[1]}/query", retries=1).query("SELECT * {}")
    finally:
        server.shutdown()
    assert len(Both.seen) == 2 and all(auth for _, auth in Both.seen)


def test_credentials_over_plain_http_warn(credentials, caplog):
    EndpointStore("http://db.example.org/sparql")
    assert "plain http://" in caplog.text
    caplog.clear()
    EndpointStore("https://db.example.org/sparql")
    EndpointStore("http://127.0.0.1:7878/query")
    assert "plain http://" not in caplog.text


def test_endpoint_answering_html_is_one_error(capsys):
    class Html(_Recorder):
        body = b"<html><body>Login</body></html>"
        content_type = "text/html"

    server = _serve(Html)
    try:
        code = main(["query", "-e", "SELECT * { ?s ?p ?o }", "--store",
                     f"http://127.0.0.1:{server.server_address[1]}/query"])
    finally:
        server.shutdown()
    err = capsys.readouterr().err
    assert code == 2 and "not SPARQL JSON results" in err and "Traceback" not in err


def test_push_to_an_endpoint_that_stops_answering_stops_at_once(built):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)  # accepts connections, never answers
    try:
        started = time.monotonic()
        run = kg("push", f"http://127.0.0.1:{silent.getsockname()[1]}", "--store", str(built),
                 "--timeout", "1", "--retries", "1")
        elapsed = time.monotonic() - started
    finally:
        silent.close()
    assert run.returncode == 2, run.stderr
    assert "timed out after 1 s" in run.stderr and "Traceback" not in run.stderr
    assert elapsed < 10


def test_push_timeout_option_is_documented():
    run = kg("push", "--help")
    assert "--timeout" in run.stdout


def test_a_reader_that_stops_early_is_no_error(built):
    run = subprocess.run(f"{sys.executable} -m kg export -f nquads --store {built} | head -c 10",
                         shell=True, capture_output=True, text=True, timeout=60,
                         executable="/bin/bash")
    assert len(run.stdout) == 10
    assert "Traceback" not in run.stderr and "cannot write" not in run.stderr, run.stderr
