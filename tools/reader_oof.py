"""Five-fold out-of-fold strict F1 of the sentence reader's recipe on train, and its paired change against an earlier run.

    python tools/reader_oof.py -o build/oof-before.json            # F1 with its 95% interval, each page's counts kept
    (change the features or the recipe)
    python tools/reader_oof.py --against build/oof-before.json     # the same, and the paired change (95% interval)

Each train page is read by a model fitted on the other four fifths
(:mod:`kg.learn.folds`), per-type thresholds chosen on all the out-of-fold
readings (as ``tools/train_reader.py`` chooses them), the ranker's two thresholds
held at the shipped model's.  The interval of the change resamples pages with
both runs drawn alike (:func:`kg.learn.folds.paired_change`): keep a change to the
sentence decision only when it lies above zero, and check dev does not drop.
Reads only the train split, and the extra split with ``--with-extra``:

    python tools/reader_oof.py --with-extra --extra-weight 0.5 --against build/oof-before.json

Then the extra pages join train in their folds (:mod:`kg.learn.extra`: at a
sample weight, or teaching the sentence models only), the F1 and the paired
change are told for the train pages, with the thresholds chosen on all the
out-of-fold readings and on the train pages' alone (``-o`` keeps the counts of
the choice ``--extra-tune-on-train`` asks for).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval.scoring import Counts  # noqa: E402
from kg.extract.learned import load_reader  # noqa: E402
from kg.learn import pseudo  # noqa: E402
from kg.learn.corpus import load_split  # noqa: E402
from kg.learn.extra import add_arguments, is_extra, use_of  # noqa: E402
from kg.learn.folds import interval, paired_change  # noqa: E402
from kg.learn.pages import prepare  # noqa: E402
from kg.learn.train import out_of_fold_options, thresholds_of  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path, help="write each page's counts here (JSON)")
    parser.add_argument("--against", type=Path, help="an earlier run's counts: print the paired change over its pages")
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength (the recipe's 0.3)")
    parser.add_argument("--hidden", action="store_true", help="blend the hidden-layer network (train_reader --hidden)")
    parser.add_argument("--no-joint", action="store_true", help="without the softmax over the types (kg.learn.joint)")
    parser.add_argument("--pseudo", type=Path, help="a teacher's labels of unlabeled pages (tools/pseudo_label.py): "
                        "each fold's reader learns from the teacher fitted without that fold")
    add_arguments(parser, "the extra split's pages join train (their counts are kept too; F1 and the paired "
                              "change are told for the train pages, and for both choices of thresholds)")
    args = parser.parse_args()
    use = use_of(parser, args)
    shipped = load_reader()
    extra = load_split(ROOT, "extra") if args.with_extra else []
    gold = sorted(load_split(ROOT, "train") + extra, key=lambda p: p.name)
    lessons = pseudo.load_lessons(ROOT, args.pseudo, [p.name for p in gold]) if args.pseudo else None
    pages = [prepare(p, shipped.clusters) for p in gold]
    options = out_of_fold_options(pages, args.c, True, shipped.party_override, shipped.party_extra,
                                  lambda m: print(m, file=sys.stderr), args.hidden, lessons,
                                  types_jointly=not args.no_joint, use=use)
    before = {n: Counts(*v) for n, v in json.loads(args.against.read_text("utf-8")).items()} if args.against else None
    kept: dict[str, Counts] = {}
    for tune_on_train in sorted({use.tune_on_train, bool(extra) and not use.tune_on_train}):
        mode = replace(use, tune_on_train=tune_on_train)
        per_page: dict[str, Counts] = {}
        keep, propose, report = thresholds_of(options, mode, per_page)
        if mode == use:
            kept = per_page
        if extra:
            print(f"thresholds chosen on {'the train pages' if tune_on_train else 'all'} out-of-fold readings:")
        if not _told(per_page, report, keep, propose, before, args.against):
            return 1
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps({n: [c.tp, c.fp, c.fn] for n, c in sorted(kept.items())}) + "\n",
                               "utf-8")
    return 0


def _told(per_page: dict[str, Counts], report: dict, keep: dict, propose: dict, before: dict[str, Counts] | None,
          against: Path | None) -> bool:
    """Prints the F1 of the train pages (and of the extra ones, if read), the thresholds and the paired
    change against ``before`` over its pages; False when ``before`` read pages this run did not."""
    for label, names in (("train pages", [n for n in sorted(per_page) if not is_extra(n)]),
                         ("extra pages", [n for n in sorted(per_page) if is_extra(n)])):
        if not names:
            continue
        rows = [per_page[n] for n in names]
        total = Counts()
        for row in rows:
            total.add(row)
        low, high = interval(rows)
        print(f"out-of-fold strict F1 on the {label} {total.f1:.4f} ({low:.4f}-{high:.4f}), P {total.precision:.4f} "
              f"R {total.recall:.4f}, tp/fp/fn {total.tp}/{total.fp}/{total.fn}, {len(names)} pages")
    print(f"all pages: per type {report['types']}")
    print(f"thresholds: keep {keep}, propose {propose}")
    if before is None:
        return True
    if not set(before) <= set(per_page):
        print("the earlier run read pages this one did not: no paired change", file=sys.stderr)
        return False
    names = sorted(before)
    change, low, high = paired_change([before[n] for n in names], [per_page[n] for n in names])
    print(f"paired change against {against} ({len(names)} pages): {change:+.4f} ({low:+.4f}..{high:+.4f})")
    return True


if __name__ == "__main__":
    sys.exit(main())
