"""What a build does with one page before the writer takes it: parse, extract, map and check it.

This runs in a build's worker processes (or in the writer for a handful of
pages, or on a Dask cluster); the writer (:mod:`kg.building.builder`) only
writes what comes back.  A worker keeps its options and its graph check (a
validator's compiled shapes, which cannot be sent between processes) in
:data:`_worker`, made once per process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Sequence

from kg.errors import KgError
from kg.extract.pipeline import process
from kg.model import Document, Transcript
from kg.rdf.mapping import map_document, meeting_node, publication_bounds
from kg.rdf.wire import pack, unpack

#: checks a mapped graph before it is written; returns problems (empty when it conforms)
GraphCheck = Callable[[Document, object], Sequence[str]]


@dataclass
class Prepared:
    """One transcript made ready for the store: its graph and triples, or why it failed."""

    source: str
    graph: object = None
    triples: list = field(default_factory=list)
    shared: list = field(default_factory=list)  # for the entities graph (kg.store.layout)
    meeting: str | None = None  # the IRI of the meeting it reports
    dated: bool = False
    windowed: bool = False  # no exact date, but a window of publication days (kg.rdf.mapping.publication_bounds)
    problems: list[str] = field(default_factory=list)
    error: KgError | None = None

    def __getstate__(self) -> dict:  # from a worker to the writer: triples as N-Triples (kg.rdf.wire)
        return {**self.__dict__, "triples": pack(self.triples), "shared": pack(self.shared)}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, triples=unpack(state["triples"]), shared=unpack(state["shared"]))


def prepare(item: Transcript, format: str | None, pipeline: Sequence[str], base: str,
             check: GraphCheck | None) -> Prepared:
    """Everything but the write: parse, extract, map and check (runs in a worker process)."""
    try:
        doc = process(item, format, pipeline)
        mapped = map_document(doc, base)
        problems = list(check(doc, mapped)) if check else []
    except KgError as exc:
        return Prepared(item.source, error=exc)
    meeting = meeting_node(doc, base)
    dated = bool(doc.date or item.date or (doc.meeting and doc.meeting.date))
    windowed = not dated and publication_bounds(doc) is not None
    return Prepared(item.source, mapped.graph, mapped.triples, mapped.shared,
                     meeting.value if meeting else None, dated, windowed, problems)


# State of a worker process: the options of its build and its own check, made once per worker
# because a validator holds compiled shapes that cannot be sent between processes.
_worker: dict[str, object] = {}


def init_worker(format: str | None, pipeline: Sequence[str], base: str,
                 check_factory: Callable[[], GraphCheck] | None) -> None:
    _worker.update(format=format, pipeline=tuple(pipeline), base=base,
                   check=check_factory() if check_factory else None)


def start_worker(*options) -> None:
    """The first worker's start: :func:`init_worker` with what its pages will load loaded at once
    (:mod:`kg.building.warm`); the other workers are forked from it after (:mod:`kg.building.workers`)."""
    from kg.building.warm import warm_up

    warm_up(options[1], lambda: init_worker(*options))


def prepare_in_worker(item: Transcript) -> Prepared:
    return prepare(item, _worker["format"], _worker["pipeline"], _worker["base"], _worker["check"])


#: environment a remote worker must share with the build: limits and another model file
SHARED_ENV = ("KG_MAX_FILE_MB", "KG_MAX_TEXT_MB", "KG_MAX_TURNS", "IRKG_READER_MODEL")


def prepare_remotely(options: tuple, environment: dict[str, str], item: Transcript) -> Prepared:
    """A task of a cluster worker: the build's options come with every task (they are small), so a
    worker that joins late needs no set-up; its check is made once per worker and options."""
    os.environ.update(environment)
    if _worker.get("options") != options:
        init_worker(*options)
        _worker["options"] = options
    return prepare_in_worker(item)
