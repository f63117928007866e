"""tools/status_oof.py: the status classifier's accuracy out of fold, counted per page, and the paired
bootstrap that says whether a change is beyond noise."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import status_oof  # noqa: E402

from kg.model import STATUSES  # noqa: E402


def rows(*golds: tuple[str, str]) -> list:
    """Rows of (page, features, gold index, about) with gold statuses named."""
    return [(page, [], STATUSES.index(gold), {}) for page, gold in golds]


def test_per_page_counts_and_the_paired_interval():
    made = rows(("a", "planned"), ("a", "ongoing"), ("b", "completed"), ("c", "proposed"))
    before = status_oof.per_page(made, [STATUSES.index(s) for s in ("planned", "planned", "ongoing", "proposed")])
    after = status_oof.per_page(made, [STATUSES.index(s) for s in ("planned", "ongoing", "completed", "proposed")])
    assert before == {"a": [1, 2], "b": [0, 1], "c": [1, 1]} and after == {"a": [2, 2], "b": [1, 1], "c": [1, 1]}
    value, low, high = status_oof.accuracy_ci(before)
    assert value == 0.5 and low <= value <= high
    change, low, high = status_oof.accuracy_ci(after, before)
    assert change == pytest.approx(0.5) and 0.0 <= low <= high  # never worse on any page: the interval stays at or above 0
    assert status_oof.accuracy_ci(before, before) == (0.0, 0.0, 0.0)


def test_confusion_puts_gold_in_rows_and_reading_in_columns():
    made = rows(("a", "planned"), ("a", "planned"), ("b", "ongoing"))
    table = status_oof.confusion(made, [STATUSES.index("ongoing"), STATUSES.index("planned"),
                                        STATUSES.index("ongoing")])
    planned = next(line for line in table if line.startswith("planned"))
    counts = [int(v) for v in planned.split()[1:]]
    assert counts[STATUSES.index("ongoing")] == 1 and counts[STATUSES.index("planned")] == 1 and sum(counts) == 2
