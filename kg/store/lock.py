"""One lock per store directory, taken by every writer and by ``kg serve``.

Oxigraph's own lock only keeps two *writers* apart: a read-only opening (a
server, ``kg stats``) takes none, and keeps reading the snapshot it opened.
So a build into a store that ``kg serve`` serves would succeed while the
server went on answering from the old data.  This lock closes that gap:
``kg serve`` holds it shared, writers hold it exclusive, and whoever comes
second is told who is there.  Read-only commands take no lock (and write
nothing into the store folder).

The lock is an ``flock`` on ``kg.lock`` in the store folder: released by the
kernel when the process dies, so a SIGKILL never leaves a stale lock.  Where
``fcntl`` is missing (Windows) there is no lock.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import StoreError

LOCK_NAME = "kg.lock"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class StoreLock:
    """An held ``flock`` on a store folder; :meth:`release` (or process exit) lets it go."""

    def __init__(self, folder: str | Path, *, shared: bool, holder: str) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._fd: int | None = None
        if fcntl is None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(f"{folder}: cannot take the store lock {self.path.name}: "
                             f"{error.strerror or error}") from None
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            other = _read_holder(fd)
            os.close(fd)
            raise StoreError(f"{folder}: the store is in use ({other or 'by another kg command'}): "
                             "stop it first, or build into another directory") from None
        self._fd = fd
        if not shared:
            _write_holder(fd, holder)

    @property
    def fd(self) -> int | None:
        """The lock's file descriptor (a server process that ``exec``s keeps it to hold the lock)."""
        return self._fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def serve_lock(folder: str | Path) -> StoreLock:
    """The shared lock ``kg serve`` holds while it serves ``folder``."""
    lock = StoreLock(folder, shared=True, holder="")
    if lock.fd is not None:  # the file is only a hint for the message a writer gets
        _write_holder(lock.fd, "served by kg serve")
    return lock


def _write_holder(fd: int, holder: str) -> None:
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{holder} (pid {os.getpid()})\n".encode(), 0)
    except OSError:
        pass


def _read_holder(fd: int) -> str:
    try:
        lines = os.pread(fd, 4096, 0).decode("utf-8", "replace").splitlines()
    except OSError:
        return ""
    return lines[-1].strip() if lines else ""
