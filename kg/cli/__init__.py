"""The ``kg`` command: one thin function per verb over one library call.

Data goes to stdout (or ``-o FILE``), messages and progress to stderr.
Exit codes: 0 fine, 1 something failed or a threshold was missed, 2 the
command could not run (usage or input error).  Library errors become one
line that says what to do; no tracebacks unless ``-v``.

This module holds the entry point; the table of verbs and their arguments
is in :mod:`kg.cli.parser` (options several verbs share in
:mod:`kg.cli.options`), the verbs in :mod:`kg.cli.commands`, exit codes and
output formats in :mod:`kg.cli.output`, the output stream in
:mod:`kg.cli.streams`.  Nothing else in irkg knows the CLI library.
"""

from __future__ import annotations

import logging
import sys
from typing import Sequence

from kg.cli.output import EXIT_ERROR, EXIT_OK
from kg.cli.parser import build_parser
from kg.cli.streams import printable
from kg.errors import KgError

__all__ = ["build_parser", "main"]

log = logging.getLogger("kg")


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command ``argv``; without one, the process's own, which then ends (:func:`_ending`)."""
    if argv is not None:
        return _run(list(argv))
    try:
        return _run(sys.argv[1:])
    finally:
        _ending()


def _ending() -> None:
    """Freezes what the process holds, as it is about to end: Python's collections at its end walked all of
    it (0.02-0.05 s after a build of one page, whose wait they lengthened).  Objects are still freed as the
    modules go; only cycles are left for the system to take back with the process's memory."""
    import gc

    gc.freeze()


def _run(argv: list[str]) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="kg: %(message)s", stream=sys.stderr)
    if not args.verbose:  # rdflib logs a traceback per bad literal ("day is out of range")
        logging.getLogger("rdflib").setLevel(logging.ERROR)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    for old, new in getattr(args, "deprecated", []) if not args.quiet else []:
        print(f"kg {args.command}: {old} is deprecated; use {new}", file=sys.stderr)
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
