"""Status accuracy of the status classifier, five-fold out of fold on train and fitted on train for dev.

    python tools/status_oof.py -o build/status-before.json          # OOF and dev accuracy, each page's counts
    python tools/status_oof.py --against build/status-before.json   # after a change: paired change, 95% CI
    python tools/status_oof.py --errors build/status-errors.jsonl   # every row read wrong out of fold

The rows are train's gold (sentence, type) pairs with a gold status (:func:`kg.learn.status.status_data`),
anchored with the sentence weights of a model fitted on all of train (``--model``, default the shipped
one: the same anchors for every arm); the classifier is refitted per fold (:func:`kg.learn.folds.fold_of`)
as :func:`kg.learn.train.fit_status` fits it.  Dev's rows are read by the classifier fitted on all of
train.  Status never decides a match, so this measures status alone.  Parsed pages are kept in
``--cache`` (a pickle under build/), made again when missing.  The test split is never read.
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.learned import load_reader  # noqa: E402
from kg.learn import linear  # noqa: E402
from kg.learn.corpus import load_split  # noqa: E402
from kg.learn.folds import FOLDS, fold_of  # noqa: E402
from kg.learn.linear import MIN_FEATURE_COUNT  # noqa: E402
from kg.learn.pages import prepare  # noqa: E402
from kg.learn.status import status_classifier, status_data  # noqa: E402
from kg.model import STATUSES  # noqa: E402


def pages_of(split: str, cache: Path) -> list:
    """The split's pages, prepared (from ``cache`` when it holds them)."""
    path = cache.with_name(f"{cache.stem}-{split}.pkl")
    if path.exists():
        return pickle.loads(path.read_bytes())
    pages = [prepare(p) for p in sorted(load_split(ROOT, split), key=lambda p: p.name)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(pages))
    return pages


def rows_of(pages: list, weights: dict) -> list[tuple[str, list[str], int, dict]]:
    """(page name, features, gold status index, what the row is about) for every status row of ``pages``
    (in :func:`kg.learn.status.status_data`'s order: candidates, then their types sorted)."""
    out = []
    for page in pages:
        rows, ys, _ = status_data([page], weights)
        about = [{"type": kind, "narrator": c.utterance.speaker is None,
                  "sentence": page.norm[c.sentence.start:c.sentence.end]}
                 for c, lab in zip(page.candidates, page.labels)
                 for kind, status in sorted(lab.items()) if status in STATUSES]
        out.extend((page.name, row, y, a) for row, y, a in zip(rows, ys, about))
    return out


def fit(train_pages: list, train_rows: list, c: float, extra: tuple[list, list, float] = ((), (), 0.0)):
    """The classifier and its feature index, as :func:`kg.learn.train.fit_status` makes them; ``extra``
    (pages, rows, weight): the extra split's, each row counting ``weight``."""
    _, rows, weight = extra
    # the sentence models' vocabulary: train's pages only (the extra pages teach the status classifier only)
    vocabulary = linear.vocabulary([f for p in train_pages for f in p.features], MIN_FEATURE_COUNT)
    every = [*train_rows, *rows]
    return status_classifier([r for _, r, _, _ in every], [y for _, _, y, _ in every],
                             [1.0] * len(train_rows) + [weight] * len(rows) if rows else None, vocabulary, c)


def predict(model, index: dict, rows: list) -> list[int]:
    """The status index the classifier reads for each row."""
    return [int(y) for y in model.predict(linear.matrix([r for _, r, _, _ in rows], index, len(index)))]


def out_of_fold(pages: list, rows: list, c: float, extra: tuple = ((), (), 0.0)) -> list[int]:
    """Each row's status read by a classifier fitted on the other folds' pages."""
    read = [0] * len(rows)
    for fold in range(FOLDS):
        held = [i for i, (name, _, _, _) in enumerate(rows) if fold_of(name) == fold]
        model, index = fit([p for p in pages if fold_of(p.name) != fold],
                           [r for r in rows if fold_of(r[0]) != fold], c, extra)
        for i, y in zip(held, predict(model, index, [rows[i] for i in held])):
            read[i] = y
    return read


