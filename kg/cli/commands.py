"""The verbs of the ``kg`` command: one thin function each over one library call.

Each takes the parsed arguments and returns an exit code (see :mod:`kg.cli.output`);
a verb that writes data hands its result to :func:`kg.cli.output.write_result`,
which renders it in the ``-f`` format into the ``-o`` output.  Library errors
are left to :func:`kg.cli.main`, which turns them into one line.
Library modules are imported inside the verbs, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kg.cli.output import EXIT_ERROR, EXIT_FAILED, EXIT_OK, write_result
from kg.cli.streams import Progress, open_output, printable
from kg.errors import KgError


def _transcript_format(args: argparse.Namespace) -> str | None:
    value = getattr(args, "transcript_format", None)
    return None if value in (None, "auto") else value


def _use_model(args: argparse.Namespace) -> None:
    """Points the reader at ``--model FILE``; through the environment, so build workers see it too."""
    if getattr(args, "model", None):
        from kg.extract.learned import MODEL_ENV, load_reader, shipped_reader

        load_reader(args.model)  # a bad file fails here, once, with its name
        os.environ[MODEL_ENV] = str(Path(args.model).resolve())
        shipped_reader.cache_clear()


def _use_limits(args: argparse.Namespace) -> None:
    """``--max-file-mb`` and friends, through the environment so build workers see them too."""
    from kg.inputs.limits import set_limits

    set_limits(args.max_file_mb, args.max_text_mb, args.max_turns)


def _shacl_check(base: str):
    """The build's SHACL check, made where it runs: a build with nothing to build never loads SHACL."""
    from kg.validation.shacl import build_check

    return build_check(base)


