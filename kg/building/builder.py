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
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from kg.building import incremental
from kg.rdf import namespace as ns
from kg.errors import KgError
from kg.building.incremental import Plan, has_graph
from kg.building.manifest import Manifest, model_file, reader_version, recorded_sources
from kg.building.result import BuildResult
from kg.building.sink import Sink, sink_for
from kg.rdf.mapping import DEFAULT_BASE, map_document, meeting_node, publication_bounds
from kg.rdf.reference import reference_triples
from kg.rdf.wire import pack, unpack
from kg.model import Document, Transcript
from kg.extract.pipeline import DEFAULT_PIPELINE, process
from kg.store.protocol import Store

#: called after each transcript with (transcripts done so far, files in the batch, source)
Progress = Callable[[int, int, str], None]
#: checks a mapped graph before it is written; returns problems (empty when it conforms)
GraphCheck = Callable[[Document, object], Sequence[str]]

#: graphs written between two flushes of an on-disk store: Oxigraph keeps every write in memory
#: until a flush, and RocksDB what it read of its files until the store is reopened, so without
#: both (:meth:`kg.building.sink.StoreSink.flush`) a build's memory grew with the corpus
FLUSH_EVERY = 200
#: triples written between two flushes at most (unless one graph has more): a long transcript's write
#: takes its memory on top of what the window holds, so it starts a window of its own
FLUSH_TRIPLES = 10_000
#: files given from which a build starts its workers before it knows how many pages it must build: the
#: first worker loads what pages need (0.6 CPU-s) while this process looks through the files (7,000
#: files: 0.35 s), where in-process that loading came after the looking (1 page changed of 7,225)
EARLY_FROM = 1000


@dataclass
class _Prepared:
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
    windowed = not dated and publication_bounds(doc) is not None
    return _Prepared(item.source, mapped.graph, mapped.triples, mapped.shared,
                     meeting.value if meeting else None, dated, windowed, problems)


# State of a worker process: the options of its build and its own check, made once per worker
# because a validator holds compiled shapes that cannot be sent between processes.
_worker: dict[str, object] = {}


def _init_worker(format: str | None, pipeline: Sequence[str], base: str,
                 check_factory: Callable[[], GraphCheck] | None) -> None:
    _worker.update(format=format, pipeline=tuple(pipeline), base=base,
                   check=check_factory() if check_factory else None)


def _start_worker(*options) -> None:
    """The first worker's start: :func:`_init_worker` with what its pages will load loaded at once
    (:mod:`kg.building.warm`); the other workers are forked from it after (:mod:`kg.building.workers`)."""
    from kg.building.warm import warm_up

    warm_up(options[1], lambda: _init_worker(*options))


def _prepare_in_worker(item: Transcript) -> _Prepared:
    return _prepare(item, _worker["format"], _worker["pipeline"], _worker["base"], _worker["check"])


#: environment a remote worker must share with the build: limits and another model file
_SHARED_ENV = ("KG_MAX_FILE_MB", "KG_MAX_TEXT_MB", "KG_MAX_TURNS", "IRKG_READER_MODEL")


def _prepare_remotely(options: tuple, environment: dict[str, str], item: Transcript) -> _Prepared:
    """A task of a cluster worker: the build's options come with every task (they are small), so a
    worker that joins late needs no set-up; its check is made once per worker and options."""
    os.environ.update(environment)
    if _worker.get("options") != options:
        _init_worker(*options)
        _worker["options"] = options
    return _prepare_in_worker(item)


