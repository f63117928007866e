"""Build throughput: median of several runs, as ratios to a baseline run in the same process.

The baseline is reading the same files (decode + sha256), the floor any build
pays; the stages are parse + extract, map, and store writes.  Ratios are
comparable across machines where seconds are not.

    python benchmarks/build_bench.py [PATH ...] [--runs 5] [--limit 500]

PATH defaults to examples/transcripts; point it at a folder of kremlin.ru
pages for a realistic run.
"""

from __future__ import annotations

import statistics
import time

from _pages import page_arguments, read_pages, timed
from kg.rdf.mapping import map_document
from kg.extract.pipeline import DEFAULT_PIPELINE, component
from kg.formats import parse
from kg.inputs.reader import read_all
from kg.store.embedded import OxigraphStore


def main() -> None:
    args = page_arguments(__doc__.splitlines()[0], limit=500).parse_args()
    paths, transcripts = read_pages(args)
    stages = {"parse": lambda t: parse(t)}
    timings: dict[str, list[float]] = {"read (baseline)": []}
    for name in ("parse", *DEFAULT_PIPELINE, "map", "store"):
        timings[name] = []
    for _ in range(args.runs):
        timings["read (baseline)"].append(timed(lambda: list(read_all(paths))))
        docs = []
        spent = dict.fromkeys(("parse", *DEFAULT_PIPELINE), 0.0)
        for t in transcripts:
            started = time.perf_counter()
            doc = stages["parse"](t)
            spent["parse"] += time.perf_counter() - started
            for name in DEFAULT_PIPELINE:
                started = time.perf_counter()
                doc = component(name)(doc)
                spent[name] += time.perf_counter() - started
            docs.append(doc)
        for name, seconds in spent.items():
            timings[name].append(seconds)
        mapped: list = []
        timings["map"].append(timed(lambda: mapped.extend(map_document(d) for d in docs)))
        store = OxigraphStore(None)
        timings["store"].append(timed(lambda: [store.replace_graph(m.graph, m.triples) for m in mapped]))
    baseline = statistics.median(timings["read (baseline)"])
    n = len(transcripts)
    print(f"{n} transcripts, {args.runs} runs, medians")
    print(f"{'stage':<18} {'ms/transcript':>14} {'x baseline':>11}")
    total = 0.0
    for name, values in timings.items():
        median = statistics.median(values)
        total += median if name != "read (baseline)" else 0.0
        print(f"{name:<18} {1000 * median / n:14.2f} {median / baseline:11.1f}")
    print(f"{'build total':<18} {1000 * total / n:14.2f} {total / baseline:11.1f}")


if __name__ == "__main__":
    main()
