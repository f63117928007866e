"""Two checkouts, one kg command, run in turn: the fairest comparison a shared machine allows.

    python benchmarks/ab.py --a /tmp/old --b /tmp/new --runs 3 -- build /abs/PAGES --store {store} -q

Each run starts the command once with checkout A first on the path and once
with B (alternating which goes first), each into a fresh ``{store}``; load
from other work on the machine falls on both alike.  Prints the median
seconds of each and B/A.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(checkout: Path, argv: list[str], work: Path) -> float:
    store = work / "store"
    shutil.rmtree(store, ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve()))
    started = time.perf_counter()
    # run from the work folder: ``python -m`` puts the current folder first on the path, before PYTHONPATH
    done = subprocess.run([sys.executable, "-m", "kg", *[a.replace("{store}", str(store)) for a in argv]],
                          env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{checkout}: kg {' '.join(argv)} failed: {done.stderr[-1000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--a", type=Path, required=True, help="the checkout to compare against")
    parser.add_argument("--b", type=Path, required=True, help="the checkout to measure")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the kg arguments")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    times: dict[str, list[float]] = {"a": [], "b": []}
    with tempfile.TemporaryDirectory(prefix="irkg-ab-") as folder:
        for number in range(args.runs):
            order = ("a", "b") if number % 2 == 0 else ("b", "a")
            for side in order:
                times[side].append(run(getattr(args, side), command, Path(folder)))
    a, b = statistics.median(times["a"]), statistics.median(times["b"])
    figures = {"command": command, "runs": args.runs, "a": str(args.a), "b": str(args.b),
               "a_seconds": a, "b_seconds": b, "b_over_a": b / a, "samples": times}
    print(f"kg {' '.join(command)}: A {a:.2f} s, B {b:.2f} s, B/A {b / a:.2f} (medians of {args.runs})")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
