"""What each graph of a store was built from, so a rebuild does only what changed.

A build records, per named graph, the version of the reader that made it
(:func:`reader_version`) and, per input source, the graph its text gave.  The
next build then skips a transcript whose graph holds the same text read by the
same reader without parsing it; a source whose text changed gets its new graph
and the graph of its old text is dropped (unless another source still gives
that text); ``--prune`` forgets the sources not given this time and drops
their graphs.

The record is a small SQLite file beside the Oxigraph files of a store
directory (Oxigraph and RocksDB ignore files they do not know, as they do
``kg.lock``).  A memory store, or a SPARQL endpoint, gets a record in memory,
so every build of those is a full one.  The record is written after the graph
it describes and a skip also asks the store whether the graph is there, so an
interrupted build, or a store changed behind the build's back, costs a rebuild
of those graphs, never a wrong skip.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from kg.store.ondisk import KEPT_CACHE

T = TypeVar("T")

FILE_NAME = "irkg-build.sqlite"
SCHEMA = 2  # PRAGMA user_version of the record; another value means: forget it and rebuild
#: sources that name no file: a text read from them never replaces another
UNNAMED_SOURCES = ("<stdin>",)
#: code that only reads a built store or drives a build: editing it changes no graph
_READERS_OF_THE_STORE = frozenset({"cli", "learn", "eval", "network", "report", "sparql", "validation", "__main__.py"})
_DRIVERS = frozenset({
    "building/builder.py", "building/manifest.py", "building/workers.py", "building/warm.py", "store/endpoint.py",
    "store/export.py",
    "store/lock.py", "store/push.py", "store/query_page.py", "store/serve.py", "store/server.py", "store/stats.py",
    "building/sink.py", "building/bulk.py", "building/tally.py", "building/result.py", "building/incremental.py", "store/shards.py",
    "store/ondisk.py",
    # the shared graphs rewritten by every build (follow-up links, the description), never a transcript's
    "building/followup.py", "building/claimtable.py", "building/heldclaims.py", "building/beside.py", "building/relink.py", "store/census.py",
    "building/settled.py", "building/early.py", "building/prepare.py",
    "store/counts.py",
    "store/metadata.py", "store/kept.py", "building/nochange.py",
})
_PACKAGE = Path(__file__).resolve().parent.parent
_SKIPPED_DATA = ("vendor",)
#: data made from other data and read only while it matches it: the reader model's quick-loading tables
#: (kg.extract.model_tables) give the reader its JSON gives, so hashing the JSON covers them
_DERIVED_DATA = frozenset({"reader-model.tables"})


def _code_files() -> list[Path]:
    """The package files a graph depends on: code that reads and maps transcripts, and its data."""
    files = []
    for path in sorted(_PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(_PACKAGE).parts
        if relative[0] == "data":
            if relative[1] not in _SKIPPED_DATA and path.name not in _DERIVED_DATA:
                files.append(path)
        elif path.suffix == ".py" and relative[0] not in _READERS_OF_THE_STORE \
                and "/".join(relative) not in _DRIVERS:
            files.append(path)
    return files


@lru_cache(maxsize=8)
def reader_version(pipeline: Sequence[str], format: str | None = None, model: str | None = None) -> str:
    """A hash of everything that decides a transcript's graph besides its text.

    The extraction and mapping code with its data (the shipped reader model,
    the cue book, gazetteers, leaders), the ontology of the reference graph,
    the pipeline's stages, a forced transcript format and another model file
    (``model``, as ``--model`` gives).  A new model or an edited cue changes
    it, so the next build rebuilds every graph once.
    """
    digest = hashlib.sha256(_version_head(pipeline, format))
    for path in _version_files(model):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def version_stamp(pipeline: Sequence[str], format: str | None = None, model: str | None = None) -> str:
    """What :func:`reader_version` reads, by the path, size and modification time of each file instead of
    its bytes (12 MB, the reader model mostly): a build with nothing to do looks up the version recorded
    under this stamp (:mod:`kg.building.nochange`) rather than hash them all again.  As for the pages,
    a file changed in place with its size and time kept goes unseen: ``--verify`` hashes them."""
    digest = hashlib.sha256(_version_head(pipeline, format))
    for path in _version_files(model):
        info = path.stat()
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _version_head(pipeline: Sequence[str], format: str | None) -> bytes:
    from kg import __version__

    return f"schema {SCHEMA}\nkg {__version__}\n{','.join(pipeline)}\n{format}\n".encode()


def _version_files(model: str | None) -> list[Path]:
    from kg.resources import resource_dir

    ontology = sorted(resource_dir("ontology").glob("*.ttl"))
    return [*_code_files(), *ontology, *([Path(model)] if model else [])]


def model_file(pipeline: Sequence[str]) -> str | None:
    """Another model file than the shipped one, when the pipeline reads with a model (for :func:`reader_version`)."""
    if not any(name.endswith("-model") for name in pipeline):
        return None
    return os.environ.get("IRKG_READER_MODEL") or None  # kg.extract.learned.MODEL_ENV, not imported here


#: sources seen as recorded whose new run is written in one statement
_AGAIN_BATCH = 500


def _fits(row: tuple | None, version: str, checked: bool, strict: bool) -> bool:
    """Whether a graph's row (version, checked, problems) is what a build with these options keeps."""
    if row is None or row[0] != version:
        return False
    if checked and not row[1]:
        return False
    return not (strict and row[2])


