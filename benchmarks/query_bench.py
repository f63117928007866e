"""Median latency of each library query, embedded and through the Oxigraph server, on one store.

    python benchmarks/query_bench.py --store kg-store [--repeat 5] [--json out.json]

First every query runs on the embedded store (pyoxigraph, in this process);
the store is closed, then the Oxigraph server is started read-only on the
same directory (as `kg serve` does) and every query runs again through
SPARQLWrapper.  Each query uses the example values of its ``# param:``
headers; one warm-up run is not counted.  Prints a table (milliseconds).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.store.endpoint import EndpointStore  # noqa: E402
from kg.sparql.library import bind_params, list_queries, run_query  # noqa: E402
from kg.store.serve import OxigraphServer  # noqa: E402
from kg.store.embedded import OxigraphStore, Store  # noqa: E402


def params_for(query, fact: str | None) -> dict[str, str]:
    params = {p.name: p.example for p in query.params if p.example}
    if query.name == "evidence_by_fact" and fact:
        params["fact"] = fact
    return params


def time_queries(store: Store, repeat: int, fact: str | None, timeout: float) -> dict[str, dict]:
    """{query name: {"median_ms": ..., "rows": ...}} for every library query on ``store``."""
    results = {}
    for query in list_queries():
        bindings = bind_params(query, params_for(query, fact))
        rows = len(run_query(store, query.text, bindings, timeout=timeout))  # warm-up
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            run_query(store, query.text, bindings, timeout=timeout)
            times.append((time.perf_counter() - started) * 1000)
        results[query.name] = {"median_ms": statistics.median(times), "rows": rows}
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, help="a store directory built by `kg build`")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    args = parser.parse_args()

    with OxigraphStore(args.store) as store:
        quads = store.count()
        facts = run_query(store, "SELECT ?f WHERE { ?f irkg:evidence ?e } LIMIT 1")
        fact = facts.rows[0]["f"].value if len(facts) else None
        embedded = time_queries(store, args.repeat, fact, args.timeout)
    with OxigraphServer(args.store, read_only=True) as server:
        served = time_queries(EndpointStore(server.url, timeout=args.timeout), args.repeat, fact, args.timeout)

    print(f"store {args.store}: {quads} quads; median of {args.repeat} runs, milliseconds")
    print(f"{'query':<34} {'rows':>7} {'embedded':>10} {'server':>10}")
    for name, numbers in embedded.items():
        print(f"{name:<34} {numbers['rows']:>7} {numbers['median_ms']:>10.1f} {served[name]['median_ms']:>10.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"quads": quads, "embedded": embedded, "server": served}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
