"""The files of a build that the sealed record already answers for, so the build looks only at the others.

A build of one changed page among 7,000 first asks the record, in one join,
whether each file is as recorded (:mod:`kg.building.nochange`); when one is
not, it used to throw that answer away and ask again file by file (a stat,
two queries of the record, a lookup in the store and one in the batch's set
of graphs each: 0.3 CPU-s at 7,000 files, after a second walk of the folder),
and that, not the workers' start, was what the one changed page waited for.
Here the join's answer is kept in a private SQLite file: the files as
recorded with their graph, the others in input order.  The build counts the
first as unchanged (or skipped, a repeat of a text) in one go, marks them
seen by this run in one statement, and reads, parses and builds only the
others, each as the ordinary build would (:func:`kg.building.incremental.todo`).

The record is trusted so only under its seal (the store as the last build
left it, :mod:`kg.building.nochange`), as a build with nothing to do trusts
it: a graph it lists is then in the store, so the store is not asked.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.building.manifest import Manifest
    from kg.building.result import BuildResult

#: rows of the listing read per query when going through the files to look at
_PAGE = 500


@dataclass
class Settled:
    """The listing of a build's files (``path``: a private SQLite file, table ``files``), counted."""

    path: Path
    given: int  # files given
    matched: int  # of them as recorded, with a graph this build would keep
    distinct: int  # distinct graphs of those
    stamp: str = ""  # the reader's (kg.building.manifest.version_stamp) when the files were matched
    version: str = ""  # and the reader version they were matched against, which the build goes on with
    seal: str = ""  # the seal's stamp of the store that vouched for them
    _db: sqlite3.Connection | None = None

    @classmethod
    def make(cls) -> Path:
        """A new empty file for a listing (``files`` is made in it by :func:`kg.building.nochange.look`)."""
        handle, name = tempfile.mkstemp(prefix="kg-settled-", suffix=".sqlite")
        os.close(handle)
        return Path(name)

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        return self._db

    def others(self) -> Iterator[tuple[str, str]]:
        """(path, published name) of each file the build must look at, in the order given."""
        last = 0
        while page := self._open().execute("SELECT n, path, source FROM files WHERE graph IS NULL AND n > ?"
                                           " ORDER BY n LIMIT ?", (last, _PAGE)).fetchall():
            last = page[-1][0]
            yield from ((path, source) for _, path, source in page)

    def gives(self, graph: str) -> bool:
        """Whether a file as recorded gives ``graph`` (another file with its text is a repeat)."""
        return self._open().execute("SELECT 1 FROM files WHERE graph = ? LIMIT 1", (graph,)).fetchone() is not None

    def count(self, result: BuildResult, manifest: Manifest) -> None:
        """The files as recorded, counted as the ordinary build counts them (each read, a graph once unchanged,
        its repeats skipped), and marked as given by this run in the record.  The record must be as it was
        looked at: another build between the look and the opening of the store (which the lock cannot
        keep out, taken apart) leaves another seal, or none, for this build to break."""
        if manifest.broken_seal != self.seal:
            from kg.errors import KgError

            raise KgError(f"{manifest.path}: the build record changed after this build read it (another build "
                          "of the store?): nothing was written, build again")
        result.read += self.matched
        result.unchanged += self.distinct
        result.skipped += self.matched - self.distinct
        manifest.saw_settled(self.path)

    def close(self) -> None:
        """Let go of the listing and delete its file."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self.path.unlink(missing_ok=True)
