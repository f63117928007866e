"""Where the reader loses points on a split: each miss and false find put in one bucket by stage.

    python tools/reader_errors.py [--split dev] [--reader model|rules] [--show BUCKET]

Commitments (strict matching) that the scorer leaves unmatched are sorted by
what the reader found in the same sentence:

- missed gold: ``sentence missed`` (nothing found in its sentence), ``wrong type``
  (only other types there), ``wrong by-to`` (its type there, other parties),
  ``wrong quantity`` (its type and parties, another number), ``too few`` (its
  type and parties there, already matched to another gold entry);
- false finds: ``false sentence`` (no gold entry in the sentence), ``wrong type``,
  ``wrong by-to``, ``wrong quantity``, ``too many`` (its match taken already);
- matched pairs with the wrong status, by (gold, found) status;
- figures: missed (no rule candidate with that value and unit, or one the filter
  dropped) and spurious.

Only the train and dev splits: the test split is not for error analysis.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval.evaluate import collect  # noqa: E402
from kg.learn.corpus import split_folders  # noqa: E402
from kg.eval.scoring import _pair_key, _same_number, match, same_sentence, _commitment_matches  # noqa: E402


def _bucket(entry: dict, others: list[dict], gold_side: bool) -> str:
    """What the other side holds in ``entry``'s sentence (``gold_side``: ``entry`` is a gold one)."""
    there = [o for o in others if same_sentence(entry.get("quote"), o.get("quote"))]
    if not there:
        return "sentence"
    typed = [o for o in there if o.get("type") == entry.get("type")]
    if not typed:
        return "type"
    paired = [o for o in typed if _pair_key(o) == _pair_key(entry)]
    if not paired:
        return "by-to"
    gold_of = (lambda o: entry) if gold_side else (lambda o: o)
    found_of = (lambda o: o) if gold_side else (lambda o: entry)
    fitting = [o for o in paired if gold_of(o).get("quantity") is None
               or _same_number(found_of(o).get("quantity"), gold_of(o).get("quantity"))]
    if not fitting:
        return "quantity"
    return "count"


NAMES = {"missed": {"sentence": "sentence missed", "type": "wrong type", "by-to": "wrong by-to",
                    "quantity": "wrong quantity", "count": "too few"},
         "false": {"sentence": "false sentence", "type": "wrong type", "by-to": "wrong by-to",
                   "quantity": "wrong quantity", "count": "too many"}}


def analyse(items) -> tuple[Counter, list[tuple[str, str, str, dict]]]:
    counts: Counter = Counter()
    examples = []
    for name, found, gold in items:
        fc, gc = found.get("commitments") or [], gold.get("commitments") or []
        pairs, extra, missing = match(fc, gc, lambda f, g: _commitment_matches(f, g, True))
        counts["gold"] += len(gc)
        counts["found"] += len(fc)
        counts["matched"] += len(pairs)
        for side, entries, others in (("missed", missing, fc), ("false", extra, gc)):
            for entry in entries:
                bucket = NAMES[side][_bucket(entry, others, side == "missed")]
                counts[f"{side}: {bucket}"] += 1
                counts[f"{side} {entry.get('type')}: {bucket}"] += 1
                examples.append((side, bucket, name, entry))
        for f, g in pairs:
            if f.get("status") != g.get("status"):
                counts[f"status gold {g.get('status')} found {f.get('status')}"] += 1
                examples.append(("status", f"{g.get('status')}->{f.get('status')}", name, f))
        _figures(counts, examples, name, found.get("figures") or [], gold.get("figures") or [])
    return counts, examples


def _figures(counts: Counter, examples: list, name: str, found: list, gold: list) -> None:
    def same(f: dict, g: dict) -> bool:
        return f.get("unit") == g.get("unit") and _same_number(f.get("value"), g.get("value"))

    pairs, extra, missing = match(found, gold, same)
    counts["figures gold"] += len(gold)
    counts["figures matched"] += len(pairs)
    for g in missing:
        counts["figures missed"] += 1
        examples.append(("figure", "missed", name, g))
    for f in extra:
        counts["figures spurious"] += 1
        examples.append(("figure", "spurious", name, f))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--reader", default="model", choices=("model", "rules"))
    parser.add_argument("--show", help="print the entries of buckets whose name contains this")
    args = parser.parse_args()
    folders = [f for f in split_folders(ROOT, args.split) if f.is_dir()]
    items, _ = collect(folders, reader=args.reader)
    counts, examples = analyse(items)
    for key in sorted(counts):
        print(f"{counts[key]:6d}  {key}")
    if args.show:
        for side, bucket, name, entry in examples:
            if args.show in f"{side}: {bucket}":
                detail = {k: entry.get(k) for k in ("type", "by", "to", "quantity", "unit", "value", "status")
                          if entry.get(k) is not None}
                print(f"\n[{side}: {bucket}] {name} {detail}\n   {entry.get('quote')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
