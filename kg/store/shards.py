"""A folder of gzip N-Quads shards, for the bulk loaders of large stores, that appears whole or not at all.

Oxigraph's ``load``, Virtuoso's ``ld_dir`` + ``rdf_loader_run()`` and QLever's
index builder read N-Quads files, several at once, far faster than any
store takes graphs one update at a time.  :class:`ShardWriter` writes lines
of N-Quads into ``part-00000.nq.gz``, ``part-00001.nq.gz``... of at most
``size`` quads each, and a ``manifest.json`` naming each shard with its quads,
bytes and SHA-256.

Everything is written into a hidden folder beside the target
(``.NAME.XXXX.partial``) and renamed to the target by :meth:`ShardWriter.commit`,
so a loader, or a person, never sees half a build: an interrupted or failed
build leaves the target as it was (absent, empty, or the shards of an
earlier build) and :meth:`ShardWriter.abort` removes the partial folder.
The writer knows nothing of transcripts: it counts lines.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import StoreError

#: quads per shard unless told otherwise: 1,000,000 quads of ours are about 25 MB of gzip
SHARD_SIZE = 1_000_000
MANIFEST = "manifest.json"
PATTERN = "part-{:05d}.nq.gz"
MEDIA_TYPE = "application/n-quads"
#: lines compressed at a time
_BATCH = 4096


@dataclass
class Shard:
    """One written shard, as the manifest lists it."""

    file: str
    quads: int = 0
    bytes: int = 0
    sha256: str = ""


class _Counting:
    """A binary file that hashes and counts what goes through it (the gzip stream's bytes)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.digest, self.size = raw, hashlib.sha256(), 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()


class ShardWriter:
    """Writes N-Quads lines into numbered gzip shards in a partial folder, renamed to ``folder`` on commit.

    ``folder`` must be new, empty, or the output of an earlier writer (which
    :meth:`commit` replaces); anything else is refused before a byte is written.
    """

    def __init__(self, folder: str | Path, size: int = SHARD_SIZE) -> None:
        if not isinstance(size, int) or size < 1:
            raise StoreError(f"shard size {size!r}: give a whole number of quads, 1 or more")
        self.folder, self.size = Path(os.path.abspath(folder)), size  # "." has a parent to write beside
        if not self.folder.name:
            raise StoreError(f"{folder}: give a folder below the root for the shards")
        _check_target(self.folder)
        try:
            self.folder.parent.mkdir(parents=True, exist_ok=True)
            self.work = _new_folder(self.folder.parent, f".{self.folder.name}.{{}}.partial")
        except OSError as error:
            raise StoreError(f"{self.folder}: cannot write the shards here: {error.strerror or error}") from None
        self.shards: list[Shard] = []
        self._file: BinaryIO | None = None
        self._gzip: gzip.GzipFile | None = None
        self._counter: _Counting | None = None
        self.closed = False

    def __repr__(self) -> str:
        return f"ShardWriter({str(self.folder)!r}, size={self.size})"

    @property
    def quads(self) -> int:
        return sum(shard.quads for shard in self.shards)

    def write(self, lines: Iterable[str]) -> tuple[int, int]:
        """Append N-Quads lines (each ending in `` .\\n``); returns the first and last shard they went to.

        A shard is full at ``size`` lines and the next one begins; ``(-1, -1)`` when ``lines`` is empty.
        """
        first = last = -1
        batch: list[str] = []
        for line in lines:
            if self._gzip is None or self.shards[-1].quads == self.size:
                self._put(batch)
                self._open_next()
            batch.append(line)
            if len(batch) == _BATCH:  # a long stream (the ledger at the end) is never held whole
                self._put(batch)
            self.shards[-1].quads += 1
            last = len(self.shards) - 1
            first = last if first < 0 else first
        self._put(batch)
        return first, last

    def _put(self, batch: list[str]) -> None:
        if batch:
            self._gzip.write("".join(batch).encode("utf-8"))
            batch.clear()

    def _open_next(self) -> None:
        self._close_current()
        self.shards.append(Shard(PATTERN.format(len(self.shards))))
        self._file = open(self.work / self.shards[-1].file, "wb")
        self._counter = _Counting(self._file)
        # no name and mtime 0 in the header: the same quads give the same bytes
        self._gzip = gzip.GzipFile(filename="", mode="wb", fileobj=self._counter, mtime=0)

    def _close_current(self) -> None:
        if self._gzip is None:
            return
        self._gzip.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        self.shards[-1].bytes, self.shards[-1].sha256 = self._counter.size, self._counter.digest.hexdigest()
        self._gzip = self._file = self._counter = None

    def drop_lines(self, shards: Iterable[int], unwanted: Callable[[str], bool]) -> int:
        """Rewrite the given finished shards without the lines ``unwanted`` picks; returns how many went.

        For what a build takes back after writing it (rare: two inputs of one
        name); the lines that stay keep their order.
        """
        self._close_current()
        dropped = 0
        for index in sorted(set(shards)):
            shard = self.shards[index]
            path = self.work / shard.file
            with gzip.open(path, "rt", encoding="utf-8", newline="\n") as stream:
                kept = [line for line in stream if not unwanted(line)]
            dropped += shard.quads - len(kept)
            data = gzip.compress("".join(kept).encode("utf-8"), mtime=0)
            path.write_bytes(data)
            shard.quads, shard.bytes, shard.sha256 = len(kept), len(data), hashlib.sha256(data).hexdigest()
        return dropped

    def commit(self, extra: dict | None = None) -> dict:
        """Finish the last shard, write the manifest and put the folder in place; returns the manifest."""
        if self.closed:
            raise StoreError(f"{self.folder}: the shards are already written or abandoned")
        self._close_current()
        self._renumber()
        manifest = {"format": MEDIA_TYPE, "compression": "gzip", **(extra or {}), "quads": self.quads,
                    "shard_size": self.size, "shards": [asdict(s) for s in self.shards]}
        (self.work / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        _put_in_place(self.work, self.folder)
        self.closed = True
        return manifest

    def _renumber(self) -> None:
        """Shards emptied by :meth:`drop_lines` go; the others are numbered again from 0."""
        for shard in [s for s in self.shards if s.quads == 0]:
            (self.work / shard.file).unlink()
        self.shards = [s for s in self.shards if s.quads]
        for index, shard in enumerate(self.shards):
            name = PATTERN.format(index)
            if name != shard.file:
                os.replace(self.work / shard.file, self.work / name)
                shard.file = name

    def abort(self) -> None:
        """Remove the partial folder; the target stays as it was."""
        if self.closed:
            return
        self.closed = True
        if self._gzip is not None:
            self._file.close()
            self._gzip = self._file = self._counter = None
        shutil.rmtree(self.work, ignore_errors=True)


def is_shard_folder(folder: Path) -> bool:
    """Whether ``folder`` holds the output of a :class:`ShardWriter` and nothing else."""
    names = {p.name for p in folder.iterdir()}
    if MANIFEST not in names:
        return False
    try:
        listed = {s["file"] for s in json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["shards"]}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return names == listed | {MANIFEST}


def _new_folder(parent: Path, pattern: str) -> Path:
    """A new folder named ``pattern`` with a random part, made with the usual permissions (the umask's)."""
    while True:
        path = parent / pattern.format(secrets.token_hex(4))
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue


def _check_target(folder: Path) -> None:
    """Refuse a file, or a folder holding anything but an earlier writer's shards (never delete others' files)."""
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file: give a new or empty folder for the shards")
    if folder.is_dir() and any(folder.iterdir()) and not is_shard_folder(folder):
        raise StoreError(f"{folder}: not empty and not shards written by kg build --out: "
                         "give a new or empty folder")


def _put_in_place(work: Path, folder: Path) -> None:
    """Rename the finished folder to its name; an earlier one is moved aside first and then removed."""
    _check_target(folder)  # as at the start: nobody put other files there meanwhile
    aside = None
    if folder.exists():
        aside = _new_folder(folder.parent, f".{folder.name}.{{}}.old")
        os.replace(folder, aside / folder.name)
    try:
        os.replace(work, folder)
    except OSError:
        if aside is not None:  # put the earlier shards back rather than leave nothing
            os.replace(aside / folder.name, folder)
            aside.rmdir()
        raise
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)
    _sync_folder(folder.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a system without directory handles just skips it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
