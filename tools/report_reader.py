"""Tables for the model card and the README: rules against the model, strict and loose, per split.

    python tools/report_reader.py [--split dev] [--split test] [--curve] > report.md

Each split is built once per reader into a memory store (as ``kg eval`` does)
and scored both ways. ``--curve`` also scores the models that
``tools/train_reader.py --curve`` wrote to build/reader-curve/ (25%, 50% of the
train split). Reading the test split here is reporting, which is all it is for.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval.evaluate import collect  # noqa: E402
from kg.extract.learned import MODEL_ENV, shipped_reader  # noqa: E402
from kg.learn.corpus import split_folders  # noqa: E402
from kg.model import COMMITMENT_TYPES  # noqa: E402
from kg.eval.scoring import score  # noqa: E402


def row(label: str, items, strict: bool) -> str:
    report = score(items, strict=strict)
    c = report.counts["commitments"]
    low, high = report.interval("commitments")
    fig = report.counts["figures"]
    flow, fhigh = report.interval("figures")
    types = " | ".join(f"{report.counts[f'commitments.{t}'].f1:.2f}" for t in COMMITMENT_TYPES)
    return (f"| {label} | {'strict' if strict else 'loose'} | {c.precision:.3f} / {c.recall:.3f} / **{c.f1:.3f}** "
            f"({low:.2f}–{high:.2f}) | {report.accuracy['commitments.status'].value:.3f} | "
            f"{fig.f1:.3f} ({flow:.2f}–{fhigh:.2f}) | {types} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", action="append", choices=("train", "dev", "test"))
    parser.add_argument("--curve", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args()
    splits = args.split or ["dev", "test"]
    header = ("| reader | matching | commitments P / R / F1 (95% CI) | status acc. | figures F1 (95% CI) | "
              + " | ".join(COMMITMENT_TYPES) + " |")
    rule = "|" + "---|" * (5 + len(COMMITMENT_TYPES))
    out: dict = {}
    for split in splits:
        folders = [f for f in split_folders(ROOT, split) if f.is_dir()]
        print(f"\n### {split} ({', '.join(str(f.relative_to(ROOT)) for f in folders)})\n")
        print(header)
        print(rule)
        models = [("rules", None), ("model", None)]
        if args.curve:
            models += [(f"model, {p}% of train", ROOT / f"build/reader-curve/reader-model-{p}pct.json")
                       for p in (25, 50)]
        for label, path in models:
            if path is not None:
                os.environ[MODEL_ENV] = str(path)
            else:
                os.environ.pop(MODEL_ENV, None)
            shipped_reader.cache_clear()
            items, _ = collect(folders, reader="rules" if label == "rules" else "model")
            for strict in (True, False):
                print(row(label, items, strict))
                report = score(items, strict=strict)
                out[f"{split}/{label}/{'strict' if strict else 'loose'}"] = {
                    k: v for k, v in report.as_dict().items() if k != "misses"}
            sys.stdout.flush()
    os.environ.pop(MODEL_ENV, None)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
