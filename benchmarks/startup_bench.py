"""Start-up of the ``kg`` command, before and after a change, run in turn: medians of many short runs.

    python benchmarks/startup_bench.py --before OLD-CHECKOUT --runs 25 --store kn-store \
        [--json benchmarks/results/startup.json]

Times ``kg --help`` and ``kg query -e 'ASK { ?s ?p ?o }' --store STORE`` (the start-up of a query:
imports, parsing the arguments, opening the store, one query that answers at once) as the installed
``kg`` script runs them: this Python, ``from kg.cli import main``, with the checkout first on the path.
Each run starts both sides, alternating which goes first, so load from other work on the machine falls
on both alike.  Gives the median wall milliseconds (what a user waits) and the median CPU milliseconds
of the child (user + system: what start-up costs whatever else runs).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "import sys\nfrom kg.cli import main\nsys.argv[0] = 'kg'\nsys.exit(main())\n"


def run_once(checkout: Path, argv: list[str]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one ``kg ARGV`` from ``checkout``."""
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve()))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", SCRIPT, *argv], env=env, cwd="/",
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{checkout}: kg {' '.join(argv)} failed: {done.stderr[-1000:]}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def measure(sides: dict[str, Path], argv: list[str], runs: int) -> dict[str, dict[str, float]]:
    """Medians per side, the sides run in turn after one warm-up each."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for checkout in sides.values():
        run_once(checkout, argv)
    for number in range(runs):
        order = list(sides) if number % 2 == 0 else list(reversed(sides))
        for name in order:
            samples[name].append(run_once(sides[name], argv))
    return {name: {"wall_ms": statistics.median(s[0] for s in got), "cpu_ms": statistics.median(s[1] for s in got)}
            for name, got in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, help="a store directory for the query (any `kg build` one)")
    parser.add_argument("--before", type=Path, help="a checkout to compare with (a copy of an older commit)")
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()
    sides = {"before": args.before, "after": ROOT} if args.before else {"after": ROOT}
    commands = {"kg --help": ["--help"],
                "kg query -e 'ASK { ?s ?p ?o }'": ["query", "-e", "ASK { ?s ?p ?o }", "--store", args.store]}
    load = [os.getloadavg()]
    figures = {name: measure(sides, argv, args.runs) for name, argv in commands.items()}
    load.append(os.getloadavg())
    for name, by_side in figures.items():
        print(f"{name}: " + ", ".join(f"{side} {v['wall_ms']:.1f} ms wall, {v['cpu_ms']:.1f} ms CPU"
                                      for side, v in by_side.items()))
    print("load average " + " -> ".join(", ".join(f"{x:.1f}" for x in avg) for avg in load))
    if args.json:
        out = {"runs": args.runs, "python": sys.version.split()[0], "cpus": os.cpu_count(),
               "load_before": load[0], "load_after": load[1], "before": str(args.before or ""),
               "commands": figures, "when": time.strftime("%Y-%m-%d %H:%M")}
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
