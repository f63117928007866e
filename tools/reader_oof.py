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
Reads only the train split.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval.scoring import Counts  # noqa: E402
from kg.extract.learned import load_reader  # noqa: E402
from kg.learn import pseudo  # noqa: E402
from kg.learn.corpus import load_split  # noqa: E402
from kg.learn.folds import interval, paired_change  # noqa: E402
from kg.learn.pages import prepare  # noqa: E402
from kg.learn.train import out_of_fold_thresholds  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path, help="write each page's counts here (JSON)")
    parser.add_argument("--against", type=Path, help="an earlier run's counts: print the paired change")
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength (the recipe's 0.3)")
    parser.add_argument("--hidden", action="store_true", help="blend the hidden-layer network (train_reader --hidden)")
    parser.add_argument("--no-joint", action="store_true", help="without the softmax over the types (kg.learn.joint)")
    parser.add_argument("--pseudo", type=Path, help="a teacher's labels of unlabeled pages (tools/pseudo_label.py): "
                        "each fold's reader learns from the teacher fitted without that fold")
    parser.add_argument("--with-extra", action="store_true",
                        help="the extra split's pages join train (their counts are kept too: compare only the "
                             "train pages against a run without them)")
    args = parser.parse_args()
    shipped = load_reader()
    extra = load_split(ROOT, "extra") if args.with_extra else []
    gold = sorted(load_split(ROOT, "train") + extra, key=lambda p: p.name)
    lessons = pseudo.load_lessons(ROOT, args.pseudo, [p.name for p in gold]) if args.pseudo else None
    pages = [prepare(p, shipped.clusters) for p in gold]
    per_page: dict[str, Counts] = {}
    keep, propose, report = out_of_fold_thresholds(pages, args.c, True, shipped.party_override, shipped.party_extra,
                                                   lambda m: print(m, file=sys.stderr), args.hidden, per_page,
                                                   lessons, types_jointly=not args.no_joint)
    rows = [per_page[name] for name in sorted(per_page)]
    low, high = interval(rows)
    print(f"out-of-fold strict F1 {report['f1']:.4f} ({low:.4f}-{high:.4f}), P {report['precision']:.4f} "
          f"R {report['recall']:.4f}, {report['pages']} pages; per type {report['types']}")
    print(f"thresholds: keep {keep}, propose {propose}")
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps({n: [c.tp, c.fp, c.fn] for n, c in sorted(per_page.items())}) + "\n",
                               "utf-8")
    if args.against:
        before = {n: Counts(*v) for n, v in json.loads(args.against.read_text("utf-8")).items()}
        if sorted(before) != sorted(per_page):
            print("the earlier run read other pages: no paired change", file=sys.stderr)
            return 1
        change, low, high = paired_change([before[n] for n in sorted(before)], rows)
        print(f"paired change against {args.against}: {change:+.4f} ({low:+.4f}..{high:+.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
