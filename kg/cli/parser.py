"""The ``kg`` command line: a table of commands, each with its help, examples and arguments.

:data:`COMMANDS` names every verb once: the function that runs it (in
:mod:`kg.cli.commands`), the line ``kg --help`` shows, the description and
examples of ``kg VERB --help``, and a small function adding its own
arguments.  Options several verbs share come from :mod:`kg.cli.options`.
"""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass
from typing import Callable, Sequence

from kg import __version__
from kg.cli.commands import (cmd_build, cmd_eval, cmd_export, cmd_extract, cmd_network, cmd_publish,
                             cmd_push, cmd_queries, cmd_query, cmd_report, cmd_serve, cmd_stats, cmd_validate)
from kg.cli.options import (add_base, add_limits, add_output, add_quiet_verbose, add_reader, add_store,
                            add_transcript_format, default_jobs)

Arguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    """One verb: what runs it, what its help says, and what it takes."""

    run: Callable[[argparse.Namespace], int]
    help: str
    description: str
    arguments: Arguments
    examples: tuple[str, ...] = ()


class _Formatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own, so examples stay one a line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            margin = len(line) - len(line.lstrip())
            lead = indent + " " * margin
            lines.append(textwrap.fill(line.strip(), width, initial_indent=lead,
                                       subsequent_indent=lead + ("    " if margin else ""),
                                       break_on_hyphens=False) if line.strip() else "")
        return "\n".join(lines)


def _build(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="transcript files, folders, globs or - (stdin)")
    add_store(p)
    add_base(p)
    add_transcript_format(p, hidden=("--format",))
    add_reader(p)
    add_limits(p)
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
    p.add_argument("--verify", action="store_true",
                   help="read every file and hash its text, and the reader's files, even those whose size and "
                        "modification time are as recorded (a file changed in place with both kept is "
                        "otherwise taken as unchanged, as git and make take it)")
    p.add_argument("--prune", action="store_true",
                   help="drop the graphs of transcripts built into this store before whose files are not "
                        "given this time")
    checks = p.add_mutually_exclusive_group()
    checks.add_argument("--strict", action="store_true",
                        help="reject (do not write) a transcript whose graph violates the SHACL shapes; "
                             "exit 1 if any was rejected")
    checks.add_argument("--no-validate", action="store_true",
                        help="skip SHACL validation (by default a graph with violations is written and reported)")
    p.add_argument("--out", nargs=2, metavar=("nquads", "DIR"),
                   help="instead of a store, write gzip N-Quads shards for a bulk loader (oxigraph load, "
                        "Virtuoso ld_dir, QLever) into DIR: part-00000.nq.gz... and manifest.json, the whole "
                        "folder in place only once the build is done; always a full build (see docs/bulk-load.md)")
    p.add_argument("--shard-size", type=int, metavar="N",
                   help="at most N quads per shard of --out (default 1000000)")


def _validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="RDF files to validate instead of the store")
    add_store(p)
    p.add_argument("--graph", metavar="IRI", help="validate only this named graph")
    add_output(p, "validate")
    p.add_argument("-n", "--show", type=int, default=5, metavar="N",
                   help="results listed per shape in the human report (default 5)")
    p.add_argument("--engine", choices=("pyshacl", "turbo"),
                   help="SHACL engine (default pyshacl-turbo where installed, else pySHACL)")


def _extract(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="transcript files, folders, globs or - (stdin)")
    add_output(p, "extract", legacy_json=True)
    add_transcript_format(p)
    add_reader(p)
    add_limits(p)


def _export(p: argparse.ArgumentParser) -> None:
    add_store(p)
    add_output(p, "export")
    p.add_argument("--graph", metavar="IRI", help="export only this named graph")


def _publish(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", metavar="DIR", help="the folder to write the site into")
    add_store(p)
    add_base(p)
    p.add_argument("--site-url", metavar="URL",
                   help="where the site will be hosted, for the sitemap, the dumps' URLs and the w3id "
                        "redirect (default: the base IRI's parent, https://w3id.org/irkg/)")
    p.add_argument("--sparql", metavar="URL", help="a public SPARQL endpoint to name in void.ttl")


def _stats(p: argparse.ArgumentParser) -> None:
    add_store(p)
    add_output(p, "stats")
    p.add_argument("--per-graph", action="store_true", help="list every named graph with its triple count")


def _eval(p: argparse.ArgumentParser) -> None:
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
    add_reader(p)
    p.add_argument("--explain", action="store_true",
                   help="list misses and false finds with their sentences (table format)")
    add_output(p, "eval", legacy_json=True)
    p.add_argument("--min-f1", type=float, metavar="X",
                   help="exit 1 if the F1 of participants, countries, commitments or figures is below X")
    add_base(p)


def _network(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", metavar="KIND", choices=("leader-country", "countries", "leaders", "commitments",
                                                    "meetings"),
                   help="leader-country, countries, leaders, commitments or meetings")
    add_store(p)
    p.add_argument("--since", metavar="DATE", help="only meetings on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only meetings on or before DATE (YYYY-MM-DD)")
    p.add_argument("--country", action="append", default=[], metavar="ISO3",
                   help="only meetings (or commitments) of this country; repeat for more")
    p.add_argument("--metrics", action="store_true",
                   help="add degree, weighted degree, betweenness, eigenvector centrality and Louvain "
                        "community to the nodes, and print the top nodes (on stdout, instead of the network "
                        "when there is no -o)")
    p.add_argument("--top", type=int, default=10, metavar="N", help="rows of the --metrics table (default 10)")
    add_output(p, "network", file_help=" (.graphml .gexf .json .csv .html .png)")


