"""Train the commitments sentence reader and write the model shipped in the package.

    pip install -e '.[train]'
    python tools/train_reader.py                       # -> kg/data/reader-model.json
    python tools/train_reader.py --curve               # learning curve: 25/50/100% of train, dev F1
    python tools/train_reader.py --with-extra --extra-weight 0.5 -o build/extra.json  # the extra split too, at half weight
    python tools/train_reader.py --with-extra --extra-status-only  # the extra split teaches the status classifier only

Reads only the train and dev splits (data/annotated/SPLITS.json), and the extra
split when asked; the test split is sealed (kg.learn.corpus). Same data, same
model file, byte for byte.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.learned import MODEL_FILE  # noqa: E402
from kg.extract.reader_json import model_to_json  # noqa: E402
from kg.extract.model_tables import write_beside  # noqa: E402
from kg.learn import pseudo, wordvectors  # noqa: E402
from kg.learn.corpus import load_split  # noqa: E402
from kg.learn.extra import add_arguments, use_of  # noqa: E402
from kg.learn.train import train  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "kg/data" / MODEL_FILE)
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength (default 0.3, chosen on dev)")
    parser.add_argument("--fraction", type=float, default=1.0, help="share of the train split to use")
    parser.add_argument("--curve", action="store_true",
                        help="also train at 25%% and 50%% of the train split (models in build/reader-curve/)")
    parser.add_argument("--thresholds", choices=("dev", "train"), default="train",
                        help="choose the keep/propose thresholds on dev, or five-fold out of fold on train (default)")
    parser.add_argument("--report", type=Path, help="write the training report (JSON) here")
    parser.add_argument("--clusters", type=Path,
                        help="word clusters from unlabeled text (tools/train_vectors.py) to add as features; "
                             "off by default: +0.005 out-of-fold F1, within noise (docs/model-card.md)")
    parser.add_argument("--hidden", action="store_true",
                        help="blend a one-hidden-layer network with the linear scores; off by default: +0.0055 "
                             "out-of-fold F1 (+0.0005..+0.0104) for a model 4.5 times larger and slower builds "
                             "(docs/model-card.md)")
    parser.add_argument("--no-joint", action="store_true",
                        help="leave out the softmax over the types (kg.learn.joint) that the per-type scores are "
                             "blended with (docs/model-card.md)")
    parser.add_argument("--pseudo", type=Path,
                        help="a teacher's labels of unlabeled pages (tools/pseudo_label.py) for the sentence models "
                             "to learn from too (whole train only); off by default: +0.001 out-of-fold F1 "
                             "(-0.006..+0.007) and dev 0.558 -> 0.544 (docs/model-card.md)")
    add_arguments(parser, "also fit on the extra split (messages, speeches, interviews: draws 8-10); off by "
                          "default: -0.004 out-of-fold F1 on the train pages (-0.011..+0.004), dev 0.594 -> "
                          "0.593, a model 30%% larger (data/annotated/README.md, docs/model-card.md)")
    parser.add_argument("--oof-pages", type=Path,
                        help="write each train page's out-of-fold counts here (JSON, as tools/reader_oof.py -o)")
    args = parser.parse_args()
    use = use_of(parser, args)
    train_pages, dev_pages = load_split(ROOT, "train"), load_split(ROOT, "dev")
    if args.with_extra:
        train_pages += load_split(ROOT, "extra")
    data_hash = hashlib.sha256()
    fractions = (0.25, 0.5, 1.0) if args.curve else (args.fraction,)
    lessons = None
    if args.pseudo and 1.0 in fractions:
        print(f"reading the pages {args.pseudo.name} teaches", file=sys.stderr)
        lessons = pseudo.load_lessons(ROOT, args.pseudo, [p.name for p in train_pages])
        data_hash.update(args.pseudo.read_bytes())
    for page in train_pages + dev_pages:
        data_hash.update(page.name.encode())
        data_hash.update(json.dumps(page.gold, sort_keys=True).encode())
    clusters = wordvectors.read_clusters(args.clusters.read_text("utf-8")) if args.clusters else None
    reports = []
    per_page: dict = {}
    for fraction in fractions:
        reader, report = train(train_pages, dev_pages, c=args.c, fraction=fraction, thresholds=args.thresholds,
                               clusters=clusters, network=args.hidden, types_jointly=not args.no_joint,
                               progress=lambda m: print(m, file=sys.stderr),
                               lessons=lessons if fraction == 1.0 else None, per_page=per_page, use=use)
        report["data_sha256"] = data_hash.hexdigest()
        out = args.output
        if args.curve and fraction < 1.0:  # the smaller models are for the curve only: kept out of the package
            out = ROOT / "build/reader-curve" / f"reader-model-{int(fraction * 100)}pct.json"
            out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(model_to_json(reader, report), "utf-8")
        if out.name == MODEL_FILE:  # the shipped model (or one beside its own copy): its quick-loading form too
            write_beside(out)
        print(f"{fraction:.0%} of train: dev F1 {report['dev_f1']:.3f} -> {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}",
              file=sys.stderr)
        reports.append(report)
    if args.oof_pages:  # the whole split's: the last fraction trained
        args.oof_pages.parent.mkdir(parents=True, exist_ok=True)
        args.oof_pages.write_text(json.dumps({n: [c.tp, c.fp, c.fn] for n, c in sorted(per_page.items())}) + "\n",
                                  "utf-8")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(reports, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
