"""A rebuild with nothing to do, told without opening the store or reading a page.

The incremental build (:mod:`kg.building.incremental`) already leaves alone a
file whose size and modification time are those recorded, but to get there it
opens the store for writing (RocksDB writes a new manifest and log), asks it
for each graph, and updates the record of each file: 0.42 s over the 7,225
pages of kremlin-news, 2.2 times the 0.19 s of merely reading them.  When
nothing changed, none of that is needed, and this module says so from the
build record alone (:mod:`kg.building.manifest`): every file given has the
size and time recorded for it, its graph was made by this reader version and
with the checks asked for, the reference graph too, and ``--prune`` has
nothing to forget.  The reader version itself is looked up in the seal under
a stamp of the reader's files (path, size and modification time of each:
:func:`kg.building.manifest.version_stamp`) rather than hashed again from
their 12 MB; ``--verify`` takes the ordinary path, which hashes them and
reads every page.

The record is trusted only while the store is as the last build left it: a
build that closed its store cleanly seals the record with a stamp of the
store's files (name, size, modification time of each), and every build breaks
the seal when it starts.  Any later opening for writing (another build, an
interrupted one, a tool that changed the store) makes RocksDB write new files,
so the stamp no longer matches and the build takes the ordinary path, which
asks the store for every graph.  A read-only opening writes nothing and keeps
the seal.  Anything unusual (stdin, JSONL, a file modified in the last two
seconds, a file not recorded, no seal, a record of another layout, a locked
store) also leaves the decision to the ordinary path: this one only ever
answers "nothing to do", never "do this".
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.building.manifest import FILE_NAME, SCHEMA, read_record, reader_version, version_stamp
from kg.building.settled import Settled

if TYPE_CHECKING:
    from kg.building.result import BuildResult

#: files of a store folder that are not Oxigraph's data: ours (the build record and the other
#: SQLite files kept beside the store, with their journals) and the lock, whose holder line is rewritten
_NOT_DATA = ("irkg-", "kg.lock")
#: a file modified this recently may change again within the clock's resolution (as incremental reads it)
_SETTLED_NS = 2_000_000_000
#: the table of the files given is a temporary one: held in memory (some 100 bytes a file), not in a
#: temporary file SQLite writes page by page (6,500 writes and as many reads for 7,225 pages)
_TEMP_IN_MEMORY = "PRAGMA temp_store = MEMORY"


def store_stamp(folder: str | Path) -> str:
    """A digest of the name, size and modification time of each data file of a store folder."""
    digest = hashlib.sha256()
    with os.scandir(folder) as entries:
        files = sorted((e.name, e.stat()) for e in entries if e.is_file() and not e.name.startswith(_NOT_DATA))
    for name, info in files:
        digest.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def seal(folder: str | Path, reader: tuple[str, str] | None = None) -> None:
    """Record that the store in ``folder`` is as the last build left it: call after closing it.

    ``reader`` is the (:func:`~kg.building.manifest.version_stamp`, reader version) of that build, taken
    before it started, so that the next one need not hash the reader's files again.
    """
    path = Path(folder) / FILE_NAME
    if not path.exists():
        return
    db = sqlite3.connect(str(path))
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA:
            rows = [("store", store_stamp(folder)), *([("reader " + reader[0], reader[1])] if reader else [])]
            db.executemany("INSERT OR REPLACE INTO seal VALUES (?, ?)", rows)
            db.commit()
    finally:
        db.close()


def nothing_to_do(inputs: Sequence[str], folder: str | Path, *, base: str, pipeline: Sequence[str],
                  format: str | None, model: str | None, checked: bool, strict: bool,
                  prune: bool) -> BuildResult | None:
    """The result of a build of ``inputs`` into the store ``folder`` when it has nothing to do, else None.

    Nothing is written in the store folder (the lock's holder line aside); None means only that the
    ordinary build must decide.
    """
    found = look(inputs, folder, base=base, pipeline=pipeline, format=format, model=model, checked=checked,
                 strict=strict, prune=prune, settle=False)
    return found if not isinstance(found, Settled) else None


def look(inputs: Sequence[str], folder: str | Path, *, base: str, pipeline: Sequence[str],
         format: str | None, model: str | None, checked: bool, strict: bool,
         prune: bool, settle: bool = True) -> BuildResult | Settled | None:
    """:func:`nothing_to_do`, and when something is to do under an intact seal (and ``settle``), the files
    as recorded and the others (:mod:`kg.building.settled`), for the build to look at the others only."""
    started = time.perf_counter()
    path = Path(folder) / FILE_NAME
    if not path.is_file():
        return None
    from kg.errors import StoreError
    from kg.store.lock import StoreLock

    try:
        lock = StoreLock(folder, shared=False, holder="written by a kg command")
    except StoreError:
        return None  # the ordinary build opens the store and says who holds it
    try:
        db = sqlite3.connect(str(path))  # not read-only: the last connection to close removes the journal
        db.execute(_TEMP_IN_MEMORY)
        try:  # only reads the record (its own table of the files given is a temporary one)
            counts = _counts(db, folder, inputs, base, (tuple(pipeline), format, model), checked, strict,
                             prune, settle)
        finally:
            db.close()
    except sqlite3.Error:
        return None  # a damaged record: the ordinary build starts it anew
    finally:
        lock.release()
    if counts is None or isinstance(counts, Settled):
        return counts
    from kg.building.result import BuildResult

    given, distinct = counts
    return BuildResult(read=given, unchanged=distinct, skipped=given - distinct,
                       seconds=time.perf_counter() - started)


def _counts(db: sqlite3.Connection, folder: str | Path, inputs: Sequence[str], base: str, reader: tuple,
            checked: bool, strict: bool, prune: bool, settle: bool = False) -> tuple[int, int] | Settled | None:
    """(files given, distinct graphs they give) when every file is as recorded and current; else, with
    ``settle``, under the seal and with every file usual, the listing of :mod:`kg.building.settled`; else None.
    ``reader`` is what :func:`~kg.building.manifest.reader_version` takes."""
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
        return None
    sealed = db.execute("SELECT value FROM seal WHERE key = 'store'").fetchone()
    if sealed is None or sealed[0] != store_stamp(folder):
        return None
    stamp = version_stamp(*reader)
    version = _sealed(db, stamp) or reader_version(*reader)
    if not _current(db, reference_graph(base), version):
        return None
    db.execute("CREATE TEMP TABLE given(source TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
               " path TEXT NOT NULL)")
    unusual: list[str] = []
    db.executemany("INSERT INTO given VALUES (?, ?, ?, ?)", _signatures(inputs, unusual))
    if unusual:
        return None
    fits = (version, int(checked), 0 if strict else 2**62)
    given, matched, distinct = db.execute(f"SELECT count(*), count(g.graph), count(DISTINCT g.graph) {_JOINED}",
                                          fits).fetchone()
    if given and matched != given and settle:
        return _settled(db, fits, Settled(Settled.make(), given, matched, distinct, stamp, version, sealed[0]))
    if not given or matched != given:
        return None
    if prune and db.execute("SELECT 1 FROM sources WHERE source NOT IN (SELECT source FROM temp.given)"
                            " LIMIT 1").fetchone():
        return None
    return given, distinct


#: each file given, with the graph the record has of it when its size and time are those recorded and
#: the graph fits as :func:`kg.building.manifest._fits` says (version, checked, problems), else NULL
_JOINED = ("FROM temp.given AS f"
           " LEFT JOIN sources AS s ON s.source = f.source AND s.size = f.size AND s.mtime_ns = f.mtime_ns"
           " LEFT JOIN graphs AS g ON g.graph = s.graph AND g.version = ? AND g.checked >= ? AND g.problems <= ?")


def _settled(db: sqlite3.Connection, fits: tuple, settled: Settled) -> Settled:
    """The join kept in the file of ``settled`` for the build (:mod:`kg.building.settled`): nothing of it is
    written in the record, whose open transaction (the temporary table's) is ended first."""
    path = settled.path
    try:
        db.commit()
        db.execute("ATTACH DATABASE ? AS settled", (str(path),))
        db.executescript("PRAGMA settled.journal_mode = OFF; PRAGMA settled.synchronous = OFF;")
        db.execute(f"CREATE TABLE settled.files AS SELECT f.rowid AS n, f.path AS path, f.source AS source,"
                   f" g.graph AS graph {_JOINED} ORDER BY f.rowid", fits)
        db.execute("CREATE INDEX settled.by_graph ON files(graph) WHERE graph IS NOT NULL")
        db.commit()
        db.execute("DETACH DATABASE settled")
    except BaseException:
        settled.close()
        raise
    return settled


def sealed_version(folder: str | Path, stamp: str) -> str | None:
    """The reader version a build recorded under ``stamp`` (:func:`~kg.building.manifest.version_stamp`),
    or None: a build that must run looks it up here, before it opens the store (and breaks the seal),
    rather than hash the reader's 12 MB again (0.1 s).  The seal vouches for it as it does for
    :func:`nothing_to_do`: the same files, by path, size and modification time."""
    if not stamp:
        return None
    # no seal table yet, or a damaged record: None, and the version is hashed
    return read_record(folder, lambda db: _sealed(db, stamp)
                       if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA else None)


def _sealed(db: sqlite3.Connection, stamp: str) -> str | None:
    row = db.execute("SELECT value FROM seal WHERE key = ?", ("reader " + stamp,)).fetchone()
    return row[0] if row else None


def reference_graph(base: str) -> str:
    """:func:`kg.rdf.namespace.reference_graph_iri` as a string, without loading pyoxigraph and the model
    that module needs (a test holds the two equal)."""
    return (base if base.endswith(("/", "#")) else base + "/") + "graph/reference"


def _current(db: sqlite3.Connection, graph: str, version: str) -> bool:
    """Whether the record has ``graph`` made by ``version`` (as the build asks of the reference graph)."""
    row = db.execute("SELECT version FROM graphs WHERE graph = ?", (graph,)).fetchone()
    return row is not None and row[0] == version


def _signatures(inputs: Sequence[str], unusual: list[str]) -> Iterator[tuple[str, int, int, str]]:
    """(published name, size, mtime_ns, path) of each file the inputs name, in order; at the first one that
    the ordinary build must look at (stdin, JSONL, missing, just modified) it is put in ``unusual``
    and the rows stop."""
    from kg.inputs.paths import STDIN, iter_inputs

    settled = time.time_ns() - _SETTLED_NS
    for path, name in iter_inputs(inputs):
        if path == STDIN or not name or path.lower().endswith(".jsonl"):
            unusual.append(path)
            return
        try:
            info = os.stat(path)
        except OSError:
            unusual.append(path)
            return
        if info.st_mtime_ns > settled:
            unusual.append(path)
            return
        yield name, info.st_size, info.st_mtime_ns, path
