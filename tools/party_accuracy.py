"""Given-sentence party accuracy: out of fold on train, and on dev, per page, with a paired bootstrap of a change.

    python tools/party_accuracy.py -o after.json                 # per-page counts
    python tools/party_accuracy.py --compare before.json after.json

For every gold commitment whose sentence is a candidate, whether the reader
gives it (type, by/to, quantity, entry count) once that sentence and type are
taken as right (:func:`kg.learn.diagnose.given_sentence_buckets`).  Train
pages are read by a sentence model and pair ranker fitted on the other four
folds (:mod:`kg.learn.folds`), dev pages by ones fitted on all of train; the
ranker's two thresholds are the shipped model's, so that a change of the
ranker's features is measured alone.  ``--compare`` gives the gain with a 95%
interval from resampling pages (the same pages on both sides).
Only the train and dev splits: the test split is not for error analysis.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.learned import load_reader  # noqa: E402
from kg.learn.corpus import load_split  # noqa: E402
from kg.learn.diagnose import given_sentence_buckets  # noqa: E402
from kg.learn.folds import FOLDS, fold_of  # noqa: E402
from kg.learn.pages import prepare  # noqa: E402
from kg.learn.train import fit, fit_parties, reader_of  # noqa: E402

C = 0.3  # tools/train_reader.py's default


def measure(limit: int) -> dict:
    shipped = load_reader(None)
    train = [prepare(p) for p in sorted(load_split(ROOT, "train"), key=lambda p: p.name)][:limit or None]
    dev = [prepare(p) for p in sorted(load_split(ROOT, "dev"), key=lambda p: p.name)]

    def reader_for(pages):
        fitted = fit(pages, C, with_status=False, network=False)
        reader = reader_of(fitted, party_weights=fit_parties(pages, reader_of(fitted), C))
        return replace(reader, party_override=shipped.party_override, party_extra=shipped.party_extra)

    out: dict = {"train": {}, "dev": {}, "buckets": Counter()}
    for fold in range(FOLDS):
        held = [p for p in train if fold_of(p.name) == fold]
        if held:
            reader = reader_for([p for p in train if fold_of(p.name) != fold])
            for page in held:
                buckets = given_sentence_buckets([page], reader)
                out["train"][page.name] = [buckets.counts["matched"], buckets.counts["gold"]]
                out["buckets"].update(buckets.counts)
    reader = reader_for(train)
    for page in dev:
        buckets = given_sentence_buckets([page], reader)
        out["dev"][page.name] = [buckets.counts["matched"], buckets.counts["gold"]]
    return out


def compare(before: dict, after: dict, split: str, rounds: int = 2000) -> str:
    names = sorted(set(before[split]) & set(after[split]))
    old = [before[split][n][0] for n in names]
    new = [after[split][n][0] for n in names]
    gold = [before[split][n][1] for n in names]
    rng = random.Random(0)
    gains = []
    for _ in range(rounds):
        drawn = [rng.randrange(len(names)) for _ in names]
        gains.append((sum(new[i] - old[i] for i in drawn)) / max(1, sum(gold[i] for i in drawn)))
    gains.sort()
    total = max(1, sum(gold))
    return (f"{split}: {sum(old)}/{total} = {sum(old) / total:.4f} -> {sum(new)}/{total} = {sum(new) / total:.4f}, "
            f"gain {(sum(new) - sum(old)) / total:+.4f} (95% {gains[int(rounds * 0.025)]:+.4f}.."
            f"{gains[int(rounds * 0.975) - 1]:+.4f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path, help="write the per-page counts (JSON) here")
    parser.add_argument("--limit", type=int, default=0, help="only the first N train pages (a quick try)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text("utf-8")) for p in args.compare)
        print(compare(before, after, "train"))
        print(compare(before, after, "dev"))
        return 0
    result = measure(args.limit)
    for split in ("train", "dev"):
        matched = sum(v[0] for v in result[split].values())
        gold = sum(v[1] for v in result[split].values())
        print(f"{split}: {matched}/{gold} = {matched / max(1, gold):.4f}")
    if args.output:
        args.output.write_text(json.dumps(result, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
