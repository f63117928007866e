"""Size limits on what one input may hold, so a hostile or broken file fails in a second.

Reading is linear, but parsing and extraction are not free: a 200 MB text
file or a 10,000-turn transcript would run for hours and take gigabytes
before anything was said.  Real transcripts are far below every limit here
(the largest kremlin.ru page is about 1.3 MB and 550 turns), so the defaults
only ever stop inputs that are not transcripts; each has a ``kg build``
option (and an environment variable, which worker processes inherit) to
raise it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

MB = 1024 * 1024

#: environment variables that carry the limits to worker processes
FILE_ENV, TEXT_ENV, TURNS_ENV = "KG_MAX_FILE_MB", "KG_MAX_TEXT_MB", "KG_MAX_TURNS"


@dataclass(frozen=True)
class Limits:
    """The most one input may hold; the options that raise each are named in the errors."""

    file_bytes: int = 100 * MB  # one input file (a JSONL file holds many transcripts)
    text_bytes: int = 5 * MB  # one transcript: a file's text or one JSONL record
    turns: int = 3000  # speaker turns in one transcript

    def too_big_file(self, size: int) -> str | None:
        if size > self.file_bytes:
            return (f"file is {_size(size)}, over the {_size(self.file_bytes)} limit "
                    "(raise it with --max-file-mb)")
        return None

    def too_big_text(self, size: int, what: str = "transcript") -> str | None:
        if size > self.text_bytes:
            return (f"{what} is {_size(size)}, over the {_size(self.text_bytes)} limit for one "
                    "transcript (raise it with --max-text-mb)")
        return None

    def too_many_turns(self, turns: int) -> str | None:
        if turns > self.turns:
            return (f"{turns} speaker turns, over the limit of {self.turns} for one transcript "
                    "(raise it with --max-turns)")
        return None


def _size(n: int) -> str:
    """``200 MB``, ``5 MB``, ``1.5 KB``: sizes as people read them."""
    if n >= MB:
        return f"{n / MB:.1f}".removesuffix(".0") + " MB"
    return f"{n / 1024:.1f}".removesuffix(".0") + " KB"


def _number(text: str | None, default: float) -> float:
    try:
        value = float(text or "")
    except ValueError:
        return default
    return value if value > 0 else default


def current() -> Limits:
    """The limits in force: the defaults, raised or lowered by the environment."""
    environ = os.environ
    return _limits(environ.get(FILE_ENV), environ.get(TEXT_ENV), environ.get(TURNS_ENV))


@lru_cache(maxsize=16)
def _limits(file_mb: str | None, text_mb: str | None, turns: str | None) -> Limits:
    """Limits from the environment's values; cached, since every file read asks (twice)."""
    base = Limits()
    return Limits(file_bytes=int(_number(file_mb, base.file_bytes / MB) * MB),
                  text_bytes=int(_number(text_mb, base.text_bytes / MB) * MB),
                  turns=int(_number(turns, base.turns)))


def set_limits(file_mb: float | None = None, text_mb: float | None = None, turns: int | None = None) -> None:
    """Set limits for this process and the workers it starts (the CLI's options)."""
    for name, value in ((FILE_ENV, file_mb), (TEXT_ENV, text_mb), (TURNS_ENV, turns)):
        if value is not None:
            os.environ[name] = str(value)
