"""How the ``kg`` command hands results to people: exit codes and each command's output formats.

Data goes to stdout or the ``-o`` file (:mod:`kg.cli.streams`), messages to
stderr.  Every command that writes data hands its result to
:func:`write_result`, which opens the output, renders the result in the ``-f``
format its command lists in :data:`FORMATS`, and closes the output; so ``-f``
and ``-o`` mean the same on every command, and the formats a command offers
are declared in one place, beside the code that renders them.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any, Callable

from kg.cli.streams import Output, open_output, printable

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def describe_record(r: dict) -> str:
    """One gold-shaped record as the readable block ``kg extract`` prints."""
    return printable(_describe(r))


def _describe(r: dict) -> str:
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



# --- formats: how each command renders its result -------------------------------------------------

#: writes one command's result to the output in one format; ``args`` carries the command's options
Renderer = Callable[[Output, Any, argparse.Namespace], None]


@dataclass(frozen=True)
class Formats:
    """The ``-f`` formats of one command, the first the default, and how ``-o`` is written.

    ``by_suffix`` names the format an ``-o`` file's suffix implies (None when it
    implies none); ``default_file`` is where the result goes without ``-o``
    (None: stdout).
    """

    renderers: dict[str, Renderer]
    help: str
    binary: bool = False
    by_suffix: Callable[[str], str | None] | None = None
    default_file: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.renderers)

    def chosen(self, args: argparse.Namespace) -> str:
        """``-f``, else what the ``-o`` suffix implies, else the default."""
        if getattr(args, "format", None):
            return args.format
        output = getattr(args, "output", None)
        if self.by_suffix is not None and output not in (None, "-"):
            return self.by_suffix(output) or self.names[0]
        return self.names[0]


def write_result(args: argparse.Namespace, result: Any) -> None:
    """Renders ``result`` of ``args.command`` in its chosen format into ``-o`` (or stdout)."""
    formats = FORMATS[args.command]
    render = formats.renderers[formats.chosen(args)]
    with open_output(getattr(args, "output", None) or formats.default_file, binary=formats.binary) as out:
        render(out, result, args)


def _json(value: Any, ascii: bool = False) -> str:
    import json  # here: a command that writes no JSON starts without it

    return json.dumps(value, ensure_ascii=ascii, indent=1) + "\n"


def _extract_text(out: Output, records: list[dict], args: argparse.Namespace) -> None:
    for record in records:
        out.write(describe_record(record))


def _extract_json(out: Output, records: list[dict], args: argparse.Namespace) -> None:
    out.write(_json(records[0] if len(records) == 1 else records))


def _stats_table(out: Output, stats: dict, args: argparse.Namespace) -> None:
    for key, value in stats["totals"].items():
        out.write(f"{key:<14} {value}\n")
    for row in stats.get("graphs", []):
        out.write(printable(f"{row['triples']:>8}  {row['graph']}  {row.get('source') or ''}\n"))


def _queries_table(out: Output, queries: list, args: argparse.Namespace) -> None:
    for q in queries:
        out.write(f"{q.name:<34} {q.title}\n")
        for p in q.params:
            example = f" (e.g. {p.example})" if p.example else ""
            out.write(f"{'':<36}--param {p.name}=...  {p.meaning}{example}\n")


def _queries_json(out: Output, queries: list, args: argparse.Namespace) -> None:
    out.write(_json([{"name": q.name, "title": q.title, "description": q.description,
                      "params": [vars(p) for p in q.params]} for q in queries]))


def _query_result(fmt: str) -> Renderer:
    def render(out: Output, result: Any, args: argparse.Namespace) -> None:
        from kg.sparql.library import format_result

        text = format_result(result, fmt)
        out.write(printable(text) if fmt == "table" else text)
    return render


def _eval_table(out: Output, report: Any, args: argparse.Namespace) -> None:
    from kg.eval.evaluate import format_misses, format_table

    out.write(format_table(report) + "\n")
    if args.explain:
        out.write(printable("\n" + format_misses(report) + "\n"))


def _validation(fmt: str) -> Renderer:
    def render(out: Output, report: Any, args: argparse.Namespace) -> None:
        from kg.validation.report import format_human, format_json, format_turtle

        if fmt == "json":
            out.write(format_json(report))
        elif fmt == "turtle":
            out.write(format_turtle(report))
        else:
            out.write(printable(format_human(report, per_shape=args.show)))
    return render


def _export(fmt: str) -> Renderer:
    def render(out: Output, store: Any, args: argparse.Namespace) -> None:
        from kg.store.export import export

        export(store, out, fmt, graph=args.graph)
    return render


def _export_suffix(path: str) -> str | None:
    from kg.store.export import format_for

    return format_for(path)


def _network(fmt: str) -> Renderer:
    def render(out: Output, graph: Any, args: argparse.Namespace) -> None:
        from kg.network.export import render_network

        out.write(render_network(graph, fmt))
    return render


def _network_suffix(path: str) -> str:
    from kg.network.export import network_format

    return network_format(path)


def _page(out: Output, html: str, args: argparse.Namespace) -> None:
    out.write(html)


GRAPH_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")
NETWORK_FORMATS = ("json", "graphml", "gexf", "csv", "html", "png")

#: command -> its output formats; the parser takes ``-f``'s choices from here
FORMATS: dict[str, Formats] = {
    "extract": Formats({"text": _extract_text, "json": _extract_json},
                       "text: a readable summary per transcript; json: the gold JSON shape kg eval scores "
                       "(one object, or a list for several transcripts)"),
    "validate": Formats({name: _validation(name) for name in ("human", "json", "turtle")},
                        "human: counts, then the first results of each shape (see -n); json: the counts and "
                        "every result; turtle: the SHACL validation report graph"),
    "export": Formats({name: _export(name) for name in GRAPH_FORMATS},
                      "RDF format (default: from the -o suffix .ttl .trig .nq .nt .jsonld .json, else turtle)",
                      binary=True, by_suffix=_export_suffix),
    "stats": Formats({"table": _stats_table, "json": lambda out, stats, args: out.write(_json(stats, ascii=True))},
                     "table: one count a line; json: the same counts as an object"),
    "eval": Formats({"table": _eval_table, "json": lambda out, report, args: out.write(_json(report.as_dict()))},
                    "table: scores per field and commitment type; json: every score, interval and count"),
    "queries": Formats({"table": _queries_table, "json": _queries_json},
                       "table: name, title and parameters; json: the same with each query's description"),
    "query": Formats({name: _query_result(name) for name in ("table", "csv", "tsv", "json")},
                     "an aligned table, CSV, TSV, or json (the SPARQL 1.1 query results JSON format); "
                     "CONSTRUCT and DESCRIBE give N-Triples whatever the format"),
    "network": Formats({name: _network(name) for name in NETWORK_FORMATS},
                       "graphml, gexf (dynamic: one time interval per meeting, for Gephi's timeline), json "
                       "(node-link), csv (edge list), html (one offline interactive page) or png (default: from "
                       "the -o suffix, else json)", binary=True, by_suffix=_network_suffix),
    "report": Formats({"html": _page}, "the page is HTML", default_file="report.html"),
}
