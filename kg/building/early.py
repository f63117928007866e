"""The workers of a build into a store directory, started before the build knows it needs them.

A build whose store's record knows many files (:data:`EARLY_FROM`) starts its
workers before it opens the store: the first one loads what pages need
(0.5 CPU-s, :mod:`kg.building.warm`) while this process looks for the pages
to give it.  Nothing of the build is loaded here for them (the builder,
pyoxigraph, the extractors), only in the worker, after it forked.

Started even before the record is asked which files changed
(:mod:`kg.building.nochange`, 0.15 s at 7,000 files), they would be stopped
at once by a build with nothing to do, the commonest one; but on a busy
machine the loading took the CPU that build needed (0.26 -> 0.49 s wall,
0.17 -> 0.33 CPU-s at a load of 5.6).  So they start that early only when a
folder or file given is newer than the record (:func:`likely_work`): files
added, removed or renamed in a folder change its time.  A page edited in
place does not, and its build starts them once the record has said so.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.building.workers import Workers

#: files a store's record knows from which a build starts its workers before it knows how many pages it
#: must build: the first worker loads what pages need while this process looks for them
EARLY_FROM = 1000


def start_early(folder: str, *, jobs: int = 1, scheduler: object | None = None, pipeline=None, base=None,
                format: str | None = None, check_factory=None, **_) -> Workers | None:
    """The workers of a build into the store directory ``folder`` (options as
    :func:`kg.building.builder.build` takes them), started when its record knows many files; else None.
    Give them to the build, or stop them."""
    from kg.building.manifest import known_sources

    if scheduler is not None or jobs < 2 or os.name != "posix" or known_sources(folder) < EARLY_FROM:
        return None
    from kg.building.workers import Workers

    return Workers(_prepare, jobs, initializer=_start, initargs=(format, tuple(pipeline), base, check_factory))


def likely_work(folder: str, inputs: Sequence[str]) -> bool:
    """Whether a folder or file of ``inputs`` changed after the build record of the store directory
    ``folder`` was last written (a hint, never a decision: :mod:`kg.building.nochange` decides); True
    when it cannot tell (no record, a glob, stdin)."""
    from kg.building.manifest import FILE_NAME

    try:
        recorded = os.stat(Path(folder) / FILE_NAME).st_mtime_ns
        return any(os.stat(given).st_mtime_ns > recorded for given in inputs)
    except OSError:
        return True


def _start(*options) -> None:
    """The first worker's start (:func:`kg.building.prepare.start_worker`), what it needs loaded there."""
    from kg.building.prepare import start_worker

    start_worker(*options)


def _prepare(item):
    """A page prepared in a worker (:func:`kg.building.prepare.prepare_in_worker`)."""
    from kg.building.prepare import prepare_in_worker

    return prepare_in_worker(item)