def cmd_build(args: argparse.Namespace) -> int:
    check_factory = None
    if not args.no_validate:
        from functools import partial

        check_factory = partial(_shacl_check, args.base)
    from kg.extract.pipeline import pipeline_for

    if (args.executor == "dask") != bool(args.scheduler):
        print("kg build: --executor dask and --scheduler tcp://HOST:PORT go together", file=sys.stderr)
        return EXIT_ERROR
    pipeline = pipeline_for(args.reader)
    _use_model(args)
    _use_limits(args)
    progress = Progress(not args.quiet)
    result, saved, shards = _build(args, pipeline, check_factory, progress)
    for error in result.errors:
        print(printable(f"error: {error}"), file=sys.stderr)
    shown = result.warnings if args.verbose else result.warnings[:10]
    for warning in shown:
        print(printable(f"warning: {warning}"), file=sys.stderr)
    if len(shown) < len(result.warnings):
        print(f"warning: ... and {len(result.warnings) - len(shown)} more SHACL violations "
              "(kg validate for the full report, -v to list them all)", file=sys.stderr)
    if not args.quiet:
        where = "memory (nothing written)" if args.store == "memory" else args.store
        if args.out:
            where = _shards_written(args.out[1], shards)
        print(f"{result.summary()} -> {where}", file=sys.stderr)
    if saved is not None:
        print(printable(f"error: {saved}"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK if result.ok else EXIT_FAILED


def _on_disk(args: argparse.Namespace) -> bool:
    """Whether the build goes into a store directory (not memory, an endpoint or shards)."""
    from kg.store.factory import is_store_directory

    return not (args.out or args.shard_size is not None) and is_store_directory(args.store)


def _look(args: argparse.Namespace, pipeline: tuple[str, ...]):
    """The build's result when the store's record says it has nothing to do (:mod:`kg.building.nochange`):
    the store is then not even opened.  Else the files the record answers for (:mod:`kg.building.settled`),
    or None: the build must run."""
    if args.rebuild or args.verify or not _on_disk(args):
        return None
    from kg.building.manifest import model_file
    from kg.building.nochange import look

    return look(args.inputs, args.store, base=args.base, pipeline=pipeline, format=_transcript_format(args),
                model=model_file(pipeline), checked=not args.no_validate, strict=args.strict, prune=args.prune)


def _build(args: argparse.Namespace, pipeline: tuple[str, ...], check_factory, progress: Progress):
    """The build's result, the error closing the store gave and what a build into shards wrote.  Into a store
    directory whose record knows many files the workers start before the store opens (:mod:`kg.building.early`),
    before the record is asked what to do (:func:`_look`) when the inputs changed after it; a build with
    nothing to do stops them, one with something to do looks only at the files the record does not answer for."""
    from kg.building.early import likely_work, start_early
    from kg.building.result import BuildResult

    options = dict(base=args.base, format=_transcript_format(args), progress=progress, check_factory=check_factory,
                   strict=args.strict, jobs=args.jobs, pipeline=pipeline, rebuild=args.rebuild, prune=args.prune,
                   verify=args.verify, scheduler=args.scheduler)
    early = _on_disk(args) and likely_work(args.store, args.inputs)
    workers, looked = start_early(args.store, **options) if early else None, None
    try:
        looked = _look(args, pipeline)
        if isinstance(looked, BuildResult):
            return looked, None, None
        workers = workers or (start_early(args.store, **options) if _on_disk(args) else None)
        return _build_into_store(args, pipeline, options, workers, looked)
    finally:
        if workers is not None:
            workers.stop()  # at once with nothing to do, or a build that failed first; else stopped already
        if looked is not None and not isinstance(looked, BuildResult):
            looked.close()


def _build_into_store(args: argparse.Namespace, pipeline: tuple[str, ...], options: dict, workers, settled):
    """The build itself (:func:`_build`); a store directory closed without error is sealed for the next
    build's :func:`_look`.  ``settled``: the files the record answered for (:mod:`kg.building.settled`)."""
    from kg.building.builder import build
    from kg.building.manifest import model_file, reader_version, version_stamp
    from kg.building.nochange import seal, sealed_version
    from kg.store.factory import open_store

    progress = options["progress"]
    reader = (pipeline, _transcript_format(args), model_file(pipeline))
    if settled is not None:  # as the files were matched against (the same reader as here, a moment ago)
        stamp, version = settled.stamp, settled.version
    else:
        stamp = version_stamp(*reader) if _on_disk(args) else ""  # before the build: files may change during it
        version = sealed_version(args.store, stamp) if stamp else None  # before the build breaks the seal
    store = _build_target(args) if args.out or args.shard_size is not None else open_store(args.store)
    saved: KgError | None = None
    try:
        result = build(args.inputs, store, workers=workers, version=version, settled=settled, **options)
    except BaseException:
        if hasattr(store, "abort"):
            store.abort()  # shards of a build that did not finish: removed, the folder left as it was
        raise
    finally:
        progress.close()
        try:
            store.close()
        except KgError as error:  # a full disk shows here: after the summary, not instead of it
            saved = error
    if saved is None and _on_disk(args):
        seal(args.store, (stamp, version or reader_version(*reader)))
    return result, saved, getattr(store, "manifest", None)


def _build_target(args: argparse.Namespace):
    """With ``--out nquads DIR``: the folder of shards a build writes instead of a store."""
    if not args.out:
        raise KgError("--shard-size goes with --out nquads DIR")
    kind, folder = args.out
    if kind != "nquads":
        raise KgError(f"--out {kind} {folder}: the output --out writes is nquads (--out nquads DIR)")
    given = [flag for flag, value in (("--rebuild", args.rebuild), ("--prune", args.prune)) if value]
    if given:
        raise KgError(f"{' and '.join(given)} cannot go with --out: a build into shards starts from nothing "
                      "and is always a full one (these options are for a store kept between builds)")
    from kg.building.sink import ShardSink

    return ShardSink(folder, args.shard_size)


def _shards_written(folder: str, manifest: dict | None) -> str:
    if manifest is None:
        return f"{folder} (not written)"
    return f"{folder} ({len(manifest['shards'])} gzip N-Quads shard(s), {manifest['quads']} quads)"


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.store.factory import open_store
    from kg.validation.shacl import ValidationError, validate_files, validate_store

    graphs = [args.graph] if args.graph else []
    if args.files:
        report = validate_files(args.files, graphs, engine=args.engine)
    else:
        with open_store(args.store, create=False) as store:
            report = validate_store(store, graphs, engine=args.engine)
    if report.graphs == 0:
        raise ValidationError("nothing to validate: the store or files hold no named graph")
    write_result(args, report)
    return EXIT_OK if report.conforms else EXIT_FAILED


def cmd_extract(args: argparse.Namespace) -> int:
    from kg.eval.goldjson import document_to_gold
    from kg.extract.pipeline import pipeline_for, process

    _use_model(args)
    _use_limits(args)
    from kg.inputs.reader import read_all

    failed = 0
    records = []
    for item in read_all(args.inputs):
        if isinstance(item, KgError):
            print(printable(f"error: {item}"), file=sys.stderr)
            failed += 1
            continue
        try:
            doc = process(item, _transcript_format(args), pipeline_for(args.reader))
        except KgError as exc:
            print(printable(f"error: {exc}"), file=sys.stderr)
            failed += 1
            continue
        records.append(document_to_gold(doc))
    write_result(args, records)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from kg.store.factory import open_store

    with open_store(args.store, create=False) as store:
        write_result(args, store)
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from kg.site import prepare_folder, publish
    from kg.store.factory import open_store

    prepare_folder(args.folder)
    with open_store(args.store, create=False) as store:
        result = publish(store, args.folder, base=args.base, site_url=args.site_url,
                         sparql_endpoint=args.sparql)
    if not args.quiet:
        print(f"{result.summary()} -> {args.folder}", file=sys.stderr)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.store.stats import store_stats
    from kg.store.factory import open_store

    with open_store(args.store, create=False) as store:
        if hasattr(store, "read_again"):  # a store directory another process may be compacting
            stats = store.read_again(lambda s: store_stats(s, per_graph=args.per_graph))
        else:
            stats = store_stats(store, per_graph=args.per_graph)
    write_result(args, stats)
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.eval.evaluate import evaluate, lowest_f1

    gold_dirs, text_dir = list(args.gold_dir), args.text_dir
    if len(gold_dirs) > 1 and text_dir is None and not any(Path(gold_dirs[-1]).glob("*.gold.json")):
        text_dir = gold_dirs.pop()  # the older form: kg eval GOLD_DIR TEXT_DIR
    _use_model(args)
    report, _ = evaluate(gold_dirs, text_dir, base=args.base, strict=not args.loose, reader=args.reader,
                         select=args.select)
    write_result(args, report)
    if args.min_f1 is not None:
        field, value = lowest_f1(report)
        if value < args.min_f1:
            print(f"kg eval: {field} F1 {value:.3f} is below --min-f1 {args.min_f1}", file=sys.stderr)
            return EXIT_FAILED
    return EXIT_OK


def cmd_network(args: argparse.Namespace) -> int:
    from kg.network.graphs import to_networkx
    from kg.network.metrics import add_metrics, format_top_table
    from kg.store.factory import open_store

    with open_store(args.store, create=False) as store:
        graph = to_networkx(store, args.kind, since=args.since, until=args.until, countries=args.country)
    if args.metrics:
        add_metrics(graph)
    to_file = args.output not in (None, "-")
    if to_file or not args.metrics:  # on stdout, --metrics prints its table instead of the network
        write_result(args, graph)
    if to_file and not args.quiet:
        if graph.graph.get("notes"):
            print(f"note: {graph.graph['notes']}", file=sys.stderr)
        print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges -> {args.output}",
              file=sys.stderr)
    if args.metrics:
        with open_output(None) as out:
            out.write(format_top_table(graph, args.top) + "\n")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from kg.report.page import render_report
    from kg.store.factory import open_store

    with open_store(args.store, create=False) as store:
        page = render_report(store, validate=not args.no_validate, model_card=args.model_card, title=args.title)
    write_result(args, page)
    if not args.quiet and args.output != "-":
        print(f"report -> {args.output or 'report.html'}", file=sys.stderr)
    return EXIT_OK


def cmd_queries(args: argparse.Namespace) -> int:
    from kg.sparql.library import list_queries

    write_result(args, list_queries())
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from kg.sparql.library import bind_params, load_query, parse_param_options, parse_query, run_query
    from kg.store.factory import open_store

    if (args.query is None) == (args.expression is None):
        print("kg query: give a library query NAME, a .rq FILE, or -e 'SPARQL' (one of them)", file=sys.stderr)
        return EXIT_ERROR
    query = parse_query(args.expression, "-e") if args.expression is not None else load_query(args.query)
    if not args.allow_service:
        from kg.sparql.guard import refuse_service

        refuse_service(query.text)
    bindings = bind_params(query, parse_param_options(args.param))
    timeout = args.timeout if args.timeout and args.timeout > 0 else None
    with open_store(args.store, create=False) as store:
        result = run_query(store, query.text, bindings, timeout=timeout, limit=args.limit,
                           offset=args.offset)
    write_result(args, result)
    return EXIT_OK


def cmd_push(args: argparse.Namespace) -> int:
    from kg.store.endpoint import EndpointStore
    from kg.store.push import push
    from kg.store.factory import open_store

    progress = Progress(not args.quiet)
    with open_store(args.store, create=False) as source, \
            EndpointStore(args.url, retries=args.retries, timeout=args.timeout) as target:
        try:
            result = push(source, target, progress=progress)
        finally:
            progress.close()
    for graph, error in result.failed:
        print(printable(f"error: {graph}: {error}"), file=sys.stderr)
    if not args.quiet:
        print(f"{result.summary()} -> {target!r}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_serve(args: argparse.Namespace) -> int:
    if args.store == "memory" or args.store.startswith(("http://", "https://")):
        print("kg serve: serves a store directory: give --store DIR", file=sys.stderr)
        return EXIT_ERROR
    if args.writable:
        return _serve_writable(args)
    from kg.sparql.server import SparqlServer, run

    server = SparqlServer(args.store, host=args.host, port=args.port, timeout=args.timeout,
                          workers=args.workers, allow_service=args.allow_service, cors=args.cors)
    print(f"serving {args.store} (read-only) at {server.url}/ — query page there, SPARQL endpoint "
          f"{server.url}/query; queries stop after {args.timeout:g} s; Ctrl-C stops", file=sys.stderr)
    sys.stderr.flush()
    run(server)
    return EXIT_OK


def _serve_writable(args: argparse.Namespace) -> int:
    """``--writable``: the Oxigraph server of the ``oxigraph`` package, holding the store lock."""
    from kg.store.lock import StoreLock
    from kg.store.serve import OxigraphServer

    server = OxigraphServer(args.store, host=args.host, port=args.port, read_only=False,
                            cors=args.cors, timeout=args.timeout)
    lock = StoreLock(args.store, shared=False, holder="served writable by kg serve")
    print(f"serving {args.store} (read-write) at {server.url}/ — SPARQL endpoint {server.url}/query, "
          f"updates at {server.url}/update; Ctrl-C stops", file=sys.stderr)
    sys.stderr.flush()
    if os.name == "posix" and lock.fd is not None:
        os.set_inheritable(lock.fd, True)  # the server process keeps the lock after exec
        server.exec()
    server.start(inherit_output=True)
    code = server.wait()
    lock.release()
    return EXIT_OK if code in (0, -2, -15, 130) else EXIT_FAILED
