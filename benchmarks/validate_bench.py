"""SHACL validation time per transcript graph: pySHACL against pyshacl-turbo, on the same graphs.

    python benchmarks/validate_bench.py [PATH ...] [--store DIR] [--runs 3] [--limit 300] [--json out.json]

Transcripts at PATH (default tests/data/dev) are built into a memory store,
or an existing ``--store`` is read.  Each graph is validated ``--runs`` times
by each engine (with the same reference slice and ontology as ``kg
validate``); the per-graph median is kept, and the report gives the median
and total over graphs, the ratio of the engines, and whether their results
are identical on every graph (the condition for using the faster one).
The build time of the same transcripts without validation is given for the
ratio validation / build.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kg.building.builder import build
from kg.store.factory import open_store
from kg.store.protocol import graph_triples
from kg.validation.shacl import ENGINES, GraphValidator, is_reference

ROOT = Path(__file__).resolve().parent.parent


def measure(store, runs: int, limit: int) -> dict:
    names = [g.value for g in store.graphs()]
    reference = [t for n in names if is_reference(n) for t in graph_triples(store, ox.NamedNode(n))]
    graphs = {n: graph_triples(store, ox.NamedNode(n)) for n in names if not is_reference(n)}
    graphs = dict(list(sorted(graphs.items()))[:limit] if limit else sorted(graphs.items()))
    out: dict = {"graphs": len(graphs), "triples": sum(map(len, graphs.values())), "engines": {}}
    results: dict[str, dict[str, list]] = {}
    for engine in ENGINES:
        try:
            validator = GraphValidator(reference, engine)
        except Exception as error:  # an engine that is not installed is reported, not fatal
            out["engines"][engine] = {"error": str(error)}
            continue
        medians, results[engine] = [], {}
        for name, triples in graphs.items():
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                results[engine][name] = validator.validate_triples(triples, name)
                times.append(time.perf_counter() - started)
            medians.append(statistics.median(times))
        out["engines"][engine] = {
            "median_ms_per_graph": round(1000 * statistics.median(medians), 2),
            "total_s": round(sum(medians), 2),
            "results": sum(len(r) for r in results[engine].values()),
        }
    if len(results) == 2:
        a, b = results.values()
        out["identical_results"] = a == b
        out["differing_graphs"] = sorted(n for n in a if a[n] != b.get(n))[:20]
        totals = [out["engines"][e]["total_s"] for e in ENGINES]
        out["speedup"] = round(totals[0] / totals[1], 2) if totals[1] else None
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "tests" / "data" / "dev")])
    parser.add_argument("--store", help="an existing store to read instead of building PATHs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="validate at most this many graphs")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    build_seconds = None
    if args.store:
        store = open_store(args.store)
    else:
        store = open_store("memory")
        build_seconds = build(args.paths, store).seconds
    figures = measure(store, args.runs, args.limit)
    if build_seconds is not None:
        figures["build_s_without_validation"] = round(build_seconds, 2)
        for engine in ENGINES:
            total = figures["engines"].get(engine, {}).get("total_s")
            if total is not None and build_seconds:
                figures["engines"][engine]["ratio_to_build"] = round(total / build_seconds, 2)
    text = json.dumps(figures, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0 if figures.get("identical_results", True) else 1


if __name__ == "__main__":
    sys.exit(main())
