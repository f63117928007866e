"""Figures F1 of the rules and the figure filter, five-fold out of fold on train and fitted on train for dev.

    python tools/figures_oof.py -o build/fig-before.json             # F1s with 95% intervals, each page's counts kept
    (change the figure rules or the filter's features)
    python tools/figures_oof.py --against build/fig-before.json      # the same, and the paired change (95% interval)
    python tools/figures_oof.py --explain build/fig-lost.tsv         # every lost and every false figure, bucketed

Each train page's rule figures are scored by a filter fitted on the other four
folds (:func:`kg.learn.folds.fold_of`, the folds the reader's own out-of-fold
runs use); dev's by the filter fitted on all train, as ``tools/train_reader.py``
fits it.  The keep threshold is held at ``--keep`` (the shipped model's) so two
runs compare like for like.  Only the figure step is run, so a run takes a few
minutes, not the whole reader's training.  Reads the train and dev splits only.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.eval.scoring import Counts, _same_number, match, same_figure  # noqa: E402
from kg.learn.corpus import GoldPage, load_split  # noqa: E402
from kg.learn.figures import FIGURE_GRID  # noqa: E402
from kg.learn.folds import FOLDS, fold_of, interval, paired_change, total  # noqa: E402


@dataclass
class FigurePage:
    """One page's rule figures (value, unit, quote, features), their labels and its gold figures."""

    name: str
    found: list[tuple[float, str, str, list[str]]]
    labels: list[int]
    gold: list[dict]


def _read(page: GoldPage) -> FigurePage:
    """The page's rule figures and their labels as :func:`kg.learn.pages.prepare` makes them."""
    from kg.extract.pipeline import process
    from kg.inputs.reader import read
    from kg.learn.pages import PARSE_STAGES, labelled_figures

    doc = process(next(read(str(page.text))), None, PARSE_STAGES)
    figures, labels = labelled_figures(doc, page.gold.get("figures") or [])
    found = [(f.quantity.value, f.quantity.unit, doc.text[f.span.start:f.span.end], feats) for f, feats in figures]
    return FigurePage(page.name, found, labels, page.gold.get("figures") or [])


def read_pages(pages: list[GoldPage], jobs: int) -> list[FigurePage]:
    """Every page read, in ``jobs`` processes."""
    if jobs <= 1:
        return [_read(p) for p in pages]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_read, pages, chunksize=8))


def fit(pages: list[FigurePage], c: float) -> dict[str, float]:
    """The figure filter fitted on ``pages`` as :func:`kg.learn.figures.fit_figures` fits it."""
    from kg.learn.linear import MIN_FEATURE_COUNT, binary_weights

    rows = [feats for p in pages for *_, feats in p.found]
    ys = [y for p in pages for y in p.labels]
    return binary_weights(rows, ys, c, MIN_FEATURE_COUNT, None) or {}


def scorer(weights: dict[str, float]):
    """The filter's score of one figure's features (:meth:`kg.extract.learned.SentenceReader.figure_score`)."""
    from kg.extract.learned import SentenceReader
    from kg.model import COMMITMENT_TYPES

    probe = SentenceReader(types=tuple(COMMITMENT_TYPES), weights={}, keep={}, propose={}, figure_weights=weights)
    return probe.figure_score


def _as_json(figure: tuple[float, str, str, list[str]]) -> dict:
    return {"value": figure[0], "unit": figure[1]}


def counts(page: FigurePage, kept: list[int]) -> tuple[Counts, list[int], list[dict]]:
    """The page's counts for the figures at ``kept``, matched as ``kg eval`` matches them: with the indices
    of the false ones and the gold entries missed."""
    found = [_as_json(page.found[i]) for i in kept]
    pairs, extra, missed = match(found, list(page.gold), same_figure)
    unmatched = {id(e) for e in extra}
    false = [kept[j] for j, f in enumerate(found) if id(f) in unmatched]
    return Counts(len(pairs), len(extra), len(missed)), false, missed


def out_of_fold_scores(pages: list[FigurePage], c: float) -> dict[str, list[float]]:
    """Each train page's figure scores from the filter fitted without its fold."""
    scores: dict[str, list[float]] = {}
    for fold in range(FOLDS):
        score = scorer(fit([p for p in pages if fold_of(p.name) != fold], c))
        for page in pages:
            if fold_of(page.name) == fold:
                scores[page.name] = [score(feats) for *_, feats in page.found]
    return scores


def told(label: str, rows: list[Counts]) -> str:
    summed = total(rows)
    low, high = interval(rows)
    return (f"{label}: P {summed.precision:.3f} R {summed.recall:.3f} F1 {summed.f1:.3f} ({low:.3f}-{high:.3f})"
            f"  tp {summed.tp} fp {summed.fp} fn {summed.fn}")


def half(name: str) -> str:
    """``even`` or ``odd`` by the last digit of the page's name: rules are written looking at the even half, and
    the odd half checks that a change carries to pages its author did not read."""
    digits = [c for c in name if c.isdigit()]
    return "odd" if digits and int(digits[-1]) % 2 else "even"