def per_page(rows: list, read: list[int]) -> dict[str, list[int]]:
    """Page -> [right, rows]."""
    out: dict[str, list[int]] = {}
    for (name, _, gold, _), y in zip(rows, read):
        counts = out.setdefault(name, [0, 0])
        counts[0] += int(gold == y)
        counts[1] += 1
    return out


def accuracy_ci(pages: dict[str, list[int]], other: dict[str, list[int]] | None = None,
                draws: int = 2000) -> tuple[float, float, float]:
    """Accuracy over ``pages`` (minus ``other``'s on the same pages, paired) and its 95% bootstrap interval."""
    names = sorted(pages)
    rng = random.Random(0)

    def value(picked: list[str]) -> float:
        mine = sum(pages[n][0] for n in picked) / max(1, sum(pages[n][1] for n in picked))
        if other is None:
            return mine
        return mine - sum(other[n][0] for n in picked) / max(1, sum(other[n][1] for n in picked))

    values = sorted(value([names[rng.randrange(len(names))] for _ in names]) for _ in range(draws))
    return value(names), values[int(0.025 * (draws - 1))], values[int(round(0.975 * (draws - 1)))]


def confusion(rows: list, read: list[int]) -> list[str]:
    """The confusion table, gold rows by read columns."""
    table = Counter((gold, y) for (_, _, gold, _), y in zip(rows, read))
    lines = ["gold \\ read  " + " ".join(f"{s[:9]:>9}" for s in STATUSES)]
    for g, status in enumerate(STATUSES):
        lines.append(f"{status[:11]:<12} " + " ".join(f"{table[(g, r)]:>9}" for r in range(len(STATUSES))))
    return lines


def write_errors(path: Path, rows: list, read: list[int]) -> None:
    """Every wrong out-of-fold row: page, sentence, type, gold and read status (JSON lines)."""
    lines = [json.dumps({"page": name, "gold": STATUSES[gold], "read": STATUSES[y], **about})
             for (name, _, gold, about), y in zip(rows, read) if gold != y]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, help="the model whose sentence weights anchor the acts")
    parser.add_argument("--c", type=float, default=0.3)
    parser.add_argument("--extra-weight", type=float, default=0.0,
                        help="also fit on the extra split's rows, each counting this much (0: not at all)")
    parser.add_argument("--cache", type=Path, default=ROOT / "build/status-pages.pkl")
    parser.add_argument("-o", "--output", type=Path, help="write each page's counts (train OOF and dev) here")
    parser.add_argument("--against", type=Path, help="an earlier -o file: the paired change and its CI")
    parser.add_argument("--errors", type=Path, help="write the rows read wrong out of fold here (JSON lines)")
    args = parser.parse_args()
    weights = load_reader(args.model).weights
    train_pages, dev_pages = pages_of("train", args.cache), pages_of("dev", args.cache)
    train_rows, dev_rows = rows_of(train_pages, weights), rows_of(dev_pages, weights)
    extra: tuple = ((), (), 0.0)
    if args.extra_weight > 0:
        extra_pages = pages_of("extra", args.cache)
        extra = (extra_pages, rows_of(extra_pages, weights), args.extra_weight)
    read = out_of_fold(train_pages, train_rows, args.c, extra)
    model, index = fit(train_pages, train_rows, args.c, extra)
    dev_read = predict(model, index, dev_rows)
    result = {"train": per_page(train_rows, read), "dev": per_page(dev_rows, dev_read)}
    before = json.loads(args.against.read_text("utf-8")) if args.against else None
    for split in ("train", "dev"):
        acc, low, high = accuracy_ci(result[split])
        right = sum(v[0] for v in result[split].values())
        total = sum(v[1] for v in result[split].values())
        print(f"{split}: status accuracy {acc:.4f} ({low:.4f}-{high:.4f}), {right}/{total}")
        if before:
            change, low, high = accuracy_ci(result[split], before[split])
            print(f"{split}: paired change {change:+.4f} ({low:+.4f}..{high:+.4f})")
    print("\n".join(confusion(train_rows, read)))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(result, sort_keys=True) + "\n", "utf-8")
    if args.errors:
        write_errors(args.errors, train_rows, read)
    return 0


if __name__ == "__main__":
    sys.exit(main())
