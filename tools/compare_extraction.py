"""Check that a refactor leaves extraction unchanged: extract a set of pages, then compare two runs.

    python tools/compare_extraction.py extract tests/data/dev*/ -o /tmp/before-dev.json
    python tools/compare_extraction.py extract ../shared/corpus/kremlin-news --sample 300 \\
        --skip TEST_SPLIT_FILES.txt -o /tmp/before-kremlin.json
    # ... change the code ...
    python tools/compare_extraction.py extract <same arguments> -o /tmp/after-kremlin.json
    python tools/compare_extraction.py compare /tmp/before-kremlin.json /tmp/after-kremlin.json

``extract`` runs what ``kg extract -f json --reader R`` runs (the same library calls) and writes
one JSON object: each page's path to its gold-shaped record, or to the error it raised.
``--sample N`` takes N pages spread evenly over the sorted list, so the same arguments pick the
same pages on any machine.  ``--skip FILE`` leaves out every page a list names (one path a line,
matched by its last two parts, folder and name), e.g. the sealed test split.

``compare`` prints the pages whose records differ, with the first differing field of each, and
exits 0 when the two runs agree on every page they share and hold the same pages, 1 otherwise.

``stores`` compares two store directories built from the same inputs (``kg build``), graph by
graph: the number of triples in each, and the triples themselves in every graph but the
metadata graph, whose build activity (times, reader version) differs from build to build::

    python tools/compare_extraction.py stores /tmp/store-before /tmp/store-after
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.errors import KgError  # noqa: E402
from kg.eval.goldjson import document_to_gold  # noqa: E402
from kg.extract.pipeline import pipeline_for, process  # noqa: E402
from kg.inputs.reader import iter_paths, read_all  # noqa: E402


def _key(path: str) -> str:
    parts = Path(path).parts
    return "/".join(parts[-2:])


def select(inputs: list[str], sample: int | None, skip: Path | None) -> list[str]:
    """The pages to extract: every file the inputs name, less the skipped ones, evenly thinned."""
    skipped = set()
    if skip is not None:
        skipped = {_key(line.strip()) for line in skip.read_text(encoding="utf-8").splitlines() if line.strip()}
    paths = sorted(p for p in iter_paths(inputs) if _key(p) not in skipped)
    if sample is not None and sample < len(paths):
        step = len(paths) / sample
        paths = [paths[int(i * step)] for i in range(sample)]
    return paths


def extract(paths: list[str], reader: str) -> dict[str, Any]:
    """Each page's path to its extraction as ``kg extract -f json`` prints it, or to its error."""
    pipeline = pipeline_for(reader)
    out: dict[str, Any] = {}
    for path in paths:
        records: list[Any] = []
        for item in read_all([path]):
            if isinstance(item, KgError):
                records.append({"error": str(item)})
                continue
            try:
                records.append(document_to_gold(process(item, None, pipeline)))
            except KgError as exc:
                records.append({"error": str(exc)})
        out[_key(path)] = records[0] if len(records) == 1 else records
    return out


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    if type(a) is not type(b):
        return f"{where or '/'}: {a!r:.80} != {b!r:.80}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{where}/{key}: only in {'second' if key not in a else 'first'}"
            if a[key] != b[key]:
                return _first_difference(a[key], b[key], f"{where}/{key}")
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
        if len(a) != len(b):
            return f"{where or '/'}: {len(a)} items != {len(b)}"
    return f"{where or '/'}: {a!r:.80} != {b!r:.80}"


def compare(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """One line per page that differs or stands in one run only."""
    lines = [f"{page}: only in the {'first' if page in first else 'second'} run"
             for page in sorted(set(first) ^ set(second))]
    for page in sorted(set(first) & set(second)):
        if first[page] != second[page]:
            lines.append(f"{page}: {_first_difference(first[page], second[page])}")
    return lines


def store_digest(path: Path) -> dict[str, tuple[int, str]]:
    """Each graph's IRI to its triple count and a digest of its sorted triples (read-only open)."""
    import hashlib

    import pyoxigraph as ox

    store = ox.Store.read_only(str(path))
    out: dict[str, tuple[int, str]] = {}
    for graph in store.named_graphs():
        lines = sorted(f"{q.subject} {q.predicate} {q.object}" for q in store.quads_for_pattern(None, None, None, graph))
        digest = "" if graph.value.endswith("graph/metadata") else hashlib.sha256("\n".join(lines).encode()).hexdigest()
        out[graph.value] = (len(lines), digest)
    return out


def compare_stores(first: Path, second: Path) -> list[str]:
    """One line per graph whose triple count or triples differ, or that one store lacks."""
    a, b = store_digest(first), store_digest(second)
    lines = [f"{g}: only in {'first' if g in a else 'second'} store" for g in sorted(set(a) ^ set(b))]
    for graph in sorted(set(a) & set(b)):
        if a[graph][0] != b[graph][0]:
            lines.append(f"{graph}: {a[graph][0]} triples != {b[graph][0]}")
        elif a[graph][1] != b[graph][1]:
            lines.append(f"{graph}: same count, other triples")
    total = sum(n for n, _ in a.values()), sum(n for n, _ in b.values())
    print(f"{len(a)} and {len(b)} graphs, {total[0]} and {total[1]} triples", file=sys.stderr)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    ext = verbs.add_parser("extract", help="extract pages into one JSON file")
    ext.add_argument("inputs", nargs="+", help="files or folders, as kg extract takes them")
    ext.add_argument("-o", "--output", type=Path, required=True)
    ext.add_argument("--reader", default="rules", help="the commitments reader (default rules)")
    ext.add_argument("--sample", type=int, help="take this many pages, spread evenly over the sorted list")
    ext.add_argument("--skip", type=Path, help="a file listing pages to leave out, one path a line")
    cmp = verbs.add_parser("compare", help="compare two files written by extract")
    cmp.add_argument("first", type=Path)
    cmp.add_argument("second", type=Path)
    sto = verbs.add_parser("stores", help="compare two store directories graph by graph")
    sto.add_argument("first", type=Path)
    sto.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    if args.verb == "stores":
        lines = compare_stores(args.first, args.second)
        print("\n".join(lines) or "every graph identical (metadata graph: counts only)")
        return 0 if not lines else 1
    if args.verb == "extract":
        paths = select(args.inputs, args.sample, args.skip)
        result = extract(paths, args.reader)
        args.output.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                               encoding="utf-8")
        print(f"{len(result)} pages -> {args.output}", file=sys.stderr)
        return 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (args.first, args.second))
    lines = compare(first, second)
    for line in lines:
        print(line)
    shared = len(set(first) & set(second))
    print(f"{shared} pages compared: {'identical' if not lines else f'{len(lines)} differ'}", file=sys.stderr)
    return 0 if not lines else 1


if __name__ == "__main__":
    sys.exit(main())
