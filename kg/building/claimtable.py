"""The follow-up linker's table: every claim of a store, read back one thread at a time.

Linking needs two things of the whole corpus: how many quotes hold each word
(the IDF weights, and the words too common to count) and, for each thread of
the same type, parties and item, its claims side by side.  Held in Python,
both grew with the corpus, and a build's memory with them.  Here the claims
go to a SQLite file as they are read, and come back ordered by thread, so the
linker holds one thread's claims at a time; the word counts are a table too.

The table of a store directory is kept beside its Oxigraph files
(:data:`FILE_NAME`), graph by graph, so a build that adds 100 pages to a store
of 7,000 reads the claims of the 100 new graphs and not those of the others
(:func:`kg.building.followup.link_followups`).  What it holds of a graph is
only ever what the store held: a build forgets a graph here and notes it as
pending before it writes or drops it (:meth:`ClaimTable.mark`, committed at
once), and the linker reads the pending graphs the store has, or every graph
when the store does not hold the number of graphs expected
(:mod:`kg.store.kept`).  A build stopped anywhere leaves graphs pending, never a
claim of a graph as it no longer is.  Any other store gets a table in a
temporary folder, filled by one whole read.

Claims are kept as JSON rows, with their graph, thread, status and content
words beside them, so SQL can pick the threads and statuses that can link.
An IRI given by two graphs counts once, as the claim of the first graph by
IRI; a repeat within one graph is ignored.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from kg.store import kept
from kg.store.ondisk import KEPT_CACHE

FILE_NAME = "irkg-claims.sqlite"
SCHEMA = 1  # PRAGMA user_version of the table; another value means: forget it and read the store again
_TABLES = """
CREATE TABLE IF NOT EXISTS claims(iri TEXT NOT NULL, graph TEXT NOT NULL, thread TEXT NOT NULL,
    status TEXT NOT NULL, claim TEXT NOT NULL, bag TEXT NOT NULL, PRIMARY KEY (iri, graph));
