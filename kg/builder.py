"""Builds transcripts into a store: read, process, map, write one graph each.

One bad file never stops a batch: its error is collected, the others go on,
and the result says how many failed so the CLI can exit non-zero.  Each
transcript's graph is written in one transaction, so an interrupted build
leaves every graph either whole or absent.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from kg.errors import KgError
from kg.layout import write_transcript
from kg.mapping import DEFAULT_BASE, map_document, meeting_node, reference_triples
from kg.model import Document, Transcript
from kg.pipeline import DEFAULT_PIPELINE, process
from kg.reader import iter_paths, read_all
from kg.store import Store

#: called after each transcript with (transcripts done so far, files in the batch, source)
Progress = Callable[[int, int, str], None]
#: checks a mapped graph before it is written; returns problems (empty when it conforms)
GraphCheck = Callable[[Document, object], Sequence[str]]

REFERENCE_GRAPH = "graph/reference"


@dataclass
class BuildResult:
    """What a build did, for the closing summary line.

    ``meetings`` counts distinct meeting IRIs written, as ``kg stats`` counts them in the store,
    not transcripts that report a meeting: ``joined`` says how many transcripts reported a
    meeting another transcript (of this build or already in the store) reported first.
    ``undated`` counts transcripts with neither a publication date nor a meeting date.
    """

    read: int = 0
    built: int = 0
    skipped: int = 0
    failed: int = 0
    meetings: int = 0
    joined: int = 0
    undated: int = 0
    triples: int = 0
    seconds: float = 0.0
    errors: list[KgError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meeting_iris: set[str] = field(default_factory=set, repr=False)
    graphs: list[str] = field(default_factory=list, repr=False)  # written, for the build's provenance
    store_had_graphs: bool = field(default=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> str:
        joined = f" ({self.joined} transcripts joined an existing meeting)" if self.joined else ""
        undated = f", {self.undated} without a date" if self.undated else ""
        return (f"read {self.read}, built {self.built}, skipped {self.skipped}, failed {self.failed}, "
                f"meetings {self.meetings}{joined}, triples {self.triples}{undated}, {self.seconds:.1f} s")


@dataclass
class _Prepared:
    """One transcript made ready for the store: its graph and triples, or why it failed."""

    source: str
    graph: object = None
    triples: list = field(default_factory=list)
    shared: list = field(default_factory=list)  # for the entities graph (kg.layout)
    meeting: str | None = None  # the IRI of the meeting it reports
    dated: bool = False
    problems: list[str] = field(default_factory=list)
    error: KgError | None = None


def _prepare(item: Transcript, format: str | None, pipeline: Sequence[str], base: str,
             check: GraphCheck | None) -> _Prepared:
    """Everything but the write: parse, extract, map and check (runs in a worker process)."""
    try:
        doc = process(item, format, pipeline)
        mapped = map_document(doc, base)
        problems = list(check(doc, mapped)) if check else []
    except KgError as exc:
        return _Prepared(item.source, error=exc)
    meeting = meeting_node(doc, base)
    dated = bool(doc.date or item.date or (doc.meeting and doc.meeting.date))
    return _Prepared(item.source, mapped.graph, mapped.triples, mapped.shared,
                     meeting.value if meeting else None, dated, problems)


# State of a worker process: the options of its build and its own check, made once per worker
# because a validator holds compiled shapes that cannot be sent between processes.
_worker: dict[str, object] = {}


def _init_worker(format: str | None, pipeline: Sequence[str], base: str,
                 check_factory: Callable[[], GraphCheck] | None) -> None:
    _worker.update(format=format, pipeline=tuple(pipeline), base=base,
                   check=check_factory() if check_factory else None)


def _prepare_in_worker(item: Transcript) -> _Prepared:
    return _prepare(item, _worker["format"], _worker["pipeline"], _worker["base"], _worker["check"])


def _distinct(transcripts: Iterable[Transcript | KgError], result: BuildResult,
              tally: Callable[[str], None]) -> Iterator[Transcript]:
    """Transcripts to build: unreadable files are counted as failed, repeats of a text as skipped."""
    seen: set[str] = set()
    for item in transcripts:
        if isinstance(item, KgError):
            result.failed += 1
            result.errors.append(item)
            tally(getattr(item, "source", "?"))
            continue
        result.read += 1
        if item.sha256 in seen:
            result.skipped += 1
            tally(item.source)
            continue
        seen.add(item.sha256)
        yield item


def build_transcripts(transcripts: Iterable[Transcript | KgError], store: Store, *,
                      base: str = DEFAULT_BASE, format: str | None = None,
                      pipeline: Sequence[str] = DEFAULT_PIPELINE, total: int = 0,
                      progress: Progress | None = None,
                      check_factory: Callable[[], GraphCheck] | None = None,
                      strict: bool = False, jobs: int = 1) -> BuildResult:
    """Processes and stores each transcript; errors are collected, not raised.

    A transcript whose text was already built in this batch (same sha256) is
    skipped.  ``check_factory`` makes the check run on each mapped graph
    before it is written: with ``strict`` a graph with problems is not
    written and counts as failed; without, it is written and its problems are
    kept as warnings.  With ``jobs`` > 1, parsing, extraction, mapping and
    checks run in that many worker processes; writes stay in this process, in
    input order, one transaction per graph.
    """
    from pyoxigraph import NamedNode

    from kg.metadata import now

    result = BuildResult()
    started = time.perf_counter()
    started_at = now()
    done = 0

    def tally(source: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total, source)

    result.store_had_graphs = any(g.value != base + REFERENCE_GRAPH for g in store.graphs())
    store.replace_graph(NamedNode(base + REFERENCE_GRAPH), reference_triples(base))
    todo = _distinct(transcripts, result, tally)
    if total and total < 4 * jobs:
        jobs = 1  # starting workers costs more than a handful of transcripts
    if jobs > 1:
        import multiprocessing

        context = multiprocessing.get_context("spawn" if os.name != "posix" else "fork")
        with context.Pool(jobs, _init_worker, (format, tuple(pipeline), base, check_factory)) as pool:
            for prepared in pool.imap(_prepare_in_worker, todo, chunksize=4):
                _store_one(prepared, store, result, strict)
                tally(prepared.source)
    else:
        check = check_factory() if check_factory else None
        for item in todo:
            prepared = _prepare(item, format, pipeline, base, check)
            _store_one(prepared, store, result, strict)
            tally(prepared.source)
    if result.built:  # links between commitments of different transcripts: rewritten whole, as facts changed
        from kg.followup import link_followups
        link_followups(store, base)
    _record_build(store, base, pipeline, started_at, result)
    result.seconds = time.perf_counter() - started
    return result


def _record_build(store: Store, base: str, pipeline: Sequence[str], started_at, result: BuildResult) -> None:
    """This build as a prov:Activity, and the dataset description redone (:mod:`kg.metadata`).

    A build that wrote no graph changed nothing, and leaves the store as it was.
    """
    if not result.graphs:
        return
    from kg import __version__
    from kg.metadata import BuildRecord, now, write_metadata
    from kg.pipeline import READERS, pipeline_for

    reader = next((name for name in READERS if pipeline_for(name) == tuple(pipeline)), "custom")
    write_metadata(store, BuildRecord(started_at, now(), reader, __version__, result.graphs), base)


def _store_one(prepared: _Prepared, store: Store, result: BuildResult, strict: bool) -> None:
    """Writes one prepared graph (or records why not) and counts it."""
    error = prepared.error
    if error is None and prepared.problems and strict:
        more = len(prepared.problems) - 1
        error = KgError(f"{prepared.source}: graph does not conform: {prepared.problems[0]}"
                        + (f" (and {more} more)" if more else ""))
    if error is None:
        try:
            if prepared.meeting:
                _count_meeting(prepared, store, result)
            write_transcript(store, prepared.graph, prepared.triples, prepared.shared)
            result.graphs.append(prepared.graph.value)
        except KgError as exc:
            error = exc
    if error is not None:
        result.failed += 1
        result.errors.append(error)
        return
    result.warnings.extend(f"{prepared.source}: {p}" for p in prepared.problems)
    result.built += 1
    result.undated += int(not prepared.dated)
    result.triples += len(prepared.triples) + len(prepared.shared)


def _count_meeting(prepared: _Prepared, store: Store, result: BuildResult) -> None:
    """Counts a new meeting, or a transcript joining one already built (in this batch or before)."""
    from pyoxigraph import NamedNode

    iri = prepared.meeting
    if iri in result.meeting_iris:
        result.joined += 1
        return
    result.meeting_iris.add(iri)
    result.meetings += 1
    if result.store_had_graphs and _reported_elsewhere(store, NamedNode(iri), prepared.graph):
        result.joined += 1


def _reported_elsewhere(store: Store, meeting, graph) -> bool:
    """Whether a transcript of another graph already reports ``meeting`` (a rebuilt transcript is not another)."""
    return bool(store.query(f"""ASK {{ {meeting} irkg:reportedIn ?t .
        FILTER NOT EXISTS {{ GRAPH {graph} {{ ?t a irkg:Transcript }} }} }}"""))


def build(inputs: Sequence[str], store: Store, **options) -> BuildResult:
    """Builds every transcript found at ``inputs`` (files, folders, globs, ``-``) into ``store``."""
    total = sum(1 for _ in iter_paths(inputs))
    return build_transcripts(read_all(inputs), store, total=total, **options)