def build_transcripts(transcripts: Iterable[Transcript | KgError], store: Store | Sink, *,
                      base: str = DEFAULT_BASE, format: str | None = None,
                      pipeline: Sequence[str] = DEFAULT_PIPELINE, total: int = 0,
                      progress: Progress | None = None,
                      check_factory: Callable[[], GraphCheck] | None = None,
                      strict: bool = False, jobs: int = 1, rebuild: bool = False,
                      prune: bool = False, manifest: Manifest | None = None,
                      scheduler: object | None = None, verify: bool = False,
                      version: str | None = None, workers=None) -> BuildResult:
    """Processes and stores each transcript; errors are collected, not raised.

    A transcript whose text was already built in this batch (same sha256) is skipped, and so is one whose
    graph the store holds as this build would write it (same text, same reader version: :mod:`kg.building.manifest`;
    ``version`` when the caller knows it, :func:`kg.building.nochange.sealed_version`) unless ``rebuild``.
    A source whose text changed has its old graph dropped; ``prune`` drops the graphs of sources built
    before and not given now; ``verify`` reads every file, even one whose size and time are recorded.
    ``check_factory`` makes the check run on each mapped graph before it is written: with ``strict`` a graph
    with problems is not written and counts as failed; without, it is written and its problems kept as warnings.
    ``jobs`` and ``scheduler`` say where preparing runs (:func:`_prepare_all`); writes stay in
    this process, in input order, one transaction per graph.  ``store`` may be a sink that starts
    empty (:class:`kg.building.sink.ShardSink`): a full build, without ``rebuild``, ``prune``, ``manifest``.
    ``workers`` were started by :func:`build` before it listed the files (stopped here when done).
    """
    from kg.store.metadata import now

    result = BuildResult()
    started = time.perf_counter()
    started_at = now()
    done = itertools.count(1)

    def tally(source: str) -> None:
        if progress:
            progress(next(done), total, source)

    sink, store = _sink_of(store, rebuild, prune, manifest)
    own_manifest = manifest is None
    manifest = Manifest.for_store(store) if own_manifest else manifest
    if not own_manifest:
        manifest.begin()
    options = (format, tuple(pipeline), base, check_factory)
    try:
        new = total - manifest.source_count()  # at least this many files the store has never seen
        workers = workers or _start_workers(options, jobs, scheduler, new, total)
        plan = Plan(store, manifest, base, version or reader_version(tuple(pipeline), format, model_file(pipeline)),
                     check_factory is not None, strict, rebuild, verify=verify)
        result.store_had_graphs = store is not None and _holds_transcripts(store, base)
        _write_reference(plan, sink)
        todo = incremental.todo(transcripts, result, plan, tally)
        _write_all(_prepare_all(todo, options, jobs, scheduler, new, workers), sink, result, plan, tally)
        _finish(plan, result, prune, sink)
        _record_build(sink, base, pipeline, started_at, result)
    finally:
        if workers is not None:
            workers.stop()  # ended already after the last page; at once if the build stopped before
        if own_manifest:
            manifest.close()
        else:
            manifest.commit()
    result.seconds = time.perf_counter() - started
    return result


