"""Which inputs a build must process, and which it may leave alone.

A transcript whose graph the store already holds as this build would write
it (same text, same reader version: :mod:`kg.building.manifest`) is counted as
unchanged and never parsed; a file whose size and modification time are
those recorded is not even read, as git and make do.  Everything else goes
on to the build, repeats of a text within the batch counted as skipped.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyoxigraph import NamedNode

from kg.errors import KgError
from kg.building.manifest import Manifest
from kg.rdf.mapping import transcript_graph
from kg.model import Transcript
from kg.inputs.paths import STDIN
from kg.inputs.reader import display_name
from kg.store.protocol import Store

if TYPE_CHECKING:
    from kg.building.result import BuildResult
    from kg.building.settled import Settled


@dataclass
class Plan:
    """What decides whether a transcript is built: the record of the store and this build's options."""

    store: Store | None  # None for a build into a sink that starts empty (kg.building.sink)
    manifest: Manifest
    base: str
    version: str
    checked: bool
    strict: bool
    rebuild: bool
    #: read every file, even one whose size and modification time are those recorded
    verify: bool = False
    #: (size, mtime_ns) of the files of transcripts on their way to the store, by source
    signatures: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: the files given that the sealed record answered for, when it did (:mod:`kg.building.settled`)
    settled: Settled | None = None

    def repeat(self, graph: str, seen: Container[str]) -> bool:
        """Whether a file of this batch gave ``graph`` already: one looked at (``seen``), or one as recorded."""
        return graph in seen or (self.settled is not None and self.settled.gives(graph))

    def known_file(self, source: str, signature: tuple[int, int]) -> tuple[str | None, bool]:
        """The graph a file with this signature gave last time, and whether it is :meth:`unchanged`."""
        graph, current = self.manifest.known_file(source, signature, self.version, checked=self.checked,
                                                  strict=self.strict)
        return graph, bool(graph) and not self.rebuild and current and has_graph(self.store, graph)

    def unchanged(self, graph: str) -> bool:
        """Whether the store already holds ``graph`` as this build would write it."""
        return (not self.rebuild
                and self.manifest.current(graph, self.version, checked=self.checked, strict=self.strict)
                and has_graph(self.store, graph))


def has_graph(store: Store | None, graph: str) -> bool:
    """Whether ``store`` holds ``graph``; a build into a sink that starts empty has no store, and no graph."""
    if store is None:
        return False
    raw = getattr(store, "raw", None)
    if raw is not None:
        return raw.contains_named_graph(NamedNode(graph))
    return bool(store.query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))


@dataclass(frozen=True)
class File:
    """A file of one transcript, read only if its size or modification time differ from the record's."""

    path: str
    name: str | None = None  # the name it is published under, relative to the input (kg.inputs.paths)


#: a file modified this recently may change again within the clock's resolution: read it next time too
_SETTLED_NS = 2_000_000_000


def inputs(named: Iterable[tuple[str, str]]) -> Iterator[Transcript | KgError | File]:
    """Each (path, published name) as a file to check first, or (stdin, JSONL: many texts, no one
    signature) read at once."""
    from kg.inputs.reader import read_as

    for path, name in named:
        if path == STDIN or path.lower().endswith(".jsonl"):
            yield from read_as(path, name)
        else:
            yield File(path, name)


def _signature(path: str) -> tuple[int, int] | None:
    """(size, mtime_ns) of a file that has not changed for a while, else None."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if time.time_ns() - info.st_mtime_ns < _SETTLED_NS:
        return None
    return info.st_size, info.st_mtime_ns


def todo(transcripts: Iterable[Transcript | KgError | File], result: BuildResult, plan: Plan,
          tally: Callable[[str], None]) -> Iterator[Transcript]:
    """Transcripts to build: unreadable files count as failed, repeats of a text as skipped,
    and texts whose graph is already in the store as this build would write it as unchanged
    (a file whose size and modification time are those recorded is not even read)."""
    from kg.store.ondisk import DiskSet

    seen = DiskSet()  # graphs of this batch (the graph IRI holds the text's hash), on disk: one a page
    for entry in transcripts:
        signature = None
        if isinstance(entry, File):
            source, signature = entry.name or display_name(entry.path), _signature(entry.path)
            graph, unchanged = plan.known_file(source, signature) if signature and not plan.verify else (None, False)
            repeat = bool(graph) and plan.repeat(graph, seen)  # asked once: each ask is a query of the file
            if repeat or unchanged:
                result.read += 1
                if repeat:
                    result.skipped += 1
                else:
                    seen.add(graph)
                    result.unchanged += 1
                plan.manifest.saw_again(source)  # recorded with this graph and signature: only its run is new
                tally(source)
                continue
            from kg.inputs.reader import read_as

            items: Iterable[Transcript | KgError] = read_as(entry.path, source)
        else:
            items = (entry,)
        for item in items:
            if isinstance(item, KgError):
                result.failed += 1
                result.errors.append(item)
                tally(getattr(item, "source", "?"))
                continue
            result.read += 1
            graph = transcript_graph(item, plan.base).value
            if plan.repeat(graph, seen):
                result.skipped += 1
                plan.manifest.saw(item.source, graph, signature)
                tally(item.source)
                continue
            seen.add(graph)
            if plan.unchanged(graph):
                result.unchanged += 1
                plan.manifest.saw(item.source, graph, signature)
                tally(item.source)
                continue
            if signature:
                plan.signatures[item.source] = signature
            yield item
