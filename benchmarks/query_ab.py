"""The query library before and after a change, on one store, run in turn: milliseconds and rows.

    python benchmarks/query_ab.py --store kn-store --before REF [--rows-store dev-store] [--runs 5]
                                  [--out benchmarks/results/queries]

``--before`` is a git revision (its ``queries/*.rq`` are read with ``git show``) or a folder of
``.rq`` files; after is ``queries/`` of this checkout.  Every query runs with the example values of
its ``# param:`` headers (as ``benchmarks/query_bench.py`` does), once to warm up and then ``--runs``
times for each side in turn, alternating which goes first, on the same embedded store: load from
other work on the machine falls on both alike.  The tables give medians of wall-clock and of CPU
milliseconds (CPU time of this process: what the query costs, whatever else runs beside it).

Rows agree when both answers hold the same rows (GROUP_CONCAT parts sorted, as the tests compare)
and list them in the same order of before's ORDER BY keys (rows tied on every key may swap); a side
that lists a page at a time (ends with its own ``LIMIT``) is compared with all its pages, one after
the other, and timed on its first page.  Rows are
also compared on each ``--rows-store`` and, on every store, with the extra parameters below.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

try:  # kg as packages (main since the move of the flat modules)
    from kg.sparql.library import LibraryQuery, bind_params, list_queries, parse_query, run_query
    from kg.store.embedded import OxigraphStore
    from kg.store.sparql_text import code_only
except ImportError:  # kg as flat modules
    from kg.queries import LibraryQuery, bind_params, list_queries, parse_query, run_query
    from kg.queries import _code_only as code_only
    from kg.store import OxigraphStore

#: more parameter values whose rows are compared too (not timed)
EXTRA_PARAMS = {
    "meetings_by_country": [{"country": "RUS"}, {"country": "USA"}],
    "meetings_between_countries": [{"a": "AZE", "b": "RUS"}, {"a": "RUS", "b": "RUS"}],
    "figures_by_country_pair": [{"a": "AZE", "b": "RUS"}],
    "commitments_by_country_pair": [{"by": "AZE", "to": "RUS"}, {"by": "RUS", "to": "CHN"}],
    "commitments_by_leader": [{"leader": "Aliyev"}, {"leader": ""}],
    "meetings_by_leader": [{"leader": "Putin"}],
    "commitments_never_mentioned_again": [{}, {"by": "CHN"}],
    "promises_with_outcomes": [{}, {"by": "AZE"}],
    "facts_by_quote_text": [{"phrase": "gas"}],
    "leaders_by_country": [{"country": "RUS"}],
    "meetings_by_month": [{}],
}
_CONCAT = re.compile(r'GROUP_CONCAT\((?:DISTINCT\s+)?\?\w+\s*;\s*separator\s*=\s*"([^"]*)"\)\s+AS\s+\?(\w+)',
                     re.IGNORECASE)


def before_queries(before: str) -> dict[str, LibraryQuery]:
    """The library of a folder of ``.rq`` files, or of a git revision of this checkout."""
    if Path(before).is_dir():
        return {q.name: q for q in list_queries(Path(before))}
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{before}:queries"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    out = {}
    for name in (n for n in names if n.endswith(".rq")):
        text = subprocess.run(["git", "show", f"{before}:queries/{name}"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout
        out[name[:-3]] = parse_query(text, name[:-3])
    return out


def row_set(result, sparql: str) -> list[tuple]:
    """Rows as sorted tuples of N-Triples terms; GROUP_CONCAT parts sorted (their order is not defined)."""
    separators = {name: sep for sep, name in _CONCAT.findall(sparql)}

    def cell(row, name):
        term = row.get(name)
        if name in separators and isinstance(term, ox.Literal):
            return "|".join(sorted(term.value.split(separators[name])))
        return str(term)

    return sorted(tuple(cell(row, v) for v in result.variables) for row in result)


def order_keys(result, sparql: str) -> list[tuple]:
    """Each row's ORDER BY keys that are variables or BOUND(variable), in answer order."""
    code = code_only(sparql)  # comments, strings and IRIs blanked: an "order by" in a comment is no clause
    found = list(re.finditer(r"\bORDER\s+BY\s", code, re.IGNORECASE))
    clause = re.split(r"\b(?:LIMIT|OFFSET)\b", code[found[-1].end():], flags=re.IGNORECASE)[0] if found else ""
    keys = [(bool(bound), name) for bound, name in re.findall(r"(BOUND\s*\(\s*)?\?(\w+)", clause)]
    return [tuple((name in row) if bound else str(row.get(name)) for bound, name in keys) for row in result]


def pages(text: str) -> int | None:
    """The page size of a query that ends with its own ``LIMIT`` (one that lists a page at a time)."""
    found = re.search(r"\bLIMIT\s+(\d+)\s*$", code_only(text), re.IGNORECASE)
    return int(found.group(1)) if found else None


def whole_answer(store, query: LibraryQuery, other: LibraryQuery, bindings):
    """The answer, all its pages joined when ``query`` pages and ``other`` does not."""
    size = pages(query.text)
    result = run_query(store, query.text, bindings)
    if not size or pages(other.text):
        return result
    page = result
    while len(page) == size:
        page = run_query(store, query.text, bindings, offset=len(result))
        result.rows.extend(page.rows)
    return result


def same_rows(store, old: LibraryQuery, new: LibraryQuery, bindings) -> tuple[bool, bool]:
    """Same rows, and listed in the same order of old's ORDER BY keys (a paged side: all its pages)."""
    a, b = whole_answer(store, old, new, bindings), whole_answer(store, new, old, bindings)
    return row_set(a, old.text) == row_set(b, new.text), order_keys(a, old.text) == order_keys(b, old.text)


