"""The follow-up linker's scratch table: every claim on disk, read back one thread at a time.

Linking needs two things of the whole corpus: how many quotes hold each word
(the IDF weights, and the words too common to count) and, for each thread of
the same type, parties and item, its claims side by side.  Held in Python,
both grew with the corpus, and a build's memory with them.  Here the claims
go to a SQLite file in the temporary folder as they are read, and come back
ordered by thread, so the linker holds one thread's claims at a time; what
stays in memory is the word counts, which grow with the vocabulary, not with
the pages.

Claims are kept as JSON rows, with their thread and status beside them so
SQL can pick the threads and statuses that can link.  The first claim given
under an IRI is kept and a repeat is ignored, as a query reading the whole
store keeps a commitment's first row.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

_SCHEMA = """
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE;
CREATE TABLE claims(iri TEXT PRIMARY KEY, thread TEXT NOT NULL, status TEXT NOT NULL, claim TEXT NOT NULL);
"""


class ClaimTable:
    """Claims keyed by IRI, with the count of quotes each content word appears in.

    Use it as a context manager: the file is removed on exit.
    """

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="kg-claims-")
        self._db = sqlite3.connect(str(Path(self._folder.name) / "claims.sqlite"))
        self._db.executescript(_SCHEMA)
        self.words: Counter[str] = Counter()  # word -> quotes it appears in
        self.size = 0

    def __enter__(self) -> ClaimTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, rows: Iterable[tuple[str, str, str, list, set[str]]]) -> None:
        """Keep each (IRI, thread key, status, fields, content words) not already kept."""
        for iri, thread, status, fields, bag in rows:
            cursor = self._db.execute("INSERT OR IGNORE INTO claims VALUES (?, ?, ?, ?)",
                                      (iri, thread, status, json.dumps(fields)))
            if cursor.rowcount:
                self.size += 1
                self.words.update(bag)

    def threads(self, statuses: Iterable[str]) -> Iterator[list[list]]:
        """The fields of each claim with one of ``statuses``, thread by thread (threads of one claim left out)."""
        self._db.execute("CREATE INDEX IF NOT EXISTS by_thread ON claims(thread, status)")
        wanted = sorted(set(statuses))
        marks = ", ".join("?" * len(wanted))
        rows = self._db.execute(f"SELECT thread, claim FROM claims WHERE status IN ({marks}) "
                                "ORDER BY thread, iri", wanted)
        current, group = None, []
        for thread, text in rows:
            if thread != current:
                if len(group) > 1:
                    yield group
                current, group = thread, []
            group.append(json.loads(text))
        if len(group) > 1:
            yield group

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
            self._folder.cleanup()
