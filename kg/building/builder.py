"""Builds transcripts into a store: read, process, map, write one graph each.

One bad file never stops a batch: its error is collected, the others go on,
and the result says how many failed so the CLI can exit non-zero.  Each
transcript's graph is written in one transaction, so an interrupted build
leaves every graph either whole or absent.
"""

from __future__ import annotations

import itertools
import os
import time
from typing import Callable, Iterable, Iterator, Sequence

from kg.building import incremental
from kg.building.early import EARLY_FROM
from kg.rdf import namespace as ns
from kg.errors import KgError
from kg.building.incremental import Plan, has_graph
from kg.building.manifest import Manifest, model_file, reader_version, recorded_sources
from kg.building.result import BuildResult
from kg.building.settled import Settled
from kg.building.sink import Sink, sink_for
from kg.building.prepare import (SHARED_ENV, GraphCheck, prepare, prepare_in_worker, prepare_remotely,
                                 Prepared, start_worker)
from kg.rdf.mapping import DEFAULT_BASE
from kg.rdf.reference import reference_triples
from kg.model import Transcript
from kg.extract.pipeline import DEFAULT_PIPELINE
from kg.store.protocol import Store

#: called after each transcript with (transcripts done so far, files in the batch, source)
Progress = Callable[[int, int, str], None]

#: graphs written between two flushes of an on-disk store: Oxigraph keeps every write in memory until a flush,
#: RocksDB what it read until reopened; without both (StoreSink.flush) a build's memory grew with the corpus
FLUSH_EVERY = 200
#: triples written between two flushes at most (unless one graph has more): a long transcript's write
#: takes its memory on top of what the window holds, so it starts a window of its own
FLUSH_TRIPLES = 10_000


def build_transcripts(transcripts: Iterable[Transcript | KgError], store: Store | Sink, *,
                      base: str = DEFAULT_BASE, format: str | None = None,
                      pipeline: Sequence[str] = DEFAULT_PIPELINE, total: int = 0,
                      progress: Progress | None = None, check_factory: Callable[[], GraphCheck] | None = None,
                      strict: bool = False, jobs: int = 1, rebuild: bool = False, prune: bool = False,
                      manifest: Manifest | None = None, scheduler: object | None = None, verify: bool = False,
                      version: str | None = None, workers=None, settled: Settled | None = None) -> BuildResult:
    """Processes and stores each transcript; errors are collected, not raised.

    A transcript whose text was already built in this batch (same sha256) is skipped, and so is one whose
    graph the store holds as this build would write it (same text, same reader version: :mod:`kg.building.manifest`;
    ``version`` when the caller knows it, :func:`kg.building.nochange.sealed_version`) unless ``rebuild``.
    A source whose text changed has its old graph dropped; ``prune`` drops the graphs of sources built
    before and not given now; ``verify`` reads every file, even one whose size and time are recorded.
    ``check_factory`` makes the check run on each mapped graph before it is written: with ``strict`` a graph
    with problems is not written and counts as failed; without, it is written and its problems kept as warnings.
    ``jobs`` and ``scheduler`` say where preparing runs (:func:`_prepare_all`); writes stay in this process, in
    input order (batched into a store with no transcript, :mod:`kg.building.bulk`); ``store`` may be a sink.
    ``workers`` were started by :func:`build` before it listed the files (stopped here when done); ``settled``:
    the files the sealed record answered for, counted here, not among ``transcripts`` (:mod:`kg.building.settled`).
    """
    from kg.store.metadata import now

    result = BuildResult()
    started = time.perf_counter()
    started_at = now()
    done = itertools.count(1 + (settled.matched if settled else 0))  # the settled files count first

    def tally(source: str) -> None:
        if progress:
            progress(next(done), total, source)

    sink, store = _sink_of(store, rebuild, prune, manifest)
    manifest, own_manifest = _open_manifest(store, manifest)
    options = (format, tuple(pipeline), base, check_factory)
    try:
        if settled is not None:
            settled.count(result, manifest)
        new = total - manifest.source_count()  # at least this many files the store has never seen
        workers = workers or _start_workers(options, jobs, scheduler, new, total)
        plan = Plan(store, manifest, base, version or reader_version(tuple(pipeline), format, model_file(pipeline)),
                     check_factory is not None, strict, rebuild, verify=verify, settled=settled)
        result.store_had_graphs = _store_holds_transcripts(sink, store, base)
        _write_reference(plan, sink)
        todo = incremental.todo(transcripts, result, plan, tally)
        _write_all(_prepare_all(todo, options, jobs, scheduler, new, workers), sink, result, plan, tally)
        _finish(plan, result, prune, sink)
        _record_build(sink, base, pipeline, started_at, result)
    except BaseException:
        sink.release()  # else its files beside the store stay open and the next build here finds them locked
        raise
    finally:
        if workers is not None:
            workers.stop()  # ended already after the last page; at once if the build stopped before
        if own_manifest:
            manifest.close()
        else:
            manifest.commit()
    result.seconds = time.perf_counter() - started
    return result


