"""CPU time of each stage of a build worker's page, in this process: where a page's time goes.

    python benchmarks/stage_cpu.py [--corpus DIR] [--pages 300] [--spread] [--exclude LIST] [--reader model]
        [--profile tottime]

The sample is long pages of 2015-2020 (every third of the ``3 * --pages``
longest pages whose first lines name one of those years), the pages where a
build spends most; with ``--spread``, every k-th page of the sorted corpus
instead, as a whole build sees them.  ``--exclude`` names a file listing pages to
leave out first (one path a line, as a test split is written).  Each page is parsed, run through the pipeline's
components, mapped, checked against the shapes as a build checks it and
packed for the writer; the CPU seconds (``time.process_time``, so other work
on a shared machine counts less than in wall time) of each stage are summed.
``--profile KEY`` instead prints a cProfile (CPU clock) of the same work,
sorted by KEY.  Caches are warmed on 20 pages first, then frozen (``gc.freeze``)
as a build worker's are.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "kremlin-news"
_YEARS = re.compile(r"\b20(?:1[5-9]|20)\b")


def corpus_files(corpus: Path, exclude: Path | None) -> list[Path]:
    """The corpus pages in name order, less those the ``exclude`` list names (matched by file name)."""
    excluded = set()
    if exclude:
        excluded = {line.strip().rsplit("/", 1)[-1] for line in exclude.read_text().splitlines() if line.strip()}
    return [path for path in sorted(corpus.glob("*.txt")) if path.name not in excluded]


def long_pages(files: list[Path], count: int) -> list[str]:
    """Every third of the ``3 * count`` longest pages dated 2015-2020 in their first lines."""
    sized = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        if _YEARS.search(text[:400]):
            sized.append((len(text), str(path)))
    sized.sort(reverse=True)
    return [path for _, path in sized[: 3 * count]][::3][:count]


def spread_pages(files: list[Path], count: int) -> list[str]:
    """Every k-th page of the sorted corpus, ``count`` of them."""
    paths = [str(path) for path in files]
    return paths[:: max(1, len(paths) // count)][:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--spread", action="store_true", help="every k-th page, not the long ones")
    parser.add_argument("--exclude", type=Path, help="a file listing pages to leave out")
    parser.add_argument("--reader", default="model", choices=("model", "rules"))
    parser.add_argument("--profile", help="print a cProfile sorted by this key instead (tottime, cumulative)")
    args = parser.parse_args(argv)

    from kg.extract.pipeline import component, pipeline_for
    from kg.formats import parse
    from kg.inputs.reader import read_all
    from kg.rdf.mapping import DEFAULT_BASE, map_document
    from kg.rdf.wire import pack
    from kg.validation.shacl import build_check

    files = corpus_files(args.corpus, args.exclude)
    paths = spread_pages(files, args.pages) if args.spread else long_pages(files, args.pages)
    pages = [t for t in read_all(paths) if not isinstance(t, Exception)]
    pipeline, check = pipeline_for(args.reader), build_check(DEFAULT_BASE)
    seconds: dict[str, float] = {}

    def timed(stage: str, func, *arguments):
        started = time.process_time()
        result = func(*arguments)
        seconds[stage] = seconds.get(stage, 0.0) + time.process_time() - started
        return result

    def run(batch) -> None:
        for transcript in batch:
            doc = timed("parse", parse, transcript, None)
            for name in pipeline:
                doc = timed(name, component(name), doc)
            mapped = timed("map", map_document, doc, DEFAULT_BASE)
            timed("shacl check", check, doc, mapped)
            timed("pack", lambda: (pack(mapped.triples), pack(mapped.shared)))

    run(pages[:20])
    seconds.clear()
    # as a build worker does once warm (kg.building.warm): what is loaded stays out of the collector's
    # passes, so their cost does not land on whichever stage happens to run (stages-notes.md)
    gc.freeze()
    if args.profile:
        profile = cProfile.Profile(time.process_time)
        profile.runcall(run, pages)
        pstats.Stats(profile).sort_stats(args.profile).print_stats(30)
        return 0
    started = time.process_time()
    run(pages)
    total = time.process_time() - started
    print(f"{len(pages)} pages ({args.reader} reader): {total:.2f} CPU s, {1000 * total / len(pages):.2f} ms a page")
    for stage, spent in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"  {stage:20s} {spent:6.2f} s {100 * spent / total:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
