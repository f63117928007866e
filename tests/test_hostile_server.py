"""``kg serve`` under pathological queries and hostile requests (issues 12 and 13), as a real
process on a free loopback port: runaway queries stop within the timeout plus a second with an
error status and leave the CPU idle, abandoned queries stop, SIGTERM stops a busy server, SERVICE
and foreign Host headers are refused, and the query page is ready for an analyst.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.cli import main
from kg.store.serve import free_port

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "transcripts" / "kremlin-2021-07-20-azerbaijan.txt"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 2.0

#: how many cases this file holds, for the suite's size check
SERVER_CASES = 12


class Served:
    """A ``kg serve`` process and helpers to talk to it."""

    def __init__(self, store: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store),
                                         "--port", str(self.port), "--timeout", str(TIMEOUT), *extra],
                                        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.ask("ASK { }")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("kg serve did not start")

    def ask(self, sparql: str, headers: dict | None = None, timeout: float = 30) -> tuple[int, str]:
        data = urllib.parse.urlencode({"query": sparql}).encode()
        request = urllib.request.Request(self.url + "/query", data=data, headers=headers or {})
        return self.open(request, timeout)

    def open(self, request, timeout: float = 30) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def workers(self) -> list[int]:
        """Process ids of the server's children (the query workers and multiprocessing's tracker)."""
        children = []
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:  # a thread that ends between the listing and the read leaves no file
                children += (task / "children").read_text().split()
            except OSError:
                continue
        return [int(c) for c in children]

    def cpu_ticks(self) -> int:
        total = 0
        for pid in [self.process.pid, *self.workers()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime + stime
        return total

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stderr.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("served") / "kg-store"
    assert main(["-q", "build", str(EXAMPLE), "--store", str(path), "-j", "1"]) == 0
    return path


@pytest.fixture(scope="module")
def served(store):
    server = Served(store)
    yield server
    server.stop()


def _idle(server: Served, settle: float = 6.0) -> bool:
    """True once the server and its workers use (almost) no CPU over half a second."""
    deadline = time.monotonic() + settle
    while time.monotonic() < deadline:
        before = server.cpu_ticks()
        time.sleep(0.5)
        if server.cpu_ticks() - before <= 5:  # 5 ticks = 50 ms of CPU in 500 ms
            return True
    return False


pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")


def test_runaway_query_stops_with_an_error_status_and_the_cpu_goes_idle(served):
    started = time.monotonic()
    status, body = served.ask(RUNAWAY)
    elapsed = time.monotonic() - started
    assert status == 503 and "stopped after 2 s" in body
    assert elapsed < TIMEOUT + 1
    assert _idle(served)
    assert served.ask("ASK { ?s a irkg:Meeting }") == (200, '{"head":{},"boolean":true}')


def test_runaway_sort_over_a_join_stops_too(served):
    started = time.monotonic()
    status, _ = served.ask("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1")
    assert status == 503 and time.monotonic() - started < TIMEOUT + 1


def test_abandoned_query_is_stopped(served):
    workers = set(served.workers())
    with socket.create_connection(("127.0.0.1", served.port)) as client:
        body = urllib.parse.urlencode({"query": RUNAWAY})
        client.sendall(f"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                       f"application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n{body}".encode())
        time.sleep(0.3)
    time.sleep(0.5)  # well before the 2 s timeout
    assert workers - set(served.workers()), "the busy worker should be gone"
    assert _idle(served)


def test_service_is_refused(served):
    status, body = served.ask("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 400 and "--allow-service" in body


def test_malformed_query_is_400(served):
    status, body = served.ask("SELECT ?x WHERE { ?x ?p }")
    assert status == 400 and "malformed query" in body


def test_foreign_host_header_is_refused(served):
    assert served.ask("ASK { }", headers={"Host": "attacker.example:7878"})[0] == 403


def test_server_is_read_only(served):
    request = urllib.request.Request(served.url + "/update", data=b"update=CLEAR+ALL")
    assert served.open(request)[0] == 405


def test_project_prefixes_need_no_declaration(served):
    status, body = served.ask("SELECT (COUNT(?m) AS ?n) WHERE { ?m a irkg:Meeting }")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1"


def test_query_page_declares_prefixes_and_lists_the_library(served):
    from kg.sparql.library import list_queries

    status, page = served.open(urllib.request.Request(served.url + "/"))
    assert status == 200
    data = json.loads(page.split('<script id="data" type="application/json">', 1)[1].split("</script>", 1)[0])
    assert "PREFIX irkg: <https://w3id.org/irkg/ontology#>" in data["prefixes"]
    listed = {q["name"]: q for q in data["queries"]}
    for query in list_queries():
        assert listed[query.name]["description"] == query.description
    assert "<script src=" not in page  # works offline


def test_library_queries_on_the_page_run_as_they_are(served):
    from kg.sparql.query_page import library_entries

    for entry in library_entries():
        status, body = served.ask(entry["text"])
        assert status == 200, (entry["name"], body)


def test_build_into_the_served_store_is_refused(served, store, capsys):
    assert main(["build", str(EXAMPLE), "--store", str(store), "-j", "1"]) == 2
    assert "served by kg serve" in capsys.readouterr().err


def test_sigterm_stops_a_busy_server(store):
    server = Served(store)
    try:
        client = subprocess.Popen([sys.executable, "-c", "import sys, urllib.request, urllib.parse; "
                                   "urllib.request.urlopen(sys.argv[1], urllib.parse.urlencode("
                                   "{'query': sys.argv[2]}).encode(), timeout=30)",
                                   server.url + "/query", RUNAWAY], stderr=subprocess.DEVNULL)
        time.sleep(0.8)
        workers = server.workers()
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(5)
        assert time.monotonic() - started < 5
        time.sleep(0.3)
        assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()
                    and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]]
        client.wait(30)
    finally:
        server.stop()


def test_query_page_pages_through_a_long_answer_in_chromium(served, chromium):
    """A query ending in LIMIT gets a 'Next' button on the page, which moves its OFFSET and runs it."""
    from chromium import open_url

    page = open_url(chromium, served.url + "/")
    try:
        page.wait_for("document.querySelectorAll('#library button').length > 0")
        query = "SELECT ?c WHERE { ?c a irkg:Country } ORDER BY ?c LIMIT 3"
        page.evaluate(f"document.getElementById('query').value = data.prefixes + '\\n' + {json.dumps(query)}; run()")
        page.wait_for("document.querySelectorAll('#out table tr').length === 4")
        first = page.evaluate("Array.from(document.querySelectorAll('#out td')).map(td => td.textContent)")
        page.evaluate("document.getElementById('next').click()")
        page.wait_for("document.getElementById('query').value.includes('OFFSET 3')")
        page.wait_for("(document.getElementById('status').textContent || '').includes('from row 4')")
        second = page.evaluate("Array.from(document.querySelectorAll('#out td')).map(td => td.textContent)")
        assert len(first) == 3 and second and not set(first) & set(second)  # the next rows, none repeated
        assert page.errors == []
    finally:
        page.close()