def _open_manifest(store: Store, manifest: Manifest | None) -> tuple[Manifest, bool]:
    """The build's record: the caller's, begun here, or the store's own, opened here; whether it is our own
    (closed by the build, where a caller's is only committed)."""
    if manifest is None:
        return Manifest.for_store(store), True
    manifest.begin()
    return manifest, False


def _write_all(prepared: Iterable[Prepared], sink: Sink, result: BuildResult, plan: Plan,
               tally: Callable[[str], None]) -> None:
    """Writes each prepared graph in order, flushing every :data:`FLUSH_EVERY` graphs, before one that would take
    the triples since the last flush past :data:`FLUSH_TRIPLES`, and after the last of a larger build."""
    pending = written = 0
    for written, one in enumerate(prepared, start=1):
        size = len(one.triples or ())
        if pending and pending + size > FLUSH_TRIPLES:
            sink.flush()
            pending = 0
        pending += size
        _store_one(one, sink, result, plan.strict, plan)
        tally(one.source)
        if written % FLUSH_EVERY == 0:
            sink.flush()
            pending = 0
    if pending and written >= FLUSH_EVERY:
        sink.flush()  # a large build's last window too, so the linker starts from a store let go of (mem10's 29k peak)


def _start_workers(options: tuple, jobs: int, scheduler: object | None, new: int, total: int = 0):
    """The worker processes, started now when ``new`` (files known to be new) says they will be needed, or
    when the files given are many (:data:`EARLY_FROM`): the first loads what pages need (:mod:`kg.building.warm`)
    while this process looks for them (given none, it is stopped at once).  Else None (:func:`_prepare_all`)."""
    if scheduler is not None or jobs < 2 or os.name != "posix" or (new < 2 * jobs and total < EARLY_FROM):
        return None
    from kg.building.workers import Workers

    return Workers(prepare_in_worker, jobs, initializer=start_worker, initargs=options)


def _prepare_all(todo: Iterator[Transcript], options: tuple, jobs: int,
                 scheduler: object | None, new: int = 0, workers=None) -> Iterable[Prepared]:
    """Each transcript of ``todo`` prepared, in order: on a Dask cluster, in ``jobs`` worker processes, or here
    (``options``: format, pipeline, base, check_factory).  A handful of pages is quicker here than a pool's start,
    so workers start past ``2 * jobs`` transcripts, unless started before (``workers``, :func:`_start_workers`)."""
    format, pipeline, base, check_factory = options
    if workers is not None:
        return workers.map(todo)
    first = [] if jobs > 1 and new >= 2 * jobs else list(itertools.islice(todo, 2 * jobs))
    todo = itertools.chain(first, todo)
    if scheduler is not None:
        from functools import partial

        from kg.building.workers import dask_map

        environment = {name: os.environ[name] for name in SHARED_ENV if name in os.environ}
        return dask_map(partial(prepare_remotely, options, environment), todo, scheduler)
    if jobs > 1 and (len(first) == 2 * jobs or new >= 2 * jobs):
        from kg.building.workers import process_map

        return process_map(prepare_in_worker, todo, jobs, initializer=start_worker, initargs=options)
    check = check_factory() if check_factory and first else None
    return (prepare(item, format, pipeline, base, check) for item in todo)


def _finish(plan: Plan, result: BuildResult, prune: bool, sink: Sink) -> None:
    """After the writes: forget pruned sources, drop replaced graphs, relink follow-ups."""
    if prune:
        plan.manifest.forget_unseen()
    _drop_replaced(plan, result, sink)
    if result.built or result.removed:  # links between commitments of different transcripts: rewritten whole
        sink.link_followups(plan.base)


def _sink_of(target: Store | Sink, rebuild: bool, prune: bool,
             manifest: Manifest | None) -> tuple[Sink, Store | None]:
    """The build's sink and the store it reads back (None for a sink that starts empty: a full build, where
    options of incremental builds are refused, not ignored)."""
    sink = sink_for(target)
    given = [name for name, value in (("rebuild", rebuild), ("prune", prune), ("manifest", manifest)) if value]
    if sink.store is None and given:
        raise KgError(f"{sink!r} starts empty, so every build into it is a full one: {' and '.join(given)} "
                      "(for a store that keeps graphs between builds) cannot apply: leave them out")
    return sink, sink.store


def _record_build(sink: Sink, base: str, pipeline: Sequence[str], started_at, result: BuildResult) -> None:
    """This build as a prov:Activity, and the dataset description redone (:mod:`kg.store.metadata`); a build
    that wrote and dropped no graph changed nothing, and leaves the store as it was."""
    if not result.graphs and not result.removed:
        return
    from kg import __version__
    from kg.store.metadata import BuildRecord, now
    from kg.extract.pipeline import READERS, pipeline_for

    reader = next((name for name in READERS if pipeline_for(name) == tuple(pipeline)), "custom")
    if len(result.graphs) >= FLUSH_EVERY:  # a large build: the description starts from a store let go of
        sink.flush()
    sink.record_build(BuildRecord(started_at, now(), reader, __version__, result.graphs), base)