def _report(p: argparse.ArgumentParser) -> None:
    add_store(p)
    add_output(p, "report")
    p.add_argument("--no-validate", action="store_true",
                   help="skip SHACL validation in the data-quality section (about 25 s on 7,000 transcripts)")
    p.add_argument("--model-card", metavar="FILE",
                   help="a Markdown model card whose score tables to show (default docs/model-card.md of the checkout)")
    p.add_argument("--title", default="irkg report", help="the page's title")


def _queries(p: argparse.ArgumentParser) -> None:
    add_output(p, "queries")


def _query(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="?", metavar="NAME|FILE", help="a library query name or a .rq file")
    p.add_argument("-e", "--expression", metavar="SPARQL", help="the query text itself")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to VALUE (a string, date, number or <IRI> as the query's header "
                        "says); repeat for more")
    add_output(p, "query")
    p.add_argument("--limit", type=int, metavar="N", help="at most N rows")
    p.add_argument("--offset", type=int, metavar="N",
                   help="skip the first N rows: with a query that lists a page at a time (its header "
                        "says so, as transcripts_overview's 500 transcripts), the page that starts there")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S",
                   help="stop the query after S seconds (default 60; 0 waits for ever)")
    p.add_argument("--allow-service", action="store_true",
                   help="let SERVICE clauses make requests to other servers (off: a query could reach "
                        "any address this machine can)")
    add_store(p)


def _push(p: argparse.ArgumentParser) -> None:
    p.add_argument("url", metavar="URL", help="the endpoint: a server root, a /query URL or a dataset URL")
    add_store(p)
    p.add_argument("--retries", type=int, default=4, metavar="N", help="attempts per request (default 4)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S",
                   help="give up on a request the endpoint does not answer within S seconds, and stop "
                        "the push (default 30)")


def _serve(p: argparse.ArgumentParser) -> None:
    add_store(p)
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


