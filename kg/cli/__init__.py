"""The ``kg`` command: one thin function per verb over one library call.

Data goes to stdout (or ``-o FILE``), messages and progress to stderr.
Exit codes: 0 fine, 1 something failed or a threshold was missed, 2 the
command could not run (usage or input error).  Library errors become one
line that says what to do; no tracebacks unless ``-v``.

This module holds the parser and the entry point; the verbs are in
:mod:`kg.cli.commands`, streams and exit codes in :mod:`kg.cli.output`.
Nothing else in irkg knows the CLI library.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Callable, Sequence

from kg import __version__
from kg.cli.commands import (cmd_build, cmd_eval, cmd_export, cmd_extract, cmd_network, cmd_publish,
                             cmd_push, cmd_queries, cmd_query, cmd_report, cmd_serve, cmd_stats, cmd_validate)
from kg.cli.output import EXIT_ERROR, EXIT_OK, printable
from kg.errors import KgError

log = logging.getLogger("kg")

DEFAULT_STORE = "kg-store"
TRANSCRIPT_FORMATS = ("auto", "kremlin", "whitehouse", "plain")
GRAPH_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")


def default_jobs() -> int:
    """Worker processes for a build: the usable CPUs, capped, since writes are serial anyway."""
    import os
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(8, cpus))


# --- parser ------------------------------------------------------------------

def _add_quiet_verbose(p: argparse.ArgumentParser, **default: object) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr", **default)
    p.add_argument("-v", "--verbose", action="store_true", help="more messages; tracebacks on errors",
                   **default)


def _add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=DEFAULT_STORE, metavar="DIR|memory|URL",
                   help=f"the graph store: a directory (embedded Oxigraph, default ./{DEFAULT_STORE}), "
                        "'memory' for a one-off run that writes nothing, or the URL of a SPARQL 1.1 "
                        "endpoint (credentials from KG_STORE_USER/KG_STORE_PASSWORD or ~/.netrc)")


def base_iri(value: str) -> str:
    """``--base``: an absolute IRI with no space, quote or angle bracket, or a usage error."""
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not an absolute IRI ({error}); "
                                         "e.g. https://example.org/id/") from None
    return value


def _add_base(p: argparse.ArgumentParser) -> None:
    from kg.rdf.namespace import DEFAULT_BASE
    p.add_argument("--base", default=DEFAULT_BASE, metavar="IRI", type=base_iri,
                   help=f"base IRI of the data (default {DEFAULT_BASE})")


def _add_limits(p: argparse.ArgumentParser) -> None:
    from kg.inputs.limits import Limits, MB

    limits = Limits()
    p.add_argument("--max-file-mb", type=float, metavar="MB",
                   help=f"refuse input files larger than this (default {limits.file_bytes // MB})")
    p.add_argument("--max-text-mb", type=float, metavar="MB",
                   help=f"refuse a transcript (a file's text or a JSONL record) larger than this "
                        f"(default {limits.text_bytes // MB})")
    p.add_argument("--max-turns", type=int, metavar="N",
                   help=f"refuse a transcript with more speaker turns than this (default {limits.turns})")


def _add_reader(p: argparse.ArgumentParser) -> None:
    from kg.extract.pipeline import DEFAULT_READER, READERS

    p.add_argument("--reader", choices=tuple(READERS), default=DEFAULT_READER,
                   help="how commitments are read: 'model', the trained sentence reader over the rules "
                        f"(default {DEFAULT_READER}; see docs/model-card.md), or 'rules' alone, to compare")
    p.add_argument("--model", metavar="FILE",
                   help="a reader model file made by tools/train_reader.py (default: the one shipped)")


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
    _add_quiet_verbose(parser)
    # the same two flags after the verb too ("kg build -q ..."); SUPPRESS keeps a global one set
    common = argparse.ArgumentParser(add_help=False)
    _add_quiet_verbose(common, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, Callable[[argparse.Namespace], int]] = {}

    def add(name: str, func, help: str, description: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=description, parents=[common])
        p.set_defaults(func=func)
        commands[name] = func
        return p

    p = add("build", cmd_build, "read transcripts into the graph store",
            "Read transcripts (files, folders, globs, '-' for stdin; .txt, .html, .jsonl) and write "
            "each as one named graph into the store. A transcript already built from the same text by "
            "the same reader is skipped; a changed file replaces its graph. "
            "A file that cannot be read is reported and skipped; the exit code is 1 if any failed.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="transcript files, folders, globs or -")
    _add_store(p)
    _add_base(p)
    _add_transcript_format(p, "-t", "--format", "--transcript-format")
    _add_reader(p)
    _add_limits(p)
    p.add_argument("-j", "--jobs", type=int, default=default_jobs(), metavar="N",
                   help="worker processes for parsing, extraction and validation "
                        f"(default {default_jobs()}: the CPUs of this machine, at most 8; 1 runs in-process)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where parsing, extraction and validation run: 'local' worker processes (-j), or "
                        "the workers of a Dask cluster ('dask', with --scheduler; pip install 'irkg[dask]'); "
                        "the store is written by this process either way")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="the Dask scheduler of --executor dask (its workers need this irkg version installed)")
    p.add_argument("--rebuild", action="store_true",
                   help="build every transcript again, even one whose graph the store holds from the same "
                        "text read by the same reader version (skipped by default)")
    p.add_argument("--prune", action="store_true",
                   help="drop the graphs of transcripts built into this store before whose files are not "
                        "given this time")
    p.add_argument("--out", nargs=2, metavar=("nquads", "DIR"),
                   help="instead of a store, write gzip N-Quads shards for a bulk loader (oxigraph load, "
                        "Virtuoso ld_dir, QLever) into DIR: part-00000.nq.gz... and manifest.json, the whole "
                        "folder in place only once the build is done; always a full build (see docs/bulk-load.md)")
    p.add_argument("--shard-size", type=int, metavar="N",
                   help="at most N quads per shard of --out (default 1000000)")
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
    _add_reader(p)
    _add_limits(p)

    p = add("export", cmd_export, "write the graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD",
            "Serialise the store (all graphs, or one with --graph). TriG and N-Quads keep the "
            "named graphs; Turtle, N-Triples and JSON-LD give their union.")
    _add_store(p)
    p.add_argument("-f", "--format", choices=GRAPH_FORMATS,
                   help="RDF format (default: from the -o suffix .ttl .trig .nq .nt .jsonld .json, else turtle)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--graph", metavar="IRI", help="export only this named graph")

    p = add("publish", cmd_publish, "write the graph as a static linked-data site",
            "Write a static site into DIR: one HTML page per meeting, leader, country, commitment, figure "
            "and transcript (each fact linked to its highlighted quote in the transcript page) with "
            "Turtle and JSON-LD beside it; an index per kind; the ontology reference; gzip N-Quads and "
            "Turtle dumps with SHA256SUMS; void.ttl; sitemap.xml; and content-negotiation configuration "
            "for Apache (.htaccess) and nginx (nginx.conf), and a w3id.org redirect (w3id.htaccess). "
            "DIR must be new, empty, or a site written before (which is replaced).")
    p.add_argument("folder", metavar="DIR", help="the folder to write the site into")
    _add_store(p)
    _add_base(p)
    p.add_argument("--site-url", metavar="URL",
                   help="where the site will be hosted, for the sitemap, the dumps' URLs and the w3id "
                        "redirect (default: the base IRI's parent, https://w3id.org/irkg/)")
    p.add_argument("--sparql", metavar="URL", help="a public SPARQL endpoint to name in void.ttl")

    p = add("stats", cmd_stats, "count transcripts, meetings, leaders, countries and triples",
            "Summarise the store: totals, and with --per-graph the triples of each named graph.")
    _add_store(p)
    p.add_argument("-f", "--format", choices=("table", "json"), default="table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--per-graph", action="store_true", help="list every named graph with its triple count")

    p = add("eval", cmd_eval, "score extraction against gold files",
            "Build the transcripts that sit beside GOLD_DIR/*.gold.json (or in --texts DIR) into a "
            "memory store, read the facts back with SPARQL, and print precision, recall and F1 per "
            "field and per commitment type, each F1 with a 95%% bootstrap interval over transcripts, "
            "and status and item accuracy on matched pairs. Several GOLD_DIRs are scored as one set "
            "(a split spread over folders). Commitments match only when stated in the same sentence; "
            "--loose gives the older matching, which overstates, to quote beside the strict figure.")
    p.add_argument("gold_dir", metavar="GOLD_DIR", nargs="+",
                   help="folders of NAME.gold.json files (a last argument without gold files is taken "
                        "as the folder of the transcripts, as --texts)")
    p.add_argument("--texts", dest="text_dir", metavar="DIR",
                   help="folder of the transcripts (default: beside each gold file)")
    p.add_argument("--select", metavar="PATTERN",
                   help="score only the gold files whose names match this shell pattern ('whitehouse-*')")
    p.add_argument("--loose", action="store_true",
                   help="match commitments anywhere in the transcript (type, parties, quantity) instead of "
                        "in the same sentence; overstates extraction, report only beside the strict score")
    _add_reader(p)
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

    p = add("report", cmd_report, "write one offline HTML page about the store for a colleague",
            "Write a self-contained HTML report: meetings per year and per partner, the country "
            "network, commitments by type and status over time, the figures leaders cite most with "
            "their quotes, and data quality (counts, SHACL validation, the model card's extraction scores).")
    _add_store(p)
    p.add_argument("-o", "--output", metavar="FILE", default="report.html",
                   help="the page to write (default report.html)")
    p.add_argument("--no-validate", action="store_true",
                   help="skip SHACL validation in the data-quality section (about 25 s on 7,000 transcripts)")
    p.add_argument("--model-card", metavar="FILE",
                   help="a Markdown model card whose score tables to show (default docs/model-card.md of the checkout)")
    p.add_argument("--title", default="irkg report", help="the page's title")

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
    p.add_argument("--timeout", type=float, default=60.0, metavar="S",
                   help="stop the query after S seconds (default 60; 0 waits for ever)")
    p.add_argument("--allow-service", action="store_true",
                   help="let SERVICE clauses make requests to other servers (off: a query could reach "
                        "any address this machine can)")
    p.add_argument("-o", "--output", metavar="FILE")
    _add_store(p)

    p = add("push", cmd_push, "copy the local store to a SPARQL endpoint, graph by graph",
            "Replace each named graph of the store on the endpoint at URL (Graph Store Protocol PUT, or "
            "SPARQL Update where there is none). Idempotent; transient errors are retried with backoff. "
            "Credentials come from KG_STORE_USER/KG_STORE_PASSWORD or ~/.netrc.")
    p.add_argument("url", metavar="URL", help="the endpoint: a server root, a /query URL or a dataset URL")
    _add_store(p)
    p.add_argument("--retries", type=int, default=4, metavar="N", help="attempts per request (default 4)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S",
                   help="give up on a request the endpoint does not answer within S seconds, and stop "
                        "the push (default 30)")

    p = add("serve", cmd_serve, "serve the store over SPARQL with the Oxigraph server",
            "Run the Oxigraph server (from the oxigraph package) on the store directory: the SPARQL "
            "1.1 Protocol at /query and a query page at /, read-only and on 127.0.0.1 unless told "
            "otherwise. The default graph is the union of all graphs, as in kg query.")
    _add_store(p)
    p.add_argument("--port", type=int, default=7878, help="TCP port (default 7878)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--writable", action="store_true",
                   help="accept updates and Graph Store writes (runs the Oxigraph server of the "
                        "oxigraph package instead, which has no --allow-service guard)")
    p.add_argument("--cors", action="store_true", help="allow cross-origin requests (browser tools)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S",
                   help="stop a query after S seconds and answer 503 (default 30)")
    p.add_argument("--allow-service", action="store_true",
                   help="let SERVICE clauses make requests to other servers (off by default)")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="queries answered at once, each in its own process (default 2)")

    parser.set_defaults(commands=commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="kg: %(message)s", stream=sys.stderr)
    if not args.verbose:  # rdflib logs a traceback per bad literal ("day is out of range")
        logging.getLogger("rdflib").setLevel(logging.ERROR)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.func(args)
    except KgError as exc:
        if args.verbose:
            raise
        print(printable(f"kg {args.command}: {exc}"), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a full disk, a vanished folder: one line, not a traceback
        if args.verbose:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(printable(f"kg {args.command}: {where}{exc.strerror or exc}"), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
