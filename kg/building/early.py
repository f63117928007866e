"""The workers of a build into a store directory, started before the build knows it needs them.

A build whose store's record knows many files (:data:`EARLY_FROM`) starts its
workers first: the first one loads what pages need (0.5 CPU-s,
:mod:`kg.building.warm`) while this process asks the record which files
changed (:mod:`kg.building.nochange`), opens the store and looks for the
pages to give it.  When the record says there is nothing to do, they are
stopped at once, so what they cost that build is their start: nothing of the
build is loaded here for them (the builder, pyoxigraph, the extractors), only
in the worker, after it forked.
"""

from __future__ import annotations

import os
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


def _start(*options) -> None:
    """The first worker's start (:func:`kg.building.prepare.start_worker`), what it needs loaded there."""
    from kg.building.prepare import start_worker

    start_worker(*options)


def _prepare(item):
    """A page prepared in a worker (:func:`kg.building.prepare.prepare_in_worker`)."""
    from kg.building.prepare import prepare_in_worker

    return prepare_in_worker(item)
