"""Options several ``kg`` commands share, each declared once here.

A command's own arguments are in :mod:`kg.cli.parser`; anything two commands
take alike (the store, the base IRI, the reader, input limits, and above all
``-f/--format`` and ``-o/--output``) is added by one function of this module,
so it reads and behaves the same on every command.
"""

from __future__ import annotations

import argparse
from typing import Any, Sequence

from kg.cli.output import FORMATS

DEFAULT_STORE = "kg-store"
TRANSCRIPT_FORMATS = ("auto", "kremlin", "whitehouse", "plain")


def default_jobs() -> int:
    """Worker processes for a build: the usable CPUs, capped, since writes are serial anyway."""
    import os
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(8, cpus))


def base_iri(value: str) -> str:
    """``--base``: an absolute IRI with no space, quote or angle bracket, or a usage error."""
    from kg.rdf.prefixes import DEFAULT_BASE

    if value == DEFAULT_BASE:  # argparse passes the default through here too: it needs no pyoxigraph loaded
        return value
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not an absolute IRI ({error}); "
                                         "e.g. https://example.org/id/") from None
    return value


def add_quiet_verbose(p: argparse.ArgumentParser, **default: object) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr", **default)
    p.add_argument("-v", "--verbose", action="store_true", help="more messages; tracebacks on errors",
                   **default)


def add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=DEFAULT_STORE, metavar="DIR|memory|URL",
                   help=f"the graph store: a directory (embedded Oxigraph, default ./{DEFAULT_STORE}), "
                        "'memory' for a one-off run that writes nothing, or the URL of a SPARQL 1.1 "
                        "endpoint (credentials from KG_STORE_USER/KG_STORE_PASSWORD or ~/.netrc)")


def add_base(p: argparse.ArgumentParser) -> None:
    from kg.rdf.prefixes import DEFAULT_BASE  # not kg.rdf.namespace: it loads pyoxigraph and the model
    p.add_argument("--base", default=DEFAULT_BASE, metavar="IRI", type=base_iri,
                   help=f"base IRI of the data (default {DEFAULT_BASE})")


def add_limits(p: argparse.ArgumentParser) -> None:
    from kg.inputs.limits import Limits, MB

    limits = Limits()
    p.add_argument("--max-file-mb", type=float, metavar="MB",
                   help=f"refuse input files larger than this (default {limits.file_bytes // MB})")
    p.add_argument("--max-text-mb", type=float, metavar="MB",
                   help=f"refuse a transcript (a file's text or a JSONL record) larger than this "
                        f"(default {limits.text_bytes // MB})")
    p.add_argument("--max-turns", type=int, metavar="N",
                   help=f"refuse a transcript with more speaker turns than this (default {limits.turns})")


def add_reader(p: argparse.ArgumentParser) -> None:
    from kg.extract.pipeline import DEFAULT_READER, READERS

    p.add_argument("--reader", choices=tuple(READERS), default=DEFAULT_READER,
                   help="how commitments are read: 'model', the trained sentence reader over the rules "
                        f"(default {DEFAULT_READER}; see docs/model-card.md), or 'rules' alone, to compare")
    p.add_argument("--model", metavar="FILE",
                   help="a reader model file made by tools/train_reader.py (default: the one shipped)")


def add_transcript_format(p: argparse.ArgumentParser, hidden: Sequence[str] = ()) -> None:
    """``-t/--transcript-format``; ``hidden`` flags are older spellings that still work."""
    help = ("how to read the transcripts: kremlin.ru pages, White House remarks, or plain "
            "'Name: text' / prose (default: detected per file)")
    p.add_argument("-t", "--transcript-format", dest="transcript_format", choices=TRANSCRIPT_FORMATS,
                   default="auto", help=help)
    if hidden:
        p.add_argument(*hidden, dest="transcript_format", choices=TRANSCRIPT_FORMATS,
                       default=argparse.SUPPRESS, help=argparse.SUPPRESS)


class _JsonAlias(argparse.Action):
    """``--json``, kept for scripts written before ``-f json``: sets the format and is noted as deprecated."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        namespace.format = "json"
        namespace.deprecated = [*getattr(namespace, "deprecated", []), ("--json", "-f json")]


def add_output(p: argparse.ArgumentParser, command: str, legacy_json: bool = False, file_help: str = "") -> None:
    """``-f/--format`` with the formats :data:`kg.cli.output.FORMATS` lists for ``command``, and
    ``-o/--output``; ``legacy_json`` adds the hidden, deprecated ``--json`` (same as ``-f json``)."""
    formats = FORMATS[command]
    if len(formats.names) > 1:
        default = "" if formats.by_suffix else f"; default {formats.names[0]}"
        p.add_argument("-f", "--format", choices=formats.names, help=f"output format: {formats.help}{default}")
    if formats.default_file:
        where = f"write to FILE (default {formats.default_file}; '-' for stdout)"
    else:
        where = "write to FILE instead of stdout"
    p.add_argument("-o", "--output", metavar="FILE",
                   help=f"{where}{file_help}; a file appears whole or not at all")
    if legacy_json:
        p.add_argument("--json", action=_JsonAlias, help=argparse.SUPPRESS)