COMMANDS: dict[str, Command] = {
    "build": Command(
        cmd_build, "read transcripts into the graph store",
        "Read transcripts (files, folders, globs, '-' for stdin; .txt, .html, .jsonl) and write each as one "
        "named graph into the store. A transcript already built from the same text by the same reader is "
        "skipped; a changed file replaces its graph. A file that cannot be read is reported and skipped; "
        "the exit code is 1 if any failed.", _build,
        ("kg build examples/transcripts/", "kg build -j 4 --strict pages/*.html records.jsonl",
         "kg build --store memory --reader rules page.txt", "cat page.txt | kg build -")),
    "validate": Command(
        cmd_validate, "check the graph against the SHACL shapes",
        "Validate each transcript's named graph (with the reference graph and the ontology) against "
        "shapes/irkg.ttl, from the store or from RDF files (Turtle, TriG, N-Quads, N-Triples, JSON-LD). "
        "Exit 0 conforms (warnings allowed), 1 violations, 2 could not run.", _validate,
        ("kg validate", "kg validate -f json -o validation.json", "kg validate graph.trig")),
    "extract": Command(
        cmd_extract, "show what is read out of transcripts (no store)",
        "Run the extraction on transcripts and print the facts: a readable summary, or with -f json the "
        "gold JSON shape used by kg eval.", _extract,
        ("kg extract examples/transcripts/kremlin-2021-07-20-azerbaijan.txt",
         "kg extract -f json --reader rules page.txt -o page.json")),
    "export": Command(
        cmd_export, "write the graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD",
        "Serialise the store (all graphs, or one with --graph). TriG, N-Quads and JSON-LD keep the named "
        "graphs; Turtle and N-Triples give their union.", _export,
        ("kg export -o graph.trig", "kg export -f nquads | gzip > graph.nq.gz")),
    "publish": Command(
        cmd_publish, "write the graph as a static linked-data site",
        "Write a static site into DIR: one HTML page per meeting, leader, country, commitment, figure and "
        "transcript (each fact linked to its highlighted quote in the transcript page) with Turtle and "
        "JSON-LD beside it; an index per kind; the ontology reference; gzip N-Quads and Turtle dumps with "
        "SHA256SUMS; void.ttl; sitemap.xml; and content-negotiation configuration for Apache (.htaccess) "
        "and nginx (nginx.conf), and a w3id.org redirect (w3id.htaccess). DIR must be new, empty, or a "
        "site written before (which is replaced).", _publish,
        ("kg publish site/", "kg publish site/ --site-url https://example.org/irkg/")),
    "stats": Command(
        cmd_stats, "count transcripts, meetings, leaders, countries and triples",
        "Summarise the store: totals, and with --per-graph the triples of each named graph.", _stats,
        ("kg stats", "kg stats --per-graph -f json")),
    "eval": Command(
        cmd_eval, "score extraction against gold files",
        "Build the transcripts that sit beside GOLD_DIR/*.gold.json (or in --texts DIR) into a memory "
        "store, read the facts back with SPARQL, and print precision, recall and F1 per field and per "
        "commitment type, each F1 with a 95% bootstrap interval over transcripts, and status and item "
        "accuracy on matched pairs. Several GOLD_DIRs are scored as one set (a split spread over folders). "
        "Commitments match only when stated in the same sentence; --loose gives the older matching, which "
        "overstates, to quote beside the strict figure.", _eval,
        ("kg eval tests/data/dev", "kg eval data/annotated/dev --select 'whitehouse-*' --explain",
         "kg eval tests/data/dev -f json -o scores.json --min-f1 0.5")),
    "network": Command(
        cmd_network, "export a leader or country network for networkx, Gephi or a browser",
        "Build a network from the store with SPARQL and write it: -f, or else the suffix of -o, picks the "
        "format: .graphml, .gexf (dynamic, one time interval per meeting for Gephi's timeline), .json "
        "(node-link), .csv (edge list), .html (one offline interactive page) or .png. Without either, the "
        "node-link JSON goes to stdout.", _network,
        ("kg network countries -o countries.html", "kg network leaders --since 2020-01-01 --metrics --top 5",
         "kg network meetings -f gexf > meetings.gexf")),
    "report": Command(
        cmd_report, "write one offline HTML page about the store for a colleague",
        "Write a self-contained HTML report: meetings per year and per partner, the country network, "
        "commitments by type and status over time, the figures leaders cite most with their quotes, and "
        "data quality (counts, SHACL validation, the model card's extraction scores).", _report,
        ("kg report", "kg report --no-validate --title 'Russia and its partners' -o partners.html")),
    "queries": Command(
        cmd_queries, "list the query library with titles and parameters",
        "List the SPARQL queries of the library (queries/*.rq): name, title and the --param each takes. "
        "Run one with kg query NAME.", _queries,
        ("kg queries", "kg queries -f json")),
    "query": Command(
        cmd_query, "run a library query, a .rq file or -e 'SPARQL'",
        "Run a SPARQL query on the store. Parameters are bound as RDF terms, never pasted into the query "
        "text. A syntax error names its line and column.", _query,
        ("kg query meetings_between_countries --param a=RUS --param b=AZE",
         "kg query vaccine_doses_by_recipient -f csv -o doses.csv",
         "kg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'")),
    "push": Command(
        cmd_push, "copy the local store to a SPARQL endpoint, graph by graph",
        "Replace each named graph of the store on the endpoint at URL (Graph Store Protocol PUT, or SPARQL "
        "Update where there is none). Idempotent; transient errors are retried with backoff. Credentials "
        "come from KG_STORE_USER/KG_STORE_PASSWORD or ~/.netrc.", _push,
        ("kg push http://localhost:3030/irkg",)),
    "serve": Command(
        cmd_serve, "serve the store over SPARQL with the Oxigraph server",
        "Run the Oxigraph server (from the oxigraph package) on the store directory: the SPARQL 1.1 "
        "Protocol at /query and a query page at /, read-only and on 127.0.0.1 unless told otherwise. The "
        "default graph is the union of all graphs, as in kg query.", _serve,
        ("kg serve", "kg serve --port 8000 --cors --timeout 10")),
}


def _epilog(examples: tuple[str, ...]) -> str | None:
    return "examples:\n" + "\n".join(f"  {line}" for line in examples) if examples else None


def _verb(argv: Sequence[str]) -> str | None:
    """The verb of a command line: its first word that is no option (the global ones take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``kg`` parser: global -q/-v/--version, then one subparser per entry of :data:`COMMANDS`.

    Given the ``argv`` it will parse, only the verb named there gets its arguments (every verb keeps
    its line in ``kg --help``): some options import what their defaults come from (``--reader`` the
    extraction pipeline, ``--base`` the namespace module), which ``kg query`` or ``kg --help`` never
    need, and a command starts in a few milliseconds less.  Without ``argv``, every verb gets them.
    """
    verb = None if argv is None else _verb(argv)
    parser = argparse.ArgumentParser(
        prog="kg", formatter_class=_Formatter,
        description="Build an RDF knowledge graph of international relations from transcripts of "
                    "leaders' meetings, then validate, query, export and draw it.",
        epilog="Start with: kg build examples/transcripts/ && kg stats. Each command has its own --help.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    add_quiet_verbose(parser)
    # the same two flags after the verb too ("kg build -q ..."); SUPPRESS keeps a global one set
    common = argparse.ArgumentParser(add_help=False)
    add_quiet_verbose(common, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        p = sub.add_parser(name, help=command.help, description=command.description, parents=[common],
                           epilog=_epilog(command.examples), formatter_class=_Formatter)
        if argv is None or name == verb:
            command.arguments(p)
        p.set_defaults(func=command.run)
    parser.set_defaults(commands={name: command.run for name, command in COMMANDS.items()})
    return parser
