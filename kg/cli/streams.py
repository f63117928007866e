"""The streams of the ``kg`` command: the output (stdout or a file written whole) and progress on stderr.

:class:`Output` is the one context manager every command writes its data
through; :class:`Progress` draws a bar on stderr only when stderr is a
terminal, so a piped run carries nothing but data.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import IO, Any

from kg.errors import KgError

# C0 and C1 controls but newline and tab: a transcript's ESC sequences must not drive the terminal
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters shown as ``\\x1b`` escapes instead of sent raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class OutputError(KgError):
    """The output file cannot be written (no such folder, disk full, not allowed)."""


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, done: int, total: int, source: str) -> None:
        if not self.enabled:
            return
        if total and done <= total:
            width = 30
            filled = int(width * done / total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        else:
            bar = f"{done} done"
        name = source[-40:]
        sys.stderr.write(f"\r{bar} {name:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 90 + "\r")
            sys.stderr.flush()


class Output:
    """Where a command's data goes: stdout, or a file that appears whole or not at all.

    A file is written under a temporary name in its folder and renamed over
    ``path`` on success, so a full disk or an error half-way leaves the old
    file (or none), never a truncated one.  Devices and FIFOs (``/dev/full``,
    ``/dev/stdout``) are written directly.  Write errors become one
    :class:`OutputError` naming the file.  Use it as a context manager.
    """

    def __init__(self, path: str | None, binary: bool = False) -> None:
        self.path = None if path in (None, "-") else path
        self.binary = binary
        self._temp: str | None = None
        if self.path is None:
            self._file: IO[Any] = sys.stdout.buffer if binary else sys.stdout
            return
        mode = "wb" if binary else "w"
        kwargs = {} if binary else {"encoding": "utf-8", "newline": ""}
        try:
            if _is_special(self.path):
                self._file = open(self.path, mode, **kwargs)
                return
            folder = Path(self.path).parent
            if not folder.is_dir():
                raise OutputError(f"{self.path}: cannot write: folder {str(folder)!r} does not exist")
            import tempfile  # here, not at the top: every command imports this module, few write files

            fd, self._temp = tempfile.mkstemp(dir=folder, prefix=f".{Path(self.path).name}.", suffix=".part")
            os.chmod(self._temp, 0o666 & ~_umask())  # mkstemp makes 0600; a plain open would not
            self._file = os.fdopen(fd, mode, **kwargs)
        except OSError as error:
            raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from None

    def write(self, data: Any) -> int:
        try:
            return self._file.write(data)
        except BrokenPipeError:
            raise  # `kg query | head`: the reader has all it wants; the CLI exits quietly
        except OSError as error:
            self.discard()
            raise OutputError(f"{self.path or 'stdout'}: cannot write: {error.strerror or error}") from None

    def flush(self) -> None:
        try:
            self._file.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            self.discard()
            raise OutputError(f"{self.path or 'stdout'}: cannot write: {error.strerror or error}") from None

    def close(self) -> None:
        """Finish: flush, then put the file in place (stdout is only flushed)."""
        if self.path is None:
            self.flush()
            return
        if self._file.closed:
            return
        try:
            self._file.flush()
            if self._temp is not None:
                os.fsync(self._file.fileno())
            self._file.close()
            if self._temp is not None:
                os.replace(self._temp, self.path)
                self._temp = None
        except OSError as error:
            self.discard()
            raise OutputError(f"{self.path}: cannot write: {error.strerror or error}") from None

    def discard(self) -> None:
        """Drop a half-written file: the temporary goes, ``path`` is left as it was."""
        if self.path is not None and not self._file.closed:
            try:
                self._file.close()
            except OSError:
                pass
        if self._temp is not None:
            try:
                os.unlink(self._temp)
            except OSError:
                pass
            self._temp = None

    def __enter__(self) -> Output:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _is_special(path: str) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def open_output(path: str | None, binary: bool = False) -> Output:
    """stdout (its byte buffer when ``binary``) for no path or ``-``, else a file written whole."""
    return Output(path, binary)
