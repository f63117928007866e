"""Builds transcripts into a store: read, process, map, write one graph each.

One bad file never stops a batch: its error is collected, the others go on,
and the result says how many failed so the CLI can exit non-zero.  Each
transcript's graph is written in one transaction, so an interrupted build
leaves every graph either whole or absent.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from kg.errors import KgError
from kg.mapping import DEFAULT_BASE, map_document, reference_triples
from kg.model import Document, Transcript
from kg.pipeline import DEFAULT_PIPELINE, process
from kg.read import iter_paths, read_all
from kg.store import Store

#: called after each transcript with (transcripts done so far, files in the batch, source)
Progress = Callable[[int, int, str], None]
#: checks a mapped graph before it is written; returns problems (empty when it conforms)
GraphCheck = Callable[[Document, object], Sequence[str]]

REFERENCE_GRAPH = "graph/reference"


@dataclass
class BuildResult:
    """What a build did, for the closing summary line."""

    read: int = 0
    built: int = 0
    skipped: int = 0
    failed: int = 0
    meetings: int = 0
    triples: int = 0
    seconds: float = 0.0
    errors: list[KgError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> str:
        return (f"read {self.read}, built {self.built}, skipped {self.skipped}, failed {self.failed}, "
                f"meetings {self.meetings}, triples {self.triples}, {self.seconds:.1f} s")


def build_transcripts(transcripts: Iterable[Transcript | KgError], store: Store, *,
                      base: str = DEFAULT_BASE, format: str | None = None,
                      pipeline: Sequence[str] = DEFAULT_PIPELINE, total: int = 0,
                      progress: Progress | None = None, check: GraphCheck | None = None,
                      strict: bool = False) -> BuildResult:
    """Processes and stores each transcript; errors are collected, not raised.

    A transcript whose text was already built in this batch (same sha256) is
    skipped.  With ``check`` and ``strict``, a graph with problems is not
    written and counts as failed; without ``strict`` it is written and its
    problems are kept as warnings.
    """
    from pyoxigraph import NamedNode

    result = BuildResult()
    started = time.perf_counter()
    seen: set[str] = set()
    store.replace_graph(NamedNode(base + REFERENCE_GRAPH), reference_triples(base))
    for done, item in enumerate(transcripts, start=1):
        if isinstance(item, KgError):
            result.failed += 1
            result.errors.append(item)
            if progress:
                progress(done, total, getattr(item, "source", "?"))
            continue
        result.read += 1
        if item.sha256 in seen:
            result.skipped += 1
            if progress:
                progress(done, total, item.source)
            continue
        seen.add(item.sha256)
        try:
            doc = process(item, format, pipeline)
            mapped = map_document(doc, base)
            problems = list(check(doc, mapped)) if check else []
            if problems and strict:
                raise KgError(f"{item.source}: graph does not conform: {problems[0]}"
                              + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
            result.warnings.extend(f"{item.source}: {p}" for p in problems)
            store.replace_graph(mapped.graph, mapped.triples)
        except KgError as exc:
            result.failed += 1
            result.errors.append(exc)
        else:
            result.built += 1
            result.meetings += int(doc.is_meeting)
            result.triples += len(mapped.triples)
        if progress:
            progress(done, total, item.source)
    result.seconds = time.perf_counter() - started
    return result


def build(inputs: Sequence[str], store: Store, **options) -> BuildResult:
    """Builds every transcript found at ``inputs`` (files, folders, globs, ``-``) into ``store``."""
    paths = list(iter_paths(inputs))
    return build_transcripts(read_all(paths), store, total=len(paths), **options)
