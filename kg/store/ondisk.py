"""A set and a list of strings kept in a private temporary SQLite file, not in the build's memory.

A build remembers one string per transcript until its end: the graphs of the
batch (to tell a repeat of a text), the meetings written (to count them once),
the graphs written (for the build's ``prov:Activity``).  Held as Python sets
and lists they grew with the corpus, some 13 MB at 28,900 pages, and the
writer's peak with them.  Here each is a table of a SQLite database opened
with no name, which SQLite makes a private file deleted on close, and whose
page cache is held to :data:`CACHE_KB`: the memory stays the same whatever
the corpus, a few hundred bytes a string go to disk.

Nothing is written until the first string comes, so a build of a handful of
pages, or a result nobody fills, makes no file.
"""

from __future__ import annotations

import sqlite3
import itertools
from collections.abc import Iterable, Iterator

#: the most of its pages SQLite holds in memory, per table, in KB.  A cache fills as its file grows,
#: so what it may hold is memory the writer gains with the corpus: 256 KB here and 512 KB for each
#: kept file took SQLite from 1.4 MB at the first flush of a build to 2.7 MB at 16,000 pages, its
#: pages interleaved in the C heap with the blocks RocksDB frees at each reopening (kremlin-news x4:
#: writer's peak at 4,000 pages 73.7-75.9 -> 73.1 MB with 64 and 128 KB)
CACHE_KB = 64
#: the same for the files kept beside a store (the build record, the claims, the counts): SQLite's
#: default of 2 MB each was reached only past a few thousand pages, so the writer grew by 6 MB with the
#: corpus; their reads are by key, from the system's file cache (the interior pages of a 28,900-row
#: table are a dozen: they stay in 128 KB)
KEPT_CACHE_KB = 128
KEPT_CACHE = f"PRAGMA cache_size = -{KEPT_CACHE_KB};"
#: strings read back per query when iterating
_PAGE = 1000


def _bytes(item: str) -> bytes:
    """``item`` as UTF-8, lone surrogates kept (a file name that is not UTF-8 is read so): SQLite's text
    takes none, so the strings are kept as bytes and come back the same."""
    return item.encode("utf-8", "surrogatepass")


class _Table:
    """One table of one column in a temporary database of its own, opened on first use."""

    _COLUMNS = ""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._db: sqlite3.Connection | None = None
        self._size = 0
        for item in items:
            self._add(item)

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect("")  # no name: a private file SQLite deletes on close
            self._db.executescript(f"PRAGMA cache_size = -{CACHE_KB}; PRAGMA journal_mode = OFF;"
                                   f"PRAGMA synchronous = OFF; CREATE TABLE items({self._COLUMNS});")
        return self._db

    def _add(self, item: str) -> bool:
        raise NotImplementedError

    def __len__(self) -> int:
        return self._size

    def __bool__(self) -> bool:
        return self._size > 0

    def __iter__(self) -> Iterator[str]:
        """The strings in the order they came, read a page at a time (add none while iterating)."""
        last = 0
        while self._db is not None:
            page = self._db.execute("SELECT rowid, item FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                    (last, _PAGE)).fetchall()
            if not page:
                return
            last = page[-1][0]
            yield from (item.decode("utf-8", "surrogatepass") for _, item in page)

    def close(self) -> None:
        """Delete the file; the collection is empty afterwards."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self._size = 0

    def __del__(self) -> None:
        self.close()

    def __getstate__(self) -> list[str]:  # a copy to another process carries the strings themselves
        return list(self)

    def __setstate__(self, items: list[str]) -> None:
        self.__init__(items)


class DiskSet(_Table):
    """Distinct strings: ``add`` and ``in``, as a ``set`` offers them."""

    _COLUMNS = "item BLOB NOT NULL UNIQUE"

    def add(self, item: str) -> None:
        self._add(item)

    def _add(self, item: str) -> bool:
        """Add ``item``; whether it was new."""
        new = self._open().execute("INSERT OR IGNORE INTO items(item) VALUES (?)", (_bytes(item),)).rowcount > 0
        self._size += new
        return new

    def __contains__(self, item: object) -> bool:
        if self._db is None or not isinstance(item, str):
            return False
        return self._db.execute("SELECT 1 FROM items WHERE item = ?", (_bytes(item),)).fetchone() is not None

    def __repr__(self) -> str:
        return f"DiskSet({self._size} items)"


class DiskList(_Table):
    """Strings in order, repeats kept: ``append`` and iteration, as a ``list`` offers them."""

    _COLUMNS = "item BLOB NOT NULL"

    def append(self, item: str) -> None:
        self._add(item)

    def _add(self, item: str) -> bool:
        self._open().execute("INSERT INTO items(item) VALUES (?)", (_bytes(item),))
        self._size += 1
        return True

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, DiskList)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"DiskList({self._size} items)"


def chunks(items: Iterable[str], size: int) -> Iterator[list[str]]:
    """``items`` ``size`` at a time (the last chunk may be shorter)."""
    items = iter(items)
    while chunk := list(itertools.islice(items, size)):
        yield chunk