def read_record(folder: str | Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """``read`` of the record beside the store directory ``folder``, opened read-only (a build looks before it
    opens the store for writing), or None where there is no record or it cannot be read (no table yet,
    another layout, a damaged file): the callers then do without what it would have told."""
    path = Path(folder) / FILE_NAME
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return read(db)
        finally:
            db.close()
    except sqlite3.Error:
        return None


def recorded_sources(store: object) -> int:
    """How many sources the record beside a store directory knows (0 for any other store, or none yet):
    a build starts its workers on it before it lists its files."""
    path = getattr(store, "path", None)
    if path is None or getattr(store, "read_only", False):
        return 0
    return known_sources(path)


def known_sources(folder: str | Path) -> int:
    """How many sources the record beside the store directory ``folder`` knows (0: none, or no record)."""
    return read_record(folder, lambda db: db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]) or 0


def _connect(path: Path | None) -> sqlite3.Connection:
    """The record at ``path`` (None: in memory); one that is not a database, or whose schema cannot be
    read, is deleted and started anew, which costs a full build (as a missing one does), not a build
    that cannot start."""
    if path is None:
        return sqlite3.connect(":memory:")
    db = sqlite3.connect(str(path))
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:  # locked, unreadable: not for us to delete
        db.close()
        raise
    except sqlite3.DatabaseError:  # not a database, or a malformed one
        db.close()
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        path.with_name(name).unlink(missing_ok=True)
    return sqlite3.connect(str(path))


