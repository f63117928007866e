"""What the in-process page benchmarks share: their arguments, the pages they read, a stopwatch.

``build_bench.py`` and ``reader_bench.py`` take the same ``PATH ... --runs --limit``
arguments and time callables the same way; they import this module by name
(``python benchmarks/X.py`` puts this folder on the path).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from kg.inputs.reader import iter_paths, read_all
from kg.model import Transcript

ROOT = Path(__file__).resolve().parent.parent


def timed(func: Callable[[], object]) -> float:
    """Seconds one call of ``func`` takes."""
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def page_arguments(description: str, limit: int) -> argparse.ArgumentParser:
    """``PATH ...`` (default examples/transcripts), ``--runs`` and ``--limit``; add more before parsing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples" / "transcripts")])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=limit, help="at most this many files")
    return parser


def read_pages(args: argparse.Namespace) -> tuple[list[str], list[Transcript]]:
    """The first ``--limit`` paths and the transcripts read from them (unreadable files left out)."""
    paths = list(iter_paths(args.paths))[: args.limit]
    return paths, [t for t in read_all(paths) if not isinstance(t, Exception)]
