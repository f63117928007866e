"""The figure filter: one logistic regression over the rules' figures, and its keep threshold chosen on dev.

The rules read more numbers than the annotators keep as figures (anniversaries,
years, numbers the guide leaves out); a filter over each rule figure's unit,
size, neighbouring words and voice keeps those that score from a threshold.
A step of :func:`kg.learn.train.train`, apart from the sentence models.
"""

from __future__ import annotations

from typing import Sequence

from kg.eval.goldjson import _figure as figure_json
from kg.eval.scoring import score
from kg.extract.learned import SentenceReader
from kg.learn.extra import row_weights
from kg.learn.linear import MIN_FEATURE_COUNT, binary_weights
from kg.learn.pages import PageData
from kg.model import COMMITMENT_TYPES

FIGURE_C = 1.0  # the figure filter's regularisation, chosen on dev
FIGURE_GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)


def fit_figures(pages: Sequence[PageData], c: float = 1.0) -> dict[str, float] | None:
    """The figure filter: one logistic regression over the rules' figures of train (each weighted as its page)."""
    rows = [feats for page in pages for _, feats in page.figures]
    ys = [y for page in pages for y in page.figure_labels]
    weight = row_weights([page.weight for page in pages for _ in page.figures])
    return binary_weights(rows, ys, c, MIN_FEATURE_COUNT, weight)


def tune_figures(weights: dict[str, float], dev: Sequence[PageData]) -> tuple[float, dict]:
    """The keep threshold with the best figures F1 on dev, beside the rules' own F1."""
    probe = SentenceReader(types=tuple(COMMITMENT_TYPES), weights={}, keep={}, propose={}, figure_weights=weights)
    scored = [[(f, probe.figure_score(feats)) for f, feats in page.figures] for page in dev]

    def f1_at(threshold: float) -> float:
        items = [(page.name, {"figures": [figure_json(page.doc, f) for f, p in row if p >= threshold]},
                  {"figures": page.gold.get("figures") or []}) for page, row in zip(dev, scored)]
        return score(items).counts["figures"].f1

    rules_f1 = f1_at(-1.0)
    best = max(FIGURE_GRID, key=lambda t: (f1_at(t), -t))
    return best, {"keep": best, "dev_f1": round(f1_at(best), 4), "dev_f1_rules": round(rules_f1, 4)}
