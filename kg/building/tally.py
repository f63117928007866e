"""What a build into N-Quads shards keeps on disk until its shared graphs are written at the end.

A store answers SPARQL over everything written so far; a folder of shards
answers nothing.  So while transcript graphs stream into the shards, the
build keeps here, per transcript graph, only what the shared graphs and the
dataset description need from it: the entities triples it contributes (the
ledger), its typed resources, its licence and publisher rows and its
commitments as follow-up claims.  The entities graph is then the distinct
ledger lines, and the description's counts are SQL over these tables — the
same numbers the store's SPARQL gives (:func:`kg.store.metadata.contents_of`).

It is a SQLite file in the shards' partial folder, never in memory, so the
build's memory stays flat however many transcripts it writes; and every row
names its graph, so a graph the build takes back takes its rows with it.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.building.followup import Claim
from kg.store.metadata import Contents

_SCHEMA = """
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;
CREATE TABLE graphs(graph TEXT PRIMARY KEY, quads INTEGER NOT NULL, first INTEGER, last INTEGER);
CREATE TABLE ledger(graph TEXT NOT NULL, line TEXT NOT NULL);
CREATE TABLE types(graph TEXT NOT NULL, class TEXT NOT NULL, subject TEXT NOT NULL);
CREATE TABLE licences(graph TEXT NOT NULL, licence TEXT, publisher TEXT, n INTEGER NOT NULL);
CREATE TABLE claims(graph TEXT NOT NULL, claim TEXT NOT NULL);
"""
_TABLES = ("graphs", "ledger", "types", "licences", "claims")


def subject_key(term: ox.NamedNode | ox.BlankNode) -> str:
    """A subject as the tally keeps it: an IRI as itself (SQL then orders IRIs as SPARQL does),
    a blank node as ``_:id`` (never an absolute IRI)."""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def term_of(text: str) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A term back from its N-Triples form."""
    quad = next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {text} .".encode(), ox.RdfFormat.N_TRIPLES)))
    return quad.object


class Tally:
    """The scratch record of one shard build (see the module's docstring)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(str(self.path))
        self._db.executescript(_SCHEMA)

    def add(self, graph: str, quads: int, shards: tuple[int, int], ledger: Iterable[str],
            types: Iterable[tuple[str, str]], licences: Iterable[tuple[str | None, str | None, int]],
            claims: Iterable[Claim]) -> None:
        """Record one transcript graph: its quads and shards, ledger lines, (class, subject) pairs,
        (licence, publisher N-Triples, transcripts) rows and claims."""
        db = self._db
        db.execute("INSERT INTO graphs VALUES (?, ?, ?, ?)", (graph, quads, *shards))
        db.executemany("INSERT INTO ledger VALUES (?, ?)", ((graph, line) for line in ledger))
        self.add_types(graph, types)
        db.executemany("INSERT INTO licences VALUES (?, ?, ?, ?)", ((graph, *row) for row in licences))
        db.executemany("INSERT INTO claims VALUES (?, ?)",
                       ((graph, json.dumps(dataclasses.astuple(c))) for c in claims))

    def add_types(self, graph: str, types: Iterable[tuple[str, str]]) -> None:
        self._db.executemany("INSERT INTO types VALUES (?, ?, ?)", ((graph, *pair) for pair in types))

    def has(self, graph: str) -> bool:
        return self._db.execute("SELECT 1 FROM graphs WHERE graph = ?", (graph,)).fetchone() is not None

    def graphs(self) -> int:
        """Named graphs the tallied rows fill: the transcript graphs, and the entities and ledger graphs."""
        own = self._db.execute("SELECT COUNT(*) FROM graphs WHERE quads > 0").fetchone()[0]
        return own + (2 if self._db.execute("SELECT 1 FROM ledger LIMIT 1").fetchone() else 0)

    def forget(self, graph: str) -> tuple[int, int] | None:
        """Take one transcript graph back; returns the shards it was written to (None if never written)."""
        row = self._db.execute("SELECT first, last FROM graphs WHERE graph = ?", (graph,)).fetchone()
        for table in _TABLES:
            self._db.execute(f"DELETE FROM {table} WHERE graph = ?", (graph,))
        return row

    def claims(self, batch: int = 1000) -> Iterator[list[Claim]]:
        """The claims of the graphs written, ``batch`` at a time, for :func:`kg.building.followup.links_of`."""
        rows = self._db.execute("SELECT claim FROM claims")
        while chunk := rows.fetchmany(batch):
            yield [Claim(*json.loads(text)) for (text,) in chunk]

    def ledger(self) -> Iterator[tuple[str, str]]:
        """(graph, line) of every ledger entry."""
        yield from self._db.execute("SELECT graph, line FROM ledger")

    def entities(self) -> Iterator[str]:
        """The entities graph: each ledger line once."""
        self._db.execute("CREATE INDEX IF NOT EXISTS ledger_line ON ledger(line)")
        for (line,) in self._db.execute("SELECT DISTINCT line FROM ledger ORDER BY line"):
            yield line

    def contents(self, other_quads: int, transcript_class: str, meeting_class: str) -> Contents:
        """The description's counts; ``other_quads`` counts the graphs not tallied here (reference, follow-ups)."""
        db = self._db
        own = db.execute("SELECT COALESCE(SUM(quads), 0) FROM graphs").fetchone()[0]
        ledger = db.execute("SELECT COUNT(*) FROM ledger").fetchone()[0]
        entities = db.execute("SELECT COUNT(DISTINCT line) FROM ledger").fetchone()[0]
        classes = db.execute("SELECT class, COUNT(DISTINCT subject) FROM types GROUP BY class ORDER BY class")
        classes = classes.fetchall()
        licences = [(licence, term_of(publisher) if publisher is not None else None, n) for licence, publisher, n
                    in db.execute("SELECT licence, publisher, SUM(n) FROM licences GROUP BY licence, publisher")]
        examples = [ox.NamedNode(s) for (s,) in db.execute(
            "SELECT DISTINCT subject FROM types WHERE class = ? AND subject NOT LIKE '\\_:%' ESCAPE '\\' "
            "ORDER BY subject LIMIT 3", (meeting_class,))]
        return Contents(own + ledger + entities + other_quads, dict(classes).get(transcript_class, 0),
                        licences, classes, examples)

    def close(self) -> None:
        """Close and delete the file."""
        if self._db is not None:
            self._db.close()
            self._db = None
            self.path.unlink(missing_ok=True)
