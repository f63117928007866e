"""Commitments reader cost: the trained model over the rules against the rules alone.

Both readers run over the same parsed pages in the same process, several
times; the result is the median time of each and their ratio, plus the whole
extraction (every stage) with each reader, which is what a build pays.

    python benchmarks/reader_bench.py [PATH ...] [--runs 5] [--limit 1000]

PATH defaults to examples/transcripts; point it at ../shared/corpus/kremlin-news
for the realistic figure.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from _pages import page_arguments, read_pages, timed
from kg.extract.pipeline import component, pipeline_for
from kg.formats import parse


def main() -> None:
    parser = page_arguments(__doc__.splitlines()[0], limit=1000)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    _, transcripts = read_pages(args)
    before = [component(n) for n in ("meeting", "participants", "countries")]
    docs = []
    for t in transcripts:
        doc = parse(t)
        for stage in before:
            doc = stage(doc)
        docs.append(doc)
    rules, model = component("commitments"), component("commitments-model")
    model(docs[0])  # load the model file outside the timing

    def run_all(stages):
        def go():
            for t in transcripts:
                doc = parse(t)
                for stage in stages:
                    doc = stage(doc)
        return go

    rows = {
        "commitments, rules": lambda: [rules(d) for d in docs],
        "commitments, model": lambda: [model(d) for d in docs],
        "whole extraction, rules": run_all([component(n) for n in pipeline_for("rules")]),
        "whole extraction, model": run_all([component(n) for n in pipeline_for("model")]),
    }
    medians = {name: statistics.median(timed(f) for _ in range(args.runs)) for name, f in rows.items()}
    print(f"{len(docs)} pages, median of {args.runs} runs")
    for name, seconds in medians.items():
        print(f"{name:<28} {seconds:8.3f} s  {1000 * seconds / len(docs):7.2f} ms/page")
    ratio_c = medians["commitments, model"] / medians["commitments, rules"]
    ratio_w = medians["whole extraction, model"] / medians["whole extraction, rules"]
    print(f"ratio model/rules: commitments {ratio_c:.2f}x, whole extraction {ratio_w:.2f}x")
    if args.json:
        args.json.write_text(json.dumps({"pages": len(docs), "runs": args.runs, "seconds": medians,
                                         "ratio_commitments": ratio_c, "ratio_extraction": ratio_w}, indent=1))


if __name__ == "__main__":
    main()
