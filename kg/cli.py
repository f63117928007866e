"""The ``kg`` command: one thin function per verb over one library call.

Data goes to stdout (or ``-o FILE``), messages and progress to stderr.
Exit codes: 0 fine, 1 something failed or a threshold was missed, 2 the
command could not run (usage or input error).  Library errors become one
line that says what to do; no tracebacks unless ``-v``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Callable, Sequence

from kg import __version__
from kg.errors import KgError

log = logging.getLogger("kg")

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
DEFAULT_STORE = "kg-store"
TRANSCRIPT_FORMATS = ("auto", "kremlin", "whitehouse", "plain")
GRAPH_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, done: int, total: int, source: str) -> None:
        if not self.enabled:
            return
        if total and done <= total:
            width = 30
            filled = int(width * done / total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        else:
            bar = f"{done} done"
        name = source[-40:]
        sys.stderr.write(f"\r{bar} {name:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 90 + "\r")
            sys.stderr.flush()


def _open_output(path: str | None, binary: bool = False):
    if path in (None, "-"):
        return sys.stdout.buffer if binary else sys.stdout
    return open(path, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"}))


def _transcript_format(args: argparse.Namespace) -> str | None:
    value = getattr(args, "transcript_format", None)
    return None if value in (None, "auto") else value


# --- verbs -----------------------------------------------------------------

def cmd_build(args: argparse.Namespace) -> int:
    from kg.builder import build
    from kg.store import open_store

    check_factory = None
    if not args.no_validate:
        from functools import partial

        from kg.validation import build_check
        check_factory = partial(build_check, args.base)
    progress = Progress(not args.quiet)
    with open_store(args.store) as store:
        result = build(args.inputs, store, base=args.base, format=_transcript_format(args),
                       progress=progress, check_factory=check_factory, strict=args.strict,
                       jobs=args.jobs)
    progress.close()
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    shown = result.warnings if args.verbose else result.warnings[:10]
    for warning in shown:
        print(f"warning: {warning}", file=sys.stderr)
    if len(shown) < len(result.warnings):
        print(f"warning: ... and {len(result.warnings) - len(shown)} more SHACL violations "
              "(kg validate for the full report, -v to list them all)", file=sys.stderr)
    if not args.quiet:
        where = "memory (nothing written)" if args.store == "memory" else args.store
        print(f"{result.summary()} -> {where}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kg.store import open_store
    from kg.validation import ValidationError, validate_files, validate_store
    from kg.validate_report import format_human, format_json, format_turtle

    graphs = [args.graph] if args.graph else []
    if args.files:
        report = validate_files(args.files, graphs, engine=args.engine)
    else:
        if args.store != "memory" and not args.store.startswith(("http://", "https://")) \
                and not Path(args.store).exists():
            raise ValidationError(f"{args.store}: no such store: build one with kg build, or give RDF files")
        with open_store(args.store) as store:
            report = validate_store(store, graphs, engine=args.engine)
    if report.graphs == 0:
        raise ValidationError("nothing to validate: the store or files hold no named graph")
    out = _open_output(args.output)
    if args.format == "json":
        out.write(format_json(report))
    elif args.format == "turtle":
        out.write(format_turtle(report))
    else:
        out.write(format_human(report, per_shape=args.show))
    if out is not sys.stdout:
        out.close()
    return EXIT_OK if report.conforms else EXIT_FAILED


def cmd_extract(args: argparse.Namespace) -> int:
    from kg.goldjson import document_to_gold
    from kg.pipeline import process
    from kg.reader import read_all

    failed = 0
    out = _open_output(args.output)
    records = []
    for item in read_all(args.inputs):
        if isinstance(item, KgError):
            print(f"error: {item}", file=sys.stderr)
            failed += 1
            continue
        try:
            doc = process(item, _transcript_format(args))
        except KgError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        records.append(document_to_gold(doc))
    if args.json or args.format == "json":
        payload = records[0] if len(records) == 1 else records
        out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        for record in records:
            out.write(_describe_record(record))
    if out is not sys.stdout:
        out.close()
    return EXIT_FAILED if failed else EXIT_OK


def _describe_record(r: dict) -> str:
    lines = [f"# {r['source']['file']}"]
    m = r.get("meeting")
    if m:
        lines.append(f"meeting: {m['title']!s}")
        lines.append(f"  date {m['date']}, city {m['city']}, venue {m['venue']}, format {m['format']}")
    else:
        lines.append("not a meeting")
    for p in r["participants"]:
        lines.append(f"participant: {p['name']} ({p['office']}, {p['country'] or p.get('organisation')})")
    lines.append(f"countries: {' '.join(r['countries'])}")
    for c in r["commitments"]:
        qty = f" {c['quantity']} {c['unit'] or ''}" if c["quantity"] is not None else ""
        lines.append(f"commitment: {c['type']} {c['by']}->{c['to']} {c['status']}"
                     f"{' ' + c['item'] if c['item'] else ''}{qty} — {c['speaker']}: {c['quote']}")
    for f in r["figures"]:
        lines.append(f"figure: {f['value']} {f['unit']} ({f['about']}) — {f['speaker']}")
    if r.get("topics"):
        lines.append(f"topics: {', '.join(r['topics'])}")
    return "\n".join(lines) + "\n\n"


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export import export
    from kg.store import open_store

    with open_store(args.store) as store:
        out = _open_output(args.output, binary=True)
        try:
            export(store, out, args.format, graph=args.graph)
        finally:
            if out is not sys.stdout.buffer:
                out.close()
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.stats import store_stats
    from kg.store import open_store

    with open_store(args.store) as store:
        stats = store_stats(store, per_graph=args.per_graph)
    out = _open_output(args.output)
    if args.format == "json":
        out.write(json.dumps(stats, indent=1) + "\n")
    else:
        for key, value in stats["totals"].items():
            out.write(f"{key:<14} {value}\n")
        for row in stats.get("graphs", []):
            out.write(f"{row['triples']:>8}  {row['graph']}  {row.get('source') or ''}\n")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate, format_misses, format_table, lowest_f1

    report, _ = evaluate(args.gold_dir, args.text_dir, base=args.base)
    out = _open_output(args.output)
    if args.json or args.format == "json":
        out.write(json.dumps(report.as_dict(), indent=1, ensure_ascii=False) + "\n")
    else:
        out.write(format_table(report) + "\n")
        if args.explain:
            out.write("\n" + format_misses(report) + "\n")
    if args.min_f1 is not None:
        field, value = lowest_f1(report)
        if value < args.min_f1:
            print(f"kg eval: {field} F1 {value:.3f} is below --min-f1 {args.min_f1}", file=sys.stderr)
            return EXIT_FAILED
    return EXIT_OK


def cmd_network(args: argparse.Namespace) -> int:
    from kg.network import to_networkx
    from kg.network_export import to_json, write_network
    from kg.network_metrics import add_metrics, format_top_table
    from kg.store import open_store

    with open_store(args.store) as store:
        graph = to_networkx(store, args.kind, since=args.since, until=args.until, countries=args.country)
    if args.metrics:
        add_metrics(graph)
    if args.output not in (None, "-"):
        write_network(graph, args.output)
        if not args.quiet:
            print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges -> {args.output}",
                  file=sys.stderr)
    elif not args.metrics:
        sys.stdout.write(to_json(graph))
    if args.metrics:
        sys.stdout.write(format_top_table(graph, args.top) + "\n")
    return EXIT_OK


def cmd_queries(args: argparse.Namespace) -> int:
    from kg.queries import list_queries

    queries = list_queries()
    out = _open_output(args.output)
    if args.format == "json":
        out.write(json.dumps([{"name": q.name, "title": q.title, "description": q.description,
                               "params": [vars(p) for p in q.params]} for q in queries],
                             ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    for q in queries:
        out.write(f"{q.name:<34} {q.title}\n")
        for p in q.params:
            example = f" (e.g. {p.example})" if p.example else ""
            out.write(f"{'':<36}--param {p.name}=...  {p.meaning}{example}\n")
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from kg.queries import bind_params, format_result, load_query, parse_param_options, parse_query, run_query
    from kg.store import open_store

    if (args.query is None) == (args.expression is None):
        print("kg query: give a library query NAME, a .rq FILE, or -e 'SPARQL' (one of them)", file=sys.stderr)
        return EXIT_ERROR
    query = parse_query(args.expression, "-e") if args.expression is not None else load_query(args.query)
    bindings = bind_params(query, parse_param_options(args.param))
    with open_store(args.store) as store:
        result = run_query(store, query.text, bindings, timeout=args.timeout, limit=args.limit)
    out = _open_output(args.output)
    out.write(format_result(result, args.format))
    return EXIT_OK


def cmd_push(args: argparse.Namespace) -> int:
    from kg.endpoint import EndpointStore
    from kg.push import push
    from kg.store import open_store

    progress = Progress(not args.quiet)
    with open_store(args.store) as source, EndpointStore(args.url, retries=args.retries) as target:
        try:
            result = push(source, target, progress=progress)
        finally:
            progress.close()
    for graph, error in result.failed:
        print(f"error: {graph}: {error}", file=sys.stderr)
    if not args.quiet:
        print(f"{result.summary()} -> {target!r}", file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    from kg.serve import OxigraphServer

    if args.store == "memory" or args.store.startswith(("http://", "https://")):
        print("kg serve: serves a store directory: give --store DIR", file=sys.stderr)
        return EXIT_ERROR
    server = OxigraphServer(args.store, host=args.host, port=args.port, read_only=not args.writable,
                            cors=args.cors, timeout=args.timeout)
    mode = "read-write" if args.writable else "read-only"
    print(f"serving {args.store} ({mode}) at {server.url}/ — query page there, SPARQL endpoint "
          f"{server.url}/query; Ctrl-C stops", file=sys.stderr)
    sys.stderr.flush()
    if os.name == "posix":
        server.exec()  # the Oxigraph server takes over this process
    server.start(inherit_output=True)
    code = server.wait()
    return EXIT_OK if code in (0, -2, -15, 130) else EXIT_FAILED


def default_jobs() -> int:
    """Worker processes for a build: the usable CPUs, capped, since writes are serial anyway."""
    import os
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(8, cpus))


# --- parser ------------------------------------------------------------------

def _add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=DEFAULT_STORE, metavar="DIR|memory|URL",
                   help=f"the graph store: a directory (embedded Oxigraph, default ./{DEFAULT_STORE}), "
                        "'memory' for a one-off run that writes nothing, or the URL of a SPARQL 1.1 "
                        "endpoint (credentials from KG_STORE_USER/KG_STORE_PASSWORD or ~/.netrc)")


def _add_base(p: argparse.ArgumentParser) -> None:
    from kg.namespace import DEFAULT_BASE
    p.add_argument("--base", default=DEFAULT_BASE, metavar="IRI",
                   help=f"base IRI of the data (default {DEFAULT_BASE})")


def _add_transcript_format(p: argparse.ArgumentParser, *flags: str) -> None:
    p.add_argument(*flags, dest="transcript_format", choices=TRANSCRIPT_FORMATS, default="auto",
                   help="how to read the transcripts: kremlin.ru pages, White House remarks, or plain "
                        "'Name: text' / prose (default: detected per file)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build an RDF knowledge graph of international relations from transcripts of "
                    "leaders' meetings, then validate, query, export and draw it.",
        epilog="Start with: kg build examples/transcripts/ && kg stats. "
               "Each command has its own --help.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", help="more messages; tracebacks on errors")
    # the same two flags after the verb too ("kg build -q ..."); SUPPRESS keeps a global one set
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="no progress or summary on stderr")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="more messages; tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, Callable[[argparse.Namespace], int]] = {}

    def add(name: str, func, help: str, description: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=description, parents=[common])
        p.set_defaults(func=func)
        commands[name] = func
        return p

    p = add("build", cmd_build, "read transcripts into the graph store",
            "Read transcripts (files, folders, globs, '-' for stdin; .txt, .html, .jsonl) and write "
            "each as one named graph into the store. Re-building a transcript replaces its graph. "
            "A file that cannot be read is reported and skipped; the exit code is 1 if any failed.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="transcript files, folders, globs or -")
    _add_store(p)
    _add_base(p)
    _add_transcript_format(p, "-t", "--format", "--transcript-format")
    p.add_argument("-j", "--jobs", type=int, default=default_jobs(), metavar="N",
                   help="worker processes for parsing, extraction and validation "
                        f"(default {default_jobs()}: the CPUs of this machine, at most 8; 1 runs in-process)")
    checks = p.add_mutually_exclusive_group()
    checks.add_argument("--strict", action="store_true",
                        help="reject (do not write) a transcript whose graph violates the SHACL shapes; "
                             "exit 1 if any was rejected")
    checks.add_argument("--no-validate", action="store_true",
                        help="skip SHACL validation (by default a graph with violations is written and reported)")

    p = add("validate", cmd_validate, "check the graph against the SHACL shapes",
            "Validate each transcript's named graph (with the reference graph and the ontology) "
            "against shapes/irkg.ttl, from the store or from RDF files (Turtle, TriG, N-Quads, "
            "N-Triples, JSON-LD). Exit 0 conforms (warnings allowed), 1 violations, 2 could not run.")
    p.add_argument("files", nargs="*", metavar="FILE", help="RDF files to validate instead of the store")
    _add_store(p)
    p.add_argument("--graph", metavar="IRI", help="validate only this named graph")
    p.add_argument("-f", "--format", choices=("human", "json", "turtle"), default="human",
                   help="report format (default human: counts, then the first results of each shape)")
    p.add_argument("-n", "--show", type=int, default=5, metavar="N",
                   help="results listed per shape in the human report (default 5)")
    p.add_argument("--engine", choices=("pyshacl", "turbo"),
                   help="SHACL engine (default pyshacl-turbo where installed, else pySHACL)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    p = add("extract", cmd_extract, "show what is read out of transcripts (no store)",
            "Run the extraction on transcripts and print the facts: a readable summary, or with "
            "--json the gold JSON shape used by kg eval.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--json", action="store_true", help="print the gold JSON shape")
    p.add_argument("-f", "--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _add_transcript_format(p, "-t", "--transcript-format")

    p = add("export", cmd_export, "write the graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD",
            "Serialise the store (all graphs, or one with --graph). TriG and N-Quads keep the "
            "named graphs; Turtle, N-Triples and JSON-LD give their union.")
    _add_store(p)
    p.add_argument("-f", "--format", choices=GRAPH_FORMATS, default="turtle", help="RDF format (default turtle)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--graph", metavar="IRI", help="export only this named graph")

    p = add("stats", cmd_stats, "count transcripts, meetings, leaders, countries and triples",
            "Summarise the store: totals, and with --per-graph the triples of each named graph.")
    _add_store(p)
    p.add_argument("-f", "--format", choices=("table", "json"), default="table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--per-graph", action="store_true", help="list every named graph with its triple count")

    p = add("eval", cmd_eval, "score extraction against gold files",
            "Build the transcripts that sit beside GOLD_DIR/*.gold.json (or in TEXT_DIR) into a "
            "memory store, read the facts back with SPARQL, and print precision, recall and F1 per "
            "field and per commitment type, with status and item accuracy on matched pairs.")
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument("text_dir", metavar="TEXT_DIR", nargs="?")
    p.add_argument("--explain", action="store_true", help="list misses and false finds with their sentences")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("-f", "--format", choices=("table", "json"), default="table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--min-f1", type=float, metavar="X",
                   help="exit 1 if the F1 of participants, countries, commitments or figures is below X")
    _add_base(p)

    p = add("network", cmd_network, "export a leader or country network for networkx, Gephi or a browser",
            "Build a network from the store with SPARQL and write it; the suffix of -o picks the "
            "format: .graphml, .gexf (dynamic, one time interval per meeting for Gephi's timeline), "
            ".json (node-link), .csv (edge list), .html (one offline interactive page) or .png. "
            "Without -o the node-link JSON goes to stdout. KIND is one of: leader-country, countries, "
            "leaders, commitments, meetings.")
    p.add_argument("kind", metavar="KIND", choices=("leader-country", "countries", "leaders", "commitments",
                                                    "meetings"))
    _add_store(p)
    p.add_argument("--since", metavar="DATE", help="only meetings on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only meetings on or before DATE (YYYY-MM-DD)")
    p.add_argument("--country", action="append", default=[], metavar="ISO3",
                   help="only meetings (or commitments) of this country; repeat for more")
    p.add_argument("--metrics", action="store_true",
                   help="add degree, weighted degree, betweenness, eigenvector centrality and Louvain "
                        "community to the nodes, and print the top nodes")
    p.add_argument("--top", type=int, default=10, metavar="N", help="rows of the --metrics table (default 10)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (.graphml .gexf .json .csv .html .png)")

    p = add("queries", cmd_queries, "list the query library with titles and parameters",
            "List the SPARQL queries of the library (queries/*.rq): name, title and the --param "
            "each takes. Run one with kg query NAME.")
    p.add_argument("-f", "--format", choices=("table", "json"), default="table")
    p.add_argument("-o", "--output", metavar="FILE")

    p = add("query", cmd_query, "run a library query, a .rq file or -e 'SPARQL'",
            "Run a SPARQL query on the store. Parameters are bound as RDF terms, never pasted into "
            "the query text. A syntax error names its line and column.")
    p.add_argument("query", nargs="?", metavar="NAME|FILE", help="a library query name or a .rq file")
    p.add_argument("-e", "--expression", metavar="SPARQL", help="the query text itself")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to VALUE (a string, date, number or <IRI> as the query's header "
                        "says); repeat for more")
    p.add_argument("-f", "--format", choices=("table", "csv", "tsv", "json"), default="table",
                   help="output format (json is the SPARQL 1.1 results format)")
    p.add_argument("--limit", type=int, metavar="N", help="at most N rows")
    p.add_argument("--timeout", type=float, metavar="S", help="stop the query after S seconds")
    p.add_argument("-o", "--output", metavar="FILE")
    _add_store(p)

    p = add("push", cmd_push, "copy the local store to a SPARQL endpoint, graph by graph",
            "Replace each named graph of the store on the endpoint at URL (Graph Store Protocol PUT, or "
            "SPARQL Update where there is none). Idempotent; transient errors are retried with backoff. "
            "Credentials come from KG_STORE_USER/KG_STORE_PASSWORD or ~/.netrc.")
    p.add_argument("url", metavar="URL", help="the endpoint: a server root, a /query URL or a dataset URL")
    _add_store(p)
    p.add_argument("--retries", type=int, default=4, metavar="N", help="attempts per request (default 4)")

    p = add("serve", cmd_serve, "serve the store over SPARQL with the Oxigraph server",
            "Run the Oxigraph server (from the oxigraph package) on the store directory: the SPARQL "
            "1.1 Protocol at /query and a query page at /, read-only and on 127.0.0.1 unless told "
            "otherwise. The default graph is the union of all graphs, as in kg query.")
    _add_store(p)
    p.add_argument("--port", type=int, default=7878, help="TCP port (default 7878)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--writable", action="store_true", help="accept updates and Graph Store writes")
    p.add_argument("--cors", action="store_true", help="allow cross-origin requests (browser tools)")
    p.add_argument("--timeout", type=float, metavar="S", help="stop queries after S seconds")

    parser.set_defaults(commands=commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="kg: %(message)s", stream=sys.stderr)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.func(args)
    except KgError as exc:
        if args.verbose:
            raise
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
