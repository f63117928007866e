"""Whole `kg build` with the trained reader against the rules alone, on the same pages.

Runs `kg build` (the CLI, as a user would, default options otherwise) into a fresh
temporary store, alternating the two readers, several times; prints the median wall
time of each and their ratio. Alternating keeps a machine's drift from favouring one.

    python benchmarks/reader_build_bench.py ../shared/corpus/kremlin-news --runs 3 [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build_seconds(inputs: list[str], reader: str, jobs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "build", *inputs, "--store", str(Path(tmp) / "store"),
                        "--reader", reader, "-j", str(jobs), "-q"], check=True)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"rules": [], "model": []}
    for _ in range(args.runs):
        for reader in ("rules", "model"):
            times[reader].append(build_seconds(args.inputs, reader, args.jobs))
            print(f"{reader}: {times[reader][-1]:.1f} s", file=sys.stderr)
    medians = {reader: statistics.median(values) for reader, values in times.items()}
    ratio = medians["model"] / medians["rules"]
    print(f"kg build -j {args.jobs}, median of {args.runs}: rules {medians['rules']:.1f} s, "
          f"model {medians['model']:.1f} s, ratio {ratio:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"runs": times, "median": medians, "ratio": ratio, "jobs": args.jobs},
                                        indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
