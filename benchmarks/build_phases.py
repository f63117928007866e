"""Where an incremental build's seconds go, process by process: the start and end of each phase.

    python benchmarks/build_phases.py KG-BUILD-ARGUMENTS...
    e.g. python benchmarks/build_phases.py PAGES --store COPY-OF-A-STORE -q

Runs ``kg build`` in this process with the build's phases wrapped: each start
and end is noted with the monotonic clock (one clock for every process, so
the writer's and the forked workers' lines line up) and the CPU seconds of
the process that ran it.  A cProfile of the writer alone shows it waiting for
its workers without saying on what; these lines show what the first worker
was loading (``warm_up``) while the writer looked through the files
(``todo``), and what of the end (``_finish``, ``_record_build``, ``close``)
comes after the last page.  On a busy machine the wall seconds stretch; the
CPU seconds of each phase stay close to an idle machine's.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import time
from pathlib import Path

#: (module, attribute) of each phase wrapped; a generator's first item is noted too
PHASES = (
    ("kg.cli.commands", "_build_into_store"), ("kg.building.builder", "build_transcripts"),
    ("kg.building.builder", "_start_workers"), ("kg.building.early", "start_early"), ("kg.building.warm", "warm_up"),
    ("kg.building.incremental", "todo"), ("kg.building.builder", "_write_all"),
    ("kg.building.prepare", "prepare"), ("kg.building.builder", "_finish"),
    ("kg.building.builder", "_record_build"), ("kg.store.metadata", "write_metadata"),
    ("kg.building.relink", "Relink.start"), ("kg.building.relink", "Relink.finish"),
    ("kg.store.embedded", "OxigraphStore.close"), ("kg.building.nochange", "seal"), ("kg.building.nochange", "look"),
)


def _wrap(owner: object, name: str, note) -> None:
    """Replace ``owner.name`` by a twin that notes its start and end (and a generator's first item)."""
    original = getattr(owner, name)

    @functools.wraps(original)
    def noted(*args, **kwargs):
        note(name, "start")
        try:
            value = original(*args, **kwargs)
        except BaseException:
            note(name, "end")
            raise
        if hasattr(value, "__next__") and hasattr(value, "send"):
            return _noted_items(value, name, note)
        note(name, "end")
        return value

    setattr(owner, name, noted)


def _noted_items(items, name: str, note):
    first = True
    for item in items:
        if first:
            note(name, "first")
            first = False
        yield item
    note(name, "end")


def main() -> None:
    import importlib

    started = time.monotonic()
    log = Path(tempfile.mkstemp(prefix="kg-phases-", suffix=".txt")[1])
    out = log.open("a", buffering=1)

    def note(name: str, what: str) -> None:
        out.write(f"{os.getpid()}\t{time.monotonic() - started:.3f}\t{time.process_time():.3f}\t{what}\t{name}\n")

    for module, attribute in PHASES:
        owner = importlib.import_module(module)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        _wrap(owner, name, note)
    from kg.cli import main as kg_main

    try:
        code = kg_main(["build", *sys.argv[1:]])
    finally:
        out.close()
    writer = os.getpid()
    print(f"{'process':<8} {'wall s':>7} {'cpu s':>6}  event")
    for line in log.read_text().splitlines():
        pid, wall, cpu, what, name = line.split("\t")
        who = "writer" if int(pid) == writer else f"w{pid}"
        print(f"{who:<8} {wall:>7} {cpu:>6}  {what} {name}")
    log.unlink()
    sys.exit(code)


if __name__ == "__main__":
    main()
