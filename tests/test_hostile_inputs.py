"""Hostile and broken inputs (issue 13): each case is an input, a command, the exit code, the one
line it must print, and what must become of the store.

Every case runs the real ``kg`` entry point in-process in a scratch folder that holds a copy of
a small built store (``base``).  ``store="unchanged"`` means the store's quads are exactly as
before; ``"whole"`` means the store still opens and holds every graph it held before (a good
file in the same batch may add its own).  No case may print a traceback, and each must finish
in seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.inputs.limits import FILE_ENV, TEXT_ENV, TURNS_ENV

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "transcripts" / \
    "kremlin-2021-07-20-azerbaijan.txt"
GOOD = ("Meeting with President of Azerbaijan Ilham Aliyev\n\nJuly 20, 2021, The Kremlin, Moscow\n\n"
        "President of Russia Vladimir Putin: We will supply vaccines to Azerbaijan.\n\n"
        "President of Azerbaijan Ilham Aliyev: Thank you.\n")


def _random_bytes(size: int, low: int = 0, seed: int = 13) -> bytes:
    import random

    rng = random.Random(seed)
    return bytes(rng.randrange(low, 256) for _ in range(size))


def _turns(n: int) -> str:
    head = "Meeting with President of Azerbaijan Ilham Aliyev\n\nJuly 20, 2021, Moscow\n\n"
    speakers = ("Vladimir Putin", "Ilham Aliyev")
    return head + "\n\n".join(f"{speakers[i % 2]}: We will talk about trade, turn {i}." for i in range(n)) + "\n"


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as handle:
        handle.truncate(size)  # a file of that size that costs no disk
    with open(path, "r+b") as handle:
        handle.write(b"Vladimir Putin: hello.\n")


@dataclass
class Case:
    """One hostile situation: files to make, the command, and what must come of it."""

    id: str
    argv: list[str]
    exit: int
    message: str | None  # a substring of one line of stderr (None: nothing asserted)
    files: dict[str, bytes | str] = field(default_factory=dict)
    make: Callable[[Path], None] | None = None
    store: str = "unchanged"  # or "whole"
    stdout_lacks: str | None = None
    stdout_has: str | None = None
    seconds: float = 15.0


J = "in.jsonl"
CASES: list[Case] = [
    # -- JSONL records (case 5)
    Case("jsonl-nested-100k", ["build", J], 1, "nested too deeply",
         {J: "[" * 100_000 + "]" * 100_000 + "\n"}),
    Case("jsonl-lone-surrogate", ["build", J], 1, "unpaired surrogate U+D800",
         {J: '{"text": "Putin: hello \\ud800 world"}\n'}),
    Case("jsonl-low-surrogate", ["build", J], 1, "unpaired surrogate U+DC00",
         {J: '{"text": "Putin: hello \\udc00 world"}\n'}),
    Case("jsonl-surrogate-in-title", ["build", J], 1, "unpaired surrogate",
         {J: json.dumps({"text": GOOD, "title": "x"}).replace('"x"', '"\\ud83d"') + "\n"}),
    Case("jsonl-record-over-limit", ["build", J, "--max-text-mb", "0.001"], 1, "over the 1 KB limit",
         {J: json.dumps({"text": GOOD * 20}) + "\n"}),
    Case("jsonl-not-json", ["build", J], 1, "not valid JSON", {J: "{text: nope}\n"}),
    Case("jsonl-array", ["build", J], 1, "expected a JSON object, got list", {J: "[1, 2]\n"}),
    Case("jsonl-no-text", ["build", J], 1, 'record has no "text" string', {J: '{"title": "x"}\n'}),
    Case("jsonl-february-31", ["build", J], 1, '"date" must be a real date',
         {J: json.dumps({"text": GOOD, "date": "2021-02-31"}) + "\n"}),
    Case("jsonl-date-words", ["build", J], 1, '"date" must be a real date',
         {J: json.dumps({"text": GOOD, "date": "yesterday"}) + "\n"}),
    Case("jsonl-title-number", ["build", J], 1, '"title" must be a string',
         {J: json.dumps({"text": GOOD, "title": 5}) + "\n"}),
    Case("jsonl-bad-line-rest-goes-on", ["build", J], 1, "in.jsonl:1: not valid JSON",
         {J: "{oops\n" + json.dumps({"text": GOOD}) + "\n"}, store="whole"),
    # -- files that are not transcripts
    Case("random-bytes", ["build", "r.txt"], 1, "encoding could not be detected",
         {"r.txt": _random_bytes(50_000, 1)}),
    Case("random-high-bytes", ["build", "r.txt"], 1, "encoding could not be detected",
         {"r.txt": bytes(b for b in _random_bytes(50_000, 0xC0) if b != 0x98)}),
    Case("random-printable-bytes", ["build", "r.txt"], 1, "encoding could not be detected",
         {"r.txt": bytes(b for b in _random_bytes(50_000, 0x20) if b not in (0x98, 0x7F) and not 0x80 <= b < 0xA0)}),
    Case("nul-bytes", ["build", "b.txt"], 1, "binary file", {"b.txt": b"abc\x00def"}),
    Case("utf16-mark-garbage", ["build", "u.txt"], 1, "starts with a UTF-16 mark", {"u.txt": b"\xff\xfe\x00\xd8"}),
    Case("empty-file", ["build", "e.txt"], 1, "empty: no text to read", {"e.txt": b""}),
    Case("blank-file", ["build", "e.txt"], 1, "empty: no text to read", {"e.txt": b" \n\t\n"}),
    Case("missing-file", ["build", "nope.txt"], 1, "nope.txt: no such file"),
    Case("empty-folder", ["build", "empty"], 1, "folder holds no .txt",
         make=lambda d: (d / "empty").mkdir()),
    Case("glob-matches-nothing", ["build", "none/*.txt"], 1, "no such file"),
    # -- walks: FIFOs, links, loops (case 6, 9)
    Case("fifo-in-folder", ["build", "f"], 1, "not a regular file",
         make=lambda d: ((d / "f").mkdir(), os.mkfifo(d / "f" / "pipe.txt"),
                         (d / "f" / "good.txt").write_text(GOOD)), store="whole"),
    Case("fifo-given", ["build", "pipe.txt"], 1, "not a regular file",
         make=lambda d: os.mkfifo(d / "pipe.txt")),
    Case("symlink-loop-glob", ["build", "loop/**/*.txt"], 0, "built 1",
         make=lambda d: ((d / "loop" / "a").mkdir(parents=True), (d / "loop" / "a" / "t.txt").write_text(GOOD),
                         (d / "loop" / "a" / "up").symlink_to(".."), (d / "loop" / "a" / "up2").symlink_to("../..")),
         store="whole", seconds=5),
    Case("symlink-loop-folder", ["build", "loop"], 0, "built 1",
         make=lambda d: ((d / "loop" / "a").mkdir(parents=True), (d / "loop" / "a" / "t.txt").write_text(GOOD),
                         (d / "loop" / "a" / "self").symlink_to("..")), store="whole", seconds=5),
    Case("dangling-symlink", ["build", "d"], 1, "no such file",
         make=lambda d: ((d / "d").mkdir(), (d / "d" / "gone.txt").symlink_to("nowhere.txt"))),
    # -- size (case 6)
    Case("file-200mb-refused", ["build", "big.txt"], 1, "over the 100 MB limit (raise it with --max-file-mb)",
         make=lambda d: _sparse(d / "big.txt", 200 * 1024 * 1024), seconds=5),
    Case("file-limit-lowered", ["build", "g.txt", "--max-file-mb", "0.0001"], 1, "--max-file-mb",
         {"g.txt": GOOD}),
    Case("text-over-5mb", ["build", "t.txt"], 1, "over the 5 MB limit for one transcript",
         {"t.txt": "Putin: hello there, friends.\n" * 200_000}, seconds=10),
    Case("turns-10000", ["build", "t.txt"], 1, "10000 speaker turns, over the limit of 3000",
         {"t.txt": _turns(10_000)}, seconds=15),
    Case("turns-limit-lowered", ["build", "t.txt", "--max-turns", "10"], 1, "raise it with --max-turns",
         {"t.txt": _turns(50)}),
    Case("extract-turns-limit", ["extract", "t.txt", "--max-turns", "10"], 1, "over the limit of 10",
         {"t.txt": _turns(50)}),
    # -- HTML (case 6)
    Case("html-30k-stray-end-tags", ["build", "p.html"], 0, "built 1",
         {"p.html": "<html><body>" + "<div>" * 30_000 + "<p>" + GOOD + "</p>" + "</span>" * 30_000},
         store="whole", seconds=10),
    Case("html-no-text", ["build", "p.html"], 1, "no text found in the HTML page",
         {"p.html": "<html><script>x</script></html>"}),
    # -- names and control characters (case 4, 5)
    Case("non-utf8-file-name", ["build", "."], 0, "built 1",
         make=lambda d: Path(os.fsdecode(bytes(d) + b"/bad\xffname.txt")).write_text(GOOD), store="whole"),
    Case("escape-in-missing-name", ["build", "a\x1b[31mb.txt"], 1, "a\\x1b[31mb.txt: no such file"),
    Case("escape-in-extract", ["extract", "c.txt"], 0, None,
         {"c.txt": GOOD.replace("Meeting with", "Meeting \x1b[31mwith\x1b]0;pwned\x07")},
         stdout_lacks="\x1b", stdout_has="\\x1b[31m"),
    # -- values at the reader (case 10)
    Case("february-31-dateline", ["extract", "f.txt", "-f", "json"], 0, None,
         {"f.txt": GOOD.replace("July 20", "February 31")}, stdout_lacks="2021-02-31"),
    Case("ten-to-the-thirty", ["extract", "q.txt", "-f", "json"], 0, None,
         {"q.txt": GOOD.replace("We will supply vaccines", "We have supplied 10^30 doses of vaccine")},
         stdout_lacks='"quantity": 30'),
    Case("exponent-percent", ["extract", "q.txt", "-f", "json"], 0, None,
         {"q.txt": GOOD.replace("Thank you.", "Trade grew by 1.79e+309 percent.")},
         stdout_lacks='"value": 309'),
    # -- options (case 13)
    Case("base-with-space", ["build", "g.txt", "--base", "https://x.org/a b/"], 2, "not an absolute IRI",
         {"g.txt": GOOD}),
    Case("base-with-quote", ["build", "g.txt", "--base", 'https://x.org/"/'], 2, "not an absolute IRI",
         {"g.txt": GOOD}),
    Case("base-with-angle", ["build", "g.txt", "--base", "https://x.org/>/"], 2, "not an absolute IRI",
         {"g.txt": GOOD}),
    Case("base-relative", ["build", "g.txt", "--base", "id/"], 2, "not an absolute IRI", {"g.txt": GOOD}),
    # -- outputs (case 13)
    Case("export-dev-full", ["export", "-o", "/dev/full"], 2, "/dev/full: cannot write: No space left"),
    Case("export-missing-folder", ["export", "-o", "nodir/x.ttl"], 2, "folder 'nodir' does not exist"),
    Case("stats-missing-folder", ["stats", "-o", "nodir/s.txt"], 2, "folder 'nodir' does not exist"),
    Case("query-missing-folder", ["query", "transcripts_overview", "-o", "nodir/q.csv"], 2,
         "folder 'nodir' does not exist"),
    Case("extract-dev-full", ["extract", "g.txt", "-o", "/dev/full"], 2, "No space left", {"g.txt": GOOD}),
    Case("network-missing-folder", ["network", "countries", "-o", "nodir/n.graphml"], 2,
         "folder 'nodir' does not exist"),
    # -- queries (case 2, 6, 10)
    Case("query-service", ["query", "-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], 2,
         "SERVICE clauses are off"),
    Case("query-service-lowercase", ["query", "-e", "select * where { service <http://10.0.0.1/> { ?s ?p ?o } }"],
         2, "--allow-service"),
    Case("query-service-escaped", ["query", "-e", "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }"],
         2, "SERVICE clauses are off"),
    Case("query-service-silent", ["query", "-e", "SELECT * WHERE { SERVICE SILENT <http://x/> { ?s ?p ?o } }"],
         2, "SERVICE clauses are off"),
    Case("query-variable-named-service", ["query", "-e", "SELECT ?service WHERE { ?service a irkg:Meeting }"],
         0, None, stdout_has="row"),
    Case("query-month-13", ["query", "meetings_by_month", "--param", "from=2021-13-45"], 2,
         "is not a valid date"),
    Case("query-february-31", ["query", "meetings_by_month", "--param", "from=2021-02-31"], 2,
         "is not a valid date"),
    Case("query-malformed", ["query", "-e", "SELECT ?x WHERE {\n ?x ?p FILTER( }"], 2, "line 2, column"),
]


@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    """One example transcript built into a store directory, copied for every case."""
    path = tmp_path_factory.mktemp("hostile-base") / "kg-store"
    assert main(["-q", "build", str(EXAMPLE), "--store", str(path), "-j", "1"]) == 0
    return path


def quads(store: Path) -> set[str]:
    """The store's quads, less the metadata graph (a build's own record and the description it redoes)."""
    reader = ox.Store.read_only(str(store))
    found = {str(q) for q in reader if not q.graph_name.value.endswith("/graph/metadata")}
    del reader
    return found


@pytest.fixture()
def scratch(tmp_path, base_store, monkeypatch) -> Path:
    """A folder holding a copy of the base store as ./kg-store, as the working directory."""
    shutil.copytree(base_store, tmp_path / "kg-store", ignore=shutil.ignore_patterns("kg.lock"))
    monkeypatch.chdir(tmp_path)
    for name in (FILE_ENV, TEXT_ENV, TURNS_ENV):  # --max-* options set these; restored after the case
        monkeypatch.setenv(name, "")
    return tmp_path


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, scratch: Path, capsys) -> None:
    for name, content in case.files.items():
        (scratch / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if case.make:
        case.make(scratch)
    before = quads(scratch / "kg-store")
    argv = case.argv + (["-j", "1"] if case.argv[0] == "build" else [])
    started = time.monotonic()
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's usage errors
        code = stop.code
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    assert code == case.exit, (code, err[-2000:])
    if case.message is not None:
        assert any(case.message in line for line in err.splitlines()), err[-2000:]
    assert elapsed < case.seconds, f"took {elapsed:.1f} s"
    if case.stdout_lacks is not None:
        assert case.stdout_lacks not in out
    if case.stdout_has is not None:
        assert case.stdout_has in out
    after = quads(scratch / "kg-store")
    if case.store == "unchanged":
        assert after == before
    else:
        assert before <= after


def test_suite_is_large_enough() -> None:
    from test_hostile_runs import RUN_CASES
    from test_hostile_server import SERVER_CASES

    assert len(CASES) + RUN_CASES + SERVER_CASES >= 60