class Manifest:
    """The build record of one store: graphs with their reader version, sources with their graph."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = None if path is None else Path(path)
        self._db = _connect(self.path)
        if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:  # a record of another layout:
            self._db.executescript("DROP TABLE IF EXISTS graphs; DROP TABLE IF EXISTS sources;"  # start anew
                                   f"DROP TABLE IF EXISTS runs; PRAGMA user_version = {SCHEMA};")
        self._db.executescript(
            f"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; {KEPT_CACHE}"
            "CREATE TABLE IF NOT EXISTS graphs(graph TEXT PRIMARY KEY, version TEXT NOT NULL,"
            " checked INTEGER NOT NULL, problems INTEGER NOT NULL);"
            "CREATE TABLE IF NOT EXISTS sources(source TEXT PRIMARY KEY, graph TEXT NOT NULL,"
            " run INTEGER NOT NULL, size INTEGER, mtime_ns INTEGER);"
            "CREATE TABLE IF NOT EXISTS runs(run INTEGER PRIMARY KEY AUTOINCREMENT, started REAL);"
            "CREATE TABLE IF NOT EXISTS seal(key TEXT PRIMARY KEY, value TEXT NOT NULL);")
        self._replaced: set[str] = set()
        self._again: list[tuple[int, str]] = []  # (run, source) of sources seen as recorded (saw_again)
        self._pending = 0
        self.begin()

    def begin(self) -> None:
        """Start the record of a build: sources it gives are told apart from those it does not.

        The seal of the store (:mod:`kg.building.nochange`) is broken first, and at once: from here
        until a build closes the store and seals it again, the record alone does not say what the
        store holds.  :attr:`broken_seal` is the seal's stamp of the store it found (None: none).
        """
        row = self._db.execute("SELECT value FROM seal WHERE key = 'store'").fetchone()
        self.broken_seal: str | None = row[0] if row else None
        self._db.execute("DELETE FROM seal")
        self._db.commit()
        self.run = self._db.execute("INSERT INTO runs(started) VALUES (julianday('now'))").lastrowid
        self._replaced.clear()

    @classmethod
    def for_store(cls, store: object) -> Manifest:
        """The record beside a writable store directory, or one in memory for any other store."""
        path = getattr(store, "path", None)
        if path is None or getattr(store, "read_only", False):
            return cls(None)
        return cls(Path(path) / FILE_NAME)

    def current(self, graph: str, version: str, *, checked: bool, strict: bool) -> bool:
        """Whether ``graph`` was built by this reader version, and checked if a check is asked for.

        A graph built without validation is rebuilt by a build that validates,
        and one that had violations by a ``--strict`` build, which must not keep it.
        """
        row = self._db.execute("SELECT version, checked, problems FROM graphs WHERE graph = ?",
                               (graph,)).fetchone()
        return _fits(row, version, checked, strict)

    def built(self, graph: str, version: str, *, checked: bool, problems: int) -> None:
        self._db.execute("INSERT OR REPLACE INTO graphs VALUES (?, ?, ?, ?)",
                         (graph, version, int(checked), problems))
        self._tick()

    def source_count(self) -> int:
        """How many sources the record knows: a build given more files than this has new ones to read."""
        return self._db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]

    def file_graph(self, source: str, signature: tuple[int, int]) -> str | None:
        """The graph a file gave when it last had this size and modification time, if it did."""
        row = self._db.execute("SELECT graph FROM sources WHERE source = ? AND size = ? AND mtime_ns = ?",
                               (source, *signature)).fetchone()
        return row[0] if row else None

    def known_file(self, source: str, signature: tuple[int, int], version: str, *,
                   checked: bool, strict: bool) -> tuple[str | None, bool]:
        """:meth:`file_graph`, and whether that graph is :meth:`current`, in one query (a scan of an
        unchanged folder asks this of every file)."""
        row = self._db.execute(
            "SELECT s.graph, g.version, g.checked, g.problems FROM sources AS s LEFT JOIN graphs AS g"
            " ON g.graph = s.graph WHERE s.source = ? AND s.size = ? AND s.mtime_ns = ?",
            (source, *signature)).fetchone()
        if row is None:
            return None, False
        return row[0], _fits(row[1:] if row[1] is not None else None, version, checked, strict)

    def saw_again(self, source: str) -> None:
        """:meth:`saw` for a source :meth:`known_file` found as it was recorded (same text, same file
        signature): only its run changes, written with others in one statement."""
        self._again.append((self.run, source))
        if len(self._again) >= _AGAIN_BATCH:
            self._write_again()

    def saw_settled(self, listing: Path) -> None:
        """:meth:`saw_again` of every file that a build's listing (:mod:`kg.building.settled`) has as recorded."""
        self.commit()
        self._db.execute("ATTACH DATABASE ? AS settled", (str(listing),))
        try:
            self._db.execute("UPDATE sources SET run = ? WHERE source IN"
                             " (SELECT source FROM settled.files WHERE graph IS NOT NULL)", (self.run,))
            self._db.commit()
        finally:
            self._db.execute("DETACH DATABASE settled")

    def _write_again(self) -> None:
        if self._again:
            self._db.executemany("UPDATE sources SET run = ? WHERE source = ?", self._again)
            self._again.clear()

    def saw(self, source: str, graph: str, signature: tuple[int, int] | None = None) -> None:
        """``source`` gives ``graph`` now; the graph it gave before, if another, may have to go.

        ``signature`` is the file's (size, mtime_ns) when it was read: the next
        build takes a file with the same signature as unchanged without reading
        it, as git and make do.  Pass None when the file may still be changing
        within the clock's resolution, so the next build reads it.
        """
        if source in UNNAMED_SOURCES:
            return
        self._write_again()
        size, mtime = signature or (None, None)
        if self._db.execute("UPDATE sources SET run = ?, size = ?, mtime_ns = ? WHERE source = ? AND graph = ?",
                            (self.run, size, mtime, source, graph)).rowcount:
            return  # the common case of a rebuild: the same source, the same text
        row = self._db.execute("SELECT graph FROM sources WHERE source = ?", (source,)).fetchone()
        if row is not None and row[0] != graph:
            self._replaced.add(row[0])
        self._db.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?)",
                         (source, graph, self.run, size, mtime))
        self._tick()

    def forget_unseen(self) -> None:
        """Forget the sources this run did not give (``--prune``); their graphs become droppable."""
        self._write_again()
        self._replaced.update(g for (g,) in self._db.execute(
            "SELECT DISTINCT graph FROM sources WHERE run != ?", (self.run,)))
        self._db.execute("DELETE FROM sources WHERE run != ?", (self.run,))

    def droppable(self) -> list[str]:
        """Graphs whose source now gives another text (or was pruned) and that no source gives any more."""
        self._write_again()
        out = []
        for graph in sorted(self._replaced):
            if self._db.execute("SELECT 1 FROM sources WHERE graph = ? LIMIT 1", (graph,)).fetchone() is None:
                out.append(graph)
        return out

    def dropped(self, graphs: Iterable[str]) -> None:
        self._db.executemany("DELETE FROM graphs WHERE graph = ?", ((g,) for g in graphs))
        self._tick()

    def _tick(self) -> None:
        """Commit now and then, so an interrupted build keeps most of what it recorded."""
        self._pending += 1
        if self._pending >= 500:
            self.commit()

    def commit(self) -> None:
        self._write_again()
        self._db.commit()
        self._pending = 0

    def close(self) -> None:
        if self._db is not None:
            self.commit()
            self._db.close()
            self._db = None
