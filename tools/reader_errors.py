"""Where the reader loses commitments on a split: each miss and false find put in one bucket by stage.

    python tools/reader_errors.py [--split dev|train] [--given-sentence] [--model FILE] [--show BUCKET]

Without ``--given-sentence``: the reader's own decisions, scored strictly; each
unmatched commitment is sorted by what the other side holds in its sentence
(``sentence`` nothing there, ``type`` other types only, ``by-to`` its type with
other parties, ``quantity`` another number, ``count`` its match taken already),
matched pairs with a wrong status by (gold, found) status, and the strict F1
the reader would reach if its parties were always right.

With ``--given-sentence``: for every gold commitment whose sentence is a
candidate, what the reader gives once that sentence and type are taken as
right (parties, quantity, how many entries, status): the part of the reader
after the sentence scorer.  On train the ranker and the status classifier have
seen these pages, so train buckets there are in-sample.

Only the train and dev splits: the test split is not for error analysis.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.learned import load_reader  # noqa: E402
from kg.learn.corpus import load_split  # noqa: E402
from kg.learn.diagnose import (  # noqa: E402
    decision_buckets, decision_items, given_sentence_buckets, upper_bound_parties,
)
from kg.learn.pages import prepare  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--model", type=Path, help="a reader model file (default: the shipped one)")
    parser.add_argument("--given-sentence", action="store_true",
                        help="the reader's parties, quantity, count and status given the gold sentence and type")
    parser.add_argument("--show", help="print the entries of buckets whose name contains this")
    args = parser.parse_args()
    reader = load_reader(args.model)
    pages = [prepare(p, reader.clusters) for p in sorted(load_split(ROOT, args.split), key=lambda p: p.name)]
    if args.given_sentence:
        buckets = given_sentence_buckets(pages, reader)
    else:
        items = decision_items(pages, reader)
        voices = {p.name: {p.doc.text[c.sentence.start:c.sentence.end]: c.utterance.speaker is None
                           for c in p.candidates} for p in pages}
        buckets = decision_buckets(items, lambda name, quote: voices[name].get(quote, False))
        bound = upper_bound_parties(items)
        print(f"upper bound, parties always right: P {bound['precision']:.3f} R {bound['recall']:.3f} "
              f"F1 {bound['f1']:.3f}")
    for key in sorted(buckets.counts):
        print(f"{buckets.counts[key]:6d}  {key}")
    if args.show:
        for bucket, name, entry, other in buckets.examples:
            if args.show in bucket:
                print(f"\n[{bucket}] {name}\n   gold/entry: {_brief(entry)}\n   other:      {_brief(other)}"
                      f"\n   {entry.get('quote')}")
    return 0


def _brief(entry: dict | None) -> str:
    if not entry:
        return "-"
    return str({k: entry.get(k) for k in ("type", "by", "to", "quantity", "unit", "status")
                if entry.get(k) is not None})


if __name__ == "__main__":
    sys.exit(main())