def _write_all(prepared: Iterable[_Prepared], sink: Sink, result: BuildResult, plan: Plan,
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
    """The worker processes, started now when ``new`` (files known to be new) says they will be needed,
    or when the files given are so many (:data:`EARLY_FROM`) that looking through them takes as long as
    a worker's loading: the first loads what the pages need (:mod:`kg.building.warm`) while this process
    reads the store's record and looks for the pages to give it (a worker given no page is stopped at
    once).  None otherwise (:func:`_prepare_all` decides)."""
    if scheduler is not None or jobs < 2 or os.name != "posix" or (new < 2 * jobs and total < EARLY_FROM):
        return None
    from kg.building.workers import Workers

    return Workers(_prepare_in_worker, jobs, initializer=_start_worker, initargs=options)


def _prepare_all(todo: Iterator[Transcript], options: tuple, jobs: int,
                 scheduler: object | None, new: int = 0, workers=None) -> Iterable[_Prepared]:
    """Each transcript of ``todo`` prepared, in order: on a Dask cluster, in ``jobs`` worker processes,
    or here.  ``options`` are (format, pipeline, base, check_factory).  A handful of changed pages is
    quicker in-process than the start of a pool, so workers start only past ``2 * jobs`` transcripts;
    but when ``new`` (files known to be new) says there will be that many, they started before
    (``workers``, :func:`_start_workers`) and load what they need while this process looks for them."""
    format, pipeline, base, check_factory = options
    if workers is not None:
        return workers.map(todo)
    first = [] if jobs > 1 and new >= 2 * jobs else list(itertools.islice(todo, 2 * jobs))
    todo = itertools.chain(first, todo)
    if scheduler is not None:
        from functools import partial

        from kg.building.workers import dask_map

        environment = {name: os.environ[name] for name in _SHARED_ENV if name in os.environ}
        return dask_map(partial(_prepare_remotely, options, environment), todo, scheduler)
    if jobs > 1 and (len(first) == 2 * jobs or new >= 2 * jobs):
        from kg.building.workers import process_map

        return process_map(_prepare_in_worker, todo, jobs, initializer=_start_worker, initargs=options)
    check = check_factory() if check_factory and first else None
    return (_prepare(item, format, pipeline, base, check) for item in todo)


def _finish(plan: Plan, result: BuildResult, prune: bool, sink: Sink) -> None:
    """After the writes: forget pruned sources, drop replaced graphs, relink follow-ups."""
    if prune:
        plan.manifest.forget_unseen()
    _drop_replaced(plan, result, sink)
    if result.built or result.removed:  # links between commitments of different transcripts: rewritten whole
        sink.link_followups(plan.base)


def _sink_of(target: Store | Sink, rebuild: bool, prune: bool,
             manifest: Manifest | None) -> tuple[Sink, Store | None]:
    """The build's sink and the store it reads back (None for a sink that starts empty, which gets a full
    build: options of incremental builds are refused there, not ignored)."""
    sink = sink_for(target)
    given = [name for name, value in (("rebuild", rebuild), ("prune", prune), ("manifest", manifest)) if value]
    if sink.store is None and given:
        raise KgError(f"{sink!r} starts empty, so every build into it is a full one: {' and '.join(given)} "
                      "(for a store that keeps graphs between builds) cannot apply: leave them out")
    return sink, sink.store


def _record_build(sink: Sink, base: str, pipeline: Sequence[str], started_at, result: BuildResult) -> None:
    """This build as a prov:Activity, and the dataset description redone (:mod:`kg.store.metadata`).

    A build that wrote and dropped no graph changed nothing, and leaves the store as it was.
    """
    if not result.graphs and not result.removed:
        return
    from kg import __version__
    from kg.store.metadata import BuildRecord, now
    from kg.extract.pipeline import READERS, pipeline_for

    reader = next((name for name in READERS if pipeline_for(name) == tuple(pipeline)), "custom")
    if len(result.graphs) >= FLUSH_EVERY:  # a large build: the description starts from a store let go of
        sink.flush()
    sink.record_build(BuildRecord(started_at, now(), reader, __version__, result.graphs), base)


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


def _store_one(prepared: _Prepared, sink: Sink, result: BuildResult, strict: bool,
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


def _count_meeting(prepared: _Prepared, store: Store | None, result: BuildResult) -> None:
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


def build(inputs: Sequence[str], store: Store | Sink, *, workers=None, **options) -> BuildResult:
    """Builds every transcript found at ``inputs`` (files, folders, globs, ``-``) into ``store`` (or a sink),
    with the ``workers`` the caller started (:func:`start_early`), else with any started here."""
    from kg.store.ondisk import DiskList
    from kg.inputs.paths import iter_inputs

    workers = workers or _early(options, recorded_sources(store))
    try:
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


def start_early(folder: str, **options):
    """The workers of a build into the store directory ``folder`` (options as :func:`build` takes them), started
    before the store opens when its record knows many files (:data:`EARLY_FROM`): the first loads what pages
    need while the caller opens the store and hashes the reader's files.  Give them to :func:`build`, or stop them."""
    from kg.building.manifest import known_sources

    return _early(options, known_sources(folder))


def _early(options: dict, known: int):
    """Workers for ``options``, started before the files are listed when ``known`` is many (:data:`EARLY_FROM`)."""
    early = (options.get("format"), tuple(options.get("pipeline", DEFAULT_PIPELINE)),
             options.get("base", DEFAULT_BASE), options.get("check_factory"))
    return _start_workers(early, options.get("jobs", 1), options.get("scheduler"), 0, known)
