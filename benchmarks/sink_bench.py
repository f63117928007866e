"""The writer alone: the same mapped graphs written into a store directory and into N-Quads shards, in turn.

    python benchmarks/sink_bench.py [--corpus DIR] [--pages 2000] [--runs 3]

Reading, extraction and mapping run once, before any timing.  Then each run
writes every transcript graph, the follow-up links and the build record into a
fresh store directory (``StoreSink``) and into fresh shards (``ShardSink``),
alternating which goes first, so load from other work on the machine falls on
both alike.  Prints the median seconds of each and shards / store.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "kremlin-news"


def mapped_graphs(paths: list[Path]) -> list:
    """Each page read, processed and mapped, once; a text given twice kept once, as a build does."""
    from kg.extract.pipeline import process
    from kg.inputs.reader import read_all
    from kg.rdf.mapping import DEFAULT_BASE, map_document

    out, seen = [], set()
    for transcript in read_all([str(p) for p in paths]):
        if getattr(transcript, "sha256", None) in seen or not hasattr(transcript, "text"):
            continue
        seen.add(transcript.sha256)
        out.append(map_document(process(transcript), DEFAULT_BASE))
    return out


def write_all(sink, graphs: list) -> None:
    """What a build does with its sink once every graph is made."""
    from kg import __version__
    from kg.rdf.mapping import DEFAULT_BASE, reference_triples
    from kg.store.metadata import BuildRecord, now
    from kg.rdf.namespace import reference_graph_iri

    started = now()
    sink.write_graph(reference_graph_iri(DEFAULT_BASE), reference_triples(DEFAULT_BASE))
    for mapped in graphs:
        sink.write_transcript(mapped.graph, mapped.triples, mapped.shared)
    sink.link_followups(DEFAULT_BASE)
    sink.record_build(BuildRecord(started, now(), "model", __version__, [m.graph.value for m in graphs]),
                      DEFAULT_BASE)


def one_run(kind: str, graphs: list, work: Path) -> float:
    from kg.building.sink import ShardSink, StoreSink
    from kg.store.embedded import OxigraphStore

    target = work / kind
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    if kind == "store":
        with OxigraphStore(target) as store:
            write_all(StoreSink(store), graphs)
    else:
        with ShardSink(target) as sink:
            write_all(sink, graphs)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--pages", type=int, default=2000, help="the first N pages of the corpus")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted(p for p in Path(args.corpus).iterdir() if p.suffix in (".txt", ".html", ".htm"))[: args.pages]
    graphs = mapped_graphs(paths)
    seconds: dict[str, list[float]] = {"store": [], "shards": []}
    with tempfile.TemporaryDirectory(prefix="irkg-sink-") as work:
        for run in range(args.runs):
            for kind in (("store", "shards") if run % 2 == 0 else ("shards", "store")):
                seconds[kind].append(one_run(kind, graphs, Path(work)))
                print(f"run {run + 1} {kind:<6} {seconds[kind][-1]:7.2f} s", file=sys.stderr)
    store, shards = statistics.median(seconds["store"]), statistics.median(seconds["shards"])
    print(f"{len(graphs)} transcripts: store {store:.2f} s, shards {shards:.2f} s, shards / store {shards / store:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