CREATE INDEX IF NOT EXISTS claims_by_graph ON claims(graph);
CREATE INDEX IF NOT EXISTS claims_by_thread ON claims(thread, iri, graph);
CREATE TABLE IF NOT EXISTS graphs(graph TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS words(word TEXT PRIMARY KEY, n INTEGER NOT NULL);
"""
#: (IRI, thread key, status, fields, content words) of one claim
Row = tuple[str, str, str, list, set[str]]


def code_stamp() -> str:
    """A hash of the code that reads a graph's claims (the linker's module) and keeps them (this one)."""
    digest = hashlib.sha256()
    for name in ("followup.py", "claimtable.py", "heldclaims.py"):
        digest.update(Path(__file__).with_name(name).read_bytes())
    return digest.hexdigest()[:16]


class ClaimTable(kept.KeptFile):
    """Claims by graph and IRI, with the count of quotes each content word appears in.

    ``path`` None: a table in a temporary folder, removed on close.  Use it as a context manager.
    """

    FILE_NAME = FILE_NAME

    def __init__(self, path: str | Path | None = None) -> None:
        self._folder = None
        if path is None:
            self._folder = tempfile.TemporaryDirectory(prefix="kg-claims-")
            path = Path(self._folder.name) / "claims.sqlite"
        self.path = Path(path)
        self._db = sqlite3.connect(str(self.path))
        if self._folder is not None:
            self._db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        else:
            self._db.executescript(f"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; {KEPT_CACHE}")
            if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                self._db.executescript("DROP TABLE IF EXISTS claims; DROP TABLE IF EXISTS graphs;"
                                       f"DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS stamp;"
                                       f"PRAGMA user_version = {SCHEMA};")
        self._db.executescript(_TABLES + kept.SCHEMA)
        if self._folder is None:
            self._check_stamp()

    def _check_stamp(self) -> None:
        """Start anew when the code that reads claims is not the code that filled the table: its rows
        would be what another reading gave (the reader version of :mod:`kg.building.manifest` leaves
        this code out, as it changes no transcript graph)."""
        stamp = code_stamp()
        self._db.execute("CREATE TABLE IF NOT EXISTS stamp(code TEXT NOT NULL)")
        if [stamp] != [code for (code,) in self._db.execute("SELECT code FROM stamp")]:
            self.clear()
            self._db.execute("DELETE FROM stamp")
            self._db.execute("INSERT INTO stamp VALUES (?)", (stamp,))
            self._db.commit()

    # --- filling -----------------------------------------------------------------------

    def add(self, rows: Iterable[Row]) -> None:
        """Keep each claim not already kept under its IRI (in no graph: a table filled once, in order)."""
        counted: Counter[str] = Counter()
        for iri, thread, status, fields, bag in rows:
            if self._db.execute("INSERT OR IGNORE INTO claims VALUES (?, '', ?, ?, ?, ?)",
                                (iri, thread, status, json.dumps(fields), " ".join(sorted(bag)))).rowcount:
                counted.update(bag)
        self._count(counted)

    def put(self, graph: str, rows: Iterable[Row]) -> None:
        """The claims of ``graph``, in place of those it had; the word counts follow."""
        self.put_all([(graph, list(rows))])

    def put_all(self, graphs: Sequence[tuple[str, list[Row]]]) -> None:
        """The claims of each of ``graphs`` (distinct), in place of those it had; the word counts follow.

        The words counted are those of the claim kept under each IRI, so each IRI whose kept
        claim may change has its words taken off before and put back after.  Many graphs at once
        (a batch of :mod:`kg.building.bulk`) leave the table as one call a graph would, in a few
        statements for all of them instead of eight a graph: the deltas of the calls add up to
        the difference between the first ``before`` and the last ``after``."""
        names = [graph for graph, _ in graphs]
        old = [iri for (iri,) in self._db.execute(f"SELECT iri FROM claims WHERE graph IN {_LISTED}",
                                                  (_listed(names),))]
        touched = list(dict.fromkeys([*old, *(row[0] for _, rows in graphs for row in rows)]))
        before = self._kept(touched)
        self._db.executemany("DELETE FROM claims WHERE graph = ?", ((graph,) for graph in names))
        self._db.executemany("INSERT OR IGNORE INTO claims VALUES (?, ?, ?, ?, ?, ?)",
                             ((iri, graph, thread, status, json.dumps(fields), " ".join(sorted(bag)))
                              for graph, rows in graphs for iri, thread, status, fields, bag in rows))
        self._db.executemany("INSERT OR IGNORE INTO graphs VALUES (?)", ((graph,) for graph in names))
        after = self._kept(touched)
        delta: Counter[str] = Counter()
        for iri in touched:
            if after.get(iri) != before.get(iri):
                delta.subtract(before[iri][1].split() if iri in before else ())
                delta.update(after[iri][1].split() if iri in after else ())
        self._count(delta)

    def written(self, graph: str, rows: Iterable[Row]) -> None:
        """``graph`` holds the claims of ``rows`` as written: no longer pending (committed with the next commit)."""
        self.written_all([(graph, list(rows))])

    def written_all(self, graphs: Sequence[tuple[str, list[Row]]]) -> None:
        """:meth:`written` of each of ``graphs`` (distinct), in a few statements (:meth:`put_all`)."""
        if graphs:
            self.put_all(graphs)
            self._db.executemany("DELETE FROM pending WHERE graph = ?", ((graph,) for graph, _ in graphs))

    def _delete(self, graph: str) -> bool:
        """Take the claims of ``graph`` out, and its words out of the counts; whether it was held."""
        if not self._db.execute("SELECT 1 FROM graphs WHERE graph = ?", (graph,)).fetchone():
            return False
        self.put(graph, [])
        self._db.execute("DELETE FROM graphs WHERE graph = ?", (graph,))
        return True

    def sync(self, store: object) -> kept.Sync:
        """What to read and forget to hold the claims of every transcript graph of ``store``."""
        return kept.sync(self._db, store)

    def settle(self, others: list[str]) -> None:
        kept.settle(self._db, others)
        self._db.commit()

    def clear(self) -> None:
        """Forget every graph (a store that must be read again whole)."""
        self._db.executescript("DELETE FROM claims; DELETE FROM graphs; DELETE FROM words; DELETE FROM pending;"
                               "DELETE FROM others;")

    def _kept(self, iris: list[str]) -> dict[str, tuple[str, str]]:
        """(graph, words) of the claim kept under each of ``iris`` that has one: that of the first graph by IRI."""
        return {iri: (graph, bag) for iri, graph, bag in self._db.execute(
            f"SELECT iri, MIN(graph), bag FROM claims WHERE iri IN {_LISTED} GROUP BY iri", (_listed(iris),))}

    def _count(self, delta: Counter[str]) -> None:
        changed = [(word, n) for word, n in delta.items() if n]
        self._db.executemany("INSERT INTO words VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET n = n + excluded.n",
                             changed)
        if any(n < 0 for _, n in changed):
            self._db.execute("DELETE FROM words WHERE n <= 0")

    def commit(self) -> None:
        self._db.commit()

    # --- reading -----------------------------------------------------------------------

    def graphs(self) -> set[str]:
        """The graphs whose claims the table holds."""
        return {graph for (graph,) in self._db.execute("SELECT graph FROM graphs")}

    @property
    def size(self) -> int:
        """Claims kept: one per IRI."""
        return self._db.execute("SELECT COUNT(DISTINCT iri) FROM claims").fetchone()[0]

    @property
    def words(self) -> Counter[str]:
        """For each content word, the number of kept claims whose quote holds it."""
        return Counter(dict(self._db.execute("SELECT word, n FROM words")))

    def threads(self, earlier: Iterable[str], later: Iterable[str]) -> Iterator[list[tuple[list, set[str]]]]:
        """(fields, content words) of each kept claim with a status of ``earlier`` or ``later``, thread by
        thread, for the threads that have a claim of each: no other can link (a quarter of the claims of
        7,225 kremlin-news pages are in threads of one side only, and were read and decoded for nothing)."""
        first, then = sorted(set(earlier)), sorted(set(later))
        marks = lambda values: ", ".join("?" * len(values))  # noqa: E731
        rows = self._db.execute(
            f"SELECT thread, claim, bag FROM claims AS c WHERE status IN ({marks(first + then)})"
            f" AND thread IN (SELECT thread FROM claims WHERE status IN ({marks(first)}))"
            f" AND thread IN (SELECT thread FROM claims WHERE status IN ({marks(then)}))"
            " AND graph = (SELECT MIN(graph) FROM claims WHERE iri = c.iri) ORDER BY thread, iri",
            [*first, *then, *first, *then])
        current, group = None, []
        for thread, text, bag in rows:
            if thread != current:
                if len(group) > 1:
                    yield group
                current, group = thread, []
            group.append((json.loads(text), set(bag.split())))
        if len(group) > 1:
            yield group

    def close(self) -> None:
        if self._db is not None:
            self._db.commit()
            self._db.close()
            self._db = None
            if self._folder is not None:
                self._folder.cleanup()


#: the values of a statement's one parameter, a JSON array (:func:`_listed`): one statement text whatever
#: their number.  With ``IN (?, ?, ...)`` each number of values was a statement of its own, and the
#: connection's statement cache (128 statements, some 45 KB each at 500 values) kept one for each size
#: the batches of a build happened to have: the writer's SQLite memory grew from 0.3 MB at 1,000 pages
#: to some 7 MB at 28,900 (``mem25-notes.md``)
_LISTED = "(SELECT value FROM json_each(?))"


def _listed(values: list[str]) -> str:
    """``values`` as the JSON array :data:`_LISTED` reads."""
    return json.dumps(values, ensure_ascii=False)
