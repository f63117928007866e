"""Five-fold out-of-fold reading of the train split: an F1 far less noisy than dev's, and thresholds from it.

Dev has 117 pages, so its F1 moves by about 0.06 either way with the pages
drawn (95% bootstrap interval), and thresholds chosen on it fit its noise.
Train has about eighteen times as many: each page is read by a model fitted
on the other four fifths (a page is one transcript, so no transcript is read
by a model that saw it), and the per-type thresholds that do best over all
of them are chosen, or the F1 at given thresholds reported.
"""

from __future__ import annotations

import hashlib
import random
from typing import Callable, Iterable, Sequence

from kg.eval.scoring import Counts
from kg.extract.learned import SentenceReader
from kg.learn.pages import PageData
from kg.learn.tuning import PageOptions, page_options

FOLDS = 5
FLOOR = 0.1  # the lowest propose threshold of the grid (kg.learn.tuning.PROPOSE_GRID)


def fold_of(name: str, folds: int = FOLDS) -> int:
    """The fold of a page, from its name alone: stable whatever pages are added or left out."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % folds


def options_of(pages: Sequence[PageData], reader: SentenceReader, override: float, extra: float
               ) -> list[PageOptions]:
    """Every page's options (:func:`kg.learn.tuning.page_options`) under ``reader``'s scores."""
    return [page_options(page, [reader.scores(f) for f in page.features], reader, override, extra, FLOOR)
            for page in pages]


def out_of_fold(pages: Sequence[PageData], fit_reader: Callable[[list[PageData]], SentenceReader],
                override: float, extra: float, note: Callable[[str], None] = lambda m: None
                ) -> list[PageOptions]:
    """Each page's options as read by a reader ``fit_reader`` made from the other folds, sorted by name."""
    out: list[PageOptions] = []
    for fold in range(FOLDS):
        note(f"fold {fold + 1} of {FOLDS}")
        held = [p for p in pages if fold_of(p.name) == fold]
        if not held:
            continue
        reader = fit_reader([p for p in pages if fold_of(p.name) != fold])
        out.extend(options_of(held, reader, override, extra))
    return sorted(out, key=lambda o: o.name)


def paired_change(before: Sequence[Counts], after: Sequence[Counts], draws: int = 2000, seed: int = 0
                  ) -> tuple[float, float, float]:
    """The change in F1 from ``before`` to ``after`` (each page's counts, the same pages in the same order)
    and its 95% bootstrap interval, resampling pages with both arms drawn alike.

    Two readers' F1 on the same pages move together with the pages drawn, so the
    interval of their difference is far narrower than either F1's: a change is
    kept only when this interval lies above zero.
    """
    if len(before) != len(after):
        raise ValueError(f"{len(before)} pages before, {len(after)} after: not the same pages")
    rng = random.Random(seed)
    n = len(before)
    changes = []
    for _ in range(draws):
        picked = [rng.randrange(n) for _ in range(n)]
        changes.append(total(after[i] for i in picked).f1 - total(before[i] for i in picked).f1)
    changes.sort()
    return (total(after).f1 - total(before).f1, changes[int(0.025 * (draws - 1))],
            changes[int(round(0.975 * (draws - 1)))])


def interval(rows: Sequence[Counts], draws: int = 2000, seed: int = 0) -> tuple[float, float]:
    """The 95% bootstrap interval of the F1 of ``rows`` (each page's counts), resampling pages."""
    rng = random.Random(seed)
    n = len(rows)
    values = sorted(total(rows[rng.randrange(n)] for _ in range(n)).f1 for _ in range(draws))
    return values[int(0.025 * (draws - 1))], values[int(round(0.975 * (draws - 1)))]


def total(rows: Iterable[Counts]) -> Counts:
    """The counts of ``rows`` (pages) summed."""
    total = Counts()
    for row in rows:
        total.add(row)
    return total