def bucket_lost(page: FigurePage, gold: dict) -> str:
    """Why a gold figure was not found: no rule figure of its number, or of its unit, or dropped by the filter."""
    value, unit = gold.get("value"), gold.get("unit")
    if any(same_figure(_as_json(f), gold) for f in page.found):
        return "dropped-by-filter"
    other_unit = sorted({f[1] for f in page.found if _same_number(f[0], value)})
    if other_unit:
        return "unit-differs:" + "/".join(map(str, other_unit)) + f"->{unit}"
    quote = gold.get("quote") or ""
    in_sentence = [f for f in page.found if f[2] and (f[2] in quote or quote in f[2]) and f[1] == unit]
    if in_sentence:
        return "value-differs"
    return "no-candidate"


def explain(splits: list[tuple[str, list[FigurePage], dict[str, list[float]]]], keep: float, path: Path) -> Counter:
    """Every lost gold figure and every false kept figure of each split, one TSV line each (the split
    first: the train split's older ``dev`` folder and the dev split share page names), and the buckets'
    counts per split."""
    buckets: Counter = Counter()
    lines = ["split\thalf\tpage\tkind\tbucket\tvalue\tunit\tscore\tquote"]
    for split, pages, scores in splits:
        for page in pages:
            row = scores[page.name]
            _, false, missed = counts(page, [i for i, s in enumerate(row) if s >= keep])
            for gold in missed:
                bucket = bucket_lost(page, gold)
                buckets[f"{split} lost:" + bucket.split(":")[0]] += 1
                lines.append(f"{split}\t{half(page.name)}\t{page.name}\tlost\t{bucket}\t{gold.get('value')}\t{gold.get('unit')}\t\t"
                             f"{' '.join((gold.get('quote') or '').split())}")
            for i in false:
                value, unit, quote, _ = page.found[i]
                repeat = any(same_figure(_as_json(page.found[i]), g) for g in page.gold)
                buckets[f"{split} false:" + ("repeat" if repeat else "new")] += 1
                lines.append(f"{split}\t{half(page.name)}\t{page.name}\tfalse\t{'repeat-of-gold' if repeat else 'new'}\t{value}\t"
                             f"{unit}\t{row[i]:.2f}\t{' '.join(quote.split())}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return buckets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path, help="write each train and dev page's counts here (JSON)")
    parser.add_argument("--against", type=Path, help="an earlier run's counts: the paired change over its pages")
    parser.add_argument("--keep", type=float, default=0.45, help="the filter's keep threshold (the shipped 0.45)")
    parser.add_argument("--c", type=float, default=1.0, help="the filter's inverse regularisation (FIGURE_C)")
    parser.add_argument("--explain", type=Path, help="write the lost and false figures of train (out of fold) and "
                        "dev here")
    parser.add_argument("--grid", action="store_true", help="also the F1 at each threshold of the grid")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="processes that read pages")
    args = parser.parse_args()
    train = read_pages(sorted(load_split(ROOT, "train"), key=lambda p: p.name), args.jobs)
    dev = read_pages(sorted(load_split(ROOT, "dev"), key=lambda p: p.name), args.jobs)
    oof = out_of_fold_scores(train, args.c)
    score = scorer(fit(train, args.c))
    dev_scores = {p.name: [score(feats) for *_, feats in p.found] for p in dev}
    per_page: dict[str, Counts] = {}
    for label, pages, scores in (("train out of fold", train, oof), ("dev", dev, dev_scores)):
        rules = [counts(p, list(range(len(p.found))))[0] for p in pages]
        rows = [counts(p, [i for i, s in enumerate(scores[p.name]) if s >= args.keep])[0] for p in pages]
        per_page.update({f"{label.split()[0]}:{p.name}": r for p, r in zip(pages, rows)})
        print(told(f"{label}, rules alone", rules))
        print(told(f"{label}, filter at {args.keep}", rows))
        if label.startswith("train"):
            for side in ("even", "odd"):
                print(told(f"  {side} half", [r for p, r in zip(pages, rows) if half(p.name) == side]))
    if args.grid:
        for label, pages, scores in (("train out of fold", train, oof), ("dev", dev, dev_scores)):
            print(f"{label} F1 by threshold: " + " ".join(
                f"{t}:{total(counts(p, [i for i, s in enumerate(scores[p.name]) if s >= t])[0] for p in pages).f1:.3f}"
                for t in FIGURE_GRID))
    if args.against:
        before = {n: Counts(*v) for n, v in json.loads(args.against.read_text("utf-8")).items()}
        for split in ("train", "dev"):
            names = [n for n in sorted(before) if n.startswith(split + ":") and n in per_page]
            change, low, high = paired_change([before[n] for n in names], [per_page[n] for n in names])
            print(f"{split} paired change in F1: {change:+.4f} ({low:+.4f}..{high:+.4f}) over {len(names)} pages")
            for side in ("even", "odd") if split == "train" else ():
                part = [n for n in names if half(n) == side]
                change, low, high = paired_change([before[n] for n in part], [per_page[n] for n in part])
                print(f"  {side} half: {change:+.4f} ({low:+.4f}..{high:+.4f}) over {len(part)} pages")
    if args.explain:
        buckets = explain([("train", train, oof), ("dev", dev, dev_scores)], args.keep, args.explain)
        print("buckets: " + ", ".join(f"{k} {v}" for k, v in sorted(buckets.items())))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps({n: [c.tp, c.fp, c.fn] for n, c in sorted(per_page.items())}) + "\n",
                               "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