def _store_holds_transcripts(sink: Sink, store: Store | None, base: str) -> bool:
    """Whether the store holds a transcript already.  The sink writes the transcripts new to the store
    many at a time (:mod:`kg.building.bulk`), as they have nothing to take back."""
    held = store is not None and _holds_transcripts(store, base)
    if hasattr(sink, "start_batches"):  # a store's sink (a shard sink writes so already)
        sink.start_batches(fresh=not held)
    return held


def _holds_transcripts(store: Store, base: str) -> bool:
    """Whether the store has a graph besides the reference graph (stops at the first one)."""
    raw = getattr(store, "raw", None)
    graphs = raw.named_graphs() if raw is not None else store.graphs()
    reference = ns.reference_graph_iri(base).value
    return any(g.value != reference for g in graphs)


def _write_reference(plan: Plan, sink: Sink) -> None:
    """The reference graph (countries, organisations, ontology), unless the store has it as it would be written."""
    from pyoxigraph import NamedNode

    graph = ns.reference_graph_iri(plan.base).value
    if not plan.rebuild and plan.manifest.current(graph, plan.version, checked=False, strict=False) \
            and has_graph(plan.store, graph):
        return
    sink.write_graph(NamedNode(graph), reference_triples(plan.base))
    plan.manifest.built(graph, plan.version, checked=True, problems=0)  # no check runs on it


def _drop_replaced(plan: Plan, result: BuildResult, sink: Sink) -> None:
    """Drops the graphs of texts that no source gives any more (changed files, pruned sources)."""
    from pyoxigraph import NamedNode

    gone = plan.manifest.droppable()
    for graph in gone:
        sink.remove_transcript(NamedNode(graph))
    plan.manifest.dropped(gone)
    result.removed += len(gone)


def _store_one(prepared: Prepared, sink: Sink, result: BuildResult, strict: bool,
               plan: Plan | None = None) -> None:
    """Writes one prepared graph (or records why not) and counts it."""
    error = prepared.error
    if error is None and prepared.problems and strict:
        more = len(prepared.problems) - 1
        error = KgError(f"{prepared.source}: graph does not conform: {prepared.problems[0]}"
                        + (f" (and {more} more)" if more else ""))
    if error is None:
        try:
            if prepared.meeting:
                _count_meeting(prepared, sink.store, result)
            sink.write_transcript(prepared.graph, prepared.triples, prepared.shared)
            result.graphs.append(prepared.graph.value)
        except KgError as exc:
            error = exc
    if error is not None:
        if plan is not None:
            plan.signatures.pop(prepared.source, None)
        result.failed += 1
        result.errors.append(error)
        return
    if plan is not None:
        plan.manifest.built(prepared.graph.value, plan.version, checked=plan.checked,
                            problems=len(prepared.problems))
        plan.manifest.saw(prepared.source, prepared.graph.value, plan.signatures.pop(prepared.source, None))
    result.warnings.extend(f"{prepared.source}: {p}" for p in prepared.problems)
    result.built += 1
    result.undated += int(not prepared.dated)
    result.windowed += int(prepared.windowed)
    result.triples += len(prepared.triples) + len(prepared.shared)


def _count_meeting(prepared: Prepared, store: Store | None, result: BuildResult) -> None:
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


def build(inputs: Sequence[str], store: Store | Sink, *, workers=None, settled: Settled | None = None,
          **options) -> BuildResult:
    """Builds every transcript found at ``inputs`` (files, folders, globs, ``-``) into ``store`` (or a sink),
    with the ``workers`` the caller started (:func:`kg.building.early.start_early`), else with any started
    here; ``settled``: the listing of those files, for a build to look only at those the record does not answer for."""
    from kg.store.ondisk import DiskList
    from kg.inputs.paths import iter_inputs

    workers = workers or _early(options, recorded_sources(store))
    try:
        if settled is not None:
            return build_transcripts(incremental.inputs(settled.others()), store, total=settled.given,
                                     workers=workers, settled=settled, **options)
        # every file is listed before the build, for its progress: on disk (a path and a name a page), not in memory
        named = DiskList(f"{path}\0{name}" for path, name in iter_inputs(inputs))
        try:
            pairs = (tuple(entry.split("\0", 1)) for entry in named)
            return build_transcripts(incremental.inputs(pairs), store, total=len(named), workers=workers, **options)
        finally:
            named.close()
    finally:
        if workers is not None:
            workers.stop()  # a build that failed before its first page; else stopped already


def _early(options: dict, known: int):
    """Workers for ``options``, started before the files are listed when ``known`` is many (:data:`EARLY_FROM`)."""
    early = (options.get("format"), tuple(options.get("pipeline", DEFAULT_PIPELINE)),
             options.get("base", DEFAULT_BASE), options.get("check_factory"))
    return _start_workers(early, options.get("jobs", 1), options.get("scheduler"), 0, known)