def params_for(query: LibraryQuery, fact: str | None) -> dict[str, str]:
    params = {p.name: p.example for p in query.params if p.example}
    if query.name == "evidence_by_fact" and fact:
        params["fact"] = fact
    return params


def first_fact(store) -> str | None:
    facts = run_query(store, "SELECT ?f WHERE { ?f irkg:evidence ?e } ORDER BY ?f LIMIT 1")
    return facts.rows[0]["f"].value if len(facts) else None


def time_pair(store, old: LibraryQuery, new: LibraryQuery, bindings, runs: int) -> dict[str, float]:
    """Median wall and CPU milliseconds of each side, run in turn."""
    samples: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    sides = {"before": old, "after": new}
    for side in sides.values():
        run_query(store, side.text, bindings)  # warm-up
    for number in range(runs):
        for name in (("before", "after") if number % 2 == 0 else ("after", "before")):
            wall, cpu = time.perf_counter(), time.process_time()
            run_query(store, sides[name].text, bindings)
            samples[name].append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    return {f"{side}_{kind}_ms": statistics.median(s[i] for s in samples[side])
            for side in samples for i, kind in enumerate(("wall", "cpu"))}


def compare(store_path: str, old_lib, new_lib, runs: int | None) -> dict[str, dict]:
    """Per query: rows (and timings when ``runs``) of before and after on one store."""
    out = {}
    with OxigraphStore(store_path, read_only=True) as store:
        fact = first_fact(store)
        for new in new_lib:
            old = old_lib.get(new.name)
            if old is None:
                continue
            bindings = bind_params(new, params_for(new, fact))
            entry = {"rows": len(run_query(store, new.text, bindings))}
            entry["same_rows"], entry["same_order"] = same_rows(store, old, new, bindings)
            entry["other_params"] = []
            for extra in EXTRA_PARAMS.get(new.name, []):
                rows, order = same_rows(store, old, new, bind_params(new, extra))
                entry["other_params"].append({"params": extra, "same_rows": rows, "same_order": order})
            if runs:
                entry.update(time_pair(store, old, new, bindings, runs))
            out[new.name] = entry
            print(f"{store_path}: {new.name} {entry}", file=sys.stderr)
    return out


def _same(entry: dict) -> str:
    if entry["same_rows"] and entry["same_order"]:
        return "yes"
    return "rows yes, order no" if entry["same_rows"] else "NO"


def _others(entry: dict) -> str:
    """Rows with the other parameters: "yes", or which ones differ."""
    if not entry["other_params"]:
        return ""
    differ = [", ".join(f"{k}={v}" for k, v in e["params"].items()) or "none" for e in entry["other_params"]
              if _same(e) != "yes"]
    return "yes" if not differ else "differ: " + "; ".join(differ)


def markdown(figures: dict) -> str:
    lines = [f"# Query library, before and after (`benchmarks/query_ab.py`) ({figures['when']})", "",
             f"Store `{figures['store']}` ({figures['quads']} quads), embedded (pyoxigraph {figures['pyoxigraph']}), "
             f"before = `{figures['before']}`, after = this checkout. Each query ran {figures['runs']} times per side, "
             f"in turn, after a warm-up, with the example values of its `# param:` headers; medians. "
             f"{figures['cpus']} CPUs, shared: load average {figures['load_before']} at the start, "
             f"{figures['load_after']} at the end. Wall ms is what a user waits; CPU ms is this process's "
             "CPU time, what the query costs whatever else runs on the machine.", "",
             "| query | rows | before wall ms | after wall ms | before CPU ms | after CPU ms | rows same | "
             "other parameters |" + "".join(f" rows same on `{name}` |" for name in figures["rows_stores"]),
             "|---|---|---|---|---|---|---|---|" + "---|" * len(figures["rows_stores"])]
    for name, e in figures["queries"].items():
        extra = [_same(s[name]) + (f" ({_others(s[name])})" if _others(s[name]) not in ("", "yes") else "")
                 for s in figures["rows_stores"].values()]
        lines.append(f"| {name} | {e['rows']} | {e['before_wall_ms']:.1f} | {e['after_wall_ms']:.1f} | "
                     f"{e['before_cpu_ms']:.1f} | {e['after_cpu_ms']:.1f} | {_same(e)} | {_others(e)} |"
                     + "".join(f" {x} |" for x in extra))
    notes = figures.get("notes")
    return "\n".join(lines) + "\n" + (f"\n{notes.strip()}\n" if notes else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, help="the store to time on (a `kg build` directory)")
    parser.add_argument("--before", required=True, help="a git revision or a folder of .rq files")
    parser.add_argument("--rows-store", action="append", default=[], help="another store to compare rows on")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", help="write OUT.json and OUT.md")
    parser.add_argument("--notes", help="a Markdown file appended to OUT.md")
    args = parser.parse_args()
    old_lib, new_lib = before_queries(args.before), list_queries()
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    with OxigraphStore(args.store, read_only=True) as store:
        quads = store.count()
    figures = {"when": time.strftime("%Y-%m-%d %H:%M"), "store": args.store, "quads": quads, "before": args.before,
               "runs": args.runs, "cpus": os.cpu_count(), "python": platform.python_version(),
               "pyoxigraph": ox.__version__, "load_before": load_before,
               "queries": compare(args.store, old_lib, new_lib, args.runs),
               "rows_stores": {path: compare(path, old_lib, new_lib, None) for path in args.rows_store}}
    figures["load_after"] = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    figures["notes"] = Path(args.notes).read_text(encoding="utf-8") if args.notes else ""
    print(markdown(figures))
    if args.out:
        Path(f"{args.out}.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        Path(f"{args.out}.md").write_text(markdown(figures), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
