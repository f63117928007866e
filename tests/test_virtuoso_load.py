"""docs/bulk-load.md's Virtuoso recipe, run for real: ``ld_dir`` + ``rdf_loader_run()`` of the shards.

Debian's Virtuoso 7 (``apt-get install virtuoso-opensource-7-bin``) on 127.0.0.1,
a database of its own in a temporary folder; the test skips when
``virtuoso-t`` or ``isql-vt`` is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.building.builder import build
from kg.building.sink import ShardSink
from kg.store.serve import free_port

DEV = Path(__file__).resolve().parent / "data" / "dev"
VIRTUOSO, ISQL = shutil.which("virtuoso-t"), shutil.which("isql-vt")

pytestmark = pytest.mark.skipif(not (VIRTUOSO and ISQL), reason="Virtuoso is not installed "
                                "(apt-get install virtuoso-opensource-7-bin)")

INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
DirsAllowed = ., {shards}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {db}
"""


def isql(port: int, sql: str) -> str:
    """Run SQL with Virtuoso's isql as dba (the password of a new database); fails on an SQL error."""
    done = subprocess.run([ISQL, str(port), "dba", "dba", f"exec={sql}"], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0 and "*** Error" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done.stdout


@contextmanager
def virtuoso(folder: Path, shards: Path) -> Iterator[tuple[int, int]]:
    """A new Virtuoso database in ``folder``, allowed to read ``shards``: its SQL and HTTP ports."""
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(INI.format(db=folder, sql=sql, http=http, shards=shards))
    with open(folder / "console.log", "wb") as log:
        server = subprocess.Popen([VIRTUOSO, "-f", "-c", "virtuoso.ini"], cwd=folder, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            _wait_for(server, sql, folder)
            yield sql, http
        finally:
            if server.poll() is None:
                subprocess.run([ISQL, str(sql), "dba", "dba", "exec=shutdown;"], capture_output=True, timeout=120)
                try:
                    server.wait(timeout=120)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()


def _wait_for(server: subprocess.Popen, port: int, folder: Path) -> None:
    """Until isql gets an answer; a server that stops, or never answers, fails the test with its log."""
    deadline = time.monotonic() + 300  # a guard against hanging on a busy machine, not a speed limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"virtuoso-t stopped: {(folder / 'console.log').read_text()[-2000:]}")
        probe = subprocess.run([ISQL, str(port), "dba", "dba", "exec=SELECT 1;"], capture_output=True, text=True)
        if probe.returncode == 0 and "*** Error" not in probe.stdout + probe.stderr:
            return
        time.sleep(0.5)
    pytest.fail(f"virtuoso-t did not answer: {(folder / 'console.log').read_text()[-2000:]}")


def test_ld_dir_and_rdf_loader_run_load_every_shard(tmp_path, dev_store):
    shards = tmp_path / "shards"
    with ShardSink(shards, 500) as sink:
        assert build([str(DEV)], sink).ok
    (tmp_path / "db").mkdir()
    with virtuoso(tmp_path / "db", shards) as (sql, http):
        isql(sql, f"ld_dir('{shards}', '*.nq.gz', 'urn:irkg:no-graph'); rdf_loader_run(); checkpoint;")
        loaded = isql(sql, "SELECT ll_file FROM DB.DBA.load_list WHERE ll_state = 2 AND ll_error IS NULL;")
        failed = isql(sql, "SELECT ll_file, ll_error FROM DB.DBA.load_list "
                           "WHERE ll_state <> 2 OR ll_error IS NOT NULL;")
        query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        url = f"http://127.0.0.1:{http}/sparql?" + urllib.parse.urlencode(
            {"query": query, "format": "application/sparql-results+json"})
        with urllib.request.urlopen(url, timeout=120) as response:
            rows = json.load(response)["results"]["bindings"]
    files = -(-len(dev_store.raw) // 500)  # shards of 500 quads, every one but the last full
    assert loaded.count(".nq.gz") == len(list(shards.glob("*.nq.gz"))) == files and f"{files} Rows." in loaded
    assert "0 Rows." in failed, failed
    served = {row["g"]["value"]: int(row["n"]["value"]) for row in rows if "/irkg/" in row["g"]["value"]}
    assert served == dict(Counter(q.graph_name.value for q in dev_store.raw))
